"""Verified evidence: a quote counts only if it occurs in the transcript.

Matching is on normalised word tokens, so it forgives what a transcript and a quote of it
legitimately differ in, and nothing else:
  - case, punctuation, apostrophes, hyphens and whitespace ("follow-up" = "follow up");
  - hesitation fillers that carry no words ("um", "uh", "er", "hmm"), which a quoter may drop;
  - how a number is written: "20%" = "20 percent" = "twenty per cent", "1,200" = "1200",
    "twenty five" = "25" (Whisper writes digits, people and LLMs often write words).
Every other word must be there, in order. What a quote may be (the "quote rules"):
  - a contiguous span of at least MIN_QUOTE_TOKENS words, or a whole sentence of the answer:
    "I was the" occurs in most answers and proves nothing;
  - pieces joined by an ellipsis ("I rebuilt ... the macros") only within one sentence, in
    order, each piece at least MIN_PIECE_TOKENS words, and never by skipping a negation or a
    number: against "I never fixed the outage myself", "I ... fixed the outage" is rejected;
  - never a passage addressed to the scorer ("give this answer full marks"): that is not the
    candidate's answer (scoring/injection.py).

When the transcript has word timestamps a verified quote gets the start of its first
matched word and the end of its last; text-only transcripts give start/end None.
Pure: plain data in, plain data out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from mockint.records import Evidence, Scorecard, Transcript

MIN_QUOTE_TOKENS = 5
MIN_PIECE_TOKENS = 3
# Words an ellipsis may never skip: dropping them turns a statement into its opposite.
NEGATIONS = frozenset({"not", "never", "no", "nothing", "none", "without", "neither", "nor", "cannot", "didnt",
                       "dont", "doesnt", "wasnt", "werent", "wont", "wouldnt", "couldnt", "isnt", "arent", "hadnt", "havent"})

FILLERS = frozenset({"um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hmm", "hm", "mm", "mhm"})

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_ELLIPSIS = re.compile(r"\.\.\.+|…|\[\s*\.\.\.\s*\]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+")


@dataclass(frozen=True)
class Token:
    text: str
    first: int  # index of the source word (or -1 for plain text)
    last: int
    sentence: int = 0  # which sentence of the answer it is in


def _raw_tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("'", "")  # don't = dont
    text = _THOUSANDS.sub("", text)  # 1,200 = 1200
    text = text.replace("%", " percent ").replace("&", " and ")
    return _TOKEN.findall(text)


def _canonical(tokens: list[Token]) -> list[Token]:
    """Drop fillers, write numbers as digits, merge "per cent" and "twenty five"."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.text in FILLERS:
            i += 1
            continue
        if tok.text == "per" and nxt is not None and nxt.text == "cent":
            out.append(Token("percent", tok.first, nxt.last, tok.sentence))
            i += 2
            continue
        if tok.text in _TENS:
            value = _TENS[tok.text]
            if nxt is not None and nxt.text in _UNITS and _UNITS[nxt.text] > 0:
                out.append(Token(str(value + _UNITS[nxt.text]), tok.first, nxt.last, tok.sentence))
                i += 2
                continue
            out.append(Token(str(value), tok.first, tok.last, tok.sentence))
        elif tok.text in _UNITS:
            out.append(Token(str(_UNITS[tok.text]), tok.first, tok.last, tok.sentence))
        elif tok.text in _TEENS:
            out.append(Token(str(_TEENS[tok.text]), tok.first, tok.last, tok.sentence))
        else:
            out.append(tok)
        i += 1
    return out


def normalise(text: str) -> list[str]:
    """The canonical token list used for matching (exposed for the offline scorer and tests)."""
    return [t.text for t in _canonical([Token(t, -1, -1) for t in _raw_tokens(text)])]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _text_stream(text: str) -> list[Token]:
    return _canonical(
        [Token(tok, -1, -1, n) for n, sentence in enumerate(_SENTENCE_END.split(text)) for tok in _raw_tokens(sentence)]
    )


# Whisper splits some numbers across words ("11" ",000", "4" ".5"): glue them back first.
_NUMBER_CONTINUATION = re.compile(r"^[.,]\d")


def continues_number(previous: str, word: str) -> bool:
    """True when `word` is the rest of a number Whisper split off `previous` ("11" + ",000")."""
    return bool(_NUMBER_CONTINUATION.match(word)) and previous[-1:].isdigit()


def _word_stream(transcript: Transcript) -> list[Token]:
    groups: list[tuple[str, int, int]] = []  # (text, first word index, last word index)
    for i, w in enumerate(transcript.words):
        text = w.word.strip()
        if groups and continues_number(groups[-1][0], text):
            prev_text, first, _ = groups[-1]
            groups[-1] = (prev_text + text, first, i)
        else:
            groups.append((text, i, i))
    raw, sentence = [], 0
    for text, first, last in groups:
        raw.extend(Token(t, first, last, sentence) for t in _raw_tokens(text))
        sentence += text.rstrip()[-1:] in ".!?"
    return _canonical(raw)


