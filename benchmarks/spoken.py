"""The speech styles the benchmarks measure, as audio files with reference texts.

- `real`: the real human read speech in ../shared/audio (or $MOCKINT_SHARED_DIR/audio).
- `conversational`, `continuous`, `fast`, `numbers`: answers from benchmarks/data/spoken_answers.yaml,
  spoken by espeak-ng at the style's rate and voices into a folder given by the caller.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "benchmarks" / "data" / "spoken_answers.yaml"
AUDIO_SUFFIXES = {".wav", ".flac", ".mp3", ".ogg", ".opus", ".m4a", ".webm"}
STYLES = ("real", "conversational", "continuous", "fast", "numbers")
# Silence between a style's clips when they are joined into one live answer: a sentence break,
# except for continuous speech, which runs on with breath-length gaps (chunks are forced at 20 s).
JOIN_PAUSE_SECONDS = {"continuous": 0.25}
DEFAULT_JOIN_PAUSE = 0.8


@dataclass(frozen=True)
class Clip:
    style: str
    path: Path
    reference: str
    has_fillers: bool


def shared_audio_dir() -> Path:
    return Path(os.environ.get("MOCKINT_SHARED_DIR", ROOT.parent / "shared")) / "audio"


def real_clips(folder: Path | None = None) -> list[Clip]:
    folder = folder or shared_audio_dir()
    found = [p for p in sorted(folder.iterdir()) if p.suffix.lower() in AUDIO_SUFFIXES]
    return [Clip("real", p, p.with_suffix(".txt").read_text().strip(), False) for p in found if p.with_suffix(".txt").is_file()]


def load_styles() -> dict:
    return yaml.safe_load(ANSWERS.read_text())["styles"]


def synthesize_style(style: str, folder: Path) -> list[Clip]:
    """Every answer of `style` in each of its voices, as 22.05 kHz WAVs in `folder`."""
    spec = load_styles()[style]
    folder.mkdir(parents=True, exist_ok=True)
    clips = []
    for v, voice in enumerate(spec["voices"]):
        for i, answer in enumerate(spec["answers"]):
            path = folder / f"{style}_{v}_{i:02d}.wav"
            if not path.is_file():
                said = answer.get("say", answer["text"])
                subprocess.run(["espeak-ng", "-v", voice, "-s", str(spec["wpm"]), "-w", str(path), "--", said], check=True)
            clips.append(Clip(style, path, answer["text"], bool(spec["fillers"])))
    return clips


def style_clips(style: str, folder: Path) -> list[Clip]:
    return real_clips() if style == "real" else synthesize_style(style, folder / style)


def join_clips(clips: list[Clip], out: Path, max_seconds: float | None = None) -> tuple[Path, str, int]:
    """One answer from clips in order (16 kHz), the style's pause between them, up to `max_seconds`:
    (wav path, joined reference, clips used)."""
    import numpy as np
    import soundfile

    from mockint.speech.decode import SAMPLE_RATE, load_audio

    pause = np.zeros(int(JOIN_PAUSE_SECONDS.get(clips[0].style, DEFAULT_JOIN_PAUSE) * SAMPLE_RATE), np.float32)
    parts: list = []
    used = 0
    total = 0
    for clip in clips:
        samples = load_audio(clip.path)
        if max_seconds is not None and used and (total + len(samples)) / SAMPLE_RATE > max_seconds:
            break
        parts += [samples, pause]
        total += len(samples) + len(pause)
        used += 1
    soundfile.write(out, np.concatenate(parts[:-1]), SAMPLE_RATE, subtype="PCM_16")
    return out, " ".join(c.reference for c in clips[:used]), used
