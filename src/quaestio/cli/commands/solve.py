"""``quaestio solve``: an ICCMA-style command-line solver over the reasoning engine."""

from __future__ import annotations

from pathlib import Path

import typer

from quaestio.errors import SolverError

HELP = """Solve an abstract argumentation task in the ICCMA conventions.

Example: quaestio solve -p DC-PR -f af.i23 -a 3
"""


def register(app: typer.Typer) -> None:
    @app.command("solve", help=HELP)
    def solve(
        problem: str = typer.Option(
            None, "-p", "--problem", help="Task such as DC-PR, SE-ST, EE-CO."
        ),
        file: Path = typer.Option(
            None, "-f", "--file", help="Framework file (.i23, .af, .apx, .tgf)."
        ),
        fmt: str = typer.Option(
            None, "-fo", "--format", help="i23, apx or tgf (default: from suffix)."
        ),
        arg: str = typer.Option(None, "-a", "--arg", help="Query argument for DC/DS tasks."),
        witness: bool = typer.Option(False, "--witness", help="Print a certificate after YES/NO."),
        problems: bool = typer.Option(False, "--problems", help="List the supported tasks."),
        formats: bool = typer.Option(False, "--formats", help="List the supported file formats."),
    ) -> None:
        from quaestio.reasoning import iccma_io, tasks

        if problems:
            typer.echo("[" + ",".join(tasks.TASKS) + "]")
            return
        if formats:
            typer.echo("[" + ",".join(iccma_io.FORMATS) + "]")
            return
        if problem is None or file is None:
            raise SolverError("give a task with -p and a file with -f (or --problems/--formats)")
        tasks.parse_task(problem)
        af = iccma_io.read_file(file, fmt)
        answer = tasks.solve(af, problem, arg)
        for line in answer.lines(af, witness=witness):
            typer.echo(line)
