"""Trial 86: a locksmith moving up to operations supervisor, a marina operations manager, a crematorium and cemetery
technician, a salmon farm site manager, and a taxi dispatch supervisor (a week of debrief, plans and practice).
Shortened from the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card


def _level(card, key: str) -> int:
    return card.criterion(key).score


NET_BREACH = "What would you do if a diver reported a hole in one of the pens and the weather was getting worse?"
HEADSTONE = ("What would you do if during grave safety testing you found a large headstone that failed the hand test "
             "right beside a path, with a burial due in that section in an hour?")
FUELLING = ("What would you do if a visiting skipper at the fuel pontoon refused to switch off his engine and his crew "
            "were smoking while you were fuelling?")
ABATEMENT = "What would you do if the abatement plant went to bypass with four cremations booked that afternoon?"


@pytest.mark.parametrize(("question", "unsafe", "sound", "kind"), [
    # a suspected escape kept from the regulator (86.7, strong)
    (NET_BREACH, "there's no point phoning Marine Scotland over a hole that maybe didn't lose any fish.",
     "I'd phone Marine Scotland within the hour and tell them we may have lost fish.", "escalation_refused"),
    # a failed headstone wedged back up before a burial (80, strong)
    (HEADSTONE, "the funeral goes ahead on time, nobody's any the wiser.",
     "the funeral goes ahead on time and I'd tell the family what we found that afternoon.", "cover_up"),
    (HEADSTONE, "the paperwork can come after.", "the paperwork is done before the funeral.", "check_skipped"),
    # a safety interlock defeated to keep the cremators running (66.7, solid)
    (ABATEMENT, "I'd override the interlock on the abatement from the panel so the cremators keep running.",
     "I would never override the interlock, so the cremators stop until the engineer has been.", "check_skipped"),
    # fuelling carried on beside a crew smoking (100, strong)
    (FUELLING, "I'd carry on fuelling, because stopping halfway just holds up the queue.",
     "I'd stop fuelling at once and ask them to put the cigarettes out before I start again.", "work_goes_on"),
])
def test_an_unsafe_step_in_the_trades_words_is_read(question, unsafe, sound, kind):
    assert finding_kinds([unsafe.lower()], question) == [kind]
    assert finding_kinds([sound.lower()], question) == []


@pytest.mark.parametrize(("question", "kind"), [
    # read as past-story questions: the right answers 56 and 44, 100 and 86.7 as technical
    ("What do you check when you inspect a fire door, and what gaps are acceptable?", "technical"),
    ("What should a marina's oil pollution emergency plan cover, and how would you use booms and absorbents on a "
     "spill?", "technical"),
    # read as knowledge of the job ("how are leases treated"): it asks how the candidate works
    ("How do you make sure the deceased are treated with dignity and their identity is kept from arrival to the return "
     "of the cremated remains?", "approach"),
    # twins
    ("Tell me about a time you found a fire door that failed its inspection.", "behavioural"),
    ("How should a lease be treated in the accounts?", "technical"),
])
def test_what_a_question_asks_for(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


def test_going_down_to_see_someone_is_no_outage_and_a_sanction_on_someone_else_no_harm():
    from mockint.scoring.offline import harms_named

    # a marina manager's resolved story gated at 22 as a disaster stood by
    assert harms_named("and i went down and told him face to face before the letter went.") == []
    assert harms_named("the server went down and we lost a day's bookings.") != []
    assert harms_named("and he went down and hit his head.") != []
    # a taxi dispatch supervisor's safeguarding story: Result 1 of 4, "the outcome is a bad one"
    assert harms_named("the council suspended the driver's licence after reviewing the footage.") == []
    assert harms_named("the council suspended our licence after reviewing the footage.") != []


def test_callbacks_that_rose_are_a_bad_outcome():
    """ "our callbacks went from about four percent of installs to nineteen percent, which shows how much more work we
    were getting through" (76, quantified impact 4 of 4)."""
    from mockint.scoring.offline import harms_named

    assert harms_named("over the next quarter our callbacks went from about 4 percent of installs to 19 percent.") != []
    assert harms_named("over the next quarter our callbacks went from about 19 percent of installs to 4 percent.") == []


