"""The next round: questions that drill the weak areas.

For each weak area, most important first, the plan mixes two kinds of question:
  - a follow-up on the candidate's own story, quoting their words where they were weak
    ("You said the migration went well: what changed, in numbers?"), and
  - a fresh bank question that exercises the same criterion and competencies.
Every question names the area it targets (`targets`) and why (`rationale`, the evidence), and
none is a near-duplicate of a question already asked. A follow-up's `criteria` are what it asks
for (the criterion's followup_criteria in its rubric file), so its answer is judged on those
only; a bank question keeps the bank's. A follow-up on a story names it (`follows`,
'session/answer'): its reply is judged told after that answer as well as alone, each criterion
at the better reading (practice.judged_as), since "As a result, delayed discharges fell from 12
a week to 5" is a result only after what was done (alone, the offline scorer reads a figure
before any step as the problem: a trial user's exact reply to 'what changed as a result, in
numbers?' scored Result 1/4).
A story follow-up quotes only an answer that tells a story (its real-example score 2+): "what
changed as a result?" about "The budget is something I think is really important" asks for a
result of nothing; and of that answer, only words that tell part of it (`narrates`), never a belief
said on the way ("I think leadership is really about bringing people with you"). Quotes are whole sentences (a full stop after "St", "Dr" or inside "9.30" ends
none) cut at a clause boundary when long, never mid-phrase ("...every morning at").

A criterion's follow-up template and the cue words for the sentence to quote are data in its
rubric file (rubrics/*.yaml), so a coach who adds a criterion gets follow-ups for it without
touching Python; a criterion without them gets the generic follow-up.

With an LLM, follow-ups are written from prompts/plan_followups.yaml and validated in code: a
follow-up that targets no listed weak area, quotes words the candidate never said, or repeats a
question is dropped, and the offline templates fill the gaps. Without an LLM the templates
produce the same shape. Bank questions are always chosen in code.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from mockint.coaching.debrief import FOREWARNED_WHY
from mockint.coaching.questions import NEAR_DUPLICATE, Question, QuestionBank, is_near_duplicate, tokens
from mockint.coaching.retold import same_story
from mockint.coaching.weakness import DELIVERY_IDS, ROUND_ONE, WeakArea, delivery_checks
from mockint.errors import LLMError
from mockint.prompts import load_prompt
from mockint.records import QuestionRef
from mockint.scoring.evidence import FILLERS
from mockint.scoring.kinds import TopicWords, classify_topic, kind_for_category, load_kinds, topic_words
from mockint.scoring.lexicon import NUMBER_WORDS, STOPWORDS, leads_on
from mockint.scoring.offline import LESSON, STORY_KINDS, YEAR, bad_outcomes, read_answer, sentences
from mockint.scoring.rubrics import Rubric, criteria_by_key
from mockint.scoring.support import shows
from mockint.session import Answer
from mockint.speech.numbers import write_numbers_in_text

if TYPE_CHECKING:  # the LLM client pulls in openai/httpx; import it only when used
    from mockint.llm import LLMClient

DEFAULT_QUESTIONS = 6
MAX_PER_AREA = 2
MAX_QUOTES_PER_ANSWER = 2
PROMPT_FILE = "plan_followups.yaml"
QUOTE_MAX_WORDS = 16
QUOTE_SLACK_WORDS = 4  # a quote with no clause to end at may run this much longer, to end where its sentence does
TRANSCRIPT_MAX_CHARS = 1500

Warn = Callable[[str], None]


# --- follow-up wording ------------------------------------------------------------------
# A criterion's follow-up, what it asks for and the words worth quoting come from its rubric
# file (rubrics/*.yaml: followup, followup_measured, followup_criteria, quote_cues); a delivery
# habit's from rubrics/delivery.yaml. The wording below is for areas without their own.
# {quote}: the candidate's words; {question}: the question they were answering;
# {filler}: their most used filler word. A round-one topic's wording (coaching a motivation
# question is not coaching a STAR story) is in the kinds table of rubrics/questions.yaml.
GENERIC_FOLLOWUP = 'You said "{quote}". Tell me more about that: what exactly did you do, and what was the result?'
# What a follow-up actually asks for: the criteria its answer is judged on (QuestionRef.criteria).
# A criterion's own follow-up asks for it plus at most one criterion the same question asks for:
# 'what changed, in numbers?' asks for the result and its size, not for a whole STAR story, so a
# reply that is just the numbers is not marked down on task and action.
# GENERIC_FOLLOWUP: "what exactly did you do, and what was the result?"
GENERIC_CRITERIA = ("star.action", "star.result")
RESULT = "star.result"  # the criterion a story's outcome is judged on (untold_lesson)
# Which follow-ups do not presume a story (they ask for one, "tell me about one specific time it actually
# happened", or ask how the answer fits the question) is each criterion's `followup_needs_story` in its
# rubric file. Every other follow-up asks about the story's situation, steps or result, and quotes only an
# answer that tells one.
# An answer tells a story when its real past example scores at least this (specificity.yaml: 2 is
# "a real event, though partly generic").
STORY_MIN_REAL_EXAMPLE = 2
# Words of a round-one topic's name that say how, not what ("managing poor performance"): a bank
# question sharing only one of them is not about the topic.
GENERIC_TOPIC_WORDS = frozenset(
    "managing manage management handling handle dealing deal working work doing general skill question stuff".split()
)
_DETERMINER = re.compile(r"^(?:the|a|an|my|your|their|our|his|her|that|this|these|those)\b", re.I)


@dataclass(frozen=True)
class FollowupWords:
    """What a follow-up drilling one area says and asks for; empty for an area with no words of its own."""

    template: str | None = None  # None: GENERIC_FOLLOWUP
    measured: str | None = None  # instead of `template` when the quote carries a number
    changed: str | None = None  # instead of `measured` when the quote gives a before and after (None: no follow-up on it)
    bad_outcome: str | None = None  # instead of either when the story ends badly and no lesson is told (untold_lesson)
    baseline: str | None = None  # instead of `measured` when the quoted figure is where things started
    criteria: tuple[str, ...] = ()
    plain_criteria: tuple[str, ...] = ()  # what `template` asks for, where it asks less than `criteria`
    quote_cues: tuple[str, ...] = ()
    needs_story: bool = True  # it asks about a story told: quote only an answer that tells one

    def plain_judged_on(self, template: str) -> tuple[str, ...]:
        """What a reply to `template` is judged on when it is the plain wording and that asks less than `criteria`
        (`plain_criteria`); () for any other wording."""
        return self.plain_criteria if template == self.template else ()


def followup_words(area_id: str, rubrics: Sequence[Rubric]) -> FollowupWords:
    """The area's follow-up wording: from its rubric criterion, or its delivery check."""
    check = delivery_checks().get(area_id)
    if check is not None:
        return FollowupWords(template=check.followup, criteria=check.followup_criteria)
    found = criteria_by_key(rubrics).get(area_id)
    if found is None:
        return FollowupWords()
    criterion = found[1]
    return FollowupWords(
        template=criterion.followup,
        measured=criterion.followup_measured,
        changed=criterion.followup_changed,
        bad_outcome=criterion.followup_bad_outcome,
        baseline=criterion.followup_baseline,
        criteria=tuple(criterion.followup_criteria),
        plain_criteria=tuple(criterion.followup_plain_criteria),
        quote_cues=tuple(criterion.quote_cues),
        needs_story=criterion.followup_needs_story,
    )


