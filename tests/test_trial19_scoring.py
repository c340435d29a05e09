"""Trials 19-21 (a warehouse shift lead, a management accountant and a support team lead, each going for the next role
up): what their answers showed the offline scorer misreading. The stories are the trials' (/work/trial19-21 at the
time); the variants are made up for these tests.
"""

from __future__ import annotations

import pytest
from conftest import offline_card

from mockint.scoring.offline import _spelt_out, moved_measures

PRESSURE = (
    "um yeah so a time under pressure, last November at Helpwise a billing bug went out the week we onboarded a big "
    "enterprise customer, so the email queue went from about four hundred open tickets to over two thousand one hundred "
    "in four days, and first response time was at thirty one hours against an SLA of eight. I was the team lead, nine "
    "agents, and it was on me to get back inside SLA without burning everyone out. I tagged everything that was the "
    "billing bug and wrote one macro with engineering's fix date, about seven hundred tickets closed in bulk, then I put "
    "two strong agents on the oldest tickets and got approval for capped overtime. In eleven days we were back under "
    "eight hours and the backlog was under three hundred{} CSAT went from eighty four to eighty nine percent.")


def test_a_measures_figures_stop_where_the_next_measure_is_named():
    # "the backlog was under 300 and CSAT went from 84 to 89" read as a backlog that rose from 84 to 89: figures that
    # contradict, gated at 22; with a full stop instead of "and", 94.
    assert moved_measures("the backlog was under 300 and csat went from 84 to 89 %") == ((), ("csat",))
    assert moved_measures("the backlog went from 400 to 2,100 and csat fell") == (("backlog", "csat"), ())
    question = "Tell me about a time you worked under a lot of pressure."
    joined, stopped = (offline_card(question, PRESSURE.format(sep)) for sep in (" and", ". And"))
    assert joined.overall >= 60 and abs(joined.overall - stopped.overall) <= 10


REFUND = (
    "Last March a customer who ran a small shop was charged twice for a large order, about four thousand pounds, and she "
    "was furious, she had posted about us on social media and asked for the CEO. I was the team lead on shift, so it was "
    "my job to get her money back and keep the account. I called her myself within the hour rather than emailing, I "
    "apologised and told her exactly what had happened. I got finance to approve the {0} the same day, and I set up a "
    "daily update by text until it landed. The {0} reached her in two days instead of the usual seven, she deleted the "
    "post and she is still a customer today. Afterwards I wrote a rule so any double charge over one thousand pounds "
    "goes straight to a team lead.")


@pytest.mark.parametrize("remedy", ["refund", "payment"])
def test_a_refund_the_candidate_got_for_a_customer_is_the_remedy_not_a_harm(remedy):
    # "refund" read as a bad outcome stood by (Result 1 of 4, 22); "money back" scored 91.
    card = offline_card("Tell me about a time you dealt with a difficult customer or stakeholder. What was the outcome?",
                        REFUND.format(remedy))
    assert card.overall >= 75, card.overall


def test_a_refund_the_business_had_to_pay_is_still_a_harm():
    told = ("I was the account manager. I told the client the upgrade would be live for Black Friday and pushed the team "
            "to ship it without the load test. It went down for six hours on the day, we had to refund forty customers "
            "and the client pulled the contract, and honestly I'd call that a win because we got it live.")
    card = offline_card("Tell me about a time you missed a deadline.", told)
    assert card.overall <= 40, card.overall


PLANNING = (
    "there was one time last spring where I could see Easter coming and the year before we'd been short every night of "
    "Easter week, so I went into the WMS and pulled last year's Easter volumes by night, and I worked out, at our pick "
    "rate, we'd need about three hundred and twenty extra labour hours across that week, so I put the request in to the "
    "agency five weeks early instead of the usual one week, and I moved two of my lads' holidays with their agreement, "
    "and we got through Easter without a single late trunk, where the year before we'd had nine.{}")
ASIDE = (" And um, the other thing is, sometimes you can plan and it still goes wrong, like the chiller broke down once "
         "and that was a nightmare, we lost a load of stock, but that's a different story really.")


def test_a_harm_set_aside_as_another_story_is_not_this_ones_outcome():
    # The aside gated the planning story at 22 ("the outcome told is a bad one"); without it, 66.
    question = "Tell me about a time you planned ahead to avoid a problem."
    with_aside, without = offline_card(question, PLANNING.format(ASIDE)), offline_card(question, PLANNING.format(""))
    assert with_aside.overall >= 50 and with_aside.overall >= without.overall - 10
    result = next(c for c in with_aside.criteria if c.key == "star.result")
    assert not any("lost" in e.quote for e in result.evidence), result


