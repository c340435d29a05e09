"""The next round's plan: every question targets a listed weak area, quotes only what the
candidate said, and repeats nothing; LLM follow-ups (mocked with respx) are validated."""

from __future__ import annotations

import json

import httpx
import pytest
import respx
from openai_fake import chat_completion
from test_weakness import RUBRICS, delivery, make_answer, make_session

from mockint.coaching.plan import (
    FollowupDraft,
    offline_followup,
    plan_next_round,
    quote_in,
    render_messages,
    validate_followups,
)
from mockint.coaching.questions import is_near_duplicate, load_bank
from mockint.coaching.weakness import Ledger, current_weak_areas, find_weak_areas, record_round
from mockint.config import load_settings
from mockint.scoring.evidence import FILLERS
from mockint.session import SessionStore

BANK = load_bank()
BASE_URL = "http://llm.test/v1"

MIGRATION = (
    "Last year I was asked to move our billing system to a new database. We planned it over a month "
    "and the team did most of the work. The migration went well and everyone was happy with it."
)
OUTAGE = (
    "There was an outage on a Friday. We worked on it together and we fixed it eventually. "
    "Things were better after that and the customers stopped complaining."
)
CONFLICT = (
    "I usually try to talk to people when there is a disagreement. I would listen first and then "
    "find a compromise that works for everyone involved in the discussion."
)


def round_one():
    """Three answers; star.result and specificity.quantified_impact weak in all, ownership in two."""
    weak = {"star.result": 1, "specificity.quantified_impact": 0}
    return [
        make_answer("a01", "beh.complex_problem", weak | {"specificity.ownership": 1}, text=MIGRATION,
                    question_text=BANK.get("beh.complex_problem").text,
                    competencies=["problem_solving", "technical_expertise"],
                    quotes={"star.result": ["The migration went well"]}, delivery=delivery(per100=6.0)),
        make_answer("a02", "beh.challenging_situation", weak | {"specificity.ownership": 0}, text=OUTAGE,
                    question_text=BANK.get("beh.challenging_situation").text,
                    competencies=["problem_solving", "resilience"], delivery=delivery(per100=4.5)),
        make_answer("a03", "beh.conflict", weak, text=CONFLICT, question_text=BANK.get("beh.conflict").text,
                    competencies=["conflict_resolution", "communication"]),
    ]


def assert_valid_plan(plan, areas, answers):
    area_ids = {a.id for a in areas}
    asked = [a.question.text for a in answers]
    transcripts = [a.transcript.text for a in answers]
    assert plan, "the plan is empty"
    texts = []
    for q in plan:
        assert q.targets in area_ids, q
        assert q.rationale and q.rationale.strip(), q
        assert q.source in ("followup", "bank"), q
        assert not is_near_duplicate(q.text, asked), q.text
        assert not is_near_duplicate(q.text, texts) or q.source == "followup", q.text
        texts.append(q.text)
        # Any words in double quotes are the candidate's own (a filler word they said is counted, not transcribed).
        for quoted in q.text.split('"')[1::2]:
            assert quoted in FILLERS or any(quote_in(quoted, t) for t in transcripts), quoted
    assert len({q.id for q in plan}) == len(plan)


def test_offline_plan_targets_weak_areas_with_followups_and_bank_questions():
    answers = round_one()
    areas = find_weak_areas(answers, RUBRICS)
    assert [a.id for a in areas][:2] == ["specificity.quantified_impact", "star.result"]
    plan = plan_next_round(areas, answers, BANK, RUBRICS, n=6)
    assert len(plan) == 6
    assert_valid_plan(plan, areas, answers)
    assert {q.source for q in plan} == {"followup", "bank"}
    # The most important area comes first, drilled on the candidate's own story.
    assert plan[0].targets == areas[0].id and plan[0].source == "followup"
    # The seed's example, from the verified quote.
    result_followup = next(q for q in plan if q.targets == "star.result" and q.source == "followup")
    assert result_followup.text == 'You said "The migration went well": what changed as a result, in numbers?'
    assert "weak in 3 of 3 answers" in result_followup.rationale and "a01" in result_followup.rationale
    # Bank questions exercise the weak criterion.
    for q in plan:
        if q.source == "bank" and q.targets.startswith(("star.", "specificity.")):
            assert q.targets in q.criteria, q
    # Every area gets one question before any gets a second.
    assert len(areas) == 4 and {q.targets for q in plan} == {a.id for a in areas}


def test_followup_quotes_a_transcript_sentence_when_no_quote_was_verified():
    answers = round_one()
    (area,) = [a for a in find_weak_areas(answers, RUBRICS) if a.id == "specificity.ownership"]
    ref = offline_followup(area, {a.id: a for a in answers}, RUBRICS)
    assert ref is not None and ref.targets == "specificity.ownership"
    quoted = ref.text.split('"')[1]
    assert quote_in(quoted, MIGRATION)
    assert "the team" in quoted  # the sentence where "we" replaced "I"


