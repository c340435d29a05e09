"""Reports: STAR highlighting from verified evidence, per-round analysis, prep, charts, the three
formats and the `mockint report` command.

The fixture sessions are built from the real models and scored through the real
card.build_scorecard (quotes verified against the transcript, overall computed from the
rubrics), with fixed ids and timestamps so the Markdown snapshot is deterministic.
Update the snapshots with `MOCKINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_report.py`;
a missing snapshot is written on a local run and fails under CI=true.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path

import pytest
from conftest import timed_transcript

from mockint.coaching.questions import load_bank
from mockint.records import DeliveryMetrics, Pause, QuestionRef, Scorecard, Transcript
from mockint.scoring.card import RawCriterion, build_scorecard
from mockint.scoring.rubrics import load_rubrics
from mockint.session import Answer, Round, Session, SessionStore

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE_SNAPSHOTS = os.environ.get("MOCKINT_UPDATE_SNAPSHOTS") == "1"
T0 = datetime(2024, 5, 6, 9, 30, tzinfo=timezone.utc)

STRONG = (
    "Last spring at Northwind Logistics our biggest customer moved their go-live forward by three weeks. "
    "I was the lead engineer and my job was to ship the invoicing integration by mid May. "
    "I cut the scope with the product owner, I rebuilt the test suite and I paired with finance daily. "
    "We shipped four days early, invoice errors dropped by 40 percent, and I learned to negotiate scope first."
)
INJECTED = "<script>document.title='pwned'</script>"
VAGUE = (
    "Um, we usually just, like, talk it through as a team. I would probably listen to everyone and, "
    f"you know, find a compromise with the invoicing team. It generally works out fine. {INJECTED}"
)
TYPED = (
    "In 2022 our Kubernetes cluster kept running out of memory during the nightly invoicing batch. "
    "I traced it to a leaking cache, I rewrote the eviction policy and I added an alert. "
    "Memory use fell by 60 percent and the batch has not failed since."
)

RUBRICS = load_rubrics(["star", "specificity"])
BANK = load_bank()


# Word timings like Whisper's, with half a second before and after the answer.
timed = partial(timed_transcript, start=0.5, tail=0.5, speech=True, model="fixture")


def card(
    transcript: Transcript,
    given: dict[str, tuple[int, list[str], str]],
    *,
    scorer: str = "llm",
    applicable: list[str] | None = None,
) -> Scorecard:
    """A scorecard through the real build_scorecard; criteria not given score 1 with no quote.
    `applicable`: the question's criteria, as scoring.score_question applies them."""
    raw = []
    for r in RUBRICS:
        for c in r.criteria:
            score, quotes, feedback = given.get(f"{r.id}.{c.id}", (1, [], f"{c.name} is thin."))
            raw.append(RawCriterion(rubric=r.id, criterion=c.id, score=score, quotes=quotes, feedback=feedback))
    sc = build_scorecard(
        raw, transcript, RUBRICS, scorer=scorer, model="fixture-model" if scorer == "llm" else None, applicable=applicable
    )
    return sc.model_copy(update={"created_at": T0})


def delivery(words: int, seconds: float, fillers: dict[str, int], pauses: list[tuple[float, float]]) -> DeliveryMetrics:
    n = sum(fillers.values())
    speaking = seconds - sum(e - s for s, e in pauses)
    return DeliveryMetrics(
        word_count=words, total_seconds=seconds, speaking_seconds=speaking,
        words_per_minute=round(words / speaking * 60, 1), time_to_first_word=0.5,
        fillers=fillers, filler_count=n, fillers_per_100_words=round(100 * n / words, 1),
        long_pauses=[Pause(start=s, end=e) for s, e in pauses],
    )


# The fixture pins which criteria each question is scored on, so editing the bank does not
# change the snapshots; the questions' text and competencies still come from the bank.
FIXTURE_CRITERIA = {
    "beh.tight_deadline": ["star.situation", "star.task", "star.action", "star.result",
                           "specificity.quantified_impact", "specificity.concrete_detail"],
    "beh.conflict": ["star.situation", "star.task", "star.action", "star.result",
                     "specificity.ownership", "specificity.real_example"],
}


def bank_ref(question_id: str) -> QuestionRef:
    q = BANK.get(question_id)
    assert q is not None, question_id
    return q.ref().model_copy(update={"criteria": FIXTURE_CRITERIA.get(question_id, q.criteria)})


def strong_answer(answer_id: str = "a01", at: datetime = T0) -> Answer:
    t = timed(STRONG)
    sc = card(t, {
        "star.situation": (4, ["Last spring at Northwind Logistics our biggest customer moved their go-live forward"], "Specific and anchored."),
        "star.task": (1, ["my job was to ship the invoicing integration by mid May"], "Say what success meant, not only the job."),
        "star.action": (4, ["I cut the scope with the product owner", "I rebuilt the test suite"], "Your own steps, in order."),
        "star.result": (4, ["invoice errors dropped by 40 percent", "I learned to negotiate scope first"], "Measured outcome."),
        "specificity.quantified_impact": (4, ["invoice errors dropped by forty per cent"], "Numbers size the impact."),
        "specificity.ownership": (4, ["I paired with finance daily"], "Clear 'I'."),
        "specificity.relevance": (3, ["ship the invoicing integration"], "Answers the question."),
        "specificity.real_example": (4, ["Last spring at Northwind Logistics"], "One real event."),
        "specificity.concrete_detail": (3, ["Northwind Logistics our biggest customer"], "Named specifics."),
    }, applicable=bank_ref("beh.tight_deadline").criteria)
    return Answer(
        id=answer_id, question=bank_ref("beh.tight_deadline"), audio_path=f"{answer_id}.wav", status="scored",
        transcript=t, scorecard=sc, delivery=delivery(68, 28.0, {"um": 1}, [(12.0, 13.8)]), created_at=at,
    )


