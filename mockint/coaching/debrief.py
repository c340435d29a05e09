"""Round-one debrief: turn notes from a real first interview, as people write them, into weak areas.

Notes come as bullets, numbered lists, emoji checkmarks, headings ("## Went badly", "Weak
answers:") or none, "Q:" lines, "topic: how it went" lines, and prose ("He kept coming back to
exactly-once delivery and I didn't have a good answer."). From each line we take:
  - the topics the interviewers asked about, each a short noun phrase (coaching/phrases.py),
    found after a cue ("asked about", "kept coming back to", "I fumbled the", "pressed on"), as
    the subject of a verdict ("Caching strategy went fine"), or as a list item under a heading;
  - how it went: a verdict in the clause, after it ("- ok", "-> weak", ": couldn't name a
    framework"), in the next sentence ("My answer was vague."), from an emoji or a heading;
  - how often they came back to it ("twice", "(x3)", "kept asking").
Topics probed repeatedly are the employer's concerns (a career coach's rule of thumb: when they
keep asking about an area, your answer has not satisfied them yet); answers that went badly are
concerns too. Both become weak areas; topics that went fine are only listed as discussed.
Questions quoted as asked ("Why do you want to leave?") are kept; two or more on one competency
count as a repeated probe.

When the reading is doubtful (a topic taken out of a long sentence, a name made from a question,
"ok but too long"), the topic is marked `sure=False` with the doubt in words; `mockint debrief`
shows it and asks, or with --yes keeps only what is sure. Measured on 17 notes written before this
parser (tests/data/debrief_notes.yaml): see tests/test_debrief_notes.py.

Parsing is pure: the CLI reads the file (mockint.userfiles).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import Field

from mockint.coaching import phrases
from mockint.coaching.questions import QuestionBank, tokens
from mockint.coaching.weakness import (
    MAX_EVIDENCE,
    ROUND_ONE,
    AreaKind,
    FeedbackReading,
    Ledger,
    LedgerEntry,
    LedgerEvent,
    WeakEvidence,
)
from mockint.records import Model, utc_now
from mockint.scoring.kinds import DEFAULT_KIND, classify_topic, topic_words
from mockint.scoring.lexicon import word_classes

Section = Literal["bad", "good", "repeated", "questions", "topics", "next", "todo", "not_asked", "none"]
Reason = Literal["probed", "forewarned", "fell_flat", "inferred", "discussed"]

# A line wrapped by an editor is at least this share of the longest line's length.
WRAPPED_SHARE = 0.75
LONG_SENTENCE_WORDS = 30  # a run-on sentence: topics taken out of it are doubtful
QUESTION_WORDS = 25  # a question quoted in the notes, before what came of it
SHORT_ASKED_WORDS = 5  # "asked how I check": how a topic before it was asked, naming nothing of its own

# Round two as notes write it ("round 2", "Rd 2", "rnd two"), and a length in minutes ("10 min", "(20-30 mins)"): parts of
# the patterns below.
_ROUND_TWO = r"(?:round|rnd|rd)\s*(?:2|two)"
_MINUTES = r"\(?\s*\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minutes?)\)?"
# The panel's coming back to a topic ("kept coming back", "keeps going back"), how they felt the candidate came across
# ("felt you were"), and a doing after "you" ("you'd", "you can"): parts of the cues and of the readings beside them.
_KEPT_COMING_BACK = r"(?:kept|keeps|keep)\s+(?:coming|going|circling)\s+back"
_FELT_YOU_WERE = r"(?:felt|feels|thought|thinks|worried)\s+(?:that\s+)?(?:you|i)\s+(?:were|was|are|'re)"
_WOULD_DO = r"(?:'d|'ll|\s+(?:can|could|would|will|might))"
# How long round two is, before what it holds: "90 min: presentation ...", "~2 hrs -"
_ROUND_LENGTH = re.compile(r"^~?\s*\d+\s*(?:min|mins|minutes|hr|hrs|hours?)\s*(?::|-+|,)\s*", re.I)

_SECTIONS: list[tuple[Section, re.Pattern[str]]] = [
    # what round one left out, under a label of its own: "NOT asked: safety culture, rota planning" (a bingo club manager's
    # notes: listed as questions asked, then as topics discussed)
    ("not_asked", re.compile(r"^(?:not|never|didn'?t|did\s+not)\s+(?:get\s+)?(?:asked|ask|covered|cover|come\s+up|came\s+up|"
                             r"discussed)(?:\s+(?:about|me|on))?$", re.I)),
    # the candidate's own to-dos, under a heading of their own: "## To do" then "get valuation example from Millbrook job -
    # ask Gary for the figures", "shorten supplier story. STAR. end w/ result" (a roofing supervisor's and a school
    # kitchen manager's notes: read as topics that came up in the interview, "ask Gary for the figures" and "STAR" among them)
    ("todo", re.compile(r"^(?:my\s+)?(?:to[- ]?dos?(?:\s+list)?|actions?(?:\s+points?)?|next\s+steps|homework|"
                        r"things\s+to\s+(?:do|work\s+on|practi[sc]e|read\s+up(?:\s+on)?|prep(?:are)?))$", re.I)),
    # what round two holds, listed under its own heading: "Round 2 prob:" then 'probably a presentation? "first 90 days" -
    # Priya hinted' (a home care coordinator's notes: read as a topic that came up in round one)
    # what they said is no worry: "NOT a concern: cash handling - Dawn said they were happy w/ that" (a car wash manager's
    # recruiter: read as a topic they came back to, drilled first)
    ("good", re.compile(r"^(?:not|no|none)\s+(?:a\s+|an\s+|any\s+|real\s+)?(?:concerns?|worr(?:y|ies)|issues?|problems?)\b", re.I)),
    ("next", re.compile(r"^(?:" + _ROUND_TWO + r"|r2|"
                        r"(?:the\s+)?(?:second|2nd|next|final)\s+(?:round|stage|interview)|"
                        r"stage\s*(?:2|two))\b", re.I)),
    ("bad", re.compile(r"went badly|badly|\bweak|fell flat|\bflat\b|struggl|fumbl|\bpoor|could have gone|didn'?t go well|"
                       r"not so well|to improve|improve|\bbad\b|mistakes|regrets|❌", re.I)),
    ("repeated", re.compile(r"\bkept\b|\bkeep\b|came back|coming back|again|repeated|probed|probing|pressed|follow.?ups?|"
                            r"dug into|concerns?\b", re.I)),
    # ... "went ok: fraud, ombudsman complaint, why leave (...)" (a conveyancing team leader's notes: only the first read)
    ("good", re.compile(r"went well|\bwell\b|\bgood\b|\bstrong|nailed|\bwins?\b|✅|went (?:ok|okay|fine|alright|all right)\b|"
                        r"\bpositives?\b", re.I)),
    ("topics", re.compile(r"(?:asked|talked|questions?)\s+(?:me\s+)?about", re.I)),
    ("questions", re.compile(r"questions?\b|they asked|\basked\b|q&a|interview q", re.I)),
    ("topics", re.compile(r"topics?\b|covered|discussed|talked about|areas?\b|notes?\b|misc|other|summary|themes?", re.I)),
]
_LABEL_FILLERS = {"answers", "answer", "examples", "example", "the", "that", "what", "things", "thing", "stuff", "my",
                  "they", "me", "i", "went", "go", "did", "were", "was", "round", "one", "two", "1", "2", "interview",
                  "and", "or"}
_HOW_MANY = {"a", "few", "some", "couple", "of", "most", "all", "several", "many", "lot", "lots", "these", "those", "his",
             "her", "our", "your", "their", "questions", "question"}
# A heading over notes added later, which names no topic of its own.
_ADDED_LATER = re.compile(r"^(?:added|adding|remembered|later|update[ds]?|edit(?:ed)?|more|also|p\.?s\.?|things i "
                          r"(?:remembered|forgot))\b", re.I)
_ADDED_LATER_DASH = re.compile(r"^(?:forgot (?:this|that|one|to (?:say|add|mention)(?: this)?)|remembered(?: this| one)?|"
                               r"also|added|oh and)\s*[-–—]+\s+(?=\S)", re.I)
# A question the notes say was not put: "they didn't ask directly", "never asked it".
_ASKED_ABOUT = re.compile(r"\basked\s+(?:me\s+|us\s+)?(?:about|for|what|how|why|whether|if)\b", re.I)
# An exercise named before what it is about: "scenario: ...", "presentation (10 mins): ...", "role play - 15 min: ...".
# ("practical: shoe a hosp horse w/ Helen watching": a farrier's round two, read as a topic "practical")
_EXERCISE_LABEL = re.compile(r"^(?:\d+\s*(?:min|mins|minutes?)\s+)?(scenario|case study|role[- ]?play|presentation|"
                             r"practical(?:\s+(?:test|assessment|task|exercise))?|skills\s+test|trade\s+test)"
                             r"(?:\s*" + _MINUTES + r")?$", re.I)
_SCENARIO_CUE = re.compile(r"\b(?:scenario|case study|role\s*play|exercise|task)\b", re.I)
_ASKED_WHICH = re.compile(r"^(?:they\s+|he\s+|she\s+)?asked\s+(?:me\s+|us\s+)?(?:which|what|how|why|when|whether|if|who)\b", re.I)
# The candidate's own questions for the panel, at the end: a topic of its own (END_QUESTIONS_TOPIC); not "Q at end: why
# lead, why now", the panel's last question.
_END_QUESTIONS = re.compile(r"\bmy\s+(?:\w+\s+)?(?:qs?|questions?)\b|"
                            r"\b(?:qs?|questions?)\s+(?:i\s+(?:asked|had)|for\s+(?:them|the\s+panel|the\s+interviewers?)|"
                            r"to\s+ask\s+(?:them|the\s+panel))\b|"
                            r"\b(?:didn'?t|did\s+not)\s+ask\s+(?:them\s+|the\s+panel\s+)?(?:a\s+|any\s+)?"
                            r"(?:good\s+|great\s+|decent\s+|proper\s+|real\s+)?(?:qs?|questions?)\b", re.I)
END_QUESTIONS_TOPIC = "your questions for the panel"
# ... but not questions the clock left unasked, nor ones to prepare: "[ ] didn't get to ask my questions", "Q3 questions
# for them -> ran out of time", "prep Qs for them: CIP target for dept" (no topic, and a topic as the notes name it)
_NO_TIME_FOR_QUESTIONS = re.compile(r"\b(?:didn'?t|did\s+not|never)\s+get\s+to\b|\bran\s+out\s+of\s+time\b|\bno\s+time\b|"
                                    r"^\W*(?:prep(?:are)?|have|get|write|think\s+of|plan|bring|research)\b", re.I)
_NOT_ASKED = re.compile(r"\b(?:didn'?t|did not|never|not)\s+(?:\w+\s+)?ask(?:ed)?\b", re.I)
# What round two will hold, said as a label: "will cover: multi-site, P&L, food safety culture" under a round-two
# heading, or "R2 will cover: ..." (a butcher shop manager's notes: round two's topics lost).
_WILL_COVER = r"(?:will|'ll)\s+(?:cover|include|focus\s+on|ask\s+about|be\s+(?:on|about))"
# A label naming the next round, before what it holds ("Round 2 (next Thurs): ...", "Next round: ...").
_NEXT_ROUND_LABEL = re.compile(r"^(?:(?:" + _ROUND_TWO + r"|r2|(?:the\s+)?(?:second|2nd|next)\s+(?:round|stage|interview)|stage\s*(?:2|two))"
                               # "Round 2 expect: a presentation on ..." (an estate agency branch manager's notes: lost),
                               # "Round 2 they said: ...", and "Expect: reserves/GAG pooling, central services / top-slice,
                               # ..." (a school business manager's: the line dropped)
                               r"(?:\s+(?:expect(?:ed|ing)?|prob(?:ably)?|likely|prep|they said|they mentioned|" + _WILL_COVER + r"))?|"
                               r"expect(?:ed|ing)?|(?:they\s+|it\s+)?" + _WILL_COVER + r")(?:\s*\([^)]{0,30}\))?$", re.I)
# Who sits on a panel, named by a first name or a role: "Helen", "the COO (Mark?)", "area director".
# ("panel including CEO", "education/visitor experience lead": an aquarist's notes, read as what round two will ask about)
# ... "panel incl trust CEO + a chair of governors" (a school site manager's: a concern drilled as a story)
_PANEL_MEMBER = re.compile(r"^(?:(?:a\s+)?panel\s+(?:including|incl|with|of)\s+)?(?:the\s+|an?\s+|another\s+|maybe\s+)?"
                           r"(?:(?-i:[A-Z][a-z]+)|(?-i:[A-Z]{2,3})|trustees?|finance|governors?|"
                           r"(?:[\w/-]+\s+){0,2}(?:ceo|coo|cfo|cto|md|gm|hrbp|hr|director|manager|partner|lead|head|chair|"
                           r"chairman|chairwoman|chairperson)|(?:head|chair)\s+of\s+[\w ]+)"
                           r"(?:\s*\([^)]*\))?(?:\s+again)?(?:[.?!]\s*~?\s*\d+\s*(?:min|mins|minutes)?\.?)?\s*$", re.I)
# A round-two format said with its length before its subject: "presentation, 10 min:", "a task (20 mins) -".
_FORMAT_LABEL = re.compile(r"^(?:a\s+|an\s+)?(?:presentation|talk|task|exercise|case\s+study|in[- ]tray(?:\s+exercise)?)\s*"
                           r"(?:,\s*|\(\s*)(?:~\s*)?\d+\s*(?:min|mins|minutes?)\s*\)?\s*(?:[:\u2013\u2014-]|on\b)\s*", re.I)
# ... the "your" of its title (""Your first 90 days ..."") and the "more on" before a subject round two will go into
_YOUR_OWN = re.compile(r"^[\"\u201c']?\s*(?:your|my)\s+", re.I)
_MORE_ON = re.compile(r"^(?:a\s+(?:bit|lot)\s+|lots\s+|much\s+)?more\s+(?:on|about|around)\s+(?=\w)", re.I)
# A meeting or a visit in round two: "Meet 2 of the current team leads", "site tour", "lunch with the team".
_MEETING_PEOPLE = re.compile(r"^(?:meet|meeting|chat\s+with|coffee\s+with|lunch\s+with|(?:a\s+)?(?:site\s+|office\s+)?tour)\b",
                             re.I)
# A line naming who gave the feedback under it, and how: "recruiter (Tom, phone fri)", "Feedback from HR".
_WHO_SAID_HEADING = re.compile(r"^(?:the\s+|my\s+)?(?:recruiter|agency|hr|feedback)\b"
                               r"(?:\s+(?:call|feedback|email|from\s+\w+))?(?:\s*\([^)]{0,40}\))?\s*:?\s*$", re.I)
# A line naming round two and when, over what it holds.
_NEXT_ROUND_HEADING = re.compile(r"^(?:" + _ROUND_TWO + r"|r\s*(?:2|two))\b(?:\s*\([^)]{0,40}\))?"
                                 r"(?:\s*[-\u2013\u2014:,]?\s*(?:(?:next|this|on)\s+)?"
                                 r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*"
                                 r"|\s*[-\u2013\u2014:,]?\s*next\s+week)?\s*:?\s*$", re.I)
_BULLET = re.compile(r"^(?:[-*+•·–—>]+|\(?\d{1,2}[.):]|\(?[a-hA-H][.)]|\[[ xX]?\])\s+")
_MARKER = re.compile(r"^([✅✓✔👍❌✗✘👎])\s*")
_QUESTION_PREFIX = re.compile(r"^(?:(?:q|question\s*)\d+\s*[:.)-]?\s+|(?:q|question)\s*[:.)-]\s*)", re.I)
# Shorthand people write in notes.
_SHORTHAND = [(re.compile(p, re.I), r) for p, r in [
    # "w/o" before "w/": "influencing w/o authority" (a school kitchen manager's notes: "influencing with o authority")
    (r"\bw/o\b", "without"),
    # "R2 = case study (30 min prep ...)", "R2 will cover: MI/ data, supplier performance" (the claims team leader's notes:
    # a topic "R2", and round two's list lost)
    (r"\br2\s*=\s*", "round 2: "), (r"\br2\b", "round 2"),
    # "ops <-> sales handover" (an events venue duty manager's notes: the topic "ops", asked of an answer on the handover)
    (r"\s*<-+>\s*", " and "),
    (r"\babt\b", "about"), (r"\bw/\s*", "with "), (r"\bb/c\b", "because"),
    # "good ans - the ejection policy", "tell me about yrself", "jokes about the foam pit lol" (a trampoline park duty
    # manager's notes: the topics "good ans", "yrself" and "foam pit lol")
    (r"\bans\b", "answer"), (r"\byrself\b", "yourself"), (r"\s+(?:lol|haha|lmao)\b", ""),
    (r"\bconvo\b", "conversation"),
    # "prob a scenario / presentation?", "prob. mgmt of supervisors" (a roofing supervisor's round-two notes: a topic "prob",
    # asked as "They said round two will ask about prob"); "prob solving" stays a problem
    # (the hedge dropped, as _HEDGE drops "probably")
    (r"\bprob(?:\.\s*|\s+(?=(?:a|an|the|some|more|be|will|going|gonna|on|about|around)\b))", ""),
    # "$$ - asked about variations + valuations. WEAK." (the same notes: the money question, their main concern, lost)
    (r"(?<!\S)\${2,}(?!\S)", "money"),
    # "walk me thru a typical residential wk" and "**weather calls**" (an outdoor centre instructor's notes: a topic
    # "walk", and the topic they came back to three times lost)
    # (only as a question's opening: "talked thru price vs volume" is what the candidate said, no topic)
    (r"\b(walk|talk|take) (me|us) thru\b", r"\1 \2 through"), (r"\*\*([^*]+)\*\*|__([^_]+)__", r"\1\2"),
    # "2nd rd = Mark + regional director" (a vet practice head receptionist's notes: a topic "2nd rd", drilled)
    # ... and "Rd 2 will cover: ...", "rnd 2 will cover: ..." (a car hire supervisor's and a hospital laundry supervisor's
    # notes: round two's topics read as round one's, or lost)
    (r"\b(1st|2nd|3rd|first|second|final|next) rd\b", r"\1 round"), (r"\brn?d(?=\s*[123]\b)", "round"),
    # "re" as a word, not the end of "you're" ("when you'about two staff down", a nurse's notes)
    (r"(?<![\w'’])re:?\s+(?=[a-z])", "about "), (r"[\"“”]", ""),
    # a retailer's compound, which read as a place ("on shelf availability": no topic read in)
    (r"\bon shelf\b", "on-shelf"),
    # "CFO-type q on budgets: ..." (a school business manager's notes: the concern "CFO-type q on budgets")
    (r"^(?:[\w-]+[- ]type\s+)?(?:q|qs)\s+(?:on|about)\s+(?=\w)", ""),
    # what their doubts were, said after them: "Plant room & budget were the two flags" (a recruiter's call in an ice rink
    # supervisor's notes: no topic read in)
    (r"(?:^|(?<=[.!?;] ))([^.!?;]{3,60}?)\s+(?:were|was)\s+(?:the\s+|their\s+|his\s+|her\s+)?"
     r"(?:(?:two|three|main|big|biggest|key|real|only)\s+)*(?:red\s+)?(?:flags?|concerns?|worries|gaps?|question\s+marks?)"
     r"(?=\s*(?:[.!?;]|$))", r"they were worried about \1"),
    # a topic's answer judged after it: "remote leadership answer thin" (a butcher shop manager's notes, under "Went badly":
    # no topic read in); "thin" alone is no verdict ("what if it's thin by the goalmouths": the ice)
    # ... "safeguarding answers felt reactive not strategic" (a recruiter's call in an outdoor centre deputy's notes: no topic)
    (r"^(.{3,50}?)\s+(?:answer|answers|response|example|story)\s+(?:was\s+|were\s+|felt\s+|seemed\s+|sounded\s+)?"
     r"(?:a\s+bit\s+|too\s+|very\s+|really\s+|quite\s+|pretty\s+)?(?:thin|weak|vague|poor|waffly|rambly|light|shaky|wobbly|"
     r"generic|reactive|rehearsed|scripted|textbook|superficial|shallow)\b(?:[^.!?]*)[.!]*$", r"\1 - weak answer"),
    # "school group complaints? prob" (the same notes: a topic "prob"): the hedge after a topic
    (r"(?<=\?)\s*prob(?:ably)?\.?\s*$", ""),
    # ... and what to bring next time, which the answers lacked: "Come with numbers", "bring numbers" (the same call, and a
    # butcher shop manager's: the topic "Come with numbers", read as gone well)
    (r"(?:^|(?<=[.!?;] )|(?<= - ))(?:(?:come|turn up)\s+with|bring)\s+"
     r"(?=(?:more\s+|some\s+|real\s+|hard\s+|your\s+)?(?:numbers|figures|data|metrics|examples|evidence)\s*(?:[.!?;]|$))",
     "they wanted more on "),
]]


# What the candidate said, quoted, is how they answered, not a topic: 'I fluffed the numbers, said "depends on the PDR".
# she pushed twice' (a demolition supervisor's notes: a weak area "PDR", asked about twice). Not what someone else said
# ('she said "we need budgets"'), which may name one.
_SAID_BY_ME = re.compile(r"(?:^|(?<=[,;] )|(?<=- )|(?<=\bi ))said\s+[\"\u201c][^\"\u201d]{1,80}[\"\u201d]", re.I)


def _written_out(text: str) -> str:
    """`text` with the notes' shorthand written out (_SHORTHAND), as items are read, and the candidate's own words quoted
    as said (_SAID_BY_ME) left unread."""
    text = _SAID_BY_ME.sub("said it", text)  # before the shorthand, which takes quote marks out
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    return text


_QUESTION_FORM = re.compile(
    r"^(?:tell me|describe|walk me|talk me|give me|why|how|what|when|where|who|which|have you|do you|did you|"
    r"can you|could you|would you|are you|were you|is there)\b",
    re.I,
)
# Where a topic's verdict or repeat count follows it: "X - ok", "X -> weak", "X: decent answer", "X? fine".
_COMMENT_SPLIT = re.compile(r"\s+(?:-+>|=>|[-–—|]+)\s+|(?<=\?)\s+|:\s+")
# "Priya (EM): ..." names who asked; the rest is the note.
_SPEAKER = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*\([^)]{1,30}\)\s*:\s+|^(?:[A-Z][a-z]+)(?:\s+again)?\s*:\s+(?=[a-z\"\u201c])"
                      # ... or by their role's letters, with or without a name: "HR Jo: conflict w/ a colleague ... went on
                      # too long", "HR: conflict w/ a fitter" (a harbour technician's and a bus depot supervisor's notes: a
                      # weak area "HR Jo", drilled, and the conflict story lost)
                      r"|^(?:HR|HRBP|MD|GM|CEO|COO|CFO|CTO|FD)(?:\s+[A-Z][a-z]+)?(?:\s+again)?\s*:\s+"
                      # ... or by one letter: "D: tendering - ever priced a job? -> no ... weak" (a demolition supervisor's
                      # notes, its panel "Gareth (ops director), Priya (HSQE mgr), Dan from commercial": a weak area "D")
                      # (not "Q:" or "A:", a question and its answer)
                      r"|^(?-i:(?![AQ])[A-Z])(?:\s+again)?\s*:\s+")
# ... or by the initials of a name the notes give in full: "panel: Karen Doyle (Centre Mgr), Dev Patel (Head of Ops)", then
# "KD: why leave current site", "DP again: SIA licensing - ... fine" (a shopping centre security supervisor's notes: "DP"
# a weak area "they came back to", drilled, and SIA licensing, which went fine, read as asked twice)
_FULL_NAME = re.compile(r"\b([A-Z])[a-z]+\s+([A-Z])(?:[a-z]+\b|\b\.?)")  # "Karen Doyle", "Fiona R (Centre Director)"


# ... and a name given with a role, that is also a word: "Mark (group ops mgr)", then "Mark: P&L experience?? ... fumbled"
# (a vet practice head receptionist's notes: a weak area "Mark", drilled)
# ... or with a surname's initial: "Priya S (contract officer, council client side)", then "Priya: PCN appeals - ..." (a
# parking team leader's notes: a weak area "Priya")
_WITH_ROLE = re.compile(r"\b([A-Z][a-z]+)(?:\s+(?-i:[A-Z])\.?)?\s*\([^()]{0,30}\b(?:mgr|manager|director|hr|head|lead|ops|ceo|cto|cfo|coo|md|gm|chair|"
                        r"recruiter|partner|clinical|officer|supervisor|governor|principal|matron|owner)\b[^()]{0,30}\)", re.I)


SHORTENED_NAME = 3  # the fewest letters of a name that still name its owner: "Deb" for Deborah, not "De"


def _initials_speaker(text: str) -> Callable[[str], str] | None:
    """What takes who asked out of a line: its opening "KD:", "DP again:" or "Mark:", for the initials of each name the
    notes give in full and each name given with a role; and "FR" as who did something ("managing former peers - FR asked
    ... - waffled": the topic lost) read as "they"."""
    initials = sorted({first + last for first, last in _FULL_NAME.findall(text)})
    named = sorted({m.group(1) for m in _WITH_ROLE.finditer(text)})
    if not initials and not named:
        return None
    # ... and a lone initial of a name given with its role, where no other name shares it: "Panel: Gareth (Ops Dir), Priya
    # (Compliance Mgr)" then "P: audit scenario - a site fails a compliance spot check", "G kept on about consistency" (a
    # car wash manager's notes: a round-two topic "P", the consistency lost)
    firsts = [name[0] for name in named]
    initials = sorted({*initials, *(letter for letter in firsts if firsts.count(letter) == 1)})
    # ... and a name shortened as notes shorten it: "Panel: Deborah K (Regional Ops Mgr)", then "Deb: H&S - how do you
    # manage pickle / acid + torch safety" (a jewellery workshop supervisor's notes: a topic "Deb" that went fine)
    shortened = [name[:SHORTENED_NAME] + "".join(f"(?:{letter}" for letter in name[SHORTENED_NAME:])
                 + ")?" * (len(name) - SHORTENED_NAME) for name in named if len(name) > SHORTENED_NAME]
    opening = re.compile(r"^(?:" + "|".join(initials + named + shortened) + r")(?:\s+again)?\s*:\s+")
    subject = re.compile(r"\b(?:" + "|".join(initials) + r")(?=\s+(?:again\s+|also\s+)?(?:" + _PANEL_DID + r")\b)") \
        if initials else None
    return lambda line: subject.sub("they", opening.sub("", line)) if subject else opening.sub("", line)
# Who the interviewers were, by name: "panel = Gareth (site GM) + Priya (HR BP)", "FD (Helen)", "Helen said", "Priya asked
# twice". A name is never a topic (a trial's notes made "Gareth" a weak area the plan drilled: "One answer fell flat in
# round one: Gareth"), nor is a short one ("Jo"). A capitalised word the lexicon knows ("Safety (H&S)") is no name.
# A name's role in brackets before what they did: "Jo (HR) asked about managing change" reads as "Jo asked about ..." (a
# trading standards team leader's notes made "Jo" a weak area the plan drilled, and managing change was lost).
_PANEL_DID = (r"said|asked|nodded|kept|pushed|pressed|probed|mentioned|told|interrupted|challenged|wanted|seemed|"
              r"came back|grilled|quizzed|liked|"
              # "overran on first answer, DP looked at clock" (a butcher shop manager's notes: a topic "DP")
              r"looked|glanced|frowned|smiled|laughed|wrote|opened")  # what an interviewer named in the notes did
_NAME_ASIDE = re.compile(r"\b([A-Z][a-z]+)\s*\([^()]{1,30}\)(?=\s+(?:" + _PANEL_DID
                         + r"|dug|drilled|focus(?:s)?ed|questioned|followed up|went back)\b)")
_NAMED_PERSON = re.compile(
    # (a first name too: "Dev Patel (Head of Ops)", then "camera kept freezing on Dev's side", a weak area "Dev's")
    r"\b([A-Z][a-z]+)\s*\((?!\d)[^)]{1,40}\)|\b([A-Z][a-z]+)(?=\s+[A-Z][a-z]+\s*\((?!\d)[^)]{1,40}\))|\(([A-Z][a-z]+)\)|"
    r"\b([A-Z][a-z]+)\s+(?:" + _PANEL_DID + r"|smiled)\b")
# Not after an abbreviation that goes on (see _ABBREVIATIONS)
# (not after an initial: "knew E. coli O157 guidance cold", a butcher shop manager's notes: a topic "coli O157 guidance cold")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\b[A-Z]\.)\s+")
# Abbreviations written out, so that a topic's name reads on past them: "managing a team of 15 dispatchers incl. night
# shift, and on handling a driver who refuses an assistance dog" (a taxi dispatch supervisor's notes: the topic cut at
# "incl", the second one lost)
_ABBREVIATIONS = {"incl": "including", "approx": "about", "esp": "especially"}
_ABBREVIATION = re.compile(r"\b(" + "|".join(_ABBREVIATIONS) + r")\.(?=\s+[a-z0-9])", re.I)
_CLAUSE_SPLIT = re.compile(
    r",?\s+(?:and then|then|plus)\s+|;\s*|,\s*(?=(?:which|but|though|although|and)\b)|\s+but\s+|"
    # "+" as notes write "and": a new clause only before its subject ("a scenario + they'll probe on ..."), not in a
    # list ("report to pharmacist + accountable officer")
    r"\s+(?:and|\+)\s+(?=(?:i|i've|i'd|he|she|they|we|it)\b)|"
    # ... and an arrow before one: 'Steve said "we need someone who can manage managers" -> they want more on leading
    # shift managers' (a parcel depot team leader's notes: the line was lost whole)
    # (not before what the candidate did: "disagreement w/ prescriber -> I used the gentamicin story, she pushed on ...")
    r"\s+(?:-+>|=>|\u2192)\s+(?=(?:they|he|she)(?:'ll|\s+(?:want|wants|need|needs|will|would|expect|expects))\b)|"
    # ... and what the candidate said back: "Steve asked what our callback rate was, I said "not many"" (a plumbing
    # supervisor's notes: no topic read in)
    r",\s*(?=i\s+(?:said|answered|replied|told (?:him|her|them))\b)|"
    # ... and before what they want to see: "they liked your technical depth, want to see you think like a manager" (a
    # recruiter's call in an aquarist's notes, and in a revenues team leader's summary: "strong on council tax, need to see
    # more on benefits")
    r",\s*(?=(?:(?:they|he|she)\s+)?(?:need|needs|want|wants|would\s+like)\s+(?:to\s+(?:see|hear|know|show)|more)\b)|"
    # ... and before who doubted what: "they liked your hands-on stuff, the vet wasn't sure you'd take direction" (a
    # farrier's recruiter: no topic read in)
    r",\s*(?=(?:the\s+|my\s+|his\s+|her\s+|their\s+)?[\w-]+\s+(?:wasn'?t|weren'?t|was\s+not|were\s+not|isn'?t|is\s+not)\s+"
    r"(?:really\s+|quite\s+|fully\s+)?(?:sure|convinced)\b)",
    re.I,
)
# A summary line ("Gut feel: strong on clinical/mentoring, weak on governance") is also cut before each verdict.
_SUMMARY_CLAUSE_SPLIT = re.compile(
    _CLAUSE_SPLIT.pattern + r"|,\s*(?=(?:weak|weaker|strong|stronger|shaky|vague|good|ok|fine|poor|(?:less|not\s+very|not)\s+"
    r"convincing|unconvincing)\s+(?:on|at|about|with)\b)",
    re.I,
)
# (never inside brackets: "why leave (growth, want dept mgmt not just team)" is one item with its aside)
_LIST_SPLIT = re.compile(r"(?:[,;]\s*(?:and\s+|then\s+)?|\s+and\s+|\s+&\s+)(?![^()]*\))", re.I)
_SUBJECT = (
    r"(?:(?:they|he|she|we|i|both(?: of them)?|the panel|panel|[A-Z][a-z]+|"
    r"(?:the |my |our |their |other )?(?:\w+ ){0,2}(?:interviewers?|lead|manager|mgr|engineer|eng|recruiter|cto|vp|"
    r"director|em|pm|hr|architect|founder))\s+)?"
)
# Who asked, before an explicit cue ("asked twice about", "kept coming back to", "seemed unconvinced
# about"): any role, in any occupation, up to four words ("The head", "Director of nursing", "The ops
# director", "One of the governors"). Trial 4's "The head asked twice about how I'd handle underperforming
# staff" was dropped whole: "head" was not among the role words. Only before a cue, which names the verb
# itself; a bare verb before a preposition (_VERB_CUE) keeps the narrow subject.
_CUE_SUBJECT = r"(?:(?:[\w'&/-]+\s+){1,4}?)?"
_ADVERBS = r"(?:(?:really|also|then|just|only|completely|totally|kind of|sort of|probably|definitely|mostly|again)\s+)*"
# A cue, then the topic(s). The kind says what the cue itself tells: asked (neutral), repeated, bad or good.
_NOUN_CUE = re.compile(
    # ... said as what the next round is: "expect a presentation on ...", "Round 2 = 10 min presentation on improving staff
    # retention", "they said it's a presentation (10 min) on ..." (a care home deputy's and a trading standards team
    # leader's notes: what round two will ask, no topic read in)
    r"^(?:(?:(?:they )?said )?(?:expect(?:ing)?|there'?ll be|there will be|it'?s|it is|"
    r"(?:round (?:2|two)|r2|second round|next round|next stage)\s*(?:is|=|will be)?)\s+)?"
    r"(?:(?:a|an|the|some|lots of|a lot of|a few|more|many|follow-up|long|big)\s+)*"
    r"(?:\d+\s*-?\s*(?:min|mins|minute|minutes)\s+)?(?:questions?|deep[- ]dives?|focus|"
    r"discussion|grilling|chat|conversation|emphasis|back and forth|probing|drilling|"
    # a part of the interview given to it: "technical section on variances, accruals and forecasting" (a trial: no topic)
    r"(?:(?:technical|competency|practical|written|case|scenario|data|numeracy)\s+)?"
    r"(?:section|test|exercise|case study|presentation|task))(?:\s*\([^()]{1,20}\))?"
    r"\s+(?:on|about|around|into|regarding)\s+",
    re.I,
)
# A line about the next round: its "section on X" is what round two will ask about, not what round one did.
_NEXT_ROUND = re.compile(
    r"\b(?:they'?ll|they will|will be|" + _ROUND_TWO + r"|r2|second round|next round|next stage|next|"
    r"(?<!n't )(?<!nt )(?<!not )expect|it'?s a (?:\d+\s*-?\s*min\w*\s+)?presentation)\b", re.I)
# Any other verb before a preposition: "dove into X", "kept poking at X", "chatted about X".
_VERB_CUE = re.compile(
    rf"^{_SUBJECT}{_ADVERBS}(\w+)(?:\s+(\w+ing))?(?:\s+(?:me|us))?(?:\s+(?:a lot|a bit|lots|hard|again|more|deep|further))?"
    r"\s+(?:about|on|into|at|over|around|regarding|through)\s+",
    re.I,
)
_CUE_PATTERNS: list[tuple[str, str]] = [
    (kind, pattern)
    for kind, pattern in [
        # What the employer has said it will test in round two: "They'll probe on safety on site in the panel", "They'll
        # also ask about a time I disagreed with someone senior" (a graduate's trial: the first asked and dropped, the
        # second no topic at all). First in the list: "Expect questions on X" is no question asked.
        # ... "They said round 2 will be a presentation + ask about student engagement" (a student accommodation manager's
        # notes: no topic read in)
        ("forewarned", r"(?:(?:they|he|she|hr|the\s+recruiter)\s+said\s+)?(?:round\s+(?:2|two)|the\s+(?:second|next|final)\s+round|"
                       r"stage\s+(?:2|two))\s+(?:will|is\s+going\s+to)\s+(?:be\s+[\w\s-]{0,40}?\s*(?:\+|&|and|plus|then)\s+)?"
                       r"(?:also\s+)?(?:ask|probe|cover|focus|test|look\s+at|dig)(?:\s+(?:me|you|us))?\s+(?:about|on|into|around)?"),
        ("forewarned", r"(?:(?:they|he|she|you|the\s+panel|the\s+interviewers?|the\s+manager)"
                       r"(?:'ll|\s+will|\s+are\s+going\s+to|'re\s+going\s+to|\s+is\s+going\s+to|'s\s+going\s+to)|will)"
                       r"\s+(?:also\s+|probably\s+|definitely\s+|want\s+to\s+)?"
                       # ... "they'll go deeper on stakeholder management in round 2" (a tech lead's notes: no topic)
                       r"(?:probe|ask|dig|push|press|grill|test|quiz|drill|go\s+deeper|dig\s+deeper|go\s+further|focus|"
                       r"look\s+(?:more\s+)?(?:closely\s+)?at)(?:\s+(?:me|you|us|hard))?"
                       r"\s+(?:about|on|into|around|over)|"
                       # a recruiter's "Expect questions on a renewal you lost and on working with Product"
                       r"(?:expect|be\s+ready\s+for|prepare\s+for)\s+(?:some\s+|more\s+|a\s+)?(?:questions?|something|stuff|a\s+bit)\s+"
                       r"(?:on|about|around)|"
                       # ... "Expect them to probe on RTT clock rules, validation, and on managing a bigger team" (an
                       # outpatients booking lead's notes: no topic read in)
                       r"expect\s+(?:them|him|her|the\s+panel|the\s+interviewers?)\s+to\s+(?:probe|ask|dig|push|press|focus|"
                       r"go\s+deeper|grill|test|quiz)(?:\s+(?:me|you|us|hard|more))?\s+(?:on|about|into|around)|"
                       # ... and the round's make-up jotted as a sum: "Sharon said round 2 = presentation (10 min) on 'how would
                       # you reduce the waiting list in ENT' + panel qs" (the same notes)
                       r"(?:round\s+(?:2|two)|next\s+round|second\s+round)(?:\s+(?:they|he|she)\s+said)?\s*[=:]\s*(?:a\s+)?"
                       r"(?:presentation|task|exercise|"
                       r"case\s+study|test|scenario|role\s*play)(?:\s*\([^)]{0,20}\))?(?:\s+(?:on|about|around)|"
                       # ... its length said bare, the subject after it: "round 2 = presentation 10 min "first 90 days across
                       # 6 branches" + competency qs" (a post office branch supervisor's recruiter: no topic read in)
                       r"\s+\d+\s*(?:min|mins|minutes?)(?:\s+(?:on|about|around))?(?=\s+[\"\u201c']?\w))|"
                       # ... and what to expect in it jotted after a dash: "Expect: a scenario - peak week, 15% drivers
                       # no-show, client threatening penalties" (a parcel depot manager's notes: no topic read in)
                       r"expect\s*[:=-]?\s*(?:a|an)\s+(?:presentation|task|exercise|case\s+study|test|scenario|role\s*play)"
                       r"(?:\s*\([^)]{0,20}\))?\s*(?:[-:\u2013\u2014]\s*|\s+(?:on|about|around)\s+)|"
                       # what the next round is made of: "the Head of Early Help said round two will include a presentation
                       # on the first 90 days" (a youth work lead's notes: no topic read in)
                       r"(?:round\s+(?:2|two)|the\s+(?:next|second)\s+(?:round|interview|stage)|next\s+round)\s+"
                       # ... and said as now: "Tom said round 2 has a case study on a red account" (a customer success
                       # manager's notes: no topic read in)
                       r"(?:will|is\s+going\s+to|has|includes|involves|is)\s+(?:also\s+)?(?:(?:(?:include|involve|have|feature|be)(?:\s+(?:a|an|some))?|a|an|some)\s+"
                       # ... the subject, not the format alone ("round 2 will have a scenario + they'll probe on ...")
                       r"(?:presentation|task|exercise|case\s+study|test|scenario|role\s*play)\s+(?:on|about|around)|cover|focus\s+on)"),
        # "Maureen came back again to training" (a trial: "Maureen" read as the topic)
        ("repeated", r"(?:kept|keep|kept on)\s+(?:coming|going|circling)\s+back(?:\s+again)?\s+to|(?:came|come|went|circled)\s+back(?:\s+again)?\s+to"
                     r"|returned\s+to|kept\s+returning\s+to"),
        # "Raj went at food cost / GP hard" (a catering manager's notes: "came up", how it went not said)
        ("repeated", r"went\s+(?:at|after)(?=\s+[\w'&/ -]+?\s+hard\b)"),
        # ... "G kept on about consistency across sites" (a car wash manager's notes: no topic read in)
        ("repeated", r"(?:kept|keeps|went)\s+on(?:\s+at\s+me)?\s+about|"
                     r"(?:kept|keep)\s+(?:asking|probing|pushing|pressing|digging|grilling)(?:\s+me)?"
                     r"(?:\s+(?:about|on|into|at|around|over))?"),
        # ... "they probed twice on how I'd handle an underperformer" (a tech lead's notes: read as Answer length)
        ("repeated", r"(?:pressed|pushed|probed|drilled|dug|grilled|quizzed)(?:\s+me)?(?:\s+(?:hard|twice|again|repeatedly|"
                     r"a lot|more than once))?\s+(?:on|into|about|at|over)"),
        # "how"/"why" stay with the topic, which names a doing: "asked twice how i dealt with a poor performer" (a trial:
        # dropped whole); "asked 2 or 3 times how I'd challenge a budget holder" (the same: a topic "2")
        ("repeated", r"asked(?:\s+me)?\s+(?:twice|again and again|over and over|again|repeatedly|several times|multiple times|a few times|"
                     r"(?:\d+|two|three|four|five|six)(?:\s+or\s+(?:\d+|two|three|four|five|six))?\s+times)"
                     r"(?:\s+(?:about|on|for|what|whether)|(?=\s+(?:how|why)\b))"),
        ("asked", r"asked(?:\s+me)?(?:\s+(?:a lot|lots|a bit|a few questions|some questions|questions|a question|more|"
                  r"twice|again|repeatedly))?"
                  r"(?:\s+(?:about|on|around|regarding|re:?))?"),
        ("asked", r"(?:a few |some |lots of |a lot of |more |follow-up |many )?questions?\s+(?:about|on|around|regarding)"),
        ("asked", r"(?:talked|spoke|chatted)\s+(?:a lot\s+|a bit\s+)?(?:about|through)|discussed|covered|went\s+through|"
                  r"focused\s+on|dug\s+into|wanted\s+to\s+know(?:\s+about)?|were\s+interested\s+in|was\s+interested\s+in"),
        # ... and "I fumbled the question on budget" (a support lead's trial: read as a topic that came up, sure of it)
        ("bad", r"(?:fumbled|blanked|bombed|flubbed|botched|stumbled|struggled|rambled|messed\s+up|got\s+stuck|froze)"
                r"(?:\s+(?:the|my|a|an|that|their)\s+(?:question|questions|answer|answers|bit|part)(?=\s+(?:on|about|around|re)\b))?"
                r"(?:\s+(?:on|with|through|over|about|around|when asked about))?"),
        # ... "ran over time on fraud q, cut short on supplier q" (a claims team leader's notes: a topic "cut short on supplier")
        ("bad", r"(?:went\s+(?:way\s+)?too\s+deep|talked\s+too\s+long|ran\s+out\s+of\s+time|ran\s+over(?:\s+time)?|"
                r"(?:got\s+|was\s+)?cut\s+short)\s+(?:on|about|for|with)"),
        # ... "Dev felt you were light on commercial/budget" (a recruiter's call in a security supervisor's notes: lost)
        ("bad", r"(?:was|were|got)\s+(?:a\s+bit\s+)?(?:weak|vague|shaky|light|thin|caught off.?guard)\s+(?:on|about|with|by)"),
        # what the answer lacked, under "Went badly": "no numbers on budget recovery", "no real answer on X" (a school
        # kitchen manager's notes: read as a topic that came up, or none)
        ("bad", r"(?:had\s+|gave\s+)?(?:no|not\s+(?:much|enough|any)|zero)\s+"
                r"(?:real\s+|good\s+|clear\s+|proper\s+|concrete\s+|hard\s+)?"
                r"(?:numbers?|figures?|data|answers?|examples?|system|plan|idea|clue|stor(?:y|ies)|detail|specifics|"
                r"evidence|metrics|results?|outcomes?|structure)\s+(?:on|for|about|around|with|re:?)"),
        # ... and a mark at the bar: "borderline pass on Leadership" (the same call)
        ("bad", r"(?:a\s+)?(?:borderline(?:\s+pass)?|scored\s+(?:low|lowest)|lowest\s+(?:score|mark)|marked\s+down)"
                r"\s+(?:on|for|in)"),
        # "Dave not sure you're ready for commercial side" (a recruiter's call in a roofing supervisor's notes: lost)
        ("bad", r"(?:(?:is|was|were|are|seemed)\s+)?"
                r"(?:not\s+(?:really\s+|quite\s+)?sure|unsure|unconvinced|doubt(?:s|ed|ful)?)\s+"
                r"(?:if\s+|whether\s+|that\s+)?(?:you'?re|you\s+are|i'?m|i\s+am|i\s+was|you\s+were)\s+(?:quite\s+|really\s+)?"
                r"ready\s+(?:for|to\s+(?:take\s+on|run|lead|own|manage))"),
        # a recruiter's "strong on operations, less convincing on leading leaders" (a restaurant manager's notes: the
        # topic "less convincing on leading leaders", which merely came up)
        ("bad", r"(?:(?:was|were|seemed|sounded)\s+)?(?:less|not\s+very|not\s+so|not)\s+convincing\s+(?:on|about|with|when)|"
                r"(?:(?:was|were|seemed|sounded)\s+)?unconvincing\s+(?:on|about|with|when)"),
        # ... "never really answered the budget question (depot P&L, cost per parcel). blanked." (a parcel depot team
        # leader's notes: no topic read in)
        ("bad", r"(?:(?:didn'?t|did not|couldn'?t|could not)\s+(?:really\s+|properly\s+|fully\s+)?(?:explain|answer)|"
                r"never\s+(?:really\s+|properly\s+|fully\s+)?(?:explained|answered))"),
        # a doubt of what the candidate has done: "we weren't sure you've managed a contract at this scale" (a parking
        # services lead's HR feedback: no topic read in)
        ("bad", r"(?:weren'?t|were\s+not|wasn'?t|was\s+not|not)\s+(?:really\s+|quite\s+|fully\s+)?sure\s+(?:that\s+|whether\s+|if\s+)?"
                r"(?:you|i)(?:(?:'ve|\s+have|'d|\s+had|\s+could|\s+can|\s+would)?(?=\s+\w+ed\b|\s+(?:done|run|led|held|built)\b)|"
                # ... or would do: "the vet wasn't sure you'd take direction" (a farrier's recruiter: no topic read in)
                r"(?:'d|'ll|\s+would|\s+could|\s+can|\s+will)(?=\s+[a-z]+\b))"),
        # ... and how they felt you came across: "head of libs felt you were still thinking like a branch manager" (a library
        # branch manager's recruiter: no topic read in)
        ("bad", _FELT_YOU_WERE + r"(?:\s+(?:still|too|a\s+bit|too\s+much))?(?=\s+[a-z]+ing\b)"),
        # ... and their concern said as a doubt of what you can do: "concern is whether you can step up from one plant to
        # commercial thinking" (a dry cleaning supervisor's recruiter: no topic read in)
        ("bad", r"(?:the\s+|their\s+|his\s+|her\s+|main\s+|one\s+|big\s+|biggest\s+)*(?:concern|worry|doubt|question\s+mark)\s+"
                r"(?:is|was|'s)\s+(?:whether|if|that)\s+(?:you|i)" + _WOULD_DO + r"?(?=\s+[a-z]+\b)"),
        # ... or as what it is about: "Concern is commercial awareness + leading a bigger sales team" (a jewellery workshop
        # supervisor's recruiter: no topic read in)
        ("bad", r"(?:the\s+|their\s+|his\s+|her\s+|main\s+|one\s+|big\s+|biggest\s+|only\s+|key\s+)*(?:concern|worry)\s+"
                r"(?:is|was|'s)(?!\s+(?:whether|if|that|not|no)\b)"),
        # ... "H&S lead wasn't fully convinced on reporting knowledge" (a recruiter's call in a trampoline park duty manager's
        # notes: no topic read in)
        ("bad", r"(?:wasn'?t|was not|weren'?t|were not|didn'?t seem|did not seem)\s+(?:fully\s+|really\s+|totally\s+|entirely\s+|quite\s+)?"
                r"(?:convinced|sold|satisfied)\s+(?:about|by|with|on)"),
        # "Governor seemed unconvinced about me managing people older than me" (trial 4: dropped, not even asked)
        # ... and their worry said as a noun: "worry re step up from single shop -> 6 sites" (a recruiter's call in a butcher
        # shop manager's notes: a topic that merely came up)
        ("bad", r"(?:a\s+|some\s+|one\s+|their\s+|his\s+|her\s+|the\s+|main\s+|big\s+|biggest\s+|real\s+)*"
                r"(?:worry|worries|concern|concerns|doubts?)\s+(?:about|over|around|re:?|with)"),
        ("bad", r"(?:seemed|seems|looked|sounded|was|were|felt)\s+(?:a\s+bit\s+|quite\s+|very\s+)?"
                r"(?:unconvinced|unsure|sceptical|skeptical|doubtful|dubious|worried|concerned|unimpressed|not sure)"
                r"\s+(?:about|by|with|on|of|over|around)"),
        ("bad", r"(?:a\s+)?(?:bit of a|real|total|complete)\s+(?:mess|disaster|car crash|shambles)\s+(?:on|with|over)"),
        # What the employer missed: "they wanted more on how I'd handle an underperformer" (a recruiter's feedback, trial 9:
        # read as a topic "Feedback from the recruiter" that went fine)
        # ... "strong on technical, need more on leadership" (a recruiter's call in a Border Force officer's notes: lost)
        ("bad", r"(?:wanted|needed|need|needs|expected|would\s+have\s+liked|were\s+looking\s+for|was\s+looking\s+for)\s+"
                r"(?:a\s+lot\s+|a\s+bit\s+|much\s+|a\s+little\s+)?more\s+(?:detail\s+|depth\s+|evidence\s+|examples\s+)?"
                r"(?:on|about|of|around|from\s+me\s+on)"),
        # ... or still want, which round two will ask for: "They want more on how you lead people, manage contractors and a
        # budget" (trial 15: no topic); "Marcus said they want more on budget" (an IT service desk lead's notes, of a
        # question round one never asked: "One answer fell flat in round one: budget. Let's try it again")
        # ... "Dev said "we'll go deeper on H&S governance"" (a leisure centre duty manager's notes: no topic read in)
        ("forewarned", r"(?:we|they|he|she)(?:'ll|\s+will|'re\s+going\s+to|\s+are\s+going\s+to|\s+want\s+to)\s+"
                       r"(?:go|dig|get)\s+(?:deeper|further|more\s+deeply|into\s+more\s+detail)\s+(?:on|into|in)"),
        ("forewarned", r"(?:want|wants)\s+(?:a\s+lot\s+|a\s+bit\s+|much\s+|a\s+little\s+)?more\s+"
                       r"(?:detail\s+|depth\s+|evidence\s+|examples\s+)?(?:on|about|of|around|from\s+me\s+on)"),
        # ... or more evidence of what the candidate can do: "they want more evidence you can lead thru other managers, not
        # just do it yourself" (a post office branch supervisor's recruiter: no topic read in)
        ("forewarned", r"(?:want|wants|need|needs)\s+(?:to\s+see\s+)?(?:a\s+lot\s+|a\s+bit\s+|much\s+)?more\s+"
                       r"(?:evidence|proof|examples?)(?:\s+that)?(?=\s+(?:you|he|she)\b)"),
        # ... "Raj wants stronger stories on leading through change" (the claims team leader's recruiter call: lost)
        ("forewarned", r"(?:want|wants)\s+(?:to\s+see\s+|to\s+hear\s+)?(?:stronger|better|clearer|more\s+concrete)\s+"
                       r"(?:stories|examples|evidence|answers)\s+(?:on|about|of|around)"),
        # ... and in the words of a recruiter's email: "They also want to hear how you'd handle a union rep" (trial 12:
        # no topic read in it): what they want, or will ("Mark said they'll want to hear how I'd handle a councillor
        # complaint": a parking services lead's plan said it "fell flat in round one"), is what round two will ask
        ("forewarned", r"(?:(?:(?:they|he|she|the\s+panel)(?:'ll|\s+will|\s+are\s+going\s+to|'re\s+going\s+to|\s+is\s+going\s+to)|"
                       r"will)\s+(?:also\s+)?(?:want|need)|want|wants|would\s+like|'d\s+like|need|needs)\s+to\s+"
                       # ... or need you to show: "need to show you can step up from doing to managing" (a school site
                       # manager's recruiter: no topic read in)
                       r"(?:hear|see|know|show)(?:\s+more)?(?:\s+(?:about|on|of))?"),
        ("bad", r"(?:wanted|needed)\s+to\s+(?:hear|see|know)(?:\s+more)?(?:\s+(?:about|on|of))?"),
        # Something left out of an answer: did the answer go badly? The CLI asks.
        ("regret", r"should\s+have\s+(?:mentioned|said|talked about|brought up|explained)|forgot(?:\s+to\s+mention)?|"
                   r"(?:didn'?t|did not)\s+mention|wish\s+i\s+had\s+(?:mentioned|said)"),
        ("good", r"(?:seemed|was|looked)\s+(?:happy|satisfied|pleased|impressed)\s+with|(?:nailed|aced|handled)|"
                 r"(?:did|went)\s+(?:ok|okay|well|fine|great|good|alright)\s+(?:on|with)|"
                 r"(?:was|felt)\s+(?:strong|confident|good)\s+(?:on|about|with)"),
    ]
]
# The cues, matched where the clause starts or after who said it (up to _SUBJECT_WORDS whole words): the cue nearest
# the start tells the note ("I fumbled the question on budget" was read by its later "question on" as a topic that came
# up, sure of it, and a support lead's worst round-one answer was left out of the plan). match() anchors at its start.
_CUES_HERE: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(rf"{_ADVERBS}(?:{pattern})\s+", re.I)) for kind, pattern in _CUE_PATTERNS]
_SUBJECT_WORDS = 6
# "weak on operational stuff and governance" in a summary line (trial 5: read as no topic). Only there: in any
# other note "good at explaining it", "strong at the start", "good at first but forgot ..." say how an answer
# went, and these made topics of "explaining", "start" and "first".
_SUMMARY_CUES: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(rf"^{_CUE_SUBJECT}{_ADVERBS}(?:{pattern})\s+", re.I))
    for kind, pattern in [
        ("bad", r"(?:weak|weaker|shaky|poor|vague|light|thin)\s+(?:on|at|about|with)"),
        ("good", r"(?:strong|stronger|solid|confident|good|better|fine|ok|okay)\s+(?:on|at|about|with)"),
    ]
]
_CUE_VERDICT: dict[str, phrases.Verdict] = {"bad": "bad", "good": "good", "regret": "mixed"}
# A follow-up quoted as asked, on the topic before: 'asked twice "and what did you do ...?"', 'asked "and then?"'.
_FOLLOW_UP = re.compile(r"^(?:and|so|but|then|ok|okay|right)\b(?:\s+(?:then|so|what|how|why|when|if|did|would|do)\b.*)?\??\s*$", re.I)
# ... or what the candidate did in it, asked back: 'Phil asked "what did you present?"' of the safety group the candidate
# said they had been involved with (a racecourse supervisor's notes: a topic "present", drilled as a story)
_ASKED_BACK = re.compile(r"(?:what|which|who|how|why|when)\s+(?:did|do|have|had)\s+you\s+[a-z]+\s*\??\s*$|"
                         # ... 'he asked "whose number is that?"' of a stop-work wind speed (an events site crew manager's
                         # notes: a topic "whose number")
                         r"(?:whose|which|who'?s)\s+[a-z]+\s+is\s+(?:that|it|this)\s*\??\s*$", re.I)
