"""Rubric files load and validate; the overall score and band are computed from weights."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from mockint.errors import DataFileError
from mockint.records import CriterionScore
from mockint.resources import resource_dir
from mockint.scoring.rubrics import (
    BANDS,
    MAX_SCORE,
    band_for,
    criteria_by_key,
    load_overall_formula,
    load_rubrics,
    overall_for,
    overall_score,
)


def _scores(rubrics, pick) -> list[CriterionScore]:
    return [
        CriterionScore(rubric=r.id, criterion=c.id, score=pick(r, c), weight=c.weight)
        for r in rubrics
        for c in r.criteria
    ]


def test_every_rubric_loads_with_every_level_described():
    rubrics = load_rubrics()
    # STAR and specificity first; the rubrics of the other kinds of question after, alphabetically.
    assert [r.id for r in rubrics] == ["star", "specificity", "approach", "motivation", "situational", "technical"]
    star, spec = rubrics[:2]
    assert [c.id for c in star.criteria] == ["situation", "task", "action", "result"]
    assert {c.id for c in spec.criteria} == {"quantified_impact", "concrete_detail", "ownership", "real_example", "relevance"}
    for rubric in rubrics:
        assert rubric.version
        assert len(rubric.golden) >= (3 if rubric.id in ("star", "specificity") else 2)
        for c in rubric.criteria:
            assert sorted(c.levels) == list(range(MAX_SCORE + 1))
            assert all(len(text) > 15 for text in c.levels.values())
            assert c.weight > 0 and c.advice and 0 <= c.weak_below <= MAX_SCORE


def test_load_subset_in_asked_order_and_unknown_id():
    assert [r.id for r in load_rubrics(["specificity", "star"])] == ["specificity", "star"]
    with pytest.raises(DataFileError, match="unknown rubric 'nope'"):
        load_rubrics(["nope"])


def test_overall_extremes_and_weighting():
    rubrics = load_rubrics(["star", "specificity"])
    top, top_band, per = overall_score(_scores(rubrics, lambda r, c: 4), rubrics)
    assert (top, top_band, per) == (100.0, "strong", {"star": 100.0, "specificity": 100.0})
    bottom, bottom_band, _ = overall_score(_scores(rubrics, lambda r, c: 0), rubrics)
    assert (bottom, bottom_band) == (0.0, "weak")

    # Only STAR's result earns points: its weight share of all the criteria given sets the level.
    star = rubrics[0]
    only_result = _scores(rubrics, lambda r, c: 4 if (r.id, c.id) == ("star", "result") else 0)
    total = overall_for(only_result, rubrics)
    share = star.criterion("result").weight / sum(c.weight for r in rubrics for c in r.criteria)
    assert total.per_rubric["star"] == pytest.approx(100 * star.criterion("result").weight / sum(c.weight for c in star.criteria), abs=0.1)
    assert total.per_rubric["specificity"] == 0.0
    assert total.level == pytest.approx(4 * share, abs=0.01)
    assert total.overall == pytest.approx(load_overall_formula().read(4 * share), abs=0.1)


def test_overall_from_the_criteria_given_only():
    """Callers pass only the criteria that apply: one left out is not a zero, and a rubric with
    none given drops out of the overall."""
    rubrics = load_rubrics(["star", "specificity"])
    spec = rubrics[1]
    given = [s for s in _scores(rubrics, lambda r, c: 4 if c.id == "relevance" else 2)
             if s.key in ("specificity.relevance", "specificity.concrete_detail")]
    total = overall_for(given, rubrics)
    rel, det = spec.criterion("relevance"), spec.criterion("concrete_detail")
    level = (rel.weight * 4 + det.weight * 2) / (rel.weight + det.weight)
    assert total.per_rubric == {"specificity": round(25 * level, 1)} and total.level == pytest.approx(level, abs=0.01)
    assert total.overall == round(load_overall_formula().read(level), 1) and total.band == band_for(total.overall)
    assert overall_score([], rubrics) == (0.0, "weak", {})


def test_weights_come_from_the_rubric_not_the_scorer():
    rubrics = load_rubrics(["star"])
    scores = _scores(rubrics, lambda r, c: 4 if c.id == "situation" else 0)
    for s in scores:
        s.weight = 100.0 if s.criterion == "situation" else 0.001
    star = rubrics[0]
    level = 4 * star.criterion("situation").weight / sum(c.weight for c in star.criteria)
    assert overall_for(scores, rubrics).level == pytest.approx(level, abs=0.01)


# --- the formula's properties, on hand-written cards (rubrics/overall.yaml) ---

def _card(rubrics, **scores: int) -> list[CriterionScore]:
    """The criteria named (rubric__criterion=score) as a card's applicable criteria."""
    names = {f"{r.id}__{c.id}": (r, c) for r in rubrics for c in r.criteria}
    return [CriterionScore(rubric=names[k][0].id, criterion=names[k][1].id, name=names[k][1].name, score=v)
            for k, v in scores.items()]


