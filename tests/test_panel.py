"""Interview panels (--panel): the panels file, turns, who asks what, each panelist's view."""

from __future__ import annotations

import json

import pytest

from mockint.coaching.panel import get_panel, load_panels, panelist_views, seat_panel
from mockint.coaching.probe import choose_probe
from mockint.coaching.questions import load_bank
from mockint.errors import DataFileError, UsageError
from mockint.scoring.rubrics import load_rubrics
from tests.test_weakness import make_answer

BANK = load_bank()
ALL_RUBRICS = load_rubrics()
PANELS = load_panels(bank=BANK, rubrics=ALL_RUBRICS)
STORY = (
    "We had a big launch for an important client at my last company. "
    "We all worked together and we had a lot of meetings. In the end the client was happy."
)


def test_bundled_panels_have_two_to_four_distinct_panelists_with_distinct_voices():
    assert {"pair", "full"} <= set(PANELS)
    for panel in PANELS.values():
        people = panel.panelists
        assert 2 <= len(people) <= 4
        assert len({p.voice for p in people}) == len(people), f"{panel.id}: each panelist sounds different"
        assert all(p.focus.criteria and p.questions for p in people)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: d["panelists"][0]["questions"].append("beh.nope"), "no question 'beh.nope' in the bank"),
        (lambda d: d["panelists"][0]["focus"]["criteria"].append("star.nope"), "unknown criterion 'star.nope'"),
        (lambda d: d["panels"][0]["panelists"].append("ghost"), "names unknown panelist 'ghost'"),
        (lambda d: d["panels"][0].update(panelists=["hiring_manager"]), "panels.0.panelists"),
        (lambda d: d["panelists"].append(dict(d["panelists"][0])), "panelist id 'hiring_manager' is used twice"),
    ],
)
def test_a_broken_panels_file_is_one_line_naming_it(tmp_path, edit, expected):
    import yaml

    from mockint.coaching.panel import panels_path

    data = yaml.safe_load(panels_path().read_text())
    edit(data)
    path = tmp_path / "panels.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(DataFileError) as err:
        load_panels(path, bank=BANK, rubrics=ALL_RUBRICS)
    assert str(err.value).startswith(str(path)) and expected in str(err.value)
    assert "\n" not in str(err.value)


def test_an_unknown_panel_is_a_usage_error_with_a_suggestion():
    with pytest.raises(UsageError) as err:
        get_panel("pari", PANELS)
    assert "did you mean 'pair'" in (err.value.hint or "")


def test_panelists_take_turns_with_their_own_questions_then_the_closest_bank_question():
    panel = PANELS["pair"]
    manager, peer = panel.panelists
    questions, askers = seat_panel(panel, BANK, [None] * 10, seed=1)
    assert [askers[q.id] for q in questions] == [manager.id, peer.id] * 5
    ids = [q.id for q in questions]
    assert len(set(ids)) == 10, "no question twice"
    assert ids[:2] == [manager.questions[0], peer.questions[0]]
    # After their own four, each asks a bank question that fits their focus.
    for question in questions[8:]:
        person = panel.get(askers[question.id])
        q = BANK.get(question.id)
        assert question.id not in person.questions
        assert not person.focus.kinds or q.kind in person.focus.kinds
        assert set(q.competencies) & set(person.focus.competencies) or set(q.criteria) & set(person.focus.criteria)


def test_a_question_named_by_a_file_goes_to_its_owner_and_the_turns_go_on():
    panel = PANELS["full"]
    why_here = BANK.get("fit.why_here").ref()
    questions, askers = seat_panel(panel, BANK, [why_here, None, None, BANK.get("beh.said_no").ref()])
    assert questions[0] == why_here and askers["fit.why_here"] == "people_partner"  # in her list
    # Slots 1 and 2 are the 2nd and 3rd panelists' turns; slot 3's question is nobody's: the 4th asks it.
    assert [askers[q.id] for q in questions[1:]] == ["senior_peer", "people_partner", "senior_leader"]
    assert questions[2].id == "beh.teamwork_goal", "fit.why_here is taken: her next own question"


def test_a_panelists_probe_opens_their_way_and_drills_their_focus_first():
    manager = PANELS["pair"].panelists[0]
    answer = make_answer("a01", "beh.teamwork_goal", {"star.task": 0, "star.result": 1}, text=STORY)
    probe = choose_probe(answer, ALL_RUBRICS, prefer=manager.focus.criteria, lead=manager.probe_lead)
    assert probe is not None and probe.targets == "star.result"  # task is weaker, but result is her focus
    assert probe.text.startswith(manager.probe_lead + " You said")


def test_each_panelist_gives_a_view_and_what_they_would_still_want_to_know():
    panel = PANELS["pair"]
    manager, peer = panel.panelists
    a01 = make_answer("a01", "beh.teamwork_goal", {"star.result": 1, "star.action": 1}, text=STORY)
    a01.asked_by = manager.id
    probe = make_answer("a02", "x", {"star.result": 3, "star.action": 1}, text="It cut tickets by 40 percent.")
    probe.question = choose_probe(a01, ALL_RUBRICS, prefer=manager.focus.criteria)
    probe.probe_of, probe.asked_by = "a01", manager.id
    a03 = make_answer("a03", "beh.complex_problem", text=STORY)
    a03.asked_by = peer.id
    views = {v.panelist.id: v for v in panelist_views(panel, [a01, probe, a03], ALL_RUBRICS)}
    mv, pv = views[manager.id], views[peer.id]
    assert mv.asked == ["a01", "a02"] and pv.asked == ["a03"]
    result = next(p for p in mv.points if p.criterion == "star.result")
    assert result.shown is False and result.prompted, "shown only after the prompt"
    assert result.scores[0] == "a01 3/4 after a prompt (1/4 alone)"
    assert "only after a prompt" in mv.verdict and "Result" in mv.verdict
    action = next(p for p in pv.points if p.criterion == "star.action")
    assert action.shown is False and not action.prompted
    assert pv.verdict.startswith("Heard Action in a03, not in a01;")  # a03 (every criterion at its bar) showed it
    # The peer would still ask about the action, quoting the story; and names what no question tested.
    assert any(w.startswith(peer.probe_lead) and "You said" in w for w in pv.still_want)
    assert any("Reasoning: nothing yet" in w for w in pv.still_want)


