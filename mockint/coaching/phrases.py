"""Words in a candidate's notes: noun phrases, verdicts ("fumbled", "went fine"), repetition ("twice").

A topic must read as a short noun phrase ("exactly-once delivery", "migration to Postgres"),
never a run of a sentence ("lot about streaming. I've only done batch in production. He", which
the regex-only parser produced). The phrase is cut where the noun phrase ends: at punctuation, a
pronoun, an auxiliary, a clause word ("which", "and I"), or a word that can only be a verb
("went", "asked", "handled"). A clause after the noun that says which ones ("staff who used to be
my friends", "permits that the principal contractor issues") is part of the phrase: cut at "who",
"leading people who used to be my peers" became "leading people", and a list item with the clause
was dropped; a clause about the candidate ("which I fumbled") or how it went ("which went fine")
is not. Word classes come from lemminflect's English lexicon (a table of ~100k words shipped inside
the package: no model, no download); a word it does not know (Kafka, k8s, GraphQL) is taken as a
name, so a noun.

We tried no tagger: spaCy and NLTK need model or data downloads at run time, which this tool
must not do (it runs offline); lemminflect's lexicon is enough to tell "went" from "migration".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from mockint.scoring.lexicon import word_classes

Verdict = Literal["bad", "good", "mixed", "none"]

MAX_WORDS = 7  # a topic longer than this is a clause, not a name
MAX_CONTENT_WORDS = 4
# "staff who used to be my friends", "disclosure that goes beyond the standard list": a clause after the
# noun that says which ones is part of the topic (cut there, "leading people" lost what made it hard).
RELATIVES = {"who", "that", "which", "whom", "whose"}
MAX_RELATIVE_WORDS = 7
# After a relative word, these start a clause about the candidate ("which I didn't answer"), not the topic.
_SUBJECTS = {"i", "i've", "i'd", "i'm", "we", "we'd", "we've", "he", "she", "they", "you", "it"}
_CLAUSE_ENDS = {"and", "but", "so", "because", "though", "although", "while", "then", "since", "unless", "until"}
# A clause about the interview, not the topic: "the outage that they asked about twice", "that came up again".
_ABOUT_THE_INTERVIEW = re.compile(r"\b(?:ask(?:ed|ing)?|again|twice|came back|come back|coming back|came up|brought up)\b", re.I)

DETERMINERS = {
    "the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "this", "that", "these", "those",
    "some", "any", "all", "both", "each", "another", "current", "whole", "entire",
}
PRONOUNS = {
    "i", "me", "you", "he", "she", "they", "them", "we", "us", "it", "him", "myself", "i've", "i'd", "i'm", "i'll",
    "we've", "we'd", "we're", "they're", "they'd", "they've", "he's", "she's", "it's", "you're", "you'd", "that's",
    "there", "there's", "what's", "who", "whom", "which", "what", "where", "when", "why", "how", "whether", "if",
    # "ours is 96.5% vs 97 target" (a store manager's notes: "ours" was a topic that went badly)
    "ours", "yours", "theirs", "mine", "hers", "ourselves", "themselves", "yourself",
}
AUXILIARIES = {
    "is", "was", "were", "are", "be", "been", "being", "am", "do", "did", "does", "done", "didn't", "don't",
    "doesn't", "wasn't", "weren't", "isn't", "aren't", "have", "has", "had", "haven't", "hasn't", "hadn't", "can",
    "could", "couldn't", "can't", "cannot", "should", "shouldn't", "would", "wouldn't", "will", "won't", "might",
    "must", "may", "shall", "get", "got", "gets",
}
# Notes drop apostrophes ("didnt know", "couldnt remember"): the same words (a trial's "didnt" was a topic that went badly).
# Not where that spells another word: "its", "ill" (health), "were", "id", "wont".
_ALSO_WORDS = {"its", "ill", "were", "id", "wont"}
PRONOUNS |= {w.replace("'", "") for w in PRONOUNS if "'" in w} - _ALSO_WORDS
AUXILIARIES |= {w.replace("'", "") for w in AUXILIARIES if "'" in w} - _ALSO_WORDS
# Words that end a noun phrase though the lexicon may allow them inside one.
STOPS = {
    "and", "or", "but", "so", "then", "also", "too", "again", "twice", "really", "just", "only", "very", "quite",
    "pretty", "because", "since", "though", "although", "while", "until", "unless", "than", "as", "like", "not",
    "no", "yes", "ok", "okay", "fine", "well", "badly", "poorly", "etc", "probably", "maybe", "i.e", "e.g",
}
# Inside a noun phrase: "streaming vs batch", "migration to Postgres", "familiarity with Microsoft Project".
CONNECTORS = {
    "vs", "vs.", "versus", "v", "of", "for", "to", "in", "on", "with", "from", "/", "&", "+", "into", "at", "per", "via",
    "about", "without", "under", "across", "between", "against", "behind", "beyond", "through", "during", "after",
    # "pushing back on sales over a discount at renewal" (a customer success manager's notes: the topic "pushing back on
    # sales over", and the plan asked it so)
    "over",
}
# "the question on X", "my role in X", "my answer about X": the topic is X.
RELATIONAL_HEADS = {
    "question", "questions", "answer", "answers", "part", "bit", "piece", "story", "stories", "role", "topic",
    "topics", "one", "example", "section", "discussion", "conversation", "follow-up", "follow-ups", "q",
    "explanation", "description",
}
RELATIONAL_PREPS = {"on", "about", "around", "regarding", "re", "in", "of", "for", "with", "to"}
# Who asked or judged, never what about.
INTERVIEWERS = frozenset({"panel", "panels", "panellist", "panellists", "panelist", "panelists", "interviewer",
                          "interviewers", "recruiter", "recruiters", "assessor", "assessors"})
# "my team's code review process": the owner is not part of the topic.
_POSSESSIVE_LEAD = re.compile(r"^(?:(?:my|our|the|his|her|their)\s+)?(?:current\s+|old\s+|new\s+)?(?:team|company|manager|org|boss)'s\s+", re.I)

# A plural's possessive before a name is part of it: "Regulators' Code" (a trading standards note read as "Regulators").
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#._'’/-]*s['’](?=\s+[A-Z])|"
                    r"[A-Za-z0-9][A-Za-z0-9+#._'’/-]*[A-Za-z0-9+#]|[A-Za-z0-9]|/|&|\+|[^\sA-Za-z0-9]")
# "at the end", "in January": when it was asked, not what about.
TIME_WORDS = {
    "end", "start", "beginning", "moment", "time", "while", "minute", "minutes", "day", "week", "month", "today",
    "yesterday", "morning", "afternoon", "call", "interview", "monday", "tuesday", "wednesday", "thursday", "friday",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
# What names no topic however it is read: when it was asked ("2nd time", "the end"), how often, or a reminder to oneself
# written beside a line ("... day 8 to day 5?? CHECK"): a trial's notes made topics of "2", "end", "2nd time", "CHECK".
# (and the round itself: "2nd rd = Mark + regional director", a vet practice head receptionist's notes: a topic drilled)
# ... and an occasion named by its year ("he asked about the 2022 one": a butcher shop manager's topic "2022 one")
OCCASION_WORDS = {"first", "second", "third", "1st", "2nd", "3rd", "4th", "last", "next", "other", "time", "times",
                  "bit", "round", "rounds", "stage", "final", "one"}
# "First answer was too generic, Tom came back to it": the answer to the question the line names, no topic of its own (a QA
# lead's notes: a concern "First answer", ranked first in the plan)
ANSWER_WORDS = {"answer", "answers", "response", "responses", "reply"}
NOTES_TO_SELF = {"check", "todo", "tbc", "tbd", "nb", "fixme", "confirm", "remember", "ask", "chase"}
# How it felt, jotted after a line ("... couldn't explain how it works. embarrassing"): a verdict, never a topic (two
# trials' notes made "embarrassing" a topic that came up)
FEELINGS = {"embarrassing", "embarrassed", "awkward", "cringe", "cringey", "painful", "annoying", "frustrating", "gutted",
            "awful", "terrible", "rough", "ouch",
            # ... or how much it mattered ("... she wanted the app/card checker. minor": a roofing supervisor's topic "minor")
            "minor", "major",
            # ... or how the call went: '"positive, they liked your customer focus"' (a claims team leader's topic "positive")
            "positive", "negative",
            # ... or a noise of doubt: '... I said usually verbal. hmm' (a chimney sweep's notes: a topic "hmm")
            "hmm", "hmmm", "hm", "meh", "ugh", "argh", "oops", "eek", "yikes", "phew",
            # ... or how the candidate came across: "calm, friendly, Dev said "good energy"" under "What went well" (a
            # betting shop manager's notes: a topic "calm")
            "calm", "friendly", "relaxed", "nervous", "confident", "chatty", "warm", "personable"}
# A name that opens on one of these names nothing in particular: "no numbers for anything mgmt" (a chimney sweep's notes:
# "One answer fell flat in round one: anything mgmt")
ANY_THING = {"anything", "everything", "something", "nothing",
             # ... or no one: "near miss - forklift reversing into a fence panel stack, nobody hurt" (an events site crew
             # manager's notes: a topic "nobody hurt")
             "nobody", "noone", "everyone", "everybody"}

# How a question or an exercise is put, not what about: "asked 3x diff ways" (a Border Force officer's notes: a topic
# "diff ways", drilled first in every plan), "they'll give me a sheet, 20 min prep" (an events venue duty manager's)
# ... or how long it took ("overran on first answer, DP looked at clock": a butcher shop manager's topic "clock")
MANNER_WORDS = {"diff", "different", "ways", "way", "angles", "angle", "prep", "preparation", "min", "mins", "hr", "hrs",
                "hour", "hours", "clock", "watch"}


def names_nothing(name: str) -> bool:
    """Whether a topic name is only a time, a count, a number, a note to oneself or how it felt ("2nd time", "end", "2",
    "CHECK", "felt")."""
    toks = [t.lower() for t in words(name) if re.match(r"[A-Za-z0-9]", t)]
    if not toks:
        return True
    if len(toks) == 1 and toks[0] in NOTES_TO_SELF and (name.strip().isupper() or toks[0] in {"todo", "tbc", "tbd", "nb"}):
        return True
    if toks[0] in ANY_THING:
        return True
    if toks[0] in ("need", "needs") and ANSWER_WORDS.intersection(toks):
        return True  # "he frowned?? need clear answer" (a farrier's note to self: a topic "need clear answer")
    nothing = TIME_WORDS | OCCASION_WORDS | DETERMINERS | LINKING_VERBS | ANSWER_WORDS | FEELINGS | MANNER_WORDS
    return all(t in nothing or t.isdigit() for t in toks)


# "the dbt tests bit": the topic is "dbt tests".
TRAILING_FILLERS = {"bit", "part", "piece", "portion", "side", "thing", "things"}

_BAD = re.compile(
    r"fell flat|\bflat\b|fumbl|blank(?:ed)?\b|bomb(?:ed)?\b|struggl|stumbl|mess(?:ed)? up|rambl|\bweak\b|badly|poorly|"
    # "budget - froze a bit. no figures", "I fluffed the numbers" (a harbour technician's and a demolition supervisor's
    # notes: the budget lost to a Quantified impact area, the exclusion zones read as gone fine); not a freeze put on
    # something
    r"\bfluffed\b|\bdried up\b|"
    r"\bfroze\b(?!\s+(?:recruitment|hiring|the|our|their|his|her|pay|prices?|spend\w*|budgets?|posts?)\b)|"
    r"\bpoor\b|\bvague\b|(?:big|huge|massive|real) gap\b|"
    # "commercial side is the gap" (a bingo club manager's recruiter: the line read as no topic)
    r"\b(?:is|was|are|were)\s+(?:the|my|a)\s+(?:main\s+|big\s+|biggest\s+|one\s+)?gap\b|"
    # "gap" said alone as the verdict: '... she said "the role owns the SLA reviews". gap!!' (a claims team leader's notes:
    # suppliers read as a topic that came up), "Didn't know NNLW properly. GAP"
    r"(?:^|(?<=[.!?;]\s))gaps?\W*$|not (?:great|good|well|ideal|my best)|(?:wasn't|was not|isn't|weren't) (?:great|good|ideal)|"
    # "didnt ask them good qs at the end" (a bingo club manager's notes: read as gone well)
    r"(?:didn'?t|did not) ask (?:them |the panel )?(?:a |any )?(?:good|great|decent|proper|real) (?:qs?|questions?)\b|"
    r"(?:didn'?t|did not) have (?:a |any |the )?(?:good |great |solid |clear |real |exact |% |percentage )?"
    r"(?:answer|example|story|numbers|figures?|data|percentage|%)|"
    r"didn'?t (?:go well|land|have|know)|did not (?:go well|land|have|know)|"
    # what the panel made of it: "I said we just rerun them, he didnt like that at all" (a QA lead's added note)
    r"\b(?:he|she|they|the panel)\s+(?:didn'?t|did not|wasn'?t|weren'?t)\s+(?:like|buy|accept|convinced|impressed|happy)\b|"
    # ... or showed it: "I said "not many" - he pulled a face" (a plumbing supervisor's notes: no topic read in)
    r"\bpulled a face\b|\bmade a face\b|\bfrowned\b|\blooked (?:unimpressed|unconvinced|sceptical|skeptical)\b|"
    r"off.?guard|couldn'?t|could not|\bno (?:good )?answer|no result|too (?:long|short|deep|vague|generic)|"
    r"not sure (?:that |if |whether )?(?:i|it|my answer)\b.{0,20}\b(?:answer(?:ed)?|landed|came across|made sense)|"
    r"(?:didn'?t|did not|never) (?:really |properly |actually |quite )?answer(?:ed)?\b|"
    r"ran out of time|got stuck|\bbad\b(?!\s+debts?\b)|\bmeh\b|shaky|wobbl(?:y|ed)|\brough\b(?!\s+(?:idea|figures?|numbers?|estimates?|draft|guide|plan|sketch|outline|notes|costs?|occupancy|count|order|cut|calc\w*))|awkward|all over the place|waffl|non-answer|"
    # "I talked about DSL training but never actually gave the example of the allegation ... kicking myself" (a nursery
    # deputy manager's notes: read as a topic that came up, how it went not said)
    # "I think it hurt", "she said 'that's not what I asked'", "felt out of my depth", "embarrassing" (an arena operations
    # manager's and a trading standards team leader's notes: read as topics that came up, how they went not said)
    r"\bit hurt\b|\bhurt me\b|\bcost me\b|not what (?:i|she|he|they|we) (?:was |were )?ask(?:ed|ing)\b|out of my depth|"
    r"embarrass|\bawful\b|\bterrible\b|"
    r"kicking myself|kick myself|annoyed with myself|cringe|(?:never|didn'?t|did not) (?:actually |even )?(?:gave|give|mentioned|"
    r"mention|told|tell|used|use) (?:the|my|an|any) (?:example|story)\b|"
    # "examples good but long", "she had to dig for the outcome", "I only half knew erlang stuff" (trial 21: read as went
    # well, so the recruiter's feedback opened no area, and the WFM concern as not gone badly)
    r"\bhad to dig\b|\bbut (?:a bit |quite |a little |too |very )?(?:long|short|vague|generic|rambly|waffly|thin)\b|"
    # "how would you manage 8-10 shops not 1 -> I talked too much about my own shop" (a betting shop manager's notes: the
    # question lost with its line)
    r"\b(?:talked|went on|said) (?:way |far )?too much\b|\b(?:talked|went on) for too long\b|"
    r"\b(?:a )?bit long\b|\bonly half (?:knew|know|answered|remembered|understood)\b|\bhalf[- ]knew\b|"
    # an employer's written feedback: "your safety answer felt rehearsed", "answers lacked numbers"
    r"\b(?:felt|sounded|came across(?: as)?|seemed|was|were) (?:a bit |quite |very |too )?(?:rehearsed|scripted|generic|canned)\b|"
    # "I said I'd follow the procedure, felt thin" (the same notes: no verdict)
    r"\b(?:felt|sounded|came across(?: as)?|seemed) (?:a bit |quite |very |too |really )?(?:thin|flat|light|hollow|lame)\b|"
    # "went badly, pretty thin, no plan for timed slots" (a museum visitor services manager's added note)
    r"\b(?:pretty|quite|very|a bit|bit|rather|really|too|bit too) thin\b|"
    # "I only talked about my one site", "was too small scale I think" (a school business manager's notes: read as fine,
    # and as a topic that came up)
    r"\bi only (?:talked|spoke|said|gave|mentioned|covered|knew|know)\b|\btoo small[- ]scale\b|\bnot big enough\b|"
    r"\black(?:ed|s|ing)\b|"
    # "I've never submitted one, I bluffed", "I mixed them up ... wrong" (a data protection officer's notes: read as
    # no verdict, so a bluffed topic was no concern, and "wrong" became a topic of its own)
    r"\bbluff(?:ed|ing)?\b|\bwing(?:ed)? it\b|\bmixed (?:them|it|those|these|the two|the two of them) up\b|"
    # ... "I mixed up responsive and well-led", "muddled the tenancy agreement bit" (a supported living team leader's
    # notes: CQC's five key questions read as no verdict)
    r"\bi (?:\w+ )?mixed up\b|\bmuddl(?:ed|ing)\b|"
    # "Said head chef - she raised eyebrow, wanted to know MY role in it as manager. Need to own it more." (a catering
    # manager's notes: HACCP ownership read as came up, how it went not said)
    r"\braised (?:an |her |his |their )?eyebrows?\b|\bneed to own it\b|"
    r"\bgot (?:it|that|this|them|one|some|the \w+) (?:completely |totally |all |a bit )?wrong\b|^\W*(?:completely |totally )?wrong\W*$|"
    # "why this trust - bit generic, said "good reputation", need better" (a trial: read as went fine and badly)
    r"\bgeneric\b|\bwoolly\b|\bwooly\b|\bneeds? (?:to be )?(?:better|more work|work|improving|improvement)\b|"
    # their doubt, as the candidate felt it: "felt like they didnt think I had enough supervisory experience"
    r"\b(?:didn'?t|did not|don'?t|do not) think i (?:had|have|was|could)\b|\bnot enough\b|"
    # "I kept giving store examples" after they asked twice about managing managers: the same wrong answer
    # again (trial 6: the line was dropped whole, the employer's biggest doubt)
    r"\bi\s+kept\s+(?:on\s+)?(?:giving|talking|going|coming|using|saying|telling|bringing|citing|quoting)\b|"
    # "I said 'get to know the team' and not much else" (a nurse's notes: the first-90-days answer read as no verdict)
    r"\b(?:and )?not much else\b|\band (?:little|nothing) else\b|"
    # the interviewer's doubt seen: "she didnt look convinced" (a bus controller's added note: read as no verdict)
    r"\b(?:didn'?t|did not|don'?t|do not)\s+(?:look|seem|sound)\s+(?:very\s+|too\s+|that\s+|fully\s+)?(?:convinced|sold|impressed|happy|satisfied)\b|"
    # ... and how I came across: "I only really know the desk side, didn't sound convincing" (an IT service desk lead's
    # notes: "Cyber Essentials" read as came up, never drilled)
    r"\b(?:didn'?t|did not|wasn'?t|was not)\s+(?:sound|come\s+across|seem|look)?\s*(?:very\s+|too\s+|that\s+|at\s+all\s+)?(?:convincing|credible|confident)\b|"
    r"[❌✗✘👎]|-+>\s*(?:weak|bad|poor)",
    re.I,
)
# An admission that there was no answer, no experience, or something left out ("I didn't really have an
# answer", "I have none really", "I forgot to say Datix", "drew a blank"): the answer went badly, whatever
# else the sentence says ("I didn't really have an answer, it had gone fine" is about the follow-up that
# went badly). Trial 5 read all three of these as "came up, went fine". Only an admission about the answer:
# "we never had a serious incident", "I have never had a grievance upheld", "nobody was left out" and "I
# forgot nothing" say the answer was good (a review read all four as went badly beside "strong", "nailed it").
_NOT_MINE = r"(?<!\bthey )(?<!\bhe )(?<!\bshe )(?<!\bwe )(?<!\bwho )(?<!\bnobody )(?<!\bnever )(?<!n't )"
_ADMISSION = re.compile(
    r"(?:didn'?t|did not|don'?t|do not)\s+(?:really\s+|actually\s+|quite\s+|even\s+|properly\s+)?have\s+"
    r"(?:a\s+|an\s+|any\s+|much\s+)?(?:\w+\s+)?(?:answer|example|story|numbers|experience|idea|clue|response|reply)s?\b|"
    r"\bi\s+(?:have|had|'ve|’ve|got)\s+(?:got\s+)?(?:none|nothing)\b(?!\s+(?:but|against|to\s+(?:worry|hide|lose|fear|prove)))|"
    r"\b(?:have|had|got)\s+(?:nothing\s+to\s+(?:say|add|offer|give|show)|"
    r"no\s+(?:\w+\s+)?(?:experience|answer|example|idea|clue))\b|"
    r"\bnone\s+(?:really|at all|to speak of)\b|\bno\s+(?:real\s+|actual\s+|direct\s+|hands-on\s+)?experience\b|"
    # "I've never managed a budget", "never had to do one": what I have not done, not what never went wrong
    r"(?<!\bthey )(?<!\bhe )(?<!\bshe )(?<!\bwe )(?<!\bit )(?<!\bthey've )(?<!\bwe've )"
    r"\bnever\s+(?:actually\s+|really\s+)?"
    r"(?:done|led|managed(?!\s+to\s+lose)|run|worked\s+(?:on|in|with)|had\s+to|had\s+(?:the|any)\s+(?:chance|opportunity|experience)|"
    # "I have never held a budget. Said so." (a supported living team leader's notes: "came up", never drilled)
    r"held\s+(?:a|an|my\s+own|the)\b|owned\s+(?:a|an|my\s+own|the)\b)\b|"
    rf"{_NOT_MINE}\bforgot\s+(?:to|about|the|my|a|an|that|what|how|which|why|where|when|who|some|any)\b|"
    rf"{_NOT_MINE}(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bfelt )(?<!\bfeel )"
    r"\bleft\s+out\b(?!\s+of\b)|"
    r"\bdrew\s+a\s+blank\b|\bwent\s+blank\b|\bno\s+idea\b|(?:^|[:;,.–—-]\s*)had\s+nothing\b(?!\s+(?:but|against|to\s+(?:worry|hide|lose|fear|prove)))|"
    r"(?:didn'?t|did not|couldn'?t|could not)\s+(?:really\s+)?(?:know|think of|come up with|say|give)\b|"
    # half known: "I knew our average wait (6 mins) but not service level %" (a contact centre lead's notes: "the notes do
    # not say how it went")
    r"\bi\s+(?:knew|know)\b[^.;]{1,60}?\bbut\s+not\b",
    re.I,
)
# Someone else as the subject right before an admission's words: "the panel had no experience of our system", "the
# team didn't have any experience with Kafka, so I...", "Sarah seemed to have no idea" say what others lacked, not
# the candidate (a review: each read as the candidate's admission, so the topic as went badly). The candidate's own
# ("I said I had no experience of budgets") and one with no subject ("Budgets - no real experience") still admit.
_OTHER_SUBJECT = (
    r"(?i:\b(?:the|my|our|their|his|her|your|its|this|that|these|those)(?:\s+[\w'-]+){1,3}"  # "the panel", "my line manager"
    r"|\b(?:they|he|she|we|it|who|which|nobody|no\s+one|everyone|everybody|someone|none\s+of\s+(?:us|them|the\s+[\w'-]+)))"
    r"|\b(?!(?:I|Honestly|Really|Just|Also|Basically|Sadly|Frankly|Obviously|Apparently|And|But|So|Then|Had|Have|Has)\b)"
    r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?"  # a name: "Sarah", "Dr K"
)
_SOMEONE_ELSE = re.compile(
    rf"(?:{_OTHER_SUBJECT})\s+(?i:(?:also|just|still|really|clearly|obviously|apparently|seemed\s+to|seems?\s+to)\s+)?"
    r"(?i:(?:have|has|had|got)\s+)?$"
)


# _BAD's words that say something was lacking ("didn't have", "didn't know"): the candidate's only with no one else
# as their subject, like an admission.
_LACKED = re.compile(r"(?:didn'?t|did not)\s+(?:have|know)\b", re.I)


def admits(text: str) -> bool:
    """Whether `text` admits that the candidate had no answer, no experience, or left something out (_ADMISSION): not
    with someone else as its subject (_SOMEONE_ELSE)."""
    return any(not _SOMEONE_ELSE.search(text[: m.start()]) for m in _ADMISSION.finditer(text))


def _says_bad(text: str) -> bool:
    """Whether `text` says it went badly (_BAD), a lack said of someone else aside ("the team didn't have any")."""
    return any(not (_LACKED.match(m.group(0)) and _SOMEONE_ELSE.search(text[: m.start()])) for m in _BAD.finditer(text))


_GOOD = re.compile(
    # not the words the candidate said: 'said "good reputation"' (notes often drop the quote marks)
    r"(?<!not )(?<!wasn't )(?<!said )(?<!say )(?<!saying )\b(?:fine|good|great|well|ok|okay|decent|strong|solid|nailed|aced|smooth(?:ly)?|nice|landed|"
    # ... nor a word made with them: "well-led" (CQC's domain), "well-being" (a care home deputy's "asked about well-led ...
    # I waffled" read as both, and left out)
    r"confident|comfortable)\b(?!-(?!ish\b)\w)|[✅✓✔👍]",
    re.I,
)
_QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')
# "asked about abandonment rate three times" counts in words as "3 times" does (a contact centre lead's notes: the topic
# "abandonment rate three times" in every plan); "three times my age" measures, as "twice my age" does
_TIMES_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# (not how often a thing is done: "ordering from hub 2x daily", a tyre centre supervisor's notes: "stock" read as asked twice)
# (nor how often a job went wrong: "pontoon bolt job slipped 2x bc of springs/neaps", a harbour technician's notes: tide
# windows read as asked twice, a strength drilled as a weak area)
_NOT_ASKED_COUNT = "".join(f"(?<!{verb} )" for verb in (
    "slipped", "slid", "delayed", "postponed", "cancelled", "canceled", "moved", "failed", "broke", "rescheduled", "overran",
    "tripped", "happened", "collapsed", "crashed"))
_COUNT = re.compile(r"\(?\s*" + _NOT_ASKED_COUNT
                    + r"(?:(?:\b[x×]\s*([1-9])\b|\b([1-9])\s*[x×]\b|\b(?:(?:\d+|two|three|four|five)\s+or\s+)?"
                    r"(\d+|two|three|four|five|six)\s+times\b(?!\s+(?:my|his|her|their|your|our|its|the|as|that)\b))"
                    r"(?!\s*(?:daily|a\s+day|per\s+day|weekly|a\s+week|per\s+week|an?\s+hour|per\s+hour|monthly|a\s+month|"
                    r"a\s+shift|per\s+shift|a\s+year|yearly)\b))\s*\)?", re.I)
_REPEAT_WORDS: list[tuple[re.Pattern[str], int]] = [
    (_COUNT, 0),  # a count in the text: "(x3)", "3x", "4 times"
    (re.compile(r"\b(?:again and again|over and over|repeatedly|many times|several times|multiple times|"
                r"a few times|three times|came up a lot)\b", re.I), 3),
    # "agency staff came up a third time at the very end" (a ground operations supervisor's added note: read once)
    (re.compile(r"\b(?:a|the) third time\b", re.I), 3),
    # "kept coming back to clinical systems - twice more after the EPR question" (an IT service desk lead's notes: 2x)
    (re.compile(r"\b(?:twice more|two more times|twice again)\b", re.I), 3),
    (re.compile(r"\b(?:a|the) fourth time\b", re.I), 4),
    # "kept asking", "kept on about", "kept at me", not what was kept ("wanting to shape the collection plan not just keep
    # it alive": an aquarist's notes, read as asked twice; "kept it short", "kept going under")
    (re.compile(r"\b(?:kept|keeps|keep)(?:\s+(?:on|me|at\s+(?:it|me)))?\s+(?:asking|coming\s+back|going\s+(?:back|on|over)|"
                r"circling|returning|probing|pushing|pressing|digging|grilling|drilling|bringing|mentioning|raising|referring|"
                r"harping|quizzing|challenging|questioning|hammering|poking|picking|focus(?:s)?ing|steering)\b|"
                r"\bkept\s+(?:on|at\s+(?:it|me))\b", re.I), 2),
    # "twice my age", "twice as big" measure something; they say nothing about being asked twice
    # ... nor a promise to come to it later: "he said 'we'll come back to that'" (of a topic there was no time for), nor
    # the candidate's going back to a job ("went back same day, fixed free": a chimney sweep's notes)
    (re.compile(r"\b(?:twice(?!\s+(?:my|his|her|their|your|our|its|the|as|that)\b)|two times|again|"
                # (not a fault that recurs: "customer complaints abt warning light coming back on after we fitted tyres", a
                # tyre centre's notes read as asked twice)
                r"(?<!'ll )(?<!\u2019ll )(?<!will )(?<!would )(?<!going to )(?<!gonna )(?<!to )come back|"
                r"(?:came|coming) back(?!\s+on\s+(?:after|again|when|once|by\s+itself|on\s+its\s+own)\b)|"
                r"went back(?=\s+(?:to|over|on|again)\b)|"
                # (not the candidate's own pushback: "asked if I'd ever pushed back on a KPI", a claims team leader's notes)
                r"circled back|returned to|followed up|follow(?:ed)?-up|pressed|(?<!\bi )(?<!i'd )(?<!ever )(?<!\bwe )pushed|"
                r"probed|grilled|drilled|dug)\b", re.I), 2),
]


def base_verbs(word: str) -> tuple[str, ...]:
    """The verbs `word` is a form of ('migrate' -> ('migrate',)); the word itself among them means a base form."""
    return _verb_lemmas(word)


def _verb_lemmas(word: str) -> tuple[str, ...]:
    from lemminflect import getAllLemmas

    return getAllLemmas(word.lower()).get("VERB", ())


def can_be_noun(word: str) -> bool:
    low = word.lower()
    if any(c.isdigit() for c in word) or (word.isupper() and len(word) > 1) or low.endswith("ing"):
        return True
    if low.endswith("s") and _verb_lemmas(low) and low not in _verb_lemmas(low):
        return True  # "retries", "deploys": a verb's -s form is also its plural noun
    classes = word_classes(low)
    return not classes or "NOUN" in classes or "PROPN" in classes


def verb_only(word: str) -> bool:
    """'went', 'asked', 'handled': a finite verb, so the end of a noun phrase ('-ing' forms excepted)."""
    low = word.lower()
    if low.endswith("ing"):
        return False
    classes = word_classes(low)
    return bool(classes) and classes <= {"VERB", "AUX"}


def past_or_gerund(word: str) -> bool:
    """'dove', 'chatted', 'poking': an inflected verb form, whatever else the word can be."""
    lemmas = _verb_lemmas(word)
    return bool(lemmas) and word.lower() not in lemmas


def past_participle(word: str) -> bool:
    """'missed', 'damaged', 'lost': a verb's -en form, which can describe a noun ('forgot', a past tense only, cannot)."""
    from lemminflect import getInflection

    return any(word.lower() in getInflection(lemma, tag="VBN") for lemma in _verb_lemmas(word))


