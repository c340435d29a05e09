"""Sentence meaning for the offline scorer: a static word-piece embedding distilled from all-MiniLM-L6-v2.

A sentence's vector is the mean of its word pieces' rows in a lookup table (int8, 128 dims, in
embeddings/ beside this file; how it was made and from what is in embeddings/README.md). The
offline scorer uses it for what word overlap cannot see: whether an answer is about what the
question asked ("a nurse's handover" answers "passing on information at shift change"), and
whether a sentence says something or is polished filler close to generic lines that fit any
answer (the `polish` sentences in rubrics/substance.yaml).

Why a static table and not the full model (measured on the scoring corpus's dev split only; the
table in embeddings/README.md): the full 6-layer MiniLM told the four off-topic dev stories apart
better (AUC 0.99 against 0.89), but across all dev answers the static table's closeness tracked
the graders' relevance better (Spearman 0.26 against 0.05) and its closeness to the polish lines
tracked their overall better (-0.48 against -0.33); and the full model needs 23 MB (int8) to 90 MB
of weights and tens of milliseconds to seconds an answer, where the table is 3.5 MB and embeds an
answer in under a millisecond. As model features the table's cues raise the offline model's
out-of-fold pairwise accuracy on dev from 0.775 to 0.786 (scripts/fit_offline_scorer.py --drop sem_).
Nothing is downloaded at run time, and neither torch nor any model hub is involved: numpy and the
`tokenizers` library are all it needs.
Deterministic: the same text always gives the same vector.
It also loads the rest of rubrics/substance.yaml the offline scorer reads: the gates, `measures`
(which way is good for a measure, so a pass rate that fell reads as the bad outcome it is), and
`topics` (what a question is about and the words an answer to it cannot do without: where the table
is too coarse to tell a strong story about something else from an answer, a topic's words are not;
on dev the off-topic stories went from 85 at most to 35, relevance QWK 0.485 to 0.576), and the word lists the
offline scorer's cue readers read across criteria (reading_words: named tools, roles, units, vague measures, hedges,
habitual talk, question themes, stakes, judgement, plan steps), kept there so a coach edits them without Python.
And `concepts`, for a question typed by the user rather than taken from the bank: what it names ("a disagreement
with your manager", "a relative of a patient", "a colleague's login left open on a shared PC", "moving up to team
leader") and whether the answer ever meets it, by the question's word, by the coach's words for it ("his daughter",
"we didn't see eye to eye", "signed in") or by a word this table puts close to it (word to word, on the word pieces'
rows: "manager" and "supervisor" 0.64, "disagreed" and "argued" 0.59). A strong story about something else, told
to such a question, had scored 56 (a ward stock room to "a difficult conversation with a patient's relative"): the
table reads the whole story's domain (a ward), not the question's point. Why the coach's list says what a question
names, and the table only helps an answer meet it: the table's word closeness is coarse ("office" sits 0.42 from
"supervisor", "started" 0.47 from "open"), and read on every word of the question, 14 dev answers the graders rated
on topic (3-4) met under half of their question's words ("a safeguarding decision" answered with the welfare check
the police did); with the list, concepts are named by 14 dev answers' questions (6 of them typed, not the bank's) and missed
by one, a bank question's (bank questions keep their reading): no corpus card's score moved, and the four cards already off
topic by `topics` now name what they missed ("data", "stakeholders"). A word closeness of 0.45, not 0.4: at 0.4
"office" met "supervisor". Reading an answer's concepts costs 0.04 ms (median, dev) when its question names none,
about 2 ms when it names some. An answer must meet more than half of its question's concepts (`met_share_at_least`
0.6): `answered` keeps its pronouns ("the night shift lead, Dave ... him" is the colleague; taking them out made an
on-topic conflict story miss `colleague`), and at 0.5 an off-topic story's "she checked my figures" met `manager`
and so answered "disagreed with your manager". No corpus card moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

DATA_DIR = Path(__file__).resolve().parent / "embeddings"
TABLE_FILE = DATA_DIR / "minilm_static.npz"
VOCAB_FILE = DATA_DIR / "vocab.txt"


class StaticEmbedder:
    def __init__(self, table: np.ndarray, scale: np.ndarray, vocab_file: Path):
        from tokenizers import BertWordPieceTokenizer  # loaded only when an answer is scored

        self.rows = table.astype(np.float32) * scale[:, None]
        self.tokenizer = BertWordPieceTokenizer(str(vocab_file), lowercase=True)
        self.dims = self.rows.shape[1]

    def mean_rows(self, texts: list[str]) -> np.ndarray:
        """Each text's mean word-piece row, not normalised (a text with no word pieces gets zeros)."""
        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        for i, encoding in enumerate(self.tokenizer.encode_batch(list(texts), add_special_tokens=False)):
            if encoding.ids:
                out[i] = self.rows[encoding.ids].mean(0)
        return out


