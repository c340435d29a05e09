"""Practice with an LLM never waits for it: the offline card at once, the next question at once,
the LLM's card into the session file when it arrives, the wait at the end skippable, pending
answers finished later, LLM failures kept out of the round's way.

The LLM is a fake OpenAI-compatible endpoint (respx) whose reply waits on an Event the test
holds, reached through the production client (LLMScorer -> LLMClient -> openai -> httpx). The
answers come from audio files with an injected transcriber: transcription is not what is tested.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import httpx
import pytest
import respx
from conftest import timed_transcript
from openai_fake import chat_completion

from mockint.config import load_settings
from mockint.practice import Practice, PracticeEvents, PracticeOptions
from mockint.session import SessionStore

BASE = "http://llm.test/v1"
ANSWERS = [
    (
        "Last March our monthly finance report took four days to build. I was responsible for cutting that "
        "before the audit. I rewrote the Excel macros in Python and I trained two analysts to run it. "
        "The report now takes three hours, a ninety percent cut, and I learned to measure first."
    ),
    (
        "In my last job a customer migration was failing every night. My task was to find why before the launch. "
        "I added logging, found a timezone bug in the import job and fixed it with a test. "
        "The next forty runs passed and the launch went out on time."
    ),
]
CLIPS = ["fw_jfk.flac", "ms_two_cities_16k.wav"]
WAIT = 20.0  # seconds a test waits for something that should happen at once


def reply_for(request: httpx.Request, score: int = 3) -> dict:
    """A valid reply to whatever rubrics the request's JSON schema asks for: every criterion
    `score`, citing sentence 1."""
    schema = json.loads(request.content)["response_format"]["json_schema"]["schema"]
    return {
        rubric: {criterion: {"sentences": [1], "score": score} for criterion in spec["properties"]}
        for rubric, spec in schema["properties"].items()
    }


class SlowLLM:
    """The endpoint's reply waits until the test opens `gate`; `log` records when it is asked and replies."""

    def __init__(self, log: list) -> None:
        self.gate = threading.Event()
        self.log = log
        self.stuck = False  # a reply waited WAIT seconds for the gate: the round was waiting for the LLM

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.log.append(("llm asked",))
        if not self.gate.wait(WAIT):
            self.stuck = True
        self.log.append(("llm replied",))
        return chat_completion(reply_for(request))


class FakeTranscriber:
    """Each answer file 'says' the next of ANSWERS."""

    def __init__(self) -> None:
        self.calls = 0

    def transcribe(self, samples, keywords=None):
        text = ANSWERS[self.calls % len(ANSWERS)]
        self.calls += 1
        return timed_transcript(text, speech=True)


class Events(PracticeEvents):
    def __init__(self, log: list) -> None:
        self.log = log
        self.arrived: dict[str, threading.Event] = {}
        self.hooks: dict[str, object] = {}

    def on_question(self, number, total, question):
        self.log.append(("question", number))
        if (hook := self.hooks.get(f"question {number}")) is not None:
            hook()

    def on_feedback(self, answer):
        self.log.append(("feedback", answer.id, answer.scorecard.scorer if answer.scorecard else None))

    def on_llm_score(self, answer):
        self.log.append(("llm card", answer.id, answer.llm_state))
        self.arrived.setdefault(answer.id, threading.Event()).set()

    def on_llm_wait(self, pending):
        self.log.append(("waiting", pending))
        if (hook := self.hooks.get("wait")) is not None:
            hook()

    def wait_for(self, answer_id: str) -> bool:
        return self.arrived.setdefault(answer_id, threading.Event()).wait(WAIT)


@pytest.fixture
def llm_env(monkeypatch):
    monkeypatch.setenv("MOCKINT_OPENAI_BASE_URL", BASE)
    monkeypatch.setenv("MOCKINT_LLM_MODEL", "test-model")
    monkeypatch.setenv("MOCKINT_LLM_MAX_RETRIES", "0")
    monkeypatch.setenv("MOCKINT_LLM_TIMEOUT", "30")
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        yield mock.post("/chat/completions")


def stored(store: SessionStore, session_id: str) -> dict[str, dict]:
    """The session file's answers, by id, as written on disk."""
    data = json.loads(store.file(session_id).read_text())
    return {a["id"]: a for r in data["rounds"] for a in r["answers"]}


