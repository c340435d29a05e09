"""A strong story told to the wrong typed question: what the question names (rubrics/substance.yaml's `concepts`) and
whether the answer ever gets to it, by word, by the coach's words for it, or by meaning.

Every question and answer here was written for this file, as transcribed speech, across eight occupations. Each
question has an off-topic answer (a good story about something else) and an on-topic twin that answers it in other
words than the question's ("my line manager and I didn't see eye to eye", "his daughter", "signed in"): the twin's
card is the one it had without the concept reading but for its relevance, which what it meets in other words can only
raise; the off-topic one is capped and told what it never spoke about.
"""

from __future__ import annotations

import re

import pytest

from mockint.records import Transcript
from mockint.scoring import score_question, semantic
from mockint.scoring.offline import OfflineScorer, concepts_missed, judge, read_answer, shut_gates
from mockint.scoring.rubrics import load_rubrics

# (occupation, question, off-topic answer, on-topic twin in other words)
SETS = [
    ("van delivery", "Tell me about a time you disagreed with your manager.",
     "so last year I was running the van deliveries out of our Leicester depot and our average delivery time was about "
     "three days, which customers kept ringing about. I pulled the last two months of drop data and saw the vans were "
     "crossing each other all over the county because routes were built by postcode order. I re-planned the routes by "
     "hand into six clusters, trialled it with two drivers for a fortnight, then rolled it out to all nine vans. within "
     "six weeks average delivery time went from three days to a day and a half and fuel spend dropped about twelve percent.",
     "at the depot my boss wanted us to keep routing the vans by postcode order, and honestly we didn't see eye to eye "
     "on it. I thought it was costing us days, so I pulled two months of drop data and showed him the vans were crossing "
     "each other all over the county. he pushed back hard at first, said the drivers knew their rounds. I asked for a two "
     "week trial with two drivers, and he agreed. delivery time went from three days to a day and a half, and after that "
     "he backed the new routes for all nine vans."),
    ("ward nurse", "Tell me about a difficult conversation you had with a relative of a patient.",
     "on my last ward the stock room was a mess, we were running out of dressings on nights and over-ordering others. I "
     "did a full count over two weekends, set up a simple top-up list with par levels for each shelf, and labelled "
     "everything by bay. I got the night staff to tick the list at the end of each shift. within three months we'd cut "
     "wasted and expired stock by about four thousand pounds and we hadn't run out of dressings once.",
     "we had an elderly gentleman on the ward after a fall and his daughter came in really angry because nobody had rung "
     "her when he was moved bays overnight. she was shouting at the nurses' station. I took her into the quiet room, let "
     "her say everything, then explained exactly what had happened and why, and I apologised that she hadn't been rung. "
     "I showed her his care plan and agreed I'd phone her every evening at six. by the end of the week she thanked the "
     "team and put in a compliment."),
    ("office administrator", "What would you do if you found a colleague's login left open on a shared PC?",
     "in my last job at a phone shop I had a quarterly sales target of sixty contracts and by week eight I was on twenty. "
     "I started calling back everyone who'd come in for an upgrade quote and not signed, and I set myself ten calls a "
     "day. I also asked to shadow our top seller for two afternoons. I finished the quarter on sixty four contracts, top "
     "of the store.",
     "I'd lock the screen straight away so nobody could use the account, and I wouldn't look at anything on it. then I'd "
     "quietly tell the person whose session it was, because anything done on it goes down as them. that actually "
     "happened at the surgery last year, someone had stayed signed in to the appointments system on the front desk "
     "computer, I locked it and told her when she came back, and we asked IT to shorten the auto timeout to five minutes."),
    ("call centre adviser", "Why do you want to move up to a team leader role?",
     "there was one call I remember where a customer rang about a boiler that had been broken for nine days with a baby "
     "in the house. she was furious. I stayed on the line, got the engineer's diary up, found a cancellation for that "
     "afternoon and rang her back every hour until he was there. she ended up writing in to thank me by name.",
     "there was one call where a customer had been left nine days without heating, and I sorted it, but what stuck with "
     "me was that three other advisers had taken calls from her and nobody could book an emergency slot. that's why I "
     "want to step up to supervising: I'd like to be the person who coaches newer advisers and fixes that kind of gap "
     "for everyone, not just on my own calls."),
    ("primary teacher", "Tell me about a difficult conversation you had with a colleague who wasn't pulling their weight.",
     "last year our year four reading results were the weakest in the school, only about half the class at the expected "
     "standard. I reorganised the class into four phonics groups by assessment, ran fifteen minute catch-up sessions "
     "every morning before register and sent home reading packs each friday. by the summer seventy eight percent of the "
     "class were at the expected standard.",
     "the other year four teacher, Dan, kept leaving his planning to the night before, so I was teaching lessons I'd "
     "never seen. I asked him if we could talk after school, and I told him plainly it was making my week really hard "
     "and asked what was going on. it turned out he was caring for his dad. we agreed he'd share plans by wednesday and "
     "I'd cover the maths while things settled, and it's worked since."),
    ("retail sales assistant", "Why do you want to be promoted to a supervisor role?",
     "black friday last year was the busiest day we'd ever had, the queue went out of the door by nine. I opened the "
     "second till on my own, kept the fitting rooms moving, and we took forty one thousand pounds, a store record. head "
     "office sent us a thank-you card.",
     "for about eight months I've covered the shift when the store lead is off, opening up, doing the rota and the "
     "cash-up for a team of twelve, and it's the bit of the job I like most. your stores train new supervisors through "
     "the retail academy, which is exactly what I want: I'd like to take on more responsibility, be the person the "
     "newer staff come to, and run the floor properly rather than just filling in on a saturday."),
    ("IT support technician", "What would you do if a user's password was written on a sticky note on a shared computer?",
     "last spring our service queue had about three hundred open tickets and people were waiting a week for a reply. I "
     "sorted the backlog by type, wrote five canned fixes for the commonest problems and set up a triage rota with the "
     "two other technicians. within a month the queue was under sixty and first replies came the same day.",
     "I'd take the note off straight away and shred it, then get that user to pick a new one at once, since anyone who "
     "walked past the desk could have signed in as them. I'd let them know quietly and show them the manager app we "
     "use, and I'd check the machine's lock timeout so an unattended screen locks itself. I did exactly that in a "
     "library office once and we then put a reminder in the monthly bulletin."),
    ("care home senior carer", "Tell me about a time a patient's family member disagreed with your care plan.",
     "I noticed our drug round was taking nearly two hours and we'd had three recording errors in a month. I moved the "
     "round to a second trolley per floor, brought in a two person check for controlled drugs and redid the MAR chart "
     "layout. after six weeks the round took under an hour and we had no recording errors that quarter.",
     "Mrs K's son was unhappy we'd moved his mum onto a soft diet after the speech therapist's review, and he argued it "
     "was making her miserable. I sat down with him, went through the choking episodes on her records and the therapist's "
     "advice, and listened to what mattered to her. we compromised on soft versions of her three favourite meals, "
     "which I set up with the cook that week. over the next two months she ate most of her meals again, there were no "
     "more choking episodes, and he thanked us at her next review."),
]
IDS = [s[0] for s in SETS]


