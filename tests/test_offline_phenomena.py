"""What makes a candidate distrust a score, asserted as properties of the offline scorer.

Nonsense whose figures contradict themselves, a disaster told proudly, a story told to a "why us"
question, dense management-speak, and the same facts in other words (a method told of the routine
rather than of "I", a hedged outcome, a result told up front). Every answer here was written for this
file; the figures on graded answers live in benchmarks/scoring.py and scripts/fit_offline_scorer.py.
"""

from __future__ import annotations

import pytest

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.kinds import classify
from mockint.scoring.offline import (
    OfflineScorer,
    figure_contradictions,
    read_answer,
    shut_gates,
    stood_by_bad_outcome,
    story_instead_of_reasons,
)
from mockint.scoring.rubrics import load_rubrics


def card(question: str, answer: str):
    return score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())


def gates_of(question: str, answer: str) -> list[str]:
    from mockint.scoring.offline import judge

    reading = read_answer(answer, question)
    return shut_gates(reading, judge(reading)["specificity.relevance"].score)


# --- nonsense with numbers: figures that contradict themselves --------------------------------------

LAUNDRY_Q = "Tell me about a time you made the laundry service run more smoothly."
LAUNDRY_NONSENSE = (
    "so in twenty twenty I took over the hotel laundry and we were doing about six hundred sheets a day on three machines. "
    "I moved the folding onto the seventy percent rule, which works out at roughly two point five towels per guest per floor. "
    "then I retrained nine attendants in about an hour and the rewash rate came down from four percent to eleven percent, "
    "which is basically the same number as our occupancy on a tuesday. the energy bill went from nine grand to fourteen grand "
    "which shows how busy we were, and the audit gave us eighty eight out of a hundred, so the laundry was running really smoothly"
)
LAUNDRY_REAL = (
    "in twenty twenty I took over the hotel laundry. we were rewashing about one sheet in eight because stains were only spotted "
    "at folding, after the dryer had set them. I moved the stain check to sorting, before the wash, and gave the two sorters a "
    "spot treatment kit. within a month rewash went from about twelve percent to four percent, and the drying time we got back "
    "meant we stopped sending overflow to the outside contractor, which saved about nine hundred pounds a month"
)


def test_figures_that_contradict_themselves_are_counted():
    assert figure_contradictions(read_answer(LAUNDRY_NONSENSE, LAUNDRY_Q)) >= 3
    assert figure_contradictions(read_answer(LAUNDRY_REAL, LAUNDRY_Q)) == 0


def test_fluent_nonsense_with_figures_scores_at_most_forty_and_a_real_story_is_untouched():
    assert "incoherent_figures" in gates_of(LAUNDRY_Q, LAUNDRY_NONSENSE)
    assert card(LAUNDRY_Q, LAUNDRY_NONSENSE).overall <= 40
    assert gates_of(LAUNDRY_Q, LAUNDRY_REAL) == []
    assert card(LAUNDRY_Q, LAUNDRY_REAL).overall >= 60


# --- a bad outcome told proudly ---------------------------------------------------------------------

ROTA_Q = "Tell me about a change you made to how your team works."
PROUD_ROTA = (
    "so last spring I brought in twelve hour shifts at the care home without really consulting anyone, because I knew it was "
    "right. within two months three of the senior carers handed in their notice, sickness went up to eighteen percent, and two "
    "families complained to the council about the evenings. but the rota is still in place and head office loved the savings, "
    "so honestly I'd call that a win"
)
LESSON_ROTA = PROUD_ROTA.replace(
    "so honestly I'd call that a win",
    "looking back I should have asked the carers first, so I set up a rota group and we moved back to eight hour evenings",
)
REFUND_Q = "A regular customer asks for a refund two days after the thirty day limit. What would you do?"
PROUD_REFUND = (
    "I had exactly that last month. I said no, she asked for the manager and I said no again, because policy is policy. "
    "she left a one star review and her whole family stopped coming in, but rules are rules and I would do exactly the same again"
)
PROUD_NO_NUMBERS = (
    "when I ran the stores team I decided we would stop doing the early deliveries to the wards to save the overtime. "
    "the wards ran out of dressings twice, the matron complained to the director and the audit was failed, "
    "but I never backed down, and the budget looked great that year"
)


