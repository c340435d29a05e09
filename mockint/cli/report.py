"""`mockint report SESSION [--format md|html|json] [-o PATH]` and `mockint report --progress`.

Loads the session(s), rubrics and ledger; a session's report is made and written by
mockint.reporting.files, the path the end of a practice round takes too.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, cast

import typer

from mockint.cli.app import app, console, err_console, settings, store
from mockint.errors import UsageError

if TYPE_CHECKING:
    from mockint.reporting.render import Format

FORMAT_HELP = "md (default), html (with audio players; charts with --progress; --embed-audio puts the audio inside) or json (session + analysis)"


def _check_format(fmt: str) -> Format:
    fmt = fmt.lower().lstrip(".")
    fmt = {"markdown": "md", "htm": "html"}.get(fmt, fmt)
    if fmt not in ("md", "html", "json"):
        raise typer.BadParameter(f"unknown format '{fmt}'; choose md, html or json", param_hint="--format")
    return cast("Format", fmt)


def _output_path(out: str | None, default: Path) -> Path | None:
    """Where --output points (a folder gets the default file name); None for stdout."""
    if out == "-":
        return None
    path = Path(out).expanduser() if out else default
    # "reports/newdir/": a folder, made if need be (a trial's trailing slash wrote a file named "newdir")
    folder = path.is_dir() or (out is not None and out.endswith(("/", os.sep)))
    return path / default.name if folder else path


def _write(text: str, path: Path | None) -> None:
    from mockint.reporting.files import write_report

    if path is None:
        typer.echo(text, nl=False)
        return
    write_report(path, text)
    console.print(f"wrote {path}", soft_wrap=True, markup=False)


@app.command("report")
def report(
    session_ref: str | None = typer.Argument(
        None, metavar="SESSION", help="id, unique prefix, or 'latest' (the default); not with --progress", show_default=False
    ),
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
    from mockint.reporting.files import session_reports
    from mockint.scoring.rubrics import load_rubrics

    fmt = _check_format(fmt)
    if progress and session_ref is not None:
        # It covered every session whatever was named: a session given here was silently ignored.
        raise UsageError(
            f"--progress covers every session: give no SESSION ({session_ref})",
            hint=f"'mockint report {session_ref}' writes that session's report",
        )
    cfg = settings()
    st = store(cfg)
    rubrics = load_rubrics()
    if progress:
        sessions, damaged = st.scan()
        for bad in damaged:
            err_console.print(f"warning: skipped damaged session {bad.path}: {bad.reason}", soft_wrap=True, markup=False)
        progress_data = rep.analyse_progress(sessions, rubrics, load_ledger(cfg.paths.ledger_file))
        text = render.render_progress(progress_data, fmt)
        _write(text, _output_path(out, cfg.paths.sessions_dir / f"progress.{fmt}"))
        return
    session = st.load(session_ref or "latest")
    path = _output_path(out, st.folder(session.id) / f"report.{fmt}")
    texts = session_reports(
        session, st, rubrics, [fmt], report_dir=(path.parent if path else Path.cwd()).resolve(), embed_audio=embed_audio,
        on_warning=lambda message: err_console.print(f"warning: {message}"), ledger_file=cfg.paths.ledger_file,
    )
    _write(texts[fmt], path)