def _says_baseline(quote: str) -> bool:
    """Whether a quote tells where things started (substance.yaml's `before_after.before`: "before", "when I started"),
    or sets a figure beside its target ("we were at about 70% and the target was 95% by the end of March": a nurse was
    asked "what was the figure before you started?" of it)."""
    from mockint.scoring.semantic import before_after_phrases

    said = " ".join(re.findall(r"[\w']+", quote.lower()))
    return bool(before_after_phrases()[0].search(said) or _TARGET.search(said))


_TARGET = re.compile(r"\b(the )?(target|goal|aim) (was|is|of)\b")


# A follow-up template that asks its question again ("That does not get to what I asked: {question} Can you answer that
# directly?"): judged on relevance alone, a reply that answered it with a harmful plan scored 100 (a customer success
# lead's trial), so its reply is judged on what the question asks for.
REASKED = "{question}"


def followup_criteria(area: WeakArea, rubrics: Sequence[Rubric]) -> list[str]:
    """The criteria a follow-up drilling `area` asks for (not the criteria of the question it quotes)."""
    if area.kind == "debrief":  # its kind's, and what its round-one line said it lacked (debrief.apply_debrief)
        return list(dict.fromkeys([*debrief_words(area).criteria, *area.criteria]))
    words = followup_words(area.id, rubrics)
    if words.template and REASKED in words.template:
        return []  # it asks the question again: its reply is judged as an answer to that question, on all it asks for
    if words.criteria:
        return list(words.criteria)
    if words.template:
        return [area.id]
    return list(dict.fromkeys([*area.criteria, *GENERIC_CRITERIA]))


def template_words(rubrics: Sequence[Rubric]) -> frozenset[str]:
    """Words of every follow-up template. Template wording is shared by many follow-ups; two
    follow-ups are duplicates only when what remains (the quote, the topic) is alike."""
    templates = [GENERIC_FOLLOWUP, *(c.followup for c in delivery_checks().values())]
    # not a kind's `again`: the new question on a topic must not read as a repeat of the first one asked on it
    templates += [t for kind in load_kinds().values() for t in kind.topic_templates() if t != kind.again]
    for _rubric, criterion in criteria_by_key(rubrics).values():
        templates += [t for t in (criterion.followup, criterion.followup_measured, criterion.followup_changed,
                                    criterion.followup_bad_outcome, criterion.followup_baseline) if t]
    return frozenset(t for template in templates for t in tokens(re.sub(r"\{\w+\}", " ", template)))


def _template_pattern(template: str) -> re.Pattern[str]:
    """A follow-up template as a pattern over a question's normalised text, its slots as wildcards."""
    parts = re.split(r"\{\w+\}", template)
    return re.compile(r"(?:^|\b)" + ".+?".join(re.escape(_normalise(p)) for p in parts) + "$")


