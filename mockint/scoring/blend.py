"""The LLM's scorecard checked against the offline scorer's, criterion by criterion.

Why: the LLM's quotes are verified and support-checked (card.py), but a lenient or obedient model
still picks the highest level its quotes do not contradict; the offline cues read the whole answer
and cannot be talked into a score. Each rule below combines, per criterion, the LLM's verified
score with the offline scorer's; the totals, band and advice are then recomputed from the combined
criteria (card.apply_question_criteria). A criterion the offline scorer cannot judge (one a coach
added to a rubric) keeps the LLM's score. The feedback is the rubric's words for the combined level.
Evidence stays the LLM's, except where a rule raises a score above the LLM's: then it is the offline
cues' quotes. A criterion the rule lowered says so in `lowered`, one it raised in `raised`, so the
scorecard shows which scorer's judgement counted.

Which rule is the default (DEFAULT_RULE): chosen on the scoring corpus's dev split from the saved
replies of Qwen2.5-Coder-1.5B Q4_K_M (benchmarks/llm_scoring.py report --split dev, 12 answers, 57
pairs; the locked split is only reported). The criterion: the highest pairwise
ranking among the rules that leave graded-weak answers no more often above 45 than the offline
scorer does. On dev: LLM alone 0.74 pairwise, offline alone 0.83; `lower` 0.85, `lower-if-apart`
0.87, `mean` 0.85 (weak answers below 45: 0.6, 0.4, 0.4; offline 0.4); `offline-plus-1` ranked
best (0.91) but let 0.8 of the weak answers score 45 or more, so it is out. `lower-if-apart` also
had the smallest error against the graders' overall, and was the default until the figures below. It keeps the LLM's judgement where the two
are within a level of each other, and where a lenient model's 4 meets cues that show 1 or 0 the
cues win: a score never ends more than one level above the offline cues'. Twelve answers is few:
re-run the report when more replies are saved.

Re-run with the shorter prompt score_answer-3 (no feedback, at most two sentence numbers), 40 dev
answers, 653 pairs, the same criterion fixed before the figures were computed, with the offline
scorer that reads results as the graders do: LLM alone 0.60, offline alone 0.80; `lower` 0.74,
`lower-if-apart` 0.67, `offline-plus-1` 0.65, `mean` 0.76 (weak answers below 45: 0.85, 0.54, 0.54,
0.62; offline 0.62). `lower-if-apart` and `offline-plus-1` now leave more weak answers at 45 or
above than the offline scorer, so by the criterion `mean` is the default. It can raise a criterion
above the LLM's own score (where the cues show 2+ levels more); such a score stands on the offline
cues' quotes, which passed the same support check for a level at least that high, and the card
says so (`raised`), so no score rests on evidence that does not show it.

On the locked split (76 of 129 answers, reported only): LLM alone 0.59 pairwise, offline alone
0.75, `lower-if-apart` 0.71, `lower` 0.74, `mean` 0.72, `offline-plus-1` 0.67; the blends pull the
adversarial answers' mean from 67-70 (either scorer alone) to 56-64. With this 1.5B model no rule
beats the offline scorer alone on ranking; the check is what keeps a lenient model's card honest.
With score_answer-3 and today's offline scorer (all 129 locked answers, reported only): LLM alone
0.61, offline 0.78, `mean` 0.74, `lower` 0.74, `lower-if-apart` 0.69, `offline-plus-1` 0.67.
With the overall read from the weighted mean level (rubrics/overall.yaml), dev: `mean` 0.78 (weak
below 45: 0.92; offline 0.81 and 0.69), `lower` 0.73, `lower-if-apart` 0.66; `mean` stays the
default. Locked, reported only: `mean` 0.74, `lower` 0.74, `lower-if-apart` 0.69, offline 0.78.

Why `cues` is the default now: the issue's bar for the LLM path is "ranking no worse than the
offline scorer's", and on dev (40 answers, the same saved replies) every rule that lets the 1.5B
model's level count ranks below the offline cues alone: `mean` 0.77, `lower` 0.74, `offline-plus-1`
0.66, and two milder rules tried for this (move the cues' level one step toward the LLM's only
where the two are 2+ apart: 0.80; only downward: 0.815) against 0.82 for the cues. The locked
split (reported only, above) says the same. So, with an LLM configured, the card's levels are the
offline cues' and the LLM's reading stands beside each criterion where it differs (`lowered` /
`raised` name both levels): the model proposes, and with this model the proposal does not decide.
`blend` in the settings picks another rule for a model that measures better
(`benchmarks/llm_scoring.py collect --base-url ...` then `report`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from mockint.scoring.card import apply_question_criteria, level_feedback
from mockint.scoring.rubrics import band_floor, criteria_by_key

if TYPE_CHECKING:
    from mockint.records import CriterionScore, Scorecard, Transcript
    from mockint.scoring import Scorer
    from mockint.scoring.rubrics import Criterion, Rubric

# The rule that keeps the offline cues' levels (the default: see the module docstring).
CUES_RULE = "cues"
# rule name -> (the combined score from (llm, offline), what the scorecard says about the rule)
BLEND_RULES: dict[str, tuple[Callable[[int, int], int], str]] = {
    "lower": (min, "the lower of the two on each criterion"),
    "lower-if-apart": (
        lambda llm, offline: min(llm, offline) if abs(llm - offline) >= 2 else llm,
        "the lower of the two where they differ by 2 levels or more",
    ),
    "offline-plus-1": (
        lambda llm, offline: min(llm, offline + 1),
        "the LLM's score, at most one level above the offline cues'",
    ),
    "mean": (lambda llm, offline: (llm + offline) // 2, "the mean of the two, rounded down"),
    CUES_RULE: (lambda llm, offline: offline, "the offline cues' level on each criterion, the LLM's reading beside it"),
}
DEFAULT_RULE = CUES_RULE


def levels_are_the_cues(card: Scorecard) -> bool:
    """Whether the card's levels are the offline cues' own: the offline scorer's card, or an LLM's
    blended by rule `cues` (the default)."""
    return card.scorer == "offline" or card.blend_rule == CUES_RULE


# The lowest level that reads as sound ("sound but obvious judgement"): below it, a caveat that the level may be too
# kind says nothing.
CAVEAT_FROM = 2
# The overall where the bands start to vouch for an answer ("solid").
SOLID_FROM = band_floor("solid")


# Beside the band where the offline cues cannot tell a right or safe answer from a wrong one: "strong" alone vouched for
# what the note says was not checked, and the round summary and the report dropped even that (a social worker's
# trial: an unsafe plan "86.7 strong" in both).
BAND_NOT_CHECKED = "if it is right: not checked offline"


def band_shown(card: Scorecard, caveats: list[str]) -> str:
    """The card's band as every view shows it: with BAND_NOT_CHECKED where its offline_caveats have a note."""
    return f"{card.band}, {BAND_NOT_CHECKED}" if caveats else card.band


