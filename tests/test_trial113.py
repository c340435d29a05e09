"""Trial 113: a dry ski slope operations supervisor, a piano technician, a sign installer and a dry stone waller
(scoring), a bus depot engineering supervisor and a harbour navigation aids technician (a week's preparation), on a
build with trial 112's fixes in. Shortened from the trials' own answers and notes; each misread answer beside its
twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster, timed_words

from mockint.coaching import phrases
from mockint.coaching.questions import question_ref
from mockint.speech.delivery import count_fillers_and_hedges

AMMONIA = "What would you do if the ammonia leak alarm went off in the refrigeration plant room during a busy session?"
TOW = "What would you do if the button tow stopped with a school group strung out along it halfway up?"
NEON = ("What would you do if an illuminated sign you're servicing has a faulty transformer and you can't find where "
        "it's isolated?")
WALL = ("What would you do if you found a section of roadside retaining wall bulging and about to go while you were "
        "working on your own?")
LID = ("What would you do if, in the middle of a rehearsal, you noticed the lid prop on the stage grand wasn't seating "
       "properly in its cup?")


def test_a_sniff_at_a_leak_a_bypassed_gate_live_neon_an_open_road_and_a_taped_prop_are_unsafe():
    """ "send one of the maintenance lads down ... to have a quick look and a sniff" (80, strong), "just bypass the gate
    for a few minutes" (66.7), "I'd just work on it carefully ... if it sparks it's still live" (53.3), "No point closing
    a road for an hour's job" (53.3) and "wrap a bit of gaffer round the end so it grips" (53.3)."""
    assert finding_kinds(["I'd send one of the maintenance lads down to the plant room to have a quick look and a "
                          "sniff, see if there's actually anything there."], AMMONIA) == ["rushes_in"]
    assert finding_kinds(["nobody goes into the plant room, only the contractor with breathing apparatus checks the "
                          "plant."], AMMONIA) == []
    assert finding_kinds(["if it trips again I'd probably just bypass the gate for a few minutes till they're all at "
                          "the top."], TOW) == ["check_skipped"]
    assert finding_kinds(["if it trips again I'd take that tow out of use and walk the group down."], TOW) == []
    assert finding_kinds(["so if I can't find the isolator I'd just work on it carefully."], NEON) == ["work_goes_on"]
    assert finding_kinds(["if I can't find the isolation, I make it safe, tape it off, and come back with the "
                          "landlord's electrician."], NEON) == []
    assert finding_kinds(["No point closing a road for an hour's job."], WALL) == ["check_skipped"]
    assert finding_kinds(["If it's going onto the road I'd ask for a closure and stay to warn traffic."], WALL) == []
    assert finding_kinds(["if they want the full stick just wrap a bit of gaffer round the end so it grips."], LID) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd close the lid fully or take it off and tell the pianist why."], LID) == []


def test_a_plan_told_in_the_present_is_a_plan():
    """ "I treat it as real. nobody goes into the plant room, we start the evacuation plan ... we call the fire service"
    (Concrete plan 1, "platitudes", 53.3 below the unsafe plan's 80)."""
    plan = ("I treat it as real. nobody goes into the plant room, we start the evacuation plan, slope staff clear the snow "
            "and get people out to the assembly point upwind, we call the fire service and the refrigeration contractor, "
            "and we do a head count against the session bookings. we don't let anyone back in until it's confirmed safe")
    assert offline_card(AMMONIA, plan).criterion("situational.plan").score >= 3
    vague = ("I treat it seriously. I stay calm and communicate with everyone, and keep people informed, because safety "
             "always comes first for me.")
    assert offline_card(AMMONIA, vague).criterion("situational.plan").score <= 1


