"""Trial 78: a leisure centre duty manager, a housing repairs contract manager, a tree team supervisor, a marketing
manager, and a restaurant general manager (a week of debrief, plans and practice). Shortened from the trials' own answers
and notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import finding_kinds, offline_card

GP = "How would you spot a site whose GP is drifting, from two sites away?"


def test_what_a_check_is_for_is_no_measure_gone_wrong():
    """ "... the top 10 dishes on the menu engineering matrix, so I can see if a high volume dish's cost has gone up" read
    as figures contradicting each other: a practitioner's answer on GP drift held at 26.7."""
    answer = ("From two sites away I'd look at the weekly numbers first. Theoretical versus actual GP is the first one: if "
              "the menu is costed at 71% and the site is achieving 67%, that four point gap is waste, theft, portioning or a "
              "costing that's out of date. Then I'd check the wastage log against sales, the stock count variance by "
              "category, and the top 10 dishes by volume on the menu engineering matrix, so I can see {end}. Then I'd look "
              "at purchase prices from suppliers against the costing sheets, because fish and dairy move fastest.")
    assert offline_card(GP, answer.format(end="if a high volume dish's cost has gone up")).overall >= 60
    # ... where "that" says it has happened, the reading stands
    assert offline_card(GP, answer.format(end="that a high volume dish's cost has gone up")).overall < 45


RESCUE = ("What would you do if you arrived on a site and found a climber up a tree with no one on the ground competent to "
          "carry out an aerial rescue?")


def test_a_climber_left_aloft_without_a_rescuer_is_work_let_go_on():
    """ "I'd let him finish the job rather than have him come down and go back up" (86.7, quoted as judgement)."""
    assert finding_kinds(["If he's got one or two limbs left, I'd let him finish the job rather than have him come down "
                          "and go back up."], RESCUE) == ["work_goes_on"]
    assert finding_kinds(["I'd get him to stop cutting and make himself safe, and I'd stay at the base until a rescue "
                          "climber arrived."], RESCUE) == []


TPO = ("What would you do if a resident told your crew that the tree they were about to fell had a tree preservation order "
       "on it, and the work sheet said nothing about it?")


def test_a_protected_tree_felled_anyway_is_work_let_go_on():
    """ "If the homeowner says it's fine ... we'd carry on ... crack on and get it down quick and tidy so there's no
    argument" (80, strong)."""
    assert "work_goes_on" in finding_kinds(["If the homeowner says it's fine and it's on the work sheet then we'd carry "
                                            "on."], TPO)
    assert finding_kinds(["I'd stop the job there and then and ring the council's tree officer to check the order "
                          "before anyone cuts anything."], TPO) == []


def test_the_rubrics_own_platitudes_are_no_concrete_plan():
    """ "stay calm and not panic ... communicate clearly with the team ... follow the company procedures and the risk
    assessment, whatever that says": Concrete plan 3 of 4 for a plan with no step in it."""
    empty = ("I think in that situation the most important thing is to stay calm and not panic. Safety always comes first for "
             "me, and I'd want to make sure everyone on site was safe. I'd communicate clearly with the team and find out "
             "what's going on. I'd follow the company procedures and the risk assessment, whatever that says.")
    assert offline_card(RESCUE, empty).criterion("situational.plan").score <= 1


def test_a_voids_measure_that_got_worse_is_a_bad_outcome():
    """ "the average key to key went to fifty two days ... rent loss went up from about a hundred and ten thousand to a
    hundred and eighty thousand ... I'd definitely do it the same way again" (56)."""
    question = "Tell me about a time you reduced void turnaround times."
    story = ("When I took over voids the average key to key was thirty eight days. I changed the void standard so we did a lot "
             "more in the void, and I brought the void inspections in house. By the end of the year the average key to key "
             "{went}, and rent loss {rent}. So yeah I'd definitely do it the same way again.")
    worse = offline_card(question, story.format(went="went to fifty two days",
                                                rent="went up from about a hundred and ten thousand to a hundred and eighty "
                                                     "thousand"))
    better = offline_card(question, story.format(went="went down to twenty four days",
                                                 rent="went down from about a hundred and ten thousand to sixty thousand"))
    assert worse.overall < 45 <= better.overall


def test_a_name_in_capitals_is_no_filler():
    """ "MMM" (marketing mix modelling) was counted as the filler "hmm" in a typed answer."""
    from mockint.records import Word
    from mockint.speech.delivery import count_fillers_and_hedges

    def fillers(text: str) -> dict[str, int]:
        return count_fillers_and_hedges([Word(word=w, start=0.0, end=0.0) for w in text.split()])[0]

    assert fillers("we use MMM alongside platform attribution and HM Revenue data") == {}
    assert fillers("so mmm, hmm, we use it alongside platform attribution") == {"hmm": 2}


NOTES = """they came back to: consistency across sites - "how do you make sure site 7 runs like site 1" - came up twice

Round 2 will be: site visit plus presentation. Jo said expect questions on P&L ownership, and on handling a bad review.
Feedback from recruiter afterwards: "answers lacked numbers, strong on operations, less convincing on leading leaders".
"""


def test_a_heading_with_its_items_on_its_line_labels_no_prose_after_it():
    """ "they came back to: consistency across sites" made P&L ownership, "operations" (the recruiter's "strong on") and
    "less convincing on leading leaders" topics they came back to (2x), drilled in every plan."""
    from mockint.coaching.debrief import parse_debrief
    from mockint.coaching.questions import load_bank

    topics = {t.name: t for t in parse_debrief(NOTES, load_bank()).topics}
    assert topics["consistency across sites"].reason == "probed"
    assert topics["P&L ownership"].reason == "forewarned"
    assert topics["leading leaders"].went_badly and topics["leading leaders"].reason != "probed"
    assert "operations" not in topics or (topics["operations"].reason == "discussed" and not topics["operations"].went_badly)
    listed = "they came back to:\n- consistency across sites\n- leading managers\n"
    assert {t.reason for t in parse_debrief(listed, load_bank()).topics} == {"probed"}
