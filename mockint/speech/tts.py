"""Speaking questions aloud with espeak-ng, a local speech synthesizer run as a subprocess.

`speak` returns only when the audio has finished playing, and the practice loop opens the
microphone after it returns, so the question is never recorded as part of the answer.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from mockint.errors import AudioError

INSTALL_HINT = "install it with 'sudo apt install espeak-ng' (macOS: 'brew install espeak-ng'), or use --no-speak"
DEFAULT_VOICE = "en-us"
DEFAULT_WPM = 165

Runner = Callable[..., subprocess.CompletedProcess]


def espeak_binary() -> str | None:
    return shutil.which("espeak-ng") or shutil.which("espeak")


def available() -> bool:
    return espeak_binary() is not None


def _command(text: str, voice: str, wpm: int, extra: list[str]) -> list[str]:
    binary = espeak_binary()
    if binary is None:
        raise AudioError("cannot speak the question: espeak-ng is not installed", hint=INSTALL_HINT)
    # "--" keeps a question that starts with "-" from being read as an option.
    return [binary, "-v", voice, "-s", str(wpm), *extra, "--", text]


def _run(cmd: list[str], runner: Runner, timeout: float) -> None:
    try:
        result = runner(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise AudioError(f"espeak-ng did not finish within {timeout:.0f} s") from None
    except OSError as exc:
        raise AudioError(f"cannot run espeak-ng: {exc.strerror or exc}", hint=INSTALL_HINT) from None
    if result.returncode != 0:
        err = (result.stderr or b"").decode(errors="replace").strip().splitlines()
        reason = err[-1] if err else f"exit code {result.returncode}"
        raise AudioError(f"espeak-ng failed: {reason}", hint="check the audio output device, or use --no-speak")


def speak(
    text: str, *, voice: str = DEFAULT_VOICE, wpm: int = DEFAULT_WPM, runner: Runner = subprocess.run, timeout: float = 120
) -> None:
    """Say `text` on the default audio output; blocks until playback ends."""
    _run(_command(text, voice, wpm, []), runner, timeout)


def synthesize(
    text: str,
    out_path: Path,
    *,
    voice: str = DEFAULT_VOICE,
    wpm: int = DEFAULT_WPM,
    pitch: int | None = None,
    runner: Runner = subprocess.run,
    timeout: float = 120,
) -> Path:
    """Write `text` spoken to a WAV file (espeak-ng's own rate, 22.05 kHz mono)."""
    extra = ["-w", str(out_path)]
    if pitch is not None:
        extra += ["-p", str(pitch)]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    _run(_command(text, voice, wpm, extra), runner, timeout)
    if not out_path.is_file() or out_path.stat().st_size <= 44:
        raise AudioError(f"espeak-ng wrote no audio to {out_path}")
    return out_path