# A line that sums up ("Gut feel: strong on X, weak on Y"): the label names no topic, what follows does.
# "Wage budget question", "Hiring plan question": one question named by its topic (trial 6's "Wage budget question:
# I waffled, didn't give them a number" was read as a heading and "I waffled..." as a question asked).
_ONE_QUESTION = re.compile(r"^(?!(?:the|a|one|another|last|first|next|any|my|their)\s+question$)\S.*\s+question$", re.I)
_SUMMARY_LABEL = re.compile(r"^(?:gut(?:\s+feel(?:ing)?)?|overall|summary|in summary|my take|impression|overall impression|"
                            r"verdict|feeling|takeaways?|reflection|self[- ]assessment|"
                            # what the employer wrote back: its content is the verdicts ("Feedback email: answers lacked
                            # numbers, and your safety answer felt rehearsed" was one topic, "Feedback email")
                            r"(?:their |the |recruiter'?s? |hr |employer'?s? |written )?feedback(?:\s+(?:email|e-mail|call|note|letter))?"
                            # "Feedback at the end from Jon" (a support lead's trial: "answers were light on numbers" lost)
                            r"(?:\s+(?:at the end|at the end of it|afterwards|after|later|on the day))?"
                            r"(?:\s+(?:from|via)\s+(?:the\s+|my\s+|their\s+)?(?:recruiter|agency|hr|hiring manager|panel|interviewers?|employer|"
                            # ... or from someone by name, afterwards: "Feedback from Priya afterwards" (a trial's topic "long")
                            r"[A-Z][a-z]+))?(?:\s+(?:afterwards|after|later|after the interview|by email|by phone|at the end|"
                            # ... "Feedback from Lauren on phone" (a parcel depot team leader's notes: a topic, left out),
                            # "Feedback from Mo on phone after" (an estate agency branch manager's: the same)
                            r"(?:on|over)\s+(?:the\s+)?phone|on\s+(?:a|the)\s+call)){0,2})$", re.I)
