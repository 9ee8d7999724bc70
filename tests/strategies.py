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