def followup_template_criteria(text: str, rubrics: Sequence[Rubric]) -> list[str]:
    """What a question worded as one of the follow-up templates asks for (its followup_criteria),
    or [] for any other question: 'You said "...": what changed as a result, in numbers?' asks for
    the result and its size, not a whole story. An interviewer's lead-in before it is allowed."""
    asked = _normalise(text)
    for area_id in [*criteria_by_key(rubrics), *DELIVERY_IDS]:
        words = followup_words(area_id, rubrics)
        for template in (words.changed, words.measured, words.template):
            if template and '{quote}' in template and _template_pattern(template).search(asked):
                if plain := words.plain_judged_on(template):
                    return list(plain)
                return [] if REASKED in template else list(words.criteria) or [area_id]
    return []


def is_repeat(ref: QuestionRef, others: Sequence[str], shared_words: frozenset[str]) -> bool:
    """Near-duplicate of any of `others`; a templated follow-up is compared on its own words
    only, without the `shared_words` of the templates (template_words)."""
    if ref.source == "bank":
        return is_near_duplicate(ref.text, others)
    mine = set(tokens(ref.text)) - shared_words
    if not mine:
        return is_near_duplicate(ref.text, others)
    for other in others:
        theirs = set(tokens(other)) - shared_words
        if theirs and len(mine & theirs) / len(mine | theirs) >= NEAR_DUPLICATE:
            return True
    return False


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
    rubrics: Sequence[Rubric],
    *,
    llm: LLMClient | None = None,
    n: int = DEFAULT_QUESTIONS,
    asked: Iterable[str] = (),
    asked_ids: Iterable[str] = (),
    role: str | None = None,
    seed: int | None = 0,
    on_warning: Warn | None = None,
    session_id: str | None = None,
) -> list[QuestionRef]:
    """Up to `n` questions for the next round, each targeting one of `weak_areas`.

    `answers` are the candidate's answers so far (their stories are quoted; their questions are
    not repeated); `asked` adds question texts asked elsewhere (earlier sessions), `asked_ids` the bank ids they were
    asked under (a bank question tailored to a role reads otherwise: a trial's plan asked "Why do you want to work
    here?" again after its tailored "...for a housing association?", and the ledger then did not count the answer as
    new). With `llm`,
    follow-ups come from the model and are validated; failures fall back to the templates.
    `rubrics` give each criterion's follow-up wording. `session_id`: the session `answers` are
    from (a follow-up names the answer it quotes as 'session/answer'; evidence from another
    session, whose answer ids may be the same, is not quoted from these answers).
    """
    if not weak_areas or n <= 0:
        return []
    weak_areas = drill_order(weak_areas)
    asked_texts = [a.question.text for a in answers] + list(asked)
    asked_ids = {a.question.id for a in answers} | set(asked_ids)
    by_answer = {a.id: a for a in answers}

    followups: dict[str, QuestionRef] = {}
    if llm is not None:
        try:
            drafts = generate_llm_followups(llm, weak_areas, answers, asked_texts, n=n, role=role)
        except LLMError as exc:
            if on_warning:
                on_warning(f"LLM follow-ups failed ({exc}); using the offline templates")
            drafts = []
        for ref in validate_followups(drafts, weak_areas, by_answer, asked_texts, rubrics, session_id=session_id):
            followups.setdefault(ref.targets or "", ref)
    shared_words = template_words(rubrics)
    # A story told twice in the round (coaching.retold) is drilled once: trial 5's plan asked for pace on
    # a01 and for the task on a17, a01's story told again.
    stories = same_story(answers)
    retold: set[str] = set()
    # One answer quoted by at most MAX_QUOTES_PER_ANSWER follow-ups: trial 9's plan asked four of six questions about
    # one thin answer, three of them on its opening words.
    # ... counting the follow-ups on it already answered in the session: an HR partner's plan quoted a story a third
    # time, two replies after she had retold it with its figures
    quoted_times: Counter[str] = Counter(
        answer_id for a in answers if a.question.follows
        for followed_session, _, answer_id in [a.question.follows.rpartition("/")] if followed_session == session_id)
    # An answer to a round-one concern still open is asked about anew by the concern's own question: a story follow-up
    # quoting it asks the same thing twice (a student support adviser's plan: "tell me about one specific time" on her
    # managing-a-team answer, then "Back to managing a team ... Tell another real example")
    concern_answers = {a.id for a in answers for area in weak_areas if area.kind == "debrief" and a.question.targets == area.id}
    for area in weak_areas:
        if area.id not in followups:
            spent = {a for a, times in quoted_times.items() if times >= MAX_QUOTES_PER_ANSWER}
            spent |= concern_answers if area.kind != "debrief" else set()
            ref = offline_followup(area, by_answer, rubrics, session_id=session_id, avoid=frozenset(retold | spent))
            if ref is not None and area.kind == "debrief" and is_repeat(ref, asked_texts, shared_words):
                # a round-one concern whose question was answered is asked anew, or it is never drilled again (a ward
                # sister's "falls": a retake did not count and no later plan asked about it, open for good)
                ref = offline_followup(area, by_answer, rubrics, session_id=session_id, again=True)
            if ref is not None and not is_repeat(ref, asked_texts, shared_words):
                followups[area.id] = ref
                quoted = _FOLLOWUP_ID.fullmatch(ref.id)
                if quoted:
                    retold |= stories.get(quoted.group(1), set()) - {quoted.group(1)}
                    quoted_times[quoted.group(1)] += 1

    rng = random.Random(seed)
    taken_texts = list(asked_texts)
    taken_ids = set(asked_ids)
    per_area: dict[str, list[QuestionRef]] = {a.id: [] for a in weak_areas}
    in_turn: list[QuestionRef] = []  # as taken: a longer plan starts with a shorter one's questions

    def take(area: WeakArea, ref: QuestionRef | None) -> bool:
        if ref is None or len(in_turn) >= n or ref.id in taken_ids or is_repeat(ref, taken_texts, shared_words):
            return False
        per_area[area.id].append(ref)
        in_turn.append(ref)
        taken_texts.append(ref.text)
        taken_ids.add(ref.id)
        return True

    # Pass 1: one question per area, most important first, so every area is drilled before
    # any gets a second; a story follow-up when there is one. Pass 2: the other kind.
    # Round-one concerns alternate with practice weak areas in pass 1: topics the interviewer
    # kept probing are the employer's biggest doubts, so a very weak practice round must not
    # crowd them out of a short plan.
    for area in interleave_concerns(weak_areas):
        if not take(area, followups.get(area.id)):
            take(area, bank_question_for(area, bank, taken_ids, taken_texts, rng))
    for area in sorted(weak_areas, key=lambda a: a.kind == "delivery"):  # a habit's second question comes last
        if len(per_area[area.id]) >= MAX_PER_AREA:
            continue
        has_followup = any(r.source != "bank" for r in per_area[area.id])
        if not has_followup and take(area, followups.get(area.id)):
            continue
        take(area, bank_question_for(area, bank, taken_ids, taken_texts, rng))
    # In the order taken, every area's first question before any area's second: the first n of a longer plan are the
    # plan of n. Grouped by area instead, `plan -n 10` (a look ahead) reordered the round `practice --plan -n 6` then
    # asked, and a ground operations supervisor's prepared answers were filed under other questions (trial 50).
    return [_with_feedback_criteria(r, weak_areas) for r in in_turn]


