from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["conftest_llm"]  # the llama_server fixture (tests/conftest_llm.py)

SHARED = Path(os.environ.get("MOCKINT_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
AUDIO_DIR = SHARED / "audio"


@pytest.fixture(autouse=True)
def mockint_home(tmp_path_factory, monkeypatch) -> Path:
    """Every test writes under its own MOCKINT_HOME and sees no real LLM credentials."""
    home = tmp_path_factory.mktemp("mockint_home")
    monkeypatch.setenv("MOCKINT_HOME", str(home))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "MOCKINT_OPENAI_API_KEY", "MOCKINT_OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture(scope="session")
def audio_dir() -> Path:
    if not AUDIO_DIR.is_dir():
        pytest.fail(f"shared audio clips not found at {AUDIO_DIR}")
    return AUDIO_DIR


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, out={self.out[-500:]!r}, err={self.err[-500:]!r})"


@pytest.fixture
def run_cli(capsys):
    """Run `mockint ARGS...` in-process through the real entry point; returns code, stdout, stderr."""
    from mockint.cli import main

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture(autouse=True)
def fresh_llm_capabilities():
    """What an endpoint accepts is remembered per process; each test starts from nothing known."""
    from mockint.llm import forget_capabilities

    forget_capabilities()
    yield
    forget_capabilities()
