"""What each view draws, computed from a debate: graph, timeline, matrix, historians.

Pure functions of the model (and the reasoning engine's output) so that each view's
content can be tested without a browser; the page handlers only render them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quaestio.model import Debate, Evidence, Historian, Position
from quaestio.reasoning import ach_matrix
from quaestio.reasoning.ach import DEFAULT, derived_ratings


def short(text: str, n: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[: n - 1].rstrip() + "…"


def label_of(e: Evidence) -> str:
    return e.label or short(e.text, 48)


def claim_names(debate: Debate, width: int = 60) -> dict[str, str]:
    """Every claim a relation may name, by its words: positions, points, the conclusion's
    claims and consequences (the last two cut to ``width`` characters)."""
    out = {p.id: p.title for p in debate.positions}
    out.update({e.id: label_of(e) for _, e in debate.iter_evidence()})
    out.update({k.id: short(k.text, width) for k in debate.conclusion_claims})
    out.update({c.id: short(c.text, width) for c in debate.consequences})
    return out


def colours(debate: Debate) -> dict[str, int]:
    """A stable palette index per position, used by every view so colours agree."""
    return {p.id: i for i, p in enumerate(debate.positions)}


#: how the map draws a typed relation of the graph (a cross-link): edge class by kind
CROSS = {
    "support": "supports",
    "attack": "attacks",
    "undercut": "undercut",
    "contrary": "contrary",
    "contradictory": "contradictory",
    "rephrase": "rephrase",
}
#: a conclusion claim's judgement of a position, as an edge
JUDGED = {"endorses": "supports", "qualifies": "qualifies", "rejects": "attacks"}


def graph(debate: Debate, strengths: dict[str, float] | None = None) -> dict[str, Any]:
    """Nodes and edges of the argument map; position size follows its strength.

    A point's edge goes to what it answers (its parent point, or its position), so
    nested points hang below the points they answer; the graph's typed relations
    are cross-links (``cross``). A relation that another relation attacks is drawn
    as a small node on its way, so the attack has something to point at; the
    conclusion's claims appear when they judge positions or take part in relations, and
    consequences when a relation names them.
    """
    strengths = strengths or {}
    colour = colours(debate)
    depth = debate.depths()
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for p in debate.positions:
        nodes.append(
            {
                "id": p.id,
                "kind": "position",
                "label": p.title,
                "text": p.summary or p.title,
                "owner": p.id,
                "colour": colour[p.id],
                "strength": strengths.get(p.id, p.weight),
                "status": "",
                "origin": p.source.describe() if p.source else "",
                "depth": 0,
            }
        )
        for e in p.evidence:
            nodes.append(
                {
                    "id": e.id,
                    "kind": e.stance,
                    "label": label_of(e),
                    "text": e.text,
                    "owner": p.id,
                    "colour": colour[p.id],
                    "strength": e.weight,
                    "status": "",
                    "origin": e.source.describe() if e.source else "",
                    "depth": depth.get(e.id, 1),
                }
            )
            kind = "supports" if e.stance == "for" else "attacks"
            answers = e.parent or p.id
            edges.append(
                {"id": f"{e.id}>{answers}", "source": e.id, "target": answers, "kind": kind}
            )
            for target in e.rebuts:
                edges.append(
                    {"id": f"{e.id}>{target}", "source": e.id, "target": target, "kind": "rebuts"}
                )
    used = {r.source for r in debate.relations} | {r.target for r in debate.relations}
    for k in debate.conclusion_claims:
        if not (k.judgements or k.id in used):
            continue
        nodes.append(
            {
                "id": k.id,
                "kind": "claim",
                "label": short(k.text, 48),
                "text": k.text,
                "owner": None,
                "colour": 7,
                "strength": k.weight,
                "status": "",
                "origin": k.source.describe() if k.source else "",
                "depth": 0,
            }
        )
        for j in k.judgements:
            edges.append(
                {
                    "id": f"{k.id}>{j.position}",
                    "source": k.id,
                    "target": j.position,
                    "kind": JUDGED[j.verdict],
                    "cross": True,
                }
            )
    for c in debate.consequences:
        if c.id not in used:
            continue  # the balance sheet shows the rest; the map draws what is argued with
        nodes.append(
            {
                "id": c.id,
                "kind": "consequence",
                "label": short(c.text, 48),
                "text": c.text,
                "owner": None,
                "colour": 7,
                "strength": c.weight,
                "status": "",
                "origin": c.source.describe() if c.source else "",
                "depth": 0,
            }
        )
    targeted = {r.target for r in debate.relations} & {r.id for r in debate.relations}
    for r in debate.relations:
        kind = CROSS.get(r.kind, "supports")
        if r.id not in targeted:
            edges.append(
                {"id": r.id, "source": r.source, "target": r.target, "kind": kind, "cross": True}
            )
            continue
        nodes.append(
            {
                "id": r.id,
                "kind": "relation",
                "label": r.text or r.kind,
                "text": r.text or f"{r.kind}: {r.source} → {r.target}",
                "owner": None,
                "colour": 7,
                "strength": r.weight,
                "status": "",
                "origin": r.origin.describe() if r.origin else "",
                "depth": 0,
            }
        )
        edges.append({"id": f"{r.id}<", "source": r.source, "target": r.id, "kind": kind})
        edges.append(
            {"id": f"{r.id}>", "source": r.id, "target": r.target, "kind": kind, "cross": True}
        )
    known = {n["id"] for n in nodes}
    edges = [e for e in edges if e["target"] in known and e["source"] in known]
    return {"nodes": nodes, "edges": edges}


def timeline(debate: Debate) -> dict[str, Any]:
    """One item per dated point, spanning the years it mentions; lanes by position.

    A point naming 1936 and 1938 is one bar from 1936 to 1938, not two items: the
    timeline shows each point once, as a class reads it.
    """
    colour = colours(debate)
    items: list[dict[str, Any]] = []
    for p, e in debate.iter_evidence():
        if not e.years:
            continue
        first, last = min(e.years), max(e.years)
        items.append(
            {
                "id": e.id,
                "node": e.id,
                "year": first,
                "end": last,
                "span": str(first) if first == last else f"{first}–{last}",
                "label": short(label_of(e), 40),
                "full": f"{e.label}: {e.text}" if e.label else e.text,
                "text": short(e.text, 240),
                "stance": e.stance,
                "position": p.id,
                "colour": colour[p.id],
            }
        )
    used = {i["position"] for i in items}
    groups = [
        {"id": p.id, "title": p.title, "colour": colour[p.id]}
        for p in debate.positions
        if p.id in used
    ]
    return {"groups": groups, "items": items}


def matrix(
    debate: Debate, versions: dict[str, int] | None = None, can_edit: bool = False
) -> dict[str, Any]:
    """The ACH matrix as the engine computes it, the analyst's own cells marked.

    ``derived`` is what each cell would be without the analyst's rating (what
    clearing it gives back); ``versions`` are the evidence items' versions, which
    an editor's save names; the page recomputes scores on edits.
    """
    m = ach_matrix(debate)
    plain = derived_ratings(debate)
    by_id = debate.evidence_by_id()
    return {
        "hypotheses": [{"id": p.id, "title": p.title} for p in debate.positions],
        "evidence": [
            {
                "id": e,
                "label": label_of(by_id[e]),
                "text": short(by_id[e].text, 300),
                "weight": m.credibility[e] * m.relevance[e],
            }
            for e in m.evidence
        ],
        "cells": {e: {p: m.rating(e, p) for p in m.positions} for e in m.evidence},
        "origin": {e: {p: m.origin(e, p) for p in m.positions} for e in m.evidence},
        "derived": {e: {p: plain.get((e, p), DEFAULT) for p in m.positions} for e in m.evidence},
        "inconsistency": m.inconsistency,
        "diagnosticity": m.diagnosticity,
        "versions": {e: (versions or {}).get(e, 0) for e in m.evidence},
        "can_edit": can_edit,
    }


@dataclass
class HistorianEntry:
    key: str
    name: str
    spellings: list[str] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)

    @property
    def evidence_count(self) -> int:
        return sum(len(p.evidence) for p in self.positions)


def historians(debate: Debate) -> list[HistorianEntry]:
    """Every historian once (by canonical key), with the positions they argue."""
    out: dict[str, HistorianEntry] = {}
    for key, held in debate.historians().items():
        names: list[str] = []
        for h, _ in held:
            if h.name not in names:
                names.append(h.name)
        entry = HistorianEntry(key, names[0], names)
        for _, p in held:
            if p not in entry.positions:
                entry.positions.append(p)
        out[key] = entry
    return sorted(out.values(), key=lambda h: h.name.lower())


def historian(debate: Debate, key: str) -> HistorianEntry | None:
    return next((h for h in historians(debate) if h.key == key), None)


def historian_names(p: Position) -> list[Historian]:
    return list(p.historians)


def balance(debate: Debate, weights: dict[str, float]) -> dict[str, Any]:
    """Consequences by polarity and category, with totals under the given weights."""
    groups: dict[str, dict[str, list[Any]]] = {"positive": {}, "negative": {}}
    totals = {"positive": 0.0, "negative": 0.0}
    for c in debate.consequences:
        w = weights.get(c.id, c.weight)
        groups[c.polarity].setdefault(c.category or "General", []).append((c, w))
        totals[c.polarity] += w
    return {
        "groups": groups,
        "positive": totals["positive"],
        "negative": totals["negative"],
        "net": totals["positive"] - totals["negative"],
    }
