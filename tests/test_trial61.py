"""Trial 61: a dairy farm manager, a mental health crisis practitioner, a magistrates' court legal adviser and a container
port supervisor wrote and graded their answers before scoring them; a software QA lead went through a week of debrief,
plans and rounds. "The complainant gave evidence behind screens" read as a complaint, a disaster stood by (22); a failure
story with its lesson ("crane productivity dropped from 26 to about 18 ... what I learned was") as figures that
contradict (22); a child's bruising left with "there's no point raising a referral on a Friday evening ... mention it to
her care coordinator on Monday" as a sound plan (93.3), and treated cows' milk kept in the tank "and the buyer never knows"
(86.7); figures that cannot all be true as sound ("320 of our 400 cows ... which is a 6 week calving rate of about 60%",
"we roughly halved it from 60% to 10%", "I audited 40 handovers and 52 of them", "400 trials ... around 30% ... which was
roughly 200 trials"); "What is somatic cell count, what does it tell you ...", "What is Bactoscan (TBC) and what would
you check if it went up?" and "... Go." as past stories; "the boss gave it to me to fix" as no task; a plan answer on
hiring that said "we hired two people" as never naming it; a debrief's "forgot this - Tom asked how I handle flaky
tests" as no topic, "First answer was too generic" as a topic of its own, a topic probed twice that went "ok-ish but
vague" left out when no one answered; and a report's proof to bring built on a first answer its retake had put right.
Shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card, stands_by_a_disaster


def test_the_complainant_is_a_witness_not_a_complaint():
    question = "Tell me about a time you dealt with a difficult case involving an unrepresented defendant."
    story = ('um so last spring I had a domestic abuse trial listed where the defendant had sacked his solicitor about a week '
             "before. I spotted it on the file check on the Monday and realised that he couldn't cross examine the complainant"
             " himself, it's an automatic prohibition now for domestic abuse cases. so the task was to get an advocate "
             'appointed by the court without losing the trial date, because the complainant had already had the trial moved '
             'once and was close to withdrawing. I listed it for a short hearing that Wednesday, explained to him in plain '
             "words why he couldn't ask the questions himself and that he could instruct his own lawyer or the court would "
             "appoint one. he didn't, so I got the bench to make the appointment and I rang round three firms myself that "
             'afternoon until one agreed. the trial went ahead on the original date, the advocate had the papers five days '
             "before, and the complainant gave evidence behind screens. he was convicted, and there was no appeal. I've since "
             'written a one page note for the other advisers on the prohibition and the appointment process')
    assert not stands_by_a_disaster(story, question)
    lost = story.replace("the trial went ahead on the original date", "we lost the trial date, the complainant complained "
                         "to the court")
    assert stands_by_a_disaster(lost, question)


FAILURE = ("when I first became shift supervisor I let the yard run without a proper plan for the export boxes. it was a "
           "disaster on loading, we had maybe three hundred rehandles on one vessel and the crane productivity dropped from "
           "twenty six to about eighteen, the ship sailed five hours late. I owned it with my manager the next morning. what "
           "I learned was that the yard plan is where you win or lose the vessel, so I never start receiving exports without "
           "a pre stow plan now, and on the next twenty calls rehandles stayed under fifty a vessel")


def test_a_failure_told_with_its_lesson_is_no_figures_that_contradict():
    question = "Tell me about a time you failed. What did you learn from it?"
    assert offline_card(question, FAILURE).overall > 40  # the figures-that-contradict gate held it at 22
    proud = FAILURE.replace("what I learned was that the yard plan is where you win or lose the vessel, so I never start "
                            "receiving exports without a pre stow plan now, and on the next twenty calls rehandles stayed "
                            "under fifty a vessel", "and I'd run it the same way again")
    assert offline_card(question, proud).overall <= 40


def test_a_referral_refused_for_the_weekend_is_unsafe():
    question = "What would you do if on a Friday evening home visit you noticed bruising on your client's young son?"
    plan = ["I'd make a note of it and mention it to her care coordinator on Monday, there's no point raising a referral "
            "on a Friday evening because children's services won't do anything over the weekend anyway."]
    assert set(finding_kinds(plan, question)) == {"escalation_refused", "escalation_delayed"}
    assert finding_kinds(["I'd raise a referral with children's services tonight and ring her care coordinator."],
                         question) == []


def test_the_one_it_matters_to_left_none_the_wiser_is_a_cover_up():
    question = "What would you do if the bulk tank somatic cell count jumped from 150,000 to 350,000 over a fortnight?"
    assert finding_kinds(["I'd keep their milk going into the tank, and within a week the count is back under two hundred "
                          "and the buyer never knows there was a problem."], question) == ["cover_up"]
    # told after the event, a story's recovery is no plan to hide anything
    assert finding_kinds(["we got the trailer away on time, fully loaded. the customer never knew anything had happened."],
                         "Tell me about a time you were short staffed.") == []


@pytest.mark.parametrize("said, why", [
    ("we had three hundred and twenty of our four hundred cows calve in the first six weeks, which is a six week calving "
     "rate of about sixty percent", "320 of 400 is 80 %, not the share you state"),
    ("we roughly halved it from sixty percent to ten percent", 'from 60 to 10 is not what "halved" says'),
    ("In March I audited forty handovers and fifty two of them had missing risk information",
     "a part cannot be more than the whole it is out of"),
    ("we were listing about four hundred trials a year and around thirty percent were going ineffective on the day, which "
     "was roughly two hundred trials wasted", "that share of the whole is 120, not the part you state"),
])
def test_figures_that_cannot_all_be_true_are_found(said, why):
    assert [f.why for f in impossible(said)] == [why]


@pytest.mark.parametrize("said", [
    "we had three hundred and twenty of our four hundred cows calve in the first six weeks, which is a six week calving "
    "rate of about eighty percent",
    "we roughly halved it from sixty percent to thirty two percent",
    "In March I audited forty handovers and twelve of them had missing risk information",
    "we were listing about four hundred trials a year and around thirty percent were going ineffective on the day, which "
    "was roughly a hundred and twenty trials wasted",
    # weeks are no whole that things are counted out of
    "over four weeks I checked the charts and found errors on a hundred and fifty of them",
])
def test_their_twins_that_can_be_true_are_not(said):
    assert impossible(said) == []


@pytest.mark.parametrize("question, kind", [
    ("What is somatic cell count, what does it tell you, and what levels would you aim for?", "technical"),
    ("What is Bactoscan (TBC) and what would you check if it went up?", "technical"),
    ("The bench asks you into the retiring room to ask if you think he's lying. Go.", "situational"),
    ("Talk us through how you'd get the two milking teams on different units singing off the same hymn sheet", "approach"),
])
def test_questions_of_the_trade_keep_their_kind(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


def test_a_job_handed_over_is_a_task():
    from mockint.scoring.offline import PERSONAL_TASK

    assert PERSONAL_TASK.search("we were losing nine percent of our calves and the boss gave it to me to fix.")
    assert not PERSONAL_TASK.search("the boss gave it to the vet to fix.")


def test_a_plan_answer_that_names_its_topic_in_another_form_names_it():
    from mockint.scoring.offline import read_answer, round_one_topic_missed

    question = ("They said round two will ask about hiring. Tell it as you would there: one specific example, what you did, "
                "the outcome, and proof they could check.")
    answer = ("last year I had to hire two automation engineers. I wrote the job spec with the dev lead, set a take home "
              "exercise on our own flaky suite, and we hired two people who both passed probation.")
    assert round_one_topic_missed(read_answer(answer, question, None)) == []
    other = ("last year I rewrote our regression suite in Playwright, cut its run from ninety minutes to twenty and moved it "
             "into the pipeline.")
    assert round_one_topic_missed(read_answer(other, question, None)) == ["hiring"]


NOTES = """- They asked twice about test automation strategy, how I decide what to automate vs keep manual. First answer was too generic, Tom came back to it
- Priya probed twice on managing underperformers in my team - I only had the one story about the junior tester and it went ok-ish but vague
Gut feel: strong on defect triage, weak on metrics and people management

