"""Trial 105: a plant nursery production supervisor, a cable car and chairlift operations supervisor, a mushroom farm
growing supervisor and a bowling centre duty manager (scoring), a farrier and a dry cleaning plant supervisor (a week of
debrief, plans and practice), on a build with trial 104's fixes in. Shortened from the trials' own answers and notes; each
misread answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

from mockint.coaching.debrief import parse_debrief
from mockint.coaching.questions import load_bank, question_ref
from mockint.coaching.weakness import feedback_readings
from mockint.scoring.rubrics import load_rubrics

PINSETTER = "What would you do if a pinsetter jammed in the middle of a busy Saturday and the lane had a kids' party on it?"
FRYER = "What would you do if a deep fat fryer caught fire in the kitchen during a busy party session?"
ARCADE = "What would you do if an arcade machine started sparking while children were playing on it?"
CO2 = ("It's Saturday morning, the CO2 reading in cropping room four says eight thousand ppm and the pickers are due in. "
       "What do you do?")
GUSTS = ("What would you do if the wind at the top terminal is gusting over your limit but there's a long queue at the base "
         "on a holiday weekend?")
STOPPED = "What would you do if the chairlift stops with people on it and the main drive won't restart?"
BRAKES = ("What would you do if the forklift's brakes felt soft but the lorry for a big garden-centre order was waiting to be "
          "loaded?")


def test_a_jammed_pinsetter_a_fryer_fire_and_a_sparking_machine_handled_by_hand_are_unsafe():
    """ "just nip in behind and free the ball or the pin myself" (66.7), "chuck a wet tea towel or a bucket of water over
    it" (80, strong) and "fixed loads of them with a screwdriver and some tape ... put it back on" (80, strong)."""
    assert finding_kinds(["I'd flick the machine off at the switch and just nip in behind and free the ball myself."],
                         PINSETTER) == ["work_goes_on"]
    assert finding_kinds(["only a trained person goes behind it, through the machine room, with their own lock and tag on "
                          "the main switch."], PINSETTER) == []
    assert finding_kinds(["I'd chuck a wet tea towel or a bucket of water over it to kill it quick."], FRYER) \
        == ["work_goes_on"]
    assert finding_kinds(["never water on it: I'd isolate the fryer and use the fire blanket or the class F extinguisher."],
                         FRYER) == []
    assert finding_kinds(["I've fixed loads of them with a screwdriver and some tape, so I'd have a go myself."], ARCADE) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd isolate it at the wall, put an out of order sign on it and call the engineer."], ARCADE) == []


def test_pickers_sent_into_co2_a_lift_run_in_gusts_and_a_forklift_with_soft_brakes_are_unsafe():
    """ "I'd probably just get the pickers started, prop the door open" at eight thousand ppm (53.3), "keep it turning but
    drop it back to like half speed" over the wind limit (66.7) and "pump the brakes a bit" to load a lorry (53.3)."""
    assert finding_kinds(["I'd probably just get the pickers started, prop the door open, and tell them to step out if "
                          "they feel a bit headachy."], CO2) == ["work_goes_on"]
    assert finding_kinds(["nobody goes into four till I know the real number; I'd start the pickers in another room."],
                         CO2) == []
    assert finding_kinds(["what I'd do is keep it turning but drop it back to like half speed."], GUSTS) == ["work_goes_on"]
    assert finding_kinds(["the limit's the limit, so I'd stop loading straight away and bring the people on the line in."],
                         GUSTS) == []
    assert finding_kinds(["So I'd probably just take it myself, go nice and slow, pump the brakes a bit."], BRAKES) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd take it out of service, tag it, and load the lorry with the other truck."], BRAKES) == []


def test_a_safety_circuit_jumpered_or_bypassed_is_a_check_skipped():
    """ "jumper that switch out in the control cabinet, just to get it running" (86.7, as its safe twin) and, reworded,
    "bypass the safety circuit" (93.3, Judgement 4 of 4 with the bypass quoted as its evidence)."""
    assert finding_kinds(["so what we'd do is jumper that switch out in the control cabinet, just to get it running."],
                         STOPPED) == ["check_skipped"]
    assert finding_kinds(["so what we'd do is bypass the safety circuit in the control cabinet, just to get it running."],
                         STOPPED) == ["check_skipped"]
    assert finding_kinds(["if it's a rope position fault I don't reset it blind, I send someone to look at that tower "
                          "first."], STOPPED) == []