def adverb_only(word: str) -> bool:
    classes = word_classes(word.lower())
    return bool(classes) and classes <= {"ADV"}


def words(text: str) -> list[str]:
    return _TOKEN.findall(text)


@dataclass(frozen=True)
class Phrase:
    text: str  # the noun phrase, as written (case kept), determiners dropped
    complete: bool  # it ran to a natural boundary, not cut off mid-clause
    rest: str = ""  # what follows it


# Verbs that are also nouns ("felt", "looks") and, after a noun, say how it came across: the phrase ends there.
LINKING_VERBS = frozenset({"felt", "sounded", "seemed", "looked", "lacked", "lacks"})


ARTICLES = frozenset({"a", "an", "the"})
# How someone took it, opening a note: "felt answers lacked numbers" ("looked after children" is a topic).
SAID_OF_IT = frozenset({"felt", "seemed", "sounded"})


def _after_article(word: str) -> bool:
    """A word after "a", "an" or "the" names a thing whatever else it can be ("a restructure", "the run")."""
    low = word.lower()
    return word.isalpha() and low not in STOPS and low not in PRONOUNS and low not in AUXILIARIES and low not in CONNECTORS


def noun_phrase(text: str, after_cue: bool = False) -> Phrase | None:
    """The noun phrase at the start of `text`, or None when it does not start with one (`after_cue`: the text follows
    a cue such as "asked about", so it names a topic)."""
    text = _POSSESSIVE_LEAD.sub("", text.strip())
    spans = list(_TOKEN.finditer(text))
    toks = [m.group() for m in spans]
    i = 0
    while i < len(toks) and toks[i].lower() in DETERMINERS:
        i += 1
    if i < len(toks) and toks[i].lower() in CONNECTORS:
        return None  # "with hiring mgr": a preposition starts no noun phrase
    if i == 0 and toks and toks[0].lower() in SAID_OF_IT:
        # "(they) felt answers lacked numbers": a verb of who said it (a trial's topic "felt answers"); "the felt pen" is one
        return None
    taken: list[str] = []
    ends: list[int] = []  # where each taken word ends in `text`
    complete = True
    while i < len(toks):
        tok = toks[i]
        low = tok.lower()
        if not re.match(r"[A-Za-z0-9]", tok) and tok not in ("/", "&", "+"):
            break  # punctuation ends it
        if taken and low in LINKING_VERBS:
            break  # "your safety answer felt rehearsed": "felt" says how it came across, it is no cloth
        if low == "than" and taken and taken[-1].lower() in MORE_OR_LESS and i + 1 < len(toks) and (
                toks[i + 1][:1].isdigit() or toks[i + 1].lower() in COUNT_WORDS):
            # "programme slippage across more than one site" (a site manager's notes: the topic "programme slippage across
            # more", read out in five plan questions)
            taken += [tok, toks[i + 1]]
            ends += [spans[i].end(), spans[i + 1].end()]
            i += 2
            continue
        if low in COMPARED and taken and can_be_noun(taken[-1]) and i + 2 < len(toks) \
                and toks[i + 1].lower() == "than" and toks[i + 2].lower() in PRONOUNS:
            # "managing shop managers older than me" (a dry cleaning supervisor's notes: no topic read in)
            taken += toks[i:i + 3]
            ends += [spans[i].end(), spans[i + 1].end(), spans[i + 2].end()]
            i += 3
            continue
        if low in CONNECTORS and taken:
            nxt = _next_content(toks, i + 1)
            # after "a" or "the" a word is a noun whatever else it can be: "leading through a restructure"
            named = i + 1 < len(toks) and toks[i + 1].lower() in ARTICLES and nxt is not None and _after_article(nxt)
            if nxt is None or not (_phrase_word(nxt) or named) or nxt.lower() in TIME_WORDS:
                break
            taken.append(tok)
            ends.append(spans[i].end())
            i += 1
            while i < len(toks) and toks[i].lower() in DETERMINERS:
                taken.append(toks[i])
                ends.append(spans[i].end())
                i += 1
            continue
        if low in DETERMINERS and taken and (taken[-1].lower().endswith("ing") or taken[-1].lower() in DETERMINERS or (
                len(taken) >= 3 and taken[-2].lower() == "to" and taken[-3].lower().endswith("ing"))):
            # "leaving my last two jobs": a gerund's object; "wanting to leave my current job": its infinitive's
            taken.append(tok)
            ends.append(spans[i].end())
            i += 1
            continue
        ends_here = i + 1 == len(toks) or not re.match(r"[A-Za-z0-9]", toks[i + 1])
        if ends_here and not _phrase_word(tok) and _gerund_complement([*taken, tok]):
            taken.append(tok)  # "keeping staff motivated": a participle that completes the doing
            ends.append(spans[i].end())
            i += 1
            continue
        # a capitalised word after another is part of a name, whatever else it can be: "the Care Act" (an OT's notes: a
        # topic "Care", its knowledge asked for as a story)
        name_part = bool(taken) and _name_part(taken[-1], tok)
        if not name_part and not _phrase_word(tok) and not _verb_as_modifier(toks, i, after_cue) and not (
                taken and taken[-1].lower() in ARTICLES and _after_article(tok)):
            complete = low in STOPS or low in PRONOUNS or low in AUXILIARIES or verb_only(tok)
            break
        taken.append(tok)
        ends.append(spans[i].end())
        i += 1
    while taken and not (len(taken) > 3 and taken[-3].lower() in COMPARED and taken[-2].lower() == "than") and (
            taken[-1].lower() in CONNECTORS | DETERMINERS or not (
            can_be_noun(taken[-1]) or (len(taken) > 1 and taken[-2].lower() in ARTICLES)
            or (len(taken) > 1 and _name_part(taken[-2], taken[-1])))):
        if _gerund_complement(taken):
            break  # "keeping crews available": the adjective is what the doing is for (trial 5 got "keeping crews")
        taken.pop()  # "migration to", "the biggest": a phrase ends on its noun
        ends.pop()
    # the filler is no part of the topic nor of what is said of it: "the account health score thing went badly" (a
    # customer success manager's notes: no topic read in, as "thing went badly" says nothing of anything)
    said_from = ends[-1] if ends else None
    while len(taken) > 1 and taken[-1].lower() in TRAILING_FILLERS:
        taken.pop()
        ends.pop()
    rest = text[said_from:].strip() if said_from is not None else text
    taken = _drop_relational_head(taken)
    if not taken or all(w.lower() in INTERVIEWERS for w in taken):
        return None  # "the panel felt your answers were too short": who said it, not what about (trial 12: a topic "panel")
    # "P&L" as written, not "P & L" (a parcel depot manager's plans and ledger said "cost per parcel/P & L" throughout)
    phrase = _JOINED.sub(lambda m: m[0].replace(" ", "") if m[2] == "/" or m[0].replace(" ", "") in text else m[0],
                         " ".join(taken))
    relative = _relative_clause(rest) if can_be_noun(taken[-1]) else None
    if relative is not None:
        return Phrase(f"{phrase} {relative}", True, rest[len(relative):].strip())
    return Phrase(phrase, complete, rest)


