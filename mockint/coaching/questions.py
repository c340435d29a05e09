"""The question bank (rubrics/questions.yaml) and choosing questions from it.

The bank is data a coach edits without Python: questions with their category, competencies
and rubric criteria, the questions worth asking the interviewer, and per-competency advice on
proof to bring to round two. This module loads and validates it, filters it, tailors a
selection to a role or pasted job description, and measures how alike two questions are.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import Field, ValidationError

from mockint.datafiles import raise_problems, read_yaml_mapping
from mockint.errors import DataFileError, UsageError
from mockint.records import NO_QUESTION, Model, QuestionRef
from mockint.resources import resource_dir
from mockint.scoring.kinds import QuestionKind, classify
from mockint.scoring.lexicon import STOPWORDS
from mockint.scoring.rubrics import CriterionKey, Rubric, criteria_by_key

BANK_FILE = "questions.yaml"
BANK_SCHEMA_VERSION = 1
# Token-overlap (Jaccard) at or above this makes two questions near-duplicates.
NEAR_DUPLICATE = 0.6

# Words every job description uses; they say nothing about this particular role.
JD_NOISE = frozenset(
    """ability able apply applicant applicants candidate candidates company description desired duties
    employer equal etc including job join looking opportunity plus position preferred qualifications
    requirements required responsibilities responsible role salary strong successful team's years year
    work working well we're you'll you're will must bonus benefits offer location based day days week weeks
    excellent good great new using use used within across etc. e.g. i.e. minimum least related relevant
    experience experienced senior junior skills skill knowledge familiarity proven track record sure make
    making ensure ensuring""".split()
)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+#./-]*[A-Za-z0-9+#]|[A-Za-z]")


def tokens(text: str) -> list[str]:
    """Lower-case content words, lightly stemmed (plural 's' dropped), stopwords removed."""
    out = []
    for raw in _TOKEN.findall(text.lower()):
        word = raw.strip(".-/")
        if len(word) < 2 or word in STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word)
    return out


def similarity(a: str, b: str) -> float:
    """Token-overlap (Jaccard) similarity of two questions, 0..1."""
    ta, tb = set(tokens(a)), set(tokens(b))
    if not ta or not tb:
        return 1.0 if a.strip().lower() == b.strip().lower() else 0.0
    return len(ta & tb) / len(ta | tb)


def is_near_duplicate(text: str, others: Iterable[str], threshold: float = NEAR_DUPLICATE) -> bool:
    return any(similarity(text, other) >= threshold for other in others)


# --- the bank's data model -------------------------------------------------------------


class Competency(Model):
    name: str
    keywords: list[str] = Field(default_factory=list)
    proof_points: list[str] = Field(default_factory=list, description="tangible evidence to bring to round two")
    about_you: bool = Field(default=False, description="about the candidate (motivation, goals), not the team's work")


class Question(Model):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$")
    text: str = Field(min_length=10)
    category: str
    competencies: list[str] = Field(min_length=1)
    criteria: list[CriterionKey] = Field(min_length=1, description="'rubric.criterion' ids")
    keywords: list[str] = Field(default_factory=list)
    kind: str | None = Field(default=None, description="answer kind; filled from the bank's kinds when loaded")

    def ref(self, **extra: object) -> QuestionRef:
        return QuestionRef(
            id=self.id,
            text=self.text,
            category=self.category,
            kind=self.kind,
            competencies=list(self.competencies),
            criteria=list(self.criteria),
            source="bank",
            **extra,  # type: ignore[arg-type]
        )


class QuestionToAsk(Model):
    text: str
    why: str = ""
    topic: str = ""


class RoundAdvice(Model):
    """What the round summary and the report tell the candidate about the round as a whole."""

    retold: str = Field(default="", description="said after 'aNN tells the story of aMM again': what to do about it")


class JobDescriptionQuestion(Model):
    """A knowledge question on a term of the job description (the bank's `from_job_description`)."""

    text: str = Field(min_length=10, pattern=r"\{term\}", description="the question, {term} where the term goes")
    at_most: int = Field(default=1, ge=0, description="how many questions of a round it may replace")


class QuestionBank(Model):
    schema_version: int = BANK_SCHEMA_VERSION
    kinds: dict[str, QuestionKind] = Field(default_factory=dict, description="answer kinds: criteria and patterns")
    categories: dict[str, str]
    competencies: dict[str, Competency]
    questions: list[Question]
    questions_to_ask: list[QuestionToAsk] = Field(default_factory=list)
    round_advice: RoundAdvice = Field(default_factory=RoundAdvice)
    from_job_description: JobDescriptionQuestion | None = None

    def get(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def filter(
        self,
        *,
        category: str | None = None,
        competency: str | None = None,
        search: str | None = None,
    ) -> list[Question]:
        """Questions matching every filter given; `search` matches words in text, id or competency names.
        A search of stopwords only ("why", "why us") has no content word to match: the words
        typed are matched as a whole-word phrase instead, so it still narrows the list."""
        wanted = set(tokens(search)) if search else set()
        phrase = None
        if search and not wanted:
            typed = re.findall(r"[\w'-]+", search.lower())
            phrase = re.compile(r"\b" + r"\W+".join(map(re.escape, typed)) + r"\b", re.I) if typed else None
        out = []
        for q in self.questions:
            if category and q.category != category:
                continue
            if competency and competency not in q.competencies:
                continue
            if search:
                haystack = " ".join([q.text, q.id, *q.competencies, *(self.competency_name(c) for c in q.competencies)])
                if phrase is not None:
                    if not phrase.search(haystack):
                        continue
                elif search.lower() not in haystack.lower() and not (wanted and wanted <= set(tokens(haystack))):
                    continue
            out.append(q)
        return out

    def competency_name(self, competency_id: str) -> str:
        comp = self.competencies.get(competency_id)
        return comp.name if comp else competency_id.replace("_", " ")

    def about_the_team(self, name: str) -> bool:
        """Whether a competency, by name, is about the team's work, not about the candidate (`about_you`)."""
        return not any(comp.about_you for comp in self.competencies.values() if comp.name == name)

    def proof_points(self, competency_id: str) -> list[str]:
        comp = self.competencies.get(competency_id)
        return list(comp.proof_points) if comp else []

    def competencies_for_text(self, text: str, limit: int = 3) -> list[str]:
        """Competencies whose keywords appear in `text`, best match first (for notes and job descriptions)."""
        words = set(tokens(text))
        lowered = text.lower()
        scores: dict[str, int] = {}
        for cid, comp in self.competencies.items():
            hits = 0
            for kw in comp.keywords:
                kw_l = kw.lower()
                if " " in kw_l or "-" in kw_l:
                    hits += 2 * (kw_l in lowered)  # "people management" says more than "management"
                else:
                    hits += bool(set(tokens(kw_l)) & words)
            if hits:
                scores[cid] = hits
        return [c for c, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]


# --- loading and validation -------------------------------------------------------------


def bank_path() -> Path:
    return resource_dir("rubrics") / BANK_FILE


# The bank's category ids are spelled the American way ("behavioral"); the README and the scorecards say "behavioural".
CATEGORY_SPELLINGS = {"behavioural": "behavioral"}


def bank_category(name: str) -> str:
    """The bank's id for a category as a user may spell it (`--category behavioural`)."""
    return CATEGORY_SPELLINGS.get(name.lower(), name)


def load_bank(path: Path | None = None) -> QuestionBank:
    """Load and validate the question bank; one-line DataFileError naming the file on any problem."""
    path = path or bank_path()
    data = read_yaml_mapping(path, "question bank", schema_version=BANK_SCHEMA_VERSION)
    try:
        bank = QuestionBank.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _describe_location(data, first["loc"])
        raise DataFileError(f"{path}: invalid question bank at {where}: {first['msg']}") from None
    for q in bank.questions:
        q.kind = q.kind or next((k for k, spec in bank.kinds.items() if q.category in spec.categories), None)
        q.kind = q.kind or (classify(q.text, bank.kinds) if bank.kinds else None)
    raise_problems(path, bank_problems(bank))
    return bank


def _describe_location(data: dict, loc: Sequence[object]) -> str:
    """'questions[3] (beh.conflict).text' rather than 'questions.3.text'."""
    parts: list[str] = []
    node: object = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list):
            item = node[step] if step < len(node) else None
            label = f"[{step}]"
            if isinstance(item, dict) and item.get("id"):
                label += f" ({item['id']})"
            parts.append(label)
            node = item
        else:
            parts.append(("." if parts else "") + str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts) or "top level"


def bank_problems(bank: QuestionBank, rubrics: Sequence[Rubric] | None = None) -> list[str]:
    """Everything wrong with the bank: duplicate ids, near-duplicate texts, unknown categories or
    competencies, and (when `rubrics` are given) criteria that no rubric defines."""
    problems: list[str] = []
    seen: dict[str, Question] = {}
    for q in bank.questions:
        if q.id in seen:
            problems.append(f"duplicate question id '{q.id}'")
        seen[q.id] = q
        if q.category not in bank.categories:
            problems.append(f"question '{q.id}': unknown category '{q.category}' (known: {', '.join(bank.categories)})")
        for comp in q.competencies:
            if comp not in bank.competencies:
                problems.append(f"question '{q.id}': unknown competency '{comp}'")
    for i, a in enumerate(bank.questions):
        for b in bank.questions[i + 1 :]:
            if similarity(a.text, b.text) >= NEAR_DUPLICATE:
                problems.append(f"questions '{a.id}' and '{b.id}' are near-duplicates")
    if rubrics is not None:
        known = criteria_by_key(rubrics)
        for q in bank.questions:
            for key in q.criteria:
                if key not in known:
                    problems.append(f"question '{q.id}': criterion '{key}' is in no rubric")
    return problems


# --- job descriptions and selection -----------------------------------------------------


# What a job description's distinctive terms look like (extract_keywords).
_TERM = re.compile(r"[A-Za-z][A-Za-z0-9+#'’./-]*[A-Za-z0-9+#]|[A-Za-z]|\b\d+[A-Za-z][A-Za-z0-9]*\b")
# Numbers with a unit or an ordinal are no terms ("9am", "4km", "3rd"); "12d", "5G", "3D" are.
_MEASURE = re.compile(r"\d+(?:am|pm|th|st|nd|rd|km|m|mm|cm|kg|g|k|s|hr|hrs|h|mins?|yrs?|x)", re.I)
_START = re.compile(r"(?:^|[\n.!?:;(\[]|(?:^|\n)\s*(?:[-*•·–—>]+|\d{1,2}[.)]))[\s\W]*$")
_JOINERS = {"of", "for", "&"}  # not "and": "Python and SQL" are two names
_STANDARD_NUMBER = re.compile(r" \d{3,}(?:[-:]\d+)*\b")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)
MAX_NAME_WORDS = 5


