"""Read an HTML handout (``<table>``s, or headings with lists) with lxml.

In a cell, ``<br>``, ``<p>``, ``<div>`` and ``<li>`` separate paragraphs and list
items (nested lists give nesting levels); ``colspan`` gives merged cells. A
header is the ``<thead>`` row, or a first row of ``<th>`` cells, or a first row
of short column names. Line numbers are the HTML source lines (lxml's
``sourceline``).
"""

from __future__ import annotations

import re
from typing import Any

import lxml.etree
import lxml.html

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
from quaestio.limits import check_span

_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}
_SKIP = {"script", "style", "head", "title", "template", "noscript"}


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


class _CellText:
    """Accumulates the text of a cell, cutting a new line at every block boundary."""

    def __init__(self, default_line: int) -> None:
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.line = default_line
        self.bullet: str | None = None
        self.level = 0

    def flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text:
            marker, rest, _ = split_bullet(text)
            if self.bullet is not None:
                self.lines.append(
                    Line(rest if marker else text, self.line, marker or "•", self.level)
                )
            else:
                self.lines.append(Line(rest, self.line, marker, 0))
        self.buffer = []
        self.bullet = None

    def walk(self, el: Any, depth: int) -> None:
        tag = _tag(el)
        if tag in _SKIP:
            return
        if tag == "br" or tag in _BLOCKS:
            self.flush()
        if tag == "li":
            self.bullet, self.level = "•", max(depth - 1, 0)
        if el.sourceline and (tag in _BLOCKS or not "".join(self.buffer).strip()):
            self.line = el.sourceline  # the line where the block's text begins
        if el.text and tag != "br":
            self.buffer.append(el.text)
        for child in el:
            self.walk(child, depth + (1 if tag in ("ul", "ol") else 0))
        if tag in _BLOCKS:
            self.flush()
        if el.tail:
            if tag in _BLOCKS and el.sourceline:
                self.line = el.sourceline
            self.buffer.append(el.tail)


def _cell(el: Any) -> Cell:
    reader = _CellText(el.sourceline or 0)
    reader.buffer.append(el.text or "")
    for child in el:
        reader.walk(child, 0)
    reader.flush()
    start = el.sourceline or 0
    end = max([start, *(line.number for line in reader.lines)])
    span = check_span(el.get("colspan"))
    return Cell(tuple(reader.lines), start, end, span)


def _table(el: Any, layout: Layout) -> Table:
    header: tuple[Cell, ...] | None = None
    rows: list[tuple[Cell, ...]] = []
    for tr in el.iter("tr"):
        if (
            tr.getparent() is not None
            and tr.getparent() is not el
            and _tag(tr.getparent()) not in ("thead", "tbody", "tfoot")
        ):
            continue  # a row of a nested table
        cells = tuple(_cell(td) for td in tr if _tag(td) in ("td", "th"))
        if any(_tag(td) in ("td", "th") and td.get("rowspan") not in (None, "1") for td in tr):
            layout.warn(
                "merged_cell",
                "a cell merged down rows is read in its first row only",
                tr.sourceline,
            )
        in_head = _tag(tr.getparent()) == "thead"
        all_th = all(_tag(td) == "th" for td in tr if _tag(td) in ("td", "th"))
        if (
            header is None
            and not rows
            and (in_head or all_th or all(header_like(c) for c in cells))
        ):
            header = cells
        elif cells:
            rows.append(cells)
    caption = el.find("caption")
    title = " ".join(caption.text_content().split()) if caption is not None else None
    start = el.sourceline or 0
    end = max([start, *(c.line_end for r in rows for c in r)])
    return Table(header, tuple(rows), start, end, title or None)


def _text_span(text: str, line: int) -> tuple[int, int]:
    """First and last source line of an element's text that starts on ``line`` (its tag's line).

    "<a href=...>" then the words on the next line: the text is on the next line.
    """
    lead = len(text) - len(text.lstrip())
    first = line + text[:lead].count("\n")
    return first, first + text.strip().count("\n")


