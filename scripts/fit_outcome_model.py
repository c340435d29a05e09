"""Fit the offline scorer's outcome-valence reading (good / bad / none) on one writer's sentences.

    python scripts/fit_outcome_model.py TRAIN.yaml               # cross-validate, fit, write the model
    python scripts/fit_outcome_model.py TRAIN.yaml --dry-run     # cross-validate only
    python scripts/fit_outcome_model.py TRAIN.yaml --heldout HELD.yaml   # once, at the end: score another writer

TRAIN.yaml is a list of {id, occupation, text, label: good|bad|none, framing: proud|plain|hedged|spun}
written for this purpose (not from the scoring corpus). The model (mockint/scoring/embeddings/outcome_model.npz)
is a multinomial logistic regression over mockint.scoring.valence.sentence_features, L2 penalty chosen by
cross-validation grouped by occupation (a fold's sentences come from occupations the model has not read), so
the figures say how it carries to other trades; a second writer's set says how it carries to other words.
The held-out set is scored once with the fitted model, beside the phrase lists (offline.bad_outcomes > 0 read
as "bad") and the majority class, and never tuned on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import yaml
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mockint.scoring import valence  # noqa: E402

PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)
FOLDS = 5


def load(path: Path) -> list[dict]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(items, dict):
        items = next(v for v in items.values() if isinstance(v, list))
    return [it for it in items if it.get("label") in valence.CLASSES and str(it.get("text", "")).strip()]


def fit_logistic(x: np.ndarray, y: np.ndarray, penalty: float, k: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, L2 `penalty` on the weights (not the intercepts)."""
    n, d = x.shape
    onehot = np.eye(k)[y]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[: d * k].reshape(d, k), theta[d * k :]
        z = x @ w + b
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        value = -np.sum(onehot * np.log(p + 1e-12)) / n + 0.5 * penalty * np.sum(w * w) / n
        g = (p - onehot) / n
        return value, np.concatenate([(x.T @ g + penalty * w / n).ravel(), g.sum(0)])

    result = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return result.x[: d * k].reshape(d, k), result.x[d * k :]