def extract_keywords(job_description: str, limit: int | None = 60) -> list[str]:
    """The role's distinctive terms first, then its most frequent words, in their own spelling.

    Used to bias transcription toward the role's vocabulary (Whisper's hotwords take the first
    ones that fit its 120-token cap, so `limit` is set past it) and to tailor question selection
    (`limit=None`: every term). Distinctive, in this order:
    acronyms and words with inner capitals or digits (NEWS2, CQC, SafeCare, NEC4); names, capitalised
    away from a sentence start, as one term when several run together ("Viewpoint Field View",
    "Mental Capacity Act"); hyphenated terms with the noun after them ("nurse-led discharge"); words
    an English lexicon does not know (Datix, dbt, tachograph). Then ordinary words, most frequent
    first. Before, the first 30 words in order went in: a ward manager's job description gave
    "ward, manager, lead, medical, team..." and left out Datix, NEWS2, SafeCare, HealthRoster, CQC.
    """
    from mockint.coaching.phrases import word_classes

    found = list(_TERM.finditer(job_description))
    starts = [bool(_START.search(job_description[max(0, m.start() - 12): m.start()])) for m in found]
    surfaces = [m.group(0).strip(".-/'’") for m in found]
    lowered_seen = {w for w in surfaces if w.islower()}
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    spellings: dict[str, Counter[str]] = {}
    tiers: dict[str, int] = {}
    covered: set[str] = set()  # single words inside a longer name or term

    def add(term: str, tier: int, position: int) -> None:
        key = term.lower()
        counts[key] += 1
        first_seen.setdefault(key, position)
        spellings.setdefault(key, Counter())[term] += 1
        tiers[key] = min(tiers.get(key, tier), tier)

    def content(word: str) -> bool:
        key = word.lower()
        return len(key) >= 2 and key not in STOPWORDS and key not in JD_NOISE and not key.isdigit() and not _MEASURE.fullmatch(key)

    def named(i: int) -> bool:  # a name or acronym, not an ordinary word capitalised at a sentence start
        word = surfaces[i]
        return word[:1].isupper() and (_coded(word) or not starts[i] or word.lower() not in lowered_seen and not word_classes(word))

    i = 0
    while i < len(found):
        word = surfaces[i]
        # A standard's code and number, an ordinal edition: "BS 7671", "ISO 9001", "18th Edition" (an electrician's
        # job description gave "BS" and "Edition")
        number = _STANDARD_NUMBER.match(job_description, found[i].end()) if word.isupper() and len(word) >= 2 else None
        edition = (not number and _ORDINAL.fullmatch(word) and i + 1 < len(found) and surfaces[i + 1][:1].isupper()
                   and job_description[found[i].end():found[i + 1].start()] == " ")
        if number or edition:
            last = i + 1 if edition else i
            add(word + (number.group(0) if number else " " + surfaces[last]), 2, last)
            covered.add(word.lower())
            i = last + 1
            continue
        # A run of capitalised words (with "of", "for", "&" inside): one name.
        j = i
        while j < len(found) and (surfaces[j][:1].isupper() or (surfaces[j].lower() in _JOINERS and j > i)) and j - i < MAX_NAME_WORDS:
            if j > i and found[j].start() - found[j - 1].end() > 1:
                break  # punctuation between them
            j += 1
        while j > i and surfaces[j - 1].lower() in _JOINERS:
            j -= 1
        run = [k for k in range(i, j) if surfaces[k].lower() not in _JOINERS]
        # "Producing RAMS": a sentence's first word is no part of the name; "Head of Science", joined to
        # the next capitalised word by "of" or "for", is (trial 4's role keywords were "Science").
        # Only a word that cannot name anything ("Producing", "Strong"): "Clinical Team Leader" and "Ward
        # Manager" as a role are names whole (trial 5's role keywords were "Team Leader", trial 5's questions generic).
        if run and not named(run[0]) and len(run) >= 2 and run[1] == run[0] + 1 and _leads_in(surfaces[run[0]]):
            i, run = run[1], run[1:]
            word = surfaces[i]
        if len(run) >= 2 and any(named(k) for k in run) and any(content(surfaces[k]) for k in run):
            number = _STANDARD_NUMBER.match(job_description, found[j - 1].end())  # "BS EN 60900"
            add(job_description[found[i].start(): found[j - 1].end()].strip(".-/") + (number.group(0) if number else ""), 2, i)
            covered.update(surfaces[k].lower() for k in run)
            i = j
            continue
        if "-" in word.strip("-") and all(part.isalpha() for part in word.split("-")):
            nxt = surfaces[i + 1] if i + 1 < len(found) and found[i + 1].start() - found[i].end() == 1 else ""
            takes_noun = bool(nxt) and content(nxt) and "NOUN" in word_classes(nxt)
            add(f"{word} {nxt}" if takes_noun else word, 3, i)
            i += 2 if takes_noun else 1
            continue
        if content(word) and (len(word) >= 3 or word.isupper()):
            if _coded(word):
                tier = 1
            elif named(i):
                tier = 2
            elif not word_classes(word):
                tier = 3
            else:
                tier = 4
            add(word, tier, i)
        i += 1
    # Within a tier, the repeated first, then in order: ordered by length instead (rarer words first),
    # fewer of the made-up job descriptions' terms reached Whisper (23 of 32 against 26).
    ranked = sorted((k for k in counts if not (tiers[k] == 4 and k in covered)), key=lambda k: (tiers[k], -counts[k], first_seen[k]))
    # An ordinary word is written in lower case ("Manage" opened a line); a name keeps its spelling.
    return [key if tiers[key] == 4 else spellings[key].most_common(1)[0][0] for key in ranked[:limit]]


