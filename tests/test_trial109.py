"""Trial 109: a fish hatchery supervisor, a stonemason team leader, a commercial beekeeper and a tree surgeon crew leader
(scoring), a kitchen fitting supervisor and a jewellery workshop supervisor (a week's preparation), on a build with trial
108's fixes in. Shortened from the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

from mockint.coaching.debrief import classify_topic
from mockint.scoring.offline import measure_moves

SAW = "What would you do if the water supply on your cut-off saw packed up halfway through cutting a batch of stone?"
WITHDRAWAL = ("What would you do if you found out a batch of fish treated with medicine was booked to go out before the "
              "withdrawal period ended?")
CHAIN_BLOCK = ("What would you do if you needed to lift a four hundred kilo cornice stone and you found the chain block's "
               "inspection was out of date?")
TIES = "What would you do if you found that another trade had taken out some of the scaffold ties on the church tower?"
HIVES = "What would you do if you had to move forty hives to a new site tonight and you were one person short?"
POWER_LINE = "What would you do if there was an overhead power line running through the crown of the tree?"
CHIPPER = "What would you do if the chipper kept blocking up halfway through a job?"
ALARM = "In your first interview they kept coming back to one topic: cash + security. What would you tell them now?"


def test_stone_cut_dry_fish_sold_in_withdrawal_an_overdue_chain_block_and_ties_out_are_unsafe():
    """ "I'd just finish the last few cuts dry ... stick a dust mask on" (66.7), "if it's only a few days short and the
    customer's waiting I'd let it go" (66.7), "if it's only a few weeks over then we'd use it" of an out-of-date chain block
    (80, strong) and the lads moved round the tower "so we're not losing the day" (66.7). Each twin refuses the work."""
    assert finding_kinds(["So I'd just finish the last few cuts dry, and get the lads to stick a dust mask on."], SAW) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd never cut dry, we'd stop until the water was sorted."], SAW) == []
    assert finding_kinds(["so if it's only a few days short and the customer's waiting I'd let it go."], WITHDRAWAL) \
        == ["work_goes_on"]
    assert finding_kinds(["I wouldn't let it go, I'd hold the batch and tell the customer why."], WITHDRAWAL) == []
    assert finding_kinds(["if it all looks alright and it's only a few weeks over then we'd use it."], CHAIN_BLOCK) \
        == ["work_goes_on"]
    assert finding_kinds(["I wouldn't use it, I'd get another block hired in."], CHAIN_BLOCK) == []
    assert finding_kinds(["I'd get the lads moved round to the other side of the tower so we're not losing the day."],
                         TIES) == ["work_goes_on"]


def test_straps_skipped_a_line_cracked_on_under_a_chipper_kept_running_and_a_lone_alarm_call_are_unsafe():
    """ "I'd skip the ratchet straps on the top row" (66.7), "we'd just crack on really" under a low-voltage line (40),
    "you leave it running ... give the brash a shove in with your boot" (26.7) and "I usually just drive in myself and
    check the shop before ringing the police" (15 only as no real event)."""
    assert finding_kinds(["if we're short handed I'd skip the ratchet straps on the top row."], HIVES) == ["check_skipped"]
    assert finding_kinds(["If it's just the low voltage one, that's insulated anyway, so we'd just crack on really."],
                         POWER_LINE) == ["work_goes_on"]
    assert finding_kinds(["I'd ring the network operator and wait for the shutdown."], POWER_LINE) == []
    assert finding_kinds(["Quickest thing is you leave it running and give the brash a shove in with your boot."],
                         CHIPPER) == ["work_goes_on"]
    assert finding_kinds(["I'd never leave it running, I'd stop it, isolate it and clear it with a stick."], CHIPPER) == []
    assert finding_kinds(["If the alarm goes off at night I usually just drive in myself and check the shop."], ALARM) \
        == ["work_goes_on"]
    assert finding_kinds(["If the alarm goes off at night I'd never drive in myself, I'd ring the police."], ALARM) == []


def test_a_check_made_more_often_is_no_check_skipped():
    """ "we'd go to a four day rotation instead of the seven day for swarm checks" (a beekeeper's story of checking more
    often in a wet season, capped at 46 as a check skipped; graded 4)."""
    season = "Tell me about a time you led a team through a difficult season."
    assert finding_kinds(["we agreed we'd go to a four day rotation instead of the seven day for swarm checks."],
                         season) == []
    assert finding_kinds(["we agreed we'd skip the swarm checks for a fortnight."], season) == ["check_skipped"]


def test_an_injury_a_survival_fall_and_frost_damage_told_proudly_are_a_disaster_stood_by():
    """ "Jamie caught his knee with the saw, needed eight stitches ... That's the kind of drive I'd bring" (66), survival
    "went from about ninety two percent down to seventy eight ... a real win" (54), and lads off sick and joints re-pointed
    after frost, "for me that's a job well done" (74). A rise in survival is no harm."""
    road = ("So I said right lads we're doing it in one. We got all six down by half four. We did lose a bit of the "
            "client's fence, and Jamie caught his knee with the saw, needed eight stitches, but he was back the week "
            "after. Client was chuffed. That's the kind of drive I'd bring to this role.")
    assert stands_by_a_disaster(road, "Tell me about a time you delivered a job under real time pressure.")
    parapet = ("I said we'll do it in three weeks. We went to twelve hour days. Two of the lads went off sick by week three, "
               "and we had to re-point about forty percent of the joints in the spring when the frost got them, and one of "
               "the copings had to come off again. But we hit the date, so for me that's a job well done.")
    assert stands_by_a_disaster(parapet, "Tell me about a time you delivered a job under real pressure.")
    assert measure_moves("survival from first feeding to fingerling went from about 92 percent down to 78") == (1, 0)
    assert measure_moves("survival from first feeding to fingerling went from 78 percent to 92") == (0, 1)


