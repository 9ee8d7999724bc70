"""One measurement in a fresh process: read an i23 file, compute grounded, report time and memory.

Run as ``python -m benchmarks.grounded_job FILE``; prints one JSON line. A fresh
process per size keeps the peak-memory figure honest (taken before numba loads).
Then the compiled kernel is loaded and grounded computed again, to show both paths.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import numpy as np

from quaestio.reasoning import kernels
from quaestio.reasoning.iccma_io import read_file
from quaestio.reasoning.labelling import IN, grounded_labelling


def peak_mb() -> float:
    """Peak resident memory of this process image (VmHWM; ru_maxrss would include the parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(path: str) -> None:
    start = time.perf_counter()
    af = read_file(path, "i23")
    parsed = time.perf_counter()
    labels = grounded_labelling(af)  # numpy rounds unless the framework is huge
    done = time.perf_counter()
    peak = peak_mb()
    kernels.warm()
    loaded = time.perf_counter()
    compiled = grounded_labelling(af)
    compiled_done = time.perf_counter()
    print(
        json.dumps(
            {
                "n": af.n,
                "m": af.m,
                "parse_s": parsed - start,
                "grounded_s": done - parsed,
                "total_s": done - start,
                "in": int((labels == IN).sum()),
                "peak_mb": peak,
                "kernel_load_s": loaded - done,
                "compiled_s": compiled_done - loaded,
                "same": bool(np.array_equal(labels, compiled)),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
