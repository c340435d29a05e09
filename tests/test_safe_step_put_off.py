"""A safe step put off until the work is done or until it suits: read as skipped or put off (scoring/safety.py).

"I'd do the job they booked and mention it at the end" (the customer's danger told only after working on it) and
"I'll sign it all off at the end of the day when I've got a minute" (the check done after what it checks has gone)
name the safe step, so a word list read them as safe. Every answer here was written for this file; each unsafe
one has a safe twin from the same job that keeps the step where it belongs. Asserted: the unsafe one's finding,
its capped judgement or accuracy, and the twin's clean reading and higher score.
"""

from __future__ import annotations

import pytest

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.offline import OfflineScorer, read_answer
from mockint.scoring.rubrics import load_rubrics
from mockint.scoring.safety import findings


def card(question: str, answer: str):
    return score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())


def found(question: str, answer: str) -> set[str]:
    reading = read_answer(answer, question)
    return {f.kind for f in findings([u.text for u in reading.units], question=question) if f.kind != "shortcut"}


# (occupation, question, what the unsafe answer is read as, unsafe, safe twin, the criterion capped)
CASES = [
    ('gas engineer', 'What would you do if you found a flue that was not working properly on a routine boiler service?',
     'escalation_delayed',
     "the customer's only paid for a service, so I'd finish the service, do it properly, and mention the flue at the "
     "end. if they want it looked at they can book another visit, it's their boiler.",
     "I'd stop straight away, turn the boiler off and tell the customer that the flue is dangerous. I'd label it do not "
     "use, explain the risk of carbon monoxide, and follow the unsafe situations procedure before I leave.",
     'situational.judgement'),
    ('electrician', 'What would you do if a small job revealed a dangerous fault elsewhere in the house?',
     'escalation_delayed',
     "I'd get the booked job done first, that's what they're paying for, and tell the customer at the end that "
     "there's a fault on the other circuit. it's not my installation, so it's their call.",
     "I'd tell the customer straight away that there's a dangerous fault, make that circuit safe, and put it in "
     "writing before I carry on. I'd test everything at the end of the job as normal.",
     'situational.judgement'),
    ('pharmacy technician', 'Explain how the final accuracy check on a dispensed prescription is done, step by step.',
     'check_skipped',
     "the team pick and bag everything, it's quicker that way, and I'll sign them all off at the end of the shift "
     "when I get a chance. after a few years you know what looks right.",
     "I check the prescription against the patient's record, then the item, strength and quantity against the label, "
     "and I sign it off before it goes into the bag, because once it has left nobody can catch an error.",
     'technical.accuracy'),
    ('lab technician', 'Explain how you make sure the results from your analyser can be trusted.',
     'check_skipped',
     "we run the samples first thing because the wards want them, and I'll do the calibration checks when it's "
     "quiet. it's never really been a problem.",
     "before any sample goes on I run the two control levels and check they sit inside the limits, because a "
     "drifting calibration makes every result after it wrong. if a control fails I stop and recalibrate.",
     'technical.accuracy'),
]


@pytest.mark.parametrize("occupation, question, kind, unsafe, safe, capped", CASES, ids=[c[0] for c in CASES])
def test_a_step_put_off_is_read_and_caps_the_card(occupation, question, kind, unsafe, safe, capped):
    assert kind in found(question, unsafe)
    assert found(question, safe) == set()
    unsafe_card, safe_card = card(question, unsafe), card(question, safe)
    level = {c.key: c.score for c in unsafe_card.criteria}[capped]
    assert level <= 1
    assert safe_card.overall > unsafe_card.overall


@pytest.mark.parametrize("sentence", [
    "I'd ring the on call doctor straight away and tell my manager at the end of the shift.",
    "we reconcile the till at the end of the day and sign it off before we lock up.",
    "I'd isolate the supply, test it at the end of the job, and tell the customer what I found.",
])
def test_a_step_in_its_proper_place_is_no_finding(sentence):
    assert {f.kind for f in findings([sentence]) if f.kind != "shortcut"} == set()
