"""Random frameworks for the benchmarks, generated with numpy in bulk."""

from __future__ import annotations

import numpy as np

from quaestio.reasoning.af import ArgumentationFramework
from quaestio.reasoning.gradual import QBAF


def erdos_renyi(n: int, m: int, seed: int = 0) -> ArgumentationFramework:
    """``m`` attacks with attacker and target drawn uniformly (G(n, m), self-attacks allowed)."""
    rng = np.random.default_rng(seed)
    return ArgumentationFramework(
        n, rng.integers(0, n, m).astype(np.int32), rng.integers(0, n, m).astype(np.int32)
    )


def barabasi_albert(n: int, k: int, seed: int = 0) -> ArgumentationFramework:
    """Preferential attachment: each new argument attacks ``k`` earlier ones.

    Batagelj & Brandes (2005): slot ``2j+1`` copies a uniformly chosen earlier
    slot; the copy chains are resolved by vectorised pointer jumping instead of
    a Python loop over ten million edges.
    """
    rng = np.random.default_rng(seed)
    m = (n - 1) * k
    slots = np.empty(2 * m, dtype=np.int64)
    edge = np.arange(m)
    slots[0::2] = 1 + edge // k  # the new argument of each edge
    pick = (rng.random(m) * (2 * edge + 1)).astype(np.int64)  # an earlier slot (or 0-node)
    pick[0] = -1
    ptr = pick.copy()
    resolved = np.full(m, -1, dtype=np.int64)
    todo = np.arange(m)
    while todo.size:
        p = ptr[todo]
        first = p < 0
        resolved[todo[first]] = 0
        even = (~first) & (p % 2 == 0)
        resolved[todo[even]] = slots[p[even]]
        odd = (~first) & ~even
        ptr[todo[odd]] = pick[(p[odd] - 1) // 2]
        todo = todo[odd]
    slots[1::2] = resolved
    src = slots[0::2].astype(np.int32)
    dst = slots[1::2].astype(np.int32)
    return ArgumentationFramework(n, src, dst)


def random_qbaf(n: int, m: int, seed: int = 0) -> QBAF:
    """Half the edges attacks, half supports, base scores uniform in [0, 1]."""
    rng = np.random.default_rng(seed)
    src = rng.integers(0, n, m)
    dst = rng.integers(0, n, m)
    half = m // 2
    return QBAF(rng.uniform(0, 1, n), src[:half], dst[:half], src[half:], dst[half:])


def slow_kialo(positions: int, points: int, title: str = "Why did it happen?") -> bytes:
    """A Kialo discussion export, one thesis and ``positions`` claims of ``points`` each.

    The Kialo reader takes seconds on a file of a few thousand claims, which is what
    the tests of long imports (jobs, progress, cancelling, budgets) need.
    """
    out = ["Discussion Name:", title, "", "1. Thesis:", title, ""]
    for i in range(1, positions + 1):
        out += [f"  1.{i}.", f"  Cause number {i} mattered most.", ""]
        for j in range(1, points + 1):
            kind = "Pro" if j % 2 else "Con"
            out += [f"    1.{i}.{j}. {kind}:", f"    Point {j} about cause {i}, in {1700 + j}.", ""]
    return "\n".join(out).encode()
