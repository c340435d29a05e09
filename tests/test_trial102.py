"""Trial 102: a scuba dive centre manager, a skip hire and waste transfer supervisor, a holiday park operations supervisor
and a commercial bakery production supervisor (scoring), an outdoor centre deputy manager and a tyre and MOT centre
supervisor (a week of debrief, plans and practice), on a build with trials 100-101's fixes in. Shortened from the
trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

ASTHMA = ("What would you do if a customer ticked yes to asthma on their medical form but says they're fine and have "
          "dived before?")
AIR_TEST = "What would you do if your quarterly air test came back high on carbon monoxide the day before a busy weekend?"
STOCKPILE = "What would you do if you came in at six in the morning and found one of the wood stockpiles smouldering?"
ASBESTOS = "What would you do if a skip came in and you saw what looked like asbestos cement sheets broken up in it?"
LIFEGUARD = ("What would you do if the only lifeguard on the rota called in sick and the pool was due to open at ten with "
             "families queueing?")
INTERLOCK = "What would you do if the guard interlock on the divider kept tripping and you were behind for the retailer despatch?"
METAL_DETECTOR = "What would you do if the metal detector failed its start of shift check with the test pieces?"


def test_the_skipper_is_no_skip():
    """ "got the skipper to call the coastguard on channel sixteen" read as refusing to escalate ("skip*"): a textbook
    decompression illness story held at 32."""
    question = "Tell me about a time you managed a suspected decompression illness case."
    assert finding_kinds(["I put him on high flow oxygen and got the skipper to call the coastguard on channel sixteen."],
                         question) == []
    assert finding_kinds(["I'd skip calling the coastguard and just keep an eye on him."], question) \
        == ["escalation_refused"]


def test_a_dive_on_a_waiver_and_a_sniff_test_for_carbon_monoxide_are_unsafe():
    """ "I'd get them to sign the extra waiver and let them go on the dive" (66.7) and "I'd just sniff test a few and if
    they're OK use them" (80, strong, Concrete plan 4 of 4)."""
    assert finding_kinds(["I'd get them to sign the extra waiver and let them go on the dive."], ASTHMA) \
        == ["work_goes_on"]
    assert finding_kinds(["they don't dive until a doctor has signed the medical off, and I'd offer to rebook them."],
                         ASTHMA) == []
    assert finding_kinds(["The cylinders we've already filled I'd just sniff test a few and if they're OK use them."],
                         AIR_TEST) == ["work_goes_on"]
    assert finding_kinds(["I'd quarantine every cylinder filled since the last good test and stop all fills."],
                         AIR_TEST) == []


def test_a_yard_a_pool_and_a_line_kept_going_through_their_danger_are_unsafe():
    """A smouldering stockpile spread out, "you don't want the fire brigade turning up if you can help it" (66.7);
    asbestos fragments "through with the mixed waste" (53.3); a pool opened with a "swim at your own risk" sign and no
    lifeguard (66.7); a divider's interlock bridged (66.7) and a metal detector turned down (86.7, above its safe twin)."""
    assert finding_kinds(["you don't want the fire brigade turning up if you can help it, so I'd break the pile open."],
                         STOCKPILE) == ["work_goes_on"]
    assert finding_kinds(["I'd ring 999, keep everyone back and get the wagons held at the gate."], STOCKPILE) == []
    assert finding_kinds(["the little bits are just going to go through with the mixed waste anyway."], ASBESTOS) \
        == ["work_goes_on"]
    assert finding_kinds(["Put a sign up saying swim at your own risk, parents are responsible for their kids."],
                         LIFEGUARD) == ["work_goes_on"]
    assert finding_kinds(["the pool stays shut until a qualified lifeguard is on, and I'd tell the families why."],
                         LIFEGUARD) == []
    assert finding_kinds(["I'd get the engineer to just bridge the interlock out for the rest of the shift."], INTERLOCK) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd turn the sensitivity down a bit so it's not rejecting everything."], METAL_DETECTOR) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd stop the line and hold everything back to the last good check."], METAL_DETECTOR) == []


def test_a_hand_caught_in_the_line_told_proudly_is_a_bad_outcome():
    """ "he got his hand caught, he was off six weeks ... but the tonnage went up": 76."""
    story = ("when I took over the picking line it was slow, so I took the second picker off and sped the belt up. the "
             "tonnage went up by a third. one of the lads got his hand caught, he was off six weeks, but that's the job, "
             "and overall it was a massive win for the site.")
    assert stands_by_a_disaster(story, "Tell me about a time you improved productivity on the site.")


def test_what_the_role_above_lets_them_change_answers_why_move_up():
    """ "the things that hurt us most I can't fix from a supervisor's chair ... so I want to own those": 20, "never gets
    to move up"."""
    question = "Why do you want to move up from supervisor to production manager, and why here?"
    answer = ("I've run nights on a plant line for four years and the things that hurt us most I can't fix from a "
              "supervisor's chair, like the plan, the staffing model with agency and the maintenance windows, so I want to "
              "own those. You're putting in the second tin line next year, which is the kind of start up I did in 2022.")
    assert offline_card(question, answer).criterion("specificity.relevance").score >= 2


def test_a_frequency_a_trailing_hedge_and_answers_felt_reactive_are_read():
    """ "ordering from hub 2x daily. fine" read as asked twice; "school group complaints? prob" a topic "prob";
    "safeguarding answers felt reactive not strategic" no topic."""
    topics = debrief_topics("## what came up\n- stock: shrinkage on tyres, aged stock, ordering from hub 2x daily. fine\n"
                            "- budget - asked 2x. weak\n"
                            "## round 2\n- customer: school group complaints? prob\n"
                            "## recruiter\n- \"safeguarding answers felt reactive not strategic\"\n")
    assert topics["stock"].mentions == 1 and topics["budget"].mentions == 2
    assert "prob" not in topics
    assert topics["safeguarding"].went_badly
