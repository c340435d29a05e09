"""Trial 60: a paramedic team leader, an IDVA, a planning officer and a transport planner wrote and graded their answers
before scoring them; a customer success manager went through a week of debrief, plans and rounds. Net revenue retention
of 108 % read as an impossible share; a fixed cost-per-drop story's "from twenty two pounds to nineteen eighty" as a
cost that rose to £1,980 (22); "we lost two drivers instead of the fifteen we'd expected" as a disaster stood by (22);
"I'd do the cards weekly so infringements come up while they're still fresh" as a measure that rose (a right answer on
drivers' hours, 27); a safeguarding story with "I had a quiet word" and then "I rang the safeguarding hub and did the
referral myself" as an allegation handled privately (42); a conflict story that never says "conflict" as off topic
(20); "he wasn't late once and ten out of ten audited records were complete" as no result; "what are the statutory
timescales ... and what happens if you miss them" as a past story; a DASH of 16 with "I'd hold off on the referral" and
a bail breach with "once he's gone I'd email the officer in the case" as sound plans; figures that cannot all be true
("the team of five, that was four officers and three admin staff", "the hundred and sixty oldest ones out of the hundred
and twenty", "seventy minutes, which is well under the forty five minute standard") as sound; and a debrief line's
"blanked on weighting and how you validate it" as two topics, "weighting" and "validating". Shortened from the trials'
own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card, stands_by_a_disaster


def test_net_revenue_retention_above_100_is_a_figure_that_can_be_true():
    assert impossible("last year my gross retention was ninety four percent and net retention was one hundred and eight "
                      "percent") == []
    assert impossible("our NRR was one hundred and twelve percent") == []
    # retention of customers, said alone, still cannot pass 100 %
    assert [f.why for f in impossible("customer retention was one hundred and eight percent")] == \
        ["a share cannot be above 100 %"]


@pytest.mark.parametrize("said, written", [
    ("cost per drop came down from twenty two pounds to nineteen eighty", "cost per drop came down from £22 to £19.80"),
    ("we paid twenty two pounds fifty a head", "we paid £22.50 a head"),
    ("from twelve pounds fifty to nine ninety nine", "from £12.50 to £9.99"),
    # not a price: a year, a count after a price, and a price followed by what it counts
    ("in nineteen eighty the depot opened", "in 1980 the depot opened"),
    ("the overspend was twenty thousand pounds two years ago", "the overspend was £20,000 two years ago"),
    ("it cost ten pounds, twenty people came", "it cost £10, 20 people came"),
])
def test_a_price_in_pounds_and_pence_is_written_as_one(said, written):
    from mockint.speech.numbers import write_numbers_in_text

    assert write_numbers_in_text(said) == written


STORY = ("so at my current place I led a route review on our chilled multi drop fleet. cost per drop had crept up to about "
         "twenty two pounds and the MD wanted it down. My task was to redo the routes for all forty vehicles. I pulled six "
         "months of drop data out of the telematics and re planned everything in Paragon. Cost per drop came down from "
         "twenty two pounds to nineteen eighty, that's about ten percent, and it took three months end to end.")


def test_a_cost_that_fell_to_a_price_in_pence_is_a_result_not_figures_that_contradict():
    card = offline_card("Tell me about a time you reduced operating costs.", STORY)
    assert card.overall > 40  # read as £22 to £1,980, the figures that contradict held it at 22
    risen = STORY.replace("to nineteen eighty, that's about ten percent", "to thirty pounds, that's about ten percent less")
    assert offline_card("Tell me about a time you reduced operating costs.", risen).overall < card.overall


def test_fewer_lost_than_expected_is_no_disaster_stood_by():
    question = "Tell me about a time you worked as part of a team to deliver a big change."
    story = ("last year we moved the whole chilled operation from Daventry to Corby, about sixty vehicles and a hundred and "
             "ten drivers. The one decision that was mine was to keep a small satellite at Daventry for three months for the "
             "drivers who lived near there, because we were losing people over the extra commute, and I pushed that through "
             "against the finance director. We lost two drivers instead of the fifteen we'd expected, and we ran the move "
             "without a single missed slot.")
    assert not stands_by_a_disaster(story, question)
    lost = story.replace("We lost two drivers instead of the fifteen we'd expected", "We lost fifteen drivers and two "
                         "customers")
    assert stands_by_a_disaster(lost, question)


def test_a_finding_that_comes_up_is_no_measure_that_rose():
    from mockint.scoring.offline import moved_measures

    assert moved_measures("I'd do the driver cards weekly so infringements come up while they're still fresh") == ((), ())
    assert moved_measures("infringements came up to forty a week") == (("infringements",), ())
    assert moved_measures("infringements came down to 3 a month") == ((), ("infringements",))


def test_a_story_that_escalated_after_a_quiet_word_handled_nothing_alone():
    question = "Tell me about a time you had to challenge a colleague's decision about patient safety."
    story = ["my crewmate's view was we sort the fall and leave him at home.",
             "so I had a quiet word, told him I thought it was potential neglect and we needed to refer.",
             "Before we cleared I rang the safeguarding hub and did the referral myself."]
    assert finding_kinds(story, question) == []
    assert finding_kinds(story[:2], question) == ["handled_alone"]


def test_a_story_escalated_the_next_morning_is_no_plan_put_off():
    assert finding_kinds(["the next morning I rang the day manager and told her what had happened."],
                         "Tell me about a mistake you made.") == []


def test_a_conflict_told_without_the_word_is_on_topic():
    from mockint.scoring.offline import read_answer, topic_missed

    question = "Tell me about a time you had to handle conflict with an applicant or agent."
    story = ("there was an agent who was sending me emails every day on a scheme for a replacement dwelling in the green "
             "belt, copying in the head of planning and the portfolio holder, saying I was blocking it. I asked for a "
             "meeting rather than trading emails and offered a route, a smaller footprint we'd support. the agent "
             "resubmitted and I approved it under delegated powers in six weeks.")
    assert topic_missed(read_answer(story, question, None)) == []
    budget = ("I set the budget for the householder team in April, moved two officers onto pre-app and cut agency spend "
              "by forty thousand pounds over the year.")
    assert topic_missed(read_answer(budget, question, None)) == ["conflict"]


def test_a_lapse_that_stopped_and_all_records_right_is_a_result():
    from mockint.scoring.offline import judge_result, read_answer

    story = ("about a year ago a tech on my team started turning up late, three times in a month, and two of his records "
             "had no obs. I booked a private meeting, laid out the facts and asked him what was going on. I agreed a "
             "temporary change of start time and put him on an informal improvement plan with a records audit every two "
             "weeks. Over the next three months he wasn't late once and ten out of ten audited records were complete.")
    question = "Tell me about a time you managed a member of staff whose performance had dropped."
    assert judge_result(read_answer(story, question, None)).score >= 3
    unsure = story.replace("he wasn't late once and ten out of ten audited records were complete", "we'll see how he gets on")
    assert judge_result(read_answer(unsure, question, None)).score <= 1


@pytest.mark.parametrize("question, kind", [
    ("What are the statutory timescales for determining planning applications, and what happens if you miss them?",
     "technical"),
    ("Talk us through the drivers' hours rules and tachograph download requirements you would be managing here.",
     "technical"),
    ("Talk me through how you'd run a MARAC meeting as chair", "approach"),
    ("How would you look after the wellbeing of the IDVAs in your team?", "approach"),
    ("What's your take on it when a client keeps going back to him and your staff start getting fed up with her?",
     "approach"),
    # still knowledge: how a clinical thing is done, talked through
    ("Walk me through how you'd manage a patient with sepsis", "technical"),
])
def test_questions_of_the_trade_keep_their_kind(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


def test_a_referral_held_off_and_an_escalation_left_until_the_danger_has_gone_are_unsafe():
    marac = "A victim scores 16 on the DASH and says her partner has threatened to kill her. What would you do?"
    assert finding_kinds(["she's said no to MARAC so I'd hold off on the referral and keep it as a standard case."],
                         marac) == ["check_skipped"]
    assert finding_kinds(["I'd explain why I'm making the referral anyway and do it today."], marac) == []
    bail = "The perpetrator, who is on bail with a no-contact condition, is outside her house right now. What would you do?"
    assert finding_kinds(["I'd tell her to speak to him calmly, then once he's gone I'd email the officer in the case."],
                         bail) == ["escalation_delayed"]
    assert finding_kinds(["I'd tell her to call 999 now and I'd ring the officer in the case straight after."], bail) == []


@pytest.mark.parametrize("said, why", [
    ("I set up a weekly triage meeting with the team of five, that was four officers and three admin staff",
     "the parts add up to 7, not the 5 you give for the whole"),
    ("I personally took the hundred and sixty oldest ones out of the hundred and twenty",
     "a part cannot be more than the whole it is out of"),
    ("average handover fell from ninety one minutes to seventy minutes which is well under the forty five minute standard",
     "that figure is not under the limit you set it beside"),
])
def test_figures_that_cannot_all_be_true_are_found(said, why):
    assert [f.why for f in impossible(said)] == [why]


@pytest.mark.parametrize("said", [
    "I set up a weekly triage meeting with the team of seven, that was four officers and three admin staff",
    "I personally took the forty oldest ones out of the hundred and twenty",
    "average handover fell from ninety one minutes to thirty eight minutes which is well under the forty five minute "
    "standard",
])
def test_their_twins_that_can_be_true_are_not(said):
    assert impossible(said) == []


def test_the_parts_blanked_on_of_a_question_asked_are_one_concern():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    notes = ("- health scores - Tom asked how I'd build an account health score from scratch. I talked about usage + NPS "
             "but blanked on weighting and how you validate it against actual churn. weak\n"
             "- the account health score thing went badly, that's my biggest gap honestly\n"
             "- Maria also asked about a time I had to push back on sales over a discount at renewal. I didn't really have "
             "an answer\n"
             "- Tom said round 2 has a case study on a red account\n")
    topics = {t.name: t for t in parse_debrief(notes, load_bank()).topics}
    assert topics["building an account health score from scratch"].went_badly
    assert "weighting" not in topics and "validating" not in topics and "account health score" not in topics
    assert "pushing back on sales over a discount at renewal" in topics
    assert topics["red account"].forewarned


@pytest.mark.parametrize("name, context, kind", [
    ("managing a book of 40+ accounts", "They'll ask about managing a book of 40+ accounts in round 2", "approach"),
    ("red account", "Tom said round 2 has a case study on a red account", "situational"),
    ("managing a team through change", "they asked about managing a team through change", "behavioural"),
])
def test_round_two_topics_are_asked_as_what_they_are(name, context, kind):
    from mockint.scoring.kinds import classify_topic

    assert classify_topic(name, [context]) == kind


@pytest.mark.parametrize("said", [
    "as director of perioperative services that was mine to fix, and the board wanted it closed by the year end.",
    "it was a seventy bed care home in Harrogate where I was the director, five weeks off the contractor starting.",
    "I ran the project, picked the supplier and set up the workflows for sale and purchase.",
    # the transport planner's: Task 1 of 4, where the same story's "My job was to fix the maintenance system" read 4
    "It was down to me to sort the system out before we ended up at a public inquiry.",
])
def test_a_responsibility_said_plainly_is_a_task(said):
    """The first three from the development split (Task 0-1 of 4, graded 2-4), kept here with this stop's others."""
    from mockint.scoring.offline import PERSONAL_TASK

    assert PERSONAL_TASK.search(said.lower())
    assert not PERSONAL_TASK.search("the director ran the project and the board fixed the budget.")


def test_what_someone_wanted_is_no_outcome():
    from mockint.scoring.offline import _outcomes

    assert [m.group() for m in _outcomes("engineering wanted to ship features and we wanted bugs fixed")] == []
    assert [m.group() for m in _outcomes("after six weeks the bugs were fixed")] == ["fixed"]
