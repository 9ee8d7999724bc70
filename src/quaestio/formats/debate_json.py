"""The canonical debate JSON: the serialisation every other format is measured against.

Field names are fixed by the format version (``quaestio``: 2) and described by the
JSON Schema shipped beside this module (``schema/debate.schema.json``). Version 1
files (the table without the graph) are checked against ``schema/debate-1.schema.json``
and upgraded on load: every v1 field means the same in v2, the graph starts empty.
"""

from __future__ import annotations

import itertools
import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from quaestio.errors import ParseError
from quaestio.extract import historian_key
from quaestio.formats.debate_json_graph import (
    claims_list,
    graph_dict,
    point_fields,
    read_claims,
    read_graph,
    read_point_fields,
    read_source,
    source_dict,
)
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format, LinesOnDemand, Loaded, decode_utf8
from quaestio.formats.schema_check import Check, Unsupported, compile_schema
from quaestio.limits import check_count
from quaestio.model import (
    DEFAULT_WEIGHT,
    FORMAT_VERSION,
    AchRating,
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Figure,
    Historian,
    Position,
    Warning,
)

if TYPE_CHECKING:
    import jsonschema

#: the canonical serialisation keeps everything (see ``formats.losses``)
LOSES: frozenset[str] = frozenset()


#: format versions this quaestio reads, each with its schema file
SCHEMAS: dict[int, str] = {
    1: "schema/debate-1.schema.json",
    FORMAT_VERSION: "schema/debate.schema.json",
}


@cache
def schema(version: int = FORMAT_VERSION) -> dict[str, Any]:
    text = resources.files("quaestio.formats").joinpath(SCHEMAS[version]).read_text()
    return cast(dict[str, Any], json.loads(text))


@cache
def _quick_check(version: int) -> Check | None:
    """The schema as a yes/no function (``schema_check``), or None if it cannot be one."""
    try:
        return compile_schema(schema(version))
    except Unsupported:
        return None


@cache
def _validator(version: int) -> jsonschema.Draft202012Validator:
    import jsonschema  # here, not at the top: it takes longer to load than a file to read

    return jsonschema.Draft202012Validator(schema(version))


# -- to JSON ------------------------------------------------------------------------
_source = source_dict


def _figure(f: Figure) -> dict[str, Any]:
    return {"text": f.text, "value": f.value, "kind": f.kind, "of": f.of, "unit": f.unit}


def _evidence(e: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.id,
        "stance": e.stance,
        "label": e.label,
        "text": e.text,
        "years": list(e.years),
        "figures": [_figure(f) for f in e.figures],
        "rebuts": list(e.rebuts),
        "references": list(e.references),
        "weight": e.weight,
        "source": _source(e.source),
    }
    # the analyst's ACH judgements: only written when made, so older files stay byte-identical
    if e.ach:
        out["ach"] = {r.position: r.rating for r in e.ach}
    if e.credibility is not None:
        out["credibility"] = e.credibility
    if e.relevance is not None:
        out["relevance"] = e.relevance
    out.update(point_fields(e))
    return out


def _position(p: Position) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": p.id,
        "title": p.title,
        "summary": p.summary,
        "historians": [h.name for h in p.historians],
        "historian_keys": [h.key for h in p.historians],
    }
    if any(h.stance != "for" for h in p.historians):
        out["historian_stances"] = [h.stance for h in p.historians]
    out |= {
        "weight": p.weight,
        "source": _source(p.source),
        "evidence": [_evidence(e) for e in p.evidence],
    }
    if p.tags:
        out["tags"] = list(p.tags)
    return out


def to_dict(debate: Debate) -> dict[str, Any]:
    return {
        "quaestio": FORMAT_VERSION,
        "title": debate.title,
        "question": debate.question,
        "source_file": debate.source_file,
        "positions": [_position(p) for p in debate.positions],
        "conclusion": (
            None
            if debate.conclusion is None
            else {
                "text": debate.conclusion.text,
                "source": _source(debate.conclusion.source),
                "claims": claims_list(debate.conclusion.claims),
            }
        ),
        "consequences": [
            {
                "id": c.id,
                "polarity": c.polarity,
                "text": c.text,
                "category": c.category,
                "weight": c.weight,
                "source": _source(c.source),
            }
            for c in debate.consequences
        ],
        "warnings": [
            {"code": w.code, "message": w.message, "line": w.line} for w in debate.warnings
        ],
        **graph_dict(debate),
    }


def dumps(debate: Debate) -> str:
    return json.dumps(to_dict(debate), ensure_ascii=False, indent=2) + "\n"


# -- from JSON ----------------------------------------------------------------------
_read_source = read_source


def _read_figure(data: dict[str, Any]) -> Figure:
    return Figure(
        data["text"],
        float(data["value"]),
        data.get("kind", "count"),
        data.get("of"),
        data.get("unit"),
    )


