"""What a figure in an answer can and cannot prove: figures that cannot be true, incidental figures, and labels.

Read from rubrics/substance.yaml (`impossible_figures`, `incidental_figures`, `labels`; its header says how to edit
them), on the answer as transcription writes its numbers ("a hundred and twelve percent" is "112%", "minus five" "-5").

- A figure that cannot be true ("112% compliance", "11 out of 10", "an R squared of 1.3", "-5 staff", "400 of them"
  after "we had 300 students") is no evidence: one shuts the `impossible_figure` gate (no measured impact or result),
  two or more `impossible_figures` (nonsense with numbers). Its twin that can be true is left alone: a change ("sales
  were up 150%"), a share of a target ("112% of target"), a difference ("-0.3 on the variance"), a temperature.
- A change stated beside the figures it runs between must agree with them: "from 150 to 180, a 40% jump" is 20 %,
  "from 92% to 99%, fifteen percentage points" is 7 (three trials' stories told so scored above their fixed twins).
- An incidental figure (a team size, years in a job, an age: specificity.yaml's Quantified impact level 1) is still a
  number the answer gives, but no measure of scale or impact. Before, "a support team of 6 people" alone gave the
  demo's no-result sample Quantified impact 2 and, with a Real example the model lifted to 4, an overall of 83.
- A label ("year 10", "key stage 4", "ward 7", "platform 2") is a name, not a quantity: no figure at all. Not with
  "%" or a unit after it, nor a plural after "a"/"the" and the label word: read as labels, "by the end of the year 94%
  of staff had completed it" scored 48 where "by the end of March" scored 72.
- A hyphen between words or figures ("2-3 days", "COVID-19") is no minus, and what may truly pass 100 % (bed
  occupancy), a 0-1 statistic's word before some other number ("the correlation at 3 sites"), "6 of the 3 phase
  meters" and a count after "with" are no figure that cannot be true: a reviewer's cases, none in the corpus (no card
  moved), each a strong answer capped for nothing.
- Their twins that cannot be true were missed the other way: "11 of the 10 new starters" read "10 new" as a compound
  like "3 phase" (an adjective starts none: lemminflect's lexicon tells "new" from "phase"), "11 out of the 10" never
  looked past "the", and "an R squared of 1.3 on the test set" was skipped as its clause went on (a preposition with
  no figure straight after it now ends the statistic's phrase; "2 in 10" still does not). A reviewer's cases: no dev
  card moved.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mockint.scoring.lexicon import NUMBER_WORDS, STOPWORDS, YEAR, word_classes

IMPOSSIBLE_LISTS = ("shares", "of_a_target", "at_most_one", "never_negative", "differences")
# One word each, matched as a token, not as a phrase: substance.yaml's header says what each is for.
IMPOSSIBLE_WORDS = ("change_before", "change_after", "relative_after", "units", "plurals_without_s", "hedges", "fall_before",
                    "restating", "falls_after", "falls_from", "rises_from")
REASONS = ("share", "out_of", "at_most_one", "negative", "part_of_total", "fall", "restated", "change", "change_points",
           "part_share", "share_left", "span", "parts_sum", "ratio_said", "difference", "all_share", "direction",
           "count_restated", "share_is", "product", "part_left", "limit", "multiple", "saving", "budget", "share_base", "rate",
           "over_time")
# How far before a percentage over 100 the share it is of may be named: "our watch competence for BA from 60% up to
# 110%" (a fire crew manager's story; 7 read it no further than "for").
SHARE_BEFORE_REACH = 9
# Whose a group is, in "all 40 of our dashboards".
_OWNERS = frozenset("our the my their his her your those these".split())
# Before a time counted back from an event: "at minus 48 hours", "by T-2 days".
# ... and "the" before it, which makes it a name, not a count: "three hours straight in the minus twenty five" (a cold
# store supervisor's trial: its freezer chamber read as a time below zero)
_BEFORE_AN_EVENT = frozenset("at by until till from t".split())
# How far before "from" the verb that says which way it went may be: "recovery times *dropped* from 40 minutes to 45".
DIRECTION_REACH = 4
# How many words before "by" a falling verb may be: "cut postnatal readmissions by 312%".
FALL_REACH = 5
# A percentage restated as a rate ("99.9%, which is about one error in 100"): how many words after the "%" the rate
# may start, how many words may stand between its count and "in"/"out of" ("one person off every day out of 30"),
# and how far apart the two may be and still agree, either way round (95% right is "about one in 20" wrong; 85% is
# "about one in 10"): a rough restatement is no contradiction, a tenfold one is.
RESTATED_REACH = 6
RESTATED_GAP = 5
RESTATED_FACTOR = 3.0
# ... and how many words after a part's whole the share it is restated as may end ("38 of the 48 were making expected
# progress, which is just over 50%")
SHARE_SAID_REACH = 10
MONEY_SIGNS = frozenset("£$€")
# A change stated beside the figures it runs between ("from 150 to 180, a 40% jump", "cut by 40%, from 120 down to 90",
# "halved ... from 40 down to 35"; three trials' stories told so scored 84-90, a point above their fixed twins): how
# many tokens apart the two may be, how many may stand between "from A" and "to B" ("from 150 cases an hour to 180"),
# and how far the stated change may be from the true one and still agree (a rough "about a third" is no contradiction).
CHANGE_REACH = 14
FROM_TO_GAP = 5
CHANGE_SLACK_POINTS = 5.0
CHANGE_SLACK_SHARE = 0.2
# ... and for a change said in points, how many points off it may be ("34 to 28 percent, about a four point drop" is 6:
# a head chef's trial, told as his best story, 100)
CHANGE_SLACK_IN_POINTS = 1.5
# A figure reached with no "from" ("falls were down to 12 a month, which is a 75% reduction"): the words before its "to",
# and how many words after a figure say what it counts, to find the earlier figure of the same thing it started at.
_REACHED_AFTER = frozenset("down up fell dropped rose grew went came reduced cut increased climbed jumped".split())
_COUNTS_WORDS = 3
_SENTENCE_END = frozenset(".;!?")
_NEW_THING = frozenset("and but while whereas whilst".split())
_RESTATES_AFTER_COMMA = frozenset("from which that's thats that so a an meaning or about roughly around almost nearly".split())

# The answer's words and figures, with where they are in its text: "-5", "1.3", "112", "%", "compliance". A minus
# only where no letter or digit comes just before it: "2-3 days", "10-15 patients", "COVID-19" are a range and a
# name, and read as minus figures two of them shut `impossible_figures` (a strong nurse's answer fell from 88 to 22).
_TOKEN = re.compile(r"(?:(?<![a-z0-9])-)?\d+(?:[.,]\d+)*(?![\d])|[a-z]+(?:['\u2019-][a-z]+)*|%|[,.;:!?]")
_FIGURE = re.compile(r"-?\d+(?:[.,]\d+)*")
_EDGES = frozenset(",.;:!?") | frozenset("and but so because which while whereas".split())
_PERCENT = frozenset({"%", "percent"})
_LEVEL = frozenset("was were is are of at to hit reached averaged around about roughly nearly came stood".split())
_FILLERS = frozenset("the our my their a an in on for of at".split())
_THE = frozenset("the our my their those these".split())
_POINTS_BACK = frozenset("them those these".split())
# What may follow a statistic's figure in its own phrase ("an R squared of 1.3 on the test set"); not "of" ("at 3 of
# our sites" counts sites) nor a noun ("at 3 sites").
_AFTER_A_STATISTIC = frozenset("on in for across between against with from over using when after before".split())
# Not "with": "we had 300 students with 12 teachers, and 200 of them passed" gives no total of teachers.
_TOTAL_BEFORE = frozenset("had have has of total totalling were are".split())


@dataclass(frozen=True)
class ImpossibleFigure:
    quote: str  # the figure and what it measures, as the answer says it: "112% compliance"
    why: str  # the coach's reason, substance.yaml's impossible_figures.why: "a share cannot be above 100 %"

    def said(self) -> str:
        return f"'{self.quote}': {self.why}"


@dataclass(frozen=True)
class FigureWords:
    lists: dict[str, re.Pattern[str]]
    why: dict[str, str]
    incidental: re.Pattern[str]
    effort: re.Pattern[str]  # the candidate's own time spent: incidental where they act and no outcome is told
    labels: re.Pattern[str]  # a label word or phrase ending just before a number
    not_after: frozenset[str]
    words: dict[str, frozenset[str]]  # impossible_figures' single-word lists, IMPOSSIBLE_WORDS
    multiples: dict[str, float]  # a change said as a word, in %: "halved" -50, "doubled" 100

    def plural(self, word: str) -> bool:
        """Whether `word` reads as a plural noun, things counted: "files", "staff"; not "was", "class", "bus"."""
        return bool(re.fullmatch(r"[a-z]+[^iusv']s", word)) and word not in STOPWORDS or \
            word in self.words["plurals_without_s"]


@lru_cache(maxsize=4)
def _figure_words(path_text: str, _mtime: int) -> FigureWords:
    from mockint.datafiles import phrase_list, read_yaml_mapping
    from mockint.errors import DataFileError
    from mockint.scoring.semantic import phrases_pattern

    path = Path(path_text)
    data = read_yaml_mapping(path, "substance file", schema_version=1)
    section = data.get("impossible_figures") or {}
    labels = data.get("labels") or {}
    if not isinstance(section, dict) or not isinstance(labels, dict):
        raise DataFileError(f"{path}: `impossible_figures` and `labels` must be mappings (the file's header says of what)")
    lists = {name: phrases_pattern(phrase_list(path, f"impossible_figures.{name}", section.get(name)))
             for name in IMPOSSIBLE_LISTS}
    single = {name: phrase_list(path, f"impossible_figures.{name}", section.get(name))
              for name in IMPOSSIBLE_WORDS}
    if any(len(w.split()) != 1 or "*" in w for ws in single.values() for w in ws):
        raise DataFileError(f"{path}: each of `impossible_figures.{', '.join(IMPOSSIBLE_WORDS)}` must be one word, "
                            "without *")
    why = section.get("why") or {}
    if not isinstance(why, dict) or any(not isinstance(why.get(k), str) or not why[k].strip() for k in REASONS):
        raise DataFileError(f"{path}: `impossible_figures.why` must give one line for each of {', '.join(REASONS)}")
    multiples = section.get("multiples") or {}
    if not isinstance(multiples, dict) or any(not isinstance(v, (int, float)) or len(str(k).split()) != 1
                                              for k, v in multiples.items()):
        raise DataFileError(f"{path}: `impossible_figures.multiples` must map one word to the change it says, in % "
                            "(halved: -50)")
    incidental = phrase_list(path, "incidental_figures", data.get("incidental_figures"), may_be_empty=True)
    effort = phrase_list(path, "effort_figures", data.get("effort_figures", []), may_be_empty=True)
    for name, cues in (("incidental_figures", incidental), ("effort_figures", effort)):
        if any("#" not in cue for cue in cues):
            raise DataFileError(f"{path}: each of `{name}` must have # where the figure goes")
    words = phrase_list(path, "labels.words", labels.get("words"), may_be_empty=True)
    not_after = phrase_list(path, "labels.not_after", labels.get("not_after", []), may_be_empty=True)
    number = r"(-?\d+(?:[.,]\d+)*)"
    return FigureWords(
        lists=lists,
        why={k: " ".join(why[k].split()) for k in REASONS},
        incidental=_figure_phrases(incidental, number),
        effort=_figure_phrases(effort, number),
        labels=re.compile(r"(?:^|\s)(" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")\s+$")
        if words else re.compile(r"(?!)"),
        not_after=frozenset(not_after),
        words={name: frozenset(ws) for name, ws in single.items()},
        multiples={str(k).lower(): float(v) for k, v in multiples.items()},
    )


def _figure_phrases(cues: list[str], number: str) -> re.Pattern[str]:
    """One pattern for phrases with `#` where the figure goes, the figure a group of its own."""
    if not cues:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w-])(?:" + "|".join(
        r"\s+".join(number if w == "#" else re.escape(w) for w in cue.split()) + r"(?![\w])" for cue in cues) + ")")


def figure_words() -> FigureWords:
    from mockint.scoring.semantic import _substance_file

    return _figure_words(*_substance_file())


# --- labels and incidental figures, by word index in offline.words_of's words -------------------------------------

# The emergency and helpline numbers a story dials, never a quantity unless they count something ("999 calls")
DIALLED = frozenset({"999", "111", "101", "112", "911"})


def labelled(words: list[str], i: int) -> bool:
    """Whether words[i], a number, names a thing ("year 10", "key stage 4", "ward 7"), not a quantity."""
    if i == 0 or YEAR.match(words[i]) or not (words[i][:1].isdigit() or words[i] in NUMBER_WORDS):
        return False
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if nxt == "of":
        return False  # "level 5 of its competency", "stage 3 of 5": a level of something, a figure
    fw = figure_words()
    if words[i] in DIALLED and not fw.plural(nxt):
        return True  # "then I rang 999 for the police" (a bus controller's story: quoted as its measured impact)
    if nxt in _PERCENT or nxt in fw.words["units"]:
        return False  # "by the end of the year 94% of staff", "the sprint 3 days later": a measure
    before = " ".join(words[max(0, i - 3): i]) + " "
    match = fw.labels.search(before)
    if match is None:
        return False
    lead = before[: match.start(1)].split()
    if lead and lead[-1] in ("a", "an", "the") and fw.plural(nxt):
        return False  # "within a year 40 staff", "at the end of the sprint 12 tickets were closed": a count
    return not (lead and lead[-1] in fw.not_after)


def incidental_indexes(words: list[str], effort: bool = False) -> frozenset[int]:
    """Indexes of the numbers in `words` that are incidental: a team size, years in a job, an age; with `effort`
    (the sentence is the candidate's doing and tells no outcome), the time they spent too ("for about 6 months")."""
    text = " ".join(words)
    fw = figure_words()
    if not any(ch.isdigit() for ch in text):
        return frozenset()
    word_at, at = {}, 0  # where each word starts in `text` -> its index
    for n, w in enumerate(words):
        word_at[at] = n
        at += len(w) + 1
    patterns = (fw.incidental, fw.effort) if effort else (fw.incidental,)
    return frozenset(word_at[m.start(g)] for pattern in patterns for m in pattern.finditer(text)
                     for g in range(1, (m.lastindex or 0) + 1) if m.group(g) is not None and m.start(g) in word_at)


# --- figures that cannot be true ----------------------------------------------------------------------------------

def _number(token: str) -> float | None:
    if not _FIGURE.fullmatch(token):
        return None
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


def _clause(tokens: list[tuple[str, int, int]], i: int) -> tuple[int, int]:
    """[start, end) of the clause of tokens around index i."""
    start = i
    while start > 0 and tokens[start - 1][0] not in _EDGES:
        start -= 1
    end = i + 1
    while end < len(tokens) and tokens[end][0] not in _EDGES:
        end += 1
    return start, end


def _phrase_in(pattern: re.Pattern[str], tokens, start: int, end: int) -> tuple[int, int] | None:
    """(first, last) token index of the first phrase of `pattern` in tokens[start:end], or None."""
    if start >= end:
        return None
    words = [t[0] for t in tokens[start:end]]
    text = " ".join(words)
    m = pattern.search(text)
    if m is None:
        return None
    first = text[: m.start()].count(" ")
    last = first + m.group(0).count(" ")
    return start + first, start + last


def impossible_figures(text: str) -> list[ImpossibleFigure]:
    """The figures in `text` (one sentence or a whole answer, numbers written as digits) that cannot be true."""
    fw = figure_words()
    units, hedges = fw.words["units"], fw.words["hedges"]
    low = text.lower().replace("\u2019", "'")
    if not any(ch.isdigit() for ch in low):
        return []
    # "from about two patients a month to about 4 a month, so recruitment tripled" (a research nurse's story): speech
    # leaves one and two as words, which a move from or to still counts; padded, so the quotes keep the text's places
    low = _SMALL_MOVED.sub(lambda m: m.group(1) + SMALL_NUMBERS[m.group(2)].ljust(len(m.group(2))), low)
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(low)]
    tokens = [("%" if t == "cent" and k and tokens[k - 1][0] == "per" else t, s, e) for k, (t, s, e) in enumerate(tokens)]
    found: list[tuple] = []  # (first char, last char, reason[, (first, last) of the part above its total])
    counts: list[tuple[float, str, int, bool]] = []  # (count, thing counted, token index, told as a total)

    def quote(a: int, b: int) -> tuple[int, int]:
        return tokens[a][1], tokens[b][2]

    for i, (tok, tok_start, _e) in enumerate(tokens):
        value = _number(tok)
        if value is None:
            continue
        prev = tokens[i - 1][0] if i else ""
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        start, end = _clause(tokens, i)
        # a fall of more than 100 %: "cut postnatal readmissions by 312%", "down 150%"
        if nxt in _PERCENT and value > 100 and (fell := _fell(tokens, i, start, fw.words["fall_before"])) is not None:
            found.append((*quote(fell, i + 1), "fall"))
            continue
        # a percentage restated as a rate it is not: "99.9% accuracy, which is about one error in 100"
        if nxt in _PERCENT and 0 < value <= 100 and (rate := _restated_rate(tokens, i + 2, fw.words)) is not None:
            part, whole, last = rate
            if not any(_agree(share, 100 * part / whole) for share in (value, 100 - value)):
                found.append((*quote(i, last), "restated"))
                continue
        # a share above 100 %
        if nxt in _PERCENT and value > 100:
            after = i + 2
            share_after = _phrase_in(fw.lists["shares"], tokens, after, min(end, after + 4))
            share_after = share_after if share_after and all(
                tokens[k][0] in _FILLERS for k in range(after, share_after[0])) else None
            share_before = _phrase_in(fw.lists["shares"], tokens, max(start, i - SHARE_BEFORE_REACH), i)
            changed = prev in fw.words["change_before"] or (
                after < len(tokens) and tokens[after][0] in fw.words["change_after"])
            relative = (share_after is None and after < end and tokens[after][0] in fw.words["relative_after"]) or \
                _phrase_in(fw.lists["of_a_target"], tokens, start, end) is not None
            if (share_after or share_before) and not changed and not relative:
                first, last = (i, share_after[1]) if share_after else (share_before[0], i + 1)
                found.append((*quote(first, last), "share"))
                continue
        # X out of Y, X of the Y, with X above Y; not a sum of money ("£38,000 of them" counts pounds of the variations,
        # not the 600 snag points counted before it: an electrician's typed answer was told its figure was impossible)
        money = text[max(0, tok_start - 1):tok_start] in MONEY_SIGNS
        at, link = i, nxt
        if fw.plural(nxt) and nxt not in units and [t[0] for t in tokens[i + 2:i + 4]] == ["out", "of"]:
            at, link = i + 1, "out"  # "22 residents out of the 15" (a care home deputy's trial: 95, strong)
        elif i + 2 < len(tokens) and re.fullmatch(r"[a-z]+", nxt) and nxt not in STOPWORDS and not fw.plural(nxt) \
                and fw.plural(tokens[i + 2][0]) and tokens[i + 2][0] not in units \
                and [t[0] for t in tokens[i + 3:i + 5]] == ["out", "of"]:
            # ... and with a word before what it counts: "I took the 160 oldest ones out of the 120" (a planning
            # officer's trial: 91, strong)
            at, link = i + 2, "out"
        # ... unless its whole is a figure too: "we recovered £60,000 of the £85,000, which is about a third" (a payroll
        # supervisor's trial: 71 %, unread, 91 as its fixed twin)
        if link in ("out", "of") and value >= 0 and (not money or _of_a_figure(tokens, at)):
            k = at + 2 if link == "out" and at + 2 < len(tokens) and tokens[at + 2][0] == "of" else at + 1
            k += 1
            if k < len(tokens) and tokens[k][0] in _THE:
                k += 1  # "11 of the 10", "11 out of the 10"
            elif link == "of" and not (k + 1 < len(tokens) and _number(tokens[k][0]) is not None
                                      and fw.plural(tokens[k + 1][0]) and tokens[k + 1][0] not in units):
                # "3 of 10" is read only as "3 of the 10", or before what it counts: "errors on 150 of 120 charts" (a
                # pharmacist's trial: 85, strong)
                k = len(tokens)
            whole = _number(tokens[k][0]) if k < len(tokens) else None
            # "we'd got back 81,000 of the 87": the whole said without the thousand its part has (an accounts payable
            # lead's £81k of £87k read as a part above its whole)
            if whole is not None and value >= 1000 and 0 < whole < 1000 and value / 1000 <= whole:
                whole *= 1000
            measured = k + 1 < len(tokens) and (tokens[k + 1][0] in _PERCENT or tokens[k + 1][0] in units)
            # "6 of the 3 phase meters", "5 of the 3 bedroom houses": the whole starts a compound noun, no total. Not
            # an adjective ("11 of the 10 new starters", "12 out of 10 junior doctors"): the whole counts the starters.
            compound = k + 2 < len(tokens) and re.fullmatch(r"[a-z]+", tokens[k + 1][0]) is not None and \
                not fw.plural(tokens[k + 1][0]) and tokens[k + 1][0] not in STOPWORDS and fw.plural(tokens[k + 2][0]) \
                and _noun_only(tokens[k + 1][0])
            # "380 tractors out of 11 depots" runs them from the depots: a part of another thing is no part
            elsewhere = at != i and k + 1 < len(tokens) and fw.plural(tokens[k + 1][0]) and tokens[k + 1][0] != nxt
            if whole is not None and value > whole and not YEAR.match(tokens[k][0]) and not measured and not compound \
                    and not elsewhere:
                found.append((*quote(i, k), "out_of"))
                continue
            # a part restated as a share it is not: "38 of the 48 were making expected progress, which is just over 50%"
            if whole and 0 < value <= whole and not measured and not compound and not elsewhere and \
                    (said := _share_said(tokens, k + 1, fw.words)) is not None:
                share, last = said
                true = 100 * value / whole
                if not _close(share, true) and not _share_of_the_rest(tokens, i, last, share, true):
                    found.append((*quote(i, last), "part_share",
                                  {"part": _plain(value), "whole": _plain(whole), "true": round(true)}))
                    continue
            # a part above the total the answer gave: "we had 300 students ... 400 of them"
            if link == "of" and i + 2 < len(tokens):
                ref = tokens[i + 2][0]
                thing = tokens[i + 3][0] if ref in _THE and i + 3 < len(tokens) else None
                total = None
                if ref in _POINTS_BACK and counts:
                    total = counts[-1]  # what "them" points back to: the last thing counted
                    if not total[3] and prev == "all":  # "all 8 of them": the whole group told before
                        total = next((t for t in reversed(counts) if t[1] in _GROUPS), total)
                elif thing:
                    total = next((t for t in reversed(counts) if _same_thing(t[1], thing)), None)
                if total and total[3] and value > total[0]:
                    found.append((tokens[total[2]][1], tokens[total[2] + 1][2], "part_of_total"))
                    found[-1] = (*found[-1], quote(i, i + 2 + (thing is not None)))
                    continue
                # ... or restated as a share it is not: "we ran 40 possessions and 26 of them overran, which was about a
                # quarter of them" (a track manager's trial)
                said = _share_said(tokens, i + 3 + (thing is not None), fw.words) if total and 0 < value <= total[0] else None
                if said is not None and not _close(said[0], true := 100 * value / total[0]):
                    found.append((*quote(i, said[1]), "part_share",
                                  {"part": _plain(value), "whole": _plain(total[0]), "true": round(true)}))
                    continue
        # things counted ("40 files"), and whether the count is told as a total ("we had 300 students", "a class of 30
        # pupils"); a time is no set of things ("I had 2 days and 40 files, 30 of them...")
        back = i - 1
        while back >= 0 and tokens[back][0] in hedges:
            back -= 1
        counted = re.fullmatch(r"[a-z]+s", nxt or "") or nxt in fw.words["plurals_without_s"]
        if counted and nxt not in units and value >= 1:
            counts.append((value, nxt, i, back >= 0 and tokens[back][0] in _TOTAL_BEFORE))
        elif prev == "all" and nxt == "of" and i + 3 < len(tokens) and tokens[i + 2][0] in _OWNERS \
                and fw.plural(tokens[i + 3][0]) and value >= 1:
            # "I also moved all 40 of our dashboards onto the new models, 52 of them in the first month" (an analyst's)
            counts.append((value, tokens[i + 3][0], i, True))
        elif prev == "of" and i > 1 and tokens[i - 2][0] in _GROUPS and value >= 1:
            # "my team of 6, 2 technicians and 4 dispensers, and I trained all 8 of them" (a pharmacist's trial)
            counts.append((value, tokens[i - 2][0], i, True))
        # a statistic that runs from 0 to 1, its figure ending the phrase: not "the correlation at 3 sites", "the
        # probability was 2 in 10"
        if value > 1 and prev in _LEVEL and (i + 1 == end or _ends_a_statistic(tokens, i, end)):
            stat = _phrase_in(fw.lists["at_most_one"], tokens, max(start, i - 7), i)
            if stat and not any(_number(tokens[k][0]) is not None for k in range(stat[1] + 1, i)):
                found.append((*quote(stat[0], i), "at_most_one"))
                continue
        # a count or a time below zero; not a time counted to an event ("load to the booked figure at minus 48 hours",
        # a purser's T-48: the right figure called impossible)
        if value < 0 and prev not in _BEFORE_AN_EVENT and prev != "the":
            unit_after = _phrase_in(fw.lists["never_negative"], tokens, i + 1, min(end, i + 3))
            measure_before = _phrase_in(fw.lists["never_negative"], tokens, max(start, i - 7), i)
            difference = _phrase_in(fw.lists["differences"], tokens, start, end)
            if (unit_after and unit_after[0] == i + 1 or measure_before) and difference is None:
                first, last = (i, unit_after[1]) if unit_after and unit_after[0] == i + 1 else (measure_before[0], i)
                found.append((*quote(first, last), "negative"))
    found += _changes_disagreeing(tokens, fw, quote) + _directions_disagreeing(tokens, fw, quote)
    found += _shares_left_over(low) + _spans_disagreeing(low) + _parts_above_whole(low) + _ratios_disagreeing(low) \
        + _differences_disagreeing(low) + _all_as_a_share(low) + _share_then_part(low) + _counts_restated(low) \
        + _shares_restated_as_parts(low, fw) + _products_disagreeing(low) + _parts_left_disagreeing(low) \
        + _sums_disagreeing(low) + _target_shares_disagreeing(low) + _limits_disagreeing(low) + _savings_disagreeing(low) \
        + _budgets_disagreeing(low) + _share_bases_disagreeing(low) + _length_differences_disagreeing(low) \
        + _rates_disagreeing(low) + _normals_disagreeing(low) + _rates_over_a_time_disagreeing(low)
    # (a count and more "of them" is read above too where the count is a total the answer gave: said once)
    spans = [span for f in found for span in [(f[0], f[1]), *(x for x in f[3:] if isinstance(x, tuple))]]
    found += [f for f in _multiples_disagreeing(low) + _more_of_them(low) + _whole_shares_disagreeing(low)
              + _parts_restated_as_shares(low)
              if not any(a < f[1] and f[0] < b for a, b in spans)]
    # a reason with figures of its own says them ("from 150 to 180 is a rise of 20 %"); a part above its total is
    # quoted with the total: "300 students ... 400 of them"
    # figures told apart are quoted apart: "had about 60 bathers in ... all 120 bathers"
    return [ImpossibleFigure(" ... ".join(" ".join(text[a:b].split()) for a, b in [(f[0], f[1]), *f[4:]]),
                             fw.why[f[2]].format(**f[3]))
            if len(f) > 3 and isinstance(f[3], dict) else
            ImpossibleFigure(" ... ".join(" ".join(text[a:b].split()) for a, b in [(f[0], f[1]), *f[3:]]), fw.why[f[2]])
            for f in found]