def new_round(audio_dir: Path, events: Events, **options):
    settings = load_settings()
    store = SessionStore(settings.paths.sessions_dir)
    practice = Practice(settings, store, events=events, transcriber=FakeTranscriber())
    options = {"think_seconds": 0, "probes": 0, "write_report": False, "update_ledger": False, **options}
    opts = PracticeOptions(answers_from=[audio_dir / c for c in CLIPS], **options)
    return practice, store, opts


def gated_round(route: respx.Route, audio_dir: Path, **options):
    """A round whose LLM replies wait for the test's gate: (the endpoint, events, practice, store, options)."""
    log: list = []
    llm = SlowLLM(log)
    route.side_effect = llm
    events = Events(log)
    return (llm, events, *new_round(audio_dir, events, **options))


def ctrl_c() -> None:
    raise KeyboardInterrupt


def background_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "mockint-llm-scoring"]


def test_the_next_question_is_asked_before_the_first_llm_score_and_the_card_replaces_it_on_arrival(llm_env, audio_dir):
    llm, events, practice, store, options = gated_round(llm_env, audio_dir)
    log = events.log
    seen_at_question_2: dict = {}

    def at_question_2() -> None:
        # The first answer's LLM call is still held at the gate: the file shows the offline card.
        seen_at_question_2["before"] = stored(store, session.id)["a01"]
        llm.gate.set()
        assert events.wait_for("a01"), "the LLM's card never arrived"
        seen_at_question_2["after"] = stored(store, session.id)["a01"]

    events.hooks["question 2"] = at_question_2
    session = practice.start(options)
    summary = practice.run(session, options)

    assert not llm.stuck, "an LLM reply waited for the gate: the round waited for the LLM"
    assert log.index(("question", 2)) < log.index(("llm replied",))
    assert log.index(("feedback", "a01", "offline")) < log.index(("question", 2))  # the offline card, shown at once
    before, after = seen_at_question_2["before"], seen_at_question_2["after"]
    assert before["status"] == "scored" and before["scorecard"]["scorer"] == "offline" and before["llm_state"] == "pending"
    assert before["offline_scorecard"] is None
    # On arrival, while question 2 is on screen: the LLM's card is shown, the offline one kept.
    assert after["scorecard"]["scorer"] == "llm" and after["llm_state"] == "scored"
    assert after["offline_scorecard"] == before["scorecard"]
    # The round ends with both answers scored by the LLM, in the file and in the summary.
    final = stored(store, session.id)
    assert [final[a]["scorecard"]["scorer"] for a in ("a01", "a02")] == ["llm", "llm"]
    assert [a.scorecard.scorer for a in summary.answers] == ["llm", "llm"]
    assert summary.llm_pending == [] and summary.llm_failed == []
    assert llm_env.call_count == 2


def test_skipping_the_wait_leaves_answers_pending_and_score_session_finishes_them(llm_env, audio_dir, run_cli, mockint_home):
    llm, events, practice, store, options = gated_round(llm_env, audio_dir, write_report=True)
    log = events.log

    events.hooks["wait"] = ctrl_c
    session = practice.start(options)
    summary = practice.run(session, options)  # Ctrl-C in the wait ends the wait, not the round

    assert ("waiting", 2) in log
    assert [a.id for a in summary.llm_pending] == ["a01", "a02"]
    pending = stored(store, session.id)
    assert {a["llm_state"] for a in pending.values()} == {"pending"}
    assert {a["scorecard"]["scorer"] for a in pending.values()} == {"offline"}
    report = (store.folder(session.id) / "report.md").read_text()
    assert f"LLM score pending: `mockint score --session {session.id}`" in report
    assert "Offline only: a01, a02" in report

    # The call in flight when the wait was skipped returns later: it must not touch the file.
    llm.gate.set()
    for thread in background_threads():
        thread.join(WAIT)
    assert stored(store, session.id) == pending

    result = run_cli("score", "--session", session.id)
    assert result.code == 0, result
    done = stored(store, session.id)
    for answer in done.values():
        assert answer["llm_state"] == "scored" and answer["scorecard"]["scorer"] == "llm"
        assert answer["offline_scorecard"] == pending[answer["id"]]["scorecard"]
    # The round's report follows the new scores instead of still calling them pending.
    assert f"Report updated: {store.folder(session.id) / 'report.md'}" in result.out
    report = (store.folder(session.id) / "report.md").read_text()
    assert "LLM score pending" not in report and "Offline only" not in report
    assert report.count("scorer: llm") == 2
    assert run_cli("score", "--session", session.id).out.startswith(f"Nothing to score in {session.id}")


