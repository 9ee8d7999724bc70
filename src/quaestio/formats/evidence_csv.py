"""Evidence as a spreadsheet: one row per evidence point, its position repeated on each row.

This is the table teachers sort and filter in a spreadsheet. A position with no
evidence still gets one row (with empty evidence columns) so it is not dropped.
Lists inside a cell (historians, years, rebuttals) are separated by ``;``.
"""

from __future__ import annotations

import csv
import io

from quaestio.errors import ParseError
from quaestio.formats.draft import (
    DraftDebate,
    DraftEvidence,
    DraftPosition,
    build,
    decode,
    parse_weight,
)
from quaestio.formats.losses import GRAPH, describe, table_view
from quaestio.formats.registry import Format, Loaded
from quaestio.model import Debate

LOSES = (
    frozenset(
        {
            "ach_judgements",
            "title",
            "question",
            "conclusion",
            "consequences",
            "figures",
            "historian_keys",
            "sources",
            "warnings",
        }
    )
    | GRAPH
)

COLUMNS = (
    "position_id",
    "position",
    "summary",
    "historians",
    "position_weight",
    "id",
    "stance",
    "label",
    "text",
    "years",
    "rebuts",
    "references",
    "weight",
)
REQUIRED = ("position", "stance", "text")


def _join(items: tuple[object, ...] | list[str]) -> str:
    return "; ".join(str(i) for i in items)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def write(debate: Debate) -> bytes:
    debate = table_view(debate, LOSES)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for p in debate.positions:
        head = [p.id, p.title, p.summary, _join([h.name for h in p.historians]), p.weight]
        if not p.evidence:
            writer.writerow([*head, "", "", "", "", "", "", "", ""])
        for e in p.evidence:
            writer.writerow(
                [
                    *head,
                    e.id,
                    e.stance,
                    e.label or "",
                    e.text,
                    _join(e.years),
                    _join(e.rebuts),
                    _join(e.references),
                    e.weight,
                ]
            )
    return out.getvalue().encode("utf-8")


def _years(cell: str, path: str | None, line: int) -> tuple[int, ...]:
    try:
        return tuple(int(y) for y in _split(cell))
    except ValueError:
        raise ParseError(
            f"years {cell!r} are not whole numbers", file=path, line=line, field="years"
        ) from None


def read(data: bytes, path: str | None) -> Loaded:
    text = decode(data, path)
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in next(rows)]
    except StopIteration:
        raise ParseError("the CSV file is empty", file=path, line=1) from None
    except csv.Error as exc:
        raise ParseError(f"not valid CSV: {exc}", file=path, line=1) from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ParseError(
            f"missing column(s) {', '.join(missing)}; "
            f"the header needs at least {', '.join(REQUIRED)}",
            file=path,
            line=1,
            field=missing[0],
        )
    draft = DraftDebate()
    positions: dict[str, DraftPosition] = {}
    try:
        for row in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise ParseError(
                    f"row has {len(row)} cells but the header has {len(header)}",
                    file=path,
                    line=line,
                )
            cell = dict(zip(header, row, strict=False))

            def get(name: str, cell: dict[str, str] = cell) -> str:
                return cell.get(name, "").strip()

            title = get("position")
            if not title:
                raise ParseError(
                    "the position column is empty", file=path, line=line, field="position"
                )
            group = get("position_id") or title
            position = positions.get(group)
            if position is None:
                position = DraftPosition(
                    title=title,
                    key=group,
                    hint=get("position_id") or None,
                    summary=get("summary"),
                    historians=_split(get("historians")),
                    weight=parse_weight(get("position_weight"), path, line, "position_weight"),
                    line=line,
                )
                positions[group] = position
                draft.positions.append(position)
            stance, body = get("stance").lower(), get("text")
            if not stance and not body and not get("id"):
                continue  # a position listed without evidence
            if stance not in ("for", "against"):
                raise ParseError(
                    f"stance {stance!r} is not 'for' or 'against'",
                    file=path,
                    line=line,
                    field="stance",
                )
            if not body:
                raise ParseError("the evidence text is empty", file=path, line=line, field="text")
            position.evidence.append(
                DraftEvidence(
                    stance="for" if stance == "for" else "against",
                    text=body,
                    key=get("id") or f"row{line}",
                    hint=get("id") or None,
                    label=get("label") or None,
                    years=_years(get("years"), path, line) if "years" in header else None,
                    rebuts=_split(get("rebuts")),
                    references=tuple(_split(get("references"))),
                    weight=parse_weight(get("weight"), path, line, "weight"),
                    line=line,
                )
            )
    except csv.Error as exc:
        raise ParseError(f"not valid CSV: {exc}", file=path, line=rows.line_num) from None
    return build(draft, path)


FORMAT = Format(
    name="csv",
    suffixes=(".csv",),
    description="evidence table: one row per evidence point, with its position on each row",
    media_type="text/csv",
    read=read,
    write=write,
    loses=describe(LOSES),
    kind="debate",
)
