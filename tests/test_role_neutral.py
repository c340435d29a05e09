"""The data a candidate reads is worded for any occupation (trial 3: a ward manager was seated a
"Senior engineer" peer, told to count "users" and to bring "the ticket" and a "dashboard"), and the
panels are edited in a copy in the user's folder, not inside the installed package."""

from __future__ import annotations

import re

import pytest
import yaml

from mockint.coaching.panel import load_panels, panels_path
from mockint.coaching.questions import load_bank
from mockint.errors import DataFileError
from mockint.resources import resource_dir
from mockint.scoring.rubrics import load_rubrics

# Words of one trade (software) where the data speaks to every candidate.
ONE_TRADE = re.compile(r"\b(engineer(s|ing)?|developers?|software|users?|tickets?|dashboards?|deliverables?|shipped|"
                       r"code|repository|deploy\w*|sprints?|churn)\b", re.I)


def test_panelists_titles_fit_any_occupation():
    for panel in load_panels().values():
        for person in panel.panelists:
            assert not ONE_TRADE.search(person.role), person.role


def test_rubric_coaching_words_and_the_bank_fit_any_occupation():
    said = []
    for rubric in load_rubrics():
        for c in rubric.criteria:
            said += [c.description, c.advice, c.proof or "", *c.levels.values(),
                     *(text for v in c.variants for text in [v.advice or "", *v.levels.values()])]
    bank = load_bank()
    said += [q.text for q in bank.questions] + [p for comp in bank.competencies.values() for p in comp.proof_points]
    assert not [s for s in said if ONE_TRADE.search(s)]


def test_a_copy_of_the_panels_in_the_users_folder_is_used_instead(mockint_home):
    shipped = panels_path()
    assert shipped == resource_dir("panels") / "panels.yaml"
    data = yaml.safe_load(shipped.read_text(encoding="utf-8"))
    data["panelists"][1]["role"] = "Senior charge nurse, would be your peer"
    own = mockint_home / "panels.yaml"  # beside config.toml
    own.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert panels_path() == own
    assert load_panels()["pair"].panelists[1].role == "Senior charge nurse, would be your peer"
    own.write_text("schema_version: 1\npanelists: []\npanels: [oops\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(str(own))):
        load_panels()
    header = shipped.read_text(encoding="utf-8").split("schema_version")[0]
    assert "beside your config.toml" in header and "edit the copy" in header
