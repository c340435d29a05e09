"""Interview panels (`mockint practice --panel NAME`): who asks what, and what each panelist heard.

A second round is often a panel of 2-4 interviewers who each listen for something different
(issue 15; seed 001). The panels are data (panels/panels.yaml, with a how-to-edit header): each
panelist has a focus (criteria, competencies, question kinds), a voice, their own questions and
the way they open a probe. They take turns: panelist 1 asks, then 2, ..., one question each;
when a panelist's own questions run out, they ask the bank question closest to their focus.

After the round each panelist gives a view: how the answers did on the criteria they listen
for (judged after any probe: a point shown only after a prompt is marked so), and what they
would still want to know: the follow-up they would ask next for each focus point still weak,
built by the same rubric templates as the in-session probes, or "not heard yet" for a point no
question tested. Pure, apart from reading the panels file.
"""

from __future__ import annotations

import difflib
import random
from collections.abc import Sequence
from pathlib import Path

from pydantic import Field, ValidationError

from mockint.coaching.probe import choose_probe, judged_story
from mockint.coaching.questions import Question, QuestionBank, is_near_duplicate
from mockint.coaching.weakness import applicable_scores, weak_below
from mockint.datafiles import first_error, raise_problems, read_yaml_mapping
from mockint.errors import DataFileError, UsageError
from mockint.records import Model, Panel, Panelist, QuestionRef
from mockint.resources import resource_dir
from mockint.scoring.rubrics import Rubric, criteria_by_key
from mockint.session import Answer

PANELS_FILE = "panels.yaml"
PANELS_SCHEMA_VERSION = 1


class PanelSpec(Model):
    id: str
    name: str
    panelists: list[str] = Field(min_length=2, max_length=4)


class PanelsFile(Model):
    schema_version: int = PANELS_SCHEMA_VERSION
    panelists: list[Panelist]
    panels: list[PanelSpec]


def panels_path() -> Path:
    """The user's own panels file (panels.yaml beside config.toml) when there is one, else the one
    shipped with mockint: editing the shipped file meant editing the installed package, which an
    upgrade replaces."""
    from mockint.config import Paths

    own = Paths.from_env().config_file.parent / PANELS_FILE
    return own if own.is_file() else resource_dir("panels") / PANELS_FILE


def load_panels(
    path: Path | None = None, *, bank: QuestionBank | None = None, rubrics: Sequence[Rubric] | None = None
) -> dict[str, Panel]:
    """Every panel by id; a one-line DataFileError naming the file for anything wrong in it,
    including a question, criterion, competency or kind that `bank` and `rubrics` do not have."""
    path = path or panels_path()
    data = read_yaml_mapping(path, "panels file", schema_version=PANELS_SCHEMA_VERSION)
    try:
        spec = PanelsFile.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(f"{path}: invalid panels file at {first_error(exc)}") from None
    raise_problems(path, _problems(spec, bank, rubrics))
    people = {p.id: p for p in spec.panelists}
    return {
        p.id: Panel(id=p.id, name=p.name, panelists=[people[i] for i in p.panelists]) for p in spec.panels
    }


def _problems(spec: PanelsFile, bank: QuestionBank | None, rubrics: Sequence[Rubric] | None) -> list[str]:
    problems = []
    people = {p.id for p in spec.panelists}
    for what, ids in (("panelist", [p.id for p in spec.panelists]), ("panel", [p.id for p in spec.panels])):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        problems += [f"{what} id '{i}' is used twice" for i in dupes]
    for panel in spec.panels:
        problems += [f"panel '{panel.id}' names unknown panelist '{i}'" for i in panel.panelists if i not in people]
        if len(set(panel.panelists)) != len(panel.panelists):
            problems.append(f"panel '{panel.id}' names a panelist twice")
    criteria = set(criteria_by_key(rubrics)) if rubrics is not None else None
    for person in spec.panelists:
        where = f"panelist '{person.id}'"
        if criteria is not None:
            problems += [f"{where}: unknown criterion '{c}'" for c in person.focus.criteria if c not in criteria]
        if bank is not None:
            problems += [f"{where}: no question '{q}' in the bank" for q in person.questions if bank.get(q) is None]
            problems += [f"{where}: unknown competency '{c}'" for c in person.focus.competencies if c not in bank.competencies]
            problems += [f"{where}: unknown question kind '{k}'" for k in person.focus.kinds if k not in bank.kinds]
    return problems


