"""A real server (uvicorn on a free port, SQLite file) and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from quaestio.model import Debate
from quaestio.store import accounts
from quaestio.store import debates as store_debates
from quaestio.web.app import create_app
from quaestio.web.pages.context import bundle_missing

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
REPO = Path(__file__).resolve().parents[2]
# Screenshots go to docs/screenshots only when asked (QUAESTIO_SCREENSHOTS=1), so an
# ordinary test run leaves the work tree clean; otherwise to a temporary folder.
SCREENSHOTS = (
    REPO / "docs" / "screenshots"
    if os.environ.get("QUAESTIO_SCREENSHOTS")
    else Path(tempfile.gettempdir()) / "quaestio-screenshots"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    app: object

    @property
    def db(self):  # type: ignore[no-untyped-def]
        return self.app.state.db  # type: ignore[attr-defined]

    def add_debate(self, debate: Debate, owner: str | None = None) -> int:
        with self.db.transaction() as session:
            owner_id = accounts.by_username(session, owner).id if owner else None
            return store_debates.import_debate(session, debate, owner_id=owner_id).id

    def add_user(self, username: str, password: str = "correct-horse-1") -> None:
        with self.db.transaction() as session:
            accounts.create_user(session, username, password)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
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
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    missing = bundle_missing()
    if missing:
        pytest.fail(f"front-end bundle not built ({', '.join(missing)}): run frontend/build.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    yield pg
    context.close()


def shot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
