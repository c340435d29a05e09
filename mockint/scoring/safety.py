"""A plan that refuses the safe step: read word by word, not counted as judgement.

The offline scorer reads situational judgement from what a plan mentions: priorities, reasons,
escalation, who to involve. A trial user's night-shift plan ("I wouldn't bother ringing the site
manager", "I'd skip the 2am and 4am observations", "I'd hold off calling the outreach team until the
morning") mentions all of them and refuses every one: it scored judgement 3 of 4 with the refusal
quoted as its proof, and 93 overall, strong. This module reads such refusals: a negation said by the
candidate followed closely by a safe step (escalating, reporting, asking for help, a check, a record,
the procedure), a skip or delay before one, the plan's only escalation put off till later, a cover-up,
an allegation about someone's conduct handled privately, closed or played down in a plan that reports it
to no one ("a quiet word with the teacher myself, informally", "let them know it's been dealt with", "a
bit of banter": a trial's plan for a parent's complaint scored 66.7, solid).
Negations that turn a skip around are safe ("I'd never skip the checks", "I wouldn't hesitate to call",
"I wouldn't wait for the morning, I'd call outreach straight away"), and so are a refusal of one
channel in a plan that escalates to another, a step put in order ("not until I've done a set of obs"),
peers left out ("not mention it to the other supervisors"), and a skip or delay word that is a noun ("I'd log
the delay in the shift report" read as putting off escalating, and capped a logistics trial's sound plan at 35;
"no hesitation in calling", "put it in the skip"). A record changed to make it match ("I'd just correct the entry
myself so the numbers match and sign it. There's no need to make a big fuss or report it": a trial's controlled-drugs
plan scored judgement 1 and 40, the falsification quoted as its plan) is a cover-up, unless the plan reports it now;
and a negation refuses each thing its clause lists with "or", however many words the first takes. A step put off
until it suits ("I'll sign it all off at the end of the day when I've got a minute": a check that no longer comes
before what it checks) or until the job is done ("I'd do the job they booked and mention it at the end", the
customer unnamed) is skipped or put off: on batch 3's dev split a pharmacist's and an electrician's such answers,
graded 1, scored 53 and 40 before it and 33 after, and no other dev card moved. The words are data
(rubrics/safety.yaml); which criteria such an answer is capped on, and at what, too.

Measured on the scoring corpus's dev split (docs/scoring.md, "A plan that refuses the safe step"): it
fires on 7 of the 47 situational answers, all graded weak (judgement 0-1 of 4), and on none graded 3 or
more; out of fold, judgement QWK 0.777 -> 0.780 and pairwise 0.799 -> 0.803 beside the judge's own
phrases for unsound moves (0.560 -> 0.665 and 0.753 -> 0.762 before them), with the model not refitted.
It reads words, not soundness: a plan can be unsafe without saying so ("get them off the bus onto a
bench"), and those still need a person or an LLM.
Pure: sentences in, findings out; the offline scorer applies them (offline.OfflineScorer.score).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import takewhile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from mockint.datafiles import read_yaml_model
from mockint.resources import rubric_file_stamp
from mockint.scoring.lexicon import word_classes

SAFETY_FILE = "safety.yaml"

# Words that may stand between a negation and the step it refuses ("I wouldn't *bother* ringing",
# "I don't *think I'd* tell", "no need *to do the* obs"): small words and light verbs. Any other word
# ends the negation's reach, so "I wouldn't trust the old backup" refuses no backup.
BRIDGES = frozenset(
    "be been being bother bothering want wanna need needs to go going have has got feel even really necessarily "
    "ever actually honestly think i'd i we we'd you you'd do doing carry carrying out run running follow following "
    "fill filling in complete completing wear wearing take taking with the a an any all some my our their his her "
    "its those these this that every each is are let allow anyone anybody someone people staff them him it about "
    "probably definitely try trying up raise raising log logging file filling submit submitting open opening put "
    "putting write writing through make making there there's for anything me hang hanging around ask asking "
    "jump jumping rush rushing "
    # "I wouldn't want to start ringing the coastguard ... for a rainbow on the water" (a deputy harbour master's trial:
    # an oil sheen kept quiet, 93.3, the refusal quoted as judgement)
    "start starting "
    # the emergency bell's verbs ("I wouldn't pull the emergency bell straight away"), and a check waited for ("I
    # wouldn't bother waiting for a pregnancy test": a radiographer's trial, 80)
    "pull pulling press pressing hit hitting waiting"
    .split()
)
# Between a verb and whom it is told to ("mention *it to my* manager", "ring *the* site manager"):
# determiners and prepositions, and one other word ("site", "ward", "duty"); "anything": "hold off mentioning *anything
# to the account* manager" (an engineering lead's trial: a slipped date kept from the customer, 93.3)
TO_WORDS = frozenset("the a an my our their his her your it this that to about up back in over on anything".split())
FREE_BEFORE_PERSON = 1
# A skip reaches further than a negation: "skip *the 2am and 4am* observations".
SKIP_REACH = 7
NEGATION_REACH = 6
SKIP_FREE_WORDS = 3
# How far after a refused step its order is looked for ("... until I'd done a full set of obs").
WHEN_REACH = 6
LATER_REACH = 5
# Between a removal and the check it takes out: "cut *the* tests".
DETERMINERS_BEFORE_STEP = frozenset("the a an any all some our my their its".split())
# Words between a safe step and what dismisses it: "waiting for a line block *at this time of night* would take too long".
DISMISSAL_REACH = 8
# How far after a step its "until ..." is read for a later time ("until I'd seen how many more go down over the next
# couple of days": 13 words).
UNTIL_LATER_REACH = 16
# How far after a step its "when I've got a minute" is looked for ("sign it all off at the end of the day when I've
# got a minute"): past a time, and past "when"/"if", which start the phrase.
CONVENIENT_REACH = 10
# The card quotes the first words of each kind found, up to this many, each to the end of its clause.
MAX_QUOTED = 3
QUOTED_AFTER = 4
# A step spoken of, not taken: followed within this many words by what it would do ("a formal report would wreck her
# career", "reporting her would just..."). A trial's plan refused matron and HR and then said why, and that "report"
# read as the plan escalating elsewhere, which excused the refusal (93 overall).
SPOKEN_OF_REACH = 2
SPOKEN_OF = frozenset("would could might will can may".split())
GERUND_SUBJECT_REACH = 10
ONLY_BEFORE_STEP, ONLY_IF_REACH = 2, 8
STATUTORY_AFTER_STEP = 5  # "report a closure to NHS England"
PLACE_OF_PERSON, PLACE_OF_PERSON_REACH = frozenset({"from", "at", "on", "in"}), 5
# Clause breaks: a negation or a skip reaches no further.
BREAK_WORDS = frozenset("because but so then although though while whereas if unless when once before after until till cos".split())
PUNCTUATION = frozenset(",;:.!?")
WH_WORDS = frozenset("why what how where when which who".split())
# "and" ends a negation's or a skip's reach ("I wouldn't panic and I'd ring the registrar", "skip lunch and do
# the obs"), except inside one step ("skip the 2am and 4am observations", "the checks and the handover").
NEW_STEP_AFTER_AND = frozenset("i i'd i'll we we'd we'll you then also just".split())
# Whose negation it is: the candidate's ("I wouldn't", "we don't", generic "you don't", "there's no need")
# or someone else's ("if they don't answer", "they never send anyone").
# ("it" is left out: mostly an object, "deal with it without telling anyone").
# ... and "someone": "if someone in the team kept not following the SOP" restates the question (a lab scientist's sound
# plan read as skipping the SOP itself, 20)
# Before a participle, words that are no one doing it ("carry on working", "kept going"); before a past participle, the
# verbs that make it passive ("were closed without header checks")
NOT_A_DOER = frozenset("on up out off keep kept keeps keeping start started stop stopped be been being was were is are am go "
                       "going went carry carried just still then also not without for by from of in to at about it them "
                       "him her us me you".split())
PASSIVE = frozenset("was were been being got get gets".split())
EXAMPLE_REACH = 12  # how far before a step its "for example" may be said
# Work let go on only where it needs none of the danger: "carry on with the streets that don't need a reverse"
AVOIDED_REACH = 8
NOT_NEEDING = frozenset("don't doesn't dont doesnt won't".split())
NEEDING = frozenset("need needs involve involves require requires".split())
PLACED = frozenset("in on at inside under above near beside around across through over".split())
# ("who'd": "a gateline supervisor ... who'd started letting people through without checking", a station manager's story
# of dealing with him, read as the candidate's own check skipped: Action 0)
OTHERS = frozenset("he she they he'd she'd they'd he'll she'll they'll they're he's she's who who'd who's who'll which "
                   "someone somebody whoever".split())
# Before an escalation, whoever made it, not the candidate: "I make a point of thanking whoever reported it at the Monday
# brief" (a wastewater supervisor's near-miss habit read as her own escalation put off: Method 4 -> 1)
RELATIVE_DOERS = frozenset({"whoever", "who", "which"})
CANDIDATE = frozenset("i i'd i'll i'm we we'd we'll you you'd you'll there there's it's that's".split())
KNOWLEDGE_CANDIDATE = CANDIDATE - {"you", "you'd", "you'll"}
# After "there" of "there's no need" (a plan's own refusal), not of a place ("drilling there without checking the
# register": a school site manager's sound asbestos plan, read as its own check skipped, 20)
THERE_IS = frozenset("is was were are isn't wasn't aren't weren't will would won't wouldn't should shouldn't must might may "
                     "could can can't has have had hasn't haven't needs need be been seems seemed".split())
# Said just before a skip, a state denied, which turns it around ("a culture where people aren't afraid to speak up": a
# nurse's answer read as afraid to speak up). Not negations in general: "isn't" before a step is read no further.
NOT_STATE = frozenset("aren't isn't wasn't weren't".split())
# A skip told as what nearly happened is a near miss the story learned from: "one where we'd nearly gone ahead without
# checking the patient's ID" (a veterinary nurse's story, capped as a check skipped: 39)
NEAR_MISS = frozenset("nearly almost".split())
NEAR_MISS_REACH = 3
# "rather than" or "instead of" a cancelling verb keeps the step: "... rather than cancel the possession" (a site
# engineer's crane lift held for wind, capped as a check skipped: 46)
UNDONE = frozenset("cancel cancelling lose losing drop dropping scrap scrapping abandon abandoning lift lifting".split())
# After another's name, a habit reported: "other venues just let them do it", "the agency always lets them"
REPORTED_HABIT = frozenset("just always usually normally".split())
# Before a hidden thing, what makes it a problem spoken of, not done: "the audit findings we'd had for backdated records"
NAMED_AS = frozenset({"for", "about", "of", "over", "regarding"})
# A person moved to other work: "not moved to labels or checking" (an aseptic operator in drink taken off all work, a
# pharmacy technician team leader's safe plan capped at 20 as a check skipped)
REASSIGNED = frozenset({"moved", "put", "sent", "switched", "redeployed", "transferred", "reassigned", "shifted"})
NOT_ONLY = frozenset("just only simply".split())
# ... unless what follows it is letting the matter drop, which the negation still refuses: "I wouldn't just let it go
# without talking to someone" (a plant hire supervisor's credit-limit plan, read as refusing to escalate: 20)
LETTING_GO = (("let", "it", "go"), ("let", "it", "slide"), ("let", "it", "pass"), ("leave", "it"), ("ignore", "it"))
# "X, not Y": a bare "not" before a determiner sets two things side by side and refuses no step ("get a team out under a
# line blockage not a lookout", "NPS is about the whole relationship with the product not the ticket": a track
# manager's and a support lead's sound answers were capped as unsafe, 20 and 40).
CONTRASTED = frozenset("the a an my our their his her your this that".split())
# ... unless a "to" follows the thing: "it's not my call to keep it quiet", "not the right thing to do" negate what comes
# after (a sales manager's trial: an answer that reports to compliance "because it's not my call to keep it quiet" was
# capped as a cover-up, 20; reworded, 100).
CONTRAST_TO_WORDS = 3
# Said before a cover-up, a refusal by will ("I wasn't willing to fudge it", "I refused to backdate it"): _unwilling_before.
REFUSED = frozenset("refused refuse refusing declined decline".split())
WILLING = frozenset("willing prepared going happy about".split())
NOT_WILLING = frozenset("wasn't weren't isn't not never".split())
# "rather than" or "instead of" after protection already named in the clause chooses one protection over another ("under
# a line blockage rather than lookout protection"), skipping none.
CONTRASTS = frozenset({("rather", "than"), ("instead", "of")})
# Before a bare "not" and its -ing word, the verbs that make it the plan's own ("I'm not checking", "we were not
# reporting", "get not testing"): after any other word it describes someone ("the two not checking ID").
BE_OR_GET = frozenset("am is are was were be been being i'm we're you're they're he's she's it's get gets got "
                      "getting keep keeps kept".split())
# ... and set between two intervals it changes how often a check is done, not whether: "we'd go to a four day rotation
# instead of the seven day for swarm checks" (a commercial beekeeper's story of checking more often, capped as a check
# skipped: Action 0, 46)
INTERVAL_UNITS = frozenset("minute minutes hour hours hourly day days daily week weeks weekly fortnight fortnightly month "
                           "months monthly".split())
INTERVAL_REACH = 3
# A time said with these is a routine, not a step put off: "every Monday I ...", "each morning I ...".
ROUTINE = frozenset("every each".split())
# A negation or a skip right after "if" and its subject is the condition of a consequence, not a step refused: "I'd
# explain the risk, that if we don't follow the process and the probation fails, we're exposed at tribunal" (an HR
# partner's trial: judgement 0, overall 20; "if the process is not followed", 93). Further on, it is the plan's:
# "if it's quiet I'd skip the obs", "if I don't hear back I wouldn't escalate".
CONDITIONS = frozenset("if".split())
# An emergency call made only in a worse case than the one in hand is put off: "only if it was really strong would I ...",
# "I'd only call an ambulance if he stopped breathing"
ONLY_IF = re.compile(r"\bonly (?:if|when|once|after)\b|\bonly (?:[\w']+ ){1,5}?(?:if|when|once)\b")
ONLY_IF_WORDS = 14
CONDITION_SUBJECT_WORDS = 2
LOOKS_LIKE = frozenset("like looks seems turns appears".split())
# After a refused step, a negation or a skip reaches on to the next one: "no need to bother the head *or* fill in forms".
ALSO_REFUSED = frozenset("or nor".split())
# A skip or delay word is a noun after a determiner with at most this many words between ("a two hour delay");
# a modal or a pronoun between makes it a verb again ("the driver would delay").
MODIFIERS_BEFORE_NOUN = 2
NOT_A_MODIFIER = frozenset("would will could should might must can may shall did does do just then".split()) | OTHERS | CANDIDATE

# A record changed to make it match: the record within this many words of the change ("correct *the* entry",
# "adjust *the cash up* sheet"), the purpose within this many after it ("... myself so the numbers match").
RECORD_REACH = 4
# Verbs that have a record changed by someone else for the candidate: "get the duty card adjusted"
CAUSATIVE = frozenset("get got getting have had having".split())
SENTENCE_END = frozenset(".!?")
MATCH_REACH = 12

# Modals whose subject, just before them, is who does what follows: "first line could", "the agency would".
SUBJECT_MODALS = frozenset("could can would will might should".split())
# Words before such a modal that are no subject: "what could", "which would", "so it could" is read as nobody's.
NOT_SUBJECTS = frozenset("what which that who how where when why so it this there then and or but if".split())
RULE_DENIALS = frozenset({"don't", "doesn't", "dont", "doesnt"})
# What a rule forbids, said before "without" in its clause: "nothing is added ... without the coordinator signing it off"
# ... and "no" before a thing in its clause: "I said no agency without me signing it off the day before" (a head
# housekeeper's one decision of her own, read as a check skipped: Action 0, 39)
RULE_SUBJECTS = frozenset("nothing nobody noone none no".split())
RULE_REACH = 8


def _rule_before(words: list[str], k: int) -> bool:
    """Whether one of RULE_SUBJECTS comes within RULE_REACH words before words[k], in its clause."""
    before = words[max(0, k - RULE_REACH):k]
    return any(w in RULE_SUBJECTS and not PUNCTUATION.intersection(before[i + 1:]) for i, w in enumerate(before))


# How many words before a skip word a test may be named that the skip makes unannounced ("a drill, a dummy forty foot up
# an oak, without telling anyone" is too far; "a drill without telling anyone" is read).
UNANNOUNCED_REACH = 3
KINDS = ("escalation_refused", "escalation_delayed", "handled_alone", "check_skipped", "cover_up", "work_goes_on", "rushes_in",
         "shortcut")
# How many words before a `work_goes_on` phrase a safeguard it keeps running may be named ("if the pump's running you
# keep it running").
SAFEGUARD_BEFORE = 5
# The candidate as the subject of a plan's step ("I'd just go with whoever's on").
SUBJECT_I = frozenset("i i'd i'll i'm".split())
# How many words before a `work_goes_on` phrase a negation turns it around: "I wouldn't let him finish the section".
WORK_GOES_ON_NEGATED_WITHIN = 5
# ... and before a cover-up, whoever says it: "she can't promise to keep it secret".
COVER_UP_NEGATED_WITHIN = 4
# Negations never said of the candidate, alone refusing nothing of theirs: "when the team doesn't follow the process" (a
# dev answer about others' mistakes), "so it doesnt sit on our reserves" (a claims lead's, which turned her refusal
# around); "it doesn't need to go to the HSE" is a phrase of its own in the list.
SAID_OF_OTHERS = frozenset({"doesn't"})
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[,;:.!?]")


# Typed answers drop apostrophes ("I wouldnt bother ringing the manager", "isnt worth a report": a pharmacist's trial
# plan read as refusing nothing): the same words. Not where that spells another word ("its", "id", "wed", "ill",
# "wont", "well").
_UNSPELT = {w.replace("'", ""): w for w in (
    "wouldn't", "don't", "didn't", "can't", "isn't", "wasn't", "shouldn't", "couldn't", "aren't", "weren't", "hasn't",
    "haven't", "hadn't", "doesn't", "mustn't", "needn't", "i'm", "i've", "we've", "they'd", "you'd",
    "there's", "that's", "he's", "she's", "nobody's", "there'd", "they're", "you're")}


def tokens(text: str) -> list[str]:
    """Lower-case words (apostrophes kept: "wouldn't", "i'd", and put back where typing left them out) and clause
    punctuation."""
    return [_UNSPELT.get(w, w) for w in _TOKEN.findall(text.lower().replace("\u2019", "'"))]


def tokens_text(text: str) -> str:
    return " ".join(tokens(text))


class Phrases:
    """A list of phrases matched word by word; a trailing `*` lets a word run on ("escalat*"), and `*` alone is any
    one word ("let the * know")."""

    def __init__(self, phrases: list[str]):
        self.exact: dict[str, list[tuple[str, ...]]] = {}
        self.open: list[tuple[str, ...]] = []  # first word runs on: tried at every word
        self.memo: dict[str, list[tuple[str, ...]]] = {}  # word -> the phrases that may start with it
        for phrase in sorted({_phrase_words(p) for p in phrases}, key=len, reverse=True):
            if phrase[0].endswith("*"):
                self.open.append(phrase)
            else:
                self.exact.setdefault(phrase[0], []).append(phrase)

    def starting_with(self, word: str) -> list[tuple[str, ...]]:
        found = self.memo.get(word)
        if found is None:
            found = self.memo[word] = self.exact.get(word, []) + [p for p in self.open if word.startswith(p[0][:-1])]
        return found

    def match(self, words: list[str], at: int) -> int:
        """How many words the longest phrase starting at `at` covers (0: none)."""
        best = 0
        for phrase in self.starting_with(words[at]):
            if len(phrase) > best and at + len(phrase) <= len(words) and all(
                    words[at + k].startswith(w[:-1]) if w.endswith("*") else words[at + k] == w for k, w in enumerate(phrase)):
                best = len(phrase)
        return best

    def found_within(self, words: list[str], start: int, reach: int) -> bool:
        return any(self.match(words, k) for k in range(start, min(len(words), start + reach)))


def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase's words; `*` alone stands for any one word ("let the * know")."""
    return tuple(re.findall(r"[a-z0-9]+(?:'[a-z]+)?\*?|(?<!\S)\*(?!\S)", phrase.lower().replace("\u2019", "'")))


