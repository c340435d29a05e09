"""Feedback asked about is feedback said to the candidate (rubrics/substance.yaml's `feedback` topic), not anything said.

A software engineer's trial (18) answered "How do you handle constructive criticism? Give me a recent example." with a
latency fix: "product said was roughly two hundred thousand euros a month" answered the topic, and it scored 89, strong.
Every answer here was written for this file."""

from __future__ import annotations

import pytest

from mockint.scoring.offline import read_answer, topic_missed

QUESTION = "How do you handle constructive criticism? Give me a recent example."


@pytest.mark.parametrize("answer", [
    "my lead told me my pull requests were too big to review, which stung a bit, but he was right. I split the next "
    "feature into five small ones and review time went from two days to half a day.",
    "in my appraisal my manager said my handovers left things out. I asked the night nurse what she needed and now I "
    "use a checklist, and nobody has had to ring me after a shift since.",
])
def test_criticism_said_to_the_candidate_answers_it(answer):
    assert "feedback" not in topic_missed(read_answer(answer, QUESTION))


def test_a_story_where_only_someone_else_said_something_misses_it():
    answer = ("last year our checkout p99 latency was about eight hundred milliseconds. I profiled it, batched four calls "
              "into one and added a cache, and conversion went up about one point two percent, which product said was "
              "roughly two hundred thousand euros a month.")
    assert topic_missed(read_answer(answer, QUESTION)) == ["feedback"]