@lru_cache(maxsize=1)
def embedder() -> StaticEmbedder:
    with np.load(TABLE_FILE) as data:
        return StaticEmbedder(data["table"], data["scale"], VOCAB_FILE)


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length vectors, one row per text, measured from the centre of interview talk.

    Averaged word pieces share a large common direction (any two sentences score 0.8 or more), so
    the mean of the reference sentences (rubrics/substance.yaml and the bank's questions) is taken
    off first: what is left is what a sentence says beyond "this is an interview answer". On the
    dev split this took off-topic stories from barely told apart (AUC 0.76) to 0.89.
    """
    return _unit(embedder().mean_rows(texts) - background())


# --- what the offline scorer reads with it ------------------------------------------------

SUBSTANCE_FILE = "substance.yaml"
# The nearest reference questions an answer is compared with, besides the one it was asked.
NEAREST_OTHERS = 3


def _substance_file() -> tuple[str, int]:
    from mockint.resources import rubric_file_stamp

    return rubric_file_stamp(SUBSTANCE_FILE)


@lru_cache(maxsize=4)
def _substance_data(path_text: str, _mtime: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    from mockint.datafiles import read_yaml_mapping
    from mockint.errors import DataFileError

    path = Path(path_text)
    data = read_yaml_mapping(path, "substance file", schema_version=1)
    polish, questions = data.get("polish"), data.get("reference_questions")
    for name, value in (("polish", polish), ("reference_questions", questions)):
        if not isinstance(value, list) or not value or not all(isinstance(s, str) and s.strip() for s in value):
            raise DataFileError(f"{path}: `{name}` must be a non-empty list of sentences")
    bank = path.parent / "questions.yaml"
    questions = list(questions) + list(_bank_texts(str(bank), bank.stat().st_mtime_ns if bank.exists() else 0))
    return tuple(polish), tuple(dict.fromkeys(questions))


def _substance() -> tuple[tuple[str, ...], tuple[str, ...]]:
    return _substance_data(*_substance_file())


def _mapping_section(path_text: str, key: str, shape: str) -> tuple[Path, dict]:
    """substance.yaml's `key` section, which must be a mapping (`shape` says what it must be)."""
    from mockint.datafiles import read_yaml_mapping
    from mockint.errors import DataFileError

    path = Path(path_text)
    section = read_yaml_mapping(path, "substance file", schema_version=1).get(key) or {}
    if not isinstance(section, dict):
        raise DataFileError(f"{path}: `{key}` must {shape}")
    return path, section


# What each gate in substance.yaml must say, besides max_level, shown_on and feedback.
GATE_LIMITS = {"off_topic": ("relevance_at_most", "margin_below"), "figures_without_referent": ("min_figures", "share_of_figures"),
               "scattered_figures": ("min_figures", "per_100_words", "recurring_at_most"),
               "bad_outcome_stood_by": ("min_harms",),
               "incoherent_figures": ("min_figures", "per_100_words", "min_contradictions"),
               "empty_talk": ("min_phrases", "per_100_words"),
               "impossible_figure": ("min_figures",), "impossible_figures": ("min_figures",)}
# The card words a gate names what it saw with, and what each must say.
GATE_WORDS = {"bad_outcome_stood_by": {"harm_moved": "{measure}", "harm_unnamed": ""},
              "off_topic": {"no_example_feedback": "{said}"}}
# A gate's phrase lists: read in lower case, as phrases_pattern reads them.
GATE_PHRASES = {"off_topic": ("no_example",)}


@lru_cache(maxsize=4)
def _gates_data(path_text: str, _mtime: int) -> dict[str, dict]:
    from mockint.datafiles import phrase_list
    from mockint.errors import DataFileError
    from mockint.scoring.kinds import load_kinds

    path, gates = _mapping_section(path_text, "gates", "be a mapping of gate names to settings")
    out = {}
    for name, spec in gates.items():
        if name not in GATE_LIMITS:
            raise DataFileError(f"{path}: unknown gate `{name}` (known: {', '.join(GATE_LIMITS)})")
        if not isinstance(spec, dict):
            raise DataFileError(f"{path}: gate `{name}` must be a mapping")
        level = spec.get("max_level")
        if not isinstance(level, int) or isinstance(level, bool) or not 0 <= level <= 4:
            raise DataFileError(f"{path}: gate `{name}`: max_level must be a whole number 0-4")
        if not isinstance(spec.get("feedback"), str) or not spec["feedback"].strip():
            raise DataFileError(f"{path}: gate `{name}`: feedback must be one line of text")
        shown = spec.get("shown_on")
        if not isinstance(shown, list) or not shown or not all(isinstance(k, str) and "." in k for k in shown):
            raise DataFileError(f"{path}: gate `{name}`: shown_on must list criteria like specificity.relevance")
        caps = spec.get("caps", {})
        if not isinstance(caps, dict) or not all(isinstance(k, str) and "." in k and isinstance(v, int)
                                                 and not isinstance(v, bool) and 0 <= v <= 4 for k, v in caps.items()):
            raise DataFileError(f"{path}: gate `{name}`: caps must map criteria like specificity.quantified_impact to levels 0-4")
        for key in GATE_LIMITS[name]:
            if not isinstance(spec.get(key), (int, float)) or isinstance(spec.get(key), bool):
                raise DataFileError(f"{path}: gate `{name}`: {key} must be a number")
        for key, must_say in GATE_WORDS.get(name, {}).items():
            if not isinstance(spec.get(key), str) or not spec[key].strip() or must_say not in spec[key]:
                raise DataFileError(f"{path}: gate `{name}`: {key} must be one line of text" + (f" that says {must_say}" if must_say else ""))
        phrase_lists = {key: phrases_pattern(phrase_list(path, f"gates.{name}.{key}", spec.get(key)))
                        for key in GATE_PHRASES.get(name, ())}
        exempt = spec.get("not_for_kinds", [])
        if not isinstance(exempt, list) or not set(exempt) <= set(load_kinds()):
            raise DataFileError(f"{path}: gate `{name}`: not_for_kinds must list question kinds ({', '.join(load_kinds())})")
        held = spec.get("held", "")
        if not isinstance(held, str) or "\n" in held.strip():
            raise DataFileError(f"{path}: gate `{name}`: held must be one line of text")
        out[name] = {**spec, **phrase_lists, "feedback": spec["feedback"].replace("{max_level}", str(level)),
                     "held": held.strip().replace("{max_level}", str(level))}
    return out


def gates() -> dict[str, dict]:
    """The caps substance.yaml puts on off-topic answers, on figures that measure nothing, and on figures about a new thing each."""
    return _gates_data(*_substance_file())


def phrases_pattern(cues: list[str]) -> re.Pattern[str]:
    """One pattern for a list of lower-case phrases, each matched from a word start; a `*` at the end
    of a word lets it run on ("disagree*": disagreed, disagreement), otherwise it ends a word, a
    lone `*` stands for any one word ("every *": every stage, every item), and one before an ending for any word with
    it ("every *'s different": every week's different; read as a literal `*`, such a phrase never matched). Phrases are matched against an
    answer's words joined by spaces (offline.Unit.lower), so a phrase with a number in words also matches
    it as the scorers read it, written by speech/numbers.py ("a hundred percent": "100 %")."""
    from mockint.scoring.offline import lowered
    from mockint.speech.numbers import write_numbers_in_text

    written = [lowered(w) for cue, w in zip(cues, map(write_numbers_in_text, cues)) if w != cue and "*" not in w]
    parts = []
    for cue in dict.fromkeys([*cues, *written]):
        words = []
        for word in cue.split():
            if word == "*":
                words.append(r"[\w']+")
            elif word.endswith("*"):
                words.append(re.escape(word.rstrip("*")) + r"[\w']*")
            elif word.startswith("*"):  # "every *'s different": any word with this ending ("week's")
                words.append(r"\w+" + re.escape(word[1:]) + r"(?!\w)")
            else:
                words.append(re.escape(word) + r"(?!\w)")
        parts.append(r"\s+".join(words))
    # one word-start check before all the phrases, not one per phrase: several times faster on long lists
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")") if parts else re.compile(r"(?!)")


