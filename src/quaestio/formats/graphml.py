"""GraphML: the debate as a typed graph for yEd, Gephi, Cytoscape or networkx.

Positions, evidence and consequences are nodes with a ``kind``; evidence is tied
to its position by a ``supports`` or ``attacks`` edge and to the point it rebuts
by a ``rebuts`` edge; cross-references are ``refers`` edges. Debate-level text
(title, question, conclusion) is graph data. Reading expects these keys, i.e. a
file quaestio wrote or one edited in a graph tool that keeps node data.
"""

from __future__ import annotations

import json
import re
from typing import Any

from quaestio.errors import ParseError, UnsupportedOperationError
from quaestio.formats.draft import (
    DraftConsequence,
    DraftDebate,
    DraftEvidence,
    DraftPosition,
    build,
    parse_weight,
)
from quaestio.formats.losses import GRAPH, describe, table_view
from quaestio.formats.registry import Format, Loaded
from quaestio.model import Debate

NS = "http://graphml.graphdrawing.org/xmlns"
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
LOSES = frozenset({"ach_judgements", "figures", "historian_keys", "sources", "warnings"}) | GRAPH
KEYS: tuple[tuple[str, str, str], ...] = (
    ("graph", "title", "string"),
    ("graph", "question", "string"),
    ("graph", "conclusion", "string"),
    ("node", "kind", "string"),
    ("node", "label", "string"),
    ("node", "text", "string"),
    ("node", "summary", "string"),
    ("node", "historians", "string"),
    ("node", "stance", "string"),
    ("node", "years", "string"),
    ("node", "polarity", "string"),
    ("node", "category", "string"),
    ("node", "weight", "double"),
    ("edge", "relation", "string"),
)


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def write(debate: Debate) -> bytes:
    from lxml import etree  # loaded only when GraphML is written or read

    debate = table_view(debate, LOSES)
    root = etree.Element(_q("graphml"), nsmap={None: NS})  # type: ignore[dict-item]
    for n, (scope, name, typ) in enumerate(KEYS):
        etree.SubElement(
            root, _q("key"), id=f"k{n}", attrib={"for": scope, "attr.name": name, "attr.type": typ}
        )
    key = {(scope, name): f"k{n}" for n, (scope, name, _) in enumerate(KEYS)}
    graph = etree.SubElement(root, _q("graph"), id="debate", edgedefault="directed")

    def data(parent: Any, scope: str, name: str, value: object) -> None:
        if value is None or value == "":
            return
        text = str(value)
        bad = _NOT_XML.search(text)
        if bad:
            owner = parent.get("id", "debate")
            raise UnsupportedOperationError(
                f"{owner}: character U+{ord(bad.group()):04X} cannot be stored in XML",
                field=name,
            )
        etree.SubElement(parent, _q("data"), key=key[(scope, name)]).text = text

    data(graph, "graph", "title", debate.title)
    data(graph, "graph", "question", debate.question)
    data(
        graph, "graph", "conclusion", None if debate.conclusion is None else debate.conclusion.text
    )
    edges: list[tuple[str, str, str]] = []
    for p in debate.positions:
        node = etree.SubElement(graph, _q("node"), id=p.id)
        data(node, "node", "kind", "position")
        data(node, "node", "label", p.title)
        data(node, "node", "summary", p.summary)
        if p.historians:
            data(
                node,
                "node",
                "historians",
                json.dumps([h.name for h in p.historians], ensure_ascii=False),
            )
        data(node, "node", "weight", p.weight)
        for e in p.evidence:
            node = etree.SubElement(graph, _q("node"), id=e.id)
            data(node, "node", "kind", "evidence")
            data(node, "node", "label", e.label)
            data(node, "node", "text", e.text)
            data(node, "node", "stance", e.stance)
            data(node, "node", "years", " ".join(str(y) for y in e.years))
            data(node, "node", "weight", e.weight)
            edges.append((e.id, p.id, "supports" if e.stance == "for" else "attacks"))
            edges += [(e.id, t, "rebuts") for t in e.rebuts]
            edges += [(e.id, t, "refers") for t in e.references]
    for c in debate.consequences:
        node = etree.SubElement(graph, _q("node"), id=c.id)
        data(node, "node", "kind", "consequence")
        data(node, "node", "text", c.text)
        data(node, "node", "polarity", c.polarity)
        data(node, "node", "category", c.category)
        data(node, "node", "weight", c.weight)
    for n, (src, dst, rel) in enumerate(edges, start=1):
        edge = etree.SubElement(graph, _q("edge"), id=f"e{n}", source=src, target=dst)
        data(edge, "edge", "relation", rel)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _parse(data: bytes, path: str | None) -> Any:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(
            f"not well-formed XML: {exc.msg}", file=path, line=exc.lineno or None
        ) from None
    except ValueError as exc:
        raise ParseError(f"not XML: {exc}", file=path, line=1) from None


