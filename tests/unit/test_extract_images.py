"""An advert's image URLs from profile selectors (src, srcset, lazy src, containers) and from
a JobPosting's image and logo: absolute, http(s) only, de-duplicated, bounded."""

from __future__ import annotations

import json

import pytest

from crawlers.extract.images import (
    MAX_IMAGE_URLS,
    largest_srcset_candidate,
    posting_image_urls,
    select_images,
)
from crawlers.extract.profile_extract import extract_with_profile
from crawlers.extract.text import parse_html
from crawlers.profiles import ProfileError, SiteProfile, load_profile

PAGE_URL = "https://brides.example.org/profile/7?lang=en"


@pytest.mark.parametrize(
    ("srcset", "largest"),
    [
        ("a.jpg 480w, b.jpg 1080w, c.jpg 800w", "b.jpg"),
        ("small.jpg 1x, big.jpg 2x", "big.jpg"),
        ("plain.jpg", "plain.jpg"),
        ("x.jpg 2x, y.jpg 300w", "y.jpg"),  # a width outranks a density
        ("https://cdn.example.org/i/w_100,h_100/p.jpg 100w, /p-big.jpg 900w", "/p-big.jpg"),
        ("  one.jpg, two.jpg 3x ,  ", "two.jpg"),
        ("one.jpg,two.jpg 3x", "one.jpg,two.jpg"),  # a comma inside a URL is part of it
        ("", None),
    ],
)
def test_the_largest_srcset_candidate_is_taken(srcset: str, largest: str | None) -> None:
    assert largest_srcset_candidate(srcset) == largest


GALLERY = """<html><head><base href="https://cdn.example.org/media/"></head><body>
<div class="gallery">
  <img src="p1-small.jpg" srcset="p1-small.jpg 320w, p1-large.jpg 1280w">
  <img data-src="/lazy/p2.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <picture><source srcset="p3.webp 1x, p3@2x.webp 2x"><img src="p3.jpg"></picture>
  <img src="p1-large.jpg#zoom">
  <img src="javascript:alert(1)"><img src="">
  <img src="ftp://files.example.org/p4.jpg">
</div></body></html>"""


def test_image_elements_give_srcset_lazy_and_picture_sources_resolved_against_base() -> None:
    root = parse_html(GALLERY)
    found = select_images(root, "css:div.gallery > img, div.gallery > picture", PAGE_URL)
    assert found == [
        "https://cdn.example.org/media/p1-large.jpg",
        "https://cdn.example.org/lazy/p2.jpg",
        "https://cdn.example.org/media/p3@2x.webp",
    ]


def test_attribute_strings_are_urls_or_srcsets() -> None:
    html = '<div><img src="/a.png"><img srcset="b.png 1x, c.png 2x"><img src="/a.png"></div>'
    root = parse_html(html)
    assert select_images(root, "css:img::attr(src)", PAGE_URL) == [
        "https://brides.example.org/a.png"
    ]
    assert select_images(root, "xpath://img/@srcset", PAGE_URL) == [
        "https://brides.example.org/profile/c.png"
    ]
    assert select_images(root, None, PAGE_URL) == []


def test_a_page_with_thousands_of_images_gives_a_bounded_list() -> None:
    html = "".join(f'<img src="/i/{n}.jpg">' for n in range(5000))
    found = select_images(parse_html(f"<html><body>{html}</body></html>"), "css:img", PAGE_URL)
    assert len(found) == MAX_IMAGE_URLS and found[0] == "https://brides.example.org/i/0.jpg"


def test_posting_image_and_logo_in_every_schema_org_shape() -> None:
    posting = {
        "@type": "JobPosting",
        "image": [
            "/job.jpg",
            {"@type": "ImageObject", "contentUrl": "https://c.example.org/2.png"},
        ],
        "hiringOrganization": [
            {"name": "A", "logo": {"@type": "ImageObject", "url": "/logo-a.png"}},
            {"name": "B", "logo": "/job.jpg", "image": 42},
            "not an organisation",
        ],
    }
    assert posting_image_urls(posting, PAGE_URL) == [
        "https://brides.example.org/job.jpg",
        "https://c.example.org/2.png",
        "https://brides.example.org/logo-a.png",
    ]
    assert posting_image_urls({"image": {"no": "url"}, "hiringOrganization": None}, PAGE_URL) == []


def test_a_structured_profile_puts_posting_images_first_then_selected_ones() -> None:
    posting = {
        "@type": "JobPosting",
        "title": "Seasonal kitchen help",
        "description": "Kitchen help for the summer season, contract and pay by law.",
        "image": "/posting.jpg",
        "hiringOrganization": {"name": "Example Works", "logo": "/logo.png"},
    }
    html = (
        f'<html><head><script type="application/ld+json">{json.dumps(posting)}</script></head>'
        '<body><img class="photo" src="/page.jpg"><img class="photo" src="/logo.png"></body></html>'
    )
    profile = load_profile("demo-jobs").model_copy(
        update={
            "fields": load_profile("demo-jobs").fields.model_copy(update={"images": "img.photo"})
        }
    )
    fields = extract_with_profile(html, PAGE_URL, profile)
    assert fields is not None
    assert fields.images == (
        "https://brides.example.org/posting.jpg",
        "https://brides.example.org/logo.png",
        "https://brides.example.org/page.jpg",
    )


def test_an_advert_without_images_has_none() -> None:
    html = "<html><body><h1 class='profile-name'>Ana</h1><section class='profile-text'>Hello."
    fields = extract_with_profile(
        html + "</section></body></html>", PAGE_URL, load_profile("demo-bridal")
    )
    assert fields is not None and fields.images == ()


def test_the_images_selector_is_validated_with_the_profile() -> None:
    data = load_profile("demo-bridal").model_dump()
    data["fields"]["images"] = "css:div.photos img::attr(src)"
    assert SiteProfile.model_validate(data).fields.images == "css:div.photos img::attr(src)"
    data["fields"]["images"] = "css:div[["
    with pytest.raises(ValueError, match="images"):
        SiteProfile.model_validate(data)
    assert issubclass(ProfileError, ValueError)
