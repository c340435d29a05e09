"""Trial 14 (a customer success manager going for head of customer success, fluent and corporate, weakest on numbers):
what his answers showed the offline scorer misreading. The answer is the trial's."""

from __future__ import annotations

from conftest import offline_card

FEATURE_PROMISED = (
    "First I would call the sponsor the same day and promise them we will build the feature this quarter, because keeping "
    "our biggest account comes before everything. Then I would go to the Head of Product and tell her it has to go to the "
    "top of the roadmap, and if she pushes back I would escalate to the CEO. I would give the customer a delivery date in "
    "writing so they sign the renewal now.")


def test_a_feature_promised_in_writing_to_get_the_renewal_signed_is_poor_judgement():
    # 86.7 strong, Judgement 3 of 4
    card = offline_card("Your biggest account threatens to leave unless you build a feature that isn't on the roadmap. "
                        "What would you do?", FEATURE_PROMISED)
    assert card.criterion("situational.judgement").score <= 1
    assert card.overall <= 80


def test_a_responsibility_with_its_figure_its_due_date_and_what_success_was_is_a_precise_task():
    # "Task 2/4 ... stated but vaguely ('I had to fix it')"
    card = offline_card("What exactly were you responsible for in that renewal, and what did success look like?",
                        "I was the account owner for Harcourt, so the renewal was my number: 180 thousand pounds, due in "
                        "March 2022. Success was a renewal at the same price or better, and honestly I didn't achieve it, "
                        "we lost them.")
    assert card.criterion("star.task").score >= 3
