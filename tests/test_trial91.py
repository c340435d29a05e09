"""Trial 91: an arable farm manager, a nuclear power station shift technician, a contact centre team leader, a gym duty
manager, and a school catering manager (a week of debrief, plans and practice). Shortened from the trials' own answers
and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

GAS = ("What would you do if an advisor on a billing call told you the customer had just mentioned they could smell gas in "
       "the house?")
DROWSY = ("What would you do if, in the middle of harvest with rain forecast for tomorrow, you found one of your drivers "
          "nodding off in the cab after several sixteen-hour days?")
CABLE = ("What would you do if a cleaner told you the cable on a cable crossover machine was fraying at six pm on your "
         "busiest evening, with a PT client booked on it?")


@pytest.mark.parametrize(("question", "unsafe", "sound", "kind"), [
    # the emergency line kept for a "really strong" smell, the bill finished first (93.3, strong)
    (GAS, "only if they said it was really strong would I tell them to call the emergency number.",
     "I'd get the advisor to tell them to call the emergency number straight away and get out of the house.",
     "escalation_delayed"),
    # ... and refused through the person told: "I wouldn't tell them to call an ambulance" read as the call made now
    (GAS, "I wouldn't tell them to call the emergency number, it's usually just the cooker.",
     "I'd tell them to call the emergency number now, before anything else.",
     "escalation_refused"),
    # a driver asleep at the wheel kept going on energy drinks (86.7, strong, above the plan that stood him down)
    (DROWSY, "I'd get him a coffee and a Red Bull and radio him every half hour to keep him awake.",
     "I'd stop him straight away, get him out of the cab and get someone to drive him home.",
     "work_goes_on"),
])
def test_an_unsafe_step_in_the_trades_words_is_read(question, unsafe, sound, kind):
    assert finding_kinds([unsafe.lower()], question) == [kind]
    assert finding_kinds([sound.lower()], question) == []


def test_an_urgent_call_out_is_escalating_now_so_a_handover_is_no_delay():
    """A fraying cable taken out of use, the contractor emailed for an urgent call out, "and tell the next duty manager at
    handover": read as escalating only at handover, 20 for a sound plan graded 5."""
    sound = ("i'd log it on the fault log, email the service contractor for an urgent call out, and tell the next duty "
             "manager at handover.")
    assert finding_kinds([sound], CABLE) == []
    assert finding_kinds(["i'd put a sign on it and tell the next duty manager at handover."], CABLE) == [
        "escalation_delayed"]


def test_the_risk_weighed_against_the_pressure_is_judgement_with_reasons():
    """ "someone falling asleep ... is how people get killed, and the rain doesn't change that": Judgement 2 of 4,
    "without reasons or trade-offs" (66.7 against the unsafe plan's 86.7)."""
    plan = ("I'd stop him straight away. {why}I'd get him out of the cab, get him home, not driving himself if he's that "
            "tired, I'd get someone to drop him. then I'd look at what I can actually do with the rest of the day, so I'd "
            "cut the operation down to what the rest of the team can do safely inside their hours, maybe the combine keeps "
            "going with one trailer and the dryer takes longer, or I ring the contractor or a neighbour for a driver. I'd "
            "tell the owner what I've done and why so he knows we might lose a day. and then the bigger thing, if he's done "
            "several sixteen hour days that's my fault as much as his, so I'd look at the rota for the rest of harvest, "
            "proper rest breaks, a max day, and I'd talk to the whole team so no one feels they have to push through to "
            "impress me. losing some quality to rain is money, losing a man is not something you come back from.")
    reasoned = plan.format(why="someone falling asleep driving a chaser bin or a combine next to a live crop is how people "
                               "get killed, and the rain doesn't change that. ")
    assert offline_card(DROWSY, reasoned).criterion("situational.judgement").score >= 3
    assert offline_card(DROWSY, plan.format(why="")).criterion("situational.judgement").score <= 2


