"""The LLM scorer: one call per answer covering every rubric, through mockint.llm.LLMClient.

The prompt lives in prompts/score_answer.yaml and is rendered with langchain-core. The
transcript and the question go in as delimited data (<transcript>...</transcript>); any
look-alike of those tags inside them is neutralised, so an answer cannot close the block
and speak as the instructions.

The answer goes in with its sentences numbered ([1] ..., [2] ...), and the model cites evidence
by sentence number, not by copying words: it cannot invent a quote (an invented number is
rejected), and the reply is several times shorter. The fixed part (instructions, rubric
descriptors, the reply's shape) comes first and the answer last, so servers that cache prompt
prefixes (llama.cpp, vLLM, OpenAI) reuse it across answers.

Measured on a small local model (Qwen2.5-Coder-1.5B on llama-server, 2 cores; benchmarks/
llm_scoring.py speed): generating the reply is most of the time (~7-8 tokens/s; the answer's part
of the prompt, once the fixed part is cached, costs 3-7 s). So the reply holds only what code
cannot do: at most MAX_SENTENCES sentence numbers and a score per criterion, compact JSON, no
feedback text. A criterion's feedback on the card is its rubric's level descriptor, filled in by
card.py as for the offline scorer, and the advice comes from the rubrics (card.pick_improvements).
Nine criteria then take ~140 output tokens (score_answer-2, with a feedback field, up to three
numbers and pretty-printed: ~270; score_answer-1, quotes copied: ~645), and an answer ~21 s
instead of ~90 s once the prompt's fixed part is cached (docs/llm.md).

The reply is constrained by a JSON schema built from the rubrics: rubric id -> criterion
id -> {sentences, score 0..max}. Scores out of range fail validation and are re-asked once
(by LLMClient). There is no overall score in it: card.build_scorecard verifies the quotes,
caps unsupported scores and computes the totals, as for the offline scorer.

Results are cached on disk (scoring/cache.py): the same request is never sent twice.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from mockint.errors import ScoringError
from mockint.prompts import Prompt
from mockint.prompts import load_prompt as load_prompt_file
from mockint.scoring.cache import CachedScore, ScoreCache, cache_key
from mockint.scoring.card import RawCriterion, build_scorecard
from mockint.scoring.support import answer_refusals

if TYPE_CHECKING:
    import httpx

    from mockint.config import Settings
    from mockint.llm import LLMClient
    from mockint.records import Scorecard, Transcript
    from mockint.scoring.rubrics import Rubric

PROMPT_FILE = "score_answer.yaml"
# Sentence numbers per criterion: two cover a claim and its outcome; each costs output tokens.
MAX_SENTENCES = 2
PLACEHOLDERS = frozenset({"rubrics", "question", "transcript", "reply_shape"})
# Tags that delimit data in the prompt; look-alikes inside the data lose their angle brackets.
_DELIMITER_TAG = re.compile(r"<\s*(/?)\s*(transcript|question)\b[^>]*>", re.IGNORECASE)


# --- the prompt --------------------------------------------------------------------------


def load_prompt() -> Prompt:
    """The scoring prompt, prompts/score_answer.yaml."""
    return load_prompt_file(PROMPT_FILE, PLACEHOLDERS)


def neutralise_delimiters(text: str) -> str:
    """Turn <transcript>, </transcript>, <question>... inside data into [transcript] etc.

    Brackets, not deletion: the words stay, so quotes that include them still verify
    (evidence matching ignores punctuation)."""
    return _DELIMITER_TAG.sub(lambda m: f"[{m.group(1)}{m.group(2)}]", text)


def render_rubrics(rubrics: list[Rubric]) -> str:
    """Every rubric and criterion with all its level descriptors, as plain text for the prompt."""
    blocks = []
    for rubric in rubrics:
        lines = [f'Rubric "{rubric.id}": {rubric.name}', " ".join(rubric.description.split())]
        for criterion in rubric.criteria:
            lines.append("")
            lines.append(f"  Criterion {rubric.id}.{criterion.id}: {criterion.name}")
            lines.append(f"  {' '.join(criterion.description.split())}")
            for level, descriptor in sorted(criterion.levels.items()):
                lines.append(f"    {level}: {' '.join(str(descriptor).split())}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def render_reply_shape(rubrics: list[Rubric]) -> str:
    """The reply written out compact, S and N standing for the sentence numbers and the score:
    a small model copies the layout it is shown, and spaces and line breaks cost output tokens."""
    return json.dumps(
        {r.id: {c.id: {"sentences": "S", "score": "N"} for c in r.criteria} for r in rubrics}, separators=(",", ":")
    ).replace('"S"', "S").replace('"N"', "N")


def render_messages(question: str, transcript_text: str, rubrics: list[Rubric], prompt: Prompt | None = None) -> list[dict[str, str]]:
    """The chat messages for one answer, as OpenAI-style dicts: the answer's sentences numbered."""
    return (prompt or load_prompt()).render(
        rubrics=render_rubrics(rubrics),
        reply_shape=render_reply_shape(rubrics),
        question=neutralise_delimiters(question.strip() or "(no question given)"),
        transcript=neutralise_delimiters(render_transcript(number_sentences(transcript_text))),
    )


