"""The LLM's scorecard checked against the offline cues (scoring/blend.py), through the real client
(openai SDK over httpx, intercepted by respx): properties of every blend rule, not figures."""

from __future__ import annotations

import httpx
import pytest
import respx
from conftest import timed_transcript
from openai_fake import chat_completion
from test_llm_scorer import ANSWER, BASE, HYPOTHETICAL, INJECTED, QUESTION, SUPPORTING, VAGUE_WE, obedient_model

from mockint.config import load_settings
from mockint.errors import LLMError
from mockint.scoring import get_scorer, score_question
from mockint.scoring.blend import BLEND_RULES, DEFAULT_RULE, BlendScorer
from mockint.scoring.llm_scorer import LLMScorer
from mockint.scoring.offline import OfflineScorer
from mockint.scoring.rubrics import load_rubrics, overall_score


@pytest.fixture
def settings(mockint_home):
    return load_settings(openai_base_url=BASE, llm_model="test-model", llm_max_retries=0, llm_timeout=5)


@pytest.fixture
def rubrics():
    return load_rubrics(["star", "specificity"])


@pytest.fixture
def api():
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        yield mock.post("/chat/completions")


def fixed_model(score: int):
    """Every criterion `score`, citing the sentence of ANSWER that shows what its level needs."""

    def reply(request: httpx.Request) -> httpx.Response:
        import json

        schema = json.loads(request.content)["response_format"]["json_schema"]["schema"]
        return chat_completion({
            rubric: {c: {"sentences": [SUPPORTING.get(c, 3)] if score else [], "score": score}
                     for c in spec["properties"]}
            for rubric, spec in schema["properties"].items()
        })

    return reply


@pytest.mark.parametrize("answer, ceiling", [(INJECTED, 25.0), (VAGUE_WE, 40.0), (HYPOTHETICAL, 40.0)])
def test_an_obedient_model_cannot_lift_a_weak_answer_past_the_ceiling_or_the_offline_cues(settings, rubrics, api, answer, ceiling):
    api.side_effect = obedient_model
    transcript = timed_transcript(answer, length=0.3)
    card = get_scorer(settings).score(QUESTION, transcript, rubrics)  # the default when an LLM is configured
    offline = OfflineScorer().score(QUESTION, transcript, rubrics)
    llm = LLMScorer(settings).score(QUESTION, transcript, rubrics)
    for c in card.criteria:
        o, l = offline.criterion(c.key), llm.criterion(c.key)
        assert min(l.score, o.score) <= c.score <= max(l.score, o.score), (c.key, l.score, o.score, c.score)
        if c.score < l.score:
            assert c.lowered == f"the offline cues give it {o.score} (the LLM gave {l.score})"
    assert card.overall <= min(ceiling, max(llm.overall, offline.overall)), [(c.key, c.score) for c in card.criteria]
    assert card.scorer == "llm" and card.checked_by and "offline cues" in card.checked_by


@pytest.mark.parametrize("rule", list(BLEND_RULES))
@pytest.mark.parametrize("proposed", [0, 2, 4])
def test_every_rule_stays_between_the_two_scorers_and_keeps_what_they_agree_on(settings, rubrics, api, rule, proposed):
    api.side_effect = fixed_model(proposed)
    transcript = timed_transcript(ANSWER, length=0.3)
    llm_scorer = LLMScorer(settings)
    blended = BlendScorer(llm_scorer, OfflineScorer(), rule=rule).score(QUESTION, transcript, rubrics)
    llm = llm_scorer.score(QUESTION, transcript, rubrics)  # from the cache: the same reply
    offline = OfflineScorer().score(QUESTION, transcript, rubrics)
    specs = {f"{r.id}.{c.id}": c for r in rubrics for c in r.criteria}
    for c in blended.criteria:
        l, o = llm.criterion(c.key), offline.criterion(c.key)
        assert min(l.score, o.score) <= c.score <= max(l.score, o.score), (rule, c.key, l.score, o.score, c.score)
        # The feedback is the rubric's words for the level the criterion ends at, whoever set it.
        assert c.feedback == " ".join(specs[c.key].levels[c.score].split()), (rule, c.key, c.score)
        if l.score == o.score:
            assert c.model_dump(exclude={"lowered"}) == l.model_dump(exclude={"lowered"}) and c.lowered == l.lowered
        if c.score > l.score:  # above what the LLM's quotes showed: the cues' quotes back it, and it says so
            assert c.evidence == o.evidence and c.raised == f"the offline cues give it {o.score} (the LLM gave {l.score})"
        else:
            assert c.evidence == l.evidence and c.raised is None  # the LLM's verified quotes are what the card shows
    # The totals follow the blended criteria, not the LLM's.
    assert blended.overall == overall_score([c for c in blended.criteria if c.applies], rubrics)[0]
    if rule not in ("mean", "cues"):  # only these may set a harsh model's score higher
        assert all(c.score <= llm.criterion(c.key).score for c in blended.criteria)


