"""Reading mockint's own files with one-line errors that name the file.

YAML data a coach edits (rubrics, question bank, prompts) and versioned JSON that mockint
writes (sessions, the weakness ledger) fail the same ways; the messages are made here once.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from mockint.errors import DataFileError, MockintError

M = TypeVar("M", bound=BaseModel)


def first_error(exc: ValidationError) -> str:
    """'where: message' of a pydantic error's first problem."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "top level"
    return f"{where}: {first['msg']}"


def read_yaml(path: Path, what: str) -> Any:
    """A YAML file's content, whatever its shape; DataFileError naming the file when it cannot be read."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(f"{path}: {what} not found") from None
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise DataFileError(f"{path}: {what} is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise DataFileError(f"{path}: not valid YAML{where}") from None
    return data


def read_yaml_mapping(path: Path, what: str, *, schema_version: int | None = None) -> dict[str, Any]:
    """A YAML file whose top level is a mapping; DataFileError otherwise. With `schema_version`,
    a file that declares a newer (or a malformed) `schema_version` is refused too."""
    data = read_yaml(path, what)
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: a {what} must be a YAML mapping")
    if schema_version is not None:
        check_schema_version(path, data, schema_version)
    return data


def read_yaml_model(path: Path, model: type[M], what: str, *, schema_version: int) -> M:
    """A YAML mapping validated as `model` (a '<what> file'): DataFileError 'path: invalid <what> at <where>: <problem>'
    otherwise."""
    data = read_yaml_mapping(path, f"{what} file", schema_version=schema_version)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(f"{path}: invalid {what} at {first_error(exc)}") from None


def check_schema_version(path: Path, data: dict[str, Any], schema_version: int) -> None:
    """A DataFileError when `data` declares a newer (or a malformed) `schema_version`; none declared is this one."""
    version = data.get("schema_version", schema_version)
    if not isinstance(version, int) or version > schema_version:
        raise DataFileError(f"{path}: schema_version {version!r} is not one this mockint reads ({schema_version})")


def raise_problems(path: Path, problems: list[str]) -> None:
    """The first of a data file's problems as one line naming the file, with how many more."""
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DataFileError(f"{path}: {problems[0]}{more}")


def read_versioned_json(
    path: Path,
    model: type[M],
    *,
    what: str,
    schema_version: int,
    error: type[MockintError],
    corrupt_hint: str | None = None,
) -> M:
    """Load a JSON file mockint wrote, checking `schema_version` before validating.

    FileNotFoundError passes through (callers decide whether a missing file is an error)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise error(f"{path}: cannot read the {what}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise error(f"{path}: corrupt {what} (not UTF-8 text)", hint=corrupt_hint) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise error(f"{path}: corrupt {what} (invalid JSON at line {exc.lineno})", hint=corrupt_hint) from None
    if not isinstance(data, dict):
        raise error(f"{path}: corrupt {what} (not a JSON object, no schema_version)", hint=corrupt_hint)
    version = data.get("schema_version")
    if not isinstance(version, int):
        raise error(f"{path}: corrupt {what} (no schema_version)", hint=corrupt_hint)
    if version > schema_version:
        raise error(
            f"{path}: {what} written by a newer mockint (schema {version}; this version reads {schema_version})",
            hint="upgrade mockint",
        )
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise error(f"{path}: invalid {what} at {first_error(exc)}") from None


def phrase_list(path: Path | str, where: str, cues: object, *, may_be_empty: bool = False) -> list[str]:
    """`cues`, a data file's list of phrases (scoring/semantic.phrases_pattern), checked: lower-case
    (answers are matched in lower case), each with a word besides `*`, since a lone `*` matches any
    word and would quietly turn its check on for every answer, or off. Otherwise a one-line
    DataFileError naming the file, `where` in it, and the first phrase that is not one."""
    shape = "a list" if may_be_empty else "a non-empty list"
    problem = f"`{where}` must be {shape} of lower-case phrases, each with a word besides *"
    if not isinstance(cues, list) or not (cues or may_be_empty):
        raise DataFileError(f"{path}: {problem}")
    for cue in cues:
        if not isinstance(cue, str) or cue != cue.lower() or not cue.replace("*", "").strip():
            raise DataFileError(f"{path}: {problem}, not {cue!r}")
    return cues
