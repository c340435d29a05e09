"""Trial 23 (a head of year going for assistant head, an electrical site supervisor going for contracts manager): what
their answers showed the offline scorer misreading. The answers are the trial's (/work/trial23 at the time).
"""

from __future__ import annotations

from conftest import offline_card

SAFETY_Q = "Tell me about a time you dealt with a serious safety issue on site."
STORY_IN_ORDER = (
    'so last October on a retail fit out in Leeds I was walking the second floor and I found one of the apprentices'
    " working on a distribution board that was supposed to be isolated and it wasn't locked off there was no lock "
    "no tag um I stopped him straight away and I stopped all work on that floor I found out the other contractor's "
    "electrician had re-energised it to test his lights so I got both firms' supervisors together that afternoon "
    'and I brought in a rule that only I issue the lock off kits and every isolation goes on a board in the site '
    'office nobody was hurt and in the next six months we had no more isolation breaches and the principal '
    'contractor rolled the board out across their other three sites')
RESULT_FIRST = (
    'we had zero isolation breaches for the six months after that and the main contractor took my isolation board '
    "onto three more of their sites but how it started was a fit out in Leeds um October last year I'm doing my "
    "walk round on the second floor and there's an apprentice on a DB that should've been dead and there's no lock "
    'off no tag on it at all I stopped him there and then and I stopped the whole floor then I worked out that the '
    'electrician from the other firm had turned it back on to test his lighting so the same afternoon I sat their '
    'supervisor and ours down together and I set a rule lock off kits only come from me and every isolation is '
    'logged on a board in the site cabin and thankfully no one got hurt')


def test_a_result_told_first_is_the_result():
    # the same facts with the result as the opening words ("we had zero isolation breaches for the six months after
    # that ... but how it started was") scored Result 1 of 4, "a vague outcome", 10 points below its twin
    first, in_order = offline_card(SAFETY_Q, RESULT_FIRST), offline_card(SAFETY_Q, STORY_IN_ORDER)
    result = next(c for c in first.criteria if c.key == "star.result")
    assert result.score >= 3 and any("zero isolation breaches" in e.quote for e in result.evidence)
    assert abs(first.overall - in_order.overall) <= 10


SENIOR_Q = "Tell me about a time you disagreed with someone more senior than you."
DISAGREED_TYPED = (
    "So yeah there was a time the IT director wanted to move the service desk hours to finish at five instead of six to "
    "save money and um I didnt agree because I knew from the data that a lot of calls came in after five from the "
    "warehouse staff so I pulled the call logs for three months and showed him that about eighteen percent of calls came "
    "in between five and six and I suggested we do a rota instead with one person on late each day. he wasnt keen at "
    "first but um he agreed to trial it for a month and we kept the six o clock finish in the end and it only cost us one "
    "shift allowance a week")


def test_a_contraction_typed_without_its_apostrophe_reads_as_the_contraction():
    # "I didnt agree": 20/100, "The question asked about "disagreed", and your answer never gets to it"
    typed, spelt = offline_card(SENIOR_Q, DISAGREED_TYPED), offline_card(SENIOR_Q, DISAGREED_TYPED.replace("didnt", "didn't"))
    assert typed.overall == spelt.overall and typed.overall >= 60


ITIL_Q = "What is the difference between incident management and problem management in ITIL, and what is a known error?"
ITIL_UNSURE = (
    "um so incident is when something breaks and you fix it and problem is um kind of when it keeps breaking so you look "
    "at it more deeply I think. a known error is um, I think its when you know what the problem is but you havent fixed "
    "it yet, or maybe thats a workaround, I always get those mixed up to be honest. we dont really do formal problem "
    "management where I am we just sort of fix things")


def test_a_term_that_only_frames_what_the_question_names_is_not_what_the_answer_missed():
    # relevance 0, "The question asked about "ITIL", and your answer never gets to it", for an answer on incident,
    # problem and known error: weak for what it says, not off the question
    relevance = next(c for c in offline_card(ITIL_Q, ITIL_UNSURE).criteria if c.key == "specificity.relevance")
    assert relevance.score >= 2 and "ITIL" not in relevance.shown_feedback
    # a term the question is about, missed, still is ("the difference between CSAT and NPS" answered with a policy)
    policy = offline_card("What is the difference between CSAT and NPS?", "our policy is that every tenant complaint "
                          "gets a call back within two days and I review the difference in the figures each month")
    assert next(c for c in policy.criteria if c.key == "specificity.relevance").score <= 1


