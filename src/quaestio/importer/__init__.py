"""Import teachers' handouts (Word-table text, .docx, Markdown, HTML) as debates.

Readers turn each file kind into one ``Layout``; ``interpret`` reads the debate
out of the layout; every thing not understood becomes a ``Warning``.
"""

from quaestio.importer.api import KINDS, detect_kind, import_bytes, import_path, node_lines
from quaestio.importer.report import Summary, summarise

__all__ = [
    "KINDS",
    "Summary",
    "detect_kind",
    "import_bytes",
    "import_path",
    "node_lines",
    "summarise",
]
