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

import weakref
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from quaestio.errors import ValidationError
from quaestio.model import Debate

RATINGS = {"CC": 2.0, "C": 1.0, "N": 0.0, "I": -1.0, "II": -2.0, "NA": float("nan")}
STRONG = 0.8


@dataclass(frozen=True)
class AchMatrix:
    evidence: tuple[str, ...]
    positions: tuple[str, ...]
    ratings: dict[tuple[str, str], str]
    credibility: dict[str, float]
    relevance: dict[str, float]
    inconsistency: dict[str, float] = field(default_factory=dict)
    consistency: dict[str, float] = field(default_factory=dict)
    diagnosticity: dict[str, float] = field(default_factory=dict)
    #: cells set by the analyst (the debate's ratings or explicit overrides); others derived
    analyst: frozenset[tuple[str, str]] = frozenset()

    def origin(self, evidence: str, position: str) -> str:
        """``"analyst"`` for a cell a person set, ``"derived"`` for one quaestio worked out."""
        return "analyst" if (evidence, position) in self.analyst else "derived"

    def values(self) -> NDArray[np.float64]:
        """Ratings as numbers, evidence rows by position columns (NA is nan)."""
        return np.array(
            [[RATINGS[self.ratings[(e, p)]] for p in self.positions] for e in self.evidence],
            dtype=np.float64,
        ).reshape(len(self.evidence), len(self.positions))

    def strength(self, position: str) -> float:
        return 1.0 / (1.0 + self.inconsistency[position])

    def to_dict(self) -> dict[str, object]:
        return {
            "positions": list(self.positions),
            "evidence": list(self.evidence),
            "ratings": {
                e: {p: self.ratings[(e, p)] for p in self.positions} for e in self.evidence
            },
            "credibility": self.credibility,
            "relevance": self.relevance,
            "inconsistency": self.inconsistency,
            "consistency": self.consistency,
            "diagnosticity": self.diagnosticity,
            "analyst": {
                e: [p for p in self.positions if (e, p) in self.analyst]
                for e in self.evidence
                if any((e, p) in self.analyst for p in self.positions)
            },
        }


def derived_ratings(debate: Debate) -> dict[tuple[str, str], str]:
    rebutted = {target for _, e in debate.iter_evidence() for target in e.rebuts}
    out: dict[tuple[str, str], str] = {}
    for position, e in debate.iter_evidence():
        for other in debate.positions:
            if other.id != position.id:
                out[(e.id, other.id)] = "N"
            elif e.stance == "for":
                if e.id in rebutted:
                    out[(e.id, other.id)] = "N"
                else:
                    out[(e.id, other.id)] = "CC" if e.weight >= STRONG else "C"
            else:
                out[(e.id, other.id)] = "II" if e.weight >= STRONG else "I"
    return out


def _apply(
    ratings: dict[tuple[str, str], str],
    cells: dict[tuple[str, str], str],
    analyst: set[tuple[str, str]],
) -> None:
    """Put ``cells`` over ``ratings`` (in place), refusing unknown cells and ratings."""
    for (e, p), value in cells.items():
        if (e, p) not in ratings:
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
    evidence = tuple(e.id for _, e in debate.iter_evidence())
    positions = tuple(p.id for p in debate.positions)
    analyst: set[tuple[str, str]] = set()
    _apply(ratings, dict(debate.ach_ratings()), analyst)
    _apply(ratings, dict(overrides or {}), analyst)
    items = [e for _, e in debate.iter_evidence()]
    cred = {
        e.id: float(e.weight if e.credibility is None else e.credibility) for e in items
    } | dict(credibility or {})
    rel = {e.id: 1.0 if e.relevance is None else float(e.relevance) for e in items} | dict(
        relevance or {}
    )
    partial = AchMatrix(evidence, positions, ratings, cred, rel)
    values = partial.values()
    scale = np.array([cred[e] * rel[e] for e in evidence]).reshape(-1, 1)
    clean = np.nan_to_num(values, nan=0.0)
    incons = (np.maximum(-clean, 0.0) * scale).sum(axis=0)
    cons = (np.maximum(clean, 0.0) * scale).sum(axis=0)
    diag: dict[str, float] = {}
    for i, e in enumerate(evidence):
        row = values[i][~np.isnan(values[i])]
        diag[e] = float((row.max() - row.min()) / 4.0) if row.size > 1 else 0.0
    return AchMatrix(
        evidence,
        positions,
        ratings,
        cred,
        rel,
        {p: float(incons[j]) for j, p in enumerate(positions)},
        {p: float(cons[j]) for j, p in enumerate(positions)},
        diag,
        frozenset(analyst),
    )
