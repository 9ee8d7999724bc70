"""``quaestio dump``: the whole database as a portable JSON-lines archive."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from quaestio.cli.common import DB_ENV_VAR as ENV_VAR
from quaestio.cli.common import make_console

HELP = """Write the whole database to a JSON-lines archive (restorable on SQLite or PostgreSQL).

Example: quaestio dump backup.jsonl --db sqlite:///quaestio.sqlite3
"""


def run(
    out: Annotated[str, typer.Argument(help="archive to write, or - for standard output")] = "-",
    db: Annotated[
        str | None,
        typer.Option("--db", help=f"database URL (default: ${ENV_VAR} or your data folder)"),
    ] = None,
) -> None:
    from quaestio.store import Database, default_url
    from quaestio.store.backup import dump, dump_to_path

    console = make_console(stderr=True)
    database = Database(db or default_url())
    try:
        if out == "-":
            n = dump(database, sys.stdout)
        else:
            with console.status(f"dumping to {out}…"):
                n = dump_to_path(database, Path(out))
    finally:
        database.dispose()
    console.print(f"dumped {n} rows")


def register(app: typer.Typer) -> None:
    app.command("dump", help=HELP)(run)
