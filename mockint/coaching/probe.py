"""Probing follow-ups inside the session: the interviewer digs into a weak point before moving on.

After a main answer is scored, a criterion its question asks for that scored below its
weak_below gets one follow-up quoting the candidate's own words (seed 004: an interviewer who
keeps returning to a topic is signalling a concern; second rounds dig deeper). The question is
the next round's follow-up for that criterion (plan.offline_followup: the rubric's per-criterion
template and quote cues), so a coach edits one set of words for both. Pure and template-only:
it takes well under a millisecond, so the probe is ready as soon as the answer is scored (the
session records the delay as latency["probe_ready"]).

No probe when every criterion the question asks for is at or above its bar, and never one that
repeats a question already asked (plan.is_repeat, on the probe's own words). One exception comes
first: a story whose outcome reads as a bad one with nothing learned (plan.untold_lesson) is asked
what the candidate would do differently, whatever its result scored (a trial user's disaster told
proudly was asked "how did you measure that?", or nothing at all where the scorer credited it).
The probe's answer is judged together with the first one (`combined_transcript`, scored on the
parent question): the story is one story, told in two turns.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockint.coaching.plan import RESULT, is_repeat, offline_followup, outcome_sentences, template_words, untold_lesson
from mockint.coaching.weakness import WeakArea, WeakEvidence, find_weak_areas
from mockint.records import QuestionRef, Segment, Transcript, Word
from mockint.scoring import RELEVANCE
from mockint.scoring.offline import harms_named, read_answer
from mockint.scoring.rubrics import Rubric, criteria_by_key
from mockint.session import Answer

# Relevance at most this (of 4): the answer "touches the question's topic only in passing" or not at all.
OFF_QUESTION_AT_MOST = 1

# Seconds of silence put between the two answers in the combined transcript: a turn change, not
# a pause inside the story (delivery metrics are measured on each answer alone).
TURN_GAP_SECONDS = 1.0


def choose_probe(
    answer: Answer,
    rubrics: Sequence[Rubric],
    *,
    asked: Sequence[str] = (),
    exclude: Sequence[str] = (),
    prefer: Sequence[str] = (),
    only: Sequence[str] | None = None,
    lead: str = "",
) -> QuestionRef | None:
    """The follow-up for the weakest criterion `answer`'s question asks for, or None.

    `answer` carries the judgement the probe answers to (for a second probe: the combined
    transcript and scorecard). `asked`: question texts already asked (never repeated);
    `exclude`: criteria already probed; `prefer`: criteria to probe first (a panelist's focus);
    `only`: these criteria or none; `lead`: the interviewer's own opening ("Let me stop you there.").
    """
    if answer.scorecard is None or answer.transcript is None:
        return None
    areas = [
        a
        for a in find_weak_areas([answer], rubrics, min_count=1)
        if a.kind == "criterion" and a.id not in exclude and (only is None or a.id in only)
    ]
    # Focus first, then, for an answer that does not get to the question, the question itself (a roofing supervisor's
    # dodge, "I've always wanted to move up into management ...", to "round two will ask about managing supervisors" was
    # asked "tell me about one specific time it actually happened"), then the order find_weak_areas ranks them (how
    # badly); a bad outcome's lesson before all.
    relevance = answer.scorecard.criterion(RELEVANCE)
    off_question = relevance is not None and relevance.score is not None and relevance.score <= OFF_QUESTION_AT_MOST
    areas.sort(key=lambda a: (a.id not in prefer, not (off_question and a.id == RELEVANCE)))
    wanted = RESULT not in exclude and (only is None or RESULT in only)
    lesson = _untold_lesson_area(answer, rubrics, areas) if wanted else None
    if lesson is not None:
        areas = [lesson, *(a for a in areas if a.id != RESULT)]
    shared = template_words(rubrics)
    for area in areas:
        ref = offline_followup(area, {answer.id: answer}, rubrics)
        if ref is None or is_repeat(ref, list(asked), shared):
            continue
        text = f"{lead.strip()} {ref.text}".strip()
        return ref.model_copy(update={"id": f"probe.{ref.id.removeprefix('fu.')}", "category": "probe", "text": text})
    return None


def no_probe_reason(answer: Answer, rubrics: Sequence[Rubric], *, exclude: Sequence[str] = ()) -> str | None:
    """Why `answer` gets no probe though a criterion its question asks for is below its bar (None when none
    is): said, not left silent (trial 6's wage-budget answer at 30, "Backed by an example 0/4", got none)."""
    if answer.scorecard is None:
        return None
    weak = [a.name for a in find_weak_areas([answer], rubrics, min_count=1) if a.kind == "criterion" and a.id not in exclude]
    if not weak:
        return None
    return (f"{', '.join(weak[:3])} below the bar, but no follow-up fits: each asks about a story this answer does "
            "not tell, or repeats a question already asked")


def _untold_lesson_area(answer: Answer, rubrics: Sequence[Rubric], weak: Sequence[WeakArea]) -> WeakArea | None:
    """The result as the area to probe when the story ends badly with no lesson told (plan.untold_lesson)
    and its question asks for a result; None otherwise. Its weak-area entry when it has one."""
    assert answer.scorecard is not None
    result = answer.scorecard.criterion(RESULT)
    quote = untold_lesson(answer)
    found = criteria_by_key(rubrics).get(RESULT)
    if result is None or not result.applies or quote is None or found is None:
        return None
    spec = found[1]
    if result.score >= spec.weak_below and _harms_told(answer) < 2:
        # a result the card credits, with one harm in its ending, is no disaster told proudly: no "what would you do
        # differently?" under "Result: weak in 1 of 1 answer (a20 3/4)" beside "Most worth changing: nothing major" (an
        # HR partner's partly upheld grievance, 90). Two or more, as the scorer's gate reads them, still are.
        return None
    evidence = WeakEvidence(answer_id=answer.id, question_id=answer.question.id, question=answer.question.text,
                            score=result.score, threshold=spec.weak_below, max_score=result.max_score, quotes=[quote])
    return next((a for a in weak if a.id == RESULT), None) or WeakArea(
        id=RESULT, kind="criterion", name=spec.name, count=1, total=1, criteria=[RESULT], advice=spec.advice, evidence=[evidence])


def _harms_told(answer: Answer) -> int:
    """The harms the answer's ending tells, the story's own subject aside ("a grievance" in a grievance story), as the
    scorer's bad-outcome gate reads them."""
    assert answer.transcript is not None
    domain = read_answer(answer.transcript.text, answer.question.text).domain
    return sum(len(harms_named(s.lower(), domain)) for s in outcome_sentences(answer.transcript.text))


def judged_story(parent: Answer, probes: Sequence[Answer]) -> Answer:
    """The story as judged after its probes: `parent` with every answer's transcript joined and
    the latest probe's scorecard (each probe's answer is scored on the parent's question over
    the whole story so far)."""
    scored = [p for p in probes if p.transcript is not None]
    if not scored:
        return parent
    transcript = parent.transcript
    for probe in scored:
        assert probe.transcript is not None
        transcript = probe.transcript if transcript is None else combined_transcript(transcript, probe.transcript)
    card = next((p.scorecard for p in reversed(scored) if p.scorecard is not None), parent.scorecard)
    return parent.model_copy(update={"transcript": transcript, "scorecard": card})


def combined_transcript(first: Transcript, second: Transcript) -> Transcript:
    """Both answers as one transcript: the second's times shifted after the first's. A sentence ends where the first
    answer does: a support lead's typed answer ending "per cohort" and a reply opening "okay so" read as one sentence,
    and the reply's card quoted "so I'd watch CSAT and reopen rate per cohort okay", words of two answers as one."""
    shift = first.duration + TURN_GAP_SECONDS
    head = first.text.strip()
    if head and head[-1].isalnum():
        head += "."
    return Transcript(
        text=f"{head} {second.text.strip()}".strip(),
        words=[*first.words, *(Word(word=w.word, start=w.start + shift, end=w.end + shift, probability=w.probability) for w in second.words)],
        segments=[*first.segments, *(Segment(start=s.start + shift, end=s.end + shift, text=s.text) for s in second.segments)],
        duration=shift + second.duration,
        speech=[*first.speech, *((a + shift, b + shift) for a, b in second.speech)],
        language=first.language,
        model=first.model or second.model,
    )
