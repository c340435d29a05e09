"""`mockint serve` in a real browser: Debian's Chromium, driven by Playwright, with Chromium's fake
microphone playing a real speech clip (no browser download: Playwright is pointed at the
installed binary).

One server and one browser for the whole story, to keep the run short: a round answered out
loud (live transcript while the clip plays, Done, feedback with a verified quote that plays the
recording from where it was said, the summary), the files on disk that the CLI then reports,
and a past session continued from the page whose transcript holds markup, shown as text.

Skipped when Chromium or Playwright is missing, except in CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pytest
import soundfile
from test_report_browser import CHROMIUM_FLAGS, assert_png, chromium  # noqa: F401  (chromium: a fixture)
from test_serve import REPO, Server

from mockint.config import load_settings
from mockint.records import QuestionRef, Transcript
from mockint.session import Answer, SessionStore

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CLIP = "fw_jfk.flac"  # 11 s, three phrases with pauses between them: the live transcript grows
LEAD_SECONDS = 0.5
FAKE_MIC_FLAGS = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]
WAIT_MS = 90_000  # generous: CI shares two cores
MARKUP = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"


@pytest.fixture(scope="module")
def sync_playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("Playwright is not installed (pip install -e '.[test]')")
        pytest.skip("Playwright is not installed")
    return sync_playwright


def words(text: str) -> str:
    """Lower-case words only: streamed chunks punctuate differently ("Ask not. What your...")."""
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def fake_microphone_file(clip: Path, out: Path) -> tuple[Path, float]:
    """The clip as Chromium's fake capture device wants it (PCM WAV), between short silences;
    returns the file and where the speech ends in it (seconds)."""
    from mockint.speech.decode import load_audio

    samples = load_audio(clip)
    silence = np.zeros(int(LEAD_SECONDS * 16000), dtype=np.float32)
    # Long enough after the clip that the device, which loops its file, is never heard twice.
    soundfile.write(out, np.concatenate([silence, samples, np.zeros(16000 * 10, np.float32)]), 16000, subtype="PCM_16")
    return out, LEAD_SECONDS + len(samples) / 16000


def test_practice_in_the_browser(chromium, sync_playwright, audio_dir, mockint_home, tmp_path, run_cli):  # noqa: F811
    settings = load_settings()
    store = SessionStore(settings.paths.sessions_dir)
    earlier = earlier_session_with_markup(store)
    mic_file, speech_end = fake_microphone_file(audio_dir / CLIP, tmp_path / "answer.wav")
    env = dict(os.environ, PYTHONPATH=str(REPO), MOCKINT_THINK_SECONDS="0")
    server = Server(env)
    requests: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium,
                headless=True,
                args=[*CHROMIUM_FLAGS, *FAKE_MIC_FLAGS, f"--use-file-for-fake-audio-capture={mic_file}"],
            )
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.set_default_timeout(WAIT_MS)
            page.goto(server.url)
            page.wait_for_selector("#start:not([disabled])")  # the form is filled in from the server first
            title = page.title()

            # A round: one behavioural question, answered by the clip. Typed, not drawn from the bank: drawn
            # at random, 5 of the 24 behavioural questions judged the clip with no criterion quoting it (a CI
            # failure); the round's question is this test's input, not the luck of the draw.
            page.fill("#role", "<b>Ward nurse</b>")
            page.select_option("#mode", "own")
            page.fill("#own-questions", "Tell me about a time you rallied people behind a cause.")
            page.click("#start")
            page.wait_for_selector("#live-transcript .part")
            elapsed = float(page.get_attribute("#timer", "data-elapsed"))
            assert page.is_visible("#recorder.on") and elapsed < speech_end - 1.0, "the transcript appeared only at the end"
            assert page.text_content("#live-transcript").strip()
            page.wait_for_function(
                "end => parseFloat(document.getElementById('timer').dataset.elapsed) >= end", arg=speech_end + 0.3
            )
            page.click("#stop")
            # Read in the same step that sees it: the feedback replaces it a moment later.
            final = page.wait_for_function(
                "() => { const live = document.getElementById('live-transcript'); return live.dataset.final && live.textContent; }"
            )
            assert "what your country can do for you ask what you can do for your country" in words(final.json_value())

            # Feedback: a quote it cites is in the transcript, and clicking it plays the recording there.
            answer = page.wait_for_selector("#feedback article.answer")
            quote = answer.query_selector("button.quote")
            assert quote is not None, "no verified quote in the feedback"
            said = words(quote.text_content())
            assert said and said in words(answer.query_selector(".transcript").text_content())
            # Parts the answer lacks (a cut-off note, an LLM note) are left out, not written as "null".
            assert "null" not in answer.text_content() and "undefined" not in answer.text_content()
            start = float(quote.get_attribute("data-start"))
            quote.click()
            page.wait_for_function(
                "start => { const a = document.getElementById('audio-a01'); return !a.paused && Math.abs(a.currentTime - start) < 1; }",
                arg=start,
            )
            summary = page.wait_for_selector("#summary:not([hidden])")
            assert "Round 1" in summary.text_content() and page.is_visible("#report-link")

            # What came from the candidate is text: the role's markup made no element.
            assert "<b>Ward nurse</b>" in page.text_content("#session-line")
            assert page.query_selector("#session-line b") is None
            shot = tmp_path / "serve.png"
            page.screenshot(path=str(shot), full_page=True)
            assert_png(shot)

            # Past sessions, one click away: continue the earlier one, whose transcript holds markup.
            page.click("#tab-history")
            row = page.wait_for_selector(f'tr[data-session="{earlier.id}"]')
            assert MARKUP in row.text_content()
            row.query_selector("button").click()
            resumed = page.wait_for_selector("#feedback article.answer")
            page.wait_for_selector("#summary:not([hidden])")
            assert MARKUP in resumed.text_content()
            assert "a02 · reply on a01 ·" in page.text_content("#answer-a02 h3")
            assert "a02 (reply on a01)" in page.text_content("#summary table")
            assert page.query_selector("#feedback script, #feedback img, #history img") is None
            assert page.title() == title != "pwned"
            browser.close()
    finally:
        log = server.stop()
    assert "Traceback" not in log, log

    # Nothing was loaded from anywhere but the server.
    assert requests and all(url.startswith(server.origin) or url.startswith("data:") for url in requests), requests

    # The same files as a terminal session: session.json, the WAV as recorded, a report from the CLI.
    new = [s for s in store.scan()[0] if s.id != earlier.id]
    assert len(new) == 1
    # The first answer, and the interviewer's follow-up on its weakest point (practice's probes).
    a01, *probes = new[0].answers
    assert all(p.probe_of == "a01" for p in probes) and len(probes) <= 1
    assert a01.status == "scored" and a01.transcript and "your country" in words(a01.transcript.text)
    assert {"transcript_ready", "feedback_ready"} <= set(a01.latency) <= {"transcript_ready", "feedback_ready", "probe_ready"}
    wav = store.folder(new[0].id) / "a01.wav"
    info = soundfile.info(wav)
    assert info.samplerate == 16000 and info.subtype == "PCM_16" and speech_end < info.duration < speech_end + 3
    assert run_cli("report", new[0].id).code == 0
    assert store.load(earlier.id).answers[0].status == "scored"


def earlier_session_with_markup(store: SessionStore):
    """A session left with its answer transcribed but not scored, holding markup everywhere the
    candidate's words show: the page's Continue finishes it."""
    session = store.create(role=MARKUP, job_description=None, keywords=[])
    rnd = session.new_round("plan")
    question = QuestionRef(id="beh.failure", text="Tell me about a time you failed.", category="behavioral")
    # And a reply to the plan's follow-up on it, which the page names as the reports do: "a02 (reply on a01)".
    followup = QuestionRef(id="fu.star_result.a01", text='You said "I fixed it in two days": what changed as a result, in numbers?',
                           category="followup", source="followup", targets="star.result",
                           criteria=["star.result", "specificity.quantified_impact"], follows=f"{session.id}/a01")
    rnd.questions = [question, followup]
    text = f"In 2023 I broke the nightly export {MARKUP} and I fixed it in two days, cutting failures by 80%."
    rnd.answers.append(Answer(id="a01", question=question, status="transcribed", transcript=Transcript(text=text, duration=8.0)))
    reply = "Failed nightly runs went from 5 a month to none, and the finance team got their figures by 7 every day."
    rnd.answers.append(Answer(id="a02", question=followup, status="transcribed", transcript=Transcript(text=reply, duration=6.0)))
    store.save(session)
    return session


def test_own_questions_from_the_page(chromium, sync_playwright, mockint_home, tmp_path, audio_dir):  # noqa: F811
    """"My own questions": the box's questions after my_questions.yaml's, asked in their words and
    said how they are judged; the bank's count and category are hidden, as they choose nothing."""
    from mockint.coaching.own_questions import own_questions_path

    mine = "Why do you want to be Head of Science at this school?"
    typed = "A parent rings to say their child is being bullied in your lessons. What would you do?"
    own_questions_path().parent.mkdir(parents=True, exist_ok=True)
    own_questions_path().write_text(f"- {mine}\n")
    mic_file, _ = fake_microphone_file(audio_dir / CLIP, tmp_path / "answer.wav")
    server = Server(dict(os.environ, PYTHONPATH=str(REPO), MOCKINT_THINK_SECONDS="0"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True,
                args=[*CHROMIUM_FLAGS, *FAKE_MIC_FLAGS, f"--use-file-for-fake-audio-capture={mic_file}"],
            )
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.set_default_timeout(WAIT_MS)
            page.goto(server.url)
            page.wait_for_selector("#start:not([disabled])")
            page.select_option("#mode", "own")
            assert page.is_visible("#own-questions") and not page.is_visible("#questions") and not page.is_visible("#category")
            assert "the 1 question in" in page.text_content("#mine-choice") and page.is_checked("#mine")
            page.fill("#own-questions", f"\n{typed}\n")
            page.click("#start")
            page.wait_for_function("text => document.getElementById('question-text').textContent === text", arg=mine)
            assert "judged as motivation" in page.text_content("#question-why")
            browser.close()  # the round is saved before its first question; closing the tab ends it
    finally:
        log = server.stop()
    assert "Traceback" not in log, log
    (session,) = SessionStore(load_settings().paths.sessions_dir).scan()[0]
    assert [q.text for q in session.rounds[0].questions] == [mine, typed]
    assert session.rounds[0].questions[1].kind == "situational"
