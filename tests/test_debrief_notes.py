"""The debrief parser on round-one notes written as candidates write them.

Three sets, each a YAML file in tests/data with the topics a reader takes from each note:
  - debrief_notes.yaml (17 notes): written BEFORE the parser existed, by its author (no separate
    writer could be had); the parser was then developed against it: 16 of 17 read as expected.
  - debrief_notes_heldout.yaml (8): written after, in styles the first set lacks (Slack quotes,
    +/- lists, speaker labels, tables, diary prose). First run: 0 of 8, 6 sure topics wrong, so
    the first set had been overfitted; the fixes were general (a verb before a preposition is a
    cue, a label naming no topic is skipped, a heading's verdict is for its items, ...): 8 of 8.
  - debrief_notes_fresh.yaml (6): written after that, measured before any change: 1 of 6, 3 sure
    topics wrong; after shorthand ('abt', 'w/'), role subjects ('tech lead asked') and quoted
    questions: 2 of 6, 1 sure wrong (a single "follow-up" counted as coming back to it).
  - debrief_notes_trial3.yaml (4): written for trial 3's dropped and distorted topics (a clause after
    the noun, "what I'd do about X", "Not sure I answered it", an inline "- Fell flat: X" label, a
    capitalised adjective before a gerund), in four occupations the others lack, before the parser was
    changed: 0 of 4 (8 topics missed or wrong); after general fixes (a relative clause is part of the
    noun phrase, an inline label is for its own item, a sentence's own verdict beats its heading's,
    a bare -ing word is no cue verb): 4 of 4, the other sets unchanged.
  - debrief_notes_trial4.yaml (4): trial 4's own notes (Head of Science) and the same kinds of line by a
    ward sister, a transport manager and a financial controller, written before the parser was changed:
    0 of 4 (a role as the subject, "seemed unconvinced about", the help's own "Q: How would you X ->
    weak" cut to "raise attainment"). After general fixes (any role before an explicit cue, a doubt
    said without a negation, a Q: question names its doing, a comparison after a noun is part of it,
    "twice my age" is no repeat): 4 of 4, the other sets unchanged. The fixes were made against this
    set, so it is not held out.
  - debrief_notes_trial5.yaml (4): trial 5's notes (Clinical Team Leader), against which the parser was
    changed (an admission of no answer, no experience or forgetting is bad beside a "fine"; a verdict word
    is no topic; "keeping crews available" keeps its adjective; a summary line "weak on X" names X; a
    quoted follow-up "and then?" is on the topic before), then three in other jobs written after that
    change and measured once before any other: 0 of 3 (2 sure topics wrong: "keeping staff" cut,
    a follow-up read as a question); after general fixes 4 of 4, the other sets unchanged.
  - debrief_notes_trial6.yaml (4): trial 6's own notes (Area Manager) and three in other jobs with the same
    kinds of line (matron, head of engineering, deputy head), written before the parser was changed: 0 of 4
    ("asked twice about X rather than Y - I kept giving store examples" dropped or cut, "Wage budget
    question: I waffled" read as a heading of questions, "Q: X -> fine" after an inline "Fell flat: Y" label
    read as both). After general fixes (a contrast after a noun is part of it, "I kept giving..." is bad, a
    cued clause is never a label, "<topic> question: <verdict>" is a topic, a line's own verdict beats the
    heading's): 4 of 4, the other sets unchanged. The fixes were made against this set: not held out.
  - debrief_notes_trial16.yaml (1): trial 16's own notes (senior pharmacy technician): 0 of 1 before (a name as the
    topic of "Maureen came back again to training", "round 2 will have a scenario + they'll probe on ..." no topic,
    a hand-ended line joined to the next, "said "good reputation"" read as went fine, "didnt think I had enough
    supervisory experience" no doubt, "strong on technical" no topic); after general fixes 1 of 1, the other sets
    unchanged. Not held out.
  - debrief_notes_trial17.yaml (1): trial 17's own notes (assistant head): 0 of 1 before and after. Fixed against it: a
    line that says it went well opens no feedback area ("why us - ok"), "a bit general" and "didnt quote any figures"
    are feedback, "expect something on X" forewarns, "PP gap" is no career gap, a question asked then a long comment is
    split from it (the whole line had been the topic's name); still wrong: "X / Y" read as one topic, "curriculum /
    sequencing question fine I think" no topic, "my answers on data" feedback but no topic.
  - debrief_notes_trial19.yaml (3): trials 19-21's own notes (warehouse, finance, support), their expected topics written
    before any change: 0 of 3, 7 sure topics wrong (interviewers' names "Gareth" and "didnt" as weak areas, "CHECK", "2",
    "end", "2nd time" as topics, "asked twice how i dealt with a poor performer" and a "technical section on variances"
    dropped). After general fixes (a name the notes give a person is no topic, nor a time, count or note to oneself;
    "asked twice how ..." keeps its "how"; "what I talked about" is no topic asked; "X section on Y" in a line about the
    next round forewarns Y; "2 or 3 times"): 2 of 3, 1 sure wrong ("firefighting", from a quote), the other sets
    unchanged. Not held out.
  - debrief_notes_fresh2.yaml (6): written by a helper session that never saw the parser (six occupations), held out:
    stop 32's parser read 0 of 6 as expected with 16 sure topics wrong, stop 33's 0 of 6 with 14; not tuned on.
So on notes in a style it has not seen, expect about one note in three to read exactly right;
what it is not sure of it asks about (`mockint debrief`), and with --yes leaves out.

Per note, "as expected" means: every topic it proposes (sure or not) has an expected name, the
right went-badly and came-back-to flags, and none is missing. The floors below are what this
parser reaches; raise them when it improves, never lower them to let a change through.
Run `python tests/test_debrief_notes.py` to see every miss.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from mockint.coaching.debrief import parse_debrief
from mockint.coaching.questions import load_bank

DATA = Path(__file__).parent / "data"
BANK = load_bank()
# file -> (notes read as expected at least, sure topics wrong at most)
FLOORS = {
    "debrief_notes.yaml": (16, 0),
    "debrief_notes_heldout.yaml": (8, 0),
    "debrief_notes_fresh.yaml": (2, 1),
    "debrief_notes_trial3.yaml": (4, 0),
    "debrief_notes_trial4.yaml": (4, 0),
    "debrief_notes_trial5.yaml": (4, 0),
    "debrief_notes_trial6.yaml": (4, 0),
    "debrief_notes_trial16.yaml": (1, 0),
    "debrief_notes_trial17.yaml": (0, 0),
    "debrief_notes_trial19.yaml": (2, 1),
    "debrief_notes_fresh2.yaml": (0, 10),  # 14 -> 10: stop 40's purser's notes ("asked how I would handle X, I ...")
    "debrief_notes_trial22.yaml": (0, 0),  # misses "Datix" in "forgot to say Datix!!" ("say" as "mention" broke others)
}
SETS = {name: yaml.safe_load((DATA / name).read_text(encoding="utf-8")) for name in FLOORS}
NOTES = [entry for notes in SETS.values() for entry in notes]


def normal(name: str) -> str:
    name = re.sub(r"\s+", " ", name.lower()).strip(" .,:;-")
    return re.sub(r"^(?:the|a|an|my|our) ", "", name)


def _expected(entry: dict) -> dict[str, tuple[set[str], bool, bool]]:
    """first alternative -> (all acceptable names, went badly, came back to)."""
    def names(group):
        return {normal(n) for n in group}

    weak = [names(g) for g in entry["weak"]]
    repeated = [names(g) for g in entry["repeated"]]
    return {g[0]: (names(g), names(g) in weak, names(g) in repeated) for g in entry["topics"]}


def grade(entry: dict) -> tuple[bool, list[str], int]:
    """(read as expected, problems, sure topics that are wrong)."""
    debrief = parse_debrief(entry["notes"], BANK)
    expected = _expected(entry)
    problems, sure_wrong, matched = [], 0, set()
    for topic in debrief.topics:
        if topic.reason == "inferred":
            continue
        key = next((k for k, (alts, _, _) in expected.items() if normal(topic.name) in alts), None)
        flags = (topic.went_badly, topic.mentions >= 2)
        if key is None:
            problems.append(f"unexpected topic {topic.name!r}{'' if topic.sure else ' (unsure)'}")
            sure_wrong += topic.sure
            continue
        matched.add(key)
        if flags != expected[key][1:]:
            problems.append(f"{topic.name!r}: went badly/came back {flags}, expected {expected[key][1:]}")
            sure_wrong += topic.sure
    problems += [f"missed {k!r}" for k in expected if k not in matched]
    return not problems, problems, sure_wrong


def test_at_least_15_varied_notes_written_before_the_parser():
    first = SETS["debrief_notes.yaml"]
    assert len(first) >= 15 and len({n["id"] for n in NOTES}) == len(NOTES)


@pytest.mark.parametrize("name", list(FLOORS))
def test_notes_read_as_expected(name):
    results = {entry["id"]: grade(entry) for entry in SETS[name]}
    as_read = sum(ok for ok, _, _ in results.values())
    sure_wrong = sum(wrong for _, _, wrong in results.values())
    report = "\n".join(f"{nid}: {'; '.join(p)}" for nid, (ok, p, _) in results.items() if not ok)
    floor, ceiling = FLOORS[name]
    assert as_read >= floor, f"{as_read}/{len(results)} read as expected\n{report}"
    assert sure_wrong <= ceiling, f"{sure_wrong} sure topics wrong\n{report}"


# Held-out notes (debrief_notes_fresh2.yaml, not tuned on) where an unsure topic is still named by the line it came from: a
# quoted question ("we use Power BI a lot, how comfortable are you", "how would u lead curriculum change in your phase")
# or a clause ("dispute with a subbie that went to adjudication"). The CLI asks about each; fixing them here would tune
# the parser on the set that measures it.
SHAPE_KNOWN_MISSES = dict.fromkeys({"fresh2_data_analyst", "fresh2_quantity_surveyor", "fresh2_assistant_head"},
                                   "held-out note: an unsure topic named by its whole line")
# "why I want to move into a band 5 role" is read "wanting to move into a band 5 role": eight words, the reason as said
SHAPE_KNOWN_MISSES["trial22_pharmacy_technician"] = "a reason for applying named in eight words"


@pytest.mark.parametrize("entry", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=SHAPE_KNOWN_MISSES[n["id"]]))
    if n["id"] in SHAPE_KNOWN_MISSES else n for n in NOTES], ids=[n["id"] for n in NOTES])
def test_every_topic_is_a_short_noun_phrase(entry):
    for topic in parse_debrief(entry["notes"], BANK).topics:
        words = topic.name.split()
        # A relative clause ("staff who used to be my friends") is part of the noun phrase; its head is short.
        at = next((i for i, w in enumerate(words) if i and w.lower() in ("who", "that", "which", "whom", "whose")), len(words))
        assert 1 <= at <= 7 and len(words) - at <= 8, topic.name
        assert not re.search(r"[.!?;]\s", topic.name) and not topic.name.endswith((".", ",", "?")), topic.name
        assert not {w.lower() for w in words} & {"i", "i've", "he", "she", "they", "we", "was", "went", "didn't"}, topic.name


if __name__ == "__main__":
    for name, notes in SETS.items():
        total_ok = total_wrong = 0
        for entry in notes:
            ok, problems, wrong = grade(entry)
            total_ok += ok
            total_wrong += wrong
            print(f"{'ok ' if ok else 'BAD'} {entry['id']}: {'; '.join(problems)}")
            if not ok:
                for t in parse_debrief(entry["notes"], BANK).topics:
                    print(f"      {t.name!r} {t.reason} badly={t.went_badly} x{t.mentions} sure={t.sure} {t.doubt or ''}")
        print(f"{name}: {total_ok}/{len(notes)} read as expected; {total_wrong} sure topics wrong\n")
