"""Signing in, importing the seed by upload, editing with conflicts and undo, permissions."""

from __future__ import annotations

import pytest
from tests.conftest import shared_dir
from tests.web_ui.sample import sample_debate

from quaestio.store import Actor, accounts
from quaestio.store import classes as store_classes
from quaestio.store import debates as store_debates
from quaestio.store.convert import debate_from_rows
from quaestio.store.models import DebateRow
from web_browser import shot

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-1"


@pytest.fixture(scope="module")
def school(server):  # type: ignore[no-untyped-def]
    """A teacher with a class, a student in it, and a debate assigned to the class."""
    for name in ("teacher1", "student1"):
        server.add_user(name, PASSWORD)
    with server.db.transaction() as session:
        teacher = accounts.by_username(session, "teacher1")
        actor = Actor(teacher.id)
        klass = store_classes.create_class(session, actor, "Year 12 History")
        store_classes.add_member(session, actor, klass.id, "student1", "student")
        row = store_debates.import_debate(
            session, sample_debate("Class debate"), owner_id=teacher.id, class_id=klass.id
        )
        return {"class_id": klass.id, "debate_id": row.id}


def sign_in(page, server, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/signin")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("form.signin button[type=submit]")
    page.wait_for_url(f"{server.url}/")
    assert username in page.locator("header .who").inner_text()


def edit_node(page, node: str, fields: dict[str, str], shows: str) -> None:  # type: ignore[no-untyped-def]
    """Open a node's edit form, fill ``fields`` (field name: text), save, wait for ``shows``."""
    card = f'.edit-node[data-node="{node}"]'
    page.locator(card).get_by_role("button", name="Edit").click()
    escaped = node.replace(".", "\\.")
    for field, text in fields.items():
        page.fill(f"#f-{escaped}-{field}", text)
    page.click(f"{card} button[type=submit]")
    page.wait_for_selector(f"{card}{shows}")


def test_wrong_password_is_refused(server, page, school) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/signin")
    page.fill("#username", "teacher1")
    page.fill("#password", "not-the-password")
    page.click("form.signin button[type=submit]")
    assert page.locator("#signin-error").is_visible()
    assert page.locator("header .who").count() == 0


def test_upload_the_seed_and_open_each_view(server, page, school) -> None:  # type: ignore[no-untyped-def]
    seed = next((shared_dir() / "seeds").glob("*.txt"))
    sign_in(page, server, "teacher1")
    page.goto(f"{server.url}/upload")
    page.set_input_files("#upload-file", str(seed))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#report")
    report = page.locator("#report").inner_text()
    assert "Imported" in report and "positions" in report
    shot(page, "upload")
    page.click("#open-imported")
    rows = page.locator("table.handout tbody tr")
    assert rows.count() >= 4
    text = page.locator("table.handout").inner_text()
    assert "paranoia" in text.lower()
    debate_url = page.url.rsplit("/", 1)[0]
    for view, ready in (
        ("map", "#map[data-ready=true]"),
        ("timeline", "#timeline[data-ready=true]"),
        ("matrix", "#matrix[data-ready=true]"),
        ("historians", "table.historians-index"),
        ("balance", "main h2"),
        ("verdict", "details.compare-methods"),
        ("table", "table.handout"),
    ):
        page.goto(f"{debate_url}/{view}")
        page.wait_for_selector(ready, timeout=20000)
        if view == "timeline":
            page.wait_for_selector(".vis-item-content >> nth=0", state="visible")
            page.wait_for_timeout(300)
        shot(page, f"seed-{view}")
    # on the verdict page, push the flip-point evidence past its flip weight: the
    # leader must become the position the engine named
    page.goto(f"{debate_url}/verdict")
    flip = page.locator(".flip[data-flip-evidence]")
    evidence = flip.get_attribute("data-flip-evidence")
    old = float(flip.get_attribute("data-flip-old") or "0")
    new = float(flip.get_attribute("data-flip-new") or "0")
    new_top = flip.get_attribute("data-flip-top")
    leader = "() => document.querySelector('section[data-semantics=dfquad] li').dataset.position"
    before = page.evaluate(leader)
    assert before != new_top
    page.evaluate(
        """([id, v]) => { const el = document.getElementById('w-' + id); el.value = v;
                          el.dispatchEvent(new Event('input', {bubbles: true})); }""",
        [evidence, 1.0 if new > old else 0.0],
    )
    page.wait_for_function(f"() => ({leader})() !== {before!r}")
    assert page.evaluate(leader) == new_top
    assert page.errors == []


def test_teacher_edits_with_conflict_and_undo(server, page, chromium, school) -> None:  # type: ignore[no-untyped-def]
    did = school["debate_id"]
    sign_in(page, server, "teacher1")
    page.goto(f"{server.url}/d/{did}/edit")
    edit_node(page, "p1.f2", {"label": "Delegates of 1934"}, ' strong:text("Delegates of 1934")')
    assert page.locator("#undo").is_enabled()
    # the table shows the edit
    page.goto(f"{server.url}/d/{did}/table")
    assert "Delegates of 1934" in page.locator('[data-node="p1.f2"]').inner_text()

    # the debate's own fields and a consequence are edited the same way
    page.goto(f"{server.url}/d/{did}/edit")
    edit_node(page, "debate", {"question": "Who drove the Terror?"}, ':has-text("Who drove")')
    edit_node(page, "c.neg2", {"category": "Economy"}, ' em:text("Economy")')
    # historians, years and rebuttals are edited as text
    edit_node(
        page,
        "p3",
        {"historians": "Getty, Ezhov, Rittersporn"},
        ' .node-historians:text("Rittersporn")',
    )
    # the point a counter-point answers is picked by clicking it, never typed as an id
    card = page.locator('.edit-node[data-node="p3.a1"]')
    card.get_by_role("button", name="Edit").click()
    page.fill("#f-p3\\.a1-years", "1938, 1937")
    card.get_by_role("button", name="Pick by clicking a point").click()
    page.locator('.edit-node[data-node="p3.f1"] .node-text').click()
    assert card.get_by_role("checkbox", name="Police pressure").is_checked()
    card.locator("button[type=submit]").click()
    page.wait_for_selector('.edit-node[data-node="p3.a1"] .node-rebuts:has-text("Police pressure")')
    assert "p3.f1" not in page.locator("main").inner_text()
    page.goto(f"{server.url}/d/{did}/table")
    page.wait_for_selector("svg.rebuttal-lines")
    assert page.locator("path.rebuttal-line").count() == 3
    assert page.locator("table.handout a", has_text="Rittersporn").count() == 1
    page.goto(f"{server.url}/d/{did}/balance")
    assert "Economy" in page.locator(".side.negative").inner_text()
    # deleting asks first, then the point is gone everywhere
    page.goto(f"{server.url}/d/{did}/edit")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('.edit-node[data-node="c.pos1"]').get_by_role("button", name="Delete").click()
    page.wait_for_selector('.edit-node[data-node="c.pos1"]', state="detached")
    page.goto(f"{server.url}/d/{did}/balance")
    assert "Rivals to the leadership" not in page.locator("main").inner_text()
    assert page.locator(".question").inner_text() == "Who drove the Terror?"

    # undo and redo
    page.goto(f"{server.url}/d/{did}/edit")
    edit_node(page, "p1.f1", {"label": "Trials in Moscow"}, ' strong:text("Trials in Moscow")')
    page.click("#undo")
    page.wait_for_selector('.edit-node[data-node="p1.f1"] strong:text("Show trials")')
    page.click("#redo")
    page.wait_for_selector('.edit-node[data-node="p1.f1"] strong:text("Trials in Moscow")')

    # a second teacher tab saves first: this tab gets a conflict, not a silent overwrite
    page.locator('.edit-node[data-node="p2.f1"]').get_by_role("button", name="Edit").click()
    other = chromium.new_context()
    other_page = other.new_page()
    sign_in(other_page, server, "teacher1")
    other_page.goto(f"{server.url}/d/{did}/edit")
    edit_node(
        other_page,
        "p2.f1",
        {"text": "Their wording wins the race."},
        ' .node-text:text("Their wording")',
    )
    other.close()
    page.fill("#f-p2\\.f1-text", "My slower wording.")
    page.click('.edit-node[data-node="p2.f1"] button[type=submit]')
    conflict = page.locator('.edit-node[data-node="p2.f1"] .conflict')
    conflict.wait_for()
    assert "My slower wording." in conflict.inner_text()
    assert page.input_value("#f-p2\\.f1-text") == "Their wording wins the race."
    shot(page, "edit-conflict")
    assert page.errors == []


def test_student_cannot_edit_but_keeps_own_verdict(server, page, school) -> None:  # type: ignore[no-untyped-def]
    did = school["debate_id"]
    sign_in(page, server, "student1")
    page.goto(f"{server.url}/")
    assert page.locator("ul.debate-list a", has_text="Class debate").count() == 1
    page.goto(f"{server.url}/d/{did}/table")
    assert page.locator("nav.views a", has_text="Edit").count() == 0
    response = page.goto(f"{server.url}/d/{did}/edit")
    assert response is not None and response.status in (400, 403)
    # even a forged request is refused by the store
    status = page.evaluate(
        f"""async () => {{
            const token = document.querySelector("meta[name='csrf-token']").content;
            const r = await fetch('/d/{did}/edit/p1.f1', {{method: 'POST',
              headers: {{'X-CSRF-Token': token,
                         'Content-Type': 'application/x-www-form-urlencoded'}},
              body: 'version=1&label=hacked&text=hacked&stance=for&weight=0.5'}});
            return await r.text();
        }}"""
    )
    assert "may not" in status
    # a request without the CSRF token (as another site would send) changes nothing
    forged = page.evaluate(
        f"""async () => {{
            const r = await fetch('/d/{did}/my-verdict', {{method: 'POST',
              headers: {{'Content-Type': 'application/x-www-form-urlencoded'}},
              body: 'favoured=p1&text=forged'}});
            return await r.text();
        }}"""
    )
    assert "reload the page" in forged
    forged_form = page.evaluate(
        """async () => (await fetch('/classes', {method: 'POST',
             headers: {'Content-Type': 'application/x-www-form-urlencoded'},
             body: 'name=Forged'})).status"""
    )
    assert forged_form == 403
    page.goto(f"{server.url}/classes")
    assert "Forged" not in page.locator("main").inner_text()
    page.goto(f"{server.url}/d/{did}/table")
    assert "hacked" not in page.locator("table.handout").inner_text()
    # the student's own verdict is theirs to write
    page.goto(f"{server.url}/d/{did}/verdict")
    page.select_option("#favoured", "p3")
    page.fill("#verdict-text", "The pressure from below convinces me most.")
    page.click(".my-verdict button[type=submit]")
    page.wait_for_selector("#verdict-saved .ok")
    page.reload()
    assert page.input_value("#favoured") == "p3"


def test_teacher_sees_class_distribution(server, page, school) -> None:  # type: ignore[no-untyped-def]
    did = school["debate_id"]
    with server.db.transaction() as session:
        from quaestio.store import personal

        student = accounts.by_username(session, "student1")
        current = personal.my_verdict(session, Actor(student.id), did)
        if current is None:
            personal.set_verdict(session, Actor(student.id), did, "Pressure.", "p3", 0)
    sign_in(page, server, "teacher1")
    page.goto(f"{server.url}/d/{did}/verdict")
    row = page.locator('.class-votes tr[data-vote="p3"] td.num')
    assert row.inner_text() == "1"
    page.locator(".class-votes").scroll_into_view_if_needed()
    shot(page, "class-distribution")


def test_class_page_and_share_link(server, page, chromium, school) -> None:  # type: ignore[no-untyped-def]
    did, cid = school["debate_id"], school["class_id"]
    sign_in(page, server, "teacher1")
    page.goto(f"{server.url}/classes")
    page.click(f'a[href="/classes/{cid}"]')
    assert page.locator("main h1").inner_text() == "Year 12 History"
    assert "student1" in page.locator("table.plain").inner_text()
    assert page.locator(".join-code").inner_text().strip()
    assert page.locator("main a", has_text="Class debate").count() == 1
    shot(page, "class")
    page.goto(f"{server.url}/d/{did}/share")
    page.click("main form button:text('Create a share link')")
    url = page.locator(".share-url").first.input_value()
    assert "share=" in url
    # someone signed out, holding only the link, reads the debate and its other views
    stranger = chromium.new_context()
    other = stranger.new_page()
    assert other.goto(f"{server.url}/d/{did}/table").status == 404
    other.goto(url)
    assert other.locator("table.handout tbody tr").count() == 3
    other.click("nav.views a:text('Historians')")
    assert other.locator("table.historians-index").count() == 1
    assert other.locator("nav.views a", has_text="Edit").count() == 0
    # the sliders work through the link too (the token travels with htmx requests)
    other.click("nav.views a:text('Verdict')")
    first = "() => document.querySelector('section[data-semantics=dfquad] li').dataset.position"
    assert other.evaluate(first) == "p1"
    other.evaluate(
        """() => { for (const id of ['p1.f1', 'p1.f2']) {
                     const el = document.getElementById('w-' + id); el.value = 0;
                     el.dispatchEvent(new Event('input', {bubbles: true})); } }"""
    )
    other.wait_for_function(f"() => ({first})() !== 'p1'")
    assert "Sign in to write" in other.locator(".my-verdict").inner_text()
    stranger.close()


def test_sign_up_create_from_scratch_and_drop_a_file(server, page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/signup")
    page.fill("#username", "newteacher")
    page.fill("#display_name", "Ms New")
    page.fill("#password", PASSWORD)
    page.click("form.signin button[type=submit]")
    page.wait_for_url(f"{server.url}/")
    assert "Ms New" in page.locator("header .who").inner_text()
    # from scratch
    page.click("text=New debate")
    page.fill("#new-title", "Causes of the First World War")
    page.fill("#new-p1", "Alliances")
    page.click("form.signin button[type=submit]")
    page.wait_for_url("**/edit")
    assert page.locator(".debate-title").inner_text() == "Causes of the First World War"
    page.click("summary:text('Add a point to')")
    page.fill("textarea[name=text] >> nth=0", "Treaty obligations pulled allies in.")
    page.click("button:text('Add point')")
    page.wait_for_selector(".edit-node .node-text:text('Treaty obligations')")
    # a file dropped on the upload page is imported; a broken one gets a located error
    bad = tmp_path / "broken.debate.json"
    bad.write_text('{"quaestio": 1, "title": "x", "positions": [ }')
    page.goto(f"{server.url}/upload")
    page.evaluate(
        """([name, text]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([text], name, {type: 'application/json'}));
          const zone = document.querySelector('[data-dropzone]');
          zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));
        }""",
        [bad.name, bad.read_text()],
    )
    page.wait_for_selector("#report .error")
    assert "broken.debate.json" in page.locator("#report .error").inner_text()
    page.goto(f"{server.url}/")
    # nothing titled "x" was imported (other suites' debates share this server's list)
    titles = page.locator("ul.debate-list a").all_inner_texts()
    assert titles and "x" not in [t.strip() for t in titles]


def test_saved_weights_come_back(server, page, school) -> None:  # type: ignore[no-untyped-def]
    did = school["debate_id"]
    sign_in(page, server, "student1")
    page.goto(f"{server.url}/d/{did}/verdict")
    page.evaluate(
        """() => { const el = document.getElementById('w-p2.a1'); el.value = 0.95;
                   el.dispatchEvent(new Event('input', {bubbles: true})); }"""
    )
    page.click("button:text('Save my weights')")
    page.wait_for_selector("#weights-saved .ok")
    assert "1 changed" in page.locator("#weights-saved").inner_text()
    page.reload()
    assert page.input_value("#w-p2\\.a1") == "0.95"
    # the balance sheet saves its sliders too
    page.goto(f"{server.url}/d/{did}/balance")
    page.evaluate(
        """() => { const el = document.getElementById('w-c.neg2'); el.value = 0.1;
                   el.dispatchEvent(new Event('input', {bubbles: true}));
                   el.dispatchEvent(new Event('change', {bubbles: true})); }"""
    )
    page.wait_for_selector("#balance-saved .ok")
    page.reload()
    assert page.input_value("#w-c\\.neg2") == "0.1"


def test_join_a_class_by_code_then_sign_out(server, page, school) -> None:  # type: ignore[no-untyped-def]
    with server.db.read() as session:
        from quaestio.store.models import SchoolClass

        code = session.get(SchoolClass, school["class_id"]).join_code
    server.add_user("student2", PASSWORD)
    sign_in(page, server, "student2")
    assert page.locator("ul.debate-list a", has_text="Class debate").count() == 0
    page.goto(f"{server.url}/classes")
    page.fill("#join-code", code)
    page.click("button:text('Join')")
    page.wait_for_url(f"{server.url}/classes/{school['class_id']}")
    assert page.locator("main a", has_text="Class debate").count() == 1
    assert page.locator(".join-code").count() == 0  # students do not see the members
    page.click("header button:text('Sign out')")
    page.wait_for_url(f"{server.url}/")
    assert page.locator("header a", has_text="Sign in").count() == 1
    assert page.locator("ul.debate-list a", has_text="Class debate").count() == 0


def test_teacher_edits_who_makes_a_point_and_its_tags(server, page, school) -> None:  # type: ignore[no-untyped-def]
    with server.db.transaction() as session:
        teacher = accounts.by_username(session, "teacher1")
        did = store_debates.import_debate(
            session, sample_debate("Points by whom"), owner_id=teacher.id
        ).id
    sign_in(page, server, "teacher1")
    page.goto(f"{server.url}/d/{did}/edit")
    edit_node(
        page,
        "p1.f1",
        {"historians": "Conquest, Getty (disputes)", "tags": "#terror, regions, terror"},
        ' .node-tags:has-text("#regions")',
    )
    card = page.locator('.edit-node[data-node="p1.f1"]')
    assert "Conquest, Getty (disputes)" in card.locator(".node-historians").inner_text()
    assert card.locator(".node-tags").inner_text().split() == ["#terror", "#regions"]
    # stored on the point itself, with the stance of each historian
    with server.db.read() as session:
        debate = debate_from_rows(session, session.get(DebateRow, did))
    point = debate.evidence_by_id()["p1.f1"]
    assert [(h.name, h.stance) for h in point.historians] == [
        ("Conquest", "for"),
        ("Getty", "against"),
    ]
    assert point.tags == ("terror", "regions")
    # the form opens with what was saved, and emptying the fields clears them
    page.reload()
    card.get_by_role("button", name="Edit").click()
    assert page.input_value("#f-p1\\.f1-tags") == "terror, regions"
    assert page.input_value("#f-p1\\.f1-historians") == "Conquest, Getty (disputes)"
    page.fill("#f-p1\\.f1-tags", "")
    page.fill("#f-p1\\.f1-historians", "")
    page.click('.edit-node[data-node="p1.f1"] button[type=submit]')
    page.wait_for_selector('.edit-node[data-node="p1.f1"] .node-text')
    assert card.locator(".node-tags").count() == 0
    with server.db.read() as session:
        point = debate_from_rows(session, session.get(DebateRow, did)).evidence_by_id()["p1.f1"]
    assert point.historians == () and point.tags == ()
