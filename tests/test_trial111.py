"""Trial 111: a boarding kennels supervisor, an orchard and cider supervisor, an industrial forge team leader and a fencing
team leader (scoring), a post office branch supervisor and a racecourse raceday supervisor (a week's preparation), on a
build with trial 110's fixes in. Shortened from the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

from mockint.coaching.questions import question_ref
from mockint.scoring.offline import measure_moves

DIE = "What would you do if the bottom die shifted partway through a run and you were already behind on the order?"
BITE = "What would you do if one of your kennel assistants got bitten by a boarding dog?"
RESPIRATOR = "What would you do if a sprayer operator told you his respirator cartridge had run out with two rows left?"
ROADSIDE = "What would you do if you had a short length of roadside fence to replace and no traffic management booked?"
INFLUENCE = "Describe a time you had to influence people who did not report to you."


def test_a_die_tapped_under_a_raised_ram_an_owner_not_told_and_a_spray_finished_unmasked_are_unsafe():
    """ "I'd nip in with a bar and tap the die back over ... You don't want to be doing a full lockout" (66.7), "I wouldn't
    ring the owner while they're on holiday" of a dog that bit an assistant (33.3), "I'd tell him to just crack on" with
    no respirator (53.3) and "we'd just crack on" with no traffic management (40)."""
    assert finding_kinds(["so I'd get the driver to hold it there and I'd nip in with a bar and tap the die back over."],
                         DIE) == ["work_goes_on"]
    assert finding_kinds(["You don't want to be doing a full lockout every time a die creeps."], DIE) == ["check_skipped"]
    assert finding_kinds(["I'd stop the press, lock it out, block the ram and get maintenance to reset the die."], DIE) == []
    assert finding_kinds(["and I wouldn't ring the owner while they're on holiday, no point spoiling their trip."],
                         BITE) == ["escalation_refused"]
    assert finding_kinds(["I'd clean the bite, get it checked at minor injuries, log it and ring the owner that day."],
                         BITE) == []
    assert finding_kinds(["I'd tell him to just crack on and finish them, cab's shut anyway."], RESPIRATOR) \
        == ["work_goes_on"]
    assert finding_kinds(["he stops, and we fit a new cartridge from the van before he sprays another row."],
                         RESPIRATOR) == []
    assert finding_kinds(["we'd just crack on and get it done quick, half a day tops."], ROADSIDE) == ["work_goes_on"]


def test_bars_that_do_not_report_to_you_and_ones_not_checking_id_are_no_refusal():
    """ "The catering contractor's bar managers don't report to me" and "the two bars with the most incidents were the two
    not checking ID" (a racecourse supervisor's influencing story, capped at 42 as refusing to escalate and skipping a
    check). The plan's own "not checking ID" still skips it."""
    assert finding_kinds(["The catering contractor's bar managers don't report to me, but I needed them to adopt Challenge "
                          "25 wristbanding at every bar."], INFLUENCE) == []
    assert finding_kinds(["I showed that the two bars with the most incidents were the two not checking ID."],
                         INFLUENCE) == []
    assert finding_kinds(["we were not checking ID on quiet nights, so I'd skip it."],
                         "What would you do if a bar was busy?") == ["check_skipped"]


def test_fingers_crushed_a_ewe_hit_and_dogs_sent_home_ill_told_proudly_are_a_disaster_stood_by():
    """ "one crushed his fingers in the belt press, and a few tanks went a bit vinegary ... it showed what the team can do"
    (56), "one ewe got hit by a van ... one of the lads got his hand cut on the barbed wire ... farmer was well happy" (40),
    and "eight or nine dogs went home with diarrhoea and one had to go to the vets on a drip" (82). A customer's "three
    stitches", the harm the story was asked about, is no disaster stood by."""
    press = ("we were behind so I put the press crew on fourteen hour days for the whole three weeks, no days off, and we "
             "pressed forty percent more than the year before. we did have a couple of lads go off, one crushed his fingers "
             "in the belt press, and a few tanks went a bit vinegary, but the tonnage was a record and the boss was made "
             "up. I think it showed what the team can do when you push them.")
    assert stands_by_a_disaster(press, "Tell me about a time you improved productivity in the pressing season.")
    fence = ("we had a two kilometre sheep fence priced at six days and we did it in four which I was dead chuffed with. we "
             "took the old fence down in one go. we did lose a few out on the road, one ewe got hit by a van, and one of "
             "the lads got his hand cut on the barbed wire cause we were going quick. so yeah two days saved, farmer was "
             "well happy.")
    assert stands_by_a_disaster(fence, "Tell me about a time you delivered a job quicker than planned.")
    kennels = ("I said right we're just going to hose and squeegee, skip the soak, and I got it down to fifteen minutes a "
               "kennel, so we were running at about forty five when we're licensed for forty, and the owner was made up. "
               "We did have a run of upset tummies, eight or nine dogs went home with diarrhoea and one had to go to the "
               "vets on a drip, but that's kennels in summer. Everyone was happy and we kept the system.")
    assert stands_by_a_disaster(kennels, "Tell me about a time you made the kennels run more efficiently.")
    hurt = ("a lad went down in the prison room, he'd hit his head on the bunk frame. I paused the game, went straight in "
            "with the first aid kit and called one one one, and his best man took him to A and E. I filled in the accident "
            "book that night and the next morning we padded the bunk frame. He was fine, three stitches, and they actually "
            "rebooked for the next month.")
    assert not stands_by_a_disaster(hurt, "Tell me about a time a customer was hurt or taken ill during a game.")


