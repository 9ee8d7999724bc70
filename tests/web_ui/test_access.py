"""Accessibility (axe-core, from npm, run in the page) and a tablet-sized screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.web_ui.sample import sample_debate

from web_browser import REPO, shot

pytestmark = pytest.mark.browser
AXE = REPO / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
VIEWS = ("table", "tree", "map", "matrix", "timeline", "historians", "balance", "verdict")


@pytest.fixture(scope="module")
def debate_id(server) -> int:  # type: ignore[no-untyped-def]
    return server.add_debate(sample_debate("Accessible debate"))


def _violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => {
          const r = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']});
          return r.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3)
            .map(n => n.target.join(' ')).join(' | '));
        }"""
    )
    return list(found)


@pytest.mark.skipif(not AXE.exists(), reason="frontend/build.sh installs axe-core")
def test_every_view_passes_axe(server, page, debate_id) -> None:  # type: ignore[no-untyped-def]
    problems: dict[str, list[str]] = {}
    for view in VIEWS:
        page.goto(f"{server.url}/d/{debate_id}/{view}")
        page.wait_for_load_state("networkidle")
        found = _violations(page)
        if found:
            problems[view] = found
    for path in ("/", "/signin"):
        page.goto(server.url + path)
        found = _violations(page)
        if found:
            problems[path] = found
    assert problems == {}


def test_keyboard_selects_a_point(server, page, debate_id) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/d/{debate_id}/table")
    page.keyboard.press("Tab")  # skip link first
    assert page.evaluate("() => document.activeElement.className") == "skip"
    page.focus('[data-node="p2.f1"]')
    page.keyboard.press("Enter")
    assert page.evaluate("() => quaestio.selected()") == "p2.f1"


def test_tablet_portrait_has_no_sideways_scrolling(server, chromium, debate_id) -> None:  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport={"width": 820, "height": 1180}, has_touch=True)
    page = context.new_page()
    try:
        for view in VIEWS:
            page.goto(f"{server.url}/d/{debate_id}/{view}")
            page.wait_for_load_state("networkidle")
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= 820, view
            if view == "verdict":
                # the rankings stay in sight above the sliders while one moves
                page.locator("#w-p3\\.a1").scroll_into_view_if_needed()
                box = page.locator("#ranking").bounding_box()
                assert box is not None and 0 <= box["y"] < 1180
                shot(page, "tablet-verdict")
    finally:
        context.close()


def test_missing_bundle_message_names_the_fix() -> None:
    from quaestio.web.pages import context

    saved = context.BUNDLE
    try:
        context.BUNDLE = Path("/nonexistent")
        assert "app.js" in context.bundle_missing()
    finally:
        context.BUNDLE = saved
    html = context.env.get_template("base.html").render(
        me=type("Me", (), {"signed_in": False, "csrf_token": ""})(),
        missing_bundle=["app.js"],
    )
    assert "frontend/build.sh" in html
