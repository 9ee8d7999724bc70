"""Writing ``*.debate.md``: print only what the reader would not work out for itself.

Ids are always written so that links survive hand edits; years, figures,
historian keys and default weights are left out whenever the reader would find
the same ones, which keeps files short to read and diff and makes a written
file read back to exactly the same debate.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from quaestio.extract import find_figures, find_years, historian_key
from quaestio.formats.debate_md import graph
from quaestio.formats.debate_md.attrs import format_attrs, is_bare
from quaestio.formats.debate_md.outline import LOOKS_NESTED
from quaestio.model import (
    DEFAULT_WEIGHT,
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Figure,
    Historian,
    Position,
    Relation,
    Source,
    Warning,
)

#: lines starting so (case-insensitively) would read as structure, so they get a backslash
_ESCAPE_PREFIXES = (
    "#",
    "-",
    "*",
    "+",
    "\\",
    "{",
    ">",
    "historians:",
    "disputed by:",
    "question:",
    "---",
)


def _layout(position: Position) -> list[tuple[Evidence, int]]:
    """The points as written: each top-level for-point followed by the points below it
    (indented, depth-first), then the same for against-points; a point whose parent is not
    an earlier point of the tree goes flat at the end of its column, with ``parent=``."""
    below: dict[str, list[Evidence]] = {}
    for e in position.evidence:
        if e.parent is not None:
            below.setdefault(e.parent, []).append(e)
    placed: set[str] = set()
    out: list[tuple[Evidence, int]] = []

    def visit(e: Evidence, level: int) -> None:
        placed.add(e.id)
        out.append((e, level))
        for child in below.get(e.id, ()):
            if child.id not in placed:
                visit(child, level + 1)

    for stance in ("for", "against"):
        for e in position.evidence:
            if e.parent is None and e.stance == stance and e.id not in placed:
                visit(e, 0)
        for e in position.evidence:
            if e.id not in placed and e.stance == stance and e.parent is not None:
                placed.add(e.id)
                out.append((e, -1))  # flat, with parent=
    return out


def _historian_order(people: tuple[Historian, ...]) -> tuple[Historian, ...]:
    return tuple(h for h in people if h.stance == "for") + tuple(
        h for h in people if h.stance != "for"
    )


def canonical_order(debate: Debate) -> Debate:
    """The debate as this format stores it: for-points (each with the points below it) before
    against-points, positives first, historians who hold a claim before those who dispute it,
    a claim's judgements grouped by verdict."""
    positions = tuple(
        replace(
            p,
            historians=_historian_order(p.historians),
            evidence=tuple(
                replace(e, historians=_historian_order(e.historians)) for e, _ in _layout(p)
            ),
        )
        for p in debate.positions
    )
    consequences = tuple(c for c in debate.consequences if c.polarity == "positive") + tuple(
        c for c in debate.consequences if c.polarity == "negative"
    )
    conclusion = debate.conclusion
    if conclusion is not None and conclusion.claims:
        claims = tuple(
            replace(
                k,
                judgements=tuple(
                    j
                    for v in ("endorses", "qualifies", "rejects")
                    for j in k.judgements
                    if j.verdict == v
                ),
            )
            for k in conclusion.claims
        )
        conclusion = replace(conclusion, claims=claims)
    return replace(debate, positions=positions, consequences=consequences, conclusion=conclusion)


