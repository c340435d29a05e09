"""Trial 12 (a warehouse team leader going for shift operations manager, English his second language, plain and brief):
what his answers showed the offline scorer misreading. The first two answers are the trial's; the others are made up.
"""

from __future__ import annotations

import pytest
from conftest import offline_card

from mockint.scoring.evidence import MIN_QUOTE_TOKENS
from mockint.scoring.offline import _quote, harms_named, lowered, read_answer
from mockint.scoring.rubrics import load_rubrics

NEAR_MISS = (
    "Yes, this happens at peak. One night a reach truck driver came round the corner in aisle 6 too fast and he nearly hit "
    "a picker, maybe one metre. Nobody was hurt. I talked to the driver, I told him slow down, and we continued, because "
    "we had 30 trailers to load. I did not write it in the near miss book. Honestly, if you report every near miss the "
    "health and safety people come and close the area for an hour, and you miss the trucks. I know my people, I handle it "
    "myself, quick and done. That driver is my best driver, so I did not want him in trouble. Result, we loaded all 30 "
    "trailers on time that night, and nobody got hurt.")


def test_a_near_miss_kept_out_of_the_book_is_held_down_with_its_reason():
    # 38, with "I did not write it in the near miss book" quoted as evidence for Action 3/4, and no word on safety
    card = offline_card("Tell me about a near miss on your shift.", NEAR_MISS)
    assert card.overall <= 30
    assert card.criterion("star.action").score == 0
    assert "did not write it in the near miss book" in card.criterion("star.action").feedback.lower()


LATE_TRAILERS = ("Last spring I missed the store slots for Leeds three times in one week, because loading started too late. "
                 "I changed the loading plan so the Leeds trailers load first, at 11pm, and I checked them myself every "
                 "night. After one month, late trailers {} from 6 a week to 1, and store complaints went down from 12 to 2.")


def test_a_measure_that_went_down_from_one_figure_to_another_is_no_outage():
    # "went down" read as an outage (and "one month, late" as "a month late"): 22, gated as a disaster stood by
    question = "Tell me about a time you had to fix late trailers."
    went_down, fell = (offline_card(question, LATE_TRAILERS.format(w)) for w in ("went down", "fell"))
    assert went_down.overall >= 60 and abs(went_down.overall - fell.overall) <= 5
    assert harms_named(lowered("the main server went down for six hours")) == ["went down"]


CHILLER_QUESTION = "The chiller breaks down at 2am with tomorrow's store orders inside. What do you do?"


@pytest.mark.parametrize("plan", [
    "I keep the doors shut. I don't call the engineer at night, it costs triple, the day maintenance comes at 7.",
    "I keep the doors shut and in the morning we load the stock to the stores as normal and nobody notices.",
])
def test_a_broken_chiller_kept_quiet_is_an_unsafe_plan(plan):
    card = offline_card(CHILLER_QUESTION, plan + " I did this once at my hub and no problem.")
    assert card.criterion("situational.judgement").score == 0 and card.overall <= 20


def test_calling_the_engineer_is_the_safe_step():
    card = offline_card(CHILLER_QUESTION, "I keep the doors shut, call the engineer straight away, probe the stock every hour and "
                                   "move anything over 8 degrees to the back-up chiller, and I tell the duty manager.")
    assert card.criterion("situational.judgement").score >= 2


@pytest.mark.parametrize("said, reading", [
    ("My manager gave me six weeks to get the pick rate to target.", "personal_task"),
    ("My lesson: plan the labour before the peak, not during it.", "lesson"),
    ("The site manager said: you have six weeks.", "personal_task"),
])
def test_a_task_given_and_a_lesson_labelled_are_read(said, reading):
    # "gave me six weeks to" read as Task 1 of 4, and "My lesson:" only as "what I learned is" (72 against 82)
    r = read_answer(said, "Tell me about a time you improved pick rates.", "behavioural", load_rubrics())
    assert any(getattr(c, reading) for c in r.cues)


def test_a_deadline_met_for_all_but_one_is_a_result_and_a_plan_for_next_time_a_lesson():
    # "We loaded 21 of 22 on time ... I wrote a plan for conveyor failure, so the next time the team knows what to do":
    # Result 1 of 4, "nothing measurable or learned", and the next plan asked "what changed as a result, in numbers?"
    answer = ("Two years ago on Christmas Eve night a conveyor motor broke at 11pm and we had 22 trailers for stores to load "
              "by 5am. My task was to get all 22 out on time. First I called the engineer, he said two hours minimum. I split "
              "the team: 12 people hand-balled the cases to the dock, and I put my two fastest loaders on the earliest slots. "
              "We loaded 21 of 22 on time, the last one was 25 minutes late. After, I wrote a plan for conveyor failure, so "
              "the next time the team knows what to do.")
    card = offline_card("Describe a situation where you had to meet a tight deadline.", answer)
    assert card.criterion("star.result").score >= 3


def test_a_short_sentence_is_quoted_with_the_clause_that_leads_into_it_not_a_word_count():
    # Task quoted as "of my pickers. The problem was walking.": three words cut from the sentence before
    answer = ("Before peak my night team was picking only 142 units an hour, and we needed 160. I pulled the scanner reports "
              "and I also walked the aisles with two of my pickers. The problem was walking. So I moved the top 60 lines "
              "next to dispatch over one weekend, and five weeks later we were at 168 an hour.")
    r = read_answer(answer, "Tell me about a time you improved productivity on your shift.", "behavioural", load_rubrics())
    short = next(u for u in r.units if u.text == "The problem was walking.")
    quote = _quote(short)
    assert quote.endswith("The problem was walking.") and len(quote.split()) >= MIN_QUOTE_TOKENS
    assert quote.startswith(("I pulled", "and I also walked"))
