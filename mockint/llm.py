"""The OpenAI-compatible client: one place that talks to an LLM endpoint.

Any endpoint that speaks the Chat Completions API works: OpenAI, Ollama, llama.cpp's
llama-server, vLLM. `LLMClient.structured` asks for a JSON object matching a pydantic
model and returns it validated:

  1. `response_format: json_schema` (strict) when the endpoint takes it; an endpoint that
     rejects it (HTTP 400 naming response_format/json_schema) is remembered, in-process,
     and from then on gets `json_object` with the schema written into the prompt;
  2. the reply is validated with pydantic; invalid JSON or a schema violation is re-asked
     ONCE with the validation error, then it is an LLMError;
  3. `finish_reason == "length"` is retried once with twice the token budget; refusals,
     content filters, timeouts, 401/403/404, 429 and 5xx become one-line LLMErrors.
Temperature 0 and a fixed seed, so the same request gets the same answer where the
endpoint allows.

HTTP goes through an explicit `httpx.Client` (the SDK accepts one), in production and in
tests alike: tests hand in a client that respx intercepts, so the tested path is the real
one. 429/5xx/timeouts are retried by the SDK (settings.llm_max_retries); a per-call budget
(settings.llm_total_timeout) clamps every attempt's timeout to the time left and stops the
retries when it is spent.

The API key is given to the SDK and nowhere else: it never appears in an error message,
a log line, a cache key or a file. Local servers need no key; a placeholder is sent.
"""

from __future__ import annotations

import json
import math
import re
import time
from dataclasses import dataclass, replace
from threading import Lock
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

from mockint.errors import ConfigError, LLMError, one_line

if TYPE_CHECKING:
    import httpx
    import openai

    from mockint.config import Settings

OPENAI_BASE_URL = "https://api.openai.com/v1"
# Local servers ignore the key, but the SDK refuses to start without one.
PLACEHOLDER_API_KEY = "not-needed"
DEFAULT_MAX_TOKENS = 2000
# An endpoint's error or refusal text is cut to this many characters in our one-line message.
LINE_LIMIT = 200

ModelT = TypeVar("ModelT", bound=BaseModel)


# --- endpoint capabilities, as data ----------------------------------------------------


@dataclass(frozen=True)
class EndpointCapabilities:
    """What one endpoint + model accepts, learnt from its answers and kept for the process.

    json_schema: None = not known yet (try it), True = took it, False = rejected it
    (use json_object with the schema in the prompt). json_object: False = that was rejected
    too (send no response_format; the schema in the prompt and validation still hold). The other fields turn off request
    parameters an endpoint rejects (e.g. OpenAI reasoning models refuse temperature and
    want max_completion_tokens).
    """

    json_schema: bool | None = None
    json_object: bool = True
    seed: bool = True
    temperature: bool = True
    max_tokens_field: str = "max_tokens"


_CAPABILITIES: dict[tuple[str, str], EndpointCapabilities] = {}
_CAPABILITIES_LOCK = Lock()


def capabilities_for(endpoint: str, model: str) -> EndpointCapabilities:
    with _CAPABILITIES_LOCK:
        return _CAPABILITIES.get((endpoint, model), EndpointCapabilities())


def remember_capabilities(endpoint: str, model: str, caps: EndpointCapabilities) -> None:
    with _CAPABILITIES_LOCK:
        _CAPABILITIES[(endpoint, model)] = caps


def forget_capabilities() -> None:
    """Forget everything learnt about endpoints (tests start from a clean slate)."""
    with _CAPABILITIES_LOCK:
        _CAPABILITIES.clear()


# --- small helpers ---------------------------------------------------------------------


