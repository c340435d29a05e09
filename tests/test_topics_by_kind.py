"""What a question is about, read by kind (rubrics/substance.yaml's `topics`): an approach answer that never gets to its
question's topic is off it, as a story is; a technical answer is not read by topics. From batch 5's dev answers; the
answers here are made up for these tests.
"""

from __future__ import annotations

import pytest
from conftest import offline_card

from mockint.scoring.rubrics import load_rubrics

PAYROLL_IN_HOUSE = (
    "so the thing I'm proudest of was taking our payroll in house. we paid about three thousand people through a bureau "
    "and the error rate was nearly two percent of payslips. I made the case to the finance director, chose the system HR "
    "already used and insisted on three parallel runs before go live. within six months errors were down to a fifth of "
    "a percent and we saved the whole bureau fee.")


LANGUAGE_PROGRAMME = (
    "so the thing I'm proudest of across the group is our language work. the two year checks were flagging a lot of speech "
    "delay, about a third of children, so I picked a language champion in each nursery, got them trained, and set up small "
    "group work three times a week. after two terms we rescreened and the children flagged went from thirty two percent to "
    "fourteen, and the local authority asked to use our model.")


@pytest.mark.parametrize("question, answer", [
    ("How do you approach developing the people in your payroll team?", PAYROLL_IN_HOUSE),  # was 100
    ("How do you usually manage budgets and occupancy across your settings?", LANGUAGE_PROGRAMME),  # was 95
])
def test_an_approach_answer_that_never_gets_to_its_topic_is_off_it(question, answer):
    card = offline_card(question, answer)
    assert card.criterion("specificity.relevance").score <= 1 and card.overall <= 40


def test_the_same_story_answers_a_question_about_its_topic():
    card = offline_card("How do you approach improving accuracy in payroll?", PAYROLL_IN_HOUSE)
    assert card.criterion("specificity.relevance").score >= 3 and card.overall >= 60


def test_a_technical_answer_about_the_trades_mistakes_is_not_asked_for_a_failure_of_its_own():
    # "How would you spot the mistakes newcomers make" was read as asking for the candidate's own failure: gated at 20
    card = offline_card(
        "How would you spot the mistakes newcomers to this work most often make, and why do they matter?",
        "I review their closed tickets. the usual ones are closing an alert because the hash is clean, when it's a living "
        "off the land binary and the command line is what matters; not pivoting across the SIEM for other hosts; and "
        "resetting a compromised password without revoking sessions, so the stolen token keeps working for hours.")
    assert card.criterion("specificity.relevance").score >= 3


def test_a_mistake_owned_and_learned_from_is_a_failure_told():
    card = offline_card(
        "Describe a mistake you made that affected others. How did you put it right?",
        "I did the rota one December and approved two nurses' annual leave for the same Saturday, so we were one short on "
        "a full op list. I owned it at huddle, covered the shift myself and moved three routine ops to the Monday. since "
        "then I check the leave planner against the rota before it goes out.")
    assert card.criterion("specificity.relevance").score >= 2 and card.overall >= 50


def test_a_technical_answer_telling_what_goes_wrong_is_no_disaster_stood_by():
    # batch 5's claims answer (graded 4.5): its harms are the subject, not an outcome the candidate stands by (gated at 20)
    from mockint.scoring.offline import read_answer, stood_by_bad_outcome

    answer = ("I review their first month's files for three things. reserves set at first notice and never moved, which "
              "distorts the picture pricing relies on. cover assumed before the policy's checked, which ends in leakage or "
              "an ombudsman complaint. and vulnerability missed on the first call, which is the expensive one.")
    question = "How would you spot the mistakes newcomers to this work most often make, and why do they matter?"
    assert stood_by_bad_outcome(read_answer(answer, question, "technical", load_rubrics())) is None
    proud = ("so at my last agency I looked after a big retail client and about three weeks before launch they came back "
             "wanting to change the whole checkout flow. I told them no, we'd agreed the scope in writing. they pushed "
             "back a few times and I didn't budge. in the end they took the whole account, about two hundred thousand a "
             "year, to another agency. my director wasn't thrilled, but clients need boundaries, so I'm proud I held firm")
    assert stood_by_bad_outcome(read_answer(proud, "Tell me about a time you had to say no to a client.", "behavioural",
                                            load_rubrics())) is not None


def test_a_story_of_never_events_gets_to_safety():
    # "Never events" and "wrong site" are a hospital's own words for a safety failure: a batch-10 theatre director's
    # story scored 20 as never getting to safety, where its paraphrase that said "safety" scored 94.
    question = "Tell me about a time you turned round a serious safety problem on your unit."
    answer = ("so at Riverside in twenty twenty two we'd had two never events in four months, both wrong site injections "
              "in the treatment room. as unit manager it was mine to fix before the quality review in December. I sat in "
              "on ten clinics myself and saw the pause to confirm the site was being done before the patient was even in the room, "
              "so I rewrote the pause with the consultants: two people confirm the side out loud just before the needle, "
              "and I audited it every month. by the autumn compliance was ninety six percent, up from about sixty, and "
              "we've had no wrong site blocks since.")
    relevance = next(c for c in offline_card(question, answer).criteria if c.criterion == "relevance")
    assert relevance.score >= 3
    assert offline_card(question, answer).overall >= 70


def test_a_fault_story_told_for_following_the_standards_is_off_the_question():
    # a signalling technician's trial: the hardest fault he found, told to "how do you make sure your team follows the
    # standards when nobody is watching?", scored 70 with Relevance 3 of 4; an answer about the standards is not
    question = "How do you make sure your crew follows the standards when nobody is watching?"
    fault = ("the best one I've got is a track circuit at Dorridge a couple of winters ago that kept dropping at random, "
             "two or three times a night. I spent four nights on it with a data logger on the feed end and found a "
             "cracked rail bond that only opened in the cold. I replaced the bond and it hasn't failed since.")
    standards = ("I don't rely on being there. every new starter does their first month paired with my most experienced "
                 "technician, I do two random spot checks a week on nights, and I sign off the test records myself "
                 "before anything goes back into use. last year a spot check found a certificate filled in before the "
                 "test was done, I took it up formally and briefed the whole section the next week.")
    off = offline_card(question, fault)
    assert next(c for c in off.criteria if c.criterion == "relevance").score <= 1 and off.overall <= 40
    on = offline_card(question, standards)
    assert next(c for c in on.criteria if c.criterion == "relevance").score >= 3
