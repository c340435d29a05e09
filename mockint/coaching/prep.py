"""Second-round preparation, tailored to what was actually said in practice.

The seeds' advice for the time between rounds, made concrete from a round's answers:
  - questions worth asking the interviewer (picked from the bank's `questions_to_ask` and
    written around the competencies the questions probed and the areas that went badly);
  - proof to bring for the weakest areas (work samples, numbers, references), from the bank's
    per-competency `proof_points`, anchored on the answer that showed the gap;
  - a thank-you note draft that names topics actually discussed, to send within 24 hours.
Topics are the competencies the questions probed, by name: words mined from the transcripts
("ward", "report", "weekend") read as noise in a note a candidate may paste into a real email.

Pure: answers, the bank and the weak areas in; a Prep out. No I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from pydantic import Field

from mockint.coaching.questions import QuestionBank
from mockint.coaching.weakness import WeakArea
from mockint.records import Model
from mockint.scoring.rubrics import Rubric, criteria_by_key
from mockint.session import Answer

MAX_TOPICS = 5
MAX_QUESTIONS_TO_ASK = 5
MAX_PROOF_AREAS = 3
MAX_PROOF_ITEMS = 3
THEMED_SHARE = 0.5


class QuestionToAskItem(Model):
    text: str
    why: str = Field(description="why this question is worth asking, in general")
    because: str | None = Field(default=None, description="why it fits this candidate: what was said")


class ProofPoint(Model):
    area: str = Field(description="the weak area's name")
    key: str
    score: float
    max_score: int = 4
    question: str | None = Field(default=None, description="the question whose answer showed the gap")
    quote: str | None = Field(default=None, description="what was said there")
    bring: list[str] = Field(default_factory=list)


class Prep(Model):
    topics: list[str] = Field(default_factory=list, description="the competencies the questions covered, by name")
    questions_to_ask: list[QuestionToAskItem] = Field(default_factory=list)
    proof_points: list[ProofPoint] = Field(default_factory=list)
    thank_you: str = ""


# --- topics ----------------------------------------------------------------------------


def question_themes(answers: Sequence[Answer], bank: QuestionBank | None) -> list[str]:
    """The competencies the questions probed, by name: a question's first (main) competency counts
    fully, the others half; most probed first, then in the order asked."""
    counts: Counter[str] = Counter()
    first_asked: dict[str, int] = {}
    for answer in answers:
        for i, comp in enumerate(answer.question.competencies):
            counts[comp] += 1.0 if i == 0 else 0.5
            first_asked.setdefault(comp, len(first_asked))
    names = []
    for comp, _ in sorted(counts.items(), key=lambda kv: (-kv[1], first_asked[kv[0]])):
        names.append(bank.competency_name(comp) if bank else comp.replace("_", " "))
    return names


def themes_found(answers: Sequence[Answer]) -> bool:
    """Whether the competencies stand for the round: at least THEMED_SHARE of its questions (follow-ups aside, which
    quote the candidate) have any. A typed question has none, and a trial's round of 14 typed questions on supervision,
    prescribers and controlled drugs was summed up, and thanked for, by its one bank question's "Learning from failure,
    Self-awareness"."""
    asked = [a for a in answers if a.question.source != "followup"]
    return bool(asked) and sum(bool(a.question.competencies) for a in asked) >= THEMED_SHARE * len(asked)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text and not text[:2].isupper() else text


def _in_my_words(name: str) -> str:
    """A competency named to the candidate, as the candidate writes it: the note is theirs ("what you
    bring" read as the interviewer's in trial 4's draft)."""
    return re.sub(r"\byour\b", "my", re.sub(r"\byou\b", "I", name))


def _join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --- questions to ask ------------------------------------------------------------------


