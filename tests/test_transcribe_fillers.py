"""When the filler pass runs: `filler_spots` on plain data (the words, VAD speech, and the
cue-primed probabilities a real decoder would give). The real-model side is in test_transcribe.py."""

from __future__ import annotations

from mockint.records import Word
from mockint.speech.transcribe import FILLER_SPOT_PROBABILITY, filler_spots

SURE = 0.9
DOUBTED = FILLER_SPOT_PROBABILITY / 2


def _said(spec: str) -> list[Word]:
    """'word@start-end ...' as plain-decode words."""
    words = []
    for item in spec.split():
        word, _, times = item.partition("@")
        start, end = (float(t) for t in times.split("-"))
        words.append(Word(word=word, start=start, end=end, probability=0.9))
    return words


# "We, uh, measured latency before and after": Whisper drops the "uh" and stretches "We" over it.
STRETCHED = _said("We@0.0-0.78 measured@0.78-1.26 latency@1.26-1.8 before@1.8-2.36 and@2.36-2.68 after@2.68-3.14")
EVEN = _said("We@0.0-0.2 measured@0.2-0.68 latency@0.68-1.22 before@1.22-1.78 and@1.78-2.1 after@2.1-2.56")
SPEECH = [(0.0, 3.2)]


def test_a_doubted_word_next_to_a_stretched_one_is_a_spot():
    probabilities = [SURE, DOUBTED, SURE, SURE, SURE, SURE]  # "measured", after the stretched "We"
    assert filler_spots(STRETCHED, SPEECH, probabilities) == [1]
    # The stretched word itself doubted (a filler said before it) is a spot too.
    assert filler_spots(STRETCHED, SPEECH, [DOUBTED, *[SURE] * 5]) == [0]


def test_no_spot_without_both_signs():
    assert filler_spots(STRETCHED, SPEECH, [SURE] * 6) == [], "stretched but never doubted: no filler pass"
    doubted = [SURE, DOUBTED, SURE, DOUBTED, SURE, SURE]
    assert filler_spots(EVEN, [(0.0, 2.6)], doubted) == [], "doubted words at an even pace: a hard word, not a filler"
    assert filler_spots([], SPEECH, []) == []


def test_a_pause_is_not_a_filler():
    """The gap before "measured" is silence (outside VAD speech): the time is a pause, not a dropped filler."""
    paused = _said("We@0.0-0.2 measured@1.4-1.88 latency@1.88-2.42 before@2.42-2.98 and@2.98-3.3 after@3.3-3.76")
    probabilities = [SURE, DOUBTED, SURE, SURE, SURE, SURE]
    assert filler_spots(paused, [(0.0, 0.25), (1.35, 3.8)], probabilities) == []
    # The same timing with speech through the gap (a filler Whisper left out) is a spot.
    assert filler_spots(paused, [(0.0, 3.8)], probabilities) == [1]


def test_digits_are_timed_as_spoken_words():
    """'40%' is said "forty percent": three letters a digit, so its length is no stretch."""
    numbers = _said("about@0.0-0.4 40%@0.4-1.05 of@1.05-1.2 tickets@1.2-1.7")
    assert filler_spots(numbers, [(0.0, 1.8)], [SURE, SURE, DOUBTED, SURE]) == []
    spelled = _said("about@0.0-0.4 40%@0.4-1.05 of@1.05-1.2 tickets@1.2-1.7")
    spelled[1] = spelled[1].model_copy(update={"word": "4%"})  # one digit: 0.65 s is a stretch
    assert filler_spots(spelled, [(0.0, 1.8)], [SURE, SURE, DOUBTED, SURE]) == [2]

