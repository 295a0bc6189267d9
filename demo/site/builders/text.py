"""Text helpers shared by the site builders: contact sentences, Romanian spelling
variants, wages and the round-2 edits and removals."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta

import phonenumbers

from demo.site.builders.common import PACKS, ROUND_TIMES, fill, weighted_choice
from demo.site.contacts import Contact, inline, line
from demo.site.model import Advert, Block, Content

__all__ = [
    "block_lines",
    "contact_blocks",
    "localise",
    "money",
    "ro_style",
    "round_two_change",
    "wage_ranges",
]


def _ro_variant(text: str, style: str) -> str:
    """Romanian as often typed: ``cedilla`` (ş ţ) or ``plain`` (no diacritics)."""
    if style == "comma":
        return text
    if style == "cedilla":
        return text.translate(str.maketrans("șȘțȚ", "şŞţŢ"))
    return text.translate(str.maketrans("ăĂâÂîÎșȘțȚşŞţŢ", "aAaAiIsStTsStT"))


def money(amount: float, lang: str) -> str:
    text = f"{amount:.2f}" if not float(amount).is_integer() else str(int(amount))
    return text if lang == "en" else text.replace(".", ",")


@functools.cache
def wage_ranges() -> tuple[tuple[int, int], ...]:
    """Monthly wage ranges whose text ("2100–2400") no phone matcher reads as a number."""
    safe: list[tuple[int, int]] = []
    for low in (1700, 1800, 1900, 2000, 2100, 2200):
        for high in (low + 200, low + 300, low + 400):
            text = f"Pay: {low}–{high} EUR/month, {low}-{high} EUR/MONTH"
            if not any(
                phonenumbers.PhoneNumberMatcher(text, region).has_next()
                for region in ("MD", "RO", "UA", "RU", "US")
            ):
                safe.append((low, high))
    return tuple(safe)


def contact_blocks(
    template: str, contacts: Sequence[Contact], labels: dict[str, str]
) -> tuple[Block, ...]:
    """A sentence listing the contacts; with a messenger among several contacts, one
    labelled contact per line instead (so no label sits next to another's number)."""
    has_messenger = any(c.kind in ("telegram", "whatsapp", "viber", "signal") for c in contacts)
    if len(contacts) == 1 or not has_messenger:
        return (fill(template, contacts=", ".join(inline(c, labels) for c in contacts)),)
    lead = template.split("{contacts}")[0].rstrip()
    return (lead, tuple(line(c, labels) for c in contacts))


def block_lines(blocks: Sequence[Block]) -> tuple[str, ...]:
    """One string per paragraph or list item."""
    out: list[str] = []
    for b in blocks:
        out.extend([b] if isinstance(b, str) else b)
    return tuple(out)


def _map_blocks(blocks: Sequence[Block], f: Callable[[str], str]) -> tuple[Block, ...]:
    return tuple(f(b) if isinstance(b, str) else tuple(f(x) for x in b) for b in blocks)


def localise(advert: Advert, style: str) -> Advert:
    """Apply a Romanian spelling style to everything the advert shows."""
    if advert.language != "ro" or style == "comma":
        return advert

    def f(s: str) -> str:
        return _ro_variant(s, style)

    def content(c: Content) -> Content:
        return replace(
            c,
            title=f(c.title),
            blocks=_map_blocks(c.blocks, f),
            contact_lines=tuple(f(x) for x in c.contact_lines),
        )

    return replace(
        advert,
        content=content(advert.content),
        revised=content(advert.revised) if advert.revised else None,
        location=f(advert.location) if advert.location else None,
        tags=(*advert.tags, f"ro-{style}"),
    )


def ro_style(rng: random.Random) -> str:
    return weighted_choice(rng, {"comma": 0.6, "cedilla": 0.15, "plain": 0.25})


def _revise(advert: Advert, round_no: int, rng: random.Random) -> Advert:
    pack = PACKS[advert.language]
    note = rng.choice(pack.update_notes[advert.kind])
    old = advert.content
    updated = ROUND_TIMES[round_no] - timedelta(days=2, hours=rng.randint(1, 20))
    revised = replace(old, blocks=(note, *old.blocks), updated=updated)
    return replace(advert, revised=revised, revised_round=round_no)


def round_two_change(advert: Advert, role: str | None, rng: random.Random) -> Advert:
    """The advert of a round-2 lifecycle ``role`` (gone, missing, unlisted, changed);
    any other role leaves it as it is."""
    if role == "gone":
        return replace(advert, gone_round=2)
    if role == "missing":
        return replace(advert, missing_round=2)
    if role == "unlisted":
        return replace(advert, unlisted_round=2)
    if role == "changed":
        return _revise(advert, 2, rng)
    return advert
