"""The shape of a (sub-)graph that batched evaluation needs, built once per debate.

For a set of nodes: their topological levels (over strongly connected
components, so a cycle is one group that is iterated on its own), and for each
level the in-edges of its nodes, grouped for a ``reduceat`` (products) and as a
sparse matrix (sums). ``shared(graph)`` keeps these per graph, with the graph's
parts, ancestries and the groups of items a moved weight can change, so every
semantics of a ``compare`` reuses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

import numpy as np
from numpy.typing import NDArray

from quaestio.reasoning.af import distinct
from quaestio.reasoning.bipolar import DebateGraph

if TYPE_CHECKING:  # scipy loads only for a graph with a cycle (or a caller of ``matrix``)
    import scipy.sparse as sp

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]


class InEdges:
    """The in-edges of a list of targets: a sparse matrix for sums, groups for products."""

    def __init__(self, src: IntArray, starts: IntArray, rows: IntArray, shape: tuple[int, int]):
        self.src = src  # source of every edge, grouped by target
        self.starts = starts  # where each non-empty group begins in ``src``
        self.rows = rows  # the target (index into the list) each group belongs to
        self.shape = shape  # targets x nodes

    @classmethod
    def of(cls, targets: IntArray, src: IntArray, dst: IntArray, m: int) -> InEdges:
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
        """Targets x nodes, 1 per edge, as a scipy CSR matrix (``total`` does without)."""
        import scipy.sparse as sp

        counts = np.zeros(self.shape[0], dtype=np.intp)
        if self.src.size:
            counts[self.rows] = np.diff(np.append(self.starts, self.src.size))
        indptr = np.concatenate(([0], np.cumsum(counts)))
        return sp.csr_matrix((np.ones(self.src.size), self.src, indptr), shape=self.shape)

    def total(self, s: FloatArray, n_targets: int) -> FloatArray:
        """Sum of the sources' strengths per target (0 for a target with none).

        One ``bincount`` over (target, column) pairs adds each target's edges from 0 in
        their order, as ``self.matrix @ s`` (scipy's CSR product) does, so the sums
        are the same to the last bit; scipy.sparse is not loaded for it (a fifth of a
        second of ``quaestio evaluate``).
        """
        if s.ndim == 1:
            sums = np.bincount(self._target, weights=s[self.src], minlength=n_targets)
            return np.asarray(sums, dtype=np.float64)
        width = s.shape[1]
        where = (self._target[:, None] * width + np.arange(width)).ravel()
        sums = np.bincount(where, weights=s[self.src].ravel(), minlength=n_targets * width)
        return np.asarray(sums, dtype=np.float64).reshape(n_targets, width)

    @cached_property
    def _target(self) -> IntArray:
        """The target of every edge (``rows`` repeated over each group)."""
        sizes = np.diff(np.append(self.starts, self.src.size))
        return np.repeat(self.rows, sizes)

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
        frontier = distinct(succ[indeg[succ] == 0])
    return levels if seen == m else None


def weak_components(n: int, src: IntArray, dst: IntArray) -> IntArray:
    """The weakly connected part of every node, named by its smallest node.

    Roots hooked under the smaller root across each edge, then every node pointed
    straight at its root, until no edge joins two roots: a few rounds of whole-array
    numpy (scipy's ``connected_components`` needs scipy.sparse.csgraph, a tenth of a
    second to load, for what is milliseconds of work on a debate).
    """
    label = np.arange(n, dtype=np.intp)
    while True:
        a, b = label[src], label[dst]
        low, high = np.minimum(a, b), np.maximum(a, b)
        joined = low != high
        if not joined.any():
            return label
        np.minimum.at(label, high[joined], low[joined])
        while True:
            up = label[label]
            if np.array_equal(up, label):
                break
            label = up


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
class Structure:
    """What a sub-graph's evaluation needs besides the semantics: shared by all of them."""

    nodes: IntArray
    local: IntArray  # graph node -> column, -1 outside
    base: FloatArray
    groups: list[tuple[IntArray, InEdges, InEdges, bool]]  # nodes, in-edges, has a cycle
    #: for a group with a cycle: attack and support in-edges from inside it, then from outside
    split: dict[int, tuple[InEdges, InEdges, InEdges, InEdges]]


class Shared:
    """Per-graph arrays and sub-graph structures, built once for every semantics asked."""

    def __init__(self, graph: DebateGraph) -> None:
        self.att = np.array(graph.attacks, dtype=np.intp).reshape(-1, 2)
        self.sup = np.array(graph.supports, dtype=np.intp).reshape(-1, 2)
        self.weights = np.array(graph.weights, dtype=np.float64)
        self.n = graph.n
        self.graph_parents = graph.parents
        self.structures: dict[bytes, Structure] = {}
        self._ancestry: dict[int, IntArray] = {}

    @cached_property
    def component(self) -> IntArray:
        """Weakly connected part of every node: parts cannot influence each other."""
        edges = np.concatenate([self.att, self.sup])
        return weak_components(self.n, edges[:, 0], edges[:, 1])

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

    def structure(self, nodes: IntArray, fixed: IntArray | None = None) -> Structure:
        """The sub-graph on ``nodes``; edges into the ``fixed`` nodes are left out."""
        key = nodes.tobytes() + b"|" + (b"" if fixed is None else fixed.tobytes())
        if key not in self.structures:
            self.structures[key] = self._build(nodes, fixed)
        return self.structures[key]

    def _build(self, keep: IntArray, fixed: IntArray | None) -> Structure:
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
        return Structure(
            keep,
            local,
            self.weights[keep],
            [(g, InEdges.of(g, *att, m), InEdges.of(g, *sup, m), cyc) for g, cyc in groups],
            {i: split_edges(g, att, sup, m) for i, (g, cyc) in enumerate(groups) if cyc},
        )


_SHARED: WeakKeyDictionary[DebateGraph, Shared] = WeakKeyDictionary()


def shared(graph: DebateGraph) -> Shared:
    """The graph's shared arrays (kept while the graph lives)."""
    if graph not in _SHARED:
        _SHARED[graph] = Shared(graph)
    return _SHARED[graph]


def split_edges(
    nodes: IntArray, att: tuple[IntArray, IntArray], sup: tuple[IntArray, IntArray], m: int
) -> tuple[InEdges, InEdges, InEdges, InEdges]:
    """In-edges of ``nodes`` from inside them and from outside (fixed while they iterate)."""
    inside = np.zeros(m, dtype=bool)
    inside[nodes] = True
    a_in, s_in = inside[att[0]], inside[sup[0]]
    return (
        InEdges.of(nodes, att[0][a_in], att[1][a_in], m),
        InEdges.of(nodes, att[0][~a_in], att[1][~a_in], m),
        InEdges.of(nodes, sup[0][s_in], sup[1][s_in], m),
        InEdges.of(nodes, sup[0][~s_in], sup[1][~s_in], m),
    )
