"""The editor of a large debate carries its positions only; each position's points come
as it scrolls into view, and editing them works as on a small debate."""

from __future__ import annotations

import pytest
from tests.web_ui.sample import big_debate
from tests.web_ui.test_editing import sign_in

from quaestio.web.pages.edit_parts import LAZY_POINTS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def big(server):  # type: ignore[no-untyped-def]
    server.add_user("bigeditor1")
    return server.add_debate(big_debate(6, 100), owner="bigeditor1")


def test_points_load_as_their_position_comes_into_view(server, page, big) -> None:  # type: ignore[no-untyped-def]
    assert LAZY_POINTS < 6 * 100
    sign_in(page, server, "bigeditor1")
    page.set_viewport_size({"width": 1280, "height": 800})
    response = page.goto(f"{server.url}/d/{big}/edit")
    assert response is not None and response.ok
    page.wait_for_selector("#edit-positions .edit-evidence .edit-node")  # the first position's
    # the same size rule lays out only the positions near the screen
    assert "long" in (page.locator("#edit-positions").get_attribute("class") or "")
    first = page.locator("#edit-positions > section").first
    assert first.locator(".edit-evidence .edit-node").count() == 100
    last = page.locator("#edit-positions > section").last
    assert last.locator(".edit-evidence.is-loading").count() == 1  # not fetched yet
    assert page.locator(".edit-evidence .edit-node").count() < 600
    last.scroll_into_view_if_needed()
    last.locator(".edit-evidence:not(.is-loading) .edit-node").first.wait_for()
    assert last.locator(".edit-evidence .edit-node").count() == 100
    # a point fetched late is edited like any other
    card = last.locator(".edit-evidence .edit-node").first
    node = card.get_attribute("data-node")
    card.get_by_role("button", name="Edit").click()
    form = page.locator(f'.edit-node[data-node="{node}"] form')
    form.locator('textarea[name="text"]').fill("Rewritten after loading late.")
    form.locator("button[type=submit]").click()
    page.wait_for_selector(f'.edit-node[data-node="{node}"] :text("Rewritten after loading late.")')
    assert page.locator("#history-status").inner_text().startswith("Saved")
    assert page.errors == []


def test_another_users_request_for_points_is_refused(server, page, big) -> None:  # type: ignore[no-untyped-def]
    answer = page.request.get(f"{server.url}/d/{big}/edit/points/p1")
    said = answer.text()
    # someone else (here: not signed in) sees no point and no control, not even that it exists
    assert "edit-node" not in said and "Point 1 about" not in said
    assert "does not exist" in said or "may edit" in said
