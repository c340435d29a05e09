"""Weak areas and the weakness ledger. Plain data in, plain data out; the file I/O is the shipped rubric files',
cached: the weak line's words where an answer tells a story in place of the reasons asked for
(card.criterion_words: scoring.story_not_reasons reads their cues, once per answer), and the delivery habits' words
(rubrics/delivery.yaml: a coach edits a habit's advice, follow-up and round-one feedback phrases there; what is
measured, and its thresholds, stay here with the reasons).

A weak area is a rubric criterion or a delivery metric that fell below its threshold in two or
more answers of a round (one is enough for an area the ledger already tracks: it is still weak
across rounds, and for one weak in a single answer of an earlier round, Ledger.weak_once: a candidate practising
one question a day was never told of a weak area), or a concern imported from round-one notes (see debrief.py).
Areas are ranked by how often they were weak, then by how badly (mean shortfall below the threshold, 0..1).
A criterion is assessed only on answers whose question exercises it (`applicable_scores`):
"weak in N of M answers" counts M over those answers, and the ledger ignores the others.
While a gate holds an answer down (rubrics/overall.yaml: off-topic, unsafe), only the gate's own criterion
is assessed on it, and one such answer makes it a weak area: the card says every other criterion is "Not the
reason for the score". Trial 6's off-topic Christmas story made Task, Action, Result, Ownership and Quantified
impact "weak in 2 of 2 answers", and the plan drilled them instead of "answer the question asked".

The ledger follows each area across sessions: open -> improving -> resolved. An area resolves
only after it passes on RESOLVE_AFTER later answers to questions the candidate had not answered
before (passing a retake of the same question proves little), in a later round than its last weak
answer (a round that showed the weakness cannot also clear it: the report said "resolved" beside
"weak in 2 of 4 answers"), each answer above "weak" as a whole (a 22-second answer scoring 7 of 100
resolved "Answer length"); one weak answer makes it improving again (a slip), a second one before it resolves again
reopens it, and so does a plan with no sound judgement in it (Judgement 0 of 4: unsafe or empty) at once. A round-one
concern's own question answered again and passed, where it had been weak, is progress (improving), not proof, and
the plan asks a new question on it (the kinds' `again`): a ward sister's "falls" was otherwise open for good, its retake
not counted and no later plan asking about it.
Loading and saving the ledger file is in ledger.py.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

from pydantic import Field, field_validator

from mockint.coaching.retold import retellings
from mockint.datafiles import raise_problems, read_yaml_model
from mockint.records import CriterionScore, DeliveryMetrics, Model, QuestionRef, minutes_seconds
from mockint.resources import rubric_file_stamp
from mockint.scoring import story_not_reasons
from mockint.scoring.card import applicable_keys, criterion_words
from mockint.scoring.kinds import topic_asked
from mockint.scoring.rubrics import (
    FOLLOWUP_FIELDS,
    Criterion,
    CriterionKey,
    Rubric,
    band_floor,
    check_template,
    criteria_by_key,
    load_overall_formula,
)
from mockint.session import Answer, Round, Session

LEDGER_SCHEMA_VERSION = 1
# Passing answers to new questions needed, after the last weak one, to resolve an area.
RESOLVE_AFTER = 2
# A round-one concern passes on an answer scoring at least "solid" (rubrics.BANDS).
CONCERN_PASS_OVERALL = band_floor("solid")
# ... and, asked on the concern's own round-one topic, answers it more than in part: relevance above 2 (what an answer
# that never names the topic reads as, offline.round_one_topic_missed)
PARTIAL_ANSWER = ("specificity.relevance", 2)
# Any area counts a pass towards resolving only on an answer above "weak" (rubrics.BANDS): passing on one criterion or
# habit in an answer that fails as a whole proves nothing.
RESOLVING_ANSWER_AT_LEAST = band_floor("developing")
# A criterion with no rubric definition at hand is weak below this (scores are 0..4).
DEFAULT_WEAK_BELOW = 2
MAX_EVIDENCE = 6
# The answer id of evidence from round-one notes (mockint debrief): there is no answer of the candidate's to point at.
ROUND_ONE = "round1"

AreaKind = Literal["criterion", "delivery", "debrief"]
# Ledger outcomes of a passing answer that does not count towards resolving the area.
UNCOUNTED_PASSES = ("pass_repeat", "pass_retold")
LedgerStatus = Literal["open", "improving", "resolved"]


# --- delivery habits: thresholds and words ---------------------------------------------


FILLERS_PER_100_MAX = 3.0
PACE_WPM = (110.0, 170.0)
LONG_PAUSES_MAX = 2
# Pace over a handful of words is noise, not a habit.
PACE_MIN_WORDS = 25
# From the first word to the end of the answer. Coaches give a behavioural story about two minutes; past three the
# interviewer has lost the thread (trial 8: a 1:41 ramble with its point at 0:47 was never called long, and only
# `--answer-seconds` timed answers at all). A habit like the others: weak in two answers of a round.
ANSWER_SECONDS_MAX = 180.0
# How the card, the report and a weak area say what to aim for.
LENGTH_AIM = f"aim for about 2:00, at most {minutes_seconds(ANSWER_SECONDS_MAX)}"


DELIVERY_FILE = "delivery.yaml"
# The habits delivery_shortfalls measures, in the order they are reported; rubrics/delivery.yaml words each one, by
# these names; their area ids are "delivery.<habit>".
DELIVERY_HABITS = ("fillers", "pace", "pauses", "length")
DELIVERY_IDS = tuple(f"delivery.{habit}" for habit in DELIVERY_HABITS)
# The thresholds a habit's advice may quote, so its words never drift from what is measured.
_ADVICE_FIELDS = {
    "fillers_max": f"{FILLERS_PER_100_MAX:g}",
    "pace_low": f"{PACE_WPM[0]:.0f}",
    "pace_high": f"{PACE_WPM[1]:.0f}",
    "length_max": minutes_seconds(ANSWER_SECONDS_MAX),
}


class DeliveryCheck(Model):
    """The words for one delivery habit (rubrics/delivery.yaml; its threshold is measured in delivery_shortfalls):
    its name and advice, and the next round's follow-up that drills it with the criteria that follow-up asks for."""

    id: str = ""  # "delivery.<habit>", from the file's key
    name: str = Field(min_length=1)
    advice: str = Field(min_length=1)
    followup: str
    followup_criteria: tuple[CriterionKey, ...] = Field(min_length=1)
    round_one_feedback: tuple[str, ...] = ()  # what round-one feedback that names the habit says (Criterion.round_one_feedback)

    @field_validator("advice")
    @classmethod
    def _advice_fields_known(cls, advice: str) -> str:
        return check_template(advice, known=tuple(_ADVICE_FIELDS))

    @field_validator("followup")
    @classmethod
    def _followup_fields_known(cls, followup: str) -> str:
        return check_template(followup, known=(*FOLLOWUP_FIELDS, "filler"), required="quote")


