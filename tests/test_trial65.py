"""Trial 65: a prison supervising officer, a school business manager, a water treatment team leader, a fleet workshop
supervisor and a community fundraising manager (the last through a week of debrief, plans and rounds). A sound plan for a
supplier's emailed bank details was capped at 20 for "if it turns out to be fraud I'd report it to Action Fraud" (a check
for a scam read as an inquiry the report waited on), while "I wouldn't take it to trustees until it's sorted" was
redeemed by "I'd tell the head to freeze all supply cover" (an instruction, 86.7) and missing keys escalated "to the
orderly officer first thing in the morning" scored 100; "without adding headcount" was a roll call skipped; figures
that cannot all be true went unread ("my shift which is five of us ... all eight operators on my shift", £48,000 to 41,000
"a saving of £12,000"); knowledge and motivation questions were judged as stories; and a debrief line "Legacies - I
fumbled this badly. ... They came back to it again at the end" read no topic. Shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible

BANK = "What would you do if a headteacher asked you to pay a supplier urgently today, and the supplier had just emailed new bank details?"
DEFICIT = "What would you do if the mid-year forecast showed one of our academies heading for a significant deficit?"
KEYS = "What would you do if at the end of the day a set of keys had not been returned to the key safe?"


def test_a_request_checked_for_a_scam_is_no_inquiry_the_report_waits_on():
    said = ["I'd ring the supplier on the number we already hold to check the change.",
            "if it turns out to be fraud I'd report it to Action Fraud, tell the CFO and the bank."]
    assert finding_kinds(said, BANK) == []
    # ... but an allegation checked first still waits on it
    question = "What would you do if a pupil told you a teacher had sent her messages?"
    assert finding_kinds(["if it turns out to be true I'd tell the DSL."], question) == ["escalation_delayed"]


def test_an_instruction_does_not_redeem_a_refusal():
    said = ["I'd tell the head to freeze all supply cover straight away as well.",
            "and honestly I wouldn't take it to trustees until it's sorted."]
    assert finding_kinds(said, DEFICIT) == ["escalation_refused"]
    assert finding_kinds([said[0], "and I'd take it to trustees at the next finance committee."], DEFICIT) == []


def test_an_escalation_to_someone_in_the_morning_is_put_off():
    said = ["first I'd check the key tally and see who drew it.",
            "if it's not found tonight I'd record it and escalate it to the orderly officer first thing in the morning."]
    assert finding_kinds(said, KEYS) == ["escalation_delayed"]
    assert finding_kinds([said[0], "if it's not found I'd escalate it to the orderly officer straight away."], KEYS) == []


def test_staff_numbers_are_no_roll_call():
    question = "Tell me about a time you reduced vehicle downtime."
    assert finding_kinds(["my job as supervisor was to get that down without adding headcount."], question) == []


@pytest.mark.parametrize("said, why", [
    ("I was team leader for my shift which is five of us. I trained all eight operators on my shift to do the wiper "
     "checks.", "5 and 8 cannot both be how many people that was"),
    ("we were paying forty eight thousand pounds a year. I sent it to four suppliers. the new contract came in at forty "
     "one thousand a year, so that's a saving of twelve thousand pounds a year.",
     "from 48,000 to 41,000 saves 7,000, not the 12,000 you state"),
])
def test_figures_that_cannot_all_be_true(said, why):
    assert [f.why for f in impossible(said)] == [why]


@pytest.mark.parametrize("said", [
    "I was team leader for my shift which is eight of us. I trained all eight operators on my shift to do the wiper checks.",
    "we were paying forty eight thousand pounds a year. I sent it to four suppliers. the new contract came in at forty one "
    "thousand a year, so that's a saving of seven thousand pounds a year.",
])
def test_their_fixed_twins_can_be(said):
    assert impossible(said) == []


@pytest.mark.parametrize("question, kind", [
    ("How should brake performance be checked at safety inspections on HGVs?", "technical"),
    ("Walk me through a PMI", "technical"),
    ("What does a good cell search look like, and when can a prisoner be strip searched?", "technical"),
    ("What makes you want to leave your current job?", "motivation"),
    ("Walk me through a time you failed", "behavioural"),
])
def test_questions_keep_their_kind(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


def test_a_topic_fumbled_and_come_back_to_is_read():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    notes = ("- Legacies - I fumbled this badly. Hospice gets ~40% of income from legacies and I've never run a legacy "
             "programme. They came back to it again at the end.\n")
    topics = {t.name: t for t in parse_debrief(notes, load_bank()).topics}
    assert list(topics) == ["Legacies"]
    assert topics["Legacies"].went_badly and topics["Legacies"].mentions == 2
