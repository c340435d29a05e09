"""Trial 64: a housing officer, a veterinary nurse, a site engineer, a payroll supervisor and an IT service desk lead (the
last through a week of debrief, plans and rounds). A change management story ending "the failed change rate went from
eighteen percent to six, and incidents caused by changes went down by more than half" was gated as a disaster stood by
(22.9; 91 without its last clause); unsafe plans in a trade's words scored 80-86.7 ("off the books before the auditors
see it", "I wouldn't bother putting it through payroll", "I would skip the gas check this time", a permit to load
signed "retrospectively") while safe stories were
capped as checks skipped ("hold off for twelve weeks with a clear review date", "we'd nearly gone ahead without checking
the patient's ID", "cut the checklist from 14 items to 9", "rather than cancel the possession": 39-46); figures that
cannot all be true went unread (£60,000 of £85,000 "about a third", arrears £180,000 "down to 130,000 ... a drop of 60%",
"all 6 of our nurses, which is the whole team of 4", 3 of 130 spays "about 0.2%"); knowledge questions and notes were
judged as stories. Shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, stands_by_a_disaster

CHANGE_STORY = (
    "when I joined changes were basically just emailed around and about one in five changes was causing an incident. I "
    "proposed a weekly CAB to the head of IT ops and I set it up and chaired it. I also brought in standard changes for the "
    "low risk stuff. over about a year the failed change rate went from around eighteen percent to six percent, and "
    "incidents caused by changes went down by more than half.")


def test_a_bad_measure_falling_is_no_disaster():
    question = "Tell me about how you have run change management and CAB"
    assert not stands_by_a_disaster(CHANGE_STORY, question)
    worse = CHANGE_STORY.replace("from around eighteen percent to six percent", "from around six percent to eighteen "
                                 "percent").replace("went down by more than half", "went up by more than half")
    assert stands_by_a_disaster(worse, question)


OVERPAYMENT = "What would you do if you found an employee had been overpaid £4,000 over several months?"
UNPAID = "What would you do if a store manager rang on payday morning to say 40 of their staff had not been paid?"
VOID = "What would you do if a family needed moving into a void flat the same day?"
POUR = "What would you do if a big pour is booked for 7am and the permit to load for the falsework hasn't been signed off?"


@pytest.mark.parametrize("question, said, kind", [
    (OVERPAYMENT, "I'd take the whole four thousand back in one go, that way it's cleared and off the books before the "
                  "auditors see it.", "cover_up"),
    (OVERPAYMENT, "I'd park it in the suspense account so the auditors don't see it.", "cover_up"),
    (UNPAID, "I wouldn't bother putting it through payroll on the day because that just slows everything down.",
     "check_skipped"),
    (VOID, "I would skip the gas check this time and get them in tonight.", "check_skipped"),
    (POUR, "I'd get the TWC to sign the permit to load retrospectively once he's in the office.", "cover_up"),
])
def test_unsafe_plans_in_a_trades_words_are_found(question, said, kind):
    assert finding_kinds([said], question) == [kind]


@pytest.mark.parametrize("question, said", [
    (OVERPAYMENT, "I'd agree a repayment plan with them and make sure it's all documented before the auditors see it."),
    (UNPAID, "I'd put an off-cycle payment through payroll that afternoon and correct the RTI submission."),
    (VOID, "I'd get the gas check done first, even if that meant a night in temporary accommodation."),
    (POUR, "I'd get the TWC to sign the permit to load before a single wagon discharges."),
])
def test_their_sound_twins_are_not(question, said):
    assert finding_kinds([said], question) == []


def test_a_documented_hold_with_a_review_date_is_no_check_put_off():
    question = "Tell me about a time you worked with other agencies to sustain a tenancy."
    assert finding_kinds(["I put in writing to my manager that I'd hold off for twelve weeks with a clear review date."],
                         question) == []
    assert finding_kinds(["I'd hold off the review for twelve weeks."], question) == ["check_skipped"]


def test_a_near_miss_told_and_a_checklist_made_shorter_are_no_check_skipped():
    question = "Tell me about a time you disagreed with a vet. How did you handle it?"
    assert finding_kinds(["I showed him two near misses we'd had that year, one where we'd nearly gone ahead without "
                          "checking the patient's ID."], question) == []
    assert finding_kinds(["so I cut the checklist from 14 items to 9 and moved those to admission."], question) == []
    assert finding_kinds(["so I cut the checklist and we went ahead."], question) == ["check_skipped"]
    assert finding_kinds(["we went ahead without checking the patient's ID."], question) == ["check_skipped"]


def test_a_protection_kept_rather_than_cancelled_is_no_skip():
    question = "Tell me about a time you had to make a difficult decision under pressure."
    assert finding_kinds(["we did the setting out we'd otherwise do in the afternoon, rather than cancel the "
                          "possession."], question) == []


@pytest.mark.parametrize("said, why", [
    ("we recovered sixty thousand pounds of the eighty five thousand, which is about a third of the total.",
     "60000 of 85000 is 71 %, not the share you state"),
    ("the arrears were one hundred and eighty thousand pounds. within six months the arrears were down to one hundred and "
     "thirty thousand, which is a drop of sixty percent.", "from 180000 to 130000 is a fall of 28 %, not the change you state"),
    ("I trained all six of our nurses, which is the whole team of four, on clipping and skin prep.",
     "6 and 4 cannot both be how many people that was"),
    ("we did a hundred and thirty spays and three got infected, so that was about zero point two percent.",
     "3 of 130 is 2.3 %, not the share you state"),
])
def test_figures_that_cannot_all_be_true(said, why):
    assert [f.why for f in impossible(said)] == [why]


@pytest.mark.parametrize("said", [
    "we recovered sixty thousand pounds of the eighty five thousand, which is about seventy percent of the total.",
    "the arrears were one hundred and eighty thousand pounds. within six months the arrears were down to one hundred and "
    "thirty thousand, which is a drop of twenty eight percent.",
    "I trained all four of our nurses, which is the whole team of four, on clipping and skin prep.",
    "we did a hundred and thirty spays and three got infected, so that was about two point three percent.",
    "£38,000 of them were variations.",
])
def test_their_fixed_twins_can_be(said):
    assert impossible(said) == []


@pytest.mark.parametrize("said", ["as the supervisor bringing that number down was on me",
                                  "complaints are my responsibility in the practice"])
def test_what_was_the_candidates_is_a_task(said):
    from mockint.scoring.offline import PERSONAL_TASK

    assert PERSONAL_TASK.search(said)
    assert not PERSONAL_TASK.search(said.replace(" on me", " on us").replace("are my", "aren't really my"))


@pytest.mark.parametrize("question", [
    "Walk me through how SSP works for someone off sick for three weeks",
    "What happens with tax codes when a TUPE transfer comes in?",
    "What does capnography tell you during anaesthesia, and how do you interpret the end-tidal CO2 reading?",
    "What are your responsibilities under Schedule 3 for controlled drugs?",
    "Walk me through what you'd check on a sub's RAMS",
])
def test_knowledge_questions_are_technical(question):
    from mockint.scoring.kinds import classify

    assert classify(question) == "technical"


@pytest.mark.parametrize("question", ["What does that tell you about yourself?", "Walk me through how you handled it"])
def test_questions_about_the_candidate_stay_stories(question):
    from mockint.scoring.kinds import classify

    assert classify(question) == "behavioural"


@pytest.mark.parametrize("name, line, kind", [
    ("ITIL 4 value streams", "blanked on ITIL 4 value streams", "technical"),
    ("escalation from a Head of School to the CIO",
     "escalation from a Head of School to the CIO (scenario) went badly, I got defensive", "situational"),
    ("budget", "budget - blanked on how much my current team costs", "behavioural"),
])
def test_a_note_says_what_kind_its_topic_is(name, line, kind):
    from mockint.scoring.kinds import classify_topic

    assert classify_topic(name, [line]) == kind
