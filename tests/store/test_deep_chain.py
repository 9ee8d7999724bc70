"""A 200-deep chain of claims (a long Kialo thread) fits the store on SQLite and
PostgreSQL: no id is wider than the id columns, and answering the deepest point works."""

from __future__ import annotations

from typing import Any

import pytest

from quaestio.formats import by_name
from quaestio.model import MAX_ID_LENGTH, Debate, validate
from quaestio.store import Actor, Database, accounts, debates, nodes


def kialo_chain(depth: int) -> Debate:
    lines = ["Discussion Title: A long thread", "", "1. A long thread"]
    number = "1"
    for i in range(depth):
        number += ".1"
        lines.append(f"{number}. {'Pro' if i % 2 else 'Con'}: Reply number {i} to the one above.")
    fmt = by_name("kialo")
    assert fmt.read is not None
    return fmt.read(("\n".join(lines) + "\n").encode(), "thread.kialo.txt").debate


@pytest.fixture
def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    yield database
    database.dispose()


def test_a_200_deep_chain_keeps_short_ids_and_every_parent(db: Database) -> None:
    debate = kialo_chain(200)
    points = [e for _, e in debate.iter_evidence()]
    assert len(points) == 200 and validate(debate) == []
    assert max(len(e.id) for e in points) <= MAX_ID_LENGTH
    depth: dict[str, int] = {}
    for e in points:  # parents come first: every point is one deeper than its parent
        depth[e.id] = 1 if e.parent is None else depth[e.parent] + 1
    assert max(depth.values()) == 200  # a chain: every point answers the one before
    with db.transaction() as s:
        owner = Actor(accounts.create_user(s, "owner", "correct horse").id)
        row = debates.import_debate(s, debate, owner_id=owner.user_id)
    with db.read() as s:
        back = debates.load(s, owner, row.id)[1]
    assert back == debate
    deepest = max(depth, key=depth.__getitem__)
    with db.transaction() as s:
        reply: dict[str, Any] = nodes.create_evidence(
            s, owner, row.id, {"parent": deepest, "stance": "against", "text": "And yet."}
        )
    assert len(reply["id"]) <= MAX_ID_LENGTH and reply["parent"] == deepest
