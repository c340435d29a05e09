"""Work still going on, told in the present, and figures told as a direction and an amount ("idling is down about 18%").
A batch-7 dev answer (a fleet manager's telematics rollout, graded good) read as Task 1 of 4 and Result 2 of 4 and
scored 40. The answers here are made up."""

from __future__ import annotations

import pytest
from conftest import offline_card

from mockint.scoring.offline import lowered, moved_measures, read_answer
from mockint.scoring.rubrics import load_rubrics

ROLLOUT = ("so this one is still live. at Harbour Foods I'm leading the route planning rollout across 90 vans in two depots, "
           "and I set the target at eight percent off fuel spend by March. I picked the pilot drivers myself and I sat with "
           "each of them for a shift. on the pilot vans empty miles are {} about 15% in six weeks and fuel per drop is {} 5%, "
           "but it's early, so I'm not claiming the eight yet.")
QUESTION = "Tell me about a time you led a change to bring costs down."


def test_a_change_still_going_on_states_its_task_and_its_early_result():
    card = offline_card(QUESTION, ROLLOUT.format("down", "down"))
    assert card.criterion("star.task").score >= 2
    assert card.criterion("star.result").score >= 2
    assert card.criterion("specificity.quantified_impact").score >= 3


def test_the_same_figures_moving_the_wrong_way_are_no_result():
    better = offline_card(QUESTION, ROLLOUT.format("down", "down"))
    worse = offline_card(QUESTION, ROLLOUT.replace("empty miles", "deliveries on time").format("down", "down")
                         .replace("fuel per drop", "fuel spend").replace("is down 5%", "is up 5%"))
    assert worse.criterion("star.result").score < better.criterion("star.result").score


@pytest.mark.parametrize("sentence, worse, better", [
    ("after three months sales are down 18% and complaints are up 40%", ("sales", "complaints"), ()),
    ("complaints are down about 40 percent", (), ("complaints",)),
    ("the server was down for 6 hours", (), ()),  # an outage, not a measure that moved
])
def test_a_measure_said_to_be_up_or_down_by_a_figure_moved_that_way(sentence, worse, better):
    assert moved_measures(lowered(sentence)) == (worse, better)


@pytest.mark.parametrize("said, counted", [
    ("idling is down about 18% on the fitted vans", 1),
    ("the server was down 6 hours", 0),  # a bare "down" with a duration: as often an outage as a saving
    ("we cut 20 minutes off the handover", 1),
])
def test_a_direction_and_an_amount_is_a_change(said, counted):
    r = read_answer(said, QUESTION, "behavioural", load_rubrics())
    assert sum(c.moved_by for c in r.cues) == counted
