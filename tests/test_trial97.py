"""Trial 97: an ATC team lead, a mountain rescue deputy leader, a wind turbine team lead and a pathology team leader
(scoring), a roofing contracts supervisor and a school kitchen catering manager (a week of debrief, plans and practice),
on stop 56's final build. Shortened from the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

CRANE = "What would you do if the wind picked up during a main component crane lift and the gusts started going over the lift limit?"
RUNWAY = ("What would you do if a runway inspection vehicle hadn't called vacated and the next arrival was on a two mile "
          "final?")
QC = ("What would you do if your internal QC on the chemistry analyser failed on potassium at two in the morning with a "
      "queue of A and E samples waiting?")


def test_a_lift_kept_going_over_its_wind_limit_is_unsafe():
    """ "I'd make the call to continue ... brief the crane op to pick up the pace, put two extra lads on the taglines
    under the load": 93.3, strong, above the plan that stopped (80)."""
    assert finding_kinds(["If the blade's already most of the way up I'd make the call to continue, because a hanging "
                          "load is the bigger risk."], CRANE) == ["work_goes_on"]
    assert finding_kinds(["so I'd brief the crane op to pick up the pace and put two extra lads on the taglines under "
                          "the load."], CRANE) == ["work_goes_on"]
    assert finding_kinds(["I'd tell the crane op to stop, land the blade on the ground, and stand everyone clear of the "
                          "load until the gusts are back under the limit."], CRANE) == []


def test_a_landing_cleared_on_an_assumed_vacated_runway_is_unsafe():
    """ "I'd assume they're off and just forgot to call it ... give them the landing clearance": 66.7, solid."""
    assert finding_kinds(["if they were due off by then I'd assume they're off and just forgot to call it."], RUNWAY) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd tell the controller to give them the landing clearance."], RUNWAY) == ["work_goes_on"]
    assert finding_kinds(["I'd get the controller to send the arrival around and call the vehicle until it confirms it "
                          "has vacated."], RUNWAY) == []


def test_patient_results_released_on_failed_qc_are_unsafe():
    """ "rerun it and if it comes back in then fine you carry on and release the queue ... you can sort of eyeball them":
    93.3, level with the plan that stopped reporting potassium."""
    assert finding_kinds(["so I'd rerun it and if it comes back in then fine you carry on and release the queue."], QC) \
        == ["work_goes_on"]
    assert finding_kinds(["the patient results generally look sensible anyway so you can sort of eyeball them."], QC) \
        == ["work_goes_on"]
    assert finding_kinds(["so first I'd stop reporting potassium on that analyser and move the queue onto the second "
                          "analyser."], QC) == []


def test_a_sample_label_filled_in_from_a_phone_call_is_unsafe():
    """ "get the date of birth off the nurse over the phone and then just add it to the tube ourselves": 66.7."""
    question = ("What would you do if a group and save sample arrived with the patient's name on the tube but the date "
                "of birth missing, and the patient is bleeding?")
    assert finding_kinds(["I'd ring the ward, get the date of birth off the nurse over the phone and then just add it to "
                          "the tube ourselves."], question) == ["work_goes_on"]
    assert finding_kinds(["we never relabel it, the ward takes a new sample straight away and I'd issue O negative "
                          "if they can't wait."], question) == []


def test_a_needlestick_sent_to_occupational_health_in_the_morning_is_put_off():
    """ "they could pop up to occupational health in the morning when they open", of a known high-risk source: 86.7."""
    question = "What would you do if a member of staff in sample reception got a needlestick injury?"
    assert finding_kinds(["they could pop up to occupational health in the morning when they open."], question) \
        == ["escalation_delayed"]
    assert finding_kinds(["they go to A and E now for a risk assessment and PEP if it's needed."], question) == []


