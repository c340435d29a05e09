"""Trial 48: a prison officer supervisor, a senior dental nurse, a school business manager and a factory maintenance
supervisor wrote and graded their answers before scoring them, and a hotel operations manager went through a week of
debrief, plans and rounds. A disagreement told without the word read as off the question, a prison's people were no one
a plan could refuse, and knowledge questions read as past stories; the sentences below are shortened from the trials'
own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds
from test_proud_recovery import card


def test_a_disagreement_settled_by_a_deal_answers_a_question_about_disagreeing():
    question = "Tell me about a time you disagreed with production about maintenance time. How did you resolve it?"
    story = ("so last year the production manager wanted to skip the four hour PM window on the main packing line for "
             "three weeks running because we were behind on a big supermarket order. I pulled the last six months of "
             "breakdowns and showed him that the two times we had skipped PMs before, we had unplanned stops of over six "
             "hours the following week. so I offered him a deal, I would split the PM into two ninety minute slots that "
             "fitted into the changeovers. the result was we hit the order and had no unplanned stops over an hour in "
             "those three weeks")
    assert card(question, story).overall >= 80


@pytest.mark.parametrize("sentences, question, kind", [
    (["he's on an ACCT and he's cut himself, I'd lock him up and there's no point getting the night orderly officer out."],
     "What would you do if a prisoner on an ACCT self-harmed during the night?", "escalation_refused"),
])
def test_an_unsafe_step_in_a_prisons_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


@pytest.mark.parametrize("question, kind", [
    ("What tests does a vacuum autoclave need each day?", "technical"),
    ("What makes a use of force lawful, and what has to happen afterwards?", "technical"),
    ("What makes a team successful?", "behavioural"),
])
def test_what_a_thing_of_the_trade_needs_or_what_makes_it_lawful_is_knowledge(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


HOTEL_NOTES = """Round 1 - GM role, Harbourside Hotels group - panel was Mark (Ops Director) + Jo (HR)
45 mins, felt ok-ish overall but patchy

- They asked about revenue management twice. I talked about occupancy but when Mark asked about RevPAR and ADR trade-off I waffled, didn't give actual numbers
- Agency staff came up - asked how I control agency spend in housekeeping. I said we "cut it down" but couldn't say by how much. Mark came back to it again at the end
- Fire evacuation story went fine I think, they nodded a lot
- Guest complaints / TripAdvisor - they asked how I turned round our scores. I rambled, went on too long
- Leading heads of department (F&B, I've never run F&B directly) -> weak, they probed this 3 times. Big gap
- Why GM, why now? ok but a bit generic
- Gut feel: strong on operations, weak on commercial / P&L
They'll probe on budget ownership and P&L in round two
Feedback from recruiter: answers lacked numbers

Added 2 days later (remembered on the train):
- Jo asked about a serious guest complaint, I told the wedding party flood story but forgot to say what it cost us or how the review scores moved - went badly
- Agency staff / agency spend - they definitely came back to it twice, I never gave a number
"""


def test_a_hotel_managers_notes_keep_agency_staff_and_its_count_and_read_big_gap_as_how_it_went():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    topics = {t.name: t for t in parse_debrief(HOTEL_NOTES, load_bank()).topics}
    # "X came up" names X; the later line's label names it again, so "came back to it twice" is about it
    assert topics["Agency staff"].went_badly and topics["Agency staff"].mentions == 2
    assert topics["serious guest complaint"].mentions == 1
    # "Big gap" says how leading heads of department went; it is no topic
    assert "Big gap" not in topics and topics["Leading heads of department"].went_badly


def test_a_needlestick_procedure_does_not_answer_a_collapsed_patient_who_is_not_breathing():
    # ... and CPR kept going "until the paramedics take over" is no work let go on in a danger
    question = "What would you do if a patient collapsed in the waiting room and was not breathing normally?"
    needlestick = ("so the first thing is she stops what she's doing, I'd get her to encourage it to bleed under running "
                   "warm water, no sucking it, then wash it with soap and cover it with a waterproof dressing. then straight "
                   "away I'd ring occupational health or if it's out of hours A and E because post exposure prophylaxis "
                   "needs to be started within the hour. then it goes in the accident book and I'd decide with the "
                   "principal whether it's RIDDOR reportable")
    collapse = ("I'd shout for help and send someone to ring nine nine nine and bring the defib and the emergency kit. I'd "
                "check he's unresponsive, open the airway and look for normal breathing for ten seconds, and if he's not "
                "breathing normally I'd start CPR, thirty compressions to two breaths, and put the AED on as soon as it "
                "arrives, and keep going until the paramedics take over. afterwards I'd write it up and debrief the team")
    assert card(question, needlestick).overall <= 35 < 60 <= card(question, collapse).overall
