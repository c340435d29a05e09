"""Trial 89: a glassworks hot-end shift manager, a wastewater network team leader, a leisure centre pool duty manager,
a pig unit manager, and a parcel depot operations team leader (a week of debrief, plans and practice). Shortened from
the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

SWABBING = ("What would you do if you walked onto the hot end and found an IS operator swabbing a running machine without "
            "his visor and gloves while the line was behind on a rush order?")
PUMPING = ("What would you do if a pumping station failed at two in the morning, it was close to spilling to a river, and "
           "your standby operative was not answering?")
MANHOLE = ("What would you do if a jetting crew wanted to enter a manhole to clear a blockage but the gas monitor alarmed "
           "on low oxygen and they said the sensor was faulty?")
FOULED = "What would you do if, during a busy public session, a lifeguard reports a loose faecal release in the main pool?"
CHLORINE = ("What would you do if your pool test half an hour before a school swimming lesson showed free chlorine at 0.4 "
            "and pH at 7.9?")
DEAD_PIGS = ("What would you do if you came in one morning and found two dead finishers in a pen and several pen mates off "
             "their feed with a high temperature and red blotchy ears?")
CHANGED = "Tell me about a time your priorities or plans changed suddenly."


@pytest.mark.parametrize(("question", "unsafe", "sound", "kind"), [
    # the swab round let finish without PPE (80, strong), and the guard's interlock bypassed for speed
    (SWABBING, "I'd let him finish that swab round because stopping him halfway means the section isn't swabbed.",
     "I'd stop him straight away and he doesn't swab again until he's got his visor and gloves on.", "work_goes_on"),
    (SWABBING, "I'd also get the engineer to bypass the swab guard interlock on that section for the rest of the run.",
     "I'd get the engineer to check the swab guard interlock on that section before the run restarts.", "check_skipped"),
    # the regulator not rung in the night (80, strong)
    (PUMPING, "I wouldn't ring the EA at two in the morning and make a big song and dance about it.",
     "I'd ring the EA incident line straight away and get a tanker out to the station.", "escalation_refused"),
    # a low-oxygen manhole entered on the crew's word that the monitor is faulty (66.7)
    (MANHOLE, "so I'd tell them to get the fan on it for five minutes, put the harness on and nip in and clear it quick.",
     "nobody goes in, I'd get a replacement monitor out and we'd test the air again before anyone enters.", "work_goes_on"),
    # the whole pool left open after a faecal release (80, strong)
    (FOULED, "I wouldn't clear the whole pool because on a Saturday you've got two hundred people paying.",
     "I'd clear the whole pool straight away and follow the faecal release procedure in the NOP.", "check_skipped"),
    # a school lesson let swim in water out of range (80, strong)
    (CHLORINE, "so I'd let the lesson go ahead and turn the dosing up in the plant room while they're swimming.",
     "I'd delay the lesson, tell the school why, and correct the dosing and retest before anyone goes in.", "work_goes_on"),
    # the vet not called on a suspected notifiable disease (86.7, strong)
    (DEAD_PIGS, "I'd hold off calling the vet until I'd seen how many more go down over the next couple of days.",
     "I'd call the vet straight away and report a suspicion to APHA, and nothing moves off the unit.", "escalation_delayed"),
    # a van sent out with its brake warning light on, told as a story (86, strong)
    (CHANGED, "I told one driver to take his van out even though the walkaround showed the brake warning light on.",
     "the walkaround showed the brake warning light on, so I told him to take the spare van out instead.",
     "work_goes_on"),
])
def test_an_unsafe_step_in_the_trades_words_is_read(question, unsafe, sound, kind):
    assert finding_kinds([unsafe.lower()], question) == [kind]
    assert finding_kinds([sound.lower()], question) == []


def test_a_look_first_is_no_wait_of_days():
    """The "until" of a step put off reads a later time in its clause; "until I've checked the water" is a look first."""
    assert finding_kinds(["i'd hold off calling the vet until i've checked the water."], DEAD_PIGS) == []
    assert finding_kinds(["i'd hold off calling the vet until the morning."], DEAD_PIGS) == ["escalation_delayed"]


@pytest.mark.parametrize("question", [
    "What are the legal rules on tail docking in the UK, and what has to be in place before you can dock?",
    "What does the law count as a confined space, and what has to be in place before your team enters a sewer?",
    "What is the difference between free chlorine and combined chlorine, and what would you do if combined chlorine "
    "was high?",
])
def test_what_a_rule_is_and_asks_is_a_knowledge_question(question):
    """Read as past stories or a plan: the right answers 40, 44 and 86.7, the wrong ones 36, 10 and 53.3."""
    from mockint.scoring.kinds import classify

    assert classify(question) == "technical"


def test_a_rule_of_the_trade_is_not_every_question_on_rules():
    from mockint.scoring.kinds import classify

    assert classify("Tell me about a time you had to enforce the rules on your team.") != "technical"
    assert classify("What would you do if a driver broke the rules on a delivery?") != "technical"


def test_a_story_of_another_kind_of_work_is_no_answer_about_an_underperformer():
    """A wet feed system fitted, told for "a stockperson who was underperforming": 88, relevance 4 (its one word of the
    topic, "training", was of the computer)."""
    question = "Tell me about a time you had to manage a stockperson who was underperforming."
    feed = ("the biggest thing I managed was when we put a new wet feed system into the finisher site, about four thousand "
            "places. I wrote up the spec with the feed company and we fitted it one house at a time over ten weeks. I did "
            "all the training on the computer myself and I set the feed curves. Feed conversion went from two point seven "
            "to two point five and the feed bill came down by eighty thousand a year.")
    person = ("I had a stockperson in the dry sow house who'd started missing heat checks, and the farrowing rate dropped "
              "from eighty six to seventy nine percent. I took him aside and asked what was going on; his dad was ill. I "
              "moved him to a later start for six weeks and went through the checks with him on Mondays. Within three "
              "months farrowing rate was back at eighty five.")
    assert offline_card(question, feed).overall <= 35
    assert offline_card(question, person).overall >= 60


def test_a_measure_that_fell_is_read_across_the_sentence_its_after_opens():
    """ "before this our pack to melt was ninety one percent. um after the changes the stones went away and our pack to
    melt went to eighty four percent which I think shows how much more good glass we were getting out" (60, solid)."""
    question = "Tell me about a time you brought a defect rate down on your forming lines."
    story = ("on line two we had stones coming from the furnace and I led the push to fix it. I got the furnace team to "
             "raise the crown temperature and we changed the cullet ratio up to sixty percent. before this our pack to "
             "melt was ninety one percent. um after the changes the stones went away and our pack to melt went to {to} "
             "percent which shows how much more good glass we were getting out.")
    fell, rose = offline_card(question, story.format(to="eighty four")), offline_card(question, story.format(to="ninety four"))
    assert fell.overall <= 40 < rose.overall


