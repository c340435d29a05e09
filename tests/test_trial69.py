"""Trial 69: a security supervisor, a sterile services supervisor, a removals operations supervisor, a garden centre manager
and a museum visitor services manager (the last through a week of debrief, plans and rounds). A retried answer ending
"In the first year we had just over eleven hundred visitors ... ninety one percent rated it four or five out of five. It
was part of why we got Autism Friendly accreditation" had "a vague outcome" (Result 1 of 4); "after three months late
loan kits went from 23 a quarter to 4" was a harm "months late" (a strong story gated at 22); and a till shortfall topped
up "from the petty cash tin ... so the banking balances and head office doesn't get a query" scored 93.3, its cover-up
quoted as judgement. Shortened from the trials' own."""

from __future__ import annotations

from conftest import finding_kinds, offline_card

RELAXED = ("In twenty twenty three we had a lot of feedback from parents of autistic kids that Saturday mornings were just too "
           "much. I set up a relaxed opening, the first Sunday of every month. I worked with a local autism charity to walk "
           "the building with us, and we made a sensory map. I trained all twenty of my team plus about forty volunteers. In "
           "the first year we had just over eleven hundred visitors to the relaxed openings, and ninety one percent rated it "
           "four or five out of five. It was part of why we got Autism Friendly accreditation last spring.")


def test_a_first_year_measured_and_an_accreditation_gained_are_results():
    question = "Tell me about a time you made your service more accessible."
    assert offline_card(question, RELAXED).criterion("star.result").score >= 3


def test_late_as_the_word_before_a_thing_is_no_harm():
    from mockint.scoring.offline import harms_named

    assert harms_named("after three months late loan kits went from 23 a quarter to 4") == []
    assert harms_named("we finished three weeks late and lost the client") == ["weeks late", "lost"]


TILL = "What would you do if a till came up £300 short at the end of the day?"


def test_a_shortfall_topped_up_so_no_one_asks_is_a_cover_up():
    said = ["and to keep the books tidy i'd have the duty manager top it up from the petty cash tin that night so the "
            "banking balances and head office doesn't get a query on monday morning."]
    assert finding_kinds(said, TILL) == ["cover_up"]
    assert finding_kinds(["i'd recount the till with the cashier and the duty manager and report the shortfall to head "
                          "office that night."], TILL) == []


def test_a_debrief_reads_an_added_note_on_an_answer_and_a_thin_one():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.phrases import verdict
    from mockint.coaching.questions import load_bank

    notes = ("- Marion kept coming back to accessibility - I only really had the quiet hour pilot\n"
             "- I forgot to say we got Autism Friendly accreditation last year - would have helped the accessibility "
             "answer a lot\n")
    (topic,) = parse_debrief(notes, load_bank()).topics
    assert topic.name == "accessibility" and topic.went_badly and topic.mentions == 2
    assert verdict("I said hire more casuals - went badly, pretty thin") == "bad" and verdict("pretty thin") == "bad"


def test_a_figure_said_as_a_multiple_of_the_normal_one_is_checked():
    from conftest import impossible

    story = ("normally we do about sixty funerals a month and that january we did a hundred and twenty which was three "
             "times our normal.")
    assert [f.why for f in impossible(story)] == ['from 60 to 120 is not what "3 times the normal" says']
    assert impossible(story.replace("three times", "twice")) == []
