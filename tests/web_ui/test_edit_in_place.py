"""Editing without a reload: add, move, delete in place; undo and redo survive a reload."""

from __future__ import annotations

import pytest
from tests.web_ui.sample import sample_debate
from tests.web_ui.test_access import AXE, _violations

from quaestio.store import accounts
from quaestio.store import debates as store_debates
from web_browser import shot

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-1"
MARK = "() => window.__stayed === true"


@pytest.fixture(scope="module")
def editable(server):  # type: ignore[no-untyped-def]
    server.add_user("inplace1", PASSWORD)
    with server.db.transaction() as session:
        owner = accounts.by_username(session, "inplace1")
        return store_debates.import_debate(
            session, sample_debate("Edited in place"), owner_id=owner.id
        ).id


def _sign_in(page, server) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/signin")
    page.fill("#username", "inplace1")
    page.fill("#password", PASSWORD)
    page.click("form.signin button[type=submit]")
    page.wait_for_url(f"{server.url}/")


def _status(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator("#history-status").inner_text()


def test_add_move_delete_in_place_then_undo_after_reload(server, page, editable) -> None:  # type: ignore[no-untyped-def]
    _sign_in(page, server)
    page.goto(f"{server.url}/d/{editable}/edit")
    undo, redo = page.locator("#undo"), page.locator("#redo")
    # nothing done yet: both buttons are disabled, and look it
    assert undo.is_disabled() and undo.get_attribute("aria-disabled") == "true"
    assert page.evaluate(
        "() => getComputedStyle(document.getElementById('undo')).backgroundColor"
    ) != page.evaluate(
        "() => getComputedStyle(document.querySelector('.edit-node button')).backgroundColor"
    )
    page.evaluate("() => { window.__stayed = true; window.scrollTo(0, 400); }")

    # add a point to the third position: only its list is swapped, the page stays
    page.click("summary:text('Add a point to “Pressure from below”')")
    page.fill("#add-p3-text", "Regional party bosses sent in longer lists than asked for.")
    page.click("#edit-pos-p3 button:text('Add point')")
    added = page.locator(".edit-node .node-text", has_text="Regional party bosses")
    added.wait_for()
    assert page.evaluate(MARK)
    assert _status(page).startswith("Added “Regional party bosses")
    assert page.input_value("#add-p3-text") == ""  # the form is ready for the next point
    assert undo.is_enabled() and undo.get_attribute("aria-disabled") == "false"
    new_id = added.locator("xpath=ancestor::div[@data-node][1]").get_attribute("data-node")

    # move it under the first position: both positions are redrawn in place
    card = page.locator(f'.edit-node[data-node="{new_id}"]')
    card.get_by_role("button", name="Move").click()
    page.select_option('select[name="under"]', label="the position “Stalin planned the purges”")
    page.click(".move-form button[type=submit]")
    page.wait_for_selector('#edit-pos-p1 .node-text:has-text("Regional party bosses")')
    assert page.locator('#edit-pos-p3 .node-text:has-text("Regional party bosses")').count() == 0
    assert _status(page).startswith("Moved “Regional party bosses")
    assert page.evaluate(MARK)

    # delete a point: it goes, nothing reloads, the status names it by its words
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('.edit-node[data-node="p2.f1"]').get_by_role("button", name="Delete").click()
    page.wait_for_selector('.edit-node[data-node="p2.f1"]', state="detached")
    assert _status(page) == "Deleted “Loyalists arrested”."
    # the keyboard stays in the list: on the next point, not back at the top of the page
    assert page.evaluate("() => document.activeElement.closest('.edit-node')?.dataset.node") == "p2.a1"
    assert page.evaluate(MARK)
    assert "p2.f1" not in _status(page)
    shot(page, "edit-in-place")

    # the history is the server's: after a reload, undo brings the point back
    page.reload()
    assert not page.evaluate(MARK)
    assert "Loyalists arrested" in (undo.get_attribute("title") or "")
    undo.click()
    page.wait_for_selector('.edit-node[data-node="p2.f1"] strong:text("Loyalists arrested")')
    assert _status(page) == "Undid the deleting “Loyalists arrested”."
    page.evaluate("() => { window.__stayed = true; }")
    # undo the move, then the add: the point leaves the first position, then is gone
    undo.click()
    page.wait_for_selector('#edit-pos-p3 .node-text:has-text("Regional party bosses")')
    undo.click()
    page.wait_for_selector('.node-text:has-text("Regional party bosses")', state="detached")
    assert undo.is_disabled() and redo.is_enabled()
    redo.click()
    page.wait_for_selector('#edit-pos-p3 .node-text:has-text("Regional party bosses")')
    assert page.evaluate(MARK)
    # a new position arrives at the end of the list, in place, and can be undone
    page.click("summary:text('Add a position')")
    page.fill("#add-position-title", "Fear of war")
    page.click("button:text('Add position')")
    page.wait_for_selector('.edit-position h3.node-title:text("Fear of war")')
    assert page.evaluate(MARK) and _status(page) == "Added “Fear of war”."
    undo.click()
    page.wait_for_selector('.edit-position h3.node-title:text("Fear of war")', state="detached")
    assert page.errors == []


def test_rebuttal_picked_from_a_searchable_list(server, page, editable) -> None:  # type: ignore[no-untyped-def]
    _sign_in(page, server)
    page.goto(f"{server.url}/d/{editable}/edit")
    card = page.locator('.edit-node[data-node="p3.a1"]')
    card.get_by_role("button", name="Edit").click()
    page.fill("#f-p3\\.a1-rebuts-search", "spying")
    visible = card.locator(".rebuts-choices li:visible")
    assert visible.count() == 1
    assert "Loyalists arrested" in visible.inner_text()
    visible.get_by_role("checkbox").check()
    card.locator("button[type=submit]").click()
    page.wait_for_selector(
        '.edit-node[data-node="p3.a1"] .node-rebuts:has-text("Loyalists arrested")'
    )
    assert _status(page) == "Saved “Signed lists”."
    page.click("#undo")
    page.wait_for_selector('.edit-node[data-node="p3.a1"] .node-rebuts', state="detached")
    assert _status(page) == "Undid the edit of “Signed lists”."


@pytest.mark.skipif(not AXE.exists(), reason="frontend/build.sh installs axe-core")
def test_the_editor_passes_axe_with_a_form_and_a_move_open(server, page, editable) -> None:  # type: ignore[no-untyped-def]
    _sign_in(page, server)
    page.goto(f"{server.url}/d/{editable}/edit")
    page.locator('.edit-node[data-node="p1.a1"]').get_by_role("button", name="Edit").click()
    page.wait_for_selector(".rebuts-picker")
    page.locator('.edit-node[data-node="p2.a1"]').get_by_role("button", name="Move").click()
    page.wait_for_selector(".move-form")
    assert _violations(page) == []
