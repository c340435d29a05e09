"""Trial 115: a climbing wall duty manager, a karting marshal supervisor, a cleanroom production supervisor and a
landscape construction foreman (scoring), an equestrian yard manager and a supermarket fish counter manager (a week's
preparation), on a build with trial 114's fixes in. Shortened from the trials' own answers; each misread answer beside
its twin."""

from __future__ import annotations

from conftest import finding_kinds, offline_card, stands_by_a_disaster

from mockint.scoring.spelling import read_question

GLOVE = "What would you do if an operator tore their glove during an aseptic intervention inside the RABS?"
TRENCH = ("What would you do if you arrived on site and found a trench about one point five metres deep with no support "
          "and one of your lads was in it laying a duct?")
PALLET = "What would you do if the client asked you to use the excavator to lift a pallet of flags over a garden wall?"
FALL = ("What would you do if someone fell off the top of the bouldering wall, landed on their head and neck and wasn't "
        "moving?")
BELAY = "What would you do if a customer told you one of the auto-belays felt jerky or was lowering them too fast?"
KART = "What would you do if a kart stops out on the circuit during an under-16 session and the driver gets out?"


def test_a_torn_glove_an_open_trench_a_bucket_lift_a_moved_climber_an_open_line_and_a_running_session_are_unsafe():
    """ "finish the intervention quick ... spray the glove down with IPA and carry on" (80, strong), "I'd probably just let
    him get the duct in" (33.3), "chain it onto the bucket teeth, get one of the lads to steady it with his hands" (40),
    "I'd get them sat up and see if they can ... walk it off" (80, strong), "there's no point shutting a line on a busy
    saturday" (53.3) and "I'd nip out between the karts ... no point stopping the whole session" (40)."""
    assert finding_kinds(["I'd tell them to finish the intervention quick, then pull out, spray the glove down with IPA and "
                          "carry on."], GLOVE) == ["work_goes_on"]
    assert finding_kinds(["I'd stop the intervention, have the glove changed and integrity tested, and call QA."], GLOVE) == []
    assert "work_goes_on" in finding_kinds(["if he's nearly finished I'd probably just let him get the duct in and then we "
                                            "backfill it quick."], TRENCH)
    assert finding_kinds(["I'd get him out first, then nobody goes back in till it's supported."], TRENCH) == []
    assert "work_goes_on" in finding_kinds(["you just chain it onto the bucket teeth, get one of the lads to steady it with "
                                            "his hands as it goes over."], PALLET)
    assert finding_kinds(["I'd tell the client no, it needs a rated lifting point, a lift plan and a slinger signaller."],
                         PALLET) == []
    assert finding_kinds(["once they're with it I'd get them sat up and see if they can walk it off."], FALL) \
        == ["work_goes_on"]
    assert finding_kinds(["you assume a spinal injury so I'm not moving them, and someone rings nine nine nine."], FALL) == []
    assert finding_kinds(["there's no point shutting a line on a busy saturday when it's probably fine."], BELAY) \
        == ["check_skipped"]
    assert finding_kinds(["first thing I'd close that line straight away and get it inspected."], BELAY) == []
    assert "work_goes_on" in finding_kinds(["if they can't I'd nip out between the karts and give them a hand."], KART)
    assert finding_kinds(["I'd red flag the session and get the child behind the barrier."], KART) == []
    # ... and a child's pony let go of its second leader to save money (93.3, strong)
    budget = "Your budget for next year is cut by ten percent and the work is not. How would you handle it?"
    assert finding_kinds(["I'd drop the second leader on the lead-rein lessons, so one instructor can take six under-8s on "
                          "her own."], budget) == ["check_skipped"]
    assert finding_kinds(["I'd never drop the second leader on the lead-rein lessons."], budget) == []


def test_a_record_left_out_so_the_audit_cannot_see_it_is_a_cover_up_in_a_story():
    """ "I didn't log the arrival temperature so it wouldn't flag on the audit" (salmon taken in at 7 degrees: 97, strong);
    logging it is no cover-up."""
    question = "Tell me about a time you dealt with a delivery that came in too warm."
    story = ("Situation: a salmon delivery came in at 7 degrees on a Saturday morning. Task: I had to keep the counter full "
             "for the weekend. Action: I accepted it, got it onto crushed ice, and I didn't log the arrival temperature so "
             "it wouldn't flag on the audit. Result: we sold all 18 kilos, zero waste, and salmon sales were up 12 percent.")
    assert offline_card(question, story).overall < 60
    logged = story.replace("I didn't log the arrival temperature so it wouldn't flag on the audit",
                           "I logged the arrival temperature and raised it with the supplier")
    assert offline_card(question, logged).overall >= 60


def test_a_sterile_lines_checks_cut_with_positive_media_fills_told_proudly_is_a_disaster_stood_by():
    """ "we cut the gowning requalification ... we did get three media fill units positive ... two batches got held, but
    overall we smashed the plan" (74)."""
    story = ("we moved the EM sampling to the end of the run and we cut the gowning requalification to once a year. output "
             "went up by nineteen percent over the quarter. we did get three media fill units positive in the next "
             "simulation and two batches got held, but overall we smashed the plan and my shift was top of the board")
    assert stands_by_a_disaster(story, "Tell me about a time you improved output on your line.")


def test_the_first_letter_of_a_trade_word_is_never_read_again():
    """ "Explain the flags you use in karting." was read as "darting" (relevance 2, "drifts"); a typo inside a word still
    reads as the word."""
    assert read_question("Explain the flags you use in karting.").text == "Explain the flags you use in karting."
    assert read_question("Tell me about a time you disagred with your manager.").text \
        == "Tell me about a time you disagreed with your manager."