def _with_feedback_criteria(ref: QuestionRef, weak_areas: Sequence[WeakArea]) -> QuestionRef:
    """A round-one concern's story question judged also on what round one's feedback said every answer lacked ("answers
    lacked numbers": a purser's retries showed Quantified impact "not asked by this question" on four of six)."""
    if ref.category != "first_round_probe" or ref.kind not in STORY_KINDS or not ref.criteria:
        return ref
    told = [a.id for a in weak_areas if a.kind == "criterion" and a.status != "resolved"
            and any(e.answer_id == ROUND_ONE for e in a.evidence)]
    missing = [c for c in told if c not in ref.criteria]
    return ref.model_copy(update={"criteria": [*ref.criteria, *missing]}) if missing else ref


def drill_order(weak_areas: Sequence[WeakArea]) -> list[WeakArea]:
    """What held a whole answer down (a shut gate: an unsafe plan, an answer to another question) first, then content
    weaknesses that repeat (weak in two answers or more), then everything else, each group in rank order. Trial 5's
    plan led with "tell it again at an easy pace" on the strongest answer (speaking pace, weak in 5 of 5 of a
    text-to-speech voice), then a bank question for pace, before the task and result gaps weak in 3 of 4 answers: a
    habit is practised in any answer, a missing result only by drilling it. Trial 9's three plans never drilled a
    cover-up of a churning account (Judgement 0, capped): the answer that ends a real interview."""
    return sorted(weak_areas, key=lambda a: 0 if a.gated else 1 if a.kind != "delivery" and a.count >= 2 else 2)


def interleave_concerns(weak_areas: Sequence[WeakArea]) -> list[WeakArea]:
    """Alternate practice weak areas and round-one concerns, each group keeping its rank order. Of the open concerns,
    those the interviewers kept probing come first, then what round two will ask about alternates with answers that
    fell flat: a sales manager's notes forewarned four topics and had five answers fall flat, and neither a 6- nor a
    10-question plan drilled any that fell flat (a compliance question answered "I'd probably let it go")."""
    practice = [a for a in weak_areas if a.kind != "debrief" and not _feedback_only(a)]
    concerns = _concerns_in_turn([a for a in weak_areas if a.kind == "debrief"])
    merged: list[WeakArea] = []
    for pair in zip_longest(practice, concerns):
        merged.extend(a for a in pair if a is not None)
    # What round one's feedback said of every answer ("answers lacked numbers", "bit long"), and no practice answer has
    # shown yet, is judged on each concern's question (_with_feedback_criteria; delivery on every answer): a bank
    # question of its own comes after the concerns. A contact centre lead's three plans drilled it with "learn a new tool
    # quickly" and "collaborate with another department" while "vulnerable callers", which a panellist doubted, waited
    # for the fourth.
    return merged + [a for a in weak_areas if a.kind != "debrief" and _feedback_only(a)]


def _feedback_only(area: WeakArea) -> bool:
    return area.told_in_round_one_only and not area.gated


def _concerns_in_turn(concerns: list[WeakArea]) -> list[WeakArea]:
    by_reason: dict[str, list[WeakArea]] = {"fell_flat": [], "forewarned": [], "probed": []}
    for area in concerns:
        if area.status != "improving":
            by_reason[_concern_reason(area)].append(area)
    turns = [a for pair in zip_longest(by_reason["forewarned"], by_reason["fell_flat"]) for a in pair if a is not None]
    return [*by_reason["probed"], *turns, *(a for a in concerns if a.status == "improving")]


