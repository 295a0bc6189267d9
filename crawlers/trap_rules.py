"""Crawler-trap rules as pure functions and small stores: what a link or a page looks like when
a site generates pages without end (calendars, path loops, parameter permutations, soft-404s).

The spider middleware in :mod:`crawlers.traps` applies them; nothing here knows Scrapy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from hashlib import blake2b
from itertools import islice
from urllib.parse import parse_qsl

import numpy as np
import numpy.typing as npt

from crawlers.options import TrapLimits


# -- links --------------------------------------------------------------------------------------
def path_segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]


def repeated_block(segments: list[str], repeats: int = 3) -> tuple[str, ...] | None:
    """The block of segments a path repeats `repeats` times in a row (a relative-link loop such
    as /a/b/a/b/a/b), or None."""
    for size in range(1, len(segments) // repeats + 1):
        for start in range(len(segments) - size * repeats + 1):
            block = segments[start : start + size]
            following = segments[start + size : start + size * repeats]
            if following == block * (repeats - 1):
                return tuple(block)
    return None


def path_pattern(path: str) -> str:
    """The path with each segment holding a digit generalised: /cal/2031/01/07 -> /cal/*/*/*,
    so one trap is reported once rather than once per page."""
    return "/" + "/".join("*" if _DIGIT.search(s) else s for s in path_segments(path))


@dataclass(frozen=True)
class VarietyCut:
    """A query the variety limits refuse: which parameter (None: the query string as a whole)."""

    parameter: str | None
    limit: int


class QueryVariety:
    """Distinct query values followed per (site, path, parameter) and query strings per
    (site, path). Stored as hashes, and each set stops growing at its limit."""

    def __init__(self, limits: TrapLimits) -> None:
        self.limits = limits
        self.values: dict[int, set[int]] = {}
        self.queries: dict[int, set[int]] = {}

    def admit(self, host: str, path: str, query: str) -> VarietyCut | None:
        """Record a query to be followed, or say which limit refuses it (recording nothing)."""
        if not query:
            return None
        pairs = parse_qsl(query, keep_blank_values=True)
        checks = [(hash((host, path, name)), hash(value), name) for name, value in pairs]
        for key, value, name in checks:
            if _full(self.values, key, value, self.limits.max_values_per_parameter):
                return VarietyCut(name, self.limits.max_values_per_parameter)
        whole = (hash((host, path)), hash(tuple(sorted(pairs))))
        if _full(self.queries, *whole, self.limits.max_queries_per_path):
            return VarietyCut(None, self.limits.max_queries_per_path)
        for key, value, _ in checks:
            self.values.setdefault(key, set()).add(value)
        self.queries.setdefault(whole[0], set()).add(whole[1])
        return None


def _full(seen: dict[int, set[int]], key: int, value: int, limit: int) -> bool:
    values = seen.get(key)
    return values is not None and value not in values and len(values) >= limit


# -- pages --------------------------------------------------------------------------------------
MAX_WORDS = 20_000  # a page's first words are enough to tell it from others, and bound the CPU
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_RAW_TEXT_OPEN = re.compile(r"<(script|style|noscript|template)\b")
_TAG = re.compile(r"<[^<>]*>")  # [^<>]: an unclosed "<" costs a scan to the next "<" only
_WORD = re.compile(r"\w+")


def visible_words(html: str) -> list[str]:
    """The words a reader sees, lower-cased, numbers as "0": a calendar's pages differ only in
    their dates, and are then the same page. Regexes only, linear in the page's length."""
    text = _TAG.sub(" ", _without_raw_text(html.lower()))
    return [_DIGITS.sub("0", m.group()) for m in islice(_WORD.finditer(text), MAX_WORDS)]


def _without_raw_text(html: str) -> str:
    """The page without script/style/noscript/template contents, in one pass."""
    kept: list[str] = []
    position = 0
    while (opened := _RAW_TEXT_OPEN.search(html, position)) is not None:
        kept.append(html[position : opened.start()])
        closed = html.find(f"</{opened.group(1)}", opened.end())
        if closed < 0:
            return "".join(kept)
        position = closed + 2 + len(opened.group(1))
    kept.append(html[position:])
    return "".join(kept)


def simhash(words: list[str]) -> int:
    """A 64-bit simhash over the page's word 3-grams: pages that share nearly all of them get
    fingerprints a few bits apart (Charikar 2002; Manku et al. 2007)."""
    if not words:
        return 0
    cache: dict[str, int] = {}
    tokens = np.fromiter(
        (cache[w] if w in cache else cache.setdefault(w, _word_hash(w)) for w in words),
        dtype=np.uint64,
        count=len(words),
    )
    if len(tokens) >= 3:
        tokens = tokens[:-2] ^ _rotate(tokens[1:-1], 21) ^ _rotate(tokens[2:], 42)
    features = np.unique(_mix(tokens))
    bits = np.unpackbits(features.view(np.uint8), bitorder="little").reshape(-1, 64)
    majority = bits.sum(axis=0, dtype=np.int64) * 2 > len(features)
    return int.from_bytes(np.packbits(majority, bitorder="little").tobytes(), "little")


def _word_hash(word: str) -> int:
    return int.from_bytes(blake2b(word.encode(), digest_size=8).digest(), "little")


def _rotate(values: npt.NDArray[np.uint64], bits: int) -> npt.NDArray[np.uint64]:
    return (values << np.uint64(bits)) | (values >> np.uint64(64 - bits))


def _mix(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64's finaliser: every input bit moves every output bit."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


_POPCOUNT = np.array([bin(n).count("1") for n in range(256)], dtype=np.uint8)


def _popcount(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.integer]:
    """Set bits of each value: numpy 2's bitwise_count, else a byte table (numpy 1.26)."""
    if hasattr(np, "bitwise_count"):
        counted: npt.NDArray[np.integer] = np.bitwise_count(values)
        return counted
    by_table: npt.NDArray[np.integer] = _POPCOUNT[values.view(np.uint8)].reshape(-1, 8).sum(1)
    return by_table


class NearDuplicates:
    """The fingerprints of one site's followed pages, counted against each new page: a scan of
    a packed array (8 bytes a page, about a millisecond per 100,000 pages)."""

    def __init__(self, limits: TrapLimits, capacity: int = 1024) -> None:
        self.bits = limits.near_duplicate_bits
        self.enough = limits.max_near_duplicates
        self.share = limits.near_duplicate_share
        self.fingerprints = np.zeros(capacity, dtype=np.uint64)
        self.size = 0

    def count(self, fingerprint: int) -> tuple[int, bool]:
        """How many pages seen are near-duplicates of this one, and whether that makes it a
        trap page. Only pages that are not are remembered: a trap stops adding to the store."""
        distances = _popcount(self.fingerprints[: self.size] ^ np.uint64(fingerprint))
        near = int(np.count_nonzero(distances <= self.bits))
        trap = near >= max(self.enough, self.share * self.size)
        if not trap:
            self._add(fingerprint)
        return near, trap

    def _add(self, fingerprint: int) -> None:
        if self.size == len(self.fingerprints):
            self.fingerprints = np.resize(self.fingerprints, 2 * self.size)
        self.fingerprints[self.size] = fingerprint
        self.size += 1


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()
