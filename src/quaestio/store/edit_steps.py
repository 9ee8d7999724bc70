"""The editor's operations, each returning the operation that reverses it.

Undo and redo in the editor replay these: an ``update`` is reversed by an update
back to the values it replaced, an ``add`` by a ``delete``, a ``delete`` by a
``restore`` of the snapshot taken just before (same ids, same places, its
rebuttals both ways, its ACH cells and the typed relations that named it), and a
``move`` by a move back; a ``link`` (a typed relation between two claims) by an
``unlink``, and the other way round. Operations are plain JSON so they can be kept in
the revision history (``edit_history``). What a delete removes besides (arguments,
other users' weights) is not brought back by a restore.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quaestio.errors import NotFoundError, ValidationError
from quaestio.extract import historian_key
from quaestio.store import convert, graph, moves, nodes
from quaestio.store import debates as store_debates
from quaestio.store.access import Actor, debate_for
from quaestio.store.edits import created, log
from quaestio.store.graph_edit import naming
from quaestio.store.models import (
    AchRatingRow,
    ConsequenceRow,
    DebateRow,
    EvidenceRow,
    HistorianRow,
    PositionRow,
    RelationRow,
)
from quaestio.store.nesting import descendants
from quaestio.store.nodeviews import get, historian_dicts
from quaestio.store.relations import set_rebuts

Op = dict[str, Any]
DEBATE = "debate"  # the node id of the debate's own fields

#: the fields an editor update may carry, per kind of node
EDITABLE: dict[str, tuple[str, ...]] = {
    "debate": ("title", "question", "conclusion"),
    "position": ("title", "summary", "historians", "weight"),
    "evidence": ("label", "text", "stance", "weight", "years", "rebuts", "historians", "tags"),
    "consequence": ("text", "category", "polarity", "weight"),
}
_MODEL: dict[str, Any] = {
    "position": PositionRow,
    "evidence": EvidenceRow,
    "consequence": ConsequenceRow,
}


@dataclass
class Touched:
    """What an operation changed, so a page can redraw only that part."""

    positions: set[str] = field(default_factory=set)
    consequences: bool = False
    debate: bool = False
    structure: bool = False  # a position came or went: the list of positions changes
    nodes: set[str] = field(default_factory=set)  # node ids as they are now
    relations: bool = False  # the typed relations between claims changed

    def merge(self, other: Touched) -> None:
        self.relations |= other.relations
        self.positions |= other.positions
        self.consequences |= other.consequences
        self.debate |= other.debate
        self.structure |= other.structure
        self.nodes |= other.nodes


def kind_of(session: Session, debate_id: int, node_id: str) -> str:
    """The kind of a node of this debate, found by looking (ids do not always tell)."""
    if node_id == DEBATE:
        return "debate"
    for kind, model in _MODEL.items():
        found = session.scalar(
            select(model.id).where(model.debate_id == debate_id, model.node_id == node_id)
        )
        if found is not None:
            return kind
    raise NotFoundError(f"{node_id!r} is not a node of this debate", field="node")


def _position_of(session: Session, row: EvidenceRow) -> str:
    position = session.get(PositionRow, row.position_id)
    assert position is not None
    return position.node_id


def _values(session: Session, debate_id: int, kind: str, node_id: str) -> dict[str, Any]:
    """A node's editable values as an update takes them."""
    if kind == "debate":
        drow = session.get(DebateRow, debate_id)
        if drow is None:
            raise NotFoundError(f"debate {debate_id} does not exist", field="debate_id")
        return {
            "title": drow.title,
            "question": drow.question,
            "conclusion": (drow.conclusion or {}).get("text"),
            "version": drow.version,
        }
    row: Any = get(session, _MODEL[kind], debate_id, node_id)
    out: dict[str, Any] = {name: getattr(row, name, None) for name in EDITABLE[kind]}
    out["version"] = row.version
    if kind == "position":
        out["historians"] = _names(historian_dicts(session, row.id, None))
    elif kind == "evidence":
        out["historians"] = _names(historian_dicts(session, row.position_id, row.id))
        out["rebuts"] = list(convert.rebuttals(session, debate_id).get(node_id, []))
        out["years"] = list(row.years)
        out["tags"] = list(row.tags or ())
    return out


def _names(historians: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{"name": h["name"], "stance": h["stance"]} for h in historians]


