"""Admin API for sites: register a site from its profile without crawling it, list sites,
enable or disable their scheduled crawls, and remove a site nothing refers to.

A running scheduler picks changes up within ADWATCH_SITES_REFRESH_S. Removing a site with
adverts or crawl runs is refused (409): that would delete its runs and detach its adverts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import Field

from api import auditing
from api.deps import AdminUser, Conn, PathId
from api.schemas import In, Out
from crawlers.claims import register_site
from crawlers.extract.profile_model import SiteProfile
from store import sites

router = APIRouter(tags=["admin"])


class SiteOut(Out):
    id: int
    name: str
    kind: str
    base_url: str | None
    schedule: str | None
    enabled: bool
    created_at: datetime
    updated_at: datetime
    adverts: int
    runs: int
    last_run_status: str | None
    last_run_at: datetime | None


class SiteIn(In):
    profile: SiteProfile = Field(description="a site profile: the keys of a sites/*.toml file")


class SitePatch(In):
    enabled: bool


def _out(summary: sites.SiteSummary) -> SiteOut:
    counts: dict[str, Any] = {
        "adverts": summary.adverts,
        "runs": summary.runs,
        "last_run_status": summary.last_run_status,
        "last_run_at": summary.last_run_at,
    }
    return SiteOut.model_validate({**vars(summary.site), **counts})


def _current(conn: Conn, site_id: int) -> SiteOut:
    """The site as listed, counts included (sites are few: the list is cheap)."""
    return next(_out(s) for s in sites.summaries(conn) if s.site.id == site_id)


@router.get("/sites", response_model=list[SiteOut])
def list_sites(user: AdminUser, conn: Conn) -> list[SiteOut]:
    return [_out(s) for s in sites.summaries(conn)]


@router.post("/sites", response_model=SiteOut, status_code=201)
def add_site(body: SiteIn, user: AdminUser, conn: Conn) -> SiteOut:
    """Register a site, or refresh the profile and schedule of the site of that name."""
    profile = body.profile
    with conn.transaction():
        site = register_site(conn, profile)
        auditing.record(conn, user, "add_site", "site", site.id, {"name": site.name})
    return _current(conn, site.id)


@router.patch("/sites/{site_id}", response_model=SiteOut)
def update_site(site_id: PathId, body: SitePatch, user: AdminUser, conn: Conn) -> SiteOut:
    with conn.transaction():
        site = sites.set_enabled(conn, site_id, body.enabled)
        if site is not None:
            action = "enable_site" if body.enabled else "disable_site"
            auditing.record(conn, user, action, "site", site_id, {"name": site.name})
    if site is None:
        raise HTTPException(404, "no such site")
    return _current(conn, site_id)


@router.delete("/sites/{site_id}", status_code=204)
def remove_site(site_id: PathId, user: AdminUser, conn: Conn) -> None:
    with conn.transaction():
        site = sites.get_site_by_id(conn, site_id)
        try:
            removed = sites.remove_site(conn, site_id)
        except sites.SiteInUse as exc:
            raise HTTPException(409, str(exc)) from exc
        if removed and site is not None:
            auditing.record(conn, user, "remove_site", "site", site_id, {"name": site.name})
    if not removed:
        raise HTTPException(404, "no such site")
