"""LLMClient against a respx-mocked OpenAI endpoint: the production code path (openai SDK ->
httpx.Client -> transport), with only the network replaced."""

from __future__ import annotations

import json
import socket
import time

import httpx
import pytest
import respx
from openai_fake import chat_completion
from pydantic import BaseModel, ConfigDict, Field

from mockint.config import load_settings
from mockint.errors import ConfigError, LLMError
from mockint.llm import PLACEHOLDER_API_KEY, LLMClient, capabilities_for, extract_json, strict_json_schema

BASE = "http://llm.test/v1"
SECRET = "sk-test-0123456789abcdefSECRET"
FAST_RETRY = {"retry-after-ms": "1"}  # the SDK honours it: retries without the default backoff


class Verdict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quotes: list[str]
    score: int = Field(ge=0, le=4)


GOOD = {"quotes": ["I rebuilt the pipeline"], "score": 3}
MESSAGES = [{"role": "system", "content": "You grade answers."}, {"role": "user", "content": "Grade this."}]


def error(status: int, message: str, *, param: str | None = None, headers: dict | None = None) -> httpx.Response:
    body = {"error": {"message": message, "type": "invalid_request_error", "param": param, "code": None}}
    return httpx.Response(status, json=body, headers=headers or {})


def sent(route: respx.Route, index: int = -1) -> dict:
    return json.loads(route.calls[index].request.content)


@pytest.fixture
def settings():
    return load_settings(
        openai_base_url=BASE,
        openai_api_key=SECRET,
        llm_model="test-model",
        llm_max_retries=2,
        llm_timeout=5,
        llm_total_timeout=20,
        llm_max_tokens=500,
    )


@pytest.fixture
def api():
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        yield mock.post("/chat/completions")


def test_json_schema_success_sends_strict_schema_temperature_0_and_seed(settings, api):
    api.side_effect = [chat_completion(json.dumps(GOOD))]
    result = LLMClient(settings).structured(MESSAGES, Verdict, name="verdict")

    assert result == Verdict(**GOOD)
    assert api.call_count == 1
    body = sent(api)
    assert body["model"] == "test-model"
    assert body["temperature"] == 0 and body["seed"] == settings.llm_seed == 7
    assert body["max_tokens"] == 500
    assert body["messages"] == MESSAGES
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["name"] == "verdict"
    schema = fmt["json_schema"]["schema"]
    assert schema["additionalProperties"] is False and schema["required"] == ["quotes", "score"]
    assert schema["properties"]["score"]["maximum"] == 4
    # The key travels in the Authorization header only.
    request = api.calls[0].request
    assert request.headers["authorization"] == f"Bearer {SECRET}"
    assert SECRET not in request.content.decode()
    assert capabilities_for("http://llm.test/v1", "test-model").json_schema is True


def test_endpoint_rejecting_json_schema_falls_back_to_json_object_and_remembers(settings, api):
    api.side_effect = [
        error(400, "response_format json_schema is not supported by this server", param="response_format"),
        chat_completion(json.dumps(GOOD)),
        chat_completion(json.dumps(GOOD)),
    ]
    client = LLMClient(settings)
    assert client.structured(MESSAGES, Verdict, name="verdict") == Verdict(**GOOD)

    assert api.call_count == 2
    assert sent(api, 0)["response_format"]["type"] == "json_schema"
    fallback = sent(api, 1)
    assert fallback["response_format"] == {"type": "json_object"}
    system = fallback["messages"][0]
    assert system["role"] == "system" and system["content"].startswith("You grade answers.")
    assert json.dumps(strict_json_schema(Verdict), separators=(",", ":")) in system["content"]
    assert capabilities_for("http://llm.test/v1", "test-model").json_schema is False

    # Remembered for the endpoint: the next call goes straight to json_object, even from a new client.
    LLMClient(settings).structured(MESSAGES, Verdict, name="verdict")
    assert api.call_count == 3
    assert sent(api, 2)["response_format"] == {"type": "json_object"}


def test_invalid_json_is_reasked_once_with_the_error(settings, api):
    api.side_effect = [chat_completion('{"quotes": ["x", '), chat_completion(json.dumps(GOOD))]
    assert LLMClient(settings).structured(MESSAGES, Verdict, name="verdict") == Verdict(**GOOD)

    assert api.call_count == 2
    reask = sent(api, 1)["messages"]
    assert reask[:2] == MESSAGES
    assert reask[2] == {"role": "assistant", "content": '{"quotes": ["x", '}
    assert reask[3]["role"] == "user" and "not valid" in reask[3]["content"]


