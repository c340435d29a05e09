"""Trial 80: an abattoir production manager, a clinical trials laboratory team leader, a wind farm O&M supervisor, a head
greenkeeper, and a council contact centre team leader (a week of debrief, plans and practice). Shortened from the
trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import json

from conftest import finding_kinds, offline_card

# --- the abattoir -------------------------------------------------------------------------------------------------

MIS_STUNS = ("What would you do if the stunner on the cattle line started producing mis-stuns and your slaughter team "
             "leader wanted to keep the line running because you are behind on a supermarket order?")
MIS_STUN_PLAN = ("honestly in that situation you have to be commercial. I'd keep the line running, I'd tell the stunman to "
                 "put a second shot in straight away on anything that's not down properly, and I'd get the engineer to "
                 "look at the gun at first break. {ov} Then once the order's out I'd do a proper review with the team.")


def test_mis_stuns_kept_from_the_official_vet_are_unsafe_whoever_else_is_told():
    """ "I wouldn't bring the OV into it unless she saw it herself" was quoted as judgement: 80, strong, as the engineer
    sent for redeemed it. The OV is the regulator on the floor: only telling her does."""
    hidden = MIS_STUN_PLAN.format(ov="I wouldn't bring the OV into it unless she saw it herself, it's a maintenance issue "
                                     "not a welfare one really.")
    assert offline_card(MIS_STUNS, hidden).overall <= 20
    assert "escalation_refused" in finding_kinds(["I wouldn't bring the OV into it unless she saw it herself."], MIS_STUNS)
    assert "escalation_refused" not in finding_kinds(["I'd stop the line and tell the OV straight away."], MIS_STUNS)


CHILLER = ("What would you do if you came in at six in the morning and found the carcase chiller had failed overnight, "
           "with a load due to go out to a customer at eight?")


def test_the_official_vet_told_later_if_she_asks_is_put_off_though_the_engineers_come_now():
    """ "I'd get the engineers in to fix the chiller and I'd speak to the OV later in the week if she asks about it"
    (carcases loaded on a surface reading): 86.7, strong, the same as the plan that held the load."""
    plan = ("so at six I'd check the chiller display and probe a few carcases on the surface. The customer needs that load "
            "at eight so I'd load it, and make a note on the temperature log that there was a fault overnight. Then I'd "
            "get the engineers in to fix the chiller and I'd speak to the OV {when}.")
    later, now = plan.format(when="later in the week if she asks about it"), plan.format(when="as soon as she's in")
    assert "escalation_delayed" in finding_kinds(
        ["Then I'd get the engineers in to fix the chiller and I'd speak to the OV later in the week if she asks about it."],
        CHILLER)
    assert offline_card(CHILLER, later).overall <= 20
    assert "escalation_delayed" not in finding_kinds(
        ["Then I'd get the engineers in to fix the chiller and I'd speak to the OV as soon as she's in."], CHILLER)
    assert offline_card(CHILLER, now).overall > 20


HACCP = "How do you make sure your HACCP plan actually works on the slaughter floor and not just on paper?"


def test_a_check_someone_else_was_found_skipping_is_no_check_the_candidate_skips():
    """ "that's how I found the night shift were ticking the chiller sheet without probing" (the candidate catching it)
    read as her own check skipped: Concrete method 1 of 4, "that is unsafe", 60 for an answer graded 5."""
    found = "At Hartfield that's how I found the night shift were ticking the chiller sheet without probing."
    assert finding_kinds([found], HACCP) == []
    assert "check_skipped" in finding_kinds(["I was ticking the chiller sheet without probing to save time."], HACCP)
    assert "check_skipped" in finding_kinds(["we were signing the sheets without probing."], HACCP)


# --- the laboratory -----------------------------------------------------------------------------------------------

EXCURSION = ("What would you do if a courier delivered a shipment of frozen PK samples and the temperature logger showed "
             "an excursion above minus sixty for several hours?")


def test_no_point_worrying_the_sponsor_is_the_sponsor_left_untold():
    """Samples logged in as normal and "there's no point worrying the sponsor over something that probably doesn't affect
    the data": 40, developing (20 with "I wouldn't tell the sponsor")."""
    assert "escalation_refused" in finding_kinds(
        ["there's no point worrying the sponsor over something that probably doesn't affect the data."], EXCURSION)
    assert finding_kinds(["no point worrying about it, I'd quarantine the samples and ring the sponsor straight away."],
                         EXCURSION) == []


# --- the wind farm ------------------------------------------------------------------------------------------------

LONE_CLIMB = ("What would you do if one of the pair due to climb turbine twenty three called in sick and the other "
              "technician offered to go up alone to change a pitch battery?")
RISING_WIND = ("What would you do if a pair of technicians wanted to climb to reset a fault but the wind speed at hub "
               "height was close to the climbing limit and forecast to rise?")


