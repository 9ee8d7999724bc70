"""SAT encodings of Dung semantics, solved incrementally with python-sat.

Variables: ``in_a = a+1`` and ``out_a = n+a+1`` for argument ``a`` (0-based).
The complete encoding says, for every argument, IN iff every attacker is OUT,
OUT iff some attacker is IN, never both; stable adds "IN or OUT" everywhere.
Maximisation (preferred, semi-stable) is done the CEGAR way: find a model,
then ask again under assumptions for a strict superset until the solver says
no, with the superset clause guarded by a fresh activation literal so the same
solver instance keeps everything it learnt.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count

import numpy as np
from pysat.solvers import Solver

from quaestio.reasoning.admissible import credulous_complete
from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.labelling import IN, OUT, grounded_labelling

SOLVER_NAME = "glucose4"


class Encoding:
    """One incremental SAT solver holding the complete (or stable) labelling encoding."""

    def __init__(self, af: ArgumentationFramework, semantics: str = "CO") -> None:
        self.af = af
        self.n = af.n
        n = af.n
        self.solver = Solver(name=SOLVER_NAME)
        self._next = count(2 * n + 1)
        self.range_vars: list[int] | None = None
        src = (af.src.astype(np.int64) + 1).tolist()
        dst = (af.dst.astype(np.int64) + 1).tolist()
        add = self.solver.add_clause
        for b, a in zip(src, dst, strict=True):
            add([-b, n + a])  # an attacker IN makes the target OUT
            add([-a, n + b])  # IN needs every attacker OUT
        in_ptr, in_cols = af.in_csr
        attackers = (in_cols.astype(np.int64) + 1).tolist()
        ptr = in_ptr.tolist()
        for a in range(1, n + 1):
            atts = attackers[ptr[a - 1] : ptr[a]]
            add([-(n + a), *atts])  # OUT needs an attacker IN
            add([-a, -(n + a)])
            if semantics == "ST":
                add([a, n + a])
            else:
                add([a, *(-(n + b) for b in atts)])  # all attackers OUT makes it IN
        # Every complete extension contains the grounded one and rejects what it
        # attacks: fixing those arguments up front leaves only the undecided core.
        labels = grounded_labelling(af)
        for a in (np.flatnonzero(labels == IN) + 1).tolist():
            add([a])
        for a in (np.flatnonzero(labels == OUT) + 1).tolist():
            add([n + a])

    def fresh(self) -> int:
        return next(self._next)

    def close(self) -> None:
        self.solver.delete()

    def __enter__(self) -> Encoding:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def solve(self, assumptions: list[int] | None = None) -> frozenset[int] | None:
        if not self.solver.solve(assumptions=assumptions or []):
            return None
        model = self.solver.get_model()
        return frozenset(v - 1 for v in model[: self.n] if v > 0)

    def block(self, extension: frozenset[int]) -> None:
        """Forbid this exact set of IN arguments from now on."""
        clause = [-(a + 1) if a in extension else a + 1 for a in range(self.n)]
        self.solver.add_clause(clause)

    def block_subsets(self, extension: frozenset[int]) -> bool:
        """Forbid every subset of ``extension``; False when that forbids everything left."""
        clause = [a + 1 for a in range(self.n) if a not in extension]
        if not clause:
            return False
        self.solver.add_clause(clause)
        return True

    def grow(self, extension: frozenset[int], extra: list[int] | None = None) -> frozenset[int]:
        """A subset-maximal model containing ``extension``."""
        while True:
            outside = [a + 1 for a in range(self.n) if a not in extension]
            if not outside:
                return extension
            act = self.fresh()
            self.solver.add_clause([-act, *outside])
            bigger = self.solve([act, *(a + 1 for a in extension), *(extra or [])])
            self.solver.add_clause([-act])
            if bigger is None:
                return extension
            extension = bigger

    # -- ranges, for semi-stable -------------------------------------------------------
    def ensure_range(self) -> list[int]:
        """Variables ``r_a <-> in_a or out_a``."""
        if self.range_vars is None:
            n = self.n
            self.range_vars = []
            for a in range(1, n + 1):
                r = self.fresh()
                self.solver.add_clause([-r, a, n + a])
                self.solver.add_clause([r, -a])
                self.solver.add_clause([r, -(n + a)])
                self.range_vars.append(r)
        return self.range_vars

    def range_of(self) -> frozenset[int]:
        model = set(v for v in self.solver.get_model() if v > 0)
        return frozenset(i for i, r in enumerate(self.ensure_range()) if r in model)


def iter_complete(af: ArgumentationFramework) -> Iterator[frozenset[int]]:
    with Encoding(af, "CO") as enc:
        while (ext := enc.solve()) is not None:
            yield ext
            enc.block(ext)


def iter_stable(af: ArgumentationFramework) -> Iterator[frozenset[int]]:
    with Encoding(af, "ST") as enc:
        while (ext := enc.solve()) is not None:
            yield ext
            enc.block(ext)


def iter_preferred(af: ArgumentationFramework) -> Iterator[frozenset[int]]:
    with Encoding(af, "CO") as enc:
        while (ext := enc.solve()) is not None:
            ext = enc.grow(ext)
            yield ext
            if not enc.block_subsets(ext):
                return


def iter_semi_stable(af: ArgumentationFramework) -> Iterator[frozenset[int]]:
    """Complete extensions whose range (IN plus OUT) is subset-maximal."""
    with Encoding(af, "CO") as enc:
        rvars = enc.ensure_range()
        while enc.solve() is not None:
            rng = enc.range_of()
            while True:  # grow the range
                outside = [rvars[a] for a in range(af.n) if a not in rng]
                if not outside:
                    break
                act = enc.fresh()
                enc.solver.add_clause([-act, *outside])
                ok = enc.solve([act, *(rvars[a] for a in rng)])
                enc.solver.add_clause([-act])
                if ok is None:
                    break
                rng = enc.range_of()
            exact = [rvars[a] if a in rng else -rvars[a] for a in range(af.n)]
            act = enc.fresh()
            while (ext := enc.solve([act, *exact])) is not None:
                yield ext
                enc.solver.add_clause(
                    [-act, *(-(a + 1) if a in ext else a + 1 for a in range(af.n))]
                )
            enc.solver.add_clause([-act])
            outside = [rvars[a] for a in range(af.n) if a not in rng]
            if not outside:
                return
            enc.solver.add_clause(outside)


def credulous_sat(af: ArgumentationFramework, semantics: str, arg: int) -> frozenset[int] | None:
    """A complete (CO, PR) or stable (ST) extension containing ``arg``, or None."""
    if semantics != "ST":
        return credulous_complete(af, arg)
    with Encoding(af, "ST") as enc:
        return enc.solve([arg + 1])


def sceptical_stable(af: ArgumentationFramework, arg: int) -> frozenset[int] | None:
    """A stable extension without ``arg`` (a counter-example), or None."""
    with Encoding(af, "ST") as enc:
        return enc.solve([-(arg + 1)])


def sceptical_preferred(af: ArgumentationFramework, arg: int) -> frozenset[int] | None:
    """A preferred extension without ``arg``, or None when ``arg`` is in all of them.

    Each round finds a complete extension without ``arg`` that is not inside a
    preferred extension already seen, grows it to a preferred one, and stops as
    soon as a grown one still lacks ``arg``.
    """
    with Encoding(af, "CO") as enc:
        while (ext := enc.solve([-(arg + 1)])) is not None:
            ext = enc.grow(ext)
            if arg not in ext:
                return ext
            if not enc.block_subsets(ext):
                return None
    return None
