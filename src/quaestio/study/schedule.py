"""Spaced repetition with FSRS (the ``fsrs`` package), with states the store can keep as JSON.

The algorithm is the published FSRS scheduler, not a home-made one; this module
only pins it down so that it is reproducible (no interval fuzzing, times always
passed in) and wraps each card's memory state in a small record that round-trips
through JSON, keyed by the card id from ``make_cards``.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import fsrs

from quaestio.errors import QuaestioError

RATINGS: dict[str, int] = {"again": 1, "hard": 2, "good": 3, "easy": 4}
STATES = {1: "learning", 2: "review", 3: "relearning"}

_SCHEDULER = fsrs.Scheduler(enable_fuzzing=False)


@dataclass(frozen=True)
class CardState:
    """What the scheduler remembers about one card for one student."""

    card_id: str
    fsrs: dict[str, Any]
    reviews: int = 0
    lapses: int = 0

    @property
    def due(self) -> datetime:
        return datetime.fromisoformat(str(self.fsrs["due"]))

    @property
    def state(self) -> str:
        return STATES.get(int(self.fsrs["state"]), "learning")

    def to_json(self) -> dict[str, Any]:
        return {
            "card_id": self.card_id,
            "fsrs": dict(self.fsrs),
            "reviews": self.reviews,
            "lapses": self.lapses,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CardState:
        try:
            state = cls(
                card_id=str(data["card_id"]),
                fsrs=dict(data["fsrs"]),
                reviews=int(data.get("reviews", 0)),
                lapses=int(data.get("lapses", 0)),
            )
            fsrs.Card.from_dict(state.fsrs)  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError) as exc:
            raise QuaestioError(f"not a card review state: {exc}", field="card_state") from exc
        return state


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise QuaestioError("review times must carry a time zone (use UTC)", field="now")
    return moment.astimezone(UTC)


def _numeric_id(card_id: str) -> int:
    """fsrs wants an integer id; a checksum keeps it stable across runs."""
    return zlib.crc32(card_id.encode("utf-8")) + 1


def new_state(card_id: str, now: datetime) -> CardState:
    """A card never reviewed, due at ``now``."""
    card = fsrs.Card(card_id=_numeric_id(card_id), due=_aware(now))
    return CardState(card_id, dict(card.to_dict()))


def parse_rating(rating: int | str) -> int:
    """1-4 or again/hard/good/easy."""
    if isinstance(rating, int) and rating in RATINGS.values():
        return rating
    text = str(rating).strip().lower()
    if text in RATINGS:
        return RATINGS[text]
    if text.isdigit() and int(text) in RATINGS.values():
        return int(text)
    raise QuaestioError(
        f"rating {rating!r} is not one of again, hard, good, easy (or 1-4)", field="rating"
    )


def schedule(state: CardState, rating: int | str, now: datetime) -> CardState:
    """The state after reviewing the card at ``now`` with ``rating``."""
    value = parse_rating(rating)
    card = fsrs.Card.from_dict(state.fsrs)  # type: ignore[arg-type]
    updated, _log = _SCHEDULER.review_card(card, fsrs.Rating(value), _aware(now))
    return CardState(
        state.card_id,
        dict(updated.to_dict()),
        reviews=state.reviews + 1,
        lapses=state.lapses + (1 if value == RATINGS["again"] and state.reviews > 0 else 0),
    )


def retrievability(state: CardState, now: datetime) -> float:
    """FSRS's estimate of the chance of recalling the card at ``now``."""
    card = fsrs.Card.from_dict(state.fsrs)  # type: ignore[arg-type]
    return float(_SCHEDULER.get_card_retrievability(card, _aware(now)))


def due_cards(states: dict[str, CardState], now: datetime) -> list[str]:
    """Ids of the cards due at ``now``, most overdue first (ties by id, for stability)."""
    moment = _aware(now)
    due = [s for s in states.values() if s.due <= moment]
    return [s.card_id for s in sorted(due, key=lambda s: (s.due, s.card_id))]


def sync_states(
    card_ids: list[str], states: dict[str, CardState], now: datetime
) -> dict[str, CardState]:
    """States for exactly these cards: existing history kept, new cards added as due now."""
    return {cid: states.get(cid) or new_state(cid, now) for cid in card_ids}
