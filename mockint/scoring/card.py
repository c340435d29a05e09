"""From a scorer's raw criterion scores to a Scorecard. Both scorers go through here.

What this adds, the same way for every scorer:
  - every quote is verified against the transcript (scoring/evidence.py);
  - a criterion scored above EVIDENCE_CAP with no verified quote is capped to EVIDENCE_CAP
    and flagged `capped`: a score the answer cannot be shown to support is not trusted;
  - a verified quote must also show what the score's level needs (the rubric's `support`,
    checked by scoring/support.py): else the score is lowered to the level it supports and the
    card says why (`lowered`);
  - criteria the question does not exercise (QuestionRef.criteria) are kept and shown but
    marked `applies=False` and left out of everything below: "Why do you want to work here?"
    is not a STAR story, so it is not marked down for having no STAR result;
  - the overall score, per-rubric scores and band are computed in code (rubrics.overall_for, the
    formula in rubrics/overall.yaml) from the applicable criteria;
  - a criterion the scorer gave no feedback for (the LLM gives none: generating it was most of a
    small model's time) gets its rubric's descriptor of the level it ends at, the words the
    offline scorer gives too;
  - while a gate is shut (rubrics/overall.yaml: relevance 0-1, the answer is to another question),
    every other counted criterion carries the gate's `held` words, shown instead of its level's
    descriptor: a trial user read "a recognisable event with some context" and the like beside an
    answer held to 38 for not answering the question, as if those levels were the reasons for it;
  - the improvements are picked from the rubric's advice for the applicable criteria that cost most,
    only a shut gate's criterion while a gate holds the overall down, and none for a criterion
    already at the level the overall scale reads as strong (a trial user saw "put a number on the impact" under
    an answer full of before/after figures at 3/4, and two tips under every 90+ answer).
Plain data in, plain data out; the file I/O is the cached reads of shipped data files: rubrics/overall.yaml
(rubrics.load_overall_formula: the overall, its gates, the improvements) and, in build_scorecard, the
offline cues the support check reads (offline.cue_phrases, from the rubrics given and the shipped files).
criterion_words reads nothing: the criterion and the answer's reading come from the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from mockint.errors import ScoringError, one_line
from mockint.records import CriterionScore, Scorecard, Transcript
from mockint.scoring.evidence import verify_quotes
from mockint.scoring.rubrics import (
    BANDS,
    MAX_SCORE,
    Criterion,
    Rubric,
    criteria_by_key,
    load_overall_formula,
    overall_for,
)
from mockint.scoring.support import answer_refusals, supported_level

if TYPE_CHECKING:
    from mockint.scoring.offline import CuePhrases

# Highest score a criterion may keep when none of its quotes verify.
EVIDENCE_CAP = 1
MAX_IMPROVEMENTS = 2


class RawCriterion(BaseModel):
    """One criterion as a scorer reports it, before verification."""

    model_config = ConfigDict(extra="forbid")

    rubric: str = Field(description="rubric id, e.g. 'star'")
    criterion: str = Field(description="criterion id, e.g. 'result'")
    score: int = Field(description="0-4")
    quotes: list[str] = Field(description="exact quotes from the answer that support the score")
    feedback: str = Field(description="one line of feedback for the candidate; empty: the rubric's level descriptor")
    judged: bool = Field(default=True, description="False when the scorer cannot judge this criterion (shown as n/a)")
    gated: str | None = Field(default=None, description="the gate on the whole answer (rubrics/substance.yaml) that "
                              "holds this criterion below its own reading, if one does")


def score_criterion(
    raw: RawCriterion, criterion: Criterion, rubric: Rubric, transcript: Transcript, phrases: Mapping[str, CuePhrases],
    *, cues: bool = False, refusing: frozenset[str] = frozenset(),
) -> CriterionScore:
    """`phrases`: the scored rubrics' `offline_cues`, which the support check reads too (offline.cue_phrases);
    `cues`: the score is the offline cues' reading (level_feedback); `refusing`: the answer's sentences that
    refuse a step (support.answer_refusals), which show no judgement or plan step."""
    if not 0 <= raw.score <= MAX_SCORE:
        raise ScoringError(f"{rubric.id}.{criterion.id}: score {raw.score} is outside 0-{MAX_SCORE}")
    evidence, rejected = verify_quotes(raw.quotes, transcript)
    score, capped, lowered = raw.score, False, None
    if score > EVIDENCE_CAP and not evidence:
        score, capped = EVIDENCE_CAP, True
    elif criterion.support and evidence:
        # A real quote is not proof of any score: it must show what the level needs.
        supported, missing = supported_level(criterion.support, score, [e.quote for e in evidence], phrases,
                                             refusing)
        if supported < score:
            score, lowered = max(supported, EVIDENCE_CAP), f"the quotes do not show {missing}"
    return CriterionScore(
        rubric=rubric.id,
        criterion=criterion.id,
        name=criterion.name,
        score=score,
        max_score=MAX_SCORE,
        weight=criterion.weight,
        evidence=evidence,
        rejected_quotes=rejected,
        capped=capped,
        lowered=lowered,
        feedback=one_line(raw.feedback) or level_feedback(criterion, score, cues=cues),
        judged=raw.judged,
        gated=raw.gated,
    )


def criterion_words(cs: CriterionScore, spec: Criterion | None, story_not_reasons: Callable[[], bool]) -> str:
    """The line the candidate reads for `cs`: its shown_feedback, or the rubric's `story_levels` words
    where the answer tells a story in place of the reasons asked for and the card gives the level's own
    descriptor (not a question variant's words). A trial user's "why this role?" told as a story read
    "Generic praise that fits any employer" though it praised nothing. The card keeps its words (they are
    the level's); this is what every view shows of them.

    `spec`: the criterion as the caller's rubrics define it (None: the card's words as they are);
    `story_not_reasons`: whether the answer tells a story where reasons were asked for, read with the kind
    it was judged as (scoring.story_not_reasons), asked only when a row's words depend on it."""
    words = spec.story_levels.get(cs.score) if spec is not None else None
    if words and cs.feedback in (level_feedback(spec, cs.score), level_feedback(spec, cs.score, cues=True)):
        if story_not_reasons():
            return one_line(words)
    return cs.shown_feedback


def level_feedback(criterion: Criterion, score: int, *, cues: bool = False) -> str:
    """The rubric's words for a criterion at `score`: its level descriptor, or, where the level is the
    offline cues' reading (`cues`), the rubric's `offline_levels` words for it when it has them: "sound
    judgement" beside a note saying soundness was not checked read as praise the cues cannot give."""
    return one_line((criterion.offline_levels.get(score) if cues else None) or criterion.levels[score])


def pick_improvements(criteria: list[CriterionScore], rubrics: list[Rubric], limit: int = MAX_IMPROVEMENTS) -> list[str]:
    """The advice for the criteria whose shortfall costs the most overall points.

    Cost = the criterion's weight x points missing (its share of the level the overall is read
    from, rubrics.overall_for). A criterion below its gate (rubrics/overall.yaml: relevance 0-1
    caps the overall) comes first, as that is what holds the answer down; then weak criteria
    (below weak_below); while a gate is shut, only its advice is given. A criterion at the level
    the scale reads as the strong band (3 of 4) is not "worth changing": an answer strong on every
    criterion gets no advice. Nor is one a gate on the whole answer holds down (`gated`): a chef's story of sacking a
    commis mid-service, held to 1 of 4 throughout for the bad outcome he stood by, was told first to walk through his
    steps "saying I", which he had. The criterion that shows such a gate's reason comes first, in the reason's words.
    Advice repeated across rubrics is given once.
    """
    from mockint.scoring.semantic import gates

    specs = criteria_by_key(rubrics)
    formula = load_overall_formula()
    strong_level = formula.level_at(BANDS[0][0])
    shut = formula.shut({c.key: c.score for c in criteria})
    # The criteria a gate on the whole answer shows its reason on say what holds it down, in that reason's words: a
    # pharmacist's story whose figures cannot be true was told first to "put a number on the impact" (trial 43)
    told = {key for name in {c.gated for c in criteria if c.gated} for key in (gates().get(name) or {}).get("shown_on", [])}
    ranked: list[tuple[bool, bool, bool, float, str]] = []
    for c in criteria:
        if c.key not in specs or c.score >= strong_level or c.gated:
            continue
        spec = specs[c.key][1]
        cost = spec.weight * (MAX_SCORE - c.score)
        reason = c.key in told and bool(c.feedback)  # first: it is what holds every part down
        advice = c.feedback if reason else spec.advice_at.get(c.score, spec.advice)
        ranked.append((c.key in shut, reason, c.score < spec.weak_below, cost, f"{spec.name}: {advice}"))
    ranked.sort(key=lambda item: (not item[0], not item[1], not item[2], -item[3]))
    # while a gate holds the answer down, nothing else lifts it: its advice alone; unless the criterion that shuts it is
    # itself held down by a gate on the whole answer, whose reason then comes first (a pub manager's GP answer with figures
    # that contradict read "nothing major" under 26.7, weak)
    if shut and any(item[0] for item in ranked):
        ranked = [item for item in ranked if item[0]]
    out: list[str] = []
    for _gated, _reason, _weak, _cost, advice in ranked:
        if advice not in out:
            out.append(advice)
        if len(out) == limit:
            break
    return out


def applicable_keys(question_criteria: Iterable[str], scored: Iterable[str]) -> set[str]:
    """Which of the `scored` criterion keys count for a question exercising `question_criteria`.

    All of them when the question names none (free text, a custom question), or names none of
    these: a question written for other rubrics is judged on what was scored, not on nothing.
    """
    scored = set(scored)
    wanted = set(question_criteria) & scored
    return wanted or scored


def _judge(criteria: Sequence[CriterionScore], applicable: Iterable[str], rubrics: list[Rubric]) -> dict:
    """Mark each criterion applies or not and total the applicable ones: the Scorecard fields
    that depend on which criteria count. The one code path for new and re-judged scorecards."""
    counted = applicable_keys(applicable, (c.key for c in criteria if c.judged))
    shut = load_overall_formula().shut({c.key: c.score for c in criteria if c.judged and c.key in counted})
    held = next((gate.held for gate in shut.values() if gate.held), None)
    # not a part at full marks: "Relevance 4/4 ... Held down by the whole answer" read as a contradiction (a trial)
    held_down = {c.key for c in criteria if c.judged and c.key in counted and c.key not in shut and c.score < c.max_score}
    marked = [
        c.model_copy(update={"applies": c.judged and c.key in counted, "held": held if c.key in held_down else None})
        for c in criteria
    ]
    used = [c for c in marked if c.applies]
    total = overall_for(used, rubrics)
    return {
        "criteria": marked,
        "overall": total.overall,
        "band": total.band,
        "level": total.level,
        "overall_capped": total.capped,
        "rubric_scores": total.per_rubric,
        "improvements": pick_improvements(used, rubrics),
    }


def apply_question_criteria(card: Scorecard, criteria: Sequence[str], rubrics: list[Rubric]) -> Scorecard:
    """The scorecard judged only on the criteria the question exercises (empty: all of them).

    The other criteria keep their scores and evidence, marked `applies=False`; overall, band,
    per-rubric scores and improvements are recomputed from the applicable ones. Returns a new
    scorecard; applying again with other criteria starts from the scores, not from the last marks.
    """
    return card.model_copy(update=_judge(card.criteria, criteria, rubrics))


def build_scorecard(
    raw: list[RawCriterion],
    transcript: Transcript,
    rubrics: list[Rubric],
    *,
    scorer: str,
    model: str | None = None,
    prompt_version: str | None = None,
    applicable: Sequence[str] | None = None,
    refusing: frozenset[str] | None = None,
) -> Scorecard:
    """Verify, cap and total a scorer's raw output. Every rubric criterion must be present once;
    criteria the rubrics do not define are ignored (a scorer's stray extra is not an error).
    `applicable`: the criteria the question exercises (None or empty: all count). `refusing`: the
    answer's sentences that refuse a step, as the scorer read them with its question (None: read from
    the answer alone, support.answer_refusals)."""
    if not rubrics:
        raise ScoringError("no rubrics to score against")
    given: dict[tuple[str, str], RawCriterion] = {}
    for item in raw:
        given.setdefault((item.rubric, item.criterion), item)
    missing = [f"{r.id}.{c.id}" for r in rubrics for c in r.criteria if (r.id, c.id) not in given]
    if missing:
        raise ScoringError(f"the {scorer} scorer gave no score for {', '.join(missing)}")
    from mockint.scoring.offline import cue_phrases  # offline.py builds on this module

    cues, phrases = scorer == "offline", cue_phrases(rubrics)
    if refusing is None:  # once a card: reading every sentence for refusals is most of its time
        refusing = answer_refusals(transcript.text)
    criteria = [score_criterion(given[(r.id, c.id)], c, r, transcript, phrases, cues=cues, refusing=refusing)
                for r in rubrics for c in r.criteria]
    return Scorecard(
        scorer=scorer,  # type: ignore[arg-type]
        model=model,
        rubric_versions={r.id: r.version for r in rubrics},
        prompt_version=prompt_version,
        **_judge(criteria, applicable or (), rubrics),
    )
