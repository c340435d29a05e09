"""Round-one debrief: messy notes become employer concerns, weak areas and probe questions."""

from __future__ import annotations

import json
import shutil

import pytest
from test_weakness import RUBRICS, make_answer, make_session

from mockint.coaching.debrief import apply_debrief, parse_debrief
from mockint.coaching.plan import plan_next_round
from mockint.coaching.questions import load_bank
from mockint.coaching.weakness import Ledger, current_weak_areas, record_round

BANK = load_bank()

MESSY_NOTES = """Round 1 w/ Acme — Sarah (hiring mgr) + Tom from data team, 45 min, zoom

QUESTIONS
- tell me about yourself
- Q: why do you want to leave your current job?
* Describe a time you had a conflict with a coworker?
2) how do you prioritise when everything is urgent
- what's your experience with Microsoft Project?
- How comfortable are you with MS Project for scheduling??

Kept coming back to:
 - familiarity with Microsoft Project (x3)
 - Sarah asked about why I left my last two jobs twice
 - team player stuff - again and again

things that fell flat:
 - salary question caught me off guard
 - my answer about the conflict was too vague, no numbers

misc: they seem stretched, new VP started in Jan. Follow up with thank-you by Friday.
"""


def test_messy_notes_parse_into_questions_concerns_and_flat_answers():
    debrief = parse_debrief(MESSY_NOTES, BANK, source="notes.txt")
    assert len(debrief.questions_asked) == 6
    assert "why do you want to leave your current job?" in debrief.questions_asked  # "Q:" prefix gone
    topics = {t.id: t for t in debrief.topics}
    ms_project = topics["topic.familiarity_microsoft_project"]
    assert (ms_project.reason, ms_project.mentions) == ("probed", 3)
    assert "technical_expertise" in ms_project.competencies
    assert topics["topic.leaving_last_two_jobs"].mentions == 2
    assert topics["topic.leaving_last_two_jobs"].competencies[0] == "career_history"
    assert "teamwork" in topics["topic.team_player_stuff"].competencies
    assert topics["topic.salary_question"].reason == "fell_flat"
    assert topics["topic.conflict"].reason == "fell_flat"
    # Most-probed first; the "misc:" line is a note, not a flat answer.
    assert debrief.topics[0].mentions == 3
    assert debrief.fell_flat == ["salary question caught me off guard", "my answer about the conflict was too vague, no numbers"]
    assert any("new VP" in n for n in debrief.notes)


def test_repeated_questions_on_one_competency_count_as_a_concern_without_markers():
    notes = """Interview questions
    1. Tell me about a conflict with a colleague
    2. How did you resolve a disagreement with your manager?
    3. What would you do if two teammates had a dispute?
    4. Why this company?
    """
    debrief = parse_debrief(notes, BANK)
    assert len(debrief.questions_asked) == 4
    (topic,) = debrief.topics
    assert (topic.id, topic.reason, topic.mentions) == ("topic.conflict_resolution", "inferred", 3)


def test_inline_headers_and_prose_lines_are_understood():
    notes = "Kept asking about: stakeholder management; Excel modelling (3 times)\nThey asked again about my gap year.\n"
    debrief = parse_debrief(notes, BANK)
    names = {t.name: t.mentions for t in debrief.topics}
    assert names == {"stakeholder management": 2, "Excel modelling": 3, "my gap year": 2} or names == {
        "stakeholder management": 2, "Excel modelling": 3, "gap year": 2
    }


def test_a_topic_named_x_and_y_is_read_like_any_other():
    """Trial: '- Health and safety went fine' was dropped while 'Cycle counting went fine' was read."""
    notes = (
        "Warehouse supervisor, first round\n"
        "- Cycle counting went fine\n"
        "- Health and safety went fine\n"
        "- Research and development came up twice, went badly\n"
        "- Pick & pack rates were a weak answer\n"
        "- Hashing and ran out of time\n"
    )
    topics = {t.name: t for t in parse_debrief(notes, BANK).topics}
    assert topics["Health and safety"].reason == topics["Cycle counting"].reason == "discussed"
    assert topics["Research and development"].went_badly and topics["Research and development"].mentions == 2
    assert topics["Pick & pack rates"].went_badly
    assert not any("ran out" in name for name in topics)  # 'and' then a clause joins no topic


def test_what_the_answer_talked_through_is_not_read_as_going_badly():
    # a ward manager's trial: "rough" inside "through" read the line as bad, and five things she had talked through in
    # an answer that went well became weak areas that "fell flat", open all week
    notes = ("- Drug error question went well - talked through the omitted enoxaparin, Datix, supportive conversation, "
             "reflective account, competency re-check. Sue nodded a lot.\n")
    topics = parse_debrief(notes, BANK).topics
    assert not any(t.went_badly for t in topics) and not [t for t in topics if t.concern]
    assert parse_debrief("- the budget question was rough\n", BANK).topics[0].went_badly


def test_the_same_notes_file_edited_adds_only_what_is_new_and_reopens_nothing():
    # A sales trial added three forgotten lines to round1-notes.md and imported it again: every concern the week had
    # resolved reopened ("raised again in interview notes").
    ledger = apply_debrief(Ledger(), parse_debrief(MESSY_NOTES, BANK, source="notes/round1.md"))
    entry = ledger.entries["topic.familiarity_microsoft_project"]
    session = make_session([
        make_answer("a01", "fu.topic1", competencies=["technical_expertise"], targets=entry.id),
        make_answer("a02", "role.core_tool", competencies=["technical_expertise"], targets=entry.id),
    ])
    ledger = record_round(ledger, session, RUBRICS)
    assert ledger.entries[entry.id].status == "resolved"
    edited = MESSY_NOTES + "\nKept coming back to:\n- stakeholder management with the finance team x2\n"
    after = apply_debrief(ledger, parse_debrief(edited, BANK, source="round1.md"))
    assert after.entries[entry.id].status == "resolved" and after.entries[entry.id].reopened == 0
    new = [e for e in after.entries.values() if e.id not in ledger.entries]
    assert [e.name for e in new] == ["stakeholder management with the finance team"] and new[0].status == "open"
    assert len(after.debriefs) == 2  # imported: the same edit again changes nothing
    assert apply_debrief(after, parse_debrief(edited, BANK, source="round1.md")) == after


def test_counts_in_words_and_doubts_read_as_concerns_not_as_topics():
    notes = ("- Raj asked three times about how I'd handle idempotency in the payments webhook\n"
             "- Helen wasn't convinced about my leadership experience\n")
    topics = {t.name: t for t in parse_debrief(notes, BANK).topics}
    assert "three times" not in topics  # a count, not what they asked about
    assert topics["idempotency in the payments webhook"].mentions == 3
    assert topics["leadership experience"].went_badly


def test_debrief_topics_enter_the_ledger_once_and_reopen_when_raised_again():
    debrief = parse_debrief(MESSY_NOTES, BANK)
    ledger = apply_debrief(Ledger(), debrief)
    entry = ledger.entries["topic.familiarity_microsoft_project"]
    assert entry.kind == "debrief" and entry.status == "open" and entry.source == "debrief"
    assert entry.evidence[0].quotes == ["familiarity with Microsoft Project (x3)"]
    # Importing the same notes again changes nothing.
    assert apply_debrief(ledger, parse_debrief(MESSY_NOTES, BANK)) == ledger

    # Practice answers that target the concern (its follow-up, a bank question the plan chose for it),
    # on new questions, resolve it ...
    session = make_session([
        make_answer("a01", "fu.topic1", competencies=["technical_expertise"], targets=entry.id),
        make_answer("a02", "role.core_tool", competencies=["technical_expertise"], targets=entry.id),
    ])
    ledger = record_round(ledger, session, RUBRICS)
    assert ledger.entries[entry.id].status == "resolved"
    # ... and a later interview that keeps asking about it reopens it.
    later = parse_debrief("Kept coming back to:\n- familiarity with Microsoft Project x2\n", BANK)
    ledger = apply_debrief(ledger, later)
    assert ledger.entries[entry.id].status == "open" and ledger.entries[entry.id].reopened == 1


