"""Scoring trust problems a new-user trial found (trial 9, a customer success manager going for Team Lead), each read as
its phenomenon across jobs. The first answer of each set is the trial's own; the others are made up for these tests.

- F1: a story that measures one account many times (its before and after, its renewal) is no nonsense with numbers:
  "the figures are each about something new" held her best story at 22.
- F2: a harm foreseen or caught ("predicted churn", "caught 19 of 22 churns") is no harm suffered: a rebuilt health
  score was read as a disaster told proudly (22).
- F6: "my job as pod lead was to..." states the task; it was read as only implied (Task 1 of 4).
- A behavioural question's topic the story never touches is missed whatever the coarse meaning says (batch 4's
  programme launch told for "a member of staff whose performance was falling short": relevance 4, 80/100).
"""

from __future__ import annotations

import pytest
from conftest import offline_card

from mockint.scoring.offline import read_answer, shut_gates, stood_by_bad_outcome, topic_missed

ONE_ACCOUNT_MEASURED = [
    ("Tell me about a time you saved an account that was about to churn.",
     "In October two thousand twenty-three, our second largest customer, a logistics company paying us about one hundred "
     "and twenty thousand dollars a year, had their health score drop from seventy-two to forty-one in six weeks. Their "
     "champion had left and logins fell by sixty percent. I owned the account and the renewal was ninety days out. I "
     "called their new operations director the same week, and instead of pitching, I asked what she was measured on. It "
     "turned out she needed to cut onboarding time for her drivers. I brought in our solutions engineer and we built a two "
     "week pilot of our training module for fifty drivers. I also got our product team to fix two bugs that had been open "
     "for four months. They renewed for two years at one hundred and thirty-five thousand dollars a year, which was a "
     "twelve and a half percent uplift, and their weekly active users went back above three hundred."),
    ("Tell me about a time you turned around a struggling site.",
     "in twenty twenty two I took over our Bristol depot when on-time delivery had gone from ninety six to seventy one "
     "percent in a quarter, with two hundred and forty late drops a week and three drivers off sick. I re-planned the "
     "routes into nine clusters, moved the loading start to five am, and ran a ten minute huddle every morning. within "
     "eight weeks on-time delivery was back from seventy one to ninety four percent and late drops were down to thirty a "
     "week, and the depot kept its two biggest retail contracts."),
]


@pytest.mark.parametrize("question, answer", ONE_ACCOUNT_MEASURED)
def test_a_story_that_measures_its_own_thing_again_is_not_scattered_figures(question, answer):
    reading = read_answer(answer, question)
    assert "scattered_figures" not in shut_gates(reading, 4)
    assert offline_card(question, answer).overall >= 80


FORESEEN_HARM = [
    ("Tell me about your experience with health scores.",
     "What I'd tell them now is how I rebuilt our health score last year. Our old score was mostly logins, and in a review "
     "of the previous four quarters I found it had flagged only nine of the twenty-six accounts that churned. I added "
     "champion changes, support severity and invoice delays, and weighted each by how well it predicted churn. The next "
     "two quarters it caught nineteen of twenty-two churns at least sixty days out, and our team's gross retention went "
     "from eighty-six to ninety percent."),
    ("Tell me about a time you used data to spot a problem early.",
     "on my ward our falls audit only looked back, so last winter I built a simple risk flag from the admission notes, "
     "new sedation, a previous fall and night-time toileting. over the next three months it flagged eleven of the "
     "thirteen patients who went on to fall before they did, and we put sensor mats and hourly rounding on them. falls "
     "with harm went from six in the quarter before to one."),
]


@pytest.mark.parametrize("question, answer", FORESEEN_HARM)
def test_a_harm_predicted_or_caught_is_no_disaster_stood_by(question, answer):
    assert stood_by_bad_outcome(read_answer(answer, question)) is None
    assert offline_card(question, answer).overall >= 60


def test_a_disaster_told_proudly_is_still_one():
    """The foreseeing words lift only the harm they foresee: a churn that happened, stood by, still shuts the gate."""
    answer = ("I pushed the whole base onto the new pricing in one go because I predicted a small dip at most. we lost "
              "eleven of our forty accounts and churn doubled that quarter, but honestly I'd call that a win, it cleaned "
              "out the low-value customers.")
    assert stood_by_bad_outcome(read_answer(answer, "Tell me about a decision you are proud of.")) is not None