def _walk(el: Any, layout: Layout, depth: int) -> None:
    tag = _tag(el)
    if tag in _SKIP:
        return
    if tag == "table":
        layout.items.append(_table(el, layout))
        return
    line = el.sourceline or 0
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        text = " ".join(el.text_content().split())
        if text:
            layout.items.append(Block("heading", text, line, int(tag[1])))
        return
    if tag == "li":
        own = [el.text or ""] + [
            (c.text_content() if _tag(c) not in ("ul", "ol") else "") + (c.tail or "") for c in el
        ]
        text = " ".join("".join(own).split())
        if text:
            layout.items.append(Block("item", text, line, max(depth - 1, 0)))
        for child in el:
            if _tag(child) in ("ul", "ol"):
                _walk(child, layout, depth)
        return
    if tag == "p":
        reader = _CellText(line)
        reader.walk(el, 0)
        reader.flush()
        for item in reader.lines:
            kind: BlockKind = "item" if item.bullet else "paragraph"
            layout.items.append(Block(kind, item.text, item.number, item.level))
        return
    if el.text and el.text.strip() and tag not in ("ul", "ol", "html"):
        first, last = _text_span(el.text, line)
        layout.items.append(Block("paragraph", " ".join(el.text.split()), first, 0, last))
    for child in el:
        _walk(child, layout, depth + (1 if tag in ("ul", "ol") else 0))
        if child.tail and child.tail.strip() and tag not in ("ul", "ol", "tr", "table"):
            layout.items.append(
                Block("paragraph", " ".join(child.tail.split()), child.sourceline or line)
            )


def read_html_layout(text: str, path: str | None) -> tuple[Layout, str]:
    """Layout of an HTML document and its plain text."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if not text.strip():
        raise ParseError("the file has no HTML content", file=path)
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ParseError(f"not readable as HTML: {exc}", file=path) from exc
    layout = Layout()
    title = root.find(".//title")
    page_title = " ".join((title.text or "").split()) if title is not None else ""
    if page_title:
        # "Causes of WW2 | Infodump": the page's title, without the site's name
        layout.metadata["title"] = re.split(r"\s+[|·•]\s+", page_title)[0]
    body = root.find("body")
    body = body if body is not None else root
    main = _main_content(body)
    if main is not None:
        _set_aside_chrome(body, main, layout)
    _walk(main if main is not None else body, layout, 0)
    return layout, str(root.text_content())  # type: ignore[attr-defined]


def _main_content(body: Any) -> Any | None:
    """The page's <main> or single <article>: a site's own page around the notes is not read."""
    mains = body.findall(".//main")
    if len(mains) == 1:
        articles = mains[0].findall(".//article")
        return articles[0] if len(articles) == 1 else mains[0]
    articles = body.findall(".//article")
    return articles[0] if len(articles) == 1 else None


def _set_aside_chrome(body: Any, main: Any, layout: Layout) -> None:
    """Name every text line of the page outside the main content (menus, footers) in a warning."""
    inside = set(main.iter())  # lxml keeps one proxy per element while this set holds them
    seen: set[int] = set()
    for el in body.iter():
        if el in inside or _tag(el) in _SKIP or not isinstance(el.tag, str):
            continue
        if any(_tag(a) in _SKIP for a in el.iterancestors()):
            continue
        raw = el.text or ""
        text = " ".join(raw.split())
        if not text or not el.sourceline:
            continue
        # The text may start lines below its tag and run over several: name each line it is on.
        for offset, part in enumerate(raw.split("\n")):
            line = el.sourceline + offset
            if part.strip() and line not in seen:
                seen.add(line)
                layout.warn(
                    "page_chrome",
                    f"site menu, header or footer text set aside: '{text[:40]}'",
                    line,
                )
