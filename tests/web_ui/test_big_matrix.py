"""The ACH matrix of a 2,000-point debate: only the rows in view are in the page, and
scrolling, rating and the header still work as on a small one."""

from __future__ import annotations

import pytest
from tests.web_ui.sample import big_debate

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def big(server):  # type: ignore[no-untyped-def]
    return server.add_debate(big_debate(20, 100))


def test_a_large_matrix_draws_only_what_is_in_view_and_scrolls_to_the_end(
    server, page, big
) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{server.url}/d/{big}/matrix")
    page.wait_for_selector("#matrix[data-ready=true] tbody tr[data-evidence]", state="attached")
    assert page.get_attribute("table.matrix", "aria-rowcount") == "2001"
    menus = page.locator("#matrix select").count()
    assert 0 < menus < 3000, menus  # a window of rows, not 2,000 x 20 menus
    header = page.locator("table.matrix thead th").nth(3)
    top = header.bounding_box()
    assert top is not None
    page.eval_on_selector("#matrix", "m => { m.scrollTop = m.scrollHeight; }")
    page.wait_for_function(
        "() => document.querySelector('#matrix tbody tr[aria-rowindex=\"2001\"]') !== null"
    )
    after, frame = header.bounding_box(), page.locator("#matrix").bounding_box()
    assert after is not None and frame is not None
    assert abs(after["y"] - frame["y"]) < 2  # the header stays at the top of the matrix
    # a reader's what-if on a row that only exists once scrolled to
    last = page.locator("#matrix tbody tr[aria-rowindex='2001'] select").first
    evidence = last.get_attribute("data-evidence")
    hypothesis = last.get_attribute("data-hypothesis")
    last.select_option("II")
    page.wait_for_function(
        "([e, h]) => document.querySelector(`select[data-evidence='${e}'][data-hypothesis='${h}']`)"
        "?.value === 'II'",
        arg=[evidence, hypothesis],
    )
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth + 1")
