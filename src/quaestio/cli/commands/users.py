"""``quaestio users``: accounts and API tokens from the command line (for administrators).

Whoever runs these has the database itself, so they act without signing in:
creating accounts, resetting a forgotten password, removing an account (handing
what it owns to someone else) and making a user a teacher of a class.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from quaestio.cli.common import DB_ENV_VAR, lazy_console

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

users = typer.Typer(
    help="Manage accounts and API tokens (for the server's administrator).\n\n"
    "Example: quaestio users add teacher1 --password-stdin < pw.txt",
    no_args_is_help=True,
    rich_markup_mode=None,
)
DbOpt = Annotated[
    str | None,
    typer.Option("--db", help=f"database URL (default: ${DB_ENV_VAR} or your data folder)"),
]
PasswordOpt = Annotated[
    bool, typer.Option("--password-stdin", help="read the password from standard input")
]
info = lazy_console(stderr=True, highlight=False)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass("password: ")


@contextmanager
def _session(db: str | None, *, write: bool = True) -> Iterator[Session]:
    from quaestio.store import Database, default_url

    database = Database(db or default_url())
    try:
        with database.transaction() if write else database.read() as session:
            yield session
    finally:
        database.dispose()


@users.command("add", help="Create an account.\n\nExample: quaestio users add teacher1")
def add(
    username: str,
    display_name: Annotated[str, typer.Option(help="name shown to others")] = "",
    password_stdin: PasswordOpt = False,
    db: DbOpt = None,
) -> None:
    from quaestio.store import accounts

    password = _password(password_stdin)
    with _session(db) as session:
        user = accounts.create_user(session, username, password, display_name)
        info.print(f"created user {user.username} (id {user.id})")


@users.command(
    "token",
    help="Print a new API token.\n\nExample: quaestio users token teacher1 --name grading",
)
def token(
    username: str,
    name: Annotated[str, typer.Option(help="what the token is for")] = "cli",
    db: DbOpt = None,
) -> None:
    from quaestio.store import accounts

    with _session(db) as session:
        user = accounts.by_username(session, username)
        new = accounts.create_token(session, user.id, name)
    print(new.token)


@users.command(
    "list", help="List accounts: id, user name, display name.\n\nExample: quaestio users list"
)
def list_users(db: DbOpt = None) -> None:
    from quaestio.store import accounts

    with _session(db, write=False) as session:
        for user in accounts.list_users(session):
            print(f"{user.id}\t{user.username}\t{user.display_name}")


@users.command(
    "reset-password",
    help="Set a new password for an account and sign it out everywhere.\n\n"
    "Example: quaestio users reset-password student7 --password-stdin < new.txt",
)
def reset_password(username: str, password_stdin: PasswordOpt = False, db: DbOpt = None) -> None:
    from quaestio.store import accounts

    password = _password(password_stdin)
    with _session(db) as session:
        accounts.reset_password(session, username, password)
    info.print(f"new password set for {username}; their browser sessions were closed")


@users.command(
    "remove",
    help="Delete an account with its sessions, tokens, class memberships and personal data.\n\n"
    "Debates, classes and share links it owns are handed to --give-to (required if there are any).\n\n"
    "Example: quaestio users remove student7",
)
def remove(
    username: str,
    give_to: Annotated[
        str | None, typer.Option("--give-to", help="user who takes over what USERNAME owns")
    ] = None,
    db: DbOpt = None,
) -> None:
    from quaestio.store import accounts

    with _session(db) as session:
        done = accounts.remove_user(session, username, give_to=give_to)
    handed = ", ".join(f"{n} {what}" for what, n in done.handed_over.items())
    info.print(f"removed {username}" + (f"; {handed} now belong to {give_to}" if handed else ""))


@users.command(
    "promote",
    help="Make a user a teacher of a class (added to the class if not a member yet).\n\n"
    "Example: quaestio users promote teacher2 --class 3",
)
def promote(
    username: str,
    class_id: Annotated[int, typer.Option("--class", help="the class's id", min=1)],
    role: Annotated[str, typer.Option(help="teacher, or student to step back")] = "teacher",
    db: DbOpt = None,
) -> None:
    from quaestio.store import accounts

    with _session(db) as session:
        before = accounts.set_class_role(session, username, class_id, role)
    was = "not a member" if before is None else f"was {before}"
    info.print(f"{username} is now {role} of class {class_id} ({was})")


def register(app: typer.Typer) -> None:
    app.add_typer(users, name="users")
