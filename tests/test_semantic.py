"""The offline scorer judges substance: relevance by meaning, empty polish, bad outcomes, paraphrases.

Each test is one phenomenon, on examples written for this file (not taken from the scoring
corpus). The figures on graded answers live in benchmarks/scoring.py; these assert properties.
"""

from __future__ import annotations

import numpy as np
import pytest

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.offline import OfflineScorer, read_answer
from mockint.scoring.rubrics import load_rubrics
from mockint.scoring.semantic import TABLE_FILE, VOCAB_FILE, embed, embedder, meaning_features


def card(question: str, answer: str):
    return score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())


def test_the_table_covers_the_vocabulary_and_ships_small():
    vocab = VOCAB_FILE.read_text(encoding="utf-8").splitlines()
    assert embedder().rows.shape == (len(vocab), 128)
    assert TABLE_FILE.stat().st_size < 6_000_000


def test_embedding_is_deterministic_and_unit_length():
    texts = ["I rebuilt the rota so nobody worked three nights in a row", "we"]
    first, second = embed(texts), embed(texts)
    assert np.array_equal(first, second)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)


@pytest.mark.xfail(strict=True, reason="known gap: in the static table, a story's domain words (dressings, gauze) outweigh "
                   "its topic; the full MiniLM orders these two correctly (0.36 against 0.23), see embeddings/README.md")
def test_meaning_not_shared_words_makes_an_answer_relevant():
    question = "How do you make sure nothing is lost when you pass a patient on to the next shift?"
    # On topic, and shares no content word with the question.
    handover = [
        "at seven I go through every bed with the night staff using SBAR",
        "I read out allergies, obs trends and anything pending like bloods or a scan",
        "and I write the outstanding jobs on the board so they can tick them off",
    ]
    # A well-told story about something else.
    elsewhere = [
        "last spring I reorganised our stock room so the dressings were easier to find",
        "I labelled every shelf and set up a monthly order with the supplier",
        "we stopped running out of gauze and saved about two hundred pounds a month",
    ]
    on, off = meaning_features(handover, question), meaning_features(elsewhere, question)
    assert on["question_margin"] > off["question_margin"]
    assert on["question_sim"] > off["question_sim"]


def test_a_polished_line_is_closer_to_the_polish_sentences_than_a_concrete_one():
    question = "Tell me about a time you solved a problem for a customer."
    lines = [
        "I'm someone who always goes the extra mile and I'm passionate about customer service",
        "I rang the courier depot in Leeds and had the parcel put on the 6 am van",
    ]
    polish = meaning_features(lines, question)["polish"]
    assert polish[0] > polish[1]


POLISHED_NOTHING = (
    "so honestly I'm a very results driven person and I always take full ownership. on that project I stepped up, "
    "I aligned everyone, I drove the delivery end to end and I really empowered the team to be their best. I owned "
    "the outcome and held everyone accountable and at the end of the day we exceeded expectations. that's just "
    "who I am, I always deliver"
)


def test_content_free_polish_cannot_score_well():
    got = card("Tell me about a time you turned around a struggling project.", POLISHED_NOTHING)
    assert got.overall <= 40
    # "I drove it, I owned it, I aligned everyone": first person, past tense, and no step anyone could check.
    assert got.criterion("star.action").score <= 1 and got.criterion("specificity.ownership").score <= 1
    features = read_answer(POLISHED_NOTHING, "Tell me about a time you turned around a struggling project.")
    from mockint.scoring.offline import answer_features, judge, judge_kinds

    assert answer_features(features, {**judge(features), **judge_kinds(features)})["sem_empty"] >= 0.3


DEPOT = (
    "last summer at the Harbour Street depot I noticed our van loading took ninety minutes every morning. I timed "
    "each step for a week, found that drivers were waiting for the scanner, and I rearranged the bays so parcels "
    "were scanned as they came off the belt. loading dropped to about fifty minutes and we stopped missing the "
    "first delivery slot"
)


def test_an_off_topic_story_scores_lower_on_relevance_than_an_on_topic_answer():
    question = "Why do you want to join our primary school as a teaching assistant?"
    school = (
        "I've volunteered in my son's reception class on Thursday mornings for two years, running the phonics groups, "
        "and I found I really love seeing a child finally blend a word. I read your last Ofsted report and the way you "
        "use small group interventions for reading is what I want to learn more about, and you're ten minutes from "
        "home so I can be there for breakfast club"
    )
    off, on = card(question, DEPOT), card(question, school)
    assert off.overall < on.overall
    assert off.criterion("specificity.relevance").score <= on.criterion("specificity.relevance").score