def test_schema_violation_is_reasked_then_fails_with_the_reason(settings, api):
    bad = json.dumps({"quotes": [], "score": 9})
    api.side_effect = [chat_completion(bad), chat_completion(bad), chat_completion(json.dumps(GOOD))]
    with pytest.raises(LLMError) as info:
        LLMClient(settings).structured(MESSAGES, Verdict, name="verdict")

    assert api.call_count == 2  # asked, re-asked once, then gave up
    message = str(info.value)
    assert "verdict schema" in message and "score" in message and "less than or equal to 4" in message
    assert "\n" not in message
    assert "less than or equal to 4" in sent(api, 1)["messages"][-1]["content"]


def test_json_in_a_code_fence_is_accepted(settings, api):
    api.side_effect = [chat_completion("Here you go:\n```json\n" + json.dumps(GOOD) + "\n```")]
    assert LLMClient(settings).structured(MESSAGES, Verdict, name="verdict").score == 3
    assert extract_json('noise {"a": 1} noise') == '{"a": 1}'


def test_429_then_200_is_retried_by_the_sdk(settings, api):
    api.side_effect = [error(429, "Rate limit reached", headers=FAST_RETRY), chat_completion(json.dumps(GOOD))]
    assert LLMClient(settings).structured(MESSAGES, Verdict, name="verdict") == Verdict(**GOOD)
    assert api.call_count == 2


def test_5xx_until_retries_run_out(settings, api):
    api.side_effect = [error(503, "overloaded", headers=FAST_RETRY)] * 5
    with pytest.raises(LLMError, match=r"server error 503, after 2 retries"):
        LLMClient(settings).structured(MESSAGES, Verdict, name="verdict")
    assert api.call_count == settings.llm_max_retries + 1 == 3


def test_retry_after_longer_than_the_budget_is_not_waited_for(settings, api):
    tight = settings.model_copy(update={"llm_total_timeout": 1.0})
    api.side_effect = [error(429, "slow down", headers={"retry-after": "30"}), chat_completion(json.dumps(GOOD))]
    started = time.monotonic()
    with pytest.raises(LLMError, match=r"rate limited \(429\)"):
        LLMClient(tight).structured(MESSAGES, Verdict, name="verdict")
    assert time.monotonic() - started < 1.0
    assert api.call_count == 1


def test_timeout_becomes_a_one_line_llm_error(settings, api):
    quick = settings.model_copy(update={"llm_max_retries": 1, "llm_timeout": 0.5})
    api.side_effect = httpx.ReadTimeout("timed out")
    with pytest.raises(LLMError) as info:
        LLMClient(quick).structured(MESSAGES, Verdict, name="verdict")
    assert "no response within 0.5 s, after 1 retry" in str(info.value)
    assert "MOCKINT_LLM_TIMEOUT" in str(info.value)
    assert api.call_count == 2


def test_total_budget_stops_further_attempts(settings, api):
    tight = settings.model_copy(update={"llm_total_timeout": 0.3, "llm_max_retries": 5})

    def slow_then_timeout(request):
        time.sleep(0.2)
        raise httpx.ReadTimeout("timed out", request=request)

    api.side_effect = slow_then_timeout
    started = time.monotonic()
    with pytest.raises(LLMError, match=r"no valid answer within 0.3 s.*MOCKINT_LLM_TOTAL_TIMEOUT"):
        LLMClient(tight).structured(MESSAGES, Verdict, name="verdict")
    assert time.monotonic() - started < 3.0
    assert api.call_count <= 2  # the budget, not the 5 retries, ended it


def test_finish_reason_length_retries_once_with_a_bigger_budget(settings, api):
    api.side_effect = [chat_completion('{"quotes": ["I rebu', finish_reason="length"), chat_completion(json.dumps(GOOD))]
    assert LLMClient(settings).structured(MESSAGES, Verdict, name="verdict") == Verdict(**GOOD)
    assert [sent(api, i)["max_tokens"] for i in range(2)] == [500, 1000]


def test_finish_reason_length_twice_is_a_clear_error(settings, api):
    api.side_effect = [chat_completion('{"quotes": [', finish_reason="length")] * 3
    with pytest.raises(LLMError, match=r"cut off at 1000 tokens \(finish_reason=length\).*MOCKINT_LLM_MAX_TOKENS"):
        LLMClient(settings).structured(MESSAGES, Verdict, name="verdict")
    assert api.call_count == 2


def test_refusal_is_reported(settings, api):
    api.side_effect = [chat_completion(None, refusal="I can't help with grading this.")]
    with pytest.raises(LLMError, match=r"the model refused: I can't help with grading this."):
        LLMClient(settings).structured(MESSAGES, Verdict, name="verdict")
    assert api.call_count == 1


