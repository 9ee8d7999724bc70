from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from quaestio.errors import ParseError
from quaestio.formats import debate_json, read_path


def test_written_json_validates_against_shipped_schema(example_path: Path) -> None:
    data = debate_json.to_dict(read_path(example_path).debate)
    jsonschema.Draft202012Validator(debate_json.schema()).validate(data)
    assert data["quaestio"] == 1
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
