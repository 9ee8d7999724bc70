"""The grounded extension and labellings, vectorised.

Grounded is computed by unit propagation over the attack graph: an argument
with no live attacker is IN, whatever it attacks is OUT, and every OUT argument
removes one live attacker from each of its targets. Each round touches only the
edges leaving the newest IN and OUT arguments (gathered from CSR with numpy), so
the whole run is linear in arguments plus attacks; the only Python loop is over
rounds, whose number is the depth of the propagation, not the number of attacks.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from quaestio.reasoning.af import ArgumentationFramework, gather

IN, OUT, UNDEC = 1, -1, 0
LABEL_NAMES = {IN: "in", OUT: "out", UNDEC: "undec"}


def grounded_labelling(af: ArgumentationFramework) -> NDArray[np.int8]:
    """Label of every argument in the grounded labelling (``IN``/``OUT``/``UNDEC``)."""
    labels = np.zeros(af.n, dtype=np.int8)
    live = af.in_degree.copy()
    out_ptr, out_cols = af.out_csr
    frontier = np.flatnonzero(live == 0)
    while frontier.size:
        labels[frontier] = IN
        hit = gather(out_ptr, out_cols, frontier)
        hit = np.unique(hit)
        hit = hit[labels[hit] == UNDEC]
        if hit.size == 0:
            break
        labels[hit] = OUT
        targets = gather(out_ptr, out_cols, hit.astype(np.int64))
        if targets.size == 0:
            break
        uniq, counts = np.unique(targets, return_counts=True)
        live[uniq] -= counts
        cand = uniq[(live[uniq] == 0) & (labels[uniq] == UNDEC)]
        frontier = cand.astype(np.int64)
    return labels


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
