"""An OpenAI Chat Completions reply, as the endpoints mockint talks to send it (for respx mocks)."""

from __future__ import annotations

import json
from typing import Any

import httpx


def chat_completion(
    content: Any = None, *, finish_reason: str = "stop", refusal: str | None = None, model: str = "test-model"
) -> httpx.Response:
    """`content`: the reply text, or any JSON-able value (sent as its JSON text)."""
    if content is not None and not isinstance(content, str):
        content = json.dumps(content)
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if refusal is not None:
        message["refusal"] = refusal
    return httpx.Response(
        200,
        json={
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 1,
            "model": model,
            "choices": [{"index": 0, "finish_reason": finish_reason, "message": message}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        },
    )
