"""Trial 13 (a civil engineering graduate going for a water utility's graduate scheme, nervous, few work examples):
what his answers showed the offline scorer misreading. The first two answers are the trial's; the others are made up.
"""

from __future__ import annotations

from conftest import offline_card

EXCAVATION = "A subcontractor's operative is working in an unsupported excavation. What would you do?"
LET_HIM_FINISH = (
    "First I'd assess the situation calmly and speak to the operative to understand the context. The priority is keeping "
    "the programme on track while managing the risk, so I'd agree with him that he finishes the current section, which "
    "should only take about twenty minutes, and then we'd bring the trench box in before the next section. I'd then "
    "inform the subcontractor's supervisor and my site manager, document it, and suggest a toolbox talk so the team "
    "learns from it. That way safety is addressed without disrupting the works.")
STOP_NOW = (
    "I'd stop the work straight away. First I'd get him out of the excavation, calmly, and make sure nobody else goes in. "
    "Then I'd tell his supervisor and my site manager straight away, and nobody goes back in until the trench box is in "
    "and the temporary works coordinator has checked it. I wouldn't let him finish the section, whatever it does to the "
    "programme.")


def test_work_let_go_on_in_a_named_danger_is_unsafe_however_calmly_it_is_put():
    # 100/100 strong, "The priority is keeping the programme on track" quoted as Judgement 4 of 4
    card = offline_card(EXCAVATION, LET_HIM_FINISH)
    assert card.overall <= 35
    assert card.criterion("situational.judgement").score == 0
    assert "carries on in spite of the danger" in card.criterion("situational.judgement").feedback


def test_refusing_to_let_the_work_go_on_is_the_safe_plan():
    card = offline_card(EXCAVATION, STOP_NOW)
    assert card.overall >= 60
    assert "danger" not in card.criterion("situational.judgement").feedback


def test_letting_someone_finish_is_no_danger_where_none_is_named():
    card = offline_card("A customer is shouting at one of your bar staff about a wrong order. What would you do?",
                        "I'd go over straight away and let her finish, so she feels heard. Then I'd apologise, get the "
                        "order remade first, and tell my manager at the end of the shift what happened and what it cost.")
    assert "danger" not in card.criterion("situational.judgement").feedback


def test_an_error_put_right_quietly_is_a_cover_up():
    # 40, not capped: "I'd fix it quietly in the next revision ... no need to worry the site team or my manager"
    card = offline_card("You realise a calculation of yours in a drawing that has already been issued is wrong. What would "
                        "you do?",
                        "I'd fix it quietly in the next revision of the drawing. The difference is probably within the factor "
                        "of safety anyway, so there's no need to worry the site team or my manager about it. I'd just update "
                        "the calc file and reissue the drawing with the next batch so nobody has to stop work.")
    assert card.overall <= 30
    assert "hidden" in card.criterion("situational.judgement").feedback


def test_a_lesson_plan_told_as_what_any_lesson_has_is_weak_knowledge():
    # batch 7 (dev): judged as technical once "how would you teach" read so, it scored 66.7 with accuracy 2 of 4
    card = offline_card("How would you teach photosynthesis to a year nine class, and what misconceptions would you watch for?",
                        "so I'd start with some kind of hook, like a video or something exciting, because if they aren't "
                        "engaged they won't learn. then the theory, the things that affect it, there's a few of them, like "
                        "light and that. I'm a big believer in differentiation, so sentence starters for the lower ones. for "
                        "misconceptions, they sometimes don't really get it, so I'd check understanding with mini "
                        "whiteboards, and an exit ticket at the end, and make it relevant to real life or whatever.")
    assert card.criterion("technical.accuracy").score <= 1
    assert card.overall <= 45


TIME_MANAGEMENT = (
    "in my final year I was doing about sixteen hours a week at the bar, and rowing training six mornings a week, plus my "
    "dissertation. So I got a paper planner and at the start of every week I'd block out lectures, shifts and training "
    "first and put deadlines in the gaps. When exams came I asked my manager to drop me to twelve hours for five weeks. "
    "And it worked, I got sixty eight percent for the year, which is a first, and I didn't miss any deadlines.{}")


def test_a_mark_got_and_no_deadline_missed_are_a_result_and_hindsight_adds_a_lesson():
    # Result 1 of 4, "a vague outcome ... nothing measurable or learned"; with "I could have asked for help earlier"
    # added, the card went down (70 against 78 without it)
    question = "How did you manage your time between your studies and your part-time work?"
    plain = offline_card(question, TIME_MANAGEMENT.format(""))
    learned = offline_card(question, TIME_MANAGEMENT.format(" The only thing is, I think I could have asked for help "
                                                            "earlier, like in first term I was doing all nighters."))
    assert plain.criterion("star.result").score >= 3
    assert learned.criterion("star.result").score >= plain.criterion("star.result").score
    assert learned.overall >= plain.overall


def test_what_a_step_saved_against_what_it_would_have_cost_is_a_measured_result():
    # Result 1 of 4 for "about three hours' work, against the section engineer's estimate of two days and roughly six
    # thousand pounds if we'd found it after", and "they went with it" was no outcome
    card = offline_card("Give me an example of when you challenged the way something was being done.",
                        "On my placement the supervisor wanted a drain backfilled that afternoon, but the spec said it needed "
                        "a CCTV survey first. It was my job to keep the as-built records, so I spoke to him on his own, showed "
                        "him the clause, and got the survey firm to come at seven the next morning. He went with it. The camera "
                        "found a displaced joint, so two pipes were re-laid, about three hours' work, against an estimate of "
                        "two days and six thousand pounds if we'd found it after.")
    assert card.criterion("star.result").score >= 3


def test_what_success_was_said_later_makes_the_task_precise():
    # "Success for me was getting the drainage drawings and calcs done in two weeks" two sentences after the
    # responsibility: Task 2 of 4, "stated but vaguely ('I had to fix it')"
    card = offline_card("What exactly were you responsible for in your group design project, and what did success look like?",
                        "I was responsible for the foundation design at the start, which was the problem, because Josh had "
                        "started it too. When I noticed, I proposed at the next meeting that I'd hand the foundations to him "
                        "and take the drainage. Success for me was getting the drainage drawings and calcs done in two weeks, "
                        "before the final submission, and I did it in eleven days.")
    assert card.criterion("star.task").score >= 3


def test_a_placement_and_a_clock_time_place_the_story_when_a_name_is_misheard():
    # spoken, "a Heras fence panel" came out "a here and fence": Situation 4 -> 2 and Real example 4 -> 2, "(lowered: the
    # quotes do not show a time, place or name)", though "on my placement" and "about half-7" are in the transcript
    heard = ("On my placement, I was walking the footpath side on the work side about half-7, and saw a here and fence around "
             "an open excavation had come unclipped, right on a school route. I stopped, got the foreman, and we re-clipped "
             "it, and added two more feet before the kids came past at 8. I logged it and the near miss on the side tap with "
             "a photo. The side manager raised it at the next briefing, and fence checks went on till the end on shift "
             "checklist. I learned not to assume someone else had already reported it.")
    card = offline_card("Tell me about a time you spotted a safety issue on site.", heard)
    assert card.criterion("star.situation").score >= 3
    assert card.criterion("specificity.real_example").score >= 3
