"""Trial 94: an ambulance control team leader, a tree surgery team leader, a museum collections supervisor, a railway
signalling technician, and a shopping centre security supervisor (a week of debrief, plans and practice). Shortened
from the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import debrief_topics, finding_kinds, offline_card

FIRE_ALARM = "What would you do if the fire alarm went off while you had a school group in the galleries?"


def test_salvage_kept_for_the_fire_services_word_is_no_emergency_call_put_off():
    """ "salvage of objects only happens afterwards ... and only if the fire service say it's safe, people first always"
    (a museum supervisor's safe evacuation plan): held at 20 as "puts off escalating"."""
    assert finding_kinds(["salvage only if the fire service say it's safe, people first always."], FIRE_ALARM) == []
    assert finding_kinds(["I'd only call the fire service if I could see smoke."], FIRE_ALARM) == ["escalation_delayed"]


def test_a_group_held_in_the_gallery_while_the_alarm_sounds_is_work_let_go_on():
    """ "nine times out of ten it's a false alarm ... I'd keep the group together where they are, tell the teacher to
    hold them in the gallery" (80, strong, its plan "a clear sequence of concrete steps")."""
    unsafe = ("so first thing, nine times out of ten it's a false alarm, so I wouldn't want to panic thirty kids. I'd keep "
              "the group together where they are, tell the teacher to hold them in the gallery, and I'd nip down to the "
              "panel to see which zone it is.")
    safe = ("I'd treat it as real every time. the group leader takes the children out by the nearest fire exit to the "
            "assembly point and the teacher does a head count against the register. I make sure the galleries are swept "
            "and liaise with the fire service.")
    assert offline_card(FIRE_ALARM, unsafe).overall <= 35
    assert offline_card(FIRE_ALARM, safe).overall > 35


@pytest.mark.parametrize(("question", "unsafe", "safe"), [
    # a faller six hours on the floor: "ease off the callbacks on that one" (66.7, solid, Judgement 3 of 4)
    ("What would you do if an elderly patient who had fallen had been waiting six hours for an ambulance?",
     "I'd tell the welfare team to um ease off the callbacks on that one because every call back is a handler not "
     "answering a 999 call.",
     "I'd tell the welfare team to do the callbacks every half hour on that one and upgrade it if anything changes."),
    # a points failure: "there's no point blocking the line for ages for something that's a five minute job" (40)
    ("What would you do if you were called to a points failure and the signaller was under pressure to get the line back?",
     "you can do the paperwork after, there's no point blocking the line for ages for something that's a five minute job.",
     "I'd get the signaller to block the line before anyone goes near the points."),
])
def test_a_safe_step_cut_back_or_brushed_aside_is_skipped(question, unsafe, safe):
    assert finding_kinds([unsafe], question) == ["check_skipped"]
    assert finding_kinds([safe], question) == []


def test_the_ambulance_rung_once_the_climber_is_down_is_the_call_put_off():
    """ "I'd get straight up there myself ... then once he's on the floor we'd ring the ambulance" of a climber
    unresponsive up a tree (66.7, solid; its plan 3 of 4)."""
    question = "What would you do if one of your climbers became unresponsive up a tree?"
    assert finding_kinds(["then once he's on the floor we'd ring the ambulance and sort the paperwork after."],
                         question) == ["escalation_delayed"]
    assert finding_kinds(["I'd get a groundie to ring nine nine nine straight away, and once we've got him down we'd "
                          "hand over to the paramedics."], question) == []


@pytest.mark.parametrize(("question", "story", "without_result"), [
    # a budget held: "By year end we were 4 percent under the overtime line" (Result 1 of 4, "vague")
    ("Tell me about a time you managed a budget.",
     "In 2024 overtime was running 20 percent over by June because of sickness cover. I reworked the rota onto a four-on "
     "four-off pattern and built a small relief pool of two part-timers. By year end we were 4 percent under the overtime "
     "line.",
     "In 2024 overtime was running 20 percent over by June because of sickness cover. I reworked the rota onto a four-on "
     "four-off pattern and built a small relief pool of two part-timers."),
    # an event: "On the night we hit 2,150 inside, no incidents, and marketing got their best footfall day of the year"
    ("Tell me about a project where you had to collaborate with another department.",
     "The marketing team wanted a Christmas light switch-on, expecting 3,000 people in the mall. I walked the site with the "
     "marketing manager six weeks out and moved the stage off two fire exits. On the night we hit 2,150 inside, no "
     "incidents, and marketing got their best footfall day of the year.",
     "The marketing team wanted a Christmas light switch-on, expecting 3,000 people in the mall. I walked the site with the "
     "marketing manager six weeks out and moved the stage off two fire exits."),
    # a practice picked out: "they picked out our briefing as the best on the contract" (Result 1 of 4)
    ("Tell me about a time you improved how your team worked.",
     "our morning briefings were a tick box, so I changed it so each day a different lad leads it and walks the site "
     "first. when we got audited by the client's safety team they picked out our briefing as the best on the contract.",
     "our morning briefings were a tick box, so I changed it so each day a different lad leads it and walks the site "
     "first."),
    # a queue gone: "the queue basically disappeared on busy days" (a museum supervisor's welcome desk: Result 1 of 4)
    ("Tell me about a time you improved the visitor experience.",
     "our welcome desk was where everyone queued, tickets, toilets and school groups in one line. I split it so a gallery "
     "assistant greeted people at the door and groups checked in at a separate table. the queue basically disappeared on "
     "busy days.",
     "our welcome desk was where everyone queued, tickets, toilets and school groups in one line. I split it so a gallery "
     "assistant greeted people at the door and groups checked in at a separate table."),
    # a day without harm: "the day went ahead with no slips" (Result 1 of 4)
    ("Tell me about a time you had to make a difficult decision.",
     "a week before our family day we found the interactive area sat under a leaking roof light. I made the call to move "
     "it into the courtyard marquee, even though it cost us the marquee hire, and the day went ahead with no slips.",
     "a week before our family day we found the interactive area sat under a leaking roof light. I made the call to move "
     "it into the courtyard marquee, even though it cost us the marquee hire."),
])
def test_results_in_the_trades_words_are_results(question, story, without_result):
    assert offline_card(question, story).criterion("star.result").score >= 2
    assert offline_card(question, without_result).criterion("star.result").score <= 1


def test_my_goal_set_against_theirs_is_the_task():
    """ "The marketing team ... their goal was footfall. Mine was safe capacity and evacuation routes" (Task 1 of 4,
    "implied")."""
    question = "Tell me about a project where you had to collaborate with another department."
    story = ("The marketing team wanted a Christmas light switch-on and their goal was footfall. {mine} I walked the site "
             "with the marketing manager six weeks out and moved the stage off two fire exits.")
    assert offline_card(question, story.format(mine="Mine was safe capacity and evacuation routes.")).criterion(
        "star.task").score >= 2
    assert offline_card(question, story.format(mine="It was a busy time.")).criterion("star.task").score <= 1


@pytest.mark.parametrize(("question", "answer"), [
    # a signal kept out of use against the project team: "never gets to disagreed" (20; 82 with "disagreed with me")
    ("Tell me about a time you had to make a difficult decision that others disagreed with.",
     "the project team wanted us to commission the new signal anyway with a temporary speed restriction. I made the call "
     "that we wouldn't bring it into use that night and told the project manager myself. we got a lot of stick for it, "
     "but a week later the signal sighting committee agreed with us and it went in clean."),
])
def test_a_disagreement_told_without_the_word_answers_it(question, answer):
    assert offline_card(question, answer).criterion("specificity.relevance").score >= 3


def test_a_story_with_no_one_challenged_does_not_answer_challenging_a_decision():
    """A call handler's welfare after a baby's death, told for "challenge a decision made by someone more senior" (78,
    "answers exactly the question asked")."""
    question = "Tell me about a time you had to challenge a decision made by someone more senior than you."
    welfare = ("one of my call handlers took a call where a baby wasn't breathing and did CPR instructions until the crew "
               "got there, and sadly the baby didn't survive. I took her off the floor straight away, sat with her in the "
               "quiet room, arranged a hot debrief and made the TRiM referral. she came back after a week and she's now "
               "one of our peer supporters.")
    challenge = ("the duty manager decided to stand down our second dispatcher at midnight. I told him I didn't agree, "
                 "because the weekend stack always builds after one, and showed him the last four Saturdays. he kept the "
                 "dispatcher on and we cleared the stack by three.")
    assert offline_card(question, welfare).overall <= 35
    assert offline_card(question, challenge).criterion("specificity.relevance").score >= 3


@pytest.mark.parametrize(("question", "proud", "twin"), [
    # "one of the lads did his back and he was off three weeks, but we got it done in a day and a half" (70, solid)
    ("Tell me about a time you delivered a job under serious time pressure.",
     "the developer needed the site cleared by tuesday night, so we ran twelve hour days and didn't stop for proper breaks. "
     "one of the lads did his back and he was off three weeks, but we got it done in a day and a half instead of three "
     "and the developer gave us the next phase.",
     "the developer needed the site cleared by tuesday night, so I brought in a second crew and a bigger chipper. we got "
     "it done in a day and a half instead of three and the developer gave us the next phase."),
    # "we did overrun the handback by about three hours ... the points did fail six or seven times the week after" (50)
    ("Tell me about a time you delivered a piece of work under a tight deadline.",
     "we had a points renewal planned over two weekend possessions, and I said to the manager look we can do this in one. "
     "the lads were on about sixteen hours by the end but they were brilliant. we did overrun the handback by about three "
     "hours which cost us something like forty cancellations but we got the whole lot in, and the points did fail six or "
     "seven times the week after while they bedded in. and it saved the second possession completely so that's a big "
     "saving. the manager was really happy with it.",
     "we did two sets of points in one possession instead of two. we handed back on time, the points have not failed "
     "since, and it saved the second possession."),
])
def test_an_injury_or_an_overrun_told_proudly_is_a_bad_outcome(question, proud, twin):
    assert offline_card(question, proud).overall <= 40
    assert offline_card(question, twin).criterion("star.result").score >= 2


@pytest.mark.parametrize("question", [
    "What environmental conditions would you set for a mixed collection gallery with textiles and works on paper?",
    "What does a facilities report for an incoming loan need to cover?",
])
def test_what_a_practitioner_sets_or_covers_is_knowledge(question):
    """Both read as past stories: the right facilities report answer 36, "Actions described only as 'we'"."""
    from mockint.scoring.kinds import classify, load_kinds

    assert classify(question, load_kinds()) == "technical"
    assert classify("What does a good manager need to show?", load_kinds()) != "technical"


def test_the_harm_named_against_the_cost_of_stopping_is_judgement():
    """ "a wiring discrepancy in an interlocking is how you get a wrong side failure ... an overrun is bad but it's
    recoverable, a miswired route isn't" (Judgement 1 of 4, "no reason, risk or escalation point stated")."""
    question = ("What would you do if your team told you the wiring on a relay rack didn't match the diagrams, with "
                "handback due in twenty minutes?")
    answer = ("that equipment doesn't go back into use. a wiring discrepancy in an interlocking is how you get a wrong side "
              "failure. so I'd stop the work and warn the signaller we may overrun. an overrun is bad but it's recoverable, "
              "a miswired route isn't.")
    assert offline_card(question, answer).criterion("situational.judgement").score >= 2


def test_platitudes_are_no_method():
    """ "you've got to be careful and, um, you know, keep your wits about you ... it's just about being sensible really
    and looking out for each other" (Concrete method 3 of 4, those words its quotes)."""
    question = "How do you make sure your team uses the chipper safely?"
    answer = ("chippers are a serious bit of kit, you've got to respect them. so what I always say to the lads is you've got "
              "to be careful and, um, you know, keep your wits about you. we've had a timberwolf, then a greenmech, and "
              "they're all a bit different so you've got to get used to them. and um, I think the main thing really is "
              "just experience. I tell the younger lads just watch the older ones and you'll pick it up. and make sure "
              "you're wearing your PPE obviously, and keep it serviced. so yeah it's just about being sensible really and "
              "looking out for each other, that's how I make sure.")
    assert offline_card(question, answer).criterion("approach.method").score <= 1


def test_a_quote_is_long_enough_without_its_fillers():
    """ "and um so I listened" was the offline scorer's own quote for Action and Ownership, then dropped as "not found in
    the answer": four words to the verifier."""
    answer = ("a man whose wife had been waiting four hours was shouting on the phone and my handler put him through to me. "
              "and I think the thing about complaints is you've got to listen, everyone says that but it's true, you've got "
              "to let people get it out. and um so I listened and he was going on about the wait and I kind of explained "
              "that we were really busy that night, and he kind of calmed down a bit I think.")
    card = offline_card("Tell me about a time you dealt with a complaint from a member of the public.", answer)
    assert [c.key for c in card.criteria if c.rejected_quotes] == []


# --- the security supervisor's week -------------------------------------------------------------------------------


def _topics(notes: str) -> dict:
    return debrief_topics(f"Westgate Centre - 1st round notes\n{notes}")


def test_interviewers_initials_are_who_asked():
    """ "KD:", "DP:" and "DP again:" opened the lines of a panel named in full: "DP" became a weak area they came back to,
    and SIA licensing, which went fine, was read as asked twice."""
    topics = _topics("panel: Karen Doyle (Centre Mgr), Dev Patel (Head of Ops)\n"
                     "- DP: CCTV - data protection, SARs, retention. couldnt remember who signs off release to police. BAD\n"
                     "- DP again: SIA licensing - how do u check contractor staff licences. fine - said we check weekly\n"
                     "- KD: retailer relationships - shop theft calls. gave Radio link example. fine\n")
    assert not {"DP", "KD"} & set(topics)
    assert topics["SIA licensing"].mentions == 1 and not topics["SIA licensing"].went_badly
    assert topics["CCTV"].went_badly


def test_a_name_said_as_a_possessive_is_no_topic():
    topics = _topics("panel: Dev Patel (Head of Ops)\n~50 mins, Teams. camera kept freezing on Dev's side\n")
    assert "Dev's" not in topics


def test_a_topic_with_an_aside_that_came_up_three_times():
    assert _topics("also data protection (CCTV) came up 3x\n")["data protection"].mentions == 3


def test_light_on_a_topic_is_a_concern():
    """The recruiter's "Dev felt you were light on commercial/budget": no topic read in."""
    assert _topics("- Dev felt you were light on commercial/budget\n")["commercial/budget"].went_badly
