"""The plain-text debate format (``*.debate.md``): Markdown a teacher can write and diff.

Layout::

    # Title
    Question: Why did it happen?

    ## A position {#p1 weight=0.6}
    Historians: Smith, Jones
    A summary paragraph.

    ### For
    - {#p1.f1} **Label:** a supporting point, 1934
    ### Against
    - {#p1.a1 rebuts=p1.f1} a counter-point aimed at that one point
    - {#p1.a2 ach=p1:II,p2:C credibility=0.9} the analyst's own ACH ratings

    ## Conclusion
    ## Consequences
    ### Positive / ### Negative
    ## Warnings

Attributes in ``{...}`` are optional when writing by hand: ids are assigned,
``rebuts`` may name a label instead of an id, years and figures are found in the
text. The writer omits whatever the reader would derive anyway, so a file
written by quaestio reads back to exactly the same debate.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from quaestio.errors import ParseError
from quaestio.extract import find_figures, find_years, historian_key
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format, Loaded, decode_utf8
from quaestio.model import (
    ACH_RATINGS,
    DEFAULT_WEIGHT,
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
    Source,
    Stance,
    Warning,
)

#: see ``formats.losses``: everything else is kept exactly.
LOSES = frozenset({"order"})
RESERVED_SECTIONS = ("conclusion", "consequences", "warnings")
_ESCAPE_PREFIXES = ("#", "-", "*", "+", "\\", "{", ">", "historians:", "question:", "---")
_LABEL = re.compile(r"^\*\*([^*\n]+?):\*\*(?: |$)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^[-*+]\s+(.*)$")
_BARE = re.compile(r"[^\s{}\"\[\]=]+")


# == attribute blocks ================================================================
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
        m = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=").match(text, i)
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
    parts: list[str] = []
    for key, value in attrs.items():
        if key == "id":
            parts.append(f"#{value}")
        elif isinstance(value, str) and _BARE.fullmatch(value) and value not in ("true", "false"):
            parts.append(f"{key}={value}")
        else:
            parts.append(f"{key}={json.dumps(value, ensure_ascii=False, separators=(',', ':'))}")
    return "{" + " ".join(parts) + "}"


def split_trailing_attrs(text: str, *, path: str | None, line: int) -> tuple[str, dict[str, Any]]:
    """Split ``Heading text {#id k=v}`` into the text and its attributes."""
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


# == writing ============================================================================
def _escape_line(line: str) -> str:
    lowered = line.lower()
    return "\\" + line if lowered.startswith(_ESCAPE_PREFIXES) else line


def _block(text: str) -> list[str]:
    return [_escape_line(line) if line else "" for line in text.split("\n")]


def _source_attr(source: Source | None) -> list[Any] | None:
    if source is None:
        return None
    return [source.file, source.line_start, source.line_end]


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


def _figures_attr(figures: tuple[Figure, ...]) -> list[dict[str, Any]]:
    return [
        {"text": f.text, "value": f.value, "kind": f.kind, "of": f.of, "unit": f.unit}
        for f in figures
    ]


def dumps(debate: Debate) -> str:
    out: list[str] = []
    title_attrs: dict[str, Any] = {}
    if debate.source_file is not None:
        title_attrs["source_file"] = debate.source_file
    title = debate.title
    suffix = f" {format_attrs(title_attrs)}" if title_attrs or title.endswith("}") else ""
    out += [f"# {title}{suffix}", ""]
    if debate.question:
        out += [f"Question: {debate.question}", ""]
    for position in debate.positions:
        attrs: dict[str, Any] = {"id": position.id}
        if position.weight != DEFAULT_WEIGHT:
            attrs["weight"] = position.weight
        if position.source is not None:
            attrs["src"] = _source_attr(position.source)
        out += [f"## {position.title} {format_attrs(attrs)}", ""]
        if position.historians:
            names = [h.name for h in position.historians]
            sep = "; " if any("," in n for n in names) else ", "
            out += [f"Historians: {sep.join(names)}", ""]
            custom = [h.key for h in position.historians if h.key != historian_key(h.name)]
            if custom:
                out[-2] += " " + format_attrs({"keys": [h.key for h in position.historians]})
        if position.summary:
            out += [*_block(position.summary), ""]
        for stance, heading in (("for", "For"), ("against", "Against")):
            items = [e for e in position.evidence if e.stance == stance]
            if not items:
                continue
            out += [f"### {heading}", ""]
            for e in items:
                ea: dict[str, Any] = {"id": e.id}
                if e.weight != DEFAULT_WEIGHT:
                    ea["weight"] = e.weight
                if e.rebuts:
                    ea["rebuts"] = (
                        ",".join(e.rebuts)
                        if all(_BARE.fullmatch(r) and "," not in r for r in e.rebuts)
                        else list(e.rebuts)
                    )
                if e.years != find_years(e.text):
                    ea["years"] = list(e.years)
                if e.figures != find_figures(e.text):
                    ea["figures"] = _figures_attr(e.figures)
                if e.references:
                    ea["refs"] = list(e.references)
                ea |= _ach_attrs(e)
                if e.source is not None:
                    ea["src"] = _source_attr(e.source)
                out += _item(ea, e.text, e.label)
            out.append("")
    if debate.conclusion is not None:
        attrs = {}
        if debate.conclusion.source is not None:
            attrs["src"] = _source_attr(debate.conclusion.source)
        suffix = f" {format_attrs(attrs)}" if attrs else ""
        out += [f"## Conclusion{suffix}", "", *_block(debate.conclusion.text), ""]
    if debate.consequences:
        out += ["## Consequences", ""]
        for polarity, heading in (("positive", "Positive"), ("negative", "Negative")):
            items_c = [c for c in debate.consequences if c.polarity == polarity]
            if not items_c:
                continue
            out += [f"### {heading}", ""]
            for c in items_c:
                ca: dict[str, Any] = {"id": c.id}
                if c.category is not None:
                    ca["category"] = c.category
                if c.weight != DEFAULT_WEIGHT:
                    ca["weight"] = c.weight
                if c.source is not None:
                    ca["src"] = _source_attr(c.source)
                out += _item(ca, c.text)
            out.append("")
    if debate.warnings:
        out += ["## Warnings", ""]
        for w in debate.warnings:
            wa: dict[str, Any] = {"code": w.code}
            if w.line is not None:
                wa["line"] = w.line
            out += _item(wa, w.message)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _ach_attrs(e: Evidence) -> dict[str, Any]:
    """``ach=p2:I,p3:CC`` (or a JSON object when an id would not read back bare)."""
    out: dict[str, Any] = {}
    if e.ach:
        if all(_BARE.fullmatch(r.position) and not set(r.position) & set(":,") for r in e.ach):
            out["ach"] = ",".join(f"{r.position}:{r.rating}" for r in e.ach)
        else:
            out["ach"] = {r.position: r.rating for r in e.ach}
    if e.credibility is not None:
        out["credibility"] = e.credibility
    if e.relevance is not None:
        out["relevance"] = e.relevance
    return out


def canonical_order(debate: Debate) -> Debate:
    """The debate as this format stores it: for-points before against-points, positives first."""
    positions = tuple(replace(p, evidence=p.supporting + p.countering) for p in debate.positions)
    consequences = tuple(c for c in debate.consequences if c.polarity == "positive") + tuple(
        c for c in debate.consequences if c.polarity == "negative"
    )
    return replace(debate, positions=positions, consequences=consequences)


# == reading ============================================================================
@dataclass
class _Item:
    line: int
    attrs: dict[str, Any]
    lines: list[str]
    label: str | None = None


@dataclass
class _PositionDraft:
    line: int
    title: str
    attrs: dict[str, Any]
    historians: list[str] = field(default_factory=list)
    historian_keys: list[str] | None = None
    summary: list[str] = field(default_factory=list)
    items: dict[str, list[_Item]] = field(default_factory=lambda: {"for": [], "against": []})


def _unescape(line: str) -> str:
    return line[1:] if line.startswith("\\") else line


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")


class _Reader:
    def __init__(self, text: str, path: str | None) -> None:
        self.lines = text.split("\n")
        self.path = path
        self.title: str | None = None
        self.title_attrs: dict[str, Any] = {}
        self.question = ""
        self.positions: list[_PositionDraft] = []
        self.conclusion: list[str] | None = None
        self.conclusion_attrs: dict[str, Any] = {}
        self.conclusion_line = 0
        self.consequences: dict[str, list[_Item]] = {"positive": [], "negative": []}
        self.warnings: list[_Item] = []
        self.section: str | None = None  # "position", "conclusion", "consequences", "warnings"
        self.sub: str | None = None
        self.current_item: _Item | None = None

    def error(self, message: str, line: int, fld: str | None = None) -> ParseError:
        return ParseError(message, file=self.path, line=line, field=fld)

    def run(self) -> None:
        for number, raw in enumerate(self.lines, start=1):
            line = raw.rstrip()
            if self.current_item is not None and (raw.startswith("  ") or not line):
                self.current_item.lines.append(raw[2:].rstrip() if line else "")
                continue
            self._close_item()
            if not line:
                self._blank()
                continue
            heading = _HEADING.match(line)
            if heading:
                self._heading(len(heading.group(1)), heading.group(2), number)
                continue
            bullet = _BULLET.match(line)
            if bullet:
                self._bullet(bullet.group(1), number)
                continue
            self._text(line, number)
        self._close_item()

    def _close_item(self) -> None:
        if self.current_item is not None:
            while self.current_item.lines and not self.current_item.lines[-1]:
                self.current_item.lines.pop()
            self.current_item = None

    def _blank(self) -> None:
        if self.section == "position" and self.sub is None and self.positions[-1].summary:
            self.positions[-1].summary.append("")
        elif self.section == "conclusion" and self.conclusion:
            self.conclusion.append("")

    def _heading(self, level: int, text: str, number: int) -> None:
        title, attrs = split_trailing_attrs(text, path=self.path, line=number)
        if level == 1:
            if self.title is not None:
                raise self.error("a second '# title' heading; a file holds one debate", number)
            self.title, self.title_attrs = title, attrs
            self.section = None
            return
        if self.title is None:
            raise self.error("the file must start with a '# Title' heading", number, "title")
        if level == 2:
            self.sub = None
            name = title.strip().lower()
            if name in RESERVED_SECTIONS and "id" not in attrs:
                self.section = name
                if name == "conclusion":
                    if self.conclusion is not None:
                        raise self.error("a second '## Conclusion' section", number)
                    self.conclusion, self.conclusion_attrs = [], attrs
                    self.conclusion_line = number
                return
            self.section = "position"
            self.positions.append(_PositionDraft(number, title, attrs))
            return
        if level == 3:
            name = title.strip().lower().rstrip(":")
            if self.section == "position" and name in ("for", "against"):
                self.sub = name
                return
            if self.section == "consequences" and name in ("positive", "negative"):
                self.sub = name
                return
            expected = (
                "'### For' or '### Against'"
                if self.section == "position"
                else "'### Positive' or '### Negative'"
                if self.section == "consequences"
                else "no level-3 heading here"
            )
            raise self.error(f"unexpected heading {title!r}; expected {expected}", number)
        raise self.error(f"headings deeper than ### are not part of the format: {text!r}", number)

    def _bullet(self, body: str, number: int) -> None:
        if self.section == "position" and self.sub in ("for", "against"):
            target = self.positions[-1].items[self.sub]
        elif self.section == "consequences" and self.sub in ("positive", "negative"):
            target = self.consequences[self.sub]
        elif self.section == "warnings":
            target = self.warnings
        else:
            raise self.error(
                "a bullet point outside a '### For/Against' or '### Positive/Negative' list",
                number,
            )
        rest, attrs = split_leading_attrs(body, path=self.path, line=number)
        label = None
        m = _LABEL.match(rest)
        if m:
            label, rest = m.group(1).strip(), rest[m.end() :]
        elif rest.startswith("\\"):
            rest = rest[1:]
        self.current_item = _Item(number, attrs, [rest], label)
        target.append(self.current_item)

    def _text(self, line: str, number: int) -> None:
        if self.section is None and self.title is not None and not self.positions:
            if line.lower().startswith("question:"):
                self.question = line.split(":", 1)[1].strip()
                return
            raise self.error(
                "text before the first position; only 'Question: ...' goes here", number
            )
        if self.title is None:
            raise self.error("the file must start with a '# Title' heading", number, "title")
        if self.section == "position":
            draft = self.positions[-1]
            if self.sub is not None:
                raise self.error(
                    "text inside a For/Against list must be a '- ' bullet point", number
                )
            if line.lower().startswith("historians:") and not draft.summary:
                names_text, attrs = split_trailing_attrs(
                    line.split(":", 1)[1].strip(), path=self.path, line=number
                )
                sep = ";" if ";" in names_text else ","
                draft.historians = [n.strip() for n in names_text.split(sep) if n.strip()]
                if "keys" in attrs:
                    keys = attrs["keys"]
                    if not isinstance(keys, list) or len(keys) != len(draft.historians):
                        raise self.error("keys= must list one key per historian", number, "keys")
                    draft.historian_keys = [str(k) for k in keys]
                return
            draft.summary.append(_unescape(line))
            return
        if self.section == "conclusion":
            assert self.conclusion is not None
            self.conclusion.append(_unescape(line))
            return
        raise self.error(f"text outside any section: {line[:40]!r}", number)


def _weight(attrs: dict[str, Any], path: str | None, line: int) -> float:
    value = attrs.get("weight", DEFAULT_WEIGHT)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ParseError(
            f"weight {value!r} is not a number", file=path, line=line, field="weight"
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


def _optional_number(attrs: dict[str, Any], name: str, path: str | None, line: int) -> float | None:
    value = attrs.get(name)
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ParseError(
            f"{name} {value!r} is not a number", file=path, line=line, field=name
        ) from None


def _source(attrs: dict[str, Any], path: str | None, line: int) -> Source | None:
    src = attrs.get("src")
    if src is None:
        return None
    if not isinstance(src, list) or len(src) != 3:
        raise ParseError(
            "src must be [file, first line, last line]", file=path, line=line, field="src"
        )
    return Source(src[0], src[1], src[2])


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


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [v.strip() for v in str(value).split(",") if v.strip()]


def loads(text: str, *, path: str | None = None) -> Loaded:
    reader = _Reader(text.replace("\r\n", "\n"), path)
    reader.run()
    if reader.title is None:
        raise ParseError(
            "the file must start with a '# Title' heading", file=path, line=1, field="title"
        )
    locations: dict[str, int] = {}
    ids = IdAllocator(
        [str(d.attrs["id"]) for d in reader.positions if "id" in d.attrs]
        + [
            str(i.attrs["id"])
            for d in reader.positions
            for s in d.items.values()
            for i in s
            if "id" in i.attrs
        ]
        + [str(i.attrs["id"]) for s in reader.consequences.values() for i in s if "id" in i.attrs]
    )
    positions: list[Position] = []
    pending_labels: list[tuple[int, int, list[str]]] = []
    for draft in reader.positions:
        pid = str(draft.attrs["id"]) if "id" in draft.attrs else ids.position()
        locations.setdefault(pid, draft.line)
        evidence: list[Evidence] = []
        for stance_name in ("for", "against"):
            stance: Stance = "for" if stance_name == "for" else "against"
            for item in draft.items[stance_name]:
                eid = str(item.attrs["id"]) if "id" in item.attrs else ids.evidence(pid, stance)
                locations.setdefault(eid, item.line)
                body = _join(item.lines)
                years = (
                    tuple(int(y) for y in _as_list(item.attrs["years"]))
                    if "years" in item.attrs
                    else find_years(body)
                )
                figures = (
                    _figures(item.attrs["figures"], path, item.line)
                    if "figures" in item.attrs
                    else find_figures(body)
                )
                rebuts = _as_list(item.attrs["rebuts"]) if "rebuts" in item.attrs else []
                evidence.append(
                    Evidence(
                        id=eid,
                        stance=stance,
                        text=body,
                        label=item.label,
                        years=years,
                        figures=figures,
                        rebuts=tuple(rebuts),
                        references=tuple(_as_list(item.attrs.get("refs", []))),
                        weight=_weight(item.attrs, path, item.line),
                        source=_source(item.attrs, path, item.line),
                        ach=_ach(item.attrs, path, item.line),
                        credibility=_optional_number(item.attrs, "credibility", path, item.line),
                        relevance=_optional_number(item.attrs, "relevance", path, item.line),
                    )
                )
                if rebuts:
                    pending_labels.append((len(positions), len(evidence) - 1, rebuts))
        keys = draft.historian_keys or [historian_key(n) for n in draft.historians]
        positions.append(
            Position(
                id=pid,
                title=draft.title,
                summary=_join(draft.summary),
                historians=tuple(
                    Historian(n, k) for n, k in zip(draft.historians, keys, strict=True)
                ),
                evidence=tuple(evidence),
                weight=_weight(draft.attrs, path, draft.line),
                source=_source(draft.attrs, path, draft.line),
            )
        )
    positions = _resolve_label_rebuttals(positions, pending_labels)
    consequences: list[Consequence] = []
    for polarity_name, items in reader.consequences.items():
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
                    weight=_weight(item.attrs, path, item.line),
                    source=_source(item.attrs, path, item.line),
                )
            )
    conclusion = None
    if reader.conclusion is not None:
        conclusion = Conclusion(
            _join(reader.conclusion), _source(reader.conclusion_attrs, path, reader.conclusion_line)
        )
    warnings = tuple(
        Warning(
            str(w.attrs.get("code", "note")),
            _join(w.lines),
            int(w.attrs["line"]) if "line" in w.attrs else None,
        )
        for w in reader.warnings
    )
    source_file = reader.title_attrs.get("source_file")
    debate = Debate(
        title=reader.title,
        question=reader.question,
        positions=tuple(positions),
        conclusion=conclusion,
        consequences=tuple(consequences),
        warnings=warnings,
        source_file=None if source_file is None else str(source_file),
    )
    return Loaded(debate, locations)


def _resolve_label_rebuttals(
    positions: list[Position], pending: list[tuple[int, int, list[str]]]
) -> list[Position]:
    """Turn ``rebuts="Industrial Enemies"`` into the id of that labelled for-point."""
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
            match = [
                e.id
                for e in position.evidence
                if e.stance == "for" and (e.label or "").lower() == wanted
            ]
            if not match:
                match = [
                    e.id
                    for p in positions
                    for e in p.evidence
                    if e.stance == "for" and (e.label or "").lower() == wanted
                ]
            resolved.append(match[0] if len(match) == 1 else target)
        evidence = list(position.evidence)
        evidence[e_index] = replace(evidence[e_index], rebuts=tuple(resolved))
        out[p_index] = replace(position, evidence=tuple(evidence))
    return out


def _read(data: bytes, path: str | None) -> Loaded:
    return loads(decode_utf8(data, path), path=path)


def _write(debate: Debate) -> bytes:
    return dumps(debate).encode("utf-8")


FORMAT = Format(
    name="debate-md",
    suffixes=(".debate.md",),
    description="quaestio plain-text debate (Markdown with {#id ...} attributes), for writing by hand and diffing",
    media_type="text/markdown",
    read=_read,
    write=_write,
    loses=describe(LOSES),
)