# Whom people in a topic are compared with: "shop managers older than me" (noun_phrase).
COMPARED = frozenset("older younger bigger larger smaller busier newer".split())
# A count compared in a topic's name: "more than one site", "fewer than 10 staff" (noun_phrase).
MORE_OR_LESS = frozenset("more fewer less".split())
COUNT_WORDS = frozenset("a an one two three four five six seven eight nine ten twenty fifty hundred".split())


# Two words joined by a symbol, as the tokens are re-joined with spaces: "P & L" is "P&L" where the text says so.
_JOINED = re.compile(r"(\S+) ([/&+]) (?=\S)")


def _name_part(before: str, word: str) -> bool:
    """Whether `word` goes on the name `before` starts, both capitalised ("Care Act"), and is no verb said of it ("Priya
    Asked")."""
    low = word.lower()
    return before[:1].isupper() and word[:1].isupper() and low not in STOPS | PRONOUNS | AUXILIARIES \
        and not past_or_gerund(word)


_BECOMING = frozenset({"going", "becoming", "getting", "turning", "moving"})


def _gerund_complement(taken: list[str]) -> bool:
    """'keeping crews available', 'making wards safe': a gerund, its object, then an adjective that completes it;
    'temperature records going digital': a thing, then the change it goes through (a school catering manager's notes:
    "temperature records going", read out in three plans)."""
    if len(taken) >= 3 and taken[-2].lower() in _BECOMING and "ADJ" in word_classes(taken[-1].lower()):
        return can_be_noun(taken[-3]) and taken[-3].lower() not in CONNECTORS | DETERMINERS
    if len(taken) < 3 or not taken[0].lower().endswith("ing") or not past_or_gerund(taken[0]):
        return False
    last = word_classes(taken[-1].lower())
    participle = taken[-1].lower().endswith("ed") and "VERB" in last
    return ("ADJ" in last or participle) and can_be_noun(taken[-2]) and taken[-2].lower() not in CONNECTORS | DETERMINERS


