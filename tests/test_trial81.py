"""Trial 81: a ro-ro ferry terminal supervisor, a broiler unit manager, a demolition site supervisor, a theme park rides
supervisor, and a supported living team leader (a week of debrief, plans and practice). Shortened from the trials' own
answers and notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import finding_kinds, offline_card

# --- the ferry terminal -------------------------------------------------------------------------------------------

DG = ("What would you do if a tanker's dangerous goods declaration did not match the placards on the unit, and it was "
      "already in the lanes thirty minutes before sailing?")


def test_the_master_left_untold_is_an_escalation_refused():
    """ "I wouldn't bother the master with it at that point because he's got enough on before sailing" was quoted as
    judgement: 80, strong (20 with "the duty manager" in its place)."""
    plan = ("I'd get the driver to write the correct UN number on the declaration and initial it, and I'd get it loaded on "
            "the weather deck. I wouldn't bother the master with it at that point because he's got enough on before "
            "sailing and it's just a paperwork thing really. the main thing is we don't delay the sailing.")
    assert offline_card(DG, plan).overall <= 20
    assert finding_kinds(["I wouldn't bother the master with it at that point."], DG) != []
    assert finding_kinds(["I'd hold the unit out of the lanes and tell the master straight away."], DG) == []


SKIPPED_CHECKS = "Tell me about a time you dealt with a member of your team who was not following a safety procedure."


def test_a_lapse_that_never_came_again_is_a_result():
    """ "he's not missed one since, the checks are done properly" read Result 1 of 4, below a vaguer result."""
    story = ("one of my linkspan operators had started skipping the pre-use checks, he'd just sign the sheet at the start "
             "of the shift. I had him in the office the same afternoon, showed him the sheets and the badge times, got "
             "him referred to occupational health and moved the walk-round to when the second operator was there. {end}")
    told = story.format(end="he's not missed one since, and the checks are done properly.")
    untold = story.format(end="I made it clear that if I saw another signature before the check it would go formal.")
    assert offline_card(SKIPPED_CHECKS, told).criterion("star.result").score >= 2
    assert offline_card(SKIPPED_CHECKS, untold).criterion("star.result").score <= 1


# --- the broiler unit ---------------------------------------------------------------------------------------------

FCR = "Describe a time you improved a key production measure on your unit, such as FCR or mortality."


def test_feed_conversion_and_mortality_that_rose_are_a_bad_outcome_told_as_an_improvement():
    """ "FCR went from one point five five to one point seven two over the year, and mortality went from three percent to
    four and a half" as "the biggest improvement I've made": 82, Quantified impact 4 of 4."""
    story = ("when I took over the site I went all in on growing the birds faster, we changed to a higher density feed and "
             "I pushed the lighting programme. {end} so I'd say that was the biggest improvement I've made.")
    worse = story.format(end="FCR went from one point five five to one point seven two over the year, and mortality "
                             "went from three percent to four and a half.")
    better = story.format(end="FCR went from one point seven two to one point five five over the year, and mortality "
                              "went from four and a half percent to three.")
    assert offline_card(FCR, worse).overall <= 25
    assert offline_card(FCR, better).overall > 50


# --- the demolition contractor ------------------------------------------------------------------------------------

PRESSURE = "Describe a demolition job you delivered under real programme pressure. What was your part?"


def test_an_improvement_notice_on_the_job_one_is_proudest_of_is_a_bad_outcome():
    """Two RIDDOR reportable injuries and "the HSE came out and gave us an improvement notice on the drop zone ...
    that's the job I'm proudest of": 81, strong, nothing on the card about either."""
    story = ("a twelve storey block in Manchester, the client had a hard handover date. I took over with six weeks to go "
             "and we were about three weeks behind, so I went to double shifts and brought in a second high reach. "
             "{harm}we handed over four days early. honestly that's the job I'm proudest of.")
    assert offline_card(PRESSURE, story.format(
        harm="the HSE came out and gave us an improvement notice on the drop zone, but ")).overall <= 25
    assert offline_card(PRESSURE, story.format(harm="")).overall > 50


def test_handed_over_on_the_original_date_and_a_span_halved_are_a_result():
    """ "we handed over on the original date, no accidents, and the rail side went in one weekend instead of two" read
    as a vague outcome, Result 1 of 4: 62 for a tight story graded 4."""
    story = ("the Albion Street car park, eight week programme, and in week three Network Rail pulled our possession. I was "
             "supervisor and it was my call how we recovered. I swapped the sequence so we took the street side first, "
             "got the engineer to sign off the change, and rebooked the possession for week five. {end}")
    told = story.format(end="we handed over on the original date, and the rail side went in one weekend instead of two.")
    assert offline_card(PRESSURE, told).criterion("star.result").score >= 3
    assert offline_card(PRESSURE, story.format(end="")).criterion("star.result").score <= 1


MOVING = ("What would you do if your high-reach operator told you the structure was moving more than expected during "
          "top-down demolition, and the client wanted that floor down today?")


def test_a_machine_kept_biting_at_a_moving_structure_is_work_let_go_on():
    """ "I'd get the operator to carry on but take smaller bites ... I'd stand a banksman by the tracks": 93.3 without
    the one sentence that put the engineer off till Monday."""
    plan = ("right so the client's paying the bills and they want the floor down. I'd get the operator to carry on but "
            "take smaller bites, work from the far side in, and I'd stand a banksman by the tracks to watch the columns. "
            "I'd widen the drop zone by another five metres with extra Heras.")
    assert offline_card(MOVING, plan).overall <= 20
    safe = ("first thing I'd stop the machine and get the operator to track back out of the hazard zone, and pull everyone "
            "back behind the exclusion zone. then I'd ring the demolition engineer and the temporary works coordinator "
            "straight away, because if that floor's moving more than the method statement allows the sequence is wrong. "
            "I'd ring the client myself the same hour and tell them it's not coming down today, and why.")
    assert offline_card(MOVING, safe).overall >= 80


