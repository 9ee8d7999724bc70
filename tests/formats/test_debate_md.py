from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from quaestio.errors import ParseError
from quaestio.formats import debate_json, debate_md, for_path, read_path
from quaestio.model import Debate, validate
from strategies import debates, graph_debates


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(debates())
def test_round_trip_is_lossless(debate: Debate) -> None:
    assert validate(debate) == []
    text = debate_md.dumps(debate)
    back = debate_md.loads(text).debate
    assert back == debate_md.canonical_order(debate)
    assert debate_md.dumps(back) == text


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(debates())
def test_json_round_trip_is_exact(debate: Debate) -> None:
    assert debate_json.loads(debate_json.dumps(debate)).debate == debate


def test_example_reads_with_ids_rebuttals_and_locations(example_path: Path) -> None:
    loaded = read_path(example_path)
    debate = loaded.debate
    assert len(debate.positions) == 7
    assert validate(debate) == []
    pairs = {(c.id, t.id) for c, t in debate.rebuttal_pairs()}
    # rebuts="Industrial Enemies" resolves to the for-point with that label
    assert ("p4.a1", "p4.f1") in pairs and ("p3.a1", "p3.f2") in pairs
    lines = example_path.read_text().splitlines()
    assert lines[loaded.locations["p4.f1"] - 1].startswith("- {#p4.f1}")
    assert debate.conclusion is not None and "44 000" in debate.conclusion.text
    assert sum(c.polarity == "negative" for c in debate.consequences) == 11


def test_hand_written_file_gets_ids_years_and_label_rebuttals() -> None:
    text = """# Causes of the war

Question: Why did it start?

## Alliances
Historians: Taylor; Fischer

The system of alliances dragged everyone in.

### For
- **Blank cheque:** Germany backed Austria in July 1914.
- A second point with 3/5 of the votes.

### Against
- {rebuts="Blank cheque"} The cheque was a bluff.

## Consequences
### Negative
- Ten million dead.
"""
    debate = debate_md.loads(text).debate
    position = debate.positions[0]
    assert position.id == "p1"
    assert [h.name for h in position.historians] == ["Taylor", "Fischer"]
    assert [e.id for e in position.evidence] == ["p1.f1", "p1.f2", "p1.a1"]
    assert position.evidence[0].label == "Blank cheque"
    assert position.evidence[0].years == (1914,)
    assert position.evidence[1].figures[0].of == 5
    assert position.evidence[2].rebuts == ("p1.f1",)
    assert debate.consequences[0].id == "c.neg1"


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("no title here\n", 1, "Title"),
        ("# T\n\n## P\n- stray bullet\n", 4, "bullet"),
        ("# T\n\n## P\n### Maybe\n", 4, "unexpected heading"),
        ("# T\n\n## P\n### For\n- {#x weight=heavy} text\n", 5, "weight"),
        ("# T\n\n## P\n### For\n- {#x rebuts=} text\n", 5, "rebuts"),
        ("# T\n# U\n", 2, "second"),
        ("# T\n\n## P\n### For\n- {#x years=19x4} text\n", 5, "year '19x4'"),
    ],
)
def test_errors_name_the_line(text: str, line: int, needle: str) -> None:
    with pytest.raises(ParseError) as info:
        debate_md.loads(text, path="bad.debate.md")
    assert info.value.line == line
    assert info.value.file == "bad.debate.md"
    assert needle.lower() in str(info.value).lower()


def test_longest_suffix_wins() -> None:
    assert for_path("x.debate.md").name == "debate-md"
    assert for_path("x.json").name == "json"


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(graph_debates())
def test_the_whole_graph_round_trips(debate: Debate) -> None:
    text = debate_md.dumps(debate)
    back = debate_md.loads(text).debate
    assert back == debate_md.canonical_order(debate)
    assert debate_md.dumps(back) == text


_GRAPH = """# Terror

## Planned from above
Historians: Conquest
Disputed by: Getty

### For
- **Lists:** Stalin signed the death lists.
### Against
- {by="Getty, Thurston" tags=local} The centre could not control the regions.
  - Against: Control was tightened once Ezhov took over.
    - For: {disputed_by=Conquest} Regional bosses still set their own quotas.
  - For: Moscow's orders were often ignored.
- {parent=p1.f1} The lists were drafted by the police, not by him.

## Reactions to weakness

### For
- Panic at the centre.

## Relations
- p1.a1 supports p2: the same weakness explains the panic
- p2.f1 undercuts p1.f1
- p1.a1.f1 is contrary to p1.f1

## Schools
- **Stalin-centred:** p1
  Historians who put the dictator first.

## Conclusion
He drove it, but not alone.
### Claims
- {endorses=p1 qualifies=p2} He drove it.
"""


def test_hand_written_nesting_and_relations_read_as_a_graph() -> None:
    debate = debate_md.loads(_GRAPH).debate
    assert validate(debate) == []
    points = debate.evidence_by_id()
    assert [(e.id, e.parent, e.stance) for e in debate.positions[0].evidence] == [
        ("p1.f1", None, "for"),
        ("p1.a1", None, "against"),
        ("p1.a1.a1", "p1.a1", "against"),
        ("p1.a1.a1.f1", "p1.a1.a1", "for"),
        ("p1.a1.f1", "p1.a1", "for"),
        ("p1.f1.a1", "p1.f1", "against"),
    ]
    assert [(h.name, h.stance) for h in points["p1.a1"].historians] == [
        ("Getty", "for"),
        ("Thurston", "for"),
    ]
    assert points["p1.a1.a1.f1"].historians[0].stance == "against"
    assert points["p1.a1"].tags == ("local",)
    assert [h.stance for h in debate.positions[0].historians] == ["for", "against"]
    assert [(r.id, r.kind, r.source, r.target) for r in debate.relations] == [
        ("r1", "support", "p1.a1", "p2"),
        ("r2", "undercut", "p2.f1", "p1.f1"),
        ("r3", "contrary", "p1.a1.f1", "p1.f1"),
    ]
    assert debate.relations[0].text == "the same weakness explains the panic"
    assert debate.schools[0].positions == ("p1",) and debate.schools[0].name == "Stalin-centred"
    claim = debate.conclusion_claims[0]
    assert [(j.position, j.verdict) for j in claim.judgements] == [
        ("p1", "endorses"),
        ("p2", "qualifies"),
    ]
    # the writer nests the point given with parent= under its parent
    again = debate_md.loads(debate_md.dumps(debate)).debate
    assert again.evidence_by_id()["p1.f1.a1"].parent == "p1.f1"
    assert "  - Against: {#p1.f1.a1}" in debate_md.dumps(debate)


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("# T\n## P\n### For\n- a\n   - Against: odd\n", 5, "indented 3 spaces"),
        ("# T\n## P\n### For\n- a\n    - Against: too deep\n", 5, "at most 2"),
        ("# T\n## P\n### For\n- a\n## Relations\n- p1 loves p2\n", 6, "SOURCE VERB TARGET"),
        ("# T\n## Arguments\n- p1, p2 p3\n", 3, "=>"),
        ("# T\n## Relations\n## Relations\n", 3, "second"),
    ],
)
def test_graph_syntax_errors_name_the_line(text: str, line: int, needle: str) -> None:
    with pytest.raises(ParseError) as info:
        debate_md.loads(text, path="x.debate.md")
    assert info.value.line == line and needle in str(info.value)
