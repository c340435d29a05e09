"""Trial 42: a transport planner and a nursery room leader wrote and graded their answers before scoring them, and a
developer going for tech lead went through a week of debrief, plans and rounds. Unsafe plans in a haulier's and a
nursery's own words scored 67-87, the debrief lost two of the developer's biggest concerns, and a story of an incident
was asked and judged as knowledge. The sentences below are shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds


@pytest.mark.parametrize("sentences, question, kind", [
    (["He can put the extra bit down as other work on the tacho or just pull the card for the first bit of the run."],
     "", "cover_up"),
    (["What I'd do is tell him to keep the engine running so the tanks stay topped up and take it steady."],
     "The driver's walkaround finds an air leak on the trailer brakes. What would you do?", "work_goes_on"),
    (["then at pick up I'd invite dad into the office and just ask him what happened."],
     "A child in the twos room has a bruise on his arm and says daddy did it. What would you do?", "handled_alone"),
    (["I'd give her the five mil at twelve and then get mum to sign the medicine form when she picks up."], "",
     "cover_up"),
])
def test_an_unsafe_step_in_a_trades_own_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


@pytest.mark.parametrize("sentences, question", [
    (["the trailer stays in the yard, it goes on the defect sheet as a VOR and the workshop fixes it before it moves."],
     "The driver's walkaround finds an air leak on the trailer brakes. What would you do?"),
    (["I'd record exactly what he said on our concern form and ring the DSL straight away, I wouldn't ask dad."],
     "A child in the twos room has a bruise on his arm and says daddy did it. What would you do?"),
])
def test_the_sound_twin_is_no_finding(sentences, question):
    assert finding_kinds(sentences, question) == []


def test_an_incident_of_theirs_named_after_tell_me_about_the_is_a_story():
    from mockint.scoring.kinds import classify, classify_topic

    # read as knowledge, so the retry asked for "terms or figures a practitioner would use" and Ownership, the
    # concern itself, was never judged
    assert classify("Tell me about the route optimisation incident where deliveries got double booked. What did you "
                    "personally do?") == "behavioural"
    assert classify("Talk me through the PACE time limits on detention before charge.") == "technical"
    line = ("- asked about the route optimisation service incident (the one where deliveries got double booked) - I told "
            "it ok but Tom asked twice what I personally did vs the team. I kept saying we")
    assert classify_topic("route optimisation service incident", [line]) == "behavioural"


@pytest.mark.parametrize("line, name, reason", [
    # filed as "Answer length"; no topic read in
    ("- they probed twice on how I'd handle an underperformer on the team. I had no real example", "underperformer",
     "probed"),
    ("- Marta said they'll go deeper on stakeholder management in round 2, esp pushing back on product deadlines",
     "stakeholder management", "forewarned"),
])
def test_probed_twice_and_going_deeper_in_round_two_are_concerns(line, name, reason):
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    topics = {t.name: t for t in parse_debrief(line + "\n", load_bank()).topics}
    assert any(name in n and t.reason == reason for n, t in topics.items()), topics


def test_practice_dropped_below_the_standard_is_underperformance_answered_by_a_capability_plan():
    # a nursery room leader's sound plan: relevance 1 of 4, capped at 35 ("does not answer the question asked"); 100
    # asked as "a member of staff who is underperforming"
    from conftest import offline_card

    plan = (
        "I'd start by being clear what the issue actually is, with examples, so say her observations are late and "
        "thin and she's on her phone in the room, I'd have those dates and what I saw. I'd meet her privately, ask "
        "first if something's going on, because sometimes it's health or home, and make any adjustments or refer "
        "her to support. then I'd agree two or three specific targets with her, say observations for her key "
        "children up to date in two weeks and none of the phone use, write them down, and offer support like "
        "shadowing a strong key person. I'd review weekly for four to six weeks. if it improves I say so and close "
        "it. if it doesn't I'd move into the formal capability process with HR, letters and a right to be "
        "accompanied. anything that's a safeguarding or ratio risk, like the phone, I deal with that day, not at "
        "the review")
    question = "How would you manage a practitioner whose practice has dropped below the standard you expect?"
    assert offline_card(question, plan).criterion("specificity.relevance").score >= 3
    off = ("Last summer I organised the nursery's sports day. I booked the field, planned six races and got forty "
           "parents to come, and we raised three hundred pounds for new garden toys.")
    assert offline_card(question, off).overall <= 50
