"""A story scores the same however its numbers are written: typed in words ("thirty-eight percent",
"minus point three", "twenty twenty-four"), typed in digits, or spoken (transcription writes digits).

Found by a trial: the same results story typed twice scored 98 with digits and 40 with its numbers
in words, where the words' years and decimals read as a heap of unrelated figures and shut the
scattered-figures gate. Each pair below is one story written both ways by hand (the digits are how a
person types them, not the normaliser's output)."""

from __future__ import annotations

import pytest

from mockint.records import Transcript, Word
from mockint.scoring import score_question
from mockint.scoring.evidence import verify_quote
from mockint.scoring.offline import OfflineScorer, read_answer, shut_gates
from mockint.scoring.rubrics import load_rubrics
from mockint.speech.numbers import numbers_written

# (occupation, question, in words, in digits)
STORIES = [
    (
        "head of year",
        "Tell me about a time you improved outcomes for a group of students.",
        "In autumn twenty twenty-two I took over key stage four maths at Brookfield, and our progress score was "
        "minus point four, the worst in the trust. I was responsible for getting it above zero within two years. "
        "I started with the mock papers: about seventy percent of the marks we lost were on the five mark "
        "problem solving questions, not on content. So I rewrote the year ten scheme so every topic ended with "
        "a problem solving lesson, and I ran six twilight sessions for the department on modelling them. "
        "By results day in twenty twenty-four we were at plus point two, and grade four and above went up from "
        "forty-two percent to fifty-eight percent. What I learned is to find where the marks go before changing anything.",
        "In autumn 2022 I took over key stage 4 maths at Brookfield, and our progress score was -0.4, the worst "
        "in the trust. I was responsible for getting it above zero within 2 years. I started with the mock "
        "papers: about 70% of the marks we lost were on the 5 mark problem solving questions, not on content. "
        "So I rewrote the year 10 scheme so every topic ended with a problem solving lesson, and I ran 6 "
        "twilight sessions for the department on modelling them. By results day in 2024 we were at +0.2, and "
        "grade 4 and above went up from 42% to 58%. What I learned is to find where the marks go before changing anything.",
    ),
    (
        "ward manager",
        "Tell me about a time you improved patient safety.",
        "In March twenty twenty-three I became manager of a twenty-eight bed surgical ward where falls had risen "
        "to nine a month. It was my job to bring that down before the trust's audit in September. I went "
        "through every fall report from the year before and found two thirds happened between ten at night and "
        "two in the morning, mostly patients walking to the toilet alone. I moved our two healthcare assistants "
        "onto a later shift, I put the highest risk patients in the four bays nearest the nurses' station, and "
        "I trained all forty-one staff on the new checks myself. By September falls were down from nine a month "
        "to two, and we spent about twelve thousand pounds less on agency cover. Looking back, I'd have asked "
        "the night staff sooner, because they already knew where the problem was.",
        "In March 2023 I became manager of a 28 bed surgical ward where falls had risen to 9 a month. It was my "
        "job to bring that down before the trust's audit in September. I went through every fall report from "
        "the year before and found two thirds happened between ten at night and two in the morning, mostly "
        "patients walking to the toilet alone. I moved our 2 healthcare assistants onto a later shift, I put the "
        "highest risk patients in the 4 bays nearest the nurses' station, and I trained all 41 staff on the new "
        "checks myself. By September falls were down from 9 a month to 2, and we spent about £12,000 less on "
        "agency cover. Looking back, I'd have asked the night staff sooner, because they already knew where the problem was.",
    ),
    (
        "warehouse shift lead",
        "Tell me about a time you improved a process.",
        "Last year I was shift lead on the night pick at a distribution centre in Daventry, and our pick accuracy "
        "had slipped to ninety-four point five percent, so roughly one order in twenty went out wrong. My target "
        "from the site manager was ninety-nine percent by the end of the quarter. I pulled the error logs and saw "
        "most mistakes were on two aisles where similar products sat side by side, so I re-slotted a hundred and "
        "twelve product lines, and I added a scan check at packing for those aisles. I coached the eleven pickers "
        "on my shift one by one. By the end of the quarter accuracy was ninety-nine point two percent and returns "
        "cost us about three thousand pounds a month less. I learned to look at where errors cluster before blaming people.",
        "Last year I was shift lead on the night pick at a distribution centre in Daventry, and our pick accuracy "
        "had slipped to 94.5%, so roughly one order in 20 went out wrong. My target from the site manager was 99% "
        "by the end of the quarter. I pulled the error logs and saw most mistakes were on two aisles where similar "
        "products sat side by side, so I re-slotted 112 product lines, and I added a scan check at packing for "
        "those aisles. I coached the 11 pickers on my shift one by one. By the end of the quarter accuracy was 99.2% "
        "and returns cost us about £3,000 a month less. I learned to look at where errors cluster before blaming people.",
    ),
    (
        "finance manager",
        "Tell me about a time you made something more efficient.",
        "In twenty nineteen I joined a logistics firm as finance manager and the month-end close took twelve working "
        "days, which meant the board saw figures three weeks late. I was asked to get it under a week without adding "
        "staff. I mapped every step of the close with the team and found we were re-keying about four hundred "
        "invoices a month from one system into another, so I set up an automatic import and I rewrote the "
        "reconciliation checklist so two of the steps ran in parallel. Within six months the close went from twelve "
        "days to five days, and we stopped paying two hundred and forty thousand pounds a year to an outside "
        "bookkeeping firm. The lesson for me was to measure the process before deciding what to automate.",
        "In 2019 I joined a logistics firm as finance manager and the month-end close took 12 working days, which "
        "meant the board saw figures 3 weeks late. I was asked to get it under a week without adding staff. I mapped "
        "every step of the close with the team and found we were re-keying about 400 invoices a month from one "
        "system into another, so I set up an automatic import and I rewrote the reconciliation checklist so two of "
        "the steps ran in parallel. Within 6 months the close went from 12 days to 5 days, and we stopped paying "
        "£240,000 a year to an outside bookkeeping firm. The lesson for me was to measure the process before deciding what to automate.",
    ),
    (
        "hotel front office manager",
        "Tell me about a time you turned around customer satisfaction.",
        # "at a one hundred and sixty room hotel": "at a hundred and sixty room hotel" reads as "at 160 room hotel" (the
        # "a" is the number's), one word short of the digits' "at a 160 room hotel", and the stories differed by more
        # than their numbers (a refit's cut point fell between them)
        "When I became front office manager at a one hundred and sixty room hotel in York in twenty twenty-one, our "
        "guest review score was seven point two out of ten and we had thirty-one complaints a month about check-in "
        "queues. My brief was to get the score above eight point five within the year. I looked at when the queues "
        "happened, which was between three and five in the afternoon, so I moved two receptionists' breaks out of "
        "that window and I started sending room numbers by text before arrival. I also trained the team of "
        "fourteen on handling a complaint at the desk. Twelve months later the score was eight point six and "
        "complaints were down from thirty-one a month to eight. I learned that most complaints come from one or two moments you can fix.",
        "When I became front office manager at a 160 room hotel in York in 2021, our guest review score was 7.2 out "
        "of 10 and we had 31 complaints a month about check-in queues. My brief was to get the score above 8.5 within "
        "the year. I looked at when the queues happened, which was between 3 and 5 in the afternoon, so I moved two "
        "receptionists' breaks out of that window and I started sending room numbers by text before arrival. I also "
        "trained the team of 14 on handling a complaint at the desk. 12 months later the score was 8.6 and complaints "
        "were down from 31 a month to 8. I learned that most complaints come from one or two moments you can fix.",
    ),
    (  # in words this once scored 40 (every criterion 2 of 4): "from two point four percent to point nine" read as a fall to 9
        "bus depot operations manager",
        "Tell me about a time you improved performance in your team.",
        "So in spring twenty twenty-three I took over the depot at Kettering as operations manager, and our on-time "
        "departure rate was eighty-one percent, the lowest of the six depots. I was responsible for getting that above "
        "ninety within the year. I started with the duty logs: roughly forty percent of late starts came from the "
        "two early rotas, rather than from the buses. So I rebuilt the early rota so every driver had a ten minute "
        "walk-round slot, and I ran three briefings on the new sign-on. I swapped one weekly meeting for a five minute "
        "huddle, which freed up time. By March twenty twenty-four we were at ninety-three percent, and lost mileage "
        "went down from two point four percent to point nine percent. The lesson for me was to look at where the "
        "delay starts before you change anything.",
        "So in spring 2023 I took over the depot at Kettering as operations manager, and our on-time departure rate "
        "was 81%, the lowest of the 6 depots. I was responsible for getting that above 90 within the year. I started "
        "with the duty logs: roughly 40% of late starts came from the 2 early rotas, rather than from the buses. So I "
        "rebuilt the early rota so every driver had a 10 minute walk-round slot, and I ran 3 briefings on the new "
        "sign-on. I swapped one weekly meeting for a 5 minute huddle, which freed up time. By March 2024 we were at 93%, "
        "and lost mileage went down from 2.4% to 0.9%. The lesson for me was to look at where the delay starts before "
        "you change anything.",
    ),
]