def _touched(session: Session, debate_id: int, kind: str, node_id: str) -> Touched:
    if kind == "debate":
        return Touched(debate=True, nodes={node_id})
    if kind == "consequence":
        return Touched(consequences=True, nodes={node_id})
    if kind == "position":
        return Touched(positions={node_id}, nodes={node_id})
    row = get(session, EvidenceRow, debate_id, node_id)
    return Touched(positions={_position_of(session, row)}, nodes={node_id})


# -- the operations -------------------------------------------------------------------
def apply(session: Session, actor: Actor, debate_id: int, op: Op) -> tuple[Op, Touched]:
    """Carry out one operation; returns the operation that undoes it and what it touched."""
    name = op.get("op")
    if name == "update":
        return _update(session, actor, debate_id, op)
    if name == "add":
        return _add(session, actor, debate_id, op)
    if name == "delete":
        return _delete(session, actor, debate_id, op)
    if name == "restore":
        return _restore(session, actor, debate_id, op)
    if name == "move":
        return _move(session, actor, debate_id, op)
    if name == "link":
        return _link(session, actor, debate_id, op)
    if name == "unlink":
        return _unlink(session, actor, debate_id, op)
    if name == "relink":
        ids = _relink(session, actor, debate_id, list(op["links"]))
        main = str(op.get("main") or ids[0])
        return {"op": "unlink", "relation": main}, Touched(relations=True)
    raise ValidationError(f"unknown editor operation {name!r}", field="op")


def _update(session: Session, actor: Actor, debate_id: int, op: Op) -> tuple[Op, Touched]:
    node_id = str(op["node"])
    kind = kind_of(session, debate_id, node_id)
    changes = {k: v for k, v in dict(op["changes"]).items() if k in EDITABLE[kind]}
    now = _values(session, debate_id, kind, node_id)
    expected = int(op["version"]) if op.get("version") is not None else int(now["version"])
    if kind == "debate":
        store_debates.update(session, actor, debate_id, expected, changes)
    else:
        updaters = {
            "position": nodes.update_position,
            "evidence": nodes.update_evidence,
            "consequence": nodes.update_consequence,
        }
        updaters[kind](session, actor, debate_id, node_id, expected, changes)
    inverse = {"op": "update", "node": node_id, "changes": {k: now[k] for k in changes}}
    return inverse, _touched(session, debate_id, kind, node_id)


def _add(session: Session, actor: Actor, debate_id: int, op: Op) -> tuple[Op, Touched]:
    data = dict(op["data"])
    if op.get("kind") == "position":
        made = nodes.create_position(session, actor, debate_id, data)
        touched = Touched(positions={made["id"]}, structure=True, nodes={made["id"]})
    elif op.get("kind") == "consequence":
        made = nodes.create_consequence(session, actor, debate_id, data)
        touched = Touched(consequences=True, nodes={made["id"]})
    else:
        made = nodes.create_evidence(session, actor, debate_id, data)
        touched = Touched(positions={made["position_id"]}, nodes={made["id"]})
    return {"op": "delete", "node": made["id"]}, touched


def _delete(session: Session, actor: Actor, debate_id: int, op: Op) -> tuple[Op, Touched]:
    node_id = str(op["node"])
    kind = kind_of(session, debate_id, node_id)
    snap = snapshot(session, debate_id, kind, node_id)
    touched = _touched(session, debate_id, kind, node_id)
    if kind == "position":
        touched.structure = True
    version = int(op["version"]) if op.get("version") is not None else None
    row: Any = get(session, _MODEL[kind], debate_id, node_id)
    remove = {
        "position": nodes.delete_position,
        "evidence": nodes.delete_evidence,
        "consequence": nodes.delete_consequence,
    }[kind]
    gone = {node_id, *(p["row"]["node_id"] for p in snap.get("points", []))}
    snap["links"] = [_relation_snapshot(r) for r in naming(session, debate_id, gone)
                     if r.relation_id is not None]  # fmt: skip
    touched.relations = bool(snap["links"])
    remove(session, actor, debate_id, node_id, version if version is not None else row.version)
    return {"op": "restore", "snapshot": snap}, touched


def _link(session: Session, actor: Actor, debate_id: int, op: Op) -> tuple[Op, Touched]:
    made = graph.create_relation(session, actor, debate_id, dict(op["data"]))
    return {"op": "unlink", "relation": made["id"]}, Touched(relations=True)


