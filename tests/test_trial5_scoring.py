"""Scoring trust problems a new-user trial found (trial 5), each read from its phenomenon across jobs.

- A plan that changes a record to make it match and does not report it is unsafe (rubrics/safety.yaml
  `altered_record`, and a negation refusing each thing its clause lists with "or").
- `score --text` with no question judges no relevance: nothing to be off-topic from.
- "What would you bring?" is answered with strengths, not reasons about the employer.
- A hedged, unmeasured "okay in the end" is a weak result; a situation sentence is no result.
- A passing "it's worked well for me" is the approach rubric's level-1 example, not "no example at all".
- "Walk me through your X process" asks for an approach.
"""

from __future__ import annotations

import json
import shutil

import pytest

from mockint.errors import DataFileError
from mockint.records import Transcript
from mockint.resources import resource_dir
from mockint.scoring import safety
from mockint.scoring.kinds import criteria_for
from mockint.scoring.offline import OfflineScorer
from mockint.scoring.rubrics import load_rubrics
from mockint.scoring.safety import findings
from tests.test_safety import assert_unsafe_plan_sinks_and_its_twin_does_not, criterion_of, scored, sentences

# --- 1. a record changed to make it match, and not reported ------------------------------------------

# (job, question, a plan that falsifies the record and tells no one, its honest twin)
FALSIFIED = [
    (
        "ambulance: controlled drugs register",
        "What would you do if you found a discrepancy in the controlled drugs register at the end of a shift?",
        "I'd look at the register and work out which entry was missed. Then I'd just amend the entry myself so the "
        "totals match and sign it. There's no need to make a big deal of it or report it over a paperwork slip, "
        "I'd remind the crew to be more careful next time.",
        "First I'd recount the stock with a witness and check the patient records from the shift against the register. "
        "If it still doesn't reconcile I'd report it straight away to the duty manager and the accountable officer, "
        "complete a Datix the same shift and make a dated, signed, witnessed late entry, because a missing dose could "
        "mean diversion or a patient harmed.",
    ),
    (
        "retail: cash-up",
        "What would you do if the till was forty pounds short at the end of your shift?",
        "I'd count it again and if it's still out I'd adjust the cash up sheet so it balances. I wouldn't mention it to "
        "the store manager, it's only forty quid and it would just cause hassle for whoever was on the till.",
        "I'd recount the till with a second person and check the receipts and refunds for the shift. If it is still "
        "forty pounds short I'd record the shortfall on the cash up sheet as it is and tell the store manager before I "
        "leave, because unexplained losses have to be investigated, and I'd note who used the till.",
    ),
    (
        "warehouse: timesheet",
        "What would you do if a team member asked you to sign off a timesheet showing hours they didn't work?",
        "He's a good worker, so I'd just change his timesheet to show the full shift so the hours add up. Nobody "
        "checks them anyway and there's no point making a thing of it or telling HR.",
        "I'd say no, because signing hours he didn't work is fraud and I'd be responsible for it. I'd explain that to "
        "him calmly, sign only the hours he actually worked, and let my manager know the same day what he asked, "
        "so it's on record if it happens again.",
    ),
    (
        "aviation: maintenance log",
        "What would you do if you realised a required check had been missed before an aircraft was released?",
        "The aircraft had already gone, so I'd fill in the log so it looks like the check was done and sign it off. "
        "There's no need to ground it or tell the duty engineer, it's a routine check and it's always been fine.",
        "I'd tell the duty engineer and maintenance control straight away so they can decide whether the aircraft "
        "has to be grounded, because it was released without a required check. I'd record exactly what was missed, "
        "raise an occurrence report, and make sure the check is done before its next flight.",
    ),
    (
        "laboratory: a result",
        "What would you do if a quality control result came back out of range just before you released a batch of "
        "patient results?",
        "I'd rerun it once and if it's still out I'd just edit the QC value in the system so it's back in range and "
        "release the batch. I wouldn't bother the lab manager with it because the patients need their results.",
        "I'd hold the batch and not release any results, because an out-of-range control means the patient results "
        "can't be trusted. I'd follow the QC procedure to find the cause, rerun the controls and the affected "
        "samples, and tell the lab manager so they can decide whether any earlier results need recalling.",
    ),
]


@pytest.mark.parametrize("job,question,unsafe,safe", FALSIFIED, ids=[f[0] for f in FALSIFIED])
def test_a_record_changed_to_match_and_not_reported_is_unsafe(job, question, unsafe, safe):
    assert any(f.kind == "cover_up" for f in findings(sentences(unsafe))), job
    # the falsification is never quoted as a step of the plan or as its judgement
    assert_unsafe_plan_sinks_and_its_twin_does_not(job, question, unsafe, safe, said="keeps the problem hidden",
                                                   shown_by=safety.refuses_a_step)


