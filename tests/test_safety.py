"""A plan that refuses the safe step (scoring/safety.py, rubrics/safety.yaml): read, capped, and said.

Each unsafe plan below has a safe twin: the same scenario, told by the same kind of candidate, with the
refusals turned into the safe steps. The twin must score well, so what sinks the unsafe plan is the
reading of its refusals, not its length or its other cues.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml

import mockint.resources
from mockint.errors import DataFileError
from mockint.records import Transcript
from mockint.resources import resource_dir
from mockint.scoring import safety
from mockint.scoring.card import RawCriterion, build_scorecard
from mockint.scoring.kinds import criteria_for
from mockint.scoring.offline import OfflineScorer
from mockint.scoring.rubrics import load_rubrics
from mockint.scoring.safety import findings
from mockint.scoring.support import answer_refusals

NIGHT_SHIFT = "You are two nurses short on a night shift and a patient starts deteriorating. What do you do?"

# (occupation, question, unsafe plan, its safe twin)
PLANS = [
    (
        "nursing",
        NIGHT_SHIFT,
        # the trial user's answer (findings 1)
        "If we were two nurses short on a night shift and a patient started deteriorating, honestly I would just "
        "get everyone to work faster and keep going. I wouldn't bother ringing the site manager because in my "
        "experience they never send anyone anyway. For the stable patients I'd skip the 2am and 4am observations "
        "so we can focus on the sick one, and I'd hold off calling the outreach team until the morning doctors "
        "come in, because the night registrar is always busy and you don't want to be seen as panicking. I'd "
        "probably do the sick patient's obs myself every couple of hours. We've done this loads of times and "
        "it's always been fine, everyone pulls together and we get through it.",
        "First I'd go straight to the deteriorating patient and do an ABCDE assessment and a full set of obs, "
        "and work out the NEWS2 score. If it's five or more I'd call the registrar and the outreach team straight "
        "away using SBAR, because a deteriorating patient can't wait for the morning. I'd ring the site manager "
        "too and tell them we're two nurses short, so they can send someone from another ward or the bank. I'd "
        "never drop the 2am and 4am observations on the stable patients, I'd ask the healthcare assistant to do "
        "them and flag anything abnormal to me. Then I'd document everything and hand over clearly in the morning.",
    ),
    (
        "pharmacy",
        "A patient comes to the counter furious that their prescription isn't ready, and says they've run out of "
        "their epilepsy medication. What would you do?",
        "First I'd apologise and calm him down, then I'd check the system to see where the prescription is. If "
        "it hasn't come through I'd just give him a few of his tablets from stock to tide him over, and I wouldn't "
        "bother telling the pharmacist because she's always busy and it's only a few tablets. I'd skip the "
        "emergency supply paperwork since it takes ages, and that way he's happy and the queue keeps moving.",
        "First I'd apologise and calm him down, then I'd check the system to see where the prescription is. If it "
        "hasn't come through I'd tell the pharmacist straight away, because missing epilepsy doses can cause "
        "seizures, and she can decide on an emergency supply and make sure the paperwork is done properly. I'd "
        "ring the surgery to chase the script and tell him exactly when it will be ready.",
    ),
    (
        "teaching",
        "A pupil tells you at the end of a lesson that an older student has been sending her threatening "
        "messages. What would you do?",
        "I'd reassure her and tell her she's done the right thing. Honestly I wouldn't pass it to the DSL because "
        "they'd make a big thing of it, I'd have a quiet word with the older student myself and sort it out "
        "between us. I'd promise her I'd keep it a secret so she keeps trusting me, and I'd only put it on CPOMS "
        "if it carried on.",
        "I'd reassure her, tell her she's done the right thing, and explain that I can't keep it secret because I "
        "have to pass it on to keep her safe. I'd write down exactly what she said in her words, log it on CPOMS "
        "and pass it to the DSL the same day, because threats between pupils are a safeguarding matter. I wouldn't "
        "approach the older student myself, that's for the DSL to decide, and I'd check in with her the next morning.",
    ),
    (
        "construction",
        "You notice a scaffolder working at height without a harness on your site. What would you do?",
        "I'd have a word with him and tell him to be careful, but honestly we're already behind programme and "
        "the client is on our backs. I'd let them carry on without the harness for the last hour since they're "
        "nearly finished, and I wouldn't report it to the site manager, it'd only cause a load of paperwork. "
        "We've done it loads of times on other jobs and it's always been fine.",
        "I'd stop the work straight away and get him down safely, because a fall from height can kill. I'd make "
        "sure he has a harness and that it's clipped on before anyone goes back up, and I'd report it to the site "
        "manager the same day so it's recorded as a near miss. I'd also check the permit and the method statement "
        "and do a toolbox talk with the gang the next morning.",
    ),
    (
        "social care",
        "During a home visit you notice bruising on an elderly client's arms and she seems frightened of her son. "
        "What would you do?",
        "I'd ask her about it gently but if she says she fell I'd leave it at that. I wouldn't report it to "
        "safeguarding because it could upset the family and she might lose her care package. I wouldn't write it "
        "down in the care notes either, no one needs to know unless it happens again. I'd keep an eye on her at "
        "my next visit.",
        "I'd ask her about it gently, in private, and listen without leading her. I'd write down exactly what I "
        "saw and what she said in the care notes, and I'd report it to the safeguarding team the same day, "
        "because bruising and fear of a family member can be signs of abuse. I'd tell my manager straight away "
        "and agree with them how to keep her safe before my next visit.",
    ),
    (
        "IT operations",
        "A production database is running out of disk space at 2am and the on-call engineer isn't answering. "
        "What would you do?",
        "I'd log straight onto the box and delete the oldest backups to free up space, I wouldn't bother with a "
        "change request at 2am. I'd skip the incident ticket as well, it's quicker to fix it, and I wouldn't wake "
        "the engineering manager because they'd only panic. If it works nobody would notice anything happened.",
        "First I'd check how fast the disk is filling and whether anything is still writing, so I know how long "
        "we have. I'd try the on-call engineer again and then escalate to the engineering manager using the rota, "
        "because it's a production outage risk. I'd raise an incident ticket straight away and log every command I "
        "run. I'd free up space in a safe way, like rotating logs, and only delete backups with approval after "
        "checking there's a newer one.",
    ),
    (
        "finance",
        "At month end you find a supplier invoice for forty thousand pounds that was never accrued, and the "
        "accounts have already gone to the FD. What would you do?",
        "Honestly I'd post it into next month and keep it quiet, because the accounts have already gone out. I "
        "wouldn't tell the FD, she doesn't need to know about one invoice, and I'd backdate the accrual in the "
        "ledger so the reconciliation still balances.",
        "I'd tell the FD straight away, because forty thousand is material and she needs to know before the "
        "numbers go any further. I'd show her the invoice and what it does to the margin, and propose we post an "
        "accrual adjustment with a clear note, rather than hide it in next month. Then I'd check the reconciliation "
        "and the purchase ledger to see why it was missed, so it doesn't happen again.",
    ),
    (
        # a ward manager candidate's trial (7): the refusal said why, and that "report" read as the plan escalating
        # elsewhere, which excused it (93 overall)
        "nursing, a colleague",
        "You notice a colleague you trust smells of alcohol at the start of a shift. What would you do?",
        "So first I would take her aside quietly into the side room and ask if she's okay. I'd tell her to go home and "
        "sleep it off and I'd pick up her patients myself, I've done a double before so I know I can cover it. There's "
        "no need to get matron or HR involved, a formal report would wreck her career over one bad morning.",
        "So first I would take her aside quietly into the side room and ask if she's okay, and I'd keep her off the "
        "ward and away from patients. I'd ring matron straight away, before the shift starts, because patient safety "
        "comes first, and I'd follow the trust's policy with HR even though she's a good nurse. Then I'd rearrange the "
        "allocation so her patients are covered and document what I saw.",
    ),
    (
        # a signalling technician's trial (15): going on the line with no protection, to get trains moving, scored 40
        # with no flag ("lookout" and "line block" were no safe step the plan could skip)
        "railway signalling, track access",
        "A set of points fails in the morning peak and none of your technicians is free. What would you do?",
        "I'd go out there myself straight away and get it moving. I'd go on the track on my own without waiting for a "
        "lookout or a line block, it's only a few minutes to look at the points and I know the area. Control would be "
        "happy because the delay minutes stop, and I'd sort the fault properly after the peak.",
        "I'd go to site myself straight away, but I'd only go on the track with a line block from the signaller and a "
        "lookout, however long that takes at peak. I'd tell Control what I'm doing and give them a realistic time so "
        "they can plan the service, look at the points with the protection in place, and if it's a detection fault "
        "I'd report it and get the proper repair booked rather than rush it.",
    ),
    (
        # a social worker's trial (26): a secret promised to a child who discloses harm, the father seen alone and the
        # disclosure kept for supervision "the following week" scored 86.7, strong, its promise quoted as relevance
        "child protection, a disclosure",
        "What would you do if an eleven-year-old boy told you at school that his dad hits him with a belt when he's "
        "been drinking, but begged you not to tell anyone?",
        "so I'd reassure him that he's done the right thing telling me and that it stays between me and him for now, "
        "because if he feels I've gone behind his back he'll never tell me anything again. then I'd go round and see "
        "dad that evening myself and give him the chance to sort it. I'd record it and take it to my supervision the "
        "following week.",
        "so I'd reassure him that he's done the right thing telling me, and I'd be honest that I can't keep it a "
        "secret because my job is to keep him safe. I'd write down what he said in his words, ring my manager straight "
        "away and make a referral today, and we'd hold a strategy discussion with the police before anyone speaks to "
        "dad.",
    ),
    (
        # a finance business partner's trial (26): a write-off held over with "I wouldn't raise it with the financial
        # controller" scored 93.3, as its sound twin: "go through the scrap report" had read as the plan escalating
        "finance business partnering, a write-off held over",
        "Imagine it's month end and the plant manager asks you to hold the scrap write-off over until next quarter "
        "because it'll make his numbers look bad. What would you do?",
        "so first I'd sit down with him the same day and go through the scrap report line by line so we both agree "
        "the figure. on balance I'd agree to move it into next quarter, and I wouldn't raise it with the financial "
        "controller because it all evens out over the year.",
        "so first I'd sit down with him the same day and go through the scrap report line by line so we both agree "
        "the figure. I'd explain it has to go in this quarter, because the accounts must show it when it happened, and "
        "I'd tell the financial controller that afternoon so she isn't surprised, then help him explain the variance.",
    ),
    (
        # a police sergeant's trial (28): the constable complained of kept on the complainant's case, "words of advice",
        # "before it needs to go anywhere formal": 80, strong
        "policing, a complaint of force",
        "Picture this: a member of the public complains that one of your constables used too much force arresting her "
        "son, and that constable is also dealing with her harassment case. What do you do?",
        "I'd have a word with the officer and get his side, and I'd keep him on her harassment case to keep continuity "
        "because he knows the history. I'd ask him to pop round and see her and clear the air, and I'd ask her whether "
        "she'd be happy with me just giving him some words of advice so it sorts itself out before it needs to go "
        "anywhere formal.",
        "I'd take the complaint properly and make sure it's recorded and goes to professional standards the same day, "
        "flagging the use of force so they can decide on the IOPC. I'd preserve the body worn video and the custody "
        "record straight away, give her harassment case to another officer today and ring her myself to tell her who, "
        "then update my inspector.",
    ),
    (
        # a hotel manager's trial (27): a guest with chest pain let go up to bed alone, the night porter to "keep an eye",
        # scored 66.7 with judgement 2 of 4, above the safe plan's
        "hotel duty management, a guest taken ill",
        "Say you're the duty manager late one evening and a guest comes to reception sweating, a bit slurred, says he's "
        "got some chest pain but he just wants to go up to bed. What do you do?",
        "I'd be calm with him and offer him a glass of water and a couple of paracetamol from the first aid box. if he "
        "says he just wants to sleep, he's an adult, so I'd let him go up and get the night porter to keep an eye, "
        "maybe knock on his door in an hour, and I'd make a note in the log for the morning team.",
        "chest pain and sweating is a possible emergency, so I'd sit him down and get reception to call nine nine nine "
        "straight away while I stay with him, and get our first aider and the defib down. I'd keep someone with him the "
        "whole time until the paramedics arrive, then write the incident report that night and tell the general "
        "manager first thing.",
    ),
    (
        # an electrician's trial (26): live work let go on ("a live board") and reported in the Friday weekly report:
        # 86.7, strong
        "electrical supervision, live working",
        "What would you do if you found one of your electricians adding a circuit to a live board because the client "
        "said they couldn't have a shutdown?",
        "so if he's an experienced lad and he's nearly done I'd let him finish it, because pulling him out halfway is "
        "when mistakes happen. I'd make sure he's got his insulated screwdrivers and gloves on, and then I'd put it in "
        "my weekly report on the Friday so the contracts manager is aware.",
        "so I'd stop the work there and then and make the board safe with him, because nobody works live on my sites. "
        "I'd ring the contracts manager straight away, explain to the client why we need a planned shutdown, and book "
        "it with them. then I'd isolate, lock off and prove dead before he carries on, and talk it through with him.",
    ),
]


def scored(question: str, answer: str, rubrics=None):
    """The offline card for `answer`, judged on the criteria its question's kind asks for, as a bank question is."""
    from mockint.scoring.card import apply_question_criteria

    rubrics = rubrics or load_rubrics()
    _kind, criteria = criteria_for(question)
    wanted = {key.split(".")[0] for key in criteria}
    used = [r for r in rubrics if r.id in wanted]
    card = OfflineScorer().score(question, Transcript(text=answer, duration=0.0), used)
    return apply_question_criteria(card, criteria, used)