def test_results_said_as_things_coming_through_and_people_on_form_since_are_outcomes():
    """ "ours came through, we picked a normal crop off it", "she went home eating normally" and "he's been spot on since"
    (Result 1 of 4, "a vague outcome" or "the quotes do not show an outcome"); a period of years is no measure moved
    (a racecourse supervisor's best story gated at 22 as figures that contradict)."""
    frost = ("we had a frost forecast on blossom, minus three at four in the morning. I made the call, we'd light the "
             "candles at minus one not before, so I sat up with the thermometer. we lit at two fifteen, and the next block "
             "over that we didn't cover lost most of its set. ours came through, we picked a normal crop off it that "
             "autumn.")
    assert offline_card("Tell me about a time you made a difficult decision under pressure.", frost) \
        .criterion("star.result").score >= 2
    feedback = ("so I had a good operator, ten years in, but he'd started cutting corners on the first-off checks, just "
                "signing the sheet. I took him in the office, not on the floor, and told him straight what I'd seen, on "
                "which days. He got defensive at first. He went quiet and then he said he'd been doing it because he was "
                "covering two presses. So I sorted the manning and he's been spot on since.")
    assert offline_card("Tell me about a time you had to give someone on your team difficult feedback.", feedback) \
        .criterion("star.result").score >= 2
    assert measure_moves("I pulled ejection, first aid and queue-time logs for every meeting from 2021 to 2023 and found "
                         "that 70% of our incidents happened after the fifth race") == (0, 0)
    assert measure_moves("incidents went from 23 to 11") == (0, 1)


def test_the_role_left_is_no_topic_and_a_delivery_dropped_is_no_performance_talk():
    """ "Why do you want to move from team leader to contracts supervisor?" answered "I've run a crew of three for about six
    years" (capped at 20 for never getting to "team leader"), and a weather story told for a crew member not pulling his
    weight met the topic on "I got the materials dropped at three points" (85, strong)."""
    move = ("I've run a crew of three for about six years now and the bit I've got most interested in is the pricing and "
            "the access. I've started doing the take offs for my own jobs and my gaffer uses them now. and you lot do the "
            "big estate and stewardship contracts, that's the scale I want to organise.")
    assert offline_card("Why do you want to move from team leader to contracts supervisor?", move) \
        .criterion("specificity.relevance").score >= 2
    weather = ("a job on an estate last winter, three kilometres of stock fence, and we lost about a week to rain. so I "
               "split the crew and I got the materials dropped at three points along the line. we finished two days early "
               "and the estate manager gave us the next job.")
    question = "Tell me about a time you had to deal with a member of your crew who wasn't pulling their weight."
    assert offline_card(question, weather).criterion("specificity.relevance").score <= 1


def test_what_you_require_before_boarding_is_knowledge():
    """ "What vaccinations do you require before a dog or a cat can board, and why?" (a past story, the right answer 46)."""
    assert question_ref("What vaccinations do you require before a dog or a cat can board, and why?").kind == "technical"
    assert question_ref("What do you require from your team leaders?").kind != "technical"


def test_a_concern_set_against_what_it_is_not_a_question_asked_back_and_a_timed_presentation_are_read():
    """A betting shop manager's notes: "KEEP coming back to: managing managers not staff. asked 3x" (dropped), "how would
    you manage 8-10 shops not 1 -> I talked too much" (lost), "needs to show he can lead at scale" (a topic "needs to
    show"), "thru to rnd 2!" and "calm, friendly" (topics); a post office supervisor's "they want more evidence you can
    lead thru other managers" (no topic read in); a racecourse supervisor's 'Phil asked "what did you present?"' (a topic
    "present") and "presentation, 10 min: "Your first 90 days as Ops Manager"" (a topic "presentation")."""
    shop = debrief_topics(
        "Panel: Karen (Regional Ops Dir), Dev (HR bus partner)\n"
        "- Karen: how would you manage 8-10 shops not 1 -> I talked too much about my own shop.\n"
        "- KEEP coming back to: managing managers not staff. asked 3x in diff ways.\n"
        "What went well:\n - calm, friendly, Dev said \"good energy\"\n"
        "Recruiter (Sam) call Thurs:\n - thru to rnd 2!\n"
        " - feedback: \"strong on compliance + customer, needs to show he can lead at scale & talk commercials\"\n")
    assert shop["managing managers not staff"].mentions >= 3
    assert shop["managing 8-10 shops not 1"].went_badly
    assert any(name.startswith("leading at scale") for name in shop)
    assert not {"calm", "thru to round 2", "needs to show"} & set(shop)
    branches = debrief_topics("recruiter (Jo) phone fri:\n"
                              "- \"they want more evidence you can lead thru other managers, not just do it yourself\"\n")
    assert branches["leading thru other managers"].forewarned
    course = debrief_topics(
        "## Went badly\n- SAG - said \"yes I've been involved\" then Phil asked \"what did you present?\" and I had to "
        "back-pedal. bad.\n## Round 2 (per Karen at end)\n- presentation, 10 min: \"Your first 90 days as Ops Manager\"\n")
    assert "present" not in course and course["SAG"].went_badly
    assert course["first 90 days as Ops Manager"].forewarned
