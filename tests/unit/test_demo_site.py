"""The bundled demo sites: generator, answer key, HTTP server and site profiles.

The served pages are read back over HTTP with the standard library and parsel (no
adwatch extraction code), so these tests pin the demo world itself: whatever a page
shows, the answer key must say.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import lxml.html
import parsel
import phonenumbers
import pytest

from demo.site import (
    DEFAULT_PORTS,
    PROFILE_NAMES,
    SITE_NAMES,
    AnswerKey,
    DemoServer,
    DemoWorld,
    ExpectedAdvert,
    SiteKey,
    build_answer_key,
    generate_world,
)
from demo.site.contacts import FICTIONAL_EMAIL_DOMAINS, FICTIONAL_PHONE_RE
from demo.site.render import render

SITES_DIR = Path(__file__).resolve().parents[2] / "crawlers" / "sites"
ANY_PORT = {name: 0 for name in SITE_NAMES}
DEFAULT_BASES = {name: f"http://127.0.0.1:{port}" for name, port in DEFAULT_PORTS.items()}


# --------------------------------------------------------------------------- helpers

_SKIP = {"script", "style", "noscript", "template", "head", "meta", "link"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "table", "section", "article", "aside", "header", "footer", "nav", "main", "blockquote",
}  # fmt: skip


def collapse(text: str | None) -> str:
    return " ".join((text or "").split())


def element_text(element: Any) -> str:
    """Visible text of an element, blocks separated, whitespace collapsed."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIP:
            return
        block = node.tag in _BLOCK
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(element)
    return collapse("".join(parts))


def select(html: str, spec: str | None) -> list[str]:
    """A profile selector ("css:..." / "xpath:..."), strings or element text."""
    if spec is None:
        return []
    kind, expression = "css", spec
    for prefix in ("css:", "xpath:"):
        if spec.startswith(prefix):
            kind, expression = prefix[:-1], spec[len(prefix) :]
    selector = parsel.Selector(text=html)
    found = selector.css(expression) if kind == "css" else selector.xpath(expression)
    return [r.root if isinstance(r.root, str) else element_text(r.root) for r in found]


def field(html: str, spec: str | None) -> str | None:
    values = [collapse(v) for v in select(html, spec)]
    joined = " ".join(v for v in values if v)
    return joined or None


def canonical(url: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")]
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path, urlencode(query), ""))


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": "adwatch-tests"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def charset_of(headers: dict[str, str]) -> str:
    match = re.search(r"charset=([\w-]+)", headers.get("Content-Type", ""))
    assert match, f"no charset in Content-Type {headers.get('Content-Type')!r}"
    return match.group(1)


def fetch_text(url: str) -> tuple[int, dict[str, str], str]:
    status, headers, body = fetch(url)
    return status, headers, body.decode(charset_of(headers))


def profile(site: str) -> dict[str, Any]:
    with (SITES_DIR / f"{PROFILE_NAMES[site]}.toml").open("rb") as handle:
        return tomllib.load(handle)


def rebase(url: str, base: str) -> str:
    parts = urlsplit(url)
    return base + parts.path + (f"?{parts.query}" if parts.query else "")


def json_ld_blocks(html: str) -> list[str]:
    return parsel.Selector(text=html).xpath("//script[@type='application/ld+json']/text()").getall()


def job_posting(html: str) -> dict[str, Any]:
    (raw,) = json_ld_blocks(html)
    data = json.loads(raw)
    if "@graph" in data:
        (data,) = [node for node in data["@graph"] if node.get("@type") == "JobPosting"]
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def world() -> DemoWorld:
    return generate_world(seed=7)


@pytest.fixture(scope="module")
def server(world: DemoWorld) -> Iterator[DemoServer]:
    with DemoServer(world, ports=ANY_PORT) as running:
        yield running


@pytest.fixture()
def round_two(server: DemoServer) -> Iterator[DemoServer]:
    server.set_round(2)
    try:
        yield server
    finally:
        server.set_round(1)


