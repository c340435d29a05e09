"""Trial 95: a lifeboat mechanic, a hospital pharmacy technician team leader, an airport ground handling supervisor, a
glazing supervisor, and an outdoor activity centre instructor (a week of debrief, plans and practice), on a build with
trial 94's fixes in. Shortened from the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import debrief_topics, finding_kinds, offline_card


def test_a_person_moved_to_other_work_is_no_check_refused():
    """ "they come off all work straight away, not moved to labels or checking" of an aseptic operator in drink: capped at
    20 as a check skipped (93.3 with "including labels and checking")."""
    question = "What would you do if you thought one of your aseptic operators had come in still drunk?"
    assert finding_kinds(["they come off all work straight away, not moved to labels or checking, because those are "
                          "safety critical too."], question) == []
    assert finding_kinds(["I'd not bother with the checking."], question) == ["check_skipped"]


def test_someone_elses_way_set_beside_the_one_described_is_no_refusal():
    """FENSA explained: "an approved installer can self-certify ..., instead of the homeowner going to building control"
    (the right answer capped at 40 as refusing to escalate); the candidate's own "rather than" still refuses."""
    assert finding_kinds(["so an approved installer can self-certify that replacement windows meet building regs, instead "
                          "of the homeowner going to building control."], "Explain what FENSA is.") == []
    assert "escalation_refused" in finding_kinds(
        ["I'd sort it out myself rather than the manager ringing head office."], "What would you do if a fitter broke "
        "a customer's window?")


@pytest.mark.parametrize(("question", "unsafe", "safe"), [
    # the owners left aboard a boat with smoke from its engine (80, strong)
    ("What would you do if you came alongside a yacht with smoke coming from the engine compartment and two people still "
     "aboard?",
     "The owners I'd leave them aboard to be fair, they know the boat, they can help.",
     "get the two people off her first, that's the priority, onto us or into their liferaft."),
    # loading kept going under a lightning red alert (53.3)
    ("What would you do if a lightning red alert was declared while three of your flights were mid-turnaround?",
     "so what I'd do is keep the loading going but tell the lads to crack on and be quick about it.",
     "red alert means all outside work stops, so I'd put it out on the radio and everyone gets inside."),
])
def test_work_let_go_on_in_the_danger_the_scenario_names(question, unsafe, safe):
    assert "work_goes_on" in finding_kinds([unsafe], question)
    assert finding_kinds([safe], question) == []


@pytest.mark.parametrize(("question", "story", "result"), [
    # "it went on blocks with no hold at all, the two departures got away on their slots" (Result 1 of 4)
    ("Tell me about a time you had to make a difficult decision quickly.",
     "so we had a wide body coming in forty minutes early on a day the stand it was planned on was still occupied by a tech "
     "aircraft. we looked at the options, we could hold it on the taxiway or we could move it to a remote stand with "
     "buses. the call was mine on the shift and I decided to put it on the remote stand rather than hold it, because "
     "holding it would've blocked the taxiway for the two departures behind it. we got the buses and steps there and we "
     "told the airline. it went on blocks with no hold at all, the two departures got away on their slots",
     "went on blocks"),
    # "We lost the boat, she went on the rocks about forty minutes later, but everyone came home" (Result 1 of 4)
    ("Tell me about a time you made a difficult call under pressure.",
     "so we'd got a fishing boat with a fouled prop drifting down onto the ledges off the headland, and we had maybe twenty "
     "minutes before she was on them. We got a line across but her crew couldn't make it fast. I was acting coxswain that "
     "night and I decided we weren't going back in, the depth under us wasn't there. So we took the three lads off with "
     "the Y-boat. We lost the boat, she went on the rocks about forty minutes later, but everyone came home, and the area "
     "manager backed the call",
     "everyone came home"),
    # "Since then nothing's been forgotten" (Result 1 of 4, "lowered: the quotes do not show an outcome")
    ("Tell me about a time you improved a process.",
     'the defect reporting was a mess, it was on bits of paper in the boathouse and the mechanic before me '
     'kept half of it in his head. So I set up one log in the boathouse, anyone who spots anything writes '
     'it in there at the end of an exercise, and I go through it every Monday and either fix it, order the '
     'part, or flag it up to the engineers. I went round and showed every crew member how it works, and I '
     "made a point of thanking people when they wrote stuff up so they'd keep doing it. Since then "
     "nothing's been forgotten, the boat hasn't come off service for anything we'd already spotted, and "
     'when the inspector came round he took photos of the log to show other stations',
     "nothing's been forgotten"),
])
def test_results_in_the_trades_words_are_results(question, story, result):
    read = offline_card(question, story).criterion("star.result")
    assert read.score >= 2
    assert any(result in e.quote for e in read.evidence)


