"""The practice loop driven from the page: the WebSocket's audio is the microphone, the loop's
events are messages to the page.

mockint.practice runs the round exactly as for the terminal; only its injected edges change:
  - `BrowserMicrophone` is its `stream_factory`, called like sounddevice.InputStream. The page
    captures the microphone only while an answer is recorded (getUserMedia, then an AudioWorklet
    resampling to 16 kHz mono int16) and sends the PCM over the WebSocket; each block goes to the
    recorder's callback, so speech/record.Recorder writes the same WAV to disk as it arrives and
    the same StreamingTranscriber transcribes while the candidate speaks.
  - `PageEvents` turns PracticeEvents into messages (messages.py); it is also the loop's `sleep`
    (think time) and `speaker` (the page reads the question with the browser's speech synthesis),
    both of which end early when the page goes away.
  - `PageRound` runs one round on its own thread; `send` must be safe to call from any thread
    (the server queues messages onto its event loop).

Closing the tab ends the answer being recorded as if the candidate had stopped (its WAV is
closed with everything received, then transcribed and scored) and ends the round before the
next question; killing the server loses at most the WAV's last flush interval (0.25 s). Either
way the session file says what is left, and `mockint practice --resume ID` or the page's
Continue picks it up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from mockint.errors import DeviceError, MockintError, SessionError
from mockint.practice import DEFAULT_QUESTIONS, Practice, PracticeEvents, PracticeOptions
from mockint.speech.decode import SAMPLE_RATE
from mockint.web import messages

if TYPE_CHECKING:
    from mockint.coaching.own_questions import OwnQuestion
    from mockint.config import Settings
    from mockint.scoring.rubrics import Rubric
    from mockint.session import SessionStore

Send = Callable[[dict[str, Any]], None]

MIC_HINT = "allow the microphone for this page (the icon at the left of the address bar), then press Continue"
MAX_TEXT = 20_000  # characters of a job description the page may send


class SessionEnded(Exception):
    """The candidate ended the round, or closed the page: everything so far is saved."""


# --- the microphone ----------------------------------------------------------------------------


class BrowserMicrophone:
    """A stream factory for speech/record.Recorder whose audio comes from the page.

    `start()` asks the page to open its microphone and waits for its answer, so a refused
    permission is a DeviceError at the same place a missing microphone is in the terminal.
    """

    def __init__(self, send: Send, *, start_timeout: float = 120.0) -> None:
        self._send = send
        self.start_timeout = start_timeout
        self._lock = threading.Lock()
        self._capture: _Capture | None = None
        self._reply = threading.Event()
        self._refusal: str | None = None
        self._closed = False

    def __call__(self, *, samplerate: int, channels: int, dtype: str, callback: Callable[..., None], **_: Any) -> _Capture:
        if samplerate != SAMPLE_RATE or channels != 1 or dtype != "int16":
            raise DeviceError(f"the page sends 16 kHz mono int16, not {samplerate} Hz x{channels} {dtype}")
        return _Capture(self, callback)

    # --- from the socket (the server's event loop) ----------------------------------------

    def feed(self, data: bytes) -> None:
        """One block of 16 kHz mono little-endian int16 PCM from the page."""
        with self._lock:
            capture = self._capture
        if capture is None or len(data) < 2:
            return  # between answers: nothing is recorded
        block = np.frombuffer(data[: len(data) - len(data) % 2], dtype="<i2").reshape(-1, 1)
        capture.callback(block, len(block), None, None)

    def page_replied(self, ok: bool, message: str = "") -> None:
        """The page's answer to "capture on": capturing, or why not (permission refused...)."""
        self._refusal = None if ok else (message or "the browser gave no microphone")
        self._reply.set()

    def close(self) -> None:
        self._closed = True
        self._refusal = "the page was closed"
        self._reply.set()

    # --- from the recorder (the round's thread) -------------------------------------------

    def _begin(self, capture: _Capture) -> None:
        if self._closed:
            raise DeviceError("the page was closed")
        self._reply.clear()
        with self._lock:
            self._capture = capture
        self._send({"type": "capture", "on": True, "samplerate": SAMPLE_RATE})
        if not self._reply.wait(self.start_timeout):
            self._end(capture)
            raise DeviceError(f"the page did not open the microphone within {self.start_timeout:.0f} s", hint=MIC_HINT)
        if self._refusal is not None:
            self._end(capture)
            raise DeviceError(f"no microphone in the browser: {self._refusal}", hint=MIC_HINT)

    def _end(self, capture: _Capture) -> None:
        with self._lock:
            if self._capture is not capture:
                return
            self._capture = None
        if not self._closed:
            self._send({"type": "capture", "on": False})


class _Capture:
    """One answer's input stream, as Recorder uses it: start, stop, close."""

    def __init__(self, mic: BrowserMicrophone, callback: Callable[..., None]) -> None:
        self.mic = mic
        self.callback = callback

    def start(self) -> None:
        self.mic._begin(self)

    def stop(self) -> None:
        self.mic._end(self)

    def close(self) -> None:
        self.mic._end(self)


