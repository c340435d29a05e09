"""Trial 85: a mortuary technologist, a gas network emergency team leader, a leisure centre duty manager, a hotel head
housekeeper, and a GP surgery's assistant practice manager (a week of debrief, plans and practice). Shortened from the
trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import finding_kinds


def _topics(notes: str) -> dict:
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    return {t.name: t for t in parse_debrief(f"Round 1 - Practice Manager\n{notes}", load_bank()).topics}


def test_a_topic_that_never_came_up_is_no_topic():
    """ "repeat prescriptions turnaround - didn't come up?? surprised" was read as a topic that came up."""
    assert _topics("- repeat prescriptions turnaround - didn't come up?? surprised\n") == {}
    assert "repeat prescriptions turnaround" in _topics("- repeat prescriptions turnaround - came up, went fine\n")


def test_a_poorly_performing_receptionist_is_a_topic_and_says_nothing_of_the_others():
    """ "Expect questions on finance, on the CQC well-led KLOE, and on how I'd handle a poorly performing receptionist":
    the receptionist was dropped and its "poorly" said finance and the CQC had gone badly."""
    topics = _topics("Expect questions on finance, on the CQC well-led KLOE, and on how I'd handle a poorly performing "
                     "receptionist\n")
    assert {n: (t.reason, t.went_badly) for n, t in topics.items()} == {
        "finance": ("forewarned", False), "CQC well-led KLOE": ("forewarned", False),
        "poorly-performing receptionist": ("forewarned", False)}


VIEWING = ("What would you do if, just before a family viewing, you noticed the name on the wrist band did not match the "
           "mortuary register?")


def test_keeping_a_family_calm_is_no_alarm_skipped():
    """The model answer's "just say we need a few more minutes to get things ready, nothing that alarms them" read as a
    check skipped: held at 20 beside the answer that re-prints the band to match."""
    assert finding_kinds(["So I'd ask a colleague to go and sit with the family and just say we need a few more minutes "
                          "to get things ready, nothing that alarms them."], VIEWING) == []
    assert finding_kinds(["I wouldn't bother with the alarms tonight."], VIEWING) == ["check_skipped"]


def test_no_agency_without_my_sign_off_is_a_check_made_a_rule():
    """ "I said no agency without me signing it off the day before" (the answer's one decision of its own) read as a
    check skipped: Action 0, 39."""
    assert finding_kinds(["the one thing that was my call was I said no agency without me signing it off the day "
                          "before."]) == []
    assert finding_kinds(["I'd book the agency without me signing it off."]) == ["check_skipped"]


def test_the_cause_found_is_no_outcome():
    """ "turned out she had a shoulder injury she was hiding because she was scared of losing hours" (what the candidate
    found out) was gated at 22 as a disaster stood by."""
    from mockint.scoring.offline import harms_named

    assert harms_named("turned out she had a shoulder injury she was hiding because she was scared of losing hours.") == []
    assert harms_named("she had a shoulder injury and we lost her in the end.") != []


def test_how_soon_a_rule_wants_it_reported_is_a_knowledge_question():
    """Read as "tell me about a time": the right answer 22, a wrong one 48."""
    from mockint.scoring.kinds import classify

    assert classify("What is an HTA reportable incident, can you give examples, and how quickly must it be reported?") \
        == "technical"
    assert classify("Tell me about a time you had to report an incident quickly.") == "behavioural"


def test_a_check_seen_skipped_by_someone_else_is_not_the_candidates():
    """ "on an accompanied visit last spring I saw one of the newer lads not checking his detector calibration date" (a
    model answer on keeping engineers competent) read as the candidate's own check skipped: Method 1 of 4."""
    question = "How do you make sure your engineers stay competent and safe working on live gas?"
    assert finding_kinds(["on an accompanied visit last spring I saw one of the newer lads not checking his detector "
                          "calibration date, so I pulled the detector the same day."], question) == []
    assert finding_kinds(["I found I was not checking the calibration dates."], question) == ["check_skipped"]
