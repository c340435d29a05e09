"""A proud disaster with a good figure after the harm, against a genuine recovery from the same job.

Every answer here was written for this file (none from the scoring corpus or any writer's outcome set). Each proud
disaster tells a harm its candidate's own step led to (waits, complaints, falls, exclusions, a rating that fell) and
then a good figure on another measure, the one the candidate was after ("but labour came down to twenty four percent
of sales, which was the target"), and leaves it there: that figure is what the harm was traded for, not a recovery.
Its twin keeps the job, the step and the harm, then the candidate does something about it and the harmed measure
itself comes back ("by March average waits were back under fifteen minutes"). A probe's reply is scored with its
story (coaching/probe.combined_transcript): one that adds only a vague lesson while the story stands by the harm
must leave it gated; one that says what was put right and what was learned may lift it.
What is asserted are properties: the gate, the band, and which of two answers scores higher.
"""

from __future__ import annotations

import pytest
from test_proud_disasters import gates_of  # the same reading of an answer's shut gates

from mockint.coaching.probe import combined_transcript
from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.offline import OfflineScorer, figure_contradictions, read_answer, stood_by_bad_outcome
from mockint.scoring.rubrics import load_rubrics

GATE = "bad_outcome_stood_by"


def card(question: str, answer: str | Transcript):
    transcript = answer if isinstance(answer, Transcript) else Transcript(text=answer, duration=0.0)
    return score_question(OfflineScorer(), question, transcript, load_rubrics())


