"""The balance of evidence cannot be moved by layout: splitting, restating, reordering."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from quaestio.model import Debate, Evidence, Position
from quaestio.reasoning.balance import balance

WEIGHTS = (0.25, 0.5, 0.75, 1.0)


def _words(rng: random.Random, n: int) -> list[str]:
    return [
        "".join(rng.choice("bcdfghjklmnpqrstvwxz") + rng.choice("aeiou") for _ in range(3))
        for _ in range(n)
    ]


@st.composite
def debates(draw: st.DrawFn) -> Debate:
    """Debates whose points are distinct claims of eight words (a seeded vocabulary)."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    positions = []
    for p in range(1, draw(st.integers(1, 5)) + 1):
        points: list[Evidence] = []
        n_for, n_against = draw(st.integers(0, 3)), draw(st.integers(0, 3))
        for i in range(1, n_for + 1):
            w = draw(st.sampled_from(WEIGHTS))
            points.append(Evidence(f"p{p}.f{i}", "for", " ".join(_words(rng, 8)), weight=w))
        ids = [e.id for e in points]
        for i in range(1, n_against + 1):
            rebuts = (draw(st.sampled_from(ids)),) if ids and draw(st.booleans()) else ()
            w = draw(st.sampled_from(WEIGHTS))
            points.append(
                Evidence(f"p{p}.a{i}", "against", " ".join(_words(rng, 8)), rebuts=rebuts, weight=w)
            )
        positions.append(Position(f"p{p}", f"reading {p}", evidence=tuple(points)))
    return Debate("random", positions=tuple(positions))


def _replace_position(debate: Debate, position: Position) -> Debate:
    return replace(
        debate, positions=tuple(position if p.id == position.id else p for p in debate.positions)
    )


def _split(debate: Debate, pick: int) -> Debate:
    """One point becomes two parts that keep its weight; what rebutted it rebuts both."""
    pairs = list(debate.iter_evidence())
    if not pairs:
        return debate
    position, point = pairs[pick % len(pairs)]
    words = point.text.split()
    half = len(words) // 2
    first = replace(point, id=point.id + "x", text=" ".join(words[:half]))
    second = replace(point, id=point.id + "y", text=" ".join(words[half:]))
    evidence: list[Evidence] = []
    for e in position.evidence:
        if e.id == point.id:
            evidence += [first, second]
            continue
        if point.id in e.rebuts:
            rest = tuple(t for t in e.rebuts if t != point.id)
            e = replace(e, rebuts=(*rest, first.id, second.id))
        evidence.append(e)
    return _replace_position(debate, replace(position, evidence=tuple(evidence)))


def _restate(debate: Debate, pick: int, rng: random.Random) -> Debate:
    """A restatement of one point (its words reordered, with an aside) is added."""
    pairs = list(debate.iter_evidence())
    if not pairs:
        return debate
    position, point = pairs[pick % len(pairs)]
    words = point.text.split()
    rng.shuffle(words)
    again = replace(point, id=point.id + "r", text="Put another way, " + " ".join(words) + ".")
    return _replace_position(debate, replace(position, evidence=(*position.evidence, again)))


def _reorder(debate: Debate, rng: random.Random) -> Debate:
    positions = [
        replace(p, evidence=tuple(rng.sample(p.evidence, len(p.evidence))))
        for p in debate.positions
    ]
    rng.shuffle(positions)
    return replace(debate, positions=tuple(positions))


def _ranks(debate: Debate) -> dict[str, int]:
    return balance(debate).ranks()


def _standings(debate: Debate) -> dict[str, str]:
    return {p.id: p.standing for p in balance(debate).positions}


@settings(max_examples=150, deadline=None)
@given(debates(), st.integers(0, 50), st.integers(0, 2**16))
def test_splitting_a_point_never_moves_a_ranking(debate: Debate, pick: int, seed: int) -> None:
    after = _split(debate, pick)
    assert _ranks(after) == _ranks(debate)
    assert _standings(after) == _standings(debate)


@settings(max_examples=150, deadline=None)
@given(debates(), st.integers(0, 50), st.integers(0, 2**16))
def test_a_restatement_never_moves_a_ranking(debate: Debate, pick: int, seed: int) -> None:
    after = _restate(debate, pick, random.Random(seed))
    assert _ranks(after) == _ranks(debate)
    assert _standings(after) == _standings(debate)


@settings(max_examples=150, deadline=None)
@given(debates(), st.integers(0, 2**16))
def test_reordering_never_moves_a_ranking(debate: Debate, seed: int) -> None:
    after = _reorder(debate, random.Random(seed))
    assert _ranks(after) == _ranks(debate)


@settings(max_examples=100, deadline=None)
@given(debates(), st.integers(0, 50), st.integers(0, 2**16))
def test_all_three_together(debate: Debate, pick: int, seed: int) -> None:
    rng = random.Random(seed)
    after = _reorder(_restate(_split(debate, pick), pick + 1, rng), rng)
    assert _ranks(after) == _ranks(debate)


@settings(max_examples=150, deadline=None)
@given(debates())
def test_an_unanswered_position_is_not_yet_argued_never_strongest(debate: Debate) -> None:
    b = balance(debate)
    strongest = {p.id for p in b.strongest()}
    for position in debate.positions:
        if position.supporting and not position.countering:
            row = next(r for r in b.positions if r.id == position.id)
            assert row.standing == "not-argued"
            assert position.id not in strongest


def test_support_that_outweighs_its_counter_holds_and_ranks_first() -> None:
    strong = Position(
        "p1",
        "heavy",
        evidence=(
            Evidence("p1.f1", "for", "a weighty point made with care here", weight=1.0),
            Evidence("p1.a1", "against", "a slight objection raised once only", weight=0.25),
        ),
    )
    even = Position(
        "p2",
        "even",
        evidence=(
            Evidence("p2.f1", "for", "one point of middling weight for it", weight=0.5),
            Evidence("p2.a1", "against", "an answer just as weighty against it", weight=0.5),
        ),
    )
    b = balance(Debate("t", positions=(even, strong)))
    assert [p.id for p in b.positions] == ["p1", "p2"]
    assert b.positions[0].standing == "holds" and b.positions[1].standing == "contested"
    assert [p.id for p in b.strongest()] == ["p1"]
    assert b.positions[0].unanswered == ("p1.f1",)
