"""End of answer -> transcript ready -> feedback ready, through the virtual microphone.

    python benchmarks/latency.py [--lengths 30 90 180] [--runs 1]

Builds answers of about 30, 90 and 180 s from the shared real-speech clips (0.8 s pauses
between clips), plays each into the PulseAudio virtual microphone (../shared/tools/virtual-mic)
and records it exactly as `mockint practice` does: Recorder -> WAV on disk + StreamingTranscriber.
The answer ends when playback ends (the worst case: the candidate presses Enter right after the
last word, so the tail since the last pause is still untranscribed). Feedback uses the OFFLINE
scorer (no LLM call; an LLM adds its own network time). The last column is the time a batch
transcription of the same file takes, i.e. what waiting for the end would cost.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("MOCKINT_SHARED_DIR", REPO.parent / "shared"))
VIRTUAL_MIC = SHARED / "tools" / "virtual-mic"
CLIPS = [
    "ms_two_cities_16k.wav", "fw_jfk.flac", "lj_LJ001-0001_to_0008.wav", "lh_libri_2412-153948-0000.flac",
    "ps_sns_0870.wav", "lh_ami_ES2011a_40-46s.wav", "ps_sns_0920.wav", "pv_cheetah_test_en.wav",
]


def build_answer(seconds: float, out: Path) -> tuple[Path, str]:
    import numpy as np
    import soundfile

    from mockint.audio.decode import load_audio

    parts, refs, total, i = [], [], 0.0, 0
    pause = np.zeros(int(0.8 * 16000), dtype=np.float32)
    while total < seconds:
        clip = SHARED / "audio" / CLIPS[i % len(CLIPS)]
        audio = load_audio(clip)
        parts += [audio, pause]
        refs.append(clip.with_suffix(".txt").read_text().strip())
        total += len(audio) / 16000 + 0.8
        i += 1
    soundfile.write(out, np.concatenate(parts[:-1]), 16000, subtype="PCM_16")
    return out, " ".join(refs)


def start_mic() -> dict[str, str]:
    run_dir = tempfile.mkdtemp(prefix="vmic-bench-", dir="/tmp")
    env = dict(os.environ, VIRTUAL_MIC_DIR=run_dir)
    out = subprocess.run([str(VIRTUAL_MIC), "start"], env=env, capture_output=True, text=True, check=True).stdout
    exports = {k: v.strip("'") for k, v in (p.split("=", 1) for p in out.replace("export ", "").split())}
    os.environ.update(exports)
    env.update(exports)
    return env


def measure(answer: Path, reference: str, env: dict[str, str], transcriber, scorer, rubrics) -> dict[str, float]:
    from mockint.audio.decode import load_audio
    from mockint.audio.record import Recorder
    from mockint.delivery import compute_delivery
    from mockint.streaming import StreamingTranscriber
    from mockint.transcribe import word_error_counts

    with tempfile.TemporaryDirectory() as tmp:
        stream = StreamingTranscriber(transcriber)
        stop = threading.Event()
        recorder = Recorder(Path(tmp) / "a.wav", max_seconds=600, silence_stop_seconds=None, speech_tracker=stream, stop_event=stop)

        def play() -> None:
            time.sleep(1.0)
            subprocess.run([str(VIRTUAL_MIC), "play", str(answer)], env=env, check=True)
            stop.set()  # "Enter" right after the last word

        player = threading.Thread(target=play)
        player.start()
        result = recorder.record()
        player.join()
        transcript = stream.finish()
        transcript_ready = time.monotonic() - result.ended_at
        compute_delivery(transcript)
        scorer.score("Tell me about a time you solved a hard problem.", transcript, rubrics)
        feedback_ready = time.monotonic() - result.ended_at
        stream_errors, words = word_error_counts(reference, transcript.text)

    samples = load_audio(answer)
    started = time.perf_counter()
    batch = transcriber.transcribe(samples)
    batch_seconds = time.perf_counter() - started
    batch_errors, _ = word_error_counts(reference, batch.text)
    tail = stream.stats.chunks[-1] if stream.stats.chunks else None
    return {
        "answer": result.seconds,
        "transcript_ready": transcript_ready,
        "feedback_ready": feedback_ready,
        "batch": batch_seconds,
        "chunks": len(stream.stats.chunks),
        "tail": (tail.end - tail.start) if tail and tail.reason == "tail" else 0.0,
        "wer_stream": stream_errors / words,
        "wer_batch": batch_errors / words,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=float, nargs="+", default=[30, 90, 180])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()

    env = start_mic()
    from mockint.rubrics import load_rubrics
    from mockint.scoring.offline import OfflineScorer
    from mockint.transcribe import Transcriber

    transcriber = Transcriber()
    scorer, rubrics = OfflineScorer(), load_rubrics()
    print(f"model {transcriber.model_name}, {transcriber.cpu_threads} threads, {os.cpu_count()} CPUs; scorer: offline (no LLM)")
    header = f"{'answer':>8} {'chunks':>6} {'tail':>6} {'transcript ready':>17} {'feedback ready':>15} {'batch of file':>14} {'WER stream':>11} {'WER batch':>10}"
    print(header)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for length in args.lengths:
                answer, reference = build_answer(length, Path(tmp) / f"answer_{int(length)}.wav")
                for _ in range(args.runs):
                    m = measure(answer, reference, env, transcriber, scorer, rubrics)
                    print(
                        f"{m['answer']:7.1f}s {m['chunks']:6d} {m['tail']:5.1f}s {m['transcript_ready']:16.2f}s "
                        f"{m['feedback_ready']:14.2f}s {m['batch']:13.2f}s {m['wer_stream']:10.1%} {m['wer_batch']:9.1%}",
                        flush=True,
                    )
    finally:
        subprocess.run([str(VIRTUAL_MIC), "stop"], env=env)


if __name__ == "__main__":
    main()