def test_ctrl_c_mid_round_leaves_the_answer_pending_and_resume_scores_it(llm_env, audio_dir):
    llm, events, practice, store, options = gated_round(llm_env, audio_dir)
    log = events.log

    events.hooks["question 2"] = ctrl_c
    session = practice.start(options)
    with pytest.raises(KeyboardInterrupt):
        practice.run(session, options)
    llm.gate.set()
    for thread in background_threads():
        thread.join(WAIT)
    left = stored(store, session.id)
    assert left["a01"]["status"] == "scored" and left["a01"]["llm_state"] == "pending"
    assert left["a02"]["status"] == "recorded"

    events2 = Events(log)
    settings = load_settings()
    again = Practice(settings, store, events=events2, transcriber=FakeTranscriber())
    resumed = again.resume(session.id, options)
    summary = again.run(resumed, options)
    assert [a.scorecard.scorer for a in summary.answers] == ["llm", "llm"]
    assert {a["llm_state"] for a in stored(store, session.id).values()} == {"scored"}


@pytest.mark.parametrize(
    "failure, said",
    [
        (httpx.Response(500, json={"error": {"message": "server down"}}), "500"),
        (chat_completion("this is not JSON at all"), "JSON"),
        (httpx.ConnectError("connection refused"), "connect"),
    ],
)
def test_an_llm_error_keeps_the_offline_card_with_a_reason_and_the_round_goes_on(llm_env, audio_dir, failure, said):
    from mockint.cli.practice import llm_lines

    llm_env.side_effect = failure if isinstance(failure, Exception) else lambda request: failure
    log: list = []
    events = Events(log)
    practice, store, options = new_round(audio_dir, events)
    session = practice.start(options)
    summary = practice.run(session, options)

    assert ("question", 2) in log
    for answer in stored(store, session.id).values():
        assert answer["status"] == "scored" and answer["scorecard"]["scorer"] == "offline"
        assert answer["llm_state"] == "failed" and answer["llm_error"].startswith("LLM scoring failed")
        assert said.lower() in answer["llm_error"].lower() and "\n" not in answer["llm_error"]
    assert [a.id for a in summary.llm_failed] == ["a01", "a02"]
    (line,) = llm_lines(summary)  # said once, for both
    assert "a01, a02" in line and f"mockint score --session {session.id}" in line


