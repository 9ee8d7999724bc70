"""Why a verdict comes out as it does: Shapley contributions and the flip point.

Both ask a *game* (``whatif.Game``) batched questions: the strength of one
position under many coalitions of its evidence, and the strengths of all
positions with one weight moved per row. That keeps them independent of which
semantics (gradual or ACH) produced the numbers, and lets each game answer from
the small part of the debate a question touches.

Contributions: the Shapley value of each evidence item in the game "strength of
this position when only these evidence items are present". Players are the
evidence items with a path to the position. With at most ``EXACT_LIMIT``
players every coalition is evaluated (exact); beyond that we average marginal
contributions over ``samples_for(k)`` random orderings (up to ``SAMPLES``, fewer
for big positions so that one costs about ``ROW_BUDGET`` evaluations), each
ordering used with its reverse, drawn with a fixed seed (Castro et al. 2009):
results are reproducible and the sum still equals the full strength minus the
strength with no evidence. A game that can evaluate a whole ordering by running
sums (``Game.prefixes``: a position whose points all act on it directly, and
ACH) gets up to ``PREFIX_SAMPLES`` orderings instead. Measured against exact
values where both run (15-17 players), sampled values are within about 0.01
(DF-QuAD) and 0.004 (the others).

Flip point: for each evidence item, the weight nearest its current one at which
another position overtakes the top one; found on a grid over [0, 1] (coarser when there
are many items, see ``GRID_CELLS``) and refined
by bisection of all items at once; the smallest change over all items is
reported with its size (the robustness margin).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from math import factorial

import numpy as np
from numpy.typing import NDArray

from quaestio.reasoning.whatif import Game

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]

EXACT_LIMIT = 14
SAMPLES = 1024
#: evaluations spent on one position's sampled contributions: with many players
#: fewer orderings are drawn (never fewer than MIN_SAMPLES), keeping large debates fast
ROW_BUDGET = 8192
MIN_SAMPLES = 32
#: orderings evaluated by running sums (a position whose points all act on it directly)
PREFIX_SAMPLES = 4096
PREFIX_BUDGET = 1 << 16
#: coalition cells (rows x players) built at once: bounds memory on large debates
CHUNK_CELLS = 1 << 22
SEED = 20240531
GRID = 41
#: grid cells (candidates x grid values) scored at once before bisecting: past about 640
#: candidates the grid is coarser (never under MIN_GRID values), since on a 2,000-point
#: debate its 82,000 cells were most of the verdict page's time; bisection still finds
#: the flipping weight to 1e-9
GRID_CELLS = GRID * 640
MIN_GRID = 11
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


def samples_for(k: int, prefixes: bool = False) -> int:
    """How many random orderings (an even number: each is used with its reverse) for ``k`` players.

    With ``prefixes`` (the game evaluates an ordering by running sums, see
    ``whatif.Game.prefixes``) an ordering is so cheap that many more are drawn.
    """
    if prefixes:
        n = max(MIN_SAMPLES, min(PREFIX_SAMPLES, PREFIX_BUDGET // (k + 1)))
    else:
        n = max(MIN_SAMPLES, min(SAMPLES, ROW_BUDGET // (k + 1)))
    return n + n % 2


def _exact(game: Game, pos: int, players: Sequence[int]) -> dict[int, float]:
    """Every coalition at once: ``v(S u {i}) - v(S)`` weighted by ``|S|! (k-|S|-1)! / k!``."""
    k = len(players)
    codes = np.arange(2**k)
    members = ((codes[None, :] >> np.arange(k)[:, None]) & 1).astype(bool)
    v = game.coalitions(pos, players, members)
    size = members.sum(axis=0)
    weight = np.array([factorial(s) * factorial(k - s - 1) / factorial(k) for s in range(k)])
    out: dict[int, float] = {}
    for i, node in enumerate(players):
        without = codes[(codes >> i) & 1 == 0]
        gain = v[without | (1 << i)] - v[without]
        out[node] = float(np.sum(weight[size[without]] * gain))
    return out


def _hashed(seed: int, shape: tuple[int, int]) -> NDArray[np.uint64]:
    """Pseudo-random keys, one per cell: splitmix64 of a counter, ``seed`` in its high
    half so that two seeds never share a stretch of the stream.

    Sorting a row of them gives a uniformly drawn ordering. numpy.random would do the
    same, and its import took a tenth of ``evaluate``'s start-up; splitmix64 passes
    BigCrush, far beyond what a mean over a few hundred orderings can notice.
    """
    z = np.arange(shape[0] * shape[1], dtype=np.uint64).reshape(shape)
    z += np.uint64((seed << 32) % (1 << 64))
    z *= np.uint64(0x9E3779B97F4A7C15)  # arithmetic modulo 2**64 (numpy wraps)
    z ^= z >> np.uint64(30)
    z *= np.uint64(0xBF58476D1CE4E5B9)
    z ^= z >> np.uint64(27)
    z *= np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    return z


@lru_cache(maxsize=64)
def _orderings(pos: int, k: int, samples: int) -> IntArray:
    """``samples`` orderings of ``k`` players, the second half the first reversed.

    Drawn with a fixed seed per position, so every semantics asked about one debate
    (``evaluate --semantics all`` asks four gradual ones and ACH) shares one draw.
    An entry holds about ``max(PREFIX_BUDGET, MIN_SAMPLES * k)`` indices (0.5 MB
    below 2,000 players), so a long-running server keeps tens of MB at most.
    """
    half = np.argsort(_hashed(SEED + pos, (samples // 2, k)), axis=1)
    perms = np.concatenate([half, half[:, ::-1]])
    perms.flags.writeable = False
    return perms


def _sampled(game: Game, pos: int, players: Sequence[int]) -> dict[int, float]:
    """Mean marginal contribution over orderings drawn with a fixed seed, each with its reverse.

    Along one ordering the coalitions are its prefixes, so an ordering costs
    ``k + 1`` evaluations and its marginals add up to ``v(all) - v(none)`` exactly;
    pairing an ordering with its reverse (antithetic sampling) cancels much of
    the variance for the nearly additive games gradual semantics make.
    """
    k = len(players)
    along = game.prefixes(pos, players)
    samples = samples_for(k, along is not None)
    perms = _orderings(pos, k, samples)
    steps = np.arange(k + 1)
    totals = np.zeros(k)
    per_chunk = max(1, CHUNK_CELLS // ((k + 1) * (k + 1 if along is None else 8)))
    for start in range(0, samples, per_chunk):
        order = perms[start : start + per_chunk]
        if along is not None:
            v = along(order)
        else:
            ranks = np.argsort(order, axis=1).T  # rank of each player in each ordering
            members = (ranks[:, :, None] < steps[None, None, :]).reshape(k, -1)
            v = game.coalitions(pos, players, members).reshape(order.shape[0], k + 1)
        totals += np.bincount(order.ravel(), weights=np.diff(v, axis=1).ravel(), minlength=k)
    return {node: float(totals[i] / samples) for i, node in enumerate(players)}


def shapley(
    game: Game, players_by_position: Sequence[Sequence[int]]
) -> tuple[list[dict[int, float]], bool]:
    """Shapley values per position (node index -> value); flag says whether all were exact."""
    out: list[dict[int, float]] = []
    exact_all = True
    for pos, players in enumerate(players_by_position):
        if not players:
            out.append({})
        elif len(players) <= EXACT_LIMIT:
            out.append(_exact(game, pos, players))
        else:
            exact_all = False
            out.append(_sampled(game, pos, players))
    return out, exact_all


def ranking_order(strengths: FloatArray) -> list[int]:
    """Strongest first; ties keep document order."""
    return sorted(range(strengths.size), key=lambda i: (-strengths[i], i))


def flip_point(
    game: Game, base: FloatArray, candidates: Sequence[int], ids: Sequence[str], top: int
) -> Flip | None:
    """The smallest single weight change (over ``candidates``) that dethrones ``top``.

    Every candidate is scored on the whole grid in one batch; then all candidates
    are bisected together, one batch per round, between their current weight
    (not flipped) and their nearest flipping grid value. A candidate whose
    bracket lies wholly farther from its weight than some other candidate's
    flipping value can no longer be the answer and leaves the batch, so later
    rounds evaluate a handful of rows; the result is the one bisecting all
    candidates to the end would give.
    """
    if not candidates:
        return None
    cand = np.asarray(candidates, dtype=np.intp)
    steps = max(MIN_GRID, min(GRID, GRID_CELLS // cand.size))
    grid = np.linspace(0.0, 1.0, steps)
    flipped = game.overtakes(np.repeat(cand, steps), np.tile(grid, cand.size), top)
    flipped = flipped.reshape(cand.size, steps)
    old = base[cand]
    dist = np.where(flipped, np.abs(grid[None, :] - old[:, None]), np.inf)
    live = np.isfinite(dist.min(axis=1))
    if not live.any():
        return None
    cand, old = cand[live], old[live]
    hi = grid[np.argmin(dist[live], axis=1)]
    lo = old.copy()
    for _ in range(BISECT):  # keep lo not flipped, hi flipped
        keep = np.abs(lo - old) <= np.abs(hi - old).min()
        cand, old, lo, hi = cand[keep], old[keep], lo[keep], hi[keep]
        mid = (lo + hi) / 2
        f = game.overtakes(cand, mid, top)
        hi = np.where(f, mid, hi)
        lo = np.where(f, lo, mid)
    change = np.abs(hi - old)
    best = int(np.argmin(change))
    final = game.moved(cand[best : best + 1], hi[best : best + 1])[0]
    return Flip(
        evidence=ids[int(cand[best])],
        new_weight=float(hi[best]),
        margin=float(change[best]),
        old_weight=float(old[best]),
        new_top=ids[ranking_order(final)[0]],
    )
