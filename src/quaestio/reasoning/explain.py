"""Why a verdict comes out as it does: Shapley contributions and the flip point.

Both work on a *scorer*: a function from a batch of weight vectors and presence
masks over the debate's nodes to the strengths of its positions. That keeps
them independent of which semantics (gradual or ACH) produced the numbers.

Contributions: the Shapley value of each evidence item in the game "strength of
this position when only these evidence items are present". Players are the
evidence items with a path to the position. With at most ``EXACT_LIMIT``
players every coalition is evaluated (exact); beyond that we average marginal
contributions over ``samples_for(k)`` random orderings (256, fewer past 31
players so that a position costs about ``ROW_BUDGET`` evaluations) drawn with a fixed seed
(Castro et al. 2009), so results are reproducible and the sum still equals the
full strength minus the strength with no evidence.

Flip point: for each evidence item, the weight nearest its current one at which
another position overtakes the top one; found on a grid over [0, 1] and refined
by bisection; the smallest change over all items is reported with its size (the
robustness margin).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import factorial

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
Scorer = Callable[[FloatArray, NDArray[np.bool_]], FloatArray]

EXACT_LIMIT = 12
SAMPLES = 256
#: evaluations spent on one position's sampled contributions: with many players
#: fewer orderings are drawn (never fewer than MIN_SAMPLES), keeping large debates fast
ROW_BUDGET = 8192
MIN_SAMPLES = 32
#: rows of weight vectors evaluated at once: bounds memory on large debates
CHUNK = 1024
SEED = 20240531
GRID = 41
BISECT = 30


@dataclass(frozen=True)
class Flip:
    """Setting ``evidence``'s weight to ``new_weight`` (from ``old_weight``) changes the top."""

    evidence: str
    new_weight: float
    margin: float
    old_weight: float = 0.0
    new_top: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "evidence": self.evidence,
            "old_weight": self.old_weight,
            "new_weight": self.new_weight,
            "margin": self.margin,
            "new_top": self.new_top,
        }