@pytest.mark.parametrize(("question", "story", "twin"), [
    # a rating on the inspector's return (Result 1 of 4, "vague")
    ("Tell me about a time you improved food safety standards in a kitchen.",
     "Last year the council asked me to help a neighbouring school, Oakfield, after they got a 3 at their EHO inspection "
     "because their temperature records were patchy and their HACCP plan was out of date. I rewrote their HACCP plan with "
     "the cook there using our plan as the template, set up a daily probe check sheet for cooking, cooling and hot "
     "holding, and I trained her assistants on it myself. I checked their sheets every Friday and phoned if a day was "
     "missing. When the EHO came back in the spring they got a 5.",
     "Last year the council asked me to help a neighbouring school, Oakfield, after they got a 3 at their EHO inspection "
     "because their temperature records were patchy and their HACCP plan was out of date. I rewrote their HACCP plan with "
     "the cook there using our plan as the template, set up a daily probe check sheet for cooking, cooling and hot "
     "holding, and I trained her assistants on it myself. I checked their sheets every Friday and phoned if a day was "
     "missing. When the EHO came back in the spring they looked at the sheets."),
    # the harms that did not come, and a check added for every shift (Result 1 of 4)
    ("Tell me about a time you spotted a hazard on your rounds.",
     "on a night shift in February I noticed a steady drip of oil from a flange above a hot steam line. I stopped the "
     "round, put barrier tape up, called the control room and raised a priority two defect, and put a fire watch on it "
     "till maintenance came at six. no fire, no trip, and afterwards I got the flange added to the rounds sheet as a "
     "check point.",
     "on a night shift in February I noticed a steady drip of oil from a flange above a hot steam line. I stopped the "
     "round, put barrier tape up, called the control room and raised a priority two defect, and put a fire watch on it "
     "till maintenance came at six. then I finished the rest of the round."),
    # complaints about it gone, the scheme rolled out (Result 1 of 4)
    ("Tell me about a time you improved member retention.",
     "when I took over the evening team the thing members kept saying in the exit survey was nobody knows who I am. so I "
     "decided every new member would get a named coach and I built the rota so the same faces were on at the same times. "
     "the exit survey comments about being ignored pretty much disappeared, and the regional director asked me to roll it "
     "out to the other two clubs.",
     "when I took over the evening team the thing members kept saying in the exit survey was nobody knows who I am. so I "
     "decided every new member would get a named coach and I built the rota so the same faces were on at the same times. "
     "I also changed the induction and wrote them a programme."),
    # the customer kept, money refunded as the remedy (Result 1 of 4, "the outcome is a bad one")
    ("Tell me about a time you dealt with an angry customer.",
     "I refunded both payments and the fee on the spot, and followed up in writing the next day. then I found forty other "
     "members had been double charged, so I got the provider to refund them all within a week, and we retrained reception "
     "on what they can refund. he's still a member and he posted a five star review.",
     "a member complained to reception that his direct debit had been taken twice and then he'd been charged a late fee on "
     "top. he came back the next night shouting in the foyer. I took him into the office, listened, and checked the billing "
     "system with him there, and he was right, our provider had double run the collection. {end}"),
])
def test_a_result_told_in_the_trades_words_is_a_result(question, story, twin):
    if twin.endswith("{end}"):  # one story, two endings: the remedy given, or the money refunded as a loss
        story, twin = twin.format(end=story), twin.format(end="we had to refund forty members in the end, and he cancelled.")
    assert offline_card(question, story).criterion("star.result").score >= 3
    assert offline_card(question, twin).criterion("star.result").score <= 1


@pytest.mark.parametrize("ending", [
    # how the case was handled, not how it ended (Result 3 of 4 on a story that stops before its result)
    "I checked with HR whether it needed to be formal and we kept it informal because the cause was clearly training.",
    # ... and a condition (Result 3 of 4 on a near miss that never says what came of it)
    "I also reviewed the induction for new starters so hitching is done with me watching before they're signed off.",
])
def test_a_story_that_stops_before_its_result_has_no_result(ending):
    question = "Tell me about a time you dealt with a safety or performance problem in your team."
    story = ("one of my team, about six months in, had failed two checks in a month. I set up a one to one, asked how "
             "things were, and it came out she'd been moved onto new work with no real training. I agreed an improvement "
             "plan with her and buddied her with one of my best people for a week. ")
    assert offline_card(question, story + ending).criterion("star.result").score <= 1


