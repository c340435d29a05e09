"""General-English word lists, in one place: the offline scorer reads answers with them, and
coaching (the question bank's token matching, the prep's topic finder) uses the same lists.

Lower case, matched as whole words. Interview-specific words (what a job description always
says, the cues of a STAR part) stay with the module that uses them.
"""

from __future__ import annotations

import re
from functools import lru_cache

# --- words that name no topic ------------------------------------------------------------

# Function words and the words interview questions are phrased in ("tell me about a time...").
_STOPWORDS_SHARED = frozenset(
    """a about also an and any are as at be been being but by can could did do does down ever for from
    get got had has have he here how i in into is it its just let lets like me more most my of on
    one or our out over please really she should so some than that the their them then there these
    they this those through to under up very was we were what when where which who whom why will
    with would you your tell describe give example time times walk talk""".split()
)
# Comparing questions and picking a job description's terms: more function words drop out.
STOPWORDS = _STOPWORDS_SHARED | frozenset(
    """above after again against all am because before below between both doing done during each either
    else every few further gets having her hers him his if itself much must myself no nor not now
    off once only other ours own per same say such theirs too until us while within without yet
    yours yourself thing things""".split()
)
# The offline scorer's: fewer function words, more question words. Not merged with STOPWORDS:
# scoring with the union changed 15 of 391 corpus answers' scores (measured when the lists moved here).
SCORER_STOPWORDS = _STOPWORDS_SHARED | frozenset(
    "make made go went share situation instance experience question".split()
)

# --- verbs -------------------------------------------------------------------------------

IRREGULAR_PAST = frozenset(
    """arose awoke bore beat became began bent bet bit bled blew broke brought built burnt
    burst bought caught chose clung came cost crept cut dealt dug did drew drove ate fell fed
    fought found fled flew forbade forgot forgave froze got gave went ground grew hung heard
    hid hit held hurt kept knelt laid led leapt learnt left lent let lit lost made met
    paid put quit rode rang rose ran said saw sought sold sent set shook shone shot shrank shut
    sang sank sat slept slid spoke spent spun split spread sprang stood stole stuck struck swore
    swept swam swung took taught tore told threw understood woke wore wove won wound wrote
    rebuilt rewrote redrew rethought undertook overcame oversaw withdrew upheld outgrew mistook
    mislaid overheard oversold rode became""".split()
)
# Past participles that are no past tense of their own ("done", "taken"): "I've done 600 of my 1000 checks" tells work
# done, as "I've started the course" does (a pharmacy technician's answer on her accuracy-checking course read as
# "entirely hypothetical").
PAST_PARTICIPLES = frozenset(
    """done taken given written seen run begun gone spoken driven grown shown known chosen drawn eaten fallen flown
    forgotten hidden ridden risen stolen thrown broken beaten frozen""".split()
)
# Words that lead into what follows them: a quote cut after one stops mid-phrase ("...from September to", "...at").
LEADS_ON = frozenset(
    "a an the my our your their his her its at in on of to for from with by into over about during across through "
    "after before than and or but as that this who which when where was were is are we i he she they um uh so".split()
)
# ... but not as a verb's particle after its object: "we talked it through", "sorted them out" end their phrase (a data
# protection officer's plan quoted her as "We had a lot of meetings and we talked it").
_OBJECTS = frozenset("it them that this him her everything things".split())


def leads_on(words: list[str]) -> bool:
    """Whether the last of `words` leads into what follows, so a quote ending there stops mid-phrase."""
    last = words[-1].lower().strip(",.;:")
    return last in LEADS_ON and not (len(words) > 1 and words[-2].lower().strip(",.;:") in _OBJECTS and last in (
        "over", "through", "in", "on", "about"))


# Past forms that describe a state of mind, not something done.
STATE_PAST = frozenset(
    "was were had felt thought knew wanted liked loved hated meant seemed guessed supposed "
    "hoped wished believed enjoyed preferred cared learned learnt realised realized".split()
)
# -ed words that are not past-tense verbs.
NOT_PAST_ED = frozenset(
    "need speed bed red shed hundred sacred kindred naked wicked wretched ted fred seed feed "
    "breed weed heed indeed proceed exceed succeed embed shred sled wed bred fled bled led "
    "med ed ped".split()
) - {"fled", "bled", "led"}

# --- numbers and dates -------------------------------------------------------------------

NUMBER_WORDS = frozenset(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion dozen half third quarter doubled halved tripled twice zero""".split()
)
YEAR = re.compile(r"^(19|20)\d\d$")  # a word that is a calendar year: "2019"
MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday christmas easter".split()
)


# --- word classes ----------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def word_classes(word: str) -> frozenset[str]:
    """The universal POS tags lemminflect's shipped lexicon allows for `word` (empty when it does not know it):
    "new" ADJ, "phase" NOUN and VERB. A table, no model and no download (coaching/phrases.py says why no tagger)."""
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word.lower()))
