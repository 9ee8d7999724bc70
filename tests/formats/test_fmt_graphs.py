"""GraphML read by networkx, DOT laid out by Graphviz's own ``dot``."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from quaestio.errors import ParseError
from quaestio.formats import by_name, graphml
from quaestio.model import Debate

HEAD = "<graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"


def test_networkx_reads_our_graphml(example: Debate, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.graphml"
    path.write_bytes(graphml.write(example))
    g = nx.read_graphml(path)
    assert set(g.nodes) == set(example.node_ids())
    assert g.graph["title"] == example.title
    rebut_edges = {(u, v) for u, v, rel in g.edges(data="relation") if rel == "rebuts"}
    assert rebut_edges == {(a.id, b.id) for a, b in example.rebuttal_pairs()}
    assert g.nodes["p1.f1"]["weight"] == pytest.approx(0.7)
    assert json.loads(g.nodes["p1"]["historians"]) == ["Peukert", "Borchardt"]


def test_graphml_written_by_networkx_is_read(example: Debate, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A graph tool that rewrites the file (new key ids, same names) still gives the debate back."""
    path = tmp_path / "x.graphml"
    path.write_bytes(graphml.write(example))
    again = tmp_path / "again.graphml"
    nx.write_graphml(nx.read_graphml(path), again)
    back = graphml.read(again.read_bytes(), str(again)).debate
    assert [p.title for p in back.positions] == [p.title for p in example.positions]
    assert back.rebuttal_pairs() and {(a.id, b.id) for a, b in back.rebuttal_pairs()} == {
        (a.id, b.id) for a, b in example.rebuttal_pairs()
    }


def test_graphml_rejects_external_entities(tmp_path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="p1">'
        "<data key='kind'>position</data><data key='label'>&x;</data></node></graph></graphml>"
    )
    try:
        d = graphml.read(doc.encode(), "x.graphml").debate
    except ParseError:
        return
    assert "do not read me" not in d.positions[0].title


@pytest.mark.parametrize(
    ("doc", "line", "field"),
    [
        (
            f"{HEAD}\n<graph>\n<node id='a'/>\n</graph></graphml>",
            3,
            "kind",
        ),
        (
            f"{HEAD}\n<graph>\n<node id='a'>\n<oops></graph></graphml>",
            4,
            None,
        ),
        ("<other/>", 1, None),
    ],
)
def test_graphml_errors_name_the_line(doc: str, line: int, field: str | None) -> None:
    with pytest.raises(ParseError) as info:
        graphml.read(doc.encode(), "bad.graphml")
    assert info.value.line == line and info.value.field == field


@pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz (Debian package graphviz) not installed"
)
def test_graphviz_lays_out_our_dot(example: Debate) -> None:
    data = by_name("dot").write(example)  # type: ignore[misc]
    result = subprocess.run(
        ["dot", "-Tjson"], input=data, capture_output=True, check=True, timeout=60
    )
    layout = json.loads(result.stdout)
    names = {o["name"] for o in layout["objects"] if "nodes" not in o or not o.get("nodes")} - {
        o["name"] for o in layout["objects"] if o["name"].startswith("cluster_")
    }
    assert names == {p.id for p in example.positions} | {e.id for _, e in example.iter_evidence()}
    assert len(layout["edges"]) == sum(len(p.evidence) for p in example.positions) + len(
        example.rebuttal_pairs()
    )
    assert [o["name"] for o in layout["objects"] if o["name"].startswith("cluster_")] == [
        "cluster_1",
        "cluster_2",
        "cluster_3",
    ]
    assert layout["label"] == example.title
    # and the drawing itself, for people to look at
    shots = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    png = subprocess.run(
        ["dot", "-Tpng", "-Gdpi=70"], input=data, capture_output=True, check=True, timeout=60
    )
    assert png.stdout.startswith(b"\x89PNG")
    (shots / "example-map.png").write_bytes(png.stdout)


def test_graphml_refuses_text_xml_cannot_hold(example: Debate) -> None:
    from dataclasses import replace

    from quaestio.errors import UnsupportedOperationError

    bad = replace(example, title="bell\x07")
    with pytest.raises(UnsupportedOperationError) as info:
        graphml.write(bad)
    assert info.value.field == "title" and "U+0007" in info.value.message
