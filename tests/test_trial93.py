"""Trial 93: a fleet workshop foreman, a ward sister, a hotel housekeeping manager, a water treatment technician, and a
school business manager (a week of debrief, plans and practice). Shortened from the trials' own answers and notes; each
misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

STAFFING = ("What would you do if you came on shift to find two registered nurses for twenty-eight patients and no cover "
            "available?")


def test_telling_someone_not_to_escalate_is_refusing_to():
    """ "I'd tell the nurse in charge not to bother ringing the site team": read as escalating to the nurse in charge now,
    which redeemed "I wouldn't Datix it" (93.3, strong, the refusal quoted as Judgement 4 of 4)."""
    assert finding_kinds(["i'd tell the nurse in charge not to bother ringing the site team."], STAFFING) == [
        "escalation_refused"]
    assert finding_kinds(["i'd tell the nurse in charge to ring the site team now."], STAFFING) == []


def test_approval_withheld_is_no_check_skipped():
    """ "the revenue manager wasn't happy about it, but I told the GM I wouldn't sign them off" of seven rooms below
    standard: "skips a safety check ... unsafe", Action 0 on the answer's best sentence (50)."""
    question = "Tell me about a time you handled a serious guest complaint about the cleanliness of a room."
    assert finding_kinds(["i told the gm i wouldn't sign them off."], question) == []
    assert finding_kinds(["i wouldn't bother signing them off."], question) == ["check_skipped"]


@pytest.mark.parametrize(("question", "off_topic", "on_topic"), [
    # a buddy system for new starters told for a room attendant who was not performing (76, relevance 4)
    ("Describe a time you had to deal with a room attendant who was not performing.",
     "so I'll tell you about when I introduced a buddy system for new starters. new room attendants were leaving in the "
     "first month, so every new starter is paired with an experienced attendant for two weeks, and I got the GM to agree a "
     "fifty pound bonus for the buddy when the new starter passes probation. first month leavers went from one in three to "
     "one in ten.",
     "one of my attendants was leaving rooms below standard, hair in the bath and bins not emptied, and failing about a "
     "third of my inspections. I sat down with her privately and it turned out she was rushing to finish by two for her "
     "childcare. I moved her to an earlier start and checked her rooms every day for two weeks. within a month she was "
     "passing nearly every inspection."),
    # a clarifier's sludge blanket traced through SCADA trends, told for a colleague not following procedure (91)
    ("Tell me about a time you had to deal with a colleague who was not following procedure.",
     "the number two clarifier sludge blanket kept rising every afternoon and nobody could work out why. I pulled three "
     "weeks of SCADA trends and spotted that it lined up with the raw water pump changeover, so I worked with the control "
     "engineer to ramp the changeover over ten minutes. after that the blanket stayed stable and filter runs went from "
     "thirty hours back to nearly fifty.",
     "one of the technicians kept taking samples without flushing the tap first, so his results were all over the place. "
     "I took him aside, asked him to talk me through how he did it, and went through the sampling procedure with him. I "
     "checked his next ten samples myself and his results came back in line with everyone else's."),
])
def test_a_good_story_that_answers_another_question_is_off_topic(question, off_topic, on_topic):
    assert offline_card(question, off_topic).overall <= 35
    assert offline_card(question, on_topic).criterion("specificity.relevance").score >= 3


def test_a_step_left_undone_answers_cutting_corners_without_saying_so():
    """Wheel nut torque "wasn't being done properly" and a wheel nut come loose, told for a technician cutting corners on
    safety: 20, "never gets to safety" (58 with one clause naming it); a tyre sales story still does not answer."""
    question = "Tell me about a time you dealt with a technician who was cutting corners on safety."
    torque = ("we found that wheel nut torque wasn't being done properly after tyre changes, because we had a wheel nut come "
              "loose on a trailer at a customer site. the decision I made was that no vehicle leaves our yard after a wheel "
              "off until I or a chargehand has witnessed the torque with the calibrated wrench and signed the re torque "
              "card. we never had another wheel loss after that.")
    sales = ("I won the Clarke's Vans fleet account: thirty two Transits going to a main dealer for tyres. I went to see their "
             "transport manager with a proposal to do the tyres on site on a Sunday, fixed price per corner, and after a "
             "three month trial they signed a two year contract worth forty thousand a year.")
    assert offline_card(question, torque).criterion("specificity.relevance").score >= 3
    # ... nor, by its tyres, health and safety (a fast-fit manager's sales story, 20, until tyres read as safety)
    assert offline_card("How do you make sure health and safety standards are kept up in a busy fast-fit centre?",
                        sales).overall <= 35