def predict(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    z = x @ w + b
    z -= z.max(1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(1, keepdims=True)


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean, std = x.mean(0), x.std(0)
    return mean, np.where(std < 1e-6, 1.0, std)


def group_folds(groups: list[str], folds: int = FOLDS) -> np.ndarray:
    order = sorted(set(groups))
    rng = np.random.default_rng(0)
    rng.shuffle(order)
    fold_of = {g: i % folds for i, g in enumerate(order)}
    return np.array([fold_of[g] for g in groups])


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, penalty: float) -> np.ndarray:
    prob = np.zeros((len(y), 3))
    for f in np.unique(folds):
        train, test = folds != f, folds == f
        mean, std = standardise(x[train])
        w, b = fit_logistic((x[train] - mean) / std, y[train], penalty)
        prob[test] = predict((x[test] - mean) / std, w, b)
    return prob


def choose_penalty(x: np.ndarray, y: np.ndarray, groups: list[str]) -> tuple[float, float]:
    """The penalty with the best grouped-CV log loss inside these rows."""
    folds = group_folds(groups)
    best = None
    for penalty in PENALTIES:
        prob = out_of_fold(x, y, folds, penalty)
        loss = -np.mean(np.log(prob[np.arange(len(y)), y] + 1e-12))
        if best is None or loss < best[0]:
            best = (loss, penalty)
    return best[1], best[0]


def nested_out_of_fold(x: np.ndarray, y: np.ndarray, groups: list[str]) -> tuple[np.ndarray, list[float]]:
    """Out-of-fold probabilities where each outer fold's penalty is chosen inside its training folds."""
    folds = group_folds(groups)
    prob, chosen = np.zeros((len(y), 3)), []
    for f in np.unique(folds):
        train, test = folds != f, folds == f
        penalty, _ = choose_penalty(x[train], y[train], [g for g, t in zip(groups, train) if t])
        chosen.append(penalty)
        mean, std = standardise(x[train])
        w, b = fit_logistic((x[train] - mean) / std, y[train], penalty)
        prob[test] = predict((x[test] - mean) / std, w, b)
    return prob, chosen


def figures(pred_bad: np.ndarray, pred: np.ndarray | None, items: list[dict]) -> dict:
    """Accuracy and macro-F1 (when a three-way prediction is given), and the `bad` class's precision and
    recall, overall and on the bad sentences told proudly or spun."""
    y = np.array([valence.CLASSES.index(it["label"]) for it in items])
    bad = y == 1
    out = {}
    if pred is not None:
        out["accuracy"] = float((pred == y).mean())
        f1s = []
        for k in range(3):
            tp, fp, fn = np.sum((pred == k) & (y == k)), np.sum((pred == k) & (y != k)), np.sum((pred != k) & (y == k))
            f1s.append(2 * tp / max(1, 2 * tp + fp + fn))
        out["macro_f1"] = float(np.mean(f1s))
    tp = np.sum(pred_bad & bad)
    out["bad_precision"] = float(tp / max(1, pred_bad.sum()))
    out["bad_recall"] = float(tp / max(1, bad.sum()))
    for framing in ("proud", "spun", "plain", "hedged"):
        sel = bad & np.array([it.get("framing") == framing for it in items])
        out[f"bad_recall_{framing}"] = (float(pred_bad[sel].mean()) if sel.any() else float("nan"), int(sel.sum()))
    proud_spun = bad & np.array([it.get("framing") in ("proud", "spun") for it in items])
    out["bad_recall_proud_or_spun"] = (float(pred_bad[proud_spun].mean()), int(proud_spun.sum()))
    # the good sentences read as bad: the costly mistake (a real result capped)
    good = y == 0
    out["good_read_as_bad"] = (float(pred_bad[good].mean()), int(good.sum()))
    return out


COLUMNS = ("accuracy", "macro_f1", "bad_precision", "bad_recall", "bad_recall_proud", "bad_recall_spun",
           "bad_recall_proud_or_spun", "bad_recall_plain", "bad_recall_hedged", "good_read_as_bad")


def header(items: list[dict]) -> None:
    fig = figures(np.zeros(len(items), dtype=bool), None, items)
    counts = {k: v[1] for k, v in fig.items() if isinstance(v, tuple)}
    print(f"{'':44s}  acc  mF1  badP badR  proud spun p|s  plain hedgd good>bad")
    print(f"{'(bad sentences / good sentences)':44s}" + " " * 22 + "  ".join(f"{counts[c]:4d}" for c in COLUMNS[4:]))


def show(name: str, fig: dict) -> None:
    cells = []
    for key in COLUMNS:
        value = fig.get(key)
        value = value[0] if isinstance(value, tuple) else value
        cells.append("-" if value is None or value != value else f"{value:.3f}"[1:] if value < 1 else "1.00")
    print(f"{name:44s} " + " ".join(f"{c:>5s}" for c in cells))


def phrase_reading(items: list[dict]) -> np.ndarray:
    from mockint.scoring.offline import bad_outcomes, lowered

    return np.array([bad_outcomes(lowered(it["text"])) > 0 for it in items])


def heldout(path: Path, train_labels: np.ndarray) -> None:
    """The shipped model (valence.probabilities), the phrase lists and the training set's majority class on
    another writer's sentences: run once, at the end."""
    held = load(path)
    prob = valence.probabilities([it["text"] for it in held])
    majority = int(np.bincount(train_labels, minlength=3).argmax())
    threshold = valence.BAD_THRESHOLD
    phrases = phrase_reading(held)
    print(f"\nHELD OUT ({path.name}, {len(held)} sentences; scored once with the shipped model)")
    header(held)
    show("model (argmax)", figures(prob.argmax(1) == 1, prob.argmax(1), held))
    show(f"model p(bad) >= {threshold}", figures(prob[:, 1] >= threshold, None, held))
    show("phrases (bad_outcomes > 0)", figures(phrases, None, held))
    show(f"model p(bad) >= {threshold} or phrases", figures((prob[:, 1] >= threshold) | phrases, None, held))
    show(f"majority class of the training set ({valence.CLASSES[majority]})",
         figures(np.full(len(held), majority == 1), np.full(len(held), majority), held))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--heldout", type=Path, help="another writer's sentences, scored once with the fitted model")
    parser.add_argument("--parts", default=",".join(valence.PARTS), help=f"feature blocks (of {', '.join(valence.PARTS)})")
    parser.add_argument("--dry-run", action="store_true", help="report cross-validation, write nothing")
    args = parser.parse_args()
    parts = tuple(p for p in args.parts.split(",") if p)
    items = load(args.train)
    x = valence.sentence_features([it["text"] for it in items], parts)
    y = np.array([valence.CLASSES.index(it["label"]) for it in items])
    groups = [str(it.get("occupation", "")) for it in items]
    print(f"{len(items)} sentences, {len(set(groups))} occupations; labels "
          + ", ".join(f"{c} {int((y == k).sum())}" for k, c in enumerate(valence.CLASSES)) + f"; features {parts} ({x.shape[1]})")

    header(items)
    prob, chosen = nested_out_of_fold(x, y, groups)
    print(f"(penalties chosen in the outer folds: {chosen})")
    show("model, out of fold by occupation (argmax)", figures(prob.argmax(1) == 1, prob.argmax(1), items))
    phrases = phrase_reading(items)
    show("phrases (bad_outcomes > 0), same sentences", figures(phrases, None, items))
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        show(f"model p(bad) >= {threshold}", figures(prob[:, 1] >= threshold, None, items))
        show(f"model p(bad) >= {threshold} or phrases", figures((prob[:, 1] >= threshold) | phrases, None, items))

    if args.heldout:
        heldout(args.heldout, y)
        return
    penalty, _ = choose_penalty(x, y, groups)
    mean, std = standardise(x)
    w, b = fit_logistic((x - mean) / std, y, penalty)
    print(f"final penalty {penalty}")
    if args.dry_run:
        return
    np.savez_compressed(valence.MODEL_FILE, weights=w.astype(np.float32), intercepts=b.astype(np.float32),
                        mean=mean.astype(np.float32), std=std.astype(np.float32), parts=np.array(parts),
                        classes=np.array(valence.CLASSES))
    print(f"wrote {valence.MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
