"""SADFace, the Simple Argument Description Format (JSON) of the Open Argumentation project.

A SADFace document holds ``atom`` nodes (claims) and ``scheme`` nodes (named links such
as ``support`` or ``attack``), joined by ``edges`` from ``source_id`` to ``target_id``:
premise atoms point at a scheme, the scheme points at its conclusion. Reading maps atoms
to claims and each scheme to a support or attack (a scheme named attack, conflict,
rebuttal or undercut attacks); a scheme aimed at another scheme attacks that link;
a scheme with several premises is also a premise-conclusion argument. The graph is then
shaped like every other argument map (positions are the claims that answer nothing).

Writing emits one atom per position and point, one ``support``/``attack`` scheme per
point (to the point it answers or its position) and one scheme per relation. The
document's title and description carry the debate's title and question.
"""

from __future__ import annotations

import json
from typing import Any

from quaestio.errors import ParseError
from quaestio.formats.draft import (
    DraftArgument,
    DraftDebate,
    DraftEvidence,
    DraftPosition,
    build,
    decode,
)
from quaestio.formats.graph_shape import Edge, place, relations
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format, Loaded
from quaestio.model import Debate, RelationKind, Warning

LOSES = frozenset(
    {
        "ach_judgements",
        "summaries",
        "labels",
        "years",
        "figures",
        "references",
        "weights",
        "sources",
        "conclusion",
        "consequences",
        "warnings",
        "position_historians",
        "historian_keys",
        "point_historians",
        "tags",
        "schools",
        "conclusion_claims",
        "arguments",
        "order",
    }
)
ATTACKS = frozenset({"attack", "conflict", "rebuttal", "rebut", "undercut", "undercutter"})
_SCHEME: dict[str, str] = {
    "support": "support",
    "attack": "attack",
    "undercut": "undercut",
    "contrary": "attack",
    "contradictory": "attack",
    "rephrase": "rephrase",
}


def _doc(data: bytes, path: str | None) -> dict[str, Any]:
    try:
        doc = json.loads(decode(data, path))
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg}", file=path, line=exc.lineno) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list):
        raise ParseError(
            "a SADFace document is a JSON object with a 'nodes' list", file=path, field="nodes"
        )
    if not isinstance(doc.get("edges", []), list):
        raise ParseError("'edges' must be a list", file=path, field="edges")
    return doc


def read(data: bytes, path: str | None) -> Loaded:
    doc = _doc(data, path)
    atoms: dict[str, str] = {}
    schemes: dict[str, str] = {}
    problems: list[str] = []
    for i, node in enumerate(doc["nodes"]):
        if not isinstance(node, dict) or not isinstance(node.get("id"), str):
            raise ParseError("a node needs a string 'id'", file=path, field=f"nodes[{i}]")
        nid, kind = node["id"], node.get("type")
        if nid in atoms or nid in schemes:
            problems.append(f"node {nid} is defined twice; the first is kept")
        elif kind == "atom":
            if not isinstance(node.get("text"), str):
                raise ParseError(
                    f"atom {nid} needs a string 'text'", file=path, field=f"nodes[{i}].text"
                )
            atoms[nid] = node["text"]
        elif kind == "scheme":
            schemes[nid] = str(node.get("name") or "support").lower()
        else:
            problems.append(f"node {nid} of type {kind!r} is not an atom or a scheme")
    into: dict[str, list[str]] = {}
    out: dict[str, list[str]] = {}
    for i, e in enumerate(doc.get("edges", [])):
        src = e.get("source_id") if isinstance(e, dict) else None
        dst = e.get("target_id") if isinstance(e, dict) else None
        if (src not in atoms and src not in schemes) or (dst not in atoms and dst not in schemes):
            problems.append(
                f"edge {i} ({e.get('id', '?') if isinstance(e, dict) else e}) names an unknown node"
            )
            continue
        out.setdefault(str(src), []).append(str(dst))
        into.setdefault(str(dst), []).append(str(src))
    edges: list[Edge] = []
    draft = DraftDebate()
    for sid, name in schemes.items():
        premises = [n for n in into.get(sid, []) if n in atoms]
        targets = out.get(sid, [])
        link: RelationKind = "attack" if name in ATTACKS else "support"
        for n, premise in enumerate(premises):
            for m, target in enumerate(targets):
                key = sid if n == m == 0 else f"{sid}~{n}~{m}"
                if target in schemes:
                    on_link: RelationKind = "undercut" if link == "attack" else link
                    edges.append(Edge(key, on_link, premise, target))
                else:
                    edges.append(Edge(key, link, premise, target))
        if len(premises) > 1:
            for target in (t for t in targets if t in atoms):
                draft.arguments.append(DraftArgument(name, premises, target, name))
    nodes = list(atoms)
    placed = place(nodes, edges)
    draft.relations, dropped = relations(edges, placed)
    positions: dict[str, DraftPosition] = {}
    for a in nodes:
        if placed[a].stance == "root":
            positions[a] = DraftPosition(title=atoms[a], key=a)
            draft.positions.append(positions[a])
    for a in nodes:
        where = placed[a]
        if where.stance != "root":
            positions[where.root].evidence.append(
                DraftEvidence(
                    stance="for" if where.stance == "for" else "against",
                    text=atoms[a],
                    key=a,
                    hint=a,
                    parent=where.parent,
                )
            )
    core = (doc.get("metadata") or {}).get("core") or {}
    draft.title = str(core.get("title") or "")
    draft.question = str(core.get("description") or "")
    if problems or dropped:
        draft.warnings.append(
            Warning(
                "sadface_skipped",
                f"{len(problems) + dropped} node(s) or link(s) were skipped: "
                + "; ".join(problems[:5]),
            )
        )
    return build(draft, path)


def to_sadface(debate: Debate) -> dict[str, Any]:
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def atom(ident: str, text: str) -> None:
        nodes.append({"id": ident, "type": "atom", "text": text, "sources": [], "metadata": {}})

    def scheme(ident: str, name: str, source: str, target: str) -> None:
        nodes.append({"id": ident, "type": "scheme", "name": name, "metadata": {}})
        edges.append({"id": f"{ident}~in", "source_id": source, "target_id": ident})
        edges.append({"id": f"{ident}~out", "source_id": ident, "target_id": target})

    for p in debate.positions:
        atom(p.id, p.title)
        for e in p.evidence:
            atom(e.id, e.text)
    for p in debate.positions:
        for e in p.evidence:
            name = "support" if e.stance == "for" else "attack"
            scheme(f"{e.id}~s", name, e.id, e.parent or p.id)
    links = {r.id: f"{r.id}~s" for r in debate.relations}
    for r in debate.relations:
        target = links.get(r.target, r.target)
        if r.kind == "undercut" and r.target not in links:
            target = f"{r.target}~s"  # the link from the point to what it answers
        scheme(links[r.id], _SCHEME[r.kind], r.source, target)
    core = {"id": debate.title, "version": "0.5", "title": debate.title}
    if debate.question:
        core["description"] = debate.question
    return {"metadata": {"core": core}, "resources": [], "nodes": nodes, "edges": edges}


def write(debate: Debate) -> bytes:
    return (json.dumps(to_sadface(debate), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


FORMAT = Format(
    name="sadface",
    suffixes=(".sadface.json", ".sadface"),
    description="SADFace JSON (Open Argumentation): atoms, support/attack schemes and edges",
    media_type="application/json",
    read=read,
    write=write,
    loses=describe(
        LOSES,
        "An outside SADFace file also loses its resources, metadata and the names of "
        "schemes other than support and attack.",
    ),
    kind="interchange",
)