@pytest.fixture(scope="module")
def rubrics():
    return load_rubrics()


def _card(rubrics, question: str, text: str):
    return score_question(OfflineScorer(), question, Transcript(text=text, duration=0.0), rubrics)


@pytest.mark.parametrize(("occupation", "question", "words", "digits"), STORIES, ids=[s[0] for s in STORIES])
def test_a_story_typed_in_words_scores_as_the_same_story_in_digits(rubrics, occupation, question, words, digits):
    in_words, in_digits = _card(rubrics, question, words), _card(rubrics, question, digits)
    assert abs(in_words.overall - in_digits.overall) <= 5, (occupation, in_words.overall, in_digits.overall)
    levels = {c.key: c.score for c in in_words.criteria}
    assert levels == {c.key: c.score for c in in_digits.criteria}, occupation
    assert in_words.overall >= 60, f"{occupation}: a measured story with a lesson, typed in words, is not strong: {in_words.overall}"


@pytest.mark.parametrize(("occupation", "question", "words", "digits"), STORIES, ids=[s[0] for s in STORIES])
def test_no_figure_gate_shuts_on_a_real_story_either_way(occupation, question, words, digits):
    for text in (words, digits):
        reading = read_answer(text, question)
        assert not {"scattered_figures", "incoherent_figures", "figures_without_referent"} & set(shut_gates(reading, 4)), occupation


