"""Spoken numbers written as digits: "four thousand open tickets" -> "4,000 open tickets".

Whisper writes most numbers as digits, but not all: a chunk that starts mid-sentence, a keyword
cue or a fast speaker leaves "nineteen hours", "twenty nineteen", "two point five million
dollars" or "forty percent" in words. The scorer quotes quantities and the LLM writes them as
digits, so the transcript writes every quantity one way: digits, "%", "$".

text2num (`find_numbers`, made for ASR token streams) finds the spoken numbers; the rules here
join what it leaves apart and choose the written form:
- "twenty nineteen", "nineteen eighty four": a year (two two-digit numbers said in a row).
- "two point five million", "a hundred and fifty", "three and a half": one number.
- "N percent" -> "N%"; "N dollars/pounds/euros" -> "$N", "£N", "€N"; "N k" -> "Nk".
- Ordinals only in dates ("June fifteenth" -> "June 15", "the third of May" -> "the 3rd of May");
  "the first time", "a second" stay words.
- Two numbers said in a row that are not a year stay words ("eleven thirty", a time).
- "zero", "one" and "two" on their own stay words ("one of them", "two of us") unless a unit
  follows that makes them a quantity ("2%", "$1").
Punctuation is a boundary: "three, four" stays two numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockint.records import Word

MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
CURRENCIES = {"dollars": "$", "dollar": "$", "bucks": "$", "pounds": "£", "euros": "€", "euro": "€"}
# Isolated cardinals below this stay words unless a unit follows.
SMALLEST_BARE_NUMBER = 3

_BOUNDARY = re.compile(r"[,.;:!?\u2026]")
_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
_SPLIT = re.compile(r"^([^\w$£€]*)([$£€]?)([\w'\u2019.,-]*?)([^\w%]*%?[^\w]*)$")


@dataclass
class _Token:
    """One word split into what wraps it and its core, lowercase, as text2num reads it."""

    lead: str
    currency: str
    core: str
    trail: str

    @classmethod
    def of(cls, raw: str) -> _Token:
        m = _SPLIT.match(raw.strip())
        if m is None:
            return cls("", "", raw.strip().lower(), "")
        lead, currency, core, trail = m.groups()
        return cls(lead, currency, core.lower(), trail)

    # text2num's Token protocol
    def text(self) -> str:
        return self.core

    def nt_separated(self, previous: _Token) -> bool:
        return bool(_BOUNDARY.search(previous.trail) or self.lead)

    def not_a_number_part(self) -> bool:
        return False

    def breaks_after(self) -> bool:
        return bool(_BOUNDARY.search(self.trail))


@dataclass
class _Number:
    start: int  # token indices, end exclusive
    end: int
    value: float
    ordinal: bool = False
    year: bool = False
    scale: str = ""  # "million" when said so: "2.5 million" stays readable
    digits: str = ""  # as Whisper wrote it, when it was digits already
    ambiguous: bool = False  # said right next to another number: "eleven thirty" is not 11 30
    compound: str = ""  # the rest of a hyphenated word: "five-member" -> 5 + "-member"


def _find(tokens: list[_Token]) -> list[_Number]:
    from text_to_num import find_numbers

    found: list[_Number] = []
    words = [t if not _DIGITS.match(t.core) else _Token("", "", "", "") for t in tokens]
    for occ in find_numbers(words, "en", threshold=0):
        found.append(_Number(occ.start, occ.end, float(occ.value), ordinal=bool(occ.is_ordinal)))
    covered = {i for n in found for i in range(n.start, n.end)}
    for i, t in enumerate(tokens):
        if _DIGITS.match(t.core):
            found.append(_Number(i, i + 1, float(t.core.replace(",", "")), digits=t.core))
        elif i not in covered and "-" in t.core:
            found.extend(_compound(i, t.core))
    return sorted(found, key=lambda n: n.start)


def _compound(index: int, core: str) -> list[_Number]:
    """A number that starts a hyphenated word ("five-member", "twenty-five-minute")."""
    from text_to_num import text2num

    parts = core.split("-")
    for k in range(len(parts) - 1, 0, -1):
        try:
            value = text2num(" ".join(parts[:k]), "en")
        except ValueError:
            continue
        if all(p.isalpha() for p in parts[k:]):
            return [_Number(index, index + 1, float(value), compound="-" + "-".join(parts[k:]))]
    return []


def _joined(a: _Number, b: _Number, tokens: list[_Token]) -> bool:
    return b.start == a.end and not tokens[a.end - 1].breaks_after() and not tokens[b.start].lead


def _combine(numbers: list[_Number], tokens: list[_Token]) -> list[_Number]:
    out: list[_Number] = []
    for n in numbers:
        prev = out[-1] if out else None
        first = tokens[n.start].core
        if prev is not None and _hundred_and(prev, n, tokens):
            continue
        if prev is not None and _joined(prev, n, tokens) and not prev.ordinal and not n.ordinal:
            said_pair = prev.end - prev.start == 1 and not prev.digits and not n.digits
            if first in SCALES and n.end - n.start == 1:  # "2.5" + "million"
                prev.value *= SCALES[first]
                prev.scale = first if first != "thousand" else ""
                prev.end = n.end
                prev.digits = ""
                continue
            if said_pair and 13 <= prev.value <= 20 and 10 <= n.value <= 99 and n.value == int(n.value):
                prev.value, prev.year, prev.end = prev.value * 100 + n.value, True, n.end  # "twenty nineteen"
                continue
        if prev is not None and _joined(prev, n, tokens) and not prev.digits and not n.digits:
            prev.ambiguous = n.ambiguous = True
        if first in SCALES | {"hundred": 100} and n.start > 0 and tokens[n.start - 1].core == "a" and not tokens[
            n.start - 1
        ].breaks_after():
            n.start -= 1  # "a hundred and fifty"
        if tokens[n.end - 1].core in ("million", "billion") and n.value >= 1_000_000:
            n.scale = tokens[n.end - 1].core  # "3 million", not "3,000,000"
        out.append(n)
    for n in out:
        k = n.end
        if (
            [t.core for t in tokens[k : k + 3]] == ["and", "a", "half"]
            and not tokens[k - 1].breaks_after()
            and not n.ordinal
        ):
            n.value += 0.5
            n.end = k + 3
    return out


def _hundred_and(prev: _Number, n: _Number, tokens: list[_Token]) -> bool:
    """Whisper's digits for "two hundred and ten" ("200 and 10") or "a hundred and twenty thousand
    dollars" ("$100 and $20,000"): joined into prev."""
    if not (prev.digits and n.digits and n.start == prev.end + 1 and tokens[prev.end].core == "and"):
        return False
    if tokens[prev.end - 1].breaks_after() or tokens[prev.end].breaks_after():
        return False
    if not (100 <= prev.value <= 900 and prev.value % 100 == 0):
        return False
    if n.value < 100 and n.value == int(n.value):
        prev.value += n.value
    elif n.value % 1000 == 0 and n.value < 100_000:
        prev.value = (prev.value + n.value / 1000) * 1000
    else:
        return False
    prev.digits, prev.end = "", n.end
    return True


