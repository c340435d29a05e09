"""Usage mistakes read as mistakes, not crashes: `error: ...` on one line, exit 2, with click's
"did you mean" where it has one and the option named for a bad value. "internal error" is only for bugs."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "args, line",
    [
        (("score", "--txt", "x"), "error: no such option '--txt' (did you mean '--text'?)"),
        (("practise",), "error: no such command 'practise' (did you mean 'practice'?)"),
        (("sessions", "lst"), "error: no such command 'lst' (did you mean 'list'?)"),
        (("sessions", "list", "--jsn"), "error: no such option '--jsn' (did you mean '--json'?)"),
        (("report", "-f", "pdf"), "error: invalid value for --format: unknown format 'pdf'; choose md, html or json "
                                  "(see 'mockint report --help')"),
        (("plan", "-n", "0"), "error: invalid value for '-n': should be greater than or equal to 1 "
                              "(see 'mockint plan --help')"),
        (("practice", "-n", "0"), "error: invalid value for '--questions' / '-n': should be greater than or equal to 1 "
                                  "(see 'mockint practice --help')"),
        # Were "No questions match." exit 0 (-3) and six questions (0).
        (("questions", "-n", "-3"), "error: invalid value for '-n': should be greater than or equal to 1 "
                                    "(see 'mockint questions --help')"),
        (("questions", "-n", "0"), "error: invalid value for '-n': should be greater than or equal to 1 "
                                   "(see 'mockint questions --help')"),
        # Was the progress report, the session silently ignored.
        (("report", "--progress", "latest"), "error: --progress covers every session: give no SESSION (latest) "
                                             "('mockint report latest' writes that session's report)"),
        (("questions", "-n", "two"), "error: invalid value for '-n': should be a valid integer, unable to parse string "
                                     "as an integer (see 'mockint questions --help')"),
        # ("behavioural", as the cards spell it, is accepted: test_practice)
        (("practice", "--category", "behavorial"), "error: invalid value for --category: unknown category "
                                                   "'behavorial' (did you mean 'behavioral'?)"),
        (("questions", "--competency", "leadershp"), "error: invalid value for --competency: unknown competency "
                                                     "'leadershp' (did you mean 'leadership'?)"),
        (("debrief",), "error: missing argument 'NOTES' (see 'mockint debrief --help')"),
        (("score", "--session"), "error: option '--session' requires an argument"),
        (("score",), "error: give exactly one of AUDIO, --text FILE or --session ID"),
        (("score", "--all", "--text", "a.txt"), "error: --all only applies with --session"),
    ],
)
def test_usage_mistakes_are_one_error_line_exit_2(run_cli, args, line):
    result = run_cli(*args)
    assert (result.code, result.err, result.out) == (2, line + "\n", "")


@pytest.mark.parametrize("args", [(), ("sessions",), ("rubric",)])
def test_a_command_group_alone_prints_its_help(run_cli, args):
    result = run_cli(*args)
    assert result.code == 0 and result.err == ""
    assert result.out.startswith(f"Usage: mockint {' '.join(args)}".rstrip() + " [OPTIONS] COMMAND")
    assert "Commands" in result.out


def test_python_dash_m_alone_prints_help_too():
    result = subprocess.run([sys.executable, "-m", "mockint"], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert "practice" in result.stdout and "second-round" in result.stdout


def test_questions_help_lists_every_category_of_the_bank(run_cli):
    from mockint.coaching.questions import load_bank

    result = run_cli("questions", "--help")
    listed = " ".join(result.out.split())
    assert result.code == 0 and all(category in listed for category in load_bank().categories), listed


@pytest.mark.parametrize("question", ["asdf qwerty", "???"])
def test_a_question_with_no_english_word_is_a_usage_mistake(run_cli, tmp_path, question):
    """Trial 16: a story scored 92 and strong against "asdf qwerty", relevance 3 of 4, with no word said of it."""
    answer = tmp_path / "a.txt"
    answer.write_text("I trained Sam on the controlled drugs checks for six weeks and she passed first time.")
    result = run_cli("score", "--text", str(answer), "--question", question)
    assert (result.code, result.out) == (2, "")
    assert result.err == f'error: --question: "{question}": no word in it reads as English (give the question as it is asked)\n'
    assert run_cli("score", "--text", str(answer), "--question", "Why pharmacy?").code == 0
    empty = run_cli("score", "--text", str(answer), "--question", "  ")
    assert (empty.code, empty.err) == (2, "error: --question is empty (give the question's words, or leave --question out)\n")


def test_a_misspelt_kind_is_named_with_the_kind_meant(run_cli, tmp_path):
    answer = tmp_path / "a.txt"
    answer.write_text("I trained Sam on the controlled drugs checks for six weeks and she passed first time.")
    result = run_cli("score", "--text", str(answer), "--kind", "techincal")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("error: unknown kind 'techincal' (did you mean 'technical'?)")


@pytest.mark.parametrize("said", ["um", "  um\n\n uh... erm  "])
def test_an_answer_of_only_um_is_refused_as_an_empty_one_is(run_cli, tmp_path, said):
    """Trial 43: a file of "um" scored 5/100 where an empty file is refused."""
    answer = tmp_path / "um.txt"
    answer.write_text(said)
    result = run_cli("score", "--text", str(answer))
    assert (result.code, result.out) == (1, "")
    assert result.err == f"error: {answer}: the answer file says only um or uh, nothing to score\n"
    assert run_cli("practice", "--answers-from", str(answer), "-n", "1").err.startswith(
        f"error: cannot use 1 of 1 answer files: {answer}: the answer file says only um or uh, nothing to score")
