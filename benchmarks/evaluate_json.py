"""``quaestio evaluate --semantics all --json`` on a 2,000-point debate: ``python -m benchmarks.evaluate_json``.

The debate is the generated one of the verdict-slider benchmark (20 positions of
100 evidence items each), written as debate JSON to a temporary folder. The
command runs three times in a fresh process (best wall time, start-up included),
then in-process (modules already loaded) split into its parts: loading (parse,
schema check, validation), the eight semantics through one ``evaluate_all``, and
writing the compact JSON. The load average is read before and after: on a shared
machine the wall time is mostly waiting for a core, so the CPU time of the runs is
given too. Results go to the "evaluate --json" section of docs/benchmarks.md.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.interactive import generated
from benchmarks.sections import machine_line, replace_section
from quaestio.formats.registry import write_path

ROOT = Path(__file__).resolve().parents[1]


def verdict(seconds: float) -> str:
    return "met" if seconds < 1.0 else "missed"


def _timed(argv: list[str]) -> tuple[list[float], list[float], bytes]:
    """Wall and CPU seconds (user + system) of three runs of ``argv``, and its output."""
    runs, cpus = [], []
    out = b""
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        out = subprocess.run(argv, capture_output=True, check=True, cwd=ROOT).stdout
        runs.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return runs, cpus, out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "debate2000.json"
        write_path(generated(20, 100), path)
        command = ["evaluate", str(path), "--semantics", "all", "--json"]
        # the same command with glibc's default allocation, side by side in this run
        default_malloc = (
            "import sys, quaestio.malloc as m; m.keep_freed_memory = lambda: False; "
            "sys.argv = ['quaestio', *sys.argv[1:]]; from quaestio.cli.entry import main; main()"
        )
        load_before = os.getloadavg()[0]
        runs, cpus, out = _timed([sys.executable, "-m", "quaestio", *command])
        plain_runs, plain_cpus, _ = _timed([sys.executable, "-c", default_malloc, *command])
        bare_runs, _, _ = _timed([sys.executable, "-c", "pass"])  # how fast the machine is now
        size = len(out)
        json.loads(out)  # it is one JSON document
        from quaestio.cli.commands.evaluate import render_json
        from quaestio.cli.common import load_valid
        from quaestio.malloc import keep_freed_memory

        keep_freed_memory()  # as the command does
        render_json(load_valid(path).debate, "all", io.StringIO())  # imports done before timing
        start = time.perf_counter()
        debate = load_valid(path).debate
        load_s = time.perf_counter() - start
        start = time.perf_counter()
        render_json(debate, "all", io.StringIO())
        render_s = time.perf_counter() - start
    lines = [
        "## `evaluate --semantics all --json` at 2,000 points",
        "",
        machine_line() + f" Load average when the run started: {load_before:.1f}.",
        "",
        "| measure | seconds |",
        "|---|---:|",
        f"| whole command in a fresh process (best of 3, start-up included) | {min(runs):.2f} |",
        f"| its CPU time (user + system, best of 3) | {min(cpus):.2f} |",
        "| for the machine's speed at the time: a bare `python -c pass` (best of 3) "
        f"| {min(bare_runs):.3f} |",
        "| the same command with glibc's default allocation: wall (best of 3) "
        f"| {min(plain_runs):.2f} |",
        f"| the same command with glibc's default allocation: CPU | {min(plain_cpus):.2f} |",
        f"| in-process, modules loaded: load (parse, schema check, validation) | {load_s:.2f} |",
        "| in-process, modules loaded: eight semantics (one `evaluate_all`), compact JSON "
        f"| {render_s:.2f} |",
        "",
        f"Output: {size / 1e6:.1f} MB of JSON. Before this change (issue 19) the command took "
        "8.7-14.7 s on a quiet machine: 40 of 48 s of a profiled run went to pretty-printing the "
        "JSON through rich, and each semantics checked and rebuilt the debate on its own. "
        "The run before this one (same day, load average 10.9): 46.38 s for the command, "
        "4.63 s of it loading the debate (jsonschema).",
        "",
        f"Target (issue 19): the whole command under 1 s: {verdict(min(runs))} by the wall "
        f"time, {verdict(min(cpus))} by the CPU time (what it costs on an idle core).",
        "",
        "What it no longer does: check a valid file with jsonschema (a compiled yes/no check "
        "of the same schema, `quaestio.formats.schema_check`, passes it in milliseconds; "
        "jsonschema reads only a file that check refuses, for its messages naming the field), "
        "load rich, scipy or jsonschema at all, or build the ACH matrix twice. Nor, since "
        "stop 24, call a SAT solver (or import pysat) for preferred, stable and semi-stable "
        "when the grounded labelling decides every argument, as on every acyclic debate "
        "(it is then the only complete labelling), or draw the sampled Shapley orderings "
        "once per semantics (one draw per position serves all five weighing methods): "
        "1.25 s before these two on the same machine, the same evening. Nor, since stop 26, "
        "give every node its line in the file (only the table cites lines), or pay page "
        "faults for each large temporary array: a command keeps the memory it frees "
        "(`quaestio.malloc`; the default allocation is measured beside it above).",
    ]
    replace_section("evaluate-json", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
