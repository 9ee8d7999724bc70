"""Between a ``quaestio.model.Debate`` and its normalised rows, in both directions.

Writing flattens the tree into positions, historians (of positions and of points),
evidence (each point naming the point it answers), relations (rebuttals and the
graph's typed relations), arguments, schools, the conclusion's claims, the
analyst's ACH ratings and consequences, with an ``ord`` column so order survives;
reading rebuilds exactly the same frozen dataclasses, so a debate read back
equals the one imported. The graph's own parts live in ``convert_graph``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from quaestio.model import (
    AchRating,
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Figure,
    Historian,
    Position,
    Warning,
)
from quaestio.store import convert_graph
from quaestio.store.convert_graph import source_from_json as source_from_json
from quaestio.store.convert_graph import source_to_json as source_to_json
from quaestio.store.models import (
    AchRatingRow,
    ConsequenceRow,
    DebateRow,
    EvidenceRow,
    HistorianRow,
    PositionRow,
    RelationRow,
)

REBUTS = "rebuts"


def figure_to_json(f: Figure) -> dict[str, Any]:
    return {"text": f.text, "value": f.value, "kind": f.kind, "of": f.of, "unit": f.unit}


def figure_from_json(d: dict[str, Any]) -> Figure:
    return Figure(d["text"], float(d["value"]), d.get("kind", "count"), d.get("of"), d.get("unit"))


def fill_debate_row(row: DebateRow, debate: Debate) -> None:
    """The debate's own fields; the conclusion's claims are rows of their own."""
    row.title = debate.title
    row.question = debate.question
    row.conclusion = (
        None
        if debate.conclusion is None
        else {"text": debate.conclusion.text, "source": source_to_json(debate.conclusion.source)}
    )
    row.warnings = [{"code": w.code, "message": w.message, "line": w.line} for w in debate.warnings]
    row.source_file = debate.source_file
    row.format_version = debate.version


def add_historians(
    session: Session, position_row: int, evidence_row: int | None, names: tuple[Historian, ...]
) -> None:
    """The historians of a position (``evidence_row`` None) or of one of its points."""
    for h_ord, historian in enumerate(names):
        session.add(
            HistorianRow(
                position_id=position_row,
                evidence_id=evidence_row,
                ord=h_ord,
                name=historian.name,
                key=historian.key,
                stance=historian.stance,
            )
        )


def historian_from_row(row: HistorianRow) -> Historian:
    return Historian(row.name, row.key, row.stance)  # type: ignore[arg-type]


def add_nodes(session: Session, debate_id: int, debate: Debate) -> None:
    """Insert every node of ``debate`` under an existing debate row."""
    relation_ord = ach_ord = 0
    for p_ord, position in enumerate(debate.positions):
        prow = PositionRow(
            debate_id=debate_id,
            node_id=position.id,
            ord=p_ord,
            title=position.title,
            summary=position.summary,
            weight=float(position.weight),
            source=source_to_json(position.source),
            tags=list(position.tags),
        )
        session.add(prow)
        session.flush()
        add_historians(session, prow.id, None, position.historians)
        for e_ord, item in enumerate(position.evidence):
            erow = EvidenceRow(
                debate_id=debate_id,
                position_id=prow.id,
                node_id=item.id,
                ord=e_ord,
                stance=item.stance,
                label=item.label,
                text=item.text,
                years=list(item.years),
                figures=[figure_to_json(f) for f in item.figures],
                references=list(item.references),
                weight=float(item.weight),
                source=source_to_json(item.source),
                credibility=item.credibility,
                relevance=item.relevance,
                parent=item.parent,
                tags=list(item.tags),
            )
            session.add(erow)
            if item.historians:
                session.flush()
                add_historians(session, prow.id, erow.id, item.historians)
            for rating in item.ach:
                session.add(
                    AchRatingRow(
                        debate_id=debate_id,
                        evidence_node=item.id,
                        position_node=rating.position,
                        rating=rating.rating,
                        ord=ach_ord,
                    )
                )
                ach_ord += 1
            for target in item.rebuts:
                session.add(
                    RelationRow(
                        debate_id=debate_id,
                        kind=REBUTS,
                        source_node=item.id,
                        target_node=target,
                        ord=relation_ord,
                    )
                )
                relation_ord += 1
    convert_graph.add_graph(session, debate_id, debate, relation_ord)
    for c_ord, consequence in enumerate(debate.consequences):
        session.add(
            ConsequenceRow(
                debate_id=debate_id,
                node_id=consequence.id,
                ord=c_ord,
                polarity=consequence.polarity,
                text=consequence.text,
                category=consequence.category,
                weight=float(consequence.weight),
                source=source_to_json(consequence.source),
            )
        )
    session.flush()


def evidence_from_row(
    row: EvidenceRow | Row[Any],
    rebuts: tuple[str, ...],
    ach: tuple[AchRating, ...] = (),
    historians: tuple[Historian, ...] = (),
) -> Evidence:
    """A point from its row: the ORM object, or a row of ``EVIDENCE_COLUMNS``."""
    figures = row.figures
    return Evidence(
        id=row.node_id,
        stance=row.stance,  # type: ignore[arg-type]
        text=row.text,
        label=row.label,
        years=tuple(row.years),
        figures=tuple(figure_from_json(f) for f in figures) if figures else (),
        rebuts=rebuts,
        references=tuple(row.references),
        weight=row.weight,
        source=source_from_json(row.source),
        ach=ach,
        credibility=row.credibility,
        relevance=row.relevance,
        parent=row.parent,
        historians=historians,
        tags=tuple(row.tags or ()),
    )


def consequence_from_row(row: ConsequenceRow) -> Consequence:
    return Consequence(
        id=row.node_id,
        polarity=row.polarity,  # type: ignore[arg-type]
        text=row.text,
        category=row.category,
        weight=row.weight,
        source=source_from_json(row.source),
    )


def rebuttals(session: Session, debate_id: int) -> dict[str, list[str]]:
    rows = session.execute(
        select(RelationRow.source_node, RelationRow.target_node)
        .where(RelationRow.debate_id == debate_id, RelationRow.kind == REBUTS)
        .order_by(RelationRow.ord, RelationRow.id)
    )
    out: dict[str, list[str]] = {}
    for source, target in rows:
        out.setdefault(source, []).append(target)
    return out


def ach_ratings(session: Session, debate_id: int) -> dict[str, list[AchRating]]:
    """The analyst's ACH ratings of a debate, by evidence id, in the order they were set."""
    rows = session.execute(
        select(AchRatingRow.evidence_node, AchRatingRow.position_node, AchRatingRow.rating)
        .where(AchRatingRow.debate_id == debate_id)
        .order_by(AchRatingRow.ord, AchRatingRow.id)
    )
    out: dict[str, list[AchRating]] = {}
    for evidence, position, rating in rows:
        out.setdefault(evidence, []).append(AchRating(position, rating))  # type: ignore[arg-type]
    return out


