"""Read a Word document (.docx) into a layout with python-docx.

Tables are real here, so rows and columns come straight from the file; a cell
merged across columns is one cell with a ``span``, and a cell merged down rows
is read in its first row only. Paragraphs in list styles ("List Bullet",
numbering) are list items, "Heading N"/"Title" paragraphs are headings. There
are no lines in a .docx, so "line" means the paragraph's number in reading
order (cells included), which is what a teacher can count in Word.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from typing import Any

from quaestio.errors import ParseError
from quaestio.importer.layout import (
    Block,
    BlockKind,
    Cell,
    Layout,
    Line,
    Table,
    header_like,
    split_bullet,
)
from quaestio.limits import check_span, check_zip

_HEADING = re.compile(r"^heading\s*(\d)$", re.I)
_LIST_LEVEL = re.compile(r"\s([1-9])$")


class _Counter:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n


class _Styles:
    """Paragraph style names by style id, read once.

    python-docx's ``paragraph.style`` searches the styles part with an XPath query
    on every call (about 1 ms each), which made a 20,000-paragraph document take a
    minute; one dictionary makes it linear.
    """

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self.names: dict[str, str] = {}
        self.default = ""
        try:
            root = document.styles.element
        except (KeyError, ValueError, AttributeError):
            return
        for style in root.iter(qn("w:style")):
            if style.get(qn("w:type"), "paragraph") != "paragraph":
                continue
            name_el = style.find(qn("w:name"))
            name = (name_el.get(qn("w:val")) if name_el is not None else None) or ""
            style_id = style.get(qn("w:styleId")) or ""
            self.names.setdefault(style_id, name)
            if style.get(qn("w:default")) in ("1", "true", "on"):
                self.default = name

    def of(self, paragraph: Any) -> str:
        style_id = paragraph._p.style
        if style_id is None:
            return self.default
        return self.names.get(style_id, self.default)


def _list_level(paragraph: Any, styles: _Styles) -> int | None:
    """Nesting level if the paragraph is a list item (by numbering or by style)."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        ilvl = p_pr.numPr.ilvl
        return int(ilvl.val) if ilvl is not None and ilvl.val is not None else 0
    name = styles.of(paragraph).strip().lower()
    if not name.startswith("list"):  # "List Bullet", "List Number 2", "List Paragraph"...
        return None
    m = _LIST_LEVEL.search(name)
    return int(m.group(1)) - 1 if m else 0


def _lines(paragraph: Any, number: int, styles: _Styles) -> list[Line]:
    """The paragraph as lines (a manual line break starts a new one)."""
    level = _list_level(paragraph, styles)
    out: list[Line] = []
    for part in paragraph.text.replace("\xa0", " ").split("\n"):
        if not part.strip():
            continue
        marker, rest, indent = split_bullet(part)
        if level is not None and not out:
            out.append(Line(rest if marker else part.strip(), number, marker or "•", level))
        else:
            out.append(Line(rest, number, marker, indent))
    return out


def _cell(cell: Any, counter: _Counter, layout: Layout, span: int, styles: _Styles) -> Cell:
    lines: list[Line] = []
    numbers: list[int] = []
    for paragraph in cell.paragraphs:
        number = counter.next()
        numbers.append(number)
        lines += _lines(paragraph, number, styles)
    if cell.tables:
        layout.warn(
            "nested_table", "a table inside a cell was not read", numbers[0] if numbers else None
        )
    first = numbers[0] if numbers else counter.n
    last = numbers[-1] if numbers else counter.n
    return Cell(tuple(lines), first, last, span)


def _cap_spans(tbl: Any) -> None:
    """Clamp every ``w:gridSpan`` to 1..MAX_SPAN before python-docx expands spans into cells.

    python-docx yields a merged cell once per grid column it spans, so a span of a
    billion would be a billion cells; junk or a 5,000-digit value counts as 1.
    """
    from docx.oxml.ns import qn

    for span in tbl.iter(qn("w:gridSpan")):
        span.set(qn("w:val"), str(check_span(span.get(qn("w:val")))))


def _table(table: Any, counter: _Counter, layout: Layout, styles: _Styles) -> Table:
    rows: list[tuple[Cell, ...]] = []
    header: tuple[Cell, ...] | None = None
    above: list[Any] = []
    _cap_spans(table._tbl)
    for index, row in enumerate(table.rows):
        row_cells = row.cells  # python-docx rebuilds this tuple on every access
        tcs = [c._tc for c in row_cells]
        cells: list[Cell] = []
        col = 0
        while col < len(tcs):
            span = 1
            while col + span < len(tcs) and tcs[col + span] is tcs[col]:
                span += 1
            if col < len(above) and above[col] is tcs[col]:
                line = counter.n
                cells.append(Cell((), line, line, span))  # merged down: read in the first row
            else:
                cells.append(_cell(row_cells[col], counter, layout, span, styles))
            col += span
        above = tcs
        is_header = index == 0 and (
            (row._tr.trPr is not None and row._tr.trPr.xpath("./w:tblHeader"))
            or (all(header_like(c) for c in cells) and len(cells) > 1)
        )
        if is_header:
            header = tuple(cells)
        else:
            rows.append(tuple(cells))
    numbers = [c.line_start for r in ((header or ()), *rows) for c in r] or [counter.n]
    return Table(
        header,
        tuple(rows),
        min(numbers),
        max(c.line_end for r in rows for c in r) if rows else max(numbers),
    )


def read_docx_layout(data: bytes, path: str | None) -> tuple[Layout, str]:
    """Layout of a .docx and its plain text."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table as DocxTable

    check_zip(data, path)
    try:
        document = docx.Document(BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ParseError(f"not a Word document: {exc}", file=path) from exc
    layout = Layout()
    title = (document.core_properties.title or "").strip()
    if title:
        layout.metadata["title"] = title
    counter = _Counter()
    styles = _Styles(document)
    texts: list[str] = []
    last_heading = 0
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            table = _table(item, counter, layout, styles)
            layout.items.append(table)
            texts += [c.text for r in table.rows for c in r]
            continue
        number = counter.next()
        text = item.text.strip()
        if not text:
            continue
        texts.append(text)
        style = styles.of(item)
        if m := _HEADING.match(style.strip()):
            last_heading = int(m.group(1))
            layout.items.append(Block("heading", text, number, last_heading))
        elif style.strip().lower() == "title":
            layout.items.append(Block("heading", text, number, 0))
        elif (level := _list_level(item, styles)) is not None:
            marker, rest, _ = split_bullet(text)
            layout.items.append(Block("item", rest if marker else text, number, level))
        elif _all_bold(item) and len(text.split()) <= 12 and split_bullet(text)[0] is None:
            # A short paragraph set all in bold is a heading typed by hand.
            layout.items.append(
                Block("heading", text.rstrip(" :"), number, min(max(last_heading + 1, 2), 6))
            )
        else:
            marker, rest, level = split_bullet(text)
            kind: BlockKind = "item" if marker else "paragraph"
            layout.items.append(Block(kind, rest, number, level))
    return layout, "\n".join(texts)


def _all_bold(paragraph: Any) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)