def questions_to_ask(
    answers: Sequence[Answer],
    bank: QuestionBank | None,
    weak: Sequence[WeakArea],
    themes: Sequence[str],
    limit: int = MAX_QUESTIONS_TO_ASK,
) -> list[QuestionToAskItem]:
    """Questions for the interviewer: ones written around what the questions probed, then the
    bank's, chosen for what the round showed (weak areas -> ask about concerns). Only themes of the team's work: a
    trial's report asked "What does good motivation look like in this team?" (`about_you` in questions.yaml)."""
    out: list[QuestionToAskItem] = []
    themes = [t for t in themes if bank is None or bank.about_the_team(t)]
    if len(themes) > 1:
        topic = _lower_first(themes[1])
        out.append(
            QuestionToAskItem(
                text=f"On {topic}: how does the team handle it today, and where would you want the new person to make a difference?",
                why="Connects what they asked you about to their current needs, and shows you listened for them.",
                because=f"Your answers covered {topic}.",
            )
        )
    if themes:
        theme = _lower_first(themes[0])
        out.append(
            QuestionToAskItem(
                text=f"What does good {theme} look like in this team - could you describe a recent example?",
                why="Topics an interviewer keeps returning to are their concerns; hearing their example tells you what they need.",
                because=f"The questions probed {theme}.",
            )
        )
    by_topic = {q.topic: q for q in (bank.questions_to_ask if bank else [])}
    wanted: list[tuple[str, str | None]] = []
    # A delivery habit is no concern to ask an interviewer about ("weakest on Speaking pace").
    content = [w for w in weak if w.kind != "delivery"]
    if content:
        wanted.append(("concerns", f"Your answers were weakest on {_join([w.name for w in content[:2]])}."))
    wanted.append(("expectations", None))
    if any(a.question.category == "motivation" for a in answers):
        wanted.append(("growth", "You were asked about motivation and goals; this checks the role can meet yours."))
    if any({"teamwork", "collaboration", "culture_fit"} & set(a.question.competencies) for a in answers):
        wanted.append(("team", "Teamwork came up in the questions; this tells you who you would work with."))
    wanted.append(("challenges", None))
    wanted.append(("next_steps", None))  # its `why` says it: "Tells you when to send your thank-you note ..."
    for topic_id, because in wanted:
        q = by_topic.get(topic_id)
        if q is None:
            continue
        out.append(QuestionToAskItem(text=q.text, why=q.why, because=because))
    seen: set[str] = set()
    unique = []
    for item in out:
        if item.text not in seen:
            seen.add(item.text)
            unique.append(item)
    return unique[:limit]


# --- proof points ----------------------------------------------------------------------


def proof_points(
    answers: Sequence[Answer],
    bank: QuestionBank | None,
    weak: Sequence[WeakArea],
    rubrics: Sequence[Rubric],
    limit: int = MAX_PROOF_AREAS,
) -> list[ProofPoint]:
    """For each of the weakest areas (criteria and round-one concerns; delivery habits are fixed
    by practice, not by proof): what to bring, from what the criterion needs (its `proof` in the
    rubric file) plus the proof points of the competencies the weak answers were about, anchored
    on one weak answer (the first with a quote): the question, score and quote shown are all its own."""
    by_id = {a.id: a for a in answers}
    criteria = criteria_by_key(rubrics)
    out: list[ProofPoint] = []
    for area in [w for w in weak if w.kind != "delivery"][:limit]:
        bring: list[str] = []
        criterion = criteria[area.id][1] if area.id in criteria else None
        if criterion is not None and criterion.proof:
            bring.append(criterion.proof)
        # Anchored on one answer: its question, its own score (not the area's mean) and its own
        # words. The first weak answer with a quote, else the first: a quote taken from any answer
        # put a04's words under a01's question.
        anchor = next((e for e in area.evidence if e.quotes), area.evidence[0] if area.evidence else None)
        # ... and the proof its question's competencies call for: the competencies of every weak answer put "a reference
        # who saw you resolve the disagreement" under a trial's underperformer story (another answer was a conflict).
        anchored = by_id.get(anchor.answer_id) if anchor else None
        comps = list(anchored.question.competencies) if anchored else list(area.competencies)
        for comp in comps:
            for item in bank.proof_points(comp) if bank else []:
                if item not in bring:
                    bring.append(item)
        score, max_score = (anchor.score, anchor.max_score or 4) if anchor else (0.0, 4)
        out.append(
            ProofPoint(
                area=area.name,
                key=area.id,
                score=score,
                max_score=max_score,
                question=anchor.question if anchor else None,
                quote=anchor.quotes[0] if anchor and anchor.quotes else None,
                bring=bring[:MAX_PROOF_ITEMS],
            )
        )
    return out


