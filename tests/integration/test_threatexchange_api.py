"""adwatch as a python-threatexchange exchange (issue 15): pytx's own fetch loop and on-disk
state store pull a live adwatch feed page by page, resume from the stored checkpoint, drop
retracted adverts' signals, and report an opinion back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from config.settings import get_settings
from linking.pdq_hashing import hash_image
from share.feed_format import keyed_hash
from store import feed
from store.adverts import EntityRecord
from tests.api_support import SECRET, Ad, Keys, client, h, make_keys, seed
from tests.image_support import pattern_jpeg, store_photo
from tests.live_server import live_server
from tests.webhook_support import confirm

pytestmark = pytest.mark.integration

tx = pytest.importorskip("share.threatexchange_api")
cli_state = pytest.importorskip("threatexchange.cli.cli_state")
from threatexchange.exchanges.fetch_state import SignalOpinionCategory  # noqa: E402
from threatexchange.extensions.manifest import ThreatExchangeExtensionManifest  # noqa: E402
from threatexchange.signal_type.pdq.signal import PdqSignal  # noqa: E402
from threatexchange.signal_type.url import URLSignal  # noqa: E402

SHARED_PHONE = EntityRecord("phone", "+37360000111", "0600 00 111", 0, 0)
CONTACTS = {
    1: (SHARED_PHONE, EntityRecord("email", "ana.recruiter@example.org", "", 0, 0)),
    2: (SHARED_PHONE,),
    3: (EntityRecord("handle", "telegram:jobs_abroad_demo", "@jobs_abroad_demo", 0, 0),),
    4: (EntityRecord("phone", "+37360000444", "0600 00 444", 0, 0),),
}
SIGNAL_TYPES = [URLSignal, tx.AdwatchContactHmacSignal]


def url(n: int) -> str:
    return f"https://jobs-demo.example.org/ad/{n}"


def contact_hash(entity: EntityRecord) -> str:
    return keyed_hash(SECRET, entity.kind, entity.value)


@pytest.fixture
def env(
    db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Keys, list[int], str]]:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", SECRET)
    get_settings.cache_clear()
    ids = seed(conn, [Ad(n, entities=CONTACTS[n]) for n in range(1, 5)])
    keys = make_keys(conn)
    with client(db_url) as analysts, live_server(db_url) as base_url:
        yield analysts, keys, ids, base_url
    get_settings.cache_clear()


def pytx_fetch(
    api: Any, store: Any, collab: Any, signal_types: list[Any] = SIGNAL_TYPES
) -> list[int]:
    """What `threatexchange fetch` does for one collaboration (cli/fetch_cmd.py): resume from
    the store's checkpoint, merge each delta, flush; returns the size of each delta."""
    checkpoint = store.get_checkpoint(collab)
    sizes = []
    for delta in api.fetch_iter(signal_types, checkpoint):
        assert delta.checkpoint is not None
        sizes.append(len(delta.updates))
        store.merge(collab, delta)
    store.flush()
    return sizes


def signals(store: Any, collab: Any, signal_type: Any) -> dict[str, Any]:
    return dict(store.get_for_signal_type([collab], signal_type).get(collab.name, {}))


def test_pytx_fetch_loop_with_checkpoint_and_retraction(env: Any, tmp_path: Path) -> None:
    analysts, keys, ids, base_url = env
    for advert_id in ids[:3]:
        confirm(analysts, keys, advert_id)
    collab = tx.AdwatchCollabConfig(name="adwatch-demo", base_url=base_url, page_size=2)
    api = tx.AdwatchSignalExchangeAPI.for_collab(collab, tx.AdwatchCredentials(keys.partner))
    store = cli_state.CliSimpleState(tx.AdwatchSignalExchangeAPI, tmp_path)

    assert pytx_fetch(api, store, collab) == [2, 1]  # pages of two; `more` says it ended
    urls = signals(store, collab, URLSignal)
    assert sorted(urls) == [url(1), url(2), url(3)]
    assert urls[url(3)].advert_ids == {ids[2]}
    opinion = urls[url(3)].get_as_opinions()[0]
    assert opinion.category == SignalOpinionCategory.POSITIVE_CLASS
    assert {"kind:job", "band:high", "tlp:amber"} <= opinion.tags
    contacts = signals(store, collab, tx.AdwatchContactHmacSignal)
    expected = {contact_hash(e) for n in (1, 2, 3) for e in CONTACTS[n]}
    assert set(contacts) == expected
    assert contacts[contact_hash(SHARED_PHONE)].advert_ids == {ids[0], ids[1]}
    assert not any("0600" in s or "example.org" in s for s in contacts)  # keyed hashes only

    dismissed = {"decision": "dismissed", "note": "licensed agency after all"}
    r = analysts.post(f"/api/v1/adverts/{ids[0]}/decision", json=dismissed, headers=h(keys.analyst))
    assert r.status_code == 201, r.text
    # a new process: the state and checkpoint come back from pytx's files
    resumed = cli_state.CliSimpleState(tx.AdwatchSignalExchangeAPI, tmp_path)
    assert pytx_fetch(api, resumed, collab) == [1]  # only the retraction is new
    assert sorted(signals(resumed, collab, URLSignal)) == [url(2), url(3)]
    contacts = signals(resumed, collab, tx.AdwatchContactHmacSignal)
    assert contact_hash(CONTACTS[1][1]) not in contacts  # only in the retracted advert
    assert contacts[contact_hash(SHARED_PHONE)].advert_ids == {ids[1]}  # still confirmed


