"""The weakness ledger on disk (settings.paths.ledger_file): load, save, and record a session.

The ledger's model and its transitions are pure (weakness.py); this is the I/O edge.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from mockint.errors import DataFileError
from mockint.fsutil import atomic_write_text
from mockint.session import Session
from mockint.weakness import LEDGER_SCHEMA_VERSION, Ledger, record_round


def load_ledger(path: Path) -> Ledger:
    """The ledger at `path`, or an empty one when the file does not exist yet.

    A corrupt or newer-version file is a one-line DataFileError naming the file.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Ledger()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read the weakness ledger: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise DataFileError(f"{path}: corrupt weakness ledger (not UTF-8 text)", hint="delete it to start over") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"{path}: corrupt weakness ledger (invalid JSON at line {exc.lineno})", hint="delete it to start over"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("schema_version"), int):
        raise DataFileError(f"{path}: corrupt weakness ledger (no schema_version)", hint="delete it to start over")
    if data["schema_version"] > LEDGER_SCHEMA_VERSION:
        raise DataFileError(
            f"{path}: weakness ledger written by a newer mockint (schema {data['schema_version']}; "
            f"this version reads {LEDGER_SCHEMA_VERSION})",
            hint="upgrade mockint",
        )
    try:
        return Ledger.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise DataFileError(f"{path}: invalid weakness ledger at {where}: {first['msg']}") from None


def save_ledger(ledger: Ledger, path: Path) -> Path:
    atomic_write_text(path, ledger.model_dump_json(indent=2) + "\n")
    return path


def record_session(path: Path, session: Session, rubrics: Sequence[object]) -> Ledger:
    """Load the ledger, apply the session's new answers (weakness.record_round), save, return it."""
    ledger = record_round(load_ledger(path), session, rubrics)
    save_ledger(ledger, path)
    return ledger
