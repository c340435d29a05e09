"""Trial 6 (a store manager going for Area Manager): weak areas, plan items and probes that came from the
tool's own misreadings. Each answer is scored by the offline scorer (no model, no network), in several
occupations and wordings, the retail ones being the trial's own answers.

  - S7: an answer held down by a shut gate (off-topic, unsafe) adds the gate's criterion to the weak areas,
    from one answer, and none of the criteria its card marks "Held down by the whole answer, not this part"; a knowledge
    answer judged as a story is never quoted by a story follow-up as if it told one.
  - S11: an approach answer with no example (Backed by an example 0/4) is asked for one; an off-topic story
    is asked to answer the question asked, not "That sounds general: tell me about one specific time".
"""

from __future__ import annotations

import pytest

from mockint.coaching.plan import offline_followup, tells_a_story
from mockint.coaching.probe import choose_probe, no_probe_reason
from mockint.coaching.weakness import find_weak_areas
from mockint.records import QuestionRef, Transcript
from mockint.scoring import score_question
from mockint.scoring.kinds import load_kinds
from mockint.scoring.offline import OfflineScorer
from mockint.scoring.rubrics import load_overall_formula, load_rubrics
from mockint.session import Answer

RUBRICS = load_rubrics()
RELEVANCE = "specificity.relevance"


def scored(answer_id: str, question: str, text: str, kind: str) -> Answer:
    """The answer judged as `kind` (the kind a user named, or the one the tool guessed)."""
    ref = QuestionRef(id=f"own.{answer_id}", text=question, kind=kind, criteria=list(load_kinds()[kind].criteria),
                      source="custom")
    transcript = Transcript(text=text, duration=0.0)
    card = score_question(OfflineScorer(), ref, transcript, RUBRICS)
    return Answer(id=answer_id, question=ref, transcript=transcript, scorecard=card, status="scored")


def shut_gates(answer: Answer) -> set[str]:
    assert answer.scorecard is not None
    return set(load_overall_formula().shut({c.key: c.score for c in answer.scorecard.criteria if c.applies}))


# A vivid, specific story told to a question it never answers.
OFF_TOPIC = [
    ("Tell me about a time you disagreed with your area manager's decision.",
     "So the Christmas before last was massive for us. We took just over 1.2 million in the Christmas week, which "
     "was a store record, and I planned it from September. I got the extra chiller trailer in, I booked 40 temporary "
     "colleagues, and I set up a click and collect marquee in the car park. The team were amazing, and we finished the "
     "week with 98 percent availability on the key lines. My area manager said it was the best Christmas in the region."),
    ("Tell me about a time you disagreed with a consultant about a patient's care.",
     "Last winter our ward had its busiest month on record. I reorganised the rota so we had two extra nurses on "
     "nights, and I set up a discharge lounge in the old day room. The team were brilliant, and we cut the average "
     "wait for a bed from nine hours to four. The matron said it was the best winter the ward had had."),
    ("Describe a time you had to give difficult feedback to a colleague.",
     "In 2022 I led the move of our billing service from a single server to Kubernetes. I wrote the migration plan, "
     "I ran the load tests myself over two weekends, and I cut over at 2am on a Sunday. We had zero downtime and the "
     "monthly hosting bill dropped from 14 thousand to 9 thousand dollars. My CTO sent a note round the whole company."),
]


# An explanation of how something works, judged as a story (the kind guessed from the wording).
KNOWLEDGE = [
    ("What are the main causes of shrink in a supermarket and how do you control them?",
     "So shrink is really everything you lose between what you bought and what you sold. The biggest chunk in a "
     "supermarket is known loss, which is waste, so out of date fresh, damages, and markdowns. Then there's unknown "
     "loss, which is theft, both customer and colleague, and also admin errors like wrong deliveries being accepted, "
     "or price files being wrong. To control it, on waste you get the ordering right first, so forecasting and the "
     "fresh ordering on the handheld, then a proper reduction routine at set times. And the count, stock checks on "
     "high value lines weekly so you know where you're losing it, not just the total."),
    ("What are the main causes of pressure ulcers and how do you prevent them?",
     "Pressure ulcers come from sustained pressure on the skin, usually over a bony area like the sacrum or the heels, "
     "made worse by shear, moisture and poor nutrition. The patients most at risk are immobile, incontinent or "
     "malnourished. Prevention is a risk assessment on admission with a tool like Waterlow, repositioning on a "
     "schedule, the right mattress, keeping skin clean and dry, and checking the skin at every turn."),
    ("What causes memory leaks in a long-running web service, and how do you find them?",
     "A leak is memory the service keeps a reference to but never uses again. The usual causes are caches with no "
     "eviction, listeners that are registered and never removed, and closures holding on to large objects. To find "
     "one you watch the heap over time under steady load, take two heap snapshots some minutes apart, and compare "
     "which object types keep growing, then trace what still references them."),
]