_TOPIC_KEYS = frozenset({"asked", "answered", "credited", "not_asked"})


@lru_cache(maxsize=4)
def _topics_data(path_text: str, _mtime: int) -> tuple[dict[str, tuple[_AskedBy, re.Pattern[str]]], frozenset[str]]:
    from mockint.datafiles import phrase_list
    from mockint.errors import DataFileError

    path, topics = _mapping_section(path_text, "topics", "map topic names to `asked` and `answered` lists")
    out = {}
    for name, spec in topics.items():
        if not isinstance(spec, dict) or not {"asked", "answered"} <= set(spec) <= _TOPIC_KEYS \
                or not isinstance(spec.get("credited", True), bool):
            raise DataFileError(f"{path}: topic `{name}` must have `asked` and `answered` (and may say `credited: false` "
                                "and list `not_asked`)")
        asked, answered = (phrase_list(path, f"topics.{name}.{side}", spec[side]) for side in ("asked", "answered"))
        not_asked = phrase_list(path, f"topics.{name}.not_asked", spec.get("not_asked", []), may_be_empty=True)
        out[str(name)] = (_AskedBy(phrases_pattern(asked), phrases_pattern(not_asked)), phrases_pattern(answered))
    return out, frozenset(str(name) for name, spec in topics.items() if spec.get("credited") is False)


@dataclass(frozen=True)
class _AskedBy:
    """A topic's `asked` phrases, read in a question with its `not_asked` phrases taken out first."""

    asked: re.Pattern[str]
    not_asked: re.Pattern[str]

    def search(self, question: str) -> re.Match[str] | None:
        return self.asked.search(self.not_asked.sub(lambda m: " " * len(m.group()), question))


def topics() -> dict[str, tuple[_AskedBy, re.Pattern[str]]]:
    """substance.yaml's `topics`: per topic, (what a question about it says, what an answer to it says)."""
    return _topics_data(*_substance_file())[0]


def uncredited_topics() -> frozenset[str]:
    """The `topics` marked `credited: false`: missing all their words is missing the question, but saying them is no
    sign of answering it (the words of "why do you want this role?" are in every answer: "you", "here", "the role")."""
    return _topics_data(*_substance_file())[1]


BAD_OUTCOME_LISTS = ("happened", "averted", "lessened", "stood_by", "put_right", "changed_practice", "names_a_thing")


@lru_cache(maxsize=4)
def _bad_outcomes_data(path_text: str, _mtime: int) -> dict[str, re.Pattern[str]]:
    from mockint.datafiles import phrase_list

    path, section = _mapping_section(path_text, "bad_outcomes", f"map {', '.join(BAD_OUTCOME_LISTS)} to lists of phrases")
    out = {name: phrases_pattern(phrase_list(path, f"bad_outcomes.{name}", section.get(name)))
           for name in BAD_OUTCOME_LISTS}
    # optional: without them, every harm phrase is an event, and none a remedy given
    for name in ("moves", "moved_by", "remedied", "aside", "price_paid", "paid_for", "sanctions", "withdrawn"):
        out[name] = phrases_pattern(phrase_list(path, f"bad_outcomes.{name}", section.get(name, []), may_be_empty=True))
    return out


