"""Delivery metrics from a transcript: pace, fillers, hedges, pauses, time to first word. Pure.

Timing comes from the VAD speech spans in the transcript, not from Whisper's word timestamps,
which drift into the silence around words.

Fillers and hedges are counted conservatively, each phrase in exactly one list, so a count is
something said, not a guess:
- um, uh, er, erm, hmm (and spellings like "umm", "uhh", "hm") always count as fillers, except written in capitals
  ("MMM", "HM", "ER": names) and "mm" after a number ("600 mm": millimetres).
- "like" counts only when set off by a comma or dots after it ("So, like, the team ...",
  "it was like... huge"), and never after words that make it a verb or preposition
  ("I'd like, um, to", "looks like", "would like", "something like"). Unpunctuated filler
  "like" is missed on purpose: "it was like a mess" can't be told apart from "like a mess".
- "you know" and "I mean" count only when punctuation follows them ("you know, we ...",
  "I mean, it ..."), not in "do you know", "as you know", "what I mean" or "you know the answer".
- "basically" counts as a filler. "actually", "literally", "honestly", "so", "right" are not
  counted: they often carry meaning (contrast, emphasis) and can't be told apart from text alone.
- "sort of", "kind of" and "I guess" are hedges, not fillers ("I kind of led it"); never after a
  determiner ("what kind of", "a sort of", "this kind of" are nouns).
- Hedges: I think, I guess, I believe, I suppose, maybe, probably, perhaps, possibly, might,
  sort of, kind of. "I think about/of/through" and "I believe in" are not hedges.
"""

from __future__ import annotations

import re

from mockint.records import DeliveryMetrics, Pause, Transcript, Word
from mockint.speech.numbers import is_a_number

LONG_PAUSE_SECONDS = 1.5
# A speech span counts as the answer's speech when a word lies within this of it.
WORD_SPAN_SLACK = 0.5

# Spelling -> the filler it counts as. "ah" is left out: it is an exclamation as often as a filler.
FILLER_SOUNDS = {
    "um": "um", "umm": "um", "ummm": "um", "uhm": "um",
    "uh": "uh", "uhh": "uh", "uhhh": "uh", "er": "er", "erm": "erm",
    "hmm": "hmm", "hm": "hmm", "hmmm": "hmm", "mm": "hmm", "mmm": "hmm",
}
FILLERS = ("um", "uh", "er", "erm", "hmm", "like", "you know", "i mean", "basically")


def only_fillers(text: str) -> bool:
    """Whether a typed answer says nothing but um/uh ("um ... uh"): no answer to score, as an empty one (a trial's
    file of "um" scored 5/100 where an empty file is refused)."""
    words = [w.strip(".,;:!?-\u2026\"'()").lower() for w in text.split()]
    return all(not w or w in FILLER_SOUNDS for w in words)


HEDGES = (
    "i think", "i guess", "i believe", "i suppose", "maybe", "probably", "perhaps", "possibly", "might",
    "sort of", "kind of",
)

# Words before "like" that make it a verb or preposition, not a filler.
_LIKE_GOVERNORS = {
    "i", "you", "we", "they", "he", "she", "it", "i'd", "you'd", "we'd", "they'd", "he'd", "she'd", "would",
    "wouldn't", "do", "don't", "did", "didn't", "does", "doesn't", "to", "really", "also", "look", "looks",
    "looked", "looking", "seem", "seems", "seemed", "sound", "sounds", "sounded", "feel", "feels", "felt",
    "something", "anything", "nothing", "things", "stuff", "much", "more", "most", "exactly", "tastes", "acts",
    "act", "acted",
}
_DETERMINERS = {
    "a", "an", "the", "this", "that", "these", "those", "what", "which", "some", "any", "every", "each", "no",
    "one", "same", "different", "other", "another", "its", "our", "their", "his", "her", "my", "your", "whatever",
}
_CLAUSE_BREAK = re.compile(r"[,.;:!?\u2026-]+$")
# A filler sound written in capitals is a name: "MMM" (marketing mix modelling) counted as "hmm" in a marketing
# manager's typed answer, and "HM Coastguard" or "ER" would have too.
_ACRONYM = re.compile(r"[A-Z]{2,}")
# "mm" after a number is millimetres, not a hum: a harbour technician's typed "moved the box 600 mm higher" was told
# "1 filler written (hmm x1)".
_MILLIMETRES = "mm"


class _Token:
    __slots__ = ("text", "written", "after", "before", "word")

    def __init__(self, word: Word) -> None:
        raw = word.word.strip().replace("\u2019", "'")
        self.written = re.sub(r"^[^\w']+|[^\w']+$", "", raw)  # as typed, its case kept
        self.text = self.written.lower()
        self.before = raw[: len(raw) - len(raw.lstrip(",.;:!?\"'(\u2026-"))]
        self.after = raw[len(raw.rstrip(",.;:!?\"')\u2026-")) :]
        self.word = word