# A real story, told vaguely: still a story, so its follow-up quotes it.
VAGUE_STORY = (
    "Tell me about a time you improved a process.",
    "Last year we had a problem with the deliveries coming in late. We talked about it as a team and we changed the "
    "rota a bit, and I rang the depot a few times. It got better in the end.",
)

# A way of working with no real time it was used.
NO_EXAMPLE = [
    ("How do you control a wage budget across several stores?",
     "With the wage budget I just keep a really close eye on it, you know. Communication is key, so I make sure the "
     "managers know where they are. It depends on the situation really, like every week's different. If we're over, "
     "we look at the rota and sort it out."),
    ("How do you make sure handovers are safe on a busy ward?",
     "I make sure everyone is on the same page at handover. I always go through the patients one by one and I check "
     "the charts are up to date, and I make sure the nurse taking over knows who is most unwell."),
    ("How do you keep code quality high in a team?",
     "I look at every pull request myself before it goes in, and I make sure we have tests on the parts that matter. "
     "I check the linting passes and I try to keep reviews small so people actually read them."),
]


@pytest.mark.parametrize(("question", "text"), OFF_TOPIC)
def test_an_off_topic_answer_adds_its_gates_reason_not_the_criteria_it_holds(question, text):
    first = scored("a01", question, text, "behavioural")
    assert shut_gates(first) == {RELEVANCE}  # the card caps it as not answering the question
    held = {c.key for c in first.scorecard.criteria if c.held}
    assert held  # and says the rest are "Held down by the whole answer, not this part"
    # One off-topic answer is enough to drill relevance; a second one makes nothing else "weak in 2 of 2".
    areas = {a.id: a for a in find_weak_areas([first], RUBRICS)}
    assert set(areas) == {RELEVANCE}
    assert areas[RELEVANCE].evidence[0].answer_id == "a01"
    second = scored("a02", question, text, "behavioural")
    areas = {a.id for a in find_weak_areas([first, second], RUBRICS)}
    assert areas == {RELEVANCE}, areas & held


@pytest.mark.parametrize(("question", "text"), OFF_TOPIC)
def test_an_off_topic_story_is_asked_to_answer_the_question_asked(question, text):
    answer = scored("a01", question, text, "behavioural")
    probe = choose_probe(answer, RUBRICS)
    assert probe is not None and probe.targets == RELEVANCE
    assert "sounds general" not in probe.text
    assert question in probe.text  # the question they did not answer, said back to them


def test_an_unsafe_plan_adds_judgement_from_one_answer():
    unsafe = scored(
        "a01", "What would you do if a store manager told you he'd been re-labelling out-of-date chicken?",
        "Look, if a manager told me they'd been re-labelling chicken that was past its date, I'd have a quiet word "
        "with them, just between the two of us. I wouldn't go to the food safety team over it, we'd keep it quiet and "
        "I'd let it go this once.", "situational")
    assert "situational.judgement" in shut_gates(unsafe)
    areas = {a.id for a in find_weak_areas([unsafe], RUBRICS)}
    assert "situational.judgement" in areas
    assert not areas & {c.key for c in unsafe.scorecard.criteria if c.held}


@pytest.mark.parametrize(("question", "text"), KNOWLEDGE)
def test_a_knowledge_answer_judged_as_a_story_is_not_quoted_as_one(question, text):
    knowledge = scored("a01", question, text, "behavioural")
    story = scored("a02", *VAGUE_STORY, "behavioural")
    assert not tells_a_story(knowledge)
    assert tells_a_story(story)
    by_id = {a.id: a for a in (knowledge, story)}
    for area in find_weak_areas([knowledge, story], RUBRICS, min_count=1):
        if area.kind != "criterion" or area.id in (RELEVANCE, "specificity.real_example"):
            continue
        ref = offline_followup(area, by_id, RUBRICS)
        # Only the story may be quoted by a follow-up about a story's task, steps or result.
        assert ref is None or ref.id.endswith(".a02"), ref.text


@pytest.mark.parametrize(("question", "text"), NO_EXAMPLE)
def test_an_approach_answer_with_no_example_is_asked_for_one(question, text):
    answer = scored("a01", question, text, "approach")
    example = answer.scorecard.criterion("approach.example")
    assert example is not None and example.score < 2
    probe = choose_probe(answer, RUBRICS, exclude=["approach.method", "specificity.concrete_detail"])
    assert probe is not None and probe.targets == "approach.example", probe
    assert "one real time" in probe.text


def test_no_probe_says_why():
    # Every follow-up on the no-example answer already asked: no probe, and a reason instead of silence.
    question, text = NO_EXAMPLE[0]
    answer = scored("a01", question, text, "approach")
    asked = []
    while (probe := choose_probe(answer, RUBRICS, asked=asked)) is not None:
        asked.append(probe.text)
    assert asked
    reason = no_probe_reason(answer, RUBRICS)
    assert reason is not None and "Backed by an example" in reason
    assert no_probe_reason(scored("a02", *VAGUE_STORY, "behavioural"), RUBRICS, exclude=[
        a.id for a in find_weak_areas([scored("a02", *VAGUE_STORY, "behavioural")], RUBRICS, min_count=1)]) is None


