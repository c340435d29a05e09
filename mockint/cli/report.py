"""`mockint report SESSION [--format md|html|json] [-o PATH]` and `mockint report --progress`.

The edge around mockint.reporting.analysis: loads the session(s), rubrics, bank and ledger, works out each
answer's audio source relative to where the report goes (or embeds it), writes the file.
"""

from __future__ import annotations

from pathlib import Path

import typer

from mockint.cli.app import app, console, err_console, settings, store

FORMAT_HELP = "md (default), html (self-contained, audio inline) or json (session + analysis)"


def _check_format(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    fmt = {"markdown": "md", "htm": "html"}.get(fmt, fmt)
    if fmt not in ("md", "html", "json"):
        raise typer.BadParameter(f"unknown format '{fmt}'; choose md, html or json", param_hint="--format")
    return fmt


def _load_bank():
    from mockint.coaching.questions import load_bank
    from mockint.errors import DataFileError

    try:
        return load_bank()
    except DataFileError as exc:  # the report is still worth having without the prep's bank parts
        err_console.print(f"warning: {exc}; questions to ask and proof points are left out")
        return None


def _audio_sources(st, session, out_dir: Path, *, embed: bool) -> dict[str, str]:
    from mockint.reporting.render import data_uri, relative_src

    sources: dict[str, str] = {}
    for answer in session.answers:
        path = st.audio_path(session, answer)
        if path is None or not path.is_file():
            continue
        sources[answer.id] = data_uri(path.read_bytes(), path.name) if embed else relative_src(path.resolve(), out_dir)
    return sources


def _write(text: str, out: str | None, default: Path) -> None:
    from mockint.errors import MockintError
    from mockint.fsutil import atomic_write_text

    if out == "-":
        typer.echo(text, nl=False)
        return
    path = Path(out).expanduser() if out else default
    if path.is_dir():
        path = path / default.name
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise MockintError(f"cannot write the report to {path}: {exc.strerror}") from None
    console.print(f"wrote {path}", soft_wrap=True, markup=False)


@app.command("report")
def report(
    session_ref: str = typer.Argument("latest", metavar="SESSION", help="id, unique prefix, or 'latest'"),
    fmt: str = typer.Option("md", "--format", "-f", help=FORMAT_HELP),
    out: str = typer.Option(
        None, "--output", "-o", help="file or folder to write (default: inside the session folder); '-' for stdout"
    ),
    progress: bool = typer.Option(False, "--progress", help="scores across all sessions and the weakness ledger"),
    embed_audio: bool = typer.Option(
        False, "--embed-audio", help="HTML: put the audio inside the file (larger, but it can be moved or mailed)"
    ),
) -> None:
    """Write a review report of a session: transcripts with STAR parts, scores, delivery, weak areas, prep."""
    from mockint.coaching.ledger import load_ledger
    from mockint.reporting import analysis as rep
    from mockint.reporting import render
    from mockint.scoring.rubrics import load_rubrics

    fmt = _check_format(fmt)
    cfg = settings()
    st = store(cfg)
    rubrics = load_rubrics()
    if progress:
        sessions, damaged = st.scan()
        for bad in damaged:
            err_console.print(f"warning: skipped damaged session {bad.path}: {bad.reason}", soft_wrap=True, markup=False)
        progress_data = rep.analyse_progress(sessions, rubrics, load_ledger(cfg.paths.ledger_file))
        text = render.render_progress(progress_data, fmt)  # type: ignore[arg-type]
        _write(text, out, cfg.paths.sessions_dir / f"progress.{fmt}")
        return
    session = st.load(session_ref)
    default = st.folder(session.id) / f"report.{fmt}"
    target = default if not out else (Path.cwd() if out == "-" else Path(out).expanduser())
    if target.is_dir():
        target = target / default.name
    analysis = rep.analyse_session(session, rubrics, bank=_load_bank())
    audio = _audio_sources(st, session, target.resolve().parent, embed=embed_audio) if fmt == "html" else {}
    text = render.render_session(session, analysis, fmt, audio_srcs=audio)  # type: ignore[arg-type]
    _write(text, out, default)
