"""The recording file on disk, its repair after a crash, and the recorder's stop rules.

The recorder is driven here through its injectable stream factory with real audio from
the shared clips; capture through PortAudio itself is in test_mic.py.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile

from mockint.errors import AudioError, DeviceError
from mockint.speech.record import Recorder, block_level_db
from mockint.speech.wav import WavAppender, repair_wav

REPO = Path(__file__).resolve().parents[1]


def _int16(seconds: float, amplitude: float = 0.3, freq: float = 300.0) -> np.ndarray:
    t = np.arange(int(seconds * 16000)) / 16000
    return (amplitude * 32767 * np.sin(2 * np.pi * freq * t)).astype(np.int16)


def test_wav_grows_on_disk_while_recording(tmp_path):
    path = tmp_path / "a01.wav"
    wav = WavAppender(path, flush_seconds=0.1)
    for _ in range(10):
        wav.write(_int16(0.1))
    # Still open: libsndfile reads what was flushed, by the file's length.
    data, rate = soundfile.read(path, dtype="int16")
    assert rate == 16000 and len(data) >= 16000 * 0.9
    wav.close()
    assert soundfile.info(path).frames == 16000


def test_repair_fixes_the_header_of_a_cut_off_file(tmp_path):
    path = tmp_path / "a01.wav"
    wav = WavAppender(path)
    wav.write(_int16(1.5))
    wav.close()
    raw = bytearray(path.read_bytes())
    # What a SIGKILL leaves: header sizes from when the file was opened, plus half a sample.
    raw[4:8] = struct.pack("<I", 36)
    raw[40:44] = struct.pack("<I", 0)
    path.write_bytes(bytes(raw) + b"\x01")
    assert repair_wav(path) == pytest.approx(1.5)
    info = soundfile.info(path)
    assert info.frames == 24000
    raw = path.read_bytes()
    assert struct.unpack("<I", raw[40:44])[0] == 48000 and struct.unpack("<I", raw[4:8])[0] == len(raw) - 8
    assert repair_wav(path) == pytest.approx(1.5)  # idempotent


def test_repair_rejects_a_file_that_is_not_a_wav(tmp_path):
    path = tmp_path / "x.wav"
    path.write_bytes(b"not audio at all" * 10)
    with pytest.raises(AudioError, match="no RIFF/data header"):
        repair_wav(path)
    with pytest.raises(AudioError, match="missing"):
        repair_wav(tmp_path / "gone.wav")


def test_sigkill_loses_at_most_a_flush_interval(tmp_path):
    """A writer process killed with SIGKILL leaves a WAV that repairs to what it had written."""
    path = tmp_path / "killed.wav"
    progress = tmp_path / "frames"
    script = f"""
import sys, time, numpy as np
sys.path.insert(0, {str(REPO)!r})
from mockint.speech.wav import WavAppender
wav = WavAppender(__import__('pathlib').Path({str(path)!r}), flush_seconds=0.25)
block = (np.sin(np.arange(800) / 5) * 9000).astype(np.int16)
while True:
    wav.write(block)
    open({str(progress)!r}, 'w').write(str(wav.frames))
    time.sleep(0.05)