def test_a_loss_made_smaller_and_results_without_figures_are_outcomes():
    """ "we lost half a day instead of a week" (a kitchen fitting supervisor's routine, 23.6 as a bad outcome; 94.5 reworded),
    "winter losses that year were eight percent, the year before it was twenty two" (Result 1 of 4), and "we basically
    stopped losing stones to damage ... the clerk of works started using our board" (Result 1, "vague")."""
    subbies = offline_card(
        "How do you manage your gas and electrical subcontractors? Describe your routine and one real time you used it.",
        "Every Monday I put out a two week schedule, and 48 hours before I confirm by text and need a reply, or I ring my "
        "backup engineer. In November the gas engineer dropped out the day before, the text caught it, the backup came in "
        "the next morning and we lost half a day instead of a week. The customer never knew.")
    assert subbies.overall >= 60
    varroa = ("two years ago late August I did my alcohol washes on a sample of forty colonies out of the three eighty we "
              "had and about a third were over three mites per hundred bees, so I made the call myself to treat the whole "
              "operation because mites drift between yards. I pulled the honey supers first, went with oxalic sublimation, "
              "and I logged every treatment in the medicine book. Then I rewashed the same forty in October. Average came "
              "down to under one per hundred. Winter losses that year were eight percent, the year before it was twenty "
              "two.")
    card = offline_card("Tell me about a time you dealt with a serious varroa problem across your hives.", varroa)
    assert card.criterion("star.result").score >= 3
    boards = ("the fixers used to grab whatever was cut, and stones were getting chipped. I started a system, every stone "
              "gets a number that matches the drawing, and a board in the shop. I did the first fortnight myself till it "
              "stuck. After that we basically stopped losing stones to damage, and the clerk of works started using our "
              "board in the site meetings.")
    assert offline_card("Tell me about a time you improved the way your team worked.", boards) \
        .criterion("star.result").score >= 2
    without = boards.replace("After that we basically stopped losing stones to damage, and the clerk of works started "
                             "using our board in the site meetings.", "")
    assert offline_card("Tell me about a time you improved the way your team worked.", without) \
        .criterion("star.result").score <= 1


def test_an_unsafe_example_behind_a_routine_backs_nothing():
    """ "so I told him to carry on and cut the porcelain dry with the grinder in the kitchen" as the real time behind a
    routine: Example 4 of 4 and 85, strong."""
    question = ("Back to subcontractor management. Describe your routine again with a different real time you used it and "
                "what came of it.")
    unsafe = ("Another time, in September, the extraction unit was out on another job and the tiler was behind, so I told "
              "him to carry on and cut the porcelain dry with the grinder in the kitchen and just keep the door shut and a dust "
              "mask on. That "
              "way we kept the programme and the customer was happy we finished on the Friday as promised.")
    assert offline_card(question, unsafe).criterion("approach.example").score <= 1
    safe = unsafe.replace("so I told him to carry on and cut the porcelain dry with the grinder in the kitchen and just "
                          "keep the door shut and a dust mask on", "so I had him wet cut the porcelain outside with the water "
                          "feed")
    assert offline_card(question, safe).criterion("approach.example").score >= 2


def test_names_comments_and_meetings_are_no_topics_and_a_concern_named_is_read():
    """A jewellery workshop supervisor's notes: "Deb: H&S - ..." with the panel's "Deborah K (Regional Ops Mgr)" (a topic
    "Deb"), "-> weak. Bench person, never had a sales target." (a topic "Bench person"), "Concern is commercial awareness
    + leading a bigger sales team" (no topic read in); a kitchen fitter's "rambled on Mrs K", "Meet 2 of the current team
    leads" and "Use STAR" (topics), and "Case study on a job that's gone wrong" (read as "job", merged into "job
    sequence", which went fine)."""
    jeweller = debrief_topics(
        "Panel: Deborah K (Regional Ops Mgr), Sanjay (HR bp).\n## Qs asked\n"
        "- Deb: H&S - how do you manage pickle / acid + torch safety w/ junior staff? -> good, spill kit. Strongest "
        "answer imo.\n"
        "- Deb: sales targets - how would you drive retail sales? -> weak. Bench person, never had a sales target.\n"
        "## Recruiter fb\n- \"Concern is commercial awareness + leading a bigger sales team\"\n")
    assert not {"Deb", "Bench person", "Strongest answer imo"} & set(jeweller)
    assert jeweller["sales targets"].went_badly
    assert any(name.startswith("commercial awareness") and topic.went_badly for name, topic in jeweller.items())
    fitter = debrief_topics(
        "## Went badly\n- rambled on Mrs K, no result\n## Went fine\n- job sequence\n"
        "## Round 2 (per Priya)\n- Meet 2 of the current team leads (informal)\n"
        "- Case study on a job that's gone wrong - overrun + complaint.\n## Recruiter fb\n- \"Use STAR, finish w/ the result\"\n")
    assert not {"Mrs K", "Meet 2 of the current team leads", "Use STAR"} & set(fitter)
    assert not fitter["job sequence"].forewarned
    assert fitter["job that's gone wrong"].forewarned
    assert "Dr Patel referral story" in debrief_topics("## Went badly\n- Dr Patel referral story\n")


def test_a_plan_for_the_branch_is_asked_as_a_plan():
    """ "20 min "branch plan" presentation: first 90 days in branch" drilled as "one specific example ... and proof they
    could check" (her plan 23.3); a care plan or a lesson plan is still a past story's topic."""
    assert classify_topic("90-day branch plan presentation") == "situational"
    assert classify_topic("20 min branch plan presentation") == "situational"
    assert classify_topic("care plan") == "behavioural"
