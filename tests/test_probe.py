"""Probing follow-ups inside the session (coaching/probe.py, the ledger's 'needed a prompt', practice --probes).

The pure tests use hand-built scorecards (test_weakness helpers); the practice test runs the
bundled sample answers through Whisper and the offline scorer.
"""

from __future__ import annotations

import json

import pytest

from mockint.coaching.plan import quote_in
from mockint.coaching.probe import choose_probe, combined_transcript
from mockint.coaching.weakness import Ledger, record_round
from mockint.records import Transcript, Word
from mockint.scoring.evidence import verify_quote
from tests.test_weakness import CRITERIA, RUBRICS, make_answer, make_session

STORY = (
    "We had a big launch for an important client at my last company. "
    "We all worked together and we had a lot of meetings. In the end the client was happy."
)


def test_no_probe_when_the_answer_shows_what_its_question_asks_for():
    answer = make_answer("a01", "beh.teamwork_goal", text=STORY)  # every criterion at its bar
    assert choose_probe(answer, RUBRICS) is None


def test_no_probe_for_a_weak_criterion_the_question_does_not_ask_for():
    answer = make_answer("a01", "mot.why_us", {"star.result": 0}, text=STORY, criteria=["star.task", "star.action"])
    assert choose_probe(answer, RUBRICS) is None
    asked = make_answer("a01", "beh.x", {"star.result": 0}, text=STORY, criteria=["star.task", "star.result"])
    probe = choose_probe(asked, RUBRICS)
    assert probe is not None and probe.targets == "star.result"


def test_probe_targets_the_weakest_criterion_and_quotes_the_candidates_own_words():
    answer = make_answer("a01", "beh.teamwork_goal", {"star.result": 1, "star.task": 0}, text=STORY)
    probe = choose_probe(answer, RUBRICS)
    assert probe is not None
    assert probe.targets == "star.task"  # 0/4 is further below the bar than 1/4
    assert probe.source == "followup" and probe.category == "probe"
    quoted = probe.text.split('"')[1]
    assert quote_in(quoted, STORY), probe.text
    # The rubric's per-criterion template (rubrics/star.yaml), not generic wording.
    assert "responsible for" in probe.text


def test_probe_never_repeats_a_question_already_asked():
    answer = make_answer("a01", "beh.teamwork_goal", {"star.result": 1, "star.task": 0}, text=STORY)
    first = choose_probe(answer, RUBRICS)
    assert first is not None
    second = choose_probe(answer, RUBRICS, asked=[first.text])
    assert second is not None and second.targets != first.targets and second.text != first.text
    assert choose_probe(answer, RUBRICS, asked=[first.text, second.text]) is None


def test_focus_criteria_are_probed_first():
    answer = make_answer("a01", "beh.teamwork_goal", {"star.result": 1, "star.task": 0}, text=STORY)
    probe = choose_probe(answer, RUBRICS, prefer=["star.result"])
    assert probe is not None and probe.targets == "star.result"


def test_combined_transcript_keeps_both_answers_in_order_with_shifted_times():
    first = Transcript(text="I led it.", words=[Word(word="I", start=0.0, end=0.2)], duration=5.0)
    second = Transcript(text="It saved 3 days.", words=[Word(word="It", start=0.5, end=0.7)], duration=4.0)
    both = combined_transcript(first, second)
    assert both.text == "I led it. It saved 3 days."
    assert [w.start for w in both.words] == [0.0, 6.5]
    assert both.duration == 10.0


def _probed_session(combined_task: int):
    parent = make_answer("a01", "beh.teamwork_goal", {"star.task": 0}, text=STORY)
    probe_q = choose_probe(parent, RUBRICS)
    probe = make_answer("a02", "unused", {"star.task": combined_task}, text="I was responsible for onboarding.")
    probe.question = probe_q
    probe.probe_of = "a01"
    return make_session([parent, probe])


