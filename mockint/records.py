"""Plain data shared by the pipeline's steps: transcripts, delivery metrics, scorecards.

Every step takes and returns these; the session store (session.py) persists them.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- transcription -------------------------------------------------------------------


class Word(Model):
    word: str
    start: float
    end: float
    probability: float = 1.0


class Segment(Model):
    start: float
    end: float
    text: str


class Transcript(Model):
    text: str
    words: list[Word] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    duration: float = Field(description="seconds of audio")
    speech: list[tuple[float, float]] = Field(default_factory=list, description="VAD speech spans, seconds")
    language: str = "en"
    model: str = ""


class Pause(Model):
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


class DeliveryMetrics(Model):
    word_count: int
    total_seconds: float
    speaking_seconds: float
    words_per_minute: float = Field(description="words over speech time")
    time_to_first_word: float | None
    fillers: dict[str, int] = Field(default_factory=dict, description="filler word/phrase -> count")
    filler_count: int = 0
    fillers_per_100_words: float = 0.0
    hedges: dict[str, int] = Field(default_factory=dict)
    hedge_count: int = 0
    hedges_per_100_words: float = 0.0
    long_pauses: list[Pause] = Field(default_factory=list, description=">= 1.5 s silences inside speech")

    @property
    def answer_seconds(self) -> float:
        """How long the answer ran: from its first word (a silent start is the pause before answering) to its end."""
        return max(0.0, self.total_seconds - (self.time_to_first_word or 0.0))


def minutes_seconds(seconds: float) -> str:
    """'3:05' for 185 s."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


# --- questions -----------------------------------------------------------------------


# The text of a question the user never gave (`score --text` without --question): scorers read it as no question.
NO_QUESTION = "(no question given)"


class QuestionRef(Model):
    """The question as asked, copied into the session so it survives bank edits."""

    id: str
    text: str
    category: str = "custom"
    kind: str | None = Field(default=None, description="the kind of answer it asks for (scoring/kinds.py)")
    competencies: list[str] = Field(default_factory=list)
    criteria: list[str] = Field(default_factory=list, description="rubric criteria ids it exercises, 'star.result'")
    source: Literal["bank", "followup", "debrief", "custom"] = "bank"
    targets: str | None = Field(default=None, description="weak-area id a follow-up question drills")
    rationale: str | None = Field(default=None, description="why this question was chosen (evidence)")
    follows: str | None = Field(
        default=None,
        description="'session/answer' a plan follow-up quotes: its reply is judged together with that answer",
    )


# --- panels (panels/panels.yaml; copied into the round that uses them) ----------------


class PanelFocus(Model):
    criteria: list[str] = Field(default_factory=list, description="rubric criteria they listen for, probed first")
    competencies: list[str] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list, description="question kinds (questions.yaml kinds)")


class Panelist(Model):
    id: str
    name: str
    role: str
    voice: str = Field(default="en-us", description="espeak-ng voice for --speak")
    focus: PanelFocus = Field(default_factory=PanelFocus)
    questions: list[str] = Field(default_factory=list, description="bank question ids they ask, in order")
    probe_lead: str = Field(default="", description="how they start a follow-up")

    @property
    def title(self) -> str:
        return f"{self.name} ({self.role})"


class Panel(Model):
    id: str
    name: str
    panelists: list[Panelist] = Field(min_length=2, max_length=4)

    def get(self, panelist_id: str | None) -> Panelist | None:
        return next((p for p in self.panelists if p.id == panelist_id), None)


# --- scoring -------------------------------------------------------------------------


class Evidence(Model):
    quote: str
    start: float | None = None
    end: float | None = None
    verified: bool = True


class CriterionScore(Model):
    rubric: str = Field(description="rubric id, e.g. 'star'")
    criterion: str = Field(description="criterion id, e.g. 'result'")
    name: str = ""
    score: int
    max_score: int = 4
    weight: float = 1.0
    evidence: list[Evidence] = Field(default_factory=list, description="verified quotes only")
    rejected_quotes: list[str] = Field(default_factory=list, description="quotes not found in the transcript")
    capped: bool = Field(default=False, description="score lowered because no quote verified")
    lowered: str | None = Field(default=None, description="why the score was lowered to what its quotes support")
    raised: str | None = Field(
        default=None, description="why a blend set it above the LLM's score: the offline cues' quotes, now its evidence, show more"
    )
    feedback: str = ""
    held: str | None = Field(
        default=None,
        description="while a gate on another criterion holds the answer down (rubrics/overall.yaml): why this "
        "criterion's level is not what decides the score; shown instead of `feedback`",
    )
    applies: bool = Field(
        default=True, description="False when the question does not exercise this criterion: shown, not counted"
    )
    judged: bool = Field(default=True, description="False when the scorer could not judge it (offline: no cues for it)")
    gated: str | None = Field(
        default=None, description="the gate on the whole answer (rubrics/substance.yaml: a bad outcome stood by, figures "
        "that cannot be true...) that holds this criterion below its own reading; its advice is then not what lifts it",
    )

    @property
    def key(self) -> str:
        return f"{self.rubric}.{self.criterion}"

    @property
    def shown_feedback(self) -> str:
        """The line the candidate reads: the gate's words while one holds the answer down, else the feedback."""
        return self.held or self.feedback


class Scorecard(Model):
    scorer: Literal["llm", "offline"]
    model: str | None = Field(default=None, description="LLM model name; None for offline")
    checked_by: str | None = Field(
        default=None, description="how the LLM's scores were checked against the offline scorer's (scoring/blend.py)"
    )
    blend_rule: str | None = Field(
        default=None, description="the rule that combined the LLM's levels with the offline cues' (scoring/blend.py BLEND_RULES)"
    )
    rubric_versions: dict[str, str] = Field(default_factory=dict)
    prompt_version: str | None = None
    criteria: list[CriterionScore]
    overall: float = Field(description="0-100, computed in code from the applicable criteria and weights")
    band: str
    level: float | None = Field(
        default=None, description="the applicable criteria's weighted mean, 0-4, the overall is read from (rubrics/overall.yaml)"
    )
    overall_capped: str | None = Field(
        default=None,
        description="why a gate holds the overall down (said whenever it is shut, also below its cap), e.g. "
        "'Relevance 1 of 4: it does not answer this question, or only in words that would fit any (the overall is 35 "
        "at most)'",
    )
    rubric_scores: dict[str, float] = Field(
        default_factory=dict, description="rubric id -> 0-100, for rubrics with an applicable criterion"
    )
    improvements: list[str] = Field(default_factory=list, description="the one or two changes that help most")
    created_at: datetime = Field(default_factory=utc_now)

    def criterion(self, key: str) -> CriterionScore | None:
        return next((c for c in self.criteria if c.key == key), None)
