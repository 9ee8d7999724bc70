"""``quaestio check FILE``: validation and lint, with the line of every problem."""

from __future__ import annotations

from pathlib import Path

import typer

from quaestio.cli.common import complete_readable, console, load, locate


def check(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Debate to check."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="Read as this format.", autocompletion=complete_readable
    ),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors too."),
) -> None:
    """Check a debate: broken references, duplicate ids, bad weights, and weak spots.

    Exits 1 when it finds errors (or warnings with --strict).

    Example: quaestio check examples/purges.debate.md
    """
    from quaestio.lint import check as run_checks

    loaded = load(path, fmt)
    problems = run_checks(loaded.debate)
    plain = not console.is_terminal or len(problems) > 200
    for problem in problems:
        if plain:  # rich costs about a millisecond a line: 90,000 problems took minutes
            console.file.write(locate(problem, path, loaded.locations) + "\n")
            continue
        colour = "red" if problem.severity == "error" else "yellow"
        console.print(
            locate(problem, path, loaded.locations),
            style=colour,
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    console.print(
        f"{path}: {errors} error(s), {warnings} warning(s)", highlight=False, soft_wrap=True
    )
    if errors or (strict and warnings):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
