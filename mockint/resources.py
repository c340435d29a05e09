"""Where the editable data files (prompts/, rubrics/, panels/) live.

In a checkout they sit at the top of the repo; a wheel carries them inside the package
(see pyproject's force-include). Look inside the package first, then beside it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)  # the install does not move while mockint runs; scoring asks ~500 times an answer
def resource_dir(name: str) -> Path:
    """Return the folder `name` ("prompts", "rubrics" or "panels") for this install."""
    for candidate in (PACKAGE_DIR / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    from mockint.errors import DataFileError

    raise DataFileError(f"mockint's {name}/ folder is missing from this install ({PACKAGE_DIR})")


def rubric_file_stamp(file_name: str) -> tuple[str, int]:
    """A rubrics/ file's path and modification time: the cache key of its loaders, so an edit is read again."""
    path = resource_dir("rubrics") / file_name
    try:
        return str(path), path.stat().st_mtime_ns
    except FileNotFoundError:
        return str(path), 0

