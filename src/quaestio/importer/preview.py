"""What each line of a document became, for checking an import before it is saved.

The browser's fix-up shows the document's numbered lines beside the debate read
from it, each line named (and coloured) by its role: the question, a position,
a historian, a point for or against (nested or not), a conclusion, a note set aside
with the reason the importer gave. Roles come from the debate itself (every node's
``source`` lines, the warnings' lines), so they are what the import decided, not
a second guess; a correction changes the debate, and the roles follow.

Lines are the numbers the importer uses (see ``layout``): text and Markdown lines,
HTML source lines (shown as the text read on them), .docx paragraph numbers.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from quaestio.errors import ParseError
from quaestio.importer.api import decode_text, detect_kind, import_bytes, read_layout
from quaestio.importer.corrections import apply_corrections
from quaestio.importer.fixes import Fix, parse_fixes
from quaestio.importer.layout import Block, Layout, Table
from quaestio.importer.report import _REASONS
from quaestio.model import Debate, Evidence, Position

#: the roles a line can have, and the words a reader sees for each (colour is never alone)
ROLES: dict[str, str] = {
    "question": "question",
    "title": "title",
    "position": "position",
    "historian": "historian",
    "for": "point for",
    "against": "point against",
    "part": "part of a position",
    "conclusion": "conclusion",
    "consequence": "consequence",
    "structure": "layout",
    "note": "set aside",
    "unused": "not used",
    "blank": "",
}
#: the most lines a preview lists (the rest are counted, and still imported)
MAX_LINES = 5000
#: the most corrections one draft may carry
MAX_FIXES = 500
HANDOUT_KINDS = ("text", "markdown", "html", "docx")
#: the file endings the fix-up reads (other formats are imported as they are)
HANDOUT_SUFFIXES = (".txt", ".docx", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True)
class DocLine:
    """One numbered line of the document and what it became."""

    number: int
    text: str
    role: str
    label: str  # plain words: role, whose part it is, the warning's reason
    node: str | None = None  # the position or point it belongs to
    position_line: int | None = None  # the first line of that position
    historians: tuple[str, ...] = ()
    depth: int = 0  # 1 for a point answering a point, ...


@dataclass(frozen=True)
class Preview:
    """A document read with corrections: the debate, its lines, and the corrections."""

    debate: Debate
    kind: str
    lines: tuple[DocLine, ...]
    fixes: tuple[Fix, ...]
    more_lines: int = 0  # lines past ``MAX_LINES``, not listed

    def role_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for line in self.lines:
            if line.role != "blank":
                out[line.role] = out.get(line.role, 0) + 1
        return out


def document_lines(
    data: bytes, filename: str, kind: str, layout: Layout | None = None
) -> list[tuple[int, str]]:
    """(number, text) of every line as the importer numbers them.

    Text and Markdown: the lines of the file. HTML and .docx: the text read on each
    numbered line (the markup is not shown), in order.
    """
    if kind in ("text", "markdown"):
        return list(enumerate(decode_text(data, filename).splitlines(), 1))
    if layout is None:
        layout, _ = read_layout(data, filename, kind)
    texts: dict[int, list[str]] = {}

    def add(number: int, text: str) -> None:
        if text.strip():
            texts.setdefault(number, []).append(" ".join(text.split()))

    for item in layout.items:
        if isinstance(item, Block):
            add(item.number, item.text)
        elif isinstance(item, Table):
            for row in ((*(item.header or ()),), *item.rows):
                for cell in row:
                    for line in cell.lines:
                        add(line.number, line.text)
    return [(n, " · ".join(texts[n])) for n in sorted(texts)]


def _span(node: Position | Evidence) -> range:
    s = node.source
    if s is None or s.line_start is None:
        return range(0)
    return range(s.line_start, (s.line_end or s.line_start) + 1)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _names_in(text: str, names: list[str]) -> tuple[str, ...]:
    low = text.lower()
    return tuple(n for n in names if re.search(r"\b" + re.escape(n.lower()) + r"\b", low))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def line_roles(
    debate: Debate, lines: list[tuple[int, str]], structure: dict[int, str] | None = None
) -> tuple[DocLine, ...]:
    """Each line with its role in ``debate`` (see ``ROLES``), from the nodes' source lines."""
    role: dict[int, DocLine] = {}
    notes: dict[int, list[str]] = {}
    for w in debate.warnings:
        if w.line is not None:
            notes.setdefault(w.line, []).append(f"{_REASONS.get(w.code, w.code)}: {w.message}")
    if debate.conclusion and debate.conclusion.source:
        s = debate.conclusion.source
        for n in range(s.line_start or 0, (s.line_end or s.line_start or 0) + 1):
            role[n] = DocLine(n, "", "conclusion", "conclusion")
    for c in debate.consequences:
        if c.source and c.source.line_start is not None:
            for n in range(c.source.line_start, (c.source.line_end or c.source.line_start) + 1):
                word = "good" if c.polarity == "positive" else "bad"
                role[n] = DocLine(n, "", "consequence", f"consequence ({word})", c.id)
    text_of = dict(lines)
    # three passes, so that a point moved into another position's lines keeps its role:
    # the positions' whole spans, then every point's lines, then the headings
    for p in debate.positions:
        head, names, title = _line(p) or None, [h.name for h in p.historians], _short(p.title, 40)
        for n in _span(p):
            found = _names_in(text_of.get(n, ""), names)
            kind = "historian" if found else "part"
            label = f"historian of “{title}”" if found else f"part of the position “{title}”"
            role[n] = DocLine(n, "", kind, label, p.id, head, found)
    for p in debate.positions:
        role.update(_point_lines(p, text_of))
    for p in debate.positions:
        head, names = _line(p) or None, [h.name for h in p.historians]
        if head is not None:
            found = _names_in(text_of.get(head, ""), names)
            with_names = f", historians {', '.join(found)}" if found else ""
            role[head] = DocLine(head, "", "position", f"position{with_names}", p.id, head, found)
    question_line = _find(lines, debate.question) or None
    title_line = _find(lines, debate.title)
    out: list[DocLine] = []
    for n, text in lines:
        line = role.get(n)
        if n == question_line and (line is None or line.role in ("part", "unused")):
            line = DocLine(n, "", "question", "question")
        elif n == title_line and line is None:
            same = question_line is None and _norm(debate.question) != _norm(debate.title)
            label = f"title; the debate's question: {debate.question}" if same else "title"
            line = DocLine(n, "", "question" if same else "title", label)
        if not text.strip():
            line = DocLine(n, "", "blank", "")
        elif line is None and structure and n in structure:
            line = DocLine(n, "", "structure", structure[n])
        elif line is None:
            if n in notes:
                line = DocLine(n, "", "note", "set aside, " + "; ".join(notes[n]))
            else:
                line = DocLine(n, "", "unused", "not used")
        elif n in notes:
            line = DocLine(
                n,
                "",
                line.role,
                line.label + " (note: " + "; ".join(notes[n]) + ")",
                line.node,
                line.position_line,
                line.historians,
                line.depth,
            )
        out.append(
            DocLine(
                n,
                text,
                line.role,
                line.label,
                line.node,
                line.position_line,
                line.historians,
                line.depth,
            )
        )
    return tuple(out)


