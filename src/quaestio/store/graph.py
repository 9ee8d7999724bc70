"""The graph beside the table: typed relations and schools, created, changed and deleted.

A relation (support, attack, undercut, contrary, contradictory, rephrase) links
any two claims of a debate, across positions too, or aims an attack or undercut
at another relation; a school names a group of positions. Each has its own id
and version, so edits are checked like a node's (409 on a stale version), logged,
and move the debate's ``content_rev`` (through ``graph_edit``, shared with the
arguments and conclusion claims of ``store.arguments``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from quaestio.errors import NotFoundError, ValidationError
from quaestio.model import RELATION_KINDS, RELATION_TARGETING, IdAllocator
from quaestio.store.access import Actor, debate_for
from quaestio.store.convert_graph import relation_rows, source_to_json
from quaestio.store.edits import log, next_ord
from quaestio.store.graph_edit import forget, versioned_delete, versioned_update
from quaestio.store.models import (
    EvidenceRow,
    PositionRow,
    RelationRow,
    SchoolRow,
    columns,
)
from quaestio.store.nodeviews import all_ids, claim_ids
from quaestio.store.nodeviews import current as nodeviews_current


# -- representations ------------------------------------------------------------------
def relation_dict(row: RelationRow) -> dict[str, Any]:
    return {
        "id": row.relation_id,
        "kind": row.kind,
        "source": row.source_node,
        "target": row.target_node,
        **columns(row, "text", "origin"),
        "weight": 0.5 if row.weight is None else row.weight,
        "version": row.version,
    }


def school_dict(row: SchoolRow) -> dict[str, Any]:
    return {
        "id": row.node_id,
        "name": row.name,
        "positions": list(row.positions),
        **columns(row, "description", "version"),
    }


def list_relations(session: Session, debate_id: int) -> list[dict[str, Any]]:
    return [relation_dict(r) for r in relation_rows(session, debate_id)]


def list_schools(session: Session, debate_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(SchoolRow).where(SchoolRow.debate_id == debate_id).order_by(SchoolRow.ord)
    )
    return [school_dict(r) for r in rows]


def get_relation(session: Session, debate_id: int, relation_id: str) -> RelationRow:
    row = session.scalar(
        select(RelationRow).where(
            RelationRow.debate_id == debate_id, RelationRow.relation_id == relation_id
        )
    )
    if row is None:
        raise NotFoundError(f"relation {relation_id!r} does not exist", field="relation_id")
    return row


def get_school(session: Session, debate_id: int, school_id: str) -> SchoolRow:
    row = session.scalar(
        select(SchoolRow).where(SchoolRow.debate_id == debate_id, SchoolRow.node_id == school_id)
    )
    if row is None:
        raise NotFoundError(f"school {school_id!r} does not exist", field="school_id")
    return row


# -- checks ---------------------------------------------------------------------------
def _rephrases(session: Session, debate_id: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for source, target in session.execute(
        select(RelationRow.source_node, RelationRow.target_node).where(
            RelationRow.debate_id == debate_id, RelationRow.kind == "rephrase"
        )
    ):
        out.setdefault(source, []).append(target)
    return out


def _reaches(edges: dict[str, list[str]], start: str, goal: str) -> bool:
    seen, stack = {start}, [start]
    while stack:
        for nxt in edges.get(stack.pop(), ()):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False


def check_relation(
    session: Session, debate_id: int, kind: str, source: str, target: str, own_id: str | None
) -> None:
    """Refuse a relation the model's ``validate`` would call an error, naming the field."""
    if kind not in RELATION_KINDS:
        raise ValidationError(
            f"kind {kind!r} is not one of {', '.join(RELATION_KINDS)}", field="kind"
        )
    claims = claim_ids(session, debate_id)
    relation_ids = {r.relation_id for r in relation_rows(session, debate_id)} - {own_id}
    if source not in claims:
        raise ValidationError(f"{source!r} is not a claim of this debate", field="source")
    if target == source:
        raise ValidationError(f"{source} cannot be linked to itself", field="target")
    if target in relation_ids:
        if kind not in RELATION_TARGETING:
            raise ValidationError(
                f"only an attack or an undercut may aim at the relation {target}", field="target"
            )
        return
    if target not in claims:
        raise ValidationError(
            f"{target!r} is not a claim or relation of this debate", field="target"
        )
    if kind == "undercut":
        linked = session.scalar(
            select(EvidenceRow.id).where(
                EvidenceRow.debate_id == debate_id, EvidenceRow.node_id == target
            )
        ) or session.scalar(
            select(PositionRow.id).where(
                PositionRow.debate_id == debate_id, PositionRow.node_id == target
            )
        )
        if linked is None:
            raise ValidationError(
                f"an undercut aims at a point (the link to what it answers), a position (the "
                f"link to the question) or a relation, not at {target}",
                field="target",
            )
    if kind == "rephrase" and _reaches(_rephrases(session, debate_id), target, source):
        raise ValidationError(
            f"{target} already rephrases {source}: say which one is the original", field="target"
        )


