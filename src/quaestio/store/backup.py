"""Dump and restore the whole database as JSON lines, portable between SQLite and PostgreSQL.

The first line is a header (format, schema revision); every other line is one
row: ``{"table": ..., "row": {...}}``, tables in foreign-key order and rows in
primary-key order, so two dumps of the same content are byte-identical apart
from the header. Restore runs in one transaction into an empty database (or
replaces everything when asked), so a bad archive leaves nothing behind.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Column, DateTime, Table, delete, func, insert, select, text
from sqlalchemy.orm import Session

from quaestio.errors import QuaestioError
from quaestio.store.db import Database, head_revision
from quaestio.store.models import Base, utcnow

FORMAT = "quaestio-dump"
FORMAT_VERSION = 1
BATCH = 500


class RestoreError(QuaestioError):
    """An archive cannot be restored (bad format, schema, table or column; a non-empty target)."""

    code = "restore_error"


def tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def header_line(db: Database) -> str:
    header = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema": head_revision(),
        "dialect": db.dialect,
        "created_at": utcnow().isoformat(),
    }
    return json.dumps(header, sort_keys=True)


def dump_lines(db: Database) -> Iterator[str]:
    """The header, then every row of every table, as JSON text lines (no newline)."""
    yield header_line(db)
    with db.read() as session:
        for table in tables():
            order = list(table.primary_key.columns)
            for row in session.execute(select(table).order_by(*order)).mappings():
                data = {c.name: _encode(row[c.name]) for c in table.columns}
                yield json.dumps(
                    {"table": table.name, "row": data}, ensure_ascii=False, sort_keys=True
                )


def dump(db: Database, out: IO[str], progress: Callable[[int], None] | None = None) -> int:
    """Write the archive to ``out``; returns the number of rows written."""
    count = -1
    for count, line in enumerate(dump_lines(db)):
        out.write(line + "\n")
        if progress is not None and count % 1000 == 0:
            progress(count)
    return max(count, 0)


def _decode(column: Column[Any], value: Any, where: str) -> Any:
    if value is not None and isinstance(column.type, DateTime):
        try:
            return datetime.fromisoformat(value)
        except (TypeError, ValueError) as exc:
            raise RestoreError(
                f"{value!r} is not a date-time", file=where, field=column.name
            ) from exc
    return value


def _is_empty(session: Session) -> bool:
    return all(not session.scalar(select(func.count()).select_from(t)) for t in tables())


def _reset_sequences(session: Session) -> None:
    """PostgreSQL hands out ids from sequences, which an explicit-id insert does not move."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables():
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and pk[0].autoincrement in (True, "auto") and pk[0].type.python_type is int:
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                    f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"
                )
            )


def restore(
    db: Database,
    lines: Iterable[str],
    *,
    name: str = "archive",
    replace: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Load an archive; returns the number of rows restored. All or nothing."""
    by_name = {t.name: t for t in tables()}
    iterator = iter(enumerate(lines, start=1))
    try:
        _, first = next(iterator)
    except StopIteration:
        raise RestoreError("the archive is empty", file=name, line=1) from None
    try:
        header = json.loads(first)
    except json.JSONDecodeError as exc:
        raise RestoreError(f"not a quaestio dump: {exc.msg}", file=name, line=1) from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise RestoreError("not a quaestio dump (no header line)", file=name, line=1)
    if header.get("schema") != head_revision():
        raise RestoreError(
            f"the dump has schema {header.get('schema')!r}, this quaestio has {head_revision()!r}",
            file=name,
            line=1,
            field="schema",
        )
    count = 0
    with db.transaction() as session:
        if replace:
            for table in reversed(tables()):
                session.execute(delete(table))
        elif not _is_empty(session):
            raise RestoreError(
                "the target database is not empty (use --replace to overwrite it)", file=name
            )
        pending: dict[str, list[dict[str, Any]]] = {}
        order = [t.name for t in tables()]

        def flush(upto: str | None = None) -> None:
            for table_name in order:
                if table_name == upto:
                    break
                rows = pending.pop(table_name, None)
                if rows:
                    session.execute(insert(by_name[table_name]), rows)

        for number, line in iterator:
            if not line.strip():
                continue
            where = f"{name}:{number}"
            try:
                item = json.loads(line)
                table = by_name[item["table"]]
                raw = item["row"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise RestoreError(f"not a row line ({exc})", file=name, line=number) from exc
            unknown = set(raw) - set(table.columns.keys())
            if unknown:
                raise RestoreError(
                    f"table {table.name} has no column {sorted(unknown)[0]!r}",
                    file=name,
                    line=number,
                    field=sorted(unknown)[0],
                )
            row = {c.name: _decode(c, raw.get(c.name), where) for c in table.columns}
            # rows of a table may only refer to earlier tables: write those first
            flush(upto=table.name)
            pending.setdefault(table.name, []).append(row)
            count += 1
            if len(pending[table.name]) >= BATCH:
                flush()
            if progress is not None and count % 1000 == 0:
                progress(count)
        flush()
        _reset_sequences(session)
    return count


def dump_to_path(db: Database, path: str | Path) -> int:
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    with tmp.open("w", encoding="utf-8") as out:
        n = dump(db, out)
    tmp.replace(target)
    return n


def restore_from_path(db: Database, path: str | Path, *, replace: bool = False) -> int:
    with Path(path).open(encoding="utf-8") as lines:
        return restore(db, lines, name=str(path), replace=replace)