_PURPOSE = re.compile(r"^\s*to\s+(?!be\b|have\b)[a-z]+(?:\s+(?!and\b|but\b|i\b)[a-z0-9-]+){1,3}\s*(?=$|[,.;])", re.I)
_DASH = re.compile(r"\s+[-–—]\s+")
# "and how ..." goes on with the clause before's cue, as does "and on/about ..." with the cue's own word again ("Expect
# questions on X, on Y, and on why you want to move into management": trial 15 read no third topic)
_AND_HOW = re.compile(r"^(?:and|or)\s+(?:(?=how\b)|(?:on|about|around|regarding)\s+(?=\w))", re.I)
_PART_WHERE = re.compile(r"^(?:the\s+)?(?:part|bit|moment|point|time|section)\s+(?:where|when)\s+(.+)$", re.I)
_SUBORDINATE = re.compile(r"^(?:when|where|while|as|after|once)\s+", re.I)
_OBJECT_PRONOUN = re.compile(r"^(?:it|that|this|them|those)\b", re.I)
_OUR_FIGURES = re.compile(r"^(?:our|my|the|their)\s+(?:actual\s+|real\s+|exact\s+|own\s+)?(?:numbers|figures|stats|statistics|data)\s*$", re.I)
# How my answer went, its subject left out after a comma
_MY_ANSWER_WENT = re.compile(r"^(?:and\s+|then\s+|just\s+)?(?:rambled|waffled|droned|went\s+on|banged\s+on|talked\s+too\s+much)\b", re.I)
# "how I'd design a url shortener" -> "url shortener"
_HOW_LEAD = re.compile(
    # "how much we'd improved month end close" (a trial: no topic read in it) -> "month end close"
    r"^(?:how(?:\s+(?:much|many|far|quickly|fast))?|what)\s+(?:i'?d|i would|i'?ll|we'?d|to|you'?d|you'?ve|i'?ve|i|we|"
    r"(?:do|would|did|could|will|should)\s+(?:you|i|we))\s+"
    r"(?:\w+\s+(?:and\s+\w+\s+(?=(?:a|an|the|my|your|our)\b))?(?:(?:up|down|out|off)\s+)?)?"
    # "what I'd do about a relative who films staff": the topic is the relative; "what I'd do in my first 90 days on a
    # new ward" (a nurse's notes: no topic read in): the first 90 days
    r"(?:(?:about|with|regarding)\s+|(?:in|during|over)\s+(?:my|your|the|our)\s+(?=first\b))?",
    re.I,
)
# "what I'd do if a driver was assaulted": a scenario asked about
_WHAT_IF = re.compile(r"^what\s+(?:i'?d|i would|you'?d|you would|we'?d|we would|to)\s+do\s+(?:if|when)\s+(.+)$", re.I)
_SCENARIO_AUX = re.compile(r"\s+(?:was|were|is|are|got|gets|had been|has been|have been)\s+(?=\w+(?:ed|en)\b)", re.I)
_WHY_LEAD = re.compile(r"^why\s+(?:i|you|we)\s+(?!(?:was|were|am|is|are|do|did|have|had|would|could)\b)(\w+)\s+", re.I)
_WHY_NOT_LEAD = re.compile(r"^why\s+(?:i|you|we)\s+(?:haven'?t|hadn'?t|have not|had not|have never|had never|never)\s+(\w+)\s+", re.I)
# A question that asks what you would do or did: the word after "you" is its verb.
# "why this trust", "why us", "why here", "why the role": the short motivation question, a topic as it is said
_WHY_HERE = re.compile(r"^why\s+(?:this|the|us|here|our|your|you)\b(?:\s+\S+){0,2}\s*\??$", re.I)
# ... said at the start of a cue's topic, with what follows it: "why this company and not staying where I am"
_WHY_HERE_SAID = re.compile(r"^why\s+(?:this|the|us|here|our|your|you)\b(?:\s+(?!and\b|or\b|but\b|not\b|i\b)[\w'-]+){0,2}", re.I)
# "... and not staying where I am": the rest of the same question
_AND_NOT = re.compile(r"^\s*(?:and|or)\s+(?:not|rather than|instead of)\b[^,;]*[,;]?\s*", re.I)
# A question after the panel's coming back to it: 'kept coming back to: "how do you ..."', 'came back TWICE to "..."'
_BACK_TO_QUESTION = re.compile(
    r"^(?P<cue>(?:[\w']+\s+)?(?:" + _KEPT_COMING_BACK + r"|(?:came|went|circled)\s+back"
    r"(?:\s+(?:twice|again|three\s+times|\d+\s*x|x\s*\d+))?)\s+to|(?:[\w']+\s+)?kept\s+asking)\s*:?\s+"
    r"(?P<question>[^.?!]+)(?:[.?!]+|$)", re.I)  # (quote marks are gone: _written_out)
# What they came back to, named before a colon and what it took in: "KEPT coming back to numbers: cost per garment, ..."
_NAMES_ITS_TOPIC = re.compile(r"^(?:(?:they|he|she|[A-Z][a-z]+)\s+)?" + _KEPT_COMING_BACK + r"\s+"
                              r"to\s+(?!(?:it|this|that|them|the\s+same)\b)[\w'&/ -]{2,40}$", re.I)
# A question as put to the candidate, not reported ("how I'd handle a store manager who ..." is a topic said in my words)
_ASKED_OF_YOU = re.compile(r"\byou(?:'[a-z]+)?\b", re.I)
_DOING_LEAD = re.compile(r"^how\s+(?:would|do|did|could|will|should|might|have|had)\s+you\s+(?=\w)", re.I)
# ("you" a word: "walk me through your depot" was the topic "r depot", a parcel depot manager's notes)
_QUESTION_LEAD = re.compile(
    r"^(?:tell me about|describe|walk me through|talk me through|give me)\s+(?:a time|an example|a situation)?\s*"
    r"(?:(?:when|where|that)\b)?\s*(?:(?:you|i)\b)?\s*|^(?:why|how|what)\s+(?:are|do|did|is|would|was|were|have|could|will)\s+(?:you|i)\s+|"
    r"^(?:what'?s|what is|what are)\s+(?:your|the)\s+",
    re.I,
)
# Who they want to see do something, before the doing: "(want to see) you think like a manager"
# ... or the candidate named as the recruiter would: "needs to show he can lead at scale & talk commercials" (a betting shop
# manager's recruiter: topics "needs to show" and "talk commercials", gone fine)
_SEEN_DOING = re.compile(r"(?:you|me|him|her|them|he|she|they)(?:'d|'ll|\u2019d|\u2019ll)?\s+"
                         r"(?:can\s+|could\s+|will\s+|would\s+|are\s+able\s+to\s+)?([a-z]+)\b(?!')", re.I)
# A cue of how they felt the candidate came across, before what the candidate was doing
_FELT_DOING = re.compile(r"\b" + _FELT_YOU_WERE + r"\s+(?:still\s+|too\s+|a\s+bit\s+|too\s+much\s+)?$", re.I)
_DOING_ENDS = re.compile(r"\s+(?:not|rather\s+than|instead\s+of|and|but|so|because|as)\s+|\s*[,;:(]|\s+-+\s+", re.I)
_WHO_DOES = re.compile(r"^(?:me|us|him|her|them|my|our)\s+(?=\w+ing\b)", re.I)
# "..., and your safety answer felt rehearsed": the clause after the comma starts on its topic, not on "and".
_LEADING_AND = re.compile(r"^and\s+(?=(?:your|my|the|his|her|their)\b)", re.I)
_FIRST_PERSON = re.compile(r"^(?:i|i've|i'd|i'm|my|me)\b", re.I)
_I_TALKED = re.compile(r"\bi\s+(?:\w+\s+)?(?:talked|spoke|chatted|went through)\b", re.I)
# A jotted label before the note itself: "forgot - Karen also asked about turnaround compliance" (a ground operations
# supervisor's added note: no topic read in it)
_LEAD_LABEL = re.compile(r"^(?:forgot|forgotten|also|oh|plus|remembered|ps|nb|note|edit)\s*[-:\u2013\u2014]\s+", re.I)
# Words before the part of a clause that matters: "I think I did ok on ...", "also k8s autoscaling".
_DOUBTED = re.compile(r"^(?:i\s+)?(?:don'?t|do not)\s+think\s+(?:that\s+)?", re.I)  # "I don't think X landed"
_HEDGE = re.compile(r"^(?:(?:i think|i guess|i believe|i feel|i felt|i reckon|honestly|overall)\s+(?:that\s+)?|"
                    r"(?:also|then|and|plus|next|finally|later|probably|maybe|possibly|likely)\s+)+", re.I)


# Doubts about a topic's wording only (where it starts and ends), not about whether it is a concern.
WORDING_DOUBTS = ("taken from a long sentence", "a long phrase", "the sentence goes on")


class DebriefTopic(Model):
    id: str = Field(description="'topic.<slug>': the weak-area id it becomes")
    name: str = Field(description="a short noun phrase, as the notes wrote it")
    reason: Reason = Field(description="probed: they came back to it; forewarned: they said round two will ask about "
                                       "it; fell_flat: your answer went badly; "
                                       "inferred: several questions on it; discussed: it came up and went fine")
    mentions: int = Field(description="how many times the interviewers came back to it (1 when they did not)")
    forewarned: bool = Field(default=False, description="the notes say round two will ask about it")
    went_badly: bool = Field(default=False, description="the notes say the answer went badly")
    went_well: bool = Field(default=False, description="the notes say the answer went well (not only that it came up)")
    sure: bool = Field(default=True, description="False when the reading is doubtful: the CLI asks")
    doubt: str | None = Field(default=None, description="why it is doubtful, in words")
    competencies: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="the note lines it came from, verbatim")

    @property
    def concern(self) -> bool:
        return self.reason != "discussed"

    @property
    def kept_unasked(self) -> bool:
        """Kept as the notes word it when no one can be asked (--yes, a script): a concern doubted only for its
        wording. A trial's "They asked twice about managing a team member's poor performance and I didn't have a good
        answer", the concern the recruiter named, was left out as "not sure" for being a long phrase."""
        return self.concern and (self.doubt or "").startswith(WORDING_DOUBTS)


class FeedbackArea(Model):
    """A criterion or delivery habit the round-one feedback names ("answers lacked numbers", "rambled"):
    a weak area like the criterion's own, not a topic."""

    id: str = Field(description="the criterion ('specificity.quantified_impact') or habit ('delivery.length')")
    kind: AreaKind
    name: str
    advice: str = ""
    notes: list[str] = Field(default_factory=list, description="the note lines that say it, verbatim")


