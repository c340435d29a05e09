"""Fit the offline scorer's outcome-valence reading (good / bad / none) on one writer's sentences.

    python scripts/fit_outcome_model.py TRAIN.yaml               # cross-validate, fit, write the model
    python scripts/fit_outcome_model.py TRAIN.yaml --dry-run     # cross-validate only
    python scripts/fit_outcome_model.py TRAIN.yaml --heldout HELD.yaml   # once, at the end: score another writer

TRAIN.yaml is a list of {id, occupation, text, label: good|bad|none, framing: proud|plain|hedged|spun}
written for this purpose (not from the scoring corpus). The model (mockint/scoring/embeddings/outcome_model.npz)
is a multinomial logistic regression over mockint.scoring.valence.sentence_features, L2 penalty chosen by
cross-validation grouped by occupation (a fold's sentences come from occupations the model has not read), so
the figures say how it carries to other trades; a second writer's set says how it carries to other words.
A second head, "told as a success" (framing proud or spun against plain or hedged), is fitted on the bad sentences
only, the same way; the scorer asks it for the verdict on a harm (offline.Reading.stands_by_harm).
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


def fit(x: np.ndarray, y: np.ndarray, penalty: float, k: int) -> dict:
    mean, std = standardise(x)
    w, b = fit_logistic((x - mean) / std, y, penalty, k)
    return {"weights": w, "intercepts": b, "mean": mean, "std": std}


def apply(model: dict, x: np.ndarray) -> np.ndarray:
    return predict((x - model["mean"]) / model["std"], model["weights"], model["intercepts"])


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, penalty: float, fitted: np.ndarray | None = None,
                k: int = 3) -> np.ndarray:
    """Each row's probabilities from a model fitted on the other folds' rows (those in `fitted`, when given)."""
    fitted = np.ones(len(y), dtype=bool) if fitted is None else fitted
    prob = np.zeros((len(y), k))
    for f in np.unique(folds):
        train, test = (folds != f) & fitted, folds == f
        prob[test] = apply(fit(x[train], y[train], penalty, k), x[test])
    return prob


def choose_penalty(x: np.ndarray, y: np.ndarray, groups: list[str], fitted: np.ndarray | None = None,
                   k: int = 3) -> tuple[float, float]:
    """The penalty with the best grouped-CV log loss inside these rows (on the rows in `fitted`, when given)."""
    folds = group_folds(groups)
    fitted = np.ones(len(y), dtype=bool) if fitted is None else fitted
    best = None
    for penalty in PENALTIES:
        prob = out_of_fold(x, y, folds, penalty, fitted, k)
        loss = -np.mean(np.log(prob[np.arange(len(y)), y] + 1e-12)[fitted])
        if best is None or loss < best[0]:
            best = (loss, penalty)
    return best[1], best[0]


def nested_out_of_fold(x: np.ndarray, y: np.ndarray, groups: list[str], fitted: np.ndarray | None = None,
                       k: int = 3) -> tuple[np.ndarray, list[float]]:
    """Out-of-fold probabilities where each outer fold's penalty is chosen inside its training folds."""
    folds = group_folds(groups)
    fitted = np.ones(len(y), dtype=bool) if fitted is None else fitted
    prob, chosen = np.zeros((len(y), k)), []
    for f in np.unique(folds):
        train, test = folds != f, folds == f
        penalty, _ = choose_penalty(x[train], y[train], [g for g, t in zip(groups, train) if t], fitted[train], k)
        chosen.append(penalty)
        prob[test] = apply(fit(x[train & fitted], y[train & fitted], penalty, k), x[test])
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


def stood_by_figures(flagged: np.ndarray, items: list[dict]) -> str:
    """How often a reading of "a bad outcome told as a success" fires, per kind of sentence."""
    cells = []
    for label, framings, name in (("bad", ("proud", "spun"), "bad told proudly/spun"), ("bad", ("plain", "hedged"), "bad told plainly"),
                                  ("good", ("proud",), "good told proudly"), ("good", ("plain", "hedged", "spun"), "good, other"),
                                  ("none", ("proud", "plain", "hedged", "spun"), "none")):
        sel = np.array([it["label"] == label and it.get("framing") in framings for it in items])
        cells.append(f"{name} {flagged[sel].mean() if sel.any() else float('nan'):.3f} (n={int(sel.sum())})")
    return "; ".join(cells)