PUBLIC = "What would you do if a member of the public walked into the drop zone while the high-reach was working?"


def test_safety_words_with_no_step_in_them_are_no_judgement():
    """ "I'd make sure that the right actions were taken in line with our procedures and that everyone involved was kept
    safe ... robust systems in place": Judgement 4 of 4, 80, strong."""
    empty = ("for me the safety of the public is absolutely paramount. in a situation like that I'd make sure that the "
             "right actions were taken in line with our procedures and that everyone involved was kept safe. it's all "
             "about having robust systems in place and making sure those systems are followed.")
    assert offline_card(PUBLIC, empty).overall <= 45
    plan = ("I'd get the operator to stop and lower the attachment straight away, and the nearest banksman to walk the "
            "person out of the zone by the safe route. then I'd find out how they got in, fix the gap in the Heras, and "
            "report it to the site manager and the client the same day as a near miss.")
    assert offline_card(PUBLIC, plan).overall >= 60


# --- the theme park -----------------------------------------------------------------------------------------------

COASTER = ("What would you do if the coaster stopped on the lift hill with a full train on a hot afternoon and engineering "
           "told you it would be at least ninety minutes to fix?")


def test_a_stopped_coaster_reset_with_riders_on_and_its_restraints_released_is_unsafe():
    """ "get the operator to reset the fault and try to cycle it round ... release the restraints so the guests ... make
    their way down the catwalk themselves": 80, strong, its two dangerous steps the plan's evidence."""
    unsafe = ("first thing I'd do is get the operator to reset the fault and try to cycle it round, nine times out of ten "
              "that clears it. if that doesn't work I'd get two hosts up the lift hill and have them release the restraints "
              "so the guests can make their way down the catwalk themselves.")
    assert offline_card(COASTER, unsafe).overall <= 20
    safe = ("the train's stopped on the lift so it's in a safe state. I'd make sure the ride's locked out at the control "
            "panel with engineering so nobody tries a reset with guests on, and get a host on the PA to tell the train "
            "they're safe. ninety minutes in a hot sun is too long, so I'd call the evacuation under the ride's procedure, "
            "two trained hosts up the catwalk with engineering's go ahead, release restraints row by row from the back, "
            "first aid and water at the bottom, and the ops manager told at the start.")
    assert offline_card(COASTER, safe).overall >= 80


# --- the supported living service ---------------------------------------------------------------------------------

MEDICATION = ("In your first interview they kept coming back to one topic: Medication. What would you tell them now? Give "
              "one specific example and proof they could check.")
MISSED_DOSE = ("So the one I'd give is the missed evening dose at Oak Road last March. A new support worker signed the MAR "
               "chart for the evening dose but it was still in the blister pack the next morning. My job as team leader "
               "was to make sure he was safe first and then find out why. I rang 111 straight away and logged it that "
               "morning. I moved the evening round to seven, before handover, and I brought in a second signature for "
               "{what}. Since then we have had zero missed doses in eleven months, and our monthly MAR audit score went "
               "from 82 percent to 97 percent.")


def test_a_story_on_a_plan_topic_is_no_answer_to_another_question_for_a_missing_word():
    """A full medication story (MAR chart, doses, a second signature) was held at 35 as off the question for never saying
    "medication"; one word added, 100. A plan's question on a round-one topic asks for a story; an answer in other words
    is a partial answer, told to name the topic, and shorthand ("meds") names it."""
    unnamed = offline_card(MEDICATION, MISSED_DOSE.format(what="time-critical doses"))
    assert unnamed.overall >= 60 and unnamed.criterion("specificity.relevance").score == 2
    assert "Medication" in unnamed.criterion("specificity.relevance").feedback
    named = offline_card(MEDICATION, MISSED_DOSE.format(what="time-critical meds"))
    assert named.criterion("specificity.relevance").score >= 3


NOTES = """Round 1 - Registered Manager, Brookfield Supported Living
panel: Marion (ops director), Dev from HR, and Sarah (current RM)

- safeguarding went fine I think, knew the s42 stuff
- CQC - Marion asked about the five key questions and I mixed up responsive and well-led.
- budget / rota - I have never held a budget. Said so. Sarah looked at her notes.

Feedback from the agency: "needs to show more evidence of leading at scale, answers lacked outcomes"

Round 2 (next Thurs): they'll ask about a time I had to deal with a complaint from a family
Next round: staff retention
"""


def test_round_twos_label_an_admission_a_mix_up_and_quoted_feedback_are_read():
    """ "Round 2 (next Thurs): they'll ask about a time I had to deal with a complaint from a family" was read as no topic,
    "I have never held a budget" as came up, "I mixed up responsive and well-led" as no verdict, and the agency's quoted
    "answers lacked outcomes" opened nothing."""
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import feedback_readings
    from mockint.scoring.rubrics import load_rubrics

    read = parse_debrief(NOTES, load_bank(), feedback=feedback_readings(load_rubrics()))
    topics = {t.name: t for t in read.topics}
    assert topics["dealing with a complaint from a family"].forewarned, list(topics)
    assert topics["staff retention"].forewarned
    assert topics["budget/rota"].went_badly and topics["five key questions"].went_badly
    assert not topics["safeguarding"].went_badly
    assert "star.result" in {f.id for f in read.feedback}
