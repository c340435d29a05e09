"""Unsafe plans in a trade's everyday words, and sound plans whose words only look unsafe (rubrics/safety.yaml).

From three new-user trials (a warehouse shift manager, a deputy head, a track maintenance team leader) and a support
lead: a sound broken-rail plan "under a line blockage not a lookout" was capped as unsafe (20) while the unsafe one, "I
wouldn't go bothering the signaller ... no need for a speed restriction", scored 80; "NPS is about the product not the
ticket" was a check skipped (40). Every sentence here was written for this file."""

from __future__ import annotations

import pytest
from conftest import finding_kinds


@pytest.mark.parametrize("sentence", [
    "I'd get the gang out under a line blockage not a lookout, because nobody should be in the four foot with trains running.",
    "I'd send them out under a possession rather than lookout protection.",
    "NPS is about the whole relationship with the product not the ticket.",
    "For a P1 I'd page the on call engineer, not the ticket queue, and post on the status page.",
    "I ignore the auto generated tickets from the monitoring alerts when I sample quality.",
    "I'd never promise to keep it secret, I'd tell her I have to pass it on.",
    "I'd ring the LADO the same day and I would not investigate it myself.",
])
def test_sound_words_are_no_finding(sentence):
    assert finding_kinds([sentence]) == []


@pytest.mark.parametrize("sentences, question, kind", [
    (["I'd just fix it in production rather than raise a change ticket."], "", "check_skipped"),
    (["once the clamp is on the trains can run at line speed, no need for a speed restriction."], "", "check_skipped"),
    (["we'd skip the final walk out and hand it back on time."], "", "check_skipped"),
    (["I'd tell him not to worry that it stays between us."], "", "cover_up"),
    (["I'd note the reading down as four on the sheet so it does not flag with the auditors."], "", "cover_up"),
    (["if she says she can manage I'd let her carry on but only at ground level."],
     "What would you do if a counterbalance truck fails its pre use check at the start of a shift?", "work_goes_on"),
    (["I wouldn't ring the signaller straight away.", "I'd send two of the lads out to have a look."], "",
     "escalation_delayed"),
])
def test_an_unsafe_step_in_everyday_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


def test_an_allegation_investigated_alone_first_is_found_and_its_sound_twin_is_not():
    question = "What would you do if a parent told you a teacher had grabbed their child by the arm and left a bruise?"
    alone = ["I'd do a proper investigation myself that afternoon and speak to the teacher.",
             "I'd only go to the local authority if my investigation found something."]
    sound = ["I'd ring the LADO the same day and I would not investigate it myself.",
             "I'd record what the parent said and tell the chair of governors."]
    assert {"handled_alone", "escalation_delayed"} <= set(finding_kinds(alone, question))
    assert finding_kinds(sound, question) == []


def test_a_refusal_told_only_for_now_is_no_finding_where_the_plan_escalates_after():
    sentences = ["I wouldn't ring the signaller straight away, I'd get the patroller to a place of safety first.",
                 "then I'd ring the signaller and ask for the line to be blocked."]
    assert finding_kinds(sentences) == []
