"""What a format loses, as data: one vocabulary shared by the table and the tests.

Each format module declares ``LOSES``, a set of the tokens below, and builds its
``Format.loses`` text from it with :func:`describe`. The round-trip tests strip
exactly those fields before comparing, so the text a user reads in
``quaestio formats`` is the same claim the tests check.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from quaestio.model import Debate

#: token -> the phrase shown to users. Order here is the order of the sentence.
FIELDS: dict[str, str] = {
    "ids": "node ids (renumbered p1, p1.f1, ... in reading order)",
    "order": "how for and against points were interleaved (for-points are written first)",
    "whitespace": "line breaks and repeated spaces inside texts",
    "title": "the debate title (the file name stands in)",
    "question": "the question",
    "summaries": "position summaries",
    "position_historians": "the historians of positions",
    "historian_keys": "historian keys (recomputed from the names)",
    "labels": "evidence labels",
    "years": "stored years (re-extracted from the text)",
    "figures": "stored figures (re-extracted from the text)",
    "rebuttals": "which point a counter-point rebuts",
    "references": "cross-references",
    "weights": "weights",
    "sources": "source file and line numbers (and what each claim was in its file)",
    "conclusion": "the conclusion",
    "consequences": "consequences",
    "consequence_categories": "consequence categories",
    "warnings": "import warnings",
    "ach_judgements": "the analyst's ACH ratings, credibility and relevance",
    "nesting": "points below points (each deeper point is attached to its position)",
    "relations": "relations that are not the tree's (cross-links, undercuts, contraries, "
    "rephrases, attacks on relations)",
    "arguments": "premise-conclusion arguments",
    "tags": "tags of points and positions",
    "point_historians": "historians attached to points",
    "schools": "schools",
    "conclusion_claims": "the conclusion's claims and their judgements",
    "relation_notes": "the notes on relations (why a link holds)",
}

#: the parts of the argument graph a table-shaped format cannot hold
GRAPH: frozenset[str] = frozenset(
    {
        "nesting",
        "relations",
        "arguments",
        "schools",
        "conclusion_claims",
        "point_historians",
        "tags",
        "relation_notes",
    }
)


def table_view(debate: Debate, lost: Iterable[str]) -> Debate:
    """``debate`` without the graph parts a format loses, as its writer writes it.

    Nested points go with everything that names them (so nothing dangles), rather than
    coming back as points of the position with a stance that was meant for their parent.
    """
    lost = frozenset(lost)
    if "consequences" in lost and debate.consequences:
        # consequences go with every relation that cites them, so nothing dangles
        debate = debate.without_nodes({c.id for c in debate.consequences})
    gone = lost & GRAPH
    if not gone:
        return debate
    if "nesting" in gone:
        nested = {e.id for _, e in debate.iter_evidence() if e.parent is not None}
        if nested:
            debate = debate.without_nodes(nested)
    if "conclusion_claims" in gone and debate.conclusion is not None and debate.conclusion.claims:
        # the claims go with every relation that names them, so nothing dangles
        debate = debate.without_nodes({k.id for k in debate.conclusion.claims})
    changes: dict[str, object] = {}
    if "relations" in gone:
        changes["relations"] = ()
    elif "relation_notes" in gone:
        changes["relations"] = tuple(replace(r, text="") for r in debate.relations)
    if "arguments" in gone:
        changes["arguments"] = ()
    if "schools" in gone:
        changes["schools"] = ()
    if gone & {"point_historians", "tags"}:
        positions = tuple(
            replace(
                p,
                evidence=tuple(
                    replace(
                        e,
                        historians=() if "point_historians" in gone else e.historians,
                        tags=() if "tags" in gone else e.tags,
                    )
                    for e in p.evidence
                ),
                tags=() if "tags" in gone else p.tags,
            )
            for p in debate.positions
        )
        changes["positions"] = positions
    return replace(debate, **changes) if changes else debate  # type: ignore[arg-type]


def check(tokens: Iterable[str]) -> frozenset[str]:
    """The tokens as a frozenset, refusing any that the vocabulary does not know."""
    out = frozenset(tokens)
    unknown = sorted(out - FIELDS.keys())
    if unknown:
        raise ValueError(f"unknown loss tokens: {', '.join(unknown)}")
    return out


def describe(tokens: Iterable[str], extra: str = "") -> str:
    """The sentence for ``Format.loses``: 'nothing' or the lost fields in a fixed order."""
    lost = check(tokens)
    parts = [FIELDS[t] for t in FIELDS if t in lost]
    text = "; ".join(parts) if parts else "nothing"
    return f"{text}. {extra}".strip() if extra else text