class DeliveryWords(Model):
    schema_version: int = 1
    habits: dict[str, DeliveryCheck]


def delivery_checks() -> dict[str, DeliveryCheck]:
    """Each delivery habit's words, by area id in DELIVERY_IDS order, the advice's thresholds filled in."""
    return _delivery_checks(*rubric_file_stamp(DELIVERY_FILE))


@lru_cache(maxsize=4)
def _delivery_checks(path_text: str, _mtime: int) -> dict[str, DeliveryCheck]:
    path = Path(path_text)
    words = read_yaml_model(path, DeliveryWords, "delivery words", schema_version=1)
    raise_problems(path, [f"habits: no words for '{habit}' (mockint measures it)"
                          for habit in DELIVERY_HABITS if habit not in words.habits]
                   + [f"habits: '{habit}' is no habit mockint measures (it measures {', '.join(DELIVERY_HABITS)})"
                      for habit in sorted(set(words.habits) - set(DELIVERY_HABITS))])
    return {
        area_id: words.habits[habit].model_copy(
            update={"id": area_id, "advice": words.habits[habit].advice.format(**_ADVICE_FIELDS)})
        for habit, area_id in zip(DELIVERY_HABITS, DELIVERY_IDS)
    }


def delivery_shortfalls(metrics: DeliveryMetrics) -> dict[str, tuple[float, float, str]]:
    """Delivery metrics past their threshold: id -> (value, shortfall 0..1, detail)."""
    out: dict[str, tuple[float, float, str]] = {}
    per100 = metrics.fillers_per_100_words
    if per100 > FILLERS_PER_100_MAX:
        top = ", ".join(f"'{w}' x{n}" for w, n in sorted(metrics.fillers.items(), key=lambda kv: -kv[1])[:3])
        out["delivery.fillers"] = (
            per100,
            min(1.0, (per100 - FILLERS_PER_100_MAX) / FILLERS_PER_100_MAX),
            f"{per100:.1f} fillers per 100 words" + (f" ({top})" if top else ""),
        )
    wpm = metrics.words_per_minute
    if metrics.word_count >= PACE_MIN_WORDS and not (PACE_WPM[0] <= wpm <= PACE_WPM[1]):
        gap = PACE_WPM[0] - wpm if wpm < PACE_WPM[0] else wpm - PACE_WPM[1]
        out["delivery.pace"] = (
            wpm,
            min(1.0, gap / 40.0),
            f"{wpm:.0f} words/min ({'too slow' if wpm < PACE_WPM[0] else 'too fast'})",
        )
    pauses = len(metrics.long_pauses)
    if pauses > LONG_PAUSES_MAX:
        longest = max(p.seconds for p in metrics.long_pauses)
        out["delivery.pauses"] = (
            float(pauses),
            min(1.0, (pauses - LONG_PAUSES_MAX) / 4.0),
            f"{pauses} long pauses, longest {longest:.1f} s",
        )
    seconds = metrics.answer_seconds
    note = answer_too_long(metrics)
    if note:
        out["delivery.length"] = (seconds, min(1.0, (seconds - ANSWER_SECONDS_MAX) / ANSWER_SECONDS_MAX), note)
    return out


def answer_too_long(metrics: DeliveryMetrics) -> str | None:
    """'3:40 long (aim for about 2:00, at most 3:00)' for an answer past ANSWER_SECONDS_MAX, else None: the card, the
    report and the page say it as the weak area does."""
    seconds = metrics.answer_seconds
    if seconds <= ANSWER_SECONDS_MAX:
        return None
    return f"{minutes_seconds(seconds)} long ({LENGTH_AIM})"


def too_long_said(delivery: DeliveryMetrics | None, text: str) -> str | None:
    """answer_too_long for a spoken answer; for a typed one (no delivery), its words' speaking time past
    ANSWER_SECONDS_MAX ('about 3:39 said (aim for ...)'), else None."""
    if delivery is not None:
        return answer_too_long(delivery)
    seconds = typed_seconds(text)
    return f"about {minutes_seconds(seconds)} said ({LENGTH_AIM})" if seconds > ANSWER_SECONDS_MAX else None


# A steady interview pace, inside PACE_WPM: what a typed answer's words would take to say.
TYPED_WORDS_PER_MINUTE = 140.0


def typed_seconds(text: str) -> float:
    """How long a typed answer's words take to say at TYPED_WORDS_PER_MINUTE."""
    return 60 * len(text.split()) / TYPED_WORDS_PER_MINUTE


def typed_delivery(text: str) -> str:
    """What a card can say of a typed answer's delivery: its length as speaking time at TYPED_WORDS_PER_MINUTE (the
    long-answer note past ANSWER_SECONDS_MAX) and the fillers written in it. A trial's 346-word typed ramble with
    "um" and "you know" in it got no word on either, where the same words spoken got "5 fillers"."""
    from mockint.records import Word
    from mockint.speech.delivery import count_fillers_and_hedges

    words = text.split()
    seconds = typed_seconds(text)
    fillers, _hedges = count_fillers_and_hedges([Word(word=w, start=0.0, end=0.0) for w in words])
    said = (f"{len(words)} words is about {minutes_seconds(seconds)} said at {TYPED_WORDS_PER_MINUTE:.0f} words/min"
            + (f" ({LENGTH_AIM})" if seconds > ANSWER_SECONDS_MAX else ""))
    count = sum(fillers.values())
    written = ", ".join(f"{k} ×{v}" for k, v in sorted(fillers.items(), key=lambda kv: -kv[1])[:3])
    return f"typed, so pace and pauses are not measured; {said}; {count} filler{'s' if count != 1 else ''} written" + (
        f" ({written})" if written else "")