def card(question: str, answer: str):
    return score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())


def without_concepts(monkeypatch):
    """The scorer as it was before the concept reading: no question names anything."""
    monkeypatch.setattr(semantic, "meet_concepts", lambda question, answer: ([], []))


def test_the_sets_span_occupations_and_every_twin_uses_other_words_than_the_question():
    assert len({occupation for occupation, *_ in SETS}) >= 6
    for _, question, _off, twin in SETS:
        named = [c.said for c in semantic.question_concepts(question)]
        assert named, question  # each question names something the coach's list knows
        for said in named:
            assert not re.search(rf"\b{re.escape(said)}", twin.lower()), (question, said)


@pytest.mark.parametrize(("occupation", "question", "off", "twin"), SETS, ids=IDS)
def test_an_answer_that_never_meets_what_its_question_names_is_capped_and_told_what(occupation, question, off, twin):
    off_reading = read_answer(off, question)
    missed = concepts_missed(off_reading)
    assert missed
    assert judge(off_reading)["specificity.relevance"].score <= 1
    assert "off_topic" in shut_gates(off_reading, judge(off_reading)["specificity.relevance"].score)
    off_card = card(question, off)
    assert off_card.overall <= 40
    line = off_card.criterion("specificity.relevance").feedback
    assert all(f'"{m}"' in line for m in missed)