BEHAVIOURAL = {"star__situation": 4, "star__task": 4, "star__action": 4, "star__result": 4,
               "specificity__quantified_impact": 4, "specificity__concrete_detail": 4, "specificity__ownership": 4,
               "specificity__real_example": 4}


@pytest.mark.parametrize("relevance", [0, 1])
def test_an_off_topic_story_cannot_pass_on_its_star_parts(relevance):
    rubrics = load_rubrics()
    total = overall_for(_card(rubrics, **BEHAVIOURAL, specificity__relevance=relevance), rubrics)
    assert total.overall <= 50 and total.band in ("developing", "weak")
    assert total.capped and "Relevance" in total.capped and "does not answer" in total.capped
    # The gate bites only when the answer is off the question: in part (2) is judged on the rest.
    on_topic = overall_for(_card(rubrics, **BEHAVIOURAL, specificity__relevance=2), rubrics)
    assert on_topic.capped is None and on_topic.overall >= 80


@pytest.mark.parametrize("plan,judgement,relevance", [(2, 1, 3), (1, 2, 3), (1, 1, 4), (2, 1, 2)])
def test_a_weak_plan_on_topic_stays_below_45(plan, judgement, relevance):
    """Being on topic is what every answer must do: it cannot lift a poorly judged plan out of weak."""
    rubrics = load_rubrics()
    card = _card(rubrics, situational__plan=plan, situational__judgement=judgement, specificity__relevance=relevance)
    assert overall_for(card, rubrics).overall < 45


def test_bands_sit_on_the_rubric_levels():
    """Criteria averaging 'well, minor gaps' (3) is strong; 'in part' (2) is the weak/developing border."""
    rubrics = load_rubrics()
    for level, band in ((4, "strong"), (3, "strong"), (2, "developing"), (1, "weak"), (0, "weak")):
        card = _card(rubrics, technical__accuracy=level, technical__reasoning=level, specificity__relevance=max(level, 2))
        assert overall_for(card, rubrics).band == band, level
    half = _card(rubrics, technical__accuracy=3, technical__reasoning=2, specificity__relevance=3)
    assert overall_for(half, rubrics).band == "solid"


def test_raising_a_criterion_never_lowers_the_overall():
    rubrics = load_rubrics()
    keys = list(BEHAVIOURAL) + ["specificity__relevance"]
    for base in (0, 1, 2, 3):
        for key in keys:
            for higher in range(base + 1, MAX_SCORE + 1):
                low = overall_for(_card(rubrics, **{k: base for k in keys}), rubrics).overall
                high = overall_for(_card(rubrics, **{k: (higher if k == key else base) for k in keys}), rubrics).overall
                assert high >= low, (key, base, higher)


