"""Analysis of Competing Hypotheses (Heuer 1999) over a debate.

Positions are the hypotheses, evidence items the rows. A derived rating says
how an item bears on each position: a for-point is consistent (C) with its own
position, or very consistent (CC) when its weight is at least ``STRONG`` and
nobody rebuts it; a for-point that some counter-point rebuts drops to neutral
(N) because its support is contested; an against-point is inconsistent (I)
with its position, very inconsistent (II) at ``STRONG`` weight or more; every
item is neutral towards the other positions. Any cell can be overridden with
CC, C, N, I, II or NA (not applicable).

The analyst's own judgements travel with the debate (``Evidence.ach``,
``Evidence.credibility``, ``Evidence.relevance``) and are applied by default,
so every caller (evaluation, verdicts, exports) sees them; explicit
``overrides`` / ``credibility`` / ``relevance`` arguments win over them.
``AchMatrix.analyst`` says which cells a person set, the rest are derived.

Following Heuer, positions are ranked by *inconsistency*: the sum over items of
``credibility x relevance x (1 for I, 2 for II)``. Credibility defaults to the
item's weight, relevance to 1. The strength reported for ranking is
``1 / (1 + inconsistency)`` (in [0, 1], 1 = nothing speaks against it).
Diagnosticity of an item is the spread of its ratings over the positions,
scaled to [0, 1]: an item that rates every hypothesis alike cannot tell them apart.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass, field

from quaestio.errors import ValidationError
from quaestio.model import Debate

RATINGS = {"CC": 2.0, "C": 1.0, "N": 0.0, "I": -1.0, "II": -2.0, "NA": float("nan")}
STRONG = 0.8


#: what a cell is when nothing sets it: every item is neutral towards the other positions
DEFAULT = "N"


@dataclass(frozen=True)
class AchMatrix:
    """The matrix, held sparse: only cells that differ from ``DEFAULT`` or that an analyst set.

    A debate with P positions and E items has P x E cells, nearly all of them the
    neutral default; holding them densely made a 10,000-position debate cost tens
    of gigabytes. Every figure is computed from the explicit cells alone.
    """

    evidence: tuple[str, ...]
    positions: tuple[str, ...]
    #: the explicit cells (derived ones other than ``DEFAULT`` and every analyst's)
    ratings: dict[tuple[str, str], str]
    credibility: dict[str, float]
    relevance: dict[str, float]
    inconsistency: dict[str, float] = field(default_factory=dict)
    consistency: dict[str, float] = field(default_factory=dict)
    diagnosticity: dict[str, float] = field(default_factory=dict)
    #: cells set by the analyst (the debate's ratings or explicit overrides); others derived
    analyst: frozenset[tuple[str, str]] = frozenset()

    def rating(self, evidence: str, position: str) -> str:
        """The rating of one cell (``DEFAULT`` where nothing sets it)."""
        return self.ratings.get((evidence, position), DEFAULT)

    def origin(self, evidence: str, position: str) -> str:
        """``"analyst"`` for a cell a person set, ``"derived"`` for one quaestio worked out."""
        return "analyst" if (evidence, position) in self.analyst else "derived"

    def strength(self, position: str) -> float:
        return 1.0 / (1.0 + self.inconsistency[position])

    def rows(self) -> dict[str, dict[str, str]]:
        """The explicit cells by evidence item, then position (items with none left out)."""
        order = {p: i for i, p in enumerate(self.positions)}
        out: dict[str, dict[str, str]] = {}
        for (e, p), r in sorted(self.ratings.items(), key=lambda c: order[c[0][1]]):
            out.setdefault(e, {})[p] = r
        return out

    def to_dict(self) -> dict[str, object]:
        rows = self.rows()
        return {
            "positions": list(self.positions),
            "evidence": list(self.evidence),
            "default": DEFAULT,
            # sparse: a cell left out is the default rating, derived
            "ratings": {e: rows[e] for e in self.evidence if e in rows},
            "credibility": self.credibility,
            "relevance": self.relevance,
            "inconsistency": self.inconsistency,
            "consistency": self.consistency,
            "diagnosticity": self.diagnosticity,
            "analyst": _analyst_rows(self.analyst, self.evidence, self.positions),
        }


def _analyst_rows(
    analyst: frozenset[tuple[str, str]], evidence: tuple[str, ...], positions: tuple[str, ...]
) -> dict[str, list[str]]:
    """The analyst's cells by item, items and positions in the matrix's order."""
    order = {p: i for i, p in enumerate(positions)}
    by_item: dict[str, list[str]] = {}
    for e, p in analyst:
        by_item.setdefault(e, []).append(p)
    return {e: sorted(by_item[e], key=order.__getitem__) for e in evidence if e in by_item}


def derived_ratings(debate: Debate) -> dict[tuple[str, str], str]:
    """The derived cells that are not ``DEFAULT``: each item towards its own position."""
    rebutted = {target for _, e in debate.iter_evidence() for target in e.rebuts}
    out: dict[tuple[str, str], str] = {}
    for position, e in debate.iter_evidence():
        if e.stance == "for":
            if e.id in rebutted:
                out[(e.id, position.id)] = "N"
            else:
                out[(e.id, position.id)] = "CC" if e.weight >= STRONG else "C"
        else:
            out[(e.id, position.id)] = "II" if e.weight >= STRONG else "I"
    return out


def _apply(
    ratings: dict[tuple[str, str], str],
    cells: dict[tuple[str, str], str],
    analyst: set[tuple[str, str]],
    evidence: frozenset[str],
    positions: frozenset[str],
) -> None:
    """Put ``cells`` over ``ratings`` (in place), refusing unknown cells and ratings."""
    for (e, p), value in cells.items():
        if e not in evidence or p not in positions:
            raise ValidationError(f"no ACH cell for evidence {e!r} and position {p!r}", field="ach")
        if value.upper() not in RATINGS:
            raise ValidationError(
                f"rating {value!r} for ({e}, {p}) is not one of {', '.join(RATINGS)}",
                field="ach",
            )
        ratings[(e, p)] = value.upper()
        analyst.add((e, p))


def ach_matrix(
    debate: Debate,
    overrides: dict[tuple[str, str], str] | None = None,
    relevance: dict[str, float] | None = None,
    credibility: dict[str, float] | None = None,
) -> AchMatrix:
    """The ACH matrix of ``debate``: derived ratings, then the analyst's, then ``overrides``.

    The matrix of the last debate asked without ``overrides``, ``relevance`` or
    ``credibility`` is kept (by identity; a debate is immutable): ``evaluate`` asks
    for it twice, for the ACH ranking and for the matrix it prints, and each costs
    0.08 s at 2,000 points. Treat the result as read-only.
    """
    global _last
    plain = not overrides and not relevance and not credibility
    if plain and _last is not None and _last[0]() is debate:
        return _last[1]
    matrix = _matrix(debate, overrides, relevance, credibility)
    if plain:
        _last = (weakref.ref(debate), matrix)
    return matrix


_last: tuple[weakref.ref[Debate], AchMatrix] | None = None


def _matrix(
    debate: Debate,
    overrides: dict[tuple[str, str], str] | None,
    relevance: dict[str, float] | None,
    credibility: dict[str, float] | None,
) -> AchMatrix:
    ratings = derived_ratings(debate)
    items = [e for _, e in debate.iter_evidence()]
    evidence = tuple(e.id for e in items)
    positions = tuple(p.id for p in debate.positions)
    analyst: set[tuple[str, str]] = set()
    known_e, known_p = frozenset(evidence), frozenset(positions)
    _apply(ratings, dict(debate.ach_ratings()), analyst, known_e, known_p)
    _apply(ratings, dict(overrides or {}), analyst, known_e, known_p)
    cred = {
        e.id: float(e.weight if e.credibility is None else e.credibility) for e in items
    } | dict(credibility or {})
    rel = {e.id: 1.0 if e.relevance is None else float(e.relevance) for e in items} | dict(
        relevance or {}
    )
    incons = dict.fromkeys(positions, 0.0)
    cons = dict.fromkeys(positions, 0.0)
    # per item: the explicit values (NA left out) and how many cells it sets at all
    seen: dict[str, list[float]] = {}
    explicit: dict[str, int] = {}
    for (e, p), r in ratings.items():
        explicit[e] = explicit.get(e, 0) + 1
        value = RATINGS[r]
        if math.isnan(value):
            continue
        seen.setdefault(e, []).append(value)
        scaled = value * cred[e] * rel[e]
        if value < 0:
            incons[p] -= scaled
        elif value > 0:
            cons[p] += scaled
    diag: dict[str, float] = {}
    for e in evidence:
        row = seen.get(e, [])
        if explicit.get(e, 0) < len(positions):
            row = [*row, RATINGS[DEFAULT]]
        diag[e] = (max(row) - min(row)) / 4.0 if len(row) > 1 else 0.0
    return AchMatrix(
        evidence, positions, ratings, cred, rel, incons, cons, diag, frozenset(analyst)
    )
