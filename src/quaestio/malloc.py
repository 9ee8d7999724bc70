"""Let a short-lived process that computes with numpy reuse the memory it frees.

glibc serves every block of 128 KB or more as a mapping of its own and hands it
back to the kernel when it is freed, so each temporary array of that size comes
as fresh pages, every one of them faulted in and zeroed on first touch. The
weighing of a 2,000-point debate makes hundreds of such temporaries (orderings x
players, rows x nodes): in a fresh process the page faults doubled its time
(``evaluate --semantics all --json``: 0.80 s of CPU for the weighing against
0.46 s with freed memory kept; glibc raises its threshold as it goes, but only
after the process has paid for it). A command-line run and a forked child of the
server each live for one piece of work, so keeping what they free until they
exit costs nothing a later request would miss.

Only glibc has ``mallopt`` with these meanings; anywhere else this does nothing.
"""

from __future__ import annotations

import sys

#: glibc's ``mallopt`` parameters (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
#: blocks below this come from the heap, and freed memory up to twice it stays there
MMAP_THRESHOLD = 32 << 20


def keep_freed_memory() -> bool:
    """Serve large blocks from the heap and keep freed ones; whether glibc agreed."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(_M_TRIM_THRESHOLD, 2 * MMAP_THRESHOLD)
    )