def get_panel(name: str, panels: dict[str, Panel]) -> Panel:
    """The panel called `name`, or a usage error that lists the panels."""
    if name in panels:
        return panels[name]
    near = difflib.get_close_matches(name, list(panels), n=1)
    hint = f"did you mean '{near[0]}'?" if near else f"panels: {', '.join(panels)} ({panels_path()})"
    raise UsageError(f"--panel {name}: no such panel", hint=hint)


# --- who asks what -----------------------------------------------------------------------------


def _fit(person: Panelist, question: Question) -> float:
    """How close a bank question is to a panelist's focus (0: not theirs at all)."""
    kinds = person.focus.kinds
    if kinds and question.kind not in kinds:
        return 0.0
    shared = len(set(person.focus.competencies) & set(question.competencies))
    criteria = len(set(person.focus.criteria) & set(question.criteria))
    return 2.0 * shared + 0.5 * criteria


def question_for(
    person: Panelist, bank: QuestionBank, taken_ids: set[str], texts: Sequence[str], rng: random.Random
) -> Question | None:
    """The panelist's next question: their own next one not asked yet, else the bank question
    closest to their focus (ties at random), never a near-duplicate of one asked."""
    fresh = [q for q in bank.questions if q.id not in taken_ids and not is_near_duplicate(q.text, texts)]
    own = [q for qid in person.questions for q in fresh if q.id == qid]
    if own:
        return own[0]
    order = {q.id: i for i, q in enumerate(rng.sample(fresh, len(fresh)))}
    fitting = sorted((q for q in fresh if _fit(person, q) > 0), key=lambda q: (-_fit(person, q), order[q.id]))
    return fitting[0] if fitting else None


def seat_panel(
    panel: Panel, bank: QuestionBank, slots: Sequence[QuestionRef | None], *, seed: int | None = None
) -> tuple[list[QuestionRef], dict[str, str]]:
    """The round's questions and who asks each (question id -> panelist id), in turns: slot i is
    panelist i's turn (round robin). An empty slot gets that panelist's next question; a slot
    given a question (an answer file that names it) is asked by the panelist who lists it, else
    by whoever's turn it is. Stops early when nobody has a question left."""
    rng = random.Random(seed)
    people = panel.panelists
    taken = {q.id for q in slots if q is not None}
    texts = [q.text for q in slots if q is not None]
    questions: list[QuestionRef] = []
    askers: dict[str, str] = {}
    for i, slot in enumerate(slots):
        turn = [people[(i + k) % len(people)] for k in range(len(people))]  # whoever's turn, then the next
        if slot is not None:
            owner = next((p for p in people if slot.id in p.questions), turn[0])
            questions.append(slot)
            askers[slot.id] = owner.id
            continue
        for person in turn:
            question = question_for(person, bank, taken, texts, rng)
            if question is not None:
                break
        else:
            break
        taken.add(question.id)
        texts.append(question.text)
        questions.append(question.ref())
        askers[question.id] = person.id
    return questions, askers


# --- each panelist's view ----------------------------------------------------------------------


class FocusPoint(Model):
    criterion: str
    name: str
    scores: list[str] = Field(default_factory=list, description="'a01 1/4 after a prompt (2/4 alone)'")
    mean: float | None = Field(default=None, description="mean final score over the answers that tested it")
    shown: bool | None = Field(default=None, description="at its bar in every answer that tested it; None: not tested")
    prompted: bool = Field(default=False, description="shown somewhere only after a probe")
    heard: list[str] = Field(default_factory=list, description="answers that showed it as first given")
    after_prompt: list[str] = Field(default_factory=list, description="answers that showed it only after a probe")
    not_heard: list[str] = Field(default_factory=list, description="answers below its bar, probe or not")