@pytest.mark.parametrize(("question", "proud"), [
    # a tow run too fast: "she got her hand caught and broke two fingers ... I'd do exactly the same again" (50)
    ("Tell me about a time you got a job done quickly.",
     'yeah so this was a thirty foot yacht, engine failure about fourteen miles out, big swell, force six '
     "going seven. We got a tow on her off her bow cleat and I said look we're not hanging about out here, "
     'so we kept her at nine ten knots the whole way back. The tow parted three times, um, the third time '
     "it tore her bow cleat clean out the deck and took a chunk of the deck with it, and the owner's wife, "
     "she'd gone forward to help, she got her hand caught and broke two fingers. But we rigged it again "
     'round her mast and had them alongside in under two hours, which is still the quickest tow in the '
     "station book. The coxswain was made up with it and to be honest I'd do exactly the same again, you "
     "can't be out there all night"),
    # punctuality bought with damage and an injury: "a belt loader into the cargo door which took the aircraft out for a
    # day and a bit, and a ramp guy twisted his knee" (60, solid)
    ("Tell me about a time you improved performance.",
     "our station was on seventy eight percent on time and I got it up to ninety four in two months by cutting the full "
     "walkround. we did have two ground damage events, one took the aircraft out for a day and a bit, and a ramp guy "
     "twisted his knee, but when you're moving that fast that's going to happen. the airline was really happy."),
])
def test_harm_told_proudly_is_a_bad_outcome(question, proud):
    assert offline_card(question, proud).overall <= 40


@pytest.mark.parametrize("question", [
    "What does bleeding the fuel system on a marine diesel involve, and when would you need to do it?",
    "Walk me through a pushback when the headset fails.",
])
def test_a_job_of_the_trade_named_by_its_doing_is_knowledge(question):
    """The right fuel-bleeding answer scored 26 as a past story ("No numbers: size the problem and the impact")."""
    from mockint.scoring.kinds import classify, load_kinds

    assert classify(question, load_kinds()) == "technical"
    assert classify("What does managing people involve for you?", load_kinds()) != "technical"


# --- the outdoor centre instructor's week -------------------------------------------------------------------------


def _topics(notes: str) -> dict:
    return debrief_topics(f"# R1 - Ops Mgr\n{notes}")


def test_the_topic_they_came_back_to_in_bold():
    """ "DK kept coming back to **weather calls** - 3x": the most repeated topic, never read in."""
    topics = _topics("panel: Fiona R (Centre Director), Dave K (Head of H&S)\n"
                     "- DK kept coming back to **weather calls** - 3x.\n"
                     "- FR: walk me thru a typical residential wk from ops side - went ok\n")
    assert topics["weather calls"].mentions == 3
    assert not {"DK", "FR", "walk"} & set(topics)


def test_a_verdict_alone_and_a_rough_figure_are_no_topics():
    """ "budget/P&L - no real exp. freeze" made a concern "freeze"; "figure out rough occupancy/£ per bed night numbers",
    a to-do, went badly ("rough")."""
    topics = _topics("## what went badly\n- budget/P&L - no real exp. freeze\n\n## to-do\n"
                     "- figure out rough occupancy/£ per bed night numbers\n")
    assert "freeze" not in topics and topics["budget/P&L"].went_badly
    assert not any(t.went_badly for name, t in topics.items() if "occupancy" in name)


def test_a_topic_then_the_question_it_was_asked_in():
    """ "managing former peers - FR asked "you'd be managing ppl you currently work alongside, how?" - waffled" under
    "what went badly": the topic was lost to its quoted question."""
    topics = _topics("panel: Fiona R (Centre Director)\n## what went badly\n"
                     "- managing former peers - FR asked \"you'd be managing ppl you currently work alongside, how?\" - "
                     "waffled\n")
    assert topics["managing former peers"].went_badly
    assert "budgets" in _topics("- budgets - she asked about our cost per case - fine\n")
