"""Trial 110: a stud farm foaling supervisor, a waterways team leader, a nightclub door supervisor team leader and a street
lighting team leader (scoring), a foundry melt shop supervisor and a betting shop manager (a week's preparation), on a
build with trial 109's fixes in. Shortened from the trials' own answers; each misread answer beside its twin."""

from __future__ import annotations

from conftest import finding_kinds, offline_card, stands_by_a_disaster

from mockint.coaching.questions import question_ref

LOCK = "What would you do if a member of the public fell into a lock chamber while it was emptying?"
COLUMN = ("What would you do if you got called out at two in the morning to a lighting column that's been knocked down by "
          "a car on a busy A road, with cables showing?")
RED_BAG = "What would you do if you were on foaling watch and a mare started foaling with a red bag showing?"
DRUNK = ("What would you do if a customer who is very drunk and on her own is refused entry or has to be ejected late at "
         "night?")


def test_a_rescuer_in_the_water_a_column_cut_live_and_a_drunk_woman_put_out_are_unsafe():
    """ "somebody's in the water, I'd be straight in after them, I'm a strong swimmer" (53.3), "No point waiting for the
    DNO" of a knocked-down column with its cables out (40), and "once she's off the premises she's not really our problem"
    (40). Each twin keeps the safe step."""
    assert finding_kinds(["somebody's in the water, I'd be straight in after them, I'm a strong swimmer."], LOCK) \
        == ["rushes_in"]
    assert finding_kinds(["I'd shout to them to grab the ladder, throw the line and drop the paddles."], LOCK) == []
    assert finding_kinds(["No point waiting for the DNO for that, they take hours."], COLUMN) == ["check_skipped"]
    assert finding_kinds(["I'd make the site safe, fence it off and wait for the DNO to isolate it."], COLUMN) == []
    assert finding_kinds(["honestly once she's off the premises she's not really our problem."], DRUNK) == ["work_goes_on"]
    assert finding_kinds(["she's not safe on her own, so I'd keep her in the foyer with a female member of staff and "
                          "call her a taxi."], DRUNK) == []


def test_a_foal_without_oxygen_a_lorry_partition_and_a_mare_cover_are_no_findings():
    """ "the foal's got no oxygen supply. So I go straight in, cut the bag" (the safe red-bag plan, capped at 20 as going in
    after a casualty in a bad atmosphere) and "a partition so the foal can't get under anyone" (read as refusing to
    escalate)."""
    assert finding_kinds(["red bag is an emergency, the foal's got no oxygen supply.",
                          "So I go straight in, cut the bag with scissors and call the vet."], RED_BAG) == []
    assert finding_kinds(["I'd check the lorry's got a partition so the foal can't get under anyone."],
                         "What does moving a mare with a foal at foot by lorry require?") == []
    # a man down in a low oxygen tank is still a rescuer's danger
    assert finding_kinds(["the gas monitor alarmed on low oxygen in the tank.", "I'd go straight in and drag him out."],
                         "What would you do if one of your crew collapsed in a tank?") == ["rushes_in"]


def test_skipped_preheat_damp_scrap_on_molten_metal_and_a_self_excluded_gambler_are_unsafe():
    """ "to skip the preheat on the spare ladle so we could turn it round faster" (88.6, strong), "charge the damp turnings
    straight onto the molten heel instead of waiting" (74) and "just let him bet quietly" of a self-excluded customer
    (25.7 only for no result)."""
    change = "Tell me about a time you led your team through a change."
    assert finding_kinds(["To keep output up I told the crew to skip the preheat on the spare ladle so we could turn it "
                          "round faster."], change) == ["check_skipped"]
    assert finding_kinds(["I made sure every ladle had its full preheat before it went back in service."], change) == []
    deadline = "Describe a situation where you had to meet a tight deadline."
    assert finding_kinds(["so to save time I told the furnace hand to charge the damp turnings straight onto the molten "
                          "heel instead of waiting."], deadline) == ["work_goes_on"]
    welfare = "Tell me about a safer gambling interaction."
    assert finding_kinds(["he had self-excluded but kept coming back in, so I told the team to just let him bet quietly."],
                         welfare) == ["work_goes_on"]
    assert finding_kinds(["he had self-excluded, so I refused the bet, reminded him of the scheme and logged it."],
                         welfare) == []


def test_foals_lost_when_night_cover_was_cut_are_a_disaster_stood_by_and_others_missing_it_is_no_harm():
    """ "We did lose three foals that season, up from one the year before ... Overall it was a big win" (76), and "I was
    really proud of that one because a lot of people would've missed it" of a dummy foal saved (read as a bad outcome)."""
    nights = ("So I went to one person covering both barns with the cameras, and saved us about forty percent on night "
              "wages. We did lose three foals that season, up from one the year before, and a couple of mares retained "
              "their placentas and nobody picked it up till the morning. Overall it was a big win.")
    assert stands_by_a_disaster(nights, "Tell me about a time you made the yard run more efficiently.")
    dummy = ("a foal was born fine, and then about an hour later he went wandering, a dummy foal. I got the vet, we tube fed "
             "him colostrum and did the Madigan squeeze for twenty minutes. Within an hour he was up looking for the teat "
             "and he went on to sell really well. I was really proud of that one because a lot of people would've missed "
             "it.")
    assert not stands_by_a_disaster(dummy, "Tell me about a time you saved a sick foal.")
    assert offline_card("Tell me about a time you saved a sick foal.", dummy).criterion("star.result").score >= 2


def test_a_story_that_never_meets_the_conflict_asked_is_off_the_question():
    """A foal story told for "a conflict between two members of your team" met the topic on "wouldn't find the udder"
    (76 once the story's "would've missed it" no longer read as a harm); someone's refusal still meets it."""
    question = "Tell me about a time you had to deal with a conflict between two members of your team."
    foal = ("so there was a foal last year, born fine, and then about an hour later he just went wandering, wouldn't find "
            "the udder. I recognised it straight away, got the vet, and within an hour he was up looking for the teat. I "
            "was really proud of that one.")
    assert offline_card(question, foal).criterion("specificity.relevance").score <= 1
    grooms = ("two of my grooms both wanted the Saturday off and she wouldn't swap, so I sat them down, heard both sides "
              "and we agreed a rota where they alternate. They've not had a cross word about it since.")
    assert offline_card(question, grooms).criterion("specificity.relevance").score >= 2


def test_a_chapter_of_a_code_what_an_animal_needs_and_a_supposed_scene_are_read_as_asked():
    """ "What does Chapter 8 require for traffic management ...?" (a past story, the right answer 32), "What does a newborn
    foal need in its first hours, and what do you check?" (12; 86.7 as knowledge) and "Suppose one of your team turns up
    smelling of drink. What then?" (10; 86.7 as a plan). What a good manager or a new starter needs is no knowledge
    question."""
    assert question_ref("What does Chapter 8 require for traffic management when you're working on a column on a dual "
                        "carriageway?").kind == "technical"
    assert question_ref("What does a newborn foal need in its first hours, and what do you check?").kind == "technical"
    assert question_ref("What does a good manager need?").kind != "technical"
    assert question_ref("What does a new starter need from you?").kind != "technical"
    assert question_ref("Suppose one of your team turns up smelling of drink. What then?").kind == "situational"
