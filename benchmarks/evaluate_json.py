"""``quaestio evaluate --semantics all --json`` on a 2,000-point debate: ``python -m benchmarks.evaluate_json``.

The debate is the generated one of the verdict-slider benchmark (20 positions of
100 evidence items each), written as debate JSON to a temporary folder. The
command runs three times in a fresh process (best wall time, start-up included),
then once in-process split into its parts: loading (parse, schema check,
validation), the eight semantics through one ``evaluate_all``, and writing the
compact JSON. Results go to the "evaluate --json" section of docs/benchmarks.md.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.interactive import generated
from benchmarks.sections import machine_line, replace_section
from quaestio.formats.registry import write_path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "debate2000.json"
        write_path(generated(20, 100), path)
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            out = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "quaestio",
                    "evaluate",
                    str(path),
                    "--semantics",
                    "all",
                    "--json",
                ],
                capture_output=True,
                check=True,
                cwd=ROOT,
            )
            runs.append(time.perf_counter() - start)
        size = len(out.stdout)
        json.loads(out.stdout)  # it is one JSON document
        from rich.console import Console

        from quaestio.cli.commands.evaluate import render
        from quaestio.cli.common import located_debate

        start = time.perf_counter()
        debate = located_debate(path)
        load_s = time.perf_counter() - start
        start = time.perf_counter()
        render(debate, "all", True, Console(file=io.StringIO()))
        render_s = time.perf_counter() - start
    lines = [
        "## `evaluate --semantics all --json` at 2,000 points",
        "",
        machine_line(),
        "",
        "| measure | seconds |",
        "|---|---:|",
        f"| whole command in a fresh process (best of 3, start-up included) | {min(runs):.2f} |",
        f"| in-process: load (parse, JSON Schema check, validation) | {load_s:.2f} |",
        f"| in-process: eight semantics (one `evaluate_all`) and the compact JSON | {render_s:.2f} |",
        "",
        f"Output: {size / 1e6:.1f} MB of JSON. Before this change (issue 19) the command took "
        "8.7-14.7 s on a quiet machine: 40 of 48 s of a profiled run went to pretty-printing the "
        "JSON through rich, and each semantics checked and rebuilt the debate on its own.",
    ]
    replace_section("evaluate-json", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
