"""Turn a general argument graph into quaestio's: positions, nested points and relations.

AIF, Argdown, SADFace and Carneades all describe claims that support or attack other
claims, to any depth, plus links the tree cannot hold. This module makes the mapping
once for every graph reader: claims that argue for nothing are positions (or those a
reader names), every other claim becomes a point answering the claim its shortest
support/attack chain to a position goes through (its parent), with that edge's stance.
Every edge that is not such a parent link is kept as a relation: a second parent, a
link across positions, an undercut, a contrary, a rephrase, an attack on a relation.
An attack aimed at a parent link becomes an undercut of the point (the model's way of
attacking the link between a point and what it answers).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quaestio.formats.draft import DraftRelation
from quaestio.model import RelationKind

TREE_KINDS = frozenset({"support", "attack"})


@dataclass(frozen=True)
class Edge:
    """A typed edge of the source graph; ``target`` is a node key or another edge's key."""

    key: str
    kind: RelationKind
    source: str
    target: str
    line: int | None = None
    text: str = ""


@dataclass(frozen=True)
class Place:
    root: str  # the position this claim belongs to (itself for a position)
    parent: str | None  # the point it answers, None when it answers its position
    stance: str  # "root", "for" or "against" (towards its parent or position)
    edge: str | None  # the key of the edge that made it a point


def place(
    nodes: list[str], edges: Iterable[Edge], forced_roots: Iterable[str] = ()
) -> dict[str, Place]:
    """Where each node sits in the tree; breadth-first from the positions outwards.

    Each claim takes the shortest chain to a position (no recursion, so long chains
    cannot overflow the stack); a cycle that reaches no position promotes its first node
    (in ``nodes`` order) to a position, so every node is placed.
    """
    known = set(nodes)
    out: dict[str, list[Edge]] = {}
    incoming: dict[str, list[str]] = {}
    for e in edges:
        if (
            e.kind in TREE_KINDS
            and e.source in known
            and e.target in known
            and e.source != e.target
        ):
            out.setdefault(e.source, []).append(e)
            incoming.setdefault(e.target, []).append(e.source)
    forced = set(forced_roots)
    placed: dict[str, Place] = {
        n: Place(n, None, "root", None) for n in nodes if n in forced or not out.get(n)
    }
    order = {n: i for i, n in enumerate(nodes)}
    frontier = set(placed)
    while True:
        found: dict[str, Place] = {}
        candidates = {n for t in frontier for n in incoming.get(t, ()) if n not in placed}
        for n in sorted(candidates, key=order.__getitem__):
            for e in out[n]:
                if e.target in frontier:
                    target = placed[e.target]
                    stance = "for" if e.kind == "support" else "against"
                    parent = None if target.stance == "root" else e.target
                    found[n] = Place(target.root, parent, stance, e.key)
                    break
        if not found:
            pending = [n for n in nodes if n not in placed]
            if not pending:
                return placed
            placed[pending[0]] = Place(pending[0], None, "root", None)
            frontier = {pending[0]}
            continue
        placed.update(found)
        frontier = set(found)


def relations(edges: Iterable[Edge], placed: dict[str, Place]) -> tuple[list[DraftRelation], int]:
    """The edges that are not parent links, as draft relations; and how many were dropped.

    An edge aimed at a parent link is re-aimed at the point (an undercut of its link);
    an edge aimed at an edge that was itself dropped is dropped too.
    """
    edges = list(edges)
    tree = {p.edge: n for n, p in placed.items() if p.edge is not None}
    kept: set[str] = set()
    out: list[DraftRelation] = []
    dropped = 0
    by_key = {e.key: e for e in edges}
    # an edge on an edge can only be resolved once its target is decided: repeat until stable
    pending = [e for e in edges if e.key not in tree]
    while pending:
        progress = False
        later: list[Edge] = []
        for e in pending:
            if e.source not in placed or e.source == e.target:
                dropped += 1
                progress = True
                continue
            if e.target in placed:
                out.append(DraftRelation(e.kind, e.source, e.target, e.key, e.text, e.line))
                kept.add(e.key)
                progress = True
            elif e.target in tree and e.kind in ("attack", "undercut"):
                kind: RelationKind = "undercut"
                out.append(DraftRelation(kind, e.source, tree[e.target], e.key, e.text, e.line))
                kept.add(e.key)
                progress = True
            elif e.target in kept and e.kind in ("attack", "undercut"):
                out.append(DraftRelation(e.kind, e.source, e.target, e.key, e.text, e.line))
                kept.add(e.key)
                progress = True
            elif e.target in by_key and e.target not in kept and by_key[e.target] in pending:
                later.append(e)
            else:
                dropped += 1
                progress = True
        if not progress:
            dropped += len(later)
            break
        pending = later
    return out, dropped


def rebuttals(
    found: list[DraftRelation], placed: dict[str, Place]
) -> tuple[list[DraftRelation], dict[str, list[str]]]:
    """Split off the handout's rebuttals: an attack from a point on a point of its position."""
    rebuts: dict[str, list[str]] = {}
    kept = []
    for r in found:
        source, target = placed.get(r.source), placed.get(r.target)
        if (
            r.kind == "attack"
            and source is not None
            and target is not None
            and source.root == target.root
            and "root" not in (source.stance, target.stance)
        ):
            rebuts.setdefault(r.source, []).append(r.target)
        else:
            kept.append(r)
    return kept, rebuts
