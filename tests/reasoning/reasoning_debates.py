"""Small debates built in code for the reasoning tests (wording is our own)."""

from __future__ import annotations

import numpy as np

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


def random_debate(
    positions: int, per_position: int, seed: int, rebut: float = 0.3, cycles: bool = False
) -> Debate:
    """Distinct random weights (no ties), counter-points rebutting earlier points."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(1, positions + 1):
        pid = f"p{i}"
        items: list[Evidence] = []
        for j in range(1, per_position + 1):
            stance = "for" if rng.random() < 0.6 else "against"
            earlier = [e.id for e in items if e.stance == "for"]
            rebuts: tuple[str, ...] = ()
            if stance == "against" and earlier and rng.random() < rebut:
                rebuts = (str(rng.choice(earlier)),)
            weight = round(float(rng.uniform(0.05, 0.95)), 6)
            items.append(ev(pid, stance, j, weight, rebuts))
        if cycles and len(items) >= 2:
            # a for-point and a counter-point that rebut each other: an attack cycle
            a = next((e for e in items if e.stance == "against" and not e.rebuts), None)
            f = next((e for e in items if e.stance == "for"), None)
            if a is not None and f is not None:
                items = [
                    Evidence(e.id, e.stance, e.text, weight=e.weight, rebuts=(f.id,))
                    if e is a
                    else Evidence(e.id, e.stance, e.text, weight=e.weight, rebuts=(a.id,))
                    if e is f
                    else e
                    for e in items
                ]
        weight = round(float(rng.uniform(0.3, 0.7)), 6)
        out.append(Position(pid, f"position {i}", evidence=tuple(items), weight=weight))
    return Debate(title="random", positions=tuple(out))


def linked_debate(positions: int, per_position: int, seed: int) -> Debate:
    """``random_debate`` with cycles, and each position's first counter-point also
    rebutting a point of the next position: one part, every position linked."""
    base = random_debate(positions, per_position, seed=seed, rebut=0.3, cycles=True)
    out = []
    for i, p in enumerate(base.positions):
        after = base.positions[(i + 1) % len(base.positions)]
        target = next(e.id for e in after.evidence if e.stance == "for")
        first = next(e.id for e in p.evidence if e.stance == "against")
        items = tuple(
            Evidence(e.id, e.stance, e.text, weight=e.weight, rebuts=(*e.rebuts, target))
            if e.id == first
            else e
            for e in p.evidence
        )
        out.append(Position(p.id, p.title, weight=p.weight, evidence=items))
    return Debate(title="linked", positions=tuple(out))
