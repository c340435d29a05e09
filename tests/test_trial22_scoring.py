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


CHILD_SAFETY_Q = "Tell me about a time you had to make a difficult decision about a child's safety."
CHILD_SAFETY_STORY = (
    "um so the one that comes to mind is a case from about two years ago a seven year old girl on a child in need plan and "
    "at a home visit I noticed she had a bruise on her upper arm a sort of fingertip pattern and mum's explanation kept "
    "changing so my task really was to decide there and then whether she could stay home that night I spoke to the child "
    "on her own in her bedroom she said her mum's new partner grabbed her when he'd been drinking I rang my team manager "
    "from the car and I asked for a strategy discussion that afternoon with police and the hospital I wrote up the "
    "disclosure word for word and I arranged a child protection medical for five pm and I, uh, I agreed a safety plan with "
    "the grandmother so the girl stayed with her that night and the partner was not to have contact the medical was "
    "consistent with non accidental injury we went to an initial child protection conference within fifteen working days "
    "she was made subject to a plan and over the next nine months mum engaged with the domestic abuse programme and the "
    "girl went home safely in the end what I learned was to trust the detail and not the explanation and to write the "
    "child's words down exactly")


def test_a_task_stated_with_a_word_between_my_task_and_was_is_stated():
    # "Task 1/4: A goal is implied but not stated", with "Say plainly what you were responsible for" as the top advice
    task = next(c for c in offline_card(CHILD_SAFETY_Q, CHILD_SAFETY_STORY).criteria if c.key == "star.task")
    assert task.score >= 3 and any("my task really was" in e.quote for e in task.evidence)


def test_a_quote_is_never_cut_inside_a_fixed_pair():
    # quoted as "so my task really was to decide there and" under Situation and Concrete detail
    quotes = [e.quote for c in offline_card(CHILD_SAFETY_Q, CHILD_SAFETY_STORY).criteria for e in c.evidence]
    assert quotes and not any(q.rstrip().endswith((" there and", " there")) for q in quotes), quotes


SACKED_MID_SERVICE = (
    "oh yeah I had a commis chef who was always late and um slow on the section and one Friday in the middle of service "
    "he dropped a whole tray of mise en place and I just said right that's it take your apron off you're done and I sent "
    "him home there and then in front of everyone he walked out and never came back and we were a man down for the rest "
    "of service and most of the next month to be honest and a couple of the other lads were a bit shaken but you know "
    "what everyone was on time after that so it sent a message and I think that's what leadership in a kitchen is you "
    "have to set the standard and I'd do exactly the same again")


def test_advice_is_never_for_a_part_the_whole_answers_gate_holds_down():
    # Held to 1 of 4 throughout for the bad outcome stood by, the chef was told first to walk through his steps
    # "saying I", which he had done
    card = offline_card("Tell me about a time you dealt with an underperforming member of staff.", SACKED_MID_SERVICE)
    held = {c.key for c in card.criteria if c.gated}
    assert "star.action" in held and card.overall <= 30
    assert card.improvements and not any(tip.startswith(("Action:", "Ownership:", "Situation:")) for tip in card.improvements)


WASTE_PLAN = (
    "um so I think the biggest thing is PODs um using patients own drugs where they're suitable so we're not dispensing "
    "new packs and um checking the ward stock lists with the sister every few months because a lot of the stock that goes "
    "out of date is stuff that isn't used anymore and um I would probably do an audit first to see what's being wasted "
    "and yeah and making sure discharge meds go home with the patient")


def test_a_plan_told_as_a_run_of_steps_in_ing_is_a_plan_not_platitudes():
    # four concrete steps, read as Concrete plan 1 of 4: "Platitudes ('I'd stay calm and communicate')"
    plan = next(c for c in offline_card("How would you reduce medicines waste on a ward?", WASTE_PLAN).criteria
                if c.key == "situational.plan")
    assert plan.score >= 2 and "latitude" not in plan.shown_feedback


ACPT_PROGRESS = (
    "So um I'm not an ACPT myself yet but um I've started the accuracy checking course through the trust in September and "
    "um I'm doing my log of checks and um I've done about 600 of my 1000 checks with no errors so far and um my supervisor "
    "is Tom who's one of the ACPTs and I'll finish in February")


def test_work_done_so_far_told_with_ive_done_is_a_real_event_not_a_hypothetical():
    # "Real past example 0/4: Entirely hypothetical or a description of habits" for a course begun in September and
    # 600 checks done (10/100)
    card = offline_card("In your first interview they kept coming back to one topic: ACPTs. What would you tell them "
                        "now? Give one specific example and proof they could check.", ACPT_PROGRESS)
    assert next(c for c in card.criteria if c.key == "specificity.real_example").score >= 2
