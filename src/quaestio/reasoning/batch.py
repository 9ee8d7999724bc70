"""Many what-if evaluations of one (part of a) debate at once, as batched sparse passes.

Explanations need the strength of a position under thousands of variants of the
debate (evidence removed for Shapley values, one weight moved for the flip
point). Each variant is one column of an ``(m, B)`` strength matrix, so a round
of the iteration is, for every node, a sparse product (sums) or a gather of its
attackers' and supporters' rows and one ``reduceat`` (DF-QuAD's products): the
cost is ``edges x B``, not ``m x m x B`` as a dense product would be. The
sub-graph's levels and edge groups come from ``structure.py``. An absent argument keeps strength
0, which under every semantics here means it neither attacks nor supports.

Most debates are acyclic (points hold up or attack a position, counter-points
rebut points), and there the fixed point is reached in *one* pass over the
nodes in topological order (levels): a node's strength is final once its
parents' are. Where points rebut each other in a cycle, the levels are those of
the strongly connected components, and only a component with a cycle is
iterated, on its own, like ``gradual.iterate`` (plain, then damped after half
the budget); everything downstream of it is still one pass.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from quaestio.errors import SolverError
from quaestio.reasoning.bipolar import DebateGraph
from quaestio.reasoning.structure import shared

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.intp]


def _h(x: FloatArray) -> FloatArray:
    p = np.maximum(x, 0.0) ** 2
    return p / (1.0 + p)


def _contiguous(rows: IntArray) -> bool:
    return (
        bool(rows.size)
        and int(rows[-1]) - int(rows[0]) + 1 == rows.size
        and bool(np.all(np.diff(rows) == 1))
    )


class BatchEvaluator:
    """Strengths of every node of ``graph`` (or the sub-graph on ``nodes``) for a batch."""

    def __init__(
        self,
        graph: DebateGraph,
        semantics: str,
        nodes: NDArray[np.int64] | None = None,
        fixed: IntArray | None = None,
    ) -> None:
        """Evaluate ``graph``, or only the sub-graph on ``nodes`` (columns in that order).

        Nodes in ``fixed`` lose their in-edges: their strength is whatever weight
        the caller gives them (a boundary held at its converged strength).
        """
        if semantics not in ("dfquad", "qe", "euler", "hcat"):
            raise SolverError(f"no batched form of {semantics!r}", field="semantics")
        self.graph = graph
        self.semantics = semantics
        keep = np.arange(graph.n) if nodes is None else np.asarray(nodes)
        structure = shared(graph).structure(keep.astype(np.intp), fixed)
        self.nodes = structure.nodes
        self.m = int(structure.nodes.size)
        self.local = structure.local
        self.base = structure.base
        self._groups = structure.groups
        self._split = structure.split
        self.acyclic = not any(cyclic for *_, cyclic in self._groups)
        self._level_of = np.zeros(self.m, dtype=np.intp)
        for g, (nodes_, *_) in enumerate(self._groups):
            self._level_of[nodes_] = g

    def _update(self, s: FloatArray, w: FloatArray, group: int) -> FloatArray:
        """New strengths of one group's nodes from the current ``s`` (``(m, B)``)."""
        nodes, att, sup, _ = self._groups[group]
        k = nodes.size
        if self.semantics == "dfquad":
            return self.formula(w[nodes], att.union(s, k), sup.union(s, k))
        return self.formula(w[nodes], att.total(s, k), sup.total(s, k))

    def formula(self, wn: FloatArray, a: FloatArray, b: FloatArray) -> FloatArray:
        """The semantics' step from the aggregated attackers ``a`` and supporters ``b``
        (``1 - prod(1 - s)`` for DF-QuAD, sums for the others)."""
        sem = self.semantics
        if sem == "dfquad":
            va, vs = a, b
            out: FloatArray = np.where(va >= vs, wn - wn * (va - vs), wn + (1.0 - wn) * (vs - va))
            return out
        if sem == "hcat":
            return np.asarray(wn / (1.0 + a), dtype=np.float64)
        e = b - a
        if sem == "qe":
            return np.asarray(wn - wn * _h(-e) + (1.0 - wn) * _h(e), dtype=np.float64)
        return np.asarray(1.0 - (1.0 - wn * wn) / (1.0 + wn * np.exp(e)), dtype=np.float64)

    def solve(
        self,
        w: FloatArray,
        mask: FloatArray | None = None,
        tol: float = 1e-12,
        max_iter: int = 4000,
        *,
        rows: IntArray | None = None,
        present: BoolArray | None = None,
    ) -> FloatArray:
        """Strengths ``(m, B)`` for weights ``w`` ``(m, B)`` and presence ``mask`` (0/1).

        Instead of a full ``mask``, ``present`` ``(k, B)`` may give the presence of
        the nodes ``rows`` only (the others are present): Shapley coalitions vary
        only the players, and a full mask would be one more large array.
        """
        if rows is not None and present is not None and _contiguous(rows):
            # players are usually one run of columns: write them once, no temporaries
            lo, hi = int(rows[0]), int(rows[-1]) + 1
            s = np.empty(w.shape)
            s[:lo], s[hi:] = w[:lo], w[hi:]
            np.multiply(w[lo:hi], present, out=s[lo:hi])
        else:
            s = np.array(w, dtype=np.float64)  # a copy, also of a broadcast view
            if rows is not None and present is not None:
                s[rows] *= present
        if mask is not None:
            s *= mask
        level_of = self._level_of[rows] if rows is not None else None
        for g, (nodes, att, sup, cyclic) in enumerate(self._groups):
            if not (cyclic or att.src.size or sup.src.size):
                continue  # no parents: the strength is the weight under every semantics here
            here = None
            if level_of is not None and rows is not None and present is not None:
                at = np.flatnonzero(level_of == g)
                here = (rows[at], present[at]) if at.size else None
            if cyclic:
                self._iterate(s, w, g, mask, here, tol, max_iter)
                continue
            new = self._update(s, w, g)
            if mask is not None:
                new *= mask[nodes]
            s[nodes] = new
            if here is not None:
                s[here[0]] *= here[1]
        return s

    def _iterate(
        self,
        s: FloatArray,
        w: FloatArray,
        g: int,
        mask: FloatArray | None,
        here: tuple[IntArray, BoolArray] | None,
        tol: float,
        max_iter: int,
    ) -> None:
        """Iterate group ``g`` (a cycle) to its fixed point, in place; the rest stays fixed.

        Plain steps first, damped ones (``s += (f(s) - s) / 2``) after half the
        budget, as ``gradual.iterate`` does.
        """
        nodes = self._groups[g][0]
        k = nodes.size
        att_in, att_out, sup_in, sup_out = self._split[g]
        wn = w[nodes]
        product = self.semantics == "dfquad"
        # what comes from outside the cycle is final already: aggregate it once
        if product:
            fixed_a = 1.0 - att_out.union(s, k)  # prod(1 - s) over outside attackers
            fixed_s = 1.0 - sup_out.union(s, k)
        else:
            fixed_a, fixed_s = att_out.total(s, k), sup_out.total(s, k)
        keep = None if mask is None else mask[nodes].copy()
        if here is not None:
            keep = np.ones((nodes.size, s.shape[1])) if keep is None else keep
            keep[np.searchsorted(nodes, here[0])] *= here[1]
        delta = float("inf")
        for it in range(1, max_iter + 1):
            if product:
                a = 1.0 - fixed_a * (1.0 - att_in.union(s, k))
                b = 1.0 - fixed_s * (1.0 - sup_in.union(s, k))
            else:
                a = fixed_a + att_in.total(s, k)
                b = fixed_s + sup_in.total(s, k)
            target = self.formula(wn, a, b)
            if keep is not None:
                target *= keep
            current = s[nodes]
            new = target if it <= max_iter // 2 else current + 0.5 * (target - current)
            delta = float(np.max(np.abs(new - current))) if new.size else 0.0
            s[nodes] = new
            if delta <= tol:
                return
        raise SolverError(
            f"{self.semantics} did not converge on the debate after {max_iter} iterations "
            f"(last change {delta:.3g})",
            field="semantics",
        )

    def run(
        self,
        weights: FloatArray,
        present: BoolArray | None = None,
        tol: float = 1e-12,
        max_iter: int = 4000,
    ) -> FloatArray:
        """Strength of every node (columns) in every variant (rows)."""
        w = np.ascontiguousarray(np.asarray(weights, dtype=np.float64).T)
        mask = None if present is None else np.ascontiguousarray(present.T, dtype=np.float64)
        return self.solve(w, mask, tol, max_iter).T
