"""Scoring trust problems a new-user trial found (trial 6, a store manager going for Area Manager), each read as its
phenomenon across jobs and wordings. All answers here are made up for these tests.

- S4: a short, complete knowledge or plan answer can score well: cue counts are read at the typical answer length, a
  term defined as a practitioner defines it is a precise term, and no "I" or "we" is not all "we".
- S5: a quiet word about what the plan hides, or will not report, is private handling: never the plan's evidence; a
  safety team is someone a plan escalates to.
- S6: a criterion a whole-card gate lowered says the gate is the reason; what counts against a criterion shows
  nothing for it.
- S9: Action 4 needs its reasoning, a trade-off or an obstacle quoted; the candidate's own time spent is effort, not
  a measure of impact.
"""

from __future__ import annotations

import pytest

from mockint.records import Transcript
from mockint.scoring import safety
from mockint.scoring.card import apply_question_criteria
from mockint.scoring.kinds import criteria_for, load_kinds
from mockint.scoring.offline import OfflineScorer, answer_features, cue_phrases, judge, judge_kinds, read_answer
from mockint.scoring.rubrics import load_rubrics
from mockint.scoring.semantic import gates, phrases_pattern
from mockint.scoring.support import shows


def _score(question: str, answer: str, kind: str | None = None):
    rubrics = load_rubrics()
    if kind is None:
        kind, criteria = criteria_for(question)
    else:
        criteria = load_kinds()[kind].criteria
    wanted = {key.split(".")[0] for key in criteria}
    used = [r for r in rubrics if r.id in wanted]
    card = OfflineScorer().score(question, Transcript(text=answer, duration=0.0), used, kind=kind)
    return apply_question_criteria(card, criteria, used)


def _criterion(card, key: str):
    return next(c for c in card.criteria if c.key == key)


# --- S4: short, complete knowledge and plan answers ---------------------------------------------------------------

# (job, question, a short answer that names the steps, terms and limits a practitioner would)
SHORT_KNOWLEDGE = [
    (
        "HR advisor",
        "What is the difference between a grievance and a disciplinary?",
        "A grievance is a complaint an employee raises about how they've been treated, which is heard by a manager "
        "who isn't involved. A disciplinary is the employer's process about conduct or capability: an investigation "
        "first, then a hearing where they can bring a companion, then a written outcome, and there's always a right "
        "of appeal. The notes of each stage are your defence at a tribunal.",
    ),
    (
        "finance",
        "What is working capital and how would you improve it?",
        "Working capital is current assets minus current liabilities, which is the cash tied up in running the "
        "business: stock, debtors and creditors. To improve it you cut debtor days by invoicing on delivery and "
        "chasing from thirty days, hold less slow-moving stock, and agree longer terms with suppliers, within the "
        "limit of not damaging the relationship.",
    ),
]


@pytest.mark.parametrize("job, question, answer", SHORT_KNOWLEDGE, ids=[row[0] for row in SHORT_KNOWLEDGE])
def test_a_short_specific_knowledge_answer_reads_as_specific(job, question, answer):
    assert len(answer.split()) < 90
    card = _score(question, answer, "technical")
    assert _criterion(card, "technical.accuracy").score >= 3
    assert _criterion(card, "specificity.relevance").score >= 3


def test_a_term_defined_as_a_practitioner_defines_it_shows_a_precise_term():
    phrases = cue_phrases(load_rubrics())
    for said in ("The biggest part is known loss, which is waste from damages and markdowns.",
                 "Float is defined as the time an activity can slip without moving the end date.",
                 "You set a critical limit at each point and keep the reading within it."):
        assert shows("specific_term", said.lower(), phrases), said
    assert not shows("specific_term", "it is basically where you look at the things that can go wrong.", phrases)


# (job, question, a short plan told in order: who first, the fix agreed, the check, what follows if it fails)
SHORT_PLANS = [
    (
        "retail area manager",
        "What would you do if one of your store managers kept going over their overtime budget?",
        "I'd sit down with her and go through the last six weeks of rotas against footfall, day by day. We'd agree "
        "where the hours go and a target for the next month, and I'd check it weekly with her. If it's still over "
        "in a month, it becomes a formal conversation.",
    ),
    (
        "school head of year",
        "What would you do if a tutor in your team kept missing the register deadline?",
        "I'd talk to him first and look at which mornings it's happening and why. We'd agree a fix, say the register "
        "done before the first bell, and I'd check the attendance report every Friday. If it isn't sorted in a "
        "fortnight, I'd take it to the deputy head as a capability matter.",
    ),
]