def test_repeat_blockages_that_rose_are_a_harm():
    """ "repeat blockages did go up, from about eight percent to twenty two percent of jobs, but we were smashing the
    target" (86, quantified impact 4 of 4)."""
    question = "Give me an example of when you improved your team's performance against a target."
    story = ("when I took over the east team we were doing ninety blockage jobs a week against a target of a hundred and "
             "twenty. I stopped the CCTV follow up survey after every jet and told the crews to jet it and move on. within "
             "two months we were doing a hundred and thirty a week. repeat blockages did go {way}, from about {before} "
             "percent to {after} percent of jobs, but we were smashing the target.")
    rose = offline_card(question, story.format(way="up", before="eight", after="twenty two"))
    fell = offline_card(question, story.format(way="down", before="twenty two", after="eight"))
    assert rose.overall <= 40 < fell.overall


def test_going_home_fine_is_how_a_rescue_ended():
    """ "he was kept in overnight and went home fine": Result 1 of 4, "finish with how it ended"."""
    question = "Tell me about a time you dealt with a serious incident on poolside."
    story = ("last August during the Saturday inflatable session a lad of about nine went under at the deep end. I was duty "
             "manager so my job was to run the emergency action plan. I hit the alarm, got the second lifeguard to clear "
             "the pool and started CPR while reception rang nine nine nine. {end}")
    assert offline_card(question, story.format(end="he was kept in overnight and went home fine.")).criterion(
        "star.result").score >= 3
    assert offline_card(question, story.format(end="the paramedics took over from there.")).criterion(
        "star.result").score <= 1


