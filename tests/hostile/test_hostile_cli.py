"""Every hostile file, and a few mutants per reader, through ``quaestio check`` under limits.

Each reader runs in its own worker process capped by RLIMIT_AS
(``limits.READ_MEMORY_BYTES``); a file fails the test if it ends in a
traceback, kills the worker, takes more than ``limits.READ_SECONDS`` of CPU, or
hits the memory cap. ``HOSTILE_MUTANTS`` sets the number of seeded mutants per
reader (default 12; the full sweep of 300 per reader is ``python -m benchmarks hostile``).
"""

from __future__ import annotations

import os

import pytest
from hostile_corpus import READERS, cases, hostile
from hostile_harness import run

MUTANTS = int(os.environ.get("HOSTILE_MUTANTS", "12"))


@pytest.mark.parametrize("reader", READERS)
def test_no_reader_crashes_hangs_or_eats_memory(reader: str) -> None:
    inputs = cases(reader, len(hostile(reader)) + MUTANTS, seed=1)
    outcome = run(reader, inputs)
    assert len(outcome.results) == len(inputs)
    bad = [(r["name"], r["status"], r["cpu"], r["detail"]) for r in outcome.failures()]
    assert bad == []
    # Every refusal names the file it refused (the CLI prints "error: <file>...").
    for r in outcome.results:
        if r["status"] == "clean":
            assert "error:" in str(r["detail"]) and str(r["name"]) in str(r["detail"])
