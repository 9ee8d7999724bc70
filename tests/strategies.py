"""Hypothesis strategies for debates in normal form (what every reader produces)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from quaestio.extract import find_figures, find_years, historian_key
from quaestio.model import (
    ACH_RATINGS,
    AchRating,
    Conclusion,
    Consequence,
    Debate,
    Evidence,
    Historian,
    Position,
    Source,
    Warning,
)

_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\r\n\t\x0b\x0c\x85"
)
line = st.text(_CHARS, min_size=1, max_size=40).map(str.strip).filter(bool)
paragraph = (
    st.lists(st.one_of(line, st.just("")), min_size=1, max_size=4)
    .map(lambda lines: "\n".join(lines).strip())
    .filter(bool)
)
word = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"), min_size=1, max_size=10)
name = st.lists(word, min_size=1, max_size=3).map(" ".join)
label = (
    st.text(
        st.characters(
            blacklist_characters="*\n\r\t\x0b\x0c\x85\u2028\u2029",
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
        ),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool)
)
weight = st.one_of(st.just(0.5), st.floats(0, 1, allow_nan=False))
source = st.one_of(
    st.none(),
    st.builds(
        Source,
        st.one_of(st.none(), st.just("handout.txt")),
        st.integers(1, 500),
        st.integers(1, 500),
    ),
)


@st.composite
def evidence_text(draw: st.DrawFn) -> tuple[str, tuple[int, ...]]:
    text = draw(paragraph)
    if draw(st.booleans()):
        text += f" in {draw(st.integers(1900, 1999))}"
    return text, find_years(text)


@st.composite
def judged(draw: st.DrawFn, e: Evidence, position_ids: list[str]) -> Evidence:
    """``e`` with some of the analyst's ACH judgements: cells, credibility, relevance."""
    rated = draw(st.lists(st.sampled_from(position_ids), unique=True, max_size=3))
    return replace(
        e,
        ach=tuple(AchRating(p, draw(st.sampled_from(ACH_RATINGS))) for p in rated),
        credibility=draw(st.one_of(st.none(), weight)),
        relevance=draw(st.one_of(st.none(), weight)),
    )


@st.composite
def debates(draw: st.DrawFn) -> Debate:
    positions = []
    n_positions = draw(st.integers(0, 4))
    all_for: list[str] = []
    for p in range(1, n_positions + 1):
        evidence = []
        for stance, tag in (("for", "f"), ("against", "a")):
            for i in range(1, draw(st.integers(0, 3)) + 1):
                text, years = draw(evidence_text())
                eid = f"p{p}.{tag}{i}"
                rebuts: tuple[str, ...] = ()
                if stance == "against" and all_for and draw(st.booleans()):
                    rebuts = (draw(st.sampled_from(all_for)),)
                evidence.append(
                    Evidence(
                        id=eid,
                        stance=stance,  # type: ignore[arg-type]
                        text=text,
                        label=draw(st.one_of(st.none(), label)),
                        years=years
                        if draw(st.booleans())
                        else tuple(
                            sorted(set(draw(st.lists(st.integers(1000, 2100), max_size=3))))
                        ),
                        figures=find_figures(text),
                        rebuts=rebuts,
                        references=tuple(draw(st.lists(line, max_size=2))),
                        weight=draw(weight),
                        source=draw(source),
                    )
                )
                if stance == "for":
                    all_for.append(eid)
        names = draw(st.lists(name, max_size=3))
        positions.append(
            Position(
                id=f"p{p}",
                title=draw(line),
                summary=draw(st.one_of(st.just(""), paragraph)),
                historians=tuple(Historian(n, historian_key(n)) for n in names),
                evidence=tuple(evidence),
                weight=draw(weight),
                source=draw(source),
            )
        )
    positions = [
        replace(p, evidence=tuple(draw(judged(e, [q.id for q in positions])) for e in p.evidence))
        for p in positions
    ]
    consequences = []
    for polarity, tag in (("positive", "pos"), ("negative", "neg")):
        for i in range(1, draw(st.integers(0, 3)) + 1):
            consequences.append(
                Consequence(
                    id=f"c.{tag}{i}",
                    polarity=polarity,  # type: ignore[arg-type]
                    text=draw(paragraph),
                    category=draw(st.one_of(st.none(), word, line)),
                    weight=draw(weight),
                    source=draw(source),
                )
            )
    return Debate(
        title=draw(line),
        question=draw(st.one_of(st.just(""), line)),
        positions=tuple(positions),
        conclusion=draw(st.one_of(st.none(), st.builds(Conclusion, paragraph, source))),
        consequences=tuple(consequences),
        warnings=tuple(
            draw(
                st.lists(
                    st.builds(Warning, word, paragraph, st.one_of(st.none(), st.integers(1, 99))),
                    max_size=2,
                )
            )
        ),
        source_file=draw(st.one_of(st.none(), st.just("handout.docx"))),
    )


