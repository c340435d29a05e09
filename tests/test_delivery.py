"""Delivery metrics (pure): filler and hedge rules, pace, pauses, time to first word."""

from __future__ import annotations

import pytest
from conftest import timed_words

from mockint.records import Transcript
from mockint.speech.delivery import FILLERS, HEDGES, compute_delivery, count_fillers_and_hedges


def fillers(text: str) -> dict[str, int]:
    return count_fillers_and_hedges(timed_words(text))[0]


def hedges(text: str) -> dict[str, int]:
    return count_fillers_and_hedges(timed_words(text))[1]


def test_filler_sounds_in_any_spelling():
    assert fillers("Um, so I, uh, umm, led it. Hmm, erm, er... Uhh, hm.") == {
        "um": 2, "uh": 2, "hmm": 2, "erm": 1, "er": 1,
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        ("So, like, the team was split.", 1),
        ("It was like... huge.", 1),
        ("and, like, you know, it broke", 1),
        ("I'd like to mention the customer.", 0),
        ("I'd like, um, to mention it.", 0),
        ("It looks like a bug.", 0),
        ("Tools like Kubernetes, Terraform and Kafka.", 0),
        ("We would like, honestly, more time.", 0),
        ("Something like, forty percent.", 0),
        ("I like it.", 0),
        ("We were like a family.", 0),
    ],
)
def test_like_counts_only_as_a_set_off_filler(text, expected):
    assert fillers(text).get("like", 0) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It was, you know, hard.", 1),
        ("You know, we shipped it.", 1),
        ("Do you know, I never asked.", 0),
        ("As you know, we shipped it.", 0),
        ("You know the answer.", 0),
        ("I want you to know the plan.", 0),
    ],
)
def test_you_know_only_when_set_off(text, expected):
    assert fillers(text).get("you know", 0) == expected


def test_i_mean_and_basically():
    assert fillers("I mean, we basically rewrote it.") == {"i mean": 1, "basically": 1}
    assert fillers("That's what I mean. I mean the second one.") == {}


def test_words_with_meaning_are_not_fillers():
    assert fillers("Actually the cause was literally a typo, honestly.") == {}


def test_hedges():
    assert hedges("I think we could maybe, probably ship it. I guess it might work, perhaps.") == {
        "i think": 1, "maybe": 1, "probably": 1, "i guess": 1, "might": 1, "perhaps": 1,
    }
    assert hedges("I kind of led it and it was sort of a mess. I believe we won.") == {
        "kind of": 1, "sort of": 1, "i believe": 1,
    }


def test_noun_kind_of_and_literal_think_are_not_hedges():
    assert hedges("What kind of tests? This sort of problem. A kind of lock.") == {}
    assert hedges("I think about scaling. I believe in testing.") == {}
    assert hedges("I think, about scaling, we were wrong.") == {"i think": 1}


def test_each_phrase_in_one_list_only():
    f, h = count_fillers_and_hedges(timed_words("I guess, sort of, you know, kind of."))
    assert f == {"you know": 1}
    assert h == {"i guess": 1, "sort of": 1, "kind of": 1}
    assert set(FILLERS).isdisjoint(HEDGES)


def test_pace_counts_and_rates_over_speech_time():
    words = timed_words("Um, I think we shipped the new billing service in, uh, three weeks.", start=1.0, step=0.5)
    transcript = Transcript(text="", words=words, duration=10.0, speech=[(0.9, 4.0), (4.2, 7.3)])
    m = compute_delivery(transcript)
    assert m.word_count == 13
    assert m.speaking_seconds == pytest.approx(6.2)
    assert m.words_per_minute == pytest.approx(60 * 13 / 6.2, abs=0.1)
    assert m.total_seconds == 10.0
    assert m.fillers == {"uh": 1, "um": 1}
    assert m.filler_count == 2
    assert m.fillers_per_100_words == pytest.approx(100 * 2 / 13, abs=0.01)
    assert m.hedges == {"i think": 1}
    assert m.hedges_per_100_words == pytest.approx(100 / 13, abs=0.01)
    assert m.time_to_first_word == pytest.approx(0.9)
    assert m.long_pauses == []


def test_long_pauses_only_between_speech_spans_and_at_threshold():
    words = timed_words("one two three", start=2.0) + timed_words("four five", start=6.0) + timed_words("six", start=8.5)
    speech = [(1.9, 3.1), (6.0, 6.8), (8.4, 9.0)]  # gaps of 2.9 s and 1.6 s
    m = compute_delivery(Transcript(text="", words=words, duration=12.0, speech=speech))
    assert [(p.start, p.end) for p in m.long_pauses] == [(3.1, 6.0), (6.8, 8.4)]
    assert m.long_pauses[0].seconds == pytest.approx(2.9)
    # 1.6 s is below a 2 s threshold; leading (0-1.9 s) and trailing silence are never pauses.
    assert len(compute_delivery(Transcript(text="", words=words, duration=12.0, speech=speech), long_pause=2.0).long_pauses) == 1


def test_speech_without_words_is_not_the_answer():
    """A cough at 0.2 s is VAD speech but no word: time to first word and pace skip it."""
    words = timed_words("hello there friends", start=3.0)
    speech = [(0.2, 0.5), (2.9, 4.2)]
    m = compute_delivery(Transcript(text="", words=words, duration=5.0, speech=speech))
    assert m.time_to_first_word == pytest.approx(2.9)
    assert m.speaking_seconds == pytest.approx(1.3)
    assert m.long_pauses == []


def test_empty_transcript():
    m = compute_delivery(Transcript(text="", duration=3.0))
    assert (m.word_count, m.words_per_minute, m.time_to_first_word, m.filler_count) == (0, 0.0, None, 0)
    assert m.fillers_per_100_words == 0.0


def test_without_vad_spans_falls_back_to_word_times():
    words = timed_words("a b c d", start=1.0, step=0.5)
    m = compute_delivery(Transcript(text="", words=words, duration=4.0))
    assert m.time_to_first_word == 1.0
    assert m.speaking_seconds == pytest.approx(words[-1].end - 1.0)
