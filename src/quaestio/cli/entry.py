"""The ``quaestio`` program's entry point: run a command, report any failure in one line.

Kept apart from ``app`` so that ``quaestio solve`` (timed as a whole process by
ICCMA) starts without Typer, rich or pydantic.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command; every failure is one line on stderr, never a traceback.

    A failure the user can cause (a bad file, a missing folder, a wrong name)
    exits 2; anything else is a bug in quaestio and exits 70, with the traceback
    only when ``QUAESTIO_DEBUG=1`` asks for it.
    """
    try:
        if sys.argv[1:2] == ["solve"]:
            from quaestio.cli.iccma import run

            sys.exit(run(sys.argv[2:]))
        from quaestio.cli.app import app

        app()
    except Exception as exc:
        from quaestio.cli.failures import report

        sys.exit(report(exc))
