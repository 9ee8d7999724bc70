"""Each view of one debate in a real Chromium: content, linked selection, screenshots."""

from __future__ import annotations

import pytest

from tests.web_ui.conftest import shot
from tests.web_ui.sample import sample_debate

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def debate_id(server) -> int:  # type: ignore[no-untyped-def]
    return server.add_debate(sample_debate())


def test_table_shows_handout_layout_and_rebuttal_lines(server, page, debate_id) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/d/{debate_id}/table")
    rows = page.locator("table.handout tbody tr")
    assert rows.count() == 3
    first = rows.nth(0)
    assert "Stalin planned the purges" in first.locator("th").inner_text()
    assert "Show trials" in first.locator("td").nth(0).inner_text()
    assert "Prisoners released" in first.locator("td").nth(1).inner_text()
    assert first.locator("th a", has_text="Conquest").count() == 1
    # source lines on hover
    assert page.locator('[data-node="p1.f1"]').get_attribute("title") == (
        "Source: purges-sample.txt:10-12"
    )
    # one drawn line per rebuttal, from the rebutting to the rebutted point
    page.wait_for_selector("svg.rebuttal-lines")
    lines = page.locator("path.rebuttal-line")
    assert lines.count() == 2
    assert {lines.nth(i).get_attribute("data-to") for i in range(2)} == {"p1.f1", "p2.f1"}
    page.locator('[data-node="p1.f2"]').click()
    assert "is-selected" in (page.locator('[data-node="p1.f2"]').get_attribute("class") or "")
    assert "Congress delegates" in page.locator("#selection-status").inner_text()
    shot(page, "table")
    assert page.errors == []


def test_map_lays_out_and_links_selection(server, page, debate_id) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/d/{debate_id}/map")
    page.wait_for_selector("#map[data-ready=true]", timeout=20000)
    counts = page.evaluate(
        "() => [quaestioMap.nodes().length, quaestioMap.edges('.supports').length,"
        " quaestioMap.edges('.attacks').length, quaestioMap.edges('.rebuts').length]"
    )
    assert counts == [10, 4, 3, 2]
    # supports and attacks are drawn differently
    styles = page.evaluate(
        "() => [quaestioMap.edges('.supports')[0].style('line-style'),"
        " quaestioMap.edges('.attacks')[0].style('line-style')]"
    )
    assert styles == ["solid", "dashed"]
    # search highlights matches
    page.fill("#map-search", "trials")
    assert page.evaluate("() => quaestioMap.nodes('.match').map(n => n.id())") == ["p1.f1"]
    page.fill("#map-search", "")
    # collapse hides a position's evidence, expand brings it back
    page.evaluate("() => quaestio.select('p2')")
    page.click("button[data-map=toggle]")
    assert page.evaluate("() => quaestioMap.getElementById('p2.f1').visible()") is False
    page.click("button[data-map=expand-all]")
    assert page.evaluate("() => quaestioMap.getElementById('p2.f1').visible()") is True
    # SVG export holds every visible node's label
    svg = page.evaluate("() => quaestioSvg()")
    assert svg.startswith("<svg") and "Show trials" in svg and svg.count('class="node"') == 10
    with page.expect_download() as download:
        page.click("button[data-map=png]")
    assert download.value.suggested_filename.endswith(".png")
    # selecting on the map selects in the table
    page.evaluate("() => quaestioMap.getElementById('p3.a1').emit('tap')")
    page.click("nav.views a:text('Table')")
    page.wait_for_selector('[data-node="p3.a1"].is-selected')
    page.goto(f"{server.url}/d/{debate_id}/map?sel=p1")
    page.wait_for_selector("#map[data-ready=true]")
    assert page.evaluate("() => quaestioMap.nodes(':selected').map(n => n.id())") == ["p1"]
    shot(page, "map")
    assert page.errors == []
