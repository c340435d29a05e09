"""Trial 49: a senior midwife, a quantity surveyor, a contact centre manager and a gas engineers' supervisor wrote and
graded their answers before scoring them, and a bus operations controller went through a week of debrief, plans and
rounds. Right figures were called contradictions, dangerous plans in a trade's words scored as their safe twins,
knowledge questions read as past stories and the controller's notes lost their main concern; the sentences below are
shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, offline_card

ABSENCE_QUESTION = "Tell me about a time you reduced sickness absence in your team."
ABSENCE = ("um so twelve months ago sickness on my team was at seven point two percent when the site wanted four, and only "
           "about half of the return to work meetings were actually happening. First I said every return to work happens "
           "on the day someone comes back, and I went through the log myself each Friday. Second I coached my four team "
           "leaders on how to run a real welfare conversation. Six months later sickness was four point one percent{sep} "
           "we'd gone from seventy one to eighty two percent answered in twenty seconds, and just two people ended up on a "
           "formal stage. The lesson for me was that most of it was about flexibility not attitude.")


def test_a_second_measure_in_a_run_on_sentence_is_no_first_measure_that_rose():
    # "we'd gone from 71 to 82 percent" is the service level the clause names, not sickness that rose
    run_on, stopped = (offline_card(ABSENCE_QUESTION, ABSENCE.format(sep=sep)) for sep in (",", ". And service level,"))
    assert run_on.overall >= 80 and abs(run_on.overall - stopped.overall) <= 5


def test_the_card_says_which_sentence_makes_the_figures_contradict():
    from mockint.scoring.offline import figure_clashes, read_answer

    story = ("we had one a month going wrong at the start. within six weeks complaints went from 3 a week to 12 a week, "
             "which shows the new process was bedding in")
    clashes = figure_clashes(read_answer(story, ABSENCE_QUESTION))
    assert [kind for _, kind, _ in clashes] == ["worse"] and "complaints went from 3 a week to 12" in clashes[0][0]


def test_a_share_of_another_whole_is_no_share_of_the_count():
    # 15 of 21 duties is 71 %; "4 percent of that day's mileage" is a share of the miles
    said = ("we had 21 duties uncovered and if we'd done nothing we'd have lost around fifteen of them which is roughly "
            "four percent of that day's mileage")
    assert impossible(said) == []
    assert impossible("we had 21 duties uncovered and we lost fifteen of them which is roughly four percent")


@pytest.mark.parametrize("said, reason", [
    ("I was responsible for a team of twelve engineers, that was nine gas safe engineers and five apprentices.", "14"),
    ("the whole thing was agreed in three weeks, we started in March and signed it off in September.", "6 months"),
    ("I trained every single midwife on the unit, all sixty of them, which was forty five people in total.", "60 and 45"),
])
def test_figures_that_cannot_all_be_true_are_named(said, reason):
    found = impossible(said)
    assert len(found) == 1 and reason in found[0].why


@pytest.mark.parametrize("said", [
    "I was responsible for a team of fourteen, that was nine gas safe engineers and five apprentices.",
    "the whole thing took twelve weeks, we started in June and signed it off in August.",
    "I trained every single midwife on the unit, all sixty of them, which was sixty people in total.",
])
def test_their_fixed_twins_are_not(said):
    assert impossible(said) == []


@pytest.mark.parametrize("sentences, question, kind", [
    # an emergency call put off, whoever the plan calls later
    (["I wouldn't pull the emergency bell straight away because it panics the woman,",
      "I'd give it a couple of contractions first and if it's still stuck then I'd call the registrar."],
     "What would you do if you were called into a room where the head has delivered and you suspect a shoulder dystocia?",
     "escalation_delayed"),
    # the registrar refused, then called only once out of theatre
    (["and the reg's stuck in theatre, um, I wouldn't want to drag the reg out of a section for a trace."],
     "What would you do if a junior midwife showed you a pathological CTG at night?", "escalation_refused"),
    (["then I'd say do a fresh eyes in an hour and if it's no better we'll get the reg when they're out of theatre."],
     "What would you do if a junior midwife showed you a pathological CTG at night?", "escalation_delayed"),
    # a spilling boiler left in use, a CO alarm silenced
    (["I wouldn't cap it off because she'd have no heating, that's more of a risk than a bit of spillage."],
     "What would you do if you found an open-flued boiler spilling combustion products into a bedroom?", "work_goes_on"),
    (["if it goes off again they can take the battery out for the night so they get some sleep."],
     "What would you do if a customer rang late at night saying their carbon monoxide alarm keeps going off?",
     "work_goes_on"),
    # a vulnerable customer's disclosure kept off the account; an unsecured advance kept from the director
    (["I wouldn't put the mental health bit on the notes to be honest, so just note payment arrangement agreed."],
     "What would you do if an adviser's customer in arrears said they had just come out of hospital?", "cover_up"),
    (["I wouldn't make a big song and dance about it with the commercial director, it'd only slow things down."],
     "What would you do if a struggling subcontractor asked you for money up front?", "escalation_refused"),
    (["no need for a bond or anything like that, I know the MD personally."],
     "What would you do if a struggling subcontractor asked you for money up front?", "check_skipped"),
])
def test_an_unsafe_step_in_a_trades_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


@pytest.mark.parametrize("sentences, question", [
    # the sound twins' own words
    (["so I'd pull the emergency buzzer straight away and ask for the obstetric emergency call."],
     "What would you do if you suspect a shoulder dystocia?"),
    (["we never tell a customer to take the battery out."],
     "What would you do if a customer rang saying their carbon monoxide alarm keeps going off?"),
    # two negatives: everything is in scope or notified
    (["on every job I run a change register, and nothing gets built that isn't either in scope or notified as a "
      "compensation event."], "so how do you actually stop margin leaking away on a job you're running"),
    # someone else's rushing, which the plan is about
    (["if he's doing the tests and rushing the paperwork I'd look at his workload."],
     "so what would you do if one of your lads kept getting his gas safety records flagged in audits"),
])
def test_a_sound_plans_words_are_no_finding(sentences, question):
    assert finding_kinds(sentences, question) == []


def test_a_mistake_put_right_before_it_failed_and_not_seen_since_is_no_disaster_stood_by():
    question = "Tell me about a time something went wrong that you were responsible for. What did you learn?"
    story = ("so the one that still bothers me is a boiler install in twenty twenty three where the condensate pipe was run "
             "externally and not lagged. I signed off the job from the photos without going out. that January the "
             "condensate froze and the customer, who had a newborn, was without heating for two days. she complained and "
             "she was right to. I went out myself on the Monday and rerouted it, and I refunded the call out. then I went "
             "back through every install we'd done in the previous eighteen months, found eleven more with the same "
             "problem and we put them right before they failed. I changed our install sign off so a senior engineer "
             "checks one in five installs. we've had no frozen condensate call outs since")
    assert offline_card(question, story).overall >= 70


@pytest.mark.parametrize("question, kind", [
    ("How is a primary postpartum haemorrhage defined, and what is the first-line management?", "technical"),
    ("How is a compensation event assessed under NEC4 Option C?", "technical"),
    ("Half the team wants Christmas off and January is our busiest month, talk us through how you'd actually sort the "
     "rota.", "situational"),
    ("How would you plan the field team's capacity for the winter breakdown peak?", "situational"),
    ("How would you approach developing apprentices in your team?", "approach"),
    ("How is the team managed day to day?", "behavioural"),
    ("How would you approach a colleague who keeps missing deadlines?", "situational"),
])
def test_a_question_is_read_as_the_kind_it_asks_for(question, kind):
    from mockint.scoring.kinds import classify

    assert classify(question) == kind


BUS_NOTES = """Round 1 - Depot Ops Manager, Northway Buses - Tues
- opened with why leave after 11 yrs at current depot. ok but rambly
- asked about lost mileage / curtailments. I gave the % but couldnt explain how we actually cut it. Sandra came back to lost mileage twice
- Mike asked about managing a driver with high sickness absence. I waffled about policy, no real example
- assault on a driver - went well, told the route 42 story
- blanked on the budget question - what's the depot's cost per mile. didnt know ours

