"""One reader process of the hostile sweep: every file through the real CLI entry.

Run by ``hostile_harness`` as ``python hostile_worker.py LIST_FILE FIRST``, under
RLIMIT_AS. For each file it calls ``quaestio.cli.entry.main`` with ``check FILE``
(what a user types), with stdout/stderr captured, and prints one JSON line per
file on the real stdout: the status, CPU and wall seconds, and what was said.
An exception escaping ``main`` is exactly what a user would see as a traceback.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import signal
import sys
import time
import traceback


class Overtime(BaseException):
    """Raised by the interval timers when one file runs past its CPU or wall budget."""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _alarm(signum: int, frame: object) -> None:
    raise Overtime


def main() -> None:
    list_file, first = sys.argv[1], int(sys.argv[2])
    wall_budget = float(os.environ.get("HOSTILE_WALL", "600"))
    cpu_budget = float(os.environ.get("HOSTILE_CPU", "20"))
    with open(list_file, encoding="utf-8") as listing:
        paths = json.loads(listing.read())
    out = os.fdopen(os.dup(1), "w", buffering=1)
    from quaestio.cli.entry import main as cli_main  # imported once, before the clock starts

    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGPROF, _alarm)  # CPU time: fair on a machine shared with others
    for k in range(first, len(paths)):
        out.write(json.dumps({"start": k}) + "\n")
        stdout, stderr = io.StringIO(), io.StringIO()
        status, detail = "accepted", ""
        cpu0, wall0 = _cpu(), time.perf_counter()
        sys.argv = ["quaestio", "check", paths[k]]
        signal.setitimer(signal.ITIMER_REAL, wall_budget)
        signal.setitimer(signal.ITIMER_PROF, cpu_budget + 1)
        try:
            with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                cli_main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
            if code == 2:
                status = "clean"
                detail = stderr.getvalue().strip()[:400]
        except Overtime:
            status, detail = "overtime", f"past {cpu_budget:.0f} s of CPU or {wall_budget:.0f} s"
        except BaseException as exc:
            status = "traceback"
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()[-300:]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.setitimer(signal.ITIMER_PROF, 0)
        if status == "clean" and "memory this reader may use" in detail:
            status = "memory"
        if "Traceback (most recent call last)" in stderr.getvalue():
            status, detail = "traceback", stderr.getvalue()[-300:]
        record = {
            "k": k,
            "status": status,
            "cpu": round(_cpu() - cpu0, 3),
            "wall": round(time.perf_counter() - wall0, 3),
            "detail": detail,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        }
        out.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
