"""The nested view in a real Chromium: a teacher answers a point in place and sees it nested;
the map draws the answer below the point it answers and the cross-links; screenshots."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.web_ui.sample import sample_debate

from quaestio.model import Debate, Evidence, Relation
from web_browser import shot

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-1"


def nested_debate() -> Debate:
    """The sample with a counter-counter-point and a link across positions (our own wording)."""
    base = sample_debate("A nested debate")
    p1 = base.positions[0]
    answer = Evidence(
        "p1.a1.a1",
        "against",
        "The released prisoners were soon replaced by new arrests.",
        label="Camps refilled",
        years=(1935,),
        parent="p1.a1",
    )
    deeper = Evidence(
        "p1.a1.a1.f1",
        "for",
        "Camp numbers rose again within two years.",
        parent="p1.a1.a1",
    )
    p1 = replace(p1, evidence=(*p1.evidence, answer, deeper))
    return replace(
        base,
        positions=(p1, *base.positions[1:]),
        relations=(Relation("r1", "support", "p1.a1", "p3", "a planner would not release them"),),
    )


@pytest.fixture(scope="module")
def nested_id(server) -> int:  # type: ignore[no-untyped-def]
    server.add_user("nester", PASSWORD)
    return server.add_debate(nested_debate(), owner="nester")


def _sign_in(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/signin")
    page.fill("#username", "nester")
    page.fill("#password", PASSWORD)
    page.click("form.signin button[type=submit]")
    page.wait_for_url(f"{server.url}/")


def test_answering_a_point_nests_the_answer_in_place(server, page, nested_id) -> None:  # type: ignore[no-untyped-def]
    _sign_in(page, server)
    page.goto(f"{server.url}/d/{nested_id}/tree")
    # the stored nesting is shown: the counter-counter-point sits inside the counter-point
    inner = page.locator('li[data-node="p1.a1"] > ul.children > li[data-node="p1.a1.a1"]')
    assert inner.count() == 1
    assert page.locator('li[data-node="p1.a1"] .cross-links').inner_text().startswith("supports")
    target = page.locator('li[data-node="p1.f2"]')
    target.locator(":scope > details.answer > summary").click()
    form = target.locator(":scope > details.answer form")
    form.locator('input[value="against"]').check()
    form.locator("textarea").fill("Delegates who survived were promoted, not shot.")
    page.evaluate("() => window.scrollTo(0, 200)")
    scrolled = page.evaluate("() => window.scrollY")
    form.locator("button[type=submit]").click()
    added = page.locator('li[data-node="p1.f2"] > ul.children > li[data-node="p1.f2.a1"]')
    added.wait_for()
    assert "Delegates who survived" in added.inner_text()
    assert "against" in (added.get_attribute("class") or "")
    status = page.locator("#tree-status").inner_text()
    assert "Congress delegates" in status and "Delegates who survived" in status
    assert page.evaluate("() => window.scrollY") == scrolled  # no reload, no jump to the top
    # the new point can itself be answered at once
    added.locator(":scope > details.answer > summary").click()
    added.locator(":scope > details.answer textarea").fill("Only a few were promoted.")
    added.locator(":scope > details.answer button[type=submit]").click()
    page.locator('li[data-node="p1.f2.a1"] > ul.children > li[data-node="p1.f2.a1.f1"]').wait_for()
    page.reload()
    assert page.locator('li[data-node="p1.f2"] li[data-node="p1.f2.a1.f1"]').count() == 1
    # the map draws the answers below what they answer, and the cross-link
    page.goto(f"{server.url}/d/{nested_id}/map")
    page.wait_for_selector("#map[data-ready=true]")
    edges = page.evaluate(
        "() => window.quaestioMap.edges().map(e => [e.source().id(), e.target().id(), e.classes().join(' ')])"
    )
    assert ["p1.f2.a1", "p1.f2", "attacks"] in edges
    assert ["p1.f2.a1.f1", "p1.f2.a1", "supports"] in edges
    assert ["p1.a1", "p3", "supports cross"] in edges
    assert page.errors == []


def test_readers_see_the_tree_without_answer_forms(server, page) -> None:  # type: ignore[no-untyped-def]
    library = server.add_debate(nested_debate())  # a library debate: anyone reads it
    page.goto(f"{server.url}/d/{library}/tree")
    assert page.locator('li[data-node="p1.a1"] li[data-node="p1.a1.a1.f1"]').count() == 1
    assert page.locator("li[data-node]").count() == 9
    assert page.locator("form.answer-form").count() == 0  # no edit right, no answer forms


def test_nested_view_screenshots_fit_the_screen(server, chromium, nested_id) -> None:  # type: ignore[no-untyped-def]
    for width, height in ((1280, 800), (390, 844)):
        context = chromium.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        try:
            _sign_in(page, server)
            page.goto(f"{server.url}/d/{nested_id}/tree")
            page.wait_for_load_state("networkidle")
            assert page.evaluate("() => document.documentElement.scrollWidth") <= width
            page.locator('li[data-node="p1.a1"] > details.answer > summary').click()
            if width < 600:  # on a phone the first position's counter-points are further down
                page.locator('li[data-node="p1.a1"]').scroll_into_view_if_needed()
            shot(page, f"nested-{width}")
        finally:
            context.close()
