"""The limits every reader keeps, and the guard that makes a reader total.

A file a person uploads may be careless or hostile: nested 100,000 deep, a zip
whose one member unpacks to a gigabyte, a header that declares a hundred million
arguments in fifteen bytes. Each reader checks the limits here *before* doing
the work, and ``guard_reader`` turns whatever still goes wrong inside a reader
(a RecursionError, a MemoryError, an lxml or zlib error, Python's 4,300-digit
integer limit) into one ``ParseError`` naming the file, so the CLI exits 2 and
the web app answers 422 instead of a traceback or a 500.

The figures are documented, per format, in ``docs/formats.md`` ("Limits"). This
module imports nothing from quaestio but ``errors`` so that every layer may use it.
"""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Callable
from io import BytesIO
from typing import TypeVar

from quaestio.errors import ParseError, QuaestioError

# Any file, any format (the web upload limit is the same figure).
MAX_FILE_BYTES = 20 * 1024 * 1024
# Nesting of JSON/AIF objects and arrays, of .debate.md attribute values and of
# HTML elements: far beyond any real debate, far below Python's recursion limit.
MAX_NESTING = 200
# Nodes (positions + evidence + consequences) one file may describe.
MAX_NODES = 100_000
# An ICCMA header may declare at most this many arguments, and never more than
# MIN_ICCMA_ARGS + 1 per byte of the file (a written debate has a comment line per
# argument, so a real file is always far longer than this asks).
MAX_ICCMA_ARGS = MAX_NODES
MIN_ICCMA_ARGS = 10_000
# Characters of one node's text (a position summary, an evidence item): a long page
# of prose is 5,000; a node of megabytes is an accident or an attack, and every
# text is scanned for years and figures.
MAX_TEXT_CHARS = 100_000
# Columns of one table row (a debate table has three to five).
MAX_COLUMNS = 200
# colspan/rowspan of a table cell (HTML and .docx).
MAX_SPAN = 100
# A .docx (zip): members, the uncompressed size of any one member and of all of
# them together, and the compression ratio of a member larger than 1 MB.
MAX_ZIP_MEMBERS = 2_000
MAX_ZIP_MEMBER_BYTES = 64 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 128 * 1024 * 1024
MAX_ZIP_RATIO = 200
# Digits of one number (Python refuses more than 4,300 when converting text to int).
MAX_DIGITS = 4_300
# Wall-clock budget of one read, in seconds; the fuzz suite holds every reader to it.
READ_SECONDS = 20.0
# Address space of a reader process in the fuzz suite (RLIMIT_AS), in bytes.
READ_MEMORY_BYTES = 1536 * 1024 * 1024

T = TypeVar("T")


def check_size(data: bytes, path: str | None, limit: int = MAX_FILE_BYTES) -> None:
    if len(data) > limit:
        raise ParseError(
            f"the file is too large ({len(data) / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)",
            file=path,
        )


def check_count(
    count: int,
    what: str,
    path: str | None,
    *,
    field: str | None = None,
    limit: int = MAX_NODES,
    line: int | None = None,
) -> None:
    """Refuse a file that describes more ``what`` than a debate may have, before building them."""
    if count > limit:
        raise ParseError(
            f"the file has {count} {what}; the limit is {limit}", file=path, field=field, line=line
        )


def check_text(
    text: str, path: str | None, *, line: int | None = None, field: str = "text"
) -> None:
    """Refuse one node text past MAX_TEXT_CHARS before it is scanned for years and figures."""
    if len(text) > MAX_TEXT_CHARS:
        raise ParseError(
            f"one text is {len(text)} characters long; the limit is {MAX_TEXT_CHARS}",
            file=path,
            line=line,
            field=field,
        )


def check_zip(data: bytes, path: str | None) -> None:
    """Refuse a zip bomb from its directory alone, before any member is inflated.

    The sizes in the central directory can lie; ``read_member`` enforces the same
    limit while inflating, so a lying directory only moves the refusal later.
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ParseError(f"not a readable zip archive: {exc}", file=path) from exc
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ParseError(
            f"the archive has {len(infos)} members (the limit is {MAX_ZIP_MEMBERS})", file=path
        )
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > MAX_ZIP_MEMBER_BYTES:
            raise ParseError(
                f"{info.filename} unpacks to {size / 1e6:.0f} MB "
                f"(the limit is {MAX_ZIP_MEMBER_BYTES / 1e6:.0f} MB)",
                file=path,
                field=info.filename,
            )
        if size > 1_000_000 and size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise ParseError(
                f"{info.filename} is compressed {size // max(info.compress_size, 1)} to 1 "
                f"(a zip bomb? the limit is {MAX_ZIP_RATIO} to 1)",
                file=path,
                field=info.filename,
            )
    if total > MAX_ZIP_TOTAL_BYTES:
        raise ParseError(
            f"the archive unpacks to {total / 1e6:.0f} MB "
            f"(the limit is {MAX_ZIP_TOTAL_BYTES / 1e6:.0f} MB)",
            file=path,
        )


def read_member(archive: zipfile.ZipFile, name: str, path: str | None) -> bytes:
    """One member, inflated in chunks and cut off at the member limit whatever the directory says."""
    chunks: list[bytes] = []
    seen = 0
    with archive.open(name) as stream:
        while chunk := stream.read(1 << 20):
            seen += len(chunk)
            if seen > MAX_ZIP_MEMBER_BYTES:
                raise ParseError(
                    f"{name} unpacks to more than {MAX_ZIP_MEMBER_BYTES / 1e6:.0f} MB",
                    file=path,
                    field=name,
                )
            chunks.append(chunk)
    return b"".join(chunks)


def check_span(value: str | None) -> int:
    """A colspan/rowspan as a number in 1..MAX_SPAN (junk counts as 1, huge as MAX_SPAN)."""
    text = (value or "1").strip()
    if not text.isdigit() or len(text) > 6:
        return MAX_SPAN if text.isdigit() else 1
    return min(max(1, int(text)), MAX_SPAN)


def describe(exc: BaseException) -> str:
    """What a person is told when a reader fails in a way it did not foresee."""
    if isinstance(exc, RecursionError):
        return f"nested too deeply to read (up to {MAX_NESTING} levels are always read)"
    if isinstance(exc, MemoryError):
        return "too large to read in the memory this reader may use"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, ValueError) and "digits" in text:
        return f"a number has more than {MAX_DIGITS} digits"
    return f"malformed content ({type(exc).__name__}: {text[:200]})"


def guard_reader(
    name: str, read: Callable[[bytes, str | None], T]
) -> Callable[[bytes, str | None], T]:
    """``read`` made total: size checked first, any unforeseen failure becomes a ParseError."""

    @functools.wraps(read)  # keeps __module__: docs/formats.md reads the reader's module doc
    def guarded(data: bytes, path: str | None) -> T:
        check_size(data, path)
        try:
            return read(data, path)
        except QuaestioError as exc:
            if exc.file is None and path is not None:  # raised below the reader: name the file
                exc.file = path
                exc.args = (str(exc),)
            raise
        except (Exception, RecursionError, MemoryError) as exc:
            raise ParseError(f"cannot be read as {name}: {describe(exc)}", file=path) from None

    return guarded
