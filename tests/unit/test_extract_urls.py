"""canonical_url and is_private_address."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from crawlers.extract.urls import canonical_url, is_private_address


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://Example.COM/Path/To", "http://example.com/Path/To"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8802/a", "http://example.com:8802/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a#section", "https://example.com/a"),
        ("https://example.com/a?b=2&a=1&c=", "https://example.com/a?a=1&b=2&c="),
        (
            "https://example.com/job?utm_source=fb&UTM_Medium=x&id=7&fbclid=abc&gclid=1"
            "&yclid=2&mc_cid=3&mc_eid=4&_ga=5&ref=home&ref_src=tw",
            "https://example.com/job?id=7",
        ),
        ("https://example.com/?utm_campaign=x", "https://example.com/"),
        ("www.Example.org/Jobs?x=1", "http://www.example.org/Jobs?x=1"),
        ("//cdn.example.org/a", "http://cdn.example.org/a"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("https://example.com/%D0%B0", "https://example.com/%D0%B0"),
        (
            "https://example.com/вакансии",
            "https://example.com/%D0%B2%D0%B0%D0%BA%D0%B0%D0%BD%D1%81%D0%B8%D0%B8",
        ),
        ("http://[2001:DB8::1]:80/x", "http://[2001:db8::1]/x"),
        ("  https://example.com./a  ", "https://example.com/a"),
        ("https://example.com/a?q=a+b&q=c", "https://example.com/a?q=a+b&q=c"),
        ("https://example.com/a?referrer=x", "https://example.com/a?referrer=x"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_canonical_url_is_idempotent() -> None:
    url = "HTTPS://Jobs.Example.md:443/Job/17?utm_source=x&z=1&a=%20b#top"
    once = canonical_url(url)
    assert canonical_url(once) == once


def _generated_urls() -> list[str]:
    """URLs near the fast path's edges: cases, ports, dot and empty segments, odd characters."""
    import random

    rng = random.Random(7)
    hosts = ["example.org", "a-b.example.org", "127.0.0.1", "EX.org", "a..b", "a.org.", "xn--8a.ex"]
    ports = ["", ":80", ":443", ":8080", ":0", ":65535", ":65536", ":08080"]
    urls = []
    for _ in range(3000):
        alphabet = rng.choice(["aZ0-._~/", "aZ0-._~/%?#@ é"])
        path = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        scheme = rng.choice(["http", "https", "HTTP"])
        urls.append(f"{scheme}://{rng.choice(hosts)}{rng.choice(ports)}/{path}")
    return urls


def test_urls_already_canonical_skip_w3lib_with_the_same_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crawlers.extract import urls

    fast = [u for u in _generated_urls() if urls._is_canonical_already(u)]
    assert len(fast) > 200  # the fast path is exercised
    monkeypatch.setattr(urls, "_is_canonical_already", lambda url: False)
    assert [canonical_url(u) for u in fast] == fast


def test_fast_path_leaves_non_canonical_urls_to_w3lib() -> None:
    from crawlers.extract import urls

    for url in (
        "http://Example.org/x",
        "http://example.org:80/x",
        "http://example.org",
        "http://example.org/a/./b",
        "http://example.org/a//b",
        "http://example.org/x?a=1",
        "http://example.org/x#f",
        "http://example.org/%7Ex",
        "http://example.org./x",
    ):
        assert not urls._is_canonical_already(url), url


@pytest.mark.parametrize("bad", ["http://", "https:///path", "http://example.com:99999/"])
def test_canonical_url_rejects_garbage(bad: str) -> None:
    with pytest.raises(ValueError):
        canonical_url(bad)


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "[::1]",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "localhost",
        "http://127.0.0.1:8802/brides/",
    ],
)
def test_private_addresses(host: str) -> None:
    assert is_private_address(host) is True


@pytest.mark.parametrize("host", ["8.8.8.8", "93.184.216.34", "2001:4860:4860::8888"])
def test_public_addresses(host: str) -> None:
    assert is_private_address(host) is False


def _fake_getaddrinfo(addresses: list[str]) -> Any:
    def fake(host: str, port: object, *args: object, **kwargs: object) -> list[Any]:
        out: list[Any] = []
        for address in addresses:
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            out.append((family, socket.SOCK_STREAM, 6, "", (address, 0)))
        return out

    return fake


def test_names_are_resolved(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", _fake_getaddrinfo(["93.184.216.34"]))
    assert is_private_address("jobs.example.org") is False
    monkeypatch.setattr(socket, "getaddrinfo", _fake_getaddrinfo(["10.0.0.5"]))
    assert is_private_address("intranet.example.org") is True
    # One private address among public ones is enough (DNS rebinding style).
    monkeypatch.setattr(socket, "getaddrinfo", _fake_getaddrinfo(["93.184.216.34", "fe80::1%eth0"]))
    assert is_private_address("mixed.example.org") is True


def test_unresolvable_host_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(ValueError, match=r"cannot resolve host 'nowhere\.invalid'"):
        is_private_address("nowhere.invalid")


def test_empty_host_raises() -> None:
    with pytest.raises(ValueError):
        is_private_address("  ")
