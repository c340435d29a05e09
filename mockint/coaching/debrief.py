"""Round-one debrief: turn free-text notes from a real first interview into weak areas.

Notes are messy: headings or none, bullets of any kind, "Q:" prefixes, counts like "(x3)" or
"asked twice". We pull out the questions asked, the topics the interviewers kept returning to,
and the answers that fell flat. Topics probed repeatedly are the employer's concerns (a career
coach's rule of thumb: when they keep asking about an area, your answer has not satisfied them
yet), so each becomes a weak area and a probe topic for round two. When the notes only list
questions, two or more questions on the same competency count as a repeated probe too.

Parsing is pure: the CLI reads the file (mockint.userfiles).
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Literal

from pydantic import Field

from mockint.coaching.questions import QuestionBank, similarity, tokens
from mockint.coaching.weakness import Ledger, LedgerEntry, LedgerEvent, WeakEvidence
from mockint.records import Model, utc_now

Section = Literal["questions", "probed", "flat", "notes"]

_BULLET = re.compile(r"^\s*(?:[-*+•·–—>]+|\(?\d{1,2}[.):]|\(?[a-hA-H][.)]|\[[ xX]?\])\s*")
_MARKDOWN_HEADER = re.compile(r"^\s*#{1,6}\s*")
_QUESTION_PREFIX = re.compile(r"^\s*(?:q\d*|question\s*\d*)\s*[:.)-]\s*", re.I)
_ANSWER_PREFIX = re.compile(r"^\s*(?:a|answer|me|my answer)\s*[:.)-]\s*", re.I)

_SECTION_WORDS: list[tuple[Section, re.Pattern[str]]] = [
    ("flat", re.compile(r"fell flat|flat|badly|poorly|\bpoor\b|\bweak|struggl|fumbl|stumbl|off.?guard|didn'?t go|did not go|"
                        r"went wrong|could have|should have|bomb|blank|rambl|mess(ed)? up|not (great|good)|improve", re.I)),
    ("probed", re.compile(r"kept|keep|return|came back|coming back|going back|again|repeat|probe|probing|dug|dig|drill|"
                          r"focus|concern|worr|multiple times|several times|follow.?up|emphasi|pressed|pushed|interested in", re.I)),
    ("questions", re.compile(r"question|asked|they ask|interview q", re.I)),
]

_COUNT = re.compile(
    r"\(?\s*(?:[x×]\s*(?P<a>\d+)|(?P<b>\d+)\s*[x×]|(?P<c>\d+)\s*(?:times|x)|(?P<word>twice|three times|four times|"
    r"five times|several times|multiple times|many times|a few times|over and over|again and again|repeatedly))\s*\)?",
    re.I,
)
_WORD_COUNTS = {"twice": 2, "three times": 3, "four times": 4, "five times": 5}
_REPEAT_HINT = re.compile(
    r"\bkept\b|\bkeep\b|again|repeated|\breturn|coming back|came back|going back|twice|several times|multiple times|"
    r"\d+\s*[x×]\b|\b[x×]\s*\d+|\d+\s*times", re.I
)
_FLAT_HINT = re.compile(
    r"fell flat|flat|badly|struggl|fumbl|stumbl|off.?guard|blank|rambl|didn'?t (go|land)|did not (go|land)|"
    r"mess(ed)? up|weak answer|bombed|not (a )?great", re.I
)
# Leading phrases that say who asked and how, not what about.
_LEAD_IN = re.compile(
    r"^(?:(?:they|he|she|the (?:hiring )?manager|hiring manager|interviewers?|the panel|panel|both of them|[A-Z][a-z]+)\s+)?"
    r"(?:(?:really|also|then|just)\s+)?"
    r"(?:kept|keep|kept on|kept coming back to|kept returning to|came back to|went back to|returned to|pressed|pushed|"
    r"dug into|probed|asked(?: me)?(?: again)?|asking|questions? (?:about|on)|lots of questions (?:about|on)|"
    r"(?:a )?(?:lot|lots) of (?:questions )?(?:about|on)|focus(?:ed)? on|were interested in|was interested in)"
    r"(?:\s+(?:asking|coming back|returning|probing|pushing|digging|going back|circling back))?"
    r"(?:\s+(?:me|us))?(?:\s+(?:again|about|to|on|into|at|around|regarding|with))*\s+",
    re.I,
)
_FLAT_LEAD_IN = re.compile(
    r"^(?:my answer|answer|the answer|the question|question|my story|story)\s+(?:about|on|to|for|re:?)\s+|"
    r"^(?:i\s+)?(?:struggled|fumbled|stumbled|rambled|blanked)\s+(?:with|on|through|when asked about|about)?\s*|"
    r"^(?:was\s+)?caught (?:completely )?off.?guard by\s+(?:the question (?:about|on)\s+|a question (?:about|on)\s+)?",
    re.I,
)
_TRAILING_VERDICT = re.compile(
    r"\s*(?:[-–—:,;(]\s*)?(?:it\s+|that\s+|this\s+)?(?:(?:was|were|is|felt|went)\s+)?(?:fell flat|caught me (?:completely )?off.?guard|threw me|went badly|was weak|was vague|didn'?t land|"
    r"did not land|fumbled|rambled|blanked|bombed|not great|too vague|too long|no numbers)\b.*$",
    re.I,
)


class DebriefTopic(Model):
    id: str = Field(description="'topic.<slug>': the weak-area id it becomes")
    name: str
    reason: Literal["probed", "fell_flat", "inferred"]
    mentions: int = Field(description="how many times the interviewers came back to it (1 for a flat answer)")
    competencies: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="the note lines it came from, verbatim")


class Debrief(Model):
    source: str | None = None
    digest: str = Field(description="sha256 of the notes, so re-importing the same file changes nothing")
    imported_at: datetime = Field(default_factory=utc_now)
    questions_asked: list[str] = Field(default_factory=list)
    topics: list[DebriefTopic] = Field(default_factory=list, description="employer concerns, most-probed first")
    fell_flat: list[str] = Field(default_factory=list, description="answers that fell flat, as written")
    notes: list[str] = Field(default_factory=list, description="lines that fit no other heading")

    @property
    def empty(self) -> bool:
        return not (self.questions_asked or self.topics or self.fell_flat)


def parse_debrief(text: str, bank: QuestionBank, *, source: str | None = None) -> Debrief:
    """Questions asked, repeatedly probed topics and flat answers from free-text notes."""
    questions: list[str] = []
    probed: list[tuple[str, str, int]] = []  # (topic text, raw line, mentions)
    flat: list[tuple[str, str]] = []  # (topic text, raw line)
    notes: list[str] = []
    section: Section = "notes"
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or set(line) <= set("-=*_#~ "):
            continue
        header, rest = _split_header(line)
        inline_label = header is None and _inline_label(line)
        if inline_label:
            # "misc: ..." / "Sarah: ..." - classify the rest by its content, keep the section.
            items = [line.partition(":")[2].strip()]
        elif header is not None:
            section = header
            if not rest:
                continue
            items = [part.strip() for part in re.split(r";\s*", rest) if part.strip()]
        else:
            items = [line]
        for item in items:
            item = _BULLET.sub("", _MARKDOWN_HEADER.sub("", item)).strip()
            if not item or _ANSWER_PREFIX.match(item):
                continue  # the candidate's own answer text is not a topic
            kind = _classify(item, "notes" if inline_label else section)
            if kind == "questions":
                question = _QUESTION_PREFIX.sub("", item).strip()
                question = _COUNT.sub("", question).strip(" -–—")
                questions.append(question)
                if _REPEAT_HINT.search(item):
                    probed.append((_topic_text(item), item, _mentions(item, default=2)))
            elif kind == "probed":
                probed.append((_topic_text(item), item, _mentions(item, default=2)))
            elif kind == "flat":
                flat.append((_flat_topic_text(item), item))
            else:
                notes.append(item)

    topics: list[DebriefTopic] = []
    for name, line, count in probed:
        _add_topic(topics, name, line, count, "probed", bank)
    for name, line in flat:
        _add_topic(topics, name, line, 1, "fell_flat", bank)
    _infer_repeated_competencies(topics, questions, bank)
    topics.sort(key=lambda t: (-t.mentions, {"probed": 0, "inferred": 1, "fell_flat": 2}[t.reason], t.id))
    return Debrief(
        source=source,
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        questions_asked=list(dict.fromkeys(questions)),
        topics=topics,
        fell_flat=[line for _, line in flat],
        notes=notes,
    )


def _split_header(line: str) -> tuple[Section | None, str]:
    """A heading line ('## Questions they asked', 'KEPT COMING BACK TO:', 'Fell flat: salary; gaps')."""
    body = _BULLET.sub("", line) if not line.lstrip().startswith("#") else _MARKDOWN_HEADER.sub("", line)
    is_markdown = line.lstrip().startswith("#")
    head, sep, rest = body.partition(":")
    if is_markdown and not sep:
        head, rest = body, ""
    elif not sep:
        # A short all-caps line is a heading too, and so is a short unpunctuated line that names a section.
        short_label = (
            len(body.split()) <= 4
            and not body.rstrip().endswith((".", "?", "!", ")"))
            and not re.search(r"\b(about|regarding|re|with|my)\b", body, re.I)  # "asked about Excel" is a topic
        )
        if (body.isupper() and len(body.split()) <= 6) or (
            short_label and any(p.search(body) for _, p in _SECTION_WORDS)
        ):
            head, rest = body, ""
        else:
            return None, ""
    if len(head.split()) > 7 or head.strip().endswith("?") or _QUESTION_PREFIX.match(body):
        return None, ""
    for section, pattern in _SECTION_WORDS:
        if pattern.search(head):
            return section, rest.strip()
    if is_markdown or body.isupper() or not rest.strip():
        return "notes", rest.strip()
    return None, ""  # "Sarah: kept asking about X" - a label, not a new section


def _inline_label(line: str) -> bool:
    head, sep, rest = _BULLET.sub("", line).partition(":")
    return bool(sep and rest.strip() and len(head.split()) <= 3 and not _QUESTION_PREFIX.match(line) and "?" not in head)


def _classify(item: str, section: Section) -> Section:
    if section in ("probed", "flat"):
        return section
    if _FLAT_HINT.search(item):
        return "flat"
    looks_like_question = item.rstrip(")").rstrip().endswith("?") or bool(_QUESTION_PREFIX.match(item))
    if section == "questions" or looks_like_question:
        return "questions"
    if _REPEAT_HINT.search(item):
        return "probed"
    return "notes"


def _mentions(item: str, default: int) -> int:
    best = 0
    for m in _COUNT.finditer(item):
        if m.group("word"):
            best = max(best, _WORD_COUNTS.get(m.group("word").lower(), 3))
        else:
            best = max(best, int(m.group("a") or m.group("b") or m.group("c")))
    return max(best, default) if best else default


def _clean(text: str) -> str:
    text = _COUNT.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" .,:;!-–—\"'")
    text = re.sub(r"^(?:the|a|an|my|our)\s+", "", text, flags=re.I)
    words = text.split()
    return " ".join(words[:10])


def _topic_text(item: str) -> str:
    text = _QUESTION_PREFIX.sub("", item)
    text = _LEAD_IN.sub("", text, count=1)
    text = re.sub(r"\s*(?:again and again|over and over|repeatedly|again)\b", "", text, flags=re.I)
    return _clean(text.rstrip("?"))


def _flat_topic_text(item: str) -> str:
    text = _TRAILING_VERDICT.sub("", item)
    text = _FLAT_LEAD_IN.sub("", text, count=1)
    text = _LEAD_IN.sub("", text, count=1)
    return _clean(text.rstrip("?")) or _clean(item)


def topic_id(name: str) -> str:
    words = [w for w in tokens(name) if w.isascii()]
    slug = "_".join(re.sub(r"[^a-z0-9]+", "", w) for w in words[:4]).strip("_")
    return f"topic.{slug or 'general'}"


def _add_topic(
    topics: list[DebriefTopic], name: str, line: str, mentions: int, reason: str, bank: QuestionBank
) -> None:
    if not name:
        return
    tid = topic_id(name)
    for topic in topics:
        if topic.id == tid or (topic.reason == reason and similarity(topic.name, name) >= 0.5):
            topic.mentions += mentions if reason == "probed" else 0
            if line not in topic.notes:
                topic.notes.append(line)
            return
    topics.append(
        DebriefTopic(
            id=tid,
            name=name,
            reason=reason,  # type: ignore[arg-type]
            mentions=mentions,
            competencies=bank.competencies_for_text(f"{name} {line}"),
            notes=[line],
        )
    )


def _infer_repeated_competencies(topics: list[DebriefTopic], questions: list[str], bank: QuestionBank) -> None:
    """Two or more questions on one competency are a repeated probe, even if the notes do not say so."""
    by_competency: dict[str, list[str]] = {}
    for question in questions:
        for comp in bank.competencies_for_text(question, limit=1):
            by_competency.setdefault(comp, []).append(question)
    covered = {c for t in topics if t.reason == "probed" for c in t.competencies[:1]}
    for comp, asked in by_competency.items():
        if len(asked) < 2 or comp in covered:
            continue
        topics.append(
            DebriefTopic(
                id=f"topic.{comp}",
                name=bank.competency_name(comp),
                reason="inferred",
                mentions=len(asked),
                competencies=[comp],
                notes=asked,
            )
        )


# --- into the ledger -----------------------------------------------------------------


def apply_debrief(ledger: Ledger, debrief: Debrief) -> Ledger:
    """Each round-one topic becomes an open ledger entry (a resolved one reopens); returns a new ledger.
    Importing the same notes twice changes nothing."""
    ledger = ledger.model_copy(deep=True)
    if any(d.get("digest") == debrief.digest for d in ledger.debriefs):
        return ledger
    at = debrief.imported_at
    for topic in debrief.topics:
        why = {
            "probed": f"interviewers came back to it {topic.mentions} times",
            "inferred": f"{topic.mentions} round-one questions on it",
            "fell_flat": "an answer that fell flat in round one",
        }[topic.reason]
        evidence = WeakEvidence(
            answer_id="round1",
            question_id="debrief",
            question=next((n for n in topic.notes if n.rstrip().endswith("?")), topic.notes[0] if topic.notes else ""),
            score=float(topic.mentions),
            threshold=2.0,
            quotes=topic.notes[:3],
            detail=why,
        )
        entry = ledger.entries.get(topic.id)
        note = "imported from round-one notes"
        if entry is None:
            entry = LedgerEntry(
                id=topic.id, kind="debrief", name=topic.name, source="debrief", competencies=topic.competencies,
                advice=_debrief_advice(topic), opened_at=at, updated_at=at,
            )
            ledger.entries[topic.id] = entry
        elif entry.status == "resolved":
            entry.reopened += 1
            note = "reopened: raised again in interview notes"
        entry.status = "open"
        entry.passes = []
        entry.count = topic.mentions
        entry.severity = min(1.0, topic.mentions / 4.0) if topic.reason != "fell_flat" else 0.5
        entry.evidence = [evidence, *[e for e in entry.evidence if e.answer_id != "round1"]][:6]
        entry.updated_at = at
        entry.history.append(LedgerEvent(at=at, outcome="imported", score=float(topic.mentions), status_after="open", note=note))
    ledger.debriefs.append(
        {
            "source": debrief.source,
            "digest": debrief.digest,
            "imported_at": debrief.imported_at.isoformat(),
            "questions_asked": debrief.questions_asked,
            "fell_flat": debrief.fell_flat,
            "topics": [t.id for t in debrief.topics],
        }
    )
    return ledger


def _debrief_advice(topic: DebriefTopic) -> str:
    if topic.reason == "fell_flat":
        return "Rebuild this answer as one STAR story with a number in the result, and rehearse it aloud."
    return (
        "They kept asking, so your answer has not satisfied them yet: prepare a specific story and bring "
        "tangible proof (work sample, reference, numbers)."
    )
