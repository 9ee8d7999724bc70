"""Values built from a debate object, kept for the last few objects by identity.

A server's debate comes from the store's revision cache, so every reader of one
revision holds the very same frozen object: looking it up by identity costs nothing,
where hashing a 2,000-point debate (or comparing two) walks all of it. A debate that
changes is a new object, so an entry is never stale; the few kept objects stay alive
with their entries, so an identity is never reused while it is a key.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

from quaestio.model import Debate
from quaestio.recent import Recent

T = TypeVar("T")


class ByDebate(Generic[T]):
    """At most ``size`` values, the newest kept, keyed by a debate object and a plain key.

    Keyed by ``id(debate)``, with the debate held beside its value: while an entry
    lives its debate does, so no other object can take its identity.
    """

    def __init__(self, size: int) -> None:
        self._recent: Recent[tuple[int, Hashable], tuple[Debate, T]] = Recent(size)

    def get(self, debate: Debate, key: Hashable = None) -> T | None:
        hit = self._recent.get((id(debate), key))
        return None if hit is None else hit[1]

    def put(self, debate: Debate, key: Hashable, value: T) -> None:
        self._recent.put((id(debate), key), (debate, value))
