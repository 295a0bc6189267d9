"""De-personalise advert text for research exports.

First the advert's stored entities (their spans and the raw strings as written), then regex
fallbacks for contacts the extractor missed, then share.deid for the people themselves:
names, ages and cities. Exports carry no URLs: provenance loses every URL-like field.
"""

from __future__ import annotations

import re
from typing import Any

from share.deid import deidentify

PLACEHOLDERS = {"phone": "[PHONE]", "email": "[EMAIL]", "handle": "[HANDLE]", "url": "[URL]"}

_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|ru|ro|md|ua|eu|info|biz|me|uk|de|it|es|fr|pl|tr|il|cy|gr|nl|at|ch|be|pt|cz|io|co|us|ca|by|kz|ae|su|xxx|club|site|online|top)(?:/[^\s<>\"']*)?",
    re.I,
)
_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:@|\(at\)|\[at\]|\s+at\s+)\s*[\w-]+(?:\s*(?:\.|\(dot\)|\[dot\]|\s+dot\s+)\s*[\w-]+)+",
    re.I,
)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{3,32}\b|\b(?:t\.me|wa\.me)/[\w+]+", re.I)
_PHONE = re.compile(r"(?<![\w])(?:\+|00)?\d[\d\s().\-]{6,}\d(?![\w])")


def _replace_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    out, position = [], 0
    for start, end, placeholder in sorted(spans):
        if start < position:
            continue
        out.append(text[position:start])
        out.append(placeholder)
        position = end
    out.append(text[position:])
    return "".join(out)


def _entity_spans(
    text: str, offset: int, entities: list[dict[str, Any]]
) -> list[tuple[int, int, str]]:
    """Spans of stored entities that fall inside this text (entity offsets are into
    title + "\\n" + body + "\\n" + contact, so `offset` locates this text in that string)."""
    spans = []
    for ent in entities:
        start, end, raw = ent.get("start"), ent.get("end"), str(ent.get("raw") or "")
        if isinstance(start, int) and isinstance(end, int):
            local_start, local_end = start - offset, end - offset
            if 0 <= local_start < local_end <= len(text) and text[local_start:local_end] == raw:
                spans.append((local_start, local_end, PLACEHOLDERS.get(ent["kind"], "[CONTACT]")))
    return spans


def scrub(
    text: str,
    entities: list[dict[str, Any]] | None = None,
    offset: int = 0,
    language: str | None = None,
) -> str:
    """Text with every known or recognisable contact replaced, then names, ages and cities."""
    entities = entities or []
    text = _replace_spans(text, _entity_spans(text, offset, entities))
    for ent in sorted(entities, key=lambda e: -len(str(e.get("raw") or ""))):
        raw = str(ent.get("raw") or "")
        if len(raw) >= 4:
            text = text.replace(raw, PLACEHOLDERS.get(ent["kind"], "[CONTACT]"))
        value = str(ent.get("value") or "").split(":", 1)[-1]
        if len(value) >= 6:
            text = text.replace(value, PLACEHOLDERS.get(ent["kind"], "[CONTACT]"))
    text = _EMAIL.sub("[EMAIL]", text)
    text = _URL.sub("[URL]", text)
    text = _HANDLE.sub("[HANDLE]", text)
    text = _PHONE.sub(
        lambda m: "[PHONE]" if sum(c.isdigit() for c in m.group()) >= 8 else m.group(), text
    )
    return deidentify(text, language)


_URL_KEY = re.compile(r"url|link|href|uri", re.I)


def _provenance(provenance: dict[str, Any]) -> dict[str, Any]:
    """Provenance without URLs (uploads may name them anything) or names in free text."""
    kept: dict[str, Any] = {}
    for key, value in provenance.items():
        if _URL_KEY.search(key):
            continue
        kept[key] = scrub(value) if isinstance(value, str) else value
    return kept


def sample(row: Any) -> dict[str, Any]:
    """A store.labels.LabelRow as one de-personalised labelled_samples JSONL record."""
    title = scrub(row.title, row.entities, 0, row.language)
    text = scrub(row.text, row.entities, len(row.title) + 1, row.language)
    provenance = _provenance(dict(row.provenance))
    return {
        "id": row.sample_id,
        "kind": row.kind,
        "language": row.language,
        "title": title,
        "text": text,
        "label": row.label,
        "indicators": list(row.indicators),
        "provenance": {**provenance, "source": row.source},
        "split": row.split,
    }
