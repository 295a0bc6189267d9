"""Property: no documented API operation answers 5xx, or an undocumented status, to any
input schemathesis derives from the OpenAPI schema (valid and invalid alike), for any role.

Small on purpose (a few examples per operation and role, no shrinking) so it runs with the
normal suite in about a minute; a failure prints the request that caused it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, status_code_conformance

from config.settings import get_settings
from tests.api_support import SECRET, Ad, client, make_keys, seed

pytestmark = pytest.mark.integration

ROLES = ("analyst", "partner", "researcher", "admin")
# Many examples where the role may call the operation, two where it only proves the 403.
EXAMPLES_ALLOWED, EXAMPLES_REFUSED = 40, 2
# Which roles each OpenAPI tag's operations admit (GET /takedowns also takes partners: it is
# fuzzed with a few examples for them, like any refused role).
TAG_ROLES = {
    "analyst": {"analyst", "admin"},
    "partner": {"partner"},
    "taxii": {"partner"},
    "researcher": {"researcher"},
    "admin": {"admin"},
    "exports": {"analyst", "researcher", "admin"},
}
ADVERTS = [Ad(n, kind=("job", "bridal", "escort")[n % 3]) for n in range(1, 6)]
# Labels uploads are JSONL: sent as the generated text, like text/plain.
schemathesis.serializer.alias("application/x-ndjson", "text/plain")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]


@pytest.fixture
def fuzz_env(
    db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, dict[str, str], set[int]]]:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", SECRET)  # else the feed is a (documented) 503
    get_settings.cache_clear()
    seed(conn, ADVERTS)
    keys = make_keys(conn)
    key_ids = {row[0] for row in conn.execute("SELECT id FROM api_keys")}
    tokens = {role: keys.of(role) for role in ROLES}
    try:
        with client(db_url) as test_client:
            yield test_client, tokens, key_ids
    finally:
        get_settings.cache_clear()


def _send(c: TestClient, case: Any, token: str, data: st.DataObject) -> Any:
    """The generated request through the app's own test client (its lifespan, its pool)."""
    kwargs = case.as_transport_kwargs(base_url="http://testserver", headers={"X-API-Key": token})
    kwargs = copy.deepcopy(kwargs)  # the case keeps its own body: it is reported on failure
    _sprinkle_odd_text(kwargs, data)
    content = kwargs.get("data")
    if "json" in kwargs:  # ASCII-escaped, so a lone surrogate travels as \\ud800
        content = json.dumps(kwargs["json"]).encode()
    elif isinstance(content, str):
        content = content.encode("utf-8", "surrogateescape")
    return c.request(
        kwargs["method"],
        kwargs["url"],
        headers=kwargs.get("headers"),
        params=kwargs.get("params"),
        content=content,
        follow_redirects=False,
    )


def _aim_at_real_rows(case: Any, data: st.DataObject) -> None:
    """Random ids almost never exist; most of the time, aim at a seeded advert, partner or
    feed event instead, so the code behind the 404 runs too."""
    for name in ("advert_id", "partner_id", "seq"):
        params = case.path_parameters
        if isinstance(params, dict) and name in params and data.draw(st.booleans()):
            params[name] = data.draw(st.integers(1, len(ADVERTS)))


def _sprinkle_odd_text(kwargs: dict[str, Any], data: st.DataObject) -> None:
    """Hypothesis seldom draws NUL and schemathesis never a lone surrogate (it generates valid
    UTF-8): now and then put one into a string of the JSON body (NUL only into the query,
    which must stay encodable)."""
    surrogates = ["\x00", "\ud800", "\udfff"]
    for container, odd in ((kwargs.get("json"), surrogates), (kwargs.get("params"), ["\x00"])):
        if not isinstance(container, dict):
            continue
        names: list[str] = sorted(k for k, v in container.items() if isinstance(v, str))
        sprinkle: bool = bool(names) and data.draw(st.booleans())
        if sprinkle:
            name: str = data.draw(st.sampled_from(names))
            container[name] += data.draw(st.sampled_from(odd))


def _examples(operation: Any, role: str) -> int:
    tags = operation.definition.raw.get("tags", [])
    allowed = any(role in TAG_ROLES.get(tag, ()) for tag in tags)
    return EXAMPLES_ALLOWED if allowed else EXAMPLES_REFUSED


def _fuzz(c: TestClient, operation: Any, role: str, token: str, key_ids: set[int]) -> None:
    modes = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
    cases = st.one_of(*(operation.as_strategy(generation_mode=mode) for mode in modes))

    @settings(
        max_examples=_examples(operation, role),
        deadline=None,
        database=None,
        derandomize=True,  # the same inputs on every run: a failure is reproducible
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases, data=st.data())
    def no_failure(case: Any, data: st.DataObject) -> None:
        # Revoking the fuzzer's own keys would only turn later calls into 401s.
        assume(case.path_parameters.get("key_id") not in key_ids)
        _aim_at_real_rows(case, data)
        case.validate_response(_send(c, case, token, data), checks=CHECKS)

    no_failure()


@pytest.mark.parametrize("role", ROLES)
def test_no_input_makes_any_operation_fail(
    fuzz_env: tuple[TestClient, dict[str, str], set[int]], role: str
) -> None:
    c, tokens, key_ids = fuzz_env
    raw = c.get("/openapi.json", headers={"X-API-Key": tokens["admin"]}).json()
    schema: Any = schemathesis.openapi.from_dict(raw)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        _fuzz(c, operation, role, tokens[role], key_ids)
