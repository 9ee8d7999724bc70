"""What every document reader produces: paragraphs, headings, list items and tables.

Word-table text, .docx, Markdown and HTML differ only in how they spell a table
or a bullet. Each reader turns its input into this one layout, and
``interpret`` turns the layout into a debate, so the meaning of a handout is
worked out in one place whatever file it came in.

Line numbers are the 1-based lines of the source text; for .docx, which has no
lines, they are paragraph numbers in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from quaestio.model import Warning

BlockKind = Literal["heading", "paragraph", "item"]


@dataclass(frozen=True)
class Line:
    """One paragraph (or one <br>-separated line) of a cell or of the page."""

    text: str
    number: int
    bullet: str | None = None  # the marker as written ("·", "-", "1.") for list items
    level: int = 0  # nesting depth of a list item (0 = top level)
    end: int = 0  # last source line when the text was wrapped over several (0: ``number``)


@dataclass(frozen=True)
class Cell:
    lines: tuple[Line, ...]
    line_start: int
    line_end: int
    span: int = 1  # how many columns a merged cell covers

    @property
    def empty(self) -> bool:
        return not any(line.text.strip() for line in self.lines)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines if line.text.strip())

    @property
    def first_text(self) -> str:
        for line in self.lines:
            if line.text.strip():
                return line.text.strip()
        return ""


@dataclass(frozen=True)
class Table:
    header: tuple[Cell, ...] | None
    rows: tuple[tuple[Cell, ...], ...]
    line_start: int
    line_end: int
    title: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or list item outside any table."""

    kind: BlockKind
    text: str
    number: int
    level: int = 0  # heading level (1-6) or list nesting depth
    end: int = 0  # last source line of a wrapped paragraph or item (0: ``number``)


@dataclass
class Layout:
    """A whole document in reading order, plus what the reader could not place."""

    items: list[Block | Table] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)  # front matter, <title>, ...

    @property
    def tables(self) -> list[Table]:
        return [item for item in self.items if isinstance(item, Table)]

    def warn(self, code: str, message: str, line: int | None = None) -> None:
        self.warnings.append(Warning(code, message, line))


def cell_from_lines(lines: list[Line], span: int = 1) -> Cell:
    numbers = [line.number for line in lines] or [0]
    return Cell(tuple(lines), min(numbers), max(numbers), span)


# A cell or heading that opens a section rather than a position: "Conclusion", "In conclusion,".
SECTION = re.compile(
    r"^(?:in\s+)?(?:conclusions?|summary|overall|verdict|final\s+judge?ment|judge?ment)"
    r"(?:\s*[:.,\-–]\s*|\s*$)",
    re.I,
)


_HEADER_STOP = (".", ";", "!", "?", ",")


def header_like(cell: Cell) -> bool:
    """A cell that reads like a column name: one short line, no sentence, no bullet."""
    texts = [line for line in cell.lines if line.text.strip()]
    if len(texts) != 1 or texts[0].bullet is not None:
        return False
    text = texts[0].text.strip().rstrip(":")
    words = text.split()
    return 0 < len(words) <= 4 and len(text) <= 40 and not text.endswith(_HEADER_STOP)


_BULLET = re.compile(
    r"^(?P<indent>\s*)(?P<marker>[·•▪◦●○‣∙*\-–]|\d{1,2}[.)]|[a-z][.)]|\((?:\d{1,2}|[ivx]{1,4}|[a-z])\)|o(?=\s))\s*(?P<rest>.*)$",
    re.S,
)


def split_bullet(text: str) -> tuple[str | None, str, int]:
    """(marker, text without it, nesting level) of a line that may be a list item.

    A hyphen or asterisk needs a space after it ("-1" is a number, "*emphasis*"
    is not a list); indentation of two spaces or one tab is one level.
    """
    m = _BULLET.match(text)
    if m is None:
        return None, text.strip(), 0
    marker, rest = m.group("marker"), m.group("rest")
    if marker in ("-", "*", "–", "o") or marker[0].isalnum() or marker[0] == "(":
        after = text[m.end("marker") : m.end("marker") + 1]
        if not after.isspace():
            return None, text.strip(), 0
    if not rest.strip():
        return None, text.strip(), 0
    indent = m.group("indent").replace("\t", "  ")
    return marker, rest.strip(), len(indent) // 2
