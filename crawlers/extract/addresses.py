"""Which IP addresses a crawler may connect to: one classification for every check.

A crawl follows links and redirects that a hostile site chooses, so every address it would
connect to is classified here: loopback, private, link-local, cloud metadata and the other
special-purpose ranges are refused, and so are IPv6 forms that embed such an IPv4 address
(IPv4-mapped, IPv4-compatible, NAT64, 6to4). URL hosts in the numeric forms that
``getaddrinfo`` (inet_aton) accepts, such as ``2130706433``, ``0x7f.1`` or ``0177.0.0.1``, are
read as the IPv4 address they connect to.
"""

from __future__ import annotations

import ipaddress
import re
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network

__all__ = ["METADATA", "IPAddress", "numeric_host", "refusal_label"]

IPAddress = IPv4Address | IPv6Address

#: cloud instance metadata services: never a crawl target, even where private ones are allowed
METADATA = "cloud metadata"
_METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)
_V4_RANGES: tuple[tuple[str, str], ...] = (
    ("0.0.0.0/8", "unspecified"),
    ("127.0.0.0/8", "loopback"),
    ("10.0.0.0/8", "private"),
    ("172.16.0.0/12", "private"),
    ("192.168.0.0/16", "private"),
    ("169.254.0.0/16", "link-local"),
    ("100.64.0.0/10", "carrier-grade NAT"),
    ("198.18.0.0/15", "benchmarking"),
    ("192.0.2.0/24", "documentation"),
    ("198.51.100.0/24", "documentation"),
    ("203.0.113.0/24", "documentation"),
    ("192.0.0.0/24", "IETF protocol assignments"),
    ("192.88.99.0/24", "6to4 relay"),
    ("224.0.0.0/4", "multicast"),
    ("255.255.255.255/32", "broadcast"),
    ("240.0.0.0/4", "reserved"),
)
_V6_RANGES: tuple[tuple[str, str], ...] = (
    ("::/128", "unspecified"),
    ("::1/128", "loopback"),
    ("fc00::/7", "private"),
    ("fe80::/10", "link-local"),
    ("fec0::/10", "site-local"),
    ("ff00::/8", "multicast"),
    ("2001:db8::/32", "documentation"),
    ("3fff::/20", "documentation"),
    ("2001:2::/48", "benchmarking"),
    ("100::/64", "discard-only"),
    ("64:ff9b:1::/48", "local NAT64"),
)
_V4_NETWORKS = tuple((IPv4Network(net), label) for net, label in _V4_RANGES)
_V6_NETWORKS = tuple((IPv6Network(net), label) for net, label in _V6_RANGES)
_NAT64 = IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = IPv6Network("::/96")
_HEX = re.compile(r"0x[0-9a-f]*")
_OCTAL = re.compile(r"0[0-7]+")
_DECIMAL = re.compile(r"[1-9][0-9]*|0")


def refusal_label(ip: IPAddress) -> str | None:
    """Why the crawler must not connect to `ip` ("loopback", "cloud metadata", ...), or None
    for a public address."""
    if ip in _METADATA_ADDRESSES:
        return METADATA
    if isinstance(ip, IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            label = refusal_label(embedded)
            return f"{label}, as {embedded}" if label else None
        networks: tuple[tuple[IPv4Network | IPv6Network, str], ...] = _V6_NETWORKS
    else:
        networks = _V4_NETWORKS
    for network, label in networks:
        if ip in network:
            return label
    return None if ip.is_global else "not globally routable"


def _embedded_ipv4(ip: IPv6Address) -> IPv4Address | None:
    """The IPv4 address an IPv6 address carries and reaches: IPv4-mapped (::ffff:a.b.c.d),
    IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:aabb:ccdd::)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if (ip in _NAT64 or ip in _IPV4_COMPATIBLE) and int(ip) > 1:  # not :: or ::1
        return IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def numeric_host(host: str) -> IPAddress | None:
    """The IP address a URL host stands for when it is numeric, or None for a name.

    IPv6 literals (brackets, a zone) and every IPv4 spelling inet_aton accepts: one to four
    dot-separated parts in decimal, hex (0x) or octal (leading 0), the last part filling the
    remaining bytes (``127.1``, ``2130706433``, ``0x7f.0.0.1``), also with a trailing dot.
    """
    name = host.strip().lower()
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    if ":" in name:
        try:
            return IPv6Address(name.split("%", 1)[0])
        except ValueError:
            return None
    return _inet_aton(name[:-1] if name.endswith(".") else name)


def _inet_aton(name: str) -> IPv4Address | None:
    parts = name.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers = [_number(part) for part in parts]
    if any(number is None for number in numbers):
        return None
    *leading, last = [number for number in numbers if number is not None]
    if any(number > 0xFF for number in leading) or last >= 1 << (8 * (4 - len(leading))):
        return None
    value = last
    for index, number in enumerate(leading):
        value |= number << (8 * (3 - index))
    return IPv4Address(value)


def _number(part: str) -> int | None:
    """One inet_aton part: decimal, 0x hex or 0-prefixed octal (ASCII digits only)."""
    if _HEX.fullmatch(part):
        return int(part[2:] or "0", 16)
    if _OCTAL.fullmatch(part):
        return int(part, 8)
    return int(part) if _DECIMAL.fullmatch(part) else None
