"""A story meets the topic its question asks about in the topic's own words, not only in the question's.

Asked for "a mistake you made that affected others", a candidate tells of the time they deleted another team's data
without once saying "mistake": "I didn't check", "I assumed", "I said sorry". rubrics/substance.yaml's `topics` list
those words for the failure topic (`answered`); the relevance judge counts them as words of the question once an answer
says two of them. One is no more than a passing word: "eighteen months later" told to a question about a late project;
nor is a number the question says ("two weeks late" against "promoted to engineer two").
All answers made up here.
"""

from __future__ import annotations

from conftest import offline_card

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.offline import OfflineScorer
from mockint.scoring.rubrics import load_rubrics

MISTAKE_Q = "Describe a mistake you made that affected others. How did you put it right?"
MISTAKE_STORY = (
    "so last summer I was a graduate tester and I ran the clean up script on the shared test server after my run. I "
    "assumed it only removed my own test accounts, I didn't check, and it wiped the mobile team's accounts too. they "
    "lost most of a day. I owned up on the team channel straight away and said sorry, then I worked with our senior "
    "engineer to restore the server from the night before, and I added a warning and a dry run option to the script so "
    "it lists what it will delete first. nobody has lost data that way since.")
LATE_Q = "Halfway through a project you realise it will be two weeks late. What do you do, and who do you tell?"
MENTORING_STORY = (
    "the thing I'm proudest of as a manager is growing Priya, a junior on my team at Halden. I paired her with a "
    "senior, gave her ownership of our billing service and ran fortnightly career chats with her. eighteen months later "
    "she led the billing migration herself and got promoted to engineer two.")


def _relevance(question: str, answer: str) -> int:
    card = score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())
    return next(c.score for c in card.criteria if c.criterion == "relevance")


def test_a_mistake_told_without_the_word_mistake_answers_the_question():
    assert _relevance(MISTAKE_Q, MISTAKE_STORY) >= 3


def test_the_same_story_told_to_another_question_does_not_borrow_its_topic():
    assert _relevance("Describe a time you built a relationship with a difficult stakeholder.", MISTAKE_STORY) <= 2


def test_one_passing_word_of_a_topic_is_no_answer_to_it():
    assert _relevance(LATE_Q, MENTORING_STORY) <= 2


def test_a_word_and_its_plural_in_e_meet_each_other():
    # a physio's "exercises" did not meet her question's "exercise programmes": "exercis" against "exercise"
    from mockint.scoring.offline import _stem

    for word, plural in [("exercise", "exercises"), ("programme", "programmes"), ("service", "services"),
                         ("change", "changed"), ("change", "changing"), ("nurse", "nurses")]:
        assert _stem(word) == _stem(plural), (word, plural)
    card = offline_card("How would you make sure patients stick to their exercise programmes?",
                        "I'd agree two or three exercises with them not ten, film them on their phone doing it, link it "
                        "to something they want back like playing with the grandkids, and ring at two weeks to check "
                        "how it's going, and if they've stopped find out why before adding more")
    assert card.criterion("specificity.relevance").score >= 3


def test_a_service_improved_is_the_improvement_topic_met_by_a_phrase_of_small_words():
    # a physio's trial, graded 5 of 5 by her: told it "addresses the question in part" (relevance 2); "down to" had
    # counted as no word met, all its words being small ones
    story = ("so last year our routine MSK waiting list had hit twenty two weeks um I audited the referrals myself and "
             "found about a third were simple low back pain that didn't really need one to one so I set up a six week "
             "back class run by me and a band 5 and I got the GPs to use a new triage form. I checked the numbers every "
             "month and by March the wait was down to nine weeks and the outcome scores from the class were as good as "
             "one to one so we kept it. if I did it again I'd get the GPs in from day one")
    assert offline_card("Tell me about a time you improved a service for patients.", story).criterion(
        "specificity.relevance").score >= 3


def test_a_safety_story_and_a_clash_between_trades_told_in_a_trades_own_words_answer_their_questions():
    # An electrician's trial: never saying "safety" or "conflict" shut the off-topic gate (both 20, one beside its own
    # paraphrase at 96); a safety story told to a clash question still does not meet it.
    safety_q = "Tell me about a time you spotted a safety problem on site that other people had missed."
    safety_story = (
        "on a shop fit out in Leeds I clocked the plasterers running their one ten transformers off a temporary board "
        "with no RCD on that side. I switched it off, locked it off and told the site manager straight away, we had a "
        "proper RCD protected board in within the hour and I put an RCD push test on our daily pre start sheet.")
    clash_q = "Can you give me an example of sorting out a conflict with another trade on a job?"
    clash_story = (
        "the boarders on a job were closing up walls before our first fix had been checked, so we were cutting out "
        "plasterboard to get to back boxes, about forty walls over three weeks. I took photos to the site manager and "
        "proposed a sign off sheet per zone, and every morning I walked the floor with the dry lining foreman. we "
        "didn't open a single wall after that, and the lesson was to get hold points agreed with the other trades up front.")
    assert _relevance(safety_q, safety_story) >= 2 and _relevance(clash_q, clash_story) >= 2
    assert offline_card(safety_q, safety_story).overall >= 50 and offline_card(clash_q, clash_story).overall >= 60
    assert _relevance(clash_q, safety_story) <= 1