def test_feedback_on_the_answers_as_a_whole_opens_the_criterion_it_names():
    from mockint.coaching.weakness import feedback_readings

    readings = feedback_readings(RUBRICS)
    notes = ("My safety answer felt rehearsed\n"
             "Feedback: answers lacked numbers\n"
             "- never rambled, kept it short\n"  # negated: no feedback
             "- Conflict question: I said all the right words but had no example\n")
    debrief = parse_debrief(notes, BANK, feedback=readings)
    assert {a.id: a.notes for a in debrief.feedback} == {
        "specificity.quantified_impact": ["Feedback: answers lacked numbers"],
        "specificity.real_example": ["Conflict question: I said all the right words but had no example"],
    }
    assert "Feedback: answers lacked numbers" not in debrief.notes  # read, so not listed as unread
    assert parse_debrief("Feedback: answers lacked numbers\n", BANK, feedback=readings).empty is False

    ledger = apply_debrief(Ledger(), debrief)
    entry = ledger.entries["specificity.quantified_impact"]
    assert (entry.kind, entry.status, entry.criteria) == ("criterion", "open", ["specificity.quantified_impact"])
    assert entry.to_weak_area().summary() == "round-one feedback: Feedback: answers lacked numbers"
    assert apply_debrief(ledger, parse_debrief(notes, BANK, feedback=readings)) == ledger  # imported once

    # Practice answers are judged on the criterion itself: a weak one keeps it open, passes on new questions in a
    # later round resolve it.
    limit = next(c.weak_below for r in RUBRICS for c in r.criteria if f"{r.id}.{c.id}" == entry.id)
    ledger = record_round(ledger, make_session([make_answer("a01", "q1", {entry.id: limit - 1})]), RUBRICS)
    assert ledger.entries[entry.id].status == "open"
    assert ledger.entries[entry.id].history[-1].outcome == "weak"
    later = make_session([make_answer("a01", "q2"), make_answer("a02", "q3")], session_id="20261203-120000-0002")
    ledger = record_round(ledger, later, RUBRICS)
    assert ledger.entries[entry.id].status == "resolved"


def test_what_the_employer_wanted_more_on_went_badly_and_the_feedback_label_names_no_topic():
    from mockint.coaching.weakness import feedback_readings

    notes = ("- Feedback from the recruiter: strong on customer empathy, but they wanted more on how I'd handle an "
             "underperformer.\n"
             "- I fumbled the question on forecasting renewals - didn't have numbers.\n")
    debrief = parse_debrief(notes, BANK, feedback=feedback_readings(RUBRICS))
    topics = {t.name: t for t in debrief.topics}
    assert "Feedback from the recruiter" not in topics  # trial 9: "came up, went fine"
    assert topics["customer empathy"].went_well and not topics["customer empathy"].concern
    assert any("underperformer" in name and t.went_badly for name, t in topics.items())
    assert topics["forecasting renewals"].went_badly
    assert [a.id for a in debrief.feedback] == ["specificity.quantified_impact"]


def test_what_round_two_will_ask_about_and_a_recruiters_words_are_concerns():
    # a graduate's notes of a recruiter's call (trial 13): one of five concerns was kept. "They'll probe on safety" was
    # asked about and dropped, "They'll also ask about a time I disagreed..." read as no topic, and the feedback on
    # "we", outcomes and research read as nothing or as a topic named "Give outcomes"
    from mockint.coaching.weakness import feedback_readings

    notes = ("- Need to show more about what I did rather than the group - she said I kept saying we\n"
             "- Give outcomes! I didn't really say how things ended\n"
             "- Research them more - why water and why them\n"
             "- They'll probe on safety on site in the panel\n"
             "- They'll also ask about a time I disagreed with someone senior, I didn't have an answer for that one\n")
    from mockint.scoring.rubrics import load_rubrics

    debrief = parse_debrief(notes, BANK, feedback=feedback_readings(load_rubrics()))
    assert {a.id for a in debrief.feedback} == {"specificity.ownership", "star.result", "motivation.specific_reasons"}
    topics = {t.name: t for t in debrief.topics}
    assert set(topics) == {"safety on site", "disagreeing with someone senior"}
    assert all(t.reason == "forewarned" and t.sure for t in topics.values())
    assert topics["disagreeing with someone senior"].went_badly and not topics["safety on site"].went_badly

    areas = current_weak_areas(apply_debrief(Ledger(), debrief), None, RUBRICS)
    plan = plan_next_round(areas, [], BANK, RUBRICS, n=4)
    asked = [q.text for q in plan if q.source == "followup"]
    assert any(text.startswith("They said round two will ask about safety on site.") for text in asked), asked
    assert not any("kept coming back" in text for text in asked)


def read_with_feedback(notes: str):
    """The notes' debrief, reading the rubric files' round-one feedback phrases too, and its topics by name."""
    from mockint.coaching.weakness import feedback_readings
    from mockint.scoring.rubrics import load_rubrics

    debrief = parse_debrief(notes, BANK, feedback=feedback_readings(load_rubrics()))
    return debrief, {t.name: t for t in debrief.topics}


def test_a_recruiters_email_in_a_customer_success_leads_notes_is_read():
    # a customer success lead's trial: "No topic read in" for the NRR probe, the email's two wants and its feedback
    notes = ("They felt some answers stayed high level - they want to see how you've used data to reduce churn, and how "
             "you'd build and lead a team of 12. Expect questions on a renewal you lost.\n"
             "- The VP asked twice what our net revenue retention was and I didn't have the number to hand\n"
             "Feedback: answers stayed high level, not enough data.\n")
    debrief, topics = read_with_feedback(notes)
    assert topics["net revenue retention"].reason == "probed" and topics["net revenue retention"].went_badly
    assert topics["data to reduce churn"].concern and topics["team of 12"].concern
    assert topics["renewal"].reason == "forewarned"
    assert {"specificity.concrete_detail", "specificity.quantified_impact"} <= {a.id for a in debrief.feedback}


def test_a_recruiters_call_in_a_signalling_technicians_notes_is_read():
    # a signalling technician's trial: "want more on how you lead people, ..." read no topic, "A few answers went on too
    # long" became a topic named "few answers", the second and third "on ..." of an "Expect questions on" were dropped
    # and read "went badly" from "poor performer", and 'stayed on "we"' opened no ownership area
    notes = ('A few answers went on too long and stayed on "we".\n'
             "They want more on how you lead people, manage contractors and a budget.\n"
             "Expect questions on a safety-critical decision under time pressure, on managing a poor performer, and on "
             "why you want to move into management.\n")
    debrief, topics = read_with_feedback(notes)
    assert {"leading people", "managing contractors", "budget"} <= set(topics)
    assert all(topics[n].concern for n in ("leading people", "managing contractors", "budget"))
    forewarned = {n for n, t in topics.items() if t.reason == "forewarned"}
    # what they want more on is what round two will ask for too (trial 83)
    assert forewarned == {"safety-critical decision", "managing a poor performer", "wanting to move into management",
                          "leading people", "managing contractors", "budget"}
    assert not any(topics[n].went_badly for n in forewarned)  # "poor" names the performer, not how round one went
    assert not any("answers" in n for n in topics)
    assert "specificity.ownership" in {a.id for a in debrief.feedback}


def test_debrief_concerns_become_planned_probe_questions():
    ledger = apply_debrief(Ledger(), parse_debrief(MESSY_NOTES, BANK))
    areas = current_weak_areas(ledger, None, RUBRICS)
    assert areas[0].id == "topic.familiarity_microsoft_project"
    plan = plan_next_round(areas, [], BANK, RUBRICS, n=8)
    area_ids = {a.id for a in areas}
    assert plan and all(q.targets in area_ids for q in plan)
    first = [q for q in plan if q.targets == "topic.familiarity_microsoft_project"]
    assert "Microsoft Project" in first[0].text and "3 times" in first[0].rationale
    assert any(q.source == "bank" and "technical_expertise" in q.competencies for q in first)


