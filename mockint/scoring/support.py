"""What a quote proves: the evidence a criterion's score needs, checked in code.

A verified quote shows the candidate said those words; it does not show the words back the score
they are attached to. A lenient or obedient model gave 4/4 everywhere and quoted any real sentence
of a vague answer ("we had a project, we worked hard"), and the answer scored 100/100. So each
criterion states in its rubric file (`support:`) what its quoted evidence must show at a level -
Result >= 2 an outcome, Quantified impact >= 3 a quantity tied to a change, Ownership >= 3 the
candidate's own action - and this module checks the quoted sentences with the same cue detectors
the offline scorer reads answers with. A score its evidence cannot support is lowered to the
highest level it does support, and the card says why ("lowered: the quotes show no outcome").

A requirement is a list of cues that must all be shown; "a or b" accepts either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from mockint.scoring.safety import refuses_a_step, refusing_sentences

if TYPE_CHECKING:
    from mockint.scoring.offline import CuePhrases

# Cue name -> what a coach reads in the rubric file -> detector over the quoted text.
CUE_WORDS: dict[str, str] = {
    "outcome": "an outcome",
    "measure": "a number or measure",
    "change": "a change in numbers (from/to, by)",
    "lesson": "a lesson learned",
    "own_action": "something the candidate did or decided ('I ...', 'the decision was mine')",
    "time_or_place": "a time, place or name",
    "responsibility": "the candidate's responsibility or goal",
    "past_event": "a real past event",
    "named": "a named tool, system, person, place or date",
    "plan_step": "a concrete step the candidate would take",
    "judgement": "a priority, a risk or who to involve, with a reason",
    "method": "a concrete habit, tool or routine",
    "reason": "a reason (because, so that, the risk)",
    "research": "something specific about this employer or role",
    "experience": "something the candidate has done",
    "specific_term": "a precise term, standard or figure",
}


# Cues a criterion's `good` phrases (its rubric file's offline_cues) show too: a step of a plan is also what
# situational.plan's phrases say ("first thing", "follow it up"), a method what approach.method's say.
SHOWN_BY_PHRASES: dict[str, str] = {
    "plan_step": "situational.plan",
    "judgement": "situational.judgement",
    "method": "approach.method",
    "reason": "technical.reasoning",
    "research": "motivation.specific_reasons",
    # a term defined or a standard stated as a practitioner states them ("known loss, which is waste", "a
    # critical limit at each point"): a precise term though it names no product and gives no figure
    "specific_term": "technical.accuracy",
}


# The quotes' readings while one answer is scored (reads_remembered): its quotes are checked at every level from the
# score down, for each option of a requirement, and a detector reads the same text up to three times, so on dev's
# longest answers reading quotes again was over half the scoring time. Not kept between answers, so an edited
# rubric file is read again as before.
_READS: ContextVar[dict[tuple[str, str], Any] | None] = ContextVar("quote_readings", default=None)


@contextmanager
def reads_remembered() -> Iterator[None]:
    """Within this block a quote's cues are read once (the rubric files do not change while one answer is scored)."""
    token = _READS.set({} if _READS.get() is None else _READS.get())
    try:
        yield
    finally:
        _READS.reset(token)


def _detectors() -> dict[str, Callable[[str, str], bool]]:
    from mockint.scoring import offline as o
    from mockint.scoring.semantic import reading_words

    def read(lower: str, cased: str) -> o.UnitCues:
        remembered = _READS.get()
        if remembered is not None and (lower, cased) in remembered:
            return remembered[lower, cased]
        unit = o.Unit(text=cased, index=0, position=0.5, words=o._WORD.findall(lower), lower=" ".join(o._WORD.findall(lower)))
        cues = o.read_unit(unit, cased=any(ch.isupper() for ch in cased))
        if remembered is not None:
            remembered[lower, cased] = cues
        return cues

    return {
        "outcome": lambda t, c: bool(o.says_outcome(t) or o.reports_harm(t) or o.what_followed(t)
                                     or read(t, c).change_quantities),
        "measure": lambda t, c: read(t, c).quantities > 0 or read(t, c).years > 0,
        "change": lambda t, c: read(t, c).change_quantities > 0,
        "lesson": lambda t, c: bool(o.LESSON.search(t)),
        # ... or a decision said as theirs: "the one decision that was mine was to stop using the two agencies"
        "own_action": lambda t, c: bool(read(t, c).i_actions or o.OWN_DECISION.search(t) or o.I_DECIDED.search(t)),
        "time_or_place": lambda t, c: bool(o.TIME_ANCHOR.search(t) or read(t, c).named or read(t, c).years),
        "responsibility": lambda t, c: bool(o.PERSONAL_TASK.search(t)),
        "past_event": lambda t, c: _narrates_the_past(read(t, c)),
        "named": lambda t, c: bool(read(t, c).named or read(t, c).roles or read(t, c).scaled_quantities),
        "plan_step": lambda t, c: bool(reading_words().plan_steps.search(t)),
        "judgement": lambda t, c: bool(reading_words().judgement.search(t) or o.REASONING.search(t)),
        "method": lambda t, c: bool(o.METHOD.search(t) or o.METHOD_STANDING.search(t)),
        "reason": lambda t, c: bool(o.WHY.search(t) or o.REASONING.search(t)),
        "research": lambda t, c: bool(o.RESEARCH.search(t) or read(t, c).named or o.employer_facts(c)),
        "experience": lambda t, c: bool(read(t, c).i_actions or re.search(r"\bi('ve| have| had)\b|\bin my (last|current|previous)\b", t)),
        "specific_term": lambda t, c: bool(read(t, c).named or read(t, c).quantities or o._ACRONYM.search(c)),
    }


