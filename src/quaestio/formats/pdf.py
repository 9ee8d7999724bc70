"""PDF handout: the HTML handout printed by WeasyPrint (no browser involved).

WeasyPrint honours the handout's print CSS (A4 landscape, repeated table
headers, page numbers), so the PDF is the same table a teacher would print.
"""

from __future__ import annotations

from quaestio.formats.handout_md_write import LOSES
from quaestio.formats.losses import describe
from quaestio.formats.registry import Format
from quaestio.model import Debate


def write(debate: Debate) -> bytes:
    import logging

    import weasyprint  # imported late: it loads Pango and fonts, which takes a moment

    from quaestio.formats import handout_html_write

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = weasyprint.HTML(string=handout_html_write.render(debate), base_url=None)
    data = html.write_pdf(metadata=None)
    return bytes(data)


FORMAT = Format(
    name="pdf",
    suffixes=(".pdf",),
    description="PDF handout (the HTML handout printed by WeasyPrint, A4 landscape)",
    media_type="application/pdf",
    read=None,
    write=write,
    loses=describe(LOSES, "A printable page; rebuttals show as 'answers' notes."),
    kind="handout",
)
