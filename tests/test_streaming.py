"""Streaming transcription: where chunks are cut, what is dropped, and accuracy against the whole file."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from conftest import segmented_transcript

from mockint.records import Segment, Transcript, Word
from mockint.speech.streaming import StreamingOptions, StreamingTranscriber, choose_cut, quietest_moment
from mockint.speech.transcribe import merge_transcripts

OPTS = StreamingOptions()


def test_no_speech_means_no_cut():
    assert choose_cut([], 5.0, OPTS) is None


def test_a_pause_after_speech_commits_everything_said():
    spans = [(0.5, 2.0), (2.3, 4.0)]
    cut, reason = choose_cut(spans, 4.7, OPTS)
    assert reason == "pause"
    assert 4.0 < cut < 4.7


def test_a_pause_between_two_checks_still_commits():
    # Speech resumed after a 0.7 s pause before any check saw the silence at the end.
    cut, reason = choose_cut([(0.3, 1.8), (2.5, 2.9)], 2.95, OPTS)
    assert reason == "pause" and cut == pytest.approx(2.15)
    # ... but not after a word or two: too little to transcribe on its own.
    assert choose_cut([(0.3, 0.8), (1.5, 2.9)], 2.95, OPTS) is None


def test_a_short_breath_does_not_commit():
    # 0.3 s after speech is a breath, not a pause.
    assert choose_cut([(0.5, 1.2), (1.5, 2.6)], 2.9, OPTS) is None


def test_continuous_speech_is_not_cut_between_words():
    # Gaps of 0.3 s and 0.12 s between words are not pauses: cutting there leaves Whisper short
    # pieces without context (invented fillers, lost words), so the chunk keeps growing.
    spans = [(0.2, 1.0), (1.3, 2.0), (2.12, 3.3)]
    assert choose_cut(spans, 3.4, OPTS) is None
    words = [(i * 0.5, i * 0.5 + 0.38) for i in range(30)]  # 15 s of speech, 0.12 s between words
    assert choose_cut(words, 15.0, OPTS) is None


def test_unbroken_speech_is_forced_below_whispers_window():
    limit = OPTS.max_chunk_seconds
    spans = [(0.0, 12.0), (12.06, limit)]  # only a 0.06 s gap, but late enough to use
    cut, reason = choose_cut(spans, limit, OPTS)
    assert reason == "forced-gap" and cut == pytest.approx(12.03)
    samples = np.ones(int(limit * 16000), dtype=np.float32)
    samples[int(15.0 * 16000) : int(15.06 * 16000)] = 0.0
    cut, reason = choose_cut([(0.0, limit)], limit, OPTS, samples)
    assert reason == "forced-quiet" and 14.95 < cut < 15.1
    assert limit < 30.0, "a chunk must fit Whisper's 30 s window"


def test_quietest_moment_finds_the_dip():
    samples = np.full(16000 * 4, 0.5, dtype=np.float32)
    samples[int(2.5 * 16000) : int(2.6 * 16000)] = 0.0
    assert 2.49 < quietest_moment(samples, 1.0, 3.5) < 2.61


def test_merge_keeps_order_offsets_and_the_whole_duration():
    a = segmented_transcript([(0.0, 2.0, "one two", [0.9, 0.9])], speech=True, duration=10.0)
    b = segmented_transcript([(0.5, 1.5, "three", [0.9])], offset=2.0, speech=True, duration=10.0)
    merged = merge_transcripts([a, b, Transcript(text="", duration=1.0)], duration=4.2, model="m")
    assert merged.text == "one two three"
    assert [w.word for w in merged.words] == ["one", "two", "three"]
    assert merged.words[-1].start == pytest.approx(2.5)
    assert merged.duration == 4.2 and merged.speech == [(0.0, 2.0), (2.5, 3.5)]


class _RecordingTranscriber:
    """Stands in for Whisper to show what the streamer sends it: chunks and their offsets."""

    model_name = "probe"

    def __init__(self) -> None:
        self.calls: list[tuple[float, float]] = []
        self.single_pass: list[bool] = []
        self.fillers: list[bool] = []
        self.filler_passes: list[float] = []

    def transcribe(self, samples, *, keywords=None, offset=0.0, prompt_extra=None, single_pass=False, fillers=True):
        self.calls.append((offset, len(samples) / 16000))
        self.single_pass.append(single_pass)
        self.fillers.append(fillers)
        return Transcript(text="", duration=len(samples) / 16000)

    def add_fillers_to(self, transcript, samples, *, keywords=None, offset=0.0, prompt_extra=None):
        self.filler_passes.append(offset)
        return transcript


def _energy_vad(samples: np.ndarray) -> list[tuple[float, float]]:
    """Speech = non-zero samples, in 10 ms frames: lets a test place every pause exactly."""
    frames = len(samples) // 160
    loud = np.abs(samples[: frames * 160].reshape(frames, 160)).max(axis=1) > 0
    spans, start = [], None
    for i, on in enumerate(loud):
        if on and start is None:
            start = i
        elif not on and start is not None:
            spans.append((start / 100, i / 100))
            start = None
    if start is not None:
        spans.append((start / 100, frames / 100))
    return spans


def _speech_with_pauses(pattern: list[tuple[float, float]]) -> np.ndarray:
    """(speech seconds, pause seconds) pairs as a signal: 0.1 amplitude noise, then zeros."""
    rng = np.random.default_rng(0)
    parts = []
    for speech, pause in pattern:
        parts += [rng.uniform(-0.1, 0.1, int(speech * 16000)).astype(np.float32), np.zeros(int(pause * 16000), np.float32)]
    return np.concatenate(parts)


class _BlockingTranscriber(_RecordingTranscriber):
    """Its first call waits for `release`: the worker falls behind the speaker."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()  # the first call has started
        self.release = threading.Event()

    def transcribe(self, samples, **kwargs):
        if not self.calls:
            self.started.set()
            self.release.wait(timeout=30)
        return super().transcribe(samples, **kwargs)