def _check_positions(session: Session, debate_id: int, positions: list[str]) -> list[str]:
    known = set(
        session.scalars(select(PositionRow.node_id).where(PositionRow.debate_id == debate_id))
    )
    for p in positions:
        if p not in known:
            raise ValidationError(f"{p!r} is not a position of this debate", field="positions")
    return list(dict.fromkeys(positions))


# -- relations ------------------------------------------------------------------------
def create_relation(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate_for(session, actor, debate_id, "teacher")
    kind, source, target = data["kind"], data["source"], data["target"]
    check_relation(session, debate_id, kind, source, target, None)
    row = RelationRow(
        debate_id=debate_id,
        relation_id=IdAllocator(all_ids(session, debate_id)).relation(),
        kind=kind,
        source_node=source,
        target_node=target,
        text=data.get("text") or "",
        origin=source_to_json(None),
        weight=float(data.get("weight", 0.5)),
        ord=next_ord(session, RelationRow.ord, RelationRow.debate_id == debate_id),
    )
    session.add(row)
    session.flush()
    after = relation_dict(row)
    log(session, actor, debate_id, "create", "relation", after["id"], None, after)
    return after


def update_relation(
    session: Session,
    actor: Actor,
    debate_id: int,
    relation_id: str,
    expected: int,
    changes: dict[str, Any],
) -> dict[str, Any]:
    def apply(row: RelationRow) -> None:
        kind = changes.get("kind", row.kind)
        source = changes.get("source", row.source_node)
        target = changes.get("target", row.target_node)
        check_relation(session, debate_id, kind, source, target, relation_id)
        row.kind, row.source_node, row.target_node = kind, source, target
        if "text" in changes:
            row.text = changes["text"] or ""
        if "weight" in changes:
            row.weight = float(changes["weight"])
        flag_modified(row, "text")  # even an empty edit moves the version

    debate_for(session, actor, debate_id, "teacher")
    row = get_relation(session, debate_id, relation_id)
    return versioned_update(
        session, actor, debate_id, "relation", relation_id, row, relation_dict, expected, apply
    )


def delete_relation(
    session: Session, actor: Actor, debate_id: int, relation_id: str, expected: int
) -> None:
    """Delete a relation, and the attacks and undercuts aimed at it."""
    debate_for(session, actor, debate_id, "teacher")
    row = get_relation(session, debate_id, relation_id)
    versioned_delete(
        session,
        actor,
        debate_id,
        "relation",
        relation_id,
        row,
        relation_dict,
        expected,
        lambda: forget(session, debate_id, {relation_id}),
    )


# -- schools --------------------------------------------------------------------------
def create_school(
    session: Session, actor: Actor, debate_id: int, data: dict[str, Any]
) -> dict[str, Any]:
    debate_for(session, actor, debate_id, "teacher")
    name = str(data["name"]).strip()
    if not name:
        raise ValidationError("a school needs a name", field="name")
    row = SchoolRow(
        debate_id=debate_id,
        node_id=IdAllocator(all_ids(session, debate_id)).school(),
        ord=next_ord(session, SchoolRow.ord, SchoolRow.debate_id == debate_id),
        name=name,
        positions=_check_positions(session, debate_id, list(data.get("positions", []))),
        description=data.get("description") or "",
    )
    session.add(row)
    session.flush()
    after = school_dict(row)
    log(session, actor, debate_id, "create", "school", row.node_id, None, after)
    return after


def update_school(
    session: Session,
    actor: Actor,
    debate_id: int,
    school_id: str,
    expected: int,
    changes: dict[str, Any],
) -> dict[str, Any]:
    def apply(row: SchoolRow) -> None:
        if "name" in changes:
            if not str(changes["name"]).strip():
                raise ValidationError("a school needs a name", field="name")
            row.name = str(changes["name"]).strip()
        if "positions" in changes:
            row.positions = _check_positions(session, debate_id, list(changes["positions"]))
        if "description" in changes:
            row.description = changes["description"] or ""
        flag_modified(row, "name")

    debate_for(session, actor, debate_id, "teacher")
    row = get_school(session, debate_id, school_id)
    return versioned_update(
        session, actor, debate_id, "school", school_id, row, school_dict, expected, apply
    )


def delete_school(
    session: Session, actor: Actor, debate_id: int, school_id: str, expected: int
) -> None:
    debate_for(session, actor, debate_id, "teacher")
    row = get_school(session, debate_id, school_id)
    versioned_delete(
        session,
        actor,
        debate_id,
        "school",
        school_id,
        row,
        school_dict,
        expected,
        lambda: session.delete(row),
    )


def current(session: Session, debate_id: int, resource: str, key: str) -> dict[str, Any] | None:
    """The present state of a node, relation, school, argument or conclusion claim (for a
    409 that raced past the check)."""
    from quaestio.store import arguments  # it builds on this module

    found = arguments.current(session, debate_id, resource, key)
    if found is not None or resource in ("argument", "conclusion_claim"):
        return found
    try:
        if resource == "relation":
            return relation_dict(get_relation(session, debate_id, key))
        if resource == "school":
            return school_dict(get_school(session, debate_id, key))
    except NotFoundError:
        return None
    return nodeviews_current(session, debate_id, resource, key)