# --- weak areas ------------------------------------------------------------------------


class WeakEvidence(Model):
    """One answer in which an area was weak."""

    answer_id: str
    session_id: str | None = None
    question_id: str
    question: str
    score: float = Field(description="criterion score, or the delivery metric's value")
    threshold: float = Field(description="weak_below for a criterion, the limit for a delivery metric")
    max_score: int | None = Field(default=None, description="4 for criteria; None for delivery metrics")
    quotes: list[str] = Field(default_factory=list, description="verified quotes from the answer")
    detail: str = Field(default="", description="the scorer's feedback or the metric in words")


class WeakArea(Model):
    id: str = Field(description="'star.result', 'delivery.fillers', 'topic.microsoft_project'")
    kind: AreaKind
    name: str
    count: int = Field(description="answers (or round-one mentions) in which it was weak")
    total: int = Field(default=0, description="answers it was assessed on")
    severity: float = Field(default=0.0, description="mean shortfall below the threshold, 0..1")
    carried: bool = Field(default=False, description="already tracked by the ledger from earlier rounds")
    gated: bool = Field(default=False, description="a gate it is the criterion of held a whole answer down (unsafe, off topic)")
    status: LedgerStatus | None = None
    competencies: list[str] = Field(default_factory=list)
    criteria: list[str] = Field(default_factory=list, description="rubric criteria that exercise it")
    advice: str = ""
    evidence: list[WeakEvidence] = Field(default_factory=list)
    uncounted: str = Field(default="", description="why the latest pass on it did not count (the ledger's note), said with it")
    passed: int = Field(default=0, description="answers not weak on it since it was first weak (the ledger's)")

    def summary(self, *, uncounted: bool = True) -> str:
        """One line of evidence: how often, how badly, where; and a latest pass that did not count, and why (unless
        the caller says that once for several areas: shared_uncounted)."""
        told = self._summary()
        return f"{told}; {self.uncounted}" if self.uncounted and uncounted else told

    @property
    def told_in_round_one_only(self) -> bool:
        """All its evidence is round one's (its feedback or notes): no practice answer has shown it yet."""
        return bool(self.evidence) and all(e.answer_id == ROUND_ONE for e in self.evidence)

    def _summary(self) -> str:
        if self.kind == "debrief":
            detail = self.evidence[0].detail if self.evidence else ""
            return f"round-one concern ({detail})" if detail else "round-one concern"
        if self.told_in_round_one_only:
            return f"round-one feedback: {self.evidence[0].detail}"
        shown = self.evidence[:4]
        # Answer ids restart in every session: when the evidence spans sessions, say which.
        # (round-one feedback has no session: "a09 of 12-04 11:41" beside "a09" in one session's plan, a trial)
        several = len({e.session_id for e in shown if e.session_id}) > 1
        where = ", ".join(_evidence_score(e, with_session=several) for e in shown)
        if self.count > len(shown):
            where += f", {self.count - len(shown)} more"  # "weak in 5 of 5 (a01 .. a04)" read as a05 missing
        of = f" of {self.total}" if self.total else ""
        noun = "answer" if (self.total or self.count) == 1 else "answers"
        # Under "Repeated weak areas", a trial read a one-off as a miscount: say why it is there.
        why = ", listed though once: it held that whole answer down" if self.count == 1 and self.gated and not self.carried else ""
        # "weak in 5 answers" alone, after nine strong ones, read as no progress at all (an HR partner's trial)
        passed = f", passed in {self.passed}" if self.passed else ""
        return f"weak in {self.count}{of} {noun} ({where}){why}{passed}"


def shared_uncounted(areas: Sequence[WeakArea]) -> str:
    """The note of a pass that did not count when it is the same on two or more of `areas` (one retake passes on many
    criteria): said once under the list, not on every line (a trial's summary and plan repeated 'not counted: a
    retake of "..."' on each of six areas, some of which the retake was not about)."""
    notes = [a.uncounted for a in areas if a.uncounted]
    return next((n for n in dict.fromkeys(notes) if notes.count(n) > 1), "")


def shared_uncounted_line(areas: Sequence[WeakArea], note: str) -> str:
    """The one line under the list that says `note` (shared_uncounted) and the areas it was said of."""
    return f"{note[:1].upper() + note[1:]}: on {', '.join(a.name for a in areas if a.uncounted == note)}."


def _evidence_score(e: WeakEvidence, *, with_session: bool = False) -> str:
    answer = e.answer_id
    if with_session and e.session_id:
        answer += f" of {session_label(e.session_id)}"
    if e.max_score is not None:
        return f"{answer} {e.score:g}/{e.max_score}"
    return f"{answer} {e.detail or e.score}"


def session_label(session_id: str) -> str:
    """'12-01 16:11' for a session id like 20261201-161138-7f10 (else the id itself)."""
    day, _, rest = session_id.partition("-")
    if len(day) == 8 and day.isdigit() and rest[:4].isdigit():
        return f"{day[4:6]}-{day[6:8]} {rest[:2]}:{rest[2:4]}"
    return session_id


def rank_key(area: WeakArea) -> tuple:
    """Open before improving, then how often, then how badly; ids break ties so the order is stable."""
    return (area.status == "improving", -(area.count + (1 if area.carried else 0)), -round(area.severity, 3), area.id)


RubricIndex = dict[str, tuple[Rubric, Criterion]]


def weak_below(key: str, index: RubricIndex) -> int:
    found = index.get(key)
    return found[1].weak_below if found else DEFAULT_WEAK_BELOW


def applicable_scores(answer: Answer) -> list[CriterionScore]:
    """The answer's criterion scores that count: marked as applying, and, for scorecards made
    before the flag existed (all True) or scored without the question, named by the question's
    criteria when it names any of them (the same rule as scoring.card.apply_question_criteria)."""
    card = answer.scorecard
    if card is None:
        return []
    counted = applicable_keys(answer.question.criteria, (c.key for c in card.criteria))
    return [c for c in card.criteria if c.applies and c.key in counted]


class Outcome(NamedTuple):
    """How one answer did on one area."""

    weak: bool
    shortfall: float  # how far below the threshold, 0..1 (0 when not weak)
    threshold: float
    evidence: WeakEvidence | None  # what the answer showed, when weak
    gated: bool = False  # its criterion is a shut gate's: what holds the whole answer down
    value: float | None = None  # a delivery metric's measure where it passed: an answer's length in seconds


