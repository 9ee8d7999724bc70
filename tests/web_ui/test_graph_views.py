"""What the map and the nested view draw of the graph, checked without a browser."""

from __future__ import annotations

from dataclasses import replace

from tests.web_ui.test_nested import nested_debate

from quaestio.model import Relation
from quaestio.web.pages import treeview, viewdata


def test_map_hangs_nested_points_below_what_they_answer_and_draws_cross_links() -> None:
    d = nested_debate()
    g = viewdata.graph(d)
    edges = {(e["source"], e["target"]): e for e in g["edges"]}
    assert edges[("p1.a1.a1", "p1.a1")]["kind"] == "attacks"  # not to the position
    assert ("p1.a1.a1", "p1") not in edges
    assert edges[("p1.a1.a1.f1", "p1.a1.a1")]["kind"] == "supports"
    assert edges[("p1.a1", "p3")] == {
        "id": "r1",
        "source": "p1.a1",
        "target": "p3",
        "kind": "supports",
        "cross": True,
    }
    depth = {n["id"]: n["depth"] for n in g["nodes"]}
    assert (depth["p1"], depth["p1.a1"], depth["p1.a1.a1"], depth["p1.a1.a1.f1"]) == (0, 1, 2, 3)


def test_an_attack_on_a_relation_gets_a_node_to_aim_at() -> None:
    d = nested_debate()
    d = replace(d, relations=(*d.relations, Relation("r2", "undercut", "p2.f1", "r1")))
    g = viewdata.graph(d)
    relation = next(n for n in g["nodes"] if n["id"] == "r1")
    assert relation["kind"] == "relation"
    pairs = {(e["source"], e["target"], e["kind"]) for e in g["edges"]}
    assert {("p1.a1", "r1", "supports"), ("r1", "p3", "supports"), ("p2.f1", "r1", "undercut")} <= (
        pairs
    )


def test_nested_view_is_the_tree_with_pros_and_cons_and_links_both_ways() -> None:
    roots = treeview.tree(nested_debate())
    p1 = roots[0]
    assert [b.point.id for b in p1.pros] == ["p1.f1", "p1.f2"]
    assert [b.point.id for b in p1.cons] == ["p1.a1"]
    counter = p1.cons[0]
    assert [b.point.id for b in counter.cons] == ["p1.a1.a1"]
    assert [(b.point.id, b.depth) for b in counter.cons[0].pros] == [("p1.a1.a1.f1", 3)]
    assert [(link.phrase, link.other) for link in counter.links] == [("supports", "p3")]
    p3 = roots[2]
    assert [(link.phrase, link.other_label) for link in p3.links] == [
        ("supported by", "Prisoners released")
    ]


def test_the_edit_form_keeps_a_historian_who_disputes_a_position() -> None:
    from quaestio.web.pages.edit_parts import as_field
    from quaestio.web.pages.editing import _changes

    changes = _changes("position", {"historians": "Conquest, Getty (disputes)"})
    assert changes["historians"] == ["Conquest", {"name": "Getty", "stance": "against"}]
    node = {
        "historians": [
            {"name": "Conquest", "key": "conquest", "stance": "for"},
            {"name": "Getty", "key": "getty", "stance": "against"},
        ]
    }
    assert as_field(node, "historians") == "Conquest, Getty (disputes)"
