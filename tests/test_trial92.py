"""Trial 92: a plant bakery shift supervisor, a fire alarm service supervisor, a social housing repairs supervisor, a
festival site operations manager, and an estate agency branch manager (a week of debrief, plans and practice). Shortened
from the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import finding_kinds, offline_card

ASBESTOS = ("What would you do if one of your operatives stripping out a kitchen in a nineteen sixties block found a board or "
            "coating that might be asbestos and it was not on the survey?")


def test_suspected_asbestos_taken_off_and_the_job_finished_is_unsafe():
    """ "wet it down ... carefully take the sheet off in one piece and double bag it ... then carry on with the kitchen":
    80, strong, 6.7 points under the plan that stopped the job for a licensed surveyor."""
    unsafe = ("so i'd tell him to wet it down with a spray bottle, put his ffp3 mask on, and carefully take the sheet off in one "
              "piece and double bag it in the red bags, then carry on with the kitchen.")
    sound = ("i'd tell him to stop work straight away, not touch it any more, and get everyone out of that room until a "
             "licensed surveyor has sampled it.")
    assert finding_kinds([unsafe], ASBESTOS) == ["work_goes_on"]
    assert finding_kinds([sound], ASBESTOS) == []


def test_what_a_thing_is_rather_than_another_is_no_check_skipped_in_a_knowledge_answer():
    """ "P1 ... it's usually an insurer's requirement rather than the fire risk assessment": a right answer on BS 5839
    categories capped at 33.3 as a check skipped ("that is unsafe")."""
    from mockint.scoring.safety import findings

    fact = "it's usually an insurer's requirement rather than the fire risk assessment."
    assert findings([fact], knowledge=True) == []
    assert [f.kind for f in findings(["i'd do a visual check rather than the full test."], knowledge=True)] == [
        "check_skipped"]


def test_a_result_told_as_nothing_found_is_a_result():
    """ "we had no sesame positives on that changeover for the rest of the year, and the customer audit in June found
    nothing": Result 1 of 4, "vague, nothing measurable" (4 of 4 with "went from two a quarter to zero")."""
    question = "Tell me about a time you prevented an allergen incident."
    story = ("so um last March on the roll plant we were changing from the sesame topped burger buns to plain white baps for "
             "a customer who sells them as sesame free. the operator had signed the clean down sheet but when I did my pre "
             "start check I found sesame seeds packed in under the seeder return belt and in the topping tray hinge. I "
             "stopped the start up, I didn't let the line go, I got the hygiene team back and we stripped the seeder and did "
             "it again, and then I had QA do a lateral flow sesame swab on the four points in the validated plan before I "
             "signed the release. it put us back fifty minutes. afterwards I added the seeder return belt and the hinge to "
             "the changeover checklist with a photo{end}")
    assert offline_card(question, story.format(
        end=" and we had no sesame positives on that changeover for the rest of the year, and the customer audit in June "
            "found nothing.")).criterion("star.result").score >= 3
    assert offline_card(question, story.format(end=".")).criterion("star.result").score <= 1


def test_work_taken_on_personally_is_my_responsibility():
    """ "I took on the contract management personally": Task 1 of 4, "no personal role", beside Ownership 4 of 4 quoting
    the same sentence."""
    question = "Describe a time you improved the performance of a stewarding or security contractor."
    story = ("at Hollowmere the security contractor kept missing its deployment times. {who} took on the contract management "
             "personally. I set weekly deployment checks against the plan and a performance clause in the contract. by the "
             "next year every position was filled on time.")
    assert offline_card(question, story.format(who="I")).criterion("star.task").score >= 3
    assert offline_card(question, story.format(who="the promoter")).criterion("star.task").score <= 1


