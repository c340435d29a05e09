"""Scoring validity: the offline scorer against independent grades, beside simple baselines.

    python benchmarks/scoring.py                 # the locked test split (the headline figures)
    python benchmarks/scoring.py --split dev     # the split the offline model was fitted on
    python benchmarks/scoring.py --json out.json
    python benchmarks/scoring.py --batch 2       # only the second batch (writers 4-5, graders C-D; ids b-...)
    python benchmarks/scoring.py --batch 3       # only the third (writers 12-13, graders I-J; ids c-...)
    python benchmarks/scoring.py --batch 4       # only the fourth (writers 14-15, graders K-L; ids d-...)

Data: benchmarks/data/scoring_corpus.yaml (who wrote and graded it, and how, is in its header).
Everything is computed in this run, baselines included:
  - pairwise ranking accuracy (pairs with different grades; a tie in the prediction counts half)
    and Spearman of the overall against the graders' overall, on all pairs and on pairs of
    similar length (within 25 %), for the scorer, answer length alone, and a count of numbers
    plus "I";
  - quadratic-weighted kappa per criterion (scorer vs reconciled grade, rounded);
  - STAR-part agreement (a part is present when its criterion scores >= 1; the task >= 2, as
    its level 1 is "implied, not stated", which graders mark absent);
  - calibration: answers graded strong (>= 4 of 5) scoring >= 60, graded weak (<= 2) scoring < 45;
  - the overall formula's ceiling: the graders' own criterion grades put through it (rubrics/overall.yaml),
    ranked and calibrated like the scorer: how well the formula itself can do;
  - the adversarial families' scores, the spread within paraphrase pairs, question-kind accuracy;
  - inter-grader agreement, the ceiling any scorer can reach on these labels.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import yaml
from scipy.stats import spearmanr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mockint.records import Transcript  # noqa: E402
from mockint.scoring import score_question  # noqa: E402
from mockint.scoring.kinds import classify, load_kinds  # noqa: E402
from mockint.scoring.offline import OfflineScorer  # noqa: E402
from mockint.scoring.rubrics import load_rubrics, overall_of_levels  # noqa: E402

CORPUS = ROOT / "benchmarks" / "data" / "scoring_corpus.yaml"
STAR_PRESENT_FROM = {"situation": 1, "task": 2, "action": 1, "result": 1}
SIMILAR_LENGTH = 0.25
_NUMBER = re.compile(r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|percent)\b")
CEILING = "graders' criteria, formula"  # the graders' criterion grades through the overall formula
_I = re.compile(r"\bi\b|\bi'(m|d|ve|ll)\b")


def qwk(a, b, lo: int = 0, hi: int = 4) -> float:
    n = hi - lo + 1
    o = np.zeros((n, n))
    for x, y in zip(a, b):
        o[int(x) - lo, int(y) - lo] += 1
    w = np.array([[(i - j) ** 2 for j in range(n)] for i in range(n)]) / (n - 1) ** 2
    e = np.outer(o.sum(1), o.sum(0)) / o.sum()
    return float(1 - (w * o).sum() / (w * e).sum()) if (w * e).sum() else 1.0


def pairwise(pred: dict[str, float], grade: dict[str, float], words: dict[str, int], similar: bool = False) -> tuple[float, int]:
    good = total = 0.0
    for a, b in itertools.combinations(sorted(pred), 2):
        if grade[a] == grade[b]:
            continue
        if similar and abs(words[a] - words[b]) > SIMILAR_LENGTH * max(words[a], words[b]):
            continue
        total += 1
        d = (pred[a] - pred[b]) * (grade[a] - grade[b])
        good += 1.0 if d > 0 else 0.5 if d == 0 else 0.0
    return (good / total if total else float("nan")), int(total)


def baselines(item: dict) -> dict[str, float]:
    text = item["answer"].lower()
    return {"length": len(text.split()), "numbers+I": len(_NUMBER.findall(text)) + len(_I.findall(text))}


# Batches of the corpus by id prefix: each batch had its own writers and graders (the corpus header says who).
BATCHES = {"1": "a-", "2": "b-", "3": "c-", "4": "d-", "5": "e-", "6": "f-", "7": "g-", "8": "h-", "9": "i-", "10": "j-", "11": "k-"}


def run(split: str, batch: str = "all") -> dict:
    items = [it for it in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
             if (split == "all" or it["split"] == split) and (batch == "all" or it["id"].startswith(BATCHES[batch]))]
    rubrics, scorer = load_rubrics(), OfflineScorer()
    cards, seconds = {}, []
    for it in items:
        started = time.perf_counter()
        cards[it["id"]] = score_question(scorer, it["question"], Transcript(text=it["answer"], duration=0.0), rubrics)
        seconds.append(time.perf_counter() - started)
    return {
        "split": split, "batch": batch, **figures(items, cards),
        "ms_per_answer": {"mean": round(1000 * float(np.mean(seconds)), 1), "max": round(1000 * float(np.max(seconds)), 1)},
        "deterministic": all(score_question(scorer, it["question"], Transcript(text=it["answer"], duration=0.0), rubrics).overall
                             == cards[it["id"]].overall for it in items[:20]),
    }


def figures(items: list[dict], cards: dict) -> dict:
    """Every figure of the benchmark for these answers and their scorecards (by answer id), the
    baselines computed on the same answers. The fit script calls it with out-of-fold scorecards."""
    rubrics, kinds = load_rubrics(), load_kinds()
    grade = {it["id"]: it["grades"]["overall"] for it in items}
    words = {it["id"]: len(it["answer"].split()) for it in items}
    predictions = {"offline scorer": {i: c.overall for i, c in cards.items()},
                   CEILING: {it["id"]: overall_of_levels(it["grades"]["criteria"], rubrics)[0] for it in items}}
    for name in ("length", "numbers+I"):
        predictions[name] = {it["id"]: baselines(it)[name] for it in items}
    ranking = {}
    for name, pred in predictions.items():
        acc, n_all = pairwise(pred, grade, words)
        acc_similar, n_similar = pairwise(pred, grade, words, similar=True)
        rho = spearmanr([pred[i] for i in grade], [grade[i] for i in grade])[0]
        ranking[name] = {"pairwise": round(acc, 3), "pairs": n_all, "pairwise_similar_length": round(acc_similar, 3),
                         "similar_pairs": n_similar, "spearman": round(float(rho), 3)}
    # Per criterion, on answers where the graders graded it and the scorer judged it.
    per_criterion: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    star_hits = star_total = 0
    for it in items:
        card = cards[it["id"]]
        for key, value in it["grades"]["criteria"].items():
            got = card.criterion(key)
            if got is not None and got.applies:
                per_criterion[key][0].append(got.score)
                per_criterion[key][1].append(int(round(value + 1e-9)))
        for part, present in (it["grades"].get("star") or {}).items():
            got = card.criterion(f"star.{part}")
            if got is not None and got.applies:
                star_hits += (got.score >= STAR_PRESENT_FROM[part]) == bool(present)
                star_total += 1
    kappas = {k: {"qwk": round(qwk(p, g), 3), "n": len(p)} for k, (p, g) in sorted(per_criterion.items())}
    strong = [i for i in grade if grade[i] >= 4]
    weak = [i for i in grade if grade[i] <= 2]
    calibration = {
        name: {"strong_scoring_60_plus": round(sum(pred[i] >= 60 for i in strong) / max(1, len(strong)), 3), "strong": len(strong),
               "weak_scoring_below_45": round(sum(pred[i] < 45 for i in weak) / max(1, len(weak)), 3), "weak": len(weak)}
        for name, pred in predictions.items() if name in ("offline scorer", CEILING)
    }
    families: dict[str, list[float]] = defaultdict(list)
    for it in items:
        family = it["family"]
        if family.startswith("adversarial: "):
            families[family.split(":")[1].strip()[:60]].append(cards[it["id"]].overall)
    paraphrase = paraphrase_spreads(items, cards)
    kind_ok = {q: classify(q, kinds) == k for q, k in {it["question"]: it["grades"]["kind"] for it in items}.items()}
    graders = inter_grader(items)
    return {
        "answers": len(items), "questions": len({it["question"] for it in items}),
        "ranking": ranking, "criteria_qwk": kappas,
        "star_part_agreement": round(star_hits / max(1, star_total), 3), "star_parts": star_total,
        "calibration": calibration,
        "adversarial": {k: [round(v, 1) for v in vs] for k, vs in sorted(families.items())},
        "paraphrase_pairs": paraphrase,
        "question_kind_accuracy": round(sum(kind_ok.values()) / len(kind_ok), 3), "question_kinds": len(kind_ok),
        "inter_grader": graders,
    }


def paraphrase_spreads(items: list[dict], cards: dict) -> dict:
    """Each paraphrase answer against the answer it rewords (same writer slot), where both are in the split."""
    spreads = []
    for it in items:
        m = re.match(r"paraphrase of (\d+-\d+):", it["family"])
        if not m:
            continue
        original = next((o for o in items if o.get("slot") == m.group(1)), None)
        if original is not None:
            spreads.append(abs(cards[it["id"]].overall - cards[original["id"]].overall))
    if not spreads:
        return {"pairs": 0}
    return {"pairs": len(spreads), "mean_spread": round(float(np.mean(spreads)), 1), "max_spread": round(float(np.max(spreads)), 1),
            "within_10": round(sum(s <= 10 for s in spreads) / len(spreads), 3)}


def inter_grader(items: list[dict]) -> dict:
    """The two graders of each answer (A and B in batch 1, C and D in batch 2, I and J in batch 3), first against second."""
    first = {it["id"]: list(it["graders"].values())[0]["overall"] for it in items}
    other = {it["id"]: list(it["graders"].values())[1]["overall"] for it in items}
    a, b = list(first.values()), list(other.values())
    grade = first
    words = {it["id"]: len(it["answer"].split()) for it in items}
    acc, _ = pairwise(other, grade, words)
    return {"overall_qwk": round(qwk(a, b, 1, 5), 3), "exact": round(float(np.mean(np.array(a) == np.array(b))), 3),
            "pairwise_second_vs_first": round(acc, 3)}


def show(r: dict) -> None:
    print(f"split: {r.get('split', 'out of fold')}, batch: {r.get('batch', 'all')}  ({r['answers']} answers, {r['questions']} questions)")
    print(f"{'':28s} {'pairwise':>9s} {'similar-length':>15s} {'spearman':>9s}")
    for name, v in r["ranking"].items():
        print(f"{name:28s} {v['pairwise']:9.3f} {v['pairwise_similar_length']:15.3f} {v['spearman']:9.3f}")
    n_all, n_sim = r["ranking"]["length"]["pairs"], r["ranking"]["length"]["similar_pairs"]
    print(f"  ({n_all} pairs with different grades; {n_sim} of them of similar length)")
    print("quadratic-weighted kappa per criterion (scorer vs graders):")
    for k, v in r["criteria_qwk"].items():
        print(f"  {k:32s} {v['qwk']:6.3f}  (n={v['n']})")
    print(f"STAR-part agreement: {r['star_part_agreement']:.3f} over {r['star_parts']} parts")
    for name, c in r["calibration"].items():
        print(f"calibration, {name}: graded strong scoring >= 60: {c['strong_scoring_60_plus']:.2f} of {c['strong']}; "
              f"graded weak scoring < 45: {c['weak_scoring_below_45']:.2f} of {c['weak']}")
    print("adversarial families (overall of each answer):")
    for k, v in r["adversarial"].items():
        print(f"  {k:60s} {v}")
    print(f"paraphrase pairs: {r['paraphrase_pairs']}")
    print(f"question kind from the text alone: {r['question_kind_accuracy']:.3f} of {r['question_kinds']} questions")
    print(f"inter-grader agreement (the ceiling): {r['inter_grader']}")
    if "ms_per_answer" in r:
        print(f"time per answer: {r['ms_per_answer']} ms; same input, same score: {r['deterministic']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["test", "dev", "all"], default="test")
    parser.add_argument("--batch", choices=["all", *BATCHES], default="all",
                        help="only one batch of the corpus (each had its own writers and graders)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    result = run(args.split, args.batch)
    show(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