def bad_outcome_phrases() -> dict[str, re.Pattern[str]]:
    """substance.yaml's `bad_outcomes`: what reports harm (`happened`), what says it was averted (`averted`) or
    made smaller than it would have been (`lessened`, just after it: "3 days late instead of 3 weeks"),
    what a candidate says who stands by a bad outcome (`stood_by`), what says a harmed thing came back
    (`put_right`), what says how they work since (`changed_practice`) and the words after a harm noun that make it
    the name of a thing (`names_a_thing`: "the refunds service"), the harms that tell a measure moving when a
    figure or a degree (`moved_by`: "quite a bit") follows them (`moves`: "went down from 6 a week to 1"), and what makes a harm the remedy the candidate got
    for someone (`remedied`, just before it: "approved the refund"), what sets a sentence's harm aside as another
    story (`aside`), business given up (`price_paid`) for a measure worth it (`paid_for`), and what a conduct case ends
    in (`sanctions`: "suspended", "a final written warning"), no harm where the candidate gave it or the story is
    such a case, and a grievance or complaint its maker took back (`withdrawn`: "the grievance was withdrawn")."""
    return _bad_outcomes_data(*_substance_file())


LEARNED_LIMITS = ("learned_bad_at_least", "learned_success_at_least")


@lru_cache(maxsize=4)
def _learned_at_least(path_text: str, _mtime: int) -> dict[str, float]:
    from mockint.errors import DataFileError

    path, section = _mapping_section(path_text, "bad_outcomes", f"map {', '.join(BAD_OUTCOME_LISTS)} to lists of phrases")
    out = {}
    for key in LEARNED_LIMITS:
        value = section.get(key, 1.01)  # absent: never reached, the phrase lists alone
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 < value <= 1.01:
            raise DataFileError(f"{path}: `bad_outcomes.{key}` must be a number between 0 and 1")
        out[key] = float(value)
    return out


def learned_bad_at_least() -> float:
    """substance.yaml's `bad_outcomes.learned_bad_at_least`: the learned reading's chance (valence.py) from which
    a sentence the phrase lists do not read tells a bad outcome."""
    return _learned_at_least(*_substance_file())["learned_bad_at_least"]


def learned_win_at_least() -> float:
    """substance.yaml's `bad_outcomes.learned_success_at_least`: the learned reading's chance (valence.py) from
    which a sentence that tells a bad outcome tells it as a success."""
    return _learned_at_least(*_substance_file())["learned_success_at_least"]


@lru_cache(maxsize=4)
def _equating_data(path_text: str, _mtime: int) -> re.Pattern[str]:
    from mockint.datafiles import phrase_list

    path, section = _mapping_section(path_text, "figures", "map `equating` to a list of phrases")
    return phrases_pattern(phrase_list(path, "figures.equating", section.get("equating")))


@lru_cache(maxsize=4)
def _ties_back_data(path_text: str, _mtime: int) -> re.Pattern[str]:
    from mockint.datafiles import phrase_list, read_yaml_mapping

    path = Path(path_text)
    cues = read_yaml_mapping(path, "substance file", schema_version=1).get("ties_back")
    return phrases_pattern(phrase_list(path, "ties_back", cues))


@lru_cache(maxsize=4)
def _unfinished_story_data(path_text: str, _mtime: int) -> str:
    from mockint.datafiles import read_yaml_mapping
    from mockint.errors import DataFileError

    path = Path(path_text)
    line = read_yaml_mapping(path, "substance file", schema_version=1).get("unfinished_story")
    if not isinstance(line, str) or not line.strip() or "\n" in line.strip():
        raise DataFileError(f"{path}: `unfinished_story` must be one line of text")
    return line.strip()


# substance.yaml's `whole_answer`: the lines every past-story criterion says of an answer with nothing, or too little,
# to judge (offline.judge), and the figure each must give.
WHOLE_ANSWER_LINES = {"no_content": "", "only_to_grader": "", "too_short": "{words}"}


@lru_cache(maxsize=4)
def _whole_answer_data(path_text: str, _mtime: int) -> dict[str, str]:
    from mockint.errors import DataFileError

    path, section = _mapping_section(path_text, "whole_answer", f"map {', '.join(WHOLE_ANSWER_LINES)} to one line each")
    for name, must_say in WHOLE_ANSWER_LINES.items():
        line = section.get(name)
        if not isinstance(line, str) or not line.strip() or "\n" in line.strip() or must_say not in line:
            raise DataFileError(f"{path}: `whole_answer.{name}` must be one line of text"
                                + (f" that says {must_say}" if must_say else ""))
    return {name: section[name].strip() for name in WHOLE_ANSWER_LINES}


def whole_answer_lines() -> dict[str, str]:
    """substance.yaml's `whole_answer`: what the past-story criteria say of an empty answer (`no_content`), of one
    only addressed to the grader (`only_to_grader`), and of one too short to hold a story (`too_short`, {words})."""
    return _whole_answer_data(*_substance_file())


def unfinished_story_line() -> str:
    """substance.yaml's `unfinished_story`: what Real past example says of a past story that stops before its end."""
    return _unfinished_story_data(*_substance_file())


def ties_back_phrases() -> re.Pattern[str]:
    """substance.yaml's `ties_back`: how a motivation answer ties a story back to its reasons ("that's why I want")."""
    return _ties_back_data(*_substance_file())


@lru_cache(maxsize=4)
def _passing_mentions_data(path_text: str, _mtime: int) -> re.Pattern[str]:
    from mockint.datafiles import phrase_list, read_yaml_mapping

    path = Path(path_text)
    cues = read_yaml_mapping(path, "substance file", schema_version=1).get("passing_mentions")
    return phrases_pattern(phrase_list(path, "passing_mentions", cues))


def passing_mention_phrases() -> re.Pattern[str]:
    """substance.yaml's `passing_mentions`: a method's use alluded to, with no occasion ("it's worked well for me")."""
    return _passing_mentions_data(*_substance_file())


