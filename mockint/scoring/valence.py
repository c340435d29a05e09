"""Whether an outcome sentence tells a good outcome, a bad one, or none: a small learned reading.

DRAFT: the measured reason is filled in once the model is fitted and measured.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from mockint.scoring.semantic import DATA_DIR, embedder

MODEL_FILE = DATA_DIR / "outcome_model.npz"
CLASSES = ("good", "bad", "none")


def pooled_rows(texts: list[str]) -> np.ndarray:
    """Each text's word pieces pooled three ways, unit-scaled: the mean (what it is about) and the
    largest and smallest value on each dimension (one salient word in a long sentence, which a mean
    dilutes): 3 x 128 values a text."""
    table = embedder()
    out = np.zeros((len(texts), 3 * table.dims), dtype=np.float32)
    for i, encoding in enumerate(table.tokenizer.encode_batch(list(texts), add_special_tokens=False)):
        if encoding.ids:
            rows = table.rows[encoding.ids]
            out[i] = np.concatenate([rows.mean(0), rows.max(0), rows.min(0)])
    return out


# Feature blocks (scripts/fit_outcome_model.py --parts chooses among them; the model file names those it read).
PARTS = ("mean", "pool", "clauses", "cues")
# Where a spun sentence turns from what happened to how it is told ("they cancelled, but I still count it a win").
TURN = re.compile(r"\b(but|though|although|however|still|even so|anyway|yet)\b")
# What says a harm did not happen, or stopped ("no falls since", "we stopped getting complaints").
NEGATION = re.compile(r"\b(no|not|never|zero|without|none|nobody|nothing|stopped|no longer)\b|n't\b")


def _cues(text: str) -> list[float]:
    """What the phrase lists and the number reading already say of a sentence (offline.py): a harm named and not
    averted, a harm named at all, a measure that moved the wrong way and one that moved the right way, a candidate
    standing by it, a lesson; and how many negations it has, and whether it turns ("but", "still")."""
    from mockint.scoring.offline import LESSON, bad_outcomes, lowered, measure_moves, reports_harm
    from mockint.scoring.semantic import bad_outcome_phrases

    lower = lowered(text)
    worse, better = measure_moves(lower)
    return [min(bad_outcomes(lower), 2) / 2, float(reports_harm(lower)), float(worse > 0), float(better > 0),
            float(bool(bad_outcome_phrases()["stood_by"].search(lower))), float(bool(LESSON.search(lower))),
            min(len(NEGATION.findall(lower)), 3) / 3, float(bool(TURN.search(lower)))]


def _unit_rows(texts: list[str]) -> np.ndarray:
    mean = embedder().mean_rows(texts)
    return mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-9)


def _first_and_last_clause(text: str) -> tuple[str, str]:
    parts = [p for p in TURN.split(text.lower()) if p.strip() and not TURN.fullmatch(p)]
    return (parts[0], parts[-1]) if parts else (text, text)


def sentence_features(texts: list[str], parts: tuple[str, ...] = PARTS) -> np.ndarray:
    """One row per sentence: the blocks named in `parts`, in PARTS order."""
    blocks = []
    if "mean" in parts:
        blocks.append(_unit_rows(texts))
    if "pool" in parts:
        blocks.append(pooled_rows(texts)[:, embedder().dims :])  # the max and min (the mean is its own block)
    if "clauses" in parts:  # what comes before the turn and after it, apart
        ends = [_first_and_last_clause(t) for t in texts]
        blocks += [_unit_rows([a for a, _ in ends]), _unit_rows([b for _, b in ends])]
    if "cues" in parts:
        blocks.append(np.array([_cues(t) for t in texts], dtype=np.float32).reshape(len(texts), -1))
    return np.hstack(blocks).astype(np.float64)


# The framings of a bad outcome told as a success: "I'd still count it a win", "which shows how bold it was".
SUCCESS_FRAMINGS = ("proud", "spun")


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, dict[str, np.ndarray]], tuple[str, ...]]:
    with np.load(MODEL_FILE) as data:
        heads = {name: {key: data[f"{name}_{key}"].astype(np.float64) for key in ("weights", "intercepts", "mean", "std")}
                 for name in ("valence", "success")}
        return heads, tuple(str(p) for p in data["parts"])


def _softmax(head: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    z = ((x - head["mean"]) / head["std"]) @ head["weights"] + head["intercepts"]
    z -= z.max(1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(1, keepdims=True)


def probabilities(texts: list[str]) -> np.ndarray:
    """One row per sentence: the probability that it tells a good outcome, a bad one, or none (CLASSES order)."""
    if not texts:
        return np.zeros((0, len(CLASSES)))
    heads, parts = _model()
    return _softmax(heads["valence"], sentence_features(texts, parts))


def told_as_success(texts: list[str]) -> np.ndarray:
    """Per sentence, the chance that, if it tells a bad outcome, it tells it as a success ("the client walked,
    which shows I held my ground"): fitted on bad outcomes only, so it means nothing of a sentence that tells none."""
    if not texts:
        return np.zeros(0)
    heads, parts = _model()
    return _softmax(heads["success"], sentence_features(texts, parts))[:, 1]
