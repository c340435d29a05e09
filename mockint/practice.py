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

With an LLM configured, the candidate never waits for it: each answer is scored offline at once
(its card shown, the next question asked) and queued for the LLM on one background thread
(background.py; a local 1.5B model took 50-110 s per answer on 2 cores with the first prompt,
~25 s with today's). Before the first question asked live, the same thread has the LLM read the
scoring prompt up to the answer (LLMScorer.warm), so a server that caches prompt prefixes is
ready when the first answer comes. The answer is saved
with llm_state `pending`; the LLM's card replaces the offline one in the session file the moment
it arrives (the offline card kept beside it), or a failure leaves the offline card and a one-line
reason. The round's end waits for what is still pending (events.on_llm_wait); Ctrl-C there, or
anywhere, leaves those answers pending, for `--resume` or `mockint score --session`. The session
object is shared with that thread: every save and every change the thread makes hold one lock.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future
from concurrent.futures import wait as wait_futures
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
    UserFileError,
    one_line,
)
from mockint.records import Panel, Panelist, QuestionRef, Transcript, utc_now
from mockint.reporting.analysis import mean_basis, mean_overall
from mockint.scoring import score_question, warm_question
from mockint.session import Answer, Round, Session, SessionStore
from mockint.speech.delivery import only_fillers
from mockint.userfiles import read_user_text, split_question_line

if TYPE_CHECKING:
    from mockint.coaching.own_questions import OwnQuestion
    from mockint.coaching.panel import PanelistView
    from mockint.coaching.questions import QuestionBank
    from mockint.coaching.weakness import WeakArea
    from mockint.config import Settings
    from mockint.records import Scorecard
    from mockint.scoring import Scorer
    from mockint.scoring.rubrics import Rubric
    from mockint.speech.record import RecordingResult, RecordingStatus

DEFAULT_QUESTIONS = 3
# With --answer-seconds, the warning comes when this much time is left (an interviewer's
# "we have about half a minute"): enough to land the result.
WARN_SECONDS_LEFT = 30.0


PROBE_FILE_ID = "probe"
# The practice option that asks no follow-ups, named where a round skips one it has no reply file for.
PROBES_OFF = "--probes 0"
# A reply to a follow-up on a reply to a follow-up...: at most this many earlier answers are joined.
MAX_FOLLOWUP_CHAIN = 3


@dataclass(frozen=True)
class AnswerFile:
    """A recorded answer from a file (`--answers-from`); `question_id` pairs it with a bank
    question, or is PROBE_FILE_ID: the answer to the follow-up on the file before it."""

    path: Path
    question_id: str | None = None

    @property
    def is_probe(self) -> bool:
        return self.question_id == PROBE_FILE_ID


@dataclass
class PracticeOptions:
    questions: int | None = None  # how many in the round; None: your own questions, else DEFAULT_QUESTIONS
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
    probes: int = 1  # follow-ups on one main answer's weak points, asked before moving on (0: none)
    answer_seconds: float | None = None  # time pressure: a countdown, a warning, the answer cut off at the limit
    panel: str | None = None  # a panel from panels/panels.yaml asks, its members in turn
    own_questions: list[OwnQuestion] = field(default_factory=list)  # asked first, in this order (coaching/own_questions.py)

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

    def on_probe(self, parent: Answer, question: QuestionRef) -> None:
        """A follow-up on `parent`'s weak point is about to be asked (on_question follows)."""

    def on_asker(self, panelist: Panelist) -> None:
        """With --panel: who asks the question that on_question shows next."""

    def on_time_left(self, answer: Answer, seconds: float) -> None:
        """With --answer-seconds, a few times a second while recording: the countdown."""

    def on_time_warning(self, answer: Answer, seconds: float) -> None:
        """With --answer-seconds, once, when WARN_SECONDS_LEFT remain."""

    def on_llm_score(self, answer: Answer) -> None:
        """An answer's background LLM score is saved: its card replaced the offline one
        (answer.llm_state "scored"), or it failed and the offline card stays (answer.llm_error).
        Called on the scoring thread, while the round goes on."""

    def on_llm_wait(self, pending: int) -> None:
        """The round is over and `pending` LLM scores are still coming (called again as it drops)."""

    def skip_llm_wait(self) -> bool:
        """True to stop waiting for the LLM (the terminal uses Ctrl-C instead); those answers stay pending."""
        return False


