"""Reports: a session (or all sessions) and its analysis -> Markdown, HTML or JSON text.

Pure: sessions, rubrics, the bank and the ledger in; a string out. The CLI loads the inputs,
works out the audio sources (relative paths or data URIs) and writes the file. The one file I/O here
is a criterion row's words where the answer tells a story in place of the reasons asked for
(card.criterion_words): reading the answer for that (scoring.story_not_reasons, once per answer)
reads the shipped rubric files' cues, cached.

What the analysis adds to the stored session, per answer: the transcript split into spans with
its STAR parts located from the verified evidence (word timings when there are any, else the
words themselves), one row per criterion with its best quote, and delivery in plain numbers;
per round: mean scores (a criterion's mean over the answers whose question exercises it; on the
others it is shown as n/a), the repeated weak areas (weakness.find_weak_areas), the next-round plan
and the second-round preparation (prep.py). Parts that are missing (an answer whose scoring
failed, a round with no plan yet) are shown as missing, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from mockint import __version__
from mockint.coaching.panel import PanelistView, panelist_views
from mockint.coaching.prep import Prep, build_prep
from mockint.coaching.questions import QuestionBank
from mockint.coaching.retold import retellings_in_round
from mockint.coaching.weakness import (
    Ledger,
    LedgerEntry,
    WeakArea,
    answer_too_long,
    applicable_scores,
    find_weak_areas,
    session_label,
)
from mockint.records import Evidence, Model, Panel, QuestionRef, Scorecard, Transcript, Word, minutes_seconds
from mockint.reporting.charts import ChartSpec, Series, line_chart
from mockint.scoring import story_not_reasons
from mockint.scoring.blend import band_shown, offline_caveats
from mockint.scoring.card import criterion_words
from mockint.scoring.evidence import continues_number, timed_in, verify_quote
from mockint.scoring.rubrics import Rubric, band_for, criteria_by_key
from mockint.session import Answer, Round, Session

STAR_RUBRIC = "star"
STAR_PARTS: dict[str, str] = {"situation": "Situation", "task": "Task", "action": "Action", "result": "Result"}
STAR_TAGS: dict[str, str] = {"situation": "S", "task": "T", "action": "A", "result": "R"}
MAX_TOP_FILLERS = 3


# --- the analysis (plain data, dumped as is into the JSON export) ----------------------------


class TextSpan(Model):
    """A run of transcript text; `part` is the STAR part it evidences, if any."""

    text: str
    part: str | None = None
    start: float | None = Field(default=None, description="seconds into the answer's audio")


class Highlight(Model):
    part: str
    label: str
    quote: str
    start: float | None = None
    end: float | None = None
    first_unit: int = Field(description="index of the first transcript word (or token) it covers")
    last_unit: int
    rank: int = Field(default=0, description="0 for the criterion's first quote, 1 for the next...")


class CriterionRow(Model):
    key: str
    name: str
    score: int
    max_score: int
    weight: float
    quote: str | None = None
    quote_start: float | None = None
    more_quotes: int = 0
    feedback: str = ""
    capped: bool = False
    lowered: str | None = None
    raised: str | None = None
    rejected_quotes: list[str] = Field(default_factory=list)
    applies: bool = Field(default=True, description="False: the question does not exercise it; shown as n/a")


class DeliveryView(Model):
    word_count: int
    words_per_minute: float
    filler_count: int
    fillers_per_100_words: float
    top_fillers: list[str] = Field(default_factory=list, description="'um x3'")
    long_pauses: int
    longest_pause: float | None = None
    speaking_seconds: float
    total_seconds: float
    talk_share: float = Field(description="speaking time / total time, 0..1")
    time_to_first_word: float | None = None
    too_long: str | None = Field(default=None, description="'3:40 long (aim for about 2:00, at most 3:00)' past the limit")


class AnswerView(Model):
    id: str
    question: QuestionRef
    status: str
    error: str | None = None
    audio_path: str | None = None
    has_transcript: bool = False
    spans: list[TextSpan] = Field(default_factory=list)
    highlights: list[Highlight] = Field(default_factory=list)
    scorer: str | None = None
    model: str | None = None
    llm_state: str | None = Field(default=None, description="practice's background LLM score: pending, scored, failed")
    llm_error: str | None = None
    offline_overall: float | None = Field(default=None, description="the offline card's overall, once the LLM's replaced it")
    checked_by: str | None = None  # how an LLM score was checked against the offline cues
    overall: float | None = None
    band: str | None = None
    overall_capped: str | None = Field(default=None, description="why a gate capped the overall (rubrics/overall.yaml)")
    rubric_scores: dict[str, float] = Field(default_factory=dict)
    criteria: list[CriterionRow] = Field(default_factory=list)
    improvements: list[str] = Field(default_factory=list)
    caveats: list[str] = Field(default_factory=list, description="what the scorer could not check (a rubric's offline_caveat)")
    delivery: DeliveryView | None = None
    asked_by: str | None = Field(default=None, description="the panelist who asked (--panel): 'Name (role)'")
    probe_of: str | None = Field(default=None, description="the answer this one follows up; its scores judge both")
    follows: str | None = Field(
        default=None, description="a reply to a plan follow-up: the earlier answer it quotes ('a01', 'a01 of 12-02 07:24')"
    )
    first_overall: float | None = Field(default=None, description="a probe's parent answer alone, before the prompt")
    prompted: list[str] = Field(default_factory=list, description="a probe's criteria that moved: 'Task 0/4 → 2/4'")
    duration: float | None = Field(default=None, description="seconds of audio")
    time_limit: float | None = None
    cut_off: bool = Field(default=False, description="stopped by --answer-seconds")


class CriterionMean(Model):
    key: str
    name: str
    mean: float
    max_score: int
    answers: int


class RoundView(Model):
    index: int
    kind: str
    answers: list[AnswerView]
    scored: int
    failed: int
    overall: float | None = None
    band: str | None = None
    overall_basis: str = Field(default="", description="what the overall averages when follow-ups were scored (mean_basis)")
    criteria: list[CriterionMean] = Field(default_factory=list)
    weak_areas: list[WeakArea] = Field(default_factory=list, description="weak in 2+ answers, or carried from earlier rounds")
    plan: list[QuestionRef] = Field(default_factory=list)
    prep: Prep | None = Field(default=None, description="for the next round: on the session's last round only, from all its answers")
    panel_name: str | None = None
    panel: list[PanelistView] = Field(default_factory=list, description="with --panel: each panelist's view")
    llm_scored: list[str] = Field(default_factory=list, description="answers whose shown card is the LLM's")
    llm_pending: list[str] = Field(default_factory=list, description="offline card shown; the LLM's not yet had")
    llm_failed: list[str] = Field(default_factory=list, description="offline card shown; the LLM could not score them")
    retold: list[str] = Field(default_factory=list, description="answers that tell an earlier answer's story again (coaching.retold)")


class SessionAnalysis(Model):
    session_id: str
    role: str | None = None
    created: str
    overall: float | None = None
    band: str | None = None
    overall_basis: str = Field(default="", description="what the overall averages when follow-ups were scored (mean_basis)")
    answers: int
    scored: int = Field(description="main answers scored: the answers the overall is over")
    replies: int = Field(
        default=0, description="replies to follow-ups (probes and the plan's), judged with the answer they follow up"
    )
    replies_scored: int = 0
    counted: str = Field(default="", description="the answers in words: '2 answers and 1 reply to a follow-up, all scored'")
    rubric_names: dict[str, str] = Field(default_factory=dict)
    rounds: list[RoundView]
    generator: str = f"mockint {__version__}"


# --- transcripts and STAR highlights ---------------------------------------------------------


def _units(transcript: Transcript) -> list[tuple[str, float | None]]:
    """What the transcript is shown as: its words with start times, or, for typed text, its tokens."""
    if transcript.words:
        return [(w.word.strip(), w.start) for w in transcript.words]
    return [(tok, None) for tok in transcript.text.split()]


def _unit_range(ev: Evidence, transcript: Transcript, units: list[tuple[str, float | None]]) -> tuple[int, int] | None:
    """The words a verified quote covers: by its timings when it has them, else by locating it again."""
    if transcript.words and ev.start is not None and ev.end is not None:
        eps = 1e-3
        idx = [i for i, w in enumerate(transcript.words) if w.start >= ev.start - eps and w.end <= ev.end + eps]
        if idx:
            return idx[0], idx[-1]
    # Locate the quote among the displayed units with the same matcher that verified it, using
    # each unit's index as its "time" so the match comes back as a unit range.
    pseudo = Transcript(
        text=" ".join(u for u, _ in units),
        words=[Word(word=u, start=float(i), end=float(i) + 0.5) for i, (u, _) in enumerate(units)],
        duration=float(len(units)),
    )
    found = verify_quote(ev.quote, pseudo)
    if found is None or found.start is None or found.end is None:
        return None
    return int(found.start), int(found.end)


def star_highlights(transcript: Transcript, scorecard: Scorecard | None) -> list[Highlight]:
    """Each verified STAR quote as a range of transcript units, in STAR order."""
    if scorecard is None:
        return []
    units = _units(transcript)
    out: list[Highlight] = []
    for part, label in STAR_PARTS.items():
        cs = scorecard.criterion(f"{STAR_RUBRIC}.{part}")
        if cs is None:
            continue
        for rank, ev in enumerate(cs.evidence):
            if not ev.verified:
                continue
            rng = _unit_range(ev, transcript, units)
            if rng is None:
                continue
            out.append(
                Highlight(
                    part=part, label=label, quote=ev.quote, start=ev.start, end=ev.end,
                    first_unit=rng[0], last_unit=rng[1], rank=rank,
                )
            )
    return out


def transcript_spans(transcript: Transcript, highlights: Sequence[Highlight]) -> list[TextSpan]:
    """The transcript as runs of plain and highlighted text. Where quotes overlap, a criterion's
    first (best) quote beats another's supporting quote; among equals, STAR order decides."""
    units = _units(transcript)
    owner: list[str | None] = [None] * len(units)
    order = list(STAR_PARTS)
    for h in sorted(highlights, key=lambda h: (h.rank, order.index(h.part) if h.part in order else 99)):
        for i in range(max(h.first_unit, 0), min(h.last_unit, len(units) - 1) + 1):
            if owner[i] is None:
                owner[i] = h.part
    spans: list[TextSpan] = []
    for i, (text, start) in enumerate(units):
        if not text:
            continue
        if spans and spans[-1].part == owner[i] and (i == 0 or owner[i - 1] == owner[i]):
            spans[-1].text += ("" if continues_number(spans[-1].text, text) else " ") + text
        else:
            spans.append(TextSpan(text=text, part=owner[i], start=start))
    return spans


