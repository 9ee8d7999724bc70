"""The study pages in a real Chromium, on the imported seed and on a debate of another topic.

Expected content is computed with the study library from the debate the API
returns, then looked for on the page; with ``QUAESTIO_SCREENSHOTS=1`` the
screenshots go to docs/screenshots/ (as in tests/web_ui).
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from tests.web_study.sample import XSS, flu_debate
from tests.web_ui.test_access import AXE, _violations
from tests.web_ui.test_editing import sign_in

from quaestio.extract.typo_fixes import corrected
from quaestio.formats import debate_json
from quaestio.model import Debate
from quaestio.study import (
    due_cards,
    essay_plan,
    make_cards,
    make_quiz,
    read_debate,
    sync_states,
)
from web_browser import shot

pytestmark = pytest.mark.browser
QUESTION = "To what extent was Stalin responsible for the purges?"


@pytest.fixture(scope="module")
def seed_id(server, shared: Path) -> int:  # type: ignore[no-untyped-def]
    """The seed handout, imported and stored as a library debate (anyone may read it)."""
    return int(server.add_debate(read_debate(shared / "seeds" / "000_4a46fc8bcf2e9123.txt")))


@pytest.fixture(scope="module")
def flu_id(server) -> int:  # type: ignore[no-untyped-def]
    return int(server.add_debate(flu_debate()))


@pytest.fixture(scope="module")
def learner(server) -> str:  # type: ignore[no-untyped-def]
    server.add_user("studyweb-learner")
    return "studyweb-learner"


def stored(page: Any, server: Any, debate_id: int) -> Debate:
    """The debate as the store serves it (what the pages study)."""
    r = page.request.get(f"{server.url}/api/debates/{debate_id}")
    assert r.ok, r.text()
    return debate_json.from_dict(r.json()["debate"])


def node_ids(debate: Debate) -> set[str]:
    ids = {p.id for p in debate.positions} | {e.id for _, e in debate.iter_evidence()}
    return ids | {c.id for c in debate.consequences}


def test_plan_page_cites_nodes_prints_and_downloads(server, page, seed_id) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/d/{seed_id}/table")
    page.click("nav.views a:text('Study')")
    page.wait_for_url(f"**/d/{seed_id}/plan**")
    debate = stored(page, server, seed_id)
    page.fill("#plan-question", QUESTION)
    page.click("text=Make the plan")
    page.wait_for_url("**question=**")
    expected = essay_plan(debate, QUESTION)
    assert page.locator("#plan-title").inner_text() == QUESTION
    sections = page.locator(".essay-plan section[data-position]")
    assert sections.count() == len(debate.positions) == 7
    assert [sections.nth(i).get_attribute("data-position") for i in range(7)] == [
        s.position for s in expected.sections
    ]
    spelt = corrected(debate).position_by_id()  # the plan spells names as the table does
    for p in debate.positions:  # all seven explanations with their historians
        text = page.locator(f'section[data-position="{p.id}"]').inner_text()
        assert p.title in text and all(h.name in text for h in spelt[p.id].historians)
        # an explanation nothing in the debate argues against is "not yet argued", not strong
        unopposed = bool(p.supporting) and not p.countering
        assert ("not yet argued" in text) == unopposed, p.id
    conclusion = page.locator("#plan-conclusion + ul").inner_text()
    assert "Not yet argued" in conclusion and "The handout's verdict" in conclusion
    assert expected.conclusion[-1].text in page.locator("#plan-conclusion + ul").inner_text()
    refs = page.eval_on_selector_all("[data-ref]", "els => els.map(e => e.dataset.ref)")
    assert refs and set(refs) <= node_ids(debate)
    shot(page, "study-plan")
    # print styling: the app's chrome and the plan's tools disappear, the plan stays
    page.emulate_media(media="print")
    assert not page.locator("header.top").is_visible()
    assert not page.locator("form.study-tools").is_visible()
    assert page.locator(".essay-plan").is_visible()
    page.emulate_media(media="screen")
    # a download in Word, then a reference followed to its node in the table
    with page.expect_download() as download:
        page.click("a[data-format=docx]")
    saved = download.value.path()
    with zipfile.ZipFile(saved) as z:
        assert QUESTION in z.read("word/document.xml").decode()
    target = refs[len(refs) // 2]
    page.locator(f'[data-ref="{target}"]').first.click()
    page.wait_for_url(f"**/d/{seed_id}/table?sel=**")
    page.wait_for_selector(f'[data-node="{target}"].is-selected')
    assert page.errors == []


def test_quiz_marks_answers_in_place_citing_the_node(server, page, seed_id) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server.url}/d/{seed_id}/quiz?n=10&seed=4")
    debate = stored(page, server, seed_id)
    local = make_quiz(debate, n=10, seed=4)
    assert page.locator("form.question").count() == 10
    assert len({q.kind for q in local}) >= 5
    html = page.content()
    assert all(q.prompt.replace("&", "&amp;") in html or q.prompt in html for q in local)
    # right, wrong, right: marked in place one by one
    choices = [local[0].answer, (local[1].answer + 1) % len(local[1].options), local[2].answer]
    for q, choice in zip(local[:3], choices, strict=True):
        form = page.locator(f"#question-{q.id}")
        form.locator(f'input[name=answer][value="{choice}"]').check()
        form.locator("button[type=submit]").click()
        page.wait_for_selector(f"#question-{q.id}.is-marked")
    for q, right in zip(local[:3], (True, False, True), strict=True):
        form = page.locator(f"#question-{q.id}")
        assert ("is-right" in (form.get_attribute("class") or "")) is right
        assert form.locator(".option.right").inner_text().strip() == q.correct
        feedback = form.locator(".feedback")
        assert q.explanation in feedback.inner_text()
        links = feedback.locator("a[data-ref]")
        assert links.first.get_attribute("data-ref") == q.node
        assert links.first.get_attribute("href").endswith(f"/table?sel={q.node}")
    assert page.locator("#quiz-score").inner_text() == "Score: 2 of 3 answered (10 questions)."
    assert page.locator(f"#question-{local[3].id}:not(.is-marked)").count() == 1
    page.evaluate("() => document.getElementById('quiz-h').scrollIntoView()")  # right and wrong
    shot(page, "study-quiz")
    # a reference followed to its node in the table (consequences are not in the table)
    followed = next(q for q in local[:3] if not q.node.startswith("c."))
    page.locator(f"#question-{followed.id} .feedback a[data-ref]").first.click()
    page.wait_for_selector(f'[data-node="{followed.node}"].is-selected')
    assert page.errors == []


def test_higher_order_questions_are_marked_on_the_page(server, page, seed_id) -> None:  # type: ignore[no-untyped-def]
    kinds = ("historian_disagrees", "historian_school", "event_order")
    query = "&".join(f"kind={k}" for k in kinds)
    page.goto(f"{server.url}/d/{seed_id}/quiz?n=6&seed=2&{query}")
    local = make_quiz(stored(page, server, seed_id), n=6, seed=2, kinds=list(kinds))
    assert {q.kind for q in local} == set(kinds)
    html = page.content()
    assert "Brezinski" not in html and "Shapiro" not in html  # the importer's typos put right
    for q in local:
        form = page.locator(f"#question-{q.id}")
        assert q.options[0] in form.inner_text()
        form.locator(f'input[name=answer][value="{q.answer}"]').check()
        form.locator("button[type=submit]").click()
        page.wait_for_selector(f"#question-{q.id}.is-marked")
        assert "is-right" in (form.get_attribute("class") or "")
        assert q.explanation in form.locator(".feedback").inner_text()
    assert page.locator("#quiz-score").inner_text() == "Score: 6 of 6 answered (6 questions)."
    assert page.errors == []


def test_a_consequence_cited_as_evidence_is_asked_and_marked(server, page) -> None:  # type: ignore[no-untyped-def]
    example = Path(__file__).resolve().parents[2] / "examples" / "purges.debate.md"
    debate_id = int(server.add_debate(read_debate(example)))
    page.goto(f"{server.url}/d/{debate_id}/quiz?n=3&seed=4&kind=consequence_supports")
    local = make_quiz(stored(page, server, debate_id), n=3, seed=4, kinds=["consequence_supports"])
    assert len(local) == 3 and {q.kind for q in local} == {"consequence_supports"}
    for q in local:
        form = page.locator(f"#question-{q.id}")
        wrong = next(i for i in range(len(q.options)) if i != q.answer)
        form.locator(f'input[name=answer][value="{wrong}"]').check()
        form.locator("button[type=submit]").click()
        page.wait_for_selector(f"#question-{q.id}.is-marked")
        assert "is-right" not in (form.get_attribute("class") or "")
        feedback = form.locator(".feedback").inner_text()
        assert q.options[q.answer] in feedback and q.explanation in feedback
    assert page.locator("#quiz-score").inner_text() == "Score: 0 of 3 answered (3 questions)."
    assert page.errors == []


def test_review_shows_due_cards_one_at_a_time_and_keeps_the_schedule(  # type: ignore[no-untyped-def]
    server, page, seed_id, learner
) -> None:
    page.goto(f"{server.url}/d/{seed_id}/review")
    assert page.locator("a:text('Sign in')").count() >= 1
    assert page.locator("#review-card").count() == 0
    sign_in(page, server, learner)
    page.goto(f"{server.url}/d/{seed_id}/review")
    cards = make_cards(stored(page, server, seed_id))
    count = page.locator("[data-due-count]")
    assert count.get_attribute("data-due-count") == str(len(cards))
    now = datetime.now(UTC)
    order = due_cards(sync_states([c.id for c in cards], {}, now), now)  # FSRS's order
    by_id = {c.id: c for c in cards}
    assert page.locator("[data-card]").get_attribute("data-card") == order[0]
    assert not page.locator(".review-card .back").is_visible()
    page.click("text=Show the answer")
    assert page.locator(".review-card .back").inner_text().strip() == by_id[order[0]].back.strip()
    shot(page, "study-review")
    page.click("button[name=rating][value=good]")
    page.wait_for_selector("[data-done]")
    assert page.locator("[data-done]").inner_text().startswith("Good: back in")
    assert count.get_attribute("data-due-count") == str(len(cards) - 1)
    assert page.locator("[data-card]").get_attribute("data-card") == order[1]
    page.click("button[name=rating][value=again]")
    page.wait_for_selector(f'[data-card="{order[2]}"]')
    # kept in the store for this user: a reload still has two cards fewer due
    page.reload()
    assert count.get_attribute("data-due-count") == str(len(cards) - 2)
    states = page.request.get(f"{server.url}/api/debates/{seed_id}/reviews").json()["items"]
    assert sorted(s["card_id"] for s in states) == sorted(order[:2])
    assert page.errors == []


def test_markup_in_a_debate_is_shown_not_run(server, page, flu_id, learner) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, learner)
    for path in ("plan", "quiz?n=40", "review"):
        page.goto(f"{server.url}/d/{flu_id}/{path}")
        assert page.evaluate("() => window.pwned") is None
        assert XSS in page.locator("h1.debate-title").inner_text()
    page.goto(f"{server.url}/d/{flu_id}/plan")
    assert XSS in page.locator(".essay-plan").inner_text()
    assert page.errors == []


@pytest.mark.skipif(not AXE.exists(), reason="frontend/build.sh installs axe-core")
def test_study_pages_pass_axe(server, page, seed_id, learner) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, server, learner)
    problems: dict[str, list[str]] = {}
    for path in ("plan", "quiz?n=5", "review"):
        page.goto(f"{server.url}/d/{seed_id}/{path}")
        page.wait_for_load_state("networkidle")
        found = _violations(page)
        if found:
            problems[path] = found
    assert problems == {}