def test_a_lone_climb_let_go_ahead_and_a_climb_raced_before_the_wind_are_unsafe():
    """Both 93.3, strong, "so honestly I'd let him go" quoted as a top-mark plan; the safe twins scored 100."""
    alone = ("so Dave's been with us eleven years, he's GWO trained, so honestly I'd let him go, it's a forty minute job. "
             "He takes the rescue kit up with him and rings the control room every twenty minutes. I'd stay at the base "
             "of the tower in the van. Being a manager is about judgement, not just following the book blindly.")
    raced = ("the climbing limit is twenty five metres a second so we're in the limit. So first thing I'd brief the pair "
             "to get up quick, get up before it picks up any more, do the reset, and ring the control room every half "
             "hour. If it goes over the limit while they're up there, I'd tell them to stay in the nacelle and wait it "
             "out because the nacelle's the safest place.")
    assert offline_card(LONE_CLIMB, alone).overall <= 20
    assert offline_card(RISING_WIND, raced).overall <= 20
    no = ("No lone climbing, full stop: the rescue plan needs two trained people at height. I'd thank him for offering, "
          "see if I can pair him with a technician from another turbine today, and if not I'd defer the job to tomorrow "
          "and tell the control room and the asset manager why the turbine stays down.")
    wait = ("I'd check the SCADA mean and gusts at hub height against the lower of the OEM and our risk assessment limit. "
            "If it's close and forecast to rise, the answer is no: I'd try a remote reset, and if that fails I'd "
            "reschedule the climb for the next weather window and tell the pair and the control room why.")
    assert offline_card(LONE_CLIMB, no).overall >= 80
    assert offline_card(RISING_WIND, wait).overall >= 80


AVAILABILITY = "Tell me about a time you improved turbine availability on a site you were responsible for."


def test_a_failure_that_never_came_again_is_a_result():
    """ "We didn't lose another gearbox while I was there, the big corrective jobs basically disappeared from our
    monthly report" read as a vague outcome (Result 1 of 4)."""
    story = ("We'd had two gearbox failures in a year. I went through the oil sample reports myself and saw the particle "
             "counts creeping up on a handful of machines. So I set up a traffic light sheet from the lab results and "
             "made it the first item on my weekly planning meeting. {end}")
    told = story.format(end="We didn't lose another gearbox while I was there, and the big corrective jobs basically "
                            "disappeared from our monthly report.")
    untold = story.format(end="I also got the owner to agree to put desiccant breathers on the worst ones.")
    assert offline_card(AVAILABILITY, told).criterion("star.result").score >= 2
    assert offline_card(AVAILABILITY, untold).criterion("star.result").score <= 1


# --- the golf club ------------------------------------------------------------------------------------------------

GREENS = "Tell me about a time you had to bring greens back after they had gone into serious decline."


def test_resignations_and_rounds_that_fell_are_a_bad_outcome_told_as_a_success():
    """Rounds from thirty thousand to twenty one thousand and "eleven resignations ... I'd call that a real success":
    78, Quantified impact 4 of 4 (22 with "lost eleven members")."""
    story = ("at Hollins Wood the greens were thatchy and weak and I decided we needed to go hard at them. we hollow tined "
             "all eighteen greens in June and closed them for six weeks. {end} I'd call that a real success and I'd do "
             "exactly the same again.")
    worse = story.format(end="in the end rounds at the club went from about thirty thousand down to twenty one thousand "
                             "that year and we had eleven resignations.")
    better = story.format(end="in the end the greens were running at ten on the stimpmeter by August and rounds "
                              "went up to thirty two thousand that year.")
    assert offline_card(GREENS, worse).overall <= 25
    assert offline_card(GREENS, better).overall > 50


# --- the contact centre -------------------------------------------------------------------------------------------

DEADLINE = "Tell me about a deadline you missed or nearly missed. What happened and what did you change afterwards?"
MISSED = ("Yes, the year-end quality report in 2023. I {due} and I missed it by two days, because I'd left the "
          "calibration until the last week. I told her on the 4th, before the deadline, and I delivered it on the 7th. "
          "Afterwards I changed how I do it: I now do calibration monthly{after}.")


def test_a_deadline_that_was_the_candidates_is_a_task_and_a_time_cut_is_a_measured_result():
    """ "I was due to send Marcia the quality scores ... by the 5th of April" read Task 1 of 4, "lowered: the quotes do
    not show the candidate's responsibility"; "it took me one afternoon this year instead of a week" Result 2 of 4, "not
    measured": 66 for an answer graded 5."""
    told = MISSED.format(due="was due to send Marcia the quality scores for all fourteen advisers by the 5th of April",
                         after=", and it took me one afternoon this year instead of a week")
    card = offline_card(DEADLINE, told)
    assert card.criterion("star.task").score >= 3 and card.criterion("star.result").score >= 3
    untold = MISSED.format(due="sent Marcia the quality scores for all fourteen advisers on the 7th of April",
                           after="")
    card = offline_card(DEADLINE, untold)
    assert card.criterion("star.task").score <= 2 and card.criterion("star.result").score <= 2


BUDGET = "One answer fell flat in round one: Budget. Let's try it again: one real example, what you did, and the outcome."


