"""The upload page in Chromium: a long import shows its progress, then its report; Cancel stops it.

The file is a Kialo export the reader needs a few seconds for, so the page's
script has time to poll the import's job and draw its stage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from benchmarks.generators import slow_kialo

from web_browser import shot

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-1"


@pytest.fixture(scope="module")
def uploader(server: Any) -> str:
    server.add_user("uploader1", PASSWORD)
    return "uploader1"


def _sign_in(page: Any, server: Any, username: str) -> None:
    page.goto(f"{server.url}/signin")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("form.signin button[type=submit]")
    page.wait_for_url(f"{server.url}/")


def _choose(page: Any, server: Any, tmp_path: Path, name: str, title: str) -> None:
    big = tmp_path / name
    big.write_bytes(slow_kialo(240, 50, title))  # seconds to read, however fast
    page.goto(f"{server.url}/upload")
    page.set_input_files("#upload-file", str(big))


def test_a_long_import_shows_its_progress_then_its_report(
    server: Any, page: Any, uploader: str, tmp_path: Path
) -> None:
    _sign_in(page, server, uploader)
    _choose(page, server, tmp_path, "long.kialo.txt", "Why did the long war start?")
    seen: list[str] = []
    page.on(
        "request", lambda r: seen.append(r.method + " " + r.url) if "/api/jobs/" in r.url else None
    )
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-progress:not([hidden])")
    page.wait_for_selector("#upload-progress[data-state=running]", timeout=30_000)
    assert page.locator("#upload-stage").inner_text() == "Reading the file"
    assert 0 < float(page.locator("#upload-bar").get_attribute("value") or 0) < 1
    assert page.locator("#upload-cancel").is_visible()
    shot(page, "upload-progress")
    page.wait_for_selector("#report", timeout=120_000)
    assert "/upload/jobs/" in page.url
    report = page.locator("#report").inner_text()
    assert "Imported" in report and "240 positions" in report, report
    assert any(s.startswith("GET ") for s in seen), "the page never polled its job"
    assert not page.errors
    page.click("#open-imported")
    page.wait_for_selector("table.handout")


def test_cancel_stops_the_import_and_saves_nothing(
    server: Any, page: Any, uploader: str, tmp_path: Path
) -> None:
    _sign_in(page, server, uploader)
    _choose(page, server, tmp_path, "cancelled.kialo.txt", "Why was this cancelled?")
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#upload-progress[data-state=running]", timeout=30_000)
    page.click("#upload-cancel")
    page.wait_for_selector("#report .error", timeout=30_000)
    assert "cancelled; nothing was saved" in page.locator("#report .error").inner_text()
    with server.db.read() as session:
        from sqlalchemy import func, select

        from quaestio.store.models import DebateRow

        saved = session.scalar(
            select(func.count())
            .select_from(DebateRow)
            .where(DebateRow.title == "Why was this cancelled?")
        )
    assert saved == 0
