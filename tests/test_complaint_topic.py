"""A complaint asked about is answered by someone unhappy, whoever they are (rubrics/substance.yaml's `complaint` topic).

A teacher's trial (17) answered "Tell me about a time you dealt with a parent complaint" with a fractions unit it had
rewritten: no parent, no complaint, and it scored 76, solid, relevance 3 (the story's "children" answered the
`customer` topic). Every answer here was written for this file, in several jobs; the complaint is told without the
word as often as with it."""

from __future__ import annotations

import pytest

from mockint.scoring.offline import judge, read_answer, shut_gates, topic_missed

COMPLAINTS = [
    ("teacher", "Tell me about a time you dealt with a parent complaint.",
     "a dad came in really upset that his son had been left out of the football team. I listened, checked the selection "
     "notes with the PE lead, and we agreed a rota so every child played a match that term. he thanked me at parents evening."),
    ("pharmacy technician", "Tell me about a complaint you handled.",
     "a patient's wife rang in furious that his discharge medicines were two hours late. I apologised, found the TTO stuck "
     "waiting for a signature, chased the doctor and had it on the ward in twenty minutes."),
    ("housing officer", "Describe a time you had to deal with a complaint from a tenant.",
     "a tenant was angry that her boiler repair had been cancelled twice. I rang the contractor, booked the engineer for "
     "the next morning and called her back the same day, and she withdrew her stage two complaint."),
]


@pytest.mark.parametrize("job, question, answer", COMPLAINTS, ids=[c[0] for c in COMPLAINTS])
def test_someone_unhappy_answers_the_complaint_question(job, question, answer):
    reading = read_answer(answer, question)
    relevance = judge(reading)["specificity.relevance"].score
    assert "complaint" not in topic_missed(reading) and relevance >= 2
    assert "off_topic" not in shut_gates(reading, relevance)


def test_a_story_with_nobody_unhappy_misses_the_complaint_question():
    answer = ("So a really good example of this is when I rewrote our year five fractions unit. the old unit jumped straight "
              "to the procedures and the children were forgetting it all by the spring. I spent the summer re sequencing it, "
              "and in the summer assessments fractions went from forty two percent correct to seventy five.")
    reading = read_answer(answer, "Tell me about a time you dealt with a parent complaint.")
    assert topic_missed(reading) == ["complaint"]
    assert "off_topic" in shut_gates(reading, judge(reading)["specificity.relevance"].score)


def test_a_complaint_that_is_the_scene_of_a_plan_need_not_be_named():
    """"What would you do if a parent complained that ..." is answered by what is done about it: the reported twin of
    tests/test_safety.py's allegation fell to 20 when the verb read as a complaint asked about."""
    question = "What would you do if a parent complained that one of your teachers had made an inappropriate comment to their daughter?"
    answer = ("I'd thank the parent, write down exactly what was said, and report it to the head the same day, because an "
              "allegation about a member of staff has to go to the head and on to the LADO.")
    assert "complaint" not in topic_missed(read_answer(answer, question))
