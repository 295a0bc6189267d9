"""Decoding HTTP bodies to text: BOM, declared charsets, then a Cyrillic-aware guess.

Pure (no I/O besides logging) and never raises on bad input. Reading the BOM and the declared
charsets, and mapping charset labels to codecs as browsers do, is w3lib's. Its
``html_to_unicode`` is not used as a whole: it decodes with a declared charset whatever the
bytes are (pages often declare one they do not use, e.g. a server's default UTF-8 over
windows-1251 text), reads a bare "utf-16" header as big-endian (browsers read little-endian),
and believes a ``<meta>`` that claims UTF-16.
"""

from __future__ import annotations

import logging
import re

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    to_unicode,
)

__all__ = ["MAX_BODY_BYTES", "decode_body"]

# Kept from before decoding was split out of crawlers.extract.text: log filters use it.
logger = logging.getLogger("crawlers.extract.text")

#: Pages larger than this are truncated before decoding (with a warning).
MAX_BODY_BYTES = 5 * 1024 * 1024

# cp1251 bytes for Cyrillic letters: А-я (0xC0-0xFF) and the letters outside that block.
_CP1251_CYRILLIC = frozenset(range(0xC0, 0x100)) | frozenset(
    "ЁёЄєЇїІіҐґЎўЂђЃѓЉљЊњЌќЋћЏџ".encode("cp1251")
)
_HIGH_RUN_RE = re.compile(rb"[\x80-\xff]+")


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
    strict UTF-8 attempt, then a windows-1251 vs windows-1252 heuristic for Cyrillic. A
    declared charset that fails to decode strictly is skipped. Bodies over
    :data:`MAX_BODY_BYTES` are truncated with a logged warning.
    """
    data = bytes(body)
    if len(data) > MAX_BODY_BYTES:
        logger.warning(
            "body of %d bytes truncated to %d bytes before decoding", len(data), MAX_BODY_BYTES
        )
        data = data[:MAX_BODY_BYTES]
    try:
        return _decode_body(data, content_type)
    except Exception:  # pragma: no cover - last resort, must never raise
        logger.exception("unexpected error decoding body; falling back to utf-8/replace")
        return data.decode("utf-8", errors="replace")


def _decode_body(data: bytes, content_type: str | None) -> str:
    encoding, bom = read_bom(data)
    if encoding and bom:  # a byte-order mark is unambiguous, as in browsers
        body = data[len(bom) :]
        return _decode_strictly(body, encoding) or to_unicode(body, encoding)
    for encoding in _declared_encodings(data, content_type):
        text = _decode_strictly(data, encoding)
        if text is not None:
            return text
    return _decode_by_guess(data)


def _declared_encodings(data: bytes, content_type: str | None) -> list[str]:
    """Codec names from the Content-Type header, then from <meta> in the first 4 KB."""
    header = http_content_type_encoding(content_type)
    meta = html_body_declared_encoding(data)
    if meta and meta.startswith(("utf-16", "utf-32")):
        # A meta tag readable as ASCII cannot be right about UTF-16 (WHATWG rule).
        meta = "utf-8"
    return [encoding for encoding in (header, meta) if encoding]


def _decode_strictly(data: bytes, encoding: str) -> str | None:
    """Strict decode; tolerates a multibyte character cut at the end. None on failure."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 4 and "end of data" in exc.reason:
            try:
                return data[: exc.start].decode(encoding)
            except UnicodeDecodeError:
                return None
        return None
    except (LookupError, ValueError):
        return None


def _decode_by_guess(data: bytes) -> str:
    """Strict UTF-8, else windows-1251 when it looks Cyrillic, else windows-1252."""
    text = _decode_strictly(data, "utf-8")
    if text is None and _looks_cyrillic_cp1251(data):
        text = _decode_strictly(data, "cp1251")
    return text if text is not None else to_unicode(data, "cp1252")
