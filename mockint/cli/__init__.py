"""`mockint` command line. Errors become one line on stderr and a non-zero exit, here only."""

from __future__ import annotations

import os
import sys

import click

# Each module registers its commands on `app`.
from mockint.cli import (  # noqa: E402,F401  # noqa: E402,F401
    config_cmd,
    plan,
    practice,  # noqa: E402,F401
    questions,
    report,  # noqa: E402,F401
    score,  # noqa: E402,F401
    sessions,
    transcribe,  # noqa: E402,F401
)
from mockint.cli.app import app, err_console
from mockint.errors import MockintError

EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> None:
    command = typer_command()
    try:
        # Without standalone mode click returns a command's exit code instead of exiting.
        code = command.main(args=argv, prog_name="mockint", standalone_mode=False)
    except MockintError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        err_console.print("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug, not bad input: still one line unless asked for more
        if os.environ.get("MOCKINT_DEBUG"):
            raise
        err_console.print(
            f"[bold red]internal error:[/] {type(exc).__name__}: {exc} (set MOCKINT_DEBUG=1 for the traceback)",
            markup=True,
            soft_wrap=True,
        )
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else 0)


def typer_command() -> click.Command:
    import typer.main

    return typer.main.get_command(app)