def _leads_in(word: str) -> bool:
    """A sentence's first word that is no part of the name after it: a verb ("Producing RAMS") or a
    job-advert word ("Strong Communication Skills"), not an adjective or noun ("Clinical", "Ward")."""
    from mockint.coaching.phrases import word_classes

    return word.lower() in JD_NOISE or word_classes(word) <= {"VERB", "AUX"}


def _coded(word: str) -> bool:
    """An acronym or code: two capitals (CQC, SuDS, HealthRoster) or letters with digits (NEWS2, NEC4)."""
    return sum(c.isupper() for c in word) >= 2 or (any(c.isdigit() for c in word) and any(c.isalpha() for c in word))


def relevance(question: Question, keywords: Iterable[str], bank: QuestionBank) -> float:
    """How well a question fits the role: keyword hits in its text (1 each) and in its competencies' keywords (2 each)."""
    wanted = {t for kw in keywords for t in tokens(kw)}
    if not wanted:
        return 0.0
    text_hits = len(wanted & set(tokens(" ".join([question.text, *question.keywords]))))
    comp_words = {t for c in question.competencies for kw in bank.competencies[c].keywords for t in tokens(kw)}
    return text_hits + 2 * len(wanted & comp_words)


def select_questions(
    bank: QuestionBank,
    n: int,
    *,
    category: str | None = None,
    role: str | None = None,
    job_description: str | None = None,
    exclude_ids: Iterable[str] = (),
    exclude_texts: Iterable[str] = (),
    seed: int | None = None,
) -> list[QuestionRef]:
    """Choose `n` questions, tailored to the role / job description when given.

    Questions are ranked by keyword relevance (ties broken by a seeded shuffle, so the same seed
    gives the same round), then picked so competencies and categories vary: a question whose
    competencies are all already covered waits until nothing fresher is left. Without a
    category filter, a round opens with behavioral questions and mixes in motivation/fit. With a job
    description, one question (the bank's `from_job_description`) asks about one of its own terms.
    """
    if n <= 0:
        return []
    if category and category not in bank.categories:
        raise DataFileError(f"unknown category '{category}'", hint=f"known: {', '.join(bank.categories)}")
    excluded = set(exclude_ids)
    asked_texts = list(exclude_texts)
    pool = [
        q
        for q in bank.questions
        if q.id not in excluded
        and (category is None or q.category == category)
        and not is_near_duplicate(q.text, asked_texts)
    ]
    keywords = extract_keywords(" ".join(filter(None, [role, job_description])), limit=None)
    rng = random.Random(seed)
    shuffled = pool[:]
    rng.shuffle(shuffled)
    order = {q.id: i for i, q in enumerate(shuffled)}
    scored = sorted(pool, key=lambda q: (-relevance(q, keywords, bank), order[q.id]))

    chosen: list[Question] = []
    covered: set[str] = set()
    category_counts: Counter[str] = Counter()
    # Without a category filter, aim for roughly 60% behavioral, the rest spread over the others.
    behavioral_share = 0.6 if category is None else 1.0
    while scored and len(chosen) < n:
        def freshness(q: Question) -> tuple[int, int]:
            new_comps = len(set(q.competencies) - covered)
            behavioral_due = category_counts["behavioral"] < behavioral_share * (len(chosen) + 1)
            category_fit = 1 if (q.category == "behavioral") == behavioral_due or category else 0
            return (category_fit, min(new_comps, 1))

        best = max(scored, key=lambda q: freshness(q))  # max keeps the first (most relevant) among equals
        chosen.append(best)
        scored.remove(best)
        covered.update(best.competencies)
        category_counts[best.category] += 1
    refs = [q.ref(rationale=_match_note(q, keywords, bank)) for q in chosen]
    if job_description and bank.from_job_description is not None:
        # in place of a knowledge question that touches none of its words, else of the round's least fitting question
        # past the first (a round of stories with no question on the job itself)
        fit = {i: relevance(q, keywords, bank) for i, q in enumerate(chosen)}
        untouched = [i for i, q in enumerate(chosen) if q.category == "technical" and not fit[i]]
        untouched += sorted((i for i in fit if i > 0 and i not in untouched), key=lambda i: (fit[i], -i))
        asks = bank.from_job_description.text
        # asked before: its id, or its exact words (any two of these questions are near duplicates of each other)
        terms = [k for k in keywords if _ASKABLE_TERM.fullmatch(k) and _description_id(k) not in excluded
                 and asks.format(term=k) not in asked_texts]
        for i, term in zip(untouched[: bank.from_job_description.at_most], terms):
            refs[i] = _on_the_description(bank, term)
    return refs


