"""The non-story criteria read the phrases in their rubric files (`offline_cues`): judgement falls for
a shortcut or a secret, a method is read whoever performs it, an answer unsure of its own facts is not
"correct and specific", and a coach's edit to the phrases of the rubrics given to the scorer changes its reading and
what its quotes support. All text made up here."""

from __future__ import annotations

import shutil

import pytest

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.offline import OfflineScorer, read_answer
from mockint.scoring.rubrics import OFFLINE_CUE_READERS, load_rubric_file, load_rubrics
from mockint.scoring.semantic import phrases_pattern


def _card(question: str, answer: str):
    return score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())


def _score(card, key: str) -> int:
    return next(c.score for c in card.criteria if f"{c.rubric}.{c.criterion}" == key)


FORKLIFT = "A driver with a valid licence asks to skip the pre-use check on a forklift because the shift is behind. What would you do?"


def test_a_shortcut_told_confidently_is_poor_judgement_and_the_card_quotes_it():
    shortcut = _card(FORKLIFT, "I'd just let him crack on, we're behind and the customer's always right about the deadline. "
                               "no need to tell the supervisor, it's only one shift and nobody would notice.")
    sound = _card(FORKLIFT, "no, the check comes first, because a truck with a brake or hydraulic fault can kill someone. "
                            "I'd take five minutes to do it with him, and if it fails it gets tagged out of use. "
                            "then I'd tell the shift manager we're behind so they can move the trailer time, rather than "
                            "wait until we miss it.")
    assert _score(shortcut, "situational.judgement") <= 1 < 3 <= _score(sound, "situational.judgement")
    assert shortcut.overall < 45 < 60 <= sound.overall
    quoted = next(c for c in shortcut.criteria if c.criterion == "judgement").evidence
    assert not quoted or "crack on" in quoted[0].quote or "nobody would notice" in quoted[0].quote


PIPELINE = "How do you make sure a stock count is right before it goes to the finance team?"


def test_a_method_run_by_a_system_or_a_second_person_is_a_method():
    card = _card(PIPELINE, "every aisle is counted twice by two different people, and a check compares the two sheets "
                           "before anything is keyed in. any line that differs by more than two units is recounted by the "
                           "team leader, so nothing unchecked reaches finance.")
    assert _score(card, "approach.method") >= 3


def test_the_same_method_told_actively_or_passively_scores_alike():
    active = _card(PIPELINE, "I count every aisle twice with two different people and I compare the two sheets before anything "
                             "is keyed in. I recount any line that differs by more than two units, so nothing unchecked "
                             "reaches finance.")
    passive = _card(PIPELINE, "every aisle is counted twice by two different people and the two sheets are compared before anything "
                              "is keyed in. any line that differs by more than two units is recounted, so nothing unchecked "
                              "reaches finance.")
    assert abs(_score(active, "approach.method") - _score(passive, "approach.method")) <= 1
    assert abs(active.overall - passive.overall) <= 10


def test_self_description_is_no_method():
    card = _card(PIPELINE, "I'm very organised and a bit of a perfectionist, attention to detail is really my thing. "
                           "I just make sure everything is right and I never let anything slip.")
    assert _score(card, "approach.method") <= 1
    assert card.overall <= 40


BOILER = "How would you commission a new gas boiler before handing it over?"


def test_an_answer_unsure_of_its_own_facts_is_not_correct_and_specific():
    sure = _card(BOILER, "I'd check the gas rate at the meter against the data plate, then do a flue gas analysis and "
                         "confirm the CO to CO2 ratio is within the maker's limit, test the working pressure at the inlet, "
                         "and check the condensate trap is filled, because an empty trap can let flue gas into the room.")
    unsure = _card(BOILER, "I think you check the gas rate or maybe the pressure, I'm not sure which comes first. "
                           "I can't remember the limit for the flue gas, something like that, I'd have to check. "
                           "then you fill in the paperwork.")
    assert _score(unsure, "technical.accuracy") <= 1 < _score(sure, "technical.accuracy")
    assert unsure.overall < sure.overall