def readings(prob: np.ndarray, win: np.ndarray, phrases: np.ndarray, bad_at: float, win_at: float) -> dict[str, np.ndarray]:
    bad = (prob[:, 1] >= bad_at) | phrases
    return {"bad": bad, "stood_by": bad & (win >= win_at)}


def heldout(path: Path, train_labels: np.ndarray) -> None:
    """The shipped model (valence.probabilities, valence.told_as_success), the phrase lists and the training set's
    majority class on another writer's sentences: run once, at the end."""
    from mockint.scoring.semantic import learned_bad_at_least, learned_win_at_least

    held = load(path)
    texts = [it["text"] for it in held]
    prob, win = valence.probabilities(texts), valence.told_as_success(texts)
    majority = int(np.bincount(train_labels, minlength=3).argmax())
    bad_at, win_at = learned_bad_at_least(), learned_win_at_least()
    phrases = phrase_reading(held)
    print(f"\nHELD OUT ({path.name}, {len(held)} sentences; scored once with the shipped model)")
    header(held)
    show("model (argmax)", figures(prob.argmax(1) == 1, prob.argmax(1), held))
    show(f"model p(bad) >= {bad_at}", figures(prob[:, 1] >= bad_at, None, held))
    show("phrases (bad_outcomes > 0)", figures(phrases, None, held))
    show(f"model p(bad) >= {bad_at} or phrases", figures((prob[:, 1] >= bad_at) | phrases, None, held))
    show(f"majority class of the training set ({valence.CLASSES[majority]})",
         figures(np.full(len(held), majority == 1), np.full(len(held), majority), held))
    print(f"told as a success (p >= {win_at}) and read bad (model >= {bad_at} or phrases):\n    "
          + stood_by_figures(readings(prob, win, phrases, bad_at, win_at)["stood_by"], held))
    print("phrases' stood_by list and a harm in the sentence (the same sentence only):\n    "
          + stood_by_figures(phrases & stood_by_phrases(held), held))


def stood_by_phrases(items: list[dict]) -> np.ndarray:
    from mockint.scoring.offline import lowered
    from mockint.scoring.semantic import bad_outcome_phrases

    return np.array([bool(bad_outcome_phrases()["stood_by"].search(lowered(it["text"]))) for it in items])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--heldout", type=Path, help="another writer's sentences, scored once with the shipped model")
    parser.add_argument("--parts", default=",".join(valence.PARTS), help=f"feature blocks (of {', '.join(valence.PARTS)})")
    parser.add_argument("--dry-run", action="store_true", help="report cross-validation, write nothing")
    args = parser.parse_args()
    parts = tuple(p for p in args.parts.split(",") if p)
    items = load(args.train)
    y = np.array([valence.CLASSES.index(it["label"]) for it in items])
    if args.heldout:
        heldout(args.heldout, y)
        return
    x = valence.sentence_features([it["text"] for it in items], parts)
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

    # "Told as a success": fitted on the bad sentences only (proud or spun against plain or hedged), read on all.
    bad_rows = y == 1
    told_win = np.array([it.get("framing") in valence.SUCCESS_FRAMINGS for it in items]).astype(int)
    win, win_chosen = nested_out_of_fold(x, told_win, groups, bad_rows, k=2)
    print(f"\ntold as a success, out of fold by occupation (penalties {win_chosen}), read bad by the model or the phrases:")
    for bad_at in (0.6, 0.7, 0.8):
        for win_at in (0.5, 0.7):
            print(f"  bad >= {bad_at}, success >= {win_at}: "
                  + stood_by_figures(readings(prob, win[:, 1], phrases, bad_at, win_at)["stood_by"], items))
    print("  phrases' stood_by list and a harm in the sentence: " + stood_by_figures(phrases & stood_by_phrases(items), items))

    penalty, _ = choose_penalty(x, y, groups)
    win_penalty, _ = choose_penalty(x, told_win, groups, bad_rows, k=2)
    valence_model = fit(x, y, penalty, 3)
    win_model = fit(x[bad_rows], told_win[bad_rows], win_penalty, 2)
    print(f"final penalties: valence {penalty}, told as a success {win_penalty}")
    if args.dry_run:
        return
    np.savez_compressed(valence.MODEL_FILE, parts=np.array(parts), classes=np.array(valence.CLASSES),
                        **{f"{name}_{key}": value.astype(np.float32) for name, model in (("valence", valence_model), ("success", win_model))
                           for key, value in model.items()})
    print(f"wrote {valence.MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
