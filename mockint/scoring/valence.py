"""Whether an outcome sentence tells a good outcome, a bad one, or none, and whether a bad one is told as a success.

Two multinomial logistic regressions over one sentence's features (sentence_features: the static MiniLM table's
mean row, its per-dimension max and min, the mean rows of the clauses before and after a turn like "but" or
"still", and eight cues the phrase lists and the measure reading already give), weights in
embeddings/outcome_model.npz, fitted by scripts/fit_outcome_model.py on writer 7's 520 outcome sentences
(embeddings/README.md says how). numpy only at run time; about 3 ms a sentence; deterministic.

Why (measured): the phrase lists of rubrics/substance.yaml read only the wordings they name. On another writer's
285 outcome sentences (writer 8, other occupations; scored once, never tuned on):
                              accuracy  macro-F1  bad precision  bad recall  proud/spun bad recall  good read as bad
  valence, argmax               0.842     0.840       0.844          0.876          0.940 (n=67)        0.109
  valence, p(bad) >= 0.7          -         -         0.929          0.743          0.881               0.036
  phrases (bad_outcomes > 0)      -         -         0.675          0.495          0.418               0.182
  majority class (good)         0.386     0.186       0.000          0.000          0.000               0.000
and "a bad outcome told as a success" (bad by the model at 0.7 or the phrases, the second head at 0.9) caught 0.73
of the proud or spun bad sentences and no plain bad or good one, where the `stood_by` phrases with a harm caught
0.060. On writer 7, out of fold by occupation: valence accuracy 0.773, macro-F1 0.783, bad P 0.743 / R 0.714.
(Stop 24 lengthened substance.yaml's lists with harms, measures and verdicts in everyday words, from writer 7's
sentences and hand-written proud disasters; the model was not refitted, but its eight cues read those lists, so
the rows above moved: p(bad) >= 0.7 from 0.925 / 0.705, the phrases from 0.600 / 0.371 / 0.313 / 0.191, told as
a success from 0.70, the stood_by phrases from 0.045.)

What it does in the scorer is narrow (offline.Reading.stands_by_harm): it supplies the verdict ("but I still count
it as my biggest win") for a harm the phrase lists read in a clause of the story's ending, and the valence head must
agree that the clause is bad (stricter than the held-out conjunction above, which took the phrases or the model). Read more
widely it hurt: on every sentence of the dev answers it read steps and reasons as disasters told proudly (a dozen
strong answers gated); with the next clause read too, three dev answers graded 4.5-5 fell from 70-100 to 35-40;
and its writer told no good outcome proudly, so "the client ended up doubling their contract, and honestly that
was my proudest moment" reads 0.77 bad. As shipped it moves no dev card.
"""

from __future__ import annotations

import re
from functools import lru_cache

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


def bad_and_told_as_success(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Both readings at once (the features read once): per sentence, the chance it tells a bad outcome, and the
    chance that, if it does, it tells it as a success."""
    if not texts:
        return np.zeros(0), np.zeros(0)
    heads, parts = _model()
    x = sentence_features(texts, parts)
    return _softmax(heads["valence"], x)[:, 1], _softmax(heads["success"], x)[:, 1]
