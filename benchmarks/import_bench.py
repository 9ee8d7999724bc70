"""Import benchmark: the seed handout, and synthetic Word-table text of growing size.

Run: python -m benchmarks.import_bench [--seed PATH] (results also go to docs/benchmarks.md)
Prints the seed's import time and, for tables of 250 to 4000 rows, the time per
row and the Python function calls per row: both stay flat when the import
scales linearly, and the call count does not depend on how busy the machine is.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from pathlib import Path

from benchmarks.sections import machine_line, replace_section
from quaestio.importer import import_bytes

ROOT = Path(__file__).resolve().parents[1]


def synthetic(rows: int) -> bytes:
    """A three-column handout with ``rows`` positions, labelled points, years and figures."""
    out = ["Synthetic handout: Causes of the long table", "\tArguments", "\tFor", "\tAgainst", ""]
    for n in range(rows):
        out += [
            f"\tView number {n}",
            f"A summary sentence for view {n}. (Smith, Jones-{n % 7}, Brown)",
            f"\tLabel {n % 5}: in {1800 + n % 200}, 3/5 of {n} towns agreed.",
            f"· a second point with {n * 10} people in 19{n % 90 + 10}",
            f"\tLabel {n % 5}: the records of {1850 + n % 100} say otherwise.",
            "",
        ]
    out += ["\tConclusion", "A closing paragraph."]
    return "\n".join(out).encode()


def timed(data: bytes, name: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        import_bytes(data, name)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def calls(data: bytes) -> int:
    """Python function calls for one import: a load-independent measure of the work done."""
    profile = cProfile.Profile()
    profile.enable()
    import_bytes(data, "synthetic.txt")
    profile.disable()
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--seed", type=Path, default=ROOT.parent / "shared/seeds/000_4a46fc8bcf2e9123.txt"
    )
    args = parser.parse_args()
    seed = args.seed if args.seed.is_file() else Path("/work/shared/seeds/000_4a46fc8bcf2e9123.txt")
    import_bytes(seed.read_bytes(), str(seed))  # warm up imports and the historian table
    seed_ms = timed(seed.read_bytes(), str(seed), 20) * 1000
    print(f"seed ({seed.stat().st_size} bytes): {seed_ms:.1f} ms")
    lines = [
        "",
        "## Importing handouts",
        "",
        machine_line(),
        "",
        f"The seed handout ({seed.stat().st_size:,} bytes) imports in {seed_ms:.1f} ms (median of 20).",
        "Synthetic Word-table text of growing size (median of 5); Python calls per row do not",
        "depend on the machine's load, and staying flat shows the import is linear.",
        "",
        "| rows | bytes | seconds | ms per row | Python calls per row |",
        "|---:|---:|---:|---:|---:|",
    ]
    print("rows  bytes     seconds  ms/row  calls/row")
    for rows in (250, 500, 1000, 2000, 4000):
        data = synthetic(rows)
        seconds = timed(data, "synthetic.txt", 5)
        per_row = calls(data) / rows
        ms_row = seconds / rows * 1000
        print(f"{rows:<5} {len(data):<9} {seconds:<8.3f} {ms_row:<7.3f} {per_row:.0f}")
        lines.append(f"| {rows:,} | {len(data):,} | {seconds:.3f} | {ms_row:.3f} | {per_row:.0f} |")
    replace_section("import", [*lines, ""])


if __name__ == "__main__":
    main()