def _feed_while_the_first_chunk_decodes(stream: StreamingTranscriber, probe: _BlockingTranscriber, answer: np.ndarray) -> None:
    """Feed in 0.1 s blocks; once the first chunk is committed, wait until the worker is busy
    with it (otherwise it could find the first chunks waiting together)."""
    for i in range(0, len(answer), 1600):
        stream.feed(answer[i : i + 1600])
        if stream.stats.chunks and not probe.started.is_set():
            assert probe.started.wait(timeout=30)


def _finish_while_the_worker_is_busy(stream: StreamingTranscriber, probe: _BlockingTranscriber) -> None:
    """finish() called while the worker decodes the first chunk; the worker is released once
    finish() has taken the chunks it had not (the end marker is all that is queued)."""
    assert probe.started.wait(timeout=30)
    finisher = threading.Thread(target=stream.finish)
    finisher.start()
    with stream._jobs_changed:
        assert stream._jobs_changed.wait_for(lambda: list(stream._jobs) == [None], timeout=30)
    probe.release.set()
    finisher.join(timeout=30)
    assert not finisher.is_alive()


def test_the_end_of_a_short_answer_is_decoded_again_as_one_window():
    """The worker is still on the first chunk when the answer ends: the chunks it has not taken,
    the tail, and the first chunk's draft are decoded once more as one window, from the start of
    the answer, as its file would be, and that transcript is the answer's."""
    probe = _BlockingTranscriber()
    stream = StreamingTranscriber(probe, vad=_energy_vad)
    answer = _speech_with_pauses([(2.0, 1.0), (2.0, 1.0), (2.0, 1.0), (2.0, 0.0)])
    _feed_while_the_first_chunk_decodes(stream, probe, answer)
    _finish_while_the_worker_is_busy(stream, probe)
    first, closing = probe.calls
    assert first == (0.0, pytest.approx(2.3))  # cut inside the first pause
    assert closing[0] == 0.0 and closing[1] == pytest.approx(len(answer) / 16000, abs=1e-3)
    assert (stream.stats.closing.start, stream.stats.closing.end) == (0.0, pytest.approx(len(answer) / 16000, abs=1e-3))
    assert probe.single_pass == [True, True] and probe.fillers == [False, False]
    assert probe.filler_passes == [], "the candidate is waiting: no filler pass after the answer ends"