def _historians(p: dict[str, Any]) -> tuple[Historian, ...]:
    names = p["historians"]
    keys = p.get("historian_keys") or [historian_key(n) for n in names]
    if len(keys) != len(names):
        keys = [historian_key(n) for n in names]
    stances = p.get("historian_stances") or ["for"] * len(names)
    if len(stances) != len(names):
        stances = ["for"] * len(names)
    return tuple(Historian(n, k, s) for n, k, s in zip(names, keys, stances, strict=True))


def _place(error: Any) -> list[tuple[int, int, str]]:
    """Sort key of a schema error's path: indexes by number, keys by name, never mixed."""
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in error.absolute_path]


def from_dict(data: dict[str, Any], *, path: str | None = None) -> Debate:
    """Build a debate from parsed JSON, checking it against its version's schema first.

    A version 1 document is read by the v1 schema and comes back as a v2 debate.
    """
    raw = data.get("positions")
    if isinstance(raw, list):
        evidence = sum(
            len(p["evidence"])
            for p in raw
            if isinstance(p, dict) and isinstance(p.get("evidence"), list)
        )
        check_count(len(raw) + evidence, "positions and evidence", path, field="positions")
    version = data.get("quaestio")
    version = version if version in SCHEMAS else FORMAT_VERSION
    quick = _quick_check(version)
    # A valid file is checked once, quickly; jsonschema, which names the field, looks
    # only at a file the quick check refuses (and at every file if there is none).
    # At most a thousand problems are collected: a huge broken file is refused as fast
    # as a small one, with the first problem by place.
    valid = quick is not None and quick(data)
    found = () if valid else itertools.islice(_validator(version).iter_errors(data), 1000)
    errors = sorted(found, key=_place)
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ParseError(f"{first.message}{more}", file=path, field=where)
    positions = []
    for p in data["positions"]:
        positions.append(
            Position(
                id=p["id"],
                title=p["title"],
                summary=p.get("summary", ""),
                historians=_historians(p),
                weight=p.get("weight", DEFAULT_WEIGHT),
                source=_read_source(p.get("source")),
                tags=tuple(p.get("tags", ())),
                evidence=tuple(
                    Evidence(
                        id=e["id"],
                        stance=e["stance"],
                        text=e["text"],
                        label=e.get("label"),
                        years=tuple(e.get("years", ())),
                        figures=tuple(_read_figure(f) for f in e.get("figures", ())),
                        rebuts=tuple(e.get("rebuts", ())),
                        references=tuple(e.get("references", ())),
                        weight=e.get("weight", DEFAULT_WEIGHT),
                        source=_read_source(e.get("source")),
                        ach=tuple(AchRating(p, r) for p, r in e.get("ach", {}).items()),
                        credibility=e.get("credibility"),
                        relevance=e.get("relevance"),
                        **read_point_fields(e),
                    )
                    for e in p.get("evidence", ())
                ),
            )
        )
    conclusion = data.get("conclusion")
    return Debate(
        title=data["title"],
        question=data.get("question", ""),
        positions=tuple(positions),
        conclusion=(
            None
            if not conclusion
            else Conclusion(
                conclusion["text"],
                _read_source(conclusion.get("source")),
                read_claims(conclusion.get("claims", ())),
            )
        ),
        consequences=tuple(
            Consequence(
                id=c["id"],
                polarity=c["polarity"],
                text=c["text"],
                category=c.get("category"),
                weight=c.get("weight", DEFAULT_WEIGHT),
                source=_read_source(c.get("source")),
            )
            for c in data.get("consequences", ())
        ),
        warnings=tuple(
            Warning(w["code"], w["message"], w.get("line")) for w in data.get("warnings", ())
        ),
        source_file=data.get("source_file"),
        version=FORMAT_VERSION,
        **read_graph(data),
    )


def loads(text: str, *, path: str | None = None) -> Loaded:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg}", file=path, line=exc.lineno) from exc
    if not isinstance(data, dict):
        raise ParseError("a debate must be a JSON object", file=path, line=1)
    version = data.get("quaestio")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise ParseError(
            f"format version {data['quaestio']} is newer than this quaestio understands "
            f"({FORMAT_VERSION})",
            file=path,
            field="quaestio",
        )
    debate = from_dict(data, path=path)
    return Loaded(debate, LinesOnDemand(lambda: _locate_ids(text, debate)))


def _locate_ids(text: str, debate: Debate) -> dict[str, int]:
    """Line of each node's ``"id"`` in the JSON text, for messages that point at lines."""
    wanted = set(debate.all_ids())
    out: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith('"id"'):
            try:
                value = json.loads("{" + stripped.rstrip(",") + "}")["id"]
            except (json.JSONDecodeError, KeyError):
                continue
            if value in wanted and value not in out:
                out[value] = number
    return out


def _read(data: bytes, path: str | None) -> Loaded:
    return loads(decode_utf8(data, path), path=path)


def _write(debate: Debate) -> bytes:
    return dumps(debate).encode("utf-8")


FORMAT = Format(
    name="json",
    suffixes=(".json", ".debate.json"),
    description="quaestio debate JSON, the canonical serialisation (JSON Schema in the package)",
    media_type="application/json",
    read=_read,
    write=_write,
    loses=describe(LOSES),
)
