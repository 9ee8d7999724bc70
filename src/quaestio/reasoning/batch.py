"""Many small what-if evaluations of one debate at once.

Explanations need the strength of a position under thousands of variants of the
debate (evidence removed for Shapley values, one weight moved for the flip
point). A debate has tens of nodes, so each variant is one row of a dense
``(B, m)`` matrix and all variants iterate together: an absent argument keeps
strength 0, which under every semantics here means it neither attacks nor
supports. The iteration mirrors ``gradual.iterate`` (plain, then damped).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from quaestio.errors import SolverError
from quaestio.reasoning.bipolar import DebateGraph

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


def _h(x: FloatArray) -> FloatArray:
    p = np.maximum(x, 0.0) ** 2
    return p / (1.0 + p)


class BatchEvaluator:
    """Strengths of every node for a batch of weight vectors and presence masks."""

    def __init__(
        self, graph: DebateGraph, semantics: str, nodes: NDArray[np.int64] | None = None
    ) -> None:
        """Evaluate ``graph``, or only the sub-graph on ``nodes`` (columns in that order)."""
        self.graph = graph
        self.semantics = semantics
        keep = np.arange(graph.n) if nodes is None else nodes
        local = {int(g): i for i, g in enumerate(keep)}
        m = len(keep)
        self.At = np.zeros((m, m))  # At[src, dst]: rows @ At sums over attackers
        self.St = np.zeros((m, m))
        for a, b in graph.attacks:
            if a in local and b in local:
                self.At[local[a], local[b]] += 1.0
        for a, b in graph.supports:
            if a in local and b in local:
                self.St[local[a], local[b]] += 1.0
        self.base = np.array(graph.weights, dtype=np.float64)[keep]

    def step(self, s: FloatArray, w: FloatArray) -> FloatArray:
        sem = self.semantics
        if sem == "dfquad":
            # a strength of exactly 1 would put log(0) = -inf into a dense product
            full = (s >= 1.0).astype(np.float64)
            logs = np.log1p(-np.where(s >= 1.0, 0.0, s))
            va = np.where(full @ self.At > 0, 1.0, -np.expm1(logs @ self.At))
            vs = np.where(full @ self.St > 0, 1.0, -np.expm1(logs @ self.St))
            out: FloatArray = np.where(va >= vs, w - w * (va - vs), w + (1.0 - w) * (vs - va))
            return out
        if sem == "hcat":
            return w / (1.0 + s @ self.At)
        e = s @ self.St - s @ self.At
        if sem == "qe":
            return w - w * _h(-e) + (1.0 - w) * _h(e)
        if sem == "euler":
            return 1.0 - (1.0 - w * w) / (1.0 + w * np.exp(e))
        raise SolverError(f"no batched form of {sem!r}", field="semantics")

    def run(
        self,
        weights: FloatArray,
        present: BoolArray | None = None,
        tol: float = 1e-12,
        max_iter: int = 4000,
    ) -> FloatArray:
        """Strength of every node (columns) in every variant (rows)."""
        mask = np.ones_like(weights) if present is None else present.astype(np.float64)
        s = weights * mask
        for k in range(1, max_iter + 1):
            target = self.step(s, weights) * mask
            new = target if k <= max_iter // 2 else s + 0.5 * (target - s)
            delta = float(np.max(np.abs(new - s))) if s.size else 0.0
            s = new
            if delta <= tol:
                return s
        raise SolverError(
            f"{self.semantics} did not converge on the debate after {max_iter} iterations "
            f"(last change {delta:.3g})",
            field="semantics",
        )

    def weights_rows(self, rows: int) -> FloatArray:
        return np.tile(self.base, (rows, 1))


class ComponentEvaluator:
    """Position strengths computed one weakly connected part of the debate at a time.

    Positions that share no attack or support path cannot influence each other,
    so a batch over a seven-position debate is seven small dense products
    instead of one big one, and a question about one position touches only its part.
    """

    def __init__(self, graph: DebateGraph, semantics: str) -> None:
        import scipy.sparse as sp
        from scipy.sparse.csgraph import connected_components

        edges = np.array([*graph.attacks, *graph.supports], dtype=np.int64).reshape(-1, 2)
        adj = sp.coo_matrix(
            (np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(graph.n, graph.n)
        )
        _, label = connected_components(adj, directed=True, connection="weak")
        self.p = graph.n_positions
        self.parts: list[tuple[NDArray[np.int64], NDArray[np.int64], BatchEvaluator]] = []
        self.part_of = np.zeros(graph.n, dtype=np.int64)
        for c in np.unique(label[: self.p]):
            nodes = np.flatnonzero(label == c).astype(np.int64)
            cols = np.flatnonzero(nodes < self.p)  # local columns that are positions
            self.part_of[nodes] = len(self.parts)
            self.parts.append((nodes, cols, BatchEvaluator(graph, semantics, nodes)))

    def __call__(
        self,
        weights: FloatArray,
        present: BoolArray,
        only: int | None = None,
        baseline: tuple[FloatArray, FloatArray] | None = None,
    ) -> FloatArray:
        """Strengths for each row; with ``baseline`` = (base weights, their strengths),
        parts whose weights and presence equal the baseline in every row are copied
        instead of recomputed (a flip-point search changes one part per row)."""
        out = np.zeros((weights.shape[0], self.p))
        chosen = self.parts if only is None else [self.parts[int(self.part_of[only])]]
        if baseline is not None and only is None:
            base_w, base_s = baseline
            touched = np.any(weights != base_w, axis=0) | ~np.all(present, axis=0)
            out[:] = base_s
            chosen = [part for part in chosen if touched[part[0]].any()]
        for nodes, cols, evaluator in chosen:
            s = evaluator.run(weights[:, nodes], present[:, nodes])
            out[:, nodes[cols]] = s[:, cols]
        return out