@dataclass
class RoundSummary:
    session: Session
    round: Round
    answers: list[Answer]
    weak_areas: list[WeakArea]
    report_path: Path | None
    ledger_updated: bool = False
    panel_views: list[PanelistView] = field(default_factory=list)  # with --panel: each panelist's view
    retold_advice: str = ""  # the bank's round_advice.retold: what to do about a story told twice

    @property
    def scored(self) -> list[Answer]:
        return [a for a in self.answers if a.scorecard is not None]

    @property
    def failed(self) -> list[Answer]:
        return [a for a in self.answers if a.status == "failed"]

    @property
    def llm_pending(self) -> list[Answer]:
        """Shown with their offline card; the LLM's was not waited for."""
        return [a for a in self.answers if a.llm_state == "pending"]

    @property
    def llm_failed(self) -> list[Answer]:
        """Shown with their offline card; the LLM could not score them (answer.llm_error)."""
        return [a for a in self.answers if a.llm_state == "failed"]

    @property
    def mean_overall(self) -> float | None:
        return mean_overall(self.answers)

    @property
    def retold(self) -> list[str]:
        """Answers that tell an earlier answer's story again, of this round or an earlier one (coaching.retold), as the
        report says them."""
        from mockint.coaching.retold import retellings_in_round

        return [r.describe(self.retold_advice) for r in retellings_in_round(self.session.rounds, self.round)]

    @property
    def mean_basis(self) -> str:
        """What mean_overall averages, when a follow-up was scored (analysis.mean_basis)."""
        return mean_basis(self.answers, self.session.id)


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
        speaker: Callable[..., None] | None = None,  # speaker(text) or speaker(text, voice=...)
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
        self._probe_files: dict[str, list[Path]] = {}  # main answer id -> its probe answers' files
        self._probes: dict[str, QuestionRef] = {}  # answer id -> the follow-up chosen when it was scored
        self._live: set[str] = set()  # answers recorded in this run: the candidate is there to be probed
        self._options: PracticeOptions | None = None
        self._offline_scorer: Scorer | None = None
        self._lock = threading.RLock()  # the session is shared with the LLM's scoring thread
        self._executor: Executor | None = None
        self._llm_jobs: list[Future] = []
        self._llm_abandoned = False

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

    def offline_scorer(self) -> Scorer:
        """The instant scorer whose card is shown while the LLM's is on its way."""
        if self._offline_scorer is None:
            from mockint.scoring import get_scorer

            self._offline_scorer = get_scorer(self.settings, offline=True)
        return self._offline_scorer

    def transcriber(self) -> Any:
        if self._transcriber is None:
            from mockint.speech.transcribe import get_transcriber

            self.events.on_status("loading the speech model")
            self._transcriber = get_transcriber(self.settings)
        return self._transcriber

    # --- starting a round -------------------------------------------------------------------

    def choose_questions(
        self, options: PracticeOptions, bank: QuestionBank, n: int, own: Sequence[QuestionRef] = ()
    ) -> tuple[list[QuestionRef], str]:
        """The round's questions and its kind: the stored next-round plan with --plan, else the bank
        (none that repeats one of your `own` questions)."""
        from mockint.coaching.questions import select_questions

        if options.use_plan:
            plan = self.next_round_plan(bank, n, options)
            if plan:
                return plan[:n], "plan"
            self.events.on_warning("no weak areas to drill yet, so no plan: asking questions from the bank instead")
        questions = select_questions(
            bank, n, category=options.category, role=options.role, job_description=options.job_description, seed=options.seed,
            exclude_ids=[q.id for q in own], exclude_texts=[q.text for q in own],
        )
        if not questions:
            raise SessionError("no questions match these options", hint="try another --category, or 'mockint questions'")
        return questions, "bank"

    def plan_session(self) -> Session | None:
        """The session a --plan round continues: the one holding the plan 'mockint plan' stored last and no round has
        asked yet (wherever `plan --session` put it), else the latest."""
        planned = self.store.planned()
        return planned or (self.store.load("latest") if self.store.ids() else None)

    def next_round_plan(self, bank: QuestionBank, n: int, options: PracticeOptions) -> list[QuestionRef]:
        """The plan stored by 'mockint plan' (plan_session), or one made now from the ledger."""
        planned = self.plan_session()
        if planned is not None and planned.rounds and planned.rounds[-1].plan:
            return list(planned.rounds[-1].plan)
        from mockint.coaching.ledger import plan_from_ledger

        return plan_from_ledger(
            self.settings, planned, bank, self.rubrics(), n=n, offline=options.offline,
            role=options.role, seed=options.seed, on_warning=self.events.on_warning,
        ).questions

    def start(self, options: PracticeOptions) -> Session:
        """Create the round (with its questions), saved before anything is asked.

        Answer files are all checked first: one that cannot be used stops here, naming it, and
        no session is created. With --plan the round continues the session that holds the plan,
        so progress shows it as that session's next round."""
        from mockint.coaching.questions import extract_keywords, load_bank

        if options.own_questions and (options.panel or options.use_plan):
            asker = "--panel" if options.panel else "--plan"
            raise UsageError(
                f"your own questions cannot be asked with {asker}: it asks its own", hint="practise yours in a round of their own"
            )
        given = [f if isinstance(f, AnswerFile) else AnswerFile(Path(f)) for f in options.answers_from]
        if given:
            _check_answer_files(given)
        else:
            self._check_device(options)
        files, probe_files = _split_probe_files(given)
        if files and options.questions is not None and options.questions != len(files):
            # a nurse's "-n 1" with two files asked two questions without a word
            raise UsageError(f"-n {options.questions} but {len(files)} answer files: a round asks one question for each file",
                             hint="leave out -n, or give as many files as questions")
        bank = load_bank()
        panel = self.load_panel(options.panel, bank) if options.panel else None
        named = self._named_questions(files, bank)
        own = self._own_questions(options, bank, named, files)
        wanted = sum(not f.question_id for f in files) - len(own) if files else self._round_length(options, own) - len(own)
        askers: dict[str, str] = {}
        if panel is not None:
            from mockint.coaching.panel import seat_panel

            # The panel's turns decide who asks each slot; a slot a file names keeps its question.
            slots = [named.get(f.question_id or "") for f in files] if files else [None] * self._round_length(options, [])
            questions, askers = seat_panel(panel, bank, slots, seed=options.seed)
            if len(questions) < len(slots):
                raise SessionError(f"panel '{panel.id}' has only {len(questions)} questions for {len(slots)} answers")
            kind = "bank"
        else:
            picked, kind = self.choose_questions(options, bank, wanted + len(named), own) if wanted else ([], "bank")
            taken = set(named) | {q.id for q in own}
            # Your own questions first, in your order; the bank's (or the plan's) after them.
            questions = own + [q for q in picked if q.id not in taken][:wanted]
            if files:
                if len(questions) < len(own) + wanted:
                    raise SessionError(
                        f"only {len(questions)} questions for {len(own) + wanted} answer files", hint="name each file's question: ID=FILE"
                    )
                rest = iter(questions)
                questions = [named[f.question_id] if f.question_id else next(rest) for f in files]
        if kind == "plan" and self.store.ids():
            session = self.plan_session()
        else:
            keywords = extract_keywords(" ".join(filter(None, [options.role, options.job_description])))
            session = self.store.create(role=options.role, job_description=options.job_description, keywords=keywords)
        kind = "files" if files else kind
        rnd = session.new_round(kind)
        rnd.questions = questions
        if panel is not None:
            rnd.panel, rnd.askers = panel, askers
        # Every file becomes an answer at once, copied into the session: the session is
        # self-contained, and an interrupted run resumes from its own copies.
        for i, (question, file) in enumerate(zip(questions, files)):
            answer = self._add_file_answer(session, rnd, question, file.path)
            self._limit_file_answer(session, answer, options.answer_seconds)
            if probe_files.get(i):
                self._probe_files[answer.id] = probe_files[i]
        self._save(session)
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

    def _own_questions(
        self, options: PracticeOptions, bank: QuestionBank, named: dict[str, QuestionRef], files: list[AnswerFile]
    ) -> list[QuestionRef]:
        """Your own questions this round asks: all of them, or as many as --questions or the
        unnamed answer files take (the first ones; a warning says how many are left out)."""
        if not options.own_questions:
            return []
        from mockint.coaching.own_questions import own_refs

        own = [q for q in own_refs(options.own_questions, bank) if q.id not in named]
        room = sum(not f.question_id for f in files) if files else self._round_length(options, own)
        if len(own) > room:
            self.events.on_warning(own_left_out(room, len(own), answer_files=bool(files)))
        return own[:room]

    @staticmethod
    def _round_length(options: PracticeOptions, own: list[QuestionRef]) -> int:
        """--questions when given; else as many as your own questions, or DEFAULT_QUESTIONS from the bank."""
        return options.questions if options.questions is not None else (len(own) or DEFAULT_QUESTIONS)

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
        self._save(session)
        self.events.on_session(session, resumed=False)
        return session

    def _add_file_answer(self, session: Session, rnd: Round, question: QuestionRef, path: Path) -> Answer:
        answer_id = session.next_answer_id()
        if is_typed_answer(path):  # what was typed is the transcript: nothing to hear, no delivery to time
            answer = Answer(id=answer_id, question=question, status="transcribed", source_file=str(path),
                            transcript=Transcript(text=read_typed_answer(path)[1], duration=0.0),
                            asked_by=rnd.askers.get(question.id))
            rnd.answers.append(answer)
            return answer
        name = f"{answer_id}{path.suffix.lower() or '.audio'}"
        shutil.copyfile(path, self.store.folder(session.id) / name)
        answer = Answer(
            id=answer_id, question=question, audio_path=name, status="recorded", source_file=str(path),
            asked_by=rnd.askers.get(question.id),
        )
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
        """Finish the answers already recorded, ask the remaining questions, wait for the LLM's
        scores still coming, then sum up.

        KeyboardInterrupt propagates (after saving): everything up to that point is on disk. In
        the wait for the LLM it only ends the wait: the answers left stay pending.
        """
        rnd = session.rounds[-1]
        self._options = options
        offline = options.offline or rnd.kind == "demo"
        try:
            self._requeue_pending(session, rnd, offline=offline)
            self._ask_round(session, rnd, options, offline=offline)
            self._await_llm()
        finally:
            self._stop_llm()
        return self.summarise(session, rnd, options)

    def _ask_round(self, session: Session, rnd: Round, options: PracticeOptions, *, offline: bool) -> None:
        total = len(rnd.questions)
        numbers = {q.id: i for i, q in enumerate(rnd.questions, 1)}
        for answer in list(rnd.answers):
            if answer.status in ("recorded", "transcribed"):
                self._show_question(rnd, answer.question, numbers.get(answer.question.id, 0), total, answer.asked_by)
                self.process_recorded(session, answer, keywords=session.keywords, offline=offline)
                self.events.on_feedback(answer)
                self.ask_probes(session, rnd, answer, options)
        remaining = self._remaining(rnd)
        if remaining and rnd.kind in ("files", "demo"):
            self.events.on_warning(f"{len(remaining)} question(s) have no answer file; they are skipped")
            remaining = []
        if remaining:
            self.transcriber()  # load before the first question, not after it
            if not offline:
                self._warm_llm(remaining[0])
        for question in remaining:
            number = numbers[question.id]
            self.ask(question, number, total, options, asker=rnd.panel.get(rnd.askers.get(question.id)) if rnd.panel else None)
            answer = self.record(session, rnd, question, options)
            if answer is not None:
                self.events.on_feedback(answer)
                self.ask_probes(session, rnd, answer, options)
        rnd.ended_at = rnd.ended_at or utc_now()
        self._save(session)

    def ask(
        self, question: QuestionRef, number: int, total: int, options: PracticeOptions, *, asker: Panelist | None = None
    ) -> None:
        """Show the question (and who asks it), read it aloud in the asker's voice with --speak, then the think time."""
        if asker is not None:
            self.events.on_asker(asker)
        self.events.on_question(number, total, question)
        if options.speak:
            try:
                speaker = self.speaker or _default_speaker
                if asker is not None:
                    speaker(question.text, voice=asker.voice)
                else:
                    speaker(question.text)
            except AudioError as exc:
                self.events.on_warning(f"{exc}; continuing with the question on screen")
                options.speak = False  # don't repeat the warning for every question
        if options.think_seconds > 0:
            self.events.on_think(options.think_seconds)
            self.sleep(options.think_seconds)

    def record(
        self, session: Session, rnd: Round, question: QuestionRef, options: PracticeOptions, *, probe_of: str | None = None
    ) -> Answer | None:
        """Record one answer from the microphone while transcribing it; score it."""
        from mockint.speech.record import Recorder
        from mockint.speech.streaming import StreamingTranscriber

        parent = next((a for a in rnd.answers if a.id == probe_of), None) if probe_of else None
        answer = Answer(
            id=session.next_answer_id(), question=question, status="recorded", probe_of=probe_of,
            time_limit=options.answer_seconds, asked_by=parent.asked_by if parent else rnd.askers.get(question.id),
        )
        answer.audio_path = f"{answer.id}.wav"
        rnd.answers.append(answer)
        self._live.add(answer.id)
        self._save(session)  # the answer exists while it is being recorded: resume can find it
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
            max_seconds=options.answer_seconds or options.max_answer_seconds,
            silence_stop_seconds=options.silence_stop_seconds,
            speech_tracker=streamer,
            on_tick=self._ticker(answer, options),
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
            self._save(session)
            raise
        except BaseException:
            streamer.close()
            self._save(session)
            raise
        self.events.on_recording_stopped(answer, result)
        answer.cut_off = bool(options.answer_seconds) and result.stopped_by == "max"
        self._save(session)  # saved as recorded before its transcript exists
        try:
            transcript = streamer.finish()
        except KeyboardInterrupt:
            raise
        except MockintError as exc:
            answer.fail(f"transcription failed: {exc}")
            self._save(session)
            return answer
        self._note_latency(answer, "transcript_ready", round(self.clock() - result.ended_at, 3))
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
            self._save(session)
            return
        try:
            samples = load_audio(path)
            transcript = self.transcriber().transcribe(samples, keywords=keywords or None)
        except (AudioError, TranscriptionError) as exc:
            answer.fail(str(exc))
            self._save(session)
            return
        self._note_latency(answer, "transcript_ready", round(self.clock() - started, 3))
        self._after_transcript(session, answer, transcript, started, offline=offline)

    def _after_transcript(self, session: Session, answer: Answer, transcript: Transcript, ended_at: float, *, offline: bool) -> None:
        from mockint.speech.delivery import compute_delivery

        answer.transcript = transcript
        if not transcript.words:
            where = "is it the right file?" if answer.source_file else "check the microphone: 'mockint devices'"
            answer.fail(f"no speech detected in {transcript.duration:.1f} s of audio ({where})")
            self._save(session)
            return
        answer.delivery = compute_delivery(transcript)
        answer.status = "transcribed"
        answer.error = None
        self._save(session)
        self.events.on_transcribed(answer)
        self._score(session, answer, ended_at, offline=offline)

    def _score(self, session: Session, answer: Answer, ended_at: float, *, offline: bool) -> None:
        """Score at once; with an LLM, show the offline card now and queue the LLM's."""
        assert answer.transcript is not None
        scorer = self.scorer(offline)
        slow = scorer.name != "offline"
        try:
            card = judged_as(session, answer).score(self.offline_scorer() if slow else scorer, self.rubrics())
        except (LLMError, ScoringError) as exc:
            answer.fail(f"scoring failed: {exc}")
            self._save(session)
            self.events.on_warning(
                f"{answer.id}: scoring failed ({exc}); the transcript is saved. Re-score later: {rescore_command(session.id)}"
            )
            return
        with self._lock:
            answer.take_card(card)
            if slow:
                self._queue_llm(session, answer, scorer)
        self._note_latency(answer, "feedback_ready", round(self.clock() - ended_at, 3))
        self._prepare_probe(session, answer, ended_at)
        self._save(session)

    # --- the LLM's scores, in the background ------------------------------------------------

    def _save(self, session: Session) -> None:
        with self._lock:
            self.store.save(session)

    def _note_latency(self, answer: Answer, key: str, seconds: float) -> None:
        # A new dict, not an insert: the scoring thread may be serialising the old one.
        answer.latency = {**answer.latency, key: seconds}

    def _queue_llm(self, session: Session, answer: Answer, scorer: Scorer) -> None:
        """Mark the answer pending and queue its LLM scoring behind the others (the caller saves)."""
        judged, rubrics = judged_as(session, answer), self.rubrics()
        answer.llm_state, answer.llm_error = "pending", None
        self._llm_jobs.append(self._llm_executor().submit(self._llm_score, session, answer, scorer, judged, rubrics))

    def _llm_executor(self) -> Executor:
        if self._executor is None:
            from mockint.background import SerialExecutor

            self._executor = SerialExecutor(name="mockint-llm-scoring")
            self._llm_abandoned = False
        return self._executor

    def _warm_llm(self, question: QuestionRef) -> None:
        """Queue the LLM's reading of the scoring prompt for the first question asked live
        (LLMScorer.warm): it happens while the candidate answers, so that answer's own request
        reads only the transcript. Not a job the round waits for."""
        scorer = self.scorer(offline=False)
        if scorer.name != "offline":
            self._llm_executor().submit(self._warm_quietly, scorer, question, self.rubrics())

    @staticmethod
    def _warm_quietly(scorer: Scorer, question: QuestionRef, rubrics: list[Rubric]) -> None:
        try:
            warm_question(scorer, question, rubrics)
        except MockintError:
            pass  # it only saves time: the answer's own request says what is wrong, if anything

    def _llm_score(self, session: Session, answer: Answer, scorer: Scorer, judged: Judged, rubrics: list[Rubric]) -> None:
        """On the scoring thread: score, then put the card (or the reason it failed) into the
        session file, unless the round stopped waiting meanwhile (the answer stays pending)."""
        try:
            card, reason = judged.score(scorer, rubrics), None
        except MockintError as exc:  # endpoint down, timeout, a reply that is not the JSON asked for...
            card, reason = None, f"LLM scoring failed: {one_line(exc.message)}"
        except Exception as exc:  # noqa: BLE001 - a bug must not end the round either; the reason says what
            card, reason = None, f"LLM scoring failed: internal error: {type(exc).__name__}: {one_line(exc)}"
        with self._lock:
            if self._llm_abandoned:
                return
            if card is not None:
                answer.take_card(card)
            else:
                answer.llm_failed(reason or "LLM scoring failed")
            self.store.save(session)
        self.events.on_llm_score(answer)

    def _requeue_pending(self, session: Session, rnd: Round, *, offline: bool) -> None:
        """On resume: the round's answers still waiting for the LLM go back in the queue."""
        waiting = [a for a in rnd.answers if a.llm_state == "pending" and a.status == "scored" and a.transcript is not None]
        if not waiting or offline:
            return
        scorer = self.scorer(offline)
        if scorer.name == "offline":
            return
        with self._lock:
            for answer in waiting:
                self._queue_llm(session, answer, scorer)
        self.events.on_status(f"{len(waiting)} answer(s) still wait for the LLM's score; scoring them in the background")

    def _await_llm(self) -> None:
        """The round is over: wait for the LLM scores still coming. Ctrl-C (or the page's End)
        stops waiting; the answers left stay pending in the session file."""
        shown = None
        try:
            while left := [job for job in self._llm_jobs if not job.done()]:
                if len(left) != shown:
                    shown = len(left)
                    self.events.on_llm_wait(shown)
                if self.events.skip_llm_wait():
                    return
                wait_futures(left, timeout=0.5, return_when=FIRST_COMPLETED)
        except KeyboardInterrupt:
            return

    def _stop_llm(self) -> None:
        """No more LLM results go into the session: what is not saved yet stays pending."""
        with self._lock:
            self._llm_abandoned = True
            if self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
            self._llm_jobs = []

    # --- panels (coaching/panel.py) ------------------------------------------------------------

    def load_panel(self, name: str, bank: QuestionBank) -> Panel:
        from mockint.coaching.panel import get_panel, load_panels

        return get_panel(name, load_panels(bank=bank, rubrics=self.rubrics()))

    def _show_question(self, rnd: Round, question: QuestionRef, number: int, total: int, asked_by: str | None) -> None:
        """A question answered from a file: who asks it (with a panel), then the question."""
        asker = rnd.panel.get(asked_by) if rnd.panel else None
        if asker is not None:
            self.events.on_asker(asker)
        self.events.on_question(number, total, question)

    # --- time pressure (--answer-seconds) -----------------------------------------------------

    def _ticker(self, answer: Answer, options: PracticeOptions) -> Callable[[RecordingStatus], None]:
        """The recorder's on_tick: the level meter, plus the countdown and its one warning under a time limit."""
        limit = options.answer_seconds
        if not limit:
            return self.events.on_level
        warned = limit <= WARN_SECONDS_LEFT  # a limit this short is all warning: no separate one

        def tick(status: RecordingStatus) -> None:
            nonlocal warned
            self.events.on_level(status)
            left = max(0.0, limit - status.elapsed)
            self.events.on_time_left(answer, left)
            if not warned and left <= WARN_SECONDS_LEFT:
                warned = True
                self.events.on_time_warning(answer, left)

        return tick

    def _limit_file_answer(self, session: Session, answer: Answer, limit: float | None) -> None:
        """An answer file under --answer-seconds: the session keeps what fits in the limit, as
        a recording stopped at the limit would (the user's own file stays as it was)."""
        if not limit:
            return
        from mockint.speech.decode import SAMPLE_RATE, load_audio
        from mockint.speech.wav import WavAppender

        answer.time_limit = limit
        path = self.store.audio_path(session, answer)
        if path is None:
            if answer.transcript is not None:
                self._limit_typed_answer(answer, limit)
            return
        samples = load_audio(path)
        keep = int(limit * SAMPLE_RATE)
        if len(samples) <= keep:
            return
        cut = path.with_name(f"{answer.id}.wav")
        if cut == path:
            cut = path.with_name(f"{answer.id}.cut.wav")
        wav = WavAppender(cut)
        try:
            wav.write(samples[:keep])
        finally:
            wav.close()
        if cut != path:
            path.unlink(missing_ok=True)
        answer.audio_path = cut.name
        answer.cut_off = True

    @staticmethod
    def _limit_typed_answer(answer: Answer, limit: float) -> None:
        """A typed answer under --answer-seconds keeps the words that fit in the limit said at the typed speaking rate
        (coaching.weakness.TYPED_WORDS_PER_MINUTE), as a recording stopped there would: a trial's 263-word typed
        ramble under a 90 s limit scored 100 with "Time: 0:00 of 1:30". The user's own file stays as it was."""
        from mockint.coaching.weakness import TYPED_WORDS_PER_MINUTE, typed_seconds

        text = answer.transcript.text
        if typed_seconds(text) <= limit:
            return
        words = text.split()[: int(limit * TYPED_WORDS_PER_MINUTE / 60)]
        answer.transcript = answer.transcript.model_copy(update={"text": " ".join(words)})
        answer.cut_off = True

    # --- probing follow-ups (coaching/probe.py) -----------------------------------------------

    def _prepare_probe(self, session: Session, answer: Answer, ended_at: float) -> None:
        """Choose the follow-up as soon as the answer is scored; latency["probe_ready"] is when it was ready."""
        from mockint.coaching.probe import choose_probe, no_probe_reason

        options = self._options
        if options is None or options.probes <= 0 or answer.scorecard is None or answer.transcript is None:
            return
        root = parent_of(session, answer) or answer
        done = [a for a in session.answers if a.probe_of == root.id]
        # Only a probe that can be answered now: live, or from a probe answer file; or, for an answer
        # from a file, shown with no reply (ask_probes: trial 4 practised from recordings and never saw
        # what the interviewer would have asked), a file's answer finished on resume too (its reply files
        # are given to start(), not kept in the session). A microphone recording finished on resume is not
        # probed: the moment has passed.
        answerable = answer.id in self._live or bool(self._probe_files.get(root.id))
        shown_only = root is answer and answer.source_file is not None and not done and session.rounds[-1].kind != "demo"
        if len(done) >= options.probes or not (answerable or shown_only):
            return
        asked = [q.text for r in session.rounds for q in r.questions] + [a.question.text for a in session.answers]
        rnd = session.rounds[-1]
        panelist = rnd.panel.get(root.asked_by) if rnd.panel else None
        probe = choose_probe(
            probed_story(session, answer), self.rubrics(), asked=asked, exclude=[a.question.targets or "" for a in done],
            prefer=panelist.focus.criteria if panelist else (), lead=panelist.probe_lead if panelist else "",
        )
        if probe is not None:
            self._probes[answer.id] = probe
            self._note_latency(answer, "probe_ready", round(self.clock() - ended_at, 3))
        elif not done and (reason := no_probe_reason(answer, self.rubrics())):
            self.events.on_warning(f"no follow-up on {answer.id}: {reason}")

    def ask_probes(self, session: Session, rnd: Round, answer: Answer, options: PracticeOptions) -> None:
        """Ask the follow-ups chosen for `answer` (and for the answers to them), each answered
        from the microphone or from its probe file, before the round moves on."""
        root = answer
        while answer is not None and (probe := self._probes.pop(answer.id, None)) is not None:
            files = self._probe_files.get(root.id)
            self.events.on_probe(answer, probe)
            asker = rnd.panel.get(root.asked_by) if rnd.panel else None
            if not files and root.id not in self._live:  # answered from a file, with no reply file after it
                self._show_question(rnd, probe, 0, len(rnd.questions), root.asked_by)
                self.events.on_warning(
                    f"no reply file for this follow-up on {root.id}, so it is skipped: to answer it, give "
                    f"{PROBE_FILE_ID}=FILE right after {root.source_file and Path(root.source_file).name}"
                    # a typed round printed this for every follow-up, with no word of how to ask none (a trial)
                    f" ({PROBES_OFF} asks no follow-ups)"
                )
                break
            if files:
                self._show_question(rnd, probe, 0, len(rnd.questions), root.asked_by)
                follow = self._add_file_answer(session, rnd, probe, files.pop(0))
                follow.probe_of = root.id
                follow.asked_by = root.asked_by
                self._limit_file_answer(session, follow, options.answer_seconds)
                self._save(session)
                self.process_recorded(session, follow, keywords=session.keywords, offline=options.offline or rnd.kind == "demo")
            else:
                self.ask(probe, 0, len(rnd.questions), options, asker=asker)
                follow = self.record(session, rnd, probe, options, probe_of=root.id)
            if follow is not None:
                self.events.on_feedback(follow)
            answer = follow
        unused = self._probe_files.pop(root.id, [])
        if unused:
            names = ", ".join(p.name for p in unused)
            self.events.on_warning(f"{root.id} needed no follow-up, so its probe answer file is not used: {names}")

    # --- after the round --------------------------------------------------------------------

    def summarise(self, session: Session, rnd: Round, options: PracticeOptions) -> RoundSummary:
        from mockint.coaching.weakness import find_weak_areas

        rubrics = self.rubrics()
        weak = None
        ledger_updated = False
        try:
            if options.update_ledger:
                from mockint.coaching.ledger import record_session
                from mockint.coaching.weakness import current_weak_areas

                ledger = record_session(self.settings.paths.ledger_file, session, rubrics)
                ledger_updated = True
                # The round's weak areas as the ledger counts them: weak once today and once before is a repeat,
                # listed with both answers (the round alone said "No weak area repeated").
                round_ids = {a.id for a in rnd.answers}
                weak = [
                    area for area in current_weak_areas(ledger, session, rubrics)
                    if any(e.session_id == session.id and e.answer_id in round_ids for e in area.evidence)
                ]
        except MockintError as exc:
            self.events.on_warning(f"weakness ledger not updated: {exc}")
        if weak is None:  # no ledger: the areas repeated within the round
            weak = find_weak_areas(rnd.answers, rubrics, session_id=session.id)
        report_path = self.write_report(session, own=options.update_ledger) if options.write_report else None
        views = []
        if rnd.panel is not None:
            from mockint.coaching.panel import panelist_views

            views = panelist_views(rnd.panel, rnd.answers, rubrics)
        from mockint.coaching.questions import load_bank
        from mockint.coaching.retold import retellings_in_round

        advice = load_bank().round_advice.retold if retellings_in_round(session.rounds, rnd) else ""  # the bank only when needed
        return RoundSummary(session, rnd, list(rnd.answers), weak, report_path, ledger_updated, views, advice)

    def write_report(self, session: Session, *, own: bool = True) -> Path | None:
        """The Markdown and HTML reports in the session folder (what 'mockint report' writes); `own`: the candidate's
        answers (not the demo's), so their notes of the real interview (the ledger's) are about them."""
        from mockint.reporting.files import write_session_reports

        try:
            return write_session_reports(session, self.store, self.rubrics(), on_warning=self.events.on_warning,
                                         ledger_file=self.settings.paths.ledger_file if own else None)
        except MockintError as exc:
            self.events.on_warning(f"report not written: {exc} (try 'mockint report {session.id}')")
            return None


