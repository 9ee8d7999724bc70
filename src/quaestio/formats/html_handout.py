"""A handout as a web page (.html/.htm): a <table>, or headings with For/Against lists.

Read side only for now; a writer is planned (it will fill ``write``).
"""

from __future__ import annotations

from quaestio.formats.registry import Format, Loaded
from quaestio.importer import import_bytes, node_lines


def _read(data: bytes, path: str | None) -> Loaded:
    debate = import_bytes(data, path, kind="html")
    return Loaded(debate, node_lines(debate))


FORMAT = Format(
    name="html",
    suffixes=(".html", ".htm"),
    description="handout: an HTML page with a debate <table>, or headings with For/Against lists",
    media_type="text/html",
    read=_read,
    write=None,
    loses="weights; styling",
    kind="handout",
)
