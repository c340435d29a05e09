"""Trial 45: a mental health nurse, a housing officer, an events coordinator and a lab scientist wrote and graded their
answers before scoring them. Right answers read as unsafe or off the question, and unsafe ones as sound; the sentences
below are shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card
from test_proud_disasters import gates_of
from test_proud_recovery import card

HOLDING_POWER = "Can you explain the nurse's holding power under the Mental Health Act and when you would use it?"


def test_the_you_of_a_rule_explained_refuses_nothing():
    # the right answer on section 5(4) scored 40, "refuses to escalate or report", below the wrong one's 86.7
    right = card(HOLDING_POWER, (
        "so the nurses holding power is section five four of the Mental Health Act. it can only be used by a nurse of the "
        "prescribed class, and only for a patient who's already an informal inpatient. you use it when they want to "
        "leave and it's necessary for their health or safety that they're stopped right away, and you can't get a doctor "
        "or approved clinician to do a section five two in time. it lasts up to six hours. you record it on form H two "
        "straight away. it doesn't give you any power to treat without consent."))
    assert right.band == "strong" and right.overall_capped is None
    # ... while "I wouldn't" in a plan still refuses
    assert "escalation_refused" in finding_kinds(["I wouldn't ring the duty doctor, she'll settle."])


@pytest.mark.parametrize("sentences, question", [
    # the question restated: someone else's not following
    (["what would I do um if someone in the team kept not following the SOP."],
     "What would you do if a member of your team repeatedly didn't follow an SOP?"),
    # the client's agency's habit, reported in a story of saying no
    (["the client was really angry, their agency said other venues just let them do it, so I offered a cold spark "
      "machine."], "Tell me about a time you refused a client's request on safety grounds, a smoke effect and a fire risk."),
])
def test_someone_elses_step_reported_is_no_finding(sentences, question):
    assert finding_kinds(sentences, question) == []


def test_an_error_caught_before_it_did_harm_answers_a_question_about_an_error():
    question = "Tell me about a time you spotted an error before it reached a patient."
    answer = ("last winter I noticed calcium results from one ward all came back low with a low ALP and high potassium, "
              "classic EDTA contamination. I rejected them, phoned the ward manager, and ran ten minute order of draw "
              "sessions for their staff. Contaminated samples from that ward went from about eight a month to one")
    assert "off_topic" not in gates_of(question, answer) and card(question, answer).band == "strong"


def test_the_post_named_in_why_be_a_ward_manager_is_frame_not_a_topic():
    question = "Why do you want to be a Ward Manager with this trust?"
    researched = (
        "so there's three reasons really. first your trust is one of the early sites for the Patient and Carer Race "
        'Equality Framework, and on my current ward black patients are detained and restrained far more than anyone '
        "else, so I want to work somewhere that's actually measuring that and doing something about it. second I read"
        ' your last CQC report and Ash ward was rated requires improvement for safe in twenty twenty three mainly '
        "around observations and ligature audits, and those are exactly the two things I've fixed as a deputy, I "
        "rewrote our obs policy training and we passed our last ligature audit with no actions. third you've just "
        "opened the new place of safety and you're doing the Safewards refresh across all the acute wards this year, "
        'and I led Safewards on my ward so I can hit the ground running. also I live twenty minutes away and I did my'
        ' student placement here in twenty seventeen, I know how the bed pressures work here.')
    assert "off_topic" not in gates_of(question, researched) and card(question, researched).overall >= 80


def test_what_a_rule_requires_is_knowledge_and_bluster_is_no_reasoning():
    from mockint.scoring.kinds import classify

    question = ("What does the pre-action protocol for possession claims by social landlords require you to do before "
                "you go to court for rent arrears?")
    assert classify(question) == "technical"
    assert classify("What does the role require?") != "behavioural"
    said = "you just send the notice and go to court, I've used it for years so I know it well, it's pretty simple."
    accuracy = next(c for c in offline_card(question, said).criteria if c.key == "technical.accuracy")
    assert accuracy.score <= 1


@pytest.mark.parametrize("said, fixed", [
    ("the median went from fifty eight minutes to forty four minutes, so that's a saving of about twenty five minutes",
     "the median went from fifty eight minutes to forty four minutes, so that's a saving of about fourteen minutes"),
    ("I ran the project over six weeks starting in March and it was finished by the end of January",
     "I ran the project over six weeks starting in March and it was finished by the end of April"),
    ("I did the training for all thirty of our staff which was about sixty percent of the team",
     "I did the training for thirty of our staff which was about sixty percent of the team"),
])
def test_a_difference_a_span_and_all_of_a_group_that_cannot_be_true_are_found(said, fixed):
    assert impossible(said)
    assert impossible(fixed) == []


@pytest.mark.parametrize("sentences, question, kind", [
    (["If the repeat comes back in I'd accept the run and carry on releasing patients."],
     "What would you do if the level two troponin QC failed a 1-3s rule and ED is waiting for results?", "work_goes_on"),
    (["I'd pick the two who've been most settled and I'd just bring them down to general obs for the night myself."],
     "What would you do if you came on for the night with three patients on enhanced obs and only four staff?",
     "work_goes_on"),
    (["I'd get one person on each arm, one on the legs, and someone kneeling across his back to keep him still."],
     "What would you do if staff had a patient on the floor face down?", "work_goes_on"),
    (["I wouldn't bother asking for a managed payment either because that takes weeks to come through."], "",
     "check_skipped"),
    (["if she's in arrears I'd put the repair on hold until she's on a plan."], "", "cover_up"),
    (["the first thing I'd do is keep the show going, I'd keep the band playing."],
     "What would you do if stewards told you pressure was building at the front of the standing area?", "work_goes_on"),
    (["what I'd do is open doors on time and let the riggers keep working above the floor while the audience comes in."],
     "What would you do if the rigging crew were two hours behind and the client wants doors on time?", "work_goes_on"),
])
def test_an_unsafe_step_in_a_lab_ward_estate_or_arena_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


@pytest.mark.parametrize("sentences, question", [
    (["I'd stop releasing troponins, quarantine the run and look back at patients since the last good QC."],
     "What would you do if the level two troponin QC failed a 1-3s rule and ED is waiting for results?"),
    (["I'd want a culture of openness where people aren't afraid to speak up."], ""),
    (["I'd hold doors until the rig is signed off, and tell the client why."],
     "What would you do if the rigging crew were two hours behind and the client wants doors on time?"),
])
def test_their_sound_twins_are_no_finding(sentences, question):
    assert finding_kinds(sentences, question) == []