@pytest.mark.parametrize(("occupation", "question", "off", "twin"), SETS, ids=IDS)
def test_the_on_topic_twin_in_other_words_keeps_its_card(monkeypatch, occupation, question, off, twin):
    assert concepts_missed(read_answer(twin, question)) == []
    with_reading, off_card = card(question, twin), card(question, off)
    assert with_reading.overall > off_card.overall
    ruled = judge(read_answer(twin, question))
    without_concepts(monkeypatch)
    without, ruled_without = card(question, twin), judge(read_answer(twin, question))
    # the concept reading only adds to the twin's relevance: what it meets in other words counts as the question's word;
    # the other rule readings do not change (the fitted model reads relevance's level among its cues, so its nudges of
    # the others may follow it, never down)
    rows = {c.key: c for c in without.criteria}
    assert {k: j.score for k, j in ruled.items() if k != "specificity.relevance"} == {
        k: j.score for k, j in ruled_without.items() if k != "specificity.relevance"}
    assert all(c.score >= rows[c.key].score for c in with_reading.criteria)
    assert with_reading.criterion("specificity.relevance").score >= without.criterion("specificity.relevance").score
    assert with_reading.overall >= without.overall


def test_the_reading_caps_stories_the_older_checks_let_through(monkeypatch):
    """Without it, some of these off-topic stories scored above the off_topic gate's cap (the stock room, the
    drug round): the concept reading, not another check, is what caps them."""
    before = {occupation: card(question, off).overall for occupation, question, off, _ in SETS}
    without_concepts(monkeypatch)
    earlier = {occupation: card(question, off).overall for occupation, question, off, _ in SETS}
    assert any(score > 40 for score in earlier.values())
    assert all(before[o] <= min(earlier[o], 40) for o in before)


def test_a_bank_question_counts_a_miss_only_when_every_one_of_two_things_it_names_is_missed(monkeypatch):
    """A trial's mispicks story met neither "disagreed" nor "manager" and scored 85 on the bank's words (20 typed); a bank
    question naming one thing alone is read as before, its wording broad ("led a team": a kitchen taken over, graded 5,
    never says "team")."""
    bank_question = "Describe a time you disagreed with your manager's decision. How did you raise it?"
    assert semantic.is_bank_question(bank_question) and semantic.question_concepts(bank_question)
    _, _, off, on = SETS[0]
    assert concepts_missed(read_answer(off, bank_question)) and card(bank_question, off).overall <= 40
    assert concepts_missed(read_answer(on, bank_question)) == [] and card(bank_question, on).overall >= 60
    led = "Tell me about a time you led a team or a project. How did you get people to follow you?"
    kitchen = ("when I took over the kitchen at the Quayside Brasserie, the brigade was about twelve and we'd lost five chefs "
               "in four months. first two weeks I worked every section myself so they could see I'd do the same jobs. then I "
               "fixed the rota so nobody did more than two doubles a week. over the next six months we lost one person.")
    assert semantic.is_bank_question(led) and concepts_missed(read_answer(kitchen, led)) == []
    before = card(led, kitchen).model_dump(exclude={"created_at"})
    without_concepts(monkeypatch)
    assert card(led, kitchen).model_dump(exclude={"created_at"}) == before