_GROUPS = frozenset("team teams class group crew staff workforce department unit gang squad".split())
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH = r"(?:the (start|beginning|middle|end) of )?(" + "|".join(_MONTHS) + r")\b"
# "within 6 weeks, from january through to the end of june", "3 months, from january to september"
# ... and from a day of the month: "over 6 weeks from the 1st of June to the end of September" (a fire crew manager's)
_DAY_OF = r"(?:(?:the )?\d{1,2}(?:st|nd|rd|th)? (?:of )?)?"
_SPAN = re.compile(r"\b(\d+(?:\.\d+)?) (days?|weeks?|months?)\b,? (?:from|between) " + _DAY_OF + _MONTH
                   + r" (?:through |right through |all the way )?(?:to|until|till|and|into) " + _DAY_OF + _MONTH)
# "95% of the 1,200 servers patched ..., which left about 400"
_SHARE_LEFT = re.compile(r"\b(\d+(?:\.\d+)?) ?(?:%|percent|per cent) of (?:the |our |all |those )?(\d[\d,]*(?:\.\d+)?) "
                         r"([a-z]+)\b[^.;]{0,60}?\b(?:which |that |so that |so |and that )?(?:left|leaves|leaving) "
                         r"(?:us with |just |only |about |around |roughly |some |nearly |over |under )*(\d[\d,]*)\b")


