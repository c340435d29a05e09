"""Trial 98: a sawmill production supervisor, a phlebotomy team leader, a winery cellar supervisor and a dog grooming
salon manager (scoring), a Border Force officer and an insurance claims team leader (a week of debrief, plans and
practice), on a build with trial 97's fixes in. Shortened from the trials' own answers and notes; each misread answer
beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

APPRENTICE = ("What would you do if you were short-handed and the only person free to run the docking saw was a "
              "sixteen-year-old apprentice in his second week?")
NEEDLESTICK = "What would you do if you got a needlestick injury from a used needle?"
UNLABELLED = "What would you do if you found a blood sample tube in your tray at the end of clinic with no label on it?"
CHILD = ("What would you do if a parent asked you to keep trying on a very distressed four year old after two failed "
         "attempts?")
FERMENTER = "What would you do if a cellar hand needs to get inside a fermenter to dig out the skins after pressing?"
FORKLIFT = ("What would you do if a seasonal worker offered to drive the forklift to help out during crush but he isn't "
            "licensed?")


def test_a_new_sixteen_year_old_put_on_a_saw_is_unsafe():
    """ "I'd put him on it and stand with him for the first half hour ... it beats stopping the line": 80, strong."""
    assert finding_kinds(["so I'd put him on it and stand with him for the first half hour."], APPRENTICE) \
        == ["work_goes_on"]
    assert finding_kinds(["the docker's got a guard anyway and it beats stopping the line."], APPRENTICE) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd stop the docker for the hour and move a trained operator across; he watches and learns "
                          "on the offcuts bench."], APPRENTICE) == []


def test_a_needlestick_worked_on_and_left_till_the_end_of_the_list_is_unsafe():
    """ "give it a good squeeze and suck it out a bit ... finish the list and then fill in the form at the end of the
    shift": 66.7, solid."""
    assert finding_kinds(["first thing I'd do is give it a good squeeze and suck it out a bit."], NEEDLESTICK) \
        == ["work_goes_on"]
    assert finding_kinds(["so I'd finish the list and then fill in the form at the end of the shift."], NEEDLESTICK) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd let it bleed freely under running water, wash it with soap, and go to occupational "
                          "health straight away."], NEEDLESTICK) == []


def test_an_unlabelled_tube_labelled_from_the_forms_is_unsafe():
    """ "I'd just write the label up and send it off ... the lab won't know any different": 66.7, solid."""
    assert finding_kinds(["then I'd just write the label up and send it off."], UNLABELLED) == ["work_goes_on"]
    assert finding_kinds(["and the lab won't know any different."], UNLABELLED) == ["cover_up"]
    assert finding_kinds(["it goes in the sharps bin, I ring the patient to come back, and I log it as an incident."],
                         UNLABELLED) == []


def test_a_distressed_child_held_down_for_a_third_try_is_unsafe_and_stopping_answers_it():
    """ "we'll have one more go, get dad to hold him really tight ... wrap him up": 40; its twin, "I'd stop. two attempts
    is our limit for a child", 20 for never getting to "failed"."""
    assert finding_kinds(["I'd say to mum we'll have one more go, get dad to hold him really tight and just go for it "
                          "quick."], CHILD) == ["work_goes_on"]
    stop = ("I'd stop. two attempts is our limit for a child and I'd explain that to mum kindly. I'd check with the "
            "requesting doctor how urgent it is, and if it isn't we rebook him with numbing cream and the play "
            "specialist. and I'd document both attempts and what was agreed.")
    assert finding_kinds([stop], CHILD) == []
    assert offline_card(CHILD, stop).overall >= 60
    assert offline_card("Tell me about a time you failed.", "I moved house last year and painted the kitchen blue, "
                        "and we had a party for the street.").overall <= 35


def test_a_fermenter_entered_on_a_candle_test_is_unsafe():
    """ "drop a lighter or a candle in on a bit of wire and if it stays lit it's fine ... they jump in with the shovel":
    53.3."""
    assert finding_kinds(["get them to drop a lighter or a candle in on a bit of wire and if it stays lit it's fine."],
                         FERMENTER) == ["rushes_in"]
    assert finding_kinds(["they jump in with the shovel and a mate keeps an eye through the manway."], FERMENTER) \
        == ["rushes_in"]
    assert finding_kinds(["nobody goes in until the tank's been ventilated and tested with the CO2 meter, on a "
                          "permit, with a harness and a standby man."], FERMENTER) == []


def test_an_unlicensed_man_on_a_forklift_is_unsafe():
    """ "I'd let him move the empty bins around the back pad ... he'd sort his ticket after vintage": 66.7, solid."""
    assert finding_kinds(["I'd let him move the empty bins around the back pad, just the empties."], FORKLIFT) \
        == ["work_goes_on"]
    assert finding_kinds(["and he'd sort his ticket after vintage."], FORKLIFT) == ["work_goes_on"]
    assert finding_kinds(["I'd thank him and put him on the sorting table; only licensed drivers go on the forklift."],
                         FORKLIFT) == []


