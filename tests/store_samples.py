"""Debates written for these tests (own wording), small and large."""

from __future__ import annotations

from quaestio.model import (
    AchRating,
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Figure,
    Historian,
    Position,
    Source,
    Warning,
)

TOPICS = [
    ("Money troubles", "Debased coinage and heavy taxes hollowed out the state."),
    (
        "Pressure on the frontier",
        "Migrating peoples pushed across the rivers faster than armies could answer.",
    ),
    ("Civil wars", "Rival generals spent the army fighting each other."),
    ("Plague", "Epidemics thinned the towns that paid for everything."),
]


def sample_debate(
    positions: int = 3, per_side: int = 2, source_file: str | None = "rome.json"
) -> Debate:
    """A debate with rebuttals, historians, figures, sources, ACH judgements, a conclusion and consequences."""
    out = []
    for i in range(1, positions + 1):
        title, summary = TOPICS[(i - 1) % len(TOPICS)]
        pid = f"p{i}"
        items = []
        for k in range(1, per_side + 1):
            items.append(
                Evidence(
                    id=f"{pid}.f{k}",
                    stance="for",
                    text=f"Point {k} for {title.lower()}: in {300 + 10 * k} AD "
                    f"some {k * 3} legions were short of pay.",
                    label=f"Point {k}",
                    years=(300 + 10 * k,),
                    figures=(Figure(f"{k * 3} legions", float(k * 3), "count", None, "legions"),),
                    weight=0.25 + 0.05 * k,
                    source=Source(source_file, 10 * i + k, 10 * i + k),
                    credibility=0.6 if k == 1 else None,
                )
            )
        for k in range(1, per_side + 1):
            items.append(
                Evidence(
                    id=f"{pid}.a{k}",
                    stance="against",
                    text=f"Counter {k} to {title.lower()}: the east kept paying its troops.",
                    rebuts=(f"{pid}.f{k}",),
                    references=("Gibbon",) if k == 1 else (),
                    weight=0.5,
                    # the analyst's own ACH judgement: this counter also tells against the next cause
                    ach=(AchRating(f"p{i % positions + 1}", "I"),) if k == 1 else (),
                    relevance=0.75 if k == 1 else None,
                )
            )
        out.append(
            Position(
                id=pid,
                title=title,
                summary=summary,
                historians=(
                    Historian("Gibbon", "gibbon"),
                    Historian(f"Scholar {i}", f"scholar {i}"),
                ),
                evidence=tuple(items),
                weight=0.5,
                source=Source(source_file, 10 * i, 10 * i + 9),
            )
        )
    return Debate(
        title=f"Why did the Western Empire fall? ({positions} positions)",
        question="Why did the Western Roman Empire fall?",
        positions=tuple(out),
        conclusion=Conclusion("Several causes worked together.", Source(source_file, 99, 99)),
        consequences=(
            Consequence("c.pos1", "positive", "New kingdoms grew up.", "politics", 0.4),
            Consequence("c.neg1", "negative", "Trade across the sea shrank.", "economy", 0.7),
        ),
        warnings=(Warning("unread_line", "a line was not understood", 42),),
        source_file=source_file,
    )