# One thing named, met in other words: a daughter for a relative, a boss for a manager, a shift lead for a supervisor,
# mentoring for leading a team, a phone call for a conversation.
OTHER_WORDS = [
    ("How would you handle a relative who is angry about their mum's care?",
     "I'd take the daughter somewhere private, let her get it all out, and find out exactly what's upset her. then I'd "
     "go through the care notes with her and agree who will ring her and when, and write that in the plan for nights."),
    ("Tell me about a time you had to cover for your manager.",
     "when my boss was off sick for three weeks last winter I ran the rota, did the weekly orders and chaired the "
     "Monday huddle. I kept a log of every decision so she could pick up where I'd left off, and we came in under budget."),
    ("What would you do if your supervisor asked you to skip a safety check?",
     "if the shift lead told me to skip the lockout check on the press I'd say no, politely, and explain I can't sign "
     "it off without doing it. I'd offer to do it quickly myself, and if it was pushed I'd ring the duty engineer."),
    ("Why do you want to become a team leader here?",
     "I've been mentoring our two new starters for six months and it's the part of my week I enjoy most, and your "
     "branch is opening a second site next year, so I'd like to be the one who trains the new crew and runs the shift."),
    ("Describe a conversation where you had to give bad news to a client.",
     "I rang Mrs Patel on the Friday to say her kitchen worktops would be three weeks late because the quarry had a "
     "fault. I told her straight, apologised, offered a temporary laminate top at no cost, and she took it."),
    # a deputy head's trial (37): "when our head wanted to bring in setting ... I disagreed" never got to "senior leader"
    ("Tell me about a time you disagreed with a senior leader.",
     "when our head wanted to cut the school trips budget I disagreed, because the trips were the only ones some of our "
     "children got. I asked to see her privately, brought the uptake figures and the cost per child, and offered a "
     "cheaper bus company. she kept three of the four trips."),
]


@pytest.mark.parametrize(("question", "answer"), OTHER_WORDS)
def test_what_a_question_names_is_met_in_other_words(question, answer):
    assert semantic.question_concepts(question)
    assert concepts_missed(read_answer(answer, question)) == []


def test_a_question_the_coach_list_does_not_know_names_nothing():
    assert semantic.question_concepts("Why do you want to work here?") == ()
    reading = read_answer(SETS[0][2], "Talk me through how you would plan a delivery round.")
    assert concepts_missed(reading) == []


def test_a_word_the_table_puts_close_meets_a_concept(monkeypatch):
    """By meaning: with no coach's word for it in the answer, "supervisor" meets a question's "manager"."""
    question = "Tell me about a time you disagreed with your manager."
    spec = semantic.concepts()
    bare = [(name, asked, re.compile(r"(?!)")) for name, asked, _ in spec.same]
    semantic._question_concepts.cache_clear()
    monkeypatch.setattr(semantic, "concepts", lambda: type(spec)(**{**spec.__dict__, "same": tuple(bare)}))
    try:
        met, missed = semantic.meet_concepts(question, "my supervisor and i argued about the routes")
        assert "manager" in met
        met, missed = semantic.meet_concepts(question, "i re planned the routes into six clusters")
        assert "manager" in missed
    finally:
        semantic._question_concepts.cache_clear()