# Words that only say how it went: "Fine-ish.", "ok", "so-so", "not great" name no topic.
_VERDICT_WORDS = {
    "fine", "ok", "okay", "good", "great", "bad", "weak", "strong", "meh", "so", "decent", "solid", "poor", "rough",
    "shaky", "wobbly", "vague", "average", "alright", "not", "really", "quite", "pretty", "very", "a", "bit", "went", "it", "was",
    "that", "one", "too", "long", "short", "overall", "i", "think", "mostly", "ish", "kind", "sort", "of", "reasonably",
    # "Safety culture answer: ... no example. Fell flat." made "Fell flat" a topic of its own (an electrician's trial)
    "fell", "flat", "bombed", "badly", "poorly", "well", "landed", "land", "didn't", "blanked", "fumbled", "waffled",
    "rambled", "struggled", "completely", "totally", "just", "wrong", "bluffed",
    # "Leading heads of department ... -> weak, they probed this 3 times. Big gap" (a hotel manager's notes: a topic)
    "big", "huge", "massive", "real", "gap",
    # "ok but rambly", "a bit waffly" (a bus controller's notes: a topic "rambly")
    "but", "rambly", "waffly", "rambling", "waffling", "wordy", "longwinded", "generic", "thin",
    # "budget/P&L - no real exp. freeze" (an outdoor centre instructor's notes: a concern "freeze", drilled)
    "freeze", "froze", "frozen", "panicked",
}


