"""The verdict page says which explanations nothing in the debate argues against."""

from __future__ import annotations

import html
from typing import Any

from web_api_helpers import upload

from paths import EXAMPLE
from quaestio.formats import read_path


def test_verdict_names_unopposed_explanations(school: dict[str, Any]) -> None:
    owner = school["owner"]
    debate = read_path(EXAMPLE).debate
    created = upload(owner, debate, name="purges.debate.json")
    assert created.status_code == 201, created.text
    debate_id = created.json()["debate"]["id"]
    page = owner.get(f"/d/{debate_id}/verdict")
    assert page.status_code == 200
    text = html.unescape(page.text)
    unopposed = [p.title for p in debate.positions if not p.countering]
    assert unopposed and "no countering evidence" in text
    for title in unopposed:
        assert f"“{title}”" in text
    for p in debate.positions:
        if p.countering:
            assert f"“{p.title}”: their strength" not in text


def test_the_api_and_the_page_give_the_plain_verdict_first(school: dict[str, Any]) -> None:
    owner = school["owner"]
    debate = read_path(EXAMPLE).debate
    created = upload(owner, debate, name="purges.debate.json")
    debate_id = created.json()["debate"]["id"]
    plain = owner.get(f"/api/debates/{debate_id}/evaluation").json()
    assert "evaluation" not in plain  # the methods only when asked for
    summary = " ".join(p["text"] for p in plain["verdict"]["summary"])
    assert "Not yet argued" in summary and "dfquad" not in summary.lower()
    untested = [p.title for p in debate.positions if not p.countering]
    assert all(t in summary for t in untested)
    assert plain["verdict"]["author"]["overall"]  # the handout's conclusion was read
    both = owner.get(f"/api/debates/{debate_id}/evaluation?compare=true").json()
    assert (
        set(both["evaluation"]["dfquad"]) >= {"positions"} and both["verdict"] == plain["verdict"]
    )
    page = html.unescape(owner.get(f"/d/{debate_id}/verdict").text)
    assert (
        page.index("On the evidence here") < page.index("Compare methods") < page.index("DF-QuAD")
    )
    assert "The handout's own verdict" in page