# --- per answer ------------------------------------------------------------------------------


def _delivery_view(answer: Answer) -> DeliveryView | None:
    d = answer.delivery
    if d is None:
        return None
    top = sorted(d.fillers.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TOP_FILLERS]
    return DeliveryView(
        word_count=d.word_count,
        words_per_minute=round(d.words_per_minute, 1),
        filler_count=d.filler_count,
        fillers_per_100_words=round(d.fillers_per_100_words, 1),
        top_fillers=[f"{w} x{n}" for w, n in top],
        long_pauses=len(d.long_pauses),
        longest_pause=round(max(p.seconds for p in d.long_pauses), 1) if d.long_pauses else None,
        speaking_seconds=round(d.speaking_seconds, 1),
        total_seconds=round(d.total_seconds, 1),
        talk_share=round(d.speaking_seconds / d.total_seconds, 3) if d.total_seconds > 0 else 0.0,
        time_to_first_word=round(d.time_to_first_word, 1) if d.time_to_first_word is not None else None,
        too_long=answer_too_long(d),
    )


def _criterion_rows(answer: Answer, rubrics: Sequence[Rubric]) -> list[CriterionRow]:
    """One row per scored criterion; those the question does not exercise are marked (n/a),
    by the same rule the weak areas use (weakness.applicable_scores). Its words: card.criterion_words."""
    card = answer.scorecard
    if card is None:
        return []
    counted = {cs.key for cs in applicable_scores(answer)}
    specs = criteria_by_key(rubrics)
    text = answer.transcript.text if answer.transcript else ""
    rows = []
    for cs in card.criteria:
        # a criterion the question does not ask for (n/a) shows no quote: a quote beside "not asked" reads as its evidence
        verified = [e for e in cs.evidence if e.verified] if cs.key in counted else []
        first = verified[0] if verified else None
        rows.append(
            CriterionRow(
                key=cs.key,
                name=cs.name or cs.criterion.replace("_", " ").capitalize(),
                score=cs.score,
                max_score=cs.max_score,
                weight=cs.weight,
                quote=first.quote if first else None,
                quote_start=first.start if first else None,
                more_quotes=max(len(verified) - 1, 0),
                feedback=criterion_words(cs, specs[cs.key][1] if cs.key in specs else None,
                                         lambda: story_not_reasons(answer.question, text)),
                capped=cs.capped,
                lowered=cs.lowered,
                raised=cs.raised,
                rejected_quotes=list(cs.rejected_quotes),
                applies=cs.key in counted,
            )
        )
    return rows