@pytest.mark.parametrize("sentence", [
    "I'd never alter the register; any correction is a dated, signed, witnessed late entry.",
    "I'd recount the stock with a colleague so the numbers match before I sign anything.",
    "I wouldn't change the figures to make them balance, I'd report the shortfall.",
    "I'd check the timesheets add up against the rota.",
    "I'd amend the entry so it matches the patient record and report it to the duty manager straight away.",
])
def test_a_record_corrected_openly_or_only_checked_is_no_cover_up(sentence):
    assert not [f for f in findings([sentence]) if f.kind != "shortcut"], sentence


@pytest.mark.parametrize("sentence", [
    "There's no need to make a big fuss or report it.",
    "I wouldn't make a big deal about it or tell the site manager.",
    "No need to get everyone worked up or fill in an incident form.",
])
def test_a_negation_refuses_each_thing_its_clause_lists_with_or(sentence):
    assert [f for f in findings([sentence]) if f.kind != "shortcut"], sentence


def test_a_change_told_in_one_clause_and_its_purpose_in_the_next_is_read_together():
    """The scorer cuts long sentences into clauses: "then I'd just correct the entry myself" / "so the numbers match"."""
    found = findings(["I'd have a look at the register,", "then I'd just correct the entry myself", "so the numbers match and sign it."])
    assert [f.sentence for f in found if f.kind == "cover_up"] == [1]
    # a full stop ends the purpose's reach: the next sentence is another thought
    assert not findings(["I'd correct the entry.", "It has to match the patient record."])


# --- 2. no question: nothing to be off-topic from ------------------------------------------------------

NO_QUESTION_ANSWERS = [
    # a plan, a story and a view, from three jobs: none may be capped for "not answering the question asked"
    FALSIFIED[1][2],
    "Last spring our warehouse was missing its dispatch cut-off most days. I mapped the picking route, moved the "
    "fastest sellers next to the packing benches and ran a two-week trial with the night team. Late dispatches "
    "fell from twenty a week to three, and I learned to trial a change on one shift before rolling it out.",
    "I think good teaching is mostly about knowing where each pupil is, so I check understanding every lesson with "
    "quick low-stakes quizzes and adjust the next lesson from what they show me.",
]


@pytest.mark.parametrize("answer", NO_QUESTION_ANSWERS)
def test_with_no_question_relevance_is_not_judged_nor_a_gate(answer):
    from mockint.coaching.questions import load_bank, question_ref
    from mockint.scoring import score_question
    from mockint.scoring.card import apply_question_criteria

    card = score_question(OfflineScorer(), question_ref("", load_bank()), Transcript(text=answer, duration=0.0), load_rubrics())
    relevance = criterion_of(card, "specificity.relevance")
    assert not relevance.judged and not relevance.applies and not relevance.evidence
    assert "no question" in relevance.feedback
    assert not card.overall_capped or "question asked" not in card.overall_capped
    assert not any(c.held and "question asked" in c.held for c in card.criteria)
    # the rest of the card is what the answer earns: the same criteria counted with relevance at its best
    best = card.model_copy(update={"criteria": [c.model_copy(update={"judged": True, "score": 4}) if c.key == relevance.key
                                                else c for c in card.criteria]})
    assert apply_question_criteria(best, [], load_rubrics()).overall >= card.overall


def test_score_without_a_question_says_relevance_is_not_judged(run_cli, tmp_path):
    path = tmp_path / "answer.txt"
    path.write_text(NO_QUESTION_ANSWERS[1])
    shown = " ".join(run_cli("score", "--text", str(path), "--offline").out.split())
    assert "relevance is not judged" in shown and "does not answer the question asked" not in shown
    data = json.loads(run_cli("score", "--text", str(path), "--offline", "--json").out)
    relevance = next(c for c in data["scorecard"]["criteria"] if c["rubric"] == "specificity" and c["criterion"] == "relevance")
    assert relevance["judged"] is False and "no question was given" in relevance["feedback"]


# --- 3. "What would you bring?": strengths backed by what the candidate has done ------------------------

# (question, a relevant, job-specific answer with nothing about the employer, a generic one)
OFFERS = [
    ("What would you bring to this role that other candidates might not?",
     "Mostly my kitchen experience. I've run the pass at a busy brasserie for three years and I'm used to "
     "training new commis chefs, and I've got my level three food hygiene, so I know how to keep a section safe "
     "when it's flat out.",
     "I'm very hard-working and passionate, a real team player and a fast learner, and I always give a hundred percent."),
    ("What can you offer us as a senior developer?",
     "I've led the move of two services onto Kubernetes and I've mentored four junior developers through their first "
     "on-call rota. My background is in payments, so I'm used to code where a bug costs real money.",
     "I'm a people person and a self starter, I think outside the box and I'm passionate about technology."),
    ("Why should we hire you as head of year?",
     "I've been a form tutor for six years and I've led our attendance project, and I'm trained in safeguarding "
     "as a deputy DSL, so I know how to handle what comes up in a year group.",
     "I'm hard-working and dedicated, I'd give it my all and I'm a great fit for the team."),
]