def samples_for(k: int) -> int:
    """How many random orderings to average for ``k`` players."""
    return max(MIN_SAMPLES, min(SAMPLES, ROW_BUDGET // (k + 1)))


def _in_chunks(
    scorer: Scorer,
    base: FloatArray,
    n_rows: int,
    fill: Callable[[FloatArray, NDArray[np.bool_], slice], None],
) -> FloatArray:
    """Score ``n_rows`` variations of ``base`` at most ``CHUNK`` rows at a time.

    ``fill(weights, present, rows)`` writes the variation of each row of the
    chunk in place, so a 2,000-node debate never holds more than one chunk of
    full-width weight vectors.
    """
    out: list[FloatArray] = []
    for start in range(0, n_rows, CHUNK):
        rows = slice(start, min(n_rows, start + CHUNK))
        size = rows.stop - rows.start
        weights = np.tile(base, (size, 1))
        present = np.ones((size, base.size), dtype=bool)
        fill(weights, present, rows)
        out.append(scorer(weights, present))
    return np.concatenate(out) if out else np.zeros((0, 0))


def shapley(
    scorer_for: Callable[[int], Scorer],
    base: FloatArray,
    players_by_position: Sequence[Sequence[int]],
) -> tuple[list[dict[int, float]], bool]:
    """Shapley values per position (node index -> value); flag says whether all were exact.

    ``scorer_for(pos)`` may return a scorer that only computes column ``pos``
    (e.g. only the part of the debate connected to that position).
    """
    blocks: list[tuple[int, NDArray[np.bool_], NDArray[np.int64] | None, int]] = []
    for pos, players in enumerate(players_by_position):
        k = len(players)
        if k == 0:
            continue
        if k <= EXACT_LIMIT:
            codes = np.arange(2**k)
            rows = ((codes[:, None] >> np.arange(k)) & 1).astype(bool)
            blocks.append((pos, rows, None, k))
        else:
            rng = np.random.default_rng(SEED + pos)
            perms = np.array([rng.permutation(k) for _ in range(samples_for(k))])
            ranks = np.argsort(perms, axis=1)  # rank of each player in each ordering
            steps = np.arange(k + 1)
            rows = (ranks[:, None, :] < steps[None, :, None]).reshape(-1, k)
            blocks.append((pos, rows, perms, k))
    out: list[dict[int, float]] = [{} for _ in players_by_position]
    if not blocks:
        return out, True
    exact_all = True
    for pos, rows, order, k in blocks:
        players = players_by_position[pos]
        cols = list(players)

        def fill(
            _w: FloatArray,
            present: NDArray[np.bool_],
            part: slice,
            rows: NDArray[np.bool_] = rows,
            cols: list[int] = cols,
        ) -> None:
            present[:, cols] = rows[part]

        v = _in_chunks(scorer_for(pos), base, rows.shape[0], fill)[:, pos]
        if order is None:
            size = rows.sum(axis=1)
            weight = np.array(
                [factorial(s) * factorial(k - s - 1) / factorial(k) for s in range(k)]
            )
            codes = np.arange(2**k)
            for i, node in enumerate(players):
                without = codes[(codes >> i) & 1 == 0]
                gain = v[without | (1 << i)] - v[without]
                out[pos][node] = float(np.sum(weight[size[without]] * gain))
        else:
            exact_all = False
            samples = samples_for(k)
            v = v.reshape(samples, k + 1)
            marg = np.diff(v, axis=1)  # marginal of the player added at each step
            totals = np.zeros(k)
            np.add.at(totals, order.ravel(), marg.ravel())
            for i, node in enumerate(players):
                out[pos][node] = float(totals[i] / samples)
    return out, exact_all


def ranking_order(strengths: FloatArray) -> list[int]:
    """Strongest first; ties keep document order."""
    return sorted(range(strengths.size), key=lambda i: (-strengths[i], i))


def flip_point(
    scorer: Scorer, base: FloatArray, candidates: Sequence[int], ids: Sequence[str], top: int
) -> Flip | None:
    """The smallest single weight change (over ``candidates``) that dethrones ``top``."""
    if not candidates:
        return None
    m = base.size
    cand = np.array(candidates)
    grid = np.linspace(0.0, 1.0, GRID)
    changed = np.repeat(cand, GRID)
    values = np.tile(grid, cand.size)

    def fill(weights: FloatArray, _present: NDArray[np.bool_], part: slice) -> None:
        weights[np.arange(part.stop - part.start), changed[part]] = values[part]

    scores = _in_chunks(scorer, base, cand.size * GRID, fill)
    flipped = _dethroned(scores, top).reshape(cand.size, GRID)
    old = base[cand]
    lo = old.copy()
    hi = np.full(cand.size, np.nan)
    for j in range(cand.size):
        hits = np.flatnonzero(flipped[j])
        if hits.size:
            hi[j] = grid[hits[np.argmin(np.abs(grid[hits] - old[j]))]]
    live = np.flatnonzero(~np.isnan(hi))
    if live.size == 0:
        return None
    lo, hi, cand, old = lo[live], hi[live], cand[live], old[live]
    for _ in range(BISECT):  # keep lo not flipped, hi flipped
        mid = (lo + hi) / 2
        w = np.tile(base, (cand.size, 1))
        w[np.arange(cand.size), cand] = mid
        f = _dethroned(scorer(w, np.ones((cand.size, m), dtype=bool)), top)
        hi = np.where(f, mid, hi)
        lo = np.where(f, lo, mid)
    change = np.abs(hi - old)
    best = int(np.argmin(change))
    w = base.copy()
    w[cand[best]] = hi[best]
    final = scorer(w[None, :], np.ones((1, m), dtype=bool))[0]
    return Flip(
        evidence=ids[int(cand[best])],
        new_weight=float(hi[best]),
        margin=float(change[best]),
        old_weight=float(old[best]),
        new_top=ids[ranking_order(final)[0]],
    )


def _dethroned(scores: FloatArray, top: int) -> NDArray[np.bool_]:
    others = np.delete(scores, top, axis=1)
    if others.shape[1] == 0:
        return np.zeros(scores.shape[0], dtype=bool)
    return np.asarray(others.max(axis=1) > scores[:, top] + 1e-12)
