"""TAXII 2.1 as partners' own clients see it: taxii2-client against a live adwatch (uvicorn on
127.0.0.1), page by page; STIX that passes stix2-validator --strict; TAXII errors."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import psycopg
import pytest
import uvicorn
from stix2validator import ValidationOptions, validate_instance
from taxii2client.v21 import Server, as_pages

from api.app import create_app
from share import stix_feed
from tests.api_support import Ad, Keys, client, make_keys, seed
from tests.integration.test_api_feed import decide, secret_env  # noqa: F401  (fixture)

pytestmark = pytest.mark.integration
TAXII = "application/taxii+json;version=2.1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def live(db_url: str, conn: psycopg.Connection[Any], secret_env: None) -> Iterator[Any]:  # noqa: F811
    """Six adverts: five confirmed, two of them retracted, one dismissed; a live server."""
    ids = seed(conn, [Ad(n, risk=0.9 - n / 100) for n in range(1, 7)])
    keys = make_keys(conn)
    with client(db_url) as c:
        for advert_id in ids[:5]:
            decide(c, keys, advert_id, "confirmed")
        decide(c, keys, ids[5], "dismissed")
        for advert_id in (ids[1], ids[3]):
            decide(c, keys, advert_id, "dismissed")  # a retraction once shared
    port = _free_port()
    config = uvicorn.Config(create_app(db_url), host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", keys, ids
    server.should_exit = True
    thread.join(timeout=10)


def _collection(root: Any, title: str) -> Any:
    """The partner's collection by title: one per sharing group, and one per group and kind."""
    titles = [c.title for c in root.collections]
    assert titles == [
        "adwatch: default",
        "adwatch: default (job adverts)",
        "adwatch: default (bridal adverts)",
        "adwatch: default (escort adverts)",
    ]
    return next(c for c in root.collections if c.title == title)


def _all_objects(base: str, keys: Keys, **filters: Any) -> list[list[dict[str, Any]]]:
    taxii = Server(f"{base}/taxii2/", user="isp-one", password=keys.partner)
    root = taxii.default
    assert root is not None and root.versions == [TAXII]
    collection = _collection(root, "adwatch: default")
    assert collection.can_read and not collection.can_write
    return [
        page.get("objects", [])
        for page in as_pages(collection.get_objects, per_request=2, **filters)
    ]


def test_taxii2_client_sees_every_item_and_retraction_once(live: Any) -> None:
    base, keys, ids = live
    pages = _all_objects(base, keys, version="all")
    assert len(pages) > 3 and all(len(p) <= 2 for p in pages)
    objects = [o for page in pages for o in page]
    indicators = [o for o in objects if o["type"] == "indicator"]
    events = [
        (o["extensions"][stix_feed.EXTENSION_ID]["advert_id"], o["revoked"]) for o in indicators
    ]
    expected = [(i, False) for i in ids[:5]] + [(ids[1], True), (ids[3], True)]
    assert events == expected  # every confirmation and retraction, once, in order
    versions = {(o["id"], o.get("modified", o["created"])) for o in objects}
    assert len(versions) == len(objects)
    assert {o["type"] for o in objects} == {
        "identity",
        "extension-definition",
        "marking-definition",
        "indicator",
    }
    options = ValidationOptions(strict=True, version="2.1")
    for obj in objects:
        result = validate_instance(obj, options)
        assert result.is_valid and not result.errors and not result.warnings, [
            str(e) for e in result.errors
        ]


def test_default_is_last_version_and_filters(live: Any) -> None:
    base, keys, ids = live
    latest = [o for page in _all_objects(base, keys, type="indicator") for o in page]
    assert [o["revoked"] for o in latest] == [False, False, False, True, True]
    revoked = latest[-1]
    taxii = Server(f"{base}/taxii2/", user="x", password=keys.partner)
    collection = _collection(taxii.default, "adwatch: default")
    one = collection.get_object(revoked["id"], version="all")
    assert [o["revoked"] for o in one["objects"]] == [False, True]
    versions = collection.object_versions(revoked["id"])
    assert versions["versions"] == [o["modified"] for o in one["objects"]]
    manifest = collection.get_manifest(type="indicator", version="first")
    assert len(manifest["objects"]) == 5
    assert {m["media_type"] for m in manifest["objects"]} == {"application/stix+json;version=2.1"}
    added = manifest["objects"][2]["date_added"]
    after = collection.get_objects(added_after=added, version="all")["objects"]
    assert [o["extensions"][stix_feed.EXTENSION_ID]["advert_id"] for o in after] == [
        ids[3],
        ids[4],
        ids[1],
        ids[3],
    ]
    assert collection.get_objects(type="sighting") == {"more": False}
    jobs = _collection(taxii.default, "adwatch: default (job adverts)")
    assert len(jobs.get_objects(type="indicator")["objects"]) == 5  # every test advert is a job
    bridal = _collection(taxii.default, "adwatch: default (bridal adverts)")
    assert bridal.get_objects(type="indicator") == {"more": False}
    assert collection.get_objects(type="indicator", spec_version="2.0") == {"more": False}
    assert len(collection.get_objects(type="indicator", spec_version="2.0,2.1")["objects"]) == 5


def test_taxii_errors_and_media_types(live: Any) -> None:
    base, keys, _ = live
    auth = ("isp-one", keys.partner)
    with httpx.Client(base_url=base, auth=auth, headers={"Accept": TAXII}) as http:
        root = http.get("/taxii2/api/collections/").json()["collections"][0]["id"]
        objects = f"/taxii2/api/collections/{root}/objects/"
        r = http.get(objects, params={"limit": "2"})
        assert r.status_code == 200 and r.headers["content-type"] == TAXII
        assert r.headers["x-taxii-date-added-first"] <= r.headers["x-taxii-date-added-last"]
        checks = {
            (objects, "next=abc"): 400,
            (objects, "next=99999"): 400,
            (objects, "added_after=yesterday"): 400,
            (objects, "limit=0"): 400,
            ("/taxii2/api/collections/00000000-0000-4000-8000-000000000000/", ""): 404,
            (objects + "indicator--00000000-0000-4000-8000-000000000001/", ""): 404,
        }
        for (path, query), status in checks.items():
            r = http.get(f"{path}?{query}")
            assert r.status_code == status and r.headers["content-type"] == TAXII, (path, query)
            assert r.json()["http_status"] == str(status) and r.json()["title"]
        assert http.get(objects, headers={"Accept": "application/json"}).status_code == 406
        assert http.post(objects, json={}).status_code == 405
    assert httpx.get(f"{base}/taxii2/", headers={"Accept": TAXII}).status_code == 401
    schema = httpx.get(base + stix_feed.SCHEMA_PATH)  # open: STIX consumers fetch it as is
    assert schema.status_code == 200 and schema.json() == json.loads(stix_feed.schema_text())
    for broken in ("Basic !!!", "Basic " + "eA==", "Basic"):  # not base64, no password, empty
        r = httpx.get(f"{base}/taxii2/", headers={"Accept": TAXII, "Authorization": broken})
        assert r.status_code == 401 and r.json()["http_status"] == "401", broken
    bearer = {"Accept": TAXII, "Authorization": f"Bearer {keys.partner}"}
    assert httpx.get(f"{base}/taxii2/", headers=bearer).status_code == 200
    analyst = httpx.get(f"{base}/taxii2/", auth=("a", keys.analyst), headers={"Accept": TAXII})
    assert analyst.status_code == 403
