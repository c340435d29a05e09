"""Scoring: a transcript and rubrics in, a Scorecard out.

Two scorers share one interface and one post-processing step (card.build_scorecard):
  - LLMScorer (scoring/llm_scorer.py): any OpenAI-compatible endpoint;
  - OfflineScorer (scoring/offline.py): deterministic text cues, no network.
`get_scorer` picks one from the settings; with an LLM it is the LLM checked against the offline
cues (BlendScorer, scoring/blend.py). Callers score an answer with `score_question`, which
also judges it only on the criteria its question exercises (card.apply_question_criteria).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from mockint.errors import ConfigError

if TYPE_CHECKING:
    from mockint.config import Settings
    from mockint.records import QuestionRef, Scorecard, Transcript
    from mockint.scoring.rubrics import Rubric


@runtime_checkable
class Scorer(Protocol):
    name: str  # "llm" or "offline", as written into Scorecard.scorer

    # `kind`: the kind of answer it is judged as (rubrics/questions.yaml's kinds; None: the question's wording
    # says). The rubrics come in that kind's words already; a scorer that reads the question itself for what
    # kind of answer it wants (the offline scorer's relevance) reads this instead.
    def score(self, question: str, transcript: Transcript, rubrics: list[Rubric], *, kind: str | None = None) -> Scorecard: ...


def score_question(
    scorer: Scorer, question: QuestionRef | str, transcript: Transcript, rubrics: list[Rubric]
) -> Scorecard:
    """Score an answer on the criteria its question asks for.

    A bank question lists its criteria; a question given as text (or a stored question that names
    none) is classified by kind (scoring/kinds.py) and judged on that kind's criteria, so "Why do
    you want to work here?" is never marked down for having no STAR story. Only the rubrics that
    hold one of those criteria are scored (a shorter LLM prompt, a card without rows of n/a); the
    card marks any other criterion of those rubrics n/a. A typed answer's numbers are read written
    as transcription writes them (speech/numbers.py), so typed, pasted and spoken answers agree.
    """
    from mockint.scoring.card import apply_question_criteria
    from mockint.speech.numbers import numbers_written

    text, criteria, used, kind = _judged_on(question, rubrics)
    # Typed "thirty-eight percent" is read as transcription writes it ("38%"): any scorer, any path. The card then
    # quotes the words typed.
    written = numbers_written(transcript)
    card = scorer.score(text, written, used, kind=kind)
    if written.text != transcript.text:
        card = _quoted_as_typed(card, written.text, transcript.text)
    if not text.strip():
        # No question, nothing to be off-topic from: read as relevance 1, the overall's relevance gate capped a
        # trial's answer given without --question at 10/100, "it does not answer the question asked".
        card = card.model_copy(update={"criteria": [
            c.model_copy(update={"judged": False, "score": 0, "evidence": [], "feedback": NO_QUESTION_RELEVANCE})
            if c.key == RELEVANCE else c for c in card.criteria]})
    return apply_question_criteria(card, criteria, used)


def _quoted_as_typed(card: Scorecard, written: str, typed: str) -> Scorecard:
    from mockint.speech.numbers import as_typed

    return card.model_copy(update={"criteria": [c.model_copy(update={"evidence": [
        e.model_copy(update={"quote": as_typed(e.quote, written, typed)}) for e in c.evidence]}) for c in card.criteria]})


RELEVANCE = "specificity.relevance"
NO_QUESTION_RELEVANCE = "not judged: no question was given, so there is nothing to be off-topic from"



def warm_question(scorer: Scorer, question: QuestionRef | str, rubrics: list[Rubric]) -> bool:
    """Let a scorer that reads a long prompt (the LLM's) read it for `question` ahead of the
    answer (LLMScorer.warm), with the rubrics score_question will use. False when the scorer
    has nothing to read ahead. Raises what the scorer raises (LLMError)."""
    warm = getattr(scorer, "warm", None)
    if warm is None:
        return False
    text, _, used, _kind = _judged_on(question, rubrics)
    warm(text, used)
    return True


def story_not_reasons(question: QuestionRef | str, text: str) -> bool:
    """Whether the answer `text` tells a story where its question asked for reasons (offline.story_instead_of_reasons),
    read as the kind it was judged as: the question's stored kind (an own question saved as `kind: motivation`
    whatever its wording), else its wording's, as score_question judges it. What card.criterion_words asks, read
    once per answer however many rows and views show it."""
    if isinstance(question, str):
        return _story_not_reasons(text, question, None)
    return _story_not_reasons(text, question.text, question.kind)


@lru_cache(maxsize=64)
def _story_not_reasons(text: str, question: str, kind: str | None) -> bool:
    from mockint.scoring.offline import read_answer, story_instead_of_reasons

    return bool(text.strip()) and story_instead_of_reasons(read_answer(text, question, kind))


def _judged_on(question: QuestionRef | str, rubrics: list[Rubric]) -> tuple[str, list[str], list[Rubric], str]:
    """(the question's text, the criteria it is judged on, the rubrics that hold them, in the words
    their criteria have for this question: rubric files' `variants`, the kind of answer it is judged as)."""
    from mockint.records import NO_QUESTION
    from mockint.scoring.kinds import criteria_for, load_kinds
    from mockint.scoring.spelling import as_read

    if isinstance(question, str):
        text, criteria, kind = question, [], None
    else:
        text, criteria, kind = question.text, list(question.criteria), question.kind
    text = "" if text.strip() == NO_QUESTION else text
    if isinstance(question, str) or question.source != "bank":
        text = as_read(text)  # a typed question's typos, read as the words they are closest to (scoring/spelling.py)
    if not criteria and kind in (kinds := load_kinds()):
        criteria = list(kinds[kind].criteria)  # a kind named without its criteria is judged on that kind's
    if not criteria or kind is None:
        guessed, guessed_criteria = criteria_for(text)
        criteria, kind = criteria or guessed_criteria, kind or guessed
    wanted = {key.split(".", 1)[0] for key in criteria}
    used = [r for r in rubrics if r.id in wanted] or rubrics
    return text, criteria, [r.for_question(text, kind) for r in used], kind


def get_scorer(settings: Settings, *, offline: bool = False) -> Scorer:
    """The scorer to use: offline when asked (flag or settings.scorer == "offline");
    the LLM, checked against the offline cues, when settings.scorer == "llm" or ("auto" and an
    endpoint is configured); otherwise offline."""
    if offline or settings.scorer == "offline":
        return _offline()
    if settings.scorer == "llm" and not settings.llm_configured:
        raise ConfigError(
            "scorer is 'llm' but no LLM endpoint is configured",
            hint="set MOCKINT_OPENAI_BASE_URL and/or MOCKINT_OPENAI_API_KEY, or use --offline",
        )
    if settings.llm_configured:
        from mockint.scoring.blend import BlendScorer
        from mockint.scoring.llm_scorer import LLMScorer  # openai/httpx only load when the LLM is used

        # The LLM's card, each criterion checked against the offline cues (scoring/blend.py says why).
        return BlendScorer(LLMScorer(settings), _offline(), rule=settings.blend)
    return _offline()


@dataclass(frozen=True)
class GoldenDrift:
    """One golden example's criterion that scored outside its expected range."""

    rubric: str
    example: str
    criterion: str
    score: int
    expected: tuple[int, int]

    def __str__(self) -> str:
        low, high = self.expected
        return f"{self.rubric}/{self.example}: {self.criterion} scored {self.score}, expected {low}-{high}"


@dataclass
class GoldenReport:
    scorer: str
    examples: int = 0
    checks: int = 0
    drifts: list[GoldenDrift] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.drifts


def check_golden(scorer: Scorer, rubrics: list[Rubric]) -> GoldenReport:
    """Score every golden example of each rubric (against that rubric alone) and list each
    criterion that lands outside its expected range. Pure apart from what the scorer does."""
    from mockint.records import Transcript

    report = GoldenReport(scorer=scorer.name)
    for rubric in rubrics:
        for example in rubric.golden:
            transcript = Transcript(text=example.answer.strip(), duration=0.0)
            card = scorer.score(example.question, transcript, [rubric])
            report.examples += 1
            for criterion_id, (low, high) in example.expected.items():
                got = card.criterion(f"{rubric.id}.{criterion_id}")
                report.checks += 1
                score = got.score if got else -1
                if not low <= score <= high:
                    report.drifts.append(GoldenDrift(rubric.id, example.id, criterion_id, score, (low, high)))
    return report


def _offline() -> Scorer:
    from mockint.scoring.offline import OfflineScorer

    return OfflineScorer()


__all__ = [
    "GoldenDrift", "GoldenReport", "Scorer", "check_golden", "get_scorer", "score_question", "story_not_reasons",
    "warm_question",
]
