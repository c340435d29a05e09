"""Trial 117: a water park lifeguard supervisor, a tower crane appointed person, a flooring team leader and a ferry second
engineer (scoring), a tyre centre assistant manager and a hair salon assistant manager (a week's preparation), on a build
with trial 116's fixes in. Shortened from the trials' own answers; each misread answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

from mockint.coaching.debrief import parse_debrief
from mockint.coaching.questions import load_bank
from mockint.coaching.weakness import feedback_readings
from mockint.scoring.kinds import classify
from mockint.scoring.rubrics import load_rubrics

WIND = "What would you do if the wind picks up to just over the limit in your lift plan halfway through placing precast panels?"
RADIO = "What would you do if the radio between the signaller and the crane driver cut out in the middle of a blind lift?"
TANK = "What would you do if you found a rating about to go into a ballast tank that had been opened that morning?"
ASBESTOS = ("What would you do if you lifted old vinyl tiles and the black adhesive underneath might have asbestos in it, and "
            "the customer needs the floor done today?")
SOLVENT = ("What would you do if you were using a solvent adhesive in a small room with poor ventilation and one of your "
           "apprentices said he felt dizzy?")
CHLORINE = ("What would you do if the chlorine dosing alarm went off in the plant room and guests were complaining their eyes "
            "were stinging?")
GUARDS = "What would you do if you were three lifeguards short at opening on a thirty degree day?"
MISSING = "What would you do if a parent reported their child missing during a busy afternoon?"


def test_a_lift_past_its_wind_limit_a_blind_lift_a_tank_a_scrape_a_dizzy_apprentice_and_a_short_pool_are_unsafe():
    """ "just get the remaining panels in quick ... the plan limit is a guide really" (66.7), "he can do hand signals up to
    the cab as best he can" (40), "I'd probably just let him crack on ... the gas meter ... a bit of a faff" (40), "scrape the
    lot up ... the paper ones are fine ... take it to the tip" (80, strong), "I'd carry on spreading" (66.7), "I'd keep the
    pool open" (66.7), "I'd just stretch everyone's zones" (53.3) and "keep it calm, keep the park running" (40)."""
    assert "work_goes_on" in finding_kinds(["tell the driver to go nice and slow and just get the remaining panels in quick, "
                                            "the plan limit is a guide really."], WIND)
    assert "work_goes_on" in finding_kinds(["I'd get the slinger to shout across and he can do hand signals up to the cab as "
                                            "best he can."], RADIO)
    assert finding_kinds(["I'd stop the lift, hold the load where it is and get comms back before anything moves."],
                         RADIO) == []
    assert "work_goes_on" in finding_kinds(["so I'd probably just let him crack on but I'd go in with him myself."], TANK)
    assert finding_kinds(["the gas meter is a bit of a faff to be honest."], TANK) == ["check_skipped"]
    assert finding_kinds(["nobody goes in till it's been tested with the gas meter and there's a permit and a standby man."],
                         TANK) == []
    assert "work_goes_on" in finding_kinds(["masks on, the paper ones are fine, and just scrape the lot up quick and we take "
                                            "it to the tip."], ASBESTOS)
    assert finding_kinds(["I'd stop, get a sample tested and tell the customer we can't touch it today."], ASBESTOS) == []
    assert "work_goes_on" in finding_kinds(["I'd tell him to stand by the back door and I'd carry on spreading."], SOLVENT)
    assert finding_kinds(["I'd get us both out into the fresh air and I wouldn't carry on spreading."], SOLVENT) == []
    assert "work_goes_on" in finding_kinds(["I'd keep the pool open because closing on a Saturday is a nightmare."],
                                           CHLORINE)
    assert finding_kinds(["I'd clear the pool and the plant room and call the contractor."], CHLORINE) == []
    assert "work_goes_on" in finding_kinds(["so I'd open on time. I'd just stretch everyone's zones."], GUARDS)
    assert finding_kinds(["I'd open only what I can guard to the ratios and close the rest."], GUARDS) == []
    assert "work_goes_on" in finding_kinds(["keep it calm, keep the park running, that's the main thing."], MISSING)


def test_a_load_landed_under_control_and_one_side_of_a_choice_weighed_are_not_work_let_go_on():
    """ "if it's nearly landed and the fixers can secure it safely I'd let them finish landing it under control" (20 as
    unsafe; 80 without that clause) and "we had a choice, keep the port engine running on reduced load and hope, or shut
    it down ... I made the call to stop the port engine" (Action 0, capped at 20)."""
    assert finding_kinds(["if it's nearly landed and the fixers can secure it safely I'd let them finish landing it under "
                          "control."], WIND) == []
    assert "work_goes_on" in finding_kinds(["I'd let them finish the last two panels."], WIND)
    alarm = "the high temperature alarm came up and there was no damage to the engine."
    assert finding_kinds([alarm, "so we had a choice, keep the port engine running on reduced load and hope, or shut it "
                                 "down."]) == []
    assert finding_kinds([alarm, "so I said keep the port engine running on reduced load and hope."]) == ["work_goes_on"]