def test_volunteers_left_to_judge_their_own_drinking_is_unsafe():
    """ "we don't really do formal sign offs ... if someone's had a drink or is a bit tired that's really up to them": 40
    with Relevance 4 of 4, as a method."""
    question = "How do you approach making sure volunteers or staff are fit and ready to go out on a job?"
    assert finding_kinds(["we don't really do formal sign offs because it just puts people off volunteering."],
                         question) == ["check_skipped"]
    assert finding_kinds(["if someone's had a drink or is a bit tired that's really up to them."], question) \
        == ["work_goes_on"]
    assert finding_kinds(["everyone signs in, and anyone who's had a drink in the last eight hours stays at base."],
                         question) == []


def test_crew_told_of_reduced_cover_after_landing_is_put_off():
    """ "the pilots get told after they've landed so they're not worrying on the approach" (a knowledge answer, 80)."""
    question = "What happens if the fire cover at an airport drops a category?"
    assert finding_kinds(["I'd let the crew know once they've landed."], question) == ["escalation_delayed"]
    assert finding_kinds(["I'd let the crew know before they commit to the approach."], question) == []


def test_inspections_the_candidate_cancelled_are_a_step_not_a_harm():
    """ "I told the tower supervisor that runway inspections were cancelled": a crash alarm story graded 5, gated at 22
    as a disaster stood by (78 with "stopped")."""
    question = "Tell me about a time you had to handle an aircraft emergency from the crash alarm side."
    told = ("I hit the crash alarm straight away and gave the fire service the details. I told the tower supervisor that "
            "runway inspections were cancelled and held the two vehicles that were airside. it landed safe, the crew "
            "evacuated on the runway as a precaution, no injuries.")
    assert offline_card(question, told).overall >= 60
    assert not stands_by_a_disaster(told, question)
    assert stands_by_a_disaster("I was told the flight was cancelled. then the customer complained and we lost the "
                                "account, and I'd call that a win.", "Tell me about a difficult customer.")


def test_everyone_brought_off_safely_is_the_result():
    """ "we got all six off safely by two in the morning, no further injuries": Result 1 of 4, "a vague outcome"; "no
    injuries" as a story's last words was never read (a unit is read without its commas)."""
    question = "Tell me about a time you led a team through a major incident."
    story = ("a group of six lost on the plateau in a whiteout with one injured. I made the call we'd go the long way on "
             "the flat because the steep side was corniced, and I put the strongest carriers on rotation every fifteen "
             "minutes. we got all six off safely by two in the morning, no further injuries to them or to our team.")
    assert offline_card(question, story).criterion("star.result").score >= 3
    vague = story.replace("we got all six off safely by two in the morning, no further injuries to them or to our "
                          "team.", "it went well in the end.")
    assert offline_card(question, vague).criterion("star.result").score <= 1


def test_harm_told_proudly_in_the_trades_words_is_a_bad_outcome():
    """Debris damage since inspections were cut ("since then we've had three FOD reports ... an engine change ... a
    massive win": 83, Result 4 of 4, its "since then" read as a lesson), critical results never phoned (76), and a
    casualty who "did go unconscious" and spent days in intensive care (66)."""
    assert stands_by_a_disaster(
        "we were doing four runway inspections a day and I got it cut down to one first thing in the morning. that freed "
        "up forty minutes of runway time a day. since then we've had three FOD reports from crews, one of them was an "
        "engine change on a turboprop, but movements went up eight percent so overall it was a massive win.",
        "Tell me about a time you improved efficiency in your operation.")
    assert stands_by_a_disaster(
        "I pushed to turn on autovalidation for the whole U and E profile. our median turnaround went from seventy "
        "minutes down to thirty five. six potassiums over six point five went out without being phoned and one of them "
        "ended up in resus, but the managers were really happy with the numbers.",
        "Tell me about a time you improved turnaround times in your section.")
    assert stands_by_a_disaster(
        "I took charge and we walked him out fast to warm him up. he did go unconscious in the ambulance and came round "
        "after a couple of days in intensive care. we got him out in under forty minutes which was really quick.",
        "Tell me about a time you managed a casualty with hypothermia.")
    assert not stands_by_a_disaster(
        "I took charge, we insulated him where he lay and called the helicopter. he was flown out, warmed slowly in "
        "hospital and went home two days later.", "Tell me about a time you managed a casualty with hypothermia.")


