"""Reading a text file the user names on the command line: notes, a job description, a typed answer.

One place for the ways such a file goes wrong (missing, a folder, unreadable, a Word or PDF file,
not UTF-8, empty), each a one-line UserFileError naming the file. Editors save text as UTF-8,
UTF-8 with a BOM (Windows Notepad) or UTF-16 with a BOM ("Unicode" in older Notepad); all three
are read. Anything else with NUL bytes is a binary document, not text.
"""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from pathlib import Path

from mockint.errors import UserFileError

STDIN = "-"
_SAVE_AS_TEXT = "save it as plain UTF-8 text"
MAX_CONTROL_CHARS = 4
MAX_CONTROL_SHARE = 0.01


def read_user_text(path: Path | str, what: str) -> str:
    """The text of `path` ('-' reads standard input); `what` names it in errors ('notes file')."""
    path = Path(path)
    if str(path) == STDIN:
        raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        shown = "standard input"
    else:
        shown = str(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise UserFileError(f"{path}: no such {what}") from None
        except IsADirectoryError:
            raise UserFileError(f"{path}: is a folder, not {_a(what)}") from None
        except OSError as exc:
            raise UserFileError(f"{path}: cannot read the {what}: {exc.strerror}") from None
    text = _decode(raw, shown)
    if not text.strip():
        raise UserFileError(f"{shown}: the {what} is empty")
    return text


# A typed answer often opens with the question it answers, as people keep them: "Q: Why this trust?", a blank line, the
# answer (all four scoring helpers of trial 70 did). Read as the answer's first sentence, the interviewer's words were
# quoted as the proof of relevance and accuracy, and a question that names a danger ("... went in without a permit")
# made the safest plan of a wastewater supervisor's twenty read as unsafe: 20, against 86.7 without the line.
_QUESTION_LINE = re.compile(r"\A\s*(?:q|question)\s*[:.)-]\s*(?P<question>\S[^\n]*?)(?:\n|(?=\s+(?:a|answer)\s*:\s)|\Z)", re.I)
_ANSWER_LABEL = re.compile(r"\A\s*(?:a|answer)\s*[:.)-]\s*", re.I)


def split_question_line(text: str) -> tuple[str | None, str]:
    """(the question a typed answer's first line gives as "Q: ..." or "Question: ...", the answer after it, an "A:"
    label taken off); (None, text) for a file that opens with its answer."""
    found = _QUESTION_LINE.match(text)
    if found is None:
        return None, text
    return " ".join(found["question"].split()), _ANSWER_LABEL.sub("", text[found.end():], count=1)


def _decode(raw: bytes, shown: str) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in raw[:4096]:
        raise UserFileError(f"{shown}: not a text file", hint=_SAVE_AS_TEXT)
    else:
        encoding = "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        said = "UTF-16 text (its byte-order mark says so, the rest is not)" if encoding == "utf-16" else "UTF-8 text"
        raise UserFileError(f"{shown}: not {said}", hint=_SAVE_AS_TEXT) from None
    # Binary data that happens to decode (no NUL, valid UTF-8) is full of control characters,
    # which no editor writes; a stray form feed or escape in real text stays under the bar.
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if "\x00" in text or controls > max(MAX_CONTROL_CHARS, len(text) * MAX_CONTROL_SHARE):
        raise UserFileError(f"{shown}: not a text file", hint=_SAVE_AS_TEXT)
    # UTF-16 whose byte-order mark says the other order decodes to CJK-looking characters and no letter of English (a
    # trial user's such file was scored as an answer of one word, 0/100)
    if text.strip() and not re.search(r"[A-Za-z]", text):
        raise UserFileError(f"{shown}: no English word in it (not text, or saved in another encoding)", hint=_SAVE_AS_TEXT)
    return text


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"
