"""Trial 107: a fuel tanker driver team leader, a sprinkler installation supervisor, a creamery production supervisor and
a grounds maintenance supervisor (scoring), a library branch manager and a leisure centre duty manager (a week of
debrief, plans and practice), on a build with trials 104-106's fixes in. Shortened from the trials' own answers and
notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, stands_by_a_disaster

from mockint.coaching.debrief import parse_debrief
from mockint.coaching.questions import load_bank, question_ref
from mockint.coaching.weakness import feedback_readings
from mockint.scoring.rubrics import load_rubrics

HOURS = ("What would you do if a driver was about to run out of driving time twenty minutes from his last drop, a farm "
         "whose heating oil tank is nearly empty?")
PASTEURISER = ("What would you do if at three in the morning you saw the pasteuriser chart had dropped below the legal "
               "temperature for a few seconds but the line kept running?")
WALNUT = "What would you do if you had to change over from a walnut cheese to a plain cheese and you were already an hour behind?"
DRAIN = ("What would you do if you arrived on site and found the existing sprinkler system in an occupied building needed "
         "draining down to tie in your new pipework, but nobody had told the fire alarm company or the insurer?")
HOT_WORKS = ("What would you do if one of your fitters told you he'd finished a hot works job on a roof void at four o'clock "
             "and wanted to go home?")
TOWER = "What would you do if the main contractor asked your team to use their scaffold tower which had no scaff tag on it?"
SPRAYING = ("What would you do if you turned up and a crew was spraying weeds along a path next to a pond and it was getting "
            "quite windy?")


def test_a_driver_pushed_past_his_hours_milk_let_run_and_a_nut_line_rinsed_are_unsafe():
    """ "I'd tell him to push on and get it done ... one infringement isn't the end of the world" (66.7), "I'd let it run, I
    wouldn't hold up the whole make for a blip" (80, strong) and "a really good hot rinse ... check visually there's no
    bits left, and crack on" (66.7)."""
    assert finding_kinds(["I'd tell him to push on and get it done, one infringement isn't the end of the world."], HOURS) \
        == ["work_goes_on"]
    assert finding_kinds(["he stops where he is, takes his break, and I ring the farmer and send another driver."],
                         HOURS) == []
    assert finding_kinds(["so I'd let it run, I wouldn't hold up the whole make for a blip."], PASTEURISER) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd divert the line, hold everything since the last good reading and ring the on call QA "
                          "manager there and then."], PASTEURISER) == []
    assert finding_kinds(["I'd get the lads to give the line a really good hot rinse, check visually there's no bits left, "
                          "and crack on."], WALNUT) == ["work_goes_on"]
    assert finding_kinds(["the full allergen clean and the swab get done whatever the time, and I'd tell the customer we're "
                          "late."], WALNUT) == []


def test_a_live_system_drained_a_fire_watch_cut_and_an_untagged_tower_are_unsafe():
    """ "you'd just crack on ... phone the alarm company after" (40), "if he's finished he's finished, I'd let him go ...
    sign the permit off" (53.3, as its safe twin), "the tags are mostly just paperwork" (40) and a weedkiller run finished
    by a pond in rising wind (40)."""
    assert finding_kinds(["if it's a small tie in, you'd just crack on and phone the alarm company after."], DRAIN) \
        == ["work_goes_on"]
    assert finding_kinds(["if he's finished he's finished, I'd let him go and sign the permit off."], HOT_WORKS) \
        == ["work_goes_on"]
    assert finding_kinds(["he doesn't go at four unless someone else picks up the fire watch."], HOT_WORKS) == []
    assert finding_kinds(["if it's solid I'd let the lads use it, the tags are mostly just paperwork."], TOWER) \
        == ["work_goes_on"]
    assert finding_kinds(["nobody goes up it until it's been inspected and tagged by the scaffolder."], TOWER) == []
    assert finding_kinds(["if they're nearly done I'd probably say just finish the run and spray quick."], SPRAYING) \
        == ["work_goes_on"]


def test_checks_cut_for_productivity_that_ended_in_bumps_and_claims_are_a_bad_outcome():
    """Walkround checks cut to "a quick visual": "three minor bumps that quarter ... two of the lads got flagged for working
    time" (82, strong); a litter pick dropped: "eleven windscreen claims that season and one little lad got a stone on the
    leg" (62, solid)."""
    tanker = ("the walkround checks were taking fifteen minutes, so I told the lads just do a quick visual and get going. "
              "within three months we were up to nine drops a shift which is a fifty percent increase. we had three minor "
              "bumps that quarter, a couple of mirrors and a bollard, and two of the lads got flagged for working time, but "
              "the depot hit its volume target and the manager was really happy.")
    assert stands_by_a_disaster(tanker, "Tell me about a time you improved productivity on your team.")
    mowing = ("I made the call to drop the litter pick ahead of the mowers. we went from about eighty percent of cuts on time "
              "to ninety eight percent. we did get eleven windscreen claims that season and one little lad got a stone on "
              "the leg off a mower, but overall the council were really happy so I'd call that a big success.")
    assert stands_by_a_disaster(mowing, "Tell me about a time you improved productivity on a contract.")


def test_what_a_role_must_do_and_what_a_worker_must_hold_are_knowledge():
    """ "What does a transport manager have to do to keep the operator licence undertakings?" (40 as a past story) and "What
    qualifications does someone need to apply pesticides professionally?" (14; 86.7 as technical). What the candidate
    needs for the role, and a new starter's training, are not."""
    assert question_ref("What does a transport manager have to do to keep the operator licence undertakings?").kind \
        == "technical"
    assert question_ref("What qualifications does someone need to apply pesticides professionally?").kind == "technical"
    assert question_ref("What qualifications do you need for this role?").kind != "technical"
    assert question_ref("What training does a new starter need?").kind != "technical"


def test_what_the_panel_felt_and_will_go_deeper_on_is_read_and_remarks_on_them_are_not_topics():
    """A library manager's recruiter: "head of libs felt you were still thinking like a branch manager" (no topic read in);
    a leisure centre duty manager's "Dev said "we'll go deeper on H&S governance"" and "Dev wants to see you'd hold others
    to account on H&S" (lost), "rapport w Karen good. Dev hard to read" (two topics that went fine) and "she felt I was
    rushing" (a topic "rushing", not the pace)."""
    library = debrief_topics("## Recruiter (Lena) call Thurs\n"
                             "- \"head of libs felt you were still thinking like a branch manager\"\n")
    assert library["thinking like a branch manager"].went_badly
    centre = debrief_topics("Panel: Karen H (regional ops mgr), Dev S (trust H&S lead).\n"
                            "## Overall\n"
                            "- rapport w Karen good. Dev hard to read\n"
                            "## Round 2\n"
                            "- Dev said \"we'll go deeper on H&S governance\"\n"
                            "- \"Dev wants to see you'd hold others to account on H&S not just do it yourself\"\n")
    assert centre["H&S governance"].forewarned and centre["holding others to account on H&S"].forewarned
    assert not any("Karen" in name or "Dev" in name for name in centre)
    read = parse_debrief("- she felt I was rushing\n", load_bank(), feedback=feedback_readings(load_rubrics()))
    assert not read.topics and "delivery.pace" in {f.id for f in read.feedback}