def _speaking_seconds(answer: Answer) -> float | None:
    """How long the answer took: its recording's length, or for a typed one its words said at the typed rate (a
    trial's report read "Time: 0:00 of 1:30" for every typed answer)."""
    if answer.transcript is None:
        return None
    if answer.transcript.duration or answer.audio_path or not answer.transcript.text.strip():
        return answer.transcript.duration
    from mockint.coaching.weakness import typed_seconds

    return typed_seconds(answer.transcript.text)


def analyse_answer(
    answer: Answer,
    parent: Answer | None = None,
    panel: Panel | None = None,
    rubrics: Sequence[Rubric] = (),
    session_id: str | None = None,
) -> AnswerView:
    """One answer's view; a probe's answer (`parent`: the answer it follows up) is shown with
    the combined judgement on the parent's question, and what the prompt changed. `rubrics`
    give the notes on what the scorer could not check."""
    card = answer.scorecard
    view = AnswerView(
        id=answer.id,
        question=answer.question,
        status=answer.status,
        error=answer.error,
        audio_path=answer.audio_path,
        delivery=_delivery_view(answer),
        asked_by=_asker_title(answer.asked_by, panel),
        probe_of=answer.probe_of,
        follows=followed_label(answer, session_id),
        duration=_speaking_seconds(answer),
        time_limit=answer.time_limit,
        cut_off=answer.cut_off,
        llm_state=answer.llm_state,
        llm_error=answer.llm_error,
        offline_overall=answer.offline_scorecard.overall if answer.offline_scorecard is not None else None,
    )
    if parent is not None and card is not None:
        # Its scorecard judges both answers on the parent's question: show it as such, with the
        # quotes' times moved into this answer's own recording.
        card = timed_in(card, answer.transcript)
        answer = answer.model_copy(update={"question": parent.question, "scorecard": card})
        if parent.scorecard is not None:
            view.first_overall = parent.scorecard.overall
            before = {c.key: c for c in applicable_scores(parent)}
            view.prompted = [
                f"{c.name or c.criterion} {before[c.key].score}/{c.max_score} → {c.score}/{c.max_score}"
                for c in applicable_scores(answer)
                if c.key in before and c.score != before[c.key].score
            ]
    if answer.transcript is not None and (answer.transcript.words or answer.transcript.text.strip()):
        view.has_transcript = True
        view.highlights = star_highlights(answer.transcript, card)
        view.spans = transcript_spans(answer.transcript, view.highlights)
    if card is not None:
        view.scorer, view.model, view.checked_by = card.scorer, card.model, card.checked_by
        view.caveats = offline_caveats(card, rubrics)
        view.overall, view.band, view.overall_capped = card.overall, band_shown(card, view.caveats), card.overall_capped
        view.rubric_scores = dict(card.rubric_scores)
        view.criteria = _criterion_rows(answer, rubrics)
        view.improvements = list(card.improvements)
    return view


