"""A level measured at a later point is a result: "by week six his CSAT was at eighty six percent" (a support lead's
trial: Result 1 of 4, "a vague outcome", so the rewrite aimed at the round-one concern could not close it). Every answer
here was written for this file."""

from __future__ import annotations

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.offline import OfflineScorer
from mockint.scoring.rubrics import load_rubrics

QUESTION = "Tell me about a time you managed someone who was underperforming."
STORY = ("in march one of my engineers was missing most of his first time fixes, about sixty percent against the team's "
         "eighty five. I rode along with him for two days and saw he was skipping the diagnostic on the boiler before "
         "ordering parts. we agreed a four week plan: the diagnostic on every job, and I checked three of his jobs a "
         "week. {end}")


def result(end: str) -> int:
    card = score_question(OfflineScorer(), QUESTION, Transcript(text=STORY.format(end=end), duration=0.0), load_rubrics())
    return card.criterion("star.result").score


def test_a_level_at_a_later_point_is_a_measured_result():
    assert result("by week four his first time fix was at eighty two percent.") >= 3



def test_how_many_of_those_worked_with_got_there_is_a_result():
    # a maths teacher's trial (38): "at the end twenty four of them got a five or above" read as "a vague outcome"
    question = "How exactly was that result measured, and what was the number before you started?"
    answer = ("it was measured against the autumn mock. none of the thirty eight had a grade five then, that's how I chose "
              "them. at the end twenty four of them got a five or above in the real exam.")
    card = score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())
    assert card.criterion("star.result").score >= 3
