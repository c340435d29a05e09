"""Trial 63: a hospital chef de partie, an adult safeguarding social worker, a management accountant, a signalling section
manager and a dental practice manager (the last through a week of debrief, plans and rounds). "Talk us through the
critical limits in a cook-chill HACCP plan" read as a past story (the right answer 60); "I wouldn't bring the police in
because she has dementia" refused nothing (the trial's plan said it "at this stage", a matter of when, and still scores
100); a multi-agency story's "the provider had seen it for weeks but not reported it" was read as the candidate refusing
to report (42, 81 without it). And trial 60's "talk me through how you'd run a MARAC meeting" fix had made "how you would
run a permit to work system for hot works" a way of working (a graded-5 answer 93.3 -> 80): only a meeting run is one.
Shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds


@pytest.mark.parametrize("question, kind", [
    ("Talk us through the critical limits in a cook-chill HACCP plan and how you monitor them.", "technical"),
    ("Talk me through how you would run a permit to work system for hot works.", "technical"),
    ("Talk me through how you'd run a MARAC meeting as chair", "approach"),
])
def test_what_is_talked_through_keeps_its_kind(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


def test_the_police_not_brought_in_is_refused():
    question = "What would you do if a care home told you a resident with dementia has unexplained bruising on her arms?"
    assert finding_kinds(["I wouldn't bring the police in because she has dementia."], question) == ["escalation_refused"]
    assert finding_kinds(["I'd bring the police in straight away and make a safeguarding referral."], question) == []


def test_someone_else_who_did_not_report_is_no_step_refused():
    question = "Tell me about a time you worked with other agencies to protect someone."
    said = ["we shared what each of us knew and we realised the provider had seen it for weeks but not reported it,",
            "so I raised it with the commissioners that afternoon."]
    assert finding_kinds(said, question) == []
    assert finding_kinds(["I had seen it for weeks but not reported it."], question) == ["escalation_refused"]
