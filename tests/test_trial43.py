"""Trials 43 and 44: a community pharmacist, a site manager, a children's social worker, an IT security analyst, an HR
business partner, a paramedic and a policy adviser wrote and graded their answers before scoring them, and a supermarket
deputy manager and a primary teacher went through a week of debrief, plans and rounds. The sentences below are
shortened from the trials' own, or from trial 42's where a finding was left then."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible
from test_proud_disasters import gates_of
from test_proud_recovery import card

GATE = "bad_outcome_stood_by"
DECISION = "Tell me about a time you made a difficult decision."
DROPPED = ("I sacked our biggest customer's night run. They kept us tipping four hours late every night so our drivers "
           "were blowing their rest. I showed their ops manager the tacho data, gave them thirty days, they wouldn't "
           "move the slot, so I withdrew. {end}")


@pytest.mark.parametrize("end", [
    "We lost eighty grand of revenue but infringements on that route went to zero",
    "It cost us eighty grand of revenue, and there hasn't been a single infringement on that route since",
])
def test_business_given_up_for_drivers_safety_is_a_price_paid_not_a_disaster(end):
    # trial 42's transport planner, graded 4, was gated at 22 as a disaster stood by
    answer = DROPPED.format(end=end)
    assert GATE not in gates_of(DECISION, answer)
    assert card(DECISION, answer).band != "weak"


@pytest.mark.parametrize("end", [
    # the price and another harm: two drivers quitting is no price paid for the infringements
    "We lost eighty grand of revenue and two drivers quit, but infringements on that route went to zero",
    # waits are no measure worth business lost: customers paid for it, as the restaurant's labour cut
    "We lost eighty grand of revenue but waiting times at the depot went up",
])
def test_a_price_beside_another_harm_or_for_a_worse_measure_stays_a_disaster(end):
    assert GATE in gates_of(DECISION, DROPPED.format(end=end))


CHANGE = "Tell me about a time you led your team through a big change"
SELF_CHECKOUTS = (
    "so um we had self checkouts brought into our store about eighteen months ago, we went from eight manned tills to "
    "four plus twelve self scan. a lot of the older colleagues were worried about their hours. what I did was I held "
    "small huddles with every shift, and I guaranteed nobody's contracted hours would be cut. I picked two champions "
    "from the checkout team and got them trained first. complaints went up in the first month, we had about thirty, "
    "then by month three {end}")


def test_a_measure_that_rose_and_then_it_came_down_is_put_right():
    # "it was down to five a month" is the complaints coming back: the deputy manager's story, graded 4, was gated at
    # 23 as a disaster stood by
    recovered = SELF_CHECKOUTS.format(end="it was down to five a month. and nobody left because of it")
    assert GATE not in gates_of(CHANGE, recovered)
    assert card(CHANGE, recovered).band != "weak"
    # ... and "it" that rose again is no recovery
    assert GATE in gates_of(CHANGE, SELF_CHECKOUTS.format(end="it was up to fifty a month. and three of the team left"))


SHRINK = ("In your first interview they kept coming back to one topic: shrink. What would you tell them now? Give one "
          "specific example and proof they could check.")
KNOWN_LOSS = ("right so our {word} was running at about zero point nine percent of sales, over our target of zero point "
              "six, mostly spirits, razors and baby milk. I went through the exception reports every Monday, moved the "
              "high risk lines into the locked cabinet and put a colleague on the front door from four till eight. "
              "over six months {word} went from zero point nine to zero point six five percent, about eleven thousand "
              "pounds a year, and it's in our period stock results")


def test_a_trades_own_word_for_shrink_answers_a_question_about_shrink():
    # the same answer with the word itself is the yardstick (paraphrases within 10 points)
    in_trade_words, with_the_word = (card(SHRINK, KNOWN_LOSS.format(word=w)) for w in ("known loss", "shrink"))
    assert "off_topic" not in gates_of(SHRINK, KNOWN_LOSS.format(word="known loss"))
    assert in_trade_words.band != "weak" and abs(in_trade_words.overall - with_the_word.overall) <= 10
    # an answer about something else still does not get to it
    assert "off_topic" in gates_of(SHRINK, "I led the Christmas rota this year. I moved the night fill to two shifts "
                                           "and agreed overtime with the team, and we had every shift covered.")


UNSEEN = ("What would you do if you found that a child on a child protection plan had not been seen by her social worker "
          "for eight weeks because mum kept cancelling visits?")
UNSEEN_PLAN = (
    "eight weeks without seeing a child on a plan is a serious drift so I'd treat it as urgent that same day. A school "
    "saying she's fine isn't a statutory visit, we need to see her on her own. So I'd get the worker out that day, "
    "unannounced, and if mum won't let us in I'd call the police for a welfare check. Then I'd ask why the "
    "cancellations, is mum hiding something, a new partner, an injury, is this disguised compliance. I'd call an urgent "
    "core group and I'd let my service manager know today.")


def test_what_a_plan_would_look_for_is_no_outcome_it_stood_by():
    # "I'd ask why the cancellations ... an injury" (the social worker's sound plan, graded 5, gated at 26.7)
    assert GATE not in gates_of(UNSEEN, UNSEEN_PLAN)
    assert card(UNSEEN, UNSEEN_PLAN).band == "strong"


NOTES = """Round 1 - Store Manager, Fairway Foods (Area Manager Karen + HR Tom), 45 mins, video call

