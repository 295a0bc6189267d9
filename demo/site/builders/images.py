"""Which pictures the adverts show: one photo per fictional person, and the reuse an
investigator looks for (the same photo across sites, cities and names, lightly edited).

A pass over the finished sites, with its own seeded random stream, so adding pictures
changes no advert text. Reuse comes in two sorts:

- with the contacts that already link adverts: the recruiter's numbers on a bridal
  profile and an escort advert, the touring companion in two cities, the two profiles of
  the "Brides Club", the recruitment templates cross-posted from the job board;
- photo only: an ordinary bridal profile's photo on a managed escort advert under
  another name and number (``stolen-N``), so image linking finds what contacts cannot.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from demo.site.builders.common import ANNA_PHONE, BRIDES_CLUB, RECRUITER_MD, RECRUITER_RO
from demo.site.images.photo import AdvertImage
from demo.site.model import Advert, SiteData

__all__ = ["add_images"]

#: the edits a stolen photo gets, in turn
_STOLEN_EDITS = ("resize", "crop", "reencode", "watermark", "mirror")
_Pick = Callable[[Advert], bool]


@dataclass(frozen=True)
class _Group:
    """Adverts sharing one photo: the first shows the original, the others ``edits``."""

    name: str
    sites: tuple[str, ...]
    pick: _Pick
    edits: tuple[str, ...]
    fmt: str = "jpeg"


def _has(value: str) -> _Pick:
    return lambda a: any(c.value == value for c in a.content.contacts)


def _groups() -> tuple[_Group, ...]:
    """The reuse that goes with the shared contacts (see builders/common.py)."""
    return (
        _Group("T1", ("jobs", "escort"), lambda a: a.template == "T1", ("reencode", "crop")),
        _Group("T2", ("jobs", "escort"), lambda a: a.template == "T2", ("watermark",)),
        _Group("recruiter-md", ("bridal", "escort"), _has(RECRUITER_MD.e164), ("mirror",)),
        _Group(
            "recruiter-ro", ("bridal", "escort"), _has(RECRUITER_RO.e164), ("watermark",), "png"
        ),
        _Group("brides-club", ("bridal",), _has(f"{BRIDES_CLUB}@example.org"), ("resize",), "webp"),
        _Group("anna", ("escort",), _has(ANNA_PHONE.e164), ("crop",)),
    )


class _Plan:
    """Pictures chosen so far, per (site, advert id)."""

    def __init__(self, seed: int, sites: dict[str, SiteData]) -> None:
        self.seed = seed
        self.sites = sites
        self.chosen: dict[tuple[str, int], AdvertImage] = {}

    def photo(self, name: str) -> str:
        # the seed is part of the id: another world draws other pictures
        return f"{self.seed}:{name}"

    def free(self, site: str) -> Iterator[Advert]:
        for advert in self.sites[site].adverts:
            if (site, advert.id) not in self.chosen:
                yield advert

    def place(self, site: str, advert: Advert, image: AdvertImage) -> None:
        self.chosen[(site, advert.id)] = image

    def edited(self, photo: str, edit: str, fmt: str, site: str) -> AdvertImage:
        fmt = "jpeg" if edit == "reencode" and fmt == "png" else fmt
        mark = self.sites[site].brand if edit == "watermark" else ""
        return AdvertImage(photo, edit=edit, fmt=fmt, mark=mark)


def _place_groups(plan: _Plan) -> None:
    for group in _groups():
        members = [(s, a) for s in group.sites if s in plan.sites for a in plan.free(s)]
        members = [(s, a) for s, a in members if group.pick(a)]
        photo = plan.photo(group.name)
        edits = iter(group.edits)
        for k, (site, advert) in enumerate(members):
            # job adverts of one recruiter reuse one upload (the same file); every other
            # copy is edited
            same_file = k == 0 or (site == "jobs" and members[0][0] == "jobs")
            edit = "original" if same_file else next(edits, "original")
            plan.place(site, advert, plan.edited(photo, edit, group.fmt, site))


def _stays(advert: Advert) -> bool:
    """Listed in every round (so a stolen-photo pair holds in both)."""
    return advert.first_round == 1 and advert.listed_at(2)


def _place_stolen(plan: _Plan, rng: random.Random) -> None:
    if "bridal" not in plan.sites or "escort" not in plan.sites:
        return
    donors = [a for a in plan.free("bridal") if a.subtype == "self" and _stays(a)]
    takers = [a for a in plan.free("escort") if a.subtype == "managed" and _stays(a)]
    count = min(len(donors), len(takers), max(2, len(plan.sites["bridal"].adverts) // 8))
    first_edit = rng.randrange(len(_STOLEN_EDITS))
    pairs = zip(rng.sample(donors, count), rng.sample(takers, count), strict=True)
    for k, (donor, taker) in enumerate(pairs):
        photo = plan.photo(f"stolen-{k + 1}")
        edit = _STOLEN_EDITS[(first_edit + k) % len(_STOLEN_EDITS)]
        plan.place("bridal", donor, AdvertImage(photo))
        plan.place("escort", taker, plan.edited(photo, edit, "jpeg", "escort"))


def _own_photo(plan: _Plan, rng: random.Random, site: str, advert: Advert) -> AdvertImage | None:
    """A picture of the advert's own, or none (recruitment adverts, most job adverts)."""
    if site == "jobs":
        wanted = rng.random() < (0.5 if advert.risky else 0.25)
    else:
        wanted = advert.name is not None
    if not wanted:
        return None
    fmt = rng.choices(("jpeg", "png", "webp"), weights=(6, 2, 2))[0]
    return AdvertImage(plan.photo(f"{site}-{advert.id}"), fmt=fmt)


def _with_pictures(site: SiteData, plan: _Plan) -> SiteData:
    adverts = []
    for advert in site.adverts:
        image = plan.chosen.get((site.name, advert.id))
        pictures: tuple[AdvertImage, ...] = ()
        if image is not None:
            # the escort directory offers a double-size copy through srcset
            double = (replace(image, scale=2),) if site.name == "escort" else ()
            pictures = (image, *double)
        adverts.append(replace(advert, images=pictures))
    # fresh lookup tables: replace() would share the old site's
    return replace(site, adverts=tuple(adverts), _by_path={}, _listed={}, _media={})


def add_images(seed: int, sites: dict[str, SiteData]) -> dict[str, SiteData]:
    """The sites with their pictures placed (robots-disallowed adverts get none)."""
    rng = random.Random(f"adwatch-demo:{seed}:images")
    plan = _Plan(seed, sites)
    _place_groups(plan)
    _place_stolen(plan, rng)
    for name in sites:
        for advert in list(plan.free(name)):
            image = _own_photo(plan, rng, name, advert)
            if image is not None:
                plan.place(name, advert, image)
    return {name: _with_pictures(site, plan) for name, site in sites.items()}
