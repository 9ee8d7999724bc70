"""The debate as plain immutable data.

A debate is what a history handout lays out: a question, competing positions
(explanations), who holds each, the evidence for and against each, counter-points
that rebut one specific supporting point, a conclusion and a balance sheet of
consequences. Nothing here does I/O; readers and writers live in ``formats``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from quaestio.model.graph import Argument, ConclusionClaim, Relation, School
from quaestio.model.source import DEFAULT_WEIGHT, Source

Stance = Literal["for", "against"]
Polarity = Literal["positive", "negative"]
FigureKind = Literal["count", "fraction", "percent", "money"]
AchRatingValue = Literal["CC", "C", "N", "I", "II", "NA"]

STANCES: tuple[Stance, ...] = ("for", "against")
POLARITIES: tuple[Polarity, ...] = ("positive", "negative")
ACH_RATINGS: tuple[AchRatingValue, ...] = ("CC", "C", "N", "I", "II", "NA")
FORMAT_VERSION = 2


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
    spelling the teacher used is kept for display. ``stance`` is "against" when the
    historian disputes the claim the entry is attached to (a position or a point).
    """

    name: str
    key: str
    stance: Stance = "for"


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
    """A point (a claim below a position) for or against what it answers.

    ``parent`` is the id of the point of the same position this point answers, None
    when it answers the position itself; ``stance`` is relative to that parent. Points
    of every depth sit flat in ``Position.evidence`` in document order, so code that
    walks a position's points sees them all; nested ids extend the parent's id
    (``p1.f2.a1`` is the first point against ``p1.f2``).

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
    parent: str | None = None
    historians: tuple[Historian, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Position:
    id: str
    title: str
    summary: str = ""
    historians: tuple[Historian, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    weight: float = DEFAULT_WEIGHT
    source: Source | None = None
    #: tags of the position as a claim (an Argdown statement's ``#tags``)
    tags: tuple[str, ...] = ()

    @property
    def top_level(self) -> tuple[Evidence, ...]:
        """The points that answer the position itself: the handout's two columns."""
        return tuple(e for e in self.evidence if e.parent is None)

    @property
    def supporting(self) -> tuple[Evidence, ...]:
        """The for column: top-level points for the position (nested points are not in it)."""
        return tuple(e for e in self.evidence if e.stance == "for" and e.parent is None)

    @property
    def countering(self) -> tuple[Evidence, ...]:
        """The against column: top-level points against the position."""
        return tuple(e for e in self.evidence if e.stance == "against" and e.parent is None)

    def children_of(self, claim_id: str) -> tuple[Evidence, ...]:
        """The points answering ``claim_id`` (the position's id: its top-level points)."""
        if claim_id == self.id:
            return self.top_level
        return tuple(e for e in self.evidence if e.parent == claim_id)


@dataclass(frozen=True)
class Conclusion:
    """The author's conclusion: the text as written, and its sentences as claims."""

    text: str
    source: Source | None = None
    claims: tuple[ConclusionClaim, ...] = ()


@dataclass(frozen=True)
class Consequence:
    """An outcome of the events debated (the handout's table of consequences).

    A consequence is also a claim: a relation may say that it supports (or attacks) a
    position, as when the historians who explain an event by who gained from it cite it.
    """

    id: str
    polarity: Polarity
    text: str
    category: str | None = None
    weight: float = DEFAULT_WEIGHT
    source: Source | None = None


Claim = Position | Evidence | ConclusionClaim | Consequence


