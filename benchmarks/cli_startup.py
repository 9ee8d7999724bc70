"""How long the ``quaestio`` command takes as a whole process, start-up included.

Run: python -m benchmarks.cli_startup [--runs N] (results also go to docs/benchmarks.md)

Times ``quaestio --help``, ``import`` of the seed handout, ``convert`` of the
bundled example, ``evaluate`` and ``solve`` on a small framework, each as a new
process, with hyperfine when it is installed (``scripts/system-deps bench``) and
with a plain loop over subprocesses otherwise. Wall time is what a user waits;
CPU time (user + system) is given too because on a shared machine it moves less
with the load. The interpreter's own start (``python -c pass``) is the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.paths import EXAMPLE, SEED

from benchmarks.sections import machine_line, replace_section

ROOT = Path(__file__).resolve().parents[1]
QUAESTIO = Path(sys.executable).with_name("quaestio")
#: Targets from issue 17 (seconds, wall time of the whole process).
TARGETS = {"--help": 0.3, "import SEED": 0.5, "solve (small)": 0.3}
SMALL_AF = "p af 6\n1 2\n2 3\n3 1\n4 5\n5 6\n"


def commands(work: Path) -> dict[str, list[str]]:
    q = str(QUAESTIO)
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "--help": [q, "--help"],
        "import SEED": [q, "import", str(SEED), "-o", str(work / "seed.json")],
        "convert": [q, "convert", str(EXAMPLE), str(work / "purges.aif.json")],
        "evaluate": [q, "evaluate", str(EXAMPLE)],
        "solve (small)": [q, "solve", "-p", "DC-PR", "-f", str(work / "small.i23"), "-a", "3"],
    }


def with_hyperfine(
    cmds: dict[str, list[str]], runs: int, work: Path
) -> dict[str, dict[str, float]]:
    import shlex

    out = work / "hyperfine.json"
    argv = ["hyperfine", "--warmup", "2", "--runs", str(runs), "-N", "--export-json", str(out)]
    argv += ["--style", "basic"]
    for cmd in cmds.values():
        argv.append(shlex.join(cmd))
    subprocess.run(argv, check=True, cwd=work, stdout=subprocess.DEVNULL)
    results = json.loads(out.read_text())["results"]
    return {
        name: {
            "median": r["median"],
            "min": r["min"],
            "cpu": r["user"] + r["system"],
        }
        for name, r in zip(cmds, results, strict=True)
    }


def with_loop(cmds: dict[str, list[str]], runs: int, work: Path) -> dict[str, dict[str, float]]:
    timings: dict[str, dict[str, float]] = {}
    for name, cmd in cmds.items():
        walls: list[float] = []
        cpus: list[float] = []
        for i in range(runs + 2):
            # the commands' own reports ("reading ... as ...") are kept out of the
            # benchmark's output, and shown only if a command fails
            with tempfile.TemporaryFile() as err:
                started = time.perf_counter()
                proc = subprocess.Popen(cmd, cwd=work, stdout=subprocess.DEVNULL, stderr=err)
                _, status, usage = os.wait4(proc.pid, 0)
                elapsed = time.perf_counter() - started
                proc.returncode = os.waitstatus_to_exitcode(status)
                if proc.returncode != 0:
                    err.seek(0)
                    sys.stderr.write(err.read().decode(errors="replace"))
                    raise SystemExit(f"{name} failed with exit code {proc.returncode}")
            if i >= 2:  # two warm-up runs, as with hyperfine
                walls.append(elapsed)
                cpus.append(usage.ru_utime + usage.ru_stime)
        timings[name] = {
            "median": statistics.median(walls),
            "min": min(walls),
            "cpu": statistics.mean(cpus),
        }
    return timings


def bytecode_state() -> str:
    """Whether numpy and quaestio have compiled bytecode beside their sources."""
    import importlib.util

    found = []
    for name in ("numpy", "quaestio"):
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec else None
        found.append(bool(origin) and Path(importlib.util.cache_from_source(origin)).exists())
    return "present" if all(found) else "missing (run scripts/bootstrap)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    if not QUAESTIO.exists():
        raise SystemExit(f"{QUAESTIO} is missing: run scripts/bootstrap first")
    tool = "hyperfine" if shutil.which("hyperfine") else "a subprocess loop"
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "small.i23").write_text(SMALL_AF)
        cmds = commands(work)
        run = with_hyperfine if tool == "hyperfine" else with_loop
        timings = run(cmds, args.runs, work)
    for name, t in timings.items():
        print(
            f"{name:16} median {t['median'] * 1000:7.0f} ms  min {t['min'] * 1000:7.0f} ms"
            f"  cpu {t['cpu'] * 1000:7.0f} ms"
        )
    lines = [
        "",
        "## CLI start-up",
        "",
        f"Produced by `python -m benchmarks.cli_startup` with {tool}, {args.runs} runs after two",
        "warm-up runs, each command a new process (what a user, a script or ICCMA waits for).",
        machine_line() + f" Load average when the run started: {load_before:.1f}.",
        "",
        "| command | median wall | fastest wall | CPU (user + system) | target |",
        "|---|---:|---:|---:|---|",
    ]
    for name, t in timings.items():
        target = TARGETS.get(name)
        verdict = (
            ""
            if target is None
            else (
                f"< {target:.1f} s: {'met' if t['median'] < target else 'missed'}"
                f" ({'met' if t['min'] < target else 'missed'} by the fastest run)"
            )
        )
        lines.append(
            f"| `{name}` | {t['median']:.3f} s | {t['min']:.3f} s | {t['cpu']:.3f} s | {verdict} |"
        )
    lines += [
        "",
        "What each command loads is checked by `tests/cli/test_startup_imports.py`: `--help` and",
        "`--version` load no library module; `import`, `convert`, `show`, `check`, `export` and",
        "`formats` load neither the store (SQLAlchemy, Alembic), the web app, scipy, the study",
        "package, pydantic, numpy nor python-sat, and PyYAML, lxml or jsonschema only for a file",
        "that needs them; `evaluate --json` loads neither rich, scipy nor jsonschema; `solve` goes",
        "from the entry point to argparse and the solver without Typer, rich or pydantic, and",
        "loads python-sat only for a task that needs SAT.",
        "",
        f"Bytecode of the installed packages and of quaestio: {bytecode_state()}. "
        "`scripts/bootstrap` compiles both: uv writes none, and where `PYTHONDONTWRITEBYTECODE`",
        "is set (as on this machine) Python never caches any, so every command recompiled numpy,",
        "Typer and the rest from source at each start; that was most of the figures before.",
        "Typer 0.29 converts every parameter through pydantic; `quaestio.cli.coercion` converts",
        "plain values itself (paths through Typer's own checks and messages), so pydantic loads",
        "only for a number typed on the command line. The entry point gives OpenBLAS one thread",
        "unless `OPENBLAS_NUM_THREADS` says otherwise: its pool of threads, started with numpy,",
        "was 60 ms of CPU per command.",
        "",
        "Before this round (issue 17, same day, quiet machine, no bytecode): `python -c pass`",
        "0.011 s, `--help` 0.139 s, `import SEED` 0.658 s, `convert` 0.554 s, `evaluate` 1.266 s,",
        "`solve (small)` 0.356 s. Before the first round `quaestio --help` took 3.6 s and loaded",
        "SQLAlchemy, Alembic, scipy, the store and the study package for every command.",
        "",
        "On a shared machine under heavy load the wall time is mostly waiting for a core; the",
        "CPU column is what the command itself costs, and is the better guide to an idle machine.",
        "",
    ]
    replace_section("cli", lines)


if __name__ == "__main__":
    main()
