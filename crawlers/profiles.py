"""Site profiles (crawlers/sites/NAME.toml): loading, plus the profile API in one place.

A profile names the start pages, the selectors for advert links / pagination and the
selectors for each advert field (see the crawl contracts). The model and its
validation live in :mod:`crawlers.extract.profile_model`, extraction driven by a
profile in :mod:`crawlers.extract.profile_extract`; both are re-exported here.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from config.errors import AdwatchError
from crawlers.extract.build import build_fields
from crawlers.extract.profile_extract import extract_with_profile, listing_links, region_hints_for
from crawlers.extract.profile_model import (
    DEFAULT_SCHEDULE,
    NAME_RE,
    FieldSelectors,
    LinkSelectors,
    SiteProfile,
    validate_cron,
)

__all__ = [
    "DEFAULT_SCHEDULE",
    "NAME_RE",
    "FieldSelectors",
    "LinkSelectors",
    "ProfileError",
    "SiteProfile",
    "build_fields",
    "extract_with_profile",
    "list_profiles",
    "listing_links",
    "load_profile",
    "region_hints_for",
    "sites_dir",
    "validate_cron",
]


class ProfileError(AdwatchError, ValueError):
    """A site profile that cannot be found, read or validated.

    An AdwatchError, so the CLI reports it as one line naming the file and key; still a
    ValueError for callers that catch it as one.
    """


def sites_dir() -> Path:
    """The packaged ``crawlers/sites/`` folder."""
    return Path(__file__).resolve().parent / "sites"


def _format_errors(source: str, exc: ValidationError) -> str:
    messages: list[str] = []
    for error in exc.errors():
        loc = ".".join(str(part) for part in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key"
        elif error["type"] == "missing":
            message = "required key is missing"
        messages.append(f"{loc}: {message}" if loc else message)
    return f"{source}: invalid site profile: " + "; ".join(messages)


def _load_file(path: Path) -> SiteProfile:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProfileError(f"{path}: cannot read site profile: {exc.strerror or exc}") from exc
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ProfileError(f"{path}: site profile is not UTF-8: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: invalid TOML: {exc}") from exc
    try:
        return SiteProfile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(_format_errors(str(path), exc)) from exc


def _check_name_matches(path: Path, profile: SiteProfile) -> None:
    if profile.name != path.stem:
        raise ProfileError(
            f"{path}: name = {profile.name!r} does not match the file name {path.stem!r}"
        )


def load_profile(name_or_path: str) -> SiteProfile:
    """Load a profile by bare name (``crawlers/sites/NAME.toml``) or from a file path.

    Raises ProfileError naming the file and the offending key.
    """
    value = name_or_path.strip()
    looks_like_path = value.endswith(".toml") or "/" in value or "\\" in value
    if looks_like_path:
        return _load_file(Path(value).expanduser())
    if not NAME_RE.fullmatch(value):
        raise ProfileError(f"{value!r} is neither a profile name ([a-z0-9-]+) nor a .toml path")
    path = sites_dir() / f"{value}.toml"
    if not path.is_file():
        available = ", ".join(sorted(p.stem for p in sites_dir().glob("*.toml"))) or "none"
        raise ProfileError(
            f"no site profile named {value!r} ({path} does not exist; available: {available})"
        )
    profile = _load_file(path)
    _check_name_matches(path, profile)
    return profile


def list_profiles(directory: Path | str | None = None) -> list[SiteProfile]:
    """Every profile in ``directory`` (default: the packaged sites folder), by name.

    An invalid file raises ProfileError (a broken profile should not go unnoticed).
    """
    folder = Path(directory) if directory is not None else sites_dir()
    if not folder.is_dir():
        return []
    profiles: list[SiteProfile] = []
    for path in sorted(folder.glob("*.toml")):
        profile = _load_file(path)
        _check_name_matches(path, profile)
        profiles.append(profile)
    return sorted(profiles, key=lambda p: p.name)
