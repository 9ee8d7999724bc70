"""``quaestio export``: write a debate file in another format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from quaestio.cli.common import complete_readable, complete_writable, say, status
from quaestio.errors import UnknownFormatError

if TYPE_CHECKING:
    from quaestio.formats import Format

EXAMPLE = "Example: quaestio export purges.debate.json --to pdf -o purges.pdf"


def is_text(fmt: Format) -> bool:
    """Text formats may go to standard output; binary ones (PDF, Word) go to a file."""
    media = fmt.media_type
    return media.startswith("text/") or media.endswith(("json", "xml"))


def export(
    debate: Path = typer.Argument(
        ..., help="The debate file to read (any readable format).", exists=True, dir_okay=False
    ),
    to: str | None = typer.Option(
        None,
        "--to",
        "-t",
        help="Format name (see `quaestio formats`); taken from -o's ending if left out.",
        autocompletion=complete_writable,
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Where to write (a missing folder is created); '-' or nothing writes text formats"
        " to standard output.",
    ),
    source_format: str | None = typer.Option(
        None,
        "--from",
        "-f",
        help="Format of DEBATE; default: by its ending, or by its content when the ending is"
        " shared (.json, .txt).",
        autocompletion=complete_readable,
    ),
) -> None:
    """Write DEBATE in another format."""
    from quaestio.formats import by_name, for_path, write_bytes, write_path
    from quaestio.formats.registry import read_chosen, writable

    if to is None and (out is None or str(out) == "-"):
        raise UnknownFormatError(
            "say which format with --to NAME or give -o a file name", field="to"
        )
    fmt = writable(by_name(to) if to else for_path(str(out)))
    with status(f"reading {debate.name}"):
        loaded, used, why = read_chosen(debate, by_name(source_format) if source_format else None)
    say(f"reading {debate} as {used.name}: {why}", err=True)
    with status(f"writing {fmt.name}"):
        if out is None and not is_text(fmt):
            out = debate.with_name(debate.name.split(".")[0] + fmt.suffixes[0])
        if out is None or str(out) == "-":
            sys.stdout.buffer.write(write_bytes(loaded.debate, fmt))
            sys.stdout.flush()
            return
        write_path(loaded.debate, out, fmt)
    say(f"wrote {out} ({fmt.name}; loses: {fmt.loses})", err=True)


def register(app: typer.Typer) -> None:
    app.command("export", help=f"Write a debate file in another format.\n\n{EXAMPLE}")(export)
