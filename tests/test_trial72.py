"""Trial 72: a track maintenance section supervisor, a head housekeeper, an airport security screening supervisor, a
warehouse inventory control supervisor and a day nursery deputy manager (the last through a week of debrief, plans and
rounds). "6 empty places out of 24, about 75 percent occupancy" was called false ("6 of 24 is 25 %"); "we kept our 5
rating" and "about 80 percent of parents had logged in" were no results; the debrief read "never actually gave the
example ... kicking myself" as a topic that went fine and nothing in "Round 2 they said: a presentation (10 min) on my
first 90 days"; and "EYFS curriculum intent", forewarned, was asked for "one specific example". Shortened from the
trials' own."""

from __future__ import annotations

import pytest
from conftest import impossible, offline_card


def test_a_share_of_the_rest_counted_as_what_is_not_there_is_true():
    assert impossible("we had 6 empty places out of 24, about 75 percent occupancy") == []
    assert impossible("we had 6 empty places out of 24, about 40 percent occupancy") != []


PARENTS = ("Last autumn our parents said they never knew what their child did all day. I chose an app, trained all twelve "
           "staff myself over two weeks and set a target of two observations a child a week. ")


@pytest.mark.parametrize("result", [
    "By the parents evening all 38 children had a profile and about 80 percent of parents had logged in.",
    "The EHO visit went ahead and we kept our 5 rating.",
])
def test_a_rating_kept_and_a_share_of_parents_who_took_it_up_are_results(result):
    card = offline_card("Tell me about a time you improved communication with parents.", PARENTS + result)
    assert card.criterion("star.result").score >= 2


def test_a_debrief_reads_an_example_never_given_and_what_round_two_is():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    notes = ("- safeguarding: asked about a time I made a referral / LADO. I talked about DSL training but never actually gave "
             "the example of the allegation against the agency worker. kicking myself\n\n"
             "Round 2 they said: a presentation (10 min) on my first 90 days, then panel with the owner.\n")
    topics = {t.name: t for t in parse_debrief(notes, load_bank()).topics}
    assert topics["safeguarding"].went_badly
    assert topics["first 90 days"].forewarned


def test_a_frameworks_intent_and_rules_are_knowledge_not_a_story():
    from mockint.scoring.kinds import classify_topic

    assert classify_topic("EYFS curriculum intent") == "technical"
    assert classify_topic("RTT clock rules") == "technical"
    assert classify_topic("high standards") != "technical" and classify_topic("safeguarding") != "technical"


ARCHWAY = ("What would you do if, at peak time, the archway metal detector on one lane failed its routine test and the queue "
           "was already forty minutes long?")
CONFERENCE = ("What would you do if three of your team rang in sick on the first morning of a big summer conference with 180 "
              "rooms to turn around before a three o'clock check-in?")
NEEDLE = "What would you do if one of your room attendants found a used needle in a student bedroom?"
CREW = ("What would you do if a member of airline crew refused to be screened at the staff search point because they said "
        "they were late for their flight?")
CHILLER = ("What would you do if the chiller alarm went off overnight and you found product in one chamber had been above "
           "five degrees for about two hours?")


@pytest.mark.parametrize("question, said, kinds", [
    (ARCHWAY, ["I'd keep the lane open and put two of my best screeners on it doing a full hand search."], ["work_goes_on"]),
    (ARCHWAY, ["I'd close the lane straight away and move the queue to the other two lanes."], []),
    (CONFERENCE, ["I'd wedge the fire doors on each corridor open so the trolleys can go straight through."],
     ["work_goes_on"]),
    (CONFERENCE, ["I'd never wedge the fire doors open, however tight it is."], []),
    (NEEDLE, ["I'd tell her to put her gloves on, carefully put the cap back on the needle so nobody gets hurt."],
     ["work_goes_on"]),
    (NEEDLE, ["she mustn't touch it: I'd bring the sharps bin and pick it up with the tongs, never putting the cap back."], []),
    (CREW, ["I'd have a quick word and let them through on a visual and a quick look in their bag."], ["work_goes_on"]),
    (CHILLER, ["I'd keep it within the shift, make sure the readings on the log look alright for the audit, and move on."],
     ["cover_up", "cover_up"]),
])
def test_trial_72s_unsafe_steps_are_found_and_their_safe_twins_are_not(question, said, kinds):
    from conftest import finding_kinds

    assert finding_kinds(said, question) == kinds