def criterion_of(card, key: str):
    return next(c for c in card.criteria if c.key == key)


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text.strip())


def assert_unsafe_plan_sinks_and_its_twin_does_not(label: str, question: str, unsafe: str, safe: str, *, said: str,
                                                   shown_by) -> None:
    """What every unsafe plan here reads as beside its safe twin (the same scenario with the safe steps taken): the plan
    judgement 0, weak, at most the `unsafe_plan` gate's 35, its judgement's line saying `said`, and what makes it
    unsafe (`shown_by`: whether a quote says it) never quoted as a step of the plan or as its judgement; the twin 60
    or more with judgement 2 or more, and no finding but a shortcut. One check for every kind of unsafe plan (a
    refusal, an allegation kept private, a record falsified), so each is held to the same line."""
    assert criteria_for(question)[0] == "situational", question
    bad, good = scored(question, unsafe), scored(question, safe)
    judgement = criterion_of(bad, "situational.judgement")
    assert judgement.score == 0 and bad.overall <= 35 and bad.band == "weak", (label, bad.overall, judgement)
    assert said in judgement.feedback, (label, judgement.feedback)
    for key in ("situational.judgement", "situational.plan"):
        for quote in criterion_of(bad, key).evidence:
            assert not shown_by(quote.quote), (label, key, quote.quote)
    assert good.overall >= 60 and criterion_of(good, "situational.judgement").score >= 2, (label, good.overall)
    assert not [f for f in findings(sentences(safe), question=question) if f.kind != "shortcut"], label


