"""`mockint serve` without a browser: who may connect, the page's microphone as the recorder's
input, and a whole round over the WebSocket into the same session files the terminal writes.

The browser itself (Chromium's fake microphone playing a real clip) is tests/test_serve_browser.py.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest
import soundfile
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from mockint.config import load_settings
from mockint.errors import DeviceError, SessionError
from mockint.web.bridge import BrowserMicrophone, PageEvents, SessionEnded, options_from_page
from mockint.web.server import STATIC, create_app

REPO = Path(__file__).resolve().parents[1]
PORT = 8765
TOKEN = "test-token-0123456789"
ORIGIN = f"http://127.0.0.1:{PORT}"
WS = f"ws://127.0.0.1:{PORT}/ws"


def _no_model(send):
    raise AssertionError("these tests record no answer")


@pytest.fixture
def client() -> TestClient:
    app = create_app(load_settings(), token=TOKEN, port=PORT, transcriber=_no_model)
    return TestClient(app, base_url=ORIGIN)


# --- who may connect ---------------------------------------------------------------------------


def test_a_request_without_the_token_is_refused(client):
    for path in ("/", "/api/sessions", "/static/app.js", "/progress"):
        assert client.get(path).status_code == 403, path
        assert client.get(f"{path}?token=wrong-{TOKEN}").status_code == 403, path
    refused = client.get("/api/setup")
    assert refused.status_code == 403 and "mockint serve" in refused.text


def test_the_page_with_the_token_sets_a_cookie_for_its_assets_and_loads_only_from_itself(client):
    page = client.get(f"/?token={TOKEN}")
    assert page.status_code == 200 and '<script src="/static/app.js"' in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "connect-src 'self' ws://127.0.0.1:8765" in csp
    cookie = page.headers["set-cookie"]
    assert cookie.startswith(f"mockint_token_{PORT}={TOKEN}") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    # The cookie carries the token for what the page loads next (the TestClient kept it).
    assert client.get("/static/app.js").status_code == 200
    assert "behavioral" in client.get("/api/setup").json()["categories"]
    # Every src/href in the page is on this server.
    refs = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert refs and all(r.startswith("/") or r.startswith("data:") for r in refs), refs


def test_another_host_name_is_refused_even_with_the_token(client):
    # A page elsewhere that rebinds its own domain name to 127.0.0.1 reaches us with its Host.
    response = client.get(f"/?token={TOKEN}", headers={"host": f"attacker.example:{PORT}"})
    assert response.status_code == 403


def test_a_websocket_from_another_origin_or_without_the_token_is_refused(client):
    for url, origin in (
        (f"{WS}?token={TOKEN}", "http://attacker.example"),
        (f"{WS}?token={TOKEN}", f"http://127.0.0.1:{PORT + 1}"),
        (f"{WS}?token={TOKEN}", None),
        (WS, ORIGIN),
        (f"{WS}?token=wrong", ORIGIN),
    ):
        headers = {"origin": origin} if origin else {}
        with pytest.raises(WebSocketDisconnect) as refused:
            with client.websocket_connect(url, headers=headers):
                pass
        assert refused.value.code == 1008, (url, origin)
    # The page itself is let in, and a bad form comes back as one line for the page.
    with client.websocket_connect(f"{WS}?token={TOKEN}", headers={"origin": ORIGIN}) as ws:
        ws.send_json({"type": "start", "questions": 0})
        assert ws.receive_json() == {"type": "error", "message": "'questions' must be a whole number from 1 to 20", "hint": None}
        ws.send_text("not json")
        assert "does not understand" in ws.receive_json()["message"]


def test_a_port_in_use_is_one_line(run_cli):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli("serve", "--port", str(port))
    assert result.code == 1
    assert result.err.strip().splitlines() == [
        f"error: port {port} on 127.0.0.1 is already in use (another 'mockint serve' may be running; stop it or pick another port with --port)"
    ]


def test_the_page_script_puts_text_into_the_page_never_markup():
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink
    assert "textContent" in script and "createTextNode" in script


def test_sessions_reports_and_audio_are_served_only_for_what_exists(client, audio_dir):
    from test_report import fixture_session  # same folder; pytest puts it on sys.path

    from mockint.session import SessionStore

    session = fixture_session()
    store = SessionStore(load_settings().paths.sessions_dir)
    store.folder(session.id).mkdir(parents=True)
    store.save(session)
    clip = audio_dir / "ps_sns_0880.wav"
    (store.folder(session.id) / "a01.wav").write_bytes(clip.read_bytes())
    client.get(f"/?token={TOKEN}")

    (row,) = client.get("/api/sessions").json()
    assert row["id"] == session.id and row["report_url"] == f"/sessions/{session.id}/report"
    report = client.get(row["report_url"])
    assert report.status_code == 200 and 'src="a01.wav"' in report.text  # beside the report's URL
    audio = client.get(f"/sessions/{session.id}/a01.wav", headers={"range": "bytes=0-99"})
    assert audio.status_code == 206 and audio.content == clip.read_bytes()[:100]  # seekable
    assert client.get(f"/sessions/{session.id}/session.json").status_code == 404  # only answers' audio
    assert client.get(f"/sessions/{session.id}/..%2Fsession.json").status_code == 404
    assert client.get("/sessions/nope/report").status_code == 404
    assert "<svg" in client.get("/progress").text


# --- the page's microphone into the recorder ---------------------------------------------------


class FakePage:
    """Answers the server's capture messages as the page does, sending a clip as 50 ms PCM blocks."""

    def __init__(self, samples: np.ndarray | None, *, refuse: str | None = None) -> None:
        self.samples = samples
        self.refuse = refuse
        self.sent: list[dict] = []
        self.mic: BrowserMicrophone | None = None

    def send(self, message: dict) -> None:
        self.sent.append(message)
        if message == {"type": "capture", "on": True, "samplerate": 16000}:
            threading.Thread(target=self._capture).start()

    def _capture(self) -> None:
        assert self.mic is not None
        if self.refuse:
            self.mic.page_replied(False, self.refuse)
            return
        self.mic.page_replied(True)
        pcm = (self.samples * 32767).astype("<i2")
        for i in range(0, len(pcm), 800):
            self.mic.feed(pcm[i : i + 800].tobytes())


