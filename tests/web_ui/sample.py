"""A small debate written for these tests (our own wording, shaped like a handout)."""

from __future__ import annotations

from quaestio.model import (
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Historian,
    Position,
    Source,
)


def _src(a: int, b: int | None = None) -> Source:
    return Source("purges-sample.txt", a, b or a)


def sample_debate(title: str = "Why did the purges happen?") -> Debate:
    planned = Position(
        "p1",
        "Stalin planned the purges",
        "A deliberate campaign run from the top to remove every possible rival.",
        (Historian("Conquest", "conquest"), Historian("Fainsod", "fainsod")),
        (
            Evidence(
                "p1.f1",
                "for",
                "Public show trials of old Bolsheviks staged in Moscow.",
                label="Show trials",
                years=(1936, 1938),
                weight=0.7,
                source=_src(10, 12),
            ),
            Evidence(
                "p1.f2",
                "for",
                "Most delegates of the 1934 congress were dead within a few years.",
                label="Congress delegates",
                years=(1934,),
                weight=0.6,
                source=_src(13),
            ),
            Evidence(
                "p1.a1",
                "against",
                "In 1933 half of the camp prisoners were released, not the act of a planner.",
                label="Prisoners released",
                years=(1933,),
                rebuts=("p1.f1",),
                weight=0.5,
                source=_src(15, 16),
            ),
        ),
        source=_src(5, 8),
    )
    paranoia = Position(
        "p2",
        "Stalin's paranoia",
        "Suspicion of plots everywhere drove an ever wider circle of arrests.",
        (Historian("Tucker", "tucker"), Historian("Medvedev", "medvedev")),
        (
            Evidence(
                "p2.f1",
                "for",
                "Loyal officials were arrested on charges of spying.",
                label="Loyalists arrested",
                years=(1937,),
                weight=0.5,
                source=_src(20),
            ),
            Evidence(
                "p2.a1",
                "against",
                "Arrest quotas were set by regional officials as well.",
                label="Regional quotas",
                years=(1937,),
                rebuts=("p2.f1",),
                weight=0.4,
                source=_src(22),
            ),
        ),
        source=_src(18, 19),
    )
    chaos = Position(
        "p3",
        "Pressure from below",
        "Local bosses and the secret police pushed the terror further than Moscow asked.",
        (Historian("Getty", "getty"), Historian("Ezhov", "yezhov")),
        (
            Evidence(
                "p3.f1",
                "for",
                "The secret police chief pressed for mass operations in 1937.",
                label="Police pressure",
                years=(1937,),
                weight=0.6,
                source=_src(30),
            ),
            Evidence(
                "p3.a1",
                "against",
                "Stalin signed the lists of those to be shot himself.",
                label="Signed lists",
                years=(1937, 1938),
                weight=0.7,
                source=_src(32),
            ),
        ),
        source=_src(28, 29),
    )
    return Debate(
        title=title,
        question="How far was Stalin responsible for the Great Terror?",
        positions=(planned, paranoia, chaos),
        conclusion=Conclusion("Historians still weigh intention against chaos.", _src(40)),
        consequences=(
            Consequence(
                "c.pos1", "positive", "Rivals to the leadership were removed.", "Political", 0.6
            ),
            Consequence(
                "c.neg1", "negative", "The army lost most of its senior officers.", "Military", 0.8
            ),
            Consequence("c.neg2", "negative", "Industry lost skilled managers.", "Economic", 0.5),
        ),
        source_file="purges-sample.txt",
    )


def big_debate(n_positions: int = 40, per_position: int = 49) -> Debate:
    """About 2,000 nodes, for the map's smoothness check."""
    positions = []
    for i in range(1, n_positions + 1):
        evidence = []
        for j in range(1, per_position + 1):
            stance = "for" if j % 3 else "against"
            eid = f"p{i}.{'f' if stance == 'for' else 'a'}{j}"
            rebuts = (f"p{i}.f1",) if stance == "against" and j == 3 else ()
            evidence.append(
                Evidence(
                    eid,
                    stance,
                    f"Point {j} about explanation {i}.",
                    years=(1930 + j % 10,),
                    rebuts=rebuts,
                    weight=0.3 + (j % 5) / 10,
                )
            )
        positions.append(Position(f"p{i}", f"Explanation {i}", evidence=tuple(evidence)))
    return Debate(title="A very large debate", positions=tuple(positions))