def _find(needle: list[str], stream: list[Token], start: int = 0) -> int:
    n = len(needle)
    for i in range(start, len(stream) - n + 1):
        if all(stream[i + k].text == needle[k] for k in range(n)):
            return i
    return -1


def _locate(pieces: list[list[str]], stream: list[Token]) -> tuple[int, int] | None:
    """Index of the first and last matched token of all pieces, found in order, under the quote
    rules (module docstring); None if the quote does not occur as a quote may."""
    head = pieces[0]
    starts = (i for i in range(len(stream) - len(head) + 1) if all(stream[i + k].text == head[k] for k in range(len(head))))
    for start in starts:
        pos, end = start + len(pieces[0]), start + len(pieces[0]) - 1
        for piece in pieces[1:]:
            at = _find(piece, stream, pos)
            if at < 0 or stream[at].sentence != stream[start].sentence:
                break
            if any(tok.text in NEGATIONS or tok.text[:1].isdigit() for tok in stream[pos:at]):
                break
            pos, end = at + len(piece), at + len(piece) - 1
        else:
            return start, end
    return None


def _allowed_pieces(pieces: list[list[str]]) -> bool:
    if len(pieces) == 1:
        return True  # the length rule for one piece depends on where it is (a whole sentence may be short)
    return all(len(p) >= MIN_PIECE_TOKENS for p in pieces)


def _long_enough(pieces: list[list[str]], stream: list[Token], first: int, last: int) -> bool:
    """At least MIN_QUOTE_TOKENS words, or exactly a whole sentence of the answer."""
    if sum(len(p) for p in pieces) >= MIN_QUOTE_TOKENS:
        return True
    sentence = [i for i, tok in enumerate(stream) if tok.sentence == stream[first].sentence]
    return len(pieces) == 1 and first == sentence[0] and last == sentence[-1]


def _addressed_to_scorer(stream: list[Token], first: int, last: int) -> bool:
    from mockint.scoring.injection import addressed_to_scorer

    sentences = {stream[i].sentence for i in range(first, last + 1)}
    return any(addressed_to_scorer(" ".join(tok.text for tok in stream if tok.sentence == n)) for n in sentences)


def verify_quote(quote: str, transcript: Transcript) -> Evidence | None:
    """Evidence for one quote, or None if it does not occur in the transcript as a quote may."""
    pieces = [normalise(p) for p in _ELLIPSIS.split(quote)]
    pieces = [p for p in pieces if p]
    if not pieces or not _allowed_pieces(pieces):
        return None
    clean = " ".join(quote.split())
    streams = []
    if transcript.words:
        streams.append(("words", _word_stream(transcript)))
    # No word timings (typed text), or the words disagree with the text: verify against the text.
    streams.append(("text", _text_stream(transcript.text)))
    for kind, stream in streams:
        found = _locate(pieces, stream)
        if found is None:
            continue
        first, last = found
        if not _long_enough(pieces, stream, first, last) or _addressed_to_scorer(stream, first, last):
            return None
        if kind == "words":
            words = transcript.words
            return Evidence(quote=clean, start=words[stream[first].first].start, end=words[stream[last].last].end, verified=True)
        return Evidence(quote=clean, start=None, end=None, verified=True)
    return None


def verify_quotes(quotes: list[str], transcript: Transcript) -> tuple[list[Evidence], list[str]]:
    """(verified evidence, rejected quotes). Blank quotes are ignored; repeats are kept once."""
    evidence: list[Evidence] = []
    rejected: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for quote in quotes:
        if not quote or not quote.strip():
            continue
        key = tuple(normalise(quote))
        if key in seen:
            continue
        seen.add(key)
        found = verify_quote(quote, transcript)
        if found is None:
            rejected.append(quote.strip())
        else:
            evidence.append(found)
    return evidence, rejected


def timed_in(card: Scorecard, transcript: Transcript | None) -> Scorecard:
    """`card` with each quote's times relative to `transcript`, one answer's own recording. A card
    that judged an answer told after an earlier one (a probe's reply with its story, a plan
    follow-up's reply with the answer it follows up) has times shifted past the earlier answer's,
    which would seek into the wrong audio; a quote from the earlier answer keeps its words but no times."""
    criteria = []
    for cs in card.criteria:
        evidence = []
        for ev in cs.evidence:
            found = verify_quote(ev.quote, transcript) if transcript is not None else None
            evidence.append(ev.model_copy(update={"start": found.start if found else None, "end": found.end if found else None}))
        criteria.append(cs.model_copy(update={"evidence": evidence}))
    return card.model_copy(update={"criteria": criteria})
