"""Real capture through PortAudio from the PulseAudio virtual microphone (../shared/tools/virtual-mic).

Nothing here mocks sounddevice: audio is played into a null sink whose monitor is the
default input, and mockint records it like a user's microphone.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import soundfile

from tests.conftest import SHARED

pytestmark = pytest.mark.mic

REPO = Path(__file__).resolve().parents[1]
VIRTUAL_MIC = SHARED / "tools" / "virtual-mic"


class VirtualMic:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def play(self, *files: Path) -> None:
        subprocess.run([str(VIRTUAL_MIC), "play", *map(str, files)], env=self.env, check=True, timeout=600)

    def start_playing(self, *files: Path) -> subprocess.Popen:
        """Play in the background; stop with stop_playing (its own process group: sox | paplay)."""
        return subprocess.Popen([str(VIRTUAL_MIC), "play", *map(str, files)], env=self.env, start_new_session=True)

    @staticmethod
    def stop_playing(proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)

    def play_async(self, *files: Path, delay: float = 0.0, once: Callable[[], bool] | None = None) -> threading.Thread:
        """Play `delay` seconds from now, or from when `once()` holds (a recording started: under load, work before it
        can take longer than any fixed delay, and the clip then plays to no one)."""

        def run() -> None:
            if once is not None:
                _wait_for(once, 120, "the recording to start")
            time.sleep(delay)
            self.play(*files)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread


@pytest.fixture(scope="session")
def virtual_mic():
    """Start a private PulseAudio virtual microphone; PortAudio (re)initialised to see it."""
    missing = [tool for tool in ("pulseaudio", "pactl", "paplay", "sox") if shutil.which(tool) is None]
    if missing or not VIRTUAL_MIC.is_file():
        why = f"virtual microphone unavailable: missing {', '.join(missing) or VIRTUAL_MIC}"
        if os.environ.get("CI") == "true":
            pytest.fail(why + " (CI must install pulseaudio pulseaudio-utils libasound2-plugins libportaudio2 sox)")
        pytest.skip(why)
    run_dir = tempfile.mkdtemp(prefix="vmic-", dir="/tmp")  # short: it holds a unix socket path
    env = dict(os.environ, VIRTUAL_MIC_DIR=run_dir)
    started = subprocess.run([str(VIRTUAL_MIC), "start"], env=env, capture_output=True, text=True, timeout=60)
    if started.returncode != 0:
        pytest.fail(f"virtual-mic start failed: {started.stderr.strip()}")
    exports = dict(part.split("=", 1) for part in started.stdout.replace("export ", "").split())
    exports = {k: v.strip("'") for k, v in exports.items()}
    saved = {k: os.environ.get(k) for k in exports}
    os.environ.update(exports)  # before PortAudio enumerates devices
    env.update(exports)
    if "sounddevice" in sys.modules:  # initialised earlier without the server: enumerate again
        sd = sys.modules["sounddevice"]
        sd._terminate()
        sd._initialize()
    yield VirtualMic(env)
    subprocess.run([str(VIRTUAL_MIC), "stop"], env=env, timeout=30)
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    shutil.rmtree(run_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def transcriber():
    from mockint.speech.transcribe import Transcriber

    return Transcriber()


def test_devices_lists_the_virtual_microphone(virtual_mic, run_cli):
    result = run_cli("devices")
    assert result.code == 0, result
    assert "pulse" in result.out or "default" in result.out


def test_unknown_device_is_one_line_with_the_fix(virtual_mic, run_cli):
    result = run_cli("practice", "--device", "no-such-mic-xyz", "--questions", "1")
    assert result.code != 0
    assert "no input device named 'no-such-mic-xyz'" in result.err and "mockint devices" in result.err
    assert "Traceback" not in result.err


@pytest.mark.slow
def test_clip_through_the_microphone_transcribes_as_well_as_the_file(virtual_mic, transcriber, audio_dir, tmp_path):
    from mockint.speech.decode import load_audio
    from mockint.speech.record import Recorder
    from mockint.speech.streaming import StreamingTranscriber
    from mockint.speech.wer import word_error_counts

    # Two clips back to back (~95 s, 250 words): one WER point is 2.5 words, not a single slip.
    clips = [audio_dir / "ms_two_cities_16k.wav", audio_dir / "lj_LJ001-0001_to_0008.wav"]
    reference = " ".join(c.with_suffix(".txt").read_text() for c in clips)
    file_text = " ".join(transcriber.transcribe(load_audio(c)).text for c in clips)
    file_errors, words = word_error_counts(reference, file_text)

    stream = StreamingTranscriber(transcriber)
    recorder = Recorder(tmp_path / "a.wav", max_seconds=150, silence_stop_seconds=4.0, speech_tracker=stream)
    player = virtual_mic.play_async(*clips, delay=1.0)
    result = recorder.record()
    player.join()
    transcript = stream.finish()
    mic_errors, _ = word_error_counts(reference, transcript.text)

    assert result.stopped_by == "silence", "silence after the clip must end the recording"
    # Live, the chunk cut points depend on when PortAudio delivers each block, so the same clips
    # stream differently run to run: observed 0 to 1.2 WER points above the files (3 words of 250).
    # The 1-point bound is held where it is deterministic (tests/test_streaming.py feeds the same
    # clips through the same commit logic); here, through real capture, 2 points.
    assert (mic_errors - file_errors) / words <= 0.02, transcript.text
    recorded = soundfile.info(tmp_path / "a.wav")
    assert recorded.samplerate == 16000 and recorded.channels == 1 and recorded.subtype == "PCM_16"
    assert 94 <= recorded.duration <= 94.7 + 1.0 + 4.0 + 2.0
    # The words land where the clip is in the recording (played ~1 s in, minus the device start-up).
    assert 0.3 <= transcript.words[0].start <= 4.0


@pytest.mark.slow
def test_silence_stops_the_answer_soon_after_speech_ends(virtual_mic, tmp_path):
    from mockint.speech.record import Recorder

    clip = SHARED / "audio" / "fw_jfk.flac"
    recorder = Recorder(tmp_path / "a.wav", max_seconds=60, silence_stop_seconds=2.0)
    player = virtual_mic.play_async(clip, delay=0.5)
    started = time.monotonic()
    result = recorder.record()
    elapsed = time.monotonic() - started
    player.join()
    assert result.stopped_by == "silence"
    # 0.5 s lead + 11 s clip + 2 s silence, plus device latency; far below the 60 s limit.
    assert 12.5 <= result.seconds <= 17.0 and elapsed < 25


def _wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


@pytest.mark.slow
def test_sigkill_mid_answer_leaves_a_playable_wav_and_resume_continues(virtual_mic, mockint_home, audio_dir, run_cli):
    env = dict(virtual_mic.env, MOCKINT_HOME=str(mockint_home), PYTHONPATH=str(REPO), CI=os.environ.get("CI", ""))
    proc = subprocess.Popen(
        [sys.executable, "-m", "mockint", "practice", "--questions", "2", "--think-seconds", "0",
         "--silence-stop-seconds", "30", "--max-answer-seconds", "120", "--offline", "--seed", "3"],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    sessions = mockint_home / "sessions"
    playing = None
    try:
        _wait_for(lambda: any(sessions.glob("*/a01.wav")), 60, "the recording to start")
        (wav,) = sessions.glob("*/a01.wav")
        playing = virtual_mic.start_playing(audio_dir / "lj_LJ001-0001_to_0008.wav")
        _wait_for(lambda: wav.stat().st_size > 44 + 2 * 16000 * 8, 60, "8 s of audio on disk")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        if playing is not None:
            virtual_mic.stop_playing(playing)
    assert proc.returncode == -signal.SIGKILL
    size_at_kill = wav.stat().st_size
    session_file = wav.parent / "session.json"
    saved = json.loads(session_file.read_text())
    (answer,) = saved["rounds"][0]["answers"]
    assert answer["status"] == "recorded" and answer["audio_path"] == "a01.wav"
    assert len(saved["rounds"][0]["questions"]) == 2

    # Playable as it is (libsndfile reads by length), and nothing captured was lost.
    data, rate = soundfile.read(wav, dtype="int16")
    assert rate == 16000 and len(data) * 2 >= size_at_kill - 44 - 16000 * 2 * 0.3
    assert abs(data).max() > 1000, "the played speech is in the file"

    # Resume: repairs the WAV, transcribes and scores the cut-off answer, then asks question 2.
    player = virtual_mic.play_async(audio_dir / "fw_jfk.flac", delay=0.5, once=(wav.parent / "a02.wav").exists)
    result = run_cli("practice", "--resume", wav.parent.name, "--think-seconds", "0", "--silence-stop-seconds", "3",
                     "--max-answer-seconds", "40", "--offline", "--probes", "0")
    player.join()
    assert result.code == 0, result
    assert "recovered" in result.out
    resumed = json.loads(session_file.read_text())
    a1, a2 = resumed["rounds"][0]["answers"]
    assert a1["status"] == "scored" and "printing" in a1["transcript"]["text"].lower()
    assert a2["status"] == "scored" and "country" in a2["transcript"]["text"].lower(), result.out[-3000:]
    # Measured, in order; how soon is a target for benchmarks/latency.py, not a timed test (2.8 s once under load).
    assert 0 <= a2["latency"]["transcript_ready"] <= a2["latency"]["feedback_ready"]
    assert soundfile.info(wav).frames * 2 + 44 == wav.stat().st_size, "header repaired"
    assert (wav.parent / "report.md").is_file()


@pytest.mark.slow
def test_a_two_person_panel_probes_through_the_microphone(virtual_mic, mockint_home, transcriber, tmp_path):
    """Done-when of issue 15: each answer is played when its question appears; the session shows
    who asked what, the probe quoting the first answer, the combined judgement and probe_ready."""
    from mockint.coaching.plan import quote_in
    from mockint.config import load_settings
    from mockint.practice import Practice, PracticeEvents, PracticeOptions
    from mockint.session import SessionStore
    from mockint.speech.decode import load_audio
    from mockint.speech.tts import synthesize
    from mockint.speech.wer import word_error_counts

    reply_text = (
        "In numbers: we launched three weeks early, the client signed a two year renewal worth about three "
        "hundred thousand dollars, and support tickets fell by forty percent. I personally ran the weekly demo."
    )
    reply = synthesize(reply_text, tmp_path / "reply.wav", voice="en-us+f3")
    # The second question's answer only shows who asks it: a short story with no gap to probe (the sample's strong story
    # took 60 s of CI; what it scores is test_panel.py's, from the file). Its named things are spread through it, so that
    # no one misheard phrase opens a gap: a stop-60 CI run heard "Last March our billing exports" as "Last mile shower
    # really export", its only named specifics, and probed its concrete detail (1 of 4), a fourth question this test
    # had no answer to play for. Its steps are short sentences of their own, each "I" and a verb, for the same reason: a
    # stop-61 CI run probed its Action (1 of 4) where "the external audit in April. I traced the fault" was heard (as the
    # file decode hears it too) as "the external luggage enabled I traced the fault", one run-on sentence read as the task.
    second_answer = synthesize(
        "Last March the nightly export to our finance system kept failing, and I was responsible for fixing it before "
        "the audit in April. I checked the logs myself. I found a time zone bug in the export job. I rewrote the date "
        "handling in Python, and I tested it on a copy of the data. Within a week the failures fell from twelve a month "
        "to zero.", tmp_path / "second.wav", voice="en-us+f3")
    # The weak answer: the vague_we sample's opening, its gap the same ("we" throughout, no numbers), 17 s of speech where
    # the whole sample's 44 s took CI time and probed nothing more
    first_answer = synthesize(
        "So, um, we had this big project at my last company, and we had to get a new product out for an important "
        "client. We all worked together really well, and we had a lot of meetings. We handled the challenges as a team "
        "and in the end it went well.", tmp_path / "first.wav", voice="en-us+f3")
    # Played in the order the questions appear: the weak answer, the reply to its probe, the next answer.
    to_play = [first_answer, reply, second_answer]
    players = []

    class Events(PracticeEvents):
        def __init__(self):
            self.asked: list[tuple[str, str]] = []
            self.askers: list[str] = []

        def on_asker(self, panelist):
            self.askers.append(panelist.id)

        def on_question(self, number, total, question):
            self.asked.append((question.id, question.text))
            players.append(virtual_mic.play_async(to_play[len(self.asked) - 1], delay=0.8))

    cfg = load_settings()
    store = SessionStore(cfg.paths.sessions_dir)
    events = Events()
    practice = Practice(cfg, store, events=events)
    options = PracticeOptions(
        questions=2, panel="pair", probes=1, offline=True, think_seconds=0,
        silence_stop_seconds=2.5, max_answer_seconds=90, device="", seed=1,
    )
    session = practice.start(options)
    practice.run(session, options)
    for player in players:
        player.join()
    saved = store.load(session.id)
    rnd = saved.rounds[0]
    first, probe, second = rnd.answers[0], rnd.answers[1], rnd.answers[2]
    assert len(rnd.answers) == 3 and len(events.asked) == 3
    assert [a.status for a in rnd.answers] == ["scored"] * 3, [a.error for a in rnd.answers]
    assert probe.probe_of == first.id and second.probe_of is None
    # Who asked what: the panelists take turns, the first panelist asks her own follow-up.
    assert first.asked_by == probe.asked_by == rnd.askers[first.question.id] == events.askers[0]
    assert second.asked_by != first.asked_by and events.askers == [first.asked_by] * 2 + [second.asked_by]
    # The probe quotes the first answer's words (as transcribed from the microphone).
    quoted = probe.question.text.split('"')[1]
    assert quote_in(quoted, first.transcript.text), probe.question.text
    assert probe.question.text.startswith(rnd.panel.get(first.asked_by).probe_lead)
    # The combined judgement: both answers on the first question, better than the first alone.
    assert probe.scorecard is not None and probe.scorecard.overall > first.scorecard.overall
    # The follow-up's transcript is the reply that was played, heard about as well as the file.
    # Not one word of it: tiny.en hears this voice's "fell by forty percent" as "L by 4%" in about
    # 1 in 30 captures, live or as a file alike (60 resampled, re-levelled and noised copies of the
    # reply decoded as files: "forty" missed in 2, at most 3 word errors more than the clean file,
    # "$300,000" right in all 60). That one word failed this test in 1 of 2 CI runs.
    file_errors, _ = word_error_counts(reply_text, transcriber.transcribe(load_audio(reply)).text)
    live_errors, _ = word_error_counts(reply_text, probe.transcript.text)
    assert live_errors <= file_errors + 4, probe.transcript.text
    assert "$300,000" in probe.transcript.text  # heard in 60 of the 60 copies, and written as digits
    assert "probe_ready" in first.latency and first.latency["probe_ready"] >= first.latency["feedback_ready"]
