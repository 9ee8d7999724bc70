"""The parts of the argument graph that the handout's table cannot hold.

The table (positions, points for and against, rebuttal pairs) lives in
``debate``; what an argument map adds lives here: typed relations between any two
claims (across positions too, or aimed at another relation), premise-conclusion
arguments, schools of historians, and the conclusion's sentences as claims that
judge positions. All frozen, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from quaestio.model.source import DEFAULT_WEIGHT, Source

RelationKind = Literal["support", "attack", "undercut", "contrary", "contradictory", "rephrase"]
Verdict = Literal["endorses", "qualifies", "rejects"]

RELATION_KINDS: tuple[RelationKind, ...] = (
    "support",
    "attack",
    "undercut",
    "contrary",
    "contradictory",
    "rephrase",
)
#: kinds that may aim at a relation rather than a claim (an attack on an attack, an undercut)
RELATION_TARGETING: frozenset[str] = frozenset({"attack", "undercut"})
#: kinds that hold both ways: read as a pair of mutual attacks by the reasoning
SYMMETRIC_KINDS: frozenset[str] = frozenset({"contrary", "contradictory"})
VERDICTS: tuple[Verdict, ...] = ("endorses", "qualifies", "rejects")


@dataclass(frozen=True)
class Relation:
    """A typed link between two claims that the position/point tree does not already say.

    ``source`` is a claim id; ``target`` a claim id, or a relation id for an attack or
    undercut aimed at a relation. An undercut aimed at a point attacks the link between
    that point and what it answers (its parent, or its position), not the point itself;
    aimed at a position it attacks the position's link to the question (that it explains
    what is asked, or, for an Argdown argument that concludes nothing stated, its own
    inference), which the reasoning weighs as an attack on the position.
    ``weight`` is the strength of the link where a reasoning method weighs links.
    """

    id: str
    kind: RelationKind
    source: str
    target: str
    text: str = ""
    origin: Source | None = None
    weight: float = DEFAULT_WEIGHT


@dataclass(frozen=True)
class Argument:
    """A premise-conclusion structure over claims of the debate (Argdown's arguments, AIF's RA).

    One argument is one inferential step. A structure of several steps (Argdown's
    intermediate conclusions) is held as one argument per step, each concluding what the
    next goes on from; the steps of one structure share its ``title``. ``premises`` may be
    empty: a defeasible argument that rests on nothing stated, as Carneades has them (its
    ``inference`` may name the scheme that warrants it).
    """

    id: str
    title: str
    premises: tuple[str, ...]
    conclusion: str
    inference: str = ""
    origin: Source | None = None


@dataclass(frozen=True)
class School:
    """A named group of positions (e.g. the structural historians), as a historiography is taught."""

    id: str
    name: str
    positions: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Judgement:
    """What one sentence of the conclusion says of one position."""

    position: str
    verdict: Verdict


@dataclass(frozen=True)
class ConclusionClaim:
    """One sentence of the author's conclusion, as a claim judging positions.

    Lets the author's own verdict be set beside the computed one; as a claim it can be
    the source or target of relations like any point.
    """

    id: str
    text: str
    judgements: tuple[Judgement, ...] = ()
    source: Source | None = None
    weight: float = DEFAULT_WEIGHT