@pytest.mark.parametrize("scale,problem", [
    ([[0, 0], [2, 60], [3, 50], [4, 100]], "never fall"),
    ([[0, 0], [3, 80]], "from level 0 to level 4"),
    ([[0, 0], [2, 40], [2, 60], [4, 100]], "rise"),
])
def test_an_overall_formula_that_is_not_monotone_is_refused(tmp_path, scale, problem):
    data = yaml.safe_load((resource_dir("rubrics") / "overall.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "overall.yaml"
    path.write_text(yaml.safe_dump({**data, "scale": scale}), encoding="utf-8")
    with pytest.raises(DataFileError, match=f"{path}: invalid overall formula at scale.*{problem}"):
        load_overall_formula(path)


@pytest.mark.parametrize("score", [0, 39.9, 40, 59.9, 60, 79.9, 80, 100])
def test_band_boundaries(score):
    expected = next(name for floor, name in BANDS if score >= floor)
    assert band_for(score) == expected
    assert band_for(80) == "strong" and band_for(79.9) == "solid" and band_for(39.9) == "weak"


def _write_rubric(folder: Path, data: dict) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{data['id']}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")


def _star_data() -> dict:
    return yaml.safe_load((resource_dir("rubrics") / "star.yaml").read_text(encoding="utf-8"))


def test_missing_level_is_a_one_line_data_error(tmp_path):
    data = _star_data()
    del data["criteria"][0]["levels"][3]
    _write_rubric(tmp_path, data)
    with pytest.raises(DataFileError, match=r"star.yaml: invalid rubric at criteria.0.levels"):
        load_rubrics(folder=tmp_path)


@pytest.mark.parametrize(("levels", "problem"), [({5: "beyond the scale"}, "5 is not a score"), ({2: " "}, "empty descriptor")])
@pytest.mark.parametrize("field", ["offline_levels", "variants"])
def test_level_words_must_name_a_score_and_say_something(tmp_path, levels, problem, field):
    data = _star_data()
    if field == "variants":
        data["criteria"][0]["variants"] = [{"question": "weakness", "levels": levels}]
        where = "variants.0.levels"
    else:
        data["criteria"][0]["offline_levels"] = levels
        where = "offline_levels"
    _write_rubric(tmp_path, data)
    with pytest.raises(DataFileError, match=rf"star.yaml: invalid rubric at criteria.0.{where}.*{problem}"):
        load_rubrics(folder=tmp_path)


def test_a_variant_for_an_unknown_kind_is_one_line_naming_the_file_criterion_and_kinds(tmp_path):
    from mockint.scoring.kinds import load_kinds

    data = _star_data()
    data["criteria"][1]["variants"] = [{"kinds": ["motivation"], "advice": "Say why this role."}]
    _write_rubric(tmp_path, data)
    assert load_rubrics(folder=tmp_path)[0].criteria[1].variants[0].kinds == ["motivation"]
    data["criteria"][1]["variants"] = [{"kinds": ["behavioral"], "advice": "Say what you did."}]  # US spelling: not a key
    _write_rubric(tmp_path, data)
    with pytest.raises(DataFileError) as caught:
        load_rubrics(folder=tmp_path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(tmp_path / "star.yaml"))
    assert f"criterion '{data['criteria'][1]['id']}'" in message and "'behavioral'" in message
    assert f"(known: {', '.join(load_kinds())})" in message


def test_golden_expecting_unknown_criterion_is_rejected(tmp_path):
    data = _star_data()
    data["golden"][0]["expected"]["charisma"] = [0, 4]
    _write_rubric(tmp_path, data)
    with pytest.raises(DataFileError, match="unknown criteria"):
        load_rubrics(folder=tmp_path)


def test_bad_yaml_and_id_mismatch(tmp_path):
    (tmp_path / "star.yaml").write_text("id: star\ncriteria: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not valid YAML"):
        load_rubrics(folder=tmp_path)
    data = _star_data()
    data["id"] = "other"
    (tmp_path / "star.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError, match="must match the file name"):
        load_rubrics(folder=tmp_path)


def test_question_bank_file_is_not_a_rubric(tmp_path):
    _write_rubric(tmp_path, _star_data())
    (tmp_path / "questions.yaml").write_text("questions: []\n", encoding="utf-8")
    assert [r.id for r in load_rubrics(folder=tmp_path)] == ["star"]


# --- a coach adds a criterion: data only, no Python ------------------------------------------

REFLECTION = {
    "id": "reflection",
    "name": "Reflection",
    "weight": 1.0,
    "description": "What the candidate learned from the event and would do differently.",
    "levels": {
        0: "No lesson at all.",
        1: "A stock lesson that fits any story.",
        2: "A lesson tied to this story, stated vaguely.",
        3: "A specific lesson from this story.",
        4: "A specific lesson and how the candidate has applied it since.",
    },
    "weak_below": 3,
    "advice": "Close with one sentence on what you would do differently, and where you have done it since.",
    "followup": 'You said "{quote}". Looking back, what would you do differently, and have you had the chance since?',
    "followup_criteria": ["star.reflection", "star.result"],
    "quote_cues": ["learned", "next time"],
    "proof": "A note of one lesson from this story and where you have applied it since.",
}
ANSWER_TEXT = (
    "Last spring our release slipped by two weeks. It was my job to get it back on track. "
    "I rebuilt the test pipeline and we shipped on the new date. I learned that it was fine in the end."
)


@pytest.fixture
def rubrics_with_reflection(tmp_path, monkeypatch):
    """The bundled rubrics, copied, with one criterion added to STAR's file: what a coach does."""
    import mockint.scoring.rubrics

    folder = tmp_path / "rubrics"
    folder.mkdir()
    for name in ("specificity.yaml", "overall.yaml"):
        shutil.copy(resource_dir("rubrics") / name, folder)
    star = _star_data()
    star["criteria"].append(REFLECTION)
    _write_rubric(folder, star)
    monkeypatch.setattr(mockint.scoring.rubrics, "resource_dir", lambda name: folder)
    return load_rubrics()


def _reflection_answer(answer_id: str, rubrics, reflection: int):
    """An answer scored 4 everywhere but on reflection (with no quote), through card.build_scorecard."""
    from conftest import timed_transcript

    from mockint.records import QuestionRef
    from mockint.scoring.card import RawCriterion, build_scorecard
    from mockint.session import Answer

    transcript = timed_transcript(ANSWER_TEXT)
    raw = [
        RawCriterion(
            rubric=r.id, criterion=c.id, score=reflection if c.id == "reflection" else 4,
            # Quotes that show what a 4 needs on every other criterion (the rubrics' support rules).
            quotes=[] if c.id == "reflection" else [
                "Last spring our release slipped by two weeks", "It was my job to get it back on track",
                "I rebuilt the test pipeline and we shipped on the new date", "I learned that it was fine in the end",
            ],
            feedback=f"{c.name} feedback",
        )
        for r in rubrics
        for c in r.criteria
    ]
    card = build_scorecard(raw, transcript, rubrics, scorer="offline")
    question = QuestionRef(id=f"beh.release_{answer_id}", text=f"Tell me about a slipped release ({answer_id}).")
    return Answer(id=answer_id, question=question, status="scored", transcript=transcript, scorecard=card)


def test_a_criterion_added_to_a_rubric_file_flows_into_scorecard_weak_areas_plan_and_report(rubrics_with_reflection):
    from mockint.coaching.plan import plan_next_round
    from mockint.coaching.questions import load_bank
    from mockint.coaching.weakness import find_weak_areas
    from mockint.reporting.analysis import analyse_session
    from mockint.reporting.render import md_escape, render_session
    from mockint.session import Session

    rubrics = rubrics_with_reflection
    star = rubrics[0]
    assert [c.id for c in star.criteria][-1] == "reflection"

    # The scorecard: scored, weighted by the file's weight, and its advice among the improvements.
    answers = [_reflection_answer("a01", rubrics, reflection=1), _reflection_answer("a02", rubrics, reflection=0)]
    card = answers[0].scorecard
    row = card.criterion("star.reflection")
    assert (row.name, row.score, row.weight, row.applies) == ("Reflection", 1, 1.0, True)
    assert card.rubric_scores["star"] == round(100 * (5.0 + 1.0 / 4) / 6.0, 1)  # weights 1+1+1.5+1.5+1
    assert f"Reflection: {REFLECTION['advice']}" in card.improvements

    # The weak-area analysis: named and advised from the file.
    (area,) = [w for w in find_weak_areas(answers, rubrics) if w.id == "star.reflection"]
    assert (area.name, area.advice, area.count, area.total) == ("STAR structure: Reflection", REFLECTION["advice"], 2, 2)

    # The next round: the file's follow-up, quoting the sentence its cue words pick, judged on its criteria.
    plan = plan_next_round([area], answers, load_bank(), rubrics, n=2)
    followup = next(q for q in plan if q.source == "followup")
    assert followup.text == REFLECTION["followup"].format(quote="I learned that it was fine in the end")
    assert followup.criteria == ["star.reflection", "star.result"]

    # The Markdown report: the criterion's row, the weak area with its advice, the proof to bring.
    session = Session(id="20250301-100000-abcd")
    session.new_round("bank").answers.extend(answers)
    md = render_session(session, analyse_session(session, rubrics, bank=load_bank()), "md")
    assert "| Reflection | 1/4 | _no verified quote_ | Reflection feedback |" in md
    assert "| STAR structure: Reflection | 0.5/4 | 2 |" in md
    assert f"- **STAR structure: Reflection**: weak in 2 of 2 answers (a01 1/4, a02 0/4). {md_escape(REFLECTION['advice'])}" in md
    assert f"  - {md_escape(REFLECTION['proof'])}" in md


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"followup": "What would you do differently?"}, r"criteria.4.followup: .*needs \{quote\}"),
        ({"followup": 'You said "{quote}" in {place}'}, r"criteria.4.followup: .*unknown \{place\}"),
        ({"followup_criteria": ["reflection"]}, r"criteria.4.followup_criteria.0: .*criterion 'reflection' must look like 'rubric.criterion'"),
        ({"quote_cues": ["Learned"]}, r"criteria.4.quote_cues: .*must be lower-case"),
        ({"followup_criteria": ["star.hindsight"]}, r"star.yaml: criterion 'reflection' has followup_criteria 'star.hindsight', which no rubric defines"),
    ],
)
def test_bad_coaching_words_are_one_line_data_errors(tmp_path, change, message):
    data = _star_data()
    data["criteria"].append(REFLECTION | change)
    _write_rubric(tmp_path, data)
    with pytest.raises(DataFileError, match=message) as info:
        load_rubrics(folder=tmp_path)
    assert "\n" not in str(info.value)