def assessed_scores(answer: Answer) -> tuple[list[CriterionScore], set[str]]:
    """(the criterion scores a weak area is read from, the keys of the gates they shut): the applicable
    scores, or, while a gate is shut, the gate's criteria alone (the others are held: not the reason)."""
    scores = applicable_scores(answer)
    shut = set(load_overall_formula().shut({c.key: c.score for c in scores}))
    if shut:
        scores = [c for c in scores if c.key in shut]
    return scores, shut


def _answer_outcomes(answer: Answer, index: RubricIndex) -> dict[str, Outcome]:
    """Every criterion/delivery area this answer was assessed on -> its outcome."""
    out: dict[str, Outcome] = {}
    q = answer.question
    text = answer.transcript.text if answer.transcript else ""
    scores, shut = assessed_scores(answer)
    for cs in scores:
        limit = weak_below(cs.key, index)
        weak = cs.score < limit
        shortfall = (limit - cs.score) / limit if weak and limit else 0.0
        evidence = None
        if weak:
            evidence = WeakEvidence(
                answer_id=answer.id,
                question_id=q.id,
                question=q.text,
                score=cs.score,
                threshold=limit,
                max_score=cs.max_score,
                quotes=[e.quote for e in cs.evidence if e.verified],
                detail=criterion_words(cs, index[cs.key][1] if cs.key in index else None, lambda: story_not_reasons(q, text)),
            )
        out[cs.key] = Outcome(weak, shortfall, float(limit), evidence, gated=cs.key in shut)
    if answer.delivery is not None:
        shortfalls = delivery_shortfalls(answer.delivery)
        for area_id in DELIVERY_IDS:
            if area_id in shortfalls:
                value, shortfall, detail = shortfalls[area_id]
                evidence = WeakEvidence(
                    answer_id=answer.id, question_id=q.id, question=q.text, score=round(value, 1),
                    threshold=_delivery_limit(area_id, value), detail=detail,
                )
                out[area_id] = Outcome(True, shortfall, evidence.threshold, evidence)
            elif area_id != "delivery.pace" or answer.delivery.word_count >= PACE_MIN_WORDS:
                out[area_id] = Outcome(False, 0.0, _delivery_limit(area_id, 0), None,
                                       value=answer.delivery.answer_seconds if area_id == "delivery.length" else None)
    elif answer.audio_path is None and text.strip():
        # A typed answer's length, as the time its words take to say (typed_delivery): an HR partner's "I rambled"
        # concern stayed open through four typed rounds that nothing measured
        seconds = typed_seconds(text)
        limit = _delivery_limit("delivery.length", seconds)
        if (long := too_long_said(None, text)) is not None:
            detail = f"{len(text.split())} typed words, {long}"
            evidence = WeakEvidence(answer_id=answer.id, question_id=q.id, question=q.text, score=round(seconds, 1),
                                    threshold=limit, detail=detail)
            out["delivery.length"] = Outcome(True, min(1.0, (seconds - ANSWER_SECONDS_MAX) / ANSWER_SECONDS_MAX), limit,
                                             evidence)
        else:
            out["delivery.length"] = Outcome(False, 0.0, limit, None, value=round(seconds, 1))
    return out


def _delivery_limit(area_id: str, value: float) -> float:
    if area_id == "delivery.fillers":
        return FILLERS_PER_100_MAX
    if area_id == "delivery.pauses":
        return float(LONG_PAUSES_MAX)
    if area_id == "delivery.length":
        return ANSWER_SECONDS_MAX
    return PACE_WPM[0] if value < PACE_WPM[0] else PACE_WPM[1]


def assessable(answer: Answer) -> bool:
    """Scored or measured, and a main answer: a probe's answer is judged with its parent's
    (record_round notes what it showed as a point that needed a prompt)."""
    return answer.probe_of is None and answer.status != "failed" and (answer.scorecard is not None or answer.delivery is not None)


def find_weak_areas(
    answers: Sequence[Answer],
    rubrics: Sequence[Rubric],
    *,
    tracked: Iterable[str] = (),
    min_count: int = 2,
    session_id: str | None = None,
) -> list[WeakArea]:
    """Criteria and delivery metrics weak in `min_count`+ of these answers (one suffices for
    `tracked` areas, those already in the ledger, and for a shut gate's criterion), ranked by how often,
    then how badly."""
    index = criteria_by_key(rubrics)
    tracked = set(tracked)
    weak: dict[str, list[tuple[float, WeakEvidence]]] = {}
    assessed: Counter[str] = Counter()
    comps: dict[str, Counter[str]] = {}
    gated: set[str] = set()
    for answer in answers:
        if not assessable(answer):
            continue
        for area_id, outcome in _answer_outcomes(answer, index).items():
            assessed[area_id] += 1
            if outcome.weak and outcome.evidence is not None:
                outcome.evidence.session_id = session_id
                weak.setdefault(area_id, []).append((outcome.shortfall, outcome.evidence))
                if outcome.gated:
                    gated.add(area_id)
                comps.setdefault(area_id, Counter()).update(answer.question.competencies)
    areas = []
    for area_id, hits in weak.items():
        if len(hits) < min_count and not (area_id in (tracked | gated) and hits):
            continue
        areas.append(
            WeakArea(
                id=area_id,
                kind="delivery" if area_id in DELIVERY_IDS else "criterion",
                name=_area_name(area_id, index),
                count=len(hits),
                total=assessed[area_id],
                severity=round(sum(s for s, _ in hits) / len(hits), 3),
                carried=area_id in tracked,
                gated=area_id in gated,
                competencies=[c for c, _ in comps[area_id].most_common()],
                criteria=[] if area_id in DELIVERY_IDS else [area_id],
                advice=_area_advice(area_id, index),
                evidence=[e for _, e in hits][:MAX_EVIDENCE],
            )
        )
    return sorted(areas, key=rank_key)


@dataclass(frozen=True)
class FeedbackReading:
    """A weak area as round-one feedback names it: "answers lacked numbers" is Quantified impact."""

    id: str
    kind: AreaKind
    name: str
    advice: str
    said: re.Pattern[str]  # its phrases (scoring.semantic.phrases_pattern), matched in a lower-cased line