# A job description's term a knowledge question can be asked on: an acronym of three letters or more ("NRR", "QBRs").
_ASKABLE_TERM = re.compile(r"[A-Z][A-Z0-9]{2,5}s?")


def _description_id(term: str) -> str:
    return "jd." + re.sub(r"[^a-z0-9]+", "_", term.lower()).strip("_")


def _on_the_description(bank: QuestionBank, term: str) -> QuestionRef:
    kind = bank.kinds.get("technical")
    return QuestionRef(
        id=_description_id(term),
        text=bank.from_job_description.text.format(term=term),  # type: ignore[union-attr]
        category="technical", kind="technical", competencies=["technical_expertise"],
        criteria=list(kind.criteria) if kind else [], source="custom",
        rationale=f"fits the role: {term}, a term of the job description",
    )


def _match_note(question: Question, keywords: Sequence[str], bank: QuestionBank) -> str | None:
    """Which of the role's keywords this question touches, for the 'why this question' line."""
    if not keywords:
        return None
    words = set(tokens(" ".join([question.text, *question.keywords])))
    words |= {t for c in question.competencies for kw in bank.competencies[c].keywords for t in tokens(kw)}
    hits = [kw for kw in keywords if set(tokens(kw)) & words]
    return f"fits the role: {', '.join(hits[:5])}" if hits else None


