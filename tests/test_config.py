"""Settings: env, TOML file, OPENAI_* variables, MOCKINT_HOME, masked key."""

from __future__ import annotations

import json

import pytest

from mockint.config import Paths, load_settings
from mockint.errors import ConfigError


def test_mockint_home_moves_everything(mockint_home):
    paths = Paths.from_env()
    for path in (paths.config_file, paths.sessions_dir, paths.cache_dir, paths.ledger_file):
        assert mockint_home in path.parents


def test_toml_file_then_env_override(mockint_home, monkeypatch):
    (mockint_home / "config.toml").write_text('llm_model = "llama3.1:8b"\nwhisper_beam_size = 3\n')
    assert load_settings().llm_model == "llama3.1:8b"
    monkeypatch.setenv("MOCKINT_LLM_MODEL", "gpt-4o")
    settings = load_settings()
    assert settings.llm_model == "gpt-4o"
    assert settings.whisper_beam_size == 3


def test_openai_sdk_variables_are_honoured(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-abcdefghijklmnop1234")
    settings = load_settings()
    assert settings.openai_base_url == "http://127.0.0.1:11434/v1"
    assert settings.openai_api_key.get_secret_value().endswith("1234")
    assert settings.llm_configured


def test_no_endpoint_means_not_configured():
    assert not load_settings().llm_configured


@pytest.mark.parametrize(
    ("toml", "expected"),
    [("llm_model = ", "not valid TOML"), ("whisper_beam_size = 99", "whisper_beam_size"), ("bogus = 1", "bogus")],
)
def test_bad_config_file_is_a_one_line_config_error(mockint_home, toml, expected):
    (mockint_home / "config.toml").write_text(toml)
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert expected in str(err.value) and "\n" not in str(err.value)


def test_config_command_masks_the_key(run_cli, monkeypatch):
    secret = "sk-live-0123456789abcdefSECRET"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    for args in (("config",), ("config", "--json")):
        result = run_cli(*args)
        assert result.code == 0
        assert secret not in result.out and "0123456789" not in result.out
    data = json.loads(run_cli("config", "--json").out)
    assert data["settings"]["openai_api_key"] == "****CRET"


def test_bad_env_value_exits_non_zero_with_one_line(run_cli, monkeypatch):
    monkeypatch.setenv("MOCKINT_LLM_TIMEOUT", "soon")
    result = run_cli("config")
    assert result.code == 2
    assert "llm_timeout" in result.err and "Traceback" not in result.err
