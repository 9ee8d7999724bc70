"""The map of a 2,000-point debate: it opens on its positions, a position opens on a
click, and every point and link can be reached."""

from __future__ import annotations

import dataclasses
import statistics

import pytest
from tests.web_ui.sample import big_debate

from quaestio.model import Relation
from web_browser import ZOOM_PAN_FRAMES

pytestmark = pytest.mark.browser


def _debate():  # type: ignore[no-untyped-def]
    """20 positions of 100 points, and one cross-link from a point of p1 to one of p2."""
    debate = big_debate(20, 100)
    link = Relation("r1", "attack", "p1.f1", "p2.f2", text="p1's first point against p2's")
    return dataclasses.replace(debate, relations=(link,))


def test_a_big_map_opens_on_its_positions_and_shows_each_ones_points(server, page) -> None:  # type: ignore[no-untyped-def]
    did = server.add_debate(_debate())
    page.goto(f"{server.url}/d/{did}/map", timeout=60_000)
    page.wait_for_selector("#map[data-ready=true]", timeout=60_000)
    # the positions only, each marked collapsed and naming how many points it holds
    shown = page.evaluate(
        "() => quaestioMap.nodes().map(n => [n.id(), n.hasClass('collapsed'), n.style('label')])"
    )
    assert len(shown) == 20
    assert all(collapsed for _, collapsed, _ in shown)
    assert dict((i, label) for i, _, label in shown)["p1"] == "Explanation 1 (+100 points)"
    # the cross-link between hidden points is drawn between their positions meanwhile
    summary = page.evaluate(
        "() => quaestioMap.edges('.summary').map(e => [e.source().id(), e.target().id()])"
    )
    assert summary == [["p1", "p2"]]
    # clicking a position shows its points and the links among them
    page.evaluate("() => { quaestioMap.getElementById('p7').emit('tap'); }")
    counts = page.evaluate(
        """() => [quaestioMap.nodes().length,
                  quaestioMap.nodes('[owner = "p7"]').length,
                  quaestioMap.edges('.supports, .attacks, .rebuts').not('.summary').length]"""
    )
    assert counts == [120, 101, 100 + 1]  # a link from each point, and p7.a3 rebuts p7.f1
    assert page.evaluate("() => quaestioMap.getElementById('p7').hasClass('collapsed')") is False
    # laid out in layers: each point left of what it answers, none on top of another
    placed = page.evaluate(
        """() => { const pts = quaestioMap.nodes('[owner = "p7"]').map(n => n.position());
             const left = quaestioMap.edges('.supports, .attacks').not('.summary').every(
               e => e.source().position('x') < e.target().position('x'));
             const keys = new Set(pts.map(p => Math.round(p.x) + ',' + Math.round(p.y)));
             return [left, keys.size === pts.length]; }"""
    )
    assert placed == [True, True]
    # the opened points are on screen at a zoom where their labels are given and read
    page.wait_for_function(
        "() => quaestioMap.nodes('[owner = \"p7\"].named').length > 0", timeout=10_000
    )
    assert page.evaluate("() => quaestioMap.zoom()") * 14 >= 10
    # a double click closes the position again
    page.wait_for_timeout(900)
    page.evaluate("() => { quaestioMap.getElementById('p7').emit('dbltap'); }")
    assert page.evaluate("() => quaestioMap.nodes().length") == 20
    frames = page.evaluate(ZOOM_PAN_FRAMES, [20, 20])
    assert statistics.median(frames) < 250  # generous: software rendering, shared machine
    assert page.errors == []


def test_search_go_to_and_expand_all_reach_every_point(server, page) -> None:  # type: ignore[no-untyped-def]
    did = server.add_debate(_debate())
    page.goto(f"{server.url}/d/{did}/map", timeout=60_000)
    page.wait_for_selector("#map[data-ready=true]", timeout=60_000)
    # a search finds points inside collapsed positions and marks those positions
    page.fill("#map-search", "explanation 7.")
    assert page.evaluate("() => quaestioMap.nodes('.match').map(n => n.id())") == ["p7"]
    assert "100 matches" in page.inner_text("#map-status")
    # Enter shows them
    page.press("#map-search", "Enter")
    hits = page.evaluate("() => quaestioMap.nodes('.match').map(n => n.data('owner'))")
    assert len(hits) == 100 and set(hits) == {"p7"}
    page.fill("#map-search", "")
    # "Go to" a hidden point opens its position and selects it; the cross-link appears
    # between the point and the (still collapsed) position of its target
    page.select_option("#map-goto", "p1.f1")
    assert page.evaluate("() => quaestioMap.nodes(':selected').map(n => n.id())") == ["p1.f1"]
    assert page.evaluate(
        "() => quaestioMap.edges('.summary').map(e => [e.source().id(), e.target().id()])"
    ) == [["p1.f1", "p2"]]
    # a link between two shown points is drawn as itself, once
    page.select_option("#map-goto", "p2.f2")
    assert page.evaluate("() => quaestioMap.edges('.summary').length") == 0
    assert page.evaluate("() => quaestioMap.edges('[id = \"r1\"]').length") == 1
    # the selection survives a reload: the point is shown and selected
    page.goto(f"{server.url}/d/{did}/map?sel=p9.a3", timeout=60_000)
    page.wait_for_selector("#map[data-ready=true]", timeout=60_000)
    assert page.evaluate("() => quaestioMap.nodes(':selected').map(n => n.id())") == ["p9.a3"]
    # Expand all shows every node and link; Collapse all goes back to the positions
    page.click("button[data-map=expand-all]")
    page.wait_for_function("() => quaestioMap.nodes().length === 2020", timeout=60_000)
    assert page.evaluate("() => quaestioMap.edges().length") == 20 * (100 + 1) + 1
    page.click("button[data-map=collapse-all]")
    page.wait_for_function("() => quaestioMap.nodes().length === 20", timeout=60_000)
    assert page.errors == []
