"""Image capture in real crawls of a local site: kept images stored once per content and
linked to every advert showing them; a decompression bomb, a 0-byte image, an SVG, an
oversized image, a wrong content type and a redirect to a private address are each refused
with a reason in the run's log, and a second crawl stores nothing twice."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from crawlers.profiles import load_profile
from store.crawl_runs import CrawlRun
from store.image_files import images_root
from tests.e2e.hostile import Answer, Site, crawl, serving
from tests.image_support import SVG, bomb_png, flat_png, pattern_jpeg

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
MAX_BYTES = 100_000


def listing(*paths: str) -> Answer:
    cards = "".join(
        f'<div class="bride-card"><a class="bc-name" href="{p}">x</a></div>' for p in paths
    )
    return Answer(body=f"<html><body>{cards}</body></html>".encode())


def profile_page(name: str, photos: str) -> Answer:
    html = (
        f'<html><body><h1 class="profile-name">{name}</h1>'
        f'<section class="profile-text">{name} writes: I am looking for a kind man.</section>'
        f'<div class="photos">{photos}</div></body></html>'
    )
    return Answer(body=html.encode())


def image(data: bytes, content_type: str = "image/jpeg", *, send_length: bool = True) -> Answer:
    return Answer(body=data, headers={"Content-Type": content_type}, send_length=send_length)


@pytest.fixture
def private_server() -> Iterator[Site]:
    """Another local server: the crawled site's redirect points here and it must get nothing."""
    with serving({"/secret.jpg": image(pattern_jpeg(99))}) as site:
        yield site


def site_answers(private: Site) -> dict[str, Answer]:
    photo = pattern_jpeg(1)
    noise = os.urandom(MAX_BYTES + 1)
    return {
        "/": listing("/p/1", "/p/2", "/p/3"),
        "/p/1": profile_page(
            "Ana",
            '<img src="/img/a.jpg"><img srcset="/img/s-small.jpg 200w, /img/shared.jpg 900w">'
            '<img src="/img/bomb.png"><img src="/img/empty.jpg"><img src="/img/logo.svg">'
            '<img src="/img/big.jpg"><img src="/img/big-unannounced.jpg"><img src="/img/wrong">'
            '<img src="/img/redirect.jpg"><img src="data:image/gif;base64,R0lGOD">',
        ),
        "/p/2": profile_page(
            "Ana again",
            '<img src="/img/shared.jpg"><img src="/img/copy-of-a.jpg"><img src="/img/flat.png">',
        ),
        "/p/3": profile_page("Irina", ""),
        "/img/a.jpg": image(photo),
        "/img/copy-of-a.jpg": image(photo),  # the same bytes under another URL
        "/img/shared.jpg": image(pattern_jpeg(2, (640, 480))),
        "/img/flat.png": image(flat_png(), "image/png"),
        "/img/bomb.png": image(bomb_png(), "image/png"),
        "/img/empty.jpg": image(b""),
        "/img/logo.svg": image(SVG, "image/svg+xml"),
        "/img/big.jpg": image(noise),
        "/img/big-unannounced.jpg": image(noise, send_length=False),
        "/img/wrong": image(pattern_jpeg(3), "text/html"),
        "/img/redirect.jpg": Answer(302, b"", {"Location": private.base + "/secret.jpg"}),
    }


def crawl_with_images(site: Site) -> CrawlRun:
    fields = load_profile("demo-bridal").fields.model_copy(update={"images": "css:div.photos img"})
    return crawl(site, fields=fields)


def rows(db_url: str, sql: str) -> list[tuple[object, ...]]:
    with psycopg.connect(db_url) as conn:
        return conn.execute(sql).fetchall()


def test_images_are_captured_once_and_hostile_ones_refused_with_reasons(
    adwatch_env: str, private_server: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADWATCH_CRAWLER_IMAGE_MAX_BYTES", str(MAX_BYTES))
    from config.settings import get_settings

    get_settings.cache_clear()
    with serving(site_answers(private_server)) as site:
        run = crawl_with_images(site)
        assert run.status == "finished", run.error_log
        errors = {e["url"].removeprefix(site.base): e["error"] for e in run.error_log}
        assert site.requests.count("/img/shared.jpg") == 1  # fetched once for two adverts
        assert "/img/s-small.jpg" not in site.requests  # srcset: only the largest
        pages = [path for path in site.requests if not path.startswith("/img/")]
        assert run.pages == len(pages)  # images are no pages
        first = stored(adwatch_env)
        again = crawl_with_images(site)
        assert again.status == "finished"
        assert stored(adwatch_env) == first  # nothing duplicated
    assert private_server.requests == []
    secret = private_server.base + "/secret.jpg"
    assert errors == {
        "/img/bomb.png": errors["/img/bomb.png"],
        "/img/empty.jpg": "image skipped: empty image (0 bytes)",
        "/img/logo.svg": "image skipped: not an accepted image type (image/svg+xml)",
        "/img/big.jpg": f"image skipped: {MAX_BYTES + 1:,} bytes, over the {MAX_BYTES:,} limit",
        "/img/big-unannounced.jpg": f"image skipped: over the {MAX_BYTES:,} bytes limit",
        "/img/wrong": "image skipped: not an accepted image type (text/html)",
        "/img/redirect.jpg": (
            f"image not fetched: refused {secret}: 127.0.0.1 (loopback), a private address"
        ),
    }
    assert errors["/img/bomb.png"].startswith("image skipped: decompression bomb refused")
    links, files, queued = first
    assert links == [
        ("/p/1", "/img/a.jpg", 0, "a"),
        ("/p/1", "/img/shared.jpg", 1, "shared"),
        ("/p/2", "/img/copy-of-a.jpg", 1, "a"),
        ("/p/2", "/img/flat.png", 2, "flat"),
        ("/p/2", "/img/shared.jpg", 0, "shared"),
    ]
    assert files == 3 and queued == 2  # the flat picture is kept, never matched


def stored(db_url: str) -> tuple[list[tuple[str, str, int, str]], int, int]:
    """(advert path, image path, position, which image) links, files kept, images queued."""
    found = rows(
        db_url,
        """SELECT a.canonical_url, ai.url, ai.position, i.sha256, i.storage_key
           FROM advert_images ai JOIN adverts a ON a.id = ai.advert_id
           JOIN images i ON i.id = ai.image_id ORDER BY 1, 2""",
    )
    names = {"/img/a.jpg": "a", "/img/shared.jpg": "shared", "/img/flat.png": "flat"}
    which = {str(r[3]): names[path(r[1])] for r in found if path(r[1]) in names}
    links = [(path(r[0]), path(r[1]), int(str(r[2])), which[str(r[3])]) for r in found]
    root = images_root(Path(os.environ["ADWATCH_DATA_DIR"]))
    files = sum(1 for p in root.rglob("*") if p.is_file())
    assert all((root / str(r[4])).is_file() for r in found)
    queued = rows(db_url, "SELECT count(*) FROM image_link_queue")[0][0]
    return links, files, int(str(queued))


def path(url: object) -> str:
    return urlsplit(str(url)).path
