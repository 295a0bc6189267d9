"""Fictional contacts for the demo sites, as written on the page and as normalised.

Every phone number lies in a range reserved for fiction or unassigned in practice:
Moldova ``+373 600 00 xxx``, Romania ``+40 700 000 xxx`` and the North-American
``+1 202 555 01xx`` block. E-mail addresses and URLs use the RFC 2606 domains
``example.org`` / ``example.net`` / ``example.com``; Telegram names end in ``demo``.

A :class:`Contact` knows both its display form (possibly obfuscated: ``O7OO OOO l23``,
``zero six zero ...``, ``anna at example dot org``) and the normalised entities the
extraction contract expects for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "FICTIONAL_EMAIL_DOMAINS",
    "FICTIONAL_PHONE_RE",
    "Contact",
    "ContactKind",
    "PhoneNumber",
    "email",
    "inline",
    "line",
    "messenger",
    "phone",
    "telegram",
    "url",
]

ContactKind = Literal["phone", "email", "telegram", "whatsapp", "viber", "signal", "url"]
Entity = tuple[str, str]

#: Every phone entity the demo world produces matches this (E.164).
FICTIONAL_PHONE_RE = re.compile(r"^(?:\+37360000\d{3}|\+40700000\d{3}|\+120255501\d{2})$")
FICTIONAL_EMAIL_DOMAINS = ("example.org", "example.net", "example.com")

_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True, order=True)
class PhoneNumber:
    """One fictional number: ``country`` is "MD", "RO" or "US", ``k`` its index in the range."""

    country: str
    k: int

    def __post_init__(self) -> None:
        limit = 100 if self.country == "US" else 1000
        if self.country not in ("MD", "RO", "US") or not 0 <= self.k < limit:
            raise ValueError(f"no fictional number {self.country}/{self.k}")

    @property
    def e164(self) -> str:
        if self.country == "MD":
            return f"+37360000{self.k:03d}"
        if self.country == "RO":
            return f"+40700000{self.k:03d}"
        return f"+120255501{self.k:02d}"

    @property
    def national(self) -> str:
        """Trunk-prefixed national form ("060 000 123", "0700 000 123")."""
        if self.country == "MD":
            return f"060 000 {self.k:03d}"
        if self.country == "RO":
            return f"0700 000 {self.k:03d}"
        return f"(202) 555-01{self.k:02d}"

    def display(self, style: str = "intl") -> str:
        """The number as written: styles intl, intl2, national, dashed, dotted, compact."""
        k3 = f"{self.k:03d}"
        if self.country == "MD":
            forms = {
                "intl": f"+373 600 00 {k3}",
                "intl2": f"+373 60 000 {k3}",
                "national": f"060 000 {k3}",
                "dashed": f"+373-600-00-{k3}",
                "compact": f"+37360000{k3}",
            }
        elif self.country == "RO":
            forms = {
                "intl": f"+40 700 000 {k3}",
                "national": f"0700 000 {k3}",
                "dotted": f"0700.000.{k3}",
                "compact": f"+40700000{k3}",
            }
        else:
            k2 = f"{self.k:02d}"
            forms = {
                "intl": f"+1 202 555 01{k2}",
                "paren": f"+1 (202) 555-01{k2}",
                "dashed": f"+1-202-555-01{k2}",
            }
        return forms.get(style, forms["intl"])

    def obfuscated(self, style: str) -> str:
        """``letters``: O for 0 and l for 1 ("O7OO OOO l23"); ``words``: digit names."""
        if self.country == "US":
            raise ValueError("US numbers are never obfuscated in the demo world")
        if style == "letters":
            return self.national.replace("0", "O").replace("1", "l")
        if style == "words":
            digits = [c for c in self.national if c.isdigit()]
            return " ".join(_DIGIT_WORDS[int(d)] for d in digits)
        raise ValueError(f"unknown obfuscation style {style!r}")


@dataclass(frozen=True)
class Contact:
    """A contact as it appears in an advert.

    ``value`` is the normalised core: E.164 for phone-like kinds, the lower-case
    address for e-mail, the lower-case name (no "@") for Telegram, the canonical URL.
    """

    kind: ContactKind
    value: str
    display: str
    obfuscated: bool = False

    def entities(self) -> frozenset[Entity]:
        """The (kind, normalised value) pairs the extraction contract expects.

        A number labelled WhatsApp/Viber/Signal yields the phone and the handle.
        """
        if self.kind == "phone":
            return frozenset({("phone", self.value)})
        if self.kind == "email":
            return frozenset({("email", self.value)})
        if self.kind == "telegram":
            return frozenset({("handle", f"telegram:{self.value}")})
        if self.kind == "url":
            return frozenset({("url", self.value)})
        return frozenset({("phone", self.value), ("handle", f"{self.kind}:{self.value}")})


def phone(number: PhoneNumber, style: str = "intl", obfuscation: str | None = None) -> Contact:
    shown = number.obfuscated(obfuscation) if obfuscation else number.display(style)
    return Contact("phone", number.e164, shown, obfuscated=obfuscation is not None)


def messenger(kind: str, number: PhoneNumber, style: str = "intl") -> Contact:
    """A WhatsApp / Viber / Signal number."""
    if kind == "whatsapp":
        return Contact("whatsapp", number.e164, number.display(style))
    if kind == "viber":
        return Contact("viber", number.e164, number.display(style))
    if kind == "signal":
        return Contact("signal", number.e164, number.display(style))
    raise ValueError(f"{kind!r} is not a number-based messenger")


def telegram(name: str, shown: str | None = None) -> Contact:
    """A Telegram name; ``shown`` may vary its case ("@Anna_Demo")."""
    text = shown if shown is not None else name
    if text.lower() != name.lower():
        raise ValueError("the shown Telegram name must be the name in another case")
    return Contact("telegram", name.lower(), "@" + text)


def email(local: str, domain: str = "example.org", style: str = "plain") -> Contact:
    """``plain``, ``upper`` (capitalised, still normalised lower-case), ``at-dot``
    ("anna at example dot org") or ``paren-at`` ("anna(at)example.org")."""
    if domain not in FICTIONAL_EMAIL_DOMAINS:
        raise ValueError(f"{domain!r} is not a reserved example domain")
    value = f"{local}@{domain}".lower()
    if style == "plain":
        return Contact("email", value, f"{local}@{domain}")
    if style == "upper":
        return Contact("email", value, f"{local[:1].upper()}{local[1:]}@{domain.capitalize()}")
    if style == "at-dot":
        name, _, tld = domain.rpartition(".")
        return Contact("email", value, f"{local} at {name} dot {tld}", obfuscated=True)
    if style == "paren-at":
        return Contact("email", value, f"{local}(at){domain}", obfuscated=True)
    raise ValueError(f"unknown e-mail style {style!r}")


def url(shown: str, canonical: str) -> Contact:
    """A web address; ``canonical`` is what the contract's URL canonicalisation yields."""
    host = re.sub(r"^https?://", "", canonical).split("/", 1)[0]
    if not host.endswith(FICTIONAL_EMAIL_DOMAINS):
        raise ValueError(f"{canonical!r} is not on a reserved example domain")
    return Contact("url", canonical, shown)


def line(contact: Contact, labels: dict[str, str]) -> str:
    """One labelled line of a contact box: "Tel.: +373 600 00 123"."""
    return f"{labels[contact.kind]}: {contact.display}"


def inline(contact: Contact, labels: dict[str, str]) -> str:
    """A contact inside a sentence: messengers keep their name ("Viber +373 ...")."""
    if contact.kind in ("telegram", "whatsapp", "viber", "signal"):
        return f"{labels[contact.kind]} {contact.display}"
    return contact.display
