"""Which webhook URLs a partner may register, and which addresses a delivery may connect to.

A partner chooses its webhook URL, so without rules the server would POST wherever a partner
points it: its own database port on 127.0.0.1, the cloud metadata service, other hosts of its
private network. The rules are the crawler's (:func:`crawlers.extract.addresses.refusal_label`):

- when a URL is registered: https only (``ADWATCH_WEBHOOK_ALLOW_HTTP`` allows http for local
  development), no ``user:password@``, and no host that is a refused IP address in any
  spelling (``127.0.0.1``, ``2130706433``, ``[::ffff:7f00:1]``) or a ``localhost`` name;
- at every delivery, since a name can resolve elsewhere by then (DNS rebinding): the host is
  resolved, and the delivery is refused when *any* of its addresses is refused. A name that
  answers with public and private addresses at once is a rebinding attempt as often as not,
  and a connection that falls back from the public one would reach the private one.

``ADWATCH_WEBHOOK_ALLOW_PRIVATE`` allows loopback and private addresses (a local receiver in
development and the tests); cloud metadata addresses stay refused even then.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from config.settings import Settings
from crawlers.extract.addresses import METADATA, IPAddress, numeric_host, refusal_label

__all__ = ["AddressRefused", "WebhookPolicy"]

_LOCAL_NAMES = ("localhost", "localhost.localdomain")


class AddressRefused(Exception):
    """A delivery not sent: its host is, or resolves to, an address webhooks must not reach."""


@dataclass(frozen=True)
class WebhookPolicy:
    allow_http: bool = False
    allow_private: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> WebhookPolicy:
        return cls(
            allow_http=settings.webhook_allow_http, allow_private=settings.webhook_allow_private
        )

    def url_problem(self, url: str) -> str | None:
        """Why `url` cannot be a webhook URL, in words for the partner, or None."""
        try:
            parts = urlsplit(url.strip())
            parts.port  # noqa: B018 - raises ValueError for a port that is not a number
        except ValueError:
            return "webhook url is not a valid URL"
        schemes = ("https", "http") if self.allow_http else ("https",)
        if parts.scheme.lower() not in schemes:
            return "webhook url must use " + " or ".join(schemes)
        if parts.username is not None or parts.password is not None:
            return "webhook url must not carry a user name or password"
        host = (parts.hostname or "").rstrip(".")
        if not host:
            return "webhook url has no host"
        return self._host_problem(host)

    def _host_problem(self, host: str) -> str | None:
        ip = numeric_host(host)
        if ip is None:
            local = host in _LOCAL_NAMES or host.endswith(".localhost")
            return None if self.allow_private or not local else "webhook host is a local name"
        label = self.refusal(ip)
        return None if label is None else f"webhook host is a refused address ({label})"

    def refusal(self, ip: IPAddress) -> str | None:
        """Why a delivery must not connect to `ip` ("loopback", ...), or None."""
        label = refusal_label(ip)
        if label is None or (self.allow_private and label != METADATA):
            return None
        return label

    def vetted_addresses(self, host: str, port: int) -> list[IPAddress]:
        """The addresses `host` resolves to now, all allowed; raises AddressRefused when any
        is refused (or none is found), saying which and why."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise AddressRefused(f"{host} does not resolve ({exc})") from None
        addresses = list(
            dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos)
        )
        refused = [f"{ip} ({label})" for ip in addresses if (label := self.refusal(ip))]
        if refused:
            raise AddressRefused(f"{host} resolves to refused addresses: " + ", ".join(refused))
        if not addresses:
            raise AddressRefused(f"{host} resolves to no address")
        return addresses