class PanelistView(Model):
    panelist: Panelist
    asked: list[str] = Field(default_factory=list, description="answer ids of the questions they asked (with probes)")
    points: list[FocusPoint] = Field(default_factory=list)
    verdict: str = ""
    still_want: list[str] = Field(default_factory=list, description="what they would still want to know")


def panelist_views(panel: Panel, answers: Sequence[Answer], rubrics: Sequence[Rubric]) -> list[PanelistView]:
    """Each panelist's view of the round's answers, on the criteria they listen for."""
    index = criteria_by_key(rubrics)
    mains = [a for a in answers if a.probe_of is None and a.scorecard is not None]
    stories = {a.id: judged_story(a, [p for p in answers if p.probe_of == a.id and p.scorecard is not None]) for a in mains}
    asked_texts = [a.question.text for a in answers]
    views = []
    for person in panel.panelists:
        view = PanelistView(panelist=person, asked=[a.id for a in answers if a.asked_by == person.id])
        for key in person.focus.criteria:
            found = index.get(key)
            point = FocusPoint(criterion=key, name=f"{found[1].name}" if found else key)
            finals: list[int] = []
            shown = True
            for main in mains:
                first = {c.key: c for c in applicable_scores(main)}.get(key)
                final = {c.key: c for c in applicable_scores(stories[main.id])}.get(key)
                if first is None or final is None:
                    continue
                bar = weak_below(key, index)
                finals.append(final.score)
                note = f"{main.id} {final.score}/{final.max_score}"
                if final.score != first.score:
                    note += f" after a prompt ({first.score}/{first.max_score} alone)"
                    point.prompted = point.prompted or (first.score < bar <= final.score)
                point.scores.append(note)
                shown = shown and first.score >= bar  # shown only when the first answer showed it
                heard = point.heard if first.score >= bar else point.after_prompt if final.score >= bar else point.not_heard
                heard.append(main.id)
                if final.score < bar:
                    probe = choose_probe(stories[main.id], rubrics, asked=asked_texts, only=[key], lead=person.probe_lead)
                    if probe is not None and probe.text not in view.still_want:
                        view.still_want.append(probe.text)
                        asked_texts.append(probe.text)
            if finals:
                point.mean = round(sum(finals) / len(finals), 2)
                point.shown = shown
            else:
                view.still_want.append(f"{point.name}: nothing yet; no question so far tested it.")
            view.points.append(point)
        view.verdict = _verdict(view.points)
        views.append(view)
    return views


def _verdict(points: Sequence[FocusPoint]) -> str:
    """What the scores show, answer by answer: "heard Result only after a prompt" was said of a Result
    another answer had shown unprompted (a trial user read it beside "a02 3/4"). Points the answers
    showed alike share a clause: "convinced on X", "heard X only after a prompt", "not convinced on X",
    or, where the answers differ, which showed it how ("heard X in a02, in a01 only after a prompt")."""
    groups: dict[tuple[tuple[str, ...], ...], list[str]] = {}
    for p in points:
        if p.shown is not None:
            groups.setdefault((tuple(p.heard), tuple(p.after_prompt), tuple(p.not_heard)), []).append(p.name)
    parts = []
    for (heard, prompted, missing), names in groups.items():
        named = ", ".join(names)
        if not prompted and not missing:
            parts.append(f"convinced on {named}")
        elif not heard and not missing:
            parts.append(f"heard {named} only after a prompt")
        elif not heard and not prompted:
            parts.append(f"not convinced on {named}")
        else:
            said = [f"in {', '.join(heard)}"] if heard else []
            if prompted:
                said.append(f"in {', '.join(prompted)} only after a prompt" if heard else f"only after a prompt in {', '.join(prompted)}")
            if missing:
                said.append(f"not in {', '.join(missing)}")
            parts.append(f"heard {named} {', '.join(said)}")
    if not parts:
        return "Heard nothing yet on what I listen for."
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."
