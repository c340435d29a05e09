"""The errors a user can hit. The CLI turns each into one line and a non-zero exit."""

from __future__ import annotations


class MockintError(Exception):
    """Base for every error with a message fit to show the user as is."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UsageError(MockintError):
    """A command used wrongly: options that do not go together, a missing choice."""

    exit_code = 2


class ConfigError(MockintError):
    """Bad settings or config file."""

    exit_code = 2


class SessionError(MockintError):
    """A session file that is missing, corrupt or from a newer mockint."""


class SessionNotFound(SessionError):
    pass


class UserFileError(MockintError):
    """A file the user named (notes, a job description, a typed answer) that cannot be read as text."""


class DataFileError(MockintError):
    """A rubric, question bank or prompt file that does not load or validate."""


class AudioError(MockintError):
    """Audio that cannot be read, decoded or has no speech."""


class DeviceError(MockintError):
    """No microphone, no PortAudio, a busy or unknown input device."""


class TranscriptionError(MockintError):
    """The Whisper model could not be loaded or failed on an input."""


class LLMError(MockintError):
    """The LLM endpoint failed: auth, rate limit, timeout, refusal, bad output."""


class ScoringError(MockintError):
    """Scoring could not produce a valid scorecard."""


class RubricDriftError(MockintError):
    """A rubric's golden examples no longer score inside their expected ranges."""


def one_line(text: object, limit: int | None = None) -> str:
    """`text` as one line (every run of whitespace, newlines included, becomes one space), cut
    to `limit` characters with an ellipsis: what another program says, fit for a message."""
    line = " ".join(str(text).split())
    return line if limit is None or len(line) <= limit else line[: limit - 1] + "…"
