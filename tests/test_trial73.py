"""Trial 73: a blood sciences biomedical scientist team leader, an ambulance dispatch supervisor, a council waste round
supervisor and a customs compliance supervisor (a council revenues team leader went through the week's workflow). A
critical potassium left for the day staff ("no point ringing out of hours really") scored 93.3 and a duty error kept from
HMRC and the client ("if we go to HMRC it'll just open a can of worms") 80; a lab's turnaround, a control room's category
two mean, a customs team's amendment rate and demands from HMRC that all rose were told proudly and credited; "the
complaints about nobody calling back just stopped" was read as complaints told as the result (22); and "ninety missed-bin
reports a week through the contact centre" never answered a question on complaints (20). Shortened from the trials'
own."""

from __future__ import annotations

import pytest
from conftest import offline_card, stands_by_a_disaster

POTASSIUM = "What would you do if you got a potassium of 7.1 on a GP sample at two in the morning?"
LEFT_TILL_MORNING = (
    "First thing I'd do is rerun it to make sure it's real, and check for haemolysis. If it is still high I'd try the "
    "surgery but at two in the morning they are closed so there is no point ringing out of hours really, they don't know "
    "the patient. So I'd put a comment on the report, flag it on LIMS as a critical, and leave a note in the handover "
    "book for the day staff to phone the surgery first thing when they open at eight. I'm confident that is the most "
    "sensible use of everyone's time at night.")
RUNG_NOW = (
    "First thing I'd do is rerun it to make sure it's real, and check for haemolysis. If it is still high the surgery is "
    "closed, so I'd ring the out of hours GP straight away, give them the result and the patient details, and document "
    "who I spoke to and when on LIMS. If I couldn't get hold of them I'd ring the duty biochemist. It can't wait till "
    "eight, a potassium that high can stop a heart.")


def test_a_critical_result_left_for_the_morning_is_unsafe_and_its_call_made_now_is_sound():
    assert offline_card(POTASSIUM, LEFT_TILL_MORNING).overall <= 40
    assert offline_card(POTASSIUM, RUNG_NOW).overall >= 60


CODE = ("What would you do if you found out one of your clerks had been using the wrong customs procedure code on a "
        "client's imports for the last six months?")
KEPT_IN_HOUSE = (
    "Honestly I'd keep it calm and deal with it in house. Six months of entries is a lot to amend and if we go to HMRC "
    "it'll just open a can of worms and they might start looking at our other clients as well. So I'd make sure the "
    "clerk uses the right code from now on, I'd correct the work instruction, and I'd keep a note of the affected "
    "entries on file. I wouldn't tell the client unless they asked because it'd only worry them.")
DISCLOSED = (
    "I'd stop the clerk using that code straight away and pull every affected entry for the six months. Then I'd tell the "
    "client what happened and what it means for their duty, and make a voluntary disclosure to HMRC with the amendments, "
    "because waiting for an audit to find it is far worse. I'd retrain the clerk and add the code to our checks.")


def test_a_report_weighed_and_dropped_redeems_no_one_left_untold():
    assert offline_card(CODE, KEPT_IN_HOUSE).overall <= 40
    assert offline_card(CODE, DISCLOSED).overall >= 60


@pytest.mark.parametrize(("question", "story", "worse", "better"), [
    ("Describe a time you improved turnaround time in your laboratory.",
     "I led the move of our urgent work to a single track through the automation line. I planned it, wrote the SOPs and "
     "trained all eight staff myself. And the results were great, our ED potassium median turnaround went from ",
     "forty minutes before the change to sixty five minutes after. I'm really proud of it.",
     "sixty five minutes before the change to forty minutes after. I'm really proud of it."),
    ("Tell me about a time calls were stacking and you had to decide where your resources went.",
     "On a bank holiday Monday we had sixty calls holding and I made the call to pull all our crews onto the cat ones and "
     "twos. Our cat two mean went from ",
     "forty one minutes to fifty eight minutes over the shift, and I'm proud I made the tough call.",
     "fifty eight minutes to forty one minutes over the shift, and I'm proud I made the tough call."),
    ("Describe a time you had to manage a clerk whose accuracy was not good enough.",
     "When I took over the team accuracy was all over the place so I brought in a new checking regime and rechecked ten "
     "percent of everything myself. Over the next quarter our amendment rate went from ",
     "two percent up to five percent, which really shows how much more we were catching. I'm really proud of it.",
     "five percent down to two percent, which really shows the checking worked. I'm really proud of it."),
])
def test_a_time_or_a_rate_of_corrections_that_rose_is_no_result_to_be_proud_of(question, story, worse, better):
    assert stands_by_a_disaster(story + worse, question)
    assert not stands_by_a_disaster(story + better, question)


