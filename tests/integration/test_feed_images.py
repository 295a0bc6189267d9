"""Confirmed items carry their photos' PDQ hashes and the advert's cluster risk, in JSON, CSV
and STIX; the images themselves never leave."""

from __future__ import annotations

import csv
import io
import json
import random
from typing import Any

import psycopg
import pytest
from stix2validator import ValidationOptions, validate_string

from linking.linker import link_pending
from share import stix_feed
from store.images import ImageRecord
from tests.image_support import record_photo
from tests.integration.test_api_feed import decide, env, get_feed, secret_env

pytestmark = pytest.mark.integration
__all__ = ["env", "secret_env"]  # fixtures shared with the feed tests


def test_pdq_hashes_and_cluster_risk_reach_partners(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    pdq = f"{random.Random(11).getrandbits(256):064x}"
    photo = ImageRecord("b" * 64, 2048, "image/jpeg", 320, 240, pdq, 93, "bb/" + "b" * 64)
    for advert_id in ids[:2]:
        record_photo(conn, advert_id, f"https://img.example.org/{advert_id}.jpg", photo)
    link_pending(conn)
    decide(c, keys, ids[0], "confirmed")
    item = get_feed(c, keys).json()["items"][0]
    assert item["images"] == [{"pdq": pdq, "pdq_quality": 93}]
    image_clusters = [x for x in item["clusters"] if x["kind"] == "image"]
    assert image_clusters and image_clusters[0]["size"] == 2
    assert item["cluster_risk"] == max(x["risk"] for x in item["clusters"])
    rows = list(csv.DictReader(io.StringIO(get_feed(c, keys, format="csv").text)))
    assert rows[0]["pdq_hashes"] == f"{pdq}:93" and float(rows[0]["cluster_risk"]) > 0
    stix_text = get_feed(c, keys, format="stix").text
    indicator = next(o for o in json.loads(stix_text)["objects"] if o["type"] == "indicator")
    props = indicator["extensions"][stix_feed.EXTENSION_ID]  # in the published extension
    assert props["pdq_hashes"] == [{"pdq": pdq, "pdq_quality": 93}] and props["cluster_risk"] > 0
    strict = ValidationOptions(strict=True, version="2.1")
    assert validate_string(stix_text, strict).is_valid
    for text in (stix_text, rows[0]["pdq_hashes"]):
        assert "img.example.org" not in text and "b" * 64 not in text