Remembered (thurs):
- Sandra also asked what I'd do if a driver was assaulted late at night and the route needed pulling - I said I'd pull the route straight away, she didnt look convinced
- Mike asked about sickness absence again at the end - Bradford factor triggers, went badly
"""


def test_a_bus_controllers_notes_keep_their_concerns_under_one_name_each():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank
    from mockint.scoring.kinds import classify_topic

    topics = {t.name: t for t in parse_debrief(BUS_NOTES, load_bank()).topics}
    # "lost mileage" came back twice and went badly; "how we actually cut it" is how it went, not a topic "actuallying cut"
    assert topics["lost mileage/curtailments"].went_badly and topics["lost mileage/curtailments"].mentions == 2
    # "I waffled about policy" is how the absence answer went; the added note's "sickness absence" is the same concern
    absence = topics["managing a driver with high sickness absence"]
    assert absence.went_badly and absence.mentions == 2
    assert not {"policy", "rambly", "sickness absence"} & set(topics) and not any("actually" in name for name in topics)
    # the scenario asked about is a topic of its own, a plan's question, gone badly
    assault = topics["driver assaulted late at night"]
    assert assault.went_badly and classify_topic(assault.name, assault.notes) == "situational"
    assert "why leave after 11 yrs at current depot" in topics
    # a figure of the job they did not know is a gap in knowledge, drilled as such
    budget = topics["budget question"]
    assert budget.went_badly and classify_topic(budget.name, budget.notes) == "technical"


def test_an_option_typed_twice_is_a_usage_error_not_the_last_one_silently(run_cli, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("I led the night shift through the outage and we restored service by two am.", encoding="utf-8")
    second.write_text("I reduced absence from seven to four percent in six months.", encoding="utf-8")
    result = run_cli("score", "--text", str(first), "-q", "Tell me about a time you led", "--text", str(second))
    assert result.code == 2 and "--text given twice" in result.err and result.out == ""
    assert run_cli("score", "--text", str(first), "--question=Tell me about a time", "-q", "x").code == 2
    # a value that looks like an option is the option's value, not the option again
    assert run_cli("score", "--text", str(first), "-q", "--text").code == 0


def test_text_in_the_wrong_utf16_order_is_refused_not_scored_as_one_word(run_cli, tmp_path):
    garbled = tmp_path / "bin.txt"
    garbled.write_bytes(b"\xff\xfe" + "I led the team".encode("utf-16-be"))
    result = run_cli("score", "--text", str(garbled), "-q", "Tell me about a time you led")
    assert result.code == 1 and "no English word" in result.err and "Overall" not in result.out


DISAGREEMENT = ("so my manager wanted us to take on an extra two services a day per engineer to clear a backlog of about three "
                "hundred overdue landlord checks before the end of the quarter. I disagreed because going from six to eight a "
                "day would mean corners cut. so I put together a plan: I asked four engineers to do one Saturday each a month "
                "on overtime and I asked for one agency engineer for six weeks. I showed him the cost, about nine thousand "
                "pounds, against the fines. he agreed. we cleared the backlog in seven weeks instead of the quarter, no audit "
                "failures on those jobs")


def test_a_time_set_against_what_it_would_have_been_is_a_measured_result_and_its_advice_fits_the_level():
    card = offline_card("Tell me about a time you disagreed with your manager. How did you handle it?", DISAGREEMENT)
    impact = card.criterion("specificity.quantified_impact")
    assert impact.score >= 3
    # at level 2 the answer has numbers: the advice asks to tie one to the change, not to put one in
    from mockint.scoring.card import pick_improvements
    from mockint.scoring.rubrics import load_rubrics

    advice = {level: pick_improvements([impact.model_copy(update={"score": level})], load_rubrics()) for level in (1, 2)}
    assert "Put a number" in advice[1][0] and "Put a number" not in advice[2][0] and "Tie a number" in advice[2][0]


def test_a_story_follow_up_never_quotes_what_would_be_done():
    from mockint.coaching.plan import narrates

    assert not narrates("I'd want to get my head round the depot budget quickly if I got the job")
    assert narrates("I went out and drove two duties myself on the 7 and the 12")
