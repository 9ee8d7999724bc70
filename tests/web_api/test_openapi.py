"""The OpenAPI document and the offline docs page."""

from __future__ import annotations

import json
from typing import Any


def test_openapi_lists_every_resource(browser: Any) -> None:
    spec = browser().get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/debates",
        "/api/debates/{debate_id}",
        "/api/imports",
        "/api/imports/preview",
        "/api/imports/corrected",
        "/api/debates/{debate_id}/evidence/{node_id}",
        "/api/debates/{debate_id}/weights/{node_id}",
        "/api/debates/{debate_id}/evaluation",
        "/api/debates/{debate_id}/export",
        "/api/classes",
        "/api/auth/login",
        "/api/tokens",
        "/api/shared/{token}",
    ):
        assert path in paths, path
    patch = paths["/api/debates/{debate_id}/evidence/{node_id}"]["patch"]
    assert "409" in patch["responses"]
    assert spec["components"]["schemas"]["ErrorBody"]["properties"]["error"]


def test_docs_page_loads_its_assets_from_this_server(browser: Any) -> None:
    b = browser()
    page = b.get("/docs").text
    assert "/docs/openapi-3.0.json" in page
    assert "http://" not in page.replace("http://testserver", "") and "https://" not in page
    assert b.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert b.get("/docs-assets/swagger-ui.css").status_code == 200


def test_docs_get_an_openapi_30_rendering_swagger_ui_4_understands(browser: Any) -> None:
    b = browser()
    full = b.get("/openapi.json").json()
    legacy = b.get("/docs/openapi-3.0.json").json()
    assert full["openapi"].startswith("3.1") and legacy["openapi"] == "3.0.3"
    assert legacy["paths"].keys() == full["paths"].keys()
    text = json.dumps(legacy)
    assert '{"type": "null"}' not in text and '"const"' not in text
    summary = legacy["components"]["schemas"]["DebateSummary"]["properties"]
    assert summary["class_id"] == {"type": "integer", "title": "Class Id", "nullable": True}
