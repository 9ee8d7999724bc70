"""The HTML handout: the debate laid out as the teacher's table, with print CSS.

One row per explanation (title, summary, historians), its supporting evidence
and its countering evidence side by side, then the conclusion and a two-column
table of positive and negative consequences. The same page prints cleanly on
A4 landscape and is what the PDF writer hands to WeasyPrint.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup, escape

from quaestio.formats.losses import describe
from quaestio.formats.registry import Format
from quaestio.model import Debate

LOSES = frozenset(
    {
        "ids",
        "years",
        "figures",
        "references",
        "weights",
        "sources",
        "categories",
        "warnings",
        "historian_keys",
    }
)


def _paragraphs(text: str) -> Markup:
    """Keep the author's line breaks: blank lines split paragraphs, single ones break lines."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    html = [Markup("<br>").join(escape(line) for line in b.split("\n")) for b in blocks]
    if len(html) <= 1:
        return html[0] if html else Markup("")
    return Markup("").join(Markup("<p>") + h + Markup("</p>") for h in html)


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
    names = {e.id: f"“{e.label}”" if e.label else e.id for _, e in debate.iter_evidence()}
    return _template().render(debate=debate, css=Markup(css()), names=names)


def write(debate: Debate) -> bytes:
    return render(debate).encode("utf-8")


FORMAT = Format(
    name="html-out",
    suffixes=(".handout.html",),
    description="HTML handout in the original table layout, with clean print CSS",
    media_type="text/html",
    read=None,
    write=write,
    loses=describe(LOSES, "A page for reading and printing; rebuttals show as 'answers' notes."),
    kind="handout",
)
