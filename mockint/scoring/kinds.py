"""Question kinds: what kind of answer a question asks for, and so which criteria judge it.

An interview question asks for one of a few kinds of answer, and each is good in its own way
(the `kinds` table in rubrics/questions.yaml, which a coach edits):
  - behavioural: a real past example, told as a STAR story;
  - motivation: specific, researched reasons tied to the role and the candidate's own record;
  - situational: a concrete, sound plan for a hypothetical ("I would..." is right there);
  - approach: concrete habits backed by a real example;
  - technical: correct, specific knowledge with the reasoning behind it.
Bank questions list their criteria; any other text (typed with `--question`, from a plan or a
debrief) is classified here by the kinds' patterns. Before this, every typed question was scored
as a STAR story: "Why do you want to work here?" was told to add a result, and excellent answers
to "what would you do if..." scored 10-15/100 for not being past stories.

Classification is by pattern, not by a model: on the 77 questions of the scoring corpus it agrees
with the graders' kind on the figure benchmarks/scoring.py prints, and a coach can read and edit
every rule. The first sentence of a question counts double, because "What would you do? And has it
happened to you?" asks first for a plan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from mockint.datafiles import first_error, read_yaml_mapping
from mockint.errors import DataFileError, UsageError
from mockint.resources import resource_dir

BANK_FILE = "questions.yaml"
# When no pattern matches, a question is taken as asking for a past example: the commonest kind
# in second rounds, and the one whose criteria (a whole story) ask the most of an answer.
DEFAULT_KIND = "behavioural"
# Ties between kinds go to the first in this order: the more specific forms before the general.
TIE_ORDER = ("situational", "technical", "approach", "motivation", "behavioural")

_SENTENCE = re.compile(r"(?<=[.?!])\s+")
_TEXT_SPEAK_WORDS = {"u": "you", "ur": "your", "wud": "would", "wanna": "want to", "ppl": "people"}
_TEXT_SPEAK = re.compile(r"\b(?:" + "|".join(_TEXT_SPEAK_WORDS) + r")\b", re.IGNORECASE)


class QuestionKind(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    categories: list[str] = Field(default_factory=list, description="bank categories of this kind")
    criteria: list[str] = Field(min_length=1, description="'rubric.criterion' keys an answer is judged on")
    patterns: list[str] = Field(default_factory=list, description="regular expressions, case-insensitive")
    fallback_patterns: list[str] = Field(default_factory=list, description="read only where no kind's patterns match")
    topic_patterns: list[str] = Field(default_factory=list, description="read only for a round-one topic's name and notes")
    note_patterns: list[str] = Field(default_factory=list, description="read first, in a round-one topic's note lines")
    # What the next-round plan asks about a round-one topic of this kind (coaching/plan.py); a
    # kind without them borrows the default kind's, which must have them.
    revisit: str | None = Field(default=None, description="question on a topic they kept coming back to: {topic}")
    retry: str | None = Field(default=None, description="question on a round-one answer that fell flat: {topic}")
    forewarned: str | None = Field(default=None, description="question on a topic round two will ask about: {topic}")
    again: str | None = Field(default=None, description="a new question on a round-one topic once the first was answered: {topic}")
    retry_criteria: list[str] = Field(default_factory=list, description="what those questions ask for (default: criteria)")
    debrief_advice: str | None = Field(default=None, description="one line of advice for a round-one topic of this kind")

    def topic_templates(self) -> list[str]:
        """The kind's questions on a round-one topic, each with its {topic}."""
        return [t for t in (self.revisit, self.retry, self.forewarned, self.again) if t]

    @field_validator("patterns", "fallback_patterns", "topic_patterns", "note_patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid regular expression: {exc}") from None
        return patterns

    @field_validator("revisit", "retry", "forewarned")
    @classmethod
    def _topic_template(cls, template: str | None) -> str | None:
        if template is not None:
            try:
                template.format(topic="x")
            except (KeyError, IndexError, ValueError) as exc:
                raise ValueError(f"{template!r}: only {{topic}} may be filled in ({exc})") from None
        return template

    def hits(self, text: str) -> int:
        return sum(1 for p in self.patterns if re.search(p, text, re.IGNORECASE))

    def falls_back_on(self, text: str) -> bool:
        return any(re.search(p, text, re.IGNORECASE) for p in self.fallback_patterns)

    def names_topic(self, text: str) -> bool:
        return any(re.search(p, text, re.IGNORECASE) for p in self.topic_patterns)


