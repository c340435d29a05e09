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
retelling is thin evidence: the margin is 0.03 either side. A story reworded more than that still keeps its
figures: two telling figures in common are read as the same story (MIN_SHARED_FIGURES, below).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mockint.coaching.questions import tokens
from mockint.session import Answer, Round
from mockint.speech.numbers import write_numbers_in_text

RETOLD_AT_LEAST = 0.48
MIN_SHARED = 10
# A retelling in other words keeps its facts: two or more of the same telling figures (not a count up to twelve,
# nor a year) with RETOLD_WITH_FIGURES of the words. Among the 1,614 dev pairs above (now 375 answers, four batches)
# none shares two such figures (17 share one); of the 27 paraphrase pairs (the same facts in other words) 9 do, at
# word shares from 0.3. Trial 9's underperformer story told again in other words: 0.45 of its words and five
# figures (78%, 93%, 90, 30, 20): read by words alone it was never flagged.
MIN_SHARED_FIGURES = 2
RETOLD_WITH_FIGURES = 0.3
_FIGURE = re.compile(r"\d[\d,.]*%?")


@dataclass(frozen=True)
class Retelling:
    answer_id: str  # the later answer
    retells: str  # the earlier answer whose story it tells again
    shared: float  # the share of the shorter answer's content words the other uses too

    def describe(self, advice: str = "") -> str:
        """What happened, then `advice` (the bank's `round_advice.retold`, coach's words kept as data)."""
        said = f"{self.answer_id} tells the story of {self.retells} again ({self.shared:.0%} of its words)"
        return f"{said}: {advice}" if advice else said


# Kinds whose answers tell no story: two definitions of related terms share their words (a customer success lead's
# trial: a wrong NRR formula and a gross-vs-net churn answer were "the same story told twice"), and two plans share
# their days (a sales trial's 30-60-90 day plan and her plan for a rep missing target, "30 days ... 90 days": "a04
# tells the story of a03 again", and the second plan's pass did not count).
NOT_STORIES = frozenset({"technical", "situational"})


def _first_answer(answer: Answer) -> bool:
    """A round's own answer that tells a story: not a probe's reply nor a plan follow-up's, which retell on purpose, nor
    an answer to a knowledge question."""
    from mockint.scoring.kinds import classify

    told = answer.transcript is not None and answer.transcript.text.strip()
    return bool(told) and answer.probe_of is None and answer.question.follows is None and (
        answer.question.kind or classify(answer.question.text)) not in NOT_STORIES


def retellings(answers: Sequence[Answer]) -> list[Retelling]:
    """Each answer that tells an earlier answer's story again, with the earlier one (the closest)."""
    firsts = [(a, set(tokens(a.transcript.text)), telling_figures(a.transcript.text))  # type: ignore[union-attr]
              for a in answers if _first_answer(a)]
    found = []
    for i, (later, later_words, later_figures) in enumerate(firsts):
        best: tuple[float, str] | None = None
        for earlier, earlier_words, earlier_figures in firsts[:i]:
            # the words both questions ask about are the topic's, not the story's: two answers on one round-one topic
            # ("national data opt-out") shared 0.51 of their words, two different stories (a data protection officer's)
            asked = set(tokens(later.question.text)) & set(tokens(earlier.question.text))
            shared = (later_words & earlier_words) - asked
            share = len(shared) / max(1, min(len(later_words - asked), len(earlier_words - asked)))
            facts = len(later_figures & earlier_figures) >= MIN_SHARED_FIGURES and share >= RETOLD_WITH_FIGURES
            if len(shared) >= MIN_SHARED and (share >= RETOLD_AT_LEAST or facts) and (best is None or share > best[0]):
                best = (share, earlier.id)
        if best is not None:
            found.append(Retelling(later.id, best[1], round(best[0], 2)))
    return found


def retellings_in_round(rounds: Sequence[Round], rnd: Round) -> list[Retelling]:
    """The retellings of round `rnd`'s answers, of its own earlier answers or of an earlier round's of the session (a
    sales manager's trial: a story of round one retold in round two was said only by the next plan; a SOC analyst's
    terminal summary named only the retelling inside the round)."""
    ours = {a.id for a in rnd.answers}
    earlier = []
    for before in rounds:
        if before is rnd or before.index == rnd.index:
            break
        earlier += [a for a in before.answers if a.id not in ours]
    return [r for r in retellings([*earlier, *rnd.answers]) if r.answer_id in ours]


def telling_figures(text: str) -> set[str]:
    """The figures that tell a story apart ("78%", "135,000", "4.5"), typed in words or digits: not a count up to twelve,
    which any two stories share, nor a year."""
    figures = {f.rstrip(".,") for f in _FIGURE.findall(write_numbers_in_text(text))}
    return {f for f in figures if not (f.isdigit() and (int(f) <= 12 or 1900 <= int(f) <= 2100))}


def same_story(answers: Sequence[Answer]) -> dict[str, set[str]]:
    """Answer id -> the ids of the answers telling the same story (itself included)."""
    groups: dict[str, set[str]] = {}
    for r in retellings(answers):
        group = groups.get(r.retells, {r.retells}) | groups.get(r.answer_id, {r.answer_id})
        for member in group:
            groups[member] = group
    return groups
