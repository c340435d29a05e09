"""Trial 62: a licensed aircraft engineer, an education welfare officer, a recruitment consultant and a hospital
facilities supervisor wrote and graded their answers before scoring them; a community occupational therapist went through
a week of debrief, plans and rounds. An improvement story's "within two weeks late checks went from 30 a month to 6" read
as "weeks late", a disaster stood by (22, and quoted as words never said), as did "none of them caused a cancellation";
"from 30 a month to 6, that's a 90% reduction" passed as 80 %; "not one tool unaccounted for" read as a vague result and
"the task for me was" as no task; a hot works plan's "I wouldn't bother with a full permit" and "the ward staff don't
really need to know" as sound (80); a legionella plan's infection control told "only if the resample came back bad" as an
escalation now; "whats your honest take on fining parents, does it actually work" as a past story; a typed "deferral" as
a slip for "referral"; and in debrief notes "the Care Act" as a topic "Care", "blanked on the MCA two stage test", a
"safeguarding scenario" and "how would I supervise band 5s" as stories to tell. Shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, impossible, stands_by_a_disaster

STORY = ("so at my current station overnight checks were running late, about a third were finishing after the first "
         "departure. I looked at the tech logs for three months and found most of the time was lost waiting for parts that "
         "hadn't been pre staged. so I set up a pre staging list and changed the handover. within two weeks late checks went "
         "from thirty a month to six. over the next six months we averaged about four late releases a month and none of "
         "them caused a cancellation. it's now company procedure.")


def test_what_is_counted_late_and_a_harm_that_none_caused_are_no_disaster():
    question = "Tell me about a time you improved how your shift or station worked."
    assert not stands_by_a_disaster(STORY, question)
    worse = STORY.replace("none of them caused a cancellation", "two of them caused cancellations, and we lost the "
                          "contract") .replace("it's now company procedure.", "I'm proud of it.")
    assert stands_by_a_disaster(worse, question)


def test_a_fall_is_read_by_what_it_leaves():
    assert [f.why for f in impossible("late checks went from thirty a month to six, that's a ninety percent reduction")] \
        == ["from 30 to 6 is a fall of 80 %, not the change you state"]
    assert impossible("late checks went from thirty a month to six, that's an eighty percent reduction") == []
    assert impossible("errors went from thirty to seven, roughly an eighty percent cut") == []


def test_nothing_left_unaccounted_for_is_a_result_and_the_task_for_me_a_task():
    from mockint.scoring.offline import OUTCOME, PERSONAL_TASK

    assert OUTCOME.search("it's been eleven months now with not one tool unaccounted for at end of shift")
    assert not OUTCOME.search("two tools were unaccounted for at end of shift")
    assert PERSONAL_TASK.search("the task for me was to get her back into school without it turning into a court case")


def test_a_permit_waved_off_and_staff_kept_in_the_dark_are_unsafe():
    question = ("What would you do if a contractor needs to do hot works in a plant room next to an occupied ward and says "
                "the smoke detectors will keep going off?")
    plan = ["I'd isolate the fire alarm on that floor for the day.",
            "I trust the contractor so I wouldn't bother with a full permit for a one day job.",
            "and the ward staff don't really need to know because the alarm being off doesn't affect them."]
    assert finding_kinds(plan, question) == ["check_skipped", "cover_up"]
    assert finding_kinds(["I'd issue a hot works permit, put a fire watch on, and tell the ward sister before we start."],
                         question) == []


def test_an_escalation_that_waits_on_a_resample_is_put_off():
    question = "What would you do if a routine legionella sample from a ward's outlets came back positive?"
    assert finding_kinds(["I would only go to infection control if the resample came back bad as well."],
                         question) == ["escalation_delayed"]
    assert finding_kinds(["I'd tell infection control today and we'd resample after the flush."], question) == []


def test_a_view_on_whether_a_practice_works_asks_how_they_work():
    from mockint.scoring.kinds import classify

    assert classify("whats your honest take on fining parents, does it actually work or not") == "approach"
    assert classify("what's your view on penalty notices, do they work?") == "approach"


def test_a_word_made_of_a_known_verb_is_no_slip():
    from mockint.scoring.spelling import read_question

    assert read_question("Explain how MEL deferrals work and who can extend a deferral.").corrected == ()
    assert read_question("when would you make a referal to social care?").corrected == (("referal", "referral"),)


NOTES = """- Maureen asked twice about supervising staff - how would I supervise band 5s and OTAs. I only had student supervision examples, felt thin
- fumbled the question on the Care Act - eligibility criteria, couldn't say the wellbeing principle clearly
- safeguarding scenario (carer pulling client roughly during visit) - I said I'd talk to the carer first, Maureen looked unsure
- in the safeguarding scenario Maureen asked about mental capacity too - blanked on the MCA two stage test
"""


def test_round_one_topics_keep_their_names_and_are_asked_as_what_they_are():
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank
    from mockint.scoring.kinds import classify_topic

    kinds = {t.name: classify_topic(t.name, t.notes) for t in parse_debrief(NOTES, load_bank()).topics}
    assert kinds["Care Act"] == "technical"
    assert kinds["mental capacity"] == "technical"
    assert kinds["safeguarding scenario"] == "situational"
    assert kinds["supervising staff"] == "situational"


@pytest.mark.parametrize("said, name", [
    ("the Mental Health Act", "Mental Health Act"),
    ("Priya asked twice", "Priya"),
    ("Priya Asked twice", "Priya"),
])
def test_a_name_in_capitals_is_read_whole(said, name):
    from mockint.coaching.phrases import noun_phrase

    assert noun_phrase(said).text == name