def test_an_answer_whose_last_stretch_is_long_decodes_it_as_the_tail_was():
    """Past `closing_seconds` (here 5 s) the chunks still waiting are joined with the tail up to
    `max_merged_seconds`, and the drafts before them stay."""
    probe = _BlockingTranscriber()
    stream = StreamingTranscriber(probe, vad=_energy_vad, options=StreamingOptions(closing_seconds=5.0))
    # Four sentences with 1 s pauses: each pause commits a chunk; the last has no pause after it.
    answer = _speech_with_pauses([(2.0, 1.0), (2.0, 1.0), (2.0, 1.0), (2.0, 0.0)])
    _feed_while_the_first_chunk_decodes(stream, probe, answer)
    assert [c.reason for c in stream.stats.chunks] == ["pause", "pause", "pause"]
    _finish_while_the_worker_is_busy(stream, probe)
    first, merged = probe.calls
    assert first[0] == 0.0
    # The two waiting chunks and the 2 s tail: one decode from the second chunk to the end.
    assert merged[0] == pytest.approx(stream.stats.chunks[1].start)
    assert merged[0] + merged[1] == pytest.approx(len(answer) / 16000, abs=1e-3)
    assert [c.reason for c in stream.stats.chunks] == ["pause", "pause+pause+tail"]
    assert stream.stats.closing is None
    assert probe.single_pass == [True, True]
    assert probe.fillers == [False, False], "words first; the filler pass is a separate job"
    assert probe.filler_passes == [], "filler passes not started when the answer ends are skipped"


def test_a_worker_behind_the_speaker_decodes_the_chunks_waiting_for_it_as_one():
    """A loaded machine: while one chunk decodes, three more are committed. The worker takes
    the three in one call rather than three (each call costs a whole 30 s window), so the
    backlog shrinks instead of growing."""
    probe = _BlockingTranscriber()
    stream = StreamingTranscriber(probe, vad=_energy_vad)
    answer = _speech_with_pauses([(2.0, 1.0), (2.0, 1.0), (2.0, 1.0), (2.0, 1.0)])
    _feed_while_the_first_chunk_decodes(stream, probe, answer)
    assert [c.reason for c in stream.stats.chunks] == ["pause"] * 4
    ends = [c.end for c in stream.stats.chunks]
    probe.release.set()
    stream.wait_idle()
    first, waiting = probe.calls
    assert first[0] == 0.0
    assert waiting[0] == pytest.approx(stream.stats.chunks[1].start)
    assert waiting[0] + waiting[1] == pytest.approx(ends[3], abs=1e-3)
    assert [c.reason for c in stream.stats.chunks] == ["pause", "pause+pause+pause"]
    stream.finish()


def test_the_worker_keeping_up_decodes_every_chunk_on_its_own():
    """transcribe_streaming waits for each chunk, as a worker that keeps up does: no merging,
    so its result does not depend on how fast or loaded the machine is."""
    from mockint.speech.streaming import transcribe_streaming

    answer = _speech_with_pauses([(2.0, 1.0), (2.0, 1.0), (2.0, 1.0), (2.0, 0.0)])
    probe = _BlockingTranscriber()
    probe.release.set()
    transcribe_streaming(probe, answer, vad=_energy_vad)
    assert [round(c[0], 1) for c in probe.calls[:3]] == [0.0, 2.3, 5.3], "one call per chunk while speaking"
    assert probe.filler_passes == [c[0] for c in probe.calls[:3]], "every chunk gets its filler pass"
    # Then one decode of the whole answer, as it is under closing_seconds (the tail is in it).
    assert len(probe.calls) == 4 and probe.calls[-1][0] == 0.0
    assert probe.calls[-1][1] == pytest.approx(len(answer) / 16000, abs=1e-3)