@pytest.mark.parametrize(("said", "asked"), [
    # A figure with no figure before: how it was measured and what it was before.
    ("I cut the invoice run to 40 minutes", "How did you measure that, and what was the figure before you started?"),
    # Before and after both said: not "what was the figure before" again, but what the result still lacks.
    ("I cut the invoice run from 9 hours to 40 minutes",
     "What did you do yourself that made that difference, and what did you learn from it?"),
    # The figure said is where things started: not "what was the figure before you started?" (trial 12)
    ("Before I started, the invoice run took 9 hours", "Where did that figure get to after what you did, and by when?"),
])
def test_a_result_that_already_has_a_number_is_asked_what_it_lacks(said, asked):
    answers = [
        make_answer(f"a0{i}", f"q{i}", {"star.result": 2}, text=f"{said}.", quotes={"star.result": [said]})
        for i in (1, 2)
    ]
    (area,) = [a for a in find_weak_areas(answers, RUBRICS) if a.id == "star.result"]
    ref = offline_followup(area, {a.id: a for a in answers}, RUBRICS)
    assert ref.text == f'You said "{said}". {asked}'


def test_only_a_figure_that_measures_something_is_asked_how_it_was_measured():
    from mockint.coaching.plan import carries_a_measure

    assert carries_a_measure("I cut the invoice run from 9 hours to 40 minutes")
    assert carries_a_measure("I planned a 40-person office move in Microsoft Project: 180 tasks")
    for quote in ("We moved billing from a self-hosted MySQL 5.7 server to PostgreSQL 14 on AWS RDS",
                  "In 2023 our nightly export failed", "We started a daily board round every morning at 9.30",
                  # a nurse's "how did you measure that?" of a junior doctor's grade
                  "It was a bit awkward with the F1 afterwards but we sorted it out"):
        assert not carries_a_measure(quote), quote


def test_a_figure_beside_its_target_is_asked_where_it_got_to():
    # a nurse was asked "what was the figure before you started?" of the figure before she started
    from mockint.coaching.plan import _says_baseline

    assert _says_baseline("We were at about 70% and the target was 95% by the end of March")
    assert not _says_baseline("by March we were at 96%")


def test_plan_skips_questions_already_asked_in_earlier_rounds():
    answers = round_one()
    areas = find_weak_areas(answers, RUBRICS)
    first = plan_next_round(areas, answers, BANK, RUBRICS, n=6)
    second = plan_next_round(areas, answers, BANK, RUBRICS, n=6, asked=[q.text for q in first])
    assert second
    assert not {q.text for q in first} & {q.text for q in second}
    assert not any(is_near_duplicate(q.text, [f.text for f in first if f.source == "bank"]) for q in second if q.source == "bank")


def test_no_weak_areas_no_plan():
    answers = [make_answer("a01", "q1"), make_answer("a02", "q2")]
    assert find_weak_areas(answers, RUBRICS) == []
    assert plan_next_round([], answers, BANK, RUBRICS) == []


def test_delivery_areas_get_questions_too():
    answers = round_one()
    areas = [a for a in find_weak_areas(answers, RUBRICS) if a.id == "delivery.fillers"]
    plan = plan_next_round(areas, answers, BANK, RUBRICS, n=2)
    assert [q.targets for q in plan] == ["delivery.fillers", "delivery.fillers"]
    assert "um" in plan[0].text and plan[1].source == "bank" and plan[1].category == "behavioral"


# --- LLM follow-ups, mocked at the HTTP layer -------------------------------------------


@pytest.fixture
def llm_settings():
    return load_settings(openai_base_url=BASE_URL, openai_api_key="sk-test-secret-123456789", llm_max_retries=0)


def test_llm_followups_are_validated_and_gaps_filled_offline(llm_settings):
    from mockint.llm import LLMClient

    answers = round_one()
    areas = find_weak_areas(answers, RUBRICS)
    asked = answers[2].question.text
    drafts = {
        "followups": [
            {"targets": "star.result", "answer_id": "a02", "quote": "Things were better after that",
             "question": "You said things were better after that: better how, and by how much?",
             "rationale": "No measurable result in the outage story."},
            {"targets": "culture.fit", "answer_id": None, "quote": None,
             "question": "What kind of culture do you thrive in, and why?", "rationale": "Not a listed area."},
            {"targets": "specificity.quantified_impact", "answer_id": "a01", "quote": "we cut costs by 40 percent",
             "question": "You said you cut costs by 40 percent: how did you measure that?",
             "rationale": "Invented quote."},
            {"targets": "specificity.ownership", "answer_id": None, "quote": None,
             "question": asked, "rationale": "A repeat of a question already asked."},
            {"targets": "specificity.ownership", "answer_id": "a01", "quote": "the team did most of the work",
             "question": 'You said "the team did most of the work". What did you do yourself?',
             "rationale": "Credit given to the team."},
        ]
    }
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(f"{BASE_URL}/chat/completions").mock(return_value=chat_completion(drafts))
        client = LLMClient(llm_settings, http_client=httpx.Client())
        plan = plan_next_round(areas, answers, BANK, RUBRICS, llm=client, n=8, role="Data engineer")

    assert_valid_plan(plan, areas, answers)
    texts = [q.text for q in plan]
    assert "You said things were better after that: better how, and by how much?" in texts
    assert 'You said "the team did most of the work". What did you do yourself?' in texts
    assert not any("culture" in t or "40 percent" in t for t in texts)
    assert texts.count(asked) == 0
    llm_result = next(q for q in plan if q.text.startswith("You said things were better"))
    assert llm_result.targets == "star.result" and llm_result.competencies == ["problem_solving", "resilience"]
    # It asks for the result, so its answer is judged on the result and its size, not on the
    # criteria of the outage question it quotes.
    assert llm_result.criteria == ["star.result", "specificity.quantified_impact"]
    ownership = next(q for q in plan if q.text.startswith('You said "the team did most of the work"'))
    assert ownership.criteria == ["specificity.ownership", "star.action"]
    # Areas the model skipped still get a templated follow-up.
    quantified = [q for q in plan if q.targets == "specificity.quantified_impact" and q.source == "followup"]
    assert quantified and quantified[0].text.startswith('You said "')

    # The prompt carried the areas and the stories, and never the key.
    body = json.loads(route.calls[0].request.content)
    prompt = " ".join(m["content"] for m in body["messages"])
    assert all(a.id in prompt for a in areas) and "The migration went well" in prompt
    assert "sk-test-secret" not in prompt