@dataclass(frozen=True)
class Judged:
    """What an answer is scored as: a question and a transcript.

    `own` is the answer's own transcript when `transcript` is a story it was told after (a
    probe's reply, a plan follow-up's reply): the card's quotes are timed in its own recording.
    `alone` is set for a plan follow-up's reply: it is also read alone, on the follow-up itself,
    and each criterion takes the better of the two readings (reply_card)."""

    question: QuestionRef
    transcript: Transcript
    own: Transcript | None = None
    alone: QuestionRef | None = None

    def score(self, scorer: Scorer, rubrics: list[Rubric]) -> Scorecard:
        from mockint.scoring.evidence import timed_in

        card = score_question(scorer, self.question, self.transcript, rubrics)
        if self.own is None:
            return card
        card = timed_in(card, self.own)
        if self.alone is None:
            return card
        return reply_card(card, score_question(scorer, self.alone, self.own, rubrics), self.alone.criteria, rubrics)


def reply_card(after_story: Scorecard, alone: Scorecard, criteria: list[str], rubrics: list[Rubric]) -> Scorecard:
    """A follow-up's reply judged on what the follow-up asks for (`criteria`), each criterion at the
    better of its two readings: told after the answer it follows up, and alone.

    Either reading alone marks down a reply that gives exactly what was asked. Alone, "Delayed
    discharges fell from about 12 a week to 5" is no result (Result 1/4: the offline scorer
    reads a figure before any step as the problem); told after the story it is 3/4. Told after a
    story of "we worked really hard as a team", "I decided to split the evidence folders… I
    personally audited all 28 records" reads as a step in that story's "we" (Action 2/4); alone it is 3/4."""
    from mockint.scoring.card import apply_question_criteria

    wanted = set(criteria)
    solo = {c.key: c for c in alone.criteria}
    # at a tie the reply's own reading: its quotes are the reply's words, not the answer it follows up (trial 13: a
    # reply giving "58% ... the final mark was 72%" was shown the earlier answer's "we caught up in the end" as its
    # Result)
    merged = [
        solo[c.key] if c.key in wanted and c.key in solo and solo[c.key].score >= c.score else c for c in after_story.criteria
    ]
    return apply_question_criteria(after_story.model_copy(update={"criteria": merged}), criteria, rubrics)


