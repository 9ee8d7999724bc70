"""Many what-if evaluations of one (part of a) debate at once, as batched sparse passes.

Explanations need the strength of a position under thousands of variants of the
debate (evidence removed for Shapley values, one weight moved for the flip
point). Each variant is one column of an ``(m, B)`` strength matrix, so a round
of the iteration is, for every node, a gather of its attackers' and supporters'
rows followed by one ``reduceat`` per kind of edge: the cost is ``edges x B``,
not ``m x m x B`` as a dense product would be. An absent argument keeps strength
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

from dataclasses import dataclass
from functools import cached_property
from weakref import WeakKeyDictionary

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from quaestio.errors import SolverError
from quaestio.reasoning.bipolar import DebateGraph

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.intp]


def _h(x: FloatArray) -> FloatArray:
    p = np.maximum(x, 0.0) ** 2
    return p / (1.0 + p)


class _InEdges:
    """The in-edges of a list of targets: a sparse matrix for sums, groups for products."""

    def __init__(self, src: IntArray, starts: IntArray, rows: IntArray, shape: tuple[int, int]):
        self.src = src  # source of every edge, grouped by target
        self.starts = starts  # where each non-empty group begins in ``src``
        self.rows = rows  # the target (index into the list) each group belongs to
        self.shape = shape  # targets x nodes

    @classmethod
    def of(cls, targets: IntArray, src: IntArray, dst: IntArray, m: int) -> _InEdges:
        where = np.full(m, -1, dtype=np.intp)
        where[targets] = np.arange(targets.size)
        keep = where[dst] >= 0
        s, d = src[keep], where[dst[keep]]
        order = np.argsort(d, kind="stable")
        s, d = s[order], d[order]
        rows, starts = np.unique(d, return_index=True)
        return cls(
            s.astype(np.intp), starts.astype(np.intp), rows.astype(np.intp), (targets.size, m)
        )

    @cached_property
    def matrix(self) -> sp.csr_matrix:
        """Targets x nodes, 1 per edge (built on first use: DF-QuAD never sums)."""
        counts = np.zeros(self.shape[0], dtype=np.intp)
        if self.src.size:
            counts[self.rows] = np.diff(np.append(self.starts, self.src.size))
        indptr = np.concatenate(([0], np.cumsum(counts)))
        return sp.csr_matrix((np.ones(self.src.size), self.src, indptr), shape=self.shape)

    def total(self, s: FloatArray, n_targets: int) -> FloatArray:
        """Sum of the sources' strengths per target (0 for a target with none)."""
        return np.asarray(self.matrix @ s, dtype=np.float64)

    def union(self, s: FloatArray, n_targets: int) -> FloatArray:
        """``1 - prod(1 - s)`` over the sources per target (0 for a target with none).

        In place on one gathered copy: fresh temporaries of this size cost more
        (page faults) than the arithmetic.
        """
        if not self.src.size:
            return np.zeros((n_targets, s.shape[1]))
        gathered = s[self.src]
        np.subtract(1.0, gathered, out=gathered)
        prod = np.multiply.reduceat(gathered, self.starts, axis=0)
        np.subtract(1.0, prod, out=prod)
        if self.rows.size == n_targets:
            return prod
        out = np.zeros((n_targets, s.shape[1]))
        out[self.rows] = prod
        return out


def _levels(m: int, src: IntArray, dst: IntArray) -> list[IntArray] | None:
    """Nodes in topological levels (sources first), or None if there is a cycle."""
    indeg = np.bincount(dst, minlength=m)
    order = np.argsort(src, kind="stable")
    ptr = np.concatenate(([0], np.cumsum(np.bincount(src, minlength=m))))
    out_dst = dst[order]
    frontier = np.flatnonzero(indeg == 0)
    levels: list[IntArray] = []
    seen = 0
    while frontier.size:
        levels.append(frontier.astype(np.intp))
        seen += frontier.size
        succ = np.concatenate([out_dst[ptr[u] : ptr[u + 1]] for u in frontier.tolist()])
        if succ.size == 0:
            break
        np.subtract.at(indeg, succ, 1)
        frontier = np.unique(succ[indeg[succ] == 0])
    return levels if seen == m else None


