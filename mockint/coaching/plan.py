"""The next round: questions that drill the weak areas.

For each weak area, most important first, the plan mixes two kinds of question:
  - a follow-up on the candidate's own story, quoting their words where they were weak
    ("You said the migration went well: what changed, in numbers?"), and
  - a fresh bank question that exercises the same criterion and competencies.
Every question names the area it targets (`targets`) and why (`rationale`, the evidence), and
none is a near-duplicate of a question already asked. A follow-up's `criteria` are what it asks
for (FOLLOWUP_CRITERIA), so its answer is judged on those only; a bank question keeps the bank's.

With an LLM, follow-ups are written from prompts/plan_followups.yaml and validated in code: a
follow-up that targets no listed weak area, quotes words the candidate never said, or repeats a
question is dropped, and the offline templates fill the gaps. Without an LLM the templates below
produce the same shape. Bank questions are always chosen in code.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import zip_longest
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from mockint.coaching.questions import NEAR_DUPLICATE, Question, QuestionBank, is_near_duplicate, tokens
from mockint.coaching.weakness import WeakArea
from mockint.errors import LLMError
from mockint.prompts import load_prompt
from mockint.records import QuestionRef
from mockint.session import Answer

if TYPE_CHECKING:  # the LLM client pulls in openai/httpx; import it only when used
    from mockint.llm import LLMClient

DEFAULT_QUESTIONS = 6
MAX_PER_AREA = 2
PROMPT_FILE = "plan_followups.yaml"
QUOTE_MAX_WORDS = 16
TRANSCRIPT_MAX_CHARS = 1500

Warn = Callable[[str], None]


# --- offline templates -----------------------------------------------------------------
# {quote}: the candidate's words; {question}: the question they were answering;
# {topic}: a round-one concern; {filler}: their most used filler word.
FOLLOWUP_TEMPLATES: dict[str, str] = {
    "star.situation": 'You said "{quote}". Set the scene for me: when was this, who was involved, and what was at stake?',
    "star.task": 'You said "{quote}". What exactly were you responsible for there, and what did success look like?',
    "star.action": 'You said "{quote}". Walk me through the steps you personally took, in order, and why you chose each one.',
    "star.result": 'You said "{quote}": what changed as a result, in numbers?',
    "specificity.quantified_impact": 'You said "{quote}". Can you put a number on that: how much time, money, or how many people did it affect?',
    "specificity.concrete_detail": 'You said "{quote}". Which tools, systems or teams were involved, and when did this happen?',
    "specificity.ownership": 'You said "{quote}". Which part of that was you, not the team? What did you decide yourself?',
    "specificity.real_example": 'You said "{quote}". That sounds general: tell me about one specific time it actually happened.',
    "specificity.relevance": 'You said "{quote}". How does that show the skill I asked about, and how would it carry over to this role?',
    "delivery.fillers": 'Tell me that story again in three short parts - situation, what you did, the result - pausing instead of saying "{filler}": "{quote}"',
    "delivery.pace": 'Take me back to the moment you said "{quote}". Tell it again at an easy pace, landing on the result.',
    "delivery.pauses": 'You said "{quote}". Give me the outline of that story first in one sentence, then the details.',
}
# When the quoted words already carry a number, ask how it was measured instead.
MEASURED_FOLLOWUP = 'You said "{quote}". How did you measure that, and what was the figure before you started?'
MEASURED_AREAS = frozenset({"star.result", "specificity.quantified_impact"})
GENERIC_FOLLOWUP = 'You said "{quote}". Tell me more about that: what exactly did you do, and what was the result?'
TOPIC_FOLLOWUP = (
    "In your first interview they kept coming back to {topic}. What would you tell them now? "
    "Give one specific example and proof they could check."
)
FLAT_FOLLOWUP = (
    "Your answer on {topic} fell flat in round one. Let's try it again: one real example, what you did, and the outcome."
)
# What each follow-up actually asks for: the criteria its answer is judged on (QuestionRef.criteria).
# The area itself plus at most one criterion the same question asks for: 'what changed, in
# numbers?' asks for the result and its size, not for a whole STAR story, so a reply that is
# just the numbers is not marked down on task and action. A follow-up for a delivery habit asks
# for the story again in a given shape; its delivery is measured whatever the criteria.
FOLLOWUP_CRITERIA: dict[str, tuple[str, ...]] = {
    "star.situation": ("star.situation", "specificity.concrete_detail"),
    "star.task": ("star.task",),
    "star.action": ("star.action", "specificity.ownership"),
    "star.result": ("star.result", "specificity.quantified_impact"),
    "specificity.quantified_impact": ("specificity.quantified_impact", "star.result"),
    "specificity.concrete_detail": ("specificity.concrete_detail",),
    "specificity.ownership": ("specificity.ownership", "star.action"),
    "specificity.real_example": ("specificity.real_example", "specificity.concrete_detail"),
    "specificity.relevance": ("specificity.relevance",),
    # "in three short parts - situation, what you did, the result"
    "delivery.fillers": ("star.situation", "star.action", "star.result"),
    # "tell it again at an easy pace, landing on the result"
    "delivery.pace": ("star.result",),
    # "the outline of that story first in one sentence, then the details"
    "delivery.pauses": ("star.situation", "star.action", "star.result"),
}
# GENERIC_FOLLOWUP: "what exactly did you do, and what was the result?"
GENERIC_CRITERIA = ("star.action", "star.result")
# TOPIC_FOLLOWUP / FLAT_FOLLOWUP ask for one real example (situation), what you did and the outcome.
# Not star.task: neither asks what you were responsible for, so a good answer is not marked down for it.
DEBRIEF_CRITERIA = ("star.situation", "star.action", "star.result", "specificity.real_example")


def followup_criteria(area: WeakArea) -> list[str]:
    """The criteria a follow-up drilling `area` asks for (not the criteria of the question it quotes)."""
    if area.kind == "debrief":
        return list(DEBRIEF_CRITERIA)
    if area.id in FOLLOWUP_CRITERIA:
        return list(FOLLOWUP_CRITERIA[area.id])
    return list(dict.fromkeys([*area.criteria, *GENERIC_CRITERIA]))


# Template wording shared by many follow-ups; two follow-ups are duplicates only when what
# remains (the quote, the topic) is alike, not because they share a template.
_TEMPLATE_WORDS = frozenset(
    t for template in [*FOLLOWUP_TEMPLATES.values(), MEASURED_FOLLOWUP, GENERIC_FOLLOWUP, TOPIC_FOLLOWUP, FLAT_FOLLOWUP]
    for t in tokens(re.sub(r"\{\w+\}", " ", template))
)


def is_repeat(ref: QuestionRef, others: Sequence[str]) -> bool:
    """Near-duplicate of any of `others`; a templated follow-up is compared on its own words only."""
    if ref.source == "bank":
        return is_near_duplicate(ref.text, others)
    mine = set(tokens(ref.text)) - _TEMPLATE_WORDS
    if not mine:
        return is_near_duplicate(ref.text, others)
    for other in others:
        theirs = set(tokens(other)) - _TEMPLATE_WORDS
        if theirs and len(mine & theirs) / len(mine | theirs) >= NEAR_DUPLICATE:
            return True
    return False


# Words that tend to sit in the sentence that shows the gap, per criterion.
QUOTE_CUES: dict[str, tuple[str, ...]] = {
    "star.result": ("went well", "worked", "result", "in the end", "finally", "success", "improved", "better", "happy"),
    "specificity.quantified_impact": ("improved", "faster", "better", "saved", "more", "less", "reduced", "increased", "a lot"),
    "specificity.ownership": ("the team", "we "),
    "specificity.real_example": ("usually", "always", "would", "generally", "typically", "tend to"),
    "star.action": ("we ", "did", "handled", "worked on", "dealt"),
    "star.situation": ("there was", "project", "when"),
    "star.task": ("had to", "needed", "supposed to", "my job", "goal"),
}


# --- LLM output ------------------------------------------------------------------------


class FollowupDraft(BaseModel):
    model_config = ConfigDict(extra="forbid")
    targets: str = Field(description="id of the weak area this question drills, from the list given")
    answer_id: str | None = Field(description="id of the answer quoted, or null")
    quote: str | None = Field(description="the candidate's words, copied exactly from that answer, or null")
    question: str = Field(description="the follow-up question, as the interviewer would say it")
    rationale: str = Field(description="one sentence: which evidence this responds to")


class FollowupPlan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    followups: list[FollowupDraft]


# --- planning --------------------------------------------------------------------------


def plan_next_round(
    weak_areas: Sequence[WeakArea],
    answers: Sequence[Answer],
    bank: QuestionBank,
    *,
    llm: LLMClient | None = None,
    n: int = DEFAULT_QUESTIONS,
    asked: Iterable[str] = (),
    role: str | None = None,
    seed: int | None = 0,
    on_warning: Warn | None = None,
) -> list[QuestionRef]:
    """Up to `n` questions for the next round, each targeting one of `weak_areas`.

    `answers` are the candidate's answers so far (their stories are quoted; their questions are
    not repeated); `asked` adds question texts asked elsewhere (earlier sessions). With `llm`,
    follow-ups come from the model and are validated; failures fall back to the templates.
    """
    if not weak_areas or n <= 0:
        return []
    asked_texts = [a.question.text for a in answers] + list(asked)
    asked_ids = {a.question.id for a in answers}
    by_answer = {a.id: a for a in answers}

    followups: dict[str, QuestionRef] = {}
    if llm is not None:
        try:
            drafts = generate_llm_followups(llm, weak_areas, answers, asked_texts, n=n, role=role)
        except LLMError as exc:
            if on_warning:
                on_warning(f"LLM follow-ups failed ({exc}); using the offline templates")
            drafts = []
        for ref in validate_followups(drafts, weak_areas, by_answer, asked_texts):
            followups.setdefault(ref.targets or "", ref)
    for area in weak_areas:
        if area.id not in followups:
            ref = offline_followup(area, by_answer)
            if ref is not None and not is_repeat(ref, asked_texts):
                followups[area.id] = ref

    rng = random.Random(seed)
    taken_texts = list(asked_texts)
    taken_ids = set(asked_ids)
    per_area: dict[str, list[QuestionRef]] = {a.id: [] for a in weak_areas}
    total = 0

    def take(area: WeakArea, ref: QuestionRef | None) -> bool:
        nonlocal total
        if ref is None or total >= n or ref.id in taken_ids or is_repeat(ref, taken_texts):
            return False
        per_area[area.id].append(ref)
        taken_texts.append(ref.text)
        taken_ids.add(ref.id)
        total += 1
        return True

    # Pass 1: one question per area, most important first, so every area is drilled before
    # any gets a second; a story follow-up when there is one. Pass 2: the other kind.
    # Round-one concerns alternate with practice weak areas in pass 1: topics the interviewer
    # kept probing are the employer's biggest doubts, so a very weak practice round must not
    # crowd them out of a short plan.
    for area in interleave_concerns(weak_areas):
        if not take(area, followups.get(area.id)):
            take(area, bank_question_for(area, bank, taken_ids, taken_texts, rng))
    for area in weak_areas:
        if len(per_area[area.id]) >= MAX_PER_AREA:
            continue
        has_followup = any(r.source != "bank" for r in per_area[area.id])
        if not has_followup and take(area, followups.get(area.id)):
            continue
        take(area, bank_question_for(area, bank, taken_ids, taken_texts, rng))
    # Story follow-ups first within an area: they build on what was just said.
    return [r for a in weak_areas for r in sorted(per_area[a.id], key=lambda r: r.source == "bank")]


def interleave_concerns(weak_areas: Sequence[WeakArea]) -> list[WeakArea]:
    """Alternate practice weak areas and round-one concerns, each group keeping its rank order."""
    practice = [a for a in weak_areas if a.kind != "debrief"]
    concerns = [a for a in weak_areas if a.kind == "debrief"]
    merged: list[WeakArea] = []
    for pair in zip_longest(practice, concerns):
        merged.extend(a for a in pair if a is not None)
    return merged


def evidence_note(area: WeakArea) -> str:
    return f"{area.name}: {area.summary()}"


def offline_followup(area: WeakArea, answers_by_id: dict[str, Answer]) -> QuestionRef | None:
    """A templated follow-up on the candidate's own story for this area (None when there is no story)."""
    if area.kind == "debrief":
        topic = area.name
        flat = any("fell flat" in e.detail for e in area.evidence)
        text = (FLAT_FOLLOWUP if flat else TOPIC_FOLLOWUP).format(topic=topic)
        return QuestionRef(
            id=f"fu.{_slug(area.id)}",
            text=text,
            category="first_round_probe",
            competencies=list(area.competencies),
            criteria=followup_criteria(area),
            source="followup",
            targets=area.id,
            rationale=evidence_note(area),
        )
    for evidence in area.evidence:
        answer = answers_by_id.get(evidence.answer_id)
        if answer is None or answer.transcript is None:
            continue
        quote = evidence.quotes[0] if evidence.quotes else pick_quote(answer.transcript.text, area.id)
        if not quote:
            continue
        quote = shorten_quote(quote)
        filler = "um"
        if answer.delivery and answer.delivery.fillers:
            filler = max(answer.delivery.fillers.items(), key=lambda kv: kv[1])[0]
        template = FOLLOWUP_TEMPLATES.get(area.id, GENERIC_FOLLOWUP)
        if area.id in MEASURED_AREAS and re.search(r"\d", quote):
            template = MEASURED_FOLLOWUP
        text = template.format(quote=quote, question=answer.question.text, filler=filler)
        return QuestionRef(
            id=f"fu.{_slug(area.id)}.{answer.id}",
            text=text,
            category="followup",
            competencies=list(answer.question.competencies),
            criteria=followup_criteria(area),
            source="followup",
            targets=area.id,
            rationale=f'{evidence_note(area)}; in {answer.id} you said "{quote}"',
        )
    return None


