"""The HTML handout: the debate laid out as the teacher's table, with print CSS.

One row per explanation (title, summary, historians), its supporting evidence
and its countering evidence side by side, then the conclusion and a two-column
table of positive and negative consequences. The same page prints cleanly on
A4 landscape and is what the PDF writer hands to WeasyPrint.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup, escape

from quaestio.formats.handout_md_write import LOSES as HANDOUT_LOSES
from quaestio.formats.losses import table_view
from quaestio.model import Debate

# The HTML and Markdown handouts show the same table, so they keep the same fields.
LOSES = HANDOUT_LOSES


_BULLET = re.compile(r"^\s*[·•▪‣◦*-]\s+")


def _block(block: str) -> Markup:
    """One paragraph: bullet lines (· • - *) become a list, other lines are joined by <br>."""
    out: list[Markup] = []
    items: list[Markup] = []
    lines: list[Markup] = []

    def flush_lines() -> None:
        if lines:
            out.append(Markup("<p>") + Markup("<br>").join(lines) + Markup("</p>"))
            lines.clear()

    def flush_items() -> None:
        if items:
            out.append(Markup("<ul>") + Markup("").join(items) + Markup("</ul>"))
            items.clear()

    for line in block.split("\n"):
        if _BULLET.match(line):
            flush_lines()
            items.append(
                Markup("<li>") + escape(_BULLET.sub("", line, count=1).strip()) + Markup("</li>")
            )
        elif line.strip():
            flush_items()
            lines.append(escape(line.strip()))
    flush_lines()
    flush_items()
    return Markup("").join(out)


def _paragraphs(text: str, lead: str = "") -> Markup:
    """Keep the author's layout: blank lines split paragraphs, bullets make lists, lines break.

    ``lead`` (the point's bold label) starts the first paragraph rather than
    standing on a line of its own.
    """
    blocks = [b for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    html = Markup("").join(_block(b) for b in blocks)
    lead_html = Markup(lead) if isinstance(lead, Markup) else escape(lead)
    if html.startswith("<p>") and html.count("<p>") == 1 and "<ul>" not in html:
        return lead_html + Markup(html[3:-4])  # a single paragraph flows on after the label
    if not lead_html.strip():
        return html
    if html.startswith("<p>"):
        return Markup("<p>") + lead_html + Markup(html[3:])
    return Markup("<p>") + lead_html + Markup("</p>") + html


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined
    )
    env.filters["paragraphs"] = _paragraphs
    text = (
        resources.files("quaestio.formats").joinpath("templates/handout.html.j2").read_text("utf-8")
    )
    return env.from_string(text)


def css() -> str:
    return resources.files("quaestio.formats").joinpath("templates/handout.css").read_text("utf-8")


def render(debate: Debate) -> str:
    """The handout page as an HTML string."""
    debate = table_view(debate, LOSES)
    names = {e.id: f"“{e.label}”" if e.label else e.id for _, e in debate.iter_evidence()}
    return _template().render(debate=debate, css=Markup(css()), names=names)


def write(debate: Debate) -> bytes:
    return render(debate).encode("utf-8")