def read(data: bytes, path: str | None) -> Loaded:
    if not data.strip():
        raise ParseError("the GraphML file is empty", file=path, line=1)
    root = _parse(data, path)
    if root.tag != _q("graphml"):
        from lxml import etree

        raise ParseError(
            f"the root element is <{etree.QName(root).localname}>, not <graphml>",
            file=path,
            line=root.sourceline,
        )
    names = {k.get("id"): k.get("attr.name") for k in root.iter(_q("key"))}
    graph = root.find(_q("graph"))
    if graph is None:
        raise ParseError("no <graph> element", file=path, line=root.sourceline)

    def values(el: Any) -> dict[str, str]:
        return {names.get(d.get("key"), d.get("key")): d.text or "" for d in el.findall(_q("data"))}

    info = values(graph)
    draft = DraftDebate(title=info.get("title", ""), question=info.get("question", ""))
    draft.conclusion = info.get("conclusion") or None
    positions: dict[str, DraftPosition] = {}
    evidence: dict[str, tuple[DraftEvidence, int]] = {}
    for node in graph.iter(_q("node")):
        nid, line, v = node.get("id"), node.sourceline, values(node)
        if not nid:
            raise ParseError("a node has no id", file=path, line=line, field="id")
        if nid in positions or nid in evidence:
            raise ParseError(f"node id {nid!r} is used twice", file=path, line=line, field="id")
        kind = v.get("kind")
        weight = parse_weight(v.get("weight"), path, line, "weight")
        if kind == "position":
            try:
                historians = json.loads(v["historians"]) if v.get("historians") else []
            except json.JSONDecodeError:
                raise ParseError(
                    "historians must be a JSON list", file=path, line=line, field="historians"
                ) from None
            if not isinstance(historians, list) or not all(isinstance(h, str) for h in historians):
                raise ParseError(
                    "historians must be a list of names", file=path, line=line, field="historians"
                )
            positions[nid] = DraftPosition(
                title=v.get("label", ""),
                key=nid,
                hint=nid,
                summary=v.get("summary", ""),
                historians=historians,
                weight=weight,
                line=line,
            )
            draft.positions.append(positions[nid])
        elif kind == "evidence":
            stance = v.get("stance")
            if stance not in ("for", "against"):
                raise ParseError(
                    f"stance {stance!r} is not 'for' or 'against'",
                    file=path,
                    line=line,
                    field="stance",
                )
            try:
                years = tuple(int(y) for y in v.get("years", "").split())
            except ValueError:
                raise ParseError(
                    "years must be whole numbers", file=path, line=line, field="years"
                ) from None
            item = DraftEvidence(
                stance="for" if stance == "for" else "against",
                text=v.get("text", ""),
                key=nid,
                hint=nid,
                label=v.get("label") or None,
                years=years,
                weight=weight,
                line=line,
            )
            evidence[nid] = (item, line)
        elif kind == "consequence":
            polarity = v.get("polarity")
            if polarity not in ("positive", "negative"):
                raise ParseError(
                    f"polarity {polarity!r} is not positive/negative",
                    file=path,
                    line=line,
                    field="polarity",
                )
            draft.consequences.append(
                DraftConsequence(
                    polarity="positive" if polarity == "positive" else "negative",
                    text=v.get("text", ""),
                    hint=nid,
                    category=v.get("category") or None,
                    weight=weight,
                    line=line,
                )
            )
        else:
            raise ParseError(
                f"node kind {kind!r} is not position, evidence or consequence",
                file=path,
                line=line,
                field="kind",
            )
    owner: dict[str, str] = {}
    for edge in graph.iter(_q("edge")):
        src, dst, rel, line = (
            edge.get("source"),
            edge.get("target"),
            values(edge).get("relation"),
            edge.sourceline,
        )
        if src not in evidence:
            raise ParseError(
                f"edge source {src!r} is not an evidence node", file=path, line=line, field="source"
            )
        item = evidence[src][0]
        if rel in ("supports", "attacks"):
            if dst not in positions:
                raise ParseError(
                    f"edge target {dst!r} is not a position", file=path, line=line, field="target"
                )
            owner[src] = dst
        elif rel == "rebuts":
            item.rebuts.append(str(dst))
        elif rel == "refers":
            item.references = (*item.references, str(dst))
        else:
            raise ParseError(
                f"relation {rel!r} is not supports/attacks/rebuts/refers",
                file=path,
                line=line,
                field="relation",
            )
    for nid, (item, line) in evidence.items():
        if nid not in owner:
            raise ParseError(
                f"evidence {nid!r} supports or attacks no position", file=path, line=line
            )
        positions[owner[nid]].evidence.append(item)
    return build(draft, path)


FORMAT = Format(
    name="graphml",
    suffixes=(".graphml",),
    description="GraphML for yEd, Gephi, Cytoscape or networkx, with node kinds and relations",
    media_type="application/graphml+xml",
    read=read,
    write=write,
    loses=describe(LOSES),
    kind="interchange",
)
