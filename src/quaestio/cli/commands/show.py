"""``quaestio show FILE``: the debate laid out readably in the terminal."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from quaestio.cli.common import console, load
from quaestio.formats.debate_md.graph import WORDS
from quaestio.model import Debate, Position


def render(debate: Debate) -> list[object]:
    """Rich renderables for a debate (kept separate so tests can inspect them)."""
    parts: list[object] = []
    head = f"[bold]{escape(debate.title)}[/]"
    if debate.question:
        head += f"\n{escape(debate.question)}"
    parts.append(Panel(head, expand=False))
    by_id = debate.evidence_by_id()
    for position in debate.positions:
        historians = ", ".join(h.name for h in position.historians) or "no historian named"
        table = Table(
            title=f"[bold]{escape(position.title)}[/] ({position.id}) — {escape(historians)}",
            title_justify="left",
            expand=True,
            show_lines=True,
        )
        table.add_column("for", ratio=1)
        table.add_column("against", ratio=1)
        supporting = [
            _point(e.id, e.label, e.text, e.years) + _replies(position, e.id, 1)
            for e in position.supporting
        ]
        countering = [
            _point(e.id, e.label, e.text, e.years)
            + "".join(f"\n[italic]↯ rebuts {t}[/]" for t in e.rebuts if t in by_id)
            + _replies(position, e.id, 1)
            for e in position.countering
        ]
        for i in range(max(len(supporting), len(countering))):
            table.add_row(
                supporting[i] if i < len(supporting) else "",
                countering[i] if i < len(countering) else "",
            )
        if position.summary:
            parts.append(f"[dim]{escape(position.summary)}[/]")
        parts.append(table)
    parts += _graph(debate)
    if debate.conclusion:
        text = escape(debate.conclusion.text)
        for k in debate.conclusion.claims:
            verdicts = ", ".join(f"{j.verdict} {j.position}" for j in k.judgements)
            text += f"\n[dim]{k.id}[/] {escape(k.text)}" + (
                f" [italic]({verdicts})[/]" if verdicts else ""
            )
        parts.append(Panel(text, title="Conclusion", expand=True))
    if debate.consequences:
        sheet = Table(title="Consequences", expand=True, show_lines=True)
        sheet.add_column("positive", ratio=1)
        sheet.add_column("negative", ratio=1)
        pos = [escape(c.text) for c in debate.consequences if c.polarity == "positive"]
        neg = [escape(c.text) for c in debate.consequences if c.polarity == "negative"]
        for i in range(max(len(pos), len(neg))):
            sheet.add_row(pos[i] if i < len(pos) else "", neg[i] if i < len(neg) else "")
        parts.append(sheet)
    if debate.warnings:
        parts.append(f"[yellow]{len(debate.warnings)} import warning(s)[/]")
        for w in debate.warnings:
            parts.append(f"[yellow]  line {w.line}: {escape(w.message)} [{w.code}][/]")
    return parts


def _replies(position: Position, parent: str, depth: int) -> str:
    """The points answering ``parent``, indented under it, each with its own replies."""
    out = ""
    for e in position.children_of(parent):
        sign = "+ for" if e.stance == "for" else "− against"
        out += f"\n{'  ' * depth}↳ [italic]{sign}[/] " + _point(e.id, e.label, e.text, e.years)
        out += _replies(position, e.id, depth + 1)
    return out


def _graph(debate: Debate) -> list[object]:
    """Cross-links and schools: what the for/against tables cannot show."""
    parts: list[object] = []
    if debate.relations:
        links = Table(title="Relations", expand=True, show_lines=False)
        for column in ("id", "from", "relation", "to", "note"):
            links.add_column(column)
        for r in debate.relations:
            links.add_row(r.id, r.source, WORDS.get(r.kind, r.kind), r.target, escape(r.text))
        parts.append(links)
    for school in debate.schools:
        parts.append(
            f"[bold]School: {escape(school.name)}[/] ({school.id}) — "
            + (", ".join(school.positions) or "no positions")
            + (f"\n[dim]{escape(school.description)}[/]" if school.description else "")
        )
    for a in debate.arguments:
        parts.append(
            f"[bold]Argument {a.id}[/] {escape(a.title)}: {', '.join(a.premises)} ⇒ {a.conclusion}"
        )
    return parts


def _point(node_id: str, label: str | None, text: str, years: tuple[int, ...]) -> str:
    head = f"[bold]{escape(label)}:[/] " if label else ""
    dated = f" [cyan]({', '.join(map(str, years))})[/]" if years else ""
    return f"[dim]{node_id}[/] {head}{escape(text)}{dated}"


def show(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Debate to show."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="Read as this format."),
) -> None:
    """Show a debate as tables of evidence for and against each position.

    Example: quaestio show examples/purges.debate.md
    """
    debate = load(path, fmt).debate
    for part in render(debate):
        console.print(part)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
