"""Scoring findings of trial 25: a primary teacher going for deputy head and a warehouse shift manager going for site
operations manager (16 answers graded by the user before scoring), and a band 5 nurse's week of practice. Answers are
the trial users' own."""

from __future__ import annotations

from conftest import offline_card

PEAK_Q = "Tell me about a time you delivered through a peak period."
PEAK = (
    "so last Christmas peak we were um we were looking at volumes nearly double a normal week and we'd lost two team "
    "leaders in November. We pulled together really well, we brought in extra agency, we ran the weekend shifts, we "
    "cross trained the goods in team onto despatch, we had daily huddles with transport. The one call that was mine was "
    "on the Thursday before Christmas when the WMS went down for three hours. Everyone wanted to wait for IT but I made "
    "the decision to go to paper pick lists for the top two hundred lines, which we had printed as a backup plan I'd "
    "insisted on in October. We um we lost some accuracy on that shift and I had a team re-checking every paper pick at "
    "despatch. But we made every store delivery that week, and the regional director used our paper backup as the "
    "template for the other sites the year after.")


def test_a_harm_that_sets_the_scene_of_a_decision_is_no_disaster_stood_by():
    # "when the WMS went down" (what the decision answered) and one honest cost made it a disaster stood by: every part
    # held at 1 of 4, 22/100; without the cost's sentence, 90
    card = offline_card(PEAK_Q, PEAK)
    assert card.overall >= 75 and "bad one" not in (card.overall_capped or ""), card.overall_capped


SAFEGUARDING_Q = ("What would you do if a parent told you that a teaching assistant had been messaging their child privately "
                  "on social media?")
QUIET_WORD = (
    "right so first thing I'd do is reassure the parent, thank them for coming to me and tell them I'll get it sorted "
    "today. Then I'd go and find the teaching assistant straight away and have a quiet word in private, ask them to show "
    "me the messages on their phone so I can see for myself what's been said. If it's innocent I'd remind them of the "
    "staff code of conduct about social media and ask them to delete the messages. Then I'd call the parent back the "
    "same day to let them know it's been dealt with so they're not worried.")
REPORTED = (
    "so I'd thank the parent, take it seriously, and write down exactly what they said, word for word, dated and signed, "
    "without promising what the outcome will be. I wouldn't speak to the teaching assistant or look at the messages myself "
    "and I wouldn't question the child, because that could compromise an investigation. Because it's an allegation about "
    "a member of staff it goes straight to the head the same day, and the head contacts the LADO within one working day, "
    "and I'd make sure the DSL knows in case there's a wider concern for the child.")


def test_staff_messaging_a_child_is_an_allegation_a_quiet_word_does_not_handle():
    # a deputy head's trial: the quiet-word plan scored 86.7, strong, 6.6 below the plan that reports it
    unsafe, safe = offline_card(SAFEGUARDING_Q, QUIET_WORD), offline_card(SAFEGUARDING_Q, REPORTED)
    assert unsafe.criterion("situational.judgement").score == 0 and unsafe.overall <= 35
    assert safe.overall >= 80


RACKING_Q = ("What would you do if a forklift hit the racking during a night shift and damaged an upright, no one was hurt, "
             "and a large urgent order still has to go out?")
KEEP_PICKING = (
    "right so first thing no one's hurt so that's the main thing. I'd get the driver off the truck and get a statement "
    "from him while it's fresh. Then I'd look at the upright myself, if it's just a dent I'd carry on, we'd pick that "
    "aisle carefully. The urgent order is the priority because the customer's waiting so I'd move my best pickers onto "
    "it. Then at the end of the shift I'd email the day manager and maintenance to get someone to look at the upright.")


def test_picking_on_beside_damaged_racking_and_telling_the_manager_after_the_shift_is_unsafe():
    # a site operations manager's trial: 80, strong, with "if it's just a dent I'd carry on" quoted as judgement
    card = offline_card(RACKING_Q, KEEP_PICKING)
    assert card.criterion("situational.judgement").score == 0 and card.overall <= 35
