"""Trial 118: an upholstery workshop supervisor, a vehicle valeting supervisor and a dog day care supervisor (scoring), and
a science centre shows supervisor (a week's preparation), on a build with trial 117's fixes in. Shortened from the trials'
own answers; each misread answer beside its twin."""

from __future__ import annotations

from conftest import criterion_level, debrief_topics, finding_kinds, offline_card

from mockint.scoring.kinds import classify

BOOTH = "What would you do if the extraction on the spray booth failed on a day when you had a big order due out?"
FOAM = "What would you do if you'd run out of combustion modified foam halfway through a reupholstery job with a tight deadline?"
HOSE = ("What would you do if one of your valeters told you the pressure washer hose had a split in it halfway through a busy "
        "Saturday?")
COUGH = "What would you do if a dog arrived for boarding with a honking cough?"


def test_spraying_on_without_extraction_hidden_foam_a_taped_hose_and_a_coughing_dog_in_the_group_are_unsafe():
    """ "hand out the dust masks, the paper ones, and just get the last bit of gluing done quick" (86.7, strong), "nobody's
    going to see it under the fabric" (80, strong), "wrap it good and tight ... and let him crack on" (66.7) and "if it's in
    date I'd let him go in with the group like normal" (66.7, the same as its safe twin)."""
    assert "work_goes_on" in finding_kinds(["I'd hand out the dust masks, the paper ones, and just get the last bit of "
                                            "gluing done quick."], BOOTH)
    assert finding_kinds(["nobody sprays until the extraction is fixed, so I'd ring the customer and move the date."],
                         BOOTH) == []
    assert "cover_up" in finding_kinds(["I'd use the standard foam, nobody's going to see it under the fabric."], FOAM)
    assert finding_kinds(["I'd stop and order CMHR foam, and tell the customer it will be two days late."], FOAM) == []
    assert "work_goes_on" in finding_kinds(["I'd get some tape on it, wrap it good and tight and let him crack on."], HOSE)
    assert finding_kinds(["a split high pressure hose can inject water into your skin, so the bay stops till it's "
                          "replaced."], HOSE) == []
    assert "work_goes_on" in finding_kinds(["if it's in date I'd let him go in with the group like normal."], COUGH)
    assert finding_kinds(["I'd keep him out of the group, isolate him and ring the owner and the vet."], COUGH) == []


def test_one_side_of_a_choice_weighed_hides_nothing_and_a_step_said_to_be_wrong_is_a_lesson():
    """ "so we had a choice, send it and hope nobody noticed or strip them and redo them. I made the call that we weren't
    sending it" (Action 0 of 4, "keeps the problem hidden": 46) and "skipping the checklist was wrong and we stopped it within
    a week" (capped at 20 as a check skipped)."""
    choice = "so we had a choice, send it and hope nobody noticed or strip them and redo them."
    assert finding_kinds([choice]) == []
    assert finding_kinds(["so I sent it and hoped nobody noticed."]) == ["cover_up"]
    question = "Tell me about a time you had to make a difficult call under pressure."
    story = ("we had a twelve piece order going out on the friday and on the thursday we found the pattern was off on a third "
             "of them. " + choice + " I made the call that we weren't sending it. I rang the client myself that night and we "
             "delivered the rest on tuesday, and they ordered their second site from us.")
    assert offline_card(question, story).overall >= 60
    corrected = ("I logged start times for four weeks in March: 11 of 40 cryo shows started late. I should correct what I "
                 "said before: skipping the checklist was wrong and we stopped it within a week. What fixed it was moving "
                 "the LN2 checks to 20 minutes before doors, so late starts dropped to 1 in 40 in April with every check "
                 "done.")
    asked = "You said your shows ran late because of the safety checks. How did you measure that?"
    assert offline_card(asked, corrected).overall >= 60
    unowned = corrected.replace("skipping the checklist was wrong and we stopped it within a week",
                                "we kept skipping the checklist")
    assert offline_card(asked, unowned).overall < 60


def test_an_apprentice_shown_by_doing_a_trade_word_for_a_topic_and_a_day_cares_bites_told_proudly_are_read():
    """ "he watched me do one, did one with me next to him ... I paired him with Dave" (20: "never gets to trained an"),
    British Sign Language interpreted shows for "accessibility" (relevance 2), and "from one bite incident a month to about
    nine ... we lost three regular clients" (62)."""
    trained = ("Jamie started with us straight from college and he'd never held a staple gun. I made a list of the jobs in "
               "order, stripping, webbing, springing, and for each one he watched me do one, did one with me next to him, "
               "then did one on his own and I checked it. I paired him with Dave for the springing.")
    assert offline_card("Tell me about a time you trained an apprentice.", trained).overall > 35
    retry = ("One answer fell flat in round one: accessibility. Let's try it again: one real example, what you did, and the "
             "outcome.")
    shows = ("In February I set up British Sign Language interpreted planetarium shows, four performances over half term. I "
             "worked with a local deaf community group to choose the times. We sold 180 tickets, about 60 percent to first "
             "time visitors.")
    assert criterion_level(retry, shows, "specificity.relevance") >= 3
    bites = ("when I took over we were turning dogs away, so I pushed to take more. We went from about fifteen dogs a day up "
             "to thirty two with the same two staff, and revenue went up forty percent. Yeah we had more scuffles, I think we "
             "went from one bite incident a month to about nine, and we lost three regular clients, but that's just what "
             "happens when you grow.")
    assert offline_card("Tell me about a time you improved how your day care ran.", bites).overall <= 35


def test_what_must_be_in_place_before_admission_is_knowledge_and_readiness_for_the_step_is_motivation():
    """ "What vaccinations would you require before a dog is admitted, and why?" (a story: the right answer 14) and "Why do
    you think you are ready to step up to manager?" (a story: 38)."""
    assert classify("What vaccinations would you require before a dog is admitted, and why?") == "technical"
    assert classify("Why do you think you are ready to step up to manager?") == "motivation"
    assert classify("What would you do before you start the job?") != "technical"


def test_a_concern_given_with_an_equals_sign_names_its_topics():
    """ '"concern = commercial experience & managing managers"' (a weak area named "concern", asked again as a story)."""
    topics = debrief_topics('Recruiter (Sam, phone):\n- "concern = commercial experience & managing managers"\n')
    assert "concern" not in topics
    assert {"commercial experience", "managing managers"} <= set(topics)