def test_one_of_my_staff_at_the_centre_of_a_story_is_the_candidates_responsibility():
    """ "last year one of my CCTV operators was coding defects wrong": Task 1 of 4 and "say what you were responsible
    for" as the top advice on the best answer."""
    question = "Tell me about a time you had to deal with a performance or conduct problem in your team."
    story = ("last year {who} was coding defects wrong, grading cracked pipes as grade two when the manual says four. I "
             "pulled twenty of his surveys, found eleven wrong and sat down with him one to one. I booked him the course "
             "and after two months his error rate was under one in twenty.")
    mine = offline_card(question, story.format(who="one of my CCTV operators")).criterion("star.task").score
    theirs = offline_card(question, story.format(who="a CCTV operator on another team")).criterion("star.task").score
    assert mine >= 2 > theirs


def test_a_scene_seen_is_no_research_of_the_employer():
    """A lifeguard's rescue told for "why this centre" ("I saw her go, I was in within seconds"; "every minute you're on
    that chair"): Specific reasons 3 of 4, 90."""
    from mockint.scoring.offline import RESEARCH, employer_facts

    assert not RESEARCH.search("i saw her go, i was in within seconds and got her out")
    assert RESEARCH.search("i saw your new learner pool is opening next spring")
    assert employer_facts("every minute you're on that chair is a minute someone's safety depends on you") == []
    assert employer_facts("you're a council contract with a health referral scheme") != []


# --- the parcel depot team leader's week ---------------------------------------------------------------------------


def _topics(notes: str) -> dict:
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    return {t.name: t for t in parse_debrief(f"Round 1 - Depot Manager, NorthLink Parcels\n{notes}", load_bank()).topics}


def test_a_topic_named_by_a_participle_and_a_question_never_answered_are_read():
    """ "missed deliveries / first time delivery rate - I didnt have my numbers!!", "never really answered the budget
    question (depot P&L, cost per parcel). blanked." and "damaged parcels claims -- fine but a bit long" were listed as
    "No topic read in"."""
    topics = _topics("- missed deliveries - I didnt have my numbers!!\n"
                     "- never really answered the budget question (depot P&L, cost per parcel). blanked.\n"
                     "- damaged parcels claims -- fine but a bit long\n"
                     "- lacked numbers - bad\n")
    assert topics["missed deliveries"].went_badly
    assert topics["budget question"].went_badly
    assert "damaged parcels claims" in topics
    assert not any("lacked" in name for name in topics), "how an answer went is no topic"


def test_what_they_want_more_on_after_an_arrow_is_one_topic_and_feedback_by_phone_is_no_topic():
    """ 'Steve said "we need someone who can manage managers" -> they want more on leading shift managers and holding them
    to account' was lost whole (and alone it made a second concern "holding"); "Feedback from Lauren on phone: answers
    lacked numbers" was a topic asked about."""
    topics = _topics('Steve said "we need someone who can manage managers" -> they want more on leading shift managers '
                     "and holding them to account\n"
                     "Feedback from Lauren on phone: answers lacked numbers, good energy\n")
    assert list(topics) == ["leading shift managers and holding them to account"]
    assert topics["leading shift managers and holding them to account"].forewarned


def test_a_rule_mixed_up_is_retried_as_knowledge():
    """ "I was vague on the WTD 60hr rule, mixed it up with EU drivers hours": the plan asked for "one real example, what
    you did, and the outcome"."""
    from mockint.scoring.kinds import classify_topic

    line = ("Steve asked about drivers hours / tacho infringements TWICE. I was vague on the WTD 60hr rule, mixed it up "
            "with EU drivers hours. not good")
    assert classify_topic("WTD 60hr rule", [line]) == "technical"
    assert classify_topic("WTD 60hr rule", []) == "technical"
    assert classify_topic("golden rule", []) != "technical"
    assert classify_topic("van walkaround checks", ["van walkaround checks - went badly"]) != "technical"


def test_a_round_one_topic_is_not_drilled_by_any_story_question():
    """A concern whose note lacked figures ("van walkaround checks - couldnt say what % get done") was drilled by "Tell me
    about a time you faced a conflict at work" and "How do you handle constructive criticism?"."""
    import random

    from mockint.coaching.plan import bank_question_for
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import WeakArea

    bank = load_bank()
    checks = WeakArea(id="topic.van_walkaround_check", kind="debrief", name="van walkaround checks", count=1,
                      severity=0.5, criteria=["specificity.ownership"])
    assert bank_question_for(checks, bank, set(), [], random.Random(0)) is None
    numbers = WeakArea(id="specificity.quantified_impact", kind="criterion", name="Specificity: Quantified impact", count=2,
                       severity=0.5, criteria=["specificity.quantified_impact"])
    assert bank_question_for(numbers, bank, set(), [], random.Random(0)).category == "behavioral"