def vague_answer(answer_id: str = "a02", at: datetime = T0) -> Answer:
    t = timed(VAGUE)
    sc = card(t, {
        "star.situation": (0, [], "No particular event."),
        "star.action": (1, ["I would probably listen to everyone"], "Hypothetical, not what you did."),
        "star.result": (1, ["It generally works out fine"], "No outcome."),
        # 1, a passing mention: at 0 rubrics/overall.yaml's gate on the real example holds the whole answer down, and
        # its other criteria's gaps (the task this test repeats) are no longer its weak areas
        "specificity.real_example": (1, ["we usually just talk it through"], "A habit, not an event."),
        # A quote that is not in the answer: rejected, and the score is capped.
        "specificity.ownership": (3, ["I single-handedly resolved it"], "Claims ownership."),
    }, applicable=bank_ref("beh.conflict").criteria)
    return Answer(
        id=answer_id, question=bank_ref("beh.conflict"), audio_path=f"{answer_id}.wav", status="scored",
        transcript=t, scorecard=sc,
        delivery=delivery(33, 16.0, {"um": 1, "like": 1, "you know": 1}, [(3.0, 4.6), (7.0, 9.2), (10.0, 11.7)]),
        created_at=at,
    )


def failed_answer(answer_id: str = "a03", at: datetime = T0) -> Answer:
    return Answer(
        id=answer_id, question=bank_ref("beh.complex_problem"), audio_path=f"{answer_id}.wav", status="failed",
        error="scoring failed: the LLM endpoint timed out after 30 s", transcript=timed("I fixed the billing bug quickly."),
        created_at=at,
    )


def fixture_session(session_id: str = "20240506-093000-abcd", at: datetime = T0) -> Session:
    """Round 1: a strong, a vague (with injected markup) and a failed answer, then a plan.
    Round 2: a typed answer (no word timings) and one recorded but not transcribed yet."""
    s = Session(id=session_id, created_at=at, role="Platform engineer", keywords=["invoicing", "Kubernetes"])
    r1 = Round(index=1, kind="bank", started_at=at, ended_at=at + timedelta(minutes=20))
    r1.answers = [strong_answer(at=at), vague_answer(at=at), failed_answer(at=at)]
    r1.plan = [
        QuestionRef(
            id="followup.star_result", text="Tell me about a time you fixed a recurring problem. How did you measure the result?",
            category="behavioral", criteria=["star.result"], source="followup", targets="star.result",
            rationale="Result was weak in a02 (1/4): 'It generally works out fine'.",
        )
    ]
    r2 = Round(index=2, kind="plan", started_at=at + timedelta(hours=1))
    typed = Transcript(text=TYPED, duration=0.0)
    r2.answers = [
        Answer(
            id="a04", question=r1.plan[0], status="scored", transcript=typed,
            scorecard=card(typed, {
                "star.situation": (3, ["our Kubernetes cluster kept running out of memory"], "Clear problem."),
                "star.action": (4, ["I rewrote the eviction policy"], "Your steps."),
                "star.result": (4, ["Memory use fell by 60 percent"], "Measured."),
            }, applicable=r1.plan[0].criteria),
            created_at=at + timedelta(hours=1),
        ),
        Answer(id="a05", question=bank_ref("fit.why_here"), audio_path="a05.wav", status="recorded", created_at=at + timedelta(hours=1)),
    ]
    s.rounds = [r1, r2]
    return s


def analyse(session: Session, **kw):
    from mockint.reporting.analysis import analyse_session

    return analyse_session(session, RUBRICS, bank=BANK, **kw)


def check_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE_SNAPSHOTS or not path.exists():
        if not UPDATE_SNAPSHOTS and os.environ.get("CI") == "true":
            pytest.fail(f"snapshot {path} is missing (run with MOCKINT_UPDATE_SNAPSHOTS=1 and commit it)")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} changed; if intended, rerun with MOCKINT_UPDATE_SNAPSHOTS=1"


# --- STAR highlighting -------------------------------------------------------------------


def test_star_parts_are_located_from_verified_evidence_timings():
    from mockint.reporting.analysis import star_highlights, transcript_spans

    answer = strong_answer()
    highlights = star_highlights(answer.transcript, answer.scorecard)
    by_part = {}
    for h in highlights:
        by_part.setdefault(h.part, []).append(h)
    assert set(by_part) == {"situation", "task", "action", "result"}
    words = [w.word.strip() for w in answer.transcript.words]
    result = by_part["result"][0]
    assert " ".join(words[result.first_unit : result.last_unit + 1]) == "invoice errors dropped by 40 percent,"
    assert result.start == answer.transcript.words[result.first_unit].start
    # Two action quotes, both found.
    assert [h.quote for h in by_part["action"]] == ["I cut the scope with the product owner", "I rebuilt the test suite"]

    spans = transcript_spans(answer.transcript, highlights)
    # Nothing is lost or reordered: the spans put back together are the transcript.
    assert " ".join(s.text for s in spans) == " ".join(words)
    marked = {s.part: s for s in spans if s.part}
    assert marked["task"].text == "my job was to ship the invoicing integration by mid May."
    assert marked["task"].start == pytest.approx(answer.transcript.words[words.index("my")].start)
    # The two action quotes are back to back ("...product owner, I rebuilt...") and read as one run.
    # The result's two quotes (the measured outcome, then the lesson) are apart: two runs.
    assert [s.part for s in spans if s.part] == ["situation", "task", "action", "result", "result"]
    assert marked["action"].text == "I cut the scope with the product owner, I rebuilt the test suite"


def test_typed_answers_without_word_timings_are_still_highlighted():
    from mockint.reporting.analysis import star_highlights, transcript_spans

    session = fixture_session()
    typed = session.rounds[1].answers[0]
    assert not typed.transcript.words and typed.scorecard.criterion("star.result").evidence[0].start is None
    spans = transcript_spans(typed.transcript, star_highlights(typed.transcript, typed.scorecard))
    marked = [(s.part, s.text) for s in spans if s.part]
    assert ("result", "Memory use fell by 60 percent") in marked
    assert ("situation", "our Kubernetes cluster kept running out of memory") in marked
    assert all(s.start is None for s in spans)


