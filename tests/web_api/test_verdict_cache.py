"""The verdict page keeps its recent weighings: a visit that asks again for the same
debate and weights reuses one; an edit, or somebody else's weights, never see it."""

from __future__ import annotations

import html
import re
from typing import Any


def _ranking(page: Any) -> str:
    """The computed part of a verdict page, without the time it took to compute."""
    assert page.status_code == 200, page.text
    text = page.text
    start = text.index('<div id="ranking"')
    part = text[start : text.index("</section>", start)]
    part = re.sub(r'data-ms="[^"]*"', "", part)
    return re.sub(r"Computed in [0-9.]+ ms", "", part)


def _children(b: Any) -> int:
    return int(b.client.app.state.offloader.started)


def _weigh(b: Any, debate: int, node: str, value: float) -> None:
    r = b.put(f"/api/debates/{debate}/weights/{node}", json={"value": value, "version": 0})
    assert r.status_code == 200, r.text


def test_a_revisit_reuses_the_weighing_and_an_edit_does_not(school: dict[str, Any]) -> None:
    owner, debate = school["owner"], school["debate"]
    first = _ranking(owner.get(f"/d/{debate}/verdict"))
    children = _children(owner)
    assert _ranking(owner.get(f"/d/{debate}/verdict")) == first
    assert _children(owner) == children  # the same weighing, not computed again

    position = owner.get(f"/api/debates/{debate}").json()["debate"]["positions"][0]
    old_title = position["title"]
    renamed = owner.patch(
        f"/api/debates/{debate}/positions/{position['id']}",
        json={"version": 1, "title": "A title nobody used before"},
    )
    assert renamed.status_code == 200, renamed.text
    after = _ranking(owner.get(f"/d/{debate}/verdict"))
    assert _children(owner) == children + 1  # the edit moved the content: weighed afresh
    assert "A title nobody used before" in html.unescape(after)
    assert old_title not in html.unescape(after)


def test_one_visitors_weights_never_answer_another(school: dict[str, Any]) -> None:
    student, classmate, debate = school["student"], school["classmate"], school["debate"]
    plain = _ranking(classmate.get(f"/d/{debate}/verdict"))
    for point in ("p1.f1", "p1.f2"):
        _weigh(student, debate, point, 1.0)
    theirs = _ranking(student.get(f"/d/{debate}/verdict"))
    assert theirs != plain  # the student's own weights weigh differently
    assert _ranking(classmate.get(f"/d/{debate}/verdict")) == plain
    assert _ranking(student.get(f"/d/{debate}/verdict")) == theirs
    # a slider move is weighed with what it sends, whoever asked for the same before
    moved = classmate.post(f"/d/{debate}/verdict/compute", data={"w:p1.f1": "1", "w:p1.f2": "1"})
    assert moved.status_code == 200
    again = classmate.post(f"/d/{debate}/verdict/compute", data={"w:p1.f1": "0", "w:p1.f2": "0"})
    assert moved.text != again.text
