"""A typed question's misspelt words, read as the words they are closest to.

A user types their own questions quickly, and every reader of a question reads its exact words: the kinds'
patterns (rubrics/questions.yaml), the typed question's `concepts` and `topics` and the safety reading
(rubrics/substance.yaml, rubrics/safety.yaml). One typo switched them all off in a trial: "Tell me about a time you
disagred with your area managers decison" named no disagreement, so an off-topic Christmas story scored 87 instead
of 20; "Waht would you do if a store manager told you he'd been re-labelling out-of-date chicken?" read as
"tell me about a time", and a food-safety cover-up got no safety warning; "Why do you wnat to work for us?" read as
a story question, and a strong why-us answer dropped from 95 to 60.

So a typed question is read through this before any of them (coaching.questions.question_ref, and scoring's
_judged_on for any question not the bank's). A word is misspelt when no vocabulary the package already ships knows it,
nor it less one of a few endings ("actuals", "leavers", "sixes"): the static embedding's word-piece vocabulary
(scoring/embeddings/vocab.txt, its whole words), lemminflect's English lexicon (~100k words and their inflections:
"labelling", "trialled", which the word-piece vocabulary spells the American way or not at all) and every word of the
rubric files, the bank among them ("rota", "haccp"). It is read as a word of the rubric files (the words the readers
read; English ones only, most frequent first) that it is one slip of the keyboard from, by difflib's edit operations:
a letter dropped, added or changed, or two side by side swapped; the same letters swapped first ("paitent": "patient",
not "patent"), then the nearer by difflib's ratio (at least 0.75). Never read again: a word of under four letters
("hwo" is "how" or "who"), a four-letter word except for a swap ("resp", "comp", "sats" are short for something), a
five-letter word's changed letter ("admin" is no "admit"), a first letter changed, added or dropped ("karting" is no
"darting": a karting marshal's question, its relevance read on darts), a word with a capital inside or all in capitals
(HACCP, ePCR), a capitalised word inside a sentence (a name: "Priya"), a word joined to a figure ("HbA1c"). Measured against
reading into any English word of the word-piece vocabulary by ratio alone: over the dev split's answers, sentence by
sentence (the trade's own words: "replen", "revpar", "bolus", "planogram"), that read 64 correct words as others
("trialled" as "thrilled"); this reads none, and no question of the bank, of the dev split or of the kinds tests reads
differently (tests/test_question_spelling.py). A question with no unknown word costs well under a millisecond; the
first unknown word about half a second (the readings are built once), then a few milliseconds.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mockint.resources import resource_dir

# difflib's ratio from which a known word is a candidate reading (two letters swapped in a four-letter word: 0.75), and
# the shortest word read again at all.
SWAPPED_AT_LEAST = 0.75
SHORTEST = 4

_WORD = re.compile(r"(?<![\w'-])[A-Za-z]+(?![\w])|(?<=-)[A-Za-z]+(?![\w])")
_SENTENCE_START = re.compile(r"(^|[.?!:;]\s+|[\"(]\s*)$")


@dataclass(frozen=True)
class Vocabulary:
    known: frozenset[str]         # the word-piece vocabulary's whole words and the rubric files' (lemminflect: _is_known)
    rubric_words: frozenset[str]  # the rubric files' words, the bank's among them
    pieces: tuple[str, ...]       # the word-piece vocabulary's whole words, in its (frequency) order


def _rubric_words(folder: Path) -> frozenset[str]:
    words: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        words.update(w.lower() for w in re.findall(r"[A-Za-z]{2,}", path.read_text(encoding="utf-8")))
    return frozenset(words)


def _stamp() -> tuple[str, tuple[int, ...]]:
    folder = resource_dir("rubrics")
    return str(folder), tuple(p.stat().st_mtime_ns for p in sorted(folder.glob("*.yaml")))


@lru_cache(maxsize=2)
def _vocabulary(folder_text: str, _mtimes: tuple[int, ...]) -> Vocabulary:
    pieces = (Path(__file__).parent / "embeddings" / "vocab.txt").read_text(encoding="utf-8").split("\n")
    whole = tuple(w for w in pieces if w.isalpha() and w.isascii() and w.islower())
    rubric = _rubric_words(Path(folder_text))
    return Vocabulary(frozenset(whole) | rubric, rubric, whole)


def vocabulary() -> Vocabulary:
    return _vocabulary(*_stamp())


@dataclass(frozen=True)
class Readings:
    by_length: dict[int, tuple[str, ...]]  # words a misspelt word may read as, by length, most frequent first
    rank: dict[str, int]                   # a reading's place in the word-piece vocabulary (its frequency order)


@lru_cache(maxsize=2)
def _readings(folder_text: str, mtimes: tuple[int, ...]) -> Readings:
    """What a misspelt word may read as: the rubric files' words that are English (the word-piece vocabulary's or
    lemminflect's), most frequent first. Read only when a question has a word no list knows."""
    from lemminflect import getAllLemmas

    vocab = _vocabulary(folder_text, mtimes)
    pieces = set(vocab.pieces)
    order = {w: i for i, w in enumerate(vocab.pieces)}
    english = sorted((w for w in vocab.rubric_words if w in pieces or getAllLemmas(w)), key=lambda w: (order.get(w, len(order)), w))
    by_length: dict[int, list[str]] = {}
    for w in english:
        by_length.setdefault(len(w), []).append(w)
    return Readings({n: tuple(ws) for n, ws in by_length.items()}, {w: i for i, w in enumerate(english)})


