"""Your own questions: `mockint practice --my-question "QUESTION"`, `--mine` and `--questions-file FILE`.

A candidate preparing for a particular second round knows questions the bank does not have. A
Head of Science candidate (trial 4) expected "What do you understand by intent, implementation
and impact?" and found no way to practise it: only `mockint score -q` took free text. An own
question is judged the way `score -q` judges a typed question (coaching.questions.question_ref):
reworded from a bank question, it is judged on that question's criteria; otherwise on the criteria
of its kind (scoring/kinds.py: a motivation question is not a STAR story), or of the kind the
questions file names for it. What is asked, stored, reported and planned from is the user's own
wording.

The questions file is the user's, beside config.toml as their own panels.yaml is, and named
my_questions.yaml so that it is not taken for a copy of the bank (rubrics/questions.yaml), which
has another shape. It is checked whole before a round starts: anything wrong is one line naming
the file and the question, and exits 2 like a bad config.toml (ConfigError), since it is the
user's own settings and no session is created.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from mockint.coaching.questions import QuestionBank, check_readable, question_ref, tokens
from mockint.datafiles import check_schema_version, first_error, read_yaml
from mockint.errors import ConfigError, DataFileError, MockintError, UsageError
from mockint.records import Model, QuestionRef

OWN_FILE = "my_questions.yaml"
OWN_SCHEMA_VERSION = 1
OWN_ID_PREFIX = "own."
# An own question's id is made from its first content words: the same wording keeps its id from
# session to session (the weakness ledger knows a question by id), and a reader can tell which it is.
ID_WORDS = 4
ITEM_HINT = "each question is its text, or `text:` and `kind:`"
FORMAT_HINT = "your questions as a YAML list, one `- question` a line; docs/practice.md shows one"


class OwnQuestion(Model):
    """One of the user's questions; `kind` (a kinds-table key) when the guess from its words is wrong."""

    text: str
    kind: str | None = None


def own_questions_path() -> Path:
    """my_questions.yaml beside config.toml (the folder `mockint config` shows)."""
    from mockint.config import Paths

    return Paths.from_env().config_file.parent / OWN_FILE


def load_own_questions(path: Path, bank: QuestionBank) -> list[OwnQuestion]:
    """The questions of a questions file, in its order; a one-line ConfigError naming the file otherwise.

    The file is a list of questions, each its text or `text:` with `kind:`; the list may stand
    alone or sit under `questions:` (beside an optional `schema_version`)."""
    if not path.is_file():
        where = "is a folder, not a questions file" if path.is_dir() else "no questions file there"
        raise ConfigError(f"{path}: {where}", hint=f"write {FORMAT_HINT}")
    try:
        data = read_yaml(path, "questions file")
        if isinstance(data, dict):
            check_schema_version(path, data, OWN_SCHEMA_VERSION)
            unknown = sorted(set(data) - {"schema_version", "questions"})
            if unknown:
                raise DataFileError(f"{path}: unknown key '{unknown[0]}'; the questions go under `questions:`")
            data = data.get("questions")
    except DataFileError as exc:
        raise ConfigError(exc.message, hint=exc.hint) from None
    if not isinstance(data, list) or not data:
        raise ConfigError(f"{path}: no questions in it", hint=f"write {FORMAT_HINT}")
    found = []
    for n, item in enumerate(data, 1):
        if isinstance(item, dict):
            try:
                found.append(OwnQuestion.model_validate(item))
            except ValidationError as exc:
                raise ConfigError(f"{path}: {question_label(n)}: {first_error(exc)}", hint=ITEM_HINT) from None
        elif isinstance(item, str):
            found.append(OwnQuestion(text=item))
        else:
            raise ConfigError(f"{path}: {question_label(n)}: {item!r} is not a question", hint=ITEM_HINT)
    try:
        return checked(found, bank, [question_label(n) for n in range(1, len(found) + 1)])
    except UsageError as exc:
        raise ConfigError(f"{path}: {exc.message}", hint=exc.hint) from None


