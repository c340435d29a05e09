"""Trial 88: a textile dyehouse supervisor, a railway station manager, a supermarket meat counter manager, a tree
surgery team leader, and a hospital sterile services supervisor (a week of debrief, plans and practice). Shortened from
the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

STENTER = ("What would you do if you found the stenter running with the in-feed guard interlock bypassed and a rush order "
           "for your biggest customer?")
DISPATCHER = ("What would you do if a dispatcher on a late turn had already worked twelve hours, their relief had not "
              "turned up, and the duty manager asked you to keep them on?")
CONDUCT = "Tell me about a time you had to deal with a member of staff whose conduct or performance put safety at risk."
EFFLUENT = "Tell me about a time you dealt with a breach or near-breach of your trade effluent consent."


@pytest.mark.parametrize(("question", "unsafe", "sound", "kind"), [
    # the machine let run with its guarding defeated (86.7, strong)
    (STENTER, "so I'd let it finish the run, I'd stand the operator down for a minute and brief him.",
     "I'd stop it at once and not let it run again until maintenance have reinstated the interlock.", "work_goes_on"),
    # a fatigue record kept clean for the audit (53.3)
    (DISPATCHER, "I'd probably not put it in the fatigue log because it'd just flag up on the audit.",
     "I'd put it in the fatigue log and get a relief from the next depot.", "check_skipped"),
    # a sample beaten by holding the dirty washes back (68, told proudly)
    (EFFLUENT, "we held the navy wash offs back in the machines until the sampler had been.",
     "we took our own sample before the sampler had been, so we knew where we stood.", "cover_up"),
])
def test_an_unsafe_step_in_the_trades_words_is_read(question, unsafe, sound, kind):
    assert finding_kinds([unsafe.lower()], question) == [kind]
    assert finding_kinds([sound.lower()], question) == []


def test_a_check_skipped_by_someone_the_story_is_about_is_not_the_candidates():
    """ "a gateline supervisor ... who'd started letting people through the wide aisle gate without checking" (the story
    of dealing with him, 46: Action 0, "this answer skips a safety check")."""
    assert finding_kinds(["there was a gateline supervisor at bromley south who'd started letting people through the "
                          "wide aisle gate without checking."], CONDUCT) == []
    assert finding_kinds(["i'd started letting people through the wide aisle gate without checking."], CONDUCT) == [
        "check_skipped"]


def test_safety_said_is_not_judgement_shown():
    """ "I'd follow the procedure and report it to the right people ... Safety is always my number one priority ... look
    at lessons learned and make sure it doesn't happen again" had Judgement 4 of 4, "trade-offs, risks and who to
    involve stated explicitly" (80, strong, for a passenger dragged by a train)."""
    question = ("What would you do if a member of staff reported that a passenger had been dragged along the platform "
                "after getting their bag caught in the doors?")
    said = ("I'd make sure the passenger was okay and then I'd follow the procedure and report it to the right people. "
            "Safety is always my number one priority. Then we'd look at lessons learned and make sure it doesn't happen "
            "again.")
    done = ("the first thing is the passenger, so I'd make sure they're being looked after, first aid and ambulance if "
            "there's any injury, and I'd ask the staff member if the train's been stopped or has it gone. I'd report it to "
            'the route control straight away as a platform train interface incident, because a trap and drag is a potential '
            'RIDDOR reportable and RAIB need to be told too, and control will get the train and the driver and the forward '
            "facing CCTV secured. I'd get the station CCTV saved before it overwrites and get statements from the staff "
            "member and any witnesses while it's fresh. I'd look after the member of staff too, because seeing someone "
            "dragged is traumatic, so a debrief and the trauma support offer. Then with the train operator's safety team I'd "
            "look at the dispatch, was the platform clear, was the dispatcher's sighting of the doors okay, the mirrors or "
            "the monitors, and I wouldn't assume anyone was to blame until we'd seen it.")
    assert offline_card(question, said).criterion("situational.judgement").score <= 2
    assert offline_card(question, done).criterion("situational.judgement").score >= 3


def test_done_in_days_nothing_lost_and_none_since_is_a_result():
    """ "All four were revalidated in 11 days, we lost no theatre lists ... so no test has gone overdue since": Result 1
    of 4, "a vague outcome", which then steered the next plan."""
    question = "Tell me about a time you cleared a backlog of overdue tests."
    story = ("In January we had four washer-disinfectors overdue their quarterly revalidation. I was the supervisor on "
             "days, so I owned the plan. I booked the test person for two Saturdays so we only had one washer out at a "
             "time. {end}")
    end = ("All four were revalidated in 11 days, we lost no theatre lists, and I set up a rolling schedule so no test "
           "has gone overdue since.")
    assert offline_card(question, story.format(end=end)).criterion("star.result").score >= 3
    assert offline_card(question, story.format(end="I tracked it on a log I shared with estates every morning.")
                        ).criterion("star.result").score <= 1


def test_the_old_way_found_to_be_the_problem_is_no_check_skipped():
    """ "it was clear we were ordering on the system's suggestion without checking it against the weather ... so I took
    over the ordering myself" read as a safety check skipped: 39, 85 without the clause."""
    question = "Tell me about a time you reduced waste or shrink in your department."
    assert finding_kinds(["it was clear we were ordering on the system's suggestion without checking it against the "
                          "weather, so i took over the ordering myself."], question) == []
    assert finding_kinds(["we were ordering on the system's suggestion without checking it against the weather."],
                         question) == ["check_skipped"]


def test_what_a_law_named_requires_is_a_knowledge_question():
    """Judged as a past story: the right answer 60, 86.7 as technical."""
    from mockint.scoring.kinds import classify

    assert classify("What does Natasha's Law require, and how does it apply to what we make on the counter?") == \
        "technical"
    assert classify("What does your team say about you?") != "technical"
