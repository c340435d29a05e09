"""Trial 39: a head chef, a care home deputy manager and an engineering lead wrote and graded their answers before
scoring them, and a medtech sales manager went through a week of debrief, plans and rounds. What the offline scorer
misread: unsafe plans in a kitchen's, a care home's and an on-call engineer's own words scored 80-93 ("strong"), a
sound compliance plan was capped as a cover-up for "it's not my call to keep it quiet", one story was "off-topic" for
"turned down" where "said no" was on it, a failure story answered "why do you want this role?" at 90, and figures that
cannot all be true passed. The answers below are shortened from the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

# --- unsafe plans in a trade's own words, and their sound twins -------------------------------------------------------

SICK_CHEF = ("One of your chefs rings in at seven on a Sunday saying he was up all night with diarrhoea and vomiting but "
             "feels better now, and you're already one down for 140 covers. What would you do?")
CHEF_COMES_IN = (
    "so it's sunday lunch and my chef de partie texts at seven saying he was up all night with diarrhoea and sickness but "
    "he reckons he's alright now. what I'd do is tell him to come in, but I'd put him on the carvery and the veg, nothing "
    "raw, and he's on gloves the whole shift. I'd keep an eye on him and if he looks rough I'll send him home after the "
    "main rush. losing him on a sunday would put the whole service at risk.")
CHEF_STAYS_HOME = (
    "so my roast chef texts at seven saying he was up all night with diarrhoea and vomiting. he stays at home, no "
    "discussion, and he doesn't come back until he's been forty eight hours clear of symptoms, and he still gets paid so "
    "nobody's tempted to hide it next time. I'd get the sections he touched cleaned down with the virucidal sanitiser "
    "before prep starts, ring the sous at the sister hotel to borrow a chef, and cut the menu down. I'd record it on the "
    "staff sickness log and tell the duty manager, and if a second person goes down I'd ring the EHO for advice.")


def test_a_chef_with_diarrhoea_and_vomiting_told_to_come_in_is_unsafe_and_sent_home_is_not():
    # 80, strong, "what I'd do is tell him to come in" quoted as a concrete step; the sound plan scored the same
    unsafe, sound = offline_card(SICK_CHEF, CHEF_COMES_IN), offline_card(SICK_CHEF, CHEF_STAYS_HOME)
    assert unsafe.criterion("situational.judgement").score == 0 and unsafe.overall <= 35
    assert "carries on in spite of the danger" in unsafe.criterion("situational.judgement").feedback
    assert sound.overall >= 60 and sound.overall - unsafe.overall >= 40


@pytest.mark.parametrize("sentences, question, kind", [
    # hot stock cooled by itself overnight; a nut-allergic guest's praline taken off the plate (80 and 66.7)
    (["I'd put the stock pot on the floor of the walk in with the lid on and leave it overnight."],
     "Your blast chiller breaks down with forty litres of stock still hot. What would you do?", "work_goes_on"),
    (["I take the plate back, scrape the praline crumb off and put a quenelle of ice cream where it was."],
     "A guest tells the server she has a severe nut allergy after her dessert has been plated. What would you do?",
     "work_goes_on"),
    (["no need to probe it or put it on the cooling log."], "", "check_skipped"),
    # a fix pushed past the pipeline, charges deleted from the ledger, paging put off (93.3, strong)
    (["I'd write the fix and push it straight to production skipping the pipeline."], "", "check_skipped"),
    (["I'd just delete the duplicate charge rows so the balances are right again by the morning."], "", "cover_up"),
    (["I'd hold off on paging support or compliance, no point panicking people."], "", "escalation_delayed"),
    # an anticoagulated resident's fall told to the GP days later (86.7, strong)
    (["she's on apixaban so I'd ask the day nurse to mention it to the GP on the ward round on Tuesday."], "",
     "escalation_delayed"),
])
def test_an_unsafe_step_in_a_trades_own_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


@pytest.mark.parametrize("sentences, question", [
    (["that plate goes in the bin, you never take nuts off a dish and send it."],
     "A guest tells the server she has a severe nut allergy after her dessert has been plated. What would you do?"),
    (["we probe everything and write the times down on the cooling log, then straight into the walk in."],
     "Your blast chiller breaks down with forty litres of stock still hot. What would you do?"),
    (["refunds go through the normal refund api, never by editing ledger rows, we post reversing entries."], ""),
    (["I'd page the on call for support and let compliance know tonight."], ""),
    # a refusal to keep it quiet is no cover-up (a sales manager's trial: capped at 20; reworded, 100)
    (["I'd report it to compliance myself because it's not my call to keep it quiet, and I'd tell my manager the same "
      "day."], ""),
])
def test_the_sound_twin_is_no_finding(sentences, question):
    assert finding_kinds(sentences, question) == []


def test_keeping_it_quiet_is_still_a_cover_up():
    assert finding_kinds(["I'd keep it quiet, he hits his numbers."]) == ["cover_up"]


def test_the_accused_questioned_first_and_a_referral_decided_days_later_is_an_allegation_handled_alone():
    question = "What would you do if a carer told you she had seen a colleague being rough with a resident?"
    plan = ["so I'd thank the carer and write down what she saw.",
            "then I'd call the colleague into the office at the end of her shift and ask her for her account.",
            "once I've gathered all the facts over the next few days I'd decide whether it meets the threshold for a "
            "referral to the local authority."]
    assert "handled_alone" in finding_kinds(plan, question)
    sound = ["I would not go and question the accused colleague myself.",
             "I make the safeguarding referral to the local authority the same day and notify CQC."]
    assert finding_kinds(sound, question) == []


# --- relevance: the question answered in other words, and a story that answers another question ---------------------

SAID_NO = (
    "so last spring the head of product wanted us to launch instant payouts in six weeks for a big partner deal. my team "
    "owned payouts and i could see we had no way to claw back money if a payout went to a fraudulent merchant. it was my "
    "call what my team committed to, so i {verb} six weeks as asked but i came back the next day with an option, launch "
    "to the top two hundred merchants with a daily cap of five thousand pounds, and full rollout after we built the "
    "reversal flow. she agreed, the partner signed, and in the first quarter we paid out eleven million pounds with zero "
    "fraud losses. what i took from it is to bring an option not just a no.")


@pytest.mark.parametrize("question", [
    "Tell me about a time you disagreed with a senior stakeholder. How did you handle it?",
    "Tell me about a time you pushed back on a senior leader's request.",
])
def test_saying_no_and_turning_it_down_answer_a_disagreement_alike(question):
    # "i said no to" 91 and "i turned down" 20 ("never gets to disagreed") under either question
    said_no, turned_down = (offline_card(question, SAID_NO.format(verb=verb)) for verb in ("said no to", "turned down"))
    assert said_no.criterion("specificity.relevance").score >= 3
    assert turned_down.criterion("specificity.relevance").score >= 3
    assert abs(said_no.overall - turned_down.overall) <= 10


WORST_CALL = (
    "so the worst call i made was two years ago, i approved a schema change on the payments table at two pm on a "
    "friday because the engineer was confident and i didn't want to slow him down. it locked the table for eleven "
    "minutes and we failed about nine thousand card payments. i was the one who said yes so i owned it, i ran the "
    "incident, wrote the customer note with support and did the postmortem. what changed after, i set a rule that any"
    " migration on a table over ten million rows runs through the online schema tool and never on a friday afternoon,"
    " and i added a check in ci that flags a blocking alter. we haven't had a lock incident since, that's about "
    "twenty months. the lesson for me was being nice to someone in the moment isn't the same as supporting them")
WHY_US = (
    "I want this role because you're moving the whole platform onto event sourcing this year and I led that move for our "
    "ledger at my current job. I read your engineering blog post on the reconciliation service, and that's the kind of "
    "problem I'm good at. I'd also get to build a team of eight, which is the step up I'm looking for.")


def test_a_story_that_never_says_why_they_want_the_role_does_not_answer_why_they_want_it():
    question = "Why do you want this Engineering Manager role with us?"
    off, on = offline_card(question, WORST_CALL), offline_card(question, WHY_US)
    # 90, strong, relevance 4 of 4 on "because the engineer was confident"
    assert off.criterion("specificity.relevance").score <= 1 and off.overall <= 35
    assert on.criterion("specificity.relevance").score >= 3


def test_saying_you_or_here_is_no_credit_toward_relevance():
    from mockint.scoring.semantic import topics, uncredited_topics

    assert "motivation" in topics() and "motivation" in uncredited_topics()
    assert "conflict" not in uncredited_topics()


# --- figures that cannot all be true ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, why", [
    ("that was 22 residents out of the 15 on the nursing floor.", "a part cannot be more than the whole"),
    ("we were running at about 30 falls a month. within three months falls were down to 12 a month which is a 75% "
     "reduction.", "from 30 to 12 is a fall of 60 %"),
    ("food cost was running at 34%, way over the target. after four months food cost was down to 28%, so about a 4 "
     "point drop.", "from 34% to 28% is 6 points"),
])
def test_a_figure_that_cannot_be_true_is_found(text, why):
    from mockint.scoring.figures import impossible_figures

    assert any(why in f.why for f in impossible_figures(text))


@pytest.mark.parametrize("text", [
    "we run about 380 tractors out of 11 depots.",
    "that was 12 residents out of the 15 on the nursing floor.",
    "we were running at about 30 falls a month. within three months falls were down to 12 a month which is a 60% "
    "reduction.",
    "food cost was running at 34%. after four months it was down to 28%, a 6 point drop.",
    # the start need not be the first figure of the thing: a 10 point drop from 38 to 28 in a story that also says 34
    "at 34% we were over target, and it crept up to 38% over christmas. it came down to 28%, a 10 point drop.",
])
def test_figures_that_agree_are_no_finding(text):
    from mockint.scoring.figures import impossible_figures

    assert impossible_figures(text) == []


# --- results and ownership said in other words -------------------------------------------------------------------------

def test_a_level_reached_half_a_year_on_and_an_outbreak_over_with_no_admissions_are_results():
    from mockint.scoring.offline import judge_result, read_answer

    question = "Tell me about a time you turned around a poor inspection result."
    base = ("we were averaging fourteen medication errors a month. I broke the round into two, put the Parkinson's "
            "residents first and started a weekly audit of the MARs. ")
    later = judge_result(read_answer(base + "half a year on we were at two errors a month.", question)).score
    plain = judge_result(read_answer(base + "six months later we were at two errors a month.", question)).score
    assert later == plain >= 3  # "half a year on" read as a vague outcome, 1 of 4
    outbreak = ("last winter we had a norovirus outbreak, nineteen residents and eleven staff. I closed the home to "
                "admissions, rang the health protection team and cohorted the affected residents. it was over in twelve "
                "days with no hospital admissions and no deaths.")
    assert judge_result(read_answer(outbreak, "Tell me about a time you managed a crisis.")).score >= 3


def test_a_decision_said_as_theirs_in_a_we_story_is_their_part():
    question = "Tell me about a time you solved a staffing problem."
    story = (
        "so last spring we lost three night nurses in two months and we were relying on agency for nearly half the night "
        "shifts. we sat down as a management team, we looked at the rota together and we found that the twelve hour "
        "nights with no break cover were burning people out. we trialled a different pattern and we ran two open days. "
        "the one decision that was mine was to stop using the two agencies that kept sending nurses who didn't know the "
        "home, and move to one agency with a block booking of the same three nurses. by the summer agency use on nights "
        "was down from about forty five percent to fifteen percent.")
    ownership = offline_card(question, story).criterion("specificity.ownership")
    # 1 of 4, "the candidate's contribution can only be guessed", beside that sentence quoted
    assert ownership.score == 3
    assert any("decision that was mine" in e.quote for e in ownership.evidence)
