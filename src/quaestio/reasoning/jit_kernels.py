"""The numba-compiled loops themselves; imported only through ``kernels`` (numba is slow to import).

Defined at module level so numba's on-disk cache (``cache=True``) finds them again
in the next process instead of compiling anew.
"""

from __future__ import annotations

from typing import Any

import numba


@numba.njit(cache=True, nogil=True)  # type: ignore[untyped-decorator]
def propagate(out_ptr: Any, out_cols: Any, live: Any, labels: Any, queue: Any, queued: int) -> int:
    head = 0
    while head < queued:
        u = queue[head]
        head += 1
        for k in range(out_ptr[u], out_ptr[u + 1]):
            v = out_cols[k]
            if labels[v] != 0:
                continue
            labels[v] = -1
            for j in range(out_ptr[v], out_ptr[v + 1]):
                w = out_cols[j]
                live[w] -= 1
                if live[w] == 0 and labels[w] == 0:
                    labels[w] = 1
                    queue[queued] = w
                    queued += 1
    return queued


@numba.njit(cache=True, nogil=True)  # type: ignore[untyped-decorator]
def backward_reach(in_ptr: Any, in_cols: Any, labels: Any, start: int, seen: Any, out: Any) -> int:
    out[0] = start
    seen[start] = 1
    found = 1
    head = 0
    while head < found:
        u = out[head]
        head += 1
        for k in range(in_ptr[u], in_ptr[u + 1]):
            v = in_cols[k]
            if labels[v] == 0 and seen[v] == 0:
                seen[v] = 1
                out[found] = v
                found += 1
    return found