def test_a_complaint_that_landed_with_me_is_my_responsibility():
    question = "Tell me about a time you resolved a complaint that was heading to the Ombudsman."
    story = ("a customer had been billed on estimates for over a year, then got a catch up bill, and on her third call she "
             "said she was going to the Ombudsman. the complaint landed with {who}. I rang her back that afternoon, got the "
             "older part written off under back billing and set up a payment plan. she withdrew the Ombudsman threat.")
    assert offline_card(question, story.format(who="me")).criterion("star.task").score >= 3
    assert offline_card(question, story.format(who="the team")).criterion("star.task").score <= 1


@pytest.mark.parametrize(("question", "off_topic", "on_topic"), [
    # a new apprentice's training told for an underperformer (92, relevance 4)
    ("Tell me about a time you dealt with a member of your team who was underperforming.",
     "we took on a new apprentice from the college, no farm background. I was responsible for his training plan. I got him "
     "through his spraying certificates in three months, did weekly one to ones with him and let him run the grain store "
     "sampling under supervision. by the end of the year he was running the sprayer on his own.",
     "one of my drivers kept missing the drilling targets and leaving headlands unfinished. I sat him down privately and "
     "it came out his back was bad. I moved him to the grain store for a month and we agreed weekly targets. by harvest he "
     "was back on the drill and hitting his numbers."),
    # one advisor's handling time coached down, told for vulnerable customers on the register (95, relevance 4)
    ("How do you make sure your advisors spot and record vulnerable customers on the Priority Services Register?",
     "one of my advisors had really high handling time, around ten minutes against seven and a half. I sat with him for a "
     "morning and showed him the note templates, set him a target of eight and a half minutes and we did a one to one "
     "every week. within six weeks he was at seven minutes twenty.",
     "every call we listen to is scored on whether the advisor picked up the signs, someone on medical equipment, a "
     "hearing problem, a recent bereavement, and whether they offered the register. I listen to five calls per advisor a "
     "week, and last month that caught a customer on oxygen who hadn't been flagged."),
])
def test_a_good_story_that_answers_another_question_is_off_topic(question, off_topic, on_topic):
    assert offline_card(question, off_topic).overall <= 35
    assert offline_card(question, on_topic).criterion("specificity.relevance").score >= 3


def test_a_plan_told_in_customer_service_platitudes_is_no_plan():
    """ "putting the customer at the heart of everything we do ... showed real empathy ... a great outcome ... in line
    with our values": 53.3 for a newborn with no heating (graded 1)."""
    question = ("What would you do if a prepayment customer rang to say they had run out of credit, had no heating and had "
                "a newborn baby at home?")
    empty = ("for me, with any customer in a difficult situation, it's really about putting the customer at the heart of "
             "everything we do. I'd make sure my advisor showed real empathy and took ownership of the situation, and that "
             "we delivered a great outcome for the customer in line with our values. I'd make sure we treated them fairly "
             "and followed the right process for customers in vulnerable circumstances, and that everyone involved "
             "communicated clearly. um afterwards I'd want to reflect on it with the team and look at what we can learn as "
             "an organisation, because every situation is different and it's about continuous improvement really")
    concrete = ("I'd get the advisor to add emergency credit on the call straight away and put the customer on the "
                "Priority Services Register with the baby noted. then I'd check their debt rate and set it to the minimum, "
                "and I'd ring them back myself the same day to make sure the heating was on.")
    assert offline_card(question, empty).overall <= 35
    assert offline_card(question, concrete).overall >= 60


