"""``quaestio serve``: import the given files (once), then start the web service."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quaestio.cli.common import DB_ENV_VAR as ENV_VAR
from quaestio.cli.common import make_console

if TYPE_CHECKING:
    from rich.console import Console

    from quaestio.store import Database

HELP = """Start the quaestio web service (API at /api, docs at /docs), importing FILES first.

A file already imported with identical content is found again, not duplicated, so
the same command can be run at every start.

Example: quaestio serve examples/purges.debate.md

Example (a school):
  quaestio serve --db postgresql+psycopg://quaestio@db/quaestio --host 0.0.0.0 --workers 4
"""


def import_files(db: Database, files: list[Path], owner: str | None, console: Console) -> list[int]:
    """Import each file in its own transaction; returns the debate ids."""
    from quaestio.store.accounts import by_username
    from quaestio.store.importing import import_path

    ids: list[int] = []
    with console.status("importing…") as status:
        for path in files:
            status.update(f"importing {path}…")
            with db.transaction() as session:
                owner_id = None if owner is None else by_username(session, owner).id
                done = import_path(session, path, owner_id=owner_id)
                ids.append(done.row.id)
                verb = "imported" if done.created else "already imported"
                console.print(f"{verb} {path} as debate {done.row.id}: {done.row.title}")
    return ids


def serve(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="debate files to import first", exists=True, dir_okay=False),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help=f"database URL (default: ${ENV_VAR} or a file in your data folder)"
        ),
    ] = None,
    host: Annotated[
        str, typer.Option(help="address to listen on", envvar="QUAESTIO_HOST")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on", envvar="QUAESTIO_PORT")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, help="worker processes (use PostgreSQL for more than one)")
    ] = 1,
    owner: Annotated[
        str | None, typer.Option(help="user who owns imported files (default: the shared library)")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="import and migrate, then exit without serving")
    ] = False,
) -> None:
    from quaestio.store import Database, default_url
    from quaestio.store.accounts import purge_sessions
    from quaestio.store.debates import purge_expired

    console = make_console(stderr=True)
    url = db or default_url()
    database = Database(url)
    if workers > 1 and database.dialect == "sqlite":
        console.print(
            "[yellow]note:[/] several workers on SQLite queue every write; PostgreSQL scales better"
        )
    with database.transaction() as session:
        purged = purge_expired(session)
        purge_sessions(session)
    if purged:
        console.print(f"removed {purged} debate(s) deleted more than 30 days ago")
    import_files(database, list(files or []), owner, console)
    database.dispose()
    if check:
        return
    import uvicorn

    os.environ[ENV_VAR] = url
    console.print(f"quaestio serving http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
    uvicorn.run(
        "quaestio.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        log_level="info",
    )


def register(app: typer.Typer) -> None:
    app.command("serve", help=HELP)(serve)
