"""Question kinds (rubrics/questions.yaml `kinds`, mockint/scoring/kinds.py): knowledge questions in
any occupation are technical, and no question of the bank or of the scoring corpus's dev split
changed its kind for it; `mockint score --kind` corrects a wrong guess."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from mockint.coaching.questions import load_bank
from mockint.scoring.kinds import classify, load_kinds

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "scoring_corpus.yaml"
SEPSIS = ("Within one hour: give oxygen to keep sats 94 to 98 percent, take blood cultures, give IV antibiotics, "
          "give a fluid bolus, check lactate and Hb, and start hourly urine output. Cultures go before antibiotics "
          "but never delay them past the hour.")


@pytest.mark.parametrize("question", [
    # A ward manager candidate's questions (trial 3): each was read as "tell me about a time".
    "What is the Sepsis Six?",
    "What is duty of candour?",
    "What are the signs of sepsis?",
    "What are the four themes of the NMC Code?",
    "When does the Mental Capacity Act apply?",
    "What do you understand by clinical governance?",
    "Tell me what you know about safe staffing levels.",
    "Walk me through the Sepsis Six.",
    # The same forms in other occupations.
    "What is a deadlock?",
    "What's a crossover cable?",
    "When is a section 21 notice valid?",
    "Talk to me about the Construction Design and Management regulations.",
    "Explain the four-eyes principle.",
    "Can you name the five moments for hand hygiene?",
    # A procedure asked as how you'd do it: no "tell me about a time" in it.
    "How would you carry out a fire risk assessment for a small warehouse?",
    "How would you conduct a COSHH assessment?",
])
def test_a_knowledge_question_is_technical(question):
    assert classify(question) == "technical"


@pytest.mark.parametrize("question, kind", [
    # About the candidate or the employer, or a past story: not knowledge questions.
    ("What is your greatest weakness?", "motivation"),
    ("What are your strengths?", "motivation"),
    ("What do you understand by the role?", "motivation"),
    ("Tell me what you know about this trust.", "motivation"),
    ("What is the most difficult decision you have made?", "behavioural"),
    ("When did you last lose your temper?", "behavioural"),
    ("Tell me about a service that went badly wrong. What did you do?", "behavioural"),
    ("Walk me through the project you are proudest of.", "behavioural"),
    ("Tell me about a time you dealt with a difficult customer or stakeholder. What was the outcome?", "behavioural"),
])
def test_questions_about_the_candidate_keep_their_kind(question, kind):
    assert classify(question) == kind


@pytest.mark.parametrize("question, kind", [
    # A logistics supervisor's trial: a plan's follow-up read as technical, a KPI question and a
    # walk-through of a habit as a past story, a look back at a story as a plan.
    ("You said the backlog cleared. Talk me through the steps you personally took, in order.", "behavioural"),
    ("Walk us through the checks you carried out that night.", "behavioural"),
    ("What would you do differently on the next peak?", "behavioural"),
    ("What metrics would you report to a transport manager each week?", "technical"),
    ("What indicators do you look at first on a pick face?", "technical"),
    ("Walk me through how you prepare the yard for a stock take.", "approach"),
    ("Take us through how you usually balance agency staff and overtime.", "approach"),
    # ... and their neighbours keep their kinds
    ("Walk me through the checks on a forklift before a shift.", "technical"),
    ("Walk me through how you'd load a curtain-sider.", "technical"),
    ("What would you do if a driver arrived without a booking?", "situational"),
    ("Walk me through how you handled the recall.", "behavioural"),
    # a procedure of the trade under a scenario is what you would do in it; the procedure alone is knowledge
    ("How would you do the stock take if half your team called in sick?", "situational"),
    ("How would you conduct an investigation if a member of staff accused their manager of bullying?", "situational"),
    ("How would you conduct an investigation into a near miss on the loading bay?", "technical"),
])
def test_own_steps_kpis_habits_and_looking_back_are_read_as_such(question, kind):
    assert classify(question) == kind


@pytest.mark.parametrize("question, kind", [
    # Batch 3: three "talk me through" questions read as past stories, as nothing else matched them.
    # A scene set in the present, then the next stretch of it asked for: a plan.
    ("It's Friday, the pass is full, and you come in to find the dishwasher flooding the floor. Talk me through your "
     "next hour.", "situational"),
    ("You arrive for a night shift to find two of the four nurses have rung in sick. Talk us through the first thirty "
     "minutes.", "situational"),
    ("The build server goes down an hour before a release. Walk me through your next steps.", "situational"),
    # How they make something happen, in the present tense: their way of working.
    ("Talk me through how you get a new infection control policy to actually stick on a ward.", "approach"),
    ("Walk me through how you get buy-in from site managers for a new permit-to-work system.", "approach"),
    ("Take us through how you bring a new starter up to speed on the tills.", "approach"),
    # What is going on behind something of the trade: knowledge.
    ("Talk me through what's going on when a transformer runs hot under a light load.", "technical"),
    ("Walk me through what happens when a patient goes into diabetic ketoacidosis, and how you'd treat it.", "technical"),
    # ... and the past tense and their own team stay as they were
    ("Talk me through a time you handled a complaint from a resident.", "behavioural"),
    ("Talk me through how you got the kitchen team to adopt the new allergen matrix.", "behavioural"),
    ("Talk me through your first shift as a duty manager.", "behavioural"),
    ("Talk me through what happened.", "behavioural"),
    ("Talk me through what's going on in your team at the moment.", "behavioural"),
    ("When you walked in and found the stockroom flooded, what did you do?", "behavioural"),
    # A control system of the trade as they run it (a head chef's trial: a correct HACCP walkthrough scored 14 as a past
    # story), and a plan for a first stretch (read as a past story); "your ... process" stays their way of working.
    ("Talk me through your HACCP plan.", "technical"),
    ("Walk me through your allergen procedure for a party of forty.", "technical"),
    ("Talk me through your plan for the first 90 days.", "situational"),
    ("Walk me through your on-call process.", "approach"),
])
def test_talk_me_through_a_scene_a_practice_or_a_mechanism(question, kind):
    assert classify(question) == kind


@pytest.mark.parametrize("question, kind", [
    # A supermarket store manager's trial: knowledge and plan questions read as "tell me about a time" (and a
    # labour plan as the knowledge of a procedure), so a correct answer was marked down as a story with no result.
    ("What are the main causes of shrink in a supermarket and how do you control them?", "technical"),
    ("What is shrink and how do you control it?", "technical"),
    ("How do you control a wage budget across several stores?", "approach"),
    ("How would you control a wage budget across several stores?", "situational"),
    ("Talk me through how you'd plan labour for Christmas", "situational"),
    # The same forms in other occupations.
    ("What are the common causes of medication errors and how do you prevent them?", "technical"),
    ("What is technical debt and how do you manage it?", "technical"),
    ("How do you reduce food waste in a busy kitchen?", "approach"),
    ("How do you monitor stock levels across two warehouses?", "approach"),
    ("How would you cut agency spend on a surgical ward?", "situational"),
    ("How would you improve attendance in a Year 9 class?", "situational"),
    ("Walk us through how you would staff the ward over Easter.", "situational"),
    # ... and their neighbours keep their kinds
    ("What is your biggest weakness and how do you manage it?", "approach"),
    ("What was the hardest decision you made and how did you handle it?", "behavioural"),
    ("Walk me through how you'd load a curtain-sider.", "technical"),
    ("How would you calculate the shrink rate for a store?", "technical"),
])
def test_knowledge_plans_and_habits_of_running_a_business_are_not_stories(question, kind):
    assert classify(question) == kind


@pytest.mark.parametrize("question, kind", [
    # A nurse's trial (ward manager): each was read as "tell me about a time", and an excellent plan or a
    # correct account of NEWS2 scored 19-36 for having no past story.
    ("Tell me how you'd handle a colleague who kept missing handovers.", "situational"),
    ("Talk me through NEWS2 and when you'd escalate.", "technical"),
    ("Tell us what you understand by safeguarding.", "technical"),
    ("Why Northgate and why now?", "motivation"),
    # The same forms in other occupations and wordings.
    ("Describe how you would respond to a parent's complaint about a supply teacher.", "situational"),
    ("Walk me through month-end close.", "technical"),
    ("Why nursing?", "motivation"),
    ("Tell me what you understand by the role.", "motivation"),
    # ... and their neighbours keep their kinds
    ("Walk me through yesterday's shift.", "behavioural"),
    ("Talk me through it.", "behavioural"),
    ("Why did the project slip, and what did you do about it?", "behavioural"),
    ("Tell me how you handled a colleague who kept missing handovers.", "behavioural"),
    # trials 26 and 27: each read as a past story (a right answer 10-46, a sound plan 13) or a scenario as knowledge
    ("Talk me through the safe isolation procedure and the insulation resistance test you'd do on a new circuit.",
     "technical"),
    ("In a payments system, what does read committed isolation actually protect you from, and when would you reach "
     "for serializable?", "technical"),
    ("When would you reach for a message queue?", "technical"),
    ("MAPPA - explain the categories and levels and your role at a MAPPA meeting", "technical"),
    ("What temperatures should hot and cold food be held at, and what does the law actually require?", "technical"),
    ("What was your quota attainment for FY22, FY23 and FY24?", "technical"),
    ("Walk me through your 30-60-90 day plan for this role.", "situational"),
    ("Say one of your gangs uncovers a cable duct that isn't on the drawings. How would you go about it?", "situational"),
    ("What questions do you have for us?", "motivation"),
    ("Late on a Friday a cashier suspects a colleague of moving refunds. Walk me through how you'd handle it.",
     "situational"),
    ("Talk me through the process you followed when the audit failed.", "behavioural"),
    ("Tell me about a time you had to say no to a client.", "behavioural"),
    # a deputy head's trial (37): a law's demands, a first term's priorities and a vision were read as past stories
    ("What does the Working Together guidance require of the designated safeguarding lead?", "technical"),
    ("What would your priorities be in your first term as headteacher?", "situational"),
    ("What would you change in your first year as store manager?", "situational"),
    ("What is your vision for this department?", "motivation"),
    ("What does this role require of you?", "behavioural"),
    ("Tell me about a mistake you made in your first year.", "behavioural"),
    # a pharmacist's trial (38): a safety regime, what a framework changes, a culture built and a plan in her own words
    ("What safety measures would you expect around oral methotrexate, and why?", "technical"),
    ("What is PSIRF and how does it change the way we respond to medication incidents?", "technical"),
    ("How would you build a positive medicines safety culture across the trust?", "situational"),
    ("be honest, nobody reads the safety bulletins, how are you actually going to get consultants to change?", "situational"),
])
def test_plans_knowledge_and_reasons_asked_in_other_words(question, kind):
    assert classify(question) == kind


@pytest.mark.parametrize("question, kind", [
    # Trials 19-21: the opener was judged as a STAR story (13), and "why do u want this job" as one (42; "you", 85).
    ("Tell me about yourself.", "motivation"),
    ("So, tell us a bit about yourself.", "motivation"),
    ("Walk me through your CV.", "motivation"),
    ("why do u want this job", "motivation"),
    ("what wud u bring to the team?", "motivation"),
    # ... a yes-or-no question on the trade (read as a past story, 32; as knowledge, 80), and the plan's own question on a
    # job description's term (read as a plan when typed, as knowledge in practice)
    ("A budget holder is fifty thousand pounds under budget on maintenance. Is that good news?", "technical"),
    ("Is a favourable variance always good news?", "technical"),
    ("The job description names VFM. Explain what it is, how you would use or measure it in this role, and what you "
     "would do if it went the wrong way.", "technical"),
    ("Are you happy to travel?", "behavioural"),
    ("Is there anything you would do differently?", "behavioural"),
    # ... and their neighbours keep their kinds
    ("Tell me about a time you had to win someone round.", "behavioural"),
    ("Walk me through your checks before a concrete pour.", "technical"),
])
def test_the_opener_text_speak_and_yes_or_no_knowledge_are_read_for_what_they_ask(question, kind):
    assert classify(question) == kind


@pytest.mark.parametrize("question, kind", [
    # A customer success lead's trial: each knowledge question was read as "tell me about a time", and a good answer to
    # "What goes into a customer health score?" scored 14 for having no past story (80 judged as technical).
    ("What goes into a customer health score?", "technical"),
    ("How would you build a customer health score?", "technical"),
    ("What makes a good QBR?", "technical"),
    ("Explain churn rate versus revenue churn.", "technical"),
    ("Under Incoterms 2020, what's the practical difference between FOB and FCA, and which would you advise?", "technical"),
    # ... and the candidate's own difference, reasons and stories keep their kinds
    ("What's the difference between you and the other candidates?", "motivation"),
    ("Can you explain why you left your last job?", "motivation"),
    ("Explain a time you had to change plans.", "behavioural"),
    ("What makes you a good fit for this team?", "motivation"),
    ("How do you build a good relationship with a new client?", "approach"),
    # A maths teacher's trial: each read as "tell me about a time"
    ("How would you use the key stage 4 data to set intervention?", "technical"),
    ("How do you quality-assure marking in your department?", "approach"),
    ("How would you close the disadvantage gap in maths?", "situational"),
    ("Tell me about a time you closed an attainment gap.", "behavioural"),
    # A pharmacy technician's trial: no pattern read them, so each was "tell me about a time", with STAR advice
    ("What is medicines reconciliation, and which sources would you use?", "technical"),
    ("What sources would you use for a drug history?", "technical"),
    ("How do you promote equality, diversity and inclusion in your team?", "approach"),
    ("How do you champion patient safety on a busy ward?", "approach"),
    # A software engineer's trial: read as "tell me about a time", an excellent four-sentence answer scored 10
    ("How would you make a payment API idempotent?", "technical"),
    # ... the fallback outvotes no pattern, and says nothing of feelings
    ("How do you check that the concrete on a pour is acceptable?", "technical"),
    ("How do you feel about working nights?", "behavioural"),
    # A physiotherapist's trial: the first two read as "tell me about a time", the third as a way of working
    ("What outcome measures would you use for a back pain class?", "technical"),
    ("How do you audit clinical notes?", "approach"),
    ("How do you manage red flags for cauda equina in triage?", "technical"),
    ("Tell me about a time you missed a red flag.", "behavioural"),
    ("Why team lead?", "motivation"),
    ("Why management?", "motivation"),
    ("Why that decision?", "behavioural"),
    # A civil engineering graduate's trial: all three read as "tell me about a time"
    ("How would you set out a manhole?", "technical"),
    ("What does a temporary works coordinator do?", "technical"),
    ("Why a contractor's graduate scheme rather than a consultancy?", "motivation"),
    ("What would you check before a concrete pour?", "technical"),
    ("What does a typical day involve for you?", "behavioural"),
    # Batch 8 (dev): read as a past story and as a way of working
    ("What is it about this role in our private client team that appeals to you?", "motivation"),
    ("How do you check that the concrete on a pour is acceptable?", "technical"),
    ("How do you check your own calculations?", "approach"),
    # A customer success lead's trial: each read as a past story
    ("How would you build and lead a team of 12?", "situational"),
    ("How would you segment 600 accounts across 12 CSMs?", "situational"),
    ("How would you run a QBR?", "approach"),
    ("How would you build a customer health score?", "technical"),
    # Batch 9 (dev): read as a past story and as a way of working
    ("Talk me through how a Schedule 2 controlled drug prescription should be handled in a community pharmacy.", "technical"),
    ("How do you work out your linen par levels, and why do they matter?", "technical"),
    ("How do you check that a prescription is legally valid before it goes to the pharmacist?", "technical"),
    ("Talk me through a time you had to handle a complaint.", "behavioural"),
    # A signalling technician's trial: both read as a past story
    ("How does a track circuit detect a train and fail safe?", "technical"),
    ("How would you prioritise the maintenance budget across the section?", "situational"),
    ("How does the team know what you expect of them?", "behavioural"),
    ("How do the nights usually go for your team?", "behavioural"),
    # Trial 22: a thing of the trade then how they would apply it (a chef's 5-of-5 HACCP answer scored 28 as a past
    # story), and a routine of theirs with "do" (a pharmacy technician's, 14); their neighbours about the candidate stay
    ("Explain HACCP and how you would apply it across several sites.", "technical"),
    ("What is HACCP and how would you apply it?", "technical"),
    ("What is the biggest challenge you faced and how did you handle it?", "behavioural"),
    ("Explain a time you failed and how you recovered.", "behavioural"),
    ("Talk me through how you do a medicines reconciliation, and what you do when the GP list doesn't match.", "approach"),
    ("Talk me through how you did the audit last year.", "behavioural"),
])
def test_things_of_the_trade_compared_explained_or_taken_apart_are_knowledge(question, kind):
    assert classify(question) == kind


@pytest.mark.parametrize("question, kind", [
    # How they measure their team's success or their own work asks how they work (it was read as knowledge of the job);
    # measuring a thing of the trade stays knowledge
    ("How do you measure the success of your team?", "approach"),
    ("How would you measure the performance of your team?", "approach"),
    ("How do you measure your own performance?", "approach"),
    ("How do you measure customer satisfaction in your store?", "approach"),
    ("How would you measure the impact of a training programme?", "approach"),
    ("How would you measure the flow rate of a pump?", "technical"),
    ("How do you measure the performance of a centrifugal pump?", "technical"),
    ("How would you measure blood pressure in a child?", "technical"),
])
def test_measuring_success_is_a_way_of_working_and_measuring_a_thing_is_knowledge(question, kind):
    assert classify(question) == kind


@pytest.mark.parametrize("question, kind", [
    # trial 43: a rule under the law it is asked under, or explained with how it applies to the employer, is knowledge
    # (both read as past stories); "describe your approach" is a way of working; "explain how you handled" a story
    ("Under CDM 2015, what are the duties of the client?", "technical"),
    ("Explain the GDPR 72-hour breach notification rule and how it applies to us.", "technical"),
    ("Describe your approach to vulnerability management.", "approach"),
    ("Describe how you approach supervision.", "approach"),
    ("Explain how you handled the last breach you worked on.", "behavioural"),
    ("Explain how a heat pump works.", "technical"),
    ("How would you drive performance across eight pharmacies?", "situational"),
    ("How would you drive a forklift on a ramp?", "technical"),
    # trial 44: a paramedic's crew looked after after a traumatic job is a plan, and good leadership "to you" a view
    ("How would you look after your crew after a traumatic job such as a paediatric cardiac arrest?", "situational"),
    ("What does good leadership look like to you?", "approach"),
])
def test_a_rule_under_its_law_an_approach_described_and_a_breach_handled_keep_their_kinds(question, kind):
    assert classify(question) == kind


# Bank questions whose wording the patterns read as another kind than their category's (unchanged
# by the knowledge patterns; the bank's own kind is what they are judged on).
BANK_WORDING_DIFFERS = {"beh.criticism": "approach", "beh.prioritise_deadlines": "approach"}
# Dev questions the patterns read differently from the graders (before and after the knowledge patterns).
DEV_DIFFERS = {
    "Your latest stock count shows shrink at double the budget. How would you investigate it?": "situational",
    "How do you build a construction programme and identify the critical path, and how do you keep it up to date?": "approach",
    # Batch 4: a professional's method asked as "how would you manage" (the situational form), and one's own checks
    # asked as "what checks do you run" (the knowledge form); the graders read them as technical and approach.
    "How would you manage exposure to demurrage and detention charges across the import book?": "situational",
    "What checks do you run before you sign off your own work, and what would each one catch?": "technical",
    # Batch 6: knowledge asked as "how do you make sure / approach" (the approach form); the graders (the second by a
    # reconciler) read them as technical.
    "How do you make sure physical health monitoring is done properly for patients on clozapine on your ward?": "approach",
    "How do you approach fire safety design on a high-rise residential scheme now the Building Safety Act is in force?":
        "approach",
    # Batch 9: the tools one has used (a past-story form) and a judgement of the trade asked as "how do you decide"
    "Walk me through how you have used the main tools this role relies on. What is the most advanced thing you did with "
    "them?": "behavioural",
    "How do you decide what level of reserves a multi-academy trust should hold?": "approach",
    # Batch 10: a trade's procedure asked as "how you do it" or "how do you make sure / decide" (the approach and story
    # forms); the graders read all three as knowledge (technical).
    "Talk me through how you dispatch a train from a platform when you're the conductor.": "behavioural",
    "How do you make sure a porcelain patio stays put and doesn't crack or come loose over the years?": "approach",
    "When you find serious hygiene problems at a food business, how do you decide between a hygiene improvement notice "
    "and a hygiene emergency prohibition notice, and what has to happen after each?": "approach",
}


def test_every_bank_question_reads_as_its_own_kind():
    bank = load_bank()
    read = {q.id: classify(q.text, bank.kinds) for q in bank.questions}
    assert {i: k for i, q in zip(read, bank.questions) if (k := read[i]) != q.kind} == BANK_WORDING_DIFFERS
    assert sum(q.kind == "technical" for q in bank.questions) >= 4  # the bank asks knowledge questions too


def test_every_dev_question_keeps_the_graders_kind():
    """The dev split's questions and the graders' kinds only: the test split is locked."""
    items = [it for it in yaml.safe_load(CORPUS.read_text(encoding="utf-8")) if it["split"] == "dev"]
    graded = {it["question"]: it["grades"]["kind"] for it in items}
    kinds = load_kinds()
    assert len(graded) >= 60
    assert {q: classify(q, kinds) for q, k in graded.items() if classify(q, kinds) != k} == DEV_DIFFERS


def _answer(tmp_path: Path, text: str = SEPSIS) -> str:
    path = tmp_path / "answer.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_dense_correct_answer_to_a_knowledge_question_is_judged_on_knowledge(run_cli, tmp_path):
    res = run_cli("score", "--text", _answer(tmp_path), "--offline", "-q", "Walk me through the Sepsis Six.", "--json")
    assert res.code == 0, res
    data = json.loads(res.out)
    card = data["scorecard"]
    assert data["question_kind"] == "technical"
    assert {f"{c['rubric']}.{c['criterion']}" for c in card["criteria"] if c["applies"]} == set(load_kinds()["technical"].criteria)
    assert card["overall"] >= 60  # it scored 10/100 read as a story with no result


def test_score_kind_corrects_the_guess_and_a_bad_kind_is_a_usage_mistake(run_cli, tmp_path):
    answer = _answer(tmp_path)
    guessed = run_cli("score", "--text", answer, "--offline", "-q", "Sepsis Six, go.")
    assert guessed.code == 0, guessed
    notice = next(line for line in guessed.out.splitlines() if line.startswith("Kind guessed"))
    assert notice.startswith("Kind guessed from the question's wording: judged as behavioural")
    assert "--kind (behavioural, motivation, situational, approach, technical)" in guessed.out.replace("\n", " ")

    told = run_cli("score", "--text", answer, "--offline", "-q", "Sepsis Six, go.", "--kind", "Technical", "--json")
    data = json.loads(told.out)
    assert told.code == 0 and data["question_kind"] == "technical"
    assert [note.split(":")[0] for note in data["notes"]] == ["Correct and specific"]  # the caveat; no guess to note
    assert {c["rubric"] for c in data["scorecard"]["criteria"]} == {"technical", "specificity"}

    bank = run_cli("score", "--text", answer, "--offline", "--question-id", "beh.failure", "--kind", "behavioral", "--json")
    assert json.loads(bank.out)["question_id"] == "beh.failure" and json.loads(bank.out)["notes"] == []

    bad = run_cli("score", "--text", answer, "--offline", "--kind", "trivia")
    assert bad.code == 2 and bad.out == "" and len(bad.err.strip().splitlines()) == 1
    assert "unknown kind 'trivia'" in bad.err and "technical" in bad.err
    session = run_cli("score", "--session", "latest", "--kind", "technical")
    assert session.code == 2 and "--kind cannot be used with --session" in session.err


ROTA_PLAN = ("First I'd ring the two staff on their day off and offer the overtime, then I'd check the agency list for "
             "anyone who knows the ward. Before anything else I'd tell the shift lead which bays are short so the "
             "observations still get done on time.")


def test_score_kind_is_the_kind_relevance_is_judged_as(run_cli, tmp_path):
    """`--kind situational` judged the plan's other criteria as a plan, and its relevance as the wording's guess (a
    story): "And the rota?" shares a word with the plan, which, read as a story, tells no event."""
    answer = _answer(tmp_path, ROTA_PLAN)
    assert classify("And the rota?") == "behavioural"  # the guess --kind corrects

    def relevance(kind: str) -> dict:
        result = run_cli("score", "--text", answer, "--offline", "-q", "And the rota?", "--kind", kind, "--json")
        assert result.code == 0, result
        return next(c for c in json.loads(result.out)["scorecard"]["criteria"] if c["criterion"] == "relevance")

    as_plan, as_story = relevance("situational"), relevance("behavioural")
    assert as_story["score"] <= 1 < 3 <= as_plan["score"]
    assert any("I'd" in e["quote"] for e in as_plan["evidence"])  # quoted at its steps


def test_a_story_is_no_answer_to_a_question_no_kind_reads_that_it_shares_nothing_with():
    """Trial 16: a supervision story scored 92 and strong, relevance 3, against "Describe the weather on Mars": read by
    no kind, the question was a story question only by default. A story question in words no pattern reads ("Tell me
    about a guest complaint ...") still takes a story that shares no word with it."""
    from mockint.records import Transcript
    from mockint.scoring import score_question
    from mockint.scoring.offline import NEAR_TOPIC_MARGIN, OfflineScorer, read_answer
    from mockint.scoring.rubrics import load_rubrics

    # the trial's own story, shortened; a story the coarse static embedding puts near any question still reads as a
    # partial answer (2), which only a finer reading of meaning could tell
    story = ("yeah so um the one I'd pick is when I trained Aisha she was a new band 3 who'd come from community pharmacy "
             "and she was really struggling with the pace of the inpatient dispensary. My manager asked me to be her "
             "named supervisor so it was my job to get her through the trust's dispensing competency in her probation "
             "period. So I split her training into three blocks, ward stock, TTOs, then CDs, and I made her a little "
             "checking log where every item she dispensed got checked by me. By the end of the probation she'd passed "
             "all her competencies and she was signed off, and a year later she's the one who supervises our new starters.")
    mars = "Describe the weather on Mars"
    assert read_answer(story, mars, None, load_rubrics()).meaning["question_margin"] < NEAR_TOPIC_MARGIN

    def relevance(question: str) -> int:
        card = score_question(OfflineScorer(), question, Transcript(text=story, duration=0.0), load_rubrics())
        return card.criterion("specificity.relevance").score

    assert relevance(mars) <= 1
    assert relevance("Tell me about someone you brought on.") >= 2


@pytest.mark.parametrize("question", [
    # an area manager's trial: judged as knowledge of the job (80); as a way of working, "no example at all" (50)
    "How would you make sure standards are consistent across eight stores when you can't be in every one every day?",
    "How would you ensure every new starter is fully trained within their first month?",
])
def test_how_would_you_make_sure_asks_for_a_plan(question):
    assert classify(question) == "situational"
