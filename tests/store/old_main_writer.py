"""Run by test_graph_upgrade under the code of main before the argument graph (schema 0003).

Makes a database the way that code did, through its store functions: a teacher,
a student, a class, a debate with edits (a text change, a new counter-point with
a rebuttal, a deleted point, ACH cells and weights), the student's weights,
verdict and review state, a share link. Then it writes what that code reads back
(every row of every table, and each debate as dataclasses) to a JSON file, for
the new code to compare after upgrading the schema in place.

Usage: python old_main_writer.py DATABASE_URL OUT.json
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import datetime
from typing import Any

from sqlalchemy import select

from quaestio.store import Actor, Database, accounts, ach, classes, debates, nodes, personal
from quaestio.store.convert import debate_from_rows
from quaestio.store.db import current_revision
from quaestio.store.models import Base, DebateRow
from store_samples import sample_debate


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def main(url: str, out: str) -> None:
    db = Database(url)
    with db.transaction() as s:
        teacher = accounts.create_user(s, "teacher", "correct horse battery").id
        student = accounts.create_user(s, "student", "correct horse battery").id
    t, st = Actor(teacher), Actor(student)
    with db.transaction() as s:
        klass = classes.create_class(s, t, "Year 12")
        classes.add_member(s, t, klass.id, "student", "student")
        debate_id = debates.import_debate(
            s, sample_debate(positions=3, per_side=2), owner_id=teacher, class_id=klass.id
        ).id
        library = debates.import_debate(s, sample_debate(positions=2), owner_id=None).id
    with db.transaction() as s:
        nodes.update_evidence(s, t, debate_id, "p1.f1", 1, {"text": "Rewritten: pay fell."})
        nodes.create_evidence(
            s,
            t,
            debate_id,
            {
                "position_id": "p2",
                "stance": "against",
                "text": "A new counter.",
                "rebuts": ["p2.f2"],
            },
        )
        nodes.delete_evidence(s, t, debate_id, "p3.a2", 1)
        ach.set_cell(s, t, debate_id, "p1.f2", "p2", 1, "CC")
        ach.set_weights(s, t, debate_id, "p2.f1", 1, {"credibility": 0.9, "relevance": 0.2})
        nodes.update_position(s, t, debate_id, "p2", 1, {"historians": ["Gibbon", "Brown"]})
    with db.transaction() as s:
        personal.set_weight(s, st, debate_id, "p1.f1", 0.8, 0)
        personal.set_weight(s, st, debate_id, "p2", 0.1, 0)
        personal.set_verdict(s, st, debate_id, "Money mattered most.", "p1", 0)
        personal.set_review(s, st, debate_id, "card-1", {"due": "2026-12-01", "ease": 2.5}, 0)
        classes.create_share(s, t, debate_id)
    tables: dict[str, list[dict[str, Any]]] = {}
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            rows = s.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            tables[table.name] = [_plain(dict(r)) for r in rows]
        stored = {
            str(row.id): _plain(dataclasses.asdict(debate_from_rows(s, row)))
            for row in s.scalars(select(DebateRow).order_by(DebateRow.id))
        }
    result = {
        "revision": current_revision(db.engine),
        "debates": stored,
        "tables": tables,
        "ids": {"debate": debate_id, "library": library, "student": student},
    }
    db.dispose()
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