def parent_of(session: Session, answer: Answer) -> Answer | None:
    """The answer a probe's answer follows up (None for any other answer)."""
    return next((a for a in session.answers if a.id == answer.probe_of), None) if answer.probe_of else None


def probed_story(session: Session, answer: Answer) -> Answer:
    """`answer` as part of its story: a probe's answer joined to its parent's and the probes
    before it (coaching/probe.judged_story); any other answer as it is."""
    from mockint.coaching.probe import judged_story

    parent = parent_of(session, answer)
    if parent is None or parent.transcript is None:
        return answer
    probes = [a for a in session.answers if a.probe_of == parent.id]
    return judged_story(parent, probes[: probes.index(answer) + 1])


def own_left_out(room: int, mine: int, *, answer_files: bool) -> str:
    """The warning for `mine` own questions in a round with `room` for fewer: the answer files that name no
    question (`answer_files`), else --questions. "asking the first 0 of your 1 questions" said one was asked
    where every answer file named a bank question."""
    yours = "your question" if mine == 1 else f"your {mine} questions"
    if room == 0:  # only answer files leave none: --questions is at least 1
        return f"{yours} {'is' if mine == 1 else 'are'} not asked: every answer file names a bank question (ID=FILE)"
    first = "only the first" if room == 1 else f"only the first {room}"
    why = f"only {room} answer file{'s name' if room != 1 else ' names'} no question" if answer_files else f"--questions {room}"
    return f"asking {first} of {yours} ({why}); the rest are left out"


