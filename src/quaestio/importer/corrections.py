"""The fix script applied to a debate whose points may be nested (``import --fix``, the web fix-up).

``fixes.py`` reads the script and knows every instruction; this module applies it
to points of every depth, so the browser's fix-up and the CLI give the same
debate from the same corrections:

* ``move A under B``, where a point (not a position) starts on line B, makes the
  point on line A (with the points below it) answer that point; ``move A to B``
  with B a position's line still moves it to that position's own points;
* moving or dropping a point takes the points below it along;
* a point whose parent is no longer in its position (after a promote or a demote)
  answers the position itself, so a correction never leaves a dangling link;
* ids are given afresh in document order, nested ids extending their parent's.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from quaestio.errors import ParseError
from quaestio.extract import load_table
from quaestio.importer.fixes import Fix, _Edit, _start
from quaestio.model import Debate, Evidence, IdAllocator, Position, Source, Warning


def _subtree(points: list[Evidence], root: Evidence) -> list[Evidence]:
    """``root`` and every point below it, in list order."""
    ids = {root.id} if root.id else set()
    out = [root]
    for e in points:
        if e is root:
            continue
        if e.parent is not None and e.parent in ids and e.id:
            ids.add(e.id)
            out.append(e)
    return out


class _TreeEdit(_Edit):
    """``fixes._Edit`` aware of ``Evidence.parent``: subtrees move and go together."""

    def point_starting(self, line: int) -> tuple[int, int] | None:
        if any(_start(p) == line for p, _ in self.positions):
            return None  # a position's line: the instruction means the position
        for i, (_, points) in enumerate(self.positions):
            for j, e in enumerate(points):
                if _start(e) == line:
                    return i, j
        return None

    def apply(self, fix: Fix) -> None:
        if fix.op == "move":
            self.move(fix)
        elif fix.op == "drop" and self.point_starting(fix.target) is not None:
            i, j = self.point_at(fix, fix.target)
            points = self.positions[i][1]
            gone = {id(e) for e in _subtree(points, points[j])}
            self.positions[i] = (self.positions[i][0], [e for e in points if id(e) not in gone])
        elif fix.op == "promote":
            self.promote(fix)
        else:
            super().apply(fix)

    def promote(self, fix: Fix) -> None:
        """The point on the line heads a position of its own, with the points after it.

        A point read under a sub-heading carries the heading as its label: the heading
        names the new position and the point's text stays its first point.
        """
        i, j = self.point_at(fix, fix.target)
        parent, points = self.positions[i]
        e = points[j]
        line = _start(e) or 0
        moved = [x for x in points if x is not e and (_start(x) or 0) > line]
        gone = {id(x) for x in moved} | {id(e)}
        self.positions[i] = (parent, [x for x in points if id(x) not in gone])
        if e.label and e.text.strip():
            head = replace(e, label=None, parent=None, rebuts=())
            new = Position(id="", title=e.label, source=e.source, historians=e.historians)
            self.positions.insert(i + 1, (new, [head, *moved]))
        else:
            new = Position(id="", title=e.text, source=e.source, historians=e.historians)
            self.positions.insert(i + 1, (new, moved))

    def move(self, fix: Fix) -> None:
        i, j = self.point_at(fix, fix.target)
        points = self.positions[i][1]
        moving = _subtree(points, points[j])
        under = self.point_starting(fix.to)
        if under is not None:
            k, m = under
            anchor = self.positions[k][1][m]
            if any(e is anchor for e in moving):
                raise self.fail(fix, f"the point on line {fix.to} is part of the one being moved")
        else:
            k = self.position_at(fix, fix.to)
            anchor = None
        if anchor is None and k == i and moving[0].parent is None:
            return  # already one of that position's own points
        gone = {id(e) for e in moving}
        self.positions[i] = (self.positions[i][0], [e for e in points if id(e) not in gone])
        head = replace(moving[0], parent=anchor.id if anchor else None, rebuts=())
        if anchor is not None and not anchor.id:
            # a point made by a demote has no id yet: give it one so that it can be a parent
            fresh = replace(anchor, id=f"fix{fix.line}")
            target = self.positions[k][1]
            target[target.index(anchor)] = fresh
            anchor = fresh
            head = replace(head, parent=fresh.id)
        moved = [head, *moving[1:]]
        target = self.positions[k][1]
        if anchor is None:
            target.extend(moved)
        else:
            after = _subtree(target, anchor)[-1]
            at = target.index(after) + 1
            target[at:at] = moved

    def result(self) -> Debate:
        """The corrected debate: ids afresh (nested ids extend their parent's), links kept."""
        ids = IdAllocator()
        positions: list[Position] = []
        for p, points in self.positions:
            pid = ids.position()
            present = {e.id for e in points if e.id}
            renamed: dict[str, str] = {}
            fresh: list[tuple[Evidence, str]] = []
            for e in points:
                parent = e.parent if e.parent in present else None
                new_parent = renamed.get(parent, pid) if parent else pid
                eid = ids.evidence(new_parent, e.stance)
                if e.id:
                    renamed[e.id] = eid
                fresh.append((replace(e, parent=parent), eid))
            linked = tuple(
                replace(
                    e,
                    id=eid,
                    parent=renamed.get(e.parent) if e.parent else None,
                    rebuts=tuple(renamed[x] for x in e.rebuts if x in renamed),
                )
                for e, eid in fresh
            )
            # the position starts on its heading even when a point from earlier lines moved in
            lines = [n for n in (_start(p), *(e.source.line_end for e in points if e.source)) if n]
            first = _start(p) or (min(lines) if lines else None)
            where = p.source.file if p.source else self.debate.source_file
            source = Source(where, first, max(lines)) if lines else p.source
            positions.append(replace(p, id=pid, evidence=linked, source=source))
        return replace(
            self.debate,
            question=self.question,
            positions=tuple(positions),
            warnings=_gaps_again(self.debate.warnings, positions),
        )


_GAPS = ("no_supporting", "no_countering")


def _gaps_again(warnings: tuple[Warning, ...], positions: list[Position]) -> tuple[Warning, ...]:
    """The warnings, with "no supporting / countering points" said of the corrected positions
    (a flip or a move can fill a gap or open one; the words are the importer's)."""
    out = [w for w in warnings if w.code not in _GAPS]
    for p in positions:
        line = p.source.line_start if p.source else None
        if not p.supporting:
            out.append(
                Warning(
                    "no_supporting", f"position {p.id} {p.title!r} has no supporting evidence", line
                )
            )
        if not p.countering:
            out.append(
                Warning(
                    "no_countering", f"position {p.id} {p.title!r} has no countering evidence", line
                )
            )
    return tuple(out)


def apply_corrections(
    debate: Debate,
    fixes: list[Fix],
    *,
    file: str | None = None,
    historians: str | Path | None = None,
) -> Debate:
    """``debate`` with every correction applied in order, or a ``ParseError`` naming the one
    that cannot be (its fix-file line), and nothing changed."""
    edit = _TreeEdit(debate, load_table(historians), file)
    for fix in fixes:
        edit.apply(fix)
    corrected = edit.result()
    if debate.positions and not corrected.positions and not corrected.consequences:
        raise ParseError("the corrections leave no position in the debate", file=file)
    return corrected
