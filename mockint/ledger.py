"""The weakness ledger on disk (settings.paths.ledger_file): load, save, and record a session.

The ledger's model and its transitions are pure (weakness.py); this is the I/O edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mockint.datafiles import read_versioned_json
from mockint.errors import DataFileError
from mockint.fsutil import atomic_write_text
from mockint.session import Session
from mockint.weakness import LEDGER_SCHEMA_VERSION, Ledger, record_round


def load_ledger(path: Path) -> Ledger:
    """The ledger at `path`, or an empty one when the file does not exist yet.

    A corrupt or newer-version file is a one-line DataFileError naming the file.
    """
    try:
        return read_versioned_json(
            path, Ledger, what="weakness ledger", schema_version=LEDGER_SCHEMA_VERSION,
            error=DataFileError, corrupt_hint="delete it to start over",
        )
    except FileNotFoundError:
        return Ledger()


def save_ledger(ledger: Ledger, path: Path) -> Path:
    atomic_write_text(path, ledger.model_dump_json(indent=2) + "\n")
    return path


def record_session(path: Path, session: Session, rubrics: Sequence[object]) -> Ledger:
    """Load the ledger, apply the session's new answers (weakness.record_round), save, return it."""
    ledger = record_round(load_ledger(path), session, rubrics)
    save_ledger(ledger, path)
    return ledger