def test_llm_failure_falls_back_to_offline_templates(llm_settings):
    from mockint.llm import LLMClient

    answers = round_one()
    areas = find_weak_areas(answers, RUBRICS)
    warnings: list[str] = []
    with respx.mock() as mock:
        mock.post(f"{BASE_URL}/chat/completions").mock(return_value=httpx.Response(500, json={"error": {"message": "boom"}}))
        client = LLMClient(llm_settings, http_client=httpx.Client())
        plan = plan_next_round(areas, answers, BANK, RUBRICS, llm=client, n=6, on_warning=warnings.append)
    assert plan == plan_next_round(areas, answers, BANK, RUBRICS, n=6)
    assert warnings and "offline templates" in warnings[0]


def test_validate_followups_drops_unlisted_targets_and_made_up_quotes():
    answers = round_one()
    areas = find_weak_areas(answers, RUBRICS)
    by_id = {a.id: a for a in answers}
    drafts = [
        FollowupDraft(targets="star.result", answer_id="a01", quote="the migration went well",
                      question="You mentioned the migration went well. What was measurably different afterwards?",
                      rationale="r"),
        FollowupDraft(targets="star.result", answer_id="a02", quote="the migration went well",  # wrong answer
                      question="About the outage: what did the migration change?", rationale="r"),
        FollowupDraft(targets="nope", answer_id=None, quote=None, question="Any question at all for a bogus area?",
                      rationale="r"),
        FollowupDraft(targets="star.action", answer_id=None, quote=None,
                      question='You said "I rewrote the scheduler": how long did it take?', rationale="r"),
    ]
    kept = validate_followups(drafts, areas, by_id, asked=[], rubrics=RUBRICS)
    assert [k.text for k in kept] == ["You mentioned the migration went well. What was measurably different afterwards?"]


def test_prompt_renders_from_the_data_file():
    answers = round_one()
    areas = find_weak_areas(answers, RUBRICS)
    messages = render_messages(areas, answers, ["Why here?"], n=4, role="Data engineer")
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "Data engineer" in messages[0]["content"]
    assert "Write 4 follow-up questions" in messages[1]["content"] and "- Why here?" in messages[1]["content"]


# --- the command ------------------------------------------------------------------------


def test_cli_plan_records_the_ledger_and_stores_the_plan(run_cli, mockint_home):
    store = SessionStore(mockint_home / "sessions")
    session = store.create(role="Data engineer")
    session.rounds = make_session(round_one(), session_id=session.id).rounds
    store.save(session)

    result = run_cli("plan", "--json")
    assert result.code == 0, result
    data = json.loads(result.out)
    area_ids = {w["id"] for w in data["weak_areas"]}
    assert {"star.result", "specificity.quantified_impact"} <= area_ids
    assert data["plan"] and all(q["targets"] in area_ids for q in data["plan"])
    assert data["stored"] and data["generator"] == "offline"

    saved = store.load(session.id)
    assert [q.model_dump() for q in saved.rounds[-1].plan] == data["plan"]
    ledger = Ledger.model_validate_json((mockint_home / "ledger.json").read_text())
    assert ledger.entries["star.result"].status == "open"
    # Same session, same plan: deterministic, and the ledger is not double-counted.
    again = json.loads(run_cli("plan", "--json").out)
    assert again["plan"] == data["plan"]
    assert Ledger.model_validate_json((mockint_home / "ledger.json").read_text()) == ledger

    human = run_cli("plan", "--offline")
    assert human.code == 0 and "Next round" in human.out and "drills STAR structure: Result" in " ".join(human.out.split())
    # Fewer questions than asked for are said so (trial 12: "plan -n 6" gave 4 and no word why)
    many = " ".join(run_cli("plan", "--offline", "-n", "20").out.split())
    shown = len(json.loads(run_cli("plan", "--json", "-n", "20").out)["plan"])
    assert shown < 20 and f"{shown} of the 20 questions asked for:" in many
    # ... and where some area has none, the way on: a question of your own (a support lead's trial found it by looking)
    assert "each weak area has the questions it needs" in many or '--my-question "..."' in many


