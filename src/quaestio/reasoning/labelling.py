"""The grounded extension and labellings, vectorised.

Grounded is computed by unit propagation over the attack graph: an argument
with no live attacker is IN, whatever it attacks is OUT, and every OUT argument
removes one live attacker from each of its targets. Each round touches only the
edges leaving the newest IN and OUT arguments (gathered from CSR with numpy), so
the whole run is linear in arguments plus attacks; the only Python loop is over
rounds, whose number is the depth of the propagation, not the number of attacks.
Big frameworks run the same propagation as one compiled queue walk
(``kernels.propagate``), which has no per-round overhead at all.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from quaestio.reasoning import kernels
from quaestio.reasoning.af import ArgumentationFramework, distinct, gather

IN, OUT, UNDEC = 1, -1, 0
LABEL_NAMES = {IN: "in", OUT: "out", UNDEC: "undec"}


def grounded_labelling(af: ArgumentationFramework) -> NDArray[np.int8]:
    """Label of every argument in the grounded labelling (``IN``/``OUT``/``UNDEC``)."""
    return propagate_from(af, np.empty(0, dtype=np.int64))


def propagate_from(af: ArgumentationFramework, seeds: NDArray[np.int64]) -> NDArray[np.int8]:
    """The least complete labelling with ``seeds`` IN (``seeds`` must be admissible).

    With no seeds this is the grounded labelling; with an admissible set it is
    the smallest complete extension containing that set.
    """
    labels = np.zeros(af.n, dtype=np.int8)
    live = af.in_degree.copy()
    out_ptr, out_cols = af.out_csr
    start = np.flatnonzero(live == 0)
    if seeds.size:
        labels[start] = IN
        extra = distinct(seeds[labels[seeds] != IN]).astype(np.int64)
        start = np.concatenate([start, extra])
    if kernels.use_jit(af.n + af.m):
        queue = np.empty(af.n, dtype=np.int64)
        queue[: start.size] = start
        labels[start] = IN
        kernels.propagate(out_ptr, out_cols, live, labels, queue, int(start.size))
        return labels
    return _propagate_rounds(af, labels, live, start)


def _propagate_rounds(
    af: ArgumentationFramework,
    labels: NDArray[np.int8],
    live: NDArray[np.int64],
    frontier: NDArray[np.int64],
) -> NDArray[np.int8]:
    out_ptr, out_cols = af.out_csr
    stamp = np.full(af.n, -1, dtype=np.int64)  # for de-duplicating without sorting
    while frontier.size:
        labels[frontier] = IN
        hit = _unique(gather(out_ptr, out_cols, frontier), stamp)
        hit = hit[labels[hit] == UNDEC]
        if hit.size == 0:
            break
        labels[hit] = OUT
        targets = gather(out_ptr, out_cols, hit)
        if targets.size == 0:
            break
        np.subtract.at(live, targets, 1)
        cand = targets[(live[targets] == 0) & (labels[targets] == UNDEC)]
        frontier = _unique(cand, stamp)
    return labels


def _unique(values: NDArray[np.int32], stamp: NDArray[np.int64]) -> NDArray[np.int64]:
    """``values`` without repeats in O(len): each value keeps its last position."""
    if values.size == 0:
        return values.astype(np.int64)
    order = np.arange(values.size, dtype=np.int64)
    stamp[values] = order
    kept: NDArray[np.int64] = values[stamp[values] == order].astype(np.int64)
    return kept


def grounded(af: ArgumentationFramework) -> frozenset[int]:
    """The grounded extension: the least fixed point of the characteristic function."""
    return frozenset(np.flatnonzero(grounded_labelling(af) == IN).tolist())


def grounded_mask(af: ArgumentationFramework) -> NDArray[np.bool_]:
    return np.asarray(grounded_labelling(af) == IN)


def labelling_of(
    af: ArgumentationFramework, extension: frozenset[int] | set[int]
) -> NDArray[np.int8]:
    """The labelling an extension induces: IN its members, OUT what they attack, UNDEC the rest."""
    labels = np.zeros(af.n, dtype=np.int8)
    members = np.fromiter(extension, dtype=np.int64, count=len(extension))
    out_ptr, out_cols = af.out_csr
    labels[gather(out_ptr, out_cols, members)] = OUT
    labels[members] = IN
    return labels


def label_names(labels: NDArray[np.int8]) -> list[str]:
    return [LABEL_NAMES[int(v)] for v in labels]
