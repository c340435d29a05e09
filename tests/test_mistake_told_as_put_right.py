"""A mistake told as what went amiss and how it was put right answers a question about a mistake.

Candidates often tell a mistake without the word: "I sent the night team last month's handover sheet ... I rang the
ward that evening, corrected the charts and redid the handover". The `failure` topic of rubrics/substance.yaml read
only words of failing ("mistake", "wrong", "didn't"), so such answers, whose meaning sits far from their question
in the static embedding, had relevance 1 and shut the off-topic gate. Every answer here was written for this file.
"""

from __future__ import annotations

import pytest

from mockint.scoring.offline import judge, read_answer, shut_gates, topic_missed

# (occupation, question, a mistake told only as what happened and how it was put right)
PUT_RIGHT = [
    ('ward nurse', 'Describe a mistake you made that affected others. How did you put it right?',
     "as shift lead I gave the night team last month's observation charts, so two bays charted on old forms. I rang "
     'the ward at ten, corrected the charts with the night sister, and redid the handover at seven.'),
    ('accountant', 'Tell me about a mistake you made at work and how you fixed it.',
     "I sent a client last quarter's sales figures for her return, so it was filed with old numbers. I rang her the "
     'next morning, we corrected the figures together and I resubmitted the return that afternoon.'),
    ('web developer', 'Tell me about an error you made and what you did about it.',
     'I pushed the staging settings to the live shop one friday, so checkout showed test prices for twenty minutes. '
     'I rolled it back, rang the three customers who had paid test prices, and now a second person approves '
     'every release.'),
    ('warehouse supervisor', 'Describe a mistake you made that affected others. How did you put it right?',
     'I loaded the Leeds pallets onto the Bristol van, so forty cases went to Bristol instead of Leeds. I rang the '
     'driver, we swapped the pallets at the Birmingham depot, and Leeds had them by two.'),
]


@pytest.mark.parametrize("occupation, question, answer", PUT_RIGHT, ids=[p[0] for p in PUT_RIGHT])
def test_a_mistake_put_right_answers_the_mistake_question(occupation, question, answer):
    reading = read_answer(answer, question)
    relevance = judge(reading)["specificity.relevance"].score
    assert topic_missed(reading) == []
    assert relevance >= 2
    assert "off_topic" not in shut_gates(reading, relevance)


def test_a_story_with_nothing_gone_amiss_still_misses_the_mistake_question():
    question = 'Describe a mistake you made that affected others. How did you put it right?'
    answer = ('I organised the school summer fair last july with the parents association. we booked a bouncy castle, '
              'ran a cake stall and a raffle, and raised two thousand pounds for new library books.')
    reading = read_answer(answer, question)
    assert topic_missed(reading) == ["failure"]