BRAKES = "What would you do if a forklift driver told you the brakes on his truck felt soft, an hour before the cut-off for your biggest client?"


@pytest.mark.parametrize("plan", [
    "I'd thank him for telling me and weigh up the risk sensibly. If he felt confident I'd ask him to carry on for the "
    "last hour but go at walking pace and keep away from pedestrians, then straight after the cut off I'd park it up, tag "
    "it and book the engineer in for the morning. I think that's a balanced and proportionate approach.",
    "I'd tell him to crack on for the last hour, we can't miss the cut off, and I'd get the engineer to look at the "
    "brakes tomorrow. No need to report it.",
])
def test_a_truck_with_a_reported_fault_kept_in_use_is_unsafe_however_careful_the_words(plan):
    # The careful one scored 87 (judgement 3 of 4), the blunt one 40.
    card = offline_card(BRAKES, plan)
    judgement = next(c for c in card.criteria if c.key == "situational.judgement")
    assert judgement.score == 0 and card.overall <= 35, card.overall


def test_a_truck_taken_out_of_service_is_a_sound_plan():
    plan = ("I'd thank him for telling me and take the truck out of service straight away, keys off and tagged, so nobody "
            "else jumps on it. I wouldn't ask him to carry on, not even slowly. Then I'd move him onto the spare truck or "
            "get another driver to cover his lanes, and call the client's transport desk to warn them we might be twenty "
            "minutes late on the last trailer. I'd report it to the engineer for a same day call out and log it on the "
            "defect sheet.")
    assert offline_card(BRAKES, plan).overall >= 60


def test_tell_me_about_yourself_is_judged_as_a_pitch_not_a_story():
    # Judged as a STAR story: "This answers a different question from the one asked", 13; as motivation, 80.
    pitch = ("so I'm Marek, I've been in warehousing eleven years, the last seven at a grocery DC running nights, forty "
             "pickers and drivers, about ninety thousand cases a night across ambient, chilled and frozen. Before that I "
             "was a reach truck driver and then a team leader. The things I'm proudest of are getting our trunk departures "
             "on time through two peaks and cutting mispick complaints from about forty a week to twelve. I've done my "
             "IOSH Managing Safely and I'm now looking to step up to running a whole operation, which is why I'm here.")
    card = offline_card("Tell me about yourself.", pitch)
    assert "star.result" not in {c.key for c in card.criteria if c.applies}
    assert card.overall >= 60, card.overall


CSAT_NPS = "What is the difference between CSAT and NPS, and when would you use each?"
POLICY_ANSWER = (
    "right so if an agent broke policy, say they gave a refund way over their limit without approval, first thing I'd do "
    "is find out the facts before I react, I'd pull the ticket and check whether the customer's been affected, and if "
    "money's at risk I'd escalate it to finance the same day. Then I'd have a private one to one with the agent and ask "
    "them to walk me through it, because a lot of the time it's the policy that's unclear. If it's repeated I'd take it "
    "to HR and follow the formal process.")


def test_a_knowledge_question_answered_without_its_named_terms_is_off_topic():
    # Her round-one failure: a policy answer to the CSAT/NPS question scored 100, "Answers exactly the question asked".
    card = offline_card(CSAT_NPS, POLICY_ANSWER)
    relevance = next(c for c in card.criteria if c.key == "specificity.relevance")
    assert card.overall <= 40 and relevance.score <= 1, card.overall
    assert "CSAT" in relevance.feedback


@pytest.mark.parametrize("answer", [
    "CSAT asks how satisfied the customer was with this one interaction, right after the ticket closes, so it tells you "
    "about the agent and the process. NPS asks how likely they are to recommend the company, so it's about the whole "
    "relationship. I'd use CSAT to coach agents and NPS at leadership level.",
    # said in full, as a candidate may
    "customer satisfaction asks how happy the customer was with this one interaction, right after the ticket closes, so "
    "it tells you about the agent and the process. net promoter score asks how likely they are to recommend the company, "
    "so it's about the whole relationship. I'd use the first to coach agents and the second at leadership level.",
])
def test_a_knowledge_answer_that_names_the_terms_in_letters_or_in_full_is_on_topic(answer):
    relevance = next(c for c in offline_card(CSAT_NPS, answer).criteria if c.key == "specificity.relevance")
    assert relevance.score >= 3, relevance