def judged_as(session: Session, answer: Answer, *, depth: int = 0) -> Judged:
    """What `answer` is scored as, in practice and by 'mockint score --session' alike:
      - a probe's answer: with the story before it, on the parent's question (all its criteria);
      - a reply to a plan follow-up that quotes an earlier answer of this session ("You said X:
        what changed as a result, in numbers?"): told after that answer (itself judged so), on that
        answer's question, but only on what the follow-up asks for (its criteria). The earlier
        answer was judged in its own round; this reply adds to its story and is not marked down
        again for the parts that story already told (or did not);
      - any other answer: itself, on its own question."""
    from mockint.coaching.plan import followed_answer_id

    assert answer.transcript is not None
    if answer.probe_of:
        story = probed_story(session, answer)
        assert story.transcript is not None
        return Judged(story.question, story.transcript)
    earlier_id = followed_answer_id(answer.question, session.id)
    earlier = next((a for a in session.answers if a.id == earlier_id and a.id != answer.id), None) if earlier_id else None
    if earlier is None or earlier.transcript is None or not earlier.transcript.text.strip() or depth >= MAX_FOLLOWUP_CHAIN:
        return Judged(answer.question, answer.transcript)
    return told_after(judged_as(session, earlier, depth=depth + 1), answer.question, answer.transcript)