def kinds_path() -> Path:
    return resource_dir("rubrics") / BANK_FILE


def load_kinds(path: Path | None = None) -> dict[str, QuestionKind]:
    """The `kinds` table of the question bank file, validated; one-line DataFileError otherwise."""
    path = path or kinds_path()
    return _load(str(path), path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=4)
def _load(path_text: str, _mtime: int) -> dict[str, QuestionKind]:
    path = Path(path_text)
    data = read_yaml_mapping(path, "question bank")
    raw = data.get("kinds")
    if not isinstance(raw, dict) or not raw:
        raise DataFileError(f"{path}: no `kinds` table (each kind's criteria and patterns)")
    try:
        kinds = {name: QuestionKind.model_validate(spec) for name, spec in raw.items()}
    except ValidationError as exc:
        raise DataFileError(f"{path}: invalid kinds table at {first_error(exc)}") from None
    if DEFAULT_KIND not in kinds:
        raise DataFileError(f"{path}: the kinds table needs a '{DEFAULT_KIND}' kind (the default)")
    default = kinds[DEFAULT_KIND]
    missing = [f for f in ("revisit", "retry", "debrief_advice") if getattr(default, f) is None]
    if missing:
        raise DataFileError(f"{path}: the '{DEFAULT_KIND}' kind needs `{missing[0]}` (other kinds borrow it)")
    return kinds


def classify(question: str, kinds: dict[str, QuestionKind] | None = None) -> str:
    """The kind of answer `question` asks for (a key of the kinds table)."""
    kinds = kinds or load_kinds()
    # text-speak as typed: "why do u want this job" was read as a story question (42; "you", 85)
    text = _TEXT_SPEAK.sub(lambda m: _TEXT_SPEAK_WORDS[m.group().lower()], " ".join(question.split()))
    if not text:
        return DEFAULT_KIND
    first, *rest = _SENTENCE.split(text)
    # Scenario questions open with the scene ("Two nurses have rung in sick...") and ask after
    # it; the first sentence that asks something is the one that counts double.
    sentences = [first, *rest]
    asking = next((s for s in sentences if s.rstrip().endswith("?")), first)
    scores = {name: 2 * kind.hits(asking) + kind.hits(text) for name, kind in kinds.items()}
    best = max(scores.values())
    order = [k for k in TIE_ORDER if k in kinds] + [k for k in kinds if k not in TIE_ORDER]
    if best == 0:
        return next((k for k in order if kinds[k].falls_back_on(asking)), DEFAULT_KIND)
    return next(k for k in order if scores[k] == best)


def read_by_wording(question: str, kinds: dict[str, QuestionKind] | None = None) -> bool:
    """Whether some kind's patterns (or fallback patterns) read `question`: else its kind is only the default."""
    kinds = kinds or load_kinds()
    return any(kind.hits(question) or kind.falls_back_on(question) for kind in kinds.values())


def kind_named(name: str, kinds: dict[str, QuestionKind] | None = None) -> str:
    """The kinds-table key a user typed (`score --kind technical`), in any case, "behavioral" spelt
    either way; a UsageError naming the kinds otherwise."""
    kinds = kinds or load_kinds()
    key = name.strip().lower().replace("behavioral", "behavioural")
    if key not in kinds:
        from difflib import get_close_matches

        close = get_close_matches(key, list(kinds), n=1, cutoff=0.6)
        raise UsageError(f"unknown kind '{name}'" + (f" (did you mean '{close[0]}'?)" if close else ""),
                         hint=f"known kinds: {', '.join(kinds)}")
    return key


def kind_for_category(category: str, kinds: dict[str, QuestionKind] | None = None) -> str | None:
    kinds = kinds or load_kinds()
    return next((name for name, kind in kinds.items() if category in kind.categories), None)


def criteria_for(question: str, kinds: dict[str, QuestionKind] | None = None) -> tuple[str, list[str]]:
    """(kind, its criteria) for a question given as text."""
    kinds = kinds or load_kinds()
    kind = classify(question, kinds)
    return kind, list(kinds[kind].criteria)