def test_a_criterions_best_quote_wins_an_overlap_over_another_supporting_quote():
    from mockint.reporting.analysis import star_highlights, transcript_spans

    t = timed(STRONG)
    sc = card(t, {
        "star.action": (4, ["I paired with finance daily", "We shipped four days early, invoice errors dropped"], "x"),
        "star.result": (4, ["We shipped four days early"], "y"),
    })
    spans = transcript_spans(t, star_highlights(t, sc))
    parts = {s.text: s.part for s in spans if s.part}
    assert parts["We shipped four days early,"] == "result"
    assert parts["invoice errors dropped"] == "action"


# --- analysis ----------------------------------------------------------------------------


def test_round_analysis_scores_weak_areas_plan_and_missing_parts():
    session = fixture_session()
    a = analyse(session)
    r1, r2 = a.rounds
    strong, vague = session.rounds[0].answers[:2]
    assert r1.scored == 2 and r1.failed == 1
    assert r1.overall == pytest.approx(round((strong.scorecard.overall + vague.scorecard.overall) / 2, 1))
    means = {c.key: c.mean for c in r1.criteria}
    assert means["star.situation"] == 2.0  # (4 + 0) / 2
    assert list(means)[:4] == ["star.situation", "star.task", "star.action", "star.result"]  # rubric order
    # Task scored 1 in both scored answers (weak below 2): repeated. Weak in a02 only: not repeated.
    assert [w.id for w in r1.weak_areas] == ["star.task"]
    task = r1.weak_areas[0]
    assert (task.count, task.total) == (2, 2) and not task.carried
    assert [(e.answer_id, e.quotes) for e in task.evidence] == [
        ("a01", ["my job was to ship the invoicing integration by mid May"]), ("a02", [])
    ]
    # Round 2's one scored answer also scored 1 on task, but its follow-up asks for the result
    # only: task is n/a there, so it is not weak again (and the answer is judged on its result).
    a04 = session.rounds[1].answers[0]
    assert a04.scorecard.criterion("star.task").score == 1 and not a04.scorecard.criterion("star.task").applies
    assert r2.weak_areas == []
    # A 4 on Result needs a lesson in its evidence (the rubric's support rule); the typed answer has none.
    assert a04.scorecard.level == 3.0 and a04.scorecard.rubric_scores == {"star": 75.0}
    assert a04.scorecard.criterion("star.result").lowered == "the quotes do not show a lesson learned"
    task_row = {c.key: c for c in r2.answers[0].criteria}["star.task"]
    assert task_row.applies is False and task_row.quote is None  # "n/a" beside a quote read as its evidence
    assert {c.key for c in r2.criteria} == {"star.result"}
    # Missing parts: a failed answer keeps its transcript and error; an unscored one has neither.
    a03 = r1.answers[2]
    assert a03.error and a03.has_transcript and not a03.criteria
    a05 = r2.answers[1]
    assert not a05.has_transcript and a05.overall is None
    assert r1.plan[0].targets == "star.result" and r2.plan == []
    # A rejected quote is reported and the score capped.
    ownership = next(c for c in r1.answers[1].criteria if c.key == "specificity.ownership")
    assert ownership.capped and ownership.score == 1 and ownership.rejected_quotes == ["I single-handedly resolved it"]


def test_delivery_view():
    a = analyse(fixture_session())
    d = a.rounds[0].answers[1].delivery
    assert d.long_pauses == 3 and d.longest_pause == 2.2
    assert d.filler_count == 3 and d.top_fillers[0] == "like x1"  # ties sorted by name
    assert d.talk_share == pytest.approx((16.0 - 1.6 - 2.2 - 1.7) / 16.0, abs=1e-3)
    assert d.too_long is None


def test_an_answer_past_three_minutes_is_called_long_in_both_formats():
    from mockint.reporting.render import render_session

    session = fixture_session()
    answer = session.rounds[0].answers[0]
    answer.delivery = delivery(560, 222.0, {"um": 2}, [(30.0, 31.6)])
    for fmt in ("md", "html"):
        assert "3:42 long (aim for about 2:00, at most 3:00)" in render_session(session, analyse(session), fmt)
    answer.delivery = delivery(400, 170.0, {"um": 2}, [(30.0, 31.6)])
    assert " long (aim" not in render_session(session, analyse(session), "md")


# --- prep --------------------------------------------------------------------------------


def test_prep_is_tailored_to_what_was_said():
    session = fixture_session()
    rounds = analyse(session).rounds
    # one preparation for the next round, on the last round, from every answer (trial 22: two of each in one report)
    assert [r.prep is not None for r in rounds] == [False, True]
    prep = rounds[-1].prep
    # Topics are the competencies the questions probed, by name: real topics, not transcript words.
    names = {BANK.competency_name(c) for a in session.answers for c in a.question.competencies}
    assert prep.topics and set(prep.topics) <= names
    # The thank-you note names those topics and the role, and addresses a weak answer.
    note = prep.thank_you
    assert "Platform engineer" in note
    assert f"I especially enjoyed discussing {prep.topics[0][:1].lower() + prep.topics[0][1:]}" in note
    assert "Dear [interviewer's name]" in note and "[Your name]" in note
    # Questions to ask: one about a topic the questions probed, and the concerns question because answers were weak.
    texts = [q.text for q in prep.questions_to_ask]
    assert any(prep.topics[1].lower() in t.lower() for t in texts)
    assert any("hesitate" in t for t in texts)
    assert len(texts) == len(set(texts)) <= 5
    # Proof points for the weakest areas, from the weak answers' competencies in the bank.
    assert prep.proof_points
    first = prep.proof_points[0]
    assert first.bring and first.question
    # "(1/4, on <question>)": the score that answer got there, not a mean over other answers.
    shown = next(a for a in session.answers if a.question.text == first.question).scorecard.criterion(first.key)
    assert first.score == shown.score
    conflict_proof = set(BANK.proof_points("conflict_resolution"))
    assert any(item in conflict_proof for p in prep.proof_points for item in p.bring)



