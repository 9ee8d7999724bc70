"""A whole class in a real Chromium, every step through the pages.

A teacher makes a class, imports a debate, edits it, puts it in the class by uploading
the same file again (once "Already imported" and an empty class), and sets an
assignment; later makes a team with its own copy that only its member reaches. Two students join by code; one adds a point against a point, the other a
point answering a position and a comment; both take a quiz, rate and write verdicts. The teacher
approves one point (edited) and rejects the other, comments on a verdict, sees who has
done the assignment and each student's progress, and exports the results as CSV.
Screenshots of the new pages at 1280 and 390 px, none scrolling sideways on a phone.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from tests.web_ui.test_access import AXE, _violations

from web_browser import REPO, shot

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-1"
WW1 = REPO / "examples" / "ww1.debate.md"


def _person(chromium: Any, server: Any, username: str, width: int = 1280) -> Any:
    context = chromium.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    page.goto(f"{server.url}/signin")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("form.signin button[type=submit]")
    page.wait_for_url(f"{server.url}/")
    return page


def _upload(page: Any, server: Any, class_name: str | None = None) -> None:
    page.goto(f"{server.url}/upload")
    page.set_input_files("#upload-file", str(WW1))
    if class_name:
        page.select_option("#upload-class", label=class_name)
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#report")


def _no_sideways_scroll(chromium: Any, server: Any, username: str, paths: dict[str, str]) -> None:
    """Each page at 390 px: no horizontal scrolling; screenshots at 390 px."""
    phone = _person(chromium, server, username, width=390)
    try:
        for name, path in paths.items():
            phone.goto(server.url + path)
            width = phone.evaluate("() => document.documentElement.scrollWidth")
            assert width <= 390, (name, width)
            shot(phone, f"{name}-390")
    finally:
        phone.context.close()


def test_a_whole_class(server: Any, chromium: Any) -> None:
    for name in ("ms.harper", "pupil.one", "pupil.two"):
        server.add_user(name, PASSWORD)
    teacher = _person(chromium, server, "ms.harper")
    try:
        # -- the teacher makes a class and puts an edited debate in it ---------------------
        teacher.goto(f"{server.url}/classes")
        teacher.fill("#class-name", "Year 12 History")
        teacher.get_by_role("button", name="Create class").click()
        teacher.wait_for_url("**/classes/*")
        class_url = teacher.url.split("#")[0]
        class_id = int(class_url.rstrip("/").rsplit("/", 1)[1])
        code = teacher.locator(".join-code").inner_text()

        _upload(teacher, server)
        debate_id = int(teacher.get_attribute("#open-imported", "href").split("/")[2])
        teacher.goto(f"{server.url}/d/{debate_id}/edit")
        card = '.edit-node[data-node="p1.a2"]'
        teacher.locator(card).get_by_role("button", name="Edit").click()
        teacher.fill("#f-p1\\.a2-text", "Britain had no treaty with France, only an entente.")
        teacher.click(f"{card} button[type=submit]")
        teacher.wait_for_selector(f"{card}:has-text('only an entente')")

        _upload(teacher, server, "Year 12 History")  # the same file again, into the class
        assert "Already imported" in teacher.locator("#report").inner_text()
        assert "with your edits, is now in" in teacher.locator("#in-class").inner_text()
        teacher.goto(class_url)
        assert (
            teacher.locator("#class-debates + ul a").first.inner_text().startswith("The outbreak")
        )

        teacher.click("text=Set an assignment")
        teacher.fill("#a-title", "Weigh the alliance system")
        teacher.fill("#a-instructions", "Rate the points, add one of your own, write a verdict.")
        teacher.fill("#a-due", "2031-03-01")
        teacher.click("#assignment-form button[type=submit]")
        teacher.wait_for_selector(".assignments li:has-text('Weigh the alliance system')")
        teacher.goto(f"{server.url}/d/{debate_id}/verdict")  # the teacher's weight: the default
        teacher.locator("#w-p2\\.f1").fill("0.8")
        teacher.get_by_role("button", name="Save my weights").click()
        teacher.wait_for_selector("#weights-saved:not(:empty)")

        # -- two students join by code and argue ------------------------------------------
        one = _person(chromium, server, "pupil.one")
        two = _person(chromium, server, "pupil.two")
        try:
            for student in (one, two):
                student.goto(f"{server.url}/classes")
                student.fill("#join-code", code)
                student.get_by_role("button", name="Join", exact=True).click()
                student.wait_for_url(class_url + "*")
                assert "Weigh the alliance system" in student.locator(".assignments").inner_text()
                assert student.locator("#class-members").count() == 0  # no teacher's tools
            discussion = f"{server.url}/classes/{class_id}/d/{debate_id}"

            # the debate's nested view leads to the class's discussion of it
            one.goto(f"{server.url}/d/{debate_id}/tree")
            one.locator(".tree-classes a", has_text="class discussion").click()
            one.wait_for_url(discussion)
            point = one.locator('li[data-node="p1.f1"]')
            point.locator(":scope > .claim-actions > details.answer >> nth=0").locator(
                "summary"
            ).click()
            form = point.locator(":scope > .claim-actions form.contribute-form")
            form.locator('input[value="against"]').check()
            form.locator("textarea").fill(
                "Russia called up its army before any treaty bound it to."
            )
            form.locator('input[name="source"]').fill("Clark, The Sleepwalkers, ch. 9")
            form.locator("button[type=submit]").click()
            one.wait_for_selector("text=Your point was sent to the teacher.")
            assert "waiting for the teacher" in one.locator('li[data-node="p1.f1"]').inner_text()

            two.goto(discussion)
            assert "Russia called up" not in two.content()  # a classmate's point waits unseen
            root = two.locator('section[aria-labelledby="root-p2"]')
            root.locator(":scope > .claim-actions summary >> nth=0").click()
            form = root.locator(":scope > .claim-actions form.contribute-form")
            form.locator("textarea").fill("Germany could have restrained Vienna and did not.")
            form.locator("button[type=submit]").click()
            two.wait_for_selector("text=Your point was sent to the teacher.")
            root = two.locator('section[aria-labelledby="root-p2"]')
            root.locator(":scope > .claim-actions summary >> nth=1").click()
            root.locator(":scope > .claim-actions form.comment-form textarea").fill(
                "Does the 1912 meeting count as a plan?"
            )
            root.locator(":scope > .claim-actions form.comment-form button").click()
            two.wait_for_selector("text=Your comment is posted.")

            for student, text, weight in (
                (one, "The alliances spread the war.", "0.9"),
                (two, "Germany chose war.", "0.3"),
            ):
                student.goto(f"{server.url}/d/{debate_id}/quiz?n=4&seed=3")
                for number in range(2):  # two questions, each marked on its own
                    question = student.locator("form.question:not(.is-marked)").first
                    question.locator("input[name=answer]").first.check()
                    question.get_by_role("button", name="Check").click()
                    student.wait_for_selector(f"form.question.is-marked >> nth={number}")
                student.goto(f"{server.url}/d/{debate_id}/verdict")
                # a point the student has not rated starts at the teacher's weight
                assert float(student.locator("#w-p2\\.f1").input_value()) == 0.8
                student.locator("#w-p1\\.f1").fill(weight)
                student.get_by_role("button", name="Save my weights").click()
                student.wait_for_selector("#weights-saved:not(:empty)")
                student.fill("#verdict-text", text)
                student.get_by_role("button", name="Save my verdict").click()
                student.wait_for_selector("#verdict-saved:not(:empty)")

            # -- the teacher moderates, comments, sees progress, exports ---------------------
            teacher.goto(class_url)
            teacher.click("text=Moderation queue")
            items = teacher.locator(".queue-item")
            assert items.count() == 2
            first = teacher.locator(".queue-item:has-text('Russia called up')")
            first.locator("textarea").fill("Russia mobilised before its treaty obliged it to.")
            first.get_by_role("button", name="Approve").click()
            teacher.wait_for_selector(".queue-item >> nth=0")
            second = teacher.locator(".queue-item:has-text('Germany could have')")
            second.locator('input[name="note"]').fill("Which source says so?")
            second.get_by_role("button", name="Reject").click()
            teacher.wait_for_selector("text=Nothing is waiting.")
            shot(teacher, "class-queue-1280")

            one.goto(discussion)  # the approved point is now part of the debate, nested
            nested = one.locator('li[data-node="p1.f1"] > ul.children > li.branch.against')
            assert "before its treaty obliged it" in nested.inner_text()
            assert "Clark, The Sleepwalkers" in nested.inner_text()
            two.goto(f"{server.url}/classes/{class_id}")
            assert (
                "Which source says so?"
                in two.locator("section[aria-labelledby=class-mine]").inner_text()
            )

            teacher.goto(f"{class_url}/progress")
            row = teacher.locator("tr:has-text('pupil.one')")
            assert "The alliances spread the war." in row.inner_text()
            assert "1 in, 0 waiting" in row.inner_text()
            assert "/2, last" in row.inner_text()  # the quiz taken on the page is kept
            verdict = teacher.locator(".class-verdict").first.inner_text()
            assert "From the weights of 2 students" in verdict
            assert "Chain of obligations" in verdict and "spread 0.30" in verdict
            # the class's ranking with the spread of each student's own ranks
            ranking = teacher.locator(".class-verdict table.class-ranking").first
            assert ranking.locator("tbody tr").count() == 5  # every explanation of ww1
            assert "Students' own ranks" in ranking.inner_text()
            spreads = ranking.locator("td.rank-spread").all_inner_texts()
            assert len(spreads) == 5 and all("for everyone" in t or " to " in t for t in spreads)
            assert "of 2" in ranking.inner_text()
            row.locator('input[name="text"]').fill("Say which alliance mattered most.")
            row.get_by_role("button", name="Comment").click()
            teacher.wait_for_selector("text=You: Say which alliance mattered most.")
            shot(teacher, "class-progress-1280")
            with teacher.expect_download() as download:
                teacher.click("#export-csv")
            rows = list(csv.DictReader(io.StringIO(download.value.path().read_text("utf-8"))))
            by_user = {r["username"]: r for r in rows}
            assert by_user["pupil.one"]["verdict"] == "The alliances spread the war."
            assert by_user["pupil.one"]["contributions_approved"] == "1"
            assert by_user["pupil.two"]["contributions_rejected"] == "1"
            assert by_user["pupil.one"]["teacher_comments"] == "Say which alliance mattered most."

            teacher.goto(class_url)  # a team of one student with its own copy
            teacher.click("text=Make a team")
            teacher.fill("#team-name", "Reds")
            teacher.locator("#team-form label:has-text('pupil.one') input").check()
            teacher.click("#team-form button[type=submit]")
            teacher.wait_for_selector("section[aria-labelledby=class-teams] li:has-text('Reds')")
            one.goto(class_url)
            one.click("text=the team's own copy")
            assert "(Reds)" in one.locator("h1").inner_text()
            two.goto(class_url)
            assert two.locator("text=the team's own copy").count() == 0

            teacher.goto(class_url)
            teacher.click("text=who has done it")
            assert (
                "2 of 2 students have done it"
                in teacher.locator("#done-table caption").inner_text()
            )
            teacher.goto(class_url)
            shot(teacher, "class-teacher-1280")
            teacher.goto(discussion)
            assert "Does the 1912 meeting count as a plan?" in teacher.content()
            shot(teacher, "class-discussion-1280")
            if AXE.exists():
                for path in ("", "/queue", "/progress", f"/d/{debate_id}"):
                    teacher.goto(class_url + path)
                    assert _violations(teacher) == [], path
                one.goto(class_url)
                assert _violations(one) == []
            assert one.errors == two.errors == teacher.errors == []
        finally:
            one.context.close()
            two.context.close()
    finally:
        teacher.context.close()
    _no_sideways_scroll(
        chromium,
        server,
        "ms.harper",
        {
            "class-teacher": f"/classes/{class_id}",
            "class-queue": f"/classes/{class_id}/queue",
            "class-progress": f"/classes/{class_id}/progress",
            "class-discussion": f"/classes/{class_id}/d/{debate_id}",
        },
    )
