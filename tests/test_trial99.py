"""Trial 99: a head gamekeeper, a car wash site manager, an archives supervisor and a florist shop manager (scoring), an
events venue duty manager and a charity shop area manager (a week of debrief, plans and practice), on a build with
trials 97-98's fixes in. Shortened from the trials' own answers and notes; each misread answer beside its twin."""

from __future__ import annotations

import json

from conftest import debrief_topics, finding_kinds, offline_card, stands_by_a_disaster

BEATER = "What would you do if a beater was hit by shot during a drive?"
WALKERS = "What would you do if walkers with a dog came along the footpath in the middle of a drive?"
QUAD = "What would you do if your underkeeper needed to get the quad with the sprayer up the steep bank by the top pen?"
COUPLING = "What would you do if a pressure washer hose started leaking at the coupling while someone was using it?"
SPILL = "What would you do if a bottle of concentrated bucket cleaner spilled on the floor of the cold room?"


def test_a_shoot_day_kept_going_round_a_shot_beater_or_walkers_is_unsafe():
    """ "let the drive finish ... I'd have a word with the gun afterwards on the quiet" (53.3, level with the firm safe
    answer) and "let them carry on shooting the high birds over the top while the walkers go through" (40)."""
    assert finding_kinds(["I'd get one of the lads to walk him back to the game cart and let the drive finish."], BEATER) \
        == ["work_goes_on"]
    assert finding_kinds(["I'd have a word with the gun afterwards on the quiet, no need to make a big thing."], BEATER) \
        == ["cover_up"]
    assert finding_kinds(["I'd blow the whistle, stop the drive straight away and get to him with the first aid kit."],
                         BEATER) == []
    assert finding_kinds(["let them carry on shooting the high birds over the top while the walkers go through."],
                         WALKERS) == ["work_goes_on"]
    assert finding_kinds(["I'd radio a stop to every gun until the walkers are well clear."], WALKERS) == []


def test_a_quad_on_a_steep_bank_without_the_helmet_is_unsafe():
    """ "I wouldn't bother with the helmet for that bit it's more hassle than it's worth": 40, no finding."""
    assert finding_kinds(["I wouldn't bother with the helmet for that bit, it's more hassle than it's worth."], QUAD) \
        == ["check_skipped"]
    assert finding_kinds(["he'd wear the helmet, empty the tank first and take the long way round."], QUAD) == []


def test_a_leaking_coupling_tightened_while_running_and_bleach_on_a_spill_are_unsafe():
    """ "tighten it up with a spanner while it's running ... carry on to the end of the shift" (66.7, solid, level with
    the right first aid answer) and "chuck a load of the bleach down on it ... shut the cold room door" (53.3)."""
    assert finding_kinds(["tighten it up with a spanner while it's running so you can see when it stops dripping."],
                         COUPLING) == ["work_goes_on"]
    assert finding_kinds(["I'd get them to shut it off, isolate it and bleed the pressure before anyone touches the "
                          "coupling."], COUPLING) == []
    assert finding_kinds(["I'd chuck a load of the bleach down on it as well to neutralise it and give it a good mop."],
                         SPILL) == ["work_goes_on"]
    assert finding_kinds(["I'd get everyone out of the cold room, check the COSHH sheet and clear it with the spill "
                          "kit, never mixing it with anything."], SPILL) == []


def test_a_quiet_word_is_no_cover_up():
    """ "I'd go over and have a quiet word really, I wouldn't make a scene" (a researcher writing in pen on an open
    volume): Judgement lowered as "keeping it quiet" (40; 53.3 with the phrase changed)."""
    question = "What would you do if you saw a researcher in the reading room writing with a pen on an open volume?"
    quiet = ("I'd go over and have a quiet word, I wouldn't make a scene. I'd say we only allow pencils and offer them one, "
             "and show them the foam supports. if they kept doing it I'd tell my manager.")
    assert offline_card(question, quiet).criterion("situational.judgement").score >= 2


def test_checks_cut_and_mould_since_told_proudly_is_a_bad_outcome():
    """An accessions backlog cleared by cutting the condition and pest checks, then "a mould outbreak ... about ninety
    boxes ... woodworm, but that's going to happen with any backlog": 80, strong."""
    story = ("we had a backlog of about six hundred boxes. I cut the condition check and pest inspection back to a quick "
             "look at the top of the box, and we cleared the whole backlog in eight weeks. we had a mould outbreak in "
             "strongroom two that autumn that spread to about ninety boxes and we had the conservators in for three "
             "months, and a couple of the deposits turned out to have woodworm. overall it really changed the culture.")
    assert stands_by_a_disaster(story, "Tell me about a time you improved a process or made something more efficient.")


