"""The batched evaluation's sums and parts, computed without scipy, are scipy's exactly.

``InEdges.total`` replaced a scipy CSR product and ``weak_components`` scipy's
``connected_components`` so that ``quaestio evaluate`` need not load scipy.
The sums must agree to the last bit (strengths, Shapley values and flip points
are printed in full in ``--json``) and the parts must be the same partition.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse.csgraph import connected_components

from quaestio.reasoning.af import distinct
from quaestio.reasoning.structure import InEdges, weak_components


@st.composite
def graphs(draw: st.DrawFn) -> tuple[int, np.ndarray, np.ndarray]:
    n = draw(st.integers(1, 40))
    m = draw(st.integers(0, 120))
    src = np.array(draw(st.lists(st.integers(0, n - 1), min_size=m, max_size=m)), dtype=np.intp)
    dst = np.array(draw(st.lists(st.integers(0, n - 1), min_size=m, max_size=m)), dtype=np.intp)
    return n, src, dst


@settings(max_examples=150, deadline=None)
@given(graphs(), st.sampled_from([None, 1, 3, 17]), st.integers(0, 2**32 - 1))
def test_total_is_scipys_csr_product_to_the_bit(
    graph: tuple[int, np.ndarray, np.ndarray], width: int | None, seed: int
) -> None:
    n, src, dst = graph
    rng = np.random.default_rng(seed)
    k = max(1, n // 2)
    targets = np.sort(rng.choice(n, size=k, replace=False)).astype(np.intp)
    edges = InEdges.of(targets, src, dst, n)
    # strengths of every size, so that the order of the additions shows in the bits
    shape = (n,) if width is None else (n, width)
    s = rng.random(shape) * 10.0 ** rng.integers(-8, 8, size=shape)
    expected = np.asarray(edges.matrix @ s, dtype=np.float64)
    got = edges.total(s, k)
    assert got.shape == expected.shape
    assert np.array_equal(got.view(np.uint64), expected.view(np.uint64))


@settings(max_examples=150, deadline=None)
@given(graphs())
def test_weak_components_are_scipys_partition(graph: tuple[int, np.ndarray, np.ndarray]) -> None:
    n, src, dst = graph
    adj = sp.coo_matrix((np.ones(src.size), (src, dst)), shape=(n, n))
    count, theirs = connected_components(adj, directed=True, connection="weak")
    ours = weak_components(n, src, dst)
    assert distinct(ours).size == count
    # the same partition: each of our labels maps to exactly one of theirs and back
    pairs = {(int(a), int(b)) for a, b in zip(ours, theirs, strict=True)}
    assert len(pairs) == count
    assert all(ours[i] <= i for i in range(n))  # named by the smallest node of the part


@pytest.mark.parametrize("n", [1, 2, 1000])
def test_a_long_chain_is_one_part(n: int) -> None:
    src = np.arange(n - 1, dtype=np.intp)[::-1].copy()
    dst = src + 1
    assert set(weak_components(n, src, dst).tolist()) == {0}


def test_distinct_is_np_unique() -> None:
    rng = np.random.default_rng(7)
    for size in (0, 1, 2, 50):
        values = rng.integers(-5, 5, size=size)
        assert np.array_equal(distinct(values), np.unique(values))