def test_the_page_swaps_in_the_llm_card_and_its_end_button_skips_the_wait(llm_env, audio_dir):
    """The page runs the same Practice with PageEvents: the LLM's card reaches it as an update of
    the answer it shows, and End during the wait sends the summary with the rest pending."""
    from mockint.web import messages
    from mockint.web.bridge import PageEvents

    asked_2, hold = threading.Event(), threading.Event()
    calls: list[int] = []

    def endpoint(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        # The first answer's score arrives while question 2 is shown; the second's is still
        # coming when the round ends.
        (asked_2 if len(calls) == 1 else hold).wait(WAIT)
        return chat_completion(reply_for(request))

    llm_env.side_effect = endpoint
    sent: list[dict] = []
    settings = load_settings()
    store = SessionStore(settings.paths.sessions_dir)
    options = PracticeOptions(answers_from=[audio_dir / c for c in CLIPS], think_seconds=0, probes=0, write_report=False)

    def send(message: dict) -> None:
        sent.append(message)
        if message["type"] == "question" and message["number"] == 2:
            asked_2.set()
        if message["type"] == "llm-wait" and message["pending"] == 1:
            events.end()  # the page's End session button

    events = PageEvents(send, options)
    practice = Practice(settings, store, events=events, transcriber=FakeTranscriber())
    session = practice.start(options)
    summary = messages.summary_message(practice.run(session, options))
    hold.set()
    for thread in background_threads():
        thread.join(WAIT)

    a01 = [m for m in sent if m["type"] == "feedback" and m["id"] == "a01"]
    first, update = a01
    assert not first["update"] and first["scorer"] == "offline" and first["llm_state"] == "pending"
    assert update["update"] and update["scorer"] == "llm" and update["llm_state"] == "scored"
    assert update["offline_overall"] == first["overall"]
    assert {"type": "llm-wait", "pending": 1} in sent
    assert summary["llm_pending"] == ["a02"] and summary["llm_failed"] == []
    assert [(a["id"], a["scorer"], a["llm_state"]) for a in summary["answers"]] == [("a01", "llm", "scored"), ("a02", "offline", "pending")]
    assert summary["rescore_command"] == f"mockint score --session {session.id}"
    assert stored(store, session.id)["a02"]["llm_state"] == "pending"


def test_the_terminal_tells_an_llm_score_before_the_next_question_and_a_failure_once(capsys):
    """ConsoleEvents: what arrives on the scoring thread (maybe mid-recording) is printed before
    the next question; of several LLM failures only the first gets a line (the summary counts them)."""
    from mockint.cli.practice import ConsoleEvents
    from mockint.records import QuestionRef
    from mockint.scoring.offline import OfflineScorer
    from mockint.scoring.rubrics import load_rubrics
    from mockint.session import Answer

    question = QuestionRef(id="beh.x", text="Tell me about a time you improved a process.", category="behavioral")
    offline = OfflineScorer().score(question.text, timed_transcript(ANSWERS[0]), load_rubrics(["star"]))
    llm_card = offline.model_copy(update={"scorer": "llm", "overall": 81.0, "band": "strong"})
    scored = Answer(id="a01", question=question, scorecard=offline, llm_state="pending")
    scored.take_card(llm_card)
    down = [Answer(id=f"a0{i}", question=question, scorecard=offline) for i in (2, 3)]
    for answer in down:
        answer.llm_failed("LLM scoring failed: cannot connect to the LLM endpoint")

    events = ConsoleEvents(PracticeOptions(), interactive=False)
    capsys.readouterr()
    for answer in (scored, *down):
        thread = threading.Thread(target=events.on_llm_score, args=(answer,))
        thread.start()
        thread.join()
    assert capsys.readouterr().out == "", "nothing is printed from the scoring thread"
    events.on_question(2, 3, question)
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines[0] == f"LLM score for a01: 81/100 strong (offline {offline.overall:g})"
    assert lines[1] == "a02 keeps its offline score: LLM scoring failed: cannot connect to the LLM endpoint"
    assert "a03" not in out and "Question 2/3" in lines[2]


class ScriptedMicPractice(Practice):
    """A live round whose answers come from clips instead of the microphone (recording is not
    what is tested: when the LLM is asked what, is)."""

    def __init__(self, *args, clips: list[Path], log: list, **kwargs) -> None:
        super().__init__(*args, stream_factory=lambda **_: None, **kwargs)
        self.clips, self.log = iter(clips), log

    def record(self, session, rnd, question, options, *, probe_of=None):
        self.log.append(("recording", question.id))
        answer = self._add_file_answer(session, rnd, question, next(self.clips))
        self.process_recorded(session, answer, keywords=[], offline=options.offline)
        return answer


@pytest.mark.parametrize("warm_up_fails", [False, True])
def test_a_live_round_has_the_llm_read_the_first_questions_prompt_while_the_candidate_answers(llm_env, audio_dir, warm_up_fails):
    requests: list[dict] = []

    def endpoint(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        requests.append(body)
        if body["max_tokens"] == 1:
            return httpx.Response(500, json={"error": {"message": "busy"}}) if warm_up_fails else chat_completion("{", finish_reason="length")
        return chat_completion(reply_for(request))

    llm_env.side_effect = endpoint
    log: list = []
    settings = load_settings()
    store = SessionStore(settings.paths.sessions_dir)
    practice = ScriptedMicPractice(settings, store, events=Events(log), transcriber=FakeTranscriber(),
                                   clips=[audio_dir / c for c in CLIPS], log=log)
    options = PracticeOptions(questions=2, think_seconds=0, probes=0, write_report=False, update_ledger=False)
    session = practice.start(options)
    summary = practice.run(session, options)

    warm, first, second = requests  # one read-ahead, then one request per answer
    assert warm["max_tokens"] == 1 and first["max_tokens"] > 1 and second["max_tokens"] > 1
    text = ["\n".join(m["content"] for m in r["messages"]) for r in (warm, first)]
    ahead = text[0][: text[0].rindex("<transcript>")]
    assert session.rounds[-1].questions[0].text in ahead and text[1].startswith(ahead)
    # It only saves time: a failed read-ahead costs the round nothing.
    assert [a.scorecard.scorer for a in summary.answers] == ["llm", "llm"] and summary.llm_failed == []
