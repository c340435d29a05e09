"""Trial 90: an outdoor activity centre instructor, a street works supervisor, a fishing vessel mate, a car dealership
workshop controller, and a home care coordinator (a week of debrief, plans and practice). Shortened from the trials' own
answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

DIGGING = ("What would you do if you turned up on site and found the gang excavating with a mini digger, no CAT and Genny "
           "scan done and no service drawings on site?")
GALE = ("What would you do if a skipper called you from sea to say the forecast had gone to gale force eight but he wants "
        "to keep fishing to finish the trip because he hasn't caught his quota?")
PERMIT = ("What would you do if the permit for a job on a traffic-sensitive street runs out tomorrow and the job is two days "
          "behind?")
MOT = "What would you do if your only MOT tester called in sick on a day with nine MOTs booked?"


@pytest.mark.parametrize(("question", "unsafe", "sound", "kind"), [
    # digging on with no scan (80, strong)
    (DIGGING, "so I'd keep the digger going but slow it right down and put one of the lads watching every bucket.",
     "I'd stop the digger straight away and nobody breaks ground again until the CAT and Genny scan is done.",
     "work_goes_on"),
    # a boat kept fishing in a gale for its quota (80, strong)
    (GALE, "if he's confident I'd say go ahead and finish the trip, get it in the hold.",
     "I'd tell him to haul what's in the water and run for shelter, the quota can wait for the next trip.",
     "work_goes_on"),
    # a permit run out, the site board's date moved to match (53.3)
    (PERMIT, "I'd probably move the end date on the site board so it looks right to anyone walking past.",
     "I'd ring the council's street works team today and ask for an extension before the permit runs out.",
     "cover_up"),
])
def test_an_unsafe_step_in_the_trades_words_is_read(question, unsafe, sound, kind):
    assert finding_kinds([unsafe.lower()], question) == [kind]
    assert finding_kinds([sound.lower()], question) == []


def test_what_cannot_be_done_without_a_check_is_a_rule_not_a_check_skipped():
    """ "we can't test without a nominated tester logged on the MOT testing service": the one line that shows the rule,
    read as the test refused (Judgement 0, 20 for a sound plan graded 4)."""
    assert finding_kinds(["we can't test without a nominated tester logged on the mot testing service."], MOT) == []
    assert finding_kinds(["i'd skip the brake test on a couple of them to get through the nine."], MOT) == [
        "check_skipped"]


def test_a_fight_between_crew_is_a_conflict_and_a_breakdown_is_not():
    """A fight between two deckhands told without the word "conflict": 20, "never gets to conflict" (72 with the word)."""
    question = "Tell me about a time you had to deal with a conflict between crew members."
    fight = ("on the Girl Rachel one deckhand was riding the young lad constantly, calling him useless in front of everyone "
             "on the gutting line, and it came to a head one night when the lad threw a basket at him. I was mate so it "
             "was on me. I split them up straight away, spoke to each of them on their own the next morning and paired the "
             "lad with me on the hopper for two days. there was no more trouble for the rest of the season.")
    breakdown = ("the hydraulic pack on the winch failed on a Thursday night with two hauls left. I was mate so I had to "
                 "decide what to do. I got the engineer to fit the spare seals, and we hauled by hand on the old capstan. "
                 "we lost only one haul and I wrote up a spares list so there's a pump on board next time.")
    assert offline_card(question, fight).overall >= 60
    assert offline_card(question, breakdown).overall <= 35


def test_work_redone_at_their_cost_answers_work_not_up_to_standard():
    """A subcontractor's failed inspections and reinstatements redone: 20, "never gets to not up to standard" (83 asked
    about "poor" work)."""
    question = "Tell me about a time a subcontractor or gang's work was not up to standard. What did you do?"
    story = ("we had a civils sub on a cable laying job in Leeds and we kept getting failed Category B inspections back from "
             "the council, the reinstatements were sinking. I went through the coring results with their foreman and we "
             "found they weren't doing enough passes with the plate. I set up a joint inspection every Friday and {end}")
    redone = story.format(end="we had them redo the failed ones at their cost. after that the council passed every one.")
    moved = story.format(end="we moved the next job to a quieter street. after that the council passed every one.")
    assert offline_card(question, redone).overall >= 60
    assert offline_card(question, moved).overall <= 35


@pytest.mark.parametrize(("story", "twin"), [
    # comebacks up and CSI down, "one of my best results" (82, strong)
    ("I set every tech a target of ten hours sold a day. within two months we were selling four hundred hours a week. "
     "comebacks went from about two percent to eleven percent of jobs and our service CSI went from ninety two down to "
     "eighty one, but we hit the labour sales target three months running, so I'd say it was one of my best results.",
     "I set every tech a target of ten hours sold a day. within two months we were selling four hundred hours a week. "
     "comebacks went from about eleven percent to two percent of jobs and our service CSI went from eighty one up to "
     "ninety two, and we hit the labour sales target three months running, so I'd say it was one of my best results."),
    # rejected boxes "getting" more, told proudly (85, strong)
    ("right so I'm really proud of this one. I brought in a new icing routine on the Bonnie Lass. before I started we were "
     "getting about twelve boxes rejected a trip out of four hundred, and after I changed the routine to icing every second "
     "haul we were getting thirty rejected, so really good.",
     "right so I'm really proud of this one. I brought in a new icing routine on the Bonnie Lass. before I started we were "
     "getting about thirty boxes rejected a trip out of four hundred, and after I changed the routine to icing every haul "
     "we were getting twelve rejected, so really good."),
])
def test_a_measure_that_moved_the_wrong_way_told_proudly_scores_low(story, twin):
    question = "Tell me about an improvement you made that you are proud of."
    assert offline_card(question, story).overall <= 40 < offline_card(question, twin).overall


def test_what_a_procedure_of_the_trade_involves_is_a_knowledge_question():
    """ "What does safe working on an HV system involve?": a complete procedure judged as a story, 68 (93.3 as knowledge)."""
    from mockint.scoring.kinds import classify

    assert classify("What does safe working on an HV system involve?") == "technical"
    assert classify("What does your current role involve?") != "technical"


def test_a_turnover_story_answers_a_round_one_concern_on_retention():
    """ "Back to recruitment & retention ...": "turnover fell from 41% to 29%, first-90-day leavers halved" was told it
    "never names" the topic, relevance 2, and the concern stayed open."""
    question = ("Back to recruitment & retention, which round one left in doubt. Take a real example you have not told "
                "yet: what happened, what you did, and the outcome.")
    turnover = ("In 2023 our carer turnover was 41%, and most leavers went in the first 90 days. I interviewed the last 15 "
                "leavers myself and redesigned the rotas into runs with paid travel, and every new carer shadows for five "
                "shifts. Within a year turnover fell to 29%, and first-90-day leavers halved from 22 to 11.")
    rota = ("In 2023 our call times were drifting, so I redesigned the rotas into runs with paid travel and checked the "
            "electronic call monitoring every morning. Within a year late calls fell from 14% to 6%.")
    assert offline_card(question, turnover).criterion("specificity.relevance").score >= 3
    assert offline_card(question, rota).criterion("specificity.relevance").score <= 2


# --- the home care coordinator's week -------------------------------------------------------------------------------


def _topics(notes: str) -> dict:
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    return {t.name: t for t in parse_debrief(f"Round 1 - Registered Manager, Brightwell Home Care\n{notes}",
                                             load_bank()).topics}


def test_what_round_two_holds_under_its_own_heading_is_forewarned():
    """ 'probably a presentation? "first 90 days" - Priya hinted' under "Round 2 prob:" was a topic that came up in round
    one; "expect a scenario - a carer doesn't turn up for a double-up call" became a topic "carer"."""
    topics = _topics("- family complaint - decent answer, had the outcome\n\nRound 2 prob:\n"
                     '- probably a presentation? "first 90 days" - Priya hinted\n'
                     "- expect a scenario - a carer doesn't turn up for a double-up call at 7am and the other carer is "
                     "waiting\n")
    assert topics["first 90 days"].forewarned
    assert not topics["family complaint"].forewarned
    (scene,) = [name for name in topics if "carer" in name]
    assert scene.startswith("carer doesn't turn up") and topics[scene].forewarned


def test_feedback_by_phone_and_a_question_asked_of_a_topic_are_read():
    """ 'feedback from Leanne at the end (phone call after): "strong on the day-to-day, less convincing on leading managers
    / the bigger picture"' and "CQC - asked which key question I'd worry about most. said well-led. couldn't really say
    what evidence I'd show for it. not great" were "No topic read in"."""
    topics = _topics("- CQC - asked which key question I'd worry about most. said well-led. couldn't really say what "
                     "evidence I'd show for it. not great\n\n"
                     'feedback from Leanne at the end (phone call after): "strong on the day-to-day, less convincing on '
                     'leading managers / the bigger picture", also answers were long\n')
    assert topics["CQC"].went_badly
    assert topics["leading managers/the bigger picture"].went_badly
