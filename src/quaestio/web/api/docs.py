"""API docs at /docs without a CDN: Swagger UI's files come from the swagger-ui-bundle package.

Where that package is missing, /docs is a plain page listing every operation
from the OpenAPI document, so the docs never depend on the internet.
"""

from __future__ import annotations

import html
import importlib.util
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"


def _bundle_dir() -> Path | None:
    if importlib.util.find_spec("swagger_ui_bundle") is None:
        return None
    import swagger_ui_bundle  # type: ignore[import-untyped]

    path = Path(str(swagger_ui_bundle.swagger_ui_path))
    return path if (path / "swagger-ui-bundle.js").exists() else None


def _plain(app: FastAPI) -> str:
    rows = []
    for path, ops in sorted(app.openapi().get("paths", {}).items()):
        for method, op in ops.items():
            summary = html.escape(op.get("summary", ""))
            rows.append(
                f"<tr><td><code>{method.upper()}</code></td><td><code>{html.escape(path)}"
                f"</code></td><td>{summary}</td></tr>"
            )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>quaestio API</title></head>"
        "<body><h1>quaestio API</h1><p>The full description is "
        "<a href='/openapi.json'>/openapi.json</a>.</p><table>"
        + "".join(rows)
        + "</table></body></html>"
    )


def as_openapi_30(node: Any) -> Any:
    """A copy of FastAPI's OpenAPI 3.1 document in 3.0 terms, for the bundled Swagger UI 4
    (which renders 3.0 only): ``anyOf [X, null]`` becomes ``X`` + ``nullable``, ``const``
    an ``enum``, ``examples`` an ``example``. /openapi.json itself stays 3.1."""
    if isinstance(node, list):
        return [as_openapi_30(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: as_openapi_30(v) for k, v in node.items()}
    if out.get("openapi", "").startswith("3.1"):
        out["openapi"] = "3.0.3"
    options = out.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        rest = [o for o in options if o != {"type": "null"}]
        del out["anyOf"]
        if len(rest) == 1 and isinstance(rest[0], dict) and "$ref" not in rest[0]:
            out.update(rest[0])
        else:
            out["anyOf"] = rest
        out["nullable"] = True
    if "const" in out:
        out["enum"] = [out.pop("const")]
    if isinstance(out.get("examples"), list) and "paths" not in out:
        examples = out.pop("examples")
        if examples:
            out["example"] = examples[0]
    return out


def install(app: FastAPI) -> None:
    bundle = _bundle_dir()
    if bundle is not None:
        app.mount(ASSETS, StaticFiles(directory=bundle), name="docs-assets")

    @app.get("/docs/openapi-3.0.json", include_in_schema=False)
    def openapi_30() -> JSONResponse:
        return JSONResponse(as_openapi_30(app.openapi()))

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if bundle is None:
            return HTMLResponse(_plain(app))
        return get_swagger_ui_html(
            openapi_url="/docs/openapi-3.0.json",
            title="quaestio API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        )