@pytest.mark.parametrize(("section", "message"), [
    ("concepts: {close_at_least: 2, met_share_at_least: 0.5, feedback: 'x {missed}', frame: [tell], same: {a: {asked: [b], answered: [c]}}}",
     r"`concepts.close_at_least` must be a number between 0 and 1"),
    ("concepts: {close_at_least: 0.4, met_share_at_least: 0.5, feedback: 'no name', frame: [tell], same: {a: {asked: [b], answered: [c]}}}",
     r"`concepts.feedback` must be one line of text that says \{missed\}"),
    ("concepts: {close_at_least: 0.4, met_share_at_least: 0.5, feedback: 'x {missed}', frame: [tell], same: {a: {asked: [b]}}}",
     r"concept `a` must have exactly `asked` and `answered`"),
    ("concepts: {close_at_least: 0.4, met_share_at_least: 0.5, feedback: 'x {missed}', frame: [tell], same: {a: {asked: ['*'], answered: [c]}}}",
     r"`concepts.same.a.asked` must be a non-empty list of lower-case phrases"),
])
def test_a_broken_concepts_section_is_one_line_naming_the_file(tmp_path, section, message):
    from mockint.errors import DataFileError

    path = tmp_path / "substance.yaml"
    path.write_text(f"schema_version: 1\n{section}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"substance.yaml: " + message):
        semantic._concepts_data(str(path), 1)


@pytest.mark.parametrize(("question", "named"), [
    ("Tell me about a time you disagreed with your manager's decision.", {"disagreed", "manager"}),
    ("Describe a difficult conversation with a patient's relative.", {"conversation", "patient", "relative"}),
])
def test_a_possessive_still_names_its_concept(question, named):
    # "manager" and "with a patient" match inside "manager's" / "patient's": the word ends before its "'s"
    assert {c.said for c in semantic.question_concepts(question)} == named


def test_half_the_concepts_met_by_a_pronoun_is_a_miss():
    # every story has a "she": an off-topic story that meets `manager` by one has still not answered the question
    question = "Tell me about a time you disagreed with your manager."
    answer = SETS[0][2].replace("I re-planned the routes", "I re-planned the routes, she checked my figures, and I")
    assert "she checked my figures" in answer
    assert concepts_missed(read_answer(answer, question)) == ["disagreed"]


# The people a candidate works with, named by their role rather than as "colleague" (a supermarket manager's trial: "a
# new manager on produce who disagreed with me" missed `colleague`, 20/100, where "a new colleague" scored 80), and
# whoever is in charge or cared for named by theirs. No "he", "she", "him" or "her" in them: those met it already.
COWORKERS = [
    ("Tell me about a time a colleague challenged the way you did something.",
     "in 2021 i had a new manager on produce who disagreed with me about our reduction times. i listened, tried his way "
     "for four weeks, and waste went from 3.1 to 2.4 percent.", "colleague"),
    ("Describe a time you had to support a struggling coworker.",
     "our night shift lead, dave, was missing pick targets every week, so i paired up with him on the first hour of each "
     "shift for a month.", "coworker"),
    ("Tell me about a time you had to work closely with a teammate you didn't get on with.",
     "a developer on the payments squad and i kept clashing over code review, so we agreed a checklist and paired on "
     "the next two releases.", "teammate"),
    ("Give me an example of helping a colleague under pressure.",
     "the pharmacist on the next ward was three hours behind on discharges, so i took over the controlled drug checks "
     "until six.", "colleague"),
    ("How would you deal with a colleague who keeps missing deadlines?",
     "i'd sit down with the junior planner privately, go through the last three misses and agree one date we both "
     "track weekly.", "colleague"),
]
IN_CHARGE_OR_CARED_FOR = [
    ("Tell me about a time you disagreed with your manager.",
     "the head chef wanted to drop the lunch special and i thought it was our best margin, so i costed it for a week "
     "and we kept it.", "manager"),
    ("Tell me about a time you pushed back on your boss.",
     "the ceo asked us to ship without the accessibility fixes and i showed the legal risk, so we slipped a week.", "boss"),
    ("Describe a difficult conversation with the relative of a patient.",
     "the child's father was furious about the wait in paediatrics, so i explained the triage order and checked in "
     "every half hour.", "patient"),
]


@pytest.mark.parametrize(("question", "answer", "concept"), COWORKERS + IN_CHARGE_OR_CARED_FOR)
def test_people_named_by_their_role_meet_the_question_s_person(question, answer, concept):
    met, missed = semantic.meet_concepts(question, answer.lower())
    assert any(concept in said for said in met), (met, missed)
    assert not any(concept in said for said in missed)


def test_a_story_about_a_manager_answers_a_question_about_a_colleague():
    """The trial's answer, scored: capped off topic (20/100) before, a solid story after."""
    question = COWORKERS[0][0]
    answer = ("In 2021 I had a new manager on produce who disagreed with me about our reduction times. I listened, tried "
              "his way for four weeks, and produce waste went from 3.1 to 2.4 percent, so I kept it and rolled it out to "
              "bakery. I learned to test a challenge before I defend my way.")
    rubrics = load_rubrics()
    card = score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), rubrics)
    assert card.criterion("specificity.relevance").score >= 2 and card.overall >= 50
    assert concepts_missed(read_answer(answer, question)) == []