# --- per round and session -------------------------------------------------------------------


def _criterion_means(answers: Sequence[Answer], rubrics: Sequence[Rubric]) -> list[CriterionMean]:
    """Each criterion's mean over the first answers, in the report and on the progress chart alike. A
    reply to a follow-up is judged on the one or two criteria it asks for, told after its story: counted,
    a round of plan replies alone "drilled" Result to 3/4 on the chart beside a round mean that had none."""
    order = list(criteria_by_key(rubrics))
    scores: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    max_scores: dict[str, int] = {}
    for a in main_answers(answers):
        # Only where the question exercises the criterion: "n/a" is not a zero.
        for cs in applicable_scores(a):
            scores.setdefault(cs.key, []).append(cs.score)
            names.setdefault(cs.key, cs.name or cs.criterion)
            max_scores.setdefault(cs.key, cs.max_score)
    keys = [k for k in order if k in scores] + sorted(k for k in scores if k not in order)
    return [
        CriterionMean(key=k, name=names[k], mean=round(sum(scores[k]) / len(scores[k]), 2), max_score=max_scores[k], answers=len(scores[k]))
        for k in keys
    ]


def is_reply(answer: Answer) -> bool:
    """A reply to a follow-up: a probe's answer (probe_of, asked in the round) or a plan follow-up's
    (question.follows, quoting an earlier round's answer). Either is judged with the answer it
    follows up and on what the follow-up asks (one or two criteria for a plan's), so it is no first
    answer: a trial's plan replies scored 100/80/100 and lifted a round's mean from 70 to 87.5."""
    return answer.probe_of is not None or answer.question.follows is not None