@pytest.mark.parametrize("occupation,question,unsafe,safe", PLANS, ids=[p[0] for p in PLANS])
def test_an_unsafe_plan_is_weak_and_its_safe_twin_is_not(occupation, question, unsafe, safe):
    assert_unsafe_plan_sinks_and_its_twin_does_not(occupation, question, unsafe, safe, said="unsafe",
                                                   shown_by=safety.refuses_a_step)
    bad = scored(question, unsafe)
    assert '"' in criterion_of(bad, "situational.judgement").feedback  # says so, in the candidate's words
    assert bad.overall_capped is None or "unsafe" in bad.overall_capped  # None: already below the gate's cap


def test_the_refusal_is_never_the_evidence_of_judgement_or_a_plan_step():
    _, question, unsafe, _ = PLANS[0]
    card = scored(question, unsafe)
    for key in ("situational.judgement", "situational.plan"):
        for quote in criterion_of(card, key).evidence:
            assert not safety.refuses_a_step(quote.quote), (key, quote.quote)
    from mockint.scoring.rubrics import load_overall_formula

    cap = load_overall_formula().gates["situational.judgement"].overall_at_most
    assert card.overall == cap < 40 and "unsafe" in card.overall_capped  # 66.7 from plan 4, relevance 4, judgement 0
    line = criterion_of(card, "situational.judgement").feedback
    for words in ("I wouldn't bother ringing the site manager", "I'd skip the 2am and 4am observations",
                  "I'd hold off calling the outreach team"):
        assert words in line
    assert "refuses to escalate" in line and "skips or puts off a safety check" in line


