"""The id scheme every reader uses, so ids stay stable across formats.

Positions are ``p1``, ``p2``...; their evidence ``p1.f1`` (for) and ``p1.a1``
(against); a nested point extends its parent's id (``p1.f2.a1`` is the first point
against ``p1.f2``); consequences ``c.pos1`` and ``c.neg1``; conclusion claims ``k1``,
relations ``r1``, arguments ``g1``, schools ``s1``. Ids are never reused within a
debate: readers skip ids that are already taken.
"""

from __future__ import annotations

from collections.abc import Iterable

from quaestio.model.debate import Polarity, Stance


def position_id(n: int) -> str:
    return f"p{n}"


def evidence_id(parent: str, stance: Stance, n: int) -> str:
    """The n-th point for/against ``parent`` (a position id, or a point id when nested)."""
    return f"{parent}.{'f' if stance == 'for' else 'a'}{n}"


def consequence_id(polarity: Polarity, n: int) -> str:
    return f"c.{'pos' if polarity == 'positive' else 'neg'}{n}"


def relation_id(n: int) -> str:
    return f"r{n}"


def argument_id(n: int) -> str:
    return f"g{n}"


def school_id(n: int) -> str:
    return f"s{n}"


def conclusion_claim_id(n: int) -> str:
    return f"k{n}"


class IdAllocator:
    """Hands out the next free id of a kind, skipping ids already in use."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken: set[str] = set(taken)
        self._counters: dict[str, int] = {}

    def claim(self, node_id: str) -> str:
        self.taken.add(node_id)
        return node_id

    def _next(self, kind: str, make: object) -> str:
        n = self._counters.get(kind, 0)
        while True:
            n += 1
            candidate = make(n)  # type: ignore[operator]
            if candidate not in self.taken:
                self._counters[kind] = n
                self.taken.add(candidate)
                return str(candidate)

    def position(self) -> str:
        return self._next("p", position_id)

    def evidence(self, parent: str, stance: Stance) -> str:
        """Next point id below ``parent`` (a position, or a point for a nested point)."""
        return self._next(f"{parent}/{stance}", lambda n: evidence_id(parent, stance, n))

    def relation(self) -> str:
        return self._next("r", relation_id)

    def argument(self) -> str:
        return self._next("g", argument_id)

    def school(self) -> str:
        return self._next("s", school_id)

    def conclusion_claim(self) -> str:
        return self._next("k", conclusion_claim_id)

    def consequence(self, polarity: Polarity) -> str:
        return self._next(f"c/{polarity}", lambda n: consequence_id(polarity, n))