def told_after(before: Judged, question: QuestionRef, reply: Transcript) -> Judged:
    """A reply to `question`, a follow-up, judged told after the answer judged as `before`: on
    that answer's question, on what the follow-up asks for."""
    from mockint.coaching.probe import combined_transcript

    criteria = list(question.criteria) or list(before.question.criteria)
    return Judged(
        before.question.model_copy(update={"criteria": criteria}), combined_transcript(before.transcript, reply), own=reply,
        alone=question.model_copy(update={"criteria": criteria}),
    )


def find_planned_followup(store: SessionStore, text: str) -> tuple[Session, QuestionRef] | None:
    """The stored plan follow-up (asked or planned) worded `text`, newest session first, with the
    session it is in: a question typed from a plan brings what it asks for and the answer it quotes.

    Only a session whose file says "followup" (a QuestionRef's `source`, as JSON writes it) can hold one,
    so only those are parsed: `score --text -q` parsed every stored session when none matched, 1.27 s of
    CPU for 200 sessions of four scored answers (120 kB each), 0.02 s when only one of them has a plan."""
    import json

    from mockint.coaching.plan import same_words
    from mockint.session import load_session_file

    for session_id in reversed(store.ids_saying(json.dumps("followup"))):
        try:
            session = load_session_file(store.file(session_id))
        except SessionError:
            continue  # a damaged session: 'mockint sessions list' names it
        for rnd in reversed(session.rounds):
            for ref in [*rnd.plan, *rnd.questions]:
                if ref.source == "followup" and same_words(ref.text, text):
                    return session, ref
    return None


