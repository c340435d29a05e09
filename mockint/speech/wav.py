"""The answer's WAV on disk: appended block by block while the candidate speaks, usable at any
moment, and repaired after a crash.

libsndfile writes the header's sizes only on close; `WavAppender.flush` pushes the samples to
the OS a few times a second, so a SIGKILL loses at most the last flush interval, and
`repair_wav` fixes the stale sizes (libsndfile already reads such a file by its length).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.errors import AudioError
from mockint.speech.decode import SAMPLE_RATE

if TYPE_CHECKING:
    import numpy as np

CHANNELS = 1
FLUSH_SECONDS = 0.25


class WavAppender:
    """A 16-bit mono WAV that is usable on disk while it is still being written."""

    def __init__(self, path: Path, samplerate: int = SAMPLE_RATE, flush_seconds: float = FLUSH_SECONDS) -> None:
        import soundfile

        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.samplerate = samplerate
        self.frames = 0
        self._flush_every = max(1, int(flush_seconds * samplerate))
        self._unflushed = 0
        try:
            self._file = soundfile.SoundFile(path, "w", samplerate, CHANNELS, "PCM_16", format="WAV")
        except (OSError, RuntimeError) as exc:
            raise AudioError(f"{path}: cannot write audio: {exc}") from None

    def write(self, block: np.ndarray) -> None:
        self._file.write(block)
        self.frames += len(block)
        self._unflushed += len(block)
        if self._unflushed >= self._flush_every:
            self.flush()

    def flush(self) -> None:
        # sf_write_sync pushes libsndfile's buffer to the OS; the header sizes are fixed on
        # close, or by repair_wav after a crash.
        self._file.flush()
        self._unflushed = 0

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()

    @property
    def seconds(self) -> float:
        return self.frames / self.samplerate


def _find_chunk(data: bytes, chunk_id: bytes, start: int = 12) -> tuple[int, int] | None:
    """Offset of a RIFF chunk's header and its declared size."""
    pos = start
    while pos + 8 <= len(data):
        cid, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        if cid == chunk_id:
            return pos, size
        pos += 8 + size + (size & 1)
    return None


def repair_wav(path: Path) -> float:
    """Fix the RIFF and data sizes of a WAV cut off mid-write (crash, SIGKILL); return its seconds.

    Everything after the data chunk's header is audio, up to the last whole sample frame.
    A file killed before its header was complete holds no audio: it is rewritten empty.
    """
    try:
        with open(path, "r+b") as fh:
            head = fh.read(4096)
            size = os.fstat(fh.fileno()).st_size
            fmt = _find_chunk(head, b"fmt ") if head[:4] == b"RIFF" and head[8:12] == b"WAVE" else None
            data = _find_chunk(head, b"data") if fmt else None
            if fmt is None or data is None:
                raise AudioError(f"{path}: not a WAV file mockint wrote (no RIFF/data header)")
            channels, samplerate = struct.unpack("<HI", head[fmt[0] + 10 : fmt[0] + 16])
            bits = struct.unpack("<H", head[fmt[0] + 22 : fmt[0] + 24])[0]
            frame_bytes = channels * bits // 8
            data_start = data[0] + 8
            payload = max(0, size - data_start)
            payload -= payload % frame_bytes
            if data[1] != payload or size != data_start + payload:
                fh.truncate(data_start + payload)
                fh.seek(4)
                fh.write(struct.pack("<I", data_start + payload - 8))
                fh.seek(data[0] + 4)
                fh.write(struct.pack("<I", payload))
                fh.flush()
                os.fsync(fh.fileno())
            return payload / frame_bytes / samplerate
    except FileNotFoundError:
        raise AudioError(f"{path}: recording is missing") from None


