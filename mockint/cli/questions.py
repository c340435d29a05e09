"""`mockint questions`: browse, filter or tailor the question bank; list questions to ask."""

from __future__ import annotations

from pathlib import Path

import typer

from mockint.cli.app import app, check_choice, console, print_json


@app.command("questions")
def questions_cmd(
    category: str | None = typer.Option(None, "--category", "-c", help="behavioral, motivation, situational, role_specific, technical, first_round_probe"),
    competency: str | None = typer.Option(None, "--competency", help="e.g. conflict_resolution, leadership"),
    search: str | None = typer.Option(None, "--search", "-s", help="words to find in the question"),
    to_ask: bool = typer.Option(False, "--to-ask", help="list good questions to ask the interviewer instead"),
    # --to-ask's name until stop 24, kept working: `practice --ask` (now --my-question) read as the same flag
    ask: bool = typer.Option(False, "--ask", hidden=True),
    role: str | None = typer.Option(None, "--role", help="tailor a selection to this role"),
    jd: Path | None = typer.Option(
        None, "--job-description", "--jd", metavar="FILE", help="tailor a selection to this job description (text file)"
    ),
    n: int | None = typer.Option(None, "-n", min=1, help="pick this many questions (tailored when --role/--jd is given)"),
    seed: int | None = typer.Option(None, "--seed", help="same seed, same selection"),
    kind_of: str | None = typer.Option(
        None, "--kind", metavar="TEXT", help="say which kind of question TEXT is and what its answer is judged on"
    ),
    mine: bool = typer.Option(
        False, "--mine", help="list your own questions (my_questions.yaml beside config.toml) and how each will be judged"
    ),
    as_json: bool = typer.Option(False, "--json", help="machine-readable output"),
) -> None:
    """Browse the second-round question bank, or pick a round tailored to a role."""
    from mockint.coaching.questions import extract_keywords, load_bank, question_ref, select_questions
    from mockint.userfiles import read_user_text

    bank = load_bank()
    if kind_of is not None:
        # How a typed question (score --question, a plan's, a debrief's) will be judged: the check a
        # coach runs after editing the kinds' patterns in rubrics/questions.yaml.
        if not kind_of.strip():
            from mockint.errors import UsageError

            raise UsageError("--kind needs the question's text, e.g. --kind \"Why do you want to work here?\"")
        from mockint.scoring.rubrics import criteria_by_key, load_rubrics

        ref = question_ref(kind_of, bank)
        if as_json:
            print_json(ref.model_dump(include={"id", "text", "kind", "criteria", "source"}))
            return
        kind = bank.kinds[ref.kind].name if ref.kind in bank.kinds else ref.kind
        named = criteria_by_key(load_rubrics())
        if ref.source == "custom" and ref.text != " ".join(kind_of.split()):
            from rich.markup import escape

            console.print(f"read as: {escape(ref.text)}  [dim](typos read as the words they are closest to)[/]", soft_wrap=True)
        console.print(f"kind: {kind}" + (f"  [dim](bank question {ref.id})[/]" if ref.source == "bank" else ""))
        console.print("judged on: " + ", ".join(f"{named[k][1].name} [dim]({k})[/]" if k in named else k for k in ref.criteria))
        return
    if mine:
        _show_own_questions(bank, as_json=as_json)
        return
    if to_ask or ask:
        items = [q.model_dump() for q in bank.questions_to_ask]
        if as_json:
            print_json(items)
            return
        console.print("[bold]Questions to ask the interviewer[/]")
        for i, q in enumerate(bank.questions_to_ask, 1):
            console.print(f"{i}. {q.text}")
            if q.why:
                console.print(f"   [dim]{q.why}[/]")
        return

    if category is not None:
        from mockint.coaching.questions import bank_category

        category = bank_category(category)
    check_choice(category, bank.categories, "--category")
    check_choice(competency, bank.competencies, "--competency")
    job_description = read_user_text(jd, "job description file") if jd is not None else None

    if n is not None or role or job_description:
        picked = select_questions(
            bank, n if n is not None else 6, category=category, role=role, job_description=job_description, seed=seed
        )
        if competency or search:
            allowed = {q.id for q in bank.filter(competency=competency, search=search)}
            picked = [q for q in picked if q.id in allowed]
        rows = [q.model_dump(exclude={"source", "targets"}) for q in picked]
        keywords = extract_keywords(" ".join(filter(None, [role, job_description])))
        if as_json:
            print_json({"keywords": keywords, "questions": rows})
            return
        if keywords:
            console.print(f"[dim]role keywords: {', '.join(keywords[:12])}[/]")
    else:
        found = bank.filter(category=category, competency=competency, search=search)
        rows = [q.model_dump() for q in found]
        if as_json:
            print_json(rows)
            return
    if not rows:
        console.print("No questions match.")
        return
    from rich.table import Table

    table = Table(show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("question", overflow="fold", ratio=3)
    table.add_column("competencies", overflow="fold", ratio=1)
    for r in rows:
        table.add_row(r["id"], r["text"], ", ".join(r["competencies"]))
    console.print(table)
    console.print(f"[dim]{len(rows)} of {len(bank.questions)} questions; --json shows categories and rubric criteria[/]")


def _show_own_questions(bank, *, as_json: bool) -> None:
    """Your questions file as a round would ask it: each question's id and the kind it is judged as."""
    from rich.markup import escape
    from rich.table import Table

    from mockint.coaching.own_questions import OWN_ID_PREFIX, load_own_questions, own_questions_path, own_refs

    path = own_questions_path()
    refs = own_refs(load_own_questions(path, bank), bank)
    if as_json:
        print_json([r.model_dump(include={"id", "text", "kind", "criteria", "rationale"}) for r in refs])
        return
    table = Table(title=str(path), title_justify="left")
    table.add_column("#", no_wrap=True)
    table.add_column("question", overflow="fold", ratio=3)
    table.add_column("judged as", overflow="fold", ratio=1)
    for i, r in enumerate(refs, 1):
        kind = bank.kinds[r.kind].name if r.kind in bank.kinds else (r.kind or "")
        table.add_row(str(i), escape(r.text), escape(kind) + (f" [dim](bank {r.id})[/]" if not r.id.startswith(OWN_ID_PREFIX) else ""))
    console.print(table)
    console.print("[dim]Practise them with 'mockint practice --mine'; a wrong kind is fixed with `kind:` in the file.[/]")
