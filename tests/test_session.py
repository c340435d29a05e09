"""Session store: round trip, crash-safe writes, clear errors on bad files."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from conftest import timed_transcript

from mockint.errors import SessionError, SessionNotFound
from mockint.records import CriterionScore, Evidence, QuestionRef, Scorecard
from mockint.session import SCHEMA_VERSION, Answer, SessionStore, load_session_file


def make_answer(answer_id: str = "a01") -> Answer:
    transcript = timed_transcript("I cut costs by 20%", length=0.3, duration=2.0, speech=True, model="tiny.en")
    card = Scorecard(
        scorer="offline",
        criteria=[
            CriterionScore(
                rubric="star",
                criterion="result",
                score=3,
                evidence=[Evidence(quote="cut costs by 20%", start=0.4, end=1.9)],
                feedback="Quantified.",
            )
        ],
        overall=75.0,
        band="strong",
    )
    return Answer(
        id=answer_id,
        question=QuestionRef(id="conflict", text="Tell me about a conflict.", category="behavioral"),
        audio_path=f"{answer_id}.wav",
        status="scored",
        transcript=transcript,
        scorecard=card,
        latency={"transcript_ready": 0.4},
    )


def test_round_trip_keeps_every_field(tmp_path):
    store = SessionStore(tmp_path)
    session = store.create(role="Data engineer")
    rnd = session.new_round("bank")
    rnd.answers.append(make_answer())
    store.save(session)

    loaded = store.load(session.id)
    assert loaded == session
    assert loaded.schema_version == SCHEMA_VERSION
    assert loaded.answers[0].scorecard.criterion("star.result").evidence[0].start == 0.4
    assert json.loads(store.file(session.id).read_text())["schema_version"] == SCHEMA_VERSION


def test_session_files_from_before_applicability_load(tmp_path):
    """Scorecards written before CriterionScore.applies existed load, every criterion applying."""
    store = SessionStore(tmp_path)
    session = store.create(role="Data engineer")
    session.new_round("bank").answers.append(make_answer())
    store.save(session)
    path = store.file(session.id)
    data = json.loads(path.read_text())
    for answer in data["rounds"][0]["answers"]:
        for criterion in answer["scorecard"]["criteria"]:
            del criterion["applies"]
    path.write_text(json.dumps(data))
    assert '"applies"' not in path.read_text()

    loaded = store.load(session.id)
    assert loaded.answers[0].scorecard.criterion("star.result").applies is True
    assert loaded == session


def test_resolve_by_prefix_and_latest(tmp_path):
    store = SessionStore(tmp_path)
    first = store.create()
    second = store.create()
    assert store.resolve("latest") == max(first.id, second.id)
    assert store.load(first.id[:-1] if first.id[:-1] != second.id[:-1] else first.id).id == first.id
    with pytest.raises(SessionNotFound):
        store.load("nope")


def test_resolve_by_the_short_code_that_ends_an_id(tmp_path):
    # a trial user typed --session c5ad for 20261204-060620-c5ad, as 'sessions list' shows it
    store = SessionStore(tmp_path)
    first, second = store.create(), store.create()
    code = first.id.rsplit("-", 1)[-1]
    assert code != first.id and not first.id.startswith(code)
    if code == second.id.rsplit("-", 1)[-1]:  # one chance in 65,536: two sessions share a code, and it says so
        with pytest.raises(SessionError):
            store.resolve(code)
    else:
        assert store.resolve(code) == first.id
    with pytest.raises(SessionNotFound):
        store.resolve("zzzz")


def test_latest_with_no_sessions_names_the_fix(tmp_path):
    with pytest.raises(SessionNotFound) as err:
        SessionStore(tmp_path).resolve("latest")
    assert "mockint demo" in str(err.value)


def test_kill_between_temp_write_and_rename_keeps_previous_file(tmp_path):
    store = SessionStore(tmp_path)
    session = store.create(role="before")
    before = store.file(session.id).read_text()

    # A child process rewrites the session but dies (SIGKILL) right before the rename.
    child = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from mockint.session import SessionStore
        os.replace = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
        store = SessionStore(Path({str(tmp_path)!r}))
        s = store.load({session.id!r})
        s.role = "after"
        store.save(s)
        """
    )
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True)
    assert proc.returncode == -9, proc.stderr

    assert store.file(session.id).read_text() == before
    assert store.load(session.id).role == "before"
    leftovers = [p.name for p in store.folder(session.id).iterdir() if p.name != "session.json"]
    assert leftovers and all(name.endswith(".tmp") for name in leftovers)  # the dead write's temp file, ignored
    assert store.ids() == [session.id]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "corrupt session file (invalid JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"id": "x"}', "no schema_version"),
        (json.dumps({"schema_version": SCHEMA_VERSION + 1, "id": "x"}), "newer mockint"),
        (json.dumps({"schema_version": SCHEMA_VERSION, "id": "x", "rounds": "many"}), "invalid session file at rounds"),
    ],
)
def test_bad_session_files_give_one_line_errors_naming_the_file(tmp_path, content, expected):
    path = tmp_path / "s1" / "session.json"
    path.parent.mkdir()
    path.write_text(content)
    with pytest.raises(SessionError) as err:
        load_session_file(path)
    message = str(err.value)
    assert expected in message
    assert str(path) in message
    assert "\n" not in message


def test_cli_reports_corrupt_session_without_traceback(run_cli, mockint_home):
    folder = mockint_home / "sessions" / "20260101-000000-abcd"
    folder.mkdir(parents=True)
    (folder / "session.json").write_text("{oops")
    result = run_cli("sessions", "show", "20260101")
    assert result.code != 0
    assert "corrupt session file" in result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1


def test_cli_lists_and_shows_sessions(run_cli, mockint_home):
    store = SessionStore(mockint_home / "sessions")
    session = store.create(role="Platform engineer")
    session.new_round().answers.append(make_answer())
    store.save(session)

    listed = run_cli("sessions", "list", "--json")
    assert listed.code == 0
    rows = json.loads(listed.out)
    assert [(r["id"], r["answers"], r["scored"]) for r in rows] == [(session.id, 1, 1)]

    shown = run_cli("sessions", "show", "latest")
    assert shown.code == 0
    assert "Tell me about a conflict." in shown.out and "75/100" in shown.out
