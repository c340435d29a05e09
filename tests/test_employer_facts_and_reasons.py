"""Two readings batch 3's dev answers showed missing, each in several occupations (all text made up here):
  - a "why us" answer that says what it found out about the employer to its face, lower-case and with no "I read" or
    name ("you're a manufacturer with shift workers across four sites", "your grad scheme has an employee relations
    rotation") gives specific reasons, where "you're a great company with a good culture" gives none
    (rubrics/substance.yaml's `employer_facts`);
  - a technical answer whose reasons are consequences told with "so" ("the same artifact that goes to prod, so you're
    testing what you ship") is reasoned, where a story's "so we deployed" is not."""

from __future__ import annotations

import pytest

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.offline import OfflineScorer, employer_facts, judge_kinds, read_answer
from mockint.scoring.rubrics import load_rubrics

WHY_HERE = "Why do you want to work here?"


def _rule(question: str, answer: str, key: str) -> int:
    rubrics = load_rubrics()
    return judge_kinds(read_answer(answer, question, None, rubrics))[key].score


def _criterion(question: str, answer: str, key: str):
    card = score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())
    return next(c for c in card.criteria if f"{c.rubric}.{c.criterion}" == key)


RESEARCHED = {
    "care home nurse": "so you're a nursing home group with dementia units in three of your homes, and that's the work i know, i ran "
                       "the activities plan on a dementia unit for two years and cut the falls on nights. and your preceptorship "
                       "pairs new nurses with a practice educator, which is what i want for my revalidation.",
    "baker": "you've just opened a second bakery on the high street, and your sourdough is all shaped overnight by a small team. "
             "i did nights at a craft bakery for three years, about four hundred loaves a shift, so that's the bit i'm after.",
    "warehouse supervisor": "you're a wholesaler with about three thousand lines and your pickers still work from paper lists across "
                            "two sheds. i set up scanner picking at my last depot and cut mispicks by half in six months.",
}
GENERIC = {
    "praise": "you're a great company with a good culture and lots of opportunities to grow, and your values really resonate "
              "with me. i'm hard working and a real team player.",
    "more praise": "you're a really exciting place to work and you're known for looking after your people. i think i'd be a good "
                   "fit and i'd give it my all.",
    "convenience": "you're a decent size and you're only twenty minutes from my house, and the package is good.",
    "praise of its kind": "you're a lovely practice with a friendly team, and you're a really well respected housing association "
                          "round here.",
}


@pytest.mark.parametrize("occupation", RESEARCHED)
def test_facts_about_the_employer_said_to_its_face_are_specific_reasons(occupation):
    answer = RESEARCHED[occupation]
    reasons = _criterion(WHY_HERE, answer, "motivation.specific_reasons")
    assert _rule(WHY_HERE, answer, "motivation.specific_reasons") >= 3
    assert reasons.score >= 2  # scored 1 (nothing it could quote showed research), or 2 for the baker
    assert any(fact in e.quote for e in reasons.evidence for fact in employer_facts(answer))


@pytest.mark.parametrize("kind", GENERIC)
def test_praise_that_fits_any_employer_stays_generic(kind):
    answer = GENERIC[kind]
    assert employer_facts(answer) == []
    assert _criterion(WHY_HERE, answer, "motivation.specific_reasons").score <= 1


@pytest.mark.parametrize("facts, praise, experience", [
    ("your practice runs a sedation list for nervous patients on saturdays", "you're a lovely practice with a friendly team",
     "and that's the work i want, i ran the anxious patients clinic at my last practice."),
    ("you're a housing association that still does its repairs in house", "you're a great housing association with a good "
     "reputation", "and i ran a repairs team of plumbers and joiners for a council contractor."),
])
def test_what_they_do_beside_what_the_candidate_did_is_fit(facts, praise, experience):
    """Fit's level 3 is a link between what the role needs and what the candidate has done: their fact beside the
    candidate's own work links them; praise beside it does not."""
    fit = "motivation.fit"
    assert _rule(WHY_HERE, f"{facts}, {experience}", fit) > _rule(WHY_HERE, f"{praise}, {experience}", fit)


@pytest.mark.parametrize("fact, praise", [
    # a pharmacy technician's trial: the employer named by what it is ("your trust"), the fact told after its verb
    ("your trust has just opened the new aseptic unit at st marys", "your trust has a great reputation for training"),
    ("your council has moved the repairs service back in house", "your council has a really good culture"),
])
def test_a_fact_told_after_the_employers_own_name_is_read(fact, praise):
    assert employer_facts(fact) and not employer_facts(praise)


