"""Read a Markdown handout (pipe tables, or headings with bullets) with markdown-it.

Inside a pipe-table cell, ``<br>`` separates paragraphs and ``<li>`` (or a
"- "/"• " after a ``<br>``) marks a bullet, since a pipe table cannot hold a
real list. Line numbers are the Markdown source lines.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from quaestio.errors import ParseError
from quaestio.importer.frontmatter import split_front_matter
from quaestio.importer.layout import Block, Cell, Layout, Line, Table, header_like, split_bullet
from quaestio.limits import MAX_NODES

_BR = re.compile(r"<br\s*/?>", re.I)
_LI = re.compile(r"<li[^>]*>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPHASIS = re.compile(r"(\*\*|__|`)")


def plain(text: str) -> str:
    """Markdown inline text without emphasis marks, tags or escapes."""
    text = _TAG.sub("", _EMPHASIS.sub("", text))
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    return (
        text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    )


def cell_lines(content: str, number: int) -> list[Line]:
    """Lines of one table cell: split at <br> and <li>, bullets recognised."""
    lines: list[Line] = []
    content = re.sub(r"</?(?:ul|ol)[^>]*>", "<br>", content, flags=re.I)
    content = _LI.sub("<br>\x00", content)
    for part in _BR.split(content):
        is_li = part.startswith("\x00")
        text = plain(part.replace("\x00", "")).strip()
        if not text:
            continue
        marker, rest, level = split_bullet(text)
        if is_li and marker is None:
            marker, rest = "•", text
        lines.append(Line(rest, number, marker, level))
    return lines


def read_markdown_layout(text: str) -> Layout:
    # Table cells are counted before parsing: 40,000 rows took past the time budget.
    cells = sum(line.count("|") - 1 for line in text.splitlines() if line.lstrip().startswith("|"))
    if cells > MAX_NODES:
        raise ParseError(f"the tables have about {cells} cells; the limit is {MAX_NODES}")
    md = MarkdownIt("commonmark").enable("table")
    text_before = text
    meta, meta_end, text = split_front_matter(text)
    tokens = md.parse(text)
    layout = Layout(metadata=meta)
    if meta_end:
        keys = ", ".join(sorted(meta)[:6]) or "no keys"
        layout.warn(
            "front_matter",
            f"lines 1-{meta_end} are front matter, read as metadata ({keys}), not as the debate",
            1,
        )
        raw = text_before.split("\n")
        for n in range(2, meta_end + 1):  # each later run of lines, after a blank line inside it
            if raw[n - 1].strip() and not raw[n - 2].strip():
                layout.warn("front_matter_part", "in the front matter", n)
    depth = 0
    heading_level = 0
    last_heading = 0
    in_item = False
    row: list[Cell] = []
    rows: list[tuple[Cell, ...]] = []
    header: tuple[Cell, ...] | None = None
    in_head = False
    table_start = 0
    for i, token in enumerate(tokens):
        line = (token.map[0] + 1) if token.map else 0
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif kind == "list_item_open":
            in_item = True
        elif kind == "list_item_close":
            in_item = False
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "table_open":
            rows, header, table_start = [], None, line
        elif kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "tr_open":
            row = []
            row_line = line
        elif kind in ("th_open", "td_open"):
            content = tokens[i + 1].content if i + 1 < len(tokens) else ""
            lines = cell_lines(content, row_line)
            row.append(Cell(tuple(lines), row_line, row_line))
        elif kind == "tr_close":
            if in_head:
                header = tuple(row)
            else:
                rows.append(tuple(row))
        elif kind == "table_close":
            if header is not None and not all(header_like(c) or c.empty for c in header):
                rows.insert(0, header)  # a first row of sentences is data, not column names
                header = None
            end = max((c.line_end for r in rows for c in r), default=table_start)
            layout.items.append(Table(header, tuple(rows), table_start, end))
        elif kind in ("fence", "code_block"):
            _code(token.content, line + (1 if kind == "fence" else 0), depth, layout)
        elif kind == "html_block":
            _html_block(token.content, line, layout)
        elif kind == "inline" and i > 0:
            opener = tokens[i - 1].type
            parts = [(n, plain(p).strip()) for n, p in enumerate(token.content.split("\n"))]
            parts = [(n, p) for n, p in parts if p]
            # A wrapped paragraph or list item is one block: its lines are joined.
            body = " ".join(_TEMPLATE_SPAN.sub(" ", " ".join(p for _, p in parts)).split())
            if not parts or not body:
                if token.content.strip():
                    layout.warn("template", "site template markup was set aside", line)
                continue
            first, last = line + parts[0][0], line + parts[-1][0]
            bold = _BOLD_LINE.match(token.content.strip())
            if opener == "heading_open":
                layout.items.append(Block("heading", body, first, heading_level, last))
                last_heading = heading_level
            elif opener == "paragraph_open" and not in_item and bold and len(body.split()) <= 12:
                # A paragraph that is all bold ("**Causes**") is a heading written by hand.
                level = min(max(last_heading + 1, 2), 6)
                layout.items.append(Block("heading", body.rstrip(" :"), first, level, last))
            elif opener == "paragraph_open" and in_item:
                layout.items.append(Block("item", body, first, max(depth - 1, 0), last))
                in_item = False  # further paragraphs of the item are its continuation
            elif opener == "paragraph_open":
                layout.items.append(Block("paragraph", body, first, 0, last))
    return layout


_BOLD_LINE = re.compile(r"^(\*\*|__)(?!\s)[^*_\n]+?(?<!\s)\1\s*:?$")
_TEMPLATE_SPAN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|<!--.*?-->")


def _code(content: str, first: int, depth: int, layout: Layout) -> None:
    """A code fence or indented block: notes written as preformatted text, read line by line."""
    for offset, raw in enumerate(content.split("\n")):
        text = raw.strip()
        if not text:
            continue
        marker, rest, level = split_bullet(raw)
        if marker is not None:
            layout.items.append(Block("item", rest, first + offset, max(depth - 1, 0) + level))
        else:
            layout.items.append(Block("paragraph", text, first + offset))


def _html_block(content: str, line: int, layout: Layout) -> None:
    """Raw HTML in Markdown: its text is read as paragraphs; pure markup is named and set aside."""
    text = plain(re.sub(r"<[^>]*>", " ", content))
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text)
    if " ".join(text.split()):
        layout.items.append(Block("paragraph", " ".join(text.split()), line))
    else:
        layout.warn("markup", "HTML or template markup (no text) was set aside", line)
