"""Carneades 4 argument graphs in YAML (the native format of carneades-4), read only.

A Carneades file names ``statements`` (id: text), ``issues`` whose ``positions`` are
alternative statements, and ``arguments`` with a ``conclusion``, ``premises`` (a list,
or a mapping of role to statement) and optionally an ``undercutter`` statement. Each
argument becomes a premise-conclusion argument (one without premises too: it presumes
its conclusion), each premise a support of the conclusion, the undercutter an undercut
of that inference, and the positions of an issue contraries of each other. The graph
is then shaped like every other map: statements that support or attack nothing are
positions. Assumptions, labels, weights, schemes' roles, language and tests are not read.
"""

from __future__ import annotations

from typing import Any

from quaestio.errors import ParseError
from quaestio.formats.draft import (
    DraftArgument,
    DraftDebate,
    DraftEvidence,
    DraftPosition,
    build,
    decode,
)
from quaestio.formats.graph_shape import Edge, place, relations
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format, Loaded
from quaestio.model import Warning

LOSES = frozenset(
    {
        "ach_judgements",
        "summaries",
        "labels",
        "years",
        "figures",
        "references",
        "weights",
        "sources",
        "conclusion",
        "consequences",
        "position_historians",
        "tags",
    }
)


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("text") or value.get("meta", {}).get("text") or ""
    return " ".join(str(value or "").split())


def read(data: bytes, path: str | None) -> Loaded:
    text = decode(data, path)
    import yaml  # PyYAML loads only when a Carneades file is read

    try:
        doc = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ParseError(
            f"not valid YAML: {getattr(exc, 'problem', exc)}",
            file=path,
            line=mark.line + 1 if mark is not None else None,
        ) from None
    if not isinstance(doc, dict):
        raise ParseError("a Carneades graph is a YAML mapping", file=path, line=1)
    raw_statements = doc.get("statements") or {}
    raw_arguments = doc.get("arguments") or {}
    raw_issues = doc.get("issues") or {}
    for name, value in (
        ("statements", raw_statements),
        ("arguments", raw_arguments),
        ("issues", raw_issues),
    ):
        if not isinstance(value, dict):
            raise ParseError(f"'{name}' must be a mapping", file=path, field=name)
    statements: dict[str, str] = {str(k): _text(v) or str(k) for k, v in raw_statements.items()}
    edges: list[Edge] = []
    draft = DraftDebate()
    missing: set[str] = set()

    def claim(ident: object) -> str:
        key = str(ident)
        if key not in statements:
            missing.add(key)
            statements[key] = key  # Carneades lets an argument name an undeclared atom
        return key

    for aid, arg in raw_arguments.items():
        if not isinstance(arg, dict) or "conclusion" not in arg:
            raise ParseError(
                f"argument {aid} needs a conclusion", file=path, field=f"arguments.{aid}"
            )
        conclusion = claim(arg["conclusion"])
        raw = arg.get("premises") or []
        premises = [claim(p) for p in (raw.values() if isinstance(raw, dict) else raw)]
        for n, premise in enumerate(premises):
            edges.append(Edge(f"{aid}~{n}", "support", premise, conclusion))
        # an argument without premises is kept too: it presumes its conclusion
        scheme = str(arg.get("scheme") or "")
        draft.arguments.append(DraftArgument(str(aid), premises, conclusion, scheme))
        if arg.get("undercutter") is not None:
            # without premises the argument's only link is its conclusion's: to the point it
            # answers or, for a position, to the question
            target = f"{aid}~0" if premises else conclusion
            edges.append(Edge(f"{aid}~u", "undercut", claim(arg["undercutter"]), target))
    for iid, issue in raw_issues.items():
        positions = [claim(p) for p in ((issue or {}).get("positions") or [])]
        for i, a in enumerate(positions):
            for b in positions[i + 1 :]:
                edges.append(Edge(f"{iid}~{a}~{b}", "contrary", a, b))
    nodes = list(statements)
    placed = place(nodes, edges)
    draft.relations, dropped = relations(edges, placed)
    positions_by: dict[str, DraftPosition] = {}
    for s in nodes:
        if placed[s].stance == "root":
            positions_by[s] = DraftPosition(title=statements[s], key=s)
            draft.positions.append(positions_by[s])
    for s in nodes:
        where = placed[s]
        if where.stance != "root":
            positions_by[where.root].evidence.append(
                DraftEvidence(
                    stance="for" if where.stance == "for" else "against",
                    text=statements[s],
                    key=s,
                    label=s if s != statements[s] else None,
                    parent=where.parent,
                )
            )
    meta = doc.get("meta") or {}
    draft.title = _text(meta.get("title")) if isinstance(meta, dict) else ""
    if missing:
        draft.warnings.append(
            Warning(
                "carneades_undeclared",
                f"{len(missing)} statement(s) used by arguments but not declared were read "
                f"with their id as text: {', '.join(sorted(missing)[:5])}",
            )
        )
    if dropped:
        draft.warnings.append(Warning("carneades_skipped", f"{dropped} link(s) were skipped"))
    return build(draft, path)


FORMAT = Format(
    name="carneades",
    suffixes=(".carneades.yml", ".carneades.yaml"),
    description="Carneades 4 argument graph (YAML: statements, issues, arguments); read only",
    media_type="application/yaml",
    read=read,
    write=None,
    loses=describe(
        LOSES,
        "An outside Carneades file also loses its assumptions, labels, argument weights, "
        "premise roles, language and tests.",
    ),
    kind="interchange",
)