def only_how_it_went(words: set[str]) -> bool:
    """Whether lower-cased words say only how something went ("good", "long", "a bit short"), naming nothing."""
    return words <= _VERDICT_WORDS


def only_verdict(text: str) -> bool:
    """'Fine-ish', 'ok I think', 'not great': a verdict with no topic in it (trial 5 made 'Fine-ish' a topic)."""
    toks = [t.lower() for t in re.findall(r"[A-Za-z']+", text.replace("-", " "))]
    return bool(toks) and verdict(text) != "none" and set(toks) <= _VERDICT_WORDS


def _relative_clause(rest: str) -> str | None:
    """'who used to be my peers' at the start of `rest`, when it is part of the noun phrase: a relative
    word, a clause of at most MAX_RELATIVE_WORDS words with a verb in it, to the clause's end; not a clause
    about the candidate ('which I fumbled') nor one that says how it went ('which went fine')."""
    spans = list(_TOKEN.finditer(rest))
    toks = [m.group() for m in spans]
    contracted = bool(toks) and toks[0].lower().replace("\u2019", "'") in CONTRACTED_RELATIVES  # "a job that's gone wrong"
    if len(toks) < 2 or not (toks[0].lower() in RELATIVES or contracted) or toks[1].lower() in _SUBJECTS:
        return None
    end = 1
    while end < len(toks) and re.match(r"[A-Za-z0-9]", toks[end]) and toks[end].lower() not in _CLAUSE_ENDS | _SUBJECTS:
        end += 1
    clause = rest[: spans[end - 1].end()]
    if end - 1 > MAX_RELATIVE_WORDS or verdict(clause) != "none" or _ABOUT_THE_INTERVIEW.search(clause):
        return None
    if not contracted and not any(_verb_lemmas(t) or t.lower() in AUXILIARIES for t in toks[1:end]):
        return None
    return clause