def feedback_readings(rubrics: Sequence[Rubric]) -> list[FeedbackReading]:
    """Every criterion and delivery habit with the words round-one feedback uses for it (rubrics/*.yaml:
    round_one_feedback; delivery.yaml)."""
    from mockint.scoring.semantic import phrases_pattern

    index = criteria_by_key(rubrics)
    said = {key: list(c.round_one_feedback) for key, (_, c) in index.items()}
    said |= {key: list(check.round_one_feedback) for key, check in delivery_checks().items()}
    return [
        FeedbackReading(key, "delivery" if key in DELIVERY_IDS else "criterion", _area_name(key, index),
                        _area_advice(key, index), phrases_pattern(phrases))
        for key, phrases in said.items() if phrases
    ]


def _area_name(area_id: str, index: RubricIndex) -> str:
    if area_id in DELIVERY_IDS:
        return delivery_checks()[area_id].name
    found = index.get(area_id)
    if found:
        rubric, criterion = found
        return f"{rubric.name}: {criterion.name}"
    return area_id


def _area_advice(area_id: str, index: RubricIndex) -> str:
    if area_id in DELIVERY_IDS:
        return delivery_checks()[area_id].advice
    found = index.get(area_id)
    return found[1].advice if found else ""


# --- the ledger ------------------------------------------------------------------------


class LedgerEvent(Model):
    at: datetime
    session_id: str | None = None
    answer_id: str | None = None
    question_id: str | None = None
    outcome: Literal["weak", "pass", "pass_repeat", "pass_retold", "pass_same_round", "pass_weak_answer", "imported",
                     "prompted"]
    score: float | None = None
    status_after: LedgerStatus
    note: str = ""


class LedgerEntry(Model):
    id: str
    kind: AreaKind
    name: str
    status: LedgerStatus = "open"
    source: Literal["practice", "debrief"] = "practice"
    competencies: list[str] = Field(default_factory=list)
    criteria: list[str] = Field(default_factory=list)
    advice: str = ""
    opened_at: datetime
    updated_at: datetime
    reopened: int = Field(default=0, description="times it slipped back after being resolved")
    passes: list[str] = Field(default_factory=list, description="new questions passed since the last weak answer")
    count: int = Field(default=0, description="weak answers of the last round that found it (or mentions); weak_answers() is the total")
    severity: float = 0.0
    evidence: list[WeakEvidence] = Field(default_factory=list, description="latest weak answers")
    history: list[LedgerEvent] = Field(default_factory=list)

    def weak_answers(self) -> int:
        """Weak answers on record, over every session (`count` is only the last round that found
        the area: "weak in 1 answer" stood beside three answers of two sessions); a round-one
        concern counts its mentions."""
        if self.kind == "debrief":
            return self.count
        weak = sum(1 for event in self.history if event.outcome == "weak")
        return max(weak, len(self.evidence), self.count)

    def passed_answers(self) -> int:
        """Answers on record that were not weak on it since it was first weak, counted or not."""
        return sum(1 for event in self.history if event.outcome.startswith("pass"))

    def uncounted(self) -> str:
        """The note of the latest answer, when it passed without counting (a retake, the same story again):
        trial 6's good answer on a round-one concern left it "open" with no word why."""
        last = self.history[-1] if self.history else None
        return last.note if last is not None and last.outcome in UNCOUNTED_PASSES and last.note else ""

    def practised_weak(self) -> float | None:
        """A round-one concern's latest drilled answer, when it was weak: its overall (0-100), else None."""
        last = next((e for e in reversed(self.history) if e.outcome == "weak" or e.outcome.startswith("pass")), None)
        return last.score if last is not None and last.outcome == "weak" and last.score is not None else None

    def to_weak_area(self) -> WeakArea:
        # A round-one concern drilled and answered weakly again ranks by how badly: a deputy store manager's P&L
        # retry scored 10 and was left out of a six-question plan, behind a concern whose retry scored 23 (ids broke
        # the tie)
        severity = self.severity
        if self.kind == "debrief" and (weak := self.practised_weak()) is not None:
            severity = max(severity, round(1 - weak / 100, 3))
        return WeakArea(
            id=self.id, kind=self.kind, name=self.name, count=self.weak_answers(), severity=severity, carried=True,
            status=self.status, competencies=list(self.competencies), criteria=list(self.criteria),
            advice=self.advice, evidence=list(self.evidence), uncounted=self.uncounted(), passed=self.passed_answers(),
        )


class AskedQuestion(Model):
    id: str
    text: str


class PromptedPoint(Model):
    """A weak point the interviewer probed in the session: the first answer did not show it
    (that answer counts as weak), and `shown` says whether the answer with the prompt did."""

    session_id: str
    answer_id: str = Field(description="the first answer, whose weak point was probed")
    probe_id: str = Field(description="the answer to the probe")
    area: str = Field(description="criterion id the probe asked about")
    first_score: float | None = None
    score: float | None = Field(default=None, description="the criterion judged on both answers together")
    shown: bool = Field(description="at or above its weak_below with the prompt")
    note: str = "needed a prompt"


class WeakOnce(Model):
    """An area weak in one answer of a round, not tracked yet: weak again in a later round, it is a repeated weak
    area with both answers on record; passing on RESOLVE_AFTER answers of later rounds first, it is forgotten."""

    at: datetime
    round: int = Field(description="index of the round, in evidence.session_id, of the weak answer")
    evidence: WeakEvidence
    passes: int = Field(default=0, description="answers of later rounds that passed on it")


class Ledger(Model):
    schema_version: int = LEDGER_SCHEMA_VERSION
    entries: dict[str, LedgerEntry] = Field(default_factory=dict)
    weak_once: dict[str, WeakOnce] = Field(
        default_factory=dict, description="areas weak in a single answer of a round, not tracked yet"
    )
    processed: list[str] = Field(default_factory=list, description="'session/answer' keys already applied")
    asked: list[AskedQuestion] = Field(default_factory=list, description="questions answered so far")
    debriefs: list[dict] = Field(default_factory=list, description="imported round-one notes (debrief.py)")
    prompted: list[PromptedPoint] = Field(
        default_factory=list, description="points shown only after a probe, or not even then"
    )

    def active(self) -> list[LedgerEntry]:
        return [e for e in self.entries.values() if e.status != "resolved"]

    def answered_before(self, question: QuestionRef, template_words: frozenset[str] = frozenset()) -> str | None:
        """The text of the earlier question `question` repeats (its id, or a near-duplicate wording), or None when
        it is new. Two follow-ups made from one template are compared on their own words, without the
        `template_words` (plan.template_words): trial 6's retries on "finance" and "multi-site experience"
        ("One answer fell flat in round one: X. Let's try it again...") read as one question, so the second,
        answered at 100, was a retake that did not count."""
        from mockint.coaching.plan import is_repeat  # plan builds on this module

        same = next((q.text for q in self.asked if q.id == question.id), None)
        if same is not None:
            return same
        return next((q.text for q in self.asked if is_repeat(question, [q.text], template_words)), None)


