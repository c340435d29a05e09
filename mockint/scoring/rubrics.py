"""Rubrics: load and validate the coach-editable files in rubrics/, and turn criterion
scores into the overall 0-100 score and band.

The overall score is computed here, in code, from criterion scores and weights; no
scorer (LLM or offline) is ever asked for it. How (rubrics/overall.yaml, its header says why):
the weighted mean level (0-4) of the criteria the question is judged on, read off a scale whose
bands sit on the rubric levels (weak below 2, solid from 2.5, strong from 3), capped when a gate
criterion is off (relevance 0-1: not an answer to the question).

Measured on the scoring corpus's dev split (192 answers; benchmarks/scoring.py): the old formula
(the mean of per-rubric scores x 25) put only 0.67 of graded-weak answers below 45 even with the
graders' own criterion grades, as relevance, the only specificity criterion of a situational or
technical question, was half of its overall. With the graders' criterion grades the new formula
puts 0.93 of graded-weak answers below 45 and 0.99 of graded-strong at 60+ (was 0.67 and 0.99),
pairwise 0.944 (was 0.930); with the offline scorer's criterion scores 0.78 and 0.80 (was 0.65 and
0.84), pairwise 0.804 (was 0.796). The offline scorer grades strong answers' criteria lower than the
graders do (85 % of graded-strong answers at level 3.0+ by the graders' grades, 2.33+ by its own),
which a formula shared by every scorer cannot undo. Measured and not taken: scales fitted to the
graders' mean grade per level (strong >= 60 falls to 0.54 offline); relevance at half weight
(offline pairwise +0.007, strong >= 60 -0.05); relevance as a multiplier (strong >= 60 0.71).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from string import Formatter
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from mockint.datafiles import first_error, read_yaml_mapping
from mockint.errors import DataFileError
from mockint.records import CriterionScore
from mockint.resources import resource_dir

MAX_SCORE = 4
LEVELS = tuple(range(MAX_SCORE + 1))

# (lowest overall score for the band, band name), highest first. Documented in docs/scoring.md.
BANDS: tuple[tuple[float, str], ...] = (
    (80.0, "strong"),
    (60.0, "solid"),
    (40.0, "developing"),
    (0.0, "weak"),
)

# Files in rubrics/ that are not rubrics (the question bank, the polish sentences, the overall's
# formula, the words of an unsafe plan and of the delivery habits live there too).
NOT_RUBRICS = {"questions", "substance", "overall", "safety", "delivery"}
OVERALL_FILE = "overall.yaml"
# Default order when all rubrics are loaded: structure first, then the rest alphabetically.
PREFERRED_ORDER = ("star", "specificity")
# What a criterion's follow-up template may use: the candidate's words and the question they answered.
FOLLOWUP_FIELDS = ("quote", "question")


def _criterion_key(key: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*", key):
        raise ValueError(f"criterion '{key}' must look like 'rubric.criterion'")
    return key


# A criterion named across rubrics, 'rubric.criterion' (the question bank's criteria too).
CriterionKey = Annotated[str, AfterValidator(_criterion_key)]


def check_template(template: str, *, known: tuple[str, ...], required: str | None = None) -> str:
    """A data file's {placeholder} text, checked to use only the `known` fields (and `required`, a follow-up's
    {quote}: it quotes the candidate); a ValueError for the data file's one-line error otherwise."""
    try:
        fields = {name for _, name, _, _ in Formatter().parse(template) if name is not None}
    except ValueError as exc:
        raise ValueError(f"not a template ({exc}); write a literal brace as {{{{ or }}}}") from None
    if required and required not in fields:
        raise ValueError(f"a follow-up quotes the candidate: it needs {{{required}}}")
    unknown = fields - set(known)
    if unknown:
        raise ValueError(f"unknown {{{sorted(unknown)[0]}}} (known: {', '.join(known)})")
    return template


