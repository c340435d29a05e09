"""A reply to a plan follow-up is judged as a reply: on what the follow-up asks for, told after
the answer it quotes (practice.judged_as), the same in practice, `score --session` and
`score --text` (a new-user trial's finding: the plan's own follow-ups, answered exactly as asked,
were scored weak, and the progress chart read the round as a collapse).

Real offline scorer, typed transcripts (no audio: Practice.process_recorded scores an answer
saved as transcribed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockint.coaching.ledger import load_ledger, record_session
from mockint.coaching.plan import followed_answer_id, offline_followup
from mockint.coaching.questions import load_bank
from mockint.coaching.weakness import find_weak_areas
from mockint.config import load_settings
from mockint.practice import Practice, judged_as
from mockint.records import QuestionRef, Transcript, Word
from mockint.scoring import get_scorer, score_question
from mockint.scoring.rubrics import load_rubrics
from mockint.session import Answer, Session, SessionStore

BANK = load_bank()
RUBRICS = load_rubrics()

# The trial's story (a ward manager) and its replies to the plan's follow-ups, exactly as asked.
STORY = (
    "On my last ward we had a real problem with delayed discharges over winter. We were all really "
    "committed to making it work and everyone pulled together. We started a daily board round and the "
    "team really got behind it. It was a great team effort and I was really proud of everyone."
)
# The trial's reply, without its "As a result," (which now marks a result however the sentence is
# cut): alone, a figure told before any step still reads as the problem, not the outcome.
RESULT_REPLY = (
    "Delayed discharges fell from about 12 a week to 5, and we stopped having to open "
    "the escalation beds in February for the first time in three winters."
)
CQC_STORY = (
    "In March 2024 we had a CQC visit coming on our 28 bed ward and we had to get everything ready. "
    "We worked really hard as a team and we got it all done in time. It went well in the end."
)
OWNERSHIP_REPLY = (
    "I decided to split the CQC evidence folders by key question, I personally audited all 28 patient "
    "records against the fundamentals of care, and I rewrote our safeguarding board myself."
)
RESULT_FOLLOWUP = 'You said "We were all really committed to making it work": what changed as a result, in numbers?'


def timed(text: str) -> Transcript:
    words = [Word(word=w, start=i * 0.4, end=i * 0.4 + 0.3) for i, w in enumerate(text.split())]
    return Transcript(text=text, words=words, duration=len(words) * 0.4)


def first_round(store: SessionStore) -> Session:
    """Round one, scored offline as practice scores it, with the ledger updated."""
    scorer = get_scorer(load_settings(), offline=True)
    session = store.create(role="Ward manager")
    rnd = session.new_round("bank")
    for question_id, text in (("beh.teamwork_goal", STORY), ("beh.tight_deadline", CQC_STORY)):
        question, transcript = BANK.get(question_id).ref(), timed(text)
        rnd.answers.append(Answer(id=session.next_answer_id(), question=question, status="scored", transcript=transcript,
                                  scorecard=score_question(scorer, question, transcript, RUBRICS)))
    store.save(session)
    record_session(load_settings().paths.ledger_file, session, RUBRICS)
    return session


def followup(session: Session, area_id: str, answer_id: str) -> QuestionRef:
    """The plan's templated follow-up for `area_id` on `answer_id` (plan.offline_followup)."""
    answer = next(a for a in session.answers if a.id == answer_id)
    (area,) = [a for a in find_weak_areas([answer], RUBRICS, min_count=1) if a.id == area_id]
    ref = offline_followup(area, {answer.id: answer}, RUBRICS, session_id=session.id)
    assert ref is not None and ref.follows == f"{session.id}/{answer_id}"
    return ref


def answer_in_practice(store: SessionStore, session: Session, question: QuestionRef, text: str) -> Answer:
    """A plan round's answer, scored by the practice loop as it scores a transcribed answer."""
    rnd = session.rounds[-1] if session.rounds[-1].kind == "plan" else session.new_round("plan")
    rnd.questions.append(question)
    answer = Answer(id=session.next_answer_id(), question=question, status="transcribed", transcript=timed(text))
    rnd.answers.append(answer)
    Practice(load_settings(), store).process_recorded(session, answer, keywords=[], offline=True)
    assert answer.status == "scored", answer.error
    return answer


