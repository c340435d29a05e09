"""Play an answer into the PulseAudio virtual microphone (../shared/tools/virtual-mic) and record
it exactly as `mockint practice` does: Recorder -> WAV on disk + StreamingTranscriber."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from spoken import ROOT

SHARED = Path(os.environ.get("MOCKINT_SHARED_DIR", ROOT.parent / "shared"))
VIRTUAL_MIC = SHARED / "tools" / "virtual-mic"


def start_mic() -> dict[str, str]:
    """A private virtual microphone (its own VIRTUAL_MIC_DIR); returns the environment to use it."""
    run_dir = tempfile.mkdtemp(prefix="vmic-bench-", dir="/tmp")
    env = dict(os.environ, VIRTUAL_MIC_DIR=run_dir)
    out = subprocess.run([str(VIRTUAL_MIC), "start"], env=env, capture_output=True, text=True, check=True).stdout
    exports = {k: v.strip("'") for k, v in (p.split("=", 1) for p in out.replace("export ", "").split())}
    os.environ.update(exports)
    env.update(exports)
    return env


def stop_mic(env: dict[str, str]) -> None:
    subprocess.run([str(VIRTUAL_MIC), "stop"], env=env)


@dataclass
class LiveResult:
    transcript: object  # mockint.records.Transcript
    seconds: float  # recorded
    transcript_ready: float  # end of capture -> transcript ready
    stream: object  # the StreamingTranscriber, for its stats


def record_live(answer: Path, env: dict[str, str], transcriber, *, keywords: list[str] | None = None) -> LiveResult:
    """Play `answer` into the microphone and stop capture right after its last sample (the worst
    case: the candidate presses Enter right after the last word, so the tail since the last cut
    is still untranscribed). Times are from the moment capture stopped, as `mockint practice`
    records them."""
    from mockint.speech.record import Recorder
    from mockint.speech.streaming import StreamingTranscriber

    with tempfile.TemporaryDirectory() as tmp:
        stream = StreamingTranscriber(transcriber, keywords=keywords)
        stop = threading.Event()
        recorder = Recorder(
            Path(tmp) / "a.wav", max_seconds=900, silence_stop_seconds=None, speech_tracker=stream, stop_event=stop
        )

        def play() -> None:
            time.sleep(1.0)
            subprocess.run([str(VIRTUAL_MIC), "play", str(answer)], env=env, check=True)
            stop.set()

        player = threading.Thread(target=play)
        player.start()
        result = recorder.record()
        player.join()
        transcript = stream.finish()
        ready = time.monotonic() - result.ended_at
    return LiveResult(transcript, result.seconds, ready, stream)
