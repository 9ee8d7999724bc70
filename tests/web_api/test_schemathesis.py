"""schemathesis generates requests from /openapi.json: no operation answers with a server error.

Runs signed in (bearer token) with one imported debate, so authenticated
operations get past the permission checks and exercise their handlers.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from web_api_helpers import Browser, upload  # noqa: E402

import quaestio.reasoning  # noqa: E402
from quaestio.web.app import create_app  # noqa: E402
from store_samples import sample_debate  # noqa: E402

TOKEN: dict[str, str] = {}
ENGINE = hasattr(quaestio.reasoning, "evaluate")


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:

    folder: Path = tmp_path_factory.mktemp("schemathesis")
    app = create_app(f"sqlite:///{folder / 'fuzz.sqlite3'}")
    owner = Browser(app).signup("fuzzer")
    assert upload(owner, sample_debate()).status_code == 201
    TOKEN["value"] = owner.post("/api/tokens", json={"name": "fuzz"}).json()["token"]
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.db.dispose()


def test_no_server_errors(api_schema: Any) -> None:
    """Every operation, eight generated requests each (``QUAESTIO_FUZZ_EXAMPLES`` for a
    longer run), with a fixed seed so CI repeats.

    Run without schemathesis' pytest plugin, whose lazy fixtures fail on this pytest."""
    headers = {"Authorization": f"Bearer {TOKEN['value']}"}
    failures: list[str] = []
    operations = requests = 0
    examples = int(os.environ.get("QUAESTIO_FUZZ_EXAMPLES", "8"))
    for result in api_schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(
            max_examples=examples,
            derandomize=True,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def run(case: Any) -> None:
            nonlocal requests
            requests += 1
            if "debate_id" in (case.path_parameters or {}):
                case.path_parameters["debate_id"] = 1  # the imported debate: handlers run deep
            response = case.call(headers=headers)
            code = response.status_code
            if code == 501 and not ENGINE and case.formatted_path.endswith("/evaluation"):
                return  # the deliberate answer until the reasoning engine is merged
            if code >= 500:
                failures.append(
                    f"{case.method} {case.formatted_path}: {code} {response.text[:200]}"
                )

        run()
    assert operations > 30
    print(f"schemathesis: {operations} operations, {requests} requests, {len(failures)} 5xx")
    assert failures == []
