"""The map with 2,000 nodes: drawn at once, usable while ELK works, then laid out."""

from __future__ import annotations

import statistics

import pytest
from tests.web_ui.sample import big_debate

from web_browser import ZOOM_PAN_FRAMES

pytestmark = pytest.mark.browser


def test_two_thousand_nodes_stay_usable(server, page) -> None:  # type: ignore[no-untyped-def]
    did = server.add_debate(big_debate())
    page.goto(f"{server.url}/d/{did}/map", timeout=60_000)
    page.wait_for_selector("#map[data-ready=true]", timeout=60_000)
    assert page.evaluate("() => quaestioMap.nodes().length") == 2000
    # usable before the layout finishes: search answers at once
    page.fill("#map-search", "explanation 7")
    hits = page.evaluate("() => quaestioMap.nodes('.match').map(n => n.data('owner'))")
    assert len(hits) == 50 and set(hits) == {"p7"}
    page.fill("#map-search", "")
    page.wait_for_selector("#map[data-elk=done]", timeout=120_000)
    # ELK's layered layout puts every point to the left of the position it bears on
    left_of = page.evaluate(
        """() => quaestioMap.edges('.supports, .attacks').every(
             e => e.source().position('x') < e.target().position('x'))"""
    )
    assert left_of is True
    # zoomed out, points carry no label (measuring 2,000 cost seconds); zoomed in, the
    # points on screen get theirs
    point = page.evaluate(
        """() => { const n = quaestioMap.nodes('.for, .against').first();
             return [n.id(), n.style('label')]; }"""
    )
    assert point[1] == ""
    page.evaluate(
        "id => quaestioMap.zoom({level: 1, position: quaestioMap.getElementById(id).position()})",
        point[0],
    )
    page.wait_for_function(
        "id => quaestioMap.getElementById(id).style('label') !== ''", arg=point[0]
    )
    frames = page.evaluate(ZOOM_PAN_FRAMES, [20, 20])
    # two frames per step; software rendering on a shared 2-core machine, so generous
    assert statistics.median(frames) < 250
    assert page.errors == []
