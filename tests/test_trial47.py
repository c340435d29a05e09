"""Trial 47: a nursery deputy, a fire crew manager, a procurement lead and a senior data analyst wrote and graded their
answers before scoring them, and a cabin crew purser went through a week of debrief, plans and rounds. A sound plan
read as a cover-up, unsafe plans read as sound, a purser's best story read as a disaster stood by, and figures that
cannot all be true went unread; the sentences below are shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible
from test_proud_recovery import card

ALLEGATION = "What would you do if a member of staff told you they had seen a colleague handle a child roughly?"
CHALLENGE = "What would you do if a losing bidder wrote in during standstill saying they were going to challenge?"


@pytest.mark.parametrize("sentences, question, kind", [
    # the allegation told to the manager a week later, at a routine meeting, and dealt with "in house"
    (["if what she told me made sense I'd deal with it in house and put her on some training.",
      "I'd note it in my diary and let the manager know at our weekly catch up on the Friday."], ALLEGATION,
     "escalation_delayed"),
    # "that just escalates it" is said of a thing: no escalation made, so the refusal stands
    (["I wouldn't involve legal at that stage", "because that just escalates it and costs money."], CHALLENGE,
     "escalation_delayed"),
    (["so we don't need to go near legal, I'd raise the purchase orders myself."], "", "escalation_refused"),
])
def test_an_unsafe_step_in_a_nursery_or_a_procurement_plan_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


@pytest.mark.parametrize("sentences, question", [
    # what quietly changing the figures would lead to, refused: no cover-up
    (["I wouldn't quietly change the history on the dashboard overnight",
      "because then the figures in the packs we already sent won't match and nobody will know why."], ""),
    (["I'd ring the LADO the same day and let the manager know straight away."], ALLEGATION),
    (["I'd ask legal to look at the letter that afternoon and hold the contract until they had."], CHALLENGE),
])
def test_their_sound_twins_are_no_finding(sentences, question):
    assert finding_kinds(sentences, question) == []


def test_harm_the_story_started_from_is_no_disaster_stood_by():
    story = ("um so this is the time I disagreed with the captain. we were about three hours out of Lagos and a passenger "
             "was drunk and had assaulted another passenger and then one of my crew. the captain wanted to continue "
             "because diverting would cost a lot. I went to the flight deck and I told him calmly that the crew could not "
             "safely guard the man for another three hours, two of my crew were already injured, and I asked him to "
             "consider Madrid. he agreed to divert. the police met the aircraft, the passenger was arrested and later "
             "convicted, and in the debrief the captain actually said I was right to push. I learned that you can "
             "respect the captain's authority and still make your case firmly")
    assert card("Tell me about a time you disagreed with the captain.", story).overall >= 80


@pytest.mark.parametrize("said, fixed", [
    ("I also moved all forty of our dashboards onto the new models, fifty two of them in the first month",
     "I also moved all forty of our dashboards onto the new models, twenty two of them in the first month"),
    ("the report went from twelve hours down to three hours, so we saved eleven hours a week",
     "the report went from twelve hours down to three hours, so we saved nine hours a week"),
    ("over six weeks from the first of June to the end of September I got all of them through",
     "over six weeks from the first of June to the middle of July I got all of them through"),
    ("that took our watch competence for BA from sixty percent up to one hundred and ten percent",
     "that took our watch competence for BA from sixty percent up to one hundred percent"),
])
def test_a_part_a_saving_a_span_or_a_share_that_cannot_be_true_is_found(said, fixed):
    assert impossible(said)
    assert impossible(fixed) == []


def test_a_time_counted_back_to_an_event_is_no_time_below_zero():
    assert impossible("we now load to the booked figure at minus forty eight hours") == []
    assert impossible("the average wait was minus five minutes")


@pytest.mark.parametrize("question, kind", [
    ("Why Hereford and Worcester?", "motivation"),
    ("Why West Midlands Fire Service?", "motivation"),
    ("Why Kent?", "motivation"),
    ("Why it went wrong, in your view?", "behavioural"),
    # a part of the role is knowledge; the role itself is why they want it
    ("What's your understanding of the role of the DSL?", "technical"),
    ("What is your understanding of the role?", "motivation"),
    ("In an A/B test, what does a p-value of 0.03 tell you, and how do you decide when to stop a test?", "technical"),
    ("So say two heads of department both tell you theirs is the number one priority and you've only got your two "
     "juniors, how do you play that?", "situational"),
])
def test_the_kind_of_a_question_the_trials_typed(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


# --- the purser's week: debrief and plan ----------------------------------------------------------------------------

PURSER_NOTES = """First round - Cabin Services Manager
- opened with why leave current airline after 9 yrs, went ok-ish, bit rambly
- disruptive passenger: used the intoxicated pax story, ok but I forgot to say how we reported it after (ASR / captain's report)
- Tom kept coming back to rostering fairness and crew fatigue complaints - I didn't have a good answer
They'll probe on leading through change in round two (new cabin product launch next year)
Feedback at the end: answers lacked numbers on the people side
- Marianne also asked about a time I disagreed with the captain, I said I always defer to the captain in the end, she frowned - should have talked about the unruly pax diversion call where I pushed back
- Tom asked how I would handle a complaint about bullying between crew on a trip, I waffled about HR policy
"""


def test_a_pursers_notes_name_the_questions_asked_not_the_stories_meant_or_the_answer_given():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    topics = {t.name: t for t in parse_debrief(PURSER_NOTES, load_bank()).topics}
    # an admission in a clause of its own is still an admission: it went badly
    assert topics["disruptive passenger"].went_badly
    # the story they should have told is no topic, and "where I pushed back" is no probe: the question went badly
    assert "unruly pax diversion call" not in topics
    assert topics["disagreeing with the captain"].went_badly and topics["disagreeing with the captain"].mentions == 1
    # "how I would handle a complaint about bullying" is the complaint, not "willing handle"; "HR policy" is my answer
    bullying = next(t for name, t in topics.items() if "bullying" in name)
    assert bullying.went_badly and "HR policy" not in topics and not any("willing" in name for name in topics)
    # the motivation question asked is read, and "in round two" is where it will come, not the topic
    assert any(name.startswith("why leave") for name in topics)
    assert "leading through change" in topics


def test_a_round_one_concerns_retry_is_judged_on_what_round_one_said_every_answer_lacked():
    from mockint.coaching.debrief import apply_debrief, parse_debrief
    from mockint.coaching.plan import plan_next_round
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import Ledger, current_weak_areas, feedback_readings
    from mockint.scoring.rubrics import load_rubrics

    rubrics, bank = load_rubrics(), load_bank()
    ledger = apply_debrief(Ledger(), parse_debrief(PURSER_NOTES, bank, feedback=feedback_readings(rubrics)))
    plan = plan_next_round(current_weak_areas(ledger, None, rubrics), [], bank, rubrics, n=6)
    retries = [q for q in plan if q.category == "first_round_probe" and q.kind == "behavioural"]
    assert retries and all("specificity.quantified_impact" in q.criteria for q in retries)


def test_figures_restated_as_each_other_are_one_thing_not_scattered_nonsense():
    from test_proud_disasters import gates_of

    question = "Tell me about a time you delivered significant savings through a tender."
    savings = ("so in my current role I led the re-tender of our facilities management contract. the annual spend was two "
               "point four million and it had been rolled over twice without going back to market. my task was to deliver "
               "a saving against a target of ten percent. I split it into three lots cleaning security and planned "
               "maintenance to get more SMEs bidding, um we had nineteen bids in the end up from four last time. I ran "
               "supplier engagement days and negotiated hard at the clarification stage. the result was we saved eighteen "
               "percent which was about four hundred and thirty thousand a year, and over the five year term that's just "
               "over two point one million. it was ahead of target and it was signed off by the section one fifty one "
               "officer as cashable. what I learned is that market engagement before the tender pays for itself")
    assert "scattered_figures" not in gates_of(question, savings) and card(question, savings).overall >= 80
    # fluent nonsense that restates a share as another share, or compares, still says nothing
    nonsense = ("so a customer came in with a forty percent complaint about the two for one, which is twelve point five "
                "percent of footfall, and I escalated it to the sixty day window. the outcome was nine hundred units of "
                "satisfaction, up from seventeen, and we rotated the planogram three times, so it was resolved by quarter "
                "five")
    assert card("Tell me about a time you dealt with a difficult customer. What was the outcome?", nonsense).overall <= 40


def test_steps_done_to_nothing_in_particular_are_no_actions():
    # trial 48: a hotel manager's "empty actions plus numbers" answer read Action 3 of 4, quoting these words
    question = "Tell me about a time you turned round guest satisfaction."
    vague = ("so last year our scores were falling. I did a lot of things I looked at everything I talked to everyone and "
             "I made some changes. by the end our TripAdvisor score went from 3.9 to 4.4 and complaints fell 30 percent.")
    told = ("so last year our scores were falling. I read every one-star review from the last quarter, I moved two "
            "housekeepers onto the late shift and I retrained the front desk on check-in. by the end our TripAdvisor "
            "score went from 3.9 to 4.4 and complaints fell 30 percent.")
    action = {said: next(c.score for c in card(question, said).criteria if c.key == "star.action") for said in (vague, told)}
    assert action[vague] <= 1 < action[told]
