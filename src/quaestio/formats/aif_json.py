"""AIF JSON, the Argument Interchange Format as OVA and AIFdb exchange it.

A debate becomes an argument graph: positions and evidence are I-nodes, each
supporting point reaches its position through an RA node (inference), each
counter-point through a CA node (conflict), and a rebuttal is one more CA node
from the counter-point to the point it rebuts. Historians are participants
whose locutions (L-nodes) assert their position through a YA node, as in OVA.

Reading accepts any AIF graph: claims that support or attack nothing become
positions, everything that argues towards them becomes their evidence (deeper
chains are flattened with a warning), and dialogue nodes other than the
historians' locutions are skipped with a warning.
"""

from __future__ import annotations

import json
import re
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
from quaestio.formats.graph_shape import Edge, place, rebuttals, relations
from quaestio.formats.losses import describe, table_view
from quaestio.formats.registry import Format, Loaded
from quaestio.model import Debate, Warning

LOSES = frozenset(
    {
        "ach_judgements",
        "title",
        "question",
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
        "historian_keys",
        "arguments",
        "tags",
        "point_historians",
        "schools",
        "conclusion_claims",
        "relation_notes",
    }
)
SCHEME_TEXT = {
    "RA": "Default Inference",
    "CA": "Default Conflict",
    "MA": "Default Rephrase",
    "YA": "Asserting",
}


# -- writing --------------------------------------------------------------------------
def to_aif(debate: Debate) -> dict[str, Any]:
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    participants: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    person_of: dict[str, int] = {}

    def edge(source: str, target: str) -> None:
        edges.append(
            {"edgeID": f"e{len(edges) + 1}", "fromID": source, "toID": target, "formEdgeID": None}
        )

    def scheme(node_id: str, kind: str, source: str, target: str) -> None:
        nodes.append({"nodeID": node_id, "text": SCHEME_TEXT[kind], "type": kind})
        edge(source, node_id)
        edge(node_id, target)

    for p in debate.positions:
        nodes.append({"nodeID": p.id, "text": p.title, "type": "I"})
        for n, h in enumerate(p.historians, start=1):
            if h.name not in person_of:
                person_of[h.name] = len(person_of) + 1
                participants.append(
                    {"participantID": person_of[h.name], "firstname": "", "surname": h.name}
                )
            lid = f"{p.id}~L{n}"
            nodes.append({"nodeID": lid, "text": f"{h.name}: {p.title}", "type": "L"})
            locutions.append(
                {
                    "nodeID": lid,
                    "personID": person_of[h.name],
                    "start": None,
                    "end": None,
                    "source": None,
                }
            )
            scheme(f"{p.id}~YA{n}", "YA", lid, p.id)
        for e in p.evidence:
            nodes.append({"nodeID": e.id, "text": e.text, "type": "I"})
    link: dict[str, str] = {}  # point or relation id -> the scheme node of its link
    for p in debate.positions:
        for e in p.evidence:
            kind = "RA" if e.stance == "for" else "CA"
            link[e.id] = f"{e.id}~{kind}"
            scheme(link[e.id], kind, e.id, e.parent or p.id)
            for target in e.rebuts:
                scheme(f"{e.id}~CA~{target}", "CA", e.id, target)
    for r in debate.relations:
        link[r.id] = f"{r.id}~{_AIF_KIND[r.kind]}"
    rel_ids = {r.id for r in debate.relations}
    for r in debate.relations:
        aimed_at_link = r.kind == "undercut" or r.target in rel_ids
        target = link.get(r.target, r.target) if aimed_at_link else r.target
        scheme(link[r.id], _AIF_KIND[r.kind], r.source, target)
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants}


#: relation kind -> the AIF scheme node that carries it
_AIF_KIND = {
    "support": "RA",
    "attack": "CA",
    "undercut": "CA",
    "contrary": "CA",
    "contradictory": "CA",
    "rephrase": "MA",
}


