"""``quaestio users``: accounts and API tokens from the command line (for administrators)."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer
from rich.console import Console

from quaestio.store import ENV_VAR, Database, accounts, default_url

users = typer.Typer(
    help="Manage accounts and API tokens.\n\n"
    "Example: quaestio users add teacher1 --password-stdin < pw.txt",
    no_args_is_help=True,
)
DbOpt = Annotated[str | None, typer.Option("--db", help=f"database URL (default: ${ENV_VAR})")]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass("password: ")


@users.command("add", help="Create an account.\n\nExample: quaestio users add teacher1")
def add(
    username: str,
    display_name: Annotated[str, typer.Option(help="name shown to others")] = "",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="read the password from stdin")
    ] = False,
    db: DbOpt = None,
) -> None:
    database = Database(db or default_url())
    with database.transaction() as session:
        user = accounts.create_user(session, username, _password(password_stdin), display_name)
        Console(stderr=True).print(f"created user {user.username} (id {user.id})")


@users.command(
    "token",
    help="Print a new API token.\n\nExample: quaestio users token teacher1 --name grading",
)
def token(
    username: str,
    name: Annotated[str, typer.Option(help="what the token is for")] = "cli",
    db: DbOpt = None,
) -> None:
    database = Database(db or default_url())
    with database.transaction() as session:
        user = accounts.by_username(session, username)
        new = accounts.create_token(session, user.id, name)
    print(new.token)


@users.command("list", help="List accounts.\n\nExample: quaestio users list")
def list_users(db: DbOpt = None) -> None:
    from sqlalchemy import select

    from quaestio.store.models import User

    database = Database(db or default_url())
    with database.read() as session:
        for user in session.scalars(select(User).order_by(User.id)):
            print(f"{user.id}\t{user.username}\t{user.display_name}")


def register(app: typer.Typer) -> None:
    app.add_typer(users, name="users")
