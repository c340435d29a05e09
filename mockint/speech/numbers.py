"""Spoken numbers written as digits: "four thousand open tickets" -> "4,000 open tickets".

Whisper writes most numbers as digits, but not all: a chunk that starts mid-sentence, a keyword
cue or a fast speaker leaves "nineteen hours", "twenty nineteen", "two point five million
dollars" or "forty percent" in words. The scorer quotes quantities and the LLM writes them as
digits, so the transcript writes every quantity one way: digits, "%", "$".

text2num (`find_numbers`, made for ASR token streams) finds the spoken numbers; the rules here
join what it leaves apart and choose the written form:
- "twenty nineteen", "nineteen eighty four": a year (two two-digit numbers said in a row), up to 2050 ("twenty eighty
  instead of eighty twenty" is a ratio) and not a round range after an estimate ("about twenty thirty people").
- "two point five million", "a hundred and fifty", "three and a half": one number.
- A decimal said without its nought where a figure is expected ("minus point three", "went up by point
  two", "point five percent") -> "-0.3", "0.2", "0.5%"; a sign is written when said before a figure
  ("minus 0.24" -> "-0.24"; "plus" only before a fraction), never between two numbers ("five minus
  three"). "At that point two of them left" and "at one point two people" stay words.
- A hyphenated pair of numbers is both digits: "grade five-five" -> "5-5".
- "N percent" -> "N%"; "N dollars/pounds/euros" -> "$N", "£N", "€N"; "N k" -> "Nk".
- A price in pounds and pence: "twenty two pounds fifty" -> "£22.50"; and two numbers said right after a price
  ("from twenty two pounds to nineteen eighty") are the next price, £19.80, not the year 1980 (a transport
  manager's trial: a cost per drop read as rising to £1,980, and the story held at 22 for impossible figures).
- Ordinals only in dates ("June fifteenth" -> "June 15", "the third of May" -> "the 3rd of May");
  "the first time", "a second" stay words.
- Two numbers said in a row that are not a year stay words ("eleven thirty", a time).
- "zero", "one" and "two" on their own stay words ("one of them", "two of us", and "two weeks": a
  question's "two weeks" echoed in the answer must still match it for the scorer's relevance
  cue, which changed one corpus answer's score when it was "2 weeks") unless a unit follows
  that makes them a quantity ("2%", "$1") or they end a range with a larger number.
- A range is written alike at both ends: "two to three days" -> "2 to 3 days", and a scale or
  currency said once is both ends' ("thirty to forty thousand dollars" -> "$30,000 to $40,000",
  not "30 to $40,000": the first figure was wrong).
- No number where none was said: plural number words ("thousands of users", "band fives"), a
  bare scale after a vague or fraction word ("a few hundred", "half a million"), fractions
  ("three quarters of the team"), "half four" (a time).
- Whisper's words for "sixty-four" are " sixty" "-four": read as one word (64, not "60-4").
Punctuation is a boundary: "three, four" stays two numbers.

Typed and pasted answers are read through the same rules (`numbers_written`, used by the scorers): a
trial's results story typed with "thirty-eight percent", "minus point three" and "twenty twenty-four"
scored 40 (its years and decimals read as a heap of unrelated figures, which shut a gate) where the same
text with digits scored 98.

Checked on the number-heavy espeak-ng answers, the other speech styles' transcripts, the scoring
corpus answers and the real clips' references (every sentence these rules change, read, and the
offline scorer's grades of the corpus unchanged).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from mockint.records import Transcript, Word

MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
CURRENCIES = {"dollars": "$", "dollar": "$", "bucks": "$", "pounds": "£", "euros": "€", "euro": "€"}
# Isolated cardinals below this stay words unless a unit follows.
SMALLEST_BARE_NUMBER = 3
# The latest year a candidate says: targets reach 2050 ("net zero by twenty fifty"); "twenty eighty" is a ratio.
LATEST_YEAR = 2050
ESTIMATE_WORDS = frozenset({"about", "around", "roughly", "maybe", "approximately", "like", "some"})
# A bare scale after these is vague or a fraction: "a few hundred", "half a million".
VAGUE_BEFORE_SCALE = frozenset({"few", "several", "many", "couple", "half", "quarter", "third"})
# "three quarters of the team" is a fraction, not three quarters of a year.
FRACTIONS = frozenset(
    {"halves", "thirds", "quarters", "fourths", "fifths", "sixths", "sevenths", "eighths", "ninths", "tenths"}
)
SIGNS = {"minus": "-", "plus": "+"}
# Words after which "point three" is a figure, 0.3: a sign, or a word that takes one ("went up by",
# "a score of", "from ... to"). After a determiner "point" is a noun: "at that point two of them left".
DECIMAL_AFTER = frozenset(
    """minus plus of to from by was were is are be been at about around roughly approximately nearly almost
    only just than between under over below above went gone rose fell dropped reached hit""".split()
)
_TENS_WORDS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
_DIGIT_WORDS = {
    w: str(i) for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
}
# A number word in the plural is no number (text2num reads "fives" as 5): a vague amount
# ("thousands of users", "tens of thousands") or a name ("band fives", "sixes and sevens").
_PLURAL_NUMBER = re.compile(
    r"^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|dozen|hundred|thousand|million|billion)e?s$"
)

_BOUNDARY = re.compile(r"[,.;:!?\u2026]")
_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
# The rest of "sixty-four" as Whisper's word after "sixty": no space, a hyphen, a digit's name.
_SPLIT_ONES = re.compile(r"^-(?:one|two|three|four|five|six|seven|eight|nine)\b", re.IGNORECASE)
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
    quantity: bool = False  # a small number said in a range with a larger one: "two to three"
    currency: str = ""  # the range's currency, said after its other end: "thirty to forty thousand dollars"
    sign: str = ""  # "-" or "+": "minus point three" -> -0.3
    pence: bool = False  # a price said in pounds and pence: "twenty two pounds fifty" -> £22.50


def _find(tokens: list[_Token]) -> list[_Number]:
    from text_to_num import find_numbers

    found: list[_Number] = []
    # Digits are read below; plural number words ("thousands of") are no number at all.
    words = [_Token("", "", "", "") if _DIGITS.match(t.core) or _PLURAL_NUMBER.match(t.core) else t for t in tokens]
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
            rest = [_digits_of_word(p) for p in parts[k:]]  # "five-five" -> 5-5, "five-member" -> 5-member
            return [_Number(index, index + 1, float(value), compound="-" + "-".join(rest))]
    return []


def is_a_number(word: str) -> bool:
    """Whether one lower-case token is a number, in digits ("600", "1,200") or a word ("six", "thirteen", "hundred"), or
    a vague amount said before a unit ("a few", "a couple")."""
    return bool(_DIGITS.match(word)) or word in VAGUE_BEFORE_SCALE or _digits_of_word(word) != word


def _digits_of_word(word: str) -> str:
    """A single number word as digits ("five" -> "5"), any other word as it is."""
    from text_to_num import text2num

    try:
        return str(text2num(word, "en"))
    except ValueError:
        return word


def _joined(a: _Number, b: _Number, tokens: list[_Token]) -> bool:
    return b.start == a.end and not tokens[a.end - 1].breaks_after() and not tokens[b.start].lead


def _a_year(first: _Number, second: _Number, tokens: list[_Token]) -> bool:
    """Whether two numbers said in a row are a year: not past LATEST_YEAR ("it's twenty eighty instead of eighty twenty",
    a ratio, had read as 2080), nor a round range after a word of estimate ("about twenty thirty people": 2030 people)."""
    year = first.value * 100 + second.value
    estimate = first.start > 0 and tokens[first.start - 1].core in ESTIMATE_WORDS and second.value % 10 == 0
    return year <= LATEST_YEAR and not estimate


def _combine(numbers: list[_Number], tokens: list[_Token]) -> list[_Number]:
    out: list[_Number] = []
    for n in _decimals(numbers, tokens):
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
            if said_pair and 10 <= n.value <= 99 and n.value == int(n.value) and (sign := _price_before(prev, out, tokens)):
                # "from twenty two pounds to nineteen eighty": a price, not the year 1980
                prev.value, prev.pence, prev.currency, prev.end = prev.value + n.value / 100, True, sign, n.end
                continue
            if said_pair and 13 <= prev.value <= 20 and 10 <= n.value <= 99 and n.value == int(n.value) and _a_year(prev, n, tokens):
                prev.value, prev.year, prev.end = prev.value * 100 + n.value, True, n.end  # "twenty nineteen"
                continue
        if prev is not None and _pence_after(prev, n, tokens):
            # "twenty two pounds fifty" -> £22.50, not "£22 50"
            prev.currency, prev.value, prev.pence, prev.end = CURRENCIES[tokens[prev.end].core], prev.value + n.value / 100, True, n.end
            continue
        # a number word said right after a year starts something else: "in twenty twenty one one of my boatmen" (a
        # deputy harbour master's story: both left as words, so it told "no dates")
        if prev is not None and _joined(prev, n, tokens) and not prev.digits and not n.digits and not prev.year:
            prev.ambiguous = n.ambiguous = True
        if first in SCALES | {"hundred": 100} and n.start > 0 and tokens[n.start - 1].core == "a" and not tokens[
            n.start - 1
        ].breaks_after():
            n.start -= 1  # "a hundred and fifty"
        if tokens[n.end - 1].core in ("million", "billion") and n.value >= 1_000_000:
            n.scale = tokens[n.end - 1].core  # "3 million", not "3,000,000"
        out.append(n)
    out = _and_a_half(out, tokens)
    _signs(out, tokens)
    for n in out:
        n.year = n.year or (_said(n) and 1000 <= n.value <= 2099 and _previous(tokens, n.start) == "year")
    for a, b in itertools.pairwise(out):
        link = _next(tokens, a.end - 1) if b.start == a.end + 1 else None
        if link in ("to", "or", "and") and _next(tokens, a.end) is not None:
            _range(a, b, tokens)
        elif link == "in" and _said(a) and not (b.year or b.ordinal or b.ambiguous) and a.value < b.value <= 1000:
            # a rate: "about one in four families weren't called back" -> "1 in 4" (a funeral director's story: "one in"
            # stayed words, so the rate read as no figure: Quantified impact 1 of 4)
            a.quantity = b.quantity = True
    return out


# Words that may stand between a price and the next one said without its currency: "from £22 to nineteen eighty",
# "twelve pounds fifty, down to about nine ninety".
_BETWEEN_PRICES = frozenset("to from down up was were is then and or about around roughly nearly just only under over".split())


def _pence_after(prev: _Number, n: _Number, tokens: list[_Token]) -> bool:
    """Whether n is the pence of the pounds said as prev: "twenty two pounds fifty", "three dollars ninety nine"."""
    between = tokens[prev.end] if prev.end < len(tokens) else None
    return (n.start == prev.end + 1 and between is not None and between.core in ("pounds", "dollars", "euros")
            and not tokens[prev.end - 1].breaks_after() and not between.breaks_after() and not n.digits and not prev.pence
            and prev.value == int(prev.value) < 1000 and n.value == int(n.value) and 10 <= n.value <= 99 and not n.ordinal
            and _unit(tokens, n) == ("", "", 0) and not _counts_something(tokens, n))


def _counts_something(tokens: list[_Token], n: _Number) -> bool:
    """Whether a plural noun follows n: "ten pounds twenty people came" counts people, it is no price."""
    after = _next(tokens, n.end - 1)
    return after is not None and (after in SCALES or after in ("people", "staff", "children", "men", "women")
                                  or (len(after) > 3 and after.endswith("s") and not after.endswith("ss")))


def _price_before(first: _Number, out: list[_Number], tokens: list[_Token]) -> str:
    """The currency of a price said just before two numbers in a row ("from twenty two pounds to nineteen eighty"),
    which makes them pounds and pence; "" when there is none."""
    if len(out) < 2:
        return ""
    price = out[-2]
    sign = tokens[price.start].currency or price.currency or (
        CURRENCIES.get(tokens[price.end].core, "") if price.end < len(tokens) else "")
    words = tokens[price.end:first.start]
    words = words[1:] if words and words[0].core in CURRENCIES else words
    if not sign or price.value >= 1000 or not 1 <= len(words) <= 3 or any(w.core not in _BETWEEN_PRICES for w in words):
        return ""
    return sign if first.value < 100 and not any(t.breaks_after() for t in tokens[price.end - 1:first.start - 1]) else ""


def _range(a: _Number, b: _Number, tokens: list[_Token]) -> None:
    """Two numbers said as a range ("a to b", "a or b", "between a and b") are written alike:
    "two to three days" -> "2 to 3 days" ("two" alone stays a word), and "thirty to forty
    thousand" -> "30,000 to 40,000" (the scale said once is both ends')."""
    for small, other in ((a, b), (b, a)):
        other_small = _small(other) and not _unit(tokens, other)[2]  # "one or two dollars": a quantity
        if _said(small) and _small(small) and not (other_small or other.ambiguous or other.ordinal):
            small.quantity = True
    scale = tokens[b.end - 1].core
    unscaled = not (a.ordinal or a.ambiguous or b.ambiguous) and tokens[a.end - 1].core not in SCALES
    if scale in SCALES and unscaled and a.value < b.value / SCALES[scale]:
        a.value *= SCALES[scale]
        a.scale, a.digits, a.quantity = b.scale, "", True
    if not (a.digits or a.ordinal or a.ambiguous):
        a.currency = _unit(tokens, b)[0] or a.currency  # a price in pounds and pence keeps its own


