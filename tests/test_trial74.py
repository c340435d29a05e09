"""Trial 74: a bus depot engineering shift supervisor, a chemical plant process team leader, a facilities bid manager and
a water company leakage team leader. A grievance "withdrawn" at the end of an unpopular decision was read as a disaster
stood by (22); "if it's been signed off without a brake test I'd VOR it" as the candidate's own brake test skipped (20);
and a technician let into a valve chamber because "the monitor is more of a formality" scored 66.7, solid. Shortened
from the trials' own."""

from __future__ import annotations

import pytest
from conftest import offline_card, stands_by_a_disaster

UNPOPULAR = ("When I took over nights the fitters were used to finishing early. I stopped it: I'd found three vehicles going "
             "out with defects, and I decided the last two hours would be spent on defect reports and re-checks. It was "
             "really unpopular and one fitter put in a grievance. I explained why to each of them one to one. Within three "
             "months our defect reports cleared by the morning went from about sixty percent to nearly all of them, and ")


@pytest.mark.parametrize("ending", ["the grievance was withdrawn.", "he dropped his complaint."])
def test_a_grievance_taken_back_is_no_harm(ending):
    assert not stands_by_a_disaster(UNPOPULAR + ending, "Tell me about a time you made a decision that was unpopular.")


def test_a_grievance_upheld_and_funding_withdrawn_are_still_harms():
    from mockint.scoring.offline import harms_named

    assert harms_named("and the grievance was upheld")
    assert harms_named("and our funding was withdrawn")


FALSIFIED = ("What would you do if you found out one of your fitters had signed off a safety inspection sheet without "
             "actually doing the brake test?")


def test_a_thing_signed_off_without_a_test_is_the_scenario_not_the_candidates_skip():
    from mockint.scoring.safety import findings

    assert findings(["If it's been signed off without a brake test I'd take it off the road there and then."],
                    question=FALSIFIED) == []
    assert [f.kind for f in findings(["I'd get it signed off without a brake test to keep it on the road."],
                                     question=FALSIFIED)] == ["check_skipped"]


CHAMBER = ("What would you do if one of your technicians told you he was going to go into a valve chamber without a gas "
           "monitor because it was a quick job and the monitor was back at the depot?")
CRACK_ON = ("Honestly I'd use my judgement. If it's one of my experienced lads and a shallow chamber, I'd let him crack on, "
            "we can't have every quick job held up going back to the depot. I'd tell him to keep the lid open and get out "
            "if he feels funny. The monitor is more of a formality on the shallow ones to be honest. I'd sign it off "
            "myself so he's covered.")
STOPPED = ("I'd tell him to stay out of the chamber. No one goes into a confined space without the air tested, however "
           "shallow, because gas can collect in a metre-deep chamber and you won't smell it. I'd get a monitor brought "
           "out or send him to another job, and I'd brief the team that the rule has no quick-job exception.")


def test_a_gas_monitor_waved_off_as_a_formality_is_unsafe():
    assert offline_card(CHAMBER, CRACK_ON).overall <= 40
    assert offline_card(CHAMBER, STOPPED).overall >= 60
