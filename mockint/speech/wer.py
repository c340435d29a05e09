"""Word error rate against a reference transcript (tests and benchmarks; needs jiwer).

Both sides are normalised first so WER counts words, not style: numbers spelled out the way
they are read ("1455" = "fourteen fifty five"), hyphens as spaces, "Mr." = "mister", and
compounds joined where the other side writes them as one word.
"""

from __future__ import annotations

import re

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_ENDINGS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                    "nine": "ninth", "twelve": "twelfth"}
_ABBREVIATIONS = {"mr": "mister", "mrs": "missus", "dr": "doctor"}


def _cardinal(n: int) -> str:
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        return _ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " " + _cardinal(n % 100))
    if n < 1_000_000:
        return _cardinal(n // 1000) + " thousand" + ("" if n % 1000 == 0 else " " + _cardinal(n % 1000))
    return " ".join(_ONES[int(d)] for d in str(n))


def _number_words(digits: str) -> str:
    n = int(digits)
    if len(digits) == 4 and (1100 <= n <= 1999 or 2010 <= n <= 2099):  # years are read in pairs
        high, low = divmod(n, 100)
        if low == 0:
            return _cardinal(high) + " hundred"
        return _cardinal(high) + (" oh " + _ONES[low] if low < 10 else " " + _cardinal(low))
    return _cardinal(n)


def _ordinal(n: int) -> str:
    words = _number_words(str(n)).split()
    last = words[-1]
    if last in _ORDINAL_ENDINGS:
        words[-1] = _ORDINAL_ENDINGS[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return " ".join(words)


def wer_normalise(text: str) -> str:
    """Lowercase words without punctuation, numbers spelled out ("1455" = "fourteen fifty five",
    "15th" = "fifteenth"), hyphens as spaces, "Mr." = "mister", so WER counts words, not style."""
    t = text.lower().replace("\u2019", "'")
    t = re.sub(r"(\d),(\d{3})\b", r"\1\2", t)
    t = re.sub(r"(\d+)%", r"\1 percent", t)
    t = re.sub(r"\b(\d+)(st|nd|rd|th)\b", lambda m: _ordinal(int(m.group(1))), t)
    t = re.sub(r"\d+", lambda m: " " + _number_words(m.group(0)) + " ", t)
    t = re.sub(r"[-\u2010-\u2015/]", " ", t)
    t = re.sub(r"[^\w\s']", " ", t)
    t = re.sub(r"(?<!\w)'|'(?!\w)", " ", t)
    t = re.sub(r"\b(mr|mrs|dr)\b", lambda m: _ABBREVIATIONS[m.group(1)], t)
    return " ".join(t.split())


def join_compounds(reference: str, hypothesis: str) -> tuple[str, str]:
    """Make 'wood cutters', 'wood-cutters' and 'woodcutters' score as the same word: two adjacent
    words are joined where the joined form is a word on the other side. Inputs are normalised."""

    def merge(words: list[str], vocabulary: set[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words) and words[i] + words[i + 1] in vocabulary:
                out.append(words[i] + words[i + 1])
                i += 2
            else:
                out.append(words[i])
                i += 1
        return out

    hyp = merge(hypothesis.split(), set(reference.split()))
    ref = merge(reference.split(), set(hyp))
    return " ".join(ref), " ".join(hyp)


def word_error_counts(reference: str, hypothesis: str) -> tuple[int, int]:
    """(errors, reference words) after `wer_normalise` and `join_compounds`; needs jiwer."""
    import jiwer

    ref, hyp = join_compounds(wer_normalise(reference), wer_normalise(hypothesis))
    if not ref:
        return len(hyp.split()), 0
    out = jiwer.process_words(ref, hyp)
    return out.substitutions + out.deletions + out.insertions, len(ref.split())
