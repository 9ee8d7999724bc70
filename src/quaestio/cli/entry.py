"""The ``quaestio`` program's entry point: run a command, report any failure in one line.

Kept apart from ``app`` so that ``quaestio solve`` (timed as a whole process by
ICCMA) starts without Typer, rich or pydantic.
"""

from __future__ import annotations

import os
import sys

from quaestio.malloc import keep_freed_memory

_ANSWERS_AT_ONCE = {"--help", "-h", "--version"}


def main() -> None:
    """Run the command; every failure is one line on stderr, never a traceback.

    A failure the user can cause (a bad file, a missing folder, a wrong name)
    exits 2; anything else is a bug in quaestio and exits 70, with the traceback
    only when ``QUAESTIO_DEBUG=1`` asks for it.

    OpenBLAS gets one thread unless the user says otherwise: its pool of threads,
    started when numpy loads, cost 60 ms of CPU per command on this project's
    2-core machine (a small ``solve`` used 150 ms of CPU in 90 ms of wall time), and
    nothing quaestio computes is dense linear algebra that more threads would speed.

    A command lives for one piece of work, so it keeps the memory it frees
    (``quaestio.malloc``): numpy's large temporaries then cost no page faults.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if not _ANSWERS_AT_ONCE & set(sys.argv[1:]):  # help computes nothing: no ctypes to load
        keep_freed_memory()
    try:
        if sys.argv[1:2] == ["solve"]:
            from quaestio.cli.iccma import run

            sys.exit(run(sys.argv[2:]))
        from quaestio.cli.app import app

        app()
    except Exception as exc:
        from quaestio.cli.failures import report

        sys.exit(report(exc))
