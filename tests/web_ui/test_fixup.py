"""The teacher's fix-up in Chromium: upload a handout, correct what was read with clicks,
undo, save, and find the corrections in the saved debate; both screen sizes; axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest

from quaestio.store.convert import debate_from_rows
from quaestio.store.models import DebateRow
from web_browser import REPO, shot

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-1"
AXE = REPO / "frontend" / "node_modules" / "axe-core" / "axe.min.js"

# several shapes in one handout: prose before the first position, nested bullets,
# a sub-heading read as a point, a point read the wrong way, a set-aside section
HANDOUT = """# Why did the Roman Republic fall?

Notes for Year 12, autumn term.

## Ambitious generals

- Marius reformed the army so soldiers were loyal to their general
- Sulla marched on Rome in 88 BC
- Caesar crossed the Rubicon in 49 BC
    - he had the loyalty of the Gallic legions
- But the Senate had survived ambitious men before

## Social and economic strain

- Land held by the rich pushed small farmers off the land
- Many small farmers still prospered

### Corruption of the Senate

- Bribery decided elections
- Provinces were plundered by governors

## Key terms

- Optimates: the conservative faction
"""
QUESTION = "How far were ambitious generals to blame for the fall of the Republic?"


def _violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.add_script_tag(path=str(AXE))
    return list(
        page.evaluate(
            """async () => {
              const r = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']});
              return r.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3)
                .map(n => n.target.join(' ')).join(' | '));
            }"""
        )
    )


def _click(page, label: str) -> None:  # type: ignore[no-untyped-def]
    """Press a fix-up button by its accessible name and wait for the new preview."""
    before = page.locator("#fixup-headline").inner_text()
    count = page.locator("#fixup-fixes").input_value().count("\n")
    page.get_by_role("button", name=label, exact=True).click()
    page.wait_for_function(
        "([before, count]) => { const t = document.querySelector('#fixup-fixes');"
        " return t && (t.value.split('\\n').length - 1 !== count"
        " || document.querySelector('#fixup-headline').innerText !== before"
        " || document.querySelector('#fixup-error')); }",
        arg=[before, count],
    )


def test_a_whole_fix_up_from_upload_to_saved_debate(server, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server.add_user("fixer", PASSWORD)
    page.goto(f"{server.url}/signin")
    page.fill("#username", "fixer")
    page.fill("#password", PASSWORD)
    page.click("form.signin button[type=submit]")
    page.wait_for_url(f"{server.url}/")
    handout = tmp_path / "rome.md"
    handout.write_text(HANDOUT, encoding="utf-8")
    page.goto(f"{server.url}/upload")
    page.set_input_files("#upload-file", str(handout))
    page.click("#upload-check")
    page.wait_for_selector("#fixup")
    # every line is named by what it became, in words beside the colour
    assert page.locator("#L5").get_attribute("data-role") == "position"
    assert page.locator("#L23").get_attribute("data-role") == "note"
    assert "not an explanation" in page.locator("#L23 .doc-role").inner_text()
    assert page.locator("#L16").get_attribute("data-role") == "for"

    _click(page, "Make the point on line 18 a position")  # the sub-heading
    assert page.locator("#L18").get_attribute("data-role") == "position"
    _click(page, "Flip the point on line 16 to against")
    assert page.locator("#L16").get_attribute("data-role") == "against"
    page.fill("#historian-5", "Syme")
    _click(page, "Mark as a historian of “Ambitious generals”")
    assert "Syme" in page.locator("#P5 .fx-historians").inner_text()
    page.fill("#fixup-question", QUESTION)
    _click(page, "Set the question")
    _click(page, "Leave out the point on line 8")  # a slip ...
    assert page.locator("#L8").get_attribute("data-role") != "for"
    page.locator("#fixup-undo").click()  # ... taken back
    page.wait_for_function("document.querySelector('#L8').dataset.role === 'for'")
    assert page.locator("#fixup-redo").is_enabled()
    assert page.locator("#fixup-fixes").input_value().splitlines() == [
        "promote 18",
        "flip 16",
        "historian add 5 Syme",
        f"question: {QUESTION}",
    ]
    assert not page.errors
    if AXE.exists():
        assert _violations(page) == []
    shot(page, "fixup-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#fixup-headline").scroll_into_view_if_needed()
    shot(page, "fixup-390")
    doc = page.locator(".fixup-doc").bounding_box()
    read = page.locator(".fixup-read").bounding_box()
    assert read["y"] >= doc["y"] + doc["height"] - 1  # the panes stack on a phone
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)"
        ".map(e => e.tagName + '.' + e.className + '#' + e.id).slice(0, 8)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide
    page.set_viewport_size({"width": 1280, "height": 900})

    with page.expect_download() as info:
        page.click("#fixup-download")
    script = Path(info.value.path()).read_text(encoding="utf-8")
    assert script.splitlines()[1:] == [
        "promote 18",
        "flip 16",
        "historian add 5 Syme",
        f"question: {QUESTION}",
    ]

    page.click("#fixup-save")
    page.wait_for_selector("#fixup-saved")
    page.click("#open-imported")
    page.wait_for_url("**/table")
    debate_id = int(page.url.rstrip("/").split("/")[-2])
    with server.db.read() as session:
        saved = debate_from_rows(session, session.get(DebateRow, debate_id))
    assert saved.question == QUESTION
    assert [p.title for p in saved.positions] == [
        "Ambitious generals",
        "Social and economic strain",
        "Corruption of the Senate",
    ]
    assert [h.name for h in saved.positions[0].historians] == ["Syme"]
    assert [e.stance for e in saved.positions[1].evidence] == ["for", "against"]
    assert len(saved.positions[0].evidence) == 4  # the slip was undone
    assert not page.errors