def test_an_llm_quoting_a_refusal_as_judgement_is_lowered():
    """The support check reads quotes for every scorer: a refusal shows no judgement, whatever it names."""
    rubrics = [r for r in load_rubrics() if r.id == "situational"]
    answer = PLANS[0][2]
    refusal = "I wouldn't bother ringing the site manager because in my experience they never send anyone anyway."
    raw = [RawCriterion(rubric="situational", criterion="judgement", score=4, quotes=[refusal], feedback=""),
           RawCriterion(rubric="situational", criterion="plan", score=4,
                        quotes=["For the stable patients I'd skip the 2am and 4am observations"], feedback="")]
    card = build_scorecard(raw, Transcript(text=answer, duration=0.0), rubrics, scorer="llm")
    assert criterion_of(card, "situational.judgement").score <= 2 and criterion_of(card, "situational.judgement").lowered
    assert criterion_of(card, "situational.plan").score == 1 and criterion_of(card, "situational.plan").lowered
    sound = "I'd ring the site manager straight away because the patient is at risk and we need another nurse."
    raw[0] = RawCriterion(rubric="situational", criterion="judgement", score=4, quotes=[sound], feedback="")
    card = build_scorecard(raw, Transcript(text=answer + " " + sound, duration=0.0), rubrics, scorer="llm")
    assert criterion_of(card, "situational.judgement").score == 4


# An allegation about someone's conduct dealt with alone: no "I wouldn't" anywhere, the plan tells no one, and
# handles it privately, tells the complainant it is dealt with, and plays it down (a trial user's a04: 66.7 solid,
# its cover-up steps quoted as the concrete plan). The safe twin reports it first.
ALLEGATION_Q = ("What would you do if a parent complained that one of your teachers had made an inappropriate "
                "comment to their daughter?")
ALLEGATIONS = [
    (
        "teaching",
        ALLEGATION_Q,
        # the trial user's a04, word for word
        "Right, so if a parent complained that one of my teachers had made an inappropriate comment to their "
        "daughter, like a comment about her appearance, um, I'd be really calm with the parent and reassure them "
        "that I know the teacher well and he's a really good teacher and I'm sure it was just a misunderstanding. "
        "Then I'd have a quiet word with the teacher myself, informally, just between the two of us, because these "
        "things can get blown out of proportion and I'd want to protect his reputation. I'd probably keep it within "
        "the department to start with, there's no need to bother the head or fill in forms for what's probably a "
        "bit of banter. Then I'd ring the parent back and let them know it's been dealt with. I think as a head of "
        "department it's really important to be loyal to your team and handle things at department level.",
        "I'd thank the parent, listen carefully and write down exactly what the daughter says was said, with the "
        "date and time. I'd report it to the head the same day, because an allegation about a member of staff has "
        "to go to the head and on to the LADO, not be handled in the department. I'd have a quiet word with the "
        "teacher only after I'd reported it to the head, and only if the head agreed. I'd ring the parent back to "
        "tell them it has been passed to the head and who will contact them next.",
    ),
    (
        "care",
        "A resident tells you that one of the night carers was rough with her and shouted at her while getting "
        "her ready for bed. What would you do?",
        "I'd reassure her and say I'll look into it. Then I'd have a quiet word with the carer myself the next "
        "morning, informally, because she's been here years and it was probably just a misunderstanding. I'd go "
        "back to the resident and let her know it's been dealt with.",
        "I'd reassure her, listen, and write down exactly what she said in her words. I'd report it to the manager "
        "on duty straight away and make sure that carer doesn't work with her tonight, because rough handling is a "
        "safeguarding concern. The manager would decide on the referral to the safeguarding team, and I'd fill in "
        "the incident form before I go home. I'd check on her again before the end of the shift.",
    ),
    (
        "nursing",
        "A patient tells you a healthcare assistant made sexual comments to her while helping her wash. What would "
        "you do?",
        "I'd tell her I'm sorry and that I'll deal with it. I'd have a quiet chat with the healthcare assistant in "
        "the staff room, just between us, because he's a good worker and I'm sure it was only a joke. I'd keep it "
        "within the ward and tell the patient it's been handled.",
        "I'd thank her for telling me, make sure she feels safe and move the healthcare assistant to another bay. "
        "I'd report it to the nurse in charge straight away and complete a Datix, because sexual comments to a "
        "patient are an allegation that has to be investigated. I'd write down her words exactly and tell her who "
        "will follow it up and when.",
    ),
    (
        "retail",
        "A young colleague tells you the assistant manager keeps making comments about her body. What would you "
        "do as her supervisor?",
        "I'd tell her to try not to let it get to her. I'd have a quiet word with the assistant manager informally, "
        "because he's probably just having a laugh and it's not a big deal. I'd handle it myself and let her know "
        "it's been sorted.",
        "I'd thank her for telling me and write down what she told me, with dates. I'd report it to the store "
        "manager and HR the same day, because comments about her body are sexual harassment and the company has a "
        "duty to investigate. I'd make sure she doesn't have to work alone with him in the meantime and check in "
        "with her every shift.",
    ),
    (
        "warehouse",
        "A picker tells you his team leader made racist remarks to him on the night shift. What would you do?",
        "I'd calm him down and tell him I'll sort it. I'd keep it within the team and have a quiet word with the "
        "team leader at the end of the shift, because it's probably banter that got out of hand. Then I'd tell the "
        "picker it's been dealt with.",
        "I'd thank him, take him somewhere private and write down what was said, when, and who heard it. I'd report "
        "it to the shift manager and HR straight away, because racist remarks are a disciplinary matter, and I'd "
        "make sure he isn't working under that team leader while it's investigated. I'd tell him what happens next "
        "and check in with him every shift.",
    ),
    (
        "finance",
        "A junior analyst tells you a senior colleague has been backdating client fee invoices to hit the "
        "quarter's target. What would you do?",
        "I'd thank her and tell her to leave it with me. I'd have a word with him informally, between the two of "
        "us, because it's probably a misunderstanding about the billing dates. I'd sort it out quietly and let "
        "her know it's all sorted.",
        "I'd thank her for raising it and ask her to send me what she's seen. I'd report it to compliance and the "
        "finance director the same day, because backdating invoices could be fraud and it has to be looked at "
        "independently. I'd make sure she's protected under the whistleblowing policy and tell her what happens "
        "next.",
    ),
]


