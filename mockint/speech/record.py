"""Microphone capture, written to a WAV file in the session folder as it arrives.

PortAudio (through sounddevice) calls back on its own thread with each block; the
callback only copies the block into a queue. The recording loop, on the caller's thread,
appends each block to a 16 kHz mono 16-bit WAV, flushes it a few times a second and hands
the block on (to the streaming transcriber, the level meter). A crash or SIGKILL loses at
most the last flush interval; the header's sizes may then be stale, which `repair_wav`
fixes (libsndfile already reads such files by their length).

The stream factory is injectable: anything called like `sounddevice.InputStream(...)`.
The WAV itself (appending, flushing, repair) is speech/wav.py.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np

from mockint.errors import DeviceError
from mockint.speech.decode import SAMPLE_RATE
from mockint.speech.wav import CHANNELS, WavAppender

BLOCK_SECONDS = 0.05

DEVICES_HINT = "run 'mockint devices' to list inputs, then pass --device NAME"
PORTAUDIO_HINT = "install PortAudio: 'sudo apt install libportaudio2' (macOS: 'brew install portaudio')"

StopReason = Literal["enter", "silence", "max", "interrupt", "stream-end"]


def import_sounddevice() -> Any:
    """Import sounddevice, turning a missing PortAudio library into a one-line DeviceError."""
    try:
        import sounddevice
    except OSError as exc:  # sounddevice raises OSError when libportaudio cannot be loaded
        raise DeviceError(f"PortAudio library not found ({exc})", hint=PORTAUDIO_HINT) from None
    return sounddevice


# --- devices -------------------------------------------------------------------------


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    host_api: str
    channels: int
    default_samplerate: float
    is_default: bool


def list_input_devices() -> list[InputDevice]:
    sd = import_sounddevice()
    try:
        devices = sd.query_devices()
        apis = sd.query_hostapis()
        default_in = sd.default.device[0]
    except sd.PortAudioError as exc:
        raise DeviceError(f"cannot list audio devices: {exc}", hint=PORTAUDIO_HINT) from None
    found = []
    for index, dev in enumerate(devices):
        if dev["max_input_channels"] <= 0:
            continue
        found.append(
            InputDevice(
                index=index,
                name=dev["name"],
                host_api=apis[dev["hostapi"]]["name"],
                channels=int(dev["max_input_channels"]),
                default_samplerate=float(dev["default_samplerate"]),
                is_default=index == default_in,
            )
        )
    return found


def resolve_device(name: str | int | None) -> int | None:
    """Map a --device value (index, exact name or unique substring) to a device index.

    None means the system default input; raises DeviceError when there is no input at all,
    or when the name matches none or several inputs.
    """
    inputs = list_input_devices()
    if not inputs:
        raise DeviceError("no microphone found: the system reports no audio input device", hint=DEVICES_HINT)
    if name is None or name == "":
        return None
    text = str(name).strip()
    if text.isdigit():
        index = int(text)
        if any(d.index == index for d in inputs):
            return index
        raise DeviceError(f"no input device number {index}", hint=DEVICES_HINT)
    exact = [d for d in inputs if d.name.lower() == text.lower()]
    if len(exact) == 1:
        return exact[0].index
    partial = [d for d in inputs if text.lower() in d.name.lower()]
    if len(partial) == 1:
        return partial[0].index
    if not partial:
        raise DeviceError(f"no input device named '{text}'", hint=DEVICES_HINT)
    names = ", ".join(f"{d.index}: {d.name}" for d in partial[:5])
    raise DeviceError(f"'{text}' matches several input devices ({names})", hint="pass the number instead")


# --- capture -------------------------------------------------------------------------


class SpeechTracker(Protocol):
    """Tells the recorder when speech was last heard, for silence auto-stop."""

    def feed(self, block: np.ndarray) -> None: ...

    @property
    def last_speech_end(self) -> float | None:
        """Seconds into the recording where the latest speech ended; None before any speech."""
        ...


def block_level_db(block: np.ndarray) -> float:
    """RMS level of an int16 block in dBFS (-100 for digital silence)."""
    if block.size == 0:
        return -100.0
    rms = float(np.sqrt(np.mean((block.astype(np.float32) / 32768.0) ** 2)))
    return 20.0 * np.log10(rms) if rms > 1e-5 else -100.0


class EnergySpeechTracker:
    """A simple level-based speech tracker, used when no VAD-driven tracker is given."""

    def __init__(self, samplerate: int = SAMPLE_RATE, threshold_db: float = -40.0) -> None:
        self.samplerate = samplerate
        self.threshold_db = threshold_db
        self.frames = 0
        self._loud_run = 0.0
        self._last_end: float | None = None

    def feed(self, block: np.ndarray) -> None:
        self.frames += len(block)
        if block_level_db(block) >= self.threshold_db:
            self._loud_run += len(block) / self.samplerate
            if self._loud_run >= 0.2:  # ignore clicks
                self._last_end = self.frames / self.samplerate
        else:
            self._loud_run = 0.0

    @property
    def last_speech_end(self) -> float | None:
        return self._last_end


@dataclass
class RecordingStatus:
    """What the live meter shows; passed to on_tick a few times a second."""

    elapsed: float
    level_db: float
    heard_speech: bool
    silence: float


@dataclass
class RecordingResult:
    path: Path
    seconds: float
    stopped_by: StopReason
    ended_at: float = field(metadata={"doc": "time.monotonic() when capture stopped"})
    overflows: int = 0


StreamFactory = Callable[..., Any]


def default_stream_factory(**kwargs: Any) -> Any:
    sd = import_sounddevice()
    return sd.InputStream(**kwargs)


def open_input_stream(
    callback: Callable[..., None],
    *,
    device: int | str | None = None,
    samplerate: int = SAMPLE_RATE,
    blocksize: int | None = None,
    stream_factory: StreamFactory | None = None,
) -> Any:
    """Open and start an input stream, with every PortAudio failure as a one-line DeviceError."""
    factory = stream_factory or default_stream_factory
    blocksize = blocksize or int(samplerate * BLOCK_SECONDS)
    try:
        stream = factory(
            samplerate=samplerate, channels=CHANNELS, dtype="int16", blocksize=blocksize, device=device, callback=callback
        )
        stream.start()
    except DeviceError:
        raise
    except ValueError as exc:  # sounddevice: unknown device name, no default device
        raise DeviceError(f"cannot use input device {device!r}: {exc}", hint=DEVICES_HINT) from None
    except Exception as exc:  # sounddevice.PortAudioError and friends: busy, unplugged, no permission
        text = str(exc)
        if "unavailable" in text.lower() or "busy" in text.lower():
            raise DeviceError(
                f"the microphone is busy or unavailable ({text})",
                hint="close other programs using it, or pick another with --device; see 'mockint devices'",
            ) from None
        raise DeviceError(f"cannot open the microphone: {text}", hint=DEVICES_HINT) from None
    return stream


class Recorder:
    """One answer's capture: stream -> queue -> WAV on disk (+ on_block), until a stop condition.

    Stops on `stop_event` (the CLI sets it on Enter), after `silence_stop_seconds` of
    silence following speech, at `max_seconds`, or when the caller's thread is interrupted
    (KeyboardInterrupt propagates after the file is closed with everything captured so far).
    """

    def __init__(
        self,
        path: Path,
        *,
        device: int | str | None = None,
        stream_factory: StreamFactory | None = None,
        max_seconds: float = 180.0,
        silence_stop_seconds: float | None = 4.0,
        speech_tracker: SpeechTracker | None = None,
        on_block: Callable[[np.ndarray], None] | None = None,
        on_tick: Callable[[RecordingStatus], None] | None = None,
        tick_seconds: float = 0.1,
        stop_event: threading.Event | None = None,
    ) -> None:
        self.path = path
        self.device = device
        self.stream_factory = stream_factory
        self.max_seconds = max_seconds
        self.silence_stop_seconds = silence_stop_seconds
        self.speech_tracker = speech_tracker or EnergySpeechTracker()
        self.on_block = on_block
        self.on_tick = on_tick
        self.tick_seconds = tick_seconds
        self.stop_event = stop_event or threading.Event()
        self._blocks: queue.Queue[np.ndarray | None] = queue.Queue()
        self._overflows = 0

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        if status and getattr(status, "input_overflow", False):
            self._overflows += 1
        self._blocks.put(indata[:, 0].copy() if indata.ndim == 2 else indata.copy())

    def _finished(self) -> None:
        self._blocks.put(None)  # the stream ended by itself (device lost)

    def record(self) -> RecordingResult:
        wav = WavAppender(self.path)
        stream = None
        stopped_by: StopReason = "max"
        level = -100.0
        next_tick = 0.0
        max_frames = int(self.max_seconds * SAMPLE_RATE)
        try:
            stream = open_input_stream(self._callback, device=self.device, stream_factory=self.stream_factory)
            while True:
                if self.stop_event.is_set():
                    stopped_by = "enter"
                    break
                try:
                    block = self._blocks.get(timeout=0.05)
                except queue.Empty:
                    continue
                if block is None:
                    stopped_by = "stream-end"
                    break
                if wav.frames + len(block) > max_frames:
                    block = block[: max_frames - wav.frames]
                wav.write(block)
                self.speech_tracker.feed(block)
                if self.on_block is not None:
                    self.on_block(block)
                level = block_level_db(block)
                elapsed = wav.seconds
                last = self.speech_tracker.last_speech_end
                silence = elapsed - last if last is not None else 0.0
                if self.on_tick is not None and elapsed >= next_tick:
                    self.on_tick(RecordingStatus(elapsed, level, last is not None, silence))
                    next_tick = elapsed + self.tick_seconds
                if wav.frames >= max_frames:
                    stopped_by = "max"
                    break
                if self.silence_stop_seconds and last is not None and silence >= self.silence_stop_seconds:
                    stopped_by = "silence"
                    break
        except KeyboardInterrupt:
            stopped_by = "interrupt"
            raise
        finally:
            ended_at = time.monotonic()
            if stream is not None:
                _close_stream(stream)
            wav.close()
            self.result = RecordingResult(self.path, wav.seconds, stopped_by, ended_at, self._overflows)
        return self.result


def _close_stream(stream: Any) -> None:
    try:
        stream.stop()
    finally:
        stream.close()

