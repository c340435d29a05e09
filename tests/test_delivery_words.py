"""The delivery habits' words (name, advice, follow-up, round-one feedback phrases) are rubrics/delivery.yaml's, not
weakness.py's: an edit to a copy of the rubric files changes what the debrief reads and what the plan asks, the advice
quotes the thresholds that are measured, and a malformed file is refused with one DataFileError naming the file."""

from __future__ import annotations

import shutil

import pytest
import yaml

import mockint.resources
from mockint.coaching.debrief import parse_debrief
from mockint.coaching.plan import followup_words
from mockint.coaching.questions import load_bank
from mockint.coaching.weakness import ANSWER_SECONDS_MAX, DELIVERY_IDS, PACE_WPM, delivery_checks, feedback_readings
from mockint.errors import DataFileError
from mockint.records import minutes_seconds
from mockint.resources import resource_dir
from mockint.scoring.rubrics import load_rubrics

NOTES = "- recruiter said good examples but he kept checking his watch\n"


def _copy(tmp_path, monkeypatch, edit=None):
    """A copy of the shipped rubric files, delivery.yaml's data passed through `edit`, read instead of the shipped folder."""
    folder = tmp_path / "rubrics"
    shutil.copytree(resource_dir("rubrics"), folder)
    path = folder / "delivery.yaml"
    if edit is not None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        edit(data["habits"])
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    monkeypatch.setattr(mockint.resources, "resource_dir", lambda name: folder if name == "rubrics" else resource_dir(name))


def _feedback_ids(notes: str) -> set[str]:
    rubrics = load_rubrics()
    return {f.id for f in parse_debrief(notes, load_bank(), feedback=feedback_readings(rubrics)).feedback}


def test_a_round_one_phrase_added_to_a_copy_is_read_as_the_habit(tmp_path, monkeypatch):
    assert "delivery.length" not in _feedback_ids(NOTES)
    _copy(tmp_path, monkeypatch, lambda habits: habits["length"]["round_one_feedback"].append("checking his watch"))
    assert "delivery.length" in _feedback_ids(NOTES)


def test_a_habits_name_and_follow_up_are_the_copys_words(tmp_path, monkeypatch):
    def edit(habits):
        habits["pace"]["name"] = "Pace of speech"
        habits["pace"]["followup"] = 'Slowly this time: "{quote}", and what came of it?'
        habits["pace"]["followup_criteria"] = ["star.result", "specificity.quantified_impact"]

    _copy(tmp_path, monkeypatch, edit)
    assert delivery_checks()["delivery.pace"].name == "Pace of speech"
    words = followup_words("delivery.pace", load_rubrics())
    assert words.template.startswith("Slowly this time")
    assert list(words.criteria) == ["star.result", "specificity.quantified_impact"]


def test_the_advice_quotes_the_measured_thresholds():
    checks = delivery_checks()
    assert list(checks) == list(DELIVERY_IDS)
    assert minutes_seconds(ANSWER_SECONDS_MAX) in checks["delivery.length"].advice
    assert f"{PACE_WPM[0]:.0f}-{PACE_WPM[1]:.0f} words a minute" in checks["delivery.pace"].advice
    assert not any("{" in c.advice for c in checks.values())


@pytest.mark.parametrize("edit, message", [
    (lambda habits: habits.pop("pauses"), r"delivery.yaml: habits: no words for 'pauses' \(mockint measures it\)"),
    (lambda habits: habits.update(eye_contact=dict(habits["pace"])), r"delivery.yaml: habits: 'eye_contact' is no habit"),
    (lambda habits: habits["pace"].update(advice="Aim for under {pace_max} words a minute."),
     r"delivery.yaml: invalid delivery words at habits.pace.advice: .*unknown \{pace_max\}"),
    (lambda habits: habits["length"].update(followup="Tell me that again in under two minutes."),
     r"delivery.yaml: invalid delivery words at habits.length.followup: .*needs \{quote\}"),
    (lambda habits: habits["fillers"].update(followup_criteria=["result"]),
     r"delivery.yaml: invalid delivery words at habits.fillers.followup_criteria.0: .*'rubric.criterion'"),
])
def test_a_malformed_delivery_file_is_one_data_error_naming_it(tmp_path, monkeypatch, edit, message):
    _copy(tmp_path, monkeypatch, edit)
    with pytest.raises(DataFileError, match=message):
        delivery_checks()
