"""`mockint score` (one answer, or a session's answers) and `mockint rubric test`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from mockint.cli.app import app, console, err_console, help_when_bare, print_json, settings, store
from mockint.cli.render import render_scorecard
from mockint.cli.transcribe import keyword_terms, keywords_option
from mockint.errors import MockintError, RubricDriftError, ScoringError, UsageError

if TYPE_CHECKING:
    from mockint.scoring.rubrics import Rubric
    from mockint.session import Session, SessionStore

rubric_app = typer.Typer(help="Check the rubrics: run their golden examples through a scorer.")
help_when_bare(rubric_app)
app.add_typer(rubric_app, name="rubric")


# --- inputs --------------------------------------------------------------------------


def _transcribe(path: Path, cfg, keywords: list[str] | None = None) -> Any:  # -> Transcript
    """`keywords`: job terms to bias recognition (--keywords, as `mockint transcribe` takes them)."""
    from mockint.errors import AudioError

    if not path.is_file():
        raise AudioError(f"{path}: no such file")
    try:
        from mockint.speech.transcribe import get_transcriber
    except ImportError:
        raise MockintError("transcription is not available in this install", hint="use --text FILE") from None
    try:
        transcript = get_transcriber(cfg).transcribe_file(path, keywords=keywords)
    except AudioError as exc:
        if exc.hint is None and _reads_as_text(path):
            raise AudioError(f"{path}: a text file, not audio", hint=f"score a typed answer with 'mockint score --text {path}'") from None
        raise
    if not transcript.text.strip():
        raise ScoringError(f"{path}: no speech found to score")
    return transcript


def _reads_as_text(path: Path) -> bool:
    from mockint.errors import UserFileError
    from mockint.userfiles import read_user_text

    try:
        read_user_text(path, "answer file")
    except UserFileError:
        return False
    return True


def _read_as(asked, typed: str | None) -> str | None:
    """How a typed question with typos was read (scoring/spelling.py), said when it was read as other words."""
    from mockint.scoring.spelling import read_question

    if not typed or asked.source != "custom":
        return None
    read = read_question(" ".join(typed.split()))
    if not read.changed:
        return None
    return f'Question read as "{read.text}" ({", ".join(f"{a!r} as {b!r}" for a, b in read.corrected)}).'


def _notes(asked, given: bool, kind_given: bool, transcript) -> tuple[str | None, str | None]:
    """What the card cannot say itself: (the kind it assumed, an answer too short to judge)."""
    from mockint.coaching.questions import load_bank
    from mockint.scoring.offline import BREVITY_CAPS

    assumed = short = None
    if not kind_given and asked.source == "custom":
        kinds = load_bank().kinds
        kind = kinds[asked.kind].name if asked.kind in kinds else asked.kind
        judged, known = f"judged as {kind[:1].lower() + kind[1:]}", ", ".join(kinds)
        assumed = (f"No --question: {judged}, and relevance is not judged; name the question with --question or --question-id, or its kind with --kind ({known})."
                   if not given else f"Kind guessed from the question's wording: {judged}; if that is wrong, name it with --kind ({known}).")
    words = len(transcript.text.split())
    if words < BREVITY_CAPS[0][0]:  # below this the offline scorer caps every criterion: too few words to show it
        short = f"Only {words} word{'s' if words != 1 else ''}: too short to judge fairly; these scores say little about a full answer."
    return assumed, short


def _delivery(transcript) -> Any:  # -> DeliveryMetrics | None
    """Delivery metrics when the delivery module is installed and the transcript has word timings."""
    if not transcript.words:
        return None
    try:
        from mockint.speech.delivery import compute_delivery
    except ImportError:
        return None
    return compute_delivery(transcript)


# --- output --------------------------------------------------------------------------


def scorecard_json(card) -> dict[str, Any]:
    return card.model_dump(mode="json")


# --- mockint score -------------------------------------------------------------------


@app.command("score")
def score_cmd(
    audio: Path | None = typer.Argument(None, metavar="AUDIO", help="an audio file to transcribe and score", show_default=False),
    text: Path | None = typer.Option(None, "--text", metavar="FILE", help="score a typed or saved transcript (- for stdin); a first line 'Q: ...' is its question"),
    session_id: str | None = typer.Option(None, "--session", help="re-score a session's answers (id, prefix or 'latest')"),
    question: str | None = typer.Option(None, "--question", "-q", help="the question the answer responds to (any wording)"),
    question_id: str | None = typer.Option(None, "--question-id", help="the bank question it answers ('mockint questions' lists ids)"),
    kind: str | None = typer.Option(None, "--kind", help="the kind of question, when the guess is wrong: behavioural, motivation, situational, approach or technical ('mockint questions --kind TEXT' shows the guess and what each is judged on)"),
    follows: str | None = typer.Option(
        None, "--follows", metavar="SESSION/ANSWER", help="the answer this replies to a follow-up on (latest/a01): judged told after it"
    ),
    offline: bool = typer.Option(False, "--offline", help="use the offline scorer even if an LLM is configured"),
    rescore_all: bool = typer.Option(False, "--all", help="with --session: re-score every answer with a transcript"),
    as_json: bool = typer.Option(False, "--json", help="machine-readable output (shape in docs/scoring.md)"),
    keywords: str | None = keywords_option(),
) -> None:
    """Score one answer (AUDIO or --text FILE) or a session's answers against the rubrics."""
    given = [x for x in (audio, text, session_id) if x is not None]
    if len(given) != 1:
        raise UsageError("give exactly one of AUDIO, --text FILE or --session ID")
    if keywords is not None and audio is None:
        raise UsageError("--keywords biases transcription, so it applies to AUDIO only: a typed answer or a session's is not transcribed")
    if session_id is not None:
        given_flag = next((f for f, v in (("--question", question), ("--question-id", question_id), ("--kind", kind), ("--follows", follows)) if v is not None), None)
        if given_flag:
            raise UsageError(f"{given_flag} cannot be used with --session: each answer keeps its own question")
        _score_session(session_id, offline=offline, rescore_all=rescore_all, as_json=as_json)
        return
    if rescore_all:
        raise UsageError("--all only applies with --session")

    from mockint.coaching.plan import same_words
    from mockint.practice import judge_typed_reply, read_typed_answer
    from mockint.records import Transcript
    from mockint.scoring import get_scorer
    from mockint.scoring.blend import offline_caveats
    from mockint.scoring.rubrics import load_rubrics

    # A follow-up's reply is judged on what the follow-up asks, told after the answer it follows:
    # a kind named too would judge it as another question (a story's result as a motivation answer).
    ignored = None
    if follows is not None and kind is not None:
        ignored = f"--kind {kind} is not used with --follows: a follow-up's reply is judged on what the follow-up asks."
        kind = None
    cfg = settings()
    rubrics = load_rubrics()
    file_question, typed_answer = read_typed_answer(text) if text is not None else (None, "")
    from_file = None
    if file_question and question is None and question_id is None and follows is None:
        # the question the file opens with is the one it answers, unless one was named
        question, from_file = file_question, "Question read from the file's first line (Q: ...); --question names another."
    asked = _question(question, question_id, kind)
    scorer = get_scorer(cfg, offline=offline)  # fail on bad settings before a slow transcription
    if text is not None:
        transcript = Transcript(text=typed_answer, duration=0.0)
        source = {"kind": "text", "path": str(text)}
    else:
        assert audio is not None
        transcript = _transcribe(audio, cfg, keyword_terms(keywords))
        source = {"kind": "audio", "path": str(audio)}
    # A bank question (by id, or typed in any wording) brings its criteria; other text is judged
    # on the criteria of its kind (a motivation question is not a STAR story).
    judged, followup = judge_typed_reply(asked, question, transcript, store(cfg), rubrics, follows=follows)
    card = judged.score(scorer, rubrics)
    delivery = _delivery(transcript)
    assumed, short = _notes(asked, bool(question or question_id), kind is not None or follows is not None, transcript)
    read_as = _read_as(asked, question)
    # What the candidate typed is what they were asked; the bank question it was matched to is said beside it.
    typed = " ".join(question.split()) if question else None
    matched = asked.text if asked.source == "bank" and typed is not None and not same_words(typed, asked.text) else None
    if as_json:
        print_json(
            {
                "source": source,
                "question": typed or (asked.text if question_id else None),
                "question_id": asked.id,
                "bank_question": matched,
                "question_kind": asked.kind,
                "transcript": transcript.text,
                "scorecard": scorecard_json(card),
                "delivery": delivery.model_dump(mode="json") if delivery else None,
                "notes": [n for n in (ignored, from_file, read_as, assumed, followup, short) if n] + offline_caveats(card, rubrics),
            }
        )
        return
    from rich.markup import escape

    if question or question_id:
        if matched:
            where = f"; matched to bank question {asked.id}: \"{matched}\""
        else:
            where = f", bank {asked.id}" if asked.source == "bank" else ""
        console.print(f"[bold]Q:[/] {escape(typed or asked.text)}  [dim]({asked.kind} question{escape(where)})[/]", soft_wrap=True)
    if ignored:
        console.print(f"[yellow]Note:[/] {escape(ignored)}", soft_wrap=True)
    if from_file:
        console.print(f"[dim]{escape(from_file)}[/]", soft_wrap=True)
    if read_as:
        console.print(f"[dim]{escape(read_as)}[/]", soft_wrap=True)
    if assumed:
        console.print(f"[dim]{escape(assumed)}[/]", soft_wrap=True)
    if followup:
        console.print(f"[yellow]Note:[/] {escape(followup)}", soft_wrap=True)
    if short:
        console.print(f"[yellow]Note:[/] {escape(short)}")
    if audio is not None:  # a typed answer is what was typed; a spoken one is what was heard
        from mockint.cli.render import you_said

        console.print(you_said(transcript), soft_wrap=True)
    render_scorecard(card, delivery=delivery, question=judged.question, text=judged.transcript.text,
                     typed=transcript.text if text is not None else None)


