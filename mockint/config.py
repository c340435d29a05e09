"""Settings (environment, TOML file) and the paths mockint writes to.

`MOCKINT_HOME` moves everything mockint writes: config.toml, sessions, ledger, demo, cache.
Without it, the platform's folders (on Linux ~/.config/mockint, ~/.local/share/mockint,
~/.cache/mockint), however mockint was installed: where your data goes must not depend on
whether you ran `pip install .` or `pip install -e .` (an earlier rule sent a checkout's
sessions to its `recordings/`, and users installing from a clone found them elsewhere).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from mockint.errors import ConfigError

APP_NAME = "mockint"
HOME_ENV = "MOCKINT_HOME"


@dataclass(frozen=True)
class Paths:
    config_file: Path
    sessions_dir: Path
    cache_dir: Path
    ledger_file: Path
    demo_dir: Path  # `mockint demo`'s own sessions, apart from yours


    @classmethod
    def from_env(cls) -> Paths:
        home = os.environ.get(HOME_ENV)
        if home:
            base = Path(home).expanduser()
            return cls(
                config_file=base / "config.toml",
                sessions_dir=base / "sessions",
                cache_dir=base / "cache",
                ledger_file=base / "ledger.json",
                demo_dir=base / "demo",
            )
        data = Path(platformdirs.user_data_dir(APP_NAME))
        return cls(
            config_file=Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml",
            sessions_dir=data / "sessions",
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME)),
            ledger_file=data / "ledger.json",
            demo_dir=data / "demo",
        )


def _env(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class Settings(BaseSettings):
    """Every setting, from MOCKINT_* variables, then config.toml, then defaults."""

    model_config = SettingsConfigDict(env_prefix="MOCKINT_", extra="forbid", populate_by_name=True)

    # LLM endpoint: any OpenAI-compatible server. The SDK's own variables are honoured.
    openai_base_url: str | None = Field(
        default=None, validation_alias=_env("MOCKINT_OPENAI_BASE_URL", "OPENAI_BASE_URL", "openai_base_url")
    )
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=_env("MOCKINT_OPENAI_API_KEY", "OPENAI_API_KEY", "openai_api_key")
    )
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = Field(default=60.0, gt=0, description="seconds per request")
    llm_max_retries: int = Field(default=2, ge=0, le=10)
    llm_total_timeout: float = Field(default=180.0, gt=0, description="seconds for one answer, retries included")
    llm_seed: int = 7
    llm_max_tokens: int = Field(default=2000, ge=64, description="reply token budget; doubled once on finish_reason=length")
    scorer: Literal["auto", "llm", "offline"] = "auto"
    # How an LLM's level and the offline cues' combine per criterion (scoring/blend.py BLEND_RULES says why "cues").
    blend: Literal["cues", "mean", "lower", "lower-if-apart", "offline-plus-1"] = "cues"

    # Transcription.
    whisper_model: str = Field(default="bundled", description="'bundled' (tiny.en), a model name or a CTranslate2 folder")
    whisper_compute_type: str = "int8"
    whisper_cpu_threads: int = Field(default=0, ge=0, description="0 = number of physical cores")
    whisper_beam_size: int = Field(default=5, ge=1, le=10, description="beam of the plain decode; see docs/transcription.md")

    # Practice.
    input_device: str | None = None
    speak: bool = False
    think_seconds: float = Field(default=2.0, ge=0)
    max_answer_seconds: float = Field(default=180.0, gt=0)
    silence_stop_seconds: float = Field(default=4.0, gt=0)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = Paths.from_env().config_file
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, toml_file=toml_file))

    @cached_property
    def paths(self) -> Paths:
        return Paths.from_env()

    @property
    def llm_configured(self) -> bool:
        """True when an endpoint is set: an API key, or a base URL (local servers need no key)."""
        return bool(self.openai_base_url or self.openai_api_key)

    @property
    def base_url_origin(self) -> str:
        """Where the endpoint URL was set, named as the user set it (for error hints)."""
        for var in ("MOCKINT_OPENAI_BASE_URL", "OPENAI_BASE_URL"):  # the alias order above
            if os.environ.get(var):
                return var
        return f"openai_base_url in {self.paths.config_file}" if self.openai_base_url else "OPENAI_BASE_URL"

    def public_dict(self) -> dict[str, Any]:
        """Settings for display: the API key masked, never shown."""
        data = self.model_dump()
        key = self.openai_api_key.get_secret_value() if self.openai_api_key else ""
        data["openai_api_key"] = mask_secret(key) if key else None
        return data


def mask_secret(secret: str) -> str:
    return "****" + secret[-4:] if len(secret) > 12 else "****"


def load_settings(**overrides: Any) -> Settings:
    """Build the settings, turning a bad file or value into a one-line ConfigError."""
    config_file = Paths.from_env().config_file
    try:
        return Settings(**overrides)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{config_file}: not valid TOML: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "settings"
        raise ConfigError(f"bad setting {where}: {first['msg']} (check MOCKINT_* variables and {config_file})") from None
