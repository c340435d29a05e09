"""The Typer app and what every command shares: consoles, settings, the session store.

Only the CLI prints. Heavy libraries (faster-whisper, openai, numpy) are imported inside
commands, so `mockint --help` stays fast.
"""

from __future__ import annotations

import json
from typing import Any

import typer
import typer.core
from rich.console import Console

app = typer.Typer(
    name="mockint",
    help="A local, voice-first mock interviewer for second-round interviews.",
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def help_when_bare(group: typer.Typer) -> None:
    """`mockint` or `mockint sessions` alone prints the help and exits 0 (click's no_args_is_help
    exits 2, as for a mistake)."""

    @group.callback(invoke_without_command=True)
    def _bare(ctx: typer.Context) -> None:
        if ctx.invoked_subcommand is None:
            typer.echo(ctx.get_help())
            raise typer.Exit(0)


help_when_bare(app)


class KeepsOptionOrder(typer.core.TyperCommand):
    """A command that remembers the order its options were typed in (`typed_in_order`): click hands each
    option its own list, so `--my-question A --ask B` came out as B, A once the two spellings were joined."""

    def make_parser(self, ctx):
        parser = super().make_parser(ctx)
        parse = parser.parse_args

        def parse_args(args):
            opts, rest, order = parse(args)  # `order`: the parameter of each option occurrence, as typed
            ctx.meta[_ORDER_KEY] = [param.name for param in order]
            return opts, rest, order

        parser.parse_args = parse_args
        return parser


_ORDER_KEY = "mockint.option_order"


def typed_in_order(ctx: typer.Context, **flags: tuple[str, list[str] | None]) -> list[tuple[str, str]]:
    """(flag, value) for each value of the given multiple options, in the order typed on the command line;
    `flags` maps a parameter's name to (the flag it is typed as, its values)."""
    left = {name: list(values or []) for name, (_, values) in flags.items()}
    out = []
    for name in ctx.meta.get(_ORDER_KEY, []):
        if left.get(name):
            out.append((flags[name][0], left[name].pop(0)))
    return out + [(flags[name][0], value) for name, values in left.items() for value in values]  # not typed: defaults


def check_choice(value: str | None, known, option: str) -> None:
    """A usage error naming `option` when `value` is not one of `known`, with the nearest as a suggestion."""
    if value is None or value in known:
        return
    import difflib

    near = difflib.get_close_matches(value, list(known), n=1)
    suggestion = f" (did you mean '{near[0]}'?)" if near else f"; known: {', '.join(known)}"
    raise typer.BadParameter(f"unknown {option.lstrip('-')} '{value}'{suggestion}", param_hint=option)


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