@pytest.mark.parametrize(("combined_task", "shown", "note"), [(3, True, "needed a prompt"), (0, False, "not shown even after a prompt")])
def test_ledger_records_that_the_point_needed_a_prompt(combined_task, shown, note):
    session = _probed_session(combined_task)
    tracked = Ledger()
    ledger = record_round(tracked, session, RUBRICS)
    (point,) = ledger.prompted
    assert (point.answer_id, point.probe_id, point.area) == ("a01", "a02", "star.task")
    assert point.first_score == 0 and point.score == combined_task
    assert point.shown is shown and point.note == note
    # Idempotent: recording again adds nothing.
    assert record_round(ledger, session, RUBRICS).prompted == ledger.prompted


def test_a_weak_area_counts_as_shown_only_when_the_first_answer_showed_it():
    # The area is tracked; the first answer is weak, the combined answer passes.
    earlier = make_session(
        [make_answer("a01", "beh.x", {"star.task": 0}, text=STORY), make_answer("a02", "beh.y", {"star.task": 1}, text=STORY)],
        session_id="s0",
    )
    tracked = record_round(Ledger(), earlier, RUBRICS)
    assert "star.task" in tracked.entries
    ledger = record_round(tracked, _probed_session(3), RUBRICS)
    entry = ledger.entries["star.task"]
    assert entry.status == "open", "a pass after a prompt is not a pass"
    outcomes = [(e.answer_id, e.outcome, e.note) for e in entry.history if e.session_id == "20250106-090000-abcd"]
    assert outcomes == [("a01", "weak", ""), ("a02", "prompted", "needed a prompt")]
    # The probe answer is not assessed as an answer of its own: no pass for it.
    assert all(e.outcome != "pass" for e in entry.history)


def test_probe_answers_stay_out_of_the_round_means():
    from mockint.reporting.analysis import analyse_round, mean_overall

    session = _probed_session(3)
    rnd = session.rounds[0]
    parent = rnd.answers[0]
    assert mean_overall(rnd.answers) == parent.scorecard.overall
    view = analyse_round(session, rnd, RUBRICS)
    probe_view = view.answers[1]
    assert probe_view.probe_of == "a01" and probe_view.first_overall == parent.scorecard.overall
    assert probe_view.prompted == [f"{CRITERIA['star.task'].name} 0/4 → 3/4"]


def test_the_round_mean_says_it_leaves_the_follow_up_out_and_what_counting_it_gives():
    from mockint.reporting.analysis import analyse_session, mean_basis, mean_overall
    from mockint.reporting.render import render_session

    session = _probed_session(3)
    rnd = session.rounds[0]
    parent, probe = rnd.answers
    other = make_answer("a03", "beh.conflict", text=STORY)
    rnd.answers.append(other)
    assert probe.scorecard.overall != parent.scorecard.overall  # the follow-up moved the story's score
    basis = mean_basis(rnd.answers)
    with_probe = round((probe.scorecard.overall + other.scorecard.overall) / 2, 1)
    assert "first given" in basis and f"{with_probe:g}/100" in basis
    assert f"{parent.scorecard.overall:g} → {probe.scorecard.overall:g}" in basis
    assert mean_overall(rnd.answers) == round((parent.scorecard.overall + other.scorecard.overall) / 2, 1)
    analysis = analyse_session(session, RUBRICS)
    assert analysis.overall_basis == basis and analysis.rounds[0].overall_basis == basis
    for fmt in ("md", "html"):
        assert f"{with_probe:g}/100" in render_session(session, analysis, fmt), fmt
    # Without a scored follow-up there is nothing to explain.
    assert mean_basis([parent, other]) == ""


PROUD_DISASTER = (
    "last year I led the move of our warehouse to the new scanning system and I pushed it live in one weekend, "
    "which nobody thought was possible. in the first month we lost our biggest customer and two of my pickers "
    "resigned, and our error rate went from 2 percent to 9 percent, but I stuck to the plan and I'm really proud "
    "of how fast I moved."
)