FIRE_ALARM_STORY = (
    "so on the Birchfield care home job last year the client's facilities manager refused to accept handover because the "
    "fire alarm cause and effect didn't match what he'd been promised I sat down with him and the fire engineer I went "
    "through the cause and effect matrix line by line myself and found that two zones had been swapped on the panel "
    "programming I got the commissioning engineer back the next morning we retested all forty two devices with the FM "
    "watching and he signed the handover that afternoon two days late instead of the two weeks he was threatening")
RESEARCHED = (
    "so since the first interview I've had a look at your annual report and the job pack again, and um I've realised the "
    "role is more about the MSP relationship than I thought, because second line is outsourced, so a big part of it is "
    "holding the supplier to its SLAs. Karen mentioned you're on ServiceNow, which I've used for four years, and that "
    "residents contact the desk about the portal. so it's changed how I see my fit, I think the supplier management and "
    "the customer side are actually where I'd add the most")


def test_keeping_up_with_the_rules_is_what_such_a_question_asks_about():
    # a good story about something else scored 90, "nothing major", for "stay up to date with the wiring regulations"
    asked = "How do you make sure you stay up to date with the wiring regulations?"
    assert offline_card(asked, FIRE_ALARM_STORY).overall <= 40
    on_it = ("I did my eighteenth edition when it came in and the amendment two update course last spring, I get the IET "
             "Wiring Matters emails and I read the NICEIC technical bulletins, and when amendment three came out I went "
             "through the changes on AFDDs with the lads at our Monday toolbox talk")
    assert offline_card(asked, on_it).overall >= 60


def test_what_a_candidate_found_out_about_the_role_is_what_they_learned_about_it():
    # "This answers a different question from the one asked", 20/100
    asked = "What have you learned about this role since our first conversation, and has it changed how you see your fit?"
    assert offline_card(asked, RESEARCHED).overall >= 60


MFA_STORY = (
    "um so when we rolled out multi factor authentication last year I had to explain it to the housing officers and the "
    "repairs team, who are mostly out on the road and not very techy. rather than talk about tokens and conditional "
    "access I used the analogy of the key and the alarm code on a tenant's front door, you need both. I did six short "
    "sessions at the depots myself, fifteen minutes each, with a one page guide with pictures. we got two hundred and ten "
    "staff enrolled in three weeks and lockout calls in the first week were about thirty instead of the hundred plus "
    "we'd planned for")


def test_a_figure_set_against_what_was_planned_for_is_a_measured_result():
    # Result 1 of 4, "a vague outcome ... nothing measurable", which kept "STAR structure: Result" open in the plan
    card = offline_card("Describe a time you had to explain something complicated to a non-expert audience.", MFA_STORY)
    assert next(c for c in card.criteria if c.key == "star.result").score >= 3


WE_STORY = (
    'so when we moved from the old house system to vertical tutoring in twenty twenty three it was a big change for'
    ' the whole school we set up a working group we went to visit two schools that already did it we surveyed staff'
    ' and we ran training days in the summer term and we put together new tutor groups across all the year groups '
    "um the one call I made myself was that I decided we'd delay the launch from September to January because I'd "
    "looked at the staff survey and two thirds of tutors said they didn't feel ready and I took that to the head "
    'and argued for it and the launch in January went smoothly and complaints from parents about tutor changes were'
    ' down to a handful compared with forty odd the year before when we changed tutor groups')


def test_a_long_quote_never_ends_on_a_word_that_leads_into_the_next():
    # "and we put together new tutor groups ... I decided we'd delay the launch from September to", evidence for 7 criteria
    from mockint.scoring.lexicon import LEADS_ON

    card = offline_card("Tell me about a time you led a team through a significant change.", WE_STORY)
    quotes = [e.quote for c in card.criteria for e in c.evidence]
    assert quotes and not any(q.split()[-1].lower().strip(",.") in LEADS_ON for q in quotes), quotes