def _unit(tokens: list[_Token], n: _Number) -> tuple[str, str, int]:
    """(prefix, suffix, tokens taken) for the unit said right after the number."""
    if tokens[n.end - 1].breaks_after() or n.end >= len(tokens):
        return "", "", 0
    nxt = tokens[n.end]
    two = nxt.core + (" " + tokens[n.end + 1].core if n.end + 1 < len(tokens) else "")
    if nxt.core == "percent":
        return "", "%", 1
    if two == "per cent" and not nxt.breaks_after():
        return "", "%", 2
    if nxt.core in CURRENCIES:
        return CURRENCIES[nxt.core], "", 1
    if nxt.core == "k":
        return "", "k", 1
    return "", "", 0


def _date_context(tokens: list[_Token], n: _Number) -> bool:
    before = tokens[n.start - 1].core if n.start > 0 and not tokens[n.start - 1].breaks_after() else ""
    after = [t.core for t in tokens[n.end : n.end + 2]]
    return before in MONTHS or (len(after) == 2 and after[0] == "of" and after[1] in MONTHS)


def _render(n: _Number, tokens: list[_Token]) -> str | None:
    """The written form, or None to leave the words as they are."""
    if n.ambiguous:
        return None
    prefix, suffix, taken = _unit(tokens, n)
    if n.digits:
        if not taken:
            return None
        text = n.digits
    elif n.ordinal:
        if not _date_context(tokens, n):
            return None
        month_first = n.start > 0 and tokens[n.start - 1].core in MONTHS
        value = int(n.value)
        text = str(value) if month_first else _ordinal(value)
    else:
        single = n.end - n.start == 1
        if single and n.value < SMALLEST_BARE_NUMBER and not taken:
            return None
        text = _cardinal(n) + n.compound
    n.end += taken
    return prefix + text + suffix


