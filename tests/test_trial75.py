"""Trial 75: a telecoms field engineering team leader, a data centre critical facilities shift lead, a children's home
deputy manager, a community pharmacy manager and a trading standards team leader (a week of debrief, plans and
practice). Shortened from the trials' own answers and notes; each pair of answers is the misread one and its twin."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card


def _level(card, criterion: str) -> int:
    return next(c.score for c in card.criteria if c.criterion == criterion)


@pytest.mark.parametrize("question", [
    "When you commission an FTTP connection, what do a light level test and an OTDR trace tell you, and what readings "
    "would you expect?",
    "What are your responsibilities when your team opens up the footway under a street works permit?",
])
def test_questions_on_the_trades_readings_and_duties_are_knowledge_questions(question):
    """Both were read as "tell me about a time": the right answers scored 12 and 10, told to use the past tense."""
    from mockint.scoring.kinds import classify

    assert classify(question) == "technical"


def test_what_the_team_tell_you_about_your_own_work_is_no_knowledge_question():
    from mockint.scoring.kinds import classify

    assert classify("What do the team tell you about your leadership?") != "technical"
    assert classify("What does a raised troponin tell you?") == "technical"


NIGHTS = ("What would you do if you were on nights with two of your four technicians off sick, a CRAH unit alarming in "
          "one hall, and a customer demanding an urgent remote hands job?")


def test_going_to_with_a_verb_after_it_is_no_person_gone_to():
    """ "I'm not going to have anyone lone working in the plant rooms" read as refusing to tell anyone: a sound plan, 20."""
    assert finding_kinds(["I'd send one tech to look at it and keep the other on site as my second, because I'm not going "
                          "to have anyone lone working in the plant rooms at night."], NIGHTS) == []
    assert finding_kinds(["I'm not going to call anyone about it, I'd sort it myself."], NIGHTS) != []


ABSCOND = ("What would you do if you arrived for a sleep-in shift and found one worker on duty with four young people, and "
           "one young person was escalating and threatening to abscond?")


def test_a_missing_child_reported_late_is_a_report_put_off():
    """ "I'd give it a bit before calling it in ... reporting everything as missing just clogs up the police" was read as
    the plan reporting, which redeemed "I wouldn't bother ringing on call" (86.7, strong)."""
    assert finding_kinds(["If they ran off from the car I'd give it a bit before calling it in, because they usually come "
                          "back on their own and reporting everything as missing just clogs up the police."], ABSCOND)
    assert finding_kinds(["If they ran off I'd call it in straight away and follow the missing from care protocol."],
                         ABSCOND) == []


HIT = "What would you do if a young person told you that a member of staff had hit them?"
ALONE = ("The first thing I'd do is sit down with the member of staff and get their side of the story. I'd try to sort it "
         "out at home level first, because bringing in the LADO and Ofsted over something that's probably nothing can "
         "really damage the team's morale. If after my own investigation I thought there was something in it then I'd "
         "escalate it to my manager.")
TOLD = ("I'd listen to the young person, not ask leading questions, and write down exactly what they said. I'd make sure "
        "they're safe and that the staff member has no contact with them, and I'd ring the LADO the same day and tell my "
        "registered manager, because it's not for me to investigate an allegation against staff.")


def test_the_lado_named_only_to_be_argued_against_is_no_escalation():
    """Naming the LADO and Ofsted as what would damage morale read as the plan going to them: the allegation handled
    alone scored 93.3, as the textbook plan did."""
    assert "handled_alone" in finding_kinds(ALONE.split(". "), HIT)
    assert finding_kinds(TOLD.split(". "), HIT) == []


REGISTER = "Can you explain the legal requirements for keeping a controlled drug register for Schedule 2 drugs?"


def test_a_rule_said_of_a_thing_in_a_knowledge_answer_is_no_record_skipped():
    """ "Patient returns don't go in the register, they go in a separate returns book" capped the right answer at 40."""
    from mockint.scoring.safety import findings

    said = ["Patient returns don't go in the register, they go in a separate returns book."]
    assert findings(said, question=REGISTER, knowledge=True) == []
    assert findings(said, question=REGISTER) != []  # in a plan, what the candidate's team would leave out


DISCREPANCY = ("What would you do if one of your pharmacies reported a discrepancy in the controlled drug register that "
               "they couldn't resolve?")
ADJUSTED = ("I'd tell the pharmacist to adjust the running balance to match what's physically in the cabinet, put their "
            "initials by it and move on. ")


def test_a_step_kept_for_another_case_redeems_nothing():
    """ "I'd only escalate if it was a big amount like a whole box" redeemed a balance changed to match the cabinet (80)."""
    assert "cover_up" in finding_kinds([ADJUSTED, "I'd only escalate if it was a big amount like a whole box."],
                                       DISCREPANCY)
    assert finding_kinds([ADJUSTED, "I'd escalate it to the superintendent's office today."], DISCREPANCY) == []


LOCUM = ("What would you do if the locum cancelled at seven on a Saturday morning and one of your pharmacies had no "
         "pharmacist to open?")


def test_a_report_to_a_regulator_refused_is_not_redeemed_by_a_colleague_sent_for():
    """ "we don't have to report a closure to NHS England" was redeemed by "I'd get a pharmacist from another branch to
    sign in as RP ... so we're covered on paper" (100, strong)."""
    refused = "That way we don't have to report a closure to NHS England which always causes hassle."
    assert "escalation_refused" in finding_kinds(
        ["I'd get a pharmacist from another branch to sign in as RP remotely so we're covered on paper.", refused], LOCUM)
    assert finding_kinds(["I'd ring round the other branches for a pharmacist and tell the area manager.",
                          "If no one can come I'd notify NHS England of the temporary closure."], LOCUM) == []