def test_cli_plan_without_sessions_or_ledger_says_so(run_cli):
    result = run_cli("plan")
    assert result.code == 0 and "No weak areas" in result.out


def test_plan_round_two_drills_what_is_still_weak():
    """Round two answers the plan: fixed areas leave the plan, still-weak ones stay."""
    answers = round_one()
    session = make_session(answers)
    ledger = record_round(Ledger(), session, RUBRICS)
    plan = plan_next_round(current_weak_areas(ledger, session, RUBRICS), session.answers, BANK, RUBRICS, n=6)
    # Round two: results now have numbers (quantified impact fixed), ownership still weak. Three different
    # stories: the first story told again would be no new evidence (weakness.record_round, "same story twice").
    stories = [
        MIGRATION,
        "In spring our support queue doubled after a pricing change. The team triaged it together for two weeks.",
        "At a client workshop in Leeds the demo server crashed. Everyone pitched in and we rebuilt it on a laptop.",
    ]
    round_two = [
        make_answer(f"a0{4 + i}", q.id, {"specificity.ownership": 0}, question_text=q.text, text=story,
                    competencies=q.competencies, targets=q.targets)
        for i, (q, story) in enumerate(zip(plan[:3], stories))
    ]
    session.new_round("plan").answers.extend(round_two)
    ledger = record_round(ledger, session, RUBRICS)
    assert ledger.entries["specificity.ownership"].status == "open"
    assert ledger.entries["star.result"].status == "resolved"
    areas = current_weak_areas(ledger, session, RUBRICS)
    assert "star.result" not in {a.id for a in areas}
    assert areas[0].id == "specificity.ownership" and areas[0].carried
    next_plan = plan_next_round(areas, session.answers, BANK, RUBRICS, n=4, asked=[q.text for q in ledger.asked])
    assert_valid_plan(next_plan, areas, session.answers)


def test_round_one_concerns_are_not_crowded_out_of_a_short_plan():
    from mockint.coaching.weakness import WeakArea

    answers = round_one()
    practice_areas = find_weak_areas(answers, RUBRICS)
    concerns = [
        WeakArea(id="topic.microsoft_project", kind="debrief", name="Microsoft Project", count=3, competencies=["technical_expertise"]),
        WeakArea(id="topic.reasons_for_leaving", kind="debrief", name="reasons for leaving jobs", count=2, competencies=["motivation"]),
    ]
    # Ranked as the ledger ranks them: every practice area outranks the concerns.
    areas = practice_areas + concerns
    plan = plan_next_round(areas, answers, BANK, RUBRICS, n=4)
    assert len(plan) == 4
    targets = [q.targets for q in plan]
    assert {"topic.microsoft_project", "topic.reasons_for_leaving"} <= set(targets)
    assert practice_areas[0].id in targets and practice_areas[1].id in targets


# --- what a follow-up asks for is what its answer is judged on ------------------------------


def test_followup_criteria_are_what_the_followup_asks_for():
    from mockint.coaching.plan import followup_criteria, followup_words
    from mockint.coaching.weakness import WeakArea
    from mockint.scoring.rubrics import criteria_by_key

    answers = round_one()
    areas = find_weak_areas(answers, RUBRICS)
    by_answer = {a.id: a for a in answers}
    quoted_criteria = set(answers[0].question.criteria)
    assert len(quoted_criteria) == 9  # the quoted answers' question exercised everything
    expected = {
        "star.result": ["star.result", "specificity.quantified_impact"],
        # "Can you put a number on that: how much time, money, or how many people did it affect?" asks the scale alone
        # (its measured wordings ask where the figure got to as well: followup_plain_criteria)
        "specificity.quantified_impact": ["specificity.quantified_impact"],
        "specificity.ownership": ["specificity.ownership", "star.action"],
        "delivery.fillers": ["star.situation", "star.action", "star.result"],
    }
    for area in areas:
        ref = offline_followup(area, by_answer, RUBRICS)
        assert ref is not None and ref.criteria == expected[area.id], (area.id, ref.criteria)
    # The targeted criterion plus at most one other, for every criterion area.
    for area_id in criteria_by_key(RUBRICS):
        criteria = followup_words(area_id, RUBRICS).criteria
        assert criteria[0] == area_id and len(criteria) <= 2
    assert followup_words("star.task", RUBRICS).criteria == ("star.task",)
    assert followup_words("star.action", RUBRICS).criteria == ("star.action", "specificity.ownership")
    # A round-one concern asks for one real example told as a story, about the topic.
    concern = WeakArea(id="topic.microsoft_project", kind="debrief", name="Microsoft Project", count=3)
    ref = offline_followup(concern, by_answer, RUBRICS)
    assert ref.criteria == ["star.situation", "star.action", "star.result", "specificity.real_example", "specificity.relevance"]
    # An area with no template: its own criterion plus what the generic question asks for.
    odd = WeakArea(id="leadership.vision", kind="criterion", name="Vision", count=2, criteria=["leadership.vision"])
    assert followup_criteria(odd, RUBRICS) == ["leadership.vision", "star.action", "star.result"]

    # In a plan, follow-ups carry those criteria and bank questions keep the bank's.
    plan = plan_next_round(areas, answers, BANK, RUBRICS, n=6)
    for q in plan:
        if q.source == "bank":
            assert q.criteria == BANK.get(q.id).criteria, q.id
        else:
            assert q.criteria == expected[q.targets], q