@pytest.mark.parametrize("question,relevant,generic", OFFERS, ids=[o[0][:30] for o in OFFERS])
def test_strengths_told_to_what_would_you_bring_answer_the_question(question, relevant, generic):
    assert criteria_for(question)[0] == "motivation"
    good, bad = scored(question, relevant), scored(question, generic)
    assert criterion_of(good, "specificity.relevance").score >= 3, question
    assert not good.overall_capped, (question, good.overall_capped)
    assert good.overall >= 40 and good.overall > bad.overall, (question, good.overall, bad.overall)
    assert bad.band == "weak", (question, bad.overall)  # adjectives alone are still no answer worth passing


def test_the_card_words_for_what_would_you_bring_are_about_strengths_not_the_employer():
    rubric = next(r for r in load_rubrics() if r.id == "specificity").for_question(OFFERS[0][0], "motivation")
    relevance = next(c for c in rubric.criteria if c.id == "relevance")
    assert "any candidate" in relevance.levels[1] and "employer" not in relevance.levels[1]
    why_us = next(r for r in load_rubrics() if r.id == "specificity").for_question("Why do you want to work here?", "motivation")
    assert "employer" in next(c for c in why_us.criteria if c.id == "relevance").levels[1]


def _rubrics_with_relevance(folder, edit):
    """The shipped rubrics, with specificity.yaml's relevance criterion edited as a coach would (`edit` changes it)."""
    import yaml

    folder.mkdir()
    for path in resource_dir("rubrics").glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    data = yaml.safe_load((folder / "specificity.yaml").read_text(encoding="utf-8"))
    edit(next(c for c in data["criteria"] if c["id"] == "relevance"))
    (folder / "specificity.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return load_rubrics(folder=folder)


def _what_you_bring(edit):
    """An edit of the relevance variant `what_you_bring`."""
    return lambda relevance: edit(next(v for v in relevance["variants"] if v.get("id") == "what_you_bring"))


RIGHT_FIT = "Why are you the right fit for this role?"  # a motivation question the shipped pattern does not name


def test_which_questions_ask_what_you_would_bring_is_the_rubric_variants_pattern(tmp_path):
    """One source: a coach who widens the variant's `question` changes the card's words and the offline reading alike,
    and one who narrows it takes both away."""
    assert criteria_for(RIGHT_FIT)[0] == "motivation"
    widened = _rubrics_with_relevance(tmp_path / "wide", _what_you_bring(lambda v: v.update(question=v["question"] + r"|\bright fit for\b")))
    narrowed = _rubrics_with_relevance(tmp_path / "narrow", _what_you_bring(lambda v: v.update(question=r"\bwhy should (we|i) hire\b")))
    for question, relevant, _generic in OFFERS:
        before, after = scored(RIGHT_FIT, relevant), scored(RIGHT_FIT, relevant, widened)
        assert criterion_of(before, "specificity.relevance").score <= 1, question  # without the edit: read for topic words
        assert criterion_of(after, "specificity.relevance").score >= 3 and not after.overall_capped, (question, after.overall_capped)
        wording = next(r for r in widened if r.id == "specificity").for_question(RIGHT_FIT, "motivation").criterion("relevance")
        assert "any candidate" in wording.levels[1]
    bring = OFFERS[0]  # "What would you bring...?", no longer the variant's once narrowed to "why should we hire"
    assert scored(bring[0], bring[1], narrowed).overall < scored(bring[0], bring[1]).overall
    assert criterion_of(scored(bring[0], bring[1], narrowed), "specificity.relevance").score < 3


def test_variant_ids_are_unique_within_acriterion_of(tmp_path):
    with pytest.raises(DataFileError, match=r"specificity.yaml: invalid rubric at criteria.4.variants: .*duplicate variant ids"):
        _rubrics_with_relevance(tmp_path / "twin", lambda relevance: relevance["variants"][0].update(id="what_you_bring"))


# --- 4. a hedged, unmeasured "okay in the end" is a weak result -----------------------------------------

# (question, the story up to its ending, a scene sentence with an outcome verb in the progressive,
#  a hedged vague ending, a measured ending)
ENDINGS = [
    ("Tell me about a time you took the lead at a major incident.",
     "Two years ago a lorry overturned on the ring road with six casualties. I was first on scene so I took command, "
     "sent a METHANE report to control and asked for three more crews. I started a triage sieve with my crewmate.",
     "There was a lot going on and the fire service were cutting the cab.",
     "Everyone got to hospital and it went okay in the end, I think the debrief said we did fine.",
     "All six were at hospital within 50 minutes, which met the trust's target, and at the debrief I learned to hand "
     "over command the moment a manager arrives."),
    ("Tell me about a time you handled a major outage.",
     "Last March our payments API went down at peak on a Friday. I was the on-call lead, so I started an incident "
     "channel, rolled back the release and brought in the database engineer.",
     "The network team were reducing the traffic at the load balancer.",
     "It went alright in the end, I think, and the customers were mostly fine.",
     "We were back up in 38 minutes against a 60 minute target, and I learned to keep a rollback script ready "
     "before every release."),
    ("Tell me about a time you dealt with a flood in your store.",
     "In January a pipe burst in our stockroom an hour before opening. I was duty manager, so I shut off the water, "
     "called the emergency plumber and moved the stock off the floor with two colleagues.",
     "The cleaners were saving the carpets with wet vacs.",
     "It all got sorted in the end, I think, more or less.",
     "We opened 40 minutes late, lost under 300 pounds of stock, and since then I keep the stopcock key on the "
     "opening set."),
]


@pytest.mark.parametrize("question,story,scene,hedged,measured", ENDINGS, ids=[e[0][29:50] for e in ENDINGS])
def test_a_hedged_okay_in_the_end_is_a_weak_result_and_a_scene_is_no_result(question, story, scene, hedged, measured):
    vague = scored(question, f"{story} {scene} {hedged}")
    result = criterion_of(vague, "star.result")
    assert result.score <= 1, (question, result.score, [e.quote for e in result.evidence])
    assert not any(scene.rstrip(".") in e.quote or e.quote.rstrip(".,") in scene for e in result.evidence), question
    told = scored(question, f"{story} {scene} {measured}")
    assert criterion_of(told, "star.result").score >= 3 and told.overall > vague.overall, question


# --- 5. "it's worked well for me": the approach rubric's own level-1 example ---------------------------

# (question, a method told with no occasion, a passing mention of having used it, a real occasion)
APPROACHES = [
    ("How do you make sure the feedback you give on audits is fair and consistent?",
     "I mark everyone against the same audit tool and look at several records per person, and I give the feedback "
     "face to face rather than by email.",
     "It's worked well for me with students.",
     "Last autumn a colleague queried a low mark, and because I had five of her records scored on the same tool "
     "we agreed the pattern in ten minutes and her next audit went up from 60 to 85 percent."),
    ("How do you make sure nothing is missed at shift handover?",
     "I use the same written handover sheet every shift, go through each bay in order and read back anything "
     "outstanding before I leave.",
     "In my experience it works, it's never let me down.",
     "In March a night nurse caught an overdue antibiotic from my sheet at handover, and the patient got it within "
     "fifteen minutes instead of at the morning round."),
    ("How do you keep a software release safe?",
     "Every release goes through code review, an automated test run and a staged rollout behind a feature flag, "
     "and I keep a rollback script ready.",
     "That's worked well for me over the years.",
     "Last June the staged rollout showed errors on five percent of users, so I rolled it back in four minutes "
     "before the rest of the customers saw it."),
]


@pytest.mark.parametrize("question,method,mention,occasion", APPROACHES, ids=[a[0][21:45] for a in APPROACHES])
def test_a_passing_mention_is_level_one_not_no_example(question, method, mention, occasion):
    assert criteria_for(question)[0] == "approach"
    bare = criterion_of(scored(question, method), "approach.example")
    passing = criterion_of(scored(question, f"{method} {mention}"), "approach.example")
    real = criterion_of(scored(question, f"{method} {occasion}"), "approach.example")
    assert bare.score == 0 and passing.score == 1, (question, bare.score, passing.score)
    assert mention in [e.quote for e in passing.evidence], question
    assert real.score >= 2, (question, real.score)


# --- 6. "Walk me through your X process" asks how the candidate works -----------------------------------

@pytest.mark.parametrize("question,kind", [
    ("Walk me through your ePCR audit process.", "approach"),
    ("Walk me through your month-end close process.", "approach"),
    ("Talk us through your approach to rota planning.", "approach"),
    ("Walk me through your process for onboarding a new starter.", "approach"),
    ("Take me through your code review workflow.", "approach"),
    # not a way of working: a story, a test of knowledge, the candidate's own checks
    ("Walk me through a time you led a team through a change.", "behavioural"),
    ("Walk me through the steps you personally took.", "behavioural"),
    ("Walk me through the process for sterilising surgical instruments.", "technical"),
    ("Talk me through your first-use checks on a forklift before a shift.", "technical"),
])
def test_walk_me_through_your_process_is_approach(question, kind):
    assert criteria_for(question)[0] == kind, question