def main_answers(answers: Sequence[Answer]) -> list[Answer]:
    """The answers to the round's questions, without the replies to follow-ups (is_reply)."""
    return [a for a in answers if not is_reply(a)]


def followed_label(answer: Answer, session_id: str | None = None) -> str | None:
    """The earlier answer a plan follow-up's reply follows: 'a01', or 'a01 of 12-02 07:24' when it
    is in another session than `session_id`; None for any other answer."""
    if answer.probe_of is not None or not answer.question.follows:
        return None
    followed_session, _, answer_id = answer.question.follows.rpartition("/")
    if session_id is not None and followed_session and followed_session != session_id:
        return f"{answer_id} of {session_label(followed_session)}"
    return answer_id


def mean_overall(answers: Sequence[Answer]) -> float | None:
    """The mean overall score of the scored main answers (not probes), to one decimal; None when none is scored.

    Each answer counts as first given: a probe's score judges the story with the reply a prompt drew
    out, and the round's figure is what the questions alone drew (the weakness ledger counts a point
    shown only after a prompt as weak for the same reason). mean_basis says so beside it."""
    cards = [a.scorecard.overall for a in main_answers(answers) if a.scorecard is not None]
    return round(sum(cards) / len(cards), 1) if cards else None


def mean_basis(answers: Sequence[Answer], session_id: str | None = None) -> str:
    """What mean_overall averages, said wherever it is shown when a follow-up was scored (a trial
    user saw a follow-up's 48 in the table and a mean it was not in, and could not tell why);
    empty when there is none. E.g. 'as first given; follow-ups are not in it (counting them, a01
    22 -> 48 after a prompt: 68.5/100)', or '...; replies to the plan's follow-ups are not in it
    (a05 on a01 100, a06 on a04 80), each judged only on what its follow-up asks'."""
    after, moved = [], []
    for a in main_answers(answers):
        if a.scorecard is None:
            continue
        # The latest scored probe's card judges the story with every reply so far (probe.judged_story).
        last = next((p.scorecard for p in reversed(answers) if p.probe_of == a.id and p.scorecard is not None), None)
        after.append((last or a.scorecard).overall)
        if last is not None:
            moved.append(f"{a.id} {a.scorecard.overall:g} → {last.overall:g}")
    replies = [
        f"{a.id} on {followed_label(a, session_id)} {a.scorecard.overall:g}"
        for a in answers
        if a.probe_of is None and a.question.follows and a.scorecard is not None
    ]
    parts = []
    if moved:
        with_them = round(sum(after) / len(after), 1)
        parts.append(f"follow-ups are not in it (counting them, {', '.join(moved)} after a prompt: {with_them:g}/100)")
    if replies:
        parts.append(
            f"replies to the plan's follow-ups are not in it ({', '.join(replies)}), "
            "each judged only on what its follow-up asks"
        )
    return "as first given; " + "; ".join(parts) if parts else ""


def counted_answers(answers: int, scored: int, replies: int, replies_scored: int) -> str:
    """The answers in words, the replies to follow-ups apart: 'Answers: 3 (2 scored; ...)' read as one
    unscored when all three were scored, the third being a reply."""
    if not replies:
        return f"{scored} scored"
    firsts = answers - replies
    words = f"{firsts} answer{'s' if firsts != 1 else ''}"
    words += f" and {replies} replies to follow-ups" if replies != 1 else " and 1 reply to a follow-up"
    if scored + replies_scored == answers:
        return f"{words}, all scored"
    return f"{words}; scored: {scored} of the answers and {replies_scored} of the replies"


def _asker_title(asked_by: str | None, panel: Panel | None) -> str | None:
    person = panel.get(asked_by) if panel is not None else None
    return person.title if person is not None else asked_by


def exchange_order(answers: Sequence[Answer]) -> list[Answer]:
    """Answers in order, each followed by the answers to its probes: the exchange as it happened."""
    ordered = []
    for a in answers:
        if a.probe_of is None:
            ordered += [a, *(p for p in answers if p.probe_of == a.id)]
    return ordered + [a for a in answers if a not in ordered]


