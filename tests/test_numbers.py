"""Spoken numbers written as digits (mockint.speech.numbers), and the number-token metric."""

from __future__ import annotations

import pytest

from mockint.records import Word
from mockint.speech.numbers import as_typed, write_numbers, write_numbers_in_text
from mockint.speech.wer import number_token_counts, number_tokens, word_error_counts


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("the queue grew to four thousand open tickets in nineteen hours",
         "the queue grew to 4,000 open tickets in 19 hours"),
        ("we cut costs by forty percent, saving one hundred and twenty thousand dollars a year",
         "we cut costs by 40%, saving $120,000 a year"),
        ("a budget of two point five million dollars and three weeks", "a budget of $2.5 million and 3 weeks"),
        ("uptime went from ninety seven per cent to ninety nine point nine percent", "uptime went from 97% to 99.9%"),
        ("I joined in March twenty nineteen", "I joined in March 2019"),
        ("between twenty eighteen and twenty twenty two", "between 2018 and 2022"),
        # not a year: a ratio past 2050, a round range after an estimate (a dev answer's "twenty eighty" had read as 2080)
        ("net zero by twenty fifty", "net zero by 2050"),
        ("it's twenty eighty instead of eighty twenty", "it's twenty eighty instead of eighty twenty"),
        ("about twenty thirty people came", "about twenty thirty people came"),
        ("around twenty nineteen we moved", "around 2019 we moved"),
        ("the launch was on June fifteenth, twenty twenty one", "the launch was on June 15, 2021"),
        ("the third of May", "the 3rd of May"),
        ("we grew from fifteen hundred users to twelve thousand users", "we grew from 1,500 users to 12,000 users"),
        ("a hundred and fifty people for two and a half weeks", "150 people for 2.5 weeks"),
        ("fifty k requests and a million users", "50k requests and 1 million users"),
        ("we saved eighty thousand pounds", "we saved £80,000"),
        ("the forty-two line Bible of about fourteen fifty-five", "the 42 line Bible of about 1455"),
    ],
)
def test_spoken_quantities_are_written_as_digits(said, written):
    assert write_numbers_in_text(said) == written


@pytest.mark.parametrize(
    "text",
    [
        "one of them was the first time in a second",  # ordinals and small numbers as words
        "two of us, no one else",
        "It was the best of times, it was the worst of times",
        "at eleven thirty we met",  # a time of day is not a year
    ],
)
def test_words_that_are_not_quantities_stay_words(text):
    assert write_numbers_in_text(text) == text


def test_punctuation_keeps_numbers_apart():
    assert write_numbers_in_text("three, four, five") == "3, 4, 5"
    assert write_numbers_in_text("twenty, nineteen") == "20, 19"


def test_whisper_digits_are_kept_and_units_attached():
    assert write_numbers_in_text("it cost $4,000 or 40 percent, in 2019") == "it cost $4,000 or 40%, in 2019"
    assert write_numbers_in_text("4,000 dollars") == "$4,000"


def test_whisper_digits_split_around_and_are_one_number():
    # How Whisper wrote "two hundred and ten" and "a hundred and twenty thousand dollars".
    assert write_numbers_in_text("from 850 to 200 and 10 milliseconds") == "from 850 to 210 milliseconds"
    assert write_numbers_in_text("saved about $100 and $20,000 a year") == "saved about $120,000 a year"
    assert write_numbers_in_text("between 100 and 200 people") == "between 100 and 200 people"


def test_hyphenated_numbers_keep_their_word():
    assert write_numbers_in_text("five-member contracts and twenty-five-minute calls") == "5-member contracts and 25-minute calls"
    assert write_numbers_in_text("a two-week sprint, a one-off") == "a two-week sprint, a one-off"


def test_a_hyphenated_number_whisper_split_in_two_words_is_one_number():
    # Whisper's words for "sixty-four" are " sixty" and "-four".
    raw = [" we", " answered", " thirty", "-seven", " emails", " in", " twenty", "-five-minute", " blocks"]
    words = [Word(word=w, start=i, end=i + 1, probability=0.9) for i, w in enumerate(raw)]
    written = [" we", " answered", " 37", " emails", " in", " 25-minute", " blocks"]
    assert [w.word for w in write_numbers(words)] == written
    kept = [Word(word=w, start=i, end=i + 1, probability=0.9) for i, w in enumerate([" a", " one", "-off"])]
    assert [w.word for w in write_numbers(kept)] == [" a", " one", "-off"], "no number: stays split as it was"


