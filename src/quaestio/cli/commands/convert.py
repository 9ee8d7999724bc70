"""``quaestio convert IN OUT``: change a debate's format, refusing to write a broken one."""

from __future__ import annotations

from pathlib import Path

import typer

from quaestio.cli.common import choose_format, console, err_console, load, locate
from quaestio.formats import write_path
from quaestio.model import validate


def convert(
    source: Path = typer.Argument(..., exists=True, dir_okay=False, help="Debate to read."),
    target: Path = typer.Argument(
        ..., dir_okay=False, help="File to write; its ending picks the format."
    ),
    from_format: str | None = typer.Option(
        None, "--from", help="Read as this format (see 'quaestio formats')."
    ),
    to_format: str | None = typer.Option(None, "--to", help="Write as this format."),
) -> None:
    """Convert a debate between formats, chosen by the file endings.

    Example: quaestio convert examples/purges.debate.md purges.json
    """
    loaded = load(source, from_format)
    errors = [p for p in validate(loaded.debate) if p.severity == "error"]
    if errors:
        for problem in errors:
            err_console.print(
                locate(problem, source, loaded.locations), highlight=False, markup=False
            )
        err_console.print(f"nothing written: {source} has {len(errors)} error(s)")
        raise typer.Exit(1)
    write_path(loaded.debate, target, choose_format(to_format))
    console.print(f"wrote {target}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("convert")(convert)