# What keeps an allegation private, quoted as the plan's proof
PRIVATE_HANDLING = ("quiet", "informally", "between", "sorted", "dealt with", "handled")


@pytest.mark.parametrize("occupation,question,unsafe,safe", ALLEGATIONS, ids=[p[0] for p in ALLEGATIONS])
def test_an_allegation_dealt_with_alone_is_weak_and_its_reported_twin_is_not(occupation, question, unsafe, safe):
    assert_unsafe_plan_sinks_and_its_twin_does_not(
        occupation, question, unsafe, safe, said="deals with an allegation privately instead of reporting it",
        shown_by=lambda quote: any(w in quote.lower() for w in PRIVATE_HANDLING))


@pytest.mark.parametrize("plan", [
    ["There's no need to wait, I'd ring the DSL now."],
    ["I'd have a quiet word with the teacher only after I'd reported it to the head."],
    ["It's not just banter, so I'd report it to HR the same day."],
    ["Even if it looks like a misunderstanding, I'd tell the head straight away.", "Then I'd ring the parent back."],
    ["I'd report it to my manager, and once it's been dealt with I'd let the customer know."],
])
def test_an_allegation_reported_is_no_finding_whatever_else_the_plan_says(plan):
    assert findings(plan, question=ALLEGATION_Q) == []


def test_a_quiet_word_with_no_allegation_is_good_practice():
    """A quiet word, informally, is how a manager starts on lateness: it hides nothing."""
    plan = ["I'd have a quiet word with him informally first, just between the two of us, to find out if "
            "something's going on at home.", "If it carried on I'd follow the absence policy."]
    assert findings(plan, question="A colleague keeps arriving ten minutes late to shifts. What would you do?") == []
    assert [f.kind for f in findings(plan, question=ALLEGATION_Q)] == ["handled_alone"] * 3


def test_informally_is_not_informing_anyone():
    """Why a reason once switched the check off: "inform*" read "informally" as informing someone, an escalation
    that redeems a refusal to tell one person (the trial's a04d: 80 strong, the refusal quoted as judgement)."""
    reasoned = ["Then I'd have a quiet word with the teacher myself, informally, just between the two of us, "
                "because these things can get blown out of proportion and I'd want to protect his reputation.",
                "I wouldn't report it to the designated safeguarding lead.", "Then I'd ring the parent back."]
    kinds = [f.kind for f in findings(reasoned)]
    assert "escalation_refused" in kinds
    card = scored(ALLEGATION_Q, " ".join(reasoned))
    assert card.overall <= 35 and criterion_of(card, "situational.judgement").score == 0
    assert not any("wouldn't report" in q.quote for q in criterion_of(card, "situational.judgement").evidence)
    # the ways of saying it that do tell someone still do
    for said in ("I'd inform the head.", "I informed the DSL.", "I reported it to the head."):
        assert findings(["I wouldn't ring the deputy.", said]) == [], said
    # nor is a transcript's "feel informed" (for "fill in forms"), nor keeping the parent informed
    for said in ("As no need to bother my head, or feel informed for what's probably a bit on banter.",
                 "I'd keep the parent informed."):
        assert [f.kind for f in findings(["I wouldn't ring the deputy.", said])][:1] == ["escalation_refused"], said


def test_an_llm_quoting_the_private_handling_as_the_plan_is_lowered():
    """The support check reads a quote in its answer: part of a sentence that deals with an allegation alone
    shows no plan step, whichever scorer quotes it."""
    rubrics = [r for r in load_rubrics() if r.id == "situational"]
    _, _, unsafe, safe = ALLEGATIONS[0]
    quotes = ["Then I'd have a quiet word with the teacher myself, informally, just between the two of us,",
              "Then I'd ring the parent back and let them know it's been dealt with."]
    raw = [RawCriterion(rubric="situational", criterion="plan", score=4, quotes=quotes, feedback=""),
           RawCriterion(rubric="situational", criterion="judgement", score=1, quotes=[], feedback="")]
    card = build_scorecard(raw, Transcript(text=unsafe, duration=0.0), rubrics, scorer="llm")
    assert criterion_of(card, "situational.plan").score == 1 and criterion_of(card, "situational.plan").lowered
    # the reported twin's quiet word, after the report, is a plan step like any other
    after_report = "I'd have a quiet word with the teacher only after I'd reported it to the head"
    assert not safety.refuses_a_step(after_report, answer_refusals(safe))
    assert safety.refuses_a_step(quotes[0], answer_refusals(unsafe))