def test_a_proof_points_quote_comes_from_the_answer_it_names():
    """The trial: 'Action (0/4, on "Describe a situation where you worked as part of a team...");
    you said: "We sorted it out in the end..."' quoted the mistake answer under the teamwork one."""
    from mockint.coaching.prep import proof_points
    from mockint.coaching.weakness import WeakArea, WeakEvidence

    unquoted, quoted = strong_answer("a01"), vague_answer("a04")
    area = WeakArea(
        id="star.action", kind="criterion", name="STAR structure: Action", count=2, total=2,
        evidence=[
            WeakEvidence(answer_id="a01", question_id=unquoted.question.id, question=unquoted.question.text,
                         score=0, threshold=2, max_score=4, quotes=[]),
            WeakEvidence(answer_id="a04", question_id=quoted.question.id, question=quoted.question.text,
                         score=1, threshold=2, max_score=4, quotes=["I would probably listen to everyone"]),
        ],
    )
    (point,) = proof_points([unquoted, quoted], BANK, [area], RUBRICS)
    named = next(a for a in (unquoted, quoted) if a.question.text == point.question)
    assert point.quote and point.quote in named.transcript.text
    assert point.score == 1  # that answer's own score, beside its own words

    # No quote anywhere: the first weak answer is named, and nothing is put in its mouth.
    area.evidence[1].quotes = []
    (point,) = proof_points([unquoted, quoted], BANK, [area], RUBRICS)
    assert point.question == unquoted.question.text and point.quote is None and point.score == 0


def test_the_proof_to_bring_is_for_the_question_of_the_answer_it_quotes():
    """Trial 9: "a reference who saw you resolve the disagreement" under an underperformer story, because another weak
    answer had been to a conflict question."""
    from mockint.coaching.prep import proof_points
    from mockint.coaching.weakness import WeakArea, WeakEvidence

    quoted, other = vague_answer("a04"), strong_answer("a01")
    assert set(quoted.question.competencies) != set(other.question.competencies)
    area = WeakArea(
        id="star.action", kind="criterion", name="STAR structure: Action", count=2, total=2,
        competencies=[*other.question.competencies, *quoted.question.competencies],
        evidence=[
            WeakEvidence(answer_id="a04", question_id=quoted.question.id, question=quoted.question.text,
                         score=1, threshold=2, max_score=4, quotes=["I would probably listen to everyone"]),
            WeakEvidence(answer_id="a01", question_id=other.question.id, question=other.question.text,
                         score=0, threshold=2, max_score=4, quotes=[]),
        ],
    )
    (point,) = proof_points([quoted, other], BANK, [area], RUBRICS)
    elsewhere = {p for c in other.question.competencies if c not in quoted.question.competencies for p in BANK.proof_points(c)}
    assert elsewhere and not elsewhere & set(point.bring)
    assert {p for c in quoted.question.competencies for p in BANK.proof_points(c)} & set(point.bring)


def test_prep_without_bank_or_weak_areas_still_drafts_a_note():
    from mockint.coaching.prep import build_prep

    prep = build_prep([strong_answer()], bank=None, weak=[], rubrics=RUBRICS, role=None)
    assert prep.proof_points == []
    assert "Thank you for taking the time to speak with me." in prep.thank_you
    assert "Tell me" not in prep.questions_to_ask[0].text  # written around a topic, not an interview question
    texts = [q.text for q in prep.questions_to_ask]
    assert prep.topics and all(any(topic in t for t in texts) for topic in prep.topics[:2])
    assert prep.topics[0] in prep.thank_you  # without a bank, the competency ids in words


# --- charts ------------------------------------------------------------------------------


def test_line_chart_draws_each_series_and_breaks_at_gaps():
    from mockint.reporting.charts import ChartSpec, Series, line_chart

    svg = line_chart(ChartSpec(
        title="Scores <&>", labels=["R1", "R2", "R3", "R4"],
        series=[Series("Overall", [40, 55, 62.5, 80], emphasis=True), Series("Result <b>", [1, None, 3, 4])],
        y_max=100,
    ))
    polylines = re.findall(r'<polyline[^>]*points="([^"]+)"', svg)
    # Overall: one line of 4 points; the gapped series: one run of 2 (the lone first point is a dot only).
    assert [len(p.split()) for p in polylines] == [4, 2]
    xs = [float(p.split(",")[0]) for p in polylines[0].split()]
    ys = [float(p.split(",")[1]) for p in polylines[0].split()]
    assert xs == sorted(xs) and ys == sorted(ys, reverse=True)  # higher score drawn higher
    assert svg.count("<circle") == 7
    assert "Scores &lt;&amp;&gt;" in svg and "Result &lt;b&gt;" in svg and "<b>" not in svg


# --- rendering ---------------------------------------------------------------------------


def test_markdown_report_snapshot():
    from mockint.reporting.render import render_session

    session = fixture_session()
    md = render_session(session, analyse(session), "md")
    check_snapshot("session_report.md", md)


def test_markdown_report_sections_and_escaping():
    from mockint.reporting.render import render_session

    session = fixture_session()
    md = render_session(session, analyse(session), "md")
    for heading in ("## Round 1 (bank)", "## Round 2 (plan)", "### Repeated weak areas", "### Next-round plan",
                    "### Preparing for the second round", "#### Questions to ask the interviewer",
                    "#### Proof to bring", "#### Thank-you note draft"):
        assert heading in md
    assert "**[R] invoice errors dropped by 40 percent,**" in md
    assert "\\<script\\>document.title='pwned'\\</script\\>" in md
    assert "<script>" not in md
    assert "scoring failed: the LLM endpoint timed out after 30 s" in md
    assert "I fixed the billing bug quickly." in md
    assert "_No transcript yet._" in md
    assert "_No plan yet" in md  # round 2
    assert "(capped: no verified quote)" in md
    assert "talk time 0:26 of 0:28" in md


