"""Trial 22 (a pharmacy technician going for a senior medicines-optimisation role): what her answers showed the
offline scorer misreading. The answers are the trial's (/work/trial22 at the time); the variants are made up here.
"""

from __future__ import annotations

from conftest import offline_card

SUPERVISING_CONCERN = ("In your first interview they kept coming back to one topic: supervising/training junior techs. "
                       "What would you tell them now? Give one specific example and proof they could check.")
BUDDY_STORY = (
    "So um I haven't done formal line management but last year I was the named buddy for two new starters Amira and Josh "
    "in the dispensary I decided to write a sign off checklist for the labelling and dispensing SOPs because before that "
    "new starters just shadowed whoever was on and they were taking about 10 weeks to get signed off and I sat with them "
    "on the bench for the first 2 weeks checked every item and logged their errors in a spreadsheet and moved them to "
    "spot checks after 4 weeks and they were both signed off in 6 weeks instead of 10 and their error rate went from "
    "about 3 in 100 items to under 1 and my manager has now made the checklist the standard for all new starters and I "
    "learned that I need to give feedback the same day not at the end of the week")
STOCK_STORY = (
    "so last winter our ward stock kept running out over weekends and I decided to rebuild the top up lists for wards 10 "
    "and 12 from six months of issue data. I cut the lines from 140 to 95, set new levels and walked the sisters through "
    "them. weekend emergency orders went from about 12 a month to 3 and the out of date stock we returned halved by March.")


def test_a_round_one_topic_is_met_in_the_words_of_the_topic_it_names():
    # 20/100, "your answer never gets to it", for never saying "junior" or "training"; 100 with "two new junior techs"
    card = offline_card(SUPERVISING_CONCERN, BUDDY_STORY)
    assert card.overall >= 80, card.overall
    assert next(c for c in card.criteria if c.key == "specificity.relevance").score >= 3


def test_a_strong_story_about_something_else_still_misses_the_round_one_topic():
    assert offline_card(SUPERVISING_CONCERN, STOCK_STORY).overall <= 40