# --- the events --------------------------------------------------------------------------------


class PageEvents(PracticeEvents):
    """PracticeEvents as messages to the page; also the round's interruptible sleep and speaker."""

    def __init__(self, send: Send, options: PracticeOptions, *, speak_timeout: float = 120.0) -> None:
        self.send = send
        self.options = options
        self.speak_timeout = speak_timeout
        self.ended = threading.Event()
        self.session_id: str | None = None
        self._stop: threading.Event | None = None
        self._spoken = threading.Event()

    # --- from the page --------------------------------------------------------------------

    def stop_answer(self) -> None:
        """The candidate pressed Done: the recording ends, as Enter ends it in the terminal."""
        stop = self._stop
        if stop is not None:
            stop.set()

    def end(self) -> None:
        """End the round: the answer being recorded is kept and scored, nothing more is asked."""
        self.ended.set()
        self.stop_answer()
        self._spoken.set()

    def question_spoken(self) -> None:
        self._spoken.set()

    # --- the loop's sleep and speaker -------------------------------------------------------

    def sleep(self, seconds: float) -> None:
        if self.ended.wait(seconds):
            raise SessionEnded()

    def speak(self, text: str) -> None:
        """The page reads the question aloud (speech synthesis); recording starts when it is done."""
        self._spoken.clear()
        self.send({"type": "speak", "text": text})
        self._spoken.wait(self.speak_timeout)
        if self.ended.is_set():
            raise SessionEnded()

    # --- mockint.practice.PracticeEvents ----------------------------------------------------

    def on_session(self, session, resumed: bool) -> None:
        self.session_id = session.id
        self.send(messages.session_message(session, resumed))

    def on_status(self, message: str) -> None:
        self.send({"type": "status", "message": message})

    def on_warning(self, message: str) -> None:
        self.send({"type": "warning", "message": message})

    def on_question(self, number: int, total: int, question) -> None:
        if self.ended.is_set():
            raise SessionEnded()
        self.send(messages.question_message(number, total, question))

    def on_think(self, seconds: float) -> None:
        self.send({"type": "think", "seconds": seconds})

    def on_recording_started(self, answer, stop_event: threading.Event) -> None:
        self._stop = stop_event
        if self.ended.is_set():
            stop_event.set()
        self.send(
            messages.recording_message(
                answer,
                max_seconds=self.options.max_answer_seconds,
                silence_stop_seconds=self.options.silence_stop_seconds,
                answer_seconds=self.options.answer_seconds,
            )
        )

    def on_time_left(self, answer, seconds: float) -> None:
        self.send(messages.time_left_message(answer, seconds))

    def on_time_warning(self, answer, seconds: float) -> None:
        self.send(messages.time_left_message(answer, seconds, warning=True))

    def on_asker(self, panelist) -> None:
        self.send(messages.asker_message(panelist))

    def on_probe(self, parent, question) -> None:
        self.send(messages.probe_message(parent, question))

    def on_level(self, status) -> None:
        self.send(messages.level_message(status))

    def on_transcript_part(self, answer, part) -> None:
        self.send(messages.transcript_part_message(answer, part))

    def on_recording_stopped(self, answer, result) -> None:
        self._stop = None
        self.send(messages.recorded_message(answer, result))

    def on_transcribed(self, answer) -> None:
        self.send(messages.transcribed_message(answer))

    @cached_property
    def rubrics(self) -> list[Rubric]:
        """The rubrics the card's rows and notes are read with, as the report reads them."""
        from mockint.scoring.rubrics import load_rubrics

        return load_rubrics()

    def on_feedback(self, answer) -> None:
        assert self.session_id is not None
        self.send(messages.feedback_message(self.session_id, answer, self.rubrics))

    def on_llm_score(self, answer) -> None:
        # From the scoring thread, whenever it arrives: the page swaps that answer's card.
        assert self.session_id is not None
        self.send(messages.feedback_message(self.session_id, answer, self.rubrics, update=True))

    def on_llm_wait(self, pending: int) -> None:
        self.send({"type": "llm-wait", "pending": pending})

    def skip_llm_wait(self) -> bool:
        return self.ended.is_set()  # End session: the summary now, the rest stays pending


# --- one round ---------------------------------------------------------------------------------


