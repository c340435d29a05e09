"""Audio at the edges: decoding files (decode.py) and microphone capture (record.py)."""

from __future__ import annotations

from mockint.audio.decode import SAMPLE_RATE, load_audio

__all__ = ["SAMPLE_RATE", "load_audio"]
