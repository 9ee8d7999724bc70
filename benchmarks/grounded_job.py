"""One measurement in a fresh process: read an i23 file, compute grounded, report time and memory.

Run as ``python -m benchmarks.grounded_job FILE``; prints one JSON line. A fresh
process per size keeps the peak-memory figure honest.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from quaestio.reasoning.iccma_io import read_file
from quaestio.reasoning.labelling import IN, grounded_labelling


def main(path: str) -> None:
    start = time.perf_counter()
    af = read_file(path, "i23")
    parsed = time.perf_counter()
    labels = grounded_labelling(af)
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "n": af.n,
                "m": af.m,
                "parse_s": parsed - start,
                "grounded_s": done - parsed,
                "total_s": done - start,
                "in": int((labels == IN).sum()),
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
