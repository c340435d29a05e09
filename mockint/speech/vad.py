"""Where speech is: faster-whisper's bundled Silero VAD (an ONNX model shipped in its wheel).

Pauses are measured from these spans, not from Whisper's word timestamps, which drift
into the silence around them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mockint.speech.decode import SAMPLE_RATE

if TYPE_CHECKING:
    import numpy as np

# Silences shorter than this stay inside one span; well below the 1.5 s long-pause threshold.
MIN_SILENCE_MS = 300
# A little padding keeps word onsets/offsets inside spans without eating measurable pause time.
SPEECH_PAD_MS = 60
MIN_SPEECH_MS = 120  # shorter blips (clicks, breaths) are not speech


# Silero reads 512-sample windows; less than one window holds no speech it can find.
VAD_WINDOW = 512


def speech_spans(
    samples: np.ndarray, *, min_silence_ms: int = MIN_SILENCE_MS, pad_ms: int = SPEECH_PAD_MS
) -> list[tuple[float, float]]:
    """(start, end) seconds of each stretch of speech in 16 kHz mono samples, in order.

    Gaps shorter than `min_silence_ms` stay inside a span; each span is widened by `pad_ms`."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    if len(samples) < VAD_WINDOW:
        return []
    options = VadOptions(
        min_silence_duration_ms=min_silence_ms,
        speech_pad_ms=pad_ms,
        min_speech_duration_ms=MIN_SPEECH_MS,
    )
    stamps = get_speech_timestamps(samples, options, sampling_rate=SAMPLE_RATE)
    return [(round(s["start"] / SAMPLE_RATE, 3), round(s["end"] / SAMPLE_RATE, 3)) for s in stamps]
