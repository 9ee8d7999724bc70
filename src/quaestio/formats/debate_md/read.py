"""Reading ``*.debate.md``: from an outline of sections to a debate.

A hand-written file may leave out any attribute, so this is where the gaps are
filled: ids are handed out around the ones the file already uses, years and
figures are found in the text, and ``rebuts`` may name a label instead of an id.
Every value that does not fit is a ParseError at the line it came from.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from quaestio.errors import ParseError
from quaestio.extract import find_figures, find_years, historian_key
from quaestio.formats.debate_md import graph
from quaestio.formats.debate_md.outline import Item, Outline, PositionOutline
from quaestio.formats.debate_md.values import as_list, optional_number, source_attr, weight_attr
from quaestio.formats.registry import Loaded
from quaestio.limits import check_text
from quaestio.model import (
    ACH_RATINGS,
    AchRating,
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Figure,
    Historian,
    IdAllocator,
    Polarity,
    Position,
    Stance,
    Warning,
)

#: (position index, evidence index, what its ``rebuts`` names) still to resolve
_Pending = list[tuple[int, int, list[str]]]


def loads(text: str, *, path: str | None = None) -> Loaded:
    outline = Outline(text.replace("\r\n", "\n"), path)
    outline.run()
    assert outline.title is not None  # run() raises when the file has no title
    locations: dict[str, int] = {}
    ids = IdAllocator(_given_ids(outline))
    positions: list[Position] = []
    pending: _Pending = []
    for draft in outline.positions:
        pid = str(draft.attrs["id"]) if "id" in draft.attrs else ids.position()
        locations.setdefault(pid, draft.line)
        evidence: list[Evidence] = []
        eids: dict[int, str] = {}
        for item, stance, above in _walk(draft):
            parent = eids[id(above)] if above is not None else None
            if parent is None and "parent" in item.attrs:
                parent = str(item.attrs["parent"])
            eid = (
                str(item.attrs["id"]) if "id" in item.attrs else ids.evidence(parent or pid, stance)
            )
            eids[id(item)] = eid
            locations.setdefault(eid, item.line)
            evidence.append(_evidence(eid, stance, item, path, parent))
            if evidence[-1].rebuts:
                pending.append((len(positions), len(evidence) - 1, list(evidence[-1].rebuts)))
        positions.append(_position(pid, draft, evidence, path))
    positions = _resolve_label_rebuttals(positions, pending)
    consequences: list[Consequence] = []
    for polarity_name, items in outline.consequences.items():
        polarity: Polarity = "positive" if polarity_name == "positive" else "negative"
        for item in items:
            cid = str(item.attrs["id"]) if "id" in item.attrs else ids.consequence(polarity)
            locations.setdefault(cid, item.line)
            category = item.attrs.get("category")
            consequences.append(
                Consequence(
                    id=cid,
                    polarity=polarity,
                    text=_join(item.lines),
                    category=None if category is None else str(category),
                    weight=weight_attr(item.attrs, path, item.line),
                    source=source_attr(item.attrs, path, item.line),
                )
            )
    conclusion = None
    if outline.conclusion is not None:
        c = outline.conclusion
        conclusion = Conclusion(
            _join(c.lines),
            source_attr(c.attrs, path, c.line),
            graph.read_claims(outline.claims, ids, path, locations),
        )
    warnings = tuple(
        Warning(
            str(w.attrs.get("code", "note")),
            _join(w.lines),
            int(w.attrs["line"]) if "line" in w.attrs else None,
        )
        for w in outline.warnings
    )
    source_file = outline.title_attrs.get("source_file")
    debate = Debate(
        title=outline.title,
        question=outline.question,
        positions=tuple(positions),
        conclusion=conclusion,
        consequences=tuple(consequences),
        warnings=warnings,
        source_file=None if source_file is None else str(source_file),
        relations=graph.read_relations(outline.relations, ids, path, locations),
        arguments=graph.read_arguments(outline.arguments, ids, path, locations),
        schools=graph.read_schools(outline.schools, ids, locations),
    )
    return Loaded(debate, locations)


def _walk(draft: PositionOutline) -> list[tuple[Item, Stance, Item | None]]:
    """The position's points in document order, each with its stance and the item above it."""
    out: list[tuple[Item, Stance, Item | None]] = []

    def visit(item: Item, stance: Stance, above: Item | None) -> None:
        out.append((item, stance, above))
        for child in item.children:
            visit(child, "for" if child.stance == "for" else "against", item)

    for item in draft.items["for"]:
        visit(item, "for", None)
    for item in draft.items["against"]:
        visit(item, "against", None)
    return out


def _given_ids(outline: Outline) -> list[str]:
    """The ids the file chose itself, so that allocated ones step around them."""

    def tree(items: list[Item]) -> list[Item]:
        return [x for i in items for x in (i, *tree(i.children))]

    nodes: list[PositionOutline | Item] = [
        *outline.positions,
        *(i for d in outline.positions for s in d.items.values() for i in tree(s)),
        *(i for s in outline.consequences.values() for i in s),
        *outline.claims,
        *outline.relations,
        *outline.arguments,
        *outline.schools,
    ]
    return [str(n.attrs["id"]) for n in nodes if "id" in n.attrs]