def _unlink(session: Session, actor: Actor, debate_id: int, op: Op) -> tuple[Op, Touched]:
    relation_id = str(op["relation"])
    row = graph.get_relation(session, debate_id, relation_id)
    links = [_relation_snapshot(r) for r in naming(session, debate_id, {relation_id})]
    expected = int(op["version"]) if op.get("version") is not None else row.version
    graph.delete_relation(session, actor, debate_id, relation_id, expected)
    return {"op": "relink", "links": links, "main": relation_id}, Touched(relations=True)


_RELATION_COLUMNS = ("relation_id", "kind", "source_node", "target_node", "text", "origin",
                     "weight", "ord")  # fmt: skip


def _relation_snapshot(row: RelationRow) -> dict[str, Any]:
    return _cols(row, _RELATION_COLUMNS)


def _relink(
    session: Session, actor: Actor, debate_id: int, links: list[dict[str, Any]]
) -> list[str]:
    """Put typed relations back with their own ids, each once what it names is back
    (a relation aimed at a relation after that relation); returns their ids."""
    debate_for(session, actor, debate_id, "teacher")
    rest = [dict(link) for link in links]
    back: list[str] = []
    while rest:
        waiting = {r["relation_id"] for r in rest}  # relations not put back yet
        ready = [link for link in rest if link["target_node"] not in waiting]
        if not ready:
            break  # a cycle of relations aimed at each other cannot be: nothing is left
        for link in ready:
            rest.remove(link)
            graph.check_relation(
                session, debate_id, link["kind"], link["source_node"], link["target_node"], None
            )
            row = RelationRow(debate_id=debate_id, **link)
            session.add(row)
            session.flush()
            after = graph.relation_dict(row)
            log(session, actor, debate_id, "create", "relation", after["id"], None, after)
            back.append(str(row.relation_id))
    return back


def _move(session: Session, actor: Actor, debate_id: int, op: Op) -> tuple[Op, Touched]:
    node_id = str(op["node"])
    row = get(session, EvidenceRow, debate_id, node_id)
    old_position = _position_of(session, row)
    back = {"under": row.parent or old_position, "stance": row.stance}
    expected = int(op["version"]) if op.get("version") is not None else row.version
    moved = moves.move_evidence(
        session,
        actor,
        debate_id,
        node_id,
        expected,
        {"under": op["under"], "stance": op.get("stance")},
    )
    touched = Touched(positions={old_position, moved["position_id"]}, nodes={moved["id"]})
    return {"op": "move", "node": moved["id"], **back}, touched


# -- snapshots and restoring ----------------------------------------------------------
_POSITION_COLUMNS = ("node_id", "ord", "title", "summary", "weight", "source")
_EVIDENCE_COLUMNS = (
    "node_id", "ord", "parent", "stance", "label", "text", "years", "figures", "references",
    "weight", "source", "credibility", "relevance", "tags",
)  # fmt: skip
_CONSEQUENCE_COLUMNS = ("node_id", "ord", "polarity", "text", "category", "weight", "source")


