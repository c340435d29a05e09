"""A disk cache of LLM scoring results: the same request never costs a second call.

One JSON file per key under `<cache_dir>/scores/`. The key is a sha256 over everything
that shapes the LLM's answer: the rendered messages (question, transcript text, rubric
descriptors, prompt text), the output schema, the prompt and rubric versions, the model,
the endpoint (scheme, host, port, path: never a key or password) and the seed. The API
key is never part of it, nor of the file.

What is stored is the scorer's RAW output (criterion scores, quotes, feedback), not the
finished scorecard: quote verification, capping and totals run again on every hit, so a
change to those rules applies to cached results too.

A file that is unreadable or does not validate is treated as a miss and overwritten.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mockint.fsutil import atomic_write_text
from mockint.records import utc_now
from mockint.scoring.card import RawCriterion

CACHE_FORMAT = 1


class CachedScore(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: int = CACHE_FORMAT
    key: str
    model: str
    endpoint: str
    prompt_version: str
    rubric_versions: dict[str, str]
    created_at: str = Field(default_factory=lambda: utc_now().isoformat())
    raw: list[RawCriterion]


def cache_key(parts: dict[str, Any]) -> str:
    """sha256 of the parts as canonical JSON. Callers must not pass secrets."""
    canonical = json.dumps({"format": CACHE_FORMAT, **parts}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ScoreCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        return self.root / f"{key}.json"

    def get(self, key: str) -> CachedScore | None:
        try:
            entry = CachedScore.model_validate_json(self.path(key).read_text(encoding="utf-8"))
        except (OSError, ValidationError, ValueError):
            return None
        return entry if entry.key == key and entry.format == CACHE_FORMAT else None

    def put(self, entry: CachedScore) -> Path:
        path = self.path(entry.key)
        atomic_write_text(path, entry.model_dump_json(indent=1) + "\n")
        return path