# --- what a follow-up quotes, and which bank question drills a round-one topic ----------------
# (a new-user trial: "what changed as a result?" about an answer with no story; quotes cut at
# "...ward at St" and "...every morning at"; a prioritisation question said to drill "managing
# poor performance", a "team success" question said to drill "ward budget")

BUDGET = "The budget is something I think is really important for a ward manager. I would check the spend every month."
WARD = (
    "On my last ward at St. Mary's we had a real problem with delayed discharges over winter. "
    "We started a daily board round every morning at 9.30 and the team really got behind it."
)


def test_a_story_followup_quotes_only_an_answer_that_tells_a_story():
    no_story = make_answer("a01", "fit.why_here", {"star.result": 0, "specificity.real_example": 1}, text=BUDGET)
    story = make_answer("a02", "beh.teamwork_goal", {"star.result": 1, "specificity.real_example": 3}, text=WARD)
    by_id = {a.id: a for a in (no_story, story)}
    areas = {a.id: a for a in find_weak_areas([no_story, story], RUBRICS, min_count=1)}
    assert [e.answer_id for e in areas["star.result"].evidence] == ["a01", "a02"]
    ref = offline_followup(areas["star.result"], by_id, RUBRICS)
    assert ref is not None and ref.id.endswith(".a02") and quote_in(ref.text.split('"')[1], WARD)
    assert offline_followup(areas["star.result"], {"a01": no_story}, RUBRICS) is None
    # Asking for a real example is what an answer without one needs.
    asks_for_one = offline_followup(areas["specificity.real_example"], by_id, RUBRICS)
    assert asks_for_one is not None and asks_for_one.id.endswith(".a01")


LEADERSHIP = (
    "Um, so, leadership, yeah. So I think leadership is really about bringing people with you, and, um, we've done "
    "a lot of things in our department over the years. So, like, we had this thing where we were changing the key "
    "stage three curriculum, and there were a lot of meetings. And we sort of worked through it together, as a team. "
    "So I think, basically, people follow me because I'm approachable, and I'm always there for them."
)


def test_a_story_followup_quotes_a_sentence_that_tells_the_story_not_a_platitude():
    """Trial 4: 'You said "I think leadership is really about bringing people with you". What exactly were
    you responsible for there, and what did success look like?' - a story's follow-up on a belief."""
    answer = make_answer("a04", "beh.leadership", {"star.task": 0, "specificity.real_example": 2}, text=LEADERSHIP)
    (area,) = [a for a in find_weak_areas([answer], RUBRICS, min_count=1) if a.id == "star.task"]
    ref = offline_followup(area, {"a04": answer}, RUBRICS)
    assert ref is not None
    quote = ref.text.split('"')[1]
    assert quote_in(quote, LEADERSHIP) and "leadership is really about" not in quote and "approachable" not in quote
    assert "curriculum" in quote or "worked through it" in quote, quote
    # An answer whose every sentence is a belief or a habit gives a story follow-up nothing to quote.
    beliefs = make_answer("a05", "beh.leadership", {"star.task": 0, "specificity.real_example": 2},
                          text="I think leadership is really about bringing people with you. I'm always there for them.")
    (area,) = [a for a in find_weak_areas([beliefs], RUBRICS, min_count=1) if a.id == "star.task"]
    assert offline_followup(area, {"a05": beliefs}, RUBRICS) is None


def test_a_followup_names_the_answer_it_quotes_in_its_session_only():
    answers = round_one()
    plan = plan_next_round(find_weak_areas(answers, RUBRICS), answers, BANK, RUBRICS, n=6, session_id="S1")
    followups = [q for q in plan if q.source == "followup"]
    assert followups and all(q.follows == f"S1/{q.id.rsplit('.', 1)[1]}" for q in followups)
    assert all(q.follows is None for q in plan if q.source == "bank")
    # Evidence from another session names an answer id that means something else here.
    (area,) = [a for a in find_weak_areas(answers, RUBRICS) if a.id == "star.result"]
    elsewhere = area.model_copy(update={"evidence": [e.model_copy(update={"session_id": "S0"}) for e in area.evidence]})
    assert offline_followup(elsewhere, {a.id: a for a in answers}, RUBRICS, session_id="S1") is None


