"""The demo world's pictures: real image files, served where the pages point, reused
across sites with the edits the answer key records, and told apart by PDQ."""

from __future__ import annotations

import io
import json
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import parsel
import pytest
from PIL import Image

from bench.images_quality import evaluate
from demo.site import PROFILE_NAMES, SITE_NAMES, AnswerKey, DemoServer, DemoWorld, generate_world
from demo.site.images import EDITS, AdvertImage
from demo.site.images.encode import SERVED_SIZE, image_bytes

SITES_DIR = Path(__file__).resolve().parents[2] / "crawlers" / "sites"
_PIL_FORMAT = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}


@pytest.fixture(scope="module")
def world() -> DemoWorld:
    # the smallest world the generator allows: every special role, few adverts
    return generate_world(seed=3, job_adverts=16, bridal_adverts=12, escort_adverts=14)


@pytest.fixture(scope="module")
def server(world: DemoWorld) -> Iterator[DemoServer]:
    with DemoServer(world, ports={name: 0 for name in SITE_NAMES}) as running:
        yield running


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def images_selector(site: str) -> str:
    with (SITES_DIR / f"{PROFILE_NAMES[site]}.toml").open("rb") as handle:
        spec = tomllib.load(handle)["fields"]["images"]
    assert isinstance(spec, str) and spec.startswith("css:")
    return spec.removeprefix("css:")


def test_pictures_are_deterministic_image_files(world: DemoWorld) -> None:
    seen = {i for s in world.sites.values() for a in s.adverts for i in a.images}
    assert {i.fmt for i in seen} == {"jpeg", "png", "webp"}
    assert {i.kind for i in seen} == set(EDITS)
    one_of_each = {(i.kind, i.fmt, i.scale): i for i in sorted(seen, key=lambda i: i.path)}
    for image in one_of_each.values():
        data = image_bytes(image)
        picture = Image.open(io.BytesIO(data))
        assert picture.format == _PIL_FORMAT[image.fmt]
        width, height = picture.size
        if image.edit in ("original", "reencode", "watermark", "mirror"):
            assert (width, height) == (SERVED_SIZE[0] * image.scale, SERVED_SIZE[1] * image.scale)
        elif image.edit == "resize":
            assert width < SERVED_SIZE[0] * image.scale
        else:  # a crop keeps the scale and loses 5-10 % of the area
            full = SERVED_SIZE[0] * SERVED_SIZE[1] * image.scale**2
            assert 0.89 * full <= width * height < 0.96 * full
    again = generate_world(seed=3, job_adverts=16, bridal_adverts=12, escort_adverts=14)
    assert [a.images for a in again.site("bridal").adverts] == [
        a.images for a in world.site("bridal").adverts
    ]
    image_bytes.cache_clear()
    first = sorted(seen, key=lambda i: i.path)[0]
    assert image_bytes(first) == image_bytes(AdvertImage(**vars(first)))


def test_pages_point_at_served_pictures(server: DemoServer) -> None:
    key = server.answer_key(1)
    for site in SITE_NAMES:
        selector = images_selector(site)
        with_pictures = [a for a in key.sites[site].adverts if a.images]
        assert with_pictures, site
        for advert in with_pictures[:6]:
            _, _, page = fetch(advert.url)
            html = page.decode(advert.charset)
            found = parsel.Selector(text=html).css(selector).getall()
            base = key.sites[site].base_url
            assert [base + u for u in found] == [advert.images[0]]
            if site == "escort":
                assert f"{advert.images[1].removeprefix(base)} 2x" in html
            if site == "jobs" and advert.format in ("jsonld", "graph"):
                assert f'"image": "{advert.images[0]}"' in html
            if site == "jobs" and advert.format == "microdata":
                assert 'itemprop="image"' in html
            for url in advert.images:
                status, content_type, data = fetch(url)
                assert status == 200 and content_type.startswith("image/"), url
                assert Image.open(io.BytesIO(data)).format in ("JPEG", "PNG", "WEBP")
    status, _, _ = fetch(server.base_urls["bridal"] + "/media/0000000000000000.jpg")
    assert status == 404


def test_answer_key_records_shared_photos(server: DemoServer) -> None:
    key = server.answer_key(1)
    groups = key.image_groups
    assert any(len({u.site for u in uses}) >= 2 for uses in groups.values())
    for uses in groups.values():
        assert uses[0].edit == "original"
        for use in uses:
            assert use.image in key.advert(use.advert).images
    edits = {copy.edit for _, copy in key.image_pairs()}
    assert {"resize", "crop", "reencode", "watermark", "mirror"} <= edits
    # a photo taken from a bridal profile reappears under another name and number
    stolen = [uses for photo, uses in groups.items() if "stolen" in photo]
    assert stolen
    for uses in stolen:
        names = {key.advert(u.advert).name for u in uses}
        entities = [key.advert(u.advert).entities for u in uses]
        assert len(names) == 2 and not entities[0] & entities[-1]
    clusters = key.image_clusters()
    assert all(len(urls) >= 2 for urls in clusters.values())
    assert AnswerKey.from_json(key.to_json()) == key
    assert "image_groups" in json.loads(key.to_json())
    later = server.answer_key(2)
    listed = {a.url for a in later.adverts()}
    assert all(u.advert in listed for uses in later.image_groups.values() for u in uses)


def test_pdq_and_the_crop_signal_link_every_copy_and_nothing_else(world: DemoWorld) -> None:
    """bench/images_quality.py at the smallest world: the issue's quality targets hold, the
    crop target (a tenth of the area) with the crop signal beside PDQ."""
    result = evaluate([world])
    for edit in ("resize", "reencode", "watermark", "mirror (dihedral)"):
        found, total = result.recall[edit]
        assert total > 0 and found == total, (edit, result.worst)
    for edit in ("resize", "crop", "reencode", "watermark"):
        found, total = result.joint[edit]
        assert total > 0 and found == total, (edit, result.worst_joint)
    assert result.false_links == 0 and result.false_links_dihedral == 0
    assert result.false_links_crop == 0
    assert result.closest_different > 31 and result.closest_different_crop > 31
    assert result.min_quality >= 50