WELFARE = ("When I came in as team leader the welfare calls were ad hoc and patients were waiting hours without anyone "
           "ringing them back. So I set up a rota with a named welfare caller each hour. And honestly it transformed "
           "things. The complaints about nobody calling back just ")


def test_complaints_that_stopped_are_a_good_result_and_ones_that_doubled_are_not():
    question = "Describe a time you improved a process in the emergency operations centre."
    assert not stands_by_a_disaster(WELFARE + "stopped, the clinicians told me they were picking up deteriorating "
                                    "patients earlier. I'm really proud of it.", question)
    assert stands_by_a_disaster(WELFARE + "doubled, the clinicians told me they were picking up deteriorating patients "
                                "later. I'm really proud of it.", question)


def test_someone_who_stopped_something_is_no_measure_that_stopped():
    from mockint.scoring.offline import measure_moves

    assert measure_moves("the complaints about nobody calling back just stopped") == (0, 1)
    assert measure_moves("complaints came in so we stopped the practice") == (0, 0)
    assert measure_moves("sales just stopped") == (1, 0)


MISSED_BINS = ("So last spring the east side rounds were getting about ninety missed-bin reports a week through the "
               "contact centre, roughly double the other areas. I pulled the in-cab data and found most were on two rounds "
               "we'd rerouted in January. I rode both rounds myself for a week, rebuilt the round sheets street by street, "
               "and got the crews to log every not-presented bin with a photo. Within six weeks it was down to about "
               "thirty a week, and I now do a ride-along on every changed round in its first week.")


def test_complaints_told_by_the_channel_they_came_in_answer_a_question_on_complaints():
    card = offline_card("Tell me about a time you reduced missed-bin complaints on your rounds.", MISSED_BINS)
    assert card.criterion("specificity.relevance").score >= 3
    assert card.overall >= 60


MERGED = ("When I took over the north rounds we were running at about 120 missed bins a week, and I brought in a new round "
          "structure where we went from 12 crews down to 10 by merging the two smallest rounds. After the first 3 months "
          "missed bins were sitting at around {after} a week, and the cabinet member was really pleased. I'm really proud "
          "of it and I'd do the same again.")


def test_a_level_given_after_one_given_before_that_moved_the_wrong_way_is_a_harm():
    question = "Tell me about a time you improved the performance of your collection rounds."
    assert stands_by_a_disaster(MERGED.format(after=300), question)
    assert not stands_by_a_disaster(MERGED.format(after=40), question)


def test_a_part_said_after_its_whole_again_cannot_be_more_than_it():
    from conftest import impossible

    assert impossible("I found that two hundred were mislabelled, and of those two hundred, two hundred and sixty were "
                      "caught at reception") != []
    assert impossible("I found that two hundred were mislabelled, and of those two hundred, a hundred and sixty were "
                      "caught at reception") == []


def test_the_role_the_candidate_would_play_in_a_change_to_come_is_a_plan_not_a_story():
    from mockint.scoring.kinds import classify

    assert classify("What would your role be in the system migration?") == "situational"
    assert classify("What was your role in the system migration?") == "behavioural"


@pytest.mark.parametrize("doubt", ["whether I can manage people who do work I've never done",
                                   "managing people who do work I have never done"])
def test_a_doubt_the_panel_kept_coming_back_to_is_a_topic_whatever_its_clause(doubt):
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    notes = f"They kept coming back to: benefits knowledge, and {doubt}.\n"
    names = [t.name for t in parse_debrief(notes, load_bank()).topics]
    assert "benefits knowledge" in names
    assert any(name.startswith("managing people who do work") for name in names), names
