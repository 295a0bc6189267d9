"""Labels: training samples from analyst decisions or uploaded by researchers.

The stored text is the advert as published; exports de-personalise it (api/depersonalise.py)
with the advert's entity spans, which `export_rows` returns alongside each label.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

LABEL_OF_DECISION = {"confirmed": 1, "dismissed": 0}


def split_for(sample_id: str) -> str:
    """A stable 80/20 train/test split by sample id."""
    return "test" if hashlib.sha256(sample_id.encode()).digest()[0] % 5 == 0 else "train"


def label_from_decision(
    conn: psycopg.Connection[Any], advert_id: int, decision: str, decision_id: int, actor_id: int
) -> None:
    """Keep the advert's analyst label in step with its latest decision (escalated: none)."""
    sample_id = f"adwatch-advert-{advert_id}"
    label = LABEL_OF_DECISION.get(decision)
    if label is None:
        conn.execute("DELETE FROM labels WHERE sample_id = %s AND source = 'analyst'", (sample_id,))
        return
    conn.execute(
        """INSERT INTO labels (sample_id, advert_id, kind, language, title, text, label,
                               indicators, split, provenance, source, created_by)
           SELECT %(sid)s, a.id, a.kind, a.language, a.title, a.body, %(label)s,
                  coalesce(ARRAY(SELECT DISTINCT h->>'indicator_id'
                                 FROM jsonb_array_elements(sc.indicator_hits) h
                                 ORDER BY 1), '{}'),
                  %(split)s,
                  jsonb_build_object('source', 'analyst', 'decision_id', %(did)s,
                                     'site', s.name, 'advert_version', a.current_version,
                                     'model_version', a.model_version),
                  'analyst', %(actor)s
           FROM adverts a LEFT JOIN sites s ON s.id = a.site_id
           LEFT JOIN LATERAL (SELECT indicator_hits FROM scores WHERE advert_id = a.id
                              ORDER BY scored_at DESC, id DESC LIMIT 1) sc ON true
           WHERE a.id = %(aid)s
           ON CONFLICT (sample_id) DO UPDATE SET label = excluded.label,
               title = excluded.title, text = excluded.text, indicators = excluded.indicators,
               provenance = excluded.provenance, created_by = excluded.created_by,
               created_at = now()
           WHERE labels.source = 'analyst'""",
        {
            "sid": sample_id,
            "label": label,
            "split": split_for(sample_id),
            "did": decision_id,
            "actor": actor_id,
            "aid": advert_id,
        },
    )


@dataclass(frozen=True)
class UploadedLabel:
    sample_id: str
    kind: str
    text: str
    label: int
    title: str = ""
    language: str | None = None
    indicators: tuple[str, ...] = ()
    split: str | None = None
    provenance: dict[str, Any] = field(default_factory=dict)


class LabelOwned(PermissionError):
    """Uploaded labels belong to another researcher; only an admin may change them."""

    def __init__(self, sample_ids: Sequence[str]) -> None:
        super().__init__(f"labels uploaded by someone else: {', '.join(sample_ids[:20])}")
        self.sample_ids = list(sample_ids)


def _others_uploads(
    conn: psycopg.Connection[Any], sample_ids: Sequence[str], actor_id: int
) -> list[str]:
    """Ids among `sample_ids` uploaded by another key, locked until the caller commits."""
    rows = conn.execute(
        """SELECT sample_id FROM labels
           WHERE sample_id = ANY(%s) AND source = 'upload'
             AND created_by IS DISTINCT FROM %s
           ORDER BY sample_id FOR UPDATE""",
        (list(sample_ids), actor_id),
    ).fetchall()
    return [str(r[0]) for r in rows]


