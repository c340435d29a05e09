"""Trial 59: a hospice senior nurse, an insurance fraud investigator, a building control surveyor and a children's home
deputy wrote and graded their answers before scoring them; a university lab technician went through a week of debrief,
plans and rounds. A sound controlled-drugs plan's "for example a dose given and charted but not put in the register"
read as a record skipped (20); a sound footings plan's "if that's fine I'd record it and let them carry on" as work let
go on in a danger (20); "I wouldn't get a contractor out in the middle of the night" to a wall about to fall refused
nothing (100); a colleague's "final written warning" after the candidate reported him asleep on a waking night read as
a disaster stood by (22); knowledge asked as "what remedies does an insurer have", "what does the Act change" and "what
is a Regulation 44 visit and what do you do with the report" read as past stories. Shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds


def test_an_example_of_what_may_have_happened_is_no_step_skipped():
    question = "What would you do if the Oramorph balance was 20 ml short at the evening check?"
    plan = ["if we can find it, for example a dose given and charted but not put in the register, then it gets a "
            "retrospective entry dated today, signed by both of us.",
            "if we can't account for it I'd tell the nurse in charge straight away and complete an incident report."]
    assert finding_kinds(plan, question) == []
    assert finding_kinds(["I'd give the dose but not put it in the register."], question) == ["check_skipped"]


def test_work_let_go_on_once_a_check_comes_back_fine_is_no_danger_ignored():
    question = ("so a builder's gone and poured the footings without ringing us for the excavation inspection, what do you "
                "actually do about it")
    plan = ["I'd get them to dig trial holes at two corners so I can see the depth and the ground,",
            "and if that's fine I'd record it and let them carry on."]
    assert finding_kinds(plan, question) == []
    assert finding_kinds(["I'd record it and let them carry on."], question) == ["work_goes_on"]


def test_a_contractor_not_called_out_to_a_dangerous_structure_is_refused():
    question = "What would you do if you were called out at night to a wall that looks like it could collapse onto the street?"
    assert finding_kinds(["I wouldn't get a contractor out in the middle of the night because that's council tax payers "
                          "money."], question) == ["escalation_refused"]


def test_a_sanction_someone_else_got_after_the_candidate_reported_them_is_no_disaster():
    from mockint.scoring.offline import read_answer, stood_by_bad_outcome

    story = ("I saw a senior on nights sleeping on the sofa during a waking night shift. I woke him, took over the checks "
             "myself, and reported it to my manager at handover. it went to a disciplinary and he got a final written "
             "warning. after that I started doing two unannounced night visits a month and I've kept doing them")
    assert stood_by_bad_outcome(read_answer(story, "Tell me about a time you challenged poor practice by a colleague.",
                                            None)) is None
    mine = story.replace("it went to a disciplinary and he got a final written warning",
                         "I got a final written warning for not reporting it sooner, and I'm proud I held firm")
    assert stood_by_bad_outcome(read_answer(mine, "Tell me about a time you challenged poor practice by a colleague.",
                                            None)) is not None


@pytest.mark.parametrize("question, kind", [
    ("What remedies does an insurer have under the Insurance Act 2015 when a claim is fraudulent?", "technical"),
    ("What does the Building Safety Act 2022 change for a local authority building control team?", "technical"),
    ("What is a Regulation 44 visit and what do you do with the report?", "technical"),
    ("so a builder's gone and poured the footings without ringing us, what do you actually do about it", "situational"),
])
def test_knowledge_and_practice_asked_in_their_own_words_keep_their_kind(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind
