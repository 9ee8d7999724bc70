"""Compiled inner loops for big frameworks (numba), with the numpy versions as fallback.

Unit propagation for the grounded labelling is a queue walk: each argument and
each attack is touched once. Written as a Python loop it is too slow and written
as whole-array numpy rounds it pays ~50 µs of call overhead per round, which
dominates on frameworks of ten thousand arguments (a dozen rounds for a
millisecond of real work). numba compiles the queue walk to machine code.

Loading numba and its cached machine code costs about a second per process, more
than the numpy rounds need for anything below tens of millions of attacks. So the
compiled path is used once something has loaded it (``warm()``: long-running
processes such as the benchmark or a notebook call it once), and loaded on
demand only for frameworks of ``COLD_LOAD_SIZE`` and up. Debates in the web app
never touch it.

``QUAESTIO_NO_JIT=1`` forces the numpy path (the tests compare the two).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

JIT_MIN_SIZE = 0
"""Once loaded, the compiled walk beats the numpy rounds at every size (a knob for tests)."""
COLD_LOAD_SIZE = 20_000_000
"""From this many arguments plus attacks on, loading numba pays for itself in one call."""

Kernel = Callable[..., Any]


def use_jit(size: int) -> bool:
    if size < JIT_MIN_SIZE:
        return False
    if size < COLD_LOAD_SIZE and _compiled.cache_info().currsize == 0:
        return False
    return _compiled() is not None


def warm() -> bool:
    """Load (and if needed compile) the kernels now; False when numba is unavailable or off."""
    return _compiled() is not None


def propagate(
    out_ptr: NDArray[np.int64],
    out_cols: NDArray[np.int32],
    live: NDArray[np.int64],
    labels: NDArray[np.int8],
    queue: NDArray[np.int64],
    queued: int,
) -> None:
    """Run unit propagation in place from the IN arguments ``queue[:queued]``.

    ``live[a]`` counts the attackers of ``a`` not yet OUT; an argument whose
    count reaches zero becomes IN and joins the queue.
    """
    kernels = _compiled()
    assert kernels is not None
    kernels["propagate"](out_ptr, out_cols, live, labels, queue, queued)


def backward_reach(
    in_ptr: NDArray[np.int64], in_cols: NDArray[np.int32], labels: NDArray[np.int8], start: int
) -> NDArray[np.int64]:
    """Arguments labelled 0 (UNDEC) from which an attack path through such arguments reaches
    ``start`` (``start`` included), in the order a breadth-first walk backwards meets them."""
    kernels = _compiled()
    assert kernels is not None
    seen = np.zeros(labels.size, dtype=np.int8)
    out = np.empty(labels.size, dtype=np.int64)
    found = kernels["backward_reach"](in_ptr, in_cols, labels, start, seen, out)
    return out[:found]


@cache
def _compiled() -> dict[str, Kernel] | None:
    if os.environ.get("QUAESTIO_NO_JIT", "") not in ("", "0"):
        return None
    try:
        from quaestio.reasoning import jit_kernels
    except ImportError:  # pragma: no cover - numba is a dependency; kept for odd platforms
        return None
    # the first call loads the machine code (about half a second); pay it here, once,
    # on a one-argument framework with the argument types the real calls use
    ptr, cols, one = np.zeros(2, np.int64), np.zeros(0, np.int32), np.zeros(1, np.int8)
    jit_kernels.propagate(ptr, cols, np.zeros(1, np.int64), one, np.zeros(1, np.int64), 0)
    jit_kernels.backward_reach(ptr, cols, one, 0, np.zeros(1, np.int8), np.empty(1, np.int64))
    return {"propagate": jit_kernels.propagate, "backward_reach": jit_kernels.backward_reach}
