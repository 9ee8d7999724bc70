"""The class's verdict: the balance of evidence under the students' mean weights.

Each student rates points (their own weights, Kialo-style impact votes); the class's
weight of a point is the mean of the students who rated it, and a point nobody rated
keeps the class default, which is the teacher's own weight where the teacher set one
and the debate's otherwise. When the teacher has locked the weights the class default
is all there is. Beside the class's ranking, each position shows how far the students'
own rankings spread (the best and worst rank a student's weights give it, and how many
put it first), so a teacher sees whether the class verdict is a consensus or an average
of opposite views. Pure: the store gathers the weights, this module only computes.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quaestio.model import Debate
from quaestio.reasoning.balance import WORDS, balance
from quaestio.study.verdict import PlainVerdict, plain_verdict


@dataclass(frozen=True)
class NodeRating:
    """The class's weight of one node: mean, spread (population sd), how many rated it."""

    node_id: str
    mean: float
    spread: float
    raters: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "node_id": self.node_id,
            "mean": round(self.mean, 4),
            "spread": round(self.spread, 4),
            "raters": self.raters,
        }


@dataclass(frozen=True)
class ClassStanding:
    """One position in the class's ranking, with the spread of the students' own ranks."""

    id: str
    title: str
    rank: int
    standing: str
    best_rank: int
    worst_rank: int
    first_for: int  # students whose own weights put it first (alone or level)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "rank": self.rank,
            "standing": self.standing,
            "words": WORDS.get(self.standing, self.standing),
            "best_rank": self.best_rank,
            "worst_rank": self.worst_rank,
            "first_for": self.first_for,
        }


@dataclass(frozen=True)
class ClassVerdict:
    raters: int  # students who rated at least one point (none counted when locked)
    locked: bool
    defaults: str  # where unrated points take their weight: "teacher" or "debate"
    weights: dict[str, float]  # the class's weights (mean, else the class default)
    ratings: tuple[NodeRating, ...]
    positions: tuple[ClassStanding, ...]
    verdict: PlainVerdict

    @property
    def disputed(self) -> list[NodeRating]:
        """The points the class disagrees on most (largest spread, at least two raters)."""
        split = [r for r in self.ratings if r.raters > 1 and r.spread > 0]
        return sorted(split, key=lambda r: (-r.spread, r.node_id))[:5]

    @property
    def consensus(self) -> bool:
        """Every student's own weights give the class's leader(s) first place."""
        top = [p for p in self.positions if p.rank == 1]
        return bool(top) and self.raters > 0 and all(p.worst_rank == 1 for p in top)

    def to_dict(self) -> dict[str, Any]:
        return {
            "raters": self.raters,
            "locked": self.locked,
            "defaults": self.defaults,
            "consensus": self.consensus,
            "positions": [p.to_dict() for p in self.positions],
            "ratings": [r.to_dict() for r in self.ratings],
            "disputed": [r.to_dict() for r in self.disputed],
            "summary": [p.to_dict() for p in self.verdict.summary],
            "reasons": [p.to_dict() for p in self.verdict.reasons],
        }


def class_weights(
    students: Mapping[Any, Mapping[str, float]], defaults: Mapping[str, float]
) -> tuple[dict[str, float], list[NodeRating]]:
    """The class's weight of every node rated or defaulted, and the per-node ratings."""
    values: dict[str, list[float]] = {}
    for own in students.values():
        for node, value in own.items():
            values.setdefault(node, []).append(float(value))
    ratings = [
        NodeRating(n, statistics.fmean(v), statistics.pstdev(v), len(v))
        for n, v in sorted(values.items())
    ]
    weights = dict(defaults)
    weights.update({r.node_id: r.mean for r in ratings})
    return weights, ratings


def class_verdict(
    debate: Debate,
    students: Mapping[Any, Mapping[str, float]],
    teacher: Mapping[str, float] | None = None,
    *,
    locked: bool = False,
) -> ClassVerdict:
    """The verdict under the class's weights, with the spread of the students' own ranks.

    ``students`` maps each student to their own weights (node id -> weight); only those
    who rated something count. ``teacher`` is the teacher's own weights: the class
    default for any point a student did not rate. ``locked``: the students' ratings are
    set aside and the class verdict is the teacher's.
    """
    ids = set(debate.node_ids())
    defaults = {k: float(v) for k, v in (teacher or {}).items() if k in ids}
    raters = {
        s: {k: float(v) for k, v in own.items() if k in ids}
        for s, own in students.items()
        if not locked
    }
    raters = {s: own for s, own in raters.items() if own}
    weights, ratings = class_weights(raters, defaults)
    weighed = debate.with_weights(weights)
    overall = balance(weighed)
    ranks = overall.ranks()
    own_ranks = [
        balance(debate.with_weights({**defaults, **own})).ranks() for own in raters.values()
    ]
    positions = tuple(
        ClassStanding(
            id=p.id,
            title=p.title,
            rank=ranks[p.id],
            standing=p.standing,
            best_rank=min((r[p.id] for r in own_ranks), default=ranks[p.id]),
            worst_rank=max((r[p.id] for r in own_ranks), default=ranks[p.id]),
            first_for=sum(1 for r in own_ranks if r[p.id] == 1),
        )
        for p in overall.positions
    )
    return ClassVerdict(
        raters=len(raters),
        locked=locked,
        defaults="teacher" if defaults else "debate",
        weights=weights,
        ratings=tuple(ratings),
        positions=positions,
        verdict=plain_verdict(debate, weights),
    )