def answer_key(session_id: str, answer_id: str) -> str:
    return f"{session_id}/{answer_id}"


_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]")


def names_topic(question: str, topic: str) -> bool:
    """Whether `question` says every content word of `topic`, in any form ("controlled drug discrepancy" for "controlled
    drugs discrepancies"): a word and its form share all but their last three letters, and at least four."""
    from mockint.coaching.questions import tokens
    from mockint.scoring.offline import _stem

    # the candidate's own words quoted back ("You said 'they wanted more data from us earlier'. Which tools ...?") are
    # not what the question asks: a teacher's "data" concern went to improving on a reply about the tools of a project
    asked, named = tokens(_QUOTED.sub(" ", question)), tokens(topic)

    def same(a: str, b: str) -> bool:
        shared = len(os.path.commonprefix([a, b]))
        # ... or the topic's word inside the question's ("staffing" in "understaffed": a nurse's own question on the
        # ward's staffing did not count towards her "staffing" concern)
        root = _stem(a)
        return a == b or (shared >= 4 and shared >= min(len(a), len(b)) - 3) or (len(root) >= 5 and root in b)

    return bool(named) and all(any(same(word, said) for said in asked) for word in named)


# The follow-ups that ask for another time, not more of the story followed: "tell me about one specific time it
# actually happened", "how does that answer what I asked?"
NEW_EXAMPLE_FOLLOWUPS = frozenset({"specificity.real_example", "specificity.relevance"})


def _debrief_outcome(
    entry: LedgerEntry, answer: Answer, index: RubricIndex, followed_targets: str | None = None
) -> tuple[bool, float, str] | None:
    """A round-one concern is assessed only by answers to questions that drill it (`targets` it: the
    plan's follow-up or bank question for it): weak when a criterion the question asks for is below
    its bar AND the answer as a whole is short of solid. A strong Microsoft Project story with one
    thin task statement has still answered the concern; the thin task is tracked as a weak area of
    its own. Sharing a competency is no reason: in trial 4 a slower retelling of an exam-results
    story and a two-line "what were you responsible for" reply resolved the CPD concern, and the weak
    answer on KS3-KS4 transition reopened curriculum sequencing, answered at 88 just before. A question that names the
    concern's topic, every word of it, drills it too, whoever wrote it: a pharmacy technician's own "You find a
    controlled drug discrepancy during a ward stock check. What would you do?", answered at 100, left "controlled drugs
    discrepancies" open with no word of progress. So does a plan's follow-up on an answer to a question that drilled
    it (`followed_targets`: what that question targeted): an HR partner's 90/100 reply to "You said 'I haven't done
    academic casework directly' ... tell me about one specific time" left "academic staff casework" open."""
    # ... but a follow-up for more of the same story (its numbers, its steps) is no second answer on the concern: a
    # harbour supervisor's "disagreeing with someone senior" resolved on one story and a reply giving its figures
    followed = followed_targets if answer.question.targets in NEW_EXAMPLE_FOLLOWUPS else None
    drills = entry.id in (answer.question.targets, followed)
    if answer.scorecard is None or not (drills or names_topic(answer.question.text, entry.name)):
        return None
    scores = applicable_scores(answer)
    if not scores:
        return None
    overall = answer.scorecard.overall
    any_below = any(c.score < weak_below(c.key, index) for c in scores)
    weak = any_below and overall < CONCERN_PASS_OVERALL
    if not weak and topic_asked(answer.question.text) is not None and any(
            c.key == PARTIAL_ANSWER[0] and c.score <= PARTIAL_ANSWER[1] for c in scores):
        # a good story that never says how it shows the concern (relevance 2: offline.round_one_topic_missed) is no
        # pass of it, nor a failure: a maths teacher's accountability story never said "account" (94); a QA story told
        # for "WFM/forecasting staffing" had passed that concern at 98. The ledger says so: a youth work lead's 82.9 on
        # "diversity" left the concern open with no word of it (trial 58)
        return False, overall, f"not counted: the answer never says how it shows {entry.name} (Relevance 2 of 4)"
    return weak, overall, ""