def offline_caveats(card: Scorecard, rubrics: Iterable[Rubric]) -> list[str]:
    """'Name: caveat' for each counted criterion whose level is the offline cues' own and whose
    rubric says what offline scoring cannot check (its `offline_caveat`): a confidently wrong
    technical answer reads as specific and reasoned, and scores as a right one would. None where such a criterion is
    already below CAVEAT_FROM and the band is below solid: the answer did not read as good (a trial's plan capped at
    Judgement 0 for refusing to escalate was told that an unsafe plan "can still read as good judgement", and its steps
    would be told they "can still read as concrete"). A band still solid or strong keeps the caveats of its criteria
    that read as good: an unsafe plan at Judgement 1 and Concrete plan 4 was "80, strong" with no word that it was not
    checked (an engineering lead's trial)."""
    if not levels_are_the_cues(card):
        return []
    by_key = criteria_by_key(rubrics)
    caveated = [(score, found[1]) for score in card.criteria
                if score.applies and (found := by_key.get(score.key)) is not None and found[1].offline_caveat]
    if any(score.score < CAVEAT_FROM for score, _ in caveated) and card.overall < SOLID_FROM:
        return []
    return [f"{score.name or spec.name}: {spec.offline_caveat}" for score, spec in caveated if score.score >= CAVEAT_FROM]


