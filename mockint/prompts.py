"""LLM prompt templates stored as data in prompts/*.yaml, rendered with langchain-core.

Each file has a `version` (stored in every result it produces, part of cache keys) and
`messages`: (role, content) pairs of a ChatPromptTemplate with {placeholders}.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mockint.datafiles import read_yaml_mapping
from mockint.errors import DataFileError
from mockint.resources import resource_dir

_OPENAI_ROLES = {"human": "user", "ai": "assistant", "system": "system"}


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    template: Any  # langchain_core.prompts.ChatPromptTemplate

    def render(self, **values: Any) -> list[dict[str, str]]:
        """The filled-in messages as OpenAI-style chat dicts."""
        messages = self.template.format_messages(**values)
        return [{"role": _OPENAI_ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages]


def load_prompt(file_name: str, placeholders: frozenset[str] = frozenset()) -> Prompt:
    """prompts/<file_name>, checked to use every placeholder the code fills in.

    Re-read when the file changes, so a coach's edit shows up without a restart."""
    path = resource_dir("prompts") / file_name
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise DataFileError(f"{path}: prompt file not found") from None
    return _load(str(path), mtime, placeholders)


@lru_cache(maxsize=8)
def _load(path_text: str, _mtime_ns: int, placeholders: frozenset[str]) -> Prompt:
    from pathlib import Path

    from langchain_core.prompts import ChatPromptTemplate

    path = Path(path_text)
    data = read_yaml_mapping(path, "prompt file")
    try:
        version = str(data["version"])
        template = ChatPromptTemplate.from_messages([(m["role"], m["content"]) for m in data["messages"]])
    except (KeyError, TypeError, ValueError) as exc:
        detail = (str(exc).strip().splitlines() or [""])[0]
        raise DataFileError(f"{path}: invalid prompt file ({type(exc).__name__}: {detail})") from None
    missing = placeholders - set(template.input_variables)
    if missing:
        raise DataFileError(f"{path}: the prompt must use the placeholders {{{'}, {'.join(sorted(missing))}}}")
    return Prompt(name=path.stem, version=version, template=template)
