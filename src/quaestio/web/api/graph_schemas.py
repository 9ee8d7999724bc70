"""Request and response bodies of the argument graph: typed relations, schools, arguments,
conclusion claims and moves of points."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from quaestio.web.api.schemas import EvidenceOut

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


class ArgumentIn(BaseModel):
    """A premise-conclusion structure over claims of the debate (positions, points, claims)."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(default="", max_length=500)
    premises: list[Annotated[str, ClaimId]] = Field(
        description="claim ids; none for a defeasible argument that presumes its conclusion"
    )
    conclusion: str = Field(min_length=1, max_length=64, description="a claim id")
    inference: str = Field(default="", max_length=10_000, description="the inference in words")


class ArgumentOut(BaseModel):
    id: str
    title: str
    premises: list[str]
    conclusion: str
    inference: str
    origin: dict[str, Any] | None = None
    version: int


class ArgumentPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    title: str | None = Field(default=None, max_length=500)
    premises: list[Annotated[str, ClaimId]] | None = Field(default=None, max_length=10_000)
    conclusion: str | None = Field(default=None, min_length=1, max_length=64)
    inference: str | None = Field(default=None, max_length=10_000)


class JudgementIO(BaseModel):
    """What a sentence of the conclusion says of one position."""

    model_config = ConfigDict(extra="forbid")
    position: str = Field(min_length=1, max_length=64)
    verdict: Literal["endorses", "qualifies", "rejects"]


class ConclusionClaimIn(BaseModel):
    """One sentence of the conclusion as a claim, with what it says of positions."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=10_000)
    judgements: list[JudgementIO] = []
    weight: float = Field(default=0.5, ge=0.0, le=1.0)


class ConclusionClaimOut(BaseModel):
    id: str
    text: str
    judgements: list[JudgementIO]
    weight: float
    source: dict[str, Any] | None = None
    version: int


class ConclusionClaimPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    text: str | None = Field(default=None, min_length=1, max_length=10_000)
    judgements: list[JudgementIO] | None = None
    weight: float | None = Field(default=None, ge=0.0, le=1.0)


class MoveIn(BaseModel):
    """Where a point goes: under a position, or under a point of any position."""

    model_config = ConfigDict(extra="forbid")
    version: int
    under: str = Field(min_length=1, max_length=64, description="a position id or a point id")
    stance: Literal["for", "against"] | None = Field(
        default=None, description="its stance towards what it now answers (default: as before)"
    )


class MovedOut(EvidenceOut):
    """The moved point as it is now, and the new id of every point that moved with it."""

    renamed: dict[str, str] = Field(
        default={}, description="old id -> new id (empty: a move within the position)"
    )