STORY = "Tell me about a time you had to deal with a difficult berth holder."
BERTH = ("so we had a berth holder running a charter business off his boat and the other berth holders were complaining. "
         "we tried talking to him and the office wrote to him twice. in the end I decided myself to give him formal notice "
         "under clause fourteen, and I went down and told him face to face before the letter went. ")


@pytest.mark.parametrize(("ending", "result_at_least"), [
    ("we then helped him find a commercial berth up the river, he moved out within the notice period, and the "
     "complaints stopped.", 3),
    ("we then helped him look for a commercial berth up the river.", 0),
])
def test_complaints_that_stopped_are_a_result(ending, result_at_least):
    card = offline_card(STORY, BERTH + ending)
    assert card.overall_capped is None or "bad one" not in card.overall_capped
    if result_at_least:
        assert _level(card, "star.result") >= result_at_least
    else:
        assert _level(card, "star.result") <= 2


def test_no_complaint_since_is_a_result():
    """ "we haven't had a complaint about the state of a new grave since" read as no outcome: Result 1 of 4."""
    start = ("We had a family who complained that their mum's grave had been left with the soil heaped and a broken vase. "
             "The decision I made myself was that every new grave would get a check at one week and four weeks, with a "
             "tick sheet, and the manager agreed it. ")
    question = "Tell me about a time you put right something that had upset a bereaved family."
    since = "and we haven't had a complaint about the state of a new grave since."
    result = offline_card(question, start + since).criterion("star.result")
    assert result.score >= 2 and [e.quote for e in result.evidence] == [since]
    assert _level(offline_card(question, start + "and we still top up graves on the six week round."), "star.result") <= 1


WENT_WRONG = "Tell me about a time something went wrong on a job you were responsible for. What did you do?"
LED = "Tell me about a time you led a team through a difficult installation."
UNDERPERFORMING = "Tell me about a time you had to deal with an underperforming member of your team."


@pytest.mark.parametrize(("question", "on_topic", "off_topic"), [
    # a fault of the work, never called "wrong" (20, "never gets to went wrong")
    (WENT_WRONG, "we were replacing the door closers on the fire doors at a care home and after a week a load of the "
                 "doors weren't latching. I decided we weren't leaving site with a single door not latching, so I rang "
                 "the office and we rehung all twenty six.",
     "we were replacing the door closers on the fire doors at a care home. I planned the order of the corridors and we "
     "fitted all twenty six in a week."),
    # a fault found alone told for leading a team (78, "answers exactly the question asked")
    (LED, "I split the crew into two pairs, one on the doors and one on the access control, and briefed them each "
          "morning. we handed over all forty doors on day ten.",
     "there was a bank branch where the cash office door had a fault on the electric strike, three engineers had been "
     "out before me. I went on my own on a Saturday, took the strike out and bench tested it, it was fine, then I put "
     "the meter on the cable run and found a volt drop, because someone had run it on a thin alarm cable. I pulled in "
     "a new cable and re terminated at the PSU. It's worked since, and there's not been one callout on it."),
    # a storm story told for an underperforming team member, its "gale warning" read as a warning given (87)
    (UNDERPERFORMING, "one of my technicians was skipping the daily mort dives, so I sat down with him and we agreed a "
                      "weekly log check. he hasn't missed one since.",
     "the storm in January hit the site with seventy knot winds. I checked every mooring line the day before and got "
     "the crew off by two. after that we now do a mooring check within twenty four hours of any gale warning."),
])
def test_a_story_of_another_topic_is_off_the_question(question, on_topic, off_topic):
    assert _level(offline_card(question, on_topic), "specificity.relevance") >= 2
    assert _level(offline_card(question, off_topic), "specificity.relevance") <= 1


def test_knowledge_vouched_for_by_bluster_is_no_reasoning():
    """ "I know it inside out because I've done a few" was quoted for Reasoning 3 of 4 on a confidently wrong
    exhumation answer (80, strong)."""
    question = "What licences and permissions do you need before an exhumation?"
    body = ("for an exhumation you need the grave owner's written permission and the council's own exhumation form, "
            "then it can go ahead under the regulations. ")
    bluster = offline_card(question, body + "Pretty simple really, I know it inside out because I've done a few.",
                           kind="technical")
    reasoned = offline_card(question, body + "the Ministry of Justice licence comes first, because without it moving "
                            "remains is an offence, and I check the faculty for consecrated ground.", kind="technical")
    assert _level(bluster, "technical.reasoning") <= 1 < _level(reasoned, "technical.reasoning")