def applied(answer: Answer) -> dict[str, int]:
    assert answer.scorecard is not None
    return {c.key: c.score for c in answer.scorecard.criteria if c.applies}


def test_the_trials_result_reply_is_judged_told_after_its_story_on_what_was_asked():
    store = SessionStore(load_settings().paths.sessions_dir)
    session = first_round(store)
    story = session.answers[0]
    assert story.scorecard.criterion("star.result").score <= 1  # why the plan follows it up
    question = followup(session, "star.result", "a01")
    reply = answer_in_practice(store, session, question, RESULT_REPLY)
    # Alone, the offline scorer reads the figure as the problem (Result 1/4, overall 28): judged
    # after the story it follows up, it is the story's result.
    alone = score_question(get_scorer(load_settings(), offline=True), question, timed(RESULT_REPLY), RUBRICS)
    assert alone.criterion("star.result").score <= 1
    # "fell from about 12 a week to 5": a before and after, quantified impact's level 4 in rubrics/specificity.yaml
    assert applied(reply) == {"star.result": 3, "specificity.quantified_impact": 4}
    assert reply.scorecard.overall >= 60 > alone.overall
    # Its quotes play from the reply's own recording, not from the story's times shifted.
    for criterion in reply.scorecard.criteria:
        for evidence in criterion.evidence:
            if evidence.start is not None:
                assert evidence.end <= reply.transcript.duration and evidence.quote.split()[0] in RESULT_REPLY


def test_a_reply_is_shown_its_own_words_and_a_mark_part_way_and_at_the_end_is_its_result():
    # trial 13: "At the interim presentation we got 58% ... The final mark was 72%" read as no change (its figures three
    # sentences apart), and the card showed the earlier answer's words as the reply's Result and Quantified impact
    store = SessionStore(load_settings().paths.sessions_dir)
    session = first_round(store)
    question = followup(session, "star.result", "a01")
    said = ("So we lost about a week. At the first audit we got 58% on discharge planning. After that I took the "
            "checklist on myself, and I audited ten records a week with the charge nurses. The final audit score was 72%.")
    reply = answer_in_practice(store, session, question, said)
    assert applied(reply)["star.result"] >= 3 and applied(reply)["specificity.quantified_impact"] >= 3
    for key in ("star.result", "specificity.quantified_impact"):
        assert all(e.quote in said for e in reply.scorecard.criterion(key).evidence), key


def test_a_reply_that_gives_its_own_part_is_not_marked_down_for_the_storys_we():
    store = SessionStore(load_settings().paths.sessions_dir)
    session = first_round(store)
    question = followup(session, "specificity.ownership", "a02")
    assert set(question.criteria) == {"specificity.ownership", "star.action"}
    reply = answer_in_practice(store, session, question, OWNERSHIP_REPLY)
    told_after = score_question(
        get_scorer(load_settings(), offline=True), judged_as(session, reply).question,
        Transcript(text=f"{CQC_STORY} {OWNERSHIP_REPLY}", duration=0.0), RUBRICS,
    )
    # Told after "we worked really hard as a team", the story's "we" may count against it: the reply
    # keeps the better of that reading and its own.
    assert applied(reply)["specificity.ownership"] >= told_after.criterion("specificity.ownership").score
    assert applied(reply)["specificity.ownership"] >= 3 and applied(reply)["star.action"] >= 3


def test_the_ledger_and_progress_read_the_reply_as_a_pass_not_a_collapse():
    from mockint.reporting.analysis import analyse_progress

    cfg = load_settings()
    store = SessionStore(cfg.paths.sessions_dir)
    session = first_round(store)
    answer_in_practice(store, session, followup(session, "star.result", "a01"), RESULT_REPLY)
    store.save(session)
    ledger = record_session(cfg.paths.ledger_file, session, RUBRICS)
    assert ledger.entries["star.result"].history[-1].outcome == "pass"
    assert ledger.entries["star.result"].status == "improving"
    (first, second) = analyse_progress([store.load(session.id)], RUBRICS, load_ledger(cfg.paths.ledger_file)).points
    # The pass is the ledger's; the chart's points are of first answers, like the round's mean, so a round of
    # replies alone puts no point there at all: no collapse to zeros, nor a criterion it only drilled.
    # (the first round's mean Result is weak: "It went well in the end", "we got it all done in time")
    assert first.criteria["star.result"] < 3 and second.criteria == {} and second.overall is None


