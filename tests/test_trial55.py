"""Trial 55: a dental practice manager, a border force officer, a head housekeeper and a refuse crew supervisor wrote and
graded their answers before scoring them; an IT service desk team leader went through a week of debrief, plans and
rounds. A knowledge article written "so first line could fix it instead of escalating" was read as the candidate
refusing to escalate (42.9, the same story without the words 95.7); occupational health was no one to escalate to;
figures restated against a whole told earlier, a level "we were doing" a while later, and a rise called a reduction
went unread or unexplained. The sentences below are shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card


def test_someone_else_fixing_it_instead_of_escalating_refuses_nothing_of_the_candidates():
    story = "Tell me about a time you improved a process."
    assert finding_kinds(["I wrote a knowledge article so first line could fix it in five minutes instead of escalating."],
                         story) == []
    plan = "What would you do if a server failed overnight?"
    assert finding_kinds(["I would fix it myself instead of escalating."], plan) == ["escalation_refused"]


def test_occupational_health_is_someone_to_escalate_to():
    question = "What would you do if a dental nurse had a needlestick injury from a used needle?"
    assert finding_kinds(["there's no real need to go bothering occupational health for that."], question) == [
        "escalation_refused"]


@pytest.mark.parametrize("said, fixed", [
    ("we had an NHS contract for twelve thousand UDAs and at month nine we were sitting on about sixty percent delivered "
     "which was around nine thousand UDAs",
     "we had an NHS contract for twelve thousand UDAs and at month nine we were sitting on about sixty percent delivered "
     "which was around seven thousand two hundred UDAs"),
    ("we were running about four hundred missed bins a week. within eight weeks we were down to a hundred and twenty a "
     "week which is a forty percent reduction",
     "we were running about four hundred missed bins a week. within eight weeks we were down to a hundred and twenty a "
     "week which is a seventy percent reduction"),
    ("we were doing about forty seizures a month. after six months we were doing fifty two seizures a month which is a "
     "fifty percent increase",
     "we were doing about forty seizures a month. after six months we were doing fifty two seizures a month which is a "
     "thirty percent increase"),
])
def test_figures_told_against_what_came_before_are_checked(said, fixed):
    assert impossible(said) != []
    assert impossible(fixed) == []


def test_a_share_restated_against_places_is_no_count_of_children():
    said = ("we had sixty places and we were at seventy percent occupancy which was forty two children. over six months "
            "we went up to ninety five percent which was fifty seven children")
    assert impossible(said) == []


def test_a_rise_called_a_reduction_is_told_as_a_rise():
    (found,) = impossible("failed appointments went from eighteen a week up to twenty five a week, which was a forty "
                          "percent reduction")
    assert "a rise of 39 %" in found.said(), found.said()


def test_a_rule_named_by_its_letters_asks_for_knowledge():
    from mockint.scoring.kinds import classify

    assert classify("What does COSHH require of you as head of housekeeping for the chemicals your team uses?") == "technical"


def test_a_complaint_withdrawn_and_the_patient_kept_is_a_result():
    story = ("A patient complained we'd charged band three for a crown that failed in eight months. I rang her that day, "
             "checked the notes, and found the twelve month guarantee applied. I arranged the replacement free within a "
             "week, apologised in writing, and added a guarantee check to our complaints log. {end}")
    question = "Tell us about a time you resolved a patient complaint."
    ended = offline_card(question, story.format(end="She withdrew the complaint and still sees us."))
    unended = offline_card(question, story.format(end="That was about it."))
    assert ended.criterion("star.result").score >= 3 > unended.criterion("star.result").score


def test_a_decision_told_inside_a_clause_is_the_candidates_own_part():
    story = ("so we moved the whole practice from paper charts to a new practice management system. We planned it over "
             "three months and we ran training sessions in the evenings. We found on the test migration that the recall "
             "dates for about a third of patients hadn't come across, and that was the point where I decided to push the "
             "go live back by three weeks rather than launch on the date the owner wanted. We fixed the mapping with the "
             "supplier and we went live in May. Recalls sent on time went from about seventy percent to ninety eight "
             "percent in the first six months.")
    ownership = offline_card("Tell us about a time you led a significant change in your practice.", story).criterion(
        "specificity.ownership")
    assert ownership.score >= 3, ownership


def test_a_couple_of_years_back_places_a_story_as_two_years_ago_does():
    story = ("{when} we had seven manual handling injuries in a year on the bulky rounds. I read every accident report and "
             "found five of the seven came from carrying fridges and sofas up steps, so I brought in a two person lift "
             "rule and bought stair climbers. the next year we had one injury.")
    question = "Tell me about a time you reduced injuries in your crews."
    back = offline_card(question, story.format(when="a couple of years back"))
    ago = offline_card(question, story.format(when="two years ago"))
    assert back.criterion("star.situation").score == ago.criterion("star.situation").score
