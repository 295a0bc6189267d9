"""Ad-hoc (--url) sites are keyed by scheme, host, port and start path."""

from __future__ import annotations

import pytest

from crawlers.adhoc import adhoc_profile, adhoc_site_name
from crawlers.extract.profile_model import NAME_RE


def test_ports_schemes_and_paths_of_one_host_are_different_sites() -> None:
    names = {
        adhoc_site_name(url)
        for url in (
            "http://127.0.0.1:23001/",
            "http://127.0.0.1:23112/",
            "https://127.0.0.1:23001/",
            "http://127.0.0.1:23001/careers/",
            "http://127.0.0.1:23001/careers/it",
        )
    }
    assert len(names) == 5


def test_one_site_keeps_its_name() -> None:
    assert adhoc_site_name("https://Jobs.Example.org/") == adhoc_site_name(
        "https://jobs.example.org:443"
    )
    assert adhoc_site_name("https://jobs.example.org/") == "https-jobs-example-org-443"
    assert adhoc_site_name("http://127.0.0.1:23001/careers/") == "http-127-0-0-1-23001-careers"


def test_long_keys_stay_valid_and_distinct() -> None:
    base = "https://" + "a" * 40 + ".example.org/" + "jobs/" * 6
    first, second = adhoc_site_name(base + "x"), adhoc_site_name(base + "y")
    assert first != second
    assert all(len(n) <= 64 and NAME_RE.fullmatch(n) for n in (first, second))


def test_the_profile_crawls_structured_data_from_the_url() -> None:
    profile = adhoc_profile(" http://127.0.0.1:23001/ ", "job")
    assert profile.name == "http-127-0-0-1-23001"
    assert profile.start_urls == ["http://127.0.0.1:23001/"] and profile.structured


@pytest.mark.parametrize("url", ["notaurl", "ftp://example.org/", "http:///x"])
def test_a_url_that_cannot_be_crawled_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="absolute http"):
        adhoc_site_name(url)