def analyse_round(
    session: Session,
    rnd: Round,
    rubrics: Sequence[Rubric],
    *,
    bank: QuestionBank | None = None,
    tracked: Sequence[str] = (),
    with_prep: bool = True,
    interview_noted: bool = False,
) -> RoundView:
    """One round: scores, the weak areas repeated in it (or carried from `tracked` areas), its
    plan, and (`with_prep`) the prep for the next round."""
    overall = mean_overall(rnd.answers)
    by_id = {a.id: a for a in rnd.answers}
    repeated = find_weak_areas(rnd.answers, rubrics, tracked=tracked, session_id=session.id)
    prep = None
    if with_prep:
        # Prep works on the weakest areas even when none repeated yet (one answer, or one bad one).
        weakest = find_weak_areas(rnd.answers, rubrics, tracked=tracked, min_count=1, session_id=session.id)
        prep = build_prep(rnd.answers, bank=bank, weak=weakest, rubrics=rubrics, role=session.role,
                          interview_noted=interview_noted)
    return RoundView(
        index=rnd.index,
        kind=rnd.kind,
        answers=[
            analyse_answer(a, by_id.get(a.probe_of or ""), rnd.panel, rubrics, session.id)
            for a in exchange_order(rnd.answers)
        ],
        scored=sum(a.scorecard is not None for a in main_answers(rnd.answers)),
        failed=sum(a.status == "failed" for a in rnd.answers),
        overall=overall,
        band=band_for(overall) if overall is not None else None,
        overall_basis=mean_basis(rnd.answers, session.id),
        criteria=_criterion_means(rnd.answers, rubrics),
        weak_areas=repeated,
        plan=list(rnd.plan),
        prep=prep,
        panel_name=rnd.panel.name if rnd.panel else None,
        panel=panelist_views(rnd.panel, rnd.answers, rubrics) if rnd.panel else [],
        llm_scored=[a.id for a in rnd.answers if a.scored_by_llm],
        llm_pending=[a.id for a in rnd.answers if a.llm_state == "pending"],
        llm_failed=[a.id for a in rnd.answers if a.llm_state == "failed"],
        retold=_retold_in(session, rnd, bank),
    )


def latest_takes(answers: Sequence[Answer]) -> list[Answer]:
    """The answers that stand: each question's (or drilled area's) last take, with its replies. The next round's
    preparation is built from where the candidate stands now: a QA lead's report still listed proof for the Action and
    Result of a first underperformer answer (30) that the same session's retake (100) had put right."""
    taken: set[str] = set()
    superseded: set[str] = set()
    for answer in reversed([a for a in answers if not a.probe_of]):
        ref = answer.question
        key = ref.targets or (ref.id if ref.source == "bank" else None)
        if key in taken:
            superseded.add(answer.id)
        elif key:
            taken.add(key)
    return [a for a in answers if a.id not in superseded and a.probe_of not in superseded]


def _retold_in(session: Session, rnd: Round, bank: QuestionBank | None) -> list[str]:
    """This round's answers that tell an earlier answer's story again, this round's or an earlier round's of the session."""
    return [r.describe(bank.round_advice.retold if bank else "") for r in retellings_in_round(session.rounds, rnd)]


def analyse_session(
    session: Session,
    rubrics: Sequence[Rubric],
    *,
    bank: QuestionBank | None = None,
    ledger: Ledger | None = None,
    interview_noted: bool = False,
) -> SessionAnalysis:
    """Everything the report shows that is not stored in the session itself; `interview_noted`: the candidate's notes of
    the real first interview are on file, for the thank-you draft.

    A weak area counts as repeated in a round when it was weak in two of its answers, or in one
    if an earlier round of this session (or the ledger, when given) already had it.
    """
    tracked: list[str] = list(ledger.entries) if ledger else []
    rounds = []
    # One preparation for the next round, from every answer of the session: a trial's two-round report gave two
    # thank-you notes, two lists of questions to ask and two of proof to bring.
    one_round = len(session.rounds) == 1
    for rnd in session.rounds:
        view = analyse_round(session, rnd, rubrics, bank=bank, tracked=tracked, with_prep=one_round,
                             interview_noted=interview_noted)
        rounds.append(view)
        tracked += [w.id for w in view.weak_areas if w.id not in tracked]
    if len(rounds) > 1:
        current = latest_takes(session.answers)
        weakest = find_weak_areas(current, rubrics, tracked=tracked, min_count=1, session_id=session.id)
        rounds[-1].prep = build_prep(current, bank=bank, weak=weakest, rubrics=rubrics, role=session.role,
                                     interview_noted=interview_noted)
    overall = mean_overall(session.answers)
    scored = sum(a.scorecard is not None for a in main_answers(session.answers))
    replies = [a for a in session.answers if is_reply(a)]
    replies_scored = sum(a.scorecard is not None for a in replies)
    return SessionAnalysis(
        session_id=session.id,
        role=session.role,
        created=session.created_at.strftime("%Y-%m-%d %H:%M"),
        overall=overall,
        band=band_for(overall) if overall is not None else None,
        overall_basis=mean_basis(session.answers, session.id),
        answers=len(session.answers),
        scored=scored,
        replies=len(replies),
        replies_scored=replies_scored,
        counted=counted_answers(len(session.answers), scored, len(replies), replies_scored),
        rubric_names={r.id: r.name for r in rubrics},
        rounds=rounds,
    )


