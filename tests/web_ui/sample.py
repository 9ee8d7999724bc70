"""A small debate written for these tests (our own wording, shaped like a handout)."""

from __future__ import annotations

from tests.sample_builder import SampleFile, balance_sheet, con, pro

from quaestio.model import Conclusion, Debate, Evidence, Position

HANDOUT = SampleFile("purges-sample.txt")


def sample_debate(title: str = "Why did the purges happen?") -> Debate:
    planned = HANDOUT.position(
        "p1",
        "Stalin planned the purges",
        "A deliberate campaign run from the top to remove every possible rival.",
        ["Conquest", "Fainsod"],
        [
            pro(
                "Public show trials of old Bolsheviks staged in Moscow.",
                label="Show trials",
                years=(1936, 1938),
                weight=0.7,
                line=(10, 12),
            ),
            pro(
                "Most delegates of the 1934 congress were dead within a few years.",
                label="Congress delegates",
                years=(1934,),
                weight=0.6,
                line=13,
            ),
            con(
                "In 1933 half of the camp prisoners were released, not the act of a planner.",
                label="Prisoners released",
                years=(1933,),
                rebuts=("f1",),
                weight=0.5,
                line=(15, 16),
            ),
        ],
        (5, 8),
    )
    paranoia = HANDOUT.position(
        "p2",
        "Stalin's paranoia",
        "Suspicion of plots everywhere drove an ever wider circle of arrests.",
        ["Tucker", "Medvedev"],
        [
            pro(
                "Loyal officials were arrested on charges of spying.",
                label="Loyalists arrested",
                years=(1937,),
                weight=0.5,
                line=20,
            ),
            con(
                "Arrest quotas were set by regional officials as well.",
                label="Regional quotas",
                years=(1937,),
                rebuts=("f1",),
                weight=0.4,
                line=22,
            ),
        ],
        (18, 19),
    )
    chaos = HANDOUT.position(
        "p3",
        "Pressure from below",
        "Local bosses and the secret police pushed the terror further than Moscow asked.",
        ["Getty", ("Ezhov", "yezhov")],
        [
            pro(
                "The secret police chief pressed for mass operations in 1937.",
                label="Police pressure",
                years=(1937,),
                weight=0.6,
                line=30,
            ),
            con(
                "Stalin signed the lists of those to be shot himself.",
                label="Signed lists",
                years=(1937, 1938),
                weight=0.7,
                line=32,
            ),
        ],
        (28, 29),
    )
    return Debate(
        title=title,
        question="How far was Stalin responsible for the Great Terror?",
        positions=(planned, paranoia, chaos),
        conclusion=Conclusion(
            "Historians still weigh intention against chaos.", HANDOUT.source(40)
        ),
        consequences=balance_sheet(
            ("positive", "Rivals to the leadership were removed.", "Political", 0.6),
            ("negative", "The army lost most of its senior officers.", "Military", 0.8),
            ("negative", "Industry lost skilled managers.", "Economic", 0.5),
        ),
        source_file=HANDOUT.name,
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
