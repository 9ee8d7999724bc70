"""Fixtures for the study pages and API: reused from the web UI and API suites, not copied.

The browser tests use ``tests/web_ui``'s real server and Chromium; the API tests
(``test_api.py``) import the API suite's ``app``/``browser``/``school`` fixtures,
which need its helper modules on ``sys.path``.
"""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
for folder in (TESTS, TESTS / "web_api"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from tests.web_ui.conftest import browser, page, server  # noqa: E402

__all__ = ["browser", "page", "server"]