# --- progress across sessions ----------------------------------------------------------------


class ProgressPoint(Model):
    label: str
    session_id: str
    round_index: int
    date: str
    answers: int = Field(description="scored first answers: what every figure of the point is over")
    replies: int = Field(default=0, description="scored replies to follow-ups, left out of the figures (is_reply)")
    overall: float | None = Field(description="the mean of the first answers; None for a round of replies alone")
    rubric_scores: dict[str, float] = Field(default_factory=dict, description="each rubric's mean over the first answers")
    criteria: dict[str, float] = Field(
        default_factory=dict, description="criterion key -> mean score 0..4 over the first answers, as the round's mean"
    )


class LedgerRow(Model):
    id: str
    name: str
    kind: str
    status: str
    count: int = Field(description="weak answers on record, over every session")
    reopened: int
    opened: str
    updated: str
    advice: str = ""
    last_outcome: str | None = None
    evidence: str = ""
    scores: list[float] = Field(
        default_factory=list, description="each answer on record for the area, oldest first: its overall "
                                          "(0-100) for a round-one concern, its level (0-4) for a criterion, its length in seconds "
                                          "for Answer length; none for the other delivery areas")
    trend: str = Field(default="", description="the scores as shown (the first and the latest, SCORES_SHOWN in all): "
                                               "'33 → 100 → 95', '1/4 → 3/4', '0/4 → … → 3/4', '3:40 → 1:50'")


class ProgressAnalysis(Model):
    sessions: int
    points: list[ProgressPoint]
    criteria: dict[str, str] = Field(default_factory=dict, description="criterion key -> name, in rubric order")
    rubric_names: dict[str, str] = Field(default_factory=dict)
    ledger: list[LedgerRow] = Field(default_factory=list)
    ledger_counts: dict[str, int] = Field(default_factory=dict)
    generator: str = f"mockint {__version__}"


LEDGER_ORDER = {"open": 0, "improving": 1, "resolved": 2}


def analyse_progress(sessions: Sequence[Session], rubrics: Sequence[Rubric], ledger: Ledger | None = None) -> ProgressAnalysis:
    """One point per scored round, oldest first, and the ledger's entries (open first)."""
    points: list[ProgressPoint] = []
    criteria: dict[str, str] = {key: c.name for key, (_r, c) in criteria_by_key(rubrics).items()}
    seen_keys: set[str] = set()
    for session in sorted(sessions, key=lambda s: (s.created_at, s.id)):
        for rnd in session.rounds:
            scored = [a for a in rnd.answers if a.scorecard is not None]
            if not scored:
                continue
            firsts = main_answers(scored)  # as the round's mean: a reply is judged with the answer it follows up
            rubric_scores: dict[str, list[float]] = {}
            for card in (a.scorecard for a in firsts if a.scorecard is not None):
                for rid, value in card.rubric_scores.items():
                    rubric_scores.setdefault(rid, []).append(value)
            means = _criterion_means(firsts, rubrics)
            seen_keys.update(m.key for m in means)
            for m in means:
                criteria.setdefault(m.key, m.name)
            points.append(
                ProgressPoint(
                    label=f"{session.created_at:%m-%d} R{rnd.index}",
                    session_id=session.id,
                    round_index=rnd.index,
                    date=f"{session.created_at:%Y-%m-%d}",
                    answers=len(firsts),
                    replies=len(scored) - len(firsts),
                    overall=mean_overall(scored),
                    rubric_scores={k: round(sum(v) / len(v), 1) for k, v in rubric_scores.items()},
                    criteria={m.key: m.mean for m in means},
                )
            )
    rows: list[LedgerRow] = []
    counts: dict[str, int] = {}
    for entry in (ledger.entries.values() if ledger else []):
        counts[entry.status] = counts.get(entry.status, 0) + 1
        last = entry.history[-1] if entry.history else None
        rows.append(
            LedgerRow(
                id=entry.id,
                name=entry.name,
                kind=entry.kind,
                status=entry.status,
                count=entry.weak_answers(),
                reopened=entry.reopened,
                opened=f"{entry.opened_at:%Y-%m-%d}",
                updated=f"{entry.updated_at:%Y-%m-%d}",
                advice=entry.advice,
                last_outcome=f"{last.outcome} ({last.session_id or '-'}/{last.answer_id or '-'})" if last else None,
                evidence=_slip_said(entry, entry.to_weak_area().summary() if entry.evidence or entry.kind == "debrief" else ""),
                scores=(scores := _area_scores(entry)),
                trend=_trend(entry, scores),
            )
        )
    rows.sort(key=lambda r: (LEDGER_ORDER.get(r.status, 9), r.id))
    return ProgressAnalysis(
        sessions=len(sessions),
        points=points,
        criteria={k: v for k, v in criteria.items() if k in seen_keys},
        rubric_names={r.id: r.name for r in rubrics},
        ledger=rows,
        ledger_counts=counts,
    )