@pytest.mark.parametrize("result_score", [1, 3])  # the bad-outcome ceiling applied, or the result credited anyway
def test_a_disaster_told_proudly_is_asked_what_they_would_do_differently(result_score):
    from mockint.scoring.offline import bad_outcomes

    result_spec = CRITERIA["star.result"]
    scores = {"star.result": result_score, "specificity.quantified_impact": 1}
    quotes = {"star.result": ["and our error rate went from 2 percent to 9 percent"],
              "specificity.quantified_impact": ["and our error rate went from 2 percent to 9 percent"]}
    answer = make_answer("a01", "beh.change", scores, text=PROUD_DISASTER, quotes=quotes)
    probe = choose_probe(answer, RUBRICS)
    assert probe is not None and probe.targets == "star.result", probe
    quoted = probe.text.split('"')[1]
    assert quote_in(quoted, PROUD_DISASTER) and bad_outcomes(quoted.lower()) > 0, probe.text
    assert probe.text == result_spec.followup_bad_outcome.format(quote=quoted, question=answer.question.text)
    assert result_spec.followup_measured.split('"')[-1] not in probe.text  # not "how did you measure that?"


def test_a_bad_outcome_with_its_lesson_told_gets_no_lesson_probe():
    told = PROUD_DISASTER.replace("but I stuck to the plan and I'm really proud of how fast I moved",
                                  "and looking back I should have run the old system alongside for a month")
    answer = make_answer("a01", "beh.change", text=told)  # every criterion at its bar
    assert choose_probe(answer, RUBRICS) is None
    # Nor for a story that ends well.
    assert choose_probe(make_answer("a01", "beh.change", text=STORY), RUBRICS) is None


# A reply that gives the figure before and after (a new-user trial: the panel then asked it "How did you
# measure that, and what was the figure before you started?").
BEFORE_AFTER = "Support tickets went from 120 a week to 70 a week after the launch."


def test_a_before_and_after_is_not_asked_for_the_figure_before():
    measured = CRITERIA["star.result"].followup_measured
    answer = make_answer("a01", "beh.teamwork_goal", {"star.result": 2}, text=f"{STORY} {BEFORE_AFTER}",
                         quotes={"star.result": [BEFORE_AFTER]})
    probe = choose_probe(answer, RUBRICS)
    assert probe is not None and probe.targets == "star.result", probe
    assert probe.text.split('"')[1] == BEFORE_AFTER.rstrip(".")
    assert measured.split('"')[-1] not in probe.text, probe.text  # the figure before is given
    # It asks what the result still lacks (rubrics/star.yaml `followup_changed`): the candidate's part and the lesson.
    assert probe.text == CRITERIA["star.result"].followup_changed.format(quote=BEFORE_AFTER.rstrip("."))
    # A criterion with no words for it asks nothing of that quote: the probe goes to another criterion.
    sized = make_answer("a01", "beh.teamwork_goal", {"specificity.quantified_impact": 1, "star.task": 1},
                        text=f"{STORY} {BEFORE_AFTER}", quotes={"specificity.quantified_impact": [BEFORE_AFTER]})
    probe = choose_probe(sized, RUBRICS, prefer=["specificity.quantified_impact"])
    assert probe is not None and probe.targets == "star.task", probe


def test_the_panels_next_question_on_a_before_and_after_reply_asks_what_is_missing():
    """The trial's case end to end with the real offline scorer: a before/after told plainly is the story's result
    (since stop 30's refit, 3/4), and where a hedged one leaves it weak, what the panelist would ask next must not be
    the figure it just gave."""
    from mockint.coaching.questions import load_bank
    from mockint.records import QuestionRef
    from mockint.scoring import score_question
    from mockint.scoring.offline import OfflineScorer

    def timed(text):
        words = [Word(word=w, start=i * 0.4, end=i * 0.4 + 0.3) for i, w in enumerate(text.split())]
        return Transcript(text=text, words=words, duration=len(words) * 0.4)

    question: QuestionRef = load_bank().get("beh.teamwork_goal").ref()
    story = timed(STORY)
    def probe_after(reply: str):
        both = combined_transcript(story, timed(reply))
        card = score_question(OfflineScorer(), question, both, RUBRICS)
        judged = make_answer("a01", "beh.teamwork_goal", text=STORY)
        judged = judged.model_copy(update={"question": question, "transcript": both, "scorecard": card})
        return card.criterion("star.result").score, choose_probe(judged, RUBRICS, only=["star.result"])

    # Told plainly, the before and after is the result (rubrics/star.yaml level 3, a measured outcome): nothing to ask.
    score, probe = probe_after(BEFORE_AFTER)
    assert score >= CRITERIA["star.result"].weak_below and probe is None
    # Hedged, it leaves the result weak, and what is asked next is what is missing, not the figure it just gave.
    score, probe = probe_after(BEFORE_AFTER.replace("after the launch.", "after that, I think."))
    assert score < CRITERIA["star.result"].weak_below and probe is not None
    assert "figure before" not in probe.text and "in numbers" not in probe.text, probe.text


