"""Trial 104: a lift and escalator engineer, a fish farm site manager, a glazing supervisor and a vineyard and winery
supervisor (scoring), a chimney sweep and stove installer and a public aquarium senior aquarist (a week of debrief, plans
and practice), on a build with trials 100-103's fixes in. Shortened from the trials' own answers and notes; each misread
answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

from mockint.coaching.debrief import parse_debrief
from mockint.coaching.questions import load_bank, question_ref
from mockint.coaching.weakness import feedback_readings
from mockint.scoring.rubrics import load_rubrics

TRAPPED = ("What would you do if you arrived at a breakdown and there were people trapped in a car stuck between floors, and "
           "the building manager was pushing you to get them out quick?")
WET_SLOPE = ("What would you do if you were running the tractor and sprayer on the steep top block and the ground was still "
             "wet from overnight rain?")
WIND = "What would you do if the wind picked up while your team was installing large panes from a MEWP?"
TORN_NET = ("What would you do if the night watch phoned to say a net on pen six had torn during a storm, with the wind "
            "forecast to get worse?")
HOLD = "What would you do if one of your crew collapsed down in the hold of the feed barge?"
VACUUM = "What would you do if the low-vacuum alarm went off on the vacuum lifter while a pane was up in the air?"
ROOF = "What would you do if your fitters wanted to skip the roof ladder on a quick two-storey sweep?"


def test_passengers_helped_out_unisolated_a_tractor_on_a_wet_slope_and_panes_rushed_in_wind_are_unsafe():
    """ "I wouldn't bother going up to the motor room and isolating ... I'd just get them to climb down" (66.7, solid), "I'd
    just keep going really ... I'd take the roll bar down" (53.3, as its safe twin) and "you can't stop every time it gets
    a bit breezy ... just get them in quick" (66.7, above its safe twin's 53.3)."""
    assert finding_kinds(["I wouldn't bother going up to the motor room and isolating for that because it's parked."],
                         TRAPPED) == ["check_skipped"]
    assert finding_kinds(["I'd just get them to climb down or I'd give them a hand out, takes two minutes."], TRAPPED) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd go up to the motor room, isolate and lock off, then hand wind the car to the floor."],
                         TRAPPED) == []
    assert finding_kinds(["on the top block I'd just keep going really, and I'd take the roll bar down because it catches "
                          "on the wires."], WET_SLOPE) == ["work_goes_on"]
    assert finding_kinds(["I'd hold off on the top block until it's dry enough, ROPS up and seatbelt on always."],
                         WET_SLOPE) == []
    assert finding_kinds(["you can't stop every time it gets a bit breezy or nothing'd ever get fitted."], WIND) \
        == ["work_goes_on"]
    assert finding_kinds(["we'd check the wind speed with the anemometer and if it's near the limit we stop lifting."],
                         WIND) == []


def test_divers_without_their_supervisor_a_rescuer_down_a_hold_and_hands_under_a_pane_are_unsafe():
    """ "If the dive supervisor's not answering I'd just go with whoever's on" (80, strong: the "not" of the condition
    read as negating the step), "I'd get the nearest person straight down the ladder to him" into a feed barge's hold
    (53.3), "the lads to grab the edges" of a pane on a failing vacuum lifter (53.3) and "skip the roof ladder and harness"
    (80, strong)."""
    assert finding_kinds(["If the dive supervisor's not answering I'd just go with whoever's on."], TORN_NET) \
        == ["work_goes_on"]
    assert finding_kinds(["If the dive supervisor's not answering nobody goes in the water."], TORN_NET) == []
    assert finding_kinds(["I'd get the nearest person straight down the ladder to him to check he's breathing."], HOLD) \
        == ["rushes_in"]
    assert finding_kinds(["Nobody goes down the ladder without breathing apparatus, and I'd call the coastguard."], HOLD) \
        == []
    assert finding_kinds(["I'd tell the lads to grab the edges and walk it onto the stillage."], VACUUM) == ["work_goes_on"]
    assert finding_kinds(["I'd tell them to skip the roof ladder and harness since it's only two storeys."], ROOF) \
        == ["check_skipped"]
    assert finding_kinds(["the roof ladder and harness go up every time, two storeys or not."], ROOF) == []


