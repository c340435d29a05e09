"""The offline scorer's coach-editable word lists (named tools, role words, unit words, vague measures, hedges,
habitual talk, question themes) are rubrics/substance.yaml's, not offline.py's: an edit to a copy of the rubric files
changes what the scorer reads, and a malformed list is refused as the file loads with one DataFileError naming the
file and the list (semantic.reading_words)."""

from __future__ import annotations

import shutil

import pytest
import yaml

import mockint.resources
from mockint.errors import DataFileError
from mockint.resources import resource_dir
from mockint.scoring import semantic
from mockint.scoring.offline import _question_overlap, read_answer


def _copy(tmp_path, monkeypatch, edit=None):
    """A copy of the shipped rubric files, substance.yaml's data passed through `edit`, read by the scorer instead of
    the shipped folder (which is left as it was)."""
    folder = tmp_path / "rubrics"
    shutil.copytree(resource_dir("rubrics"), folder)
    path = folder / "substance.yaml"
    if edit is not None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        edit(data)
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    monkeypatch.setattr(mockint.resources, "resource_dir", lambda name: folder if name == "rubrics" else resource_dir(name))
    return path


def _cues(answer: str, question: str = "Tell me about a time you solved a problem at work."):
    return read_answer(answer, question).cues


@pytest.mark.parametrize("answer, role", [
    ("Last spring the bosun told me the winch on deck two kept slipping, so I stripped it down.", "bosun"),
    ("In March the sommelier said the cellar temperature log had gaps, so I set up a daily check.", "sommelier"),
    ("When I was on the ward the phlebotomist flagged that samples were being mislabelled, so I changed the labels.",
     "phlebotomist"),
])
def test_a_role_word_added_to_a_copy_is_read_as_a_role(tmp_path, monkeypatch, answer, role):
    assert not any(role in c.roles for c in _cues(answer))
    _copy(tmp_path, monkeypatch, lambda data: data["role_words"].append(role))
    assert any(role in c.roles for c in _cues(answer))


@pytest.mark.parametrize("answer, unit", [
    ("By the end we were turning round 40 pallets a shift instead of 25.", "pallets"),
    ("After the change the kitchen plated 120 tickets an hour and we cut waste by 30 trays.", "trays"),
])
def test_a_unit_word_added_to_a_copy_scales_its_figures(tmp_path, monkeypatch, answer, unit):
    before = sum(c.scaled_quantities for c in _cues(answer))
    _copy(tmp_path, monkeypatch, lambda data: data["unit_words"].append(unit))
    assert sum(c.scaled_quantities for c in _cues(answer)) > before


def test_hedges_and_habits_are_the_copys_words(tmp_path, monkeypatch):
    answer = "To be fair I reckon the rota was the problem, and as standard I'd check it on Mondays."
    before = _cues(answer)

    def edit(data):
        data["hedges"].append("to be fair")
        data["habits"]["phrases"].append("as standard")

    _copy(tmp_path, monkeypatch, edit)
    after = _cues(answer)
    assert sum(c.hedges for c in after) == sum(c.hedges for c in before) + 1
    assert sum(c.habitual for c in after) == sum(c.habitual for c in before) + 1


