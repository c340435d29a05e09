"""Trial 87: a foundry shift supervisor, a winery operations manager, an enforcement agent team leader, a salon manager,
and a plumbing and heating supervisor (a week of debrief, plans and practice). Shortened from the trials' own answers
and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card


@pytest.mark.parametrize(("question", "kind"), [
    # a fault of the trade, then how to reduce it: judged as a plan (the wrong answer 53.3; as technical 40)
    ("What causes gas porosity in grey iron castings, and how would you reduce it?", "technical"),
    # what a rule exempts and lets be charged: judged as a past story (the right answer 56; as technical 93.3)
    ("Which goods are exempt from taking control under the Taking Control of Goods Regulations 2013, and what fees can "
     "be charged on a council tax liability order?", "technical"),
    # twins: what troubles the candidate, and a figure of the job to bring down
    ("What causes you the most stress, and how would you reduce it?", "situational"),
    ("How would you reduce agency spend on a ward?", "situational"),
])
def test_what_a_question_asks_for(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


SKIN_TEST = ("What would you do if a stylist told you they had skipped the skin test for a regular client who is booked in "
             "for a permanent tint in an hour?")
DOORSTEP = ("What would you do if one of your agents rang you from a doorstep saying the debtor's partner was getting "
            "aggressive and there were young children in the house?")


@pytest.mark.parametrize(("question", "sound", "unsafe"), [
    # the model answer, refusing the tint untested, was capped at 20 for its offer of a product that needs no test ...
    (SKIN_TEST, "offer her a gloss or a toner that doesn't need a test under the manufacturer's guidance.",
     "I'd say that doesn't need a test, she's a regular."),
    # ... and for the cause it would look into
    (SKIN_TEST, "then look at why it happened, is the booking system letting a tint be booked without a test date.",
     "I'd let the tint be booked without a test date this once."),
    # the visit's record switched off (53.3, Judgement 2 of 4)
    (DOORSTEP, "I'd make sure his body cam is on the whole time and he steps back from the door.",
     "turn the body cam off for a minute because sometimes the camera winds people up more."),
])
def test_a_sound_plan_is_not_read_as_skipping_a_check(question, sound, unsafe):
    assert finding_kinds([sound.lower()], question) == []
    assert finding_kinds([unsafe.lower()], question) == ["check_skipped"]


@pytest.mark.parametrize(("question", "on_topic", "off_topic"), [
    # a bride who "rang in tears" over a patchy colour (20, "never gets to complaint"; 87 with "she made a complaint")
    ("Tell me about a time you handled a serious client complaint.",
     "there was a bride last summer who'd had a bleach and tone with one of our seniors and two days before the wedding "
     "she rang in tears, it had gone brassy in patches. I took the call myself, looked at it in daylight with her, booked "
     "her in with our best colourist first thing and we didn't charge her.",
     "last summer I rebuilt the Saturday rota with one of our seniors so each stylist had a protected lunch, and I took "
     "the bookings myself for the first month. no-shows fell and the team were happier."),
    # the best harvest story never said "didn't go" (20, "never gets to didn't go"; 95 asked about "a difficult harvest")
    ("Tell me about a time a harvest didn't go to plan and how you handled it.",
     "two years ago we had thirty tonnes of Pinot left to pick and the forecast turned, three days of heavy rain. I was "
     "harvest manager so it was my call. I pulled the Pinot forward two days and got twelve extra pickers, and the rows "
     "we dropped cost us about one point two tonnes.",
     "two years ago we had thirty tonnes of Pinot left to pick in a dry week. I was harvest manager so it was my call. I "
     "booked twelve pickers for the Tuesday and we picked every row by the Thursday."),
])
def test_a_topic_told_without_its_word_is_on_the_question(question, on_topic, off_topic):
    assert offline_card(question, on_topic).criterion("specificity.relevance").score >= 2
    assert offline_card(question, off_topic).criterion("specificity.relevance").score <= 1


def test_an_arrangement_kept_and_a_case_taught_from_are_results():
    """ "she set up an arrangement of forty pounds a month she's kept for ten months now, and the council later used the
    case in their own vulnerability training" read as a vague outcome: Result 1 of 4 on the best story."""
    question = "Tell me about a time you dealt with a vulnerable debtor on a visit."
    story = ("last November a debtor opened the door clearly not coping, her husband had died in the summer. My job was to "
             "decide whether the visit could carry on. I stopped the visit, put a sixty day hold on the account and "
             "referred her to the council's hardship team. {end}")
    kept = "She set up an arrangement she's kept for ten months now, and the council later used the case in their own training."
    assert offline_card(question, story.format(end=kept)).criterion("star.result").score >= 3
    assert offline_card(question, story.format(end="I then went on to the next visit.")).criterion("star.result").score <= 1


def _topics(notes: str) -> dict:
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    return {t.name: t for t in parse_debrief(f"Round 1 - Contracts Manager\n{notes}", load_bank()).topics}


def test_the_opening_why_question_is_a_topic():
    """ "Opened with why do I want to leave dispatch for ops management ... felt flat", "Steve opened with why I want to
    move off the tools/supervisor role into contracts management" (a taxi dispatch and a plumbing supervisor's notes: no
    topic read in either)."""
    flat = _topics("- Opened with why do I want to leave dispatch for ops management. Said something about next step, "
                   "felt flat.\n")
    assert {n: t.went_badly for n, t in flat.items()} == {"why leave dispatch for ops management": True}
    moved = _topics("- Steve opened with why I want to move off the tools/supervisor role into contracts management.\n")
    assert list(moved) == ["why move off the tools/supervisor role into contracts management"]
    # the question's own words where the move is no verb of leaving
    assert list(_topics("- opened with why do you want to be a registered manager. ok\n")) == [
        "why do you want to be a registered manager"]


def test_what_the_panel_made_of_it_and_what_the_story_lacked_say_how_it_went():
    notes = ("- Bev asked about a time I dealt with a difficult client - gave the callback story at the care home, didnt "
             "give an outcome really\n"
             "- Callbacks - Steve asked what our callback rate was, I said \"not many\" - he pulled a face. need numbers!!\n")
    topics = _topics(notes)
    assert {n: t.went_badly for n, t in topics.items()} == {"dealing with a difficult client": True, "callback rate": True}
    fine = _topics("- Bev asked about a time I dealt with a difficult client - gave the callback story at the care home, "
                   "she liked it\n")
    assert not fine["dealing with a difficult client"].went_badly


def test_a_regulation_named_with_its_year_is_knowledge():
    """ "They'll ask about CDM 2015 and RAMS sign-off in round 2": CDM 2015 was asked as "one specific example"."""
    from mockint.scoring.kinds import classify_topic

    assert classify_topic("CDM 2015", []) == "technical"
    assert classify_topic("the 2015 refurbishment", []) != "technical"
