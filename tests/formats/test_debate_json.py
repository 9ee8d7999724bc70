from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from quaestio.errors import ParseError
from quaestio.formats import debate_json, read_path
from quaestio.model import Debate
from strategies import graph_debates


def test_written_json_validates_against_shipped_schema(example_path: Path) -> None:
    data = debate_json.to_dict(read_path(example_path).debate)
    jsonschema.Draft202012Validator(debate_json.schema()).validate(data)
    assert data["quaestio"] == 2
    position = data["positions"][3]
    assert set(position) >= {"id", "title", "summary", "historians", "evidence"}
    assert set(position["evidence"][0]) >= {
        "id",
        "stance",
        "label",
        "text",
        "years",
        "rebuts",
        "weight",
    }
    assert position["evidence"][0]["label"] == "Industrial Enemies"
    assert 1928 in position["evidence"][0]["years"]


@pytest.mark.parametrize(
    ("doc", "fld"),
    [
        ({"quaestio": 1, "title": "t", "positions": [{"id": "p1"}]}, "positions/0"),
        (
            {
                "quaestio": 1,
                "title": "t",
                "positions": [],
                "consequences": [{"id": "c", "polarity": "meh", "text": "x"}],
            },
            "consequences/0/polarity",
        ),
    ],
)
def test_schema_errors_name_the_field(doc: dict[str, object], fld: str) -> None:
    with pytest.raises(ParseError) as info:
        debate_json.loads(json.dumps(doc), path="d.json")
    assert info.value.field == fld


def test_syntax_error_names_the_line() -> None:
    with pytest.raises(ParseError) as info:
        debate_json.loads('{\n "quaestio": 1,\n "title": \n}', path="d.json")
    assert info.value.line == 4


def test_version_1_files_read_and_come_back_as_version_2(example_path: Path) -> None:
    debate = read_path(example_path).debate
    v1 = debate_json.to_dict(debate)
    v1["quaestio"] = 1
    for key in ("relations", "arguments", "schools"):
        v1.pop(key)
    if v1["conclusion"] is not None:
        v1["conclusion"].pop("claims")
    for p in v1["positions"]:
        p.pop("historian_stances", None)
        for e in p["evidence"]:
            for key in ("parent", "historians", "tags"):
                e.pop(key, None)
    back = debate_json.from_dict(v1)
    assert back.version == 2
    assert back.positions == tuple(
        p.__class__(
            **{
                **p.__dict__,
                "evidence": tuple(
                    e.__class__(**{**e.__dict__, "parent": None, "historians": (), "tags": ()})
                    for e in p.evidence
                ),
                "historians": tuple(h.__class__(h.name, h.key) for h in p.historians),
            }
        )
        for p in debate.positions
    )
    assert debate_json.to_dict(back)["quaestio"] == 2


def test_a_version_1_file_may_not_use_version_2_fields() -> None:
    doc = {"quaestio": 1, "title": "t", "positions": [], "relations": []}
    with pytest.raises(ParseError) as info:
        debate_json.loads(json.dumps(doc), path="d.json")
    assert "relations" in str(info.value)


def test_a_newer_version_is_refused_by_name() -> None:
    with pytest.raises(ParseError) as info:
        debate_json.loads('{"quaestio": 3, "title": "t", "positions": []}', path="d.json")
    assert info.value.field == "quaestio"


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(graph_debates())
def test_graph_round_trips_exactly_and_validates_against_the_schema(debate: Debate) -> None:
    data = debate_json.to_dict(debate)
    jsonschema.Draft202012Validator(debate_json.schema()).validate(data)
    assert debate_json.loads(debate_json.dumps(debate)).debate == debate


def test_node_lines_are_found_on_demand_and_travel_as_a_dict(example_path: Path) -> None:
    """A server reads files in a child process and gets the result back pickled."""
    import pickle

    text = debate_json.dumps(read_path(example_path).debate)
    loaded = debate_json.loads(text)
    first = loaded.debate.positions[0]
    line = text.splitlines()[loaded.locations[first.id] - 1]
    assert '"id"' in line and f'"{first.id}"' in line
    back = pickle.loads(pickle.dumps(loaded))
    assert isinstance(back.locations, dict)
    assert back.locations == dict(loaded.locations)
    assert set(back.locations) >= {e.id for _, e in loaded.debate.iter_evidence()}
