"""The id scheme every reader uses, so ids stay stable across formats.

Positions are ``p1``, ``p2``...; their evidence ``p1.f1`` (for) and ``p1.a1``
(against); consequences ``c.pos1`` and ``c.neg1``. Ids are never reused within a
debate: readers skip ids that are already taken.
"""

from __future__ import annotations

from collections.abc import Iterable

from quaestio.model.debate import Polarity, Stance


def position_id(n: int) -> str:
    return f"p{n}"


def evidence_id(position: str, stance: Stance, n: int) -> str:
    return f"{position}.{'f' if stance == 'for' else 'a'}{n}"


def consequence_id(polarity: Polarity, n: int) -> str:
    return f"c.{'pos' if polarity == 'positive' else 'neg'}{n}"


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

    def evidence(self, position: str, stance: Stance) -> str:
        return self._next(f"{position}/{stance}", lambda n: evidence_id(position, stance, n))

    def consequence(self, polarity: Polarity) -> str:
        return self._next(f"c/{polarity}", lambda n: consequence_id(polarity, n))