def options_from_page(settings: Settings, request: dict[str, Any]) -> PracticeOptions:
    """The page's start form as PracticeOptions; bad values are a SessionError for the page."""

    def text(key: str, limit: int = 200) -> str | None:
        value = request.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str) or len(value) > limit:
            raise SessionError(f"'{key}' must be text of at most {limit} characters")
        return value.strip() or None

    mode = request.get("mode", "bank")
    if mode not in ("bank", "plan", "panel", "own"):
        raise SessionError(f"unknown mode '{mode}' (bank, plan, panel or own)")
    questions = request.get("questions", DEFAULT_QUESTIONS)
    if mode == "own":
        questions = None  # the round is your questions, as `practice --my-question` without --questions
    elif not isinstance(questions, int) or isinstance(questions, bool) or not 1 <= questions <= 20:
        raise SessionError("'questions' must be a whole number from 1 to 20")
    answer_seconds = request.get("answer_seconds")
    if answer_seconds is not None and (not isinstance(answer_seconds, int | float) or not 5 <= answer_seconds <= 600):
        raise SessionError("'answer_seconds' must be a number of seconds from 5 to 600")
    options = PracticeOptions.from_settings(
        settings,
        questions=questions,
        category=text("category", 40),
        role=text("role"),
        job_description=text("job_description", MAX_TEXT),
        use_plan=mode == "plan",
        speak=bool(request.get("speak", False)),
        offline=bool(request.get("offline", False)),
        panel=text("panel", 60) if mode == "panel" else None,
        answer_seconds=answer_seconds,
        probes=1 if request.get("probes", True) else 0,
        own_questions=page_own_questions(request) if mode == "own" else [],
    )
    if mode == "panel" and options.panel is None:
        raise SessionError("choose a panel")
    options.device = None  # the page is the microphone; the machine's devices are not used
    return options


def page_own_questions(request: dict[str, Any]) -> list[OwnQuestion]:
    """The page's own questions: my_questions.yaml's when `mine` is ticked, then the box's, one a
    line (blank lines skipped); judged and checked as `practice --mine --my-question ...` would be."""
    from mockint.coaching.own_questions import gather, own_questions_path
    from mockint.coaching.questions import load_bank

    text = request.get("own_questions") or ""
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise SessionError(f"'own_questions' must be text of at most {MAX_TEXT} characters")
    typed = [line for line in text.splitlines() if line.strip()]
    mine = bool(request.get("mine", False))
    if not typed and not mine:
        raise SessionError("write your questions, one a line")
    return gather(typed, own_questions_path() if mine else None, load_bank(), typed_as="a question in the box")


class PageRound:
    """One round (new or resumed) for one connected page, on its own thread."""

    def __init__(
        self,
        settings: Settings,
        store: SessionStore,
        send: Send,
        *,
        transcriber: Callable[[Send], Any],
        on_done: Callable[[PageRound], None] = lambda _: None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.send = send
        self.mic = BrowserMicrophone(send)
        self.events: PageEvents | None = None
        self._transcriber = transcriber
        self._on_done = on_done
        self._thread: threading.Thread | None = None
        self.page_gone = False  # the page that ran it was closed: it is only saving its last answer

    @property
    def session_id(self) -> str | None:
        return self.events.session_id if self.events is not None else None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, request: dict[str, Any]) -> None:
        """Start a round from the page's form, or resume `request["resume"]`."""
        resume = request.get("resume")
        options = options_from_page(self.settings, request) if not resume else self._resume_options(request)
        self.events = PageEvents(self.send, options)
        self._thread = threading.Thread(
            target=self._run, args=(options, resume), name="mockint-page-round", daemon=True
        )
        self._thread.start()

    def _resume_options(self, request: dict[str, Any]) -> PracticeOptions:
        options = PracticeOptions.from_settings(self.settings, speak=bool(request.get("speak", False)))
        options.device = None
        return options

    def _run(self, options: PracticeOptions, resume: str | None) -> None:
        assert self.events is not None
        events = self.events
        session_id = resume
        try:
            practice = Practice(
                self.settings,
                self.store,
                events=events,
                transcriber=self._transcriber(self.send),
                stream_factory=self.mic,
                speaker=events.speak,
                sleep=events.sleep,
            )
            session = practice.resume(str(resume), options) if resume else practice.start(options)
            session_id = session.id
            summary = practice.run(session, options)
            self.send(messages.summary_message(summary))
        except SessionEnded:
            self._send_ended(session_id)
        except MockintError as exc:
            self.send({"type": "error", "message": exc.message, "hint": exc.hint, **self._left(session_id)})
        except Exception as exc:  # noqa: BLE001 - a bug: the page says so in one line, the session is saved
            self.send({"type": "error", "message": f"internal error: {type(exc).__name__}: {exc}", "hint": None, **self._left(session_id)})
        finally:
            self._on_done(self)

    def unfinished_session(self) -> str | None:
        """The session this round ran, if it still has questions or answers left."""
        left = self._left(self.session_id)
        return left["session"] if left.get("unfinished") else None

    def _left(self, session_id: str | None) -> dict[str, Any]:
        """What is left of the session, for the page's Continue and the terminal's --resume."""
        if session_id is None:
            return {"session": None}
        try:
            left = messages.unfinished(self.store.load(session_id))
        except MockintError:
            return {"session": None}
        return {"session": session_id, "unfinished": left, "resume_command": messages.resume_command(session_id)}

    def _send_ended(self, session_id: str | None) -> None:
        self.send({"type": "ended", **self._left(session_id)})

    # --- from the page ----------------------------------------------------------------------

    def stop_answer(self) -> None:
        if self.events is not None:
            self.events.stop_answer()

    def end(self) -> None:
        if self.events is not None:
            self.events.end()

    def question_spoken(self) -> None:
        if self.events is not None:
            self.events.question_spoken()

    def page_closed(self) -> None:
        self.page_gone = True
        self.end()
        self.mic.close()

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