def test_what_determines_a_category_is_knowledge():
    """ "What determines an airport's rescue and fire fighting category, and what happens if cover drops?" was judged as
    a past story."""
    from mockint.scoring.kinds import classify, load_kinds

    kinds = load_kinds()
    assert classify("What determines an airport's rescue and fire fighting category, and what happens if cover drops?",
                    kinds) == "technical"
    assert classify("What determines the inspection interval for a crane?", kinds) == "technical"
    assert classify("What drives you?", kinds) == "motivation"


def test_a_register_replaced_as_a_count_is_no_check_skipped():
    """ "cook to pre-orders from the app instead of the register": a school kitchen's waste story, Action 0 of 4 and
    "unsafe" (46; graded 5)."""
    question = "Tell me about a project where you had to collaborate with another department that had different goals."
    assert finding_kinds(["I agreed with the business manager to cook to pre-orders from the app instead of the "
                          "register."], question) == []
    assert finding_kinds(["I'd just let them all out without taking the register."],
                         "What would you do if the fire alarm went during a lesson?") == ["check_skipped"]


def test_a_trades_shorthand_is_read_in_full_against_its_topic():
    """ "subbies", a round-one topic, answered in "subcontractors" throughout: Relevance 2 of 4, "never names it"."""
    question = ("In your first interview they kept coming back to one topic: subbies. What would you tell them now? Give "
                "one specific example and proof they could check.")
    told = ("on the Millbrook job I had three subcontractors on the roof. first I got their RAMS and their operatives' "
            "cards checked before they even got on site, and when the leadwork subcontractor didn't turn up on the "
            "Tuesday I rang their contracts manager at 7am and had a replacement gang on by noon. we handed over on time "
            "and the client signed it off with no snags.")
    assert offline_card(question, told).criterion("specificity.relevance").score >= 3
    elsewhere = ("on the Millbrook job I had a tight programme on the roof. I checked the forecast every morning at 7am "
                 "and moved the sheeting to the calm days. we handed over on time and the client signed it off.")
    assert offline_card(question, elsewhere).criterion("specificity.relevance").score <= 2


def test_a_rope_systems_tension_is_no_conflict():
    """A technical lower told to "Tell me about a time you had to deal with conflict in your team" ("we ran a twin
    tension system"): 64, solid, Relevance 3 of 4, its "tension" read as the conflict."""
    question = "Tell me about a time you had to deal with conflict in your team."
    lower = ("we had a callout for a climber who'd fallen in a gully. I set up the main anchor on two slings round a big "
             "block, we ran a twin tension system, and I was the edge person talking the barrow boy down. we got him to "
             "the bottom in about ninety minutes and he made a full recovery.")
    assert offline_card(question, lower).overall <= 35
    quarrel = ("two of my team leaders had real tension between them over who took the night callouts. I sat them down "
               "together, we agreed a rota on the whiteboard, and they have not had a cross word since.")
    assert offline_card(question, quarrel).criterion("specificity.relevance").score >= 3


# --- the roofing contracts supervisor's and the school kitchen manager's weeks ----------------------------------------


def _debrief(notes: str):
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    return parse_debrief(notes, load_bank())


def test_the_candidates_own_to_dos_are_no_topics_of_the_interview():
    """Lines under "## To do" ("get valuation example from Millbrook job - ask Gary for the figures", "shorten supplier
    story. STAR. end w/ result") were listed as topics that came up, "STAR" and "ask Gary for the figures" among them."""
    debrief = _debrief("## What went badly\n- supplier q - rambled\n\n## To do\n"
                       "- get valuation example from Millbrook job - ask Gary for the figures\n"
                       "- shorten supplier story. STAR. end w/ result\n")
    names = {t.name for t in debrief.topics}
    assert "supplier" in names and not names & {"ask Gary for the figures", "STAR", "end with result"}
    assert debrief.todos == ["get valuation example from Millbrook job - ask Gary for the figures",
                             "shorten supplier story. STAR. end w/ result"]
    assert _debrief("## Went badly\n- budget recovery - no numbers\n").todos == []


