"""Scoring findings of trial 24: a physiotherapist and a retail store manager (16 answers graded by the user before
scoring), and an HR business partner's week of rounds. Answers are the trial users' own, lightly cut."""

from __future__ import annotations

from conftest import offline_card

ADHERENCE_Q = "How do you make sure patients actually stick to their home exercise programmes?"
ADHERENCE = (
    "um so a lot of it is the start honestly, I don't just hand over a sheet of instructions, I get them to do each "
    "exercise in the room and teach it back to me and we agree like two or three exercises max not ten. I use an app "
    "with videos so the instructions are on their phone and if they're not a phone person then a printed sheet with "
    "pictures. and um I'm honest about pain, I'll say if it's a bit sore that's okay, {ignore} this sort of ache up to "
    "about three out of ten, but if it's sharp stop and ring us. then at follow up I do a proper evaluation, did they "
    "do it how often what got in the way, and we adjust. on the team side I brought in a simple rubric for the band "
    "fives in supervision for how they set exercise programmes, goals dosage teach back and follow up, and when I "
    "audited it adherence at review went from about half to nearer three quarters by patient report")


def test_an_example_told_in_one_sentence_among_habits_backs_the_method():
    # "I brought in a simple rubric ... when I audited it adherence went from about half to nearer three quarters" was
    # "a passing, generic mention" (1 of 4); and "ignore this sort of ache" against "put up with this sort of ache"
    # moved the answer 60 -> 70, by one past verb ("put") tipping the share of story verbs
    ignore, put_up = (offline_card(ADHERENCE_Q, ADHERENCE.format(ignore=w)) for w in ("ignore", "put up with"))
    assert ignore.criterion("approach.example").score >= 2
    assert ignore.overall == put_up.overall


SHRINK_Q = "Tell me about a time you improved a key performance measure in your store."
SHRINK = (
    "so at my current store shrinkage was running at 2.1% of sales which was the worst in the region. I was responsible "
    "for getting it down. I went through the loss reports line by line and found most of it was in two areas, "
    "fragrance and the self checkouts. I moved the fragrance testers behind the till, I put a colleague on the self "
    "checkouts at peak times every day and I trained all 24 staff on spotting and recording losses properly. I also "
    "started a weekly 10 minute shrink huddle. after 6 months shrink was down to 1.3% which saved about £38,000 a year "
    "and we went from worst to third best in the region. the thing I learned was most of it wasn't theft it was "
    "process, so next time I'd start with the data sooner")


def test_the_situation_is_quoted_where_the_story_sets_its_scene_and_stakes():
    # quoted at an action ("I moved the fragrance testers behind the till"), 2 of 4, "the stakes stay unclear"
    situation = offline_card(SHRINK_Q, SHRINK).criterion("star.situation")
    assert situation.score >= 3 and situation.evidence[0].quote.startswith("so at my current store shrinkage")


def test_what_was_never_done_is_no_event():
    # an HR partner's definition of the REF, "I haven't worked on it directly", read as a real past event (3 of 4) with
    # a clear situation (3 of 4)
    ref = ("The REF is the Research Excellence Framework, the national assessment of research quality that decides a lot "
           "of the research funding. I haven't worked on it directly, but from an HR point of view it matters for "
           "workforce planning, who you recruit and when, and making sure fixed term contracts are fair. I would work "
           "with the Faculty research director to plan recruitment two or three years out.")
    card = offline_card("Tell me about a time you supported a research assessment exercise.", ref)
    assert card.criterion("specificity.real_example").score <= 1 and card.criterion("star.situation").score <= 1
    # ... where a record kept is still told: "we haven't missed a court deadline", "the judge never saw them"
    kept = offline_card("How do you go about preparing a trial bundle?",
                        "I check all of counsel's skeleton page references against the bundle. that's what caught "
                        "twelve wrong references last March, two days out from trial, so the judge never saw them.")
    assert kept.criterion("approach.example").score >= 2
