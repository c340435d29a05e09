"""A harm word that names what the work is about is no harm in the story's ending.

Refunds are a payments team's subject, complaints a complaints lead's, grievances an HR adviser's, compensation a
claims handler's, cancellations a retention team's. A story from that work says the word in its setting and again
in its ending without anything bad having happened; a proud disaster from the same work tells harm as events
("they cancelled", "the ombudsman upheld it", a measure that moved the wrong way) and stands by it. Every answer here
was written for this file. What is asserted: the good story shuts no gate and its result is not read as a harm; the
disaster from the same domain still shuts the `bad_outcome_stood_by` gate.
"""

from __future__ import annotations

import pytest

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.offline import (
    OfflineScorer,
    harm_domain,
    harms_named,
    judge,
    read_answer,
    result_harms,
    shut_gates,
)
from mockint.scoring.rubrics import load_rubrics


def gates_of(question: str, answer: str) -> list[str]:
    reading = read_answer(answer, question)
    return shut_gates(reading, judge(reading)["specificity.relevance"].score)


def card(question: str, answer: str):
    return score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())


# (occupation, question, a good story whose domain is a harm word, a disaster stood by in the same domain)
DOMAINS = [
    ('payments developer', 'Tell me about a problem you solved that others had missed.',
     'last spring I was a developer on the refunds team at a card processor. every refund we sent for a split payment '
     'went back to one card only. I traced it to the refund job reading the first payment record, rewrote it to '
     'share the refund across every card, and added tests for three card splits. we shipped it in four days, and '
     'after that the refunds on split payments went back to the right cards, about nine hundred refunds a month.',
     'last spring I was a developer on the payments team at a card processor. I decided to switch off the retry job '
     'to save server costs. in the next month about nine hundred customers complained, we had to pay refunds to '
     'every one of them, and two merchants cancelled their contracts. I stand by it, the servers were far too '
     'expensive.'),
    ('complaints team leader', 'Describe a time you improved how your team worked.',
     'I led the complaints team at a water company in 2023. each complaint was passed between three desks before '
     'anyone rang the customer. I set up one owner per complaint and a call back within two days, and trained the '
     'eight advisers on it over a month. by the autumn every complaint had one owner and the team closed complaints '
     'in six days instead of fifteen.',
     'I led the customer team at a water company in 2023. I told the advisers to close every case within a day '
     'without ringing anyone back. complaints went up from twenty a week to forty five, three of them went to the '
     "ombudsman and were upheld, and we were fined. I'd call that a win, the queue was empty."),
    ('hr adviser', 'Tell me about a difficult situation you handled at work.',
     'as an hr adviser at a distribution centre I picked up a grievance from a picker about her shift pattern. I met '
     'her and her manager separately, checked the rota for the last six months, and found she had been given the '
     'most nights in the team. I proposed a fair rotation, the manager agreed, and the grievance was closed in two '
     'weeks. after that I set up a monthly rota check so grievances about shifts come in early.',
     'as an hr adviser at a distribution centre I had a picker who kept raising her shift pattern. I decided not to '
     'meet her and closed it in writing the same day. she resigned a month later, took it to a tribunal and we paid '
     'her damages. I stand by it, rules are rules.'),
    ('insurance claims handler', 'Give me an example of when you went beyond your job for a customer.',
     'I handle compensation claims for a motor insurer. last year a pensioner rang about his compensation for a '
     'written off car, and the valuation looked low. I pulled three local adverts for the same model, showed the '
     'engineer, and we raised the offer by eleven hundred pounds. his compensation was paid that week, and he '
     'wrote to my manager to thank me.',
     'I worked on motor claims for an insurer. a pensioner rang about his written off car and I decided to close the '
     'claim on our first valuation. he complained twice, took it to the ombudsman, and the complaint was upheld, so '
     "we paid him compensation and costs. I wouldn't change a thing."),
    ('retention agent', 'Tell me about your proudest achievement at work.',
     'I was on the cancellations line at a broadband provider in 2022. most cancellations were customers whose '
     'discount had ended. I asked my manager if I could offer a loyalty price on the call, trialled it for a month, '
     'and kept forty more customers than the team average. now every agent on the cancellations line has the '
     'loyalty price on their screen.',
     'I was on the sales line at a broadband provider in 2022. I decided to stop offering any discount on calls. '
     'about forty customers cancelled that month, and our biggest business client moved their business to a '
     "competitor. I'm proud I held firm, a discount is a discount."),
]


def test_the_domains_cover_enough_jobs():
    assert len({occupation for occupation, *_ in DOMAINS}) >= 5


@pytest.mark.parametrize("occupation, question, story, disaster", DOMAINS, ids=[d[0] for d in DOMAINS])
def test_a_harm_word_the_work_is_about_is_no_harm_in_the_ending(occupation, question, story, disaster):
    reading = read_answer(story, question)
    assert reading.domain, "the setting names the domain"
    assert not result_harms(reading)
    assert "bad_outcome_stood_by" not in gates_of(question, story)
    assert "bad one" not in judge(reading)["star.result"].feedback
    assert card(question, story).overall_capped is None


@pytest.mark.parametrize("occupation, question, story, disaster", DOMAINS, ids=[d[0] for d in DOMAINS])
def test_a_disaster_in_the_same_domain_is_still_gated(occupation, question, story, disaster):
    assert "bad_outcome_stood_by" in gates_of(question, disaster)
    assert card(question, story).overall > card(question, disaster).overall


def test_a_domain_noun_is_no_harm_but_its_events_and_its_measures_still_are():
    domain = harm_domain(["i ran the complaints desk and the refunds queue"])
    assert harms_named("we answered every complaint within a day and sent the refunds", domain) == []
    assert harms_named("she complained to the ombudsman", domain) == ["complained", "ombudsman"]
    assert any("complaints" in h for h in harms_named("complaints went up from ten to forty a week", domain))
    # without a domain the same nouns read as harm, as before
    assert harms_named("we answered every complaint within a day and sent the refunds") == ["complaint", "refunds"]


def test_events_in_the_setting_name_no_domain():
    assert harm_domain(["a customer complained and then cancelled, and we lost the account"]) == frozenset()


def test_a_harm_the_question_threatens_is_an_event_not_the_domain():
    question = "A client is threatening to cancel their contract. What would you do?"
    assert harm_domain([question.lower()]) == frozenset()
    domain = harm_domain(["i ran the cancellations desk"])
    assert harms_named("they did cancel in the end", domain) == ["cancel"]
