"""Import a teacher's handout: pick the reader, guard against bad input, interpret.

Every failure a user can cause (an empty file, binary data, a .docx that is not a
zip, a file too large, a document with nothing usable in it) is a
``ParseError`` naming the file, raised before anything is written.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Literal

from quaestio.errors import ParseError
from quaestio.extract import load_table
from quaestio.importer.interpret import interpret
from quaestio.importer.layout import Layout
from quaestio.model import Consequence, Debate, Evidence, Position

Kind = Literal["auto", "text", "docx", "markdown", "html"]
KINDS: tuple[str, ...] = ("auto", "text", "docx", "markdown", "html")
MAX_BYTES = 20 * 1024 * 1024
_SUFFIX_KIND = {
    ".docx": "docx",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}
_PIPE_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$", re.M)
_HTML = re.compile(r"<(?:!doctype\s+html|html|body|table|p|h[1-6]|ul|div)\b", re.I)


def detect_kind(data: bytes, path: str | None) -> str:
    """The reader for ``data``: by the file's ending, else by sniffing its first bytes."""
    suffix = Path(path).suffix.lower() if path else ""
    if suffix in _SUFFIX_KIND:
        return _SUFFIX_KIND[suffix]
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:4096].decode("utf-8", errors="ignore")
    if _HTML.search(head):
        return "html"
    if _PIPE_ROW.search(data[:65536].decode("utf-8", errors="ignore")):
        return "markdown"
    return "text"


def decode_text(data: bytes, path: str | None) -> str:
    """Text of a handout: UTF-8 (with or without BOM), else Windows-1252; never binary."""
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 11, 12, 13))
    if b"\x00" in sample or controls > max(8, len(sample) // 50):
        raise ParseError("this is a binary file, not a text handout", file=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ParseError(f"not readable as text (byte {exc.start})", file=path) from exc


def read_layout(data: bytes, path: str | None, kind: str) -> tuple[Layout, str]:
    """The layout of the document and its plain text (used to judge word case)."""
    if kind == "docx":
        if not zipfile.is_zipfile(BytesIO(data)):
            raise ParseError("not a .docx: the file is not a zip archive", file=path)
        from quaestio.importer.docx_layout import read_docx_layout

        return read_docx_layout(data, path)
    text = decode_text(data, path)
    if kind == "markdown":
        from quaestio.importer.markdown_layout import read_markdown_layout

        layout = read_markdown_layout(text)
    elif kind == "html":
        from quaestio.importer.html_layout import read_html_layout

        layout, text = read_html_layout(text, path)
    else:
        from quaestio.importer.text_layout import read_text_layout

        layout = read_text_layout(text)
    if not _is_utf8(data):
        layout.warn("encoding", "the file is not UTF-8; it was read as Windows-1252", None)
    return layout, text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def import_bytes(
    data: bytes,
    path: str | None = None,
    *,
    kind: str = "auto",
    historians: str | Path | None = None,
) -> Debate:
    """The debate in a handout's bytes; raises ``ParseError`` when nothing usable is there."""
    if kind not in KINDS:
        raise ParseError(
            f"unknown handout format {kind!r}; use one of {', '.join(KINDS)}",
            file=path,
            field="format",
        )
    if not data.strip():
        raise ParseError("the file is empty", file=path)
    if len(data) > MAX_BYTES:
        raise ParseError(
            f"the file is too large ({len(data) / 1e6:.1f} MB; "
            f"the limit is {MAX_BYTES / 1e6:.0f} MB)",
            file=path,
        )
    chosen = detect_kind(data, path) if kind == "auto" else kind
    layout, text = read_layout(data, path, chosen)
    debate = interpret(layout, file=path, table=load_table(historians), document=text)
    if not debate.positions and not debate.consequences and debate.conclusion is None:
        notes = [w for w in debate.warnings if w.code == "not_a_debate"]
        if notes:
            raise ParseError(f"no debate was found: {notes[0].message}", file=path)
        raise ParseError(
            "no debate was found: no positions table, no headings with For/Against, "
            "no conclusion and no consequences",
            file=path,
        )
    return debate


def import_path(
    path: str | Path, *, kind: str = "auto", historians: str | Path | None = None
) -> Debate:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror or exc}", file=str(path)) from exc
    return import_bytes(data, str(path), kind=kind, historians=historians)


def node_lines(debate: Debate) -> dict[str, int]:
    """First source line of every imported node, by id (what ``formats.Loaded`` wants)."""
    out: dict[str, int] = {}
    nodes: list[Position | Evidence | Consequence] = [
        *debate.positions,
        *(e for _, e in debate.iter_evidence()),
        *debate.consequences,
    ]
    for node in nodes:
        if node.source is not None and node.source.line_start is not None:
            out[node.id] = node.source.line_start
    return out