# Negations a safe plan says: never a finding.
SAFE_NEGATIONS = [
    "I wouldn't leave the patient alone.",
    "I'd never skip the checks.",
    "I wouldn't wait for the morning, I'd call outreach straight away.",
    "I wouldn't hesitate to call the registrar.",
    "Don't be afraid to escalate, that's what the on-call registrar is there for.",
    "I'd never send it without a second check.",
    "I wouldn't call the doctor until I'd done a full set of obs.",
    "I'd keep it confidential and not mention it to the other supervisors.",
    "I wouldn't just ring the manager, I'd go and look at the patient first.",
    "I'd stay calm to avoid escalating the situation.",
    "If they don't answer I'd bleep the registrar.",
    "I can't keep it secret, I have to pass it on.",
    "I wouldn't trust the old backup, I'd take a fresh one.",
    "What I wouldn't do is let anyone skip breaks or run the forklifts faster.",
    "I'd go and see him straight away rather than wait for the next obs round.",
    "I'd fix the root cause rather than just reporting it.",
    "I wouldn't test it in production, I'd use the staging copy.",
    "There's no way I'd skip the fire drill.",
    # a condition's negation argues for the step (an HR partner's trial: judgement 0, overall 20)
    "I'd explain the risk, that if we don't follow the process and then the probation fails, we're exposed at tribunal.",
    "I'd remind him that if we skip the checks a patient could come to harm.",
]


@pytest.mark.parametrize("sentence, kind", [
    ("If it's quiet I'd skip the 2am obs.", "check_skipped"),
    ("If I don't hear back I wouldn't bother ringing the registrar.", "escalation_refused"),
])
def test_a_refusal_after_its_condition_is_still_the_plans(sentence, kind):
    assert [f.kind for f in findings([sentence]) if f.kind != "shortcut"] == [kind]


@pytest.mark.parametrize("sentence", SAFE_NEGATIONS)
def test_a_safe_negation_is_no_refusal(sentence):
    assert findings([sentence]) == []


# A skip or delay word as a noun ("log the delay", "no hesitation", "put it in the skip") puts nothing off.
NOUNS_THAT_PUT_NOTHING_OFF = [
    "I'd note the delay on the goods-in sheet and tell the transport manager.",
    "There'd be no delay in reporting it to my supervisor.",
    "I'd have no hesitation in phoning the duty manager.",
    "Without any delay I'd report it to the depot manager.",
    "The forty minute delay meant the driver's checks ran late, so I'd record it on the checklist.",
    "I'd put the split pallets in the skip and then do the racking checks.",
    "I'd explain any delays to the customer in the handover.",
    "After a long wait for the shift manager I'd call the police myself.",
]


@pytest.mark.parametrize("sentence", NOUNS_THAT_PUT_NOTHING_OFF)
def test_a_delay_or_skip_as_a_noun_is_no_refusal(sentence):
    assert findings([sentence]) == []


@pytest.mark.parametrize("sentence,kind", [
    ("I'd delay reporting it to the depot manager.", "escalation_delayed"),
    ("We'd probably delay telling the transport manager.", "escalation_delayed"),
    ("The drivers and I would skip the forklift checks.", "check_skipped"),
    ("To save time I'd skip the walkround checks.", "check_skipped"),
])
def test_the_same_words_as_verbs_are_still_read(sentence, kind):
    assert [f.kind for f in findings([sentence])] == [kind]


def test_a_plan_that_logs_the_delay_is_not_capped():
    """A logistics trial: logging a late trailer's delay in the report read as putting off escalating, and the
    sound plan scored judgement 0, overall capped at 35."""
    question = ("A delivery of chilled stock arrives three hours late and the cold store is nearly full. "
                "What would you do?")
    plan = ("First I'd check the probe temperatures on the trailer, because chilled stock over five degrees can't "
            "be accepted. I'd ring the transport manager right away and agree which loads take priority, and ask "
            "the haulier to push back the next inbound. I'd move two pickers onto putaway so the cold store clears. "
            "At the end I'd write up the delay in the handover and raise it with the supplier's account manager.")
    assert findings([plan]) == []
    card = scored(question, plan)
    assert criterion_of(card, "situational.judgement").score >= 2 and "unsafe" not in (card.overall_capped or "")


def test_a_comma_lists_what_a_negation_refuses_but_a_new_step_after_it_is_the_plans():
    assert findings(["I wouldn't panic, or rush, I'd ring the duty manager straight away."]) == []
    assert findings(["I wouldn't wait, I'd report it to the site manager."]) == []


def test_a_report_spoken_of_is_no_channel_escalated_to():
    """ "A formal report would wreck her career" talks about reporting; it reports to no one, so it does not excuse
    refusing matron (a trial's plan scored 93); "I'd report it to matron" still does."""
    refused = "There's no need to get matron or HR involved, a formal report would wreck her career."
    assert [f.kind for f in findings([refused])] == ["escalation_refused"]
    assert findings(["I wouldn't go to HR.", "I'd report it to matron before the shift starts."]) == []


def test_refusing_one_channel_while_escalating_to_another_is_no_refusal():
    plan = ["I wouldn't go to HR, I'd speak to my area manager about it today.", "Then I'd check the till data."]
    assert findings(plan) == []
    assert [f.kind for f in findings(plan[:1][0].split(", I'd")[:1])] == ["escalation_refused"]
    # ... but not telling *anyone* is no channel at all
    assert [f.kind for f in findings(["I don't think I'd tell anyone.", "I'd ring my manager."])] == ["escalation_refused"]