class _Words(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _lower_case_phrases(cls, value: Any) -> Any:
        items = value if isinstance(value, list) else []
        for phrase in items:
            if not isinstance(phrase, str) or not phrase.strip() or phrase != phrase.lower():
                raise ValueError(f"{phrase!r} must be lower-case words")
        return value


class Escalation(_Words):
    steps: list[str] = Field(min_length=1)
    not_steps: list[str] = Field(default_factory=list)
    to_someone: list[str] = Field(min_length=1)
    done: list[str] = Field(default_factory=list)
    people: list[str] = Field(min_length=1)
    anyone: list[str] = Field(min_length=1)
    telling: list[str] = Field(default_factory=list)
    emergency: list[str] = Field(default_factory=list)
    statutory: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)
    read_in: list[str] = Field(default_factory=list)
    errands: list[str] = Field(default_factory=list)


class HandledAlone(_Words):
    allegations: list[str] = Field(min_length=1)
    informal: list[str] = Field(min_length=1)
    closed: list[str] = Field(default_factory=list)
    minimised: list[str] = Field(default_factory=list)
    after_own_inquiry: list[str] = Field(default_factory=list)
    scam: list[str] = Field(default_factory=list)


class AlteredRecord(_Words):
    changes: list[str] = Field(min_length=1)
    records: list[str] = Field(min_length=1)
    to_match: list[str] = Field(min_length=1)


class ReasonedDecision(_Words):
    assessed: list[str] = Field(default_factory=list)
    recorded: list[str] = Field(default_factory=list)


class RushingIn(_Words):
    atmospheres: list[str] = Field(default_factory=list)
    entries: list[str] = Field(default_factory=list)
    protected: list[str] = Field(default_factory=list)


class Feedback(BaseModel):
    model_config = ConfigDict(extra="forbid")
    line: str = Field(min_length=1)
    what: dict[str, str]

    @field_validator("line")
    @classmethod
    def _has_fields(cls, line: str) -> str:
        for name in ("{what}", "{quotes}"):
            if name not in line:
                raise ValueError(f"the line needs {name}")
        return line

    @field_validator("what")
    @classmethod
    def _every_kind(cls, what: dict[str, str]) -> dict[str, str]:
        missing = [k for k in KINDS if not str(what.get(k, "")).strip()]
        if missing or set(what) - set(KINDS):
            raise ValueError(f"needs words for exactly {', '.join(KINDS)}")
        return what


