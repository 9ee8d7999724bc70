"""The ``{#id key=value ...}`` blocks that carry what Markdown has no place for.

One grammar for both directions, so that whatever the writer prints bare reads
back as the same string and anything else goes out as JSON the reader decodes.
Values stay raw here (strings, numbers, lists); what a key means is the reader's
business.
"""

from __future__ import annotations

import json
import re
from typing import Any

from quaestio.errors import ParseError

_BARE = re.compile(r"[^\s{}\"\[\]=]+")
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=")


def is_bare(value: str) -> bool:
    """Whether ``value`` can stand unquoted after ``key=`` and read back unchanged."""
    return _BARE.fullmatch(value) is not None


def parse_attrs(text: str, *, path: str | None, line: int) -> dict[str, Any]:
    """Parse ``#id key=value key="json string" key=[json]`` (the inside of ``{...}``)."""
    attrs: dict[str, Any] = {}
    decoder = json.JSONDecoder()
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        if text[i] == "#":
            m = _BARE.match(text, i + 1)
            if not m:
                raise ParseError("empty id after '#'", file=path, line=line, field="id")
            attrs["id"] = m.group(0)
            i = m.end()
            continue
        m = _KEY.match(text, i)
        if not m:
            raise ParseError(
                f"cannot read attribute at {text[i : i + 20]!r}; expected key=value",
                file=path,
                line=line,
            )
        key, i = m.group(1), m.end()
        if i < n and text[i] in '"[{':
            try:
                value, i = decoder.raw_decode(text, i)
            except json.JSONDecodeError as exc:
                raise ParseError(
                    f"bad value for {key}: {exc.msg}", file=path, line=line, field=key
                ) from exc
        else:
            vm = _BARE.match(text, i)
            if not vm:
                raise ParseError(f"missing value for {key}", file=path, line=line, field=key)
            value, i = vm.group(0), vm.end()
        attrs[key] = value
    return attrs


def format_attrs(attrs: dict[str, Any]) -> str:
    """The block ``parse_attrs`` reads back as ``attrs``; ``true``/``false`` are quoted to stay strings."""
    parts: list[str] = []
    for key, value in attrs.items():
        if key == "id":
            parts.append(f"#{value}")
        elif isinstance(value, str) and is_bare(value) and value not in ("true", "false"):
            parts.append(f"{key}={value}")
        else:
            parts.append(f"{key}={json.dumps(value, ensure_ascii=False, separators=(',', ':'))}")
    return "{" + " ".join(parts) + "}"


def split_trailing_attrs(text: str, *, path: str | None, line: int) -> tuple[str, dict[str, Any]]:
    """Split ``Heading text {#id k=v}`` into the text and its attributes.

    A heading may itself contain ``" {"``, so the last block that parses wins
    and text that merely ends in ``}`` stays text.
    """
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return stripped, {}
    start = stripped.rfind(" {")
    while start != -1:
        try:
            return stripped[:start].rstrip(), parse_attrs(
                stripped[start + 2 : -1], path=path, line=line
            )
        except ParseError:
            start = stripped.rfind(" {", 0, start)
    if stripped.startswith("{"):
        return "", parse_attrs(stripped[1:-1], path=path, line=line)
    return stripped, {}


def split_leading_attrs(text: str, *, path: str | None, line: int) -> tuple[str, dict[str, Any]]:
    """Split ``{#id k=v} bullet text``; the block ends at its matching brace, JSON strings aside."""
    if not text.startswith("{"):
        return text, {}
    depth, in_string, escape = 0, False, False
    for i, ch in enumerate(text):
        if in_string:
            if ch == '"' and not escape:
                in_string = False
            escape = ch == "\\" and not escape
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                attrs = parse_attrs(text[1:i], path=path, line=line)
                return text[i + 1 :].lstrip(" "), attrs
    raise ParseError("unclosed '{' attribute block", file=path, line=line)
