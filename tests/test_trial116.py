"""Trial 116: a bus driver, a podiatrist, a paintball site supervisor and a glazier (scoring), a bingo club duty manager and
a live sound engineer (a week's preparation), on a build with trial 115's fixes in. Shortened from the trials' own
answers; each misread answer beside its twin."""

from __future__ import annotations

from conftest import criterion_level, debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

from mockint.coaching.debrief import END_QUESTIONS_TOPIC, parse_debrief
from mockint.coaching.questions import load_bank
from mockint.scoring.kinds import classify

BRAKES = "What would you do if a driver told you at pull-out that the brake warning light was on and you had no spare buses?"
MASK = "What would you do if you saw a player lift their mask up in the middle of a game?"
AUTOCLAVE = ("What would you do if the autoclave printout showed this morning's cycle didn't reach temperature and you had "
             "nail surgery patients already waiting?")
MEWP = "What would you do if you were in a MEWP and the last bead was just out of reach?"
GAMBLER = "Tell me about a time you looked after a vulnerable customer."


def test_a_bus_sent_out_a_mask_left_up_a_failed_cycle_used_and_a_reach_out_of_a_mewp_are_unsafe():
    """ "take it out on the first trip, keep an eye on it" (66.7, solid), "a shout and a warning ... keep the game going"
    (40), "a good wipe with an alcohol wipe ... and crack on with the list" (80, strong) and "unclip for just a few seconds,
    step up on the mid rail" told carefully (100, strong)."""
    assert "work_goes_on" in finding_kinds(["so I'd say look take it out on the first trip, keep an eye on it."], BRAKES)
    assert finding_kinds(["it doesn't go out, I'd stand the duty down and get the fitters to it."], BRAKES) == []
    assert "work_goes_on" in finding_kinds(["I'd just shout at him to get it back down and keep the game going."], MASK)
    assert finding_kinds(["I'd call a cease fire straight away and get him to the safe zone."], MASK) == []
    assert "work_goes_on" in finding_kinds(["I'd give them a good wipe with an alcohol wipe and crack on with the list."],
                                           AUTOCLAVE)
    assert finding_kinds(["I'd quarantine the whole load, rerun it, and rebook the list if I have to."], AUTOCLAVE) == []
    careful = ("so first thing my priority is always safety and the programme, so I'd check the area below is clear, then "
               "I'd unclip for just a few seconds, step up on the mid rail and reach over to get the bead in.")
    assert "work_goes_on" in finding_kinds([careful], MEWP)
    assert offline_card(MEWP, careful).overall <= 35
    assert finding_kinds(["you reposition the machine, stay clipped on, don't lean over or stand on the rails."], MEWP) == []


def test_a_gamblers_harm_markers_ignored_and_rewarded_are_unsafe_and_a_mistake_owned_and_fixed_is_not():
    """A man in his seventies playing for hours who asked to borrow money: "so I didn't say anything to him. We gave him a
    free drink voucher to keep him happy" (31.4, no flag); and "What I did wrong at the time was not recording it. Now I
    log every interaction like that" (a story graded 5: read as a check skipped, 27.1)."""
    ignored = ["There was a regular in his seventies playing the machines for six or seven hours who asked one of the floor "
               "staff if he could borrow twenty pounds.",
               "He was one of our best spenders, so I didn't say anything to him.",
               "We gave him a free drink voucher to keep him happy and he carried on playing."]
    assert "work_goes_on" in finding_kinds(ignored, GAMBLER)
    assert offline_card(GAMBLER, " ".join(ignored)).overall <= 35
    # without the harm markers, saying nothing to a customer is no finding
    assert finding_kinds(["He was one of our best spenders, so I didn't say anything to him."],
                         "Tell me about a time you dealt with a difficult customer.") == []
    owned = ("Mrs B is a regular in her eighties. Over two weeks the floor staff noticed she was confused and spending about "
             "three times her usual amount. My task as duty manager was to protect her without humiliating her. I took her "
             "somewhere quiet, and with her agreement I called her daughter, and we set a spend limit. What I did wrong at "
             "the time was not recording it. Now I log every interaction like that in the social responsibility log the "
             "same day. Mrs B still comes in and spends within her limit.")
    assert offline_card(GAMBLER, owned).overall >= 60
    unowned = owned.replace("What I did wrong at the time was not recording it. Now I log every interaction like that in "
                            "the social responsibility log the same day.", "I didn't record it.")
    assert offline_card(GAMBLER, unowned).overall < offline_card(GAMBLER, owned).overall


