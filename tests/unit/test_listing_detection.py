"""Zero-config listing detection by content, on saved pages: ItemLists of postings (JSON-LD,
microdata), breadcrumbs and product lists that are none, and links to recognised adverts."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.extract.listings import MAX_LISTED, ItemListing, item_listing
from crawlers.extract.text import parse_html
from crawlers.profiles import load_profile
from crawlers.zero_config import ListingBook, PageRead, read_page

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "listings"
BASE = "https://jobs.example.org/jobs"


def listing_of(name: str, url: str = BASE) -> ItemListing | None:
    html = (PAGES / name).read_text(encoding="utf-8")
    return item_listing(parse_html(html), url, microdata="itemscope" in html)


def test_an_itemlist_of_urls_is_a_listing_of_those_urls() -> None:
    listing = listing_of("itemlist_summary_jsonld.html")
    assert listing == ItemListing(
        urls=(
            "https://jobs.example.org/jobs/101-forklift-driver",
            "https://jobs.example.org/jobs/102-picker",
            "https://jobs.example.org/jobs/103-packer",
        ),
        postings=3,
        advert_too=False,
    )


def test_an_itemlist_of_jobpostings_in_a_graph_is_a_listing() -> None:
    listing = listing_of("itemlist_postings_jsonld.html", "https://stellen.example.de/")
    assert listing is not None
    assert listing.urls == (
        "https://stellen.example.de/angebot/7781",
        "https://stellen.example.de/angebot/7782",
    )
    assert (listing.postings, listing.advert_too) == (2, False)


def test_a_microdata_itemlist_is_a_listing() -> None:
    listing = listing_of("itemlist_microdata.html", "https://emploi.example.fr/offres")
    assert listing is not None
    assert listing.urls == (
        "https://emploi.example.fr/offres/55-serveur",
        "https://emploi.example.fr/offres/56-plongeur",
    )


@pytest.mark.parametrize("name", ["advert_with_breadcrumbs.html", "itemlist_products.html"])
def test_breadcrumbs_and_product_lists_are_no_listings(name: str) -> None:
    assert listing_of(name) is None


def test_an_advert_with_similar_jobs_is_both() -> None:
    listing = listing_of("advert_with_similar_jobs.html")
    assert listing is not None
    assert (listing.urls, listing.advert_too) == (
        ("https://jobs.example.org/jobs/12-day-cleaner",),
        True,
    )


def test_a_hostile_itemlist_keeps_at_most_max_listed_urls() -> None:
    elements = ",".join(f'"/jobs/{n}"' for n in range(MAX_LISTED + 500))
    html = (
        '<html><head><script type="application/ld+json">{"@type": "ItemList", '
        f'"itemListElement": [{elements}, "javascript:alert(1)"]}}</script></head></html>'
    )
    listing = item_listing(parse_html(html), BASE, microdata=False)
    assert listing is not None
    assert len(listing.urls) == MAX_LISTED
    assert all(url.startswith("https://jobs.example.org/jobs/") for url in listing.urls)


# -- a page as the extraction worker reads it -------------------------------------------------
PROFILE = load_profile("demo-jobs").model_copy(update={"links": None})


def read(name: str, url: str) -> PageRead:
    return read_page((PAGES / name).read_bytes(), "text/html; charset=utf-8", url, PROFILE)


def test_a_pure_listing_is_read_as_no_advert_with_its_listed_urls() -> None:
    page = read("itemlist_postings_jsonld.html", "https://stellen.example.de/")
    assert page.fields is None  # its postings are the listed adverts', not the page's
    assert page.item_list
    assert page.listed == (
        "https://stellen.example.de/angebot/7781",
        "https://stellen.example.de/angebot/7782",
    )


def test_a_listing_page_is_read_with_its_links() -> None:
    page = read("itemlist_summary_jsonld.html", BASE)
    assert page.item_list and page.fields is None
    assert "https://jobs.example.org/jobs?page=2" in page.links


def test_an_advert_with_similar_jobs_is_stored_as_its_own_posting() -> None:
    page = read("advert_with_similar_jobs.html", f"{BASE}/11-night-cleaner")
    assert page.item_list
    assert page.fields is not None and page.fields.title == "Night cleaner"


def test_an_advert_with_breadcrumbs_is_an_advert_and_no_listing() -> None:
    page = read("advert_with_breadcrumbs.html", "https://orchards.example.com/jobs/picker")
    assert not page.item_list
    assert page.fields is not None and page.fields.title == "Seasonal fruit picker"


def test_links_to_three_recognised_adverts_make_a_listing() -> None:
    book = ListingBook()
    for _ in range(2):
        book.advert_recognised(f"{BASE}?page=1")
    book.advert_recognised(None)  # from a sitemap or a start page: no page links it
    assert not book.found
    book.advert_recognised(f"{BASE}?page=1")
    assert book.listings == {f"{BASE}?page=1"}