def test_the_questions_own_words_are_not_the_answers_research():
    question = "What do you know about this role, and why does it suit you?"
    reading = read_answer("I think this role would suit me, I like the sound of this role and I'm keen.", question)
    good, _poor = reading.rubric_cues("motivation.specific_reasons")
    assert sum(good) == 0  # "this role" echoes the question


def test_phrases_match_from_a_word_start_with_open_endings_and_any_word():
    pattern = phrases_pattern(["escalat*", "every *", "i'd just", "customer is always right"])
    found = [m.group() for m in pattern.finditer("i'd escalate it every stage, i'd justify it, everyone agrees, "
                                                 "the customer is always right, i'd just go")]
    assert found == ["escalate", "every stage", "customer is always right", "i'd just"]


def _edited_copy(tmp_path, file_name: str, old: str, new: str):
    """A copy of the shipped rubrics with one edit to `file_name`; the shipped folder is left as it was."""
    from mockint.resources import resource_dir

    folder = tmp_path / "rubrics"
    shutil.copytree(resource_dir("rubrics"), folder)
    path = folder / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_a_coach_adding_a_poor_phrase_to_the_rubrics_given_lowers_the_criterion(tmp_path):
    """The scorer reads the phrases of the rubrics it is given, not the shipped folder's."""
    from mockint.resources import resource_dir

    shipped = (resource_dir("rubrics") / "situational.yaml").read_text(encoding="utf-8")
    answer = ("no, the check comes first, because a truck with a brake fault can kill someone. I'd do it with him, and if "
              "it fails it gets tagged out of use. then I'd tell the shift manager we're behind, rather than wait.")
    before = _score(_card(FORKLIFT, answer), "situational.judgement")
    folder = _edited_copy(tmp_path, "situational.yaml", "poor: [i'd just,", "poor: [do it with him, tagged out, i'd just,")
    edited = load_rubrics(folder=folder)
    judgement = next(r for r in edited if r.id == "situational").criterion("judgement")
    assert judgement.offline_cues.poor[:2] == ["do it with him", "tagged out"]
    after = score_question(OfflineScorer(), FORKLIFT, Transcript(text=answer, duration=0.0), edited)
    assert _score(after, "situational.judgement") < before
    quoted = next(c for c in after.criteria if c.criterion == "judgement").evidence
    assert quoted and ("do it with him" in quoted[0].quote or "tagged out" in quoted[0].quote)  # the reason, in its words
    assert (resource_dir("rubrics") / "situational.yaml").read_text(encoding="utf-8") == shipped
    assert _score(_card(FORKLIFT, answer), "situational.judgement") == before  # the shipped rubrics, as they were


def test_the_support_check_reads_the_good_phrases_of_the_rubrics_given(tmp_path):
    """An LLM's method at 2 quoting a routine only a coach's phrase names keeps its level with that coach's rubrics."""
    from mockint.scoring.card import RawCriterion, build_scorecard

    quote = "The wall planner hangs near the door and nobody goes home without looking at it."
    folder = _edited_copy(tmp_path, "approach.yaml", "good: [every *,", "good: [wall planner, every *,")

    def method(rubrics):
        raw = [RawCriterion(rubric="approach", criterion=c.id, score=2, quotes=[quote], feedback="") for c in rubrics[0].criteria]
        card = build_scorecard(raw, Transcript(text=quote, duration=0.0), rubrics, scorer="llm")
        return next(c for c in card.criteria if c.criterion == "method")

    shipped, edited = method(load_rubrics(["approach"])), method(load_rubrics(["approach"], folder=folder))
    assert (shipped.score, edited.score) == (1, 2)
    assert shipped.lowered and "a concrete habit, tool or routine" in shipped.lowered and edited.lowered is None