def test_quotes_are_whole_sentences_cut_only_between_clauses():
    from mockint.coaching.plan import QUOTE_MAX_WORDS, QUOTE_SLACK_WORDS, pick_quote, shorten_quote
    from mockint.scoring.offline import sentences

    assert sentences(WARD) == [WARD[: WARD.index("winter.") + 7], WARD[WARD.index("We started") :]]
    assert sentences("We met at 10 p.m. on the Friday. It worked.") == ["We met at 10 p.m. on the Friday.", "It worked."]
    assert sentences("I asked Prof. Okafor on the ward. It worked.") == ["I asked Prof. Okafor on the ward.", "It worked."]
    assert pick_quote(WARD, ["board round"]).endswith("every morning at 9.30 and the team really got behind it.")
    cases = {
        "We started a daily board round every morning at 9.30 and the team really got behind it.":
            "We started a daily board round every morning at 9.30",
        "Turnover of new starters fell from five in a year to one, and two of the nurses who leave my ward now "
        "move up to band six posts elsewhere.": "Turnover of new starters fell from five in a year to one",
        # No clause to end at, a word over the limit: whole, not "...discharges over".
        "On my last ward at St Mary's we had a real problem with delayed discharges over winter.":
            "On my last ward at St Mary's we had a real problem with delayed discharges over winter",
        "Every single morning the whole nursing team from the ward met up with the matron at St Mary's Hospital "
        "for the huddle.": "Every single morning the whole nursing team from the ward met up with the matron",
    }
    cases["and we stopped having to open the escalation beds in February for the first time in three winters."] = (
        "we stopped having to open the escalation beds in February for the first time in three winters"
    )
    for quote, expected in cases.items():
        short = shorten_quote(quote)
        assert short == expected and len(short.split()) <= QUOTE_MAX_WORDS + QUOTE_SLACK_WORDS and short in quote, short
    answer = make_answer("a01", "beh.teamwork_goal", {"star.action": 1}, text=WARD)
    (area,) = [a for a in find_weak_areas([answer], RUBRICS, min_count=1) if a.id == "star.action"]
    quoted = offline_followup(area, {"a01": answer}, RUBRICS).text.split('"')[1]
    assert quoted == "On my last ward at St. Mary's we had a real problem with delayed discharges over winter" and quote_in(quoted, WARD)


def test_a_quote_starts_at_the_candidates_words_not_their_lead_in():
    """The panel example's follow-up quoted "So, um, we had this big project at my last company"."""
    from mockint.coaching.plan import shorten_quote

    said = "So, um, we had this big project at my last company and it was, uh, a migration."
    short = shorten_quote(said)
    assert short.startswith("We had this big project") and quote_in(short, said), short
    assert shorten_quote("Well, yeah, I rang the site manager") == "I rang the site manager"
    assert shorten_quote("So we did") == "So we did"  # too short to lose a word
    # nor does it end on what led on (a trial's follow-up: You said "... we had a patient on gentamicin and")
    assert shorten_quote("this was on the renal ward, we had a patient on gentamicin and") == \
        "this was on the renal ward, we had a patient on gentamicin"


@pytest.mark.parametrize("said, number", [
    # a sales trial: 'You said "Financial year twenty-two I was at a hundred": what changed as a result, in numbers?'
    ("Financial year twenty-two I was at a hundred and four percent of a one point one million quota.",
     "a hundred and four percent"),
    ("we cut the waiting list from four hundred and twenty patients to about one hundred and ten in six months flat",
     "one hundred and ten"),
])
def test_a_quote_never_ends_inside_a_spoken_number(said, number):
    from mockint.coaching.plan import shorten_quote

    short = shorten_quote(said)
    assert quote_in(short, said) and short.endswith(number), short


@pytest.mark.parametrize(
    "topic, competencies, expected",
    [
        # Only a generic verb in common with "How do you prioritise tasks when managing multiple deadlines?"
        ("managing poor performance/sickness absence", [], None),
        # Competencies the notes around the topic implied ("how I'd manage it", "my team") are not the
        # topic; the one its name implies is (questions.yaml: "budget" is a budgets-and-money keyword; as a
        # prioritisation keyword it drew "How do you prioritise tasks...?" for a support lead's budget concern, and the
        # answer closed it). "Support" is no customer: "support ops from scratch" drew "a difficult customer".
        ("ward budget", ["leadership", "teamwork"], "financial_management"),
        ("budget", [], "financial_management"),
        ("support ops from scratch", [], None),
        ("leading former peers", ["leadership"], "leadership"),
        ("team player stuff", ["teamwork"], "teamwork"),
    ],
)
def test_a_round_one_topic_gets_a_bank_question_about_it_or_none(topic, competencies, expected):
    import random

    from mockint.coaching.plan import bank_question_for
    from mockint.coaching.weakness import WeakArea

    area = WeakArea(id=f"topic.{topic}", kind="debrief", name=topic, count=2, competencies=competencies)
    found = bank_question_for(area, BANK, set(), [], random.Random(0))
    if expected is None:
        assert found is None, found.text
    else:
        assert found is not None and expected in found.competencies, found


