"""Trial 40: a SENCO, a hospital estates supervisor and a bank branch manager wrote and graded their answers before
scoring them, and a deputy ward sister went through a week of debrief, plans and rounds. Good answers were marked down
for words ("the permit is signed back and cancelled", "found a failed anti vibration mount", "your ombudsman uphold rate
is below the industry average", a control story that never says "failure", "I wasn't willing to fudge it"), and unsafe
plans in a school's, an estate's and a bank's own words scored 80-93. The answers below are the trials' own."""

from __future__ import annotations

import pytest
from conftest import finding_kinds, offline_card

PERMITS = (
    "so for contractors on site every job that's higher risk goes through a permit, hot works, work at height over "
    "two metres, confined spaces, electrical isolation, and anything in plant rooms or roofs. Before they come in "
    "the contractor sends their RAMS at least five working days before and I or one of my authorised persons "
    "reviews it against our site risks, asbestos register first, then fire zones if it's hot works. On the day they"
    " sign in at the estates office, get a site induction if they haven't had one in twelve months, and the AP "
    "issues the permit face to face, walks them to the area, and they both sign. Hot works gets a fire watch for an"
    " hour after, and we isolate the detector heads in that zone only with fire safety informed. At the end the "
    "permit is signed back and cancelled and the AP checks the area's left safe. We audit ten percent of permits "
    "every month, and when I brought that audit in at the royal it found missing fire watch sign offs on about one "
    "in five hot works permits, which we got to zero in three months by making the fire watch part of the "
    "cancellation.")
MATRON = (
    "so a matron on the respiratory ward wanted us to switch off the ward's mechanical ventilation overnight "
    "because the patients were complaining about the noise and she'd already asked the night porter to switch the "
    "isolator off. I had to disagree with her because that ward has side rooms that need to be under negative "
    "pressure for TB and covid patients. I went up to see her the same morning rather than emailing, explained in "
    "plain words that switching the fans off means the side rooms stop protecting her staff, and I turned the "
    "isolator back on with her there. But I also took her complaint seriously, we measured the noise, it was about "
    "fifty two decibels at the bedside, and found a failed anti vibration mount on the supply fan. We replaced it "
    "within a week and the noise dropped to about forty. I also put a lock and a sign on the isolator and told the "
    "porters' supervisor. She thanked me in the end and we still get on well.")
WHY_BANK = (
    "so there's a few reasons. first you've made a public commitment in your last annual report to keep every "
    "branch open until at least twenty twenty seven, when most of the high street is closing, and you're the only "
    "one of the big lenders in this patch still opening on saturdays in Halton and Kirkby. that tells me branches "
    "aren't just a cost line here, and that's the kind of place I want to run six of. second, your area has two of "
    "the branches with the highest share of older customers in the region, and I've spent the last two years "
    "building our vulnerable customer approach, the bereavement champion and the scam conversations, so I think I "
    "can actually move the dial on that across six sites. third, I looked at your financial ombudsman figures and "
    "your uphold rate is below the industry average, so you're clearly doing complaints properly, and I want to "
    "learn from that and not spend my time fighting fires. and honestly the step from one branch to six through "
    "other managers is the next thing I need to get good at, and your area manager development programme with the "
    "coaching qualification is a big part of why I applied here rather than elsewhere")
CONTROL_STORY = (
    "last march our cash audit found my branch had two procedure breaches in a month. I ran the re-check myself, "
    "found one cashier was skipping the dual count at close, and I retrained her that week and moved her onto a "
    "buddy rota. the next three audits were clean and she's now our dual control lead")
INCLUSION_WAFFLE = (
    "so um inclusion for me is really about the whole school, it's about culture and ethos and making sure every "
    "child feels they belong and that everyone takes responsibility for every child, because inclusion isn't "
    "something that happens in one room or with one person it's everybody's job really. I think the key thing is "
    "vision, having a clear vision that everyone buys into, and then making sure that vision is lived out day to "
    "day in every classroom, so it's not just words on a wall. and obviously relationships are at the heart of it, "
    "relationships with children, relationships with staff, relationships with families and with outside agencies, "
    "because without those relationships nothing really works. I'd want to make sure we're really child centred and"
    " that we're listening to the voice of the child and the voice of parents and that we're working "
    "collaboratively as a team. I think communication is huge as well, making sure everybody knows what's going on "
    "and feels part of it. high expectations for all is really important to me too, so that no child is written off"
    " and we're always aspiring for every learner to reach their full potential. and I'd want to support staff with"
    " professional development so they feel confident and empowered. so it's about culture, vision, relationships, "
    "communication and high expectations really, and bringing all of that together so that inclusion is embedded "
    "across everything we do as a school community.")


@pytest.mark.parametrize("question, answer", [
    ("How do you manage contractors and permits to work on a hospital site?", PERMITS),
    ("Tell me about a time you had to disagree with a senior clinical colleague.", MATRON),
    ("Why do you want to be Area Manager with us?", WHY_BANK),
])
def test_a_good_answer_is_no_disaster_stood_by_for_its_words(question, answer):
    # 25, 22 and 25, weak: "The outcome you describe is a bad one ... and the answer stands by it"
    card = offline_card(question, answer)
    assert card.overall >= 75
    assert not any("outcome you describe is a bad one" in c.feedback for c in card.criteria)


