"""Trial 58: a school SENCo, a probation officer, a theatre team leader and a railway station supervisor wrote and graded
their answers before scoring them; a youth work team leader went through a week of debrief, plans and rounds. A sound
swab-count plan's "put in a Datix" read as waiting on the candidate's own inquiry (20; 100 without it); a rule "nothing is
added after two o'clock without the theatre coordinator signing it off" as a check skipped (46, its twin 95); lists
cancelled by the candidate's own decision and "the learning for me was ..." as disasters stood by (22); a MAPPA breach
told "to my manager in our monthly supervision" as no delay (100); figures each person carries, a cut "by 3 quarters"
and "what do you actually do when ..." went unread; debrief made "they asked what the result was" a concern and missed
"round two will include a presentation on the first 90 days". The sentences below are shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card


def test_a_datix_beside_a_later_if_is_no_escalation_put_off():
    question = "What would you do if, at the end of a case, the swab count is one short and the surgeon has started closing?"
    plan = ["so if the count's one short the surgeon hears it straight away, out loud, and closure stops.",
            "I'd document exactly what was done on the count sheet and the op note, put in a Datix, and if it turned out to "
            "be retained the surgeon would lead the duty of candour conversation with the patient."]
    assert finding_kinds(plan, question) == []
    # a report that waits on the candidate's own inquiry still is put off
    assert finding_kinds(["I'd only put in a Datix if it turned out to be retained."], question) == ["escalation_delayed"]


def test_a_rule_that_nothing_happens_without_a_check_skips_no_check():
    story = ["afterwards we agreed a rule with the surgeons that nothing is added after two o'clock without the theatre "
             "coordinator signing it off, and overruns from add ons went down."]
    assert finding_kinds(story, "Tell me about a time you had a conflict with a senior colleague.") == []
    assert finding_kinds(["I added the case after two o'clock without the theatre coordinator signing it off."],
                         "Tell me about a time you had a conflict with a senior colleague.") == ["check_skipped"]


@pytest.mark.parametrize("question, story", [
    ("Tell me about a time you worked as part of a team to achieve a goal.",
     "so in twenty twenty three our sterile services had a washer disinfector failure and we lost about half of our "
     "instrument sets for three days. we borrowed sets from the sister hospital and we swapped the order of some lists. "
     "the one thing I decided myself was to cancel the two elective major joint lists on the Tuesday and give their sets "
     "to trauma. we got every trauma patient done inside thirty six hours, we only cancelled eight elective patients over "
     "the three days and we rebooked all of them within a fortnight."),
    ("How did you get surgeons who never turn up to the morning brief to come?",
     "over a month they'd missed the brief on fourteen of twenty lists. I went to their department meeting myself and "
     "showed them the chart next to their own cancelled patients, and I moved the brief to seven fifty. after three months "
     "the surgeon was at the brief on nineteen out of twenty lists. the learning for me was to make it their problem in "
     "their language, cancelled patients, not our audit figure"),
])
def test_a_cut_the_candidate_chose_and_a_learning_told_are_no_disaster_stood_by(question, story):
    from mockint.scoring.offline import read_answer, stood_by_bad_outcome

    assert stood_by_bad_outcome(read_answer(story, question, None)) is None


def test_a_breach_told_to_the_manager_at_monthly_supervision_is_put_off():
    question = ("What would you do if a MAPPA level 2 man on licence told you he had been staying at his girlfriend's, not "
                "his approved address?")
    assert finding_kinds(["I'll mention it to my manager in our monthly supervision."], question) == ["escalation_delayed"]
    # a routine monthly report is not an escalation put off
    assert finding_kinds(["I'd set one or two targets with the team and report back on them at our monthly meeting."],
                         "How do you use tenant satisfaction measures?") == []


@pytest.mark.parametrize("said, fixed", [
    ("there were eight of us, each with about forty cases, so around a hundred and twenty cases across the team",
     "there were eight of us, each with about forty cases, so around three hundred and twenty cases across the team"),
    ("we were seeing around nine hundred a day with no valid ticket. within three months ticketless travel was down to "
     "four hundred a day, so we cut it by three quarters",
     "we were seeing around nine hundred a day with no valid ticket. within three months ticketless travel was down to "
     "four hundred a day, so we cut it by more than half"),
])
def test_what_each_carries_and_a_cut_by_quarters_are_checked(said, fixed):
    assert impossible(said) != []
    assert impossible(fixed) == []


def test_a_reached_level_is_told_from_the_figure_nearest_bearing_it_out():
    (found,) = impossible("we get about twelve thousand passengers a day and we were seeing around nine hundred a day with "
                          "no valid ticket. within three months ticketless travel was down to four hundred a day, so we cut "
                          "it by three quarters")
    assert "from 900 to 400" in found.said(), found.said()


def test_what_you_actually_do_when_it_happens_is_how_you_work():
    from mockint.scoring.kinds import classify

    assert classify("so what do you actually do when half your early turn rings in sick on a match day") == "approach"


def test_debrief_reads_what_round_two_will_include_and_leaves_what_the_result_was():
    from test_debrief import BANK

    from mockint.coaching.debrief import parse_debrief

    notes = ("- partnership with police went well, told the knife crime story, but they asked what the result was and I "
             "didn't have numbers\n"
             "- remembered: the Head of Early Help said round two will include a presentation on the first 90 days\n"
             "- They said round 2 will have a scenario\n")
    topics = {t.name: t for t in parse_debrief(notes, BANK).topics}
    assert "result" not in topics and "scenario" not in topics, list(topics)
    assert topics["first 90 days"].forewarned, list(topics)


@pytest.mark.parametrize("ending", [
    "we ended the year within one percent of budget",
    "the summer programme reached sixty eight young people",
])
def test_money_landed_within_budget_and_people_reached_are_results(ending):
    story = ("in the twenty twenty three to twenty four year I held the budget for our youth project, a hundred and eighty "
             "thousand pounds. at the quarter two review I saw we were going to underspend by about fourteen thousand, so I "
             "went to the funder with a reforecast and moved nine thousand into a summer holiday programme. I tracked spend "
             "monthly against the profile with our finance officer and {end}.")
    question = "Tell me about a time you managed a budget."
    ended = offline_card(question, story.format(end=ending)).criterion("star.result")
    unended = offline_card(question, story.format(end="that was about it")).criterion("star.result")
    assert ended.score >= 3 > unended.score, (ended, unended)


@pytest.mark.parametrize("question, story", [
    ("Tell me about a time half your early turn rang in sick on a match day.",
     "so this happened on a Saturday when we had a cup semi final two stops down and four of my eleven on the early turn "
     "rang in sick before seven. I decided first what we couldn't do without, the gateline, platform dispatch and someone "
     "ramp trained for assists. I rang round the people on rest days and got two in on overtime, and I moved myself onto "
     "the platform for the peak. we kept all the gates staffed, no missed assists, and the platforms never went over the "
     "crowd plan figure."),
    ("Tell me about a time you had to manage a difficult conversation with a parent.",
     "a dad came in furious that his son kept getting detentions for not having his equipment. I listened first, then I "
     "showed him the pattern, always Mondays after weekends at mum's, and I arranged a second set kept in school. He'd "
     "gone from four detentions in two weeks to just one across the half term."),
])
def test_what_did_not_happen_and_a_level_reached_in_the_past_perfect_are_results(question, story):
    assert offline_card(question, story).criterion("star.result").score >= 3