def test_turbidity_that_rose_told_proudly_is_a_bad_outcome():
    """Filters run into breakthrough, "turbidity went from point three up to about one point eight NTU ... but we kept
    going", told as "one I'm really proud of": 78, solid."""
    question = "Tell me about a time you kept the works running under pressure."
    story = ("so this is one I'm really proud of actually. we had a big algal bloom and the filters were blinding every few "
             "hours. I made the call to keep every filter in service and run them longer between backwashes to keep the "
             "output up. we ran like that for about nine hours and the filtered water turbidity went from {before} to about "
             "{after} NTU, and we kept supplying the full forty megalitres a day.")
    assert offline_card(question, story.format(before="point three up", after="one point eight")).overall <= 40
    assert offline_card(question, story.format(before="one point eight down", after="point three")).overall > 40


def test_a_plan_of_three_short_sentences_is_no_full_marks_plan():
    """ "I would raise it with the head straight away. I'd say it's not ideal and we need the DBS back. Then I'd follow it
    up." (25 words): Concrete plan 4 of 4, "a clear, realistic sequence ... how the candidate would check it worked"."""
    question = "What would you do if a head appointed someone before their DBS check came back?"
    short = "I would raise it with the head straight away. I'd say it's not ideal and we need the DBS back. Then I'd follow it up."
    full = ("I'd raise it with the head straight away and make sure the person has no unsupervised contact with children until "
            "the DBS is back. I'd do the barred list check today, write a risk assessment the head signs, mark the single "
            "central record as pending, tell the DSL and the chair of governors, and chase the DBS every day until it comes "
            "back clear.")
    from mockint.scoring.offline import brevity_ceiling

    assert offline_card(question, short).criterion("situational.plan").score <= 3
    assert offline_card(question, full).criterion("situational.plan").score >= 3
    assert [brevity_ceiling("situational.plan", n) for n in (19, 25, 34, 35)] == [1, 3, 3, None]


# --- the school business manager's week ---------------------------------------------------------------------------


def _debrief(notes: str):
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    return parse_debrief(f"Round 1 - Trust Business Manager\n{notes}", load_bank())


def _topics(notes: str) -> dict:
    return {t.name: t for t in _debrief(notes).topics}


def test_what_round_two_will_ask_is_read_under_its_labels():
    """ "Expect: reserves/GAG pooling, central services / top-slice, ..., VFM" was dropped ("Expect:" read as a speaker's
    name), and "Round 2 they said: presentation ... + panel with 2 heads + a finance in-tray exercise" was one topic."""
    topics = _topics("Round 2 they said: presentation (10 mins) on \"first 100 days\" + panel with 2 heads + a finance "
                     "in-tray exercise\n"
                     "Expect: reserves/GAG pooling, central services / top-slice, managing change with school office staff, "
                     "VFM\n")
    assert {"first 100 days", "panel with 2 heads", "finance in-tray exercise", "reserves/GAG pooling", "VFM"} <= set(topics)
    assert all(topic.forewarned for topic in topics.values())


def test_the_candidates_own_questions_are_not_questions_asked():
    debrief = _debrief("Ask them: is the central team growing? who does payroll?\n"
                       "Questions they asked: why this trust?\n")
    assert debrief.questions_asked == ["why this trust?"]


def test_a_line_says_how_it_went_and_what_it_was_about():
    """ "CFO-type q on budgets: ..." named the concern "CFO-type q on budgets"; "before the DBS came back" read as asked
    twice; "I only talked about my one site" and "was too small scale I think" read as going fine."""
    topics = _topics("- CFO-type q on budgets: \"how would you consolidate 5 school budgets\" - honestly struggled\n"
                     "- safer recruitment: Lisa asked what I'd do if a head appointed someone before the DBS came back. I "
                     "said I'd raise it but didn't say what I'd actually do. Weak.\n"
                     "- Procurement: asked about trust-wide contracts (catering, cleaning) + thresholds/tendering. I gave "
                     "the photocopier lease story, was too small scale I think\n")
    assert topics["budgets"].went_badly
    assert topics["safer recruitment"].mentions == 1
    assert topics["trust-wide contracts"].went_badly


def test_a_term_not_understood_is_retried_as_knowledge():
    """ "GAG pooling - blanked. didn't know what they meant at first. NEED to read up on ESFA academy trust handbook":
    drilled as "one real example, what you did, and the outcome"."""
    from mockint.coaching.debrief import classify_topic

    line = "- GAG pooling - blanked. didn't know what they meant at first. NEED to read up on the academy trust handbook"
    assert classify_topic("GAG pooling", [line]) == "technical"
    assert classify_topic("GAG pooling", ["- GAG pooling - blanked, no example"]) != "technical"
