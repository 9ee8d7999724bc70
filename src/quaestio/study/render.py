"""Essay plans as Markdown, printable HTML, Word documents and PDF.

All three renderings show the same points in the same order and print each
point's references (node id and source line) beside it, so a student can always
go back to the handout line a point came from.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable

from quaestio.errors import QuaestioError
from quaestio.study.plan import EssayPlan, Section
from quaestio.study.text import Point

PLAN_FORMATS = ("md", "html", "docx", "pdf")


def _cite(point: Point) -> str:
    return "; ".join(r.describe() for r in point.refs)


def _heading(section: Section) -> str:
    measure = (
        f"strength {section.strength:.2f}"
        if section.strength is not None
        else (section.status or "unranked")
    )
    shared = "=" if section.shared else "."
    return f"{section.rank}{shared} {section.title} ({measure})"


def _blocks(plan: EssayPlan) -> list[tuple[str, tuple[Point, ...]]]:
    blocks: list[tuple[str, tuple[Point, ...]]] = [("Introduction", plan.introduction)]
    blocks += [(_heading(s), s.points) for s in plan.sections]
    blocks.append(("Conclusion", plan.conclusion))
    if plan.consequences:
        blocks.append(("Consequences", plan.consequences))
    return blocks


def _subtitle(plan: EssayPlan) -> str:
    if plan.semantics == "balance":
        return f"Essay plan from “{plan.title}”, explanations weighed by the balance of evidence"
    return f"Essay plan from “{plan.title}”, explanations ranked by {plan.semantics}"


# -- Markdown -----------------------------------------------------------------------
def _md_escape(text: str) -> str:
    return text.replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")


def plan_markdown(plan: EssayPlan) -> str:
    lines = [f"# {_md_escape(plan.question)}", "", f"*{_md_escape(_subtitle(plan))}*", ""]
    for heading, points in _blocks(plan):
        lines += [f"## {_md_escape(heading)}", ""]
        for p in points:
            label = f"**{_md_escape(p.label)}:** " if p.label else ""
            lines.append(f"- {label}{_md_escape(p.text)} `[{_cite(p)}]`")
        lines.append("")
    return "\n".join(lines)


# -- HTML ---------------------------------------------------------------------------
PLAN_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 48rem; margin: 2rem auto;
       line-height: 1.45; color: #111; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
.subtitle { color: #555; font-style: italic; margin-top: 0; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #ccc; margin-top: 1.6rem; }
li { margin: .35rem 0; }
.label { font-weight: bold; }
.ref { color: #777; font-family: ui-monospace, monospace; font-size: .8em; overflow-wrap: anywhere; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section { break-inside: avoid-page; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def plan_html(plan: EssayPlan, *, standalone: bool = True) -> str:
    """The plan as a printable page, or (``standalone=False``) as an ``<article>`` to embed.

    Each point is an ``<li data-nodes="...">`` so a page can link it to the node.
    """
    e = html.escape
    out = [
        '<article class="essay-plan">',
        f"<h1>{e(plan.question)}</h1>",
        f'<p class="subtitle">{e(_subtitle(plan))}</p>',
    ]
    for heading, points in _blocks(plan):
        out.append(f"<section><h2>{e(heading)}</h2><ul>")
        for p in points:
            nodes = " ".join(r.node for r in p.refs)
            label = f'<span class="label">{e(p.label)}:</span> ' if p.label else ""
            out.append(
                f'<li data-nodes="{e(nodes)}">{label}{e(p.text)} '
                f'<span class="ref">[{e(_cite(p))}]</span></li>'
            )
        out.append("</ul></section>")
    out.append("</article>")
    body = "\n".join(out) + "\n"
    if not standalone:
        return body
    head = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{e(plan.question)}</title><style>{PLAN_CSS}</style></head><body>\n"
    )
    return head + body + "</body></html>\n"


def plan_pdf(plan: EssayPlan) -> bytes:
    """The printable HTML laid out as PDF by WeasyPrint (A4, print styles applied)."""
    from weasyprint import HTML

    pdf = HTML(string=plan_html(plan)).write_pdf()
    if not isinstance(pdf, bytes):  # pragma: no cover - write_pdf() without a target returns bytes
        raise QuaestioError("WeasyPrint produced no PDF", field="format")
    return pdf


# -- Word ---------------------------------------------------------------------------
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """Word files are XML: control characters pasted from elsewhere become spaces."""
    return _NOT_XML.sub(" ", text)


def plan_docx(plan: EssayPlan) -> bytes:
    from docx import Document
    from docx.shared import Pt, RGBColor

    doc = Document()
    doc.core_properties.title = _xml_safe(plan.question)
    doc.add_heading(_xml_safe(plan.question), level=0)
    doc.add_paragraph().add_run(_xml_safe(_subtitle(plan))).italic = True
    for heading, points in _blocks(plan):
        doc.add_heading(_xml_safe(heading), level=1)
        for p in points:
            para = doc.add_paragraph(style="List Bullet")
            if p.label:
                para.add_run(f"{_xml_safe(p.label)}: ").bold = True
            para.add_run(_xml_safe(p.text))
            cite = para.add_run(f"  [{_xml_safe(_cite(p))}]")
            cite.font.size = Pt(8)
            cite.font.color.rgb = RGBColor(0x77, 0x77, 0x77)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


_RENDERERS: dict[str, Callable[[EssayPlan], bytes]] = {
    "md": lambda plan: plan_markdown(plan).encode("utf-8"),
    "html": lambda plan: plan_html(plan).encode("utf-8"),
    "docx": plan_docx,
    "pdf": plan_pdf,
}


def render_plan(plan: EssayPlan, fmt: str = "md") -> bytes:
    """The plan as ``md``, ``html``, ``docx`` or ``pdf`` bytes."""
    name = fmt.lower().lstrip(".")
    name = {"markdown": "md", "htm": "html"}.get(name, name)
    if name not in _RENDERERS:
        raise QuaestioError(
            f"cannot render an essay plan as {fmt!r}; use one of {', '.join(PLAN_FORMATS)}",
            field="format",
        )
    return _RENDERERS[name](plan)