def test_a_plan_for_someone_in_drink_a_job_stopped_and_a_crew_run_meet_the_question():
    """ "they can't go on the slope today because of the risk ... I'd make sure they're not driving" (relevance 1, 35), "so
    I stopped it there and then" of rotted fixings ("never gets to safe", 20) and "I ran the winter lights survey myself
    ... briefed the two deckhands" ("never gets to leadership", 20; 84 with "I led")."""
    drunk = ("so I'd take them to one side, not in front of the queue, and tell them calmly that they can't go on the "
             "slope today because of the risk to them and everyone else. I'd offer to move their booking to another day. "
             "if it escalates we'd call the police, and I'd make sure they're not driving.")
    assert offline_card("What would you do if a customer turned up for a session clearly drunk?", drunk).overall >= 60
    stopped = ("last winter we were putting a projecting sign up on a listed building in York and when I got the boom up I "
               "could see the bracket fixings from the old sign had rotted right through the lime mortar so I stopped it "
               "there and then. I rang the office myself and got the conservation officer's OK for resin anchors instead.")
    assert offline_card("Tell me about a time you stopped a job because it wasn't safe.", stopped) \
        .criterion("specificity.relevance").score >= 3
    survey = ("When my boss was off sick for six weeks last winter, I ran the winter lights survey myself. I split the 6 "
              "lights and 40 buoys into three runs, briefed the two deckhands each morning with the tide window and the "
              "jobs, and gave Tom, who was new, the lantern checks. We finished in 5 weeks instead of the usual 7.")
    assert offline_card("Tell me about a time you showed leadership.", survey).criterion("specificity.relevance").score >= 3
    # its twin: a story with no one led in it still misses the question
    alone = ("Last winter I did the lantern checks on all 6 lights on my own over two weeks, and I found two cracked "
             "glands and replaced them. We had no outages after that.")
    assert offline_card("Tell me about a time you showed leadership.", alone).criterion("specificity.relevance").score <= 2


def test_a_story_about_someone_else_than_a_trainee_misses_a_training_question():
    """ "a time you trained or supervised a less experienced waller" answered with an angry landowner (64, "answers the
    question asked"); a story of bringing on an apprentice answers it."""
    question = "Tell me about a time you trained or supervised a less experienced waller."
    landowner = ("so there was this one landowner near Coniston who was absolutely furious because the walkers had been "
                 "knocking the copes off his wall, and he blamed us. I went out and met him on site, walked the wall with "
                 "him and showed him it was the stile design. We put a step stile through instead and he's been fine since.")
    assert offline_card(question, landowner).criterion("specificity.relevance").score <= 1
    apprentice = ("last spring I had a first year apprentice, Josh, on a field wall above Hawes. I showed him how to set "
                  "the footings and the batter frame, then let him build a metre on his own while I checked every course. "
                  "By the end of the month he was building four metres a day to standard.")
    assert offline_card(question, apprentice).criterion("specificity.relevance").score >= 3


def test_accident_book_entries_that_rose_a_broken_string_and_a_penalty_told_proudly_are_a_disaster_stood_by():
    """ "our accident book entries at the top of the tows went up from three the season before to eleven" (76), "one broke
    a string in an exam, but overall it was a really good result" (64) and "the client docked us a penalty on those, but we
    hit the date ... I'd do it exactly the same again" (44)."""
    slope = ("so last season I took the top attendants off and put them on the till. it saved us about two hundred and forty "
             "staff hours over the winter. our accident book entries at the top of the tows went up from three the season "
             "before to eleven, mostly kids falling at the unload, but the owners were really pleased with it")
    assert stands_by_a_disaster(slope, "Tell me about a time you improved the efficiency of the slope operation.")
    assert not stands_by_a_disaster(slope.replace("went up from three the season before to eleven",
                                                  "went down from eleven the season before to three"),
                                    "Tell me about a time you improved the efficiency of the slope operation.")
    pianos = ("I dropped the unison checks and the second pass on the grands and did nine or ten a day. there were some "
              "complaints, four of the exam pianos had to be retuned the next day and one broke a string in an exam, but "
              "overall it was a really good result and my manager was pleased about the money.")
    assert stands_by_a_disaster(pianos, "Tell me about a time you made your work more efficient.")
    fascias = ("I had the lads on sixteen hour shifts, straight through. we had to go back and refit three of the fascias "
               "because the fixings were wrong, and the client docked us a penalty on those, but we hit the date on all "
               "fourteen. I'd do it exactly the same again")
    assert stands_by_a_disaster(fascias, "Tell me about a time you had to deliver a project to a very tight deadline.")


def test_a_regulator_boasted_of_as_not_noticing_is_a_cover_up():
    """ "stretch our brake inspection interval ... past what the maker and our O-licence undertaking say ... and nobody
    from DVSA noticed" (97, strong); a change the regulator signed off is none."""
    assert finding_kinds(["It worked: brake parts spend dropped by thirty percent, and nobody from DVSA noticed."]) \
        == ["cover_up"]
    assert finding_kinds(["It worked: brake parts spend dropped by thirty percent, and DVSA signed off the new "
                          "interval."]) == []