def crawl(server: DemoServer, site: str, key: SiteKey) -> tuple[list[str], set[str]]:
    """Follow the profile's listing links the way a polite crawler does.

    Returns (raw advert links in the order found, canonical advert links allowed by
    robots.txt). Disallowed links are never fetched.
    """
    conf = profile(site)
    base = server.base_urls[site]
    robots = RobotFileParser()
    status, _, text = fetch_text(base + "/robots.txt")
    assert status == 200
    robots.parse(text.splitlines())
    queue = [rebase(u, base) for u in conf["start_urls"]]
    seen_pages: set[str] = set()
    raw_links: list[str] = []
    while queue:
        page = queue.pop(0)
        if page in seen_pages:
            continue
        seen_pages.add(page)
        assert robots.can_fetch("adwatch", page), page
        status, _, html = fetch_text(page)
        assert status == 200, page
        raw_links += [urljoin(page, u) for u in select(html, conf["links"]["advert"])]
        queue += [urljoin(page, u) for u in select(html, conf["links"].get("next_page"))]
    allowed = {canonical(u) for u in raw_links if robots.can_fetch("adwatch", u)}
    return raw_links, allowed


# --------------------------------------------------------------------------- generator


def test_generation_is_deterministic() -> None:
    first = generate_world(seed=7)
    second = generate_world(seed=7)
    for round_no in (1, 2):
        assert (
            build_answer_key(first, round_no, DEFAULT_BASES).to_json()
            == build_answer_key(second, round_no, DEFAULT_BASES).to_json()
        )
    for site in SITE_NAMES:
        advert = first.site(site).adverts[5]
        page_one = render(first, site, 1, advert.path, DEFAULT_BASES[site])
        page_two = render(second, site, 1, advert.path, DEFAULT_BASES[site])
        assert page_one == page_two
    other = build_answer_key(generate_world(seed=8), 1, DEFAULT_BASES).to_json()
    assert other != build_answer_key(first, 1, DEFAULT_BASES).to_json()


def test_sizes_are_configurable_and_checked() -> None:
    world = generate_world(seed=3, job_adverts=20, bridal_adverts=15, escort_adverts=18)
    key = build_answer_key(world, 1, DEFAULT_BASES)
    assert {n: s.expected_count for n, s in key.sites.items()} == {
        "jobs": 20,
        "bridal": 15,
        "escort": 18,
    }
    assert build_answer_key(world, 2, DEFAULT_BASES).expected_total == 20 + 15 + 18 - 3 * 3 + 3
    with pytest.raises(ValueError, match="at least"):
        generate_world(job_adverts=3)


def test_answer_key_json_round_trip(world: DemoWorld) -> None:
    for round_no in (1, 2):
        key = build_answer_key(world, round_no, DEFAULT_BASES)
        text = key.to_json()
        data = json.loads(text)
        assert data["round"] == round_no
        assert data["expected_total"] == key.expected_total == len(list(key.adverts()))
        sample = data["sites"]["jobs"]["adverts"][0]
        for name in ("url", "kind", "title", "body", "posted_at", "location", "pay", "employer",
                     "licence_number", "language", "entities", "risky"):  # fmt: skip
            assert name in sample
        assert AnswerKey.from_json(text) == key
    with pytest.raises(ValueError):
        build_answer_key(world, 3, DEFAULT_BASES)


def test_world_is_realistic_mix(world: DemoWorld) -> None:
    key = build_answer_key(world, 1, DEFAULT_BASES)
    languages: set[str] = set()
    for site in key.sites.values():
        site_languages = {a.language for a in site.adverts}
        assert len(site_languages) >= 3, (site.site, site_languages)
        languages |= site_languages
        assert any(a.risky for a in site.adverts) and any(not a.risky for a in site.adverts)
        assert all(a.kind == site.kind for a in site.adverts)
        assert len({a.title for a in site.adverts}) >= 0.7 * len(site.adverts)
    assert languages == {"en", "ro", "ru", "uk"}
    for a in key.adverts():
        if a.risky:
            assert len(a.risk_cues) >= 3, a.url  # several cues combined, never a single one
        else:
            assert a.mitigating, a.url
    formats = {a.format for a in key.sites["jobs"].adverts}
    assert formats == {"jsonld", "graph", "microdata", "broken-jsonld"}
    ro_styles = {
        t for s in world.sites.values() for a in s.adverts for t in a.tags if t.startswith("ro-")
    }
    assert ro_styles == {"ro-cedilla", "ro-plain"}


