"""Request and response bodies (pydantic v2): the contract published in /openapi.json."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

T = TypeVar("T")
MAX_ID = 2_147_483_647  # PostgreSQL integer; larger ids cannot exist
DbId = Annotated[int, Field(ge=1, le=MAX_ID)]
Weight = Field(ge=0.0, le=1.0)
#: an ACH rating (Heuer): very consistent .. very inconsistent, or not applicable
AchRatingCode = Literal["CC", "C", "N", "I", "II", "NA"]


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail
    current: dict[str, Any] | None = None


# -- accounts -------------------------------------------------------------------------
class Credentials(BaseModel):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=1000)


class SignUp(Credentials):
    display_name: str = Field(default="", max_length=200)


class UserOut(BaseModel):
    id: int
    username: str
    display_name: str


class Me(BaseModel):
    user: UserOut | None
    csrf_token: str | None = None


class TokenIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)


class TokenOut(BaseModel):
    id: int
    name: str
    created_at: datetime
    token: str | None = Field(default=None, description="shown once, at creation")


# -- debates --------------------------------------------------------------------------
class DebateSummary(BaseModel):
    id: int
    title: str
    question: str
    owner_id: int | None
    class_id: int | None
    source_file: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class DebateOut(DebateSummary):
    role: str
    debate: dict[str, Any] = Field(description="the debate in canonical quaestio JSON")
    versions: dict[str, int] = Field(description="version of every node, by node id")


def _reject_null(cls: Any, value: Any) -> Any:
    """A PATCH field that cannot be empty in the store: ``null`` is refused (422), not a 500.

    Leaving the field out keeps its value; only fields that may really be cleared
    (an evidence label, a consequence category, the conclusion, the class) accept null.
    """
    if value is None:
        raise ValueError("may not be null; leave the field out to keep its value")
    return value


class DebatePatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    title: str | None = Field(default=None, min_length=1)
    question: str | None = None
    conclusion: str | None = None
    class_id: DbId | None = None

    _not_null = field_validator("title", "question", mode="before")(_reject_null)


class ImportReport(BaseModel):
    debate: DebateSummary
    created: bool = Field(description="false when identical content was already imported")
    format: str
    warnings: list[dict[str, Any]]
    problems: list[dict[str, Any]]


class Revision(BaseModel):
    id: int
    user_id: int | None
    at: datetime
    action: str
    resource: str
    resource_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


# -- nodes ----------------------------------------------------------------------------
class HistorianOut(BaseModel):
    name: str
    key: str
    stance: Literal["for", "against"] = Field(
        default="for", description="against: the historian disputes this claim"
    )


class HistorianIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    stance: Literal["for", "against"] = "for"


#: a historian as a client names one: a plain name (who argues for it), or name and stance
HistorianName = Annotated[str, Field(min_length=1, max_length=200)] | HistorianIn
Tag = Annotated[str, Field(min_length=1, max_length=100, pattern=r"[^#\s]")]


class PositionOut(BaseModel):
    id: str
    title: str
    summary: str
    historians: list[HistorianOut]
    tags: list[str] = []
    weight: float
    source: dict[str, Any] | None
    version: int


class PositionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1)
    summary: str = ""
    historians: list[HistorianName] = []
    tags: list[Tag] = []
    weight: float = Field(default=0.5, ge=0.0, le=1.0)


class PositionPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    title: str | None = Field(default=None, min_length=1)
    summary: str | None = None
    historians: list[HistorianName] | None = None
    tags: list[Tag] | None = None
    weight: float | None = Field(default=None, ge=0.0, le=1.0)

    _not_null = field_validator(
        "title", "summary", "historians", "tags", "weight", mode="before"
    )(_reject_null)


class EvidenceOut(BaseModel):
    id: str
    position_id: str
    parent: str | None = Field(
        default=None, description="the point this one answers (null: it answers the position)"
    )
    stance: Literal["for", "against"]
    label: str | None
    text: str
    years: list[int]
    figures: list[dict[str, Any]]
    references: list[str]
    rebuts: list[str]
    weight: float
    source: dict[str, Any] | None
    ach: dict[str, AchRatingCode] = Field(
        default={}, description="the analyst's ACH ratings of this item, by position id"
    )
    credibility: float | None = Field(
        default=None, description="the analyst's ACH credibility (null: the item's weight)"
    )
    relevance: float | None = Field(
        default=None, description="the analyst's ACH relevance (null: 1)"
    )
    tags: list[str] = []
    historians: list[HistorianOut] = Field(default=[], description="who makes this claim")
    version: int


class AchCellIn(BaseModel):
    """Rate one evidence item against one position, naming the item's version you read."""

    model_config = ConfigDict(extra="forbid")
    version: int
    rating: AchRatingCode


class AchWeightsIn(BaseModel):
    """Set the item's ACH credibility and/or relevance; null clears (back to derived)."""

    model_config = ConfigDict(extra="forbid")
    version: int
    credibility: float | None = Field(default=None, ge=0.0, le=1.0)
    relevance: float | None = Field(default=None, ge=0.0, le=1.0)


class AchPatch(BaseModel):
    """Several ACH judgements of one evidence item (``update_ach`` in a batch of changes)."""

    model_config = ConfigDict(extra="forbid")
    version: int
    ratings: dict[str, AchRatingCode | None] = Field(
        default={}, description="position id -> rating; null clears the cell"
    )
    credibility: float | None = Field(default=None, ge=0.0, le=1.0)
    relevance: float | None = Field(default=None, ge=0.0, le=1.0)