def dumps(debate: Debate) -> str:
    title_attrs = {} if debate.source_file is None else {"source_file": debate.source_file}
    title = debate.title
    suffix = f" {format_attrs(title_attrs)}" if title_attrs or title.endswith("}") else ""
    out = [f"# {title}{suffix}", ""]
    if debate.question:
        out += [f"Question: {debate.question}", ""]
    for position in debate.positions:
        out += _position(position)
    if debate.conclusion is not None:
        out += _conclusion(debate.conclusion)
    out += _graph_sections(debate)
    if debate.consequences:
        out += ["## Consequences", ""]
        for polarity, heading in (("positive", "Positive"), ("negative", "Negative")):
            out += _list(
                heading,
                [
                    _item(_consequence_attrs(c), c.text)
                    for c in debate.consequences
                    if c.polarity == polarity
                ],
            )
    if debate.warnings:
        out += ["## Warnings", "", *(line for w in debate.warnings for line in _warning(w)), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _position(position: Position) -> list[str]:
    attrs = {"id": position.id} | _weight_attr(position.weight) | _source_attr(position.source)
    if position.tags:
        tags = position.tags
        attrs["tags"] = ",".join(tags) if all(_joinable(t, ",") for t in tags) else list(tags)
    out = [f"## {position.title} {format_attrs(attrs)}", ""]
    lines = []
    for heading, people in (
        ("Historians", [h for h in position.historians if h.stance == "for"]),
        ("Disputed by", [h for h in position.historians if h.stance != "for"]),
    ):
        if people:
            names = [h.name for h in people]
            sep = "; " if any("," in n for n in names) else ", "
            line = f"{heading}: {sep.join(names)}"
            if any(h.key != historian_key(h.name) for h in people):
                line += " " + format_attrs({"keys": [h.key for h in people]})
            lines.append(line)
    if lines:
        out += [*lines, ""]
    if position.summary:
        out += [*_block(position.summary), ""]
    layout = _layout(position)
    for stance, heading in (("for", "For"), ("against", "Against")):
        items: list[list[str]] = []
        column = "for"
        for e, level in layout:
            if level == 0 or level == -1:
                column = e.stance
            if column != stance:
                continue
            attrs = _evidence_attrs(e)
            if level == -1:
                attrs["parent"] = e.parent
                level = 0
            if level > 0:
                items.append(_nested_item(level, e.stance, attrs, e.text, e.label))
            else:
                items.append(_item(attrs, e.text, e.label))
        out += _list(heading, items)
    return out


def _nested_item(
    level: int, stance: str, attrs: dict[str, Any], text: str, label: str | None
) -> list[str]:
    """``  - Against: {#id} text`` indented two spaces a level, lines indented one more."""
    first, *rest = _item(attrs, text, label, indent="  " * (level + 1))
    pad = "  " * level
    word = "For" if stance == "for" else "Against"
    return [f"{pad}- {word}: {first[2:]}".rstrip(), *rest]


def _graph_sections(debate: Debate) -> list[str]:
    out: list[str] = []
    if debate.relations:
        out += ["## Relations", ""]
        for r in debate.relations:
            out += _item(_relation_attrs(r), graph.relation_line(r))
        out.append("")
    if debate.arguments:
        out += ["## Arguments", ""]
        for a in debate.arguments:
            attrs: dict[str, Any] = {"id": a.id} | _source_attr(a.origin)
            label: str | None = a.title
            if not _labellable(a.title):
                attrs["title"] = a.title
                label = None
            body = f"{graph.id_list(a.premises)} => {a.conclusion}".lstrip()  # "=> c" alone
            out += _item(attrs, body + ("\n" + a.inference if a.inference else ""), label)
        out.append("")
    if debate.schools:
        out += ["## Schools", ""]
        for school in debate.schools:
            attrs = {"id": school.id}
            label = school.name
            if not _labellable(school.name):
                attrs["name"] = school.name
                label = None
            body = graph.id_list(school.positions)
            desc = "\n" + school.description if school.description else ""
            out += _item(attrs, body + desc, label)
        out.append("")
    return out


def _labellable(text: str) -> bool:
    return bool(text) and "*" not in text and "\n" not in text and text == text.strip()


def _relation_attrs(r: Relation) -> dict[str, Any]:
    return {"id": r.id} | _weight_attr(r.weight) | _source_attr(r.origin)


def _conclusion(conclusion: Conclusion) -> list[str]:
    attrs = _source_attr(conclusion.source)
    suffix = f" {format_attrs(attrs)}" if attrs else ""
    out = [f"## Conclusion{suffix}", "", *_block(conclusion.text), ""]
    if conclusion.claims:
        out += ["### Claims", ""]
        for k in conclusion.claims:
            k_attrs = (
                {"id": k.id}
                | graph.judgement_attrs(k)
                | _weight_attr(k.weight)
                | _source_attr(k.source)
            )
            out += _item(k_attrs, k.text)
        out.append("")
    return out


def _warning(warning: Warning) -> list[str]:
    attrs: dict[str, Any] = {"code": warning.code}
    if warning.line is not None:
        attrs["line"] = warning.line
    return _item(attrs, warning.message)


def _list(heading: str, items: list[list[str]]) -> list[str]:
    """A ``### For``-style sub-list, or nothing when it would be empty."""
    if not items:
        return []
    return [f"### {heading}", "", *(line for item in items for line in item), ""]


def _item(
    attrs: dict[str, Any], text: str, label: str | None = None, indent: str = "  "
) -> list[str]:
    first, *rest = text.split("\n")
    if label is not None:
        head = f"**{label}:** {first}".rstrip()
    elif first.startswith(("\\", "**", "{")):
        head = "\\" + first
    else:
        head = first
    lines = [f"- {format_attrs(attrs)} {head}".rstrip()]
    lines += [f"{indent}{_escape_nested(line)}" if line else "" for line in rest]
    return lines


def _escape_nested(line: str) -> str:
    """A text line that would read as a nested ``- For:`` bullet gets one more backslash."""
    return "\\" + line if LOOKS_NESTED.match(line) else line


def _block(text: str) -> list[str]:
    return [_escape_line(line) if line else "" for line in text.split("\n")]


def _escape_line(line: str) -> str:
    return "\\" + line if line.lower().startswith(_ESCAPE_PREFIXES) else line


def _evidence_attrs(e: Evidence) -> dict[str, Any]:
    attrs: dict[str, Any] = {"id": e.id} | _weight_attr(e.weight)
    if e.rebuts:
        attrs["rebuts"] = (
            ",".join(e.rebuts) if all(_joinable(r, ",") for r in e.rebuts) else list(e.rebuts)
        )
    if e.years != find_years(e.text):
        attrs["years"] = list(e.years)
    if e.figures != find_figures(e.text):
        attrs["figures"] = [_figure(f) for f in e.figures]
    if e.references:
        attrs["refs"] = list(e.references)
    return attrs | _ach_attrs(e) | _point_attrs(e) | _source_attr(e.source)


def _point_attrs(e: Evidence) -> dict[str, Any]:
    """Who makes or disputes the claim (``by=``, ``disputed_by=``) and its ``tags=``."""
    out: dict[str, Any] = {}
    people = _historian_order(e.historians)
    for key, stance in (("by", "for"), ("disputed_by", "against")):
        names = [h.name for h in people if (h.stance == "for") == (stance == "for")]
        if names:
            joinable = all(n == n.strip() and n and not set(n) & set(',;"') for n in names)
            out[key] = ", ".join(names) if joinable else names
    if any(h.key != historian_key(h.name) for h in people):
        out["by_keys"] = [h.key for h in people]
    if e.tags:
        out["tags"] = ",".join(e.tags) if all(_joinable(t, ",") for t in e.tags) else list(e.tags)
    return out


def _ach_attrs(e: Evidence) -> dict[str, Any]:
    """``ach=p2:I,p3:CC`` (or a JSON object when an id would not read back bare)."""
    out: dict[str, Any] = {}
    if e.ach:
        if all(_joinable(r.position, ":,") for r in e.ach):
            out["ach"] = ",".join(f"{r.position}:{r.rating}" for r in e.ach)
        else:
            out["ach"] = {r.position: r.rating for r in e.ach}
    if e.credibility is not None:
        out["credibility"] = e.credibility
    if e.relevance is not None:
        out["relevance"] = e.relevance
    return out


def _consequence_attrs(c: Consequence) -> dict[str, Any]:
    attrs: dict[str, Any] = {"id": c.id}
    if c.category is not None:
        attrs["category"] = c.category
    return attrs | _weight_attr(c.weight) | _source_attr(c.source)


def _joinable(value: str, separators: str) -> bool:
    """Whether ``value`` can go in a bare separated list and be split back out unchanged."""
    return is_bare(value) and not set(value) & set(separators)


def _weight_attr(weight: float) -> dict[str, Any]:
    return {} if weight == DEFAULT_WEIGHT else {"weight": weight}


def _source_attr(source: Source | None) -> dict[str, Any]:
    if source is None:
        return {}
    src = [source.file, source.line_start, source.line_end]
    return {"src": src if source.element is None else [*src, source.element]}


def _figure(f: Figure) -> dict[str, Any]:
    return {"text": f.text, "value": f.value, "kind": f.kind, "of": f.of, "unit": f.unit}