def judge_typed_reply(
    asked: QuestionRef, typed: str | None, transcript: Transcript, store: SessionStore, rubrics: list[Rubric],
    *, follows: str | None = None,
) -> tuple[Judged, str | None]:
    """How 'mockint score' judges an answer to `asked` (`typed`: the question as the user gave it),
    and a note saying so when it is judged as a follow-up's reply.

    A follow-up from a stored plan is judged as practice would judge the reply: on what it asks
    for, told after the answer it quotes. A question worded as a follow-up template is judged on
    what it asks for; `follows` ('SESSION/ANSWER', SESSION as 'mockint sessions' takes it, 'latest'
    too) names the answer it follows up, to judge the reply told after it."""
    from mockint.coaching.plan import followed_answer_id, followup_template_criteria
    from mockint.scoring.rubrics import criteria_by_key

    planned = find_planned_followup(store, typed) if typed else None
    question, source = asked, None
    if planned is not None:
        question, source = planned[1], planned[0]
    elif typed and (criteria := followup_template_criteria(typed, rubrics)):
        question = asked.model_copy(update={"criteria": criteria})
    earlier = None
    if follows is not None:
        earlier = _named_answer(store, follows)
    elif source is not None and (earlier_id := followed_answer_id(question, source.id)):
        found = next((a for a in source.answers if a.id == earlier_id and a.transcript is not None), None)
        earlier = (source, found) if found is not None else None
    index = criteria_by_key(rubrics)
    names = ", ".join(index[k][1].name for k in question.criteria if k in index)
    where = "a follow-up from your plan" if source is not None else "a follow-up on an earlier answer"
    if earlier is not None:
        session, answer = earlier
        judged = told_after(judged_as(session, answer), question, transcript)
        return judged, f'Judged as {where}: told after {answer.id} of session {session.id} ("{judged.question.text}"), on {names}.'
    if question is not asked:
        hint = " Add --follows SESSION/ANSWER to judge it told after the answer it quotes." if '"' in question.text else ""
        return Judged(question, transcript), f"Judged as {where}: only on what it asks for ({names}), not as a whole story.{hint}"
    return Judged(asked, transcript), None