def test_the_page_audio_reaches_the_wav_on_disk_sample_for_sample(tmp_path, audio_dir):
    from mockint.speech.decode import load_audio
    from mockint.speech.record import Recorder

    clip = load_audio(audio_dir / "pv_cheetah_test_en.wav")
    page = FakePage(clip)
    page.mic = BrowserMicrophone(page.send)
    stop = threading.Event()
    written_frames = []

    def count(block: np.ndarray) -> None:  # Done once the recorder has written the whole clip
        written_frames.append(len(block))
        if sum(written_frames) >= len(clip):
            stop.set()

    recorder = Recorder(tmp_path / "a01.wav", stream_factory=page.mic, silence_stop_seconds=None, stop_event=stop, on_block=count)
    result = recorder.record()
    written, rate = soundfile.read(tmp_path / "a01.wav", dtype="int16")
    assert rate == 16000 and np.array_equal(written, (clip * 32767).astype(np.int16))
    assert result.stopped_by == "enter"
    assert page.sent[0]["type"] == "capture" and page.sent[-1] == {"type": "capture", "on": False}
    page.mic.feed(b"\x01\x00" * 800)  # after the answer: dropped, nothing fails


def test_a_refused_microphone_is_a_device_error_with_the_fix(tmp_path):
    from mockint.speech.record import Recorder

    page = FakePage(None, refuse="NotAllowedError: Permission denied")
    page.mic = BrowserMicrophone(page.send)
    with pytest.raises(DeviceError) as refused:
        Recorder(tmp_path / "a01.wav", stream_factory=page.mic).record()
    assert "NotAllowedError: Permission denied" in str(refused.value) and "allow the microphone" in str(refused.value)


