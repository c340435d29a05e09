"""How a scorecard and delivery metrics look in the terminal; shared by score and practice."""

from __future__ import annotations

from mockint.cli.app import console
from mockint.records import minutes_seconds

# Said instead of "nothing major" where a criterion's level is the offline cues' and they cannot check its
# content (its rubric's offline_caveat): a trial user's confidently wrong sepsis plan read "nothing major".
NOTHING_THE_CUES_SEE = (
    "nothing the offline cues can see, but they cannot tell a right or safe answer from a wrong one "
    "(note above): have someone who knows the job check what you said."
)
# ... and said after the cues' own tips: a trial's confidently wrong safeguarding answer read "80/100 · strong" with
# only "say why - the trade-off" to change.
CHECK_WHAT_YOU_SAID = ("Have someone who knows the job check what you said: the offline cues cannot tell a right or "
                       "safe answer from a wrong one (note above).")


def _time(value: float | None) -> str:
    return f"{value:.1f}s"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _rubric_label(card, rubric_id: str) -> str:
    """A rubric's name in the score line, or its one counted criterion's: two trial users read "specificity 100"
    beside four specificity criteria shown n/a as a score from nowhere (it was relevance alone)."""
    counted = [c for c in card.criteria if c.rubric == rubric_id and c.applies]
    return (counted[0].name or rubric_id).lower() if len(counted) == 1 else rubric_id


def you_said(transcript) -> str:
    """What was heard, as the scorer read it: a candidate sees a mis-hearing ("I won acting team leader")
    before it is quoted back as theirs."""
    from rich.markup import escape

    return f"[bold]You said[/] [dim]({transcript.duration:.0f} s)[/]: {escape(transcript.text)}"


def scorer_label(card) -> str:
    if card.scorer == "offline":
        return f"offline scorer (rule-based, no LLM{'; ' + card.model if card.model else ''})"
    label = f"LLM scorer ({card.model or 'unknown model'}, prompt {card.prompt_version or '-'})"
    return f"{label}, checked against the {card.checked_by}" if card.checked_by else label