def test_money_landed_under_its_pot_is_a_result():
    """ "I came in £600 under" (an £18,000 overtime pot) read as a vague outcome, Result 1 of 4."""
    story = ("What I have done is manage our overtime allocation, which last year was about £18,000 for my team. I tracked "
             "it monthly on a spreadsheet against call volumes, and in the autumn I held back about £4,000 so I could "
             "spend it in March on annual billing. {end}")
    assert offline_card(BUDGET, story.format(end="I came in £600 under.")).criterion("star.result").score >= 3
    assert offline_card(BUDGET, story.format(end="I came in on the Monday to check it.")).criterion("star.result").score <= 1


NOTES = """Round 1 - Contact Centre Manager, Revs & Bens
panel: Marcia (Head of Customer Services) + Tom from HR + Dev (Revenues Manager)

Opener "tell us about yourself" - fine, bit long
- Marcia asked about abandonment rate three times. I said ours was "about 12%" then couldn't say what it was last year. Bad.
- waiting times / GOS - I knew our average wait (6 mins) but not service level %, she asked what target I'd set
- vulnerable callers: asked how we spot vulnerability on a council tax debt call. I talked about the script but forgot to say breathing space. Dev looked unconvinced.
- Workforce planning / rota - blanked on Erlang, just said "we use a spreadsheet"
- Dev asked how I'd cope with annual billing in March (peak volumes) -> weak, didn't have a plan
- Budget - never managed one, said so. Hmm.

Feedback from recruiter (Fri): "good values, but answers lacked numbers"
"""


def _debrief(notes: str):
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import feedback_readings
    from mockint.scoring.rubrics import load_rubrics

    return parse_debrief(notes, load_bank(), feedback=feedback_readings(load_rubrics()))


def test_the_notes_read_as_meant_a_count_in_words_a_quoted_we_and_a_half_known_figure():
    """The topic was "abandonment rate three times" in every plan; "just said "we use a spreadsheet"" opened Ownership;
    "I knew our average wait but not service level %" was filed as "the notes do not say how it went"."""
    read = _debrief(NOTES)
    topics = {t.name: t for t in read.topics}
    assert "abandonment rate" in topics and topics["abandonment rate"].mentions == 3, list(topics)
    assert topics["waiting times/GOS"].went_badly
    assert {f.id for f in read.feedback} == {"specificity.quantified_impact", "delivery.length"}
    assert {f.id for f in _debrief('Feedback from recruiter: stayed on "we", lacked numbers\n').feedback} >= {
        "specificity.ownership"}
    from mockint.coaching.phrases import repetitions, without_counts

    assert repetitions("asked about the rota four times") == 4
    assert without_counts("managing drivers three times my age") == "managing drivers three times my age"


def test_a_term_blanked_on_after_the_topics_name_is_retried_as_knowledge():
    """ "Workforce planning / rota - blanked on Erlang, just said ..." was retried as "one real example, what you did"."""
    from mockint.scoring.kinds import classify_topic

    assert classify_topic("Workforce planning/rota", [
        'Workforce planning / rota - blanked on Erlang, just said "we use a spreadsheet"']) == "technical"
    assert classify_topic("budget", ["budget - froze on the budget question, rambled"]) == "behavioural"
    assert classify_topic("stakeholders", ["stakeholders - blanked on my example, waffled"]) == "behavioural"


def test_the_first_plan_drills_round_ones_concerns_before_a_bank_question_for_its_feedback(run_cli, tmp_path):
    """Every workflow trial's first plan opened with "Describe a time you had to learn a new tool or domain quickly" for
    "Opener ... bit long", and spent two more of six questions on the feedback's habits, which each concern's question
    is judged on anyway; "vulnerable callers", which a panellist doubted, waited behind answers that fell flat as
    quietly, for three plans."""
    notes = tmp_path / "round1.md"
    notes.write_text(NOTES)
    assert run_cli("debrief", str(notes), "--yes").code == 0
    plan = json.loads(run_cli("plan", "-n", "6", "--json").out)["plan"]
    assert [q["source"] for q in plan] == ["followup"] * 6, [q["text"] for q in plan]
    drilled = [q["targets"] for q in plan]
    assert drilled.index("topic.vulnerable_caller") < drilled.index("topic.annual_billing"), drilled
    # ... the feedback's habits are judged on the concerns' story questions, and drilled on their own after them
    assert all("specificity.quantified_impact" in q["criteria"] for q in plan if q["kind"] == "behavioural")
    longer = [q["targets"] for q in json.loads(run_cli("plan", "-n", "12", "--json").out)["plan"]]
    assert "delivery.length" in longer and longer[:6] == drilled


def test_a_practice_rounds_headings_name_the_question_in_words(run_cli, tmp_path):
    """ "Question 2/6 · first_round_probe" and "· followup" read as internals to a new user."""
    notes = tmp_path / "round1.md"
    notes.write_text(NOTES)
    assert run_cli("debrief", str(notes), "--yes").code == 0
    answer = tmp_path / "a.txt"
    answer.write_text("Last March I cut our abandonment rate from 15% to 11% by moving two lunches.\n")
    done = run_cli("practice", "--plan", "-n", "1", "--probes", "0", "--answers-from", str(answer))
    assert done.code == 0, done
    assert "on your first interview" in done.out and "first_round_probe" not in done.out