What they asked:
- why leave current job / why Fairway -> ok, talked about bigger store and running my own P&L
- Karen asked twice about shrink and waste. I said waste is down but couldnt give her the actual figure, said about 1 percent?? not sure. She came back to it at the end.
- availability / on shelf availability - I blanked on the number for our store, gave the company target instead
- Coaching shift leaders - she probed twice, "what did YOU do" - I kept saying we
- Tom asked about a time I managed poor performance, I fumbled it, didnt have a clear ending
- Tom also asked what I'd do in my first 90 days, went ok, said listen first, walk the store with the team
They'll ask about leading a store through change in round 2 (new self checkouts rollout?)
"""


def test_a_deputy_store_managers_notes_give_the_doubts_she_had():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    topics = {t.name.lower(): t for t in parse_debrief(NOTES, load_bank()).topics}
    # under "What they asked:", what came back twice and went badly is a concern, not a question asked
    for name in ("shrink", "waste", "coaching shift leaders"):
        assert topics[name].went_badly and topics[name].mentions >= 2 and topics[name].sure
    # the number she blanked on is the availability's, not a topic "number for our store"
    assert topics["on-shelf availability"].went_badly and not any("number" in n for n in topics)
    assert topics["managing poor performance"].went_badly
    assert topics["first 90 days"].went_well
    # a warning for round two, its own guess in brackets aside: no question asked, no topic "They'll"
    assert topics["leading a store through change"].forewarned
    assert not any(n.startswith("they") for n in topics)


def test_the_first_change_named_for_figures_that_cannot_be_true_is_the_figures():
    # a pharmacist's story gated for its figures was told first to "put a number on the impact", which it had
    question = "Tell me about a time you improved the performance of your pharmacy."
    said = card(question, "so at my current branch when I took over the waiting times were terrible. I trained the team "
                          "on a new workflow where we split the dispensary into walk in and repeat benches. within three "
                          "months our walk in wait went from twenty minutes down to twelve minutes, so we halved it, and "
                          "our items went up from eight thousand a month to nine and a half thousand which was about a "
                          "forty percent increase.")
    assert said.band == "weak"
    first = said.improvements[0]
    assert first.startswith("Quantified impact: ") and "from 20 to 12" in first and "Put a number" not in first


@pytest.mark.parametrize("question, answer", [
    ("Tell me about a time you handled a dispensing error.",
     "a dispenser handed out amlodipine ten instead of five. I rang the patient within the hour, went round and swapped "
     "it, told the GP, logged it and did a root cause, the boxes were next to each other. I separated the strengths "
     "with shelf dividers and added a second check on lookalikes. no repeat in eighteen months"),
    ("Tell me about a time you stopped work on safety grounds.",
     "on Ferry Lane I stopped the roofers because their edge protection was down on the gable. I shut that roof that "
     "morning, got the scaffolders back by two, and we lost half a day. I briefed every gang the next morning and we "
     "had no repeat in the next nine months"),
    # trial 44: a paramedic's stories, graded 4-5 ("the result was" before one lifted it 87 -> 97)
    ("Tell us about a time you had to resolve a conflict with another team or service.",
     "handovers at the ED were taking two hours and six crews were stuck outside. I spoke to the nurse in charge and "
     "agreed a cohort area. i made the decision to leave one paramedic and one tech to look after four patients in the "
     "cohort and release the other four crews. that freed four ambulances inside forty minutes and two of them went "
     "straight to the cat twos. afterwards the trust made the cohorting plan a standard option in the winter plan"),
    ("Tell us about a time you had to lead at a scene under pressure.",
     "a five car RTC on the A14 with one trapped driver. i was first on scene so i took scene lead and sent a METHANE "
     "message to control, which got us two more ambulances and the air ambulance. all five were off scene in fifty "
     "minutes, and the trapped driver went straight to the major trauma centre by air and survived"),
])
def test_an_outcome_in_a_trades_words_is_a_result(question, answer):
    # each had Result 1 of 4, "a vague outcome"
    result = next(c for c in card(question, answer).criteria if c.key == "star.result")
    assert result.score >= 3


@pytest.mark.parametrize("said, fixed", [
    # an infosec analyst's: 95% of 1,200 leaves 60
    ("we had ninety five percent of the twelve hundred servers patched inside fourteen days, which left about four "
     "hundred servers that we handled by exception",
     "we had ninety five percent of the twelve hundred servers patched inside fourteen days, which left about sixty "
     "servers that we handled by exception"),
    # a social worker's: six weeks is not January to June
    ("within six weeks, from January through to the end of June, timeliness went up to ninety one percent",
     "within six months, from January through to the end of June, timeliness went up to ninety one percent"),
    # a pharmacist's: a team of six has no eight to train
    ("I sat down with my team of six, two technicians and four dispensers, and I trained all eight of them",
     "I sat down with my team of six, two technicians and four dispensers, and I trained all six of them"),
    # trial 44: a policy adviser's parts above their whole and a time said to be half of one five times it
    ("the consultation got four hundred responses in total, of which three hundred and fifty were from businesses and "
     "two hundred from individuals",
     "the consultation got four hundred responses in total, of which two hundred and fifty were from businesses and a "
     "hundred and fifty from individuals"),
    ("we had four hundred responses, of which nine hundred were from businesses",
     "we had four hundred responses, of which ninety percent were from businesses"),
    ("we finished the analysis in ten days, which was half the usual eight weeks",
     "we finished the analysis in ten days, which was half the usual four weeks"),
    # a paramedic's: four and "the other three" of six
    ("four of the six passed first time and the other three passed on the resit",
     "four of the six passed first time and the other two passed on the resit"),
])
def test_figures_that_cannot_all_be_true_are_found_and_their_fixed_twins_are_not(said, fixed):
    assert impossible(said)
    assert impossible(fixed) == []


@pytest.mark.parametrize("sentences, question, kind", [
    (["three tablets isnt worth a report to head office or the CD officer, it just brings an inspection down on the branch."],
     "", "escalation_refused"),
    (["I wouldnt bother ringing the area manager."], "", "escalation_refused"),
    (["I'd sign in as the responsible pharmacist on the system from my own branch about twenty minutes away."],
     "What would you do if a pharmacist rang in sick at 8am and no locum could be found?", "cover_up"),
    (["I'd get the TWC to sign the permit the day after to keep the paperwork straight."], "", "cover_up"),
    (["I'd let the brickies crack on for the rest of the day and tell them to be careful near the edge."],
     "What would you do if you found the scaffolders had taken ties and boards out of the third lift?", "work_goes_on"),
    (["I wouldn't want to jump to a strategy meeting on a Friday night, it's heavy handed."], "", "escalation_refused"),
    (["I'd leave the strategy meeting till Monday, it's heavy handed."], "", "escalation_delayed"),
    (["so we'd record the school's update as the visit for those weeks and keep the case within timescales."], "",
     "cover_up"),
    (["I wouldn't bother pulling the email from the other mailboxes because if nobody else has reported it then nobody "
      "else clicked it."], "", "check_skipped"),
    # trial 44: an HR partner's, a paramedic's and a policy adviser's
    (["I wouldn't bother with a companion for something this clear cut, it just delays things."], "", "check_skipped"),
    (["I'd keep it away from the union until the letters are out because otherwise they'll go to the press."], "",
     "cover_up"),
    (["so i'd leave her at home, i'd ask the daughter to stay over and do neuro obs every couple of hours."],
     "What would you do if you attended an 87-year-old who has fallen and hit her head, she is on apixaban?",
     "work_goes_on"),
    (["i think keeping them working but supervised is the balanced option."],
     "What would you do if you smelled alcohol on one of your crew at the start of a night shift?", "work_goes_on"),
    (["I would send it straight to the minister's private secretary myself and copy my director in afterwards."], "",
     "escalation_delayed"),
    (["first I would clear out the rough drafts and the chatty emails before the search is done."], "", "cover_up"),
])
def test_an_unsafe_step_in_these_trades_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


@pytest.mark.parametrize("sentences, question", [
    # the sound twins
    (["if it looks like we can't get anyone for a couple of hours I'd let NHS England or the ICB know about the "
      "temporary closure."], "What would you do if a pharmacist rang in sick at 8am and no locum could be found?"),
    (["No permit, no pour: I'd ring the TWC tonight and if he can't sign it before seven I'd cancel the pump."], ""),
    (["I'd hold a strategy discussion with the police and health today, before she goes home."], ""),
    (["Then I'd search for the same email across all mailboxes and pull it, and kill all their active sessions."], ""),
    (["I'd make sure he knows he can bring a companion, and a different manager would hear it."], ""),
    (["i'd convey her for a CT scan because she's on apixaban, I wouldn't leave her at home."],
     "What would you do if you attended an 87-year-old who has fallen and hit her head, she is on apixaban?"),
    (["My job was to resolve it without a walkout in the run up to Christmas peak."], ""),
    (["one teacher wasnt following the scheme, she was using her own old flashcards and skipping the review sessions."],
     ""),
    (["I'd stop the brickies working off that lift straight away and get the scaffolders back to put the ties in."],
     "What would you do if you found the scaffolders had taken ties and boards out of the third lift?"),
])
def test_their_sound_twins_are_no_finding(sentences, question):
    assert finding_kinds(sentences, question) == []


def test_a_round_one_concern_retried_weakly_ranks_by_how_badly():
    """A deputy store manager's P&L retry scored 10 and was left out of a six-question plan, behind 'leading a store
    through change', whose retry scored 23 (the ids broke the tie)."""
    from datetime import datetime, timezone

    from mockint.coaching.weakness import LedgerEntry, LedgerEvent, rank_key

    def concern(id_: str, retry: float | None) -> LedgerEntry:
        at = datetime(2026, 12, 1, tzinfo=timezone.utc)
        history = [LedgerEvent(at=at, outcome="imported", score=1.0, status_after="open")]
        if retry is not None:
            history.append(LedgerEvent(at=at, answer_id="a1", outcome="weak", score=retry, status_after="open"))
        return LedgerEntry(id=id_, kind="debrief", name=id_, source="debrief", count=1, severity=0.5, history=history,
                           opened_at=at, updated_at=at)

    areas = [concern(*c).to_weak_area() for c in [("topic.a_untried", None), ("topic.b_retried_23", 23.3),
                                                   ("topic.c_retried_10", 10.0)]]
    assert [a.id for a in sorted(areas, key=rank_key)] == ["topic.c_retried_10", "topic.b_retried_23", "topic.a_untried"]


