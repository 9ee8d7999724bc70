"""From a layout to a debate: which table holds positions, which column is which.

Columns are named by the header row ("Arguments | Supporting Evidence |
Countering Evidence"; "Positive | Negative"). A table without a header is read
by position (position, for, against; with four columns position, historians,
for, against) and a warning says so. One-cell rows that start with
"Conclusion" (or close the positions table) are the conclusion. Documents with
no positions table are read as an outline of headings and bullets.
"""

from __future__ import annotations

import re

from quaestio.extract import HistorianTable
from quaestio.importer.build import Builder
from quaestio.importer.cells import name_list, parse_points, parse_position
from quaestio.importer.layout import SECTION, Block, Cell, Layout, Table
from quaestio.importer.outline import read_outline
from quaestio.importer.title import exam_question, question_for, stated_question
from quaestio.model import Conclusion, Consequence, Debate, Evidence, Position

Role = str  # "position", "historians", "for", "against", "positive", "negative", "unknown"

_ROLES: tuple[tuple[Role, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.I))
    for role, pattern in (
        ("historians", r"\b(?:historians?|who holds?|held by|schools?)\b"),
        (
            "against",
            r"\b(?:counter\w*|against|cons?|criticisms?|challenges?|weakness(?:es)?|"
            r"objections?|limitations?)\b",
        ),
        ("negative", r"\b(?:negatives?|disadvantages?|costs?|losses|harms?|drawbacks?)\b"),
        ("positive", r"\b(?:positives?|advantages?|benefits?|gains?)\b"),
        ("for", r"(?:^\s*(?:for|pro)\b|\b(?:support\w*|evidence|strengths?)\b)"),
        (
            "position",
            r"\b(?:arguments?|explanations?|positions?|views?|interpretations?|"
            r"theor(?:y|ies)|claims?|causes?|factors?|reasons?|hypothes[ie]s)\b",
        ),
    )
)
_DEFAULT_ROLES: dict[int, tuple[Role, ...]] = {
    1: ("position",),
    2: ("position", "for"),
    3: ("position", "for", "against"),
    4: ("position", "historians", "for", "against"),
}


def column_roles(header: tuple[Cell, ...]) -> list[Role]:
    roles: list[Role] = []
    for cell in header:
        for _ in range(cell.span):
            text = cell.first_text
            roles.append(next((role for role, rx in _ROLES if rx.search(text)), "unknown"))
    if (
        "position" not in roles
        and len(roles) > 1
        and roles[0] in ("unknown", "for")
        and not {"positive", "negative"} & set(roles)
    ):
        roles[0] = "position"
    return roles


def _spread(row: tuple[Cell, ...], width: int, builder: Builder) -> list[Cell | None]:
    """One entry per column; a merged cell fills its first column and warns."""
    slots: list[Cell | None] = []
    for cell in row:
        slots.append(cell)
        if cell.span > 1:
            builder.warn(
                "merged_cell",
                f"a cell spans {cell.span} columns; it was read as the first of them",
                cell.line_start,
            )
            slots.extend([None] * (cell.span - 1))
    if 1 < len(slots) < width:
        builder.warn(
            "ragged_row",
            f"a row has {len(slots)} cells but the table has {width} columns; "
            "the missing cells were left empty",
            row[0].line_start,
        )
    if len(slots) > width:
        extra = [c for c in slots[width:] if c is not None and not c.empty]
        if extra:
            builder.warn(
                "ragged_row",
                f"a row has {len(slots)} cells but the table has {width} columns; "
                "the extra cells were ignored",
                extra[0].line_start,
            )
    return (slots + [None] * width)[:width]


def _conclusion(cell: Cell, builder: Builder) -> Conclusion:
    lines = [line for line in cell.lines if line.text.strip()]
    first = lines[0].text.strip()
    m = SECTION.match(first)
    head_rest = first[m.end() :].strip() if m else first
    texts = ([head_rest] if head_rest else []) + [line.text.strip() for line in lines[1:]]
    text = "\n\n".join(texts)
    builder.check_text(text, cell.line_start)
    return Conclusion(text, builder.source(cell.line_start, cell.line_end))