# A typed question this alike to a bank question (token overlap after stopwords) is that question.
SAME_QUESTION = 0.5


def match_question(text: str, bank: QuestionBank) -> Question | None:
    """The bank question `text` asks, when it is one (reworded or trimmed), else None."""
    wanted = " ".join(text.split()).lower()
    best = max(bank.questions, key=lambda q: similarity(text, q.text), default=None)
    if best is None:
        return None
    if best.text.lower() == wanted or similarity(text, best.text) >= SAME_QUESTION:
        return best
    return None


def check_readable(text: str, label: str) -> None:
    """A UsageError unless a typed question has a word of English in it ("what", "tell", "team"): "asdf qwerty" or
    "???" pasted by mistake has none, and a trial's story was scored 92 and strong against it, relevance 3 of 4."""
    from mockint.scoring.lexicon import STOPWORDS, word_classes

    if not any(w in STOPWORDS or word_classes(w) for w in re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())):
        raise UsageError(f"{label}: \"{' '.join(text.split())}\": no word in it reads as English",
                         hint="give the question as it is asked")


def question_ref(text: str, bank: QuestionBank | None = None, kind: str | None = None) -> QuestionRef:
    """What mockint knows about a question given as text: the bank question it is, or a custom
    question judged on the criteria of its kind (scoring.kinds). `kind`, when the user names one,
    replaces what the bank or the wording says: the question is judged on that kind's criteria."""
    from mockint.scoring.kinds import criteria_for, load_kinds
    from mockint.scoring.spelling import as_read

    # A typo switched every reading of a typed question off ("Waht would you do if..." read as a story): its misspelt
    # words are read as the words they are closest to, before the bank, the kinds or the scorer read it.
    text = as_read(" ".join(text.split()))
    found = match_question(text, bank) if bank is not None and text else None
    kinds = bank.kinds if bank is not None and bank.kinds else load_kinds()
    if found is not None:
        ref = found.ref()
    else:
        guessed, criteria = criteria_for(text, kinds)
        ref = QuestionRef(id="custom", text=text or NO_QUESTION, category="custom", kind=guessed, criteria=criteria, source="custom")
    return ref if kind is None else with_kind(ref, kind, kinds)


def with_kind(ref: QuestionRef, kind: str, kinds: dict[str, QuestionKind]) -> QuestionRef:
    """`ref` judged as the kind the user named (UsageError for a kind the table does not have)."""
    from mockint.scoring.kinds import kind_named

    name = kind_named(kind, kinds)
    return ref.model_copy(update={"kind": name, "criteria": list(kinds[name].criteria)})
