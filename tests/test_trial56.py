"""Trial 56: a highways maintenance supervisor, a bus depot controller, a senior biomedical scientist and an HR adviser
wrote and graded their answers before scoring them; a housing officer went through a week of debrief, plans and rounds.
Good endings read as disasters stood by ("we lost no samples", "the depot's lost mileage was the lowest in the group", a
final written warning given in a disciplinary case: 22 each, the same stories without the words 83-91); an error rate
"from one in three to none" read as rising; a right answer on a contaminated sample ("we don't report the potassium")
read as refusing to report; knowledge questions asked with "if we propose" or "and how does your regime support it"
read as past stories; figures that cannot all be true went unread. The sentences below are shortened from the trials'
own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card


def _stood_by(question: str, story: str):
    from mockint.scoring.offline import read_answer, stood_by_bad_outcome

    return stood_by_bad_outcome(read_answer(story, question, None))


@pytest.mark.parametrize("question, story, twin", [
    ("Describe a time your team dealt with a major equipment failure. What was your part?",
     "so last winter we lost both haematology analysers in the same week, one with a failed pump. we moved the urgent "
     "FBCs onto the coag lab's spare analyser once we'd run QC on it. the one call I made myself was to stop accepting "
     "routine GP FBCs for forty eight hours. ED turnaround stayed within the hour throughout and we lost no samples",
     "in the end we lost most of the samples"),
    ("Tell me about a time you reduced lost mileage at your depot.",
     "when I took over the control role lost mileage was two and a half percent of the week, mostly driver shortage on "
     "the late turns. I moved four spare drivers from the early to the late rota and set up a standby list of twelve "
     "drivers. Within three months lost mileage was down to one percent. The depot's lost mileage was the lowest in the "
     "group that year.",
     "in the end we lost the school contract over it"),
    ("Tell me about a time you advised a manager on a difficult disciplinary case.",
     "um one case I'm proud of, a night shift manager wanted one of his forklift drivers out that day for getting round "
     "the seat belt interlock. I said we need to do this properly so it holds up. I suspended the driver on full pay and "
     "got a day shift manager to investigate. four more drivers were doing the same, so my advice was you can't sack one "
     "for what half the shift are doing. outcome was a final written warning plus retraining. no appeal, no claim",
     "in the end he took us to a tribunal and won"),
])
def test_a_good_ending_in_harm_words_is_no_disaster_stood_by(question, story, twin):
    assert _stood_by(question, story) is None
    # the same story ending in a real harm, stood by, still shuts the gate
    assert _stood_by(question, f"{story.rstrip('.')}. {twin}, and I'm proud of how I handled it") is not None


def test_a_sanction_someone_got_is_no_harm_only_in_a_conduct_case_or_given_by_the_candidate():
    from mockint.scoring.offline import harm_domain, harms_named

    said = "outcome was a final written warning plus retraining"
    assert harms_named(said) != []  # told with no case behind it, a warning is what happened to someone
    assert harms_named(said, harm_domain(["tell me about a time you advised on a difficult disciplinary case"])) == []
    assert harms_named("i suspended the driver on full pay") == []
    assert harms_named("i was suspended for two weeks") != []


@pytest.mark.parametrize("said, way", [
    ("the error rate on the paperwork went from about one in three to none in the last ten", "down"),
    ("the error rate went from one in ten to one in four", "up"),
])
def test_a_rate_to_none_or_one_in_n_moves_the_way_it_says(said, way):
    from mockint.scoring.offline import moved_measures

    worse, better = moved_measures(said)
    assert (worse, better) == (((), ("error rate",)) if way == "down" else (("error rate",), ()))


def test_withholding_a_contaminated_result_is_no_refusal_to_report():
    question = "What does EDTA contamination of a serum sample do to the results, and how do you recognise it?"
    said = ["we don't report the potassium and calcium, we put a comment asking for a repeat and if it's a critical we "
            "still phone to get a repeat taken quickly"]
    assert finding_kinds(said, question) == []
    assert finding_kinds(["we don't report incidents like that to anyone."], question) == ["escalation_refused"]


def test_the_standby_gang_left_till_monday_is_a_refusal_not_excused_by_complaints_escalating():
    question = "What would you do if a member of the public reported a deep pothole on a 60 mph A road on a Friday?"
    plan = ["I wouldn't bother calling out the standby gang, it can wait till monday.",
            "and I'd ring the caller back myself tonight because keeping the public in the loop stops the complaints "
            "escalating to the councillor."]
    assert finding_kinds(plan, question) == ["escalation_refused"]
    # escalating it is still the plan's own step
    assert finding_kinds(["I wouldn't bother calling out the standby gang.", "I'd be escalating it to the duty manager "
                          "straight away."], question) == []


@pytest.mark.parametrize("plan", [
    ["I'd tell him to take his break when he gets in", "and I'd get the duty card adjusted afterwards",
     "so it shows the break in the right place, because otherwise it throws a flag on the hours report for nothing."],
    ["what I would do is get one of the MLAs to correct the label on the tube to match the request and book it in."],
])
def test_a_record_changed_to_fit_is_a_cover_up(plan):
    assert "cover_up" in finding_kinds(plan, "What would you do?")


def test_a_record_changed_by_what_happened_is_none():
    assert finding_kinds(["the reading books were changed so they matched the sounds the children had learned."],
                         "Tell me about a time you raised attainment in phonics.") == []


@pytest.mark.parametrize("question", [
    "What does a driver's daily walk-round check cover, and what happens when a defect is found?",
    "What powers are available to a social landlord to tackle ASB?",
    "What are the collective consultation obligations if we propose to make twenty-five roles redundant at one site?",
    "What is the Section 58 defence and how does your inspection regime support it?",
])
def test_knowledge_asked_around_we_and_your_is_still_knowledge(question):
    from mockint.scoring.kinds import classify

    assert classify(question) == "technical"


@pytest.mark.parametrize("said, fixed", [
    ("lost mileage was two and a half percent of a sixty thousand mile week, which is about three hundred miles a week",
     "lost mileage was two and a half percent of a sixty thousand mile week, which is about fifteen hundred miles a week"),
    ("by the end of september we'd cleared nine hundred of the twelve hundred and we were down to just a hundred and "
     "fifty open jobs",
     "by the end of september we'd cleared nine hundred of the twelve hundred and we were down to just three hundred open "
     "jobs"),
    ("the gangs were doing thirty patches a day each so with two gangs that's about a hundred patches a day",
     "the gangs were doing thirty patches a day each so with two gangs that's about sixty patches a day"),
    ("I trained all eight of the BMSs on the section myself, which with our team of five was quite a job",
     "I trained all five of the BMSs on the section myself, which with our team of five was quite a job"),
])
def test_figures_that_cannot_all_be_true_are_read(said, fixed):
    assert impossible(said) != []
    assert impossible(fixed) == []


def test_telling_a_senior_manager_what_the_contracts_need_answers_pushing_back():
    story = ("the ops director wanted to move thirty operators to nights with a week's notice. I told him their contracts "
             "needed consultation and the union would ballot. I proposed a volunteer list first with a shift premium, got "
             "twenty two volunteers in ten days, consulted on the other eight, and nights started two weeks later with no "
             "grievance")
    relevance = offline_card("Tell me about a time you had to push back on a senior manager.", story).criterion(
        "specificity.relevance")
    assert relevance.score >= 2, relevance


def test_debrief_lines_name_what_was_asked_not_what_was_done():
    from test_debrief import BANK

    from mockint.coaching.debrief import parse_debrief
    from mockint.scoring.kinds import classify_topic

    notes = ("- opened with why Riverside, why now. ok but waffly\n"
             "- Tom asked about managing a difficult colleague - didn't really have an example, used one from when I was "
             "a student\n"
             "They'll probe on leading a small team in round 2 since the senior role line manages 2 housing assistants\n"
             "- Tom asked about a time I'd had to tell a tenant something they didn't want to hear - that one went fine\n"
             "- Marcia asked twice about ASB tools and powers, I didn't really have an answer on the community trigger "
             "threshold\n")
    topics = {t.name: t for t in parse_debrief(notes, BANK).topics}
    assert "used one" not in topics and "leading a small team" in topics, list(topics)
    assert any(name.startswith("telling a tenant") for name in topics), list(topics)
    assert classify_topic("why Riverside, why now", []) == "motivation" and "why Riverside, why now" in topics
    assert classify_topic("powers", [notes.splitlines()[-1]]) == "technical"


def test_a_critical_result_handed_over_to_the_day_team_is_put_off():
    question = "It's 2:30am and you have a potassium of 6.8 on a GP patient and the surgery is closed. What would you do?"
    assert finding_kinds(["so my priority is accuracy, I'd authorise it with a comment saying query delayed sample.",
                          "and I'd hand it over to the day team", "so they phone the surgery at eight when it opens."],
                         question) == ["escalation_delayed"]
    # handed to someone there now is no delay
    assert finding_kinds(["I'd phone the out of hours GP straight away and hand it over to the duty biochemist."],
                         question) == []


def test_the_thank_you_draft_names_no_practice_topic_once_the_real_interview_is_noted(tmp_path):
    """A housing officer's draft "enjoyed discussing teamwork and collaboration and adaptability": the practice
    questions' topics, not the real interview's, which her debrief had noted. Naming the notes' concerns instead (trial
    58: "budget management and managing staff who are not volunteers", the two she struggled on, in her own shorthand)
    is no better: the candidate names the one they enjoyed."""
    from datetime import datetime, timezone

    from test_debrief import BANK

    from mockint.coaching.debrief import apply_debrief, parse_debrief
    from mockint.coaching.ledger import save_ledger
    from mockint.coaching.weakness import Ledger
    from mockint.records import Transcript
    from mockint.reporting.files import session_reports
    from mockint.scoring.rubrics import load_rubrics
    from mockint.session import Answer, Session, SessionStore

    store = SessionStore(tmp_path / "sessions")
    session = Session(id="20261205-090000-beef", created_at=datetime(2026, 12, 5, tzinfo=timezone.utc))
    session.new_round().answers.extend(
        Answer(id=f"a0{i}", question=BANK.get(qid).ref(), status="transcribed",
               transcript=Transcript(text="We did it together.", duration=0.0))
        for i, qid in enumerate(("beh.conflict", "beh.conflict_manager", "beh.tight_deadline"), 1))
    ledger = apply_debrief(Ledger(), parse_debrief("- They asked twice about damp and mould\n", BANK))
    ledger_file = save_ledger(ledger, tmp_path / "ledger.json")
    def draft(**noted) -> str:
        text = session_reports(session, store, load_rubrics(), ["md"], report_dir=tmp_path, **noted)["md"]
        text = text.replace("\\[", "[").replace("\\]", "]")  # Markdown's escapes
        return text[text.find("enjoyed discussing"):][:80]

    assert draft(ledger_file=ledger_file).startswith("enjoyed discussing [a topic you discussed]")
    assert not draft().startswith("enjoyed discussing [a topic you discussed]"), draft()
