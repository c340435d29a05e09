"""End of answer -> transcript ready -> feedback ready, through the virtual microphone.

    python benchmarks/latency.py [--lengths 30 90 180] [--runs 1]

Builds answers of about 30, 90 and 180 s from the shared real-speech clips (0.8 s pauses
between clips; short clips first, so the 30 s answer is 30 s), plays each into the PulseAudio
virtual microphone (../shared/tools/virtual-mic) and records it exactly as `mockint practice`
does: Recorder -> WAV on disk + StreamingTranscriber. The answer ends when playback ends (the
worst case: the candidate presses Enter right after the last word, so the tail since the last
cut is still untranscribed); times are from the moment capture stopped, as `mockint practice`
records them. Feedback uses the OFFLINE scorer (no LLM call; an LLM adds its own network time).
Next to them: how long a batch transcription of the same file takes (what waiting for the end
would cost) and the ratio batch / transcript-ready, and the 1-minute load average before the run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
from live import SHARED

PAUSE_SECONDS = 0.8
# Playlists for the standard lengths (clip seconds in brackets): each ends with a short clip,
# as an answer ends with a sentence, and the 90 s and 180 s ones hold the two long readings.
PLAYLISTS = {
    30: ["fw_jfk.flac", "lh_libri_2412-153948-0000.flac", "ps_sns_0870.wav"],  # 11 + 11.7 + 7.1
    90: ["fw_jfk.flac", "lh_libri_2412-153948-0000.flac", "ps_sns_0870.wav", "ms_two_cities_16k.wav",
         "lh_ami_ES2011a_40-46s.wav", "ps_sns_0920.wav"],  # + 44.4 + 6 + 6
    180: ["fw_jfk.flac", "lh_libri_2412-153948-0000.flac", "ps_sns_0870.wav", "ms_two_cities_16k.wav",
          "lh_ami_ES2011a_40-46s.wav", "ps_sns_0920.wav", "lj_LJ001-0001_to_0008.wav", "pv_cheetah_test_en.wav",
          "ps_sns_0890.wav", "ps_sns_0880.wav", "ps_sns_0930.wav", "fw_jfk.flac", "ps_sns_0870.wav"],
}
# Other lengths: clips in this order (short first), skipping any that would overshoot.
CLIPS = [
    "fw_jfk.flac", "lh_libri_2412-153948-0000.flac", "ps_sns_0870.wav", "lh_ami_ES2011a_40-46s.wav",
    "ps_sns_0920.wav", "pv_cheetah_test_en.wav", "ps_sns_0890.wav", "ps_sns_0880.wav", "ps_sns_0930.wav",
    "ms_two_cities_16k.wav", "lj_LJ001-0001_to_0008.wav",
]


def playlist(seconds: float) -> list[str]:
    if int(seconds) in PLAYLISTS and seconds == int(seconds):
        return PLAYLISTS[int(seconds)]
    import soundfile

    chosen: list[str] = []
    total = 0.0
    for name in CLIPS * 4:
        length = soundfile.info(SHARED / "audio" / name).duration + PAUSE_SECONDS
        if total + length <= seconds + 3:
            chosen.append(name)
            total += length
        if total >= seconds - 3:
            break
    return chosen


def build_answer(seconds: float, out: Path) -> tuple[Path, str]:
    import numpy as np
    import soundfile

    from mockint.speech.decode import load_audio

    parts, refs = [], []
    pause = np.zeros(int(PAUSE_SECONDS * 16000), dtype=np.float32)
    for name in playlist(seconds):
        clip = SHARED / "audio" / name
        parts += [load_audio(clip), pause]
        refs.append(clip.with_suffix(".txt").read_text().strip())
    soundfile.write(out, np.concatenate(parts[:-1]), 16000, subtype="PCM_16")
    return out, " ".join(refs)


def measure(answer: Path, reference: str, env: dict[str, str], transcriber, scorer, rubrics) -> dict[str, float]:
    from live import record_live

    from mockint.speech.decode import load_audio
    from mockint.speech.delivery import compute_delivery
    from mockint.speech.wer import word_error_counts

    live = record_live(answer, env, transcriber)
    started = time.perf_counter()
    compute_delivery(live.transcript)
    scorer.score("Tell me about a time you solved a hard problem.", live.transcript, rubrics)
    feedback_ready = live.transcript_ready + time.perf_counter() - started
    stream_errors, words = word_error_counts(reference, live.transcript.text)

    samples = load_audio(answer)
    started = time.perf_counter()
    batch = transcriber.transcribe(samples)
    batch_seconds = time.perf_counter() - started
    batch_errors, _ = word_error_counts(reference, batch.text)
    chunks = live.stream.stats.chunks
    # What was decoded after capture stopped: the closing decode, or the tail on its own.
    last = live.stream.stats.closing or (chunks[-1] if chunks and chunks[-1].reason.endswith("tail") else None)
    return {
        "answer": live.seconds,
        "transcript_ready": live.transcript_ready,
        "feedback_ready": feedback_ready,
        "batch": batch_seconds,
        "chunks": len(chunks),
        "last": (last.end - last.start) if last else 0.0,
        "last_decode": (last.transcribe_seconds or 0.0) if last else 0.0,
        "slowest_chunk": max((c.transcribe_seconds or 0.0) for c in chunks) if chunks else 0.0,
        "wer_stream": stream_errors / words,
        "wer_batch": batch_errors / words,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=float, nargs="+", default=[30, 90, 180])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()

    from live import start_mic, stop_mic

    env = start_mic()
    from mockint.scoring.offline import OfflineScorer
    from mockint.scoring.rubrics import load_rubrics
    from mockint.speech.transcribe import Transcriber

    transcriber = Transcriber()
    scorer, rubrics = OfflineScorer(), load_rubrics()
    print(
        f"model {transcriber.model_name}, {transcriber.cpu_threads} threads, {os.cpu_count()} CPUs; "
        "feedback = offline scorer (no LLM); times in seconds from the end of capture"
    )
    print(
        f"{'answer':>7} {'load':>5} {'chunks':>6} {'last stretch':>12} {'its decode':>10} {'slowest chunk':>13} "
        f"{'transcript ready':>16} {'feedback ready':>14} {'batch of file':>13} {'batch/ready':>11} "
        f"{'WER stream':>10} {'WER batch':>9}"
    )
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for length in args.lengths:
                answer, reference = build_answer(length, Path(tmp) / f"answer_{int(length)}.wav")
                for _ in range(args.runs):
                    load = os.getloadavg()[0]
                    m = measure(answer, reference, env, transcriber, scorer, rubrics)
                    print(
                        f"{m['answer']:6.1f}s {load:5.2f} {m['chunks']:6d} {m['last']:11.1f}s {m['last_decode']:9.2f}s "
                        f"{m['slowest_chunk']:12.2f}s {m['transcript_ready']:15.2f}s {m['feedback_ready']:13.2f}s "
                        f"{m['batch']:12.2f}s {m['batch'] / max(m['transcript_ready'], 1e-3):10.1f}x "
                        f"{m['wer_stream']:10.1%} {m['wer_batch']:9.1%}",
                        flush=True,
                    )
    finally:
        stop_mic(env)


if __name__ == "__main__":
    main()