# "400 responses in total, of which 350 were from businesses and 200 from individuals" (a policy adviser's story: 91);
# "4 of the 6 passed first time and the other 3 on the resit" (a paramedic's: 91)
_WHOLE_THEN = r"\b(\d[\d,]*) ([a-z]+)\b(?: [a-z]+){0,3}?,? "  # "400 responses in total, ": the whole, then its parts
_OF_WHICH = re.compile(_WHOLE_THEN + r"(?:of which|of whom|of those|of them) (\d[\d,]*)\b"
                       r"([^.;]{0,60}?)\b(?:and|,) (?:the other |another |a further )?(\d[\d,]*)\b")
# "a team of 12 engineers, that was 9 gas safe engineers and 5 apprentices" (a gas engineers' supervisor's story: 98)
_PARTS_NAMED = (r"(?:that was|that's|which was|which were|made up of|split into|split between) "
                r"(\d[\d,]*)\b([^.;]{0,40}?)\b(?:and|,) (?:the other |another |a further )?(\d[\d,]*)\b")
_MADE_UP_OF = re.compile(_WHOLE_THEN + _PARTS_NAMED)
# ... and a group's size said with no noun after it: "the team of 5, that was 4 officers and 3 admin staff" (a planning
# officer's trial: 91); its empty second group stands for the noun
_GROUP_MADE_UP_OF = re.compile(r"\b(?:" + "|".join(sorted(_GROUPS)) + r") of (\d+(?:,\d{3})*)(),? " + _PARTS_NAMED)
_OF_WHICH_ONE = re.compile(_WHOLE_THEN + r"(?:of which|of whom) (\d[\d,]*)\b(?! ?(?:%|percent))")
# ... and the whole said again before its part: "of those 200, 260 were caught at reception" (a biomedical scientist's
# proud audit: 94, strong)
_OF_THOSE_THEN = re.compile(r"\bof (?:those|these|them|the|that) (\d+(?:,\d{3})*)(?: [a-z]+)?,? (\d+(?:,\d{3})*) "
                            r"(?:were|was|had|got)\b")
_THE_OTHER = re.compile(r"\b(\d[\d,]*) (?:out )?of (?:the |our |all |those |them )?(\d[\d,]*)\b([^.;]{0,60}?)\bthe other (\d[\d,]*)\b")
_NUMBER_IN = re.compile(r"\d[\d,]*")


def _parts_above_whole(low: str) -> list[tuple]:
    """Parts of a whole that add up to more than it ("400 responses in total, of which 350 ... and 200 ..."), or a part
    and "the other" part that do not add up to it ("4 of the 6 ... and the other 3")."""
    out = []
    for m in _OF_WHICH_ONE.finditer(low):  # "400 responses, of which 900 were from businesses"
        whole, part = (_number(m.group(k)) for k in (1, 3))
        if part > whole and m.group(2) not in ("percent", "%"):
            out.append((m.start(), m.end(), "out_of", {}))
    for m in _OF_THOSE_THEN.finditer(low):
        if _number(m.group(2)) > _number(m.group(1)):
            out.append((m.start(), m.end(), "out_of", {}))
    for m in [*_OF_WHICH.finditer(low), *_MADE_UP_OF.finditer(low), *_GROUP_MADE_UP_OF.finditer(low)]:
        whole, a, b = (_number(m.group(k)) for k in (1, 3, 5))
        # "... of which 350 were from businesses and 200 from individuals": no third figure between the two parts
        if a + b > whole and not _NUMBER_IN.search(m.group(4)) and m.group(2) not in ("percent", "%"):
            out.append((m.start(), m.end(), "parts_sum", {"parts": _plain(a + b), "whole": _plain(whole)}))
    for m in _THE_OTHER.finditer(low):
        a, whole, b = (_number(m.group(k)) for k in (1, 2, 4))
        if a <= whole and a + b != whole and not _NUMBER_IN.search(m.group(3)):
            out.append((m.start(), m.end(), "parts_sum", {"parts": _plain(a + b), "whole": _plain(whole)}))
    return out


# "we finished the analysis in 10 days, which was half the usual 8 weeks" (a policy adviser's story)
_RATIO_SAID = re.compile(r"\b(\d+(?:\.\d+)?) (hours?|days?|weeks?|months?)\b[^.;]{0,30}?\b(half|a third|a quarter|double|twice|"
                         r"three times|a tenth) (?:of )?(?:the |our |what )?(?:usual |normal |typical |previous |old |standard )?"
                         r"(\d+(?:\.\d+)?) (hours?|days?|weeks?|months?)\b")
_RATIOS = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "double": 2.0, "twice": 2.0, "three times": 3.0, "a tenth": 0.1,
           "four times": 4.0, "five times": 5.0}
_IN_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.0}


def _ratios_disagreeing(low: str) -> list[tuple]:
    """A time said to be a share of another that it is not: "10 days, which was half the usual 8 weeks" is a fifth."""
    out = []
    for m in _RATIO_SAID.finditer(low):
        said = float(m.group(1)) * _IN_DAYS[m.group(2).rstrip("s")]
        other = float(m.group(4)) * _IN_DAYS[m.group(5).rstrip("s")]
        true, stated = said / other if other else 0.0, _RATIOS[m.group(3)]
        if other and not (stated / 1.6 <= true <= stated * 1.6):
            out.append((m.start(), m.end(), "ratio_said", {"true": f"{true:.2g}"}))
    return out


# "the median went from 58 minutes to 44 minutes, so that's a saving of about 25 minutes" (a lab scientist's story: 95)
_DIFFERENCE = re.compile(r"\bfrom (\d+(?:\.\d+)?) (minutes|hours|days|weeks|months|mins)\b(?: \w+){0,2}? to (\d+(?:\.\d+)?)(?: \2)?\b"
                         r"[^.;]{0,40}?\b(?:(?:saving|reduction|cut|drop|fall|increase|rise|gain|improvement|difference) of |"
                         # "so we saved 11 hours a week" of 12 hours down to 3 (an analyst's story); "so we cut it by 20
                         # days" of 52 days down to 38 (an accounts payable lead's)
                         r"(?:saved|shaved|knocked) (?:off )?|(?:cut|reduced|brought|took)(?: it| them| that)?(?: down)? by )"
                         r"(?:about |around |roughly |nearly |almost |over |just over |just under )?(\d+(?:\.\d+)?) \2\b")
# "I did the training for all 30 of our staff, which was about 60% of the team" (a mental health nurse's story)
_ALL_AS_SHARE = re.compile(r"\ball (?:the |of the )?(\d+) (?:of (?:our|the|my) )?[a-z]+\b[^.;]{0,12}?\b(?:which|that) (?:was|is|were|are) "
                           r"(?:about |around |roughly |nearly |almost |just over |just under |over |under )?(\d+) ?(?:%|percent) of\b")
# "over 6 weeks starting in march and it was finished by the end of january" (the lab scientist's)
_SPAN_BY = re.compile(r"\b(\d+(?:\.\d+)?) (days?|weeks?|months?)\b[^.;]{0,20}?\b(?:starting|beginning|from) in " + _MONTH
                      + r"[^.;]{0,50}?\b(?:finished|done|completed|over|ended|live) (?:by|in) " + _MONTH)
# "the whole thing was agreed in 3 weeks, we started in march and signed it off in september" (a quantity surveyor's)
_SPAN_STARTED = re.compile(r"\b(\d+(?:\.\d+)?) (days?|weeks?|months?)\b[^.;]{0,20}?\b(?:we|i|they) (?:started|began|kicked off) "
                           r"(?:it |on it |work )?in " + _MONTH + r"[^.;]{0,20}?\b(?:finished|signed|closed|agreed|completed|"
                           r"ended|wrapped|settled|delivered)\b(?: it| (?:it|them|everything) off| off| up| it up)? (?:by|in) " + _MONTH)


def _differences_disagreeing(low: str) -> list[tuple]:
    """A change said as a difference it is not: "from 58 minutes to 44 minutes, so that's a saving of about 25"."""
    out = []
    for m in _DIFFERENCE.finditer(low):
        true, said = abs(float(m.group(1)) - float(m.group(3))), float(m.group(4))
        if not _close(said, true, max(1.0, 0.2 * true)):
            out.append((m.start(), m.end(), "difference", {"true": _plain(true)}))
    return out


# A share, then the part and whole it is: "20% of patients were under 36 degrees in recovery, which was 64 patients out
# of the 240" (a vet nurse's story: 64 of 240 is 27 %; unread, where "64 of the 240, which was 20%" is)
# ... or with only a comma between: "we'd got retention up to 91%, 38 of the 62 finished the course" (a college curriculum
# manager's story: 61 %; 70, solid)
_SHARE_THEN_PART = re.compile(r"\b(\d+(?:\.\d+)?) ?(?:%|percent|per cent)(?! of (?:the |our |all )?\d)(?:[^.;%]{0,60}?\b(?:which|that|so)"
                              r"(?: was| is| were| are|'s)?|,) (?:about |around |roughly |nearly |almost |just over |just under )?"
                              r"(\d[\d,]*) (?:[a-z]+ )?(?:out )?of (?:the |our |all |those )?(\d[\d,]*)\b(?! ?%)")


def _share_then_part(low: str) -> list[tuple]:
    found = []
    for m in _SHARE_THEN_PART.finditer(low):
        share, part, whole = float(m.group(1)), _number(m.group(2)), _number(m.group(3))
        if 0 < part <= whole and not _close(share, true := 100 * part / whole):
            found.append((m.start(), m.end(), "part_share", {"part": _plain(part), "whole": _plain(whole), "true": round(true)}))
    return found


# A share of a whole restated as the part it is: "90% of our 400 daily jobs were hitting the 15 minutes, so that's about
# 300 jobs a day on time" (a portering supervisor's story: 360). The part may be what the share leaves ("so that's 40
# still late"); a part followed by a thing the whole did not count is another figure ("which meant 12 wards").
_SHARE_IS_PART = re.compile(r"\b(\d+(?:\.\d+)?) ?(?:%|percent|per cent) of (?:the |our |all |those |them |an? )?(\d[\d,]*) "
                            r"((?:[a-z]+ ){0,2}?[a-z]+)\b([^.;%]{0,60}?)\b(?:so that's|that's|thats|so that was|which (?:is|was|"
                            r"were|are|meant|means)|meaning) (?:about |around |roughly |nearly |almost |just over |just under "
                            r"|over |under |some )?(\d[\d,]*)\b(?! ?(?:%|percent|per cent))(?: ([a-z]+))?")
SHARE_IS_SLACK_POINTS = 4.0  # "about 90% of 400, that's 350": a share said round; 300 (75 %) is another figure


def _share_off(said: float, true: float) -> bool:
    """Whether a share said is further from the true one than a round figure may be: SHARE_IS_SLACK_POINTS, or a tenth
    of what was said."""
    return abs(said - true) > max(SHARE_IS_SLACK_POINTS, 0.1 * said)