def test_a_pump_kept_running_a_weekly_call_and_an_apprentice_watched_are_no_unsafe_steps():
    """ "If the pump's running you keep it running" of the vacuum lifter (the safe plan, held at 20), "I ring the site
    managers Thursday to check nothing's changed" (read as putting off escalating) and "let him do it with me checking
    after" of an apprentice (a chimney sweep's answer, held at 20)."""
    assert finding_kinds(["Everybody out from under it. If the pump's running you keep it running."], VACUUM) == []
    assert finding_kinds(["them alarms go off for nothing, you keep it running and crack on with the next one."], VACUUM) \
        == ["work_goes_on"]
    planning = "How do you approach planning work for a team of four across several sites?"
    assert finding_kinds(["I keep a group chat, and I ring the site managers Thursday to check nothing's changed."],
                         planning) == []
    apprentice = "How would you bring on the fitters who aren't your apprentice?"
    assert finding_kinds(["show him, then watch him do it, then let him do it with me checking after.",
                          "He's now doing three installs a month unsupervised."], apprentice) == []
    assert "work_goes_on" in finding_kinds(["I'd let him do it unsupervised on the roof without a harness."], apprentice)


def test_a_disagreement_told_without_the_word_answers_the_question():
    """ "the winemaker wanted to pick the chardonnay on the Monday ... I suggested we bring the Chardonnay forward ... She
    agreed after seeing the numbers" (20: "never gets to disagreed"; 68 told with "I disagreed"). A story of the same
    vintage with no one to disagree with still never gets to it."""
    question = "Tell me about a time you disagreed with the winemaker about a production decision."
    told = ("so er the winemaker wanted to pick the chardonnay on the Monday and I could see the forecast was twenty "
            "millimetres on the Wednesday and we only had the one press. So I pulled the press schedule and showed her that "
            "if we waited to Monday we'd have three blocks all needing the press in forty-eight hours. I suggested we bring "
            "the Chardonnay forward to the Saturday and push the pinot meunier back because it was cleaner and could hang. "
            "She agreed after seeing the numbers and we got everything pressed inside four hours of picking.")
    assert offline_card(question, told).overall >= 60
    alone = ("so the forecast was twenty millimetres on the Wednesday and we only had the one press. I pulled the press "
             "schedule, brought the Chardonnay forward to the Saturday and pushed the pinot meunier back because it was "
             "cleaner and could hang, and we got everything pressed inside four hours of picking.")
    assert offline_card(question, alone).overall <= 40


def test_what_the_panel_kept_coming_back_to_is_the_question_they_asked_again():
    """An aquarist's notes: 'came back TWICE to "how do you decide when to euthanise / who makes the call" ... Need better
    answer' (no topic but "Need better answer"); 'wanting to shape collection plan not just keep it alive' and 'he said
    "we'll come back to that"' read as asked twice. A chimney sweep's 'kept coming back to: "how do you get the lads to do it
    right when you're not there"' gave its repeat to the line before, whose story "went back same day"."""
    aquarist = debrief_topics(
        '- opened w/ "why curator, why now" - fine, talked about 9 yrs on LSS, wanting to shape collection plan not just '
        'keep it alive\n'
        '- came back TWICE to "how do you decide when to euthanise / who makes the call". I said vet decides. She wanted '
        "curator's role in it. Need better answer.\n"
        "- shark handling/transport - didn't get much time, he said \"we'll come back to that\"\n")
    assert aquarist["why curator, why now"].mentions == 1 and aquarist["shark handling/transport"].mentions == 1
    euthanasia = aquarist["deciding when to euthanise / who makes the call"]
    assert euthanasia.mentions == 2 and euthanasia.went_badly
    assert "Need better answer" not in aquarist
    sweep = debrief_topics(
        "## Gareth\n"
        "- customer complaint q: smoke back into lounge. Told the Mrs Pryce story (cowl wrong size, went back same day, "
        "fixed free). Went OK, he smiled\n"
        "- kept coming back to: \"how do you get the lads to do it right when you're not there\"\n")
    assert sweep["customer complaint"].mentions == 1
    assert sweep["getting the lads to do it right when you're not there"].mentions == 2