def test_cross_site_links_and_obfuscation(world: DemoWorld) -> None:
    key = build_answer_key(world, 1, DEFAULT_BASES)

    def sites_of(urls: tuple[str, ...]) -> set[str]:
        return {key.advert(u).site for u in urls}

    assert sites_of(key.shared_contacts["phone:+37360000777"]) == {"jobs", "bridal", "escort"}
    assert sites_of(key.shared_contacts["phone:+40700000123"]) == {"jobs", "bridal", "escort"}
    assert sites_of(key.shared_contacts["phone:+37360000123"]) == {"jobs", "escort"}
    assert "handle:viber:+37360000777" in key.shared_contacts or any(
        ("handle", "viber:+37360000777") in a.entities for a in key.adverts()
    )
    assert len(key.shared_contacts["email:anna@example.org"]) == 2
    assert len(key.shared_contacts["email:brides.club@example.org"]) == 2
    for template in ("T1", "T2"):
        urls = key.templates[template]
        assert len(urls) >= 3 and sites_of(urls) == {"jobs", "escort"}
    obfuscated = {text for a in key.adverts() for text in a.obfuscated}
    assert {"O7OO OOO l23", "anna at example dot org", "brides.club(at)example.org"} <= obfuscated
    assert "zero six zero zero zero zero one two three" in obfuscated


def test_contacts_are_fictional(world: DemoWorld) -> None:
    for round_no in (1, 2):
        key = build_answer_key(world, round_no, DEFAULT_BASES)
        adverts = list(key.adverts())
        private = world.site("jobs").private
        entities = {e for a in adverts for e in a.entities}
        entities |= {e for p in private for e in p.content.entities}
        assert entities
        for kind, value in entities:
            if kind == "phone":
                assert FICTIONAL_PHONE_RE.match(value), value
            elif kind == "email":
                assert value.rsplit("@", 1)[1] in FICTIONAL_EMAIL_DOMAINS, value
            elif kind == "url":
                host = urlsplit(value).hostname or ""
                assert host.endswith(FICTIONAL_EMAIL_DOMAINS), value
            else:
                network, _, ident = value.partition(":")
                if network == "telegram":
                    assert ident.endswith("_demo") and ident == ident.lower(), value
                else:
                    assert network in ("whatsapp", "viber", "signal")
                    assert FICTIONAL_PHONE_RE.match(ident), value


def test_no_stray_phone_numbers_in_text(world: DemoWorld) -> None:
    """Every number a phone matcher sees is a key entity, and every plain one is seen."""
    key = build_answer_key(world, 1, DEFAULT_BASES)
    for a in key.adverts():
        text = f"{a.title}\n{a.body}\n{a.contact}"
        found = set()
        for region in ("MD", "RO", "UA", "RU"):
            for match in phonenumbers.PhoneNumberMatcher(text, region):
                found.add(
                    phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
                )
        expected = {v for k, v in a.entities if k == "phone"}
        assert found <= expected, (a.url, found - expected)
        if not a.obfuscated:  # "O7OO OOO l23" and spelled-out numbers need de-obfuscation
            assert expected == found, (a.url, expected - found)


def test_everyone_is_an_adult(world: DemoWorld) -> None:
    ranges = re.compile(r"\b(\d{2})\s*(?:-|–|до|to|și|и|і)\s*(\d{2})\b")
    for round_no in (1, 2):
        for a in build_answer_key(world, round_no, DEFAULT_BASES).adverts():
            if a.age is not None:
                assert a.age >= 19, a.url
            text = f"{a.title}\n{a.body}"
            for low, _high in ranges.findall(text):
                if 10 <= int(low) < 30:  # an age range ("18-25"), not money or hours
                    assert int(low) >= 18, (a.url, low)
            for stated in re.findall(r"\b(1\d)\b", a.title):
                assert int(stated) >= 18, a.url


