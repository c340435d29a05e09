"""load_audio: any PyAV format and rate to 16 kHz mono float32; one-line AudioError on bad files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from mockint.errors import AudioError
from mockint.speech.decode import SAMPLE_RATE, load_audio

TONE_HZ = 440.0


def tone(rate: int, seconds: float, channels: int = 1) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    mono = 0.4 * np.sin(2 * np.pi * TONE_HZ * t)
    return np.stack([mono] * channels, axis=1) if channels > 1 else mono


def encode(path: Path, codec: str, rate: int, seconds: float, channels: int) -> Path:
    """Write a tone with PyAV's encoders (the same FFmpeg that decodes)."""
    import av

    samples = tone(rate, seconds, channels).astype(np.float32).reshape(-1, channels)
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream(codec, rate=rate, layout="stereo" if channels == 2 else "mono")
        frame_size = stream.codec_context.frame_size or 1024
        fmt = stream.codec_context.format.name
        for start in range(0, len(samples), frame_size):
            chunk = samples[start : start + frame_size]
            data = chunk.T.copy() if fmt.endswith("p") else chunk.reshape(1, -1).copy()
            if fmt.startswith("s16"):
                data = (data * 32767).astype(np.int16)
            elif fmt.startswith("s32"):
                data = (data * 2147483647).astype(np.int32)
            frame = av.AudioFrame.from_ndarray(data, format=fmt, layout=stream.layout.name)
            frame.sample_rate = rate
            frame.pts = start
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def dominant_hz(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples))
    return float(np.fft.rfftfreq(len(samples), 1 / SAMPLE_RATE)[spectrum.argmax()])


@pytest.mark.parametrize(
    "name, codec, rate, channels",
    [
        ("a.mp3", "libmp3lame", 44100, 2),
        ("a.ogg", "libopus", 48000, 1),
        ("a.opus", "libopus", 48000, 2),
        ("a.m4a", "aac", 22050, 1),
        ("a.webm", "libopus", 48000, 2),
        ("a.flac", "flac", 8000, 1),
    ],
)
def test_compressed_formats_any_rate_and_channels(tmp_path, name, codec, rate, channels):
    samples = load_audio(encode(tmp_path / name, codec, rate, 2.0, channels))
    assert samples.dtype == np.float32 and samples.ndim == 1
    # Encoders add a little priming/padding; length must still be about 2 s at 16 kHz.
    assert abs(len(samples) / SAMPLE_RATE - 2.0) < 0.1
    assert abs(dominant_hz(samples) - TONE_HZ) < 5
    assert 0.2 < np.abs(samples).max() <= 1.0


def test_stereo_wav_at_44k_is_resampled_to_16k_mono(tmp_path):
    path = tmp_path / "stereo.wav"
    sf.write(path, tone(44100, 1.5, channels=2), 44100)
    samples = load_audio(path)
    assert len(samples) == pytest.approx(1.5 * SAMPLE_RATE, abs=32)
    assert abs(dominant_hz(samples) - TONE_HZ) < 5


def test_shared_clip_decodes(audio_dir):
    samples = load_audio(audio_dir / "fw_jfk.flac")  # 44.1 kHz stereo, 11.0 s
    assert len(samples) == 11 * SAMPLE_RATE


def bad_file(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.wav"
    if kind == "missing":
        return path
    if kind == "folder":
        path.mkdir()
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "zero_length":
        sf.write(path, np.zeros(0, dtype=np.float32), SAMPLE_RATE)
    elif kind == "text":
        path = tmp_path / "notes.txt"
        path.write_text("Tell me about a time you failed.\n" * 20)
    elif kind == "garbage":
        path.write_bytes(np.random.default_rng(1).integers(0, 256, 5000, dtype=np.uint8).tobytes())
    elif kind == "truncated_header":
        sf.write(path, tone(16000, 1.0), 16000)
        path.write_bytes(path.read_bytes()[:20])
    return path


@pytest.mark.parametrize(
    "kind, message",
    [
        ("missing", "no such file"),
        ("folder", "is a folder"),
        ("empty", "empty file"),
        ("zero_length", "no audio samples"),
        ("text", "not an audio file"),
        ("garbage", "not an audio file"),
        ("truncated_header", "not an audio file"),
    ],
)
def test_bad_files_raise_one_line_audio_error(tmp_path, kind, message):
    path = bad_file(tmp_path, kind)
    with pytest.raises(AudioError) as info:
        load_audio(path)
    text = str(info.value)
    assert message in text
    assert str(path) in text
    assert "\n" not in text
