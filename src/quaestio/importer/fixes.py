"""A teacher's corrections to an import, as a small edit script (``quaestio import --fix``).

The importer's reading of a document is rule-based and says which line made each
decision; where it reads a document differently from its author, the teacher writes
the correction once, by source line, and re-runs the import with it:

    question: How far was the Treaty of Versailles to blame?
    promote 41              # the point on line 41 heads a position of its own
    demote 57               # the position on line 57 is a point of the one before
    flip 63                 # the point on line 63 argues the other way
    move 70 to 12           # the point on line 70 belongs to the position on line 12
    drop 88                 # the position (or point) on line 88 is not part of the debate
    historian add 12 Taylor
    historian remove 57 Article

Lines are the document's lines, as the import report prints them. Every
instruction is checked before any is applied: a wrong one is an error naming the
fix file, its line and the instruction, and the debate is left as imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from quaestio.errors import ParseError
from quaestio.extract import HistorianTable, load_table
from quaestio.model import Debate, Evidence, Historian, IdAllocator, Position, Source, Stance

_COMMENT = re.compile(r"\s+#.*$")
_OPS = re.compile(
    r"^(?:(?P<question>question)\s*:?\s+(?P<text>.+)"
    r"|(?P<op>promote|demote|flip|drop)\s+(?P<line>\d+)"
    r"|move\s+(?P<from>\d+)\s+(?:to|under)\s+(?P<to>\d+)"
    r"|historian\s+(?P<hop>add|remove)\s+(?P<hline>\d+)\s+(?P<name>.+))$",
    re.I,
)


@dataclass(frozen=True)
class Fix:
    op: str  # question, promote, demote, flip, move, drop, add, remove
    line: int  # the fix file's line
    target: int = 0  # a document line
    to: int = 0
    text: str = ""


def parse_fixes(text: str, file: str | None = None) -> list[Fix]:
    """The instructions of a fix file; a line that is none of them is an error naming it."""
    out: list[Fix] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", raw).strip()
        if not line or line.startswith("#"):
            continue
        m = _OPS.match(line)
        if m is None:
            raise ParseError(
                f"not a correction: '{line}' (use question:, promote, demote, flip, move, drop, "
                "historian add/remove)",
                file=file,
                line=number,
            )
        if m.group("question"):
            out.append(Fix("question", number, text=m.group("text").strip()))
        elif m.group("op"):
            out.append(Fix(m.group("op").lower(), number, int(m.group("line"))))
        elif m.group("from"):
            out.append(Fix("move", number, int(m.group("from")), int(m.group("to"))))
        else:
            op = m.group("hop").lower()
            out.append(Fix(op, number, int(m.group("hline")), text=m.group("name").strip()))
    return out


def _start(node: Position | Evidence) -> int | None:
    return node.source.line_start if node.source else None


def _covers(node: Position | Evidence, line: int) -> bool:
    s = node.source
    return bool(
        s and s.line_start is not None and s.line_start <= line <= (s.line_end or s.line_start)
    )


class _Edit:
    """The debate's positions as mutable lists while corrections are applied."""

    def __init__(self, debate: Debate, table: HistorianTable, file: str | None) -> None:
        self.debate = debate
        self.table = table
        self.file = file
        self.positions: list[tuple[Position, list[Evidence]]] = [
            (p, list(p.evidence)) for p in debate.positions
        ]
        self.question = debate.question

    def fail(self, fix: Fix, message: str) -> ParseError:
        return ParseError(message, file=self.file, line=fix.line, field=fix.op)

    def position_at(self, fix: Fix, line: int, *, starts: bool = False) -> int:
        for i, (p, _) in enumerate(self.positions):
            if _start(p) == line or (not starts and _covers(p, line)):
                return i
        raise self.fail(fix, f"no position {'starts' if starts else 'is'} on line {line}")

    def point_at(self, fix: Fix, line: int) -> tuple[int, int]:
        for i, (_, points) in enumerate(self.positions):
            for j, e in enumerate(points):
                if _start(e) == line:
                    return i, j
        for i, (_, points) in enumerate(self.positions):
            for j, e in enumerate(points):
                if _covers(e, line):
                    return i, j
        raise self.fail(fix, f"no point is on line {line}")

    def apply(self, fix: Fix) -> None:
        if fix.op == "question":
            self.question = fix.text
        elif fix.op == "flip":
            i, j = self.point_at(fix, fix.target)
            e = self.positions[i][1][j]
            stance: Stance = "against" if e.stance == "for" else "for"
            self.positions[i][1][j] = replace(e, stance=stance, rebuts=())
        elif fix.op == "move":
            i, j = self.point_at(fix, fix.target)
            k = self.position_at(fix, fix.to)
            if k != i:
                e = self.positions[i][1].pop(j)
                self.positions[k][1].append(replace(e, rebuts=()))
        elif fix.op == "drop":
            if any(_start(p) == fix.target for p, _ in self.positions):
                self.positions.pop(self.position_at(fix, fix.target, starts=True))
            else:
                i, j = self.point_at(fix, fix.target)
                self.positions[i][1].pop(j)
        elif fix.op == "demote":
            i = self.position_at(fix, fix.target, starts=True)
            if i == 0:
                raise self.fail(fix, f"the position on line {fix.target} has none before it")
            p, points = self.positions.pop(i)
            head = Evidence(id="", stance="for", text=p.title, source=p.source)
            self.positions[i - 1][1].extend([head, *points])
        elif fix.op == "promote":
            i, j = self.point_at(fix, fix.target)
            parent, points = self.positions[i]
            e = points[j]
            line = _start(e) or 0
            moved = [x for x in points if x is not e and (_start(x) or 0) > line]
            kept = [x for x in points if x is not e and x not in moved]
            self.positions[i] = (parent, kept)
            new = Position(id="", title=e.text, source=e.source)
            self.positions.insert(i + 1, (new, moved))
        else:  # historian add / remove
            i = self.position_at(fix, fix.target)
            p, points = self.positions[i]
            key = self.table.key(fix.text)
            if fix.op == "add":
                if all(h.key != key for h in p.historians):
                    p = replace(p, historians=(*p.historians, Historian(fix.text, key)))
            else:
                kept_h = tuple(h for h in p.historians if h.key != key)
                if len(kept_h) == len(p.historians):
                    raise self.fail(fix, f"{fix.text} is not a historian of that position")
                p = replace(p, historians=kept_h)
            self.positions[i] = (p, points)

    def result(self) -> Debate:
        """The corrected debate, its ids given afresh in document order and rebuttals kept."""
        ids = IdAllocator()
        renamed: dict[str, str] = {}
        built: list[tuple[Position, list[Evidence]]] = []
        for p, points in self.positions:
            pid = ids.position()
            fresh = []
            for e in points:
                eid = ids.evidence(pid, e.stance)
                if e.id:
                    renamed[e.id] = eid
                fresh.append(replace(e, id=eid))
            built.append((replace(p, id=pid), fresh))
        positions: list[Position] = []
        for p, points in built:
            ours = {e.id for e in points}
            linked = tuple(
                replace(
                    e, rebuts=tuple(r for r in (renamed.get(x, "") for x in e.rebuts) if r in ours)
                )
                for e in points
            )
            lines = [n for n in (_start(p), *(e.source.line_end for e in points if e.source)) if n]
            where = p.source.file if p.source else self.debate.source_file
            source = Source(where, min(lines), max(lines)) if lines else p.source
            positions.append(replace(p, evidence=linked, source=source))
        return replace(self.debate, question=self.question, positions=tuple(positions))


def apply_fixes(
    debate: Debate,
    fixes: list[Fix],
    *,
    file: str | None = None,
    historians: str | Path | None = None,
) -> Debate:
    """``debate`` with every correction applied, or a ``ParseError`` and nothing changed."""
    edit = _Edit(debate, load_table(historians), file)
    for fix in fixes:
        edit.apply(fix)
    return edit.result()


def read_fixes(path: str | Path) -> list[Fix]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ParseError(f"cannot read the corrections: {exc}", file=str(path)) from exc
    return parse_fixes(text, str(path))
