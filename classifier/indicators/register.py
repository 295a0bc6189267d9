"""The licensed-agency register and agency / licence claims in advert text.

A register is a list of licensed recruitment (or marriage) agencies: name, licence
number, country and the date the licence is valid until.  Adverts are checked against
it by :func:`classifier.indicators.match_indicators` when a register is given, and only
where the register covers the advert's country (its phone country codes, its language, a
country prefix on the licence number: :func:`classifier.indicators.places.country_hints`):

* a licence number quoted in the advert that is not in the register, or whose licence
  has expired, gives an ``unlicensed_agency`` hit on the quoted number;
* a licence number of a valid entry gives a ``named_employer_registration`` hit;
* a registered agency named in the advert gives one of the two by its validity;
* an advert that presents itself as a recruitment or marriage agency for work or marriage
  abroad and quotes no licence the register confirms gives the context hit
  ``agency_unverified``: shown for the analyst to check, not a risk (an agency absent from
  a register is unknown, not unlicensed).

Without a register, or where it does not cover the advert's country, a quoted licence number
is the mitigating signal (the analyst can check it).  Licence numbers are compared by a key:
normalised text, Cyrillic look-alike letters mapped to Latin, only letters and digits, upper
case ("ro-ag 0123" == "RO-AG-0123").
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from classifier.indicators.normalise import (
    NormalisedText,
    normalise,
    normalise_full,
    normalise_pattern,
)

__all__ = [
    "AgencyClaim",
    "AgencyRegister",
    "RegisterEntry",
    "claims_in",
    "find_agency_claims",
    "licence_key",
    "load_register_csv",
]

_CYR_TO_LAT = str.maketrans(
    {
        "а": "a",
        "в": "b",
        "с": "c",
        "е": "e",
        "н": "h",
        "і": "i",
        "к": "k",
        "м": "m",
        "о": "o",
        "р": "p",
        "т": "t",
        "х": "x",
        "у": "y",
    }
)


def licence_key(number: str) -> str:
    """Comparison key of a licence number (see the module docstring)."""
    folded = normalise(number).translate(_CYR_TO_LAT)
    return "".join(ch for ch in folded if ch.isalnum()).upper()


def _name_key(name: str) -> str:
    return " ".join(re.findall(r"\w+", normalise(name)))


@dataclass(frozen=True)
class RegisterEntry:
    name: str
    licence_number: str
    country: str
    valid_until: date

    def is_valid(self, today: date) -> bool:
        return self.valid_until >= today


@dataclass(frozen=True)
class AgencyRegister:
    """Licensed agencies; ``today`` (default: the real date) decides what has expired."""

    entries: tuple[RegisterEntry, ...]
    today: date | None = None
    _by_licence: dict[str, RegisterEntry] = field(init=False, repr=False, compare=False)
    _name_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _by_name: dict[str, RegisterEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_licence: dict[str, RegisterEntry] = {}
        by_name: dict[str, RegisterEntry] = {}
        for entry in self.entries:
            key = licence_key(entry.licence_number)
            # Several rows for one licence (renewals): keep the one valid the longest.
            old = by_licence.get(key)
            if old is None or entry.valid_until > old.valid_until:
                by_licence[key] = entry
            nkey = _name_key(entry.name)
            old = by_name.get(nkey)
            if nkey and (old is None or entry.valid_until > old.valid_until):
                by_name[nkey] = entry
        object.__setattr__(self, "_by_licence", by_licence)
        object.__setattr__(self, "_by_name", by_name)
        names = sorted(by_name, key=len, reverse=True)
        alternation = "|".join(re.escape(n).replace(r"\ ", r"\W{1,3}") for n in names)
        name_re = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)") if names else None
        object.__setattr__(self, "_name_re", name_re)

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[str, str, str, date] | RegisterEntry], today: date | None = None
    ) -> AgencyRegister:
        entries = tuple(r if isinstance(r, RegisterEntry) else RegisterEntry(*r) for r in rows)
        return cls(entries=entries, today=today)

    def __len__(self) -> int:
        return len(self.entries)

    def as_of(self) -> date:
        return self.today or date.today()

    def countries(self) -> frozenset[str]:
        return frozenset(e.country.upper() for e in self.entries)

    def covers(self, hints: Iterable[str]) -> bool:
        """Whether the register lists agencies of any of these countries."""
        return bool(self.countries() & {h.upper() for h in hints})

    def lookup_licence(self, number: str) -> RegisterEntry | None:
        return self._by_licence.get(licence_key(number))

    def is_valid_licence(self, number: str, today: date | None = None) -> bool:
        entry = self.lookup_licence(number)
        return entry is not None and entry.is_valid(today or self.as_of())

    def names_in(self, norm: NormalisedText) -> list[tuple[int, int, RegisterEntry]]:
        """Registered agency names in a normalised text: (start, end) in normalised text."""
        if self._name_re is None:
            return []
        out = []
        for m in self._name_re.finditer(norm.text):
            entry = self._by_name.get(" ".join(re.findall(r"\w+", m.group())))
            if entry is not None:
                out.append((m.start(), m.end(), entry))
        return out


def load_register_csv(path: str | Path, today: date | None = None) -> AgencyRegister:
    """Read a register CSV with the header ``name,licence_number,country,valid_until``.

    A UTF-8 BOM and blank lines are tolerated; ``valid_until`` is an ISO date
    (YYYY-MM-DD).  A bad row raises :class:`ValueError` naming the file and line.
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ValueError(f"cannot read agency register {p}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ValueError(f"{p}: agency register is not UTF-8 ({exc.reason})") from exc
    expected = ["name", "licence_number", "country", "valid_until"]
    entries: list[RegisterEntry] = []
    header_seen = False
    for lineno, row in enumerate(csv.reader(io.StringIO(raw)), 1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if not header_seen:
            if [c.lower() for c in cells] != expected:
                raise ValueError(
                    f"{p}:{lineno}: expected header {','.join(expected)}, got {','.join(cells)}"
                )
            header_seen = True
            continue
        if len(cells) != 4:
            raise ValueError(f"{p}:{lineno}: expected 4 fields, got {len(cells)}")
        name, number, country, until = cells
        if not name or not number:
            raise ValueError(f"{p}:{lineno}: name and licence_number must not be empty")
        try:
            valid_until = date.fromisoformat(until)
        except ValueError:
            raise ValueError(
                f"{p}:{lineno}: valid_until {until!r} is not a date (YYYY-MM-DD)"
            ) from None
        entries.append(RegisterEntry(name, number, country, valid_until))
    if not header_seen:
        raise ValueError(f"{p}: empty agency register (no header line)")
    return AgencyRegister(entries=tuple(entries), today=today)


# --------------------------------------------------------------------------- claims

_LICENCE_RE = re.compile(
    normalise_pattern(
        r"\b(?P<kw>licen[cs]e[d]?|licen[tț][aăei]\w*|autoriza[tț]i[ae]\w*|лицензи\w*|ліцензі\w*|лиц\.|ліц\.)"
        r"(?:\s(?:de\s\w+\s|of\s\w+\s|на\s\w+\s)?)?\s?"
        r"(?:no\.?|nr\.?|number|num\.?|#|№|n\.|номер|серия|серія|сер\.)?\s?:?\s?"
        r"(?P<num>(?:[a-zа-яіїє]{1,4}[-/]?){0,3}\d[\w\-/]{1,24})"
    )
)
_NOT_AGENCY_LICENCE = re.compile(
    normalise_pattern(
        r"(?:driving|driver'?s|forklift|permis|conducere|водительск\w*|водійськ\w*|посвідчення)\W{1,3}$"
    )
)
# An advert presenting ITSELF as a recruitment or marriage agency: "our agency", "recruitment
# agency X", "agenția de recrutare", "кадровое агентство", "шлюбна агенція".  Other agencies
# ("no agencies please", a digital, real-estate or government agency) are not claims.
_AGENCY_RE = re.compile(
    normalise_pattern(
        r"\b(?:recruitment|recruiting|staffing|employment|placement|job|jobs|work|personnel|labou?r"
        r"|marriage|matrimonial|dating|matchmaking|introduction|model(?:l?ing)?|au pair|hostess)"
        r"\s(?:agency|agencies)\b|\b(?:our|this|the|an?)\s(?:licensed\s|registered\s)?agency\b"
        r"|\bagency\sfor\s(?:work|jobs|employment|marriage|dating|models)\b"
        r"|\bagen[tț]i(?:a|e|ei)\s(?:noastra\s)?(?:de\s)?(?:recrutare|plasare|munca|angajare"
        r"|casatorie|casatorii|matrimoniala|intalniri|modele|de plasare)\b|\bagen[tț]ia\s+noastra\b"
        r"|\b(?:кадров\w*|рекрутингов\w*|брачн\w*|модельн\w*)\s(?:агентств\w*|агенств\w*)"
        r"|\bагентств\w*\s(?:по\s)?(?:трудоустройств\w*|знакомств\w*|занятост\w*|найм\w*)"
        r"|\bнаше\s(?:агентство|агенство)\b"
        r"|\b(?:кадров\w*|рекрутингов\w*|шлюбн\w*|модельн\w*)\s(?:агенці\w*|агентств\w*)"
        r"|\b(?:агенці\w*|агентств\w*)\s(?:з\s)?(?:працевлаштуванн\w*|знайомств\w*)"
        r"|\bнаша\sагенці\w*"
        # An agency that opens a line or sentence, or is followed by its quoted name.
        r"|(?:^|(?<=\n)|(?<=[.!?] ))(?:agency|agen[tț]i[ae]|агентств\w*|агенств\w*|агенці\w*)\b"
        r"|\b(?:agency|agen[tț]i[ae]|агентств\w*|агенці\w*)\s[\"]"
    )
)


# A sentence that speaks of agencies as outsiders: "we do not accept CVs from agencies".
_OTHER_AGENCIES = re.compile(
    normalise_pattern(
        r"\b(?:do not|does not|don't|doesn't|not|never|no longer)\s(?:accept|work with|use|take)\b"
        r"|\bunsolicited\b|\bsearch firms?\b|\bthird-?\s?party\b|\bheadhunters?\b"
        r"|\bnu (?:acceptam|colaboram)\b|\bне (?:принимаем|работаем с)\b"
        r"|\bне (?:приймаємо|працюємо з)\b"
    )
)


@dataclass(frozen=True)
class AgencyClaim:
    """A licence number or an agency mention; offsets into the normalised text."""

    start: int
    end: int
    kind: str  # "licence" | "agency"
    value: str  # licence number as written (normalised) or the mention
    phrase_start: int  # where the phrase starts ("licence no. 12" -> the "l")


# Cheap first tests: the claim regexes are long alternations, and most adverts hold neither.
_LICENCE_STEMS = ("licen", "autoriz", "лиц", "ліц")
_AGENCY_STEMS = ("agen", "агент", "агенс", "агенц")


def claims_in(norm: NormalisedText) -> list[AgencyClaim]:
    """Licence numbers and agency mentions in a normalised text, in order."""
    text = norm.text
    out: list[AgencyClaim] = []
    licences = _LICENCE_RE.finditer(text) if any(s in text for s in _LICENCE_STEMS) else ()
    for m in licences:
        if _NOT_AGENCY_LICENCE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        num = m.group("num").rstrip("-/.")
        if not any(ch.isdigit() for ch in num):
            continue
        start = m.start("num")
        out.append(AgencyClaim(start, start + len(num), "licence", num, m.start()))
    agencies = _AGENCY_RE.finditer(text) if any(s in text for s in _AGENCY_STEMS) else ()
    for m in agencies:
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        stop = min(
            p for p in (text.find(".", m.end()), text.find("\n", m.end()), len(text)) if p >= 0
        )
        if not _OTHER_AGENCIES.search(text, start, stop):
            out.append(AgencyClaim(m.start(), m.end(), "agency", m.group(), m.start()))
    out.sort(key=lambda c: (c.start, c.end))
    return out


def find_agency_claims(text: str) -> list[tuple[int, int, str]]:
    """Agency mentions and licence numbers in ``text``, offsets into ``text``.

    Each item is ``(start, end, claim)`` where ``claim`` is ``"licence:<NUMBER>"``
    (the number upper-cased, as written) or ``"agency:<mention>"``; ``text[start:end]``
    is the number or the mention as it appears in the original.
    """
    norm = normalise_full(text)
    out: list[tuple[int, int, str]] = []
    for c in claims_in(norm):
        a, b = norm.to_original(c.start, c.end)
        value = text[a:b].upper() if c.kind == "licence" else text[a:b]
        out.append((a, b, f"{c.kind}:{value}"))
    return out