def _narrates_the_past(cues) -> bool:
    """Past events told as such: past verbs outnumber the "would"s."""
    return cues.past > 0 and cues.past > cues.hypothetical


_DETECTORS: dict[str, Callable[[str, str], bool]] | None = None
# What a sentence that refuses, skips or puts off the safe step cannot show (scoring/safety.py): "I wouldn't
# bother ringing the site manager" names a manager and proves the opposite of escalation.
NOT_FROM_REFUSALS = frozenset({"judgement", "plan_step"})


def check_requirement(requirement: list[str], quotes: list[str], phrases: Mapping[str, CuePhrases],
                      refusing: frozenset[str] = frozenset()) -> str | None:
    """None when the quotes show every cue of the requirement, else the first one missing (in words).
    `phrases`: the `offline_cues` of the rubrics scored against (offline.cue_phrases). `refusing`: the
    answer's sentences that refuse a step (safety.refusing_sentences), whose parts show no judgement or
    plan step either."""
    global _DETECTORS
    if _DETECTORS is None:
        _DETECTORS = _detectors()
    cased = " ".join(quotes)
    lower = cased.lower().replace("\u2019", "'")

    def shown(name: str, lower: str, cased: str) -> bool:
        said = phrases.get(SHOWN_BY_PHRASES.get(name, ""))
        if said:  # what counts against the criterion shows nothing for it: "every week's different" is no routine
            lower = said.poor.sub(" ", lower)
        if _DETECTORS[name](lower, cased):
            return True
        return bool(said and said.good.search(lower))

    for item in requirement:
        options = [name.strip() for name in item.split(" or ")]
        if NOT_FROM_REFUSALS.intersection(options):
            kept = " ".join(q for q in quotes if not refuses_a_step(q, refusing))
            reads = {name: (kept.lower().replace("\u2019", "'"), kept) for name in NOT_FROM_REFUSALS}
        else:
            reads = {}
        if not any(shown(name, *reads.get(name, (lower, cased))) for name in options):
            return " or ".join(CUE_WORDS[name] for name in options)
    return None


def shows(cue: str, text: str, phrases: Mapping[str, CuePhrases] | None = None) -> bool:
    """Whether `text` shows `cue` (a name of CUE_WORDS), read as a quote is read. A cue that a
    rubric's phrases also show (SHOWN_BY_PHRASES) reads them only when `phrases` are given."""
    return check_requirement([cue], [text], phrases or {}) is None


def answer_refusals(answer: str, question: str = "") -> frozenset[str]:
    """The sentences of an answer (the offline scorer's units) that refuse, skip or hide a step, read with its
    `question` as the offline scorer reads them (an allegation the question names, dealt with alone)."""
    from mockint.scoring import offline as o

    return refusing_sentences([u.text for u in o.split_units(answer)], question)


def supported_level(support: dict[int, list[str]], score: int, quotes: list[str],
                    phrases: Mapping[str, CuePhrases], refusing: frozenset[str] = frozenset()) -> tuple[int, str | None]:
    """The highest level up to `score` that the quotes support, and what the first level they
    failed needed ("an outcome"); (score, None) when they support it. `phrases` as check_requirement."""
    missing = None
    for level in range(score, 0, -1):
        needed = [req for lvl, req in support.items() if lvl <= level]
        gaps = [gap for req in needed if (gap := check_requirement(req, quotes, phrases, refusing))]
        if not gaps:
            return level, missing
        missing = missing or gaps[0]
    return 0, missing