@pytest.mark.parametrize(("question", "kind"), [
    # (an arable farm manager's: read as a past story, the right answer 14)
    ("What moisture and temperature targets would you work to when drying and storing milling wheat, and why?",
     "technical"),
    # (a school catering manager's: read as approach, the wrong answer 60 "solid" with no caveat)
    ("How often must oily fish be on a primary school menu under the school food standards, and how do you check your "
     "menus comply?", "technical"),
    ("How often do you meet your staff?", "approach"),
])
def test_a_question_is_judged_as_its_kind(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind
    assert classify("How often should your team be given feedback?") != "technical"


def test_a_reply_giving_the_scale_asked_for_is_not_judged_on_a_result():
    """ "Can you put a number on that: how much time, money, or how many people did it affect?" answered "three hundred
    and twenty children ... over five days ... ninety pounds": 28, weak, for "a vague outcome"."""
    from mockint.coaching.plan import followup_template_criteria
    from mockint.scoring.rubrics import load_rubrics

    asked = ('You said "We worked with the PE department on a healthy eating week". Can you put a number on that: how much '
             'time, money, or how many people did it affect?')
    measured = 'You said "we cut it to forty". How did you measure that, and what was the figure before you started?'
    assert followup_template_criteria(asked, load_rubrics()) == ["specificity.quantified_impact"]
    assert "star.result" in followup_template_criteria(measured, load_rubrics())
    from mockint.records import QuestionRef

    reply = ("It was about three hundred and twenty children across Key Stage 2, over five days in June. I planned a tasting "
             "table every lunchtime with the PE lead, and I costed it at ninety pounds from my own budget.")
    ref = QuestionRef(id="custom", text=asked, category="custom", criteria=followup_template_criteria(asked, load_rubrics()))
    card = offline_card(ref, reply)
    assert [f"{c.rubric}.{c.criterion}" for c in card.criteria if c.applies] == ["specificity.quantified_impact"]
    assert card.overall >= 40  # "developing", where its vague result made it 28, weak


# --- the school catering manager's week ----------------------------------------------------------------------------


def _topics(notes: str) -> dict:
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    return {t.name: t for t in parse_debrief(f"Round 1 - Area Catering Manager\n{notes}", load_bank()).topics}


def test_a_topic_named_with_when_it_is_needed_is_read():
    """ "staffing cover across sites when people off sick - didn't really have an answer" went under "No topic read in"
    (her biggest gap)."""
    topics = _topics("- staffing cover across sites when people off sick - didn't really have an answer\n")
    assert topics["staffing cover across sites when people off sick"].went_badly
    assert list(_topics("- budgets when she pushed on it - weak\n")) != ["budgets when she pushed on it"]


def test_a_topic_is_read_whole():
    """ "on temperature records going digital" was cut to "temperature records going", "a complaint from a parent and a
    head teacher at the same time" split into a second concern "head teacher at the same time", and "managing poor
    performance, the cook who was always late" made two concerns of one."""
    topics = _topics("Expect questions on HACCP across multiple sites, on temperature records going digital, and on why I "
                     "want to leave the kitchen\n"
                     "They want more on how I'd handle a complaint from a parent and a head teacher at the same time\n"
                     "- Dave asked about managing poor performance, the cook who was always late - I fumbled it\n")
    assert "temperature records going digital" in topics
    assert [name for name in topics if "head teacher" in name] == [
        "complaint from a parent and head teacher at the same time"]
    assert "managing poor performance" in topics
    assert not [name for name in topics if "cook" in name]


def test_how_often_a_topic_was_asked_is_read_from_its_own_sentence():
    """ "Mrs Okonjo kept coming back to budgets. ... she asked 3 times." read as "came back to it 2 times"."""
    topics = _topics("- Mrs Okonjo kept coming back to budgets. food cost per meal, how I'd cost a menu across 12 sites. "
                     "she asked 3 times.\n")
    assert topics["budgets"].mentions == 3
    assert _topics("- budgets. she asked twice.\n")["budgets"].mentions == 2