def _question(text: str | None, question_id: str | None, kind: str | None):  # -> QuestionRef
    """The question an answer responds to: a bank question by id or by its wording, else a
    custom question of the kind its words ask for; judged as `kind` when the user names one."""
    from mockint.coaching.questions import check_readable, load_bank, question_ref, with_kind

    if text is not None and question_id is not None:
        raise UsageError("give --question or --question-id, not both")
    bank = load_bank()
    if question_id is not None:
        found = bank.get(question_id)
        if found is None:
            raise UsageError(f"no bank question with id '{question_id}'", hint="'mockint questions' lists them")
        return found.ref() if kind is None else with_kind(found.ref(), kind, bank.kinds)
    if text is not None and not text.strip():
        # an empty shell variable, most likely: it had been read as no question, and judged as a story (a teacher's trial)
        raise UsageError("--question is empty", hint="give the question's words, or leave --question out")
    if text is not None:
        check_readable(text, "--question")
    return question_ref(text or "", bank, kind)


def _needs_scoring(answer, rescore_all: bool, *, llm: bool) -> bool:
    """Answers with a transcript that have no score yet, failed, or (with the LLM) still wait
    for the LLM's score practice did not wait for, or could not get."""
    if answer.transcript is None or not answer.transcript.text.strip():
        return False
    owed = llm and answer.llm_state in ("pending", "failed")
    return rescore_all or owed or answer.status in ("transcribed", "failed")


