"""The licensed-agency register and agency / licence claims in advert text.

A register is a list of licensed recruitment (or marriage) agencies: name, licence
number, country and the date the licence is valid until.  Adverts are checked against
it by :func:`classifier.indicators.match_indicators` when a register is given:

* a licence number quoted in the advert that is not in the register, or whose licence
  has expired, gives an ``unlicensed_agency`` hit on the quoted number;
* a licence number of a valid entry gives a ``named_employer_registration`` hit;
* a registered agency named in the advert gives one of the two by its validity;
* an advert that speaks of an agency / recruiter / intermediary and quotes no licence
  number at all gives ``unlicensed_agency`` on the first such mention (also without a
  register).

Licence numbers are compared by a key: normalised text, Cyrillic look-alike letters
mapped to Latin, only letters and digits, upper case ("ro-ag 0123" == "RO-AG-0123").
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from classifier.indicators.normalise import NormalisedText, normalise, normalise_pattern

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

    def lookup_licence(self, number: str) -> RegisterEntry | None:
        return self._by_licence.get(licence_key(number))

    def lookup_name(self, name: str) -> RegisterEntry | None:
        return self._by_name.get(_name_key(name))

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
_AGENCY_RE = re.compile(
    normalise_pattern(
        r"\b(?:(?:recruitment|staffing|employment|placement|marriage|dating|matchmaking|model(?:ing|ling)?)\s)?"
        r"(?:agency|agencies)\b|\brecruiters?\b|\bintermediar(?:y|ies)\b|\bmiddlem[ae]n\b"
        r"|\bagen[tț]i(?:a|e|ei|ile|i)\b|\bagen[tț]ia\b|\bintermediar(?:i|ul|ului|ii)?\b|\brecrutor\w*\b"
        r"|\bfirm[aă] de (?:recrutare|plasare)\b"
        r"|\bагентств\w*|\bагенств\w*|\bагенці\w*|\bпосредни\w*|\bпосередни\w*|\bрекрутер\w*"
        r"|\bкадров\w*\s(?:центр\w*|компани\w*)"
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


def claims_in(norm: NormalisedText) -> list[AgencyClaim]:
    """Licence numbers and agency mentions in a normalised text, in order."""
    text = norm.text
    out: list[AgencyClaim] = []
    for m in _LICENCE_RE.finditer(text):
        if _NOT_AGENCY_LICENCE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        num = m.group("num").rstrip("-/.")
        if not any(ch.isdigit() for ch in num):
            continue
        start = m.start("num")
        out.append(AgencyClaim(start, start + len(num), "licence", num, m.start()))
    for m in _AGENCY_RE.finditer(text):
        out.append(AgencyClaim(m.start(), m.end(), "agency", m.group(), m.start()))
    out.sort(key=lambda c: (c.start, c.end))
    return out


def find_agency_claims(text: str) -> list[tuple[int, int, str]]:
    """Agency mentions and licence numbers in ``text``, offsets into ``text``.

    Each item is ``(start, end, claim)`` where ``claim`` is ``"licence:<NUMBER>"``
    (the number upper-cased, as written) or ``"agency:<mention>"``; ``text[start:end]``
    is the number or the mention as it appears in the original.
    """
    from classifier.indicators.normalise import normalise_full

    norm = normalise_full(text)
    out: list[tuple[int, int, str]] = []
    for c in claims_in(norm):
        a, b = norm.to_original(c.start, c.end)
        value = text[a:b].upper() if c.kind == "licence" else text[a:b]
        out.append((a, b, f"{c.kind}:{value}"))
    return out


def licence_claims(claims: Sequence[AgencyClaim]) -> list[AgencyClaim]:
    return [c for c in claims if c.kind == "licence"]
