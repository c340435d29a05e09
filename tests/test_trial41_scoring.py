"""Trial 41: a police custody sergeant and a finance business partner wrote and graded their answers before scoring
them. Sound plans were capped as unsafe for what they said they would not do ("rather than sign off something I can't
explain", "you cannot tell a head injury from drink by looking", "I would not just have a quiet word ... so I'd refer it
to professional standards": 20 each, 93-100 reworded), and unsafe ones in their trades' words scored 80-93: a loss
parked in an accrual "to release quietly", invoices "just not registered" for a covenant, a man held face down "if he can
talk he can breathe". The sentences below are the trials' own or shortened from them."""

from __future__ import annotations

import pytest
from conftest import finding_kinds

from mockint.scoring.safety import findings


@pytest.mark.parametrize("sentences, question", [
    (["I'd recount, write it off in the year and tell the FD and the auditors first, rather than sign off something I "
      "can't explain."], ""),
    (["you cannot tell a head injury from drink by looking, so he goes to hospital."],
     "A man is brought in drunk with a head injury from a fall and says he is fine. What would you do?"),
    (["I would not just have a quiet word with him, this is a falsified record, so I'd refer it to professional "
      "standards today."],
     "What would you do if you found a detention officer had recorded cell checks that CCTV shows were never done?"),
    (["I wouldn't ask anyone to work through the weekend, I'd move the board pack by a day."], ""),
    (["I didn't want the auditors testing balances in a system that was three weeks old, so I moved the go live."], ""),
    (["no weight on his back or his neck, and one person watches his breathing the whole time."],
     "What would you do if a detainee is being restrained face down on the cell floor and says he can't breathe?"),
])
def test_a_sound_plan_is_no_finding_for_what_it_will_not_do(sentences, question):
    assert finding_kinds(sentences, question) == []


@pytest.mark.parametrize("sentences, question, kind", [
    (["I'd put the other side into an accrual on the balance sheet so the result doesn't swing, we can release it "
      "quietly over the first couple of months."], "", "cover_up"),
    (["I'd pick out the bigger invoices and just not register them until the first week of next quarter."], "",
     "cover_up"),
    (["I'd tell the ops director we're on it and keep the MD out of it until I have an answer."], "", "cover_up"),
    (["I'd keep him face down and get the lads to put their weight on him across his back until he stops struggling."],
     "What would you do if a detainee is being restrained face down on the cell floor and says he can't breathe?",
     "work_goes_on"),
    (["I'd leave him on the floor in the cuffs for a bit to cool down."],
     "What would you do if a detainee is being restrained face down on the cell floor and says he can't breathe?",
     "work_goes_on"),
])
def test_an_unsafe_step_in_a_trades_own_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


def test_if_he_can_talk_he_can_breathe_is_a_shortcut_beside_the_restraint():
    said = [f.kind for f in findings(["I'd keep him face down till he's exhausted himself.",
                                      "if he says he can't breathe, if he can talk he can breathe."])]
    assert "shortcut" in said and "work_goes_on" in said


@pytest.mark.parametrize("question, kind", [
    ("How should inventory be valued under IAS 2, and what goes into its cost?", "technical"),
    ("Your management accountant phones in sick on day two of close and the board pack is due day seven - walk me "
     "through it", "situational"),
])
def test_a_standards_question_is_knowledge_and_a_scene_to_walk_through_is_a_plan(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind  # both read as past stories (38 and 12)


def test_months_with_no_attempts_is_a_result():
    from mockint.scoring.offline import judge_result, read_answer

    story = ("we had three ligature attempts in two months. I decided that any change of circumstance would trigger a "
             "fresh face to face risk assessment, and I put that into the handover template. in the following six months "
             "we had no ligature attempts.")
    assert judge_result(read_answer(story, "Tell me about a time your team solved a problem.")).score >= 3


def test_a_custody_leaders_stock_phrases_are_empty_talk():
    from conftest import offline_card

    waffle = (
        "so leadership for me in custody is really about the people and the culture, making sure that everyone feels "
        "valued and that we're all pulling in the same direction. as a leader you have to be visible, you have to be "
        "approachable and you have to lead by example. detainee welfare is at the heart of everything we do. I'd want "
        "to make sure we're working closely with our partners and stakeholders and that we're joined up with the wider "
        "force. communication is really key so I'd make sure there's a clear vision and that everyone understands their "
        "part in it, and at the end of the day it's about doing the right thing and making custody a place where people "
        "want to work and we keep improving.")
    assert offline_card("How would you lead the custody function as an inspector?", waffle).overall <= 40  # 66.7
