"""Agency and licence hits: the register check and the agency_unverified context hit.

The rules are documented in :mod:`classifier.indicators.register`.  Hits are returned as
``(indicator id, start, end, language)`` in normalised-text offsets, like pattern hits.
"""

from __future__ import annotations

import re
from datetime import date

from classifier.indicators.negation import negated_before
from classifier.indicators.normalise import NormalisedText
from classifier.indicators.places import country_hints, offers_abroad
from classifier.indicators.register import AgencyClaim, AgencyRegister, claims_in

__all__ = ["agency_hits"]

_LICENCE_COUNTRY = re.compile(r"^([a-z]{2})[-/ ]")


def _licence_countries(licences: list[AgencyClaim]) -> set[str]:
    """Country prefixes of quoted licence numbers ("RO-AG-0123" -> RO)."""
    found = (_LICENCE_COUNTRY.match(c.value) for c in licences)
    return {m.group(1).upper().replace("UK", "GB") for m in found if m}


def agency_hits(
    norm: NormalisedText,
    kind: str,
    language: str | None,
    register: AgencyRegister | None,
    today: date | None,
) -> tuple[list[tuple[str, int, int, str]], list[tuple[int, int]]]:
    """Register hits, the agency_unverified context hit, and spans of licences found invalid
    (see :mod:`classifier.indicators.register` for the rules)."""
    if kind not in ("job", "bridal"):
        return [], []
    claims: list[AgencyClaim] = claims_in(norm)
    licences = [c for c in claims if c.kind == "licence"]
    out: list[tuple[str, int, int, str]] = []
    invalid: list[tuple[int, int]] = []
    valid = False
    # Country hints are only needed where a register could check a quoted licence.
    if (
        register is None
        or not licences
        or not register.covers(country_hints(norm.text, language) | _licence_countries(licences))
    ):
        # Nothing to check the number against: a quoted licence is what an analyst can verify.
        out.extend(("named_employer_registration", c.phrase_start, c.end, "") for c in licences)
    else:
        as_of = today or register.as_of()
        for c in licences:
            entry = register.lookup_licence(c.value)
            ok = entry is not None and entry.is_valid(as_of)
            valid = valid or ok
            if not ok:
                invalid.append((c.phrase_start, c.end))
            out.append(("named_employer_registration" if ok else "unlicensed_agency",
                        c.phrase_start, c.end, ""))  # fmt: skip
    if register is not None:
        as_of = today or register.as_of()
        for start, end, entry in register.names_in(norm):
            ok = entry.is_valid(as_of)
            valid = valid or ok
            out.append(
                ("named_employer_registration" if ok else "unlicensed_agency", start, end, "")
            )
    if not valid:
        mention = next((c for c in claims if c.kind == "agency"
                        and not negated_before(norm, c.start)), None)  # fmt: skip
        if mention is not None and offers_abroad(norm.text):
            out.append(("agency_unverified", mention.start, mention.end, ""))
    return out, invalid