@dataclass(frozen=True)
class EmployerFactWords:
    """substance.yaml's `employer_facts`: what opens a fact said about this employer to its face ("you're",
    "your"), how many words after it the thing it names may come, the words that name no thing of theirs, and
    the words that make the phrase praise."""

    openers: re.Pattern[str]
    window: int
    generic: re.Pattern[str]
    praise: re.Pattern[str]


@lru_cache(maxsize=4)
def _employer_facts_data(path_text: str, _mtime: int) -> EmployerFactWords:
    from mockint.datafiles import phrase_list
    from mockint.errors import DataFileError

    path, section = _mapping_section(path_text, "employer_facts", "map `openers`, `window` and `generic`")
    window = section.get("window")
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 12:
        raise DataFileError(f"{path}: `employer_facts.window` must be a whole number of words from 1 to 12")
    words = {}
    for name in ("generic", "praise"):
        words[name] = phrase_list(path, f"employer_facts.{name}", section.get(name))
        if any(" " in word for word in words[name]):
            raise DataFileError(f"{path}: `employer_facts.{name}` must be single words, not "
                                f"{next(w for w in words[name] if ' ' in w)!r}")
    return EmployerFactWords(phrases_pattern(phrase_list(path, "employer_facts.openers", section.get("openers"))), window,
                             phrases_pattern(words["generic"]), phrases_pattern(words["praise"]))


def employer_fact_words() -> EmployerFactWords:
    return _employer_facts_data(*_substance_file())


BEFORE_AFTER_LISTS = ("before", "after", "compared_with", "compared_with_if_before", "compared_with_if_otherwise")


class OutcomesOfAThing(NamedTuple):
    """substance.yaml's `outcomes_of_a_thing`: its words, as a set and as a pattern, and what may follow them."""

    words: frozenset[str]
    pattern: re.Pattern[str]
    still_a_result: re.Pattern[str]


@lru_cache(maxsize=4)
def _telling_data(path_text: str, _mtime: int) -> dict:
    """`before_after`, `own_part` and `outcomes_of_a_thing`, from one read of the file (each read takes ~150 ms)."""
    from mockint.datafiles import phrase_list, read_yaml_mapping
    from mockint.errors import DataFileError

    path = Path(path_text)
    data = read_yaml_mapping(path, "substance file", schema_version=1)
    section = data.get("before_after") or {}
    if not isinstance(section, dict):
        raise DataFileError(f"{path}: `before_after` must map {' and '.join(BEFORE_AFTER_LISTS)} to lists of phrases")
    out = {}
    for name in BEFORE_AFTER_LISTS:
        optional = name.startswith("compared_with")  # without them, only "from X to Y" and two levels are a change
        listed = phrase_list(path, f"before_after.{name}", section.get(name, [] if optional else None), may_be_empty=optional)
        out[name] = phrases_pattern(listed)
    out["own_part"] = phrases_pattern(phrase_list(path, "own_part", data.get("own_part")))
    things = data.get("outcomes_of_a_thing") or {}
    if not isinstance(things, dict):
        raise DataFileError(f"{path}: `outcomes_of_a_thing` must map words and still_a_result to lists")
    words = phrase_list(path, "outcomes_of_a_thing.words", things.get("words"))
    if any(len(w.split()) != 1 or "*" in w for w in words):
        raise DataFileError(f"{path}: each of `outcomes_of_a_thing.words` must be one word, without *")
    out["outcomes_of_a_thing"] = OutcomesOfAThing(frozenset(words), phrases_pattern(words), phrases_pattern(
        phrase_list(path, "outcomes_of_a_thing.still_a_result", things.get("still_a_result", []), may_be_empty=True)))
    return out



def before_after_phrases() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """substance.yaml's `before_after`: what says a figure is where things started ("when I started", "it had
    been") and what says a later one is where they ended up ("after three months", "by the end", "now")."""
    data = _telling_data(*_substance_file())
    return data["before"], data["after"]


def compared_with_phrases() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """substance.yaml's `before_after.compared_with` and `compared_with_if_before`: what, said between two figures
    of a sentence, makes the second where things were before ("92 percent against 61 the year before"), and what
    does so only when a `before` phrase follows it ("one failure instead of 25 the year before")."""
    data = _telling_data(*_substance_file())
    return data["compared_with"], data["compared_with_if_before"]


def otherwise_phrases() -> re.Pattern[str]:
    """substance.yaml's `before_after.compared_with_if_otherwise`: what, after the second figure of "X instead of Y",
    makes Y what it would have been ("85 delay minutes instead of the 300 or so a late call would have cost")."""
    return _telling_data(*_substance_file())["compared_with_if_otherwise"]


def own_part_phrases() -> re.Pattern[str]:
    """substance.yaml's `own_part`: how a candidate marks out their own part of a team's work ("my own part was")."""
    return _telling_data(*_substance_file())["own_part"]


def outcomes_of_a_thing() -> OutcomesOfAThing:
    """substance.yaml's `outcomes_of_a_thing`: outcome words that report a result only when said of a thing that came
    about ("the store opened on time", not "I opened a ticket"), and what may follow them still telling one ("its
    doors")."""
    return _telling_data(*_substance_file())["outcomes_of_a_thing"]


def equating_phrases() -> re.Pattern[str]:
    """substance.yaml's `figures.equating`: words that equate a figure with another thing ("the same number as")."""
    return _equating_data(*_substance_file())


MEASURE_SIDES = ("higher_is_better", "lower_is_better")


