"""SAT encodings of Dung semantics, solved incrementally with python-sat.

Variables: ``in_a = a+1`` and ``out_a = n+a+1`` for argument ``a`` (0-based).
The complete encoding says, for every argument, IN iff every attacker is OUT,
OUT iff some attacker is IN, never both; stable adds "IN or OUT" everywhere.
The grounded labelling is fixed up front, so every search runs on the arguments
grounded leaves undecided (the *core*) only.

Maximisation (preferred) follows the ICCMA winners (cegartix, mu-toksia): the
solver's decision phase is set towards IN, so each model it returns is already
close to maximal, and one improvement step asks, under the current extension as
assumptions, for "one more core argument IN" with a single clause guarded by a
fresh activation literal (the same solver keeps everything it learnt). A handful
of steps then reach a preferred extension where adding one argument at a time
took thousands. Semi-stable does the same with range variables (``semi_stable``).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count

import numpy as np
from numpy.typing import NDArray

from quaestio.reasoning.admissible import credulous_complete
from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.labelling import IN, OUT, UNDEC, grounded_labelling

# Chosen per semantics by measurement on the ICCMA corpus (docs/benchmarks.md).
# The phase matters most: CaDiCaL keeps a phase set by the user ahead of its
# saved phases, so its first model on the traffic network a1210993 has 2,887 of
# the 2,889 arguments of a preferred extension (two improvement steps, 0.2 s);
# Glucose (like MiniSat) lets phase saving overwrite it, returns 72 and needed
# one step per argument (13 s for the first 200 steps).
SOLVERS = {"CO": "cadical153", "PR": "cadical153", "SST": "cadical153", "ST": "cadical195"}


class Encoding:
    """One incremental SAT solver holding the complete (or stable) labelling encoding."""

    def __init__(
        self, af: ArgumentationFramework, semantics: str = "CO", solver: str | None = None
    ) -> None:
        self.af = af
        self.n = n = af.n
        from pysat.solvers import Solver  # here: a grounded-only command never loads python-sat

        self.solver = Solver(name=solver or SOLVERS.get(semantics, "cadical153"))
        self._next = count(2 * n + 1)
        self.range_vars: NDArray[np.int64] | None = None
        self._model: NDArray[np.int64] = np.empty(0, dtype=np.int64)
        if semantics in ("PR", "ADM"):
            self._admissible()
        elif semantics == "ST":
            self._stable()
        else:
            self._labelling(semantics == "ST")
        # Every complete extension contains the grounded one and rejects what it
        # attacks: fixing those arguments up front leaves only the undecided core.
        labels = grounded_labelling(af)
        add = self.solver.add_clause
        for a in (np.flatnonzero(labels == IN) + 1).tolist():
            add([a])
        for a in (np.flatnonzero(labels == OUT) + 1).tolist():
            add([-a])
        self.core: NDArray[np.int64] = np.flatnonzero(labels == UNDEC)

    def _labelling(self, stable: bool) -> None:
        """Complete (or stable) labellings: ``n + a`` is "a is OUT"."""
        n, af, add = self.n, self.af, self.solver.add_clause
        src = (af.src.astype(np.int64) + 1).tolist()
        dst = (af.dst.astype(np.int64) + 1).tolist()
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
            if stable:
                add([a, n + a])
            else:
                add([a, *(-(n + b) for b in atts)])  # all attackers OUT makes it IN

    def _stable(self) -> None:
        """Stable extensions: conflict-free, and every argument IN or attacked by one IN.

        No OUT variables (``n + a`` stays unused): for stable they would only copy
        "not IN". The smaller formula is the one mu-toksia uses; with CaDiCaL 1.9.5 it
        finds the stable extension of the ICCMA 2015 SCC instance 320028 (249
        undecided arguments in one strongly connected component) in 4.6 s against
        10.5 s for the labelling encoding on CaDiCaL 1.5.3, measured side by side.
        """
        n, af, add = self.n, self.af, self.solver.add_clause
        in_ptr, in_cols = af.in_csr
        attackers = (in_cols.astype(np.int64) + 1).tolist()
        ptr = in_ptr.tolist()
        for a in range(1, n + 1):
            atts = attackers[ptr[a - 1] : ptr[a]]
            for b in atts:
                add([-a, -b])
            add([a, *atts])

    def _admissible(self) -> None:
        """Admissible sets: ``n + a`` is "the set attacks a"; the maximal ones are preferred.

        Without the completeness clauses ("every attacker OUT makes it IN") the
        search for a preferred extension is far easier for CDCL: on the ICCMA 2015
        SCC instance 320028 (249 undecided arguments) the first non-trivial model
        takes 0.06 s here against over 50 s with the complete encoding, whichever
        of seven SAT solvers runs it.
        """
        n, af, add = self.n, self.af, self.solver.add_clause
        in_ptr, in_cols = af.in_csr
        attackers = (in_cols.astype(np.int64) + 1).tolist()
        ptr = in_ptr.tolist()
        for a in range(1, n + 1):  # clauses grouped per argument, as admissible.py does
            atts = attackers[ptr[a - 1] : ptr[a]]
            for b in atts:
                add([-a, -b])  # conflict-free
                add([-a, n + b])  # every attacker of a member is attacked by the set
            add([-(n + a), *atts])  # attacked needs a member attacker

    def fresh(self) -> int:
        return next(self._next)

    def close(self) -> None:
        self.solver.delete()

    def __enter__(self) -> Encoding:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def prefer_in(self) -> None:
        """Decide IN first, so models come out near-maximal (for preferred)."""
        self.solver.set_phases((self.core + 1).tolist())

    def solve(self, assumptions: list[int] | None = None) -> frozenset[int] | None:
        mask = self.solve_mask(assumptions)
        return None if mask is None else frozenset(np.flatnonzero(mask).tolist())

    def solve_mask(self, assumptions: list[int] | None = None) -> NDArray[np.bool_] | None:
        """The IN arguments of a model as a boolean mask, or None when unsatisfiable."""
        if not self.solver.solve(assumptions=assumptions or []):
            return None
        self._model = np.asarray(self.solver.get_model(), dtype=np.int64)
        return self._model[: self.n] > 0

    def last_mask(self) -> NDArray[np.bool_]:
        """The IN arguments of the last satisfying model."""
        return self._model[: self.n] > 0

    def block(self, extension: frozenset[int]) -> None:
        """Forbid this exact set of IN arguments from now on (core arguments decide it)."""
        mask = _mask(self.n, extension)[self.core]
        lits = np.where(mask, -(self.core + 1), self.core + 1)
        if lits.size:
            self.solver.add_clause(lits.tolist())
        else:  # no core: the grounded extension was the only one
            v = self.fresh()
            self.solver.append_formula([[v], [-v]])

    def block_subsets(self, extension: frozenset[int]) -> bool:
        """Forbid every subset of ``extension``; False when that forbids everything left."""
        mask = _mask(self.n, extension)
        clause = (self.core[~mask[self.core]] + 1).tolist()
        if not clause:
            return False
        self.solver.add_clause(clause)
        return True

    def grow(self, extension: frozenset[int], extra: list[int] | None = None) -> frozenset[int]:
        """A subset-maximal model containing ``extension`` (a preferred extension)."""
        self.prefer_in()
        mask = _mask(self.n, extension)
        while True:
            outside = self.core[~mask[self.core]]
            if not outside.size:
                break
            act = self.fresh()
            self.solver.add_clause([-act, *(outside + 1).tolist()])
            inside = (self.core[mask[self.core]] + 1).tolist()
            bigger = self.solve_mask([act, *inside, *(extra or [])])
            self.solver.add_clause([-act])
            if bigger is None:
                break
            mask = bigger
        return frozenset(np.flatnonzero(mask).tolist())

    # -- ranges, for semi-stable -------------------------------------------------------
    def ensure_range(self) -> NDArray[np.int64]:
        """Variables ``r_a <-> in_a or out_a`` for every argument (fixed true outside the core)."""
        if self.range_vars is None:
            n = self.n
            start = next(self._next)
            rvars = np.arange(start, start + n, dtype=np.int64)
            self._next = count(start + n)
            add = self.solver.add_clause
            for a, r in zip(range(1, n + 1), rvars.tolist(), strict=True):
                add([-r, a, n + a])
                add([r, -a])
                add([r, -(n + a)])
            self.range_vars = rvars
        return self.range_vars

    def range_mask(self) -> NDArray[np.bool_]:
        """Which arguments the last model has in its range (read from the solver's model)."""
        rvars = self.ensure_range()
        return self._model[rvars - 1] > 0


def _mask(n: int, extension: frozenset[int]) -> NDArray[np.bool_]:
    mask = np.zeros(n, dtype=bool)
    if extension:
        mask[np.fromiter(extension, dtype=np.int64, count=len(extension))] = True
    return mask


def iter_complete(af: ArgumentationFramework) -> Iterator[frozenset[int]]:
    with Encoding(af, "CO") as enc:
        while (ext := enc.solve()) is not None:
            yield ext
            if not enc.core.size:
                return
            enc.block(ext)


def iter_stable(af: ArgumentationFramework) -> Iterator[frozenset[int]]:
    with Encoding(af, "ST") as enc:
        while (ext := enc.solve()) is not None:
            yield ext
            if not enc.core.size:
                return
            enc.block(ext)


def iter_preferred(af: ArgumentationFramework) -> Iterator[frozenset[int]]:
    with Encoding(af, "PR") as enc:
        enc.prefer_in()
        while (ext := enc.solve()) is not None:
            ext = enc.grow(ext)
            yield ext
            if not enc.block_subsets(ext):
                return


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


def sceptically_preferred(af: ArgumentationFramework, arg: int) -> bool:
    """Is ``arg`` in every preferred extension? (``sceptical_preferred`` without the witness.)

    An admissible set that attacks ``arg`` answers "no" before it is grown: every
    preferred extension around it is conflict-free, so lacks ``arg``. That skips the
    final "nothing bigger" call of the growth, the costliest one on the ICCMA 2015 SCC
    instances, where the first admissible set without ``arg`` already attacks it.

    The first round has no assumption at all: the solver's own first model, grown,
    is the SE-PR answer, and it often settles the query. On the SCC instance
    320028 that round takes 0.06 s, where asking for a set without ``arg`` first
    took 3 s (clingo, which enumerates preferred extensions until one lacks the
    argument, 1.0 s).
    """
    attackers = af.src[af.dst == arg]
    with Encoding(af, "PR") as enc:
        enc.prefer_in()
        assumptions: list[int] = []
        while (mask := enc.solve_mask(assumptions)) is not None:
            if mask[attackers].any():
                return False
            ext = enc.grow(frozenset(np.flatnonzero(mask).tolist()))
            if arg not in ext:
                return False
            if not enc.block_subsets(ext):
                return True
            assumptions = [-(arg + 1)]
    return True


def sceptical_preferred(af: ArgumentationFramework, arg: int) -> frozenset[int] | None:
    """A preferred extension without ``arg``, or None when ``arg`` is in all of them.

    Each round finds a complete extension without ``arg`` that is not inside a
    preferred extension already seen, grows it to a preferred one, and stops as
    soon as a grown one still lacks ``arg``.
    """
    with Encoding(af, "PR") as enc:
        enc.prefer_in()
        assumptions: list[int] = []  # first round free, as in ``sceptically_preferred``
        while (ext := enc.solve(assumptions)) is not None:
            ext = enc.grow(ext)
            if arg not in ext:
                return ext
            if not enc.block_subsets(ext):
                return None
            assumptions = [-(arg + 1)]
    return None


def ideal_candidates(af: ArgumentationFramework) -> NDArray[np.bool_]:
    """Members of one preferred extension that no credulously accepted argument attacks.

    The ideal extension lies inside every preferred extension and attacks nothing
    credulously accepted, so it lies inside this set, and (Dunne's
    characterisation) it is the largest admissible subset of it. Only the
    attackers of the remaining candidates need their credulous acceptance
    settled: each round asks for a complete extension with one of them IN, the
    phase pointing all of them IN (and the candidates OUT), so one model knocks out many
    candidates; the rounds end when none of the attackers left is in any.
    """
    with Encoding(af, "PR") as enc:
        enc.prefer_in()
        first = enc.solve_mask()
        assert first is not None  # a complete extension always exists
        cand = _mask(af.n, enc.grow(frozenset(np.flatnonzero(first).tolist())))
        accepted = cand.copy()
        in_core = np.zeros(af.n, dtype=bool)
        in_core[enc.core] = True
        while True:
            cand[af.dst[accepted[af.src]]] = False
            threat = np.zeros(af.n, dtype=bool)
            threat[af.src[cand[af.dst]]] = True
            targets = np.flatnonzero(threat & in_core & ~accepted)
            if not targets.size:
                return cand
            # targets IN, and the candidates they attack OUT, or each model knocks out one
            enc.solver.set_phases(
                [*(targets + 1).tolist(), *(-(np.flatnonzero(cand & in_core) + 1)).tolist()]
            )
            enc.solver.add_clause((targets + 1).tolist())  # only ever shrinks: no guard
            found = enc.solve_mask()
            if found is None:
                return cand
            accepted |= found
