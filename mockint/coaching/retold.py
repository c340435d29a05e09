"""The same story told twice in one round: a panel notices, and a plan that drills both drills one story twice.

Read by word overlap: the share of the shorter answer's content words (coaching.questions.tokens) that the
other answer also uses. Measured before choosing it: trial 5's a17, a thinner retelling of a01's story to
another question, shares 0.58 of its words with a01 typed and 0.52 as Whisper heard the espeak reading
(mis-hearings drop shared words); across the 1,448 pairs of dev answers in
benchmarks/data/scoring_corpus.yaml by one writer in one occupation to different questions (the nearest
thing there to one candidate's round) the most is 0.44 (99th percentile 0.35), and among trial 5's other
209 pairs 0.45 (two motivation answers on the same background). The static sentence embedding
(scoring/semantic.py) does not tell them apart: a01/a17 0.80, but a08/a08c 0.79 and a01/a14, two
different stories from one job, 0.75. Pairs of consecutive words do no better (dev most 0.25,
a01/a17 0.19). So a retelling is read only at RETOLD_AT_LEAST of the shorter answer's words (between
the 0.45 of different stories and the 0.52 of the spoken retelling) and MIN_SHARED words at least: no
false alarm on those pairs, at the price of missing a retelling reworded more than that. One known
retelling is thin evidence: the margin is 0.03 either side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mockint.coaching.questions import tokens
from mockint.session import Answer

RETOLD_AT_LEAST = 0.48
MIN_SHARED = 10


@dataclass(frozen=True)
class Retelling:
    answer_id: str  # the later answer
    retells: str  # the earlier answer whose story it tells again
    shared: float  # the share of the shorter answer's content words the other uses too

    def describe(self, advice: str = "") -> str:
        """What happened, then `advice` (the bank's `round_advice.retold`, coach's words kept as data)."""
        said = f"{self.answer_id} tells the story of {self.retells} again ({self.shared:.0%} of its words)"
        return f"{said}: {advice}" if advice else said


def _first_answer(answer: Answer) -> bool:
    """A round's own answer: not a probe's reply nor a plan follow-up's, which retell on purpose."""
    told = answer.transcript is not None and answer.transcript.text.strip()
    return bool(told) and answer.probe_of is None and answer.question.follows is None


def retellings(answers: Sequence[Answer]) -> list[Retelling]:
    """Each answer that tells an earlier answer's story again, with the earlier one (the closest)."""
    firsts = [(a, set(tokens(a.transcript.text))) for a in answers if _first_answer(a)]  # type: ignore[union-attr]
    found = []
    for i, (later, later_words) in enumerate(firsts):
        best: tuple[float, str] | None = None
        for earlier, earlier_words in firsts[:i]:
            shared = later_words & earlier_words
            share = len(shared) / max(1, min(len(later_words), len(earlier_words)))
            if len(shared) >= MIN_SHARED and share >= RETOLD_AT_LEAST and (best is None or share > best[0]):
                best = (share, earlier.id)
        if best is not None:
            found.append(Retelling(later.id, best[1], round(best[0], 2)))
    return found


def same_story(answers: Sequence[Answer]) -> dict[str, set[str]]:
    """Answer id -> the ids of the answers telling the same story (itself included)."""
    groups: dict[str, set[str]] = {}
    for r in retellings(answers):
        group = groups.get(r.retells, {r.retells}) | groups.get(r.answer_id, {r.answer_id})
        for member in group:
            groups[member] = group
    return groups
