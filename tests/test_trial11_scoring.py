"""Trial 11 (an MSK physiotherapist going for a clinical team lead post): what her answers showed the offline scorer
misreading. Her stories are the trial's (/work/trial11 at the time); the variants are made up for these tests.
"""

from __future__ import annotations

import pytest
from conftest import offline_card

from mockint.scoring.offline import moved_measures
from mockint.scoring.rubrics import load_rubrics

SPINAL_LIST = (
    "The one I'm proudest of is the spinal list. Back in early 2023, people with routine back pain were waiting 31 "
    "weeks to be seen by us, which is miles off the 18-week standard. My team lead handed me the spinal backlog, around "
    "280 people. I started by validating the list myself. I rang every one of them, and 62 had got better or gone "
    "elsewhere, so they came off with advice. Next I designed a group education class to replace the first one-to-one "
    "for low-risk back pain, built on STarT Back, ran the first half-dozen myself and then trained two colleagues to "
    "take it over. And I brought in patient-initiated follow-up for the stable ones. By the autumn, spinal waits were "
    "{} the service met 18 weeks overall for the first time in two years, and DNAs dropped from 12% to 7%.")


def test_a_change_told_to_then_from_reads_as_the_same_change():
    # "down to 14 weeks from 31" was read as a wait that rose from 14 to 31: figures contradicting their words, gated at 22.
    question = "Tell me about a service improvement you led."
    to_from = offline_card(question, SPINAL_LIST.format("down to 14 weeks from 31,"))
    from_to = offline_card(question, SPINAL_LIST.format("down from 31 weeks to 14,"))
    assert to_from.overall >= 60 and abs(to_from.overall - from_to.overall) <= 10


@pytest.mark.parametrize("told, worse, better", [
    ("spinal waits were down to 14 weeks from 31", (), ("waits",)),
    ("waiting times went up to 40 weeks from 31", ("waiting times",), ()),
    ("the pass rate fell to 61 percent from 82 percent", ("pass rate",), ()),
    ("complaints went from 30 to 12", (), ("complaints",)),
])
def test_which_way_a_measure_moved_is_read_from_its_from_and_its_to(told, worse, better):
    assert moved_measures(told) == (worse, better)


_NOTES_QUESTION = "You suspect a colleague is documenting treatments she did not give. What would you do?"
_NOTES_PLAN = ("I'd speak to her privately and let her know I've noticed and that she needs to tidy it up. I'd keep an eye "
               "on her notes for a few weeks. {}")


@pytest.mark.parametrize("refusal", [
    "I wouldn't take it to the manager, because that would wreck the team's trust.",  # read as judgement 3 of 4
    "I wouldn't report it to the manager, because that would wreck the team's trust.",
    "if it stopped, it stopped, there's no need for it to go any further.",
])
def test_a_plan_that_keeps_falsified_notes_from_the_manager_is_unsafe(refusal):
    card = offline_card(_NOTES_QUESTION, _NOTES_PLAN.format(refusal))
    assert card.criterion("situational.judgement").score == 0 and card.overall <= 20


@pytest.mark.parametrize("step", [
    "I'd also take it to my manager the same day and complete a Datix, because falsified records are a probity issue.",
    "before it goes any further I'd tell my manager the same day and complete a Datix.",
])
def test_the_same_plan_that_takes_it_to_the_manager_is_not(step):
    card = offline_card(_NOTES_QUESTION, _NOTES_PLAN.format(step))
    assert card.criterion("situational.judgement").score >= 2 and card.overall >= 60


CAUDA_EQUINA = (
    "Cauda equina is something I'm very confident with. The key red flag is bilateral leg pain that's been there for more "
    "than six weeks; that's what tells you it's cauda equina rather than ordinary sciatica. Saddle numbness is very common "
    "with back pain and usually just comes from sitting for long periods, so I don't put too much weight on it. Bladder "
    "changes are a late sign, so if someone mentions them in triage I'd book them into the next routine slot, usually "
    "within four to six weeks, and ask the GP to request an MRI. There's no point sending them to A and E, because they "
    "won't scan out of hours anyway. I always give them a leaflet.")


@pytest.mark.parametrize("kind", [None, "approach", "technical"])
def test_refusing_emergency_care_is_not_redeemed_by_a_routine_step(kind):
    # "no point sending them to A and E" was redeemed by "ask the GP to request an MRI": 50 as approach, 93.3 as technical
    card = offline_card("How do you manage red flags for cauda equina in triage?", CAUDA_EQUINA, kind)
    assert card.overall <= 40
    assert "no point sending them to a and e" in " ".join(c.feedback.lower() for c in card.criteria)


def test_sending_them_to_a_and_e_now_is_the_safe_step():
    safe = CAUDA_EQUINA.replace("There's no point sending them to A and E, because they won't scan out of hours anyway.",
                                "I'd send them to A and E the same day for an urgent MRI.")
    from mockint.scoring.safety import findings

    assert not [f for f in findings([safe]) if f.kind != "shortcut"]


def test_supporting_junior_staff_gets_to_why_team_lead():
    # Read as never getting to "team lead": relevance 1 of 4, capped as off the question
    card = offline_card("Why do you want to be a team lead, and why this trust?",
                 "I've been a band 6 for seven years now and I feel ready for the next step. I enjoy supporting the junior "
                 "staff and I think I'd be good at it. Your trust has a really good reputation and I've heard good things "
                 "about the MSK service, and it's closer to home for me, which would help with childcare.")
    assert card.criterion("specificity.relevance").score >= 2
    assert "never gets to it" not in " ".join(c.feedback for c in card.criteria)


@pytest.mark.parametrize("said, steps", [
    # a follow-up reply that named no step read Action 3 of 4 on its "did"
    ("the main thing I personally did was to make the decision myself and take responsibility for it.", []),
    ("what I did was set up a members' reference group that met every six weeks.", ["set"]),
])
def test_the_thing_i_did_was_frames_the_step_after_it(said, steps):
    from mockint.scoring.offline import read_answer

    reading = read_answer(said, "Walk me through the steps you personally took.", "behavioural", load_rubrics())
    assert [v for c in reading.cues for v in c.i_actions] == steps