def test_large_world_generates_and_renders() -> None:
    # Its speed is measured by bench/crawl.py, which serves a world this size; no timing here.
    world = generate_world(seed=7, job_adverts=5000)
    key = build_answer_key(world, 1, DEFAULT_BASES)
    assert key.sites["jobs"].expected_count == 5000
    assert len({a.url for a in key.sites["jobs"].adverts}) == 5000
    base = DEFAULT_BASES["jobs"]
    last = render(world, "jobs", 1, "/jobs?page=500", base)
    advert = world.site("jobs").adverts[4321]
    page = render(world, "jobs", 1, advert.path, base)
    assert render(world, "jobs", 2, "/jobs?page=250", base).status == 200
    assert last.status == 200 and page.status == 200
    assert render(world, "jobs", 1, "/jobs?page=501", base).status == 404


# --------------------------------------------------------------------------- profiles


def test_profiles_point_at_the_demo_sites(world: DemoWorld) -> None:
    starts = world.start_urls(DEFAULT_BASES)
    for site in SITE_NAMES:
        conf = profile(site)
        assert conf["name"] == PROFILE_NAMES[site]
        assert conf["kind"] == {"jobs": "job", "bridal": "bridal", "escort": "escort"}[site]
        assert conf["start_urls"] == [starts[site]]
        assert conf["allow_private"] is True
        assert conf["links"]["advert"]
        assert conf["fields"]["title"] and conf["fields"]["body"]
    assert profile("jobs")["structured"] is True
    assert profile("bridal").get("structured", False) is False


# --------------------------------------------------------------------------- over HTTP


@pytest.mark.parametrize("site", SITE_NAMES)
def test_crawl_finds_exactly_the_key(server: DemoServer, site: str) -> None:
    key = server.answer_key(1).sites[site]
    raw, allowed = crawl(server, site, key)
    assert allowed == key.urls() | set(key.dead_links)
    disallowed_found = {canonical(u) for u in raw} - allowed
    assert disallowed_found <= set(key.disallowed)
    for url in key.dead_links:
        assert fetch(url)[0] == 404
    if site == "jobs":
        assert set(raw) >= set(key.duplicate_links)
        assert any("utm_source=" in u for u in raw) and any("#" in u for u in raw)
        assert disallowed_found == {u for u in key.disallowed if "/private/jobs/" in u}
    prefixes = key.robots_disallow
    assert prefixes
    assert not [p for s, p, _ in server.requests if s == site and p.startswith(prefixes)]


