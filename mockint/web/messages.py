"""What the page shows, as JSON-ready dicts: one message per practice event, plus the session list.

Pure: sessions, answers and summaries in, plain dicts out. Each message carries everything the
page draws for it (the question and who asks it, the answer's time limit, the feedback with its
quotes and where they are in the audio), so the page holds no interview logic, and a new kind
of information (a panelist's name, a probe, a per-question timer) is a new key here that the
page shows when present. The page puts every string into the DOM as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from mockint.records import Panelist, QuestionRef, Transcript
from mockint.session import Answer, Session

if TYPE_CHECKING:
    from mockint.practice import RoundSummary
    from mockint.scoring.rubrics import Rubric
    from mockint.speech.record import RecordingResult, RecordingStatus

RESUMABLE_KINDS = ("bank", "plan")


def session_url(session_id: str, name: str = "") -> str:
    """Where the server serves a session's files (its audio) and its report."""
    return f"/sessions/{quote(session_id)}/{quote(name)}"


def resume_command(session_id: str) -> str:
    return f"mockint practice --resume {session_id}"


def session_message(session: Session, resumed: bool) -> dict[str, Any]:
    rnd = session.rounds[-1]
    return {
        "type": "session",
        "id": session.id,
        "resumed": resumed,
        "role": session.role,
        "round": rnd.index,
        "kind": rnd.kind,
        "total": len(rnd.questions),
        "keywords": len(session.keywords),
        "resume_command": resume_command(session.id),
    }


def question_message(number: int, total: int, question: QuestionRef) -> dict[str, Any]:
    return {
        "type": "question",
        "number": number,
        "total": total,
        "id": question.id,
        "text": question.text,
        "category": question.category,
        "rationale": question.rationale,
        "source": question.source,
    }


def asker_message(panelist: Panelist) -> dict[str, Any]:
    """With a panel: who asks the next question."""
    return {"type": "asker", "name": panelist.name, "role": panelist.role}


def probe_message(parent: Answer, question: QuestionRef) -> dict[str, Any]:
    """The next question is a follow-up on `parent`'s weak point."""
    return {"type": "probe", "parent": parent.id, "ready": parent.latency.get("probe_ready")}


def recording_message(
    answer: Answer, *, max_seconds: float, silence_stop_seconds: float, answer_seconds: float | None = None
) -> dict[str, Any]:
    return {
        "type": "recording",
        "answer": answer.id,
        "max_seconds": max_seconds,
        "silence_stop_seconds": silence_stop_seconds,
        "answer_seconds": answer_seconds,  # time pressure: the page counts down from it
    }


def time_left_message(answer: Answer, seconds: float, *, warning: bool = False) -> dict[str, Any]:
    return {"type": "time-warning" if warning else "time-left", "answer": answer.id, "seconds": round(seconds, 1)}


def level_message(status: RecordingStatus) -> dict[str, Any]:
    return {
        "type": "level",
        "elapsed": round(status.elapsed, 2),
        "level_db": round(status.level_db, 1),
        "heard_speech": status.heard_speech,
        "silence": round(status.silence, 2),
    }


def transcript_part_message(answer: Answer, part: Transcript) -> dict[str, Any]:
    words = part.words
    return {
        "type": "transcript-part",
        "answer": answer.id,
        "text": part.text.strip(),
        "start": words[0].start if words else None,
        "end": words[-1].end if words else None,
    }


def recorded_message(answer: Answer, result: RecordingResult) -> dict[str, Any]:
    return {"type": "recorded", "answer": answer.id, "seconds": round(result.seconds, 2), "stopped_by": result.stopped_by}


def transcribed_message(answer: Answer) -> dict[str, Any]:
    transcript = answer.transcript
    return {
        "type": "transcribed",
        "answer": answer.id,
        "text": transcript.text.strip() if transcript else "",
        "latency": dict(answer.latency),
    }


