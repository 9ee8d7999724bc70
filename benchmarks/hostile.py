"""Hostile-input sweep: N inputs per reader through the real CLI under resource limits.

Run: python -m benchmarks.hostile [--per-reader 300] [--readers docx html ...] [--jobs 2]
Each reader gets its hand-made hostile files (tests/hostile/hostile_corpus.py) plus
seeded mutants of a valid sample up to ``--per-reader`` inputs, all run by
``quaestio check`` in a worker capped by RLIMIT_AS (``limits.READ_MEMORY_BYTES``)
with a CPU budget of ``limits.READ_SECONDS`` per input. Prints, per reader, inputs
tried / accepted / clean errors / tracebacks / over budget, and writes the table to
the "hostile" section of docs/deployment.md. Pass: 0 tracebacks, 0 over budget.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.sections import machine_line, replace_section

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "hostile.json"
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

from hostile_corpus import READERS, cases  # noqa: E402
from hostile_harness import Outcome, run, table  # noqa: E402

from quaestio.limits import READ_MEMORY_BYTES, READ_SECONDS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-reader", type=int, default=300)
    parser.add_argument("--readers", nargs="*", default=list(READERS))
    parser.add_argument("--jobs", type=int, default=2, help="readers swept at once")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/")
    args = parser.parse_args()
    started = time.perf_counter()

    def one(reader: str) -> Outcome:
        t0 = time.perf_counter()
        outcome = run(reader, cases(reader, args.per_reader, seed=0))
        row = outcome.row()
        print(
            f"{reader:10} {row['inputs']:4} inputs  {row['clean errors']:4} clean  "
            f"{row['tracebacks']} tracebacks  {row['over budget']} over budget  "
            f"({time.perf_counter() - t0:.0f} s)",
            flush=True,
        )
        for failure in outcome.failures():
            print(f"    {failure['name']}: {failure['status']} {failure['detail']}", flush=True)
        return outcome

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(one, args.readers))
    print(table([o.row() for o in outcomes]))
    bad = sum(len(o.failures()) for o in outcomes)
    # Rows of readers not swept this time are kept from earlier runs (with their date).
    stored: dict[str, dict[str, object]] = (
        json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    )
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    for o in outcomes:
        stored[o.reader] = {**o.row(), "measured": when}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(stored, indent=1) + "\n")
    text = table([stored[r] for r in READERS if r in stored])
    lines = [
        machine_line(),
        "",
        f"`python -m benchmarks.hostile --per-reader {args.per_reader}` "
        f"(last run {time.perf_counter() - started:.0f} s; rows of readers not in that run come "
        "from `benchmarks/results/hostile.json`, dated there): every input through "
        "`quaestio check` in a "
        f"worker capped at {READ_MEMORY_BYTES // 2**20} MB of address space, "
        f"{READ_SECONDS:.0f} s of CPU per input.",
        "",
        text,
    ]
    if not args.no_write:
        replace_section("hostile", lines, ROOT / "docs" / "deployment.md")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