def blend_cards(llm: Scorecard, offline: Scorecard, rubrics: list[Rubric], rule: str = DEFAULT_RULE) -> Scorecard:
    """The LLM's card with each criterion's score combined with the offline card's by `rule`.
    Both cards must score the same rubrics; pure."""
    combine, description = BLEND_RULES[rule]
    by_key = {c.key: c for c in offline.criteria}
    specs = {f"{r.id}.{c.id}": c for r in rubrics for c in r.criteria}
    criteria = [_combine(c, by_key.get(c.key), specs.get(c.key), combine) for c in llm.criteria]
    if rule == CUES_RULE:
        # The levels are the cues' own: so are their words (a rubric's offline_levels, card.level_feedback).
        criteria = [_cues_words(c, by_key.get(c.key)) for c in criteria]
    blended = llm.model_copy(update={"criteria": criteria, "checked_by": f"offline cues: {description}", "blend_rule": rule})
    # Re-totalled with every criterion counting, as a fresh card is; score_question then applies the question's criteria.
    return apply_question_criteria(blended, (), rubrics)


def _combine(llm: CriterionScore, offline: CriterionScore | None, spec: Criterion | None,
             combine: Callable[[int, int], int]) -> CriterionScore:
    if offline is None or not offline.judged or not llm.judged:
        return llm
    score = max(0, min(llm.max_score, combine(llm.score, offline.score)))
    if score == llm.score:
        return llm
    # The rubric's words for the level the criterion ends at (the LLM's were for its own score).
    update: dict = {"score": score, "feedback": level_feedback(spec, score) if spec else offline.feedback}
    if score < llm.score:
        update["lowered"] = f"the offline cues give it {offline.score} (the LLM gave {llm.score})"
    else:
        # Above what the LLM's quotes showed: the score stands on the offline cues' quotes, which
        # went through the same support check for a level at least this high.
        update |= {"evidence": offline.evidence, "capped": False, "lowered": None,
                   "raised": f"the offline cues give it {offline.score} (the LLM gave {llm.score})"}
    return llm.model_copy(update=update)


def _cues_words(combined: CriterionScore, offline: CriterionScore | None) -> CriterionScore:
    if offline is None or not offline.judged or offline.score != combined.score:
        return combined
    return combined.model_copy(update={"feedback": offline.feedback})


class BlendScorer:
    """Scores with the LLM, then checks each criterion against the offline scorer (blend_cards).
    The card says scorer "llm" (the LLM produced it) and, in `checked_by`, how it was checked."""

    name = "llm"

    def __init__(self, llm: Scorer, offline: Scorer, rule: str = DEFAULT_RULE) -> None:
        if rule not in BLEND_RULES:
            raise ValueError(f"unknown blend rule {rule!r}; known: {', '.join(BLEND_RULES)}")
        self.llm, self.offline, self.rule = llm, offline, rule

    def warm(self, question: str, rubrics: list[Rubric]) -> None:
        self.llm.warm(question, rubrics)  # only the LLM has a prompt to read ahead

    def score(self, question: str, transcript: Transcript, rubrics: list[Rubric], *, kind: str | None = None) -> Scorecard:
        llm_card = self.llm.score(question, transcript, rubrics, kind=kind)  # LLMError goes to the caller as is
        offline_card = self.offline.score(question, transcript, rubrics, kind=kind)
        return blend_cards(llm_card, offline_card, rubrics, self.rule)