def _said(n: _Number) -> bool:
    return not n.digits and not n.ordinal and not n.ambiguous


def _small(n: _Number) -> bool:
    """Said on its own as "zero", "one" or "two", and no quantity by itself."""
    return n.end - n.start == 1 and n.value < SMALLEST_BARE_NUMBER and not n.quantity


def _next(tokens: list[_Token], i: int) -> str | None:
    """The word after token i, if no punctuation comes between."""
    if i + 1 >= len(tokens) or tokens[i].breaks_after() or tokens[i + 1].lead:
        return None
    return tokens[i + 1].core


def _previous(tokens: list[_Token], i: int) -> str | None:
    """The word before token i, if no punctuation comes between."""
    if i == 0 or tokens[i - 1].breaks_after() or tokens[i].lead:
        return None
    return tokens[i - 1].core


def _decimals(numbers: list[_Number], tokens: list[_Token]) -> list[_Number]:
    """A decimal said without its nought: "point three" -> 0.3, "minus point two four" -> -0.24 (the
    sign is _signs'). Only where a number is expected: before "percent", or after a sign or a word that
    takes a figure ("went up by point two", "a figure of point five"); "at that point three of them
    left" and "the main point two" stay words."""
    by_start = {n.start: n for n in numbers}
    ends = {n.end for n in numbers}
    out: list[_Number] = []
    merged: set[int] = set()
    for n in numbers:
        if n.start in merged:
            continue
        point = n.start - 1
        if not (_digit_name(n, tokens) and point >= 0 and point not in ends and _previous(tokens, n.start) == "point"):
            out.append(n)
            continue
        digits = [n]
        while (nxt := by_start.get(digits[-1].end)) is not None and _digit_name(nxt, tokens) and _joined(digits[-1], nxt, tokens):
            digits.append(nxt)
        after = [_next(tokens, digits[-1].end - 1), _next(tokens, digits[-1].end)]
        before = _previous(tokens, point)
        range_end = before in ("and", "or") and bool(out) and out[-1].end == point - 1 and 0 < out[-1].value < 1
        if before not in DECIMAL_AFTER and not range_end and after[0] != "percent" and after != ["per", "cent"]:
            out.append(n)
            continue
        value = float("0." + "".join(_DIGIT_WORDS[tokens[d.start].core] for d in digits))
        out.append(_Number(point, digits[-1].end, value))
        merged.update(d.start for d in digits[1:])
    return out


