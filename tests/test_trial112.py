"""Trial 112: a livestock auction mart yard supervisor, a glasshouse tomato nursery supervisor, a structural steel erection
gang leader and a gas network emergency team leader (scoring), a festival site crew manager and a removals crew
supervisor (a week's preparation), on a build with trial 111's fixes in. Shortened from the trials' own answers and
notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

from mockint.coaching.questions import question_ref

CO2 = "What would you do if the CO2 alarm went off in a block while your crew were working in it?"
RAFTER = "What would you do if the wind picks up while you've got a rafter on the hook halfway up?"
BOLTS = "What would you do if you got to site and the holding down bolts were in the wrong place for the first column?"
HOURS = "Back to drivers hours/tacho. Take a real example you have not told yet: what happened, what you did."


def test_an_alarm_silenced_a_load_grabbed_in_wind_a_plate_hidden_and_a_driver_past_his_hours_are_unsafe():
    """ "I'd silence it ... and let the lads finish the row they're on" (53.3), "we'd just get it in ... grab the ends and
    pull it in by hand" (53.3), "the engineer's never gonna know" of a base plate slotted with the gas (33.3) and "I let
    the driver carry on past the 10 hours and we sort the tacho out afterwards" (50; 77.5 after its follow-up)."""
    assert finding_kinds(["so I'd silence it and if the reading's only a bit over I'd let the lads finish the row they're "
                          "on."], CO2) == ["work_goes_on"]
    assert finding_kinds(["I'd get everyone out straight away, never silence it, and check the readings from outside."],
                         CO2) == []
    assert finding_kinds(["so I'd have the lads in the MEWPs grab the ends and pull it in by hand."], RAFTER) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd stop the lift, tag lines only, and let the crane driver bring it back down."], RAFTER) == []
    assert finding_kinds(["no point holding the whole job up for fifteen mil, the engineer's never gonna know."],
                         BOLTS) == ["cover_up"]
    assert finding_kinds(["I'd stop and ring the engineer for a fix, I'm never going to hide it."], BOLTS) == []
    assert finding_kinds(["on a long job if we're running late I let the driver carry on past the 10 hours and we sort "
                          "the tacho out afterwards."], HOURS) == ["work_goes_on"]


def test_a_check_before_someone_works_alone_is_no_work_let_go_on():
    """ "I check their trolley use myself before they go up on their own" (a glasshouse supervisor's induction, capped at
    35 as work let go on at height)."""
    induction = "How do you make sure new agency pickers are safe and productive from their first day?"
    # (its danger: the "truss" of a rigging trial, here the tomatoes' own)
    assert finding_kinds(["they're paired with one of my experienced pickers, so they see what a class one truss looks "
                          "like.", "I check their trolley use myself before they go up on their own."], induction) == []
    assert finding_kinds(["If we're short I let them go up on their own anyway."],
                         "What would you do if a picker had not done the trolley training for work at height?") \
        == ["work_goes_on"]


def test_lambs_smothered_pickers_fainting_and_residents_in_hospital_told_proudly_are_a_disaster_stood_by():
    """ "about eleven lame after and four lambs smothered ... that's nothing really" (70), "two walked off and one fainted
    in the heat ... My manager was made up with it" (84), and "three residents got taken to hospital ... I was really
    proud of how calm the team stayed" (82); a cost set beside "a lost job" is no harm (a removals routine, 23.6)."""
    lambs = ("I changed it so we doubled up the pens, put two lots in each pen, and we went from finishing at four to being "
             "done by half one. There was the odd casualty, we had about eleven lame after and four lambs smothered in "
             "the corner of one of the big pens but with five thousand through that's nothing really. The boss was made "
             "up with it.")
    assert stands_by_a_disaster(lambs, "Tell me about a time you improved how fast you got stock penned on a sale day.")
    flats = ("gas smell in the stairwell, so I made the decision that we didn't need to evacuate. It took us five hours "
             "to find it and in that time three residents got taken to hospital with headaches and the fire brigade "
             "evacuated it anyway. But we found the leak, and I was really proud of how calm the team stayed.")
    assert stands_by_a_disaster(flats, "Tell me about a time you had to make a decision under pressure.")
    vans = ("When two big jobs land on one day and a van is off road I hire a Luton for the day, about 120 pounds, a lot "
            "cheaper than a lost job. In March the big Mercedes failed its MOT on the Wednesday. I hired a Luton, moved "
            "the office's archive boxes to the Thursday evening, and both jobs finished on time.")
    assert offline_card("How do you go about crew and van scheduling? Describe your routine and one real time you used "
                        "it.", vans).overall >= 60


