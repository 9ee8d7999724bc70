"""Values built from a debate object, kept for the last few objects by identity.

A server's debate comes from the store's revision cache, so every reader of one
revision holds the very same frozen object: looking it up by identity costs nothing,
where hashing a 2,000-point debate (or comparing two) walks all of it. A debate that
changes is a new object, so an entry is never stale; the few kept objects stay alive
with their entries, so an identity is never reused while it is a key.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable
from typing import Generic, TypeVar

from quaestio.model import Debate

T = TypeVar("T")


class ByDebate(Generic[T]):
    """At most ``size`` values, newest first, keyed by a debate object and a plain key."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: list[tuple[Debate, Hashable, T]] = []
        self._lock = threading.Lock()

    def get(self, debate: Debate, key: Hashable = None) -> T | None:
        with self._lock:
            for i, (held, k, value) in enumerate(self._items):
                if held is debate and k == key:
                    self._items.insert(0, self._items.pop(i))
                    return value
        return None

    def put(self, debate: Debate, key: Hashable, value: T) -> None:
        with self._lock:
            self._items = [e for e in self._items if not (e[0] is debate and e[1] == key)]
            self._items.insert(0, (debate, key, value))
            del self._items[self.size :]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