# (occupation, question, a proud disaster with a good figure after the harm, its genuine recovery)
PAIRS = [
    ("restaurant manager", "Tell me about a cost saving you led.",
     "So I was the manager of a busy restaurant and labour was running at thirty one percent of sales, and the owner wanted it under twenty five. "
     "I went through the rota with my assistant manager and cut front-of-house hours by about twenty percent. "
     "The next month average waits went up to forty minutes and we picked up three one-star reviews, but labour came down to twenty four percent of sales, "
     "which was the target, so I'd call it a real success.",
     "So I was the manager of a busy restaurant and labour was running at thirty one percent of sales, and the owner wanted it under twenty five. "
     "I went through the rota with my assistant manager and cut front-of-house hours by about twenty percent. "
     "The next month average waits went up to forty minutes and we picked up three one-star reviews, so I brought back the Friday and Saturday evening shifts "
     "and took the hours from weekday lunches instead, and by March average waits were back under fifteen minutes, "
     "with labour at twenty five percent of sales, so I'd call it a real success."),
    ("contact centre manager", "Tell me about a time you reduced costs.",
     "I ran a contact centre of about forty agents and the brief was to take cost out. I cut the late shift from fourteen agents to ten and moved "
     "the rest onto days. within a month the abandon rate went from four percent to nineteen and complaints doubled, but cost per call came down "
     "by about thirty percent, which is exactly what the board asked me for.",
     "I ran a contact centre of about forty agents and the brief was to take cost out. I cut the late shift from fourteen agents to ten and moved "
     "the rest onto days. within a month the abandon rate went from four percent to nineteen and complaints doubled. I put two agents back on the "
     "late shift and set up a callback option for the evening peak, and within six weeks the abandon rate came back down to five percent and "
     "complaints were back to where they had been, with cost per call still about twenty percent lower."),
    ("warehouse manager", "Tell me about a change you made to improve productivity.",
     "I managed a distribution warehouse and I moved the pickers onto a piece rate to speed things up. by the end of the quarter mis picks had gone "
     "up to about three hundred a week and two of the team leaders had handed in their notice, but we got throughput up by eighteen percent, "
     "so I'd say it paid off.",
     "I managed a distribution warehouse and I moved the pickers onto a piece rate to speed things up. by the end of the quarter mis picks had gone "
     "up to about three hundred a week and two of the team leaders had handed in their notice. I put a scan check back at packing and took "
     "the rate off any pick that failed it, and by the summer mis picks were back down to about forty a week, with throughput still up about "
     "twelve percent."),
    ("ward manager", "Tell me about a time you managed a budget.",
     "as ward manager I was asked to get us back on budget, so I stopped using agency nurses on nights. by the spring falls had gone up from two "
     "a month to seven and we'd had a medication error that went to a serious incident review, but we came in forty thousand under budget, "
     "which I'm really proud of.",
     "as ward manager I was asked to get us back on budget, so I stopped using agency nurses on nights. by the spring falls had gone up from two "
     "a month to seven and we'd had a medication error that went to a serious incident review. I brought one agency nurse back on nights and "
     "moved the drug round earlier so it was done before the handover, and within three months falls were back down to two a month, and "
     "we still came in about twenty thousand under budget."),
    ("engineering manager", "Tell me about a time you delivered under pressure.",
     "I led the team rebuilding our checkout and I pushed us to ship two weeks early for the sale. the week after launch errors went up to about "
     "five percent of orders and refunds tripled, but we hit the date and conversion went up by two percent, so it was a big win.",
     "I led the team rebuilding our checkout and I pushed us to ship two weeks early for the sale. the week after launch errors went up to about "
     "five percent of orders and refunds tripled. I rolled the payment step back to the old version the same day and we fixed the retry bug, "
     "and by the end of the week errors were back down to under half a percent and refunds came down to the usual level, and conversion went up by "
     "two percent, so it was a big win."),
    ("head of year", "Tell me about a policy you introduced.",
     "as head of year ten I brought in a zero tolerance detention policy. over the autumn term exclusions went from four to fifteen and three "
     "families took their children out of the school, but attendance went up to ninety six percent, which was our target.",
     "as head of year ten I brought in a zero tolerance detention policy. over the autumn term exclusions went from four to fifteen and three "
     "families took their children out of the school. I changed it so a first detention was a conversation with the tutor and parents, and "
     "by the summer exclusions were back down to three, and attendance went up to ninety six percent, which was our target."),
    ("hotel operations manager", "Tell me about a cost saving you made.",
     "I ran operations at a ninety room hotel and I cut two room attendants from housekeeping. guest complaints went up by about half and our "
     "tripadvisor score fell from four point six to four point one, but the wage bill came down by eighteen thousand a year, which was the "
     "saving I was asked for.",
     "I ran operations at a ninety room hotel and I cut two room attendants from housekeeping. guest complaints went up by about half and our "
     "tripadvisor score fell from four point six to four point one. so I brought one attendant back for the weekend changeovers and "
     "put in a room check by the supervisor, and within four months complaints came back down to where they were and the tripadvisor score went "
     "back up to four point five, with the wage bill still nine thousand a year lower."),
    ("store manager", "Tell me about a difficult decision you made.",
     "I ran a supermarket and I reduced the checkouts open on weekdays from six to three. queues got so long that customer numbers fell by about "
     "ten percent and complaints went up, but staff costs came down by twelve percent, and I'd make the same call again.",
     "I ran a supermarket and I reduced the checkouts open on weekdays from six to three. queues got so long that customer numbers fell by about "
     "ten percent and complaints went up. I opened a fourth till from eleven to two and trained the shelf team to jump on when the queue passed "
     "four, and by the next quarter customer numbers were back up to where they were and complaints came down to a couple a month, "
     "with staff costs still eight percent lower, and I'd make the same call again."),
    ("logistics manager", "Tell me about a time you saved your company money.",
     "I ran logistics for a building supplies firm and I switched us to a cheaper courier to cut delivery costs. over the next quarter "
     "two of our trade customers moved their business elsewhere and a third cancelled his account. we saved about thirty thousand a "
     "year on delivery, which was what finance wanted.",
     "I ran logistics for a building supplies firm and I switched us to a cheaper courier to cut delivery costs. over the next quarter "
     "two of our trade customers moved their business elsewhere and a third cancelled his account. I put their orders back on the old "
     "courier and rang all three buyers myself, and by the spring all three customers had come back to us, with delivery costs still "
     "about twenty thousand a year lower."),
]

