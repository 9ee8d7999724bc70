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
from quaestio.formats.debate_md.attrs import format_attrs, is_bare
from quaestio.model import (
    DEFAULT_WEIGHT,
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Figure,
    Position,
    Source,
    Warning,
)

#: lines starting so (case-insensitively) would read as structure, so they get a backslash
_ESCAPE_PREFIXES = ("#", "-", "*", "+", "\\", "{", ">", "historians:", "question:", "---")


def canonical_order(debate: Debate) -> Debate:
    """The debate as this format stores it: for-points before against-points, positives first."""
    positions = tuple(replace(p, evidence=p.supporting + p.countering) for p in debate.positions)
    consequences = tuple(c for c in debate.consequences if c.polarity == "positive") + tuple(
        c for c in debate.consequences if c.polarity == "negative"
    )
    return replace(debate, positions=positions, consequences=consequences)


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
    out = [f"## {position.title} {format_attrs(attrs)}", ""]
    if position.historians:
        names = [h.name for h in position.historians]
        sep = "; " if any("," in n for n in names) else ", "
        line = f"Historians: {sep.join(names)}"
        if any(h.key != historian_key(h.name) for h in position.historians):
            line += " " + format_attrs({"keys": [h.key for h in position.historians]})
        out += [line, ""]
    if position.summary:
        out += [*_block(position.summary), ""]
    for stance, heading in (("for", "For"), ("against", "Against")):
        out += _list(
            heading,
            [
                _item(_evidence_attrs(e), e.text, e.label)
                for e in position.evidence
                if e.stance == stance
            ],
        )
    return out


def _conclusion(conclusion: Conclusion) -> list[str]:
    attrs = _source_attr(conclusion.source)
    suffix = f" {format_attrs(attrs)}" if attrs else ""
    return [f"## Conclusion{suffix}", "", *_block(conclusion.text), ""]


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


def _item(attrs: dict[str, Any], text: str, label: str | None = None) -> list[str]:
    first, *rest = text.split("\n")
    if label is not None:
        head = f"**{label}:** {first}".rstrip()
    elif first.startswith(("\\", "**", "{")):
        head = "\\" + first
    else:
        head = first
    lines = [f"- {format_attrs(attrs)} {head}".rstrip()]
    lines += [f"  {line}" if line else "" for line in rest]
    return lines


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
    return attrs | _ach_attrs(e) | _source_attr(e.source)


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
    return {"src": [source.file, source.line_start, source.line_end]}


def _figure(f: Figure) -> dict[str, Any]:
    return {"text": f.text, "value": f.value, "kind": f.kind, "of": f.of, "unit": f.unit}
