"""The id scheme every reader uses, so ids stay stable across formats.

Positions are ``p1``, ``p2``...; their evidence ``p1.f1`` (for) and ``p1.a1``
(against); a nested point extends its parent's id (``p1.f2.a1`` is the first point
against ``p1.f2``); consequences ``c.pos1`` and ``c.neg1``; conclusion claims ``k1``,
relations ``r1``, arguments ``g1``, schools ``s1``. Ids are never reused within a
debate: readers skip ids that are already taken.

A nested id grows by three characters a level, so a 200-deep Kialo chain would end in a
600-character id (and 60,000 characters of ids in all: quadratic in depth). Ids are
bounded by ``MAX_ID_LENGTH`` instead, the width of the store's id columns and of the
API's id parameters: a point whose extended id would not fit starts a fresh short id in
its position, ``p1.n1`` (then ``p1.n1.a1`` below it, ...). The parent is always the
point's ``parent`` field, never read off the id, so nothing depends on ids extending.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quaestio.model.debate import Polarity, Stance

#: the longest id a debate may hold (the store's columns and the API's paths are this wide)
MAX_ID_LENGTH = 64
#: room left for the point's own ``.f1234`` when deciding whether an id may extend its parent's
_OWN = 6


def position_id(n: int) -> str:
    return f"p{n}"


def evidence_id(parent: str, stance: Stance, n: int) -> str:
    """The n-th point for/against ``parent`` (a position id, or a point id when nested)."""
    return f"{parent}.{'f' if stance == 'for' else 'a'}{n}"


def deep_id(position: str, n: int) -> str:
    """The n-th fresh short id of a point too deep for its parent's id to be extended."""
    return f"{position}.n{n}"


def extends(parent: str) -> bool:
    """Whether a point below ``parent`` gets an id extending it (else a fresh ``deep_id``)."""
    return len(parent) + _OWN <= MAX_ID_LENGTH


def fits_evidence(hint: str, parent: str, stance: Stance) -> bool:
    """Whether ``hint`` is an id the allocator could give a point below ``parent``."""
    if not extends(parent):
        position = parent.split(".", 1)[0]
        return re.fullmatch(re.escape(position) + r"\.n\d+", hint) is not None
    letter = "f" if stance == "for" else "a"
    return re.fullmatch(re.escape(parent) + r"\." + letter + r"\d+", hint) is not None


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
        """Next point id below ``parent`` (a position, or a point for a nested point);
        a fresh short one in the position when the parent's id is too long to extend."""
        if not extends(parent):
            position = parent.split(".", 1)[0]
            return self._next(f"{position}/deep", lambda n: deep_id(position, n))
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