@pytest.mark.slow
def test_practice_asks_a_probe_between_answers_and_records_it(mockint_home):
    """vague_we is weak; its probe is answered by strong_star's recording; strong_star needs none."""
    from mockint.config import load_settings
    from mockint.practice import AnswerFile, Practice, PracticeEvents, PracticeOptions
    from mockint.samples import load_samples
    from mockint.session import SessionStore

    class Events(PracticeEvents):
        def __init__(self):
            self.probes = []

        def on_probe(self, parent, question):
            self.probes.append((parent.id, question))

    samples = {s.id: s for s in load_samples()}
    cfg = load_settings()
    store = SessionStore(cfg.paths.sessions_dir)
    events = Events()
    practice = Practice(cfg, store, events=events)
    options = PracticeOptions(
        answers_from=[
            AnswerFile(samples["vague_we"].path, "beh.teamwork_goal"),
            AnswerFile(samples["strong_star"].path, "probe"),
            AnswerFile(samples["strong_star"].path, "beh.tight_deadline"),
            AnswerFile(samples["no_result"].path, "probe"),  # not needed: strong_star shows it all
        ],
        think_seconds=0, offline=True, write_report=True,
    )
    session = practice.start(options)
    summary = practice.run(session, options)
    saved = store.load(session.id)
    by_q = {a.question.id: a for a in saved.answers}
    parent, strong = by_q["beh.teamwork_goal"], by_q["beh.tight_deadline"]
    (probe,) = [a for a in saved.answers if a.probe_of]
    assert [p for p, _ in events.probes] == [parent.id]
    assert probe.probe_of == parent.id and probe.question.source == "followup"
    quoted = probe.question.text.split('"')[1]
    assert quote_in(quoted, parent.transcript.text)
    assert "probe_ready" in parent.latency and parent.latency["probe_ready"] >= parent.latency["feedback_ready"]
    assert "probe_ready" not in strong.latency
    # Judged together on the parent's question: better than the first answer alone.
    assert probe.scorecard.overall > parent.scorecard.overall
    assert probe.scorecard.criterion(probe.question.targets).applies
    assert summary.mean_overall == round((parent.scorecard.overall + strong.scorecard.overall) / 2, 1)
    report = (store.folder(session.id) / "report.md").read_text()
    assert f"Follow-up on {parent.id}" in report
    ledger = json.loads(cfg.paths.ledger_file.read_text())
    assert [(p["answer_id"], p["probe_id"]) for p in ledger["prompted"]] == [(parent.id, probe.id)]


def _timed(text: str, start: float = 0.0) -> Transcript:
    words = [Word(word=w, start=start + i * 0.5, end=start + i * 0.5 + 0.4) for i, w in enumerate(text.split())]
    return Transcript(text=text, words=words, duration=start + len(words) * 0.5)


def test_a_probe_answers_quotes_seek_into_its_own_recording():
    """The probe's card judged parent + probe (times shifted after the parent's); in the probe's
    view a quote from the probe plays from the probe's audio, and one from the parent does not
    highlight the probe's words that happen to sit at the same times."""
    from mockint.reporting.analysis import analyse_round

    reply = "I was responsible for onboarding the three new hires myself."
    parent_quote = "We had a big launch for an important client"
    session = _probed_session(3)
    parent, probe = session.rounds[0].answers
    parent.transcript = _timed(STORY)
    probe.transcript = _timed(reply)
    combined = combined_transcript(parent.transcript, probe.transcript)
    (task,) = [c for c in probe.scorecard.criteria if c.key == "star.task"]
    (situation,) = [c for c in probe.scorecard.criteria if c.key == "star.situation"]
    task.evidence = [verify_quote(reply, combined)]
    situation.evidence = [verify_quote(parent_quote, combined)]
    assert task.evidence[0].start > probe.transcript.duration  # judged on the joined story

    view = analyse_round(session, session.rounds[0], RUBRICS).answers[1]
    rows = {r.key: r for r in view.criteria}
    assert rows["star.task"].quote_start == 0.0
    assert rows["star.situation"].quote == parent_quote and rows["star.situation"].quote_start is None
    parts = {h.part: (h.first_unit, h.last_unit, h.start) for h in view.highlights}
    assert parts == {"task": (0, len(reply.split()) - 1, 0.0)}