def _named_answer(store: SessionStore, ref: str) -> tuple[Session, Answer]:
    """'SESSION/ANSWER' -> that session and its answer (with a transcript), or a usage error."""
    session_ref, _, answer_id = ref.rpartition("/")
    if not session_ref or not answer_id:
        raise UsageError(f"--follows {ref}: give SESSION/ANSWER", hint="e.g. --follows latest/a01 ('mockint sessions show' lists answers)")
    session = store.load(session_ref)
    answer = next((a for a in session.answers if a.id == answer_id), None)
    if answer is None or answer.transcript is None or not answer.transcript.text.strip():
        raise UsageError(
            f"--follows {ref}: session {session.id} has no transcribed answer {answer_id}",
            hint=f"'mockint sessions show {session.id}' lists its answers",
        )
    return session, answer


def _split_probe_files(files: list[AnswerFile]) -> tuple[list[AnswerFile], dict[int, list[Path]]]:
    """The main answer files, and the probe answer files after each (by the main file's index)."""
    main: list[AnswerFile] = []
    probes: dict[int, list[Path]] = {}
    for file in files:
        if not file.is_probe:
            main.append(file)
        elif not main:
            raise UsageError(
                f"--answers-from {PROBE_FILE_ID}={file.path}: a probe answer follows the answer it probes",
                hint=f"put it after that answer's file: --answers-from ANSWER {PROBE_FILE_ID}=PROBE_ANSWER",
            )
        else:
            probes.setdefault(len(main) - 1, []).append(file.path)
    return main, probes


# A typed answer (trial 11: a candidate who writes answers on the train had no way to put them in a round, so they never
# reached the weak areas, the plan or the report): read as its transcript.
TYPED_ANSWER_SUFFIXES = (".txt", ".md")


# A word processor's file given as a typed answer: named as such, not decoded as audio ("not an audio file, or
# corrupt (Invalid data found when processing input)" for an HR partner's answers.docx).
DOCUMENT_SUFFIXES = (".docx", ".doc", ".odt", ".rtf", ".pdf", ".pages")


def is_typed_answer(path: Path) -> bool:
    return path.suffix.lower() in TYPED_ANSWER_SUFFIXES


def read_typed_answer(path: Path | str) -> tuple[str | None, str]:
    """(the question a typed answer file opens with as "Q: ...", if it does; the answer, its lines joined): the one
    reader of a typed answer, for `mockint score --text` and a practice round's answer files alike, so a file one
    reads (UTF-16 from Notepad, a BOM) the other does not refuse. A file that holds no answer (empty, only its question
    line, only um or uh) is a UserFileError, as one that is not text."""
    question, text = split_question_line(read_user_text(path, "answer file"))
    text = " ".join(text.split())
    if not text:
        raise UserFileError(f"{path}: the answer file holds only its question line, no answer to score")
    if only_fillers(text):
        raise UserFileError(f"{path}: the answer file says only um or uh, nothing to score")
    return question, text


def _check_answer_files(files: list[AnswerFile]) -> None:
    """Decode every answer file now, and listen for speech in it (Silero VAD, a fraction of a second
    a minute), so a typo, a file that is neither audio nor a typed answer (.txt, .md) or a silent recording stops the
    round before it starts."""
    from mockint.speech.decode import SAMPLE_RATE, load_audio
    from mockint.speech.vad import speech_spans

    problems = []
    for file in files:
        if is_typed_answer(file.path):
            try:
                read_typed_answer(file.path)
            except UserFileError as exc:
                problems.append(str(exc))
            continue
        if file.path.suffix.lower() in DOCUMENT_SUFFIXES:
            problems.append(f"{file.path}: a document, not a typed answer (save it as plain text, .txt)")
            continue
        try:
            samples = load_audio(file.path)
        except AudioError as exc:
            problems.append(str(exc))
            continue
        if not speech_spans(samples):
            problems.append(f"{file.path}: no speech in its {len(samples) / SAMPLE_RATE:.1f} s")
    if problems:
        raise AudioError(
            f"cannot use {len(problems)} of {len(files)} answer files: {'; '.join(problems)}",
            hint="--answers-from takes audio files (wav, flac, mp3, ogg, m4a, webm) and typed answers (.txt, .md)",
        )


def _device_arg(device: str | None) -> int | str | None:
    if device is None or device == "":
        return None
    from mockint.speech.record import resolve_device

    return resolve_device(device)


def _default_speaker(text: str, voice: str | None = None) -> None:
    from mockint.speech.tts import speak

    if voice:
        speak(text, voice=voice)
    else:
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
