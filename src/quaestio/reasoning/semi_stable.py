"""Semi-stable semantics: complete extensions whose range (IN plus OUT) is subset-maximal.

The range lives on the solver side (``r_a <-> in_a or out_a``, see
``Encoding.ensure_range``) and the decision phase points every range variable
to true, so a model's range is near-maximal already. A range is grown the way
preferred extensions are: assume the range found, ask for one more core
argument in it with a single guarded clause, repeat until unsatisfiable.
Acceptance then needs one call per maximal range, not an enumeration of the
extensions: some complete extension with exactly that range and the argument
IN (credulous) or not IN (sceptical counter-example).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from numpy.typing import NDArray

from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.labelling import IN, UNDEC, grounded_labelling
from quaestio.reasoning.sat import Encoding


def _grow_range(
    enc: Encoding, rvars: NDArray[np.int64], rng: NDArray[np.bool_]
) -> NDArray[np.bool_]:
    core = enc.core
    while True:
        outside = core[~rng[core]]
        if not outside.size:
            return rng
        act = enc.fresh()
        enc.solver.add_clause([-act, *rvars[outside].tolist()])
        if enc.solve_mask([act, *rvars[core[rng[core]]].tolist()]) is None:
            enc.solver.add_clause([-act])
            return rng
        enc.solver.add_clause([-act])
        rng = enc.range_mask()


def _maximal_ranges(enc: Encoding) -> Iterator[NDArray[np.bool_]]:
    """Each subset-maximal range once; after each, every range inside it is blocked."""
    rvars = enc.ensure_range()
    core = enc.core
    enc.solver.set_phases([*(core + 1).tolist(), *rvars[core].tolist()])
    while enc.solve_mask() is not None:
        rng = _grow_range(enc, rvars, enc.range_mask())
        yield rng
        outside = rvars[core[~rng[core]]].tolist()
        if not outside:
            return
        enc.solver.add_clause(outside)


def iter_semi_stable(af: ArgumentationFramework) -> Iterator[frozenset[int]]:
    """Every semi-stable extension: the complete extensions of each maximal range."""
    with Encoding(af, "SST") as enc:
        rvars = enc.ensure_range()
        for rng in _maximal_ranges(enc):
            exact = rvars[enc.core[rng[enc.core]]].tolist()
            act = enc.fresh()
            while (mask := enc.solve_mask([act, *exact])) is not None:
                yield frozenset(np.flatnonzero(mask).tolist())
                lits = np.where(mask[enc.core], -(enc.core + 1), enc.core + 1)
                enc.solver.add_clause([-act, *lits.tolist()])
            enc.solver.add_clause([-act])


def semi_stable_with(af: ArgumentationFramework, arg: int, inside: bool) -> frozenset[int] | None:
    """A semi-stable extension with ``arg`` IN (``inside``) or not IN, or None when none has.

    The grounded labelling answers first when it can: an argument it labels IN
    is in every semi-stable extension, one it labels OUT in none (and there is
    always at least one semi-stable extension).
    """
    label = grounded_labelling(af)[arg]
    if label != UNDEC and (label == IN) != inside:
        return None
    if label != UNDEC:
        return some_semi_stable(af)
    lit = arg + 1 if inside else -(arg + 1)
    with Encoding(af, "SST") as enc:
        rvars = enc.ensure_range()
        for rng in _maximal_ranges(enc):
            # a complete extension whose range contains a maximal range has exactly it
            mask = enc.solve_mask([lit, *rvars[enc.core[rng[enc.core]]].tolist()])
            if mask is not None:
                return frozenset(np.flatnonzero(mask).tolist())
    return None


def some_semi_stable(af: ArgumentationFramework) -> frozenset[int] | None:
    """One semi-stable extension (there always is one)."""
    with Encoding(af, "SST") as enc:
        for _ in _maximal_ranges(enc):
            return frozenset(np.flatnonzero(enc.last_mask()).tolist())
    return None
