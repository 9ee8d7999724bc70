"""Several edits of one debate applied as one transaction: all of them, or none.

A teacher restructuring a position (rename it, move a counter-point, drop a
consequence) wants either the whole change or nothing; a stale version or a bad
value anywhere rolls back everything before it. The caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quaestio.errors import ValidationError
from quaestio.store import ach, arguments, graph, moves, nodes
from quaestio.store.access import Actor

Handler = Callable[[Any, Actor, int, dict[str, Any]], dict[str, Any] | None]


def _need(op: dict[str, Any], key: str, index: int) -> Any:
    if key not in op:
        raise ValidationError(f"operation {index} needs {key!r}", field=f"operations.{index}.{key}")
    return op[key]


_OPERATIONS: dict[str, Callable[..., Any]] = {
    "create_position": nodes.create_position,
    "create_evidence": nodes.create_evidence,
    "create_consequence": nodes.create_consequence,
    "update_position": nodes.update_position,
    "update_evidence": nodes.update_evidence,
    "update_consequence": nodes.update_consequence,
    "update_ach": ach.update,
    "delete_position": nodes.delete_position,
    "delete_evidence": nodes.delete_evidence,
    "delete_consequence": nodes.delete_consequence,
    "create_relation": graph.create_relation,
    "update_relation": graph.update_relation,
    "delete_relation": graph.delete_relation,
    "create_school": graph.create_school,
    "update_school": graph.update_school,
    "delete_school": graph.delete_school,
    "create_argument": arguments.create_argument,
    "update_argument": arguments.update_argument,
    "delete_argument": arguments.delete_argument,
    "create_conclusion_claim": arguments.create_claim,
    "update_conclusion_claim": arguments.update_claim,
    "delete_conclusion_claim": arguments.delete_claim,
    "move_evidence": moves.move_evidence,
}


def _handler(kind: str, index: int) -> Callable[..., Any]:
    handler = _OPERATIONS.get(kind)
    if handler is None:
        raise ValidationError(f"unknown operation {kind!r}", field=f"operations.{index}.op")
    return handler


def apply(
    session: Any, actor: Actor, debate_id: int, operations: list[dict[str, Any]]
) -> list[Any]:
    """Apply ``operations`` in order; returns each one's result (the node after, or None)."""
    results: list[Any] = []
    for i, op in enumerate(operations):
        kind = _need(op, "op", i)
        data = dict(op.get("data") or {})
        if kind.startswith("create_"):
            results.append(_handler(kind, i)(session, actor, debate_id, data))
            continue
        node = _need(op, "id", i)
        version = _need(op, "version", i)
        if kind.startswith(("update_", "move_")):
            results.append(_handler(kind, i)(session, actor, debate_id, node, version, data))
        elif kind.startswith("delete_"):
            _handler(kind, i)(session, actor, debate_id, node, version)
            results.append(None)
        else:
            raise ValidationError(f"unknown operation {kind!r}", field=f"operations.{i}.op")
    return results