def _score_session(ref: str, *, offline: bool, rescore_all: bool, as_json: bool) -> None:
    from mockint.practice import judged_as
    from mockint.scoring import get_scorer
    from mockint.scoring.blend import offline_caveats
    from mockint.scoring.rubrics import load_rubrics

    cfg = settings()
    st = store(cfg)
    session = st.load(ref)
    scorer = get_scorer(cfg, offline=offline) if any(a.transcript is not None for a in session.answers) else None
    llm = scorer is not None and scorer.name != "offline"
    targets = [a for a in session.answers if _needs_scoring(a, rescore_all, llm=llm)]
    skipped = [a.id for a in session.answers if a not in targets]
    results: list[dict[str, Any]] = []
    failures: list[str] = []
    rubrics = load_rubrics() if targets else []
    if targets:
        assert scorer is not None
        for answer in targets:
            try:
                # Judged as practice judged it: on the criteria its question exercises, a probe's or
                # a plan follow-up's reply together with the answer it follows up.
                card = judged_as(session, answer).score(scorer, rubrics)
            except MockintError as exc:
                # The transcript (and an offline card) stay; the reason is kept so `score --session` can retry later.
                if llm:
                    answer.llm_failed(f"scoring failed: {exc}")
                else:
                    answer.fail(f"scoring failed: {exc}")
                failures.append(f"{answer.id}: {exc}")
            else:
                answer.take_card(card)
                if answer.delivery is None:
                    answer.delivery = _delivery(answer.transcript)
            st.save(session)  # after every answer, so an interruption keeps what was done
            results.append(
                {
                    "answer": answer.id,
                    "question": answer.question.text,
                    "status": answer.status,
                    "error": answer.llm_error if answer.llm_state == "failed" else answer.error,
                    "llm_state": answer.llm_state,
                    "scorecard": scorecard_json(answer.scorecard) if answer.status == "scored" else None,
                    "notes": offline_caveats(answer.scorecard, rubrics) if answer.status == "scored" else [],
                }
            )
    report = _refresh_report(session, st, rubrics, cfg.paths.ledger_file) if results and len(failures) < len(results) else None
    if as_json:
        print_json({"session": session.id, "scored": results, "skipped": skipped, "report": str(report) if report else None})
    elif not targets:
        console.print(
            f"Nothing to score in {session.id}: no answer is transcribed-but-unscored, failed or waiting for the LLM"
            + (" (use --all to re-score every answer)." if session.answers else ".")
        )
    else:
        for row, answer in zip(results, targets):
            if row["error"]:
                err_console.print(f"{answer.id}: {row['error']}", markup=False)
            elif row["status"] == "scored":
                render_scorecard(answer.scorecard, title=f"{answer.id}: {answer.question.text}", question=answer.question,
                                 text=answer.transcript.text if answer.transcript else "")
        console.print(f"session {session.id}: {len(results) - len(failures)} scored, {len(failures)} failed")
        if report is not None:
            console.print(f"Report updated: {report}", soft_wrap=True, markup=False)
    if failures:
        raise ScoringError(f"{len(failures)} of {len(targets)} answers failed to score; first: {failures[0]}")


