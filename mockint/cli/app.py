"""The Typer app and what every command shares: consoles, settings, the session store.

Only the CLI prints. Heavy libraries (faster-whisper, openai, numpy) are imported inside
commands, so `mockint --help` stays fast.
"""

from __future__ import annotations

import json
from typing import Any

import typer
from rich.console import Console

app = typer.Typer(
    name="mockint",
    help="A local, voice-first mock interviewer for second-round interviews.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def settings(**overrides: Any):  # -> Settings, typed loosely to keep imports light
    from mockint.config import load_settings

    return load_settings(**{k: v for k, v in overrides.items() if v is not None})


def store(cfg=None):  # -> SessionStore
    from mockint.session import SessionStore

    cfg = cfg or settings()
    return SessionStore(cfg.paths.sessions_dir)


def print_json(data: Any) -> None:
    """JSON to stdout, unstyled, so it pipes cleanly."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
