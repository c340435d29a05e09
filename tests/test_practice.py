"""The practice pipeline end to end from audio files: `--answers-from`, failures, resume (the demo end to end:
test_first_hour.py)."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
import soundfile

from mockint.errors import LLMError
from mockint.samples import load_samples

pytestmark = pytest.mark.slow


def _session(home: Path) -> dict:
    (path,) = (home / "sessions").glob("*/session.json")
    return json.loads(path.read_text())


def test_answers_from_files_runs_the_same_pipeline(run_cli, mockint_home, audio_dir, tmp_path):
    jd = tmp_path / "jd.txt"
    jd.write_text("Senior engineer: Kubernetes, PostgreSQL migrations, on-call incident response, mentoring.")
    sample = load_samples()[0].path
    result = run_cli(
        "practice", "--answers-from", str(sample), str(audio_dir / "lh_libri_2412-153948-0000.flac"),
        "--job-description", str(jd), "--offline", "--seed", "1",
    )
    assert result.code == 0, result
    data = _session(mockint_home)
    assert "kubernetes" in [k.lower() for k in data["keywords"]]
    rnd = data["rounds"][0]
    assert rnd["kind"] == "files" and len(rnd["questions"]) == 2
    a1, a2 = rnd["answers"]
    assert a1["audio_path"] == "a01.flac" and a2["audio_path"] == "a02.flac"
    folder = mockint_home / "sessions" / data["id"]
    assert soundfile.info(folder / "a01.flac").duration > 20, "the answer audio is copied into the session"
    assert a1["status"] == a2["status"] == "scored"
    assert "reader will excuse me" in a2["transcript"]["text"].lower()
    assert a1["scorecard"]["overall"] > a2["scorecard"]["overall"], "a STAR story beats reading a novel aloud"


STRONG_TYPED = (
    "last spring our ward's discharge paperwork was a mess and I was responsible for fixing it. I rewrote the checklist, "
    "trained the twelve nurses on nights and audited ten discharges a week. at the next audit compliance went from "
    "sixty one percent to ninety two percent, and readmissions for missed medicines stopped.")


def test_typed_answers_run_the_same_pipeline_beside_spoken_ones(run_cli, mockint_home, audio_dir, tmp_path):
    # Trial 11: typed answers could only be scored one at a time, so they never reached the weak areas, plan or report
    typed = tmp_path / "discharge.txt"
    typed.write_text(STRONG_TYPED + "\n")
    vague = tmp_path / "vague.md"
    vague.write_text("we worked really hard as a team and it went well in the end.")
    result = run_cli("practice", "--answers-from", f"beh.initiative={typed}", str(vague),
                     str(audio_dir / "lh_libri_2412-153948-0000.flac"), "--offline", "--seed", "1")
    assert result.code == 0, result
    a1, a2, a3 = _session(mockint_home)["rounds"][0]["answers"]
    assert a1["transcript"]["text"] == " ".join(STRONG_TYPED.split()) and a1["question"]["id"] == "beh.initiative"
    assert a1["audio_path"] is None and a1["delivery"] is None and a1["source_file"] == str(typed)
    assert a1["status"] == a2["status"] == a3["status"] == "scored"
    assert a1["scorecard"]["overall"] > a2["scorecard"]["overall"] + 30
    assert "reader will excuse me" in a3["transcript"]["text"].lower()
    assert result.out.count("You said (") == 1, "what was heard is shown for the spoken answer only (trial 12: 'You said (0 s)')"
    folder = mockint_home / "sessions" / _session(mockint_home)["id"]
    assert "ninety two percent" in (folder / "report.md").read_text().replace("92%", "ninety two percent")


def test_a_weak_area_once_in_each_of_two_sessions_is_listed_as_repeated_with_both_answers(run_cli, mockint_home, tmp_path):
    # One question a day, thin on the result both times: "No weak area repeated" twice, and never a plan for it
    days = [
        ("Tell me about a time you fixed a recurring problem at work.",
         "so last spring our picking team kept missing the two pm cut off and I was the shift lead so it was on me to "
         "sort it out. I pulled the pick logs for three weeks and saw most late orders were in aisle twelve, so I moved "
         "the fast movers nearer the dispatch bay and split the pickers into two zones."),
        ("Tell me about a time you dealt with a customer complaint.",
         "a customer complained twice about damaged deliveries and I owned the complaint. I went through the drivers' "
         "photos and found the night shift wrapped pallets twice instead of four times, so I retrained the night "
         "wrappers myself and put a wrap count sheet on the machine."),
    ]
    outputs = []
    for day, (question, answer) in enumerate(days):
        typed = tmp_path / f"day{day}.txt"
        typed.write_text(answer + "\n")
        result = run_cli("practice", "--my-question", question, "--answers-from", str(typed), "--offline")
        assert result.code == 0, result
        outputs.append(" ".join(result.out.split()))
    assert "No weak area repeated" in outputs[0]
    assert "Repeated weak areas" in outputs[1] and "Result: weak in 2 answers" in outputs[1], outputs[1]

    # Fixed on two new questions, then one slip: improving, said as such, with what passed
    for day, question in enumerate(("Tell me about a time you improved a process.", "Tell me about a time you led a change.")):
        typed = tmp_path / f"strong{day}.txt"
        typed.write_text(STRONG_TYPED + "\n")
        assert run_cli("practice", "--my-question", question, "--answers-from", str(typed), "--offline").code == 0
    typed = tmp_path / "slip.txt"
    typed.write_text(days[0][1] + "\n")
    slipped = " ".join(run_cli("practice", "--my-question", "Tell me about a time you solved a problem for a customer.",
                               "--answers-from", str(typed), "--offline").out.split())
    assert "Result (improving): weak in 3 answers" in slipped and "passed in 2" in slipped, slipped


@pytest.mark.parametrize("name, content, said", [
    ("empty.txt", "  \n", "empty.txt: the answer file is empty"),
    ("binary.txt", b"\xff\xfe\x00\x81 not text", "binary.txt: not UTF-16 text (its byte-order mark says so"),
    ("missing.md", None, "missing.md: no such answer file"),
    ("answers.docx", b"PK\x03\x04\x00\x00word", "answers.docx: a document, not a typed answer (save it as plain text, .txt)"),
])
def test_an_unusable_typed_answer_stops_the_round_before_it_starts(run_cli, mockint_home, tmp_path, name, content, said):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    result = run_cli("practice", "--answers-from", str(path), "--offline")
    assert result.code == 1 and said in result.err and result.err.count("\n") == 1 and "Traceback" not in result.err
    assert not (mockint_home / "sessions").exists() or not list((mockint_home / "sessions").glob("*/session.json"))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_practice_round_reads_a_typed_answer_as_score_does(run_cli, mockint_home, tmp_path, encoding):
    """A typed answer saved by Notepad (UTF-16 or UTF-8 with a byte-order mark) is read by a practice round as
    `mockint score --text` reads it (the round once refused what score read), its "Q:" line not taken as the answer."""
    import json

    path = tmp_path / "answer.txt"
    path.write_bytes(("Q: Tell me about a time you improved a process.\n\n" + STRONG_TYPED + "\n").encode(encoding))
    scored = run_cli("score", "--text", str(path), "--offline", "--json")
    assert scored.code == 0, scored.err
    result = run_cli("practice", "--my-question", "Tell me about a time you improved a process.",
                     "--answers-from", str(path), "--offline")
    assert result.code == 0, result.err
    (session_file,) = (mockint_home / "sessions").glob("*/session.json")
    (answer,) = json.loads(session_file.read_text())["rounds"][0]["answers"]
    assert answer["transcript"]["text"] == " ".join(STRONG_TYPED.split())
    assert answer["scorecard"]["overall"] == json.loads(scored.out)["scorecard"]["overall"]


def test_a_failed_llm_call_keeps_the_transcript_and_the_offline_card_and_says_why(mockint_home, audio_dir):
    from mockint.config import load_settings
    from mockint.practice import Practice, PracticeEvents, PracticeOptions
    from mockint.session import SessionStore

    class DownScorer:
        name = "llm"

        def score(self, question, transcript, rubrics, *, kind=None):
            raise LLMError("the endpoint timed out after 60 s")

    cfg = load_settings()
    events = PracticeEvents()
    store = SessionStore(cfg.paths.sessions_dir)
    practice = Practice(cfg, store, events=events, scorer=DownScorer())
    options = PracticeOptions(answers_from=[audio_dir / "fw_jfk.flac"], think_seconds=0, write_report=False)
    session = practice.start(options)
    summary = practice.run(session, options)
    (answer,) = store.load(session.id).answers
    # The LLM scores in the background: its failure leaves the offline card shown, with the reason.
    assert answer.status == "scored" and answer.scorecard.scorer == "offline"
    assert answer.llm_state == "failed" and "timed out" in answer.llm_error
    assert "ask not what your country" in answer.transcript.text.lower()
    assert answer.delivery is not None and "transcript_ready" in answer.latency
    assert summary.llm_failed == [summary.answers[0]] and summary.failed == []


def test_resume_repairs_a_cut_off_recording_and_finishes_it(run_cli, mockint_home, audio_dir):
    """A session killed mid-answer (status recorded, WAV header never finalised) is completed."""
    from mockint.config import load_settings
    from mockint.records import QuestionRef
    from mockint.session import Answer, SessionStore
    from mockint.speech.decode import load_audio

    store = SessionStore(load_settings().paths.sessions_dir)
    session = store.create(role=None)
    rnd = session.new_round("bank")
    question = QuestionRef(id="beh.failure", text="Tell me about a time you failed.", category="behavioral")
    rnd.questions = [question]
    rnd.answers.append(Answer(id="a01", question=question, audio_path="a01.wav", status="recorded"))
    store.save(session)
    wav = store.folder(session.id) / "a01.wav"
    soundfile.write(wav, load_audio(audio_dir / "lh_libri_2412-153948-0000.flac"), 16000, subtype="PCM_16")
    raw = bytearray(wav.read_bytes())
    raw[4:8] = struct.pack("<I", 36)
    raw[40:44] = struct.pack("<I", 0)  # sizes as written before the first sample
    wav.write_bytes(bytes(raw))

    result = run_cli("practice", "--resume", session.id[:10], "--offline")
    assert result.code == 0, result
    assert "recovered 11.7 s" in result.out
    (answer,) = store.load(session.id).answers
    assert answer.status == "scored" and len(answer.transcript.words) > 20
    assert soundfile.info(wav).frames == struct.unpack("<I", wav.read_bytes()[40:44])[0] // 2


def test_missing_answer_file_is_one_line(run_cli, mockint_home, tmp_path):
    result = run_cli("practice", "--answers-from", str(tmp_path / "nope.wav"))
    assert result.code != 0 and "nope.wav: no such file" in result.err
    assert not (mockint_home / "sessions").exists() or not list((mockint_home / "sessions").glob("*/session.json"))



@pytest.mark.parametrize("count, said", [(1, "(1 question)"), (2, "(2 questions)")])
def test_the_session_line_counts_its_questions_in_words(capsys, count, said):
    from mockint.cli.practice import ConsoleEvents
    from mockint.records import QuestionRef
    from mockint.session import Session

    session = Session(id="20261202-072400-abcd")
    session.new_round("bank").questions.extend(QuestionRef(id=f"q{i}", text=f"Question {i}?") for i in range(count))
    ConsoleEvents(None, interactive=False).on_session(session, resumed=False)
    assert said in capsys.readouterr().out


def test_the_category_is_accepted_as_the_cards_spell_it(run_cli, mockint_home, tmp_path):
    # an HR partner's trial: "--category behavioural" was refused ("did you mean 'behavioral'?") by a tool that prints
    # "judged as behavioural" on every card
    typed = tmp_path / "a.txt"
    typed.write_text("last year I led the move of our payroll to a new system and it went live on time for 400 staff.\n")
    result = run_cli("practice", "--category", "behavioural", "-n", "1", "--probes", "0", "--answers-from", str(typed))
    assert result.code == 0, result
    assert _session(mockint_home)["rounds"][0]["answers"][0]["question"]["category"] == "behavioral"


def test_a_question_count_that_disagrees_with_the_answer_files_is_a_usage_mistake(run_cli, mockint_home, tmp_path):
    # a nurse's "-n 1" with two typed answers asked two questions without a word
    files = []
    for i in range(2):
        files.append(tmp_path / f"a{i}.txt")
        files[-1].write_text("last year I led the move of our payroll to a new system and it went live on time.\n")
    result = run_cli("practice", "-n", "1", "--answers-from", *map(str, files))
    assert result.code == 2 and "-n 1 but 2 answer files" in result.err and result.err.count("\n") == 1, result
    assert not (mockint_home / "sessions").exists() or not list((mockint_home / "sessions").glob("*/session.json"))


# An arena manager's 510-word budget story (trial 76): strong on every criterion, and about 3:39 said.
LONG_STRONG_TYPED = (
    "In 2023 our stewarding budget for the year was £640,000, and by the end of the summer we were forecasting an "
    "overspend of about £85,000. It was my budget, so it was my problem to fix without cutting safety. The cause was "
    "mainly that promoters had added dates at short notice, and our contractor charged a premium rate of about 20 "
    "percent for bookings inside 14 days. So, first I went through every event since April line by line with the "
    "contractor's account manager, and I matched the deployment against the risk assessment for each show. What I "
    "found was that on smaller shows we were over-deploying, sometimes by 15 or 20 stewards, because the supervisors "
    "were copying the previous show's deployment plan rather than working it out from the capacity and the layout. So "
    "I rewrote the deployment matrix so the numbers came from capacity, the layout and the risk level, and I made the "
    "head steward sign it off. Second, I negotiated with the contractor: I agreed to give them the provisional diary "
    "eight weeks ahead instead of four, and in return they dropped the short-notice premium for any date we had "
    "pencilled in. That needed the programming team to share the holds earlier, which took a couple of conversations "
    "with the head of programming, who was nervous about promoters' confidentiality, and we agreed we'd only share "
    "dates and capacities, not the acts. Third, for the promoter-added dates, I worked with finance to make sure the "
    "stewarding cost was recharged in the event settlement where the contract allowed it, which it did in about half "
    "the cases, and we changed the standard hire agreement for the following year so it always does. And fourth, I "
    "looked at the permanent team's overtime, which was part of the same cost line, and moved two of the duty manager "
    "shifts so that we didn't have two managers on double time on the same nights. We also reviewed whether we could "
    "use our own casual staff for some of the non-SIA roles like pass checking and car park marshalling, and we "
    "trialled that on six events with a mixed result, because the training time was more than we expected and the "
    "casual staff turnover was high. So we kept that for car parks only. By March we finished the year £12,000 over "
    "budget instead of £85,000, with no change in the incident rate or in the SAG's view of our deployments, and the "
    "recharges alone brought back about £38,000. The next year we came in £20,000 under. What I learned was that the "
    "budget problem was really a planning problem, and fixing the information flow with programming mattered more "
    "than arguing about the rate card. I also learned to look at the deployment plans myself every month rather than "
    "trusting that the numbers were right because they had always been that way, and I now do a monthly review of "
    "deployment against the risk assessments with the head steward, which takes about an hour and has paid for itself "
    "many times over.")


def test_a_long_typed_answer_says_its_length_on_its_card(run_cli, mockint_home, tmp_path):
    """ "Overall 100/100 · strong ... Most worth changing: nothing major" on the card, and "Answer length: weak in 2 answers
    (a18 510 typed words, about 3:39 said)" in the same round's summary; a practice round's card said nothing of a typed
    answer's length at all. Its twin, the same story cut short, keeps "nothing major"."""
    question = "Tell me about a time you brought a budget back under control."
    long, short = tmp_path / "long.txt", tmp_path / "short.txt"
    long.write_text(LONG_STRONG_TYPED + "\n")
    short.write_text(LONG_STRONG_TYPED.split(" Third,")[0] + " By March we finished the year £12,000 over budget instead "
                     "of £85,000, and the recharges brought back about £38,000.\n")
    for command in (("score", "--text", str(long), "--question", question),
                    ("practice", "--my-question", question, "--answers-from", str(long), "--offline", "--probes", "0")):
        said = " ".join(run_cli(*command).out.split())
        assert "Most worth changing: its length, about 3:" in said and "nothing major" not in said, said
        assert "Delivery: typed" in said and "(aim for about 2:00, at most 3:00)" in said, said
    said = " ".join(run_cli("score", "--text", str(short), "--question", question).out.split())
    assert "its length" not in said and "Delivery: typed" in said, said