def _refresh_report(session: Session, st: SessionStore, rubrics: list[Rubric], ledger_file: Path) -> Path | None:
    """The round's report, written again with the new scores, where practice wrote one."""
    from mockint.reporting.files import refresh_session_reports

    return refresh_session_reports(session, st, rubrics, ledger_file=ledger_file,
                                   on_warning=lambda message: err_console.print(f"warning: {message}", soft_wrap=True, markup=False))


# --- mockint rubric test -------------------------------------------------------------


@rubric_app.command("test")
def rubric_test(
    rubric_ids: list[str] | None = typer.Argument(None, metavar="RUBRIC", help="rubric ids (default: all)", show_default=False),
    offline: bool = typer.Option(False, "--offline", help="use the offline scorer even if an LLM is configured"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Score each rubric's golden examples; exit non-zero if any criterion drifts out of range."""
    from mockint.scoring import check_golden, get_scorer
    from mockint.scoring.rubrics import load_rubrics

    rubrics = load_rubrics(rubric_ids or None)
    scorer = get_scorer(settings(), offline=offline)
    report = check_golden(scorer, rubrics)
    if as_json:
        print_json(
            {
                "scorer": report.scorer,
                "rubrics": {r.id: r.version for r in rubrics},
                "examples": report.examples,
                "checks": report.checks,
                "drifts": [
                    {"rubric": d.rubric, "example": d.example, "criterion": d.criterion, "score": d.score, "expected": list(d.expected)}
                    for d in report.drifts
                ],
            }
        )
    else:
        for drift in report.drifts:
            console.print(f"DRIFT {drift}", markup=False)
        console.print(
            f"{report.examples} golden examples, {report.checks} checks, {len(report.drifts)} drifted "
            f"(scorer: {report.scorer}; rubrics: {', '.join(f'{r.id} {r.version}' for r in rubrics)})"
        )
    if report.drifts:
        raise RubricDriftError(f"{len(report.drifts)} golden check(s) out of range; first: {report.drifts[0]}")
