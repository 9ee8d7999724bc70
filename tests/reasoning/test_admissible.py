"""Credulous complete acceptance on the relevant part, against full enumeration and clingo."""

from __future__ import annotations

import numpy as np
import pytest

from quaestio.reasoning import kernels
from quaestio.reasoning.admissible import (
    credulous_complete,
    credulously_accepted,
    relevant_part,
)
from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.asp import asp_credulous, asp_extensions
from quaestio.reasoning.labelling import UNDEC, grounded_labelling


def random_af(rng: np.random.Generator, n: int, p: float) -> ArgumentationFramework:
    pairs = [(a, b) for a in range(n) for b in range(n) if rng.random() < p]
    return ArgumentationFramework.from_pairs(n, pairs)


@pytest.mark.parametrize("jit", [False, True], ids=["numpy", "numba"])
def test_answers_and_witnesses_match_enumeration(
    monkeypatch: pytest.MonkeyPatch, jit: bool
) -> None:
    monkeypatch.setattr(kernels, "JIT_MIN_SIZE", 0 if jit else 10**12)
    assert kernels.warm()
    rng = np.random.default_rng(21)
    accepted = rejected = 0
    for _ in range(250):
        af = random_af(rng, int(rng.integers(1, 9)), float(rng.uniform(0.1, 0.45)))
        completes = set(asp_extensions(af, "CO"))
        for a in range(af.n):
            witness = credulous_complete(af, a)
            expected = any(a in e for e in completes)
            assert (witness is not None) == expected, (a, af.attack_list())
            assert credulously_accepted(af, a) == expected
            if witness is not None:
                assert a in witness and witness in completes
                accepted += 1
            else:
                rejected += 1
    assert accepted > 100 and rejected > 100


def test_medium_frameworks_agree_with_clingo() -> None:
    rng = np.random.default_rng(4)
    undecided_queries = 0
    for n in (60, 120, 200):
        m = 3 * n
        af = ArgumentationFramework(
            n, rng.integers(0, n, m).astype(np.int32), rng.integers(0, n, m).astype(np.int32)
        )
        labels = grounded_labelling(af)
        for a in np.flatnonzero(labels == UNDEC)[:15].tolist():
            assert (credulous_complete(af, a) is not None) == asp_credulous(af, "CO", a)
            undecided_queries += 1
    assert undecided_queries > 10


def test_relevant_part_is_the_undecided_ancestry_of_the_query() -> None:
    # 0 <-> 1 -> 2 -> 3, 4 <-> 5 (unrelated), 6 -> 0 with 6 attacked by the unattacked 7
    af = ArgumentationFramework.from_pairs(
        8, [(0, 1), (1, 0), (1, 2), (2, 3), (4, 5), (5, 4), (6, 0), (7, 6)]
    )
    labels = grounded_labelling(af)
    assert labels[7] == 1 and labels[6] == -1
    assert relevant_part(af, labels, 3).tolist() == [0, 1, 2, 3]
    assert relevant_part(af, labels, 4).tolist() == [4, 5]
