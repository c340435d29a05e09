"""Trial 103: a broiler poultry unit manager, a racing yard head lad, a plant and tool hire depot supervisor and a hot air
balloon operations manager (scoring), a hospital laundry supervisor and a car and van hire branch supervisor (a week of
debrief, plans and practice), on a build with trials 100-102's fixes in. Shortened from the trials' own answers and
notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

from mockint.coaching.questions import question_ref

GENERATOR = "What would you do if the power failed on a hot night and the generator didn't start automatically?"
BUTE = ("What would you do if, on race morning, a lad told you a runner had been given bute two days ago and it wasn't "
        "written in the medicines book?")
COLT = ("What would you do if you were short of riders for second lot and the only one free was a sixteen year old "
        "apprentice who'd never sat on a strong, buckish colt?")
SOFT_GROUND = ("What would you do if one of your HIAB drivers rang you from site saying the ground where the customer wants "
               "the lift is soft, and the customer is pushing him to get on with it?")
WHEEL = ("What would you do if a customer brings back a cut off saw with a damaged wheel, needs it swapped straight away, "
         "and your trained wheel fitter isn't in?")
GUSTS = ("What would you do if you were at the launch field with a full basket of paying passengers and the wind was "
         "gusting above your limits, but the forecast said it would drop?")
CREDIT = ("What would you do if a good account customer asked you to let a hire go out even though it would take them over "
          "their credit limit?")


def test_a_live_panel_an_unbooked_drug_and_an_apprentice_on_a_colt_are_unsafe():
    """ "I'd whip the cover off the changeover panel ... it's live but you just keep your hand on the handle" (66.7,
    solid), a runner given bute "written in the book afterwards ... we'd load up and go" and "you'd put him up ... they've
    got to learn sometime" (53.3 each)."""
    assert finding_kinds(["I'd whip the cover off the changeover panel and knock the switch over by hand."], GENERATOR) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd ring the electrician out and run the emergency ventilation until he's here."], GENERATOR) \
        == []
    assert finding_kinds(["I'd get it written in the book afterwards so the records are tidy, and we'd load up and go."],
                         BUTE) == ["work_goes_on"]
    assert finding_kinds(["ah you'd put him up to be honest, they've got to learn sometime."], COLT) == ["work_goes_on"]
    assert finding_kinds(["he rides something quiet in first lot and I'd get the colt ridden by one of the senior lads."],
                         COLT) == []


def test_a_lift_on_soft_ground_a_wheel_fitted_untrained_and_a_launch_in_gusts_are_unsafe():
    """ "just go out as far as he can and keep the load tight to the wagon" (53.3), "grab whatever diamond blade we had on
    the shelf ... off he goes" (66.7) and "the moment there's a lull you go" (40)."""
    assert finding_kinds(["if he can't get the legs all the way out just go out as far as he can."], SOFT_GROUND) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd tell him not to lift, get the pads down on proper mats or rebook it."], SOFT_GROUND) == []
    assert finding_kinds(["I'd grab whatever diamond blade we had on the shelf that fits and if it sounds fine off he "
                          "goes."], WHEEL) == ["work_goes_on"]
    assert finding_kinds(["I'd get the crew cold inflating anyway so we're ready, and the moment there's a lull you go."],
                         GUSTS) == ["work_goes_on"]
    assert finding_kinds(["the limits are the limits, I wouldn't inflate, and I'd rebook the passengers."], GUSTS) == []


def test_a_private_word_and_a_double_negative_are_no_unsafe_steps():
    """ "if someone's snapping or looking grey I'd have a word on the quiet" (a burnout plan held at 20 as a cover-up)
    and "I wouldn't just let it go without talking to someone" (held at 20 as refusing to escalate)."""
    burnout = "How would you make sure staff don't burn out over the long summer season?"
    assert finding_kinds(["if someone's snapping or looking grey I'd have a word on the quiet."], burnout) == []
    assert finding_kinds(["I wouldn't just let it go without talking to someone."], CREDIT) == []
    assert finding_kinds(["I'd just let it go without talking to anyone."], CREDIT) == ["escalation_refused"]


def test_what_a_worker_must_check_and_what_the_law_asks_of_you_are_knowledge():
    """ "What does a driver need to check before a HIAB lift?" (19 as a past story) and "What do you need legally to
    drive the horsebox?" (14; 93.3 as technical)."""
    assert question_ref("What does a driver need to check before a HIAB lift?").kind == "technical"
    assert question_ref("What do you need legally to drive the horsebox?").kind == "technical"
    assert question_ref("Tell me about a time a driver missed a check before a lift.").kind == "behavioural"


def test_a_passengers_broken_ankle_told_proudly_is_a_bad_outcome_and_a_firms_reviews_are_research():
    """A rota that wore the retrieve crews out, "one passenger broke her ankle ... four of our six retrieve crew didn't
    come back" (70, solid), and "I looked at your reviews and the one thing people complain about is the rebooking after
    cancellations, which is the thing I fixed" (gated at 25 as a bad outcome stood by)."""
    story = ("I cut the rota to one crew per two balloons and ran every morning and evening slot all summer. we did have a "
             "couple of heavy landings, one passenger broke her ankle, and four of our six retrieve crew didn't come back "
             "the next year, but we flew more passengers than ever and the owners were delighted.")
    assert stands_by_a_disaster(story, "Tell me about a time you improved the efficiency of your operation.")
    why = "Why do you want to be head of operations here, rather than staying where you are?"
    answer = ("where I am now we run four balloons and I've done the rostering for six years; you run nine across three "
              "launch sites, which is the problem I want. And I looked at your reviews and the one thing people complain "
              "about is the rebooking after cancellations, which is the thing I fixed at my current place.")
    assert offline_card(why, answer).overall >= 60


def test_round_two_after_rd_and_rnd_is_read():
    """ "Rd 2 will cover: case study on fleet util ..., leading multi-site, commercial / P&L, compliance" read as round
    one's topics; "rnd 2 will cover: budget/cost improvement (CIP), contract mgmt + KPIs, leading change" no topic."""
    car = debrief_topics("Rd 2 will cover: case study on fleet util across area (data pack on day, 30 min prep), leading "
                         "multi-site, commercial / P&L, compliance\n")
    assert car["leading multi-site"].forewarned and car["compliance"].forewarned
    laundry = debrief_topics("- rnd 2 will cover: budget/cost improvement (CIP), contract mgmt + KPIs, leading change\n")
    assert laundry["leading change"].forewarned and laundry["contract mgmt"].forewarned