def _digit_name(n: _Number, tokens: list[_Token]) -> bool:
    return not n.digits and n.end - n.start == 1 and tokens[n.start].core in _DIGIT_WORDS


def _signs(numbers: list[_Number], tokens: list[_Token]) -> None:
    """"minus point three" -> -0.3, "minus 0.24" -> -0.24, "plus point one" -> +0.1: a figure said with
    its sign is written with it (as people type a progress score). Not after another number ("five
    minus three" is a sum); "plus" only before a fraction ("plus two more staff" is no signed figure)."""
    ends = {n.end for n in numbers}
    for n in numbers:
        word = _previous(tokens, n.start)
        if word not in SIGNS or n.ordinal or n.ambiguous or (n.start - 1) in ends:
            continue
        if word == "plus" and n.value == int(n.value):
            continue
        n.sign, n.start, n.quantity = SIGNS[word], n.start - 1, True


def _and_a_half(numbers: list[_Number], tokens: list[_Token]) -> list[_Number]:
    """A number and a half: "two and a half weeks" -> 2.5 weeks, "three and a half thousand" -> 3,500."""
    by_start = {n.start: n for n in numbers}
    dropped: set[int] = set()
    for n in numbers:
        k = n.end
        if n.ordinal or n.start in dropped or [t.core for t in tokens[k : k + 3]] != ["and", "a", "half"]:
            continue
        if any(t.breaks_after() for t in tokens[k - 1 : k + 2]):
            continue
        n.value += 0.5
        n.end = k + 3
        scale = by_start.get(k + 3)
        if scale is not None and scale.end == k + 4 and tokens[k + 3].core in SCALES and _next(tokens, k + 2):
            n.value *= SCALES[tokens[k + 3].core]
            n.scale = tokens[k + 3].core if tokens[k + 3].core != "thousand" else ""
            n.end = k + 4
            dropped.add(k + 3)
    return [n for n in numbers if n.start not in dropped]


