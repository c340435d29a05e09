"""`mockint` command line. Errors become one line on stderr and a non-zero exit, here only.

Exit codes: 0 done, 1 bad input or a failed step, 2 a usage mistake (an unknown command or
option, a bad value: click's and mockint.errors.UsageError), 70 a bug, 130 interrupted.
"""

from __future__ import annotations

import gc
import os
import re
import sys

import typer

# Each module registers its commands on `app`.
from mockint.cli import config_cmd, debrief, plan, practice, questions, report, score, serve, sessions, transcribe  # noqa: F401
from mockint.cli.app import app, err_console
from mockint.errors import MockintError, UsageError

EXIT_USAGE = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


def entry() -> None:
    """The `mockint` command (console script and `python -m mockint`): `main` in a process of its own."""
    # What the imports made lives as long as the process: frozen, it is out of the collector's
    # sight, and the gc.collect() faster-whisper runs after decoding each audio file walks only
    # what came after. `mockint transcribe` over the 11 real clips, fresh processes: 1.13x bare
    # faster-whisper's CPU before, 1.08x frozen (benchmarks/transcription.py --baseline).
    gc.freeze()
    main()


def main(argv: list[str] | None = None) -> None:
    command = typer_command()
    try:
        if repeated := repeated_option(command, sys.argv[1:] if argv is None else argv):
            raise UsageError(f"{repeated} given twice: give it once (each takes one value, and the last would win unseen)")
        # Without standalone mode click returns a command's exit code instead of exiting.
        code = command.main(args=argv, prog_name="mockint", standalone_mode=False)
    except MockintError as exc:
        _error_line(str(exc))
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.TyperException as exc:  # click's errors (Typer vendors click): usage mistakes exit 2
        _error_line(usage_message(exc))
        sys.exit(getattr(exc, "exit_code", EXIT_USAGE))
    except (typer.Abort, KeyboardInterrupt):
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


def _error_line(message: str) -> None:
    from rich.markup import escape

    err_console.print(f"[bold red]error:[/] {escape(message)}", markup=True, soft_wrap=True)


def usage_message(exc: typer.TyperException) -> str:
    """click's usage error as one lower-case line, with its suggestion in brackets.

    'No such option: --txt' + possibilities -> "no such option '--txt' (did you mean '--text'?)";
    "No such command 'practise'. Did you mean 'practice'?" -> "no such command 'practise' (did you
    mean 'practice'?)"; a bad value names its option; otherwise "(see 'mockint CMD --help')".
    """
    option = getattr(exc, "option_name", None)
    possibilities = getattr(exc, "possibilities", None)
    if option and exc.message.startswith("No such option"):
        text, suggestion = f"no such option '{option}'", " or ".join(f"'{p}'" for p in sorted(possibilities or []))
    else:
        text, _, suggestion = exc.format_message().partition(" Did you mean ")
        suggestion = suggestion.rstrip("?")
    text = re.sub(r"\bInput should be\b", "should be", text.rstrip(". "))
    text = text[:1].lower() + text[1:]
    if suggestion:
        return f"{text} (did you mean {suggestion}?)"
    ctx = getattr(exc, "ctx", None)
    if ctx is None or "did you mean" in text:
        return text
    return f"{text} (see '{ctx.command_path} --help')"


def repeated_option(command, args: list[str]) -> str | None:
    """The first option of the command `args` run that takes one value and is typed twice ("--text a.txt ... --text
    b.txt"), or None. click keeps the last silently: a trial user's second --text scored the wrong answer against the
    question, with nothing to say so."""
    k = 0
    while hasattr(command, "commands") and k < len(args):  # a group: Typer vendors click, so no isinstance
        if not args[k].startswith("-"):
            command = command.commands.get(args[k])
            if command is None:
                return None  # click says what is wrong with the command's name
        k += 1
    if command is None:
        return None
    options = [param for param in command.params if param.param_type_name == "option"]
    takes_one = {flag: param for param in options if not (param.multiple or param.is_flag or param.count) for flag in param.opts}
    takes_values = {flag for param in options if not (param.is_flag or param.count) for flag in param.opts}
    seen: set[str] = set()
    while k < len(args) and args[k] != "--":
        flag, has_value, _ = args[k].partition("=")
        if (param := takes_one.get(flag)) is not None:
            if param.name in seen:
                return flag
            seen.add(param.name)
        k += 2 if flag in takes_values and not has_value else 1  # an option's value is never read as an option
    return None


def typer_command():  # -> the click command Typer builds
    import typer.main

    return typer.main.get_command(app)