class Debrief(Model):
    source: str | None = None
    digest: str = Field(description="sha256 of the notes: notes imported before are known (a re-run adds only concerns not yet in the ledger)")
    imported_at: datetime = Field(default_factory=utc_now)
    questions_asked: list[str] = Field(default_factory=list)
    topics: list[DebriefTopic] = Field(default_factory=list, description="concerns first, most-probed first; then discussed")
    fell_flat: list[str] = Field(default_factory=list, description="the lines of answers that went badly, as written")
    notes: list[str] = Field(default_factory=list, description="lines that name no topic")
    todos: list[str] = Field(default_factory=list, description="the candidate's own to-dos, listed under a to-do heading: "
                                                               "no topic the interview raised")
    not_asked: list[str] = Field(default_factory=list, description="what the notes say round one did not ask, as written")
    feedback: list[FeedbackArea] = Field(
        default_factory=list, description="criteria and delivery habits the notes' feedback names, as weak areas"
    )

    @property
    def empty(self) -> bool:
        return not (self.questions_asked or self.topics or self.feedback)

    @property
    def concerns(self) -> list[DebriefTopic]:
        return [t for t in self.topics if t.concern]

    def keeping(self, topics: list[DebriefTopic]) -> Debrief:
        """These notes with only `topics` (what the user kept), in the usual order; two the user gave
        the same name are one topic."""
        merged: dict[str, DebriefTopic] = {}
        for topic in topics:
            same = merged.get(topic.id)
            if same is None:
                merged[topic.id] = topic
            else:
                merged[topic.id] = same.model_copy(update={
                    "mentions": max(same.mentions, topic.mentions), "went_badly": same.went_badly or topic.went_badly,
                    "reason": same.reason if same.concern else topic.reason,
                    "notes": list(dict.fromkeys([*same.notes, *topic.notes])),
                })
        return self.model_copy(update={"topics": _ordered(list(merged.values()))})


def settle(topic: DebriefTopic, bank: QuestionBank, *, name: str | None = None, went_badly: bool | None = None) -> DebriefTopic:
    """A doubtful topic as the user confirmed it: renamed, judged, and now sure."""
    name = (name or topic.name).strip()
    went_badly = topic.went_badly if went_badly is None else went_badly
    reason = topic.reason if topic.reason == "inferred" else _reason(topic.mentions, went_badly, topic.forewarned)
    competencies = topic_competencies(name, bank) if reason != "discussed" else []
    return topic.model_copy(
        update={"id": topic_id(name), "name": name, "went_badly": went_badly, "reason": reason, "sure": True,
                "doubt": None, "competencies": competencies}
    )


@dataclass
class _Draft:
    name: str
    line: str
    verdict: phrases.Verdict = "none"
    mentions: int = 1
    sure: bool = True
    doubt: str | None = None
    cued: bool = False  # found after a cue ("asked about"), not as a bare list item
    forewarned: bool = False  # after "they'll ask about": what round two will test
    bare: bool = False  # no topic, only a verdict ("Fine-ish."): for a topic of its own line only

    def __post_init__(self) -> None:
        # the name, not the sentence after it nor its aside: "getting resistant fee earners on board. Came back to it
        # twice more (pricing of onboarding, timeline)", "why leave (growth, want dept mgmt not just team)" (a
        # conveyancing team leader's notes)
        # ... nor the round's other part after it: "presentation (10 min) on 'how would you reduce the waiting list in ENT'
        # + panel qs" (an outpatients booking lead's notes: a topic "waiting list in ENT + panel")
        name = _TRAILING_ASIDE.sub("", re.split(r"\.\s+(?=[A-Z])", self.name)[0])
        self.name = _OTHER_PART.sub("", name).strip() or self.name


@dataclass
class _Reading:
    drafts: list[_Draft] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    todos: list[str] = field(default_factory=list)
    not_asked: list[str] = field(default_factory=list)


def parse_debrief(
    text: str, bank: QuestionBank, *, source: str | None = None, feedback: Sequence[FeedbackReading] = (),
) -> Debrief:
    """Topics (with how they went and how often they came up) and questions asked, from free-text notes;
    and the criteria and habits its feedback names, by `feedback` (weakness.feedback_readings)."""
    reading = _Reading()
    section: Section = "none"
    said_inline = False  # the section's heading had its items on its own line
    logical = _logical_lines(text)
    initials = _initials_speaker(text)
    pending = list(logical)
    markers = _plus_minus_markers(pending)
    while pending:
        line, bullet = pending.pop(0)
        if initials:  # who asked, before "DP again:" reads as a heading of what they came back to
            line = initials(line)
        heading = _heading(line, bullet)
        if heading is not None:
            labelled, rest = heading
            # "- Fell flat: X" in a list labels its own item; a heading line ("Went badly:") the lines after it.
            if not (bullet and rest):
                section, said_inline = labelled, bool(rest)
            # "Weakest answer: X. Strongest: Y." - the next sentence may be a heading of its own.
            first, _, more = rest.partition(". ") if re.search(r"\.\s+\S+[^.]*:", rest) else (rest, "", "")
            if more:
                pending.insert(0, (more, bullet))
            # a question keeps its commas; a list of subjects under "Asked:" is split as any list ("Asked: budget, team
            # conflict, rotas - all went ok" read only budget)
            asked_as_said = labelled == "questions" and _is_question(first)
            items = [] if not first else [first] if asked_as_said else _LIST_SPLIT.split(first)
            summary = bool(_SUMMARY_LABEL.match(line.lstrip("#").partition(":")[0].strip()))  # "Summary: weak on X"
            for item in items:
                _read_item(item.strip().rstrip("."), line, labelled, True, reading, summary=summary)
            continue
        if said_inline and not bullet:
            # a heading with its items on its own line labels no line of prose after it: "they came back to: consistency
            # across sites" made "Round 2 will be: ..." and the recruiter's "strong on operations" two more topics they
            # came back to (a restaurant manager's notes)
            section, said_inline = "none", False
        item = f"{markers[bullet]} {line}" if bullet in markers else line
        summary = bool(_SUMMARY_LABEL.match(line.partition(":")[0].strip()))  # "Overall:" reads like a speaker's name
        # "Expect: reserves/GAG pooling, ..." names what round two holds, not who spoke
        spoken = item if _NEXT_ROUND_LABEL.match(item.partition(":")[0].strip()) else _SPEAKER.sub("", item)
        _read_item(_NAME_ASIDE.sub(r"\1", spoken), line, section, bool(bullet), reading, summary=summary)
    people = _people(text)
    # ... nor their possessive: "camera kept freezing on Dev's side" (a weak area "Dev's", drilled)
    named = [d for d in reading.drafts if not d.name or not (
        phrases.names_nothing(d.name) or d.name.lower().removesuffix("'s").removesuffix("\u2019s") in people
        or _said_of_a_panelist(d.name, people) or _TITLED_PERSON.fullmatch(d.name) or _HOW_TO_ANSWER.fullmatch(d.name)
        or _GOT_THROUGH.fullmatch(d.name))]
    topics = _merge(named, bank)
    _infer_repeated_competencies(topics, reading.questions, bank)
    # not a line that says it went well: "why us - ok, mentioned their trust" (a teacher's notes, trial 17) opened a
    # motivation weak area, drilled in the plan, and lost its topic to it
    lines = [line for line, _ in logical if phrases.verdict(line) != "good"]
    # nor one whose topic, a question of another kind than a story, went badly: "Sarah also asked why this company ...,
    # I was vague" is how that answer went, drilled by its own question (a sales manager's trial: a Concrete detail area,
    # closed by two stories while the motivation question was never asked). "I fumbled the question on forecasting
    # renewals - didn't have numbers" keeps its feedback: a story lacking numbers.
    own_kind = {d.line for d in reading.drafts if d.name and d.verdict == "bad"
                and classify_topic(d.name, [d.line]) != DEFAULT_KIND}
    areas = _feedback_areas([line for line in lines if line not in own_kind], feedback)
    # a topic named by the feedback's own words ("Give outcomes! I didn't really say how things ended") is that area
    named = [m.group(0) for r in feedback for line in lines for m in r.said.finditer(line.lower())]
    # ... and said as what they wanted: "wanted more numbers" (an estate agency branch manager's notes: a concern of its own)
    topics = [t for t in topics if not any(t.name.lower() in phrase or (
        phrase in t.name.lower() and not set(t.name.lower().split()) - set(phrase.split()) - _WANTED) for phrase in named)]
    # a clause is matched as it was read, its shorthand written out and without its quote marks: 'not enough "I"' is noted
    # as 'not enough I', "answers too long, use examples w/ results" as "... with results" (a school kitchen manager's
    # recruiter feedback, read as Answer length and listed as no topic read in too)
    said = {_QUOTE_MARKS.sub("", _written_out(line)) for area in areas for line in area.notes}
    return Debrief(
        source=source,
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        questions_asked=list(dict.fromkeys(reading.questions)),
        topics=_ordered(topics),
        fell_flat=list(dict.fromkeys(d.line for d in reading.drafts if d.verdict == "bad")),
        notes=[n for n in reading.notes if not any(_QUOTE_MARKS.sub("", n) in line for line in said)],
        todos=reading.todos,
        not_asked=reading.not_asked,
        feedback=areas,
    )


def _said_of_a_panelist(name: str, people: set[str]) -> bool:
    """Whether a topic's name is a remark on an interviewer, not a topic: "Dev hard to read", "rapport w Karen good" (a
    leisure centre duty manager's notes: two topics that came up and went fine)."""
    words = name.lower().split()
    return bool(words) and (words[0] in people or (words[0] in _RAPPORT and any(w in people for w in words[1:])))


# How the candidate got on with someone, said of a named interviewer
_RAPPORT = frozenset({"rapport", "chemistry", "vibe", "connection", "relationship", "clicked"})


def _people(text: str) -> set[str]:
    """The interviewers' names the notes give (_NAMED_PERSON), lower-cased; a name given with a role is one even where
    it is a word too ("panel: Deb (GM), ..." then "Deb: "we blew labour 4 months running"": an events venue duty
    manager's weak area "Deb", drilled as what they kept coming back to)."""
    named = {name.lower() for m in _NAMED_PERSON.finditer(text) for name in m.groups()
             if name and not word_classes(name.lower())}
    return named | {m.group(1).lower() for m in _WITH_ROLE.finditer(text)}


# ... nor is someone named with a title, a customer in the candidate's story: "rambled on Mrs K, no result" (a kitchen
# fitting supervisor's notes: "One answer fell flat in round one: Mrs K. Let's try it again")
_TITLED_PERSON = re.compile(r"(?i:mr|mrs|ms|miss|mx|dr)\.?\s+[A-Z][\w'-]*\.?(?:\s+[A-Z][\w'-]*)?")


# ... nor advice on how to answer, which the feedback areas read: "Use STAR, finish w/ the result" (the same notes: a topic
# "Use STAR" that "came up")
_HOW_TO_ANSWER = re.compile(r"(?:(?i:use)\s+(?:the\s+)?(?:STAR|star)|STAR)(?:\s+(?:method|format|structure|model))?")
# ... nor the news that the candidate got through: "thru to rnd 2!" (the same betting shop manager's notes)
_GOT_THROUGH = re.compile(r"(?:got\s+)?(?:thru|through)\s+to\s+(?:the\s+)?(?:next\s+)?(?:round|rnd|stage|interview)"
                          r"(?:\s*(?:2|two|3|three))?", re.I)


_NEGATED = ("not ", "never ", "n't ")
_QUOTE_MARKS = re.compile("[\"\u201c\u201d]")
# ... but the candidate's own sentence quoted after "I said" is no feedback on how they spoke: 'blanked on Erlang, just
# said "we use a spreadsheet"' (a contact centre lead's notes: read as "said we", an Ownership weakness drilled in every
# plan)
_QUOTED_SENTENCE = re.compile("\\b(?:i\\s+|just\\s+|only\\s+)(?:just\\s+|only\\s+)?(?:said|answered|replied|went with)\\s*[:,]?\\s*"
                              "[\"\u201c][^\"\u201c\u201d]*?\\w+\\s+\\w+\\s+\\w+[^\"\u201c\u201d]*[\"\u201d]", re.I)


def _says(said: re.Pattern[str], line: str) -> bool:
    """Whether `line` (lower case, read without quote marks: 'stayed on "we"' says "stayed on we") says a phrase of
    `said` that is not negated, and not the start of a longer word: 'he said "we'll come back to that"' says no "said
    we" (an aquarist's notes: the panel's promise read as round-one feedback on Ownership)."""
    return any(not line[: m.start()].endswith(_NEGATED) and not _CONTRACTED.match(line, m.end())
               for m in said.finditer(line))


# A contraction's ending, right after a phrase: the phrase's last word is part of a longer one ("we'll")
_CONTRACTED = re.compile(r"['\u2019][a-z]")


def _feedback_areas(lines: list[str], readings: Sequence[FeedbackReading]) -> list[FeedbackArea]:
    """Each reading whose phrases a line says ("Feedback: answers lacked numbers"), with those lines (the caller leaves
    out those that say it went well).
    A negated phrase ("never rambled", "didn't lack numbers") is no feedback."""
    out = []
    for reading in readings:
        notes = [line for line in lines
                 if _says(reading.said, _QUOTE_MARKS.sub("", _QUOTED_SENTENCE.sub(" ", line)).lower())]
        if notes:
            out.append(FeedbackArea(id=reading.id, kind=reading.kind, name=reading.name, advice=reading.advice, notes=notes))
    return out


# --- lines and headings -------------------------------------------------------------------


def _logical_lines(text: str) -> list[tuple[str, str]]:
    """(line, its bullet or '') with bullets removed; prose wrapped over several lines is joined again."""
    out: list[tuple[str, str]] = []
    joinable = False
    raws = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # An editor wraps near one width: a line well short of the longest was ended by hand, so the next is a note of its
    # own (a trial's "- why this trust - bit generic, need better" took in "dispensing error q was ok but too long").
    wrap_width = WRAPPED_SHARE * max((len(raw.strip()) for raw in raws), default=0)
    for raw in raws:
        line = raw.replace("\t", " ").strip().lstrip("\ufeff")
        if not line or set(line) <= set("-=*_#~ "):
            joinable = False
            continue
        marker = _MARKER.match(line)
        found = _BULLET.match(line)
        bullet = found.group(0).strip() if found else marker.group(1) if marker else ""
        body = _BULLET.sub("", line) if not marker else line  # an emoji stays: it is the verdict
        body = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1).lower()], body)
        if joinable and not bullet and line[:1].islower():
            prev, prev_bullet = out.pop()
            out.append((f"{prev} {body}", prev_bullet))
        else:
            out.append((body, bullet))
        # A long line that stops mid-sentence was wrapped by an editor: a next line in lower case continues it.
        joinable = (len(out[-1][0].split()) >= 8 and not out[-1][0].rstrip().endswith((".", "!", "?", ":"))
                    and len(line) >= wrap_width)
    return out


def _plus_minus_markers(lines: list[tuple[str, str]]) -> dict[str, str]:
    """Notes that mix '+ ...' and '- ...' items mean went well / went badly by them."""
    bullets = {bullet for _, bullet in lines}
    return {"+": "✅", "-": "❌"} if {"+", "-"} <= bullets else {}


def _section_of(label: str) -> Section | None:
    for section, pattern in _SECTIONS:
        if pattern.search(label):
            return section
    return None


def _heading(line: str, bullet: str) -> tuple[Section, str] | None:
    """('## Went badly' | 'Weak answers:' | 'Topics: a, b' | 'KEPT ASKING ABOUT') -> (section, items after it)."""
    if line.startswith("#"):
        label = line.lstrip("#").strip()
        return _section_of(label) or "none", ""
    if _QUESTION_PREFIX.match(line):
        return None
    label, colon, rest = line.partition(":")
    if not colon and " = " in line:
        # "concern = commercial experience & managing managers" (a science centre supervisor's recruiter call: a weak area
        # named "concern"): "=" labels as ":" does
        label, colon, rest = line.partition(" = ")
    label = label.strip()
    if colon and not rest.strip() and not bullet and _ADDED_LATER.match(label) and len(label.split()) <= 12:
        return "topics", ""  # "Added thurs - remembered on the drive home:" (a nurse's notes: a topic "drive home")
    if colon and rest.strip() and _MY_QUESTIONS.match(label):
        return None  # "Questions to ask them: ...": the candidate's own, read (and left) by _read_item
    if colon and len(label.split()) <= 5 and not label.endswith("?"):
        section = _section_of(label)
        if _ONE_QUESTION.match(label) and phrases.verdict(rest) != "none" and not _is_question(rest.strip()):
            return None  # "Wage budget question: I waffled": a topic and how it went, not a list of questions
        if section == "next" and rest.strip():
            return None  # "Round 2 (next Thurs): they'll ask about ...": what it holds, read as a note (_NEXT_ROUND_LABEL)
        if section == "repeated" and rest.strip() and _NAMES_ITS_TOPIC.match(label):
            return None  # "KEPT coming back to numbers: cost per garment, ...": the topic is in the label (_read_item)
        if section is not None:
            return section, rest.strip()
        if not rest.strip() and not bullet:
            return "topics", ""  # "Round one notes:" - a heading that names no kind
        return None
    if bullet:
        return None
    if _NEXT_ROUND_HEADING.match(line):
        return "next", ""  # "rd2 (per Priya) - next Weds" (a Border Force officer's notes: read as a note, its list lost)
    if _WHO_SAID_HEADING.match(line):
        return "none", ""  # "recruiter (Tom, phone fri)" (the same notes: its lines read as what round two holds)
    short = len(line.split()) <= 6 and not line.endswith((".", "?", "!", ")"))
    if short and line.isupper():
        return _section_of(line) or "none", ""
    if short and _pure_label(line):
        return _section_of(line) or "none", ""  # "Went well", "Weak answers", "Questions"
    return None


def _pure_label(line: str) -> bool:
    """Only heading words: 'Went well', 'Weak answers', 'Questions' (not 'kubernetes networking | bad')."""
    rest = line.lower()
    for _, pattern in _SECTIONS:
        rest = pattern.sub(" ", rest)
    return _section_of(line) is not None and not (set(re.findall(r"[a-z0-9']+", rest)) - _LABEL_FILLERS)


# --- items --------------------------------------------------------------------------------


# Questions after an exercise, no topic of it: '20 min presentation: "first 90 days as regional mgr" then Qs' (a butcher
# shop manager's notes: round two "will ask about Qs").
_THEN_QUESTIONS = re.compile(r"\s*(?:,\s*)?(?:then|followed\s+by|\+|and|&|plus|w/|with)\s+(?:some\s+)?"
                             r"(?:qs|questions|q\s*&\s*a|q\s+and\s+a)\s*[.!]?$", re.I)
# Where a note runs on into the next sentence: ". Priya will do ...", "(Mr Okafor?). contract + budget".
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)\"'])[.!?]+\s+(?=\w)")
# A part of round two that names no topic: meeting people ("meet the duty managers", "meeting the team") or a walk round
# ("maybe site walk w/ Karen").
_MEETING = re.compile(r"^(?:and\s+)?(?:to\s+)?(?:(?:meet|meeting)\s+(?:with\s+)?(?:the\s+|some\s+|a\s+few\s+|one\s+of\s+the\s+)?"
                      r"[\w' -]{2,40}|(?:a\s+)?(?:site\s+walk|site\s+visit|site\s+tour|tour)\b.*)$", re.I)
# Who will run a part of round two, before it: "Priya will do a budget exercise".
_WHO_WILL_RUN = re.compile(r"^(?-i:[A-Z][a-z]+)\s+(?:will|'ll)\s+(?:do|run|give|set|lead)\s+", re.I)
# A hedge before a part of round two, and a doubt after it: "maybe a data exercise?? not sure".
_HEDGED_PART = re.compile(r"^(?:maybe|possibly|probably|perhaps|likely)\s+|\?+.*$", re.I)
# An exercise named with its length before what it is about, no colon: 'presentation 10 min "first 90 days as PSM"' (a
# parking team leader's notes: the topic "presentation 10 min first 90 days"); not its preparation time ("case study
# (30 min prep ...)").
_EXERCISE_TIMED = re.compile(r"^(?:an?\s+|the\s+)?(scenario|case study|role[- ]?play|presentation)\s+" + _MINUTES
                             + r"\s+(?!prep\b|preparation\b)(?:on\s+|about\s+)?(?=\w)", re.I)
# A presentation's length before its subject: 'a presentation: 10 min, "first 90 days as GM"'.
_LENGTH_FIRST = re.compile(r"^" + _MINUTES + r"\s*[,:-]?\s*(?=\w)", re.I)


def _exercise_label(label: str) -> re.Match[str] | None:
    """An exercise's label ("presentation 10 min", "a presentation", "scenario"), with its kind in group 1."""
    return _EXERCISE_LABEL.match(re.sub(r"^(?:an?|the)\s+", "", label.strip(), flags=re.I))


def _exercise_topic(kind: str, subject: str, section: Section) -> str:
    """What an exercise is about, as the topic is read from it: a presentation's subject, without its length or the
    questions after it; a scenario's, expected in round two ("case study: 20 min, given a practice P&L snapshot" keeps its
    own)."""
    subject = _THEN_QUESTIONS.sub("", subject.strip()).strip(" \"'\u201c\u201d")
    if kind.lower() == "presentation":
        return f"presentation on {_LENGTH_FIRST.sub('', subject)}"
    if kind.lower().startswith(("practical", "skills", "trade")):
        # the task done in front of them, as a doing: "shoeing a hosp horse with Helen watching"
        task = _TRAILING_ASIDE.sub("", subject).strip(" .")
        first = task.split()[0] if task.split() else ""
        return _gerund(task) if first.lower() in phrases.base_verbs(first) else task
    return f"expect a scenario - {subject}" if section == "next" else subject


def _round_two_part(part: str, *, first: bool) -> str | None:
    """How one part of what round two holds is read: what they'll ask about, an exercise on its subject, or nothing
    (who sits on the panel, who they will meet). The first part keeps a cue of its own and is read as before: "case
    study (30 min prep ...)"."""
    part = part.strip().strip(".").strip().strip("\"'\u201c\u201d").strip()
    # ... not who will sit on the panel: "case study (30 min prep ...) + Helen + the COO (Mark?)" (a claims team
    # leader's notes: a topic "COO", asked as what round two holds)
    if not part or (not first and _PANEL_MEMBER.match(part)):
        return None
    part = _HEDGED_PART.sub("", part).strip()  # after the panel's check: "the COO (Mark?)" loses its ")" here
    if not part or _MEETING.match(part):
        return None
    part = _WHO_WILL_RUN.sub("", part)
    label, colon, subject = part.partition(":")
    if colon and subject.strip(" \"'\u201c\u201d")[:1].isalnum() and (exercise := _exercise_label(label)):
        return _exercise_topic(exercise.group(1), subject, "next")
    if timed := _EXERCISE_TIMED.match(part):
        return _exercise_topic(timed.group(1), part[timed.end():], "next")
    if _cue(part):
        return part
    return f"expect a {part}" if not first and _SCENARIO_CUE.match(part) else f"they'll ask about {part}"


# What round two has the candidate do, before the exercise it names: "do a "business review" of a salon" (a hair salon
# assistant manager's notes: no topic read)
_EXERCISE_DONE = re.compile(r"^(?:do|doing|give|giving|deliver|delivering|complete|completing|sit|sitting)\s+"
                            r"(?:a|an)\s+(?=\w)", re.I)


