"""Small pieces every command shares: loading a debate and printing problems."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from quaestio.formats import Format, Loaded, by_name, read_path
from quaestio.model import Debate, Problem, validate
from quaestio.study.source import with_locations

console = Console()
err_console = Console(stderr=True)


def load(path: Path, fmt: str | None = None) -> Loaded:
    """Read a debate from any readable format, chosen by name or by the file's ending."""
    return read_path(path, by_name(fmt) if fmt else None)


def load_valid(path: Path, fmt: str | None = None) -> Loaded:
    """``load``, refusing a debate with errors: each is printed at its line, exit code 2.

    Commands that compute on a debate (evaluate) would otherwise fail on the first bad
    node with no line; this way the user sees every error where it is, as ``check`` does.
    """
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
    loaded = load_valid(path, fmt)
    return with_locations(loaded.debate, loaded.locations, str(path))


def choose_format(name: str | None) -> Format | None:
    return by_name(name) if name else None


def problems_table(problems: list[Problem], path: Path, locations: dict[str, int]) -> Table:
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


def locate(problem: Problem, path: Path, locations: dict[str, int]) -> str:
    line = problem.line or (locations.get(problem.node) if problem.node else None)
    where = f"{path}:{line}" if line else str(path)
    if problem.field:
        where += f" ({problem.field})"
    return f"{where}: {problem.severity}: {problem.message} [{problem.code}]"
