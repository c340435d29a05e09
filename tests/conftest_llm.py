"""The `llama_server` fixture: a real OpenAI-compatible server for @pytest.mark.llm_server tests.

Registered from tests/conftest.py via `pytest_plugins`. Function-scoped: a test may stop
the server (to prove a cache hit needs none), and it starts in ~2 s. Missing binary or model: the test is
skipped on a developer's machine and FAILS in CI (CI=true), where
scripts/fetch-llm-server.sh must have installed them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from llm_server import FETCH_HINT, LlamaServer, find_gguf, find_llama_server, start_llama_server


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} ({FETCH_HINT}; CI must run it)")
    pytest.skip(f"{reason} ({FETCH_HINT})")


@pytest.fixture
def llama_server(tmp_path_factory) -> Iterator[LlamaServer]:
    found = find_llama_server()
    if found is None:
        _unavailable("llama-server not installed")
    gguf = find_gguf()
    if gguf is None:
        _unavailable("test GGUF model not found")
    binary, env = found
    log_path = tmp_path_factory.mktemp("llama_server") / "server.log"
    try:
        server = start_llama_server(binary, env, gguf, log_path)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    try:
        yield server
    finally:
        server.stop()
