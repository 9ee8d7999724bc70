"""The one table of file formats.

``convert``, ``import``, ``export``, the web app's downloads and ``docs/formats.md``
all read this table, so a format is added in exactly one place. File names are
matched by their longest registered suffix (``x.debate.md`` is the plain-text
debate format, ``x.md`` a Markdown handout); an unknown suffix is an error.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quaestio.errors import ParseError, UnknownFormatError, UnsupportedOperationError
from quaestio.model import Debate


@dataclass(frozen=True)
class Loaded:
    """A debate read from a file plus where each node sits in that file.

    ``locations`` maps node ids to 1-based line numbers of the file just read, so
    validation problems can be reported at the line a person would edit.
    """

    debate: Debate
    locations: dict[str, int] = field(default_factory=dict)


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
    "handout_md_write",
    "handout_html_write",
    "pdf",
)


def _formats() -> tuple[Format, ...]:
    # Imported lazily so that format modules can import this module for ``Loaded``.
    return tuple(
        importlib.import_module(f"quaestio.formats.{name}").FORMAT for name in FORMAT_MODULES
    )


_CACHE: tuple[Format, ...] | None = None


def all_formats() -> tuple[Format, ...]:
    global _CACHE
    if _CACHE is None:
        _CACHE = _formats()
    return _CACHE


def by_name(name: str) -> Format:
    for fmt in all_formats():
        if fmt.name == name:
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
    fmt = fmt or for_path(path)
    if fmt.read is None:
        raise UnsupportedOperationError(f"format {fmt.name} cannot be read", file=str(path))
    data = Path(path).read_bytes()
    return fmt.read(data, str(path))


def write_bytes(debate: Debate, fmt: Format) -> bytes:
    if fmt.write is None:
        raise UnsupportedOperationError(f"format {fmt.name} cannot be written", field="format")
    return fmt.write(debate)


def write_path(debate: Debate, path: str | Path, fmt: Format | None = None) -> None:
    """Write atomically: a failed write never leaves a half-written file behind."""
    fmt = fmt or for_path(path)
    data = write_bytes(debate, fmt)
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
