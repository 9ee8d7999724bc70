"""One real server (uvicorn on a free port, SQLite file) and one Debian Chromium for every browser suite.

``tests/web_ui`` and ``tests/web_study`` both drive pages through these
fixtures. They are registered once, from ``tests/conftest.py``
(``pytest_plugins``), so a session-scoped fixture is one object for the whole
run: one server and one Chromium however many browser suites are collected. (Two
conftests importing the same fixture function would each get their own
instance, and two sync Playwright instances cannot share a thread.)

Heavy imports (uvicorn, Playwright, the web app) happen inside the fixtures, so
test runs that use no browser do not pay for them.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from quaestio.model import Debate

CHROMIUM = os.environ.get("QUAESTIO_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO = Path(__file__).resolve().parents[1]
# Screenshots go to docs/screenshots only when asked (QUAESTIO_SCREENSHOTS=1), so an
# ordinary test run leaves the work tree clean; otherwise to a temporary folder.
SCREENSHOTS = (
    REPO / "docs" / "screenshots"
    if os.environ.get("QUAESTIO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "quaestio-screenshots"
)


# Frame times (ms) of ``steps`` alternate zoom and pan (``dx`` pixels) steps on the argument
# map, two frames each: ``page.evaluate(ZOOM_PAN_FRAMES, [steps, dx])``. Shared by the map
# test and its benchmark.
ZOOM_PAN_FRAMES = """async ([steps, dx]) => {
  const cy = window.quaestioMap; const times = [];
  for (let i = 0; i < steps; i++) {
    const t = performance.now();
    if (i % 2) cy.zoom({level: cy.zoom() * 1.1, renderedPosition: {x: 600, y: 400}});
    else cy.panBy({x: dx, y: 10});
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    times.push(performance.now() - t);
  }
  return times;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    app: Any

    @property
    def db(self) -> Any:
        return self.app.state.db

    def add_debate(self, debate: Debate, owner: str | None = None) -> int:
        from quaestio.store import accounts
        from quaestio.store import debates as store_debates

        with self.db.transaction() as session:
            owner_id = accounts.by_username(session, owner).id if owner else None
            return int(store_debates.import_debate(session, debate, owner_id=owner_id).id)

    def add_user(self, username: str, password: str = "correct-horse-1") -> None:
        from quaestio.store import accounts

        with self.db.transaction() as session:
            accounts.create_user(session, username, password)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    import uvicorn

    from quaestio.web.app import create_app

    db_file = tmp_path_factory.mktemp("webui") / "web.sqlite3"
    app = create_app(f"sqlite:///{db_file}")
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not uv.started:
        if time.time() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield Server(f"http://127.0.0.1:{port}", app)
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium through Playwright, launched once for the whole run."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from quaestio.web.pages.context import bundle_missing

    missing = bundle_missing()
    if missing:
        pytest.fail(f"front-end bundle not built ({', '.join(missing)}): run frontend/build.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh browser context and page per test (its own cookies), collecting page errors."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    yield pg
    context.close()


def shot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
