"""An httpx client whose every connection goes only to an address the webhook policy vetted.

httpx hands connecting to httpcore, and httpcore asks its *network backend* to open each TCP
connection with the URL's host and port (``connect_tcp(host, port, ...)``). The backend here,
:class:`VettedBackend`, resolves the host itself, checks every address with the policy
(:meth:`share.webhook_policy.WebhookPolicy.vetted_addresses`) and then opens the socket to
one of those IP addresses, so the resolution that was checked is the one connected to: a name
that rebinds to 127.0.0.1 between two lookups reaches nothing. Everything above the socket
still uses the URL: httpcore sends the original ``Host`` header, and wraps the stream in TLS
with ``server_hostname`` set to the URL's host, so SNI and certificate verification are for
the name the partner registered, not for the IP address.

The client never follows redirects (a 3xx is a failed delivery) and ignores proxy settings
from the environment (``trust_env=False``): through a proxy, the proxy would resolve the name,
past this policy.
"""

from __future__ import annotations

import typing

import httpcore
import httpx

from share.webhook_policy import AddressRefused, WebhookPolicy

__all__ = ["VettedBackend", "pinned_client"]


class VettedBackend(httpcore.NetworkBackend):
    """Connects to the vetted addresses of a host only, trying them in resolver order."""

    def __init__(self, policy: WebhookPolicy, inner: httpcore.NetworkBackend | None = None) -> None:
        self.policy = policy
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        failure: httpcore.ConnectError | None = None
        for ip in self.policy.vetted_addresses(host, port):
            try:
                return self.inner.connect_tcp(str(ip), port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
        assert failure is not None  # vetted_addresses returns at least one address
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise AddressRefused("webhooks are not delivered to unix sockets")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's own transport (request and response mapping, error types) over a connection
    pool with the vetted backend: httpx takes no network backend, so its pool is replaced."""

    def __init__(self, policy: WebhookPolicy) -> None:
        super().__init__(trust_env=False)
        if not isinstance(getattr(self, "_pool", None), httpcore.ConnectionPool):
            raise RuntimeError("httpx.HTTPTransport changed: cannot pin webhook connections")
        self._pool.close()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=10,
            keepalive_expiry=5.0,
            network_backend=VettedBackend(policy),
        )


def pinned_client(policy: WebhookPolicy, timeout_s: float = 10.0) -> httpx.Client:
    """A client for webhook deliveries: vetted addresses only, no redirects, no proxies."""
    return httpx.Client(
        transport=_PinnedTransport(policy),
        timeout=timeout_s,
        follow_redirects=False,
        trust_env=False,
    )
