from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from quaestio.errors import ParseError
from quaestio.formats import debate_json, debate_md, for_path, read_path
from quaestio.model import Debate, validate
from strategies import debates


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
