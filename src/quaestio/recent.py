"""The few most recently used values, for caches shared by a server's threads.

A server keeps rebuilt debates, their API renderings, evaluations and verdict
weighings; each is costly to build, keyed by what it depends on (the debate's
``content_rev`` among it, so an entry is never stale), and worth keeping only
for the last few keys asked for. One bounded, thread-safe map serves them all.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    """At most ``size`` values; asking for one or putting it makes it the newest."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def get_or_build(self, key: K, build: Callable[[], V]) -> V:
        """The value kept for ``key``, else ``build()`` kept (built outside the lock, so
        two threads may both build a missing value; the later one is kept)."""
        hit = self.get(key)
        if hit is not None:
            return hit
        built = build()
        self.put(key, built)
        return built

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