def test_criteria_the_question_does_not_ask_for_show_as_na_and_are_not_averaged():
    from mockint.reporting.render import render_session

    session = fixture_session()
    a = analyse(session)
    rows = {c.key: c for c in a.rounds[1].answers[0].criteria}  # a04: the follow-up asks for the result only
    assert rows["star.result"].applies and not rows["star.task"].applies
    md = render_session(session, a, "md")
    assert "| Task | n/a | - | not asked by this question, not counted |" in md
    assert "| Result | 4/4 |" in md
    # a01 scored ownership 4/4 with a quote; its question does not ask for ownership: n/a, and no quote (a trial user
    # read a quote beside "not asked" as its evidence)
    assert '| Ownership | n/a | - | not asked by this question, not counted |' in md
    assert '"I paired with finance daily"' not in md.split("| Ownership |")[1].split("\n")[0]
    html = render_session(session, a, "html")
    na_row = re.search(r'<tr data-criterion="star.task" class="na"[^>]*>(.*?)</tr>', html, re.S)
    assert na_row and '<td class="num">n/a</td>' in na_row.group(1)
    assert "tr.na td" in html  # greyed by the stylesheet
    assert '<tr data-criterion="star.result">' in html
    # Round 1 means: ownership applies in a02 only (1/4 capped), not averaged with a01's n/a 4/4.
    means = {c.key: (c.mean, c.answers) for c in a.rounds[0].criteria}
    assert means["specificity.ownership"] == (1.0, 1)
    assert "specificity.relevance" not in means  # neither question asks for it


def test_old_scorecards_without_the_flag_use_the_question_criteria():
    """Sessions scored before applicability: every criterion was counted; the report (like the weak
    areas) still shows those the question does not exercise as n/a and leaves them out of the means."""
    session = fixture_session()
    a04 = session.rounds[1].answers[0]
    a04.scorecard = a04.scorecard.model_copy(
        update={"criteria": [c.model_copy(update={"applies": True}) for c in a04.scorecard.criteria]}
    )
    r2 = analyse(session).rounds[1]
    assert [c.key for c in r2.answers[0].criteria if c.applies] == ["star.result"]
    assert [c.key for c in r2.criteria] == ["star.result"]


def test_html_report_escapes_everything_from_transcripts():
    from mockint.reporting.render import render_session

    session = fixture_session()
    session.rounds[0].answers[1].question = session.rounds[0].answers[1].question.model_copy(
        update={"text": 'Why <img src=x onerror="alert(1)">?'}
    )
    html = render_session(session, analyse(session), "html", audio_srcs={"a01": "a01.wav"})
    assert html.count("<script") == 1  # the report's own
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert 'Content-Security-Policy' in html
    # Audio and click-to-play only where a source was given.
    assert '<audio id="audio-a01" controls preload="metadata" src="a01.wav">' in html
    assert 'id="audio-a02"' not in html and "a02.wav (not found when the report was written)" in html
    assert re.search(r'<button type="button" class="quote" data-answer="a01" data-start="[0-9.]+"', html)
    assert 'data-answer="a02"' not in html
    assert re.search(r'<mark class="star star-result" title="Result" data-answer="a01" data-start="', html)
    assert "@media print" in html
    # ... and no "click to play" for a session with nothing to play (an HR partner's typed week)
    assert "to play the answer from there" in html
    assert "to play the answer from there" not in render_session(session, analyse(session), "html", audio_srcs={})


def test_json_export_validates_against_the_session_schema():
    from mockint.reporting.render import render_session

    session = fixture_session()
    data = json.loads(render_session(session, analyse(session), "json"))
    assert data["schema"] == "mockint.report/1"
    assert Session.model_validate(data["session"]) == session
    analysis = data["analysis"]
    assert [r["index"] for r in analysis["rounds"]] == [1, 2]
    a01 = analysis["rounds"][0]["answers"][0]
    assert {h["part"] for h in a01["highlights"]} == {"situation", "task", "action", "result"}
    assert analysis["rounds"][0]["prep"] is None and analysis["rounds"][-1]["prep"]["thank_you"].startswith("Subject:")


def test_progress_across_sessions_with_ledger():
    from mockint.coaching.weakness import Ledger, record_round
    from mockint.reporting.analysis import analyse_progress, progress_charts
    from mockint.reporting.render import render_progress

    first = fixture_session()
    later = fixture_session("20240510-180000-beef", T0 + timedelta(days=4))
    later.rounds = later.rounds[:1]
    later.rounds[0].answers = [strong_answer("a01", T0 + timedelta(days=4)), strong_answer("a02", T0 + timedelta(days=4))]
    ledger = record_round(record_round(Ledger(), first, RUBRICS), later, RUBRICS)
    progress = analyse_progress([later, first], RUBRICS, ledger)
    assert [(p.session_id, p.round_index) for p in progress.points] == [
        (first.id, 1), (first.id, 2), (later.id, 1)
    ]
    assert progress.points[-1].overall == strong_answer().scorecard.overall
    assert progress.points[0].criteria["star.situation"] == 2.0
    assert progress.ledger and sum(progress.ledger_counts.values()) == len(ledger.entries)
    statuses = [row.status for row in progress.ledger]
    assert statuses == sorted(statuses, key=["open", "improving", "resolved"].index)

    overall_svg, criteria_svg = progress_charts(progress)
    points = re.findall(r'points="([^"]+)"', overall_svg)[0].split()
    assert len(points) == 3
    assert criteria_svg.count('class="series"') == len(progress.criteria)

    # each area followed from answer to answer on its own scale (a planned round's mean alone read as getting worse)
    task = next(row for row in progress.ledger if row.name.endswith("Task"))
    levels = [c.score for s in (first, later) for r in s.rounds for a in r.answers if a.scorecard is not None
              and (c := a.scorecard.criterion("star.task")) is not None and c.applies]
    assert task.scores and task.scores == levels[-len(task.scores):] and task.trend.endswith(f"{levels[-1]}/4")

    md = render_progress(progress, "md")
    check_snapshot("progress_report.md", md)
    assert "the ledger's Scores follow each area" in md
    assert "## Weakness ledger" in md and "| 05-06 R1 |" in md
    html = render_progress(progress, "html")
    assert html.count("<svg") == 2 and 'id="ledger"' in html
    assert json.loads(render_progress(progress, "json"))["progress"]["points"][0]["round_index"] == 1


