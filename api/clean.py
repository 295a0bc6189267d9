"""Text that PostgreSQL or UTF-8 cannot carry: NUL characters and lone surrogates.

PostgreSQL rejects NUL in text and jsonb, and a lone surrogate (JSON's "\\ud800") cannot be
encoded as UTF-8, so both would surface as a 500 from deep inside a query or a response.
They are refused at the edge instead (400 for parameters and headers, 422 for bodies).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# For form fields (Form(pattern=...)): form values arrive decoded with replacement characters,
# so NUL is the one character PostgreSQL would refuse.
NO_NUL = r"^[^\x00]*$"


def is_odd_text(text: str) -> bool:
    """True for a NUL character or a lone surrogate anywhere in the text."""
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def has_odd_text(value: Any) -> bool:
    """is_odd_text over a parsed value: strings inside lists and dicts (keys too)."""
    if isinstance(value, str):
        return is_odd_text(value)
    if isinstance(value, Mapping):
        return any(has_odd_text(k) or has_odd_text(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return any(has_odd_text(item) for item in value)
    return False


def printable(text: str, limit: int = 500) -> str:
    """Text safe to put in a response: lone surrogates replaced, NUL dropped, shortened."""
    safe = text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"
