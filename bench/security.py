"""Replays issue 14's attacks against a real `adwatch serve` and prints what each got.

Own scratch database (DATABASE_URL's server, else an embedded one) and data directory;
synthetic adverts from bench.common. Figures printed: server errors, unaudited reads of
personal data, server RSS growth under 100 MB bodies, /healthz latency while 20 readers hold
exports, requests that reached a private address, role violations over every documented
route. A script that prints, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import tempfile
from collections import Counter
from dataclasses import replace
from typing import Any

import httpx
import psycopg

from bench import security_attacks as attacks
from bench.api import _free_port, _start_server
from bench.common import machine_description, scratch_database, synthetic_adverts
from review.intake import admit_scored
from store import adverts, api_keys, partners, scores

SECRET = "bench-security-secret-0123456789"
TAG_ROLES = {
    "analyst": {"analyst", "admin"},
    "partner": {"partner"},
    "researcher": {"researcher"},
    "admin": {"admin"},
    "exports": {"analyst", "admin", "researcher"},
    "sharing": {"analyst", "admin"},
}
# Routes open to more roles than their tag's (README, "Users and their rights").
ROUTE_ROLES = {("get", "/api/v1/takedowns"): {"partner", "analyst", "admin"}}
SIXTEEN_MB = 16 * 1024 * 1024


def _populate(url: str, n: int) -> tuple[list[int], dict[str, str], int]:
    """n scored, flagged adverts (one with a 16 MB snapshot) and a key per role."""
    with psycopg.connect(url) as conn:
        results = adverts.ingest_many(conn, list(synthetic_adverts(n, seed=14)))
        ids = [r.advert_id for r in results]
        big = next(synthetic_adverts(1, seed=14))
        updated = replace(big, raw_body=os.urandom(SIXTEEN_MB), body=big.body + " (updated)")
        adverts.ingest_many(conn, [updated])  # a second version, incompressible
        records = [
            scores.ScoreRecord(r.advert_id, r.version, "bench", "bench", 0.9, "high", True, [])
            for r in results
        ]
        scores.save_scores(conn, records)
        admit_scored(conn, records)
        partner = partners.ensure_partner(conn, "Bench ISP")
        keys = {
            role: api_keys.create_key(
                conn, f"bench {role}", role, partner.id if role == "partner" else None
            )[1]
            for role in ("analyst", "analyst2", "partner", "researcher", "admin")
            if role != "analyst2"
        }
        keys["analyst2"] = api_keys.create_key(conn, "bench second analyst", "analyst")[1]
        keys["readers"] = ",".join(
            api_keys.create_key(conn, f"bench reader {i}", "analyst")[1] for i in range(10)
        )
    return ids, keys, partner.id


def _audit_count(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM audit_log").fetchone()
    return int(row[0]) if row else 0


def audited_reads(
    url: str, client: httpx.Client, keys: dict[str, str], advert_id: int
) -> dict[str, Any]:
    """Every read of personal data: does it leave an audit entry?"""

    def h(role: str) -> dict[str, str]:
        return {"X-API-Key": keys[role]}

    reads: dict[str, Any] = {
        "advert detail": lambda: client.get(f"/api/v1/adverts/{advert_id}", headers=h("analyst")),
        "contact search": lambda: client.post(
            "/api/v1/adverts/search", json={"entity": "phone:+37360000123"}, headers=h("analyst")
        ),
        "review queue": lambda: client.get("/api/v1/queue", headers=h("analyst")),
        "evidence package": lambda: client.get(
            f"/api/v1/adverts/{advert_id}/evidence.zip", headers=h("analyst")
        ),
        "research export": lambda: client.get("/api/v1/export/samples", headers=h("researcher")),
        "partner feed": lambda: client.get("/api/v1/feed", headers=h("partner")),
        "audit log": lambda: client.get("/api/v1/admin/audit", headers=h("admin")),
        "export request": lambda: client.post(
            "/api/v1/exports", json={"type": "evidence", "advert_id": advert_id}, headers=h("admin")
        ),
    }
    unaudited, statuses = [], {}
    for name, read in reads.items():
        before = _audit_count(url)
        statuses[name] = read().status_code
        if _audit_count(url) == before:
            unaudited.append(name)
    # a download dropped after its first bytes: audited before they were sent?
    before = _audit_count(url)
    with socket.create_connection((client.base_url.host, client.base_url.port or 80)) as sock:
        head = f"GET /api/v1/adverts/{advert_id}/evidence.zip HTTP/1.1\r\nHost: x\r\n"
        sock.sendall(f"{head}X-API-Key: {keys['analyst']}\r\n\r\n".encode())
        sock.recv(1024)
    if _audit_count(url) == before:
        unaudited.append("evidence dropped after first bytes")
    return {"statuses": statuses, "unaudited": unaudited}


def role_checks(client: httpx.Client, keys: dict[str, str], advert_id: int) -> dict[str, Any]:
    """Every documented operation, called by every credential that may not use it."""
    schema = client.get("/openapi.json", headers={"X-API-Key": keys["admin"]}).json()
    calls, violations, statuses = 0, [], Counter[int]()
    for path, operations in schema["paths"].items():
        concrete = re.sub(r"\{[^}]+\}", str(advert_id), path)
        for method, operation in operations.items():
            tag = (operation.get("tags") or ["admin"])[0]
            allowed = ROUTE_ROLES.get((method, path), TAG_ROLES.get(tag, {"admin"}))
            for role in ("none", "analyst", "partner", "researcher", "admin"):
                if role in allowed:
                    continue
                headers = {"X-API-Key": keys[role]} if role != "none" else {}
                r = client.request(method.upper(), concrete, headers=headers, json={})
                calls += 1
                statuses[r.status_code] += 1
                if r.status_code < 300:
                    violations.append(f"{role} {method.upper()} {path} -> {r.status_code}")
    for path in ("/metrics", "/docs", "/openapi.json"):
        for role in ("none", "analyst", "partner"):
            headers = {"X-API-Key": keys[role]} if role != "none" else {}
            r = client.get(path, headers=headers)
            calls += 1
            statuses[r.status_code] += 1
            if r.status_code < 300:
                violations.append(f"{role} GET {path} -> {r.status_code}")
    return {"calls": calls, "statuses": dict(statuses), "violations": violations}


def webhooks(
    client: httpx.Client, url: str, keys: dict[str, str], partner_id: int, ids: list[int]
) -> dict[str, Any]:
    """Partner asks for private webhook URLs; an admin approves what the API accepts; items are
    shared and deliveries run: how many requests reach the local listener?"""
    from share.webhooks import deliver_pending  # the bench's own environment: same policy

    p, a = {"X-API-Key": keys["partner"]}, {"X-API-Key": keys["admin"]}
    outcome: dict[str, Any] = {"put": {}, "approve": {}}
    with attacks.listener() as (port, handler):
        for target in attacks.webhook_targets(port):
            put = client.put(
                "/api/v1/partner/webhook", json={"url": target, "secret": "s" * 32}, headers=p
            )
            outcome["put"][target] = put.status_code
            if put.status_code < 300:
                ok = client.post(
                    f"/api/v1/admin/partners/{partner_id}/webhook/approve",
                    json={"url": target},
                    headers=a,
                )
                outcome["approve"][target] = ok.status_code
        for advert_id in ids[:3]:
            client.post(
                f"/api/v1/adverts/{advert_id}/decision",
                json={"decision": "confirmed"},
                headers={"X-API-Key": keys["analyst"]},
            )
            client.post(
                f"/api/v1/adverts/{advert_id}/sharing/agree",
                headers={"X-API-Key": keys["analyst2"]},
            )
        with psycopg.connect(url, autocommit=True) as conn:
            outcome["delivery_rounds"] = deliver_pending(conn, SECRET)
        outcome["private_hits"] = handler.hits
    return outcome


def server_errors(value: Any) -> int:
    """5xx answers anywhere in an attack's figures (status codes as keys or status lines)."""
    if isinstance(value, dict):
        own = sum(v for k, v in value.items() if _is_5xx(k) and isinstance(v, int))
        return own + sum(server_errors(v) for v in value.values())
    if isinstance(value, list):
        return sum(server_errors(v) for v in value)
    return 0


