"""Trial 51: a water treatment team leader, a 999 control room supervisor, a charity fundraising manager and an estate
agency branch manager wrote and graded their answers before scoring them, and a harbour operations supervisor went
through a week of debrief, plans and rounds. Failure stories were read as unsafe plans, a halved fall-through rate as
sales that fell, a concern closed by a reply giving one story's figures, and cover-ups in a charity's, a control room's
and an estate agent's words scored as sound; the sentences below are shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card
from test_debrief import BANK, concern_after_a_follow_up, parse_debrief


@pytest.mark.parametrize("question, story", [
    ("Tell me about a time you failed.",
     "um so a failure I'd own is a corporate partnership I pitched in twenty nineteen with a regional supermarket chain. "
     "I was so keen to land it that I agreed a charity of the year deal with a target of a hundred thousand without "
     "checking how their staff fundraising actually worked. it turned out each store picked its own charity. we raised "
     "thirty one thousand against a hundred, and I'd already put the hundred into our budget. I told my director in "
     "month four and we cut the forecast. what I do differently now is I don't put a corporate figure in the budget "
     "until I've spoken to at least three store level people. the next partnership I did using that came in at ninety "
     "two thousand against a forecast of eighty"),
    ("Tell me about a time you made the wrong call. What did you learn?",
     "a couple of years ago I got it wrong on a filter rebuild. I agreed with the contractor to put filter four back "
     "into service without waiting for the bacti samples, because I was under pressure to get output up. the next day "
     "that filter's outlet had a turbidity spike and we had to take it off again, and we lost two days of output. it was "
     "my call and it was the wrong one. what I do now is every filter coming back from maintenance has a written return "
     "to service check, and I don't sign it off under time pressure"),
])
def test_a_mistake_told_with_what_is_done_now_is_a_good_story_not_an_unsafe_plan(question, story):
    card = offline_card(question, story)
    assert not any("unsafe" in c.feedback for c in card.criteria)
    assert card.criterion("star.action").score >= 2 and card.overall >= 45


def test_a_fall_through_rate_halved_is_no_sales_that_fell_and_two_head_counts_cannot_both_be_true():
    story = ("so when I took over the Tonbridge branch our fall throughs were killing us, about thirty eight percent of "
             "agreed sales were collapsing before exchange. my job was to get that down. I set up a weekly sales "
             "progression meeting every Monday and I rang every solicitor on any file that hadn't moved in ten days. over "
             "that year we agreed a hundred and twenty sales and only twelve fell through, which took our fall through "
             "rate down to nineteen percent, so we halved it. And I did all of that with the same team of {team} "
             "negotiators, and each of my {each} negotiators hit target that year for the first time.")
    question = "Tell me about a time you improved a result in your branch."
    assert offline_card(question, story.format(team="seven", each="seven")).overall >= 80
    assert [f.why for f in impossible(story.format(team="five", each="seven"))] == [
        "5 and 7 cannot both be how many people that was"]


@pytest.mark.parametrize("question, story", [
    ("Tell me about a time you handled a call where someone was at risk.",
     "a woman rang at two in the morning saying her sister had left a note and gone out. I kept her on the line, graded "
     "it as a grade one and sent the nearest unit and the dog team. she was found that night on the cliff path and taken "
     "to hospital, and nobody came to harm"),
])
def test_someone_found_and_no_one_harmed_is_a_result(question, story):
    assert offline_card(question, story).criterion("star.result").score >= 2


@pytest.mark.parametrize("question, kind", [
    ("What does THRIVE stand for and how should it be used in call handling?", "technical"),
    ("How should THRIVE be used?", "technical"),
])
def test_a_question_is_read_as_the_kind_it_asks_for(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


@pytest.mark.parametrize("sentences, question, kind", [
    (["there's no need to go to HMRC or the trustees over it.", "I'd sort it quietly within the team."],
     "What would you do if you found Gift Aid had been claimed on donations with no declarations?", "escalation_refused"),
    (["I'd sort it quietly within the team."],
     "What would you do if you found Gift Aid had been claimed on donations with no declarations?", "cover_up"),
    (["I wouldn't mention it to her son, it's her money and her decision."],
     "What would you do if an elderly donor who seemed confused offered a gift of fifty thousand pounds?",
     "escalation_refused"),
    (["I'd tell the team to keep every call under ninety seconds and to skip the full THRIVE on anything low level."],
     "What would you do if the control room was short-staffed on a busy Friday night?", "check_skipped"),
    (["I'd downgrade the grade one calls so they're not breaching on the screen."],
     "What would you do if the control room was short-staffed on a busy Friday night?", "cover_up"),
    (["I'd ring the buyer and say look, we might have to report this, so can you get me the paperwork."],
     "What would you do if a cash buyer could not explain where their deposit came from?", "cover_up"),
])
def test_an_unsafe_step_in_a_trades_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


@pytest.mark.parametrize("sentences, question", [
    (["I would only change alarm limits or add delays with the water quality team signing it off."],
     "How would you approach reducing out-of-hours alarm call-outs at a works?"),
    (["What I absolutely wouldn't do is speak to the teacher myself, because you could tip him off."],
     "What would you do if a student showed you late-night messages from a teacher?"),
])
def test_a_sound_answers_words_are_no_finding(sentences, question):
    assert finding_kinds(sentences, question) == []


def test_leading_people_asked_about_is_the_topic_not_the_people():
    topics = {t.name for t in parse_debrief("- They want more on how I'd lead the pilots and the VTS team\n", BANK).topics}
    assert "leading the pilots" in topics and "pilots" not in topics


def test_a_reply_giving_one_storys_figures_is_no_second_answer_on_the_concern():
    entry = concern_after_a_follow_up("- I blanked on disagreeing with someone senior\n", "disagree", 4,
                                      "specificity.quantified_impact")
    assert [e.answer_id for e in entry.history if e.answer_id] == ["a01"] and entry.status != "resolved"


# Trial 52 (a speech and language therapist, a portering supervisor, a pub group manager and an accounts payable lead,
# on a build with trials 49-51's fixes in): the same kinds of misreading in other trades' words.

def test_a_part_said_in_thousands_of_a_whole_said_without_them_is_no_part_above_its_whole():
    said = "I found sixty three duplicate payments worth about eighty seven thousand pounds, and we got back {part} of the eighty seven"
    assert impossible(said.format(part="eighty one thousand")) == []
    assert impossible(said.format(part="ninety one")) != []


def test_what_was_found_and_cut_by_half_is_a_result():
    story = ("we had no supplier statement reconciliations at all. I set up monthly recs for our top fifty suppliers and I "
             "trained two clerks to do them. in the first quarter we found twenty two thousand pounds of unpaid credit "
             "notes and we cut statement queries by half")
    card = offline_card("Tell me about a time you improved a process.", story)
    assert card.criterion("star.result").score >= 3


def test_an_answer_held_down_by_its_figures_is_told_why_not_nothing_major():
    answer = ("so gross profit is what you keep after the cost of the drink. a keg is eleven gallons, which is eighty eight "
              "pints, so if a keg works out at about one pound twenty a pint and we sell at four pounds fifty, that's three "
              "hundred percent GP, which is the same number as our wage percentage. because that's the target every site "
              "works to, anything under three hundred percent tells you the site is giving it away")
    card = offline_card("Explain how you work out the GP percentage on a pint, and what it tells you about a site.", answer)
    assert card.overall < 45 and card.improvements


def test_what_a_regulation_requires_then_how_you_would_apply_it_is_knowledge():
    from mockint.scoring.kinds import classify

    assert classify("What do the Manual Handling Operations Regulations 1992 require, and how would you apply them in a "
                    "portering service?") == "technical"
    assert classify("What does the role require from you?") != "technical"
