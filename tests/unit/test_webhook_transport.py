"""The vetted network backend over TLS: the socket goes to the checked address, while SNI and
certificate verification are for the URL's name (a local TLS server, a made-up CA)."""

from __future__ import annotations

import datetime
import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import httpcore
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from share.webhook_policy import AddressRefused, WebhookPolicy
from share.webhook_transport import VettedBackend
from tests.webhook_support import FakeResolver

NAME = "hooks.example.org"
LOCAL = WebhookPolicy(allow_http=True, allow_private=True)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, NAME)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(NAME)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class _Handler(BaseHTTPRequestHandler):
    hosts: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        type(self).hosts.append(self.headers["Host"])
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        return None


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[int, Path, list[str]]]:
    cert, key = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    hosts: list[str] = []
    server = HTTPServer(("127.0.0.1", 0), type("Handler", (_Handler,), {"hosts": hosts}))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield int(server.server_address[1]), cert, hosts
    server.shutdown()
    server.server_close()


def _post(url: str, cert: Path, policy: WebhookPolicy) -> int:
    context = ssl.create_default_context(cafile=str(cert))
    with httpcore.ConnectionPool(
        ssl_context=context, network_backend=VettedBackend(policy)
    ) as pool:
        return pool.request("POST", url, content=b"{}").status


def test_tls_goes_to_the_vetted_address_with_the_names_sni_and_certificate(
    tls_server: tuple[int, Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    port, cert, hosts = tls_server
    resolver = FakeResolver({NAME: [["127.0.0.1"]], "other.example.org": [["127.0.0.1"]]})
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    assert _post(f"https://{NAME}:{port}/hook", cert, LOCAL) == 204
    assert hosts == [f"{NAME}:{port}"]
    # the same address under another name: the certificate is checked for that name
    with pytest.raises(httpcore.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        _post(f"https://other.example.org:{port}/hook", cert, LOCAL)
    assert resolver.lookups == {NAME: 1, "other.example.org": 1}


def test_refused_addresses_are_never_connected_to(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", FakeResolver({NAME: [["8.8.8.8", "10.1.2.3"]]}))
    backend = VettedBackend(WebhookPolicy())
    with pytest.raises(AddressRefused, match=r"10\.1\.2\.3 \(private\)"):
        backend.connect_tcp(NAME, 443)
    with pytest.raises(AddressRefused, match="cloud metadata"):
        VettedBackend(LOCAL).connect_tcp("169.254.169.254", 80)
