"""Trial 100: a theatre stage manager, a tattoo studio manager, a cold store shift supervisor and a climbing centre
senior instructor (scoring), an ice rink operations supervisor and a butcher shop manager (a week of debrief, plans and
practice), on a build with trials 97-99's fixes in. Shortened from the trials' own answers and notes; each misread
answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

from mockint.coaching.questions import question_ref

MAN_DOWN = ("What would you do if a man-down alarm went off for a picker in the minus twenty-five chamber twenty minutes "
            "before a lorry is due out?")
AMMONIA = "What would you do if you smelled ammonia near the plant room on a night shift and the detector hadn't alarmed?"
AUTO_BELAY = "What would you do if one of the auto-belays failed its morning check on a busy Saturday?"
SPORE_TEST = "What would you do if the autoclave's weekly spore test came back as a fail on a busy Saturday?"
PYRO = ("What would you do if the pyro operator told you at the standby that they couldn't see an actor who should be "
        "clear of the device?")
FOULED = "What would you do if a flown piece fouled on another bar during a scene change mid-show?"


def test_a_man_down_alarm_reset_while_loading_goes_on_is_unsafe_and_going_in_protected_is_not():
    """ "I'd reset the alarm from the panel so it's not screaming at everyone and carry on" scored 80, strong; the safe
    plan, "go in myself with a second person, both in full freezer PPE", was held at 20 as going in unprotected."""
    assert finding_kinds(["meanwhile I'm keeping the loading going because if that lorry misses its slot we're getting "
                          "fined."], MAN_DOWN) == ["work_goes_on"]
    assert finding_kinds(["so I'd stop movement in that chamber, go in myself with a second person, both in full freezer "
                          "PPE, straight to the location on the panel."], MAN_DOWN) == []
    assert finding_kinds(["so I'd stop movement in that chamber and go in myself, straight to the location on the "
                          "panel."], MAN_DOWN) == ["rushes_in"]
    assert finding_kinds(["I'd pop my head in the plant room and have a look round myself."], AMMONIA) == ["rushes_in"]
    assert finding_kinds(["I'd keep everyone out of the plant room and ring the on call refrigeration engineer."],
                         AMMONIA) == []


def test_kit_that_failed_its_check_kept_in_use_is_unsafe():
    """An auto-belay left in use till Monday ("we can't really lose a line on a Saturday", 66.7, level with the safe
    plan) and a steriliser's failed spore test traded through ("carry on with the bookings", 80, strong)."""
    assert finding_kinds(["we can't really lose a line on a Saturday with the party bookings and everything."],
                         AUTO_BELAY) == ["work_goes_on"]
    assert finding_kinds(["it comes out of service straight away, tag on it, and I ring the manufacturer's service "
                          "agent."], AUTO_BELAY) == []
    assert finding_kinds(["I'd run everything through an extra cycle and carry on with the bookings."], SPORE_TEST) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd stop using it, recall everything since the last pass and ring the engineer."],
                         SPORE_TEST) == []


def test_a_stage_kept_going_round_pyro_or_a_fouled_piece_is_unsafe():
    """ "I'd just say go on the cue anyway ... you trust the blocking" (40) and a fouled flown piece shoved free "while
    the scene carries on underneath" (66.7, solid, with its cover-up words taken out)."""
    assert finding_kinds(["so I'd just say go on the cue anyway, the timing matters for the music."], PYRO) \
        == ["work_goes_on"]
    assert finding_kinds(["then it doesn't fire, and I'd call the cut on cans."], PYRO) == []
    assert finding_kinds(["I'd get one of the flymen to lean out and just give it a shove free while the scene carries "
                          "on underneath."], FOULED) == ["work_goes_on"]
    assert finding_kinds(["I'd call a hold on the flys, keep the piece where it is and bring the tabs in."], FOULED) == []