def _evidence(
    eid: str, stance: Stance, item: Item, path: str | None, parent: str | None
) -> Evidence:
    body = _join(item.lines)
    attrs, line = item.attrs, item.line
    check_text(body, path, line=line)
    years = _years(attrs["years"], path, line) if "years" in attrs else find_years(body)
    figures = _figures(attrs["figures"], path, line) if "figures" in attrs else find_figures(body)
    return Evidence(
        id=eid,
        stance=stance,
        text=body,
        label=item.label,
        years=years,
        figures=figures,
        rebuts=tuple(as_list(attrs["rebuts"])) if "rebuts" in attrs else (),
        references=tuple(as_list(attrs.get("refs", []))),
        weight=weight_attr(attrs, path, line),
        source=source_attr(attrs, path, line),
        ach=_ach(attrs, path, line),
        credibility=optional_number(attrs, "credibility", path, line),
        relevance=optional_number(attrs, "relevance", path, line),
        parent=parent,
        historians=_point_historians(attrs, path, line),
        tags=tuple(as_list(attrs.get("tags", []))),
    )


def _point_historians(attrs: dict[str, Any], path: str | None, line: int) -> tuple[Historian, ...]:
    """``by=`` (who makes the claim) and ``disputed_by=`` (who disputes it), with ``by_keys=``."""
    people: list[tuple[str, Stance]] = [(n, "for") for n in _names(attrs.get("by"))]
    people += [(n, "against") for n in _names(attrs.get("disputed_by"))]
    keys = attrs.get("by_keys")
    if keys is not None and (not isinstance(keys, list) or len(keys) != len(people)):
        raise ParseError(
            "by_keys= must list one key per historian of by= and disputed_by=",
            file=path,
            line=line,
            field="by_keys",
        )
    return tuple(
        Historian(name, str(keys[i]) if keys is not None else historian_key(name), stance)
        for i, (name, stance) in enumerate(people)
    )


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    text = str(value)
    sep = ";" if ";" in text else ","
    return [n.strip() for n in text.split(sep) if n.strip()]


def _position(
    pid: str, draft: PositionOutline, evidence: list[Evidence], path: str | None
) -> Position:
    keys = draft.historian_keys or [historian_key(n) for n in draft.historians]
    against = draft.disputed_keys or [historian_key(n) for n in draft.disputed]
    return Position(
        id=pid,
        title=draft.title,
        summary=_join(draft.summary),
        historians=tuple(Historian(n, k) for n, k in zip(draft.historians, keys, strict=True))
        + tuple(Historian(n, k, "against") for n, k in zip(draft.disputed, against, strict=True)),
        evidence=tuple(evidence),
        weight=weight_attr(draft.attrs, path, draft.line),
        source=source_attr(draft.attrs, path, draft.line),
        tags=tuple(as_list(draft.attrs.get("tags", []))),
    )


def _resolve_label_rebuttals(positions: list[Position], pending: _Pending) -> list[Position]:
    """Turn ``rebuts="Industrial Enemies"`` into the id of that labelled for-point.

    A label is looked for in the same position first, then anywhere; a name
    that matches no id and no single label is kept as written.
    """
    all_ids = {e.id for p in positions for e in p.evidence}
    out = list(positions)
    for p_index, e_index, targets in pending:
        position = out[p_index]
        resolved: list[str] = []
        for target in targets:
            if target in all_ids:
                resolved.append(target)
                continue
            wanted = target.strip().lower()
            match = _labelled(position.evidence, wanted) or [
                eid for p in positions for eid in _labelled(p.evidence, wanted)
            ]
            resolved.append(match[0] if len(match) == 1 else target)
        evidence = list(position.evidence)
        evidence[e_index] = replace(evidence[e_index], rebuts=tuple(resolved))
        out[p_index] = replace(position, evidence=tuple(evidence))
    return out


def _labelled(evidence: tuple[Evidence, ...], wanted: str) -> list[str]:
    return [e.id for e in evidence if e.stance == "for" and (e.label or "").lower() == wanted]


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")


def _years(value: Any, path: str | None, line: int) -> tuple[int, ...]:
    years = []
    for text in as_list(value):
        try:
            years.append(int(text))
        except ValueError:
            raise ParseError(
                f"year {text!r} is not a whole number", file=path, line=line, field="years"
            ) from None
    return tuple(years)


def _figures(value: Any, path: str | None, line: int) -> tuple[Figure, ...]:
    try:
        return tuple(
            Figure(f["text"], float(f["value"]), f.get("kind", "count"), f.get("of"), f.get("unit"))
            for f in value
        )
    except (TypeError, KeyError, ValueError):
        raise ParseError(
            "figures must be a list of {text, value, ...}", file=path, line=line, field="figures"
        ) from None


def _ach(attrs: dict[str, Any], path: str | None, line: int) -> tuple[AchRating, ...]:
    """Read ``ach=p2:I,p3:CC`` or ``ach={"p2":"I"}``; ratings are case-insensitive."""
    value = attrs.get("ach")
    if value is None:
        return ()
    if isinstance(value, dict):
        pairs = [(str(k), v) for k, v in value.items()]
    elif isinstance(value, str):
        pairs = []
        for part in (p.strip() for p in value.split(",")):
            position, colon, rating = part.rpartition(":")
            if not colon or not position:
                raise ParseError(
                    f"ACH rating {part!r} is not position:rating (e.g. p2:I)",
                    file=path,
                    line=line,
                    field="ach",
                )
            pairs.append((position, rating))
    else:
        raise ParseError(
            "ach must be position:rating pairs, e.g. ach=p2:I,p3:CC",
            file=path,
            line=line,
            field="ach",
        )
    out: list[AchRating] = []
    for position, rating in pairs:
        code = str(rating).upper()
        if not isinstance(rating, str) or code not in ACH_RATINGS:
            raise ParseError(
                f"ACH rating {rating!r} for {position} is not one of {', '.join(ACH_RATINGS)}",
                file=path,
                line=line,
                field="ach",
            )
        out.append(AchRating(position, code))
    return tuple(out)
