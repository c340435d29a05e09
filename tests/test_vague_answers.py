"""Vague answers to technical, situational and approach questions are weak, and their concrete twins are not.

A vague answer says what a concrete one says, with nothing in it: a circular definition ("a fire risk assessment is
basically where you assess the fire risks"), a generic verb on everything or whatever ("check everything", "sort them
out", "fix whatever's wrong"), a standard followed but never named, a hedged extent ("a few different things",
"every year or whenever"), a maxim in place of a priority ("communication is key", "every situation's different"),
and padding ("I'm a quick learner"). Its concrete twin, of about the same length, names the steps, terms, thresholds,
who is told and why. The words are the rubric files' `poor` offline_cues (rubrics/technical.yaml, situational.yaml,
approach.yaml); these tests hold the behaviour, not the scores of one run. All text made up here, one twin per
question, from eleven occupations.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from mockint.records import QuestionRef, Transcript
from mockint.scoring import score_question
from mockint.scoring.kinds import load_kinds
from mockint.scoring.offline import OfflineScorer, read_answer
from mockint.scoring.rubrics import load_rubrics

# The criterion of each kind that says whether the answer has content: knowledge, a plan, a method.
CONTENT = {"technical": "technical.accuracy", "situational": "situational.plan", "approach": "approach.method"}
# rubrics/overall.yaml: level 2 on average is 40, the weak band's edge (an answer graded 2 of 5 sits there); solid
# from 2.5 (60)
WEAK_AT_MOST = 40
SOLID_FROM = 60

TWINS = [
    pytest.param(
        "technical", "How would you carry out a fire risk assessment for a small warehouse?",
        "okay so um a fire risk assessment is basically where you assess the fire risks, so you'd kind of walk round "
        "and look at everything and see if there's any problems, and if there's problems you'd want to find out why "
        "obviously, there can be lots of reasons, and then you'd sort them out so it's safe, and you'd probably get "
        "someone to check it like a manager, and I think it's really important to do it regularly, maybe every year or "
        "every month depending on the company, I did a bit of this on a course once, I'm a quick learner so I'd pick up "
        "your process quickly",
        "so I'd follow the five steps. first identify the fire hazards, the sources of ignition like the charging bays "
        "for the forklifts and any hot work, the fuel like cardboard, pallets and shrink wrap, and oxygen. then the people "
        "at risk, including lone workers on the night shift, agency staff who are new to the exits, and visitors. then "
        "evaluate and reduce the risk, so housekeeping, keeping the racking aisles and fire exits clear, checking the "
        "alarm and the emergency lighting. I'd record the significant findings and the action plan with who owns each "
        "action, train the staff, and review it after any change like new stock or a new layout, because the risk "
        "changes with what's stored.",
        id="warehouse-fire-risk"),
    pytest.param(
        "technical", "How would you recognise a patient developing sepsis on the ward?",
        "so first you'd check their obs and make sure everything's within the normal range, because sepsis can go "
        "downhill really fast. if anything's off you'd escalate straight away, you'd follow the sepsis protocol and the "
        "trust guidelines, and keep monitoring them, so that nothing gets missed. it's really important to act quickly "
        "because the risk is really high, so I'd always check and double check.",
        "I'd use the NEWS2 score, so a respiratory rate over twenty-two, a new confusion, systolic under a hundred, a "
        "temperature out of range or a heart rate over a hundred and thirty are red flags. with a suspected infection "
        "and a NEWS of five or more I'd start the sepsis six within the hour, bloods and cultures before the antibiotics, "
        "lactate, fluids, and escalate to the doctor using SBAR, because every hour of delay on antibiotics raises mortality.",
        id="nurse-sepsis"),
    pytest.param(
        "technical", "How would you reconcile a bank account that doesn't balance?",
        "first I'd check all the transactions against the statement, and see where the difference is, because there's "
        "usually a reason. then I'd investigate it and correct whatever's wrong, and make sure it's all documented, so "
        "that the audit trail is there. if I couldn't find it I'd escalate it, rather than just leave it, because it's "
        "important the figures are right.",
        "I'd start from the bank statement closing balance and the cash book balance on the same date, then tick off "
        "each transaction both ways. the differences are usually timing, so unpresented cheques and outstanding "
        "lodgements, which I'd list as reconciling items, then bank charges not yet posted, which go in the cash book. "
        "anything left I'd check for transposition, because a difference divisible by nine usually is one.",
        id="accountant-bank-reconciliation"),
    pytest.param(
        "technical", "How would you make sure chilled food stays safe from delivery to service?",
        "so food safety is basically where you keep the food safe, so you'd check everything when it comes in and make "
        "sure it's all at the right temperature, because obviously you don't want anyone getting ill. then you'd store it "
        "properly and follow the procedure, and check it regularly, every day or whenever, depending on the kitchen, and "
        "if there's a problem you'd sort it out. I did a bit of this on my level two and I pick things up quickly.",
        "I'd probe every chilled delivery on arrival and reject anything above eight degrees, then get it into the "
        "walk-in within fifteen minutes, raw on the bottom shelves under ready to eat so nothing drips onto it. the "
        "fridges get logged at opening and close, and anything between five and eight gets moved and the engineer called. "
        "on service I'd keep chilled items out for no more than two hours, because that's the limit under the regs, and "
        "I'd label everything with a use by so it's first in first out.",
        id="chef-chilled-food"),
    pytest.param(
        "technical", "How would you troubleshoot a user who says they can't connect to the Wi-Fi?",
        "so I'd have a look at it and check everything's working, because it could be a few different things really, "
        "it could be the laptop or the network or loads of different things. I'd go through all the checks and make sure "
        "everything is set up right, and fix whatever's wrong, and if I couldn't sort it out I'd escalate it. it depends "
        "on the situation really, every user is different, but I'm a quick learner.",
        "first I'd find out if it's just them or the whole floor, because if others are down it's the access point or "
        "the controller, not the laptop. if it's just them I'd check the SSID they're joining, whether the adapter is on "
        "and has an IP, and if it's a 169 address it's not getting DHCP. then I'd forget the network and rejoin, check "
        "the certificate for the 802.1X login, and look in the controller logs for their MAC to see if it's failing.",
        id="it-support-wifi"),
    pytest.param(
        "situational", "What would you do if a new starter kept missing their shift handovers?",
        "yeah so it's all about communication really, communication is key, I'd probably have a word, see what's going "
        "on because there might be a reason, I'd be understanding but firm, keep an eye on it going forward and if it "
        "didn't improve then I suppose it'd depend on the situation, every situation's different, but if you treat "
        "people with respect they respect you back",
        "first I'd check the rota and the handover log so I know how many he's missed. then I'd speak to him in private "
        "that same shift and ask why, because it might be the bus times or childcare. I'd explain that missing handover "
        "means he starts without the open jobs and safety issues, which puts people at risk. I'd pair him with a buddy "
        "for a week and check he signs the log, and if he missed another I'd raise it with my manager for his probation review.",
        id="shift-lead-handovers"),
    pytest.param(
        "situational", "What would you do if a resident refused their evening medication?",
        "it's all about communication really, so I'd have a chat with them and see what's going on, and be patient and "
        "understanding. I'd try and persuade them nicely, and if they still didn't want it I suppose it depends on the "
        "situation, every resident's different. I'd keep an eye on them and deal with it, at the end of the day you "
        "treat people with respect and they respect you back.",
        "I'd respect the refusal and never hide it in food, because they have the right to refuse unless they lack "
        "capacity and there's a covert plan. I'd ask why, in private, whether it's the taste, side effects or they're "
        "just tired, and offer again in twenty minutes. if they still refused I'd record it on the MAR chart with the "
        "reason, tell the senior on shift straight away, and if it was time-critical like insulin, ring the GP or 111 that evening.",
        id="care-worker-refused-medication"),
    pytest.param(
        "situational", "What would you do if a subcontractor turned up without the right paperwork for hot works?",
        "communication is key in that situation, so I'd have a word with them and find a solution that works for "
        "everyone. I wouldn't want to cause a big fuss, I'd just see what's going on and take it from there, because "
        "every job is different. I'd make sure it's dealt with and keep an eye on it, common sense really.",
        "first I'd stop them starting until it's sorted, because sparks from unpermitted hot works are how site fires "
        "start. I'd check what they're missing, usually the permit or the fire watch, and ring their supervisor to get "
        "it sent over, and meanwhile get them on other work. once the site manager issues the permit I'd check the "
        "extinguisher is there, combustibles are cleared within ten metres, and the fire watch runs for sixty minutes "
        "after they finish.",
        id="site-supervisor-hot-works"),
    pytest.param(
        "approach", "How do you make sure your stock counts are accurate?",
        "I'm very organised and detail-focused, I always double check everything, accuracy is really important to me. "
        "I make sure everything is right before I move on and I take pride in my work, so my counts are always accurate, "
        "it's just how I am really, I've always been like that in every job, and I never rush it, it's second nature.",
        "I do a blind count, so I don't see the system figure before I count, then I compare it with the system and "
        "anything more than two percent out gets a recount by someone else. I count high value lines weekly and the rest "
        "monthly on a cycle count. at Brakes last year that's how I found a case of stock booked to the wrong location, "
        "and our variance went from three percent to under half a percent.",
        id="stock-controller-counts"),
    pytest.param(
        "approach", "How do you make sure payroll is right before it's paid?",
        "I'm very detail focused and I always double check everything, it's really important to me because people need "
        "to be paid right. I'm very methodical, I take pride in my work and I always try my best, I'd never let anything "
        "go out that I wasn't happy with, it's just how I am, it's second nature.",
        "I run a variance report against last month and anything more than ten percent up or down on a person gets "
        "checked against their timesheet or a change form. starters and leavers are ticked off against the HR list, and "
        "a second person signs off the BACS total before it goes. last April that's how I caught a leaver still on the "
        "run with a full month's pay.",
        id="payroll-officer-checks"),
    pytest.param(
        "approach", "How do you plan a lesson for a mixed-ability class?",
        "I'm really passionate about teaching and I always try my best to make sure every child is included. I'm very "
        "adaptable and I think it's important to know your students, so I just make sure everyone is engaged and "
        "learning, and I always go the extra mile, differentiation is key, it's just second nature to me now.",
        "I start from what every pupil should be able to do by the end, then plan a core task with two ways in, a "
        "scaffolded version with sentence starters and a stretch question for the ones who finish. I check the last "
        "lesson's exit tickets to group them, and I use hinge questions mid-lesson so I know who needs me. last term in "
        "my year nine set that took the lowest group's quiz scores from forty to sixty five percent.",
        id="teacher-lesson-planning"),
    pytest.param(
        # the approach rubric's own level-2 method ("I make a to-do list") and a self-portrait in place of a routine
        "approach", "How do you prioritise when you've got several deadlines in the same week?",
        "um so I'm quite an organised person I'd say. I write a to do list every Monday and I do the most urgent things "
        "first, and if I'm not sure which is more important I just ask my manager. I try to keep on top of it and be "
        "flexible, because things come in all the time, so yeah it usually works out and everything gets done on time.",
        "on a Monday I put every deadline into Outlook with the client and the hours it needs, then I rank them by what a "
        "slip costs: anything with a regulator date or a client penalty goes first, internal reports last. I block two "
        "hours each morning for the top one and check the plan again on Wednesday. in March that's how I got the VAT "
        "return and two audits out the same week, with the audit file a day early.",
        id="accounts-deadlines"),
]


def _card(kind: str, question: str, answer: str, rubrics=None):
    """The offline card of `answer`, judged as an answer of `kind` (as `mockint score --kind` judges it)."""
    if rubrics is None:
        return _shipped_card(kind, question, answer)
    asked = QuestionRef(id="q", text=question, kind=kind, criteria=load_kinds()[kind].criteria, source="custom")
    return score_question(OfflineScorer(), asked, Transcript(text=answer, duration=0.0), rubrics)


@lru_cache(maxsize=1)
def _shipped() -> list:
    return load_rubrics()


@lru_cache(maxsize=None)
def _shipped_card(kind: str, question: str, answer: str):
    return _card(kind, question, answer, _shipped())


def _score(card, key: str) -> int:
    return next(c.score for c in card.criteria if f"{c.rubric}.{c.criterion}" == key)


def _poor_said(kind: str, question: str, answer: str) -> int:
    """How many of the rubric files' `poor` phrases the answer says, over the criteria of its kind."""
    reading = read_answer(answer, question, kind, _shipped())
    return sum(sum(reading.rubric_cues(key)[1]) for key in reading.phrases if key.startswith(kind + "."))


