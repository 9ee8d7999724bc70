"""Turn a general argument graph into quaestio's shape: positions and their evidence.

AIF and Argdown both describe claims that support or attack other claims, to
any depth. quaestio's debate is flatter: positions, each with points for and
against, where a counter-point may rebut one point. This module makes that
mapping once for every graph reader: claims that argue for nothing are
positions (or those a reader names), every other claim is evidence of the
position its chain of relations ends at, and its stance is the chain's sign.
"""

from __future__ import annotations

from collections.abc import Iterable

Relations = dict[str, list[tuple[str, str]]]  # node -> [(stance "for"/"against", target)]


def shape(
    nodes: list[str], relations: Relations, forced_roots: Iterable[str] = ()
) -> tuple[dict[str, tuple[str, str]], int]:
    """Map every node to (its position, "root" | "for" | "against") and count flattened chains.

    Cycles that reach no position promote their first node (in ``nodes`` order)
    to a position, so the result always covers every node.
    """
    forced = set(forced_roots)
    resolved: dict[str, tuple[str, str]] = {
        n: (n, "root") for n in nodes if n in forced or not relations.get(n)
    }
    flip = {"for": "against", "against": "for"}
    frontier = set(resolved)
    flattened = 0
    order = {n: i for i, n in enumerate(nodes)}
    incoming: dict[str, list[str]] = {}
    for n in nodes:
        for _, target in relations.get(n, []):
            incoming.setdefault(target, []).append(n)
    # Breadth-first from the positions outwards: each claim takes the shortest
    # chain to a position (no recursion, so long chains cannot overflow the stack).
    while True:
        found: dict[str, tuple[str, str]] = {}
        candidates = {n for t in frontier for n in incoming.get(t, ()) if n not in resolved}
        for n in sorted(candidates, key=order.__getitem__):
            for stance, target in relations.get(n, []):
                if target in frontier:
                    root, target_stance = resolved[target]
                    if target_stance == "root":
                        found[n] = (root, stance)
                    else:
                        found[n] = (root, target_stance if stance == "for" else flip[target_stance])
                        flattened += 1
                    break
        if not found:
            pending = [n for n in nodes if n not in resolved]
            if not pending:
                return resolved, flattened
            resolved[pending[0]] = (pending[0], "root")  # a cycle that reaches no position
            frontier = {pending[0]}
            continue
        resolved.update(found)
        frontier = set(found)


def rebuttals(node: str, relations: Relations, resolved: dict[str, tuple[str, str]]) -> list[str]:
    """The evidence nodes that ``node`` attacks directly (its rebuttals)."""
    return [t for s, t in relations.get(node, []) if s == "against" and resolved[t][1] != "root"]