@pytest.mark.parametrize("sentence,kind", [
    ("I wouldn't bother ringing the site manager.", "escalation_refused"),
    ("I wouldn't want to bother the director with it.", "escalation_refused"),
    ("There's no need to tell anyone.", "escalation_refused"),
    ("I'd deal with it without involving HR.", "escalation_refused"),
    ("I'd hold off calling the outreach team.", "escalation_delayed"),
    ("I'd wait until the morning to ring the doctor.", "escalation_delayed"),
    ("I'd tell my manager about it in the morning.", "escalation_delayed"),
    ("For the stable patients I'd skip the 2am and 4am observations.", "check_skipped"),
    ("I'd push the fix to production without testing it.", "check_skipped"),
    ("I wouldn't bother with the risk assessment.", "check_skipped"),
    ("I'd sign it off without checking the reconciliation.", "check_skipped"),
    ("We'd keep it quiet and sort it out between us.", "cover_up"),
    ("Nobody would notice the difference.", "cover_up"),
    ("There's no need to bother the head or fill in forms.", "check_skipped"),  # the negation reaches past "or"
    ("I wouldn't bother the head or fill in any forms.", "escalation_refused"),
    ("There's no need to call the pharmacist for a couple of tablets.", "escalation_refused"),
    ("There's no need to fill in an incident form for a small fall.", "check_skipped"),
    ("No need to tell the shift manager, it was only a near miss.", "escalation_refused"),
    ("I don't think there's any need to get matron involved.", "escalation_refused"),
    ("There's no need to get matron or HR involved, reporting her would wreck her career.", "escalation_refused"),
    # an electrician's trial: the comma speech recognition put in kept the refusal from reaching "report" (35 -> 80)
    ("I wouldn't make a big thing of it, or report it, because then he gets a reputation.", "escalation_refused"),
    ("I'd brief the lad with me, we'd get it done quickly and nobody would even know.", "cover_up"),
    # a pharmacy technician's trial (16): careful words, read as an escalation made (66.7, solid)
    ("There's no real need to escalate that to the accountable officer or do a Datix because it's routine.", "escalation_refused"),
    # a software engineer's trial (18): 66.7, solid
    ("I'd keep this within the team for now and handle the refunds myself over the weekend.", "cover_up"),
    ("In the customer email I'd describe it as a minor rounding adjustment so people aren't alarmed.", "cover_up"),
])
def test_an_unsafe_sentence_is_read_for_what_it_refuses(sentence, kind):
    assert kind in [f.kind for f in findings([sentence])], findings([sentence])


def test_colleagues_who_do_not_need_to_know_are_no_cover_up():
    # a bank manager's textbook answer on tipping off ("reports are kept confidential even from colleagues who don't need
    # to know") read as hiding the problem: 40, below its wrong twin's 80
    assert not findings(["and I'd make sure reports are kept confidential even from colleagues who don't need to know."])
    assert [f.kind for f in findings(["I'd fix it and the customer doesn't need to know about it."])] == ["cover_up"]


def test_a_shortcut_alone_is_never_enough():
    assert findings(["I'd just crack on and keep going, it's always been fine."]) == []
    assert [f.kind for f in findings(["I'd just crack on.", "I wouldn't tell anyone."])] == ["shortcut", "escalation_refused"]