#: what rebuilding a point reads of its row (columns, not ORM objects: at 2,000 points
#: making and tracking the objects was half the time of the whole rebuild)
EVIDENCE_COLUMNS = (
    EvidenceRow.id,
    EvidenceRow.position_id,
    EvidenceRow.node_id,
    EvidenceRow.stance,
    EvidenceRow.label,
    EvidenceRow.text,
    EvidenceRow.years,
    EvidenceRow.figures,
    EvidenceRow.references,
    EvidenceRow.weight,
    EvidenceRow.source,
    EvidenceRow.credibility,
    EvidenceRow.relevance,
    EvidenceRow.parent,
    EvidenceRow.tags,
)


def debate_from_rows(session: Session, row: DebateRow) -> Debate:
    """Rebuild the frozen debate from its rows (ten queries, whatever its size).

    The many rows (positions, points, historians, rebuttals, ratings) are read as
    columns and made straight into the model's frozen objects; what they hold was
    validated when it was written.
    """
    positions = list(
        session.execute(
            select(
                PositionRow.id,
                PositionRow.node_id,
                PositionRow.title,
                PositionRow.summary,
                PositionRow.weight,
                PositionRow.source,
                PositionRow.tags,
            )
            .where(PositionRow.debate_id == row.id)
            .order_by(PositionRow.ord)
        )
    )
    pids = [p.id for p in positions]
    historians: dict[int, list[Historian]] = {}
    point_historians: dict[int, list[Historian]] = {}
    if pids:
        for position_id, evidence_id, name, key, stance in session.execute(
            select(
                HistorianRow.position_id,
                HistorianRow.evidence_id,
                HistorianRow.name,
                HistorianRow.key,
                HistorianRow.stance,
            )
            .where(HistorianRow.position_id.in_(pids))
            .order_by(HistorianRow.position_id, HistorianRow.evidence_id, HistorianRow.ord)
        ):
            found = Historian(name, key, stance)  # type: ignore[arg-type]
            if evidence_id is None:
                historians.setdefault(position_id, []).append(found)
            else:
                point_historians.setdefault(evidence_id, []).append(found)
    evidence: dict[int, list[Row[Any]]] = {}
    for e in session.execute(
        select(*EVIDENCE_COLUMNS).where(EvidenceRow.debate_id == row.id).order_by(EvidenceRow.ord)
    ):
        evidence.setdefault(e.position_id, []).append(e)
    rebuts = rebuttals(session, row.id)
    ach = ach_ratings(session, row.id)
    consequences = session.scalars(
        select(ConsequenceRow)
        .where(ConsequenceRow.debate_id == row.id)
        .order_by(ConsequenceRow.ord)
    )
    conclusion = row.conclusion
    return Debate(
        title=row.title,
        question=row.question,
        positions=tuple(
            Position(
                id=p.node_id,
                title=p.title,
                summary=p.summary,
                historians=tuple(historians.get(p.id, ())),
                evidence=tuple(
                    evidence_from_row(
                        e,
                        tuple(rebuts.get(e.node_id, ())),
                        tuple(ach.get(e.node_id, ())),
                        tuple(point_historians.get(e.id, ())),
                    )
                    for e in evidence.get(p.id, ())
                ),
                weight=p.weight,
                source=source_from_json(p.source),
                tags=tuple(p.tags or ()),
            )
            for p in positions
        ),
        conclusion=(
            None
            if conclusion is None
            else Conclusion(
                conclusion["text"],
                source_from_json(conclusion.get("source")),
                convert_graph.conclusion_claims(session, row.id),
            )
        ),
        consequences=tuple(consequence_from_row(c) for c in consequences),
        warnings=tuple(Warning(w["code"], w["message"], w.get("line")) for w in row.warnings),
        source_file=row.source_file,
        version=row.format_version,
        relations=convert_graph.relations(session, row.id),
        arguments=convert_graph.arguments(session, row.id),
        schools=convert_graph.schools(session, row.id),
    )