def _cardinal(n: _Number) -> str:
    if n.scale:
        return f"{n.value / SCALES[n.scale]:g} {n.scale}"
    if n.value != int(n.value):
        return f"{n.value:g}" if n.value < 1e6 else f"{n.value:,.2f}"
    value = int(n.value)
    if n.year or value < 1000 or (1900 <= value <= 2099 and value % 100):
        return str(value)
    return f"{value:,}"


def _ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _glued(raw: list[str]) -> list[list[int]]:
    """Groups of word indices: Whisper splits some numbers across words ("11" ",000", "4" ".5",
    "97" "%"); each such group is read as one word."""
    groups: list[list[int]] = []
    for i, word in enumerate(raw):
        previous = raw[groups[-1][-1]] if groups else ""
        if previous.strip()[-1:].isdigit() and re.match(r"^(?:[.,]\d|%)", word):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _rewrite(raw: list[str]) -> list[tuple[list[int], str]]:
    """For words `raw`, the new words: (indices of the words it replaces, its text)."""
    groups = _glued(raw)
    tokens = [_Token.of("".join(raw[i].strip() for i in g)) for g in groups]
    out: list[tuple[list[int], str]] = []
    taken_until = 0
    numbers = _combine(_find(tokens), tokens)
    by_start = {n.start: n for n in numbers}
    i = 0
    while i < len(tokens):
        n = by_start.get(i)
        written = _render(n, tokens) if n is not None and i >= taken_until else None
        if n is None or written is None:
            out.append((groups[i], "".join(raw[j].strip() for j in groups[i])))
            i += 1
            continue
        first, last = tokens[n.start], tokens[n.end - 1]
        indices = [j for g in groups[n.start : n.end] for j in g]
        currency = "" if written[:1] in "$£€" else first.currency
        out.append((indices, first.lead + currency + written + last.trail))
        taken_until = i = n.end
    return out


def write_numbers(words: list[Word]) -> list[Word]:
    """`words` (Whisper's, each with its leading space) with spoken numbers written as digits; a
    number said in several words becomes one word spanning their times, with the lowest of their
    probabilities. A number Whisper split ("97" "%", "11" ",000") becomes one word."""
    if not words:
        return words
    result = []
    for indices, text in _rewrite([w.word for w in words]):
        first = words[indices[0]]
        if len(indices) == 1 and text == first.word.strip():
            result.append(first)
            continue
        span = [words[j] for j in indices]
        space = first.word[: len(first.word) - len(first.word.lstrip())]
        result.append(
            Word(word=space + text, start=span[0].start, end=span[-1].end, probability=min(w.probability for w in span))
        )
    return result


def write_numbers_in_text(text: str) -> str:
    """The same rewriting for plain text (words split on spaces)."""
    return " ".join(new for _, new in _rewrite([" " + word for word in text.split()]))
