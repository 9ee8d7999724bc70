"""Attribute values of ``*.debate.md`` shared by the readers: lists, numbers, weights, sources."""

from __future__ import annotations

from typing import Any

from quaestio.errors import ParseError
from quaestio.model import DEFAULT_WEIGHT, Source


def as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [v.strip() for v in str(value).split(",") if v.strip()]


def weight_attr(attrs: dict[str, Any], path: str | None, line: int) -> float:
    weight = optional_number(attrs, "weight", path, line)
    return DEFAULT_WEIGHT if weight is None else weight


def optional_number(attrs: dict[str, Any], name: str, path: str | None, line: int) -> float | None:
    value = attrs.get(name)
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ParseError(
            f"{name} {value!r} is not a number", file=path, line=line, field=name
        ) from None
    return number


def source_attr(attrs: dict[str, Any], path: str | None, line: int) -> Source | None:
    src = attrs.get("src")
    if src is None:
        return None
    if not isinstance(src, list) or len(src) not in (3, 4):
        raise ParseError(
            "src must be [file, first line, last line] (and the element kind)",
            file=path,
            line=line,
            field="src",
        )
    return Source(src[0], src[1], src[2], src[3] if len(src) == 4 else None)