def test_the_words_are_data_a_coach_can_edit(tmp_path, monkeypatch):
    folder = tmp_path / "rubrics"
    folder.mkdir()
    data = yaml.safe_load((resource_dir("rubrics") / "safety.yaml").read_text(encoding="utf-8"))
    sentence = "I'd let the agency nurse run the controlled drugs check on her own."
    assert findings([sentence]) == []
    data["cover_up"].append("on her own")
    (folder / "safety.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(mockint.resources, "resource_dir", lambda name: folder if name == "rubrics" else resource_dir(name))
    assert [f.kind for f in findings([sentence])] == ["cover_up"]
    data["ceilings"] = {"situational.judgement": 7}
    (folder / "safety.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"safety.yaml: invalid safety words at ceilings"):
        findings([sentence])


CQC_STORY = ("Last March we had a CQC inspection coming up on my ward and the documentation was behind. As the ward "
             "manager it was on me to get us ready, so I cancelled two nurses' annual leave and I put everyone on extra "
             "shifts for three weeks. In the end the inspection rated us requires improvement, one nurse raised a "
             "grievance and another one resigned. ")


@pytest.mark.parametrize("ending", [
    "But honestly I'd do exactly the same again, because the inspection had to come first.",  # findings 7, told proudly
    "After that the care plans were all up to date for the next audit.",  # something good after: no gate shuts
])
def test_a_bad_outcome_with_nothing_learned_is_said_as_such_not_as_vague_or_missing(ending):
    """Findings 7: a CQC inspection rated 'requires improvement', a grievance and a resignation. The result's
    reason says the outcome was bad and nothing was learned, not "a vague outcome" or "no outcome"."""
    card = OfflineScorer().score("Tell me about a time you made an unpopular decision.",
                                 Transcript(text=CQC_STORY + ending, duration=0.0), load_rubrics(["star", "specificity"]))
    result = criterion_of(card, "star.result")
    assert result.score <= 1
    assert "bad one" in result.feedback and "nothing" in result.feedback and "learned" in result.feedback
    assert "vague" not in result.feedback.lower() and "no outcome" not in result.feedback.lower()


# --- the caveat where the level is the offline cues' own (findings 2) ---------------------------

CONFIDENTLY_WRONG = (
    "With suspected sepsis the key sign is a low temperature, so I'd check the temperature first. I would always "
    "wait about 48 hours for the blood cultures to come back before starting antibiotics, because otherwise you "
    "can't target them properly. I'd avoid IV fluids as they can overload the patient, and lactate isn't really "
    "useful. I would only escalate to the doctor if the patient became unconscious, because before that you can "
    "manage it on the ward with regular NEWS2 observations every four hours."
)
SEPSIS = "Walk me through how you'd manage a patient with suspected sepsis."


def test_a_strong_card_the_cues_cannot_vouch_for_is_not_told_nothing_major(run_cli, tmp_path):
    path = tmp_path / "sepsis.txt"
    path.write_text(CONFIDENTLY_WRONG, encoding="utf-8")
    data = json.loads(run_cli("score", "--text", str(path), "--offline", "-q", SEPSIS, "--json").out)
    assert data["scorecard"]["band"] == "strong" and data["scorecard"]["improvements"] == []  # the cues see no gap
    assert any(note.startswith("Correct and specific: offline scoring reads") for note in data["notes"])
    shown = " ".join(run_cli("score", "--text", str(path), "--offline", "-q", SEPSIS).out.split())
    assert "nothing major" not in shown
    assert "Most worth changing: nothing the offline cues can see, but they cannot tell a right or safe answer" in shown


def test_a_story_without_a_caveat_still_gets_nothing_major(run_cli, tmp_path):
    story = ("Last year at Acme I was the on-call lead when our checkout API started timing out for every customer. "
             "I was responsible for getting it back within the hour. I traced it to a missing index in Postgres, I "
             "added it and I wrote a runbook for the team. Latency went from 4 seconds to 200 milliseconds and we "
             "had zero incidents after that. I learned to load-test schema changes.")
    path = tmp_path / "story.txt"
    path.write_text(story, encoding="utf-8")
    data = json.loads(run_cli("score", "--text", str(path), "--offline", "-q", "Tell me about an incident.", "--json").out)
    assert not [note for note in data["notes"] if "offline scoring reads" in note]  # no caveat for a story
    if not data["scorecard"]["improvements"]:
        assert "nothing major" in run_cli("score", "--text", str(path), "--offline", "-q", "Tell me about an incident.").out


def test_the_safety_file_ships_with_the_rubrics():
    assert (resource_dir("rubrics") / "safety.yaml").is_file()
    names = {r.id for r in load_rubrics()}
    assert "safety" not in names  # words, not a rubric


@pytest.mark.parametrize("sentence, unsafe", [
    # protection is skipped as a check is, but waiting for it is the safe step (trial 15), where waiting to do a check
    # puts the check off
    ("I'd wait for a line block and a lookout before anyone goes on the track, however long that takes.", False),
    ("I'd go on the track on my own without waiting for a lookout or a line block.", True),
    ("I'd skip the line block, it's only a few minutes on the track.", True),
])
def test_protection_waited_for_is_safe_and_skipped_is_not(sentence, unsafe):
    found = [f for f in findings([sentence], question="A set of points fails at peak. What would you do?")
             if f.kind != "shortcut"]
    assert bool(found) == unsafe, found


@pytest.mark.parametrize("sentence, kind", [
    # trial 15: the safe step named in careful words only to be brushed aside scored 93
    ("Waiting for a line block would take too long at that time of night, so I'd go out and have a look myself.", "check_skipped"),
    ("Calling the registrar would be overkill at that stage, so I'd keep an eye on him until the morning.", "escalation_refused"),
    ("Honestly a full risk assessment isn't necessary for a like-for-like swap.", "check_skipped"),
    # not brushed aside: negated, or the step only said beside a time
    ("I'd ring the registrar, it wouldn't take too long for her to come.", None),
    ("I'd wait for a line block, even if it takes a while.", None),
])
def test_a_safe_step_brushed_aside_is_skipped(sentence, kind):
    found = [f.kind for f in findings([sentence]) if f.kind != "shortcut"]
    assert found == ([kind] if kind else []), found


def test_a_situation_that_can_escalate_is_no_escalation_made():
    """A teacher's trial (17): "these things can escalate quickly" read as an escalation made, which redeemed an
    allegation handled with a quiet word and "I wouldn't involve the head or the designated safeguarding lead" (100)."""
    question = "What would you do if a parent told you a teacher had grabbed their child by the arm and shouted at him?"
    plan = ["I'd want to handle it really sensitively, because these things can escalate quickly.",
            "then I'd have a quiet, informal word with the teacher, just between the two of us.",
            "then I'd go back to the parent and let them know it's been dealt with."]
    assert "handled_alone" in [f.kind for f in findings(plan, question=question)]
    assert not [f for f in findings([*plan[:2], "then I'd escalate it to the designated safeguarding lead."], question=question)
                if f.kind != "shortcut"]


@pytest.mark.parametrize("sentence, unsafe", [
    # a software engineer's trial (18): keeping the testing read as refusing it (86.7 -> 20)
    ("I would not cut testing on the payment path or the rollback plan.", False),
    ("I would never skimp on the checks, whatever the date.", False),
    ("We would cut testing on the payment path to hit the date.", True),
    ("I'd cut back on testing and drop the regression tests this once.", True),
    # a removal that is not right before the check takes nothing out
    ("I would cut the power to test the circuit.", False),
    # a check made shorter is still there (a ward manager's trial: Action 0 of 4 on a discharge story)
    ("There was some pushback so I cut the checklist down from two pages to one.", False),
    ("I'd cut the checks down to the bare minimum to get it out.", True),
])
def test_a_check_taken_out_is_skipped_and_keeping_it_is_not(sentence, unsafe):
    found = [f for f in findings([sentence]) if f.kind != "shortcut"]
    assert bool(found) == unsafe, found


def test_a_plan_that_deals_with_a_complaint_itself_and_tells_the_manager_is_no_refusal():
    # a nurse's trial: "as the nurse in charge I would deal with it myself, I wouldn't pass it on" (what the panel had
    # asked of her), then "let the ward manager know, and Datix it if there was any harm": judgement 0, 20/100
    plan = ["So as the nurse in charge I would deal with it myself, I wouldn't pass it on.",
            "First I would take the relative somewhere private and listen without interrupting.",
            "Then I would check the facts, look at the notes and speak to the nurse looking after mum.",
            "I'd document the conversation, and if they're still unhappy I'd give them the PALS details and let the "
            "ward manager know, and Datix it if there was any harm."]
    assert findings(plan, question="A relative complains about her mum's care. As nurse in charge, what do you do?") == []
    # without the escalation, the refusal stands
    assert [f.kind for f in findings(plan[:3])] == ["escalation_refused", "handled_alone"]
