"""A newcomer's first hour, from the user's side (issue 13): the demo stays out of your data,
answer files are checked before anything is created and can name their question, a damaged
session never hides the others, and the small things that broke trust stay fixed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_plan import round_one
from test_session import make_answer
from test_weakness import make_session

from mockint.records import QuestionRef
from mockint.samples import load_samples
from mockint.session import Session, SessionStore


def _session_files(home: Path) -> list[Path]:
    return sorted((home / "sessions").glob("*/session.json"))


def _demo_scores_strong_above_weak(data: dict, out: str, folder: Path) -> None:
    """The demo end to end: every recorded answer transcribed and scored offline, the strong ones well above the weak,
    and the report written and named."""
    answers = data["rounds"][0]["answers"]
    samples = {s.audio: s for s in load_samples()}
    assert len(answers) == len(samples) >= 3
    overall = {}
    for a in answers:
        assert a["status"] == "scored", a["error"]
        assert a["scorecard"]["scorer"] == "offline"
        assert a["delivery"]["word_count"] > 50
        assert set(a["latency"]) == {"transcript_ready", "feedback_ready"}
        overall[a["question"]["id"]] = a["scorecard"]["overall"]
    by_id = {s.question_id: s for s in samples.values()}
    strong = [overall[q] for q, s in by_id.items() if s.expect == "strong"]
    weak = [overall[q] for q, s in by_id.items() if s.expect == "weak"]
    assert min(strong) > max(weak) + 20, overall
    assert (folder / "report.html").is_file() and f"Report: {folder / 'report.md'}" in out
    assert "Repeated weak areas" in out


# --- the 'Done when' walk-through ---------------------------------------------------------


@pytest.mark.slow
def test_on_a_fresh_home_the_demo_never_becomes_your_data(run_cli, mockint_home, audio_dir, tmp_path):
    # an earlier demo's folder, which this one replaces (one demo run: each takes about 20 s of CI)
    earlier = mockint_home / "demo" / "20200101-000000-demo"
    earlier.mkdir(parents=True)
    (earlier / "session.json").write_text("{}")
    demo = run_cli("demo")
    assert demo.code == 0, demo
    demo_dir = mockint_home / "demo"
    assert f"It runs in its own folder, {demo_dir}" in demo.out
    assert "stays out of your sessions, weakness ledger, plan and progress" in demo.out
    (demo_file,) = demo_dir.glob("*/session.json")
    assert not earlier.exists(), "the next demo replaces the last"
    demo_session = json.loads(demo_file.read_text())
    _demo_scores_strong_above_weak(demo_session, demo.out, demo_file.parent)
    # The summary shows each overall as the report does (7.5, not 8).
    report = (demo_file.parent / "report.md").read_text()
    for answer in demo_session["rounds"][0]["answers"]:
        shown = f"{answer['scorecard']['overall']:g}"
        assert f"Overall: {shown}/100" in report and f"│ {shown} " in demo.out.replace("  ", " ")
    assert not (mockint_home / "ledger.json").exists() and not _session_files(mockint_home)

    # the user's own round: one spoken, one typed (the spoken pipeline is test_practice.py's; 44 s of speech fewer)
    typed = tmp_path / "vague.txt"
    typed.write_text("we worked really hard as a team on the rota and it went well in the end.\n")
    mine = run_cli("practice", "--answers-from", str(typed),
                   str(audio_dir / "lh_libri_2412-153948-0000.flac"), "--offline", "--seed", "3")
    assert mine.code == 0, mine
    (my_file,) = _session_files(mockint_home)
    my_id = my_file.parent.name

    plan = run_cli("plan", "--json")
    assert plan.code == 0, plan
    progress = run_cli("report", "--progress", "--format", "json", "-o", "-")
    assert progress.code == 0, progress
    ledger = (mockint_home / "ledger.json").read_text()
    # the demo's questions, less any the user's own round asked too (a bank question both drew): only the demo's own
    mine_asked = {a["question"]["id"] for a in json.loads(my_file.read_text())["rounds"][0]["answers"]}
    demo_questions = {a["question"]["id"] for a in demo_session["rounds"][0]["answers"]} - mine_asked
    for text in (plan.out, progress.out, ledger):
        assert demo_session["id"] not in text
    for text in (progress.out, ledger):  # the plan may well pick a bank question the demo also used, fresh
        assert not any(f'"{q}"' in text for q in demo_questions)
    demo_quotes = [e["quote"] for a in demo_session["rounds"][0]["answers"] for c in a["scorecard"]["criteria"] for e in c["evidence"]]
    assert demo_quotes and not any(q in plan.out for q in demo_quotes), "a follow-up quotes the demo's answers"
    data = json.loads(progress.out)["progress"]
    assert data["sessions"] == 1 and [p["session_id"] for p in data["points"]] == [my_id]
    assert json.loads(plan.out)["session"] == my_id

    typo = run_cli("practise")
    assert typo.code == 2 and typo.err.startswith("error: no such command 'practise' (did you mean 'practice'?)")

    notes = tmp_path / "answer.docx"  # neither audio nor a typed answer (.txt, .md)
    notes.write_text("I led the migration to Kubernetes and cut deploy time by 80%.")
    refused = run_cli("practice", "--answers-from", str(notes), "--offline")
    assert refused.code == 1 and str(notes) in refused.err and refused.err.count("\n") == 1
    assert _session_files(mockint_home) == [my_file], "no session for a refused file"

    other = mockint_home / "sessions" / "20200101-000000-dead"
    other.mkdir()
    (other / "session.json").write_text('{"schema_version": 1, "id": ')
    listed = run_cli("sessions", "list")
    assert listed.code == 0 and my_id in listed.out
    assert f"damaged: {other / 'session.json'}: corrupt session file (invalid JSON at line 1)" in listed.out


# --- answer files ---------------------------------------------------------------------------


def test_answer_files_are_all_checked_before_a_session_exists(run_cli, mockint_home, tmp_path):
    notes = tmp_path / "my answer.doc"  # neither audio nor a typed answer (.txt, .md)
    notes.write_text("Last year I cut our cloud bill by 30%.")
    good = load_samples()[0].path
    result = run_cli("practice", "--answers-from", str(good), str(notes), str(tmp_path / "missing.wav"), "--offline")
    assert result.code == 1, result
    assert result.err.count("\n") == 1
    assert "cannot use 2 of 3 answer files" in result.err
    assert f"{notes}: a document, not a typed answer (save it as plain text, .txt)" in result.err and f"{tmp_path / 'missing.wav'}: no such file" in result.err
    assert "typed answers (.txt, .md)" in result.err, "says what a typed answer must be"
    assert "/sessions/" not in result.err, "names the user's files, not copies"
    assert not (mockint_home / "sessions").exists()


def test_an_unknown_question_id_is_a_usage_error_with_a_suggestion(run_cli, mockint_home):
    sample = load_samples()[0]
    wrong = sample.question_id[:-1]
    result = run_cli("practice", "--answers-from", f"{wrong}={sample.path}", "--offline")
    assert result.code == 2, result
    assert f"no question '{wrong}' in the bank (did you mean '{sample.question_id}'?)" in result.err
    assert not (mockint_home / "sessions").exists()


@pytest.mark.slow
def test_each_answer_file_can_name_the_question_it_answers(run_cli, mockint_home, tmp_path):
    first, second = load_samples()[:2]
    # A file whose own name has '=' in it is still just a file.
    odd = tmp_path / "take=2.flac"
    shutil.copyfile(first.path, odd)
    result = run_cli(
        "practice", "--answers-from", f"{second.question_id}={first.path}", str(odd),
        f"{first.question_id}={second.path}", "--offline", "--seed", "5",
    )
    assert result.code == 0, result
    (path,) = _session_files(mockint_home)
    answers = json.loads(path.read_text())["rounds"][0]["answers"]
    assert [a["question"]["id"] for a in answers][0::2] == [second.question_id, first.question_id]
    assert answers[1]["question"]["id"] not in {first.question_id, second.question_id}
    assert [a["source_file"] for a in answers] == [str(first.path), str(odd), str(second.path)]
    assert f"answer file: {odd}" in result.out


@pytest.mark.slow
def test_answers_that_cannot_be_scored_exit_non_zero_without_a_useless_rescore_hint(run_cli, mockint_home, tmp_path):
    import numpy as np
    import soundfile

    silence = tmp_path / "silence.wav"
    soundfile.write(silence, np.zeros(16000 * 3, dtype=np.float32), 16000)
    result = run_cli("practice", "--answers-from", str(silence), "--offline")
    assert result.code == 1, result
    # Heard before the round starts: one line naming the file, and no session to re-score.
    assert "silence.wav: no speech in its 3.0 s" in result.err and result.err.count("\n") == 1
    assert "microphone" not in result.err
    assert "mockint score --session" not in result.out, "nothing there to re-score"
    assert not list((mockint_home / "sessions").glob("*/session.json"))


# --- practice --plan continues the planned session -------------------------------------------


@pytest.mark.slow
def test_practice_plan_is_the_next_round_of_the_session_that_planned_it(run_cli, mockint_home):
    store = SessionStore(mockint_home / "sessions")
    session = store.create(role=None)
    rnd = session.new_round("bank")
    rnd.answers.append(make_answer())
    sample = load_samples()[0]
    rnd.plan = [QuestionRef(id=sample.question_id, text="Tell me about a time you failed.", category="behavioral",
                            source="followup", targets="star.result")]
    store.save(session)
    result = run_cli("practice", "--plan", "--answers-from", str(sample.path), "--offline")
    assert result.code == 0, result
    assert [p.parent.name for p in _session_files(mockint_home)] == [session.id]
    rounds = store.load(session.id).rounds
    assert [r.index for r in rounds] == [1, 2] and rounds[1].answers[0].question.targets == "star.result"
    progress = json.loads(run_cli("report", "--progress", "--format", "json", "-o", "-").out)["progress"]
    assert [p["label"].split()[-1] for p in progress["points"]] == ["R1", "R2"]


def test_practice_plan_asks_the_plan_stored_last_though_a_newer_session_holds_none(run_cli, mockint_home, tmp_path):
    # A sales trial: `plan --session cce6` stored its plan in an older session, a stray round made a newer one
    # "latest", and `practice --plan` then filed six typed answers under that session's other questions.
    store = SessionStore(mockint_home / "sessions")
    planned = make_session(round_one(), session_id="20260101-090000-aaaa")  # weak on results: a plan to store
    stray = Session(id="20260102-090000-bbbb")
    for session in (planned, stray):
        store.folder(session.id).mkdir(parents=True)
    store.save(planned)
    stray.new_round("bank").answers.append(make_answer())
    store.save(stray)
    assert store.load("latest").id == stray.id
    result = run_cli("plan", "--session", planned.id, "--offline")
    assert result.code == 0, result
    stored = store.load(planned.id).rounds[-1]
    assert stored.plan and stored.planned_at is not None
    answer = tmp_path / "why.txt"
    answer.write_text("I want to lead because I have coached three new starters to target this year and I enjoyed it.")

    done = run_cli("practice", "--plan", "--answers-from", str(answer), "--offline", "--probes", "0")
    assert done.code == 0, done
    rounds = store.load(planned.id).rounds
    assert len(rounds) == 2 and rounds[1].kind == "files"
    assert rounds[1].answers[0].question.text == stored.plan[0].text  # the plan `plan` printed
    assert len(store.load(stray.id).rounds) == 1
    # asked once: the next --plan round no longer asks that stored plan
    assert store.planned() is None


def test_resume_takes_no_plan_and_no_answer_files(run_cli, mockint_home, tmp_path):
    answer = tmp_path / "a.txt"
    answer.write_text("I did it.")
    for extra in (["--plan"], ["--answers-from", str(answer)]):
        result = run_cli("practice", "--resume", "latest", *extra)
        assert result.code == 2 and "--resume continues a round as it was" in result.err, result


# --- damaged sessions -----------------------------------------------------------------------


def test_a_damaged_session_is_listed_with_its_reason_and_skipped_by_progress(run_cli, mockint_home):
    store = SessionStore(mockint_home / "sessions")
    good = store.create(role="Data engineer")
    good.new_round().answers.append(make_answer())
    store.save(good)
    newer = store.folder("29990101-000000-beef")
    newer.mkdir()
    (newer / "session.json").write_text('{"schema_version": 99, "id": "29990101-000000-beef"}')

    listed = run_cli("sessions", "list", "--json")
    assert listed.code == 0, listed
    rows = json.loads(listed.out)
    assert [(r["id"], r["status"]) for r in rows] == [(good.id, "ok"), ("29990101-000000-beef", "damaged")]
    assert rows[1]["path"] == str(newer / "session.json") and "newer mockint" in rows[1]["error"]

    progress = run_cli("report", "--progress", "--format", "json", "-o", "-")
    assert progress.code == 0, progress
    assert [p["session_id"] for p in json.loads(progress.out)["progress"]["points"]] == [good.id]
    assert f"warning: skipped damaged session {newer / 'session.json'}: session file written by a newer mockint" in progress.err


def test_sessions_list_keeps_whole_ids_at_80_columns(run_cli, mockint_home):
    store = SessionStore(mockint_home / "sessions")
    session = store.create(role="Senior data engineer, payments platform (EMEA)")
    store.save(session)
    result = run_cli("sessions", "list")
    assert result.code == 0 and max(len(line) for line in result.out.splitlines()) <= 80
    assert session.id in result.out


# --- the smaller things -----------------------------------------------------------------------


def test_without_mockint_home_sessions_go_where_the_readme_says(run_cli, monkeypatch, tmp_path):
    monkeypatch.delenv("MOCKINT_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    result = run_cli("config", "--json")
    assert result.code == 0, result
    paths = json.loads(result.out)["paths"]
    data = tmp_path / ".local/share/mockint"
    assert (paths["sessions_dir"], paths["ledger_file"], paths["demo_dir"]) == (
        str(data / "sessions"), str(data / "ledger.json"), str(data / "demo"))
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert "`~/.local/share/mockint/sessions`" in readme and "recordings/" not in readme


def test_a_connection_error_names_the_variable_the_user_set(run_cli, monkeypatch, tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text("Last year I cut our cloud bill by 30% by moving batch jobs to spot instances.")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens on port 9
    monkeypatch.setenv("MOCKINT_LLM_MAX_RETRIES", "0")
    result = run_cli("score", "--text", str(answer))
    assert result.code == 1, result
    assert "check OPENAI_BASE_URL)" in result.err and "MOCKINT_OPENAI_BASE_URL" not in result.err


def test_job_description_has_one_name_everywhere_and_help_shows_no_python_types(run_cli, tmp_path):
    jd = tmp_path / "jd.txt"
    jd.write_text("Data engineer: Airflow, dbt, Snowflake.")
    for flag in ("--job-description", "--jd"):
        result = run_cli("questions", "-n", "2", "--json", flag, str(jd))
        assert result.code == 0 and "Airflow" in json.loads(result.out)["keywords"], result
        result = run_cli("practice", "--offline", flag, str(tmp_path / "jd.md"))
        assert result.code == 1 and f"{tmp_path / 'jd.md'}: no such job description file" in result.err
    for command in ("practice", "questions", "score", "transcribe", "debrief"):
        options = run_cli(command, "--help").out.partition("Options:")[2]
        assert "list[" not in options and "<path>" not in options, command
    assert "--job-description, --jd FILE" in " ".join(run_cli("practice", "--help").out.split())


def test_the_readme_says_how_many_questions_the_bank_has():
    # two trials read "54 second-round questions" in the README and "5 of 56 questions" from `mockint questions`
    import re

    import yaml

    root = Path(__file__).resolve().parents[1]
    bank = yaml.safe_load((root / "rubrics" / "questions.yaml").read_text())["questions"]
    said = re.search(r"the bank \((\d+) second-round questions", (root / "README.md").read_text())
    assert said and int(said.group(1)) == len(bank)
