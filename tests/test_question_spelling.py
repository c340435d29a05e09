"""A typed question's typos (mockint/scoring/spelling.py): its misspelt words are read as the words they are closest
to before its kind, concepts, topics and safety reading read it, and no correctly spelt word, name or figure changes.

A supermarket store manager's trial: "disagred ... decison" let an off-topic story score 87 (20 spelt right), "Waht
would you do if..." read as a story and lost the food-safety cover-up's warning, "Why do you wnat to work for us?" read
as a story question. The questions below are written for this file, in several occupations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from mockint.coaching.questions import load_bank, question_ref
from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.kinds import classify
from mockint.scoring.offline import OfflineScorer
from mockint.scoring.rubrics import load_rubrics
from mockint.scoring.spelling import read_question

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "scoring_corpus.yaml"

TYPOS = [
    ("Tell me about a time you disagred with your area managers decison.",
     "Tell me about a time you disagreed with your area managers decision."),
    ("Waht would you do if a resident told you a carer had skipped her medication?",
     "What would you do if a resident told you a carer had skipped her medication?"),
    ("Why do you wnat to teach at this school?", "Why do you want to teach at this school?"),
    ("How would you handle a complaint from a paitent's relative?", "How would you handle a complaint from a patient's relative?"),
    ("Descibe a situation where you had to make a dicision quickly on site.",
     "Describe a situation where you had to make a decision quickly on site."),
    ("How wuold you handle a conflcit between two drivers on the same route?",
     "How would you handle a conflict between two drivers on the same route?"),
    ("Tell me about a tiem you gave feedback to a colleauge in the kitchen.",
     "Tell me about a time you gave feedback to a colleague in the kitchen."),
]


@pytest.mark.parametrize(("typed", "read"), TYPOS)
def test_a_typo_reads_as_the_word_it_is_closest_to(typed, read):
    assert read_question(typed).text == read
    assert question_ref(typed).text == read or question_ref(typed).source == "bank"


# Spelt right, or not words a vocabulary knows and not typos: names, figures, acronyms, trade terms, British spellings.
KEPT = [
    "Tell me about a time you worked with Priya on the HbA1c audit.",
    "Priya asked you to cover the rota on Saturday. What would you do?",
    "Describe how you use COSHH and HACCP checks in the kitchen.",
    "How do you keep RevPAR up in January when occupancy drops?",
    "How do you plan replen and planogram changes overnight?",
    "What would you do if a patient's sats dropped after a bolus?",
    "Tell me about a time you trialled a new labelling routine for leavers' admin.",
    "How would you review the ePCR audit for the last 30 days?",
]


@pytest.mark.parametrize("question", KEPT)
def test_names_figures_and_trade_words_are_never_read_again(question):
    assert read_question(question).text == question


def test_no_bank_dev_or_test_question_reads_differently():
    """The dev split's questions only: the test split is locked."""
    import tests.test_question_kinds as kinds_tests

    dev = {it["question"] for it in yaml.safe_load(CORPUS.read_text(encoding="utf-8")) if it["split"] == "dev"}
    listed = [args[0] if isinstance(args, tuple) else args for mark in (
        kinds_tests.test_a_knowledge_question_is_technical, kinds_tests.test_questions_about_the_candidate_keep_their_kind,
        kinds_tests.test_own_steps_kpis_habits_and_looking_back_are_read_as_such,
        kinds_tests.test_knowledge_plans_and_habits_of_running_a_business_are_not_stories,
    ) for m in mark.pytestmark if m.name == "parametrize" for args in m.args[1]]
    questions = sorted(dev) + [q.text for q in load_bank().questions] + listed
    assert len(questions) > 150
    assert [q for q in questions if read_question(q).changed] == []


@pytest.mark.parametrize(("typed", "kind"), [
    ("Waht would you do if a store manager told you he'd been re-labelling out-of-date chicken?", "situational"),
    ("Why do you wnat to work for us?", "motivation"),
    ("Waht is the Sepsis Six?", "technical"),
    ("How wuold you handle a driver who arrived without a booking?", "situational"),
    ("Explian the four-eyes principle.", "technical"),
])
def test_a_typo_does_not_change_the_kind(typed, kind):
    assert classify(typed) != kind  # what the words as typed read as
    assert question_ref(typed, load_bank()).kind == kind


def _card(question: str, answer: str):
    return score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())


OFF_TOPIC = ("last December I ran the Christmas plan for my unit: I moved two nurses onto the early shift, booked four "
             "bank staff for the 23rd and 24th and set up a daily huddle at eight. we had no missed observations over "
             "the whole fortnight and the matron said it was the smoothest Christmas she'd seen on the ward.")


@pytest.mark.parametrize("question", [
    "Tell me about a time you disagred with your ward managers decison.",
    "Tell me about a time you disagreed with your ward managers decison.",
])
def test_a_typo_does_not_open_the_off_topic_gate(question):
    card = _card(question, OFF_TOPIC)
    assert card.criterion("specificity.relevance").score <= 1 and card.overall <= 40


COVER_UP = ("honestly I'd have a quiet word with her, just between the two of us. I wouldn't go to the home manager or "
            "write it up, because she's a good carer and it would finish her. I'd keep it quiet and let it go this time, "
            "and keep an eye on her rounds for a week or two.")


def test_a_typo_does_not_switch_off_the_safety_reading():
    typed = "Waht would you do if a resident told you a carer had skipped her medication and covered it up?"
    card = score_question(OfflineScorer(), question_ref(typed, load_bank()), Transcript(text=COVER_UP, duration=0.0), load_rubrics())
    judgement = card.criterion("situational.judgement")
    assert judgement is not None and judgement.applies and judgement.score == 0
    assert card.overall <= 40


def test_score_and_questions_say_how_a_typed_question_was_read(run_cli, tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text(COVER_UP, encoding="utf-8")
    typed = "Waht would you do if a resident told you a carer had skipped her medication?"
    res = run_cli("score", "--text", str(answer), "--offline", "-q", typed, "--json")
    assert res.code == 0, res
    data = json.loads(res.out)
    assert data["question"] == typed and data["question_kind"] == "situational"
    assert data["notes"][0] == f"Question read as \"{typed.replace('Waht', 'What')}\" ('Waht' as 'What')."
    spelt = run_cli("score", "--text", str(answer), "--offline", "-q", typed.replace("Waht", "What"), "--json")
    assert not any(n.startswith("Question read as") for n in json.loads(spelt.out)["notes"])

    kind = run_cli("questions", "--kind", "Waht is the Sepsis Six?")
    assert kind.code == 0 and "read as: What is the Sepsis Six?" in kind.out and "Technical" in kind.out
