"""Transcription while the candidate speaks.

Every Whisper call costs at least ~0.5 s on two cores (it encodes a 30 s window whatever
the input length), so re-transcribing the growing recording is out. Instead the audio is
cut into chunks at natural pauses, found by Silero VAD on the not-yet-committed part only;
each finished chunk goes to one worker thread, transcribed once with its offset into the
answer and the text before it as context. When the answer ends only the tail since the
last pause is left, so the full transcript is ready within about a second of the end.

Cut rules, checked every `check_seconds` of new audio:
1. the speaker has been silent `pause_commit_seconds` after some speech: commit all of it;
2. the chunk is `target_chunk_seconds` long: commit up to its latest pause of at least
   `min_gap_seconds`;
3. the chunk is `max_chunk_seconds` long (someone who never pauses): cut at its widest gap,
   else at its quietest moment, so no chunk outgrows Whisper's 30 s window.
Leading silence (think time, long pauses) is dropped without a Whisper call.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from mockint.audio.decode import SAMPLE_RATE
from mockint.errors import MockintError, TranscriptionError
from mockint.models import Transcript

if TYPE_CHECKING:
    from collections.abc import Callable


# Fast speech is 4-5 words a second; Whisper's hallucinations at a chunk's end pack more.
MAX_WORDS_PER_SECOND = 7.0


class ChunkTranscriber(Protocol):
    model_name: str

    def transcribe(
        self, samples: np.ndarray, *, keywords: list[str] | None = None, offset: float = 0.0, prompt_extra: str | None = None
    ) -> Transcript: ...


@dataclass(frozen=True)
class StreamingOptions:
    check_seconds: float = 0.5
    pause_commit_seconds: float = 0.6
    min_commit_speech_seconds: float = 1.0
    target_chunk_seconds: float = 8.0
    min_chunk_seconds: float = 3.0
    min_gap_seconds: float = 0.25
    max_chunk_seconds: float = 12.0
    # Silence kept before speech in a chunk, so Whisper hears the onset.
    preroll_seconds: float = 0.5
    drop_silence_after_seconds: float = 3.0
    # Words of committed text given to Whisper as context for the next chunk.
    context_words: int = 40
    # A segment whose words average below this probability is dropped as invented.
    hallucination_probability: float = 0.1


@dataclass
class ChunkRecord:
    """One committed chunk: where it sits in the answer and what it cost."""

    start: float
    end: float
    reason: str
    transcribe_seconds: float | None = None
    words: int = 0


@dataclass
class StreamingStats:
    chunks: list[ChunkRecord] = field(default_factory=list)
    vad_seconds: float = 0.0
    vad_calls: int = 0
    dropped_silence_seconds: float = 0.0


def detect_speech(samples: np.ndarray) -> list[tuple[float, float]]:
    """Speech spans (seconds) at fine resolution: gaps down to 0.1 s are reported, so the
    segmenter can choose a cut point itself."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    if len(samples) < 512:
        return []
    options = VadOptions(min_silence_duration_ms=100, speech_pad_ms=30, min_speech_duration_ms=120)
    stamps = get_speech_timestamps(samples, options, sampling_rate=SAMPLE_RATE)
    return [(s["start"] / SAMPLE_RATE, s["end"] / SAMPLE_RATE) for s in stamps]


def choose_cut(
    spans: list[tuple[float, float]], length: float, opts: StreamingOptions, samples: np.ndarray | None = None
) -> tuple[float, str] | None:
    """Where to end the next chunk (seconds into the pending audio) and why, or None to wait.

    Pure given the VAD spans; `samples` is only needed for the quietest-moment fallback.
    """
    if not spans:
        return None
    speech = spans[-1][1] - spans[0][0]
    trailing = length - spans[-1][1]
    if trailing >= opts.pause_commit_seconds and speech >= opts.min_commit_speech_seconds:
        return min(length, spans[-1][1] + opts.pause_commit_seconds / 2), "pause"
    gaps = [(spans[i][1], spans[i + 1][0]) for i in range(len(spans) - 1)]
    if length >= opts.target_chunk_seconds:
        usable = [
            (a + b) / 2
            for a, b in gaps
            if b - a >= opts.min_gap_seconds and (a + b) / 2 >= opts.min_chunk_seconds
        ]
        if usable:
            return usable[-1], "target"
    if length >= opts.max_chunk_seconds:
        late = [(b - a, (a + b) / 2) for a, b in gaps if (a + b) / 2 >= opts.max_chunk_seconds / 2]
        if late:
            return max(late)[1], "forced-gap"
        if samples is not None:
            return quietest_moment(samples, opts.max_chunk_seconds / 2, length - 0.5), "forced-quiet"
        return length - 0.5, "forced"
    return None