def gather(typed: Sequence[str], path: Path | None, bank: QuestionBank, *,
           typed_as: str | Sequence[str] = "--my-question") -> list[OwnQuestion]:
    """The round's own questions: the questions file's at `path` (when given), then each `typed`
    one in order; `typed_as` names a typed question in an error ("--my-question"), or each its own."""
    found = load_own_questions(path, bank) if path is not None else []
    typed_labels = [typed_as] * len(typed) if isinstance(typed_as, str) else list(typed_as)
    labels = [f"{question_label(n)} of {path}" for n in range(1, len(found) + 1)] + typed_labels
    return checked([*found, *(OwnQuestion(text=text) for text in typed)], bank, labels)


def question_label(n: int) -> str:
    """The file's `n`th question (from 1) as errors name it: the number `mockint questions --mine` shows it
    with, where a 0-based "questions[0]" named the first one beside "question 1" for the same question."""
    return f"question {n}"


def checked(questions: Sequence[OwnQuestion], bank: QuestionBank, labels: Sequence[str]) -> list[OwnQuestion]:
    """`questions` with their text tidied and their kind spelt as the kinds table does; a UsageError
    naming the first (by its label) that is empty, asked twice or of a kind the table does not have."""
    from mockint.scoring.kinds import kind_named

    out: list[OwnQuestion] = []
    seen: dict[str, int] = {}
    for i, question in enumerate(questions):
        text = " ".join(question.text.split())
        if not re.search(r"\w", text):
            raise UsageError(f"{labels[i]}: an empty question", hint="give the question's words")
        check_readable(text, labels[i])
        key = text.lower().rstrip("?.! ")
        if key in seen:
            raise UsageError(f"{labels[i]}: \"{text}\" is asked twice (also {labels[seen[key]]})")
        seen[key] = i
        try:
            kind = kind_named(question.kind, bank.kinds) if question.kind is not None else None
        except MockintError as exc:
            raise UsageError(f"{labels[i]}: {exc.message}", hint=exc.hint) from None
        out.append(OwnQuestion(text=text, kind=kind))
    return out


def own_refs(questions: Sequence[OwnQuestion], bank: QuestionBank) -> list[QuestionRef]:
    """Each question as the round stores it: the user's text, judged as `score -q` judges it.

    A reworded bank question keeps the bank's id and criteria (the ledger then knows it was asked
    before); any other gets an id from its words ("own.understand_intent_implementation_impact")
    and the bank's category of its kind (shown with it; the prep notes read categories). The
    rationale, shown under the question, says how it is judged, so a wrong guess is seen before
    answering, not after."""
    refs: list[QuestionRef] = []
    for question in questions:
        ref = question_ref(question.text, bank, question.kind)
        how = _judged_as(ref, bank, named=question.kind is not None)
        taken = {r.id for r in refs}
        if ref.source == "bank":
            # Two rewordings of one bank question are two questions: the second gets an id of its own.
            mine = ref.id if ref.id not in taken else _unique(_own_id(question.text), taken)
            ref = ref.model_copy(update={"id": mine, "text": question.text, "source": "custom", "rationale": how})
        else:
            ref = ref.model_copy(update={
                "id": _unique(_own_id(question.text), taken),
                "category": next(iter(bank.kinds[ref.kind].categories), "custom") if ref.kind in bank.kinds else "custom",
                "rationale": how,
            })
        refs.append(ref)
    return refs


def _judged_as(ref: QuestionRef, bank: QuestionBank, *, named: bool) -> str:
    kind = bank.kinds[ref.kind].name if ref.kind in bank.kinds else (ref.kind or "")
    kind = kind[:1].lower() + kind[1:]
    if ref.source == "bank":
        return f"your question (bank {ref.id}), judged as {kind}"
    return f"your question, judged as {kind}: {'the kind you gave it' if named else 'the kind its words ask for'}"


def _own_id(text: str) -> str:
    words = [re.sub(r"[^a-z0-9]+", "_", w).strip("_") for w in tokens(text)]
    slug = "_".join(w for w in words[:ID_WORDS] if w)
    return OWN_ID_PREFIX + (slug or "question")


def _unique(candidate: str, taken: set[str]) -> str:
    if candidate not in taken:
        return candidate
    n = 2
    while f"{candidate}_{n}" in taken:
        n += 1
    return f"{candidate}_{n}"