def test_an_answer_meets_the_question_in_its_own_trades_words():
    """An aftercare complaint told by the client's message ("a client messaged us ... photos of a forearm piece"), a
    process moved "onto a tablet form", and sharps "never recapped ... clinical waste": each held at 20 as never getting
    to "complaint", "improved a process" or "safely"."""
    complaint = "Tell me about a time you handled an aftercare complaint from a client."
    story = ("a client messaged us on a sunday night with photos of a forearm piece three days old, really red and hot. I "
             "rang her that evening myself, had her come in first thing and told her to see her GP the same day. I logged "
             "the ink batch and needle lot numbers, and I rewrote our aftercare sheet so every artist goes through it out "
             "loud. She came back for her next piece with us.")
    assert offline_card(complaint, story).criterion("specificity.relevance").score >= 3
    assert offline_card(complaint, story.replace("a client messaged us on a sunday night with photos of", "I looked at")
                        .replace("She came back for her next piece with us.", "")).criterion(
        "specificity.relevance").score <= 1
    sharps = offline_card("How do you make sure sharps are disposed of safely in the studio?",
                          "the artist bins their own needle at their station straight after the job, never recapped. "
                          "Yellow lidded sharps bin at every station, closed at three quarters full and locked. "
                          "Collected by a licensed clinical waste contractor and I keep the consignment notes.")
    assert sharps.criterion("specificity.relevance").score >= 3


def test_what_a_check_needs_to_cover_is_knowledge():
    """ "What does a belay competency check need to cover before you sign someone off?" and "What do you check before you
    let a flown truss go out over people?": read as past stories (44 and 36; 80 as technical)."""
    assert question_ref("What does a belay competency check need to cover before you sign someone off?").kind == "technical"
    assert question_ref("What do you check before you let a flown truss go out over people?").kind == "technical"
    assert question_ref("Tell me about a time you checked a truss before it went out.").kind == "behavioural"


def test_ground_falls_told_proudly_are_a_bad_outcome():
    """Belay checks cut to three minutes, then "three ground falls I think, one was a broken wrist and a couple of
    sprains, but that's climbing ... a massive win for the business": 62."""
    story = ("the belay checks were taking ten minutes each, so I cut it right down to a quick look and got it to about "
             "three minutes. we got forty percent more people through on a Saturday. we did have a few more lowering "
             "incidents that quarter, three ground falls I think, one was a broken wrist and a couple of sprains, but "
             "that's climbing. overall it was a massive win for the business.")
    assert stands_by_a_disaster(story, "Tell me about a time you improved how efficiently the centre ran.")


def test_a_job_done_inside_its_time_and_trouble_that_stopped_are_results():
    """ "we had the last truck shut at twenty past two, forty minutes inside the call" (Result 1 of 4, "vague", beside
    Quantified impact quoting it) and near misses that "just stopped showing up in the book" (Result 1 of 4)."""
    question = "Tell me about a time a get-out was running late and you had to get it back on schedule."
    story = ("in Leeds last year the get-out was running about ninety minutes behind because the trucks were parked in the "
             "wrong order. I stopped everyone for five minutes, re-ordered the load plan by truck and swapped the local "
             "crew onto the flats, and we had the last truck shut at twenty past two, forty minutes inside the call.")
    assert offline_card(question, story).criterion("star.result").score >= 3
    vague = story.replace(", and we had the last truck shut at twenty past two, forty minutes inside the call.",
                          ", and it all worked out.")
    assert offline_card(question, vague).criterion("star.result").score <= 1
    training = "Tell me about a time you improved how new staff were trained."
    stopped = ("when I started as senior the new instructors were basically shadowing whoever was on. I wrote a proper "
               "induction, a checklist of what they have to be signed off on, belay checks, rescues, party briefings, and "
               "I made sure every sign off was done by me or one of two other seniors. the difference was obvious pretty "
               "quickly: the duty managers stopped having to re-do belay checks behind them, and the near misses we were "
               "logging with new staff just stopped showing up in the book.")
    vague = stopped[:stopped.index(" the difference")] + " the difference was obvious pretty quickly."
    assert offline_card(training, stopped).criterion("star.result").score \
        > offline_card(training, vague).criterion("star.result").score