def test_a_fact_is_read_in_lower_case_and_cased_alike():
    answer = RESEARCHED["baker"]
    cased = answer.replace("you've just", "You've just").replace("high street", "High Street")
    assert len(employer_facts(answer)) == len(employer_facts(cased)) == 2


def test_you_in_a_knowledge_answer_is_no_employer():
    """Outside a motivation question "your" is anyone's: "your earth fault loop" is no fact about the employer."""
    answer = "your earth fault loop impedance has to be under the table value, and your rcd has to trip inside forty milliseconds."
    question = "Explain how you test a consumer unit before you sign it off."
    assert _rule(question, answer, "motivation.specific_reasons") == _rule(question, answer.replace("your", "the"),
                                                                         "motivation.specific_reasons")


REASONED = {
    "QA engineer": ("Explain how you check a release before it goes live.",
                    "we deploy the exact build to staging, the same one that goes to prod, so you're testing what you ship. "
                    "the regression suite runs on every merge, so we catch it before the release branch is cut. flaky tests "
                    "get quarantined, so they can't hide a real failure."),
    "pharmacist": ("Explain how a dispensing accuracy check is done.",
                   "the final check is done by a different person from the one who picked it, so they don't see what they "
                   "expect to see. the box is compared with the prescription itself, so a label error can't carry through. and "
                   "we bag it with the script on top so the pharmacist doesn't miss a strength change."),
    "electrician": ("Explain how you make a circuit safe to work on.",
                    "isolate at the board and lock it off with my own padlock, so nobody else can switch it back on while i'm working. then "
                    "prove dead at the point of work, so you aren't relying on the board's labels, and prove the tester on a known source before and "
                    "after, so you aren't trusting a tester that's failed."),
}


@pytest.mark.parametrize("occupation", REASONED)
def test_reasons_told_as_so_and_what_then_holds_are_reasoning(occupation):
    question, answer = REASONED[occupation]
    assert _rule(question, answer, "technical.reasoning") >= 2


@pytest.mark.parametrize("answer", [
    "we deployed the build to staging, so we deployed it again on the monday and then the suite ran.",
    "i've been doing it a while now so it's quite quick for me, and so it's all done by lunch.",
])
def test_a_storys_so_and_so_its_are_no_reasons(answer):
    assert _rule("Explain how you check a release before it goes live.", answer, "technical.reasoning") == 0


@pytest.mark.parametrize("question, answer", [
    ("The fire alarm panel shows a fault in the middle of a full wedding reception. What would you do?",
     "in that kind of situation i'd take full ownership straight away and align the key stakeholders, the events team, "
     "security and the kitchen, so everyone's working from one plan. i've always performed in high pressure environments and "
     "i'd own the communication with the couple. ultimately it's about protecting the guest experience, and afterwards i'd put "
     "robust processes in place so we learn from it."),
    ("A lorry turns up with the wrong stock an hour before the shift ends. What would you do?",
     "honestly i'd take ownership of it right away, align all the stakeholders, transport, the client and my team, and make "
     "sure we're all on the same page. i work well in fast paced environments and i'd keep everyone calm and focused. then "
     "i'd look at putting robust processes in place going forward so it's a learning for all of us."),
])
def test_a_plan_told_in_management_language_is_empty_talk(question, answer):
    """Batch 3's polish to a scenario (read as a story, it was off topic) scored 40 once read as a plan: "take full
    ownership", "align the key stakeholders", "robust processes", "high pressure environments" said nothing checkable."""
    card = score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())
    assert any("management language" in c.feedback for c in card.criteria)  # the empty_talk gate's line
    assert card.overall <= 30


def test_fit_is_quoted_where_the_candidate_tells_their_record_not_at_a_filler():
    """A pharmacy technician's trial: Fit with the role quoted "so um there's a few reasons really"."""
    answer = ("so um there's a few reasons really. First, your pharmacy team has technician-led medicines reconciliation "
              "on the acute medical unit and that's exactly where I want to go. Second, I read your strategy on reducing "
              "delays on discharge prescriptions with the TTO tracker, I've done a small version of that on our surgical "
              "wards so I'd like to do it at scale.")
    quotes = [e.quote for e in _criterion("Why do you want this role at our trust?", answer, "motivation.fit").evidence]
    assert quotes and not any("few reasons" in q for q in quotes), quotes
