"""How the offline scorer reads phenomena a second batch of writers and a trial user showed it missed.

Each example is general English written for this test, not corpus text: a responsibility told by how it
reached the candidate or by its limit, sentence ends after abbreviations, quotes cut at clause
boundaries, the candidate's own steps listed after commas, the real reason on the card for an answer
with no real event, and relevance under a question too short to share words with its answer.
"""

from __future__ import annotations

import pytest

from mockint.records import Transcript
from mockint.scoring.offline import (
    MAX_QUOTE_WORDS,
    PERSONAL_TASK,
    OfflineScorer,
    judge,
    judge_kinds,
    judge_quantified,
    judge_result,
    judge_task,
    read_answer,
    split_units,
)
from mockint.scoring.rubrics import load_rubrics


@pytest.mark.parametrize("sentence", [
    "i had three days to rebuild the stock file before the auditors came",
    "i had a weekend for the tender response",
    "the practice manager asked me to look at the recall letters",
    "it got escalated to me because the shift lead was off",
    "i was covering as charge nurse that night",
    "my supervisor put me in charge of the loading bay",
    "that was my mistake, i had sent the old price list",
    "my manager told me my reports were too long",
    # a role that is the responsibility (trial 26: "I was incident commander" read as no task, Task 1 of 4)
    "i was incident commander because it involved one of our banking partners",
    "i was the allocated worker for the family", "i was the foreman on the second floor",
])
def test_a_responsibility_told_by_how_it_came_or_by_its_limit_is_a_task(sentence):
    assert PERSONAL_TASK.search(sentence)


@pytest.mark.parametrize("sentence", ["i went to the stores", "i was a bit nervous", "i had a chat with her",
                                      "i was a support worker back then"])
def test_ordinary_past_sentences_are_no_task(sentence):
    assert not PERSONAL_TASK.search(sentence)


def test_a_task_stated_by_its_deadline_scores_as_a_clear_responsibility():
    text = ("Last winter our depot's stock file was wrong in hundreds of places. I had three days to fix it before "
            "the auditors arrived. I sorted the lines by value, counted the top two hundred myself and corrected the "
            "file. The audit passed with no findings.")
    assert judge_task(read_answer(text, "Tell me about a time you worked to a deadline.")).score >= 3


def test_a_standing_duty_told_as_a_habit_is_no_task_in_an_event():
    text = ("Complaints come to me all the time, it's part of the job, I always listen first. One man was upset "
            "about a late delivery once and I sorted it out for him.")
    reading = read_answer(text, "Tell me about a complaint you handled.")
    assert judge_task(reading).score <= 1


def test_a_problem_acted_on_implies_the_task():
    text = ("Last spring the printer in our office kept jamming because of cheap paper, and invoices went out late. "
            "I ordered a heavier paper, moved the printer away from the radiator and logged every jam for a month. "
            "The jams stopped within a week.")
    assert judge_task(read_answer(text, "Tell me about a problem you solved.")).score == 1


def test_a_sentence_goes_on_after_am_and_pm_unless_a_capital_follows():
    units = [u.text for u in split_units("I locked the yard at 10 p.m. on the Friday and drove home. The next day I rang the owner.")]
    assert units == ["I locked the yard at 10 p.m. on the Friday and drove home.", "The next day I rang the owner."]
    units = [u.text for u in split_units("We closed the kitchen at 11 p.m. The next morning I called the supplier.")]
    assert units == ["We closed the kitchen at 11 p.m.", "The next morning I called the supplier."]


def test_steps_listed_after_commas_are_the_candidates_actions_and_a_role_is_not():
    text = ("So this was two years ago at a builders' merchant, where I ran the trade counter. "
            "I called the customer that evening, explained the delay, and sent a van with the missing timber.")
    reading = read_answer(text, "Tell me about a time you let a customer down.")
    role, steps = reading.cues
    assert role.i_actions == []
    assert steps.i_actions == ["called", "explained", "sent"]


