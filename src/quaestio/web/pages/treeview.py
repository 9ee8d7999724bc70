"""The nested view (as Kialo lays out a discussion): every claim with its pros and cons below it.

The table shows the handout's two columns; this view shows the whole tree a class
builds on it: a position, the points for and against it, the points answering those,
to any depth, and each claim's cross-links to claims elsewhere. Pure functions of the
model, so the view's content is tested without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quaestio.model import Debate, Evidence, Position
from quaestio.web.pages.viewdata import claim_names

#: how a cross-link reads from the claim it starts at, and from the one it reaches
OUTGOING = {
    "support": "supports",
    "attack": "attacks",
    "undercut": "undercuts the link of",
    "contrary": "is contrary to",
    "contradictory": "contradicts",
    "rephrase": "rephrases",
}
INCOMING = {
    "support": "supported by",
    "attack": "attacked by",
    "undercut": "its link undercut by",
    "contrary": "contrary to",
    "contradictory": "contradicted by",
    "rephrase": "rephrased by",
}


@dataclass(frozen=True)
class Link:
    """A cross-link of a claim, as one line: "supports: <the other claim>"."""

    relation: str
    kind: str
    phrase: str
    other: str
    other_label: str


@dataclass
class Branch:
    """One point with the points answering it (pros: for it, cons: against it)."""

    point: Evidence
    depth: int
    pros: list[Branch] = field(default_factory=list)
    cons: list[Branch] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


@dataclass
class Root:
    """A position with its top-level pros and cons: the tree's first level."""

    position: Position
    pros: list[Branch] = field(default_factory=list)
    cons: list[Branch] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def _labels(debate: Debate) -> dict[str, str]:
    out = claim_names(debate, 48)
    out.update({r.id: f"the {r.kind} {r.source} → {r.target}" for r in debate.relations})
    return out


def _links(debate: Debate) -> dict[str, list[Link]]:
    labels = _labels(debate)
    out: dict[str, list[Link]] = {}
    for r in debate.relations:
        out.setdefault(r.source, []).append(
            Link(
                r.id, r.kind, OUTGOING.get(r.kind, r.kind), r.target, labels.get(r.target, r.target)
            )
        )
        out.setdefault(r.target, []).append(
            Link(
                r.id, r.kind, INCOMING.get(r.kind, r.kind), r.source, labels.get(r.source, r.source)
            )
        )
    return out


def tree(debate: Debate) -> list[Root]:
    """Every position as the root of its tree of points, in document order."""
    links = _links(debate)
    roots: list[Root] = []
    for p in debate.positions:
        root = Root(p, links=links.get(p.id, []))
        branches = {e.id: Branch(e, 1, links=links.get(e.id, [])) for e in p.evidence}
        for e in p.evidence:
            above = branches.get(e.parent) if e.parent else None
            holder: Root | Branch = root if above is None else above
            (holder.pros if e.stance == "for" else holder.cons).append(branches[e.id])
        stack = [(b, 1) for b in root.pros + root.cons]
        while stack:
            branch, depth = stack.pop()
            branch.depth = depth
            stack += [(b, depth + 1) for b in branch.pros + branch.cons]
        roots.append(root)
    return roots