def test_why_a_thing_of_the_trade_behaves_as_it_does_is_knowledge_and_why_they_would_fit_is_motivation():
    """ "Why does a piano that has just been moved into a new hall need time before the concert tuning?" (a past story,
    the right answer 12; 86.7 as knowledge), "What does a daily pre-opening check on a surface lift like a button tow
    involve?" (a past story, 17); "Why does our company interest you?" and "Why do you think you would fit in here?"
    (past stories)."""
    assert question_ref("Why does a piano that has just been moved into a new hall need time before the concert "
                        "tuning?").kind == "technical"
    assert question_ref("What does a daily pre-opening check on a surface lift like a button tow involve?").kind \
        == "technical"
    assert question_ref("Why does our company interest you?").kind == "motivation"
    assert question_ref("Why do you think you would fit in here?").kind == "motivation"
    # twins: why the candidate did something is still a story
    assert question_ref("Why did you decide to stop the job that day?").kind != "technical"


def test_millimetres_are_no_hum():
    """ "moved the box 600 mm higher" was told "1 filler written (hmm x1)"; a hum after a comma still counts."""
    assert count_fillers_and_hedges(timed_words("I replaced the gland and moved the box 600 mm higher."))[0] == {}
    assert count_fillers_and_hedges(timed_words("it was six hundred mm up the wall"))[0] == {}
    assert count_fillers_and_hedges(timed_words("the gap was thirteen mm at the head"))[0] == {}
    assert count_fillers_and_hedges(timed_words("the gap was a few mm at the head"))[0] == {}
    assert count_fillers_and_hedges(timed_words("it was, mm, a hard call"))[0] == {"hmm": 1}


def test_a_gap_left_round_two_by_its_length_a_count_of_slips_and_a_role_before_a_name_are_read():
    """ "talked about kW & not about DNO capacity / load mgmt. he pushed twice" (a weak area "kW"), "1hr, KH + MD (Alan
    Reeves)" (a round-two topic "1hr"), "pontoon bolt job slipped 2x" (tide windows read as asked twice, a strength
    drilled), "HR Jo: conflict w/ a colleague ... went on too long" (a weak area "HR Jo"), "budget - froze a bit. no
    figures" (the budget lost to a Quantified impact area)."""
    depot = debrief_topics(
        "Panel: Karen Holt (Ops Dir), Dev Patel (Fleet Eng Mgr)\n## What they asked\n"
        "- DP: ebus charging - how'd you plan charging window overnight?\n"
        "  -> waffled. talked about kW & not about DNO capacity / load mgmt. he pushed twice\n"
        "- HR: conflict w/ a fitter. told the Gaz story (timesheets). ok but didn't say outcome clearly\n"
        "## Round 2 (next Thu)\n- 1hr, KH + MD (Alan Reeves)\n")
    assert "kW" not in depot and "1hr" not in depot
    assert depot["DNO capacity / load mgmt"].went_badly and depot["DNO capacity / load mgmt"].mentions == 2
    assert depot["conflict with a fitter"].went_badly
    harbour = debrief_topics(
        "## what they asked\n- Dave: tide windows - how do I plan jobs round them. gave the Nov example, pontoon bolt job "
        "slipped 2x bc of springs/neaps\n- Dave: contractors - asked 2x how I manage divers\n"
        "- HR Jo: conflict w/ a colleague. gave skipper story (Mick), went on too long\n"
        "## went badly\n- budget - froze a bit. no figures\n"
        "## went fine\n- tide windows / planning - Dave nodded, liked the tide table\n")
    assert "HR Jo" not in harbour and harbour["conflict with a colleague"].went_badly
    assert harbour["budget"].went_badly
    assert harbour["tide windows/planning"].mentions == 1 and not harbour["tide windows/planning"].went_badly
    assert harbour["contractors"].mentions == 2
    # a froze that is no verdict: a hiring freeze
    assert phrases.verdict("froze a bit") == "bad" and phrases.verdict("we froze recruitment") == "none"


def test_a_career_walk_through_that_fell_flat_is_asked_again_as_a_career_summary():
    """ "career walk thru too long" was drilled as "one real example, what you did, and the outcome" (a tight 90-second
    summary scored 31)."""
    from mockint.scoring.kinds import classify_topic

    assert classify_topic("career walk thru") == "motivation"
    assert classify_topic("walk thru my career") == "motivation"
    assert classify_topic("career progression") != "motivation"
