"""A change stated beside the figures it runs between must agree with them (rubrics/substance.yaml, impossible_figures'
`change`): "from a hundred and fifty to a hundred and eighty, a forty percent jump" is 20 %. Three trials (warehouse,
track, school) told a story so and it scored a point above its fixed twin, the wrong figure quoted for Quantified impact
4/4. Every answer here was written for this file."""

from __future__ import annotations

import pytest

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.figures import impossible_figures
from mockint.scoring.offline import OfflineScorer
from mockint.scoring.rubrics import load_rubrics
from mockint.speech.numbers import write_numbers_in_text


def changes(text: str) -> list[str]:
    return [f.why for f in impossible_figures(write_numbers_in_text(text)) if "not the change you state" in f.why]


@pytest.mark.parametrize("text, true", [
    ("the pick rate went from a hundred and fifty to a hundred and eighty cases an hour which is a forty percent jump", 20),
    ("we cut the failures by forty percent, from a hundred and twenty down to ninety", 25),
    ("waiting times went from twelve weeks to nine weeks, a fifty percent reduction", 25),
    ("complaints halved, from forty a month down to thirty five", 12),
    ("first time fix went from sixty percent to seventy percent, a thirty percent improvement", 17),
])
def test_a_stated_change_the_figures_do_not_bear_out_is_found_with_the_true_change(text, true):
    way = "fall" if any(w in text for w in ("cut", "reduction", "halved")) else "rise"
    assert changes(text) == [f"from {text_figures(text)} is a {way} of {true} %, not the change you state"]


def text_figures(text: str) -> str:
    import re
    a, b = re.findall(r"\d+(?:\.\d+)?", write_numbers_in_text(text).split("from", 1)[1])[:2]
    return f"{a} to {b}"


@pytest.mark.parametrize("text", [
    "the pick rate went from a hundred and fifty to a hundred and eighty cases an hour, a twenty percent jump",
    "we cut the failures by a quarter, from a hundred and twenty down to ninety",
    "we cut the failures by twenty five percent, from a hundred and twenty down to ninety",
    "first time fix went from sixty percent to seventy percent, a ten percent improvement",  # points
    "complaints halved, from forty a month down to twenty one",
    "footfall was up six percent on the year before, and objections went from about four hundred to sixty",
    "engagement went from forty percent to eighty five percent, efficiency was up thirty percent",
    "in the amber group it went from about thirty two percent down to fourteen over two terms",
    "from twenty nineteen to twenty twenty one sales grew by twelve percent",
    "first time fix went from ninety two percent to ninety nine percent, seven percentage points",
])
def test_changes_that_agree_or_belong_to_something_else_are_left_alone(text):
    assert changes(text) == []


STORY = ("on my last site the night pick rate was the worst in the network and I was asked to sort it. I changed the "
         "slotting so the fastest two hundred lines were at the front of the aisles, and paired the new agency pickers "
         "with a buddy for their first week. within three months the pick rate went from a hundred and fifty to a hundred "
         "and eighty cases an hour, {change}, and we stopped using overtime on nights.")


def test_the_story_whose_change_contradicts_its_figures_scores_below_its_twin():
    question = "Tell me about a time you improved productivity on your shift."
    scored = {c: score_question(OfflineScorer(), question, Transcript(text=STORY.format(change=c), duration=0.0),
                                load_rubrics()) for c in ("which is a forty percent jump", "which is a twenty percent jump")}
    wrong, right = scored.values()
    assert wrong.overall < right.overall
    assert wrong.criterion("specificity.quantified_impact").score < right.criterion("specificity.quantified_impact").score


def test_a_change_in_points_is_checked_against_the_points_between_two_percentages():
    # a store manager's trial (38): "from 92 to 99 ... fifteen percentage points" was not caught
    said = [f.said() for f in impossible_figures(write_numbers_in_text(
        "availability went from ninety two percent to ninety nine percent, fifteen percentage points"))]
    assert said == ["'from 92% to 99%, 15 percentage points': from 92% to 99% is 7 points, not the change you state"]


def test_a_count_above_the_whole_it_is_of_is_found_without_the():
    # a pharmacist's trial (38): "errors on a hundred and fifty of a hundred and twenty charts" scored 85, strong
    found = impossible_figures(write_numbers_in_text("we found errors on a hundred and fifty of a hundred and twenty charts"))
    assert [f.quote for f in found] == ["150 of 120"]
    assert impossible_figures(write_numbers_in_text("we found errors on forty of a hundred and twenty charts")) == []