def render_scorecard(card, *, compact: bool = False, title: str | None = None, delivery=None, question=None,
                     text: str = "", typed: str | None = None) -> None:
    """Per criterion: score, verified evidence with its time, one line of feedback (in the words that fit
    what the answer `text` did, read as an answer to the QuestionRef `question` it was judged on:
    card.criterion_words).

    `typed`: a typed answer's own words (no `delivery`), said as speaking time and written fillers.
    `compact` (after each practice answer): the best quote, shortened, beside the feedback.
    Otherwise (`mockint score`): every verified quote with start-end, and dropped quotes counted."""
    from rich.markup import escape
    from rich.table import Table

    from mockint.scoring import story_not_reasons
    from mockint.scoring.blend import band_shown, offline_caveats
    from mockint.scoring.card import criterion_words
    from mockint.scoring.rubrics import criteria_by_key, load_rubrics

    rubrics = load_rubrics()
    specs = criteria_by_key(rubrics)

    if compact:
        table = Table(title=title, show_header=True, box=None, pad_edge=False, expand=False)
        table.add_column("criterion", style="bold")
        table.add_column("score", justify="right")
        table.add_column("evidence → feedback", overflow="fold")
    else:
        table = Table(title=title, show_lines=True, expand=False)
        for col in ("criterion", "score", "evidence (verified quote, start-end)", "feedback"):
            table.add_column(col, justify="right" if col == "score" else "left")
    # the criteria the question is judged on first: a trial's motivation card opened on four n/a rows
    for c in sorted(card.criteria, key=lambda c: not c.applies):
        name = c.name or c.key
        if not c.applies:  # scored but not counted: the question does not ask for it, or it could not be judged
            why = escape(c.feedback) if not c.judged and c.feedback else "not asked by this question"
            cells = [f"[dim]{why}[/]"] if compact else ["[dim]-[/]", f"[dim]{why}[/]"]
            table.add_row(f"[dim]{name}[/]", "[dim]n/a[/]", *cells)
            continue
        colour = "green" if c.score >= 3 else "yellow" if c.score == 2 else "red"
        spec = specs[c.key][1] if c.key in specs and question is not None else None
        words = escape(criterion_words(c, spec, lambda: story_not_reasons(question, text)))
        notes = []
        if c.capped:
            notes.append("[yellow](capped: no quote verified)[/]")
        if c.lowered:
            notes.append(f"[yellow](lowered: {escape(c.lowered)})[/]")
        if c.raised:
            notes.append(f"[dim](raised: {escape(c.raised)})[/]")
        if c.rejected_quotes:
            notes.append(f"[dim]({len(c.rejected_quotes)} quote(s) not found in the answer, dropped)[/]")
        if compact:
            best = c.evidence[0] if c.evidence else None
            said = ""
            if best is not None:
                at = f" [dim]@{best.start:.0f}s[/]" if best.start is not None else ""
                said = f'[italic]"{escape(_short(best.quote, 70))}"[/]{at}\n'
            table.add_row(name, f"[{colour}]{c.score}/{c.max_score}[/]", f"{said}{words} {' '.join(notes)}".rstrip())
        else:
            quotes = [
                f'"{escape(e.quote)}"' + (f" [{_time(e.start)}-{_time(e.end)}]" if e.start is not None else "")
                for e in c.evidence
            ]
            label = f"{name}\n[dim]{c.key}[/]"
            table.add_row(label, f"[{colour}]{c.score}/{c.max_score}[/]", "\n".join(quotes + notes) or "-", words)
    console.print(table)
    per_rubric = ", ".join(f"{_rubric_label(card, k)} {v:.0f}" for k, v in card.rubric_scores.items())
    level = f"criteria average {card.level:.1f}/4; " if card.level is not None else ""
    caveats = offline_caveats(card, rubrics)
    band = band_shown(card, caveats)
    console.print(f"[bold]Overall {card.overall:g}/100 · {band}[/]  [dim]({level}{per_rubric}; {scorer_label(card)})[/]")
    if card.overall_capped:
        console.print(f"[yellow]Capped:[/] {escape(card.overall_capped)}")
    for caveat in caveats:
        console.print(f"[yellow]Note:[/] {escape(caveat)}")
    if card.improvements:
        console.print("[bold]Most worth changing:[/]")
        for tip in card.improvements[:2]:
            console.print(f"  → {escape(tip)}")
        if caveats:
            console.print(f"  → {CHECK_WHAT_YOU_SAID}")
    elif caveats:  # "nothing major" would vouch for what the note says the cues cannot check
        console.print(f"[bold]Most worth changing:[/] {NOTHING_THE_CUES_SEE}")
    elif any(c.applies for c in card.criteria):
        from mockint.coaching.weakness import too_long_said

        # a 510-word typed answer read "nothing major" on its card and "weak in 2 answers (a18 510 typed words, about
        # 3:39 said)" on Answer length in the round's summary (a trial)
        long = too_long_said(delivery, typed or "")
        change = f"its length, {escape(long)}" if long else "nothing major"
        console.print(f"[bold]Most worth changing:[/] {change}: every criterion counted is at a strong level.")
    if delivery is not None:
        console.print(delivery_line(delivery))
    elif typed:  # its length said as speaking time, its fillers as written
        from mockint.coaching.weakness import typed_delivery

        console.print(f"[bold]Delivery:[/] {escape(typed_delivery(typed))}", soft_wrap=True)


def delivery_line(d) -> str:
    from mockint.coaching.weakness import answer_too_long

    first = f", first word after {d.time_to_first_word:.1f} s" if d.time_to_first_word is not None else ""
    fillers = ", ".join(f"{k} ×{v}" for k, v in sorted(d.fillers.items(), key=lambda kv: -kv[1])[:3])
    note = answer_too_long(d)
    length = f"[yellow]{note}[/]" if note else f"{minutes_seconds(d.answer_seconds)} long"
    return (
        f"[bold]Delivery:[/] {length}, {d.words_per_minute:.0f} words/min, {d.filler_count} fillers"
        + (f" ({fillers}; {d.fillers_per_100_words:.1f} per 100 words)" if fillers else "")
        + f", {len(d.long_pauses)} long pauses{first}"
    )
