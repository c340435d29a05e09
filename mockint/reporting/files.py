"""Session reports as files: the one path shared by `mockint report` and the end of a practice round.

The edge around analysis.py and render.py: loads the question bank, works out each answer's
audio source relative to where the report goes (or embeds it), renders, and writes atomically.
A broken question bank costs only the prep's bank parts (questions to ask, proof points), with
a warning, not the whole report: the scores and transcripts are worth having without them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from mockint.coaching.questions import QuestionBank, load_bank
from mockint.errors import DataFileError, MockintError
from mockint.fsutil import atomic_write_text
from mockint.reporting.analysis import analyse_session
from mockint.reporting.render import Format, data_uri, relative_src, render_session
from mockint.scoring.rubrics import Rubric
from mockint.session import Session, SessionStore

Warn = Callable[[str], None]


def bank_for_report(on_warning: Warn | None = None) -> QuestionBank | None:
    """The question bank, or None (with a warning) when it cannot be loaded."""
    try:
        return load_bank()
    except DataFileError as exc:
        if on_warning:
            on_warning(f"{exc}; questions to ask and proof points are left out")
        return None


def interview_noted(ledger_file: Path | None, on_warning: Warn | None = None) -> bool:
    """Whether the candidate's notes of the real first interview are on file (`mockint debrief`, in the ledger): then the
    practice questions' topics are not that interview's. False (with a warning) when the ledger cannot be read."""
    from mockint.coaching.ledger import load_ledger

    if ledger_file is None:
        return False
    try:
        return bool(load_ledger(ledger_file).debriefs)
    except DataFileError as exc:
        if on_warning:
            on_warning(f"{exc}; the thank-you draft may name practice topics")
        return False


def audio_sources(store: SessionStore, session: Session, report_dir: Path, *, embed: bool = False) -> dict[str, str]:
    """Answer id -> the src of its <audio>: a path relative to `report_dir`, or a data URI."""
    sources: dict[str, str] = {}
    for answer in session.answers:
        path = store.audio_path(session, answer)
        if path is None or not path.is_file():
            continue
        sources[answer.id] = data_uri(path.read_bytes(), path.name) if embed else relative_src(path.resolve(), report_dir)
    return sources


def session_reports(
    session: Session,
    store: SessionStore,
    rubrics: Sequence[Rubric],
    formats: Sequence[Format],
    *,
    report_dir: Path,
    embed_audio: bool = False,
    on_warning: Warn | None = None,
    ledger_file: Path | None = None,
) -> dict[Format, str]:
    """The session's report in each of `formats`, from one analysis; `report_dir` is where
    the files will be written (HTML audio paths are relative to it); `ledger_file`, the candidate's own ledger, for
    what their notes say the real first interview discussed (not the demo's, whose answers are not theirs)."""
    analysis = analyse_session(session, rubrics, bank=bank_for_report(on_warning),
                               interview_noted=interview_noted(ledger_file, on_warning))
    audio = audio_sources(store, session, report_dir.resolve(), embed=embed_audio) if "html" in formats else {}
    return {fmt: render_session(session, analysis, fmt, audio_srcs=audio if fmt == "html" else None) for fmt in formats}


def write_session_reports(
    session: Session, store: SessionStore, rubrics: Sequence[Rubric], *, on_warning: Warn | None = None,
    ledger_file: Path | None = None,
) -> Path:
    """report.md and report.html in the session's folder (the end of a round, and `mockint score
    --session` once the scores behind them changed); returns report.md's path."""
    folder = store.folder(session.id)
    for fmt, text in session_reports(session, store, rubrics, ["html", "md"], report_dir=folder, on_warning=on_warning,
                                     ledger_file=ledger_file).items():
        write_report(folder / f"report.{fmt}", text)
    return folder / "report.md"


def refresh_session_reports(
    session: Session, store: SessionStore, rubrics: Sequence[Rubric], *, on_warning: Warn | None = None,
    ledger_file: Path | None = None,
) -> Path | None:
    """The session's reports written again where a round wrote them (its report.md is there), once what they show has
    changed: the scores (`mockint score --session`: a report that still said "LLM score pending" would contradict the
    session file) or the next round's plan (`mockint plan`: two trial users' reports said "No plan yet" after it). None
    where there is none."""
    if not (store.folder(session.id) / "report.md").is_file():
        return None
    return write_session_reports(session, store, rubrics, on_warning=on_warning, ledger_file=ledger_file)


def write_report(path: Path, text: str) -> None:
    """Write a report atomically; a failure is a one-line MockintError naming the file."""
    # a file where a folder of the path should be: "File exists" said nothing of which (a trial's -o /tmp/afile/r.md)
    if (blocking := next((p for p in path.parents if p.exists() and not p.is_dir()), None)) is not None:
        raise MockintError(f"cannot write the report to {path}: {blocking} is a file, not a folder")
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise MockintError(f"cannot write the report to {path}: {exc.strerror}") from None
