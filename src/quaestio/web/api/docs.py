"""API docs at /docs without a CDN: Swagger UI's files come from the swagger-ui-bundle package.

Where that package is missing, /docs is a plain page listing every operation
from the OpenAPI document, so the docs never depend on the internet.
"""

from __future__ import annotations

import html
import importlib.util
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
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


def install(app: FastAPI) -> None:
    bundle = _bundle_dir()
    if bundle is not None:
        app.mount(ASSETS, StaticFiles(directory=bundle), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if bundle is None:
            return HTMLResponse(_plain(app))
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="quaestio API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        )