@lru_cache(maxsize=4)
def _measures_data(path_text: str, _mtime: int) -> dict[str, tuple[str, ...]]:
    from mockint.datafiles import read_yaml_mapping
    from mockint.errors import DataFileError

    path = Path(path_text)
    measures = read_yaml_mapping(path, "substance file", schema_version=1).get("measures") or {}
    if not isinstance(measures, dict) or set(measures) - set(MEASURE_SIDES):
        raise DataFileError(f"{path}: `measures` must map {' and '.join(MEASURE_SIDES)} to lists of words")
    out = {}
    for side in MEASURE_SIDES:
        words = measures.get(side) or []
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() and w == w.lower() for w in words):
            raise DataFileError(f"{path}: `measures.{side}` must be a list of lower-case words or phrases")
        out[side] = tuple(sorted(dict.fromkeys(" ".join(w.split()) for w in words), key=lambda w: -len(w)))
    return out


def measures() -> dict[str, tuple[str, ...]]:
    """Which way is good for a measure: substance.yaml's `measures` (longest phrase first)."""
    return _measures_data(*_substance_file())


@lru_cache(maxsize=2)
def _background(polish: tuple[str, ...], questions: tuple[str, ...]) -> np.ndarray:
    return embedder().mean_rows(list(polish) + list(questions)).mean(0)


def background() -> np.ndarray:
    return _background(*_substance())


@lru_cache(maxsize=2)
def _reference(polish: tuple[str, ...], questions: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    return embed(list(polish)), embed(list(questions))


def reference_vectors() -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """(polish sentence vectors, reference question vectors, the reference questions)."""
    polish, questions = _substance()
    p, q = _reference(polish, questions)
    return p, q, questions


@lru_cache(maxsize=256)
def _question_vector(question: str) -> np.ndarray:
    return embed([question])[0]


def meaning_features(units: list[str], question: str) -> dict[str, object]:
    """How an answer's sentences relate, by meaning, to its question and to empty polish.

    Plain numbers, and per-sentence lists:
      question_sim     cosine of the whole answer to the question;
      question_margin  that cosine minus the mean of the answer's cosines to the NEAREST_OTHERS
                       closest reference questions that are not this one: above 0, the answer is
                       closer to what was asked than to other questions; well below, it answers
                       something else (an off-topic story, however good);
      best_unit_sim    mean cosine of the two sentences closest to the question;
      unit_question    per sentence, the cosine to the question;
      polish           per sentence, the cosine to the closest polish sentence.
    """
    if not units:
        return {"question_sim": 0.0, "question_margin": 0.0, "best_unit_sim": 0.0, "polish": [], "unit_question": []}
    polish_vecs, ref_vecs, ref_questions = reference_vectors()
    vecs = embed(units)
    words = np.array([max(1, len(u.split())) for u in units], dtype=np.float32)
    whole = _unit((vecs * words[:, None]).sum(0, keepdims=True))[0]
    q = _question_vector(question) if question.strip() else np.zeros_like(whole)
    question_sim = float(whole @ q)
    q_norm = " ".join(question.lower().split())
    others = np.array([float(whole @ v) for v, text in zip(ref_vecs, ref_questions) if " ".join(text.lower().split()) != q_norm
                       and float(v @ q) < 0.9])
    nearest = np.sort(others)[-NEAREST_OTHERS:] if len(others) else np.zeros(1)
    unit_question = vecs @ q
    polish = (vecs @ polish_vecs.T).max(1)
    return {
        "question_sim": question_sim,
        "question_margin": question_sim - float(nearest.mean()) if question.strip() else 0.0,
        "best_unit_sim": float(np.sort(unit_question)[-2:].mean()),
        "unit_question": [float(x) for x in unit_question],
        "polish": [float(x) for x in polish],
    }


# --- what a typed question names, and whether an answer gets to it (substance.yaml `concepts`) -----------


@dataclass(frozen=True)
class Concepts:
    feedback: str                  # the card's line on an answer that misses them ({missed}, {max_level})
    close_at_least: float          # word closeness (static table) from which an answer's word meets a question's
    met_share_at_least: float      # the share of a question's concepts an answer must meet to be about it
    # word closeness to `person` from which a concept is a person a plan may call "them" (None: never; the rule is off)
    person_at_least: float | None
    person: tuple[str, ...]        # the words a person is read by
    frame: re.Pattern[str]         # the words a question frames its kind with, naming nothing ("tell", "found")
    # the coach's concepts: (name, what a question that names it says, what an answer that gets to it says)
    same: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]


@lru_cache(maxsize=4)
def _concepts_data(path_text: str, _mtime: int) -> Concepts:
    from mockint.datafiles import phrase_list
    from mockint.errors import DataFileError

    path, section = _mapping_section(path_text, "concepts", "map close_at_least, met_share_at_least, frame and same")
    numbers = {}
    for key in ("close_at_least", "met_share_at_least", "person_at_least"):
        value = section.get(key)
        if key == "person_at_least" and value is None:
            numbers[key] = None  # optional: without it no concept is a person
            continue
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 < value <= 1:
            raise DataFileError(f"{path}: `concepts.{key}` must be a number between 0 and 1")
        numbers[key] = float(value)
    same = section.get("same")
    if not isinstance(same, dict) or not same:
        raise DataFileError(f"{path}: `concepts.same` must map concept names to `asked` and `answered` lists")
    groups = []
    for name, spec in same.items():
        if not isinstance(spec, dict) or set(spec) != {"asked", "answered"}:
            raise DataFileError(f"{path}: concept `{name}` must have exactly `asked` and `answered`")
        asked = phrase_list(path, f"concepts.same.{name}.asked", spec["asked"])
        answered = phrase_list(path, f"concepts.same.{name}.answered", spec["answered"])
        groups.append((str(name), phrases_pattern(asked), phrases_pattern([*asked, *answered])))
    feedback = section.get("feedback")
    if not isinstance(feedback, str) or "{missed}" not in feedback:
        raise DataFileError(f"{path}: `concepts.feedback` must be one line of text that says {{missed}}")
    frame = phrases_pattern(phrase_list(path, "concepts.frame", section.get("frame")))
    person = tuple(phrase_list(path, "concepts.person", section.get("person"))) if numbers["person_at_least"] else ()
    return Concepts(feedback=feedback, frame=frame, same=tuple(groups), person=person, **numbers)


