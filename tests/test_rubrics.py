"""Rubric files load and validate; the overall score and band are computed from weights."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mockint.errors import DataFileError
from mockint.records import CriterionScore
from mockint.resources import resource_dir
from mockint.scoring.rubrics import BANDS, MAX_SCORE, band_for, load_rubrics, overall_score


def _scores(rubrics, pick) -> list[CriterionScore]:
    return [
        CriterionScore(rubric=r.id, criterion=c.id, score=pick(r, c), weight=c.weight)
        for r in rubrics
        for c in r.criteria
    ]


def test_every_rubric_loads_with_every_level_described():
    rubrics = load_rubrics()
    # STAR and specificity first; the rubrics of the other kinds of question after, alphabetically.
    assert [r.id for r in rubrics] == ["star", "specificity", "approach", "motivation", "situational", "technical"]
    star, spec = rubrics[:2]
    assert [c.id for c in star.criteria] == ["situation", "task", "action", "result"]
    assert {c.id for c in spec.criteria} == {"quantified_impact", "concrete_detail", "ownership", "real_example", "relevance"}
    for rubric in rubrics:
        assert rubric.version
        assert len(rubric.golden) >= (3 if rubric.id in ("star", "specificity") else 2)
        for c in rubric.criteria:
            assert sorted(c.levels) == list(range(MAX_SCORE + 1))
            assert all(len(text) > 15 for text in c.levels.values())
            assert c.weight > 0 and c.advice and 0 <= c.weak_below <= MAX_SCORE


def test_load_subset_in_asked_order_and_unknown_id():
    assert [r.id for r in load_rubrics(["specificity", "star"])] == ["specificity", "star"]
    with pytest.raises(DataFileError, match="unknown rubric 'nope'"):
        load_rubrics(["nope"])


def test_overall_extremes_and_weighting():
    rubrics = load_rubrics(["star", "specificity"])
    top, top_band, per = overall_score(_scores(rubrics, lambda r, c: 4), rubrics)
    assert (top, top_band, per) == (100.0, "strong", {"star": 100.0, "specificity": 100.0})
    bottom, bottom_band, _ = overall_score(_scores(rubrics, lambda r, c: 0), rubrics)
    assert (bottom, bottom_band) == (0.0, "weak")

    # Only STAR's result earns points: its weight share of STAR, half of the overall.
    star = rubrics[0]
    only_result = _scores(rubrics, lambda r, c: 4 if (r.id, c.id) == ("star", "result") else 0)
    overall, _, per = overall_score(only_result, rubrics)
    share = star.criterion("result").weight / sum(c.weight for c in star.criteria)
    assert per["star"] == pytest.approx(100 * share, abs=0.1)
    assert per["specificity"] == 0.0
    assert overall == pytest.approx(50 * share, abs=0.1)


def test_overall_from_the_criteria_given_only():
    """Callers pass only the criteria that apply: one left out is not a zero, and a rubric with
    none given drops out of the overall."""
    rubrics = load_rubrics(["star", "specificity"])
    star, spec = rubrics
    given = [s for s in _scores(rubrics, lambda r, c: 4 if c.id == "relevance" else 2)
             if s.key in ("specificity.relevance", "specificity.concrete_detail")]
    overall, band, per = overall_score(given, rubrics)
    rel, det = spec.criterion("relevance"), spec.criterion("concrete_detail")
    expected = round(100 * (rel.weight * 4 / 4 + det.weight * 2 / 4) / (rel.weight + det.weight), 1)
    assert per == {"specificity": expected} and overall == expected and band == band_for(expected)
    assert overall_score([], rubrics) == (0.0, "weak", {})


def test_weights_come_from_the_rubric_not_the_scorer():
    rubrics = load_rubrics(["star"])
    scores = _scores(rubrics, lambda r, c: 2)
    for s in scores:
        s.weight = 100.0 if s.criterion == "situation" else 0.001
    overall, _, _ = overall_score(scores, rubrics)
    assert overall == 50.0


@pytest.mark.parametrize("score", [0, 39.9, 40, 59.9, 60, 79.9, 80, 100])
def test_band_boundaries(score):
    expected = next(name for floor, name in BANDS if score >= floor)
    assert band_for(score) == expected
    assert band_for(80) == "strong" and band_for(79.9) == "solid" and band_for(39.9) == "weak"


def _write_rubric(folder: Path, data: dict) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{data['id']}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")


def _star_data() -> dict:
    return yaml.safe_load((resource_dir("rubrics") / "star.yaml").read_text(encoding="utf-8"))


def test_missing_level_is_a_one_line_data_error(tmp_path):
    data = _star_data()
    del data["criteria"][0]["levels"][3]
    _write_rubric(tmp_path, data)
    with pytest.raises(DataFileError, match=r"star.yaml: invalid rubric at criteria.0.levels"):
        load_rubrics(folder=tmp_path)


def test_golden_expecting_unknown_criterion_is_rejected(tmp_path):
    data = _star_data()
    data["golden"][0]["expected"]["charisma"] = [0, 4]
    _write_rubric(tmp_path, data)
    with pytest.raises(DataFileError, match="unknown criteria"):
        load_rubrics(folder=tmp_path)


def test_bad_yaml_and_id_mismatch(tmp_path):
    (tmp_path / "star.yaml").write_text("id: star\ncriteria: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid YAML"):
        load_rubrics(folder=tmp_path)
    data = _star_data()
    data["id"] = "other"
    (tmp_path / "star.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError, match="must match the file name"):
        load_rubrics(folder=tmp_path)


def test_question_bank_file_is_not_a_rubric(tmp_path):
    _write_rubric(tmp_path, _star_data())
    (tmp_path / "questions.yaml").write_text("questions: []\n", encoding="utf-8")
    assert [r.id for r in load_rubrics(folder=tmp_path)] == ["star"]
