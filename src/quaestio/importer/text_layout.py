"""Read a Word table saved as plain text into a layout.

Word's text export writes each table cell as a run of lines whose first line
begins with a tab; the following lines (until the next tab) are further
paragraphs of the same cell, and a bare tab is an empty cell. (Word can also
write one row per line, "a<TAB>b<TAB>c"; then a line without tabs is a
one-cell row.) Rows are not
marked at all, so they are rebuilt from the header: a run of short one-line
cells ("Arguments", "Supporting Evidence", "Countering Evidence") names the
columns and fixes how many cells make a row. A cell that starts with
"Conclusion" (or that is left over at the end of a table) is a one-cell row, and
a new run of header cells with a different width starts a second table
("Positive", "Negative"). A line indented by a space but no tab just before such
a header is the second table's caption.

Text without any tab-opened cell is read as an outline: '#' or short lines are
headings, bullets are list items, everything else a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quaestio.errors import ParseError
from quaestio.importer.layout import (
    SECTION,
    Block,
    Cell,
    Layout,
    Line,
    Table,
    cell_from_lines,
    header_like,
    split_bullet,
)
from quaestio.limits import MAX_COLUMNS, MAX_NODES

_ROLE_WORDS = re.compile(
    r"\b(?:arguments?|explanations?|positions?|views?|interpretations?|theor(?:y|ies)|claims?|"
    r"causes?|factors?|supporting|support|for|pro|evidence|countering|counter|against|con|"
    r"criticisms?|challenges?|weakness(?:es)?|historians?|who|positive|negative|advantages?|"
    r"disadvantages?|benefits?|costs?|gains?|losses?|strengths?|consequences?|effects?|results?)\b",
    re.I,
)


@dataclass
class _RawCell:
    lines: list[tuple[str, int]] = field(default_factory=list)
    space_led_tail: bool = False  # last text line was indented by a space, not a tab


def _cell(raw: _RawCell) -> Cell:
    lines: list[Line] = []
    for text, number in raw.lines:
        for part in text.split("\x0b"):  # Word's manual line break
            if part.strip():
                marker, rest, level = split_bullet(part)
                lines.append(Line(rest, number, marker, level))
    if not lines:
        numbers = [n for _, n in raw.lines] or [0]
        return Cell((), min(numbers), max(numbers))
    cell = cell_from_lines(lines)
    start = min(n for _, n in raw.lines)
    return Cell(cell.lines, start, cell.line_end)


def _header_run(cells: list[Cell], start: int) -> int:
    """How many cells from ``start`` read as a header row (0 if fewer than two)."""
    run = 0
    while start + run < len(cells) and run < 8 and header_like(cells[start + run]):
        run += 1
    if run < 2:
        return 0
    # "Arguments | For | Against | Famine": stop at the first non-column-name after column names.
    names = [bool(_ROLE_WORDS.search(cells[start + i].first_text)) for i in range(run)]
    if names[0] and not all(names):
        run = names.index(False)
    return run if run >= 2 else 0


def _second_header(run: list[Cell], body: list[Cell], ncols: int) -> bool:
    """A header in mid-table: at a row boundary (maybe after a one-cell row), all column names."""
    boundary = len(body) % max(ncols, 1) in (0, 1)
    return boundary and all(_ROLE_WORDS.search(cell.first_text) for cell in run)


def _rows(body: list[Cell], ncols: int, layout: Layout) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    i = 0
    while i < len(body):
        cell = body[i]
        if SECTION.match(cell.first_text) and ncols > 1:
            rows.append((cell,))
            i += 1
            continue
        row = body[i : i + ncols]
        if len(row) < ncols:
            if len(row) == 1:
                rows.append((row[0],))  # a one-cell (merged) row closing the table
            else:
                layout.warn(
                    "ragged_row",
                    f"the last row has {len(row)} cells but the table has {ncols} columns; "
                    "the missing cells were left empty",
                    row[0].line_start,
                )
                empty = Cell((), row[-1].line_end, row[-1].line_end)
                rows.append(tuple(row) + (empty,) * (ncols - len(row)))
            break
        rows.append(tuple(row))
        i += ncols
    return rows


def _split_cells(lines: list[str], layout: Layout) -> tuple[list[_RawCell], int]:
    """Cells in order (page lines before the first cell become blocks), and the widest row."""
    cells: list[_RawCell] = []
    widest = 0
    row_mode = False  # rows written one per line ("a\tb\tc"): a line without tabs is a row
    for number, line in enumerate(lines, start=1):
        if "\t" not in line:
            if cells and row_mode and line.strip():
                cells.append(_RawCell([(line, number)]))
            elif cells:
                cells[-1].lines.append((line, number))
                if line.strip():
                    cells[-1].space_led_tail = line.startswith(" ")
            elif line.strip():
                layout.items.append(Block("paragraph", line.strip(), number))
            continue
        if line.count("\t") > MAX_COLUMNS:
            raise ParseError(
                f"a row has {line.count(chr(9)) + 1} cells; the limit is {MAX_COLUMNS}",
                line=number,
            )
        parts = line.split("\t")
        widest = max(widest, len(parts) - 1 if not parts[0].strip() else len(parts))
        if parts[0].strip():  # "a\tb\tc": Word's one-line-per-row export, a row of cells
            cells.append(_RawCell([(parts[0], number)]))
            row_mode = True
        for part in parts[1:]:
            cells.append(_RawCell([(part, number)]))
        if len(cells) > MAX_NODES:
            raise ParseError(f"the table has more than {MAX_NODES} cells", line=number)
    return cells, widest


def read_text_layout(text: str) -> Layout:
    """Layout of a Word-table text export (or of plain outline text)."""
    layout = Layout()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if _tab_indented_notes(lines):
        return read_outline_text([line.replace("\t", "  ") for line in lines])
    raw_cells, widest = _split_cells(lines, layout)
    if not raw_cells:
        return read_outline_text(lines)
    cells = [_cell(raw) for raw in raw_cells]

    captions: dict[int, Line] = {}
    for i in range(1, len(cells)):
        if raw_cells[i - 1].space_led_tail and _header_run(cells, i) and cells[i - 1].lines:
            *keep, last = cells[i - 1].lines
            captions[i] = last
            cells[i - 1] = Cell(tuple(keep), cells[i - 1].line_start, cells[i - 1].line_end - 1)

    i = 0
    ncols = 0
    header: tuple[Cell, ...] | None = None
    body: list[Cell] = []
    title: Line | None = None

    def close() -> None:
        if header is None and not body:
            return
        width = ncols
        if header is None:
            width = widest if widest >= 2 else 3
        rows = _rows(body, width, layout)
        first = header[0].line_start if header else body[0].line_start
        last = max(c.line_end for c in (*(header or ()), *body))
        layout.items.append(
            Table(header, tuple(rows), first, last, title.text if title is not None else None)
        )

    while i < len(cells):
        run = _header_run(cells, i)
        starts_table = run and (
            (header is None and not body)
            or i in captions
            or (run != ncols and _second_header(cells[i : i + run], body, ncols))
        )
        if starts_table:
            close()
            header = tuple(cells[i : i + run])
            ncols, body, title = run, [], captions.get(i)
            i += run
            continue
        body.append(cells[i])
        i += 1
    close()
    return layout


def _tab_indented_notes(lines: list[str]) -> bool:
    """Tabs that indent nested bullets of notes, not Word cells: most tab-led lines are bullets.

    A Word table exported as text opens each cell with a tab and names its columns
    in a run of short cells; notes indent sub-bullets with tabs and have no such run.
    """
    led = [line for line in lines if line.startswith("\t") and line.strip()]
    if len(led) < 2:
        return False
    bullets = sum(1 for line in led if split_bullet(line.strip())[0] is not None)
    names = sum(1 for line in led if _ROLE_WORDS.fullmatch(line.strip().rstrip(":")))
    return bullets * 5 >= len(led) * 3 and names < 2


_HEADING_MARK = re.compile(r"^(#{1,6})\s+(.*)$")


_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")


def read_outline_text(lines: list[str]) -> Layout:
    """Plain text without tables: headings, list items and paragraphs.

    '#' lines, setext headings (a line underlined with '===' or '---') and short
    lines standing alone are headings; a line that goes on from a list item or a
    paragraph without a blank line between is joined to it (one point, its source
    running over both lines).
    """
    layout = Layout()
    seen_text = False
    previous: Block | None = None  # the block the next unblank line may continue
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            previous = None
            continue
        following = lines[number] if number < len(lines) else ""
        if _SETEXT.match(following) and not _SETEXT.match(line) and split_bullet(line)[0] is None:
            level = 1 if following.strip().startswith("=") else 2
            layout.items.append(Block("heading", line.strip(), number, level, number + 1))
            seen_text, previous = True, None
            continue
        if _SETEXT.match(line) and number > 1 and lines[number - 2].strip():
            continue  # the underline of the heading above
        if m := _HEADING_MARK.match(line.strip()):
            layout.items.append(Block("heading", m.group(2).strip(), number, len(m.group(1))))
            previous = None
        else:
            marker, rest, level = split_bullet(line)
            if marker is None and previous is not None and _continues(previous, line):
                joined = f"{previous.text} {line.strip()}"
                previous = Block(previous.kind, joined, previous.number, previous.level, number)
                layout.items[-1] = previous
                continue
            if marker is not None:
                block = Block("item", rest, number, level)
            elif not seen_text:
                block = Block("heading", rest, number, 1)
            elif _looks_like_heading(line, lines, number):
                block = Block("heading", rest, number, 2)
            else:
                block = Block("paragraph", rest, number)
            layout.items.append(block)
            previous = block if block.kind != "heading" else None
        seen_text = True
    return layout


def _continues(previous: Block, line: str) -> bool:
    """``line`` carries on the text of ``previous`` (a wrapped item or sentence)."""
    text = line.strip()
    if previous.kind == "item" and line[:1].isspace():
        return True
    return text[:1].islower() and not previous.text.rstrip().endswith((".", ":", ";", "!", "?"))


def _looks_like_heading(line: str, lines: list[str], number: int) -> bool:
    """A short unindented line with no closing punctuation, after a blank line."""
    text = line.strip()
    before_blank = number == 1 or not lines[number - 2].strip()
    return (
        before_blank
        and not line[:1].isspace()
        and len(text.split()) <= 8
        and not text.endswith((".", ",", ";", ":", "?", "!", ")"))
    )
