"""``quaestio formats``: the table of file formats, what each reads, writes and loses."""

from __future__ import annotations

import typer

from quaestio.cli.common import make_console

EXAMPLE = "Example: quaestio formats   (or: quaestio formats --markdown > docs/formats.md)"


def formats(
    markdown: bool = typer.Option(
        False, "--markdown", help="Print the table as Markdown (the source of docs/formats.md)."
    ),
) -> None:
    """Show every file format: its endings, whether it is read and written, and what it loses."""
    from rich.table import Table

    from quaestio.formats import all_formats
    from quaestio.formats.table_doc import abilities, formats_markdown

    if markdown:
        typer.echo(formats_markdown(), nl=False)
        return
    table = Table(title="quaestio file formats", show_lines=True)
    table.add_column("name", style="bold cyan", no_wrap=True)
    table.add_column("endings", no_wrap=True)
    table.add_column("can", no_wrap=True)
    table.add_column("description", ratio=2)
    table.add_column("loses", style="yellow", ratio=3)
    for fmt in all_formats():
        table.add_row(fmt.name, "\n".join(fmt.suffixes), abilities(fmt), fmt.description, fmt.loses)
    make_console().print(table)


def register(app: typer.Typer) -> None:
    app.command("formats", help=f"{formats.__doc__}\n\n{EXAMPLE}")(formats)
