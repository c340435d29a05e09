"""Spoken demo answers bundled with the package, for `mockint demo` (no microphone needed)."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import Field, ValidationError

from mockint.errors import DataFileError
from mockint.records import Model

SAMPLES_DIR = Path(__file__).resolve().parent
SAMPLES_FILE = SAMPLES_DIR / "samples.yaml"


class Sample(Model):
    id: str
    question_id: str = Field(description="id of the bank question it answers")
    audio: str = Field(description="file name beside samples.yaml")
    expect: str = Field(description="strong | mixed | weak: what a coach would say")
    what_it_shows: str
    voice: str = "en-us"
    wpm: int = 130
    script: str = Field(description="what the synthesized voice says (the reference transcript)")

    @property
    def path(self) -> Path:
        return SAMPLES_DIR / self.audio


class _SamplesFile(Model):
    samples: list[Sample]


def load_samples() -> list[Sample]:
    try:
        data = yaml.safe_load(SAMPLES_FILE.read_text(encoding="utf-8"))
        return _SamplesFile.model_validate(data).samples
    except FileNotFoundError:
        raise DataFileError(f"{SAMPLES_FILE}: missing from this install; reinstall mockint") from None
    except (yaml.YAMLError, ValidationError) as exc:
        reason = " ".join(str(exc).split())[:200]
        raise DataFileError(f"{SAMPLES_FILE}: invalid ({reason})") from None