def test_401_says_check_the_key_and_never_shows_it(settings, api):
    api.side_effect = [error(401, f"Incorrect API key provided: {SECRET}. You can find your API key at ...")]
    with pytest.raises(LLMError) as info:
        LLMClient(settings).structured(MESSAGES, Verdict, name="verdict")
    message = str(info.value)
    assert "(401)" in message and "OPENAI_API_KEY" in message
    assert SECRET not in message and SECRET[-8:] not in message
    assert api.call_count == 1  # 401 is not retried


def test_404_names_the_model(settings, api):
    api.side_effect = [error(404, "The model `test-model` does not exist")]
    with pytest.raises(LLMError, match=r"model 'test-model' not found \(404\).*MOCKINT_LLM_MODEL"):
        LLMClient(settings).structured(MESSAGES, Verdict, name="verdict")


def test_other_400_is_an_error_not_a_fallback(settings, api):
    api.side_effect = [error(400, f"context length exceeded, key {SECRET}")]
    with pytest.raises(LLMError) as info:
        LLMClient(settings).structured(MESSAGES, Verdict, name="verdict")
    assert "rejected the request (400): context length exceeded" in str(info.value)
    assert SECRET not in str(info.value)
    assert api.call_count == 1


def test_rejected_temperature_and_max_tokens_are_adapted(settings, api):
    # OpenAI's reasoning models refuse both; the client learns and drops/renames them.
    api.side_effect = [
        error(400, "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", param="max_tokens"),
        error(400, "Unsupported value: 'temperature' does not support 0 with this model.", param="temperature"),
        chat_completion(json.dumps(GOOD)),
    ]
    assert LLMClient(settings).structured(MESSAGES, Verdict, name="verdict").score == 3
    last = sent(api)
    assert "temperature" not in last and "max_tokens" not in last
    assert last["max_completion_tokens"] == 500
    assert last["response_format"]["type"] == "json_schema"


def test_connection_refused_names_the_base_url():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = load_settings(openai_base_url=f"http://127.0.0.1:{port}/v1", llm_max_retries=0)
    with pytest.raises(LLMError) as info:
        LLMClient(settings).structured(MESSAGES, Verdict, name="verdict")
    assert f"cannot connect to the LLM endpoint at http://127.0.0.1:{port}/v1" in str(info.value)


def test_local_server_needs_no_key_and_gets_a_placeholder(api):
    settings = load_settings(openai_base_url=BASE)
    api.side_effect = [chat_completion(json.dumps(GOOD))]
    LLMClient(settings).structured(MESSAGES, Verdict, name="verdict")
    assert api.calls[0].request.headers["authorization"] == f"Bearer {PLACEHOLDER_API_KEY}"


def test_an_explicit_http_client_is_the_one_used(settings):
    seen = []
    router = respx.MockRouter(base_url=BASE, assert_all_called=False)
    router.post("/chat/completions").mock(return_value=chat_completion(json.dumps(GOOD)))
    http_client = httpx.Client(transport=httpx.MockTransport(router.handler), event_hooks={"request": [seen.append]})
    LLMClient(settings, http_client=http_client).structured(MESSAGES, Verdict, name="verdict")
    assert [r.url.path for r in seen] == ["/v1/chat/completions"]


def test_no_endpoint_configured_is_a_config_error():
    with pytest.raises(ConfigError, match="no LLM endpoint"):
        LLMClient(load_settings())


def test_warming_sends_what_structured_would_for_one_token_and_learns_the_endpoint(settings, api):
    """The warm-up must be the request the real one will start with, in the form the endpoint
    takes: a server caches a prompt prefix only if the text is the same."""
    api.side_effect = [
        error(400, "response_format json_schema is not supported by this server", param="response_format"),
        chat_completion("{", finish_reason="length"),
        chat_completion(json.dumps(GOOD)),
    ]
    client = LLMClient(settings)
    client.warm(MESSAGES, Verdict, name="verdict")  # a cut-off one-token reply is what it asks for

    assert api.call_count == 2
    warm = sent(api, 1)
    assert warm["max_tokens"] == 1 and warm["response_format"] == {"type": "json_object"}
    client.structured(MESSAGES, Verdict, name="verdict")
    real = sent(api, 2)
    assert real["messages"] == warm["messages"] and real["response_format"] == warm["response_format"]
    assert real["max_tokens"] == 500


def test_a_failed_warm_up_is_an_llm_error_like_any_call(settings, api):
    api.side_effect = [error(404, "model not found")]
    with pytest.raises(LLMError, match="not found"):
        LLMClient(settings).warm(MESSAGES, Verdict, name="verdict")