def test_repeated_content_gaps_are_drilled_before_a_delivery_habit():
    # Trial 5: pace weak in 5 of 5 (a TTS voice) led the plan with "tell it again at an easy pace" on the
    # best answer, then a bank question for pace, ahead of a result gap weak in 3 answers.
    answers = [
        make_answer(a.id, a.question.id, {"star.result": 1} if a.id != "a03" else {}, text=a.transcript.text,
                    question_text=a.question.text, competencies=a.question.competencies,
                    delivery=delivery(wpm=195.0))
        for a in round_one()
    ] + [make_answer("a04", "beh.teamwork_goal", {"star.result": 1}, text=OUTAGE,
                     question_text=BANK.get("beh.teamwork_goal").text, delivery=delivery(wpm=195.0))]
    areas = find_weak_areas(answers, RUBRICS)
    pace = next(a for a in areas if a.kind == "delivery")
    content = [a for a in areas if a.kind != "delivery" and a.count >= 2]
    assert content and pace.count > max(a.count for a in content), "the habit must outrank the gaps by count"
    plan = plan_next_round(areas, answers, BANK, RUBRICS, n=len(content) * 2 + 1)
    assert plan[0].targets in {a.id for a in content}
    drilled = [q.targets for q in plan]
    assert drilled.index(pace.id) > max(drilled.index(a.id) for a in content if a.id in drilled)
    # one slot for the habit (its own follow-up); the gaps get their second question before it gets a bank one
    assert not [q for q in plan if q.targets == pace.id and q.source == "bank"]


LIVE_WORKING = (
    "If the facilities manager says the server room can't go off, then I'd just do the work live. I've done it "
    "hundreds of times. I'd brief the lad with me, we'd get it done quickly and nobody would even know."
)


def test_a_plan_short_on_judgement_is_asked_again_in_its_own_scenario():
    """An electrician's trial: an unsafe live-working plan was drilled with an unrelated bank scenario ("a project with
    an unclear goal"), which one good answer then marked "improving". The follow-up takes their own scenario again,
    in their words, and is itself read as a scenario question judged on the plan and its judgement."""
    from mockint.records import QuestionRef, Transcript
    from mockint.scoring import get_scorer, score_question
    from mockint.scoring.kinds import classify
    from mockint.scoring.rubrics import load_rubrics
    from mockint.session import Answer

    rubrics = load_rubrics()
    question = QuestionRef(id="custom", text="A client is pushing you to skip the isolation on a board. What do you do?",
                           category="custom")
    transcript = Transcript(text=LIVE_WORKING, duration=20.0)
    card = score_question(get_scorer(load_settings(), offline=True), question, transcript, rubrics)
    assert card.criterion("situational.judgement").score == 0  # unsafe: why it is drilled
    unsafe = Answer(id="a01", question=question, status="scored", transcript=transcript, scorecard=card)
    (area,) = [a for a in find_weak_areas([unsafe], rubrics, min_count=1) if a.id == "situational.judgement"]
    ref = offline_followup(area, {"a01": unsafe}, rubrics)
    assert ref is not None and quote_in(ref.text.split('"')[1], LIVE_WORKING), ref
    assert "take that scenario again" in ref.text.lower()
    assert ref.criteria == ["situational.plan", "situational.judgement"] and classify(ref.text) == "situational"


def test_what_held_a_whole_answer_down_is_drilled_first_and_no_answer_is_quoted_more_than_twice():
    """Trial 9: a cover-up plan (Judgement 0, capped) was never drilled while four of six questions quoted one thin
    answer."""
    from mockint.coaching.plan import MAX_QUOTES_PER_ANSWER

    weak = {"star.situation": 1, "star.task": 0, "star.action": 1, "specificity.ownership": 0}
    answers = [
        make_answer("a01", "beh.conflict", weak, text=OUTAGE, question_text=BANK.get("beh.conflict").text),
        make_answer("a02", "beh.complex_problem", weak, text=MIGRATION, question_text=BANK.get("beh.complex_problem").text),
    ]
    from mockint.records import QuestionRef, Transcript
    from mockint.scoring import get_scorer, score_question
    from mockint.scoring.rubrics import load_rubrics
    from mockint.session import Answer

    rubrics = load_rubrics()
    question = QuestionRef(id="custom", text="A client is pushing you to skip the isolation on a board. What do you do?",
                           category="custom")
    transcript = Transcript(text=LIVE_WORKING, duration=20.0)
    card = score_question(get_scorer(load_settings(), offline=True), question, transcript, rubrics)
    answers.append(Answer(id="a03", question=question, status="scored", transcript=transcript, scorecard=card))
    areas = find_weak_areas(answers, rubrics)
    judgement = next(a for a in areas if a.id == "situational.judgement")
    assert judgement.gated and judgement.count == 1
    assert judgement.summary().endswith("listed though once: it held that whole answer down")  # not read as repeated
    plan = plan_next_round(areas, answers, BANK, rubrics, n=6)
    assert plan[0].targets == "situational.judgement"
    quoted = [q.id.split(".")[-1] for q in plan if q.source == "followup" and q.id.count(".") >= 2]
    assert quoted and max(quoted.count(a) for a in set(quoted)) <= MAX_QUOTES_PER_ANSWER
    assert {"a01", "a02"} <= set(quoted)