class _LabellingTranscriber(_RecordingTranscriber):
    """Answers each chunk with one word naming its offset, so a test can follow the parts."""

    def transcribe(self, samples, *, offset=0.0, **kwargs):
        super().transcribe(samples, offset=offset, **kwargs)
        return Transcript(text=f"at{offset:.1f}", duration=len(samples) / 16000)


def test_each_part_is_handed_on_while_speaking_and_a_failing_display_costs_nothing():
    seen: list[tuple[str, float]] = []  # (part text, seconds of audio fed when it was shown)

    def show(part: Transcript) -> None:
        seen.append((part.text, stream.seconds))
        if len(seen) == 1:
            raise RuntimeError("the page went away")

    stream = StreamingTranscriber(_LabellingTranscriber(), vad=_energy_vad, on_part=show)
    answer = _speech_with_pauses([(2.0, 1.0), (2.0, 1.0), (2.0, 0.0)])
    for i in range(0, len(answer), 1600):
        stream.feed(answer[i : i + 1600])
        stream.wait_idle()
    while_speaking = list(seen)
    transcript = stream.finish()
    # Both pauses' chunks were shown while audio was still coming in (cut inside each pause), the
    # first display's failure lost nothing, and the closing decode (from 0.0) is the transcript.
    assert len(while_speaking) == 2 and all(fed < len(answer) / 16000 for _, fed in while_speaking)
    assert [text for text, _ in seen] == ["at0.0", "at2.3"]
    assert transcript.text.split() == ["at0.0"]

@pytest.mark.slow
def test_streamer_sends_each_stretch_once_and_skips_long_silence(audio_dir):
    """Real VAD on real speech: chunks tile the answer without overlap; think-time silence is not sent."""
    from mockint.speech.decode import load_audio

    speech = load_audio(audio_dir / "ms_two_cities_16k.wav")
    answer = np.concatenate([np.zeros(16000 * 6, dtype=np.float32), speech])
    probe = _RecordingTranscriber()
    stream = StreamingTranscriber(probe)
    for i in range(0, len(answer), 800):
        stream.feed(answer[i : i + 800])
    stream.finish()
    assert all(probe.single_pass), "streamed chunks are decoded in a single pass"
    chunks, regroups = stream.stats.chunks, stream.stats.regroups
    assert len(probe.calls) == len(chunks) + len(regroups)
    assert len(chunks) >= 4, "a 44 s answer with pauses must be cut into several chunks"
    assert chunks[0].start >= 4.0, "the 6 s of silence before speaking is dropped, not transcribed"
    for chunk, following in zip(chunks, chunks[1:]):
        assert following.start == pytest.approx(chunk.end, abs=1e-3), "chunks must not overlap or leave holes"
    assert max(c.end - c.start for c in chunks) <= OPTS.max_chunk_seconds + OPTS.check_seconds + 0.1
    # A regroup decodes a run of whole chunks again, within one window.
    starts, ends = [c.start for c in chunks], [c.end for c in chunks]
    for r in regroups:
        assert r.start in starts and r.end in ends and r.end - r.start <= OPTS.max_regroup_seconds
    assert stream.stats.dropped_silence_seconds >= 4.0


@pytest.mark.slow
def test_streaming_is_as_accurate_as_the_whole_file(audio_dir):
    """Streaming within 1 WER point of batch on the two long real clips (250 words together,
    so one point is 2.5 words, not one slip). Deterministic: the audio is fed faster than real
    time through the same cut rules, each chunk is decoded before the next is fed (as when the
    worker keeps up), and a single-pass decode is greedy with no random temperature fallback.
    Timing is left to benchmarks/latency.py."""
    from mockint.speech.decode import load_audio
    from mockint.speech.streaming import transcribe_streaming
    from mockint.speech.wer import word_error_counts

    transcriber = _transcriber()
    batch_errors = stream_errors = words = 0
    for clip in ["ms_two_cities_16k.wav", "lj_LJ001-0001_to_0008.wav"]:
        samples = load_audio(audio_dir / clip)
        reference = Path(audio_dir / clip).with_suffix(".txt").read_text()
        errors, n = word_error_counts(reference, transcriber.transcribe(samples).text)
        streamed = transcribe_streaming(transcriber, samples, block_seconds=0.05)
        batch_errors, words = batch_errors + errors, words + n
        stream_errors += word_error_counts(reference, streamed.text)[0]
        assert streamed.words == sorted(streamed.words, key=lambda w: w.start)
        assert streamed.words[-1].end <= streamed.duration + 0.05
    assert words > 240
    assert (stream_errors - batch_errors) / words <= 0.01, (stream_errors, batch_errors, words)


