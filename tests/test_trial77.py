"""Trial 77: a waste collection supervisor, an offshore maintenance supervisor, a mortgage underwriting manager, a
homelessness hostel manager, and a parcel depot manager (a week of debrief, plans and practice). Shortened from the
trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

PSV = ("What would you do if one of your technicians told you a PSV on the test separator was two weeks past its "
       "recertification date and production wanted to keep running until the next shutdown?")


def test_a_cause_to_find_out_is_no_step_refused():
    """ "Afterwards I'd find out why the register didn't flag it before it went overdue" read as escalation refused: a
    sound plan that tells the OIM and the technical authority the same shift scored 20."""
    assert finding_kinds(["Afterwards I'd find out why the register didn't flag it before it went overdue."], PSV) == []
    assert finding_kinds(["I wouldn't flag it to the OIM until the shutdown."], PSV) != []


BACKLOG = "Tell me about a time you reduced a maintenance backlog."


def test_a_check_skipped_in_a_clause_that_goes_on_from_the_candidates_sentence_is_theirs():
    """Safety-critical function tests signed off untested, told proudly (86, strong): the skip sat in a clause after
    "I got the lads to ...", so no story ceiling applied."""
    skipped = ("We had a backlog of about two thousand four hundred hours when I took over. The way we did it was I got "
               "the lads to close out the inspection routines on the fire and gas detectors and the PSVs as complete with "
               "no defects where the kit was visibly fine, rather than doing the full function test, because the tests "
               "were taking forever. PM compliance went from sixty two percent to ninety eight percent in a fortnight.")
    done = skipped.replace(", rather than doing the full function test, because the tests were taking forever",
                           " after the full function test, and we ran the tests on nights")
    assert offline_card(BACKLOG, skipped).criterion("star.action").score == 0
    assert offline_card(BACKLOG, done).criterion("star.action").score >= 3


def test_a_record_made_to_spare_the_figures_is_a_cover_up():
    """ "I'd record it as an abandonment rather than an eviction, because evictions go against our figures" was quoted as
    judgement (66.7)."""
    question = "What would you do if a resident left owing rent after a final warning?"
    assert finding_kinds(["I'd record it as an abandonment rather than an eviction, because evictions go against our "
                          "figures."], question) == ["cover_up"]
    assert finding_kinds(["I'd record it as an eviction, because that is what it was."], question) == []


REVERSING = ("What would you do if a crew rang you mid-round to say their banksman had gone home sick and they wanted to "
             "carry on with the reversing manoeuvres without one?")


def test_a_loader_on_the_back_step_of_a_reversing_truck_is_work_let_go_on():
    """ "the other loader can ride on the back step while he reverses ... you can't stop a whole round for one person
    going sick" (53.3, its reckless line quoted as judgement)."""
    assert finding_kinds(["I'd tell him to take it slow and the other loader can ride on the back step while he "
                          "reverses."], REVERSING) == ["work_goes_on"]
    assert finding_kinds(["We can't stop the whole round, so I'd send our spare loader from the depot to be the "
                          "banksman."], REVERSING) == []
    assert finding_kinds(["If not, I'd send a trained loader out from the yard, or tell them to carry on with the streets "
                          "that don't need a reverse and leave the rest."], REVERSING) == []


def test_a_measure_brought_back_in_the_clause_after_it_is_a_recovery():
    """ "Missed bins went up in the first week to about ninety and were back under thirty by week four" read as figures
    that contradict each other: a round change graded 4 held at 22."""
    question = "Tell me about a time you planned and delivered a round change."
    story = ("we moved the depot to four day working in September last year. My part was the round design. I used Webaspx "
             "to rebalance the six rounds and I rode every new round with the crew before go live. Missed bins went up in "
             "the first week to about ninety and {end} by week four, and sickness dropped from six percent to four.")
    assert offline_card(question, story.format(end="were back under thirty")).overall >= 60
    assert offline_card(question, story.format(end="they went up again to a hundred and forty")).overall < 45


COURIERS = ("In your first interview they kept coming back to one topic: self-employed driver. What would you tell them "
            "now? Give one specific example and proof that it worked.")


def test_a_risk_weighed_and_a_rule_are_no_bad_outcome():
    """ "If they missed the standard three months running, the volume offered went down" (a contract's rule) and "the
    bigger risk for couriers is employment status at a tribunal" read as two harms: Result 1 of 4, "a bad one"."""
    story = ("In 2022 I rewrote the service schedule with our legal team. Each courier got a monthly service review against "
             "it. {rule} Over a year first time delivery went from 93% to 96%, and we had no status challenges. {risk}")
    rule = "If they missed the standard three months running, the volume offered went down."
    risk = "Honestly the bigger risk for couriers is employment status at a tribunal."
    assert offline_card(COURIERS, story.format(rule=rule, risk=risk)).criterion("star.result").score >= 3
    told = story.format(rule="The volume offered went down and two couriers left us.",
                        risk="We ended up at a tribunal over employment status.")
    assert offline_card(COURIERS, told).criterion("star.result").score <= 1


