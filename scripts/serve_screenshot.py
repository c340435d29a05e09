"""Regenerate docs/serve.png, the README's picture of `mockint serve`.

    python scripts/serve_screenshot.py [OUT.png]

A two-question panel round with a time per answer in Debian's Chromium (Playwright), the fake
microphone playing the bundled strong STAR answer for both: the picture is taken while the second
answer is being recorded, so it shows who asks, the question, the timer with its countdown, the
level meter and the live transcript above the first answer's scored feedback. Takes about two minutes (the answer plays in real time). The committed picture was then
shrunk with `pngquant --quality 70-90` (Debian package pngquant).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from latency_browser import CHROMIUM, CHROMIUM_FLAGS, fake_microphone_file, start_server  # noqa: E402


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "serve.png"
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start_server(Path(tmp) / "home")
        mic = Path(tmp) / "mic.wav"
        speech_end = fake_microphone_file(REPO / "mockint" / "samples" / "strong_star.flac", mic)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=[*CHROMIUM_FLAGS, f"--use-file-for-fake-audio-capture={mic}"]
                )
                page = browser.new_page(viewport={"width": 1000, "height": 1180})
                page.set_default_timeout(300_000)
                page.goto(url)
                page.wait_for_selector("#start:not([disabled])")
                page.fill("#role", "Operations lead")
                page.select_option("#mode", "panel")  # who asks shows with each question
                page.select_option("#category", "behavioral")
                page.fill("#questions", "2")
                page.fill("#answer-seconds", "120")  # the countdown beside the timer
                page.uncheck("#probes")  # the second main question, not a follow-up
                page.click("#start")
                page.wait_for_function(
                    "end => parseFloat(document.getElementById('timer').dataset.elapsed) >= end", arg=speech_end + 0.3
                )
                page.click("#stop")
                page.wait_for_selector("#feedback article.answer")
                page.wait_for_function("() => document.querySelectorAll('#live-transcript .part').length >= 2")
                page.screenshot(path=str(out))  # the first screen: question, live answer, feedback
                browser.close()
        finally:
            proc.terminate()
            proc.communicate(timeout=60)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