# A relative word with its verb run on: "Case study on a job that's gone wrong - overrun + complaint" (a kitchen fitting
# supervisor's round two: the topic "job", merged into "job sequence", which had gone fine)
CONTRACTED_RELATIVES = frozenset({"that's", "who's", "which's"})


def _verb_as_modifier(toks: list[str], i: int, after_cue: bool = False) -> bool:
    """'the retry budget', 'retry budget': a verb form used as a noun before a noun (not 'handled well'); after a cue
    ("asked about"), where a topic must follow, a participle opening it too ("lost mileage")."""
    tok = toks[i]
    if not verb_only(tok) or tok.lower() in AUXILIARIES:
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if tok.lower().endswith("s") and i > 0 and can_be_noun(toks[i - 1]) and (nxt is None or not nxt[:1].isalnum()):
        return True  # "payment retries" at the end of a phrase: a plural noun the lexicon lists only as a verb
    after_determiner = i > 0 and toks[i - 1].lower() in DETERMINERS
    before_noun = nxt is not None and _phrase_word(nxt) and can_be_noun(nxt)
    # "a short staffed dispensary" too, one word after the determiner (a trial's topic ended "in a short")
    near_determiner = after_determiner or (i > 1 and toks[i - 2].lower() in DETERMINERS)
    if tok.lower().endswith("ed") and near_determiner and before_noun:
        return True  # "a missed delivery slot", "the failed audit": a participle as an adjective (trial 12 lost the slot)
    if after_cue and before_noun and past_or_gerund(tok) and not tok.lower().endswith("ing") and all(
            t.lower() in DETERMINERS for t in toks[:i]):
        return True  # "asked about lost mileage": a participle opening the topic (a bus controller's notes: no topic)
    if tok.lower() not in _verb_lemmas(tok):
        return False  # 'ran', 'asked': only a base form ('retry') doubles as a noun
    return after_determiner or (before_noun and not tok.lower().endswith("ed"))


