"""A criterion's words fit the question it judges (rubric files' `variants`): a weakness answered with a
cliche is told so, not given advice about "this employer"; a generic "why this post?" is told it is
generic, not to answer the question it answered (trial 3, finding 10)."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from mockint.errors import DataFileError
from mockint.resources import resource_dir
from mockint.scoring.rubrics import load_rubrics

CLICHE = ("I'm a perfectionist, so I sometimes spend too long getting things exactly right. I also work too hard and "
          "find it hard to switch off, but I think that shows how much I care about my patients and my team.")
GENERIC_WHY = ("I want this ward manager post because it is a great opportunity for career progression and I am passionate "
               "about nursing. The trust has a good reputation and a great culture, and I think I would be a great fit for "
               "the team because I am hard working and a people person.")


def _score(run_cli, tmp_path, answer: str, question: str) -> dict:
    path = tmp_path / "answer.txt"
    path.write_text(answer, encoding="utf-8")
    res = run_cli("score", "--text", str(path), "--offline", "-q", question, "--json")
    assert res.code == 0, res
    return json.loads(res.out)["scorecard"]


def _words(card: dict) -> str:
    return " ".join([*(c["feedback"] for c in card["criteria"] if c["applies"]), *card["improvements"]])


def test_a_cliche_weakness_is_told_it_is_a_cliche_not_about_the_employer(run_cli, tmp_path):
    card = _score(run_cli, tmp_path, CLICHE, "What is your greatest weakness, and what are you doing about it?")
    words = _words(card)
    assert card["overall"] < 40
    assert "employer" not in words and "your example shows it" not in words, words
    assert "strength in disguise" in card["improvements"][0], card["improvements"]
    fit = next(c for c in card["criteria"] if c["criterion"] == "fit")
    # Fit is read in the weakness variant's words for its level (what is being done about it), not the
    # general "link to the role" descriptor.
    spec = next(c for r in load_rubrics() if r.id == "motivation" for c in r.criteria if c.id == "fit")
    assert fit["feedback"] == spec.variants[0].levels[fit["score"]], fit


def test_a_generic_why_this_post_is_told_it_is_generic(run_cli, tmp_path):
    card = _score(run_cli, tmp_path, GENERIC_WHY, "Why do you want this ward manager post?")
    words = _words(card)
    assert "Answer the exact question asked" not in words and "story" not in words, words
    relevance = next(c for c in card["criteria"] if c["criterion"] == "relevance")
    assert relevance["score"] <= 2 and ("would fit other roles" in relevance["feedback"] or "any employer" in relevance["feedback"])
    # A past-example question keeps the criterion's own words.
    story = _score(run_cli, tmp_path, GENERIC_WHY, "Tell me about a time you improved a process.")
    assert any("Answer the exact question asked" in advice for advice in story["improvements"]), story["improvements"]


def test_variants_are_chosen_by_kind_then_wording_and_keep_the_rest():
    relevance = next(r for r in load_rubrics(["specificity"])).criterion("relevance")
    weakness = relevance.for_question("What's your biggest weakness?", "motivation")
    why = relevance.for_question("Why us?", "motivation")
    story = relevance.for_question("Tell me about a time you failed.", "behavioural")
    assert story is relevance
    assert "strength" in weakness.levels[1] and "any employer" in why.levels[1]
    assert weakness.levels[4] == why.levels[4] == relevance.levels[4]  # levels a variant leaves alone
    assert weakness.weight == relevance.weight and weakness.weak_below == relevance.weak_below


def test_a_bad_variant_is_a_one_line_data_error(tmp_path):
    for path in resource_dir("rubrics").glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    data = yaml.safe_load((tmp_path / "motivation.yaml").read_text(encoding="utf-8"))
    data["criteria"][0]["variants"][0]["question"] = "(unclosed"
    (tmp_path / "motivation.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"motivation.yaml: invalid rubric at criteria.0.variants.0.question"):
        load_rubrics(folder=tmp_path)


# "Why do you want to work here?" answered with a story and no reason at all (a new-user trial: it was told
# "Generic praise that fits any employer", though it praises nothing).
STORY_WHY = ("Last year our warehouse flooded on a Sunday night. I was the shift lead, so I came in at five, moved the "
             "pallets off the floor with two colleagues, and we had the dispatch running again by ten. The client never "
             "missed a delivery, and my manager thanked the whole team at the Monday meeting.")
STORY_WHY_2 = ("So at my last job we had a big audit in March. I stayed late for two weeks, I went through all 300 files "
               "myself and we passed with no findings. My manager was really pleased and the team went out for dinner after.")


def _answer(answer_id: str, question_id: str, text: str, card=None):
    from mockint.coaching.questions import load_bank
    from mockint.records import Transcript
    from mockint.scoring import score_question
    from mockint.scoring.offline import OfflineScorer
    from mockint.session import Answer

    question = load_bank().get(question_id).ref()
    transcript = Transcript(text=text, duration=20.0)
    card = card or score_question(OfflineScorer(), question, transcript, load_rubrics())
    return Answer(id=answer_id, question=question, status="scored", transcript=transcript, scorecard=card)


def test_a_story_for_why_here_is_told_it_gave_no_reasons_not_generic_praise():
    from mockint.coaching.weakness import find_weak_areas
    from mockint.reporting.analysis import analyse_answer
    from mockint.scoring.card import RawCriterion, build_scorecard

    rubrics = load_rubrics()
    offline = [_answer("a01", "fit.why_here", STORY_WHY), _answer("a02", "fit.best_fit", STORY_WHY_2)]
    # The repeated weak area's line for each answer (the report's "Repeated weak areas"): both are held down by the
    # off-topic gate, so the area is the gate's relevance, not the specific reasons the card holds (trial 6).
    (area,) = find_weak_areas(offline, rubrics)
    assert area.id == "specificity.relevance" and area.count == 2
    for evidence in area.evidence:
        assert "praise" not in evidence.detail.lower() and "story" in evidence.detail, evidence.detail
    # An LLM's card (no feedback of its own: the level's descriptor), relevance 2 so no gate holds it down.
    scores = {"specificity.concrete_detail": 2, "specificity.relevance": 2, "motivation.specific_reasons": 1, "motivation.fit": 2}
    raw = [RawCriterion(rubric=r.id, criterion=c.id, score=scores.get(f"{r.id}.{c.id}", 1), quotes=[], feedback="")
           for r in rubrics for c in r.criteria]
    question = offline[0].question
    card = build_scorecard(raw, offline[0].transcript, rubrics, scorer="llm", applicable=question.criteria)
    assert "praise" in card.criterion("motivation.specific_reasons").feedback.lower()  # the card keeps its words
    row = next(c for c in analyse_answer(_answer("a01", "fit.why_here", STORY_WHY, card), rubrics=rubrics).criteria
               if c.key == "motivation.specific_reasons")
    assert "praise" not in row.feedback.lower() and "story" in row.feedback, row.feedback


def test_generic_praise_is_still_told_it_is_generic():
    from mockint.scoring import story_not_reasons
    from mockint.scoring.card import criterion_words

    answer = _answer("a01", "fit.why_here", GENERIC_WHY)
    reasons = answer.scorecard.criterion("motivation.specific_reasons")
    spec = next(r for r in load_rubrics() if r.id == "motivation").criterion("specific_reasons")
    assert reasons.score <= 1
    assert "story" not in criterion_words(reasons, spec, lambda: story_not_reasons(answer.question, GENERIC_WHY))


def test_an_own_question_saved_as_motivation_is_told_in_motivation_words(capsys):
    """Own questions (practice --mine) name their kind when the wording says another: "What brought you to apply
    to Riverside?" reads as a past story by its words, but is judged as motivation. Every view reads the story
    told in place of reasons with the kind it was judged as, not the wording's."""
    from mockint.cli.render import render_scorecard
    from mockint.coaching.own_questions import OwnQuestion, own_refs
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import find_weak_areas
    from mockint.records import Transcript
    from mockint.reporting.analysis import analyse_answer
    from mockint.scoring import story_not_reasons
    from mockint.scoring.card import RawCriterion, build_scorecard
    from mockint.scoring.kinds import classify
    from mockint.session import Answer

    rubrics = load_rubrics()
    wording = "What brought you to apply to Riverside?"
    assert classify(wording) != "motivation"  # else this test would not tell the kinds apart
    (question,) = own_refs([OwnQuestion(text=wording, kind="motivation")], load_bank())
    # An LLM's card (the level's descriptor for its words) at Specific reasons 1, as in the test above.
    scores = {"specificity.concrete_detail": 2, "specificity.relevance": 2, "motivation.specific_reasons": 1, "motivation.fit": 2}
    # Quoted, so relevance stays at 2 (unquoted it is capped to 1, the off-topic gate shuts, and the weak area
    # is relevance, not the specific reasons the card then holds as not the reason for the score).
    answers = []
    for answer_id, story, quote in (("a01", STORY_WHY, "I was the shift lead"), ("a02", STORY_WHY_2, "I stayed late for two weeks")):
        quoted = ("specificity.relevance", "specificity.concrete_detail", "motivation.fit")
        raw = [RawCriterion(rubric=r.id, criterion=c.id, score=scores.get(f"{r.id}.{c.id}", 1),
                            quotes=[quote] if f"{r.id}.{c.id}" in quoted else [], feedback="")
               for r in rubrics for c in r.criteria]
        transcript = Transcript(text=story, duration=20.0)
        card = build_scorecard(raw, transcript, rubrics, scorer="llm", applicable=question.criteria)
        answers.append(Answer(id=answer_id, question=question, status="scored", transcript=transcript, scorecard=card))
    assert story_not_reasons(question, STORY_WHY) and not story_not_reasons(wording, STORY_WHY)
    row = next(c for c in analyse_answer(answers[0], rubrics=rubrics).criteria if c.key == "motivation.specific_reasons")
    assert row.applies and row.score <= 1 and "story" in row.feedback and "praise" not in row.feedback.lower(), row
    (area,) = [a for a in find_weak_areas(answers, rubrics) if a.id == "motivation.specific_reasons"]
    assert all("story" in e.detail and "praise" not in e.detail.lower() for e in area.evidence), area.evidence
    render_scorecard(answers[0].scorecard, question=question, text=STORY_WHY)
    shown = " ".join(capsys.readouterr().out.split())
    assert "A story, not reasons" in shown and "Generic praise" not in shown, shown


def test_why_management_now_is_coached_on_the_step_not_on_researching_the_employer(run_cli, tmp_path):
    # trial 12: "Why do you want to be a manager now?" answered "Because I am ready. Five years team leader. I want the
    # next step." was told to "name two things about this employer" and "what you found out about them"
    card = _score(run_cli, tmp_path, "Because I am ready. Five years team leader. I want the next step.",
                  "Why do you want to be a manager now?")
    words = _words(card)
    assert card["overall"] < 45
    assert "this employer" not in words and "found out about them" not in words, words
    assert any("why now" in advice for advice in card["improvements"]), card["improvements"]
    # The employer's own question keeps the research words.
    employer = _score(run_cli, tmp_path, "Because I am ready. Five years team leader. I want the next step.",
                      "Why do you want to be a manager at our company?")
    assert any("this employer" in advice for advice in employer["improvements"]), employer["improvements"]