def test_the_offline_scorer_shows_a_criterion_it_cannot_judge_as_not_judged(rubrics_with_reflection):
    from mockint.records import Transcript
    from mockint.scoring.offline import OfflineScorer

    card = OfflineScorer().score("Tell me about a slipped release.", Transcript(text=ANSWER_TEXT, duration=0.0), rubrics_with_reflection)
    row = card.criterion("star.reflection")
    assert row is not None and not row.judged and not row.applies  # shown, n/a, not counted
    assert row.feedback == "Not judged by the offline scorer."
    others = [c for c in card.criteria if c.key != "star.reflection"]
    assert all(c.judged for c in others) and card.rubric_scores["star"] is not None


def test_caveats_shown_to_candidates_carry_no_markdown_marks():
    # The report escapes what it prints, so a backtick in a caveat showed as "\`blend = "mean"\`" (trial 12)
    from mockint.scoring.rubrics import load_rubrics

    caveats = [c.offline_caveat for r in load_rubrics() for c in r.criteria if c.offline_caveat]
    assert caveats and not any(mark in c for c in caveats for mark in ("`", "**", "__"))


def test_advice_at_a_level_replaces_the_criterions_advice_only_there():
    # A paraphrase told wholly in the past tense, thin on when and where (Real past example 2 of 4), was told to "tell it
    # in the past tense"; specificity.yaml's advice_at gives that level its own advice.
    from mockint.scoring.card import pick_improvements

    rubrics = load_rubrics()
    spec = criteria_by_key(rubrics)["specificity.real_example"][1]
    assert 2 in spec.advice_at and spec.advice_at[2] != spec.advice

    def advice(score: int) -> list[str]:
        crit = CriterionScore(rubric="specificity", criterion="real_example", score=score)
        return pick_improvements([crit], rubrics)

    assert advice(2) == [f"{spec.name}: {spec.advice_at[2]}"] and "past tense" not in advice(2)[0]
    assert advice(1) == [f"{spec.name}: {spec.advice}"]
