"""The ACH matrix page saves an editor's ratings with the debate: reload, verdict, conflicts."""

from __future__ import annotations

import pytest
from tests.web_ui.sample import sample_debate
from tests.web_ui.test_editing import PASSWORD, sign_in

from quaestio.reasoning import ach_matrix
from quaestio.store import Actor, accounts
from quaestio.store import ach as store_ach
from quaestio.store import debates as store_debates
from web_browser import shot

pytestmark = pytest.mark.browser
ACH_LEADER = "() => document.querySelector('section[data-semantics=ach] li').dataset.position"


@pytest.fixture(scope="module")
def owned(server):  # type: ignore[no-untyped-def]
    """A teacher's own debate: they may rate its cells."""
    server.add_user("analyst1", PASSWORD)
    with server.db.transaction() as session:
        owner = accounts.by_username(session, "analyst1")
        row = store_debates.import_debate(session, sample_debate("Rated debate"), owner_id=owner.id)
        return {"debate_id": row.id, "owner_id": owner.id}


def _flipping_cell() -> tuple[str, str]:
    """An evidence item that, rated II against the ACH leader, costs it the lead."""
    debate = sample_debate()
    plain = ach_matrix(debate)
    leader = min(plain.positions, key=lambda p: (plain.inconsistency[p], p))
    for e in plain.evidence:
        rated = ach_matrix(debate, {(e, leader): "II"})
        if min(rated.positions, key=lambda p: (rated.inconsistency[p], p)) != leader:
            return e, leader
    raise AssertionError("no single II rating moves the sample's ACH leader")


def _select(page, evidence: str, position: str) -> str:  # type: ignore[no-untyped-def]
    return f'select[data-evidence="{evidence}"][data-hypothesis="{position}"]'


def test_a_saved_rating_survives_a_reload_and_moves_the_verdict(server, page, owned) -> None:  # type: ignore[no-untyped-def]
    did = owned["debate_id"]
    evidence, leader = _flipping_cell()
    sign_in(page, server, "analyst1")
    page.goto(f"{server.url}/d/{did}/verdict")
    page.wait_for_selector("section[data-semantics=ach] li", state="attached")
    assert page.evaluate(ACH_LEADER) == leader

    page.goto(f"{server.url}/d/{did}/matrix")
    page.wait_for_selector("#matrix[data-ready=true]")
    cell = _select(page, evidence, leader)
    assert page.locator(cell).input_value() == ""  # derived until someone rates it
    page.select_option(cell, "II")
    page.wait_for_function(
        "() => document.getElementById('matrix-save-status').textContent.startsWith('Saved')"
    )
    page.reload()
    page.wait_for_selector("#matrix[data-ready=true]")
    assert page.locator(cell).input_value() == "II"
    td = page.locator(f"td:has({cell})")
    assert td.get_attribute("data-origin") == "analyst"
    assert page.locator("td[data-origin=analyst]").count() == 1
    first = page.locator("thead th[data-hypothesis]").first.get_attribute("data-hypothesis")
    assert first != leader
    shot(page, "matrix-analyst")

    page.goto(f"{server.url}/d/{did}/verdict")
    page.wait_for_selector("section[data-semantics=ach] li", state="attached")
    assert page.evaluate(ACH_LEADER) == first

    # handing the cell back to quaestio restores the derived rating and the old leader
    page.goto(f"{server.url}/d/{did}/matrix")
    page.wait_for_selector("#matrix[data-ready=true]")
    page.select_option(cell, "")
    page.wait_for_function(
        "() => document.getElementById('matrix-save-status').textContent.includes('derived again')"
    )
    page.reload()
    page.wait_for_selector("#matrix[data-ready=true]")
    assert page.locator("td[data-origin=analyst]").count() == 0
    page.goto(f"{server.url}/d/{did}/verdict")
    page.wait_for_selector("section[data-semantics=ach] li", state="attached")
    assert page.evaluate(ACH_LEADER) == leader
    assert page.errors == []