def _concern_reason(area: WeakArea) -> str:
    """Why a round-one concern is one, as its evidence says: an answer that fell flat, a topic round two will ask about
    (and went badly or not), or one the interviewers kept probing."""
    if any("fell flat" in e.detail for e in area.evidence):
        return "fell_flat"
    return "forewarned" if any(e.detail.startswith(FOREWARNED_WHY) for e in area.evidence) else "probed"


def evidence_note(area: WeakArea) -> str:
    return f"{area.name}: {area.summary()}"


def offline_followup(
    area: WeakArea, answers_by_id: dict[str, Answer], rubrics: Sequence[Rubric], *, session_id: str | None = None,
    avoid: frozenset[str] = frozenset(), again: bool = False,
) -> QuestionRef | None:
    """A templated follow-up on the candidate's own story for this area (None when there is no story).

    `answers_by_id` are the answers of session `session_id`; evidence recorded in another session
    is skipped (answer ids restart in every session), and so are the answers in `avoid` (stories
    another follow-up drills already, told again)."""
    if area.kind == "debrief":
        words = debrief_words(area)
        reason = _concern_reason(area)
        template = words.retry if reason == "fell_flat" else words.forewarned if reason == "forewarned" else words.revisit
        if again:  # its question answered already: the kind's new question on it
            if not words.again:
                return None
            template = words.again
        text = template.format(topic=topic_phrase(area.name))
        return QuestionRef(
            id=f"fu.{_slug(area.id)}" + (".again" if again else ""),
            text=text,
            category="first_round_probe",
            kind=words.kind,
            competencies=list(area.competencies),
            criteria=followup_criteria(area, rubrics),
            source="followup",
            targets=area.id,
            rationale=evidence_note(area),
        )
    words = followup_words(area.id, rubrics)
    for evidence in area.evidence:
        answer = answers_by_id.get(evidence.answer_id)
        if answer is None or answer.transcript is None or answer.id in avoid:
            continue
        if session_id and evidence.session_id and evidence.session_id != session_id:
            continue
        story = words.needs_story
        if story and not tells_a_story(answer):
            continue
        bad = untold_lesson(answer) if words.bad_outcome else None
        if bad:  # a disaster told proudly: ask what they would change, on the words that tell it
            quote = shorten_quote(bad)
        elif story:  # the quote itself tells part of the story, never a belief or a habit
            candidates = [*evidence.quotes[:1], *pick_quotes(answer.transcript.text, words.quote_cues)]
            quote = next((q for q in map(shorten_quote, candidates) if narrates(q)), None)
        else:
            quote = evidence.quotes[0] if evidence.quotes else pick_quote(answer.transcript.text, words.quote_cues)
            quote = shorten_quote(quote) if quote else None
        if not quote:
            continue
        filler = "um"
        if answer.delivery and answer.delivery.fillers:
            filler = max(answer.delivery.fillers.items(), key=lambda kv: kv[1])[0]
        template = words.template or GENERIC_FOLLOWUP
        if bad:
            template = words.bad_outcome
        elif words.measured and shows("change", quote):
            # "What was the figure before you started?" of "went from 120 a week to 70" asks for what it
            # says (a trial's panel did): the rubric's words for what a before/after still lacks, or none.
            if not words.changed:
                continue
            template = words.changed
        elif words.measured and carries_a_measure(quote):
            # "what was the figure before you started?" of "before, we were picking only 142 an hour" asks for what it
            # says (trial 12): ask where it got to instead
            template = words.baseline if words.baseline and _says_baseline(quote) else words.measured
        text = template.format(quote=quote, question=answer.question.text, filler=filler)
        # "Can you put a number on that: how much time, money, or how many people did it affect?" asks the scale, not
        # how it ended (a school catering manager's reply, "three hundred and twenty children ... over five days ...
        # ninety pounds", scored 28 for a vague result)
        plain = words.plain_judged_on(template)
        return QuestionRef(
            id=f"fu.{_slug(area.id)}.{answer.id}",
            text=text,
            category="followup",
            competencies=list(answer.question.competencies),
            criteria=list(plain) if plain else followup_criteria(area, rubrics),
            source="followup",
            targets=area.id,
            rationale=f'{evidence_note(area)}; in {answer.id} you said "{quote}"',
            follows=followed_key(session_id, answer.id),
        )
    return None


# Where in the answer an outcome is told: sentences starting this far into it (the scorer reads
# results in the later half too; earlier, a loss is usually the problem the story sets out to fix).
OUTCOME_FROM = 0.4


def untold_lesson(answer: Answer) -> str | None:
    """The words where the story's outcome reads as a bad one (scoring.offline.bad_outcomes: a loss,
    harm, a measure that moved the wrong way), when the answer never says what was learned or would
    be done differently; None otherwise.

    The result's quotes first (what the card rests on, the sentence the bad-outcome ceiling quotes),
    then the answer's later sentences (a loss the card did not quote: "we lost 12 percent of our
    customers that quarter" beside a result the scorer credited). A trial user's disaster told
    proudly was probed "how did you measure that?"; an interviewer asks what they would change."""
    if answer.transcript is None or answer.scorecard is None:
        return None
    text = answer.transcript.text
    if LESSON.search(text.lower()):
        return None
    result = answer.scorecard.criterion(RESULT)
    quoted = [e.quote for e in result.evidence] if result is not None else []
    told = [*quoted, *outcome_sentences(text)]
    return next((s for s in told if len(s.split()) >= 3 and bad_outcomes(s.lower())), None)