def quietest_moment(samples: np.ndarray, start: float, end: float, frame: float = 0.03) -> float:
    """Centre (seconds) of the lowest-energy frame between start and end."""
    n = int(frame * SAMPLE_RATE)
    lo, hi = int(start * SAMPLE_RATE), int(end * SAMPLE_RATE)
    region = samples[lo:hi]
    frames = len(region) // n
    if frames < 1:
        return end
    energy = np.square(region[: frames * n].reshape(frames, n)).mean(axis=1)
    return (lo + int(np.argmin(energy)) * n + n // 2) / SAMPLE_RATE


def drop_hallucinations(part: Transcript, max_mean_probability: float) -> Transcript:
    """Remove segments Whisper was nearly sure are not there ("Yeah.", "Thank you." invented in
    the silence a chunk ends with): every chunk end is a chance for one, unlike one long file."""
    kept, dropped = [], []
    for seg in part.segments:
        words = [w for w in part.words if seg.start <= w.start < seg.end or (w.start == w.end == seg.start)]
        mean = sum(w.probability for w in words) / len(words) if words else 1.0
        rate = len(words) / max(seg.end - seg.start, 0.01)
        # Unsure words packed faster than anyone speaks are Whisper filling silence, not speech.
        invented = mean < max_mean_probability or (rate > MAX_WORDS_PER_SECOND and mean < 0.5)
        (dropped if invented else kept).append(seg)
    if not dropped:
        return part
    words = [w for w in part.words if not any(s.start <= w.start < s.end for s in dropped)]
    return part.model_copy(
        update={"segments": kept, "words": words, "text": " ".join(s.text for s in kept).strip()}
    )


def merge_transcripts(parts: list[Transcript], duration: float, model: str = "") -> Transcript:
    """One answer's transcript from its chunks (each already shifted to answer time)."""
    return Transcript(
        text=" ".join(p.text.strip() for p in parts if p.text.strip()),
        words=[w for p in parts for w in p.words],
        segments=[s for p in parts for s in p.segments],
        duration=round(duration, 3),
        speech=[s for p in parts for s in p.speech],
        language="en",
        model=next((p.model for p in parts if p.model), model),
    )


class StreamingTranscriber:
    """Feed it int16 or float32 blocks as they are captured; `finish()` returns the transcript.

    Also a speech tracker for the recorder: `last_speech_end` (seconds into the answer)
    drives silence auto-stop from the same VAD pass.
    """

    def __init__(
        self,
        transcriber: ChunkTranscriber,
        *,
        keywords: list[str] | None = None,
        options: StreamingOptions | None = None,
        vad: Callable[[np.ndarray], list[tuple[float, float]]] = detect_speech,
    ) -> None:
        self.transcriber = transcriber
        self.keywords = keywords
        self.opts = options or StreamingOptions()
        self.vad = vad
        self.stats = StreamingStats()
        self._buf = np.zeros(SAMPLE_RATE * 60, dtype=np.float32)
        self._n = 0  # samples received
        self._p0 = 0  # start of the pending (uncommitted) audio
        self._checked_at = 0
        self._last_speech_end: float | None = None
        self._jobs: queue.Queue[tuple[np.ndarray, float, ChunkRecord] | None] = queue.Queue()
        self._parts: list[Transcript] = []
        self._error: BaseException | None = None
        self._finished = False
        self._worker = threading.Thread(target=self._work, name="mockint-stream-transcriber", daemon=True)
        self._worker.start()

    # --- the recording side -------------------------------------------------------------

    @property
    def last_speech_end(self) -> float | None:
        return self._last_speech_end

    @property
    def seconds(self) -> float:
        return self._n / SAMPLE_RATE

    @property
    def pending_seconds(self) -> float:
        return (self._n - self._p0) / SAMPLE_RATE

    def feed(self, block: np.ndarray) -> None:
        if self._finished:
            raise RuntimeError("feed() after finish()")
        samples = block.reshape(-1)
        if samples.dtype == np.int16:
            samples = samples.astype(np.float32) / 32768.0
        else:
            samples = samples.astype(np.float32, copy=False)
        if self._n + len(samples) > len(self._buf):
            grown = np.zeros(max(len(self._buf) * 2, self._n + len(samples)), dtype=np.float32)
            grown[: self._n] = self._buf[: self._n]
            self._buf = grown
        self._buf[self._n : self._n + len(samples)] = samples
        self._n += len(samples)
        if self._n - self._checked_at >= self.opts.check_seconds * SAMPLE_RATE:
            self._checked_at = self._n
            self._segment()

    def _segment(self) -> None:
        # Several cuts can be due at once (e.g. a pause right after a long stretch).
        for _ in range(4):
            pending = self._buf[self._p0 : self._n]
            length = len(pending) / SAMPLE_RATE
            started = time.perf_counter()
            spans = self.vad(pending)
            self.stats.vad_seconds += time.perf_counter() - started
            self.stats.vad_calls += 1
            if not spans:
                if length > self.opts.drop_silence_after_seconds:
                    self._drop(length - self.opts.preroll_seconds)
                return
            self._last_speech_end = self._p0 / SAMPLE_RATE + spans[-1][1]
            lead = spans[0][0] - self.opts.preroll_seconds
            if lead > self.opts.drop_silence_after_seconds:
                self._drop(lead)
                continue
            cut = choose_cut(spans, length, self.opts, pending)
            if cut is None:
                return
            self._commit(cut[0], cut[1])

    def _drop(self, seconds: float) -> None:
        n = int(seconds * SAMPLE_RATE)
        self._p0 += n
        self.stats.dropped_silence_seconds += n / SAMPLE_RATE

    def _commit(self, seconds: float, reason: str) -> None:
        end = min(self._n, self._p0 + max(1, int(seconds * SAMPLE_RATE)))
        chunk = self._buf[self._p0 : end].copy()
        record = ChunkRecord(start=self._p0 / SAMPLE_RATE, end=end / SAMPLE_RATE, reason=reason)
        self.stats.chunks.append(record)
        self._jobs.put((chunk, self._p0 / SAMPLE_RATE, record))
        self._p0 = end

    # --- the worker -------------------------------------------------------------------

    def _context(self) -> str | None:
        words = " ".join(p.text for p in self._parts if p.text).split()
        return " ".join(words[-self.opts.context_words :]) or None

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if self._error is not None:
                continue  # drain: the first error is reported by finish()
            chunk, offset, record = job
            started = time.perf_counter()
            try:
                part = self.transcriber.transcribe(
                    chunk, keywords=self.keywords, offset=offset, prompt_extra=self._context()
                )
            except BaseException as exc:  # re-raised on the caller's thread in finish()
                self._error = exc
                continue
            record.transcribe_seconds = time.perf_counter() - started
            part = drop_hallucinations(part, self.opts.hallucination_probability)
            record.words = len(part.words)
            self._parts.append(part)

    # --- the end ------------------------------------------------------------------------

    def finish(self) -> Transcript:
        """Commit the tail, wait for the worker, return the whole answer's transcript."""
        if not self._finished:
            self._finished = True
            if self._n - self._p0 >= int(0.1 * SAMPLE_RATE):
                self._commit((self._n - self._p0) / SAMPLE_RATE, "tail")
            self._jobs.put(None)
        self._worker.join()
        if self._error is not None:
            if isinstance(self._error, MockintError):
                raise self._error
            raise TranscriptionError(f"transcription failed: {self._error}") from None
        return merge_transcripts(self._parts, self.seconds, getattr(self.transcriber, "model_name", ""))

    def close(self) -> None:
        """Stop the worker without waiting for a transcript (Ctrl-C, errors)."""
        if not self._finished:
            self._finished = True
            while True:  # let the worker skip whatever is queued
                try:
                    self._jobs.get_nowait()
                except queue.Empty:
                    break
            self._jobs.put(None)


def transcribe_streaming(
    transcriber: ChunkTranscriber,
    samples: np.ndarray,
    *,
    keywords: list[str] | None = None,
    block_seconds: float = 0.1,
    options: StreamingOptions | None = None,
) -> Transcript:
    """Run a finished recording through the streaming path as fast as it goes (tests, tools)."""
    stream = StreamingTranscriber(transcriber, keywords=keywords, options=options)
    step = int(block_seconds * SAMPLE_RATE)
    for i in range(0, len(samples), step):
        stream.feed(samples[i : i + step])
    return stream.finish()
