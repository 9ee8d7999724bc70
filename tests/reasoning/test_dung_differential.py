"""Our Dung solvers against independent implementations on random small frameworks."""

from __future__ import annotations

import numpy as np
import pytest
import reasoning_peers as peers
from hypothesis import given, settings
from hypothesis import strategies as st

from quaestio.reasoning import credulous, dung, extensions, grounded, sceptical
from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.asp import asp_extensions
from quaestio.reasoning.labelling import IN, OUT, UNDEC, grounded_labelling, labelling_of

SEMANTICS = ("GR", "CO", "PR", "ST", "SST", "ID")


def random_afs(count: int, seed: int, max_n: int = 8) -> list[ArgumentationFramework]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(count):
        n = int(rng.integers(1, max_n + 1))
        p = rng.uniform(0.05, 0.5)
        pairs = [(a, b) for a in range(n) for b in range(n) if rng.random() < p]
        out.append(ArgumentationFramework.from_pairs(n, pairs))
    return out


def mine(af: ArgumentationFramework, sem: str) -> set[frozenset[int]]:
    return set(extensions(af, sem))


@pytest.mark.parametrize("chunk", range(4))
def test_against_own_clingo_encodings_on_1200_frameworks(chunk: int) -> None:
    for af in random_afs(300, seed=100 + chunk):
        for sem in ("GR", "CO", "PR", "ST", "SST"):
            assert mine(af, sem) == set(asp_extensions(af, sem)), (sem, af.attack_list())


def test_against_brute_force_definitions() -> None:
    for af in random_afs(300, seed=7, max_n=7):
        for sem in SEMANTICS:
            assert mine(af, sem) == peers.brute_force(af, sem), (sem, af.n, af.attack_list())


@pytest.mark.parametrize(
    ("peer", "sems"),
    [
        (peers.formal_argumentation, SEMANTICS),
        (peers.pygarg, SEMANTICS),
        (peers.py_arg, ("GR", "CO", "PR", "ST")),
    ],
    ids=["formal-argumentation", "pygarg", "python-argumentation"],
)
def test_against_pypi_peers(peer: object, sems: tuple[str, ...]) -> None:
    for af in random_afs(200, seed=11, max_n=7):
        for sem in sems:
            assert mine(af, sem) == peer(af, sem), (sem, af.attack_list())  # type: ignore[operator]


def test_acceptance_matches_enumeration() -> None:
    for af in random_afs(150, seed=3):
        for sem in SEMANTICS:
            exts = extensions(af, sem)
            for a in range(af.n):
                assert credulous(af, sem, a) == any(a in e for e in exts), (sem, a)
                assert sceptical(af, sem, a) == all(a in e for e in exts), (sem, a)


frameworks = st.integers(1, 9).flatmap(
    lambda n: st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n).map(
        lambda pairs: ArgumentationFramework.from_pairs(n, sorted(set(pairs)))
    )
)


@settings(max_examples=150, deadline=None)
@given(frameworks)
def test_semantics_relations(af: ArgumentationFramework) -> None:
    gr = grounded(af)
    complete = extensions(af, "CO")
    preferred = extensions(af, "PR")
    stable = extensions(af, "ST")
    semi = extensions(af, "SST")
    ideal = dung.ideal(af)
    assert gr in complete and all(gr <= c for c in complete)
    assert all(s in preferred for s in stable)
    assert all(s in complete for s in semi)
    assert all(p in complete for p in preferred) and len(preferred) >= 1
    assert all(any(s <= p for p in preferred) for s in semi)
    assert gr <= ideal and all(ideal <= p for p in preferred)
    if stable:
        assert set(stable) == set(semi)


@settings(max_examples=150, deadline=None)
@given(frameworks)
def test_grounded_labelling_is_a_complete_labelling(af: ArgumentationFramework) -> None:
    labels = grounded_labelling(af)
    assert set(np.unique(labels)) <= {IN, OUT, UNDEC}
    for a in range(af.n):
        attackers = af.attackers(a)
        if labels[a] == IN:
            assert all(labels[b] == OUT for b in attackers)
        elif labels[a] == OUT:
            assert any(labels[b] == IN for b in attackers)
        else:
            assert not all(labels[b] == OUT for b in attackers)
            assert not any(labels[b] == IN for b in attackers)
    assert (labelling_of(af, grounded(af)) == labels).all()


def test_grounded_on_a_long_chain_alternates() -> None:
    n = 10_001
    af = ArgumentationFramework.from_pairs(n, [(i, i + 1) for i in range(n - 1)])
    labels = grounded_labelling(af)
    assert (labels[0::2] == IN).all() and (labels[1::2] == OUT).all()


def test_odd_cycle_has_no_stable_extension_and_empty_grounded() -> None:
    af = ArgumentationFramework.from_pairs(3, [(0, 1), (1, 2), (2, 0)])
    assert extensions(af, "ST") == []
    assert grounded(af) == frozenset()
    assert extensions(af, "PR") == [frozenset()]
    assert sceptical(af, "ST", 0) and not credulous(af, "ST", 0)
