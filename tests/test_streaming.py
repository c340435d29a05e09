"""Streaming transcription: where chunks are cut, what is dropped, and accuracy against the whole file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mockint.models import Segment, Transcript, Word
from mockint.streaming import (
    StreamingOptions,
    StreamingTranscriber,
    choose_cut,
    drop_hallucinations,
    merge_transcripts,
    quietest_moment,
)

OPTS = StreamingOptions()


def test_no_speech_means_no_cut():
    assert choose_cut([], 5.0, OPTS) is None


def test_a_pause_after_speech_commits_everything_said():
    spans = [(0.5, 2.0), (2.3, 4.0)]
    cut, reason = choose_cut(spans, 4.7, OPTS)
    assert reason == "pause"
    assert 4.0 < cut < 4.7


def test_a_short_breath_does_not_commit_before_the_target_length():
    # 0.3 s after speech is a breath, not a pause; the chunk is still short.
    assert choose_cut([(0.5, 2.0), (2.3, 4.0)], 4.3, OPTS) is None


def test_target_length_cuts_at_the_latest_real_gap():
    spans = [(0.2, 3.5), (3.8, 6.0), (6.1, 8.4)]  # gaps of 0.3 s and 0.1 s
    cut, reason = choose_cut(spans, 8.5, OPTS)
    assert reason == "target"
    assert cut == pytest.approx(3.65)


def test_unbroken_speech_is_forced_below_whispers_window():
    spans = [(0.0, 7.0), (7.12, 12.4)]  # only a 0.12 s gap, late enough to use
    cut, reason = choose_cut(spans, 12.4, OPTS)
    assert reason == "forced-gap" and cut == pytest.approx(7.06)
    samples = np.ones(int(12.4 * 16000), dtype=np.float32)
    samples[int(9.0 * 16000) : int(9.06 * 16000)] = 0.0
    cut, reason = choose_cut([(0.0, 12.4)], 12.4, OPTS, samples)
    assert reason == "forced-quiet" and 8.95 < cut < 9.1


def test_quietest_moment_finds_the_dip():
    samples = np.full(16000 * 4, 0.5, dtype=np.float32)
    samples[int(2.5 * 16000) : int(2.6 * 16000)] = 0.0
    assert 2.49 < quietest_moment(samples, 1.0, 3.5) < 2.61


def _part(segments: list[tuple[float, float, list[tuple[str, float]]]], offset: float = 0.0) -> Transcript:
    segs, words = [], []
    for start, end, ws in segments:
        segs.append(Segment(start=start + offset, end=end + offset, text=" ".join(w for w, _ in ws)))
        step = (end - start) / len(ws)
        for i, (w, p) in enumerate(ws):
            words.append(Word(word=w, start=start + offset + i * step, end=start + offset + (i + 1) * step, probability=p))
    return Transcript(text=" ".join(s.text for s in segs), words=words, segments=segs, duration=10.0, speech=[(start + offset, end + offset) for start, end, _ in segments])


def test_invented_segments_are_dropped_and_real_ones_kept():
    part = _part(
        [
            (0.0, 3.0, [("We", 0.9), ("shipped", 0.8), ("it", 0.95)]),
            (3.0, 3.2, [("Yeah.", 0.01)]),  # unsure filler in the silence
            (3.2, 3.4, [("Just", 0.3), ("like", 0.2), ("this.", 0.3)]),  # 15 words/s, unsure
            (4.0, 5.0, [("Yes.", 0.9)]),  # a real, confident short answer
        ]
    )
    cleaned = drop_hallucinations(part, 0.1)
    assert cleaned.text == "We shipped it Yes."
    assert [w.word for w in cleaned.words] == ["We", "shipped", "it", "Yes."]


def test_merge_keeps_order_offsets_and_the_whole_duration():
    a = _part([(0.0, 2.0, [("one", 0.9), ("two", 0.9)])])
    b = _part([(0.5, 1.5, [("three", 0.9)])], offset=2.0)
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

    def transcribe(self, samples, *, keywords=None, offset=0.0, prompt_extra=None):
        self.calls.append((offset, len(samples) / 16000))
        return Transcript(text="", duration=len(samples) / 16000)



@pytest.mark.slow
def test_streamer_sends_each_stretch_once_and_skips_long_silence(audio_dir):
    """Real VAD on real speech: chunks tile the answer without overlap; think-time silence is not sent."""
    from mockint.audio.decode import load_audio

    speech = load_audio(audio_dir / "ms_two_cities_16k.wav")
    answer = np.concatenate([np.zeros(16000 * 6, dtype=np.float32), speech])
    probe = _RecordingTranscriber()
    stream = StreamingTranscriber(probe)
    for i in range(0, len(answer), 800):
        stream.feed(answer[i : i + 800])
    stream.finish()
    calls = probe.calls
    assert len(calls) >= 4, "a 44 s answer with pauses must be cut into several chunks"
    assert calls[0][0] >= 4.0, "the 6 s of silence before speaking is dropped, not transcribed"
    for (off, dur), (next_off, _) in zip(calls, calls[1:]):
        assert next_off == pytest.approx(off + dur, abs=1e-3), "chunks must not overlap or leave holes"
    assert max(d for _, d in calls) <= OPTS.max_chunk_seconds + OPTS.check_seconds + 0.1
    assert stream.stats.dropped_silence_seconds >= 4.0


@pytest.mark.slow
# Long clips only: on a 36-word clip one slip is 2.8 points, and Whisper's temperature fallback is random.
@pytest.mark.parametrize("clip", ["ms_two_cities_16k.wav", "lj_LJ001-0001_to_0008.wav"])
def test_streaming_is_as_accurate_as_the_whole_file(audio_dir, clip):
    from mockint.audio.decode import load_audio
    from mockint.streaming import transcribe_streaming
    from mockint.transcribe import word_error_counts

    transcriber = _transcriber()
    samples = load_audio(audio_dir / clip)
    reference = Path(audio_dir / clip).with_suffix(".txt").read_text()
    batch_errors, words = word_error_counts(reference, transcriber.transcribe(samples).text)
    streamed = transcribe_streaming(transcriber, samples, block_seconds=0.05)
    stream_errors, _ = word_error_counts(reference, streamed.text)
    assert (stream_errors - batch_errors) / words <= 0.01, streamed.text
    assert streamed.words == sorted(streamed.words, key=lambda w: w.start)
    assert streamed.words[-1].end <= streamed.duration + 0.05


_CACHED = {}


def _transcriber():
    from mockint.transcribe import Transcriber

    if "t" not in _CACHED:
        _CACHED["t"] = Transcriber()
    return _CACHED["t"]