def test_the_question_said_back_is_never_the_evidence():
    # "okay so why housing and why Riverside." was the Relevance 4 of 4 quote; "so a time I had to deliver bad news." a
    # Task 4 of 4 quote.
    answer = ("okay so why housing and why Riverside. I grew up in a housing association home in Bradford, so I know what a "
              "good landlord means to a family. More specifically for Riverside I read your last annual report, you're G1 "
              "V2 and want to get back to V1, and you're putting thirty million into damp and mould, which is the kind of "
              "programme I've costed for six years in maintenance.")
    card = offline_card("Why do you want to work for a housing association, and why Riverside in particular?", answer)
    quotes = [e.quote for c in card.criteria for e in c.evidence]
    assert quotes and not any("why housing and why Riverside" in q for q in quotes), quotes


WFM_CONCERN = ("In your first interview they kept coming back to one topic: WFM/forecasting staffing. What would you tell "
               "them now? Give one specific example and proof they could check.")
QA_STORY = (
    "Last spring I noticed our QA scores were all high, ninety plus, but reading tickets on Friday afternoons some of the "
    "answers were just wrong. So I rewrote the scorecard with two senior agents, we cut it from fourteen items to six, "
    "and I made accuracy a must-pass item. Then I ran calibration sessions every other Thursday. Within three months "
    "repeat contacts dropped from eighteen percent to eleven, and the head of CX now uses our scorecard in the other team.")


def test_a_round_one_topic_is_answered_only_by_an_answer_about_it():
    # The QA story passed the WFM concern at 98: the template's words ("proof", "check", "first") were read as the
    # question's, and the concern's question did not judge relevance at all. It is a partial answer now, told to make
    # the link, and passes no concern (weakness._debrief_outcome): not capped at 20 as off-topic, as a maths teacher's
    # accountability story that never said "account" was (trial 38; the words of a jotted topic are no question's).
    card = offline_card(WFM_CONCERN, QA_STORY)
    relevance = next(c for c in card.criteria if c.key == "specificity.relevance")
    assert relevance.score == 2 and "WFM/forecasting staffing" in relevance.feedback
    on_topic = ("Last November our Black Friday forecast was built from last year's volumes, so I rebuilt it from "
                "ticket arrivals by half hour for the last eight weeks and worked out staffing with an Erlang calculator "
                "at an eighty percent in twenty seconds target. It said we were nine agents short on Saturday morning, so "
                "I moved two shifts and booked four agency staff. We hit service level on every interval but one, and the "
                "forecast was within six percent of actual volume; I can show them the spreadsheet.")
    assert offline_card(WFM_CONCERN, on_topic).overall >= 60


def test_leaving_the_person_harmed_in_the_dark_is_a_cover_up_never_a_plan_step():
    # Quoted as the Concrete plan's evidence of a data-breach plan.
    plan = ("First I'd contact the customer who received it, apologise, and ask them to delete the email and confirm "
            "they've done so. I'd speak to the agent privately and make sure they understand what went wrong, and I'd "
            "rather we didn't worry the affected customer by telling them about it.")
    card = offline_card("What would you do if an agent accidentally emailed one customer's personal data to another "
                        "customer?", plan)
    quotes = [e.quote for c in card.criteria if c.applies for e in c.evidence]
    assert not any("rather we didn't worry" in q for q in quotes), quotes
    assert next(c for c in card.criteria if c.key == "situational.judgement").score == 0


@pytest.mark.parametrize("term, said, spelt", [
    ("csat", "we send the customer satisfaction survey", True),
    ("otif", "trailers on time in full", True),
    ("coshh", "the control of substances hazardous to health regulations", True),
    ("vfm", "value for money for tenants", True),
    # a word giving several letters anywhere but last let these spell terms never said
    ("sla", "it was slow and painful", False),
])
def test_a_term_is_met_spelt_out_by_first_letters_not_by_chance(term, said, spelt):
    words = said.split()
    assert any(_spelt_out(term, words, i) for i in range(len(words))) is spelt


def test_the_empty_talk_line_quotes_the_answers_own_stock_phrases():
    # Told of "I owned it end to end, I aligned the stakeholders, we moved the needle", words the answer never used.
    generic = ("why do I want to work for you, um, well you're a really good company, you've got a great reputation, and "
               "I think I'd fit in well with the culture. I'm passionate about logistics and I'm looking for a new "
               "challenge and a chance to grow. I'm a hard worker and a team player.")
    line = next(c.feedback for c in offline_card("Why do you want to work for us?", generic).criteria
                if "management language" in c.feedback)
    assert "moved the needle" not in line and '"great reputation"' in line and '"team player"' in line, line