def _next_content(toks: list[str], i: int) -> str | None:
    while i < len(toks) and toks[i].lower() in DETERMINERS:
        i += 1
    return toks[i] if i < len(toks) else None


def _phrase_word(tok: str) -> bool:
    low = tok.lower()
    if not re.match(r"[A-Za-z0-9]", tok):
        return False
    if low in STOPS or low in PRONOUNS or low in AUXILIARIES or low in DETERMINERS:
        return False
    return not (verb_only(tok) or adverb_only(tok))


def _drop_relational_head(taken: list[str]) -> list[str]:
    """'question on database migrations' -> 'database migrations'; 'role in the outage postmortem' -> ..."""
    if len(taken) >= 3 and taken[0].lower() in RELATIONAL_HEADS and taken[1].lower() in RELATIONAL_PREPS:
        rest = taken[2:]
        while rest and rest[0].lower() in DETERMINERS:
            rest = rest[1:]
        return rest
    if len(taken) == 1 and taken[0].lower() in RELATIONAL_HEADS:
        return []  # "my answer was vague": about the previous topic, not a topic itself
    return taken


def without_relative_clauses(text: str) -> str:
    """`text` without the clauses that are part of a topic's name: 'a client who keeps missing deadlines'
    says how the client behaves, not that the interviewers kept coming back to it."""
    out, at = [], 0
    for match in re.finditer(r"\b(?:" + "|".join(RELATIVES) + r")\b", text, re.I):
        if match.start() < at:
            continue
        clause = _relative_clause(text[match.start():])
        if clause is not None:
            out.append(text[at:match.start()])
            at = match.start() + len(clause)
    return " ".join(out + [text[at:]])


