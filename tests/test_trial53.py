"""Trial 53 (a leisure centre duty manager, an optometrist, a fire watch manager and a school business manager wrote and
graded their answers before scoring them; a student support adviser went through a week of debrief, plans and rounds)
and the contradicting stories of trials 51-52 that scored as strong: a share of a whole restated as a part it is not,
an average that is not the total over its count, a part of a backlog and what it left, a difference said as "cut it by",
a change said as "a reduction of about half", the same crowd counted twice. Each story's fixed twin, with figures that
agree, finds nothing. Also a shortfall hidden from those it puts at risk, a pool not cleared, a short story's ending,
a knowledge question about what a record must contain, and round-one notes read as one topic each; the sentences below
are shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card
from test_debrief import BANK, parse_debrief


@pytest.mark.parametrize("said, fixed", [
    ("after three months ninety percent of our four hundred daily jobs were hitting the fifteen minutes, so that's about "
     "three hundred jobs a day on time",
     "after three months ninety percent of our four hundred daily jobs were hitting the fifteen minutes, so that's about "
     "three hundred and sixty jobs a day on time"),
    ("on the night we raised one hundred and eighty thousand pounds from three hundred guests, which was an average of "
     "four hundred pounds per guest",
     "on the night we raised one hundred and eighty thousand pounds from three hundred guests, which was an average of "
     "six hundred pounds per guest"),
    ("the fee income from those saved sales was about a hundred and eighty thousand pounds which at an average fee of "
     "three thousand pounds is about twenty sales",
     "the fee income from those saved sales was about sixty thousand pounds which at an average fee of three thousand "
     "pounds is about twenty sales"),
    ("there was a backlog of about twelve hundred invoices on hold. within six weeks we'd cleared nine hundred of the "
     "invoices on hold which left us with just a hundred still open",
     "there was a backlog of about twelve hundred invoices on hold. within six weeks we'd cleared eleven hundred of the "
     "invoices on hold which left us with just a hundred still open"),
    ("our average days to pay came down from fifty two days to thirty eight days, so we cut it by twenty days",
     "our average days to pay came down from fifty two days to thirty eight days, so we cut it by fourteen days"),
    ("late payment complaints went down from around forty a month to eight a month, which is a reduction of about half",
     "late payment complaints went down from around forty a month to twenty a month, which is a reduction of about half"),
    ("we had about sixty bathers in and four lifeguards on. I got the pool cleared, all a hundred and twenty bathers out "
     "in under two minutes",
     "we had about sixty bathers in and four lifeguards on. I got the pool cleared, all sixty bathers out in under two "
     "minutes"),
])
def test_figures_that_contradict_each_other_are_found_and_their_fixed_twin_is_not(said, fixed):
    assert impossible(said) != []
    assert impossible(fixed) == []


@pytest.mark.parametrize("said", [
    "ninety percent of our four hundred daily jobs were on time, which meant twelve wards were happy",
    "ninety five percent of the two hundred staff finished the training, so that's about ten who didn't",
    "we sold forty tickets at twenty five pounds each, so a thousand pounds for the school fund",
    "I cleared nine hundred of the invoices which left us with three hundred still open",
    # a level it went from, not a change: "8% down" is no fall of 8 % (an optometrist's fixed story was told so)
    "referrals went from about a hundred and sixty a month to about seventy, so eight percent down to three and a half",
])
def test_figures_that_agree_or_count_other_things_are_no_contradiction(said):
    assert impossible(said) == []


@pytest.mark.parametrize("sentences, kind", [
    (["then I'd ask Jess on reception to sit in the high chair, she just hasn't done her NPLQ yet.",
      "the customers would never know we were short and we'd keep the income."], "cover_up"),
    (["I wouldn't clear the pool because closing a busy session for a reading that'll be back up in half an hour just "
      "creates forty complaints at reception."], "check_skipped"),
])
def test_a_leisure_centres_unsafe_plan_is_found(sentences, kind):
    assert kind in finding_kinds(sentences, "What would you do if you were below your lifeguard ratio on a busy session?")


def test_clearing_the_pool_at_once_is_no_finding():
    sentences = ["I'd clear the pool straight away and ring the area manager, then I'd get the plant room checked."]
    assert finding_kinds(sentences, "What would you do if the free chlorine fell to 0.2 in a busy session?") == []


def test_a_short_story_ending_in_how_the_patient_came_through_and_what_is_done_now_has_a_result():
    story = ("last March a nine year old came in for a routine test and I found a swollen disc and unequal pupils. I phoned "
             "the on call ophthalmologist myself, sent the OCT scans and mum took her in that afternoon. it was an early "
             "brain tumour, treated, {end}")
    question = "Tell me about a referral you made that really mattered."
    ended = offline_card(question, story.format(end="she's doing well. I now teach that case at peer review"))
    unended = offline_card(question, story.format(end="and that was the referral"))
    assert ended.criterion("star.result").score >= 3 > unended.criterion("star.result").score


def test_what_a_record_must_contain_is_knowledge():
    from mockint.scoring.kinds import classify

    assert classify("What must the single central record contain, and how should it be kept in an academy trust?") == "technical"
    assert classify("What must the plan include for your team?") != "technical"


def test_a_difference_between_two_things_is_one_topic():
    # one topic, not "fitness to study" and "disciplinary route"; since trial 65 the one the line's label names, as
    # "Legacies - I fumbled this badly. ... They came back to it again at the end" is (tests/test_trial65.py), and the
    # interviewer coming back to it is counted
    notes = ("- fitness to study: I fumbled it. Couldn't explain the difference between fitness to study and the "
             "disciplinary route clearly. HR person came back to it\n")
    topics = parse_debrief(notes, BANK).topics
    assert [t.name for t in topics] == ["fitness to study"], topics
    assert topics[0].went_badly and topics[0].mentions == 2


def test_a_topic_before_a_dash_and_a_verdict_is_read_however_the_line_goes_on():
    notes = "- data / KPIs - blanked on what numbers I'd report to the PVC. said \"wellbeing referrals\" and then nothing\n"
    topics = parse_debrief(notes, BANK).topics
    assert [(t.name, t.went_badly) for t in topics] == [("data/KPIs", True)], topics


def test_a_question_jotted_as_q_is_no_part_of_its_topic():
    assert [t.name for t in parse_debrief("- SQL joins q - ok. did left join vs inner join fine\n", BANK).topics] == ["SQL joins"]


def test_a_plan_held_at_no_judgement_by_what_it_says_quotes_it():
    # a school business manager's unsafe DBS plan: Judgement 0 of 4 with no evidence, and a cap line that could not tell
    # an unsafe plan from a vague one
    plan = ("So if the head came to me on the Friday and said our new maths teacher starts Monday but the DBS isn't back yet "
            "um I'd be pragmatic about it. She's come from another school and she had a DBS there that's only eight months "
            "old so I would take a photocopy of that certificate, put the number on the single central record and let her "
            "start as normal with her own timetable. Children need a maths teacher in front of them and the risk is really "
            "low because she's been working with kids all this time. When the new DBS comes through I'd just update the date "
            "on the SCR. I wouldn't bother with a barred list check separately because the DBS covers it anyway and it would "
            "only slow things down. I'd keep the photocopy in her personnel file permanently so if Ofsted ask we can show "
            "them the actual certificate. That's the kind of common sense approach that keeps the school running.")
    judgement = offline_card("What would you do if a headteacher wanted a new teacher to start on Monday but their "
                             "enhanced DBS check had not come back?", plan).criterion("situational.judgement")
    assert judgement.score == 0 and judgement.evidence, judgement
    assert any(said in judgement.evidence[0].quote for said in ("I'd just", "wouldn't bother")), judgement.evidence


def test_the_role_a_why_question_names_is_no_topic_an_answer_speaking_to_them_must_name():
    # a leisure centre duty manager's generic "why us" was told "The question asked about 'manager', and your answer
    # never gets to it": what it lacks is anything specific to them
    answer = ("I think it's a really great organisation with a really good reputation and I've always heard good things "
              "about working here. I'm really passionate about leisure and helping people be healthy and active. I like "
              "that you're focused on the community and on customers, and I think my skills would add value to the team")
    card = offline_card("Why do you want to be General Manager at Riverside Leisure Trust?", answer)
    relevance = card.criterion("specificity.relevance")
    assert relevance.score >= 2 and "manager" not in relevance.feedback, relevance
    assert card.criterion("motivation.specific_reasons").score <= 1 and card.overall < 45


def test_an_answer_to_a_round_one_concern_asked_anew_is_not_also_quoted_by_a_story_follow_up():
    # a student support adviser's plan: "You said 'managing a team I think is really about supporting people' ... tell me
    # about one specific time", then "Back to managing a team ... Tell another real example": one answer drilled twice
    from test_weakness import RUBRICS, make_answer, make_session

    from mockint.coaching.debrief import apply_debrief
    from mockint.coaching.plan import plan_next_round
    from mockint.coaching.weakness import Ledger, current_weak_areas, record_round

    ledger = apply_debrief(Ledger(), parse_debrief("- They asked twice about managing a team\n", BANK))
    (concern,) = [e for e in ledger.entries.values() if e.kind == "debrief"]
    said = "managing a team I think is really about supporting people and being there for them"
    session = make_session([
        make_answer("a01", "fu.topic1", {"specificity.real_example": 0}, text=said, targets=concern.id,
                    question_text=f"In your first interview they kept coming back to one topic: {concern.name}.",
                    quotes={"specificity.real_example": [said]}),
        make_answer("a02", "q2", {"specificity.real_example": 0}, quotes={"specificity.real_example": [said]}),
    ])
    ledger = record_round(ledger, session, RUBRICS)
    areas = current_weak_areas(ledger, session, RUBRICS)
    plan = plan_next_round(areas, session.rounds[-1].answers, BANK, RUBRICS, n=6, session_id=session.id)
    assert any(q.targets == concern.id for q in plan), [q.text for q in plan]
    assert not any(q.id.endswith(".a01") for q in plan), [(q.id, q.text) for q in plan]