@pytest.mark.slow
def test_a_panel_session_records_who_asked_what_and_the_report_gives_each_view(run_cli, mockint_home, tmp_path):
    from mockint.samples import load_samples

    # The first answer is speech, whose gap the panel probes; the reply and the next answer are typed: they only show
    # who asks what (the same turns through the microphone: tests/test_mic.py), and 113 s of speech cost CI ~30 s.
    samples = {s.id: s for s in load_samples()}
    reply, second = tmp_path / "reply.txt", tmp_path / "second.txt"
    reply.write_text("I rewrote the handover checklist myself and late handovers fell from nine a week to two.\n")
    second.write_text("I noticed the cold store alarm log had gaps so I audited it and we now check it every shift.\n")
    result = run_cli(
        "practice", "--offline", "--panel", "pair", "--answers-from",
        f"beh.teamwork_goal={samples['vague_we'].path}", f"probe={reply}", str(second),
    )
    assert result.code == 0, result
    (path,) = (mockint_home / "sessions").glob("*/session.json")
    data = json.loads(path.read_text())
    rnd = data["rounds"][0]
    assert rnd["panel"]["id"] == "pair" and len(rnd["panel"]["panelists"]) == 2
    answers = {a["id"]: a for a in rnd["answers"]}
    first = next(a for a in answers.values() if a["question"]["id"] == "beh.teamwork_goal")
    probe = next(a for a in answers.values() if a["probe_of"] == first["id"])
    second = next(a for a in answers.values() if a["id"] not in (first["id"], probe["id"]))
    assert first["asked_by"] == probe["asked_by"] == rnd["askers"]["beh.teamwork_goal"]
    assert second["asked_by"] != first["asked_by"], "they take turns"
    lead = next(p["probe_lead"] for p in rnd["panel"]["panelists"] if p["id"] == first["asked_by"])
    assert probe["question"]["text"].startswith(lead)
    assert "Dana Okafor (Hiring manager) asks:" in result.out and "Sam Lindqvist" in result.out
    report = (path.parent / "report.md").read_text()
    assert "The panel's view" in report and "#### Dana Okafor (Hiring manager)" in report
    assert "Would still want to know" in report


def test_the_verdict_says_only_what_the_scores_show_answer_by_answer():
    """Trial (and the README's own example): "Heard Result only after a prompt" beside "Result: a01 3/4
    after a prompt (1/4 alone); a02 3/4": a02 showed it unprompted."""
    panel = PANELS["pair"]
    manager, peer = panel.panelists
    a01 = make_answer("a01", "beh.teamwork_goal", {"star.result": 1, "specificity.quantified_impact": 0}, text=STORY)
    a01.asked_by = manager.id
    probe = make_answer("a03", "x", {"star.result": 3, "specificity.quantified_impact": 3}, text="It cut tickets by 40 percent.")
    probe.question = choose_probe(a01, ALL_RUBRICS, prefer=manager.focus.criteria)
    probe.probe_of, probe.asked_by = "a01", manager.id
    a02 = make_answer("a02", "beh.complex_problem", {"star.action": 1}, text=STORY)  # result shown unprompted
    a02.asked_by = peer.id
    views = {v.panelist.id: v for v in panelist_views(panel, [a01, a02, probe], ALL_RUBRICS)}
    mv, pv = views[manager.id], views[peer.id]
    result = next(p for p in mv.points if p.criterion == "star.result")
    assert result.scores == ["a01 3/4 after a prompt (1/4 alone)", "a02 3/4"]
    # Not "heard Result only after a prompt": each answer as it scored.
    assert "Result, Quantified impact in a02, in a01 only after a prompt" in mv.verdict, mv.verdict
    assert "Result only after a prompt" not in mv.verdict
    # Action: a02 below its bar, a01 at it unprompted: neither "convinced" nor "not convinced" on all of it.
    assert "Action in a01, not in a02" in pv.verdict, pv.verdict
    assert "not convinced on Action" not in pv.verdict and "convinced on Action" not in pv.verdict


@pytest.mark.slow
def test_an_answer_file_with_no_reply_file_still_shows_the_follow_up_it_would_have_had(run_cli, mockint_home):
    """Trial 4 practised from recordings and never saw what the interviewer would have asked next."""
    from mockint.samples import load_samples

    samples = {s.id: s for s in load_samples()}
    result = run_cli("practice", "--offline", "--answers-from", f"beh.teamwork_goal={samples['vague_we'].path}")
    assert result.code == 0, result
    out = " ".join(result.out.split()) + " " + " ".join(result.err.split())
    assert "Follow-up on a01" in out and "You said" in out
    assert f"no reply file for this follow-up on a01, so it is skipped: to answer it, give probe=FILE right after {samples['vague_we'].path.name} (--probes 0 asks no follow-ups)" in out
    (path,) = (mockint_home / "sessions").glob("*/session.json")
    assert [a["id"] for a in json.loads(path.read_text())["rounds"][0]["answers"]] == ["a01"], "nothing is recorded for it"
