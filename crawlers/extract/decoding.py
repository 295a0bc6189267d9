"""Decoding HTTP bodies to text: BOM, declared charsets, then a Cyrillic-aware guess.

Pure (no I/O besides logging) and never raises on bad input.
"""

from __future__ import annotations

import codecs
import logging
import re

__all__ = ["MAX_BODY_BYTES", "decode_body"]

# Kept from before decoding was split out of crawlers.extract.text: log filters use it.
logger = logging.getLogger("crawlers.extract.text")

#: Pages larger than this are truncated before decoding (with a warning).
MAX_BODY_BYTES = 5 * 1024 * 1024

_HEADER_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.I)
# <meta charset="x"> and <meta http-equiv="Content-Type" content="...; charset=x">
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.I
)
_META_SCAN_BYTES = 4096

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG: these labels mean windows-1252 in practice.
_LATIN_ALIASES = frozenset({"iso8859-1", "latin-1", "latin1", "ascii", "us-ascii", "cp1252"})

# cp1251 bytes for Cyrillic letters: А-я (0xC0-0xFF), Ёё, Ukrainian/Belarusian extras.
_CP1251_CYRILLIC = frozenset(range(0xC0, 0x100)) | frozenset(
    {
        0xA8,
        0xB8,
        0xAA,
        0xBA,
        0xAF,
        0xBF,
        0xB2,
        0xB3,
        0xA5,
        0xB4,
        0xA1,
        0xA2,
        0x80,
        0x81,
        0x83,
        0x8A,
        0x8C,
        0x8D,
        0x8E,
        0x8F,
        0x90,
        0x9A,
        0x9C,
        0x9D,
        0x9E,
        0x9F,
    }
)
_HIGH_RUN_RE = re.compile(rb"[\x80-\xff]+")


def _codec_name(label: str) -> str | None:
    """Python codec name for a charset label, or None when unknown."""
    label = label.strip().strip("\"'").lower()
    if not label:
        return None
    if label in {"x-user-defined"}:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _LATIN_ALIASES or label in _LATIN_ALIASES:
        return "cp1252"
    return name


def _decode(data: bytes, encoding: str, truncated: bool) -> str | None:
    """Strict decode; tolerates a multibyte sequence cut at the end. None on failure."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        # A multibyte character cut at the very end (truncated or partial download).
        if exc.start >= len(data) - 4 and "end of data" in exc.reason:
            try:
                return data[: exc.start].decode(encoding)
            except UnicodeDecodeError:
                return None
        if encoding == "cp1252":
            # cp1252 leaves five bytes undefined; latin-1 maps everything.
            return data.decode("latin-1")
        return None
    except (LookupError, ValueError):
        return None


def _looks_cyrillic_cp1251(data: bytes) -> bool:
    """Heuristic: do the high bytes look like Cyrillic words in windows-1251?

    Cyrillic text encoded in cp1251 is made of long runs of high bytes (whole words),
    while Western text in latin-1 has isolated accented letters inside ASCII words.
    """
    high_total = 0
    in_runs = 0
    cyr = 0
    for match in _HIGH_RUN_RE.finditer(data):
        run = match.group()
        high_total += len(run)
        if len(run) >= 3:
            in_runs += len(run)
        cyr += sum(1 for b in run if b in _CP1251_CYRILLIC)
    if high_total == 0:
        return False
    return in_runs / high_total >= 0.5 and cyr / high_total >= 0.8


def decode_body(body: bytes, content_type: str | None) -> str:
    """Decode an HTTP body to text. Never raises.

    Order: a byte-order mark (unambiguous, as browsers do), the charset in the HTTP
    ``Content-Type`` header, ``<meta charset>`` / ``http-equiv`` in the first 4 KB, a
    strict UTF-8 attempt, then a windows-1251 vs windows-1252 (latin-1) heuristic for
    Cyrillic. A declared charset that fails to decode strictly is skipped. Bodies over
    :data:`MAX_BODY_BYTES` are truncated with a logged warning.
    """
    try:
        data = bytes(body)
    except Exception:  # pragma: no cover - defensive: typed as bytes
        return ""
    truncated = False
    if len(data) > MAX_BODY_BYTES:
        logger.warning(
            "body of %d bytes truncated to %d bytes before decoding", len(data), MAX_BODY_BYTES
        )
        data = data[:MAX_BODY_BYTES]
        truncated = True
    try:
        return _decode_body(data, content_type, truncated)
    except Exception:  # pragma: no cover - last resort, must never raise
        logger.exception("unexpected error decoding body; falling back to utf-8/replace")
        return data.decode("utf-8", errors="replace")


def _decode_body(data: bytes, content_type: str | None, truncated: bool) -> str:
    text = _decode_by_bom(data, truncated)
    if text is not None:
        return text
    for encoding in _declared_encodings(data, content_type):
        text = _decode(data, encoding, truncated)
        if text is not None:
            return text.removeprefix("\ufeff")
    return _decode_by_guess(data, truncated)


def _decode_by_bom(data: bytes, truncated: bool) -> str | None:
    """Text after a byte-order mark, or None (no BOM, or it does not decode)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding, truncated)
    return None


def _declared_encodings(data: bytes, content_type: str | None) -> list[str]:
    """Codec names from the Content-Type header, then from <meta> in the first 4 KB."""
    candidates: list[str] = []
    if content_type:
        match = _HEADER_CHARSET_RE.search(content_type)
        if match:
            name = _codec_name(match.group(1))
            if name:
                candidates.append(name)
    meta = _META_CHARSET_RE.search(data[:_META_SCAN_BYTES])
    if meta:
        name = _codec_name(meta.group(1).decode("ascii", errors="ignore"))
        if name and name.startswith(("utf-16", "utf-32")):
            # A meta tag readable as ASCII cannot be right about UTF-16 (WHATWG rule).
            name = "utf-8"
        if name:
            candidates.append(name)
    return candidates


def _decode_by_guess(data: bytes, truncated: bool) -> str:
    """Strict UTF-8, else windows-1251 when it looks Cyrillic, else windows-1252."""
    text = _decode(data, "utf-8", truncated)
    if text is not None:
        return text
    if _looks_cyrillic_cp1251(data):
        text = _decode(data, "cp1251", truncated)
        if text is not None:
            return text
    text = _decode(data, "cp1252", truncated)
    if text is not None:
        return text
    return data.decode("latin-1")