@pytest.mark.parametrize("question, answer, asks", [
    # a signalling technician's trial: an answer that tells no story was asked "what exactly did you do, and what was
    # the result?", a past story's follow-up, where its criterion had none of its own (rubrics/technical.yaml's now)
    ("How does a track circuit detect a train, and how does it fail safe?",
     "It's basically a circuit on the rails and the train affects it somehow, and then the signal knows. If something "
     "goes wrong the system sorts itself out, it's all designed to be safe.", "what would go wrong"),
])
def test_a_probe_on_an_answer_that_tells_no_story_asks_what_its_kind_asks_for(question, answer, asks):
    from mockint.records import QuestionRef
    from mockint.scoring import score_question
    from mockint.scoring.kinds import classify
    from mockint.scoring.offline import OfflineScorer
    from mockint.scoring.rubrics import load_rubrics

    transcript = Transcript(text=answer, duration=30.0)
    rubrics = load_rubrics()
    card = score_question(OfflineScorer(), question, transcript, rubrics)
    ref = QuestionRef(id="custom.q", text=question, kind=classify(question))
    judged = make_answer("a01", "custom.q", text=answer).model_copy(
        update={"question": ref, "transcript": transcript, "scorecard": card})
    probe = choose_probe(judged, rubrics)
    assert probe is not None
    assert "what exactly did you do" not in probe.text and asks in probe.text, probe.text


def test_a_credited_result_with_one_harm_in_its_ending_gets_no_lesson_probe():
    # an HR partner's 90/100 grievance story (Result 3 of 4, "nothing major" to change) was asked "what would you do
    # differently?" of "The grievance was partly upheld", under "Result: weak in 1 of 1 answer (a20 3/4)"
    story = ("In 2023 a driver at our Hull depot raised a grievance about bullying by his shift manager while he was under "
             "a disciplinary for timekeeping. I was the HR business partner. I decided to pause the disciplinary and hear "
             "the grievance first, I wrote the terms of reference, appointed an independent investigator from another "
             "site and met the union rep weekly. The grievance was partly upheld, the warning was reduced to a first "
             "written, and the case closed in 11 weeks against a 16 week site average, with no tribunal claim.")
    answer = make_answer("a20", "beh.conflict", {"star.result": 3}, text=story)
    probe = choose_probe(answer, RUBRICS)
    assert probe is None or "do differently" not in probe.text, probe.text


def test_no_quote_of_a_reply_told_after_its_answer_runs_across_the_two():
    # a support lead's trial: typed answers have no full stop, and "...reopen rate per cohort" + "okay so the real
    # version..." read as one sentence; the reply's card quoted "so I'd watch CSAT and reopen rate per cohort okay"
    from mockint.scoring import score_question
    from mockint.scoring.offline import OfflineScorer
    from mockint.scoring.rubrics import load_rubrics

    first = ("I'd split the queue into three tiers, hire in two waves, and make one senior a quality lead, so I'd watch "
             "CSAT and reopen rate per cohort")
    reply = ("okay so last year I grew my own team from five to nine in seven months. I wrote the headcount case myself "
             "and first response time came back under our eight hour SLA within two months")
    joined = combined_transcript(Transcript(text=first, duration=20.0), Transcript(text=reply, duration=20.0))
    card = score_question(OfflineScorer(), "How would you scale a support team from nine to thirty?", joined,
                          load_rubrics())
    quotes = [e.quote for c in card.criteria for e in c.evidence]
    assert quotes
    norm = lambda s: " ".join(s.lower().replace(".", "").split())  # noqa: E731
    assert all(norm(q) in norm(first) or norm(q) in norm(reply) for q in quotes), quotes