def _hundred_and(prev: _Number, n: _Number, tokens: list[_Token]) -> bool:
    """Whisper's digits for "two hundred and ten" ("200 and 10") or "a hundred and twenty thousand
    dollars" ("$100 and $20,000"): joined into prev."""
    if not (prev.digits and n.digits and n.start == prev.end + 1 and tokens[prev.end].core == "and"):
        return False
    if tokens[prev.end - 1].breaks_after() or tokens[prev.end].breaks_after():
        return False
    if not (100 <= prev.value <= 900 and prev.value % 100 == 0):
        return False
    # not a sum of money and a count of something else: "a fine of about £100 and 3 points" (a typed answer read twice:
    # its own written form became "£103 points", a quote the card showed as verified)
    if tokens[prev.start].currency and not tokens[n.start].currency:
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
    prefix = prefix or n.currency
    if n.digits:
        if not (taken or n.sign):
            return None
        text = n.digits
    elif n.ordinal:
        if not _date_context(tokens, n):
            return None
        month_first = n.start > 0 and tokens[n.start - 1].core in MONTHS
        value = int(n.value)
        text = str(value) if month_first else _ordinal(value)
    else:
        if _vague_scale(n, tokens) or (_next(tokens, n.end - 1) in FRACTIONS and _next(tokens, n.end) == "of"):
            return None
        if _previous(tokens, n.start) == "half" and n.end - n.start == 1 and n.value <= 12:
            return None  # "half four": a time of day
        if _previous(tokens, n.start) == "at" and [t.core for t in tokens[n.start : n.start + 2]] == ["one", "point"]:
            return None  # "at one point two of them left": a moment, not 1.2
        single = n.end - n.start == 1
        if single and n.value < SMALLEST_BARE_NUMBER and not taken and not n.quantity:
            return None
        text = _cardinal(n) + n.compound
    n.end += taken
    return n.sign + prefix + text + suffix