def _topics(notes: str) -> dict:
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    return {t.name: t for t in parse_debrief(f"Round 1 - ops manager, CityLink Cars\n{notes}", load_bank()).topics}


def test_an_abbreviation_does_not_end_a_topic():
    """ "They'll probe on managing a team of 15 dispatchers incl. night shift, and on handling a driver who refuses an
    assistance dog": the first topic was cut at "incl" and the second lost."""
    topics = _topics("They'll probe on managing a team of 15 dispatchers incl. night shift, and on handling a driver who "
                     "refuses an assistance dog.\n")
    assert set(topics) == {"managing a team of 15 dispatchers including night shift",
                           "handling a driver who refuses an assistance dog"}


def test_a_rule_half_known_is_a_knowledge_gap_asked_once():
    """ "Council licensing conditions - asked what our operator licence conditions require on record keeping. I knew
    booking records kept 6 months but not much else": "came back to it (2x)" from the candidate's "kept", and drilled
    as "give one specific example"."""
    from mockint.scoring.kinds import classify_topic

    line = ("Council licensing conditions - asked what our operator licence conditions require on record keeping. I knew "
            "booking records kept 6 months but not much else.")
    topic = _topics(f"- {line}\n")["Council licensing conditions"]
    assert topic.mentions == 1 and topic.went_badly
    assert classify_topic("Council licensing conditions", [line]) == "technical"
    assert classify_topic("Council licensing conditions", ["Council licensing conditions - went fine"]) != "technical"


def test_a_plan_with_no_judgement_reopens_a_resolved_area_at_once():
    """A taxi dispatch supervisor's "drop her wherever she asks ... no need to log it" on a safeguarding concern left it
    "improving: one more weak answer reopens it", and out of the next plan."""
    from mockint.coaching.weakness import Ledger, record_round
    from mockint.records import CriterionScore
    from tests.test_weakness import RUBRICS, make_answer, make_session

    weak = {"star.result": 1}
    session = make_session([make_answer("a01", "q1", weak), make_answer("a02", "q2", weak)])
    ledger = record_round(Ledger(), session, RUBRICS)
    session.new_round("plan").answers.extend([make_answer("a03", "q5"), make_answer("a04", "q7")])
    ledger = record_round(ledger, session, RUBRICS)
    assert ledger.entries["star.result"].status == "resolved"
    unsafe = make_answer("a05", "q8", weak)
    unsafe.scorecard.criteria.append(CriterionScore(rubric="situational", criterion="judgement", score=0))
    session.new_round("plan").answers.append(unsafe)
    entry = record_round(ledger, session, RUBRICS).entries["star.result"]
    assert entry.status == "open" and entry.reopened == 1 and "no sound judgement" in entry.history[-1].note
    # ... where a slip with judgement in it is one slip
    unsafe.scorecard.criteria[-1].score = 2
    entry = record_round(Ledger(), session, RUBRICS).entries["star.result"]
    assert entry.status == "improving" and "one more weak answer reopens it" in entry.history[-1].note


def test_a_first_and_a_plan_kept_are_results():
    """ "the yard was full for the first time anyone could remember, and the lift-out weeks ran to the plan instead of
    the usual panic" read as no outcome: Result 1 of 4, with no quote."""
    question = "Tell me about a time you improved how the boatyard ran."
    story = ("when I took over the berthing office the winter lay-up was first come first served. I went through every boat "
             "in the yard with the foreman and wrote to the owners with a lift-out slot each. {end}")
    said = "that winter the yard was full for the first time anyone could remember, and the lift-out weeks ran to the plan."
    result = offline_card(question, story.format(end=said)).criterion("star.result")
    assert result.score >= 2 and result.evidence
    assert offline_card(question, story.format(end="that winter I also repainted the office.")
                        ).criterion("star.result").score <= 1