def test_a_long_result_is_quoted_whole_to_its_clause_end_never_cut_inside_the_figure():
    text = ("In March the night team kept missing the two a.m. observations. I rewrote the handover sheet with the two "
            "senior nurses and trained each of the night staff on it over a week. Within a month the share of "
            "observations done on time went from about a third to nearly all of them, and the ward manager asked "
            "the other two wards to use the same sheet from the start of the next rota.")
    result = judge_result(read_answer(text, "Tell me about a time you improved something."))
    quote = result.quotes[0]
    assert len(quote.split()) <= MAX_QUOTE_WORDS
    assert "from about a third to nearly all of them," in quote
    assert quote.endswith((",", "."))


def test_the_result_is_not_quoted_from_the_set_up():
    text = ("Two days before our open day the caterer cancelled, and we had a hundred and twenty guests booked. "
            "I rang four local cafes that morning, agreed a buffet with one of them and moved the serving to the hall. "
            "Every guest was fed on time and the head asked me to run the next open day.")
    reading = read_answer(text, "Tell me about a time something went wrong at the last minute.")
    card = OfflineScorer().score(reading.question, Transcript(text=text, duration=0.0), load_rubrics(["star", "specificity"]))
    # A result, and an impact tied to the outcome (quantified impact 3+), come after the first step; a
    # measure of scale (quantified impact 2: "one measure of scale or impact") may be the set-up's.
    for criterion in card.criteria:
        shows_outcome = {"result": 2, "quantified_impact": 3}.get(criterion.criterion, 5)
        if criterion.score >= shows_outcome:
            assert all("caterer cancelled" not in e.quote for e in criterion.evidence), criterion


def test_an_answer_with_no_real_event_is_told_so_not_that_it_said_we():
    text = ("I would start by asking the customer what happened and what they need. Then I would check the order "
            "myself, apologise, and tell them exactly when it will be fixed. I would follow up a day later.")
    card = OfflineScorer().score("Tell me about a time you let a customer down.", Transcript(text=text, duration=0.0),
                                 load_rubrics(["star", "specificity"]))
    ownership = next(c for c in card.criteria if c.criterion == "ownership")
    assert ownership.score <= 1
    assert "real event" in ownership.feedback and "we" not in ownership.feedback.lower().split()


@pytest.mark.parametrize("question", ["Why us?", "Why here?"])
def test_a_short_question_is_answered_by_doing_what_its_kind_asks(question):
    text = ("Three reasons. Your branches run the blood pressure checks I trained for, so I could do them from my "
            "first week. I read that you are opening a clinic in the new health centre next spring, and I would like "
            "to help set it up. And your mentoring scheme for newly qualified staff is the support I want.")
    relevance = judge(read_answer(text, question))["specificity.relevance"]
    assert relevance.score >= 3
    assert relevance.quotes


# A trial's generic "why here" answer: it answers, only in words that fit any school.
GENERIC_WHY_HERE = (
    "Well, um, I've always been really passionate about science, ever since I was a kid really. And I've been "
    "teaching for nine years now, and I think it's the natural next step for me, you know, to move up to head of "
    "department. I'm a hard worker, I'm a team player. Your school seems like a really lovely school, everyone was "
    "really friendly, and I think I'd fit in well. Um, and I think, basically, it's just the right time for me, and I "
    "think I could really make a difference here. So yeah, I think that's why.")


@pytest.mark.parametrize("question", ["Why do you want to work here?", "Why do you want to join us?"])
def test_a_why_here_question_in_frame_words_reads_like_its_own_wording(question):
    """The bank's "Why do you want to work here?" read "want" and "work" as its topic: the generic answer found
    neither and was "Does not address the question" (relevance 0, the overall gate shut), where the user's own
    wording ("Why do you want to be Head of Science at this school?") gave 2, "in words that would fit other roles"."""
    own = judge(read_answer(GENERIC_WHY_HERE, "Why do you want to be Head of Science at this school?"))
    framed = judge(read_answer(GENERIC_WHY_HERE, question))
    assert framed["specificity.relevance"].score == own["specificity.relevance"].score >= 2
    assert framed["specificity.relevance"].quotes
    assert judge_kinds(read_answer(GENERIC_WHY_HERE, question))["motivation.specific_reasons"].score <= 1  # generic still: it is the reasons that fall short