def feedback_message(
    session_id: str, answer: Answer, rubrics: Sequence[Rubric] = (), *, update: bool = False
) -> dict[str, Any]:
    """The scored answer as the report shows it: transcript spans with the verified STAR quotes
    marked, one row per criterion with its best quote and where it starts (in the words of
    `rubrics`: card.criterion_words), notes, improvements, delivery.
    `update`: the LLM's card (or its failure) for an answer the page already shows; the page
    replaces that answer's card. llm_state says whether an LLM card is still to come."""
    from mockint.reporting.analysis import analyse_answer

    view = analyse_answer(answer, rubrics=rubrics, session_id=session_id).model_dump(mode="json")  # `follows`: "a01 of 12-02 07:24" across sessions
    return {
        "type": "feedback",
        "update": update,
        **view,
        "audio_url": session_url(session_id, answer.audio_path) if answer.audio_path else None,
        "latency": dict(answer.latency),
        "probe_of": answer.probe_of,
        "cut_off": answer.cut_off,
        "time_limit": answer.time_limit,
    }


def summary_message(summary: RoundSummary) -> dict[str, Any]:
    from mockint.practice import rescore_command
    from mockint.reporting.analysis import followed_label
    from mockint.scoring.rubrics import band_for

    session = summary.session
    mean = summary.mean_overall
    return {
        "type": "summary",
        "session": session.id,
        "round": summary.round.index,
        "mean_overall": mean,
        "mean_basis": summary.mean_basis,
        "band": band_for(mean) if mean is not None else None,
        "answers": [
            {
                "id": a.id,
                "probe_of": a.probe_of,
                "follows": followed_label(a, session.id),  # a reply to the plan's follow-up on this answer
                "question": a.question.text,
                "status": a.status,
                "overall": a.scorecard.overall if a.scorecard else None,
                "band": a.scorecard.band if a.scorecard else None,
                "scorer": a.scorecard.scorer if a.scorecard else None,
                "llm_state": a.llm_state,
            }
            for a in summary.answers
        ],
        # Offline cards shown where the LLM's was not waited for, or could not be had; the command finishes them.
        "llm_pending": [a.id for a in summary.llm_pending],
        "llm_failed": [a.id for a in summary.llm_failed],
        "llm_error": summary.llm_failed[0].llm_error if summary.llm_failed else None,
        "weak_areas": [{"name": w.name, "summary": w.summary(), "advice": w.advice} for w in summary.weak_areas],
        "panel": [{"title": v.panelist.title, "verdict": v.verdict, "still_want": v.still_want[:3]} for v in summary.panel_views],
        "failed": len(summary.failed),
        "rescore_command": rescore_command(session.id) if summary.failed or summary.llm_pending or summary.llm_failed else None,
        "report_url": session_url(session.id, "report"),
        "ledger_updated": summary.ledger_updated,
    }


def unfinished(session: Session) -> int:
    """Questions of the last round still to ask, plus answers recorded but not yet scored:
    what `practice --resume` (or the page's Continue) would do."""
    if not session.rounds:
        return 0
    rnd = session.rounds[-1]
    answered = {a.question.id for a in rnd.answers}
    waiting = sum(a.status in ("recorded", "transcribed") for a in rnd.answers)
    to_ask = sum(q.id not in answered for q in rnd.questions) if rnd.kind in RESUMABLE_KINDS else 0
    return to_ask + waiting


def session_row(session: Session) -> dict[str, Any]:
    """One line of the page's past sessions."""
    cards = [a.scorecard.overall for a in session.answers if a.scorecard is not None]
    return {
        "id": session.id,
        "created": session.created_at.strftime("%Y-%m-%d %H:%M"),
        "role": session.role,
        "rounds": len(session.rounds),
        "kind": session.rounds[-1].kind if session.rounds else None,
        "answers": len(session.answers),
        "scored": len(cards),
        "failed": sum(a.status == "failed" for a in session.answers),
        "mean_overall": round(sum(cards) / len(cards), 1) if cards else None,
        "unfinished": unfinished(session),
        "report_url": session_url(session.id, "report"),
        "resume_command": resume_command(session.id),
    }
