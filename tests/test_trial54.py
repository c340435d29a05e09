"""Trial 54: a stadium safety officer, a commercial property underwriter, an arborist team leader and a lift engineers'
supervisor wrote and graded their answers before scoring them; a university library team leader went through a week of
debrief, plans and rounds. A sound entrapment plan read as escalating only "afterwards" (the fire service was not a
service), a rescue drill run unannounced as refusing to report, a subscription cut that saved £162,000 as a disaster
stood by, a lesson told as a rule brought in and an engineer won over by listening as never getting to what was asked;
unsafe plans in a lift engineer's and an arborist's words scored as sound. The sentences below are shortened from the
trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

ENTRAPMENT = "What would you do if you got a call that a passenger was trapped in a lift and your nearest engineer was ninety minutes away?"


def test_the_fire_service_called_at_once_is_an_escalation_now():
    sentences = ["if anyone's unwell or there's a fire alarm going I'd get the fire service called straight away without "
                 "waiting for us because they can do a release.",
                 "afterwards I'd log it as an entrapment tell the customer honestly how long it took."]
    assert finding_kinds(sentences, ENTRAPMENT) == []
    assert finding_kinds(sentences[1:], ENTRAPMENT) == ["escalation_delayed"]  # the only escalation, told for after


@pytest.mark.parametrize("sentences, question, kind", [
    (["just stick a cone and a bit of tape across the bottom landing and nip in and reset it, there's no point killing "
      "the main switch and locking it off and going through the whole rigmarole for that."],
     "What would you do if an engineer needed to get into the pit to reset a buffer switch and the ward wanted both lifts "
     "in service?", "check_skipped"),
    (["I wouldnt bother ringing the network operator because they take weeks to come out and the customer wants it done "
      "this month."],
     "What would you do if a customer wants a tree reduced that is growing into an 11kV overhead power line?",
     "escalation_refused"),
])
def test_an_unsafe_step_in_a_trades_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


def test_a_drill_run_unannounced_refuses_nothing():
    question = "Tell me about a time you found a serious gap in how your team worked and fixed it."
    assert finding_kinds(["I set up a drill without telling anyone, a dummy forty foot up an oak."], question) == []
    assert finding_kinds(["I carried on with the job without telling anyone."], question) != []


def test_a_cut_chosen_that_saved_money_is_no_disaster_stood_by():
    story = ("we had a twelve percent cut to the resources budget which for us was about a hundred and eighty thousand "
             "pounds. I pulled the COUNTER usage reports for every database for three years and worked out the cost per "
             "download. anything over about fifteen pounds per use went on a review list, that was twenty three "
             "subscriptions. I took that list to the academic liaison meetings for each faculty and we kept four of them. "
             "We cancelled nineteen, moved two big packages to pay per view, and that saved a hundred and sixty two "
             "thousand. The proof is we had only three complaints from academic staff that year about lost access, and "
             "the cancellation paper went to the library committee so it's minuted")
    card = offline_card("Tell me about a time you had to make a budget cut.", story)
    # "and that saved ...": a pronoun that did it, not a participle describing a thing ("the reopened tickets")
    assert card.overall >= 70 and card.criterion("star.result").score >= 3, card.overall


def test_money_landed_under_budget_against_where_it_was_heading_is_a_result():
    story = ("our casual staffing budget for weekend opening was about forty thousand a year and by October we'd already "
             "spent sixty percent of it because of sickness cover. I was responsible for that budget line. I decided to "
             "open at eleven on Sundays instead of nine and I moved two permanent staff to a four day pattern. We ended "
             "the year two thousand pounds under budget rather than the twelve thousand over we were heading for")
    assert offline_card("Tell me about a time a budget was running over.", story).criterion("star.result").score >= 3


def test_what_to_check_before_a_job_is_knowledge():
    from mockint.scoring.kinds import classify

    assert classify("What do you need to check and do before working on a tree that might be protected by a TPO or be "
                    "in a conservation area?") == "technical"


@pytest.mark.parametrize("question, story", [
    ("Tell me about a time you got a decision wrong. What did you learn?",
     "we had a goods lift that kept tripping on the overspeed and I let my engineer reset it three times in two weeks "
     "because the customer was desperate to keep it running. on the fourth trip I went myself and the governor rope was "
     "badly worn. I took it out of service that day and told the customer and my director exactly what had happened. "
     "after that I put a rule in on my patch that any overspeed trip means the lift stays off until a supervisor has "
     "signed it back in, and twice since it has found a real fault"),
    ("Tell me about a time you had to win over an experienced engineer who was resisting a change.",
     "one of my senior engineers really didn't want the new PDA system, he'd been doing paper job sheets for twenty years. "
     "I took him out for a brew and actually listened and his real issue was there was no signal in half the motor rooms. "
     "I raised it with IT and we got the offline mode turned on within a fortnight and I asked him to test it for a month. "
     "by the end of the quarter he was showing the others how to use it and job sheet errors dropped from thirty a month "
     "to six"),
])
def test_a_story_that_answers_the_question_in_its_own_words_is_not_capped(question, story):
    card = offline_card(question, story)
    assert card.criterion("specificity.relevance").score >= 2 and card.overall >= 60, card.overall


def test_stock_phrases_about_culture_are_empty_talk():
    answer = ("safety culture is really really important, because at the end of the day everybody wants to go home safe to "
              "their families. for me it is about culture, and culture is about people. you have got to have an open "
              "door, you have got to lead by example and walk the walk as well as talk the talk. you have to make sure "
              "everybody is singing from the same hymn sheet. it has got to be in the DNA of the business. so I would "
              "make sure there is lots of communication and keep pushing the message that safety comes first, and that "
              "makes a real difference, leading from the front.")
    assert offline_card("How would you improve the safety culture across our crews?", answer).overall <= 40


def test_the_one_decision_of_a_we_story_is_quoted_however_long_the_sentence():
    story = ("so last season we had a big problem with steward turnover we were losing about half of our stewards every "
             "season so we sat down as a team and looked at the exit interviews and we worked with finance to move to "
             "weekly pay and we brought in a buddy system for new starters with an experienced steward um we also ran the "
             "level two qualification in house instead of sending people away the one thing I decided myself was that we "
             "would stop using the agency stewards in the away end because that's where most of our incidents were um by "
             "the end of the season our turnover was down to about a fifth and the away end incidents halved")
    ownership = offline_card("Tell me about a time you led your team through a difficult change.", story).criterion(
        "specificity.ownership")
    assert ownership.score >= 3 and "decided myself" in ownership.evidence[0].quote, ownership


def test_what_someone_said_they_want_more_on_is_read_past_who_said_it():
    from test_debrief import BANK

    from mockint.coaching.debrief import parse_debrief

    notes = "- the HR person said they want more on how I lead a team through restructuring\n"
    # what they still want is what round two will ask for (trial 83: "want more on budget" was retried as an answer that
    # fell flat, on a question round one never asked)
    assert [(t.name, t.reason) for t in parse_debrief(notes, BANK).topics] == [
        ("leading a team through restructuring", "forewarned")]


def test_blanking_on_what_a_thing_is_is_a_gap_in_knowledge_of_that_thing():
    from test_debrief import BANK

    from mockint.coaching.debrief import parse_debrief
    from mockint.scoring.kinds import classify_topic

    line = "Digital licences - asked about negotiating with publishers. Blanked on what a transformative agreement actually is"
    names = [t.name for t in parse_debrief(f"- {line}\n", BANK).topics]
    assert "transformative agreement" in names, names
    assert classify_topic("transformative agreement", [line]) == "technical"
