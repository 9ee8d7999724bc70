"""Strip what a format says it loses, so round-trips can be compared field by field."""

from __future__ import annotations

from dataclasses import replace

from quaestio.extract import find_figures, find_years, historian_key
from quaestio.formats.debate_md import canonical_order
from quaestio.model import DEFAULT_WEIGHT, Debate, Evidence, Historian, Position


def _evidence(e: Evidence, lost: frozenset[str]) -> Evidence:
    if "labels" in lost:
        e = replace(e, label=None)
    if "years" in lost:
        e = replace(e, years=find_years(e.text))
    if "figures" in lost:
        e = replace(e, figures=find_figures(e.text))
    if "rebuttals" in lost:
        e = replace(e, rebuts=())
    if "references" in lost:
        e = replace(e, references=())
    if "weights" in lost:
        e = replace(e, weight=DEFAULT_WEIGHT)
    if "sources" in lost:
        e = replace(e, source=None)
    if "ach_judgements" in lost:
        e = replace(e, ach=(), credibility=None, relevance=None)
    if "tags" in lost:
        e = replace(e, tags=())
    if "point_historians" in lost:
        e = replace(e, historians=())
    return e


def _position(p: Position, lost: frozenset[str]) -> Position:
    if "summaries" in lost:
        p = replace(p, summary="")
    if "position_historians" in lost:
        p = replace(p, historians=())
    if "historian_keys" in lost:
        p = replace(
            p, historians=tuple(Historian(h.name, historian_key(h.name)) for h in p.historians)
        )
    if "weights" in lost:
        p = replace(p, weight=DEFAULT_WEIGHT)
    if "sources" in lost:
        p = replace(p, source=None)
    return replace(p, evidence=tuple(_evidence(e, lost) for e in p.evidence))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _whitespace(d: Debate) -> Debate:
    def ev(e: Evidence) -> Evidence:
        return replace(e, text=_squash(e.text), label=None if e.label is None else _squash(e.label))

    positions = tuple(
        replace(
            p,
            title=_squash(p.title),
            summary=_squash(p.summary),
            evidence=tuple(ev(e) for e in p.evidence),
        )
        for p in d.positions
    )
    conclusion = (
        None if d.conclusion is None else replace(d.conclusion, text=_squash(d.conclusion.text))
    )
    consequences = tuple(replace(c, text=_squash(c.text)) for c in d.consequences)
    return replace(
        d,
        title=_squash(d.title),
        question=_squash(d.question),
        positions=positions,
        conclusion=conclusion,
        consequences=consequences,
    )


def _graph(d: Debate, lost: frozenset[str]) -> Debate:
    """The argument graph's parts a table-shaped format drops (nested points with all naming them)."""
    if "nesting" in lost:
        d = d.without_nodes({e.id for _, e in d.iter_evidence() if e.parent is not None})
    if "relations" in lost:
        d = replace(d, relations=())
    if "arguments" in lost:
        d = replace(d, arguments=())
    if "schools" in lost:
        d = replace(d, schools=())
    if "conclusion_claims" in lost and d.conclusion is not None:
        d = d.without_nodes({k.id for k in d.conclusion.claims})
    drop_people, drop_tags = "point_historians" in lost, "tags" in lost
    if drop_people or drop_tags:

        def ev(e: Evidence) -> Evidence:
            return replace(
                e,
                historians=() if drop_people else e.historians,
                tags=() if drop_tags else e.tags,
            )

        d = replace(
            d,
            positions=tuple(
                replace(
                    p,
                    evidence=tuple(ev(e) for e in p.evidence),
                    tags=() if drop_tags else p.tags,
                )
                for p in d.positions
            ),
        )
    return d