"""
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.time() + 20
        while time.time() < deadline and (not progress.exists() or int(progress.read_text() or 0) < 16000 * 2):
            time.sleep(0.05)
    finally:
        proc.kill()  # SIGKILL
        proc.wait()
    written = int(progress.read_text())
    seconds = repair_wav(path)
    assert written / 16000 - seconds <= 0.25 + 0.05 + 1e-6
    data, _ = soundfile.read(path, dtype="int16")
    assert len(data) == round(seconds * 16000) and np.abs(data).max() > 8000


class FileStream:
    """An input stream that plays samples to the callback in real time (the factory seam)."""

    def __init__(self, samples: np.ndarray, *, callback, blocksize, **_kw) -> None:
        self.samples, self.callback, self.blocksize = samples, callback, blocksize
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        for i in range(0, len(self.samples), self.blocksize):
            if self._stop.is_set():
                return
            block = self.samples[i : i + self.blocksize].reshape(-1, 1)
            self.callback(block, len(block), None, None)
            time.sleep(self.blocksize / 16000 / 4)  # 4x real time keeps the test short

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        self._stop.set()


def _factory(samples):
    return lambda **kw: FileStream(samples, **kw)


def test_recorder_stops_after_silence_that_follows_speech(tmp_path):
    audio = np.concatenate([np.zeros(8000, np.int16), _int16(2.0), np.zeros(16000 * 10, np.int16)])
    ticks = []
    result = Recorder(
        tmp_path / "a.wav", stream_factory=_factory(audio), max_seconds=30, silence_stop_seconds=1.5, on_tick=ticks.append
    ).record()
    assert result.stopped_by == "silence"
    assert 2.5 + 1.5 <= result.seconds <= 2.5 + 1.5 + 0.2
    assert soundfile.info(tmp_path / "a.wav").duration == pytest.approx(result.seconds, abs=0.01)
    assert any(t.heard_speech for t in ticks) and max(t.level_db for t in ticks) > -20


def test_recorder_does_not_stop_on_silence_before_any_speech(tmp_path):
    audio = np.zeros(16000 * 5, np.int16)
    result = Recorder(tmp_path / "a.wav", stream_factory=_factory(audio), max_seconds=3, silence_stop_seconds=1.0).record()
    assert result.stopped_by == "max" and result.seconds == pytest.approx(3.0)


def test_recorder_stops_on_the_stop_event(tmp_path):
    stop = threading.Event()
    audio = _int16(20.0)
    threading.Timer(0.5, stop.set).start()
    result = Recorder(tmp_path / "a.wav", stream_factory=_factory(audio), stop_event=stop, silence_stop_seconds=None).record()
    assert result.stopped_by == "enter" and 0.5 < result.seconds < 10


def test_a_stream_that_fails_to_open_is_a_device_error(tmp_path):
    def busy(**_kw):
        raise RuntimeError("Error opening InputStream: Device unavailable [PaErrorCode -9985]")

    with pytest.raises(DeviceError, match="busy or unavailable") as err:
        Recorder(tmp_path / "a.wav", stream_factory=busy).record()
    assert "mockint devices" in str(err.value)


def test_level_meter_reads_dbfs():
    assert block_level_db(np.zeros(100, np.int16)) == -100.0
    full = np.full(100, 32767, np.int16)
    assert block_level_db(full) == pytest.approx(0.0, abs=0.01)
    assert block_level_db(_int16(0.1, amplitude=0.1)) == pytest.approx(-23.0, abs=0.5)


def _cli(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mockint", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def _no_sound_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PULSE_SERVER", "XDG_RUNTIME_DIR")}
    empty = tmp_path / "run"
    empty.mkdir(exist_ok=True)
    env.update(PYTHONPATH=str(REPO), XDG_RUNTIME_DIR=str(empty), PULSE_SERVER=f"unix:{empty}/none", HOME=str(tmp_path))
    return env


def test_no_microphone_is_one_line_with_the_fix(tmp_path, mockint_home):
    env = _no_sound_env(tmp_path) | {"MOCKINT_HOME": str(mockint_home)}
    for args in (["practice", "--questions", "1"], ["devices"]):
        result = _cli(args, env, tmp_path)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        lines = [l for l in result.stderr.splitlines() if l.strip()]
        assert len(lines) == 1, result.stderr
        assert "no" in lines[0] and ("microphone" in lines[0] or "input device" in lines[0])
    assert not list((mockint_home / "sessions").glob("*/session.json")), "no session is left behind"


def test_missing_portaudio_is_one_line_with_the_install_command(tmp_path, mockint_home):
    # sounddevice raises OSError at import when libportaudio is absent; reproduce exactly that.
    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "sounddevice.py").write_text("raise OSError('PortAudio library not found')\n")
    env = _no_sound_env(tmp_path) | {"MOCKINT_HOME": str(mockint_home), "PYTHONPATH": f"{fake}{os.pathsep}{REPO}"}
    result = _cli(["devices"], env, tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "libportaudio2" in result.stderr and len(result.stderr.strip().splitlines()) == 1
