"""Dung argumentation frameworks as numpy arrays.

An attack relation with ten million pairs is too big for Python tuples, so a
framework is two parallel ``int32`` arrays (attacker, target) over arguments
numbered ``0..n-1``; optional names map numbers back to what a file or a debate
called them. Adjacency in both directions is built once, lazily, as CSR.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar, cast

import numpy as np
from numpy.typing import NDArray

from quaestio.errors import SolverError

IntArray = NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class ArgumentationFramework:
    """``n`` arguments and the attacks ``src[k] -> dst[k]`` (0-based)."""

    n: int
    src: NDArray[np.int32]
    dst: NDArray[np.int32]
    names: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.src.shape != self.dst.shape:
            raise SolverError("attackers and targets differ in length")
        if self.src.size and (
            int(self.src.min()) < 0
            or int(self.dst.min()) < 0
            or int(self.src.max()) >= self.n
            or int(self.dst.max()) >= self.n
        ):
            raise SolverError(f"an attack names an argument outside 0..{self.n - 1}")
        if self.names is not None and len(self.names) != self.n:
            raise SolverError(f"{len(self.names)} names for {self.n} arguments")

    @classmethod
    def from_pairs(
        cls, n: int, attacks: Iterable[tuple[int, int]], names: Sequence[str] | None = None
    ) -> ArgumentationFramework:
        pairs = np.asarray(list(attacks), dtype=np.int32).reshape(-1, 2)
        return cls(n, pairs[:, 0].copy(), pairs[:, 1].copy(), tuple(names) if names else None)

    @classmethod
    def from_named(
        cls, arguments: Sequence[str], attacks: Iterable[tuple[str, str]]
    ) -> ArgumentationFramework:
        index = {a: i for i, a in enumerate(arguments)}
        return cls.from_pairs(
            len(arguments), ((index[a], index[b]) for a, b in attacks), list(arguments)
        )

    @property
    def m(self) -> int:
        return int(self.src.size)

    def name(self, i: int) -> str:
        return self.names[i] if self.names is not None else str(i + 1)

    def index(self, name: str) -> int:
        """The number of an argument given as a name, or as a 1-based number when unnamed."""
        if self.names is not None:
            try:
                return self._name_index[name]
            except KeyError:
                raise SolverError(f"no argument named {name!r}", field="arg") from None
        try:
            i = int(name) - 1
        except ValueError:
            raise SolverError(
                f"argument {name!r} is not a number 1..{self.n}", field="arg"
            ) from None
        if not 0 <= i < self.n:
            raise SolverError(f"argument {name} is outside 1..{self.n}", field="arg")
        return i

    @cached_property
    def _name_index(self) -> dict[str, int]:
        return {a: i for i, a in enumerate(self.names or ())}

    # -- adjacency (CSR) ----------------------------------------------------------
    @cached_property
    def out_csr(self) -> tuple[IntArray, NDArray[np.int32]]:
        """(indptr, targets): ``i`` attacks ``targets[indptr[i]:indptr[i+1]]``."""
        return _csr(self.n, self.src, self.dst)

    @cached_property
    def in_csr(self) -> tuple[IntArray, NDArray[np.int32]]:
        """(indptr, attackers) of every argument."""
        return _csr(self.n, self.dst, self.src)

    @cached_property
    def in_degree(self) -> IntArray:
        return np.bincount(self.dst, minlength=self.n).astype(np.int64)

    def attackers(self, i: int) -> NDArray[np.int32]:
        indptr, cols = self.in_csr
        return cols[indptr[i] : indptr[i + 1]]

    def attacked_by(self, i: int) -> NDArray[np.int32]:
        indptr, cols = self.out_csr
        return cols[indptr[i] : indptr[i + 1]]

    def attack_list(self) -> list[tuple[int, int]]:
        return list(zip(self.src.tolist(), self.dst.tolist(), strict=True))

    def named(self, members: Iterable[int]) -> list[str]:
        return [self.name(i) for i in sorted(members)]


SCIPY_CSR_FROM = 200_000
"""From this many attacks on, scipy's linear-time CSR build is worth importing scipy."""


def _csr(
    n: int, rows: NDArray[np.int32], cols: NDArray[np.int32]
) -> tuple[IntArray, NDArray[np.int32]]:
    """Counting sort into CSR (scipy's linear-time ``coo_tocsr``; duplicates kept).

    Small frameworks sort with numpy: loading scipy.sparse costs more than the sort,
    and ``quaestio solve`` is timed as a whole process.
    """
    m = int(rows.size)
    big = m >= SCIPY_CSR_FROM or "scipy.sparse" in sys.modules
    if big and m < 2**31 - 1 and n < 2**31 - 1:
        try:
            from scipy.sparse import _sparsetools

            indptr32 = np.empty(n + 1, dtype=np.int32)
            out = np.empty(m, dtype=np.int32)
            _sparsetools.coo_tocsr(
                n,
                n,
                m,
                np.ascontiguousarray(rows, dtype=np.int32),
                np.ascontiguousarray(cols, dtype=np.int32),
                np.zeros(m, dtype=np.int8),
                indptr32,
                out,
                np.empty(m, dtype=np.int8),
            )
            return indptr32.astype(np.int64), out
        except (ImportError, AttributeError, ValueError, TypeError):
            pass
    order = np.argsort(rows, kind="stable")
    counts = np.bincount(rows, minlength=n)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return indptr, cols[order]


def gather(indptr: IntArray, cols: NDArray[np.int32], rows: IntArray) -> NDArray[np.int32]:
    """All CSR entries of ``rows`` concatenated, without a Python loop per row."""
    if rows.size == 0:
        return cols[:0]
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    total = int(lengths.sum())
    if total == 0:
        return cols[:0]
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return cols[offsets + np.arange(total, dtype=np.int64)]


_Ints = TypeVar("_Ints", bound="np.ndarray[Any, Any]")


def distinct(values: _Ints) -> _Ints:
    """The sorted distinct values of a 1-D integer array, as ``np.unique`` gives them.

    ``np.unique`` imports ``numpy.ma`` on its first call, a cost every ``quaestio
    solve`` paid on a small file (8 ms of 180 here; 70 ms without compiled bytecode),
    and ICCMA times whole processes.
    """
    ordered = cast(_Ints, np.sort(values))
    if ordered.size < 2:
        return ordered
    keep = np.empty(ordered.size, dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return cast(_Ints, ordered[keep])
