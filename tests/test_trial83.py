"""Trial 83: a veterinary head nurse, a water network supervisor, a print production supervisor, a forestry works
supervisor, and an IT service desk team leader (a week of debrief, plans and practice). Shortened from the trials' own
answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

# --- the IT service desk: round one's notes ----------------------------------------------------------------------------


def _topics(notes: str) -> dict:
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    return {t.name: t for t in parse_debrief(f"Round 1 - IT Service Manager\n{notes}", load_bank()).topics}


def test_what_they_still_want_is_what_round_two_will_ask_not_an_answer_that_fell_flat():
    """ "Marcus said they want more on budget and on reporting to the board", of a question round one never asked, was
    retried as "One answer fell flat in round one: budget. Let's try it again"."""
    topics = _topics("Marcus said they want more on budget and on reporting to the board.\n")
    assert {n: (t.reason, t.went_badly) for n, t in topics.items()} == {
        "budget": ("forewarned", False), "reporting to the board": ("forewarned", False)}
    assert _topics("- the recruiter said they wanted more on budget\n")["budget"].reason == "fell_flat"


def test_a_question_never_asked_and_a_remark_on_it_are_no_topics():
    """ "no budget question?? surprising for a manager role" read a topic "surprising for a manager role"; "they never
    asked about budget" read budget as having come up."""
    assert _topics("- no budget question?? surprising for a manager role\n") == {}
    assert _topics("- they never asked about budget, odd for a manager role\n") == {}
    assert _topics("- no question on budget, surprising\n") == {}
    assert "budget" in _topics("- they asked about budget, went fine\n")


def test_not_sounding_convincing_went_badly_and_twice_more_is_three_times():
    """ "Cyber Essentials Plus - ... I only really know the desk side, didn't sound convincing" read as came up, never
    drilled; "kept coming back to clinical systems - twice more after the EPR question" counted 2."""
    cyber = _topics("- Cyber Essentials Plus - they asked what my role was in it. I only really know the desk side, "
                    "didn't sound convincing\n")
    assert [(t.reason, t.went_badly) for t in cyber.values()] == [("fell_flat", True)]
    assert _topics("Raj kept coming back to clinical systems - twice more after the EPR question.\n")[
        "clinical systems"].mentions == 3
    assert _topics("Raj kept coming back to clinical systems.\n")["clinical systems"].mentions == 2


def test_a_definition_blanked_on_is_knowledge_and_how_id_handle_an_event_is_a_plan():
    """ "blanked when asked the difference between an incident and a problem in ITIL 4 terms" was retried as "one real
    example, what you did, and the outcome" (a wrong definition scored 80); "on how I'd handle a major incident out of
    hours" was asked for a past example (a sound plan 33)."""
    from mockint.scoring.kinds import classify_topic

    line = "problem management - blanked when asked the difference between an incident and a problem in ITIL 4 terms"
    (difference,) = [n for n in _topics(f"- {line}\n") if n.startswith("difference")]
    assert classify_topic(difference, [line]) == "technical"
    expect = "Expect questions on supplier management, and on how I'd handle a major incident out of hours."
    topics = _topics(f"{expect}\n")
    assert classify_topic("major incident out of hours", [expect]) == "situational"
    assert classify_topic("supplier management", [expect]) == "behavioural"
    assert {"supplier management", "major incident out of hours"} <= set(topics)


def test_a_why_question_of_two_words_opened_with_is_the_topic():
    """ 'opened with "why service manager, why now" - ok, bit rambly': no topic read in (the motivation answer lost)."""
    assert "why service manager, why now" in _topics('- opened with "why service manager, why now" - ok, bit rambly\n')


# --- scenario plans ------------------------------------------------------------------------------------------------

LONE = "What would you do if you arrived on site and found a chainsaw operator cutting windblow on his own?"


def test_a_plan_in_management_words_says_nothing_and_scores_low():
    """ "I'd deal with it professionally ... address the situation with the operator in a supportive way ... involve the
    right people at the right time" scored 86.7, Concrete plan 3 of 4; a trunk main plan of "communicating effectively
    with all the relevant stakeholders" 66.7."""
    empty = ("so for me lone working on windblow is something I take very seriously and I'd deal with it professionally. "
             "I'd address the situation with the operator in a supportive way and make sure he understood where the "
             "company stands on it and why it matters. Then I'd look at the wider picture, because usually something "
             "like this points to a gap in the way things are being managed. I'd involve the right people at the right "
             "time and make sure the outcome was properly recorded. It's important that the crew see that standards are "
             "upheld consistently, but also that it's a learning opportunity rather than a blame thing.")
    concrete = ("I'd get his attention from outside two tree lengths and have him stop the saw and set it down. Then I'd "
                "find out why he was alone, whether his partner had gone for fuel or never turned up. Nobody restarts "
                "until there's a second competent person on site and an emergency plan with a grid reference for the "
                "ambulance, and I'd ring the contract manager the same day and log it as a near miss, because lone "
                "felling of windblow is how people die.")
    assert offline_card(LONE, empty).overall <= 40
    assert offline_card(LONE, concrete).overall >= 70


