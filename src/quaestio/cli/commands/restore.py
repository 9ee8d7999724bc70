"""``quaestio restore``: load a ``quaestio dump`` archive, all or nothing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from quaestio.cli.common import DB_ENV_VAR as ENV_VAR
from quaestio.cli.common import make_console

HELP = """Load a JSON-lines archive written by `quaestio dump` into an empty database.

Example: quaestio restore backup.jsonl --db postgresql+psycopg://quaestio@localhost/quaestio
"""


def run(
    archive: Annotated[str, typer.Argument(help="archive to read, or - for standard input")],
    db: Annotated[
        str | None,
        typer.Option("--db", help=f"database URL (default: ${ENV_VAR} or your data folder)"),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="delete everything in the database first")
    ] = False,
) -> None:
    from rich.progress import Progress

    from quaestio.store import Database, default_url
    from quaestio.store.backup import restore

    console = make_console(stderr=True)
    database = Database(db or default_url())
    try:
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("restoring", total=None)

            def tick(n: int) -> None:
                progress.update(task, completed=n)

            if archive == "-":
                n = restore(database, sys.stdin, name="stdin", replace=replace, progress=tick)
            else:
                with Path(archive).open(encoding="utf-8") as lines:
                    n = restore(database, lines, name=archive, replace=replace, progress=tick)
    finally:
        database.dispose()
    console.print(f"restored {n} rows")


def register(app: typer.Typer) -> None:
    app.command("restore", help=HELP)(run)