@pytest.mark.parametrize("question, answer", [(ROTA_Q, PROUD_ROTA), (REFUND_Q, PROUD_REFUND), (ROTA_Q, PROUD_NO_NUMBERS)])
def test_a_disaster_told_proudly_reads_as_weak_whatever_the_kind_of_question(question, answer):
    assert stood_by_bad_outcome(read_answer(answer, question))
    assert card(question, answer).overall < 45


def test_the_same_bad_outcome_with_what_was_learned_is_not_gated():
    assert not stood_by_bad_outcome(read_answer(LESSON_ROTA, ROTA_Q))
    assert "bad_outcome_stood_by" not in gates_of(ROTA_Q, LESSON_ROTA)


def test_a_harm_in_the_set_up_or_in_a_hypothetical_is_not_a_bad_ending():
    answer = (
        "when I started, we'd lost four drivers in three months and complaints were weekly. I rebuilt the rota so nobody did more "
        "than two late finishes, and I asked each driver which routes they wanted. over the next six months we kept every driver "
        "and complaints went from about six a month to one. if we lose a driver now I'd still rather ask them why"
    )
    assert not stood_by_bad_outcome(read_answer(answer, ROTA_Q))


# --- a good story that is not an answer to "why us" --------------------------------------------------

WHY_Q = "Why do you want to work for our practice in particular?"
STORY_NOT_REASONS = (
    "so the thing I'm proudest of is from my last surgery. a patient collapsed in the waiting room on a friday afternoon, and I "
    "was the only nurse on. I started compressions, sent the receptionist for the defibrillator and called nine nine nine, and "
    "we got a pulse back after two shocks before the paramedics arrived. afterwards I rewrote the emergency grab bag checklist "
    "and ran a drill for all eleven staff, and the partners made it monthly"
)
STORY_TIED_BACK = STORY_NOT_REASONS + (
    ". that's why I want to join you: your practice runs its own minor injuries clinic, and I'd like to build on that emergency work"
)


def test_a_story_told_instead_of_reasons_is_off_topic_and_capped():
    assert story_instead_of_reasons(read_answer(STORY_NOT_REASONS, WHY_Q))
    got = card(WHY_Q, STORY_NOT_REASONS)
    assert got.criterion("specificity.relevance").score <= 1
    assert got.overall <= 50


def test_the_same_story_tied_back_to_this_employer_is_an_answer():
    assert not story_instead_of_reasons(read_answer(STORY_TIED_BACK, WHY_Q))
    assert card(WHY_Q, STORY_TIED_BACK).overall > card(WHY_Q, STORY_NOT_REASONS).overall


def test_a_values_question_that_asks_for_an_occasion_may_be_answered_with_one():
    question = "Which of our values matters most to you, and when have you acted on it?"
    assert not story_instead_of_reasons(read_answer(STORY_NOT_REASONS, question))


# --- content-free polish ----------------------------------------------------------------------------

POLISH = (
    "so in my last role I led a major transformation of the service desk. I owned it end to end, I set the vision, I aligned "
    "the stakeholders and I created a culture of accountability. we really moved the needle, the metrics went up by about "
    "forty percent, and I took the team on a real journey. I'm very data driven but I also see the big picture, and I "
    "celebrate the wins. so that's a tangible example of me delivering at pace"
)


def test_dense_management_speak_scores_at_most_forty():
    question = "Tell me about a time you improved a service."
    assert "empty_talk" in gates_of(question, POLISH)
    assert card(question, POLISH).overall <= 40


# --- the same facts in other words -------------------------------------------------------------------

CHECK_Q = "How do you make sure the figures in your monthly report are right before it goes out?"
METHOD_WITH_I = (
    "I write down the row counts at every stage of the load, and before I release the report I run a check that compares them "
    "with the source system. I also go through the five biggest movements by hand with the account owners. last March that "
    "caught a duplicated supplier file worth about forty thousand pounds before the board saw it."
)
METHOD_OF_THE_SYSTEM = (
    "every stage of the load writes down its row counts, and before release a check compares them with the source system. "
    "the five biggest movements are also gone through by hand with the account owners. last March that caught a duplicated "
    "supplier file worth about forty thousand pounds before the board saw it."
)


