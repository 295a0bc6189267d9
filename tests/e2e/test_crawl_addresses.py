"""The address policy in real crawls against local servers: what resolves or points to a
refused address (loopback on another port, cloud metadata, numeric spellings of 127.0.0.1,
a name that rebinds after the launcher's check) gets no request at all, and each refusal is
in the run's error log with its reason. Private targets allowed means the start URL's own
host and port only."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator

import pytest
import scrapy

from crawlers import launch
from crawlers.profiles import load_profile
from store.crawl_runs import CrawlRun
from tests.e2e.hostile import Answer, Site, crawl, serving

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

METADATA_URL = "http://169.254.169.254/latest/meta-data/"
#: 127.0.0.1 as browsers and getaddrinfo also read it; {port} is the other server's
NUMERIC_FORMS = {
    "decimal": "http://2130706433:{port}/secret",
    "hex and short": "http://0x7f.1:{port}/secret",
    "octal": "http://0177.0.0.1:{port}/secret",
    "IPv4-mapped IPv6": "http://[::ffff:127.0.0.1]:{port}/secret",
}


def as_requested(url: str) -> str:
    """The URL as the crawl requests it, and so names it in a refusal: Scrapy's Request runs it
    through w3lib's safe_url_string, which from w3lib 2.6 on writes a numeric IPv4 host
    (2130706433, 0x7f.1, 0177.0.0.1) as its dotted quad, as browsers do."""
    return str(scrapy.Request(url).url)


@pytest.fixture
def other_server() -> Iterator[Site]:
    """A second local server, on another port than the crawled site: it must get nothing."""
    with serving({"/secret": Answer(body=b"<html>internal</html>")}) as site:
        yield site


def redirect(location: str) -> Answer:
    return Answer(302, b"", {"Location": location})


def errors(run: CrawlRun) -> list[str]:
    return [str(entry["error"]) for entry in run.error_log]


def test_a_redirect_to_another_local_port_is_refused(adwatch_env: str, other_server: Site) -> None:
    with serving({"/": redirect(other_server.base + "/secret")}) as site:
        run = crawl(site)
    assert site.requests.count("/") == 1, site.requests
    assert other_server.requests == []
    url = other_server.base + "/secret"
    assert errors(run) == [f"refused {url}: 127.0.0.1 (loopback), a private address"]
    assert run.status == "failed"  # the only listing page was never read


def test_a_proxy_in_the_environment_is_not_used(
    adwatch_env: str, other_server: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through a proxy, the proxy would resolve the target, past the policy: none is used."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.setenv(name, other_server.base)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    with serving({"/": Answer(body=b"<html>x</html>")}) as site:
        run = crawl(site)
    assert other_server.requests == [] and "/" in site.requests
    assert run.status == "finished", run.error_log


def test_a_redirect_on_the_allowed_site_is_followed(adwatch_env: str) -> None:
    # the control: the refusal above is about the other port, not about redirects
    with serving({"/": redirect("/list"), "/list": Answer(body=b"<html>x</html>")}) as site:
        run = crawl(site)
    assert "/list" in site.requests
    assert (run.status, errors(run)) == ("finished", [])


def test_a_redirect_to_cloud_metadata_is_refused(adwatch_env: str) -> None:
    with serving({"/": redirect(METADATA_URL)}) as site:
        run = crawl(site)
    expected = f"refused {METADATA_URL}: 169.254.169.254 (cloud metadata), a private address"
    assert errors(run) == [expected]


@pytest.mark.parametrize("form", sorted(NUMERIC_FORMS))
def test_a_redirect_to_a_numeric_spelling_of_loopback_is_refused(
    adwatch_env: str, other_server: Site, form: str
) -> None:
    port = other_server.base.rsplit(":", 1)[1]
    target = NUMERIC_FORMS[form].format(port=port)
    with serving({"/": redirect(target)}) as site:
        run = crawl(site)
    assert other_server.requests == []
    [message] = errors(run)
    assert message.startswith(f"refused {as_requested(target)}: "), message
    assert "(loopback" in message and "a private address" in message, message
    # the control: that spelling does reach the other server when nothing refuses it
    with urllib.request.urlopen(target, timeout=10) as answer:
        assert answer.status == 200
    assert other_server.requests == ["/secret"]


def test_listing_links_to_refused_addresses_get_no_request(
    adwatch_env: str, other_server: Site
) -> None:
    port = other_server.base.rsplit(":", 1)[1]
    refused = [other_server.base + "/secret", METADATA_URL]
    refused += [form.format(port=port) for form in NUMERIC_FORMS.values()]
    cards = "".join(
        f'<div class="bride-card"><a class="bc-name" href="{url}">x</a></div>'
        for url in [*refused, "/ad/1"]
    )
    listing = Answer(body=f"<html><body>{cards}</body></html>".encode())
    with serving({"/": listing}) as site:
        run = crawl(site)
    assert other_server.requests == []
    assert "/ad/1" in site.requests  # the link on the allowed site is followed
    logged = errors(run)
    for url in refused:
        refusal = f"refused {as_requested(url)}: "
        assert any(message.startswith(refusal) for message in logged), logged


def test_a_name_that_rebinds_to_loopback_after_the_launch_check_is_refused(
    adwatch_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The launcher (this process) is told the name is public, as a rebinding DNS server
    # would answer it; in the crawl process the same name resolves to 127.0.0.1.
    monkeypatch.setattr(launch, "is_private_address", lambda host: False)
    with serving({}) as site:
        start = site.base.replace("127.0.0.1", "localhost") + "/"
        profile = load_profile("demo-bridal").model_copy(
            update={"start_urls": [start], "delay_s": 0.0, "allow_private": False}
        )
        run = launch.crawl(profile)
    assert site.requests == []
    [message] = errors(run)
    assert message.startswith(f"refused {start}: resolves to "), message
    assert "(loopback), a private address" in message, message
    assert run.status == "failed"


def test_without_allow_private_the_start_url_itself_is_refused_at_connect_time(
    adwatch_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(launch, "check_targets", lambda profile, allowed: None)
    with serving({}) as site:
        profile = load_profile("demo-bridal").model_copy(
            update={"start_urls": [site.base + "/"], "delay_s": 0.0, "allow_private": False}
        )
        run = launch.crawl(profile)
    assert site.requests == []
    assert errors(run) == [f"refused {site.base}/: 127.0.0.1 (loopback), a private address"]


def test_twisted_asks_the_resolver_about_ip_literals_too(other_server: Site) -> None:
    # Without the middleware that refuses IP literals, the resolver alone still stops them:
    # Twisted's HostnameEndpoint resolves literal and numeric hosts through it as well.
    port = other_server.base.rsplit(":", 1)[1]
    allowed = f"http://127.0.0.1:{port}/secret"  # the control: the allowed pair is fetched
    urls = [allowed, *(form.format(port=port) for form in NUMERIC_FORMS.values())]
    probe = [sys.executable, "-m", "tests.e2e.resolver_probe", "127.0.0.1", port, *urls]
    results = json.loads(subprocess.run(probe, capture_output=True, check=True).stdout)
    assert results.pop(allowed) == "HTTP 200"
    assert other_server.requests == ["/secret"]  # the control's request, no other
    for url, result in results.items():
        assert result.startswith(f"AddressRefused: refused {url}: resolves to "), result
        assert "127.0.0.1" in result, result