PARTNERSHIP = "Tell me about a project where you had to collaborate with another department that had different goals."
KEYSTONE = ("The police's priority was volume burglary and they saw rogue traders as civil disputes. In 2023 I proposed a "
            "joint operation with the neighbourhood policing inspector. I wrote the information sharing agreement and I "
            "set up a fortnightly tasking meeting. ")


@pytest.mark.parametrize("ending", [
    "The inspector now sends us every doorstep crime log by default, which never happened before.",
    "Over nine months we got back £41,000 for victims.",
])
def test_what_goes_on_now_and_money_won_back_are_outcomes(ending):
    """Both endings were read as "a vague outcome ... nothing measurable" (Result 1 of 4) on a story graded 5."""
    assert _level(offline_card(PARTNERSHIP, KEYSTONE + ending), "result") >= 3
    assert _level(offline_card(PARTNERSHIP, KEYSTONE + "It was a good partnership."), "result") <= 2


INCIDENT = "Tell me about a time you led your shift through a critical incident, such as a utility failure or a UPS fault."
CHILLERS = ("In July 2023 two of the six chillers on the Hall A loop tripped on high head pressure in the heatwave. I was "
            "the shift lead so it was mine. I declared a major incident and got the bridge up with the customer. I sent "
            "two techs to wet down the condenser coils and had the third open the cross connect valves, and I reset the "
            "chillers one at a time. Supply air stayed under 25 degrees and every customer stayed inside their SLA.")


def test_a_utility_failure_in_the_question_asks_for_no_failure_of_ones_own():
    """Read as "a time you failed": every criterion held at 1 of 4, 20; 85 with the words taken out."""
    from mockint.scoring.offline import read_answer, topic_missed

    assert topic_missed(read_answer(CHILLERS, INCIDENT)) == []
    assert topic_missed(read_answer(CHILLERS, "Tell me about a time you failed.")) == ["failure"]


POCA = ("Under the Proceeds of Crime Act 2002 we can go after what a rogue trader made from the crime. Our financial "
        "investigator applies for a restraint order early so the assets can't be moved, then after conviction the court "
        "makes a confiscation order based on the benefit figure.")
PERFORMANCE = ("In 2023 one of my officers was consistently behind: his case files were late and three prosecution files "
               "came back from legal. I set clear written targets and reviewed them fortnightly, paired him with our senior "
               "officer on the case management system, and when two deadlines slipped again I moved to the formal first "
               "stage of the capability procedure with HR. Within four months he was hitting both targets.")


@pytest.mark.parametrize("topic, answer", [("POCA", POCA), ("performance mgmt", PERFORMANCE)])
def test_a_round_one_topic_in_shorthand_is_met_by_its_words_in_full(topic, answer):
    """ "The question is on 'POCA' ... and the answer never names it" of an answer that opens "Under the Proceeds of Crime
    Act"; "performance mgmt" left open after a capability case scored 94."""
    from mockint.scoring.offline import read_answer, round_one_topic_missed

    question = (f"Back to {topic}, which round one left in doubt. Take a real example you have not told yet: what happened, "
                "what you did, and the outcome.")
    assert round_one_topic_missed(read_answer(answer, question)) == []
    assert round_one_topic_missed(read_answer(CHILLERS, question)) == [topic]


def test_a_panel_members_role_in_brackets_leaves_the_topic_they_asked_about():
    """ "Jo (HR) asked about managing change" made "Jo" a weak area, drilled by the plan; managing change was lost."""
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    notes = ("- Jo (HR) asked about managing change -- restructure question -- too vague, no outcome\n"
             "- Regulators' Code / enforcement policy - ok\n")
    names = [t.name for t in parse_debrief(notes, load_bank()).topics]
    assert "managing change" in names and "Jo" not in names
    assert any(name.startswith("Regulators' Code") for name in names)


OFSTED = "Describe a time you led an improvement in the home after an Ofsted inspection."
FLU = "Tell me about a service you grew."


@pytest.mark.parametrize("question, story", [
    (OFSTED, "After our inspection I led the improvement plan and honestly I'm really proud of the numbers. And "
             "restraints, we went from eight in the three months before to nineteen in the three months after, which "
             "shows the staff are now confident to intervene."),
    (FLU, "When I took over the pharmacy the year before we did nine hundred flu jabs, and in my first season we did six "
          "hundred and fifty, which I was really proud of."),
])
def test_restraints_that_rose_and_jabs_that_fell_told_proudly_are_disasters_stood_by(question, story):
    """Told as successes: 68 (quantified impact 4 of 4) and 76 (the falling figures quoted as a Situation of 4)."""
    from conftest import stands_by_a_disaster

    assert stands_by_a_disaster(story, question)
    better = story.replace("nineteen", "three").replace("six hundred and fifty", "one thousand three hundred")
    assert not stands_by_a_disaster(better, question)


def test_a_thing_of_the_trade_the_candidate_could_not_explain_is_retried_as_knowledge():
    """ "blanked on Primary Authority - couldn't explain how it works w/ our big retailers" was retried as "one real
    example, what you did, and the outcome"."""
    from mockint.scoring.kinds import classify_topic

    line = "blanked on Primary Authority - couldn't explain how it works w/ our big retailers. embarrassing"
    assert classify_topic("Primary Authority", [line]) == "technical"
    assert classify_topic("Primary Authority", ["Primary Authority - went ok, used the Tesco example"]) != "technical"