def write(debate: Debate) -> bytes:
    debate = table_view(debate, LOSES)
    return (json.dumps(to_aif(debate), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- reading --------------------------------------------------------------------------
def _node_lines(text: str) -> dict[str, list[int]]:
    """Lines of each ``"nodeID"`` in the JSON text (several if it is repeated), in one pass."""
    lines: dict[str, list[int]] = {}
    line, pos = 1, 0
    for m in re.finditer(r'"nodeID"\s*:\s*"?([^",}\s]*)', text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        lines.setdefault(m.group(1), []).append(line)
    return lines


def _line_of(text: str, key: str, value: str) -> int | None:
    m = re.search(r'"' + key + r'"\s*:\s*"?' + re.escape(value) + r'"?\s*[,}\n]', text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _ident(raw: object, path: str | None, where: str) -> str:
    if isinstance(raw, bool) or not isinstance(raw, (str, int)) or str(raw) == "":
        raise ParseError(f"{raw!r} is not a node id", file=path, field=where)
    return str(raw)


def read(data: bytes, path: str | None) -> Loaded:
    text = decode(data, path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg}", file=path, line=exc.lineno) from None
    if isinstance(doc, dict) and isinstance(doc.get("AIF"), dict) and "nodes" not in doc:
        doc = doc["AIF"]  # xAIF (OVA 3, arguebuf) wraps the AIF graph in an "AIF" member
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list):
        raise ParseError(
            "an AIF graph is a JSON object with a 'nodes' list", file=path, line=1, field="nodes"
        )
    raw_edges = doc.get("edges", [])
    if not isinstance(raw_edges, list):
        raise ParseError("'edges' must be a list", file=path, line=1, field="edges")

    all_lines = _node_lines(text)
    node_lines = {k: v[0] for k, v in all_lines.items()}
    kinds: dict[str, str] = {}
    texts: dict[str, str] = {}
    order: list[str] = []
    problems: list[str] = []
    for i, node in enumerate(doc["nodes"]):
        where = f"nodes[{i}]"
        if not isinstance(node, dict):
            raise ParseError("a node must be an object", file=path, field=where)
        nid = _ident(node.get("nodeID"), path, f"{where}.nodeID")
        kind, body = node.get("type"), node.get("text", "")
        if not isinstance(kind, str) or not isinstance(body, str):
            seen = all_lines.get(nid, [])
            raise ParseError(
                f"node {nid!r} needs a string 'type' and 'text'",
                file=path,
                line=seen[0] if seen else None,
                field=where,
            )
        if nid in kinds:
            seen = all_lines.get(nid, [])
            at = f" (line {seen[1]})" if len(seen) > 1 else ""
            problems.append(f"node {nid} is defined twice{at}; the first is kept")
            continue
        kinds[nid], texts[nid] = kind, body
        order.append(nid)
    outgoing: dict[str, list[str]] = {}
    incoming: dict[str, list[str]] = {}
    for i, e in enumerate(raw_edges):
        where = f"edges[{i}]"
        if not isinstance(e, dict):
            raise ParseError("an edge must be an object", file=path, field=where)
        src = _ident(e.get("fromID"), path, f"{where}.fromID")
        dst = _ident(e.get("toID"), path, f"{where}.toID")
        missing = [end for end in (src, dst) if end not in kinds]
        if missing:
            problems.append(f"edge {e.get('edgeID', where)} names unknown node {missing[0]}")
            continue
        outgoing.setdefault(src, []).append(dst)
        incoming.setdefault(dst, []).append(src)
    draft = _interpret(doc, kinds, texts, order, outgoing, incoming, node_lines)
    if problems:
        draft.warnings.insert(
            0,
            Warning(
                "aif_broken",
                f"{len(problems)} problem(s) in the file were skipped: " + "; ".join(problems[:5]),
            ),
        )
    return build(draft, path)


def _scheme_edges(
    kinds: dict[str, str],
    texts: dict[str, str],
    order: list[str],
    outgoing: dict[str, list[str]],
    incoming: dict[str, list[str]],
    node_lines: dict[str, int],
) -> tuple[list[Edge], list[DraftArgument], set[str], int]:
    """Typed edges from the RA (support), CA (conflict) and MA (rephrase) nodes."""
    edges: list[Edge] = []
    arguments: list[DraftArgument] = []
    skipped: set[str] = set()
    unusable = 0
    link_kind = {"RA": "support", "CA": "attack", "MA": "rephrase"}
    rephrased: dict[str, str] = {}  # union-find over rephrases: a cycle has no meaning

    def group(n: str) -> str:
        while rephrased.get(n, n) != n:
            n = rephrased[n]
        return n

    for scheme in order:
        kind = kinds[scheme]
        if kind not in link_kind:
            if kind not in ("I", "L", "YA", "TA"):
                skipped.add(kind)
            continue
        line = node_lines.get(scheme)
        sources = [n for n in incoming.get(scheme, []) if kinds[n] == "I"]
        targets = [t for t in outgoing.get(scheme, []) if kinds[t] in ("I", "RA", "CA", "MA")]
        if not sources or not targets:
            unusable += 1
            continue
        for n, source in enumerate(sources):
            for m, target in enumerate(targets):
                key = scheme if n == m == 0 else f"{scheme}~{n}~{m}"
                relation = link_kind[kind]
                if kinds[target] != "I":
                    if kind != "CA":
                        unusable += 1
                        continue
                    relation = "undercut" if kinds[target] == "RA" else "attack"
                if relation == "rephrase":
                    a, b = group(source), group(target)
                    if a == b:
                        unusable += 1
                        continue
                    rephrased[a] = b
                edges.append(Edge(key, relation, source, target, line))  # type: ignore[arg-type]
        if kind == "RA" and len(sources) > 1:
            for target in (t for t in targets if kinds[t] == "I"):
                arguments.append(
                    DraftArgument(
                        title=texts[scheme] if texts[scheme] not in ("", "RA") else scheme,
                        premises=sources,
                        conclusion=target,
                        inference=texts[scheme],
                        line=line,
                    )
                )
    return edges, arguments, skipped, unusable


def _interpret(
    doc: dict[str, Any],
    kinds: dict[str, str],
    texts: dict[str, str],
    order: list[str],
    outgoing: dict[str, list[str]],
    incoming: dict[str, list[str]],
    node_lines: dict[str, int],
) -> DraftDebate:
    draft = DraftDebate()
    atoms = [n for n in order if kinds[n] == "I"]
    edges, draft.arguments, skipped, unusable = _scheme_edges(
        kinds, texts, order, outgoing, incoming, node_lines
    )
    placed = place(atoms, edges)
    draft.relations, dropped = relations(edges, placed)
    # a conflict from a point to another point of its position is the handout's rebuttal
    draft.relations, rebuts = rebuttals(draft.relations, placed)
    if skipped:
        draft.warnings.append(
            Warning(
                "aif_skipped",
                f"AIF node types not used by quaestio were skipped: {', '.join(sorted(skipped))}",
            )
        )
    if unusable + dropped:
        draft.warnings.append(
            Warning(
                "aif_unlinked",
                f"{unusable + dropped} scheme link(s) without a claim at both ends (or closing "
                "a circle of rephrases) were skipped",
            )
        )
    positions: dict[str, DraftPosition] = {}
    for a in atoms:
        if placed[a].stance == "root":
            positions[a] = DraftPosition(title=texts[a], key=a, hint=a, line=node_lines.get(a))
            draft.positions.append(positions[a])
    for a in atoms:
        where = placed[a]
        if where.stance == "root":
            continue
        positions[where.root].evidence.append(
            DraftEvidence(
                stance="for" if where.stance == "for" else "against",
                text=texts[a],
                key=a,
                hint=a,
                parent=where.parent,
                rebuts=rebuts.get(a, []),
                line=node_lines.get(a),
            )
        )
    _historians(doc, kinds, texts, outgoing, positions)
    return draft


def _historians(
    doc: dict[str, Any],
    kinds: dict[str, str],
    texts: dict[str, str],
    outgoing: dict[str, list[str]],
    positions: dict[str, DraftPosition],
) -> None:
    """Who asserted each claim: participant of the locution, or the 'Name:' prefix of the L-node."""
    names: dict[str, str] = {}
    for p in doc.get("participants") or []:
        if isinstance(p, dict) and "participantID" in p:
            full = " ".join(str(p.get(k) or "").strip() for k in ("firstname", "surname")).strip()
            if full:
                names[str(p["participantID"])] = full
    speaker: dict[str, str] = {}
    for loc in doc.get("locutions") or []:
        if isinstance(loc, dict) and str(loc.get("personID")) in names:
            speaker[str(loc.get("nodeID"))] = names[str(loc.get("personID"))]
    for lnode, kind in kinds.items():
        if kind != "L":
            continue
        name = speaker.get(lnode)
        if not name and ":" in texts[lnode]:
            name = texts[lnode].split(":", 1)[0].strip()
        if not name:
            continue
        for ya in outgoing.get(lnode, []):
            if kinds[ya] != "YA":
                continue
            for claim in outgoing.get(ya, []):
                if claim in positions and name not in positions[claim].historians:
                    positions[claim].historians.append(name)


FORMAT = Format(
    name="aif",
    suffixes=(".aif.json", ".aif"),
    description=(
        "AIF JSON (Argument Interchange Format) as used by OVA and AIFdb; "
        "historians as participants"
    ),
    media_type="application/json",
    read=read,
    write=write,
    loses=describe(
        LOSES,
        "An outside AIF file also loses its locutions other than historians' assertions, "
        "transitions (TA), preferences (PA) and scheme names; a duplicated node keeps its "
        "first definition and an edge to a missing node is skipped, each with a warning.",
    ),
    kind="interchange",
)