def _area_scores(entry: LedgerEntry) -> list[float]:
    """Every answer's score on a ledger area, oldest first (LedgerRow.scores)."""
    if entry.kind == "delivery" and entry.id != "delivery.length":
        return []  # words a minute, fillers per 100 words, pauses: no one scale to follow
    return [round(e.score, 1) for e in entry.history if e.score is not None and e.answer_id]


def _slip_said(entry: LedgerEntry, evidence: str) -> str:
    """The evidence, after the ledger's own note while an area is "improving" on one slip after it was resolved and no
    new question has passed since: "improving" beside a latest 0/4 read as a mistake (a trading standards lead's trial)."""
    slip = next((e for e in reversed(entry.history) if e.outcome == "weak"), None)
    if slip is None or slip.status_after != "improving" or entry.status != "improving" or entry.passes or not slip.note:
        return evidence  # no slip, or a new question passed since it
    return f"{slip.note[:1].upper()}{slip.note[1:]}; {evidence}" if evidence else slip.note


def _trend(entry: LedgerEntry, scores: Sequence[float]) -> str:
    """The scores as shown: the first (the answer that opened the area) and the latest, an ellipsis between when
    there are more than SCORES_SHOWN. The latest six alone began Quantified impact at 1/4, its opening 0/4 gone, and
    Ownership at six 4/4s though a 1/4 opened it, under a column said to run "from its first answer" (a trial)."""
    def shown(v: float) -> str:
        return f"{v:g}/4" if entry.kind == "criterion" else minutes_seconds(v) if entry.id == "delivery.length" else f"{v:g}"
    told = [shown(v) for v in scores]
    if len(told) > SCORES_SHOWN:
        told = [told[0], "…", *told[-(SCORES_SHOWN - 1):]]
    return " → ".join(told)


# Said on both progress charts: what each point is over (analyse_progress), as the round's mean says it.
FIRST_ANSWERS_NOTE = "Each round's first answers only: replies to follow-ups are left out, as in the round's mean."
# Said over the rounds' means: a planned round asks the weakest areas on purpose, so its mean fell while every area it
# drilled rose (a care home deputy's week: 72 -> 67.9 -> 66.5 beside poor performance 33 -> 100 -> 95), and the candidate
# read it as getting worse.
COMPARE_AREAS_NOTE = ("A round made from a plan asks your weakest areas on purpose, so its mean is not the same test as "
                      "the round before: the ledger's Scores follow each area from its first answer to its latest.")
# Answers shown per ledger area: the first and the latest.
SCORES_SHOWN = 6


def progress_charts(progress: ProgressAnalysis) -> list[str]:
    """Two SVG charts: overall (and per rubric) 0-100, and each criterion 0-4, across rounds."""
    if not progress.points:
        return []
    labels = [p.label for p in progress.points]
    overall = [Series("Overall", [p.overall for p in progress.points], emphasis=True)]
    for rid, name in progress.rubric_names.items():
        values = [p.rubric_scores.get(rid) for p in progress.points]
        if any(v is not None for v in values):
            overall.append(Series(name, values))
    per_criterion = [
        Series(name, [p.criteria.get(key) for p in progress.points]) for key, name in progress.criteria.items()
    ]
    return [
        line_chart(ChartSpec(title="Overall score across rounds (0-100)", labels=labels, series=overall, y_label="score",
                             note=FIRST_ANSWERS_NOTE)),
        line_chart(
            ChartSpec(
                title="Per-criterion score across rounds (0-4)",
                note=FIRST_ANSWERS_NOTE,
                labels=labels,
                series=per_criterion,
                y_max=4.0,
                y_ticks=[0, 1, 2, 3, 4],
                y_label="score",
                height=360,
            )
        ),
    ]
