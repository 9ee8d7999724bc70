"""The graph's own parts between the model and their rows: relations, arguments,
schools and the conclusion's claims.

Kept apart from ``convert`` (the table's positions, points and consequences) so
that each stays one job; ``convert`` calls in here when it writes or rebuilds a
whole debate. Order is kept by ``ord``; ids are the model's ("r1", "g1", "s1", "k1").
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quaestio.model import (
    DEFAULT_WEIGHT,
    Argument,
    ConclusionClaim,
    Debate,
    Judgement,
    Relation,
    School,
    Source,
)
from quaestio.store.models import ArgumentRow, ConclusionClaimRow, RelationRow, SchoolRow


def source_to_json(source: Source | None) -> dict[str, Any] | None:
    if source is None:
        return None
    out: dict[str, Any] = {
        "file": source.file,
        "line_start": source.line_start,
        "line_end": source.line_end,
    }
    if source.element is not None:
        out["element"] = source.element
    return out


def source_from_json(data: dict[str, Any] | None) -> Source | None:
    if data is None:
        return None
    return Source(
        data.get("file"), data.get("line_start"), data.get("line_end"), data.get("element")
    )


def relation_row(debate_id: int, relation: Relation, ord_: int) -> RelationRow:
    return RelationRow(
        debate_id=debate_id,
        relation_id=relation.id,
        kind=relation.kind,
        source_node=relation.source,
        target_node=relation.target,
        text=relation.text,
        origin=source_to_json(relation.origin),
        weight=float(relation.weight),
        ord=ord_,
    )


def relation_from_row(row: RelationRow) -> Relation:
    assert row.relation_id is not None
    return Relation(
        id=row.relation_id,
        kind=row.kind,  # type: ignore[arg-type]
        source=row.source_node,
        target=row.target_node,
        text=row.text,
        origin=source_from_json(row.origin),
        weight=DEFAULT_WEIGHT if row.weight is None else row.weight,
    )


def argument_row(debate_id: int, argument: Argument, ord_: int) -> ArgumentRow:
    return ArgumentRow(
        debate_id=debate_id,
        node_id=argument.id,
        ord=ord_,
        title=argument.title,
        premises=list(argument.premises),
        conclusion=argument.conclusion,
        inference=argument.inference,
        origin=source_to_json(argument.origin),
    )


def argument_from_row(row: ArgumentRow) -> Argument:
    return Argument(
        id=row.node_id,
        title=row.title,
        premises=tuple(row.premises),
        conclusion=row.conclusion,
        inference=row.inference,
        origin=source_from_json(row.origin),
    )


def school_row(debate_id: int, school: School, ord_: int) -> SchoolRow:
    return SchoolRow(
        debate_id=debate_id,
        node_id=school.id,
        ord=ord_,
        name=school.name,
        positions=list(school.positions),
        description=school.description,
    )


def school_from_row(row: SchoolRow) -> School:
    return School(
        id=row.node_id,
        name=row.name,
        positions=tuple(row.positions),
        description=row.description,
    )


def judgements_to_json(judgements: tuple[Judgement, ...]) -> list[dict[str, str]]:
    return [{"position": j.position, "verdict": j.verdict} for j in judgements]


def claim_row(debate_id: int, claim: ConclusionClaim, ord_: int) -> ConclusionClaimRow:
    return ConclusionClaimRow(
        debate_id=debate_id,
        node_id=claim.id,
        ord=ord_,
        text=claim.text,
        judgements=judgements_to_json(claim.judgements),
        weight=float(claim.weight),
        source=source_to_json(claim.source),
    )


def claim_from_row(row: ConclusionClaimRow) -> ConclusionClaim:
    return ConclusionClaim(
        id=row.node_id,
        text=row.text,
        judgements=tuple(
            Judgement(j["position"], j["verdict"])  # type: ignore[arg-type]
            for j in row.judgements
        ),
        source=source_from_json(row.source),
        weight=row.weight,
    )


def add_graph(session: Session, debate_id: int, debate: Debate, relation_ord: int = 0) -> None:
    """Insert the debate's relations, arguments, schools and conclusion claims."""
    for i, relation in enumerate(debate.relations):
        session.add(relation_row(debate_id, relation, relation_ord + i))
    for i, argument in enumerate(debate.arguments):
        session.add(argument_row(debate_id, argument, i))
    for i, school in enumerate(debate.schools):
        session.add(school_row(debate_id, school, i))
    for i, claim in enumerate(debate.conclusion_claims):
        session.add(claim_row(debate_id, claim, i))


def relation_rows(session: Session, debate_id: int) -> list[RelationRow]:
    """The graph's relations of a debate (not the rebuttals), in order."""
    return list(
        session.scalars(
            select(RelationRow)
            .where(RelationRow.debate_id == debate_id, RelationRow.relation_id.is_not(None))
            .order_by(RelationRow.ord, RelationRow.id)
        )
    )


def relations(session: Session, debate_id: int) -> tuple[Relation, ...]:
    return tuple(relation_from_row(r) for r in relation_rows(session, debate_id))


def arguments(session: Session, debate_id: int) -> tuple[Argument, ...]:
    rows = session.scalars(
        select(ArgumentRow).where(ArgumentRow.debate_id == debate_id).order_by(ArgumentRow.ord)
    )
    return tuple(argument_from_row(r) for r in rows)


def schools(session: Session, debate_id: int) -> tuple[School, ...]:
    rows = session.scalars(
        select(SchoolRow).where(SchoolRow.debate_id == debate_id).order_by(SchoolRow.ord)
    )
    return tuple(school_from_row(r) for r in rows)


def conclusion_claims(session: Session, debate_id: int) -> tuple[ConclusionClaim, ...]:
    rows = session.scalars(
        select(ConclusionClaimRow)
        .where(ConclusionClaimRow.debate_id == debate_id)
        .order_by(ConclusionClaimRow.ord)
    )
    return tuple(claim_from_row(r) for r in rows)