def test_score_session_judges_a_replies_as_practice_did(run_cli):
    cfg = load_settings()
    store = SessionStore(cfg.paths.sessions_dir)
    session = first_round(store)
    reply = answer_in_practice(store, session, followup(session, "star.result", "a01"), RESULT_REPLY)
    store.save(session)
    result = run_cli("score", "--session", session.id, "--all", "--offline", "--json")
    assert result.code == 0, result
    rescored = next(a for a in store.load(session.id).answers if a.id == reply.id)
    assert applied(rescored) == applied(reply) and rescored.scorecard.overall == reply.scorecard.overall


def test_a_plan_stored_before_follows_existed_still_names_its_answer():
    legacy = QuestionRef(id="fu.star_result.a01", text=RESULT_FOLLOWUP, category="followup",
                         criteria=["star.result", "specificity.quantified_impact"], source="followup", targets="star.result")
    assert followed_answer_id(legacy, "any-session") == "a01"
    assert followed_answer_id(legacy.model_copy(update={"follows": "other/a01"}), "this") is None
    probe = legacy.model_copy(update={"id": "probe.star_result.a01", "category": "probe"})
    assert followed_answer_id(probe, "this") is None  # a live probe is joined by probe_of, not this


# --- mockint score --text -------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "reply.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_score_text_of_a_question_from_the_plan_judges_it_as_practice_does(run_cli, tmp_path):
    store = SessionStore(load_settings().paths.sessions_dir)
    session = first_round(store)
    question = followup(session, "star.result", "a01")
    session.rounds[-1].plan = [question]
    store.save(session)
    practised = answer_in_practice(store, session, question, RESULT_REPLY)

    result = run_cli("score", "--text", str(_write(tmp_path, RESULT_REPLY)), "-q", question.text, "--offline", "--json")
    assert result.code == 0, result
    data = json.loads(result.out)
    card = data["scorecard"]
    assert {c["rubric"] + "." + c["criterion"]: c["score"] for c in card["criteria"] if c["applies"]} == applied(practised)
    assert card["overall"] == practised.scorecard.overall
    assert any(f"told after a01 of session {session.id}" in note for note in data["notes"]), data["notes"]


def test_score_text_of_a_followup_worded_question_is_judged_on_what_it_asks_for(run_cli, tmp_path):
    result = run_cli("score", "--text", str(_write(tmp_path, RESULT_REPLY)), "-q", RESULT_FOLLOWUP, "--offline", "--json")
    assert result.code == 0, result
    data = json.loads(result.out)
    counted = {c["rubric"] + "." + c["criterion"] for c in data["scorecard"]["criteria"] if c["applies"]}
    assert counted == {"star.result", "specificity.quantified_impact"}  # not all nine, as practice judges it
    (note,) = [n for n in data["notes"] if "follow-up" in n]
    assert "only on what it asks for (Result, Quantified impact)" in note and "Add --follows SESSION/ANSWER" in note


def test_score_text_follows_names_the_answer_it_replies_to(run_cli, tmp_path):
    store = SessionStore(load_settings().paths.sessions_dir)
    first_round(store)
    reply = str(_write(tmp_path, RESULT_REPLY))
    alone = json.loads(run_cli("score", "--text", reply, "-q", RESULT_FOLLOWUP, "--offline", "--json").out)
    result = run_cli("score", "--text", reply, "-q", RESULT_FOLLOWUP, "--follows", "latest/a01", "--offline", "--json")
    assert result.code == 0, result
    told_after = json.loads(result.out)
    assert told_after["scorecard"]["overall"] > alone["scorecard"]["overall"] + 30


# A reply to "can you put a number on that?" that tells the change as two levels, and marks out the candidate's own
# part of the team's work (a trial's; it scored 20, Result 1/4 and Quantified impact 1/4, told after or alone).
LEVELS_REPLY = (
    "length of stay was about six point one days when I started. after three months of the new discharge checklist it "
    "was five point three, and readmissions didn't go up. my own part was running the daily board round and chasing "
    "the pharmacy for the to-take-out meds"
)
NUMBER_FOLLOWUP = ('You said "We started a daily board round and the team really got behind it". Can you put a number '
                   "on that: how much time, money, or how many people did it affect?")