# ... or of a whole counted earlier: "an NHS contract for 12,000 UDAs ... about 60% delivered which was around 9,000
# UDAs" (a dental practice manager's story: 7,200); the whole is the last figure before that counted the same thing.
_SHARE_WAS_COUNT = re.compile(r"\b(\d+(?:\.\d+)?) ?(?:%|percent|per cent)(?! of)(?: [a-z]+){0,3}?,? (?:which|that) (?:was|is|were|"
                              r"are|came to|comes to) (?:about |around |roughly |nearly |almost |just over |just under |over |"
                              r"under |some )?(\d[\d,]*) ([a-z]+)\b")


def _last_count_of(said: str, counted: str, between: int = 0, skip: Container[int] = ()) -> float | None:
    """The last figure in `said` that counts `counted` ("1,200 invoices", "about 1,200 invoices on hold" with up to
    `between` words between), not one starting at an index in `skip`; None when there is none."""
    counts = [c for c in re.finditer(r"\b(\d[\d,]*) (?:[a-z]+ ){0,%d}?" % between + re.escape(counted) + r"\b", said)
              if c.start() not in skip]
    return _number(counts[-1].group(1)) if counts else None


def _shares_restated_as_parts(low: str, fw: FigureWords) -> list[tuple]:
    """A share of a whole restated as a part of it that it is not, nor what it leaves."""
    found = []
    parts_said: list[int] = []  # where a part restated so starts: no whole for the next ("42 children ... 57 children")
    for m in _SHARE_WAS_COUNT.finditer(low):
        share, part, counted = float(m.group(1)), _number(m.group(2)), m.group(3)
        parts_said.append(m.start(2))
        if not fw.plural(counted) or counted in fw.words["units"]:
            continue
        whole = _last_count_of(low[:m.start()], counted, skip=parts_said)
        if not whole or not part or (share <= 100 and part > whole):
            continue  # "60 places ... 70% which was 42 children": the whole was no count of children
        if _share_off(share, 100 * part / whole) and (share > 100 or _share_off(100 - share, 100 * part / whole)):
            found.append((m.start(), m.end(), "share_is", {"part": _plain(round(share * whole / 100))}))
    for m in _SHARE_IS_PART.finditer(low):
        share, whole, part = float(m.group(1)), _number(m.group(2)), _number(m.group(5))
        after, counted = m.group(6) or "", re.findall(r"[a-z]+", m.group(3) + " " + m.group(4))[:3]
        # past another figure ("were hitting the 15 minutes, so that's about 300 jobs") only a part of what was counted
        # "2.5% of a 60,000 mile week, which is about 300 miles": the part counts what the whole did, a unit too
        same = after in counted or after.removesuffix("s") in counted
        if not whole or share > 100 or not 0 < part <= whole or (after in fw.words["units"] and not same) or \
                (fw.plural(after) and not same and after not in fw.words["plurals_without_s"]) or \
                (_NUMBER_IN.search(m.group(4)) and after not in counted):
            continue
        true = 100 * part / whole
        # a small share said round has less slack: "2.5% of a 60,000 mile week ... 300 miles" is 0.5 %, not 2.5
        if not any(abs(said - true) <= max(min(SHARE_IS_SLACK_POINTS, 0.4 * said), 0.1 * said) for said in (share, 100 - share)):
            found.append((m.start(), m.end(), "share_is", {"part": _plain(round(share * whole / 100))}))
    return found


# An average that is not the total over its count, or a count times its price that is not the total: "we raised
# £180,000 from 300 guests, which was an average of £400 per guest" (a fundraiser's story: £600); "£180,000 which at an
# average fee of £3,000 is about 20 sales" (an estate agent's: 60); "20 sales at £3,000 each, so £180,000".
_MONEY = r"[£$€](\d[\d,]*(?:\.\d+)?)(k\b| thousand\b| million\b| grand\b)?"
_ROUGHLY = r"(?:about |around |roughly |nearly |almost |just over |just under |some |a total of |over |under )?"
_AVERAGE_OVER = re.compile(_MONEY + r" (?:from|across|over|between) (?:the |our |all |those )?(\d[\d,]*) ([a-z]+)\b[^.;\d]{0,20}?"
                           r"\b(?:an average of|averaging|on average|average of) " + _MONEY + r" (?:per|a|each|for each|every)\b")
_AT_AN_AVERAGE = re.compile(_MONEY + r"[^.;\d]{0,20}?\bat an average (?:[a-z]+ )?of " + _MONEY + r"[^.;\d]{0,12}?\b(?:is|was|"
                            r"that's|comes to|came to|works out at|means|meant|equals|makes) " + _ROUGHLY + r"(\d[\d,]*)\b(?! ?%)")
_EACH_MAKES = re.compile(r"\b(\d[\d,]*) ([a-z]+) at (?:an average of |about |around |roughly )?" + _MONEY + r" (?:each|a head|"
                         r"apiece|per [a-z]+|a [a-z]+)\b[^.;\d]{0,20}?\b(?:is|was|that's|thats|comes to|came to|making|"
                         r"totalling|totaling|worth|so) " + _ROUGHLY + _MONEY)
_SCALE = {None: 1, "k": 1000, " thousand": 1000, " grand": 1000, " million": 1_000_000}
# "there were 8 of us, each with about 40 cases, so around 120 cases across the team" (a probation officer's story: 320)
_EACH_WITH = re.compile(r"\b(\d[\d,]*) (?:of us|of them|officers|staff|people|[a-z]+s),? each (?:with|holding|carrying|doing|"
                        r"running|managing|on) " + _ROUGHLY + r"(\d[\d,]*) [a-z]+\b,? (?:so|which (?:is|was|made|makes)|"
                        r"that's|thats|making) " + _ROUGHLY + r"(\d[\d,]*)\b(?! ?%)")
_SMALL_MOVED = re.compile(r"\b((?:from|to) (?:about |around |roughly |nearly |almost |just |only )?)(one|two)\b(?! of\b)"
                          # not one of a bigger figure: "from about one twenty to like 92", "two and a half", "two point five"
                          r"(?! (?:and a half|point|[a-z]+ty\b|hundred|thousand|million|\d))")