def test_a_method_told_of_the_routine_is_credited_like_the_same_method_told_with_i():
    with_i, of_system = card(CHECK_Q, METHOD_WITH_I), card(CHECK_Q, METHOD_OF_THE_SYSTEM)
    assert of_system.criterion("approach.method").score >= 3
    assert of_system.criterion("approach.method").score >= with_i.criterion("approach.method").score - 1
    assert abs(with_i.overall - of_system.overall) <= 10


def test_a_sound_method_without_the_questions_words_is_not_off_topic():
    assert card(CHECK_Q, METHOD_WITH_I).criterion("specificity.relevance").score >= 2


ROOT_Q = "Tell me about a time you tracked down the cause of a recurring fault."
RESULT_AFTER = (
    "it was my job to keep the label printers on the packing line running, and they were jamming about twenty times a week. "
    "I logged every jam for a fortnight with the time and the roll batch, and nearly all of them came from one supplier's "
    "rolls, whose core was a millimetre wider. I sent the supplier the log, they changed the core, and I set a check on "
    "each new delivery. after that we had one jam a week instead of roughly twenty."
)
RESULT_UP_FRONT = (
    "I was responsible for the label printers on the packing line, and jams went from 20 a week to 1 a week in the end. "
    "the way I got there: I logged every jam for two weeks with the time and the roll batch, and almost all came from one "
    "supplier's rolls, whose core was 1 millimetre wider. I sent them the log, they changed the core, and I set up a check "
    "on each new delivery."
)
HEDGED_A = ("so there was a customer who wanted a refund on a coat without a receipt and she was shouting. I stayed calm and "
            "got my manager, and I think she ended up getting store credit. I learnt you have to stay calm with customers.")
HEDGED_B = ("I've learnt you have to stay calm with customers. one time a woman was shouting because she wanted her money back "
            "for a coat with no receipt. I kept calm and got my manager, and I think she got store credit in the end.")


@pytest.mark.parametrize("question, first, second", [
    (ROOT_Q, RESULT_AFTER, RESULT_UP_FRONT),
    ("Tell me about a time you dealt with a difficult customer.", HEDGED_A, HEDGED_B),
    (CHECK_Q, METHOD_WITH_I, METHOD_OF_THE_SYSTEM),
])
def test_the_same_facts_in_other_words_score_within_ten_points(question, first, second):
    assert abs(card(question, first).overall - card(question, second).overall) <= 10


def test_a_result_told_up_front_is_still_the_result():
    assert card(ROOT_Q, RESULT_UP_FRONT).criterion("star.result").score >= 3



def test_a_result_said_as_a_result_is_the_result_wherever_its_clause_falls():
    """A logistics trial's answer to "what was the result?": one long sentence, cut into clauses, puts its
    "As a result, ..." clause first, before the clause with an action, and it read as no outcome (1 of 4,
    "vague")."""
    from mockint.scoring.offline import judge

    answer = ("As a result, the pick error rate on the night shift went from about five percent to two within "
              "six weeks, and we stopped losing two of the big supermarket credits every month.")
    rule = judge(read_answer(answer, "What was the result?"))["star.result"]
    assert rule.score >= 3 and "5% to two" in rule.quotes[0]  # its numbers as transcription writes them
    assert card("Tell me about a time you improved accuracy.", answer).criterion("star.result").score >= 2

# --- question kinds -----------------------------------------------------------------------------------

@pytest.mark.parametrize("question, kind", [
    ("What is it that would drive you to do a good job in the control room?", "motivation"),
    ("Bookings fell ten percent last month. How would you check whether that's real?", "technical"),
])
def test_questions_worded_this_way_are_of_their_kind(question, kind):
    assert classify(question) == kind


