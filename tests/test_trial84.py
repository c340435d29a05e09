"""Trial 84: a recycling facility shift manager, a casino floor manager, a distillery production lead, a fostering
supervising social worker, and a parking services team leader (a week of debrief, plans and practice). Shortened from
the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import finding_kinds, offline_card

# --- the parking services team leader ------------------------------------------------------------------------------


def _topics(notes: str) -> dict:
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    return {t.name: t for t in parse_debrief(f"Round 1 - Parking Services Manager\n{notes}", load_bank()).topics}


def test_what_they_will_want_to_hear_is_what_round_two_asks_and_a_plan_for_it():
    """ "Mark said they'll want to hear how I'd handle a councillor complaint about enforcement in their ward": the plan
    said "One answer fell flat in round one" of a question never asked, and asked for a past story."""
    from mockint.scoring.kinds import classify_topic

    line = "Mark said they'll want to hear how I'd handle a councillor complaint about enforcement in their ward."
    (topic,) = _topics(f"{line}\n").values()
    assert (topic.name, topic.reason, topic.went_badly) == (
        "councillor complaint about enforcement in their ward", "forewarned", False)
    assert classify_topic(topic.name, [line]) == "situational"
    assert _topics("- they wanted to hear more about budgets\n")["budgets"].reason == "fell_flat"


def test_a_doubt_that_the_candidate_has_done_it_is_a_concern():
    """HR's "we weren't sure you've managed a contract at this scale" was listed as "No topic read in"."""
    topics = _topics('Feedback from HR: "good operational knowledge, but we weren\'t sure you\'ve managed a contract at '
                     'this scale"\n')
    assert topics["managing a contract at this scale"].went_badly


def test_what_a_rule_allows_is_knowledge_and_the_first_90_days_a_plan():
    """ "blanked on what the surplus can legally be spent on" and "a presentation on the first 90 days" were both asked
    for "one specific example" (her 30/60/90 plan judged on its Result, 50)."""
    from mockint.scoring.kinds import classify_topic

    assert classify_topic("budget", ["- budget: they asked about the surplus and the parking account - blanked on what "
                                     "the surplus can legally be spent on."]) == "technical"
    assert classify_topic("budget", ["- budget: they asked about the surplus - I waffled."]) == "behavioural"
    assert classify_topic("first 90 days", ["Round two: a presentation on the first 90 days, then questions."]) == \
        "situational"


TRIBUNAL = ("One answer fell flat in round one: tribunal. Let's try it again: one real example, what you did, and the "
            "outcome.")


def test_a_loss_rate_that_fell_is_a_result_not_a_disaster():
    """ "the percentage of appeals we lost fell from 58 to 31 percent ... cancelling the weak ones earlier" was gated at
    22 as a disaster stood by (93.8 without "lost" and "cancelling")."""
    from mockint.scoring.offline import harms_named

    story = ("In 2022 we were losing 58 percent of the appeals that went to the Traffic Penalty Tribunal. I was asked to "
             "own appeals performance. I introduced a checklist for the evidence pack, and I personally reviewed every "
             "case before it went to the adjudicator for three months, cancelling the weak ones earlier. Within a year "
             "the percentage of appeals we lost fell from 58 to 31 percent.")
    assert offline_card(TRIBUNAL, story).overall >= 80
    assert harms_named("within a year the percentage of appeals we lost fell from 58 to 31 percent.") == []
    assert harms_named("within a year we lost 31 percent of our appeals.") != []
    assert harms_named("the council cancelling the contract was the end of it.") != []


# --- scenario plans ------------------------------------------------------------------------------------------------

VAPOUR = ("What would you do if, halfway through a spirit run, an operator told you there was a strong smell of spirit "
          "vapour around the spirit still?")


def test_the_cooling_kept_running_is_the_safe_step_not_work_going_on():
    """ "I'd get the steam off the spirit still straight away ... keep the condenser water running, and get everyone out"
    was capped at 20 as work carried on in spite of the danger."""
    danger = "it could be a dangerous occurrence, so I'd treat it as real."
    assert finding_kinds([danger, "I'd get the steam off the spirit still straight away so it stops producing vapour, "
                                  "keep the condenser water running, and get everyone out of the still house."], VAPOUR) == []
    assert finding_kinds([danger, "I'd keep the spirit still running and get someone to find the leak."], VAPOUR) == [
        "work_goes_on"]


LIMIT = ("What would you do if a regular player who has been losing heavily told the dealer he has just remortgaged his "
         "house and asked you to raise his table limit?")


def test_an_account_flagged_now_is_an_escalation_made_now():
    """The model safer-gambling plan "log the interaction, flag the account so nobody else on the floor raises his limit,
    and tell the compliance manager in the morning" was held at 20 for the morning alone."""
    told = "Then I'd log the interaction, {flag}tell the compliance manager in the morning."
    assert finding_kinds([told.format(flag="flag the account so nobody else on the floor raises his limit, and ")],
                         LIMIT) == []
    assert finding_kinds([told.format(flag="")], LIMIT) == ["escalation_delayed"]


# --- the question asked ----------------------------------------------------------------------------------------------


def test_the_trades_terms_to_explain_are_a_knowledge_question():
    """ "Explain foreshots, hearts and feints, and how you decide the cut points" read as a past story: the right answer
    40, a wrong answer to another question 50."""
    from mockint.scoring.kinds import classify

    assert classify("Explain foreshots, hearts and feints, and how you decide the cut points on the spirit still.") == \
        "technical"
    assert classify("Explain a time you had to change your plans at short notice.") == "behavioural"


BALER = ("Right so the one that comes to mind is when our baler went down on a Friday afternoon, the hydraulic ram seal "
         "went, and we had about eighty tonnes of cardboard backing up on the floor. I rang the baler service company and "
         "they couldn't get an engineer out till Monday. So I made the call to hire in a mobile baler for the weekend, got "
         "it approved by the site manager over the phone, and I reorganised the shift so the shovel driver was feeding "
         "it. We got through the weekend without turning any lorries away, and on Monday the engineer fixed the seal in "
         "about four hours.")


def test_a_machine_story_does_not_answer_a_people_issue():
    """A baler breakdown told for "a difficult people issue with agency pickers" scored 95, "answers exactly the question
    asked"."""
    assert offline_card("Tell me about a time you had to deal with a difficult people issue with agency pickers.",
                        BALER).overall <= 25
    assert offline_card("Tell me about a time a key piece of equipment broke down on your shift.", BALER).overall >= 70


def test_loads_rejected_by_the_mill_told_proudly_are_a_disaster_stood_by():
    """ "the paper bales did go from about four percent contamination to about eleven percent, and we had a few loads
    rejected by the mill ... I'd do it again" scored 83, strong."""
    question = "Tell me about a time you improved throughput on your line."
    story = ("When I took over the day shift the line was running at eighteen tonnes an hour. I got the engineers to turn "
             "the infeed belt speed up and I took two pickers off the QC station. Within a month we were running at "
             "twenty four tonnes an hour. {end}")
    proud = story.format(end="The bales did go from four percent contamination to eleven percent, and we had a few loads "
                             "rejected by the mill, but the tonnes were well up, and I'd do it again.")
    assert offline_card(question, proud).overall <= 25
    assert offline_card(question, story.format(end="Contamination stayed at four percent.")).overall >= 60
