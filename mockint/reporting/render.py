"""Rendering an analysis (reporting/analysis.py) as Markdown, self-contained HTML or JSON text.

Pure: the analysis in, a string out; the caller writes the file. Jinja2 templates live in
templates/ beside this module (the HTML page's script included), and everything taken from a
transcript is escaped: Markdown specials here, HTML by Jinja's autoescape.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import quote as url_quote

from mockint.records import minutes_seconds
from mockint.reporting.analysis import (
    COMPARE_AREAS_NOTE,
    FIRST_ANSWERS_NOTE,
    STAR_PARTS,
    STAR_TAGS,
    ProgressAnalysis,
    SessionAnalysis,
    progress_charts,
)
from mockint.session import Session

Format = Literal["md", "html", "json"]
REPORT_SCHEMA = "mockint.report/1"

# --- audio sources (path arithmetic only; the CLI reads files for data URIs) ------------------


def relative_src(audio_file: Path, report_dir: Path) -> str:
    """The audio file's URL relative to the folder the report is written to."""
    rel = os.path.relpath(audio_file.resolve() if audio_file.is_absolute() else audio_file, report_dir)
    return url_quote(Path(rel).as_posix())


def data_uri(data: bytes, filename: str) -> str:
    mime = {
        ".wav": "audio/wav", ".flac": "audio/flac", ".mp3": "audio/mpeg", ".ogg": "audio/ogg",
        ".opus": "audio/ogg", ".m4a": "audio/mp4", ".webm": "audio/webm",
    }.get(Path(filename).suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


# --- rendering -------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")


def md_escape(value: object) -> str:
    """Text taken from a transcript, a question or a scorer, made inert in Markdown:
    emphasis, links, tables and raw HTML characters are backslash-escaped."""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()) if value is not None else "")
    return re.sub(r"^([#>+\-=]|\d+\.)", r"\\\1", text)


def _fmt_seconds(value: float | None) -> str:
    return "-" if value is None else minutes_seconds(value)


def _fmt_num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "-"
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
        # Autoescape every HTML template; Markdown escaping is the explicit `md` filter.
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = md_escape
    env.filters["secs"] = _fmt_seconds
    env.filters["num"] = _fmt_num
    env.filters["pct"] = lambda v: "-" if v is None else f"{round(v * 100):d}%"
    return env


# The report's one script, kept as a file beside the templates and inlined into the page.
SCRIPT = (Path(__file__).parent / "templates" / "report.js").read_text(encoding="utf-8").strip()


def _csp() -> str:
    """Only the report's own script may run, even if something slipped past escaping."""
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return f"script-src 'sha256-{digest}'; object-src 'none'; base-uri 'none'; form-action 'none'"


def render_session(
    session: Session,
    analysis: SessionAnalysis,
    fmt: Format = "md",
    *,
    audio_srcs: Mapping[str, str] | None = None,
) -> str:
    """The session report as text. `audio_srcs` maps answer id -> the src for its <audio>
    (HTML only; answers without one get no player)."""
    if fmt == "json":
        return json.dumps(
            {
                "schema": REPORT_SCHEMA,
                "session": session.model_dump(mode="json"),
                "analysis": analysis.model_dump(mode="json"),
            },
            indent=2,
            ensure_ascii=False,
        ) + "\n"
    from markupsafe import Markup

    env = _environment()
    context = {
        "session": session,
        "a": analysis,
        "p": None,
        "audio": dict(audio_srcs or {}),
        "star_parts": STAR_PARTS,
        "star_tags": STAR_TAGS,
        "fmt_seconds": _fmt_seconds,
    }
    if fmt == "md":
        return env.get_template("report.md.j2").render(**context, mode="session")
    if fmt == "html":
        return env.get_template("report.html.j2").render(
            **context, mode="session", script=Markup(SCRIPT), csp=_csp(), charts=[]
        )
    raise ValueError(f"unknown report format {fmt!r}")


def render_progress(progress: ProgressAnalysis, fmt: Format = "md") -> str:
    if fmt == "json":
        return json.dumps({"schema": REPORT_SCHEMA, "progress": progress.model_dump(mode="json")}, indent=2, ensure_ascii=False) + "\n"
    from markupsafe import Markup

    env = _environment()
    context = {"p": progress, "a": None, "audio": {}, "star_parts": STAR_PARTS, "star_tags": STAR_TAGS,
               "first_answers_note": FIRST_ANSWERS_NOTE, "compare_areas_note": COMPARE_AREAS_NOTE}
    if fmt == "md":
        return env.get_template("report.md.j2").render(**context, mode="progress")
    if fmt == "html":
        # The charts are built from numbers with every label escaped in charts.py.
        charts = [Markup(svg) for svg in progress_charts(progress)]
        return env.get_template("report.html.j2").render(
            **context, mode="progress", script=Markup(SCRIPT), csp=_csp(), charts=charts
        )
    raise ValueError(f"unknown report format {fmt!r}")