def test_what_the_recruiter_wants_to_see_and_round_twos_length_are_read():
    """ "they liked your technical depth, want to see you think like a manager not a senior keeper" and "Gareth wants
    numbers" (no topic, no feedback), "R2 = 90 min: presentation (15 min) on "first 100 days as curator" + panel incl. CEO
    + education/visitor experience lead" (the presentation lost, the panel read as round two's topics), "no numbers for
    anything mgmt" (a concern "anything mgmt") and "... I said usually verbal. hmm" (a topic "hmm")."""
    notes = ("## Recruiter call\n"
             '- "they liked your technical depth, want to see you think like a manager not a senior keeper"\n'
             '- "Gareth wants numbers"\n'
             '- R2 = 90 min: presentation (15 min) on "first 100 days as curator" + panel incl. CEO + education/visitor '
             "experience lead\n"
             "## Went badly\n"
             "- no numbers for anything mgmt - no KPIs, no callback rate\n"
             "- CCTV survey - she asked \"in writing?\" - I said usually verbal. hmm\n")
    read = parse_debrief(notes, load_bank(), feedback=feedback_readings(load_rubrics()))
    topics = {t.name: t for t in read.topics}
    assert topics["thinking like a manager"].forewarned and topics["first 100 days"].forewarned
    assert not any("panel" in name or "experience lead" in name or "anything" in name or name == "hmm" for name in topics)
    assert "specificity.quantified_impact" in {f.id for f in read.feedback}
    assert "specificity.ownership" not in {f.id for f in parse_debrief(
        "- shark transport - no time, he said \"we'll come back to that\"\n", load_bank(),
        feedback=feedback_readings(load_rubrics())).feedback}


def test_harm_told_proudly_after_a_cut_is_a_bad_outcome():
    """Escalator servicing cut to quarterly, "a step chain went on ... out for nearly three weeks, and a lady had a bit of a
    fall ... but overall it was a big saving" (76, solid), and setting blocks skipped to hit a date, "reseal eleven units
    that were letting water in, and three panes cracked ... but we hit the date" (62, solid)."""
    escalators = ("so I put it to the contract manager and we moved them to every quarter instead, which freed up "
                  "something like thirty engineer days a year and the contract margin went right up, the boss was really "
                  "happy with me. we did get a few more breakdowns, and there was the one over Christmas where a step chain "
                  "went on the main down escalator and it was out for nearly three weeks, and a lady had a bit of a fall on "
                  "the stopped one when people were walking it, but overall it was a big saving for the business and I "
                  "think it shows I can think commercially")
    assert stands_by_a_disaster(escalators, "Tell me about a time you improved how maintenance was done on a contract.")
    glazing = ("So I made the call, we skipped the setting blocks on the top row and worked two weekends straight through. "
               "We handed over two days early. Er we did have to come back and reseal eleven units that were letting water "
               "in, and three panes cracked in the first month, but we hit the date, and that's what they remember.")
    assert stands_by_a_disaster(glazing, "Tell me about a time you delivered a job under real time pressure.")
    caught = ("So I made the call to add a second fitting team and we worked two weekends straight through. We handed over "
              "two days early, and the water test on every unit came back dry.")
    assert not stands_by_a_disaster(caught, "Tell me about a time you delivered a job under real time pressure.")


def test_what_a_licence_controls_is_knowledge():
    """ "What does a SEPA licence for a marine pen site actually control?" (read as a past story: the right answer 35, 86.7
    as technical); what the candidate's own role involves is still not."""
    assert question_ref("What does a SEPA licence for a marine pen site actually control?").kind == "technical"
    assert question_ref("What does a permit to work control?").kind == "technical"
    assert question_ref("What does your current role involve?").kind != "technical"
