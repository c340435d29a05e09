"""Decode any audio file PyAV reads (wav, flac, mp3, ogg/opus, m4a, webm, ...) to 16 kHz mono float32."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mockint.errors import AudioError

if TYPE_CHECKING:
    import numpy as np

SAMPLE_RATE = 16000  # what Whisper and Silero VAD expect


def load_audio(path: Path) -> np.ndarray:
    """The file's audio as float32 mono samples at SAMPLE_RATE.

    Raises AudioError with a one-line message for a missing file, a folder, a file that is not
    audio, a corrupt file and a file with no samples.
    """
    import av
    import numpy as np
    from faster_whisper.audio import decode_audio

    path = Path(path)
    if not path.exists():
        raise AudioError(f"{path}: no such file")
    if path.is_dir():
        raise AudioError(f"{path}: is a folder, not an audio file")
    if path.stat().st_size == 0:
        raise AudioError(f"{path}: empty file (0 bytes)")
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError(f"{path}: not an audio file (no audio stream)")
        # faster-whisper's decoder resamples with PyAV exactly as its own transcribe() does,
        # so mockint's samples are bit-identical to the bare library's.
        samples = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except AudioError:
        raise
    except (av.error.InvalidDataError, av.error.EOFError) as exc:
        raise AudioError(f"{path}: not an audio file, or corrupt ({_reason(exc)})") from None
    except (av.error.FFmpegError, OSError, ValueError, RuntimeError) as exc:
        raise AudioError(f"{path}: cannot decode audio ({_reason(exc)})") from None
    if samples.size == 0:
        raise AudioError(f"{path}: contains no audio samples (zero length or corrupt)")
    if not np.isfinite(samples).all():
        raise AudioError(f"{path}: decoded audio contains invalid values")
    return np.ascontiguousarray(samples, dtype=np.float32)


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())
