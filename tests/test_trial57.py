"""Trial 57: an airport ground handling supervisor, a clinical research nurse, an environmental health officer and a
construction health and safety adviser wrote and graded their answers before scoring them; a SOC analyst went through a
week of debrief, plans and rounds. A weakness answer told by when it showed was a story told for reasons (20); a broken
wrist kept off the books "so it doesn't need to go to the HSE" read as the plan going to the HSE (86.7); a delegation
log dated "as the study start date so that it all lines up" was judgement (80); a story of stopping a subcontractor
"working in an excavation without any edge protection" was the candidate's own check skipped (50); a colleague who
"went off sick" at a story's start was a disaster stood by (22); figures in sums, shares of a target and small numbers
said as words went unread. The sentences below are shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card


def test_a_weakness_told_by_when_it_showed_answers_the_question():
    answer = ("honestly my weak spot has been delegating. as a supervisor I got used to jumping on the ramp and fixing "
              "things myself, and last year I realised that meant I wasnt watching the whole bank, I missed a crew running "
              "out of hours on another stand because I was loading bags. so I started handing the live stand problems to "
              "my two leading hands, and I stay at the ops desk for the first and last hour of each bank. my delays due to "
              "missed handovers have gone down")
    card = offline_card("What is your biggest weakness and what are you doing about it?", answer)
    assert card.criterion("specificity.relevance").score >= 3 and card.overall >= 50, card.overall
    # a story told where reasons to join were asked for still misses the question
    story = offline_card("Why do you want to work for us?", answer)
    assert story.criterion("specificity.relevance").score <= 1


def test_what_the_matter_does_not_need_is_a_refusal_not_a_step_taken():
    question = "What would you do if an operative broke his wrist falling off a stepladder and the site manager asked you not to report it?"
    plan = ["What I'd do is get the lad light duties, so he's not off work for more than seven days",
            "and it doesn't need to go to the HSE."]
    assert finding_kinds(plan, question) == ["escalation_refused"]
    # said of someone else, it is no refusal of the candidate's: "he doesn't need to go to A&E, his obs are normal"
    assert finding_kinds(["he doesn't need to go to A&E because his obs are normal, I'd ring the duty manager."],
                         question) == []


def test_a_date_written_to_line_up_is_a_cover_up():
    plan = ["what I'd do is go and find the registrar, get them to sign the delegation log and put the date as the study "
            "start date so that it all lines up, and then get the PI to initial it."]
    assert "cover_up" in finding_kinds(plan, "What would you do if a registrar not on the delegation log took consent?")


def test_someone_elses_breach_that_the_candidate_stopped_is_not_their_check_skipped():
    story = ["So on a retail fit out we had a real problem with the groundworks subbie working in an excavation without any "
             "edge protection or a proper means of access, they'd been warned twice.",
             "At that point I decided to stop their works on that excavation."]
    assert finding_kinds(story, "Tell me about a time you dealt with a subcontractor who kept breaching safety rules.") == []
    # a step the candidate skipped in a place is still theirs: "I signed off a new starter's settling in plan without
    # checking her care plan"
    mine = ["two years ago I signed off a new starter's settling in plan without checking her care plan properly."]
    assert finding_kinds(mine, "Tell me about a time you made a mistake.") == ["check_skipped"]


def test_a_colleague_off_sick_in_the_opening_scene_is_no_disaster_stood_by():
    from mockint.scoring.offline import read_answer, stood_by_bad_outcome

    story = ("um so there was a week where I was meant to be finishing my own detection engineering work that I'd "
             "committed to, and one of the analysts went off sick during a spike in phishing reports. I decided to park my "
             "rules and cover his queue for four days. It meant my rules slipped by a week, I told my manager straight "
             "away. The queue stayed under our SLA the whole week and we didn't miss anything. I think it was the right call.")
    question = "Tell me about a time you put the team's success ahead of your own work."
    assert stood_by_bad_outcome(read_answer(story, question, None)) is None
    # the same harm as the story's ending, stood by, still shuts the gate
    ended = story.replace("The queue stayed under our SLA", "Then two more analysts went off sick and the queue blew")
    assert stood_by_bad_outcome(read_answer(ended, question, None)) is not None


@pytest.mark.parametrize("said, fixed", [
    ("within two months we went from about two patients a month to about four a month, so recruitment tripled",
     "within two months we went from about two patients a month to about six a month, so recruitment tripled"),
    ("our target was forty patients in twelve months. by the end we'd recruited forty six patients, which was a hundred "
     "and thirty percent of target",
     "our target was forty patients in twelve months. by the end we'd recruited forty six patients, which was a hundred "
     "and fifteen percent of target"),
    ("the court gave a total of twelve thousand pounds, made up of an eight thousand pound fine and six thousand pounds "
     "costs to the council",
     "the court gave a total of fourteen thousand pounds, made up of an eight thousand pound fine and six thousand pounds "
     "costs to the council"),
])
def test_sums_targets_and_small_numbers_said_as_words_are_checked(said, fixed):
    assert impossible(said) != []
    assert impossible(fixed) == []


def test_more_than_doubled_is_a_bound_not_a_figure():
    assert impossible("we went from about two patients a month to about five a month, so recruitment more than doubled") == []
    assert impossible("waits dropped from about one twenty to like ninety two minutes") == []


def test_a_process_improved_in_other_words_answers_the_question():
    story = ("the carrier was unhappy because we were missing around eleven bags in every thousand passengers and their "
             "target was below five. most of those misses were on my late shift so it was on me to sort it. I went through "
             "two months of mishandled bag reports myself. I did three things. the baggage office started printing a hot "
             "transfer list every hour, I made one person the hot bag runner each shift, and I told loaders to hold the "
             "door for a hot bag. ten weeks later it was four point two per thousand and every shift runs a hot bag runner now")
    relevance = offline_card("Tell me about a time you improved a process on your shift.", story).criterion(
        "specificity.relevance")
    assert relevance.score >= 3, relevance


def test_a_statutory_test_asked_as_what_makes_something_one_is_knowledge():
    from mockint.scoring.kinds import classify

    assert classify("What makes something a statutory nuisance, and what is the council's duty once it is satisfied one "
                    "exists?") == "technical"


def test_debrief_reads_what_was_asked_and_leaves_what_my_answer_rambled_about():
    from test_debrief import BANK

    from mockint.coaching.debrief import parse_debrief

    notes = ("- I fumbled the question on escalation to the on-call incident manager at 3am, rambled about the runbook\n"
             "- Marcus asked what metrics I report to the CISO, I said MTTD and MTTR but blanked on our actual numbers\n")
    names = [t.name for t in parse_debrief(notes, BANK).topics]
    assert "runbook" not in names and "actual numbers" not in names, names
    assert "reporting metrics to the CISO" in names, names


def test_a_topic_never_done_is_drilled_as_what_you_would_do():
    from mockint.scoring.kinds import classify_topic

    line = "Aisha asked about managing an underperforming analyst. I had no real example, I've never formally managed anyone"
    assert classify_topic("managing an underperforming analyst", [line]) == "situational"
    assert classify_topic("managing an underperforming analyst",
                          ["Aisha asked about managing an underperforming analyst. went ok, told the J story"]) == "behavioural"