@pytest.mark.parametrize("job, question, answer", SHORT_PLANS, ids=[row[0] for row in SHORT_PLANS])
def test_a_short_plan_told_in_order_is_a_clear_sequence(job, question, answer):
    assert len(answer.split()) < 80
    card = _score(question, answer, "situational")
    assert _criterion(card, "situational.plan").score >= 3


def test_an_answer_with_neither_i_nor_we_is_not_read_as_all_we():
    question, answer = SHORT_KNOWLEDGE[0][1], SHORT_KNOWLEDGE[0][2].replace("I test it", "It is tested").replace(
        "I record", "the trip time goes")
    reading = read_answer(answer, question, "technical", load_rubrics())
    features = answer_features(reading, {**judge(reading), **judge_kinds(reading)})
    assert reading.total("i_words") == reading.total("we_words") == 0
    assert features["i_share"] == 1.0


# --- S5: a quiet word about what the plan hides --------------------------------------------------------------------

# (job, question, a plan that handles it quietly and hides it or will not report it, the words of its refusal)
HIDDEN_QUIETLY = [
    (
        "warehouse",
        "What would you do if a forklift driver told you he'd clipped a racking upright and not reported it?",
        "Honestly I'd have a quiet word with him, just between the two of us. I wouldn't go to the health and safety "
        "team, they'd shut the aisle for a week. I'd tell him to be more careful and keep it quiet.",
        "health and safety",
    ),
    (
        "care home",
        "What would you do if a carer told you she had given a resident the wrong tablets?",
        "I'd have a quiet word with her in the office, just between us. I wouldn't tell the manager because she'd "
        "be disciplined and she's a good carer, so I'd keep it to ourselves and keep it quiet.",
        "tell the manager",
    ),
]


@pytest.mark.parametrize("job, question, answer, refused", HIDDEN_QUIETLY, ids=[row[0] for row in HIDDEN_QUIETLY])
def test_a_quiet_word_about_what_the_plan_hides_is_never_its_plan_or_judgement(job, question, answer, refused):
    card = _score(question, answer, "situational")
    for key in ("situational.plan", "situational.judgement"):
        assert not any("quiet word" in e.quote for e in _criterion(card, key).evidence), key
    line = _criterion(card, "situational.judgement").feedback
    assert "quiet word" in line and refused in line
    assert card.overall <= 35


def test_a_quiet_word_about_lateness_in_a_plan_that_hides_nothing_is_no_finding():
    plan = ["I'd have a quiet word with him, just between the two of us, about being late three times this month.",
            "If it carries on I'd tell my manager and start the formal process."]
    assert not [f for f in safety.findings(plan) if f.kind != "shortcut"]


def test_a_safety_team_is_someone_a_plan_escalates_to():
    for said in ("I wouldn't go to the food safety team about it.", "I wouldn't ring the health and safety team.",
                 "I won't involve the loss prevention team."):
        assert [f.kind for f in safety.findings([said])] == ["escalation_refused"], said


# --- S6: the card line says what holds the level down -------------------------------------------------------------

# (job, question, a proud disaster told all in "I" with its figures)
PROUD_DISASTERS = [
    (
        "restaurant",
        "Tell me about a time you cut costs in your kitchen.",
        "Last spring I took over the ordering myself and I cut the fish order by a third. I stopped the daily "
        "specials and I told the chefs nothing gets ordered without my sign off. Food cost came down from 34 to 29 "
        "percent in two months. Covers fell from 900 to about 700 a week, complaints went up and two of my chefs "
        "left. But the food cost was the best in the group and I'd do exactly the same again.",
    ),
    (
        "call centre",
        "Tell me about a time you improved your team's handling time.",
        "In 2022 I rewrote the call script myself and I set a hard limit of four minutes a call. I monitored every "
        "agent's handle time daily and I moved the slowest to email. Average handle time went from 7 to 4 minutes. "
        "Complaints went up from 20 to 55 a month and three of my agents quit. But we hit the target and I'd call "
        "that a win.",
    ),
]


@pytest.mark.parametrize("job, question, answer", PROUD_DISASTERS, ids=[row[0] for row in PROUD_DISASTERS])
def test_a_criterion_a_whole_card_gate_lowered_says_the_gate_is_why(job, question, answer):
    card = _score(question, answer, "behavioural")
    held = {spec["held"] for spec in gates().values() if spec["held"]}
    action = _criterion(card, "star.action")
    assert action.score <= 1 and action.evidence
    assert action.feedback in held  # not 'Actions described only as "we"' beside quotes all "I"
    assert "incidental" not in _criterion(card, "specificity.quantified_impact").feedback  # the gate's words, its own or held


