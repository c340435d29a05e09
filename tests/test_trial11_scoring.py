"""Trial 11 (an MSK physiotherapist going for a clinical team lead post): what her answers showed the offline scorer
misreading. Her stories are the trial's (/work/trial11 at the time); the variants are made up for these tests.
"""

from __future__ import annotations

import pytest

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.offline import OfflineScorer, moved_measures
from mockint.scoring.rubrics import load_rubrics


def _card(question: str, answer: str):
    return score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())


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
    to_from = _card(question, SPINAL_LIST.format("down to 14 weeks from 31,"))
    from_to = _card(question, SPINAL_LIST.format("down from 31 weeks to 14,"))
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
    card = _card(_NOTES_QUESTION, _NOTES_PLAN.format(refusal))
    assert card.criterion("situational.judgement").score == 0 and card.overall <= 20


@pytest.mark.parametrize("step", [
    "I'd also take it to my manager the same day and complete a Datix, because falsified records are a probity issue.",
    "before it goes any further I'd tell my manager the same day and complete a Datix.",
])
def test_the_same_plan_that_takes_it_to_the_manager_is_not(step):
    card = _card(_NOTES_QUESTION, _NOTES_PLAN.format(step))
    assert card.criterion("situational.judgement").score >= 2 and card.overall >= 60