def test_cli_debrief_imports_notes_and_plan_uses_them(run_cli, tmp_path, mockint_home):
    notes = tmp_path / "round1.md"
    notes.write_text(MESSY_NOTES)
    result = run_cli("debrief", str(notes), "--json")
    assert result.code == 0, result
    data = json.loads(result.out)
    assert data["topics"][0]["id"] == "topic.familiarity_microsoft_project" and not data["already_imported"]
    ledger = Ledger.model_validate_json((mockint_home / "ledger.json").read_text())
    assert "topic.salary_question" in ledger.entries

    again = run_cli("debrief", str(notes))
    assert again.code == 0 and "already imported" in again.out

    plan = json.loads(run_cli("plan", "--json").out)
    assert plan["session"] is None and not plan["stored"]
    assert plan["plan"] and all(q["targets"] in {w["id"] for w in plan["weak_areas"]} for q in plan["plan"])

    # Day one: no session to store the plan in; 'practice --plan' asks the questions 'plan' showed (a trial user was
    # shown six and asked others)
    shown = run_cli("plan", "-n", "4")
    assert "'mockint practice --plan -n 4' asks these questions" in " ".join(shown.out.split()), shown.out
    planned = [q["text"] for q in json.loads(run_cli("plan", "-n", "4", "--json").out)["plan"]]
    answers = []
    for i in range(4):
        answers.append(tmp_path / f"a{i}.txt")
        answers[-1].write_text("I would start by listening to them and then agree the next steps with my manager.\n")
    practised = run_cli("practice", "--plan", "-n", "4", "--probes", "0", "--answers-from", *map(str, answers))
    assert practised.code == 0, practised
    (session_file,) = (mockint_home / "sessions").glob("*/session.json")
    asked = [a["question"]["text"] for a in json.loads(session_file.read_text())["rounds"][0]["answers"]]
    assert len(planned) == 4 and asked == planned
    # ... and a shorter round asks the first of the questions 'plan' shows by default (a nurse's "-n 2" asked the 1st
    # and the 4th)
    shutil.rmtree(mockint_home / "sessions")
    shown = [q["text"] for q in json.loads(run_cli("plan", "--json").out)["plan"]]
    assert run_cli("practice", "--plan", "-n", "2", "--probes", "0", "--answers-from", *map(str, answers[:2])).code == 0
    (session_file,) = (mockint_home / "sessions").glob("*/session.json")
    assert [a["question"]["text"] for a in json.loads(session_file.read_text())["rounds"][0]["answers"]] == shown[:2]


