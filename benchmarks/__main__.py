"""Run every benchmark: ``python -m benchmarks`` (results in docs/benchmarks.md)."""

from __future__ import annotations

import runpy
import sys

SUITES = (
    "benchmarks.interactive",
    "benchmarks.import_bench",
    "benchmarks.api_read",
    "benchmarks.web_map",
    "benchmarks.reasoning",
    "benchmarks.cli_startup",
    "benchmarks.iccma_external",
    "benchmarks.evaluate_json",
    "benchmarks.hostile",
    "benchmarks.import_corpus",
    "benchmarks.large_debates",
    "benchmarks.pages_2000",
    "benchmarks.classroom_load",
    "benchmarks.study_rubric",
)

if __name__ == "__main__":
    chosen = sys.argv[1:] or [s.rsplit(".", 1)[1] for s in SUITES]
    for suite in SUITES:
        if suite.rsplit(".", 1)[1] in chosen:
            print(f"== {suite}", flush=True)
            sys.argv = [suite]
            runpy.run_module(suite, run_name="__main__")
