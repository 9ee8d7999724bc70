"""Freed memory is kept for reuse: a large temporary array costs page faults once, not each time."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent(
    """
    import resource, sys
    import numpy as np
    from quaestio.malloc import keep_freed_memory
    kept = keep_freed_memory() if sys.argv[1] == "keep" else None
    np.ones(1 << 18).sum()  # numpy warmed up: its own first allocations are not counted
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(20):  # temporaries of 16 and 8 MB, as the weighing makes, freed at once
        a = np.ones(1 << 21)
        b = np.ones(1 << 20)
        c = a[: 1 << 20] + b
        del a, b, c
    print(kept, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
    """
)


def _faults(mode: str) -> tuple[str, int]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True
    ).stdout.split()
    return out[0], int(out[1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_a_kept_process_reuses_the_pages_of_freed_arrays() -> None:
    kept, with_kept = _faults("keep")
    _, default = _faults("default")
    assert kept == "True"
    # By default glibc hands the pages back after each round and faults them in again
    # the next (about 30,000 faults here); kept, the first round's pages serve them all.
    assert with_kept * 5 < default
