"""Trial 76: an electricity network control engineer, a school site manager, a hospital portering supervisor, a college
curriculum manager for construction trades, and an arena operations manager (a week of debrief, plans and practice).
Shortened from the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible

ASBESTOS = ("What would you do if a contractor drilling in a classroom told you they may have disturbed suspected asbestos "
            "during a school day?")


def test_a_place_named_with_there_is_no_plan_of_ones_own():
    """ "I'd also want to know why they were drilling there without checking the register" read as the candidate's own
    check skipped: the right plan 20, 100 without the clause."""
    assert finding_kinds(["I'd also want to know why they were drilling there without checking the register."],
                         ASBESTOS) == []
    assert finding_kinds(["I'd let them carry on there without checking the register."], ASBESTOS) != []


CONTRACTORS = ("Tell me about a time you managed contractors on site during term time when there was a risk to pupils' "
               "safety.")


def test_some_of_a_group_are_the_doers_of_what_they_lacked():
    """ "... escorted because two of them didn't have DBS checks" read as her own check skipped (Action 0, 42)."""
    assert finding_kinds(["I checked every operative was signed in and escorted because two of them didn't have DBS "
                          "checks."], CONTRACTORS) == []
    assert finding_kinds(["I didn't have DBS checks done for two of them."], CONTRACTORS) != []


@pytest.mark.parametrize("question", [
    "What temperatures and monitoring are needed to control legionella in a school's hot and cold water system?",
    "How should clinical waste be segregated and handled, and what is the duty of care?",
    "What do PUWER and the woodworking machinery code of practice require for a circular saw bench used by sixteen year "
    "old learners in a college workshop?",
])
def test_the_trades_rules_asked_in_these_words_are_knowledge_questions(question):
    """Each was read as a past story: the right answers 44, 40 and 48, told to say "I" or to finish the story."""
    from mockint.scoring.kinds import classify

    assert classify(question) == "technical"


@pytest.mark.parametrize("question", ["How should a new manager be supported in their first month?",
                                      "What skills are needed to manage a team?"])
def test_how_people_are_supported_and_what_a_job_needs_are_not_knowledge_questions(question):
    from mockint.scoring.kinds import classify

    assert classify(question) != "technical"


OXYGEN = ("What would you do if a porter told you at the start of a night shift that he had dropped a full oxygen cylinder "
          "and the valve was damaged, and wards were waiting for cylinders?")


def test_a_supplier_told_at_its_next_delivery_is_a_report_put_off():
    """A damaged cylinder taped up and sent to a ward, "mention it to the gas supplier when they next come in for the
    weekly delivery": 93.3, strong."""
    assert finding_kinds(["Then I'd make a note of it on the handover and mention it to the gas supplier when they next "
                          "come in for the weekly delivery."], OXYGEN) == ["escalation_delayed"]
    assert finding_kinds(["I'd quarantine the cylinder, label it, and ring the gas supplier's emergency line straight "
                          "away."], OXYGEN) == []


@pytest.mark.parametrize("wrong, right", [
    ("by the summer we'd got retention up to ninety one percent, thirty eight of the sixty two finished the course.",
     "by the summer we'd got retention up to sixty one percent, thirty eight of the sixty two finished the course."),
    ("it was costing us a hundred and eighty thousand a year and I went out to tender and got it down to one hundred and "
     "fifty thousand, so a saving of forty five thousand a year.",
     "it was costing us a hundred and eighty thousand a year and I went out to tender and got it down to one hundred and "
     "fifty thousand, so a saving of thirty thousand a year."),
])
def test_a_share_beside_its_part_and_a_saving_without_a_currency_are_checked(wrong, right):
    """A college's "91%, 38 of the 62 finished" (61 %) and a school's cleaning contract "costing us 180,000 ... down to
    150,000, so a saving of 45,000" went unread (70 and 60, solid)."""
    assert impossible(wrong)
    assert not impossible(right)


NOTES = """- crowd dynamics / ingress modelling -- I said "we use the SAG plan" and she said "that's not what I asked"
- Marcus: asked about P&L ownership. I've only ever held the ops budget. Honest but I think it hurt.
- Blanked on Martyn's Law / Terrorism (Protection of Premises) Act - what it means for us. embarrassing, I know this stuff
"""


def test_how_a_note_says_it_went_and_a_law_blanked_on():
    """An arena operations manager's notes: the two concerns read as topics that merely came up, "embarrassing" as a
    topic, and the law blanked on drilled as "one real example, what you did, and the outcome"."""
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank
    from mockint.scoring.kinds import classify_topic

    topics = {t.name: t for t in parse_debrief(NOTES, load_bank()).topics}
    assert topics["crowd dynamics/ingress modelling"].went_badly
    assert any(name.startswith("P") and "ownership" in name and t.went_badly for name, t in topics.items())
    assert "embarrassing" not in topics
    line = NOTES.splitlines()[2][2:]
    assert classify_topic("Martyn's Law/Terrorism", [line]) == "technical"
    assert classify_topic("the budget", ["blanked on the budget question, froze"]) != "technical"


@pytest.mark.parametrize("line, topic", [
    ("- expect a presentation on the first 90 days as GM", "first 90 days"),
    ('- they said it\'s a presentation (10 min) on "the future of trading standards" + panel questions',
     "future of trading standards"),
    ("Round 2 = 10 min presentation on improving staff retention", "improving staff retention"),
])
def test_a_presentation_round_two_will_ask_for_is_forewarned(line, topic):
    """What the next round is, said without "they'll ask": two trials' notes lost it under "No topic read in"."""
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    (read,) = [t for t in parse_debrief(line, load_bank()).topics if t.name == topic]
    assert read.forewarned and not read.went_badly
    assert not any(t.forewarned for t in parse_debrief("- my presentation on the budget went badly", load_bank()).topics)