def test_a_ship_run_past_its_overhauls_and_a_floor_laid_on_a_wet_screed_told_proudly_are_a_disaster_stood_by():
    """ "a liner crack on number five ... cost about a hundred and eighty thousand and we lost four days of sailings ...
    that's the kind of commitment I bring" (66) and "tiles lifting and bubbling on that floor, about forty percent of it, so
    we went back and relaid it" (50)."""
    ship = ("we deferred the main engine unit overhauls, they ended up about two thousand hours over the maker's interval. I "
            "had two of them sign off afterwards, you know, couldn't hack it. we did have a liner crack on number five in "
            "the September, that cost about a hundred and eighty thousand and we lost four days of sailings, but honestly "
            "that's the kind of commitment I bring.")
    assert stands_by_a_disaster(ship, "Tell me about a time you kept the ship running under pressure.")
    floor = ("The screed felt dry so we didn't bother waiting for the hygrometer readings, we just primed it and went. Handed "
             "over two days early. There was some issue after about three weeks with tiles lifting and bubbling on that "
             "floor, about forty percent of it, so we went back and relaid it over a week of weekends, but the client was "
             "really impressed with how fast we turned it round.")
    assert stands_by_a_disaster(floor, "Tell me about a time you delivered a big job under a lot of time pressure.")
    # twin: a path lifted and relaid to put it right is the story's fix, not its disaster
    path = ("in the morning there was water sat in three places, so I made the call that we'd lift the lot and re-check the "
            "levels. We sorted the falls, relaid it, and it's been bone dry since, and we got the rest of the external works.")
    assert not stands_by_a_disaster(path, "Tell me about a time you had to make a difficult call on site.")


def test_the_levels_a_thing_is_kept_at_are_knowledge_and_a_plan_rewritten_is_a_way_improved():
    """ "What free chlorine and pH levels should a leisure pool be kept at ...?" (a story: the wrong answer 32, 86.7 as
    knowledge) and "I rewrote it so each lift category had a one page plan ... the contracts manager took the format" for
    "improved the way lifts were planned" (20, "never gets to improved the way")."""
    assert classify("What free chlorine and pH levels should a leisure pool be kept at, and how often should you test?") \
        == "technical"
    assert classify("What levels of service should a customer expect from you?") != "technical"
    story = ("so when I got to the hospital job the lift plans were all generic and the slingers didn't read them. I rewrote "
             "it so each lift category had a one page plan with the weight, the radius and the wind limit on it, and I made "
             "the supervisors brief off them every morning. after that the lads actually used them, and the contracts "
             "manager took the format to the other two jobs")
    assert offline_card("Tell me about a time you improved the way lifts were planned on a site.", story).overall >= 45


def test_a_fault_that_comes_back_and_what_the_candidate_said_with_we_are_no_feedback_and_round_twos_exercises_are_read():
    """ "customer complaints abt warning light coming back on after we fitted tyres. I said we re-learn & explain" (TPMS
    "came back to it (2x)" and an Ownership concern drilled first), "meet area manager (Marcus) + do a "business review" of
    a salon" (no topic), and "first 90 days" beside "90-day plan pres" (one exercise, two topics)."""
    tpms = ("- TPMS - resets/sensor sales, customer complaints abt warning light coming back on after we fitted tyres. I said "
            "we re-learn & explain, free of charge first time\n")
    notes = parse_debrief("Round 1 notes\n" + tpms, load_bank(), feedback=feedback_readings(load_rubrics()))
    assert {t.name: t.mentions for t in notes.topics}["TPMS"] == 1
    assert not [area for area in notes.feedback if area.id == "specificity.ownership"]
    # twins: the panel coming back to it, and feedback on "we"
    assert debrief_topics("- TPMS - he came back on it twice\n")["TPMS"].mentions == 2
    said_we = parse_debrief("Round 1 notes\n- recruiter: I said we a lot, not enough I\n", load_bank(),
                            feedback=feedback_readings(load_rubrics()))
    assert [area for area in said_we.feedback if area.id == "specificity.ownership"]
    salon = debrief_topics('## Round 2 (Dawn said)\n- meet area manager (Marcus) + do a "business review" of a salon: '
                           "given a P&L sheet on the day, 20 min to read, then discuss\n- meet the team + lunch\n")
    assert salon["business review of a salon"].forewarned and "lunch" not in salon
    tyres = debrief_topics('Round 2 (Sam):\n- R2 = presentation (10 min) on "first 90 days as centre mgr" + a P&L / KPI '
                           "exercise\n\nR2 will cover: 90-day plan pres, P&L/KPI case, branch walk round\n")
    assert "first 90 days" in tyres and "90-day plan pres" not in tyres
    assert "P&L/KPI case" not in tyres
