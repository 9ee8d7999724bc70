"""Credulous acceptance under complete and preferred semantics, on the part that matters.

An argument is in some complete (equally: some preferred, some admissible)
extension iff some admissible set contains it. Two reductions keep the SAT
problem small:

1. the grounded labelling decides IN and OUT arguments outright: IN ones are in
   every complete extension, OUT ones are attacked by it and in none;
2. for an UNDEC argument only the UNDEC arguments that reach it backwards along
   attacks can belong to a smallest admissible set containing it (each member
   defends the query through a chain of attacks). Attacks from OUT arguments are
   already answered by the grounded extension, and IN arguments attack nothing
   UNDEC.

What is left is encoded as "conflict-free and self-defending" (one variable per
argument, no OUT variables) and solved with the query assumed IN. A witness is
the least complete extension containing the grounded extension plus the
admissible set found, obtained by the same propagation that computes grounded.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from pysat.solvers import Solver
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import breadth_first_order

from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.labelling import IN, OUT, UNDEC, grounded_labelling, propagate_from

SOLVER_NAME = "cadical153"


def credulous_complete(af: ArgumentationFramework, arg: int) -> frozenset[int] | None:
    """A complete extension containing ``arg``, or None when there is none."""
    labels = grounded_labelling(af)
    if labels[arg] == IN:
        return frozenset(np.flatnonzero(labels == IN).tolist())
    if labels[arg] == OUT:
        return None
    part = relevant_part(af, labels, arg)
    found = admissible_with(af, part, arg)
    if found is None:
        return None
    seeds = np.concatenate([np.flatnonzero(labels == IN), found])
    return frozenset(np.flatnonzero(propagate_from(af, seeds) == IN).tolist())


def relevant_part(
    af: ArgumentationFramework, labels: NDArray[np.int8], arg: int
) -> NDArray[np.int64]:
    """UNDEC arguments from which an attack path inside UNDEC leads to ``arg`` (sorted)."""
    undec = labels == UNDEC
    keep = undec[af.src] & undec[af.dst]
    # edges reversed (target -> attacker): a breadth-first walk from ``arg`` goes backwards
    graph = csr_matrix(
        (np.ones(int(keep.sum()), dtype=np.int8), (af.dst[keep], af.src[keep])),
        shape=(af.n, af.n),
    )
    order = breadth_first_order(graph, arg, directed=True, return_predecessors=False)
    return np.sort(np.asarray(order, dtype=np.int64))


def admissible_with(
    af: ArgumentationFramework, part: NDArray[np.int64], arg: int
) -> NDArray[np.int64] | None:
    """An admissible set of the framework restricted to ``part`` containing ``arg``."""
    local = np.full(af.n, -1, dtype=np.int64)
    local[part] = np.arange(part.size)
    inside = (local[af.src] >= 0) & (local[af.dst] >= 0)
    src = local[af.src[inside]] + 1  # SAT variables are 1-based
    dst = local[af.dst[inside]] + 1
    k = int(part.size)
    attackers: list[list[int]] = [[] for _ in range(k + 1)]
    for b, a in zip(src.tolist(), dst.tolist(), strict=True):
        attackers[a].append(b)
    with Solver(name=SOLVER_NAME) as solver:
        add = solver.add_clause
        for a in range(1, k + 1):
            for b in attackers[a]:
                add([-a, -b])  # conflict-free (b == a gives the unit clause -a)
                add([-a, *attackers[b]])  # some member attacks each attacker
        if not solver.solve(assumptions=[int(local[arg]) + 1]):
            return None
        model = np.asarray(solver.get_model()[:k], dtype=np.int64)
    return part[model[model > 0] - 1]
