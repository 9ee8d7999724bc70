"""Request and response bodies of the argument graph: typed relations and schools."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

#: "rebuts" is the handout's counter-point -> point pair; the rest are the graph's kinds
RelationKindIn = Literal[
    "rebuts", "support", "attack", "undercut", "contrary", "contradictory", "rephrase"
]
ClaimId = Field(min_length=1, max_length=64)


class RelationIn(BaseModel):
    """A link from one claim to another (or, for an attack or undercut, to a relation)."""

    model_config = ConfigDict(extra="forbid")
    kind: RelationKindIn = "rebuts"
    source: str = ClaimId
    target: str = Field(
        min_length=1, max_length=64, description="a claim id, or a relation id (attack, undercut)"
    )
    text: str = Field(default="", max_length=10_000)
    weight: float = Field(default=0.5, ge=0.0, le=1.0)


class RelationOut(BaseModel):
    """A rebuttal (``id`` and ``version`` null: it moves its source point's version) or a
    typed relation with its own id and version."""

    id: str | None = None
    kind: RelationKindIn
    source: str
    target: str
    text: str = ""
    weight: float = 0.5
    origin: dict[str, Any] | None = None
    version: int | None = None


class RelationPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    kind: (
        Literal["support", "attack", "undercut", "contrary", "contradictory", "rephrase"] | None
    ) = None
    source: str | None = Field(default=None, min_length=1, max_length=64)
    target: str | None = Field(default=None, min_length=1, max_length=64)
    text: str | None = Field(default=None, max_length=10_000)
    weight: float | None = Field(default=None, ge=0.0, le=1.0)


class SchoolIn(BaseModel):
    """A named group of positions (e.g. the structural historians)."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=500)
    positions: list[str] = []
    description: str = Field(default="", max_length=10_000)


class SchoolOut(BaseModel):
    id: str
    name: str
    positions: list[str]
    description: str
    version: int


class SchoolPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    name: str | None = Field(default=None, min_length=1, max_length=500)
    positions: list[str] | None = None
    description: str | None = Field(default=None, max_length=10_000)