def test_a_good_story_that_does_not_answer_a_why_question_scores_at_most_fifty():
    question = "Why do you want to join our primary school as a teaching assistant?"
    assert card(question, DEPOT).overall <= 50


def test_a_bad_outcome_told_proudly_is_not_a_result():
    question = "Tell me about a time you led a change."
    story = (
        "last year I led the move of our warehouse to the new scanning system and I pushed it live in one weekend, "
        "which nobody thought was possible. {outcome}"
    )
    bad = ("in the first month we lost our biggest customer and two of my pickers resigned, but I stuck to the plan "
           "and I'm really proud of how fast I moved")
    good = ("in the first month picking errors fell from about forty a week to six and we took on a new customer, "
            "and the pickers asked for the same scanners in the returns area")
    proud, fine = card(question, story.format(outcome=bad)), card(question, story.format(outcome=good))
    assert proud.criterion("star.result").score <= 1
    assert fine.criterion("star.result").score >= 2
    assert proud.overall < fine.overall


def test_a_bad_outcome_with_its_lesson_is_a_result():
    answer = (
        "two years ago I rushed a stock count at the Kendal store the week before audit and I missed a whole bay, so the "
        "audit failed and we lost the quarterly bonus. I learned to count in pairs and to recount any bay that moves "
        "more than ten percent, and the next three audits passed"
    )
    got = card("Tell me about a mistake you made at work.", answer)
    assert got.criterion("star.result").score >= 2


def test_a_personal_decision_in_a_we_story_shows_ownership():
    question = "Tell me about a time you made a difficult decision."
    story = (
        "we were two days from opening the new restaurant and the walk in fridge kept failing its temperature checks. we'd "
        "all been working eighteen hour days and everyone wanted to push on. {decision} we got the engineer back, replaced "
        "the compressor and opened the following Friday with no food safety issues"
    )
    mine = card(question, story.format(decision="the call was mine as head chef, and I decided we would delay the "
                                                 "opening by a week rather than serve from a fridge I didn't trust."))
    nobody = card(question, story.format(decision="in the end the opening was delayed by a week rather than serving "
                                                   "from a fridge nobody trusted."))
    assert mine.criterion("specificity.ownership").score >= 2
    assert mine.criterion("specificity.ownership").score > nobody.criterion("specificity.ownership").score


def test_a_result_told_without_numbers_still_counts():
    answer = (
        "in my last job on the help desk every shift handover was a mess, tickets fell through the gaps and customers "
        "had to repeat themselves. I set up a short written handover in our ticket tool, three fields, what's open, "
        "what's promised, what's risky, and I walked each shift lead through it. after that the complaints about being "
        "asked the same thing twice stopped and my manager rolled it out to the other two sites"
    )
    got = card("Tell me about a time you improved how your team worked.", answer)
    assert got.criterion("star.result").score >= 2


@pytest.mark.parametrize(
    "first, second",
    [
        pytest.param(
            "in March a customer came into the branch shouting because his mortgage payment had gone out twice. I took "
            "him into a side room, listened, and checked his account while he was there. I found our system had "
            "duplicated a direct debit, so I raised a same day refund with the payments team and called him back at "
            "four to confirm it had landed. he wrote in to thank the branch and stayed with us",
            "this was back in March, a man walked into our branch really angry, his mortgage payment had been taken two "
            "times. I brought him into a quiet room, heard him out, and looked at his account with him sat there. it "
            "turned out the system had doubled up a direct debit, so I got the payments team to refund it that same "
            "day and I phoned him at four o'clock to make sure the money was back. he sent a thank you letter to the "
            "branch and kept his account with us",
        ),
    ],
)
def test_a_paraphrase_scores_within_ten_points(first, second):
    question = "Tell me about a time you dealt with an angry customer."
    assert abs(card(question, first).overall - card(question, second).overall) <= 10