def _scc_levels(m: int, src: IntArray, dst: IntArray) -> list[tuple[IntArray, bool]]:
    """Nodes grouped by the level of their strongly connected component, with a cycle flag.

    The components form a DAG, so a group's strength is final once the groups
    before it are; a group holding a cycle is iterated on its own, the rest of
    the graph is one pass.
    """
    plain = _levels(m, src, dst)
    if plain is not None:
        return [(level, False) for level in plain]
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    adj = sp.coo_matrix((np.ones(src.size), (src, dst)), shape=(m, m))
    n_comp, comp = connected_components(adj, directed=True, connection="strong")
    size = np.bincount(comp, minlength=n_comp)
    cross = comp[src] != comp[dst]
    pairs = np.unique(np.stack([comp[src][cross], comp[dst][cross]], axis=1), axis=0)
    comp_levels = _levels(n_comp, pairs[:, 0].astype(np.intp), pairs[:, 1].astype(np.intp))
    assert comp_levels is not None  # the condensation of a graph is acyclic
    out: list[tuple[IntArray, bool]] = []
    for level in comp_levels:
        # nodes of one level do not depend on each other (a cycle only on itself):
        # iterate the cycles, and give the rest of the level one pass
        for cyclic in (True, False):
            chosen = level[(size[level] > 1) == cyclic]
            nodes = np.flatnonzero(np.isin(comp, chosen)).astype(np.intp)
            if nodes.size:
                out.append((nodes, cyclic))
    return out


@dataclass(frozen=True)
class _Structure:
    """What a sub-graph's evaluation needs besides the semantics: shared by all of them."""

    nodes: IntArray
    local: IntArray  # graph node -> column, -1 outside
    base: FloatArray
    groups: list[tuple[IntArray, _InEdges, _InEdges, bool]]  # nodes, in-edges, has a cycle
    #: for a group with a cycle: attack and support in-edges from inside it, then from outside
    split: dict[int, tuple[_InEdges, _InEdges, _InEdges, _InEdges]]