def _point_lines(p: Position, text_of: dict[int, str]) -> dict[int, DocLine]:
    """The lines of ``p``'s points: stance, what each answers or rebuts, historians named."""
    out: dict[int, DocLine] = {}
    head, names, title = _line(p) or None, [h.name for h in p.historians], _short(p.title, 40)
    points = {e.id: e for e in p.evidence}
    for e in p.evidence:
        if e.parent and e.parent in points:
            whose = f", answers the point on line {_line(points[e.parent])}"
        else:
            whose = f" “{title}”"
        rebutted = [points[r] for r in e.rebuts if r in points]
        if rebutted:
            whose += f", rebuts the point on line {_line(rebutted[0])}"
        label = f"{ROLES[e.stance]}{whose}"
        here = [h.name for h in e.historians] + names
        for k, n in enumerate(_span(e)):
            more = " (continued)" if k else ""
            found = _names_in(text_of.get(n, ""), here)
            out[n] = DocLine(n, "", e.stance, label + more, e.id, head, found, depth_of(p, e))
    return out


def depth_of(position: Position, point: Evidence) -> int:
    """How many points stand between ``point`` and its position (0: it answers the position)."""
    parents = {e.id: e.parent for e in position.evidence}
    depth, at, seen = 0, point.parent, set()
    while at is not None and at in parents and at not in seen:
        seen.add(at)
        depth += 1
        at = parents[at]
    return depth


def _line(node: Position | Evidence) -> int:
    return node.source.line_start or 0 if node.source else 0


def _find(lines: list[tuple[int, str]], wanted: str) -> int:
    """The first line whose words are ``wanted``'s (or contain them), else 0."""
    key = _norm(wanted)
    if not key:
        return 0
    for n, text in lines:
        if _norm(text) == key:
            return n
    for n, text in lines:
        words = _norm(text)
        if len(key) >= 12 and key in words:
            return n
    return 0


def preview(
    data: bytes,
    filename: str,
    fixes: str = "",
    *,
    fix_file: str = "corrections",
    historians: str | Path | None = None,
) -> Preview:
    """Import ``data`` (a handout), apply the corrections in ``fixes`` (fix-script text), and
    say what every line became; a ``ParseError`` names the file, or the fix's line."""
    if not filename.lower().endswith(HANDOUT_SUFFIXES):
        raise ParseError(
            "checking before saving reads .txt, .docx, .md and .html handouts; "
            "import other formats as they are",
            file=filename,
            field="file",
        )
    kind = detect_kind(data, filename)
    corrections = parse_fixes(fixes, fix_file)
    if len(corrections) > MAX_FIXES:
        raise ParseError(
            f"too many corrections ({len(corrections)}; the limit is {MAX_FIXES})", file=fix_file
        )
    read = _read(data, filename, kind, historians)
    debate = read.debate
    if corrections:
        debate = apply_corrections(debate, corrections, file=fix_file, historians=historians)
    listed = list(read.lines[:MAX_LINES])
    roles = line_roles(debate, listed, read.structure)
    return Preview(debate, kind, roles, tuple(corrections), len(read.lines) - len(listed))