def outcome_sentences(text: str) -> list[str]:
    """The sentences where an answer tells its outcome: those starting OUTCOME_FROM into it."""
    told = sentences(text)
    start, at, later = sum(map(len, told)) * OUTCOME_FROM, 0, []
    for sentence in told:
        if at >= start:
            later.append(sentence)
        at += len(sentence)
    return later


def carries_a_measure(quote: str) -> bool:
    """A figure in the quote that measures something: not a year ("in 2023"), a name's number
    ("MySQL 5.7", "PostgreSQL 14") or a time of day ("at 9.30"), which ask no "how did you measure that?". Read with its
    numbers written as digits: "dropping below two point five" was asked "Can you put a number on that?" (trial 51)."""
    words = write_numbers_in_text(quote).split()
    for i, word in enumerate(words):
        if not re.search(r"\d", word) or YEAR.match(word.strip(".,;:!?")):
            continue
        before = words[i - 1] if i else ""
        if before[:1].isupper() and before[-1:].isalnum() and i > 1:
            continue  # right after a name, mid-sentence: a version or a model number
        if before.lower() == "at" or re.search(r"\d(?:am|pm)$", word.lower()):
            continue  # a time of day: "at 9.30", "2pm"
        if re.fullmatch(r"[A-Za-z]+\d+", word.strip(".,;:!?'")):
            continue  # a grade or a name: "the F1", "band B7", "the M25" (a nurse's "awkward with the F1" was "measured")
        return True
    return False


def tells_a_story(answer: Answer) -> bool:
    """The answer tells a real past event: its real-example score is 2+, or, on a card without
    that criterion, its question asks for a story; and its words narrate one (narrates_events). Trial 6's
    answer on the causes of shrink, judged as a story, read "a real event" at 2 and was asked "what exactly
    were you responsible for there?" of "admin errors like wrong deliveries being accepted"."""
    real = answer.scorecard.criterion("specificity.real_example") if answer.scorecard else None
    if real is not None and real.score < STORY_MIN_REAL_EXAMPLE:
        return False
    if real is None and answer.question.kind not in (None, "behavioural"):
        return False
    return answer.transcript is None or narrates_events(answer.transcript.text)


# An answer narrates events when it has a past-tense verb and someone in it acts, or it says when: a one-line
# story ("I cut the invoice run from 9 hours to 40 minutes") tells one.
NARRATED_PAST_VERBS = 1


def narrates_events(text: str) -> bool:
    """The answer tells what happened: a past-tense verb (NARRATED_PAST_VERBS or more) with an action taken
    ("I rang", "we moved") or a when ("last March", "in 2021"), read with the offline scorer's own cues. An
    explanation ("shrink is everything you lose between what you bought and what you sold") has neither."""
    cues = read_answer(text, "").cues
    acted = sum(len(c.i_actions) + len(c.we_actions) + c.time_anchor + c.years for c in cues)
    return sum(c.past for c in cues) >= NARRATED_PAST_VERBS and acted > 0


def followed_key(session_id: str | None, answer_id: str) -> str | None:
    """'session/answer' for a follow-up's `follows` (None without the session: nothing to find it by)."""
    return f"{session_id}/{answer_id}" if session_id else None


# A plan follow-up's id names the answer it quotes (offline_followup, validate_followups): how a plan
# stored before `follows` existed is read. Such a plan sits in the session of the answers it quotes.
_FOLLOWUP_ID = re.compile(r"fu\.[a-z0-9_]+\.(a\d+)(?:\.\d+)?")


def followed_answer_id(question: QuestionRef, session_id: str) -> str | None:
    """The id of the answer of session `session_id` that `question`, a plan follow-up, quotes; None
    for any other question or an answer of another session."""
    if question.follows:
        followed_session, _, answer_id = question.follows.rpartition("/")
        return answer_id if followed_session == session_id else None
    legacy = _FOLLOWUP_ID.fullmatch(question.id) if question.source == "followup" and question.category == "followup" else None
    return legacy.group(1) if legacy else None


def debrief_words(area: WeakArea) -> TopicWords:
    """How the plan asks about a round-one topic: by the kind of question it was (its name, else
    the note lines it came from); a salary question is not retried as a STAR story."""
    notes = [q for e in area.evidence for q in e.quotes]
    return topic_words(classify_topic(area.name, notes))


def topic_phrase(name: str) -> str:
    """A topic as the notes named it, ready for a sentence: 'salary question' -> 'the salary question'."""
    name = name.strip()
    if re.search(r"\bquestions?$", name, re.I) and not _DETERMINER.match(name):
        return f"the {name}"
    return name


# The rubrics of a story's parts and specifics (a criterion area of theirs is drilled by a story question).
STORY_RUBRICS = ("star.", "specificity.")


# A topic of managers (that the candidate would lead), and a question about the candidate's own (bank_question_for).
_MANAGERS = re.compile(r"\bmanagers\b", re.I)
_OWN_MANAGER = re.compile(r"\byour (?:line )?manager(?!s)\b|\byour boss\b", re.I)