# Endings a known word takes that no list spells out ("actuals", "timelines", "leavers", "sixes", "qualifieds"): a word
# that is a known one with one of them is known.
_ENDINGS = ("s", "es", "d", "ed", "r", "er", "rs", "ers", "ing", "ly")


_DOUBLING = ("als", "al")


def _is_known(word: str, vocab: Vocabulary) -> bool:
    from lemminflect import getAllLemmas

    def known(w: str) -> bool:
        return w in vocab.known or bool(getAllLemmas(w))

    # ... and a noun made of a known verb by doubling its last letter: "deferral" of "defer" (an aircraft engineer's typed
    # question read "who can extend a deferral" as "a referral"); "referal" stays a slip, its letter not doubled
    doubled = next((word[: -len(e)] for e in _DOUBLING if word.endswith(e) and len(word) - len(e) >= 4), "")
    return known(word) or any(word.endswith(e) and len(word) - len(e) >= 3 and known(word[: -len(e)]) for e in _ENDINGS) or (
        len(doubled) >= 4 and doubled[-1] == doubled[-2] and doubled[-1] not in "aeiou" and known(doubled[:-1]))


def one_slip(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with one slip of the keyboard: a letter dropped, added or changed, or two side by side
    swapped (difflib's edit operations between them)."""
    ops = [op for op in difflib.SequenceMatcher(None, typed, word, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(typed) == len(word) and sorted(typed) == sorted(word):
        diff = [i for i, (a, b) in enumerate(zip(typed, word)) if a != b]
        return len(diff) == 2 and diff[1] == diff[0] + 1
    if len(typed) < SHORTEST + 1 or (len(typed) < SHORTEST + 2 and len(typed) == len(word)):
        return False  # short words: only a swap; five letters: a letter dropped or added, not changed ("admin")
    if typed[0] != word[0]:
        return False  # a first letter is seen as it is typed: "karting" is a word of its own, not "darting" mistyped
    return len(ops) == 1 and max(ops[0][2] - ops[0][1], ops[0][4] - ops[0][3]) == 1


def _reading(word: str, vocab: Vocabulary) -> str | None:
    """The known word a misspelt lower-case `word` is one slip from (one_slip), or None when none is: the same letters
    reordered first ("paitent": "patient", not "patent"), then the nearer by difflib's ratio, then the more frequent."""
    readings = _readings(*_stamp())
    near = [w for n in range(len(word) - 1, len(word) + 2) for w in readings.by_length.get(n, ())]
    best: tuple[bool, float, int] | None = None
    found = None
    for candidate in difflib.get_close_matches(word, near, n=8, cutoff=SWAPPED_AT_LEAST):
        if not one_slip(word, candidate):
            continue
        ratio = difflib.SequenceMatcher(None, word, candidate).ratio()
        key = (sorted(candidate) == sorted(word), ratio, -readings.rank.get(candidate, len(readings.rank)))
        if best is None or key > best:
            best, found = key, candidate
    return found


@dataclass(frozen=True)
class ReadQuestion:
    text: str                                   # the question as its readers read it
    corrected: tuple[tuple[str, str], ...] = ()  # (as typed, as read), in order

    @property
    def changed(self) -> bool:
        return bool(self.corrected)


@lru_cache(maxsize=256)
def read_question(question: str) -> ReadQuestion:
    """`question` with each misspelt word read as the known word it is closest to (the module docstring says which
    words are never read again); unchanged when every word is known."""
    vocab = vocabulary()
    out: list[str] = []
    corrected: list[tuple[str, str]] = []
    last = 0
    for m in _WORD.finditer(question):
        word = m.group()
        lower = word.lower()
        if len(word) < SHORTEST or _is_known(lower, vocab):
            continue
        capitalised = word[0].isupper()
        if any(c.isupper() for c in word[1:]):
            continue  # HACCP, ePCR
        opens = bool(_SENTENCE_START.search(question[:m.start()]))
        if capitalised and not opens:
            continue  # a name
        reading = _reading(lower, vocab)
        if reading is None:
            continue
        reading = reading.capitalize() if capitalised else reading
        out.append(question[last:m.start()] + reading)
        last = m.end()
        corrected.append((word, reading))
    if not corrected:
        return ReadQuestion(question)
    return ReadQuestion("".join(out) + question[last:], tuple(corrected))


def as_read(question: str) -> str:
    """The question as its readers read it (read_question's text)."""
    return read_question(question).text