def upsert_uploaded(
    conn: psycopg.Connection[Any],
    rows: Sequence[UploadedLabel],
    actor_id: int,
    *,
    is_admin: bool = False,
) -> int:
    """Store uploaded labels (replacing the uploader's own earlier uploads of the same id);
    returns rows written. Ids already used by analyst labels are left alone; ids another
    researcher uploaded raise LabelOwned (nothing is written) unless an admin uploads.
    A replaced label keeps its uploader as owner."""
    params = [
        (
            r.sample_id,
            r.kind,
            r.language,
            r.title,
            r.text,
            r.label,
            list(r.indicators),
            r.split or split_for(r.sample_id),
            json.dumps(r.provenance, default=str),
            actor_id,
            actor_id,
            is_admin,
        )
        for r in rows
    ]
    written = 0
    with conn.transaction(), conn.cursor() as cur:
        owned = [] if is_admin else _others_uploads(conn, [r.sample_id for r in rows], actor_id)
        if owned:
            raise LabelOwned(owned)
        for row in params:
            cur.execute(
                """INSERT INTO labels (sample_id, kind, language, title, text, label, indicators,
                                       split, provenance, source, created_by)
                   VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, 'upload', %s)
                   ON CONFLICT (sample_id) DO UPDATE SET kind = excluded.kind,
                       language = excluded.language, title = excluded.title,
                       text = excluded.text, label = excluded.label,
                       indicators = excluded.indicators, split = excluded.split,
                       provenance = excluded.provenance, created_at = now()
                   WHERE labels.source = 'upload'
                     AND (labels.created_by = %s OR %s)""",
                row,
            )
            written += cur.rowcount
    return written


def delete_uploaded(
    conn: psycopg.Connection[Any], sample_id: str, actor_id: int, *, is_admin: bool = False
) -> bool:
    """Delete an uploaded label: its uploader or an admin only (LabelOwned otherwise).
    False when there is no uploaded label with that id."""
    with conn.transaction():
        row = conn.execute(
            "SELECT created_by FROM labels WHERE sample_id = %s AND source = 'upload' FOR UPDATE",
            (sample_id,),
        ).fetchone()
        if row is None:
            return False
        if not is_admin and row[0] != actor_id:
            raise LabelOwned([sample_id])
        conn.execute("DELETE FROM labels WHERE sample_id = %s AND source = 'upload'", (sample_id,))
    return True


@dataclass(frozen=True)
class LabelRow:
    sample_id: str
    advert_id: int | None
    kind: str
    language: str | None
    title: str
    text: str
    label: int
    indicators: list[str]
    split: str
    provenance: dict[str, Any]
    source: str
    created_at: datetime
    entities: list[dict[str, Any]]


_EXPORT_SQL = """
SELECT l.sample_id, l.advert_id, l.kind, l.language, l.title, l.text, l.label, l.indicators,
       l.split, l.provenance, l.source, l.created_at,
       coalesce((SELECT jsonb_agg(jsonb_build_object('kind', en.kind, 'value', en.value,
                                                     'raw', ae.raw, 'start', ae.span_start,
                                                     'end', ae.span_end))
                 FROM advert_entities ae JOIN entities en ON en.id = ae.entity_id
                 WHERE ae.advert_id = l.advert_id), '[]'::jsonb) AS entities
FROM labels l
WHERE (%(source)s::text IS NULL OR l.source = %(source)s)
  AND (%(split)s::text IS NULL OR l.split = %(split)s)
  AND (%(kind)s::text IS NULL OR l.kind = %(kind)s)
ORDER BY l.id
"""


def export_rows(
    conn: psycopg.Connection[Any],
    *,
    source: str | None = None,
    split: str | None = None,
    kind: str | None = None,
) -> Iterator[LabelRow]:
    """All matching labels through a server-side cursor, with their advert's entities."""
    with (
        conn.transaction(),
        conn.cursor(name="label_export", row_factory=class_row(LabelRow)) as cur,
    ):
        cur.itersize = 500
        cur.execute(_EXPORT_SQL, {"source": source, "split": split, "kind": kind})
        yield from cur
