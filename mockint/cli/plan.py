"""`mockint plan`: the next round's targeted questions."""

from __future__ import annotations

from pathlib import Path

import typer

from mockint.cli.app import app, console, err_console, print_json, settings, store


@app.command("plan")
def plan_cmd(
    session_id: str | None = typer.Option(None, "--session", help="session id, prefix or 'latest' (default: latest)"),
    n: int = typer.Option(6, "-n", min=1, max=20, help="how many questions"),
    offline: bool = typer.Option(False, "--offline", help="templates only, even when an LLM is configured"),
    seed: int | None = typer.Option(
        None, "--seed", help="same seed, same bank picks (default: those 'practice --plan' makes)"
    ),
    as_json: bool = typer.Option(False, "--json", help="machine-readable output"),
) -> None:
    """Plan the next round: questions that drill your repeated weak areas, each with its evidence.

    Records the session's answers in the weakness ledger, finds the weak areas (this round's,
    plus open ones from earlier rounds and round-one notes), and stores the plan in the
    session's last round for 'mockint practice --plan'.
    """
    from mockint.coaching.ledger import plan_from_ledger
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import shared_uncounted, shared_uncounted_line
    from mockint.practice import DEFAULT_QUESTIONS
    from mockint.records import utc_now
    from mockint.scoring.rubrics import load_rubrics

    cfg = settings()
    st = store(cfg)
    session = st.load(session_id or "latest") if session_id or st.ids() else None
    warnings: list[str] = []
    next_round = plan_from_ledger(
        cfg, session, load_bank(), load_rubrics(), n=n, offline=offline, seed=seed, on_warning=warnings.append
    )
    weak, plan, ledger = next_round.weak_areas, next_round.questions, next_round.ledger
    stored = False
    report = None
    if session is not None and session.rounds:
        session.rounds[-1].plan = plan
        session.rounds[-1].planned_at = utc_now()
        st.save(session)
        stored = True
        report = _refresh_report(session, st, cfg.paths.ledger_file, warnings.append)
    for w in warnings:
        err_console.print(f"[yellow]warning:[/] {w}")

    status = {e.id: e.status for e in ledger.entries.values()}
    if as_json:
        print_json(
            {
                "session": session.id if session else None,
                "generator": "llm" if next_round.llm_used else "offline",
                "weak_areas": [w.model_dump(mode="json") | {"status": status.get(w.id, "open")} for w in weak],
                "plan": [q.model_dump(mode="json") for q in plan],
                "stored": stored,
            }
        )
        return
    if not weak:
        console.print("No weak areas: nothing fell below its threshold in two or more answers, and the ledger has nothing open.")
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Weak areas", title_justify="left")
    for col in ("area", "status", "how often / how badly"):
        table.add_column(col, overflow="fold")
    once = shared_uncounted(weak)
    for w in weak:
        table.add_row(escape(w.name), status.get(w.id, "open"), w.summary(uncounted=w.uncounted != once))
    console.print(table)
    if once:
        console.print(f"[dim]{escape(shared_uncounted_line(weak, once))}[/]", soft_wrap=True)
    console.print()
    console.print("[bold]Next round[/]")
    for i, q in enumerate(plan, 1):
        console.print(f"{i}. [bold]{escape(q.text)}[/]")
        # The rationale starts with the weak area's name: the id is for --json and the session file.
        source = "bank question" if q.source == "bank" else "follow-up"
        console.print(f"   [dim]{source} · drills {escape(q.rationale or q.targets or '')}[/]")
    if len(plan) < n:  # trial 12: "plan -n 6" gave 4 questions and no word why
        drilled = {q.targets for q in plan}
        undrilled = [w.name for w in weak if w.id not in drilled]
        # the way on for a concern the bank has no fresh question for (a support lead's trial found it by looking)
        why = (f": no question the plan could find fits the other weak areas ({', '.join(undrilled)}); ask yourself one "
               f'in your own words with mockint practice --my-question "..."' if undrilled
               else ": each weak area has the questions it needs")
        console.print(f"[dim]{len(plan)} of the {n} questions asked for{escape(why)}.[/]", soft_wrap=True)
    if stored:
        updated = " (its report updated)" if report is not None else ""
        console.print(f"\n[dim]Plan stored in session {session.id}, round {session.rounds[-1].index}{updated}: "
                      "run 'mockint practice --plan'.[/]")
    elif session is None:
        more = f" -n {len(plan)}" if len(plan) != DEFAULT_QUESTIONS else ""
        console.print(f"\n[dim]No session yet to store the plan in: 'mockint practice --plan{more}' asks these "
                      "questions, planned again from the same ledger.[/]", soft_wrap=True)


def _refresh_report(session, st, ledger_file, warn) -> Path | None:
    """The session's report written again with the plan in it, where a round wrote one; a report that cannot be written
    is a warning, not the plan's failure."""
    from mockint.errors import MockintError
    from mockint.reporting.files import refresh_session_reports
    from mockint.scoring.rubrics import load_rubrics

    try:
        return refresh_session_reports(session, st, load_rubrics(), ledger_file=ledger_file, on_warning=warn)
    except MockintError as exc:
        warn(f"report not updated: {exc} (try 'mockint report {session.id}')")
        return None