def test_equipment_tagged_out_and_a_machine_checked_meet_the_question_asked():
    """ "I tagged it out straight away, took the keys ... wrote it on the defect sheet" of a cut hydraulic hose ("never
    gets to safety", 20) and "the machine, pre-use check, thorough examination in date" for "What would you check before
    using a MEWP on a new site?" ("never gets to MEWP", 20; 86.7 with "the MEWP itself")."""
    hose = ("on a job in Reading I was doing the pre-use on a thirty eight foot boom and I noticed the hydraulic hose on "
            "the jib was weeping and there was a cut in the outer. so I tagged it out straight away, took the keys, rang "
            "the hire company, and wrote it on the defect sheet.")
    assert offline_card("Tell me about a time you noticed a serious safety problem with equipment.", hose) \
        .criterion("specificity.relevance").score >= 2
    mewp = ("ground conditions first, is it hardstanding or are there voids, overhead hazards, power lines. the machine, "
            "pre-use check, thorough examination in date, controls work including the ground controls. who's trained, "
            "IPAF for the right category, and the rescue plan.")
    assert offline_card("What would you check before using a MEWP on a new site?", mewp) \
        .criterion("specificity.relevance").score >= 2


def test_results_that_no_longer_happen_are_outcomes_and_a_feeling_is_not():
    """ "The lorries don't back onto the road anymore, the council and the police have stopped ringing us" (Result 1,
    "vague"); "these things don't really faze me anymore" (a dev card's director of rooms, graded 1.5) tells no outcome."""
    yard = ("when I started the sheep unloading was a mess, lorries backing up onto the main road. I brought in a one-way "
            "system and I got the office to text vendors a delivery slot. The lorries don't back onto the road anymore, "
            "and the council and the police have stopped ringing us.")
    question = "Tell me about a time you changed something to make the yard run better."
    assert offline_card(question, yard).criterion("star.result").score >= 2
    fazed = yard.replace("The lorries don't back onto the road anymore, and the council and the police have stopped "
                         "ringing us.", "Honestly these things don't really faze me anymore.")
    assert offline_card(question, fazed).criterion("star.result").score <= 1


def test_what_a_duty_asks_on_suspecting_a_disease_is_a_plan():
    """ "What do you have to do if you suspect a notifiable disease like foot and mouth in a pen on sale day?" (a past
    story, 32; 93.3 as a plan)."""
    assert question_ref("What do you have to do if you suspect a notifiable disease like foot and mouth in a pen on sale "
                        "day?").kind == "situational"


def test_a_count_of_lateness_more_on_a_topic_and_a_question_asked_back_are_read():
    """A removals supervisor's "conflict: crew member late 3x" (read as asked three times, drilled first); an events site
    crew manager's round-two "more on stakeholders - council licensing" ("round two will ask about more on
    stakeholders"), and 'he asked "whose number is that?"' and "nobody hurt" (topics)."""
    removals = debrief_topics("## What they asked\n- conflict: crew member late 3x - told the Jordan story, ok\n"
                              "- budgets: asked 3x, weak\n")
    assert removals["conflict"].mentions == 1 and removals["budgets"].mentions == 3
    events = debrief_topics(
        "Panel: Dave H (Head of Ops), Priya (HR/people)\n"
        "- wind: what's your stop-work threshold? said 40mph gusts - he asked \"whose number is that?\" - recovered\n"
        "- asked about a near miss - telehandler reversing into a fence panel stack, nobody hurt. told it ok\n"
        "Round 2 (next wk, in person):\n- more on stakeholders - council licensing, SAG meetings, noise mgmt\n")
    assert not {"whose number", "nobody hurt", "more on stakeholders"} & set(events)
    assert events["stakeholders"].forewarned
