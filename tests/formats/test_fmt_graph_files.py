"""The graph formats on real-shaped files written for these tests (tests/formats/data).

Each file has what the field's files have: nesting deeper than two levels, undercuts,
contradictions, rephrases, attacks on attacks, premise-conclusion arguments, tags,
comments inside relation trees, multi-line data, both Kialo layouts, a duplicated
node and a dangling edge. The tests check what each reader keeps, and that the
``loses`` list of each writable format is exactly what a write and re-read drops.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quaestio.errors import ParseError
from quaestio.formats import argdown, by_name, kialo
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format
from quaestio.model import Debate, validate

DATA = Path(__file__).parent / "data"
FILES = {
    "argdown": "revolution.argdown",
    "aif": "revolution.aif.json",
    "kialo": "revolution.txt",
    "sadface": "revolution.sadface.json",
    "carneades": "revolution.carneades.yml",
}


def load(name: str) -> Debate:
    path = DATA / FILES[name]
    fmt = by_name(name)
    assert fmt.read is not None
    return fmt.read(path.read_bytes(), str(path)).debate


def graph(d: Debate) -> dict[str, object]:
    """The graph features the loss tokens speak of, by claim text (ids aside)."""
    text = {p.id: p.title for p in d.positions}
    text.update({e.id: e.text for _, e in d.iter_evidence()})
    text.update({r.id: f"relation {r.kind}" for r in d.relations})
    return {
        "nesting": sorted((text[e.id], text[e.parent]) for _, e in d.iter_evidence() if e.parent),
        "relations": sorted((r.kind, text[r.source], text[r.target]) for r in d.relations),
        "arguments": sorted(
            (tuple(sorted(text[k] for k in a.premises)), text[a.conclusion]) for a in d.arguments
        ),
        "tags": sorted((text[e.id], e.tags) for _, e in d.iter_evidence() if e.tags),
    }


def test_every_graph_file_reads_into_a_valid_nested_debate() -> None:
    for name in FILES:
        d = load(name)
        assert not [p for p in validate(d) if p.severity == "error"], name
        assert any(e.parent for _, e in d.iter_evidence()) or name == "carneades", name
        assert d.relations, name


def test_argdown_keeps_structures_undercuts_contradictions_tags_and_data() -> None:
    d = load("argdown")
    g = graph(d)
    assert (
        "Rates eased in the spring of 1789 once the Estates-General were called.",
        "By 1788 bankers would lend only at ruinous rates.",
    ) in g["nesting"]  # type: ignore[operator]
    kinds = {r.kind for r in d.relations}
    assert {"undercut", "contradictory"} <= kinds
    (arg,) = d.arguments
    assert arg.title == "Price argument" and len(arg.premises) == 2
    # a structure with nothing of its own is the argument only, not also a point, and its
    # premises sit in the tree below its conclusion rather than in extra relations
    assert "Price argument" not in {e.label for _, e in d.iter_evidence()}
    bread = next(e for _, e in d.iter_evidence() if e.label == "Bread price")
    assert d.claims_by_id()[bread.parent or d.position_of()[bread.id].id] is not None
    assert "support" not in kinds
    assert d.positions[0].tags == ("fiscal",)  # a position's tags are kept
    loans = next(e for _, e in d.iter_evidence() if e.label == "Loans refused")
    assert loans.tags == ("fiscal", "credit markets")
    court = next(e for _, e in d.iter_evidence() if e.label == "Spending on court")
    assert court.years == (1788,)  # the data block ran over two lines
    # the comment line inside the tree did not end it: the court point still answers the crown
    assert court.parent is None and court.stance == "against"
    assert [p.title for p in d.positions][:1] == ["Bankrupt crown"]


def test_argdown_refuses_include_and_names_the_line() -> None:
    with pytest.raises(ParseError) as info:
        argdown.read(b"[A]: a claim\n\n@include(other.argdown)\n", "x.argdown")
    assert info.value.line == 3 and info.value.field == "@include"


def test_argdown_reads_a_long_map() -> None:
    """A long flat tree reads whole (how the time grows is measured by the benchmark)."""
    lines = ["[Root]: the claim everything answers.", "  + <A0>: first reason"]
    lines += [f"    - <B{n}>: counter {n} that runs" for n in range(2_000)]
    d = argdown.read("\n".join(lines).encode(), "long.argdown").debate
    assert sum(1 for _ in d.iter_evidence()) == 2_001


def test_aif_keeps_undercuts_attacks_on_attacks_and_rephrases_and_warns() -> None:
    d = load("aif")
    g = graph(d)
    relations = g["relations"]
    assert (
        "undercut",
        "Hunger alone never made a revolution.",
        "The harvest of 1788 failed.",
    ) in relations  # type: ignore[operator]
    # the attack on the conflict "rates eased -> loans refused" undercuts that link
    assert (
        "undercut",
        "Lenders only waited for a guarantee of the debt.",
        "Rates eased once the Estates-General were called.",
    ) in relations  # type: ignore[operator]
    assert ("rephrase", "Hungry crowds rose.", "Crowds rose for bread.") in relations  # type: ignore[operator]
    assert len(d.arguments) == 1 and len(d.arguments[0].premises) == 2
    (warning,) = [w for w in d.warnings if w.code == "aif_broken"]
    assert "node 5 is defined twice" in warning.message and "unknown node 99" in warning.message


def test_kialo_txt_is_recognised_and_keeps_every_parent() -> None:
    data = (DATA / FILES["kialo"]).read_bytes()
    assert kialo.looks_like_kialo(data)
    d = load("kialo")
    depth = {e.id: e.id.count(".") for _, e in d.iter_evidence()}
    assert max(depth.values()) == 3  # 1.1.1.1.1 keeps its parent three levels below 1.1
    assert [(r.kind) for r in d.relations] == ["attack"]


def test_carneades_arguments_issues_and_undercutters() -> None:
    d = load("carneades")
    kinds = sorted(r.kind for r in d.relations)
    assert kinds == ["contrary", "undercut"]
    assert sorted(len(a.premises) for a in d.arguments) == [1, 2]
    assert d.title == "Why did revolution break out in France in 1789?"


def test_carneades_argument_without_premises_is_an_argument() -> None:
    """The pattern of carneades-4's Dung examples (examples/AGs/YAML, MPL-2.0), written
    here: arguments with only a conclusion and an undercutter, one reinstating another."""
    text = b"""statements:
  held: The treaty was binding.
  not_a: The first argument does not apply.
  not_b: The second argument does not apply.
