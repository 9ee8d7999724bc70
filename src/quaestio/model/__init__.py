"""The debate model: frozen dataclasses and their validation, with no I/O."""

from quaestio.model.debate import (
    DEFAULT_WEIGHT,
    FORMAT_VERSION,
    POLARITIES,
    STANCES,
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Figure,
    Historian,
    Polarity,
    Position,
    Problem,
    Source,
    Stance,
    Warning,
)
from quaestio.model.ids import IdAllocator, consequence_id, evidence_id, position_id
from quaestio.model.validate import validate

__all__ = [
    "DEFAULT_WEIGHT",
    "FORMAT_VERSION",
    "POLARITIES",
    "STANCES",
    "Conclusion",
    "Consequence",
    "Debate",
    "Evidence",
    "Figure",
    "Historian",
    "IdAllocator",
    "Polarity",
    "Position",
    "Problem",
    "Source",
    "Stance",
    "Warning",
    "consequence_id",
    "evidence_id",
    "position_id",
    "validate",
]
