"""The short cuts of the SAT layer give the answers of the plain definitions.

Sceptical preferred acceptance stops at the first admissible set that attacks
the argument, and stable extensions come from the conflict-free encoding without
OUT variables: both are checked against clingo's ASPARTIX-style encodings, which
share no code with them, on random frameworks with self-attacks and odd cycles.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quaestio.reasoning import sat
from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.asp import asp_extensions

frameworks = st.integers(1, 10).flatmap(
    lambda n: st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n).map(
        lambda pairs: ArgumentationFramework.from_pairs(n, sorted(set(pairs)))
    )
)


@settings(max_examples=200, deadline=None)
@given(frameworks)
def test_sceptical_preferred_short_cut_matches_clingo(af: ArgumentationFramework) -> None:
    preferred = asp_extensions(af, "PR")
    for a in range(af.n):
        expected = all(a in e for e in preferred)
        assert sat.sceptically_preferred(af, a) == expected, a
        counter = sat.sceptical_preferred(af, a)
        assert (counter is None) == expected, a
        assert counter is None or counter in preferred


@settings(max_examples=200, deadline=None)
@given(frameworks)
def test_conflict_free_stable_encoding_matches_clingo(af: ArgumentationFramework) -> None:
    stable = set(asp_extensions(af, "ST"))
    assert set(sat.iter_stable(af)) == stable
    for a in range(af.n):
        found = sat.credulous_sat(af, "ST", a)
        assert (found is not None) == any(a in e for e in stable), a
        assert found is None or found in stable
        counter = sat.sceptical_stable(af, a)
        assert (counter is None) == all(a in e for e in stable), a
        assert counter is None or (counter in stable and a not in counter)


acyclic_frameworks = st.integers(1, 12).flatmap(
    lambda n: st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n).map(
        lambda pairs: ArgumentationFramework.from_pairs(
            n, sorted({(a, b) for a, b in pairs if a > b})  # attacks only go down: no cycle
        )
    )
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(acyclic_frameworks, frameworks))
def test_decided_grounded_short_cut_matches_clingo(af: ArgumentationFramework) -> None:
    """Where the grounded labelling decides every argument (always on an acyclic
    framework), every semantics answers with it alone, as clingo's encodings do."""
    from quaestio.reasoning import dung

    decided = dung.decided_grounded(af)
    for sem in ("CO", "PR", "ST", "SST"):
        expected = set(asp_extensions(af, sem))
        assert set(dung.extensions(af, sem)) == expected, sem
        if decided is not None:
            assert expected == {decided}, sem
        one = dung.some_extension(af, sem)
        assert (one in expected) if expected else one is None, sem
        for a in range(af.n):
            assert dung.credulous(af, sem, a) == any(a in e for e in expected), (sem, a)
            assert dung.sceptical(af, sem, a) == all(a in e for e in expected), (sem, a)