def _tokens(words: list[Word]) -> list[_Token]:
    return [t for t in (_Token(w) for w in words) if re.search(r"\w", t.text)]


def _breaks_after(token: _Token) -> bool:
    return bool(_CLAUSE_BREAK.search(token.after))


def count_fillers_and_hedges(words: list[Word]) -> tuple[dict[str, int], dict[str, int]]:
    """(fillers, hedges) as phrase -> count, each word in at most one phrase."""
    tokens = _tokens(words)
    fillers: dict[str, int] = {}
    hedges: dict[str, int] = {}
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        two = f"{tok.text} {nxt.text}" if nxt else ""
        after_determiner = prev is not None and prev.text in _DETERMINERS and not _breaks_after(prev)

        a_length = tok.text == _MILLIMETRES and prev is not None and is_a_number(prev.text) and not _breaks_after(prev)
        if tok.text in FILLER_SOUNDS and not _ACRONYM.fullmatch(tok.written) and not a_length:
            _add(fillers, FILLER_SOUNDS[tok.text])
        elif tok.text == "basically":
            _add(fillers, "basically")
        elif tok.text == "like" and _breaks_after(tok) and not (
            prev is not None and prev.text in _LIKE_GOVERNORS and not _breaks_after(prev)
        ):
            _add(fillers, "like")
        elif two == "you know" and _breaks_after(nxt) and not (
            prev is not None and prev.text in {"do", "did", "don't", "didn't", "as", "if", "would", "let"}
            and not _breaks_after(prev)
        ):
            _add(fillers, "you know")
            i += 1
        elif two == "i mean" and _breaks_after(nxt) and not (
            prev is not None and prev.text in {"what", "that's", "which"} and not _breaks_after(prev)
        ):
            _add(fillers, "i mean")
            i += 1
        elif two in ("sort of", "kind of") and not after_determiner:
            _add(hedges, two)
            i += 1
        elif two in ("i think", "i believe", "i guess", "i suppose"):
            third = tokens[i + 2].text if i + 2 < len(tokens) else ""
            exempt = (two == "i think" and third in {"about", "of", "through"} and not _breaks_after(nxt)) or (
                two == "i believe" and third == "in" and not _breaks_after(nxt)
            )
            if not exempt:
                _add(hedges, two)
            i += 1
        elif tok.text in ("maybe", "probably", "perhaps", "possibly", "might"):
            _add(hedges, tok.text)
        i += 1
    return fillers, hedges


def _add(counts: dict[str, int], key: str) -> None:
    counts[key] = counts.get(key, 0) + 1


def _answer_spans(transcript: Transcript) -> list[tuple[float, float]]:
    """VAD spans that carry words: a cough before the first word is not speech."""
    spans = sorted(transcript.speech)
    if not transcript.words:
        return spans
    worded = [
        (s, e)
        for s, e in spans
        if any(w.end >= s - WORD_SPAN_SLACK and w.start <= e + WORD_SPAN_SLACK for w in transcript.words)
    ]
    return worded or spans


def compute_delivery(transcript: Transcript, *, long_pause: float = LONG_PAUSE_SECONDS) -> DeliveryMetrics:
    """Delivery metrics for one answer's transcript (words + VAD speech spans)."""
    tokens = _tokens(transcript.words)
    word_count = len(tokens)
    spans = _answer_spans(transcript)
    if spans:
        speaking = sum(e - s for s, e in spans)
    elif transcript.words:  # no VAD spans (a transcript from elsewhere): first to last word
        speaking = transcript.words[-1].end - transcript.words[0].start
    else:
        speaking = 0.0

    if spans and transcript.words:
        first = spans[0][0]
    elif transcript.words:
        first = transcript.words[0].start
    else:
        first = None

    pauses = [
        Pause(start=round(end, 3), end=round(next_start, 3))
        for (_, end), (next_start, _) in zip(spans, spans[1:])
        if next_start - end >= long_pause
    ]
    fillers, hedges = count_fillers_and_hedges(transcript.words)
    filler_count, hedge_count = sum(fillers.values()), sum(hedges.values())
    per_100 = (lambda n: round(100 * n / word_count, 2)) if word_count else (lambda n: 0.0)
    return DeliveryMetrics(
        word_count=word_count,
        total_seconds=round(transcript.duration, 3),
        speaking_seconds=round(speaking, 3),
        words_per_minute=round(60 * word_count / speaking, 1) if speaking > 0 else 0.0,
        time_to_first_word=round(first, 3) if first is not None else None,
        fillers=dict(sorted(fillers.items())),
        filler_count=filler_count,
        fillers_per_100_words=per_100(filler_count),
        hedges=dict(sorted(hedges.items())),
        hedge_count=hedge_count,
        hedges_per_100_words=per_100(hedge_count),
        long_pauses=pauses,
    )