def _some_levels(levels: dict[int, str]) -> dict[int, str]:
    unknown = set(levels) - set(LEVELS)
    if unknown:
        raise ValueError(f"{min(unknown)} is not a score (0-{MAX_SCORE})")
    if any(not str(text).strip() for text in levels.values()):
        raise ValueError("an empty descriptor (leave the level out to use the criterion's own)")
    return dict(sorted(levels.items()))


# Some of the levels 0..4, each with words of its own (a level left out keeps the criterion's descriptor).
SomeLevels = Annotated[dict[int, str], AfterValidator(_some_levels)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OfflineCues(_Strict):
    """Phrases the offline scorer reads for one criterion, beside its own cue readers (offline.py):
    `good` ones count toward it, `poor` ones against it, by the criterion's own weights. Lower-case,
    matched from a word start; a trailing `*` lets a word run on ("escalat*"), and a `*` word stands for
    any one word ("every *"). Checked as the file loads (datafiles.phrase_list), with the criteria that
    read them (OFFLINE_CUE_READERS)."""

    good_adds: float = Field(ge=0, description="what one good phrase adds to the rule reading's cue strength")
    poor_per_level: int = Field(ge=1, description="how many poor phrases take one level off the rule reading")
    good: list[str] = Field(default_factory=list, description="phrases of an answer that does this well")
    poor: list[str] = Field(default_factory=list, description="phrases of an answer that does it badly")


class OfflineFeedback(_Strict):
    """What the offline scorer's rule judge of one criterion says of its reading (offline.py's judge_*): a line
    per level, and `readings`, named lines for the special readings that say more than the level ("only the
    team's goal is stated"). Which readings and figures a criterion's judge has is OFFLINE_JUDGE_LINES;
    a line left out is refused as the file loads (_check_offline_feedback), never found while scoring."""

    levels: dict[int, str] = Field(description="score 0..4 -> the judge's line for a reading at that level")
    readings: dict[str, str] = Field(default_factory=dict,
                                     description="name -> the judge's line for that special reading")

    @field_validator("levels", "readings")
    @classmethod
    def _one_line_each(cls, lines: dict) -> dict:
        unknown = [k for k in lines if isinstance(k, int) and k not in LEVELS]
        if unknown:
            raise ValueError(f"{unknown[0]} is not a score (0-{MAX_SCORE})")
        if any(not text.strip() or "\n" in text.strip() for text in lines.values()):
            raise ValueError("every line must be one line of text")
        return lines

    def line(self, which: int | str, **figures: object) -> str:
        """The line for level `which` (a score) or reading `which` (a name), its {placeholders} from `figures`."""
        return (self.levels[which] if isinstance(which, int) else self.readings[which]).format(**figures)


class CriterionVariant(_Strict):
    """The criterion's words for some questions: a weakness question's "specific reasons" are about a
    real weakness, not about this employer. Scores and cues are the criterion's own; only the words
    the candidate reads (and the LLM judges by) change. The first variant that matches is used."""

    id: str | None = Field(
        default=None, pattern=r"^[a-z][a-z0-9_]*$",
        description="a name code may ask for it by (Criterion.variant): the offline scorer reads some questions by it",
    )
    kinds: list[str] = Field(default_factory=list, description="question kinds it is for (questions.yaml); empty: any")
    question: str | None = Field(default=None, description="a regular expression the question's text matches (any case)")
    description: str | None = None
    levels: SomeLevels = Field(default_factory=dict, description="the levels it words differently")
    advice: str | None = None

    @field_validator("question")
    @classmethod
    def _compiles(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"question pattern {pattern!r} is not a valid regular expression: {exc}") from None
        return pattern

    def matches(self, question: str, kind: str | None) -> bool:
        return (not self.kinds or kind in self.kinds) and (self.question is None or bool(re.search(self.question, question, re.IGNORECASE)))


class Criterion(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    weight: float = Field(gt=0)
    description: str
    levels: dict[int, str] = Field(description="score 0..4 -> what an answer at that level looks like")
    weak_below: int = Field(ge=0, le=MAX_SCORE + 1, description="a score below this is a weak area")
    advice: str = Field(description="one line: how to improve on this criterion")
    advice_at: dict[int, str] = Field(
        default_factory=dict, description="score -> the advice for an answer at that level, where `advice` does not fit it"
    )
    # --- coaching words (optional): what the next-round plan and the prep say about this
    # criterion; a criterion without them gets generic wording (coaching/plan.py, prep.py).
    followup: str | None = Field(
        default=None, description="the next round's question on the candidate's own words: {quote}, {question}"
    )
    followup_measured: str | None = Field(
        default=None, description="asked instead of `followup` when the quoted words already carry a number"
    )
    followup_changed: str | None = Field(
        default=None,
        description="asked instead of `followup_measured` when the quoted words already give a before and after "
        "(the support check's `change` cue); without it, that quote gets no follow-up on this criterion",
    )
    followup_bad_outcome: str | None = Field(
        default=None,
        description="asked instead when the story's outcome reads as a bad one and nothing learned is said: {quote}, {question}",
    )
    followup_baseline: str | None = Field(
        default=None,
        description="asked instead of `followup_measured` when the quoted figure is where things started "
        "(substance.yaml's `before_after.before`: 'was picking only 142 an hour before')",
    )
    followup_criteria: list[CriterionKey] = Field(
        default_factory=list,
        description="'rubric.criterion' keys a follow-up asks for, so its answer is judged on those only",
    )
    followup_plain_criteria: list[CriterionKey] = Field(
        default_factory=list,
        description="what `followup` itself asks for, where it asks less than the measured wordings do "
        "(their `followup_criteria`): its reply is judged on these only",
    )
    quote_cues: list[str] = Field(
        default_factory=list, description="lower-case words that tend to sit in the sentence that shows the gap"
    )
    followup_needs_story: bool = Field(
        default=True,
        description="the follow-up asks about a story told (its situation, steps, result), so it quotes only an answer "
        "that tells one; false when it asks for a story or how the answer fits the question",
    )
    proof: str | None = Field(default=None, description="what to bring to round two when this criterion is weak")
    round_one_feedback: list[str] = Field(
        default_factory=list,
        description="lower-case phrases of an employer's feedback or the candidate's notes that name this weakness in "
        "round one ('lacked numbers'): `mockint debrief` opens the criterion as a weak area (coaching/debrief.py)",
    )
    offline_caveat: str | None = Field(
        default=None, description="shown with the score wherever its level is the offline cues' own: what they cannot check"
    )
    offline_levels: SomeLevels = Field(
        default_factory=dict,
        description="score -> what the offline cues' reading of that level can honestly say, shown instead of the "
        "level's descriptor wherever the level is theirs (levels left out use the descriptor)",
    )
    story_levels: SomeLevels = Field(
        default_factory=dict,
        description="score -> what the candidate reads instead of the level's descriptor (or a shut gate's words) when "
        "the answer tells a story where reasons were asked for (offline.story_instead_of_reasons): the descriptor "
        "would say it did what it did not ('generic praise' of an answer that praises nothing)",
    )
    offline_cues: OfflineCues | None = Field(
        default=None, description="phrases the offline scorer counts for (`good`) and against (`poor`) this criterion"
    )
    support: dict[int, list[str]] = Field(
        default_factory=dict,
        description="level -> cues its quoted evidence must show (scoring/support.py); a score they do not support is lowered",
    )
    variants: list[CriterionVariant] = Field(
        default_factory=list, description="other words for some questions (by kind or wording); the first that matches"
    )
    offline_feedback: OfflineFeedback | None = Field(
        default=None, description="what the offline scorer's rule judge of this criterion says of its reading "
        "(OFFLINE_JUDGE_LINES: required on the criteria it judges, refused on others)"
    )

    @field_validator("variants")
    @classmethod
    def _variant_ids_unique(cls, variants: list[CriterionVariant]) -> list[CriterionVariant]:
        ids = [v.id for v in variants if v.id is not None]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate variant ids in {ids}")
        return variants

    @field_validator("followup", "followup_measured", "followup_changed", "followup_bad_outcome", "followup_baseline")
    @classmethod
    def _template_fields_known(cls, template: str | None) -> str | None:
        return None if template is None else check_template(template, known=FOLLOWUP_FIELDS, required="quote")

    @field_validator("quote_cues")
    @classmethod
    def _cues_lower_case(cls, cues: list[str]) -> list[str]:
        for cue in cues:
            if not cue.strip() or cue != cue.lower():
                raise ValueError(f"cue {cue!r} must be lower-case words (answers are matched in lower case)")
        return cues

    @field_validator("support")
    @classmethod
    def _known_cues(cls, support: dict[int, list[str]]) -> dict[int, list[str]]:
        from mockint.scoring.support import CUE_WORDS

        for level, requirement in support.items():
            if not 1 <= level <= MAX_SCORE:
                raise ValueError(f"support level {level} is not one of 1-{MAX_SCORE}")
            for item in requirement:
                for name in item.split(" or "):
                    if name.strip() not in CUE_WORDS:
                        raise ValueError(f"unknown support cue '{name.strip()}' (known: {', '.join(CUE_WORDS)})")
        return dict(sorted(support.items()))

    @field_validator("levels")
    @classmethod
    def _every_level_described(cls, levels: dict[int, str]) -> dict[int, str]:
        if sorted(levels) != list(LEVELS):
            raise ValueError(f"levels must describe exactly the scores {list(LEVELS)}, got {sorted(levels)}")
        if any(not str(text).strip() for text in levels.values()):
            raise ValueError("every level needs a descriptor")
        return dict(sorted(levels.items()))

    @property
    def max_score(self) -> int:
        return MAX_SCORE

    def variant(self, variant_id: str) -> CriterionVariant | None:
        """Its variant named `variant_id` (None when it has none by that name)."""
        return next((v for v in self.variants if v.id == variant_id), None)

    def for_question(self, question: str, kind: str | None) -> Criterion:
        """This criterion in the words of its first variant that fits the question (itself when none does)."""
        variant = next((v for v in self.variants if v.matches(question, kind)), None)
        if variant is None:
            return self
        return self.model_copy(update={
            "description": variant.description or self.description,
            "levels": {**self.levels, **variant.levels},
            "advice": variant.advice or self.advice,
        })


class GoldenExample(_Strict):
    """A reference answer and the score range each criterion must land in."""

    id: str
    question: str
    answer: str
    expected: dict[str, tuple[int, int]] = Field(description="criterion id -> [low, high] inclusive")
    note: str | None = None

    @field_validator("expected", mode="before")
    @classmethod
    def _single_scores_are_ranges(cls, value: object) -> object:
        if isinstance(value, dict):
            return {k: (v, v) if isinstance(v, int) else v for k, v in value.items()}
        return value

    @field_validator("expected")
    @classmethod
    def _ranges_in_bounds(cls, value: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
        for key, (low, high) in value.items():
            if not (0 <= low <= high <= MAX_SCORE):
                raise ValueError(f"{key}: range [{low}, {high}] must satisfy 0 <= low <= high <= {MAX_SCORE}")
        return value


class Rubric(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    version: str
    description: str
    criteria: list[Criterion] = Field(min_length=1)
    golden: list[GoldenExample] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Rubric:
        ids = [c.id for c in self.criteria]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate criterion ids in {ids}")
        golden_ids = [g.id for g in self.golden]
        if len(set(golden_ids)) != len(golden_ids):
            raise ValueError(f"duplicate golden example ids in {golden_ids}")
        for example in self.golden:
            unknown = set(example.expected) - set(ids)
            if unknown:
                raise ValueError(f"golden example '{example.id}' expects unknown criteria {sorted(unknown)}")
        return self

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)

    def for_question(self, question: str, kind: str | None) -> Rubric:
        """This rubric with each criterion in its words for the question (criterion variants)."""
        criteria = [c.for_question(question, kind) for c in self.criteria]
        if all(new is old for new, old in zip(criteria, self.criteria)):
            return self
        return self.model_copy(update={"criteria": criteria})


def rubric_files(folder: Path | None = None) -> dict[str, Path]:
    folder = folder or resource_dir("rubrics")
    found = {p.stem: p for p in sorted(folder.glob("*.yaml")) if p.stem not in NOT_RUBRICS}
    order = [i for i in PREFERRED_ORDER if i in found] + [i for i in found if i not in PREFERRED_ORDER]
    return {i: found[i] for i in order}


def load_rubric_file(path: Path) -> Rubric:
    """Load one rubric file with a one-line error naming the file and the first problem."""
    data = read_yaml_mapping(path, "rubric file")
    try:
        rubric = Rubric.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(f"{path}: invalid rubric at {first_error(exc)}") from None
    if rubric.id != path.stem:
        raise DataFileError(f"{path}: rubric id '{rubric.id}' must match the file name '{path.stem}'")
    _check_offline_cues(rubric, path)
    _check_offline_feedback(rubric, path)
    _check_variant_kinds(rubric, path)
    return rubric


# The criteria whose offline rule judge reads `offline_cues` (offline.judge_kinds: a cue strength the good
# phrases add to, levels the poor ones take off). On any other criterion the phrases would be read by
# nothing, so the file is refused; tests/test_offline_kind_cues.py checks each of these reads them.
OFFLINE_CUE_READERS = (
    "motivation.specific_reasons",
    "situational.plan",
    "situational.judgement",
    "approach.method",
    "technical.accuracy",
    "technical.reasoning",
)


def _check_offline_cues(rubric: Rubric, path: Path) -> None:
    """`offline_cues` only on a criterion the offline scorer reads them for (elsewhere they would be
    silently ignored), each list of phrases well-formed."""
    from mockint.datafiles import phrase_list

    for criterion in rubric.criteria:
        if criterion.offline_cues is None:
            continue
        if f"{rubric.id}.{criterion.id}" not in OFFLINE_CUE_READERS:
            raise DataFileError(f"{path}: criterion '{criterion.id}' has offline_cues, which the offline scorer reads "
                                f"only for {', '.join(OFFLINE_CUE_READERS)}")
        for side, cues in (("good", criterion.offline_cues.good), ("poor", criterion.offline_cues.poor)):
            phrase_list(path, f"{criterion.id}.offline_cues.{side}", cues, may_be_empty=True)


# The criteria whose offline rule judge (offline.py's judge_*) says a line of its own: what its level lines may name
# ({steps}: "Concrete first-person steps ({steps})"), and its special readings, each with what its line may name.
# Every one needs `offline_feedback` with a line for each level 0-4 and each reading named here (the judges look
# them up and have no words of their own); on any other criterion the lines would be read by nothing.
OFFLINE_JUDGE_LINES: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    "star.situation": ((), {}),
    "star.task": ((), {"team_goal_only": ()}),
    "star.action": (("steps", "we_steps"), {"we_only": ("steps", "we_steps")}),
    "star.result": ((), {"bad_outcome": (), "learned_not_measured": ()}),
    "specificity.quantified_impact": ((), {"vague_magnitudes": (), "hypothetical": ()}),
    "specificity.concrete_detail": (("names",), {"hypothetical": ("names",), "nothing_named": ()}),
    "specificity.ownership": (("i_count", "we_count"), {}),
    # no_event: shown on the other past-story criteria when the answer tells no real event (offline.with_no_event_reasons)
    "specificity.real_example": ((), {"no_event": ("descriptor",)}),
    "specificity.relevance": ((), {"too_little": (), "no_question": (), "no_real_time": (), "no_own_part": (),
                                   "topic_not_named": ("topic",)}),
}


def _check_offline_feedback(rubric: Rubric, path: Path) -> None:
    """`offline_feedback` on every criterion the offline rule judges speak for, with every line they look up and no
    figure they do not give; on no other criterion. One line naming the file and the criterion."""
    for criterion in rubric.criteria:
        key, lines = f"{rubric.id}.{criterion.id}", criterion.offline_feedback
        where = f"{path}: criterion '{criterion.id}'"
        if key not in OFFLINE_JUDGE_LINES:
            if lines is not None:
                raise DataFileError(f"{where} has offline_feedback, which the offline scorer reads only for "
                                    f"{', '.join(OFFLINE_JUDGE_LINES)}")
            continue
        level_figures, readings = OFFLINE_JUDGE_LINES[key]
        needs = f"a line for each level {LEVELS[0]}-{MAX_SCORE}"
        if readings:
            needs += f" and readings {', '.join(readings)}"
        if lines is None:
            raise DataFileError(f"{where} has no offline_feedback: the offline scorer's judge of {key} needs {needs}")
        missing = [f"level {level}" for level in LEVELS if level not in lines.levels]
        missing += [f"reading `{name}`" for name in readings if name not in lines.readings]
        if missing:
            raise DataFileError(f"{where}: offline_feedback has no line for {missing[0]} (the offline scorer's judge "
                                f"of {key} needs {needs})")
        unknown = sorted(set(lines.readings) - set(readings))
        if unknown:
            raise DataFileError(f"{where}: offline_feedback reading `{unknown[0]}` is read by nothing (the judge of "
                                f"{key} has {', '.join(readings) or 'no readings'})")
        for which, text in [*lines.levels.items(), *lines.readings.items()]:
            figures = readings[which] if isinstance(which, str) else level_figures
            try:
                named = {name for _, name, _, _ in Formatter().parse(text) if name is not None}
            except ValueError as exc:
                raise DataFileError(f"{where}: offline_feedback line {which} is not a template ({exc}); write a "
                                    "literal brace as {{ or }}") from None
            if named - set(figures):
                raise DataFileError(f"{where}: offline_feedback line {which} says {{{min(named - set(figures))}}}, "
                                    f"which the judge does not give (it gives: {', '.join(figures) or 'none'})")


def _check_variant_kinds(rubric: Rubric, path: Path) -> None:
    """A variant's `kinds` must be question kinds: those of the kinds table beside the rubric files
    (questions.yaml), else the bundled one. An unknown kind would never match, and its words never show."""
    named = [(c.id, kind) for c in rubric.criteria for v in c.variants for kind in v.kinds]
    if not named:
        return
    from mockint.scoring.kinds import BANK_FILE, load_kinds

    beside = path.parent / BANK_FILE
    kinds = load_kinds(beside if beside.exists() else None)
    for criterion_id, kind in named:
        if kind not in kinds:
            raise DataFileError(f"{path}: criterion '{criterion_id}' has a variant for kind '{kind}', which is not a "
                                f"question kind (known: {', '.join(kinds)})")


def load_rubrics(ids: list[str] | None = None, *, folder: Path | None = None) -> list[Rubric]:
    """The rubrics named in `ids` (all of them when None), in the order asked."""
    files = rubric_files(folder)
    if not files:
        raise DataFileError(f"no rubric files in {folder or resource_dir('rubrics')}")
    wanted = list(ids) if ids else list(files)
    unknown = [i for i in wanted if i not in files]
    if unknown:
        raise DataFileError(f"unknown rubric '{unknown[0]}'", hint=f"available: {', '.join(files)}")
    rubrics = [load_rubric_file(files[i]) for i in dict.fromkeys(wanted)]
    _check_followup_criteria(rubrics, files)
    return rubrics


def shipped_rubric(rubric_id: str) -> Rubric | None:
    """The shipped rubrics/ folder's rubric `rubric_id` (None when it has none), read again when its file changes."""
    from mockint.resources import rubric_file_stamp

    path, mtime = rubric_file_stamp(f"{rubric_id}.yaml")
    return _rubric_at(path, mtime) if mtime else None


@lru_cache(maxsize=8)
def _rubric_at(path: str, _mtime: int) -> Rubric:
    return load_rubric_file(Path(path))


def _check_followup_criteria(rubrics: list[Rubric], files: dict[str, Path]) -> None:
    """A follow-up's criteria must exist: in a rubric loaded here (others cannot be checked)."""
    known = criteria_by_key(rubrics)
    loaded = {r.id for r in rubrics}
    for rubric in rubrics:
        for criterion in rubric.criteria:
            for field in ("followup_criteria", "followup_plain_criteria"):
                for key in getattr(criterion, field):
                    if key.split(".")[0] in loaded and key not in known:
                        raise DataFileError(
                            f"{files[rubric.id]}: criterion '{criterion.id}' has {field} '{key}', which no rubric defines"
                        )


def band_for(score: float) -> str:
    for floor, name in BANDS:
        if score >= floor:
            return name
    return BANDS[-1][1]


def band_floor(name: str) -> float:
    """The lowest overall that reads as band `name` (BANDS)."""
    return next(floor for floor, band in BANDS if band == name)


def rubric_score(criteria: Iterable[CriterionScore], rubric: Rubric) -> float | None:
    """0-100: the weighted share of the maximum over this rubric's criteria that are given;
    None when none is (the rubric does not apply to the answer). Shown beside the overall; the
    overall itself is read from the criteria directly (overall_for)."""
    by_id = {c.criterion: c for c in criteria if c.rubric == rubric.id}
    given = [c for c in rubric.criteria if c.id in by_id]
    if not given:
        return None
    earned = sum(c.weight * by_id[c.id].score / MAX_SCORE for c in given)
    return round(100.0 * earned / sum(c.weight for c in given), 1)


class Gate(_Strict):
    below: int = Field(ge=1, le=MAX_SCORE, description="a score below this caps the overall")
    overall_at_most: float = Field(ge=0, le=100)
    reason: str = Field(min_length=1, description="why, as the card says it: 'capped at 40: <reason>'")
    held: str | None = Field(
        default=None,
        description="shown on the other criteria, instead of their level's descriptor, while the gate is shut",
    )


class OverallFormula(_Strict):
    """rubrics/overall.yaml: the weighted mean level's scale to 0-100, and the gates."""

    schema_version: int = 1
    scale: list[tuple[float, float]] = Field(min_length=2, description="[level 0-4, overall 0-100] points")
    gates: dict[CriterionKey, Gate] = Field(default_factory=dict)

    @field_validator("scale")
    @classmethod
    def _monotone(cls, points: list[tuple[float, float]]) -> list[tuple[float, float]]:
        levels = [x for x, _ in points]
        overalls = [y for _, y in points]
        if levels[0] != 0 or levels[-1] != MAX_SCORE:
            raise ValueError(f"the scale must run from level 0 to level {MAX_SCORE}")
        if any(b <= a for a, b in pairwise(levels)):
            raise ValueError("levels must rise from point to point")
        if any(b < a for a, b in pairwise(overalls)) or not 0 <= overalls[0] <= overalls[-1] <= 100:
            raise ValueError("overalls must stay within 0-100 and never fall as the level rises")
        return points

    def shut(self, scores: dict[str, float]) -> dict[str, Gate]:
        """The gates these 'rubric.criterion' -> score readings shut: criterion key -> its gate."""
        return {key: gate for key, gate in self.gates.items() if key in scores and scores[key] < gate.below}

    def level_at(self, overall: float) -> float:
        """The lowest level the scale reads as `overall` or more (the inverse of `read`)."""
        for (x0, y0), (x1, y1) in pairwise(self.scale):
            if overall <= y1 and y1 > y0:
                return x0 + (x1 - x0) * max(overall - y0, 0) / (y1 - y0)
        return float(MAX_SCORE)

    def read(self, level: float) -> float:
        """The overall for a weighted mean level: straight lines between the scale's points."""
        for (x0, y0), (x1, y1) in pairwise(self.scale):
            if level <= x1:
                return y0 + (y1 - y0) * (max(level, x0) - x0) / (x1 - x0)
        return self.scale[-1][1]


def load_overall_formula(path: Path | None = None) -> OverallFormula:
    """rubrics/overall.yaml (or `path`), validated; one-line DataFileError naming the problem."""
    return _load_overall_formula(path or resource_dir("rubrics") / OVERALL_FILE)


@lru_cache(maxsize=4)
def _load_overall_formula(path: Path) -> OverallFormula:
    data = read_yaml_mapping(path, "overall formula", schema_version=1)
    try:
        return OverallFormula.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(f"{path}: invalid overall formula at {first_error(exc)}") from None


@dataclass(frozen=True)
class Overall:
    overall: float
    band: str
    level: float | None  # the weighted mean criterion level, 0-4; None when no criterion counts
    per_rubric: dict[str, float]
    capped: str | None  # why a gate holds the overall down ("Relevance 1 of 4: it does not answer ...")


def overall_for(criteria: list[CriterionScore], rubrics: list[Rubric], formula: OverallFormula | None = None) -> Overall:
    """Overall 0-100, band, the level it is read from, each rubric's 0-100 and any gate's reason.

    `criteria` are the ones that count: callers pass only those the question exercises
    (scoring/card.py), so a criterion left out is not a zero, and a rubric with none of its
    criteria given drops out. The level is the mean of those criteria weighted by their rubric
    files' weights (a scorer cannot reweight), across rubrics; `formula` (rubrics/overall.yaml by
    default) reads it off as 0-100 and applies its gates.
    """
    if not rubrics:
        raise ValueError("overall_score needs at least one rubric")
    per_rubric = {r.id: value for r in rubrics if (value := rubric_score(criteria, r)) is not None}
    overall, level, capped = overall_of_levels({c.key: c.score for c in criteria}, rubrics, formula)
    return Overall(overall, band_for(overall), level, per_rubric, capped)


def overall_of_levels(
    scores: dict[str, float], rubrics: list[Rubric], formula: OverallFormula | None = None
) -> tuple[float, float | None, str | None]:
    """(overall 0-100, weighted mean level, the gate's reason or None) of 'rubric.criterion' ->
    score (0-4, half steps allowed: benchmarks/scoring.py puts the graders' own grades through it)."""
    formula = formula or load_overall_formula()
    specs = criteria_by_key(rubrics)
    weighted = [(key, specs[key][1], score) for key, score in scores.items() if key in specs]
    if not weighted:
        return 0.0, None, None
    level = sum(spec.weight * score for _, spec, score in weighted) / sum(spec.weight for _, spec, _ in weighted)
    overall, capped = formula.read(level), None
    for key, gate in formula.shut({key: score for key, _, score in weighted}).items():
        # Said whenever the gate is shut, also when the rest already scores below its cap: an answer
        # to another question at 38 is held down by that, not by the levels of its story.
        overall = min(overall, gate.overall_at_most)
        capped = f"{specs[key][1].name} {scores[key]:g} of {MAX_SCORE}: {gate.reason} (the overall is {gate.overall_at_most:g} at most)"
    return round(overall, 1), round(level, 2), capped


def overall_score(criteria: list[CriterionScore], rubrics: list[Rubric]) -> tuple[float, str, dict[str, float]]:
    """(overall 0-100, its band, each rubric's 0-100): overall_for without the explanation."""
    result = overall_for(criteria, rubrics)
    return result.overall, result.band, result.per_rubric


def criteria_by_key(rubrics: Iterable[Rubric]) -> dict[str, tuple[Rubric, Criterion]]:
    """'rubric.criterion' -> (its rubric, the criterion), in rubric order."""
    return {f"{r.id}.{c.id}": (r, c) for r in rubrics for c in r.criteria}
