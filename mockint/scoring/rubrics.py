"""Rubrics: load and validate the coach-editable files in rubrics/, and turn criterion
scores into the overall 0-100 score and band.

The overall score is computed here, in code, from criterion scores and weights; no
scorer (LLM or offline) is ever asked for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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

# Files in rubrics/ that are not rubrics (the question bank and the polish sentences live there too).
NOT_RUBRICS = {"questions", "substance"}
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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Criterion(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    weight: float = Field(gt=0)
    description: str
    levels: dict[int, str] = Field(description="score 0..4 -> what an answer at that level looks like")
    weak_below: int = Field(ge=0, le=MAX_SCORE + 1, description="a score below this is a weak area")
    advice: str = Field(description="one line: how to improve on this criterion")
    # --- coaching words (optional): what the next-round plan and the prep say about this
    # criterion; a criterion without them gets generic wording (coaching/plan.py, prep.py).
    followup: str | None = Field(
        default=None, description="the next round's question on the candidate's own words: {quote}, {question}"
    )
    followup_measured: str | None = Field(
        default=None, description="asked instead of `followup` when the quoted words already carry a number"
    )
    followup_criteria: list[CriterionKey] = Field(
        default_factory=list,
        description="'rubric.criterion' keys a follow-up asks for, so its answer is judged on those only",
    )
    quote_cues: list[str] = Field(
        default_factory=list, description="lower-case words that tend to sit in the sentence that shows the gap"
    )
    proof: str | None = Field(default=None, description="what to bring to round two when this criterion is weak")

    @field_validator("followup", "followup_measured")
    @classmethod
    def _template_fields_known(cls, template: str | None) -> str | None:
        if template is None:
            return None
        try:
            fields = {name for _, name, _, _ in Formatter().parse(template) if name is not None}
        except ValueError as exc:
            raise ValueError(f"not a template ({exc}); write a literal brace as {{{{ or }}}}") from None
        if "quote" not in fields:
            raise ValueError("a follow-up quotes the candidate: it needs {quote}")
        unknown = fields - set(FOLLOWUP_FIELDS)
        if unknown:
            raise ValueError(f"unknown {{{sorted(unknown)[0]}}} (known: {', '.join(FOLLOWUP_FIELDS)})")
        return template

    @field_validator("quote_cues")
    @classmethod
    def _cues_lower_case(cls, cues: list[str]) -> list[str]:
        for cue in cues:
            if not cue.strip() or cue != cue.lower():
                raise ValueError(f"cue {cue!r} must be lower-case words (answers are matched in lower case)")
        return cues
    support: dict[int, list[str]] = Field(
        default_factory=dict,
        description="level -> cues its quoted evidence must show (scoring/support.py); a score they do not support is lowered",
    )

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

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.criteria)


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
    return rubric


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


def _check_followup_criteria(rubrics: list[Rubric], files: dict[str, Path]) -> None:
    """A follow-up's criteria must exist: in a rubric loaded here (others cannot be checked)."""
    known = criteria_by_key(rubrics)
    loaded = {r.id for r in rubrics}
    for rubric in rubrics:
        for criterion in rubric.criteria:
            for key in criterion.followup_criteria:
                if key.split(".")[0] in loaded and key not in known:
                    raise DataFileError(
                        f"{files[rubric.id]}: criterion '{criterion.id}' has followup_criteria '{key}', which no rubric defines"
                    )


def band_for(score: float) -> str:
    for floor, name in BANDS:
        if score >= floor:
            return name
    return BANDS[-1][1]


def rubric_score(criteria: Iterable[CriterionScore], rubric: Rubric) -> float | None:
    """0-100: the weighted share of the maximum over this rubric's criteria that are given;
    None when none is (the rubric does not apply to the answer)."""
    by_id = {c.criterion: c for c in criteria if c.rubric == rubric.id}
    given = [c for c in rubric.criteria if c.id in by_id]
    if not given:
        return None
    earned = sum(c.weight * by_id[c.id].score / MAX_SCORE for c in given)
    return round(100.0 * earned / sum(c.weight for c in given), 1)


def overall_score(criteria: list[CriterionScore], rubrics: list[Rubric]) -> tuple[float, str, dict[str, float]]:
    """Overall 0-100, its band, and each rubric's 0-100.

    `criteria` are the ones that count: callers pass only those the question exercises
    (scoring/card.py), so a criterion left out is not a zero, and a rubric with none of its
    criteria given drops out of the overall and of the per-rubric scores.
    Each rubric counts equally in the overall score, whatever its number of criteria;
    inside a rubric, criteria count by their weight. Weights come from the rubric files,
    not from the scorer, so a scorer cannot reweight.
    """
    if not rubrics:
        raise ValueError("overall_score needs at least one rubric")
    per_rubric = {r.id: value for r in rubrics if (value := rubric_score(criteria, r)) is not None}
    overall = round(sum(per_rubric.values()) / len(per_rubric), 1) if per_rubric else 0.0
    return overall, band_for(overall), per_rubric


def criteria_by_key(rubrics: Iterable[Rubric]) -> dict[str, tuple[Rubric, Criterion]]:
    """'rubric.criterion' -> (its rubric, the criterion), in rubric order."""
    return {f"{r.id}.{c.id}": (r, c) for r in rubrics for c in r.criteria}
