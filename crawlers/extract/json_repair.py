"""Lenient repair of hand-templated JSON-LD that ``json.loads`` rejects.

Boards paste advert text into a JSON-LD template without escaping it, so a string can
hold raw newlines or a bare ``"`` ("a so-called "good" salary"). Dropping the block
would lose the whole posting, so the text is repaired before a last parse.
"""

from __future__ import annotations

import re

__all__ = ["repair_json"]

_LITERAL_RE = re.compile(r"(?:true|false|null|-?\d)")
_CONTROL_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _closes_string(text: str, i: int) -> bool:
    """Whether the quote at ``text[i]`` ends the string it is in: a closing quote is
    followed by ``:``, ``}``, ``]``, the end, or a comma and then a JSON value."""
    j = i + 1
    while j < len(text) and text[j].isspace():
        j += 1
    if j == len(text) or text[j] in ":}]":
        return True
    if text[j] != ",":
        return False
    j += 1
    while j < len(text) and text[j].isspace():
        j += 1
    return j == len(text) or text[j] in '"{[}]' or bool(_LITERAL_RE.match(text, j))


def repair_json(text: str) -> str:
    """Escape raw control characters and stray inner quotes inside JSON strings."""
    out: list[str] = []
    in_string = False
    i = 0
    while i < len(text):
        char = text[i]
        if not in_string:
            in_string = char == '"'
            out.append(char)
        elif char == "\\" and i + 1 < len(text):
            out.append(text[i : i + 2])
            i += 1
        elif char == '"':
            in_string = not _closes_string(text, i)
            out.append('"' if not in_string else '\\"')
        else:
            out.append(_CONTROL_ESCAPES.get(char, char))
        i += 1
    return "".join(out)