def test_a_plan_of_platitudes_has_no_concrete_step():
    text = "I would just stay calm and communicate with everyone and make sure everyone is happy. Communication is key."
    assert judge_kinds(read_answer(text, "A delivery is late and the customer is shouting. What would you do?"))["situational.plan"].score <= 1


# --- a before and after told as two levels; the candidate's own part marked out -------------------------------


@pytest.mark.parametrize("text", [
    "Length of stay was about six point one days when I started. After three months of the new discharge checklist it "
    "was five point three, and readmissions didn't go up.",
    "It had been twelve complaints a week. By the end it was three.",
    "Before the new rota, handover took forty minutes. Now it takes about fifteen.",
    "We were at 62 percent attendance when I took over; this term we're at 81 percent.",
    "Back then the backlog was about 300 tickets. These days it's under 40.",
])
def test_a_before_and_after_told_as_two_levels_is_a_measured_change(text):
    reading = read_answer(text, "Can you put a number on that?")
    changed = [c for c in reading.cues if c.before_after]
    assert len(changed) == 1 and changed[0].change_quantities >= 1 and changed[0].outcome >= 1
    result, impact = judge_result(reading), judge_quantified(reading)
    assert result.score >= 3 and impact.score >= 3
    # The quotes start where it started: the later figure alone ("it was three") is no change.
    for quotes in (result.quotes, impact.quotes):
        assert quotes[0].split()[:5] == reading.units[0].text.split()[:5]


@pytest.mark.parametrize("text", [
    "When I started there were 5 of us in the team. After a year the budget was 40 thousand.",  # two different things
    "The ward had 28 beds. After three months it was full.",  # nothing said to be where it started
    "It was 12 a week when I started and it was still 12 a week by Christmas.",  # nothing changed
    "Our pass rate was 82 percent when I started. By the end it was 61 percent.",  # the wrong way (substance.yaml measures)
])
def test_two_figures_that_are_no_before_and_after_are_no_change(text):
    reading = read_answer(text, "Can you put a number on that?")
    assert not any(c.before_after or c.change_quantities for c in reading.cues)


STORY_OF_WE = ("Last winter our ward had a real problem with delayed discharges. We set up a daily board round and we all "
               "pulled together on it, and we got the escalation beds closed by February.")


@pytest.mark.parametrize("own, did", [
    ("My own part was running the daily board round and chasing the pharmacy for the discharge meds.", ["running", "chasing"]),
    ("The bit I did myself was rewriting the discharge checklist and training the night staff on it.", ["rewriting", "training"]),
    ("What I personally did was ring the pharmacy every morning, chase the letters and update the board.", ["ring", "chase", "update"]),
    ("I was the one who rang the pharmacy every morning and chased the discharge letters.", ["rang", "chased"]),
])
def test_the_candidates_own_part_marked_out_of_a_we_story_is_clear_ownership(own, did):
    question = "Describe a time you worked as part of a team to achieve a goal."
    alone = judge(read_answer(STORY_OF_WE, question))["specificity.ownership"]
    reading = read_answer(f"{STORY_OF_WE} {own}", question)
    assert reading.cues[-1].own_part == did and set(did) <= set(reading.cues[-1].i_actions)
    ownership = judge(reading)["specificity.ownership"]
    assert alone.score <= 2 < ownership.score
    assert ownership.quotes == [own]


def test_a_part_named_without_a_step_taken_is_no_action():
    reading = read_answer(f"{STORY_OF_WE} My part was the rota, nothing else.", "Describe a time you worked in a team.")
    assert reading.cues[-1].own_part == [] and judge(reading)["specificity.ownership"].score <= 2


