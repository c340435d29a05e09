"""Trial 70: a wastewater treatment process supervisor, a plant bakery production supervisor, a zoo section head keeper, a
hotel front office manager and a conveyancing team leader (the last through a week of debrief, plans and rounds). Five
KPIs named one by one ("fees per fee earner per month against target, lock-up in days ...") scored 20 for never getting to
"KPI" (86.7 opened "The KPIs I would look at"); an audit story's Situation, Action and Result said "No real event to judge
this on" beside Real past example 2 of 4, "A real event"; and "the auditor ... raised only one minor point" was no
result. Shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

KPI_PROBE = ("One answer fell flat in round one: KPI numbers. Let's try it again: the specific steps, terms or figures a "
             "practitioner would use, and the reasoning behind them.")
KPIS = ("I would look at five numbers: fees per fee earner per month against target, lock-up in days, quote to instruction "
        "conversion, weeks from instruction to completion, and abortive rate. Fees per fee earner tells me capacity; lock-up "
        "should be low in conveyancing because we bill on completion, so a rise means abortive work or unbilled "
        "disbursements; conversion is the early warning on referrals; and weeks to completion is what agents judge us on.")


def test_a_term_is_met_by_the_words_the_rubric_gives_it():
    card = offline_card(KPI_PROBE, KPIS, kind="technical")
    assert card.criterion("specificity.relevance").score >= 3 and card.overall >= 60
    # an answer on something else still never gets to it
    other = ("I would sit down with the fee earner, go through their files one by one and agree what they need from me, then "
             "check in weekly until they are back on track, because people respond to support more than pressure.")
    relevance = offline_card(KPI_PROBE, other, kind="technical").criterion("specificity.relevance")
    assert relevance.score <= 2 and "KPI" in relevance.feedback


COMPLIANCE = ("In your first interview they kept coming back to one topic: compliance ownership. What would you tell them "
              "now? Give one specific example and proof they could check.")
AUDIT = ("Honestly in round one I undersold this. The partner signs the CQS declaration, but day to day I own compliance for "
         "my team. I run monthly file reviews, five files per fee earner, against a checklist that covers AML, source of "
         "funds, client care letters and the CQS protocol. I keep the results in a spreadsheet and I follow up any failures "
         "within a week. Last year in the CQS re-accreditation the auditor reviewed twelve of our files and raised only one "
         "minor point, about a missing undertaking record, and I fixed that process the same week. I also wrote our firm "
         "wide guidance on the new source of funds rules after the SRA thematic review. The proof they could check is the "
         "re-accreditation report and my file review spreadsheet.")


def test_a_story_part_says_no_real_event_only_when_the_card_finds_none():
    card = offline_card(COMPLIANCE, AUDIT)
    real = card.criterion("specificity.real_example").score
    no_event = [c.criterion for c in card.criteria if "No real event" in (c.feedback or "")]
    assert real <= 1 or no_event == []
    hypothetical = ("I would always keep the files reviewed every month and I would make sure the team follow the checklist, "
                    "and usually I would follow up failures within the week.")
    card = offline_card(COMPLIANCE, hypothetical)
    assert card.criterion("specificity.real_example").score <= 1
    assert any("No real event" in (c.feedback or "") for c in card.criteria if c.rubric == "star")


def test_an_audit_with_only_one_minor_point_raised_is_a_result():
    assert offline_card(COMPLIANCE, AUDIT).criterion("star.result").score >= 2


WET_WELL = ("What would you do if an operator radioed to say a colleague had gone down into the inlet wet well without a "
            "permit and wasn't answering?")
NON_ENTRY = ("First thing, nobody else goes in after him, that's how you get two or three casualties in a wet well. So I'd tell "
             "the operator on the radio to stay at the top, not go in, and call nine nine nine straight away and say confined "
             "space casualty. I'd raise the site emergency alarm and ring the control centre so they can send the rescue "
             "team. If our trained team's on site with the tripod, winch and escape breathing sets they can do a non entry "
             "rescue on his harness, otherwise we wait for the fire service. Afterwards it's RIDDOR reportable.")


def test_a_typed_answer_that_opens_with_its_question_is_scored_on_it_and_not_quoted(run_cli, tmp_path):
    import json

    with_line, alone = tmp_path / "07.txt", tmp_path / "07-alone.txt"
    with_line.write_text(f"Q: {WET_WELL}\n\n{NON_ENTRY}\n", encoding="utf-8")
    alone.write_text(NON_ENTRY, encoding="utf-8")
    read = json.loads(run_cli("score", "--text", str(with_line), "--offline", "--json").out)
    named = json.loads(run_cli("score", "--text", str(alone), "-q", WET_WELL, "--offline", "--json").out)
    assert read["question"] == WET_WELL and read["question_kind"] == "situational"
    assert read["transcript"] == named["transcript"] and not read["transcript"].startswith("Q:")
    assert read["scorecard"]["overall"] == named["scorecard"]["overall"] >= 60
    quoted = [e["quote"] for c in read["scorecard"]["criteria"] for e in c["evidence"]]
    assert quoted and not any("permit and wasn't answering" in q for q in quoted)
    # a question named on the command line is the one it is scored on; the file's line is still no part of the answer
    other = json.loads(run_cli("score", "--text", str(with_line), "-q", "Why do you want this job?", "--offline", "--json").out)
    assert other["question_kind"] == "motivation" and other["transcript"] == named["transcript"]
    only = tmp_path / "q.txt"
    only.write_text(f"Q: {WET_WELL}\n", encoding="utf-8")
    result = run_cli("score", "--text", str(only), "--offline")
    assert result.code == 1 and "only its question line" in result.err and len(result.err.strip().splitlines()) == 1


HOTEL_FIRE = ("What would you do if the fire alarm went off at three in the morning, the panel showed a zone on the fourth "
              "floor, and you had a full house including a guest who uses a wheelchair?")
DND = ("What would you do if a room attendant told you a room had had the Do Not Disturb sign on for two days and nobody had "
       "seen the guest?")


@pytest.mark.parametrize("question, said, kinds", [
    (HOTEL_FIRE, ["so the first thing I'd do is silence the sounders so we don't wake two hundred guests for nothing."],
     ["work_goes_on"]),
    (HOTEL_FIRE, ["for the guest in the wheelchair I'd ring their room and tell them to make their way down in the lift."],
     ["work_goes_on"]),
    (HOTEL_FIRE, ["we don't use the lift in a fire, the night porter and I get her to the refuge and tell the fire brigade."],
     []),
    # a negation in the clause before does not turn the wait around
    (DND, ["I wouldn't go in, I'd wait until their check-out day and if they don't check out then we'd look into it."],
     ["work_goes_on"]),
    (DND, ["I wouldn't wait until they check out, I'd go up with the duty manager, knock and go in."], []),
])
def test_a_fire_alarm_silenced_unseen_a_lift_and_a_guest_left_until_check_out_are_unsafe(question, said, kinds):
    assert finding_kinds(said, question) == kinds


@pytest.mark.parametrize("question, kind", [
    ("What causes sludge bulking in an activated sludge plant?", "technical"),
    ("What causes sludge bulking in an activated sludge plant, and how would you control it?", "technical"),
    ("What does a hotel need to have in place to control the risk of Legionella in its water system?", "technical"),
    ("What causes most of your stress at work?", "behavioural"),
    ("What causes conflict in your team and how would you deal with it?", "situational"),
])
def test_what_causes_a_fault_and_what_must_be_in_place_ask_for_knowledge(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


AMMONIA = ("What would you do if final effluent ammonia started climbing towards the permit limit on a Friday afternoon and "
           "the fitters wanted to take a blower out for planned maintenance?")
DETECTOR = ("What would you do if the metal detector on the bread line failed its start-of-shift test and you had a full "
            "supermarket order due out at six in the morning?")
MOULDER = "What would you do if you found an operative clearing a jam in the moulder with the guard open and the machine still running?"
SICK = "What would you do if three operatives called in sick for the night shift and the roll plant had a full order book?"
CHANGEOVER = "How do you make sure allergen control is maintained during product changeovers?"
LIONESS = ("What would you do if a keeper radioed that one of the lionesses was out of the enclosure and in the public area "
           "during opening hours?")


@pytest.mark.parametrize("question, said, kinds", [
    (AMMONIA, ["That way the maintenance gets done, we don't get a fail on the record and nobody upstairs needs to know about "
               "it."], ["cover_up"]),
    ("How do you make sure your team follows safe systems of work on site?",
     ["And I encourage near miss reporting, I make a point of thanking whoever reported it at the Monday brief."], []),
    ("How do you make sure your team follows safe systems of work on site?", ["I'd report it at the Monday brief."],
     ["escalation_delayed"]),
    (DETECTOR, ["so what I'd do is I'd keep the line running"], ["work_goes_on"]),
    (DETECTOR, ["and I'd note it on the CCP sheet as passed at the start with a note to re-check,"], ["cover_up"]),
    (DETECTOR, ["I'd record the failure on the CCP sheet so the paperwork's in order for the audit."], []),
    (MOULDER, ["so I'd let him finish clearing the jam, he's obviously experienced."], ["work_goes_on"]),
    (SICK, ["I'd tell the transport planner early which orders are at risk.",
            "I'd check the output every hour against plan and tell the production manager in the morning what we lost and why."],
     []),
    (CHANGEOVER, ["it's the operative that cleans and a second person, usually the team leader, that signs the line clearance, "
                  "so nobody checks their own work."], []),
    (CHANGEOVER, ["nobody checks the labels at start up."], ["check_skipped"]),
    (LIONESS, ["I wouldn't bother calling a code red over the radio at first because that sets off the whole zoo."],
     ["escalation_delayed"]),
    (LIONESS, ["I'd call a code red straight away so the firearms team and the vet with the dart gun are on their way."], []),
])
def test_trade_words_for_a_danger_a_cover_up_and_an_emergency_call(question, said, kinds):
    assert finding_kinds(said, question) == kinds


LABOUR = "How do you make sure your departments hit their labour cost targets without hurting service?"
TRIPADVISOR = ("so um I'd say the best example is guest satisfaction. when I started at the Carlton our TripAdvisor ranking "
               "was forty second out of a hundred and ten hotels in the city. I set up a daily review meeting at ten with the "
               "heads of department, I replied personally to every review within forty eight hours, and I started a "
               "recognition board. within a year we were at number eleven and our GSS went from eighty one to eighty eight "
               "percent.")
ABSENCE = ("absence was terrible, about nine percent. I started doing return to work interviews for every single absence, "
           "myself, and I used the Bradford factor to pick out the patterns. I also changed the rota so people got every "
           "third weekend off. within six months absence was down to four percent.")


@pytest.mark.parametrize("question, answer", [(LABOUR, TRIPADVISOR), (CHANGEOVER, ABSENCE)])
def test_a_good_story_about_something_else_never_gets_to_the_question(question, answer):
    card = offline_card(question, answer)
    assert card.criterion("specificity.relevance").score <= 1 and card.overall <= 35


FELL_OUT = ("two of my keepers had fallen out over the rota, he felt she was always getting the training sessions, and it got "
            "to the point they weren't talking on the radio properly, which on a DWA section is a safety problem. I saw each "
            "of them on their own first, then I got them together with a clear agenda. I changed the rota so the training "
            "sessions rotated. within a couple of months they were running the rhino sessions together.")
HOOF = ("Our hoof care for the giraffe used to mean a full immobilisation every time the feet needed trimming. I proposed we "
        "build a hoof block into the training wall and train them for voluntary foot presentation. I wrote the training "
        "plan and got the capital, about four thousand pounds. In the two years since, we've had no immobilisations for hoof "
        "care at all, and the vet can now look at the feet monthly rather than once a year.")
WELFARE = ("we had an old lioness, Tamu, she was eighteen and losing condition and the others were pushing her off the carcass "
           "on feed days. we did welfare assessments on her and had the vet in. In the end I made the decision to separate "
           "her into the off show den with sight and smell of the pride, and feed her on her own with a softer diet. We "
           "reviewed her every week after that.")
WHEY = ("We had a trade effluent discharge from the dairy, a slug of whey, and the BOD load to the works went through the roof "
        "overnight. We put the storm tanks to use to hold back some of the flow and bled it back in over the next couple of "
        "days. The final effluent BOD was around thirty against a permit of twenty five, but it didn't fail the look up table "
        "in the end.")


@pytest.mark.parametrize("question, answer", [
    ("Describe a time you had to manage a conflict within your keeper team.", FELL_OUT),
    ("Tell me about a time you improved a process or a standard in your section.", HOOF),
    ("Tell me about a time you picked up an animal welfare concern in your section. What did you do?", WELFARE),
    ("Tell me about a time you dealt with a serious risk to your works' permit compliance.", WHEY),
])
def test_a_story_told_in_its_own_words_gets_to_the_question(question, answer):
    assert offline_card(question, answer).criterion("specificity.relevance").score >= 2


def test_a_rate_run_for_a_time_and_the_total_it_makes_are_checked():
    from conftest import impossible

    said = [f.said() for f in impossible("we put four hours of production on hold, the roll plant runs at three thousand "
                                         "rolls an hour so that was about six thousand rolls")]
    assert len(said) == 1 and "12,000" in said[0]
    assert impossible("we put four hours of production on hold, the roll plant runs at three thousand rolls an hour so that "
                      "was about twelve thousand rolls") == []


def test_a_debrief_reads_what_went_ok_as_a_list_and_names_a_topic_without_its_aside():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    notes = ("- Dev again: case management system, asked about rolling out new tech, how would I get resistant fee earners on "
             "board. Came back to it twice more (pricing of onboarding, timeline)\n\n"
             "went ok: fraud, ombudsman complaint, why leave (growth, want dept mgmt not just team)\n")
    topics = {t.name: t for t in parse_debrief(notes, load_bank()).topics}
    assert {"fraud", "ombudsman complaint", "why leave"} <= set(topics)
    assert not any(topics[name].went_badly for name in ("fraud", "ombudsman complaint", "why leave"))
    assert "getting resistant fee earners on board" in topics and "timeline" not in topics
    assert not any("(" in name or ". " in name for name in topics)
