"""The learned outcome reading (scoring/valence.py): a bad outcome told as a success in words no phrase list names.

Every answer and sentence here was written for this file (none from the scoring corpus or from either writer's
outcome set). What it asserts are properties: a proud disaster whose verdict no phrase list knows is gated and its
result capped; good outcomes told with negative words ("no falls since", "complaints stopped") and steps or
hypotheticals the reading takes for disasters are not; the reading is deterministic; and a coach can switch it off.
"""

from __future__ import annotations

import numpy as np
import pytest

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.offline import OfflineScorer, lowered, read_answer, stood_by_bad_outcome
from mockint.scoring.rubrics import load_rubrics
from mockint.scoring.semantic import bad_outcome_phrases
from mockint.scoring.valence import probabilities, told_as_success

QUESTION = "Tell me about a change you made at work that you're proud of."
# Disasters from two trades, each stood by in words the `stood_by` list does not have.
PROUD_TEACHER = (
    "last year I took over year ten maths and I scrapped the old setting, I put every class on the same scheme and I rewrote "
    "the homework policy myself over the summer. I ran the new lessons from september and I trained the two new teachers on "
    "it. by the summer four families had complained to the head about the new sets, but honestly I count that year as the "
    "best thing I've done in teaching"
)
WAREHOUSE = (
    "I reorganised the picking floor over one weekend and I moved all the fast lines to the back. I trained the pickers on "
    "the new layout on the monday. {ending}"
)
PROUD_WAREHOUSE = WAREHOUSE.format(ending="the biggest client ended up cancelling their contract with us after seven months, "
                                   "but honestly I still count it as my biggest win")
GOOD_WAREHOUSE = WAREHOUSE.format(ending="the biggest client ended up doubling their contract with us after seven months, "
                                  "and honestly that was my proudest moment")
DEPOT = (
    "as shift lead I changed the depot so drivers planned their own routes instead of using the system. I briefed every driver "
    "and I checked the first week of routes myself. {ending}"
)
# The verdict in a clause of its own: the scorer cuts a long sentence at "but I".
PROUD_DEPOT = DEPOT.format(ending="in the end the supermarket cancelled our contract after two months, but I still see it as "
                           "the bravest call of my career")
GOOD_DEPOT = DEPOT.format(ending="in the end the supermarket renewed our contract for two more years, and I still see it as "
                          "the bravest call of my career")
IF_DEPOT = DEPOT.format(ending="if the supermarket cancelled our contract over it, I would still see it as the bravest call "
                        "of my career")
GOOD_FALLS = (
    "I brought in hourly rounding on the ward. I wrote the checklist, trained the healthcare assistants and audited it every "
    "week. since then there have been no falls at night for eight months and I'm really proud of that"
)
GOOD_COMPLAINTS = (
    "I rewrote how the front desk handled late check outs. I trained the six receptionists and set up a script. after that "
    "the complaints about check out stopped completely and the manager used my script for the other two hotels"
)


def card(question: str, answer: str):
    return score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())


@pytest.mark.parametrize("answer", [PROUD_TEACHER, PROUD_WAREHOUSE, PROUD_DEPOT])
def test_a_disaster_told_as_a_success_in_new_words_is_gated_and_its_result_capped(answer):
    verdicts = bad_outcome_phrases()["stood_by"]
    assert not verdicts.search(lowered(answer))  # the phrase lists alone cannot see the verdict
    assert stood_by_bad_outcome(read_answer(answer, QUESTION))
    got = card(QUESTION, answer)
    assert got.criterion("star.result").score <= 2
    assert got.overall <= 40


@pytest.mark.parametrize("answer", [GOOD_FALLS, GOOD_COMPLAINTS, GOOD_WAREHOUSE, GOOD_DEPOT, IF_DEPOT])
def test_a_good_outcome_told_with_negative_words_or_proudly_or_a_harm_supposed_is_not_a_disaster_stood_by(answer):
    assert not stood_by_bad_outcome(read_answer(answer, QUESTION))


def test_a_step_or_a_hypothetical_the_reading_takes_for_a_disaster_is_not_asked():
    # Steps and reasons ("instead of cutting it") read as bad outcomes told proudly; they are not outcomes told.
    answer = (
        "we rebuilt the arrival experience and retrained the desk before the reopening. the one thing I pushed for was "
        "keeping a person at the door on peak arrival hours instead of cutting it to pay for the kiosks, because corporate "
        "guests still want someone who knows their name, and I'd do that again here if the kiosks came up"
    )
    reading = read_answer(answer, QUESTION)
    assert not stood_by_bad_outcome(reading)


def test_the_reading_is_deterministic_and_a_distribution():
    texts = ["the client walked in the end, which shows I held firm on price", "we went live on the monday"]
    first, second = probabilities(texts), probabilities(texts)
    assert np.array_equal(first, second)
    assert np.allclose(first.sum(1), 1.0)
    assert np.array_equal(told_as_success(texts), told_as_success(texts))
    assert probabilities([]).shape == (0, 3)


@pytest.mark.xfail(strict=True, reason="known gap: writer 7, whose sentences it was fitted on, told no good outcome proudly, so "
                   "pride reads as a disaster stood by (0.77 bad); Reading.stands_by_harm asks the phrase lists for the harm")
def test_a_proud_disaster_reads_as_bad_where_its_good_twin_does_not():
    bad, good = probabilities([
        "the biggest client ended up taking their contract to another warehouse, but honestly that was my proudest moment",
        "the biggest client ended up doubling their contract with us, and honestly that was my proudest moment",
    ])[:, 1]
    assert bad > 0.7 > good


@pytest.mark.parametrize("answer", [PROUD_TEACHER, PROUD_WAREHOUSE, PROUD_DEPOT])
def test_with_the_learned_reading_switched_off_the_phrase_lists_decide(monkeypatch, answer):
    from mockint.scoring import semantic

    monkeypatch.setattr(semantic, "learned_win_at_least", lambda: 1.01)  # as substance.yaml's 1.01 would
    assert not stood_by_bad_outcome(read_answer(answer, QUESTION))


def test_a_learned_threshold_out_of_range_is_one_line_naming_the_file(tmp_path):
    from mockint.errors import DataFileError
    from mockint.scoring.semantic import _learned_at_least

    path = tmp_path / "substance.yaml"
    path.write_text("schema_version: 1\nbad_outcomes:\n  learned_bad_at_least: 7\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"substance.yaml: `bad_outcomes.learned_bad_at_least` must be a number"):
        _learned_at_least(str(path), 1)
