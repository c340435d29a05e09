"""Trial 108: a kitchen extract and duct cleaning supervisor, a paper mill shift supervisor, a rigging crew chief and a
forestry planting supervisor (scoring), on a build with trials 104-107's fixes in. Shortened from the trials' own
answers; each misread answer beside its twin."""

from __future__ import annotations

from conftest import finding_kinds, stands_by_a_disaster

from mockint.coaching.questions import question_ref

RETHREAD = ("What would you do if the sheet broke at the dryer section and your crew wanted to rethread while the machine "
            "was running at speed?")
PULPER = "What would you do if you found one of your crew had gone into the broke pulper to clear a plug without a permit?"
ROOF_FAN = ("What would you do if a client asked you to skip the roof fan section because access was difficult and just "
            "certify the rest?")
PLANTER = "What would you do if a lone planter on a remote site didn't check in at the end of the day?"


def test_a_tail_fed_by_hand_a_permit_breach_let_slide_and_a_false_certificate_are_unsafe():
    """ "the back tender ... can reach in with the air hose and feed the tail by hand past the felt roll" (40), "I'd kind of
    let it slide this once" of a pulper entered without a permit (53.3), "put the cert through as normal" for a roof fan not
    cleaned (66.7) and "I'd give him till the morning" of a lone planter (66.7)."""
    assert finding_kinds(["he can reach in with the air hose and feed the tail by hand past the felt roll."], RETHREAD) \
        == ["work_goes_on"]
    assert finding_kinds(["we stop the machine, lock out, and thread it with the rope carriers."], RETHREAD) == []
    assert finding_kinds(["after that I'd kind of let it slide this once because he was trying to help."], PULPER) \
        == ["cover_up"]
    assert finding_kinds(["after that it goes on an incident report and I'd tell the shift manager."], PULPER) == []
    assert finding_kinds(["We'd clean the canopy and the duct we can reach and put the cert through as normal."],
                         ROOF_FAN) == ["cover_up"]
    assert finding_kinds(["So I'd give him till the morning, and if he's not at the van I'd drive up."], PLANTER) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd ring him now, then drive to his last grid reference, and call mountain rescue if he's not "
                          "there by dark."], PLANTER) == []


def test_injuries_after_washes_skipped_or_double_strength_degreaser_are_harm_told_proudly():
    """Felt washes skipped for tonnage, "the clamp truck driver, he crushed his hand a bit ... but that's the job" (62,
    solid), and double-strength caustic to finish in a night, "Two of the lads got burns on their forearms ... one of them
    was off a week" (54)."""
    mill = ("we had a big order push so I decided we'd skip the scheduled felt and wire wash for two weeks and just run. we "
            "hit record tonnage for the month. um yes breaks did go up, we had twenty eight breaks that fortnight against "
            "the usual eight, and the clamp truck driver, he crushed his hand a bit during one of the extra reel changes, "
            "but that's the job. the plant manager was happy with the tonnage so I'd do it again.")
    assert stands_by_a_disaster(mill, "Tell me about a time you improved production on your shift.")
    ducts = ("the client wanted it done in one night instead of two so we just went for it. we used double strength caustic "
             "to get through the grease quicker, and we were done by four. Two of the lads got burns on their forearms from "
             "the degreaser and one of them was off a week, but the client was made up because we saved them a whole "
             "night's charge.")
    assert stands_by_a_disaster(ducts, "Tell me about a time you finished a big job under pressure.")


def test_what_a_task_requires_what_the_law_needs_first_and_why_you_are_moving_are_read():
    """ "What does entry into a stock chest for cleaning require?" and "What does safe use of a clamp truck ... require?"
    (46 and 26 as past stories), "What do you need, legally, before you can use herbicides ...?" (a past story) and "Why
    are you moving from rigging into production management?" (a past story, 28). What the job or good leadership requires
    is no knowledge question."""
    assert question_ref("What does entry into a stock chest for cleaning require?").kind == "technical"
    assert question_ref("What does safe use of a clamp truck for paper rolls require?").kind == "technical"
    assert question_ref("What do you need, legally, before you can use herbicides on a planting site?").kind == "technical"
    assert question_ref("Why are you moving from rigging into production management?").kind == "motivation"
    assert question_ref("What does this job require?").kind != "technical"
    assert question_ref("What does good leadership require?").kind != "technical"