class AchCellOut(BaseModel):
    rating: str
    origin: Literal["analyst", "derived"]


class AchMatrixOut(BaseModel):
    """The ACH matrix as the engine computes it, each cell marked analyst-set or derived.

    ``cells`` is sparse (evidence item, then position): a cell left out is ``default``
    (neutral, derived), so the answer grows with the debate, not with positions x items.
    """

    positions: list[str]
    evidence: list[str]
    default: AchCellOut
    cells: dict[str, dict[str, AchCellOut]]
    credibility: dict[str, float]
    relevance: dict[str, float]
    inconsistency: dict[str, float]
    consistency: dict[str, float]
    diagnosticity: dict[str, float]
    versions: dict[str, int]


class EvidenceIn(BaseModel):
    """A point for or against a position, or (``parent``) for or against another point."""

    model_config = ConfigDict(extra="forbid")
    position_id: str | None = Field(
        default=None, max_length=64, description="the position (may be left out with parent)"
    )
    parent: str | None = Field(
        default=None, max_length=64, description="the point this one answers, at any depth"
    )
    stance: Literal["for", "against"] = Field(description="relative to what it answers")
    text: str = Field(min_length=1)
    label: str | None = None
    years: list[int] = []
    references: list[str] = []
    rebuts: list[str] = []
    weight: float = Field(default=0.5, ge=0.0, le=1.0)
    historians: list[HistorianName] = []
    tags: list[Tag] = []


class EvidencePatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    stance: Literal["for", "against"] | None = None
    text: str | None = Field(default=None, min_length=1)
    label: str | None = None
    years: list[int] | None = None
    references: list[str] | None = None
    rebuts: list[str] | None = None
    weight: float | None = Field(default=None, ge=0.0, le=1.0)
    parent: str | None = Field(
        default=None,
        max_length=64,
        description="move: the point of the same position to answer (null: the position); "
        "the points below it come along",
    )
    historians: list[HistorianName] | None = None
    tags: list[Tag] | None = None

    _not_null = field_validator(
        "stance", "text", "years", "references", "rebuts", "weight", mode="before"
    )(_reject_null)


class ConsequenceOut(BaseModel):
    id: str
    polarity: Literal["positive", "negative"]
    text: str
    category: str | None
    weight: float
    source: dict[str, Any] | None
    version: int


class ConsequenceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    polarity: Literal["positive", "negative"]
    text: str = Field(min_length=1)
    category: str | None = None
    weight: float = Field(default=0.5, ge=0.0, le=1.0)


class ConsequencePatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int
    polarity: Literal["positive", "negative"] | None = None
    text: str | None = Field(default=None, min_length=1)
    category: str | None = None
    weight: float | None = Field(default=None, ge=0.0, le=1.0)

    _not_null = field_validator("polarity", "text", "weight", mode="before")(_reject_null)


class Relation(BaseModel):
    kind: Literal["rebuts"] = "rebuts"
    source: str
    target: str


class Operation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    op: Literal[
        "create_position",
        "update_position",
        "delete_position",
        "create_evidence",
        "update_evidence",
        "delete_evidence",
        "create_consequence",
        "update_consequence",
        "delete_consequence",
        "update_ach",
        "create_relation",
        "update_relation",
        "delete_relation",
        "create_school",
        "update_school",
        "delete_school",
        "create_argument",
        "update_argument",
        "delete_argument",
        "create_conclusion_claim",
        "update_conclusion_claim",
        "delete_conclusion_claim",
        "move_evidence",
    ]
    id: str | None = Field(
        default=None,
        max_length=64,
        description="node, relation, school, argument or claim id (update, delete, move)",
    )
    version: int | None = Field(default=None, description="version you read (update, delete)")
    data: dict[str, Any] = Field(
        default_factory=dict, description="fields, as in the single-node calls"
    )


class Batch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    operations: list[Operation] = Field(min_length=1, max_length=500)


class BatchResult(BaseModel):
    results: list[dict[str, Any] | None]


class Versioned(BaseModel):
    version: int


# -- personal work --------------------------------------------------------------------
class WeightIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: float = Field(ge=0.0, le=1.0)
    version: int = Field(default=0, description="0 for a weight you have not set yet")


class WeightOut(BaseModel):
    node_id: str
    user_id: int
    value: float
    version: int
    updated_at: datetime


class VerdictIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=100_000)
    favoured: str | None = Field(default=None, description="id of the position you favour")
    version: int = 0


class VerdictOut(BaseModel):
    user_id: int
    text: str
    favoured: str | None
    version: int
    updated_at: datetime
    username: str | None = None


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    state: dict[str, Any]
    version: int = 0


class ReviewOut(BaseModel):
    card_id: str
    state: dict[str, Any]
    version: int
    updated_at: datetime


# -- classes and sharing --------------------------------------------------------------
class ClassIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)


class ClassOut(BaseModel):
    id: int
    name: str
    role: str | None
    version: int
    join_code: str | None = None
    archived: bool = False
    students_post: bool = False
    anonymous: bool = False
    weights_locked: bool = False


class JoinIn(BaseModel):
    code: str = Field(min_length=1, max_length=64)


class MemberIn(BaseModel):
    username: str
    role: Literal["teacher", "student"] = "student"


class MemberOut(BaseModel):
    user: UserOut
    role: str


class ShareOut(BaseModel):
    id: int
    token: str
    url: str
    created_at: datetime