@pytest.mark.parametrize(
    "text",
    [
        "thousands of users and hundreds of tickets",  # plural scales are vague amounts
        "tens of thousands of requests",
        "millions of dollars",
        "a few hundred dollars, several thousand rows",  # a bare scale after a vague word
        "a couple hundred people",
        "half a million customers",
        "a quarter of a million pounds",
        "a one in a million bug",
        "three quarters of the team, two thirds of the budget",  # fractions
        "band fives and band sixes, at sixes and sevens",  # number words in the plural are names
        "we left at half four",  # a time of day
    ],
)
def test_vague_amounts_and_fractions_stay_words(text):
    assert write_numbers_in_text(text) == text


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("revenue was three and a half thousand a month", "revenue was 3,500 a month"),
        ("a round of two and a half million dollars", "a round of $2.5 million"),
        ("fees went up by point five percent", "fees went up by 0.5%"),
        ("a base of a thousand customers", "a base of 1,000 customers"),
        ("that was in the year two thousand", "that was in the year 2000"),
    ],
)
def test_scales_halves_and_leading_points(said, written):
    assert write_numbers_in_text(said) == written


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("two to three days", "2 to 3 days"),  # a range: written alike on both sides
        ("two to 3 days", "2 to 3 days"),  # as Whisper often writes it
        ("from one to five engineers", "from 1 to 5 engineers"),
        ("one or two people, one to one", "one or two people, one to one"),  # no quantity on either side
        ("between two and four pm", "between 2 and 4 pm"),
        ("one or two dollars", "$1 or $2"),
        # The scale and the currency said once, after the range, are both ends'.
        ("usually thirty to forty thousand dollars a month", "usually $30,000 to $40,000 a month"),
        ("between two and three million users", "between 2 million and 3 million users"),
        ("it fell from forty to ten thousand", "it fell from 40 to 10,000"),  # not a range of thousands
        # On its own a small number stays a word even before a unit of time: a question's "two
        # weeks" echoed in an answer must still match it for the scorer.
        ("it took two weeks, not two of us", "it took two weeks, not two of us"),
    ],
)
def test_numbers_said_as_a_range_are_written_alike(said, written):
    assert write_numbers_in_text(said) == written


def test_words_join_with_their_times_and_lowest_probability():
    raw = [(" It", 0.9), (" took", 0.9), (" nineteen", 0.6), (" hours,", 0.95), (" 97", 0.9), ("%", 0.8), (" done.", 0.9)]
    words = [Word(word=w, start=i, end=i + 1, probability=p) for i, (w, p) in enumerate(raw)]
    out = write_numbers(words)
    assert [w.word for w in out] == [" It", " took", " 19", " hours,", " 97%", " done."]
    assert (out[2].start, out[2].end, out[2].probability) == (2, 3, 0.6)
    assert (out[4].start, out[4].end, out[4].probability) == (4, 6, 0.8)
    assert out[0] is words[0], "untouched words are passed through"


def test_number_tokens_read_values():
    assert number_tokens("saved $4,000 and $2.5 million, 40% in 19 hours, 1.5k on June 15, 2021") == [
        "4000", "2500000", "40", "19", "1500", "15", "2021"
    ]
    assert number_token_counts("from 19 hours to 4", "from 90 hours to 4") == (1, 2, 2)
    assert number_token_counts("4,000 tickets", "four thousand tickets") == (0, 1, 0), "words are not digits"


def test_wer_reads_money_and_decimals_as_spoken():
    assert word_error_counts("a budget of $2.5 million", "a budget of two point five million dollars") == (0, 8)
    assert word_error_counts("up 40% to 1.5k", "up forty percent to one point five k") == (0, 8)


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("a progress figure of minus point three, the lowest", "a progress figure of -0.3, the lowest"),
        ("we'd gone to plus point one, and", "we'd gone to +0.1, and"),
        ("it went up by point two", "it went up by 0.2"),
        ("between point two and point four", "between 0.2 and 0.4"),
        ("minus point two four overall", "-0.24 overall"),
        ("flat out amount minus 0.24", "flat out amount -0.24"),  # how Whisper wrote it
        ("grade five-five and above", "grade 5-5 and above"),
        ("by results day twenty twenty-four", "by results day 2024"),
        ("a hundred and twelve product lines", "112 product lines"),
    ],
)
def test_decimals_signs_and_number_pairs_typed_in_words(typed, written):
    assert write_numbers_in_text(typed) == written
    assert write_numbers_in_text(written) == written, "rewriting its own output changes nothing"


@pytest.mark.parametrize(
    "text",
    [
        "at that point two of them left",  # "point" as a noun
        "at one point two people left",
        "plus two more staff",
    ],
)
def test_point_and_signs_that_are_no_figure_stay_words(text):
    assert write_numbers_in_text(text) == text


def test_minus_between_two_numbers_is_a_sum_not_a_sign():
    assert write_numbers_in_text("five minus three") == "5 minus 3"


def test_typed_text_keeps_its_line_breaks():
    assert write_numbers_in_text("Forty percent.\n\nThen  twelve days. ") == "40%.\n\nThen  12 days. "


@pytest.mark.parametrize("quote, typed_quote", [
    ("looking at the curriculum in 3 parts.", "looking at the curriculum in three parts."),
    ("our accuracy is 99.9% which is about one error in 100", "our accuracy is ninety nine point nine percent which is "
     "about one error in a hundred"),
    ("38% of staff came", "Thirty-eight percent of staff came"),  # a full stop keeps "a hundred." out of it
    ("looking at the curriculum ... in 3 parts", "looking at the curriculum ... in three parts"),
    ("about $2.5 million.", "about two point five million dollars."),
    ("a quote the answer never gave", "a quote the answer never gave"),
])
def test_a_quote_of_a_typed_answer_is_given_back_in_the_words_typed(quote, typed_quote):
    typed = ("so we were looking at the curriculum in three parts. and our accuracy is ninety nine point nine percent "
             "which is about one error in a hundred. Thirty-eight percent of staff came, about two point five million "
             "dollars.")
    written = write_numbers_in_text(typed)
    assert quote.split(" ... ")[0] in written or quote.startswith("a quote")  # the scorer quotes the written text
    assert as_typed(quote, written, typed) == typed_quote