def test_an_ending_is_told_by_a_subject_not_by_the_object_of_a_preposition():
    from mockint.scoring.offline import tells_an_ending

    question = "Tell me about a time you had to cover a shift at short notice."
    story = ("last winter two of our night carers rang in sick on the same friday. I rang round the bank staff first, "
             "then the agency, and I moved the senior carer from days to cover the floor. so I sat down with the rota and planned it.")
    assert not tells_an_ending(read_answer(story, question))  # "the rota and planned" is no ending told of the rota
    ended = story + " in the end the shift was fully covered and nobody missed their medication."
    assert tells_an_ending(read_answer(ended, question))


def test_a_story_that_stops_before_its_end_is_told_so_in_the_substance_files_words(monkeypatch):
    from mockint.scoring import semantic
    from mockint.scoring.offline import judge_real_example

    question = "Tell me about a time you had to cover a shift at short notice."
    story = ("on the friday before christmas last year at Oakfield two of our night carers rang in sick at six. I rang "
             "round the bank staff first, then the agency, and I moved Sandra, the senior carer, from days to cover the "
             "floor. so I sat down with the rota and planned it.")
    monkeypatch.setattr(semantic, "unfinished_story_line", lambda: "Say how it ended.")
    judged = judge_real_example(read_answer(story, question), ended=False)
    assert judged.score == 3 and judged.feedback == "Say how it ended." and judged.firm


# --- "opened": a result when a thing came about after the candidate's steps, not the candidate's step -----------------

# (occupation, a sentence in which something is opened: a step taken or an event, no result)
OPENED_AS_A_STEP = [
    ("IT support", "i rang the vendor and opened a ticket about the card readers"),
    ("ward manager", "then we opened the new unit and i handed over to the night sister"),
    ("software developer", "i wrote a fixture for each test and opened the pr"),
    ("HR adviser", "she opened a grievance against her line manager"),
    ("supermarket manager", "so we opened up a second till"),
    ("hospital bed manager", "we opened three extra beds for the winter"),
]
# (occupation, a sentence in which a thing opened: a result)
OPENED_AS_A_RESULT = [
    ("retail store manager", "the new store opened on time, on the saturday we had planned"),
    ("ward manager", "the unit opened two weeks early"),
    ("IT support", "their file room reopened the next day"),
    ("restaurant manager", "the second site opened its doors in may"),
    ("theatre manager", "the new theatre opened ahead of schedule"),
]


@pytest.mark.parametrize("job, sentence", OPENED_AS_A_STEP, ids=[j for j, _ in OPENED_AS_A_STEP])
def test_something_opened_by_someone_is_no_outcome(job, sentence):
    from mockint.scoring.offline import says_outcome

    assert not says_outcome(sentence)
    assert read_answer(f"Last year I was asked to sort it out. {sentence}.", "Tell me about a time you fixed a problem.").cues[-1].outcome == 0


@pytest.mark.parametrize("job, sentence", OPENED_AS_A_RESULT, ids=[j for j, _ in OPENED_AS_A_RESULT])
def test_a_thing_that_opened_after_the_candidates_steps_is_an_outcome(job, sentence):
    from mockint.scoring.offline import says_outcome

    assert says_outcome(sentence)
    assert read_answer(f"Last year I planned the work and I chased every supplier. {sentence}.",
                       "Tell me about a time you delivered a project.").cues[-1].outcome == 1


@pytest.mark.parametrize("scene", [
    "a vacancy opened on the night team in march, so i applied and got it",
    "the new wing opened in 2021 and nobody had written a fire plan for it",
    "i cleared the corridor every morning before the other shops opened",
])
def test_a_thing_that_opened_in_the_scene_or_as_a_time_is_no_outcome(scene):
    reading = read_answer(f"{scene}. I rewrote the checklist and I trained the staff.", "Tell me about a time you improved a process.")
    assert reading.cues[0].outcome == 0