def test_a_theme_word_added_to_a_copy_counts_toward_the_question(tmp_path, monkeypatch):
    question = "Tell me about a time you had to deal with a conflict in your team."
    answer = ("Last year two of the electricians on my site were at loggerheads over the van rota, so I sat them both "
              "down and we agreed a fixed rota.")
    before = _question_overlap(read_answer(answer, question))[1]
    _copy(tmp_path, monkeypatch, lambda data: data["themes"]["conflict"].append("at loggerheads"))
    assert _question_overlap(read_answer(answer, question))[1] > before


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["role_words"].append("Sommelier"), r"`role_words` must be a non-empty list of lower-case phrases"),
    (lambda d: d.pop("known_terms"), r"`known_terms` must be a non-empty list"),
    (lambda d: d["unit_words"].append("per cent"), r"each of `unit_words` must be one word, not 'per cent'"),
    (lambda d: d["vague_measures"].append("kpi*"), r"`vague_measures` is matched as written, without \*"),
    (lambda d: d["hedges"].append(3), r"`hedges` must be a non-empty list of lower-case phrases"),
    (lambda d: d.update(habits=["usually"]), r"`habits` must map words, phrases, generic_you to lists"),
    (lambda d: d["habits"].pop("generic_you"), r"`habits.generic_you` must be a non-empty list"),
    (lambda d: d.update(themes={"Conflict": ["argued"]}), r"theme name 'Conflict' must be one lower-case word"),
    (lambda d: d["themes"].update(conflict="argued"), r"`themes.conflict` must be a non-empty list"),
    (lambda d: d["judgement"].append("esc*alate"), r"`judgement` may have \* only at the end of an entry: not 'esc\*alate'"),
    (lambda d: d.update(stakes="because"), r"`stakes` must be a non-empty list"),
    (lambda d: d.pop("plan_steps"), r"`plan_steps` must be a non-empty list"),
])
def test_a_malformed_list_is_one_data_file_error(tmp_path, monkeypatch, edit, message):
    path = _copy(tmp_path, monkeypatch, edit)
    with pytest.raises(DataFileError, match=rf"substance.yaml: {message}"):
        semantic.reading_words()
    with pytest.raises(DataFileError, match=rf"{path}: {message}"):  # and so the scorer, at its first answer
        read_answer("Last year I fixed the rota for the night shift.", "Tell me about a problem you solved.")


def test_the_shipped_lists_load():
    words = semantic.reading_words()
    assert "excel" in words.known_terms and "pharmacist" in words.role_words and "%" in words.unit_words
    assert {"went", "wrong"} <= words.themes["fail"] and "you can " in words.habit_phrases


@pytest.mark.parametrize("listed, added, criterion, question, answer", [
    ("judgement", "hazard*", "situational.judgement",
     "A pallet of bottles has toppled in aisle four and there is glass on the floor. What do you do?",
     "First I would put cones round the hazard and tape it off, then I would get the mop and clear the glass."),
    ("judgement", "hazard*", "situational.judgement", "You arrive on site and the scaffold tag is missing. What would you do?",
     "I would not go up until the hazard was sorted, I would tape off the bottom and ring the scaffolders to tag it."),
    ("plan_steps", "to start with", "situational.plan", "A customer collapses at the till on a busy Saturday. What do you do?",
     "To start with, check he's breathing and get someone to ring 999. To start with, clear the space round him."),
    ("plan_steps", "to start with", "situational.plan",
     "A patient's relative is shouting at the nurses' station. How would you handle it?",
     "To start with, walk them to the quiet room away from the other patients. To start with, listen to what's wrong."),
])
def test_a_word_added_to_a_copy_raises_the_plans_reading(tmp_path, monkeypatch, listed, added, criterion, question, answer):
    """`judgement` and `plan_steps` are what a plan for a situation is read by (two trades each)."""
    from mockint.scoring.offline import judge_kinds
    from mockint.scoring.rubrics import load_rubrics

    def level() -> int:
        return judge_kinds(read_answer(answer, question, "situational", load_rubrics()))[criterion].score

    before = level()
    _copy(tmp_path, monkeypatch, lambda data: data[listed].append(added))
    assert level() > before


def test_a_stakes_word_added_to_a_copy_is_read_as_stakes(tmp_path, monkeypatch):
    answer = "Last winter the boiler service on our estate was three months overdue, so I rang the contractor."
    before = sum(c.stakes for c in _cues(answer))
    _copy(tmp_path, monkeypatch, lambda data: data["stakes"].append("overdue"))
    assert sum(c.stakes for c in _cues(answer)) == before + 1

