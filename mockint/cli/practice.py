"""`mockint practice`, `mockint demo` and `mockint devices`: the voice session and its terminal UI.

mockint.practice runs the session; this module shows it (rich) and listens for Enter.
"""

from __future__ import annotations

import re
import shutil
import sys
import threading
from collections import deque
from pathlib import Path
from typing import Any

import typer

from mockint.cli.app import KeepsOptionOrder, app, check_choice, console, err_console, settings, store, typed_in_order
from mockint.coaching.questions import CATEGORY_SPELLINGS
from mockint.records import minutes_seconds

STOP_NAMES = {
    "enter": "you pressed Enter",
    "silence": "silence after you finished",
    "max": "maximum answer length",
    "interrupt": "interrupted",
    "stream-end": "the input device stopped",
}

# A question's heading names its kind in words, not the bank's ids (a contact centre lead's trial read "Question 2/6 ·
# first_round_probe" and "· followup" as internals); any other id is shown with spaces.
QUESTION_TITLES = {
    **{bank: said for said, bank in CATEGORY_SPELLINGS.items()},  # "behavioral" as the README and the cards spell it
    "first_round_probe": "on your first interview",
    "followup": "follow-up on an earlier answer",
    "probe": "on the answer you just gave",
}


class EnterWatcher:
    """One background thread reads stdin lines; a line sets the current answer's stop event.

    Lines typed outside a recording are ignored, and end of input (no terminal) never stops
    a recording: silence or the length limit do.
    """

    def __init__(self) -> None:
        self._current: threading.Event | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def _run(self) -> None:
        for _line in sys.stdin:
            with self._lock:
                if self._current is not None:
                    self._current.set()

    def arm(self, event: threading.Event) -> None:
        with self._lock:
            self._current = event
        if self._thread is None and sys.stdin is not None and sys.stdin.isatty():
            self._thread = threading.Thread(target=self._run, name="mockint-enter", daemon=True)
            self._thread.start()

    def disarm(self) -> None:
        with self._lock:
            self._current = None


def _meter(level_db: float, width: int = 24) -> str:
    filled = max(0, min(width, int((level_db + 60) / 60 * width)))
    colour = "green" if level_db < -6 else "red"
    return f"[{colour}]{'█' * filled}[/][dim]{'░' * (width - filled)}[/]"


def _mmss(seconds: float) -> str:
    return minutes_seconds(int(seconds))  # a countdown shows the whole seconds left, not rounded up


