"""Fixtures for the study pages and API, reused from the web UI and API suites.

The browser tests use ``tests/web_ui``'s real server (uvicorn + SQLite) and its
``page``; the API tests (``test_api.py``) import the API suite's
``app``/``browser``/``school`` fixtures, which need its helpers on ``sys.path``.

Chromium is the one thing that cannot simply be re-registered here: two sync
Playwright instances cannot run in one thread, and ``tests/web_ui`` keeps its
own for the whole session. So ``browser`` reuses a Chromium that suite already
launched, and otherwise launches one that lives only while this package runs
(``pytest tests`` reaches web_study before web_ui).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parents[1]
for folder in (TESTS, TESTS / "web_api"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from tests.web_ui.conftest import ARGS, CHROMIUM, page, server  # noqa: E402

from quaestio.web.pages.context import bundle_missing  # noqa: E402

__all__ = ["browser", "page", "server"]


def _running_chromium() -> Any:
    from playwright.sync_api import Browser

    return next((o for o in gc.get_objects() if isinstance(o, Browser) and o.is_connected()), None)


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    missing = bundle_missing()
    if missing:
        pytest.fail(f"front-end bundle not built ({', '.join(missing)}): run frontend/build.sh")
    running = _running_chromium()
    if running is not None:
        yield running
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()