def test_what_the_answer_lacked_names_its_topic():
    """ "no numbers on budget recovery" under "Went badly" read as a topic that came up; "no system for remote oversight"
    and "no real answer on TUPE" as none."""
    topics = debrief_topics("## Went badly\n- no numbers on budget recovery\n- no system for remote oversight\n"
                            "- no real answer on TUPE\n")
    assert all(topics[name].went_badly for name in ("budget recovery", "remote oversight", "TUPE"))


def test_money_in_shorthand_and_a_recruiters_doubt_are_concerns():
    """ "$$ - asked about variations + valuations. WEAK." (read as Answer length only) and "Dave not sure you're ready
    for commercial side" (no topic read in): the employer's main concern, lost."""
    topics = debrief_topics("## Dave (Ops)\n- $$ - asked about variations + valuations. WEAK. Waffled.\n\n"
                            "## Recruiter call\n- \"Dave not sure you're ready for commercial side\"\n")
    assert topics["variations + valuations"].went_badly
    assert any("commercial" in name and topic.went_badly for name, topic in topics.items())


def test_a_topic_then_how_they_asked_and_a_severity_keep_the_topic():
    """ "CITB/CSCS cards - asked how I check. ... minor" made the topics "checking" and "minor"."""
    topics = debrief_topics("## Karen (H&S)\n- CITB/CSCS cards - asked how I check. said I look at them. she wanted "
                            "the app/card checker. minor\n- lead - asked about lead exposure, blood tests. Blanked a bit.\n")
    assert "CITB/CSCS cards" in topics and not {"checking", "minor"} & set(topics)
    assert topics["lead exposure"].went_badly


def test_round_two_exercises_are_named_by_their_subject():
    """ "scenario: serious allergic reaction at a school you're not at" became the topic "scenario", asked as "Back to
    scenario ... with a different situation"; "prob. mgmt of supervisors" made a topic "prob"; "w/o" read as "with o"."""
    topics = debrief_topics("## Round 2 (per Sandra)\n- scenario: serious allergic reaction at a school you're not at\n"
                            "- presentation 10 min: \"your first 90 days across the area\"\n"
                            "- prob. mgmt of supervisors\n- influencing w/o authority\n"
                            "- case study: 20 min, given a practice P&L snapshot\n")
    assert topics["serious allergic reaction at a school"].forewarned
    assert any("first 90 days" in name for name in topics)
    assert "mgmt of supervisors" in topics and "prob" not in topics
    assert "influencing without authority" in topics
    assert "case study" in topics and "scenario" not in topics
    assert "prob solving" in debrief_topics("## Went badly\n- prob solving\n")


def test_an_answer_that_misses_the_question_is_asked_the_question_again():
    """A dodge ("I've always wanted to move up into management ...") to "round two will ask about mgmt of supervisors"
    scored Relevance 1 and Real past example 0, and was followed up with "tell me about one specific time it actually
    happened" of its wish to move up."""
    from mockint.coaching.probe import choose_probe
    from tests.test_weakness import RUBRICS, make_answer

    dodge = ("I've always wanted to move up into management, that's why I applied for this role really. I've been a "
             "supervisor for six years and I think I'm ready for the next step.")
    criteria = ["star.situation", "star.action", "star.result", "specificity.real_example", "specificity.relevance"]
    missed = make_answer("a05", "beh.x", {"specificity.real_example": 0, "specificity.relevance": 1, "star.action": 0},
                         text=dodge, criteria=criteria)
    probe = choose_probe(missed, RUBRICS)
    assert probe is not None and probe.targets == "specificity.relevance"
    on_it = make_answer("a05", "beh.x", {"specificity.real_example": 0, "specificity.relevance": 2, "star.action": 0},
                        text=dodge, criteria=criteria)
    assert choose_probe(on_it, RUBRICS).targets != "specificity.relevance"