def public_endpoint(base_url: str) -> str:
    """The base URL fit to show and to key on: scheme, host, port and path; no user:password, no query."""
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return f"{parts.scheme}://{host}{parts.path.rstrip('/')}"


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema in the form OpenAI's strict mode accepts (and llama.cpp, vLLM
    and Ollama turn into a grammar): $refs inlined, every property required, no extra keys,
    no defaults."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def fix(node: Any) -> Any:
        if isinstance(node, list):
            return [fix(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            target = defs[node["$ref"].rsplit("/", 1)[-1]]
            merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
            return fix(merged)
        out = {k: fix(v) for k, v in node.items() if k not in ("default", "title")}
        if out.get("type") == "object" and "properties" in out:
            out["required"] = list(out["properties"])
            out["additionalProperties"] = False
        return out

    return fix(schema)


_FENCE = re.compile(r"^\s*```(?:json)?\s*\n?(.*?)\n?```\s*$", re.DOTALL)


def extract_json(content: str) -> str:
    """The JSON text of a reply: strip a Markdown code fence, else take the outermost {...}."""
    fenced = _FENCE.match(content)
    if fenced:
        return fenced.group(1)
    start, end = content.find("{"), content.rfind("}")
    if start > 0 and end > start and not content[:start].strip().startswith("{"):
        return content[start : end + 1]
    return content


def _validation_summary(exc: ValidationError, limit: int = 5) -> str:
    parts = []
    for err in exc.errors()[:limit]:
        where = ".".join(str(p) for p in err["loc"]) or "(root)"
        parts.append(f"{where}: {err['msg']}")
    more = len(exc.errors()) - limit
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


class _BudgetSpent(Exception):
    """Raised from the httpx request hook when the call's total time is used up.

    Not an httpx error on purpose: the SDK lets it through instead of retrying."""


# --- the client ------------------------------------------------------------------------


class LLMClient:
    """A structured-output client for one OpenAI-compatible endpoint and model."""

    def __init__(self, settings: Settings, http_client: httpx.Client | None = None) -> None:
        import httpx
        import openai

        if not settings.llm_configured:
            raise ConfigError(
                "no LLM endpoint is configured",
                hint="set MOCKINT_OPENAI_BASE_URL (local server) and/or MOCKINT_OPENAI_API_KEY",
            )
        self.settings = settings
        self.model = settings.llm_model
        self.base_url = (settings.openai_base_url or OPENAI_BASE_URL).rstrip("/")
        self.endpoint = public_endpoint(self.base_url)
        self.max_tokens = getattr(settings, "llm_max_tokens", DEFAULT_MAX_TOKENS)
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
        self._secret = key  # kept only to scrub it from error text
        self._deadline = math.inf
        self.http_client = http_client or httpx.Client(timeout=httpx.Timeout(settings.llm_timeout, connect=10.0))
        # Every attempt (the SDK's retries too) passes through these hooks.
        self.http_client.event_hooks["request"].append(self._clamp_to_budget)
        self.http_client.event_hooks["response"].append(self._no_retry_past_budget)
        self._openai: openai.OpenAI = openai.OpenAI(
            base_url=self.base_url,
            api_key=key or PLACEHOLDER_API_KEY,
            http_client=self.http_client,
            max_retries=settings.llm_max_retries,
            timeout=settings.llm_timeout,
        )

    # -- budget hooks --

    def _remaining(self) -> float:
        return self._deadline - time.monotonic()

    def _clamp_to_budget(self, request: httpx.Request) -> None:
        remaining = self._remaining()
        if remaining <= 0:
            raise _BudgetSpent()
        if math.isinf(remaining):
            return
        timeouts = dict(request.extensions.get("timeout") or {})
        for phase in ("connect", "read", "write", "pool"):
            current = timeouts.get(phase)
            timeouts[phase] = remaining if current is None else min(current, remaining)
        request.extensions["timeout"] = timeouts

    def _no_retry_past_budget(self, response: httpx.Response) -> None:
        # The SDK honours Retry-After up to two minutes; don't let it sleep past our budget.
        if response.status_code in (408, 409, 429) or response.status_code >= 500:
            wait = _retry_after_seconds(response.headers)
            if wait is not None and wait >= self._remaining():
                response.headers["x-should-retry"] = "false"

    # -- the one public call --

    def structured(self, messages: list[dict[str, str]], output_type: type[ModelT], *, name: str) -> ModelT:
        """Ask for one JSON object matching `output_type`; return it validated, or raise LLMError."""
        self._deadline = time.monotonic() + self.settings.llm_total_timeout
        try:
            return self._structured(list(messages), output_type, name)
        finally:
            self._deadline = math.inf

    def warm(self, messages: list[dict[str, str]], output_type: type[BaseModel], *, name: str) -> None:
        """Send `messages` as `structured` would, for one output token, and drop the reply.

        A server that caches prompt prefixes (llama.cpp's cache_prompt, vLLM, OpenAI) has then
        read them, so a later request that starts with the same text reads only what follows.
        Raises LLMError as `structured` does."""
        self._deadline = time.monotonic() + self.settings.llm_total_timeout
        try:
            self._send(list(messages), strict_json_schema(output_type), name, 1)
        finally:
            self._deadline = math.inf

    def _send(self, conversation: list[dict[str, str]], schema: dict[str, Any], name: str, max_tokens: int) -> Any:
        """One completion, in the form this endpoint takes (learnt from its rejections, remembered)."""
        caps = capabilities_for(self.endpoint, self.model)
        while True:
            use_schema = caps.json_schema is not False
            sent = conversation if use_schema else _with_schema_in_prompt(conversation, schema, name)
            try:
                completion = self._create(sent, schema, name, caps, use_schema, max_tokens)
            except _Rejected as rejected:
                caps = rejected.adapted
                remember_capabilities(self.endpoint, self.model, caps)
                continue
            if use_schema and caps.json_schema is None:
                remember_capabilities(self.endpoint, self.model, replace(caps, json_schema=True))
            return completion

    def _structured(self, messages: list[dict[str, str]], output_type: type[ModelT], name: str) -> ModelT:
        schema = strict_json_schema(output_type)
        max_tokens = self.max_tokens
        reasked = length_retried = False
        conversation = messages
        while True:
            completion = self._send(conversation, schema, name, max_tokens)
            if not completion.choices:
                raise LLMError(f"{self._where()}: the reply had no choices")
            choice = completion.choices[0]
            message = choice.message
            refusal = getattr(message, "refusal", None)
            if refusal:
                raise LLMError(f"{self._where()}: the model refused: {one_line(refusal, LINE_LIMIT)}")
            if choice.finish_reason == "content_filter":
                raise LLMError(f"{self._where()}: the reply was blocked by the endpoint's content filter")
            if choice.finish_reason == "length":
                if not length_retried:
                    length_retried, max_tokens = True, max_tokens * 2
                    continue
                raise LLMError(
                    f"{self._where()}: the reply was cut off at {max_tokens} tokens (finish_reason=length)",
                    hint="raise MOCKINT_LLM_MAX_TOKENS or use a model with a larger context",
                )
            content = message.content or ""
            try:
                return output_type.model_validate_json(extract_json(content))
            except ValidationError as exc:
                problem = _validation_summary(exc)
                if reasked:
                    raise LLMError(
                        f"{self._where()}: the reply did not match the {name} schema, even when asked again: {problem}"
                    ) from None
                reasked = True
                conversation = [
                    *conversation,
                    {"role": "assistant", "content": content},
                    {
                        "role": "user",
                        "content": (
                            f"Your reply was not valid: {problem}. Reply again with only the corrected JSON "
                            "object, matching the schema exactly (every field, values in range)."
                        ),
                    },
                ]

    def _create(
        self,
        messages: list[dict[str, str]],
        schema: dict[str, Any],
        name: str,
        caps: EndpointCapabilities,
        use_schema: bool,
        max_tokens: int,
    ) -> Any:
        import openai

        params: dict[str, Any] = {"model": self.model, "messages": messages}
        if caps.temperature:
            params["temperature"] = 0
        if caps.seed:
            params["seed"] = self.settings.llm_seed
        if use_schema:
            params["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": _schema_name(name), "strict": True, "schema": schema},
            }
        elif caps.json_object:
            params["response_format"] = {"type": "json_object"}
        extra_body = None
        if caps.max_tokens_field == "max_tokens":
            params["max_tokens"] = max_tokens
        else:
            extra_body = {caps.max_tokens_field: max_tokens}
        try:
            return self._openai.chat.completions.create(**params, extra_body=extra_body)
        except _BudgetSpent:
            raise LLMError(
                f"{self._where()}: no valid answer within {self.settings.llm_total_timeout:g} s",
                hint="raise MOCKINT_LLM_TOTAL_TIMEOUT, or check the server's load",
            ) from None
        except openai.BadRequestError as exc:
            adapted = _adapt_to_rejection(exc, caps, use_schema)
            if adapted is not None:
                raise _Rejected(adapted) from None
            raise LLMError(f"{self._where()}: the endpoint rejected the request (400): {self._scrub(exc)}") from None
        except openai.AuthenticationError:
            raise LLMError(
                f"{self._where()}: the API key was rejected (401)",
                hint="check OPENAI_API_KEY / MOCKINT_OPENAI_API_KEY",
            ) from None
        except openai.PermissionDeniedError as exc:
            raise LLMError(f"{self._where()}: access denied (403): {self._scrub(exc)}") from None
        except openai.NotFoundError:
            raise LLMError(
                f"{self._where()}: model '{self.model}' not found (404)",
                hint="check MOCKINT_LLM_MODEL, and that the base URL ends in /v1",
            ) from None
        except openai.RateLimitError as exc:
            quota = "quota" in str(exc).lower()
            raise LLMError(
                f"{self._where()}: "
                + ("out of quota (429)" if quota else f"rate limited (429), {self._retries()}"),
                hint="check the account's billing" if quota else "wait a minute and re-score the session",
            ) from None
        except openai.InternalServerError as exc:
            raise LLMError(f"{self._where()}: server error {exc.status_code}, {self._retries()}") from None
        except openai.APIStatusError as exc:
            raise LLMError(f"{self._where()}: HTTP {exc.status_code}: {self._scrub(exc)}") from None
        except openai.APITimeoutError:
            raise LLMError(
                f"{self._where()}: no response within {self.settings.llm_timeout:g} s, {self._retries()}",
                hint="raise MOCKINT_LLM_TIMEOUT for a slow local model",
            ) from None
        except openai.APIConnectionError:
            raise LLMError(
                f"cannot connect to the LLM endpoint at {self.endpoint}",
                hint=f"is the server running? check {self.settings.base_url_origin}",
            ) from None
        except openai.OpenAIError as exc:
            raise LLMError(f"{self._where()}: {self._scrub(exc)}") from None

    # -- messages --

    def _where(self) -> str:
        return f"LLM {self.model} at {self.endpoint}"

    def _retries(self) -> str:
        n = self.settings.llm_max_retries
        return f"after {n} retr{'y' if n == 1 else 'ies'}"

    def _scrub(self, exc: Exception) -> str:
        text = getattr(exc, "message", None) or str(exc)
        text = re.sub(r"^Error code: \d+ - ", "", text)  # the status is in our message already
        if self._secret:
            text = text.replace(self._secret, "****")
        return one_line(text, LINE_LIMIT)


class _Rejected(Exception):
    """The endpoint refused a request parameter we can do without; carries the adapted capabilities."""

    def __init__(self, adapted: EndpointCapabilities) -> None:
        super().__init__("parameter rejected")
        self.adapted = adapted


def _adapt_to_rejection(
    exc: openai.BadRequestError, caps: EndpointCapabilities, use_schema: bool
) -> EndpointCapabilities | None:
    """The capabilities to retry with after a 400 that names a parameter, or None (a real error)."""
    text = f"{exc.param or ''} {exc.message}".lower()
    names_format = "json_schema" in text or "response_format" in text or "structured output" in text
    if use_schema and names_format:
        return replace(caps, json_schema=False)
    if not use_schema and caps.json_object and (names_format or "json_object" in text):
        return replace(caps, json_object=False)
    if caps.max_tokens_field == "max_tokens" and "max_completion_tokens" in text:
        return replace(caps, max_tokens_field="max_completion_tokens")
    if caps.temperature and "temperature" in text:
        return replace(caps, temperature=False)
    if caps.seed and "seed" in text:
        return replace(caps, seed=False)
    return None


def _schema_name(name: str) -> str:
    # OpenAI: a-z, A-Z, 0-9, underscores and dashes, at most 64 characters.
    return re.sub(r"[^A-Za-z0-9_-]", "_", name)[:64] or "output"


def _with_schema_in_prompt(messages: list[dict[str, str]], schema: dict[str, Any], name: str) -> list[dict[str, str]]:
    """json_object mode: the endpoint guarantees JSON but not its shape, so the schema goes
    into the system message."""
    instruction = (
        f"Reply with a single JSON object (no prose, no code fence) named {name} that conforms "
        f"to this JSON schema:\n{json.dumps(schema, separators=(',', ':'))}"
    )
    if messages and messages[0].get("role") == "system":
        return [{**messages[0], "content": f"{messages[0]['content']}\n\n{instruction}"}, *messages[1:]]
    return [{"role": "system", "content": instruction}, *messages]


def _retry_after_seconds(headers: httpx.Headers) -> float | None:
    for header, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(header)
        if value is None:
            continue
        try:
            return float(value) / divisor
        except ValueError:
            return None
    return None