def bank_question_for(
    area: WeakArea, bank: QuestionBank, taken_ids: set[str], taken_texts: Sequence[str], rng: random.Random
) -> QuestionRef | None:
    """A fresh bank question that exercises the area: its criterion, its competencies, its topic words.

    A round-one topic's question must be about the topic: it shares a word of the topic's name
    other than a generic verb, or a competency the name itself implies. The competencies found in
    the notes around it do not count (a note on the ward budget that says "manage" is no reason to
    ask "Which decisions in your team success were yours alone?"), and neither does "managing" in
    "managing poor performance" (no reason to ask how you prioritise multiple deadlines). No fit,
    no bank question: the topic's own follow-up still drills it. A question that shares words with a name of two words
    or more shares its last, the thing it is about ("pick rate" is no reason to ask "Pick one piece of work ..."), a
    topic of managers is not asked about the candidate's own manager, and
    it asks for the topic's kind of answer (a knowledge gap is not drilled with a story question)."""
    pool = [q for q in bank.questions if q.id not in taken_ids and not is_near_duplicate(q.text, taken_texts)]
    if not pool:
        return None
    order = {q.id: i for i, q in enumerate(rng.sample(pool, len(pool)))}
    wanted_comps = set(area.competencies)
    topic_words: set[str] = set()
    if area.kind == "debrief":
        wanted_comps = set(bank.competencies_for_text(area.name))
        named = tokens(area.name)
        topic_words = set(named) - GENERIC_TOPIC_WORDS
        kind = debrief_words(area).kind
        pool = [q for q in pool if kind_for_category(q.category) in (kind, None)
                and (len(named) < 2 or named[-1] in (said := set(tokens(q.text))) or not topic_words & said)
                # managers the candidate would lead are not their own manager: "Describe a time you disagreed with your
                # manager's decision" drilled "multi-site/leading through depot managers" (a parcel depot manager's plan,
                # and the answer moved the concern to "improving")
                and not (_MANAGERS.search(area.name) and _OWN_MANAGER.search(q.text))]
        if not pool:
            return None

    def fit(q: Question) -> float:
        score = 2.0 * len(wanted_comps & set(q.competencies)) + 1.0 * (q.competencies[0] in wanted_comps)
        if area.criteria and area.kind != "debrief":
            # a round-one topic's criteria are its kind's, which the pool already shares: no reason of its own (any plan
            # question drilled "people management" by them, "a colleague leaves their share of the work undone")
            score += 3.0 * bool(set(area.criteria) & set(q.criteria))
        if topic_words:
            score += 1.5 * len(topic_words & set(tokens(q.text)))
        if area.kind == "delivery" or (area.kind != "debrief" and any(c.startswith(STORY_RUBRICS) for c in area.criteria)):
            # delivery shows in longer stories, and a story's parts and specifics are drilled by a story question (a trial's
            # "answers lacked numbers / impact" drew "Walk me through how you have used the main tools this role relies on");
            # not a round-one topic's, whose question must be about the topic ("Tell me about a time you faced a conflict"
            # drilled "van walkaround checks", which its note said lacked figures: a parcel depot team leader's plan)
            score += 1.0 * (q.category == "behavioral")
        return score

    best = max(pool, key=lambda q: (fit(q), -order[q.id]))
    if fit(best) <= 0:
        return None
    return best.ref(targets=area.id, rationale=evidence_note(area))


# --- quotes ----------------------------------------------------------------------------


# Where a long quote may end: after a comma, semicolon or colon, or before a word that starts a clause.
_CLAUSE_CUT = re.compile(
    r"(?<=[,;:])\s+|\s+(?=(?:and|but|so|which|who|because|then|while|until|after|before|when|where)\s)", re.I
)
# A quote is at least this many words (the quote rules' minimum, scoring/evidence.py).
QUOTE_MIN_WORDS = 5
# A sentence quoted when none carries a cue says something: this many words other than small words and fillers.
QUOTE_CONTENT_WORDS = 4


def pick_quote(transcript: str, cues: Sequence[str]) -> str | None:
    """The candidate's sentence most likely to show the gap (the first with a cue), else their first full one."""
    return next(iter(pick_quotes(transcript, cues)), None)


def pick_quotes(transcript: str, cues: Sequence[str]) -> list[str]:
    """The candidate's full sentences: those with the most cues first ("we had a lot of meetings, we got statements, we
    looked at the policy" before "at my current company ... we had a complex case" for "which part was you, not the
    team?"), then the others in the order said, those that say something before those of filler and small words
    ("Conflict, yeah, um, there was this one time" was asked "can you put a number on that?"; an HR partner's trial)."""
    found = [s.strip() for s in sentences(transcript) if len(s.split()) >= QUOTE_MIN_WORDS]
    # read as quoted first: a follow-up quotes the sentence's first words (shorten_quote)
    def cues_in(text: str) -> int:
        return sum(f" {text.lower()} ".count(cue) for cue in cues)

    hits = {s: (cues_in(shorten_quote(s)), cues_in(s)) for s in found}
    cued = sorted((s for s in found if hits[s][1]), key=lambda s: (-hits[s][0], -hits[s][1]))
    rest = [s for s in found if not hits[s][1]]
    return cued + sorted(rest, key=lambda s: _says_little(shorten_quote(s)))


def _says_little(sentence: str) -> bool:
    """Fewer than QUOTE_CONTENT_WORDS words that are neither small words nor fillers."""
    words = re.findall(r"[a-z']+", sentence.lower())
    return sum(1 for w in words if len(w) > 2 and w not in STOPWORDS and w not in FILLERS) < QUOTE_CONTENT_WORDS