def test_the_form_is_checked_before_a_round_starts():
    settings = load_settings()
    options = options_from_page(settings, {"mode": "panel", "panel": "pair", "answer_seconds": 90, "probes": False})
    assert (options.panel, options.answer_seconds, options.probes, options.device) == ("pair", 90, 0, None)
    for bad, said in (
        ({"mode": "panel"}, "choose a panel"),
        ({"answer_seconds": 2}, "from 5 to 600"),
        ({"questions": True}, "whole number"),
        ({"mode": "improv"}, "unknown mode"),
        ({"role": "x" * 201}, "at most 200"),
    ):
        with pytest.raises(SessionError, match=said):
            options_from_page(settings, bad)


def test_ending_the_round_interrupts_think_time_and_stops_the_answer():
    options = options_from_page(load_settings(), {"questions": 2, "role": "Nurse"})
    events = PageEvents(lambda message: None, options)
    stop = threading.Event()
    events.on_recording_started(type("A", (), {"id": "a01"})(), stop)
    threading.Timer(0.1, events.end).start()
    with pytest.raises(SessionEnded):
        events.sleep(30)
    assert stop.is_set()


# --- a whole round over the socket -------------------------------------------------------------


def _drain(ws, until: str, seen: list[dict]) -> dict:
    while True:
        message = ws.receive_json()
        seen.append(message)
        if message["type"] == "error":
            raise AssertionError(message)
        if message["type"] == until:
            return message


@pytest.mark.slow
def test_a_round_over_the_socket_is_a_session_the_cli_reports_rescores_and_resumes(audio_dir, run_cli, mockint_home):
    """Two questions; the first answered with a real clip streamed as the page streams it, then
    the round ended: the session is on disk like a terminal one, and the page's Continue (the
    same Practice.resume as `mockint practice --resume`) asks the question left."""
    from mockint.session import SessionStore
    from mockint.speech.decode import load_audio
    from mockint.speech.transcribe import get_transcriber

    settings = load_settings(think_seconds=0)
    model = get_transcriber(settings)
    app = create_app(settings, token=TOKEN, port=PORT, transcriber=lambda send: model)
    client = TestClient(app, base_url=ORIGIN)
    pcm = (load_audio(audio_dir / "fw_jfk.flac") * 32767).astype("<i2")
    seen: list[dict] = []
    with client.websocket_connect(f"{WS}?token={TOKEN}", headers={"origin": ORIGIN}) as ws:
        ws.send_json(
            {"type": "start", "questions": 2, "role": "Speechwriter", "mode": "panel", "panel": "pair", "answer_seconds": 60, "probes": False}
        )
        session = _drain(ws, "session", seen)
        assert session["total"] == 2 and session["role"] == "Speechwriter"
        asker = _drain(ws, "asker", seen)
        assert asker["name"] and asker["role"] and _drain(ws, "question", seen)["number"] == 1
        assert _drain(ws, "recording", seen)["answer_seconds"] == 60
        _drain(ws, "capture", seen)
        ws.send_json({"type": "capture", "ok": True})
        for i in range(0, len(pcm), 800):
            ws.send_bytes(pcm[i : i + 800].tobytes())
        # Faster than real time: wait until the recorder has written it all (its level ticks
        # say how far it is), as a page streaming in real time would be when Done is pressed.
        while _drain(ws, "level", seen)["elapsed"] < len(pcm) / 16000 - 0.15:
            pass
        ws.send_json({"type": "end"})  # Done, and no second question
        transcribed = _drain(ws, "transcribed", seen)
        feedback = _drain(ws, "feedback", seen)
        ended = _drain(ws, "ended", seen)
    assert "what your country can do for you" in transcribed["text"].lower()
    left = [m["seconds"] for m in seen if m["type"] == "time-left"]
    assert left and 60 - len(pcm) / 16000 - 1 < min(left) < max(left) <= 60  # the countdown the page shows
    assert feedback["status"] == "scored" and feedback["audio_url"] == f"/sessions/{session['id']}/a01.wav"
    quotes = [c["quote"] for c in feedback["criteria"] if c["quote"]]
    assert quotes and all(q.lower().rstrip(".!?,") in " ".join(s["text"] for s in feedback["spans"]).lower() for q in quotes)
    assert ended == {"type": "ended", "session": session["id"], "unfinished": 1, "resume_command": f"mockint practice --resume {session['id']}"}

    store = SessionStore(settings.paths.sessions_dir)
    (answer,) = store.load(session["id"]).answers
    assert answer.status == "scored" and answer.audio_path == "a01.wav"
    assert soundfile.info(store.folder(session["id"]) / "a01.wav").duration == pytest.approx(len(pcm) / 16000, abs=0.2)
    assert run_cli("report", session["id"]).code == 0
    assert (store.folder(session["id"]) / "report.md").is_file()
    rescored = run_cli("score", "--session", session["id"], "--offline")
    assert rescored.code == 0, rescored

    # Continue: the question left is asked; ending at once leaves the session as it was.
    with client.websocket_connect(f"{WS}?token={TOKEN}", headers={"origin": ORIGIN}) as ws:
        ws.send_json({"type": "resume", "session": session["id"]})
        resumed = _drain(ws, "session", seen)
        question = _drain(ws, "question", seen)
        assert resumed["resumed"] and question["number"] == 2
        _drain(ws, "capture", seen)
        ws.send_json({"type": "capture", "ok": False, "message": "NotAllowedError: Permission denied"})
        with pytest.raises(AssertionError, match="NotAllowedError"):
            _drain(ws, "summary", seen)
    assert len(store.load(session["id"]).answers) == 1, "a refused microphone leaves no empty answer"
    assert json.loads(Path(store.file(session["id"])).read_text())["rounds"][0]["answers"][0]["status"] == "scored"