# twins: the same story; only whether the harmed measure itself comes back differs
# (occupation, question, story with {end}, a good figure on another measure, the harmed measure itself back)
TWINS = [
    ("restaurant manager", "Tell me about a cost saving you led.",
     "I cut front-of-house hours by about twenty percent. the next month average waits went up to forty minutes and we picked up three one-star "
     "reviews, but by March {end}, so I'd call it a real success.",
     "labour was down to twenty four percent of sales", "average waits were back under fifteen minutes"),
    ("bus operations manager", "Tell me about a change you made to a bus service.",
     "I merged two of our town routes into one loop to free up a driver. over the next two months passenger numbers on the loop fell by a fifth. "
     "I moved the loop's first bus earlier to meet the school run and put the timetable up at every stop, and by the summer {end}, which I'm proud of.",
     "fuel costs were down by about eleven percent", "passenger numbers on the loop were back to where they had been"),
    ("practice manager", "Tell me about a process you changed.",
     "I moved all our appointment booking online to free up the reception team. that winter no shows went up by a third. so I added a text "
     "reminder the day before, and by the spring {end}, and I'd do it again.",
     "reception overtime came down by sixty hours a month", "no shows were back down to about five a week"),
    ("site manager", "Tell me about a time you kept a project on budget.",
     "I ran a block of forty flats and I switched us to a cheaper scaffolding firm to save money. within two months we were three weeks behind "
     "and near misses went up to about six a month, but by the end of the job {end}, and I'd make the same call again.",
     "we came in eighty thousand under budget", "near misses were back down to one a month and we'd made the three weeks back"),
]

# (question, story, a vague lesson that still stands by it, a reply that says what was put right and what was learned)
STORY_AND_REPLIES = [
    ("Tell me about a cost saving you led.",
     PAIRS[0][2],
     "Looking back I'd probably explain the changes to the team a bit better, but the numbers speak for themselves and I still think it was the right call.",
     "Looking back I cut the wrong shifts. the waits and the reviews were telling me that, so I brought back the Friday and Saturday evening "
     "servers and took the hours from weekday lunches instead, and by March average waits were back under fifteen minutes. I learned to watch "
     "the waits as closely as the labour figure before I touch a rota."),
    ("Tell me about a time you reduced costs.",
     PAIRS[1][2],
     "I learned that you have to communicate change well, and honestly I'd do exactly the same again.",
     "In hindsight I cut too deep on the late shift. I put two agents back on it and set up a callback option for the evening peak, and within "
     "six weeks the abandon rate came back down to five percent and complaints were back to where they had been. I learned to model the "
     "abandon rate before cutting any shift."),
    ("Tell me about a policy you introduced.",
     PAIRS[5][2],
     "I learned a lot from it about leadership, and I'd stand by it.",
     "Looking back it was too blunt. I changed it so a first detention was a conversation with the tutor and parents, and by the summer "
     "exclusions were back down to three. I learned to try a policy with one form group before the whole year."),
]

# (index into PAIRS, a reply to "how did you measure that?" that adds detail and no lesson)
MEASURED_REPLIES = [
    (5, "I tracked it week by week on a spreadsheet with the attendance officer, from the register data and the behaviour "
        "log, and I reported it to the head and the governors every half term with a breakdown by tutor group and by the "
        "day of the week."),
    (6, "I took the complaints from the guest feedback system and the score from tripadvisor every Monday, and the wage "
        "bill from the payroll report, and I went through all three with the general manager at our weekly operations "
        "meeting so we both saw the same numbers."),
]


def test_the_cases_cover_enough_jobs():
    assert len(PAIRS) >= 6 and len({occupation for occupation, *_ in PAIRS}) >= 6
    assert len(TWINS) >= 3 and len(STORY_AND_REPLIES) >= 3


