"""Integration: LLMScorer against a REAL OpenAI-compatible server (llama.cpp + SmolLM2-135M).

Asserts the contract, not the grades (a 135M model cannot grade): the production code
path (openai SDK over httpx, json_schema structured output, pydantic validation,
build_scorecard) yields a valid, schema-conforming Scorecard from a real endpoint, every
quote the model cites is either verified against the transcript or rejected, and the
second scoring of the same answer is served from the cache.
"""

from __future__ import annotations

import json
import time

import pytest
from conftest import timed_transcript
from llm_server import MODEL_ALIAS

from mockint.config import load_settings
from mockint.llm import capabilities_for, forget_capabilities, public_endpoint
from mockint.records import Scorecard
from mockint.scoring.blend import BlendScorer
from mockint.scoring.evidence import verify_quote
from mockint.scoring.llm_scorer import LLMScorer, number_sentences
from mockint.scoring.offline import OfflineScorer
from mockint.scoring.rubrics import MAX_SCORE, load_rubrics

pytestmark = [pytest.mark.llm_server, pytest.mark.slow, pytest.mark.timeout(600)]

QUESTION = "Tell me about a time you fixed a performance problem."
ANSWER = (
    "Last spring our checkout service kept timing out during sales. I was responsible for fixing it "
    "before Black Friday. I profiled the slow database queries, added a composite index, and rewrote "
    "the retry logic so clients backed off. Page latency dropped from 900 milliseconds to 120 "
    "milliseconds and we had zero outages that weekend. I learned to measure before I optimise."
)


def test_real_server_scores_an_answer_through_the_production_path(llama_server, mockint_home):
    forget_capabilities()
    settings = load_settings(
        openai_base_url=llama_server.base_url,
        llm_model=MODEL_ALIAS,
        llm_max_tokens=1200,
        llm_timeout=240,
        llm_total_timeout=480,
        llm_max_retries=0,
    )
    assert settings.openai_api_key is None  # a local server needs no key
    # The rubrics score_question sends for this behavioural question (its kind's criteria).
    rubrics = load_rubrics(["star", "specificity"])
    transcript = timed_transcript(ANSWER, length=0.3)
    scorer = LLMScorer(settings)

    started = time.monotonic()
    card = scorer.score(QUESTION, transcript, rubrics)
    elapsed = time.monotonic() - started
    print(f"\nllama-server ready in {llama_server.started_in:.1f} s; one scoring call took {elapsed:.1f} s")

    # A valid, schema-conforming scorecard from the LLM scorer.
    Scorecard.model_validate_json(card.model_dump_json())
    assert card.scorer == "llm"
    assert card.model == MODEL_ALIAS
    assert card.prompt_version and card.rubric_versions == {r.id: r.version for r in rubrics}
    expected_keys = [f"{r.id}.{c.id}" for r in rubrics for c in r.criteria]
    assert [c.key for c in card.criteria] == expected_keys
    for criterion in card.criteria:
        assert 0 <= criterion.score <= criterion.max_score == MAX_SCORE
        # Every quote is accounted for: verified (and really in the transcript) or rejected.
        for evidence in criterion.evidence:
            assert evidence.verified and verify_quote(evidence.quote, transcript) is not None
            assert evidence.quote in number_sentences(ANSWER)  # cited by number, read back by code
            assert evidence.start is not None and evidence.end is not None
        for rejected in criterion.rejected_quotes:
            assert verify_quote(rejected, transcript) is None
        if not criterion.evidence:
            assert criterion.score <= 1  # card.py's cap for unsupported scores
        if criterion.lowered:
            assert criterion.lowered.startswith("the quotes do not show ")
        assert "\n" not in criterion.feedback
    assert 0.0 <= card.overall <= 100.0 and card.band

    # The default scorer with an LLM (checked against the offline cues) shows the LLM's quotes, or
    # the offline cues' where it set a score above the LLM's; every one of them is in the
    # transcript. The LLM's reply comes from the cache.
    checked = BlendScorer(LLMScorer(settings), OfflineScorer()).score(QUESTION, transcript, rubrics)
    assert checked.scorer == "llm" and checked.checked_by
    for criterion in checked.criteria:
        raised = criterion.score > card.criterion(criterion.key).score
        assert bool(criterion.raised) == raised
        for evidence in criterion.evidence:
            assert verify_quote(evidence.quote, transcript)
            assert raised or evidence.quote in number_sentences(ANSWER)

    # The real endpoint took strict json_schema, and that was remembered.
    assert capabilities_for(public_endpoint(llama_server.base_url), MODEL_ALIAS).json_schema is True

    # The cache file holds the raw output, and a second scoring makes no request.
    files = list((settings.paths.cache_dir / "scores").glob("*.json"))
    assert len(files) == 1
    assert json.loads(files[0].read_text())["model"] == MODEL_ALIAS
    llama_server.stop()  # the server is gone: only the cache can answer now
    again = LLMScorer(settings).score(QUESTION, transcript, rubrics)
    assert [c.model_dump() for c in again.criteria] == [c.model_dump() for c in card.criteria]