def test_a_round_one_topic_is_drilled_by_a_bank_question_about_its_thing_and_of_its_kind():
    """Trial 19: "pick rate" (a knowledge gap) was drilled with "Pick one piece of work you would show us ...", on the
    word "pick"; a topic is drilled by a bank question that shares the thing it is about and asks for its kind of answer."""
    from mockint.coaching.debrief import apply_debrief, parse_debrief
    from mockint.scoring.kinds import kind_for_category

    ledger = apply_debrief(Ledger(), parse_debrief("- blanked on pick rate\n- blanked on KPIs\n", BANK))
    areas = current_weak_areas(ledger, None, RUBRICS)
    planned = plan_next_round(areas, [], BANK, RUBRICS, n=8)
    by_id = {q.id: q for q in BANK.questions}
    drilling = [q for q in planned if q.source == "bank" and q.targets in ("topic.pick_rate", "topic.kpis")]
    assert all(kind_for_category(by_id[q.id].category) in ("technical", None) for q in drilling), drilling
    assert not any(q.text.startswith("Pick one piece of work") for q in planned), [q.text for q in planned]


@pytest.mark.parametrize("criterion", ["specificity.quantified_impact", "specificity.ownership", "star.result"])
@pytest.mark.parametrize("seed", range(5))
def test_a_story_criterion_from_round_one_feedback_is_drilled_by_a_story_question(criterion, seed):
    # trial 22: "answers lacked numbers / impact" drew "Walk me through how you have used the main tools this role
    # relies on", a question about tools
    import random

    from mockint.coaching.plan import bank_question_for
    from mockint.coaching.weakness import WeakArea

    area = WeakArea(id=criterion, kind="criterion", name=criterion, count=1, criteria=[criterion])
    found = bank_question_for(area, BANK, set(), [], random.Random(seed))
    assert found is not None and found.category == "behavioral", found


@pytest.mark.parametrize("seed", range(6))
def test_a_bank_question_asked_before_under_a_tailored_wording_is_not_planned_again(seed):
    # trial 23: "Why do you want to work for a housing association?" (fit.why_here, tailored to the role) was followed by
    # a plan asking "Why do you want to work here?"; the ledger then counted the 95/100 answer as a retake
    from mockint.coaching.weakness import WeakArea

    area = WeakArea(id="motivation.specific_reasons", kind="criterion", name="Motivation: Specific reasons", count=2,
                    criteria=["motivation.specific_reasons"], competencies=["motivation"])
    asked = ["Why do you want to work for a housing association?"]
    plan = plan_next_round([area], [], BANK, RUBRICS, n=2, seed=seed, asked=asked, asked_ids=["fit.why_here"])
    assert plan and "fit.why_here" not in {q.id for q in plan}


def test_a_follow_up_quotes_where_its_gap_shows_and_never_a_filler_opening():
    # An HR partner's trial: "Which part of that was you, not the team?" of "At my current company, which is a logistics
    # firm", and "Can you put a number on that?" of "Conflict, yeah, um, there was this one time"
    from mockint.coaching.plan import pick_quote, shorten_quote

    case = ("So, um, yeah, an employee relations case. At my current company, which is a logistics firm, we had a really "
            "complex case in one of the depots, it was a grievance that kind of turned into a disciplinary as well. We had "
            "a lot of meetings, we got statements, we looked at the policy, and we made sure everything was done fairly.")
    assert shorten_quote(pick_quote(case, ["the team", "we "])).startswith("We had a lot of meetings, we got statements")
    conflict = ("So, conflict, yeah, um, there was this one time, well there have been a lot of times actually, in logistics "
                "there's always conflict, between the warehouse and transport. I remember one, it was between two "
                "supervisors, they didn't get on, and people were taking sides.")
    quoted = shorten_quote(pick_quote(conflict, ["improved", "saved"]))
    assert not quoted.startswith("Conflict, yeah"), quoted


def test_a_story_already_followed_up_twice_in_the_session_is_not_quoted_again():
    # an HR partner's plan quoted a story a third time, two replies after she had retold it with its figures
    from mockint.coaching.plan import MAX_QUOTES_PER_ANSWER

    session_id = "20250106-090000-abcd"
    weak = {"star.situation": 1, "star.task": 0, "star.action": 1, "specificity.ownership": 0}
    answers = [make_answer("a01", "beh.conflict", weak, text=OUTAGE, question_text=BANK.get("beh.conflict").text)]
    for i in range(MAX_QUOTES_PER_ANSWER):
        reply = make_answer(f"a0{i + 2}", f"fu.star_action.a01.{i}", text=MIGRATION)
        reply.question.follows = f"{session_id}/a01"
        answers.append(reply)
    areas = [a for a in find_weak_areas(answers[:1], RUBRICS, min_count=1)]
    plan = plan_next_round(areas, answers, BANK, RUBRICS, n=4, session_id=session_id)
    assert plan and not [q for q in plan if q.follows == f"{session_id}/a01"], [q.text for q in plan]
    # without the replies, the story is quoted
    fresh = plan_next_round(areas, answers[:1], BANK, RUBRICS, n=4, session_id=session_id)
    assert [q for q in fresh if q.follows == f"{session_id}/a01"]