def _round_two_subject(item: str) -> str:
    """A round-two item without the words before its subject: the format and its length ("presentation, 10 min: "Your
    first 90 days as Ops Manager"", a racecourse supervisor's notes: a topic "presentation") and "more on" ("more on
    stakeholders - council licensing, SAG meetings", an events site crew manager's: "They said round two will ask about
    more on stakeholders")."""
    if (label := _FORMAT_LABEL.match(item)) and item[label.end():].strip():
        item = _YOUR_OWN.sub("", item[label.end():])
    return _EXERCISE_DONE.sub("", _MORE_ON.sub("", item))



def _said_of_end_questions(item: str) -> str:
    """What an item says of the candidate's questions at the end: from the sentence that names them on, until one about
    someone else ("Q for them: asked about the restructure. Gwen vague" is the interviewer's answer, not the candidate's
    questions)."""
    sentences = _SENTENCE_SPLIT.split(item)
    start = next(i for i, s in enumerate(sentences) if _END_QUESTIONS.search(s))
    said = [sentences[start]]
    for sentence in sentences[start + 1:]:
        first = sentence.split()[0] if sentence.split() else ""
        if re.fullmatch(r"[A-Z][a-z]+", first) and first != "I" and phrases.verdict(first) == "none":
            break
        said.append(sentence)
    return " ".join(said)


def _read_item(item: str, line: str, section: Section, listed: bool, reading: _Reading, *, summary: bool = False) -> None:
    """One list item, heading item or line of prose; `summary` when it follows a summary label ("Gut feel:")."""
    if section == "todo":
        reading.todos.append(item)  # the candidate's own, as written
        return
    if section == "not_asked":
        reading.not_asked.append(item)  # no topic round one raised, so no concern and no question asked
        return
    item = _written_out(item)
    if not item:
        return
    if section != "next" and _END_QUESTIONS.search(item) and not _NO_TIME_FOR_QUESTIONS.search(item):
        # the candidate's own questions for the panel are the topic, not what they asked about: "didnt ask them good qs at
        # the end - asked about parking (!!)" (a bingo club manager's notes: "parking: went badly", drilled as a story),
        # and "my questions at the end were weak" (the line lost)
        verdict = _combine(_section_verdict(section), phrases.verdict(_said_of_end_questions(item)))
        reading.drafts.append(_Draft(END_QUESTIONS_TOPIC, line, verdict, phrases.repetitions(item)))
        return
    if section == "next":
        # ... after its length, the panel by initials: "1hr, KH + MD (Alan Reeves)" (a bus depot supervisor's notes: a
        # topic "1hr" round two "will ask about")
        panel = re.sub(r"^with\s+", "", _ROUND_LENGTH.sub("", item))
        if all(_PANEL_MEMBER.match(part.strip()) for part in panel.split(" + ")):
            # who round two's panel will be: "CEO (Helen Ames) + Gareth again + a trustee" (a charity shop area manager's
            # notes: "CEO: they came back to it (2x)", drilled twice as knowledge)
            reading.notes.append(item)
            return
        # ... and whom they meet, beside what they do: "meet area manager (Marcus) + do a business review of a salon"
        joined = item.split(" + ")
        parts = [part for part in joined if not _MEETING_PEOPLE.match(part.strip())]
        if len(parts) < len(joined) and any(_EXERCISE_DONE.match(part.strip()) for part in parts):
            reading.notes.append(item)
            item = " + ".join(parts).strip()
        item = _round_two_subject(item)
        if _MEETING_PEOPLE.match(item):
            # whom round two has them meet, no topic: "Meet 2 of the current team leads (informal, but "they'll feed
            # back")" (a kitchen fitting supervisor's notes: a topic round two "will ask about", with leadership its
            # competency)
            reading.notes.append(item)
            return
    marker = phrases.verdict(item[:1]) if _MARKER.match(item) else "none"
    item = _MARKER.sub("", item)
    if (aside := _TRAILING_ASIDE.search(item)) and "?" in aside.group():
        item = item[: aside.start()]  # "... in round 2 (new self checkouts rollout?)": their own guess, no topic
    if pushed := _PUSHED_WITH.search(item):
        # '..., I talked about my own Monday chain meeting, she said "and at scale?"' (an estate agency branch manager's
        # notes: read as a question asked, no topic): the panel coming back to it, not a question of its own
        item = f"{item[: pushed.start()]}, they came back to it"
    prefixed = bool(_QUESTION_PREFIX.match(item))
    item = _QUESTION_PREFIX.sub("", item).strip()
    label, colon, said = item.partition(": ")
    if colon and _NAMES_ITS_TOPIC.match(label.strip()) and said.strip():
        # "KEPT coming back to numbers: cost per garment, labour %, re-clean/re-press rate. asked 3x. ... BAD" (a dry
        # cleaning supervisor's notes: three topics, two of them asked "2x" and not gone badly): what comes after the colon
        # is what the topic took in, up to the sentence's end
        listed_parts, stop, after = said.partition(". ")
        item = f"{label.strip()} ({listed_parts.strip()}){stop}{after}"
        label, colon, said = item, "", ""
    if colon and _MY_QUESTIONS.match(label.strip()):
        return  # "Ask them: is the central team growing?" (a school business manager's notes: filed as questions they asked)
    # "feedback from Leanne at the end (phone call after): ..." (a home care coordinator's notes: no topic read in)
    label = _TRAILING_ASIDE.sub("", label)
    if colon and said.strip() and _SUMMARY_LABEL.match(label.strip()):
        # "Feedback from the recruiter: strong on X, but they wanted more on Y", in their quote marks or not
        item, summary = _QUOTE_MARKS.sub("", said).strip(), True
    elif colon and said.strip() and _ADDED_LATER.match(label.strip()) and len(label.split()) <= 3:
        # "remembered: Mrs Patel asked about attendance ... blanked on it" (a teacher's notes: no topic read in)
        item = said.strip()
    elif colon and said.strip() and _NEXT_ROUND_LABEL.match(label.strip()):
        # "Round 2 (next Thurs): they'll ask about a time I had to deal with a complaint from a family" (a supported living
        # team leader's notes: "Round 2 (next Thurs)" read as the topic, and dropped): what round two holds, as said of it
        # ... and two things it holds joined by "+": "a presentation on 90-day plan for the 5 branches + scenario - a branch
        # manager who's been hiding complaints" (an estate agency branch manager's notes: the scenario was lost)
        # ... and sentences after it: '"more scenarios" + a presentation 10 min: "first 90 days as rink mgr" + meet the duty
        # managers. Priya will do a budget exercise - read a P&L' (an ice rink supervisor's notes: the topics "meet" and
        # "presentation 10 min", the budget exercise lost)
        # ... after its length: "R2 = 90 min: presentation (15 min) on ..." (an aquarist's notes: the presentation lost)
        said = _ROUND_LENGTH.sub("", said.strip())
        parts = [part for sentence in _SENTENCE_BREAK.split(said) for part in sentence.split(" + ")]
        first, *more = [told for i, part in enumerate(parts) if (told := _round_two_part(part, first=i == 0))] or [""]
        if not first:
            return
        for told in more:
            _read_item(told, line, section, listed, reading, summary=summary)
        item = first
    elif colon and (exercise := _exercise_label(label)) and (
            said.strip()[:1].isalpha() or _LENGTH_FIRST.match(said.strip()) and exercise.group(1).lower() == "presentation"):
        # "scenario: serious allergic reaction at a school you're not at", 'presentation 10 min: "your first 90 days"' (a
        # school kitchen manager's round-two notes: the topics "scenario" and "presentation 10 min", asked without their
        # subject): what the exercise is about is the topic; and 'a presentation: 10 min, "first 90 days as GM"' (a
        # trampoline park duty manager's: the topic "presentation")
        item = _exercise_topic(exercise.group(1), said, section)
    elif added := _ADDED_LATER_DASH.match(item):
        # "forgot this - Tom asked how I handle flaky tests and I said we just rerun them" (a QA lead's added note: read as
        # a verdict on nothing, the flaky tests never a topic)
        item = item[added.end():]
    if (again := _BACK_TO_QUESTION.match(item)) and _QUESTION_FORM.match(again.group("question")) \
            and _ASKED_OF_YOU.search(again.group("question")):
        # 'kept coming back to: "how do you get the lads to do it right when you're not there"', 'came back TWICE to "how do
        # you decide when to euthanise / who makes the call". I said vet decides. ... Need better answer.' (a chimney
        # sweep's and an aquarist's notes: the repeat went to the line before's topic, or to "Need better answer"): the
        # question they came back to is the topic, with what the line goes on to say of it
        _read_question(again.group("question"), f"{again.group('cue')} it {item[again.end():]}", line, section, marker,
                       reading, prefixed=True)
        return
    head, comment = _split_comment(item)
    if _NEVER_CAME_UP.match(comment) or _NEVER_CAME_UP.search(head):
        return  # "repeat prescriptions turnaround - didn't come up?? surprised" (a practice manager's notes: read as came up)
    if comment and phrases.verdict(comment) == "none" and phrases.noun_phrase(head) is None and _cue(head) is None:
        head, comment = _split_comment(comment)  # "with hiring mgr: conversation about ..." - a label
    elif comment and _SUMMARY_LABEL.match(head.strip()):
        head, comment = comment, ""  # "Gut feel: strong on clinical, weak on governance": read what it says
        summary = True
    # Under "What they asked:", a line that is no question and says how it went is read as any other note: "Karen asked
    # twice about shrink and waste ... She came back to it at the end", "Coaching shift leaders - she probed twice"
    # (a deputy store manager's notes: the employer's biggest doubts were filed as questions asked, no concern)
    # ... and so is what they said round two will ask ("They'll ask about leading a store through change in round 2")
    told = section == "questions" and not _is_question(head) and (
        phrases.verdict(item) != "none" or phrases.repetitions(item) > 1 or bool(_NEXT_ROUND.search(head) and _cue(head)))
    if _is_question(head) and _NOT_ASKED.search(comment):
        # "conflict w/ head chef? they didn't ask directly but Marion hinted" (a catering manager's notes: filed as a
        # question they asked, the opposite of what it says): a topic that came up, no question
        head = item = head.rstrip(" ?")
    if (section == "questions" and not told) or (_is_question(head) and not _follow_up_asked(head)):
        _read_question(head, comment, line, section, marker, reading, prefixed=prefixed)
        return
    # "X - not great", "X: couldn't name a framework": a verdict after it says X is a topic.
    listed = listed or prefixed or marker != "none" or (bool(comment) and phrases.verdict(comment) != "none")
    before = len(reading.drafts)
    last: _Draft | None = None
    held: _Draft | None = None  # the topic a bare verdict or count of the line went to ("they came back to it")
    last_group: list[_Draft] = []  # the topics the last clause named: "X and Y ... I was vague" is about both
    last_sentence_from = before  # where the drafts of the last sentence start: a trailing comment is about them
    previous = ""  # the clause before: its cue ("they want to see") reaches a clause that goes on with "and how ..."
    judged = False  # a bare verdict on the line went to its topic: what follows uncued is comment
    for sentence in _SENTENCE_SPLIT.split(head):
        last_sentence_from = len(reading.drafts)
        long_sentence = len(sentence.split()) > LONG_SENTENCE_WORDS
        for clause in _dash_cued((_SUMMARY_CLAUSE_SPLIT if summary else _CLAUSE_SPLIT).split(sentence), summary):
            clause = _LEADING_AND.sub("", clause.strip(" ,.;"))
            if not clause:
                continue
            if previous and (more := _AND_HOW.match(clause)) and (cue := _cue(previous, summary=summary)):
                # "they want to see X, and how you'd Y": they want to see Y
                clause = f"{previous[: len(previous) - len(cue[1])].strip()} {clause[more.end():]}"
            previous = clause
            found = _read_clause(clause, line, section, listed, summary=summary)
            # "First answer was too generic": said of the answer to the topic before it on the line, a verdict on that
            found = [replace(d, name="", bare=True) if d.name and phrases.names_nothing(d.name) and d.verdict != "none"
                     and last is not None else d for d in found]
            if found and not found[0].name:
                # A bare verdict is about its own line's topic ("Overall: went fine" is about the interview).
                # ... and a count said on the line of the topic before: "kept coming back to: WORKING FROM RADS + the
                # vet's plan, not my own idea. asked 3x in diff ways" (a farrier's notes, its items split at the comma: 2x)
                target = last or _named_before(reading.drafts, head) or (
                    reading.drafts[-1] if reading.drafts and (not found[0].bare or (
                        found[0].mentions > 1 and reading.drafts[-1].line == line)) else None)
                if found[0].mentions > 1 and (probed := [d for d in reading.drafts[before:] if d.mentions > 1]):
                    target = probed[-1]  # "kept coming back to budgets. food cost per meal, .... she asked 3 times"
                said = _combine(found[0].verdict, phrases.verdict(comment)) if comment else found[0].verdict
                if target is not None:
                    _with(target, said, found[0].mentions)
                    held = target
                    judged = judged or said != "none"
                found = found[1:]
            if judged:
                # after the line's topic has its verdict, an uncued sentence says more of that answer: "sales targets - how
                # would you drive retail sales? -> weak. Bench person, never had a sales target." (a jewellery workshop
                # supervisor's notes: topics "Bench person" and "Strongest answer imo")
                found = [draft for draft in found if draft.cued or draft.verdict != "none"]
            if found:
                for draft in found:
                    if long_sentence:
                        draft.sure, draft.doubt = False, f"taken from a long sentence ({len(sentence.split())} words)"
                reading.drafts.extend(found)
                last, last_group = found[-1], found
            elif last is not None and phrases.verdict(clause) != "none":
                for draft in last_group or [last]:  # "My answer was vague."
                    # an admission is bad beside a "fine", in its own clause too: "disruptive passenger: used the
                    # intoxicated pax story, ok but I forgot to say how we reported it" (a purser's notes: left out)
                    admitted = phrases.admits(clause)
                    draft.verdict = "bad" if admitted else _combine(draft.verdict, phrases.verdict(clause))
                judged = True
            elif (last or held) is not None and not _FIRST_PERSON.match(clause) and (times := phrases.repetitions(clause)) > 1:
                # "she kept coming back to this. 3 times." (a school site manager's notes: 2x)
                for draft in last_group or [last or held]:
                    draft.mentions = max(draft.mentions, times)
            elif last is None and not _FIRST_PERSON.match(clause):
                reading.notes.append(clause)
    _fold_parts(reading.drafts, before)
    new = reading.drafts[before:]
    for i, draft in enumerate(new, start=before):
        extra = marker if not comment or i < last_sentence_from else _combine(marker, phrases.verdict(comment))
        # A heading's verdict is for the items under it, not for a sentence that says its own
        # ("Setting out checks went fine." under "Could have gone better"), nor for a line whose own
        # comment or mark says it ("Q: labour scheduling for Christmas -> fine" after "Fell flat: X").
        # A listed item keeps its heading's verdict however it is put: "Went badly: coaching - they asked how I'd coach a
        # rep who keeps missing target" (a sales trial's; prose under a heading, cued, says its own)
        said = (draft.cued and not listed) or draft.verdict != "none" or extra != "none"
        draft.verdict = _combine(draft.verdict, extra if said else _combine(extra, _section_verdict(section)))
        # how often they came back to it, in the comment's sentences that are not the candidate's own ("I fumbled this
        # badly. ... They came back to it again at the end": a fundraising manager's notes)
        if comment:
            # ("asked what our licence conditions require. I knew booking records kept 6 months but not much else": the
            # candidate's "kept" is no second time asked, a taxi dispatch supervisor's notes)
            # ... nor the words of a question they are quoted as asking: 'casual staff: "how do you keep casuals reliable"'
            # (an ice rink supervisor's notes: read as asked twice, on its "keep"); its count still counts ('"how would you
            # show me the process is working" x3 at least', a hospital laundry supervisor's)
            told = [part for part in _SENTENCE_SPLIT.split(comment) if not _FIRST_PERSON.match(part.strip())]
            draft.mentions = max([draft.mentions, *(phrases.counted(part) if _QUESTION_FORM.match(part.strip(" \"'\u201c"))
                                                    else phrases.repetitions(part) for part in told)])
        if section == "repeated":
            draft.mentions = max(draft.mentions, 2)
        if section == "next":
            draft.forewarned, draft.verdict = True, "none"  # what round two will test, not how round one went
    if not new and comment and reading.drafts and phrases.verdict(comment) != "none" and not listed:
        reading.drafts[-1].verdict = _combine(reading.drafts[-1].verdict, phrases.verdict(comment))


def _fold_parts(drafts: list[_Draft], before: int) -> None:
    """The one-word parts a line says went badly, after the question it says was asked, are parts of that question: "Tom
    asked how I'd build an account health score from scratch. I talked about usage + NPS but blanked on weighting and how
    you validate it against actual churn. weak" (a customer success manager's notes: two concerns named "weighting" and
    "validating", drilled as stories, and the question itself left as "not sure how it went") is one concern."""
    new = drafts[before:]
    if len(new) < 2 or not new[0].cued or len(new[0].name.split()) < 3:
        return
    for part in [d for d in new[1:] if len(d.name.split()) == 1 and d.verdict == "bad"]:
        new[0].verdict = _combine(new[0].verdict, part.verdict)
        new[0].mentions = max(new[0].mentions, part.mentions)
        drafts.remove(part)


def _named_before(drafts: list[_Draft], head: str) -> _Draft | None:
    """The topic a line's label names again, read on an earlier line: "Agency staff / agency spend - they definitely came
    back to it twice" is about the "Agency staff" read before, not the line before's topic (a hotel manager's notes: a
    guest complaint took the "twice")."""
    phrase = phrases.noun_phrase(head)
    names = {n.strip().lower() for n in phrase.text.split("/")} if phrase else set()
    return next((d for d in reversed(drafts) if d.name.lower() in names), None)


def _after(text: str, phrase: str) -> str:
    """What `text` says after `phrase`, with its punctuation (the leftover of _phrases_in has none)."""
    at = text.lower().find(phrase.lower())
    return text[at + len(phrase):] if at >= 0 else ""


def _dash_cued(clauses: list[str], summary: bool) -> list[str]:
    """Each clause, cut again before a dash that starts a cue: "They felt some answers stayed high level - they want to
    see how you've used data to reduce churn" is two notes (a customer success lead's trial: no topic read in it). Only
    then: after "Asked about e-rostering - " the rest says how it went."""
    out = []
    for clause in clauses:
        parts = _DASH.split(clause, maxsplit=1)
        if len(parts) == 2 and len(parts[0].split()) >= 4 and _cue(parts[1].strip(), summary=summary) is not None:
            out += parts
        else:
            out.append(clause)
    return out


def _follow_up_asked(text: str) -> bool:
    """'The chief inspector asked twice "and what if they refuse?"': a follow-up on the topic before, not a question that names one."""
    cue = _cue(_HEDGE.sub("", text.strip()))
    return cue is not None and bool(_FOLLOW_UP.match(cue[1]))


# The most words of a topic named before a long comment on it ("medicines reconciliation - ...").
SHORT_TOPIC_WORDS = 4


def _split_comment(item: str) -> tuple[str, str]:
    """'Conflict with a peer — rambled, no result' -> ('Conflict with a peer', 'rambled, no result')."""
    parts = _COMMENT_SPLIT.split(item, maxsplit=1)
    # a question asked, then what came of it, however long: '"how have you raised attainment beyond your own class" -
    # came back to this twice. I talked about ...' (a teacher's notes: the whole line was the topic); the question itself
    # may be long: '"how do you keep a team going on nights when morale is on the floor" - weak, just said lead by
    # example' (a Border Force officer's notes: the verdict read into the topic's name)
    if (len(parts) == 2 and parts[1].strip() and len(parts[0].split()) <= QUESTION_WORDS
            and _QUESTION_FORM.match(parts[0].strip()) and len(_SENTENCE_SPLIT.split(parts[0].strip().rstrip("?. "))) == 1):
        return parts[0].strip(), parts[1].strip()
    if len(parts) == 2 and len(parts[0].split()) <= 12 and parts[1].strip():
        head, comment = parts[0].strip(), parts[1].strip()
        if _is_question(head) and len(_SENTENCE_SPLIT.split(head.rstrip("?. "))) == 1:
            return head, comment
        one_sentence = len(_SENTENCE_SPLIT.split(comment.rstrip(". "))) == 1 and len(comment.split()) <= 10
        if one_sentence and (phrases.verdict(comment) != "none" or phrases.repetitions(comment) > 1 or len(comment.split()) <= 6):
            return head, comment
        # ... or the story told and what it lacked: "Bev asked about a time I dealt with a difficult client - gave the
        # callback story at the care home, didnt give an outcome really" (a plumbing supervisor's notes: read as came up)
        if _ASKED_ABOUT.search(head) and len(comment.split()) <= 16 and phrases.verdict(comment) == "bad":
            return head, comment
        # A topic named in a few words, then at length how they came back to it: "medicines reconciliation - Karen asked
        # twice how many meds recs I do a day ... I waffled, didnt give numbers" (a pharmacy technician's trial: the job's
        # main topic read only as feedback on answer length). Not any long comment: "CDs - asked about register
        # discrepancies ... forgot to mention Datix" names a topic of its own in it.
        named = phrases.noun_phrase(head)
        if (len(head.split()) <= SHORT_TOPIC_WORDS and named is not None and named.complete and not _FIRST_PERSON.match(comment)
                and phrases.repetitions(comment) > 1):
            return head, comment
        # ... or then in their own words how it went: "on shelf availability - I blanked on the number for our store,
        # gave the company target instead" (a deputy store manager's notes: read as a topic "number for our store")
        if (len(head.split()) <= SHORT_TOPIC_WORDS + 1 and named is not None and named.complete and not named.rest.strip(" /")
                and _FIRST_PERSON.match(comment) and phrases.verdict(comment) != "none" and phrases.repetitions(comment) <= 1):
            return head, comment
        # ... or a verdict first, then more on it: "data / KPIs - blanked on what numbers I'd report to the PVC. said
        # "wellbeing referrals" and then nothing" (a student support adviser's notes: no topic read in the line)
        # ... however often the rest says they came back to it: "Legacies - I fumbled this badly. Hospice gets ~40% of income
        # from legacies ... They came back to it again at the end" (a fundraising manager's notes: no topic read in)
        first = _SENTENCE_SPLIT.split(comment, maxsplit=1)[0]
        if (len(head.split()) <= SHORT_TOPIC_WORDS + 1 and named is not None and named.complete and not named.rest.strip(" /")
                and len(first.split()) <= 10 and phrases.verdict(first) != "none"):
            return head, comment
        # ... or what they asked of it, then how it went: "CQC - asked which key question I'd worry about most. said
        # well-led. couldn't really say what evidence I'd show for it. not great" (a home care coordinator's notes: no
        # topic read in); not "CDs - asked about register discrepancies ...", which names a topic of its own
        if (len(head.split()) <= SHORT_TOPIC_WORDS and named is not None and named.complete and not named.rest.strip(" /")
                and _ASKED_WHICH.match(comment) and phrases.verdict(comment) == "bad"):
            return head, comment
    return item.strip(), ""


