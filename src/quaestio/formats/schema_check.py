"""A yes/no check of a document against the debate schemas, fast enough for every load.

jsonschema walks a 2,000-point debate in about 0.2 s (0.6 s on a busy machine), and
loading it costs another 0.1 s, on every ``evaluate``, ``convert`` or web upload of a
valid file. This module turns a schema into nested Python closures once per process,
for the keywords the shipped schemas use (``type``, ``properties``, ``required``,
``additionalProperties``, ``items``, ``$ref`` inside the document, ``oneOf``,
``const``, ``enum``, ``minLength``, ``pattern``, ``minimum``, ``maximum``,
``propertyNames``; annotations are skipped). It answers only "valid or not":
a document it refuses is handed to jsonschema, whose messages name the field, so a
bad file is reported exactly as before. A schema with any other keyword is not
compiled at all (``compile_schema`` raises ``Unsupported``) and jsonschema does
everything; ``tests/formats/test_schema_check.py`` checks that the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

#: keywords that describe and never constrain
_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$comment", "$defs"})


class Unsupported(Exception):
    """The schema uses a keyword this module does not implement."""


def _is_type(name: str) -> Check:
    if name == "string":
        return lambda x: isinstance(x, str)
    if name == "integer":  # as jsonschema: 3 and 3.0, never True
        return lambda x: (
            (isinstance(x, int) and not isinstance(x, bool))
            or (isinstance(x, float) and x.is_integer())
        )
    if name == "number":
        return lambda x: isinstance(x, (int, float)) and not isinstance(x, bool)
    if name == "boolean":
        return lambda x: isinstance(x, bool)
    if name == "object":
        return lambda x: isinstance(x, dict)
    if name == "array":
        return lambda x: isinstance(x, list)
    if name == "null":
        return lambda x: x is None
    raise Unsupported(f"type {name!r}")


def _same(a: Any, b: Any) -> bool:
    """JSON equality: True is not 1, 1 is 1.0 (stricter than jsonschema only for containers)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
        return type(a) is type(b) and a == b
    return bool(a == b)


def compile_schema(schema: dict[str, Any]) -> Check:
    """A function telling whether a parsed JSON document is valid against ``schema``."""
    defs: dict[str, Check] = {}
    pending: dict[str, Any] = {}

    def ref(pointer: str) -> Check:
        if not isinstance(pointer, str) or not pointer.startswith("#/"):
            raise Unsupported(f"$ref {pointer!r}")
        target: Any = schema
        for part in pointer[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or part not in target:
                raise Unsupported(f"$ref {pointer!r} leads nowhere")
            target = target[part]
        if pointer not in defs:
            pending[pointer] = target

        def check(x: Any) -> bool:  # looked up late: a definition may refer to itself
            return defs[pointer](x)

        return check

    def build(node: Any) -> Check:
        if node is True or node is False:
            return _always(node)
        if not isinstance(node, dict):
            raise Unsupported(f"schema {node!r}")
        checks: list[Check] = []
        for key, value in node.items():
            if key in _ANNOTATIONS or key in ("properties", "additionalProperties"):
                continue
            if key == "$ref":
                checks.append(ref(value))
            elif key in _KEYWORDS:
                checks.append(_KEYWORDS[key](value, build))
            else:
                raise Unsupported(f"keyword {key!r}")
        if "properties" in node or "additionalProperties" in node:
            checks.append(_object(node, build))
        return _all(checks)

    check = build(schema)
    while pending:  # every definition built now, so an unsupported keyword fails here
        pointer, target = pending.popitem()
        if pointer not in defs:
            defs[pointer] = build(target)
    return check


Build = Callable[[Any], Check]


def _always(answer: bool) -> Check:
    def check(x: Any) -> bool:
        return answer

    return check


def _all(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]

    def check(x: Any) -> bool:
        return all(c(x) for c in checks)

    return check


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _type(value: Any, build: Build) -> Check:
    kinds = [_is_type(n) for n in (value if isinstance(value, list) else [value])]

    def check(x: Any) -> bool:
        return any(k(x) for k in kinds)

    return check


def _required(value: Any, build: Build) -> Check:
    need = tuple(value)

    def check(x: Any) -> bool:
        return not isinstance(x, dict) or all(k in x for k in need)

    return check


def _items(value: Any, build: Build) -> Check:
    item = build(value)

    def check(x: Any) -> bool:
        return not isinstance(x, list) or all(map(item, x))

    return check


def _one_of(value: Any, build: Build) -> Check:
    options = [build(v) for v in value]

    def check(x: Any) -> bool:
        return sum(1 for o in options if o(x)) == 1

    return check


def _const(value: Any, build: Build) -> Check:
    def check(x: Any) -> bool:
        return _same(x, value)

    return check


def _enum(value: Any, build: Build) -> Check:
    allowed = list(value)

    def check(x: Any) -> bool:
        return any(_same(x, a) for a in allowed)

    return check


def _min_length(value: Any, build: Build) -> Check:
    def check(x: Any) -> bool:
        return not isinstance(x, str) or len(x) >= value

    return check


def _pattern(value: Any, build: Build) -> Check:
    search = re.compile(value).search

    def check(x: Any) -> bool:
        return not isinstance(x, str) or search(x) is not None

    return check


def _minimum(value: Any, build: Build) -> Check:
    def check(x: Any) -> bool:
        return not _number(x) or x >= value

    return check


def _maximum(value: Any, build: Build) -> Check:
    def check(x: Any) -> bool:
        return not _number(x) or x <= value

    return check


def _property_names(value: Any, build: Build) -> Check:
    name = build(value)

    def check(x: Any) -> bool:
        return not isinstance(x, dict) or all(map(name, x))

    return check


_KEYWORDS: dict[str, Callable[[Any, Build], Check]] = {
    "type": _type,
    "required": _required,
    "items": _items,
    "oneOf": _one_of,
    "const": _const,
    "enum": _enum,
    "minLength": _min_length,
    "pattern": _pattern,
    "minimum": _minimum,
    "maximum": _maximum,
    "propertyNames": _property_names,
}


def _object(node: dict[str, Any], build: Build) -> Check:
    """``properties`` and ``additionalProperties`` together (the latter covers the rest)."""
    props = {k: build(v) for k, v in node.get("properties", {}).items()}
    extra_schema = node.get("additionalProperties", True)
    extra = None if extra_schema is True else build(extra_schema)

    def check(x: Any) -> bool:
        if not isinstance(x, dict):
            return True
        for key, value in x.items():
            sub = props.get(key)
            if sub is not None:
                if not sub(value):
                    return False
            elif extra is not None and not extra(value):
                return False
        return True

    return check
