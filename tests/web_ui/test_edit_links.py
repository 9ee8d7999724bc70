"""Links between claims in the editor: picked by their words, undone and redone, and
brought back with a deleted consequence by undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.web_ui.test_access import _violations
from tests.web_ui.test_editing import sign_in

from quaestio.study import read_debate
from web_browser import shot

pytestmark = pytest.mark.browser
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "purges.debate.md"


@pytest.fixture(scope="module")
def linked(server):  # type: ignore[no-untyped-def]
    server.add_user("linker1")
    return server.add_debate(read_debate(EXAMPLE), owner="linker1")


def _relations(page, server, debate_id: int) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    url = f"{server.url}/api/debates/{debate_id}/relations?limit=200"
    body = page.request.get(url).json()
    return {(r["kind"], r["source"], r["target"]) for r in body["items"] if r["kind"] != "rebuts"}


def test_a_teacher_links_a_consequence_to_an_explanation_and_undoes_it(  # type: ignore[no-untyped-def]
    server, page, linked
) -> None:
    sign_in(page, server, "linker1")
    page.goto(f"{server.url}/d/{linked}/edit")
    links = page.locator("#edit-links .link-list li")
    assert links.count() == 8
    assert (
        "“Scapegoats covered up failures, above all economic ones.” supports"
        in links.nth(4).inner_text()
    )
    assert "r5" not in page.locator("#edit-links").inner_text()  # people read words, not ids

    page.click("#add-link summary")
    page.wait_for_selector("#link-source")
    page.select_option("#link-source", label="Vacancies meant promotion for many.")
    page.select_option("#link-kind", label="supports")
    page.select_option(
        "#link-target", label="The purges took on a life of their own (the explanation)"
    )
    page.fill("#link-text", "careerists had a motive to denounce their superiors")
    page.click(".link-form button[type=submit]")
    page.wait_for_selector("#edit-links li:has-text('Vacancies meant promotion')")
    assert page.locator("#history-status").inner_text().startswith("Linked: “Vacancies")
    assert ("support", "c.pos5", "p7") in _relations(page, server, linked)
    assert page.input_value("#link-text") == ""  # the form stays open, ready for the next
    assert _violations(page) == []
    shot(page, "edit-links")

    page.click("#undo")
    page.wait_for_selector("#edit-links li:has-text('Vacancies meant promotion')", state="detached")
    assert ("support", "c.pos5", "p7") not in _relations(page, server, linked)
    page.click("#redo")
    page.wait_for_selector("#edit-links li:has-text('Vacancies meant promotion')")
    assert ("support", "c.pos5", "p7") in _relations(page, server, linked)

    # removing a link names it by its words
    row = page.locator("#edit-links li", has_text="Vacancies meant promotion")
    row.get_by_role("button", name="Remove").click()
    row.wait_for(state="detached")
    assert page.locator("#history-status").inner_text().startswith("Removed the link: “Vacancies")
    assert page.errors == []


def test_undoing_a_deleted_consequence_brings_its_links_back(server, page, linked) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, "linker1")
    page.goto(f"{server.url}/d/{linked}/edit")
    before = _relations(page, server, linked)
    assert ("support", "c.pos3", "p6") in before
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('.edit-node[data-node="c.pos3"]').get_by_role("button", name="Delete").click()
    page.wait_for_selector('.edit-node[data-node="c.pos3"]', state="detached")
    page.wait_for_selector("#edit-links li:has-text('Scapegoats')", state="detached")
    assert ("support", "c.pos3", "p6") not in _relations(page, server, linked)
    page.reload()  # undo survives a reload
    page.click("#undo")
    page.wait_for_selector('.edit-node[data-node="c.pos3"]')
    page.wait_for_selector("#edit-links li:has-text('Scapegoats')")
    assert _relations(page, server, linked) == before
    assert page.errors == []