# --- thank-you note --------------------------------------------------------------------


def thank_you_note(*, role: str | None, themes: Sequence[str], weak: Sequence[WeakArea], answers: Sequence[Answer],
                   interview_noted: bool = False) -> str:
    """A short, personal draft: thanks, the topics discussed, one point to strengthen, interest.
    A draft people paste into a real email names only real topics (the competencies the questions
    probed), never words picked out of a transcript ("ward", "report"); and where the candidate's notes
    of the real interview are on file (`interview_noted`), none of the practice questions' (a housing officer's draft
    "enjoyed discussing adaptability and teamwork", the mock's), nor the notes' concerns (a youth work lead's draft named
    the two topics she struggled on, in her own shorthand): the candidate names the one they enjoyed."""
    role_part = f" for the {role} role" if role else ""
    lines = ["Subject: Thank you for today's conversation", "", "Dear [interviewer's name],", ""]
    discussed = [] if interview_noted else [_in_my_words(_lower_first(t)) for t in themes[:2]]
    # with no topics the questions are known to cover, the candidate names one (a placeholder, as the name is)
    about = f" I especially enjoyed discussing {_join(discussed) if discussed else '[a topic you discussed]'}."
    lines.append(f"Thank you for taking the time to speak with me{role_part}.{about}")
    lines.append("")
    # A question an interviewer could have asked: not mockint's own drill ("In your first interview they kept coming
    # back to one topic: ...", "You said ..."), which a trial's draft quoted as the interviewer's.
    theirs = [a for a in answers if a.question.source not in ("followup", "debrief")]
    asked = [a for a in theirs if a.transcript and a.transcript.text.strip()]
    # The real panel's questions are not the practice round's: a teacher's draft thanked the head for "your question
    # 'Tell me about a project where you had to collaborate with another department'", the mock's, and her weakest
    # answer (trial 44). The practice question where the weak point showed is a hint inside the placeholder.
    if weak:
        spot = next((w for w in weak if w.kind != "delivery"), weak[0])
        ids = {e.answer_id for e in spot.evidence}
        where = next((a for a in theirs if a.id in ids), None)
        # no question where it showed: the placeholder alone, not the area's name ("Thinking back on specificity: Real
        # past example", a trial's draft)
        showed = f' In practice this showed on "{where.question.text}".' if where else ""
        lines.append(
            "Thinking back on [a question they asked you], I would like to add one detail I did not make clear: "
            f"[your addition here. Tip: {spot.advice or 'one concrete result, with a number.'}{showed}]"
        )
        lines.append("")
    elif asked:
        lines.append("I was glad to share my experience on [a question they asked you] and would be happy to go into "
                     "more detail.")
        lines.append("")
    lines.append(
        "Our conversation confirmed my interest in the position, and I am excited about contributing to the team. "
        "Please let me know if I can provide anything else, such as work samples or references."
    )
    lines += ["", "Best regards,", "[Your name]"]
    return "\n".join(lines)


def build_prep(
    answers: Sequence[Answer],
    *,
    bank: QuestionBank | None,
    weak: Sequence[WeakArea],
    rubrics: Sequence[Rubric],
    role: str | None = None,
    interview_noted: bool = False,
) -> Prep:
    """Everything for the next round, from one round's (or one session's) answers; `interview_noted`: the candidate's
    notes of the real interview are on file (thank_you_note)."""
    themes = question_themes(answers, bank) if themes_found(answers) else []
    return Prep(
        topics=themes[:MAX_TOPICS],
        questions_to_ask=questions_to_ask(answers, bank, weak, themes),
        proof_points=proof_points(answers, bank, weak, rubrics),
        thank_you=thank_you_note(role=role, themes=themes, weak=weak, answers=answers,
                                 interview_noted=interview_noted),
    )
