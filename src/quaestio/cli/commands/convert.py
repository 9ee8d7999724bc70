"""``quaestio convert IN OUT``: change a debate's format, refusing to write a broken one."""

from __future__ import annotations

from pathlib import Path

import typer

from quaestio.cli.common import complete_readable, complete_writable, locate, say


def convert(
    source: Path = typer.Argument(..., exists=True, dir_okay=False, help="Debate to read."),
    target: Path = typer.Argument(
        ..., dir_okay=False, help="File to write; its ending picks the format."
    ),
    from_format: str | None = typer.Option(
        None,
        "--from",
        help="Read as this format (see 'quaestio formats'); default: by ending, or by content.",
        autocompletion=complete_readable,
    ),
    to_format: str | None = typer.Option(
        None, "--to", help="Write as this format.", autocompletion=complete_writable
    ),
) -> None:
    """Convert a debate between formats, chosen by the file endings (or the content).

    A handout (.txt, .docx, .md, .html) is read through the importer; the line
    "reading ... as ..." says which reader was used and why.

    Example: quaestio convert examples/purges.debate.md purges.json
    """
    from quaestio.formats import by_name, for_path, write_path
    from quaestio.formats.registry import read_chosen, writable
    from quaestio.model import validate

    out_format = writable(by_name(to_format) if to_format else for_path(target))
    loaded, used, why = read_chosen(source, by_name(from_format) if from_format else None)
    say(f"reading {source} as {used.name}: {why}", err=True)
    errors = [p for p in validate(loaded.debate) if p.severity == "error"]
    if errors:
        for problem in errors:
            say(locate(problem, source, loaded.locations), err=True)
        say(f"nothing written: {source} has {len(errors)} error(s)", err=True)
        raise typer.Exit(2)
    write_path(loaded.debate, target, out_format)
    say(f"wrote {target} ({out_format.name}; loses: {out_format.loses})")


def register(app: typer.Typer) -> None:
    app.command("convert")(convert)
