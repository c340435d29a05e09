"""Sessions on disk: Session -> Round -> Answer, one folder per session.

`<sessions_dir>/<id>/session.json` plus the answers' audio (`a01.wav`, ...). Every step's
result is stored, so any step can be re-run alone and a crash loses nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import Field

from mockint.datafiles import read_versioned_json
from mockint.errors import SessionError, SessionNotFound
from mockint.fsutil import atomic_write_text
from mockint.records import DeliveryMetrics, Model, Panel, QuestionRef, Scorecard, Transcript, utc_now

SCHEMA_VERSION = 1
SESSION_FILE = "session.json"

AnswerStatus = Literal["recorded", "transcribed", "scored", "failed"]
# The LLM's score of an answer that already shows its instant offline card (practice scores
# with the LLM in the background): pending until it arrives, failed (with llm_error) if it could not.
LLMState = Literal["pending", "scored", "failed"]


class Answer(Model):
    id: str
    question: QuestionRef
    audio_path: str | None = Field(default=None, description="relative to the session folder")
    source_file: str | None = Field(default=None, description="the user's file it was copied from (--answers-from)")
    status: AnswerStatus = "recorded"
    error: str | None = Field(default=None, description="why the last step failed; the earlier results stay")
    transcript: Transcript | None = None
    delivery: DeliveryMetrics | None = None
    scorecard: Scorecard | None = Field(default=None, description="the card shown; its `scorer` says which made it")
    offline_scorecard: Scorecard | None = Field(
        default=None, description="the instant offline card, kept here once the LLM's replaces it in `scorecard`"
    )
    llm_state: LLMState | None = Field(
        default=None,
        description="the background LLM score: pending (the offline card is shown; 'mockint score --session' "
        "or --resume finishes it), scored, or failed (the offline card stays; llm_error says why)",
    )
    llm_error: str | None = Field(default=None, description="why the LLM could not score it (one line)")
    latency: dict[str, float] = Field(
        default_factory=dict,
        description="seconds from end of answer: transcript_ready, feedback_ready, probe_ready (its follow-up asked)",
    )
    probe_of: str | None = Field(
        default=None,
        description="the answer this one follows up (a probe); its scorecard judges both answers together "
        "on that answer's question",
    )
    asked_by: str | None = Field(default=None, description="the panelist who asked the question (--panel)")
    time_limit: float | None = Field(default=None, description="seconds allowed (--answer-seconds)")
    cut_off: bool = Field(default=False, description="the time limit stopped the answer; saved up to that point")
    created_at: datetime = Field(default_factory=utc_now)

    def fail(self, reason: str) -> None:
        self.status = "failed"
        self.error = reason

    def take_card(self, card: Scorecard) -> None:
        """Show `card`. An LLM card replacing an offline one keeps that one in offline_scorecard;
        a new offline card (an offline re-score) replaces both."""
        if card.scorer == "offline":
            self.offline_scorecard = None
            if self.llm_state == "scored":
                self.llm_state = None
        else:
            if self.scorecard is not None and self.scorecard.scorer == "offline":
                self.offline_scorecard = self.scorecard
            self.llm_state, self.llm_error = "scored", None
        self.scorecard = card
        self.status = "scored"
        self.error = None

    def llm_failed(self, reason: str) -> None:
        """The LLM could not score it: a shown card stays (with the reason), else the answer failed."""
        if self.scorecard is None:
            self.fail(reason)
            return
        self.llm_state, self.llm_error = "failed", reason

    @property
    def scored_by_llm(self) -> bool:
        return self.scorecard is not None and self.scorecard.scorer != "offline"


class Round(Model):
    index: int
    kind: Literal["bank", "plan", "demo", "files", "text"] = "bank"
    started_at: datetime = Field(default_factory=utc_now)
    ended_at: datetime | None = None
    answers: list[Answer] = Field(default_factory=list)
    questions: list[QuestionRef] = Field(
        default_factory=list, description="the questions this round asks, in order; --resume continues them"
    )
    plan: list[QuestionRef] = Field(default_factory=list, description="next round's follow-up questions")
    planned_at: datetime | None = Field(default=None, description="when 'mockint plan' stored `plan`")
    panel: Panel | None = Field(default=None, description="the interview panel that asks (--panel), as it was")
    askers: dict[str, str] = Field(default_factory=dict, description="question id -> id of the panelist who asks it")


class Session(Model):
    schema_version: int = SCHEMA_VERSION
    id: str
    created_at: datetime = Field(default_factory=utc_now)
    role: str | None = None
    job_description: str | None = None
    keywords: list[str] = Field(default_factory=list, description="role terms that bias transcription")
    rounds: list[Round] = Field(default_factory=list)

    @property
    def answers(self) -> list[Answer]:
        return [a for r in self.rounds for a in r.answers]

    def new_round(self, kind: str = "bank") -> Round:
        rnd = Round(index=len(self.rounds) + 1, kind=kind)  # type: ignore[arg-type]
        self.rounds.append(rnd)
        return rnd

    def next_answer_id(self) -> str:
        return f"a{len(self.answers) + 1:02d}"


def new_session_id(now: datetime | None = None) -> str:
    now = now or utc_now()
    return f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


@dataclass(frozen=True)
class DamagedSession:
    """A session folder whose session.json does not load: listed, never in the way of the others."""

    id: str
    path: Path
    reason: str


class SessionStore:
    """Reads and writes sessions under one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, session_id: str) -> Path:
        return self.root / session_id

    def file(self, session_id: str) -> Path:
        return self.folder(session_id) / SESSION_FILE

    def audio_path(self, session: Session, answer: Answer) -> Path | None:
        return self.folder(session.id) / answer.audio_path if answer.audio_path else None

    def create(self, **fields: object) -> Session:
        session = Session(id=new_session_id(), **fields)  # type: ignore[arg-type]
        self.folder(session.id).mkdir(parents=True, exist_ok=False)
        self.save(session)
        return session

    def save(self, session: Session) -> Path:
        path = self.file(session.id)
        atomic_write_text(path, session.model_dump_json(indent=2) + "\n")
        return path

    def ids(self) -> list[str]:
        """Session ids, oldest first."""
        if not self.root.is_dir():
            return []
        return sorted(p.parent.name for p in self.root.glob(f"*/{SESSION_FILE}"))

    def ids_saying(self, fragment: str) -> list[str]:
        """The ids (oldest first) of the sessions whose file has `fragment` in it as written, such as the
        JSON string '"followup"': a first pass that reads the bytes only, where loading parses and
        validates the whole session. A file that cannot be read is left out ('scan' names it)."""
        wanted = fragment.encode("utf-8")
        found = []
        for session_id in self.ids():
            try:
                if wanted in self.file(session_id).read_bytes():
                    found.append(session_id)
            except OSError:
                continue
        return found

    def resolve(self, ref: str) -> str:
        """Accept a full id, a unique prefix, its short code (the last part, as 'sessions list' ends it), or 'latest'."""
        ids = self.ids()
        if ref == "latest":
            if not ids:
                raise SessionNotFound(f"no sessions yet in {self.root}", hint="run 'mockint demo' or 'mockint practice'")
            return ids[-1]
        if ref in ids:
            return ref
        # "c5ad" for 20261204-060620-c5ad: a trial user took the code that ends each id for its name
        matches = [i for i in ids if i.startswith(ref) or i.rsplit("-", 1)[-1] == ref]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise SessionNotFound(f"no session '{ref}' in {self.root}", hint="'mockint sessions list' shows them")
        raise SessionError(f"'{ref}' matches {len(matches)} sessions: {', '.join(matches[:5])}")

    def load(self, ref: str) -> Session:
        return load_session_file(self.file(self.resolve(ref)))

    def planned(self) -> Session | None:
        """The session holding the plan 'mockint plan' stored last, while it is still the session's last round (a round
        that asks it comes after it): what 'practice --plan' asks. `plan --session` may store it in a session that is
        not the latest (a sales trial's six answers were filed under the latest session's other plan). None when there
        is no such plan (and for sessions from before plans were timed)."""
        newest: Session | None = None
        for session_id in self.ids_saying('"planned_at": "'):
            try:
                session = self.load(session_id)
            except SessionError:
                continue
            last = session.rounds[-1] if session.rounds else None
            if last is not None and last.plan and last.planned_at is not None and (
                    newest is None or last.planned_at > newest.rounds[-1].planned_at):
                newest = session
        return newest

    def scan(self) -> tuple[list[Session], list[DamagedSession]]:
        """The sessions that load, oldest first, and those that do not, each with its one-line reason."""
        sessions, damaged = [], []
        for session_id in self.ids():
            path = self.file(session_id)
            try:
                sessions.append(load_session_file(path))
            except SessionError as exc:
                damaged.append(DamagedSession(session_id, path, str(exc).removeprefix(f"{path}: ")))
        return sessions, damaged


def load_session_file(path: Path) -> Session:
    """Load and validate one session.json, with a one-line error naming the file."""
    try:
        return read_versioned_json(
            path, Session, what="session file", schema_version=SCHEMA_VERSION, error=SessionError
        )
    except FileNotFoundError:
        raise SessionNotFound(f"{path}: no such session file") from None
