"""Transcription while the candidate speaks.

Every Whisper call costs at least ~0.5 s on two cores (it encodes a 30 s window whatever
the input length), so re-transcribing the growing recording is out. Instead the audio is
cut into chunks at natural pauses, found by Silero VAD on the not-yet-committed part only;
each finished chunk goes to one worker thread, transcribed once with its offset into the
answer and the text before it as context. When the answer ends only its last stretch is left
to decode (see below), so the full transcript is ready within about a second of the end.

A worker that falls behind (a loaded machine: other work, or Chromium's audio and rendering
threads when the page is the microphone) takes every chunk waiting for it as one decode, up to
`max_merged_seconds`: a decode costs about the same for 3 s or 20 s, so decoding them one by one
let the backlog grow (measured through the page on the loaded machine: 6 chunks, 39 s of audio,
still waiting at Done, 23 s until the transcript), while merged it shrinks each time. On the
180 s answer with a stand-in decoder 20x and 30x slower than Whisper on two idle cores, Done ->
transcript went from 18.7 s and 66 s to 9.7 s and 24 s; while the worker keeps up (up to ~12x
here) nothing is merged and nothing changes.

Cut rules, checked every `check_seconds` of new audio:
1. the speaker has been silent `pause_commit_seconds` after some speech (or was, between two
   checks): commit all of it, up to that pause;
2. the chunk is `max_chunk_seconds` long (someone who never pauses): cut at its widest gap in
   the later half, else at its quietest moment, so no chunk outgrows Whisper's 30 s window.
Leading silence (think time, long pauses) is dropped without a Whisper call.

Continuous speech is never cut between words just to keep chunks short. It used to be, every
3 s at any 0.1 s gap: Whisper then heard 3 s pieces with little acoustic context, and on the two
long real clips (tests/test_streaming.py) it invented "uh, uh, ..." (7 fillers, none spoken) or
loops like "it's just, uh, it's just, uh" at the cuts, which made the live microphone test fail
in 3 of 7 CI runs. Cut only at real pauses, the same clips stream with 0 invented fillers and
live WER within 0-4 words of the file's over 9 capture offsets. The price is a longer tail to
decode when the answer ends (up to `max_chunk_seconds`), but one decode costs about the same
for 3 s or 20 s of audio (0.36 s and 0.59 s here), so the transcript is still ready in ~1 s.
Longer chunks (a pause commits only after 10 s of speech) were decoded better, but a decode's
time grows with its words, and an 18 s tail took 1.6-1.9 s.

A chunk's words are decoded first; its filler pass (Transcriber.add_fillers_to, the cued decode
that finds um/uh, docs/transcription.md) waits until no chunk is queued and the candidate is
speaking (in a pause the answer may be about to end), and the passes not started when the
answer ends are skipped, as is the tail's: when the candidate stops they wait for one decode,
not two.

Sentence-sized chunks are decoded worse than a file's 28 s ones (tiny.en hears a number or a
name better with more of the voice around it). So once consecutive chunks span
`regroup_seconds`, the worker decodes that stretch of the recording again as one window (a
regroup) and its transcript replaces theirs; it then gets its own filler pass. Fed through the
cut rules (benchmarks' joined answers): conversational 5.2 % -> 2.2 % WER (3.3 % as a file),
number-heavy 9.6 % -> 7.0 % (5.5 %). Regroups run under the same rule as filler passes: after
every waiting chunk, only while the candidate speaks.

When the answer ends, the parts not regrouped and the tail are decoded once more as one window
(the closing decode, if they span at most `closing_seconds`), so the last stretch is decoded as
a file's is too, and an answer shorter than that reads as its file does whatever its chunks were.
Before, the end of every answer was its sentence-sized drafts, and which drafts depended on
when the 0.5 s checks fell: the 11 s JFK clip lost "ask not" at one capture offset of ten, and
in a CI run of the browser test "ask not what your country" came out "Ask not! Watch your
country". The closing decode keeps the fillers its drafts' passes found (`carry_fillers`).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Protocol

import numpy as np

from mockint.errors import MockintError, TranscriptionError
from mockint.records import Transcript
from mockint.speech.decode import SAMPLE_RATE
from mockint.speech.transcribe import (
    CONTEXT_WORDS,
    HALLUCINATION_PROBABILITY,
    MAX_CHUNK_SECONDS,
    carry_fillers,
    merge_transcripts,
)
from mockint.speech.vad import speech_spans

if TYPE_CHECKING:
    from collections.abc import Callable



class ChunkTranscriber(Protocol):
    model_name: str

    def transcribe(
        self,
        samples: np.ndarray,
        *,
        keywords: list[str] | None = None,
        offset: float = 0.0,
        prompt_extra: str | None = None,
        single_pass: bool = False,
        fillers: bool = True,
    ) -> Transcript: ...

    def add_fillers_to(
        self,
        transcript: Transcript,
        samples: np.ndarray,
        *,
        keywords: list[str] | None = None,
        offset: float = 0.0,
        prompt_extra: str | None = None,
    ) -> Transcript: ...


@dataclass(frozen=True)
class StreamingOptions:
    check_seconds: float = 0.5
    pause_commit_seconds: float = 0.6
    # A pause commits a chunk after this much speech. Longer chunks would be decoded better (a
    # conversational answer fed through the cut rules: 8.5 % WER from 1 s, 4.1 % from 10 s, 3.3 %
    # as a file), but the tail left when the answer ends grows with it, and a decode's time grows
    # with its words: an 18 s tail took 1.6-1.9 s, over the 1 s the candidate should wait.
    min_commit_speech_seconds: float = 1.0
    # Unbroken speech is cut only at this length (see the module docstring for why not sooner).
    max_chunk_seconds: float = 20.0
    # Silence kept before speech in a chunk, so Whisper hears the onset.
    preroll_seconds: float = 0.5
    drop_silence_after_seconds: float = 3.0
    # A filler pass starts only while the candidate is speaking (speech heard within this of the
    # end of the audio so far): in a pause the answer may be about to end, and a pass already
    # running when it does is waited for (1.7 s instead of 0.6 s for the resume test's answer,
    # which ended in silence).
    filler_pass_speech_gap_seconds: float = 0.5
    # Consecutive chunks spanning at least this are decoded again as one window while the
    # candidate speaks (a regroup), as a file's chunks are: Whisper hears a number or a word
    # better with a few sentences of the voice around it than one sentence at a time.
    regroup_seconds: float = 16.0
    # A regroup is one decode window, like a file's chunk.
    max_regroup_seconds: float = MAX_CHUNK_SECONDS
    # When the answer ends, the chunks not decoded yet and the parts not regrouped within this span
    # of its end are decoded again as one window: a short answer is then decoded as its file is,
    # whatever its chunks were. Cut at pauses, the 11 s JFK clip lost "ask not" at one capture
    # offset of ten and became "Watch your country" in a CI run of the browser test; as one window
    # it is the file's words at every offset. A decode's time grows with its words (dense read
    # speech, two idle cores: 8 s 0.46 s, 12 s 0.58 s, 16 s 0.73 s, 20 s 1.04 s, 28 s 1.15 s):
    # 16 s keeps the wait under the 1 s target; longer stretches were regrouped while speaking.
    closing_seconds: float = 16.0
    # Chunks still waiting when the answer ends that do not fit `closing_seconds` are joined up to
    # this length (below Whisper's 30 s window, so the join is still one decode).
    max_merged_seconds: float = 24.0
    # Words of committed text given to Whisper as context for the next chunk.
    context_words: int = CONTEXT_WORDS
    # The invented-segment threshold of transcribe.drop_hallucinations, which Transcriber
    # applies to every chunk and every file (kept here for callers that filter themselves).
    hallucination_probability: float = HALLUCINATION_PROBABILITY


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
    regroups: list[ChunkRecord] = field(default_factory=list)
    vad_seconds: float = 0.0
    vad_calls: int = 0
    dropped_silence_seconds: float = 0.0
    # The decode the candidate waited for when the answer ended (finish), if one was needed.
    closing: ChunkRecord | None = None


# Gaps down to 0.1 s are reported, so the segmenter can choose a cut point itself.
fine_speech_spans = partial(speech_spans, min_silence_ms=100, pad_ms=30)


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
    # A pause the checks stepped over (speech resumed before a check saw it) still commits.
    pauses = [
        (a + b) / 2
        for a, b in gaps
        if b - a >= opts.pause_commit_seconds and a - spans[0][0] >= opts.min_commit_speech_seconds
    ]
    if pauses:
        return pauses[-1], "pause"
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


@dataclass(eq=False)
class _Part:
    """A transcribed stretch of the answer and the audio it came from (for its filler pass)."""

    transcript: Transcript
    samples: np.ndarray
    offset: float
    context: str | None
    # Decoded with its neighbours as one window, or too long to join one: not regrouped again.
    final: bool = False

    @property
    def end(self) -> float:
        return self.offset + len(self.samples) / SAMPLE_RATE


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
        vad: Callable[[np.ndarray], list[tuple[float, float]]] = fine_speech_spans,
        on_part: Callable[[Transcript], None] | None = None,
    ) -> None:
        self.transcriber = transcriber
        self.keywords = keywords
        self.opts = options or StreamingOptions()
        self.vad = vad
        # Called with each chunk's transcript (answer time), in order: what a live view shows
        # while the candidate is still speaking (not the closing decode, which the final transcript
        # shows a moment later).
        self.on_part = on_part
        self.stats = StreamingStats()
        self._buf = np.zeros(SAMPLE_RATE * 60, dtype=np.float32)
        self._n = 0  # samples received
        self._p0 = 0  # start of the pending (uncommitted) audio
        self._checked_at = 0
        self._last_speech_end: float | None = None
        # Chunks waiting for the worker (None ends it). A deque under a condition rather than a
        # queue.Queue, so finish() can merge what is waiting without the worker taking one midway.
        self._jobs: deque[tuple[np.ndarray, float, ChunkRecord] | None] = deque()
        self._jobs_changed = threading.Condition()
        # Filler passes of transcribed parts. Run when no chunk is waiting and the candidate is
        # speaking; those not started when the answer ends, or whose part was regrouped, are skipped.
        self._filler_jobs: deque[_Part] = deque()
        self._busy = False  # the worker is transcribing a chunk
        self._parts: list[_Part] = []  # in answer order; the worker adds and replaces them, under _jobs_changed
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
            if self._speaking():
                with self._jobs_changed:  # a regroup or filler pass may start now
                    self._jobs_changed.notify_all()
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
        self._put((chunk, self._p0 / SAMPLE_RATE, record))
        self._p0 = end

    # --- the worker -------------------------------------------------------------------

    def _speaking(self) -> bool:
        last = self._last_speech_end
        return not self._finished and last is not None and self.seconds - last <= self.opts.filler_pass_speech_gap_seconds

    def _context(self, parts: list[_Part] | None = None) -> str | None:
        parts = self._parts if parts is None else parts
        words = " ".join(p.transcript.text for p in parts if p.transcript.text).split()
        return " ".join(words[-self.opts.context_words :]) or None

    def _regroup_due(self) -> tuple[int, int] | None:
        """Parts [first, last) to decode again as one window, if their span has reached
        `regroup_seconds` or the next part would not fit in `max_regroup_seconds`. A part that
        cannot join its next one is marked final."""
        while True:
            first = next((i for i, p in enumerate(self._parts) if not p.final), None)
            if first is None:
                return None
            start, last = self._parts[first].offset, first
            while last < len(self._parts) and self._parts[last].end - start <= self.opts.max_regroup_seconds:
                last += 1
            full = last < len(self._parts)
            if last - first >= 2 and (full or self._parts[last - 1].end - start >= self.opts.regroup_seconds):
                return first, last
            if not (full and last - first <= 1):
                return None
            self._parts[first].final = True

    def _background_due(self) -> bool:
        """A regroup or a filler pass may start: only while the candidate is speaking (in a pause
        the answer may be about to end, and a decode running then is waited for)."""
        return self._speaking() and bool(self._filler_jobs or self._regroup_due())

    def _work(self) -> None:
        while True:
            with self._jobs_changed:
                self._busy = False
                self._jobs_changed.notify_all()
                while not self._jobs and not self._background_due():
                    self._jobs_changed.wait()
                job = regroup = filler_part = None
                if self._jobs:
                    job = self._jobs.popleft()
                    if job is None:
                        return
                    # Behind the speaker (a loaded machine): the waiting chunks are decoded as one,
                    # so the backlog shrinks instead of growing by a whole 30 s window per chunk.
                    while self._jobs and self._jobs[0] is not None:
                        joined = self._joined(job, self._jobs[0])
                        if joined is None:
                            break
                        self._jobs.popleft()
                        job = joined
                elif (regroup := self._regroup_due()) is None:
                    filler_part = self._filler_jobs.popleft()
                self._busy = True
            if self._error is not None:
                continue  # drain: the first error is reported by finish()
            try:
                if regroup is not None:
                    self._regroup(*regroup)
                elif filler_part is not None:
                    if any(p is filler_part for p in self._parts):  # not regrouped since
                        filler_part.transcript = self.transcriber.add_fillers_to(
                            filler_part.transcript, filler_part.samples, keywords=self.keywords,
                            offset=filler_part.offset, prompt_extra=filler_part.context,
                        )
                else:
                    self._transcribe_chunk(*job)
            except BaseException as exc:  # re-raised on the caller's thread in finish()
                self._error = exc

    def _transcribe_chunk(self, chunk: np.ndarray, offset: float, record: ChunkRecord) -> None:
        started = time.perf_counter()
        context = self._context()
        transcript = self.transcriber.transcribe(
            chunk, keywords=self.keywords, offset=offset, prompt_extra=context, single_pass=True, fillers=False
        )
        record.transcribe_seconds = time.perf_counter() - started
        record.words = len(transcript.words)
        part = _Part(transcript, chunk, offset, context)
        with self._jobs_changed:  # the recording thread reads the parts in wait_idle
            self._parts.append(part)
            if not record.reason.endswith("tail"):
                self._filler_jobs.append(part)
        if self.on_part is not None and transcript.text.strip():
            try:
                self.on_part(transcript)
            except Exception:  # noqa: BLE001 - a display that fails must not cost the transcript
                pass

    def _regroup(self, first: int, last: int) -> None:
        """Decode parts [first, last) again as one window from the recorded audio (the silence
        dropped between them included, so times stay right) and replace them with the result."""
        start, end = self._parts[first].offset, self._parts[last - 1].end
        part, record = self._decode_again(first, start, end, f"regroup of {last - first}")
        self.stats.regroups.append(record)
        with self._jobs_changed:
            self._parts[first:last] = [part]
            self._filler_jobs.append(part)

    def wait_idle(self) -> None:
        """Block until every chunk committed so far is transcribed (the worker keeping up, as it
        does in real time; used to make faster-than-real-time runs deterministic)."""
        with self._jobs_changed:
            while (self._jobs or self._background_due() or self._busy) and self._worker.is_alive():
                self._jobs_changed.wait(timeout=1.0)

    # --- the end ------------------------------------------------------------------------

    def finish(self) -> Transcript:
        """Commit the tail, wait for the decode running now, decode the end of the answer (`_close`)
        and return the whole answer's transcript. Filler passes not started yet are skipped: the
        candidate is waiting."""
        if not self._finished:
            self._finished = True
            if self._n - self._p0 >= int(0.1 * SAMPLE_RATE):
                self._commit((self._n - self._p0) / SAMPLE_RATE, "tail")
            with self._jobs_changed:  # what the worker has not taken is decoded by _close
                left = [job for job in self._jobs if job is not None]
                self._jobs.clear()
                self._jobs.append(None)
                self._jobs_changed.notify_all()
            self._worker.join()
            if self._error is None:
                try:
                    self._close(left)
                except BaseException as exc:  # reported below, as the worker's are
                    self._error = exc
        self._worker.join()
        if self._error is not None:
            if isinstance(self._error, MockintError):
                raise self._error
            raise TranscriptionError(f"transcription failed: {self._error}") from None
        return merge_transcripts([p.transcript for p in self._parts], self.seconds, getattr(self.transcriber, "model_name", ""))

    def _close(self, left: list[tuple[np.ndarray, float, ChunkRecord]]) -> None:
        """Decode the end of the answer, once the worker has stopped: the chunks it had not taken
        (the tail at least) and the parts not yet regrouped, as one window from the recording, when
        they span at most `closing_seconds`. Its transcript replaces those parts' drafts, keeping
        the fillers their passes found. Chunks that do not fit are decoded as before: joined up to
        `max_merged_seconds`, then the parts before them left as they are."""
        end = (left[-1][1] + len(left[-1][0]) / SAMPLE_RATE) if left else (self._parts[-1].end if self._parts else 0.0)
        if left and end - left[0][1] > self.opts.closing_seconds:
            for job in self._merged(left):
                self._transcribe_chunk(*job)
            return
        first = len(self._parts)
        while first > 0 and not self._parts[first - 1].final and end - self._parts[first - 1].offset <= self.opts.closing_seconds:
            first -= 1
        drafts = self._parts[first:]
        if not left and len(drafts) < 2:
            return  # the last part is already its own window
        start = drafts[0].offset if drafts else left[0][1]
        part, self.stats.closing = self._decode_again(first, start, end, f"closing of {len(drafts)} parts and {len(left)} chunks")
        part.transcript = carry_fillers(part.transcript, [p.transcript for p in drafts])
        self._parts[first:] = [part]

    def _decode_again(self, first: int, start: float, end: float, reason: str) -> tuple[_Part, ChunkRecord]:
        """The recording from `start` to `end` (seconds) decoded as one window, the silence dropped in it included so
        times stay right, with the text of the parts before `first` as context: a regroup's or the closing decode's."""
        samples = self._buf[int(round(start * SAMPLE_RATE)) : int(round(end * SAMPLE_RATE))].copy()
        record = ChunkRecord(start=start, end=end, reason=reason)
        started = time.perf_counter()
        context = self._context(self._parts[:first])
        transcript = self.transcriber.transcribe(
            samples, keywords=self.keywords, offset=start, prompt_extra=context, single_pass=True, fillers=False
        )
        record.transcribe_seconds = time.perf_counter() - started
        record.words = len(transcript.words)
        return _Part(transcript, samples, start, context, final=True), record

    def _merged(self, queued: list[tuple[np.ndarray, float, ChunkRecord]]) -> list[tuple[np.ndarray, float, ChunkRecord]]:
        merged: list[tuple[np.ndarray, float, ChunkRecord]] = []
        for job in queued:
            joined = self._joined(merged[-1], job) if merged else None
            if joined is not None:
                merged[-1] = joined
            else:
                merged.append(job)
        return merged

    def _joined(
        self, first: tuple[np.ndarray, float, ChunkRecord], then: tuple[np.ndarray, float, ChunkRecord]
    ) -> tuple[np.ndarray, float, ChunkRecord] | None:
        """Two waiting chunks as one job, if they are contiguous and fit max_merged_seconds."""
        (chunk, offset, record), (next_chunk, next_offset, next_record) = first, then
        contiguous = abs(offset + len(chunk) / SAMPLE_RATE - next_offset) < 1 / SAMPLE_RATE + 1e-9
        if not contiguous or (len(chunk) + len(next_chunk)) / SAMPLE_RATE > self.opts.max_merged_seconds:
            return None
        record.end = next_record.end
        record.reason = f"{record.reason}+{next_record.reason}"
        self.stats.chunks.remove(next_record)
        return np.concatenate([chunk, next_chunk]), offset, record

    def _put(self, job: tuple[np.ndarray, float, ChunkRecord] | None) -> None:
        with self._jobs_changed:
            self._jobs.append(job)
            self._jobs_changed.notify_all()

    def close(self) -> None:
        """Stop the worker without waiting for a transcript (Ctrl-C, errors)."""
        if not self._finished:
            self._finished = True
            with self._jobs_changed:  # the worker skips whatever is queued
                self._jobs.clear()
                self._jobs.append(None)
                self._jobs_changed.notify_all()


def transcribe_streaming(
    transcriber: ChunkTranscriber,
    samples: np.ndarray,
    *,
    keywords: list[str] | None = None,
    block_seconds: float = 0.1,
    options: StreamingOptions | None = None,
    vad: Callable[[np.ndarray], list[tuple[float, float]]] = fine_speech_spans,
) -> Transcript:
    """Run a finished recording through the streaming path faster than real time (tests, tools).

    The cut rules see the same blocks as in a recording. Each chunk is transcribed before the
    next block is fed, as when the worker keeps up with a speaker, so the chunks, their context
    and so the transcript do not depend on the machine's speed or load.
    """
    stream = StreamingTranscriber(transcriber, keywords=keywords, options=options, vad=vad)
    step = int(block_seconds * SAMPLE_RATE)
    for i in range(0, len(samples), step):
        stream.feed(samples[i : i + step])
        stream.wait_idle()
    return stream.finish()
