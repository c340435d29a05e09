"""`mockint score` and `mockint rubric test` through the real entry point."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from mockint.config import load_settings
from mockint.errors import LLMError
from mockint.records import QuestionRef, Transcript
from mockint.resources import resource_dir
from mockint.scoring.rubrics import load_rubrics
from mockint.session import Answer, SessionStore

STRONG = (
    "Last year at Acme I was the on-call lead when our checkout API started timing out for every "
    "customer. I was responsible for getting it back within the hour. I traced it to a missing index "
    "in Postgres, I added it and I wrote a runbook for the team. Latency went from 4 seconds to "
    "200 milliseconds and we had zero incidents after that. I learned to load-test schema changes."
)
WEAK = "I think I would just talk to people and try to make it better, I usually try to stay calm."


def _write(tmp_path: Path, text: str, name: str = "answer.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_score_text_json_shape(run_cli, tmp_path):
    res = run_cli("score", "--text", str(_write(tmp_path, STRONG)), "--question", "Tell me about an incident.", "--json")
    assert res.code == 0, res
    data = json.loads(res.out)
    assert set(data) == {"source", "question", "question_id", "bank_question", "question_kind", "transcript", "scorecard", "delivery", "notes"}
    # A question was given, and the answer is long enough to judge; its kind was guessed from its words.
    assert data["notes"] == ["Kind guessed from the question's wording: judged as behavioural (a real past example); "
                             "if that is wrong, name it with --kind (behavioural, motivation, situational, approach, technical)."]
    assert data["source"] == {"kind": "text", "path": str(tmp_path / "answer.txt")}
    card = data["scorecard"]
    assert card["scorer"] == "offline" and card["model"].startswith("build ")
    assert len(card["criteria"]) == 9 and card["band"] in {"strong", "solid", "developing", "weak"}
    result = next(c for c in card["criteria"] if c["rubric"] == "star" and c["criterion"] == "result")
    assert result["score"] >= 3 and result["max_score"] == 4
    assert all(STRONG.find(e["quote"].rstrip(".")) >= 0 for e in result["evidence"])
    assert data["delivery"] is None  # typed text has no word timings


def test_strong_text_outscores_weak_text(run_cli, tmp_path):
    strong = json.loads(run_cli("score", "--text", str(_write(tmp_path, STRONG, "s.txt")), "--json").out)
    weak = json.loads(run_cli("score", "--text", str(_write(tmp_path, WEAK, "w.txt")), "--json").out)
    assert strong["scorecard"]["overall"] > weak["scorecard"]["overall"] + 40


def test_human_output_names_the_scorer_and_overall(run_cli, tmp_path):
    res = run_cli("score", "--text", str(_write(tmp_path, STRONG)), "--offline")
    assert res.code == 0, res
    assert "offline scorer" in res.out
    assert "star.result" in res.out and "/4" in res.out
    assert "Overall" in res.out and "/100" in res.out


def test_a_rubric_counted_on_one_criterion_is_named_by_it_in_the_score_line(run_cli, tmp_path):
    # two trial users read "specificity 100" beside four specificity criteria shown n/a: it was relevance alone
    answer = _write(tmp_path, "like for like is where you compare this year's sales with the same stores last year, "
                              "leaving out new and closed stores, so I'd use it to rank the eight stores")
    res = run_cli("score", "--text", str(answer), "--question", "What do you understand by like-for-like sales?")
    assert res.code == 0, res
    shown = " ".join(res.out.split())
    line = shown[shown.index("Overall"):shown.index("offline scorer (")]
    assert "relevance" in line and "specificity" not in line and "technical" in line, line


@pytest.mark.parametrize(
    "args, message",
    [
        (("score",), "exactly one of AUDIO"),
        (("score", "--text", "/nonexistent/answer.txt"), "no such answer file"),
        (("score", "/nonexistent/answer.wav"), "no such file"),
        (("score", "--text", "x.txt", "--session", "latest"), "exactly one of AUDIO"),
    ],
)
def test_bad_input_is_one_line_error(run_cli, args, message):
    res = run_cli(*args)
    assert res.code != 0
    assert message in res.err and len(res.err.strip().splitlines()) == 1 and "Traceback" not in res.err


def test_without_a_question_one_dim_line_says_what_was_assumed(run_cli, tmp_path):
    res = run_cli("score", "--text", str(_write(tmp_path, STRONG)), "--offline")
    assert res.code == 0, res
    first = res.out.splitlines()[0]
    assert first == ("No --question: judged as behavioural (a real past example), and relevance is not judged; name the question with --question or "
                     "--question-id, or its kind with --kind (behavioural, motivation, situational, approach, technical).")
    given = run_cli("score", "--text", str(_write(tmp_path, STRONG)), "--offline", "-q", "Tell me about an incident.")
    assert "No --question" not in given.out and given.out.startswith("Q: Tell me about an incident.")
    assert "Kind guessed from the question's wording: judged as behavioural" in given.out  # a typed question's kind is a guess too
    data = json.loads(run_cli("score", "--text", str(_write(tmp_path, STRONG)), "--offline", "--json").out)
    assert data["question"] is None and data["notes"] == [first]


def test_a_one_word_answer_is_scored_with_a_note_that_it_is_too_short(run_cli, tmp_path):
    res = run_cli("score", "--text", str(_write(tmp_path, "yes\n")), "--offline", "-q", "Why do you want to work here?")
    assert res.code == 0, res
    assert "Note: Only 1 word: too short to judge fairly" in res.out and "Overall" in res.out
    long_enough = run_cli("score", "--text", str(_write(tmp_path, STRONG)), "--offline", "-q", "Why do you want to work here?")
    assert "too short" not in long_enough.out


def test_a_folder_or_binary_given_as_text_is_one_clear_error(run_cli, tmp_path):
    folder = run_cli("score", "--text", str(tmp_path))
    assert folder.code == 1 and folder.err.strip() == f"error: {tmp_path}: is a folder, not an answer file"
    # No NUL byte and valid UTF-8, but control characters no editor writes: binary all the same.
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(1, 32)) * 40 + b"abc")
    res = run_cli("score", "--text", str(binary), "--offline")
    assert res.code == 1 and res.out == "" and len(res.err.strip().splitlines()) == 1
    assert "not a text file" in res.err
    # A form feed or a tab in real text is still text.
    typed = _write(tmp_path, STRONG.replace(". ", ".\t", 2) + "\f\n")
    assert run_cli("score", "--text", str(typed), "--offline").code == 0


def test_a_text_file_given_as_audio_says_to_use_text(run_cli, tmp_path):
    res = run_cli("score", str(_write(tmp_path, STRONG, "ans.txt")), "--offline")
    assert res.code == 1 and len(res.err.strip().splitlines()) == 1
    assert "a text file, not audio" in res.err and f"mockint score --text {tmp_path / 'ans.txt'}" in res.err


def test_a_technical_answer_scored_offline_says_correctness_was_not_checked(run_cli, tmp_path):
    wrong = _write(tmp_path, "The GIL lets Python threads run in parallel across all cores, so CPU-bound work "
                             "scales with threads because each thread gets its own lock on every core.")
    res = run_cli("score", "--text", str(wrong), "--offline", "-q", "Explain how the GIL affects multithreaded Python code.")
    assert res.code == 0, res
    shown = " ".join(res.out.split())
    assert "Note: Correct and specific: offline scoring reads how specific and reasoned the answer is, not whether it is correct" in shown
    story = run_cli("score", "--text", str(_write(tmp_path, STRONG)), "--offline", "-q", "Tell me about an incident.")
    assert "not whether it is correct" not in story.out  # a STAR story has no facts of the trade to check


OFF_TOPIC = (
    "so in 2022 I was the shift lead at the Daventry warehouse and our pick rate was falling, about 90 lines an hour. "
    "I was responsible for the night shift. I reorganised the fast movers closer to dispatch, I retrained the four new "
    "pickers myself and I changed the slotting every Monday based on last week's orders. within two months we were at "
    "130 lines an hour and mis-picks went from 2 percent to half a percent."
)
CONFLICT = "Tell me about a time you had a conflict with a colleague. How did you resolve it?"


def test_an_answer_to_another_question_says_the_cap_and_shows_no_levels_as_its_reasons(run_cli, tmp_path):
    from mockint.scoring.rubrics import load_overall_formula

    gate = load_overall_formula().gates["specificity.relevance"]
    path = _write(tmp_path, OFF_TOPIC)
    card = json.loads(run_cli("score", "--text", str(path), "-q", CONFLICT, "--offline", "--json").out)["scorecard"]
    relevance = next(c for c in card["criteria"] if c["criterion"] == "relevance")
    assert relevance["score"] < gate.below and card["overall"] <= gate.overall_at_most and card["overall_capped"]
    held = [c for c in card["criteria"] if c["applies"] and c["criterion"] != "relevance"]
    assert held and all(c["held"] == gate.held for c in held)
    assert [tip.split(":")[0] for tip in card["improvements"]] == ["Relevance"]
    res = run_cli("score", "--text", str(path), "-q", CONFLICT, "--offline")
    shown = " ".join(res.out.split())
    assert f"Capped: {card['overall_capped']}" in shown
    assert res.out.count(" ".join(gate.held.split()[:3])) == len(held)  # the gate's words on every held row


def test_a_typed_question_shows_what_was_typed_and_the_bank_question_it_matched(run_cli, tmp_path):
    from mockint.coaching.questions import load_bank

    typed = "tell me about a time you failed"
    path = _write(tmp_path, STRONG)
    data = json.loads(run_cli("score", "--text", str(path), "-q", typed, "--offline", "--json").out)
    bank = load_bank().get(data["question_id"])
    assert bank is not None and bank.text != typed  # matched to a bank question worded otherwise
    assert data["question"] == typed and data["bank_question"] == bank.text
    res = run_cli("score", "--text", str(path), "-q", typed, "--offline")
    first = " ".join(res.out.split("┏")[0].split())
    assert first.startswith(f"Q: {typed} ") and bank.id in first and bank.text in first
    # Typed as the bank words it, or asked by id: the bank's words, and nothing to say about a match.
    for args in (("-q", bank.text.lower()), ("--question-id", bank.id)):
        data = json.loads(run_cli("score", "--text", str(path), *args, "--offline", "--json").out)
        assert data["bank_question"] is None and data["question_id"] == bank.id


def test_empty_text_is_one_line_error(run_cli, tmp_path):
    res = run_cli("score", "--text", str(_write(tmp_path, "  \n \n")))
    assert res.code != 0 and "the answer file is empty" in res.err and len(res.err.strip().splitlines()) == 1


def test_llm_scorer_without_endpoint_is_a_config_error(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("MOCKINT_SCORER", "llm")
    res = run_cli("score", "--text", str(_write(tmp_path, STRONG)))
    assert res.code == 2 and "no LLM endpoint" in res.err


# --- sessions ---------------------------------------------------------------------------


def _session(statuses: list[tuple[str, str | None]]):
    st = SessionStore(load_settings().paths.sessions_dir)
    session = st.create(role="engineer")
    rnd = session.new_round("text")
    for i, (status, text) in enumerate(statuses, 1):
        rnd.answers.append(
            Answer(
                id=f"a{i:02d}",
                question=QuestionRef(id=f"q{i}", text="Tell me about an incident you handled."),
                status=status,  # type: ignore[arg-type]
                error="LLM timed out" if status == "failed" else None,
                transcript=Transcript(text=text, duration=0.0) if text else None,
            )
        )
    st.save(session)
    return st, session.id


def test_session_rescoring_scores_transcribed_and_failed(run_cli):
    st, sid = _session([("transcribed", STRONG), ("failed", WEAK), ("recorded", None), ("failed", None)])
    res = run_cli("score", "--session", sid, "--offline", "--json")
    assert res.code == 0, res
    data = json.loads(res.out)
    assert [r["answer"] for r in data["scored"]] == ["a01", "a02"]
    assert data["skipped"] == ["a03", "a04"]
    saved = st.load(sid)
    a1, a2, a3, a4 = saved.answers
    assert (a1.status, a2.status, a3.status, a4.status) == ("scored", "scored", "recorded", "failed")
    assert a2.error is None and a1.scorecard.scorer == "offline"
    assert a1.scorecard.overall > a2.scorecard.overall
    # Already scored: nothing to do without --all; with --all it is re-scored.
    again = run_cli("score", "--session", sid, "--offline")
    assert again.code == 0 and "Nothing to score" in again.out
    before = st.load(sid).answers[0].scorecard.created_at
    res = run_cli("score", "--session", sid, "--offline", "--all", "--json")
    assert [r["answer"] for r in json.loads(res.out)["scored"]] == ["a01", "a02"]
    assert st.load(sid).answers[0].scorecard.created_at > before


def test_session_rescoring_judges_each_answer_on_its_question_criteria(run_cli, mockint_home):
    from mockint.coaching.questions import load_bank

    st = SessionStore(load_settings().paths.sessions_dir)
    session = st.create(role="Data engineer")
    why_here = load_bank().get("fit.why_here").ref()
    session.new_round("bank").answers.append(
        Answer(id="a01", question=why_here, status="transcribed", transcript=Transcript(text=WEAK, duration=0.0))
    )
    st.save(session)
    res = run_cli("score", "--session", session.id, "--offline", "--json")
    assert res.code == 0, res
    card = json.loads(res.out)["scored"][0]["scorecard"]
    applies = {f"{c['rubric']}.{c['criterion']}": c["applies"] for c in card["criteria"]}
    assert {k for k, v in applies.items() if v} == set(why_here.criteria)
    assert set(card["rubric_scores"]) == {"motivation", "specificity"}
    saved = st.load(session.id).answers[0].scorecard
    assert saved.criterion("star.result") is None and saved.overall == card["overall"]  # STAR is not even scored
    # The table shows the criteria of the scored rubrics that were not asked as n/a.
    res = run_cli("score", "--session", session.id, "--offline", "--all")
    asked_rubrics = {k.split(".")[0] for k in why_here.criteria}
    scored = sum(len(r.criteria) for r in load_rubrics() if r.id in asked_rubrics)
    assert res.code == 0 and res.out.count("n/a") == scored - len(why_here.criteria)


def test_a_typed_question_is_judged_on_its_kind_not_on_star(run_cli, tmp_path):
    from mockint.scoring.kinds import load_kinds

    for question, kind in [("Why do you want to work here?", "motivation"), ("so, um, why us?", "motivation"),
                           ("What would you do if a colleague took credit for your work?", "situational"),
                           ("Tell me about a time you failed.", "behavioural")]:
        res = run_cli("score", "--text", str(_write(tmp_path, WEAK)), "-q", question, "--offline", "--json")
        assert res.code == 0, res
        card = json.loads(res.out)["scorecard"]
        applied = {f"{c['rubric']}.{c['criterion']}" for c in card["criteria"] if c["applies"]}
        assert applied == set(load_kinds()[kind].criteria), question
        assert ("star" in card["rubric_scores"]) == (kind == "behavioural")
    # A bank question by id.
    res = run_cli("score", "--text", str(_write(tmp_path, WEAK)), "--question-id", "sit.behind_schedule", "--offline", "--json")
    assert res.code == 0, res
    assert set(json.loads(res.out)["scorecard"]["rubric_scores"]) == {"situational", "specificity"}
    res = run_cli("score", "--text", str(_write(tmp_path, WEAK)), "--question-id", "no.such", "--offline")
    assert res.code == 2 and "no.such" in res.err and "mockint questions" in res.err


def test_session_scoring_failure_keeps_transcript_and_marks_failed(run_cli, monkeypatch):
    st, sid = _session([("transcribed", STRONG)])

    class FailingScorer:
        name = "llm"

        def score(self, question, transcript, rubrics, *, kind=None):
            raise LLMError("endpoint returned 503 after 2 retries")

    import mockint.scoring

    real_get_scorer = mockint.scoring.get_scorer
    monkeypatch.setattr(mockint.scoring, "get_scorer", lambda settings, offline=False: FailingScorer())
    res = run_cli("score", "--session", sid)
    assert res.code != 0
    assert "1 of 1 answers failed to score" in res.err and "503" in res.err
    assert "Traceback" not in res.err
    answer = st.load(sid).answers[0]
    assert answer.status == "failed" and "503" in answer.error
    assert answer.transcript is not None and answer.transcript.text == STRONG
    # Later, with a working scorer, the same command recovers it.
    monkeypatch.setattr(mockint.scoring, "get_scorer", real_get_scorer)
    assert run_cli("score", "--session", sid, "--offline").code == 0
    assert st.load(sid).answers[0].status == "scored"


def test_question_with_session_is_rejected(run_cli):
    _st, sid = _session([("transcribed", STRONG)])
    res = run_cli("score", "--session", sid, "--question", "x")
    assert res.code != 0 and "--question cannot be used with --session" in res.err


# --- rubric test ------------------------------------------------------------------------


def test_rubric_test_passes_offline(run_cli):
    res = run_cli("rubric", "test", "--offline", "--json")
    assert res.code == 0, res
    data = json.loads(res.out)
    assert data["scorer"] == "offline" and data["drifts"] == [] and data["examples"] >= 8


def test_rubric_test_reports_drift_and_fails(run_cli, tmp_path, monkeypatch):
    """A coach edits a golden range the scorer cannot meet: the command names it and exits non-zero."""
    folder = tmp_path / "rubrics"
    folder.mkdir()
    star = yaml.safe_load((resource_dir("rubrics") / "star.yaml").read_text(encoding="utf-8"))
    hypothetical = next(g for g in star["golden"] if g["id"] == "hypothetical")
    hypothetical["expected"]["result"] = [4, 4]  # claims a hypothetical has a measured result
    (folder / "star.yaml").write_text(yaml.safe_dump(star), encoding="utf-8")
    shutil.copy(resource_dir("rubrics") / "overall.yaml", folder)  # the overall's formula lives beside the rubrics
    import mockint.scoring.rubrics

    monkeypatch.setattr(mockint.scoring.rubrics, "resource_dir", lambda name: folder)
    res = run_cli("rubric", "test", "star", "--offline")
    assert res.code != 0
    assert "DRIFT star/hypothetical: result scored 0, expected 4-4" in res.out
    assert "1 golden check(s) out of range" in res.err


def test_rubric_test_unknown_rubric(run_cli):
    res = run_cli("rubric", "test", "nope", "--offline")
    assert res.code != 0 and "unknown rubric 'nope'" in res.err


# --- audio (real Whisper) ------------------------------------------------------------------


@pytest.mark.slow
def test_score_audio_file_with_word_timestamps(run_cli, audio_dir):
    pytest.importorskip("mockint.speech.transcribe")
    res = run_cli("score", str(audio_dir / "fw_jfk.flac"), "--offline", "--json")
    assert res.code == 0, res
    data = json.loads(res.out)
    assert data["source"]["kind"] == "audio" and "country" in data["transcript"].lower()
    quotes = [e for c in data["scorecard"]["criteria"] for e in c["evidence"]]
    assert all(e["start"] is not None and e["end"] >= e["start"] for e in quotes)


def test_a_spoken_answer_shows_what_was_heard(run_cli, tmp_path, monkeypatch):
    # Trial 5: 'score WAV' printed the scores but not the transcript, so a mis-hearing ("I won acting Team
    # Leader" for "I was acting team leader") could only be seen by running 'transcribe' as well.
    from mockint.cli import score as score_cli

    heard = "Last winter I won acting Team Leader, and we were told the overtime budget was tight."
    monkeypatch.setattr(score_cli, "_transcribe", lambda path, cfg, keywords=None: Transcript(text=heard, duration=6.0))
    wav = tmp_path / "a16.wav"
    wav.write_bytes(b"RIFF")
    res = run_cli("score", str(wav), "--offline", "-q", "Tell me about a time you made an unpopular decision.")
    assert res.code == 0, res
    said = next(line for line in res.out.splitlines() if line.startswith("You said"))
    assert "(6 s)" in said and "I won acting Team" in res.out.split("criterion")[0]
    typed = tmp_path / "a16.txt"
    typed.write_text(heard)
    assert "You said" not in run_cli("score", "--text", str(typed), "--offline").out  # what was typed is known


class _HeardWith:
    """A transcriber that records the job terms it was given (no model is loaded)."""

    model_name = "fake"

    def __init__(self) -> None:
        self.keywords: list = []

    def transcribe_file(self, path, keywords=None):
        from mockint.records import Word

        self.keywords.append(keywords)
        words = [Word(word=w, start=i * 0.4, end=i * 0.4 + 0.3) for i, w in enumerate("HACCP means hazard analysis".split())]
        return Transcript(text="HACCP means hazard analysis and critical control points.", duration=3.0, words=words)


@pytest.mark.parametrize("terms", ["HACCP, EHO,hot holding", "Kubernetes,PostgreSQL", "Waterlow, NEWS2"])
def test_score_takes_job_terms_for_the_transcription_as_transcribe_does(run_cli, tmp_path, monkeypatch, terms):
    # Trial 6 (U2): 'transcribe --keywords' fixed "Hack this has an analysis" for HACCP, but 'score AUDIO' had no way
    # to pass the terms, so the mis-hearing was scored and quoted back.
    import mockint.speech.transcribe as speech

    fake = _HeardWith()
    monkeypatch.setattr(speech, "get_transcriber", lambda cfg: fake)
    wav = tmp_path / "a10.wav"
    wav.write_bytes(b"RIFF")
    expected = [t.strip() for t in terms.split(",")]
    res = run_cli("score", str(wav), "--offline", "-q", "What does HACCP mean?", "--keywords", terms)
    assert res.code == 0, res
    assert run_cli("transcribe", str(wav), "--keywords", terms).code == 0
    assert fake.keywords == [expected, expected]  # one parsing, the same terms for both commands
    typed = _write(tmp_path, "HACCP means hazard analysis.")
    refused = run_cli("score", "--text", str(typed), "--keywords", terms)
    assert refused.code == 2 and "AUDIO only" in refused.err


def test_a_typed_answer_says_how_long_it_would_take_to_say_and_the_fillers_written(run_cli, tmp_path):
    # Trial 10: a 346-word typed ramble with "um" and "you know" in it got no word on its length or fillers.
    ramble = ("um so basically, you know, I run the meeting with an agenda and, um, I keep it short. " * 30).strip()
    out = " ".join(run_cli("score", "--text", str(_write(tmp_path, ramble, "r.txt")), "--offline").out.split())
    words = len(ramble.split())
    assert f"{words} words is about {int(words / 140)}:" in out
    assert "at most 3:00" in out  # past three minutes said aloud: the long-answer note
    assert "120 fillers written (um ×60, basically ×30, you know ×30)" in out
    short = " ".join(run_cli("score", "--text", str(_write(tmp_path, STRONG, "s.txt")), "--offline").out.split())
    assert "0 fillers written" in short and "at most 3:00" not in short


def test_the_criteria_a_question_is_judged_on_come_before_those_it_does_not_ask_for(run_cli, tmp_path):
    """A trial's motivation card opened on four n/a rows (Quantified impact, Ownership, ...)."""
    answer = _write(tmp_path, "I want this role because your ward runs the new discharge lounge, and I set up ours last year.")
    rows = [line for line in run_cli("score", "--text", str(answer), "-q", "Why do you want to work here?").out.splitlines()
            if line.startswith("│ ") and "/4" in line or " n/a " in line]
    judged = [i for i, line in enumerate(rows) if "/4" in line]
    unasked = [i for i, line in enumerate(rows) if " n/a " in line]
    assert judged and unasked and max(judged) < min(unasked), rows


def test_a_knowledge_answer_scored_offline_says_its_band_holds_only_if_it_is_right(run_cli, tmp_path):
    # trial 23: a confidently wrong safeguarding answer read "80/100 · strong", with only "say why" to change
    wrong = ("so the DSL is the designated safeguarding lead and basically they deal with all the safeguarding, they "
             "investigate the abuse themselves and interview the alleged abuser, and the DSL has to be the headteacher "
             "that's the law, they don't need any extra training because it's part of the head's job, and records can "
             "be kept on paper in the staffroom so everyone can see them")
    story = STRONG
    shown = run_cli("score", "--text", str(_write(tmp_path, wrong)), "-q", "What is the role of the designated safeguarding lead?")
    assert shown.code == 0, shown
    text = " ".join(shown.out.split())
    assert ", if it is right: not checked offline" in text and "Have someone who knows the job check what you said" in text
    told = run_cli("score", "--text", str(_write(tmp_path, story)), "-q", "Tell me about an incident.")
    assert "not checked offline" not in " ".join(told.out.split())  # a story's levels are the cues' own reading