def test_opinion_goes_back_to_adwatch(
    env: Any, conn: psycopg.Connection[Any], tmp_path: Path
) -> None:
    analysts, keys, ids, base_url = env
    confirm(analysts, keys, ids[2])
    collab = tx.AdwatchCollabConfig(name="adwatch-demo", base_url=base_url)
    api = tx.AdwatchSignalExchangeAPI.for_collab(collab, tx.AdwatchCredentials(keys.partner))
    store = cli_state.CliSimpleState(tx.AdwatchSignalExchangeAPI, tmp_path)
    pytx_fetch(api, store, collab)
    meta = signals(store, collab, URLSignal)[url(3)]
    opinion = meta.get_as_opinions()[0]
    opinion.category = SignalOpinionCategory.NEGATIVE_CLASS
    opinion.tags = {"not-trafficking"}
    api.report_opinion(URLSignal, url(3), opinion)
    (stored,) = feed.opinions(conn, ids[2])
    assert (stored.partner, stored.opinion, stored.comment) == (
        "ISP One",
        "negative",
        "not-trafficking",
    )
    with pytest.raises(ValueError, match="AdwatchOpinion"):
        api.report_opinion(URLSignal, url(3), tx.state.SignalOpinion.get_trivial())


def test_refusals_are_clear_errors(env: Any) -> None:
    _, keys, _, base_url = env
    collab = tx.AdwatchCollabConfig(name="adwatch-demo", base_url=base_url)
    wrong = tx.AdwatchSignalExchangeAPI.for_collab(collab, tx.AdwatchCredentials("adw_wrong"))
    with pytest.raises(tx.AdwatchError, match="HTTP 401"):
        list(wrong.fetch_iter(SIGNAL_TYPES, None))
    analyst = tx.AdwatchSignalExchangeAPI.for_collab(collab, tx.AdwatchCredentials(keys.analyst))
    with pytest.raises(tx.AdwatchError, match="HTTP 403"):
        list(analyst.fetch_iter(SIGNAL_TYPES, None))


def test_contact_signal_type_accepts_only_keyed_hashes() -> None:
    signal = tx.AdwatchContactHmacSignal
    assert signal.validate_signal_str(" " + "AB" * 32 + " ") == "ab" * 32
    for bad in ("", "+37360000111", "ab" * 31, "zz" * 32):
        with pytest.raises(ValueError):
            signal.validate_signal_str(bad)
    # what `threatexchange config extensions add share.threatexchange_api` loads
    manifest = ThreatExchangeExtensionManifest.load_from_module_name("share.threatexchange_api")
    assert manifest.signal_types == (signal,)
    assert [api.get_name() for api in manifest.apis] == ["adwatch"]


def test_photos_arrive_as_pytx_pdq_signals(
    env: Any, conn: psycopg.Connection[Any], tmp_path: Path
) -> None:
    """A confirmed advert's photos reach HMA as PdqSignal hashes, never as images."""
    analysts, keys, ids, base_url = env
    photo = pattern_jpeg(4)
    store_photo(conn, tmp_path, ids[3], photo)
    confirm(analysts, keys, ids[3])
    collab = tx.AdwatchCollabConfig(name="adwatch-demo", base_url=base_url)
    api = tx.AdwatchSignalExchangeAPI.for_collab(collab, tx.AdwatchCredentials(keys.partner))
    store = cli_state.CliSimpleState(tx.AdwatchSignalExchangeAPI, tmp_path / "state")
    pytx_fetch(api, store, collab, [*SIGNAL_TYPES, PdqSignal])
    photos = signals(store, collab, PdqSignal)
    assert list(photos) == [hash_image(photo)[0]]
    assert photos[hash_image(photo)[0]].advert_ids == {ids[3]}


def test_a_takedown_note_changes_no_signal(env: Any, tmp_path: Path) -> None:
    """The feed's taken_down items are not signals for pytx: the fetch loop reads past them
    and the confirmed advert's URL stays a signal."""
    analysts, keys, ids, base_url = env
    confirm(analysts, keys, ids[0])
    body = {"ticket_ref": "T-1"}
    r = analysts.post(f"/api/v1/adverts/{ids[0]}/takedown", json=body, headers=h(keys.partner))
    assert r.status_code == 201, r.text
    collab = tx.AdwatchCollabConfig(name="adwatch-demo", base_url=base_url, page_size=2)
    api = tx.AdwatchSignalExchangeAPI.for_collab(collab, tx.AdwatchCredentials(keys.partner))
    store = cli_state.CliSimpleState(tx.AdwatchSignalExchangeAPI, tmp_path)
    assert pytx_fetch(api, store, collab) == [1]  # the confirmation; the note is skipped
    assert sorted(signals(store, collab, URLSignal)) == [url(1)]