def without_counts(text: str) -> str:
    """'familiarity with Microsoft Project (x3)' -> 'familiarity with Microsoft Project'."""
    return _COUNT.sub(" ", text).strip()


def too_long(phrase: str) -> bool:
    """More than a name: too many words before a relative clause ('who ...'), or a long clause after."""
    toks = phrase.split()
    at = next((i for i, t in enumerate(toks) if i and t.lower() in RELATIVES), None)
    if at is not None:
        toks, clause = toks[:at], toks[at + 1:]
        if len(clause) > MAX_RELATIVE_WORDS:
            return True
    content = [t for t in toks if t.lower() not in CONNECTORS | DETERMINERS]
    return len(toks) > MAX_WORDS or len(content) > MAX_CONTENT_WORDS


def verdict(text: str) -> Verdict:
    """How the candidate says it went: bad, good, both (mixed) or not said. An admission (no answer, no
    experience, forgot) is bad even beside a "fine"."""
    if admits(text):
        return "bad"
    bad = _says_bad(text)
    # "didn't have a good answer" is not good, nor are the candidate's own words quoted ('said "good reputation"')
    good = bool(_GOOD.search(_BAD.sub(" ", _QUOTED.sub(" ", text))))
    if bad and good:
        return "mixed"
    return "bad" if bad else "good" if good else "none"


def counted(text: str) -> int:
    """The count written in the text ("x3", "3x", "4 times"), or 1: not its words, which may be a question's own."""
    return _times_said(text, ((_COUNT, 0),))


def repetitions(text: str) -> int:
    """How many times the interviewers came to it: 1 unless the text says more ('twice', 'x3', 'kept')."""
    return _times_said(text, _REPEAT_WORDS)


def _times_said(text: str, patterns: Sequence[tuple[re.Pattern[str], int]]) -> int:
    """The most times any of `patterns` says it came up (a pattern's value, or its count when that is 0), at least 1."""
    best = 1
    for pattern, value in patterns:
        for match in pattern.finditer(text):
            a_count = value != 2 or match.group().lower() in ("twice", "two times")
            if a_count and _SAID_OF_SOMEONE_ELSE.search(text[max(0, match.start() - 40):match.start()]):
                continue  # "our rule for patients who cancel twice" (an outpatients booking lead's notes: read as asked twice)
            if _WAITED_FOR.search(text[max(0, match.start() - 40):match.start()]):
                continue  # "before the DBS came back" (a school business manager's notes: read as asked twice)
            if _COUNTED_OF_SOMEONE.search(text[max(0, match.start() - 40):match.start()]):
                continue  # "conflict: crew member late 3x" (a removals supervisor's notes: read as asked three times)
            said = next((g for g in match.groups() if g), "").lower()
            count = value or _TIMES_WORDS.get(said) or int(said)
            best = max(best, count)
    return best


# What a count right after it counts, of someone in the story: "late 3x", "off sick twice", "no-show x2"
_COUNTED_OF_SOMEONE = re.compile(r"\b(?:late|lates|off sick|sick|absent|no[- ]?show(?:ed)?|missed|warned|disciplined|"
                                 r"complained)\s*$", re.I)
# A time waited for just before a "came back": something else's return, not the panel's
_WAITED_FOR = re.compile(r"\b(?:before|until|till|once)\s+(?:\w+\s+){0,3}$", re.I)
# A relative clause or a condition just before a count: what it counts is someone else's doing, not the panel's asking.
_SAID_OF_SOMEONE_ELSE = re.compile(r"\b(?:who|which|if|when|whenever)\s+(?:\w+\s+){0,2}$", re.I)