def test_the_blended_card_is_judged_on_the_questions_criteria(settings, api):
    api.side_effect = fixed_model(3)
    situational = "Your biggest client threatens to leave tomorrow. What would you do?"
    card = score_question(get_scorer(settings), situational, timed_transcript(ANSWER, length=0.3), load_rubrics())
    assert card.checked_by and any(c.applies for c in card.criteria)
    assert not any(c.applies for c in card.criteria if c.rubric == "star")  # not a STAR question


def test_an_llm_failure_is_not_hidden_behind_the_offline_score(settings, rubrics, api):
    api.return_value = httpx.Response(500, json={"error": {"message": "boom"}})
    with pytest.raises(LLMError):
        get_scorer(settings).score(QUESTION, timed_transcript(ANSWER, length=0.3), rubrics)


def test_an_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="unknown blend rule"):
        BlendScorer(OfflineScorer(), OfflineScorer(), rule="highest")
    assert DEFAULT_RULE in BLEND_RULES


def test_the_settings_offer_every_rule_and_default_to_the_blend_default(mockint_home, monkeypatch):
    from typing import get_args

    from mockint.config import Settings
    from mockint.errors import ConfigError

    assert set(get_args(Settings.model_fields["blend"].annotation)) == set(BLEND_RULES)
    assert Settings.model_fields["blend"].default == DEFAULT_RULE
    monkeypatch.setenv("MOCKINT_BLEND", "lower")
    assert get_scorer(load_settings(openai_base_url=BASE)).rule == "lower"
    monkeypatch.setenv("MOCKINT_BLEND", "highest")
    with pytest.raises(ConfigError, match="blend"):
        load_settings(openai_base_url=BASE)


@pytest.mark.parametrize("proposed", [0, 4])
def test_by_default_the_levels_are_the_offline_cues_and_the_llms_reading_is_shown_beside_them(settings, rubrics, api, proposed):
    api.side_effect = fixed_model(proposed)
    transcript = timed_transcript(ANSWER, length=0.3)
    card = get_scorer(settings).score(QUESTION, transcript, rubrics)
    offline = OfflineScorer().score(QUESTION, transcript, rubrics)
    assert [(c.key, c.score) for c in card.criteria] == [(c.key, c.score) for c in offline.criteria]
    assert card.overall == offline.overall
    llm = LLMScorer(settings).score(QUESTION, transcript, rubrics)  # from the cache: the same reply
    assert any(c.score != llm.criterion(c.key).score for c in card.criteria)
    for c in card.criteria:
        gave = llm.criterion(c.key).score
        if c.score != gave:  # where the LLM read it otherwise, the card says what it gave
            assert (c.lowered if c.score < gave else c.raised) == f"the offline cues give it {c.score} (the LLM gave {gave})"


def test_the_report_and_the_terminal_say_the_llm_score_was_checked_and_what_it_lowered():
    from test_report import RUBRICS, analyse, fixture_session

    from mockint.cli.render import scorer_label
    from mockint.reporting.render import render_session
    from mockint.scoring.blend import blend_cards

    session = fixture_session()
    answer = session.rounds[0].answers[1]  # the vague answer, scored by the fixture's "LLM"
    offline = OfflineScorer().score(answer.question.text, answer.transcript, RUBRICS)
    # A lenient LLM's card: 4 everywhere.
    llm = answer.scorecard.model_copy(update={"criteria": [c.model_copy(update={"score": 4}) for c in answer.scorecard.criteria]})
    answer.scorecard = blend_cards(llm, offline, RUBRICS)
    lowered = [c for c in answer.scorecard.criteria if c.lowered and "offline cues" in c.lowered]
    assert lowered  # the vague answer does not earn 3/4 from the cues on every criterion
    assert "checked against the offline cues" in scorer_label(answer.scorecard)
    for fmt in ("md", "html"):
        text = render_session(session, analyse(session), fmt)
        assert "checked against the offline cues: the " in text
        assert "lowered: the offline cues give it" in text


