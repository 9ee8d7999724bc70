"""What-if games over one debate: the questions explanations ask of a semantics.

``explain`` needs two kinds of batched question, and both touch only a small
part of a large debate, so they are asked here rather than as full-width
evaluations:

- ``coalitions(pos, players, present)``: the strength of position ``pos`` when
  only the ``present`` players among its evidence are there, one coalition per
  column of ``present`` (players x coalitions; Shapley values).
  Under a gradual semantics a position's strength depends only on its
  *ancestors* (the items with a path to it), so each batch runs on that
  sub-graph alone.
- ``moved(nodes, values)``: the strengths of every position when, in each row,
  the one weight ``nodes[r]`` is set to ``values[r]`` (the flip point). Only
  the weakly connected part holding that node can change; the other positions
  keep their strengths.

ACH is a linear score, so its answers are a matrix-vector product and a
rank-one update (with the I/II rating following the moved weight, as
``ach.derived_ratings`` does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from quaestio.model import Debate
from quaestio.reasoning.ach import RATINGS, STRONG, ach_matrix
from quaestio.reasoning.af import distinct
from quaestio.reasoning.batch import BatchEvaluator
from quaestio.reasoning.bipolar import DebateGraph
from quaestio.reasoning.structure import shared

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.intp]

#: at most this many strengths (nodes x rows) are held at once
CELLS = 1 << 21


class Game(Protocol):
    """The two batched questions ``explain`` asks (see the module docstring)."""

    strengths: FloatArray  # of the positions, at the debate's own weights

    def coalitions(self, pos: int, players: Sequence[int], present: BoolArray) -> FloatArray: ...

    def moved(self, nodes: IntArray, values: FloatArray) -> FloatArray: ...

    def overtakes(self, nodes: IntArray, values: FloatArray, top: int) -> BoolArray: ...

    def prefixes(self, pos: int, players: Sequence[int]) -> Prefixes | None: ...


#: values of a game along orderings: (orderings x players) -> (orderings x players + 1)
Prefixes = Callable[[IntArray], FloatArray]


def _overtaken(base: FloatArray, top: int, cols: IntArray, vals: FloatArray) -> BoolArray:
    """Whether some position beats ``top`` when positions ``cols`` take ``vals`` (cols x rows).

    The other positions keep ``base``; only their maximum matters, so a batch over
    a debate of hundreds of positions never holds a rows x positions matrix.
    """
    rest = base.copy()
    rest[top] = -np.inf
    rest[cols] = -np.inf
    best = np.full(vals.shape[1], rest.max() if rest.size else -np.inf)
    mine = cols == top
    if (~mine).any():
        best = np.maximum(best, vals[~mine].max(axis=0))
    top_value = vals[mine][0] if mine.any() else np.full(vals.shape[1], base[top])
    return np.asarray(best > top_value + 1e-12)


def _chunks(rows: int, width: int) -> list[slice]:
    step = max(1, CELLS // max(1, width))
    return [slice(a, min(rows, a + step)) for a in range(0, rows, step)]


class GradualGame:
    """A gradual semantics asked ancestry by ancestry (coalitions) and descendants by
    descendants (moved weights); its own strengths computed part by part."""

    def __init__(self, graph: DebateGraph, semantics: str) -> None:
        self.graph = graph
        self.semantics = semantics
        self.shared = shared(graph)
        p = graph.n_positions
        label = self.shared.component
        everything = self.shared.weights.copy()
        for c in distinct(label[:p]):  # weakly connected parts cannot affect each other
            evaluator = BatchEvaluator(graph, semantics, np.flatnonzero(label == c))
            everything[evaluator.nodes] = evaluator.solve(evaluator.base[:, None])[:, 0]
        self.node_strengths = everything
        self.strengths = everything[:p].copy()
        self._group_of: IntArray | None = None

    def players(self, pos: int) -> list[int]:
        """The evidence items with a path to ``pos``."""
        p = self.graph.n_positions
        return [int(j) for j in self.shared.ancestry(pos) if j >= p]

    def coalitions(self, pos: int, players: Sequence[int], present: BoolArray) -> FloatArray:
        ev = BatchEvaluator(self.graph, self.semantics, self.shared.ancestry(pos))
        cols = ev.local[np.asarray(players, dtype=np.intp)]
        me = int(ev.local[pos])
        out = np.empty(present.shape[1])
        for rows in _chunks(present.shape[1], ev.m):
            b = rows.stop - rows.start
            w = np.broadcast_to(ev.base[:, None], (ev.m, b))
            out[rows] = ev.solve(w, rows=cols, present=present[:, rows])[me]
        return out

    def prefixes(self, pos: int, players: Sequence[int]) -> Prefixes | None:
        """For a position whose evidence all acts on it directly and is itself unopposed
        (a *star*), the strength along an ordering needs only running sums (or, for
        DF-QuAD, running products) of the weights: no graph pass per coalition."""
        parents = self.shared.graph_parents
        if sorted(parents[pos]) != sorted(players) or any(parents[j] for j in players):
            return None
        ev = BatchEvaluator(self.graph, self.semantics, self.shared.ancestry(pos))
        att = self.shared.att
        attackers = set(att[att[:, 1] == pos, 0].tolist())
        w = self.shared.weights
        weight = np.array([w[j] for j in players])
        is_att = np.array([j in attackers for j in players])
        product = self.semantics == "dfquad"
        if product:  # factors 1 - w of each kind, 1 for the other kind
            att_step = np.where(is_att, 1.0 - weight, 1.0)
            sup_step = np.where(is_att, 1.0, 1.0 - weight)
        else:
            att_step = np.where(is_att, weight, 0.0)
            sup_step = np.where(is_att, 0.0, weight)
        own = float(w[pos])

        def along(orders: IntArray) -> FloatArray:
            n = orders.shape[0]
            start = np.ones((n, 1)) if product else np.zeros((n, 1))
            run = np.cumprod if product else np.cumsum
            a = np.concatenate([start, run(att_step[orders], axis=1)], axis=1)
            b = np.concatenate([start, run(sup_step[orders], axis=1)], axis=1)
            if product:
                a, b = 1.0 - a, 1.0 - b
            return ev.formula(np.full(a.shape, own), a, b)

        return along

    def _moved_parts(
        self, nodes: IntArray, values: FloatArray
    ) -> Iterator[tuple[IntArray, IntArray, FloatArray]]:
        """(rows, positions they change, the new strengths: positions x rows), a batch at a time.

        Only the moved node and its descendants are evaluated; the boundary (their
        other parents) is held at its converged strengths, which is exact.
        """
        p = self.graph.n_positions
        groups = self.shared.move_groups
        if self._group_of is None:
            self._group_of = np.full(self.graph.n, -1, dtype=np.intp)
            for g, (items, _, _) in enumerate(groups):
                self._group_of[items] = g
        which = self._group_of[nodes]
        for g in distinct(which[which >= 0]).tolist():
            _, inner, boundary = groups[g]
            positions = inner[inner < p]
            if positions.size == 0:
                continue
            ev = BatchEvaluator(self.graph, self.semantics, inner, boundary)
            base = ev.base.copy()
            base[ev.local[boundary]] = self.node_strengths[boundary]
            mine = np.flatnonzero(which == g)
            at = ev.local[positions]
            for rows in _chunks(mine.size, ev.m):
                chosen = mine[rows]
                w = np.repeat(base[:, None], chosen.size, axis=1)
                w[ev.local[nodes[chosen]], np.arange(chosen.size)] = values[chosen]
                yield chosen, positions, ev.solve(w)[at]

    def moved(self, nodes: IntArray, values: FloatArray) -> FloatArray:
        out = np.tile(self.strengths, (nodes.size, 1))
        for rows, positions, new in self._moved_parts(nodes, values):
            out[np.ix_(rows, positions)] = new.T
        return out

    def overtakes(self, nodes: IntArray, values: FloatArray, top: int) -> BoolArray:
        none = np.zeros(0, dtype=np.intp)
        still = _overtaken(self.strengths, top, none, np.zeros((0, 1)))[0]
        out = np.full(nodes.size, still, dtype=bool)
        for rows, positions, new in self._moved_parts(nodes, values):
            out[rows] = _overtaken(self.strengths, top, positions, new)
        return out


class AchGame:
    """ACH: strength ``1 / (1 + sum of credibility x relevance x (1 for I, 2 for II))``."""

    def __init__(self, debate: Debate, graph: DebateGraph) -> None:
        matrix = ach_matrix(debate)
        p = graph.n_positions
        self.p = p
        # (evidence, positions): 1 for I, 2 for II; read from the few negative cells only
        row = {eid: j for j, eid in enumerate(matrix.evidence)}
        col = {pid: i for i, pid in enumerate(matrix.positions)}
        neg = np.zeros((len(matrix.evidence), len(matrix.positions)))
        for (eid, pid), rating in matrix.ratings.items():
            if RATINGS[rating] < 0:
                neg[row[eid], col[pid]] = -RATINGS[rating]
        rel = np.array([matrix.relevance[e] for e in matrix.evidence])
        cred = np.array([matrix.credibility[e] for e in matrix.evidence])
        self.x = (cred * rel)[:, None] * neg  # each item's share of each position's score
        self.inconsistency = self.x.sum(axis=0)
        self.strengths = 1.0 / (1.0 + self.inconsistency)
        self.consistency = np.array([matrix.consistency[pid] for pid in matrix.positions])
        self.rel = rel
        self.cred = cred
        self.neg = neg
        # Moving an item's weight moves its credibility unless an analyst set that, and
        # the rating of an against-point's own position (I below STRONG, II from it on)
        # unless an analyst set that cell.
        self.cred_follows = np.array(
            [e.credibility is None for _, e in debate.iter_evidence()], dtype=np.bool_
        )
        own = np.full(len(matrix.evidence), -1, dtype=np.intp)
        for position, e in debate.iter_evidence():
            if e.stance == "against" and (e.id, position.id) not in matrix.analyst:
                own[graph.index[e.id] - p] = graph.index[position.id]
        self.own = own
        items, cols = np.nonzero(neg > 0)
        order = np.lexsort((items, cols))
        players: list[list[int]] = [[] for _ in range(p)]
        for j, i in zip(items[order].tolist(), cols[order].tolist(), strict=True):
            players[i].append(p + j)
        self.players = players

    def coalitions(self, pos: int, players: Sequence[int], present: BoolArray) -> FloatArray:
        share = self.x[np.asarray(players, dtype=np.intp) - self.p, pos]
        return np.asarray(1.0 / (1.0 + share @ present), dtype=np.float64)

    def moved(self, nodes: IntArray, values: FloatArray) -> FloatArray:
        """Every position's strength, one row per (node, value): a rank-one update each."""
        out = np.empty((nodes.size, self.p))
        for rows in _chunks(nodes.size, self.p):
            out[rows] = self._moved(nodes[rows], values[rows])
        return out

    def overtakes(self, nodes: IntArray, values: FloatArray, top: int) -> BoolArray:
        """Whether another position ends strictly above ``top`` in each row."""
        result = np.empty(nodes.size, dtype=np.bool_)
        for rows in _chunks(nodes.size, self.p):
            strengths = self._moved(nodes[rows], values[rows])
            top_value = strengths[:, top].copy()
            strengths[:, top] = -np.inf
            result[rows] = strengths.max(axis=1) > top_value + 1e-12
        return result

    def _moved(self, nodes: IntArray, values: FloatArray) -> FloatArray:
        j = nodes - self.p
        cred = np.where(self.cred_follows[j], values, self.cred[j])
        factor = self.neg[j]  # a copy (fancy indexing)
        own = self.own[j]
        rated = np.nonzero(own >= 0)[0]
        factor[rated, own[rated]] = np.where(values[rated] >= STRONG, 2.0, 1.0)
        score = self.inconsistency + (cred * self.rel[j])[:, None] * factor - self.x[j]
        return np.asarray(1.0 / (1.0 + score), dtype=np.float64)

    def prefixes(self, pos: int, players: Sequence[int]) -> Prefixes | None:
        """ACH is a running sum of the players' shares along any ordering."""
        share = self.x[np.asarray(players, dtype=np.intp) - self.p, pos]

        def along(orders: IntArray) -> FloatArray:
            run = np.cumsum(share[orders], axis=1)
            total = np.concatenate([np.zeros((orders.shape[0], 1)), run], axis=1)
            return np.asarray(1.0 / (1.0 + total), dtype=np.float64)

        return along