def _is_question(text: str) -> bool:
    # "overall felt ok?? not great": the candidate asking themselves how it went, no question asked (a trial's topic
    # "overall felt ok")
    if _SUMMARY_LABEL.match(text.split()[0] if text.split() else "") and not _QUESTION_FORM.match(text):
        return False
    # a question of their own in brackets after it asks nothing: "They'll ask about leading a store through change in
    # round 2 (new self checkouts rollout?)" (a deputy store manager's notes: filed as a question asked, no topic)
    text = _TRAILING_ASIDE.sub("", text)
    return text.rstrip(" )").endswith("?") or bool(_QUESTION_FORM.match(text))


_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")
_OTHER_PART = re.compile(r"[\s\"'\u201d]*\+\s*(?:the\s+)?(?:(?:panel|interview)(?:\s+(?:qs?|q&a|questions?))?|qs?|q&a|"
                         r"questions?)\W*$", re.I)


def _read_question(
    question: str, comment: str, line: str, section: Section, marker: phrases.Verdict, reading: _Reading,
    *, prefixed: bool = False,
) -> None:
    """A question as asked. With a verdict or a repeat count it names a topic too, a doubtful one,
    except what the question asks you to do, in the `Q: ... -> verdict` form `mockint debrief --help`
    shows, and a reason asked for ("why I haven't led a team"): the doing or the reason is the topic
    ("Q: How would you raise attainment for disadvantaged students -> weak" is "raising attainment for
    disadvantaged students"; trial 4 got "raise attainment", left out as unsure)."""
    verdict = _combine(_combine(marker, _section_verdict(section)), phrases.verdict(comment))
    # the question's own words are the interviewer's: "how do you keep a team going on nights" keeps nothing coming back
    # (what the notes go on to say after it still counts: "how do u manage contractor guards vs in-house. WOBBLY. ... he
    # asked twice")
    asked, *after = _SENTENCE_SPLIT.split(question.strip(), maxsplit=1)
    said = " ".join([*after, comment]) if _QUESTION_FORM.match(asked) else f"{question} {comment}"
    # (under "kept coming back to:", the question they came back to: a chimney sweep's notes gave its repeat to the topic
    # of the line before)
    mentions = max(phrases.repetitions(said), 2 if section == "repeated" else 1)
    reason = _gerund_for_why(question.rstrip("?").strip())
    if reason != question.rstrip("?").strip() and not question.rstrip().endswith("?"):
        # "why I left my last job": a reason asked for, said as a topic, not a question asked.
        phrase = phrases.noun_phrase(reason)
        name = phrase.text if phrase and phrase.complete and not phrase.rest.strip() else reason
        if verdict != "none" or mentions >= 2:
            sure = not phrases.too_long(name)
            reading.drafts.append(_Draft(name, line, verdict, mentions, sure=sure,
                                         doubt=None if sure else "a long phrase: is it one topic?"))
        return
    reading.questions.append(question.strip())
    if verdict == "none" and mentions < 2:
        return
    if _WHY_HERE.match(question.strip()):
        # "why this trust - bit generic": the motivation question is its own topic's name (a trial's was left out as
        # unsure, so a "why us" answer that went badly never became a concern)
        reading.drafts.append(_Draft(question.rstrip("?").strip(), line, verdict, mentions))
        return
    doing = _DOING_LEAD.match(question)
    if doing:  # "How would you raise X": the question names a verb, whatever else the word can be
        body = _gerund(question[doing.end():].rstrip("?").strip())
        sure = prefixed and not phrases.too_long(body)
        reading.drafts.append(_Draft(body, line, verdict, mentions, sure=sure,
                                     doubt=None if sure else "a question, not a topic: name the topic"))
        return
    body = _QUESTION_LEAD.sub("", question.rstrip("?").strip())
    body = _gerund_for_verb(body)  # "migrate a monolith" -> "migrating a monolith"
    phrase = phrases.noun_phrase(body)
    name = phrase.text if phrase and phrase.complete and not phrases.too_long(phrase.text) else body
    reading.drafts.append(_Draft(name, line, verdict, mentions, sure=False, doubt="a question, not a topic: name the topic"))


def _read_clause(clause: str, line: str, section: Section, listed: bool, *, summary: bool = False) -> list[_Draft]:
    """The topics one clause names, with what the clause says about them (`summary`: on a summary line)."""
    clause = _LEAD_LABEL.sub("", clause)
    doubted = bool(_DOUBTED.match(clause))
    clause = _DOUBTED.sub("", clause)
    hedged = bool(_HEDGE.match(clause))
    clause = _HEDGE.sub("", clause)
    verdict = phrases.verdict(clause)
    if doubted:
        verdict = {"good": "bad", "none": "bad", "bad": "good"}.get(verdict, verdict)  # type: ignore[assignment]
    mentions = 1 if _FIRST_PERSON.match(clause) else phrases.repetitions(phrases.without_relative_clauses(clause))
    counted, clause = clause, phrases.without_counts(clause)
    if phrases.only_verdict(clause):  # "Fine-ish.": how the topic before went, not a topic
        return [_Draft("", line, verdict, mentions, bare=True)]
    if mentions > 1 and _ASKED_IT.fullmatch(clause.strip(" .!")):
        # "Mrs Okonjo kept coming back to budgets. ... she asked 3 times." (a school catering manager's notes: "came back
        # to it 2 times" in every plan): how often the topic before was asked
        return [_Draft("", line, verdict, mentions, bare=True)]
    part_where = _PART_WHERE.match(clause)
    if part_where:  # "The part where they asked about my biggest mistake was rough"
        return [_with(d, verdict) for d in _read_clause(part_where.group(1), line, section, listed, summary=summary)]
    if gap := _TALKED_ABOUT_NOT.match(clause):
        # "talked about kW & not about DNO capacity / load mgmt. he pushed twice" (a bus depot supervisor's notes: a weak
        # area "kW", and the grid capacity they pushed on lost): what was left out is the topic, and it went badly
        return [_Draft(gap.group("gap").strip(" ."), line, "bad", mentions)]
    if helped := _WOULD_HAVE_HELPED.search(clause):
        # "I forgot to say we got Autism Friendly accreditation last year - would have helped the accessibility answer a
        # lot" (a museum visitor services manager's added note: read as nothing): the answer it names went badly
        return [_Draft(helped.group(1), line, "bad", 1)]
    if _SHOULD_HAVE_SAID.match(clause) and not re.sub(r"^\W+", "", line).lower().startswith(clause.lower()):
        # what I should have said, after the question it was for, is no topic they asked: "she frowned - should have
        # talked about the unruly pax diversion call where I pushed back" (a purser's notes: the story meant became a
        # concern, and the question itself, disagreeing with the captain, was left out); a line of its own still names
        # one ("I should have mentioned the retry budget"); its words count nothing ("where I pushed back" is no probe)
        return [_Draft("", line, "bad", 1)]
    opened = _OPENED_WITH_WHY.match(clause)
    if opened and _cue(clause, summary=summary) is None:
        # "started w/ why AHT why here. ok-ish, bit generic" (a teacher's notes: read only as feedback on detail, so her
        # motivation answer was never drilled)
        return [_Draft(_I_WANT_TO.sub("why ", " ".join(opened.group(1).split())).rstrip(" ,"), line, verdict, mentions)]
    if _REMARK.match(clause) or _REMINDER.match(clause):
        return []  # "no budget question?? surprising for a manager role": the candidate's remark, no topic (trial 83)
    cue = _cue(clause, summary=summary)
    if cue is not None:
        kind, rest = cue
        cued_by = clause[: len(clause) - len(rest)]
        if (kind == "asked" and _NOT_ASKED.search(cued_by)) or _NO_QUESTION.match(clause):
            return []  # "they never asked about budget" (trial 83: "budget" came up)
        if kind == "bad" and (_SURE_YOU_HAD.search(cued_by) or _DOUBTED_DOING.search(cued_by)):
            rest = _gerund(rest)  # "weren't sure you've managed a contract at this scale": managing one
        if kind == "bad" and _FELT_DOING.search(cued_by) and rest.split()[0].lower().endswith("ing") \
                and len((doing := _DOING_ENDS.split(rest, maxsplit=1)[0]).split()) > 1:  # (not "felt I was rushing")
            # "felt you were still thinking like a branch manager": the doing is the topic, to where the sentence turns
            return [_draft(phrases.Phrase(doing.strip(" .!"), True, ""), line, _combine(verdict, "bad"), mentions,
                           cued=True)]
        if kind in ("forewarned", "bad") and (doer := _SEEN_DOING.match(rest)) \
                and doer.group(1).lower() in phrases.base_verbs(doer.group(1)):
            # "want to see you think like a manager not a senior keeper" (a recruiter's call in an aquarist's and a chimney
            # sweep's notes: no topic read in, and never drilled): what they want to see done is the topic, to where the
            # sentence turns ("not a senior keeper")
            doing = _DOING_ENDS.split(_gerund(rest[doer.start(1):]), maxsplit=1)[0].strip(" .!")
            draft = _draft(phrases.Phrase(doing, True, ""), line,
                           "none" if kind == "forewarned" else _combine(verdict, _CUE_VERDICT.get(kind, "none")), mentions,
                           cued=True)
            draft.forewarned = kind == "forewarned"
            return [draft]
        if kind == "noun":  # "questions on X": asked, or in a line about the next round, what round two will ask
            kind = "forewarned" if _NEXT_ROUND.search(line) else "asked"
        if what_if := _WHAT_IF.match(rest):
            # "asked what I'd do if a driver was assaulted late at night and the route needed pulling - I said ..." (a bus
            # controller's added note: no topic read in): the scenario is the topic, said without its "was"
            scene = _SCENARIO_AUX.sub(" ", re.split(r"\s+(?:and|but|so|-+>?|=>)\s+|[,;(]", what_if.group(1))[0]).strip()
            scene = re.sub(r"^(?:a|an|the)\s+", "", scene, flags=re.I)
            return [_draft(phrases.Phrase(scene, True, ""), line, _combine(verdict, _CUE_VERDICT.get(kind, "none")),
                           mentions, cued=True)]
        said_cue = clause[: len(clause) - len(rest)]
        named_first, dash, _ = said_cue.partition(" - ")
        # The topic, then the question it was asked in: "managing former peers - FR asked "you'd be managing ppl you
        # currently work alongside, how?" - waffled" (an outdoor centre instructor's notes: the topic lost to its question
        # said as put to the candidate; "Callbacks - Steve asked what our callback rate was" still names what was asked);
        # or asked how, in a few words that name nothing of their own: "CITB/CSCS cards - asked how I check" (a roofing
        # supervisor's notes: topics "checking" and "minor"; "health scores - Tom asked how I'd build an account health
        # score from scratch" names its own)
        wh = re.match(r"(?:how|what|why|whether|when)\s", rest.strip(), re.I)
        put_to_them = re.match(r"(?:(?:how|what|why|whether|when)\s+)?(?:you|you'd|you're|you'll|i|i'd|we|we'd)\s",
                               rest.strip(), re.I)
        if kind == "asked" and dash and put_to_them and not (wh and len(rest.split()) > SHORT_ASKED_WORDS) \
                and (first := phrases.noun_phrase(named_first.strip())) is not None and first.complete and not first.rest \
                and not _cue(named_first):
            return [_draft(first, line, verdict, mentions, cued=True)]
        if kind == "forewarned" and _SCENARIO_CUE.search(said_cue) and (named := phrases.noun_phrase(rest)) is not None \
                and re.match(r"(?:doesn'?t|does not|don'?t|isn'?t|won'?t|can'?t|is|are|was|has|have|been|\w+s)\s", named.rest):
            # the scenario told as a scene: "expect a scenario - a carer doesn't turn up for a double-up call at 7am and the
            # other carer is waiting" (a home care coordinator's notes: a topic "carer")
            scene = re.split(r"\s+(?:and|but|so|while|-+>?|=>)\s+|[,;(]", rest.strip())[0].strip(" .")
            scene = re.sub(r"^(?:a|an|the)\s+", "", scene, flags=re.I)
            draft = _draft(phrases.Phrase(scene, True, ""), line, "none", mentions, cued=True)
            draft.forewarned = True
            return [draft]
        if (part := _WHAT_IT_IS.match(rest.strip())) and part.group("thing").lower() in STORY_PARTS:
            # "told the knife crime story, but they asked what the result was" (a youth work lead's notes: a concern
            # named "result"): a follow-up on the story before, not a topic
            return [_Draft("", line, verdict, mentions)]
        if kind == "regret" and _STORY_PART_SAID.match(rest.strip()):
            # "I told the boiler story but forgot the outcome" (a student accommodation manager's notes: a topic "outcome"):
            # a part of the story before left out, so that story went badly
            return [_Draft("", line, "bad", mentions)]
        if kind == "asked" and _ASKED_BACK.match(rest.strip(" \"'\u201c\u201d")):
            return [_Draft("", line, verdict, mentions)]
        rest = _HOW_LEAD.sub("", _as_noun_phrase(rest))
        rest = _WHO_DOES.sub("", rest)  # "unconvinced about me managing people older than me"
        rest = _IN_THE_INTERVIEW.sub("", _time_you(rest))
        # "a poorly performing receptionist": one describing word (a practice manager's notes: no topic read in, and its
        # "poorly" said the two topics before it went badly)
        rest = _ADVERB_PARTICIPLE.sub(r"\1-\2", rest)
        verdict = _combine(verdict, _CUE_VERDICT.get(kind, "none"))
        if kind == "forewarned":
            verdict = "none"  # what round two will test, not how round one went ("expect questions on managing a poor performer")
        if kind == "repeated":
            mentions = max(mentions, 2)
        if _OBJECT_PRONOUN.match(rest) or _OUR_FIGURES.match(rest):  # "they pushed on it": the topic before
            return [_Draft("", line, verdict, mentions)]  # ... "blanked on our actual numbers": the figures of it
        if _SUBORDINATE.match(rest):  # "blanked when she asked about SLOs"
            inner = _read_clause(_SUBORDINATE.sub("", rest), line, section, listed, summary=summary)
            return [_with(d, verdict, mentions) for d in inner]
        if _MY_ANSWER_WENT.match(clause) and not re.sub(r"^\W+", "", line).lower().startswith(clause.lower()):
            # "I fumbled the question on escalation ..., rambled about the runbook" (a SOC analyst's notes: "runbook"
            # became a concern): what my answer to the topic before was about, said after it
            return [_Draft("", line, "bad", mentions)]
        if kind == "verb" and _FIRST_PERSON.match(clause) and phrases.verdict(clause) == "bad":
            # "Mike asked about managing a driver with high sickness absence. I waffled about policy": how my answer to
            # the topic before went, not a topic "policy" (a bus controller's notes: the absence topic was left out)
            return [_Draft("", line, "bad", mentions)]
        if kind == "verb" and _FIRST_PERSON.match(clause) and verdict == "none":
            return []  # "I've only done batch in production": what I did, not what they asked
        if kind == "asked" and _I_TALKED.search(clause[: len(clause) - len(cue[1])]):
            return []  # "first time i talked about the team": what my answer was about, not what they asked
        if _FOLLOW_UP.match(rest):  # 'Dr K asked twice "and what did you do when he didn't improve?"': the topic before
            return [_Draft("", line, verdict, mentions)]
        # what they asked, then what I said of it: "asked how I would handle a complaint about bullying between crew, I
        # waffled about HR policy" is the complaint, gone badly (a purser's notes: "HR policy" became the concern)
        if kind != "bad" and len(parts := _MY_COMMENT.split(rest, maxsplit=1)) == 2:
            rest = parts[0]
            verdict = _combine(verdict, phrases.verdict(parts[1]))  # "..., I didn't have an answer for that one"
        found, leftover = _phrases_in(rest)
        found = [p for p in found if not _DID_ONE.fullmatch(p.text)]  # "..., used one from when I was a student"
        lone = rest.strip(" .!")
        if (why := _WHY_HERE_SAID.match(lone)) and not any(p.text.lower().startswith("why") for p in found):
            # "Expect questions on P&L ownership, on hiring, and on why this company", "asked why this company and not
            # staying where I am, I was vague": the motivation question is the topic (a sales manager's trial: dropped)
            found, leftover = [phrases.Phrase(why.group(0).strip(), True, "")], lone[why.end():]
            leftover = _AND_NOT.sub("", leftover)
            leftover = "" if not leftover.strip(" ,.;?") else leftover
        if not found and not leftover and re.fullmatch(r"[A-Za-z-]+", lone) and "ADJ" in word_classes(lone.lower()):
            # "strong on technical", "weak on clinical": the adjective names the side of the job (a trial: no topic)
            found = [phrases.Phrase(lone, True, "")]
        if len(found) == 1 and not leftover and (purpose := _PURPOSE.match(found[0].rest)):
            # "used data to reduce churn": the topic is the data for that purpose, not "data" alone
            found = [phrases.Phrase(f"{found[0].text} {purpose.group(0).strip()}", True, found[0].rest[purpose.end():])]
        if leftover:  # "hashing and ran out of time for ...": the clause's verdict is for the part before
            verdict = _combine(phrases.verdict(rest[: len(rest) - len(leftover)]), _CUE_VERDICT.get(kind, "none"))
        drafts = [_draft(p, line, verdict, mentions, cued=True) for p in found]
        for draft in drafts:
            draft.forewarned = kind == "forewarned"
        # the leftover's own count, which was taken out with the clause's: "X, asked 2 or 3 times how I'd Y" (a trial)
        more = [_with(d, "none", phrases.repetitions(counted[counted.lower().rfind(leftover.split()[0].lower()):]))
                for d in _read_clause(leftover, line, section, listed, summary=summary)] if leftover else []
        said_after = _after(rest, found[-1].text).strip(" ,;") if found else ""
        if leftover and not more and (and_on := _AND_HOW.match(said_after)):
            # "Expect questions on data and on how I'd lead a staff meeting / CPD": the cue asks the second too (a
            # teacher's notes: the staff meeting was lost without a word)
            more = _read_clause(f"{clause[: len(clause) - len(cue[1])].strip()} {said_after[and_on.end():]}", line,
                                section, listed, summary=summary)
        if more and not more[0].name:  # "dove into X, went ok": how X went
            drafts = [_with(d, more[0].verdict, more[0].mentions) for d in drafts]
            more = more[1:]
        elif not more and _FIRST_PERSON.match(leftover.strip(" ,;")) and (said := phrases.verdict(leftover)) != "none":
            drafts = [_with(d, said) for d in drafts]  # "asked about managing an older electrician ..., I waffled"
        elif not more and found and phrases.only_verdict(head := said_after.split(",")[0]) and phrases.verdict(head) != "none":
            # "asked what I'd do in my first 90 days, went ok, said listen first" (a store manager's notes: "the notes do
            # not say how it went")
            drafts = [_with(d, phrases.verdict(head)) for d in drafts]
        return drafts + more
    if (listed or section != "none") and _WHETHER.match(clause):
        clause = _how_you(clause)  # "whether I can manage people ...": managing them ("how I sign off ..." is the item's)
    phrase = _and_joined(phrases.noun_phrase(clause))
    first, second = (clause.split() + ["", ""])[:2]
    if phrase is None and listed and phrases.past_participle(first) and phrases.verdict(first) == "none" and \
            second.endswith("s") and phrases.can_be_noun(second) and first.lower() not in _SAID_VERBS:
        # "missed deliveries / first time delivery rate - I didnt have my numbers", "damaged parcels claims -- fine but a
        # bit long" (a parcel depot team leader's notes: no topic read in): a list item opening on a participle that
        # describes its plural noun names it, as after "asked about" ("lacked numbers", "fumbled questions" say how it went,
        # "said more training" and "started with overbooking" what was done)
        phrase = _and_joined(phrases.noun_phrase(clause, after_cue=True))
    if phrase is not None and _DID_ONE.fullmatch(phrase.text):
        # "didn't really have an example, used one from when I was a student" (a housing officer's notes: a concern named
        # "used one", open in every plan): what was done with something named before, no topic
        return []
    if phrase is None or phrases.only_how_it_went(
            set(re.findall(r"[a-z0-9']+", phrase.text.lower())) - _LABEL_FILLERS - _HOW_MANY):
        # "A few answers went on too long": how answers went (feedback), no topic (trial 15: "few answers"); "examples
        # good but long" (a trial's topics "examples good" and "long")
        return []
    after = phrase.rest
    first_after = after.split()[0] if after.split() else ""
    if verdict != "none" and (first_after.lower() in phrases.AUXILIARIES | phrases.LINKING_VERBS or phrases.verb_only(first_after)):
        return [_draft(phrase, line, verdict, mentions)]  # "Caching strategy went fine", "salary question caught me off guard"
    if (listed or section != "none") and (not after.strip(" .!?") or (listed and phrase.complete and not after[:1].isalnum())):
        return [_draft(phrase, line, verdict, mentions)]  # a list item that is a noun phrase ("metrics / how I ...")
    if listed and phrase.complete and (when := _WHEN_IT_HAPPENS.fullmatch(after.strip(" .!?"))):
        # "staffing cover across sites when people off sick - didn't really have an answer" (a school catering manager's
        # notes: no topic read in, her biggest gap): the time it is needed still names it; not one when the panel did
        # something ("budgets when she pushed"), which names only the noun
        said = phrase.text if when.group("panel") else f"{phrase.text} {after.strip(' .!?')}"
        return [_draft(phrases.Phrase(said, True, ""), line, verdict, mentions)]
    if (listed or section != "none") and _RELATIVE.search(f" {phrase.text} ") and _FIRST_PERSON.match(after.strip()):
        # "managing people who do work | I've never done": the relative clause names the topic to its end (a council
        # revenues lead's "They kept coming back to:" item, dropped); how it went is not in it
        return [_draft(phrases.Phrase(f"{phrase.text} {after.strip(' .!?')}", True, ""), line, "none", mentions)]
    if listed and verdict != "none" and phrases.only_verdict(after.strip(" .!?")):
        # "budgeting question fine I think" (a trial: no topic): the topic is what the question was on
        named = re.sub(r"\s+(?:question|q)$", "", phrase.text, flags=re.I)
        return [_draft(phrases.Phrase(named, phrase.complete, phrase.rest), line, verdict, mentions)]
    if not _FIRST_PERSON.match(clause) and re.match(r"(?:i|we)\s+(?:handled|did|answered|know|knew)\b", after, re.I):
        return [_draft(phrase, line, verdict, mentions)]  # "The question on observability I handled well"
    if hedged and (not after.strip(" .!?") or re.match(r"^,?\s*which\b", after)):
        return [_draft(phrase, line, verdict, mentions)]  # "Then event sourcing"
    if _CAME_UP.match(_ASIDE.sub("", after.strip())):
        # "Agency staff came up - asked how I control agency spend" (a hotel manager's notes: no topic, and the line's
        # "came back to it twice" went to the topic of the line before)
        return [_draft(phrase, line, verdict, mentions)]
    if section != "none" and _NOT_THE_OTHER.fullmatch(after.strip(" .!?")) and phrases.verdict(after) == "none" \
            and not _NOT_HOW_GOOD.search(after):
        # the topic set against what it is not: "KEEP coming back to: managing managers not staff. asked 3x in diff ways" (a
        # betting shop manager's notes: their main concern dropped)
        return [_draft(phrases.Phrase(f"{phrase.text} {after.strip(' .!?')}", True, ""), line, verdict, mentions)]
    in_role = after.strip(" .!?\"'\u201d")
    if (listed or section != "none") and phrase.complete and _AS_A_ROLE.fullmatch(in_role):
        # ... or in a role: "presentation, 10 min: "Your first 90 days as Ops Manager"" (a racecourse supervisor's round two)
        return [_draft(phrases.Phrase(f"{phrase.text} {in_role}", True, ""), line, verdict, mentions)]
    return []