# ... and a count done by each, times how many do it: "the gangs were doing 30 patches a day each so with two gangs that's
# about 100 patches a day" (a highways supervisor's story: 60); speech leaves small counts as words
SMALL_NUMBERS = {w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_EACH_TIMES = re.compile(r"\b(\d[\d,]*) [a-z]+(?: an? (?:hour|day|shift|week|month))? each\b,? (?:so |and )?(?:with |across |between )"
                         r"(?:the |our |my )?(?:(\d[\d,]*)|(" + "|".join(SMALL_NUMBERS) + r")) [a-z]+s\b,? (?:that's|thats|that is|is|"
                         r"makes|gives|gave|came to|comes to|was|were) " + _ROUGHLY + r"(\d[\d,]*)\b(?! ?%)")


def _money(figure: str, scale: str | None) -> float:
    return _number(figure) * _SCALE[scale]


# Money said with its sign or its word: "£6,000", "8,000 pound", "$2.5 million", "40k"
_MONEY_SAID = (r"(?:[£$€]\d[\d,]*(?:\.\d+)?(?:k\b| thousand\b| million\b| grand\b)?|\d[\d,]*(?:\.\d+)?(?:k\b| thousand\b| million\b|"
               r" grand\b)? (?:pounds?|dollars?|euros?|quid)\b)")
# A total and the sums it is made of, that disagree: "the court gave a total of £12,000, made up of an 8,000 pound fine and
# £6,000 costs" (an environmental health officer's prosecution story: £14,000); "£8,000 plus £6,000, so £12,000"
_TOTAL_MADE_UP = re.compile(r"\b(?:a total of|totalling|totaling|in total|total of) (" + _MONEY_SAID + r"),? (?:made up of|"
                            r"split into|being|which was|that's|of which) (?:an? |the )?(" + _MONEY_SAID + r")[^.;\d£$€]{0,30}? "
                            r"and (?:an? |the )?(" + _MONEY_SAID + r")")
_PARTS_THEN_TOTAL = re.compile(r"(" + _MONEY_SAID + r")[^.;\d£$€]{0,30}? (?:plus|and) (?:an? |the )?(" + _MONEY_SAID
                               + r")[^.;\d£$€]{0,25}?\b(?:so|which (?:is|was|came to|comes to)|that's|thats|making|totalling|"
                               r"totaling|a total of|in total)[ ,]+(?:about |around |roughly |some )?(" + _MONEY_SAID + r")")


def _sign_of(said: str) -> str:
    """The currency sign said in `said` ("£" of "£800,000"), or ""."""
    return next((c for c in said if c in "£$€"), "")


def _money_amount(said: str) -> float:
    figure = re.search(r"\d[\d,]*(?:\.\d+)?", said).group(0).rstrip(",")
    scale = next((k for k in ("k", " thousand", " million", " grand") if k in said), None)
    return _money(figure, scale)


# A cost, what it came down to, and the saving said, that disagree: "we were paying £48,000 a year ... the new contract
# came in at 41,000 a year, so that's a saving of £12,000 a year" (a school business manager's story: £7,000; 90, as its
# fixed twin)
# ... its sums said without a currency, what paid it named: "it was costing us 180,000 a year and I ... got it down to
# 150,000, so a saving of 45,000 a year" (a school site manager's cleaning contract: 30,000; 60, solid)
_AMOUNT = r"[£$€]?\d[\d,]*(?:\.\d+)?(?:k\b| thousand\b| million\b| grand\b)?"  # a sum, its currency said or not
_COST_THEN_SAVING = re.compile(r"\b(?:paying|paid|costing|cost|costs|spending|spent)\b (?:us |me |them |the [a-z]+ )?" + _ROUGHLY
                               + "(" + _MONEY_SAID + "|" + _AMOUNT + r"(?= a year| a month| per year| per annum| annually|"
                               r" each year| every year))"
                               r"[^£$€]{0,250}?\b(?:came in at|comes in at|came down to|down to|reduced to|cut to|"
                               r"dropped to|fell to|now costs?|now pay|now paying) " + _ROUGHLY + "(" + _AMOUNT + ")"
                               r"[^£$€\d.;]{0,40}?\ba saving of " + _ROUGHLY + "(" + _MONEY_SAID + "|" + _AMOUNT + ")")


def _savings_disagreeing(low: str) -> list[tuple]:
    found = []
    for m in _COST_THEN_SAVING.finditer(low):
        before, after, saved = (_money_amount(m.group(k)) for k in (1, 2, 3))
        if 0 < after < before and abs((before - after) - saved) > 0.2 * max(saved, before - after):
            found.append((m.start(2), m.end(3), "saving", {"before": f"{before:,.0f}", "after": f"{after:,.0f}",
                                                           "true": f"{before - after:,.0f}", "said": f"{saved:,.0f}"}))
    return found


# A result against a budget on the wrong side of it: "the whole job came in 15% under the budget of £800,000, at 950,000"
# (a deputy harbour master's dredging story: 19 % over; 98, as its fixed twin), either way round.
_SIDE = r"(?P<share>\d+(?:\.\d+)?) ?(?:%|percent|per cent) (?P<side>under|below|over|above)(?: the| our| its| a| my)? budget"
_BUDGET_THEN_COST = re.compile(_SIDE + r",?(?: of| at)? (?P<budget>" + _AMOUNT + r")\b[^.;\d]{0,30}?\b(?:at|of|coming in at|"
                               r"came in at|costing|spending|spent|for) " + _ROUGHLY + r"(?P<cost>" + _AMOUNT + ")")
_COST_THEN_BUDGET = re.compile(r"\b(?:came in at|cost|costing|spent|spending|finished at|delivered for) " + _ROUGHLY +
                               r"(?P<cost>" + _AMOUNT + r")\b[^.;\d]{0,30}?" + _SIDE + r",?(?: of| at)? (?P<budget>" + _AMOUNT + ")")


def _budgets_disagreeing(low: str) -> list[tuple]:
    found = []
    for m in [*_BUDGET_THEN_COST.finditer(low), *_COST_THEN_BUDGET.finditer(low)]:
        budget, cost = _money_amount(m.group("budget")), _money_amount(m.group("cost"))
        if cost < 1000 <= budget and "," not in m.group("cost"):  # "at 950" of a budget said in thousands
            cost *= 1000
        if not budget or not cost:
            continue
        under = m.group("side") in ("under", "below")
        true = 100 * abs(budget - cost) / budget
        if (cost > budget) == under or _share_off(float(m.group("share")), true):
            sign = _sign_of(m.group("budget"))
            found.append((m.start(), m.end(), "budget", {"cost": f"{sign}{cost:,.0f}", "budget": f"{sign}{budget:,.0f}",
                                                         "true": round(true), "side": "under" if cost < budget else "over"}))
    return found


# Two shares of one thing restated as counts that need different wholes: "about 12% of jobs, which on roughly 200 jobs a
# month is 24 remakes ... we were at 4% remakes, so that's down to 15 remakes a month" (an optician's story: 4 % is 8;
# 93, as its fixed twin). A larger figure said between them may be a new whole ("this year we had 500 jobs"): not read.
_SHARE_AS_COUNT = re.compile(r"\b(\d+(?:\.\d+)?) ?(?:%|percent\b|per cent\b)[^.;%]{0,60}?\b(?:is|was|that's|thats|which is|"
                             r"which was|came to|comes to|meaning)\b (?:down to |up to |now |only |just )?" + _ROUGHLY +
                             r"(\d[\d,]*) ([a-z]+s)\b(?! ?(?:%|percent))")
SHARE_BASE_SLACK = 0.3  # shares are said round: "about 12%" may be 11.5-12.5, "4%" 3.5-4.5


def _share_bases_disagreeing(low: str) -> list[tuple]:
    found = []
    told = [(float(m.group(1)), _number(m.group(2)), m.group(3), m) for m in _SHARE_AS_COUNT.finditer(low)]
    for (s1, c1, thing1, m1), (s2, c2, thing2, m2) in zip(told, told[1:]):
        if thing1 != thing2 or s1 == s2 or not (s1 and c1 and c2) or s1 > 100 or s2 > 100:
            continue
        between = [_number(n) or 0 for n in _NUMBER_IN.findall(low[m1.end():m2.start()])]
        if any(n >= max(c1, c2) for n in between):
            continue
        expected = c1 * s2 / s1
        if abs(c2 - expected) >= 2 and not (1 - SHARE_BASE_SLACK) <= c2 / expected <= 1 / (1 - SHARE_BASE_SLACK):
            found.append((m2.start(), m2.end(), "share_base", {"first": _plain(s1), "count": _plain(c1), "second": _plain(s2),
                                                             "expected": _plain(round(expected))}))
    return found


# A length said as the difference of two others it is not: "from 7.2 metres to 8.5, which is a 30 centimetre gain" (a
# deputy harbour master's dredging story: 1.3 metres), in whichever of the units each is said.
_LENGTHS = {"mm": 0.001, "millimetre": 0.001, "millimeter": 0.001, "cm": 0.01, "centimetre": 0.01, "centimeter": 0.01,
            "m": 1.0, "metre": 1.0, "meter": 1.0, "km": 1000.0, "kilometre": 1000.0, "kilometer": 1000.0}
_LENGTH = r"(mm|cm|m|km|(?:milli|centi|kilo)?met(?:re|er)s?)"
_LENGTH_DIFFERENCE = re.compile(r"\bfrom (\d+(?:\.\d+)?) ?" + _LENGTH + r"\b(?: \w+){0,2}? to (\d+(?:\.\d+)?)(?: ?" + _LENGTH +
                                r")?\b[^.;\d]{0,40}?\b(?:(?:gain|increase|rise|drop|fall|reduction|cut|improvement|difference) "
                                r"of " + _ROUGHLY + r"(\d+(?:\.\d+)?) ?" + _LENGTH + r"\b|" + _ROUGHLY + r"(\d+(?:\.\d+)?) ?" +
                                _LENGTH + r" (?:gain|increase|rise|drop|fall|reduction|cut|improvement|difference|deeper|"
                                r"shallower|higher|lower|longer|shorter)\b)")


def _length_differences_disagreeing(low: str) -> list[tuple]:
    found = []
    for m in _LENGTH_DIFFERENCE.finditer(low):
        first_unit = _LENGTHS[m.group(2).rstrip("s")]
        second_unit = _LENGTHS[m.group(4).rstrip("s")] if m.group(4) else first_unit
        said, unit = (m.group(5), m.group(6)) if m.group(5) else (m.group(7), m.group(8))
        scale = _LENGTHS[unit.rstrip("s")]
        true = abs(float(m.group(3)) * second_unit - float(m.group(1)) * first_unit) / scale
        if not _close(float(said), true, max(0.01, 0.2 * true) if true < 1 else max(1.0, 0.2 * true)):
            name = unit if len(unit) <= 2 else unit.rstrip("s") + ("s" if round(true, 2) != 1 else "")
            found.append((m.start(), m.end(), "difference", {"true": f"{_plain(round(true, 2))} {name}"}))
    return found


def _sums_disagreeing(low: str) -> list[tuple]:
    """Money parts and the total they are said to make, that disagree by more than a twentieth."""
    found = []
    told = [(m, _money_amount(m.group(1)), (_money_amount(m.group(2)), _money_amount(m.group(3))))
            for m in _TOTAL_MADE_UP.finditer(low)]
    told += [(m, _money_amount(m.group(3)), (_money_amount(m.group(1)), _money_amount(m.group(2))))
             for m in _PARTS_THEN_TOTAL.finditer(low)]
    for m, total, parts in told:
        if total and abs(sum(parts) - total) > 0.05 * total:
            sign = _sign_of(m.group(0))
            found.append((m.start(), m.end(), "parts_sum", {"parts": f"{sign}{sum(parts):,.0f}", "whole": f"{sign}{total:,.0f}"}))
    return found


# A count said as a share of a target counted earlier: "our target was 40 patients ... we'd recruited 46 patients, which
# was 130% of target" (a research nurse's story: 115 %)
_TARGET_WAS = re.compile(r"\btarget (?:was|of|is|were) " + _ROUGHLY + r"(\d[\d,]*)\b")
_SHARE_OF_TARGET = re.compile(r"\b(\d[\d,]*) [a-z]+\b[^.;%\d]{0,30}?,? (?:which|that) (?:was|is|were|came to|comes to) "
                              + _ROUGHLY + r"(\d+(?:\.\d+)?) ?(?:%|percent|per cent) of (?:the |our |my |their )?target\b")


def _target_shares_disagreeing(low: str) -> list[tuple]:
    found = []
    for m in _SHARE_OF_TARGET.finditer(low):
        targets = list(_TARGET_WAS.finditer(low, 0, m.start()))
        if not targets:
            continue
        count, share, target = _number(m.group(1)), float(m.group(2)), _number(targets[-1].group(1))
        if target and _share_off(share, 100 * count / target):
            found.append((m.start(), m.end(), "share_is", {"part": _plain(round(share * target / 100))}))
    return found


# A change said as a multiple that its own figures are not: "we roughly halved it from 60% to 10%" (a crisis
# practitioner's story: 94, as its fixed twin), "doubled from 40 to 55"
_TIMES_SAID = {"halved": 0.5, "doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0}
_MULTIPLE_FROM = re.compile(r"\b(halved|doubled|tripled|trebled|quadrupled) (?:it |them |that |this |the \w+ )?"
                            r"(?:from|,? going from|,? taking it from) " + _ROUGHLY + r"(\d[\d,]*(?:\.\d+)?) ?(%|percent)? "
                            r"(?:down |up )?to " + _ROUGHLY + r"(\d[\d,]*(?:\.\d+)?)")
# A count, then more "of them" than it: "I audited 40 handovers and 52 of them had missing risk information" (the same);
# not of times ("over 4 weeks ... 150 of them" counts the charts)
_MORE_OF_THEM = re.compile(r"\b(\d[\d,]*) ([a-z]+s) and (\d[\d,]*) of (?:them|those|these)\b")
_TIME_NOUNS = frozenset("second minute hour day week month year shift visit call".split())


# A whole counted, a share of it, and that share restated as a count of the same things that it is not: "we were listing
# about 400 trials a year and around 30% were going ineffective on the day, which was roughly 200 trials wasted" (a
# court legal adviser's story: 90, as its fixed twin)
_WHOLE_SHARE_COUNT = re.compile(r"\b(\d[\d,]*) ([a-z]+s)\b[^.;%]{0,40}?\b(\d+(?:\.\d+)?) ?(?:%|percent)[^.;%\d]{0,50}?"
                                r"\b(?:which|that)(?: was|'s| is| meant| came to| comes to| worked out at| works out at)? "
                                + _ROUGHLY + r"(\d[\d,]*) \2\b")


def _whole_shares_disagreeing(low: str) -> list[tuple]:
    found = []
    for m in _WHOLE_SHARE_COUNT.finditer(low):
        whole, share, part = _number(m.group(1)), float(m.group(3)), _number(m.group(4))
        if whole and part is not None and share <= 100 and _share_off(share, 100 * part / whole):
            found.append((m.start(), m.end(), "share_is", {"part": _plain(round(share * whole / 100))}))
    return found


# A whole counted, then how many of it something happened to, restated as a share it is not: "over the next 6 months we
# did 130 spays and 3 got infected, so that was about 0.2%" (a veterinary nurse's story: 2.3 %, unread, 91 as its fixed
# twin). A share a few times off the true one is wrong however few points apart: RESTATED_FACTOR.
_WHOLE_THEN_PART_SHARE = re.compile(r"\b(\d[\d,]*) ([a-z]+s)\b,? and (\d[\d,]*)(?: of (?:them|those|these))? "
                                    r"(?:got|were|was|had|went|needed|failed|passed|came back|[a-z]+ed)\b[^.;%\d]{0,30}?,? "
                                    r"(?:so|which|that)(?: that| this| it)?(?: was|'s| is| were| came to| comes to| works out at|"
                                    r" worked out at)? " + _ROUGHLY + r"(\d+(?:\.\d+)?) ?(?:%|percent)(?! of (?!them|those|these))")


def _parts_restated_as_shares(low: str) -> list[tuple]:
    found = []
    for m in _WHOLE_THEN_PART_SHARE.finditer(low):
        whole, part, share = _number(m.group(1)), _number(m.group(3)), float(m.group(4))
        if not whole or part is None or part > whole or m.group(2).rstrip("s") in _TIME_NOUNS or YEAR.match(m.group(1)):
            continue
        true = 100 * part / whole
        if _share_off(share, true) or (
                min(true, share) > 0 and max(true, share) / min(true, share) >= RESTATED_FACTOR):
            shown = round(true, 1) if true < 10 else round(true)  # "3 of 130 is 2.3 %", not 2
            found.append((m.start(), m.end(), "part_share", {"part": _plain(part), "whole": _plain(whole), "true": shown}))
    return found


# ... said after the change: "the average response went from 48 hours down to 6 hours, basically we halved it" (a pest
# control supervisor's story: an eighth)
_FROM_THEN_MULTIPLE = re.compile(r"\bfrom " + _ROUGHLY + r"(\d[\d,]*(?:\.\d+)?) ?(%|percent|[a-z]+)? (?:down |up )?to " + _ROUGHLY +
                                 r"(\d[\d,]*(?:\.\d+)?)\b[^.;\d]{0,30}?\b(?:we |i |it |that |which |so we |so it )?(?:basically |"
                                 r"effectively |more or less |roughly |nearly |almost |just about )?(halved|doubled|tripled|trebled|"
                                 r"quadrupled)\b")


def _not_the_multiple(before: float, after: float, times: float) -> bool:
    """Whether `after` is further from `times` `before` than a multiple said round may be."""
    return not 0.75 <= (after / before) / times <= 1.34


def _multiples_disagreeing(low: str) -> list[tuple]:
    found = []
    told = [(m, m.group(1), m.group(2), m.group(4)) for m in _MULTIPLE_FROM.finditer(low)]
    told += [(m, m.group(4), m.group(1), m.group(3)) for m in _FROM_THEN_MULTIPLE.finditer(low)]
    for m, way, said_before, said_after in told:
        before, after = _number(said_before), _number(said_after)
        if before and after is not None and _not_the_multiple(before, after, _TIMES_SAID[way]):
            found.append((m.start(), m.end(), "multiple", {"way": way, "before": _plain(before), "after": _plain(after)}))
    return found


# A figure said as a multiple of the normal one the answer gave before it: "normally we do about 60 funerals a month and
# that january we did 120 which was 3 times our normal" (a funeral director's story: twice)
_TIMES_NORMAL = re.compile(r"\b(\d[\d,]*)\b[^.;\d]{0,30}?\b(?:which|that) (?:was|is|'s) (?:about |roughly |nearly |almost |over )?"
                           r"(twice|double|three times|four times|five times|half|\d+ times) (?:our|the|my|its|their) (?:normal|usual|average)\b")
_NORMALLY = re.compile(r"\b(?:normally|usually|typically|on average|on a normal \w+|in a normal \w+)\b[^.;]{0,40}?\b(\d[\d,]*)\b")


def _normals_disagreeing(low: str) -> list[tuple]:
    found = []
    for m in _TIMES_NORMAL.finditer(low):
        normal = [_number(n.group(1)) for n in _NORMALLY.finditer(low, 0, m.start())]
        said = _RATIOS.get(m.group(2)) or float(m.group(2).split()[0])
        figure = _number(m.group(1))
        if normal and normal[-1] and figure and _not_the_multiple(normal[-1], figure, said):
            found.append((m.start(), m.end(), "multiple", {"way": m.group(2) + " the normal", "before": _plain(normal[-1]),
                                                             "after": _plain(figure)}))
    return found


# The words that count what is not there: "6 empty places out of 24, about 75 percent occupancy" (a nursery deputy
# manager's story: read as "6 of 24 is 25 %", her right figure called false)
_THE_REST = frozenset("empty vacant spare unfilled unsold unused unoccupied free missing absent remaining left short "
                      "unbooked void voids".split())


def _share_of_the_rest(tokens: list, i: int, last: int, share: float, true: float) -> bool:
    """Whether the share said is of the rest of the whole, and the part was counted as what is not there."""
    return _close(share, 100 - true) and any(t[0] in _THE_REST for t in tokens[max(0, i - 2):last + 1])


# A rate restated for another period it cannot be: "about 60 jobs a day across the team which is around 80 jobs a week"
# (a pest control supervisor's story: 300 to 420). The days in a week, a month or a year are taken as they are worked or
# lived, whichever is nearer.
_PERIOD = r"(?:a|per|each|every) (day|shift|week|month|year)"
# Only where both figures name what they count: "dropped to about 1,200 a month so around 7,000 a year saved" restates
# the saving, and "nine engineers each do about 4 breakdowns a day so roughly 180 a week" the team's work (two trials'
# right figures, read as rates that disagree until then).
_RATE_RESTATED = re.compile(r"\b(\d[\d,]*(?:\.\d+)?) ([a-z]+) " + _PERIOD + r"\b[^.;\d]{0,30}?\b(?:which is|which was|"
                            r"that's|thats|that is|so that's|so|meaning|which comes to|which came to|or) " + _ROUGHLY +
                            r"(\d[\d,]*(?:\.\d+)?) ([a-z]+) " + _PERIOD + r"\b")
_PERIODS_IN = {("day", "week"): (5, 7), ("day", "month"): (20, 31), ("day", "year"): (220, 366), ("week", "month"): (4, 4.5),
               ("week", "year"): (46, 52), ("month", "year"): (12, 12)}


def _rates_disagreeing(low: str) -> list[tuple]:
    found = []
    for m in _RATE_RESTATED.finditer(low):
        if m.group(2) != m.group(5) or m.group(2) in ("a", "per", "each", "every"):
            continue
        first, second = _number(m.group(1)), _number(m.group(4))
        periods = (m.group(3).replace("shift", "day"), m.group(6).replace("shift", "day"))
        flipped = periods[::-1] in _PERIODS_IN
        low_n, high_n = _PERIODS_IN.get(periods[::-1] if flipped else periods, (0, 0))
        if not (first and second and high_n):
            continue
        ratio = first / second if flipped else second / first
        if not 0.8 * low_n <= ratio <= 1.2 * high_n:
            each, many = (second, first) if flipped else (first, second)
            found.append((m.start(), m.end(), "rate", {"each": _plain(each), "period": periods[1] if flipped else periods[0],
                                                       "true": f"{_plain(round(each * low_n))} to {_plain(round(each * high_n))}"
                                                       if low_n != high_n else _plain(round(each * low_n)),
                                                       "longer": periods[0] if flipped else periods[1]}))
    return found


# A rate run for a time, and the total it is said to make: "we put 4 hours of production on hold, the roll plant runs at
# 3000 rolls an hour so that was about 6000 rolls" (a plant bakery supervisor's proud story: 12,000)
_RATE_FOR_A_TIME = re.compile(r"\b(\d+(?:\.\d+)?) (minute|hour|day|shift|week)s?\b[^.;\d]{0,60}?\b(\d[\d,]*(?:\.\d+)?) ([a-z]+) "
                              r"(?:an|a|per|each) (minute|hour|day|shift|week)\b[^.;\d]{0,25}?\b(?:so|which is|that's|thats|"
                              r"that was|which was|meaning|which came to|which comes to)\b[^.;\d]{0,12}?"
                              r"(\d[\d,]*(?:\.\d+)?) ([a-z]+)\b")


def _rates_over_a_time_disagreeing(low: str) -> list[tuple]:
    found = []
    for m in _RATE_FOR_A_TIME.finditer(low):
        time, each, total = _number(m.group(1)), _number(m.group(3)), _number(m.group(6))
        if m.group(2) != m.group(5) or m.group(4) != m.group(7) or not (time and each and total):
            continue
        if abs(time * each - total) > 0.2 * max(time * each, total):
            found.append((m.start(), m.end(), "over_time", {"time": _plain(time), "period": m.group(2), "each": f"{each:,.0f}",
                                                            "true": f"{time * each:,.0f}", "total": f"{total:,.0f}"}))
    return found


# ... and more of a group than the group holds: "all 45 of the lads in my 30 strong gang" (a track section supervisor's
# story)
_MORE_THAN_THE_GROUP = re.compile(r"\b(\d[\d,]*) of (?:the |my |our )?[a-z]+ (?:in|from|on|of) (?:my|our|the|a) "
                                  r"(\d[\d,]*)[- ](?:strong|person|man|people|headcount)\b")


def _more_of_them(low: str) -> list[tuple]:
    found = [(m.start(), m.end(), "out_of", {}) for m in _MORE_THAN_THE_GROUP.finditer(low)
             if (part := _number(m.group(1))) and (whole := _number(m.group(2))) and part > whole]
    for m in _MORE_OF_THEM.finditer(low):
        whole, part = _number(m.group(1)), _number(m.group(3))
        if whole and part and part > whole and m.group(2).rstrip("s") not in _TIME_NOUNS and not YEAR.match(m.group(1)):
            found.append((m.start(), m.end(), "out_of", {}))
    return found


# A figure said to sit on one side of a limit it is on the other side of: "average handover fell from 91 minutes to 70
# minutes, which is well under the 45 minute standard" (a paramedic's story: 84, the same as its fixed twin)
_LIMIT_UNIT = r"(%|percent|minutes?|hours?|days?|weeks?|months?|seconds?)?"
_BESIDE_A_LIMIT = re.compile(r"\b(\d[\d,]*(?:\.\d+)?) ?" + _LIMIT_UNIT + r",? "
                             r"(?:which|that)(?: is|'s| was| were| are) (?:well |comfortably |just |safely |way |still |now )?"
                             r"(under|below|inside|within|less than|over|above|more than) (?:the |our |a |their |its )?"
                             + _ROUGHLY + r"(\d[\d,]*(?:\.\d+)?) ?" + _LIMIT_UNIT + r"[- ]?"
                             r"(?:[a-z]+ ){0,2}?(standard|target|limit|threshold|maximum|minimum|benchmark|national|average)\b")


def _limits_disagreeing(low: str) -> list[tuple]:
    found = []
    for m in _BESIDE_A_LIMIT.finditer(low):
        said, limit = _number(m.group(1)), _number(m.group(4))
        units = {u.rstrip("s") for u in (m.group(2), m.group(5)) if u}
        if said is None or limit is None or len(units) > 1:
            continue
        below = m.group(3) in ("under", "below", "inside", "within", "less than")
        if (below and said > limit) or (not below and said < limit):
            found.append((m.start(), m.end(), "limit", {"side": "under" if below else "over"}))
    return found


# A sum on each of a count, and the total it is said to make: "a 60 pence rise on about 200,000 admissions a year, so
# roughly £400,000 of extra revenue" (a cinema manager's story: £120,000)
_EACH_ON = re.compile(r"(?:(?<=[£$€])|\b)(\d[\d,]*(?:\.\d+)?) ?(pence|p|cents|pounds|dollars|euros)?,? (?:a head |each |a time )?(?:rise|"
                      r"increase|uplift|saving|more|extra|difference) (?:on|across|over) " + _ROUGHLY + r"(\d[\d,]*) ([a-z]+)\b"
                      r"[^.;\d£$€]{0,30}?\b(?:so|which is|that's|thats|which comes to|which came to|meaning|giving) " + _ROUGHLY
                      + _MONEY)


def _products_disagreeing(low: str) -> list[tuple]:
    """A count, a price each and a total that cannot all be true, by more than a fifth."""
    found = []

    def check(m, count: float, each: float, total: float, sign: str) -> None:
        if count and each and abs(count * each - total) > 0.2 * max(count * each, total):
            found.append((m.start(), m.end(), "product", {"count": f"{count:,.0f}" if count == int(count) else _plain(count),
                                                          "each": sign + (f"{each:,.0f}" if each == int(each) else
                                                                          f"{each:,.2f}" if sign else _plain(each)),
                                                          "true": sign + f"{count * each:,.0f}", "total": sign + f"{total:,.0f}"}))

    for m in _AVERAGE_OVER.finditer(low):
        total, count, each = _money(m.group(1), m.group(2)), _number(m.group(3)), _money(m.group(5), m.group(6))
        check(m, count, each, total, m.group(0)[0])
    for m in _AT_AN_AVERAGE.finditer(low):
        total, each, count = _money(m.group(1), m.group(2)), _money(m.group(3), m.group(4)), _number(m.group(5))
        check(m, count, each, total, m.group(0)[0])
    for m in _EACH_MAKES.finditer(low):
        count, each, total = _number(m.group(1)), _money(m.group(3), m.group(4)), _money(m.group(5), m.group(6))
        check(m, count, each, total, low[m.start(3) - 1])
    for m in _EACH_TIMES.finditer(low):
        each, count, total = _number(m.group(1)), _number(m.group(2) or SMALL_NUMBERS[m.group(3)]), _number(m.group(4))
        check(m, count, each, total, "")
    for m in _EACH_WITH.finditer(low):
        check(m, _number(m.group(1)), _number(m.group(2)), _number(m.group(3)), "")
    for m in _EACH_ON.finditer(low):
        each = _number(m.group(1)) / (100 if m.group(2) in ("pence", "p", "cents") else 1)
        total = _money(m.group(5), m.group(6))
        sign = _sign_of(m.group(0))
        if m.group(2) in ("pence", "p", "cents") or low[max(0, m.start() - 1):m.start()] in ("£", "$", "€"):
            check(m, _number(m.group(3)), each, total, sign)
    return found


# A part of a whole and what it left, that disagree: "a backlog of about 1,200 invoices ... we'd cleared 900 of the
# invoices on hold which left us with just 100 still open" (an accounts payable lead's story: 300). The whole is the
# last figure before the part that counted the same thing.
_LEFT_WITH = r"(?:which |that |so that |so |and that |and )?(?:left|leaves|leaving) (?:us |me |them |it )?(?:with )?"
_ABOUT_LEFT = r"(?:just |only |about |around |roughly |some |nearly |under |over )?(\d[\d,]*)\b(?! ?%)"
_PART_LEFT = re.compile(r"\b(\d[\d,]*) of (?:the |our |those |these |all )?([a-z]+)\b[^.;\d]{0,40}?\b" + _LEFT_WITH + _ABOUT_LEFT)


# ... or of a whole said as a figure, down to what was left: "we'd cleared 900 of the 1,200 and we were down to just 150
# open jobs" (a highways supervisor's backlog story: 300)
_PART_OF_FIGURE_LEFT = re.compile(r"\b(\d[\d,]*) of (?:the |our |those |these |all )?(\d[\d,]*)\b[^.;\d]{0,40}?\b(?:" + _LEFT_WITH
                                  + r"|(?:we were|we're|we was|it was|they were|that was) down to )" + _ABOUT_LEFT)


def _parts_left_disagreeing(low: str) -> list[tuple]:
    """A part of a whole and what it left that disagree by more than a quarter (or a twentieth of the whole)."""
    found = []
    told = [(m, _number(m.group(1)), _last_count_of(low[:m.start()], m.group(2), between=2), _number(m.group(3)))
            for m in _PART_LEFT.finditer(low)]
    told += [(m, _number(m.group(1)), _number(m.group(2)), _number(m.group(3))) for m in _PART_OF_FIGURE_LEFT.finditer(low)]
    for m, part, whole, left in told:
        if whole and part <= whole and abs(whole - part - left) > max(0.25 * max(whole - part, left), 0.05 * whole):
            found.append((m.start(), m.end(), "part_left", {"part": _plain(part), "whole": _plain(whole),
                                                            "left": _plain(whole - part)}))
    return found


# "I trained every single midwife on the unit, all 60 of them, which was 45 people in total" (a midwife's story: 66)
_COUNT_RESTATED = re.compile(r"\b(\d[\d,]*) (?:of them|of us|people|staff)\b,? (?:which|that) (?:was|were|is|are|came to|comes to|"
                             r"made|makes) (?:about |around |roughly |just )?(\d[\d,]*) (?:people|staff|of them|in total|"
                             r"altogether|in all)\b")


# "with the same team of 5 negotiators, each of my 7 negotiators hit target" (an estate agent's story: 96)
_TEAM_OF = re.compile(r"\b(?:team|crew|staff|group|workforce|department) of (\d[\d,]*) ([a-z]+s)\b")
_EACH_OF_MY = re.compile(r"\b(?:each|all|every one|both) of (?:my|our|the) (\d[\d,]*) ([a-z]+s)\b")
# "we had about 60 bathers in and 4 lifeguards on ... all 120 bathers out in under two minutes" (a leisure centre duty
# manager's story: 93); the same people counted as in, on, or on shift, then all of them
_HAD_IN = re.compile(r"\b(?:had|were|was|with) (?:about |around |roughly |some |nearly |over |just over )?(\d[\d,]*) ([a-z]+s)\b "
                     r"(?:in|on|there|inside|on shift|on duty|in the building)\b")
_ALL_THE = re.compile(r"\ball (?:the |of the |of my |of our |our |my )?(\d[\d,]*) ([a-z]+s)\b")


# "I trained all 8 of the BMSs on the section myself, which with our team of 5 was quite a job" (a biomedical
# scientist's story): more of them than the whole team, in one sentence
_ALL_N_OF = re.compile(r"\ball (\d[\d,]*) of (?:the |my |our )([a-z]+s)\b")
# ... and "the whole team of 4" (a veterinary nurse's "all 6 of our nurses, which is the whole team of 4": 91, as its
# fixed twin)
_TEAM_OF_BARE = re.compile(r"\b(?:our|my|a|the) (?:whole |entire )?(?:team|crew|section|department) of (\d[\d,]*)\b"
                           r"(?! (?!was\b|is\b|has\b|does\b)[a-z]+s\b)")


# A group counted as "of us", then more of it named: "I was team leader for my shift which is five of us ... I trained all
# eight operators on my shift" (a water treatment team leader's story: 93, above its fixed twin)
_GROUP_OF_US = re.compile(r"\bmy (team|shift|crew|section|watch|gang)\b,? (?:which|that) (?:is|was|'s) (?:just |only )?(\d[\d,]*) of us\b")
_ALL_ON_MY = re.compile(r"\ball (?:the |of the )?(\d[\d,]*) [a-z]+s (?:on|in|from) my (team|shift|crew|section|watch|gang)\b")


def _counts_restated(low: str) -> list[tuple]:
    """A count of people restated as another count of them: "all 60 of them, which was 45 people in total", "a team of 5
    negotiators ... each of my 7 negotiators"."""
    found = [(m.start(), m.end(), "count_restated", {"first": m.group(1), "second": m.group(2)})
             for m in _COUNT_RESTATED.finditer(low) if _number(m.group(1)) != _number(m.group(2))]
    teams = [(m.group(2), m.group(1), m.span()) for m in [*_TEAM_OF.finditer(low), *_HAD_IN.finditer(low)]]
    restated = {m.span(1): m for m in [*_EACH_OF_MY.finditer(low), *_ALL_THE.finditer(low)]}  # "all of the 6": once
    for m in restated.values():
        said = next(((count, span) for noun, count, span in teams if noun == m.group(2) and span[1] <= m.start()), None)
        if said and _number(said[0]) != _number(m.group(1)):
            found.append((*said[1], "count_restated", {"first": said[0], "second": m.group(1)}, m.span()))
    groups = {m.group(1): m for m in _GROUP_OF_US.finditer(low)}
    for m in _ALL_ON_MY.finditer(low):
        group = groups.get(m.group(2))
        if group and group.start() < m.start() and _number(m.group(1)) > _number(group.group(2)):
            found.append((*group.span(), "count_restated", {"first": group.group(2), "second": m.group(1)}, m.span()))
    for sentence in re.finditer(r"[^.?!]+", low):
        teams_of = list(_TEAM_OF_BARE.finditer(low, sentence.start(), sentence.end()))
        for m in _ALL_N_OF.finditer(low, sentence.start(), sentence.end()):
            team = next((t for t in teams_of if _number(t.group(1)) < _number(m.group(1))), None)
            if team:
                found.append((*m.span(), "count_restated", {"first": m.group(1), "second": team.group(1)}, team.span()))
    return found


def _all_as_a_share(low: str) -> list[tuple]:
    """All of a group said to be a share of it well under the whole ("all 30 of our staff, which was about 60%")."""
    return [(m.start(), m.end(), "all_share", {}) for m in _ALL_AS_SHARE.finditer(low) if float(m.group(2)) < 90]


def _spans_disagreeing(low: str) -> list[tuple]:
    """A time said beside the months it ran between that cannot be it: "within 6 weeks, from january through to the end
    of june" (a social worker's story; 81, strong). Ratios under two either way are rough, not wrong."""
    out = []
    for m in [*_SPAN.finditer(low), *_SPAN_BY.finditer(low), *_SPAN_STARTED.finditer(low)]:
        said = float(m.group(1)) * _IN_DAYS[m.group(2).rstrip("s")] / _IN_DAYS["month"]
        first, last = _MONTHS.index(m.group(4)), _MONTHS.index(m.group(6))
        months = (last - first) % 12 + (1 if m.group(5) in ("end", "middle") else 0) - (0.5 if m.group(3) == "end" else 0)
        if months >= 1 and (said * 2 < months or said > 2 * months + 1):
            out.append((m.start(), m.end(), "span", {"said": m.group(1) + " " + m.group(2), "months": _plain(months)}))
    return out


def _shares_left_over(low: str) -> list[tuple]:
    """A share of a whole and what it left, that disagree: "95% of the 1,200 servers patched inside 14 days, which left
    about 400" leaves 60 (an infosec analyst's story; 88, strong)."""
    out = []
    for m in _SHARE_LEFT.finditer(low):
        share, whole, left = (_number(m.group(k)) for k in (1, 2, 4))
        true = whole * (100 - share) / 100
        if share <= 100 and left <= whole and abs(left - true) > max(0.25 * max(true, left), 0.05 * whole):
            out.append((m.start(), m.end(), "share_left", {"left": _plain(true)}))
    return out


def _from_to(tokens: list[tuple[str, int, int]]) -> list[tuple[int, int, float, float, bool]]:
    """Every "from A (...) to B" in the tokens: (index of "from", index of B, A, B, both percentages). Not years ("from
    2019 to 2021") nor times ("from 9 to 5" is read, but only a stated change beside it is ever compared)."""
    pairs = []
    for i, (tok, _s, _e) in enumerate(tokens):
        if tok != "from" or i + 1 >= len(tokens):
            continue
        k = _figure_after(tokens, i)  # "from about 150", "from £120"
        a = _number(tokens[k][0]) if k < len(tokens) else None
        if a is None or YEAR.match(tokens[k][0]):
            continue
        for j in range(k + 1, min(len(tokens) - 1, k + 2 + FROM_TO_GAP)):
            if tokens[j][0] in _SENTENCE_END or tokens[j][0] == "from":
                break
            if tokens[j][0] != "to":
                continue
            n = _figure_after(tokens, j)  # "to about 90", "to just 90"
            b = _number(tokens[n][0]) if n < len(tokens) else None
            if b is not None and not YEAR.match(tokens[n][0]):
                percents = tokens[k + 1][0] in _PERCENT or (n + 1 < len(tokens) and tokens[n + 1][0] in _PERCENT)
                pairs.append((i, n, a, b, percents))
            break
    return pairs


def _figure_after(tokens: list[tuple[str, int, int]], i: int) -> int:
    """Where the figure after "from" or "to" at `i` is: the next token, or one or two later past a hedge or a sign."""
    k = i + 1
    while k < len(tokens) and k <= i + 2 and _number(tokens[k][0]) is None and tokens[k][0] not in _SENTENCE_END:
        k += 1
    return k


# A fall said as a fraction: "by 3 quarters", "by a third", "by two thirds"
_PARTS_OF = {"quarter": 4, "quarters": 4, "third": 3, "thirds": 3}
_FRACTION_COUNT = {"a": 1, "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3}


def _stated_changes(tokens: list[tuple[str, int, int]], fw: FigureWords) -> list[tuple[int, int, float, bool]]:
    """Every change stated as a size: (first, last token, the change in % or in points, signed: a fall below zero; in
    points). "a 40% jump", "up by 40%", "cut faults by 40%", "a 25% reduction", "halved", "doubled", "fifteen percentage
    points" (a store manager's trial: from 92% to 99%)."""
    rises, falls = fw.words["change_before"], fw.words["fall_before"]
    rises_after, falls_after = fw.words["change_after"], fw.words["falls_after"]
    out = []
    for i, (tok, _s, _e) in enumerate(tokens):
        if tok in fw.multiples:
            # "more than doubled", "at least doubled": a bound, which from 2 to 5 bears out (a research nurse's story)
            if [t[0] for t in tokens[max(0, i - 2):i]] not in (["more", "than"], ["at", "least"], ["well", "over"]) and \
                    (not i or tokens[i - 1][0] != "over"):
                out.append((i, i, fw.multiples[tok], False))
            continue
        if tok in _PARTS_OF and i >= 2 and tokens[i - 2][0] == "by" and (
                share := _FRACTION_COUNT.get(tokens[i - 1][0])) and any(tokens[k][0] in falls for k in range(max(0, i - 2 - FALL_REACH), i - 2)):
            # "we cut it by 3 quarters" (a station supervisor's fare evasion, 900 to 400 a day), "reduced it by a third"
            out.append((i - 2, i, -100.0 * share / _PARTS_OF[tok], False))
            continue
        if tok == "half":  # "a reduction of about half", "cut them by half" (an accounts payable lead's 40 to 8)
            back = i - 1
            while back > 0 and tokens[back][0] in fw.words["hedges"]:
                back -= 1
            if back > 0 and tokens[back][0] == "of" and tokens[back - 1][0] in falls_after | rises_after:
                out.append((back - 1, i, -50.0 if tokens[back - 1][0] in falls_after else 100.0, False))
            elif tokens[back][0] == "by" and any(tokens[k][0] in falls for k in range(max(0, back - FALL_REACH), back)):
                out.append((back, i, -50.0, False))
            continue
        value = _number(tok)
        after = [t[0] for t in tokens[i + 1:i + 3]]
        if value is not None and value > 0 and (after[:1] == ["points"] or after == ["percentage", "points"]):
            out.append((i, i + len(after) if after[0] == "percentage" else i + 1, value, True))
            continue
        # "a four point drop", "a 6 point rise"
        if value is not None and value > 0 and after[:1] == ["point"] and after[1:] and (
                after[1] in falls_after or after[1] in rises_after):
            out.append((i, i + 2, value, True))
            continue
        if value is None or i + 1 >= len(tokens) or tokens[i + 1][0] not in _PERCENT or value <= 0:
            continue
        after = tokens[i + 2][0] if i + 2 < len(tokens) else ""
        before = tokens[i - 1][0] if i else ""
        back = i - 1
        while back > 0 and tokens[back][0] in fw.words["hedges"]:
            back -= 1
        if back > 0 and tokens[back][0] == "of" and tokens[back - 1][0] in falls_after | rises_after:
            # "a drop of over 95%", "an increase of about 20%" (a bank manager's trial: 14 to 3 days called "over 95%")
            out.append((back - 1, i + 1, -value if tokens[back - 1][0] in falls_after else value, False))
            continue
        if after in ("down", "up") and i + 3 < len(tokens) and tokens[i + 3][0] == "to":
            continue  # "so 8% down to 3.5": the level it went from, not a change (an optometrist's fixed story)
        start = max(0, i - 1 - FALL_REACH)
        if after in falls_after or before in falls or (before == "by" and any(tokens[k][0] in falls for k in range(start, i - 1))):
            out.append((i, i + 1 + (after in falls_after), -value, False))
        elif after in rises_after or before in rises:
            out.append((i, i + 1 + (after in rises_after), value, False))
    return out


def _agrees_with(stated: float, a: float, b: float, percents: bool) -> bool:
    """Whether a stated change agrees with going from `a` to `b`: as a share of `a`, or, between two percentages, as
    points ("from 20% to 30%, a 10% rise"), within CHANGE_SLACK_POINTS or CHANGE_SLACK_SHARE of the true change."""
    if a == 0:
        return True  # no share of nothing to check
    if (stated < 0) != (b < a):
        return b == a  # a rise said of a fall, or the other way round
    share = 100 * abs(b - a) / abs(a)
    # a fall is also read by what it leaves: "from 30 a month to 6, that's a 90% reduction" leaves a tenth, not the fifth
    # that is left (an aircraft engineer's story: 80 % is within the slack of 90, but 3 a month is not 6)
    left = b >= a or _close(100 - abs(stated), 100 - share)
    return (_close(abs(stated), share) and left) or (percents and _close(abs(stated), abs(b - a)))


def _agrees_in_points(stated: float, a: float, b: float) -> bool:
    """Whether a change said in points agrees with going from percentage `a` to `b`."""
    return _close(stated, abs(b - a), CHANGE_SLACK_IN_POINTS)


def _close(stated: float, true: float, points: float = CHANGE_SLACK_POINTS) -> bool:
    """Whether a figure said roughly agrees with the true one: within `points` or CHANGE_SLACK_SHARE of it."""
    return abs(stated - true) <= max(points, CHANGE_SLACK_SHARE * true)


def _changes_disagreeing(tokens: list[tuple[str, int, int]], fw: FigureWords, quote) -> list[tuple]:
    """A change stated beside the figures it runs between in the same sentence, that none of them bears out: "from 150 to
    180, a 40% jump" (it is 20 %), "cut by 40%, from 120 down to 90". A change beside two pairs ("halved, from 18% to
    9%, which meant from 40 down to 35") is borne out by the nearer; each pair is checked against the change nearest it.
    A figure reached with no "from" ("down to 12 a month, which is a 75% reduction") is checked against the earlier
    figures of the same thing (_reached): borne out by any of them ("30 falls a month" earlier: it is 60 %). On the
    corpus's 1165 answers that reading and the tighter slack (0.25 -> 0.2 of the true change, 2.5 -> 1.5 points) found
    none more."""
    pairs, changes = _from_to(tokens), _stated_changes(tokens, fw)
    if not changes:
        return []
    pairs += _reached(tokens, pairs)
    if not pairs:
        return []
    ends = [i for i, t in enumerate(tokens) if t[0] in _SENTENCE_END]

    def sentence(i: int) -> int:
        return sum(e < i for e in ends)

    found = []
    for first, last, a, b, percents, *starts in pairs:
        near = [c for c in changes if sentence(c[0]) == sentence(first) and not first <= c[0] <= last
                and min(abs(c[0] - first), abs(c[0] - last)) <= CHANGE_REACH
                and (_one_thing(tokens, c[1] + 1, first) if c[0] < first else _one_thing(tokens, last + 1, c[0]))]
        if not near:
            continue
        c = min(near, key=lambda c: min(abs(c[0] - first), abs(c[0] - last)))
        if c[3] and not percents:
            continue  # points of something that is no percentage
        if not any(_agrees_in_points(c[2], start, b) if c[3] else _agrees_with(c[2], start, b, percents)
                   for start in (starts[0] if starts else (a,))):
            if starts and not c[3]:
                # of the earlier figures, the one nearest to bearing it out: "900 a day with no valid ticket ... down to
                # 400 a day ... so we cut it by 3 quarters" is told from 900, not from the station's 12,000 passengers
                a = min((s for s in starts[0] if s), key=lambda s: abs(100 * abs(b - s) / abs(s) - abs(c[2])), default=a)
            true = _plain(round(abs(b - a), 1)) if c[3] else round(100 * abs(b - a) / abs(a)) if a else 0
            # which way it went is said too: "from 18 a week up to 25 a week, which was a 40% reduction" is a rise (a dental
            # practice manager's trial: "a change of 39 %" did not say the direction was wrong)
            found.append((*quote(min(first, c[0]), max(last, c[1])), "change_points" if c[3] else "change",
                          {"before": _plain(a), "after": _plain(b), "true": true, "way": "rise" if b > a else "fall"}))
    return found


def _directions_disagreeing(tokens: list[tuple[str, int, int]], fw: FigureWords, quote) -> list[tuple]:
    """A change told as a fall that rises, or as a rise that falls: "recovery times dropped from 40 minutes to 45
    minutes" (a vet nurse's story whose figures contradicted each other: this one went unread). The verb is the nearest
    of `falls_from` or `rises_from` within DIRECTION_REACH words before "from", in its clause."""
    falls, rises = fw.words["falls_from"], fw.words["rises_from"]
    hedges, units = fw.words["hedges"], fw.words["units"]
    found = []
    for first, last, a, b, _percents in _from_to(tokens):
        at = _figure_after(tokens, first)
        if any(tokens[j][0] not in hedges for j in range(first + 1, at)):
            continue  # "up from one pound 50 an hour to £2": money in words, read as 50 (a dev story)
        told = [tokens[j][0] for j in (at + 1, last + 1) if j < len(tokens)]
        if len(told) == 2 and told[0] in units and told[1] in units and told[0].rstrip("s") != told[1].rstrip("s"):
            continue  # "down from 6 years to around 90 days": another unit
        for k in range(first - 1, max(-1, first - 1 - DIRECTION_REACH), -1):
            word = tokens[k][0]
            if word in _SENTENCE_END or word in (",", "and") or _number(word) is not None:
                break
            if word in falls or word in rises:
                if (word in falls and b > a) or (word in rises and b < a):
                    found.append((*quote(k, last), "direction",
                                  {"before": _plain(a), "after": _plain(b), "way": "rise" if b > a else "fall"}))
                break
    return found


def _reached(tokens: list[tuple[str, int, int]], pairs: list[tuple]) -> list[tuple]:
    """Every figure reached with no "from" ("falls were down to 12 a month"), as a pair from the first earlier figure of
    the same thing ("about 30 falls a month": both a month's; both percentages): (index of the verb, index of the
    figure, the first earlier figure, the figure, both percentages, every earlier figure of the thing, any of which may
    bear out a change stated beside it). A pair with "from" is read by _from_to."""
    told = {last for _f, last, *_ in pairs}
    out = []
    for j, (tok, _s, _e) in enumerate(tokens):
        # ... or a level a while later: "after 6 months we were doing 52 seizures a month, which is a 50% increase" (a
        # border force officer's story: 40 a month before)
        later = tok in _LEVEL_LATER and j > 1 and tokens[j - 1][0] in ("were", "was") and any(
            t[0] in ("after", "later", "within", "by") for t in tokens[max(0, j - 8):j - 1])
        if not later and (tok != "to" or not j or tokens[j - 1][0] not in _REACHED_AFTER):
            continue
        n = _figure_after(tokens, j)
        b = _number(tokens[n][0]) if n < len(tokens) else None
        if b is None or n in told or YEAR.match(tokens[n][0]):
            continue
        what = _what_counted(tokens, n)
        # a figure that counts nothing after it is the thing named before its verb: "the arrears were down to 130,000,
        # which is a drop of 60%" of "the arrears were 180,000 pounds" (a housing officer's trial: 28 %, unread)
        named = _named_before(tokens, j - 1) if not what else set()
        earlier = [(_number(tokens[m][0]), m) for m in range(j) if _number(tokens[m][0]) is not None
                   and not YEAR.match(tokens[m][0]) and (what & _what_counted(tokens, m) or named & _named_before(tokens, m))]
        if earlier and earlier[0][0] != b:
            out.append((j - 1, n, earlier[0][0], b, "%" in what, tuple(a for a, _m in earlier)))
    return out


_RATE_UNITS = frozenset("day week month year shift quarter term night".split())
_LEVEL_LATER = frozenset("doing seeing getting handling running".split())


def _what_counted(tokens: list[tuple[str, int, int]], i: int) -> set[str]:
    """What the figure at `i` counts, by the words just after it: {"%"} for a percentage, else its content words up to
    _COUNTS_WORDS on ("30 falls a month": falls, month)."""
    if i + 1 < len(tokens) and tokens[i + 1][0] in _PERCENT:
        return {"%"}
    words = set()
    for tok, _s, _e in tokens[i + 1:i + 1 + _COUNTS_WORDS]:
        if tok in _EDGES or _number(tok) is not None:
            break
        if tok not in STOPWORDS:
            words.add(tok)
    # ... and the rate a count is per, a word later: "400 missed bins a week" is a week's, as "120 a week" is (a refuse
    # crew supervisor's "down to 120 a week, which is a 40% reduction" went unread)
    for k in range(i + 1, min(len(tokens) - 1, i + 2 + _COUNTS_WORDS)):
        if tokens[k][0] in _EDGES or _number(tokens[k][0]) is not None:
            break
        if tokens[k][0] in ("a", "per", "each", "every") and tokens[k + 1][0] in _RATE_UNITS:
            words.add(tokens[k + 1][0])
            break
    return words


def _named_before(tokens: list[tuple[str, int, int]], i: int) -> set[str]:
    """The content words of the clause just before `i`, up to _COUNTS_WORDS back: what "the arrears were 180,000" and
    "the arrears were down to" say a figure is of."""
    words = set()
    for tok, _s, _e in reversed(tokens[max(0, i - _COUNTS_WORDS):i]):
        if tok in _EDGES or _number(tok) is not None:
            break
        if tok not in STOPWORDS and tok not in _REACHED_AFTER:
            words.add(tok)
    return words


def _one_thing(tokens: list[tuple[str, int, int]], start: int, end: int) -> bool:
    """Whether the tokens between a stated change and a from-to pair keep them one thing's: no "and" or "but" ("up 6% on
    the year before, and objections went from 400 to 60"), and a comma only before a word that restates ("from 150 to
    180, a 40% jump", "cut by 40%, from 120 down to 90"), not before another thing ("from 40% to 85%, efficiency was up
    30%")."""
    between = [t[0] for t in tokens[start:end]]
    if any(w in _NEW_THING for w in between):
        return False
    # ... nor straight before the change said in apposition ("from 92% to 99%, 15 percentage points")
    return all(between[k + 1] in _RESTATES_AFTER_COMMA for k, w in enumerate(between[:-1]) if w == ",") and \
        (not between or between[-1] != "," or tokens[end][0] in _RESTATES_AFTER_COMMA or _number(tokens[end][0]) is not None)


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _fell(tokens: list[tuple[str, int, int]], i: int, start: int, falling: frozenset[str]) -> int | None:
    """Where the word is that makes the percentage at `i` how far something fell: just before it, or before its "by"."""
    prev = tokens[i - 1][0] if i else ""
    if prev in falling:
        return i - 1
    if prev != "by":
        return None
    return next((k for k in range(i - 2, max(start, i - 1 - FALL_REACH) - 1, -1) if tokens[k][0] in falling), None)


def _restated_rate(tokens: list[tuple[str, int, int]], after: int, words: dict[str, frozenset[str]]
                   ) -> tuple[float, float, int] | None:
    """The rate a percentage is restated as, just after it: (count, out of how many, index of the latter) for "which
    is about one error in 100", "so 9 out of 10", "about one person off every day out of 30"; None without a
    restating word first ("which", "so", "that's") or where the whole is a measure ("one in 3 days") or a share ("one
    in 20%"). Not "one of 12 sites", which names one of them."""
    linked = False
    for k in range(after, min(len(tokens), after + RESTATED_REACH)):
        tok = tokens[k][0]
        if tok in ".;:!?":
            return None
        linked = linked or tok in words["restating"]
        part = 1.0 if tok == "one" else _number(tok)
        if not linked or part is None or part < 1:
            continue
        for j in range(k + 1, min(len(tokens) - 1, k + 2 + RESTATED_GAP)):
            word = tokens[j][0]
            if word in ".;:!?":
                return None
            n = j + 1 if word == "in" else j + 2 if word == "out" and tokens[j + 1][0] == "of" else None
            if n is None:
                continue
            if n < len(tokens) and tokens[n][0] in ("a", "an", "every", "each"):
                n += 1
            whole = _number(tokens[n][0]) if n < len(tokens) else None
            after_whole = tokens[n + 1][0] if n + 1 < len(tokens) else ""
            if whole is None or whole <= part or after_whole in words["units"] or after_whole in _PERCENT:
                return None
            return part, whole, n
        return None
    return None


def _share_said(tokens: list[tuple[str, int, int]], after: int, words: dict[str, frozenset[str]]
                ) -> tuple[float, int] | None:
    """The percentage a part is restated as, a few words after its whole: (the percentage, index of its "%") for "...
    which is just over 50%", "so about 80 percent"; None without a restating word first."""
    linked = False
    # the restating word within the reach, and the share within the reach after it: "320 of our 400 cows calve in the first
    # 6 weeks, which is a 6 week calving rate of about 60%"
    for k in range(after, min(len(tokens), after + 2 * SHARE_SAID_REACH)):
        tok = tokens[k][0]
        if not linked and k >= after + SHARE_SAID_REACH:
            return None
        if tok in _SENTENCE_END or tok == ",":
            if linked:
                return None
            continue
        linked = linked or tok in words["restating"]
        if linked and (share := _fraction_said(tokens, k)) is not None:
            return None if _of_another_whole(tokens, k) else (share, k)
        value = _number(tok)
        if value is not None and linked and k + 1 < len(tokens) and tokens[k + 1][0] in words["units"]:
            continue  # "which is a 6 week calving rate of about 60%" (a dairy manager's 320 of 400 cows): a measure's name
        if value is not None:
            said = linked and k + 1 < len(tokens) and tokens[k + 1][0] in _PERCENT
            return (value, k + 1) if said and not _of_another_whole(tokens, k + 1) else None
    return None


def _of_a_figure(tokens: list[tuple[str, int, int]], at: int) -> bool:
    """Whether the figure at `at` is "of" another figure ("£60,000 of the £85,000"), not of a thing ("£38,000 of them")."""
    return [t[0] for t in tokens[at + 1:at + 2]] == ["of"] and any(
        _number(t[0]) is not None for t in tokens[at + 2:at + 4] if t[0] not in _THE)


# What a share may be "of" and still be the count's whole: "about a third of the total".
_WHOLE_AGAIN = frozenset("total whole lot".split())


def _of_another_whole(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the share ending at `k` names a whole of its own: "we'd have lost around 15 of them, which is roughly 4%
    of that day's mileage" (a bus controller's trial: 15 of 21 duties, a share of the miles, read as a contradiction)
    is a share of another thing; "... about a quarter of them" and "... about a third of the total" (a payroll
    supervisor's £60,000 of £85,000: the contradiction went unread, 91 as its fixed twin) point back at the count."""
    if not (k + 2 < len(tokens) and tokens[k + 1][0] == "of"):
        return False
    after = tokens[k + 2][0]
    return after not in _POINTS_BACK and not (after in _THE and k + 3 < len(tokens) and tokens[k + 3][0] in _WHOLE_AGAIN)


# A share said as a fraction: "which was about a quarter of them" of 26 out of 40 (a track manager's trial: the
# contradiction went unread, 84 as its fixed twin).
_FRACTIONS = {"half": 50.0, "quarter": 25.0, "quarters": 25.0, "third": 100 / 3, "thirds": 100 / 3, "fifth": 20.0,
              "fifths": 20.0, "tenth": 10.0, "tenths": 10.0}
_HOW_MANY = {"a": 1, "one": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4}


def _fraction_said(tokens: list[tuple[str, int, int]], k: int) -> float | None:
    """The percentage "half", "a quarter", "two thirds" at `k` says, or None."""
    base = _FRACTIONS.get(tokens[k][0])
    if base is None:
        return None
    if tokens[k][0] == "half":
        return base
    count = _HOW_MANY.get(tokens[k - 1][0]) if k else None
    return base * count if count else None


def _agree(a: float, b: float) -> bool:
    """Whether two percentages agree as a rough restatement does: within RESTATED_FACTOR of each other."""
    return a > 0 and b > 0 and max(a, b) <= RESTATED_FACTOR * min(a, b)


def _ends_a_statistic(tokens: list[tuple[str, int, int]], i: int, end: int) -> bool:
    """Whether the figure at i ends the statistic's phrase though its clause goes on ("an R squared of 1.3 on the test
    set", "a kappa of 1.5 between the 2 markers"): a preposition follows it, and no figure it could be a share of
    comes straight after that ("the probability was 2 in 10", "2 in a 100", "1 in every 5")."""
    if i + 1 >= end or tokens[i + 1][0] not in _AFTER_A_STATISTIC:
        return False
    k = i + 2
    while k < end and tokens[k][0] in ("a", "an", "every"):
        k += 1
    return not (k < end and _number(tokens[k][0]) is not None)


def _noun_only(word: str) -> bool:
    """Whether `word` may be a noun and is never an adjective ("phase", "bedroom"; a word the lexicon does not know,
    "seater", too), so a number before it may start a compound ("3 phase"), not count what follows it ("10 new")."""
    classes = word_classes(word)
    return not classes or ("NOUN" in classes and "ADJ" not in classes)


def _same_thing(counted: str, thing: str) -> bool:
    """Whether "students" and "students" (or "student", "pupils" and "pupil") name the same thing."""
    return counted.rstrip("s") == thing.rstrip("s")
