"""Test-only writers: render a debate back into handouts of each layout.

They let the tests check that the same content imports to the same debate
whether it comes as Word-table text, .docx, Markdown or HTML.
"""

from __future__ import annotations

import html
from io import BytesIO

import docx

from quaestio.model import Debate, Evidence, Position


def position_lines(p: Position) -> list[str]:
    lines = [p.title]
    if p.summary:
        lines.append(p.summary)
    if p.historians:
        lines.append("(" + ", ".join(h.name for h in p.historians) + ")")
    return lines


def evidence_lines(items: tuple[Evidence, ...]) -> list[str]:
    lines: list[str] = []
    for e in items:
        lines += list(e.references)
        lines.append(f"{e.label}: {e.text}" if e.label else e.text)
    return lines


def conclusion_lines(d: Debate) -> list[str]:
    return ["Conclusion", *(d.conclusion.text.split("\n\n") if d.conclusion else [])]


def consequence_lines(d: Debate, polarity: str) -> list[str]:
    return [
        f"{c.category}: {c.text}" if c.category else c.text
        for c in d.consequences
        if c.polarity == polarity
    ]


def to_markdown(d: Debate) -> bytes:
    def cell(lines: list[str], bullet: bool = False) -> str:
        return "<br>".join(("- " if bullet else "") + line.replace("|", "\\|") for line in lines)

    out = [
        d.title,
        "",
        "| Arguments | Supporting Evidence | Countering Evidence |",
        "|---|---|---|",
    ]
    for p in d.positions:
        cells = [position_lines(p), evidence_lines(p.supporting), evidence_lines(p.countering)]
        out.append("| " + " | ".join(cell(c) for c in cells) + " |")
    out += ["", "## " + conclusion_lines(d)[0], ""]
    out += [line + "\n" for line in conclusion_lines(d)[1:]]
    out += ["| Positive | Negative |", "|---|---|"]
    out.append(
        f"| {cell(consequence_lines(d, 'positive'), True)} | "
        f"{cell(consequence_lines(d, 'negative'), True)} |"
    )
    return ("\n".join(out) + "\n").encode()


def to_html(d: Debate) -> bytes:
    def paras(lines: list[str]) -> str:
        return "".join(f"<p>{html.escape(line)}</p>" for line in lines)

    def bullets(lines: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"

    out = ["<!DOCTYPE html>", "<html><body>", f"<h1>{html.escape(d.title)}</h1>", "<table>"]
    out.append(
        "<thead><tr><th>Arguments</th><th>Supporting Evidence</th>"
        "<th>Countering Evidence</th></tr></thead><tbody>"
    )
    for p in d.positions:
        out.append("<tr>")
        for lines in (
            position_lines(p),
            evidence_lines(p.supporting),
            evidence_lines(p.countering),
        ):
            out.append(f"<td>{paras(lines)}</td>")
        out.append("</tr>")
    out.append(f'<tr><td colspan="3">{paras(conclusion_lines(d))}</td></tr></tbody></table>')
    out.append("<table><tr><th>Positive</th><th>Negative</th></tr><tr>")
    out.append(f"<td>{bullets(consequence_lines(d, 'positive'))}</td>")
    out.append(f"<td>{bullets(consequence_lines(d, 'negative'))}</td></tr></table>")
    out.append("</body></html>")
    return "\n".join(out).encode()


def to_docx(d: Debate) -> bytes:
    document = docx.Document()
    document.add_heading(d.title, level=0)

    def fill(cell, lines: list[str], style: str | None = None) -> None:  # type: ignore[no-untyped-def]
        cell.paragraphs[0].text = lines[0] if lines else ""
        if style and lines:
            cell.paragraphs[0].style = style
        for line in lines[1:]:
            cell.add_paragraph(line, style=style)

    table = document.add_table(rows=1, cols=3)
    for i, name in enumerate(("Arguments", "Supporting Evidence", "Countering Evidence")):
        table.cell(0, i).text = name
    for p in d.positions:
        row = table.add_row()
        fill(row.cells[0], position_lines(p))
        fill(row.cells[1], evidence_lines(p.supporting))
        fill(row.cells[2], evidence_lines(p.countering))
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[2])
    fill(merged, conclusion_lines(d))
    document.add_paragraph("")
    second = document.add_table(rows=2, cols=2)
    second.cell(0, 0).text = "Positive"
    second.cell(0, 1).text = "Negative"
    fill(second.cell(1, 0), consequence_lines(d, "positive"), "List Bullet")
    fill(second.cell(1, 1), consequence_lines(d, "negative"), "List Bullet")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def essence(d: Debate) -> tuple[object, ...]:
    """Everything an import must reproduce, without ids-independent noise like line numbers."""
    return (
        d.title,
        d.question,
        [
            (
                p.id,
                p.title,
                p.summary,
                tuple((h.name, h.key) for h in p.historians),
                tuple(
                    (e.id, e.stance, e.label, e.text, e.years, e.figures, e.rebuts, e.references)
                    for e in p.evidence
                ),
            )
            for p in d.positions
        ],
        d.conclusion.text if d.conclusion else None,
        [(c.id, c.polarity, c.category, c.text) for c in d.consequences],
    )
