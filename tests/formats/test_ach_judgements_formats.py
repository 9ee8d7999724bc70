"""The analyst's ACH judgements in the debate JSON and the plain-text format."""

from __future__ import annotations

import json

import pytest

from quaestio.errors import ParseError
from quaestio.formats import debate_json, debate_md
from quaestio.model import AchRating, Debate

HAND_WRITTEN = """# T

## First {#p1}

### For

- {#p1.f1 ach=p2:ii,p1:NA credibility=0.9} A point.

## Second {#p2}

### Against

- {ach={"p1":"C"} relevance=0.25} Another point.
"""


def test_hand_written_ratings_read_in_either_syntax() -> None:
    debate = debate_md.loads(HAND_WRITTEN).debate
    first, second = debate.positions[0].evidence[0], debate.positions[1].evidence[0]
    assert first.ach == (AchRating("p2", "II"), AchRating("p1", "NA"))
    assert (first.credibility, first.relevance) == (0.9, None)
    assert (second.ach, second.relevance) == ((AchRating("p1", "C"),), 0.25)


def test_written_form_is_bare_and_reads_back(example: Debate) -> None:
    text = debate_md.dumps(example)
    assert " ach=p1:C,p2:CC credibility=0.9 " in text
    assert " ach=p3:NA relevance=0.25}" in text
    assert debate_md.loads(text).debate == debate_md.canonical_order(example)


@pytest.mark.parametrize(
    ("attrs", "needle"),
    [
        ("ach=p2", "position:rating"),
        ("ach=p2:maybe", "'maybe'"),
        ('ach={"p2":3}', "3"),
        ("ach=[1]", "position:rating"),
        ("credibility=high", "credibility 'high' is not a number"),
        ("relevance=[]", "relevance"),
    ],
)
def test_bad_ratings_name_the_line_and_field(attrs: str, needle: str) -> None:
    text = f"# T\n\n## P {{#p2}}\n\n### For\n\n- {{{attrs}}} text\n"
    with pytest.raises(ParseError) as info:
        debate_md.loads(text, path="bad.debate.md")
    assert (info.value.file, info.value.line) == ("bad.debate.md", 7)
    assert info.value.field in ("ach", "credibility", "relevance")
    assert needle in info.value.message


def test_json_keeps_judgements_and_schema_refuses_bad_ones(example: Debate) -> None:
    data = debate_json.to_dict(example)
    item = data["positions"][1]["evidence"][0]
    assert (item["ach"], item["credibility"]) == ({"p1": "C", "p2": "CC"}, 0.9)
    assert "ach" not in data["positions"][0]["evidence"][0]  # only written when made
    assert debate_json.loads(json.dumps(data)).debate == example
    item["ach"] = {"p1": "maybe"}
    with pytest.raises(ParseError) as info:
        debate_json.loads(json.dumps(data), path="d.json")
    assert info.value.field == "positions/1/evidence/0/ach/p1"
    item["ach"] = {}
    item["credibility"] = "high"
    with pytest.raises(ParseError) as info:
        debate_json.loads(json.dumps(data), path="d.json")
    assert info.value.field == "positions/1/evidence/0/credibility"