def test_a_procurement_story_does_not_answer_how_a_crowd_plan_works_on_the_day():
    """A security contract re-tendered, thirty thousand pounds saved: 95, relevance 3, above the answer that did."""
    question = "How do you make sure your crowd management plan actually works on the day?"
    procurement = ("a good example is when I took over the security contract at Hollowmere. I went out to tender, got four "
                   "companies in, scored them on price and references, and negotiated the winner down from twenty eight "
                   "pounds an hour to twenty four fifty. that saved about thirty thousand pounds on the event and the "
                   "promoter was really pleased.")
    plan = ("I test it before the gates open: a tabletop with the stewarding and security heads on the pinch points and the "
            "egress routes, then I walk the site with them. on the day the CCTV operator logs crowd density at the front of "
            "stage every fifteen minutes, and there are triggers for when we hold the gates. last year that caught a surge "
            "at the bar queue before it became a problem.")
    assert offline_card(question, procurement).overall <= 35
    assert offline_card(question, plan).criterion("specificity.relevance").score >= 3


def test_what_goes_in_a_part_of_a_rule_is_a_knowledge_question():
    """ "What goes in Part C of material information?": judged as a past story, a wrong answer "answers exactly the
    question asked"; and round one's "couldn't say what goes in it" was drilled as "one real example"."""
    from mockint.coaching.debrief import classify_topic
    from mockint.scoring.kinds import classify

    assert classify("What goes in Part C of material information?") == "technical"
    assert classify("What goes into your weekly report?") != "technical"
    line = "- material information / CPRs (Parts A B C) - I fumbled Part C, couldn't say what goes in it. need to know this cold"
    assert classify_topic("Part C", [line]) == "technical"
    assert classify_topic("Part C", ["- Part C - fumbled it, no example"]) != "technical"


# --- the estate agency branch manager's week ------------------------------------------------------------------------


def _debrief(notes: str):
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import feedback_readings
    from mockint.scoring.rubrics import load_rubrics

    return parse_debrief(f"Round 1 - Area Manager (5 branches)\n{notes}", load_bank(),
                         feedback=feedback_readings(load_rubrics()))


def _topics(notes: str) -> dict:
    return {t.name: t for t in _debrief(notes).topics}


def test_the_lines_the_notes_say_went_badly_are_read():
    """ "opened with why area manager and why now ... bit rambly" and "AML - asked who is MLRO ... - bad, she pulled a face"
    went under "No topic read in"; a pushback quoted at the end ('she said "and at scale?"') made the line a question."""
    topics = _topics("- opened with why area manager and why now, leaving my own branch. ok-ish, bit rambly\n"
                     "- AML - asked who is MLRO and what happens if ID check fails on a buyer. I said \"compliance deal with "
                     "that\" - bad, she pulled a face\n"
                     "- sales progression - asked how I'd get chain visibility across 5 branches, I talked about my own "
                     "Monday chain meeting, she said \"and at scale?\"\n")
    assert "why area manager and why now" in topics
    assert topics["AML"].went_badly
    assert topics["sales progression"].mentions == 2


def test_what_round_two_holds_is_read_in_full():
    """ "Round 2 expect: a presentation on 90-day plan for the 5 branches + scenario - a branch manager who's been hiding
    complaints" kept neither; "Mo asked what I'd do if a branch missed a deposit deadline -> answered fine I think" kept
    its arrow in the topic's name."""
    topics = _topics("- lettings compliance: deposits protected within 30 days. Mo asked what I'd do if a branch missed a "
                     "deposit deadline -> answered fine I think\n\n"
                     "Round 2 expect: a presentation on 90-day plan for the 5 branches + scenario - a branch manager who's "
                     "been hiding complaints.\n")
    assert topics["90-day plan for the 5 branches"].forewarned
    assert topics["branch manager who's been hiding complaints"].forewarned
    assert "branch missed a deposit deadline" in topics


def test_feedback_by_phone_after_is_read_and_its_wish_is_no_topic():
    """ 'Feedback from Mo on phone after: "strong on the customer side, less convincing on leading managers and on
    compliance detail", wanted more numbers' kept only a concern named "wanted more numbers"."""
    debrief = _debrief('- Feedback from Mo on phone after: "strong on the customer side, less convincing on leading '
                       'managers and on compliance detail", wanted more numbers\n')
    topics = {t.name: t for t in debrief.topics}
    assert topics["leading managers"].went_badly and topics["compliance detail"].went_badly
    assert "wanted more numbers" not in topics
    assert [area.id for area in debrief.feedback] == ["specificity.quantified_impact"]