def classify_topic(name: str, context: Sequence[str] = (), kinds: dict[str, QuestionKind] | None = None) -> str:
    """The kind of a round-one topic as the notes named it ("the why-this-trust question",
    "salary question"): from its name, else from the note lines it came from, else the default.
    A question's wording decides first; else a kind's `topic_patterns`, which read the noun phrases
    notes name topics with ("DB fundamentals", "why housing association": three trials' knowledge and
    motivation gaps were drilled as STAR stories). Notes join words with hyphens ("why-this-trust"),
    which the patterns read as spaces."""
    kinds = kinds or load_kinds()
    order = [k for k in TIE_ORDER if k in kinds] + [k for k in kinds if k not in TIE_ORDER]
    # of a line that lists several topics, only the part naming this one: "Expect questions on P&L ownership, on hiring,
    # and on why this company" made hiring a motivation question (a sales manager's trial: "Give your reasons ...")
    lines, context = " ".join(context), [_part_naming(name, line) for line in context]
    # what the note says was left untold ("I forgot to say I mentored our ECT") asks for that, whatever the name reads as;
    # read in the whole line, as the comment on a topic follows it ("blanked on the budget question - ... didnt know ours")
    if told := next((k for k in order if any(re.search(p, lines, re.I) for p in kinds[k].note_patterns)), None):
        return told
    for text in (name, " ".join(context)):
        text = re.sub(r"(?<=\w)-(?=\w)", " ", text)
        if any(kind.hits(text) for kind in kinds.values()):
            return classify(text, kinds)
        if named := next((k for k in order if kinds[k].names_topic(text)), None):
            return named
    return DEFAULT_KIND


def _part_naming(name: str, line: str) -> str:
    """The part of a note line (between commas, semicolons, brackets or spaced dashes) that names the topic `name`, else
    the whole line: "asked about the route optimisation service incident (...) - I told it ok but Tom asked twice what I
    personally did vs the team" is a story's topic, not a comparison of the trade's ("vs")."""
    said = re.sub(r"\W", "", name.lower())  # "P & L ownership" as the notes wrote it: "P&L ownership"
    # ... and between "and" or "or" where the name has neither: "weak on metrics and people management" names two (a QA
    # lead's notes: people management retried as knowledge, for the "metrics" beside it); not "but", whose comment is on
    # the topic before it ("P&L ownership?? said yes but couldnt explain how Id hit the labour budget %")
    joins = "" if re.search(r"\b(and|or)\b", name, re.I) else r"|\s(?:and|or)\s"
    parts = [p for p in re.split(r"[,;()]|\s[-\u2013\u2014]\s" + joins, line) if said and said in re.sub(r"\W", "", p.lower())]
    return parts[0] if len(parts) == 1 else line


@lru_cache(maxsize=512)
def topic_asked(question: str) -> str | None:
    """The round-one topic a question worded as a kind's `revisit`, `retry` or `forewarned` asks about ("In your first
    interview they kept coming back to one topic: WFM/forecasting staffing. What would you tell them now? ..." asks
    about "WFM/forecasting staffing"), else None: the rest is the template's, shared by every such question, and read
    as the question's own words it let a quality story answer it (a support lead's trial: relevance 4, 98)."""
    asked = " ".join(question.split())
    for template in {t for kind in load_kinds().values() for t in kind.topic_templates()}:
        before, slot, after = template.partition("{topic}")
        if slot and (found := re.fullmatch(re.escape(before) + r"(?:the )?(.+?)" + re.escape(after), asked, re.I)):
            return found.group(1)
    return None


@dataclass(frozen=True)
class TopicWords:
    """What the plan says about a round-one topic of one kind (the kinds table's words)."""

    kind: str
    revisit: str
    retry: str
    criteria: tuple[str, ...]
    advice: str
    forewarned: str = ""
    again: str = ""


def topic_words(kind_name: str, kinds: dict[str, QuestionKind] | None = None) -> TopicWords:
    """The kind's words for a round-one topic; what the kind leaves out, the default kind's."""
    kinds = kinds or load_kinds()
    default = kinds[DEFAULT_KIND]
    kind = kinds.get(kind_name, default)
    # A kind with no questions of its own is asked the default kind's, and judged as those are.
    asker = kind if kind.revisit or kind.retry else default
    return TopicWords(
        kind=kind_name if asker is kind and kind_name in kinds else DEFAULT_KIND,
        revisit=kind.revisit or default.revisit or "",
        retry=kind.retry or default.retry or "",
        criteria=tuple(asker.retry_criteria or asker.criteria),
        advice=kind.debrief_advice or default.debrief_advice or "",
        forewarned=kind.forewarned or kind.revisit or default.forewarned or default.revisit or "",
        again=kind.again or default.again or "",
    )
