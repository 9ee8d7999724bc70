"""The ``quaestio`` command: a thin shell over the library.

Each command lives in its own module under ``quaestio.cli.commands`` and exposes
``register(app)``; this module only discovers them, so adding a command never
touches a shared file.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer
from rich.console import Console

from quaestio.errors import QuaestioError

app = typer.Typer(
    name="quaestio",
    help="Turn a debate into a structured, evaluated argument.\n\nExample: quaestio show examples/purges.debate.md",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def _register_commands() -> None:
    from quaestio.cli import commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"quaestio.cli.commands.{info.name}")
        register = getattr(module, "register", None)
        if callable(register):
            register(app)


_register_commands()


def main() -> None:
    try:
        app()
    except QuaestioError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True)
        sys.exit(2)