def test_a_project_led_is_a_responsibility():
    """ "I led a project on driver safety across the whole depot" read as no task (1 of 4), and the probe asked what he
    was "responsible for" in the van's rollback."""
    question = "Tell me about a time you led a team or a project. How did you get people to follow you?"
    story = ("In January 2024, after a van rolled back on a hill because the handbrake wasn't on, {task}. I ran a toolbox "
             "talk with every driver myself over two weeks. Over the next twelve months rollbacks went from 3 to 0.")
    assert offline_card(question, story.format(task="I led a project on driver safety across the whole depot")
                        ).criterion("star.task").score >= 2
    assert offline_card(question, story.format(task="there was a lot of talk about driver safety across the whole depot")
                        ).criterion("star.task").score <= 1


FRAUD = "Describe a time you spotted a possible mortgage fraud. What did you do?"


def test_a_practice_changed_by_a_story_is_its_result():
    """ "It changed how we check new employers across the whole team, and I was asked to brief the other underwriting
    teams on it" read as a vague outcome (Result 1 of 4) on a story graded 5."""
    story = ("I was underwriting a purchase at 85% LTV and the payslips' tax code didn't match the gross pay. I checked "
             "Companies House: the employer was four months old. I put the case on hold with a neutral reason and referred "
             "it to our financial crime team. {end}")
    assert offline_card(FRAUD, story.format(end="It changed how we check new employers across the whole team, and I was "
                                                "asked to brief the other underwriting teams on it.")
                        ).criterion("star.result").score >= 2
    assert offline_card(FRAUD, story.format(end="I then went back to my pipeline.")).criterion("star.result").score <= 1


def test_a_limit_on_the_work_is_no_result():
    """ "I agreed a temporary reduced mandate so he only did cases up to eighty percent LTV" read as a result measured
    (Result 3 of 4) in a story that stops before its result."""
    question = "Tell me about a time you had to deal with an underwriter whose performance was falling short."
    story = ("His QC fail rate had gone from three percent to nearly twenty over a quarter. I was responsible for his "
             "performance so I set up a one to one. I agreed with him and HR a temporary reduced mandate so he only did "
             "cases up to eighty percent LTV, and we referred him to the employee assistance programme. {end}")
    assert offline_card(question, story.format(end="I kept a note of every conversation.")
                        ).criterion("star.result").score <= 1
    assert offline_card(question, story.format(end="Within two months his fail rate was back down to four percent.")
                        ).criterion("star.result").score >= 3


def test_judgement_reads_no_more_than_a_level_above_the_plan():
    """ "I'd follow our vulnerable customer policy ... I'd probably get someone to look at it" read Judgement 4 beside
    Concrete plan 1 (80, strong; graded 2)."""
    question = ("What would you do if an application showed signs that the customer might be vulnerable, and the broker "
                "wanted a quick decision?")
    vague = ("I'd follow our vulnerable customer policy. vulnerability is really important under Consumer Duty and we have "
             "to treat vulnerable customers fairly. so I'd make sure the case was handled in line with the policy and "
             "that the broker understood that we have to follow the process. I'd probably get someone to look at it and "
             "make sure everything was okay before we made a decision. I wouldn't want to rush it but I also wouldn't "
             "want to hold it up unnecessarily because that isn't good for the customer either.")
    card = offline_card(question, vague)
    assert card.criterion("situational.judgement").score <= card.criterion("situational.plan").score + 1
    assert card.overall < 60


@pytest.mark.parametrize("question, kind", [
    ("It's peak week, 15% of your drivers haven't turned up and the client is threatening SLA penalties. Talk me through "
     "your morning.", "situational"),
    ("It's 2am and the generator fails to start. Talk me through your response.", "situational"),
    ("It's been a hard year for the team. Talk me through how you kept them going.", "behavioural"),
])
def test_a_scene_opened_with_its_then_handed_over_asks_for_a_plan(question, kind):
    """The case study a parcel depot manager expected in round two was judged as a past story (36, weak)."""
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


NOTES = """- walk me through your depot, numbers, size etc -> fine, 120 drivers
- cost per parcel / P&L - I have never owned a full P&L. Went badly. Waffled.
round 2 = "operational case study" + panel with the Ops Director. Expect: a scenario - peak week, 15% drivers no-show, client threatening penalties.
"""


def test_the_depot_the_pnl_and_the_scenario_to_expect():
    """ "walk me through your depot" gave the topic "r depot", "P&L" was "P & L" in every plan, and the scenario round two
    will set was "No topic read in"."""
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    topics = {t.name: t for t in parse_debrief(NOTES, load_bank()).topics}
    assert "depot" in topics and not any(name.startswith("r ") for name in topics)
    assert "cost per parcel/P&L" in topics
    assert any(t.forewarned and "peak week" in name for name, t in topics.items())
    assert not any(t.forewarned for t in parse_debrief("- peak week went fine", load_bank()).topics)


def test_a_bank_question_for_a_topic_shares_more_than_its_last_word():
    """ "Describe a time you disagreed with your manager's decision" drilled "multi-site/leading through depot managers"
    on the one word "manager", and answering it moved the concern to "improving"."""
    import random

    from mockint.coaching.plan import bank_question_for
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import WeakArea

    bank = load_bank()
    area = WeakArea(id="topic.depot_managers", kind="debrief", name="multi-site/leading through depot managers",
                    count=2, severity=0.5)
    picked = bank_question_for(area, bank, set(), [], random.Random(0))
    assert picked is None or "your manager" not in picked.text.lower()
    budget = WeakArea(id="topic.budget", kind="debrief", name="budget", count=2, severity=0.5)
    assert bank_question_for(budget, bank, set(), [], random.Random(0)) is not None