def concepts() -> Concepts:
    """substance.yaml's `concepts`: how a typed question's own words are read for what it is about."""
    return _concepts_data(*_substance_file())


def names_a_person(said: str) -> bool:
    """Whether a question's phrase for a concept ("relative", "the customer") is a person, by its closeness in the static
    table to `concepts.person` (people 0.27-0.54 from "person", things 0.2 or less: "alarm", "budget", "mask")."""
    spec = concepts()
    words = re.findall(r"[a-z][a-z']{2,}", said.lower())
    if not words or spec.person_at_least is None:
        return False
    return float((_word_vectors(words) @ _word_vectors(list(spec.person)).T).max()) >= spec.person_at_least


@dataclass(frozen=True)
class Concept:
    words: tuple[str, ...]                  # the question's words for it ("relative"; "left", "open")
    vectors: np.ndarray = field(repr=False)  # their rows in the static table, from the centre of interview talk
    same: tuple[re.Pattern[str], ...] = ()  # the coach's groups the question's words fall in
    said: str = ""                          # the question's own phrase for it ("move up"), as the card names it


def _word_vectors(words: list[str]) -> np.ndarray:
    return _unit(embedder().mean_rows(words) - background())


@lru_cache(maxsize=4)
def _bank_texts(path_text: str, _mtime: int) -> tuple[str, ...]:
    """The question bank's questions (rubrics/questions.yaml at `path_text`), in its order."""
    from mockint.datafiles import read_yaml_mapping

    bank = read_yaml_mapping(Path(path_text), "question bank").get("questions") or []
    return tuple(q["text"] for q in bank if isinstance(q, dict) and isinstance(q.get("text"), str))


@lru_cache(maxsize=4)
def _bank_keys(path_text: str, mtime: int) -> frozenset[str]:
    return frozenset(" ".join(text.lower().split()) for text in _bank_texts(path_text, mtime))


def is_bank_question(question: str) -> bool:
    """Whether `question` is one of the bank's (rubrics/questions.yaml), word for word."""
    from mockint.resources import rubric_file_stamp

    return " ".join(question.lower().split()) in _bank_keys(*rubric_file_stamp("questions.yaml"))


def question_concepts(question: str) -> tuple[Concept, ...]:
    """What a question names that the coach's `concepts` know (_question_concepts), read again after an edit of them."""
    return _question_concepts(question, *_substance_file())


@lru_cache(maxsize=256)
def _question_concepts(question: str, _path_text: str, _mtime: int) -> tuple[Concept, ...]:
    """What a question names that the coach's `same` groups know, one concept per set of groups: "tell me about a
    time you disagreed with your manager" names a disagreement (disagreed) and a manager; "...a colleague's login
    left open on a shared PC?" a colleague, a login, being left open and a shared machine. A group counts where
    its phrase is said in the question, so "move up to a team leader role" is about moving up ([move up, step
    up, ...]) and leading ([team lead*, supervis*, ...]). The question's other words name nothing the scorer can
    check fairly: by word, with the static table's closeness, 0.4 apart, 14 answers the graders rated on topic
    (3-4) met under half of their question's words (a "safeguarding decision" answered with a welfare check the
    police did), so a word no group knows is no concept. Its `frame` words are never concepts ("found", "want")."""
    from mockint.scoring.lexicon import SCORER_STOPWORDS
    from mockint.scoring.offline import lowered

    spec = concepts()
    text = lowered(question)
    framed = [(m.start(), m.end()) for m in spec.frame.finditer(text)]
    spans = [[(m.start(), m.end()) for m in asked.finditer(text)] for _name, asked, _answered in spec.same]
    by_groups: dict[tuple[int, ...], list[str]] = {}
    said: dict[tuple[int, ...], dict[str, None]] = {}  # the question's phrases for it, as the card names it
    for m in re.finditer(r"[a-z][a-z']+", text):
        # a possessive's word ends before its "'s": "your manager's decision" names a manager, though the phrase
        # matched may stop short of the "'s" ("manager", "with a patient")
        end = m.start() + len(m.group().removesuffix("'s").rstrip("'"))
        if m.group() in SCORER_STOPWORDS or any(a <= m.start() and end <= b for a, b in framed):
            continue
        covering = {i: [(a, b) for a, b in found if a <= m.start() and end <= b] for i, found in enumerate(spans)}
        groups = tuple(i for i, found in covering.items() if found)
        if groups:
            by_groups.setdefault(groups, []).append(m.group().removesuffix("'s"))
            a, b = max((span for i in groups for span in covering[i]), key=lambda span: span[1] - span[0])
            phrase = text[a:b].split()
            while len(phrase) > 1 and phrase[0] in SCORER_STOPWORDS:  # "of a patient": "patient"
                phrase.pop(0)
            said.setdefault(groups, {})[" ".join(phrase).removesuffix("'s")] = None
    return tuple(Concept(tuple(words), _word_vectors(words), tuple(spec.same[i][2] for i in groups), " / ".join(said[groups]))
                 for groups, words in by_groups.items())


