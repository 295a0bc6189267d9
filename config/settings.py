"""Settings, read once from the environment (prefix ADWATCH_, plus DATABASE_URL)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from config import __version__

REPO_ROOT = Path(__file__).resolve().parent.parent


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("adwatch", appauthor=False))


def _checkout_or_data(name: str) -> Callable[[dict[str, Any]], Path]:
    """Default for a folder the repository carries (models/, labelled_samples/): the
    checkout's own when running from a source checkout (an editable install), else
    DATA_DIR/name, since an installed wheel carries neither. The Docker image sets
    ADWATCH_MODELS_DIR to the models it ships."""

    def default(data: dict[str, Any]) -> Path:
        in_checkout = REPO_ROOT / name
        if (REPO_ROOT / "pyproject.toml").is_file() and in_checkout.is_dir():
            return in_checkout
        return Path(data.get("data_dir") or _default_data_dir()) / name

    return default


class Settings(BaseSettings):
    """Deployment settings. Every field can be set as ADWATCH_<NAME> in the environment."""

    model_config = SettingsConfigDict(env_prefix="ADWATCH_", extra="ignore")

    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "ADWATCH_DATABASE_URL"),
        description="External PostgreSQL 14+; unset = embedded server in the data directory.",
    )
    data_dir: Path = Field(default_factory=_default_data_dir)
    models_dir: Path = Field(default_factory=_checkout_or_data("models"))
    labelled_samples_dir: Path = Field(default_factory=_checkout_or_data("labelled_samples"))
    hash_secret: SecretStr = Field(
        default=SecretStr(""),
        description="Deployment secret for keyed hashes of contacts shared with partners.",
    )
    crawler_contact: str = "abuse@example.org"
    crawler_allow_private: bool = False
    crawler_delay_s: float = 1.0
    crawler_http_cache: bool = False
    crawler_max_pages: int = Field(default=200_000, ge=1, description="Page budget per crawl.")
    redis_url: str | None = Field(
        default=None, description="Redis for sharded crawls of one large site (scrapy-redis)."
    )
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    claim_minutes: int = 30
    retention_days: int = 90
    retention_cron: str = "30 3 * * *"
    score_interval_s: float = 60.0
    execution: Literal["local", "queue"] = Field(
        default="local",
        description="local: the scheduler runs jobs itself; queue: it queues them for workers.",
    )
    link_interval_s: float = 300.0
    deliver_interval_s: float = 60.0
    log_level: str = "INFO"

    @property
    def user_agent(self) -> str:
        return (
            f"adwatch/{__version__} (+https://github.com/adwatch/adwatch; {self.crawler_contact})"
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The one place settings are read; cached so every caller sees the same values."""
    return Settings()