def test_a_rebrief_and_the_pack_signed_again_is_no_promise_to_close_a_deal():
    question = ("What would you do if one of your gang told you the safe system of work the COSS had set up didn't match the "
                "planned pack?")
    plan = ("I'd stop the work first, straight away, everybody into a position of safety. Then I'd go and look at it with the "
            "COSS myself, the pack against what's on the ground. If it doesn't match we don't restart on that system, and "
            "I'd tell my section manager that night. Before we start again I'd rebrief everyone and get them to sign the "
            "pack again.")
    assert offline_card(question, plan).criterion("situational.judgement").score >= 2


def test_a_test_item_got_through_is_a_check_that_failed():
    question = "Tell me about a time your checkpoint failed a covert test or had a security breach. What did you do?"
    story = ("About eighteen months ago we had a DfT covert test at the staff search point and the tester got a test item "
             "through in a hi vis jacket pocket. I was the duty supervisor so it was mine. I got the footage pulled and sat "
             "with the screener that afternoon, and I changed the staff lane SOP so only one tray at a time goes in the "
             "tunnel.")
    assert offline_card(question, story).criterion("specificity.relevance").score >= 2


def test_more_of_a_group_than_the_group_holds():
    assert impossible("all forty five of the lads in my thirty strong gang attended every single one") != []
    assert impossible("all twenty five of the lads in my thirty strong gang attended every single one") == []


CONFERENCE_COMPLAINT = "Describe a time you dealt with a complaint from a conference client."
FELL_OUT = ("I had a situation with two of my room attendants who just couldn't get on, they'd had a falling out over who had "
            "the better trolley and it got to the point where one of them was in tears in the linen room. I sat them both "
            "down separately first and heard each side, then I got them together and we agreed a rota for the corridors so "
            "it rotated every month.")
DEFECTS = "How do you make sure the defects your team finds are recorded accurately and actually get fixed?"
FLOODING = ("So I'll tell you about the time we had the flooding at Kings Langley. It was November, heavy rain for three days, "
            "the cess drain was blocked and the water was sat at rail level on the Down Slow. I was called out at two in the "
            "morning, I got the gang out with two pumps, we set up under a line blockage, and I got the drainage team out. We "
            "pumped it for about six hours and the line reopened for the first train.")
CONDUCT = ("Describe a time you had to have a difficult conversation with a member of your team about their performance or "
           "conduct.")
PASSENGER = ("A difficult one was a business class passenger who'd had his duty free liquids taken off him because they weren't "
             "in a sealed STEB. He was really angry, shouting, swearing at my screener. I stepped in, took him to the side, "
             "kept my voice low and explained the regulation, and in the end he calmed down and apologised to her.")


@pytest.mark.parametrize("question, answer", [(CONFERENCE_COMPLAINT, FELL_OUT), (DEFECTS, FLOODING), (CONDUCT, PASSENGER)])
def test_a_good_story_told_to_another_question_never_gets_to_it(question, answer):
    card = offline_card(question, answer)
    assert card.criterion("specificity.relevance").score <= 1 and card.overall <= 35


def test_an_upset_client_is_met_by_the_person_the_story_names():
    story = ("a lady came in really upset because her cat's dental estimate had gone from about four hundred to nearly nine "
             "hundred once the x rays showed more extractions. I took her into the quiet room, showed her the radiographs and "
             "went through the new estimate line by line with her. she agreed to go ahead and thanked me at collection.")
    assert offline_card("Tell me about a time you had to calm down an upset client.", story).overall >= 45