def test_robots_txt_and_sitemap(server: DemoServer) -> None:
    key = server.answer_key(1)
    base = server.base_urls["jobs"]
    status, headers, robots = fetch_text(base + "/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    lines = [line.strip() for line in robots.splitlines()]
    assert "User-agent: *" in lines
    assert "Disallow: /private/" in lines
    assert f"Sitemap: {base}/sitemap.xml" in lines
    status, headers, xml = fetch_text(base + "/sitemap.xml")
    assert status == 200 and "xml" in headers["Content-Type"]
    locs = set(re.findall(r"<loc>([^<]+)</loc>", xml))
    assert locs == key.sites["jobs"].urls()
    assert not any("/private/" in loc for loc in locs)
    for site in ("bridal", "escort"):
        status, _, text = fetch_text(server.base_urls[site] + "/robots.txt")
        assert status == 200
        for prefix in key.sites[site].robots_disallow:
            assert f"Disallow: {prefix}" in text


def test_advert_pages_match_the_key(server: DemoServer) -> None:
    key = server.answer_key(1)
    for site, site_key in key.sites.items():
        fields = profile(site)["fields"]
        for advert in site_key.adverts:
            status, headers, html = fetch_text(advert.url)
            assert status == 200, advert.url
            assert charset_of(headers) == advert.charset
            check_page_fields(html, fields, advert)
            if site == "jobs":
                check_structured_data(html, advert)


def check_page_fields(html: str, fields: dict[str, str], advert: ExpectedAdvert) -> None:
    where = advert.url
    assert field(html, fields["title"]) == collapse(advert.title), where
    assert field(html, fields["body"]) == collapse(advert.body), where
    posted = field(html, fields["posted"])
    assert posted is not None
    parsed = datetime.fromisoformat(posted)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    assert parsed.astimezone(UTC).isoformat() == advert.posted_at, where
    assert field(html, fields.get("location")) == advert.location, where
    assert field(html, fields.get("pay")) == advert.pay, where
    assert field(html, fields.get("employer")) == advert.employer, where
    assert field(html, fields.get("licence")) == advert.licence_number, where
    assert (field(html, fields.get("contact")) or "") == collapse(advert.contact), where
    assert f'rel="canonical" href="{advert.url}"' in html, where


def check_structured_data(html: str, advert: ExpectedAdvert) -> None:
    blocks = json_ld_blocks(html)
    if advert.format == "microdata":
        assert not blocks
    if advert.format in ("microdata", "broken-jsonld"):
        assert 'itemtype="https://schema.org/JobPosting"' in html
        assert 'itemprop="description"' in html
    if advert.format == "broken-jsonld":
        (raw,) = blocks
        with pytest.raises(json.JSONDecodeError):
            json.loads(raw)
        return
    if advert.format not in ("jsonld", "graph"):
        return
    posting = job_posting(html)
    assert posting["title"] == advert.title
    description = lxml.html.fragment_fromstring(posting["description"], create_parent="div")
    assert element_text(description) == collapse(advert.body)
    assert posting["datePosted"] == advert.posted_at[:10]
    if advert.employer:
        assert posting["hiringOrganization"]["name"] == advert.employer
    else:
        assert "hiringOrganization" not in posting
    address = posting["jobLocation"]["address"]
    shown = ", ".join(p for p in (address.get("addressLocality"), address["addressCountry"]) if p)
    assert shown == advert.location
    if advert.salary:
        assert posting["baseSalary"]["currency"] == advert.salary["currency"]
        assert posting["baseSalary"]["value"]["unitText"] == advert.salary["unit"]
    if advert.licence_number:
        assert posting["identifier"]["value"] == advert.licence_number


def test_hostile_job_pages(server: DemoServer, world: DemoWorld) -> None:
    key = server.answer_key(1).sites["jobs"]
    jobs = world.site("jobs")
    by_tag = {tag: a for a in jobs.adverts for tag in a.tags}

    script = key.advert(server.base_urls["jobs"] + by_tag["script-title"].path)
    assert script.title.endswith("<script>alert(1)</script>")
    _, _, html = fetch_text(script.url)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert job_posting(html)["title"] == script.title

    big = key.advert(server.base_urls["jobs"] + by_tag["big-description"].path)
    assert len(big.body) >= 200_000
    status, _, body = fetch(big.url)
    assert status == 200 and len(body) > 400_000

    russian = key.advert(server.base_urls["jobs"] + by_tag["windows-1251"].path)
    assert russian.language == "ru" and russian.charset == "windows-1251"
    status, headers, raw = fetch(russian.url)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=windows-1251"
    assert b'<meta charset="windows-1251">' in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1251")
    assert russian.title in text
    assert russian.title.encode("cp1251") in raw
    first_line = russian.body.split("\n")[0]
    assert re.search(r"[а-яё]", first_line)
    assert collapse(first_line) in collapse(text)
    assert job_posting(text)["title"] == russian.title

    broken = by_tag["broken-jsonld"]
    assert broken.fmt == "broken-jsonld"


def test_headers_and_error_pages(server: DemoServer) -> None:
    key = server.answer_key(1)
    advert = key.sites["bridal"].adverts[0]
    status, headers, _ = fetch(advert.url)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    modified = parsedate_to_datetime(headers["Last-Modified"])
    assert modified == datetime.fromisoformat(advert.last_modified)
    status, headers, body = fetch(server.base_urls["escort"] + "/no/such/page")
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    assert b"Page not found" in body
    assert fetch(server.base_urls["jobs"] + "/jobs?page=999")[0] == 404
    assert fetch(server.base_urls["jobs"] + "/jobs?page=x")[0] == 404
    status, _, body = fetch(server.base_urls["bridal"] + "/brides")  # redirected
    assert status == 200 and b"bride-card" in body
    assert ("bridal", "/brides", 301) in server.requests


def test_round_two_changes(round_two: DemoServer, world: DemoWorld) -> None:
    server = round_two
    before = server.answer_key(1)
    after = server.answer_key(2)
    assert after.round == 2
    for site in SITE_NAMES:
        old, new = before.sites[site], after.sites[site]
        assert len(new.gone) == len(new.not_found) == len(new.unlisted) == 1
        assert len(new.changed) == len(new.added) == 1
        assert set(new.removed) == {*new.gone, *new.not_found, *new.unlisted}
        assert new.urls() == (old.urls() - set(new.removed)) | set(new.added)
        assert new.expected_count == old.expected_count - 2
        assert not (old.removed or old.changed or old.added)

        assert fetch(new.gone[0])[0] == 410
        assert fetch(new.not_found[0])[0] == 404
        status, _, html = fetch_text(new.unlisted[0])
        assert status == 200
        assert collapse(old.advert(new.unlisted[0]).title) in collapse(html)

        changed_old, changed_new = old.advert(new.changed[0]), new.advert(new.changed[0])
        assert changed_old.fingerprint != changed_new.fingerprint
        assert changed_old.body != changed_new.body
        _, _, html = fetch_text(new.changed[0])
        assert field(html, profile(site)["fields"]["body"]) == collapse(changed_new.body)

        _, allowed = crawl(server, site, new)
        assert allowed == new.urls() | set(new.dead_links)
        assert new.unlisted[0] not in allowed
        assert new.added[0] in allowed
    server.set_round(1)
    assert fetch(after.sites["jobs"].added[0])[0] == 404
    assert fetch(after.sites["jobs"].gone[0])[0] == 200


def test_sitemap_follows_the_round(round_two: DemoServer) -> None:
    key = round_two.answer_key(2).sites["jobs"]
    _, _, xml = fetch_text(round_two.base_urls["jobs"] + "/sitemap.xml")
    assert set(re.findall(r"<loc>([^<]+)</loc>", xml)) == key.urls()


def test_request_log_and_base_urls(world: DemoWorld) -> None:
    with DemoServer(world, ports={"jobs": 0}) as single:
        assert set(single.base_urls) == {"jobs"}
        base = single.base_urls["jobs"]
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base) and not base.endswith(":0")
        fetch(base + "/jobs?page=2")
        fetch(base + "/nope")
        assert single.requests == [("jobs", "/jobs?page=2", 200), ("jobs", "/nope", 404)]
        assert not single.errors
    with pytest.raises(ValueError):
        DemoServer(world, ports={"shop": 0})


def test_module_entry_point_serves_and_stops(tmp_path: Path) -> None:
    key_file = tmp_path / "key.json"
    args = [sys.executable, "-m", "demo.site", "--jobs-port", "0", "--bridal-port", "0",
            "--escort-port", "0", "--answer-key", str(key_file)]  # fmt: skip
    process = subprocess.Popen(
        args, cwd=SITES_DIR.parents[1], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(6)]
        urls = [line.split()[-1] for line in lines if "demo-" in line]
        assert len(urls) == 3
        assert fetch(urls[0])[0] == 200
        assert AnswerKey.from_json(key_file.read_text(encoding="utf-8")).expected_total == 120
    finally:
        process.terminate()
        process.wait(timeout=10)