def test_quotes_of_a_typed_answer_are_its_own_words_though_its_numbers_are_read_as_digits(rubrics):
    # A card headed "verified quote" that showed a teacher's "in three parts" as "in 3 parts" read as a misquote.
    _, question, words, digits = STORIES[0]
    card = _card(rubrics, question, words)
    result = card.criterion("star.result")
    assert result.score == _card(rubrics, question, digits).criterion("star.result").score  # read alike
    quoted = " ".join(e.quote for e in result.evidence)
    assert "plus point two" in quoted and "forty-two percent to fifty-eight percent" in quoted, quoted
    assert all(e.quote in " ".join(words.split()) for e in result.evidence)
    assert all(verify_quote(e.quote, Transcript(text=words, duration=0.0)) for e in result.evidence)


def test_a_transcript_with_word_timings_is_kept_as_transcription_wrote_it():
    # Transcription writes numbers chunk by chunk, with the words' times the quotes are timed by.
    words = [Word(word=w, start=i, end=i + 1) for i, w in enumerate(["it", "was", "forty", "percent"])]
    timed = Transcript(text="it was forty percent", words=words, duration=4.0)
    assert numbers_written(timed) is timed
    typed = Transcript(text="it was forty percent", duration=0.0)
    assert numbers_written(typed).text == "it was 40%"
