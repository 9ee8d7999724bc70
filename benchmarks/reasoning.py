"""The reasoning benchmark: ``python -m benchmarks.reasoning`` (about ten minutes on 2 cores).

1. peers: grounded and credulous-complete acceptance (DC-CO) on generated
   frameworks of 100 to 10,000 arguments, quaestio beside clingo with our
   encodings and the PyPI peers, as times and ratios;
2. the ICCMA 2019 medium instance from ``../shared/iccma``: several tasks,
   quaestio beside clingo;
3. grounded on Erdős–Rényi and Barabási–Albert frameworks up to 1,000,000
   arguments and 10,000,000 attacks, *including parsing the i23 file*, each in a
   fresh process so peak memory is its own;
4. the four gradual semantics to convergence (1e-9) on random QBAFs up to
   1,000,000 nodes and 5,000,000 edges, with iteration counts.

Results go to ``benchmarks/results/reasoning.json``, the reasoning section of
``docs/benchmarks.md`` and ``docs/reasoning-scaling.png``.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.progress import Progress

from benchmarks.generators import barabasi_albert, erdos_renyi, random_qbaf
from benchmarks.peers import PEERS
from quaestio.reasoning import dung, iccma_io
from quaestio.reasoning.asp import asp_credulous, asp_extensions
from quaestio.reasoning.gradual import GRADUAL, strengths

ROOT = Path(__file__).resolve().parents[1]
SKIP_AFTER_S = 0.3  # slower than this at one size: not run at the next (10x larger)


def shared_dir() -> Path:
    import os

    for c in (
        ROOT.parent / "shared",
        Path(os.environ.get("QUAESTIO_SHARED", "/nonexistent")),
        Path("/work/shared"),
    ):
        if c.is_dir():
            return c
    raise FileNotFoundError("no shared/ folder")


def timed(fn: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
        if best > 0.5:
            break
    return best, result


def peers_suite(progress: Progress, sizes: list[int]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    families = {
        "ER avg degree 2": lambda n: erdos_renyi(n, 2 * n, seed=n),
        "BA k=2": lambda n: barabasi_albert(n, 2, seed=n),
    }
    jobs = len(families) * len(sizes) * len(PEERS) * 2
    task_id = progress.add_task("peers", total=jobs)
    slow: set[tuple[str, str, str]] = set()
    for family, make in families.items():
        for n in sizes:
            af = make(n)
            for name, factory in PEERS.items():
                prepare, run = factory()
                prepared = prepare(af)
                for task in ("GR", "DC-CO"):
                    progress.update(task_id, advance=1, description=f"{family} n={n} {name} {task}")
                    key = (family, name, task)
                    row: dict[str, Any] = {
                        "family": family,
                        "n": n,
                        "m": af.m,
                        "solver": name,
                        "task": task,
                    }
                    if key in slow:
                        row["skipped"] = f"slower than {SKIP_AFTER_S:g}s at a smaller size"
                    else:
                        try:
                            seconds, answer = timed(
                                lambda run=run, p=prepared, t=task, q=n // 2: run(
                                    p, t.split("-")[-1], q
                                )
                            )
                            row["seconds"] = seconds
                            row["answer"] = _short(answer)
                            if seconds > SKIP_AFTER_S:
                                slow.add(key)
                        except NotImplementedError as exc:
                            row["skipped"] = str(exc)
                    rows.append(row)
    return rows


def _short(answer: object) -> object:
    if isinstance(answer, tuple):
        answer = answer[0]
    if isinstance(answer, list) and answer and isinstance(answer[0], frozenset | set | list):
        answer = answer[0]
    if isinstance(answer, frozenset | set | list):
        return f"{len(answer)} args"
    return answer


def iccma_suite(progress: Progress) -> list[dict[str, Any]]:
    base = shared_dir() / "iccma" / "iccma2019-medium-b1-probo2"
    start = time.perf_counter()
    af = iccma_io.read_file(base / "Medium-result-b1.apx")
    parse_s = time.perf_counter() - start
    arg = af.index((base / "Medium-result-b1.arg").read_text().strip())
    ours: dict[str, Callable[[], object]] = {
        "SE-GR": lambda: dung.some_extension(af, "GR"),
        "DC-CO": lambda: dung.credulous(af, "CO", arg),
        "DS-PR": lambda: dung.sceptical(af, "PR", arg),
        "EE-PR": lambda: len(dung.extensions(af, "PR")),
        "EE-ST": lambda: len(dung.extensions(af, "ST")),
        "EE-SST": lambda: len(dung.extensions(af, "SST")),
        "SE-ID": lambda: dung.some_extension(af, "ID"),
    }
    theirs: dict[str, Callable[[], object]] = {
        "SE-GR": lambda: asp_extensions(af, "GR")[0],
        "DC-CO": lambda: asp_credulous(af, "CO", arg),
        "DS-PR": lambda: all(arg in e for e in asp_extensions(af, "PR")),
        "EE-PR": lambda: len(asp_extensions(af, "PR")),
        "EE-ST": lambda: len(asp_extensions(af, "ST")),
        "EE-SST": lambda: len(asp_extensions(af, "SST")),
    }
    task_id = progress.add_task("ICCMA medium", total=len(ours))
    rows = []
    for task, fn in ours.items():
        progress.update(task_id, advance=1, description=f"ICCMA medium {task}")
        ours_s, ours_answer = timed(fn)
        row: dict[str, Any] = {
            "task": task,
            "quaestio_s": ours_s,
            "answer": _short(ours_answer),
            "parse_s": parse_s,
        }
        if task in theirs:
            row["clingo_s"], their_answer = timed(theirs[task])
            row["agree"] = _short(their_answer) == _short(ours_answer)
        rows.append(row)
    return rows


def scaling_suite(progress: Progress, sizes: list[int], degree: int) -> list[dict[str, Any]]:
    rows = []
    task_id = progress.add_task("grounded scaling", total=2 * len(sizes))
    with tempfile.TemporaryDirectory() as tmp:
        for family in ("Erdős–Rényi", "Barabási–Albert"):
            for n in sizes:
                progress.update(task_id, advance=1, description=f"grounded {family} n={n}")
                af = (
                    erdos_renyi(n, degree * n, seed=1)
                    if family == "Erdős–Rényi"
                    else barabasi_albert(n, degree, seed=1)
                )
                path = Path(tmp) / "af.i23"
                path.write_bytes(iccma_io.write_i23(af))
                size_mb = path.stat().st_size / 1e6
                out = subprocess.run(
                    [sys.executable, "-m", "benchmarks.grounded_job", str(path)],
                    capture_output=True,
                    text=True,
                    check=True,
                    cwd=ROOT,
                )
                row = json.loads(out.stdout) | {"family": family, "file_mb": size_mb}
                if n <= 100_000:
                    row["clingo_s"], _ = timed(lambda: asp_extensions(af, "GR"), repeat=1)  # noqa: B023
                rows.append(row)
    return rows


def gradual_suite(progress: Progress, sizes: list[int]) -> list[dict[str, Any]]:
    rows = []
    task_id = progress.add_task("gradual", total=len(sizes) * len(GRADUAL))
    for n in sizes:
        q = random_qbaf(n, 5 * n, seed=2)
        for sem in GRADUAL:
            progress.update(task_id, advance=1, description=f"gradual {sem} n={n}")
            start = time.perf_counter()
            result = strengths(q, sem, tol=1e-9)
            rows.append(
                {
                    "n": n,
                    "edges": 5 * n,
                    "semantics": sem,
                    "seconds": time.perf_counter() - start,
                    "iterations": result.iterations,
                    "converged": result.converged,
                }
            )
    return rows


def machine() -> dict[str, Any]:
    import numpy
    import scipy

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only (a minute)")
    args = parser.parse_args(argv)
    peer_sizes = [100, 1000] if args.quick else [100, 1000, 10_000]
    scale_sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    results: dict[str, Any] = {"machine": machine(), "quick": args.quick}
    with Progress() as progress:
        results["peers"] = peers_suite(progress, peer_sizes)
        results["iccma"] = iccma_suite(progress)
        results["grounded_scaling"] = scaling_suite(progress, scale_sizes, degree=10)
        results["gradual"] = gradual_suite(progress, scale_sizes)
    out = ROOT / "benchmarks" / "results" / "reasoning.json"
    out.write_text(json.dumps(results, indent=1, default=str) + "\n")
    from benchmarks.report import draw, write_markdown

    draw(results, ROOT / "docs" / "reasoning-scaling.png")
    write_markdown(results, ROOT / "docs" / "benchmarks.md")
    print(f"wrote {out}, docs/benchmarks.md and docs/reasoning-scaling.png")


if __name__ == "__main__":
    main()