def test_a_reply_that_tells_its_change_as_two_levels_is_a_measured_result(run_cli, tmp_path):
    first_round(SessionStore(load_settings().paths.sessions_dir))
    reply = str(_write(tmp_path, LEVELS_REPLY))
    for follows in ((), ("--follows", "latest/a01")):
        result = run_cli("score", "--text", reply, "-q", NUMBER_FOLLOWUP, *follows, "--offline", "--json")
        assert result.code == 0, result
        card = json.loads(result.out)["scorecard"]
        scores = {c["rubric"] + "." + c["criterion"]: c for c in card["criteria"] if c["applies"]}
        # judged on the scale it asks for, not on a result (a reply giving the people, days and money asked for scored 28
        # for "a vague outcome": a school catering manager's trial)
        assert set(scores) == {"specificity.quantified_impact"}
        assert all(c["score"] >= 3 for c in scores.values()), scores
        # What it started from is quoted before where it ended up: one alone is no change.
        assert [e["quote"] for e in scores["specificity.quantified_impact"]["evidence"]][:2] == [
            "length of stay was about six point one days when I started.",  # read as digits, quoted as typed
            "after three months of the new discharge checklist it was five point three, and readmissions didn't go up."]
        assert card["overall"] >= 60


def test_a_reply_that_marks_out_its_own_part_is_not_marked_down_for_the_storys_we(run_cli, tmp_path):
    first_round(SessionStore(load_settings().paths.sessions_dir))
    base = ("score", "--text", str(_write(tmp_path, LEVELS_REPLY)), "-q", "Can you put a number on that?", "--offline", "--json")
    told_after = json.loads(run_cli(*base, "--follows", "latest/a01").out)["scorecard"]
    ownership = next(c for c in told_after["criteria"] if c["criterion"] == "ownership")
    # Told after "everyone pulled together ... a great team effort", and its quote the reply's own part, not
    # "length of stay was ... when I started".
    assert ownership["score"] >= 3
    assert [e["quote"] for e in ownership["evidence"]] == [LEVELS_REPLY.split(". ")[-1]]


@pytest.mark.parametrize("ref, message", [("a01", "give SESSION/ANSWER"), ("latest/a09", "has no transcribed answer a09")])
def test_score_text_follows_a_missing_answer_is_a_usage_error(run_cli, tmp_path, ref, message):
    first_round(SessionStore(load_settings().paths.sessions_dir))
    result = run_cli("score", "--text", str(_write(tmp_path, RESULT_REPLY)), "-q", RESULT_FOLLOWUP, "--follows", ref)
    assert result.code == 2 and message in result.err and len(result.err.strip().splitlines()) == 1, result


def test_the_report_header_counts_the_answers_the_overall_is_over():
    """Trial: "Answers: 6 (6 scored)" above "over 5 scored answers": a probe's reply is judged with its answer."""
    from test_probe import _probed_session

    from mockint.reporting.analysis import analyse_session
    from mockint.reporting.render import render_session

    session = _probed_session(3)
    analysis = analyse_session(session, RUBRICS)
    assert (analysis.answers, analysis.scored, analysis.replies) == (2, 1, 1)
    assert analysis.scored == analysis.rounds[0].scored
    markdown = render_session(session, analysis)
    # "2 (1 scored; ...)" read as one answer not scored: both were.
    assert "- Answers: 2 (1 answer and 1 reply to a follow-up, all scored; a reply is judged with the answer it follows up)" in markdown
    assert "over 1 scored answer as first given" in markdown