def test_empty_progress_and_empty_ledger():
    from mockint.reporting.analysis import analyse_progress
    from mockint.reporting.render import render_progress

    progress = analyse_progress([], RUBRICS, None)
    html = render_progress(progress, "html")
    assert "No scored rounds yet." in html and "<svg" not in html
    assert "The ledger is empty" in render_progress(progress, "md")


# --- the CLI -----------------------------------------------------------------------------


@pytest.fixture
def stored_session(mockint_home, audio_dir) -> tuple[SessionStore, Session]:
    from mockint.config import load_settings

    st = SessionStore(load_settings().paths.sessions_dir)
    session = fixture_session()
    st.folder(session.id).mkdir(parents=True)
    st.save(session)
    shutil.copy(audio_dir / "lj_LJ001-0001_to_0008.wav", st.folder(session.id) / "a01.wav")
    return st, session


def test_cli_writes_markdown_into_the_session_folder(stored_session, run_cli):
    st, session = stored_session
    res = run_cli("report", "latest")
    assert res.code == 0, res
    path = st.folder(session.id) / "report.md"
    assert f"wrote {path}" in " ".join(res.out.split())
    assert path.read_text(encoding="utf-8").startswith(f"# Mock interview report: {session.id}")


def test_cli_output_to_a_new_folder_and_under_a_file_says_what_it_did(stored_session, run_cli, tmp_path):
    # trial 23: "-o reports/newdir/" wrote a file named "newdir"; "-o afile/r.md" said only "File exists"
    _st, session = stored_session
    res = run_cli("report", session.id, "-o", f"{tmp_path / 'newdir'}/")
    assert res.code == 0, res
    assert (tmp_path / "newdir" / "report.md").read_text(encoding="utf-8").startswith("# Mock interview report")
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    res = run_cli("report", session.id, "-o", str(tmp_path / "afile" / "r.md"))
    assert res.code == 1 and "afile is a file, not a folder" in " ".join(res.err.split()), res
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "not a folder"


def test_cli_html_links_audio_relative_to_where_the_report_is(stored_session, run_cli, tmp_path):
    st, session = stored_session
    assert run_cli("report", session.id[:8], "--format", "html").code == 0
    html = (st.folder(session.id) / "report.html").read_text(encoding="utf-8")
    assert 'id="audio-a01" controls preload="metadata" src="a01.wav"' in html
    assert 'id="audio-a02"' not in html  # its file does not exist

    out = tmp_path / "elsewhere" / "r.html"
    out.parent.mkdir()
    assert run_cli("report", session.id, "-f", "html", "-o", str(out)).code == 0
    src = re.search(r'id="audio-a01" controls preload="metadata" src="([^"]+)"', out.read_text()).group(1)
    assert not src.startswith("/")
    assert (out.parent / src).resolve() == (st.folder(session.id) / "a01.wav").resolve()

    embedded = tmp_path / "embedded.html"
    assert run_cli("report", session.id, "-f", "html", "-o", str(embedded), "--embed-audio").code == 0
    src = re.search(r'id="audio-a01" controls preload="metadata" src="([^"]+)"', embedded.read_text()).group(1)
    assert src.startswith("data:audio/wav;base64,UklGR")  # "RIFF"


def test_cli_json_to_stdout_and_progress(stored_session, run_cli):
    st, session = stored_session
    res = run_cli("report", session.id, "--format", "json", "-o", "-")
    assert res.code == 0, res
    assert Session.model_validate(json.loads(res.out)["session"]).id == session.id

    res = run_cli("report", "--progress", "--format", "html")
    assert res.code == 0, res
    html = (st.root / "progress.html").read_text(encoding="utf-8")
    assert "<polyline" in html and "Weakness ledger" in html


def test_cli_errors_are_one_line(stored_session, run_cli):
    res = run_cli("report", "nope")
    assert res.code == 1 and "no session 'nope'" in res.err and "Traceback" not in res.err
    res = run_cli("report", "latest", "--format", "pdf")
    assert res.code != 0 and "unknown format 'pdf'" in res.err


def test_a_broken_bank_leaves_out_only_the_bank_parts_in_both_report_paths(stored_session, run_cli, monkeypatch):
    """`mockint report` and the end of a practice round write the report the same way: a bank
    that does not load costs the questions to ask and proof points, with a warning, not the report."""
    import mockint.reporting.files
    from mockint.config import load_settings
    from mockint.errors import DataFileError
    from mockint.practice import Practice, PracticeEvents
    from mockint.reporting.render import md_escape

    def broken_bank():
        raise DataFileError("questions.yaml: not valid YAML at line 3")

    st, session = stored_session
    expectations = next(q.text for q in BANK.questions_to_ask if q.topic == "expectations")
    assert run_cli("report", session.id).code == 0
    assert md_escape(expectations) in (st.folder(session.id) / "report.md").read_text(encoding="utf-8")

    monkeypatch.setattr(mockint.reporting.files, "load_bank", broken_bank)
    res = run_cli("report", session.id)
    assert res.code == 0, res
    assert "warning: questions.yaml: not valid YAML at line 3; questions to ask and proof points are left out" in " ".join(res.err.split())
    from_cli = (st.folder(session.id) / "report.md").read_text(encoding="utf-8")
    assert "Thank-you note draft" in from_cli and md_escape(expectations) not in from_cli

    events, warnings = PracticeEvents(), []
    events.on_warning = warnings.append
    (st.folder(session.id) / "report.md").unlink()
    path = Practice(load_settings(), st, events=events).write_report(session)
    assert path == st.folder(session.id) / "report.md"
    assert path.read_text(encoding="utf-8") == from_cli
    assert (st.folder(session.id) / "report.html").is_file()
    assert warnings == ["questions.yaml: not valid YAML at line 3; questions to ask and proof points are left out"]


def test_numbers_whisper_split_read_as_one_in_the_transcript():
    from mockint.reporting.analysis import transcript_spans

    words = ["we", "refunded", "$40", ",000", "and", "cut", "errors", "to", "4", ".5%"]
    transcript = timed_transcript(words, text="we refunded $40,000 and cut errors to 4.5%", step=0.5, length=0.4)
    spans = transcript_spans(transcript, [])
    assert " ".join(s.text for s in spans) == "we refunded $40,000 and cut errors to 4.5%"


