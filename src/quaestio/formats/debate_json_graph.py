"""The graph half of debate JSON v2: nesting fields, relations, arguments, schools, claims.

Kept apart from ``debate_json`` (the table half) so each module stays one job. Fields
that only the graph uses are written only when set, so a debate that is just a table
writes the same points as before (plus the three top-level lists).
"""

from __future__ import annotations

from typing import Any

from quaestio.extract import historian_key
from quaestio.model import (
    DEFAULT_WEIGHT,
    Argument,
    ConclusionClaim,
    Debate,
    Evidence,
    Historian,
    Judgement,
    Relation,
    School,
    Source,
)


def source_dict(source: Source | None) -> dict[str, Any] | None:
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


def read_source(data: Any) -> Source | None:
    if not data:
        return None
    return Source(
        data.get("file"), data.get("line_start"), data.get("line_end"), data.get("element")
    )


def point_fields(e: Evidence) -> dict[str, Any]:
    """The graph fields of a point, only those that are set."""
    out: dict[str, Any] = {}
    if e.parent is not None:
        out["parent"] = e.parent
    if e.historians:
        out["historians"] = [
            {"name": h.name, "key": h.key, "stance": h.stance} for h in e.historians
        ]
    if e.tags:
        out["tags"] = list(e.tags)
    return out


def read_point_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "parent": data.get("parent"),
        "historians": tuple(
            Historian(h["name"], h.get("key") or historian_key(h["name"]), h.get("stance", "for"))
            for h in data.get("historians", ())
        ),
        "tags": tuple(data.get("tags", ())),
    }


def claims_list(claims: tuple[ConclusionClaim, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": k.id,
            "text": k.text,
            "judgements": [{"position": j.position, "verdict": j.verdict} for j in k.judgements],
            "weight": k.weight,
            "source": source_dict(k.source),
        }
        for k in claims
    ]


def read_claims(data: list[dict[str, Any]]) -> tuple[ConclusionClaim, ...]:
    return tuple(
        ConclusionClaim(
            k["id"],
            k["text"],
            tuple(Judgement(j["position"], j["verdict"]) for j in k.get("judgements", ())),
            read_source(k.get("source")),
            k.get("weight", DEFAULT_WEIGHT),
        )
        for k in data
    )


def graph_dict(debate: Debate) -> dict[str, Any]:
    return {
        "relations": [
            {
                "id": r.id,
                "kind": r.kind,
                "source": r.source,
                "target": r.target,
                "text": r.text,
                "weight": r.weight,
                "origin": source_dict(r.origin),
            }
            for r in debate.relations
        ],
        "arguments": [
            {
                "id": a.id,
                "title": a.title,
                "premises": list(a.premises),
                "conclusion": a.conclusion,
                "inference": a.inference,
                "origin": source_dict(a.origin),
            }
            for a in debate.arguments
        ],
        "schools": [
            {
                "id": s.id,
                "name": s.name,
                "positions": list(s.positions),
                "description": s.description,
            }
            for s in debate.schools
        ],
    }


def read_graph(data: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments of ``Debate`` for the top-level graph lists."""
    return {
        "relations": tuple(
            Relation(
                r["id"],
                r["kind"],
                r["source"],
                r["target"],
                r.get("text", ""),
                read_source(r.get("origin")),
                r.get("weight", DEFAULT_WEIGHT),
            )
            for r in data.get("relations", ())
        ),
        "arguments": tuple(
            Argument(
                a["id"],
                a["title"],
                tuple(a["premises"]),
                a["conclusion"],
                a.get("inference", ""),
                read_source(a.get("origin")),
            )
            for a in data.get("arguments", ())
        ),
        "schools": tuple(
            School(s["id"], s["name"], tuple(s.get("positions", ())), s.get("description", ""))
            for s in data.get("schools", ())
        ),
    }
