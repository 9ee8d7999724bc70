"""The debate as plain immutable data.

A debate is what a history handout lays out: a question, competing positions
(explanations), who holds each, the evidence for and against each, counter-points
that rebut one specific supporting point, a conclusion and a balance sheet of
consequences. Nothing here does I/O; readers and writers live in ``formats``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

Stance = Literal["for", "against"]
Polarity = Literal["positive", "negative"]
FigureKind = Literal["count", "fraction", "percent", "money"]
AchRatingValue = Literal["CC", "C", "N", "I", "II", "NA"]

STANCES: tuple[Stance, ...] = ("for", "against")
POLARITIES: tuple[Polarity, ...] = ("positive", "negative")
ACH_RATINGS: tuple[AchRatingValue, ...] = ("CC", "C", "N", "I", "II", "NA")
DEFAULT_WEIGHT = 0.5
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Source:
    """Where a node came from in the document it was imported from."""

    file: str | None = None
    line_start: int | None = None
    line_end: int | None = None

    def describe(self) -> str:
        if self.line_start is None:
            return self.file or ""
        lines = (
            f"{self.line_start}"
            if self.line_end in (None, self.line_start)
            else f"{self.line_start}-{self.line_end}"
        )
        return f"{self.file}:{lines}" if self.file else f"line {lines}"


@dataclass(frozen=True)
class Figure:
    """A number found inside a piece of evidence, kept with its own wording.

    ``value`` is the number itself (a fraction 3/5 has value 3 and ``of`` 5);
    ``unit`` is what is counted ("dead", "Marshals") when the text says so.
    """

    text: str
    value: float
    kind: FigureKind = "count"
    of: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Historian:
    """A historian or school as written in the document, plus a canonical key.

    The key makes "Ezhov"/"Yezhov" or "Shapiro"/"Schapiro" one person while the
    spelling the teacher used is kept for display.
    """

    name: str
    key: str


@dataclass(frozen=True)
class AchRating:
    """An analyst's own ACH rating of one evidence item against one position.

    Kept on the evidence item (like ``rebuts``) so that deleting the item takes
    its ratings with it; ``position`` names the hypothesis column.
    """

    position: str
    rating: AchRatingValue


@dataclass(frozen=True)
class Evidence:
    """A point for or against its position, plus the analyst's ACH judgements of it.

    ``ach`` holds the cells an analyst rated by hand (every other cell of the ACH
    matrix is derived); ``credibility`` and ``relevance`` are the analyst's
    weights for the item in ACH (None: derived from ``weight`` / 1).
    """

    id: str
    stance: Stance
    text: str
    label: str | None = None
    years: tuple[int, ...] = ()
    figures: tuple[Figure, ...] = ()
    rebuts: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    weight: float = DEFAULT_WEIGHT
    source: Source | None = None
    ach: tuple[AchRating, ...] = ()
    credibility: float | None = None
    relevance: float | None = None


@dataclass(frozen=True)
class Position:
    id: str
    title: str
    summary: str = ""
    historians: tuple[Historian, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    weight: float = DEFAULT_WEIGHT
    source: Source | None = None

    @property
    def supporting(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.stance == "for")

    @property
    def countering(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.stance == "against")


@dataclass(frozen=True)
class Conclusion:
    text: str
    source: Source | None = None


@dataclass(frozen=True)
class Consequence:
    id: str
    polarity: Polarity
    text: str
    category: str | None = None
    weight: float = DEFAULT_WEIGHT
    source: Source | None = None


@dataclass(frozen=True)
class Warning:
    """Something a reader could not understand, kept with the debate so nothing is silently lost."""

    code: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class Debate:
    title: str
    question: str = ""
    positions: tuple[Position, ...] = ()
    conclusion: Conclusion | None = None
    consequences: tuple[Consequence, ...] = ()
    warnings: tuple[Warning, ...] = ()
    source_file: str | None = None
    version: int = FORMAT_VERSION

    # -- navigation helpers (pure) -------------------------------------------------
    def iter_evidence(self) -> Iterator[tuple[Position, Evidence]]:
        for position in self.positions:
            for item in position.evidence:
                yield position, item

    def evidence_by_id(self) -> dict[str, Evidence]:
        return {e.id: e for _, e in self.iter_evidence()}

    def position_of(self) -> dict[str, Position]:
        """Map every evidence id to the position it belongs to."""
        return {e.id: p for p, e in self.iter_evidence()}

    def position_by_id(self) -> dict[str, Position]:
        return {p.id: p for p in self.positions}

    def node_ids(self) -> list[str]:
        ids = [p.id for p in self.positions]
        ids += [e.id for _, e in self.iter_evidence()]
        ids += [c.id for c in self.consequences]
        return ids

    def historians(self) -> dict[str, list[tuple[Historian, Position]]]:
        """Historians by canonical key, each with the positions they hold."""
        out: dict[str, list[tuple[Historian, Position]]] = {}
        for position in self.positions:
            for historian in position.historians:
                out.setdefault(historian.key, []).append((historian, position))
        return out

    def rebuttal_pairs(self) -> list[tuple[Evidence, Evidence]]:
        """(counter-point, the point it rebuts) for every resolvable rebuttal."""
        by_id = self.evidence_by_id()
        return [
            (e, by_id[target])
            for _, e in self.iter_evidence()
            for target in e.rebuts
            if target in by_id
        ]

    def ach_ratings(self) -> dict[tuple[str, str], AchRatingValue]:
        """The analyst's ACH cells, (evidence id, position id) -> rating."""
        return {(e.id, r.position): r.rating for _, e in self.iter_evidence() for r in e.ach}

    def without_nodes(self, removed: set[str]) -> Debate:
        """A copy without the ``removed`` nodes and without any reference to them.

        Deleting a position takes its evidence with it; rebuttals naming a removed
        point and ACH ratings naming a removed position go too, so nothing dangles
        (the store does the same when it deletes rows).
        """
        gone = set(removed)
        gone |= {e.id for p in self.positions if p.id in gone for e in p.evidence}

        def ev(e: Evidence) -> Evidence:
            rebuts = tuple(t for t in e.rebuts if t not in gone)
            ach = tuple(r for r in e.ach if r.position not in gone)
            if rebuts == e.rebuts and ach == e.ach:
                return e
            return replace(e, rebuts=rebuts, ach=ach)

        positions = tuple(
            replace(p, evidence=tuple(ev(e) for e in p.evidence if e.id not in gone))
            for p in self.positions
            if p.id not in gone
        )
        consequences = tuple(c for c in self.consequences if c.id not in gone)
        return replace(self, positions=positions, consequences=consequences)

    def with_weights(self, weights: dict[str, float]) -> Debate:
        """A copy with some node weights replaced (ids not present are ignored)."""

        def ev(e: Evidence) -> Evidence:
            return replace(e, weight=weights[e.id]) if e.id in weights else e

        positions = tuple(
            replace(
                p,
                weight=weights.get(p.id, p.weight),
                evidence=tuple(ev(e) for e in p.evidence),
            )
            for p in self.positions
        )
        consequences = tuple(
            replace(c, weight=weights[c.id]) if c.id in weights else c for c in self.consequences
        )
        return replace(self, positions=positions, consequences=consequences)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a debate, located by node id and field."""

    code: str
    message: str
    node: str | None = None
    field: str | None = None
    severity: Literal["error", "warning"] = "error"
    line: int | None = None
