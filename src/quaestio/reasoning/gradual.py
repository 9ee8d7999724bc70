"""Gradual semantics on quantitative bipolar frameworks, as sparse matrix iterations.

Every semantics here is a fixed point ``s = f(w, A s, S s)`` where ``A``/``S``
are the sparse attack/support matrices (row = target). We iterate it from the
base scores; on acyclic graphs this ends after as many rounds as the longest
path. On cycles plain iteration can oscillate, so after ``max_iter / 2`` rounds
we switch to the damped step ``s += 1/2 (f(s) - s)``, which is an explicit Euler
step of the continuous-time model of Potyka (2018) and has the same fixed
points. If even that does not settle within ``max_iter`` the result says so
(``converged=False`` with the last change), and ``strict`` turns it into an error.

Formulas (``E = sum supporters - sum attackers``):
- DF-QuAD (Rago et al. 2016): ``va = 1 - prod(1 - s_att)``, ``vs`` likewise;
  ``w - w (va - vs)`` if ``va >= vs`` else ``w + (1 - w)(vs - va)``.
- quadratic energy (Potyka 2018): ``w - w h(-E) + (1 - w) h(E)``, ``h(x) = x+^2 / (1 + x+^2)``.
- Euler-based (Amgoud & Ben-Naim 2018): ``1 - (1 - w^2) / (1 + w e^E)``.
- h-categorizer (Besnard & Hunter 2001): ``1 / (1 + sum s_att)``, attacks only,
  weights ignored; ``weighted=True`` gives ``w / (1 + sum s_att)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from quaestio.errors import SolverError

if TYPE_CHECKING:  # loaded by the first matrix: ``evaluate`` reads GRADUAL without it
    import scipy.sparse as sp

FloatArray = NDArray[np.float64]
GRADUAL = ("dfquad", "qe", "euler", "hcat")
GRADUAL_NAMES = {
    "dfquad": "DF-QuAD",
    "qe": "quadratic energy",
    "euler": "Euler-based",
    "hcat": "h-categorizer",
}


@dataclass(frozen=True, eq=False)
class QBAF:
    """Base scores ``weights`` and attack/support edges ``(src, dst)`` over ``n`` arguments."""

    weights: FloatArray
    att_src: NDArray[np.int64]
    att_dst: NDArray[np.int64]
    sup_src: NDArray[np.int64]
    sup_dst: NDArray[np.int64]
    names: tuple[str, ...] | None = None

    @property
    def n(self) -> int:
        return int(self.weights.size)

    @classmethod
    def from_named(
        cls,
        weights: dict[str, float],
        attacks: Sequence[tuple[str, str]],
        supports: Sequence[tuple[str, str]],
    ) -> QBAF:
        names = list(weights)
        idx = {a: i for i, a in enumerate(names)}

        def edges(pairs: Sequence[tuple[str, str]]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
            arr = np.array([(idx[a], idx[b]) for a, b in pairs], dtype=np.int64).reshape(-1, 2)
            return arr[:, 0].copy(), arr[:, 1].copy()

        a_src, a_dst = edges(attacks)
        s_src, s_dst = edges(supports)
        w = np.array([weights[a] for a in names], dtype=np.float64)
        return cls(w, a_src, a_dst, s_src, s_dst, tuple(names))

    @cached_property
    def attack_matrix(self) -> sp.csr_matrix:
        return _matrix(self.n, self.att_src, self.att_dst)

    @cached_property
    def support_matrix(self) -> sp.csr_matrix:
        return _matrix(self.n, self.sup_src, self.sup_dst)


def _matrix(n: int, src: NDArray[np.int64], dst: NDArray[np.int64]) -> sp.csr_matrix:
    import scipy.sparse as sp

    data = np.ones(src.size, dtype=np.float64)
    return sp.csr_matrix((data, (dst, src)), shape=(n, n))


@dataclass(frozen=True)
class GradualResult:
    semantics: str
    strengths: FloatArray
    iterations: int
    converged: bool
    delta: float

    def as_dict(self, names: Sequence[str]) -> dict[str, float]:
        return {a: float(v) for a, v in zip(names, self.strengths, strict=True)}


Step = Callable[[FloatArray], FloatArray]


def _h(x: FloatArray) -> FloatArray:
    p = np.maximum(x, 0.0) ** 2
    return p / (1.0 + p)


def _aggregate(matrix: sp.csr_matrix, s: FloatArray) -> FloatArray:
    """``1 - prod(1 - s_i)`` over each row's sources, via a sum of logs."""
    with np.errstate(divide="ignore"):
        logs = np.log1p(-np.minimum(s, 1.0))
    total = matrix @ logs
    return np.asarray(-np.expm1(total), dtype=np.float64)