def test_replies_to_plan_follow_ups_are_named_and_kept_out_of_the_mean_of_first_answers():
    """Trial: plan replies judged on one or two criteria scored 100/80/100 and made round two's mean
    87.5 against 52.5, the header blended them in, and nothing said a05-a07 were replies."""
    from mockint.reporting.analysis import analyse_progress, analyse_session, followed_label
    from mockint.reporting.render import render_session

    store = SessionStore(load_settings().paths.sessions_dir)
    session = first_round(store)
    reply = answer_in_practice(store, session, followup(session, "star.result", "a01"), RESULT_REPLY)
    fresh = answer_in_practice(store, session, BANK.get("beh.conflict").ref(), CQC_STORY)
    assert reply.scorecard.overall != fresh.scorecard.overall  # else leaving the reply out would change nothing
    analysis = analyse_session(session, RUBRICS)
    second = analysis.rounds[1]
    assert second.overall == fresh.scorecard.overall and second.scored == 1
    firsts = [a.scorecard.overall for a in session.answers if a is not reply]
    assert analysis.overall == round(sum(firsts) / len(firsts), 1)
    assert f"a03 on a01 {reply.scorecard.overall:g}" in second.overall_basis
    assert [a.id for a in second.answers] == ["a03", "a04"]  # as asked, not the reply moved to the end
    assert followed_label(reply, session.id) == "a01" and followed_label(fresh, session.id) is None
    assert followed_label(reply, "20990101-000000-ffff").startswith("a01 of ")
    for fmt in ("md", "html"):
        text = render_session(session, analysis, fmt)
        assert "Reply to the plan's follow-up on a01" in text, fmt
        assert "3 answers and 1 reply to a follow-up, all scored" in text, fmt
    # The progress chart: the round's overall is its first answers'; the drilled criterion still has its point.
    point = analyse_progress([session], RUBRICS).points[1]
    assert point.overall == fresh.scorecard.overall and "star.result" in point.criteria


def test_score_follows_wins_over_kind_and_says_so_in_one_line(run_cli, tmp_path):
    """--kind motivation with --follows judged a story's result as a motivation answer, unsaid."""
    store = SessionStore(load_settings().paths.sessions_dir)
    first_round(store)
    reply = str(_write(tmp_path, RESULT_REPLY))
    base = ("score", "--text", reply, "--follows", "latest/a01", "--offline", "--json")
    plain = json.loads(run_cli(*base).out)
    result = run_cli(*base, "--kind", "motivation")
    assert result.code == 0, result
    with_kind = json.loads(result.out)
    assert with_kind["scorecard"]["criteria"] == plain["scorecard"]["criteria"]  # judged on what the follow-up asks, not as motivation
    (note,) = [n for n in with_kind["notes"] if "--kind" in n]
    assert note == "--kind motivation is not used with --follows: a follow-up's reply is judged on what the follow-up asks."


def test_the_page_is_told_which_answer_a_plan_reply_follows():
    """The page labelled in-round follow-ups ("a02 (follow-up on a01)") but not replies to the plan's, which
    the reports and the terminal's summary label "a03 (reply on a01)": its messages carry `follows`, and
    app.js says it the same way in the answer's heading and the round's table."""
    from mockint.practice import RoundSummary
    from mockint.reporting.analysis import followed_label
    from mockint.web import messages

    store = SessionStore(load_settings().paths.sessions_dir)
    session = first_round(store)
    reply = answer_in_practice(store, session, followup(session, "star.result", "a01"), RESULT_REPLY)
    assert messages.feedback_message(session.id, reply)["follows"] == "a01"
    assert messages.feedback_message(session.id, session.answers[0])["follows"] is None
    rnd = session.rounds[-1]
    summary = messages.summary_message(RoundSummary(session, rnd, rnd.answers, [], None))
    assert [(a["id"], a["follows"]) for a in summary["answers"]] == [("a03", followed_label(reply, session.id))]
    app = (Path(__file__).parents[1] / "mockint" / "web" / "static" / "app.js").read_text()
    assert "`reply on ${a.follows}`" in app and "answerLabel(a)" in app and "answerLabel(a, \" · \")" in app


