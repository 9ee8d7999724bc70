"""How long the verdict takes to recompute when a student moves a slider.

The web app's budget is 100 ms for a handout-sized debate; this measures it on
the imported seed and the bundled example (median of repeated runs, changing one
weight each time), and on generated debates of growing size. Run with
``python -m benchmarks.interactive``; results go to docs/benchmarks.md.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from tests.paths import EXAMPLE, SEED

from benchmarks.sections import machine_line, replace_section
from quaestio.formats import read_path
from quaestio.model import Debate, Evidence, Position
from quaestio.reasoning import evaluate, evaluate_all
from quaestio.web.pages.verdicts import compare


def _median_ms(run: Callable[[float], object], repeats: int = 15) -> float:
    run(0.5)  # warm-up
    times = []
    for i in range(repeats):
        started = time.perf_counter()
        run((i % 10) / 10)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def generated(positions: int, per_position: int) -> Debate:
    out = []
    for i in range(1, positions + 1):
        evidence = tuple(
            Evidence(
                f"p{i}.{'f' if j % 3 else 'a'}{j}",
                "for" if j % 3 else "against",
                f"point {j} of position {i}, 19{10 + j % 40}",
                weight=0.3 + 0.4 * ((i * j) % 7) / 7,
            )
            for j in range(1, per_position + 1)
        )
        out.append(Position(f"p{i}", f"Position {i}", evidence=evidence))
    return Debate("generated", positions=tuple(out))


def main() -> None:
    rows = ["", "## The verdict slider", "", machine_line(), ""]
    rows += [
        "Median time to recompute after one weight changes (budget: 100 ms for a handout).",
        "`compare` is what the verdict page calls: every semantics side by side with",
        "contributions and flip point.",
        "",
        "| debate | points | dfquad (one semantics) | all 8 semantics | verdict page (`compare`) |",
        "|---|---:|---:|---:|---:|",
    ]
    debates = [
        ("imported seed", read_path(SEED).debate),
        ("bundled example", read_path(EXAMPLE).debate),
        ("generated 10 × 20", generated(10, 20)),
        ("generated 20 × 100", generated(20, 100)),
    ]
    for name, debate in debates:
        first = next(e.id for _, e in debate.iter_evidence())
        points = sum(len(p.evidence) for p in debate.positions)
        few = 3 if points > 500 else 9
        one = _median_ms(lambda w, d=debate, n=first: evaluate(d, "dfquad", {n: w}), few)
        every = _median_ms(lambda w, d=debate, n=first: evaluate_all(d, {n: w}), few)
        page = _median_ms(lambda w, d=debate, n=first: compare(d, {n: w}), few)
        rows.append(f"| {name} | {points} | {one:.1f} ms | {every:.1f} ms | {page:.1f} ms |")
        print(rows[-1], flush=True)
    replace_section("interactive", [*rows, ""])


if __name__ == "__main__":
    main()
