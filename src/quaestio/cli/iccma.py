"""``quaestio solve``: an ICCMA-style command-line solver over the reasoning engine.

ICCMA times whole processes, so this command does not go through Typer: its
parameter handling loads pydantic, and with rich that is most of a second on a
busy machine before any solving starts. ``quaestio.cli.entry.main`` hands
``quaestio solve ...`` straight to ``run`` here (argparse, the ICCMA flags); the
Typer command in ``quaestio.cli.commands.solve`` only lists ``solve`` in
``quaestio --help`` and forwards to the same ``run`` when the app is driven
directly (tests). This module imports nothing but argparse until it solves.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quaestio solve",
        description="Solve an abstract argumentation task in the ICCMA conventions.",
        epilog="Example: quaestio solve -p DC-PR -f af.i23 -a 3",
    )
    p.add_argument("-p", "--problem", help="task such as DC-PR, SE-ST, EE-CO")
    p.add_argument("-f", "--file", help="framework file (.i23, .af, .apx, .tgf)")
    p.add_argument(
        "-fo", "--format", dest="fmt", help="i23, apx or tgf (default: from the file's ending)"
    )
    p.add_argument("-a", "--arg", help="query argument for DC/DS tasks")
    p.add_argument("--witness", action="store_true", help="print a certificate after YES/NO")
    p.add_argument("--problems", action="store_true", help="list the supported tasks")
    p.add_argument("--formats", action="store_true", help="list the supported file formats")
    return p


def run(argv: Sequence[str]) -> int:
    """Parse the ICCMA flags and answer; returns the exit code (2 for bad arguments)."""
    from pathlib import Path

    from quaestio.errors import SolverError

    args = parser().parse_args(list(argv))  # exits 2 with a usage line on bad flags
    if args.problems:
        from quaestio.reasoning import tasks

        print("[" + ",".join(tasks.TASKS) + "]")
        return 0
    if args.formats:
        from quaestio.reasoning import iccma_io

        print("[" + ",".join(iccma_io.FORMATS) + "]")
        return 0
    if args.problem is None or args.file is None:
        raise SolverError("give a task with -p and a file with -f (or --problems/--formats)")
    from quaestio.reasoning import iccma_io, tasks

    tasks.parse_task(args.problem)
    af = iccma_io.read_file(Path(args.file), args.fmt)
    answer = tasks.solve(af, args.problem, args.arg)
    out = sys.stdout
    for line in answer.lines(af, witness=args.witness):
        out.write(line + "\n")
    out.flush()
    return 0