def test_progress_per_criterion_counts_first_answers_as_the_round_means_do():
    """A round of plan replies alone "drilled" Result to 3/4 on the progress chart while its mean, of first
    answers, had none: each criterion's point is of first answers too, and both charts say so."""
    from mockint.reporting.analysis import analyse_progress, progress_charts

    store = SessionStore(load_settings().paths.sessions_dir)
    session = first_round(store)
    reply = answer_in_practice(store, session, followup(session, "star.result", "a01"), RESULT_REPLY)
    assert applied(reply)["star.result"] == 3
    first, replies = analyse_progress([session], RUBRICS).points
    assert first.criteria["star.result"] < 3 and first.answers == 2
    assert replies.overall is None and replies.criteria == {} and replies.rubric_scores == {}
    assert (replies.answers, replies.replies) == (0, 1)
    overall_svg, criteria_svg = progress_charts(analyse_progress([session], RUBRICS))
    for svg in (overall_svg, criteria_svg):
        assert "first answers only" in svg and "replies to follow-ups are left out" in svg
    from mockint.reporting.render import render_progress

    md = render_progress(analyse_progress([session], RUBRICS), "md")
    assert "| 0 (+1 reply) | - |" in md and "first answers only" in md, md


def test_a_followup_planned_in_an_older_session_is_found_reading_only_the_sessions_that_hold_one(monkeypatch):
    """`score --text -q` looks for the plan that asked the question: newest first, loading only the sessions
    whose file has a follow-up in it, so three newer sessions without a plan are never parsed."""
    from datetime import datetime, timezone

    import mockint.session
    from mockint.practice import find_planned_followup
    from mockint.session import new_session_id

    store = SessionStore(load_settings().paths.sessions_dir)

    def stored(day: int, plan: list[QuestionRef]) -> Session:
        session = Session(id=new_session_id(datetime(2025, 3, day, 9, tzinfo=timezone.utc)), role="Ward manager")
        rnd = session.new_round("bank")
        rnd.questions.append(BANK.get("beh.teamwork_goal").ref())
        rnd.plan = plan
        store.folder(session.id).mkdir(parents=True)
        store.save(session)
        return session

    asked = QuestionRef(id="fu.result", text=RESULT_FOLLOWUP, source="followup", criteria=["star.result"])
    other = QuestionRef(id="fu.action", text='You said "we started a board round": what did you do?', source="followup")
    older, middle = stored(1, [asked]), stored(2, [other])
    newer = [stored(day, []).id for day in (3, 4, 5)]
    damaged = store.folder("20250306-090000-dead")
    damaged.mkdir()
    (damaged / "session.json").write_text('{"rounds": [{"plan": [{"source": "followup"', encoding="utf-8")

    loaded: list[str] = []
    load = mockint.session.load_session_file
    monkeypatch.setattr(mockint.session, "load_session_file", lambda path: loaded.append(path.parent.name) or load(path))
    session, ref = find_planned_followup(store, RESULT_FOLLOWUP.upper().replace(":", " :"))
    assert (session.id, ref.id, ref.criteria) == (older.id, "fu.result", ["star.result"])
    assert loaded == [damaged.name, middle.id, older.id] and not set(newer) & set(loaded)
    assert find_planned_followup(store, "What would you do differently next time?") is None


def test_a_reply_to_a_follow_up_that_asks_the_question_again_is_judged_on_the_whole_question():
    # a customer success lead's trial: "That does not get to what I asked: The CEO asks you to cut the team by 20%. What
    # do you do? Can you answer that directly?" judged its reply on relevance alone, and a harmful plan scored 100
    from mockint.coaching.plan import followup_template_criteria
    from mockint.practice import Judged, told_after

    asked = 'The CEO asks you to cut the team by 20%. What do you do?'
    text = (f'You said "I\'d push back with data, and if it has to happen, I\'d do it fairly". That does not get to what '
            f'I asked: {asked} Can you answer that directly?')
    assert followup_template_criteria(text, RUBRICS) == []
    original = QuestionRef(id="custom.cut", text=asked, criteria=["situational.plan", "situational.judgement",
                                                                  "specificity.relevance"], source="custom")
    before = Judged(original, Transcript(text="I'd push back with data, and if it has to happen, I'd do it fairly.", duration=0.0))
    reply = told_after(before, QuestionRef(id="fu.relevance", text=text, source="followup"),
                       Transcript(text="I'd let go of the two newest and I wouldn't tell the customers.", duration=0.0))
    assert set(reply.question.criteria) == set(original.criteria)
    card = reply.score(get_scorer(load_settings(), offline=True), RUBRICS)
    assert {c.key for c in card.criteria if c.applies} == set(original.criteria)
    assert card.overall < 100
