"""HTML reports in headless Chromium: what a reader actually sees and can click.

Chromium renders the page (after its script ran) with --dump-dom, and takes a screenshot.
The interaction checks load a copy of the report with a small probe script appended (and the
report's script-only CSP removed so the probe may run) that clicks a quote and records where
the audio was set to play from.

Skipped when Chromium is missing, except in CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openai_fake import chat_completion
from test_report import RUBRICS, T0, fixture_session, strong_answer  # same folder; pytest puts it on sys.path

from mockint.session import Answer, Round, Session, SessionStore

pytestmark = pytest.mark.browser

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--mute-audio",
    "--autoplay-policy=no-user-gesture-required",
]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="session")
def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is not installed (scripts/dev-setup.sh installs Debian's 'chromium')")
    pytest.skip("Chromium is not installed")


class Browser:
    def __init__(self, binary: str, tmp: Path) -> None:
        self.binary, self.tmp = binary, tmp

    def run(self, page: Path, *args: str) -> subprocess.CompletedProcess:
        profile = self.tmp / "chromium-profile"
        cmd = [self.binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, f"chromium failed ({proc.returncode}): {proc.stderr[-2000:]}"
        return proc

    def dom(self, page: Path, *, budget_ms: int = 3000) -> str:
        return self.run(page, f"--virtual-time-budget={budget_ms}", "--dump-dom").stdout

    def screenshot(self, page: Path, name: str) -> Path:
        shot = self.tmp / name
        self.run(page, f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars")
        return shot


@pytest.fixture
def browser(chromium, tmp_path) -> Browser:
    return Browser(chromium, tmp_path)


class Page(HTMLParser):
    """The rendered DOM, parsed: elements by tag with their attributes, text by element id/class."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.title = ""
        self.script_texts: list[str] = []
        self._in: list[str] = []
        self.text_parts: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data):
        where = self._in[-1] if self._in else ""
        if where == "title" and "svg" not in self._in and "body" not in self._in:  # the document's, not an SVG's
            self.title += data
        elif where == "script":
            self.script_texts.append(data)
        elif where != "style":
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def all(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def with_probe(report: Path, probe_js: str) -> Path:
    """A copy of the report beside it (so relative audio paths still resolve) with a probe script."""
    html = report.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    html = html.replace("</body>", f"<script>{probe_js}</script></body>")
    probe = report.with_name(f"probe-{report.name}")
    probe.write_text(html, encoding="utf-8")
    return probe


CLICK_PROBE = """
window.addEventListener("load", function () {
  function report(data) {
    var out = document.getElementById("probe") || document.body.appendChild(document.createElement("pre"));
    out.id = "probe"; out.textContent = JSON.stringify(data);
  }
  var quote = document.querySelector(%(selector)s);
  var audio = document.getElementById("audio-" + quote.getAttribute("data-answer"));
  function go() {
    quote.click();
    report({start: parseFloat(quote.getAttribute("data-start")), current: audio.currentTime,
            duration: audio.duration, paused: audio.paused});
  }
  if (audio.readyState >= 1) { go(); } else { audio.addEventListener("loadedmetadata", go); report({waiting: true}); }
});
"""


def probe_result(dom: str) -> dict:
    found = re.search(r'<pre id="probe">([^<]*)</pre>', dom)
    assert found, "the probe script did not report"
    return json.loads(found.group(1).replace("&quot;", '"'))


def store_session(session: Session, audio: dict[str, Path]) -> SessionStore:
    from mockint.config import load_settings

    st = SessionStore(load_settings().paths.sessions_dir)
    st.folder(session.id).mkdir(parents=True, exist_ok=True)
    for answer_id, clip in audio.items():
        shutil.copy(clip, st.folder(session.id) / f"{answer_id}{clip.suffix}")
    st.save(session)
    return st


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC and len(data) > 10_000, f"{path}: not a real screenshot ({len(data)} bytes)"


# --- the fixture session -------------------------------------------------------------------


def test_session_report_renders_escapes_and_plays_from_a_quote(browser, run_cli, audio_dir):
    session = fixture_session()
    st = store_session(session, {"a01": audio_dir / "lj_LJ001-0001_to_0008.wav"})
    res = run_cli("report", session.id, "--format", "html")
    assert res.code == 0, res
    report = st.folder(session.id) / "report.html"

    page = Page(browser.dom(report))
    # The injected script in a02's transcript did not run, was not created, and reads as text.
    assert page.title == f"mockint report: {session.id}"
    assert len(page.all("script")) == 1 and "pwned" not in "".join(page.script_texts)
    assert "<script>document.title='pwned'</script>" in page.text
    # Sections.
    assert [s["id"] for s in page.all("section", **{"class": "round"})] == ["round-1", "round-2"]
    for cls in ("weak-areas", "plan"):
        assert len(page.all("section", **{"class": cls})) == 2, cls
    assert len(page.all("section", **{"class": "prep"})) == 1  # one preparation for the next round, from the session
    assert [a["id"] for a in page.all("article", **{"class": "answer"})] == ["answer-a01", "answer-a02", "answer-a03", "answer-a04", "answer-a05"]
    for heading in ("Repeated weak areas", "Next-round plan", "Questions to ask the interviewer", "Proof to bring", "Thank-you note draft"):
        assert heading in page.text
    assert page.all("div", id="star-legend")
    # STAR parts: every part marked in a01, playable; a04 (typed, no audio) marked but not playable.
    marks = page.all("mark")
    a01_parts = {m["class"] for m in marks if m.get("data-answer") == "a01"}
    assert a01_parts == {"star star-situation", "star star-task", "star star-action", "star star-result"}
    assert any(m["class"] == "star star-result" and "data-start" not in m for m in marks)
    # Audio: a01 only (the other files do not exist), linked relative to the report.
    audios = page.all("audio")
    assert [(a["id"], a["src"]) for a in audios] == [("audio-a01", "a01.wav")]
    # The failed answer shows its transcript and error.
    assert "scoring failed: the LLM endpoint timed out after 30 s" in page.text
    assert "I fixed the billing bug quickly." in page.text

    shot = browser.screenshot(report, "session-report.png")
    assert_png(shot)

    # Clicking the Result quote seeks a01's audio to the quote's start (the audio really loaded).
    probe = with_probe(report, CLICK_PROBE % {"selector": json.dumps('tr[data-criterion="star.result"] button.quote')})
    result = probe_result(browser.dom(probe, budget_ms=8000))
    assert result.get("waiting") is None, "a01.wav never loaded"
    assert result["duration"] == pytest.approx(50.33, abs=0.1)
    expected = strong_answer().scorecard.criterion("star.result").evidence[0].start
    assert result["start"] == pytest.approx(expected) and result["current"] == pytest.approx(expected, abs=0.05)
    assert result["paused"] is False


def test_progress_report_draws_the_chart(browser, run_cli):
    from mockint.coaching.ledger import record_session
    from mockint.config import load_settings

    first = fixture_session()
    later = fixture_session("20240510-180000-beef", T0 + timedelta(days=4))
    later.rounds = [Round(index=1, kind="plan", started_at=T0 + timedelta(days=4))]
    later.rounds[0].answers = [strong_answer("a01", T0 + timedelta(days=4)), strong_answer("a02", T0 + timedelta(days=4))]
    for s in (first, later):
        store_session(s, {})
        record_session(load_settings().paths.ledger_file, s, RUBRICS)

    res = run_cli("report", "--progress", "--format", "html")
    assert res.code == 0, res
    report = load_settings().paths.sessions_dir / "progress.html"
    html = browser.dom(report)
    page = Page(html)
    assert page.title == "mockint progress"
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert len(svgs) == 2
    overall = re.findall(r'<polyline[^>]*points="([^"]+)"', svgs[0])
    assert overall and len(overall[0].split()) == 3  # three scored rounds
    # One series per criterion that some answer was scored on (n/a criteria have no points).
    asked = {c.key for s in (first, later) for a in s.answers if a.scorecard for c in a.scorecard.criteria if c.applies}
    assert len(asked) >= 8
    assert len(re.findall(r'<g class="series"', svgs[1])) == len(asked)
    assert "Weakness ledger" in page.text and page.all("tr", **{"data-area": "star.task"})
    assert_png(browser.screenshot(report, "progress.png"))


# --- a real session: bundled Whisper, offline scorer and a mocked LLM -------------------------


def fake_llm_reply(request) -> "object":
    """An OpenAI-style completion scoring every criterion it is asked for 3, citing the numbered
    sentences of the transcript it was sent (so they verify), as a well-behaved model would."""

    body = json.loads(request.content)
    prompt = "\n".join(m["content"] for m in body["messages"])
    transcript = re.findall(r"<transcript>\s*(.*?)\s*</transcript>", prompt, flags=re.S)[-1]
    n = len(re.findall(r"^\[\d+\] ", transcript, flags=re.M))

    def cite(fraction: float) -> list[int]:
        return [min(n, 1 + int(n * fraction))]

    positions = {"situation": 0.0, "task": 0.25, "action": 0.5, "result": 0.8}
    schema = body["response_format"]["json_schema"]["schema"]
    reply = {
        rubric: {
            criterion: {"sentences": cite(positions.get(criterion, 0.4)), "score": 3}
            for criterion in spec["properties"]
        }
        for rubric, spec in schema["properties"].items()
    }
    return chat_completion(reply, model=body["model"])


@pytest.mark.slow
def test_real_session_report(browser, run_cli, audio_dir, monkeypatch):
    """Two clips transcribed by the bundled model; one answer scored offline, one by an LLM
    (mocked with respx at the HTTP layer, the real client and scorer in between); rendered."""
    import respx

    from mockint.coaching.questions import load_bank
    from mockint.config import load_settings
    from mockint.scoring.llm_scorer import LLMScorer
    from mockint.scoring.offline import OfflineScorer
    from mockint.speech.delivery import compute_delivery
    from mockint.speech.transcribe import get_transcriber

    monkeypatch.setenv("MOCKINT_OPENAI_BASE_URL", "http://llm.test/v1")
    monkeypatch.setenv("MOCKINT_LLM_MAX_RETRIES", "0")
    settings = load_settings()
    bank = load_bank()
    clips = {"a01": audio_dir / "fw_jfk.flac", "a02": audio_dir / "lj_LJ001-0001_to_0008.wav"}
    transcriber = get_transcriber(settings)
    session = Session(id="20240601-120000-real", created_at=T0, role="Speechwriter")
    rnd = session.new_round("files")
    for (answer_id, clip), question_id in zip(clips.items(), ["fit.why_here", "beh.complex_problem"]):
        transcript = transcriber.transcribe_file(clip)
        rnd.answers.append(Answer(
            id=answer_id, question=bank.get(question_id).ref(), audio_path=f"{answer_id}{clip.suffix}",
            status="transcribed", transcript=transcript, delivery=compute_delivery(transcript), created_at=T0,
        ))
    a01, a02 = rnd.answers
    assert "ask not what your country can do for you" in a01.transcript.text.lower()
    a01.scorecard = OfflineScorer().score(a01.question.text, a01.transcript, RUBRICS)
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post("http://llm.test/v1/chat/completions").mock(side_effect=fake_llm_reply)
        a02.scorecard = LLMScorer(settings).score(a02.question.text, a02.transcript, RUBRICS)
    assert route.call_count == 1
    a01.status = a02.status = "scored"
    assert a02.scorecard.scorer == "llm" and all(c.evidence and not c.capped for c in a02.scorecard.criteria)
    st = store_session(session, clips)

    for fmt in ("md", "json", "html"):
        res = run_cli("report", session.id, "--format", fmt)
        assert res.code == 0, res
    folder = st.folder(session.id)
    md = (folder / "report.md").read_text(encoding="utf-8")
    assert "scorer: offline" in md and "scorer: llm (gpt-4o-mini)" in md
    assert re.search(r"\*\*\[R\] [^*]+\*\*", md)  # the LLM's result quote, highlighted
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert Session.model_validate(data["session"]) == st.load(session.id)

    report = folder / "report.html"
    page = Page(browser.dom(report))
    assert [(a["id"], a["src"]) for a in page.all("audio")] == [("audio-a01", "a01.flac"), ("audio-a02", "a02.wav")]
    assert "ask not what your country can do for you" in page.text.lower()
    a02_marks = {m["class"] for m in page.all("mark") if m.get("data-answer") == "a02"}
    assert a02_marks == {"star star-situation", "star star-task", "star star-action", "star star-result"}
    assert "words/min" in page.text and "talk time" in page.text
    assert_png(browser.screenshot(report, "real-session.png"))

    # Clicking the LLM's result quote seeks the real recording to where Whisper timed those words.
    probe = with_probe(report, CLICK_PROBE % {"selector": json.dumps('#answer-a02 tr[data-criterion="star.result"] button.quote')})
    result = probe_result(browser.dom(probe, budget_ms=8000))
    expected = a02.scorecard.criterion("star.result").evidence[0].start
    assert result["start"] == pytest.approx(expected) and 0 < expected < result["duration"]
    assert result["current"] == pytest.approx(expected, abs=0.05)
