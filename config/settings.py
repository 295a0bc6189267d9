"""Settings, read once from the environment (prefix ADWATCH_, plus DATABASE_URL)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from config import __version__
from config.errors import ConfigError

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
    crawler_max_memory_mb: int = Field(
        default=1024, ge=0, description="Memory limit per crawl process (0: none)."
    )
    crawler_extraction_workers: int = Field(
        default=0, ge=0, description="Extraction processes per crawl process; 0: cores less one."
    )
    crawler_image_max_bytes: int = Field(
        default=5 * 1024 * 1024, ge=1, description="Largest advert image fetched, in bytes."
    )
    crawler_images_per_advert: int = Field(
        default=10, ge=0, le=100, description="Images fetched per advert at most (0: none)."
    )
    pdq_min_quality: int = Field(
        default=50, ge=0, le=100, description="PDQ quality below which an image is not matched."
    )
    redis_url: str | None = Field(
        default=None, description="Redis for sharded crawls of one large site (scrapy-redis)."
    )
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    max_body_bytes: int = Field(
        default=2 * 1024 * 1024, ge=0, description="Largest request body the API accepts."
    )
    max_upload_bytes: int = Field(
        default=50 * 1024 * 1024, ge=0, description="Largest labels upload (POST /api/v1/labels)."
    )
    claim_minutes: int = 30
    export_concurrency_per_key: int = Field(
        default=2,
        ge=1,
        description="Heavy exports (evidence, samples, feed pages, export downloads) one key may "
        "have in flight at once; more answer 429.",
    )
    export_ttl_hours: float = Field(
        default=24.0, gt=0, description="A built export's file is removed this long after."
    )
    export_workers: int = Field(
        default=2, ge=1, description="Threads building exports in the API (execution = local)."
    )
    auth_failure_limit: int = Field(
        default=10, ge=1, description="Wrong API keys per window before a lockout."
    )
    auth_failure_window_s: float = Field(default=60.0, gt=0)
    auth_lockout_s: float = Field(default=300.0, gt=0)
    api_rate_limit_per_minute: int = Field(
        default=600, ge=0, description="Calls a minute per API key; 0 = no limit."
    )
    ui_session_idle_minutes: int = Field(
        default=30, ge=1, description="A review UI session ends after this long unused."
    )
    ui_session_hours: int = Field(
        default=8, ge=1, description="A review UI session ends this long after login, used or not."
    )
    ui_cookie_secure: bool = Field(
        default=False,
        description="Mark the UI session cookie Secure even on plain http (behind a TLS proxy).",
    )
    sharing_two_person: bool = Field(
        default=True,
        description="A confirmation is shared only once a second, different analyst agrees.",
    )
    sharing_default_groups: str = Field(
        default="default",
        description="Comma-separated sharing groups a confirmed item goes to unless narrowed.",
    )
    sharing_default_tlp: Literal["clear", "green", "amber", "red"] = "amber"
    retention_days: int = 90
    retention_cron: str = "30 3 * * *"
    score_interval_s: float = 60.0
    execution: Literal["local", "queue"] = Field(
        default="local",
        description="local: the scheduler runs jobs itself; queue: it queues them for workers.",
    )
    link_interval_s: float = 300.0
    queue_heartbeat_s: float = Field(
        default=2.0, gt=0, description="Queue mode: how often a worker reports it is alive."
    )
    queue_stalled_after_s: float = Field(
        default=15.0,
        gt=0,
        description="Queue mode: a job whose worker has been silent this long is requeued.",
    )
    sites_refresh_s: float = Field(
        default=30.0,
        gt=0,
        description="Seconds between re-reads of the sites by a running scheduler.",
    )
    image_match_distance: int = Field(
        default=31,
        ge=0,
        le=31,
        description="Adverts whose photos' PDQ hashes are at most this many bits apart (of 256) "
        "share an image cluster; 31 is PDQ's standard, and the most the band index finds.",
    )
    image_index_max_mb: int = Field(
        default=512,
        ge=0,
        description="Largest warm in-memory PDQ index (MB) a process holds for photo lookups "
        "(~104 MB a million matchable photos, + 17 MB); over it, or at 0, lookups use the "
        "band table in PostgreSQL (tens of milliseconds at a million photos).",
    )
    image_index_refresh_s: float = Field(
        default=0.0,
        ge=0,
        description="The warm PDQ index reads newly stored photos before a lookup at most this "
        "often (seconds): how stale its answers may be; 0 reads before every lookup.",
    )
    crop_index_images: int = Field(
        default=10_000,
        ge=0,
        description="The crop signal links a photo to crops of the newest this many stored "
        "photos (its index holds ~29 KB of memory a photo while linking); 0 links by PDQ only.",
    )
    deliver_interval_s: float = 60.0
    public_url: str = Field(
        default="http://localhost:8000",
        description="Where partners reach the API; the STIX extension-definition names its "
        "schema at <public_url>/stix/adwatch-advert-extension-v1.json.",
    )
    webhook_allow_http: bool = Field(
        default=False, description="Accept http:// webhook URLs (local development only)."
    )
    webhook_allow_private: bool = Field(
        default=False,
        description="Deliver webhooks to loopback/private addresses (local development only).",
    )
    log_level: str = "INFO"

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        # logging would quietly fall back to INFO for a typo such as "verbose".
        level = value.strip().upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError("expected DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return level

    @field_validator("sharing_default_groups")
    @classmethod
    def _some_groups(cls, value: str) -> str:
        if not [g for g in value.split(",") if g.strip()]:
            raise ValueError("name at least one sharing group")
        return value

    @property
    def sharing_group_names(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(g.strip() for g in self.sharing_default_groups.split(",") if g.strip())
        )

    @property
    def user_agent(self) -> str:
        return (
            f"adwatch/{__version__} (+https://github.com/adwatch/adwatch; {self.crawler_contact})"
        )


# Never echoed back in an error: a secret, and a connection string that may carry a password.
_HIDDEN_VALUES = frozenset({"hash_secret", "database_url"})


def environment_variable(field_name: str) -> str:
    """The environment variable a setting is read from (the first, where several are)."""
    alias = Settings.model_fields[field_name].validation_alias
    if isinstance(alias, AliasChoices):
        return str(alias.choices[0])
    return f"ADWATCH_{field_name.upper()}"


def _field_for(location: str) -> str | None:
    """The field an error location names: a field name or one of its aliases."""
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        aliases = [str(a) for a in alias.choices] if isinstance(alias, AliasChoices) else []
        if location.lower() == name or location in aliases:
            return name
    return None


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        location = str(error["loc"][0]) if error["loc"] else ""
        name = _field_for(location)
        variable = environment_variable(name) if name else location.upper()
        if name in _HIDDEN_VALUES:
            shown = f"{variable} (value not shown)"
        else:
            shown = f"{variable}={error['input']!r}"
        reason = error["msg"].removeprefix("Value error, ")
        problems.append(f"{shown}: {reason[:1].lower()}{reason[1:]}")
    return "invalid setting " + "; ".join(problems)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The one place settings are read; cached so every caller sees the same values.

    A value that does not parse is a ConfigError naming the variable (and the value, unless
    it is secret), so the CLI reports it as one line.
    """
    try:
        return Settings()
    except ValidationError as exc:
        # Not chained: pydantic's own text repeats every input, secrets included.
        raise ConfigError(_describe(exc)) from None