def test_harm_told_proudly_in_other_words_is_a_bad_outcome():
    """A harvest's crew hurt and a tank lost ("a couple of guys hurt ... a few stitches ... we did lose a tank", "really
    proud": 56, its "didn't come back" read as the hurt guys back), and a sawmill's crew "off for a few weeks with their
    hands ... but the numbers spoke for themselves" (76, reworded from "hand injuries", 22)."""
    assert stands_by_a_disaster(
        "I put the crew on eighteen hour shifts, sixteen days straight, and we processed nine hundred and forty tonnes "
        "which was a record. we had a couple of guys hurt, one bloke's hand in the destemmer which was a few stitches, "
        "and we did lose a tank of chardonnay to VA. four of the seasonal guys didn't come back the next year. I'm "
        "really proud of what that crew did.", "Tell me about a time you improved throughput during a busy harvest.")
    assert stands_by_a_disaster(
        "I stopped the mid-shift clean down because it was costing us twenty minutes. within three months we were at "
        "fifty one thousand, best in the mill. we had two guys off for a few weeks with their hands on the sorter, but "
        "the numbers spoke for themselves and the GM was really happy.",
        "Tell me about a time you increased production on your line.")
    assert not stands_by_a_disaster(
        "I stopped the mid-shift clean down and moved it to the break. within three months we were at fifty one "
        "thousand, best in the mill, with no lost time at all, and the GM was really happy.",
        "Tell me about a time you increased production on your line.")


def test_trouble_that_stopped_is_the_result():
    """ "the arguments pretty much stopped" (a crew conflict), "No bites since" (a dog grooming salon's): Result 1 of 4,
    "a vague outcome"."""
    question = "Tell me about a time you had to deal with conflict between two members of your crew."
    story = ("the sawyer and the edgerman had been at each other for weeks about the edger getting overloaded. what I "
             "decided was that the edgerman gets a button that holds the headrig when the edger deck is full, and I told "
             "them both that's the rule now. we got it wired in that week and the arguments pretty much stopped.")
    assert offline_card(question, story).criterion("star.result").score >= 2
    assert offline_card(question, story.replace("and the arguments pretty much stopped", "and that was that")) \
        .criterion("star.result").score <= 1


def test_the_manager_the_candidate_is_answers_why_move_up():
    """ "Why do you want to move up to an area manager role?" answered with the salon run and the wider reach wanted: 20,
    "never gets to move up and manager"."""
    question = "Why do you want to move up to an area manager role?"
    told = ("um so I've run the Leigh salon for four years, and the bit I enjoy most now is getting a new groomer from "
            "nervous to confident. I've trained six people and three of them are running their own tables full time. "
            "Your chain does the level three qualification in house, and that's what I want to do across five or six "
            "salons not just one.")
    assert offline_card(question, told).overall >= 60
    assert offline_card(question, "I like dogs and I'm a hard worker, I want more money and I'm always on time.") \
        .overall <= 35


def test_what_a_practice_requires_said_without_its_article_is_knowledge():
    """ "What does sulphite management require, from adding SO2 to what goes on the label?" was judged as a past story
    and its right answer capped at 10; "If a tank showed high VA, what's your next step?" too."""
    from mockint.scoring.kinds import classify, load_kinds

    kinds = load_kinds()
    assert classify("What does sulphite management require, from adding SO2 to what goes on the label?", kinds) \
        == "technical"
    assert classify("If a tank showed high VA, what's your next step?", kinds) == "situational"
    assert classify("What does good leadership require?", kinds) != "technical"
    assert classify("What does your role require day to day?", kinds) != "technical"


# --- the Border Force officer's and the claims team leader's weeks ----------------------------------------------------


def test_round_two_and_the_recruiter_under_their_own_lines():
    """ "rd2 (per Priya) - next Weds" and "recruiter (Tom, phone fri)" were read as notes, so round two's list and the
    recruiter's "need more on leadership" and "borderline pass on Leadership" were lost or read as round two's."""
    topics = debrief_topics("rd2 (per Priya) - next Weds\n- likely a scenario / in-tray\n\n"
                            "recruiter (Tom, phone fri)\n- \"strong on technical, need more on leadership\"\n"
                            "- borderline pass on Leadership\n")
    assert topics["scenario/in-tray"].forewarned
    lead = next(topic for name, topic in topics.items() if name.lower() == "leadership")
    assert lead.went_badly and not lead.forewarned


def test_how_a_question_was_put_is_no_topic_and_its_count_is_the_topics():
    """ "kept coming back to DECISIONS UNDER PRESSURE - asked 3x diff ways" made a topic "diff ways", drilled first; a
    long quoted question took its verdict into its name, and its own "keep" read as asked twice."""
    topics = debrief_topics("## Dave\n- kept coming back to DECISIONS UNDER PRESSURE - asked 3x diff ways.\n"
                            "- \"how do you keep a team going on nights when morale is on the floor\" - weak, just said "
                            "lead by example\n")
    assert "diff ways" not in topics and topics["DECISIONS UNDER PRESSURE"].mentions == 3
    nights = topics["keeping a team going on nights when morale is on the floor"]
    assert nights.went_badly and nights.mentions == 1


def test_a_gap_a_pushback_of_ones_own_and_round_two_in_shorthand():
    """A claims team leader's notes: "suppliers: ... gap!!" came up; "asked if I'd ever pushed back on a KPI ... fine"
    was a concern they came back to; "positive" and "R2" were topics; "Raj wants stronger stories on leading through
    change" and the COO on round two's panel."""
    topics = debrief_topics("## Helen (HoC)\n- suppliers: asked abt supplier network mgmt. I only know it from the handler "
                            "side. gap!!\n- turnaround KPIs vs quality - asked if I'd ever pushed back on a KPI. told the "
                            "10-day first contact story. fine.\n\n## Recruiter call\n- \"positive, they liked your "
                            "customer focus\"\n- \"Raj wants stronger stories on leading through change\"\n"
                            "- R2 = case study (30 min prep) + Helen + the COO (Mark?). ~75 min\n")
    assert topics["suppliers"].went_badly
    assert not topics["turnaround KPIs vs quality"].concern
    assert topics["leading through change"].forewarned and topics["case study"].forewarned
    assert not {"positive", "R2", "COO", "Helen"} & set(topics)
    assert "skills gap" in debrief_topics("## Went badly\n- skills gap\n")