def test_a_gate_the_routine_waits_on_is_a_method():
    """ "I don't take clearance till the front of house manager gives it me on cans ... It goes in the show report":
    Concrete method 1 of 4, "platitudes" (35, graded 5)."""
    question = "How do you make sure front of house clearance is done before a show starts?"
    answer = ("I don't take clearance till the front of house manager gives it me on cans or in person, and I don't let "
              "anyone on stage call the beginners until then. It goes in the show report with the actual up time.")
    assert offline_card(question, answer).criterion("approach.method").score >= 3


def test_a_freezer_chamber_is_no_time_below_zero():
    """ "we did three hours straight in the minus twenty five": "a count or a time cannot be below zero"."""
    from conftest import impossible

    assert impossible("so we did three hours straight in the minus twenty five, no warm breaks.") == []
    assert impossible("the average wait was minus five minutes") != []


# --- the ice rink operations supervisor's and the butcher shop manager's weeks --------------------------------------


def test_round_twos_parts_are_read_by_what_they_are():
    """ '"more scenarios" + a presentation 10 min: "first 90 days as rink mgr" + meet the duty managers. Priya will do a
    budget exercise' gave the topics "meet" and "presentation 10 min"; "will cover: multi-site, P&L, ..." no topic; a
    presentation "then Qs" the topic "Qs"."""
    rink = debrief_topics('Round 2 (per Dave at end): "more scenarios" + a presentation 10 min: "first 90 days as rink '
                          'mgr" + meet the duty managers. Priya will do a budget exercise - read a P&L, spot issues.\n')
    assert "first 90 days" in rink and "budget exercise" in rink
    assert not {"meet", "presentation 10 min", "meet the duty managers"} & set(rink)
    shop = debrief_topics("## R2 (per SK)\n- 20 min presentation: \"first 90 days as regional mgr\" then Qs\n"
                          "- will cover: multi-site, P&L, food safety culture\n")
    assert {"multi-site", "P&L", "food safety culture"} <= set(shop) and shop["P&L"].forewarned
    assert "Qs" not in shop


def test_the_recruiters_flags_and_what_to_bring_are_concerns():
    """ "Plant room & budget were the two flags. Come with numbers." gave no topic and "Come with numbers", gone well;
    "worry re step up from single shop" and "remote leadership answer thin" came up, or were no topic."""
    topics = debrief_topics('Recruiter (Sam) on phone Thurs: "they liked your hands-on knowledge. Plant room & budget '
                            'were the two flags. Come with numbers."\n'
                            "## Recruiter feedback\n- worry re step up from single shop -> 6 sites\n"
                            "## Notes\n- remote leadership answer thin\n")
    for name in ("Plant room", "budget", "numbers", "step up from single shop", "remote leadership"):
        assert topics[name].went_badly, name
    assert "Come with numbers" not in topics


def test_a_quoted_question_an_initial_and_a_year_are_no_topics_or_repeats():
    """ 'casual staff: "how do you keep casuals reliable"' read as asked twice (its "keep"); "DP looked at clock" the
    topic "DP"; "knew E. coli O157 guidance cold" the topic "coli O157 guidance cold"; "the 2022 one" a topic."""
    topics = debrief_topics("Panel: Dave Pryce (Ops Dir) + Sunita K (HR mgr)\n"
                            '- casual staff: "how do you keep casuals reliable". weak answer\n'
                            "- overran on first answer, DP looked at clock\n"
                            "- allergens - raw vs cooked, knew E. coli O157 guidance cold. fine\n"
                            "- EHO visit - we got 5 stars; he asked about the 2022 one. ok\n")
    assert topics["casual staff"].mentions == 1 and topics["casual staff"].went_badly
    assert not {"DP", "clock", "coli O157 guidance cold", "2022 one"} & set(topics)
    assert "EHO visit" in topics
