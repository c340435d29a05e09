"""Trial 10 (a maths teacher going for Head of Department): a story whose own actions are the unsafe step is held down
like an unsafe plan, unless it is told as a mistake learned from. The first story is the trial's; the others are made
up for these tests.
"""

from __future__ import annotations

import pytest
from conftest import offline_card

UNSAFE_STORIES = [
    ("Tell me about a safeguarding concern you have handled.",
     "Yes, so a year 10 girl in my form stayed behind and told me her stepdad had been hitting her mum and sometimes her, "
     "and she begged me not to tell anyone. I promised her I wouldn't, because I felt the most important thing was "
     "keeping her trust. What I did instead was deal with it myself. I rang her mum that evening to talk it through, and "
     "I kept a close eye on the girl for the next few weeks and checked in with her every morning. I didn't log it on "
     "CPOMS because I didn't want it on her record following her around. Things settled down, and she's doing really "
     "well now, she got a grade 6 in her mock."),
    ("Tell me about a time you found a problem with a medication on your shift.",
     "last winter on nights I found a patient had been given a double dose of enoxaparin on the day shift. the nurse was "
     "new and really upset, so I didn't report it on Datix and I didn't tell the nurse in charge, we just kept a close "
     "eye on him overnight and checked his obs every hour. he was fine in the end, no bleeding, and the nurse was really "
     "grateful."),
]


@pytest.mark.parametrize("question, answer", UNSAFE_STORIES)
def test_a_story_whose_actions_hide_the_problem_is_held_down(question, answer):
    card = offline_card(question, answer)
    assert card.criterion("star.action").score == 0 and "unsafe" in card.criterion("star.action").feedback
    assert card.overall < 40  # weak, whatever its situation and detail


LEFT_ALONE = [
    # The same mistake told with what was learned: what "tell me about a mistake" asks for.
    ("Tell me about a mistake you made at work and what you learned from it.",
     "in my first year on nights I found a patient had been given a double dose of enoxaparin, and because the "
     "nurse was new and upset I didn't report it on Datix straight away. by the morning I realised that was "
     "wrong, so I told the nurse in charge, we did the Datix together and the pharmacist reviewed him; he was "
     "fine. what I learned is that reporting is how the system catches the next one, so now I report first "
     "and support the person after, and I teach that to every new starter."),
    # A step taken later in a story: the dev split's "got the site manager to mention it at the morning briefing" was
    # read as a report put off.
    ("Describe a time you had to influence people who did not report to you.",
     "on my placement I had to get the subcontractors to hand in their daily diaries on time; they were always "
     "late and it held up valuations. I asked three of the foremen why, made a one page form on the tablet app "
     "we already had, showed each foreman how to do it in two minutes, and got the site manager to mention it at "
     "the morning briefing. within a month on-time diaries went from about half to nearly all."),
]


@pytest.mark.parametrize("question, answer", LEFT_ALONE, ids=["mistake learned from", "step taken later"])
def test_a_story_the_unsafe_reading_leaves_alone(question, answer):
    card = offline_card(question, answer)
    assert card.criterion("star.action").score >= 2 and card.overall_capped is None


def test_a_reply_that_says_what_success_looked_like_states_the_task_precisely():
    """Trial 10: the plan asked "what were you responsible for, and what did success look like?", the reply said both,
    and its Task read 2 of 4 ("stated but vaguely"), so the next plan asked it again."""
    question = ('You said "I was the one who led it". What exactly were you responsible for there, and what did '
                'success look like?')
    reply = ("I was responsible for moving the whole department from written comments to whole-class feedback. Success, "
             "as I set it out to the team in September, was every teacher using the feedback sheets by Easter and "
             "marking time down. By Easter all eight teachers were using them.")
    assert offline_card(question, reply).criterion("star.task").score >= 3


# Trial 10's finding 6: "the year 7 cohort averaged 68% ... against 54% on the same paper the year before" read as one
# figure "not tied to the outcome" (Quantified impact 2/4), where "went from 54 to 68" was a measured change.
_CHANGE_STORY = ("Tell me about a time you improved a process.",
                 "last spring our ward's discharge paperwork was a mess and I was responsible for fixing it. I rewrote the "
                 "checklist and trained the twelve nurses on nights. {}")


@pytest.mark.parametrize("told", [
    "at the next audit the ward averaged 92% compliance against 61% the year before.",
    "at the next audit compliance was 92%, up from 61%.",
    "at the next audit compliance was ninety two percent compared with sixty one percent last year.",
    "at the next audit we had one failure instead of twenty five the year before.",
])
def test_a_figure_set_against_where_it_was_is_a_measured_change(told):
    question, story = _CHANGE_STORY
    as_a_change = offline_card(question, story.format("at the next audit compliance went from 61% to 92%."))
    card = offline_card(question, story.format(told))
    assert card.criterion("specificity.quantified_impact").score >= 3
    assert abs(card.overall - as_a_change.overall) <= 10  # the same facts in other words (the paraphrase bar)


@pytest.mark.parametrize("told", [
    "we did two extractions that day rather than four and brought him back for the other two.",  # a choice
    "my manager wanted every case closed in 35 days instead of 45.",  # a rule
    "at the next audit we had 9 errors against 4 the year before.",  # worse: no change to credit
])
def test_a_choice_a_rule_or_a_worse_figure_is_no_measured_change(told):
    from mockint.scoring.offline import compared_changes
    from mockint.speech.numbers import write_numbers_in_text

    assert compared_changes(write_numbers_in_text(told)) == 0