def strip(debate: Debate, lost: frozenset[str], untitled: str = "example") -> Debate:
    """``debate`` as it reads back from a format that loses ``lost`` (ids aside).

    A format without a title names the debate after its file (``untitled``).
    """
    debate = _graph(debate, lost)
    if "whitespace" in lost:
        debate = _whitespace(debate)
    if "order" in lost:
        debate = canonical_order(debate)
    d = replace(debate, positions=tuple(_position(p, lost) for p in debate.positions))
    if "title" in lost:
        d = replace(d, title=untitled)
    if "question" in lost:
        d = replace(d, question="")
    if "conclusion" in lost:
        d = replace(d, conclusion=None)
    elif "sources" in lost and d.conclusion is not None:
        d = replace(d, conclusion=replace(d.conclusion, source=None))
    if "consequences" in lost:  # with the relations that cite them
        d = d.without_nodes({c.id for c in d.consequences})
    consequences = d.consequences
    if "consequence_categories" in lost:
        consequences = tuple(replace(c, category=None) for c in consequences)
    if "weights" in lost:
        consequences = tuple(replace(c, weight=DEFAULT_WEIGHT) for c in consequences)
    if "sources" in lost:
        consequences = tuple(replace(c, source=None) for c in consequences)
        d = replace(d, source_file=None)
    d = replace(d, consequences=consequences)
    if "warnings" in lost:
        d = replace(d, warnings=())
    if "relations" in lost:
        d = replace(d, relations=())
    else:
        if "sources" in lost:
            d = replace(d, relations=tuple(replace(r, origin=None) for r in d.relations))
        if "relation_notes" in lost:
            d = replace(d, relations=tuple(replace(r, text="") for r in d.relations))
    if "arguments" in lost:
        d = replace(d, arguments=())
    elif "sources" in lost:
        d = replace(d, arguments=tuple(replace(a, origin=None) for a in d.arguments))
    if "schools" in lost:
        d = replace(d, schools=())
    if "conclusion_claims" in lost and d.conclusion is not None:
        d = replace(d, conclusion=replace(d.conclusion, claims=()))
    return d


def renumber(debate: Debate) -> Debate:
    """Ids as a reader hands them out in order (p1, p1.f1, p1.a1, c.pos1...), rebuttals followed."""
    mapping: dict[str, str] = {}
    for i, p in enumerate(debate.positions, start=1):
        mapping[p.id] = f"p{i}"
        counts: dict[tuple[str, str], int] = {}
        for e in p.evidence:  # parents come first in document order, as readers keep them
            under = mapping[e.parent] if e.parent else mapping[p.id]
            key = (under, e.stance)
            counts[key] = counts.get(key, 0) + 1
            mapping[e.id] = f"{under}.{'f' if e.stance == 'for' else 'a'}{counts[key]}"
    for n, r in enumerate(debate.relations, start=1):
        mapping[r.id] = f"r{n}"
    for n, a in enumerate(debate.arguments, start=1):
        mapping[a.id] = f"g{n}"
    cons = {"positive": 0, "negative": 0}
    for c in debate.consequences:
        cons[c.polarity] += 1
        mapping[c.id] = f"c.{'pos' if c.polarity == 'positive' else 'neg'}{cons[c.polarity]}"

    def ev(e: Evidence) -> Evidence:
        return replace(
            e,
            id=mapping[e.id],
            rebuts=tuple(mapping.get(t, t) for t in e.rebuts),
            parent=mapping.get(e.parent, e.parent) if e.parent else None,
            references=tuple(mapping.get(t, t) for t in e.references),
            ach=tuple(replace(r, position=mapping.get(r.position, r.position)) for r in e.ach),
        )

    return replace(
        debate,
        positions=tuple(
            replace(p, id=mapping[p.id], evidence=tuple(ev(e) for e in p.evidence))
            for p in debate.positions
        ),
        consequences=tuple(replace(c, id=mapping[c.id]) for c in debate.consequences),
        relations=tuple(
            replace(
                r,
                id=mapping[r.id],
                source=mapping.get(r.source, r.source),
                target=mapping.get(r.target, r.target),
            )
            for r in debate.relations
        ),
        arguments=tuple(
            replace(
                a,
                id=mapping[a.id],
                premises=tuple(mapping.get(k, k) for k in a.premises),
                conclusion=mapping.get(a.conclusion, a.conclusion),
            )
            for a in debate.arguments
        ),
    )