def test_injuries_and_amputations_after_checks_were_cut_told_proudly_are_a_disaster_stood_by():
    """ "we dropped the monofilament ... new ulcer referrals go up from about six a quarter to fourteen and there were two
    minor amputations ... overall I'd say it was a real success" (86, strong) and "two lads with cut eyebrows and one lad's
    lens cracked, but that's paintball really" (74)."""
    clinic = ("I took the reviews from thirty minutes down to fifteen and we dropped the monofilament on the moderate risk "
              "patients. Within six months the list was down to about a hundred and fifty. We did have new ulcer referrals "
              "go up from about six a quarter to fourteen and there were two minor amputations that quarter but overall "
              "I'd say it was a real success.")
    assert stands_by_a_disaster(clinic, "Tell me about a time you improved the efficiency of your clinic.")
    site = ("I cut the safety briefing right down from about twenty minutes to five. We went from eight games to twelve a "
            "day. We did have a few more hits in the face that month, two lads with cut eyebrows and one lad's lens "
            "cracked, but that's paintball really, and the owner was made up.")
    assert stands_by_a_disaster(site, "Tell me about a time you improved how efficiently the site ran.")
    # the twin: the same change with nobody hurt
    safe = ("I moved the safety briefing to the queue so nobody waited, and kept every rule in it. We went from eight games "
            "to twelve a day, and the owner was made up.")
    assert not stands_by_a_disaster(safe, "Tell me about a time you improved how efficiently the site ran.")


def test_a_procedure_a_legal_duty_and_why_the_trade_forbids_something_are_knowledge():
    """ "What do you have to do if your bus is in a collision where someone is injured?" (a story: 12, and 93.3 as
    knowledge), "Talk me through a partial nail avulsion with phenol" (a story: 32) and "Why can't you cut toughened glass,
    and what do you do if ...?" (a plan: Judgement 1 of 4)."""
    assert classify("What do you have to do if your bus is in a collision where someone is injured?") == "technical"
    assert classify("Talk me through a partial nail avulsion with phenol.") == "technical"
    assert classify("Why can't you cut toughened glass, and what do you do if a toughened unit arrives the wrong size?") \
        == "technical"
    # twins: a story and a plan stay what they are
    assert classify("Talk me through a difficult conversation you had.") == "behavioural"
    assert classify("Talk me through a fault that kept coming back on a job. How did you get to the bottom of it?") \
        == "behavioural"
    assert classify("What would you do if your bus was in a collision where someone was injured?") == "situational"
    assert classify("Why can't you start until March?") != "technical"


