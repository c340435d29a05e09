"""A text file the user names (typed answer, job description, round-one notes) reads the same way
in every command: any editor's encoding, and one line naming the file when it cannot be used."""

from __future__ import annotations

import json
import sys

import pytest

ANSWER = (
    "Last year at Acme I led the migration of our billing jobs to Kubernetes. I was responsible for "
    "cutting the nightly run time, so I profiled each job and I split the biggest one in four. The run "
    "went from 6 hours to 90 minutes."
)
NOTES = "They kept asking about Kubernetes upgrades (x3)\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_every_editor_encoding_reads_the_same(run_cli, tmp_path, encoding):
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWER, encoding=encoding)
    result = run_cli("score", "--text", str(answer), "--json")
    assert result.code == 0, result
    assert json.loads(result.out)["transcript"] == ANSWER

    jd = tmp_path / "jd.txt"
    jd.write_text("Platform engineer: Kubernetes, Terraform, PostgreSQL.", encoding=encoding)
    result = run_cli("questions", "--jd", str(jd), "-n", "3", "--json")
    assert result.code == 0, result
    assert "Kubernetes" in json.loads(result.out)["keywords"]

    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding=encoding)
    result = run_cli("debrief", str(notes), "--json", "--yes")
    assert result.code == 0, result
    assert [t["name"] for t in json.loads(result.out)["topics"]] == ["Kubernetes upgrades"]


def test_an_answer_can_come_from_standard_input(run_cli, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ANSWER.encode())))
    result = run_cli("score", "--text", "-", "--json")
    assert result.code == 0, result
    assert json.loads(result.out)["transcript"] == ANSWER


def _bad_files(tmp_path):
    word = tmp_path / "notes.docx"
    word.write_bytes(b"PK\x03\x04\x14\x00\x06\x00word/document.xml")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 chat about r\xe9sum\xe9s".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n\t\n")
    return [
        (tmp_path / "missing.txt", "no such {what}"),
        (tmp_path, "is a folder, not {a_what}"),
        (word, "not a text file (save it as plain UTF-8 text)"),
        (latin1, "not UTF-8 text (save it as plain UTF-8 text)"),
        (empty, "the {what} is empty"),
    ]


@pytest.mark.parametrize(
    "command, what",
    [
        (("score", "--text"), "answer file"),
        (("questions", "--jd"), "job description file"),
        (("practice", "--offline", "--job-description"), "job description file"),
        (("debrief",), "notes file"),
    ],
)
def test_a_file_that_cannot_be_used_is_one_line_naming_it(run_cli, tmp_path, mockint_home, command, what):
    for path, expected in _bad_files(tmp_path):
        result = run_cli(*command, str(path))
        assert result.code == 1, (path, result)
        a_what = f"an {what}" if what == "answer file" else f"a {what}"  # "not a answer file" was the bug
        assert result.err == f"error: {path}: {expected.format(what=what, a_what=a_what)}\n"
    assert not (mockint_home / "sessions").exists(), "no session is created for a bad job description"
