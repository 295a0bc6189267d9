"""Site profiles: loading/validation, extraction with selectors, listing links."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawlers import profiles
from crawlers.extract.decoding import decode_body
from crawlers.profiles import (
    ProfileError,
    SiteProfile,
    extract_with_profile,
    list_profiles,
    listing_links,
    load_profile,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"

BRIDAL_TOML = """
name = "test-bridal"
kind = "bridal"
country = "MD"
start_urls = ["http://127.0.0.1:8802/brides/"]
schedule = "30 */6 * * *"
remove_after_missing_runs = 3
allow_private = true

[links]
advert = "css:a.profile-link::attr(href)"
next_page = "css:a[rel=next]::attr(href)"

[fields]
title = "css:h1.name::text"
body = "css:div.about"
posted = "css:time.posted::attr(datetime)"
location = "xpath://span[@class='city']/text()"
employer = "css:.agency-name::text"
licence = "css:.licence::text"
contact = "css:.contact"
"""

ESCORT_TOML = """
name = "test-escort"
kind = "escort"
country = "UA"
start_urls = ["https://escort.example.org/girls/"]

[links]
advert = "css:.card a.more"

[fields]
title = "h2.girl-name::text"
body = "xpath://section[@class='descr']"
location = "css:.loc::text"
pay = "css:li.price"
contact = "css:p.tel"
"""


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def make_profile(**overrides: object) -> SiteProfile:
    data: dict[str, object] = {
        "name": "test-site",
        "kind": "job",
        "start_urls": ["https://jobs.example.md/"],
        "links": {"advert": "css:a.job::attr(href)"},
        "fields": {"title": "css:h1", "body": "css:div.about"},
    }
    data.update(overrides)
    return SiteProfile.model_validate(data)


@pytest.fixture
def bridal(tmp_path: Path) -> SiteProfile:
    return load_profile(str(write(tmp_path, "test-bridal.toml", BRIDAL_TOML)))


@pytest.fixture
def escort(tmp_path: Path) -> SiteProfile:
    return load_profile(str(write(tmp_path, "test-escort.toml", ESCORT_TOML)))


# --------------------------------------------------------------------------- loading


def test_load_from_path(bridal: SiteProfile) -> None:
    assert bridal.name == "test-bridal"
    assert bridal.kind == "bridal"
    assert bridal.country == "MD"
    assert bridal.start_urls == ["http://127.0.0.1:8802/brides/"]
    assert bridal.schedule == "30 */6 * * *"
    assert bridal.remove_after_missing_runs == 3
    assert bridal.allow_private is True
    assert bridal.structured is False
    assert bridal.links.next_page == "css:a[rel=next]::attr(href)"
    assert bridal.fields.contact == "css:.contact"


def test_defaults(escort: SiteProfile) -> None:
    assert escort.schedule == "0 */6 * * *"
    assert escort.remove_after_missing_runs == 2
    assert escort.allow_private is False
    assert escort.links.next_page is None
    assert escort.fields.posted is None


def test_load_by_name_from_sites_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "test-bridal.toml", BRIDAL_TOML)
    write(tmp_path, "test-escort.toml", ESCORT_TOML)
    monkeypatch.setattr(profiles, "sites_dir", lambda: tmp_path)
    assert load_profile("test-bridal").kind == "bridal"
    with pytest.raises(
        ProfileError, match=r"no site profile named 'nope'.*test-bridal, test-escort"
    ):
        load_profile("nope")
    with pytest.raises(ProfileError, match="neither a profile name"):
        load_profile("Bad Name!")
    write(tmp_path, "other-name.toml", BRIDAL_TOML)
    with pytest.raises(ProfileError, match="does not match the file name 'other-name'"):
        load_profile("other-name")


def test_list_profiles(tmp_path: Path) -> None:
    write(tmp_path, "test-escort.toml", ESCORT_TOML)
    write(tmp_path, "test-bridal.toml", BRIDAL_TOML)
    write(tmp_path, "notes.txt", "not a profile")
    assert [p.name for p in list_profiles(tmp_path)] == ["test-bridal", "test-escort"]
    assert list_profiles(tmp_path / "missing") == []
    write(tmp_path, "zz-broken.toml", "name = ")
    with pytest.raises(ProfileError, match=r"zz-broken\.toml"):
        list_profiles(tmp_path)


def test_packaged_profiles_are_valid() -> None:
    for profile in list_profiles():
        assert isinstance(profile, SiteProfile)
        assert load_profile(profile.name) == profile


def test_json_round_trip(bridal: SiteProfile) -> None:
    """The crawler hands profiles to its child process as JSON."""
    dumped = json.loads(json.dumps(bridal.model_dump(mode="json")))
    assert SiteProfile.model_validate(dumped) == bridal


@pytest.mark.parametrize(
    ("replace", "expected"),
    [
        (('name = "test-bridal"', 'name = "Test_Bridal"'), r"name: name 'Test_Bridal' must match"),
        (('kind = "bridal"', 'kind = "dating"'), r"kind: Input should be 'job', 'bridal' or"),
        (("[fields]", "[fields]\nsalary = 'css:.pay'"), r"fields\.salary: unknown key"),
        (("allow_private = true", "allow_privat = true"), r"allow_privat: unknown key"),
        (('title = "css:h1.name::text"\n', ""), r"fields\.title required unless structured"),
        (('schedule = "30 */6 * * *"', 'schedule = "*/5 * * *"'), r"schedule: .*5 fields"),
        (('schedule = "30 */6 * * *"', 'schedule = "61 * * * *"'), r"minute field: 61 is outside"),
        (('schedule = "30 */6 * * *"', 'schedule = "0 0 * * mon-xyz"'), r"day of week"),
        (
            ('next_page = "css:a[rel=next]::attr(href)"', 'next_page = "css: "'),
            r"links\.next_page: empty CSS",
        ),
        (("a.profile-link", "a[[["), r"links\.advert: invalid CSS selector"),
        (("css:.contact", "xpath://div[@"), r"fields\.contact: invalid XPath"),
        (('start_urls = ["http://127.0.0.1:8802/brides/"]', "start_urls = []"), r"start_urls"),
        (('"http://127.0.0.1:8802/brides/"', '"ftp://example.org/"'), r"start_urls\[0\]"),
        (('country = "MD"', 'country = "XX"'), r"country: .*not an ISO"),
        (("remove_after_missing_runs = 3", "remove_after_missing_runs = 0"), r"remove_after"),
        (("allow_private = true", 'allow_private = "yes"'), r"allow_private: Input should be"),
        (("[links]", "[linkz]"), r"linkz: unknown key"),
        (('kind = "bridal"', "kind = "), r"invalid TOML"),
        (("[links]", "[traps]\nmax_links_per_page = 0\n\n[links]"), r"traps\.max_links_per"),
        (("[links]", "[traps]\nmax_linkz = 10\n\n[links]"), r"traps\.max_linkz: unknown key"),
    ],
)
def test_validation_errors_name_file_and_key(
    tmp_path: Path, replace: tuple[str, str], expected: str
) -> None:
    old, new = replace
    assert old in BRIDAL_TOML
    path = write(tmp_path, "test-bridal.toml", BRIDAL_TOML.replace(old, new, 1))
    with pytest.raises(ProfileError, match=expected) as info:
        load_profile(str(path))
    assert str(path) in str(info.value)


def test_images_selector_is_an_optional_field(tmp_path: Path) -> None:
    """The image capture reads ``fields.images``; a profile may name it, and a bad one fails."""
    assert load_profile(str(write(tmp_path, "test-bridal.toml", BRIDAL_TOML))).fields.images is None
    spec = "css:img.profile-photo::attr(src)"
    text = BRIDAL_TOML.replace("[fields]", f"[fields]\nimages = '{spec}'", 1)
    assert load_profile(str(write(tmp_path, "test-bridal.toml", text))).fields.images == spec
    broken = BRIDAL_TOML.replace("[fields]", "[fields]\nimages = 'css:img[[['", 1)
    with pytest.raises(ProfileError, match=r"fields\.images: invalid CSS selector"):
        load_profile(str(write(tmp_path, "test-bridal.toml", broken)))


def test_structured_profiles_need_no_title_body_or_links() -> None:
    profile = make_profile(structured=True, fields={})
    assert profile.fields.title is None
    with pytest.raises(ValueError, match=r"fields\.title and fields\.body required"):
        make_profile(fields={})
    # The zero-configuration profile `adwatch crawl --url` builds.
    adhoc = SiteProfile.model_validate(
        {
            "name": "jobs-example-org",
            "kind": "job",
            "start_urls": ["https://jobs.example.org/"],
            "structured": True,
        }
    )
    assert adhoc.links.advert is None and adhoc.links.next_page is None
    with pytest.raises(ValueError, match=r"links\.advert required unless structured"):
        make_profile(links={})


@pytest.mark.parametrize(
    "cron",
    ["* * * * *", "0 */6 * * *", "5,35 8-18/2 1-15 jan-jun mon-fri", "0 0 1 12 0", "0 0 * * 7"],
)
def test_valid_cron_expressions(cron: str) -> None:
    assert make_profile(schedule=cron).schedule == cron


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="cannot read site profile"):
        load_profile(str(tmp_path / "missing.toml"))


# --------------------------------------------------------------------------- extraction


def test_bridal_profile_page(bridal: SiteProfile) -> None:
    url = "http://127.0.0.1:8802/brides/olga-24.html"
    fields = extract_with_profile(fixture("bridal_profile.html"), url, bridal)
    assert fields is not None
    assert fields.kind == "bridal"
    assert fields.title == "Olga, 24, Chisinau"
    assert fields.body == (
        "I am a kind and cheerful girl looking for a serious man from Europe.\n"
        "Our agency arranges the visa and pays the travel. The wedding can be within three months."
    )
    assert fields.posted_at == datetime(2024, 5, 20, 12, tzinfo=UTC)
    assert fields.location == "Chisinau, Moldova"
    assert fields.employer == "Example Hearts Agency"
    assert fields.licence_number == "Licence no. 0000123"
    assert fields.pay is None
    assert fields.language == "en"
    assert [(e.kind, e.value) for e in fields.entities] == [
        ("email", "olga.hearts@example.org"),
        ("handle", "viber:+37360000124"),
        ("phone", "+37360000124"),
        ("handle", "telegram:example_hearts"),
    ]
    text = f"{fields.title}\n{fields.body}\n"
    contact_start = len(text)
    for e in fields.entities:
        assert e.start >= contact_start  # all contact details are in the contact block


def test_escort_profile_page(escort: SiteProfile) -> None:
    url = "https://escort.example.org/girls/vika"
    fields = extract_with_profile(fixture("escort_profile.html"), url, escort)
    assert fields is not None
    assert fields.kind == "escort"
    assert fields.title == "Вика, 21"
    assert fields.body.startswith("Новенькая в городе, только приехала.")
    assert fields.location == "Одесса"
    assert fields.pay == "100 USD/час"
    assert fields.language == "ru"
    found = [(e.kind, e.value) for e in fields.entities]
    assert found == [
        ("phone", "+37360000125"),
        ("handle", "telegram:vika_new21"),
        # from the wa.me link behind "написать" (contact links are scanned too)
        ("handle", "whatsapp:+37360000126"),
        ("url", "https://wa.me/37360000126"),
        ("phone", "+37360000126"),
    ]
    spoken = next(e for e in fields.entities if e.value == "+37360000125")
    assert spoken.raw == "ноль шесть ноль ноль, ноль ноль 1 2 5"
    full = f"{fields.title}\n{fields.body}\n"
    assert full[spoken.start : spoken.end] == spoken.raw


def test_script_in_title_and_h1() -> None:
    html = fixture("script_title.html")
    by_title = make_profile(fields={"title": "css:title::text", "body": "css:div.about"})
    fields = extract_with_profile(html, "https://jobs.example.md/1", by_title)
    assert fields is not None
    assert "alert" not in fields.title
    assert fields.title == "Cleaner wanted <script>not-markup</script>"  # escaped text stays
    assert "injected" not in fields.body and "color" not in fields.body
    assert "template text" not in fields.body and "enable javascript" not in fields.body
    assert ("phone", "+37360000123") in [(e.kind, e.value) for e in fields.entities]

    by_h1 = make_profile(fields={"title": "css:h1.title", "body": "css:div.about"})
    fields = extract_with_profile(html, "https://jobs.example.md/1", by_h1)
    assert fields is not None
    assert fields.title == "Cleaner wanted <b>today</b>"


def test_windows_1251_page() -> None:
    profile = make_profile(
        country="RU", fields={"title": "css:h1.title::text", "body": "css:div.text"}
    )
    html = decode_body((FIXTURES / "ru_cp1251.html").read_bytes(), "text/html")
    fields = extract_with_profile(html, "https://rabota.example.org/1", profile)
    assert fields is not None
    assert fields.title == "Работа в Польше для девушек"
    assert fields.language == "ru"
    assert {(e.kind, e.value) for e in fields.entities} == {
        ("phone", "+37360000127"),
        ("email", "rabota@example.org"),
    }


def test_missing_title_or_body_gives_none(bridal: SiteProfile) -> None:
    html = fixture("bridal_profile.html")
    url = "http://127.0.0.1:8802/brides/x"
    assert extract_with_profile(html.replace('class="name"', 'class="x"'), url, bridal) is None
    assert extract_with_profile(html.replace('class="about"', 'class="x"'), url, bridal) is None
    assert extract_with_profile("", url, bridal) is None
    assert (
        extract_with_profile("<html><body><h1 class='name'> </h1></body></html>", url, bridal)
        is None
    )


def test_structured_profile_prefers_json_ld() -> None:
    profile = make_profile(
        structured=True, fields={"contact": "css:.contact", "location": "css:.city::text"}
    )
    html = fixture("job_jsonld.html").replace(
        "</body>", '<p class="contact">Viber +373 600 00 128</p><span class="city">X</span></body>'
    )
    fields = extract_with_profile(html, "https://jobs.example.md/job/17", profile)
    assert fields is not None
    assert fields.title == "Kitchen assistant & dishwasher"
    assert fields.pay == "1200-1500 EUR/MONTH"
    assert fields.location == "Milan, Lombardy, IT"  # structured data wins over the selector
    values = [e.value for e in fields.entities]
    assert "viber:+37360000128" in values and "hr@example.org" in values


def test_structured_profile_falls_back_to_selectors() -> None:
    profile = make_profile(structured=True)
    html = "<html><body><h1>Cook</h1><div class='about'>Cooking in Bucharest</div></body></html>"
    fields = extract_with_profile(html, "https://jobs.example.md/2", profile)
    assert fields is not None and fields.title == "Cook"
    bare = make_profile(structured=True, fields={})
    assert extract_with_profile(html, "https://jobs.example.md/2", bare) is None


def test_large_description_page() -> None:
    paragraph = (
        "<p>We offer work in a hotel in Milan: cleaning rooms, laundry and kitchen help. "
        "Salary 1200-1500 EUR per month, accommodation provided, 5 days a week. "
        "Starting from 01.06.2024, shifts 8:00-16:00.</p>\n"
    )
    body = paragraph * (200_000 // len(paragraph) + 1)
    html = (
        "<html><head><title>Big</title></head><body><h1 class='t'>Hotel staff</h1>"
        f"<div class='d'>{body}<p>Contact: zero six zero zero zero zero one nine nine</p></div>"
        "</body></html>"
    )
    assert len(html) > 200_000
    profile = make_profile(fields={"title": "css:h1.t::text", "body": "css:div.d"})
    fields = extract_with_profile(html, "https://jobs.example.md/big", profile)
    assert fields is not None
    assert len(fields.body) > 190_000
    assert fields.language == "en"
    assert [e.value for e in fields.entities] == ["+37360000199"]


# --------------------------------------------------------------------------- listing links


def test_listing_links(bridal: SiteProfile) -> None:
    html = fixture("bridal_listing.html")
    adverts, next_pages = listing_links(html, "http://127.0.0.1:8802/brides/?page=1", bridal)
    assert adverts == [
        "http://127.0.0.1:8802/brides/olga-24.html",
        "http://127.0.0.1:8802/brides/ana-22.html",
        "https://other.example.org/brides/irina",
    ]
    assert next_pages == ["http://127.0.0.1:8802/brides/?page=2"]


def test_listing_links_from_elements(escort: SiteProfile) -> None:
    html = (
        "<div class='card'><a class='more' href='/girls/vika'>Vika</a></div>"
        "<div class='card'><a class='more' href='anna?x=1#top'>Anna</a></div>"
    )
    adverts, next_pages = listing_links(html, "https://escort.example.org/girls/", escort)
    assert adverts == [
        "https://escort.example.org/girls/vika",
        "https://escort.example.org/girls/anna?x=1",
    ]
    assert next_pages == []
    assert listing_links("", "https://escort.example.org/", escort) == ([], [])


def test_a_site_sets_its_own_trap_limits(tmp_path: Path) -> None:
    """``[traps]`` overrides the deployment's trap limits for this site only; keys left out keep
    the defaults, and the crawl's Scrapy settings carry the result."""
    from crawlers.options import CrawlOptions, TrapLimits
    from crawlers.settings import scrapy_settings
    from crawlers.traps import TRAP_LIMITS

    text = BRIDAL_TOML.replace(
        "[links]",
        "[traps]\nmax_values_per_parameter = 20000\nnear_duplicate_share = 0.2\n\n[links]",
    )
    profile = load_profile(str(write(tmp_path, "test-bridal.toml", text)))
    assert profile.traps.overrides() == {
        "max_values_per_parameter": 20000,
        "near_duplicate_share": 0.2,
    }
    options = CrawlOptions("adwatch-test", 0.0, 100, None, False)
    limits = scrapy_settings(options, traps=profile.traps.overrides())[TRAP_LIMITS]
    expected = TrapLimits(max_values_per_parameter=20000, near_duplicate_share=0.2)
    assert limits == expected
    assert scrapy_settings(options)[TRAP_LIMITS] == TrapLimits()
