"""Trial 79: a fire and rescue watch manager, a dairy herd manager, a shopping centre security supervisor, a software
engineering team lead, and a housebuilding site manager (a week of debrief, plans and practice). Shortened from the
trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import pytest
from conftest import offline_card


@pytest.mark.parametrize("question, kind", [
    ("Explain the power of arrest your officers rely on under section 24A of PACE and how they should use it.",
     "technical"),
    ("What does section 24A of PACE allow?", "technical"),
    ("What SIA licence does a CCTV control room operator need?", "technical"),
    ("What does your team need from you?", "behavioural"),
])
def test_what_a_law_allows_and_what_licence_a_job_needs_are_knowledge_questions(question, kind):
    """Read as past stories: the right answers 28 and 16."""
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


PUSH_BACK = "Tell me about a time you had to push back on a roadmap commitment."


def test_options_taken_back_and_a_course_not_recommended_answer_push_back():
    """ "I went back to the CPO with three options ... which I said I would not recommend ... bring options and the cost
    of each, not just a no" was held at 20: "never gets to push back" (94 with the words)."""
    story = ("the CPO had promised a large merchant a multi currency settlement feature by end of quarter. my "
             "responsibility was to tell them whether we could do it. I spent two days with my tech lead mapping what it "
             "needed. {went} she took the cut down version and we shipped on the date.")
    options = ("I went back to the CPO with three options, and the full thing on time only if we paused the PCI work, "
               "which I said I would not recommend.")
    assert offline_card(PUSH_BACK, story.format(went=options)).overall >= 60
    assert offline_card(PUSH_BACK, story.format(went="I went back to the CPO with the plan for the quarter.")).overall < 45


def test_a_topic_said_as_more_than_one_of_something_keeps_its_count():
    """ "programme slippage across more than one site" was the topic "programme slippage across more", read out in five
    plan questions."""
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    notes = "- Mark kept coming back to programme slippage across more than one site, I only talked about my one site\n"
    names = {t.name for t in parse_debrief(notes, load_bank()).topics}
    assert "programme slippage across more than one site" in names, names
    from mockint.coaching.phrases import noun_phrase

    assert noun_phrase("more than that", after_cue=True).text == "more"