def test_the_twins_cover_the_three_kinds_at_similar_lengths():
    kinds = [p.values[0] for p in TWINS]
    assert len(TWINS) >= 8 and set(kinds) == set(CONTENT) and min(map(kinds.count, CONTENT)) >= 2
    for p in TWINS:
        vague, concrete = (len(text.split()) for text in p.values[2:])
        assert min(vague, concrete) >= 0.7 * max(vague, concrete), p.id


@pytest.mark.parametrize("kind, question, vague, concrete", TWINS)
def test_a_vague_answer_is_weak_and_its_concrete_twin_keeps_its_band(kind, question, vague, concrete):
    weak, sound = _card(kind, question, vague), _card(kind, question, concrete)
    key = CONTENT[kind]
    assert weak.overall <= WEAK_AT_MOST < SOLID_FROM <= sound.overall
    assert _score(weak, key) <= 1 < _score(sound, key)


@pytest.mark.parametrize("kind, question, vague, concrete", TWINS)
def test_what_marks_the_vague_twin_down_is_its_filler_and_the_concrete_twin_says_none_of_it(kind, question, vague, concrete):
    assert _poor_said(kind, question, vague) >= 2
    assert _poor_said(kind, question, concrete) == 0


def test_the_card_quotes_the_filler_as_the_reason_for_the_plans_level():
    kind, question, vague, _concrete = next(p.values for p in TWINS if p.id == "site-supervisor-hot-works")
    plan = next(c for c in _card(kind, question, vague).criteria if c.criterion == "plan")
    assert plan.score <= 1
    if plan.score:  # a level above 0 is quoted: the sentence that cost it comes first
        assert any(words in plan.evidence[0].quote.lower() for words in ("have a word", "take it from there", "keep an eye on it",
                                                                         "communication is key", "every job is different"))