@pytest.mark.parametrize("occupation, question, proud, recovery", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_good_figure_after_the_harm_is_no_recovery(occupation, question, proud, recovery):
    assert stood_by_bad_outcome(read_answer(proud, question))
    assert GATE in gates_of(question, proud)
    assert card(question, proud).band == "weak"


@pytest.mark.parametrize("occupation, question, proud, recovery", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_harm_put_right_keeps_its_band(occupation, question, proud, recovery):
    # the harmed measure came back: neither a disaster stood by nor figures that contradict themselves
    assert not stood_by_bad_outcome(read_answer(recovery, question))
    assert not {GATE, "incoherent_figures"} & set(gates_of(question, recovery))
    recovered = card(question, recovery)
    assert recovered.band != "weak" and recovered.overall > card(question, proud).overall


@pytest.mark.parametrize("occupation, question, story, other, back", TWINS, ids=[t[0] for t in TWINS])
def test_only_the_harmed_measure_coming_back_lifts_the_gate(occupation, question, story, other, back):
    traded, recovered = story.format(end=other), story.format(end=back)
    assert GATE in gates_of(question, traded)
    assert GATE not in gates_of(question, recovered)
    assert card(question, recovered).overall > card(question, traded).overall


def test_a_measure_that_worsens_again_is_not_put_right():
    # "again" says a thing came back, but not a measure said in the same breath to move the wrong way
    question, story = TWINS[0][1], TWINS[0][2]
    assert GATE in gates_of(question, story.format(end="average waits went up again to fifty minutes"))


def test_a_worsened_measure_that_comes_back_is_no_contradiction():
    question, story, other, back = TWINS[1][1:]
    assert figure_contradictions(read_answer(story.format(end=other), question)) >= 1
    assert figure_contradictions(read_answer(story.format(end=back), question)) == 0


@pytest.mark.parametrize("question, story, vague, genuine", STORY_AND_REPLIES, ids=["restaurant", "contact centre", "school"])
def test_a_reply_adds_what_was_missing_without_erasing_the_harm(question, story, vague, genuine):
    told = Transcript(text=story, duration=30.0)
    alone = card(question, told)
    with_vague = card(question, combined_transcript(told, Transcript(text=vague, duration=8.0)))
    with_genuine = card(question, combined_transcript(told, Transcript(text=genuine, duration=20.0)))
    assert GATE in gates_of(question, story)
    # a vague lesson while still standing by the harm: still a disaster stood by, still weak
    assert GATE in gates_of(question, f"{story} {vague}") and with_vague.band == "weak"
    # what was put right and what was learned: the story is no longer one that stands by its harm
    assert GATE not in gates_of(question, f"{story} {genuine}")
    assert with_genuine.overall > max(alone.overall, with_vague.overall)


@pytest.mark.parametrize("at, reply", MEASURED_REPLIES, ids=[PAIRS[at][0] for at, _ in MEASURED_REPLIES])
def test_a_reply_that_moves_the_harms_into_the_first_half_leaves_them_told(at, reply):
    # scored with its story, the reply puts the story's harms in the first half of the whole; they are still its ending
    _, question, proud, _ = PAIRS[at]
    assert GATE in gates_of(question, f"{proud} {reply}")
    joined = combined_transcript(Transcript(text=proud, duration=30.0), Transcript(text=reply, duration=20.0))
    assert card(question, joined).band == "weak"


def test_a_rule_told_in_the_past_perfect_is_the_situation_not_a_harm_stood_by():
    # "had brought in a rule that ... had to close" is where the story starts; standing by speaking up about it,
    # after a lesson, stands by no harm
    question = "Describe a time you disagreed with your manager's decision."
    answer = ("I disagreed and I said so in the department meeting, which looking back was a bit too blunt. my manager, "
              "the head of department, had brought in a rule that every coursework file had to close by the end of march, "
              "a month earlier than before, and two of my groups had students with long absences. she kept the rule, so "
              "I ran two catch up sessions a week and all but one of them finished in time. I still think I was right "
              "to raise it.")
    assert not stood_by_bad_outcome(read_answer(answer, question))


def test_a_harm_in_a_clause_after_the_first_step_is_what_the_step_came_to():
    # one breath, no verdict: the step, then two harms and a good figure on another measure
    question = "Tell me about a cost saving you led."
    answer = ("I cut front-of-house hours by about twenty percent; the next month average waits went up to forty minutes "
              "and we picked up three one-star reviews, but labour came down to twenty four percent of sales, which was "
              "the target.")
    assert GATE in gates_of(question, answer)
    # the situation the step answered, told in the same clause, is no harm the step led to
    situation = ("I took over the account after the client complained about late deliveries. I set up a weekly call with "
                 "their buyer and moved their orders to the morning run, and complaints came down to one a quarter, so I'd "
                 "call it a real success.")
    assert GATE not in gates_of("Tell me about a time you turned a client relationship around.", situation)