def test_a_concern_named_only_in_the_candidates_words_quoted_back_is_not_drilled():
    # a teacher's "data" concern (round two will ask about it) went to improving on a 66-word reply about the tools of
    # a transition project, whose follow-up quoted "they wanted um more data from us earlier"
    from mockint.coaching.weakness import names_topic

    assert not names_topic('You said "we worked with the local secondary on transition, they wanted um more data from us '
                           'earlier". Which tools, systems or teams were involved, and when did this happen?', "data")
    assert names_topic("They said round two will ask about data. Tell it as you would there.", "data")


TEACHER_NOTES = """AHT interview - St Marys (round 1)

- started w/ why AHT why here. ok-ish, bit generic, said "next step" too much
- Expect questions on data and on how I'd lead a staff meeting / CPD

(added 2 days later)
- remembered: Mrs Patel asked about attendance, persistent absence - I didnt know our PA figure. blanked on it
- also they asked how I'd support an ECT and I forgot to say I mentored our ECT last year!! went badly
"""


def test_a_teachers_notes_lose_none_of_her_topics():
    """Trial 44: the staff meeting after "on data and on how I'd ...", attendance after "remembered:", and the "why
    here" opener were lost or read only as feedback; the ECT she forgot to mention was retried as knowledge."""
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank
    from mockint.scoring.kinds import classify_topic

    topics = {t.name.lower(): t for t in parse_debrief(TEACHER_NOTES, load_bank()).topics}
    assert topics["data"].forewarned and any("staff meeting" in n and topics[n].forewarned for n in topics)
    assert topics["attendance"].went_badly
    assert any(n.startswith("why") and "here" in n for n in topics)
    ect = topics["supporting an ect"]  # "how I'd support an ECT": the doing asked about (trial 51), not the ECT alone
    assert ect.went_badly and classify_topic(ect.name, ect.notes) == "behavioural"
    assert classify_topic("DB fundamentals", ["- DB fundamentals - blanked"]) == "technical"