def test_the_filler_words_are_the_rubric_files_and_a_coach_can_take_them_out():
    """The same vague answer, scored with rubrics whose technical `poor` phrases are gone, reads as knowledge again:
    the reading rests on the words in rubrics/technical.yaml, not on anything in Python."""
    kind, question, vague, _concrete = next(p.values for p in TWINS if p.id == "chef-chilled-food")
    edited = [r.model_copy(deep=True) for r in _shipped()]
    for criterion in next(r for r in edited if r.id == "technical").criteria:
        criterion.offline_cues.poor = []
    assert _score(_card(kind, question, vague, edited), "technical.accuracy") > _score(_card(kind, question, vague), "technical.accuracy")


# Concrete answers that open with words vague talk also uses: none of those words is a `poor` phrase of the files.
CONCRETE_OPENERS = [
    pytest.param(
        "situational", "Two of your team have fallen out and it's affecting the shift. What would you do?",
        "It's all about getting the facts first, so I'd see each of them separately that day, in the office, and ask "
        "what happened and what they need from the other. then I'd put them on different sections for the week and "
        "sit them down together on the friday with the rota in front of us.", id="its-all-about"),
    pytest.param(
        "approach", "How do you keep your stock records accurate?",
        "I use a range of checks. every monday I do a cycle count of forty bin locations, picked by the system, and "
        "any variance over two units I recount with a second person before I adjust it, and log the reason.",
        id="a-range-of"),
    pytest.param(
        "approach", "How do you keep on top of your paperwork?",
        "I get all sorts of forms, so every friday afternoon I block an hour, file the delivery notes by supplier and "
        "reconcile them against the invoices on the spreadsheet before anything is paid.", id="all-sorts-of"),
    pytest.param(
        "technical", "Talk me through servicing a gas boiler.",
        "I'd do all the checks in the Gas Safe benchmark: a tightness test on the installation, the working and standing "
        "pressure at the meter, a flue gas analysis against the maker's CO and CO2 ratio, and if there's a problem with "
        "the flue I'd turn it off, cap it and issue a warning notice.", id="all-the-checks"),
    pytest.param(
        "situational", "A resident's daughter complains that her mum's lunch was cold again. How would you handle it?",
        "I'd deal with it there and then: take her somewhere quiet, apologise, and go down to the kitchen myself to find "
        "a solution, a hot plate on that trolley and her mum served first, then ring her on the friday to check.",
        id="deal-with-it"),
]


