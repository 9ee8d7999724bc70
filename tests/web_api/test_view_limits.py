"""A debate too large for a view is refused at once, by page and API alike, naming the limit."""

from __future__ import annotations

from typing import Any

import pytest

from quaestio.errors import TooLargeError
from quaestio.model import Debate, Evidence, Position
from quaestio.web.view_limits import LIMITS, check_view, size_of


def wide(positions: int, per: int = 1) -> Debate:
    return Debate(
        "wide",
        positions=tuple(
            Position(
                f"p{i}",
                f"Position {i}",
                evidence=tuple(
                    Evidence(f"p{i}.f{j}", "for", f"point {j} of {i} in 19{10 + j % 50}")
                    for j in range(1, per + 1)
                ),
            )
            for i in range(1, positions + 1)
        ),
    )


def test_each_limit_refuses_just_past_it_and_accepts_at_it() -> None:
    for view, limit in LIMITS.items():
        check_view(wide(limit.positions), view)  # at the limit: shown
        with pytest.raises(TooLargeError) as caught:
            check_view(wide(limit.positions + 1), view)
        assert f"{limit.positions + 1:,} positions" in caught.value.message
        assert "table" in caught.value.message  # says what stays open


def test_the_matrix_counts_cells_not_only_positions() -> None:
    limit = LIMITS["matrix"]
    assert limit.cells is not None
    per = limit.cells // (limit.positions * limit.positions) + 1
    debate = wide(limit.positions, per)
    assert size_of(debate)[1] <= limit.points
    with pytest.raises(TooLargeError, match="cells"):
        check_view(debate, "matrix")
    check_view(debate, "table")  # views without a limit show it


def test_pages_and_api_answer_too_large_with_422(browser: Any) -> None:
    from web_api_helpers import upload

    owner = browser().signup("owner")
    big = wide(LIMITS["verdict"].positions + 1)
    report = upload(owner, big)
    assert report.status_code == 201, report.text
    d = report.json()["debate"]["id"]
    for page in ("verdict", "matrix"):
        r = owner.get(f"/d/{d}/{page}")
        assert r.status_code == 422 and "Too large for this view" in r.text
    assert owner.get(f"/d/{d}/table").status_code == 200
    api = owner.get(f"/api/debates/{d}/ach")
    assert api.status_code == 200  # the API's matrix is sparse, so it has no such limit
    assert owner.get(f"/api/debates/{d}/quiz").status_code == 200  # under the quiz's limit
    huge = upload(owner, wide(LIMITS["quiz"].positions + 1)).json()["debate"]["id"]
    r = owner.get(f"/api/debates/{huge}/quiz")
    assert r.status_code == 422 and r.json()["error"]["code"] == "too_large"
    assert owner.get(f"/api/debates/{huge}/cards").status_code == 422
