"""Word error rate against a reference transcript (tests and benchmarks; needs jiwer).

Both sides are normalised first so WER counts words, not style: numbers spelled out the way
they are read ("1455" = "fourteen fifty five", "$2.5 million" = "two point five million dollars"),
hyphens as spaces, "Mr." = "mister", and compounds joined where the other side writes them as
one word.

`number_token_counts` checks the quantities themselves: the numbers written with digits in the
reference against those written with digits in the transcript, by value.
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
_CURRENCY_WORDS = {"$": "dollars", "\u00a3": "pounds", "\u20ac": "euros"}
_MONEY = re.compile(r"([$\u00a3\u20ac])\s?(\d[\d,]*(?:\.\d+)?(?:\s?(?:thousand|million|billion)\b|k\b)?)")
_SCALE = {"k": 1_000, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_TOKEN = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s?(k|thousand|million|billion)\b)?")


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
    t = re.sub(r"(\d),(\d{3})\b", r"\1\2", t)  # again for 1,000,000
    t = _MONEY.sub(lambda m: f"{m.group(2)} {_CURRENCY_WORDS[m.group(1)]}", t)
    t = re.sub(r"(\d+)%", r"\1 percent", t)
    t = re.sub(r"(\d)k\b", r"\1 k", t)
    t = re.sub(r"(\d+)\.(\d+)", lambda m: f"{m.group(1)} point {' '.join(m.group(2))}", t)
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


def number_tokens(text: str) -> list[str]:
    """The numbers written with digits in `text`, as values: "$4,000" -> "4000", "2.5 million"
    -> "2500000", "40%" -> "40", "1.5k" -> "1500", "March 3rd" -> "3"."""
    values = []
    for m in _NUMBER_TOKEN.finditer(text.lower()):
        value = float(m.group(1).replace(",", "")) * _SCALE.get(m.group(2) or "", 1)
        values.append(f"{value:.6g}" if value != int(value) else str(int(value)))
    return values


def number_token_counts(reference: str, hypothesis: str) -> tuple[int, int, int]:
    """(reference numbers found in the hypothesis, reference numbers, hypothesis numbers), in order."""
    from difflib import SequenceMatcher

    ref, hyp = number_tokens(reference), number_tokens(hypothesis)
    found = sum(block.size for block in SequenceMatcher(None, ref, hyp, autojunk=False).get_matching_blocks())
    return found, len(ref), len(hyp)