def test_a_stale_save_shows_the_other_persons_rating(server, page, owned) -> None:  # type: ignore[no-untyped-def]
    did = owned["debate_id"]
    sign_in(page, server, "analyst1")
    page.goto(f"{server.url}/d/{did}/matrix")
    page.wait_for_selector("#matrix[data-ready=true]")
    evidence = page.locator("tbody tr").first.get_attribute("data-evidence")
    positions = page.locator("thead th[data-hypothesis]").evaluate_all(
        "e => e.map(x => x.dataset.hypothesis)"
    )
    assert evidence and len(positions) >= 2
    # a colleague rates the same point after this page was loaded
    with server.db.transaction() as session:
        current = store_ach.set_cell(
            session,
            Actor(owned["owner_id"]),
            did,
            evidence,
            positions[0],
            _version(server, did, evidence),
            "NA",
        )
    assert current["ach"] == {positions[0]: "NA"}
    page.select_option(_select(page, evidence, positions[1]), "CC")
    page.wait_for_function(
        "() => document.getElementById('matrix-save-status').textContent.includes('Someone else')"
    )
    assert page.locator(_select(page, evidence, positions[0])).input_value() == "NA"
    assert page.locator(_select(page, evidence, positions[1])).input_value() == ""
    # the page now holds the new version: the same change saves
    page.select_option(_select(page, evidence, positions[1]), "CC")
    page.wait_for_function(
        "() => document.getElementById('matrix-save-status').textContent.startsWith('Saved')"
    )
    page.reload()
    page.wait_for_selector("#matrix[data-ready=true]")
    assert page.locator(_select(page, evidence, positions[1])).input_value() == "CC"
    assert page.errors == []


def _version(server, did: int, evidence: str) -> int:  # type: ignore[no-untyped-def]
    from quaestio.store import nodeviews

    with server.db.read() as session:
        return nodeviews.versions(session, did)[evidence]


def test_undo_hands_the_cell_back_and_is_saved_too(server, page, owned) -> None:  # type: ignore[no-untyped-def]
    did = owned["debate_id"]
    sign_in(page, server, "analyst1")
    page.goto(f"{server.url}/d/{did}/matrix")
    page.wait_for_selector("#matrix[data-ready=true]")
    assert page.locator("#matrix-undo").is_disabled()
    analyst_before = page.locator("td[data-origin=analyst]").count()
    row = page.locator("tbody tr").nth(1)
    evidence = row.get_attribute("data-evidence")
    position = page.locator("thead th[data-hypothesis]").last.get_attribute("data-hypothesis")
    assert evidence and position
    cell = _select(page, evidence, position)
    before = page.locator(cell).input_value()
    page.select_option(cell, "II" if before != "II" else "C")
    page.wait_for_function(
        "() => document.getElementById('matrix-save-status').textContent.startsWith('Saved')"
    )
    assert page.locator("#matrix-undo").is_enabled()
    page.click("#matrix-undo")
    page.wait_for_function(
        "() => document.getElementById('matrix-save-status').textContent.includes('Saved')"
        " && !document.getElementById('matrix').dataset.saving"
    )
    assert page.locator("#matrix-undo").is_disabled()
    page.reload()
    page.wait_for_selector("#matrix[data-ready=true]")
    assert page.locator(cell).input_value() == before
    assert page.locator("td[data-origin=analyst]").count() == analyst_before
    assert page.errors == []


def test_the_editors_matrix_with_analyst_cells_passes_axe(server, page, owned) -> None:  # type: ignore[no-untyped-def]
    from tests.web_ui.test_access import AXE, _violations

    if not AXE.exists():
        pytest.skip("frontend/build.sh installs axe-core")
    did = owned["debate_id"]
    with server.db.transaction() as session:
        from quaestio.store import nodeviews

        version = nodeviews.versions(session, did)["p1.a1"]
        store_ach.set_cell(session, Actor(owned["owner_id"]), did, "p1.a1", "p2", version, "CC")
    sign_in(page, server, "analyst1")
    page.goto(f"{server.url}/d/{did}/matrix")
    page.wait_for_selector("#matrix[data-ready=true] td[data-origin=analyst]")
    assert _violations(page) == []
