"""`mockint debrief NOTES`: import notes from the real first interview; ask about what is doubtful."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from mockint.cli.app import app, console, err_console, print_json, settings

QUESTIONS_SHOWN = 3
HOW = {"probed": "they came back to it", "forewarned": "round two will ask about it", "inferred": "several questions on it",
       "fell_flat": "went badly", "discussed": "came up, went fine"}


@app.command("debrief")
def debrief_cmd(
    notes_file: Path = typer.Argument(..., metavar="NOTES", help="your notes from the real first interview (text or Markdown; - for stdin)"),
    yes: bool = typer.Option(False, "--yes", "-y", help="ask nothing: keep what it is sure of, and concerns as the notes word them"),
    as_json: bool = typer.Option(False, "--json", help="machine-readable output"),
) -> None:
    """Import notes from your real first-round interview. Topics the interviewers kept coming
    back to, and answers that went badly, become weak areas that 'mockint plan' drills; topics
    that went fine are listed, not drilled. Write the notes any way you like, for example:

    \b
        - They asked twice about streaming vs batch
        - I fumbled the question on database migrations
        - Caching strategy went fine
        He kept coming back to exactly-once delivery and I didn't have a good answer.
        Fell flat: stakeholder management
        Q: data modelling for the orders table -> weak

    A topic is a short noun phrase ("exactly-once delivery"). When a reading is doubtful (a topic
    taken from a long sentence, "ok but too long"), mockint shows it and asks; with --yes (or with no
    one to answer) it keeps what it is sure of, and concerns doubted only for their wording as the notes word them.
    """
    from mockint.coaching.debrief import apply_debrief, edit_of, parse_debrief
    from mockint.coaching.ledger import load_ledger, save_ledger
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import feedback_readings
    from mockint.errors import DataFileError
    from mockint.scoring.rubrics import load_rubrics
    from mockint.userfiles import read_user_text

    cfg = settings()
    text = read_user_text(notes_file, "notes file")
    bank = load_bank()
    debrief = parse_debrief(text, bank, source=str(notes_file), feedback=feedback_readings(load_rubrics()))
    if debrief.empty:
        raise DataFileError(
            f"{notes_file}: found no topics or questions in these notes",
            hint="see 'mockint debrief --help' for the kinds of lines it reads",
        )
    unsure = [t for t in debrief.topics if not t.sure]
    kept = [t for t in debrief.topics if t.sure]
    ledger = load_ledger(cfg.paths.ledger_file)
    already = any(d.get("digest") == debrief.digest for d in ledger.debriefs)
    edited = None if already else edit_of(ledger, debrief)
    if not as_json:
        _show_understood(debrief, notes_file, kept)
    if already and unsure and not yes:  # said before asking: what is answered now is added to the ledger
        err_console.print("\nThese notes were already imported; anything new you keep now is added to the ledger.")
    dropped = []
    if unsure and yes:  # no one to ask: concerns doubted only for their wording stay, as the notes word them
        kept += [t for t in unsure if t.kept_unasked]
        dropped = [t for t in unsure if not t.kept_unasked]
    elif unsure:
        decided, dropped = _ask(unsure, bank)
        kept += decided
    debrief = debrief.keeping(kept)

    updated = apply_debrief(ledger, debrief)
    added = [t for t in [*debrief.concerns, *debrief.feedback] if t.id in updated.entries and t.id not in ledger.entries] if already or edited else []
    changed = updated != ledger
    if changed:
        save_ledger(updated, cfg.paths.ledger_file)
    if as_json:
        print_json(
            debrief.model_dump(mode="json")
            | {"left_out": [t.model_dump(mode="json") for t in dropped], "already_imported": already,
               "added": [t.id for t in added], "ledger": str(cfg.paths.ledger_file) if changed else None,
               "edit_of": edited.get("source") if edited else None}
        )
        return
    _show_result(debrief, dropped, already, added, cfg.paths.ledger_file if changed else None, bank, edited)


def _how(topic) -> str:
    how = HOW[topic.reason]
    if topic.reason in ("probed", "inferred"):
        how += f" ({topic.mentions}x)"
    if topic.reason in ("probed", "forewarned") and topic.went_badly:
        how += ", went badly"
    if topic.reason == "discussed" and not topic.went_well:
        how = "came up"  # the notes say nothing of how it went (trial 5 read "went fine" into such lines)
    return how


def _show_understood(debrief, notes_file: Path, sure) -> None:
    from rich.markup import escape

    console.print(f"[bold]Round-one debrief[/] from {escape(str(notes_file))}")
    if debrief.questions_asked:  # what the notes quote as asked; nothing to say when they quote none
        shown = "; ".join(f'"{q}"' for q in debrief.questions_asked[:QUESTIONS_SHOWN])
        more = len(debrief.questions_asked) - QUESTIONS_SHOWN
        console.print(f"  questions they asked: {escape(shown)}" + (f" and {more} more" if more > 0 else ""))
    for topic in sure:
        console.print(f"  {escape(topic.name)}: {_how(topic)}")


def _ask(unsure, bank):
    """Ask about each doubtful topic on stderr; read the answers from stdin. End of input = drop the rest."""
    from rich.markup import escape

    from mockint.coaching.debrief import settle

    kept, dropped = [], []
    for i, topic in enumerate(unsure):
        err_console.print(f"\n? [bold]{escape(topic.name)}[/]: {_how(topic)}  [dim]({escape(topic.doubt or 'not sure')})[/]")
        err_console.print(f"  from: {escape(topic.notes[0] if topic.notes else '')}", soft_wrap=True)
        judging = (topic.doubt or "").startswith("did it go badly")
        prompt = "  did it go badly? (y/n, or type the topic's name) " if judging else "  keep it? (y/n, or type the topic's name) "
        err_console.print(prompt, end="", markup=False)
        answer = sys.stdin.readline()
        if not answer:  # no one to ask (a script, a pipe): keep what is sure, and concerns as the notes word them
            err_console.print("\n  no answer: keeping what mockint is sure of and the concerns as your notes word them "
                              "(--yes does so without asking)")
            kept += [t for t in unsure[i:] if t.kept_unasked]
            dropped += [t for t in unsure[i:] if not t.kept_unasked]
            break
        answer = answer.strip()
        if not sys.stdin.isatty():
            err_console.print(answer, markup=False)  # piped answers show in the transcript too
        if answer.lower() in ("y", "yes"):
            kept.append(settle(topic, bank, went_badly=True) if judging else settle(topic, bank))
        elif answer.lower() in ("n", "no", ""):
            (kept.append(settle(topic, bank, went_badly=False)) if judging else dropped.append(topic))
        else:
            kept.append(settle(topic, bank, name=answer))
    return kept, dropped


def _show_result(debrief, dropped, already: bool, added, ledger_file: Path | None, bank, edited: dict | None) -> None:
    """What was imported; `added`: on notes imported before (or an edit of them, `edited`: that import), the concerns
    this run added; `ledger_file`: where the ledger was saved, None when nothing changed."""
    from rich.markup import escape
    from rich.table import Table

    concerns = debrief.concerns
    if concerns or debrief.feedback:
        table = Table(title="Employer concerns (now weak areas)", title_justify="left")
        for col in ("area", "why", "competencies"):
            table.add_column(col, overflow="fold")
        for t in concerns:
            table.add_row(escape(t.name), _how(t), ", ".join(bank.competency_name(c) for c in t.competencies) or "-")
        for area in debrief.feedback:  # "answers lacked numbers": the criterion itself, in every answer
            table.add_row(escape(area.name), escape(f"round-one feedback: {area.notes[0]}"), "every answer")
        console.print(table)
    else:
        console.print("No weak areas in these notes: nothing they kept coming back to, nothing that went badly.")
    fine = [t.name for t in debrief.topics if not t.concern and t.went_well]
    if fine:
        console.print(f"Also came up and went fine: {escape(', '.join(fine))}")
    said_nothing = [t.name for t in debrief.topics if not t.concern and not t.went_well]
    if said_nothing:
        console.print(f"Also came up (the notes do not say how it went): {escape(', '.join(said_nothing))}")
    if dropped:
        console.print(f"[dim]Left out (not sure): {escape(', '.join(t.name for t in dropped))}[/]")
    # every line is accounted for: none is dropped without a word, not even one read as going badly ("Dev seemed worried
    # I've never worked with academics ...": an HR partner's panel's main worry vanished without notice)
    from_topics = {n for t in debrief.topics for n in t.notes} | {n for area in debrief.feedback for n in area.notes}
    unread_lines = [*debrief.notes, *(n for n in debrief.fell_flat if n not in from_topics and n not in debrief.notes)]
    if unread_lines:
        unread = "; ".join(f'"{n}"' for n in unread_lines)
        console.print(f"[dim]No topic read in: {escape(unread)}[/]")
    if debrief.todos:
        console.print(f"[dim]Your own to-dos (not topics of the interview): {escape('; '.join(debrief.todos))}[/]")
    if debrief.not_asked:
        console.print(f"[dim]Not asked in round one (round two may): {escape('; '.join(debrief.not_asked))}[/]")
    if edited is not None:
        when = str(edited.get("imported_at", ""))[:10]
        new = ", ".join(t.name for t in added) or "nothing"
        console.print(f"[dim]These notes edit {escape(Path(str(edited['source'])).name)}, imported {escape(when)}: "
                      f"only what is new is added ({escape(new)}); what your answers since made of the rest stays.[/]",
                      soft_wrap=True)
    elif already and added:
        console.print(f"[dim]These notes were imported before; added now: {escape(', '.join(t.name for t in added))}.[/]")
    elif already and ledger_file is not None:  # only names the user gave anew
        console.print("[dim]These notes were imported before; their concerns now have the names you gave.[/]")
    elif already:
        console.print("[dim]These notes were already imported; the ledger is unchanged.[/]")
    if ledger_file is not None:
        console.print(f"[dim]Saved to {escape(str(ledger_file))}. Next: 'mockint plan'.[/]")