def _cols(row: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {n: getattr(row, n) for n in names}


def _point_snapshot(session: Session, debate_id: int, row: EvidenceRow) -> dict[str, Any]:
    links = convert.rebuttals(session, debate_id)
    return {
        "row": _cols(row, _EVIDENCE_COLUMNS),
        "historians": historian_dicts(session, row.position_id, row.id),
        "rebuts": list(links.get(row.node_id, [])),
        "rebutted_by": [s for s, targets in links.items() if row.node_id in targets],
        "ach": [
            [a.position_node, a.rating, a.ord]
            for a in session.scalars(
                select(AchRatingRow).where(
                    AchRatingRow.debate_id == debate_id, AchRatingRow.evidence_node == row.node_id
                )
            )
        ],
    }


def snapshot(session: Session, debate_id: int, kind: str, node_id: str) -> dict[str, Any]:
    """Everything a delete of ``node_id`` removes that a restore puts back."""
    if kind == "consequence":
        c = get(session, ConsequenceRow, debate_id, node_id)
        return {"kind": kind, "row": _cols(c, _CONSEQUENCE_COLUMNS)}
    if kind == "evidence":
        point = get(session, EvidenceRow, debate_id, node_id)
        below = [
            get(session, EvidenceRow, debate_id, k)
            for k in descendants(session, point.position_id, node_id)
        ]
        return {
            "kind": kind,
            "position": _position_of(session, point),
            "points": [_point_snapshot(session, debate_id, p) for p in (point, *below)],
        }
    if kind == "position":
        p = get(session, PositionRow, debate_id, node_id)
        points = session.scalars(
            select(EvidenceRow).where(EvidenceRow.position_id == p.id).order_by(EvidenceRow.ord)
        )
        return {
            "kind": kind,
            "row": _cols(p, _POSITION_COLUMNS),
            "historians": historian_dicts(session, p.id, None),
            "position": node_id,
            "rated": [
                [a.evidence_node, a.rating, a.ord]
                for a in session.scalars(
                    select(AchRatingRow).where(
                        AchRatingRow.debate_id == debate_id, AchRatingRow.position_node == node_id
                    )
                )
            ],
            "points": _parents_first([_point_snapshot(session, debate_id, e) for e in points]),
        }
    raise ValidationError("the debate itself is not deleted from the editor", field="node")


def _parents_first(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    done: set[str | None] = {None}
    ordered: list[dict[str, Any]] = []
    rest = list(points)
    while rest:
        ready = [p for p in rest if p["row"]["parent"] in done or p["row"]["parent"] not in
                 {q["row"]["node_id"] for q in rest}]  # fmt: skip
        for p in ready:
            ordered.append(p)
            done.add(p["row"]["node_id"])
            rest.remove(p)
    return ordered


def _restore(session: Session, actor: Actor, debate_id: int, op: Op) -> tuple[Op, Touched]:
    debate_for(session, actor, debate_id, "teacher")
    snap = dict(op["snapshot"])
    kind = snap["kind"]
    if kind == "consequence":
        c = ConsequenceRow(debate_id=debate_id, **snap["row"])
        session.add(c)
        session.flush()
        created(session, actor, c)
        node_id = c.node_id
        relinked = bool(_relink(session, actor, debate_id, snap.get("links", [])))
        touched = Touched(consequences=True, nodes={node_id}, relations=relinked)
        return {"op": "delete", "node": node_id}, touched
    if kind == "position":
        p = PositionRow(debate_id=debate_id, **snap["row"])
        session.add(p)
        session.flush()
        _add_historians(session, p.id, None, snap["historians"])
        created(session, actor, p)
        node_id = p.node_id
    else:
        node_id = snap["points"][0]["row"]["node_id"]
    position = get(session, PositionRow, debate_id, snap["position"])
    made: list[EvidenceRow] = []
    for point in snap["points"]:
        e = EvidenceRow(debate_id=debate_id, position_id=position.id, **point["row"])
        session.add(e)
        session.flush()
        _add_historians(session, position.id, e.id, point["historians"])
        made.append(e)
    for point, e in zip(snap["points"], made, strict=True):
        set_rebuts(session, debate_id, e.node_id, point["rebuts"])
        for source in point["rebutted_by"]:
            if _exists(session, debate_id, source):
                theirs = convert.rebuttals(session, debate_id).get(source, [])
                set_rebuts(session, debate_id, source, [*theirs, e.node_id])
        for position_node, rating, ord_ in point["ach"]:
            session.add(
                AchRatingRow(
                    debate_id=debate_id,
                    evidence_node=e.node_id,
                    position_node=position_node,
                    rating=rating,
                    ord=ord_,
                )
            )
        session.flush()
        created(session, actor, e)
    for evidence_node, rating, ord_ in snap.get("rated", []):  # other points' cells on it
        if _exists(session, debate_id, evidence_node) and evidence_node not in {
            e.node_id for e in made
        }:
            session.add(
                AchRatingRow(
                    debate_id=debate_id,
                    evidence_node=evidence_node,
                    position_node=position.node_id,
                    rating=rating,
                    ord=ord_,
                )
            )
    session.flush()
    relinked = bool(_relink(session, actor, debate_id, snap.get("links", [])))
    touched = Touched(
        positions={position.node_id},
        structure=kind == "position",
        nodes={node_id},
        relations=relinked,
    )
    return {"op": "delete", "node": node_id}, touched


def _exists(session: Session, debate_id: int, node_id: str) -> bool:
    found = session.scalar(
        select(EvidenceRow.id).where(
            EvidenceRow.debate_id == debate_id, EvidenceRow.node_id == node_id
        )
    )
    return found is not None


def _add_historians(
    session: Session, position_row: int, evidence_row: int | None, names: list[dict[str, Any]]
) -> None:
    for i, h in enumerate(names):
        session.add(
            HistorianRow(
                position_id=position_row,
                evidence_id=evidence_row,
                ord=i,
                name=h["name"],
                key=h.get("key") or historian_key(h["name"]),
                stance=h.get("stance", "for"),
            )
        )
    session.flush()