def bank_question_for(
    area: WeakArea, bank: QuestionBank, taken_ids: set[str], taken_texts: Sequence[str], rng: random.Random
) -> QuestionRef | None:
    """A fresh bank question that exercises the area: its criterion, its competencies, its topic words."""
    pool = [q for q in bank.questions if q.id not in taken_ids and not is_near_duplicate(q.text, taken_texts)]
    if not pool:
        return None
    order = {q.id: i for i, q in enumerate(rng.sample(pool, len(pool)))}
    wanted_comps = set(area.competencies)
    topic_words = set(tokens(area.name)) if area.kind == "debrief" else set()

    def fit(q: Question) -> float:
        score = 2.0 * len(wanted_comps & set(q.competencies)) + 1.0 * (q.competencies[0] in wanted_comps)
        if area.criteria:
            score += 3.0 * bool(set(area.criteria) & set(q.criteria))
        if topic_words:
            score += 1.5 * len(topic_words & set(tokens(q.text)))
        if area.kind == "delivery":
            score += 1.0 * (q.category == "behavioral")  # delivery shows in longer stories
        return score

    best = max(pool, key=lambda q: (fit(q), -order[q.id]))
    if fit(best) <= 0:
        return None
    return best.ref(targets=area.id, rationale=evidence_note(area))


