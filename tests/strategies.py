"""Hypothesis strategies for debates in normal form (what every reader produces)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from quaestio.extract import find_figures, find_years, historian_key
from quaestio.model import (
    ACH_RATINGS,
    RELATION_KINDS,
    STANCES,
    VERDICTS,
    AchRating,
    Conclusion,
    ConclusionClaim,
    Consequence,
    Debate,
    Evidence,
    Historian,
    Judgement,
    Position,
    Relation,
    School,
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
stances = st.sampled_from(STANCES)
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


@st.composite
def nested(draw: st.DrawFn, position: Position) -> Position:
    """``position`` with points answering its points, to depth 3, ids extending the parent's."""
    items = list(position.evidence)
    out: list[Evidence] = []
    for item in items:
        out.append(item)
        frontier = [(item, 1)]
        while frontier:
            parent, depth = frontier.pop()
            if depth >= 3:
                continue
            for stance, tag in (("for", "f"), ("against", "a")):
                for i in range(1, draw(st.integers(0, 2 if depth == 1 else 1)) + 1):
                    text, years = draw(evidence_text())
                    child = Evidence(
                        id=f"{parent.id}.{tag}{i}",
                        stance=stance,  # type: ignore[arg-type]
                        text=text,
                        years=years,
                        figures=find_figures(text),
                        weight=draw(weight),
                        parent=parent.id,
                        historians=tuple(
                            Historian(n, historian_key(n), draw(stances))
                            for n in draw(st.lists(name, max_size=2, unique=True))
                        ),
                        tags=tuple(draw(st.lists(word, max_size=2, unique=True))),
                    )
                    out.append(child)
                    frontier.append((child, depth + 1))
    return replace(position, evidence=tuple(out))


@st.composite
def graph_debates(draw: st.DrawFn) -> Debate:
    """A debate in normal form using the whole graph: nesting, relations, schools, claims."""
    base = draw(debates())
    positions = tuple(draw(nested(p)) for p in base.positions)
    base = replace(base, positions=positions)
    position_ids = [p.id for p in positions]
    claims: list[ConclusionClaim] = []
    if position_ids:
        for i in range(1, draw(st.integers(0, 3)) + 1):
            judged_ids = draw(st.lists(st.sampled_from(position_ids), unique=True, max_size=3))
            claims.append(
                ConclusionClaim(
                    f"k{i}",
                    draw(line),
                    tuple(Judgement(p, draw(st.sampled_from(VERDICTS))) for p in judged_ids),
                    draw(source),
                    draw(weight),
                )
            )
    conclusion = base.conclusion
    if claims:
        conclusion = replace(conclusion or Conclusion(draw(paragraph)), claims=tuple(claims))
    base = replace(base, conclusion=conclusion)
    claim_ids = base.claim_ids()
    points = [e.id for _, e in base.iter_evidence()]
    relations: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()
    if len(claim_ids) >= 2:
        for i in range(1, draw(st.integers(0, 5)) + 1):
            kind = draw(st.sampled_from(RELATION_KINDS))
            src = draw(st.sampled_from(claim_ids))
            if kind == "undercut" and points:
                target = draw(st.sampled_from(points + [r.id for r in relations]))
            elif kind == "attack" and relations and draw(st.booleans()):
                target = draw(st.sampled_from([r.id for r in relations]))
            elif kind == "undercut":
                continue
            else:
                target = draw(st.sampled_from(claim_ids))
            if target == src or (kind, src, target) in seen:
                continue
            if kind == "rephrase" and any(
                r.kind == "rephrase" and r.target == src for r in relations
            ):
                continue  # keep rephrases acyclic: a rephrase of a rephrase is not written
            seen.add((kind, src, target))
            relations.append(
                Relation(
                    f"r{i}",
                    kind,
                    src,
                    target,
                    draw(st.one_of(st.just(""), line)),
                    draw(source),
                    draw(weight),
                )
            )
    schools = tuple(
        School(
            f"s{i}",
            draw(line),
            tuple(draw(st.lists(st.sampled_from(position_ids), unique=True, max_size=3)))
            if position_ids
            else (),
            draw(st.one_of(st.just(""), line)),
        )
        for i in range(1, draw(st.integers(0, 2)) + 1)
    )
    return replace(base, relations=tuple(relations), schools=schools)