def record_round(ledger: Ledger, session: Session, rubrics: Sequence[Rubric]) -> Ledger:
    """Apply the session's not-yet-recorded answers to the ledger, round by round; returns a new ledger.

    Safe to call after every answer or every round: answers already applied are skipped, and a
    round's weak areas are found over all of its answers.
    """
    from mockint.coaching.plan import template_words  # plan builds on this module

    ledger = ledger.model_copy(deep=True)
    index = criteria_by_key(rubrics)
    shared = template_words(rubrics)
    # A story told again (coaching.retold), in any round of the session: its pass proves no more than the first telling
    # did, so it resolves nothing (trial 6: one story retold resolved areas). Where that telling did not pass on the
    # area (weak, or never judged on it), the story told better is progress: the area is improving, and a second story
    # resolves it (trial 11: a physio's poor-performance story retold for the recruiter's concern scored 94 and left the
    # concern open with no progress).
    retold = {r.answer_id: r for r in retellings(session.answers)}
    by_id = {a.id: a for a in session.answers}
    for rnd in session.rounds:
        round_answers = [a for a in rnd.answers if assessable(a)]
        round_ids = {a.id for a in rnd.answers}
        pending = [a for a in round_answers if answer_key(session.id, a.id) not in ledger.processed]
        if not pending:
            _record_probes(ledger, session, rnd, index)
            continue
        # An area weak once in an earlier round counts as tracked: one weak answer now makes it a repeat (a candidate
        # practising one question a day, weak on the result every time, was never told of a weak area).
        found = {
            w.id: w
            for w in find_weak_areas(
                round_answers, rubrics, tracked=[*ledger.entries, *ledger.weak_once], session_id=session.id
            )
        }
        for answer in pending:
            outcomes = _answer_outcomes(answer, index)
            before = ledger.answered_before(answer.question, shared)
            retelling = retold.get(answer.id)
            if retelling is not None:
                repeat_note = f"not counted: same story twice ({retelling.describe()})"
            elif before is not None:
                repeat_note = f'not counted: a retake of "{before}", answered before'
            else:
                repeat_note = ""
            # the story's first telling, read once for every area below (told again better where it did not pass)
            first = by_id.get(retelling.retells) if retelling is not None and before is None else None
            first_outcomes = _answer_outcomes(first, index) if first is not None and assessable(first) else None
            at = answer.created_at
            # what the question of the answer a plan follow-up follows drilled (in this session)
            follows = answer.question.follows or ""
            followed = by_id.get(follows.rpartition("/")[2]) if follows.rpartition("/")[0] == session.id else None
            followed_targets = followed.question.targets if followed is not None else None
            # Areas found weak this round start their entry at their first weak answer.
            for area_id, area_outcome in outcomes.items():
                if area_outcome.weak and area_id in found and area_id not in ledger.entries:
                    area = found[area_id]
                    once = ledger.weak_once.pop(area_id, None)
                    entry = ledger.entries[area_id] = LedgerEntry(
                        id=area.id, kind=area.kind, name=area.name, competencies=area.competencies,
                        criteria=area.criteria, advice=area.advice, opened_at=once.at if once else at, updated_at=at,
                    )
                    if once is not None:
                        later = (once.evidence.session_id, once.round) != (session.id, rnd.index)
                        entry.evidence = [once.evidence]
                        entry.history.append(LedgerEvent(
                            at=once.at, session_id=once.evidence.session_id, answer_id=once.evidence.answer_id,
                            question_id=once.evidence.question_id, outcome="weak", score=once.evidence.score,
                            status_after="open", note="weak once, and again in a later round" if later else "",
                        ))
                _note_weak_once(ledger, area_id, area_outcome, answer, session_id=session.id, round_index=rnd.index)
            for entry in ledger.entries.values():
                score: float | None
                partial = ""  # a pass that never says how it shows a round-one concern: no evidence either way
                if entry.kind == "debrief":
                    result = _debrief_outcome(entry, answer, index, followed_targets)
                    if result is None:
                        continue
                    is_weak, score, partial = result
                else:
                    outcome = outcomes.get(entry.id)
                    if outcome is None:
                        continue
                    is_weak = outcome.weak
                    cs = answer.scorecard.criterion(entry.id) if answer.scorecard else None
                    # a length that passed is shown beside the lengths that did not (a student support adviser's
                    # "Answer length" resolved with nothing in its Scores column)
                    score = float(cs.score) if cs else (outcome.evidence.score if outcome.evidence else outcome.value)
                weak_this_round = any(ev.outcome == "weak" and ev.session_id == session.id and ev.answer_id in round_ids
                                      for ev in entry.history)
                told_better = first is not None and not is_weak and not _passed(entry, first, first_outcomes, index)
                # a round-one concern's own question answered again, where it had been weak: progress, as a story told
                # better is (a ward sister's "falls", 28 then 100, stayed open with "not counted: a retake")
                retaken_better = retelling is None and before is not None and entry.kind == "debrief" and entry.status == "open"
                _transition(entry, is_weak=is_weak, repeat_note=partial or repeat_note, answer=answer, session_id=session.id,
                            score=score, weak_this_round=weak_this_round, told_better=told_better and not partial,
                            retaken_better=retaken_better and not partial)
            ledger.processed.append(answer_key(session.id, answer.id))
            ledger.asked.append(AskedQuestion(id=answer.question.id, text=answer.question.text))
        for area_id, area in found.items():
            entry = ledger.entries.get(area_id)
            if entry is not None:
                entry.count, entry.severity = area.count, area.severity
                entry.competencies = list(dict.fromkeys([*entry.competencies, *area.competencies]))
                # This round's weak answers replace only their own older copies: an earlier round of the
                # same session stays listed ("weak in 3 answers (a08 0/4, 2 more)" hid round one's two).
                earlier = [e for e in entry.evidence if not (e.session_id == session.id and e.answer_id in round_ids)]
                entry.evidence = (area.evidence + earlier)[:MAX_EVIDENCE]
        _record_probes(ledger, session, rnd, index)
    return ledger


def _note_weak_once(
    ledger: Ledger, area_id: str, outcome: Outcome, answer: Answer, *, session_id: str, round_index: int
) -> None:
    """Keep an untracked area's first weak answer (Ledger.weak_once); count its passes in later rounds, and forget it
    after RESOLVE_AFTER of them, as a tracked area would resolve."""
    if area_id in ledger.entries:
        return
    once = ledger.weak_once.get(area_id)
    if once is None:
        if outcome.weak and outcome.evidence is not None:
            evidence = outcome.evidence.model_copy(update={"session_id": session_id})
            ledger.weak_once[area_id] = WeakOnce(at=answer.created_at, round=round_index, evidence=evidence)
    elif not outcome.weak and (once.evidence.session_id, once.round) != (session_id, round_index):
        once.passes += 1
        if once.passes >= RESOLVE_AFTER:
            del ledger.weak_once[area_id]


def _record_probes(ledger: Ledger, session: Session, rnd: Round, index: RubricIndex) -> None:
    """Each scored probe answer once: the point it asked about 'needed a prompt'. The first
    answer's weak score stands (a point counts as shown only when the first answer showed it);
    a tracked area gets a 'prompted' event in its history that changes no status."""
    parents = {a.id: a for a in rnd.answers}
    for probe in rnd.answers:
        key = answer_key(session.id, probe.id)
        area_id = probe.question.targets
        parent = parents.get(probe.probe_of or "")
        if parent is None or area_id is None or probe.scorecard is None or key in ledger.processed:
            continue
        combined = probe.scorecard.criterion(area_id)
        first = parent.scorecard.criterion(area_id) if parent.scorecard else None
        shown = combined is not None and combined.score >= weak_below(area_id, index)
        note = "needed a prompt" if shown else "not shown even after a prompt"
        ledger.prompted.append(
            PromptedPoint(
                session_id=session.id, answer_id=parent.id, probe_id=probe.id, area=area_id,
                first_score=first.score if first else None, score=combined.score if combined else None,
                shown=shown, note=note,
            )
        )
        entry = ledger.entries.get(area_id)
        if entry is not None:
            entry.history.append(
                LedgerEvent(
                    at=probe.created_at, session_id=session.id, answer_id=probe.id, question_id=probe.question.id,
                    outcome="prompted", score=float(combined.score) if combined else None,
                    status_after=entry.status, note=note,
                )
            )
        ledger.processed.append(key)