def test_a_phrase_word_with_a_star_before_its_ending_matches_any_word_with_it():
    pattern = phrases_pattern(["every *'s different"])
    assert pattern.search("it depends really, every week's different")
    assert pattern.search("every site's different")
    assert not pattern.search("every week we check the rota")


def test_what_counts_against_a_criterion_shows_nothing_for_it():
    phrases = cue_phrases(load_rubrics())
    assert not shows("method", "it depends on the situation really, like every week's different.", phrases)
    assert not shows("method", "every shift's different, so I just deal with it.", phrases)
    assert shows("method", "every week I check the rota against the budget.", phrases)


@pytest.mark.parametrize("question, answer", [
    ("How do you control a wage budget across several stores?",
     "With the wage budget I just keep a close eye on it. It depends on the situation really, like every week's "
     "different. If we're over we look at it and sort it out."),
    ("How do you make sure nothing gets missed on a busy ward?",
     "Every shift's different so it depends on the situation really. I just keep on top of things and make sure "
     "it's all done."),
])
def test_vague_approach_talk_is_never_quoted_as_the_method(question, answer):
    method = _criterion(_score(question, answer, "approach"), "approach.method")
    assert method.score <= 1
    assert not any("different" in e.quote or "depends" in e.quote for e in method.evidence)


# --- S9: a generous story -----------------------------------------------------------------------------------------

# (job, question, a story of first-person steps told with no reason, trade-off or obstacle, and its twin with them)
STEPS_WITHOUT_REASONS = [
    (
        "bakery supervisor",
        "Tell me about a time you developed someone in your team.",
        "I had a baker, Tom, who was keen but slow on the ovens. I spotted he had potential, so I started giving him "
        "the early bake to run, I paired him with our head baker on Saturdays and I gave him the waste figures to "
        "own, and then I met him every week for about four months. He's now running the bakery at our other shop and doing "
        "really well. I'm really proud of that.",
        "I had a baker, Tom, who was keen but slow on the ovens. I started giving him the early bake to run, because "
        "that's where the pressure is, I paired him with our head baker on Saturdays rather than sending him on a "
        "course, and I gave him the waste figures to own. His waste went from 9 to 4 percent and he's now running the "
        "bakery at our other shop.",
    ),
    (
        "software",
        "Tell me about a time you mentored a junior developer.",
        "In 2023 I mentored Aisha, a new graduate on our payments team. I set up weekly pairing sessions, I gave her "
        "the refunds service to own and I reviewed every pull request she opened. Then I paired with her every week for "
        "about six months. She now leads the refunds work and she's doing great.",
        "In 2023 I mentored Aisha, a new graduate on our payments team. I set up weekly pairing sessions, I gave her "
        "the refunds service to own so that she had something end to end, and I reviewed every pull request she "
        "opened, because the risk in payments is a silent double charge. Her review comments went from 15 to 3 a PR "
        "and she now leads the refunds work.",
    ),
]


@pytest.mark.parametrize("job, question, plain, reasoned", STEPS_WITHOUT_REASONS, ids=[row[0] for row in STEPS_WITHOUT_REASONS])
def test_action_four_needs_its_reasoning_quoted(job, question, plain, reasoned):
    assert _criterion(_score(question, plain, "behavioural"), "star.action").score <= 3
    assert _criterion(_score(question, reasoned, "behavioural"), "star.action").score >= 3


@pytest.mark.parametrize("job, question, plain, reasoned", STEPS_WITHOUT_REASONS, ids=[row[0] for row in STEPS_WITHOUT_REASONS])
def test_the_time_the_candidate_spent_is_effort_not_impact(job, question, plain, reasoned):
    impact = _criterion(_score(question, plain, "behavioural"), "specificity.quantified_impact")
    assert impact.score <= 1
    assert _criterion(_score(question, reasoned, "behavioural"), "specificity.quantified_impact").score >= 2


def test_a_result_held_for_a_time_is_still_a_result():
    reading = read_answer("I rebuilt the handover sheet with the night team. Complaints stayed at zero for six months "
                          "after that.", "Tell me about a time you improved a process.", "behavioural", load_rubrics())
    assert reading.total("scaled_quantities") >= 1 or reading.total("outcome") >= 1
