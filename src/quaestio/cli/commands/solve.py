"""``quaestio solve``, as listed by ``quaestio --help``; the work is in ``quaestio.cli.iccma``.

``quaestio solve ...`` from the shell never reaches this module: the entry point
hands it to ``quaestio.cli.iccma.run`` before Typer loads (ICCMA times whole
processes). Driving the Typer app directly (tests) forwards here to the same run.
"""

from __future__ import annotations

import typer

HELP = """Solve an abstract argumentation task in the ICCMA conventions.

Flags: -p TASK -f FILE [-fo FORMAT] [-a ARG] [--witness] [--problems] [--formats]
(quaestio solve -h lists them).

Example: quaestio solve -p DC-PR -f af.i23 -a 3
"""


def register(app: typer.Typer) -> None:
    @app.command(
        "solve",
        help=HELP,
        context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
        add_help_option=False,
    )
    def solve(ctx: typer.Context) -> None:
        from quaestio.cli.iccma import run

        code = run(ctx.args)
        if code:
            raise typer.Exit(code)
