"""The weakness ledger on disk (settings.paths.ledger_file): load, save, and record a session.

The ledger's model and its transitions are pure (weakness.py); this is the I/O edge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.coaching.weakness import LEDGER_SCHEMA_VERSION, Ledger, WeakArea, current_weak_areas, record_round
from mockint.datafiles import read_versioned_json
from mockint.errors import DataFileError
from mockint.fsutil import atomic_write_text
from mockint.records import QuestionRef
from mockint.session import Session

if TYPE_CHECKING:
    from mockint.coaching.questions import QuestionBank
    from mockint.config import Settings
    from mockint.scoring.rubrics import Rubric


def load_ledger(path: Path) -> Ledger:
    """The ledger at `path`, or an empty one when the file does not exist yet.

    A corrupt or newer-version file is a one-line DataFileError naming the file.
    """
    try:
        return read_versioned_json(
            path, Ledger, what="weakness ledger", schema_version=LEDGER_SCHEMA_VERSION,
            error=DataFileError, corrupt_hint="delete it to start over",
        )
    except FileNotFoundError:
        return Ledger()


def save_ledger(ledger: Ledger, path: Path) -> Path:
    atomic_write_text(path, ledger.model_dump_json(indent=2) + "\n")
    return path


def record_session(path: Path, session: Session, rubrics: Sequence[Rubric]) -> Ledger:
    """Load the ledger, apply the session's new answers (weakness.record_round), save, return it."""
    ledger = record_round(load_ledger(path), session, rubrics)
    save_ledger(ledger, path)
    return ledger


# The bank picks of a plan made with no seed given: 'mockint plan' and 'practice --plan' with no session to store the
# plan in make it again from the ledger, and must make the same one (a trial user was shown six questions by 'plan'
# and asked other ones by 'practice --plan').
PLAN_SEED = 0


@dataclass
class NextRound:
    weak_areas: list[WeakArea]
    questions: list[QuestionRef]
    ledger: Ledger
    llm_used: bool


def plan_from_ledger(
    settings: Settings,
    session: Session | None,
    bank: QuestionBank,
    rubrics: Sequence[Rubric],
    *,
    n: int,
    offline: bool = False,
    role: str | None = None,
    seed: int | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> NextRound:
    """Record the session's new answers in the ledger on disk, then plan the next round from
    what is still weak (with the configured LLM unless `offline`). Shared by `mockint plan`
    and `mockint practice --plan`; no `seed` is PLAN_SEED, so both make the same plan."""
    from mockint.coaching.plan import DEFAULT_QUESTIONS as PLAN_QUESTIONS
    from mockint.coaching.plan import plan_next_round

    path = settings.paths.ledger_file
    ledger = load_ledger(path)
    if session is not None:
        ledger = record_round(ledger, session, rubrics)
        save_ledger(ledger, path)
    weak = current_weak_areas(ledger, session, rubrics)
    llm = None
    if weak and not offline and settings.llm_configured:
        from mockint.llm import LLMClient

        llm = LLMClient(settings)
    failed: list[str] = []

    def warn(message: str) -> None:
        failed.append(message)
        if on_warning:
            on_warning(message)

    # Planned at the default length at least, then the first n: any round asks the first questions of the plan 'mockint
    # plan' shows (a nurse's "practice --plan -n 2" asked that plan's 1st and 4th, and her typed answer to the 2nd went
    # to another question).
    questions = plan_next_round(
        weak,
        session.answers if session else [],
        bank,
        rubrics,
        llm=llm,
        n=max(n, PLAN_QUESTIONS),
        asked=[q.text for q in ledger.asked],
        asked_ids=[q.id for q in ledger.asked if bank.get(q.id) is not None],
        role=role or (session.role if session else None),
        seed=PLAN_SEED if seed is None else seed,
        on_warning=warn,
        session_id=session.id if session else None,
    )[:n]
    return NextRound(weak_areas=weak, questions=questions, ledger=ledger, llm_used=llm is not None and not failed)
