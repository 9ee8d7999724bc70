"""AIF checked against arguebuf, an independent AIF implementation from PyPI."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import arguebuf as ab
import pytest

from quaestio.formats import by_name
from quaestio.formats.aif_json import read, write
from quaestio.model import Debate


def test_arguebuf_loads_what_quaestio_writes(example: Debate, tmp_path: Path) -> None:
    doc = json.loads(write(example))
    graph = ab.load.aif(doc)
    ours_atoms = {n["nodeID"]: n["text"] for n in doc["nodes"] if n["type"] == "I"}
    ours_schemes = {n["nodeID"]: n["type"] for n in doc["nodes"] if n["type"] in ("RA", "CA")}
    assert {k: v.plain_text for k, v in graph.atom_nodes.items()} == ours_atoms
    kinds = {
        k: ("RA" if isinstance(v.scheme, ab.Support) else "CA")
        for k, v in graph.scheme_nodes.items()
    }
    assert kinds == ours_schemes
    argument_nodes = set(ours_atoms) | set(ours_schemes)
    ours_edges = {
        (e["fromID"], e["toID"])
        for e in doc["edges"]
        if e["fromID"] in argument_nodes and e["toID"] in argument_nodes
    }
    assert {(e.source.id, e.target.id) for e in graph.edges.values()} == ours_edges
    # every rebuttal is a conflict from the counter-point to the point it rebuts
    for counter, point in example.rebuttal_pairs():
        between = graph.scheme_between(graph.atom_nodes[counter.id], graph.atom_nodes[point.id])
        assert between is not None and isinstance(between.scheme, ab.Attack)
    # the positions are exactly arguebuf's root claims
    assert {n.id for n in graph.root_nodes} == {p.id for p in example.positions}


def test_quaestio_reads_what_arguebuf_writes(tmp_path: Path) -> None:
    g = ab.Graph()
    claim = ab.AtomNode("Rome fell because its armies could no longer hold the frontier.")
    other = ab.AtomNode("Rome did not fall; it slowly turned into something else.")
    pro = ab.AtomNode("The frontier on the Rhine gave way in 406.")
    con = ab.AtomNode("Frontier troops had been withdrawn for civil wars long before.")
    for n in (claim, other, pro, con):
        g.add_node(n)
    support, attack, rebut = (
        ab.SchemeNode(ab.Support.DEFAULT),
        ab.SchemeNode(ab.Attack.DEFAULT),
        ab.SchemeNode(ab.Attack.DEFAULT),
    )
    for s in (support, attack, rebut):
        g.add_node(s)
    for a, b in (
        (pro, support),
        (support, claim),
        (con, attack),
        (attack, claim),
        (con, rebut),
        (rebut, pro),
    ):
        g.add_edge(ab.Edge(a, b))
    out = tmp_path / "from_arguebuf.json"
    ab.dump.file(g, out, ab.dump.Config(format=ab.dump.Format.AIF))
    loaded = read(out.read_bytes(), str(out))
    debate = loaded.debate
    assert [p.title for p in debate.positions] == [claim.plain_text, other.plain_text]
    first = debate.positions[0]
    assert [(e.stance, e.text) for e in first.evidence] == [
        ("for", pro.plain_text),
        ("against", con.plain_text),
    ]
    # the counter-point's second conflict, with a point of the same position, is a rebuttal
    assert first.countering[0].rebuts == (first.supporting[0].id,)
    assert debate.relations == ()
    assert debate.positions[1].evidence == ()
    # ids follow quaestio's scheme even though arguebuf used uuids
    assert [e.id for e in first.evidence] == ["p1.f1", "p1.a1"]
    # and writing it again gives arguebuf the same argument structure back
    again = ab.load.aif(json.loads(by_name("aif").write(debate)))  # type: ignore[misc]
    assert len(again.atom_nodes) == 4 and len(again.scheme_nodes) == 3 and len(again.edges) == 6


def test_quaestio_reads_xaif_from_arguebuf() -> None:
    g = ab.Graph()
    claim, premise = (
        ab.AtomNode("The republic failed."),
        ab.AtomNode("Decrees replaced parliament."),
    )
    scheme = ab.SchemeNode(ab.Support.DEFAULT)
    for n in (claim, premise, scheme):
        g.add_node(n)
    g.add_edge(ab.Edge(premise, scheme))
    g.add_edge(ab.Edge(scheme, claim))
    d = read(json.dumps(ab.dump.xaif(g)).encode(), "x.json").debate
    assert [(p.title, [e.text for e in p.supporting]) for p in d.positions] == [
        ("The republic failed.", ["Decrees replaced parliament."])
    ]


def test_duplicate_node_and_dangling_edge_are_warnings_naming_them() -> None:
    node = '{"nodeID": "a", "type": "I", "text": "x"}'
    text = (
        '{"nodes": [\n'
        + node
        + ",\n"
        + node
        + '\n], "edges": [{"edgeID": "e", "fromID": "a", "toID": "zz"}]}'
    )
    d = read(text.encode(), "dup.json").debate
    assert [p.title for p in d.positions] == ["x"]  # the rest of the file is read
    (warning,) = [w for w in d.warnings if w.code == "aif_broken"]
    assert "node a is defined twice (line 3)" in warning.message
    assert "edge e names unknown node zz" in warning.message


def test_historians_survive_as_participants(example: Debate) -> None:
    back = read(write(example), "x.aif.json").debate
    assert [[h.name for h in p.historians] for p in back.positions] == [
        [h.name for h in p.historians] for p in example.positions
    ]


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        ({"nodes": [{"nodeID": "a", "type": 3, "text": "x"}]}, "nodes[0]"),
        ({"edges": []}, "nodes"),
    ],
)
def test_malformed_aif_names_the_field(doc: dict[str, object], field: str) -> None:
    from quaestio.errors import ParseError

    with pytest.raises(ParseError) as info:
        read(json.dumps(doc, indent=1).encode(), "bad.aif.json")
    assert info.value.field == field and info.value.file == "bad.aif.json"


def test_long_chains_stay_nested_and_cycles_are_placed_without_recursion() -> None:
    n = 300  # nested ids extend their parent's, so the id of the deepest point grows with n
    nodes = [{"nodeID": f"i{k}", "type": "I", "text": f"claim {k}"} for k in range(n)]
    nodes += [
        {"nodeID": f"s{k}", "type": "RA" if k % 2 else "CA", "text": ""} for k in range(n - 1)
    ]
    edges = [{"edgeID": f"a{k}", "fromID": f"i{k + 1}", "toID": f"s{k}"} for k in range(n - 1)]
    edges += [{"edgeID": f"b{k}", "fromID": f"s{k}", "toID": f"i{k}"} for k in range(n - 1)]
    # plus two claims attacking each other and nothing else
    nodes += [{"nodeID": "x", "type": "I", "text": "x"}, {"nodeID": "y", "type": "I", "text": "y"}]
    nodes += [
        {"nodeID": "cx", "type": "CA", "text": ""},
        {"nodeID": "cy", "type": "CA", "text": ""},
    ]
    edges += [
        {"edgeID": "c1", "fromID": "x", "toID": "cx"},
        {"edgeID": "c2", "fromID": "cx", "toID": "y"},
        {"edgeID": "c3", "fromID": "y", "toID": "cy"},
        {"edgeID": "c4", "fromID": "cy", "toID": "x"},
    ]
    d = read(json.dumps({"nodes": nodes, "edges": edges}).encode(), "chain.json").debate
    assert [p.title for p in d.positions] == ["claim 0", "x"]
    chain = d.positions[0].evidence
    assert len(chain) == n - 1
    assert all(b.parent == a.id for a, b in itertools.pairwise(chain))  # not flattened
    assert d.positions[1].evidence[0].stance == "against"
    # the other half of the mutual attack is kept as a relation
    assert [(r.kind, r.source) for r in d.relations] == [("attack", d.positions[1].id)]
    assert d.warnings == ()