def _position_row(slots: list[Cell | None], roles: list[Role], builder: Builder) -> Position | None:
    cells = {role: cell for role, cell in zip(roles, slots, strict=True) if cell is not None}
    present = [c for c in slots if c is not None and not c.empty]
    if not present:
        return None
    start = min(c.line_start for c in present)
    end = max(c.line_end for c in present)
    head = cells.get("position")
    if head is None or head.empty:
        builder.warn(
            "empty_cell", "a row has evidence but no position title; it was skipped", start
        )
        return None
    parsed = parse_position(head.lines)
    names = parsed.historians
    names_line = parsed.historians_line
    if (hist := cells.get("historians")) is not None and not hist.empty:
        names = names + (name_list(hist.text.replace("\n", ", ")) or (hist.text.strip(),))
        names_line = hist.line_start
    position_id = builder.ids.position()
    builder.check_text(parsed.summary, head.line_start)
    evidence: list[Evidence] = []
    for stance in ("for", "against"):
        cell = cells.get(stance)
        if cell is None:
            continue
        points, orphans = parse_points(cell.lines)
        for ref, line in orphans:
            builder.warn(
                "orphan_reference", f"cross-reference {ref!r} has no point to go with", line
            )
        evidence += builder.evidence(position_id, stance, points)  # type: ignore[arg-type]
    position = Position(
        id=position_id,
        title=parsed.title,
        summary=parsed.summary,
        historians=builder.historians(names, names_line or head.line_start),
        evidence=tuple(evidence),
        source=builder.source(start, end),
    )
    return builder.finish_position(position)


def _positions_table(table: Table, builder: Builder) -> tuple[list[Position], Conclusion | None]:
    width = max((len(row) for row in table.rows), default=3)
    if table.header is not None:
        roles = column_roles(table.header)
    else:
        roles = list(_DEFAULT_ROLES.get(width, _DEFAULT_ROLES[4] + ("unknown",) * (width - 4)))
        builder.warn(
            "no_header",
            f"the table has no header row; its {width} columns were read as {', '.join(roles)}",
            table.line_start,
        )
    for index, role in enumerate(roles):
        if role == "unknown" and table.header is not None:
            name = table.header[min(index, len(table.header) - 1)].first_text
            builder.warn(
                "unknown_column",
                f"column {name!r} was not understood and was ignored",
                table.line_start,
            )
    positions: list[Position] = []
    conclusion: Conclusion | None = None
    for index, row in enumerate(table.rows):
        if len(row) == 1 and len(roles) > 1:
            cell = row[0]
            if cell.empty:
                continue
            if SECTION.match(cell.first_text) or index == len(table.rows) - 1:
                conclusion = _conclusion(cell, builder)
            else:
                builder.warn(
                    "merged_row",
                    f"a one-cell row {cell.first_text[:40]!r} was ignored",
                    cell.line_start,
                )
            continue
        if position := _position_row(_spread(row, len(roles), builder), roles, builder):
            positions.append(position)
    return positions, conclusion


def _consequences_table(table: Table, builder: Builder) -> list[Consequence]:
    roles = column_roles(table.header or ())
    out: list[Consequence] = []
    for polarity in ("positive", "negative"):
        for row in table.rows:
            for role, cell in zip(roles, _spread(row, len(roles), builder), strict=True):
                if role != polarity or cell is None:
                    continue
                points, _ = parse_points(cell.lines, dashes=False)
                out += builder.consequences(polarity, points)  # type: ignore[arg-type]
    return out


def _blocks_conclusion(blocks: list[Block], builder: Builder) -> Conclusion | None:
    """The conclusion written as a "Conclusion" heading (or lead-in) and paragraphs."""
    if not blocks:
        return None
    head = SECTION.sub("", blocks[0].text, count=1).strip()
    texts = ([head] if head else []) + [b.text for b in blocks[1:]]
    if not texts:
        builder.warn(
            "empty_conclusion", "a conclusion heading has no text under it", blocks[0].number
        )
        return None
    text = "\n\n".join(texts)
    builder.check_text(text, blocks[0].number)
    return Conclusion(text, builder.source(blocks[0].number, blocks[-1].end or blocks[-1].number))


def _two_sided(table: Table) -> bool:
    """ "Strengths | Weaknesses", "For | Against": one view weighed in two columns, not rows of views."""
    if table.header is None:
        return False
    names = [c.first_text for c in table.header]
    stances = [next((r for r, rx in _ROLES if rx.search(n)), "unknown") for n in names]
    return len(names) == 2 and set(stances) == {"for", "against"}


