"""The quick schema check says "valid" exactly when jsonschema does.

``schema_check`` replaces jsonschema on the path of a valid file only, so the one
thing that matters is agreement: a document one accepts and the other refuses
would either let a bad file through or refuse a good one. Each document here is a
real debate's JSON, then that JSON broken one place at a time in every way a
hand-edited or foreign file breaks (a wrong type, a missing or unknown key, an
empty or spaced id, a line 0, ``true`` for a number, ``3.0`` for a line), checked
against both shipped schemas.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fmt_example import make_example

from quaestio.errors import ParseError
from quaestio.formats import debate_json, read_path
from quaestio.formats.schema_check import Unsupported, compile_schema

DATA = Path(__file__).parent / "data"
REPLACEMENTS: tuple[Any, ...] = (None, True, 0, 3.0, 2.5, "", "a b", [], {})


def documents() -> dict[str, dict[str, Any]]:
    debates = {
        "example": make_example(),
        "purges": read_path(Path(__file__).parents[2] / "examples" / "purges.debate.md").debate,
        "argument map": read_path(DATA / "weimar-map.argdown").debate,
    }
    out = {}
    for name, debate in debates.items():
        doc = debate_json.to_dict(debate)
        for p in doc["positions"]:  # two of each list: every field, not every point
            p["evidence"] = p["evidence"][:2]
        for key in ("positions", "consequences", "warnings", "relations", "arguments", "schools"):
            doc[key] = doc[key][:2]
        if doc["conclusion"]:
            doc["conclusion"]["claims"] = doc["conclusion"].get("claims", [])[:2]
        out[name] = doc
    return out


def places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from places(value, (*path, i))


def broken(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """``doc`` with one thing changed, every way, at every place."""
    for path in places(doc):
        if not path:
            continue
        for value in REPLACEMENTS:
            out = copy.deepcopy(doc)
            parent = out
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = value
            yield out
        out = copy.deepcopy(doc)
        parent = out
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, dict):
            del parent[path[-1]]
            yield out
    for path in places(doc):
        out = copy.deepcopy(doc)
        node = out
        for step in path:
            node = node[step]
        if isinstance(node, dict):
            node["zz_unknown"] = 1
            yield out


@pytest.mark.parametrize("name", ["example", "purges", "argument map"])
def test_quick_check_agrees_with_jsonschema_on_every_breakage(name: str) -> None:
    doc = documents()[name]
    schemas = {v: debate_json.schema(v) for v in debate_json.SCHEMAS}
    quick = {v: compile_schema(s) for v, s in schemas.items()}
    full = {v: jsonschema.Draft202012Validator(s) for v, s in schemas.items()}
    assert quick[2](doc) and full[2].is_valid(doc)
    checked = refused = 0
    for variant in broken(doc):
        for v in schemas:
            expected = full[v].is_valid(variant)
            assert quick[v](variant) == expected, (v, json.dumps(variant)[:300])
            checked += 1
            refused += not expected
    assert refused > checked // 3  # the breakages do break


def test_a_keyword_it_does_not_know_leaves_the_check_to_jsonschema() -> None:
    with pytest.raises(Unsupported):
        compile_schema({"type": "object", "properties": {"a": {"format": "date"}}})
    with pytest.raises(Unsupported):
        compile_schema({"$ref": "#/$defs/missing"})
    for version in debate_json.SCHEMAS:  # the shipped schemas compile
        assert debate_json._quick_check(version) is not None


def test_a_refused_file_still_gets_jsonschemas_message_naming_the_field() -> None:
    doc = debate_json.to_dict(make_example())
    doc["positions"][1]["evidence"][0]["stance"] = "neutral"
    with pytest.raises(ParseError) as info:
        debate_json.loads(json.dumps(doc), path="d.json")
    assert info.value.field == "positions/1/evidence/0/stance"
    assert "'neutral' is not one of ['for', 'against']" in str(info.value)
    assert info.value.file == "d.json"