# --- the real server on its socket -------------------------------------------------------------


class Server:
    """`mockint serve --port 0` in a subprocess, under the test's MOCKINT_HOME."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mockint", "serve", "--port", "0"],
            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.lines: list[str] = []
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
            if found:
                self.url = found.group(0)
                self.origin = self.url.split("/?")[0]
                return
        raise AssertionError(f"mockint serve printed no URL: {''.join(self.lines)}")

    def stop(self) -> str:
        self.proc.terminate()
        out, _ = self.proc.communicate(timeout=60)
        return "".join(self.lines) + out


@pytest.mark.slow
def test_refused_without_the_token_or_from_another_origin(mockint_home):
    """The refusals above, from uvicorn on its socket rather than the TestClient."""
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    server = Server(dict(os.environ, PYTHONPATH=str(REPO)))
    try:
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(server.origin + "/", timeout=30)
        assert refused.value.code == 403
        token = server.url.split("token=")[1]
        ws_url = f"ws://{server.origin.split('//')[1]}/ws?token={token}"
        with pytest.raises(InvalidStatus) as refused_ws:
            connect(ws_url, origin="http://attacker.example", open_timeout=30)
        assert refused_ws.value.response.status_code == 403
        with connect(ws_url, origin=server.origin, open_timeout=30) as ws:  # the page's own origin
            ws.send('{"type": "stop"}')
    finally:
        server.stop()


def _page_socket(server: Server):
    from websockets.sync.client import connect

    token = server.url.split("token=")[1]
    return connect(f"ws://{server.origin.split('//')[1]}/ws?token={token}", origin=server.origin, open_timeout=60)


def _answer_over_socket(ws, pcm: np.ndarray, request: dict) -> str:
    """Start a round, send `pcm` as the page would, wait until the server has written it; the session id."""
    ws.send(json.dumps(request))
    session = None
    while True:
        message = json.loads(ws.recv(timeout=120))
        assert message["type"] != "error", message
        if message["type"] == "session":
            session = message["id"]
        elif message["type"] == "capture" and message["on"]:
            ws.send(json.dumps({"type": "capture", "ok": True}))
            for i in range(0, len(pcm), 800):
                ws.send(pcm[i : i + 800].tobytes())
        elif message["type"] == "level" and message["elapsed"] >= len(pcm) / 16000 - 0.15:
            assert session is not None
            return session


@pytest.mark.slow
def test_closing_the_tab_keeps_the_answer_and_killing_the_server_leaves_it_for_resume(audio_dir, mockint_home, run_cli):
    """Closing the page mid-answer: the answer is kept, transcribed and scored, and the round stops
    before its next question. SIGKILL mid-answer: the WAV on disk has the answer up to the last
    flush, and `mockint practice --resume` finishes it."""
    import time

    from mockint.session import SessionStore
    from mockint.speech.decode import load_audio

    store = SessionStore(load_settings().paths.sessions_dir)
    pcm = (load_audio(audio_dir / "fw_jfk.flac") * 32767).astype("<i2")
    env = dict(os.environ, PYTHONPATH=str(REPO), MOCKINT_THINK_SECONDS="0", MOCKINT_SCORER="offline")
    server = Server(env)
    try:
        with _page_socket(server) as ws:
            closed = _answer_over_socket(ws, pcm, {"type": "start", "questions": 2, "category": "behavioral"})
        deadline = time.monotonic() + 120
        while store.load(closed).answers[0].status != "scored" and time.monotonic() < deadline:
            time.sleep(0.5)
        session = store.load(closed)
        assert [a.status for a in session.answers] == ["scored"] and len(session.rounds[0].questions) == 2
        assert "your country can do for you" in session.answers[0].transcript.text.lower()

        with _page_socket(server) as ws:
            killed = _answer_over_socket(ws, pcm, {"type": "start", "questions": 1, "category": "behavioral"})
            time.sleep(0.5)  # past the WAV's next flush
            server.proc.kill()
            server.proc.wait(timeout=30)
    finally:
        server.stop()
    (answer,) = store.load(killed).answers
    assert answer.status == "recorded"
    wav = store.folder(killed) / "a01.wav"
    assert wav.stat().st_size > 2 * (len(pcm) - 0.25 * 16000), "more than the last flush interval was lost"
    resumed = run_cli("practice", "--resume", killed, "--offline")
    assert resumed.code == 0, resumed
    (answer,) = store.load(killed).answers
    assert answer.status == "scored" and soundfile.info(wav).duration == pytest.approx(len(pcm) / 16000, abs=0.3)


class _StandInRound:
    """What Rounds reads of a PageRound: whether its thread runs, its page is gone, its session."""

    def __init__(self, session_id: str | None = None) -> None:
        self.running, self.page_gone, self.session_id, self.joined = True, False, session_id, False

    def page_closed(self) -> None:
        self.page_gone = True

    def join(self, timeout: float | None = None) -> None:
        self.joined = True


def test_a_closed_tabs_round_saving_its_answer_does_not_block_a_new_tab():
    """One round at a time across open tabs; but a round whose tab was closed is only saving its
    last answer, so a new tab starts at once (CI saw "already running" in that window), may not
    resume the session still being saved, and shutdown still waits for it."""
    from mockint.web.server import Rounds

    rounds = Rounds()
    first, second, third = _StandInRound("s1"), _StandInRound(), _StandInRound()
    assert rounds.claim(first) is None
    assert rounds.claim(second) == "a round is already running (in another tab?)"
    first.page_closed()
    assert "still saving" in rounds.claim(second, resume="s1")
    assert rounds.claim(second) is None and rounds.active is second
    rounds.release(first)  # the old round's on_done must not drop the new one
    assert rounds.active is second
    assert rounds.claim(third) == "a round is already running (in another tab?)"
    first.running = True
    rounds.winding_down.append(first)
    assert rounds.shut_down(timeout=1) is second and first.joined and second.joined and second.page_gone
