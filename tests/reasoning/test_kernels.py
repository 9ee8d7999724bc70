"""The compiled propagation against the numpy rounds, on small and big frameworks."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quaestio.reasoning import kernels
from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.asp import asp_extensions
from quaestio.reasoning.labelling import IN, grounded_labelling, propagate_from

BIG = 10**12


def both_ways(
    monkeypatch: pytest.MonkeyPatch, af: ArgumentationFramework, seeds: list[int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    chosen = np.asarray(seeds or [], dtype=np.int64)
    monkeypatch.setattr(kernels, "JIT_MIN_SIZE", 0)
    assert kernels.warm()
    assert kernels.use_jit(af.n + af.m)
    compiled = propagate_from(af, chosen)
    monkeypatch.setattr(kernels, "JIT_MIN_SIZE", BIG)
    assert not kernels.use_jit(af.n + af.m)
    rounds = propagate_from(af, chosen)
    return compiled, rounds


frameworks = st.integers(1, 12).flatmap(
    lambda n: st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=4 * n).map(
        lambda pairs: ArgumentationFramework.from_pairs(n, pairs)  # duplicates kept on purpose
    )
)


@settings(max_examples=300, deadline=None)
@given(frameworks)
def test_compiled_and_numpy_grounded_agree(af: ArgumentationFramework) -> None:
    with pytest.MonkeyPatch.context() as mp:
        compiled, rounds = both_ways(mp, af)
    assert compiled.tolist() == rounds.tolist()
    grounded_ext = frozenset(np.flatnonzero(compiled == IN).tolist())
    assert [grounded_ext] == asp_extensions(af, "GR")


@pytest.mark.parametrize("density", [1.0, 2.0, 4.0])
def test_compiled_and_numpy_agree_on_ten_thousand_arguments(
    monkeypatch: pytest.MonkeyPatch, density: float
) -> None:
    rng = np.random.default_rng(int(density * 10))
    n, m = 10_000, int(10_000 * density)
    af = ArgumentationFramework(
        n, rng.integers(0, n, m).astype(np.int32), rng.integers(0, n, m).astype(np.int32)
    )
    compiled, rounds = both_ways(monkeypatch, af)
    assert np.array_equal(compiled, rounds)
    assert (compiled == IN).any() and (compiled != IN).any()


def complete_extensions(af: ArgumentationFramework) -> list[frozenset[int]]:
    return list(asp_extensions(af, "CO"))


def admissible_sets(af: ArgumentationFramework) -> Iterator[frozenset[int]]:
    attacks = set(af.attack_list())
    for size in range(af.n + 1):
        for members in combinations(range(af.n), size):
            s = set(members)
            if any((a, b) in attacks for a in s for b in s):
                continue
            attackers = {a for a, b in attacks if b in s}
            if all(any((c, a) in attacks for c in s) for a in attackers):
                yield frozenset(s)


def test_seeded_propagation_gives_the_least_complete_extension_above_the_seeds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(5)
    checked = 0
    for _ in range(120):
        n = int(rng.integers(1, 8))
        pairs = [(a, b) for a in range(n) for b in range(n) if rng.random() < 0.3]
        af = ArgumentationFramework.from_pairs(n, pairs)
        completes = complete_extensions(af)
        for seeds in admissible_sets(af):
            compiled, rounds = both_ways(monkeypatch, af, sorted(seeds))
            assert np.array_equal(compiled, rounds)
            result = frozenset(np.flatnonzero(compiled == IN).tolist())
            above = [e for e in completes if seeds <= e]
            assert result in above
            assert all(result <= e for e in above)
            checked += 1
    assert checked > 200


def test_numba_is_loaded_on_demand_only_for_huge_frameworks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kernels._compiled.cache_clear()
    assert not kernels.use_jit(10_000)  # not loaded: the numpy rounds serve
    assert kernels.use_jit(kernels.COLD_LOAD_SIZE)  # worth loading for this size
    assert kernels.use_jit(10_000)  # loaded now: used at every size
    monkeypatch.setattr(kernels, "JIT_MIN_SIZE", 20_000)
    assert not kernels.use_jit(10_000)


def test_numba_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUAESTIO_NO_JIT", "1")
    kernels._compiled.cache_clear()
    try:
        assert not kernels.use_jit(BIG)
        af = ArgumentationFramework.from_pairs(3, [(0, 1), (1, 2)])
        assert grounded_labelling(af).tolist() == [1, -1, 1]
    finally:
        monkeypatch.delenv("QUAESTIO_NO_JIT")
        kernels._compiled.cache_clear()
    assert kernels.use_jit(BIG)
