"""The balance of evidence: the default verdict, which the layout of a handout cannot move.

The semantics in ``evaluation`` add up points: a position with more bullets, or
with its sub-bullets split into separate points, gains strength, and a position
whose "countering" column is empty looks strong. A history teacher weighs claims,
not bullets. So this verdict aggregates each side of a position by its *weightiest*
claim (a maximum, not a sum): splitting a point into parts that keep its weight and
its rebuttals, adding a restatement of a point, or reordering points or positions
cannot change it (a hypothesis property test checks exactly that).

For each position:

* a supporting point is *answered* when a counter-point at least as weighty meets
  it: one that rebuts it by name (or is nested against it), or one that rebuts nothing and so answers the
  position as a whole (handouts differ in whether they pair counter-points with
  points; pairing must not change the verdict);
* ``standing`` is the weight of the weightiest unanswered supporting point, ``against``
  the weight of the weightiest counter-point;
* the standing is ``holds`` (some support survives every counter-point aimed at it),
  ``contested`` (every supporting point is met), ``weakened`` (the counter-points
  outweigh all support), ``against-only`` (counter-points and no support),
  ``not-argued`` (support and no counter-point at all: the handout has not tested
  it, which is not strength) or ``empty``.

A point with weight 0 is set aside by the teacher and counts for nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process as fuzz_process

from quaestio.model import Debate, Evidence, Position

Standing = Literal["holds", "contested", "weakened", "against-only", "not-argued", "empty"]

# the ranking among positions the handout argues both ways; untested ones come after
LEVEL: dict[str, int] = {
    "holds": 0,
    "contested": 1,
    "weakened": 2,
    "against-only": 3,
    "not-argued": 4,
    "empty": 5,
}
WORDS: dict[str, str] = {
    "holds": "holds up",
    "contested": "contested",
    "weakened": "weakened",
    "against-only": "weakest",
    "not-argued": "not yet argued",
    "empty": "no evidence given",
}


@dataclass(frozen=True)
class PositionBalance:
    """One position's standing, and the points that decide it (ids, document order)."""

    id: str
    title: str
    standing: Standing
    best_for: float
    best_against: float
    standing_for: float
    unanswered: tuple[str, ...]  # supporting points no counter-point meets
    answered: tuple[tuple[str, tuple[str, ...]], ...]  # (point, the counter-points meeting it)
    general: tuple[str, ...]  # counter-points that answer the position as a whole
    supporting: tuple[str, ...]
    countering: tuple[str, ...]

    @property
    def level(self) -> int:
        return LEVEL[self.standing]

    def key(self) -> tuple[int, float, float]:
        """Ordering key: level, then the margin of the weightiest claims (max, never a sum)."""
        return (self.level, -(self.standing_for - self.best_against), -self.best_for)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "standing": self.standing,
            "words": WORDS[self.standing],
            "unanswered": list(self.unanswered),
            "answered": [{"point": p, "by": list(by)} for p, by in self.answered],
            "general": list(self.general),
        }


@dataclass(frozen=True)
class Balance:
    """Every position's standing, strongest first; equal keys share a rank."""

    positions: tuple[PositionBalance, ...]

    def ranks(self) -> dict[str, int]:
        """Competition ranks (1, 2, 2, 4) by ``PositionBalance.key``."""
        out: dict[str, int] = {}
        previous: tuple[int, float, float] | None = None
        rank = 0
        for i, row in enumerate(self.positions, start=1):
            if row.key() != previous:
                rank, previous = i, row.key()
            out[row.id] = rank
        return out

    def by_standing(self, *standings: str) -> list[PositionBalance]:
        return [p for p in self.positions if p.standing in standings]

    def strongest(self) -> list[PositionBalance]:
        """The best argued positions, if one level is better than the rest; else nothing."""
        argued = [p for p in self.positions if p.level <= LEVEL["against-only"]]
        if not argued:
            return []
        best = argued[0].key()
        top = [p for p in argued if p.key() == best]
        return top if len(top) < len(argued) else []

    def weakest(self) -> list[PositionBalance]:
        argued = [p for p in self.positions if p.level <= LEVEL["against-only"]]
        if len(argued) < 2:
            return []
        worst = argued[-1].key()
        low = [p for p in argued if p.key() == worst]
        return low if len(low) < len(argued) else []

    def to_dict(self) -> dict[str, object]:
        ranks = self.ranks()
        return {
            "method": "balance of evidence",
            "positions": [p.to_dict() | {"rank": ranks[p.id]} for p in self.positions],
        }


