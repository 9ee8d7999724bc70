"""Nested ids extend their parent's until they would be too long, then start afresh."""

from __future__ import annotations

from quaestio.model import MAX_ID_LENGTH, IdAllocator, fits_evidence


def test_ids_extend_their_parent_then_start_a_short_one() -> None:
    alloc = IdAllocator(["p1"])
    parent, made = "p1", []
    for n in range(60):
        parent = alloc.evidence(parent, "for" if n % 2 else "against")
        made.append(parent)
    assert made[:3] == ["p1.a1", "p1.a1.f1", "p1.a1.f1.a1"]
    assert max(map(len, made)) <= MAX_ID_LENGTH
    # the first point too deep to extend its parent starts afresh, and its answers extend it
    first = made.index("p1.n1")
    assert len(made[first - 1]) + 6 > MAX_ID_LENGTH
    assert made[first + 1] in ("p1.n1.f1", "p1.n1.a1")
    assert "p1.n2" in made and len(set(made)) == len(made)


def test_a_reader_keeps_the_short_ids_it_is_given() -> None:
    deep = "p1" + ".a1" * 20
    assert fits_evidence("p1.n3", deep, "for")
    assert not fits_evidence(deep + ".f1", deep, "for")
    assert fits_evidence("p1.a1.f2", "p1.a1", "for") and not fits_evidence("p1.n1", "p1.a1", "for")