def test_no_repeat_since_is_the_result():
    """ "Didn't have one repeat in the two seasons since" (a shoot day's safety briefing): Result 1 of 4, "vague"."""
    question = "Tell me about a time you dealt with a firearms safety problem on a shoot day."
    story = ("a gun swung through the line on the second drive. I stopped the drive, took his gun off him and spoke to "
             "the host, and from then on every gun got a safety briefing with the pegs walked before the first drive. "
             "didn't have one repeat in the two seasons since.")
    told = offline_card(question, story).criterion("star.result").score
    vague = offline_card(question, story.replace("didn't have one repeat in the two seasons since.", "it all went fine."))
    assert told >= 3 and vague.criterion("star.result").score < told


def test_a_cost_to_income_ratio_that_fell_is_no_contradiction():
    """ "net contribution went to £27,000, cost-to-income fell from 94 to 83 percent": a charity shop area manager's best
    commercial story, gated at 23.3 as figures that contradict each other ("income" read as falling)."""
    question = ("Back to commercial edge, which round one left in doubt. Take a real example you have not told yet: what "
                "happened, what you did, and the outcome.")
    story = ("At Herne Bay in 2023 the shop was making a net contribution of only £9,000 a year on £160,000 sales. I went "
             "through the P&L line by line with the manager: wages were 31 percent of sales against an area benchmark of "
             "24, and we were pricing furniture below local competitors. I changed the rota to put paid hours on the "
             "busiest days, introduced a furniture price guide based on eBay sold prices, and set a weekly target for "
             "high-value items. Within a year net contribution went to £27,000, cost-to-income fell from 94 to 83 "
             "percent, and I presented it to the director of trading as a template for other shops.")
    card = offline_card(question, story)
    assert card.overall >= 60 and card.criterion("specificity.quantified_impact").score >= 3
    fell = offline_card(question, story.replace("cost-to-income fell from 94 to 83 percent",
                                                "income fell from 94 to 83 thousand"))
    assert fell.criterion("specificity.quantified_impact").score <= 2


# --- the events venue duty manager's and the charity shop area manager's weeks ---------------------------------------


def test_a_panel_member_a_two_way_handover_and_prep_time_are_read_as_meant():
    """ "panel: Deb (GM), ..." then "Deb: "we blew labour ..."" made a concern "Deb"; "ops <-> sales handover. Marcus
    asked 3x" the topic "ops"; "they'll give me a sheet, 20 min prep" the topic "20 min prep"."""
    topics = debrief_topics("panel: Deb (GM), Marcus (head of sales)\n## kept coming back to\n"
                            "- ops <-> sales handover. Marcus asked 3x in diff ways\n"
                            "- labour cost / rostering casuals. Deb: \"we blew labour 4 months running\"\n"
                            "## round 2 (per Deb)\n- case study: \"an event P&L\" - they'll give me a sheet, 20 min prep\n")
    assert topics["ops and sales handover"].mentions == 3
    assert not {"Deb", "ops", "20 min prep"} & set(topics)


def test_round_twos_panel_is_no_topic():
    """ "CEO (Helen Ames) + Gareth again + a trustee" under round two: "CEO: they came back to it (2x)", drilled twice
    as knowledge; '15 min presentation: "first 100 days as Head of Retail"' lost its subject."""
    topics = debrief_topics("## Round 2 (next Wed) - per Sam\n- CEO (Helen Ames) + Gareth again + a trustee\n"
                            "- 15 min presentation: \"first 100 days as Head of Retail\"\n"
                            "- with MD (Simon?) + Dave again. \"More commercial\". Bring an example\n")
    assert not {"CEO", "Gareth", "trustee"} & set(topics)
    assert any("first 100 days" in name for name in topics)
    assert "More commercial" in topics


def test_the_plan_stored_in_a_round_shows_in_its_report(run_cli, mockint_home):
    """Two trial users' session reports still said "No plan yet: run `mockint plan`" after `mockint plan` had said
    "Plan stored in session ..., round 2"; a session without a report gets none written."""
    from test_plan import round_one
    from test_weakness import RUBRICS, make_session

    from mockint.reporting.files import write_session_reports
    from mockint.session import SessionStore

    store = SessionStore(mockint_home / "sessions")
    session = store.create(role="Events venue operations manager")
    session.rounds = make_session(round_one(), session_id=session.id).rounds
    store.save(session)
    report = write_session_reports(session, store, RUBRICS)
    assert "No plan yet" in report.read_text()

    result = run_cli("plan", "--json")
    assert result.code == 0, result
    first = json.loads(result.out)["plan"][0]["text"]
    text = " ".join(report.read_text().split())
    assert "No plan yet" not in text and " ".join(first.split()) in text

    bare = store.create(role="Events venue operations manager")
    bare.rounds = make_session(round_one(), session_id=bare.id).rounds
    store.save(bare)
    assert run_cli("plan", "--json", "--session", bare.id).code == 0
    assert not (store.folder(bare.id) / "report.md").exists()
