"""Small pieces every command shares: loading a debate and printing problems.

Imported by every command module when ``quaestio`` starts, so the library
(formats, model, study) is imported inside the functions, not here.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from quaestio.formats import Format, Loaded
    from quaestio.model import Debate, Problem


def make_console(**options: Any) -> Console:
    """A rich Console, rich imported only now (``--help`` never needs it).

    emoji=False: quaestio prints no emoji, and rich's emoji table takes a while to load.
    """
    from rich.console import Console

    return Console(**{"emoji": False, **options})


class _LazyConsole:
    """Stands for a Console made on first use, so that importing a command costs nothing."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            self._console = make_console(**self._options)
        return getattr(self._console, name)


def lazy_console(**options: Any) -> Console:
    return cast("Console", _LazyConsole(**options))


def escape(text: str) -> str:
    """rich's markup escaping, imported when first needed."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


console = lazy_console()
err_console = lazy_console(stderr=True)

#: The environment variable holding the database URL (``quaestio.store.ENV_VAR``;
#: repeated here so that a command's help does not import the store).
DB_ENV_VAR = "QUAESTIO_DATABASE_URL"


def format_names(readable: bool | None = None, writable: bool | None = None) -> list[str]:
    """Names of the registered formats (for shell completion of --to/--from/--format)."""
    from quaestio.formats import all_formats

    return [
        f.name
        for f in all_formats()
        if (readable is None or f.can_read == readable)
        and (writable is None or f.can_write == writable)
    ]


def complete_readable(incomplete: str) -> list[str]:
    return [n for n in format_names(readable=True) if n.startswith(incomplete)]


def complete_writable(incomplete: str) -> list[str]:
    return [n for n in format_names(writable=True) if n.startswith(incomplete)]


def status(text: str) -> AbstractContextManager[object]:
    """A spinner on standard error when it is a terminal; nothing for a file or a pipe
    (and then rich is not even imported)."""
    if not sys.stderr.isatty():
        return nullcontext()
    return make_console(stderr=True).status(text, spinner="dots")


def say(line: str, *, err: bool = False) -> None:
    """One plain line of a command's report (no markup, no rich needed)."""
    typer.echo(line, err=err)


def load(path: Path, fmt: str | None = None) -> Loaded:
    """Read a debate from any readable format, chosen by name, by ending or by content."""
    from quaestio.formats import by_name, read_path

    return read_path(path, by_name(fmt) if fmt else None)


def load_valid(path: Path, fmt: str | None = None) -> Loaded:
    """``load``, refusing a debate with errors: each is printed at its line, exit code 2.

    Commands that compute on a debate (evaluate) would otherwise fail on the first bad
    node with no line; this way the user sees every error where it is, as ``check`` does.
    """
    from quaestio.model import validate

    loaded = load(path, fmt)
    errors = [p for p in validate(loaded.debate) if p.severity == "error"]
    for problem in errors:
        err_console.print(
            locate(problem, path, loaded.locations), markup=False, highlight=False, soft_wrap=True
        )
    if errors:
        raise typer.Exit(2)
    return loaded


def located_debate(path: Path, fmt: str | None = None) -> Debate:
    """A valid debate whose every node has a line to cite (its source, else its line here)."""
    from quaestio.study.source import with_locations

    loaded = load_valid(path, fmt)
    return with_locations(loaded.debate, loaded.locations, str(path))


def choose_format(name: str | None) -> Format | None:
    from quaestio.formats import by_name

    return by_name(name) if name else None


def problems_table(problems: list[Problem], path: Path, locations: Mapping[str, int]) -> Table:
    from rich.table import Table

    table = Table(title=f"{len(problems)} problem(s) in {path}", show_lines=False)
    table.add_column("where")
    table.add_column("severity")
    table.add_column("code")
    table.add_column("message")
    for problem in problems:
        line = problem.line or (locations.get(problem.node) if problem.node else None)
        where = f"{path}:{line}" if line else str(path)
        if problem.field:
            where += f" ({problem.field})"
        colour = "red" if problem.severity == "error" else "yellow"
        table.add_row(where, f"[{colour}]{problem.severity}[/]", problem.code, problem.message)
    return table


def locate(problem: Problem, path: Path, locations: Mapping[str, int]) -> str:
    line = problem.line or (locations.get(problem.node) if problem.node else None)
    where = f"{path}:{line}" if line else str(path)
    field = f" (field {problem.field})" if problem.field else ""
    return f"{where}: {problem.severity}: {problem.message} [{problem.code}]{field}"
