"""Trial 101: a rope access team leader, a bike shop workshop manager, an escape room supervisor and a canal boat hire
base supervisor (scoring), a trampoline park duty manager and a parking enforcement team leader (a week of debrief, plans
and practice), on a build with trial 100's fixes in. Shortened from the trials' own answers and notes; each misread
answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card

from mockint.coaching.questions import question_ref

BATTERY = ("What would you do if a customer drops off an e-bike with a battery that looks swollen and feels warm, and they "
           "need it charged for tomorrow?")
NO_TORQUE_WRENCH = ("What would you do if it's quarter to five on a Saturday, the customer's collecting at five, and the "
                    "mechanic says the torque wrench has gone missing and the carbon bars and stem still need tightening?")
FIRE_ALARM = "What would you do if the fire alarm went off in the middle of a game?"
CAMERA = "What would you do if the camera feed for one room went down halfway through a game?"
ANCHORS = ("What would you do if you arrived on site and the building manager couldn't show you an in-date test "
           "certificate for the roof anchors?")
WIND = "What would you do if the wind picks up past your limit while you've got lads halfway down a drop?"
GAS = "What would you do if a hirer rang at nine at night saying they could smell gas on the boat?"
RED_BOARDS = ("It's changeover Saturday, the river section has gone onto red boards overnight, and a family wants to set "
              "off on the ring that uses it. What would you do?")


def test_a_swollen_battery_charged_and_bars_done_up_by_feel_are_unsafe():
    """ "I'd pop it on the charger in the back workshop overnight" (66.7) and "just nip them up carefully by hand with the
    allen key" (93.3, strong, level with the safe plan); that plan, "offer to finish it first thing Monday", is safe."""
    assert finding_kinds(["I'd pop it on the charger in the back workshop overnight, not on the shop floor."], BATTERY) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd get it outside into the battery bin, away from anything, and tell them it can't be "
                          "charged."], BATTERY) == []
    assert finding_kinds(["I'd say to him just nip them up carefully by hand with the allen key and get the bike out."],
                         NO_TORQUE_WRENCH) == ["work_goes_on"]
    safe = offline_card(NO_TORQUE_WRENCH, "the bike doesn't go out untorqued, carbon front end. First I'd check the other "
                        "benches and the van for a click wrench. If we genuinely can't find one, I ring the customer "
                        "before five, apologise, tell them exactly why, and offer to finish it first thing Monday.")
    assert safe.overall >= 60


def test_a_game_kept_going_through_a_fire_alarm_or_unseen_is_unsafe():
    """ "I'd keep the groups in the rooms so they don't panic" (53.3) and "I'd let the game carry on" with the room's
    camera down (66.7, level with the safe fire plan)."""
    assert finding_kinds(["so I'd keep the groups in the rooms so they don't panic and check with the cafe first."],
                         FIRE_ALARM) == ["work_goes_on"]
    assert finding_kinds(["I'd release every maglock and get all the groups out to the assembly point."], FIRE_ALARM) == []
    assert finding_kinds(["I'd let the game carry on, they've still got the walkie talkie."], CAMERA) == ["work_goes_on"]
    assert finding_kinds(["if I can't see a room, that group isn't monitored, so I'd pause the game and go in."],
                         CAMERA) == []


def test_anchors_used_untested_and_a_drop_finished_in_the_wind_are_unsafe():
    """ "give them a good heavy tug ... we'd use them" (66.7, solid) and "let them finish the drop ... get the last bit
    done" (40)."""
    assert finding_kinds(["I'd give them a good heavy tug and if they're solid we'd use them."], ANCHORS) \
        == ["work_goes_on"]
    assert finding_kinds(["we don't rig from them; I'd tell the building manager and rig from the parapet with a "
                          "tested system instead."], ANCHORS) == []
    assert finding_kinds(["I'd let them finish the drop, they're halfway down anyway."], WIND) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd stop the drop, bring them down under control and stand the job down."], WIND) == []


def test_a_hob_lit_to_test_for_gas_and_a_family_sent_onto_a_red_river_are_unsafe():
    """ "Then light one ring and see if it lights ... they can stay on the boat" and "ours are big heavy boats ... they
    push through it fine": both 66.7, solid, level with the best safety answer."""
    assert finding_kinds(["Then light one ring and see if it lights normally."], GAS) == ["work_goes_on"]
    assert finding_kinds(["I'd tell them not to light anything, turn the gas off at the bottle and get off the boat."],
                         GAS) == []
    assert finding_kinds(["Red boards are really for the private boaters, ours are big boats, they push through it fine."],
                         RED_BOARDS) == ["work_goes_on"]
    assert finding_kinds(["they don't go on the river while it's on red boards; I'd offer them the canal ring instead."],
                         RED_BOARDS) == []


def test_a_parts_figure_or_standard_of_the_trade_is_knowledge():
    """ "What torque and prep does a carbon seatpost in a carbon frame need?", "Which brake fluid does a Shimano brake
    take?" and "What does an e-bike need to meet to be legal as an EAPC in the UK?": read as past stories (the right
    answer 34; 86.7 as technical)."""
    for question in ("What torque and prep does a carbon seatpost in a carbon frame need?",
                     "Which brake fluid does a Shimano brake take?",
                     "What does an e-bike need to meet to be legal as an EAPC in the UK?"):
        assert question_ref(question).kind == "technical", question
    assert question_ref("Tell me about a time a customer's carbon seatpost slipped.").kind == "behavioural"


# --- the trampoline park duty manager's and the parking team leader's weeks ------------------------------------------


def test_round_twos_presentation_and_panel_are_read_by_what_they_are():
    """ 'a presentation: 10 min, "first 90 days as GM"' became the topic "presentation"; 'presentation 10 min "first 90
    days as PSM" + panel w/ Head of Highways (Mr Okafor?). contract + budget' the topic "presentation 10 min first 90
    days", and the data exercise after "?? not sure" no topic of round two."""
    park = debrief_topics('## round 2 (per Dave)\n- a presentation: 10 min, "first 90 days as GM"\n')
    assert "first 90 days" in park and "presentation" not in park
    parking = debrief_topics('R2 (per Dave at the end): presentation 10 min "first 90 days as PSM" + panel w/ Head of '
                             'Highways (Mr Okafor?). contract + budget + "stakeholder mgmt". maybe a data exercise?? not '
                             'sure\n')
    assert {"first 90 days", "budget", "stakeholder mgmt", "data exercise"} <= set(parking)
    assert parking["data exercise"].forewarned
    assert "presentation 10 min first 90 days" not in parking


def test_a_speaker_named_with_an_initial_and_a_recruiters_doubt_are_read():
    """ "Priya S (contract officer ...)" then "Priya: PCN appeals - ... fumbled the timescales" made "Priya" a weak area
    and lost PCN appeals; "H&S lead wasn't fully convinced on reporting knowledge" no topic; "good ans", "foam pit lol"
    topics."""
    topics = debrief_topics("Panel: Dave H (PSM) + Priya S (contract officer, council client side)\n"
                            "- Priya: PCN appeals - got the stages right, fumbled the timescales\n"
                            "## recruiter feedback\n- \"H&S lead wasn't fully convinced on reporting knowledge\"\n"
                            "## went fine\n- teen behaviour - good ans, stayed calm\n- rapport w/ Dave, jokes about the "
                            "foam pit lol\n")
    assert "Priya" not in topics and topics["PCN appeals"].went_badly
    assert topics["reporting knowledge"].went_badly
    assert not {"good ans", "foam pit lol"} & set(topics)
