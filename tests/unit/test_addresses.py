"""The address classification every connection is checked against, the numeric host
spellings it reads, and the per-crawl policy (private addresses at the start URLs' own host
and port only; cloud metadata never)."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from crawlers.address_policy import AddressPolicy, private_targets, refused_text, url_target
from crawlers.extract.addresses import numeric_host, refusal_label
from crawlers.extract.urls import ip_is_private

REFUSED = {
    "127.0.0.1": "loopback",
    "127.255.0.9": "loopback",
    "::1": "loopback",
    "10.1.2.3": "private",
    "172.16.0.1": "private",
    "172.31.255.255": "private",
    "192.168.1.1": "private",
    "fc00::1": "private",
    "fd12:3456::1": "private",
    "169.254.1.1": "link-local",
    "fe80::1": "link-local",
    "169.254.169.254": "cloud metadata",
    "fd00:ec2::254": "cloud metadata",
    "100.100.100.200": "cloud metadata",
    "100.64.0.1": "carrier-grade NAT",
    "100.127.255.254": "carrier-grade NAT",
    "198.18.0.1": "benchmarking",
    "198.19.255.1": "benchmarking",
    "2001:2::1": "benchmarking",
    "192.0.2.7": "documentation",
    "198.51.100.7": "documentation",
    "203.0.113.7": "documentation",
    "2001:db8::7": "documentation",
    "224.0.0.1": "multicast",
    "239.255.255.250": "multicast",
    "ff02::1": "multicast",
    "0.0.0.0": "unspecified",
    "0.1.2.3": "unspecified",
    "::": "unspecified",
    "255.255.255.255": "broadcast",
    "240.0.0.1": "reserved",
    "192.0.0.8": "IETF protocol assignments",
    "fec0::1": "site-local",
    "2001::1": "not globally routable",  # Teredo
    # IPv6 forms that reach an IPv4 address: that address decides
    "::ffff:127.0.0.1": "loopback, as 127.0.0.1",
    "::ffff:169.254.169.254": "cloud metadata, as 169.254.169.254",
    "::127.0.0.1": "loopback, as 127.0.0.1",  # IPv4-compatible
    "::10.0.0.1": "private, as 10.0.0.1",
    "64:ff9b::7f00:1": "loopback, as 127.0.0.1",  # NAT64
    "64:ff9b::a9fe:a9fe": "cloud metadata, as 169.254.169.254",
    "64:ff9b:1::1": "local NAT64",
    "2002:7f00:1::": "loopback, as 127.0.0.1",  # 6to4
    "2002:c0a8:101::1": "private, as 192.168.1.1",
}
PUBLIC = [
    "8.8.8.8",
    "93.184.216.34",
    "100.63.255.255",  # just below carrier-grade NAT
    "100.128.0.1",  # just above
    "172.32.0.1",  # just past 172.16/12
    "198.20.0.1",  # just past benchmarking
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
]


@pytest.mark.parametrize("address", sorted(REFUSED))
def test_special_purpose_addresses_are_refused_with_their_kind(address: str) -> None:
    assert refusal_label(ipaddress.ip_address(address)) == REFUSED[address]
    assert ip_is_private(address) is True


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address: str) -> None:
    assert refusal_label(ipaddress.ip_address(address)) is None
    assert ip_is_private(address) is False


NUMERIC = {
    "2130706433": "127.0.0.1",  # decimal
    "0x7f000001": "127.0.0.1",  # hex
    "0X7F000001": "127.0.0.1",
    "0177.0.0.1": "127.0.0.1",  # octal
    "017700000001": "127.0.0.1",
    "127.1": "127.0.0.1",  # short
    "0x7f.1": "127.0.0.1",
    "0x7f.0.0.1": "127.0.0.1",
    "10.0x10.1": "10.16.0.1",
    "169.254.43518": "169.254.169.254",
    "127.0.0.1.": "127.0.0.1",  # trailing dot
    "[::ffff:127.0.0.1]": "::ffff:127.0.0.1",
    "[fe80::1%25eth0]": "fe80::1",
    "fe80::1%eth0": "fe80::1",
    "8.8.8.8": "8.8.8.8",
}


@pytest.mark.parametrize("host", sorted(NUMERIC))
def test_numeric_hosts_are_read_as_the_address_they_mean(host: str) -> None:
    assert numeric_host(host) == ipaddress.ip_address(NUMERIC[host])


# getaddrinfo (inet_aton) is what Twisted's resolver calls; it refuses a trailing dot (which
# numeric_host reads anyway: refusing more is safe) and takes no brackets or zones
PLAIN_NUMERIC = sorted(h for h in NUMERIC if not h.endswith(".") and not set(h) & set("[%"))


@pytest.mark.parametrize("host", PLAIN_NUMERIC)
def test_the_numeric_reading_is_what_getaddrinfo_connects_to(host: str) -> None:
    infos = socket.getaddrinfo(host, 80, type=socket.SOCK_STREAM)
    assert {ipaddress.ip_address(info[4][0]) for info in infos} == {numeric_host(host)}


@pytest.mark.parametrize(
    "host", ["example.org", "0x.example", "1.2.3.4.5", "256.1.1.1.", "08.1.1.1", "1e3", "1_0"]
)
def test_names_are_not_numeric_hosts(host: str) -> None:
    assert numeric_host(host) is None


def test_ip_is_private_refuses_names() -> None:
    with pytest.raises(ValueError):
        ip_is_private("example.org")


def test_url_targets_and_start_url_pairs() -> None:
    assert url_target("http://Example.ORG./a") == ("example.org", 80)
    assert url_target("https://[::1]:8443/") == ("::1", 8443)
    assert url_target("http://bücher.example/") == ("xn--bcher-kva.example", 80)
    starts = ["http://127.0.0.1:8802/a", "http://127.0.0.1:8802/b", "https://x.test/"]
    assert private_targets(starts) == (("127.0.0.1", 8802), ("x.test", 443))


def test_private_addresses_only_at_the_allowed_host_and_port() -> None:
    policy = AddressPolicy(frozenset({("127.0.0.1", 8802), ("intranet.test", 80)}))
    loopback = ipaddress.ip_address("127.0.0.1")
    assert policy.refusal(("127.0.0.1", 8802), loopback) is None
    assert policy.refusal(("intranet.test", 80), ipaddress.ip_address("10.0.0.5")) is None
    assert policy.refusal(("127.0.0.1", 8803), loopback) == "127.0.0.1 (loopback)"
    assert policy.refusal(("localhost", 8802), loopback) == "127.0.0.1 (loopback)"
    assert policy.refusal(("example.org", 80), ipaddress.ip_address("8.8.8.8")) is None


def test_cloud_metadata_is_refused_even_where_private_addresses_are_allowed() -> None:
    policy = AddressPolicy(frozenset({("169.254.169.254", 80)}))
    metadata = ipaddress.ip_address("169.254.169.254")
    assert policy.refusal(("169.254.169.254", 80), metadata) == "169.254.169.254 (cloud metadata)"


def test_refusals_read_as_one_line() -> None:
    assert refused_text(["127.0.0.1 (loopback)"]) == "127.0.0.1 (loopback), a private address"
    two = refused_text(["127.0.0.1 (loopback)", "::1 (loopback)"])
    assert two == "127.0.0.1 (loopback), ::1 (loopback), private addresses"