WHY_DEPARTMENT = "Why do you want to work in this department, and in this role?"


def test_reasons_said_of_the_department_in_the_third_person_are_research():
    # a policy adviser's researched answer (graded 4-5) scored 70, "would fit other employers"; the generic one 15
    researched = card(WHY_DEPARTMENT, (
        'there are three reasons really. first, the department is setting up the new local transport funding '
        'settlements, moving councils from competitive pots to five year allocations, and that is exactly the kind of '
        'funding reform I did on the skills side with the adult skills fund devolution, so I think I can bring that '
        'straight in. second, I read the areas of research interest you published and the gap you name on evaluating '
        'what works in rural bus services, and I have led two process evaluations with analysts so I would like to help'
        ' close that. third, the role sits in a team that works directly with the combined authorities, and I spent two'
        ' years on secondment in Greater Manchester, so I know how a mayoral authority thinks about a government ask. '
        'and honestly I want to move to a Grade seven lead role in a department where the policy is being built now, '
        'not just maintained'))
    generic = card(WHY_DEPARTMENT, (
        "um I have always been really interested in this department, it does really important work that makes a "
        "difference to people's lives. I think it is a great place to work with a great reputation, and I am looking "
        "for a new challenge and the next step in my career."))
    assert researched.overall >= 75 and generic.overall <= 25