_AS_A_ROLE = re.compile(r"as\s+(?:a\s+|an\s+|the\s+|your\s+|my\s+)?[A-Za-z][\w -]{1,40}", re.I)
_NOT_THE_OTHER = re.compile(r"(?:not|rather\s+than|instead\s+of)\s+(?:just\s+)?(?:the\s+|a\s+|an\s+|my\s+|your\s+|their\s+)?"
                            r"[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}", re.I)
# ... not how good it was ("stakeholder mgmt not my strongest", "not ideal") nor how it was held ("Teams call not in person")
_NOT_HOW_GOOD = re.compile(r"\w{2,}est\b|\b(?:good|great|ideal|brilliant|amazing|perfect|clear|sure|strong|confident|smooth|"
                           r"in person|face to face|online|remote|remotely)\b", re.I)
_DID_ONE = re.compile(r"[a-z]+(?:ed|ew|ave|ook|ade|ot|id)\s+(?:one|ones|it|that|them|this|those)", re.I)
# a time clause after a listed topic, up to six words: when it is needed ("when people off sick"), or, after a pronoun,
# what someone did ("when she pushed on it")
_WHEN_IT_HAPPENS = re.compile(r"(?:when|whenever)\s+(?:(?P<panel>she|he|they|i|we|you)\b\s*)?(?:[\w'-]+\s+){0,5}[\w'-]+", re.I)
# ... a doubt of what you would or can do: "wasn't sure you'd take direction", "concern is whether you can step up"
_DOUBTED_DOING = re.compile(r"\b(?:you|i)" + _WOULD_DO + r"\s*$", re.I)
_SURE_YOU_HAD = re.compile(r"\bsure\s+(?:that\s+|whether\s+|if\s+)?(?:you|i)(?:'ve|\s+have|'d|\s+had|\s+could|\s+can|\s+would)?\s*$",
                           re.I)
_NEVER_CAME_UP = re.compile(r"(?:^|\s)(?:it\s+|that\s+)?(?:didn'?t|did not|never)\s+(?:come|came)\s+up\b", re.I)
_ADVERB_PARTICIPLE = re.compile(r"\b([a-z]+ly) ([a-z]+(?:ing|ed))\b(?= [a-z])", re.I)
_NO_QUESTION = re.compile(r"^(?:there\s+(?:was|were)\s+)?no\s+(?:\w+\s+)?(?:questions?|qs?)\b", re.I)
_REMARK = re.compile(r"^(?:(?:which|that|it|this)\s+(?:was|is|seemed|seems)\s+)?(?:quite\s+|very\s+|a\s+bit\s+|bit\s+|pretty\s+|"
                     r"really\s+)?(?:surprising|odd|strange|weird|unexpected|funny|curious)\b(?!\s+(?:question|one|q)\b)", re.I)
# ... and a reminder to themselves: "he pulled a face. need numbers!!" (a plumbing supervisor's notes: a topic "need numbers")
_REMINDER = re.compile(r"^(?:i\s+)?(?:need|must|should|gotta|got\s+to)\s+(?:to\s+)?(?:get\s+|bring\s+|have\s+|learn\s+|know\s+)?"
                       r"(?:more\s+|better\s+|some\s+|real\s+|my\s+|the\s+)?(?:numbers|figures|stats|data|examples?|metrics)"
                       r"\W*$", re.I)
_RELATIVE = re.compile(r"\s(?:who|whose|that|which)\s", re.I)
_WHETHER = re.compile(r"(?:whether|if)\s", re.I)
# ... after an aside on the topic: "also data protection (CCTV) came up 3x" (a security supervisor's notes: no topic)
_ASIDE = re.compile(r"^\([^()]{1,30}\)\s*")
_CAME_UP = re.compile(r"(?:came|comes|coming)\s+up\b|(?:was|were|got)\s+(?:asked\s+about|raised|brought\s+up|discussed)\b", re.I)


def _with(draft: _Draft, verdict: phrases.Verdict, mentions: int = 1) -> _Draft:
    draft.verdict = _combine(draft.verdict, verdict)
    draft.mentions = max(draft.mentions, mentions)
    return draft


def _gerund_for_why(text: str) -> str:
    """'why I left my last two jobs' -> 'leaving my last two jobs', "why I haven't been a head of
    department" -> 'not having been a head of department': a reason asked for, as a noun phrase."""
    negative = _WHY_NOT_LEAD.match(text)
    if negative:
        rest = re.sub(r"\s+(?:before|yet|already|ever)\s*$", "", text[negative.end():].strip())  # what, not when
        return f"not having {negative.group(1).lower()} {rest}"
    match = _WHY_LEAD.match(text)
    if not match:
        return text
    return _gerund(text[match.start(1):])


# "a time I disagreed with someone senior" -> "disagreeing with someone senior" (a graduate's trial: the topic "time")
# ... and as asked: "started with why do I want to be a registered manager / why leave Beechwood. ok but rambled" (a care
# home deputy's notes: read only as feedback on answer length, which any short answer then closed; no motivation
# question was ever planned)
_OPENED_WITH_WHY = re.compile(r"^(?:(?:they\s+|we\s+|it\s+|(?-i:[A-Z][a-z]+)\s+)?(?:started|opened|began|kicked off)\s+(?:with|on)\s+)?"
                              # ... and by the employer's name: "opened with why Riverside, why now. ok but waffly" (a
                              # housing officer's notes: no topic read in)
                              # ... or its initials, after years elsewhere: "opened with why NHS after 6 yrs in housing. I
                              # waffled" (a data protection officer's notes: read only as the habit "answer length")
                              # ... or the role's two words: "opened with "why service manager, why now" - ok, bit rambly"
                              # (an IT service desk lead's notes: no topic read in)
                              # ... joined by "and": "opened with why area manager and why now, leaving my own branch.
                              # ok-ish, bit rambly" (an estate agency branch manager's notes: no topic read in)
                              r"((?:why\s+[\w&'-]+(?:\s+(?!why\b|and\b)[\w&'-]+)?(?:,|,?\s+and)?\s+)?why\s+(?:here|us|now|(?-i:[A-Z][a-z])[\w&'-]*|"
                              r"(?-i:[A-Z][a-zA-Z])[\w&'-]*\s+(?:after|from|over|rather\s+than|instead\s+of)\b(?:\s+(?!and\b|but\b)[\w&'-]+){1,6}|"
                              r"this\s+[\w-]+|the\s+[\w-]+|our\s+[\w-]+|your\s+[\w-]+|"
                              # ... and the move it asks about: "opened with why do I want to leave dispatch for ops
                              # management", "opened with why I want to move off the tools/supervisor role into contracts
                              # management" (a taxi dispatch and a plumbing supervisor's notes: no topic read in)
                              r"(?:(?:do|did|would)\s+)?(?:i|you)\s+want(?:ed)?\s+to\s+(?:be|become|work|join|move|go|leave|change|"
                              r"switch|step)\b(?:\s+(?!and\b|but\b)[\w&'-]+(?:/[\w&'-]+)?){1,9}|"
                              # "opened with why leave current airline after 9 yrs, went ok-ish, bit rambly" (a purser's)
                              # ... "opened with why leave after 11 yrs at current depot. ok but rambly" (a bus controller's)
                              r"(?:leave|leaving|move|moving)\b(?:\s+(?!and\b|but\b)[\w&'-]+){1,8}))"
                              r"\s*(?:$|[,;/-]\s*(?=\w))",
                              re.I)
# ... named as the move: "why leave dispatch for ops management"
_I_WANT_TO = re.compile(r"^why\s+(?:(?:do|did|would)\s+)?(?:i|you)\s+want(?:ed)?\s+to\s+(?=(?:leave|move|change|switch|step)\b)",
                        re.I)
# ... "a time I'd had to tell a tenant something they didn't want to hear" (a housing officer's notes: the line was lost)
# ... "asked me for a time I dealt with a suspected malpractice case" (an exams officer's notes: no topic read in)
# ("had to" is left for _time_you: "they'll ask about a time I had to deal with a complaint from a family" was lost)
_A_TIME_YOU = re.compile(r"^(?:for\s+|of\s+)?(?:a|the|one)\s+time\s+(?:when\s+|that\s+)?(?:i|you)"
                         r"(?:'d|\s+had(?!\s+to\b)|\s+have(?!\s+to\b))?\s+(?=\w)", re.I)
# Where the question will come, not what it is about: "safety on site in the panel"
_IN_THE_INTERVIEW = re.compile(r"\s+(?:in|at|during)\s+(?:the\s+)?(?:panel round|panel interview|panel|interview|second round|2nd round|"
                               r"round two|round 2|next round|"
                               r"final round|next stage|assessment centre)\b(?:\s+interview)?"
                               # ... and why: "leading a small team in round 2 since the senior role line manages 2" (a
                               # housing officer's notes: the plan asked about "leading a small team in round 2")
                               r"(?=\s*(?:[,.;!?(]|$)|\s+(?:since|because|as|given)\b)", re.I)


# "how you lead people, manage contractors and a budget" -> "leading people, managing contractors and a budget" (trial 15:
# a recruiter's "They want more on how you lead people, ..." read no topic)
# What I should have said ("should have talked about the diversion call"), and where my own comment on a question starts
# ("asked how I would handle X, I waffled about Y"): _read_clause.
_SHOULD_HAVE_SAID = re.compile(r"^(?:i\s+)?(?:should(?:'ve|\s+have)|could(?:'ve|\s+have)|wish\s+i(?:'d|\s+had))\s+"
                               r"(?:talked|spoken|mentioned|said|used|told|given|brought\s+up|picked|gone\s+with|led\s+with)\b",
                               re.I)
_MY_COMMENT = re.compile(r",\s+(?=(?:i|i'd|i've|i'm|my)\s)", re.I)
# ... not before a modal: "how I would handle a complaint about bullying" is the complaint (_HOW_LEAD), not "willing
# handle" (a purser's notes)
_HOW_YOU = re.compile(r"^how\s+(?:you|i|we)\s+(?!(?:would|could|should|will|might|can|may)\b)(?=\w)"
                      # ... and a modal before a verb of leading people: "how I'd lead the pilots and the VTS team" is
                      # leading them, not "pilots" (a harbour supervisor's notes: a concern any pilotage answer passed)
                      r"|^how\s+(?:you|i|we)(?:'d|\s+would)\s+(?=(?:lead|manage|motivate|develop|coach|supervise|support|"
                      r"build|grow|run)\b(?!\s+and\b))"  # not "how you'd build and lead a team of 12": "team of 12"
                      # ... and a doubt about it: "whether I can manage people who do work I've never done" is managing
                      # them (a council revenues lead's notes: the panel's main doubt dropped without a word)
                      r"|^(?:whether|if)\s+(?:you|i|we)(?:\s+(?:can|could)|'?re\s+able\s+to|'m\s+able\s+to|\s+(?:am|are)\s+able\s+to)"
                      r"\s+(?=(?:lead|manage|motivate|develop|coach|supervise|support|build|grow|run|handle|deliver)\b)",
                      re.I)
_LIST_JOINS = re.compile(r"(,\s*(?:and\s+)?|\s+and\s+)")
# a doing whose object is a pronoun: "(how we) actually cut it", "did that", "fixed them"
_DOING_IT = re.compile(r"(?:\w+ly\s+)?[\w'-]+\s+(?:it|that|this|them|those)\s*", re.I)


def _how_you(text: str) -> str:
    match = _HOW_YOU.match(text)
    if not match:
        return text
    first, *rest = _LIST_JOINS.split(text[match.end():])
    if not rest and _DOING_IT.fullmatch(first):
        return "it"  # "couldn't explain how we actually cut it": the topic the line is about, not "cutting" (a trial)
    return _gerund(first) + "".join(p if k % 2 else _gerund_for_verb(p) for k, p in enumerate(rest, 1))


# "what a transformative agreement actually is": the thing a definition was asked of (a library team leader's notes: no
# topic read in "Blanked on what a transformative agreement actually is")
_WHAT_IT_IS = re.compile(r"^what\s+(?:an?\s+|the\s+)?(?P<thing>[\w'&/ -]+?)\s+(?:actually\s+|really\s+|exactly\s+)?"
                         r"(?:is|are|was|were|means|meant|stands\s+for|stood\s+for)\b[\s.,;:!?]*$", re.I)


# "what the difference is between the SIRO and the Caldicott Guardian" -> "difference between ..." (a data protection
# officer's notes: no topic read in, the SIRO mix-up lost)
_WHAT_IS_BETWEEN = re.compile(r"^what\s+(?:the\s+)?(?P<thing>(?:main\s+|key\s+|real\s+)?(?:difference|differences|distinction|link)"
                              r")\s+(?:is|are|was|were)\s+between\s+(?P<rest>.+?)[\s.,;:!?]*$", re.I)


# "how Progress 8 is actually calculated" -> "Progress 8" (an exams officer's notes: "I blanked on how ..." read no topic)
_HOW_IT_IS_WORKED_OUT = re.compile(r"^how\s+(?:an?\s+|the\s+)?(?P<thing>[\w'&/ -]+?)\s+(?:is|are|was|were|gets|get)\s+"
                                   r"(?:actually\s+|really\s+|exactly\s+)?(?:calculated|worked\s+out|measured|defined|scored|"
                                   r"funded|assessed|counted|weighted|set|made\s+up)\b[\s.,;:!?]*$", re.I)


# "what metrics I report to the CISO" -> "reporting metrics to the CISO" (a SOC analyst's notes: no topic read in, and
# the line after, "blanked on our actual numbers", became a topic "actual numbers")
_WHAT_THINGS_DONE = re.compile(r"^what\s+(?P<thing>(?:[\w&-]+\s+){0,2}?[\w&-]+s)\s+(?:i|we|you)\s+(?:\w+ly\s+)?"
                               r"(?P<verb>(?!(?:am|was|were|is|are|have|had|do|did|would|could|should|will|can|think|thought|"
                               r"feel|felt|like|liked|want|wanted|mean|meant|need|needed)\b)[a-z]+)\b(?P<rest>.*)$", re.I)


# What was talked about set against what was not (_read_clause: the second is the topic)
_TALKED_ABOUT_NOT = re.compile(r"^(?:i\s+)?(?:talked|spoke|went on) about [^.;]{1,40}? (?:&|and|but) (?:not|never|nothing)"
                               r"(?: (?:about|on|mentioned|said|talked about|covered))? (?P<gap>[^.;]{3,50})$", re.I)
# What any story is asked for: asked of a topic said before, no topic of its own
_WOULD_HAVE_HELPED = re.compile(r"\bwould(?:'ve| have) (?:really )?(?:helped|made|improved|strengthened|saved) (?:the|my) "
                                r"([\w'&/ -]{2,40}?) (?:answer|question|one)\b", re.I)
STORY_PARTS = frozenset("result results outcome outcomes impact difference lesson learning point numbers figures".split())
_STORY_PART_SAID = re.compile(r"^(?:to\s+(?:say|give|mention)\s+)?(?:the|my|our|any|an|a)?\s*(?:" + "|".join(sorted(STORY_PARTS)) +
                              r")\b(?:\s*[/,;-]\s*.*)?$", re.I)


def _as_noun_phrase(text: str) -> str:
    """A topic asked as a reason, a way or a meaning ("why you want to move into management", "how you lead people",
    "what a transformative agreement is", "what metrics I report to the CISO") as the noun phrase it names ("wanting to
    move into management", "leading people", "transformative agreement", "reporting metrics to the CISO")."""
    if what := _WHAT_IT_IS.match(text.strip()):
        return what.group("thing")
    if between := _WHAT_IS_BETWEEN.match(text.strip()):
        return f"{between.group('thing')} between {between.group('rest')}"
    if worked := _HOW_IT_IS_WORKED_OUT.match(text.strip()):
        return worked.group("thing")
    if done := _WHAT_THINGS_DONE.match(text.strip()):
        return _gerund(f"{done.group('verb')} {done.group('thing')}{done.group('rest')}")
    return _how_you(_gerund_for_why(text))


def _time_you(text: str) -> str:
    match = _A_TIME_YOU.match(text)
    if not match:
        return text
    # "a time I had to deliver bad news": the doing is delivering bad news (a trial's topic "having")
    return _gerund(re.sub(r"^(?:had|have|needed|got)\s+to\s+", "", text[match.end():], flags=re.I))


def _gerund(text: str) -> str:
    """The first word as an -ing form: 'raise attainment' -> 'raising attainment'."""
    from lemminflect import getInflection, getLemma

    first, _, rest = text.partition(" ")
    while rest and phrases.adverb_only(first):  # "how we actually cut it": the verb is "cut" ("actuallying cut", a trial)
        first, _, rest = rest.partition(" ")
    lemma = (getLemma(first.lower(), upos="VERB") or (first.lower(),))[0]
    gerund = (getInflection(lemma, tag="VBG") or (f"{lemma}ing",))[0]
    return f"{gerund} {rest}".strip()


def _gerund_for_verb(text: str) -> str:
    """'migrate a monolith without downtime' -> 'migrating a monolith without downtime'."""
    first, _, rest = text.partition(" ")
    if not first or not phrases.verb_only(first) or first.lower() not in phrases.base_verbs(first):
        return text  # 'approach to code reviews' is a noun phrase already
    from lemminflect import getInflection

    gerund = (getInflection(first.lower(), tag="VBG") or (first,))[0]
    return f"{gerund} {rest}".strip()


def _cue(clause: str, *, summary: bool = False) -> tuple[str, str] | None:
    starts = []  # each word's, up to the first that is no whole word: "Shrink went fine, talked about X" has no cue
    for word in re.finditer(r"\S+", clause):
        starts.append(word.start())
        if len(starts) > _SUBJECT_WORDS or not re.fullmatch(r"[\w'&/-]+", word.group()):
            break
    for start in starts:
        for kind, pattern in _CUES_HERE:
            match = pattern.match(clause, start)
            if match and clause[match.end():].strip():
                return kind, clause[match.end():]
    for kind, pattern in _SUMMARY_CUES if summary else []:
        match = pattern.match(clause)
        if match and clause[match.end():].strip():
            return kind, clause[match.end():]
    match = _NOUN_CUE.match(clause)
    if match and clause[match.end():].strip():
        return "noun", clause[match.end():]
    match = _VERB_CUE.match(clause)
    if match and clause[match.end():].strip():
        verb = match.group(1).lower()
        # A bare -ing word is a noun here: "Lone working on late shifts", "Costs budgeting for ..." name a
        # topic ("kept poking at X" has its gerund after the verb, in group 2).
        if verb.endswith("ing") and not match.group(2):
            return None
        if verb not in phrases.AUXILIARIES and (phrases.verb_only(verb) or phrases.past_or_gerund(verb)):
            return "verb", clause[match.end():]
    return None


# What the candidate or the panel said or did with words, opening a note ("said head chef", "asked questions").
_SAID_VERBS = frozenset("said told asked talked mentioned explained answered covered discussed gave used started".split())
_DOING_TO_THEM = re.compile(r"^[a-z]+ing\s+(?:them|it(?!\s+all\b)|him|her)\b(?:\s+[\w'-]+){0,4}$", re.I)
_WHEN_SAID = re.compile(r"(?:out[ -]of[ -]hours|after[ -]hours|overnight|at night|on nights|at weekends|on weekends|at the weekend|"
                        r"in the evenings?|on call|on the night shift|on nights and weekends)", re.I)
_CUE_AGAIN = re.compile(
    r"^(?:(?:probably|also|maybe|possibly|definitely|likely)\s+)?(?:on|about|around|regarding)\s+(?=\w)", re.I)


def _phrases_in(text: str) -> tuple[list[phrases.Phrase], str]:
    """The noun phrases of 'kafka, then schema registry' or 'leadership, roadmap planning and hiring',
    and what follows the list when a new clause starts ('hashing and ran out of time for ...')."""
    found: list[phrases.Phrase] = []
    named, dash, examples = text.partition(" - ")
    items = _LIST_SPLIT.split(examples.strip(" .;")) if dash else []
    if len(items) >= 3 and all((p := phrases.noun_phrase(item)) and p.complete and not p.rest.strip() for item in items) \
            and (one := phrases.noun_phrase(named)) and one.complete and not one.rest.strip():
        # "kept coming back to data - SIMS, tracking, KS4 headline measures, Progress 8": what the topic took in, not
        # four topics (an exams officer's notes made four concerns of it, four of the plan's six questions); not where
        # an item says more than a name ("blanked on KPIs - OTIF, pick rate, didnt know what they measure")
        return [one], ""
    parts = _LIST_SPLIT.split(text)
    for i in range(len(parts) - 1, 0, -1):
        if _BETWEEN.search(parts[i - 1]) or _one_name(parts[i - 1], parts[i]) or _AT_ONCE.search(parts[i]):
            # "the difference between fitness to study and the disciplinary route": one topic, not two (a student support
            # adviser's trial filed "disciplinary route" and "difference between fitness to study")
            # ... "a complaint from a parent and a head teacher at the same time" (a school catering manager's notes: a
            # concern "head teacher at the same time", asked aloud in a plan): both at once are the topic
            parts[i - 1:i + 1] = [f"{parts[i - 1]} and {parts[i]}"]
    for i, part in enumerate(parts):
        if i and (again := _CUE_AGAIN.match(part)):
            # "Expect questions on X, on managing a poor performer, and on why you want to move into management": the
            # cue's word again starts the next item (trial 15: only X was read)
            part = _as_noun_phrase(part[again.end():])
        if found and _WHEN_SAID.fullmatch(part.strip(" .;")):
            # "asked twice about student mental health escalation, out of hours": when, not a second topic (a student
            # accommodation manager's notes made two concerns of it)
            found[-1] = phrases.Phrase(f"{found[-1].text} {part.strip(' .;')}", found[-1].complete, "")
            continue
        if found and _THE_ONE_WHO.match(part.strip(" .;")):
            # "managing poor performance, the cook who was always late" (the same notes: two concerns, the one answered
            # well left open): the case the topic was asked through, not a second topic
            continue
        if found and _DOING_TO_THEM.match(part.strip()):
            # "they want more on leading shift managers and holding them to account": "them" are the managers, so one
            # topic (a parcel depot team leader's notes made a second concern named "holding")
            found[-1] = phrases.Phrase(f"{found[-1].text} and {part.strip(' .;')}", True, "")
            continue
        phrase = phrases.noun_phrase(part, after_cue=i == 0)  # a later item may be a new clause ("ran out of time")
        if phrase is not None and (_BETWEEN.search(phrase.text + " ") or (
                (joiner := _AND.match(phrase.rest.lstrip())) and _one_name(phrase.text, phrase.rest.lstrip()[joiner.end():]))):
            phrase = _and_joined(phrase)
            if re.fullmatch(r"\s*\([A-Z]{2,}\)\s*", phrase.rest):  # its initials: the name is whole
                phrase = phrases.Phrase(phrase.text, True, "")
        elif phrase is not None and _AT_ONCE.search(part) and (joined := _and_joined(phrase)) is not None:
            told = f"{joined.text} {joined.rest.strip(' .;')}".strip()
            phrase = phrases.Phrase(told, True, "") if _AT_ONCE.search(told) else phrase
        if phrase is None or (found and phrases.only_verdict(part.split()[0])):
            # "the CQC visit, good at first": a verdict on the topic before, not a topic ("first")
            return found, " ".join(parts[i:]) if found else ""
        tails = [" ".join(phrase.text.split()[-k:]) for k in (1, 2)]
        if i == len(parts) - 1 and _postmodifier(phrase.rest):
            # "managing people older than me", "drivers twice my age": the words after the noun still name it
            phrase = phrases.Phrase(f"{phrase.text} {phrase.rest.strip()}", True, "")
        elif i == len(parts) - 1 and phrase.rest and any(_postmodifier(f"{t} {phrase.rest}") for t in tails):
            # "leading people older/more experienced than me" (trial 5 cut it to "leading people older/more"):
            # the comparison's first words were taken into the phrase
            phrase = phrases.Phrase(f"{phrase.text} {phrase.rest.strip(' .,;')}", True, "")
        found.append(phrase)
        if not phrase.complete:
            break  # the list ended inside this part
    return found, ""


