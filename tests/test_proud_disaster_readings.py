"""Harms of schools and coaching that the proud-disaster reading missed: a score that fell, a child who would not
come in. Every answer here was written for this file. A proud disaster tells such a harm as what came of the
candidate's own plan and stands by it; its twin tells the same facts owned, with what changed. Asserted: the proud
one shuts `bad_outcome_stood_by` and names the harm; the twin shuts no gate and scores above it.
"""

from __future__ import annotations

import pytest
from test_proud_disasters import card, gates_of  # the same reading of a card and its shut gates

from mockint.scoring.offline import harms_named, read_answer, stood_by_bad_outcome

# (occupation, question, proud disaster, twin owned with a lesson)
PAIRS = [
    ('secondary teacher', 'Tell me about a time you supported a student who was struggling.',
     'I had a boy in year nine who was behind in spelling. I moved him to the back with a spelling book every lesson '
     'and kept him in every break to copy words out. his spelling test score went from forty percent to twenty eight '
     "by the summer, but he'd filled three books, which I was really proud of.",
     'I had a boy in year nine who was behind in spelling. I moved him to the back with a spelling book every lesson '
     'and kept him in every break to copy words out. his spelling test score went from forty percent to twenty eight '
     'by the summer. looking back I took away the lessons he needed, so now I keep struggling pupils in class and '
     'give them ten minutes of catch up with a teaching assistant instead.'),
    ('nursery practitioner', 'Describe a time you helped a child settle in.',
     'a three year old in my room cried at drop off, so I told her mum to leave straight away and I put her in the '
     'quiet corner on her own until she stopped. by the second month she was refusing to come in most mornings and '
     "her mum moved her to another nursery. I stand by it, routine is routine.",
     'a three year old in my room cried at drop off, so I told her mum to leave straight away and I put her in the '
     'quiet corner on her own until she stopped. by the second month she was refusing to come in most mornings. I '
     'learned that she needed her mum to stay for a while, so we set up ten minute handovers with her key person '
     'and she was settled by half term.'),
    ('call centre coach', 'Tell me about a time you coached someone to improve.',
     'I coached a new agent whose calls ran long. I told him to cut every call at four minutes whatever the customer '
     'needed. his handling time dropped, but his quality score went down from eighty two to sixty and three customers '
     "complained. I'd call that a win, the queue moved faster.",
     'I coached a new agent whose calls ran long. I told him to cut every call at four minutes whatever the customer '
     'needed. his quality score went down from eighty two to sixty. I learned that speed was the wrong target, so I '
     'sat in on his calls, we worked on his questions, and by the next month his quality score was back to eighty.'),
]


def test_the_harms_are_named_in_the_substance_files_words():
    assert harms_named("her end of year test score did go down a bit, from about 38 % to 31")
    assert harms_named("and she did end up refusing to come in a few mornings in june")
    assert not harms_named("her test score went up from 38 % to 61")
    # who someone was, in a past perfect relative clause, is no outcome (batch 8: a story graded 4 gated at 22)
    assert not harms_named("the partner who'd complained the loudest started sending us his arbitration bundles")
    assert harms_named("the partner complained again the next week")


@pytest.mark.parametrize("occupation, question, proud, twin", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_proud_disaster_is_gated_and_its_owned_twin_is_not(occupation, question, proud, twin):
    assert "bad_outcome_stood_by" in gates_of(question, proud)
    assert stood_by_bad_outcome(read_answer(proud, question)).harms
    assert "bad_outcome_stood_by" not in gates_of(question, twin)
    assert card(question, twin).overall > card(question, proud).overall
