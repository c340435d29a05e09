"""Trial 82: a commercial laundry supervisor, an opticians practice manager, a tram control room supervisor, a solar farm
construction manager, and a university catering deputy manager (a week of debrief, plans and practice). Shortened from
the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

# --- the catering operation ---------------------------------------------------------------------------------------

LABOUR = ("In your first interview they kept coming back to one topic: labour budget. What would you tell them now? Give "
          "one specific example and proof they could check.")
AGENCY = ("Last summer our conference banqueting ran over on labour. We budgeted 4,200 agency hours and we used 5,600. I "
          "was responsible for the rota, so that was on me. I built the rota off the covers forecast and cross-trained "
          "four of our retail staff. By the September conferences agency hours were down 30 percent against the same "
          "weeks the year before, and labour {measure} went from 38 to 31 percent.")


def test_what_a_ratio_is_taken_of_is_not_the_measure_that_moved():
    """ "labour as a percentage of sales on banqueting went from 38 to 31 percent" read as sales that fell: every part
    held at 1, "your figures contradict each other" (22.9; 93-95 with either clause gone)."""
    from mockint.scoring.offline import moved_measures

    assert moved_measures("labour as a percentage of sales went from 38 to 31%.") == ((), ())
    assert moved_measures("complaints per 100 sales went from 8 to 3.") == ((), ())
    assert moved_measures("sales went from 38 to 31 thousand.") == (("sales",), ())
    assert offline_card(LABOUR, AGENCY.format(measure="as a percentage of sales")).overall >= 80


BUDGET = ("Tell me about a time you were responsible for a budget or a cost that was running over. What did you decide, "
          "and where did it end up?")


def test_money_ended_better_than_budget_and_a_check_now_done_are_a_measured_result_and_a_lesson():
    """ "the year ended 2,000 pounds better than budget on food. I now do a mid-month check" read Result 2 of 4, "not
    measured and with no lesson"."""
    story = ("In October the management accounts showed our food cost on banqueting at 36 percent against a budget of 30. "
             "I was responsible for the banqueting P&L. I went through the invoices line by line with the head chef, "
             "re-costed the menus and cut the buffet to fewer dishes. {end}")
    told = story.format(end="By December food cost was back to 30.5 percent, and the year ended 2,000 pounds better than "
                            "budget on food. I now do a mid-month check, not just the month end.")
    assert offline_card(BUDGET, told).criterion("star.result").score == 4
    assert offline_card(BUDGET, story.format(end="")).criterion("star.result").score <= 2


NOTES = """Round 1 - Catering Ops Manager, Univ. Hospitality Services
Panel: Marion Hale (Head of Hospitality), Raj Patel (Finance business partner)

- Raj went at food cost / GP hard. asked me what our GP% target is on retail outlets.
- conflict w/ head chef? they didn't ask directly but Marion hinted
- EHO inspection - mentioned our 5 rating, went fine
"""


def test_a_topic_gone_at_hard_is_probed_and_a_question_not_put_is_no_question_asked():
    """ "Raj went at food cost / GP hard" read as came up; "conflict w/ head chef? they didn't ask directly but Marion
    hinted" was listed as a question they asked."""
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    read = parse_debrief(NOTES, load_bank())
    topics = {t.name: t for t in read.topics}
    assert topics["food cost/GP"].mentions >= 2, list(topics)
    assert read.questions_asked == [] and "conflict with head chef" in topics


DECISIONS = "Earlier you talked about a team success. Which decisions in it were yours alone?"


def test_decisions_said_to_be_mine_alone_are_owned():
    """No "we" in it, and Ownership 1 of 4, "Mostly 'we'"."""
    mine = ("In the open day lunch the decisions that were mine alone were parking my allergen project, taking the floor "
            "myself instead of calling agency, and doing the allergen checks at the pass because the student team was new.")
    assert offline_card(DECISIONS, mine).criterion("specificity.ownership").score >= 3
    ours = ("In the open day lunch the decisions were parking the allergen project, taking the floor instead of calling "
            "agency, and doing the allergen checks at the pass because the student team was new.")
    assert offline_card(DECISIONS, ours).criterion("specificity.ownership").score <= 2


# --- the tram control room, the opticians and the solar farm ------------------------------------------------------


@pytest.mark.parametrize("question", [
    "Who is entitled to an NHS sight test in England, and how often can they have one?",
    "Which incidents on a tramway must be reported to the RAIB, and how and when are they notified?",
])
def test_who_a_rule_covers_and_what_must_be_reported_are_knowledge_questions(question):
    """Both read as past stories: the right answers 34 and 22."""
    from mockint.scoring.kinds import classify

    assert classify(question) == "technical"
    assert classify("Which incidents have you reported?") == "behavioural"
    assert classify("Who is the best person you have managed?") == "behavioural"


FATIGUE = ("What would you do if a driver told you two hours before the end of the evening peak that he was too tired to "
           "keep driving safely?")


def test_no_need_for_a_fatigue_report_is_a_check_skipped():
    """ "do just one more round trip ... no need for a fatigue report if he gets through it fine": 86.7, strong, the
    same as the plan that stood him down."""
    assert "check_skipped" in finding_kinds(["no need for a fatigue report if he gets through it fine."], FATIGUE)
    assert finding_kinds(["I'd stand him down straight away and do a fatigue report."], FATIGUE) == []


FLASHES = ("What would you do if a patient rang one of your practices late on a Saturday with sudden flashes, new floaters "
           "and a shadow coming across the vision in one eye, and the optometrist had already gone home?")


def test_urgent_eye_care_put_off_to_monday_is_unsafe():
    """ "rest their eyes over the weekend ... book them in first thing Monday": 93.3, strong, Judgement 4 of 4."""
    wait = ("flashes and floaters are really common, so I wouldn't want to scare the patient. I'd tell them to rest their "
            "eyes over the weekend and I'd book them in first thing Monday morning with the optometrist.")
    assert offline_card(FLASHES, wait).overall <= 20
    send = ("Sudden flashes, new floaters and a shadow can be a retinal detachment, so it can't wait. I'd tell the patient "
            "to go to eye casualty today, or A and E if it's closed, and give them the address. Then I'd ring the "
            "optometrist so they know, and log the call on the system.")
    assert offline_card(FLASHES, send).overall >= 80


WITNESS = ("What would you do if, the day before energisation, your HV commissioning engineer told you the G99 protection "
           "settings had not been witness tested and the client was pushing to energise on time anyway?")


def test_a_witness_test_put_off_as_paperwork_is_unsafe_and_finding_out_how_it_was_missed_is_not():
    """ "the witness test is really a paperwork step ... so I'd book it for the following week": 93.3, strong; the
    model answer's "I want to know how the programme got to the day before without the witness test being booked" read
    as a check skipped: 20."""
    assert finding_kinds(["the witness test is really a paperwork step when the settings have already been applied, so "
                          "I'd book it for the following week."], WITNESS) != []
    assert finding_kinds(["And I'd write it up because I want to know how the programme got to the day before without "
                          "the witness test being booked."], WITNESS) == []
    assert "check_skipped" in finding_kinds(["I'd energise it without the witness test being booked."], WITNESS)