def test_a_broken_substance_file_is_one_line_naming_it(tmp_path):
    from mockint.errors import DataFileError
    from mockint.scoring.semantic import _substance_data

    path = tmp_path / "substance.yaml"
    (tmp_path / "questions.yaml").write_text("questions: []\n", encoding="utf-8")
    path.write_text("schema_version: 1\npolish: []\nreference_questions: [Why work here]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"substance.yaml: `polish` must be a non-empty list"):
        _substance_data(str(path), 1)


# --- gates (rubrics/substance.yaml): what an off-topic answer, or figures of nothing, can score ---


def _gates_with(monkeypatch, name: str, **changes):
    from mockint.scoring import semantic

    edited = {k: dict(v) for k, v in semantic.gates().items()}
    edited[name].update(changes)
    monkeypatch.setattr(semantic, "gates", lambda: edited)


PARENT_Q = "What would you do if a parent complained to you about another teacher?"


GOALS_Q = "What are your long-term career goals?"


def test_an_off_topic_story_is_capped_and_the_card_says_why_on_one_row(monkeypatch):
    from mockint.scoring.semantic import gates

    got = card(GOALS_Q, DEPOT)
    spec = gates()["off_topic"]
    applied = [c for c in got.criteria if c.applies]
    assert got.overall <= 25 * spec["max_level"]
    assert all(c.score <= spec["max_level"] for c in applied)
    assert got.criterion("specificity.relevance").score <= spec["relevance_at_most"]
    # the gate's line, or its line naming what the question asked about that the answer never got to
    # ("long-term career": substance.yaml's career_goals topic)
    from mockint.scoring.semantic import concepts

    missed = concepts().feedback.format(missed='"long-term career"', max_level=spec["max_level"])
    assert [c.key for c in applied if c.feedback in (spec["feedback"].format(max_level=spec["max_level"]), missed)] == [
        "specificity.relevance"]
    # The cap is the gate's doing, and a coach's edit of max_level moves it.
    _gates_with(monkeypatch, "off_topic", max_level=4)
    assert card(GOALS_Q, DEPOT).overall > got.overall


def test_an_answer_to_the_question_shuts_no_gate():
    from mockint.scoring.offline import judge, shut_gates

    answer = (
        "first I'd listen properly and write down what the parent tells me, with dates, and thank them for coming "
        "to me. I wouldn't judge my colleague or promise anything I can't deliver. then I'd tell them I'll pass it to "
        "the head of year today, because complaints about staff go through the school's procedure, not through me. "
        "and if anything they said was a safeguarding worry I'd report it to the safeguarding lead straight away"
    )
    reading = read_answer(answer, PARENT_Q)
    assert shut_gates(reading, judge(reading)["specificity.relevance"].score) == []
    assert card(PARENT_Q, answer).overall > card(PARENT_Q, DEPOT).overall


@pytest.mark.parametrize(
    "text, loose",
    [
        ("and the metrics went from thirty to seventy percent", 2),
        ("the numbers went up forty percent and then the results doubled to ninety percent", 3),  # "doubled" is a change too
        ("our first time fix rate was stuck. within a quarter it went from sixty to eighty five percent", 0),
        ("customer satisfaction went from seventy to eighty five percent", 0),
        ("late deliveries fell from twenty two percent to about nine", 0),
        ("about forty percent of the orders were wrong", 0),
        ("we went from ninety four to ninety nine point one percent pick accuracy", 0),
        ("so two things really, and I've been there three years", 0),  # counts claim no impact
    ],
)
def test_a_share_or_change_must_say_what_it_measures(text, loose):
    assert read_answer(text, "").total("unanchored") == loose


VAGUE_FIGURES = (
    "so I took over the project when it was struggling and I really pushed it. I reorganised everything and got "
    "the team working properly, and efficiency went from forty percent to ninety percent. then it went up another "
    "thirty percent, and overall the numbers improved by about sixty percent by the end"
)
MEASURED_FIGURES = VAGUE_FIGURES.replace("efficiency went", "on-time orders went").replace(
    "then it went up another thirty percent", "then repeat orders went up another thirty percent").replace(
    "the numbers improved", "complaints about late orders fell")


def test_figures_that_measure_nothing_cap_the_answer_and_say_so(monkeypatch):
    from mockint.scoring.semantic import gates

    question = "Tell me about a time you turned around a struggling project."
    spec = gates()["figures_without_referent"]
    vague, measured = card(question, VAGUE_FIGURES), card(question, MEASURED_FIGURES)
    # relevance stays at the relevance gate's floor: only off_topic says the answer misses the question
    assert all(c.score <= spec["max_level"] for c in vague.criteria if c.applies and c.criterion != "relevance")
    assert vague.criterion("specificity.relevance").score <= max(spec["max_level"], 2)
    assert vague.overall <= 25 * spec["max_level"] < measured.overall
    assert vague.criterion("specificity.quantified_impact").feedback == spec["feedback"]
    assert spec["feedback"] not in [c.feedback for c in measured.criteria]
    _gates_with(monkeypatch, "figures_without_referent", max_level=4)
    assert card(question, VAGUE_FIGURES).overall > vague.overall


def test_a_broken_gate_is_one_line_naming_the_file(tmp_path):
    from mockint.errors import DataFileError
    from mockint.scoring.semantic import _gates_data

    path = tmp_path / "substance.yaml"
    path.write_text("schema_version: 1\ngates:\n  off_topic: {relevance_at_most: 1, margin_below: -0.4, max_level: 7,"
                    " shown_on: [specificity.relevance], feedback: Off topic.}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"substance.yaml: gate `off_topic`: max_level must be a whole number 0-4"):
        _gates_data(str(path), 1)
    path.write_text("schema_version: 1\ngates:\n  too_long: {max_level: 1}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"unknown gate `too_long`"):
        _gates_data(str(path), 2)


LIBRARY_STORY = (
    "in my second year at the library a regular, an older man, stopped coming to the computer club because the new "
    "booking screen confused him and he felt stupid asking. I sat with him for twenty minutes on a quiet Tuesday, "
    "wrote the steps on a card in big print and booked his next three sessions myself. {ending}"
)


@pytest.mark.parametrize(
    "ending",
    [
        "by the spring he was booking his own sessions and bringing his neighbour along.",
        "I asked him whether he wanted to carry on. he agreed.",  # a short clause: quoted with the words before it
        "a month later the club's tutor started using my card with every new member.",
    ],
)
def test_a_result_told_as_what_followed_counts(ending):
    question = "Tell me about a time you helped someone who was struggling."
    told = card(question, LIBRARY_STORY.format(ending=ending))
    untold = card(question, LIBRARY_STORY.format(ending=""))
    assert told.criterion("star.result").score >= 2 > untold.criterion("star.result").score
    assert all(e.verified for e in told.criterion("star.result").evidence)
    assert told.overall > untold.overall


def test_a_share_of_cases_done_told_verb_first_is_a_measured_result():
    # a probation officer's trial (its answer): Result 1 of 4, "nothing measurable", beside 4 of 4 for the same figure
    # told "had gone up to thirty-four out of forty"
    question = "Tell me about a time you improved the quality of someone's work."
    story = ('Yeah so, er, a specific example. In twenty twenty-three our PDU had a HMIP inspection coming and our SPO '
             "asked me to lead a dip sample of the team's risk assessments, because I was the one people came to with "
             'OASys questions anyway. So my task was to audit forty assessments across eight officers in about three '
             'weeks. I built a simple checklist from the HMIP standards, so things like was the ROSH level evidenced, were '
             'domestic abuse and safeguarding checks done and recorded, did the sentence plan address the risks. I '
             'personally read all forty. What I found was that only twenty-two of the forty, so just over half, had the '
             "domestic abuse checks recorded, and in six cases the ROSH level wasn't justified in the analysis. I fed that "
             'back to each officer individually, um, gently, with their own cases, and then I ran a one-hour workshop for '
             'the team on evidencing ROSH. We re-audited two months later and the DA checks were recorded in thirty-four '
             'out of forty, and the inspection rated our risk assessment work as reasonable, which was an improvement. '
             "What I learned is that feeding back on people's actual cases works much better than a generic reminder "
             'email.')
    assert card(question, story).criterion("star.result").score >= 3


def test_a_hedged_or_negated_aftermath_is_no_concrete_result():
    from mockint.scoring.offline import read_answer

    question = "Tell me about a time you helped someone who was struggling."
    plain = card(question, LIBRARY_STORY.format(ending="after that he came every week and helped the new members."))
    for ending in ("I think he seemed a bit happier after that.", "he didn't come back the week after.",
                   "afterwards I wrote the same card for the other members."):
        assert not any(c.aftermath for c in read_answer(LIBRARY_STORY.format(ending=ending), question).cues), ending
        assert card(question, LIBRARY_STORY.format(ending=ending)).criterion("star.result").score < \
            plain.criterion("star.result").score, ending


def test_looking_back_counts_as_a_lesson():
    from mockint.scoring.offline import LESSON

    assert LESSON.search("looking back i should have asked the team first")
    assert LESSON.search("i'd probably have trained more people earlier")
    assert not LESSON.search("i would probably ask the team first")  # a plan, not a reflection
    assert not LESSON.search("i'd have a quiet word with him first")
    # a practice changed for good (a social worker's trial: "no lesson learned" said of it)
    assert LESSON.search("what i changed is i now never start a family placement without the household checks")
    assert LESSON.search("now i always ring the carer before a visit")
    assert not LESSON.search("i now run the team of six")


@pytest.mark.parametrize(
    "sentence, worse",
    [
        ("our on time delivery was fine but customer satisfaction went from ninety one percent to seventy", 1),
        ("staff absence doubled over the winter", 1),
        ("sales fell by a third after the relaunch", 1),
        ("customer satisfaction went from seventy percent to ninety one", 0),
        ("complaints dropped from forty a week to six", 0),
        ("readmissions did not go up, they stayed flat", 0),
        ("the rota problems show up in the sickness figures", 0),
    ],
)
def test_a_measure_that_moved_the_wrong_way_is_a_bad_outcome(sentence, worse):
    from mockint.scoring.offline import worsened_measures

    assert worsened_measures(sentence) == worse


def test_a_worsened_figure_told_proudly_is_no_outcome():
    question = "How do you decide which customers get a follow-up call?"
    answer = ("I call every customer who has raised a ticket in the last month, all of them, so nobody is missed. last "
              "quarter our satisfaction score went from eighty eight percent to sixty four, {tail}")
    proud = card(question, answer.format(tail="but every customer got a call, so I'd call that a success."))
    fine = card(question, answer.format(tail="so I learned to rank the calls by open tickets first and it came back "
                                             "to eighty five within two months."))
    assert proud.overall < fine.overall
    # The outcome words ("went from") report a loss: no outcome cue; the same words for a gain are one.
    worse, better = (read_answer(f"last quarter our satisfaction score went from {a} percent to {b}", question).cues[0]
                     for a, b in (("eighty eight", "sixty four"), ("sixty four", "eighty eight")))
    assert worse.outcome == 0 < better.outcome


def test_a_broken_measures_list_is_one_line_naming_the_file(tmp_path):
    from mockint.errors import DataFileError
    from mockint.scoring.semantic import _measures_data

    path = tmp_path / "substance.yaml"
    path.write_text("schema_version: 1\nmeasures:\n  higher_is_better: [Sales]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="substance.yaml.*measures.higher_is_better"):
        _measures_data(str(path), 1)
    path.write_text("schema_version: 1\nmeasures:\n  better: [sales]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="substance.yaml.*measures"):
        _measures_data(str(path), 2)


# --- what a question is about (substance.yaml `topics`), and figures about a new thing each ---

CONFLICT_Q = "Tell me about a time you had a conflict with a colleague. How did you handle it?"
COST_SAVING = (
    "last year at Harlow Logistics I noticed we were spending about forty thousand pounds a year on courier returns. "
    "I pulled six months of invoices into a spreadsheet and found that most of it was one carrier charging for failed "
    "deliveries. I renegotiated the contract, set up a weekly report for the depot managers, and moved the small "
    "parcels to a second carrier. by the end of the year returns costs were down thirty five percent, about fourteen "
    "thousand pounds saved, and the finance director asked me to do the same review for the Leeds site."
)
CONFLICT_STORY = (
    "at Harlow Logistics the night shift lead, Dave, kept leaving the returns cage full for my team, and one morning "
    "I snapped at him in front of everyone, which I'm not proud of. so I asked him for ten minutes after his shift and "
    "we went through what each of us thought was going wrong. he felt we never told him when the courier was late, "
    "and he had a point. we agreed a handover sheet and I apologised for the way I'd spoken. the cage has been "
    "cleared every night since, and we get on fine now."
)


def test_a_strong_story_about_something_else_is_off_topic_and_says_what_it_missed(monkeypatch):
    from mockint.scoring import semantic
    from mockint.scoring.offline import topic_missed

    off, on = card(CONFLICT_Q, COST_SAVING), card(CONFLICT_Q, CONFLICT_STORY)
    assert topic_missed(read_answer(COST_SAVING, CONFLICT_Q)) == ["conflict"]
    assert topic_missed(read_answer(CONFLICT_STORY, CONFLICT_Q)) == []
    assert off.overall <= 40 < on.overall
    assert off.criterion("specificity.relevance").score <= 1
    # A typed question's card names what the answer never got to, in the question's words.
    assert off.criterion("specificity.relevance").feedback.startswith('The question asked about "conflict"')
    # The same story is a fine answer to a question it does answer.
    assert card("Tell me about a time you saved your employer money.", COST_SAVING).overall > 60
    # The list is the coach's: without the topic, nothing says the story misses the question.
    edited = {k: v for k, v in semantic.topics().items() if k != "conflict"}
    monkeypatch.setattr(semantic, "topics", lambda: edited)
    assert topic_missed(read_answer(COST_SAVING, CONFLICT_Q)) == []
    # the typed question's concepts still see that no colleague is in it (the `concepts` list is the coach's too); the
    # depot managers and the finance director are people the candidate works with, who meet "colleague"
    from mockint.scoring.offline import concepts_missed

    alone = COST_SAVING.replace("for the depot managers", "for each depot").replace("the finance director asked me", "I was asked")
    assert concepts_missed(read_answer(alone, CONFLICT_Q)) == ["colleague"]
    assert concepts_missed(read_answer(COST_SAVING, CONFLICT_Q)) == []
    monkeypatch.setattr(semantic, "meet_concepts", lambda question, answer: ([], []))
    assert card(CONFLICT_Q, COST_SAVING).overall > off.overall


@pytest.mark.parametrize(
    "question, answer",
    [
        # a disagreement told without the word: someone was unhappy, and pushed back
        (CONFLICT_Q, "my colleague Amira wanted the stock take on the Saturday and I wanted it on the Monday, and she "
                     "wasn't happy when I said so in the meeting. I asked her for a coffee, listened to why, and we split it "
                     "over both days. the count came in on time and we've planned the last three together."),
        # words the injection filter once mistook for prompt text: instructions, evaluation
        ("Tell me about a time you dealt with a difficult patient or their family.",
         "an elderly gentleman on my ward kept refusing his discharge because he didn't trust the instructions he'd been "
         "given for his new inhaler, and his daughter was angry that nobody had explained it. I sat with them both, went "
         "through the instructions step by step with his own inhaler and booked the respiratory nurse for the evaluation "
         "the next morning. he went home that afternoon and the daughter rang the ward to thank us."),
        ("Describe a time you used data to make a decision.",
         "on the ward we had eleven falls in three months, which was double the previous quarter. I went through the "
         "incident reports and nine of the eleven were between two and five in the morning, and seven were patients on "
         "sedating medication. I moved the two highest risk patients to the bays nearest the station and set up hourly "
         "checks on nights for anyone on those drugs. in the next three months we had three falls, none overnight."),
    ],
)
def test_an_answer_about_what_was_asked_is_not_caught(question, answer):
    from mockint.scoring.offline import judge, shut_gates, topic_missed

    reading = read_answer(answer, question)
    assert topic_missed(reading) == []
    assert shut_gates(reading, judge(reading)["specificity.relevance"].score) == []
    assert card(question, answer).overall_capped is None


def test_a_topic_is_what_the_question_is_about_not_any_noun_in_it():
    from mockint.scoring.offline import topic_missed

    clinical = "Talk me through how you would spot a patient who is getting more unwell."
    answer = ("first the obs, resps are usually the first to change, then I'd use the early warning score and escalate "
              "to the nurse in charge and the doctor if it's rising, and I'd repeat the obs within the hour")
    assert topic_missed(read_answer(answer, clinical)) == []


NONSENSE_FIGURES = (
    "so in twenty nineteen I rebuilt the invoice approval flow in about four days, which is seventy percent of a full "
    "audit cycle. the warehouse was at eighteen degrees, so the onboarding curve had to be flattened by about thirty "
    "percent. I pushed three hundred pallets through the rota and the margin on printer toner went up to six hundred "
    "pounds per customer. my manager said the dashboard was at stage four of its maturity, and we saved twelve hours "
    "of overtime a month on the canteen. so I learned that the process and the people are basically the same ratio."
)
MEASURED_STORY = (
    "at Barlow Foods our month end close took eight working days, mostly because accruals were chased by email. I "
    "built a shared accruals tracker and agreed a cut off of day two with the twelve budget holders. the first month "
    "three of them missed it, so I sat with each of them for twenty minutes. by the third month the close was down to "
    "five days and the late journals dropped from about forty a month to six."
)


def test_figures_about_a_new_thing_each_cap_the_answer(monkeypatch):
    from mockint.scoring.offline import figure_referents, judge, shut_gates
    from mockint.scoring.semantic import gates

    question = "Tell me about a time you improved a process."
    spec = gates()["scattered_figures"]
    nonsense, story = read_answer(NONSENSE_FIGURES, question), read_answer(MEASURED_STORY, question)
    figures, recurring = figure_referents(nonsense)
    assert figures >= spec["min_figures"] and recurring <= spec["recurring_at_most"] * figures
    assert "scattered_figures" in shut_gates(nonsense, judge(nonsense)["specificity.relevance"].score)
    assert "scattered_figures" not in shut_gates(story, judge(story)["specificity.relevance"].score)
    got = card(question, NONSENSE_FIGURES)
    assert got.overall <= 40 < card(question, MEASURED_STORY).overall
    assert spec["feedback"] in [c.feedback for c in got.criteria]
    _gates_with(monkeypatch, "scattered_figures", max_level=4)
    assert card(question, NONSENSE_FIGURES).overall > got.overall


@pytest.mark.parametrize(
    "text, figures, recurring",
    [
        ("by march we had a hundred and twenty nurses on the bank", 1, 1),  # one figure; the question names it
        ("there were twelve budget holders. the first month three of them missed it", 2, 1),  # "three of them" points back
        ("we had eleven falls. nine of the eleven were at night", 3, 1),
        ("we had eleven falls on nights. by june there were three falls", 2, 2),
        ("the margin on toner went up forty percent and we saved twelve hours of canteen overtime", 2, 0),
    ],
)
def test_a_figure_is_coherent_when_what_it_counts_comes_back(text, figures, recurring):
    from mockint.scoring.offline import figure_referents

    assert figure_referents(read_answer(text, "How did you grow the nurse bank?")) == (figures, recurring)


def test_a_broken_topic_is_one_line_naming_the_file(tmp_path):
    from mockint.errors import DataFileError
    from mockint.scoring.semantic import _topics_data

    path = tmp_path / "substance.yaml"
    path.write_text("schema_version: 1\ntopics:\n  conflict: {asked: [conflict*]}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"substance.yaml: topic `conflict` must have `asked` and `answered`"):
        _topics_data(str(path), 1)
    path.write_text("schema_version: 1\ntopics:\n  conflict: {asked: [Conflict], answered: [argued]}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"`topics.conflict.asked` must be a non-empty list of lower-case phrases"):
        _topics_data(str(path), 2)


@pytest.mark.parametrize(("section", "loader"), [
    ("ties_back: ['*']", "_ties_back_data"),
    ("figures:\n  equating: [the same as, '*']", "_equating_data"),
    ("bad_outcomes:\n  happened: [lost]\n  averted: ['*']\n  stood_by: [a win]", "_bad_outcomes_data"),
    ("topics:\n  conflict: {asked: [conflict*], answered: ['*']}", "_topics_data"),
    ("before_after:\n  before: ['*']\n  after: [now]\nown_part: [my part was]", "_telling_data"),
    ("before_after:\n  before: [before]\n  after: [now]\nown_part: ['*']", "_telling_data"),
])
def test_a_lone_star_is_refused_in_every_phrase_list(tmp_path, section, loader):
    """A lone `*` matches any word: `ties_back: ["*"]` would tie every story back and switch the check off."""
    from mockint.errors import DataFileError
    from mockint.scoring import semantic

    path = tmp_path / "substance.yaml"
    path.write_text(f"schema_version: 1\n{section}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"substance.yaml: `[a-z_.]+` must be a non-empty list of lower-case phrases, each "
                                            r"with a word besides \*, not '\*'$"):
        getattr(semantic, loader)(str(path), 1)