class ConsoleEvents:
    """Shows the session on the terminal; a PracticeEvents implementation."""

    def __init__(self, options: Any, *, interactive: bool, streamed: bool = True, verbose: bool = False) -> None:
        self.options = options
        self.streamed = streamed  # microphone answers, transcribed while spoken
        self.interactive = interactive
        self.verbose = verbose
        self.enter = EnterWatcher()
        self._live = None
        self._session_id = ""
        self._left: float | None = None  # seconds left under --answer-seconds
        self._shown_left: int | None = None
        # LLM scores arrive on another thread, maybe mid-recording: shown before the next question.
        self._notices: deque[str] = deque()
        self._llm_failure_told = False

    # mockint.practice.PracticeEvents -----------------------------------------------------

    def on_session(self, session, resumed: bool) -> None:
        self._session_id = session.id
        verb = "Resuming" if resumed else "Session"
        count = len(session.rounds[-1].questions)
        console.print(f"[bold]{verb} {session.id}[/]  [dim]({count} question{'s' if count != 1 else ''})[/]")
        if session.role:
            console.print(f"[dim]role: {session.role}; {len(session.keywords)} keywords bias transcription[/]")

    def on_status(self, message: str) -> None:
        console.print(f"[dim]{message}[/]")

    def on_warning(self, message: str) -> None:
        err_console.print(f"[yellow]warning:[/] {message}", soft_wrap=True)

    def on_question(self, number: int, total: int, question) -> None:
        from rich.markup import escape
        from rich.panel import Panel

        from mockint.scoring.kinds import classify

        self.show_notices()
        where = f"Question {number}/{total}" if number else ("Follow-up" if question.category == "probe" else "Question")
        # a question of your own is headed with the kind it is judged as, as its card says (trial 13: "custom" over an
        # approach card)
        label = question.category if question.category != "custom" else (question.kind or classify(question.text))
        label = QUESTION_TITLES.get(label, label.replace("_", " "))
        console.print()
        console.print(
            Panel(f"[bold]{escape(question.text)}[/]", title=f"{where} · {label}", title_align="left", expand=False)
        )
        if question.rationale:
            console.print(f"[dim]{escape(question.rationale)}[/]")

    def on_think(self, seconds: float) -> None:
        console.print(f"[dim]Take {seconds:.0f} s to think; recording starts next.[/]")

    def on_recording_started(self, answer, stop_event: threading.Event) -> None:
        self.enter.arm(stop_event)
        hint = f"Enter to stop · stops after {self.options.silence_stop_seconds:.0f} s of silence · max {_mmss(self.options.max_answer_seconds)}"
        limit = self.options.answer_seconds
        self._left = limit
        if limit:
            hint = f"Enter to stop · {_mmss(limit)} to answer, cut off at the limit"
        if self.interactive:
            from rich.live import Live

            self._hint = hint
            self._live = Live(self._status_line(0.0, -100.0, False), console=console, refresh_per_second=10, transient=True)
            self._live.start()
        else:
            console.print(f"[red]●[/] recording {answer.id}  [dim]({hint})[/]")

    def _status_line(self, elapsed: float, level: float, heard: bool) -> str:
        state = "" if heard else "  [dim]waiting for speech[/]"
        left = ""
        if self._left is not None:
            from mockint.practice import WARN_SECONDS_LEFT

            colour = "yellow" if self._left <= WARN_SECONDS_LEFT else "cyan"
            left = f"[{colour}]{_mmss(self._left)} left[/]  "
        return f"[red]● REC[/] {_mmss(elapsed)}  {left}{_meter(level)}  [dim]{self._hint}[/]{state}"

    def on_time_left(self, answer, seconds: float) -> None:
        self._left = seconds
        if self._live is None and seconds > 0 and int(seconds) % 15 == 0 and int(seconds) != self._shown_left:
            self._shown_left = int(seconds)  # no live line: a countdown line every 15 s
            console.print(f"[dim]{_mmss(seconds)} left[/]")

    def on_time_warning(self, answer, seconds: float) -> None:
        console.print(f"[yellow]{seconds:.0f} seconds left: land the result now.[/]")

    def on_level(self, status) -> None:
        if self._live is not None:
            self._live.update(self._status_line(status.elapsed, status.level_db, status.heard_speech))

    def on_transcript_part(self, answer, part) -> None:
        pass  # the terminal shows the whole transcript with the feedback, not piece by piece

    def on_recording_stopped(self, answer, result) -> None:
        self.enter.disarm()
        self._stop_live()
        console.print(f"Recorded {result.seconds:.1f} s ({STOP_NAMES.get(result.stopped_by, result.stopped_by)}).")
        self._left = None

    def _stop_live(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None

    def on_asker(self, panelist) -> None:
        from rich.markup import escape

        console.print(f"\n[bold magenta]{escape(panelist.name)}[/] [dim]({escape(panelist.role)})[/] asks:")

    def on_probe(self, parent, question) -> None:
        from rich.markup import escape

        ready = parent.latency.get("probe_ready")
        when = f" (ready {ready:.2f} s after the answer ended)" if ready is not None and self.streamed else ""
        console.print(f"[bold]Follow-up[/] on {escape(parent.id)}[dim]{when}[/]")

    def on_transcribed(self, answer) -> None:
        pass  # shown with the scores, a moment later

    def on_feedback(self, answer) -> None:
        from rich.markup import escape

        from mockint.cli.render import delivery_line, render_scorecard, you_said

        console.print()
        if answer.source_file:
            console.print(f"[dim]answer file: {escape(answer.source_file)}[/]", soft_wrap=True)
        if answer.transcript is not None and answer.transcript.text and answer.audio_path:  # a typed answer is what was typed
            console.print(you_said(answer.transcript))
        if answer.scorecard is not None:
            said = answer.transcript.text if answer.transcript else ""
            render_scorecard(answer.scorecard, compact=not self.verbose, delivery=answer.delivery,
                             question=answer.question, text=said, typed=said if answer.audio_path is None else None)
            if answer.llm_state == "pending":
                console.print("[dim]the LLM's score follows in the background; the next question does not wait for it[/]")
        elif answer.delivery is not None:
            console.print(delivery_line(answer.delivery))
        if answer.cut_off and answer.time_limit:
            console.print(f"[yellow]Ran long: cut off at the {_mmss(answer.time_limit)} limit[/] (saved up to there).")
        if answer.status == "failed":
            console.print(f"[red]{answer.id} failed:[/] {escape(answer.error or '')}")
        lat = answer.latency
        if lat:
            parts = [f"{k.replace('_', ' ')} {v:.2f} s" for k, v in lat.items()]
            # From a file, nothing was streamed: the times are the whole transcription and scoring.
            since = "after the answer ended" if self.streamed else "processing took"
            console.print(f"[dim]{since}: {', '.join(parts)}[/]")

    def on_llm_score(self, answer) -> None:
        from rich.markup import escape

        card = answer.scorecard
        if answer.llm_state == "scored" and card is not None:
            before = answer.offline_scorecard
            was = f" (offline {before.overall:g})" if before is not None else ""
            self._notices.append(f"[cyan]LLM score for {escape(answer.id)}:[/] {card.overall:g}/100 {card.band}{was}")
        elif answer.llm_state == "failed" and not self._llm_failure_told:
            self._llm_failure_told = True  # the summary counts them; one line here is enough
            self._notices.append(f"[yellow]{escape(answer.id)} keeps its offline score:[/] {escape(answer.llm_error or '')}")

    def skip_llm_wait(self) -> bool:
        return False  # Ctrl-C skips it in the terminal

    def show_notices(self) -> None:
        while self._notices:
            console.print(self._notices.popleft(), soft_wrap=True)

    def on_llm_wait(self, pending: int) -> None:
        from mockint.practice import rescore_command

        self.show_notices()
        console.print(
            f"[dim]waiting for {pending} LLM score{'s' if pending != 1 else ''} "
            f"(Ctrl-C skips; they stay pending for '{rescore_command(self._session_id)}')[/]"
        )

    def close(self) -> None:
        self.enter.disarm()
        self._stop_live()
        self.show_notices()


def print_summary(summary) -> None:
    from rich.markup import escape
    from rich.table import Table

    from mockint.practice import rescore_command
    from mockint.scoring.blend import band_shown, offline_caveats
    from mockint.scoring.rubrics import load_rubrics

    rubrics = load_rubrics()
    console.print()
    table = Table(title=f"Round {summary.round.index} summary", title_justify="left")
    for col in ("answer", "question", "status", "overall", "band", "scored by", "wpm", "fillers"):
        table.add_column(col, overflow="fold")
    from mockint.reporting.analysis import exchange_order, followed_label

    for a in exchange_order(summary.answers):  # each answer followed by its probes
        card, d = a.scorecard, a.delivery
        follows = followed_label(a, summary.session.id)
        table.add_row(
            f"{a.id} (follow-up on {a.probe_of})" if a.probe_of else f"{a.id} (reply on {follows})" if follows else a.id,
            escape(a.question.text[:60] + ("…" if len(a.question.text) > 60 else "")),
            a.status,
            f"{card.overall:g}" if card else "-",  # as the report shows it (one decimal at most)
            band_shown(card, offline_caveats(card, rubrics)) if card else "-",
            scored_by(a),
            f"{d.words_per_minute:.0f}" if d else "-",
            str(d.filler_count) if d else "-",
        )
    console.print(table)
    if summary.mean_overall is not None:
        basis = f" [dim]{escape(summary.mean_basis)}[/]" if summary.mean_basis else ""
        console.print(f"[bold]Mean overall: {summary.mean_overall:g}/100[/]{basis}")
    for line in summary.retold:
        console.print(f"[yellow]Same story twice:[/] {escape(line)}", soft_wrap=True)
    for view in summary.panel_views:
        console.print(f"[bold magenta]{escape(view.panelist.title)}[/]: {escape(view.verdict)}")
        for want in view.still_want[:3]:
            console.print(f"  [dim]still wants to know:[/] {escape(want)}")
    if summary.weak_areas:
        from mockint.coaching.weakness import shared_uncounted, shared_uncounted_line

        console.print("[bold]Repeated weak areas[/]")
        once = shared_uncounted(summary.weak_areas)
        for w in summary.weak_areas:
            # the ledger's word for an area it knew before ("improving": slipped once after it was fixed)
            status = f" ({w.status})" if w.carried and w.status and w.status != "open" else ""
            console.print(f"  - {escape(w.name)}{status}: {escape(w.summary(uncounted=w.uncounted != once))}")
            if w.advice:
                console.print(f"    [dim]{escape(w.advice)}[/]")
        if once:
            console.print(f"  [dim]{escape(shared_uncounted_line(summary.weak_areas, once))}[/]", soft_wrap=True)
    else:
        console.print("No weak area repeated across this round's answers.")
    # Only an answer with a transcript can be scored again; the others failed before it.
    rescorable = [a for a in summary.failed if a.transcript is not None and a.transcript.text.strip()]
    if rescorable:
        console.print(f"[yellow]{len(rescorable)} answer(s) failed to score; re-score with:[/] {rescore_command(summary.session.id)}")
    for line in llm_lines(summary):
        console.print(line, soft_wrap=True)
    if summary.report_path is not None:
        console.print(f"Report: {summary.report_path}", soft_wrap=True, markup=False)
        console.print(f"[dim]HTML with audio: {summary.report_path.with_suffix('.html')}[/]", soft_wrap=True)
    if summary.round.kind == "demo":
        console.print("[dim]Next: 'mockint practice' to answer questions yourself.[/]")
    else:
        console.print("[dim]Next: 'mockint plan' for a round that drills your weak areas.[/]")


def scored_by(answer) -> str:
    """Which scorer made the card shown, and why it is not the LLM's when one was asked for."""
    if answer.scorecard is None:
        return "-"
    if answer.scored_by_llm:
        return "LLM"
    return {"pending": "offline (LLM pending)", "failed": "offline (LLM failed)"}.get(answer.llm_state or "", "offline")


def llm_lines(summary) -> list[str]:
    """The LLM's part of the round, once: what is still pending and what it could not score."""
    from rich.markup import escape

    from mockint.practice import rescore_command

    lines = []
    command = rescore_command(summary.session.id)
    if summary.llm_pending:
        ids = ", ".join(a.id for a in summary.llm_pending)
        lines.append(f"[yellow]Not waited for, offline scores shown:[/] {ids}. The LLM scores them with: {command}")
    if summary.llm_failed:
        ids = ", ".join(a.id for a in summary.llm_failed)
        reason = escape(summary.llm_failed[0].llm_error or "")
        lines.append(f"[yellow]The LLM could not score {ids}; offline scores kept[/] ({reason}). Retry: {command}")
    return lines


def _run(practice_factory, run_fn, *, resumable: bool = True) -> None:
    """Run a practice round; Ctrl-C ends it cleanly with the resume command."""
    events, practice = practice_factory()
    session_holder: dict[str, Any] = {}
    try:
        summary = run_fn(practice, session_holder)
    except KeyboardInterrupt:
        events.close()
        sid = session_holder.get("id")
        if sid and resumable:
            err_console.print(f"\ninterrupted: everything recorded is saved. Continue with: mockint practice --resume {sid}")
        raise typer.Exit(130) from None
    finally:
        events.close()
    print_summary(summary)
    if summary.answers and not summary.scored:
        from mockint.errors import ScoringError

        raise ScoringError(f"none of the {len(summary.answers)} answers in this round could be scored (see above)")


def answer_file(value: str):  # -> AnswerFile
    """'FILE', 'QUESTION_ID=FILE' or 'probe=FILE' (the answer to the follow-up on the file before);
    a file whose own name has '=' still counts as a file."""
    from mockint.practice import PROBE_FILE_ID, AnswerFile

    question_id, sep, rest = value.partition("=")
    named = question_id == PROBE_FILE_ID or re.fullmatch(r"[a-z][a-z0-9_]*\.[a-z0-9_]+", question_id)
    if sep and not Path(value).exists() and named:
        return AnswerFile(Path(rest), question_id)
    return AnswerFile(Path(value))


def own_questions(typed: list[tuple[str, str]], *, mine: bool, questions_file: Path | None,
                  resume: bool) -> list:  # [OwnQuestion]
    """Your own questions for the round: the questions file's (--mine, --questions-file), then
    each typed one, (flag, question), in the order given (an error names the flag it was typed with).
    A usage mistake exits 2, as does a bad questions file."""
    from mockint.coaching.own_questions import gather, own_questions_path
    from mockint.coaching.questions import load_bank
    from mockint.errors import UsageError

    if mine and questions_file is not None:
        raise UsageError("give --mine or --questions-file, not both", hint=f"--mine reads {own_questions_path()}")
    path = own_questions_path() if mine else questions_file
    if not typed and path is None:
        return []
    if resume:
        flags = ", ".join(dict.fromkeys(flag for flag, _ in typed)) or "--my-question"
        raise UsageError(f"a resumed round keeps its own questions: {flags}, --mine and --questions-file start a new one")
    return gather([text for _, text in typed], path, load_bank(), typed_as=[flag for flag, _ in typed])


@app.command("practice", cls=KeepsOptionOrder)
def practice_cmd(
    ctx: typer.Context,
    questions: int | None = typer.Option(
        None, "--questions", "-n", min=1, max=20, show_default=False,
        help="how many questions (default: 3 from the bank, or all your own); bank questions fill the rest after yours",
    ),
    my_question: list[str] | None = typer.Option(
        None, "--my-question", metavar="QUESTION",
        help="your own question, asked before any bank question and judged on its kind's criteria (repeat for more, in order)",
    ),
    # --my-question's name until stop 24, kept working: `questions --ask` (now --to-ask) read as the same flag
    ask: list[str] | None = typer.Option(None, "--ask", metavar="QUESTION", hidden=True),
    mine: bool = typer.Option(
        False, "--mine", help="ask your own questions from my_questions.yaml beside config.toml (see 'mockint config')"
    ),
    questions_file: Path | None = typer.Option(
        None, "--questions-file", metavar="FILE", help="ask your own questions from FILE (the shape of my_questions.yaml)"
    ),
    category: str | None = typer.Option(None, "--category", help="behavioral, motivation, situational, role_specific, ..."),
    role: str | None = typer.Option(None, "--role", help="the role you are interviewing for (tailors the questions)"),
    job_description: Path | None = typer.Option(
        None, "--job-description", "--jd", metavar="FILE",
        help="a pasted job description: tailors the questions, its terms bias transcription",
    ),
    plan: bool = typer.Option(False, "--plan", help="ask the next-round plan that drills your repeated weak areas"),
    device: str | None = typer.Option(None, "--device", help="input device name or number ('mockint devices')"),
    speak: bool | None = typer.Option(None, "--speak/--no-speak", help="read each question aloud (espeak-ng)"),
    think_seconds: float | None = typer.Option(None, "--think-seconds", min=0, help="pause before recording"),
    max_answer_seconds: float | None = typer.Option(None, "--max-answer-seconds", min=1, help="stop recording here"),
    answer_seconds: float | None = typer.Option(
        None, "--answer-seconds", min=5, metavar="N",
        help="time pressure: N seconds per answer, a countdown, a warning at 30 s left, cut off at the limit",
    ),
    silence_stop_seconds: float | None = typer.Option(
        None, "--silence-stop-seconds", min=0.5, help="stop after this much silence following speech"
    ),
    answers_from: list[str] | None = typer.Option(
        None, "--answers-from", metavar="[ID=]FILE",
        help="answer from audio files, or typed answers (.txt, .md), instead of the microphone (repeat, or list several), your own questions "
        "first; ID=FILE answers the bank question ID (see 'mockint questions'); probe=FILE answers the "
        "follow-up on the file before it",
    ),
    probes: int = typer.Option(
        1, "--probes", min=0, max=3, help="follow-ups on a weak point of each answer, asked before moving on (0: none)"
    ),
    panel: str | None = typer.Option(
        None, "--panel", metavar="NAME",
        help="a panel of 2-4 interviewers asks, in turns, each with their own focus and voice (panels/panels.yaml)",
    ),
    resume: str | None = typer.Option(None, "--resume", help="continue an interrupted session (id, prefix or 'latest')"),
    offline: bool = typer.Option(False, "--offline", help="use the offline scorer even if an LLM is configured"),
    seed: int | None = typer.Option(None, "--seed", help="same seed, same questions"),
    extra_files: list[str] | None = typer.Argument(None, hidden=True, metavar="FILE", help="more --answers-from files"),
) -> None:
    """Practice out loud: hear or read each question, answer into the microphone, get scored feedback."""
    from mockint.practice import Practice, PracticeOptions
    from mockint.userfiles import read_user_text

    if category is not None:
        from mockint.coaching.questions import bank_category, load_bank

        category = bank_category(category)
        check_choice(category, load_bank().categories, "--category")
    if panel is not None and plan:
        raise typer.BadParameter("a panel asks its own questions; use --plan without --panel", param_hint="--panel")
    if resume is not None and (plan or answers_from or extra_files):
        # a sales trial's "--plan --resume cce6 --answers-from a1.txt" asked nothing and used no file, without a word
        given = "--plan" if plan else "--answers-from"
        raise typer.BadParameter(f"--resume continues a round as it was, so it takes no {given}: start a new round "
                                 f"with {given} instead", param_hint="--resume")
    typed = typed_in_order(ctx, my_question=("--my-question", my_question), ask=("--ask", ask))
    own = own_questions(typed, mine=mine, questions_file=questions_file, resume=resume is not None)
    files = list(answers_from or [])
    if extra_files:
        if not files:
            raise typer.BadParameter("unexpected argument; audio files go after --answers-from", param_hint="FILE")
        files += list(extra_files)  # `--answers-from a.wav b.wav` (shell globs)
    cfg = settings()
    options = PracticeOptions.from_settings(
        cfg,
        questions=questions,
        category=category,
        role=role,
        job_description=read_user_text(job_description, "job description file") if job_description else None,
        use_plan=plan,
        device=device,
        speak=speak,
        think_seconds=think_seconds,
        max_answer_seconds=max_answer_seconds,
        silence_stop_seconds=silence_stop_seconds,
        answers_from=[answer_file(f) for f in files],
        offline=offline,
        seed=seed,
        probes=probes,
        answer_seconds=answer_seconds,
        panel=panel,
        own_questions=own,
    )
    if files:
        options.speak = False
        options.think_seconds = 0

    def factory():
        events = ConsoleEvents(options, interactive=console.is_terminal, streamed=not files)
        return events, Practice(cfg, store(cfg), events=events)

    def run(practice, holder):
        session = practice.resume(resume, options) if resume else practice.start(options)
        holder["id"] = session.id
        return practice.run(session, options)

    _run(factory, run)


@app.command("demo")
def demo_cmd() -> None:
    """See the whole product with no microphone and no API key: bundled spoken answers,
    transcribed and scored offline, then a report."""
    from mockint.practice import Practice, PracticeOptions
    from mockint.session import SessionStore

    cfg = settings()
    options = PracticeOptions(think_seconds=0, offline=True, update_ledger=False)
    # Its own folder, emptied each run: the demo's weak answers must not become your weak
    # areas, your plan or a point on your progress chart.
    demo_store = SessionStore(cfg.paths.demo_dir)
    for old in demo_store.ids():
        shutil.rmtree(demo_store.folder(old), ignore_errors=True)

    def factory():
        events = ConsoleEvents(options, interactive=False, streamed=False)
        return events, Practice(cfg, demo_store, events=events)

    def run(practice, holder):
        console.print("[bold]mockint demo[/]: four recorded answers to second-round questions, strong and weak.")
        console.print(
            f"It runs in its own folder, {cfg.paths.demo_dir}, replaced by the next demo: it stays out of your "
            "sessions, weakness ledger, plan and progress.",
            soft_wrap=True, markup=False,
        )
        session = practice.start_demo()
        holder["id"] = session.id
        return practice.run(session, options)

    _run(factory, run, resumable=False)


@app.command("devices")
def devices_cmd() -> None:
    """List the audio input devices (for --device)."""
    from rich.markup import escape
    from rich.table import Table

    from mockint.errors import DeviceError
    from mockint.speech.record import list_input_devices

    inputs = list_input_devices()
    if not inputs:
        raise DeviceError(
            "no audio input device found",
            hint="connect a microphone; on Linux check that PulseAudio/PipeWire or ALSA sees it ('arecord -l')",
        )
    table = Table(title="Input devices", title_justify="left")
    for col in ("#", "name", "host API", "channels", "default rate", "default"):
        table.add_column(col)
    for d in inputs:
        table.add_row(
            str(d.index), escape(d.name), d.host_api, str(d.channels), f"{d.default_samplerate:.0f}", "*" if d.is_default else ""
        )
    console.print(table)
    console.print("[dim]Use one with: mockint practice --device NAME_OR_NUMBER[/]")