@dataclass(frozen=True)
class _Read:
    """A document as imported, before any correction: what every click starts from."""

    debate: Debate
    lines: tuple[tuple[int, str], ...]
    structure: dict[int, str]


#: documents read lately, so that a click applies its corrections without reading again
CACHE_SIZE = 8
_CACHE: OrderedDict[tuple[str, str, str, str], _Read] = OrderedDict()
_LOCK = threading.Lock()


def _read(data: bytes, filename: str, kind: str, historians: str | Path | None) -> _Read:
    key = (hashlib.sha256(data).hexdigest(), filename, kind, str(historians))
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    debate = import_bytes(data, filename, kind=kind, historians=historians)
    layout, _ = read_layout(data, filename, kind)
    lines = document_lines(data, filename, kind, layout)
    read = _Read(debate, tuple(lines), _structure(layout, lines))
    with _LOCK:
        _CACHE[key] = read
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return read


def _structure(layout: Layout, lines: list[tuple[int, str]]) -> dict[int, str]:
    """Lines that only shape the document: a table's column names and its title."""
    out: dict[int, str] = {}
    for table in layout.tables:
        for cell in table.header or ():
            for line in cell.lines:
                if line.text.strip():
                    out[line.number] = "layout: the table's column names"
        if table.title:
            before = [
                n
                for n, text in lines
                if n <= table.line_start and _norm(text) == _norm(table.title)
            ]
            if before:
                out[before[-1]] = "layout: the table's title"
        above = [n for n, text in lines if n < table.line_start and text.strip()]
        if above and above[-1] not in out:
            # only shown when nothing else used the line (a heading over the table)
            out[above[-1]] = "layout: the heading above a table"
    return out


def fix_script(fixes: list[str] | tuple[str, ...]) -> str:
    """The corrections as a fix file ``quaestio import FILE --fix`` reads, with a header."""
    head = (
        "# corrections for quaestio import FILE --fix THIS-FILE (one per line, see docs/import.md)"
    )
    return "\n".join([head, *fixes]) + "\n"


#: the largest document the fix-up keeps as a draft (it is sent back with every click)
MAX_DRAFT_BYTES = 2 * 1024 * 1024
#: the largest fix file accepted
MAX_FIX_BYTES = 64 * 1024


def _one_line(text: str) -> str:
    """A value typed into a form, as one line of a fix file (no comment, no line break)."""
    return " ".join(text.replace("#", " ").split())


def correction(op: str, values: dict[str, str]) -> str:
    """The fix-file line a click asks for: ``op`` is a button's value, ``values`` the
    form's fields (the question typed, a historian's name, the move's two lines).

    ``"flip 7"`` is itself; ``"set-question"`` reads ``question``; ``"mark-historian 12"``
    reads ``historian-12``; ``"move"`` reads ``move-point`` and ``move-to``. A click
    missing what it needs is a ``ParseError`` naming the field.
    """
    op = op.strip()
    if op == "set-question":
        text = _one_line(values.get("question", ""))
        if not text:
            raise ParseError("type the question first", field="question")
        line = f"question: {text}"
    elif op.startswith("mark-historian "):
        at = op.split()[1] if len(op.split()) > 1 else ""
        name = _one_line(values.get(f"historian-{at}", ""))
        if not name:
            raise ParseError("type the historian's name first", field=f"historian-{at}")
        line = f"historian add {at} {name}"
    elif op == "move":
        point, to = values.get("move-point", ""), values.get("move-to", "")
        if not point.isdigit() or not to.isdigit():
            raise ParseError("choose the point to move and where it goes", field="move-to")
        line = f"move {point} under {to}"
    else:
        line = _one_line(op)
    parse_fixes(line, "the click")  # one instruction the fix file knows, or an error
    return line


def click(
    fixes: list[str], redo: list[str], op: str, values: dict[str, str]
) -> tuple[list[str], list[str]]:
    """The corrections (and the undone ones, for redo) after one click.

    ``undo`` takes back the last correction, ``redo`` puts back the last undone one,
    anything else appends a correction and forgets what was undone.
    """
    if op == "undo":
        return (fixes[:-1], [*redo, fixes[-1]]) if fixes else (fixes, redo)
    if op == "redo":
        return ([*fixes, redo[-1]], redo[:-1]) if redo else (fixes, redo)
    if op in ("", "apply"):
        return fixes, redo
    return [*fixes, correction(op, values)], []


def script_lines(text: str) -> list[str]:
    """The instructions of a fix file as lines (comments and blanks dropped), checked."""
    parse_fixes(text, "the corrections")
    out = []
    for raw in text.splitlines():
        line = re.sub(r"\s+#.*$", "", raw).strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out