# --- quotes ----------------------------------------------------------------------------


_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def pick_quote(transcript: str, area_id: str) -> str | None:
    """The candidate's sentence most likely to show the gap (cue words), else their first full one."""
    sentences = [s.strip() for s in _SENTENCE.findall(transcript) if len(s.split()) >= 5]
    if not sentences:
        return None
    cues = QUOTE_CUES.get(area_id, ())
    for sentence in sentences:
        lowered = f" {sentence.lower()} "
        if any(cue in lowered for cue in cues):
            return sentence
    return sentences[0]


def shorten_quote(quote: str) -> str:
    """At most QUOTE_MAX_WORDS words, verbatim from the start, without trailing punctuation."""
    words = quote.strip().strip('"').split()
    return " ".join(words[:QUOTE_MAX_WORDS]).rstrip(".,;:!?")


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9']+", " ", text.lower()).split())


def quote_in(quote: str, transcript: str) -> bool:
    """True when the quote's words appear, in order and contiguous, in the transcript."""
    q = _normalise(quote)
    return bool(q) and q in _normalise(transcript)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


# --- LLM generation and validation -----------------------------------------------------


def render_messages(
    weak_areas: Sequence[WeakArea], answers: Sequence[Answer], asked: Sequence[str], *, n: int, role: str | None
) -> list[dict[str, str]]:
    prompt = load_prompt(PROMPT_FILE)
    areas = [
        {
            "id": a.id,
            "name": a.name,
            "why": a.summary(),
            "advice": a.advice,
            "weak_answers": [e.answer_id for e in a.evidence],
        }
        for a in weak_areas
    ]
    stories = [
        {
            "answer_id": a.id,
            "question": a.question.text,
            "transcript": a.transcript.text[:TRANSCRIPT_MAX_CHARS],
        }
        for a in answers
        if a.transcript is not None and a.transcript.text.strip()
    ]
    return prompt.render(
        role=role or "this role",
        n=n,
        weak_areas=json.dumps(areas, indent=1, ensure_ascii=False),
        answers=json.dumps(stories, indent=1, ensure_ascii=False),
        asked="\n".join(f"- {t}" for t in dict.fromkeys(asked)) or "(none)",
    )