@pytest.mark.parametrize("kind, question, answer", CONCRETE_OPENERS)
def test_a_concrete_answer_that_opens_like_vague_talk_says_no_filler(kind, question, answer):
    assert _poor_said(kind, question, answer) == 0


@pytest.mark.parametrize("question, answer", [
    ("Tell me about a time you had a conflict with a main contractor or a site manager.",
     "I don't really have conflicts, to be honest. I get on with everyone. If there's a problem I just sort it out."),
    ("Tell me about a time you failed.", "Honestly I can't think of a time. I plan carefully and it always works out."),
])
def test_an_answer_that_says_it_has_no_example_is_told_so(question, answer):
    """An electrician's trial: "I don't really have conflicts" scored 4 for the wrong reason, "the question asked about
    'manager' and your answer never gets to it"; the coaching a candidate needs is that having no example is itself the
    problem. An answer that misses the question in other ways keeps its line."""
    from mockint.config import load_settings
    from mockint.records import Transcript
    from mockint.scoring import get_scorer, score_question
    from mockint.scoring.rubrics import load_rubrics

    def card(text: str):
        return score_question(get_scorer(load_settings(), offline=True), question, Transcript(text=text, duration=10.0),
                              load_rubrics())

    denied = card(answer)
    relevance = denied.criterion("specificity.relevance")
    assert denied.overall < 20 and "red flag" in relevance.feedback and answer.split(".")[0] in relevance.feedback
    elsewhere = card("Last March I rebuilt our stock rota so the weekend team had cover, and waste fell by a third.")
    assert "red flag" not in elsewhere.criterion("specificity.relevance").feedback