class _Shared:
    """Per-graph arrays and sub-graph structures, built once for every semantics asked."""

    def __init__(self, graph: DebateGraph) -> None:
        self.att = np.array(graph.attacks, dtype=np.intp).reshape(-1, 2)
        self.sup = np.array(graph.supports, dtype=np.intp).reshape(-1, 2)
        self.weights = np.array(graph.weights, dtype=np.float64)
        self.n = graph.n
        self.graph_parents = graph.parents
        self.structures: dict[bytes, _Structure] = {}
        self._ancestry: dict[int, IntArray] = {}

    @cached_property
    def component(self) -> IntArray:
        """Weakly connected part of every node: parts cannot influence each other."""
        import scipy.sparse as sp
        from scipy.sparse.csgraph import connected_components

        edges = np.concatenate([self.att, self.sup])
        adj = sp.coo_matrix(
            (np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(self.n, self.n)
        )
        _, label = connected_components(adj, directed=True, connection="weak")
        return np.asarray(label, dtype=np.intp)

    def ancestry(self, node: int) -> IntArray:
        """``node`` and every node with a path to it, sorted: all its strength depends on."""
        if node not in self._ancestry:
            seen = {node}
            stack = [node]
            while stack:
                for parent in self.graph_parents[stack.pop()]:
                    if parent not in seen:
                        seen.add(parent)
                        stack.append(parent)
            self._ancestry[node] = np.array(sorted(seen), dtype=np.intp)
        return self._ancestry[node]

    @cached_property
    def children(self) -> list[list[int]]:
        out: list[list[int]] = [[] for _ in range(self.n)]
        for a, b in np.concatenate([self.att, self.sup]).tolist():
            out[a].append(b)
        return out

    @cached_property
    def move_groups(self) -> list[tuple[IntArray, IntArray, IntArray]]:
        """Evidence grouped by what moving its weight can change, for flip-point batches.

        Moving one weight changes only the node and its descendants. Items with the
        same descendants (the points of one position, say) form a group; each group
        gets (its items, the nodes to evaluate, the boundary: parents of those
        nodes outside them, whose strengths stay as they are). Returned as
        (items, nodes, boundary), all sorted.
        """
        groups: dict[tuple[int, ...], list[int]] = {}
        for node in range(self.n):
            seen = {node}
            stack = [node]
            while stack:
                for child in self.children[stack.pop()]:
                    if child not in seen:
                        seen.add(child)
                        stack.append(child)
            seen.discard(node)
            groups.setdefault(tuple(sorted(seen)), []).append(node)
        out = []
        for downstream, items in groups.items():
            inner = {*downstream, *items}
            boundary = {q for v in inner for q in self.graph_parents[v]} - inner
            out.append(
                (
                    np.array(sorted(items), dtype=np.intp),
                    np.array(sorted(inner | boundary), dtype=np.intp),
                    np.array(sorted(boundary), dtype=np.intp),
                )
            )
        return out

    def structure(self, nodes: IntArray, fixed: IntArray | None = None) -> _Structure:
        """The sub-graph on ``nodes``; edges into the ``fixed`` nodes are left out."""
        key = nodes.tobytes() + b"|" + (b"" if fixed is None else fixed.tobytes())
        if key not in self.structures:
            self.structures[key] = self._build(nodes, fixed)
        return self.structures[key]

    def _build(self, keep: IntArray, fixed: IntArray | None) -> _Structure:
        m = keep.size
        local = np.full(self.n, -1, dtype=np.intp)
        local[keep] = np.arange(m)
        target = local.copy()
        if fixed is not None:
            target[fixed] = -1

        def inside(arr: IntArray) -> tuple[IntArray, IntArray]:
            a, b = local[arr[:, 0]], target[arr[:, 1]]
            both = (a >= 0) & (b >= 0)
            return a[both], b[both]

        att, sup = inside(self.att), inside(self.sup)
        groups = _scc_levels(m, np.concatenate([att[0], sup[0]]), np.concatenate([att[1], sup[1]]))
        return _Structure(
            keep,
            local,
            self.weights[keep],
            [(g, _InEdges.of(g, *att, m), _InEdges.of(g, *sup, m), cyc) for g, cyc in groups],
            {i: _split(g, att, sup, m) for i, (g, cyc) in enumerate(groups) if cyc},
        )


_SHARED: WeakKeyDictionary[DebateGraph, _Shared] = WeakKeyDictionary()


def shared(graph: DebateGraph) -> _Shared:
    """The graph's shared arrays (kept while the graph lives)."""
    if graph not in _SHARED:
        _SHARED[graph] = _Shared(graph)
    return _SHARED[graph]


def _split(
    nodes: IntArray, att: tuple[IntArray, IntArray], sup: tuple[IntArray, IntArray], m: int
) -> tuple[_InEdges, _InEdges, _InEdges, _InEdges]:
    """In-edges of ``nodes`` from inside them and from outside (fixed while they iterate)."""
    inside = np.zeros(m, dtype=bool)
    inside[nodes] = True
    a_in, s_in = inside[att[0]], inside[sup[0]]
    return (
        _InEdges.of(nodes, att[0][a_in], att[1][a_in], m),
        _InEdges.of(nodes, att[0][~a_in], att[1][~a_in], m),
        _InEdges.of(nodes, sup[0][s_in], sup[1][s_in], m),
        _InEdges.of(nodes, sup[0][~s_in], sup[1][~s_in], m),
    )


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
            return self._formula(w[nodes], att.union(s, k), sup.union(s, k))
        return self._formula(w[nodes], att.total(s, k), sup.total(s, k))

    def _formula(self, wn: FloatArray, a: FloatArray, b: FloatArray) -> FloatArray:
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
            target = self._formula(wn, a, b)
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

    def weights_rows(self, rows: int) -> FloatArray:
        return np.tile(self.base, (rows, 1))