def generate_llm_followups(
    llm: LLMClient,
    weak_areas: Sequence[WeakArea],
    answers: Sequence[Answer],
    asked: Sequence[str],
    *,
    n: int,
    role: str | None = None,
) -> list[FollowupDraft]:
    messages = render_messages(weak_areas, answers, asked, n=n, role=role)
    result = llm.structured(messages, FollowupPlan, name="plan_followups")
    return list(result.followups)  # type: ignore[attr-defined]


_QUOTED = re.compile(r'"([^"]{3,})"|“([^”]{3,})”')


def validate_followups(
    drafts: Sequence[FollowupDraft],
    weak_areas: Sequence[WeakArea],
    answers_by_id: dict[str, Answer],
    asked: Sequence[str],
) -> list[QuestionRef]:
    """Keep the drafts that target a listed area, quote only what was said, and repeat nothing."""
    areas = {a.id: a for a in weak_areas}
    transcripts = {aid: a.transcript.text for aid, a in answers_by_id.items() if a.transcript is not None}
    kept: list[QuestionRef] = []
    seen_texts = list(asked)
    for i, draft in enumerate(drafts):
        area = areas.get(draft.targets)
        text = " ".join(draft.question.split())
        if area is None or len(text) < 15:
            continue
        answer = answers_by_id.get(draft.answer_id) if draft.answer_id else None
        if draft.quote:
            scope = [transcripts[answer.id]] if answer is not None and answer.id in transcripts else transcripts.values()
            if not any(quote_in(draft.quote, t) for t in scope):
                continue  # a quote the candidate never said
        quoted = [m.group(1) or m.group(2) for m in _QUOTED.finditer(text)]
        if any(not any(quote_in(q, t) for t in transcripts.values()) for q in quoted):
            continue
        if is_near_duplicate(text, seen_texts):
            continue
        seen_texts.append(text)
        story = answer if answer is not None else None
        evidence = evidence_note(area)
        rationale = f"{evidence}; {draft.rationale.strip()}" if draft.rationale.strip() else evidence
        kept.append(
            QuestionRef(
                id=f"fu.{_slug(area.id)}.{story.id if story else 'llm'}.{i + 1}",
                text=text,
                category="followup",
                competencies=list(story.question.competencies) if story else list(area.competencies),
                # The model was asked to target this one area, so its question asks for what
                # the area needs, as a templated follow-up does.
                criteria=followup_criteria(area),
                source="followup",
                targets=area.id,
                rationale=rationale,
            )
        )
    return kept