# (occupation, question, the candidate's steps, an ending that opens something, an ending in which a thing opened)
OPENED_STORIES = [
    ("retail store manager", "Tell me about a time you delivered a project on a tight deadline.",
     "Last spring I was given eight weeks to fit out our new Ashford store. I split the work into weekly stages with the "
     "shopfitters, I chased the flooring supplier every morning and I trained the new team on the tills in the empty shop.",
     "In the last week the area manager opened the store for a staff preview.",
     "The new store opened on time, on the Saturday we had planned."),
    ("ward manager", "Tell me about a time you led a change on your ward.",
     "In 2022 I led the move of our stroke unit into the refurbished east wing. I planned the move bed by bed with the "
     "estates team, I rewrote the staffing rota for the two weeks of the move and I ran a walk through with every nurse.",
     "Then we opened the new unit and I handed over to the night sister.",
     "The unit opened two weeks early and no patient move was cancelled."),
    ("IT support lead", "Tell me about a time you fixed a problem for a customer.",
     "Last year a law firm we support lost access to their case files on a Monday morning. I took the call, checked the "
     "file server logs and found the share permissions had been reset by an update, so I restored them from the backup.",
     "After that I rang the vendor and opened a ticket about the update.",
     "Their file room reopened by ten and they lost no billable hours."),
]


@pytest.mark.parametrize("job, question, steps, opened_something, a_thing_opened", OPENED_STORIES,
                         ids=[s[0] for s in OPENED_STORIES])
def test_a_story_that_ends_by_opening_something_has_no_result(job, question, steps, opened_something, a_thing_opened):
    step = judge_result(read_answer(f"{steps} {opened_something}", question))
    result = judge_result(read_answer(f"{steps} {a_thing_opened}", question))
    assert step.score <= 1 < result.score, (job, step.score, result.score)


@pytest.mark.parametrize("sentence, outcome", [
    # a pharmacy technician's trial: the change that stuck read as no outcome (Result 1 of 4)
    ("we put a rule in that the checker initials only after the final check and nobody's done it out of order since", True),
    ("we changed the handover sheet and we haven't had a missed dose since", True),
    ("it's never happened since", True),
    # "since" as "because" says nothing followed
    ("nobody checked it since we were short that day", False),
])
def test_it_not_happening_again_is_an_outcome(sentence, outcome):
    from mockint.scoring.offline import says_outcome

    assert says_outcome(sentence) is outcome


def test_a_code_that_names_one_thing_is_a_named_detail():
    # a site engineer's trial: "on the A14 job" had "no dates, one generic noun" (concrete detail 1 of 4)
    from mockint.scoring.offline import read_answer

    reading = read_answer("yeah on the A14 job I stopped the pour because the cover was twenty mil not forty", "")
    assert "a14" in set().union(*(c.named for c in reading.cues))
    plain = read_answer("yeah on the job I stopped the pour because the cover was twenty mil not forty", "")
    assert not set().union(*(c.named for c in plain.cues))
    assert "a4" not in set().union(*(c.named for c in read_answer("I printed it on a4 paper", "").cues))


def test_an_opening_of_fillers_is_never_quoted_alone_and_so_never_caps_the_answer():
    # a ward manager's trial: "Um, so, in, in December, um," was her relevance quote, rejected as too short to verify,
    # and the answer was capped at 35 as "it does not answer the question asked" (97 without the ums)
    question = "Tell me about a time your priorities or plans changed suddenly. How did you adapt?"
    story = ("Um, so, in, in December, um, on a Tuesday morning the site team told us at the eight o'clock bed meeting that "
             "we had to open six escalation beds by midday, because ED had twenty-one patients waiting. I was in charge. "
             "I moved the study day I had planned for two staff, I rang our own part-timers first for bank shifts before "
             "going to agency, and I only used one agency nurse for the night. The beds opened at half eleven, all six "
             "were filled by two o'clock, and we had no incidents.")
    clean = story.replace("Um, so, in, in December, um, on", "In December, on")
    told, plain = OfflineScorer().score(question, Transcript(text=story, duration=0.0), load_rubrics()), \
        OfflineScorer().score(question, Transcript(text=clean, duration=0.0), load_rubrics())
    relevance = told.criterion("specificity.relevance")
    assert not relevance.rejected_quotes and relevance.score == plain.criterion("specificity.relevance").score
    assert abs(told.overall - plain.overall) <= 5, (told.overall, plain.overall)