def dfquad_step(w: FloatArray, A: sp.csr_matrix, S: sp.csr_matrix) -> Step:
    def f(s: FloatArray) -> FloatArray:
        va = _aggregate(A, s)
        vs = _aggregate(S, s)
        return np.where(va >= vs, w - w * (va - vs), w + (1.0 - w) * (vs - va))

    return f


def qe_step(w: FloatArray, A: sp.csr_matrix, S: sp.csr_matrix) -> Step:
    def f(s: FloatArray) -> FloatArray:
        e = S @ s - A @ s
        return np.asarray(w - w * _h(-e) + (1.0 - w) * _h(e), dtype=np.float64)

    return f


def euler_step(w: FloatArray, A: sp.csr_matrix, S: sp.csr_matrix) -> Step:
    def f(s: FloatArray) -> FloatArray:
        e = S @ s - A @ s
        return np.asarray(1.0 - (1.0 - w * w) / (1.0 + w * np.exp(e)), dtype=np.float64)

    return f


def hcat_step(w: FloatArray, A: sp.csr_matrix, weighted: bool) -> Step:
    top = w if weighted else np.ones_like(w)

    def f(s: FloatArray) -> FloatArray:
        return np.asarray(top / (1.0 + A @ s), dtype=np.float64)

    return f


def make_step(semantics: str, qbaf: QBAF, weighted_hcat: bool = False) -> Step:
    w, A, S = qbaf.weights, qbaf.attack_matrix, qbaf.support_matrix
    if semantics == "dfquad":
        return dfquad_step(w, A, S)
    if semantics == "qe":
        return qe_step(w, A, S)
    if semantics == "euler":
        return euler_step(w, A, S)
    if semantics == "hcat":
        return hcat_step(w, A, weighted_hcat)
    raise SolverError(
        f"unknown gradual semantics {semantics!r}; known: {', '.join(GRADUAL)}", field="semantics"
    )


def iterate(
    step: Step,
    start: FloatArray,
    *,
    tol: float = 1e-12,
    max_iter: int = 10_000,
    semantics: str = "",
    strict: bool = False,
) -> GradualResult:
    """Iterate ``step`` to a fixed point (plain first, damped after half the budget)."""
    s = start.copy()
    delta = float("inf")
    for k in range(1, max_iter + 1):
        target = step(s)
        new = target if k <= max_iter // 2 else s + 0.5 * (target - s)
        delta = float(np.max(np.abs(new - s))) if s.size else 0.0
        s = new
        if delta <= tol:
            return GradualResult(semantics, s, k, True, delta)
    if strict:
        raise SolverError(
            f"{GRADUAL_NAMES.get(semantics, semantics)} did not converge: after {max_iter} "
            f"iterations strengths still change by {delta:.3g} (tolerance {tol:g})",
            field="semantics",
        )
    return GradualResult(semantics, s, max_iter, False, delta)


def strengths(
    qbaf: QBAF,
    semantics: str,
    *,
    tol: float = 1e-12,
    max_iter: int = 10_000,
    strict: bool = False,
    weighted_hcat: bool = False,
) -> GradualResult:
    """Final strengths of every argument under one gradual semantics."""
    step = make_step(semantics, qbaf, weighted_hcat)
    start = qbaf.weights if semantics != "hcat" or weighted_hcat else np.ones(qbaf.n)
    return iterate(step, start, tol=tol, max_iter=max_iter, semantics=semantics, strict=strict)
