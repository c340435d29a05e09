"""Trial 46: a veterinary nurse, a railway track section manager, a payroll manager and a software team lead wrote and
graded their answers before scoring them, and a care home deputy went through a week of debrief, plans and rounds.
Unsafe plans in a lead's everyday words read as strong, a payroll word read as a cover-up, a wrong knowledge answer read
as strong with no caveat, and clear results read as vague; the sentences below are shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card
from test_proud_recovery import card

INCIDENT = "What would you do if a sev one incident hits at 2am and the engineer on call is a junior who joined two weeks ago?"
PROMISED = "What would you do if your team is two weeks behind on a delivery date that sales has already promised to a customer?"


@pytest.mark.parametrize("sentences, question, kind", [
    # the sentence splitter cut "keep it between me | and the junior"
    (["I'd keep it between me", "and the junior, the director can hear about it on Monday."], INCIDENT, "cover_up"),
    (["there's no sense waking up the director or putting a banner on the status page."], INCIDENT, "escalation_refused"),
    (["and I'd hold off mentioning anything to the account manager."], PROMISED, "escalation_delayed"),
    (["there's no point telling the customer something that might not happen."], PROMISED, "escalation_refused"),
    (["I'd backdate the accrual so the numbers tie."], "", "cover_up"),
    (["that way it's fixed within one cycle and the FD doesn't need to be dragged into it."], "", "cover_up"),
])
def test_an_unsafe_step_in_a_leads_or_a_controllers_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


@pytest.mark.parametrize("sentences, question", [
    # payroll's everyday work, not a record changed
    (["a batch of joiners had been enrolled late so contributions were backdated."], ""),
    (["we backdated the pay rise to April and I paid the arrears in the March payroll."], ""),
    # the plan phones the duty manager now; "a later slot" is what the customer is asked for, not a delay
    (["I'd phone the transport planner and the duty manager so they can talk to the customer about a later slot."],
     "It's peak week and the trailer for your biggest customer has to leave at four. What would you do?"),
    (["there's no sense waiting, I'd page the incident manager straight away."], INCIDENT),
])
def test_their_sound_twins_are_no_finding(sentences, question):
    assert finding_kinds(sentences, question) == []


def test_the_unsafe_plan_in_everyday_words_is_weak():
    said = ("so I'd take it over myself straight away. first I'd log into the production database and correct the broken "
            "orders directly with a quick sql update, because that's the fastest way to stop customers being affected. "
            "then I'd write a small patch and merge it myself and deploy it. I'd keep it between me and the junior, "
            "there's no sense waking up the director or putting a banner on the status page for something that'll be "
            "sorted within the hour.")
    scored = card(INCIDENT, said)
    assert scored.overall <= 20 and scored.band == "weak"


CONTROLLED_DRUGS = ("What are the legal requirements for storing, recording and destroying Schedule 2 controlled drugs in "
                    "a veterinary practice?")


def test_a_knowledge_answer_that_names_little_of_the_job_cannot_pass_on_its_reasoning():
    # Correct 1 of 4, Reasoning 4 of 4 on its "because" clauses: 80, strong, and no word that it was not checked
    wrong = ("so for schedule two controlled drugs its pretty straightforward, I've done it for years so I know it inside "
             "out. They need to be kept locked away, so a drawer is fine as long as the key is kept somewhere sensible "
             "because people need it quickly. you write it in the book, pencil is fine because you often need to correct "
             "it. out of date stock you can just put in the clinical waste because it is out of date anyway.")
    scored = offline_card(CONTROLLED_DRUGS, wrong)
    accuracy = scored.criterion("technical.accuracy")
    assert accuracy.score <= 1
    assert scored.overall <= 50 and scored.band != "strong" and "Correct and specific" in (scored.overall_capped or "")


def test_a_band_that_still_vouches_keeps_the_caveat_of_what_reads_as_good():
    from mockint.scoring.blend import offline_caveats
    from mockint.scoring.rubrics import load_rubrics

    plan = ("first I'd check the logs and find which release broke it, then I'd roll back the deploy and watch the error "
            "rate on the dashboard for ten minutes, then I'd write up the timeline for the team. I'd just crack on and fix "
            "it myself rather than waiting for anyone.")
    scored = offline_card("What would you do if production went down at 2am?", plan)
    levels = {c.key: c.score for c in scored.criteria if c.applies}
    assert levels["situational.judgement"] < 2 <= levels["situational.plan"] and scored.overall >= 60
    caveats = offline_caveats(scored, load_rubrics())
    assert caveats and all(not c.startswith("Judgement") for c in caveats)


@pytest.mark.parametrize("question, said", [
    ("Tell me about a time you dealt with a near miss.",
     "the lookout warned late and the gang cleared with eight seconds to spare. I stopped all lookout working on my "
     "section that night and got the work re planned under a line blockage. result was no further near misses that year"),
    ("Tell me about a time you found a problem with controlled drugs.",
     "last spring the methadone didn't add up by two mls. I quarantined the bottle and matched every line in the register "
     "and found a dose given but never booked out. I changed how we work so weekends need two signatures. its been "
     "eight months with no unexplained discrepancies"),
    ("Tell me about a time you had to apply for a deprivation of liberty safeguard.",
     "a resident kept trying to leave so I did the capacity assessment myself and applied for a standard authorisation "
     "the same week and held a best interests meeting with her son and her GP. the DoLS was authorised after about "
     "ten weeks with no conditions"),
    ("Tell me about a week when you had several deadlines at once.",  # typed with no punctuation at all
     "so a specific week would be the week before our CQC inspection window opened in June I had the medication audit "
     "due the rota two new admissions and a safeguarding meeting so on the Monday I listed everything and sorted it by "
     "risk to residents first and I moved the medication audit to Wednesday afternoon when I blocked two hours with my "
     "phone off by Friday everything was done the two admissions settled in with care plans in place within twenty four "
     "hours"),
])
def test_a_result_told_as_nothing_since_authorised_or_done_in_time_is_a_result(question, said):
    result = card(question, said).criterion("star.result")
    assert result.score >= 2


@pytest.mark.parametrize("said, fixed", [
    # a fall that rises, a rise that falls
    ("and recovery times dropped from forty minutes to forty five minutes on average",
     "and recovery times dropped from forty five minutes to forty minutes on average"),
    ("attendance went up from ninety three point one to ninety one point eight percent",
     "attendance went up from ninety one point eight to ninety three point one percent"),
    # a share, then the part and whole it is said to be
    ("twenty percent of patients were under thirty six degrees in recovery, which was sixty four patients out of the two "
     "hundred and forty",
     "twenty percent of patients were under thirty six degrees in recovery, which was forty eight patients out of the two "
     "hundred and forty"),
    ("we ran forty possessions and twenty six of them overran, which was about a quarter of them",
     "we ran forty possessions and ten of them overran, which was about a quarter of them"),
    ("twenty six of the forty possessions overran, which was about a third",
     "twenty six of the forty possessions overran, which was about two thirds"),
])
def test_a_share_or_a_change_that_cannot_be_true_is_found(said, fixed):
    assert impossible(said)
    assert impossible(fixed) == []


@pytest.mark.parametrize("said", [
    "it brought the limitation period down from six years to around ninety days",  # another unit
    "the night enhancement had gone up from one pound fifty an hour to two pounds",  # money in words
])
def test_a_change_between_units_or_sums_of_money_in_words_is_not_read_as_a_contradiction(said):
    assert impossible(said) == []


@pytest.mark.parametrize("question, kind", [
    ("How would you go about shortening our month-end close?", "approach"),
    ("What is the most important thing you teach student nurses about anaesthetic monitoring?", "approach"),
    ("What was the most important thing you learned from it?", "behavioural"),
    ("How would you go about reducing surgical site infections in a practice?", "technical"),
])
def test_a_method_for_the_employer_and_what_you_teach_are_read_as_ways_of_working(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


def test_reasons_to_join_told_for_a_story_question_do_not_answer_it():
    researched = (
        "um a few specific reasons. I read your engineering blog post from March about moving the booking platform to "
        "trunk based development, and you wrote that the next step is cutting your change failure rate, which is exactly "
        "what I did with my team last year. second the job description says you're growing the platform group from four "
        "engineers to ten this year, and I've hired four people in the last eighteen months. and third I want to work "
        "somewhere where the software matters.")
    asked_for_a_failure = card("Tell me about a time you failed.", researched)
    assert asked_for_a_failure.overall <= 35 and "does not answer this question" in (asked_for_a_failure.overall_capped or "")
    assert card("Why do you want to be an engineering manager here?", researched).overall >= 80


# --- the care home deputy's week: debrief, plan, progress -----------------------------------------------------------

CARE_HOME_NOTES = """Round 1 - Registered Manager, Oakfield Care
- started with why do I want to be a registered manager / why leave Beechwood. ok but rambled
- medication errors - they kept coming back to medication errors. 3 times maybe. I talked about the MAR chart audit but didn't have numbers
- agency staffing - Margaret asked how I'd cut agency spend. I blanked on the budget figures
- agency staffing went badly too, I didnt know our agency spend per week
- Margaret asked about well-led / what I'd do if the home was rated Requires Improvement - I waffled
"""


def test_round_one_notes_name_the_motivation_question_one_agency_concern_and_well_led_gone_badly():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    topics = {t.name: t for t in parse_debrief(CARE_HOME_NOTES, load_bank()).topics}
    # the motivation answer is a topic of its own ("ok but rambled": asked about, as any mixed note is), not only
    # feedback on answer length that any short answer then closed
    assert "why do I want to be a registered manager" in topics
    # "well-led" is CQC's domain, not "it went well": "I waffled" says how it went
    assert topics["well-led"].went_badly
    # "asked how I'd cut agency spend" and "agency staffing went badly" are one concern, not "agency" beside it
    assert "agency" not in topics and topics["agency staffing"].went_badly


def test_a_concern_whose_line_says_what_was_missing_is_asked_for_it():
    from mockint.coaching.debrief import apply_debrief, parse_debrief
    from mockint.coaching.plan import followup_criteria
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import Ledger, feedback_readings
    from mockint.scoring.rubrics import load_rubrics

    ledger = apply_debrief(Ledger(), parse_debrief(CARE_HOME_NOTES, load_bank(), feedback=feedback_readings(load_rubrics())))
    medication = ledger.entries["topic.medication_error"].to_weak_area()
    asked = followup_criteria(medication, load_rubrics())
    # "didn't have numbers" on that line: its retry is judged on quantified impact too, not "not asked by this question"
    assert "specificity.quantified_impact" in asked and "star.situation" in asked
    agency = ledger.entries["topic.agency_staffing"].to_weak_area()
    assert "specificity.quantified_impact" not in followup_criteria(agency, load_rubrics())
