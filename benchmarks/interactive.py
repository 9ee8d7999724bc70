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
from tests.reasoning.reasoning_debates import linked_debate, random_debate

from benchmarks.sections import machine_line, replace_section
from quaestio.formats import read_path
from quaestio.model import Debate, Evidence, Position
from quaestio.reasoning import GRADUAL, evaluate, evaluate_all, explain
from quaestio.reasoning.evaluation import SEMANTICS_TITLES
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


#: the same runs on commit 76b4a09, before explanations became batched sparse passes
#: (ms; "rank only" = the page showed rankings without explanations past 30 points)
BEFORE = {
    "generated 10 × 20": ("99.7 ms", "340.3 ms", "3.4 ms (rank only)"),
    "generated 20 × 100": ("3,628.8 ms", "19,941.6 ms", "31.7 ms (rank only)"),
}


def sampling_error() -> list[str]:
    """Largest gap between sampled and exact contributions on debates where both can run."""
    rows = [
        "",
        "Largest gap between sampled and exact contributions (one position of k points,",
        "three debates per k; exact = every coalition evaluated). With rebuttals (two in",
        "five counter-points rebut a point) every coalition is a graph pass; with direct",
        "points only, orderings are evaluated by running sums and many more are drawn:",
        "",
        "| semantics | points | k = 15 | k = 16 | k = 17 |",
        "|---|---|---:|---:|---:|",
    ]
    for sem in GRADUAL:
        for rebut, kind in ((0.4, "with rebuttals"), (0.0, "direct only")):
            cells = []
            for k in (15, 16, 17):
                worst = 0.0
                for seed in (1, 2, 3):
                    debate = random_debate(1, k, seed=seed, rebut=rebut)
                    sampled = evaluate(debate, sem).ranking[0].contributions
                    explain.EXACT_LIMIT, limit = 20, explain.EXACT_LIMIT
                    try:
                        exact = evaluate(debate, sem).ranking[0].contributions
                    finally:
                        explain.EXACT_LIMIT = limit
                    worst = max(worst, *(abs(sampled[e] - v) for e, v in exact.items()))
                cells.append(f"{worst:.4f}")
            rows.append(f"| {SEMANTICS_TITLES[sem]} | {kind} | {' | '.join(cells)} |")
            print(rows[-1], flush=True)
    return rows


def main() -> None:
    rows = ["", "## The verdict slider", "", machine_line(), ""]
    rows += [
        "Median time to recompute after one weight changes (budget: 100 ms for a handout).",
        "`compare` is what the verdict page calls: DF-QuAD, QE, Euler, h-categorizer, ACH,",
        "grounded and preferred side by side, each gradual one with Shapley contributions",
        "(exact up to 14 points per position, sampled beyond) and the flip point.",
        "The linked debate has a mutual rebuttal (an attack cycle) in every position and",
        "each position's first counter-point also rebutting a point of the next one, so",
        "the whole debate is one connected part with twenty cycles.",
        "",
        "| debate | points | dfquad (one semantics) | all 8 semantics | verdict page (`compare`) |",
        "|---|---:|---:|---:|---:|",
    ]
    debates = [
        ("imported seed", read_path(SEED).debate),
        ("bundled example", read_path(EXAMPLE).debate),
        ("generated 10 × 20", generated(10, 20)),
        ("generated 20 × 100", generated(20, 100)),
        ("generated 40 × 100", generated(40, 100)),
        ("linked 20 × 100, with cycles", linked_debate(20, 100, seed=1)),
    ]
    for name, debate in debates:
        first = next(e.id for _, e in debate.iter_evidence())
        points = sum(len(p.evidence) for p in debate.positions)
        few = 3 if points > 500 else 9
        one = _median_ms(lambda w, d=debate, n=first: evaluate(d, "dfquad", {n: w}), few)
        every = _median_ms(lambda w, d=debate, n=first: evaluate_all(d, {n: w}), few)
        page = _median_ms(lambda w, d=debate, n=first: compare(d, {n: w}), few)
        assert compare(debate, {}).columns[0].evaluation is not None
        rows.append(f"| {name} | {points} | {one:.1f} ms | {every:.1f} ms | {page:.1f} ms |")
        print(rows[-1], flush=True)
    rows += ["", "Before (commit 76b4a09, same machine):", ""]
    rows += ["| debate | dfquad | all 8 semantics | verdict page |", "|---|---:|---:|---:|"]
    rows += [f"| {name} | {a} | {b} | {c} |" for name, (a, b, c) in BEFORE.items()]
    rows += sampling_error()
    replace_section("interactive", [*rows, ""])


if __name__ == "__main__":
    main()