arguments:
  a: {conclusion: held, undercutter: not_a, scheme: custom}
  b: {conclusion: not_a, undercutter: not_b}
"""
    d = by_name("carneades").read(text, "dung.carneades.yml").debate
    assert validate(d) == []
    texts = {p.id: p.title for p in d.positions} | {e.id: e.text for _, e in d.iter_evidence()}
    steps = sorted((a.title, a.premises, texts[a.conclusion], a.inference) for a in d.arguments)
    assert steps == [
        ("a", (), "The treaty was binding.", "custom"),
        ("b", (), "The first argument does not apply.", ""),
    ]
    undercuts = sorted((texts[r.source], texts[r.target]) for r in d.relations)
    assert undercuts == [
        ("The first argument does not apply.", "The treaty was binding."),
        ("The second argument does not apply.", "The first argument does not apply."),
    ]
    # the debate's own formats keep them
    for name, suffix in (("json", ".json"), ("debate-md", ".debate.md")):
        fmt = by_name(name)
        assert fmt.write is not None and fmt.read is not None
        assert fmt.read(fmt.write(d), "again" + suffix).debate.arguments == d.arguments


def _writable() -> list[str]:
    return [n for n in FILES if by_name(n).write is not None]


@pytest.mark.parametrize("name", _writable())
def test_loses_lists_exactly_what_a_round_trip_drops(name: str) -> None:
    """Write the real-shaped file back and read it: kept features are equal, lost ones gone."""
    fmt: Format = by_name(name)
    assert fmt.read is not None and fmt.write is not None
    module = __import__(fmt.read.__module__, fromlist=["LOSES"])
    lost: frozenset[str] = module.LOSES
    before = graph(load(name))
    again = graph(fmt.read(fmt.write(load(name)), f"again{Path(FILES[name]).suffix}").debate)
    for token in ("nesting", "relations", "arguments", "tags"):
        if token in lost:
            assert again[token] != before[token] or not before[token], (name, token)
        else:
            assert again[token] == before[token], (name, token)
    # and the text a user reads in `quaestio formats` is built from that same list
    assert fmt.loses.startswith(describe(lost))
