"""The ``quaestio`` command: a thin shell over the library.

Each command lives in its own module under ``quaestio.cli.commands`` and exposes
``register(app)``; this module only discovers them, so adding a command never
touches a shared file.

Start-up is part of the interface: ``quaestio --help`` must answer at once, so
command modules import only typer, rich and ``quaestio.errors`` at the top and
load the library (formats, reasoning, store, study) inside the command that
needs it. ``tests/cli/test_startup_imports.py`` checks which heavy modules each
light command loads.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer

from quaestio import __version__
from quaestio.cli import coercion

coercion.install()  # plain values converted without pydantic (start-up; see the module)

app = typer.Typer(
    name="quaestio",
    help="Turn a debate into a structured, evaluated argument.\n\nExample: quaestio show examples/purges.debate.md",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quaestio {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_version,
        is_eager=True,
        help="Print the version and exit.",
    ),
) -> None:
    """Turn a debate into a structured, evaluated argument.

    Example: quaestio show examples/purges.debate.md
    """


def _register_commands() -> None:
    from quaestio.cli import commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"quaestio.cli.commands.{info.name}")
        register = getattr(module, "register", None)
        if callable(register):
            register(app)


_register_commands()
