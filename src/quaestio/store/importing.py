"""Import a file's bytes as a debate, once: the same bytes and title are not stored twice.

``quaestio serve FILE`` runs on every start; matching on the SHA-256 of the file
and the debate's title makes a restart find the debate it imported last time
instead of adding a copy. Parsing happens before the transaction, so a file
that does not parse writes nothing.

Reading and saving are two functions: ``read`` (and ``read_corrected``) touch no
database and give a ``Parsed`` that pickles, so the web app runs them in a child
process with a time and memory budget; ``save`` then writes the debate in the
parent, in the caller's one transaction. ``import_bytes`` is both, for the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from quaestio.formats import Format, Loaded, by_name
from quaestio.model import validate
from quaestio.store.debates import content_hash, find_imported, import_debate
from quaestio.store.models import DebateRow

if TYPE_CHECKING:
    from quaestio.importer.preview import Preview


@dataclass(frozen=True)
class Imported:
    row: DebateRow
    loaded: Loaded
    format: Format
    created: bool
    #: the debate was put into the class asked for (a new import, or one found again)
    added_to_class: bool = False


@dataclass(frozen=True)
class Parsed:
    """A file read and not yet saved: the debate, its format's name and the file's digest."""

    loaded: Loaded
    format_name: str
    digest: str


def parse(data: bytes, filename: str, format_name: str | None = None) -> tuple[Loaded, Format]:
    from quaestio.formats.detect import choose

    # the ending decides, or the content where the ending is shared (.json, .txt)
    fmt = choose(filename, data, by_name(format_name) if format_name else None).format
    if fmt.read is None:
        from quaestio.errors import UnsupportedOperationError

        raise UnsupportedOperationError(f"format {fmt.name} cannot be read", file=filename)
    return fmt.read(data, filename), fmt


def read(data: bytes, filename: str, format_name: str | None = None) -> Parsed:
    """Parse without touching the database (safe in a child process)."""
    loaded, fmt = parse(data, filename, format_name)
    return Parsed(loaded, fmt.name, content_hash(data))


def import_bytes(
    session: Session,
    data: bytes,
    filename: str,
    *,
    owner_id: int | None,
    class_id: int | None = None,
    format_name: str | None = None,
    dedupe: bool = True,
) -> Imported:
    return save(
        session,
        read(data, filename, format_name),
        owner_id=owner_id,
        class_id=class_id,
        dedupe=dedupe,
    )


def save(
    session: Session,
    parsed: Parsed,
    *,
    owner_id: int | None,
    class_id: int | None = None,
    dedupe: bool = True,
    join_class: bool = True,
) -> Imported:
    """Store a parsed file, or find the debate the same file gave before.

    ``join_class``: a debate found again is put into ``class_id`` too (a plain
    import); a corrected import leaves the one found where it is.
    """
    loaded, fmt, digest = parsed.loaded, by_name(parsed.format_name), parsed.digest
    if dedupe:
        existing = find_imported(
            session, owner_id=owner_id, title=loaded.debate.title, source_hash=digest
        )
        if existing is not None:
            # the same file again (perhaps edited since in the web app): the debate found,
            # with its edits, goes into the class asked for instead of nothing happening
            added = False
            if join_class and class_id is not None and owner_id is not None:
                from quaestio.store.access import Actor
                from quaestio.store.classroom import ensure_in_class

                added = ensure_in_class(session, Actor(owner_id), class_id, existing.id)
            return Imported(existing, loaded, fmt, created=False, added_to_class=added)
    row = import_debate(
        session, loaded.debate, owner_id=owner_id, class_id=class_id, source_hash=digest
    )
    return Imported(row, loaded, fmt, created=True, added_to_class=class_id is not None)


def import_path(
    session: Session, path: str | Path, *, owner_id: int | None, dedupe: bool = True
) -> Imported:
    p = Path(path)
    return import_bytes(session, p.read_bytes(), str(p), owner_id=owner_id, dedupe=dedupe)


def report_problems(loaded: Loaded) -> list[dict[str, object]]:
    """Non-fatal problems (warnings) of an imported debate, located by line when known."""
    out: list[dict[str, object]] = []
    for p in validate(loaded.debate):
        out.append(
            {
                "code": p.code,
                "message": p.message,
                "node": p.node,
                "field": p.field,
                "severity": p.severity,
                "line": p.line if p.line is not None else loaded.locations.get(p.node or ""),
            }
        )
    return out


_FORMAT_OF_KIND = {"text": "text", "markdown": "md", "html": "html", "docx": "docx"}


def import_corrected(
    session: Session,
    data: bytes,
    filename: str,
    fixes: str,
    *,
    owner_id: int | None,
    class_id: int | None = None,
) -> Imported:
    """A handout imported with a teacher's corrections (the browser's fix-up), in one go.

    The document is read and every correction applied before anything is written, so a
    correction that no longer fits, or a debate that is not sound, is an error naming
    it and nothing is saved. The same document with the same corrections is found again
    instead of stored twice; with other corrections it is another debate.
    """
    parsed = read_corrected(data, filename, fixes)
    return save(session, parsed, owner_id=owner_id, class_id=class_id, join_class=False)


def read_corrected(data: bytes, filename: str, fixes: str) -> Parsed:
    """A handout read with corrections, without touching the database (safe in a child)."""
    from quaestio.importer.preview import preview

    return corrected(data, preview(data, filename, fixes))


def corrected(data: bytes, shown: Preview) -> Parsed:
    """What a preview of ``data`` with its corrections saves as (its digest names both)."""
    from quaestio.importer import node_lines

    debate = shown.debate
    loaded = Loaded(debate, node_lines(debate))
    script = "\n".join(f"{f.op} {f.target} {f.to} {f.text}" for f in shown.fixes)
    digest = content_hash(data + b"\0corrections\0" + script.encode())
    return Parsed(loaded, _FORMAT_OF_KIND[shown.kind], digest)