@dataclass(frozen=True)
class Warning:
    """Something a reader could not understand, kept with the debate so nothing is silently lost."""

    code: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class Debate:
    """A whole debate: the handout's table plus the argument graph around it.

    ``relations``, ``arguments`` and ``schools`` hold what the position/point tree
    cannot: links across positions, undercuts, contraries, rephrases, attacks on
    relations, premise-conclusion structures and named groups of positions.
    """

    title: str
    question: str = ""
    positions: tuple[Position, ...] = ()
    conclusion: Conclusion | None = None
    consequences: tuple[Consequence, ...] = ()
    warnings: tuple[Warning, ...] = ()
    source_file: str | None = None
    version: int = FORMAT_VERSION
    relations: tuple[Relation, ...] = ()
    arguments: tuple[Argument, ...] = ()
    schools: tuple[School, ...] = ()

    # -- navigation helpers (pure) -------------------------------------------------
    def iter_evidence(self) -> Iterator[tuple[Position, Evidence]]:
        """Every point of every depth with its position, in document order."""
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

    @property
    def conclusion_claims(self) -> tuple[ConclusionClaim, ...]:
        return () if self.conclusion is None else self.conclusion.claims

    def node_ids(self) -> list[str]:
        """Ids of the table's nodes: positions, points (every depth) and consequences."""
        ids = [p.id for p in self.positions]
        ids += [e.id for _, e in self.iter_evidence()]
        ids += [c.id for c in self.consequences]
        return ids

    def claim_ids(self) -> list[str]:
        """Ids a relation or argument may name: positions, points, conclusion claims and
        consequences."""
        ids = [p.id for p in self.positions]
        ids += [e.id for _, e in self.iter_evidence()]
        ids += [k.id for k in self.conclusion_claims]
        ids += [c.id for c in self.consequences]
        return ids

    def all_ids(self) -> list[str]:
        """Every id of the debate, of every kind (ids are unique across kinds)."""
        ids = self.node_ids()
        ids += [k.id for k in self.conclusion_claims]
        ids += [r.id for r in self.relations]
        ids += [a.id for a in self.arguments]
        ids += [s.id for s in self.schools]
        return ids

    def claims_by_id(self) -> dict[str, Claim]:
        out: dict[str, Claim] = {p.id: p for p in self.positions}
        out.update(self.evidence_by_id())
        out.update({k.id: k for k in self.conclusion_claims})
        out.update({c.id: c for c in self.consequences})
        return out

    def relation_by_id(self) -> dict[str, Relation]:
        return {r.id: r for r in self.relations}

    def answers(self) -> dict[str, str]:
        """Map every point id to the claim it answers: its parent point, or its position."""
        return {e.id: e.parent or p.id for p, e in self.iter_evidence()}

    def children_of(self, claim_id: str) -> tuple[Evidence, ...]:
        """The points answering ``claim_id`` (a position's top-level points, or a point's)."""
        return tuple(e for p, e in self.iter_evidence() if (e.parent or p.id) == claim_id)

    def descendants_of(self, claim_ids: Iterable[str]) -> set[str]:
        """Ids of every point below any of ``claim_ids`` (not including them)."""
        below: dict[str, list[str]] = {}
        for parent, child in self.answers().items():
            below.setdefault(child, []).append(parent)
        out: set[str] = set()
        stack = list(claim_ids)
        while stack:
            for child in below.get(stack.pop(), ()):
                if child not in out:
                    out.add(child)
                    stack.append(child)
        return out

    def depths(self) -> dict[str, int]:
        """Depth of every point: 1 for a top-level point, 2 for a point answering it..."""
        parents = {e.id: e.parent for _, e in self.iter_evidence()}
        out: dict[str, int] = {}
        for node in parents:
            depth, cursor, seen = 1, parents[node], {node}
            while cursor is not None and cursor in parents and cursor not in seen:
                seen.add(cursor)
                depth += 1
                cursor = parents[cursor]
            out[node] = depth
        return out

    def relations_touching(self, node_id: str) -> tuple[Relation, ...]:
        """Relations whose source or target is ``node_id`` (a claim or a relation)."""
        return tuple(r for r in self.relations if node_id in (r.source, r.target))

    def schools_of(self, position_id: str) -> tuple[School, ...]:
        return tuple(s for s in self.schools if position_id in s.positions)

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

        Deleting a position takes its points with it, deleting a point takes the points
        below it; rebuttals, relations (and relations aimed at those), arguments,
        judgements and school members naming a removed node go too, so nothing dangles
        (the store does the same when it deletes rows). ``removed`` may also name
        relations, arguments, schools and conclusion claims.
        """
        gone = set(removed)
        gone |= {e.id for p in self.positions if p.id in gone for e in p.evidence}
        if any(e.parent is not None for _, e in self.iter_evidence()):
            gone |= self.descendants_of(gone)

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
        if not (self.relations or self.arguments or self.schools or self.conclusion_claims):
            return replace(self, positions=positions, consequences=consequences)
        conclusion = self.conclusion
        if conclusion is not None and conclusion.claims:
            claims = tuple(
                replace(k, judgements=tuple(j for j in k.judgements if j.position not in gone))
                for k in conclusion.claims
                if k.id not in gone
            )
            conclusion = replace(conclusion, claims=claims)
        relations = list(self.relations)
        while True:  # a relation aimed at a dropped relation goes too
            kept = [r for r in relations if not {r.id, r.source, r.target} & gone]
            gone |= {r.id for r in relations} - {r.id for r in kept}
            if len(kept) == len(relations):
                break
            relations = kept
        arguments = tuple(
            a
            for a in self.arguments
            if a.id not in gone and a.conclusion not in gone and not set(a.premises) & gone
        )
        schools = tuple(
            replace(s, positions=tuple(p for p in s.positions if p not in gone))
            for s in self.schools
            if s.id not in gone
        )
        return replace(
            self,
            positions=positions,
            consequences=consequences,
            conclusion=conclusion,
            relations=tuple(relations),
            arguments=arguments,
            schools=schools,
        )

    def with_weights(self, weights: dict[str, float]) -> Debate:
        """A copy with some weights replaced: positions, points of every depth,
        consequences, conclusion claims and relations (ids not present are ignored)."""

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
        out = replace(self, positions=positions, consequences=consequences)
        if self.relations:
            out = replace(
                out,
                relations=tuple(
                    replace(r, weight=weights[r.id]) if r.id in weights else r
                    for r in self.relations
                ),
            )
        if self.conclusion is not None and self.conclusion.claims:
            claims = tuple(
                replace(k, weight=weights[k.id]) if k.id in weights else k
                for k in self.conclusion.claims
            )
            out = replace(out, conclusion=replace(self.conclusion, claims=claims))
        return out


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a debate, located by node id and field."""

    code: str
    message: str
    node: str | None = None
    field: str | None = None
    severity: Literal["error", "warning"] = "error"
    line: int | None = None