class SafetyWords(_Words):
    """rubrics/safety.yaml, validated (its header says what each list is for)."""

    schema_version: int = 1
    ceilings: dict[str, int]
    story_ceilings: dict[str, int] = Field(default_factory=dict)
    not_evidence_for: list[str] = Field(default_factory=list)
    negations: list[str] = Field(min_length=1)
    skips: list[str] = Field(min_length=1)
    delays: list[str] = Field(min_length=1)
    nouns: list[str] = Field(default_factory=list)
    nouns_after: list[str] = Field(default_factory=list)
    later: list[str] = Field(min_length=1)
    when_convenient: list[str] = Field(default_factory=list)
    escalation: Escalation
    checks: list[str] = Field(min_length=1)
    protections: list[str] = Field(default_factory=list)
    cover_up: list[str] = Field(min_length=1)
    handled_alone: HandledAlone
    altered_record: AlteredRecord
    when_not_whether: list[str] = Field(default_factory=list)
    not_yet: list[str] = Field(default_factory=list)
    reasoned_decision: ReasonedDecision = Field(default_factory=ReasonedDecision)
    mistake_asked: list[str] = Field(default_factory=list)
    rushing_in: RushingIn = Field(default_factory=RushingIn)
    peers: list[str] = Field(default_factory=list)
    shortcuts: list[str] = Field(default_factory=list)
    danger: list[str] = Field(default_factory=list)
    work_goes_on: list[str] = Field(default_factory=list)
    safeguards: list[str] = Field(default_factory=list)
    supervised: list[str] = Field(default_factory=list)
    options_weighed: list[str] = Field(default_factory=list)
    made_safe: list[str] = Field(default_factory=list)
    dismissals: list[str] = Field(default_factory=list)
    removals: list[str] = Field(default_factory=list)
    shortened: list[str] = Field(default_factory=list)
    unannounced: list[str] = Field(default_factory=list)
    feedback: Feedback

    @field_validator("ceilings", "story_ceilings")
    @classmethod
    def _levels(cls, ceilings: dict[str, int]) -> dict[str, int]:
        for key, level in ceilings.items():
            if not re.fullmatch(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*", key) or not 0 <= level <= 4:
                raise ValueError(f"'{key}: {level}' must be 'rubric.criterion: level 0-4'")
        return ceilings


@dataclass(frozen=True)
class Reader:
    """The phrase lists of rubrics/safety.yaml, ready to match."""

    words: SafetyWords
    negations: Phrases
    skips: Phrases
    delays: Phrases
    later: Phrases
    steps: Phrases
    not_steps: Phrases
    to_someone: Phrases
    people: Phrases
    anyone: Phrases
    checks: Phrases
    cover_up: Phrases
    allegations: Phrases
    alone: tuple[Phrases, Phrases, Phrases]  # handled_alone's informal, closed and minimised words, in rank order
    when_not_whether: Phrases
    peers: Phrases
    shortcuts: Phrases
    nouns: Phrases
    nouns_after: frozenset[str]
    changes: Phrases  # altered_record's words
    records: Phrases
    to_match: Phrases
    when_convenient: Phrases
    telling: Phrases
    emergency: Phrases  # escalation.emergency: refusing them is redeemed only by escalating to one of them now
    danger: Phrases
    work_goes_on: Phrases
    protections: Phrases  # skipped as checks are, but waited for is safe ("I'd wait for a line block")
    dismissals: Phrases  # after a safe step, it is not worth doing ("waiting for a line block would take too long")
    removals: Phrases  # right before a check, it is taken out ("cut testing")
    shortened: Phrases  # right after such a check, it is made shorter, not taken out ("down from two pages to one")
    documents: Phrases  # escalation.documents: a step word that may be a document read ("the scrap report")
    read_in: Phrases  # escalation.read_in: what reads such a document ("go through the scrap report")
    after_own_inquiry: Phrases  # handled_alone's: in their sentence, a step to someone waits on the candidate's inquiry
    scam: Phrases  # handled_alone's: after such a phrase, a request checked for a scam, no inquiry into someone
    not_yet: Phrases  # of when_not_whether, what leaves an escalation for later ("not straight away")
    unannounced: Phrases  # a test that is one by being unannounced ("a drill without telling anyone"): no step skipped
    done: Phrases  # escalation.done: to_someone told as done in a story ("I rang the safeguarding hub"), never put off
    assessed: Phrases  # reasoned_decision's: the test a report is weighed against ("the threshold")
    recorded: Phrases  # reasoned_decision's: the decision's reasons written down ("I recorded my reasoning")
    mistake_asked: Phrases  # a question asking for the candidate's own mistake
    atmospheres: Phrases  # rushing_in's: where the air may have put the casualty down
    entries: Phrases  # rushing_in's: going in after them
    protected: Phrases  # rushing_in's: going in with protection
    statutory: Phrases  # escalation.statutory: a refused report to them is redeemed only by a report to one of them
    errands: Phrases  # escalation.errands: after "to", why someone is rung that tells them of no concern ("to rearrange")
    safeguards: Phrases  # of work_goes_on's words, what is kept running to make it safe ("keep the condenser water running")
    supervised: Phrases  # right after work_goes_on's words, the candidate beside the one let do it ("with me checking")
    options_weighed: Phrases  # before work_goes_on's words, in its sentence: a choice it is one side of ("we had a choice")
    made_safe: Phrases  # right after work_goes_on's words: what is finished is making it safe ("finish landing it")


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    sentence: int  # index of the sentence it is in
    words: str  # the words that say it, for the card
    rank: int = 0  # which of a kind the card quotes first: handled privately (0), closed (1), played down (2)


def _file() -> tuple[str, int]:
    return rubric_file_stamp(SAFETY_FILE)


@lru_cache(maxsize=4)
def _reader(path_text: str, _mtime: int) -> Reader:
    words = read_yaml_model(Path(path_text), SafetyWords, "safety words", schema_version=1)
    e, h = words.escalation, words.handled_alone
    return Reader(words, *(Phrases(x) for x in (
        words.negations, words.skips, words.delays, words.later, e.steps, e.not_steps, e.to_someone + e.done, e.people,
        e.anyone, words.checks, words.cover_up, h.allegations)),
        (Phrases(h.informal), Phrases(h.closed), Phrases(h.minimised)),
        *(Phrases(x) for x in (words.when_not_whether, words.peers, words.shortcuts, words.nouns)),
        frozenset(w for phrase in words.nouns_after for w in _phrase_words(phrase)),
        *(Phrases(x) for x in (words.altered_record.changes, words.altered_record.records, words.altered_record.to_match,
                               words.when_convenient, e.telling, e.emergency, words.danger, words.work_goes_on,
                               words.protections, words.dismissals, words.removals, words.shortened, e.documents,
                               e.read_in, h.after_own_inquiry, h.scam, words.not_yet, words.unannounced, e.done,
                               words.reasoned_decision.assessed, words.reasoned_decision.recorded, words.mistake_asked,
                               words.rushing_in.atmospheres, words.rushing_in.entries, words.rushing_in.protected,
                               e.statutory, e.errands, words.safeguards, words.supervised, words.options_weighed,
                               words.made_safe)))


def reader() -> Reader:
    """rubrics/safety.yaml's words (read again when the file changes)."""
    return _reader(*_file())


@dataclass
class _Step:
    escalation: bool
    length: int
    anyone: bool = False
    peer: bool = False
    emergency: bool = False
    statutory: bool = False  # to a regulator (escalation.statutory)
    protection: bool = False  # waiting for it is the safe step, not putting one off
    later: bool = False  # told to whoever comes later ("the day team"): put off, whoever they are


# What gets worse by escalating, just before the word: "keeping the public in the loop stops the complaints escalating
# to the councillor" (a highways supervisor's trial: read as the plan escalating, which excused "I wouldn't bother
# calling out the standby gang")
WORSENING = frozenset("complaint complaints it things situation matters issue issues problem problems row argument "
                      "arguments dispute disputes conflict tension tensions behaviour".split())


# The verbs of `to_someone` that hand a job on, whose someone may be whoever comes later ("the day team")
HANDED_ON = frozenset("hand handing pass passing".split())


# How far after the person a call's purpose may come: "ring someone the morning of to rearrange".
ERRAND_REACH = 5


def _on_an_errand(r: Reader, words: list[str], after: int) -> bool:
    """Whether the call to someone is made for an errand, said within ERRAND_REACH words of them ("you don't ring someone
    the morning of to rearrange": a vet nurse's sound staffing plan, keeping a family's booking, read as refusing to
    escalate and capped at 20)."""
    for k in range(after, min(after + ERRAND_REACH, len(words) - 1)):
        if words[k] in PUNCTUATION:
            return False
        if words[k] == "to" and r.errands.match(words, k + 1):
            return True
    return False


# A check that is a verb too, and whom it is said of then: "alarms them", "alerts her" frighten, they check nothing.
VERB_TOO = frozenset({"alarms", "alerts"})
WHOM = frozenset("them him her us me you people anyone anybody everyone nobody the".split())


def _step_at(r: Reader, words: list[str], at: int) -> _Step | None:
    """A safe step starting at `at`: an escalation (told to someone where the verb needs it) or a check."""
    if r.not_steps.match(words, at) or (words[at].startswith("escalat") and at and words[at - 1] in WORSENING):
        return None
    if n := r.steps.match(words, at):
        return None if _a_document_read(r, words, at) else _Step(
            True, n, emergency=bool(r.emergency.match(words, at)),
            statutory=r.statutory.found_within(words, at, n + STATUTORY_AFTER_STEP))
    if n := r.to_someone.match(words, at):
        if words[at + n - 1] == "to" and at + n < len(words) and "VERB" in (classes := word_classes(words[at + n])) \
                and classes <= {"VERB", "AUX"}:
            # "going to" a verb is what will be done, not whom it goes to: "I'm never going to ask anyone to do anything I
            # wouldn't do myself" (a home care coordinator's answer, read as refusing to escalate); "I'm not going to
            # have anyone lone working in the plant rooms" (a data centre shift lead's sound plan, 20)
            return None
        free, k, peer = FREE_BEFORE_PERSON, at + n, False
        while k < len(words) and k < at + n + 5 and words[k] not in PUNCTUATION:
            if (m := r.anyone.match(words, k)) or (m := r.people.match(words, k)):
                if _on_an_errand(r, words, k + m):
                    return None
                return _Step(True, k + m - at, anyone=bool(r.anyone.match(words, k)), peer=peer,
                             emergency=bool(r.emergency.match(words, k)), statutory=bool(r.statutory.match(words, k)))
            if words[at] in HANDED_ON and (m := r.later.match(words, k)):
                # told to whoever comes later: "I'd hand it over to the day team so they phone the surgery at 8" (a
                # biomedical scientist's critical potassium left for the morning: 100, strong)
                return _Step(True, k + m - at, later=True)
            if r.peers.match(words, k):
                peer = True
            elif words[k] not in TO_WORDS:
                free -= 1
                if free < 0:
                    break
            k += 1
        return None
    if n := r.checks.match(words, at):
        if words[at] in VERB_TOO and at + n < len(words) and words[at + n] in WHOM:
            return None  # "nothing that alarms them" (a mortuary technologist's sound plan: an alarm skipped, 20)
        return _Step(False, n)
    if n := r.protections.match(words, at):
        return _Step(False, n, protection=True)
    return None


def _a_document_read(r: Reader, words: list[str], at: int) -> bool:
    """Whether the step word at `at` is a document the plan reads, not a report it makes: one of
    `escalation.documents` after a determiner (and up to MODIFIERS_BEFORE_NOUN words), itself after one of
    `escalation.read_in` ("go through the scrap report line by line", "look at the weekly report")."""
    if not r.documents.match(words, at):
        return False
    k = at - 1
    while k >= 0 and at - k <= MODIFIERS_BEFORE_NOUN + 1 and words[k] not in DETERMINERS_BEFORE_STEP:
        if words[k] in PUNCTUATION or words[k] in NOT_A_MODIFIER:
            return False
        k -= 1
    if k < 0 or words[k] not in DETERMINERS_BEFORE_STEP:
        return False
    return any(r.read_in.match(words, j) and j + r.read_in.match(words, j) == k for j in range(max(0, k - 3), k))


# How far before a step its condition may start: "if it came back positive again then yeah I'd escalate it".
AGAIN_IF_REACH = 10


def _only_if(words: list[str], at: int, end: int) -> bool:
    """Whether the step from `at` to `end` is kept for another case: "only" just before it and "if" or "unless" after
    it in its clause ("I'd only escalate if it was a big amount like a whole box": a pharmacy manager's trial, where
    that step redeemed a controlled drug balance adjusted to match the cabinet, 80, strong), or a condition before it
    that the scenario happen again. Neither made now nor put off: the scenario asked about is not that case."""
    # ... or kept for it happening again: "if it came back positive again then yeah I'd escalate it" (a water network
    # supervisor's trial: a failed coliform sample resampled quietly first, that step redeeming "no need ... getting the
    # water quality team and the DWI involved", 80)
    before = words[max(0, at - AGAIN_IF_REACH):at]
    ends = [i for i, w in enumerate(before) if w in SENTENCE_END]
    clause = before[ends[-1] + 1:] if ends else before
    condition = next((i for i, w in enumerate(clause) if w in ("if", "unless")), None)
    if condition is not None and "again" in clause[condition:]:
        return True
    if "only" not in words[max(0, at - ONLY_BEFORE_STEP):at]:
        return False
    for word in words[end:end + ONLY_IF_REACH]:
        if word in ("if", "unless"):
            return True
        if word in PUNCTUATION:
            return False
    return False


def _spoken_of(words: list[str], at: int, end: int) -> bool:
    """Whether the step from `at` to `end` is the subject of what it would do ("a formal report would wreck her career"):
    talked about, not a step the plan takes. A step said as a gerund that opens its clause is such a subject however
    long it runs, people joined by "and" and all: "because bringing in the LADO and Ofsted over something that's
    probably nothing can really damage the team's morale" (a children's home deputy manager's trial: read as the plan
    escalating, which redeemed the allegation handled alone, 93.3), "reporting everything as missing just clogs up the
    police"."""
    opens_clause = at == 0 or words[at - 1] in PUNCTUATION or words[at - 1] in BREAK_WORDS
    gerund_subject = words[at].endswith("ing") and opens_clause
    for word in words[end:end + (GERUND_SUBJECT_REACH if gerund_subject else SPOKEN_OF_REACH) + 1]:
        if word in PUNCTUATION or word in BREAK_WORDS or (word == "and" and not gerund_subject):
            return False
        if word in SPOKEN_OF or (gerund_subject and word == "just"):
            return True
    return False


def _unwilling_before(words: list[str], at: int) -> bool:
    """Whether the words just before `at` refuse what follows by will, not by a plan's negation: "I wasn't willing to
    fudge it", "I refused to backdate it" (a SENCO's trial: her stand read as hiding the problem, Action 0 of 4). Read
    only before a cover-up: "I refused to sign it off" may be refusing an unchecked job, or a check."""
    before = words[max(0, at - 3):at]
    return (len(before) >= 2 and before[-1] == "to" and before[-2] in REFUSED) or (
        len(before) == 3 and before[2] == "to" and before[1] in WILLING and before[0] in NOT_WILLING)


NEGATIVE_QUANTIFIERS = frozenset({"nothing", "nobody", "none"})
RELATIVES = frozenset({"that", "which", "who"})
# A verb told as done, right after a relative "that": the clause is about what the noun before did.
TOLD_DONE = frozenset("came went had was were did got made took ran turned arrived left sailed drove walked".split())
DENIED = frozenset({"isn't", "aren't", "wasn't", "hasn't", "haven't", "doesn't", "don't", "not"})  # tokens() restores "isnt"
RELATIVE_REACH = 4
OWNERS = frozenset("their his her your our my its".split())
OWN_REACH = 5


def _denied_again(words: list[str], at: int, n: int) -> bool:
    """Whether the negative quantifier at `at` is denied again by a relative clause a few words on ("nothing goes out
    that isn't checked", "nobody starts who hasn't had the induction"): everything is checked, everyone inducted."""
    if words[at] in NEGATIVE_QUANTIFIERS | {"no"} and any(
            words[k] == "own" and words[k - 1] in OWNERS for k in range(at + n + 1, min(len(words), at + n + OWN_REACH))):
        # the check kept independent: "a second person ... signs the line clearance, so nobody checks their own work" (a
        # plant bakery supervisor's allergen method read as a check skipped: Method 1, 50)
        return True
    if n != 1 or words[at] not in NEGATIVE_QUANTIFIERS:
        return False
    for k in range(at + 1, min(len(words) - 1, at + 1 + RELATIVE_REACH)):
        if words[k] in PUNCTUATION:
            return False
        if words[k] in RELATIVES:
            return words[k + 1] in DENIED or (k + 2 < len(words) and words[k + 2] in DENIED)
    return False


_AUXILIARY_AFTER_DOER = frozenset("had has was were is are did would could".split())


# A passive said of a thing, not the candidate's doing: "if it's been signed off without a brake test I'd VOR it" (a bus
# depot supervisor's sound plan for a falsified inspection, read as the candidate's own brake test skipped: 20, 93.3 reworded)
_PASSIVE_THINGS = frozenset({"it", "it's", "its", "they", "they've", "theyve", "this", "that", "it'd"})
_PERFECT = frozenset({"has", "had", "have", "'s"})


def _passive_of_a_thing(words: list[str], k: int, start: int) -> bool:
    """Whether words[k] is a participle after a passive's auxiliary whose subject is a thing ("it's been signed off",
    "it was signed off", "it has been closed")."""
    if not words[k].endswith("ed") or k - 1 < start or words[k - 1] not in PASSIVE:
        return False
    j = k - 2
    while j >= start and words[j] in _PERFECT:
        j -= 1
    return j >= start and words[j] in _PASSIVE_THINGS


# How far before a step a "find out how/why" may make it a cause to find out (_subject_is_candidate).
CAUSE_REACH = 15


# A verb of seeing someone else do it, and how far before the negation: "I saw one of the newer lads not checking".
SEEN = frozenset("saw seen found caught noticed spotted watched".split())
SEEN_REACH = 7
# What a problem was found to be, and how far before the negation: "it was clear we were ordering ... without checking".
FOUND_PLAIN = frozenset("clear obvious apparent realised realized found noticed saw".split())
FOUND_REACH = 10


# What lets a thing be done: "is the booking system letting a tint be booked without a test date" (the same plan's cause
# to find out, read as its own check skipped)
_LET_BE = re.compile(r"(?:^|.*\s)(\S+)\s+(?:let|lets|letting|allow|allows|allowing|allowed)\s+(?:a|an|the|any|some)\s+(?:\S+\s+){0,2}be\s+\S+ed$")


# A sign-off of something named before, refused: approval withheld ("I wouldn't sign them off"), unless the refusal is
# of the trouble ("I wouldn't bother signing them off")
WITHHELD_APPROVALS = frozenset({("sign", "it", "off"), ("sign", "them", "off"), ("sign", "it", "all", "off"),
                                ("sign", "them", "all", "off")})
BOTHERED = frozenset({"bother", "bothering", "need", "needs", "point"})
COPULAS = frozenset({"is", "are", "was", "were", "it's", "that's", "they're", "isn't", "aren't"})


def _subject_is_candidate(words: list[str], at: int, start: int, by: frozenset[str] = CANDIDATE) -> bool:
    """Whether the step at `at` is said by the candidate (`by`: the words that name them; in a knowledge answer "you"
    is anyone the rule is about, not the candidate)."""
    # an example of what may have happened, not a step: "if we can find it, for example a dose given and charted but not
    # put in the register" (a hospice nurse's sound controlled-drugs plan, read as a record skipped: 20)
    before = words[max(0, at - EXAMPLE_REACH):at]
    for j in range(len(before) - 1, 0, -1):
        if (before[j - 1], before[j]) in (("for", "example"), ("such", "as")):
            if not CANDIDATE.intersection(before[j + 1:]):
                return False
            break
    # what the candidate saw someone else not do: "I saw one of the newer lads not checking his detector calibration date"
    # (a gas emergency team leader's model answer, read as his own check skipped: Method 1 of 4)
    for j in range(at - 1, max(start - 1, at - SEEN_REACH), -1):
        if words[j] in SEEN and j + 1 < at and not by.intersection(words[j + 1:at]):
            return False
    # ... or the team's old way, found to be the problem: "it was clear we were ordering on the system's suggestion without
    # checking it against the weather, so I took over the ordering myself" (a meat counter manager's waste story, read as
    # a safety check skipped: 39, 85 without the clause)
    for j in range(at - 1, max(start - 1, at - FOUND_REACH), -1):
        if words[j] in FOUND_PLAIN and words[j + 1:j + 3] in (["we", "were"], ["they", "were"]) \
                and words[j + 3:j + 4] and words[j + 3].endswith("ing"):
            return False
    # in a knowledge answer, a rule said of a thing: "patient returns don't go in the register, they go in a separate
    # returns book" (a pharmacy manager's right answer on the CD register, capped at 40 as a record skipped)
    if by is KNOWLEDGE_CANDIDATE and words[at] in RULE_DENIALS and at > start and words[at - 1] not in by \
            and words[at - 1].isalpha() and words[at - 1] not in NOT_SUBJECTS:
        return False
    # ... and what a thing is rather than another: "P1 ... it's usually an insurer's requirement rather than the fire risk
    # assessment" (a fire alarm supervisor's right answer on BS 5839 categories, capped at 33.3 as a check skipped)
    if by is KNOWLEDGE_CANDIDATE and tuple(words[at:at + 2]) in (("rather", "than"), ("instead", "of")) \
            and COPULAS.intersection(words[start:at]) and not by.intersection(words[start:at]) - COPULAS:
        return False
    for j in range(at - 1, max(0, at - CAUSE_REACH), -1):
        if words[j] in by:
            break
        if words[j] in ("how", "why") and words[j - 1] in ("out", "know", "understand", "establish", "see"):
            # how it came about, a cause to find out, across a clause's break: "I want to know how the programme got to
            # the day before without the witness test being booked" (a solar site manager's model plan, refusing to
            # energise untested: read as a check skipped, 20)
            return False
    said = list(range(at - 1, start - 1, -1))
    # "she was using her own old flashcards and skipping the review sessions": the subject before the "and" (a teacher's
    # story of a colleague, read as her own step skipped); and before a "but": "the provider had seen it for weeks but not
    # reported it" (an adult safeguarding social worker's story, read as her refusing to report: 42, 81 without it)
    before: list[int] = []
    if start >= 1 and words[start - 1] in ("and", "but"):
        before = list(takewhile(lambda k: words[k] not in PUNCTUATION and words[k] not in BREAK_WORDS,
                                range(start - 2, -1, -1)))
        said += before
    if at == start:
        # the nearest doer named in the clause before, "the provider had", not the candidate's "I found" before it
        for k in before:
            if words[k] in by:
                break
            if words[k] in DETERMINERS_BEFORE_STEP and words[k + 2:k + 3] and words[k + 2] in _AUXILIARY_AFTER_DOER:
                return False
    for k in said:
        if words[k] == "there" and words[k + 1] not in THERE_IS:
            continue  # a place, not "there's no need to": "why they were drilling there without checking the register"
        if words[k] == "why":
            # a cause to find out, not a step refused: "Afterwards I'd find out why the register didn't flag it before it
            # went overdue" (an offshore maintenance supervisor's sound overdue-PSV plan, read as escalation refused: 20)
            return False
        if words[k] == "them" and k > start and words[k - 1] == "of":
            # some of a group as the doer: "because two of them didn't have DBS checks" (a school site manager's story of
            # escorting contractors, read as her own check skipped: Action 0, 42; 84 without the clause)
            return False
        if words[k] in OTHERS or (words[k] in CANDIDATE and words[k] not in by):
            return False
        # a relative clause of something else's doing: "an inbound fishing boat that came round the breakwater head
        # without a call to VTS" (a deputy harbour master's near-miss story, read as his own call refused)
        if words[k] == "that" and k > start and words[k + 1] in TOLD_DONE and words[k - 1] not in by:
            return False
        # ... or of a thing that needs none: "offer her a gloss or a toner that doesn't need a test under the
        # manufacturer's guidance" (a salon manager's sound plan, refusing the tint untested: capped at 20)
        if words[k] == "that" and k >= start + 2 and words[k + 1] in RULE_DENIALS \
                and DETERMINERS_BEFORE_STEP.intersection(words[max(start, k - 3):k - 1]):
            return False

        if words[k] in by:
            return True
        # someone else's doing told as it went on: "that's how I found the night shift were ticking the chiller sheet
        # without probing" (a meat plant manager's best approach answer, read as her own check skipped: method 1 of 4)
        if words[k] in ("was", "were") and k > start and words[k + 1:k + 2] and words[k + 1].endswith("ing") \
                and words[k - 1] not in by and words[k - 1].isalpha() and words[k - 1] not in NOT_SUBJECTS:
            return False
        # the doer named just before a participle or a passive: "a real problem with the groundworks subbie working in an
        # excavation without any edge protection" (a construction safety adviser's story of stopping that work, read as
        # her own check skipped: Action 0, 50), "four of his tickets were closed without header checks"
        if k > start and words[k - 1] not in NOT_A_DOER and ((words[k - 1] in PASSIVE and words[k].endswith("ed")) or (
                # a participle with a place after it, not a name's part ("a school swimming gala", "settling in plan")
                words[k].endswith("ing") and words[k + 1:k + 2] and words[k + 1] in PLACED
                and words[k + 2:k + 3] and words[k + 2] in DETERMINERS_BEFORE_STEP)) and \
                any(words[j] in DETERMINERS_BEFORE_STEP | {"his", "her"} for j in range(max(start, k - 4), k - 1)):
            return False
        if _passive_of_a_thing(words, k, start):
            return False
        # ... and a thing let be done by someone else: "is the booking system letting a tint be booked without a test date"
        if k > start and words[k - 1] == "be" and (let := _LET_BE.match(" ".join(words[max(start, k - 6):k + 1]))) \
                and let.group(1) not in by:
            return False
        # a modal after someone else: "so first line could fix it in five minutes instead of escalating" (a service desk
        # lead's knowledge article, read as her refusing to escalate: 42.9, the same story without the words 95.7)
        if words[k] in SUBJECT_MODALS and k > start and words[k - 1] not in by and words[k - 1] not in OTHERS \
                and words[k - 1].isalpha() and words[k - 1] not in NOT_SUBJECTS:
            return False
    return True  # "never skip the checks", "no need to": nobody else's


def _names_a_thing(r: Reader, words: list[str], at: int, start: int) -> bool:
    """Whether the skip or delay word at `at` is a noun (one of `nouns`): after a determiner or a verb that
    takes it as its object, up to MODIFIERS_BEFORE_NOUN words before ("log the delay", "a two hour delay",
    "no hesitation", "put it in the skip"). Such a word puts off or drops nothing."""
    if not r.nouns.match(words, at):
        return False  # "a shift without the checks", "a fix rather than follow the procedure"
    for k in range(at - 1, max(start, at - 2 - MODIFIERS_BEFORE_NOUN) - 1, -1):
        if words[k] in r.nouns_after:
            return True
        if words[k] in BRIDGES or words[k] in PUNCTUATION or words[k] in NOT_A_MODIFIER or "'" in words[k]:
            return False  # "to delay", "I'd probably delay", "the driver would delay": a verb
    return False


def _clause_break(words: list[str], k: int, trigger: str) -> bool:
    word = words[k]
    if word == "," and trigger == "negation" and words[k + 1: k + 2] and words[k + 1] in ALSO_REFUSED:
        # "I wouldn't make a big thing of it, or report it": the comma speech recognition puts in still lists what the
        # negation refuses (without it the plan was capped at 35; with it, 80, strong)
        return False
    if word in PUNCTUATION or word in BREAK_WORDS:
        return True
    if word == "and" and k + 1 < len(words):
        after = words[k + 1]
        return after in NEW_STEP_AFTER_AND or not (trigger == "skip" and (any(ch.isdigit() for ch in after) or after in TO_WORDS))
    return False


@dataclass
class _Read:
    """One sentence's reading."""

    found: list[Finding] = field(default_factory=list)
    # refusals to tell one person (not "anyone"): no finding where the plan escalates to someone else
    redeemable: list[Finding] = field(default_factory=list)
    escalations_now: int = 0
    # a refusal to send someone for emergency care is redeemed only by emergency care now, not by telling the GP
    emergency_refused: list[Finding] = field(default_factory=list)
    emergencies_now: int = 0
    # ... and a refusal to report to a regulator only by a report to one now
    statutory_refused: list[Finding] = field(default_factory=list)
    statutory_now: int = 0
    escalations_later: list[str] = field(default_factory=list)  # their words ("tell my manager about it in the morning")
    # an allegation dealt with privately, closed or played down: a finding only where the answer or question names
    # an allegation and the plan escalates to no one now
    alone: list[Finding] = field(default_factory=list)
    allegation: bool = False

    def made_now(self, step: _Step) -> None:
        """Count an escalation the plan makes now, and whether it is emergency care or a report to a regulator."""
        self.escalations_now += 1
        self.emergencies_now += step.emergency
        self.statutory_now += step.statutory


def read_sentence(r: Reader, text: str, index: int, by: frozenset[str] = CANDIDATE) -> _Read:
    """What one sentence refuses, skips, puts off or hides, and the escalations it makes."""
    words = tokens(text)
    out = _Read(allegation=r.allegations.found_within(words, 0, len(words)))
    waits = _inquiry_within(r, words, 0, len(words))  # "only ... if my investigation found something"
    k = start = first = 0
    flips, trigger, reach, free = 0, "", 0, 0
    condition = False  # the clause opened with "if"
    protected = False  # the clause has named protection its plan takes
    while k < len(words):
        if _clause_break(words, k, trigger):
            condition = words[k] in CONDITIONS
            # a cover-up may open with the word that starts its clause: "... off the books before the auditors see it"
            # (a payroll supervisor's overpayment plan, 86.7, strong)
            hidden = r.cover_up.match(words, k) if words[k] in BREAK_WORDS and not _unwilling_before(words, k) else 0
            if hidden:
                out.found.append(Finding("cover_up", index, " ".join(words[k:k + hidden])))
            k = start = k + max(hidden, 1)
            flips, trigger, reach, protected = 0, "", 0, False
            continue
        # ... and "if it looks like we can't get anyone" (a pharmacist's sound plan, read as refusing to get anyone)
        if condition and (k - start <= CONDITION_SUBJECT_WORDS or (
                k - start <= CONDITION_SUBJECT_WORDS + 3 and LOOKS_LIKE & set(words[start:k]))) and (
                n := r.negations.match(words, k) or r.skips.match(words, k) or r.delays.match(words, k)):
            k += n  # "if we don't follow the process ...": a condition, refusing nothing
            continue
        if n := r.cover_up.match(words, k):
            # turned around by a negation in its clause ("I'd never promise to keep it secret"), not by one a "that"
            # has left behind ("I'd tell them not to worry that it stays between us", a head teacher's trial: 80)
            # ... nor what it leads to: "because then the figures won't match and nobody will know why" (an analyst's
            # sound plan, refusing to change the history quietly)
            consequence = k + n < len(words) and words[k + n] in WH_WORDS
            # ... and by anyone's negation just before it: "she can't promise to keep it secret and neither can I" (a home
            # care coordinator's sound safeguarding plan, capped at 20 as hiding the problem)
            lead = max(start, k - COVER_UP_NEGATED_WITHIN)
            denied = r.negations.found_within(words, lead, k - lead)
            # ... nor the problem named, found by others: "showed them the audit findings we'd had for backdated records" (a
            # bottling shift manager's story of stopping it, Action 0 of 4 as keeping it hidden)
            named = k and words[k - 1] in NAMED_AS
            # ... nor one side of a choice weighed: "so we had a choice, send it and hope nobody noticed or strip them and
            # redo them. I made the call that we weren't sending it" (an upholstery supervisor's story, Action 0 of 4)
            if not (flips % 2 == 1 and "that" not in words[first:k]) and not _unwilling_before(words, k) and not consequence \
                    and not denied and not named and not _one_side_of_a_choice(r, words, k, n):
                out.found.append(Finding("cover_up", index, " ".join(words[k:k + n])))
            k, reach = k + n, 0
            continue
        n, rank = max((phrases.match(words, k), -rank) for rank, phrases in enumerate(r.alone))
        if n:
            if flips % 2 == 0:  # not "it's not just banter", "rather than a quiet word"
                out.alone.append(Finding("handled_alone", index, " ".join(words[k:k + n]), -rank))
            k, reach = k + n, 0
            continue
        if (n := r.negations.match(words, k)) and _denied_again(words, k, n):
            # "nothing gets built that isn't either in scope or notified": two negatives, everything is notified (a
            # quantity surveyor's trial: read as refusing to notify, 1 of 4)
            k += n
            continue
        if (n := r.negations.match(words, k)) and not (n == 1 and words[k] in SAID_OF_OTHERS) and \
                _subject_is_candidate(words, k, start, by):
            if k + n < len(words) and words[k + n] in NOT_ONLY and not any(
                    tuple(words[k + n + 1:k + n + 1 + len(let)]) == let for let in LETTING_GO):
                # "I wouldn't just ring the manager": more than that
                k += n + 1
                continue
            if k + n + 1 < len(words) and words[k + n] in REASSIGNED and words[k + n + 1] in ("to", "onto"):
                k += n + 2  # "they come off all work, not moved to labels or checking": where they go, no step refused
                continue
            if words[k:k + n] == ["not"] and k + 1 < len(words) and words[k + 1].endswith("ing") and k > start \
                    and words[k - 1].isalpha() and words[k - 1] not in NOT_A_MODIFIER | BE_OR_GET:
                # "the two bars with the most incidents were the two not checking ID": which ones, described, no step
                # refused (a racecourse supervisor's influencing story, capped as a check skipped: 42)
                k += n
                continue
            if words[k:k + n] == ["not"] and k + 1 < len(words) and words[k + 1] in CONTRASTED and \
                    "to" not in words[k + 2:k + 2 + CONTRAST_TO_WORDS]:
                k += n
                continue
            flips, trigger, reach, free, first = flips + 1, "negation", NEGATION_REACH, 0, k
            k += n
            continue
        n, kind = next(((m, kind) for kind, phrases in (("skip", r.skips), ("delay", r.delays))
                        if (m := phrases.match(words, k))), (0, ""))
        if n and _names_a_thing(r, words, k, start):  # "without any delay": the negation's object, no step's
            flips, trigger, reach = 0, "", 0
            k += n
            continue
        if n and k and words[k - 1] in NOT_STATE:  # "people aren't afraid to speak up": no hesitation, no skip
            k += n
            continue
        if n and (NEAR_MISS.intersection(words[max(start, k - NEAR_MISS_REACH):k]) or (
                tuple(words[k:k + n]) in CONTRASTS and k + n < len(words) and words[k + n] in UNDONE)):
            k += n
            continue
        if n and kind == "skip" and words[k] == "without" and _rule_before(words, k):
            # a rule, two negatives: "we agreed a rule with the surgeons that nothing is added after two o'clock without the
            # theatre coordinator signing it off" (a theatre lead's story, read as a check skipped: 46, its twin 95)
            k += n
            continue
        if n and kind == "skip" and any(r.unannounced.match(words, j) for j in range(max(start, k - UNANNOUNCED_REACH), k)):
            # "I set up a drill without telling anyone" (an arborist's rescue story: read as refusing to report, Action 0)
            k += n
            continue
        if n and tuple(words[k:k + n]) in CONTRASTS and INTERVAL_UNITS.intersection(words[max(start, k - INTERVAL_REACH):k]) \
                and INTERVAL_UNITS.intersection(words[k + n:k + n + INTERVAL_REACH]):
            k += n  # "a four day rotation instead of the seven day": how often, not whether
            continue
        if n and tuple(words[k:k + n]) in CONTRASTS and words[k + n:k + n + 1] in (["the"], ["a"], ["an"]) and any(
                w.endswith("ing") for w in words[k + n + 2:k + n + 4]) and not by.intersection(words[start:k]):
            # someone else's way, set beside the one described, not the candidate's: "an approved installer can self-certify
            # ..., instead of the homeowner going to building control" (a glazing supervisor's right FENSA answer, read as
            # refusing to escalate: 40)
            k += n
            continue
        if n and _subject_is_candidate(words, k, start, by):
            if k + n < len(words) and words[k + n] in NOT_ONLY:  # "rather than just reporting it": more than that
                k += n + 1
                continue
            if protected and tuple(words[k:k + n]) in CONTRASTS:
                k += n
                continue
            flips, trigger, reach, free, first = flips + 1, kind, SKIP_REACH, SKIP_FREE_WORDS, k
            k += n
            continue
        step = _step_at(r, words, k)
        if step is not None:
            end = k + step.length
            refused = reach > 0 and flips % 2 == 1 and not (step.protection and trigger == "delay")
            if not refused and step.escalation and words[end:end + 2] == ["not", "to"] and _told_to_do(words, k, end):
                # told not to escalate: what follows is refused, by the candidate's word ("I'd tell the nurse in charge
                # not to bother ringing the site team")
                flips, trigger, reach, free, first = 1, "negation", NEGATION_REACH, 0, k
                k = end + 2
                continue
            if refused and step.escalation and _told_to_do(words, k, end):
                # "we never tell a customer to take the battery out" (a gas engineers' supervisor's sound plan): an
                # instruction refused, not the customer left untold; but where what they are told to do is to escalate,
                # that is refused ("only if it was really strong would I tell them to call the emergency number", "I
                # wouldn't tell them to call an ambulance": read as the call made now, which redeemed the rest)
                told = end + 1  # after its "to"
                instructed = _step_at(r, words, told) if told < len(words) else None
                if instructed is not None and instructed.escalation:
                    k = told
                    continue
                k, reach, flips, trigger = end, 0, 0, ""
                continue
            protected = protected or (step.protection and not refused)
            removed = _removed_by(r, words, k)
            if removed is not None and r.shortened.match(words, end):
                removed = None  # "cut the checklist down from two pages to one": shorter, still there
            if removed is not None and not step.escalation:
                # "cut testing", "cut the testing": the check taken out, unless that is what is refused ("I would not cut
                # testing on the payment path", a software engineer's trial: read as refusing the testing, 20), or
                # someone else's doing the plan is about ("if he's doing the tests and rushing the paperwork I'd look at
                # his workload": a gas engineers' supervisor's trial, 20)
                if not any(r.negations.match(words, j) for j in range(start, removed)) and \
                        _subject_is_candidate(words, removed, start, by):
                    out.found.append(Finding("check_skipped", index, " ".join(words[removed:end])))
                k, reach, flips, trigger = end, 0, 0, ""
                continue
            if refused and not step.escalation and tuple(words[k:end]) in WITHHELD_APPROVALS and not BOTHERED.intersection(
                    words[first:k]):
                # approval withheld, not a check skipped: "the revenue manager wasn't happy about it, but I told the GM I
                # wouldn't sign them off" of seven rooms below standard (a housekeeping manager's best story, Action 0)
                k, reach, flips, trigger = end, 0, 0, ""
                continue
            if refused and not step.escalation and end < len(words) and words[end] == "without":
                # what cannot be done without something is a rule: "we can't test without a nominated tester logged on"
                # (a workshop controller's sound plan for an MOT tester off sick, read as a check skipped: 20)
                k, reach, flips, trigger = end, 0, 0, ""
                continue
            if refused and not step.peer and (not r.when_not_whether.found_within(words, end, WHEN_REACH)
                                              or (trigger == "delay" and _waited_until_later(r, words, end))):
                kind = ("escalation_delayed" if trigger == "delay" else "escalation_refused") if step.escalation else "check_skipped"
                finding = Finding(kind, index, " ".join(words[first:end]))
                out.found.append(finding)
                if step.escalation and not step.anyone and trigger != "delay":
                    (out.emergency_refused if step.emergency else out.statutory_refused if step.statutory
                     else out.redeemable).append(finding)
                if end < len(words) and words[end] in ALSO_REFUSED:  # "no need to bother the head or fill in forms"
                    k, reach, free, first = end + 1, NEGATION_REACH if trigger == "negation" else SKIP_REACH, free, end + 1
                    continue
            elif refused and step.emergency and r.not_yet.found_within(words, end, WHEN_REACH):
                # an emergency call put off is a delay whoever is called later ("I wouldn't pull the emergency bell
                # straight away ... if it's still stuck then I'd call the registrar": a midwife's trial, 93.3)
                out.found.append(Finding("escalation_delayed", index, " ".join(words[first:end])))
            elif refused and step.escalation and not step.peer and not step.anyone and r.not_yet.found_within(
                    words, end, WHEN_REACH):
                # refused only "straight away" or "until I've looked": put off, so a finding where the plan escalates to
                # no one at all (a track trial: "I wouldn't go bothering the signaller and blocking the line straight
                # away", the line never blocked, 80)
                out.escalations_later.append(" ".join(words[first:end]))
            elif not refused and (until := _dismissed(r, words, end)):
                # "waiting for a line block would take too long, so I'd go out and have a look": the safe step
                # named only to be brushed aside (trial 15's careful-words unsafe plan scored 93)
                out.found.append(Finding("escalation_refused" if step.escalation else "check_skipped", index,
                                         " ".join(words[first if reach else _gerund_before(words, k):until])))
                k, reach = until, 0
                continue
            elif not refused and not step.escalation and (until := _put_off(r, words, end)):
                # a check done when it suits ("I'll sign it all off ... when I've got a minute") checks nothing before
                out.found.append(Finding("check_skipped", index, " ".join(words[k:until])))
                k, reach = until, 0
                continue
            # an instruction is no escalation: "I'd tell the head to freeze all supply cover" redeemed "I wouldn't take it to
            # trustees until it's sorted" (a school business manager's deficit plan: 86.7, strong)
            elif not refused and step.escalation and not step.peer and not step.anyone and not _spoken_of(words, k, end) \
                    and not _told_to_do(words, k, end) and not (k > 0 and words[k - 1] in RELATIVE_DOERS):
                if r.done.match(words, k):
                    out.made_now(step)
                elif step.later:
                    out.escalations_later.append(" ".join(words[k:end]))
                elif (r.to_someone.match(words, k) and r.later.found_within(words, start, k - start)
                        and not ROUTINE.intersection(words[start:k])):
                    # "then at the end of the shift I'd email the day manager": the time said first (a warehouse plan
                    # that kept picking beside a damaged upright read as escalating now, 80, strong); not a routine
                    # ("every Monday I go through the key dates report") nor a report that is a thing
                    out.escalations_later.append(" ".join(words[start:end]))
                elif until := _told_for_later(r, words, end) or _put_off(r, words, end):
                    out.escalations_later.append(" ".join(words[k:until]))
                elif waits and not _next_clause_waits(r, words, end):
                    out.escalations_later.append(" ".join(words[start:end]))
                elif _only_if(words, k, end):
                    pass  # "I'd only escalate if it was a big amount like a whole box": a step for another case
                else:
                    out.made_now(step)
            k, reach = end, 0
            continue
        if (n := r.telling.match(words, k)) and not (reach > 0 and flips % 2 == 1) and (
                until := _told_for_later(r, words, k + n) or _put_off(r, words, k + n)):
            # "mention it at the end": telling the person the scenario is about, unnamed, only once the work is done
            out.escalations_later.append(" ".join(words[k:until]))
            k, reach = until, 0
            continue
        if words[k] in ALSO_REFUSED and trigger == "negation" and flips % 2 == 1:
            # "no need to make a big fuss or report it": a negation refuses each thing its clause lists with
            # "or", however long the thing before ("a big fuss" ran out its reach, so "report it" read as a step)
            reach, free = NEGATION_REACH, 0
            k += 1
            continue
        if reach and words[k] in INSTRUCTING and (told := _told_whom_to(words, k)):
            k = told  # "I wouldn't tell them to call an ambulance": the refusal reaches what they are told to do
            continue
        if reach:
            reach -= 1
            if words[k] not in BRIDGES and not (trigger == "delay" and r.later.match(words, k)):
                free -= 1
                if free < 0:
                    reach = 0
        k += 1
    return out


def _altered_records(r: Reader, words: list[str], index: int, own: int, by: frozenset[str] = CANDIDATE) -> list[Finding]:
    """A record changed to make it match ("I'd just correct the entry myself so the numbers match", "adjust
    the cash-up sheet so it balances"): one of `altered_record`'s `changes` in the first `own` words (the
    sentence's; the rest are the clause after it, where the scorer cut a long sentence), said by the candidate
    and not negated in its clause ("I'd never alter the register"), a `records` word within RECORD_REACH words
    of it, and a `to_match` purpose after it before the sentence ends. A cover-up, unless the plan reports it now."""
    out: list[Finding] = []
    start = 0
    for k in range(min(own, len(words))):
        if _clause_break(words, k, ""):
            start = k + 1
            continue
        n = r.changes.match(words, k)
        if not n or not _subject_is_candidate(words, k, start, by) or any(
                r.negations.match(words, j) for j in range(start, k)):
            continue
        # the record named after the change ("correct the entry"), or before a change the candidate has done to it
        # ("I'd get the duty card adjusted afterwards so it shows the break in the right place": a bus controller's
        # trial, 86.7; not "the reading books were changed so they matched the sounds", a phonics lead's story)
        before = max(start, k - RECORD_REACH - 1)
        # ... or in the change's own words: "record it as an abandonment rather than an eviction, because evictions go
        # against our figures" (a homelessness hostel manager's trial: 66.7, quoted as judgement)
        if not r.records.found_within(words, k + n, RECORD_REACH) and not r.records.found_within(words, k, n) and not (
                words[k].endswith("ed") and CAUSATIVE.intersection(words[before:k])
                and r.records.found_within(words, before, k - before)):
            continue
        stop = next((j for j in range(k + n, len(words)) if words[j] in SENTENCE_END), len(words))
        end = next((j + m for j in range(k + n, min(stop, k + n + MATCH_REACH)) if (m := r.to_match.match(words, j))), 0)
        if end:
            out.append(Finding("cover_up", index, " ".join(w for w in words[k:end] if w not in PUNCTUATION)))
            break
    return out


def _next_clause_waits(r: Reader, words: list[str], end: int) -> bool:
    """Whether the sentence's only wait on the candidate's own inquiry comes after the step ending at `end`, in a clause of
    its own (", and if it turned out to be retained the surgeon would lead the duty of candour conversation": an ODP's
    sound swab-count plan read its "put in a Datix" as waiting on it, 20)."""
    before = _inquiry_within(r, words, 0, end)
    after = next((j for j in range(end, len(words)) if _inquiry_at(r, words, j)), None)
    return not before and after is not None and "," in words[end:after] and "and" in words[end:after]


SCAM_REACH = 4


def _inquiry_at(r: Reader, words: list[str], at: int) -> int:
    """The length of an `after_own_inquiry` phrase at `at` that waits on an inquiry into someone, else 0: not one a
    `scam` word follows within SCAM_REACH words ("if it turns out to be fraud I'd report it")."""
    n = r.after_own_inquiry.match(words, at)
    return 0 if n and r.scam.found_within(words, at + n, SCAM_REACH) else n


def _inquiry_within(r: Reader, words: list[str], start: int, end: int) -> bool:
    """Whether such a phrase starts between `start` and `end`."""
    return any(_inquiry_at(r, words, j) for j in range(start, end))


def _told_for_later(r: Reader, words: list[str], end: int) -> int:
    """Where "tell my manager about it *in the morning*" ends: the escalation is put off (0: it is not;
    "before the morning" is no delay). Counted from past whom it goes to: "escalate it to the orderly officer first thing
    in the morning" (a prison supervising officer's missing keys left overnight: 100, strong)."""
    to = next((j for j in range(end, min(len(words), end + 2)) if words[j] == "to"), None)
    if to is not None:
        end = next((m + n for m in range(to + 1, min(len(words), to + 3)) if (n := r.people.match(words, m))), end)
    for k in range(end, min(len(words), end + LATER_REACH)):
        # "leave the strategy meeting till Monday" (a social worker's trial; "till" ends a clause otherwise)
        if words[k] in ("till", "until") and (n := r.later.match(words, k + 1)):
            return k + 1 + n
        # a time that opens with a break word is still the time: "we'll get the reg when they're out of theatre"
        if (n := r.later.match(words, k)) and not (words[k] == "later" and words[k - 1] in ("a", "the", "any")):
            return k + n  # not "a later slot" (a dev plan, graded 5, that asks the customer for one)
        if words[k] in PUNCTUATION or words[k] in BREAK_WORDS or words[k] == "and":
            return 0
    return 0


INSTRUCTING = frozenset({"tell", "telling", "told", "tells"})
# after "tell the manager to": why it is not told ("to avoid a fuss"), or when ("to begin with"), not what to do
NOT_AN_INSTRUCTION = frozenset("avoid save spare keep stop prevent protect begin start be".split())


def _told_to_do(words: list[str], at: int, end: int) -> bool:
    """Whether the step from `at` to `end` tells its person to do something ("tell a customer to take the battery out"):
    an instruction, not the person told about the problem."""
    if words[at] not in INSTRUCTING:
        return False
    # ... the person told where they are from first: "I'd get a pharmacist from another branch to sign in as RP" (a
    # pharmacy manager's trial: read as the plan escalating, which redeemed "we don't have to report a closure", 100)
    if end < len(words) and words[end] in PLACE_OF_PERSON:
        end = next((j for j in range(end + 1, min(len(words), end + PLACE_OF_PERSON_REACH)) if words[j] == "to"
                    or words[j] in PUNCTUATION), end)
    # ... or told not to: "I'd tell the nurse in charge not to bother ringing the site team" (a ward sister's unsafe staffing
    # plan, read as escalating to the nurse in charge now, which redeemed "I wouldn't Datix it": 93.3, strong)
    if end + 2 < len(words) and words[end] == "not" and words[end + 1] == "to":
        end += 1
    return end + 1 < len(words) and words[end] == "to" and words[end + 1].isalpha() and \
        words[end + 1] not in DETERMINERS_BEFORE_STEP and words[end + 1] not in NOT_AN_INSTRUCTION


def _told_whom_to(words: list[str], at: int) -> int:
    """Where what someone is told to do starts, after "tell them to", "tell the customer to" (0: not an instruction)."""
    for j in range(at + 1, min(len(words) - 1, at + 1 + TOLD_WHOM_WORDS)):
        if words[j] in PUNCTUATION:
            return 0
        if words[j] == "to" and j > at + 1:
            return j + 1
    return 0


TOLD_WHOM_WORDS = 4  # "tell the customer's partner to"


def _removed_by(r: Reader, words: list[str], at: int) -> int | None:
    """Where the removal just before the step at `at` starts ("*cut* testing", "*cut the* tests", "*skimp on* the
    checks"), or None: one of `removals`, with at most a determiner between."""
    for start in range(max(0, at - 4), at):
        n = r.removals.match(words, start)
        if n and (start + n == at or (start + n == at - 1 and words[at - 1] in DETERMINERS_BEFORE_STEP)):
            return start
    return None


def _gerund_before(words: list[str], at: int) -> int:
    """Where the step at `at` starts as said: with its "waiting for", "getting", "ringing" ("waiting for a line block")."""
    if at >= 2 and words[at - 1] in ("for", "on", "in", "up") and words[at - 2].endswith("ing"):
        return at - 2
    return at - 1 if at >= 1 and words[at - 1].endswith("ing") else at


def _waited_until_later(r: Reader, words: list[str], end: int) -> bool:
    """Whether a step put off "until" something names a later time in its clause: "I'd hold off calling the vet until
    I'd seen how many more go down over the next couple of days" (a pig unit manager's plan for suspected swine fever:
    86.7, strong; "for a couple of days" was a delay) waits days, not for a look first."""
    ahead = words[end:end + UNTIL_LATER_REACH]
    if not ahead or ahead[0] not in ("until", "till"):
        return False
    stop = next((j for j, w in enumerate(ahead) if w in PUNCTUATION), len(ahead))
    return r.later.found_within(ahead, 1, stop - 1)


def _dismissed(r: Reader, words: list[str], end: int) -> int:
    """Where a safe step's dismissal ends ("waiting for a line block *would take too long*", "ringing the on-call
    manager *is overkill*"), or 0: one of `dismissals` within DISMISSAL_REACH words after the step, in its clause, with
    no negation between ("it wouldn't take too long")."""
    for k in range(end, min(len(words), end + DISMISSAL_REACH)):
        if n := r.dismissals.match(words, k):
            return k + n
        if words[k] in PUNCTUATION or words[k] in BREAK_WORDS or words[k] == "and" or r.negations.match(words, k):
            return 0
    return 0


def _put_off(r: Reader, words: list[str], end: int) -> int:
    """Where a step put off until it suits ends ("sign it all off at the end of the day *when I've got a minute*"),
    or 0: one of `when_convenient` within CONVENIENT_REACH words, in the same clause (its own "when" or "if" aside)."""
    for k in range(end, min(len(words), end + CONVENIENT_REACH)):
        if n := r.when_convenient.match(words, k):
            return k + n
        if _clause_break(words, k, "skip"):  # "the safety checks and the calibration when it's quiet" is one step
            return 0
    return 0


def findings(sentences: list[str], words: Reader | None = None, question: str = "", *, knowledge: bool = False) -> list[Finding]:
    """What an answer (its sentences, in order) refuses, skips, puts off or hides, in order. A refusal to
    tell one person (not "anyone") is no finding where the plan escalates to someone else without delay;
    an escalation told for later is one where it is all the plan escalates, and so is an allegation (in the
    answer or its `question`) handled privately, closed or played down. Shortcuts ("keep going") are
    listed only beside another finding."""
    r = words or reader()
    # a knowledge answer's "you" is whoever the rule is about: "where you can't get a doctor or approved clinician to
    # attend" states the nurse's holding power (a mental health nurse's right answer read as refusing to escalate: 40)
    by = KNOWLEDGE_CANDIDATE if knowledge else CANDIDATE
    reads = [read_sentence(r, text, i, by) for i, text in enumerate(sentences)]
    for i, text in enumerate(sentences):
        words = tokens(text)
        own = len(words)
        if words and words[-1] not in SENTENCE_END and i + 1 < len(sentences):
            words += tokens(sentences[i + 1])  # "then I'd just correct the entry myself" / "so the numbers match"
        altered = _altered_records(r, words, i, own, by)
        reads[i].found += altered
        reads[i].redeemable += altered  # changed and reported now ("and report it to the duty manager"): not hidden
        if said := _emergency_only_if(r, text):
            # the emergency call kept for a worse case: "only if they said it was really strong would I tell them to call
            # the emergency number" (a contact centre team leader's trial: a smell of gas, the bill finished first, 93.3)
            reads[i].found.append(Finding("escalation_delayed", i, said))
            reads[i].escalations_now -= reads[i].emergencies_now
            reads[i].emergencies_now = 0
    now, emergency = sum(x.escalations_now for x in reads), sum(x.emergencies_now for x in reads)
    statutory = sum(x.statutory_now for x in reads)
    reasoned = _reasoned_decision(r, sentences)
    found = [f for x in reads for f in x.found
             if not ((now or reasoned) and f in x.redeemable) and not (emergency and f in x.emergency_refused)
             and not (statutory and f in x.statutory_refused)]
    later = [(i, said) for i, x in enumerate(reads) for said in x.escalations_later]
    if not now:
        found += [Finding("escalation_delayed", i, said) for i, said in later]
        asked = tokens(question)
        # a quiet word is private handling of what the plan hides or will not report elsewhere, as of an allegation
        hides = any(f.kind in ("cover_up", "escalation_refused") for f in found)
        if hides or any(x.allegation for x in reads) or r.allegations.found_within(asked, 0, len(asked)):
            found += [f for x in reads for f in x.alone]
    elif not statutory:
        # a regulator told later is put off whoever else is told now: "I'd get the engineers in ... and I'd speak to the
        # OV later in the week if she asks about it" (a meat plant's failed chiller, the load sent out: 86.7, strong)
        found += [Finding("escalation_delayed", i, said) for i, said in later
                  if r.statutory.found_within(told := tokens(said), 0, len(told))]
    found += _work_goes_on(r, sentences, question) + _rushes_in(r, sentences, question)
    if found:
        for i, text in enumerate(sentences):
            words = tokens(text)
            found += [Finding("shortcut", i, " ".join(words[k:k + n])) for k in range(len(words)) if (n := r.shortcuts.match(words, k))][:1]
    return sorted(found, key=lambda f: f.sentence)


def _emergency_only_if(r: Reader, text: str) -> str:
    """The words of an emergency call kept for a worse case than the one in hand ("only if it was really strong would I
    tell them to call the emergency number", "I'd only call an ambulance if he stopped breathing"), or ""; not where
    the emergency call comes first ("I'd call an ambulance straight away, and only once they arrived ...")."""
    only = ONLY_IF.search(text.lower())
    if only is None:
        return ""
    before, after = tokens(text[:only.start()]), tokens(text[only.start():])
    clause = after[:next((k for k, w in enumerate(after) if w in (";", ".", "?", "!")), len(after))]
    if r.emergency.found_within(before, 0, len(before)):
        return ""
    # the call is what is kept, not the service's word: "salvage only if the fire service say it's safe" (a museum
    # duty manager's safe fire plan, held at 20 as an emergency call put off)
    called = any(r.emergency.match(clause, k) and (r.steps.found_within(clause, 0, k)
                                                   or r.to_someone.found_within(clause, 0, k)) for k in range(len(clause)))
    return " ".join(clause[:ONLY_IF_WORDS]) if called else ""


def _reasoned_decision(r: Reader, sentences: list[str]) -> bool:
    """A report weighed against its test and the reasons written down (safety.yaml's `reasoned_decision`)."""
    words = [w for text in sentences for w in tokens(text)]
    return r.assessed.found_within(words, 0, len(words)) and r.recorded.found_within(words, 0, len(words))


def _work_goes_on(r: Reader, sentences: list[str], question: str) -> list[Finding]:
    """The work let go on where the scenario (its question or the answer) names a danger: "I'd agree with him that he
    finishes the current section" of a man in an unsupported trench. Not where a negation comes just before ("I
    wouldn't let him finish")."""
    said = [tokens(text) for text in sentences]
    if not _scene_names(r.danger, said, question):
        return []
    found = []
    for i, words in enumerate(said):
        for k in range(len(words)):
            if (n := r.work_goes_on.match(words, k)) and not _negated_just_before(r, words, k) \
                    and not _said_of_others(words, k) and not _until_help_takes_over(words, k + n) \
                    and not _on_work_without_it(words, k + n) \
                    and not _once_checked(words, k) and not _safeguard_kept(r, words, k, n) \
                    and not (k + n < len(words) and (r.supervised.match(words, k + n) or r.made_safe.match(words, k + n))) \
                    and not _one_side_of_a_choice(r, words, k, n):
                found.append(Finding("work_goes_on", i, " ".join(words[k:k + n])))
                break
    return found


def _one_side_of_a_choice(r: Reader, words: list[str], k: int, n: int) -> bool:
    """Whether the `work_goes_on` or `cover_up` words at `k` are one side of a choice the sentence names before them, with
    "or" after them: "so we had a choice, keep the port engine running on reduced load and hope, or shut it down"
    (safety.yaml's `options_weighed`)."""
    return r.options_weighed.found_within(words, 0, k) and "or" in words[k + n:]


def _clause_back(words: list[str], k: int, reach: int) -> int:
    """Where to look back from words[k]: `reach` words before it, but not past the punctuation that opens its clause."""
    start = max(0, k - reach)
    return max([start, *(j + 1 for j in range(start, k) if words[j] in PUNCTUATION)])


def _safeguard_kept(r: Reader, words: list[str], k: int, n: int) -> bool:
    """Whether what the `work_goes_on` words at `k` keep running is a safeguard: named in them ("keep the condenser water
    running") or just before, in its clause ("if the pump's running you keep it running": a glazing supervisor's sound
    plan for a vacuum lifter's low-vacuum alarm, held at 20)."""
    start = _clause_back(words, k, SAFEGUARD_BEFORE)
    return r.safeguards.found_within(words, start, k + n - start)


def _negated_just_before(r: Reader, words: list[str], k: int) -> bool:
    """Whether a negation comes within WORK_GOES_ON_NEGATED_WITHIN words before words[k], in its clause: "I wouldn't
    let him finish", not "I wouldn't go in, I'd wait until their check-out day" (a hotel front office manager's plan for a
    guest unseen for two days behind a Do Not Disturb sign, whose "wouldn't" had turned the wait around)."""
    start = _clause_back(words, k, WORK_GOES_ON_NEGATED_WITHIN)
    # from the candidate's own "I'd" on: a negation in the condition before it is the condition's ("if the dive
    # supervisor's not answering I'd just go with whoever's on": a fish farm manager's plan, 80, strong)
    start = max([start, *(j for j in range(start, k) if words[j] in SUBJECT_I)])
    return r.negations.found_within(words, start, k - start)


def _scene_names(phrases: Phrases, said: list[list[str]], question: str) -> bool:
    """Whether the question or any sentence of the answer (its tokens) names one of `phrases`."""
    asked = tokens(question)
    return phrases.found_within(asked, 0, len(asked)) or any(phrases.found_within(w, 0, len(w)) for w in said)


def _rushes_in(r: Reader, sentences: list[str], question: str) -> list[Finding]:
    """Going in after a casualty where the scenario names a bad atmosphere, with no protection named in the sentence:
    "I'd take a big breath hold it and go in and drag him out". Not where a negation comes just before ("I don't go in")."""
    said = [tokens(text) for text in sentences]
    if not _scene_names(r.atmospheres, said, question):
        return []
    for i, words in enumerate(said):
        if r.protected.found_within(words, 0, len(words)):
            continue
        for k in range(len(words)):
            if (n := r.entries.match(words, k)) and not _negated_just_before(r, words, k) \
                    and not _said_of_others(words, k):
                return [Finding("rushes_in", i, " ".join(words[k:k + n]))]
    return []


# The work let go on once a check has passed: "I'd get them to dig trial holes ... if that's fine I'd record it and let
# them carry on" (a building control surveyor's sound plan for footings poured before inspection, capped at 20)
_CHECKED_FINE = re.compile(r"\b(?:if|once|when|provided|as long as)\s+(?:that|it|they|those|the \w+|everything|all)(?:'s|\s+is|\s+are|"
                           r"'re|\s+comes? back|\s+came back|\s+turns? out|\s+looks?)\s+(?:fine|ok|okay|clear|safe|sound|good|"
                           r"satisfactory|compliant|acceptable|right)\b")


# The work named as what a check comes before, within TIME_BEFORE_REACH words: "I check their trolley use myself | before
# they go up on their own" (a glasshouse supervisor's induction, its clause read alone: capped as work let go on at
# height, 35)
_THE_TIME_BEFORE = frozenset({"before", "until", "till", "once"})
TIME_BEFORE_REACH = 3


def _once_checked(words: list[str], k: int) -> bool:
    """Whether the work let go on at `k` waits, in its sentence, on a check coming back fine, or is named as what a check
    comes before."""
    return bool(_THE_TIME_BEFORE.intersection(words[max(0, k - TIME_BEFORE_REACH):k])
                or _CHECKED_FINE.search(" ".join(words[:k])))


# Help that takes over what is kept going: "keep going until the paramedics take over" is CPR done right (a collapse plan
# in trial 48's test, capped at 20 as work let go on in a danger).
TAKES_OVER = frozenset("paramedics paramedic ambulance crew help".split())


def _on_work_without_it(words: list[str], end: int) -> bool:
    """Whether the work let go on is only the work the danger is not in: "tell them to carry on with the streets that
    don't need a reverse" (a waste collection supervisor's sound plan for a crew without a banksman)."""
    ahead = words[end:end + AVOIDED_REACH]
    return any(which in ("that", "which") and no in NOT_NEEDING and need in NEEDING
               for which, no, need in zip(ahead, ahead[1:], ahead[2:]))


def _until_help_takes_over(words: list[str], end: int) -> bool:
    """Whether the words from `end` (or the match's own "until") hand over to help: "(until) the paramedics take over"."""
    ahead = words[max(0, end - 1): end + 4]
    return "until" in ahead and bool(TAKES_OVER.intersection(ahead))


def _said_of_others(words: list[str], k: int) -> bool:
    """Whether the words just before `k` make what follows someone else's habit, reported: "other venues just let them
    do it" (an events coordinator's story of refusing a client's smoke effects, read as letting the work go on: 37)."""
    j = k - 1
    while j >= 0 and words[j] in REPORTED_HABIT:  # "I usually just drive in myself": the candidate's own, however told
        j -= 1
    return 0 <= j < k - 1 and words[j].isalpha() and words[j] not in CANDIDATE and words[j] not in NOT_A_MODIFIER \
        and words[j] not in BRIDGES


def refuses_a_step(text: str, refusing: frozenset[str] = frozenset()) -> bool:
    """Whether these words refuse, skip, put off or hide a safe step (a quote that cannot show judgement):
    by themselves, or as part of one of the answer's `refusing` sentences (refusing_sentences: "a quiet word
    with the teacher, informally" hides an allegation only where the answer names one and reports nothing)."""
    return _refuses(text, *_file()) or within(text, refusing)


def within(quote: str, refusing: frozenset[str] | list[str]) -> bool:
    """Whether a quote is one of these sentences, or part of one."""
    quote = quote.strip(" .,")
    return any(quote in s or s in quote for s in refusing)


def not_evidence_for() -> frozenset[str]:
    """The criteria whose quotes may never come from a sentence that refuses a step (rubrics/safety.yaml)."""
    return frozenset(reader().words.not_evidence_for)


def refusing_sentences(sentences: list[str], question: str = "", *, knowledge: bool = False) -> frozenset[str]:
    """The answer's sentences that refuse, skip, put off or hide a step, or deal with an allegation alone."""
    return frozenset(sentences[f.sentence].strip() for f in findings(sentences, question=question, knowledge=knowledge)
                     if f.kind != "shortcut")


@lru_cache(maxsize=4096)
def _refuses(text: str, path_text: str, mtime: int) -> bool:
    return any(f.kind != "shortcut" for f in findings([text], _reader(path_text, mtime)))


def card_line(found: list[Finding], sentences: list[str]) -> str:
    """The card's plain-words reason: what the plan does, in the candidate's words."""
    r = reader()
    kinds = [k for k in KINDS if any(f.kind == k for f in found)]  # the gravest first, the shortcut last
    what = [r.words.feedback.what[k] for k in kinds]
    first_of_each = [min((f for f in found if f.kind == k), key=lambda f: (f.rank, f.sentence)) for k in kinds]
    quoted: list[str] = []
    for f in first_of_each:  # each kind's words once: "no need to bother the head or fill in forms" says both
        if not any(f.words in tokens_text(q) for q in quoted):
            quoted.append(_said(f, sentences))
    said = ", ".join(f'"{q}"' for q in quoted[:MAX_QUOTED])
    joined = what[0] if len(what) == 1 else ", ".join(what[:-1]) + " and " + what[-1]
    return r.words.feedback.line.format(what=joined, quotes=said)


def _said(finding: Finding, sentences: list[str]) -> str:
    """The finding's own words as the candidate said them, to the end of their clause ("hold off calling
    the outreach team", not "... the outreach"), at most QUOTED_AFTER words more."""
    text = sentences[finding.sentence].replace("\u2019", "'")
    pattern = r"\W+".join(re.escape(w) for w in finding.words.split())
    match = re.search(r"(?:\b(?:i'd|i|we'd|we|you'd|you)\s+)?" + pattern + r"(?P<rest>(?:[ ]+[\w'-]+){0,%d})" % QUOTED_AFTER, text, flags=re.IGNORECASE)
    if not match:
        return finding.words
    rest = match["rest"].split()
    cut = next((k for k, w in enumerate(rest) if w.lower() in BREAK_WORDS or w.lower() == "and"), len(rest))
    return match.group(0)[: len(match.group(0)) - len(match["rest"])] + "".join(" " + w for w in rest[:cut])


_SUBJECT_PRONOUN = re.compile(r"\b(i|we|he|she|they|you|i'd|we'd|i'll|i've|we've|he'd|she'd|they'd)\b")


def _the_candidates(sentence: str, words: str, before_it: str = "") -> bool:
    """Whether the step in `words` is the candidate's: the last subject pronoun before it is "I" or "we"; in a clause
    that goes on from the sentence `before_it` ("and ...") with none of its own, that sentence's last one: "I got the
    lads to close out the inspection routines on the fire and gas detectors | and the PSVs as complete ... rather than
    doing the full function test" (an offshore supervisor's backlog story, 86 with no story ceiling)."""
    text = tokens_text(sentence)
    at = text.find(tokens_text(words))
    before = _SUBJECT_PRONOUN.findall(text[: at if at >= 0 else len(text)])
    if not before and before_it and _GOES_ON.match(text):
        before = _SUBJECT_PRONOUN.findall(tokens_text(before_it))
    return bool(before) and before[-1] in ("i", "we", "i'd", "we'd", "i'll", "i've", "we've")


# ... and what it was done for: "and I didn't log the arrival temperature | so it wouldn't flag on the audit" (a fish counter
# manager's story of warm salmon taken in, 97 with no story ceiling)
_GOES_ON = re.compile(r"(?:and|or|but|then|plus|so)\b")


def apply_ceilings(sentences: list[str], judgements: dict, question: str = "", *, learned: bool = False,
                   knowledge: bool = False) -> dict:
    """The offline judgements with rubrics/safety.yaml's ceilings applied where the answer refuses a safe
    step: each capped criterion's reading becomes firm (the fitted model cannot lift it) with the card's
    reason, and no criterion of `not_evidence_for` keeps a quote from a sentence that refuses a step.
    `story_ceilings` apply too unless the answer `learned` from it (a mistake told with its lesson is a good story)."""
    found = findings(sentences, question=question, knowledge=knowledge)
    unsafe = [f for f in found if f.kind != "shortcut"]
    if not unsafe:
        return judgements
    words = reader().words
    refusing = [sentences[i].strip() for i in {f.sentence for f in unsafe}]
    out = dict(judgements)
    for key in words.not_evidence_for:
        if key in out:
            kept = [q for q in out[key].quotes if not within(q, refusing)]
            out[key] = dataclasses.replace(out[key], quotes=kept)
    line = card_line(found, sentences)
    # A delay told in a story is as often the way it went ("got the site manager to mention it at the morning briefing":
    # read as a report put off, it capped a story graded 5 of 5): a story's ceilings need a step refused or hidden.
    # And it must be the candidate's own step: "my manager wanted to launch it without an A/B test and I disagreed" is
    # the story's problem, not what the candidate did.
    asked = tokens(question)
    mistake = reader().mistake_asked.found_within(asked, 0, len(asked))
    refused = any(f.kind not in ("escalation_delayed", "shortcut") and not (mistake and f.kind == "check_skipped")
                  and _the_candidates(sentences[f.sentence], f.words, sentences[f.sentence - 1] if f.sentence else "")
                  for f in unsafe)
    ceilings = {**words.story_ceilings, **words.ceilings} if refused and not learned else words.ceilings
    for key, level in ceilings.items():
        if key in out:
            out[key] = dataclasses.replace(out[key], score=min(out[key].score, level), feedback=line, firm=True)
    return out
