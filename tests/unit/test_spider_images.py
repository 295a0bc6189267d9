"""The spider's image book-keeping: one request per distinct image URL in a run, every advert
showing it gets the item, refusals are one run-log line, and a shard answering another
shard's request still links the image to the advert that asked."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response

from crawlers.items import CapturedImage, PageError
from crawlers.options import ImageOptions
from crawlers.profiles import load_profile
from crawlers.spiders.adverts import AdvertSpider
from crawlers.spiders.images import IMAGE_URL, ImageCapture
from tests.image_support import pattern_jpeg


def spider(tmp_path: Path, per_advert: int = 10) -> AdvertSpider:
    made = AdvertSpider(load_profile("demo-bridal"))
    made.image_capture = ImageCapture(ImageOptions(directory=tmp_path, per_advert=per_advert))
    return made


def answer(request: scrapy.Request, body: bytes, content_type: str = "image/jpeg") -> list[Any]:
    response = Response(
        request.url, body=body, headers={"Content-Type": content_type}, request=request
    )

    items: list[Any] = asyncio.run(request.callback(response))  # type: ignore[misc]
    return items


def test_one_request_per_image_url_and_every_advert_gets_the_image(tmp_path: Path) -> None:
    advert = spider(tmp_path)
    first = list(advert.image_requests("https://x/ad/1", ["https://x/a.jpg", "https://x/b.jpg"]))
    second = list(advert.image_requests("https://x/ad/2", ["https://x/a.jpg"]))
    assert [r.url for r in first] == ["https://x/a.jpg", "https://x/b.jpg"] and second == []
    assert first[0].meta["allow_offsite"] is True  # a CDN's photos; the address policy judges
    items = answer(first[0], pattern_jpeg(1))
    assert [(i.advert_url, i.position) for i in items] == [
        ("https://x/ad/1", 0),
        ("https://x/ad/2", 0),
    ]
    assert items[0].image.sha256 == items[1].image.sha256
    assert (tmp_path / items[0].image.storage_key).read_bytes() == pattern_jpeg(1)
    # an advert met after the answer takes it without a request
    later = list(advert.image_requests("https://x/ad/3", ["https://x/c.jpg", "https://x/a.jpg"]))
    assert [type(x) for x in later] == [scrapy.Request, CapturedImage]
    assert later[1].advert_url == "https://x/ad/3" and later[1].position == 1


def test_a_refused_image_is_one_log_line_and_no_advert_gets_it(tmp_path: Path) -> None:
    advert = spider(tmp_path)
    (request,) = advert.image_requests("https://x/ad/1", ["https://x/empty.jpg"])
    assert list(advert.image_requests("https://x/ad/2", ["https://x/empty.jpg"])) == []
    assert answer(request, b"") == [
        PageError("https://x/empty.jpg", "image skipped: empty image (0 bytes)")
    ]
    assert list(advert.image_requests("https://x/ad/3", ["https://x/empty.jpg"])) == []
    assert list(tmp_path.rglob("*")) == []


def test_another_shards_request_links_the_advert_that_asked(tmp_path: Path) -> None:
    asking, answering = spider(tmp_path), spider(tmp_path)
    (request,) = asking.image_requests("https://x/ad/1", ["https://x/a.jpg"])
    request = request.replace(callback=answering.parse_image, errback=answering.on_image_error)
    assert request.meta[IMAGE_URL] == "https://x/a.jpg"
    (item,) = answer(request, pattern_jpeg(2))
    assert (item.advert_url, item.url, item.position) == ("https://x/ad/1", "https://x/a.jpg", 0)


def test_images_per_advert_are_capped_and_capture_can_be_off(tmp_path: Path) -> None:
    urls = [f"https://x/{n}.jpg" for n in range(5)]
    assert len(list(spider(tmp_path, per_advert=3).image_requests("https://x/ad/1", urls))) == 3
    off = AdvertSpider(load_profile("demo-bridal"))
    assert list(off.image_requests("https://x/ad/1", urls)) == []