def _vague_scale(n: _Number, tokens: list[_Token]) -> bool:
    """A scale said without a number of its own after a vague or fraction word: "a few hundred",
    "several thousand", "half a million", "a quarter of a million", "one in a million"."""
    words = [t.core for t in tokens[n.start : n.end]]
    if words[0] == "a":
        words = words[1:]
    if not words or words[0] not in (*SCALES, "hundred"):
        return False
    i = n.start
    while _previous(tokens, i) in ("a", "of"):
        i -= 1
    before = _previous(tokens, i)
    return before in VAGUE_BEFORE_SCALE or (before == "in" and _previous(tokens, i - 1) == "one")


def _cardinal(n: _Number) -> str:
    if n.pence:
        return f"{n.value:.2f}"
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
    "97" "%", "sixty" "-four"); each such group is read as one word."""
    groups: list[list[int]] = []
    for i, word in enumerate(raw):
        previous = raw[groups[-1][-1]] if groups else ""
        split_digits = previous.strip()[-1:].isdigit() and re.match(r"^(?:[.,]\d|%)", word)
        split_tens = previous.strip().lower() in _TENS_WORDS and _SPLIT_ONES.match(word)
        if split_digits or split_tens:
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
        said_currency = tokens[n.start + bool(n.sign)].currency  # "$" of "$4,000", after a sign's word
        currency = "" if written.lstrip("-+")[:1] in "$£€" else said_currency
        out.append((indices, first.lead + n.sign + currency + written.removeprefix(n.sign) + last.trail))
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


@lru_cache(maxsize=256)  # the scorers read one answer's text several times
def write_numbers_in_text(text: str) -> str:
    """The same rewriting for plain text: what a candidate typed or pasted reads as what transcription
    would have written for it. The spaces and line breaks between words are kept; digits stay as
    they are (rewriting its own output changes nothing)."""
    pieces = re.findall(r"(\s*)(\S+)", text)
    if not pieces:
        return text
    rewritten = _rewrite([" " + word for _, word in pieces])
    tail = text[len(text.rstrip()):]
    return "".join(pieces[indices[0]][0] + new for indices, new in rewritten) + tail


def numbers_written(transcript: Transcript) -> Transcript:
    """`transcript` with its numbers written as transcription writes them, so a story scores the same
    typed with "thirty-eight percent" as spoken or typed with "38%" (the scorers read figures, years and
    decimals from digits). A transcript with word timings came from transcription, which wrote them
    already, chunk by chunk, and is returned as it is, like one that has no number to write."""
    if transcript.words:
        return transcript
    text = write_numbers_in_text(transcript.text)
    return transcript if text == transcript.text else transcript.model_copy(update={"text": text})


def as_typed(quote: str, written: str, typed: str) -> str:
    """A quote of `written` (a typed answer with its numbers written, `numbers_written`) in the words the candidate
    typed: "in 3 parts" -> "in three parts". A card's quotes are headed "verified quote", and a teacher shown her
    "in three parts" as "in 3 parts" (and "year 4 and five": only one was a number) read that as a misquote. Each
    piece of a quote joined by "..." maps on its own; a quote not found in `written` comes back as it is."""
    pieces = [p.strip() for p in _QUOTE_GAP.split(quote)]
    spans = _typed_spans(written, typed)
    mapped = []
    for piece in pieces:
        at = written.find(piece) if piece else -1
        if at < 0:
            return quote
        mapped.append(" ".join((_typed_slice(at, at + len(piece), spans, typed) or piece).split()))
    return " ... ".join(mapped)


_QUOTE_GAP = re.compile(r"\s*(?:\.\.\.+|…)\s*")
# Words, figures ("99.9%", "$2.5", "1,200") and each punctuation mark: a full stop between two numbers keeps them apart.
_WORD_SPAN = re.compile(r"[$£€]?\d+(?:[.,]\d+)*%?|[^\W_]+(?:['\u2019-][^\W_]+)*|\S")


@lru_cache(maxsize=8)  # one alignment for every quote of a card, not one per quote
def _typed_spans(written: str, typed: str) -> tuple[tuple[int, int, int, int, bool], ...]:
    """(written start, written end, typed start, typed end, same words) for each word the two texts share, and for
    each run of typed words that was written as a number."""
    import difflib

    w = [(m.start(), m.end()) for m in _WORD_SPAN.finditer(written)]
    t = [(m.start(), m.end()) for m in _WORD_SPAN.finditer(typed)]
    matcher = difflib.SequenceMatcher(None, [written[a:b] for a, b in w], [typed[a:b] for a, b in t], autojunk=False)
    spans = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            spans.extend((*w[i1 + k], *t[j1 + k], True) for k in range(i2 - i1))
        elif i2 > i1 and j2 > j1:
            spans.append((w[i1][0], w[i2 - 1][1], t[j1][0], t[j2 - 1][1], False))
    return tuple(spans)


def _typed_slice(start: int, end: int, spans: tuple[tuple[int, int, int, int, bool], ...], typed: str) -> str | None:
    """typed's text for written[start:end], whole numbers included; None where a word has no typed counterpart."""
    first = next((s for s in spans if s[0] <= start < s[1]), None)
    last = next((s for s in spans if s[0] < end <= s[1]), None)
    if first is None or last is None:
        return None
    begin = first[2] + (start - first[0] if first[4] else 0)
    finish = last[3] - (last[1] - end) if last[4] else last[3]  # a number's typed words are quoted whole
    return typed[begin:finish]