def _two_sided_position(
    table: Table, caption: str, builder: Builder, caption_line: int | None = None
) -> Position:
    """The one position a two-column For/Against table weighs, titled by its caption."""
    roles = [
        next((r for r, rx in _ROLES if rx.search(c.first_text)), "for") for c in table.header or ()
    ]
    position_id = builder.ids.position()
    evidence: list[Evidence] = []
    for stance in ("for", "against"):
        for row in table.rows:
            for role, cell in zip(roles, row, strict=False):
                if role == stance and not cell.empty:
                    points, _ = parse_points(cell.lines)
                    evidence += builder.evidence(position_id, stance, points)  # type: ignore[arg-type]
    title = re.sub(
        r"^(?:strengths?|for)\s+(?:vs\.?|versus|and)\s+(?:weakness(?:es)?|against)\s+of\s+",
        "",
        caption,
        flags=re.I,
    )
    position = Position(
        id=position_id,
        title=title or "the table",
        evidence=tuple(evidence),
        source=builder.source(caption_line or table.line_start, table.line_end),
    )
    return builder.finish_position(position)


def _is_positions(table: Table) -> bool:
    """A table of positions: no header (read by column order), or one naming a position column
    and at least one column of evidence or historians. "Bolshevik | Menshevik" or "Act |
    Description | Reaction" compare or list things; they are not read as positions."""
    if table.header is None:
        return True
    if _two_sided(table):
        return True
    roles = set(column_roles(table.header))
    return "position" in roles and bool(roles & {"for", "against", "historians"})


def _is_consequences(table: Table) -> bool:
    roles = set(column_roles(table.header)) if table.header else set()
    return bool(roles & {"positive", "negative"}) and "position" not in roles


def interpret(layout: Layout, *, file: str | None, table: HistorianTable, document: str) -> Debate:
    """The debate a layout describes; everything not understood becomes a warning."""
    builder = Builder(file, table)
    builder.warnings.extend(layout.warnings)
    tables = layout.tables
    if not any(_is_positions(t) and not _is_consequences(t) for t in tables):
        return read_outline(
            layout,
            builder,
            document,
            lambda t: _consequences_table(t, builder) if _is_consequences(t) else None,
        )
    blocks_before = []
    for item in layout.items:
        if isinstance(item, Table):
            break
        blocks_before.append(item)
    heads = [b for b in blocks_before if b.kind == "heading"]
    title_block = heads[0] if heads else (blocks_before[0] if blocks_before else None)
    title = (
        heads[0].text
        if heads
        else layout.metadata.get("title") or (title_block.text if title_block else "")
    ) or (tables[0].title or "")
    question = _table_question(layout, title, document)
    positions: list[Position] = []
    conclusion: Conclusion | None = None
    consequences: list[Consequence] = []
    collecting: list[Block] = []  # a "Conclusion" block and the paragraphs under it
    for index, item in enumerate(layout.items):
        if isinstance(item, Block):
            if item is title_block:
                continue
            if SECTION.match(item.text) and conclusion is None and not collecting:
                collecting = [item]
                continue
            if collecting and item.kind != "heading":
                collecting.append(item)
                continue
            conclusion = conclusion or _blocks_conclusion(collecting, builder)
            collecting = []
            caption = index + 1 < len(layout.items) and isinstance(layout.items[index + 1], Table)
            if not caption and not _states(item.text, question):
                builder.warn(
                    "unplaced_text",
                    f"text outside the tables was not used: {item.text[:60]!r}",
                    item.number,
                )
            continue
        conclusion = conclusion or _blocks_conclusion(collecting, builder)
        collecting = []
        if _is_consequences(item):
            consequences += _consequences_table(item, builder)
        elif _two_sided(item):
            before = layout.items[index - 1] if index else None
            named = before.text if isinstance(before, Block) else (item.title or "")
            line = before.number if isinstance(before, Block) else None
            positions.append(_two_sided_position(item, named, builder, line))
        elif not _is_positions(item):
            builder.warn(
                "unplaced_table",
                "a table without a positions or consequences header was not used",
                item.line_start,
            )
        else:
            found, concl = _positions_table(item, builder)
            positions += found
            conclusion = conclusion or concl
    conclusion = conclusion or _blocks_conclusion(collecting, builder)
    return Debate(
        title=title or (file or "untitled"),
        question=question,
        positions=tuple(positions),
        conclusion=conclusion,
        consequences=tuple(consequences),
        warnings=tuple(builder.warnings),
        source_file=file,
    )


def _table_question(layout: Layout, title: str, document: str) -> str:
    """A "Question:" or exam-form line outside the tables, else the front matter's, else the title's."""
    texts = [(b.text, b.kind == "heading") for b in layout.items if isinstance(b, Block)]
    return (
        stated_question(texts)
        or exam_question(texts)
        or layout.metadata.get("question")
        or question_for(title, document)
    )


def _states(text: str, question: str) -> bool:
    """The block is the line the question was read from ("Question: ...", "How far ...?")."""
    core = question.rstrip("?.").strip()
    return bool(core) and core in text