def test_prep_names_real_topics_never_words_out_of_the_transcript():
    from mockint.coaching.prep import build_prep

    text = (
        "On the ward that weekend the cardiac patient's chart was wrong, so I wrote a report. "
        "The ward report went to the cardiac team and the chart was fixed before the weekend ended."
    )
    answers = [
        Answer(id=f"a0{i}", question=bank_ref(qid), status="transcribed", transcript=Transcript(text=text, duration=0.0))
        for i, qid in enumerate(("beh.conflict", "beh.failure"), 1)
    ]
    prep = build_prep(answers, bank=BANK, weak=[], rubrics=RUBRICS, role="Staff nurse")
    written = " ".join([*prep.topics, prep.thank_you, *(q.text for q in prep.questions_to_ask)]).lower()
    assert not re.search(r"\b(ward|report|weekend|cardiac|chart)\b", written), written
    themes = [BANK.competency_name(c) for c in bank_ref("beh.conflict").competencies[:1]]
    assert themes[0] in prep.topics
    assert f"I especially enjoyed discussing {themes[0][:1].lower() + themes[0][1:]}" in prep.thank_you


def test_a_round_of_typed_questions_is_not_summed_up_by_its_one_bank_question():
    """Trial 16: fourteen typed questions on supervision, prescribers and controlled drugs; the report said "Topics the
    questions covered: Learning from failure, Self-awareness" (its one bank question's) and thanked for those."""
    from mockint.coaching.prep import build_prep
    from mockint.coaching.questions import question_ref

    typed = ["Tell me about a time you disagreed with a prescriber.", "What would you do if you found a discrepancy in "
             "the controlled drugs register?", "How do you promote equality, diversity and inclusion in your team?"]
    refs = [question_ref(q, BANK) for q in typed] + [bank_ref("beh.failure")]
    answers = [Answer(id=f"a0{i}", question=ref, status="transcribed", transcript=Transcript(text="We did it.", duration=0.0))
               for i, ref in enumerate(refs, 1)]
    prep = build_prep(answers, bank=BANK, weak=[], rubrics=RUBRICS, role=None)
    assert prep.topics == [] and "I especially enjoyed discussing [a topic you discussed]." in prep.thank_you
    # ... where most of the round's questions are the bank's, their competencies are its topics
    mostly_bank = build_prep(answers[2:] + [answers[3].model_copy(update={"id": "a05"})], bank=BANK, weak=[],
                             rubrics=RUBRICS, role=None)
    assert mostly_bank.topics and "[a topic you discussed]" not in mostly_bank.thank_you


def test_the_thank_you_note_speaks_as_the_candidate_and_asks_about_concerns_only_for_content():
    """Trial 4: "I especially enjoyed discussing leadership and initiative and what you bring", and
    "Your answers were weakest on Speaking pace" as the reason to ask the interviewer about concerns."""
    from mockint.coaching.prep import build_prep
    from mockint.coaching.weakness import WeakArea

    answers = [
        Answer(id=f"a0{i}", question=bank_ref(qid), status="transcribed", transcript=Transcript(text="We did it.", duration=0.0))
        for i, qid in enumerate(("fit.what_you_bring", "fit.best_fit", "beh.leadership"), 1)
    ]
    assert "value_proposition" in answers[0].question.competencies
    pace = WeakArea(id="delivery.pace", kind="delivery", name="Speaking pace", count=4)
    task = WeakArea(id="star.task", kind="criterion", name="STAR structure: Task", count=2)
    prep = build_prep(answers, bank=BANK, weak=[pace, task], rubrics=RUBRICS, role="Head of Science")
    assert "what I bring" in prep.thank_you and "what you bring" not in prep.thank_you
    reasons = " ".join(q.because or "" for q in prep.questions_to_ask)
    assert "Speaking pace" not in reasons and "STAR structure: Task" in reasons
    only_pace = build_prep(answers, bank=BANK, weak=[pace], rubrics=RUBRICS, role="Head of Science")
    assert "weakest on" not in " ".join(q.because or "" for q in only_pace.questions_to_ask)

    # a reason that says what the question's own `why` says, again, is none (trial 21: "... thank-you note and follow-up")
    from mockint.coaching.prep import questions_to_ask

    asked = questions_to_ask([], BANK, [], [], limit=10)
    assert any("thank-you" in (q.why or "") for q in asked)
    assert not any(q.because and "thank-you" in q.because for q in asked), asked


def test_the_thank_you_note_never_quotes_mockints_own_drill_as_the_interviewers_question():
    """Trial 9's round-two draft: 'Thinking back on your question "In your first interview they kept coming back to one
    topic: health scores..."' - a plan's question, not the interviewer's."""
    from mockint.coaching.prep import thank_you_note
    from mockint.coaching.weakness import WeakArea, WeakEvidence

    drill = QuestionRef(id="fu.topic_health_scores", text="In your first interview they kept coming back to one topic: "
                        "health scores. What would you tell them now?", category="first_round_probe", source="followup")
    answers = [Answer(id="a01", question=drill, status="transcribed", transcript=Transcript(text="We did it.", duration=0.0)),
               Answer(id="a02", question=bank_ref("beh.conflict"), status="transcribed",
                      transcript=Transcript(text="We did it.", duration=0.0))]
    area = WeakArea(id="star.task", kind="criterion", name="STAR structure: Task", count=2, evidence=[
        WeakEvidence(answer_id=a.id, question_id=a.question.id, question=a.question.text, score=0, threshold=2)
        for a in answers])
    note = thank_you_note(role=None, themes=[], weak=[area], answers=answers)
    assert "kept coming back" not in note and answers[1].question.text in note
    # ... nor a practice question as the panel's (trial 44): it is a hint inside the placeholder
    assert "Thinking back on [a question they asked you]" in note and "your question" not in note
    assert f'In practice this showed on "{answers[1].question.text}".]' in note