@pytest.mark.slow
def test_streaming_invents_no_fillers_across_a_pause(audio_dir):
    """The live microphone test's audio: two read clips with a pause between them and no filler
    in either. Cut into 3 s pieces between words, this streamed as "uh, uh, ..." (7 fillers) or
    "it's just, uh, it's just, uh"; invented fillers would go straight into the delivery metrics."""
    from mockint.speech.decode import load_audio
    from mockint.speech.delivery import compute_delivery
    from mockint.speech.streaming import transcribe_streaming

    clips = [load_audio(audio_dir / c) for c in ("ms_two_cities_16k.wav", "lj_LJ001-0001_to_0008.wav")]
    samples = np.concatenate([clips[0], np.zeros(16000, np.float32), clips[1]])
    streamed = transcribe_streaming(_transcriber(), samples)
    delivery = compute_delivery(streamed)
    assert delivery.filler_count == 0, (delivery.fillers, streamed.text)
    assert len(streamed.words) >= 240


@pytest.mark.slow
@pytest.mark.parametrize("lead", [0.5, 0.55, 0.7, 0.75, 0.9])
def test_a_short_answer_streams_as_its_file_reads_whenever_capture_starts(audio_dir, lead):
    """The browser test's clip (11 s, three phrases with pauses), after `lead` s of silence: where
    the 0.5 s checks fall moves the cuts, and decoded phrase by phrase it came out "And so am I
    fellow Americans" at every lead here, "Ask not" lost at 0.55 s, and "Ask not! Watch your
    country" in a CI run through the page. The closing decode reads it as one window."""
    import re

    from mockint.speech.decode import load_audio
    from mockint.speech.streaming import transcribe_streaming

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower())

    clip = load_audio(audio_dir / "fw_jfk.flac")
    samples = np.concatenate([np.zeros(int(lead * 16000), np.float32), clip, np.zeros(2 * 16000, np.float32)])
    streamed = transcribe_streaming(_transcriber(), samples)
    assert words(streamed.text) == words(_transcriber().transcribe(clip).text)


_CACHED = {}


def _transcriber():
    from mockint.speech.transcribe import Transcriber

    if "t" not in _CACHED:
        _CACHED["t"] = Transcriber()
    return _CACHED["t"]


class _PromptedLabellingTranscriber(_LabellingTranscriber):
    """Also records the prompt each decode was given."""

    def __init__(self) -> None:
        super().__init__()
        self.prompts: list[str | None] = []

    def transcribe(self, samples, *, prompt_extra=None, **kwargs):
        self.prompts.append(prompt_extra)
        return super().transcribe(samples, prompt_extra=prompt_extra, **kwargs)


def test_chunks_are_decoded_again_together_while_speaking_and_replace_their_drafts():
    from mockint.speech.streaming import transcribe_streaming

    probe = _PromptedLabellingTranscriber()
    options = StreamingOptions(regroup_seconds=10.0)
    # Seven 3 s sentences with 1 s pauses, then a 2 s one: a chunk per sentence.
    answer = _speech_with_pauses([(3.0, 1.0)] * 7 + [(2.0, 0.0)])
    transcript = transcribe_streaming(probe, answer, vad=_energy_vad, options=options)
    *stream_calls, closing = probe.calls
    chunk_starts = [0.0, 3.3, 7.3, 11.3, 15.3, 19.3, 23.3]  # each cut inside a pause (preroll 0.5 s)
    sentence_calls = [c for c in stream_calls if c[0] in chunk_starts and c[1] < 5.0]
    regroups = [c for c in stream_calls if c not in sentence_calls]
    assert [round(c[0], 1) for c in sentence_calls] == chunk_starts
    # Once three chunks span 10 s they are decoded again as one window from the recording, and
    # the next three likewise; the last chunk (too little to regroup) and the tail are decoded
    # together when the answer ends, and the regrouped parts before them stay.
    assert [(round(a, 1), round(a + n, 1)) for a, n in regroups] == [(0.0, 11.3), (11.3, 23.3)]
    assert (round(closing[0], 1), round(closing[0] + closing[1], 1)) == (23.3, 30.0)  # the end of the answer
    assert transcript.text.split() == ["at0.0", "at11.3", "at23.3"]
    # A regroup's prompt is the text before it, not its own drafts.
    assert probe.prompts[stream_calls.index(regroups[0])] is None
    assert probe.prompts[stream_calls.index(regroups[1])] == "at0.0"
    assert probe.single_pass == [True] * len(probe.calls) and not any(probe.fillers)
    assert 0.0 in probe.filler_passes and 11.3 in [round(o, 1) for o in probe.filler_passes], "regrouped parts get their filler pass"


