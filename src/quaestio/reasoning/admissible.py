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

from quaestio.reasoning import kernels
from quaestio.reasoning.af import ArgumentationFramework, distinct, gather
from quaestio.reasoning.labelling import IN, UNDEC, grounded_labelling, propagate_from

SOLVER_NAME = "cadical153"


def credulously_accepted(af: ArgumentationFramework, arg: int) -> bool:
    """Is ``arg`` in some complete extension? (No witness built: the yes/no is cheaper.)"""
    return _decide(af, arg)[0]


def credulous_complete(af: ArgumentationFramework, arg: int) -> frozenset[int] | None:
    """A complete extension containing ``arg``, or None when there is none."""
    accepted, labels, found = _decide(af, arg)
    if not accepted:
        return None
    if found is None:  # grounded already has it
        return frozenset(np.flatnonzero(labels == IN).tolist())
    return frozenset(np.flatnonzero(propagate_from(af, found) == IN).tolist())


def _decide(
    af: ArgumentationFramework, arg: int
) -> tuple[bool, NDArray[np.int8], NDArray[np.int64] | None]:
    """(accepted, grounded labelling, admissible set found by SAT when it was needed)."""
    labels = grounded_labelling(af)
    if labels[arg] != UNDEC:
        return bool(labels[arg] == IN), labels, None
    found = admissible_with(af, relevant_part(af, labels, arg), arg)
    return found is not None, labels, found


def relevant_part(
    af: ArgumentationFramework, labels: NDArray[np.int8], arg: int
) -> NDArray[np.int64]:
    """UNDEC arguments from which an attack path inside UNDEC leads to ``arg`` (sorted)."""
    in_ptr, in_cols = af.in_csr
    if kernels.use_jit(af.n + af.m):
        return np.sort(kernels.backward_reach(in_ptr, in_cols, labels, arg))
    seen = np.zeros(af.n, dtype=bool)
    seen[arg] = True
    frontier = np.array([arg], dtype=np.int64)
    while frontier.size:
        back = gather(in_ptr, in_cols, frontier)
        back = distinct(back[(labels[back] == UNDEC) & ~seen[back]])
        seen[back] = True
        frontier = back.astype(np.int64)
    return np.flatnonzero(seen)


def admissible_with(
    af: ArgumentationFramework, part: NDArray[np.int64], arg: int
) -> NDArray[np.int64] | None:
    """An admissible set of the framework restricted to ``part`` containing ``arg``.

    ``part`` must be closed under UNDEC attackers (as ``relevant_part`` is), so only the
    attacks onto ``part`` are read, not the whole attack list.
    """
    in_ptr, in_cols = af.in_csr
    local = np.full(af.n, -1, dtype=np.int64)
    local[part] = np.arange(1, part.size + 1)  # SAT variables are 1-based
    lengths = in_ptr[part + 1] - in_ptr[part]
    dst = np.repeat(np.arange(1, part.size + 1), lengths)
    src = local[gather(in_ptr, in_cols, part)]
    inside = src > 0  # attackers outside the part are OUT: grounded answers them
    k = int(part.size)
    attackers: list[list[int]] = [[] for _ in range(k + 1)]
    for b, a in zip(src[inside].tolist(), dst[inside].tolist(), strict=True):
        attackers[a].append(b)
    # variable a (1..k): a is in the set; k + b: the set attacks b. Defence is then one
    # binary clause per attack plus one clause per argument, linear in the attacks.
    from pysat.solvers import Solver  # loaded by the first SAT call, not with the module

    with Solver(name=SOLVER_NAME) as solver:
        add = solver.add_clause
        for a in range(1, k + 1):
            for b in attackers[a]:
                add([-a, -b])  # conflict-free (b == a gives the unit clause -a)
                add([-a, k + b])  # each attacker of a member is attacked by the set
            add([-(k + a), *attackers[a]])  # "the set attacks a" needs a member attacking it
        if not solver.solve(assumptions=[int(local[arg])]):
            return None
        model = np.asarray(solver.get_model()[:k], dtype=np.int64)
    return part[model[model > 0] - 1]
