"""The package reads as a pipeline: speech -> scoring -> coaching -> reporting, with the practice
loop and the CLI on top. A module may import its own stage, the base modules and lower stages,
never a higher one (lazy imports inside functions included), so there are no import cycles."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "mockint"
# Lowest first. Everything at the top of the package not named here is the base layer.
STAGES = ("speech", "scoring", "coaching", "reporting", "samples", "practice", "web", "cli")


def stage_of(module: str) -> int:
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "mockint":
        return -1
    name = parts[1]
    return STAGES.index(name) + 1 if name in STAGES else 0


def imports_of(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m.startswith("mockint")}


def test_no_module_imports_a_higher_stage():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if module in ("mockint.__main__", "mockint.__init__"):
            continue
        mine = stage_of(module)
        for imported in imports_of(path):
            if stage_of(imported) > mine and stage_of(imported.rsplit(".", 1)[0]) > mine:
                wrong.append(f"{module} imports {imported}")
    assert not wrong, "\n".join(sorted(wrong))


def test_every_stage_is_a_folder_with_modules():
    for stage in STAGES:
        folder = PACKAGE / stage
        assert (PACKAGE / f"{stage}.py").is_file() or len(list(folder.glob("*.py"))) >= 2, stage