@pytest.mark.parametrize("answer", [
    "My job as pod lead was to get him back on track within one quarter, or to make a clear call if it wasn't working.",
    "My role, as the shift lead, was to get the backlog cleared by Friday without paying overtime.",
    # a teacher's trial (17): Task 1 of 4 on "my job from the head was to ..."
    "My job from the head was to get it up across the whole team, not just my own cases, by the end of the quarter.",
    "When I took on the team lead role two years ago, the whole team's completion rate by the end of the quarter was mine.",
])
def test_a_task_stated_with_the_role_it_came_with_is_stated(answer):
    story = ("Last spring one of the four people in my team had the lowest completion rate, seventy percent against a "
             "target of ninety. " + answer + " I pulled his last month of tickets, sat with him for two mornings and set "
             "up a short checklist with him. by the end of the quarter he was at ninety three percent.")
    card = offline_card("Tell me about a time you managed an underperformer on your team.", story)
    assert card.criterion("star.task").score >= 2


def test_a_story_about_something_else_misses_the_topic_of_a_behavioural_question():
    question = "Tell me about a time you had to manage a member of staff whose performance was falling short."
    launch = ("so the one i'd pick is the new evening menu. in twenty twenty two i wrote the business case, took it "
              "through the board in four months, and personally recruited the two chefs. we'd aimed for forty covers a "
              "night and we did eighty six, and it broke even a year early.")
    on_topic = ("one of my chefs, Sam, kept sending plates out late and the other two were covering for him. i sat down "
                "with him after service, asked what was going on, and it turned out he'd never been shown the new pass "
                "system. i paired him with our sous chef for a week and we agreed a check-in every friday. within a "
                "month his tickets were on time and the others stopped covering.")
    assert topic_missed(read_answer(launch, question)) == ["underperformance"]
    assert topic_missed(read_answer(on_topic, question)) == []
    assert offline_card(question, launch).overall < 50 < offline_card(question, on_topic).overall


@pytest.mark.parametrize("sentence, refused", [
    ("i wouldn't change anybody's marks on my own, the regulations don't permit it.", False),
    ("the site rules don't permit lone working, so i'd wait for the second engineer.", False),
    ("i'd skip the permit to work, it's only a ten minute job.", True),
])
def test_permit_is_a_check_only_as_the_paper(sentence, refused):
    """Batch 4: a lecturer's sound plan ("the regulations don't permit it") was read as a check refused and capped."""
    from mockint.scoring import safety

    found = {f.kind for f in safety.findings([sentence])}
    assert ("check_skipped" in found) == refused


@pytest.mark.parametrize("sentence, kinds", [
    ("so I'd keep it in house really, no need to make a big thing of it.", {"cover_up"}),
    ("I don't think you necessarily need to ring the family, it just worries them.", {"escalation_refused"}),
    ("I'd ring the family the same morning and notify CQC, because an unwitnessed fall has to be reported.", set()),
])
def test_a_care_homes_regulator_and_a_residents_family_are_told_not_hidden_from(sentence, kinds):
    """Batch 4: a hidden fall kept "in house", the family not rung, read as a plan with judgement 2 of 4 (66.7)."""
    from mockint.scoring import safety

    assert {f.kind for f in safety.findings([sentence])} == kinds


def test_the_employers_name_is_said_as_you_in_a_motivation_answer():
    """The dev split: "What attracts you to this role with us at Kestrel Electrical Services?" answered with "I saw on
    your website..." was relevance 1 and capped at 35 (graded 5 of 5)."""
    question = "What attracts you to this role with us at Harbour View Dental Practice?"
    answer = ("I saw on your website that you've just opened a sedation clinic and that you take NHS patients as well as "
              "private, which is rare round here. I've done my sedation certificate and I assist on about ten IV sedation "
              "lists a month now, so I'd be using that from day one, and your practice manager said you fund the "
              "radiography course, which is the next thing I want to do.")
    card = offline_card(question, answer)
    assert card.criterion("specificity.relevance").score >= 3 and card.overall_capped is None


def test_a_question_that_mentions_stakeholders_in_passing_is_not_about_them():
    """Batch 4's dev split: "How do you make sure an analysis is right before it goes out to stakeholders?" answered with
    a sound method that never named one was read as off topic (15, graded 4 of 5)."""
    question = "How do you make sure a board paper is right before it goes out to stakeholders?"
    answer = ("every paper goes through three checks. first I reconcile every figure back to the ledger or the source report, "
              "to the penny. second I read it as the most sceptical person on the board would, and every claim has its "
              "evidence in the appendix. third someone who didn't write it reads it cold the day before. last quarter that "
              "third read caught a capital figure that was a year out of date, and we fixed it before it went out.")
    assert topic_missed(read_answer(answer, question)) == []
