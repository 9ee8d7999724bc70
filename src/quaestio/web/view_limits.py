"""How large a debate each view may be asked to show, checked before any work.

A signed-in user can store a debate of 100,000 nodes (the readers' limit). Most
views stay linear and answer such a debate in about a second, but a few grow
with positions x points (the ACH matrix has a cell for each pair) or draw a
control for every node (the verdict's sliders), and an essay plan or quiz of
10,000 explanations is no use to anyone. Those views say "too large for this
view" at once, naming the limit and what to open instead, rather than letting
one request hold a worker (and gigabytes) for minutes. The API's study and
matrix endpoints apply the same table, so a page and its API agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from quaestio.errors import TooLargeError
from quaestio.model import Debate


@dataclass(frozen=True)
class ViewLimit:
    title: str
    positions: int
    points: int
    #: positions x points, for views with a cell per pair
    cells: int | None = None


LIMITS: dict[str, ViewLimit] = {
    "matrix": ViewLimit("The ACH matrix", positions=100, points=5_000, cells=150_000),
    "verdict": ViewLimit("The verdict page", positions=300, points=3_000),
    # one balance per student who rated, beside the class's own
    "class-verdict": ViewLimit("The class verdict", positions=300, points=3_000),
    "plan": ViewLimit("An essay plan", positions=1_000, points=10_000),
    "quiz": ViewLimit("A quiz", positions=1_000, points=10_000),
    "cards": ViewLimit("A deck of flashcards", positions=1_000, points=10_000),
}

#: what stays open for a debate of any size the store accepts
ALWAYS = "the table, the nested view, the map and the downloads"


def size_of(debate: Debate) -> tuple[int, int]:
    """(positions, points): points at every depth, consequences not counted."""
    return len(debate.positions), sum(len(p.evidence) for p in debate.positions)


def check_view(debate: Debate, view: str) -> None:
    """Refuse ``view`` of ``debate`` with a ``TooLargeError`` when it passes the limit."""
    limit = LIMITS.get(view)
    if limit is None:
        return
    positions, points = size_of(debate)
    over: str | None = None
    if positions > limit.positions:
        over = f"{positions:,} positions (this view shows up to {limit.positions:,})"
    elif points > limit.points:
        over = f"{points:,} points (this view shows up to {limit.points:,})"
    elif limit.cells is not None and positions * points > limit.cells:
        over = (
            f"{positions:,} positions x {points:,} points = {positions * points:,} cells"
            f" (this view shows up to {limit.cells:,})"
        )
    if over is not None:
        raise TooLargeError(
            f"{limit.title} is too large for this debate: it has {over}. "
            f"Open {ALWAYS} instead, or split the debate.",
            field="debate",
        )
