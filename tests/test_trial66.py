"""Trial 66: a brewery production shift manager, a contact centre team leader, a dispensing optician, a deputy harbour
master and a data protection officer (the last through a week of debrief, plans and rounds). A breach weighed against
the ICO's test and recorded was "unsafe" (35.7); an oil sheen kept from "the coastguard" scored 93.3 and going in after a
man down in a CO2-filled cellar 86.7; a failure story lost its Action for naming the check it skipped; a right answer on
occupancy read "if you push it past 90 ... sickness goes up" as a measure worsened (26.7); figures that cannot all be
true went unread (15 % under a budget it was over, 7.2 m to 8.5 m "a 30 centimetre gain", 4 % of the jobs 12 % made 24
of "down to 15"); "£2,500" and "2.5k" were no change; "in twenty twenty one one of my boatmen" had no date; questions in
the users' own words were judged as stories; and the debrief split "the Data Security and Protection Toolkit (DSPT)" in
two, made "wrong" a topic, lost a bluffed one and read "opened with why NHS after 6 yrs in housing. I waffled" as a habit
only. Shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card

BREACH = "Tell me about a data breach you handled and how you decided whether to report it to the ICO"
SPILL = "What would you do if at two in the morning VTS reports an oil sheen spreading from a bunker barge?"
CELLAR = "What would you do if the CO2 alarm is going off in the fermenting cellar and one of your operators is lying on the floor?"


def test_a_report_weighed_against_its_test_and_recorded_is_no_refusal():
    said = ["So I judged it was unlikely to result in a risk to the tenant's rights and freedoms", "and I didn't report it,",
            "but I recorded my reasoning."]
    assert finding_kinds(said, BREACH) == []
    # either alone is not enough: no test named, or no reasons kept
    assert finding_kinds(["So I judged it wasn't worth it", "and I didn't report it,", "but I recorded my reasoning."],
                         BREACH) == ["escalation_refused"]
    assert finding_kinds([said[0], said[1], "but I logged it."], BREACH) == ["escalation_refused"]


def test_a_refusal_to_ring_the_coastguard_is_read():
    said = ["I wouldn't want to start ringing the coastguard at two in the morning for a rainbow on the water."]
    assert finding_kinds(said, SPILL) == ["escalation_refused"]
    assert finding_kinds(["I'd ring the coastguard at once and start the oil spill plan."], SPILL) == []


def test_someone_elses_doing_told_in_a_relative_clause_is_not_the_candidates():
    said = ["an inbound fishing boat that came round the breakwater head without a call to the duty manager."]
    assert finding_kinds(said, "Tell me about a near miss you investigated.") == []


@pytest.mark.parametrize("plan", [
    "I'd take a big breath hold it and go in and drag him out by the arms to the door.",
    "I'd get straight down there after him and drag him up to the top.",
])
def test_going_in_after_a_casualty_in_a_bad_atmosphere_is_unsafe(plan):
    assert finding_kinds([plan], CELLAR) == ["rushes_in"]


@pytest.mark.parametrize("plan", [
    "I don't go in and I don't let anyone else go in, I'd ring nine nine nine.",
    "only someone trained with breathing apparatus goes in, on a line, so I'd get straight in there with the BA set on.",
])
def test_staying_out_or_going_in_protected_is_not(plan):
    assert finding_kinds([plan], CELLAR) == []


FAILURE = ("um so a failure of mine was when I signed off the dry hop schedule without checking the CO2 and pressure on the "
           "fermenter and we got a massive foam over, and we had to hold that tank for an extra five days which cost us "
           "about two thousand pounds in overtime. that was on me, I'd rushed it. after that I wrote a dry hop procedure with "
           "the head brewer that has a pressure check before we crash and I trained all nine of the shift on it, and we've "
           "done thirty one dry hopped batches since with no holds.")


def test_a_check_skipped_in_a_story_told_to_a_mistake_question_caps_nothing():
    assert offline_card("Tell me about a time you failed.", FAILURE).criterion("star.action").score >= 3
    # told to another question, the same skipped check still caps the story
    assert offline_card("Tell me about a time you improved a process.", FAILURE).criterion("star.action").score == 0


RIGHT = ("Erlang C is what you use to work out how many advisers you need. then you gross that up for shrinkage, and in my "
         "centre that's about thirty two percent. and occupancy I'd keep around eighty five percent, if you push it past "
         "ninety people burn out and sickness goes up which puts shrinkage up, so you end up worse off.")


def test_what_would_happen_if_is_no_measure_worsened():
    from mockint.scoring.offline import figure_clashes, read_answer

    question = "Explain how you would use Erlang C, shrinkage and occupancy to plan staffing."
    assert figure_clashes(read_answer(RIGHT, question, None)) == []
    told = ("I took on the staffing plan and pushed occupancy past ninety. after that sickness went up from four percent to "
            "nine percent and shrinkage went up too.")
    assert figure_clashes(read_answer(told, "Tell me about a time you planned staffing.", None)) != []


@pytest.mark.parametrize("said, why", [
    ("the whole job came in fifteen percent under the budget of eight hundred thousand pounds, at nine hundred and fifty "
     "thousand.", "£950,000 against a budget of £800,000 is 19 % over it, not what you state"),
    ("we got the declared depth back from seven point two metres to eight point five, which is a thirty centimetre gain.",
     "the difference between those two is 130 centimetres, not what you state"),
    ("we were remaking about twelve percent of jobs, which on roughly two hundred jobs a month is twenty four remakes. six "
     "months later we were at four percent remakes, so that's down to fifteen remakes a month.",
     "if 12 % is 24, 4 % is about 8, not the figure you state"),
])
def test_figures_that_cannot_all_be_true(said, why):
    assert [f.why for f in impossible(said)] == [why]


@pytest.mark.parametrize("said", [
    "the whole job came in five percent under the budget of eight hundred thousand pounds, at seven hundred and sixty "
    "thousand.",
    "we got the declared depth back from seven point two metres to eight point five, which is a one point three metre gain.",
    "we got the declared depth back from seven point two metres to seven point five, which is a thirty centimetre gain.",
    "we were remaking about twelve percent of jobs, which on roughly two hundred jobs a month is twenty four remakes. six "
    "months later we were at four percent remakes, so that's down to eight remakes a month.",
])
def test_their_fixed_twins_can_be(said):
    assert impossible(said) == []


@pytest.mark.parametrize("said", ["we cut agency spend by about £2,500 a month", "we cut agency spend by about 2.5k a month",
                                  "spend went from £40,000 to £28,000", "spend came down to £28,000"])
def test_a_sum_of_money_is_a_change_however_it_is_written(said):
    from mockint.scoring.offline import UnitCues, _quantities, words_of

    cues = UnitCues()
    _quantities(words_of(said), cues)
    assert cues.change_quantities == 1


def test_responsibility_taken_is_a_task():
    from mockint.scoring.offline import PERSONAL_TASK

    assert PERSONAL_TASK.search("so i took responsibility for fixing it")


def test_a_year_then_a_count_is_a_year():
    from mockint.speech.numbers import write_numbers_in_text

    assert write_numbers_in_text("in twenty twenty one one of my boatmen") == "in 2021 one of my boatmen"


@pytest.mark.parametrize("question, kind", [
    ("so what would you actually do if one of your team kept rolling in late", "situational"),
    ("here it's three shifts and forty-odd, honestly how's that going to work for you?", "situational"),
    ("Which numbers would you look at to know how the practice is doing?", "technical"),
    ("Why water, after ten years in energy?", "motivation"),
    ("What would you actually do differently?", "behavioural"),
])
def test_questions_in_the_users_own_words_keep_their_kind(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


def test_a_debrief_reads_a_named_toolkit_a_bluff_and_a_mix_up():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    notes = ("- opened with why NHS after 6 yrs in housing. I waffled, said \"bigger scale\" - weak\n"
             "- they asked twice about the Data Security and Protection Toolkit (DSPT) - I've never submitted one, I bluffed\n"
             "- Rachel came back to national data opt-out twice and I didn't really have an answer\n"
             "- Tom asked what the difference is between the SIRO and the Caldicott Guardian. I mixed them up. wrong\n"
             "Gut feel: weak on NHS specific stuff (opt-out)\n")
    topics = {t.name: t for t in parse_debrief(notes, load_bank()).topics}
    assert set(topics) == {"why NHS after 6 yrs in housing", "Data Security and Protection Toolkit", "national data opt-out",
                           "difference between the SIRO and Caldicott Guardian", "NHS specific stuff"}
    assert topics["Data Security and Protection Toolkit"].went_badly
    assert topics["Data Security and Protection Toolkit"].mentions == 2
    assert topics["difference between the SIRO and Caldicott Guardian"].went_badly
    assert topics["why NHS after 6 yrs in housing"].went_badly


OPT_OUT_BEFORE = (
    "um honestly the national data opt-out isn't something I've applied in housing because it's about health and care "
    "data. What I know is that it lets patients opt out of their confidential patient information being used for research "
    "and planning, so not for their own direct care. The trust would have to check its disclosures against the opt-out list "
    "before sharing for those purposes, and I think NHS England runs the service. So my example would be from the housing "
    "side, um we had tenants object to their data going to a council research project and we honoured that. If I was in "
    "the role I'd want to check how the trust applies it and whether it's in the DSPT return.")
OPT_OUT_AFTER = (
    "so I don't have a real example of applying the national data opt-out, housing doesn't use it. What I've done is um I "
    "did the NHS England e-learning on it last week and I read the operational policy guidance. It applies to confidential "
    "patient information used for research and planning, not direct care, and there are exemptions, for example where "
    "there's a legal requirement or overriding public interest, or data that's anonymised to the ICO code. Organisations "
    "have to check against the opt-out list using the MESH service or similar before disclosing, and they declare "
    "compliance in the DSPT. In the trust I'd check that every data flow for research or planning is on the register with "
    "the opt-out applied or an exemption written down.")


def test_two_answers_on_one_round_one_topic_are_not_one_story_for_the_topics_words():
    from test_weakness import make_answer

    from mockint.coaching.retold import retellings

    first = ("In your first interview they kept coming back to one topic: national data opt-out. What would you tell them "
             "now? Give one specific example and proof they could check.")
    again = ("Back to national data opt-out, which round one left in doubt. Take a real example you have not told yet: what "
             "happened, what you did, and the outcome.")
    answers = [make_answer("a04", "custom", text=OPT_OUT_BEFORE, question_text=first),
               make_answer("a12", "custom", text=OPT_OUT_AFTER, question_text=again)]
    assert retellings(answers) == []
    # asked apart, the topic's words are the stories' own, and they are read as one
    apart = [answers[0], make_answer("a12", "custom", text=OPT_OUT_AFTER,
                                     question_text="Tell me about a time you learned something new quickly.")]
    assert [(r.answer_id, r.retells) for r in retellings(apart)] == [("a12", "a04")]


def test_a_resolved_area_told_again_is_not_said_to_be_unresolved():
    from datetime import datetime, timezone

    from test_weakness import make_answer

    from mockint.coaching.weakness import LedgerEntry, _transition

    now = datetime.now(timezone.utc)
    entry = LedgerEntry(id="star.action", kind="criterion", name="STAR structure: Action", status="resolved",
                        opened_at=now, updated_at=now)
    _transition(entry, is_weak=False, repeat_note="not counted: same story twice (a12 tells the story of a04 again)",
                answer=make_answer("a12", "custom"), session_id="s", score=3.0, told_better=True)
    assert entry.status == "resolved" and "not resolved" not in entry.history[-1].note
    entry.status = "open"
    _transition(entry, is_weak=False, repeat_note="not counted: same story twice (a12 tells the story of a04 again)",
                answer=make_answer("a12", "custom"), session_id="s", score=3.0, told_better=True)
    assert entry.status == "improving" and "improving, not resolved" in entry.history[-1].note


def test_a_quote_ends_on_a_verbs_particle_not_before_it():
    from mockint.coaching.plan import shorten_quote

    said = "We had a lot of meetings and we talked it through and eventually we agreed a schedule that worked for everyone."
    assert shorten_quote(said) == "We had a lot of meetings and we talked it through"
    assert shorten_quote("so we went through every single one of the complaints that came in from the ward with") == \
        "we went through every single one of the complaints that came in from the ward"
