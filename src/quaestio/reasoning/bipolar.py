"""From a debate to frameworks.

Arguments are the positions followed by every evidence item, in document order.
A for-point supports its position. An against-point attacks its position, or,
when it names points it rebuts (``Evidence.rebuts``), attacks those points
instead. A for-point that rebuts something attacks it and still supports its
own position. Base scores are the node weights.

For extension semantics the bipolar framework is flattened into a Dung
framework (Cayrol & Lagasquie-Schiex 2005/2013) by adding, to the direct
attacks, every
- *supported attack*: ``a`` supports (a chain to) ``b`` and ``b`` attacks ``c`` gives ``a -> c``;
- *secondary attack*: ``a`` attacks ``b`` and ``b`` supports (a chain to) ``c`` gives ``a -> c``.
So a counter-point that rebuts a supporting point also counts against the
position that point holds up, which is how a reader of the handout takes it.

Nested points, relations across positions, undercuts, rephrases and conclusion
claims are added by ``graph_edges`` (its docstring gives the rules); a debate
that is only a table keeps the direct construction below.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from quaestio.model import Debate
from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.gradual import QBAF
from quaestio.reasoning.graph_edges import graph_edges


@dataclass(frozen=True, eq=False)
class DebateGraph:
    """Node ids, base weights, supports and attacks of one debate (indices into ``ids``)."""

    ids: tuple[str, ...]
    n_positions: int
    weights: tuple[float, ...]
    supports: tuple[tuple[int, int], ...]
    attacks: tuple[tuple[int, int], ...]
    #: supports from a premise to the link node it holds up (also in ``supports``)
    premises: tuple[tuple[int, int], ...] = ()

    @property
    def n(self) -> int:
        return len(self.ids)

    @cached_property
    def index(self) -> dict[str, int]:
        return {a: i for i, a in enumerate(self.ids)}

    def qbaf(self, weights: dict[str, float] | None = None) -> QBAF:
        w = np.array(self.weights, dtype=np.float64)
        for key, value in (weights or {}).items():
            if key in self.index:
                w[self.index[key]] = value
        att = np.array(self.attacks, dtype=np.int64).reshape(-1, 2)
        sup = np.array(self.supports, dtype=np.int64).reshape(-1, 2)
        return QBAF(
            w, att[:, 0].copy(), att[:, 1].copy(), sup[:, 0].copy(), sup[:, 1].copy(), self.ids
        )

    def _reach(self, supports: tuple[tuple[int, int], ...]) -> list[set[int]]:
        """supports*: what each argument holds up, through chains of supports."""
        reach: list[set[int]] = [set() for _ in range(self.n)]
        for a, b in supports:
            reach[a].add(b)
        changed = True
        while changed:
            changed = False
            for a in range(self.n):
                extra = set().union(*(reach[b] for b in reach[a])) - reach[a] if reach[a] else set()
                if extra:
                    reach[a] |= extra
                    changed = True
        return reach

    @cached_property
    def derived_attacks(self) -> frozenset[tuple[int, int]]:
        """Direct, supported and secondary attacks (support chains closed transitively).

        An attack on a premise reaches the link it holds up (secondary attack), but a premise
        does not attack through its link (no supported attack over a premise edge): the link
        does, so an undercut that defeats the link stops the attack.
        """
        reach = self._reach(self.supports)
        out = set(self.attacks)
        for a, b in self.attacks:
            out.update((a, c) for c in reach[b])  # secondary
        if self.premises:
            premise_edges = set(self.premises)
            reach = self._reach(tuple(e for e in self.supports if e not in premise_edges))
        supported_by: list[set[int]] = [set() for _ in range(self.n)]
        for a in range(self.n):
            for b in reach[a]:
                supported_by[b].add(a)
        for b, c in list(out):
            out.update((a, c) for a in supported_by[b])  # supported
        return frozenset(out)

    def dung(self) -> ArgumentationFramework:
        return ArgumentationFramework.from_pairs(
            self.n, sorted(self.derived_attacks), list(self.ids)
        )

    @cached_property
    def parents(self) -> list[list[int]]:
        """Arguments that act on each argument (attackers and supporters)."""
        out: list[list[int]] = [[] for _ in range(self.n)]
        for a, b in (*self.attacks, *self.supports):
            out[b].append(a)
        return out

    def ancestors(self, node: int) -> list[int]:
        seen: set[int] = set()
        stack = [node]
        while stack:
            for p in self.parents[stack.pop()]:
                if p not in seen and p != node:
                    seen.add(p)
                    stack.append(p)
        return sorted(seen)


def debate_graph(debate: Debate) -> DebateGraph:
    if (
        debate.relations
        or debate.conclusion_claims
        or any(e.parent is not None for _, e in debate.iter_evidence())
    ):
        g = graph_edges(debate)
        return DebateGraph(
            tuple(g.ids),
            len(debate.positions),
            tuple(g.weights),
            tuple(g.supports),
            tuple(g.attacks),
            tuple(g.premises),
        )
    ids = [p.id for p in debate.positions]
    weights = [float(p.weight) for p in debate.positions]
    for _, e in debate.iter_evidence():
        ids.append(e.id)
        weights.append(float(e.weight))
    index = {a: i for i, a in enumerate(ids)}
    supports: list[tuple[int, int]] = []
    attacks: list[tuple[int, int]] = []
    for position, e in debate.iter_evidence():
        me, pos = index[e.id], index[position.id]
        targets = [index[t] for t in e.rebuts if t in index and t != e.id]
        if e.stance == "for":
            supports.append((me, pos))
            attacks.extend((me, t) for t in targets)
        elif targets:
            attacks.extend((me, t) for t in targets)
        else:
            attacks.append((me, pos))
    return DebateGraph(
        tuple(ids), len(debate.positions), tuple(weights), tuple(supports), tuple(attacks)
    )