# --- the output schema -------------------------------------------------------------------


class CriterionJudgement(BaseModel):
    """One criterion as the LLM returns it. Field order = generation order: evidence first."""

    model_config = ConfigDict(extra="forbid")

    sentences: list[int] = Field(
        description="numbers of the answer's sentences that support the score; empty for 0",
        max_length=MAX_SENTENCES,
    )
    score: int


def judgement_model(rubrics: list[Rubric]) -> type[BaseModel]:
    """The reply's pydantic model: {rubric id: {criterion id: judgement}}, score bounded per criterion.

    Field names are prefixed and the ids used as aliases, so a criterion called e.g. "copy"
    cannot clash with BaseModel's own attributes."""
    rubric_fields: dict[str, Any] = {}
    for rubric in rubrics:
        criterion_fields: dict[str, Any] = {}
        for criterion in rubric.criteria:
            bounded = create_model(
                f"{_camel(rubric.id)}{_camel(criterion.id)}",
                __base__=CriterionJudgement,
                score=(int, Field(ge=0, le=criterion.max_score, description=f"0-{criterion.max_score}")),
            )
            criterion_fields[f"c_{criterion.id}"] = (bounded, Field(alias=criterion.id))
        rubric_model = create_model(
            f"{_camel(rubric.id)}Scores", __config__=ConfigDict(extra="forbid"), **criterion_fields
        )
        rubric_fields[f"r_{rubric.id}"] = (rubric_model, Field(alias=rubric.id))
    return create_model("AnswerScores", __config__=ConfigDict(extra="forbid"), **rubric_fields)


def _camel(identifier: str) -> str:
    return "".join(part.capitalize() for part in identifier.split("_"))


# Sentences longer than this are cut at commas into citable pieces of at least MIN_PIECE words.
MAX_SENTENCE_WORDS = 35
MIN_PIECE = 6
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def number_sentences(text: str) -> list[str]:
    """The answer's sentences as the model sees and cites them ([1] is the first). An unpunctuated
    run is cut at commas, so a citation still points at a passage, not at the whole answer."""
    out: list[str] = []
    for sentence in _SENTENCE_END.split(" ".join(text.split())):
        if not sentence:
            continue
        if len(sentence.split()) <= MAX_SENTENCE_WORDS:
            out.append(sentence)
            continue
        piece: list[str] = []
        for part in re.split(r"(?<=,)\s+", sentence):
            piece.append(part)
            if len(" ".join(piece).split()) >= MIN_PIECE and part.endswith(","):
                out.append(" ".join(piece))
                piece = []
        if piece:
            if out and len(" ".join(piece).split()) < MIN_PIECE:
                out[-1] = f"{out[-1]} {' '.join(piece)}"
            else:
                out.append(" ".join(piece))
    return out


def render_transcript(sentences: list[str]) -> str:
    return "\n".join(f"[{i}] {s}" for i, s in enumerate(sentences, 1))


def to_raw_criteria(result: BaseModel, rubrics: list[Rubric], sentences: list[str]) -> list[RawCriterion]:
    """Sentence numbers become the sentences' words, which card.build_scorecard verifies as quotes;
    a number that names no sentence becomes a quote that cannot verify ("sentence 12"). No
    feedback: card.py gives the rubric's words for the score the criterion ends with."""
    raw = []
    for rubric in rubrics:
        scores = getattr(result, f"r_{rubric.id}")
        for criterion in rubric.criteria:
            judged: CriterionJudgement = getattr(scores, f"c_{criterion.id}")
            raw.append(
                RawCriterion(
                    rubric=rubric.id,
                    criterion=criterion.id,
                    score=judged.score,
                    quotes=[
                        sentences[n - 1] if 1 <= n <= len(sentences) else f"sentence {n} (not in the answer)"
                        for n in dict.fromkeys(judged.sentences)
                    ],
                    feedback="",
                )
            )
    return raw