def test_an_overall_a_gate_capped_says_why_in_both_formats():
    from mockint.reporting.render import render_session

    session = fixture_session()
    answer = session.rounds[0].answers[0]
    answer.scorecard = answer.scorecard.model_copy(
        update={"overall": 40.0, "band": "developing", "overall_capped": "Relevance 1 of 4: it does not answer the question asked"})
    for fmt in ("md", "html"):
        assert "(capped: Relevance 1 of 4: it does not answer the question asked)" in render_session(session, analyse(session), fmt)


GIL_WRONG = (
    "The GIL lets Python threads run in parallel across all cores, so CPU-bound work scales with threads "
    "because each thread gets its own interpreter lock and the scheduler spreads them over every core."
)


def test_a_technical_answer_judged_offline_says_correctness_was_not_checked():
    from mockint.config import load_settings
    from mockint.reporting.analysis import analyse_session
    from mockint.reporting.render import render_session
    from mockint.scoring import get_scorer, score_question

    rubrics = load_rubrics()
    caveat = next(c for r in rubrics if r.id == "technical" for c in r.criteria if c.id == "accuracy").offline_caveat
    assert caveat and "not whether it is correct" in caveat  # the words live in rubrics/technical.yaml
    question = "Explain how the GIL affects multithreaded Python code."
    scorer = get_scorer(load_settings(), offline=True)
    technical = score_question(scorer, question, Transcript(text=GIL_WRONG, duration=0.0), rubrics)
    story = score_question(scorer, "Tell me about a time you fixed an outage.", Transcript(text=GIL_WRONG, duration=0.0), rubrics)
    session = Session(id="20240506-093000-beef", created_at=T0, role="Python developer")
    rnd = session.new_round()
    for i, (text, sc) in enumerate([(question, technical), ("Tell me about a time you fixed an outage.", story)], 1):
        ref = QuestionRef(id=f"custom.{i}", text=text, source="custom", criteria=[c.key for c in sc.criteria if c.applies])
        rnd.answers.append(Answer(id=f"a0{i}", question=ref, status="scored",
                                  transcript=Transcript(text=GIL_WRONG, duration=0.0), scorecard=sc))
    analysis = analyse_session(session, rubrics, bank=BANK)
    views = analysis.rounds[0].answers
    assert views[0].caveats == [f"Correct and specific: {caveat}"] and views[1].caveats == []
    # the band says so where the score is shown, as the card does (a trial's unsafe plan: "86.7 (strong)" in the report)
    assert views[0].band.endswith(", if it is right: not checked offline") and views[1].band == story.band
    assert "**Note:** Correct and specific: offline scoring reads how specific" in render_session(session, analysis, "md")
    assert "<strong>Note:</strong> Correct and specific: offline scoring reads" in render_session(session, analysis, "html")
    # An LLM's card whose levels count (blend "mean") checked the facts: no note. Under the default
    # blend the levels are the cues' own, and the note stays.
    from mockint.scoring.blend import BLEND_RULES

    for rule, noted in (("mean", False), ("cues", True)):
        llm_card = technical.model_copy(update={"scorer": "llm", "model": "m", "checked_by": f"offline cues: {BLEND_RULES[rule][1]}",
                                                  "blend_rule": rule})
        rnd.answers[0] = rnd.answers[0].model_copy(update={"scorecard": llm_card})
        assert bool(analyse_session(session, rubrics, bank=BANK).rounds[0].answers[0].caveats) is noted, rule


def test_a_situational_answer_judged_offline_says_soundness_was_not_checked():
    from mockint.config import load_settings
    from mockint.scoring import get_scorer, score_question
    from mockint.scoring.blend import offline_caveats

    rubrics = load_rubrics()
    spec = next(c for r in rubrics if r.id == "situational" for c in r.criteria if c.id == "judgement")
    assert spec.offline_caveat and "not whether they are sound" in spec.offline_caveat  # rubrics/situational.yaml
    question = "What would you do if a customer brought in a prescription you suspected was forged?"

    def caveats(answer: str) -> list[str]:
        card = score_question(get_scorer(load_settings(), offline=True), question, Transcript(text=answer, duration=0.0), rubrics)
        return offline_caveats(card, rubrics)

    assert caveats("I'd keep hold of the prescription and tell the customer there's a short wait, then I'd ring the "
                   "surgery on the number from the directory to check it, because the safety of the patient comes "
                   "first, and I'd tell the pharmacist before anything is handed out.")[-1] == f"Judgement: {spec.offline_caveat}"
    # ... and its steps, which read as concrete whether or not they are the right ones (a head teacher's trial: an unsafe
    # disclosure plan scored 80, strong, with no word that its steps were unchecked)
    plan = next(c for r in rubrics if r.id == "situational" for c in r.criteria if c.id == "plan")
    assert caveats("I'd keep hold of the prescription and tell the customer there's a short wait, then I'd ring the "
                   "surgery on the number from the directory to check it.")[0] == f"Concrete plan: {plan.offline_caveat}"
    # a plan already read as unsound is not told it "can still read as good judgement" (trial 16)
    assert caveats("Honestly I'd just dispense it. The customer is always right and it's not my job "
                   "to police doctors, I'd fill it, smile, and move on.") == []


def test_the_report_asks_the_interviewer_about_the_teams_work_and_names_no_rubric_area_in_the_thank_you():
    """Trial 22: "What does good motivation look like in this team?" among the questions to ask, and a thank-you draft
    that said "Thinking back on specificity: Real past example" where no question of the interviewer's showed it."""
    from mockint.coaching.prep import questions_to_ask, thank_you_note
    from mockint.coaching.weakness import WeakArea

    asked = [q.text for q in questions_to_ask([], BANK, [], ["Motivation", "Career goals", "Leadership and initiative"])]
    assert not any("motivation" in text.lower() or "career goals" in text.lower() for text in asked), asked
    assert any("leadership and initiative" in text.lower() for text in asked), asked
    area = WeakArea(id="specificity.real_example", kind="criterion", name="Specificity: Real past example", count=2)
    note = thank_you_note(role=None, themes=[], weak=[area], answers=[])
    assert "Thinking back on [a question they asked you]" in note and "Specificity" not in note and "specificity" not in note
