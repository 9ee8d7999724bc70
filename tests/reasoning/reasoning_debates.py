"""Small debates built in code for the reasoning tests (wording is our own)."""

from __future__ import annotations

from quaestio.model import Debate, Evidence, Position


def ev(pid: str, stance: str, n: int, weight: float, rebuts: tuple[str, ...] = ()) -> Evidence:
    kind = "f" if stance == "for" else "a"
    return Evidence(
        id=f"{pid}.{kind}{n}",
        stance=stance,  # type: ignore[arg-type]
        text=f"{stance} point {n} of {pid}",
        weight=weight,
        rebuts=rebuts,
    )


def river_debate() -> Debate:
    """Why a town flooded: three explanations, one rebuttal aimed at a single point."""
    return Debate(
        title="Why did the town flood?",
        question="Which explanation carries the most weight?",
        positions=(
            Position(
                "p1",
                "Heavy rain",
                evidence=(
                    ev("p1", "for", 1, 0.9),
                    ev("p1", "for", 2, 0.6),
                    ev("p1", "against", 1, 0.4),
                ),
            ),
            Position(
                "p2",
                "Poor levees",
                evidence=(
                    ev("p2", "for", 1, 0.7),
                    ev("p2", "against", 1, 0.5, rebuts=("p2.f1",)),
                    ev("p2", "against", 2, 0.3),
                ),
            ),
            Position(
                "p3",
                "Upstream logging",
                evidence=(ev("p3", "for", 1, 0.5), ev("p3", "against", 1, 0.8)),
            ),
        ),
    )
