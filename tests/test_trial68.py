"""Trial 68: a steel fabrication workshop supervisor, a head greenkeeper, a car dealership service manager, a charity shop
area manager and a student accommodation manager (the last through a week of debrief, plans and rounds). A sound
safeguarding plan was capped at 20 for "I'd make sure the manager listens, doesn't promise to keep it secret"; a story
ending "in the end he withdrew the ombudsman complaint, scored us ten out of ten" was a disaster stood by (22, its twin
93); vision and style questions were judged as stories; and the debrief made two concerns of "student mental health
escalation, out of hours", a topic "outcome" of "forgot the outcome", and read nothing in "They said round 2 will be a
presentation + ask about student engagement and partnerships with the SU". Shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

DISCLOSURE = ("What would you do if a young volunteer told a shop manager that an older volunteer had been messaging them on "
              "social media?")


def test_a_negation_said_of_the_person_instructed_turns_a_cover_up_around():
    said = ["I'd make sure the manager listens, doesn't promise to keep it secret, writes down what was said in the young "
            "person's words, and rings me the same day."]
    assert finding_kinds(said, DISCLOSURE) == []


@pytest.mark.parametrize("said, question, kinds", [
    # "doesn't" alone refuses nothing of the candidate's: it is said of someone else
    (["if anything the mistakes i've seen are when the team doesn't follow the process."],
     "Describe a mistake you made that affected others.", []),
    (["I'd decline the claim in writing so it doesnt sit on our reserves, um I wouldnt bother the counter fraud team with "
      "it."], "What would you do if you suspected a motor claim was fraudulent?", ["escalation_refused"]),
])
def test_doesnt_is_said_of_others(said, question, kinds):
    assert finding_kinds(said, question) == kinds


COMPLAINT = (
    "um a good one is a customer who came back a third time with the same judder on his DSG gearbox, the SUV was "
    "about three years old. by then he was really angry, he'd already emailed the manufacturer and said he was "
    "taking it to the motor ombudsman. so I took ownership from the advisor. same afternoon I rang him, said sorry "
    "and meant it, and put him in a courtesy car that day. I had our master technician take him out on a road test "
    "so we felt exactly what he felt, and we opened a case with the manufacturer's tech line, which pointed to the "
    "mechatronic unit rather than the clutch we'd been looking at. being just outside warranty I applied for "
    "goodwill and the manufacturer paid seventy percent, we paid thirty. I kept him updated every two days. in the "
    "end he withdrew the ombudsman complaint, scored us ten out of ten, and later bought a car from our showroom. "
    "and because of that, any repeat fault now gets a master tech road test with the customer first")


def test_a_complaint_withdrawn_is_no_harm():
    from mockint.scoring.offline import read_answer, stood_by_bad_outcome

    question = "Tell me about a time you turned round an unhappy customer."
    assert stood_by_bad_outcome(read_answer(COMPLAINT, question, None)) is None
    assert offline_card(question, COMPLAINT).overall >= 60


@pytest.mark.parametrize("question, kind", [
    ("What would your three year vision for residential life be?", "motivation"),
    ("How would you describe your leadership style as a production manager?", "approach"),
])
def test_questions_keep_their_kind(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


def test_a_debrief_reads_when_a_story_part_forgotten_and_what_round_two_will_ask():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    notes = ("- they asked twice about student mental health escalation, out of hours. first answer was vague. weak\n"
             "- contractor management - asked about a contractor who underperformed. I told the boiler story but forgot the "
             "outcome / didn't say we recovered the costs\n"
             "They said round 2 will be a presentation + ask about student engagement and partnerships with the SU.\n")
    topics = {t.name: t for t in parse_debrief(notes, load_bank()).topics}
    assert "student mental health escalation out of hours" in topics and "out of hours" not in topics
    assert "outcome" not in topics
    assert topics["student engagement"].forewarned and topics["partnerships with the SU"].forewarned