def _is_5xx(key: object) -> bool:
    if isinstance(key, int):
        return key >= 500
    return bool(re.search(r"(HTTP/1\.1 |^/\S* )5\d\d", str(key)))


def _attacks(
    url: str, base: str, pid: int, keys: dict[str, str], ids: list[int], partner_id: int
) -> dict[str, Any]:
    address = ("127.0.0.1", int(base.rsplit(":", 1)[1]))
    readers = keys["readers"].split(",")
    paths = [(f"/api/v1/adverts/{ids[0]}/evidence.zip", readers[i % 10]) for i in range(20)]
    results: dict[str, Any] = {}
    with httpx.Client(base_url=base, timeout=120) as client:
        results["100 MB bodies"] = attacks.big_bodies(address, pid, keys["analyst"])
        results["20 slow readers"] = attacks.slow_readers(address, paths, keys["analyst"])
        results["webhooks"] = webhooks(client, url, keys, partner_id, ids)
        results["odd inputs"] = dict(attacks.odd_inputs(client, address, keys["analyst"]))
        results["audited reads"] = audited_reads(url, client, keys, ids[1])
        results["role checks"] = role_checks(client, keys, ids[1])
        results["2,500 wrong keys"] = attacks.wrong_keys(client, 2500)
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM audit_log WHERE action = 'auth_failed'")
        results["2,500 wrong keys"]["audited"] = (row.fetchone() or (0,))[0]
    return results


def run(n: int) -> None:
    os.environ |= {"ADWATCH_HASH_SECRET": SECRET, "ADWATCH_WEBHOOK_ALLOW_HTTP": "true"}
    os.environ["ADWATCH_DATA_DIR"] = tempfile.mkdtemp(prefix="adwatch-bench-security-")
    with scratch_database() as url:
        ids, keys, partner_id = _populate(url, n)
        port = _free_port()
        server = _start_server(url, port)
        try:
            results = _attacks(url, f"http://127.0.0.1:{port}", server.pid, keys, ids, partner_id)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"# machine: {machine_description()}")
    for name, figures in results.items():
        print(f"{name}: {figures}")
    print(
        "summary: server errors {errors}, unaudited reads of personal data {unaudited}, "
        "RSS growth under 100 MB bodies {rss:.1f} MB, /healthz p99 under 20 slow readers "
        "{p99:.0f} ms, requests reaching a private address {hits}, role violations {roles}".format(
            errors=server_errors(results),
            unaudited=len(results["audited reads"]["unaudited"]),
            rss=results["100 MB bodies"]["rss_growth_mb"],
            p99=results["20 slow readers"]["healthz_p99_ms"],
            hits=results["webhooks"]["private_hits"],
            roles=len(results["role checks"]["violations"]),
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--adverts", type=int, default=200, help="synthetic adverts to store")
    run(parser.parse_args().adverts)


if __name__ == "__main__":
    main()