added 2 days later:
- forgot this - Tom asked how I handle flaky tests and I said we just rerun them, he didnt like that at all
"""


def test_a_debrief_reads_what_was_said_of_an_answer_and_what_was_added_later():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    topics = {t.name: t for t in parse_debrief(NOTES, load_bank()).topics}
    assert "First answer" not in topics
    assert topics["test automation strategy"].went_badly
    assert topics["handling flaky tests"].went_badly
    # probed twice, "ok-ish but vague": a concern whichever way it went, kept when no one can be asked
    assert topics["managing underperformers in my team"].sure and topics["managing underperformers in my team"].concern


@pytest.mark.parametrize("name, line, kind", [
    ("people management", "Gut feel: strong on defect triage, weak on metrics and people management", "behavioural"),
    ("metrics", "Gut feel: strong on defect triage, weak on metrics and people management", "technical"),
    ("handling flaky tests", "forgot this - Tom asked how I handle flaky tests and I said we just rerun them", "approach"),
    ("test automation strategy", "They asked twice about test automation strategy", "approach"),
])
def test_round_one_topics_are_asked_as_what_they_are(name, line, kind):
    from mockint.scoring.kinds import classify_topic

    assert classify_topic(name, [line]) == kind


def test_proof_to_bring_is_built_on_where_the_candidate_stands_now():
    from test_weakness import RUBRICS, make_answer, make_session

    from mockint.reporting.analysis import analyse_session

    weak = {"star.action": 1, "star.result": 1}
    first = make_answer("a01", "fu.topic_underperformers", weak, targets="topic.underperformers")
    other = make_answer("a02", "beh.conflict", {"specificity.quantified_impact": 1})
    retake = make_answer("a03", "fu.topic_underperformers", targets="topic.underperformers")
    shown = {p.key for p in analyse_session(make_session([first, other], [retake]), RUBRICS).rounds[-1].prep.proof_points}
    assert "star.action" not in shown and "star.result" not in shown
    assert "specificity.quantified_impact" in shown
    # not retaken, the first answer's gaps are still where the candidate stands
    fresh = make_answer("a03", "beh.learned_fast")
    shown = {p.key for p in analyse_session(make_session([first, other], [fresh]), RUBRICS).rounds[-1].prep.proof_points}
    assert {"star.action", "star.result"} <= shown
