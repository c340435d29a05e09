"""Trial 96: a water bottling shift manager, a children's home deputy manager, a scaffolding contracts supervisor, and a
vet practice head receptionist (a week of debrief, plans and practice), on a build with trials 94-95's fixes in.
Shortened from the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card


def test_a_test_that_came_back_failed_is_no_failure_of_ones_own():
    """ "Tell me about a time you dealt with a failed micro result", answered with a positive coliform held and released:
    20, "never gets to failed" (87 asked as "a micro result came back positive")."""
    answer = ("so last summer a routine sample off line two came back presumptive coliforms. I put everything from that "
              "line since the last clear result on hold, about forty pallets, stripped and swabbed the filler, and got the "
              "confirmation tests run. the confirmation came back clear, we released on the lab's sign off, and I added a "
              "swab of the filler valves to the weekly checks.")
    card = offline_card("Tell me about a time you dealt with a failed micro result.", answer)
    assert card.overall > 35 and card.criterion("specificity.relevance").score >= 3
    assert offline_card("Tell me about a time you failed.", "I moved to a new house last year and painted the kitchen "
                        "blue, and we had a big party for the street.").overall <= 35


def test_a_hidden_thing_named_as_the_problem_is_no_cover_up():
    """ "showed them the audit findings we'd had for backdated records": a night manager's story of stopping it, Action 0
    of 4 as "keeps the problem hidden" (30; 66 with the two words changed)."""
    question = "Tell me about a time you brought in a change your team resisted."
    assert finding_kinds(["I showed them the audit findings we'd had for backdated records."], question) == []
    assert finding_kinds(["I'd get the lads to backdate the records."], question) == ["cover_up"]


# --- the vet practice head receptionist's week --------------------------------------------------------------------


def _topics(notes: str) -> dict:
    return debrief_topics(f"# Rd 1 - Practice Manager\n{notes}")


def test_a_panel_member_named_with_a_role_is_who_asked():
    """ "Mark (group ops mgr)", then "Mark: P&L experience?? ... fumbled": a weak area "Mark", drilled as "the specific
    steps, terms or figures a practitioner would use"."""
    topics = _topics("panel: Dr Priya Shah (clinical director), Mark (group ops mgr)\n## Qs they asked\n"
                     "- Mark: P&L experience?? - none really, only cash-up + debt chasing. fumbled\n")
    assert "Mark" not in topics
    assert any("P&L" in name and topic.went_badly for name, topic in topics.items())


def test_the_round_itself_and_bad_debt_are_no_verdicts_or_topics():
    """ "2nd rd = Mark + regional director" became a topic drilled ("They said round two will ask about 2nd rd"), and
    "payment plans - ... how we cut bad debt" under "went fine" read as going badly."""
    topics = _topics("## went fine\n- payment plans - explained our 3-month plan + how we cut bad debt\n\n"
                     "## round 2 (per Janine at end)\n- 2nd rd = Mark + regional director\n")
    assert not topics["payment plans"].went_badly
    assert not any("rd" in name.split() or "round" in name.split() for name in topics)
