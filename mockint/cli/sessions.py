"""`mockint sessions list|show`."""

from __future__ import annotations

import typer

from mockint.cli.app import app, console, help_when_bare, print_json, store

sessions_app = typer.Typer(help="List and inspect practice sessions.")
help_when_bare(sessions_app)
app.add_typer(sessions_app, name="sessions")


@sessions_app.command("list")
def sessions_list(as_json: bool = typer.Option(False, "--json")) -> None:
    """List sessions, oldest first; a damaged one is listed with its path and why it does not load."""
    from mockint.reporting.analysis import mean_overall

    sessions, damaged = store().scan()
    rows = [
        {
            "id": s.id,
            "status": "ok",
            "created_at": s.created_at.isoformat(timespec="seconds"),
            "role": s.role,
            "rounds": len(s.rounds),
            "answers": len(s.answers),
            "scored": sum(a.status == "scored" for a in s.answers),
            "failed": sum(a.status == "failed" for a in s.answers),
            "mean_overall": mean_overall(s.answers),  # as the report and the page give it
        }
        for s in sessions
    ]
    rows += [{"id": d.id, "status": "damaged", "path": str(d.path), "error": d.reason} for d in damaged]
    rows.sort(key=lambda r: r["id"])
    if as_json:
        print_json(rows)
        return
    if not rows:
        console.print("No sessions yet: 'mockint practice' records one ('mockint demo' shows the tool in a folder of its own).")
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table()
    # The id starts with its UTC creation time, so no separate date column; cut short, it
    # could not be pasted into --session.
    table.add_column("id", no_wrap=True)
    table.add_column("role", overflow="fold")
    for col in ("rounds", "answers", "scored", "failed", "mean"):
        table.add_column(col, justify="right")
    for r in rows:
        if r["status"] == "damaged":
            table.add_row(r["id"], "[red]damaged[/]", "-", "-", "-", "-", "-")
        else:
            counts = [str(r[k]) for k in ("rounds", "answers", "scored", "failed")]
            mean = "-" if r["mean_overall"] is None else f"{r['mean_overall']:g}"
            table.add_row(r["id"], escape(r["role"] or ""), *counts, mean)
    console.print(table)
    for d in damaged:
        console.print(f"damaged: {d.path}: {d.reason}", soft_wrap=True, markup=False)


@sessions_app.command("show")
def sessions_show(
    session_id: str = typer.Argument("latest", metavar="SESSION", help="id, unique prefix, or 'latest'"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Show one session: its rounds, answers, statuses and scores."""
    st = store()
    session = st.load(session_id)
    if as_json:
        print_json(session.model_dump(mode="json"))
        return
    console.print(f"[bold]{session.id}[/]  {session.created_at:%Y-%m-%d %H:%M}  role: {session.role or '-'}")
    console.print(f"folder: {st.folder(session.id)}")
    for rnd in session.rounds:
        console.print(f"\n[bold]Round {rnd.index}[/] ({rnd.kind})")
        for a in rnd.answers:
            score = f"{a.scorecard.overall:g}/100 {a.scorecard.band} ({a.scorecard.scorer})" if a.scorecard else "-"
            console.print(f"  {a.id} [{a.status}] {score}  {a.question.text}")
            if a.error:
                console.print(f"      [red]{a.error}[/]")
