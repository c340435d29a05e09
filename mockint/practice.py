"""The practice session: ask, record, transcribe while recording, score, give feedback.

Orchestration only. Every outside effect is injected, so the loop runs the same from the
microphone, from audio files (`--answers-from`, `mockint demo`) and under test:
  - `events`: what the user sees (the CLI prints; tests record);
  - `stream_factory`: the audio input (sounddevice by default);
  - `speaker`: text-to-speech; `sleep`/`clock`: think time and latency timing.

Every step's result is saved as soon as it exists: an answer is in session.json with status
`recorded` from the moment its recording starts (its WAV grows on disk), then `transcribed`,
then `scored` (or `failed`, keeping the transcript). A crash or Ctrl-C loses at most the
audio of the last fraction of a second, and `resume` picks up from the file.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockint.errors import (
    AudioError,
    DeviceError,
    LLMError,
    MockintError,
    ScoringError,
    SessionError,
    TranscriptionError,
    UsageError,
)
from mockint.records import QuestionRef, Transcript, utc_now
from mockint.reporting.analysis import mean_overall
from mockint.scoring import score_question
from mockint.session import Answer, Round, Session, SessionStore

if TYPE_CHECKING:
    from mockint.coaching.questions import QuestionBank
    from mockint.coaching.weakness import WeakArea
    from mockint.config import Settings
    from mockint.scoring import Scorer
    from mockint.scoring.rubrics import Rubric
    from mockint.speech.record import RecordingResult, RecordingStatus

DEFAULT_QUESTIONS = 3


@dataclass(frozen=True)
class AnswerFile:
    """A recorded answer from a file (`--answers-from`); `question_id` pairs it with a bank question."""

    path: Path
    question_id: str | None = None


@dataclass
class PracticeOptions:
    questions: int = DEFAULT_QUESTIONS
    category: str | None = None
    role: str | None = None
    job_description: str | None = None
    use_plan: bool = False
    device: str | None = None
    speak: bool = False
    think_seconds: float = 2.0
    max_answer_seconds: float = 180.0
    silence_stop_seconds: float = 4.0
    answers_from: list[AnswerFile | Path] = field(default_factory=list)
    offline: bool = False
    seed: int | None = None
    write_report: bool = True
    update_ledger: bool = True  # the demo's answers are not yours: they stay out of the ledger

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> PracticeOptions:
        base = cls(
            device=settings.input_device,
            speak=settings.speak,
            think_seconds=settings.think_seconds,
            max_answer_seconds=settings.max_answer_seconds,
            silence_stop_seconds=settings.silence_stop_seconds,
        )
        for key, value in overrides.items():
            if value is not None:
                setattr(base, key, value)
        return base


class PracticeEvents:
    """What happens, for whoever shows it. The base class ignores everything."""

    def on_session(self, session: Session, resumed: bool) -> None: ...

    def on_status(self, message: str) -> None: ...

    def on_warning(self, message: str) -> None: ...

    def on_question(self, number: int, total: int, question: QuestionRef) -> None: ...

    def on_think(self, seconds: float) -> None: ...

    def on_recording_started(self, answer: Answer, stop_event: threading.Event) -> None: ...

    def on_level(self, status: RecordingStatus) -> None: ...

    def on_transcript_part(self, answer: Answer, part: Transcript) -> None:
        """A stretch of the answer transcribed while the candidate is still speaking (called on
        the transcription thread, in order; the page's live transcript)."""

    def on_recording_stopped(self, answer: Answer, result: RecordingResult) -> None: ...

    def on_transcribed(self, answer: Answer) -> None:
        """The answer's whole transcript is saved; scoring comes next."""

    def on_feedback(self, answer: Answer) -> None: ...


@dataclass
class RoundSummary:
    session: Session
    round: Round
    answers: list[Answer]
    weak_areas: list[WeakArea]
    report_path: Path | None
    ledger_updated: bool = False

    @property
    def scored(self) -> list[Answer]:
        return [a for a in self.answers if a.scorecard is not None]

    @property
    def failed(self) -> list[Answer]:
        return [a for a in self.answers if a.status == "failed"]

    @property
    def mean_overall(self) -> float | None:
        return mean_overall(self.answers)


def rescore_command(session_id: str) -> str:
    return f"mockint score --session {session_id}"


class Practice:
    """One practice round (new or resumed) over a session store."""

    def __init__(
        self,
        settings: Settings,
        store: SessionStore,
        *,
        events: PracticeEvents | None = None,
        scorer: Scorer | None = None,
        rubrics: list[Rubric] | None = None,
        transcriber: Any = None,
        stream_factory: Callable[..., Any] | None = None,
        speaker: Callable[[str], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.store = store
        self.events = events or PracticeEvents()
        self._scorer = scorer
        self._rubrics = rubrics
        self._transcriber = transcriber
        self.stream_factory = stream_factory
        self.speaker = speaker
        self.sleep = sleep
        self.clock = clock

    # --- shared parts, loaded on first use -------------------------------------------------

    def rubrics(self) -> list[Rubric]:
        if self._rubrics is None:
            from mockint.scoring.rubrics import load_rubrics

            self._rubrics = load_rubrics()
        return self._rubrics

    def scorer(self, offline: bool) -> Scorer:
        if self._scorer is None:
            from mockint.scoring import get_scorer

            self._scorer = get_scorer(self.settings, offline=offline)
        return self._scorer

    def transcriber(self) -> Any:
        if self._transcriber is None:
            from mockint.speech.transcribe import get_transcriber

            self.events.on_status("loading the speech model")
            self._transcriber = get_transcriber(self.settings)
        return self._transcriber

    # --- starting a round -------------------------------------------------------------------

    def choose_questions(self, options: PracticeOptions, bank: QuestionBank, n: int) -> tuple[list[QuestionRef], str]:
        """The round's questions and its kind: the stored next-round plan with --plan, else the bank."""
        from mockint.coaching.questions import select_questions

        if options.use_plan:
            plan = self.next_round_plan(bank, n, options)
            if plan:
                return plan[:n], "plan"
            self.events.on_warning("no weak areas to drill yet, so no plan: asking questions from the bank instead")
        questions = select_questions(
            bank, n, category=options.category, role=options.role, job_description=options.job_description, seed=options.seed
        )
        if not questions:
            raise SessionError("no questions match these options", hint="try another --category, or 'mockint questions'")
        return questions, "bank"

    def next_round_plan(self, bank: QuestionBank, n: int, options: PracticeOptions) -> list[QuestionRef]:
        """The plan stored by 'mockint plan' in the latest session, or one made now from the ledger."""
        latest = self.store.load("latest") if self.store.ids() else None
        if latest is not None and latest.rounds and latest.rounds[-1].plan:
            return list(latest.rounds[-1].plan)
        from mockint.coaching.ledger import plan_from_ledger

        return plan_from_ledger(
            self.settings, latest, bank, self.rubrics(), n=n, offline=options.offline,
            role=options.role, seed=options.seed, on_warning=self.events.on_warning,
        ).questions

    def start(self, options: PracticeOptions) -> Session:
        """Create the round (with its questions), saved before anything is asked.

        Answer files are all checked first: one that cannot be used stops here, naming it, and
        no session is created. With --plan the round continues the session that holds the plan,
        so progress shows it as that session's next round."""
        from mockint.coaching.questions import extract_keywords, load_bank

        files = [f if isinstance(f, AnswerFile) else AnswerFile(Path(f)) for f in options.answers_from]
        if files:
            _check_answer_files(files)
        else:
            self._check_device(options)
        bank = load_bank()
        named = self._named_questions(files, bank)
        wanted = sum(not f.question_id for f in files) if files else options.questions
        picked, kind = self.choose_questions(options, bank, wanted + len(named)) if wanted else ([], "files")
        picked = [q for q in picked if q.id not in named][:wanted]
        if files:
            if len(picked) < wanted:
                raise SessionError(f"only {len(picked)} questions for {wanted} answer files", hint="name each file's question: ID=FILE")
            rest = iter(picked)
            questions = [named[f.question_id] if f.question_id else next(rest) for f in files]
        else:
            questions = picked
        if kind == "plan" and self.store.ids():
            session = self.store.load("latest")
        else:
            keywords = extract_keywords(" ".join(filter(None, [options.role, options.job_description])))
            session = self.store.create(role=options.role, job_description=options.job_description, keywords=keywords)
        kind = "files" if files else kind
        rnd = session.new_round(kind)
        rnd.questions = questions
        # Every file becomes an answer at once, copied into the session: the session is
        # self-contained, and an interrupted run resumes from its own copies.
        for question, file in zip(questions, files):
            self._add_file_answer(session, rnd, question, file.path)
        self.store.save(session)
        self.events.on_session(session, resumed=False)
        return session

    @staticmethod
    def _named_questions(files: list[AnswerFile], bank: QuestionBank) -> dict[str, QuestionRef]:
        """The bank questions that answer files name (ID=FILE), by id."""
        named = {}
        for file in files:
            if not file.question_id:
                continue
            question = bank.get(file.question_id)
            if question is None:
                import difflib

                near = difflib.get_close_matches(file.question_id, [q.id for q in bank.questions], n=1)
                raise UsageError(
                    f"--answers-from {file.question_id}={file.path}: no question '{file.question_id}' in the bank",
                    hint=f"did you mean '{near[0]}'?" if near else "'mockint questions' lists the ids",
                )
            named[file.question_id] = question.ref()
        return named

    def start_demo(self) -> Session:
        """A session over the bundled sample answers, each against the question it answers."""
        from mockint.coaching.questions import load_bank
        from mockint.samples import load_samples

        bank = load_bank()
        samples = load_samples()
        session = self.store.create(role=None, job_description=None, keywords=[])
        rnd = session.new_round("demo")
        for sample in samples:
            question = bank.get(sample.question_id)
            if question is None:
                raise SessionError(f"demo sample {sample.id} answers unknown question '{sample.question_id}'")
            ref = question.ref()
            rnd.questions.append(ref)
            self._add_file_answer(session, rnd, ref, sample.path)
        self.store.save(session)
        self.events.on_session(session, resumed=False)
        return session

    def _add_file_answer(self, session: Session, rnd: Round, question: QuestionRef, path: Path) -> Answer:
        answer_id = session.next_answer_id()
        name = f"{answer_id}{path.suffix.lower() or '.audio'}"
        shutil.copyfile(path, self.store.folder(session.id) / name)
        answer = Answer(id=answer_id, question=question, audio_path=name, status="recorded", source_file=str(path))
        rnd.answers.append(answer)
        return answer

    def _check_device(self, options: PracticeOptions) -> None:
        from mockint.speech.record import resolve_device

        if self.stream_factory is None:  # an injected stream needs no system device
            resolve_device(options.device)

    # --- resuming -----------------------------------------------------------------------------

    def resume(self, ref: str, options: PracticeOptions) -> Session:
        """Load an interrupted session: repair cut-off recordings; the round continues in run()."""
        from mockint.speech.wav import repair_wav

        session = self.store.load(ref)
        if not session.rounds:
            raise SessionError(f"session {session.id} has no round to resume")
        rnd = session.rounds[-1]
        for answer in rnd.answers:
            path = self.store.audio_path(session, answer)
            if answer.status == "recorded" and path is not None and path.suffix == ".wav" and path.is_file():
                seconds = repair_wav(path)
                self.events.on_status(f"{answer.id}: recovered {seconds:.1f} s of audio")
        if self._remaining(rnd) and rnd.kind in ("bank", "plan") and self.stream_factory is None:
            self._check_device(options)
        self.events.on_session(session, resumed=True)
        return session

    @staticmethod
    def _remaining(rnd: Round) -> list[QuestionRef]:
        answered = {a.question.id for a in rnd.answers}
        return [q for q in rnd.questions if q.id not in answered]

    # --- the round ----------------------------------------------------------------------------

    def run(self, session: Session, options: PracticeOptions) -> RoundSummary:
        """Finish the answers already recorded, ask the remaining questions, then sum up.

        KeyboardInterrupt propagates (after saving): everything up to that point is on disk.
        """
        rnd = session.rounds[-1]
        total = len(rnd.questions)
        offline = options.offline or rnd.kind == "demo"
        numbers = {q.id: i for i, q in enumerate(rnd.questions, 1)}
        for answer in list(rnd.answers):
            if answer.status in ("recorded", "transcribed"):
                self.events.on_question(numbers.get(answer.question.id, 0), total, answer.question)
                self.process_recorded(session, answer, keywords=session.keywords, offline=offline)
                self.events.on_feedback(answer)
        remaining = self._remaining(rnd)
        if remaining and rnd.kind in ("files", "demo"):
            self.events.on_warning(f"{len(remaining)} question(s) have no answer file; they are skipped")
            remaining = []
        if remaining:
            self.transcriber()  # load before the first question, not after it
        for question in remaining:
            number = numbers[question.id]
            self.ask(question, number, total, options)
            answer = self.record(session, rnd, question, options)
            if answer is not None:
                self.events.on_feedback(answer)
        rnd.ended_at = rnd.ended_at or utc_now()
        self.store.save(session)
        return self.summarise(session, rnd, options)

    def ask(self, question: QuestionRef, number: int, total: int, options: PracticeOptions) -> None:
        self.events.on_question(number, total, question)
        if options.speak:
            try:
                (self.speaker or _default_speaker)(question.text)
            except AudioError as exc:
                self.events.on_warning(f"{exc}; continuing with the question on screen")
                options.speak = False  # don't repeat the warning for every question
        if options.think_seconds > 0:
            self.events.on_think(options.think_seconds)
            self.sleep(options.think_seconds)

    def record(self, session: Session, rnd: Round, question: QuestionRef, options: PracticeOptions) -> Answer | None:
        """Record one answer from the microphone while transcribing it; score it."""
        from mockint.speech.record import Recorder
        from mockint.speech.streaming import StreamingTranscriber

        answer = Answer(id=session.next_answer_id(), question=question, status="recorded")
        answer.audio_path = f"{answer.id}.wav"
        rnd.answers.append(answer)
        self.store.save(session)  # the answer exists while it is being recorded: resume can find it
        path = self.store.folder(session.id) / answer.audio_path
        streamer = StreamingTranscriber(
            self.transcriber(),
            keywords=session.keywords or None,
            on_part=lambda part: self.events.on_transcript_part(answer, part),
        )
        stop_event = threading.Event()
        recorder = Recorder(
            path,
            device=_device_arg(options.device),
            stream_factory=self.stream_factory,
            max_seconds=options.max_answer_seconds,
            silence_stop_seconds=options.silence_stop_seconds,
            speech_tracker=streamer,
            on_tick=self.events.on_level,
            stop_event=stop_event,
        )
        self.events.on_recording_started(answer, stop_event)
        try:
            result = recorder.record()
        except DeviceError:
            # Nothing was captured: leave no empty answer behind.
            rnd.answers.remove(answer)
            path.unlink(missing_ok=True)
            streamer.close()
            self.store.save(session)
            raise
        except BaseException:
            streamer.close()
            self.store.save(session)
            raise
        self.events.on_recording_stopped(answer, result)
        self.store.save(session)  # saved as recorded before its transcript exists
        try:
            transcript = streamer.finish()
        except KeyboardInterrupt:
            raise
        except MockintError as exc:
            answer.fail(f"transcription failed: {exc}")
            self.store.save(session)
            return answer
        answer.latency["transcript_ready"] = round(self.clock() - result.ended_at, 3)
        self._after_transcript(session, answer, transcript, result.ended_at, offline=options.offline)
        return answer

    def process_recorded(self, session: Session, answer: Answer, *, keywords: list[str], offline: bool) -> None:
        """Transcribe (from its audio file) and score an answer saved as recorded, or score a
        transcribed one."""
        started = self.clock()
        if answer.status == "transcribed" and answer.transcript is not None:
            self._score(session, answer, started, offline=offline)
            return
        from mockint.speech.decode import load_audio

        path = self.store.audio_path(session, answer)
        if path is None:
            answer.fail("no audio recorded for this answer")
            self.store.save(session)
            return
        try:
            samples = load_audio(path)
            transcript = self.transcriber().transcribe(samples, keywords=keywords or None)
        except (AudioError, TranscriptionError) as exc:
            answer.fail(str(exc))
            self.store.save(session)
            return
        answer.latency["transcript_ready"] = round(self.clock() - started, 3)
        self._after_transcript(session, answer, transcript, started, offline=offline)

    def _after_transcript(self, session: Session, answer: Answer, transcript: Transcript, ended_at: float, *, offline: bool) -> None:
        from mockint.speech.delivery import compute_delivery

        answer.transcript = transcript
        if not transcript.words:
            answer.fail(f"no speech detected in {transcript.duration:.1f} s of audio (check the microphone: 'mockint devices')")
            self.store.save(session)
            return
        answer.delivery = compute_delivery(transcript)
        answer.status = "transcribed"
        answer.error = None
        self.store.save(session)
        self.events.on_transcribed(answer)
        self._score(session, answer, ended_at, offline=offline)

    def _score(self, session: Session, answer: Answer, ended_at: float, *, offline: bool) -> None:
        assert answer.transcript is not None
        try:
            card = score_question(self.scorer(offline), answer.question, answer.transcript, self.rubrics())
        except (LLMError, ScoringError) as exc:
            answer.fail(f"scoring failed: {exc}")
            self.store.save(session)
            self.events.on_warning(
                f"{answer.id}: scoring failed ({exc}); the transcript is saved. Re-score later: {rescore_command(session.id)}"
            )
            return
        answer.scorecard = card
        answer.status = "scored"
        answer.error = None
        answer.latency["feedback_ready"] = round(self.clock() - ended_at, 3)
        self.store.save(session)

    # --- after the round --------------------------------------------------------------------

    def summarise(self, session: Session, rnd: Round, options: PracticeOptions) -> RoundSummary:
        from mockint.coaching.weakness import find_weak_areas

        rubrics = self.rubrics()
        weak = find_weak_areas(rnd.answers, rubrics, session_id=session.id)
        ledger_updated = False
        try:
            if options.update_ledger:
                from mockint.coaching.ledger import record_session

                record_session(self.settings.paths.ledger_file, session, rubrics)
                ledger_updated = True
        except MockintError as exc:
            self.events.on_warning(f"weakness ledger not updated: {exc}")
        report_path = self.write_report(session) if options.write_report else None
        return RoundSummary(session, rnd, list(rnd.answers), weak, report_path, ledger_updated)

    def write_report(self, session: Session) -> Path | None:
        """The Markdown and HTML reports in the session folder (what 'mockint report' writes)."""
        from mockint.reporting.files import session_reports, write_report

        folder = self.store.folder(session.id)
        try:
            texts = session_reports(
                session, self.store, self.rubrics(), ["html", "md"], report_dir=folder, on_warning=self.events.on_warning
            )
            for fmt, text in texts.items():
                write_report(folder / f"report.{fmt}", text)
        except MockintError as exc:
            self.events.on_warning(f"report not written: {exc} (try 'mockint report {session.id}')")
            return None
        return folder / "report.md"


def _check_answer_files(files: list[AnswerFile]) -> None:
    """Decode every answer file now, so a text file or a typo stops the round before it starts."""
    from mockint.speech.decode import load_audio

    problems = []
    for file in files:
        try:
            load_audio(file.path)
        except AudioError as exc:
            problems.append(str(exc))
    if problems:
        raise AudioError(
            f"cannot use {len(problems)} of {len(files)} answer files: {'; '.join(problems)}",
            hint="--answers-from takes audio files (wav, flac, mp3, ogg, m4a, webm); 'mockint score --text FILE' scores a typed answer",
        )


def _device_arg(device: str | None) -> int | str | None:
    if device is None or device == "":
        return None
    from mockint.speech.record import resolve_device

    return resolve_device(device)


def _default_speaker(text: str) -> None:
    from mockint.speech.tts import speak

    speak(text)




__all__ = [
    "AnswerFile",
    "DeviceError",
    "Practice",
    "PracticeEvents",
    "PracticeOptions",
    "RoundSummary",
    "rescore_command",
]
