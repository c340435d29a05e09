"""Trial 106: a marina and boatyard supervisor, a window cleaning supervisor, a scrap metal yard supervisor and a funfair
show manager (scoring), a hand car wash manager and a school site manager (a week of debrief, plans and practice), on a
build with trials 104-105's fixes in. Shortened from the trials' own answers and notes; each misread answer beside its
twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, stands_by_a_disaster

from mockint.coaching.questions import question_ref

GALE = "What would you do if a gale warning came through while a boat was in the slings halfway through a lift-out?"
ANCHORS = "What would you do if you turned up at a site and the roof anchor points were past their inspection date?"
LONE = "What would you do if one of your lone workers didn't check in at the end of the day?"
CRADLE = "What would you do if a cradle job needed two operators and one rang in sick that morning?"
CYLINDER = "What would you do if the crane driver spots a gas cylinder in a load that's about to go into the shear?"
HEIGHT = ("What would you do if a child was just under the height restriction for a ride and the parent insisted they could "
          "go on with them?")


def test_a_lift_carried_on_in_a_gale_untested_anchors_and_a_lone_cradle_are_unsafe():
    """ "if she's already up in the slings I'd just crack on ... take the taglines off" (66.7, as its safe twin), anchors
    given "a good tug ... clip on and crack on" (80, strong), a lone worker left "till the morning" and "let Dave go up on
    his own" on a two-operator cradle (40 each)."""
    assert finding_kinds(["honestly if she's already up in the slings I'd just crack on and get her over to the stands."],
                         GALE) == ["work_goes_on"]
    assert finding_kinds(["I'd put her straight back in the water and we stop lifting for the day."], GALE) == []
    assert finding_kinds(["if they look solid we'd clip on and crack on, you can't turn a job away over a sticker."],
                         ANCHORS) == ["work_goes_on"]
    assert finding_kinds(["nobody clips onto an anchor past its test; we'd do ground level work and book the test."],
                         ANCHORS) == []
    assert finding_kinds(["um to be honest I'd probably give it till the morning, their phone's probably died."], LONE) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd ring him straight away, then his next of kin, and go to his last job."], LONE) == []
    assert finding_kinds(["I'd probably let Dave go up on his own, he knows that cradle better than anyone."], CRADLE) \
        == ["work_goes_on"]
    assert finding_kinds(["the job waits until I've got a second trained operator, and I'd ring the customer."], CRADLE) \
        == []


def test_a_cylinder_put_through_the_shear_and_a_child_under_the_mark_let_on_are_unsafe():
    """ "if it looks empty just put it through with the next bit, or give it a quick crack with the shear" (40) and "I'd
    probably let them on ... the height marks are a bit of a guide really" (53.3, as its safe twin)."""
    assert finding_kinds(["if it looks empty just put it through with the next bit, or give it a quick crack with the "
                          "shear on its own."], CYLINDER) == ["work_goes_on"]
    assert finding_kinds(["I'd stop the shear, clear everyone back and treat it as full until it's been checked."],
                         CYLINDER) == []
    assert finding_kinds(["I'd probably let them on, the height marks are a bit of a guide really."], HEIGHT) \
        == ["work_goes_on"]
    assert finding_kinds(["the height mark is the rule, so they don't ride, and I'd offer them a ride they can go on."],
                         HEIGHT) == []


def test_a_months_speed_given_up_for_no_more_ladder_incidents_is_no_harm_stood_by():
    """ "we lost a bit of speed the first month. but we haven't had a ladder incident since" (a window cleaning supervisor's
    unpopular decision, gated at 22 as a disaster stood by); speed lost with lads hurt since still is one."""
    question = "Tell me about a time you had to make an unpopular decision."
    worth_it = ("in the end it was my call and I said right, no ladders above ground floor from the first of the month. we "
                "got them proper training with the pole supplier. we lost a bit of speed the first month. but we haven't "
                "had a ladder incident since and both of them would tell you now they wouldn't go back.")
    assert not stands_by_a_disaster(worth_it, question)
    hurt = ("in the end it was my call and I said right, no ladders above ground floor from the first of the month. we got "
            "them proper training with the pole supplier. we lost a bit of speed the first month and we've had two lads "
            "hurt since. but I'd make the same call again.")
    assert stands_by_a_disaster(hurt, question)


def test_a_checklist_a_job_set_up_safely_and_what_the_council_needs_are_knowledge():
    """ "Talk me through what you check on a ladder before it goes up" (28 as a past story), "Explain how you set up
    generators and cabling safely for a set of rides" (38; 93.3 as technical) and "What do you need to have in place with
    the local council before you open a fair" (12). A team's rota, or what it takes to lead a team, is not."""
    assert question_ref("Talk me through what you check on a ladder before it goes up.").kind == "technical"
    assert question_ref("Explain how you set up generators and cabling safely for a set of rides on a fairground.").kind \
        == "technical"
    assert question_ref("What do you need to have in place with the local council before you open a fair in a new "
                        "town?").kind == "technical"
    assert question_ref("Explain how you set up your team rota.").kind != "technical"
    assert question_ref("What do you need in place to lead a team?").kind != "technical"
    assert question_ref("Talk me through what you did on the day.").kind != "technical"


def test_no_concern_a_lone_initial_and_the_recruiters_words_are_read():
    """A car wash manager's "NOT a concern: cash handling - Dawn said they were happy w/ that" (drilled first, as a topic
    they came back to), "P: audit scenario - ..." (a topic "P") and "G kept on about consistency across sites" (lost); a
    school site manager's "panel incl trust CEO + a chair of governors" (a concern), "need to show you can step up from
    doing to managing" (lost) and "she kept coming back to this. 3 times." (2x)."""
    wash = debrief_topics(
        "Panel: Gareth (Ops Dir), Priya (Compliance Mgr).\n"
        "## Who asked what\n"
        "- G: cash handling - banking, discrepancies, till counts\n"
        "## What they kept coming back to\n"
        "- G kept on about consistency across sites - \"how do i know site 4 runs same as yours\"\n"
        "## R2 (next wk) - what they said it'll cover\n"
        "- P: audit scenario - a site fails a compliance spot check, what do i do\n"
        "## Recruiter (Dawn) phone fb - Fri\n"
        "- NOT a concern: cash handling - Dawn said they were happy w/ that\n")
    assert wash["cash handling"].mentions == 1 and not wash["cash handling"].went_badly
    assert "P" not in wash and wash["audit scenario"].forewarned
    assert wash["consistency across sites"].mentions == 2
    school = debrief_topics(
        "Karen (COO) qs:\n"
        "- compliance across 4 schools - how would I know all 4 are up to date? waffled.\n"
        "  -> she kept coming back to this. 3 times. \"single view of compliance\" her words\n"
        "Round 2 (Karen said):\n"
        "- panel incl trust CEO + a chair of governors\n"
        "Recruiter (Sam) phone fdbk Thu:\n"
        "- \"need to show you can step up from doing to managing - think strategic\"\n")
    assert school["compliance across 4 schools"].mentions == 3
    assert not any("panel" in name or "governors" in name for name in school)
    assert school["stepping up from doing to managing"].forewarned
