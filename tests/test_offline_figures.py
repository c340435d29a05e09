"""What a figure can and cannot prove, asserted as properties of the offline scorer.

A figure that cannot be true ("a hundred and twelve percent compliance", "eleven out of ten") is no measured result,
and its twin that can be true ("a hundred and twelve percent of target", "sales up a hundred and fifty percent") is left
alone; team sizes, years and ages are incidental figures; "year 10", "ward 7" and "platform 2" are names, not figures.
Every answer here was written for this file, across trades, typed as speech is transcribed.
"""

from __future__ import annotations

import pytest

from mockint.records import Transcript
from mockint.scoring import score_question
from mockint.scoring.figures import figure_words, impossible_figures
from mockint.scoring.offline import OfflineScorer, figure_referents, judge, read_answer, shut_gates
from mockint.scoring.rubrics import BANDS, load_rubrics
from mockint.scoring.semantic import gates
from mockint.speech.numbers import write_numbers_in_text

RANK = {name: n for n, (_floor, name) in enumerate(reversed(BANDS))}  # weak 0 ... strong 3


def card(question: str, answer: str):
    return score_question(OfflineScorer(), question, Transcript(text=answer, duration=0.0), load_rubrics())


def gates_of(question: str, answer: str) -> list[str]:
    reading = read_answer(answer, question)
    return shut_gates(reading, judge(reading)["specificity.relevance"].score)


def criterion(scorecard, key: str):
    return next(c for c in scorecard.criteria if f"{c.rubric}.{c.criterion}" == key)


# (occupation, question, answer with {figure}, a figure that cannot be true, its twin that can, the reason's key)
PAIRS = [
    ("care home nurse", "Tell me about a time you improved a process.",
     "last year I was the compliance lead at a care home in Leeds. our medication audits kept failing because signatures "
     "were missed on the night shift. I redesigned the handover so the night nurse signed the charts with the day nurse, "
     "and I trained all twelve nurses over two weeks. after that we ran at {figure} on the monthly checks, and I learned to "
     "fix the handover rather than chase people.",
     "a hundred and twelve percent compliance", "a hundred and twelve percent of our compliance target", "share"),
    ("secondary teacher", "Tell me about a time you raised attainment for a group of students.",
     "in twenty twenty two I took over a GCSE maths group who were predicted to fail. I went through their mock papers "
     "question by question and found they were losing most marks on algebra, so I rebuilt the scheme of work around "
     "weekly algebra retrieval quizzes and ran a Thursday catch up session. by the summer our pass rate was {figure}, "
     "and I learned to look at the papers before planning anything.",
     "a hundred and eight percent", "up a hundred and eight percent on the year before", "share"),
    ("hospital ward manager", "Tell me about a time you improved the experience of patients.",
     "when I took over the ward in March, patients kept complaining that nobody told them when they were going home. I "
     "started a discharge board by every bed with the expected date, and I asked the consultants to update it on the "
     "morning round. by the autumn survey patient satisfaction averaged {figure}, and I learned how much people just "
     "want to know what is happening.",
     "eleven out of ten", "nine out of ten", "out_of"),
    ("data analyst", "Tell me about a time you used data to make a decision.",
     "last spring at Harlow Insurance the pricing team wanted to drop a rating factor. I built a regression on two years "
     "of claims in Python and checked it against a holdout year, and the R squared was {figure}, so I recommended we "
     "keep the factor. the team kept it, the loss ratio held steady through the year, and I learned to test a model on "
     "data it has not seen.",
     "one point three", "point eight", "at_most_one"),
    ("HR business partner", "Tell me about a time you reduced staff turnover.",
     "in twenty twenty three I was the HR partner for our Bristol contact centre, where we were losing about four "
     "advisers a month in their first twelve weeks. I ran exit interviews, found that new starters were put on the "
     "complaints line in week two, and I moved them onto billing calls with a buddy for their first month. over the "
     "next quarter turnover went to {figure}, and I learned to ask the people who leave.",
     "minus five staff", "one leaver a month", "negative"),
    ("GP receptionist", "Tell me about a time you made a service run more smoothly.",
     "last winter at the Elm Road surgery the morning phone queue was our biggest complaint. I looked at the call log "
     "and saw half the callers only wanted test results, so I set up a results line that opened at two in the "
     "afternoon and I wrote a script for my colleagues. by February the average wait time was {figure}, and I learned "
     "to look at why people ring before adding staff.",
     "minus two minutes", "about four minutes", "negative"),
    ("head of year", "Tell me about a time you turned around results for a year group.",
     "in twenty twenty one I was head of year eleven and we had three hundred students in the year group. I tracked "
     "every student's mock grades in a spreadsheet, set up small intervention groups with the heads of department, and "
     "met every parent whose child was below target. in the summer {figure} passed English and maths, and I learned "
     "that parents are the best lever you have.",
     "four hundred of them", "two hundred and forty of them", "part_of_total"),
    ("retail store manager", "Tell me about a time you improved sales in your store.",
     "last year I managed the Ashford branch of a shoe retailer and our conversion on weekday afternoons was poor. I "
     "looked at the footfall counter against the tills, moved two staff from stock to the shop floor between two and "
     "five, and trained them to offer a fitting. by the end of the quarter weekday conversion was {figure}, and I "
     "learned to put people where the customers are.",
     "a hundred and twenty percent", "up twenty percent", "share"),
    # the part named before a whole that is smaller, with an adjective before what is counted
    ("learning and development lead", "Tell me about a time you improved how new staff are brought on board.",
     "in twenty twenty three I ran onboarding for our Leeds warehouse, where new starters were leaving in their first "
     "month. I rewrote the induction week, paired every starter with a buddy on the same shift and set up a check in at "
     "day thirty. by the end of the year {figure} new starters passed their probation, and I learned to ask starters "
     "what confused them.",
     "eleven of the ten", "nine of the ten", "out_of"),
    # a statistic that cannot pass 1, its phrase going on after the figure
    ("data scientist", "Tell me about a time you built a model that changed a decision.",
     "last year at a logistics firm I was asked to forecast parcel volumes per depot. I cleaned three years of scan "
     "data, built a gradient boosted model in Python and held out the last six months, and I got an R squared of "
     "{figure} on the test set, so the planners moved two vans to the Leeds depot. I learned to hold out time, not "
     "random rows.",
     "one point three", "point eight three", "at_most_one"),
]


