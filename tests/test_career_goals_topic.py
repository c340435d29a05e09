"""A career plan told in its own words answers "long-term career goals" (rubrics/substance.yaml's `career_goals` topic).

A dev paraphrase pair told one police constable's plan as "longer term I want to end up in public protection" (90) and
"where I see myself ending up is public protection" (35: Relevance 1, no word shared with "long-term career goals").
Every answer here was written for this file."""

from __future__ import annotations

import pytest

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.offline import OfflineScorer, read_answer, topic_missed
from mockint.scoring.rubrics import load_rubrics

QUESTION = "What are your long-term career goals, and how does this role fit into them?"
PLAN = ("so where I see myself ending up is running a pharmacy department, probably as chief pharmacist in a district "
        "general, somewhere like here. I've done six years on the wards and two as a rotational band seven, and I passed "
        "my independent prescribing in twenty twenty four. what I haven't done is lead a team of my own, and this lead "
        "pharmacist post for surgery is the bit I'm missing: eleven staff, the budget, the medicines safety group. you "
        "told me at the first interview the lead here chairs the antimicrobial group, and that's what I want to learn. "
        "so three years doing this properly, then a deputy chief post.")


def test_a_plan_in_its_own_words_answers_the_question():
    card = score_question(OfflineScorer(), QUESTION, Transcript(text=PLAN, duration=0.0), load_rubrics())
    assert card.criterion("specificity.relevance").score >= 3
    assert "career_goals" not in topic_missed(read_answer(PLAN, QUESTION))


@pytest.mark.parametrize("question", ["Where do you see yourself in five years?", "What are your career goals?"])
def test_the_topic_is_asked_by_its_usual_wordings(question):
    story = ("last winter the ward ran out of two antibiotics over a bank holiday. I rang three other trusts, borrowed "
             "stock from one of them, and changed our reorder levels so it has not happened since.")
    assert "career_goals" in topic_missed(read_answer(story, question))


def test_long_term_sickness_is_no_career_question():
    answer = ("I'd meet her, ask occupational health for advice, agree a phased return and review it every two weeks "
              "with her, and keep notes of every meeting.")
    assert "career_goals" not in topic_missed(read_answer(answer, "How would you manage someone on long-term sickness?"))
