from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from mockint.records import Segment, Transcript, Word

pytest_plugins = ["conftest_llm"]  # the llama_server fixture (tests/conftest_llm.py)

SHARED = Path(os.environ.get("MOCKINT_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
AUDIO_DIR = SHARED / "audio"


def timed_words(words: str | Sequence[str], *, start: float = 0.0, step: float = 0.4, length: float | None = None) -> list[Word]:
    """Words as Whisper times them: one every `step` seconds from `start`, each `length` seconds
    long (0.8 x step unless given), times rounded to 10 ms. `words`: text split on spaces, or the
    tokens themselves (Whisper splits "11,000" into "11" and ",000")."""
    tokens = words.split() if isinstance(words, str) else list(words)
    length = 0.8 * step if length is None else length
    return [Word(word=w, start=round(start + i * step, 2), end=round(start + i * step + length, 2)) for i, w in enumerate(tokens)]


def finding_kinds(sentences: list[str], question: str = "") -> list[str]:
    """What rubrics/safety.yaml finds in a plan's sentences (refused, put off, skipped, hidden...), its shortcuts aside."""
    from mockint.scoring.safety import findings

    return [f.kind for f in findings(sentences, question=question) if f.kind != "shortcut"]


def impossible(said: str) -> list:
    """The figures of a typed answer that cannot be true (figures.py), read as the scorer reads them: numbers in words
    written as digits first."""
    from mockint.scoring.figures import impossible_figures
    from mockint.speech.numbers import write_numbers_in_text

    return impossible_figures(write_numbers_in_text(said))


def stands_by_a_disaster(story: str, question: str) -> bool:
    """Whether the offline scorer reads a story as a bad outcome told and stood by (its proud-disaster gate)."""
    from mockint.scoring.offline import read_answer, stood_by_bad_outcome

    return stood_by_bad_outcome(read_answer(story, question, None)) is not None


def debrief_topics(notes: str) -> dict:
    """The topics `mockint debrief` reads in `notes`, by name."""
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    return {t.name: t for t in parse_debrief(notes, load_bank()).topics}


def offline_card(question, answer: str, kind: str | None = None):
    """The offline scorer's card for a typed answer to `question` (text, or a QuestionRef), judged as `kind` when given:
    what a candidate gets from `mockint score --text`."""
    from mockint.records import QuestionRef
    from mockint.scoring import score_question
    from mockint.scoring.offline import OfflineScorer
    from mockint.scoring.rubrics import load_rubrics

    if kind is not None:
        question = QuestionRef(id="custom", text=question, category="custom", kind=kind)
    return score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())


def criterion_level(question, answer: str, key: str) -> int:
    """The level the offline scorer gives one criterion (`key`, "star.result") of a typed answer to `question`."""
    return next(c for c in offline_card(question, answer).criteria if c.key == key).score


def timed_transcript(
    words: str | Sequence[str],
    *,
    text: str | None = None,
    start: float = 0.0,
    step: float = 0.4,
    length: float | None = None,
    tail: float = 0.0,
    speech: bool = False,
    **fields: Any,
) -> Transcript:
    """A transcript of timed_words. It lasts `tail` seconds past the last word's step; with
    `speech`, one VAD span covers all the words. `text` defaults to the words joined."""
    timed = timed_words(words, start=start, step=step, length=length)
    end = round(start + len(timed) * step, 2)
    if speech:
        fields["speech"] = [(start, end)]
    fields.setdefault("duration", round(end + tail, 2))
    text = text if text is not None else (words if isinstance(words, str) else " ".join(words))
    return Transcript(text=text, words=timed, **fields)


def segmented_transcript(
    segments: Sequence[tuple[float, float, str, Sequence[float]]], *, offset: float = 0.0, speech: bool = False, **fields: Any
) -> Transcript:
    """Whisper segments as (start, end, text, word probabilities), shifted by `offset`; each
    segment's words share its time evenly. With `speech`, every segment is a VAD speech span."""
    segs, words = [], []
    for start, end, text, probabilities in segments:
        start, end = start + offset, end + offset
        segs.append(Segment(start=start, end=end, text=text))
        step = (end - start) / len(probabilities)
        for i, (word, p) in enumerate(zip(text.split(), probabilities, strict=True)):
            words.append(Word(word=word, start=start + i * step, end=start + (i + 1) * step, probability=p))
    if speech:
        fields["speech"] = [(s.start, s.end) for s in segs]
    return Transcript(text=" ".join(s.text for s in segs), words=words, segments=segs, **fields)


@pytest.fixture(autouse=True)
def mockint_home(tmp_path_factory, monkeypatch) -> Path:
    """Every test writes under its own MOCKINT_HOME and sees no real LLM credentials."""
    home = tmp_path_factory.mktemp("mockint_home")
    monkeypatch.setenv("MOCKINT_HOME", str(home))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "MOCKINT_OPENAI_API_KEY", "MOCKINT_OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture(scope="session")
def audio_dir() -> Path:
    if not AUDIO_DIR.is_dir():
        pytest.fail(f"shared audio clips not found at {AUDIO_DIR}")
    return AUDIO_DIR


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, out={self.out[-500:]!r}, err={self.err[-500:]!r})"


@pytest.fixture
def run_cli(capsys):
    """Run `mockint ARGS...` in-process through the real entry point; returns code, stdout, stderr."""
    from mockint.cli import main

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture(autouse=True)
def fresh_llm_capabilities():
    """What an endpoint accepts is remembered per process; each test starts from nothing known."""
    from mockint.llm import forget_capabilities

    forget_capabilities()
    yield
    forget_capabilities()