def _passed(entry: LedgerEntry, answer: Answer, outcomes: dict[str, Outcome] | None, index: RubricIndex) -> bool:
    """Whether `answer` passed on the entry's area (judged on it, and not weak); `outcomes`: its _answer_outcomes,
    None when it is not assessable."""
    if outcomes is None:
        return False
    if entry.kind == "debrief":
        result = _debrief_outcome(entry, answer, index)
        return result is not None and not result[0] and not result[2]
    outcome = outcomes.get(entry.id)
    return outcome is not None and not outcome.weak


def _no_judgement(answer: Answer) -> bool:
    """Whether the answer is a plan judged to show no sound judgement at all (rubrics/overall.yaml's judgement gate)."""
    judgement = answer.scorecard.criterion("situational.judgement") if answer.scorecard else None
    return judgement is not None and judgement.applies and judgement.score == 0


def _transition(
    entry: LedgerEntry, *, is_weak: bool, repeat_note: str, answer: Answer, session_id: str, score: float | None,
    weak_this_round: bool = False, told_better: bool = False, retaken_better: bool = False,
) -> None:
    """`repeat_note`: why the answer is no new evidence (a retake, the same story again), empty when it is;
    `told_better`: the same story again, where its first telling did not pass on this area: progress, not proof;
    `retaken_better`: an open round-one concern's question answered again and passed: progress too."""
    note = ""
    if is_weak:
        if entry.status == "resolved" and _no_judgement(answer):
            # ... but not a plan with no sound judgement in it: "I'd tell the driver to drop her wherever she asks ...
            # no need to log it" on a safeguarding concern left it "improving" and out of the next plan (a taxi dispatch
            # supervisor's trial)
            entry.reopened += 1
            entry.status = "open"
            note = "reopened: the plan showed no sound judgement (Judgement 0 of 4)"
        elif entry.status == "resolved":
            # One slip after it was fixed is a slip: an HR partner's one rambling answer after ten strong ones put
            # five resolved areas back at the top of the plan as "open", above the employer's concerns. A second
            # weak answer before it resolves again reopens it (improving -> open, below).
            entry.reopened += 1
            entry.status = "improving"
            note = "slipped once after being resolved: one more weak answer reopens it"
        else:
            if entry.status == "improving":
                note = "slipped: back to open"
            entry.status = "open"
        entry.passes = []
        outcome = "weak"
    elif repeat_note and (told_better or retaken_better):
        outcome = "pass_retold" if told_better else "pass_repeat"
        proof = "a second story" if told_better else "a new question"
        # an area resolved already stays so, and its row must not say "not resolved" beside it (a data protection
        # officer's progress report: "resolved | ... improving, not resolved: same story twice")
        note = repeat_note if entry.status == "resolved" else \
            f"{repeat_note.replace('not counted: ', 'improving, not resolved: ')}; {proof} resolves it"
        if entry.status == "open":
            entry.status = "improving"
    elif repeat_note:
        outcome, note = "pass_repeat", repeat_note  # a retake or a story told again does not count
    elif weak_this_round:
        outcome = "pass_same_round"  # the round that showed the weakness cannot also clear it
        note = "not counted: passed in the round that showed the weakness"
    elif answer.scorecard is not None and answer.scorecard.overall < RESOLVING_ANSWER_AT_LEAST:
        # a 22-second answer scoring 7 of 100 "passed" on answer length and resolved it (a support lead's trial)
        outcome = "pass_weak_answer"
        note = f"not counted: the answer as a whole scored {answer.scorecard.overall:.0f}, weak"
    else:
        outcome = "pass"
        if entry.status != "resolved":
            entry.passes.append(answer.question.id)
            if len(entry.passes) >= RESOLVE_AFTER:
                entry.status = "resolved"
                note = f"resolved: passed {len(entry.passes)} new questions in a row"
            else:
                entry.status = "improving"
    entry.updated_at = answer.created_at
    entry.history.append(
        LedgerEvent(
            at=answer.created_at, session_id=session_id, answer_id=answer.id, question_id=answer.question.id,
            outcome=outcome, score=score, status_after=entry.status, note=note,
        )
    )


def current_weak_areas(ledger: Ledger, session: Session | None, rubrics: Sequence[Rubric]) -> list[WeakArea]:
    """What the next round should drill: areas weak in the session's latest scored round, plus
    everything the ledger still has open or improving (earlier sessions, round-one concerns)."""
    areas: dict[str, WeakArea] = {}
    if session is not None:
        rounds = [r for r in session.rounds if any(assessable(a) for a in r.answers)]
        if rounds:
            latest_ids = {a.id for a in rounds[-1].answers}
            for area in find_weak_areas(rounds[-1].answers, rubrics, tracked=ledger.entries, session_id=session.id):
                entry = ledger.entries.get(area.id)
                area.status = entry.status if entry else "open"
                area.uncounted = entry.uncounted() if entry else ""
                # Carried: the ledger knew this area before the latest round.
                first = entry.history[0] if entry and entry.history else None
                area.carried = bool(first) and (first.session_id != session.id or first.answer_id not in latest_ids)
                if entry is not None and area.carried:
                    # Every weak answer on record, as report --progress counts them, not this round's only:
                    # trial 4's plan said "weak in 1 of 2 answers" of an area weak in 4 over two sessions.
                    area.count, area.total = max(area.count, entry.weak_answers()), 0
                    area.evidence = list(entry.evidence) or area.evidence
                    area.passed = entry.passed_answers()
                areas[area.id] = area
    for entry in ledger.active():
        if entry.id not in areas:
            areas[entry.id] = entry.to_weak_area()
    return sorted(areas.values(), key=rank_key)
