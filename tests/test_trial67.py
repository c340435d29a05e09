"""Trial 67: a funeral director, a pest control field supervisor, a domiciliary care coordinator, a cinema general manager
and a school exams officer (the last through a week of debrief, plans and rounds). A sound safeguarding plan was capped at
20 for "she can't promise to keep it secret and neither can I"; "I'm never going to ask anyone to do anything I wouldn't
do myself" refused to escalate; a short complaint story was "figures about something new each" for its call times (22);
"spend per head went up" was a cost that rose; a crisis story with "offered refunds ... we refunded 65 people" was a harm
stood by past its fix (22, its twin 93); figures that cannot all be true went unread (60 jobs a day "around 80 a week",
48 hours to 6 "halved", 60p on 200,000 admissions "£400,000"); knowledge, advice and own-words questions were judged as
stories; and the debrief made four concerns of "data - SIMS, tracking, KS4 headline measures, Progress 8", lost "asked
me for a time I dealt with a suspected malpractice case" and "I blanked on how Progress 8 is actually calculated".
Shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card

SON = ("What would you do if a carer told you a client's son has been taking her bank card and money is missing, and the "
       "client has asked the carer not to tell anyone?")


def test_anyones_negation_just_before_a_cover_up_turns_it_around():
    said = ["I'd tell the carer she did the right thing, she can't promise to keep it secret and neither can I.",
            "I'd raise a safeguarding alert with the council the same day."]
    assert finding_kinds(said, SON) == []
    assert finding_kinds(["I'd keep it secret for now and ring the son myself."], SON) == ["cover_up"]


def test_going_to_a_verb_is_no_one_to_escalate_to():
    said = ["I'm never going to ask anyone to do anything I wouldn't do myself."]
    assert finding_kinds(said, "How would you lead a team of forty carers?") == []
    assert finding_kinds(["I'm not going to the manager with it."], "What would you do if a carer missed a call?") == [
        "escalation_refused"]


def test_keeping_in_touch_is_no_check():
    said = ["the same three things came up, runs changing the night before, no one checking in on them after induction."]
    assert finding_kinds(said, "Tell me about a time you improved staff retention.") == []


SHORT = ("a daughter complained her dad's bedtime call kept coming at seven I checked the monitoring she was right seven of "
         "the last ten were early I rang her that day apologised and moved him to a fixed eight thirty slot with two named "
         "carers a fortnight later no early calls and she withdrew the complaint")


def test_times_of_day_and_a_part_of_its_whole_are_no_scattered_figures():
    card = offline_card("Tell me about a time you dealt with a complaint from a family.", SHORT)
    assert card.overall >= 50 and all(c.gated is None for c in card.criteria)


def test_spend_per_head_is_better_higher():
    from mockint.scoring.offline import moved_measures
    from mockint.speech.numbers import write_numbers_in_text

    said = write_numbers_in_text("over six months spend per head went up from three pounds ten to three pounds seventy")
    assert moved_measures(said) == ((), ("spend per head",))
    assert moved_measures("over six months agency spend went up from 3,000 to 7,000") == (("spend",), ())


KDM = ("at half four the projection lead told me the key for the film had arrived with the wrong start date. my job was to "
       "get the film on screen. I rang the distributor myself and had a new key in fifty minutes. meanwhile I decided to "
       "push the first showing back half an hour, and I briefed the team on what to tell customers and offered refunds to "
       "anyone who couldn't wait. in the end we lost one showing, we refunded sixty five people, and we kept about ninety "
       "four percent of the bookings. afterwards I put a KDM check forty eight hours before every opening into the weekly "
       "checklist, and the area manager added it to the other sites")


def test_one_harm_said_twice_is_one_and_a_fix_taken_up_elsewhere_recovers():
    assert offline_card("Tell me about a time you led your team through a crisis.", KDM).overall >= 60


@pytest.mark.parametrize("said, why", [
    ("we were doing about sixty jobs a day across the team which is around eighty jobs a week.",
     "60 a day is 300 to 420 a week, not the figure you state"),
    ("the average response went from forty eight hours down to six hours, basically we halved it.",
     'from 48 to 6 is not what "halved" says'),
    ("that's a sixty pence rise on about two hundred thousand admissions a year, so roughly four hundred thousand pounds "
     "of extra revenue.", "200,000 at £0.60 each is £120,000, not the £400,000 you give"),
])
def test_figures_that_cannot_all_be_true(said, why):
    assert [f.why for f in impossible(said)] == [why]


@pytest.mark.parametrize("said", [
    "we were doing about sixty jobs a day across the team which is around three hundred jobs a week.",
    "the nine engineers each do about four breakdowns a day so roughly a hundred and eighty a week.",
    "the spend dropped to about 1,200 a month so around 7,000 a year saved.",
    "the average response went from forty eight hours down to twenty four hours, basically we halved it.",
    "that's a sixty pence rise on about two hundred thousand admissions a year, so roughly a hundred and twenty thousand "
    "pounds of extra revenue.",
])
def test_their_fixed_twins_can_be(said):
    assert impossible(said) == []


@pytest.mark.parametrize("question, kind", [
    ("A technician rings you from a primary school: there is a wasp nest in the cavity wall next to the playground. What "
     "would you tell him to do?", "situational"),
    ("What would you advise a new manager to do?", "situational"),
    ("Why do we need to know about pacemakers and other implants before a cremation, and what is the process?", "technical"),
    ("What events must a registered manager notify CQC about?", "technical"),
    ("this job is grief all day every day so how do you actually stop it getting to you", "approach"),
    ("So be honest, what actually goes wrong at a cinema when the manager's not there, and how would you even know?",
     "approach"),
    ("What is the process you follow when a complaint comes in?", "behavioural"),
])
def test_questions_keep_their_kind(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


def test_a_debrief_reads_a_topics_parts_a_time_asked_for_and_how_a_measure_is_worked_out():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank
    from mockint.scoring.kinds import classify_topic

    notes = ("- malpractice - asked me for a time I dealt with a suspected malpractice case. fumbled it\n"
             "- Dave kept coming back to data - SIMS, tracking, KS4 headline measures, Progress 8. I blanked on how "
             "Progress 8 is actually calculated\n")
    topics = {t.name: t for t in parse_debrief(notes, load_bank()).topics}
    assert set(topics) == {"dealing with a suspected malpractice case", "data", "Progress 8"}
    assert topics["dealing with a suspected malpractice case"].went_badly and topics["Progress 8"].went_badly
    assert not topics["data"].went_badly and topics["data"].mentions == 2
    assert classify_topic("Progress 8", topics["Progress 8"].notes) == "technical"


FIRE = "What would you do if the fire alarm went off during a sold-out Saturday evening screening?"


@pytest.mark.parametrize("said", [
    "I'd get on the radio and tell the projection team to keep the films running so we don't have four hundred people in the "
    "foyer wanting refunds.",
    "I'd go to the panel myself, silence the sounders and reset it straight away so the customers aren't worried.",
    "on busy Saturday nights the side exits in screens one and two are padlocked to stop kids tailgating in.",
])
def test_a_show_kept_going_an_alarm_reset_unseen_and_exits_locked_are_unsafe(said):
    assert finding_kinds([said], FIRE) == ["work_goes_on"]


def test_stopping_the_show_is_not():
    said = ["I'd stop the films, bring the house lights up and evacuate every screen, and I wouldn't reset the panel until "
            "the fire service said so."]
    assert finding_kinds(said, FIRE) == []


def test_the_next_of_what_recurs_tells_what_followed():
    story = ("So tracking um what I'd tell them is I run the data drops, three a year. One example, last year the data drop in "
             "February had twenty percent of grades missing by the deadline which meant the head's report was late. I looked "
             "at where the gaps were and it was mostly three departments that were entering on paper first. I set up a mark "
             "sheet in SIMS for each of them with the classes pre loaded, I gave a ten minute demo at their department "
             "meetings and I sent a reminder with the exact number missing per teacher two days before. The next drop we had "
             "ninety eight percent in on time. The proof is the completion reports, SIMS keeps them")
    question = ("In your first interview they kept coming back to one topic: tracking. What would you tell them now? Give one "
                "specific example and proof they could check.")
    assert offline_card(question, story).criterion("star.result").score >= 3


@pytest.mark.parametrize("said, written", [
    ("about one in four families weren't called back", "about 1 in 4 families weren't called back"),
    ("her errors went from about one in five files to none", "her errors went from about 1 in 5 files to none"),
    ("a one in a million bug", "a one in a million bug"),
    ("the one in two thousand and nineteen", "the one in 2019"),
])
def test_a_rate_said_one_in_n_is_written_as_a_figure(said, written):
    from mockint.speech.numbers import write_numbers_in_text

    assert write_numbers_in_text(said) == written