def test_cli_debrief_bad_files_are_one_line_errors(run_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    binary = tmp_path / "notes.docx"
    binary.write_bytes(b"PK\x03\x04\x00\x00binary")
    nothing = tmp_path / "nothing.txt"
    nothing.write_text("Nice office.\nGood coffee.\n")
    for path, expected in [
        (tmp_path / "missing.txt", "no such notes file"),
        (empty, "the notes file is empty"),
        (binary, "not a text file"),
        (nothing, "found no topics or questions in these notes"),
    ]:
        result = run_cli("debrief", str(path))
        assert result.code == 1, result
        assert expected in result.err and str(path) in result.err
        assert result.err.count("\n") == 1 and "Traceback" not in result.err


def test_a_strong_answer_with_one_thin_criterion_still_answers_the_concern():
    ledger = apply_debrief(Ledger(), parse_debrief(MESSY_NOTES, BANK))
    concern = "topic.familiarity_microsoft_project"
    strong_but_no_task = {"star.situation": 4, "star.action": 4, "star.result": 4, "star.task": 0,
                          "specificity.quantified_impact": 4, "specificity.concrete_detail": 4,
                          "specificity.ownership": 4, "specificity.real_example": 4, "specificity.relevance": 4}
    weak_overall = {k: (1 if v == 4 else v) for k, v in strong_but_no_task.items()}
    session = make_session([
        make_answer("a01", "fu.topic1", strong_but_no_task, competencies=["technical_expertise"], targets=concern),
    ])
    after_strong = record_round(ledger, session, RUBRICS)
    assert after_strong.entries[concern].status == "improving"
    session = make_session([
        make_answer("a01", "fu.topic1", weak_overall, competencies=["technical_expertise"], targets=concern),
    ])
    assert record_round(ledger, session, RUBRICS).entries[concern].status == "open"


def test_a_concern_is_judged_only_by_answers_to_questions_that_drill_it():
    """Trial 4: a slower retelling of another story (a pace follow-up judged on Result) and a two-line
    "what were you responsible for" reply resolved the CPD concern; the weak answer to the transition
    concern reopened curriculum sequencing, which its own 88/100 answer had passed."""
    notes = ("- Deputy kept coming back to KS3 to KS4 transition and curriculum sequencing\n"
             "They asked about my experience of leading whole-department CPD and I didn't have a good answer.\n")
    ledger = apply_debrief(Ledger(), parse_debrief(notes, BANK))
    cpd = next(i for i in ledger.entries if "cpd" in i)
    sequencing, transition = "topic.curriculum_sequencing", "topic.ks3_ks4_transition"
    assert {sequencing, transition} <= set(ledger.entries)
    shared = sorted({c for e in ledger.entries.values() for c in e.competencies})
    at_the_bar = {"star.situation": 4, "star.action": 3, "star.result": 3, "specificity.real_example": 4}
    story = ["star.situation", "star.action", "star.result", "specificity.real_example"]
    weak = {k: 0 for k in story}
    session = make_session([
        # Follow-ups on other weak areas, on questions that share every concern's competencies.
        make_answer("a06", "fu.delivery_pace.a01", competencies=shared, criteria=["star.result"],
                    targets="delivery.pace"),
        make_answer("a09", "fu.star_task.a04", competencies=shared, criteria=["star.task"], targets="star.task"),
        # A bank question of the same competencies that no plan chose for any concern.
        make_answer("a12", "beh.leadership", competencies=shared),
        make_answer("a07", f"fu.{sequencing}", at_the_bar, competencies=shared, criteria=story, targets=sequencing),
        make_answer("a08", f"fu.{transition}", weak, competencies=shared, criteria=story, targets=transition),
    ], session_id="20250107-090000-abcd")
    after = record_round(ledger, session, RUBRICS).entries
    assert session.rounds[0].answers[3].scorecard.overall >= 60  # solid or better
    assert (after[sequencing].status, after[sequencing].passes) == ("improving", [f"fu.{sequencing}"])
    assert after[transition].status == "open"
    assert (after[cpd].status, after[cpd].passes) == ("open", [])
    judged_by = {e.answer_id for e in after[cpd].history if e.answer_id}
    assert judged_by == set()


def concern_after_a_follow_up(notes: str, named: str, story_score: int, follow_up_area: str):
    """The ledger entry of the round-one concern `notes` name (its id has `named` in it) after a01, an answer to the
    plan's question on it with every criterion at `story_score`, and a02, a reply to a follow-up on a01 for
    `follow_up_area` at 4 of 4."""
    ledger = apply_debrief(Ledger(), parse_debrief(notes, BANK))
    concern = next(i for i in ledger.entries if named in i)
    story = ["star.situation", "star.action", "star.result", "specificity.real_example"]
    session_id = "20250107-090000-abcd"
    session = make_session(
        [make_answer("a01", f"fu.{concern}", {k: story_score for k in story}, criteria=story, targets=concern)],
        session_id=session_id)
    ledger = record_round(ledger, session, RUBRICS)
    follow_up = make_answer("a02", f"fu.{follow_up_area.replace('.', '_')}.a01", {follow_up_area: 4},
                            criteria=[follow_up_area], targets=follow_up_area)
    follow_up.question.follows = f"{session_id}/a01"
    session.new_round("plan").answers.append(follow_up)
    return record_round(ledger, session, RUBRICS).entries[concern]


def test_a_plan_follow_up_on_a_concerns_answer_counts_for_the_concern():
    # An HR partner's trial: a 90/100 reply to the plan's follow-up on her academic casework answer ("You said 'I
    # haven't done academic casework directly' ... tell me about one specific time") left the concern open
    entry = concern_after_a_follow_up("- The panel kept coming back to academic staff casework\n", "casework", 0,
                                      "specificity.real_example")
    assert [e.outcome for e in entry.history if e.answer_id == "a01"] == ["weak"]  # open after its own answer
    assert (entry.status, entry.history[-1].answer_id, entry.history[-1].outcome) == ("improving", "a02", "pass")


# --- notes in your own words, from the user's side ---------------------------------------------

ISSUE_NOTES = """The interviewer asked a lot about streaming. I've only done batch in production. He kept coming
back to exactly-once delivery and I didn't have a good answer. We also talked about my team's
code review process, which went well. I fumbled the question on database migrations.
"""


def _ledger(home):
    return Ledger.model_validate_json((home / "ledger.json").read_text())


def test_notes_in_your_own_words_become_noun_phrase_concerns_and_plan_questions(run_cli, tmp_path, mockint_home):
    notes = tmp_path / "round1.txt"
    notes.write_text(ISSUE_NOTES)
    result = run_cli("debrief", str(notes), "--yes", "--json")
    assert result.code == 0, result
    data = json.loads(result.out)
    concerns = {t["name"]: (t["reason"], t["went_badly"]) for t in data["topics"] if t["reason"] != "discussed"}
    # Both answers the notes say went badly are caught; the repeated one says so too.
    assert concerns == {"exactly-once delivery": ("probed", True), "database migrations": ("fell_flat", True)}
    discussed = [t["name"] for t in data["topics"] if t["reason"] == "discussed"]
    assert discussed == ["streaming", "code review process"]
    assert set(_ledger(mockint_home).entries) == {"topic.exactlyonce_delivery", "topic.database_migration"}

    plan = json.loads(run_cli("plan", "--json").out)
    texts = " ".join(q["text"] for q in plan["plan"])
    assert "exactly-once delivery" in texts and "database migrations" in texts
    assert "I've" not in texts and "He." not in texts and "streaming. " not in texts


def test_doubtful_readings_are_shown_and_asked_about(run_cli, tmp_path, mockint_home, monkeypatch):
    import io
    import sys

    notes = tmp_path / "round1.md"
    notes.write_text(
        "1. Conflict with a peer - rambled, no result\n"
        "2. Biggest failure: ok but too long\n"
        "3. Why are you leaving? fine\n"
        "4. Tell me about a time you disagreed with your manager - rambled\n"
    )
    # Asked in the order shown (concerns first): the manager question gets a name; yes, the
    # biggest failure went badly; "leaving" is not worth keeping.
    monkeypatch.setattr(sys, "stdin", io.StringIO("disagreement with my manager\ny\nn\n"))
    result = run_cli("debrief", str(notes))
    assert result.code == 0, result
    assert "Conflict with a peer: went badly" in result.out, "what it is sure of is shown first"
    assert "? Biggest failure: came up  (did it go badly? the notes say both)" in result.err
    assert "from: Biggest failure: ok but too long" in result.err
    assert "? leaving: came up, went fine  (a question, not a topic: name the topic)" in result.err
    entries = _ledger(mockint_home).entries
    # "rambled" and "too long" are the answers' length, "no result" the result: weak areas of every answer.
    assert set(entries) == {"topic.conflict_peer", "topic.biggest_failure", "topic.disagreement_manager",
                            "delivery.length", "star.result"}
    assert entries["topic.disagreement_manager"].name == "disagreement with my manager"
    assert entries["delivery.length"].evidence[0].quotes == [
        "Conflict with a peer - rambled, no result", "Biggest failure: ok but too long",
        "Tell me about a time you disagreed with your manager - rambled"]


def test_with_yes_or_no_one_to_answer_what_is_sure_and_concerns_worded_at_length_are_kept(run_cli, tmp_path,
                                                                                           mockint_home, monkeypatch):
    import io
    import sys

    notes = tmp_path / "round1.md"
    # Trial 11: the concern the recruiter named, in a long phrase, was left out as "not sure" with --yes or from a pipe
    notes.write_text("- I blanked on the question about idempotency keys\n- Biggest failure: ok but too long\n"
                     "- They asked twice about managing a team member's poor performance and I didn't have a good answer\n")
    result = run_cli("debrief", str(notes), "--yes", "--json")
    assert result.code == 0, result
    data = json.loads(result.out)
    assert [t["name"] for t in data["topics"]] == ["managing a team member's poor performance", "idempotency keys"]
    assert [t["name"] for t in data["left_out"]] == ["Biggest failure"]  # whether it went badly is the doubt
    assert "?" not in result.err, "--yes asks nothing"

    (mockint_home / "ledger.json").unlink()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # a pipe with nothing in it
    result = run_cli("debrief", str(notes))
    assert result.code == 0, result
    assert "no answer: keeping what mockint is sure of and the concerns as your notes word them" in " ".join(result.err.split())
    assert "Left out (not sure): Biggest failure" in result.out
    # The topic is left out, but "too long" is sure: the answers' length is a weak area either way.
    assert set(_ledger(mockint_home).entries) == {"topic.idempotency_keys", "delivery.length",
                                                  "topic.managing_team_member_poor"}


def test_a_feedback_line_with_a_quoted_word_is_read_whole():
    # 'not enough "I" in my answers' was read as Ownership and also listed as a line with no topic in it
    from mockint.coaching.weakness import feedback_readings

    debrief = parse_debrief('- Feedback: strong clinically, but not enough "I" in my answers', BANK,
                            feedback=feedback_readings(RUBRICS))
    assert [f.id for f in debrief.feedback] == ["specificity.ownership"] and debrief.notes == []


TRIAL4_NOTES = """Round one - Head of Science, Greenfield Academy, 14 Nov

- The head asked twice about how I'd handle underperforming staff
- Deputy kept coming back to KS3 to KS4 transition and curriculum sequencing
- I fumbled the question on the science budget / capitation - I didn't know the figures
- Safeguarding scenario went fine
- Data question on Progress 8 went ok but too long
They asked about my experience of leading whole-department CPD and I didn't have a good answer.
Fell flat: why I haven't been a head of department before
Q: How would you raise attainment for disadvantaged students -> weak, no numbers
Governor seemed unconvinced about me managing people older than me
"""


def test_every_line_of_trial4s_notes_is_read_or_shown_as_not_read(run_cli, tmp_path, mockint_home):
    """Trial 4: two lines vanished (not even "left out"), the help's own `Q: ... -> weak` line was left
    out as "raise attainment", and two curriculum topics took "Career history" from their shared line."""
    notes = tmp_path / "round1-notes.md"
    notes.write_text(TRIAL4_NOTES)
    data = json.loads(run_cli("debrief", str(notes), "--yes", "--json").out)
    topics = {t["name"]: t for t in data["topics"]}
    assert topics["underperforming staff"]["reason"] == "probed"
    assert topics["managing people older than me"]["went_badly"]
    assert topics["raising attainment for disadvantaged students"]["went_badly"]
    assert not {"KS3 to KS4 transition", "curriculum sequencing"} - set(topics)
    assert all("career_history" not in t["competencies"] for t in data["topics"])
    # A lone line that says who asked is read too (it was "found no topics or questions in these notes").
    alone = tmp_path / "alone.md"
    alone.write_text("- The head asked twice about how I'd handle underperforming staff\n")
    assert run_cli("debrief", str(alone), "--yes").code == 0

    plan = json.loads(run_cli("plan", "--json", "-n", "12").out)["plan"]
    for q in plan:
        if q["targets"] in ("topic.ks3_ks4_transition", "topic.curriculum_sequencing"):
            assert "left" not in q["text"] and "career_history" not in q["competencies"], q["text"]


def test_lines_with_no_topic_are_shown(run_cli, tmp_path, mockint_home):
    notes = tmp_path / "round1-notes.md"
    notes.write_text("- I fumbled the question on database migrations\n- the recruiter seemed lovely, parking was a pain\n")
    result = run_cli("debrief", str(notes), "--yes")
    assert result.code == 0, result
    assert "database migrations" in result.out
    assert "No topic read in" in result.out and "parking was a pain" in " ".join(result.out.split())


def test_answering_a_rerun_adds_to_the_ledger_and_never_says_unchanged_beside_saved(run_cli, tmp_path, mockint_home,
                                                                                   monkeypatch):
    """Trial 4: the re-run asked its questions, then printed "already imported; the ledger is unchanged"
    and "Saved to ...", and the answers never reached the ledger."""
    import io
    import sys

    notes = tmp_path / "round1-notes.md"
    notes.write_text(TRIAL4_NOTES + "Q: Why do you want to leave your school? - rambled\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    first = run_cli("debrief", str(notes))
    assert first.code == 0, first
    before = set(_ledger(mockint_home).entries)

    monkeypatch.setattr(sys, "stdin", io.StringIO("reasons for leaving\n" * 5))
    again = run_cli("debrief", str(notes))
    assert again.code == 0, again
    out = " ".join(again.out.split())
    after = _ledger(mockint_home).entries
    assert "topic.reason_leaving" in after and before < set(after), again.out + again.err
    assert "the ledger is unchanged" not in out and "Saved to" in out
    assert "already imported" in " ".join(again.err.split()), "said before it asks"

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    third = " ".join(run_cli("debrief", str(notes)).out.split())
    assert "the ledger is unchanged" in third and "Saved to" not in third
    assert set(_ledger(mockint_home).entries) == set(after)


def test_help_shows_an_example_of_notes(run_cli):
    result = run_cli("debrief", "--help")
    assert result.code == 0
    assert "    - They asked twice about streaming vs batch\n" in result.out, "the example keeps its lines"
    assert "--yes" in result.out


TRIAL_NOTES = """- I rambled on the why-this-trust question
- Fell flat: the salary question
- They kept coming back to deteriorating patient
"""


def test_a_round_one_topic_is_retried_as_its_kind_of_question_in_plain_words():
    from mockint.scoring.kinds import load_kinds

    kinds = load_kinds()
    ledger = apply_debrief(Ledger(), parse_debrief(TRIAL_NOTES, BANK))
    areas = current_weak_areas(ledger, None, RUBRICS)
    followups = {q.targets: q for q in plan_next_round(areas, [], BANK, RUBRICS, n=8) if q.source == "followup"}
    for topic in ("topic.salary_question", "topic.whythistrust_question"):
        retry = followups[topic]
        # A motivation question: asked and judged as one, not as a STAR story.
        assert retry.kind == "motivation" and retry.criteria == kinds["motivation"].criteria, retry
        assert "what you did, and the outcome" not in retry.text and "reasons" in retry.text, retry.text
        assert "STAR" not in ledger.entries[topic].advice
    assert "fell flat in round one: the salary question." in followups["topic.salary_question"].text
    assert "the why-this-trust question" in followups["topic.whythistrust_question"].text
    # "kept coming back to deteriorating patient" reads as a broken sentence; a story topic asks for one.
    probed = followups["topic.deteriorating_patient"]
    assert "back to deteriorating patient" not in probed.text and "one topic: deteriorating patient." in probed.text
    assert probed.kind == "behavioural" and "star.result" in probed.criteria


def test_a_knowledge_gap_is_retried_as_knowledge_and_a_bare_why_as_reasons():
    """Three trials' notes: "blanked on KPIs", "DB fundamentals went badly", "why housing?? I was vague" were drilled as
    "one real example, what you did, and the outcome"; a competency ("stakeholder management") stays a story."""
    # ... and an HR partner's "They'll probe on the REF in round two" was asked for "one specific example" of the
    # Research Excellence Framework
    notes = ("- blanked on KPIs\n- DB fundamentals went badly\n- fell flat: why housing association\n"
             "- fumbled stakeholder management\nThey'll probe on the REF in round two.\n")
    ledger = apply_debrief(Ledger(), parse_debrief(notes, BANK))
    areas = current_weak_areas(ledger, None, RUBRICS)
    kinds = {q.targets: q.kind for q in plan_next_round(areas, [], BANK, RUBRICS, n=8) if q.source == "followup"}
    assert kinds["topic.kpis"] == kinds["topic.db_fundamental"] == kinds["topic.ref"] == "technical", kinds
    assert kinds["topic.housing_association"] == "motivation", kinds
    assert kinds["topic.stakeholder_management"] == "behavioural", kinds


def test_cli_debrief_and_plan_show_names_not_ids_or_empty_counts(run_cli, tmp_path, mockint_home):
    notes = tmp_path / "round1.md"
    notes.write_text(TRIAL_NOTES)
    shown = run_cli("debrief", str(notes), "--yes")
    assert shown.code == 0, shown
    assert "questions quoted" not in shown.out and "questions they asked" not in shown.out  # the notes quote none
    planned = run_cli("plan")
    assert planned.code == 0, planned
    text = " ".join((shown.out + planned.out).split())
    assert "topic." not in text and "whythistrust" not in text, text
    assert "drills salary question: round-one concern" in text

    quoted = tmp_path / "quoted.md"
    quoted.write_text("Q: Why do you want to leave?\n- Fell flat: the salary question\n")
    shown = run_cli("debrief", str(quoted), "--yes")
    assert 'questions they asked: "Why do you want to leave?"' in shown.out


def _topics(notes: str) -> dict[str, tuple[bool, bool, int]]:
    """name -> (went badly, sure, mentions)."""
    return {t.name: (t.went_badly, t.sure, t.mentions) for t in parse_debrief(notes, BANK).topics}


def test_a_topic_with_a_clause_after_its_noun_keeps_the_clause():
    # Trial 3: "leading people who used to be my peers" vanished, or became "leading people".
    assert _topics("Fell flat: leading people who used to be my peers") == {"leading people who used to be my peers": (True, True, 1)}
    assert _topics("I fumbled the question on leading people who used to be my peers") == {
        "leading people who used to be my peers": (True, True, 1)}
    # A clause about the candidate or about how it went is no part of the name.
    assert set(_topics("He kept coming back to exactly-once delivery which I didn't answer well")) == {"exactly-once delivery"}
    # A habit of the person in the topic ("keeps missing") is not the interviewers coming back to it.
    assert _topics("She asked about a client who keeps missing deadlines") == {"client who keeps missing deadlines": (False, True, 1)}


def test_what_id_do_about_someone_names_the_someone_and_a_doubt_after_it_is_a_bad_answer():
    notes = "They asked what I'd do about a nurse who raises a concern about a consultant. Not sure I answered it."
    assert _topics(notes) == {"nurse who raises a concern about a consultant": (True, True, 1)}


def test_a_line_that_says_how_it_went_keeps_its_verdict():
    # An inline label labels its own item, not the lines after it.
    notes = "- Fell flat: managing former peers\n- Duty of candour question went fine."
    assert _topics(notes)["Duty of candour question"] == (False, True, 1)
    # A sentence's own verdict beats the heading it sits under.
    assert _topics("## Could have gone better\n- Setting out checks went fine.\n- rota gaps")["Setting out checks"] == (False, True, 1)
    # A comment after the last sentence is about that sentence only.
    both = _topics("Duty of candour question went fine. Safe staffing on nights - ok but too long")
    assert both["Duty of candour question"] == (False, True, 1)
    assert both["Safe staffing on nights"][:2] == (False, False)  # "ok but too long": asked about


def test_a_capitalised_adjective_before_a_gerund_is_the_topic_not_a_speaker():
    # "Safe staffing on nights" became "nights": "Safe" read as a speaker's name and "staffing on" as what they did.
    assert set(_topics("Safe staffing on nights - ok but too long")) == {"Safe staffing on nights"}
    assert set(_topics("Lone working on late shifts went fine")) == {"Lone working on late shifts"}
    assert set(_topics("Priya dug into capacity planning")) == {"capacity planning"}  # a name still is one


@pytest.mark.parametrize("said", [
    "I didn't really have an answer, it had gone fine",
    "I have none really",
    "I forgot to say Datix",
    "honestly I have no experience of it",
    "I never managed a budget and said so",
    "I couldn't think of an example",
    # the candidate's own, beside what someone else lacked (test_what_someone_else_had_no_experience_of_is_no_admission)
    "I said I had no experience of budgets",
    "I told them I didn't have any experience of it",
    "Budgets - no real experience",
    "honestly had no experience of it",
])
def test_an_admission_reads_as_bad_even_beside_fine(said):
    # trial 5: each of the first six was read as "came up, went fine"
    from mockint.coaching import phrases

    assert phrases.verdict(said) == "bad"


@pytest.mark.parametrize("line, topic", [
    ("Sickness absence management: went well, said I have never had a formal grievance upheld", "Sickness absence management"),
    ("Safeguarding - strong answer, explained we never had a serious incident", "Safeguarding"),
    ("Rota planning: nailed it, made sure nobody was left out", "Rota planning"),
    ("Medicines audit: good, I forgot nothing this time", "Medicines audit"),
])
def test_words_like_never_forgot_left_out_that_admit_nothing_leave_a_good_answer_good(line, topic):
    # a review: each of these read as went badly, beside an explicit good verdict
    (got,) = parse_debrief(f"- {line}\n", BANK).topics
    assert (got.name, got.went_badly, got.went_well) == (topic, False, True)


@pytest.mark.parametrize("said", ["Budgets - never managed one", "CQC visit - forgot to mention the rating",
                                  "Rota - left out the on-call cover", "Budgets - I had nothing"])
def test_an_admission_without_its_subject_still_reads_as_bad(said):
    (got,) = parse_debrief(f"- {said}\n", BANK).topics
    assert got.went_badly


@pytest.mark.parametrize("line", ["- good at explaining it", "- Strong at the start", "- Weak at the end, ran out of time"])
def test_good_at_or_weak_at_outside_a_summary_line_names_no_topic(line):
    # "good at explaining it" became a confident topic "explaining", "Strong at the start" the topic "start"
    assert parse_debrief(line + "\n", BANK).topics == []


@pytest.mark.parametrize("line", ["Asked about the CQC visit, good at first but forgot to say the rating",
                                  "- They asked about the CQC visit, strong at the start, then I forgot to say the rating"])
def test_a_verdict_after_a_topic_judges_the_topic_not_a_time_word(line):
    # "good at first but forgot to say the rating" pinned the admission on a topic "first"
    assert [(t.name, t.went_badly) for t in parse_debrief(line + "\n", BANK).topics] == [("CQC visit", True)]


@pytest.mark.parametrize("label", ["Gut feel", "Overall", "Summary", "- Overall"])
def test_a_summary_line_still_reads_strong_on_and_weak_on(label):
    got = {t.name: t.went_badly for t in parse_debrief(f"{label}: strong on clinical, weak on governance\n", BANK).topics}
    assert got == {"clinical": False, "governance": True}


@pytest.mark.parametrize("said, only", [("Fine-ish", True), ("ok-ish I think", True), ("not great", True),
                                         ("Curriculum intent", False), ("rota gaps went fine", False)])
def test_a_verdict_word_names_no_topic(said, only):
    from mockint.coaching import phrases

    assert phrases.only_verdict(said) is only


def test_a_bare_verdict_on_its_own_line_judges_no_earlier_topic():
    # "Fine-ish." after a topic on its line says how that went; "Overall: went fine" is the whole interview.
    debrief = parse_debrief("- Incident reporting went badly\nOverall: went fine I think.\n- Asked about rotas. Fine-ish.\n", BANK)
    got = {t.name: t.went_badly for t in debrief.topics}
    assert got == {"Incident reporting": True, "rotas": False}


def test_a_topic_the_notes_do_not_judge_is_not_said_to_have_gone_fine(run_cli, tmp_path):
    notes = tmp_path / "round1.md"
    notes.write_text("- Asked about rota gaps\n- Safeguarding referrals - I was ok\n")
    result = run_cli("debrief", str(notes), "--yes")
    assert result.code == 0, result
    assert "rota gaps: came up\n" in result.out and "safeguarding referrals: came up, went fine" in result.out.lower()
    assert "went fine: Safeguarding referrals" in result.out and "how it went): rota gaps" in result.out


# --- an admission is about the candidate, not what someone else lacked -----------------------------------------------

@pytest.mark.parametrize("said", [
    "the panel had no experience of our system",
    "the team had no experience with Kafka, so I ran a spike",
    "Sarah had no experience of custody suites",
    "my line manager had no real experience of rotas",
    "they didn't have any experience with Epic",
    "the panel seemed to have no experience of paramedic work",
])
def test_what_someone_else_had_no_experience_of_is_no_admission(said):
    from mockint.coaching import phrases

    assert phrases.verdict(said) == "none"


# (notes, topic -> went badly): in each, someone else's lack beside the candidate's own admission
NOTES_OF_OTHERS_LACKING = [
    ("Ward manager interview, round 1\n"
     "- Asked about e-rostering - the panel had no experience of our system, so I walked them through it. Went well.\n"
     "- They asked about budgets - I said I had no experience of budgets.\n",
     {"e-rostering": False, "budgets": True}),
    ("Platform engineer, first stage\n"
     "- Kafka migration: the team had no experience with Kafka, so I ran two spikes and wrote the runbook. Nailed it.\n"
     "- They kept coming back to on-call - honestly I have no experience of running a rota.\n",
     {"Kafka migration": False, "on-call": True}),
    ("Custody sergeant board\n"
     "- Inspector asked about detainee risk assessments. Sarah had no experience of custody suites, so I explained the "
     "checks. Went ok.\n"
     "- Asked about PACE reviews - I didn't have any experience of them.\n",
     {"detainee risk assessments": False, "PACE reviews": True}),
    ("Deputy head, round 1\n"
     "- Asked about the new MIS - my old school didn't have any experience with Arbor, so I trained the office. Went well.\n"
     "- Exclusions - no real experience, said so.\n",
     {"new MIS": False, "Exclusions": True}),
]


@pytest.mark.parametrize("notes, went_badly", NOTES_OF_OTHERS_LACKING, ids=[n.split("\n")[0] for n, _ in NOTES_OF_OTHERS_LACKING])
def test_a_topic_where_someone_else_lacked_experience_did_not_go_badly(notes, went_badly):
    topics = {t.name: t for t in parse_debrief(notes, BANK).topics}
    assert {name: t.went_badly for name, t in topics.items()} == went_badly
    assert all(topics[name].went_well for name, bad in went_badly.items() if not bad)


def test_an_employers_written_feedback_and_a_bare_fell_flat_are_read():
    """An electrician's trial: "Fell flat." after a topic's line became a topic of its own; "Feedback email: ... your
    safety answer felt rehearsed" became the topic "Feedback email"; "..., I waffled" after a cue was lost."""
    notes = (
        '- Feedback email: "answers lacked numbers, and your safety answer felt rehearsed"\n'
        "- Safety culture answer: I said all the right words but had no example. Fell flat.\n"
        "- Priya asked about managing an older electrician who won't take instruction from me, I waffled\n"
        "- Safe isolation question went fine\n"
    )
    topics = {t.name: t for t in parse_debrief(notes, BANK).topics}
    assert set(topics) == {"safety answer", "Safety culture answer",
                           "managing an older electrician who won't take instruction from me", "Safe isolation question"}
    assert [n for n, t in topics.items() if not t.went_badly] == ["Safe isolation question"]
    # and a felt pen is still a thing
    assert [t.name for t in parse_debrief("- The felt pen question went fine", BANK).topics] == ["felt pen question"]
    # trial 23: the recruiter "felt answers lacked numbers" made a topic "felt answers" that went badly
    email = ("Recruiter feedback (Sam @ Hays, Weds): \"they liked your hands-on experience but felt answers lacked numbers "
             "and you didn't really say why housing\". also \"be more concise\"\n")
    assert not any(t.name.lower().startswith("felt") for t in parse_debrief(email, BANK).topics)


RECRUITER_EMAIL = ("Good on safety and people; the panel felt your answers were too short and didn't show the numbers behind "
                   "your results (productivity, errors, absence). They also want to hear how you'd handle a union rep and a "
                   "missed delivery slot to a store.")


@pytest.mark.parametrize("notes", [
    RECRUITER_EMAIL,  # trial 12: one weak area, "panel"
    "- Good on safety and people\n- Answers were too short\n"  # trial 12: no weak area at all
    "- Didn't show the numbers behind my results (productivity, errors, absence)\n"
    "- They want to hear how I'd handle a union rep\n- They want to hear how I'd handle a missed delivery slot to a store\n",
])
def test_a_recruiters_feedback_email_becomes_its_concerns_and_the_criteria_it_names(notes):
    from mockint.coaching.weakness import feedback_readings

    debrief = parse_debrief(notes, BANK, feedback=feedback_readings(RUBRICS))
    assert [t.name for t in debrief.concerns] == ["union rep", "missed delivery slot to a store"]
    assert {f.id for f in debrief.feedback} == {"specificity.quantified_impact", "specificity.concrete_detail"}
    assert "panel" not in [t.name for t in debrief.topics]


def test_an_answer_that_went_ok_but_a_bit_generic_names_concrete_detail():
    # trial 11: "Why this trust went ok but a bit generic" was read only as a question they asked
    from mockint.coaching.weakness import feedback_readings

    debrief = parse_debrief("- Why this trust went ok but a bit generic\n", BANK, feedback=feedback_readings(RUBRICS))
    assert [f.id for f in debrief.feedback] == ["specificity.concrete_detail"]


def test_a_teachers_round_one_feedback_and_forewarning_are_read():
    """Trial 17: "why us - ok" opened a motivation weak area (its "why us" read as feedback whatever the verdict), the
    head's "a bit general" and "didnt quote any figures" were no feedback, "also expect something on X" no topic, and
    "PP gap" took the competency of a gap in a CV."""
    from mockint.coaching.weakness import feedback_readings

    notes = ("- why us - ok, mentioned their trust and the oracy work\n"
             "- head said my answers on data were \"a bit general\" - ouch. didnt quote any figures for KS2 maths\n"
             "- deputy asked about PP gap and I honestly didnt have an answer\n"
             "also expect something on the Ofsted framework\n")
    debrief = parse_debrief(notes, BANK, feedback=feedback_readings(RUBRICS))
    assert {a.id for a in debrief.feedback} == {"specificity.concrete_detail", "specificity.quantified_impact"}
    topics = {t.name: t for t in debrief.topics}
    assert topics["why us"].went_well and not topics["why us"].went_badly
    assert topics["Ofsted framework"].forewarned
    assert topics["PP gap"].went_badly and "career_history" not in topics["PP gap"].competencies
    # a software engineer's recruiter (trial 18): read as no topic and no feedback
    we_heavy = parse_debrief("- recruiter said my answers were very we-heavy\n", BANK, feedback=feedback_readings(RUBRICS))
    assert [a.id for a in we_heavy.feedback] == ["specificity.ownership"]


def test_a_concern_named_anew_on_a_later_run_keeps_the_new_name():
    """A software engineer's trial: renamed at the prompt ("code review and mentoring"), shown renamed, saved as before."""
    from mockint.coaching.debrief import settle

    notes = "- They said round two will ask about code review + mentoring\n"
    first = parse_debrief(notes, BANK)
    ledger = apply_debrief(Ledger(), first.keeping([t for t in first.topics]))
    (old,) = [e for e in ledger.entries.values() if e.source == "debrief"]
    renamed = settle(first.topics[0], BANK, name="code review and mentoring")
    assert renamed.id == old.id  # the same concern
    again = apply_debrief(ledger, first.keeping([renamed]))
    assert again.entries[old.id].name == "code review and mentoring" and len(again.entries) == len(ledger.entries)


def test_a_persons_name_a_time_or_a_reminder_is_never_a_topic():
    """Trial 19's and 20's notes: "Gareth", "didnt", "CHECK", "2" and "end" became weak areas the plan drilled ("One
    answer fell flat in round one: didnt.")."""
    notes = ("panel = Gareth (site GM) + Priya (HR BP)\n"
             "- Gareth: \"all firefighting, not enough about how youd plan\"\n"
             "- blanked on KPIs - OTIF, pick rate, didnt know what they measure it against\n"
             "- asked how much we'd improved month end close and I couldnt remember the figure. CHECK\n"
             "- Priya asked twice how i dealt with a poor performer\n"
             "Helen said at the end \"strong technically\"\n")
    topics = _topics(notes)
    assert not {"gareth", "priya", "didnt", "check", "end", "2"} & {name.lower() for name in topics}, topics
    assert topics["dealing with a poor performer"][2] == 2, topics  # asked twice
    assert "month end close" in topics, topics


def test_a_recruiters_good_but_long_and_dig_for_the_outcome_is_feedback_on_length_and_result():
    """Trial 21's headline feedback, "examples good but long, she "had to dig for the outcome"", was read as went well:
    no area opened, and the plan never coached it."""
    from mockint.coaching.weakness import feedback_readings

    notes = '- Feedback from Priya afterwards: examples good but long, she "had to dig for the outcome"\n'
    debrief = parse_debrief(notes, BANK, feedback=feedback_readings(RUBRICS))
    assert {a.id for a in debrief.feedback} == {"star.result", "delivery.length"}, debrief.feedback
    assert not debrief.topics, debrief.topics


def test_a_topic_they_came_back_to_whose_answer_went_badly_is_drilled_before_one_that_only_came_up_as_often():
    # trial 22: "ACPTs" (asked about twice, no verdict) was drilled before "medicines reconciliation" (asked twice, and
    # she waffled), as the ids broke the tie
    notes = ("- Karen kept coming back to ACPTs\n"
             "- medicines reconciliation - Karen asked twice how many meds recs I do a day and what I do when the GP "
             "list doesnt match POD. I waffled, didnt give numbers\n")
    debrief = parse_debrief(notes, BANK)
    assert {t.name: (t.mentions, t.went_badly) for t in debrief.topics} == {
        "ACPTs": (2, False), "medicines reconciliation": (2, True)}
    areas = [a.name for a in current_weak_areas(apply_debrief(Ledger(), debrief), None, RUBRICS) if a.kind == "debrief"]
    assert areas == ["medicines reconciliation", "ACPTs"]


@pytest.mark.parametrize("when", ["in round 2", "in round two", "in the 2nd round", "in the next round"])
def test_when_round_two_will_ask_is_no_part_of_the_topic(when):
    # trial 22: "They'll probe on stock management and reducing waste in round 2" gave the topic "reducing waste in round 2"
    debrief = parse_debrief(f"They'll probe on stock management and reducing waste {when}\n", BANK)
    assert {t.name for t in debrief.topics} == {"stock management", "reducing waste"}


def test_a_question_that_names_a_concerns_topic_drills_it_whoever_wrote_it():
    # trial 22: her own "You find a controlled drug discrepancy ... What would you do?", answered at 100, left
    # "controlled drugs discrepancies" open with no word of progress; a question sharing only a word does not count
    ledger = apply_debrief(Ledger(), parse_debrief("- blanked on controlled drugs discrepancies. awful\n", BANK))
    (concern,) = [e for e in ledger.entries.values() if e.kind == "debrief"]
    session = make_session([
        make_answer("a01", "own.q1", question_text="You find a controlled drug discrepancy during a ward stock check. "
                                                   "What would you do?"),
        make_answer("a02", "own.q2", question_text="Tell me about a time a drug round ran late."),
    ])
    after = record_round(ledger, session, RUBRICS).entries[concern.id]
    assert after.passes == ["own.q1"] and [e.outcome for e in after.history] == ["imported", "pass"]


@pytest.mark.parametrize("doing", ["leading through a restructure", "managing people through change"])
def test_a_doing_through_something_is_one_topic(doing):
    # trial 23: "they'll probe on change management and on leading through a restructure" kept only "leading"
    debrief = parse_debrief(f"They'll probe on change management and on {doing}\n", BANK)
    assert {t.name for t in debrief.topics} == {"change management", doing}


def test_a_line_read_as_going_badly_but_naming_no_topic_is_still_accounted_for(run_cli, tmp_path, mockint_home):
    # an HR partner's panel's main worry vanished without notice: read as going badly, named no topic, not listed
    notes = tmp_path / "round1.md"
    notes.write_text("- They kept coming back to union consultation\n"
                     "Dev seemed worried I've never worked with academics who don't see HR as authority.\n")
    result = run_cli("debrief", str(notes), "--yes")
    assert result.code == 0, result
    shown = " ".join(result.out.split())
    assert "No topic read in:" in shown and "Dev seemed worried I've never worked with academics" in shown, shown


def test_re_is_read_as_about_only_as_a_word_of_its_own():
    # a nurse's notes: "How would you lead a shift when you're two staff down?" came back as "when you'about two"
    debrief = parse_debrief("- How would you lead a shift when you're two staff down?\n- re: rota I blanked\n", BANK)
    assert debrief.questions_asked == ["How would you lead a shift when you're two staff down?"]


def test_coaching_a_team_is_managing_people_and_the_plan_drills_it_with_a_question_on_that():
    # A sales trial: round one's "coaching" (of her future reps) was mapped to "Taking criticism and feedback" and drilled
    # with "How do you handle constructive criticism?", and "people management" with "something you improved".
    notes = ("Went badly: coaching - they asked how I'd coach a rep who keeps missing target and I had no real example\n"
             "They kept coming back to people management, I've never had direct reports (asked 3 times)\n")
    debrief = parse_debrief(notes, BANK)
    topics = {t.name: t for t in debrief.topics}
    # (named "coaching", or by what they asked of it: "coaching a rep who keeps missing target")
    coaching = next(t for name, t in topics.items() if name.startswith("coaching"))
    assert coaching.went_badly and coaching.competencies[0] == "people_management"
    assert topics["people management"].competencies[0] == "people_management"
    plan = plan_next_round(current_weak_areas(apply_debrief(Ledger(), debrief), None, RUBRICS), [], BANK, RUBRICS, n=8)
    drilled = [q for q in plan if q.source == "bank" and q.targets in ("topic.coaching", "topic.people_management")]
    assert drilled and all("people_management" in q.competencies for q in drilled)
    assert not any("criticism" in q.text for q in plan)
    # nor is a review of a case feedback taken (a probation officer's "blanked on the SFO review process" was drilled
    # with "How do you handle constructive criticism?")
    assert "receptiveness_to_feedback" not in BANK.competencies_for_text("SFO review process")
    assert BANK.competencies_for_text("taking feedback from my manager") == ["receptiveness_to_feedback"]


def test_a_fumbled_question_on_a_topic_went_badly_and_feedback_after_a_name_is_read():
    # a support lead's trial (37): "I fumbled the question on budget" was read by its later "question on" as a topic that
    # came up, sure of it, and "Feedback at the end from Jon: answers were light on numbers" as a topic "Feedback at the
    # end from Jon", the feedback lost
    from mockint.coaching.weakness import feedback_readings

    notes = ("- I fumbled the question on stock control - never ran a stock take myself\n"
             "- Feedback at the end from Priya: answers were light on numbers\n")
    debrief = parse_debrief(notes, BANK, feedback=feedback_readings(RUBRICS))
    topic = next(t for t in debrief.topics if t.name.startswith("stock control"))
    assert topic.went_badly
    assert [f.id for f in debrief.feedback] == ["specificity.quantified_impact"]
    assert not any("Feedback" in n for n in debrief.notes)


def test_a_round_one_topic_answered_in_other_words_is_a_partial_answer_that_passes_nothing():
    # a maths teacher's trial (38): her accountability story never said "account" and was capped at 20 as off-topic under
    # the plan's "...one topic: holding staff to account"; the next plan taught her to echo the words
    from mockint.records import Transcript
    from mockint.scoring import score_question
    from mockint.scoring.offline import OfflineScorer
    from mockint.scoring.rubrics import load_rubrics

    question = ("In your first interview they kept coming back to one topic: holding staff to account. What would you "
                "tell them now? Give one specific example and proof they could check.")
    story = ("last year one of my teachers had stopped setting homework for her year nine set, about five weeks with "
             "nothing. I met her formally, we agreed in writing that she'd set it every Monday, and I checked the "
             "online platform every Friday and told her what I saw. within a term completion went from eleven percent "
             "to sixty eight, and she now shows the new teachers how she does it.")
    card = score_question(OfflineScorer(), question, Transcript(text=story, duration=0.0), load_rubrics())
    relevance = card.criterion("specificity.relevance")
    assert relevance.score == 2 and '"holding staff to account"' in relevance.feedback
    assert card.overall >= 60
    ledger = apply_debrief(Ledger(), parse_debrief("- they kept coming back to holding staff to account\n", BANK))
    (concern,) = [e for e in ledger.entries.values() if e.kind == "debrief"]
    answer = make_answer("a01", "fu.topic", question_text=question, targets=concern.id)
    answer = answer.model_copy(update={"scorecard": card})
    after = record_round(ledger, make_session([answer]), RUBRICS).entries[concern.id]
    assert after.passes == [] and after.status == "open"
    # ... and the ledger says why (a youth work lead's 82.9 on "diversity" left it open with no word of it)
    assert after.uncounted() == "not counted: the answer never says how it shows holding staff to account (Relevance 2 of 4)"


@pytest.mark.parametrize("name, note", [
    ("growing A level and further maths uptake in the sixth form", "blanked on further maths, I've never run KS5"),
    ("budget", "never owned a budget, said my manager handles that"),
])
def test_a_goal_to_pursue_or_a_thing_never_done_is_drilled_as_a_plan_not_a_story(name, note):
    # a maths teacher's trial (38): "growing A level ... uptake -> blanked, I've never run KS5" was asked for "one specific
    # example"; her honest answer scored 6.7 and the concern was never asked again
    from mockint.scoring.kinds import classify_topic

    assert classify_topic(name, [note]) == "situational"
    assert classify_topic("conflict with a colleague", ["too vague, no numbers"]) == "behavioural"


def test_why_this_company_in_a_list_of_what_round_two_will_ask_is_a_topic_and_the_others_keep_their_kinds():
    # a sales manager's trial: "why this company" was dropped, and "hiring" and "P&L ownership" were asked as motivation
    # questions ("Give your reasons as you would there"), the line's "why" read as theirs
    from mockint.scoring.kinds import classify_topic

    line = "Expect questions on P&L ownership, on hiring, and on why this company"
    topics = {t.name: t for t in parse_debrief(f"- {line}\n", BANK).topics}
    assert {"hiring", "why this company"} <= set(topics) and any("ownership" in name for name in topics)
    assert all(t.forewarned for t in topics.values())
    assert classify_topic("why this company", [line]) == "motivation"
    assert classify_topic("hiring", [line]) == classify_topic("P & L ownership", [line]) == "behavioural"


def test_a_vague_why_this_company_is_that_topic_gone_badly_not_a_concrete_detail_area():
    from mockint.coaching.weakness import feedback_readings

    notes = "- Sarah also asked why this company and not staying where I am, I was vague\n"
    debrief = parse_debrief(notes, BANK, feedback=feedback_readings(RUBRICS))
    topics = {t.name: t for t in debrief.topics}
    assert topics["why this company"].went_badly
    assert debrief.feedback == []  # it had become "Specificity: Concrete detail", closed by two stories


def test_a_short_plan_drills_an_answer_that_fell_flat_as_well_as_what_round_two_will_ask():
    # a sales manager's notes forewarned four topics and had five answers fall flat: neither a 6- nor a 10-question plan
    # drilled one that fell flat (the compliance question answered "I'd probably let it go")
    notes = ("- They'll probe on territory planning and call rates in round two\n"
             "- Expect questions on P&L ownership and on hiring\n"
             "- fumbled the question on forecasting accuracy\n"
             "- Fell flat: handling a difficult surgeon complaint\n"
             "- the compliance question on surgeon hospitality went badly\n")
    debrief = parse_debrief(notes, BANK)
    reasons = {t.name: t.reason for t in debrief.topics}
    assert sorted(set(reasons.values())) == ["fell_flat", "forewarned"], reasons
    areas = current_weak_areas(apply_debrief(Ledger(), debrief), None, RUBRICS)
    plan = plan_next_round(areas, [], BANK, RUBRICS, n=4)
    drilled = [reasons.get(next((n for n in reasons if n in q.text), ""), "") for q in plan if q.source == "followup"]
    assert "fell_flat" in drilled and "forewarned" in drilled, [q.text for q in plan]


def test_a_heading_over_notes_added_later_is_no_topic_and_a_first_90_days_answer_that_said_little_went_badly():
    # a ward sister's notes: "drive home" came up, and the first-90-days question she answered badly was missed
    notes = ("Added thurs - remembered on the drive home:\n"
             "- Dev asked what I'd do in my first 90 days on a new ward. I said \"get to know the team\" and not much "
             "else\n")
    topics = {t.name: t for t in parse_debrief(notes, BANK).topics}
    assert not any("drive home" in name for name in topics)
    assert any(name.startswith("first 90 days") and t.went_badly for name, t in topics.items()), topics


def test_a_round_one_concern_whose_question_was_answered_is_asked_anew_and_a_better_retake_is_progress():
    # a ward sister's "falls": the plan's "Let's try it again" was answered weakly, no later plan asked about falls, and
    # a much better retake of the same question stayed "not counted: a retake", so the concern was open for good
    ledger = apply_debrief(Ledger(), parse_debrief("- Fell flat: falls\n", BANK))
    (entry_id,) = [k for k, e in ledger.entries.items() if e.kind == "debrief"]
    first = next(q for q in plan_next_round(current_weak_areas(ledger, None, RUBRICS), [], BANK, RUBRICS, n=3)
                 if q.targets == entry_id)
    zero = {key: 0 for key in ("star.situation", "star.task", "star.action", "star.result", "specificity.real_example")}
    weak = make_answer("a01", first.id, zero, question_text=first.text, targets=entry_id)
    session = make_session([weak])
    ledger = record_round(ledger, session, RUBRICS)
    assert ledger.entries[entry_id].status == "open"
    again = [q for q in plan_next_round(current_weak_areas(ledger, session, RUBRICS), session.answers, BANK, RUBRICS,
                                        n=3, session_id=session.id) if q.targets == entry_id]
    assert again and all(q.text != first.text for q in again) and "falls" in again[0].text
    retake = make_answer("a01", first.id, {"specificity.relevance": 4}, question_text=first.text, targets=entry_id)
    ledger = record_round(ledger, make_session([retake], session_id="20261204-120000-0002"), RUBRICS)
    entry = ledger.entries[entry_id]
    assert entry.status == "improving" and "a new question resolves it" in entry.history[-1].note


def test_the_again_question_names_its_round_one_topic_as_the_others_do():
    # its answer is read as one on "falls" (a partial answer when it never names it), not against the template's own
    # words, as for the retry, revisit and forewarned questions
    from mockint.scoring.kinds import load_kinds, topic_asked

    for kind in load_kinds().values():
        if kind.again:
            assert topic_asked(kind.again.format(topic="falls")) == "falls"
