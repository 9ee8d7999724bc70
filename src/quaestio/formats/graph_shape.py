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
    flattened = 0

    def resolve(node: str, seen: frozenset[str]) -> tuple[str, str] | None:
        nonlocal flattened
        if node in resolved:
            return resolved[node]
        if node in seen:
            return None
        links = relations.get(node, [])
        direct = [(s, t) for s, t in links if t in resolved and resolved[t][1] == "root"]
        if direct:
            stance, target = direct[0]
            resolved[node] = (resolved[target][0], stance)
            return resolved[node]
        for stance, target in links:
            found = resolve(target, seen | {node})
            if found is not None:
                root, target_stance = found
                flip = {"for": "against", "against": "for"}
                mine = target_stance if stance == "for" else flip[target_stance]
                flattened += 1
                resolved[node] = (root, mine)
                return resolved[node]
        return None

    while True:
        pending = [n for n in nodes if resolve(n, frozenset()) is None]
        if not pending:
            return resolved, flattened
        resolved[pending[0]] = (pending[0], "root")


def rebuttals(node: str, relations: Relations, resolved: dict[str, tuple[str, str]]) -> list[str]:
    """The evidence nodes that ``node`` attacks directly (its rebuttals)."""
    return [t for s, t in relations.get(node, []) if s == "against" and resolved[t][1] != "root"]
