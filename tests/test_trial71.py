"""Trial 71: a quarry shift supervisor, a parcel depot shift manager, a fast-fit centre assistant manager, a translation
project manager and an outpatients booking team leader (the last through a week of debrief, plans and rounds). A model
answer on an operative "under the influence of alcohol" was capped at 20 for never getting to "influence"; a torque wrench
not bothered with, an MOT done on the tester's login, a face dug out around a misfire, a van with spongy brakes sent out
"but drive it carefully" and a court translation sent without its revision all scored 66.7-100; "cancellations went from
about two a month to one every two months" was a bad outcome; and the debrief read nothing in "Expect them to probe on RTT
clock rules, validation, and on managing a bigger team". Shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

DRINK = "What would you do if you suspected one of your experienced operatives had come to work under the influence of alcohol?"
DRINK_PLAN = ("I'd take him off the plant straight away, quietly, somewhere private, and I wouldn't let him drive or operate "
              "anything. I'd get a second supervisor as a witness, note the smell and the slurred speech, and follow the drug and "
              "alcohol policy, which means a for-cause test. I'd ring the quarry manager and HR, and arrange a lift home, not "
              "let him drive.")


def test_under_the_influence_is_no_question_about_persuading_anyone():
    card = offline_card(DRINK, DRINK_PLAN)
    assert card.criterion("specificity.relevance").score >= 2 and card.overall >= 60


WHEEL = "Talk me through the correct procedure for refitting a wheel to a car after a tyre change."
MOT = ("What would you do if it's a busy Saturday, you're already a fitter down, the MOT bay is fully booked and your only MOT "
       "tester calls in sick?")
MISFIRE = ("What would you do if the shotfirer reported a suspected misfire after a blast, and the plant manager wanted the face "
           "cleared early because the crusher was waiting for feed?")
BRAKES = ("What would you do if a driver told you at the start of shift that his van's brakes felt spongy, but you had no spare "
          "vans and his route had a hundred and forty stops?")
COURT = ("What would you do if a key law firm client needed a certified translation for a court hearing tomorrow morning and the "
         "only way to make the deadline was to skip the revision step?")


@pytest.mark.parametrize("question, said, kinds", [
    (WHEEL, ["I don't really bother with the torque wrench on a busy day, it slows you down and the gun's tighter."],
     ["check_skipped"]),
    (WHEEL, ["then I torque every nut to the manufacturer's setting with the torque wrench, in a star pattern."], []),
    (MOT, ["I'd get Craig to carry on doing the MOTs on the tester's login for the day, and the tester can sign them off on "
           "Monday when he's back."], ["cover_up"]),
    (MISFIRE, ["right so you've got to keep production going, that's what a manager is there for."], ["work_goes_on"]),
    (MISFIRE, ["nobody goes near the face until the shotfirer has waited the full time and dealt with it, whatever the "
               "crusher needs."], []),
    (BRAKES, ["if it's stopping I'd tell him to take it out but drive it carefully and keep it to the town part of the route."],
     ["work_goes_on"]),
    (COURT, ["have her do a careful self-check at the end instead of the revision."], ["check_skipped"]),
    (COURT, ["I'd tell the client today that it goes out with its revision, or not at all."], []),
])
def test_a_trades_checks_and_dangers_and_someone_elses_login(question, said, kinds):
    assert finding_kinds(said, question) == kinds


def test_which_rules_apply_and_what_records_to_keep_ask_for_knowledge():
    from mockint.scoring.kinds import classify

    assert classify("Which drivers' hours rules apply to our van drivers and what records do we need to keep?") == "technical"
    assert classify("What records do you keep of your team's one to ones?") != "technical"


@pytest.mark.parametrize("said", [
    "After that we didn't have another vehicle and pedestrian near miss in the yard for the rest of the year.",
    "We came through peak with every route covered every day, and the client didn't have a single escalation from us.",
    "After that, short notice cancellations went from about two a month to one every two months.",
])
def test_a_harm_not_had_again_and_a_rate_that_fell_are_results(said):
    story = ("One of our consultants kept cancelling clinics at short notice, about twice a month. I asked for a meeting with him "
             "and went in with the numbers. We agreed that urgent cancellations would go through the service manager. ")
    card = offline_card("Tell me about a time you fixed a recurring problem.", story + said)
    assert card.criterion("star.result").score >= 2


def test_a_harm_named_as_what_it_was_reported_as_is_not_told_again():
    from mockint.scoring.offline import harms_named

    assert harms_named("i reported it as a riddor specified injury within the time limit") == []
    assert harms_named("two more drivers were off with a back injury by the end of the month") != []


def test_a_sum_of_money_and_a_count_are_never_added_together():
    from mockint.speech.numbers import write_numbers_in_text

    once = write_numbers_in_text("they'd get a fine of about a hundred pounds and three points if they got stopped")
    assert "£100 and 3 points" in once and write_numbers_in_text(once) == once
    assert write_numbers_in_text("two hundred and ten pounds") == "£210"


def test_a_debrief_reads_what_round_two_will_probe_and_its_presentation():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    notes = ('Sharon said round 2 = presentation (10 min) on "how would you reduce the waiting list in ENT" + panel qs.\n'
             "Expect them to probe on RTT clock rules, validation, and on managing a bigger team (they have 30 staff in the "
             "hub, I have 8).\n")
    topics = {t.name: t for t in parse_debrief(notes, load_bank()).topics}
    for name in ("RTT clock rules", "validation", "managing a bigger team", "waiting list in ENT"):
        assert topics[name].forewarned, name
    assert "panel" not in topics


def test_a_count_said_of_someone_else_is_not_the_panel_asking_again():
    from mockint.coaching.phrases import repetitions

    assert repetitions("couldn't say what our trust's rule is for patients who cancel twice. CHECK before round 2") == 1
    assert repetitions("asked twice about the budget") == 2
    assert repetitions("when he came back to it at the end") == 2
