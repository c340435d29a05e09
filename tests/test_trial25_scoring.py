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
