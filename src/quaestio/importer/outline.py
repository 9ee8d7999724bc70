"""Read a document without a positions table: headings and bullets.

The first heading is the debate's title; each heading below it is a position,
whose first paragraphs are its summary (historians in trailing parentheses or
after "Historians:"), then "For:" / "Against:" lines (or sub-headings) switch
between supporting and countering points given as bullets or paragraphs. A
"Conclusion" heading holds the conclusion; a "Consequences" heading (or
"Positive"/"Negative" ones) holds the balance sheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from quaestio.importer.build import Builder
from quaestio.importer.cells import name_list, parse_points, parse_position, split_label
from quaestio.importer.layout import Block, Layout, Line, Table
from quaestio.importer.title import question_for
from quaestio.model import Conclusion, Consequence, Debate, Evidence, Position

_STANCE = re.compile(
    r"^(?:(?:the\s+)?(?:evidence|arguments?|points?|case)\s+)?"
    r"(?P<stance>for|against|supporting|countering|support|counter[- ]?(?:arguments?|evidence)?|"
    r"criticisms?|pros|cons)(?:\s+evidence|\s+arguments?)?\s*(?P<colon>:?)\s*(?P<rest>.*)$",
    re.I,
)
_POLARITY = re.compile(
    r"^(?P<pol>positives?|negatives?|advantages?|disadvantages?|benefits?|costs?)"
    r"(?:\s+\w+){0,4}?\s*(?P<colon>:?)\s*(?P<rest>.*)$",
    re.I,
)
_CONSEQUENCES = re.compile(
    r"\b(?:consequences?|effects?|results?|impact|outcomes?|"
    r"positives?|negatives?)\b",
    re.I,
)
_CONCLUSION = re.compile(r"^(?:in\s+)?(?:conclusions?|summary|overall|verdict|judge?ment)\b", re.I)
_NEGATIVE = re.compile(r"^(?:negatives?|disadvantages?|costs?)", re.I)


def _stance(text: str) -> tuple[str, str] | None:
    """("for"|"against", rest) when ``text`` switches stance ("For:", "Against: ...")."""
    m = _STANCE.match(text.strip())
    if m is None or (m.group("rest") and not m.group("colon")):
        return None
    word = m.group("stance").lower()
    stance = "for" if word in ("for", "supporting", "support", "pros") else "against"
    return stance, m.group("rest").strip()


def _polarity(text: str) -> tuple[str, str] | None:
    m = _POLARITY.match(text.strip())
    if m is None or (m.group("rest") and not m.group("colon")):
        return None
    return ("negative" if _NEGATIVE.match(m.group("pol")) else "positive"), m.group("rest").strip()


@dataclass
class _Section:
    kind: str  # "position", "conclusion", "consequences"
    heading: Block
    blocks: list[Block] = field(default_factory=list)


def _lines(blocks: list[Block]) -> list[Line]:
    return [
        Line(
            b.text,
            b.number,
            "-" if b.kind == "item" else None,
            b.level if b.kind == "item" else 0,
            b.end,
        )
        for b in blocks
    ]


def _position(section: _Section, builder: Builder) -> Position:
    head: list[Block] = []
    by_stance: dict[str, list[Block]] = {"for": [], "against": []}
    stance: str | None = None
    names: tuple[str, ...] = ()
    names_line: int | None = None
    for block in section.blocks:
        switch = _stance(block.text) if block.kind != "item" or block.level == 0 else None
        if switch is not None and (block.kind != "item" or not switch[1]):
            stance = switch[0]
            if switch[1]:
                by_stance[stance].append(Block("paragraph", switch[1], block.number))
            continue
        label, rest = split_label(block.text)
        if stance is None and label and label.lower().startswith("historian"):
            names, names_line = name_list(rest) or ((rest,) if rest else ()), block.number
            continue
        if stance is None:
            if block.kind == "item":
                builder.warn(
                    "no_stance",
                    "a bullet before any 'For:'/'Against:' was read as supporting evidence",
                    block.number,
                )
                by_stance["for"].append(block)
            else:
                head.append(block)
            continue
        by_stance[stance].append(block)
    parsed = parse_position(tuple(_lines([section.heading, *head])))
    position_id = builder.ids.position()
    evidence: list[Evidence] = []
    for key in ("for", "against"):
        points, orphans = parse_points(_lines(by_stance[key]))
        for ref, line in orphans:
            builder.warn(
                "orphan_reference", f"cross-reference {ref!r} has no point to go with", line
            )
        evidence += builder.evidence(position_id, key, points)  # type: ignore[arg-type]
    numbers = [section.heading.number] + [b.number for b in section.blocks]
    builder.check_text(parsed.summary, section.heading.number)
    position = Position(
        id=position_id,
        title=parsed.title,
        summary=parsed.summary,
        historians=builder.historians(
            parsed.historians + names, parsed.historians_line or names_line
        ),
        evidence=tuple(evidence),
        source=builder.source(min(numbers), max(numbers)),
    )
    return builder.finish_position(position)


def _consequences(section: _Section, builder: Builder) -> list[Consequence]:
    current = _polarity(section.heading.text)
    polarity = current[0] if current else None
    found: dict[str, list[Block]] = {"positive": [], "negative": []}
    for block in section.blocks:
        switch = _polarity(block.text) if block.kind != "item" else None
        if switch is not None:
            polarity = switch[0]
            if switch[1]:
                found[polarity].append(Block("paragraph", switch[1], block.number))
            continue
        if polarity is None:
            builder.warn(
                "no_polarity",
                f"consequence {block.text[:40]!r} is neither under "
                "'Positive' nor 'Negative' and was ignored",
                block.number,
            )
            continue
        found[polarity].append(block)
    out: list[Consequence] = []
    for key in ("positive", "negative"):
        points, _ = parse_points(_lines(found[key]), dashes=False)
        out += builder.consequences(key, points)  # type: ignore[arg-type]
    return out


def read_outline(
    layout: Layout,
    builder: Builder,
    document: str,
    table_consequences: Callable[[Table], list[Consequence] | None],
) -> Debate:
    blocks = [item for item in layout.items if isinstance(item, Block)]
    headings = [b for b in blocks if b.kind == "heading"]
    title_block = headings[0] if headings else (blocks[0] if blocks else None)
    title = title_block.text if title_block else ""
    top = title_block.level if title_block and title_block.kind == "heading" else 0
    if not any(h.level > top for h in headings[1:]):
        top -= 1  # every heading at one level: the first is the title, the rest are sections
    sections: list[_Section] = []
    section_level: int | None = None
    for block in blocks:
        if block is title_block:
            continue
        is_section = (
            block.kind == "heading"
            and block.level > top
            and (section_level is None or block.level <= section_level)
        )
        if is_section and not (
            sections and _stance(block.text) and sections[-1].kind == "position"
        ):
            section_level = block.level if section_level is None else section_level
            if _CONCLUSION.match(block.text):
                kind = "conclusion"
            elif _CONSEQUENCES.search(block.text) or _polarity(block.text):
                if sections and sections[-1].kind == "consequences" and _polarity(block.text):
                    sections[-1].blocks.append(Block("paragraph", block.text, block.number))
                    continue
                kind = "consequences"
            else:
                kind = "position"
            sections.append(_Section(kind, block))
        elif sections:
            sections[-1].blocks.append(block)
        else:
            builder.warn(
                "unplaced_text",
                f"text before the first position was not used: {block.text[:60]!r}",
                block.number,
            )
    positions: list[Position] = []
    conclusion: Conclusion | None = None
    consequences: list[Consequence] = []
    for section in sections:
        if section.kind == "position":
            positions.append(_position(section, builder))
        elif section.kind == "consequences":
            consequences += _consequences(section, builder)
        elif conclusion is None:
            lead = _CONCLUSION.sub("", section.heading.text, count=1).strip(" :.-")
            texts = ([lead] if lead else []) + [b.text for b in section.blocks]
            if texts:
                text = "\n\n".join(texts)
                builder.check_text(text, section.heading.number)
                last = section.blocks[-1].number if section.blocks else section.heading.number
                conclusion = Conclusion(text, builder.source(section.heading.number, last))
    for table in layout.tables:
        found = table_consequences(table)
        if found is None:
            builder.warn(
                "unplaced_table",
                "a table without a positions or consequences header was not used",
                table.line_start,
            )
        else:
            consequences += found
    return Debate(
        title=title or (builder.file or "untitled"),
        question=question_for(title, document),
        positions=tuple(positions),
        conclusion=conclusion,
        consequences=tuple(consequences),
        warnings=tuple(builder.warnings),
        source_file=builder.file,
    )
