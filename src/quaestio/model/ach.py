"""Changing the analyst's ACH judgements of a debate, as pure functions.

The CLI (``quaestio ach``) and anything else that edits a debate held in memory
use these, so a rating is checked the same way wherever it is set: the
evidence item and position must exist, the rating must be one of Heuer's, and
credibility / relevance must lie in [0, 1]. Clearing a cell hands it back to
the derived rating.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import replace

from quaestio.errors import NotFoundError, ValidationError
from quaestio.model.debate import ACH_RATINGS, AchRating, Debate, Evidence

WEIGHTS = ("credibility", "relevance")


def _edit(debate: Debate, evidence_id: str, change: Callable[[Evidence], Evidence]) -> Debate:
    """``debate`` with one evidence item replaced by ``change(item)``."""
    if evidence_id not in debate.evidence_by_id():
        raise NotFoundError(f"no evidence {evidence_id!r} in the debate", field="evidence")
    positions = tuple(
        replace(
            p,
            evidence=tuple(change(e) if e.id == evidence_id else e for e in p.evidence),
        )
        for p in debate.positions
    )
    return replace(debate, positions=positions)


def set_rating(debate: Debate, evidence_id: str, position_id: str, rating: str | None) -> Debate:
    """Rate one cell (``None`` clears it); a new rating goes after the item's others."""
    if position_id not in debate.position_by_id():
        raise NotFoundError(f"no position {position_id!r} in the debate", field="position")
    code = None if rating is None else rating.strip().upper()
    if code is not None and code not in ACH_RATINGS:
        raise ValidationError(
            f"rating {rating!r} is not one of {', '.join(ACH_RATINGS)}", field="rating"
        )

    def change(e: Evidence) -> Evidence:
        kept = tuple(r for r in e.ach if r.position != position_id)
        if code is None:
            return replace(e, ach=kept)
        old = next((i for i, r in enumerate(e.ach) if r.position == position_id), None)
        new = AchRating(position_id, code)  # type: ignore[arg-type]
        if old is None:
            return replace(e, ach=(*kept, new))
        return replace(e, ach=(*e.ach[:old], new, *e.ach[old + 1 :]))

    return _edit(debate, evidence_id, change)


def _weight(name: str, value: float | None) -> float | None:
    if value is not None and (math.isnan(value) or not 0.0 <= value <= 1.0):
        raise ValidationError(f"{name} {value} is outside [0, 1]", field=name)
    return value


def set_weights(debate: Debate, evidence_id: str, changes: Mapping[str, float | None]) -> Debate:
    """Set an item's ACH ``credibility`` and/or ``relevance``; ``None`` clears one."""
    unknown = sorted(set(changes) - set(WEIGHTS))
    if unknown:
        raise ValidationError(f"{unknown[0]!r} is not credibility or relevance", field=unknown[0])
    checked = {name: _weight(name, value) for name, value in changes.items()}
    return _edit(debate, evidence_id, lambda e: replace(e, **checked))  # type: ignore[arg-type]
