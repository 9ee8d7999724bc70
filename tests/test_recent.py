"""The recent-values map behaves as a least-recently-used cache of its size."""

from __future__ import annotations

import threading

from hypothesis import given
from hypothesis import strategies as st

from quaestio.recent import Recent

ops = st.lists(
    st.tuples(st.sampled_from(["get", "put"]), st.integers(0, 6), st.integers()), max_size=60
)


@given(st.integers(1, 4), ops)
def test_it_answers_as_a_reference_lru(size: int, steps: list[tuple[str, int, int]]) -> None:
    recent: Recent[int, int] = Recent(size)
    model: list[tuple[int, int]] = []  # oldest first
    for op, key, value in steps:
        held = dict(model)
        if op == "get":
            assert recent.get(key) == held.get(key)
            if key in held:
                model = [e for e in model if e[0] != key] + [(key, held[key])]
        else:
            recent.put(key, value)
            model = [e for e in model if e[0] != key] + [(key, value)]
            model = model[-size:]
        assert len(recent) == len(model)


def test_a_value_is_built_once_and_kept() -> None:
    recent: Recent[str, list[int]] = Recent(2)
    builds: list[str] = []

    def build(name: str) -> list[int]:
        builds.append(name)
        return [len(builds)]

    first = recent.get_or_build("a", lambda: build("a"))
    assert recent.get_or_build("a", lambda: build("a")) is first
    recent.get_or_build("b", lambda: build("b"))
    recent.get_or_build("c", lambda: build("c"))  # "a" is now the oldest, and goes
    assert recent.get("a") is None and builds == ["a", "b", "c"]


def test_threads_never_see_more_than_its_size() -> None:
    recent: Recent[int, int] = Recent(8)

    def work(offset: int) -> None:
        for n in range(500):
            recent.put(offset + n, n)
            recent.get(offset + n - 3)

    threads = [threading.Thread(target=work, args=(k * 1000,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(recent) == 8
