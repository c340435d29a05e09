"""The scoring corpus is what benchmarks/scoring.py and the offline model's fit rely on: it must
hold what its header says, and the locked test split must stay out of the fitted model."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import yaml

from mockint.scoring.kinds import load_kinds
from mockint.scoring.offline import MODEL_FILE

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "scoring_corpus.yaml"
ITEMS = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))


def test_the_corpus_is_as_large_and_varied_as_its_header_says():
    assert len(ITEMS) >= 200
    assert len({it["question"] for it in ITEMS}) >= 50
    assert len({it["occupation"] for it in ITEMS}) >= 12
    kinds = Counter(it["grades"]["kind"] for it in ITEMS)
    assert set(kinds) == set(load_kinds()) and min(kinds.values()) >= 30
    words = [len(it["answer"].split()) for it in ITEMS]
    assert min(words) >= 20 and max(words) <= 320


def test_every_answer_is_graded_by_two_graders_on_its_kind():
    kinds = load_kinds()
    for it in ITEMS:
        grades = it["grades"]
        assert set(grades["criteria"]) == set(kinds[grades["kind"]].criteria), it["id"]
        assert 1 <= grades["overall"] <= 5 and all(0 <= v <= 4 for v in grades["criteria"].values())
        assert len(it["graders"]) == 2 and set(it["graders"]) in ({"A", "B"}, {"C", "D"}, {"I", "J"}, {"K", "L"}, {"M", "N"}, {"O", "P"}, {"Q", "R"}, {"S", "T"}, {"U", "V"}, {"W", "X"}, {"Y", "Z"})
        assert ("star" in grades) == (grades["kind"] == "behavioural")


def test_the_test_split_is_locked_by_question_and_not_in_the_fitted_model():
    groups = {split: {it["question_group"] for it in ITEMS if it["split"] == split} for split in ("dev", "test")}
    assert groups["dev"] and groups["test"] and not groups["dev"] & groups["test"]
    model = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert model["fitted_on"]["corpus_dev_answers"] == sum(it["split"] == "dev" for it in ITEMS)