def card_from_reply(
    reply: str, question: str, transcript: Transcript, rubrics: list[Rubric], *, model: str | None, prompt_version: str
) -> Scorecard:
    """The scorecard a saved reply (the model's JSON text) to `question` makes today: parsed, sentence numbers
    read back, verified and support-checked as in LLMScorer.score. Lets a benchmark recompute figures from
    saved replies after the rubrics, support rules or evidence checks change."""
    from mockint.llm import extract_json

    result = judgement_model(rubrics).model_validate_json(extract_json(reply))
    raw = to_raw_criteria(result, rubrics, number_sentences(transcript.text))
    return _llm_card(raw, question, transcript, rubrics, model=model, prompt_version=prompt_version)


def _llm_card(raw: list[RawCriterion], question: str, transcript: Transcript, rubrics: list[Rubric], *,
             model: str | None, prompt_version: str) -> Scorecard:
    """The card the model's criteria make (card.build_scorecard), its quotes support-checked against the
    answer's refusals read with `question`, as the offline scorer reads them."""
    return build_scorecard(raw, transcript, rubrics, scorer="llm", model=model, prompt_version=prompt_version,
                           refusing=answer_refusals(transcript.text, question))


# --- the scorer --------------------------------------------------------------------------


class LLMScorer:
    """Scores an answer with any OpenAI-compatible endpoint; see the module docstring."""

    name = "llm"

    def __init__(self, settings: Settings, http_client: httpx.Client | None = None) -> None:
        self.settings = settings
        self._http_client = http_client
        self._client: LLMClient | None = None
        self.cache = ScoreCache(settings.paths.cache_dir / "scores")

    @property
    def client(self) -> LLMClient:
        if self._client is None:  # built on first miss: a cache hit needs no client
            from mockint.llm import LLMClient

            self._client = LLMClient(self.settings, http_client=self._http_client)
        return self._client

    def warm(self, question: str, rubrics: list[Rubric]) -> None:
        """Have the endpoint read the prompt for `question` before its answer exists: everything
        up to the transcript, which the prompt keeps last. A server that caches prompt prefixes
        then reads only the answer's sentences when it is scored. Measured with llama-server on
        2 cores (benchmarks/llm_scoring.py speed): a cold ~2,000-token prompt costs ~25 s of
        reading; practice warms while the candidate answers the first question."""
        self.client.warm(render_messages(question, "", rubrics), judgement_model(rubrics), name="score_answer")

    def score(self, question: str, transcript: Transcript, rubrics: list[Rubric], *, kind: str | None = None) -> Scorecard:
        """`kind` is not read: the rubrics come in that kind's words, and the model reads the question itself."""
        if not rubrics:
            raise ScoringError("no rubrics to score against")
        if not transcript.text.strip():
            raise ScoringError("the transcript is empty: there is nothing to score")
        from mockint.llm import OPENAI_BASE_URL, public_endpoint, strict_json_schema

        prompt = load_prompt()
        messages = render_messages(question, transcript.text, rubrics, prompt)
        output_type = judgement_model(rubrics)
        model = self.settings.llm_model
        endpoint = public_endpoint(self.settings.openai_base_url or OPENAI_BASE_URL)
        rubric_versions = {r.id: r.version for r in rubrics}
        key = cache_key(
            {
                "endpoint": endpoint,
                "model": model,
                "seed": self.settings.llm_seed,
                "prompt_version": prompt.version,
                "rubric_versions": rubric_versions,
                "messages": messages,
                "schema": strict_json_schema(output_type),
            }
        )
        cached = self.cache.get(key)
        if cached is not None:
            return _llm_card(cached.raw, question, transcript, rubrics, model=model, prompt_version=prompt.version)

        # LLMError (endpoint down, bad output after a re-ask, ...) goes to the caller as is:
        # it marks the answer failed and keeps the transcript for `mockint score --session`.
        result = self.client.structured(messages, output_type, name="score_answer")
        raw = to_raw_criteria(result, rubrics, number_sentences(transcript.text))
        card = _llm_card(raw, question, transcript, rubrics, model=model, prompt_version=prompt.version)
        # Cached only once it made a valid scorecard.
        self.cache.put(
            CachedScore(
                key=key,
                model=model,
                endpoint=endpoint,
                prompt_version=prompt.version,
                rubric_versions=rubric_versions,
                raw=raw,
            )
        )
        return card