def _weight(e: Evidence) -> float:
    return float(e.weight)


DUPLICATE = 90  # rapidfuzz token-set ratio at which two points are one claim restated
_MIN_TOKENS = 4  # shorter points are compared as whole strings only


def _same_claim(a: Evidence, b: Evidence) -> bool:
    """Near-duplicates: one point restates the other (reworded, reordered or with an aside)."""
    ta, tb = fuzz_process(a.text), fuzz_process(b.text)
    if ta == tb:
        return True
    if min(len(ta.split()), len(tb.split())) < _MIN_TOKENS:
        return False
    return fuzz.token_set_ratio(ta, tb) >= DUPLICATE


def claims(points: list[Evidence]) -> list[list[Evidence]]:
    """Points grouped into claims: near-duplicates of one another are one claim."""
    groups: list[list[Evidence]] = []
    for point in points:
        home = next((g for g in groups if any(_same_claim(point, o) for o in g)), None)
        if home is None:
            groups.append([point])
        else:
            home.append(point)
    return groups


def position_balance(position: Position) -> PositionBalance:
    support = [e for e in position.supporting if _weight(e) > 0]
    counter = [e for e in position.countering if _weight(e) > 0]
    # a nested point against a supporting point answers it by name, as a rebuttal does;
    # nested points for a point are parts of that claim, already counted by its weight
    for point in list(support):
        for child in position.children_of(point.id):
            if child.stance == "against" and _weight(child) > 0:
                counter.append(replace(child, rebuts=(*child.rebuts, point.id)))
    support_ids = {e.id for e in support}
    general = [c for c in counter if not any(t in support_ids for t in c.rebuts)]
    answered: list[tuple[str, tuple[str, ...]]] = []
    unanswered: list[Evidence] = []
    for claim in claims(support):
        weight = max(_weight(e) for e in claim)
        ids = {e.id for e in claim}
        meeting = [
            c for c in counter if (ids & set(c.rebuts) or c in general) and _weight(c) >= weight
        ]
        if meeting:
            answered += [(e.id, tuple(c.id for c in meeting)) for e in claim]
        else:
            unanswered += claim
    unanswered.sort(key=support.index)
    answered.sort(key=lambda pair: [e.id for e in support].index(pair[0]))
    best_for = max((_weight(e) for e in support), default=0.0)
    best_against = max((_weight(e) for e in counter), default=0.0)
    standing_for = max((_weight(e) for e in unanswered), default=0.0)
    standing: Standing
    if not support and not counter:
        standing = "empty"
    elif not counter:
        standing = "not-argued"
    elif not support:
        standing = "against-only"
    elif unanswered:
        standing = "holds"
    elif best_against > best_for:
        standing = "weakened"
    else:
        standing = "contested"
    return PositionBalance(
        position.id,
        position.title,
        standing,
        best_for,
        best_against,
        standing_for,
        tuple(e.id for e in unanswered),
        tuple(answered),
        tuple(c.id for c in general),
        tuple(e.id for e in support),
        tuple(e.id for e in counter),
    )


def balance(debate: Debate) -> Balance:
    """The balance of evidence for every position of ``debate``, strongest first.

    Equal standings keep the handout's order for display only; ``Balance.ranks``
    gives them the same rank, so reordering the handout cannot change a rank.
    """
    rows = [position_balance(p) for p in debate.positions]
    rows.sort(key=lambda r: r.key())
    return Balance(tuple(rows))