# The same story told with the question's word and with the person's role: as relevant either way (the trial's story had
# relevance 3 with "a new manager" and 4 with "a new colleague").
ROLE_OR_WORD = [
    ("Tell me about a time a colleague challenged the way you did something.",
     "In 2021 I had a new {} on produce who disagreed with me about our reduction times. I listened, tried his way for "
     "four weeks, and produce waste went from 3.1 to 2.4 percent, so I kept it and rolled it out to bakery. I learned to "
     "test a challenge before I defend my way.", "manager", "colleague"),
    ("Describe a time a coworker questioned how you did your checks.",
     "Last spring a {} on the next bay questioned my pre-use checks on the reach trucks. I walked the checklist with her, "
     "we found two steps I was rushing, and I rewrote the card for the depot. Failed audits went from four a quarter to "
     "none, and I learned to ask for a second pair of eyes.", "shift lead", "coworker"),
]


@pytest.mark.parametrize(("question", "story", "role", "word"), ROLE_OR_WORD)
def test_a_person_named_by_role_is_as_relevant_as_the_question_s_word(question, story, role, word):
    rubrics = load_rubrics()

    def relevance(who: str) -> int:
        return judge(read_answer(story.format(who), question, None, rubrics))["specificity.relevance"].score

    def overall(who: str) -> float:
        return score_question(OfflineScorer(), question, Transcript(text=story.format(who), duration=0.0), rubrics).overall

    # the rule reads the role as the question's word; the fitted model's question-overlap cue may still take a level
    # off the role's telling (refitted at stop 25: "manager" 68, "colleague" 72), never the off-topic gate's 20
    assert relevance(role) == relevance(word) >= 3
    assert abs(overall(role) - overall(word)) <= 5 and overall(role) >= 60


def test_the_role_the_candidate_would_hold_is_no_concept_to_get_to():
    # a signalling technician's trial: "What would you bring to this section as its manager?" was capped for never
    # getting to "manager"; "your manager" in a story question still names someone the story must have in it
    bring = ("I'd bring twelve years of signalling experience, so I know the equipment and the area. I'm calm under "
             "pressure and I've led a gang of five for four years, and I know most of the contractors we use.")
    assert concepts_missed(read_answer(bring, "What would you bring to this section as its manager?")) == []
    routes = "We re-planned the van routes last spring. I did the new rota myself and cut mileage by twelve percent."
    assert "manager" in " ".join(concepts_missed(read_answer(routes, "Tell me about a time you disagreed with your manager.")))


@pytest.mark.parametrize("question", ["Why do you want this Area Manager role with us?",
                                      "What attracts you to this store manager post?"])
def test_the_post_a_motivation_question_names_is_its_frame_not_a_concept(question):
    # a store manager's trial (38): a researched answer never said "manager" and was capped at 20 (100 without the title)
    assert semantic.question_concepts(question) == ()


def test_a_lesson_told_as_what_changed_answers_what_did_you_learn():
    # the same trial: "What I changed is I now ..." never got to "learn" (20; 87 with "What I learned is")
    from mockint.scoring.offline import topic_missed

    answer = ("I signed off a big seasonal order without checking last year's sell through, we had a wet July and lost "
              "about three thousand pounds of margin. What I changed is I now order seasonal lines in two drops.")
    assert topic_missed(read_answer(answer, "Tell me about a time you got something wrong. What did you learn?")) == []
