"""The ACH matrix is held sparse, yet every figure equals the dense textbook computation.

The reference below fills every (item, position) cell, which is what Heuer's
method describes; the engine keeps only the cells that differ from neutral.
Both must agree on every debate, and the engine's size must follow the
debate's, not positions x items.
"""

from __future__ import annotations

import math

from hypothesis import given, settings

from quaestio.model import Debate, Evidence, Position
from quaestio.reasoning.ach import DEFAULT, RATINGS, ach_matrix
from strategies import debates


def dense_reference(debate: Debate) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Inconsistency, consistency and diagnosticity from a full matrix, cell by cell."""
    m = ach_matrix(debate)
    incons = dict.fromkeys(m.positions, 0.0)
    cons = dict.fromkeys(m.positions, 0.0)
    diag: dict[str, float] = {}
    for e in m.evidence:
        scale = m.credibility[e] * m.relevance[e]
        row = [RATINGS[m.rating(e, p)] for p in m.positions]
        for p, value in zip(m.positions, row, strict=True):
            if value < 0:
                incons[p] += -value * scale
            elif value > 0:
                cons[p] += value * scale
        known = [v for v in row if not math.isnan(v)]
        diag[e] = (max(known) - min(known)) / 4.0 if len(known) > 1 else 0.0
    return incons, cons, diag


@settings(max_examples=60, deadline=None)
@given(debates())
def test_sparse_figures_equal_the_dense_computation(debate: Debate) -> None:
    m = ach_matrix(debate)
    incons, cons, diag = dense_reference(debate)
    for p in m.positions:
        assert math.isclose(m.inconsistency[p], incons[p], abs_tol=1e-9)
        assert math.isclose(m.consistency[p], cons[p], abs_tol=1e-9)
    for e in m.evidence:
        assert math.isclose(m.diagnosticity[e], diag[e], abs_tol=1e-9)


def test_cells_held_grow_with_the_debate_not_with_positions_times_items() -> None:
    positions = tuple(
        Position(
            f"p{i}",
            f"Position {i}",
            evidence=(
                Evidence(f"p{i}.f1", "for", f"for {i}"),
                Evidence(f"p{i}.a1", "against", f"against {i}"),
            ),
        )
        for i in range(1, 1001)
    )
    m = ach_matrix(Debate("many", positions=positions))
    assert len(m.ratings) == 2000  # one own-position cell per item, not 2,000,000
    assert m.rating("p1.f1", "p999") == DEFAULT
    assert m.to_dict()["ratings"]["p5.a1"] == {"p5": "I"}