# -- the argument graph: nested points, relations, arguments, schools, conclusion claims --
@st.composite
def _nested(draw: st.DrawFn, position: Position) -> Position:
    """``position`` with points answering its points, up to three levels, in document order."""
    from quaestio.model import Historian as H

    def historians() -> tuple[Historian, ...]:
        return tuple(
            H(n, historian_key(n), draw(st.sampled_from(("for", "against"))))
            for n in draw(st.lists(name, max_size=2))
        )

    def tags() -> tuple[str, ...]:
        return tuple(draw(st.lists(word, max_size=2, unique=True)))

    out: list[Evidence] = []

    def grow(item: Evidence, depth: int) -> None:
        out.append(replace(item, historians=historians(), tags=tags()))
        if depth >= 3:
            return
        counters = {"for": 0, "against": 0}
        for _ in range(draw(st.integers(0, 2 if depth == 1 else 1))):
            stance = draw(st.sampled_from(("for", "against")))
            counters[stance] += 1
            text, years = draw(evidence_text())
            child = Evidence(
                id=f"{item.id}.{'f' if stance == 'for' else 'a'}{counters[stance]}",
                stance=stance,  # type: ignore[arg-type]
                text=text,
                years=years,
                figures=find_figures(text),
                weight=draw(weight),
                source=draw(source),
                parent=item.id,
            )
            grow(child, depth + 1)

    for item in position.evidence:
        grow(item, 1)
    return replace(position, evidence=tuple(out))


@st.composite
def graph_debates(draw: st.DrawFn) -> Debate:
    """A valid debate using every part of the graph: nesting, relations of every kind
    (across positions, on relations), arguments, schools, the conclusion's claims."""
    from quaestio.model import (
        RELATION_KINDS,
        VERDICTS,
        Argument,
        ConclusionClaim,
        Judgement,
        Relation,
        School,
    )

    base = draw(debates())
    positions = tuple(draw(_nested(p)) for p in base.positions)
    positions = tuple(
        replace(
            p,
            historians=tuple(
                replace(h, stance=draw(st.sampled_from(("for", "against")))) for h in p.historians
            ),
        )
        for p in positions
    )
    position_ids = [p.id for p in positions]
    conclusion = base.conclusion
    if conclusion is not None and position_ids:
        claims = tuple(
            ConclusionClaim(
                id=f"k{i}",
                text=draw(line),
                judgements=tuple(
                    Judgement(p, draw(st.sampled_from(VERDICTS)))
                    for p in draw(st.lists(st.sampled_from(position_ids), unique=True, max_size=3))
                ),
                source=draw(source),
                weight=draw(weight),
            )
            for i in range(1, draw(st.integers(0, 3)) + 1)
        )
        conclusion = replace(conclusion, claims=claims)
    points = [e.id for p in positions for e in p.evidence]
    claims_ids = position_ids + points + [k.id for k in (conclusion.claims if conclusion else ())]
    relations: list[Relation] = []
    if len(claims_ids) >= 2:
        for i in range(1, draw(st.integers(0, 6)) + 1):
            kind = draw(st.sampled_from(RELATION_KINDS))
            on_relation = kind in ("attack", "undercut") and relations and draw(st.booleans())
            if on_relation:
                target = draw(st.sampled_from([r.id for r in relations]))
            elif kind == "undercut":
                if not points:
                    continue
                target = draw(st.sampled_from(points))
            else:
                target = draw(st.sampled_from(claims_ids))
            source_id = draw(st.sampled_from([c for c in claims_ids if c != target]))
            if kind == "rephrase" and claims_ids.index(source_id) < claims_ids.index(target):
                source_id, target = target, source_id  # rephrases point back: never a cycle
            relations.append(
                Relation(
                    id=f"r{i}",
                    kind=kind,
                    source=source_id,
                    target=target,
                    text=draw(st.one_of(st.just(""), line)),
                    origin=draw(source),
                    weight=draw(weight),
                )
            )
    arguments: list[Argument] = []
    if len(claims_ids) >= 2:
        for i in range(1, draw(st.integers(0, 2)) + 1):
            concluded = draw(st.sampled_from(claims_ids))
            others = [c for c in claims_ids if c != concluded]
            arguments.append(
                Argument(
                    id=f"g{i}",
                    title=draw(line),
                    premises=tuple(
                        draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
                    ),
                    conclusion=concluded,
                    inference=draw(st.one_of(st.just(""), line)),
                    origin=draw(source),
                )
            )
    schools = tuple(
        School(
            id=f"s{i}",
            name=draw(line),
            positions=tuple(draw(st.lists(st.sampled_from(position_ids), unique=True)))
            if position_ids
            else (),
            description=draw(st.one_of(st.just(""), paragraph)),
        )
        for i in range(1, draw(st.integers(0, 2)) + 1)
    )
    return replace(
        base,
        positions=positions,
        conclusion=conclusion,
        relations=tuple(relations),
        arguments=tuple(arguments),
        schools=schools,
    )
