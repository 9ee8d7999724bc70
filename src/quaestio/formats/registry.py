"""The one table of file formats.

``convert``, ``import``, ``export``, the web app's downloads and ``docs/formats.md``
all read this table, so a format is added in exactly one place. Each format has
one name, the one people type (``html``, ``md``, ``docx``, ``pdf``, ``aif``...);
older names stay as ``aliases``. File names are matched by their longest
registered suffix (``x.debate.md`` is the plain-text debate format, ``x.md`` a
Markdown handout); where an ending is shared (``.json``, ``.txt``) or unknown,
``detect`` reads the content to choose, and says why.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from quaestio.errors import (
    ParseError,
    QuaestioError,
    UnknownFormatError,
    UnsupportedOperationError,
)
from quaestio.limits import guard_reader
from quaestio.model import Debate


@dataclass(frozen=True)
class Loaded:
    """A debate read from a file plus where each node sits in that file.

    ``locations`` maps node ids to 1-based line numbers of the file just read, so
    validation problems can be reported at the line a person would edit.
    """

    debate: Debate
    locations: Mapping[str, int] = field(default_factory=dict)


class LinesOnDemand(Mapping[str, int]):
    """Node lines worked out on the first look: only a problem to report, or a node
    to cite, needs them (finding them took a tenth of reading a 2,000-point JSON file)."""

    def __init__(self, find: Callable[[], dict[str, int]]) -> None:
        self._find = find
        self._found: dict[str, int] | None = None

    def _lines(self) -> dict[str, int]:
        if self._found is None:
            self._found = self._find()
        return self._found

    def __getitem__(self, node_id: str) -> int:
        return self._lines()[node_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines())

    def __len__(self) -> int:
        return len(self._lines())

    def __reduce__(self) -> tuple[type[dict[str, int]], tuple[dict[str, int]]]:
        # a server reads files in a child and sends the result back: as a plain dict
        return dict, (self._lines(),)


Reader = Callable[[bytes, str | None], Loaded]


def decode_utf8(data: bytes, path: str | None) -> str:
    """Text of a UTF-8 file (a BOM is allowed), or a ParseError naming the byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"not UTF-8 text (byte {exc.start})", file=path) from exc


Writer = Callable[[Debate], bytes]


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    description: str
    media_type: str
    read: Reader | None = None
    write: Writer | None = None
    loses: str = "nothing"
    kind: str = "debate"  # "debate", "handout", "interchange", "framework", "report"
    aliases: tuple[str, ...] = ()
    """Older or longer names still accepted by ``--to``/``--from`` (e.g. ``html-out``)."""

    @property
    def can_read(self) -> bool:
        return self.read is not None

    @property
    def can_write(self) -> bool:
        return self.write is not None


# The table: one module per format, each exposing ``FORMAT``. Order is the order
# shown by ``quaestio formats`` and the web app's download menu.
FORMAT_MODULES: tuple[str, ...] = (
    "debate_json",
    "debate_md",
    "iccma",
    "handout_text",
    "docx_handout",
    "markdown_handout",
    "html_handout",
    "evidence_csv",
    "aif_json",
    "argdown",
    "kialo",
    "sadface",
    "carneades",
    "ach_csv",
    "graphml",
    "dot",
    "pdf",
)


def _formats() -> tuple[Format, ...]:
    # Imported lazily so that format modules can import this module for ``Loaded``.
    # Every reader is wrapped by ``limits.guard_reader``: whoever calls ``fmt.read``
    # (CLI, web, study) gets a size check first and a ParseError for any failure.
    out: list[Format] = []
    for name in FORMAT_MODULES:
        fmt: Format = importlib.import_module(f"quaestio.formats.{name}").FORMAT
        if fmt.read is not None:
            fmt = replace(fmt, read=guard_reader(fmt.name, fmt.read))
        out.append(fmt)
    return tuple(out)


_CACHE: tuple[Format, ...] | None = None


def all_formats() -> tuple[Format, ...]:
    global _CACHE
    if _CACHE is None:
        _CACHE = _formats()
    return _CACHE


def by_name(name: str) -> Format:
    """The format called ``name`` (or one of its aliases), ignoring case and a leading dot."""
    wanted = name.strip().lower().lstrip(".")
    for fmt in all_formats():
        if wanted == fmt.name or wanted in fmt.aliases:
            return fmt
    for fmt in all_formats():  # an ending typed as a name: --to docx, --to aif.json
        if f".{wanted}" in fmt.suffixes:
            return fmt
    known = ", ".join(f.name for f in all_formats())
    raise UnknownFormatError(f"unknown format {name!r}; known formats: {known}", field="format")


def for_path(path: str | Path) -> Format:
    """The format whose longest suffix ends the file name."""
    name = Path(path).name.lower()
    best: tuple[int, Format] | None = None
    for fmt in all_formats():
        for suffix in fmt.suffixes:
            if name.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), fmt)
    if best is None:
        known = ", ".join(s for f in all_formats() for s in f.suffixes)
        raise UnknownFormatError(
            f"cannot tell the format of {Path(path).name!r} from its ending; known endings: {known}",
            file=str(path),
        )
    return best[1]


def read_path(path: str | Path, fmt: Format | None = None) -> Loaded:
    """The debate in ``path``, read as ``fmt`` or as its ending or content says."""
    return read_chosen(path, fmt)[0]


def read_chosen(
    path: str | Path, fmt: Format | None = None, *, option: str = "--from"
) -> tuple[Loaded, Format, str]:
    """``read_path`` that also says which format was used and why (for the commands' reports)."""
    from quaestio.formats.detect import choose

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror or exc}", file=str(path)) from exc
    choice = choose(path, data, fmt, option=option)
    if choice.format.read is None:
        raise UnsupportedOperationError(
            f"format {choice.format.name} cannot be read ({choice.reason})", file=str(path)
        )
    return choice.format.read(data, str(path)), choice.format, choice.reason


def writable(fmt: Format) -> Format:
    """``fmt`` if it can be written, else an error listing the formats that can (checked
    before any reading, so a wrong ``-o`` ending fails at once)."""
    if fmt.write is None:
        names = ", ".join(f.name for f in all_formats() if f.can_write)
        raise UnsupportedOperationError(
            f"format {fmt.name} cannot be written; formats that can: {names}", field="format"
        )
    return fmt


def write_bytes(debate: Debate, fmt: Format) -> bytes:
    write = writable(fmt).write
    assert write is not None
    return write(debate)


def write_path(debate: Debate, path: str | Path, fmt: Format | None = None) -> None:
    """Write atomically: a failed write never leaves a half-written file behind.

    A missing folder is created; anything else the system refuses (no permission,
    a file where a folder should be) is a ``QuaestioError`` naming the file.
    """
    fmt = fmt or for_path(path)
    data = write_bytes(debate, fmt)
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise QuaestioError(
            f"cannot write the file: {exc.strerror or exc}", file=str(path), field="output"
        ) from exc
