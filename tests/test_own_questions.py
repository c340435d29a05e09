"""Your own questions in a practice round (`practice --my-question`, `--mine`, `--questions-file`, the page's
"my own questions"): asked first and in order, judged on their kind's criteria as `score -q` judges a
typed question, stored with their text, probed like any other; a bad questions file or an empty
question is one line and exit 2.

The answers come from an audio file with an injected transcriber that "says" the test's words:
transcription is not what is tested."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import timed_transcript

from mockint.coaching.own_questions import OwnQuestion, gather, load_own_questions, own_questions_path, own_refs
from mockint.coaching.questions import load_bank
from mockint.config import load_settings
from mockint.errors import ConfigError, UsageError
from mockint.practice import AnswerFile, Practice, PracticeEvents, PracticeOptions
from mockint.session import SessionStore

CLIP = "fw_jfk.flac"
MOTIVATION_Q = "Why do you want to be Head of Science at Hartfield Academy in particular?"
SITUATIONAL_Q = "A parent rings to say their child is being bullied in your lessons. What would you do?"
MOTIVATION_A = (
    "I want this role because Hartfield's science results rose two years running and your trust is putting "
    "money into practical work, which is what I have built at my school: I set up our required practicals "
    "programme and our physics results went from 38 to 51 percent. I want to lead a department that values that."
)
SITUATIONAL_A = (
    "First I would listen to the parent and thank them for telling me, then log it on CPOMS the same day and "
    "pass it to the designated safeguarding lead. I would speak to the child privately, check the seating plan "
    "and talk to the students named, and I would call the parent back within 24 hours to say what we had done."
)
VAGUE_A = "I would sort it out and make sure everyone is happy, because communication is really important to me."


class SaysTheseWords:
    """Each answer file 'says' the next of `texts`."""

    def __init__(self, *texts: str) -> None:
        self.texts = list(texts)

    def transcribe(self, samples, keywords=None):
        return timed_transcript(self.texts.pop(0), speech=True)


class Asked(PracticeEvents):
    def __init__(self) -> None:
        self.questions: list[tuple[int, str]] = []
        self.warnings: list[str] = []

    def on_question(self, number, total, question):
        self.questions.append((number, question.text))

    def on_warning(self, message):
        self.warnings.append(message)


def run_round(audio_dir: Path, own: list[OwnQuestion], answers: list[str], files: list[AnswerFile] | None = None, **options):
    settings = load_settings()
    store = SessionStore(settings.paths.sessions_dir)
    events = Asked()
    practice = Practice(settings, store, events=events, transcriber=SaysTheseWords(*answers))
    files = files if files is not None else [AnswerFile(audio_dir / CLIP) for _ in answers]
    options = {"think_seconds": 0, "offline": True, "probes": 0, **options}
    opts = PracticeOptions(answers_from=files, own_questions=own, **options)
    session = practice.start(opts)
    practice.run(session, opts)
    return store, store.load(session.id), events


def judged_on(answer) -> set[str]:
    return {c.key for c in answer.scorecard.criteria if c.applies}


def test_an_own_motivation_question_is_judged_on_motivation_not_on_a_star_story(audio_dir):
    _, session, _ = run_round(audio_dir, [OwnQuestion(text=MOTIVATION_Q)], [MOTIVATION_A], write_report=False)
    (answer,) = session.answers
    assert answer.question.text == MOTIVATION_Q and answer.question.kind == "motivation"
    assert answer.status == "scored"
    assert "motivation.specific_reasons" in judged_on(answer)
    assert not any(key.startswith("star.") for key in judged_on(answer)), judged_on(answer)


def test_an_own_situational_question_is_asked_in_its_words_judged_as_situational_and_reported(audio_dir):
    store, session, events = run_round(audio_dir, [OwnQuestion(text=SITUATIONAL_Q)], [SITUATIONAL_A])
    (answer,) = session.answers
    assert events.questions == [(1, SITUATIONAL_Q)], "asked in the user's own words"
    assert answer.question.kind == "situational" and answer.question.source == "custom"
    assert answer.question.id.startswith("own.") and answer.question.id != "custom"
    assert judged_on(answer) == {"situational.plan", "situational.judgement", "specificity.relevance"}
    assert SITUATIONAL_Q in (store.folder(session.id) / "report.md").read_text()
    ledger = json.loads(load_settings().paths.ledger_file.read_text())
    assert any(q["text"] == SITUATIONAL_Q for q in ledger["asked"]), "the ledger knows it was asked"


def test_a_kind_the_file_names_replaces_the_guess(audio_dir, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(f"questions:\n  - text: {MOTIVATION_Q}\n    kind: technical\n  - {SITUATIONAL_Q}\n")
    first, second = own_refs(load_own_questions(path, load_bank()), load_bank())
    assert (first.kind, second.kind) == ("technical", "situational")
    assert "the kind you gave it" in first.rationale and "the kind its words ask for" in second.rationale


def test_own_questions_come_first_in_order_and_the_bank_fills_the_rest_without_repeating_them(audio_dir):
    own = [OwnQuestion(text=SITUATIONAL_Q), OwnQuestion(text="Why do you want to work here?")]
    _, session, _ = run_round(audio_dir, own, [SITUATIONAL_A, MOTIVATION_A, MOTIVATION_A], write_report=False, seed=3)
    texts = [a.question.text for a in session.answers]
    assert texts[:2] == [SITUATIONAL_Q, "Why do you want to work here?"]
    # The second is the bank's own question reworded (here: word for word): it keeps the bank's id,
    # so the bank does not ask it again.
    assert session.answers[1].question.id == "fit.why_here"
    assert session.answers[2].question.source == "bank" and session.answers[2].question.id != "fit.why_here"


def test_without_questions_a_round_is_just_yours_and_with_fewer_the_first_ones(audio_dir):
    own = [OwnQuestion(text=SITUATIONAL_Q), OwnQuestion(text=MOTIVATION_Q)]
    settings = load_settings()
    practice = Practice(settings, SessionStore(settings.paths.sessions_dir), events=(events := Asked()), stream_factory=object)
    session = practice.start(PracticeOptions(own_questions=own))
    assert [q.text for q in session.rounds[-1].questions] == [SITUATIONAL_Q, MOTIVATION_Q]
    session = practice.start(PracticeOptions(own_questions=own, questions=1))
    assert [q.text for q in session.rounds[-1].questions] == [SITUATIONAL_Q]
    assert events.warnings == ["asking only the first of your 2 questions (--questions 1); the rest are left out"]


def test_the_warning_says_how_many_of_your_questions_the_answer_files_leave_room_for(audio_dir):
    """Answer files that all name a bank question leave no room: "asking the first 0 of your 1 questions" said
    one was asked."""
    settings = load_settings()
    practice = Practice(settings, SessionStore(settings.paths.sessions_dir), events=(events := Asked()))
    named, unnamed = AnswerFile(audio_dir / CLIP, "fit.why_here"), AnswerFile(audio_dir / CLIP)
    session = practice.start(PracticeOptions(own_questions=[OwnQuestion(text=SITUATIONAL_Q)], answers_from=[named]))
    assert [q.id for q in session.rounds[-1].questions] == ["fit.why_here"]
    assert events.warnings == ["your question is not asked: every answer file names a bank question (ID=FILE)"]
    own = [OwnQuestion(text=SITUATIONAL_Q), OwnQuestion(text=MOTIVATION_Q), OwnQuestion(text="What is your biggest weakness?")]
    for files, warning in (
        ([named], "your 3 questions are not asked: every answer file names a bank question (ID=FILE)"),
        ([named, unnamed], "asking only the first of your 3 questions (only 1 answer file names no question); "
                           "the rest are left out"),
        ([unnamed, named, unnamed], "asking only the first 2 of your 3 questions (only 2 answer files name no question); "
                                    "the rest are left out"),
    ):
        events.warnings.clear()
        session = practice.start(PracticeOptions(own_questions=own, answers_from=files))
        yours = [q.text for q in session.rounds[-1].questions if q.id != "fit.why_here"]
        assert yours == [SITUATIONAL_Q, MOTIVATION_Q][:len(files) - 1]
        assert events.warnings == [warning]
    events.warnings.clear()
    practice.start(PracticeOptions(own_questions=own[:2], answers_from=[unnamed, named, unnamed]))
    assert events.warnings == [], "room for all of them: no warning"


def test_a_weak_answer_to_an_own_question_is_probed_and_the_reply_judged_on_that_question(audio_dir):
    files = [AnswerFile(audio_dir / CLIP), AnswerFile(audio_dir / CLIP, "probe")]
    _, session, events = run_round(audio_dir, [OwnQuestion(text=SITUATIONAL_Q)], [VAGUE_A, SITUATIONAL_A], files, probes=1,
                                   write_report=False)
    first, reply = session.answers
    assert reply.probe_of == first.id and reply.question.text != SITUATIONAL_Q, "a follow-up was asked"
    assert reply.status == "scored"
    assert judged_on(reply) <= {"situational.plan", "situational.judgement", "specificity.relevance"}


def test_the_page_takes_own_questions_one_a_line_with_the_questions_file_first(tmp_path):
    from mockint.web.bridge import options_from_page

    own_questions_path().parent.mkdir(parents=True, exist_ok=True)
    own_questions_path().write_text(f"- {MOTIVATION_Q}\n")
    options = options_from_page(load_settings(), {"mode": "own", "own_questions": f"\n{SITUATIONAL_Q}\n\n", "mine": True})
    assert [q.text for q in options.own_questions] == [MOTIVATION_Q, SITUATIONAL_Q] and options.questions is None
    with pytest.raises(UsageError, match="asked twice"):
        options_from_page(load_settings(), {"mode": "own", "own_questions": MOTIVATION_Q, "mine": True})


@pytest.mark.parametrize(
    "content, said",
    [
        ("questions: [unclosed\n", "not valid YAML at line"),
        ("questions: []\n", "no questions in it"),
        ("questions:\n  - text: Why here?\n    knd: motivation\n", "question 1: knd"),
        ("questions:\n  - text: Why here?\n    kind: motivational\n", "question 1: unknown kind 'motivational'"),
        ("- Why here?\n- why here\n", "question 2: \"why here\" is asked twice (also question 1)"),
        ("- 12\n", "question 1: 12 is not a question"),
    ],
)
def test_a_bad_questions_file_is_one_line_naming_it_and_exit_2(run_cli, mockint_home, content, said):
    path = own_questions_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    result = run_cli("practice", "--mine", "--offline")
    assert result.code == 2, result
    assert said in result.err and str(path) in result.err and len(result.err.strip().splitlines()) == 1, result.err
    assert not (mockint_home / "sessions").exists(), "no session is created"
    with pytest.raises(ConfigError):
        load_own_questions(path, load_bank())


@pytest.mark.parametrize(
    "args, said",
    [
        (["--my-question", ""], "--my-question: an empty question"),
        (["--my-question", "   "], "--my-question: an empty question"),
        (["--ask", ""], "--ask: an empty question"),  # its name until stop 24, still working
        (["--my-question", "Why here?", "--ask", ""], "--ask: an empty question"),  # the flag typed, not the other
        (["--ask", "Why here?", "--my-question", "why here"], '--my-question: "why here" is asked twice (also --ask)'),
        (["--questions-file", "nope.yaml"], "nope.yaml: no questions file there"),
        (["--mine"], "my_questions.yaml: no questions file there"),
        (["--my-question", "Why here?", "--my-question", "why here"], "asked twice"),
        (["--my-question", "Why here?", "--ask", "why here"], "asked twice"),
        (["--my-question", "Why here?", "--plan"], "cannot be asked with --plan"),
        (["--my-question", "Why here?", "--resume", "latest"], "a resumed round keeps its own questions: --my-question,"),
        (["--ask", "Why here?", "--resume", "latest"], "a resumed round keeps its own questions: --ask,"),
    ],
)
def test_an_empty_or_impossible_own_question_is_a_usage_error(run_cli, args, said):
    result = run_cli("practice", *args, "--offline")
    assert result.code == 2, result
    assert said in result.err and len(result.err.strip().splitlines()) == 1, result.err


@pytest.mark.parametrize("args", [
    ["--ask", "First?", "--my-question", "Second?"],
    ["--my-question", "First?", "--ask", "Second?", "--offline"],
    ["--my-question", "First?", "--ask", "Second?", "--my-question", "Third?"],
])
def test_own_questions_are_asked_in_command_line_order_whichever_spelling(run_cli, monkeypatch, args):
    # `--ask First? --my-question Second?` asked Second then First, where the README says "in the order given"
    asked: list[list[str]] = []

    def options_seen(cls, cfg, **options):
        asked.append([q.text for q in options["own_questions"]])
        raise SystemExit(0)  # the round itself is not the point

    monkeypatch.setattr(PracticeOptions, "from_settings", classmethod(options_seen))
    result = run_cli("practice", *args)
    assert result.code == 0, result
    assert asked == [[a for a in args if a.endswith("?")]]


def test_gather_puts_the_file_first_and_names_a_clash_with_the_file(tmp_path):
    path = tmp_path / "q.yaml"
    path.write_text(f"questions:\n  - {MOTIVATION_Q}\n")
    assert [q.text for q in gather([SITUATIONAL_Q], path, load_bank())] == [MOTIVATION_Q, SITUATIONAL_Q]
    with pytest.raises(UsageError, match=f"also question 1 of {path}"):
        gather([MOTIVATION_Q], path, load_bank())


def test_questions_mine_says_how_each_of_your_questions_will_be_judged(run_cli):
    path = own_questions_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"- {MOTIVATION_Q}\n- text: {SITUATIONAL_Q}\n  kind: approach\n")
    result = run_cli("questions", "--mine", "--json")
    assert result.code == 0, result
    assert [(q["text"], q["kind"]) for q in json.loads(result.out)] == [(MOTIVATION_Q, "motivation"), (SITUATIONAL_Q, "approach")]


def test_questions_mine_names_the_bank_question_a_question_rewords_and_no_other(run_cli):
    path = own_questions_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"- Why do you want to work here?\n- {SITUATIONAL_Q}\n- why do you want to work here, then?\n")
    result = run_cli("questions", "--mine")
    assert result.code == 0, result
    shown = " ".join(result.out.split())
    # the second rewording of fit.why_here gets an own id (own_refs): it is not shown as the bank's
    assert shown.count("(bank ") == 1 and "fit.why_here" in shown, shown


def test_practice_help_names_your_own_question_so_it_is_not_read_as_questions_to_ask(run_cli):
    shown = " ".join(run_cli("practice", "--help").out.split())
    assert "--my-question QUESTION your own question" in shown and "--ask " not in shown, shown


def test_your_own_question_is_headed_with_the_kind_it_is_judged_as(run_cli, mockint_home, tmp_path):
    # trial 13: "Question 13/17 · custom" over a card judged as an approach answer
    typed = tmp_path / "diary.txt"
    typed.write_text("I write my site diary every afternoon at four on the site app: weather, labour, plant, deliveries, "
                     "and any instruction from the client, with photos. Last March that record settled a delay claim.\n")
    result = run_cli("practice", "--my-question", "How do you keep a site diary?", "--answers-from", str(typed),
                     "--offline", "--probes", "0")
    assert result.code == 0, result
    assert "· approach" in result.out and "· custom" not in result.out, result.out