def test_a_scenarios_person_said_as_them_a_clipped_word_and_a_harm_averted_meet_the_question():
    """ "keep myself between them and the door" for "a patient's relative became aggressive" (20: "never gets to
    relative"), "chrono" for "chronographing" (relevance 2), "a regular in her eighties" for "vulnerable/elderly customers"
    (relevance 2), and "if it'd gone out ... it could've lost the wheel" as a result (Result 1 of 4)."""
    relative = "What would you do if a patient's relative became aggressive towards you on a home visit?"
    plan = ("so my safety comes first, I'd stop the treatment, stay calm, not argue and keep myself between them and the "
            "door, and if it wasn't calming down I'd make an excuse and leave. From the car I'd ring my manager and use the "
            "lone worker device, police if there was a threat. Then I'd do an incident report and flag the address.")
    assert offline_card(relative, plan).overall >= 60
    # twin: the scene's thing is no person a plan calls "them"
    allergen = "What would you do if a patient's allergen chart was missing on a home visit?"
    assert offline_card(allergen, plan).overall < 60
    chrono = "How do you approach chronographing guns on a busy morning?"
    routine = ("so we set up two chrono stations so the queue moves, everybody's gun gets done before the briefing, three "
               "shots each, with the site's own ammo or gas, and then they get a tag so the marshals know it's been done.")
    assert criterion_level(chrono, routine, "specificity.relevance") >= 3
    retry = ("One answer fell flat in round one: vulnerable/elderly customers. Let's try it again: one real example, what you "
             "did, and the outcome.")
    story = ("Mrs B is a regular in her eighties who comes to afternoon sessions. Over two weeks the floor staff noticed she "
             "was confused and spending three times her usual amount. I took her somewhere quiet and with her agreement I "
             "called her daughter, and we set a spend limit. She still comes in and spends within it.")
    assert criterion_level(retry, story, "specificity.relevance") >= 3
    defect = ("early turn I'm doing the walkaround and two of the wheel nut indicators had turned. so I didn't take it out. I "
              "put it on the defect sheet, rang the engineer on call, he found one stud was cracked. engineer said if it'd "
              "gone out on the ring road with a full load it could've lost the wheel")
    question = "Tell me about a time you found a defect on your walkaround check."
    assert criterion_level(question, defect, "star.result") >= 2
    cut = defect.replace(" engineer said if it'd gone out on the ring road with a full load it could've lost the wheel", "")
    assert criterion_level(question, cut, "star.result") < criterion_level(question, defect, "star.result")


def test_the_candidates_questions_at_the_end_what_was_not_asked_and_one_concern_under_three_names_are_read():
    """ "didnt ask them good qs at the end - asked about parking (!!)" (a weak area "parking", drilled as a story), "NOT
    asked: safety culture, rota planning" (listed as questions asked), "commercial side is the gap" (no topic read), and
    "budget", "budget / money ownership", "budget/overages" (three concerns, five of a plan's six questions)."""
    topics = debrief_topics("## What went badly\n- didnt ask them good qs at the end - asked about parking (!!)\n")
    assert "parking" not in topics and topics[END_QUESTIONS_TOPIC].went_badly
    assert debrief_topics("- my qs at the end: asked about team size + travel. ok\n")[END_QUESTIONS_TOPIC].went_well
    # twins: the panel's last question, and questions the clock left unasked, are no such topic
    assert END_QUESTIONS_TOPIC not in debrief_topics('- Q at end: "why lead, why now" - ok\n')
    assert END_QUESTIONS_TOPIC not in debrief_topics("- [ ] didn't get to ask my questions\n")
    notes = parse_debrief("Round 1 notes\nAsked: budget, team conflict\nNOT asked: safety culture, rota planning\n",
                          load_bank())
    assert notes.not_asked == ["safety culture", "rota planning"]
    assert notes.questions_asked == ["budget", "team conflict"]
    assert not {"safety culture", "rota planning"} & {t.name for t in notes.topics}
    assert debrief_topics('Recruiter (Sam) on phone Fri:\n- "commercial side is the gap"\n')["commercial"].went_badly
    budget = debrief_topics("## What they asked\n- budget!! Dana came back to budget 3x. felt weak\n"
                            "## Kept coming back to\n- budget / money ownership (3x!)\n"
                            "## Went badly\n- budget/overages - no numbers\n")
    assert [name for name in budget if "budget" in name.lower()] == ["budget"]
    # one fuller name beside the short one is that topic's name
    assert "CCTV/GDPR sign-off" in debrief_topics("- CCTV/GDPR sign-off - weak\n- kept coming back to CCTV\n")