def test_no_regroup_starts_once_the_candidate_has_stopped_speaking():
    """In the silence at the end of an answer nothing is decoded but the chunks: a regroup
    running when the answer ends would be waited for."""
    probe = _LabellingTranscriber()
    stream = StreamingTranscriber(probe, vad=_energy_vad, options=StreamingOptions(regroup_seconds=10.0))
    answer = _speech_with_pauses([(3.0, 1.0)] * 3 + [(0.0, 3.0)])
    for i in range(0, len(answer), 1600):
        stream.feed(answer[i : i + 1600])
        stream.wait_idle()
    assert stream.stats.regroups == [] and len(stream.stats.chunks) == 3
    assert len(probe.calls) == 3
    # Only the closing decode, once the answer has ended: the 15 s answer as one window.
    assert stream.finish().text.split() == ["at0.0"] and len(probe.calls) == 4


class _GridTranscriber(_RecordingTranscriber):
    """Hears a word every 0.5 s of answer time, named by its time, so any two decodes of the same
    stretch agree on its words; its filler pass finds an "um" before each part's second word."""

    def transcribe(self, samples, *, offset=0.0, **kwargs):
        super().transcribe(samples, offset=offset, **kwargs)
        end = offset + len(samples) / 16000
        times = [t / 2 for t in range(int(np.ceil(offset * 2)), int(end * 2))]
        words = [Word(word=f"w{t:g}", start=t, end=t + 0.3) for t in times]
        segments = [Segment(start=offset, end=end, text=" ".join(w.word for w in words))] if words else []
        return Transcript(text=" ".join(w.word for w in words), words=words, segments=segments, duration=end - offset)

    def add_fillers_to(self, transcript, samples, *, keywords=None, offset=0.0, prompt_extra=None):
        super().add_fillers_to(transcript, samples, offset=offset)
        first, second, *rest = transcript.words
        um = Word(word="um", start=first.end, end=second.start, probability=0.6)
        words = [first, um, second, *rest]
        text = " ".join(w.word for w in words)
        return transcript.model_copy(update={"words": words, "text": text, "segments": [transcript.segments[0].model_copy(update={"text": text})]})


def test_the_closing_decode_keeps_the_fillers_its_drafts_found():
    from mockint.speech.streaming import transcribe_streaming

    probe = _GridTranscriber()
    answer = _speech_with_pauses([(2.0, 1.0), (2.0, 1.0), (2.0, 0.0)])
    transcript = transcribe_streaming(probe, answer, vad=_energy_vad)
    assert probe.calls[-1][0] == 0.0, "the answer was decoded again from its start"
    assert len(probe.filler_passes) == 2, "both chunks got their filler pass while the candidate spoke"
    # The closing decode hears no filler; each chunk's "um" is kept between the same two words.
    assert transcript.text.split() == [
        "w0", "um", "w0.5", "w1", "w1.5", "w2", "w2.5", "um", "w3", *[f"w{t / 2:g}" for t in range(7, 16)]
    ]
    um = transcript.words[1]
    assert transcript.words[0].end <= um.start <= um.end <= transcript.words[2].start