# A comparison after a noun still names it: "people older than me", "drivers twice my age", "a team
# larger than mine". Other words after a noun phrase ("too", "though", "at the end", "because of my
# resume") are not part of the topic.
_COMPARISON = re.compile(
    r"^(?:\w+er/)?(?:\w+er|more\s+\w+|less\s+\w+)\s+than\s+(?:me|mine|us|ours|you|them|(?:my|our|the|their)\s+\w+)$|"
    # "managing managers rather than colleagues" (trial 6: cut to "managing managers", then dropped): the contrast names it
    r"^(?:rather\s+than|instead\s+of|as\s+opposed\s+to)\s+(?:[\w'-]+\s+){0,3}[\w'-]+$|"
    r"^(?:twice|half|three times)\s+(?:my|our|their|his|her|your|the)\s+(?:age|size)$",
    re.I,
)


def _postmodifier(rest: str) -> bool:
    return bool(_COMPARISON.match(rest.strip(" .,;")))


def _head(name: str) -> str:
    """The name without a comparison after its noun: how long a topic is is judged on what it names."""
    words = name.split()
    for i in range(1, len(words)):
        if _postmodifier(" ".join(words[i:])):
            return " ".join(words[:i])
    return name


def _one_name(before: str, after: str) -> bool:
    """Whether the capitalised words around an 'and' are one name, its initials in brackets after it: "the Data Security
    and Protection Toolkit (DSPT)" (a data protection officer's notes made two concerns of it, "Data Security" and
    "Protection Toolkit", drilled as two questions)."""
    first = re.search(r"(?:\b[A-Z][\w'-]*\s+)*\b[A-Z][\w'-]*$", before.strip())
    second = re.match(r"((?:[A-Z][\w'-]*\s+)*[A-Z][\w'-]*)\s*\(([A-Z]{2,})\)", after.strip())
    if not first or not second:
        return False
    before_and = first.group().split()
    initials = "".join(w[0] for w in before_and + second.group(1).split()).upper()
    with_and = initials[: len(before_and)] + "A" + initials[len(before_and):]  # the "and" lettered too, or not
    return second.group(2) in (initials, with_and)


_AND = re.compile(r"(?:and|&)\s+", re.I)
# (its quote marks are gone by then: _SHORTHAND)
_PUSHED_WITH = re.compile(r"[,;.]\s*(?:and\s+)?(?:she|he|they|(?-i:[A-Z][a-z]+))\s+(?:said|asked|replied|came back with|went)"
                          r"[:,]?\s*(?:and|but|so|what about|how about|really|ok|okay)\b[^?]{0,50}\?\s*$", re.I)
# what the candidate means to ask the panel, not what it asked
_MY_QUESTIONS = re.compile(r"^(?:(?:my\s+)?(?:questions?|qs?)\s+(?:to\s+ask|for)(?:\s+(?:them|the\s+panel|her|him|the\s+employer))?|"
                           r"(?:to\s+)?ask\s+(?:them|the\s+panel|her|him)|things\s+to\s+ask(?:\s+them)?)$", re.I)
_WANTED = frozenset("wanted want wants needed need needs asked for they she he".split())
_ASKED_IT = re.compile(r"(?:(?:she|he|they|[A-Z][a-z]+)\s+)?(?:asked|probed|pushed|pressed|came\s+back\s+to\s+it|"
                       r"asked\s+(?:me\s+)?(?:about\s+)?(?:it|that|this))(?:\s+(?:me|on\s+it|about\s+it|again))?(?:\s+twice)?"
                       # "asked 3x diff ways" (a Border Force officer's notes)
                       r"(?:\s+(?:in\s+)?(?:diff|different)\s+(?:ways|angles))?", re.I)
_AT_ONCE = re.compile(r"\b(?:at the same time|at once|simultaneously|in one go)\s*[.;]?\s*$", re.I)
_THE_ONE_WHO = re.compile(r"^(?:the|that|this)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+\s+(?:who|that|which|whose)\s+(?:[\w'-]+\s+){0,5}[\w'-]+$",
                          re.I)
_BETWEEN = re.compile(r"\b(?:difference|differences|distinction|balance|line|link|choice|trade-?off)\s+between\s+(?!.*\band\b)", re.I)


def _and_joined(phrase: phrases.Phrase | None) -> phrases.Phrase | None:
    """'Health and safety went fine': the phrase 'Health' followed by 'and safety' is one topic
    ('Health and safety'), not 'Health' with a clause after it that is no verdict (the line was
    dropped while 'Cycle counting went fine' was read). Only when a noun phrase follows the 'and'
    ('hashing and ran out of time' is a phrase and a clause)."""
    if phrase is None:
        return None
    joiner = _AND.match(phrase.rest)
    second = phrases.noun_phrase(phrase.rest[joiner.end():]) if joiner else None
    if joiner is None or second is None:
        return phrase
    return phrases.Phrase(f"{phrase.text} {joiner.group().strip()} {second.text}", second.complete, second.rest)


def _draft(phrase: phrases.Phrase, line: str, verdict: phrases.Verdict, mentions: int, *, cued: bool = False) -> _Draft:
    name = phrase.text
    # "availability / on shelf availability": the name written twice, the second time in full ("a/b testing" is one)
    alternatives = [a.strip() for a in re.split(r"\s*/\s*", name)]
    if len(alternatives) == 2 and min(map(len, alternatives)) > 3 and alternatives[0].lower() in alternatives[1].lower():
        name = alternatives[1]
    # "SQL joins q - ok": the question about the topic, jotted as "q" ("salary question" is said as such in a plan)
    name = re.sub(r"(?<=\w)\s+qs?$", "", name, flags=re.I)
    draft = _Draft(name, line, verdict, mentions, cued=cued)
    if phrases.too_long(_head(phrase.text)):
        draft.sure, draft.doubt = False, "a long phrase: is it one topic?"
    elif not phrase.complete:
        draft.sure, draft.doubt = False, "the sentence goes on: is this the whole topic?"
    return draft


def _section_verdict(section: Section) -> phrases.Verdict:
    return {"bad": "bad", "good": "good"}.get(section, "none")  # type: ignore[return-value]


def _combine(a: phrases.Verdict, b: phrases.Verdict) -> phrases.Verdict:
    if a == "none":
        return b
    if b == "none" or a == b:
        return a
    return "mixed"


# --- topics -------------------------------------------------------------------------------


def topic_id(name: str) -> str:
    words = [w for w in tokens(name) if w.isascii()]
    slug = "_".join(re.sub(r"[^a-z0-9]+", "", w) for w in words[:4]).strip("_")
    # a name of no word the lexicon keeps ("P&L") is its letters, not "general": two such topics were one
    return f"topic.{slug or re.sub(r'[^a-z0-9]+', '', name.lower())[:30] or 'general'}"


def _merge(drafts: list[_Draft], bank: QuestionBank) -> list[DebriefTopic]:
    """One topic per id: the same topic under two headings ('went badly', 'kept asking') adds up."""
    topics: dict[str, DebriefTopic] = {}
    verdicts: dict[str, phrases.Verdict] = {}
    broader = _broader_names([d.name for d in drafts])
    broader |= _same_exercise([d.name for d in drafts if d.forewarned])
    longer = {short: name for short, name in _longer_names([d.name for d in drafts]).items()
              if short not in broader.values()}
    for draft in drafts:
        draft.name = broader.get(draft.name, longer.get(draft.name, draft.name))
        tid = topic_id(draft.name)
        topic = topics.get(tid)
        if topic is None:
            topic = topics[tid] = DebriefTopic(id=tid, name=draft.name, reason="discussed", mentions=1, sure=draft.sure, doubt=draft.doubt)
            verdicts[tid] = "none"
        elif draft.sure and not topic.sure:
            topic.name, topic.sure, topic.doubt = draft.name, True, None
        topic.mentions = max(topic.mentions, draft.mentions)
        topic.forewarned = topic.forewarned or draft.forewarned
        verdicts[tid] = _combine(verdicts[tid], draft.verdict)
        if draft.line not in topic.notes:
            topic.notes.append(draft.line)
    for tid, topic in topics.items():
        verdict = verdicts[tid]
        # "ok but too long": read as it went ok, and asked.
        topic.went_badly = verdict == "bad"
        topic.went_well = verdict == "good"
        # ... unless they probed it twice: a concern whichever way it went ("Priya probed twice on managing underperformers
        # ... it went ok-ish but vague": a QA lead's panel's clearest doubt, left out when no one answered the question)
        if verdict == "mixed" and topic.sure and topic.mentions < 2:
            topic.sure, topic.doubt = False, "did it go badly? the notes say both"
        topic.reason = _reason(topic.mentions, topic.went_badly, topic.forewarned)
        topic.competencies = topic_competencies(topic.name, bank) if topic.concern else []
    return list(topics.values())


# The words that name an exercise's form, not its subject ("90-day plan pres" is "first 90 days").
_EXERCISE_WORDS = re.compile(r"\b(?:first|plan|pres|presentation|exercise|case|case study|task|test|days?|weeks?)\b|"
                             r"[^\w\s&/]")


def _same_exercise(names: list[str]) -> dict[str, str]:
    """Round two's exercises named twice in other words, each to its first name: "first 90 days" and "90-day plan pres",
    "P&L/KPI exercise" and "P&L/KPI case" (a tyre centre assistant manager's notes: four topics, each drilled)."""
    first: dict[str, str] = {}
    out = {}
    for name in names:
        key = " ".join(_EXERCISE_WORDS.sub(" ", name.lower().replace("-", " ")).split())
        if not key:
            continue
        if key in first and first[key] != name:
            out[name] = first[key]
        first.setdefault(key, name)
    return out


def _broader_names(names: list[str]) -> dict[str, str]:
    """Topics named "X/Y", "X / Z" where X is another topic's whole name, each to X: "budget/overages" and "budget / money
    ownership" beside "budget" (a live sound engineer's notes: one concern drilled as three, five of a plan's six
    questions on budget). One such name is the fuller name of X instead (_longer_names: "CCTV" -> "CCTV/GDPR sign-off");
    not "controlled drugs/governance" beside "governance": the part after the slash is no heading."""
    said = {name.lower().strip(): name for name in names}
    variants: dict[str, list[str]] = {}
    for name in set(names):
        first, slash, rest = name.partition("/")
        if slash and rest.strip() and (whole := said.get(first.lower().strip())) is not None and whole != name:
            variants.setdefault(whole, []).append(name)
    return {name: whole for whole, named in variants.items() if len(named) >= 2 for name in named}


def _longer_names(names: list[str]) -> dict[str, str]:
    """A topic named by the first (or last two or more) words of exactly one other topic's name, and that name:
    "agency" -> "agency staffing" (a care home deputy's notes read "asked how I'd cut agency spend" as "agency", and
    "agency staffing went badly too" as another concern: one doubt drilled under two names)."""
    # as written: "variances" is not "variance analysis"; "lost mileage" is "lost mileage/curtailments" (a bus controller's)
    words = {name: re.split(r"[\s/]+", name.lower().strip()) for name in set(names)}
    out = {}
    for short, said in words.items():
        # ... or by its last two words or more: "sickness absence" -> "managing a driver with high sickness absence" (a bus
        # controller's added note made a second concern of the first one's)
        # ... or as the first of the two things a difference is between: "fitness to study" -> "difference between fitness
        # to study and disciplinary route" (a student support adviser's notes)
        # ... or by two words or more inside it: "account health score" -> "building an account health score from
        # scratch" (a customer success manager's added note, "the account health score thing went badly")
        # ... or by its last word when that is a hyphened term: "opt-out" -> "national data opt-out" (a data protection
        # officer's gut-feel line made a second concern of it, asked twice in a 12-question plan), or joined by "&" ("P&L"
        # -> "cost per parcel/P&L", a parcel depot manager's concern); not a plain word, which
        # is the broader topic ("planning" beside "labour planning", "governance" beside "controlled drugs/governance")
        fuller = [name for name, more in words.items() if len(more) > len(said) and (
            more[: len(said)] == said or (len(said) >= 2 and _inside(said, more))
            or (len(said) == 1 and ("-" in said[0] or "&" in said[0]) and more[-1] == said[0]) or (
                "between" in more and more[more.index("between") + 1:more.index("between") + 1 + len(said)] == said))]
        if said and len(fuller) == 1:
            out[short] = fuller[0]
    return out


def _inside(words: list[str], more: list[str]) -> bool:
    return any(more[k:k + len(words)] == words for k in range(len(more) - len(words) + 1))


def topic_competencies(name: str, bank: QuestionBank) -> list[str]:
    """The competencies a topic's name implies ("science budget/capitation": prioritisation), never
    those of the words around it: a line that names two topics ("kept coming back to KS3 to KS4
    transition and curriculum sequencing") is no evidence about either, and "Partner seemed
    unconvinced about my IFRS 16 knowledge" is not about teamwork. Trial 4's curriculum sequencing took
    "Career history and transitions" from its neighbour, and the plan drilled it with "why you left
    your last two jobs". A name that implies none gets none: only its own follow-up drills it."""
    return bank.competencies_for_text(re.sub(r"[/|+]", " ", name))


def _reason(mentions: int, went_badly: bool, forewarned: bool = False) -> Reason:
    return "probed" if mentions >= 2 else "forewarned" if forewarned else "fell_flat" if went_badly else "discussed"


def _ordered(topics: list[DebriefTopic]) -> list[DebriefTopic]:
    """Concerns first (most probed first), then what was only discussed."""
    order = {"probed": 0, "forewarned": 1, "inferred": 2, "fell_flat": 3, "discussed": 4}
    return sorted(topics, key=lambda t: (order[t.reason], -t.mentions))


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
    Importing the same notes again adds only the concerns the ledger does not have yet (those the
    user kept this time, answering what the first run asked) and touches none it has: in trial 4 the
    answers of a re-run were asked for and then thrown away."""
    ledger = ledger.model_copy(deep=True)
    before = next((d for d in ledger.debriefs if d.get("digest") == debrief.digest), None)
    edited = edit_of(ledger, debrief) if before is None else None
    concerns = debrief.concerns
    feedback = debrief.feedback
    for topic in concerns:
        # a concern the user named anew on a later run ("code review and mentoring" for "code review + mentoring", the
        # same entry): its name is theirs (a software engineer's trial: the table showed the new name, the ledger kept
        # the old)
        entry = ledger.entries.get(topic.id)
        if entry is not None and entry.source == "debrief" and entry.name != topic.name:
            entry.name = topic.name
    if before is not None or edited is not None:
        # the same interview: what the ledger has keeps its status and what the week's answers made of it
        concerns = [t for t in concerns if t.id not in ledger.entries]
        feedback = [f for f in feedback if f.id not in ledger.entries]
        if not (concerns or feedback) and before is not None:
            return ledger
    at = debrief.imported_at
    for area in feedback:
        _open(ledger, area.id, kind=area.kind, name=area.name, advice=area.advice,
              criteria=[area.id] if area.kind == "criterion" else [], at=at, count=1,
              severity=0.5, evidence=WeakEvidence(
                  answer_id=ROUND_ONE, question_id="debrief", question="", score=1.0, threshold=1.0,
                  quotes=area.notes[:3], detail=area.notes[0]))
    for topic in concerns:  # a topic that went fine is no weak area
        why = {
            "probed": f"interviewers came back to it {topic.mentions} times"
            + (", and the answer went badly" if topic.went_badly else ""),
            "forewarned": FOREWARNED_WHY + (", and the round-one answer went badly" if topic.went_badly else ""),
            "inferred": f"{topic.mentions} round-one questions on it",
            "fell_flat": "an answer that fell flat in round one",
        }[topic.reason]
        evidence = WeakEvidence(
            answer_id=ROUND_ONE,
            question_id="debrief",
            question=next((n for n in topic.notes if n.rstrip().endswith("?")), topic.notes[0] if topic.notes else ""),
            score=float(topic.mentions),
            threshold=2.0,
            quotes=topic.notes[:3],
            detail=why,
        )
        # what the topic's own line said was missing ("medication errors ... didn't have numbers") is asked of its
        # question too: a care home deputy's retry on medication errors showed Quantified impact "not asked"
        said = {" ".join(n.split()) for n in topic.notes}
        missing = [f.id for f in debrief.feedback if f.kind == "criterion" and said & {" ".join(n.split()) for n in f.notes}]
        _open(ledger, topic.id, kind="debrief", name=topic.name, advice=_debrief_advice(topic), criteria=missing,
              competencies=topic.competencies, at=at, count=topic.mentions,
              severity=_severity(topic), evidence=evidence)
    if before is not None:
        before["topics"] = [*before.get("topics", []), *(t.id for t in concerns)]
        before["feedback"] = [*before.get("feedback", []), *(f.id for f in feedback)]
        return ledger
    ledger.debriefs.append(
        {
            "source": debrief.source,
            "digest": debrief.digest,
            "imported_at": debrief.imported_at.isoformat(),
            "questions_asked": debrief.questions_asked,
            "fell_flat": debrief.fell_flat,
            "topics": [t.id for t in debrief.concerns],
            "feedback": [f.id for f in debrief.feedback],
        }
    )
    return ledger


def edit_of(ledger: Ledger, debrief: Debrief) -> dict | None:
    """The import of the notes `debrief` edits: the latest one from a file of the same name with other words. A sales
    trial added three forgotten lines to round1-notes.md on the Saturday and imported it again; every concern the week
    had resolved reopened ("reopened: raised again in interview notes"). An edited file is the same interview: only
    what is new in it is added."""
    name = Path(debrief.source).name if debrief.source else ""
    if not name:
        return None
    return next((d for d in reversed(ledger.debriefs)
                 if d.get("source") and Path(d["source"]).name == name and d.get("digest") != debrief.digest), None)


def _open(
    ledger: Ledger, area_id: str, *, kind: AreaKind, name: str, advice: str, criteria: list[str], at: datetime,
    count: int, severity: float, evidence: WeakEvidence, competencies: Sequence[str] = (),
) -> None:
    """Open the area in the ledger from round-one notes (a resolved one reopens), its round-one evidence first."""
    entry = ledger.entries.get(area_id)
    note = "imported from round-one notes"
    if entry is None:
        entry = LedgerEntry(
            id=area_id, kind=kind, name=name, source="debrief", competencies=list(competencies), criteria=criteria,
            advice=advice, opened_at=at, updated_at=at,
        )
        ledger.entries[area_id] = entry
    elif entry.status == "resolved":
        entry.reopened += 1
        note = "reopened: raised again in interview notes"
    entry.status = "open"
    entry.passes = []
    entry.count = max(count, entry.count) if kind != "debrief" else count
    entry.severity = max(severity, entry.severity) if kind != "debrief" else severity
    entry.evidence = [evidence, *[e for e in entry.evidence if e.answer_id != ROUND_ONE]][:MAX_EVIDENCE]
    entry.updated_at = at
    entry.history.append(LedgerEvent(at=at, outcome="imported", score=evidence.score, status_after="open", note=note))


# The evidence's detail of a topic round two will ask about: the plan asks its `forewarned` question on it.
FOREWARNED_WHY = "round two will ask about it"
# How much a round-one concern weighs in the plan where the count of probes does not say: an answer that fell flat, and
# a topic the employer said round two will test (trial 13: ranked below speaking pace, it missed the default plan).
SEVERITY = {"fell_flat": 0.5, "forewarned": 0.75}
# A concern they came back to, or will ask about, whose answer also went badly ranks above one that only came up as
# often: a pharmacy technician's "medicines reconciliation" (asked twice, she waffled) was drilled after "ACPTs" (asked
# about twice, no verdict), as the ids broke the tie.
WENT_BADLY_SEVERITY = 0.25


# ... and so does an answer that fell flat where the notes say a panellist doubted it: "I talked about the script but
# forgot to say breathing space ... Dev looked unconvinced" (a contact centre lead's "vulnerable callers" waited behind
# "annual billing" and "Budget", which fell flat as quietly, for three plans: the ids broke the tie)
_PANEL_DOUBTED = re.compile(r"\b(?:unconvinced|not convinced|(?:wasn't|weren't|was not|were not) convinced|sceptical|"
                            r"skeptical|doubtful|unimpressed|not impressed|(?:didn't|did not) buy it|"
                            r"raised (?:an |her |his |their )?eyebrows?|frowned|pulled a face)\b", re.I)


def _severity(topic: DebriefTopic) -> float:
    base = SEVERITY.get(topic.reason, min(1.0, topic.mentions / 4.0))
    doubted = topic.reason == "fell_flat" and any(_PANEL_DOUBTED.search(line) for line in topic.notes)
    return min(1.0, base + (WENT_BADLY_SEVERITY if (topic.went_badly and topic.reason != "fell_flat") or doubted else 0.0))


def _debrief_advice(topic: DebriefTopic) -> str:
    """The advice of the topic's kind of question (rubrics/questions.yaml): a salary question is no STAR story."""
    advice = topic_words(classify_topic(topic.name, topic.notes)).advice
    if topic.reason == "fell_flat":
        return advice
    if topic.reason == "forewarned":
        return f"They said round two will ask about it, so prepare it. {advice}"
    return f"They kept asking, so your answer has not satisfied them yet. {advice}"