@pytest.mark.parametrize("occupation, question, answer, impossible, twin, why", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_figure_that_cannot_be_true_is_no_measured_result_and_its_twin_is_untouched(occupation, question, answer,
                                                                                       impossible, twin, why):
    bad, good = card(question, answer.format(figure=impossible)), card(question, answer.format(figure=twin))
    assert gates_of(question, answer.format(figure=twin)) == []
    assert gates_of(question, answer.format(figure=impossible)) == ["impossible_figure"]
    caps = gates()["impossible_figure"]["caps"]
    for key in ("specificity.quantified_impact", "star.result"):
        assert criterion(bad, key).score <= caps[key] < 4  # no measured result, however the rest of the story reads
    assert bad.overall < good.overall and RANK[bad.band] <= RANK[good.band], (occupation, bad.overall, good.overall)
    # the card says which figure and why, in the rubric file's words
    shown = criterion(bad, "specificity.quantified_impact").feedback
    assert figure_words().why[why] in shown
    assert write_numbers_in_text(impossible).split()[0] in shown


@pytest.mark.parametrize("text", [
    "sales were up a hundred and fifty percent on the year",
    "online revenue grew two hundred percent after the relaunch",
    "we hit a hundred and twelve percent of target in the fourth quarter",
    "I finished the year at a hundred and twelve percent of budget and a hundred and five percent of plan",
    "she was at a hundred and thirty percent of quota by June",
    "profit was up by three times",
    "we came in at minus point three on the variance",
    "the blast chiller takes it down to temperatures of minus eighteen",
    "we were minus two days behind plan by the Friday",
    "a net change of minus five staff over the year",
    "compliance was ninety eight percent",
    "nine out of ten patients said they felt listened to",
    "we had thirty pupils and twelve of them were on the SEN register",
    "I give a hundred and ten percent to every shift",
    "we dispensed a hundred of the fifty ml bottles that week",
    "I had two days and forty files, and thirty of them were privileged",
    "we had three managers and four hundred staff, and twenty of them left",
    "conversion went from two percent to five percent, a hundred and fifty percent improvement",
    "nine of the ten new starters passed their probation", "9 out of the 10 new starters passed",
    "ten out of ten junior doctors signed the rota", "an R squared of 0.83 on the test set",
    "an r-squared of zero point eight three on the holdout year", "we had a kappa of point seven between the two markers",
    "the probability was two in a hundred", "we checked the correlation at three of our sites",
    "we cut agency spend by forty percent", "waits were down a hundred and fifty minutes",
    # a percentage restated as a rate that agrees with it, either way round, and rates that are no restatement
    "pick accuracy was ninety five percent, so about one in twenty wrong", "attendance was sixty percent, that is about "
    "three in every five pupils", "thirty percent of calls, that is one in three", "we hit ninety percent which is one "
    "of twelve sites", "we were at forty percent which is about one in three days",
    "our uptime was ninety nine point nine percent, roughly one outage a year",
    # a score that runs below zero, with a time before it (a bank manager's trial: "six months ... -4" read as a time)
    "within six months the NPS went from minus four to plus twenty eight",
])
def test_figures_that_can_be_true_are_not_read_as_impossible(text):
    assert impossible_figures(write_numbers_in_text(text)) == []


@pytest.mark.parametrize("text, why", [
    ("our pass rate hit a hundred and twenty per cent", "share"),
    # batch 8's nonsense with numbers
    ("which cut postnatal readmissions by three hundred and twelve percent", "fall"),
    ("sickness was down a hundred and fifty percent", "fall"),
    ("I closed out a hundred and twelve percent of the work orders", "share"),
    ("attendance was a hundred and four percent by Easter", "share"),
    ("we ran at a hundred and three percent uptime on the line", "share"),
    ("we hit twelve out of ten sites", "out_of"),
    ("twelve of the ten wards signed up", "out_of"),
    ("the correlation was two point one", "at_most_one"),
    ("a negative wait time of minus two minutes", "negative"),
    ("I had a class of thirty children and forty five of them were on free school meals", "part_of_total"),
    ("eleven of the ten new starters passed their probation", "out_of"),
    ("11 out of the 10 new starters passed", "out_of"),
    ("twelve out of ten junior doctors signed the rota", "out_of"),
    ("fourteen of the twelve qualified electricians renewed their cards", "out_of"),
    ("we got an R squared of 1.3 on the test set", "at_most_one"),
    ("the model had an r-squared of one point three on the holdout year", "at_most_one"),
    ("the AUC was one point two across the three hospitals", "at_most_one"),
    ("we had a kappa of one point five between the two markers", "at_most_one"),
    # a trial's confident approach answer (70 before): a share restated as a rate ten and seven times off
    ("our accuracy is ninety nine point nine percent which is about one error in a hundred", "restated"),
    ("absence is at zero point five percent which is about one person off every day out of thirty", "restated"),
])
def test_figures_that_cannot_be_true_are_found_with_the_reason(text, why):
    found = impossible_figures(write_numbers_in_text(text))
    assert [f.why for f in found] == [figure_words().why[why]]
    assert all(piece in write_numbers_in_text(text) for piece in found[0].quote.split(" ... "))  # the answer's words


def test_several_figures_that_cannot_be_true_make_nonsense_with_numbers():
    question = "Tell me about a time you improved a process."
    answer = PAIRS[0][2].format(figure="a hundred and twelve percent compliance") + (
        " on top of that the falls audit scored eleven out of ten and staff turnover went to minus three staff.")
    assert "impossible_figures" in gates_of(question, answer) and "impossible_figure" not in gates_of(question, answer)
    scored = card(question, answer)
    assert scored.overall <= 40
    shown = " ".join(c.feedback for c in scored.criteria)
    assert "11 out of 10" in shown and "-3 staff" in shown


def test_an_approach_answer_whose_rates_contradict_its_percentages_is_nonsense_with_numbers():
    question = "How do you make sure your shifts hit their KPIs?"
    answer = ("yeah so KPIs are my thing honestly, our accuracy is ninety nine point nine percent which is about one "
              "error in a hundred, and absence is at zero point five percent which is about one person off every day "
              "out of thirty. Every shift I look at the numbers hourly, I have seven KPIs, and if anything is red for "
              "more than fifteen minutes I move people.")
    honest = answer.replace("one error in a hundred", "one error in a thousand").replace(
        "one person off every day out of thirty", "one shift lost in two hundred")
    assert "impossible_figures" in gates_of(question, answer)
    assert not {"impossible_figure", "impossible_figures"} & set(gates_of(question, honest))
    assert card(question, answer).overall <= 40 < card(question, honest).overall
    assert "your result" not in " ".join(c.feedback for c in card(question, answer).criteria)  # no Result asked


# --- incidental figures: team sizes, years, ages --------------------------------------------------------------------

INCIDENTAL = [
    ("Tell me about a time you dealt with a conflict at work.",
     "I was in a support team of six people with eleven years of experience behind me, and a colleague kept closing "
     "tickets without solving them, so I asked him for a coffee and showed him three of the reopened ones.",
     "a support team of six people"),
    ("Tell me about a time you cared for a patient who was anxious.",
     "she was eighty two years old, on my ward for a hip operation, and she kept pulling out her cannula, so I sat with "
     "her during the night round and explained every step before I did it.",
     "eighty two years old"),
]


@pytest.mark.parametrize("question, answer, incidental", INCIDENTAL)
def test_team_sizes_years_and_ages_are_incidental_numbers(question, answer, incidental):
    reading = read_answer(answer, question)
    assert reading.total("quantities") >= 1  # still a number the answer gives
    assert judge(reading)["specificity.quantified_impact"].score == 1  # "Only incidental numbers (team size, ...)"
    sized = answer.replace(incidental, "a backlog of three hundred tickets" if "team" in incidental else "one of thirty "
                           "patients")
    assert judge(read_answer(sized, question))["specificity.quantified_impact"].score >= 2


def test_the_demo_story_with_no_result_does_not_read_strong():
    from mockint.coaching.questions import load_bank
    from mockint.samples import load_samples

    samples = {s.id: s for s in load_samples()}
    bank = load_bank()
    no_result, strong = samples["no_result"], samples["strong_star"]
    scored = card(bank.get(no_result.question_id).text, no_result.script)
    assert scored.band != "strong"  # samples.yaml: "mixed"
    assert criterion(scored, "specificity.real_example").score <= 3  # level 4 is a story told "from start to end"
    assert criterion(scored, "specificity.quantified_impact").score <= 1  # only "a support team of six people"
    assert card(bank.get(strong.question_id).text, strong.script).band == "strong"


# --- labels are names, not figures ---------------------------------------------------------------------------------

LABELS = [
    ("teacher", "my year ten class in key stage four were in set four", "my class were in the bottom set"),
    ("nurse", "I was a band six nurse on ward seven, bay four", "I was a staff nurse on the surgical ward"),
    ("train dispatcher", "the delay was on platform two at the north end", "the delay was on the main platform"),
    ("music teacher", "she had just passed grade five piano and level three theory", "she had just passed her piano exam"),
    ("social worker", "it went to a section forty seven enquiry", "it went to a child protection enquiry"),
    ("warehouse operative", "the racking in aisle fourteen had been hit", "the racking by the dock had been hit"),
]


@pytest.mark.parametrize("job, labelled, plain", LABELS, ids=[j for j, *_ in LABELS])
def test_labels_are_names_not_figures(job, labelled, plain):
    question = "Tell me about a time you dealt with a problem at work."
    tail = ", so I reported it to my manager and we fixed it that afternoon."
    with_labels, without = read_answer(labelled + tail, question), read_answer(plain + tail, question)
    assert with_labels.total("quantities") == without.total("quantities")
    assert figure_referents(with_labels)[0] == figure_referents(without)[0]


@pytest.mark.parametrize("text", ["this year ten people left the team", "I set four alarms for the night shift",
                                  "we moved to level five of its competency framework"])
def test_the_same_words_before_a_count_still_count_it(text):
    assert read_answer(text, "Tell me about a change at work.").total("quantities") == 1


def test_a_teachers_story_full_of_year_groups_is_not_scattered_figures():
    question = "Tell me about a time you improved reading in your school."
    answer = ("in twenty twenty three I led reading across key stage two. our year three and year four pupils were "
              "behind, so I set up a ten minute phonics session every morning for year three and paired year six readers "
              "with year four. I tracked reading ages every half term. by the summer forty of the fifty two pupils were "
              "reading at their age, up from nineteen, and the year five and year six teachers asked to join.")
    assert "scattered_figures" not in gates_of(question, answer)
    figures, _recurring = figure_referents(read_answer(answer, question))
    assert figures <= 5  # "forty of the fifty two", "nineteen", "ten minute": year groups and key stages are no figures


# --- hyphens, labels before counts, and figures that only look impossible (typed as digits, as well as said) --------

NURSE_Q = "Tell me about a time you improved patient care."
NURSE = ("on my ward during the COVID-19 wave, patients waited {wait} for a discharge letter. I mapped every step with "
         "the pharmacist and the ward clerk, then I set up a nurse-led discharge checklist and trained {trained}. "
         "within {within} of starting, {result} of discharges went out on the day planned, up from 41%, and our "
         "complaints about delays fell from 14 a month to 3.")


@pytest.mark.parametrize("text", [
    "each case took 2-3 days to close", "we saw 10-15 patients each day", "we nursed COVID-19 patients on bay 4",
    "results came back within 24-48 hours", "we cut waits from 10-12 minutes to 5-6 minutes",
])
def test_a_hyphen_in_a_range_or_a_name_is_no_minus(text):
    assert impossible_figures(text) == []


def test_a_strong_answer_with_ranges_keeps_its_measured_result():
    ranged = NURSE.format(wait="2-3 days", trained="10-15 nurses", within="6-8 weeks", result="92%")
    spelled = NURSE.format(wait="two or three days", trained="ten to fifteen nurses", within="six to eight weeks",
                           result="92%")
    assert not {"impossible_figure", "impossible_figures"} & set(gates_of(NURSE_Q, ranged))
    assert card(NURSE_Q, ranged).overall >= card(NURSE_Q, spelled).overall - 10


@pytest.mark.parametrize("text", [
    "we had -5 staff on the rota", "the wait time went to -2", "turnover hit -3 staff",
])
def test_a_minus_with_a_space_or_nothing_before_it_is_still_read(text):
    assert [f.why for f in impossible_figures(text)] == [figure_words().why["negative"]]


@pytest.mark.parametrize("text", [
    "by the end of the year 94% of staff had completed it",
    "within a year 40 staff had done the training",
    "at the end of the sprint 12 tickets were closed",
    "by the end of the year ninety four percent of staff had completed it",
    "within a year forty staff had done the training",
])
def test_a_count_after_the_year_or_a_sprint_is_a_figure_not_a_label(text):
    assert read_answer(write_numbers_in_text(text), "Tell me about a change at work.").total("quantities") == 1


@pytest.mark.parametrize("text", ["I taught year 10 students all spring", "I had a year 4 class that term",
                                  "I had a year four class that term", "I was on ward 7 for a year"])
def test_a_label_before_a_noun_is_still_a_label(text):
    assert read_answer(write_numbers_in_text(text), "Tell me about a change at work.").total("quantities") == 0


@pytest.mark.parametrize("text", [
    "bed occupancy was 103% all winter", "theatre utilisation was 105% last quarter",
    "bed occupancy was a hundred and three percent all winter",
    "we checked the correlation at 3 sites", "we checked the correlation at three sites",
    "the probability was 2 in 10", "the probability was two in ten",
    "we fitted 6 of the 3 phase meters", "we sold 5 of the 3 bedroom houses", "we sold five of the three bedroom houses",
    "we had 300 students with 12 teachers, and 200 of them passed",
    "we had three hundred students with twelve teachers, and two hundred of them passed",
    # an electrician's trial: pounds of the variations, not snag points
    "only three snags out of just over six hundred points. I priced the variations myself, about £38,000 of them",
])
def test_figures_that_only_look_impossible_are_not_read_as_impossible(text):
    assert impossible_figures(write_numbers_in_text(text)) == []


@pytest.mark.parametrize("text, why", [
    ("the correlation was 2.1", "at_most_one"), ("the R squared was 1.3, which we reported", "at_most_one"),
    ("we fitted 6 of the 3 meters", "out_of"), ("we sold 5 of the 3 houses", "out_of"),
    ("we had 300 students, and 400 of them passed", "part_of_total"),
    ("attendance was 104% by Easter", "share"),
])
def test_their_twins_that_cannot_be_true_are_still_found(text, why):
    assert [f.why for f in impossible_figures(text)] == [figure_words().why[why]]


def test_a_phrase_in_a_one_word_list_is_one_line_naming_it(tmp_path):
    import yaml

    from mockint.errors import DataFileError
    from mockint.resources import rubric_file_stamp
    from mockint.scoring.figures import _figure_words
    from mockint.scoring.semantic import SUBSTANCE_FILE

    data = yaml.safe_load(open(rubric_file_stamp(SUBSTANCE_FILE)[0], encoding="utf-8"))
    data["impossible_figures"]["units"] = ["days", "square metres"]
    path = tmp_path / "substance.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"substance.yaml: each of `impossible_figures.*units.* must be one word"):
        _figure_words(str(path), 1)


# --- a knowledge answer's rules and thresholds, each with its figure, are not read for scattered figures (batch 10) ---

SCATTERED = ("so at the depot I cut the margin on toner to six hundred pounds per customer, which moved twelve hours of "
             "overtime onto the canteen, and the forklifts did forty two lifts on the Tuesday. that took eighteen percent "
             "off the parking permits and three hundred litres off the payroll run, so the ninety day audit came in at "
             "seven point five.")


def test_scattered_figures_are_read_in_a_story_and_not_in_a_knowledge_answer():
    # A knowledge answer states rules and thresholds, a rule of its own behind every figure ("eight percent over base
    # rate ... forty pounds under a thousand, seventy up to ten thousand"): a batch-10 answer graded 5 was capped at 1.
    # In a story the same density is fluent nonsense. substance.yaml's `not_for_kinds` says which kinds are spared.
    assert read_answer(SCATTERED, "Tell me about a time you improved a process.").kind == "behavioural"
    assert "scattered_figures" in gates_of("Tell me about a time you improved a process.", SCATTERED)
    knowledge = "Explain how the running costs of a depot are worked out."
    assert read_answer(SCATTERED, knowledge).kind == "technical"
    assert "scattered_figures" not in gates_of(knowledge, SCATTERED)


def test_a_gate_may_spare_only_question_kinds_that_exist(tmp_path):
    import yaml

    from mockint.errors import DataFileError
    from mockint.resources import rubric_file_stamp
    from mockint.scoring.semantic import SUBSTANCE_FILE, _gates_data

    data = yaml.safe_load(open(rubric_file_stamp(SUBSTANCE_FILE)[0], encoding="utf-8"))
    data["gates"]["scattered_figures"]["not_for_kinds"] = ["knowledge"]
    path = tmp_path / "substance.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"scattered_figures`: not_for_kinds must list question kinds"):
        _gates_data(str(path), 1)


# --- a figure set against a limit in the situation is the problem, not the result (batch 10) ------------------------

CREDIT_Q = "Tell me about a time you protected the business from a customer in financial trouble."
CREDIT = ("so last spring one of our biggest customers, a print firm, had about 180,000 on the ledger against a 200k "
          "limit. their credit score dropped from 70 to 35 in a month. as credit manager it was my call, so I cut the "
          "limit to 90,000 that day, I rang their finance director and agreed 15,000 a week off the old balance, and I "
          "told sales every new order went pro forma until they were back under the limit. I also checked our "
          "retention of title clause was in their signed terms.")
CREDIT_RESULT = " by June their balance with us was down from 180,000 to 40,000, and they never missed a payment."


def test_a_figure_against_a_limit_in_the_situation_is_no_result_and_a_condition_set_is_none_either():
    # "180,000 against a 200k limit" is where things stood, and "until they were back under the limit" a condition set:
    # a story that stops at its steps has no result to read (it had been read as measured, 3 of 4).
    reading = read_answer(write_numbers_in_text(CREDIT), CREDIT_Q)
    assert judge(reading)["star.result"].score <= 1
    told = read_answer(write_numbers_in_text(CREDIT + CREDIT_RESULT), CREDIT_Q)
    assert judge(told)["star.result"].score >= 3


def test_a_figure_set_against_what_would_have_been_is_a_measured_result():
    # "85 delay minutes instead of the 300 or so a late call would have cost" (a signalling technician's trial: Result 1
    # of 4, "nothing measurable"); "instead of" alone is still a choice, not a change
    from mockint.scoring.offline import compared_changes

    question = "Tell me about a time a contractor overran a possession. What did you do?"
    story = ("in March a contractor told me at 3.40 they'd need another forty minutes on a possession due back at 5.10. "
             "I rang Route Control myself at 3.50 with two options and we agreed to hand back one line on time and the "
             "other at 5.50. {}")
    told = story.format("The overrun cost 85 delay minutes instead of the 300 or so a late call would have cost.")
    assert judge(read_answer(told, question))["star.result"].score >= 3
    assert compared_changes("we cut it to 85 minutes instead of the 300 it would have been") == 1
    assert compared_changes("we did two extractions rather than four") == 0
    assert compared_changes("i close cases in 35 days instead of 45") == 0