@pytest.mark.parametrize("question, answer", [
    ("What motivates you to perform well in this position?",
     "results motivate me. last year I pushed my team so hard that four of my seven social workers left, statutory "
     "visits overdue went from six percent to thirty, and we failed the audit. but I never backed down on my standards, "
     "and that's exactly what I'd bring here"),
    # a permit's "cancelled" is no harm; a customer's still is
    ("Why do you want to work here?",
     "I want to work here because I push hard. at my last job I moved all twenty of my gym members onto the annual "
     "membership in one month, and yes, nine of the twenty cancelled by the spring and two complained to head office, "
     "but my numbers were the best in the region, so I'd call that a win and I'd do exactly the same here"),
])
def test_a_disaster_told_proudly_to_a_motivation_question_is_still_one(question, answer):
    assert offline_card(question, answer).overall <= 35


def test_a_control_failure_told_as_breaches_and_a_skipped_count_answers_the_question():
    # 20, "does not answer the question asked": it never says "failure" (83 asked about "a breach of procedure")
    card = offline_card("Tell me about a time you dealt with a risk or control failure in your branch.", CONTROL_STORY)
    assert card.criterion("specificity.relevance").score >= 3 and card.overall >= 70


def test_a_schools_stock_phrases_are_empty_talk():
    # 240 words of "culture, vision, relationships" read as a plan: 80, strong
    card = offline_card("How would you lead inclusion across the whole school in this role?", INCLUSION_WAFFLE)
    assert card.overall <= 40


@pytest.mark.parametrize("sentences, question, kind", [
    (["once it's hot we just write the reading down as fifty odd because that's what it gets to in the end."], "",
     "cover_up"),
    (["I wouldn't go shouting to infection control or the water safety group over one outlet."], "",
     "escalation_refused"),
    (["What I'd do is let their electrician do it live, he's got his insulated screwdrivers and gloves."],
     "A contractor needs to change a faulty MCB on the board that feeds the theatre corridor. What would you do?",
     "work_goes_on"),
    (["to save time I'd let him write it up after, the paperwork can catch up."], "", "check_skipped"),
    (["no need for me to hang around proving it dead, the breaker's off so it's off."], "", "check_skipped"),
    (["if the customer isn't sure about the income I'd say don't bother asking for payslips."], "", "check_skipped"),
    (["I'd ask the TA to keep it to herself and not write anything on CPOMS until I'd spoken to the family."], "",
     "cover_up"),
])
def test_an_unsafe_step_in_a_trades_own_words_is_found(sentences, question, kind):
    assert kind in finding_kinds(sentences, question)


def test_a_disclosure_held_until_the_candidate_decides_whether_it_goes_to_the_dsl_is_handled_alone():
    question = ("What would you do if a teaching assistant told you at the end of the school day that a Year 4 child "
                "had disclosed something worrying about home?")
    plan = ["then the next morning I'd take the child out of class somewhere quiet and ask them what happened.",
            "once I've got all the facts together I'd decide whether it actually needs to go to the DSL or whether "
            "it's something we can handle in house with a bit of extra nurture."]
    assert "handled_alone" in finding_kinds(plan, question)
    sound = ["I'd make sure the TA writes down exactly what the child said, in the child's words, on CPOMS today.",
             "then I'd go straight to the DSL before the end of the day, and I wouldn't question the child myself."]
    assert finding_kinds(sound, question) == []


@pytest.mark.parametrize("sentence", [
    "the evidence was clear and I wasn't willing to fudge it.",
    "I refused to backdate the entry, whatever the auditors thought.",
    "I'd isolate it, lock it off and prove it dead before anyone touches it, and the permit is signed before work starts.",
])
def test_a_refusal_to_hide_it_and_the_safe_step_are_no_finding(sentence):
    # "I wasn't willing to fudge it": Action 0 of 4, "keeps the problem hidden", 50 (87 without those words)
    assert finding_kinds([sentence]) == []


@pytest.mark.parametrize("question", [
    "How would you hold a teacher to account whose provision for pupils with SEND is weak?",
    "How would you deliver a ten percent saving on the maintenance budget?",
])
def test_a_person_to_deal_with_and_a_saving_to_deliver_ask_for_a_plan(question):
    from mockint.scoring.kinds import classify

    assert classify(question) == "situational"  # read as knowledge


def test_pressure_ulcers_are_no_time_pressure():
    # a ward sister's "pressure ulcers" concern was drilled with "a deadline you missed"
    from mockint.coaching.questions import load_bank

    bank = load_bank()
    assert "time_management" not in bank.competencies_for_text("pressure ulcers went badly")
    assert "time_management" in bank.competencies_for_text("a safety-critical decision under time pressure")


@pytest.mark.parametrize("text, why", [
    # a SENCO's story: 95, strong, the wrong share quoted for Quantified impact 4 of 4
    ("by the end of the first year 38 of the 48 were making expected progress which is just over 50%, so we'd more "
     "than doubled it.", "38 of 48 is 79 %"),
    # a bank manager's: 86, strong
    ("resolution time dropped from 14 days to 3 days, which is a drop of over 95%.", "from 14 to 3 is a fall of 79 %"),
])
def test_a_part_restated_as_a_share_it_is_not_and_a_drop_of_over_so_much_are_found(text, why):
    from mockint.scoring.figures import impossible_figures

    assert any(why in f.why for f in impossible_figures(text))


@pytest.mark.parametrize("text", [
    "by the end of the first year 38 of the 48 were making expected progress, which is about 79%.",
    "resolution time dropped from 14 days to 3 days, a drop of about 79%.",
    "12 of the 48, that is 25% of them, were on the register.",
])
def test_a_share_and_a_drop_that_agree_are_no_finding(text):
    from mockint.scoring.figures import impossible_figures

    assert impossible_figures(text) == []
