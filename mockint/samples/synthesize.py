"""Rebuild the bundled demo answers from the scripts in samples.yaml.

    python -m mockint.samples.synthesize

espeak-ng speaks each script to a WAV; it is resampled to 16 kHz mono (soxr through
faster-whisper's PyAV decoder) and stored as FLAC beside this file, with a short lead-in
of silence like a real answer's think time.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent
LEAD_IN_SECONDS = 0.8
TAIL_SECONDS = 0.6


def build(only: list[str] | None = None) -> list[Path]:
    import numpy as np
    import soundfile

    from mockint.samples import load_samples
    from mockint.speech.decode import SAMPLE_RATE, load_audio
    from mockint.speech.tts import synthesize

    written = []
    for sample in load_samples():
        if only and sample.id not in only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            wav = synthesize(" ".join(sample.script.split()), Path(tmp) / "raw.wav", voice=sample.voice, wpm=sample.wpm)
            speech = load_audio(wav)
        pad = lambda s: np.zeros(int(s * SAMPLE_RATE), dtype=np.float32)  # noqa: E731
        audio = np.concatenate([pad(LEAD_IN_SECONDS), speech * 0.8, pad(TAIL_SECONDS)])
        out = SAMPLES_DIR / sample.audio
        soundfile.write(out, audio, SAMPLE_RATE, subtype="PCM_16", format="FLAC")
        written.append(out)
        print(f"{out.name}: {len(audio) / SAMPLE_RATE:.1f} s", file=sys.stderr)
    return written


if __name__ == "__main__":
    build(sys.argv[1:] or None)
