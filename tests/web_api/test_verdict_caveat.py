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
