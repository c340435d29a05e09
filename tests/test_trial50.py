"""Trial 50: a senior radiographer, a claims team leader, a head of year and a food factory quality manager wrote and
graded their answers before scoring them, and an airport ground operations supervisor went through a week of debrief,
plans and rounds. A ramp-safety story read as off the question for never saying "safety", results told the way
operations people tell them read as vague, good stories read as disasters, a look ahead at a longer plan changed the
round that followed, and dangerous plans in a trade's words scored as their safe twins; the sentences below are
shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card
from test_plan import BANK, RUBRICS, round_one

from mockint.coaching.plan import plan_next_round
from mockint.coaching.weakness import find_weak_areas

FOD = ("another one is FOD. in twenty twenty three we had two engine ingestion events in six months, one cost the airline "
       "about three hundred thousand pounds for a blade repair. I set up a FOD walk at every shift change on the twelve "
       "busiest stands and I walked it myself for the first month. in the next twelve months we had no ingestion events "
       "and the FOD found per walk went from about fourteen items to five")


def test_a_ramp_story_answers_a_ramp_safety_topic_without_saying_safety():
    from mockint.coaching.debrief import parse_debrief

    # the notes' "in the panel round" says when, not what: the topic is "ramp safety"
    topics = parse_debrief("- They'll probe on safety culture and ramp safety in the panel round\n", BANK).topics
    assert {t.name for t in topics} == {"safety culture", "ramp safety"}
    question = ("Back to ramp safety, which round one left in doubt. Tell another real example this time: what you did, "
                "and how it ended.")
    card = offline_card(question, FOD)
    assert card.overall >= 70 and card.criterion("specificity.relevance").score >= 3


@pytest.mark.parametrize("story", [
    # results told the way operations people tell them
    ("the big one was the snow day in February. I opened the ground ops side of the emergency plan at five fifteen. I got "
     "the snow team to clear the contact stands in order of the first wave departures and I brought in twelve extra agents "
     "off the standby list. we got the first departure away at nine fifty two, had all the night stoppers out by one pm, "
     "and we had no ground damage and no aircraft needing a second de-ice"),
    # a harm the story then recovers from, a condition that names one, and what the candidate came into
    ("um so I'd be honest that I haven't negotiated an SGHA myself, the commercial team does that. what I did was run "
     "the service level reporting against it. our main handling contract used the IATA standard agreement with annex B "
     "service levels, and the penalty was a percentage credit if we missed the monthly target. in twenty twenty three we were at eighty six percent for last bag against a ninety percent target, "
     "and we paid penalties for four months. I set up a daily report from the BRS and put a second team on the arrival "
     "belt for the evening bank, and we hit the target every month from July"),
    ("about two years ago I inherited the motor claims team and our ombudsman uphold rate was roughly forty five percent "
     "which is much worse than the market. so the first thing I did was read the sixty most recent cases that had gone to "
     "the Financial Ombudsman personally. so I redesigned the final response letter and I brought in a weekly huddle where "
     "I personally looked at every complaint reaching week five. nine months later the uphold rate had fallen to twenty "
     "two percent and there were zero deadline breaches in the final quarter"),
])
def test_a_result_told_in_an_operations_way_is_a_result(story):
    card = offline_card("Tell me about a time you led an improvement you are proud of.", story)
    assert card.criterion("star.result").score >= 3 and card.overall >= 60


def test_a_mistake_with_its_changed_practice_is_a_lesson_not_a_disaster_stood_by():
    # "since then" is not cut in two, and "I changed how I sign off" is what was learned
    story = ("so about eighteen months ago I signed off a cash settlement of fourteen thousand pounds on a subsidence claim "
             "without checking that the engineer's report covered the extension and it didnt so the customer came back six "
             "months later with more cracking and we ended up paying another twenty one thousand and we had a complaint "
             "upheld um that was my mistake then I changed how I sign off anything over ten thousand I read the expert "
             "report myself and I added that check to our large loss sign off form since then we havent had a reopened "
             "subsidence settlement in the team")
    assert offline_card("Tell me about a mistake you made and what you learned from it.", story).overall >= 70


def test_a_longer_plan_starts_with_the_shorter_plans_questions():
    # `plan -n 10` looked ahead and `practice --plan -n 6` then asked a different sixth question (trial 50)
    answers = round_one()
    areas = find_weak_areas(answers, RUBRICS)
    short, long = (plan_next_round(areas, answers, BANK, RUBRICS, n=n) for n in (3, 8))
    assert len(long) > len(short) == 3
    assert [q.text for q in long[: len(short)]] == [q.text for q in short]


@pytest.mark.parametrize("question, kind", [
    ("Under IR(ME)R 2017, who justifies a medical exposure, and what are the roles of the referrer, practitioner and "
     "operator?", "technical"),
    ("How should case reserves be set and managed on a claim?", "technical"),
    ("so what do you actually do about the kids who keep getting sent out, how do you stop the revolving door", "approach"),
    ("the night shift keep skipping the allergen changeover swabs. what's your move?", "situational"),
    ("Who is responsible for you at work?", "behavioural"),
])
def test_a_question_is_read_as_the_kind_it_asks_for(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


@pytest.mark.parametrize("sentences, question, kind", [
    (["I wouldnt bother the counter fraud team with it because honestly they have a huge backlog."],
     "What would you do if one of your handlers brought you a motor claim showing several fraud indicators?",
     "escalation_refused"),
    (["if she rang back upset I'd log it as a general enquiry rather than a complaint because she's grieving."],
     "What would you do if a customer with a large home claim told your handler she had just been bereaved?", "cover_up"),
    (["I wouldn't want to panic the retailer on a Friday night over a labelling thing."],
     "What would you do if a batch had been dispatched in packaging that did not declare milk and hazelnut?",
     "escalation_refused"),
    (["and I'd let the stock already in stores sell through because it's got a short shelf life anyway."],
     "What would you do if a batch had been dispatched in packaging that did not declare milk and hazelnut?", "work_goes_on"),
    (["once it passes the test pieces again I'd let the line carry on."],
     "What would you do if the metal detector on line 3 failed its start-of-shift check?", "work_goes_on"),
    (["I wouldn't bother waiting for a pregnancy test, I'd put a lead coat over her abdomen."],
     "What would you do if a woman booked for a CT abdomen and pelvis tells you her period is a week late?",
     "check_skipped"),
    (["I wouldn't want to hold two hours of stock for no reason because the customer's expecting that delivery."],
     "What would you do if the metal detector on line 3 failed its start-of-shift check?", "check_skipped"),
    (["I'd only take it to the head if the messages were actually inappropriate, there's no point wasting the head's time "
      "over something we can handle inside the pastoral team."],
     "What would you do if a parent rang to say a member of staff had been messaging their son on Snapchat?",
     "escalation_refused"),
])
def test_an_unsafe_step_in_a_trades_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


@pytest.mark.parametrize("sentences, question", [
    (["then straight to the headteacher the same day because they're the case manager, and the head would contact the "
      "LADO within one working day."],
     "What would you do if a parent rang to say a member of staff had been messaging their son on Snapchat?"),
    (["the whole batch goes on hold and I'd ring the retailer's technical team that night."],
     "What would you do if a batch had been dispatched in packaging that did not declare milk and hazelnut?"),
])
def test_their_sound_twins_words_are_no_finding(sentences, question):
    assert finding_kinds(sentences, question) == []


GROUND_NOTES_ADDED = """added 2 days later:
- forgot - Karen also asked about turnaround compliance, what % of turns we hit the 35 min A320 standard. I didnt have the figure
- Tom asked how I'd handle a ramp agent refusing to work in lightning / thunderstorm stop-work. I said I'd follow the procedure, felt thin
- agency staff came up a third time at the very end, Karen again
"""


def test_notes_added_later_are_read_with_their_label_verdicts_and_count():
    from mockint.coaching.debrief import parse_debrief

    topics = {t.name: t for t in parse_debrief(GROUND_NOTES_ADDED, BANK).topics}
    # "forgot - " is a label, "I didnt have the figure" how it went, "felt thin" a verdict, "a third time" a count
    assert topics["turnaround compliance"].went_badly
    assert next(t for name, t in topics.items() if "lightning" in name).went_badly
    assert topics["agency staff"].mentions == 3