def narrates(quote: str) -> bool:
    """The words tell something that happened (a past event, an action taken, a when), so a story's
    follow-up can ask about them: not a belief or a habit ("I think leadership is really about bringing
    people with you", "I'm always there for them"), which a trial 4 plan quoted and asked "what exactly
    were you responsible for there?". Read with the offline scorer's own cues (scoring.offline)."""
    reading = read_answer(quote, "")
    # ... nor what would be done ("I'd want to get my head round the depot budget quickly if I got the job": a bus
    # controller's plan asked for "the steps you personally took" on it)
    return any((c.past or c.i_actions or c.we_actions or c.time_anchor or c.years) and not c.hypothetical
               for c in reading.cues)


# Words a quote does not start with: joining words and what speakers say before they start
# (scoring.evidence.FILLERS: a quote is verified with fillers forgiven, so dropping them keeps it verbatim).
QUOTE_LEAD_INS = frozenset({"and", "but", "so", "well", "yeah", "okay", "ok", "right", "like", *FILLERS})


def shorten_quote(quote: str) -> str:
    """At most QUOTE_MAX_WORDS words, verbatim from the start (after a leading "and"), without
    trailing punctuation: the first clauses that fit, else the words that fit, ending neither inside a name ("St Mary's")
    nor on a word that leads into the rest ("at", "my", "and")."""
    words = quote.strip().strip('"').split()
    # A clause the scorer quoted from mid-sentence ("and we stopped..."), or a lead-in the candidate
    # said before the words that matter ("So, um, we had..."): an interviewer quotes from the words.
    while len(words) > QUOTE_MIN_WORDS and words[0].lower().strip(",.;:") in QUOTE_LEAD_INS:
        words = words[1:]
    if words and words[0][:1].islower() and quote.strip().strip('"')[:1].isupper():
        words[0] = words[0][:1].upper() + words[0][1:]  # the quote still starts like a sentence
    if len(words) > QUOTE_MAX_WORDS:
        kept: list[str] = []
        for clause in _CLAUSE_CUT.split(" ".join(words)):
            if len(kept) + len(clause.split()) > QUOTE_MAX_WORDS:
                break
            kept += clause.split()
        if len(kept) < QUOTE_MIN_WORDS and len(words) <= QUOTE_MAX_WORDS + QUOTE_SLACK_WORDS:
            kept = words  # one clause a little over the limit: whole, not cut mid-phrase
        elif len(kept) < QUOTE_MIN_WORDS:
            kept = words[:QUOTE_MAX_WORDS]
            while len(kept) > QUOTE_MIN_WORDS and kept[-1][:1].isupper() and words[len(kept)][:1].isupper():
                kept.pop()  # a name runs on past the cut: end before it
        cut = len(kept) < len(words) and kept == words[:len(kept)]
        if cut and _in_a_number(kept[-1]) and kept[-1][-1:].isalnum() and _in_a_number(words[len(kept)]):
            # not inside a spoken number: "I was at a hundred" of "I was at a hundred and four percent" (a sales
            # trial's follow-up asked her what changed "in numbers" about a figure it had cut short): the whole number
            # where it ends within the slack, else none of it
            end, ended = len(kept), False
            while not ended and end < len(words) and end < QUOTE_MAX_WORDS + QUOTE_SLACK_WORDS and _in_a_number(words[end]):
                end += 1
                ended = not words[end - 1][-1:].isalnum()  # "percent," ends it
            if ended or end == len(words) or not _in_a_number(words[end]):
                kept = words[:end]
            else:
                while len(kept) > QUOTE_MIN_WORDS and _in_a_number(kept[-1]):
                    kept.pop()
        words = kept
    # a quote ends on its noun, not on what led on: cut at the word limit, or where the scorer cut a clause ("we had a
    # patient on gentamicin and", a trial's follow-up)
    while len(words) > QUOTE_MIN_WORDS and leads_on(words):
        words = words[:-1]
    return " ".join(words).rstrip(".,;:!?")


# What goes on a spoken number's words: "a hundred *and four percent*", "two *point* five", "forty *per cent*".
_NUMBER_JOINERS = frozenset("and point percent per cent k grand".split())


def _in_a_number(word: str) -> bool:
    """Whether `word` is part of a number said in words or figures ("hundred", "and", "percent", "104%")."""
    w = word.lower().strip(",.;:!?")
    return w in NUMBER_WORDS or w in _NUMBER_JOINERS or w in ("one", "a") or bool(re.fullmatch(r"[$£€]?\d[\d,.]*%?", w))


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9']+", " ", text.lower()).split())


def same_words(a: str, b: str) -> bool:
    """The same question, whatever its case, punctuation and spacing."""
    return _normalise(a) == _normalise(b)


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
    rubrics: Sequence[Rubric],
    *,
    session_id: str | None = None,
) -> list[QuestionRef]:
    """Keep the drafts that target a listed area, quote only what was said, and repeat nothing.
    A draft on one of `answers_by_id` (the answers of session `session_id`) follows that answer."""
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
                criteria=followup_criteria(area, rubrics),
                source="followup",
                targets=area.id,
                rationale=rationale,
                follows=followed_key(session_id, story.id) if story else None,
            )
        )
    return kept