def meet_concepts(question: str, answer_lower: str) -> tuple[list[str], list[str]]:
    """(the question's concepts the answer meets, those it never meets), each by the question's words for it. An
    answer meets one by a word of the coach's group for it ("relative": "his daughter", "the patient's son"), by
    one of the question's words, or by a word the static table puts within `close_at_least` of one ("manager":
    "supervisor")."""
    spec, asked = concepts(), question_concepts(question)
    if not asked:
        return [], []
    words = sorted(set(re.findall(r"[a-z][a-z']{2,}", answer_lower)))
    vectors = _word_vectors(words) if words else np.zeros((0, embedder().dims), dtype=np.float32)
    met, missed = [], []
    for concept in asked:
        close = float((vectors @ concept.vectors.T).max()) if words else 0.0
        meets = (close >= spec.close_at_least or any(group.search(answer_lower) for group in concept.same)
                 or any(re.search(rf"(?<!\w){re.escape(w)}", answer_lower) for w in concept.words))
        (met if meets else missed).append(concept.said)
    return met, missed


@dataclass(frozen=True)
class ReadingWords:
    """substance.yaml's word lists the offline scorer's cue readers read for every criterion (offline.read_unit, _named,
    _quantities, the relevance readings); what each is for is said above it in the file."""

    known_terms: frozenset[str]
    role_words: frozenset[str]
    unit_words: frozenset[str]
    vague_measures: frozenset[str]
    hedges: tuple[re.Pattern[str], ...]  # one pattern a hedge: each counts apart ("i think" and "kind of")
    habit_words: frozenset[str]
    habit_phrases: tuple[str, ...]  # `habits.phrases` and `habits.generic_you`, matched as written
    themes: dict[str, frozenset[str]]  # theme -> its words (a phrase's words one by one)
    stakes: re.Pattern[str]
    judgement: re.Pattern[str]
    plan_steps: re.Pattern[str]


READING_WORD_LISTS = ("known_terms", "role_words", "unit_words", "vague_measures")
HABIT_LISTS = ("words", "phrases", "generic_you")


def _plain_list(path: Path, where: str, value: object, *, one_word: bool) -> list[str]:
    """A list of lower-case words (`one_word`) or phrases matched as written: phrase_list's checks, and no `*` (these
    lists are not patterns, so a `*` would be read as a literal star and match nothing)."""
    from mockint.datafiles import phrase_list
    from mockint.errors import DataFileError

    words = phrase_list(path, where, value)
    for word in words:
        if "*" in word:
            raise DataFileError(f"{path}: `{where}` is matched as written, without *: not {word!r}")
        if one_word and len(word.split()) != 1:
            raise DataFileError(f"{path}: each of `{where}` must be one word, not {word!r}")
    return words


def _word_alternation(path: Path, where: str, value: object) -> re.Pattern[str]:
    """One pattern for a list of lower-case words or phrases, each matched as whole words, a trailing `*` letting the
    last word run on ("complain*": complaint, complained); a `*` anywhere else is refused."""
    from mockint.datafiles import phrase_list
    from mockint.errors import DataFileError

    parts = []
    for entry in phrase_list(path, where, value):
        word = entry.removesuffix("*")
        if "*" in word:
            raise DataFileError(f"{path}: `{where}` may have * only at the end of an entry: not {entry!r}")
        parts.append(" ".join(map(re.escape, word.split())) + (r"\w*" if word != entry else ""))
    return re.compile(r"\b(" + "|".join(parts) + r")\b")


@lru_cache(maxsize=4)
def _reading_words_data(path_text: str, _mtime: int) -> ReadingWords:
    from mockint.datafiles import read_yaml_mapping
    from mockint.errors import DataFileError

    path = Path(path_text)
    data = read_yaml_mapping(path, "substance file", schema_version=1)
    lists = {name: frozenset(_plain_list(path, name, data.get(name), one_word=True)) for name in READING_WORD_LISTS}
    habits = data.get("habits")
    if not isinstance(habits, dict):
        raise DataFileError(f"{path}: `habits` must map {', '.join(HABIT_LISTS)} to lists")
    habit = {name: _plain_list(path, f"habits.{name}", habits.get(name), one_word=name == "words") for name in HABIT_LISTS}
    themes = data.get("themes")
    if not isinstance(themes, dict) or not themes:
        raise DataFileError(f"{path}: `themes` must map theme names to lists of words")
    for name in themes:
        if not isinstance(name, str) or not re.fullmatch(r"[a-z]+", name):
            raise DataFileError(f"{path}: theme name {name!r} must be one lower-case word (a question's word starts it)")
    hedges = _plain_list(path, "hedges", data.get("hedges"), one_word=False)
    return ReadingWords(
        **lists,
        hedges=tuple(re.compile(rf"\b{re.escape(h)}\b") for h in hedges),
        habit_words=frozenset(habit["words"]),
        habit_phrases=tuple(habit["phrases"] + habit["generic_you"]),
        themes={name: frozenset(w for phrase in _plain_list(path, f"themes.{name}", words, one_word=False)
                                for w in phrase.split())
                for name, words in themes.items()},
        stakes=_word_alternation(path, "stakes", data.get("stakes")),
        judgement=_word_alternation(path, "judgement", data.get("judgement")),
        plan_steps=_word_alternation(path, "plan_steps", data.get("plan_steps")),
    )


def reading_words() -> ReadingWords:
    """substance.yaml's `known_terms`, `role_words`, `unit_words`, `vague_measures`, `hedges`, `habits`, `themes`,
    `stakes`, `judgement` and `plan_steps`, read once per edit of the file."""
    return _reading_words_data(*_substance_file())