def test_a_broken_bad_outcome_list_is_one_line_naming_the_file(tmp_path):
    from mockint.errors import DataFileError
    from mockint.scoring.semantic import _bad_outcomes_data

    path = tmp_path / "substance.yaml"
    path.write_text("schema_version: 1\nbad_outcomes:\n  happened: [lost]\n  averted: [no]\n  stood_by: [a win]\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match=r"substance.yaml: `bad_outcomes.averted` must be a non-empty list"):
        _bad_outcomes_data(str(path), 1)


@pytest.mark.parametrize("question, polish, plain, plain_at_least", [
    # batch 5's polish for lifting practice after a poor inspection scored 68 (graded 1 of 5); this one is made up
    ("Tell me about a time you had to lift standards on your ward after a poor audit.",
     "yeah so quality is something I've always driven from the front. I came in and aligned the whole team around "
     "a shared vision of excellence, I led on culture and I led on accountability, and I built a continuous "
     "improvement mindset. I identified the key levers and mobilised the team against them, I modelled the "
     "behaviours I expected and held people to account with rigour. within six months we saw a forty percent "
     "uplift in quality across the board and we were operating at a completely different level.",
     "after our March audit scored sixty one percent on pressure area care, I asked to lead the fix. I went through "
     "the twelve failed records with the two nurses who wrote most of them, and we found the turning charts were "
     "kept at the nurses' station, not the bedside. I moved them to the bedside, added a two hourly check to the "
     "safety huddle and spot checked five charts a shift for a month. the June audit scored ninety two percent.", 60),
    # a site engineer's trial: the steps of any story with nothing in them scored 85, strong, Real past example 4 of 4
    ("Give me an example of when you caught a problem on site before it turned into an expensive one.",
     "so in my previous role I was responsible for quality on a major highways project and my goal was to make "
     "sure we delivered on time and to budget. I identified a problem early, I analysed the situation, I "
     "developed a plan, I communicated with all the stakeholders and I implemented the solution. as a result we "
     "saved about thirty percent on the cost and the client was really happy, and what I learned was the "
     "importance of communication and being proactive.",
     "on the A14 job I was checking the rebar on a culvert base the night before the pour and the cover was maybe "
     "twenty mil, not the forty on the drawing. I identified the problem with the chairs, they were the wrong size, "
     "so I stopped the pour, got the right spacers in first thing, re-inspected with the ganger, and we poured a "
     "day late rather than breaking out a base a year later.", None),
], ids=["leadership_language", "steps_of_any_story"])
def test_polish_is_empty_talk_and_its_plain_twin_is_not(question, polish, plain, plain_at_least):
    assert "empty_talk" in gates_of(question, polish) and card(question, polish).overall <= 40
    assert "empty_talk" not in gates_of(question, plain)
    if plain_at_least is not None:
        assert card(question, plain).overall >= plain_at_least


def test_service_talk_with_no_event_is_empty_talk():
    # batch 6's polish for "a difficult passenger on a flight" scored 82 (graded 1 of 5); this one is made up
    question = "Tell me about a time you dealt with an angry guest at reception."
    polish = ("so in my last role I consistently handled challenging guest interactions. I took full ownership from start "
              "to finish, I actively listened, I used my emotional intelligence and I made sure the whole team was on the "
              "same page. I stayed calm, I escalated appropriately and I'm very customer centric, so every stay became a "
              "memorable experience, and my manager called me a role model for service recovery.")
    assert "empty_talk" in gates_of(question, polish) and card(question, polish).overall <= 40


def test_work_going_on_since_a_time_is_a_story_still_being_told():
    # "Since March I've been moving our smaller trade accounts onto direct debit ... about forty have signed up so far":
    # a batch-10 answer graded 3.5 read as a habit, no real event (14 of 100).
    question = "Tell me about a time you brought down overdue debt on your ledger."
    answer = ("so this one's still going. since january I've been moving our smaller builders' merchants onto card "
              "payments through Stripe, about fifty of them, and I phone each one myself. thirty have switched so far, "
              "and overdue on that group's down from around seventy grand to forty. I want the rest done by june, "
              "that's what I agreed with the finance director.")
    scored = card(question, answer)
    assert scored.criterion("specificity.real_example").score >= 2
    assert scored.criterion("star.action").score >= 2
    assert scored.overall >= 45
