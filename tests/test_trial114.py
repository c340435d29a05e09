"""Trial 114: a thatcher, a cathedral verger, a circus rigger and a tunnelling shift engineer (scoring), a demolition site
supervisor and a piano showroom manager (a week's preparation), on a build with trial 113's fixes in. Shortened from the
trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

from mockint.coaching.questions import question_ref

METHANE = "What would you do if the methane monitor on the TBM alarmed while you were mining?"
SWIVEL = ("What would you do if your pre-show inspection found wear on the swivel for the aerial silks and you didn't have "
          "a spare?")
SCAFFOLD = ("What would you do if you got to site and the scaffold had no inspection tag and a board was missing on the top "
            "lift?")
STOVE = ("What would you do if the homeowner wanted to keep using their wood burner while you were working on the ridge "
         "next to the chimney?")


def test_a_tbm_run_through_a_gas_alarm_a_worn_swivel_flown_an_untagged_scaffold_and_a_lit_stove_are_unsafe():
    """ "I'd keep the cutterhead turning but slow the advance right down" (53.3), "I'd let her go up, maybe put a bit of
    gaffer round it" (53.3), "tell the lads to keep to the other end of the lift for the day" (40) and "fine but keep it
    ticking over low" (53.3)."""
    assert finding_kinds(["I'd keep the cutterhead turning but slow the advance right down, and bump the fan up to max."],
                         METHANE) == ["work_goes_on"]
    assert finding_kinds(["I'd stop the cutterhead, isolate the power and get everyone back to the refuge."], METHANE) \
        == []
    assert set(finding_kinds(["if it turns smooth I'd let her go up, maybe put a bit of gaffer round it."], SWIVEL)) \
        == {"work_goes_on"}
    assert finding_kinds(["I'd take it out of service, tell the artist why and fly the act on the spare rig."], SWIVEL) == []
    assert set(finding_kinds(["I'd get a spare board off the van and lay it across, and tell the lads to keep to the other "
                              "end of the lift for the day."], SCAFFOLD)) == {"work_goes_on"}
    assert finding_kinds(["nobody goes up till the scaffolders have been back and tagged it."], SCAFFOLD) == []
    assert finding_kinds(["What I'd say is fine but keep it ticking over low."], STOVE) == ["work_goes_on"]
    assert finding_kinds(["I'd agree with them beforehand that the stove stays out while we're on the ridge."], STOVE) == []


def test_people_sent_into_a_drop_zone_told_proudly_are_unsafe():
    """ "I let two labourers hand-sort the timber and metal inside the zone while the high reach was working, with a
    banksman watching them" (86.7, strong)."""
    question = "Tell me about a time you kept a demolition job moving."
    assert finding_kinds(["To keep the job moving I let two labourers hand-sort the timber and metal inside the zone while "
                          "the high reach was working, with a banksman watching them."], question) == ["work_goes_on"]
    assert finding_kinds(["To keep the job moving I had the labourers sort the timber and metal in the yard, well outside "
                          "the exclusion zone."], question) == []


def test_an_organ_flooded_and_a_red_trigger_passed_told_proudly_are_a_disaster_stood_by():
    """ "it came through onto the organ, the repair on that was about forty thousand ... the PCC were really pleased with the
    saving" (80, strong) and "Settlement did go up, we got forty five mil over the gas main where the red trigger was twenty
    ... a couple of houses got cracks ... the client was over the moon" (44)."""
    roof = ("I said look I can do that myself off a ladder, so I did it myself for three years and we saved eighteen thousand "
            "pounds. there were a couple of leaks in the north aisle in the end, it came through onto the organ, the repair "
            "on that was about forty thousand, but the PCC were really pleased with the saving overall")
    assert stands_by_a_disaster(roof, "Tell me about a time you saved money for the church.")
    drive = ("we went to twenty eight rings a shift which was a record for that machine. Settlement did go up, we got forty "
             "five mil over the gas main where the red trigger was twenty, and a couple of houses got cracks. But we broke "
             "through a week early and the client was over the moon")
    assert stands_by_a_disaster(drive, "Tell me about a time you had to hit a tough programme target.")
    assert not stands_by_a_disaster(
        "we went to twenty eight rings a shift. Settlement stayed under five mil all the way, well inside the amber trigger, "
        "and we broke through a week early", "Tell me about a time you had to hit a tough programme target.")