def test_a_score_the_mean_raises_shows_the_offline_quotes_and_says_so():
    from test_report import RUBRICS, analyse, fixture_session

    from mockint.reporting.render import render_session
    from mockint.scoring.blend import blend_cards

    session = fixture_session()
    answer = session.rounds[0].answers[0]  # the strong answer
    offline = OfflineScorer().score(answer.question.text, answer.transcript, RUBRICS)
    # A harsh LLM's card: 0 everywhere, no quotes.
    harsh = answer.scorecard.model_copy(update={"criteria": [
        c.model_copy(update={"score": 0, "evidence": []}) for c in answer.scorecard.criteria]})
    answer.scorecard = blend_cards(harsh, offline, RUBRICS, rule="mean")
    raised = [c for c in answer.scorecard.criteria if c.raised]
    assert raised and all(c.evidence and c.evidence == offline.criterion(c.key).evidence for c in raised)
    for fmt in ("md", "html"):
        assert "raised: the offline cues give it" in render_session(session, analyse(session), fmt)


SCENARIO = "What would you do if a customer brought in a prescription you suspected was forged?"
PLAN = (
    "first I would check the prescription against the patient record and call the prescriber to confirm it, because a "
    "forged script could harm the patient. if I can't confirm it I would not dispense it and I would tell my pharmacist "
    "manager straight away, and I'd explain politely to the customer that we need to verify it first."
)


def test_a_level_read_by_the_offline_cues_says_only_what_they_can_check():
    """Situational judgement read offline is 'priorities stated', not 'sound priorities': the rubric's
    offline_levels words wherever the level is the cues' own (offline, or the blend `cues`), and the
    level's descriptor where the LLM's level counts."""
    from mockint.records import Transcript
    from mockint.scoring.blend import blend_cards, levels_are_the_cues, offline_caveats
    from mockint.scoring.card import RawCriterion, build_scorecard, level_feedback

    rubrics = load_rubrics(["situational", "specificity"])
    spec = next(c for r in rubrics for c in r.criteria if r.id == "situational" and c.id == "judgement")
    transcript = Transcript(text=PLAN, duration=0.0)
    offline = score_question(OfflineScorer(), SCENARIO, transcript, rubrics)
    level = offline.criterion("situational.judgement").score
    assert level in spec.offline_levels and spec.offline_levels[level] != spec.levels[level]
    assert offline.criterion("situational.judgement").feedback == level_feedback(spec, level, cues=True)
    sentences = [s.strip() + "." for s in PLAN.split(".") if s.strip()]
    raw = [RawCriterion(rubric=r.id, criterion=c.id, score=4 if level < 4 else 2, quotes=sentences, feedback="")
           for r in rubrics for c in r.criteria]
    llm = build_scorecard(raw, transcript, rubrics, scorer="llm", model="m")
    for rule in BLEND_RULES:
        card = blend_cards(llm, offline, rubrics, rule)
        judged = card.criterion("situational.judgement")
        cues = judged.score == level and rule == "cues"
        assert card.blend_rule == rule and levels_are_the_cues(card) is (rule == "cues")
        assert (judged.feedback == level_feedback(spec, judged.score, cues=True)) is cues, rule
        assert bool(offline_caveats(card, rubrics)) is (rule == "cues"), rule
    # Whose levels a card carries is its rule's field, not the wording of `checked_by`.
    worded = blend_cards(llm, offline, rubrics, "mean").model_copy(update={"checked_by": f"offline cues: {BLEND_RULES['cues'][1]}"})
    assert not levels_are_the_cues(worded) and offline_caveats(worded, rubrics) == []