def test_a_call_to_move_a_booking_is_no_escalation_refused():
    """ "the euthanasia I would not move ... you don't ring someone the morning of to rearrange" read as refusing to
    escalate: a sound staffing plan capped at 20."""
    assert finding_kinds(["the euthanasia I would not move, that family's booked that and you don't ring someone the "
                          "morning of to rearrange, so I'd do that one myself."]) == []
    assert finding_kinds(["I wouldn't ring the vet to tell him, I'd just do it myself."]) == ["escalation_refused"]


CHAMBER = ("What would you do if one of your technicians wanted to go down into a valve chamber without a gas monitor "
           "because customers were off supply?")


def test_a_permit_done_after_the_job_is_a_check_skipped():
    """ "we'd do the gas monitor paperwork and the permit after when the van with the kit turned up" (80, strong)."""
    assert finding_kinds(["we'd do the gas monitor paperwork and the permit after when the van with the kit turned up."],
                         CHAMBER) == ["check_skipped"]
    assert finding_kinds(["nobody goes down until the gas monitor is on and the permit is signed."], CHAMBER) == []


COLIFORM = "What would you do if a routine regulatory sample from a customer tap came back with coliforms?"


def test_a_failed_sample_kept_from_the_regulator_until_it_fails_again_is_unsafe():
    """ "no need to go making a big noise about it and getting the water quality team and the DWI involved ... if it
    came back positive again then yeah I'd escalate it" (80, strong: the second failure's escalation redeemed it)."""
    quiet = ("what I'd do is quietly get one of my lads out to resample it the next morning, and there's no need to go "
             "making a big noise about it and getting the water quality team and the DWI involved over something "
             "that's probably nothing. if it came back positive again then yeah I'd escalate it. I'd tell the sampler "
             "to be more careful next time.")
    told = ("I'd ring the water quality team straight away, because the duty scientist owns the DWI notification. We'd "
            "resample the tap and upstream at the hydrant, check the chlorine residual and the repair history, and if it "
            "came back positive again it goes to an incident with public health.")
    assert offline_card(COLIFORM, quiet).overall <= 20
    assert offline_card(COLIFORM, told).overall >= 60


# --- knowledge questions and stories -------------------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "What parameters do you monitor in a dog under general anaesthesia, what values would you expect, and when would "
    "you alert the vet?",
    "What hygiene steps do you follow after a mains repair before the main goes back into supply?",
])
def test_the_values_and_steps_of_the_trade_are_knowledge_questions(question):
    """Both read as "tell me about a time": the right monitoring answer scored 34, an expert hygiene answer 33."""
    from mockint.scoring.kinds import classify

    assert classify(question) == "technical"
    assert classify("What values do you hold as a leader?") != "technical"


def test_one_side_of_a_choice_the_question_offers_is_no_miss():
    """ "Tell me about a time you had to deal with underperformance or conflict" answered with a conflict: "never gets
    to underperformance", held at 20 (78 with "conflict" alone in the question)."""
    from mockint.scoring.offline import _other_choice

    story = ("so we had a situation in the kennels team where two of our RVNs just weren't getting on, it was affecting "
             "handovers and the students were picking up on it. we sat down as a nursing team and we agreed we needed a "
             "proper structure. the one decision I made myself was to split their shifts so they weren't both on the "
             "same ward on the same day for a month, and I told the clinical director I was doing it and why. we then "
             "brought in a written handover sheet for inpatients. things settled down after that.")
    asked = "Tell me about a time you had to deal with underperformance or conflict in your nursing team."
    assert offline_card(asked, story).overall >= 60
    assert _other_choice("underperformance", asked) == "conflict in your"
    assert _other_choice("underperformance", "How do you deal with underperformance in your team?") is None
    # ... and a story that takes neither side misses both
    assert offline_card("Tell me about a time you had to deal with underperformance or lateness in your team.",
                        story).overall <= 35


EMERGENCY = "Tell me about a time you managed an anaesthetic complication or emergency in theatre."


def test_the_part_the_candidate_played_is_a_task_and_a_patient_home_is_a_result():
    """A vet nurse's best story: "I was monitoring a nine year old labrador having a splenectomy" read Task 1 of 4,
    "systolic came back to ninety five within ten minutes ... went home on day three" Result 1 of 4, no quote."""
    story = ("so last spring I was monitoring a nine year old labrador having a splenectomy for a bleeding mass and about "
             "twenty minutes in his systolic on the doppler dropped from about a hundred and ten to seventy. I told the "
             "surgeon straight away, turned the iso down and started a crystalloid bolus, and I got the second nurse to "
             "cross match him with our blood donor dog.{end}")
    card = offline_card(EMERGENCY, story.format(end=" systolic came back to ninety five within ten minutes, he had the "
                                                    "transfusion post op and went home on day three."))
    assert card.criterion("star.task").score >= 2 and card.criterion("star.result").score >= 3
    assert offline_card(EMERGENCY, story.format(end="")).criterion("star.result").score <= 1