# --- S10: a pass that does not count says why --------------------------------------------------------------

NOTES = {
    "retail": "Fell flat: multi-site experience\nGut feel: strong on people, weak on finance\n",
    "nursing": "Fell flat: rota planning\nGut feel: strong on clinical care, weak on budgets\n",
    "software": "Fell flat: stakeholder management\nGut feel: strong on architecture, weak on hiring\n",
}


@pytest.mark.parametrize("job", list(NOTES))
def test_retries_on_two_concerns_are_two_questions_not_a_retake(job):
    from mockint.coaching.debrief import apply_debrief, parse_debrief
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import Ledger, current_weak_areas, record_round
    from tests.test_weakness import make_answer, make_session

    ledger = apply_debrief(Ledger(), parse_debrief(NOTES[job], load_bank()))
    concerns = [a for a in current_weak_areas(ledger, None, RUBRICS) if a.kind == "debrief"]
    assert len(concerns) == 2
    refs = [offline_followup(area, {}, RUBRICS) for area in concerns]
    # Both strong answers to the plan's two retries: each concern passed once, neither a retake.
    # (relevant, too: an answer that never gets to the topic is a partial one and passes no concern, weakness.PARTIAL_ANSWER)
    answers = [make_answer(f"a0{i}", ref.id, {"star.result": 4, "star.action": 4, "star.situation": 4,
                                              "specificity.relevance": 4},
                           question_text=ref.text, criteria=ref.criteria, targets=ref.targets,
                           text=f"In 2023 I led the change on {area.name} and it worked.")
               for i, (area, ref) in enumerate(zip(concerns, refs), start=1)]
    for answer, ref in zip(answers, refs):
        answer.question = ref  # the plan's retry as asked (a follow-up, its template's words shared)
        answer.scorecard = answer.scorecard.model_copy(update={"overall": 90.0})
    ledger = record_round(ledger, make_session(answers), RUBRICS)
    for area in concerns:
        entry = ledger.entries[area.id]
        assert entry.history[-1].outcome == "pass", (area.name, entry.history[-1])
        assert entry.status == "improving"


STORY = ("In March last year our store's availability on chilled fell to 91 percent. I moved the night fill to start "
         "at ten, I retrained the chilled team on the new plan, and I checked the gaps every morning myself. Within "
         "six weeks availability was back to 97 percent and waste fell by a fifth.")
RETOLD = ("Last March the chilled availability in my store fell to 91 percent. I moved the night fill to ten, retrained "
          "the chilled team on the plan, and I checked the gaps myself every morning. In six weeks availability was "
          "97 percent again and waste fell by a fifth.")


def test_the_same_story_told_again_is_progress_where_it_was_weak_and_resolves_nothing():
    from mockint.coaching.weakness import Ledger, current_weak_areas, record_round
    from tests.test_weakness import make_answer, make_session

    first = [make_answer("a01", "q1", {"star.task": 0}, text=STORY),
             make_answer("a02", "q2", {"star.task": 0, "star.result": 0}, text="We had a busy week. It went fine."),
             make_answer("a03", "q5", {"star.result": 0}, text="I sorted the rota out for the bank holiday.")]
    session = make_session(first)
    ledger = record_round(Ledger(), session, RUBRICS)
    rnd = session.new_round("plan")
    rnd.answers.append(make_answer("a04", "q3", text=RETOLD))  # a new question, the first story again: passes
    ledger = record_round(ledger, session, RUBRICS)
    # Task: weak in its first telling, so the story told better is progress (trial 11), though it resolves nothing
    # (trial 6): only a second story can.
    entry = ledger.entries["star.task"]
    assert entry.history[-1].outcome == "pass_retold" and entry.status == "improving" and entry.passes == []
    assert "same story twice" in entry.history[-1].note and "a01" in entry.history[-1].note
    (area,) = [a for a in current_weak_areas(ledger, session, RUBRICS) if a.id == "star.task"]
    assert "a second story resolves it" in area.summary()  # what the plan's table and the report print
    # Result: its first telling passed already, so telling it again is no evidence at all.
    assert ledger.entries["star.result"].history[-1].outcome == "pass_repeat"
    assert ledger.entries["star.result"].status == "open"
    # A different story to a new question counts.
    rnd.answers.append(make_answer("a05", "q4", text="In 2021 I set up a click and collect marquee for Christmas and took 40 thousand pounds."))
    ledger = record_round(ledger, session, RUBRICS)
    assert ledger.entries["star.task"].history[-1].outcome == "pass" and ledger.entries["star.task"].passes == ["q4"]
    assert "same story" not in ledger.entries["star.task"].to_weak_area().summary()