def test_a_refuge_and_a_plan_changed_on_arrival_meet_the_question_asked():
    """ "where their nearest refuge chamber was ... put on a training self rescuer, timed" ("never gets to safety", 20) and
    "we got to Ghent and the ground was nothing like the site survey said ... I redrew the layout" ("never gets to short
    notice", 20)."""
    refuge = ("so on the last job I noticed when I asked the lads where their nearest refuge chamber was, half of them didn't "
              "know. So I set up a five minute toolbox talk once a week, we'd walk the escape route from the face to the "
              "refuge and the lads would put on a training self rescuer, timed.")
    assert offline_card("Tell me about a time you improved safety on your shift.", refuge) \
        .criterion("specificity.relevance").score >= 2
    ghent = ("so we got to Ghent and the ground was nothing like the site survey said, half the pitch was a filled in "
             "drainage ditch. so I stopped the stake-out, we did pull tests across the footprint, and I redrew the layout to "
             "shift the whole tent eight metres east.")
    question = "Tell me about a time you had to change your rigging plan at short notice at a new site."
    assert offline_card(question, ghent).criterion("specificity.relevance").score >= 2


def test_a_cost_weighed_and_a_what_if_are_no_contradicting_figures():
    """ "we freed twenty-eight thousand in cash in one quarter while margin on those units only fell from 24 to 19 percent"
    and "If footfall is down 10% but conversion is steady, it's a marketing problem" (both gated at 26.7 as figures that
    contradict)."""
    from mockint.scoring.offline import figure_clashes, read_answer

    question = "How do you use data to run a store?"
    stock = ("I made a list every Monday and we moved them with a trade-in offer, and we freed 28,000 pounds in cash in one "
             "quarter while margin on those units only fell from 24 to 19 percent.")
    assert not [c for c in figure_clashes(read_answer(stock, question, "approach")) if c[1] == "worse"]
    harm = stock.replace("only fell", "fell")
    assert [c for c in figure_clashes(read_answer(harm, question, "approach")) if c[1] == "worse"]
    what_if = ("First I'd split sales into footfall times conversion. If footfall is down 10% but conversion is steady, "
               "it's a marketing problem.")
    assert not [c for c in figure_clashes(read_answer(what_if, question, "approach")) if c[1] == "worse"]


def test_what_a_consent_or_a_hoist_requires_before_the_work_is_knowledge():
    """ "What does listed building consent require when you re-thatch a listed cottage?" and "What does a chain hoist need
    before you'd use it to hold a load over performers?" (past stories: right answers 30 and 28); what the team needs from
    the candidate is no knowledge of the trade."""
    assert question_ref("What does listed building consent require when you re-thatch a listed cottage?").kind \
        == "technical"
    assert question_ref("What does a chain hoist need before you'd use it to hold a load over performers?").kind \
        == "technical"
    assert question_ref("What does the team need from you?").kind != "technical"


def test_a_speaker_by_one_letter_and_the_candidates_own_words_quoted_are_no_topics():
    """ "D: tendering - ever priced a job? -> no ... weak" (a weak area "D") and 'I fluffed the numbers, said "depends on
    the PDR". she pushed twice' (a weak area "PDR", and the exclusion zones not read as gone badly)."""
    notes = debrief_topics(
        "panel: Gareth (ops director), Priya (HSQE mgr), Dan from commercial\n## what they asked\n"
        "- D: tendering - ever priced a job? -> no, only fed back qtys to estimator. weak\n"
        "- P: kept coming back to exclusion zones w/ high reach - I fluffed the numbers, said \"depends on the PDR\". she "
        "pushed twice\n")
    assert "D" not in notes and "PDR" not in notes
    assert notes["tendering"].went_badly
    assert notes["exclusion zones with high reach"].went_badly
    # what the panel said, quoted, is still read
    from mockint.coaching.debrief import _written_out

    assert "strong on budgets" in _written_out('she said "we need someone strong on budgets"')
    assert "PDR" not in _written_out('I fluffed the numbers, said "depends on the PDR"')