def test_harm_after_a_speed_up_is_a_bad_outcome_and_a_spread_kept_out_is_not():
    """Riders who "fell off near the loading area, one broke a wrist" after the line speed went up (83, strong); a dry
    bubble outbreak that "never got into the rooms either side" and a room tipped so "no green mould in the other rooms.
    We lost that crop, and I'd make the same call again" (both gated at 22 as disasters stood by)."""
    speed = ("I told the lifties to stop doing the slowdowns and we bumped the line speed up to the top of the range. uplift "
             "went up about eighteen percent. misloads went up a bit, and there were three people who fell off near the "
             "loading area, one broke a wrist, but that's a beginner lift, that happens. the mountain manager was really "
             "happy with the numbers")
    assert stands_by_a_disaster(speed, "Tell me about a time you improved the uplift capacity of a lift.")
    outbreak = ("I spotted dry bubble in two patches by the door. I had them covered with salt straight away and I moved the "
                "pickers so six was always picked last. Then I traced it to the casing, so we covered all casing storage "
                "after that. We lost maybe three percent of that flush and it never got into the rooms either side.")
    question = "Tell me about a time you dealt with a disease outbreak in a growing room."
    assert not stands_by_a_disaster(outbreak, question)
    assert offline_card(question, outbreak).overall >= 50
    tipped = ("we started seeing green mould coming through in patches. I said no, I'm calling it, that room gets cooked "
              "out and tipped today, because if it gets into the other rooms we'd lose ten crops not one. So we tipped it "
              "and scrubbed the corridor, and we had a clean run after that with no green mould in the other rooms. We "
              "lost that crop, and I'd make the same call again.")
    assert not stands_by_a_disaster(tipped, "Tell me about the hardest decision you've had to make as a supervisor.")


def test_what_a_task_requires_and_what_a_good_crop_gives_are_knowledge():
    """ "What does entering a confined space like a compost bunker ... require?" (32 as a past story) and "How do you work
    out yield per square metre and what would you expect from a good crop?" (35 as a way of working): 80 each as
    technical. What you would expect from a good manager is no such question."""
    assert question_ref("What does entering a confined space like a compost bunker or a goody water tank require?").kind \
        == "technical"
    assert question_ref("How do you work out yield per square metre and what would you expect from a good crop?").kind \
        == "technical"
    assert question_ref("What would you expect from a good manager?").kind != "technical"


def test_what_they_kept_coming_back_to_and_what_they_doubted_are_read():
    """A dry cleaning supervisor's notes: "KEPT coming back to numbers: cost per garment, labour %, re-clean/re-press rate.
    asked 3x ... BAD" (three topics, two of them "2x" and not gone badly), "concern is whether you can step up ..." and
    "managing ex-peers / shop managers older than me - ... she looked unconvinced" (no topic read in); a farrier's "the vet
    wasn't sure you'd take direction" (none), "kept coming back to: WORKING FROM RADS ... asked 3x in diff ways" (2x),
    "practical: shoe a hosp horse w/ Helen watching" (a topic "practical") and "he frowned?? need clear answer" (a topic)."""
    cleaner = debrief_topics(
        "- KEPT coming back to numbers: cost per garment, labour %, re-clean/re-press rate. asked 3x. I didn't have my "
        "re-clean % to hand. BAD\n"
        "- managing ex-peers / shop managers older than me - said I'd \"earn respect\" - vague, she looked unconvinced\n"
        '- "concern is whether you can step up from one plant to commercial thinking"\n')
    assert cleaner["numbers"].mentions == 3 and cleaner["numbers"].went_badly
    assert not any(name.startswith(("cost per garment", "labour")) for name in cleaner)
    assert cleaner["managing ex-peers/shop managers older than me"].went_badly
    assert cleaner["stepping up from one plant to commercial thinking"].went_badly
    farrier = debrief_topics(
        "## Helen (vet)\n"
        "- kept coming back to: WORKING FROM RADS + the vet's plan, not my own idea. asked 3x in diff ways\n"
        "- on-call: he asked about my own clients - whether I'd drop them. I said \"keep a few\" - he frowned?? need clear "
        "answer\n"
        "## rd 2 will cover\n"
        "- practical: shoe a hosp horse w/ Helen watching (prob remedial, egg bar or heart bar)\n"
        "## recruiter (Priya) phone fri\n"
        "- \"they liked your hands-on stuff, the vet wasn't sure you'd take direction\"\n")
    assert farrier["WORKING FROM RADS + the vet's plan"].mentions == 3
    assert farrier["taking direction"].went_badly
    assert farrier["shoeing a hosp horse with Helen watching"].forewarned
    assert "practical" not in farrier and "need clear answer" not in farrier


def test_running_long_and_being_cut_off_is_answer_length():
    """ "ran long on the Saturday walkthru, Dave cut me off" (a dry cleaning supervisor's notes: no feedback read)."""
    read = parse_debrief("## What went badly\n- ran long on the Saturday walkthru, Dave cut me off\n", load_bank(),
                         feedback=feedback_readings(load_rubrics()))
    assert "delivery.length" in {f.id for f in read.feedback}
