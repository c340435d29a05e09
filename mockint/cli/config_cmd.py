"""`mockint config`: the effective settings, the API key masked."""

from __future__ import annotations

import typer

from mockint.cli.app import app, console, print_json, settings


@app.command("config")
def config_show(as_json: bool = typer.Option(False, "--json", help="machine-readable output")) -> None:
    """Show the effective settings (env MOCKINT_*, OPENAI_*, config.toml, defaults) and paths."""
    cfg = settings()
    data = cfg.public_dict()
    paths = {name: str(value) for name, value in vars(cfg.paths).items()}
    if as_json:
        print_json({"settings": data, "paths": paths})
        return
    from rich.table import Table

    table = Table(title="mockint settings", show_header=True)
    table.add_column("setting")
    table.add_column("value")
    for key, value in data.items():
        table.add_row(key, "" if value is None else str(value))
    for key, value in paths.items():
        table.add_row(f"path: {key}", value)
    console.print(table)