@pytest.mark.parametrize("key", OFFLINE_CUE_READERS)
def test_each_criterion_that_takes_phrases_reads_them_by_its_own_weights(key):
    """What a rubric file's `good_adds` and `poor_per_level` say moves the rule reading of its criterion:
    every criterion the rubric loader lets have phrases reads them."""
    import dataclasses
    import re

    from mockint.scoring.offline import CuePhrases, judge_kinds

    reading = read_answer("I would look at it first, then I'd talk to the team about what we found and write it up.",
                          "What would you do?")
    every, nothing = re.compile(r"\w+"), re.compile(r"(?!)")

    def rule(phrases: CuePhrases) -> int:
        return judge_kinds(dataclasses.replace(reading, phrases={key: phrases}, _rubric_cues=None))[key].score

    assert rule(CuePhrases(every, nothing, good_adds=10.0, poor_per_level=1)) == 4
    assert rule(CuePhrases(every, nothing, good_adds=0.0, poor_per_level=1)) < 4
    assert rule(CuePhrases(every, every, good_adds=10.0, poor_per_level=1)) == 0
    assert rule(CuePhrases(every, every, good_adds=10.0, poor_per_level=100)) == 4


@pytest.mark.parametrize("cue", ["Customer is always right", "  ", "*"])
def test_a_cue_must_be_lower_case_words(tmp_path, cue):
    from mockint.errors import DataFileError
    from mockint.resources import resource_dir

    path = tmp_path / "situational.yaml"
    text = (resource_dir("rubrics") / "situational.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("poor: [i'd just,", f"poor: [{cue!r}, i'd just,", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="offline_cues"):
        load_rubric_file(path)


def test_offline_cues_on_a_criterion_the_scorer_does_not_read_them_for_are_refused(tmp_path):
    """A coach's phrases for a STAR criterion would be read by nothing: the file says so, not the scores."""
    from mockint.errors import DataFileError
    from mockint.resources import resource_dir

    path = tmp_path / "star.yaml"
    text = (resource_dir("rubrics") / "star.yaml").read_text(encoding="utf-8")
    cued = text.replace("  - id: result\n", "  - id: result\n    offline_cues: {good_adds: 1, poor_per_level: 1, good: [went live]}\n", 1)
    path.write_text(cued, encoding="utf-8")
    refused = r"star.yaml: criterion 'result' has offline_cues, which the offline scorer reads only for "
    with pytest.raises(DataFileError, match=refused) as caught:
        load_rubric_file(path)
    assert all(key in str(caught.value) for key in OFFLINE_CUE_READERS) and "\n" not in str(caught.value)


@pytest.mark.parametrize("weights, where", [("poor_per_level: 1", "good_adds"), ("good_adds: 0.5, poor_per_level: 0", "poor_per_level"),
                                            ("good_adds: lots, poor_per_level: 1", "good_adds")])
def test_a_criterions_phrase_weights_are_checked_as_the_file_loads(tmp_path, weights, where):
    from mockint.errors import DataFileError
    from mockint.resources import resource_dir

    path = tmp_path / "approach.yaml"
    text = (resource_dir("rubrics") / "approach.yaml").read_text(encoding="utf-8")
    assert "      good_adds: 1.0\n      poor_per_level: 1\n" in text
    path.write_text(text.replace("      good_adds: 1.0\n      poor_per_level: 1\n", "".join(
        f"      {pair.strip()}\n" for pair in weights.split(",")), 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"approach.yaml: invalid rubric at criteria.0.offline_cues.{where}") as caught:
        load_rubric_file(path)
    assert "\n" not in str(caught.value)


def test_a_routine_the_rubric_names_is_read_from_the_rubric_alone():
    """"is checked", "signed off", "before it goes" are approach.yaml's method phrases, not also the scorer's
    own pattern: without the rubric's phrases, nothing in this answer reads as a routine."""
    import dataclasses

    from mockint.scoring.offline import METHOD, METHOD_STANDING, kind_answer_cues

    answer = "the stock count is checked and signed off before it goes to finance."
    reading = read_answer(answer, "How do you work?")
    assert not METHOD.search(reading.units[0].lower) and not METHOD_STANDING.search(reading.units[0].lower)
    assert kind_answer_cues(reading, "approach")  # "checked", "signed off", "before it goes"
    assert kind_answer_cues(dataclasses.replace(reading, phrases={}), "approach") == []
    assert reading.rubric_cues("approach.method")[0] == [3]
