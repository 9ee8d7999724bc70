"""The Word handout (.docx): the debate as the teacher's table, for editing in Word.

One table with a row per explanation (title, summary, historians in brackets),
its supporting evidence and its countering evidence side by side; a row across
the table for the conclusion; then a two-column table of positive and negative
consequences. This is the layout the importer reads, so a handout written here
imports back to the same positions, evidence, conclusion and consequences.
python-docx is imported when a file is written, not when quaestio starts.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from quaestio.model import Debate, Evidence, Position

HEADINGS = ("Arguments", "Supporting Evidence", "Countering Evidence")


def _position_lines(p: Position) -> list[str]:
    lines = [p.title]
    if p.summary:
        lines.append(p.summary)
    if p.historians:
        lines.append("(" + ", ".join(h.name for h in p.historians) + ")")
    return lines


def _evidence_lines(items: tuple[Evidence, ...]) -> list[str]:
    lines: list[str] = []
    for e in items:
        lines += list(e.references)
        lines.append(f"{e.label}: {e.text}" if e.label else e.text)
    return lines


def _fill(cell: Any, lines: list[str], style: str | None = None) -> None:
    cell.paragraphs[0].text = lines[0] if lines else ""
    if style and lines:
        cell.paragraphs[0].style = style
    for line in lines[1:]:
        cell.add_paragraph(line, style=style)


def write(debate: Debate) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(debate.title, level=0)
    if debate.question:
        document.add_paragraph(debate.question)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for i, name in enumerate(HEADINGS):
        table.cell(0, i).text = name
    for p in debate.positions:
        row = table.add_row()
        _fill(row.cells[0], _position_lines(p))
        _fill(row.cells[1], _evidence_lines(p.supporting))
        _fill(row.cells[2], _evidence_lines(p.countering))
    if debate.conclusion is not None:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[2])
        _fill(merged, ["Conclusion", *debate.conclusion.text.split("\n\n")])
    if debate.consequences:
        document.add_paragraph("")
        sheet = document.add_table(rows=2, cols=2)
        sheet.style = "Table Grid"
        sheet.cell(0, 0).text = "Positive"
        sheet.cell(0, 1).text = "Negative"
        for col, polarity in enumerate(("positive", "negative")):
            lines = [
                f"{c.category}: {c.text}" if c.category else c.text
                for c in debate.consequences
                if c.polarity == polarity
            ]
            _fill(sheet.cell(1, col), lines, "List Bullet")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
