"""Quotes read once per answer (support.reads_remembered): the same cards as reading them every time, and nothing
kept after the answer, so an edited rubric file is read again."""

from __future__ import annotations

from pathlib import Path

import yaml

from mockint.records import Transcript
from mockint.scoring import support
from mockint.scoring.offline import OfflineScorer
from mockint.scoring.rubrics import load_rubrics

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "scoring_corpus.yaml"


def _dev_answers(n: int) -> list[dict]:
    items = [it for it in yaml.safe_load(CORPUS.read_text(encoding="utf-8")) if it["split"] == "dev"]
    # The longest answers: the most quotes, read at the most levels.
    return sorted(items, key=lambda it: -len(it["answer"]))[:n]


def test_remembered_readings_give_the_same_cards_as_reading_every_quote_again():
    rubrics, scorer = load_rubrics(), OfflineScorer()
    for item in _dev_answers(12):
        transcript = Transcript(text=item["answer"], duration=0.0)
        remembered = scorer.score(item["question"], transcript, rubrics)
        read_again = scorer._score(item["question"], transcript, rubrics, kind=None)  # no reads_remembered block
        strip = {"created_at"}
        assert remembered.model_dump(exclude=strip) == read_again.model_dump(exclude=strip), item["id"]


def test_nothing_is_remembered_after_the_answer():
    rubrics, scorer = load_rubrics(), OfflineScorer()
    item = _dev_answers(1)[0]
    scorer.score(item["question"], Transcript(text=item["answer"], duration=0.0), rubrics)
    assert support._READS.get() is None
    with support.reads_remembered():
        assert support.shows("measure", "The backlog dropped to 40 by Friday.")
        assert support._READS.get(), "a quote read inside the block is remembered"
    assert support._READS.get() is None
