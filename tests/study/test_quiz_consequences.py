"""Which explanation a consequence most supports: asked only where the debate's relations
settle it, and right wherever it is asked."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quaestio.model import Debate, Relation, School, validate
from quaestio.study import make_quiz, read_debate
from quaestio.study.questions_higher import consequence_support, consequence_supports

from .conftest import build_crash_debate
from .verify import check_question


def _linked(debate: Debate, *links: tuple[str, str, str, float]) -> Debate:
    extra = tuple(
        Relation(f"rx{i}", kind, source, target, weight=weight)  # type: ignore[arg-type]
        for i, (kind, source, target, weight) in enumerate(links)
    )
    out = replace(debate, relations=debate.relations + extra)
    assert not [p for p in validate(out) if p.severity == "error"]
    return out


def test_the_bundled_example_asks_about_each_linked_consequence(example_path: Path) -> None:
    debate = read_debate(example_path)
    settled = consequence_support(debate)
    assert settled  # the example cites consequences as evidence
    quiz = make_quiz(debate, n=200, seed=3, kinds=["consequence_supports"])
    assert {q.fact("consequence") for q in quiz} == set(settled)
    for q in quiz:
        check_question(debate, q)
        assert (
            q.options[q.answer]
            == debate.position_by_id()[settled[q.fact("consequence") or ""][0]].title
        )


def test_no_link_no_question(seed_debate: Debate) -> None:
    assert not seed_debate.relations or not consequence_support(seed_debate)
    assert consequence_supports(seed_debate) == []


def test_a_support_relation_makes_its_position_the_answer(crash: Debate) -> None:
    linked = _linked(crash, ("support", "c.neg1", "p2", 0.5))
    drafts = consequence_supports(linked)
    assert [d.facts["position"] for d in drafts] == ["p2"]
    assert drafts[0].options[0] == linked.position_by_id()["p2"].title
    assert "p2" not in {p.id for p in linked.positions if p.title in drafts[0].options[1:]}


def test_the_heaviest_support_decides_and_a_tie_is_not_asked(crash: Debate) -> None:
    heavier = _linked(crash, ("support", "c.neg1", "p2", 0.4), ("support", "c.neg1", "p3", 0.8))
    assert consequence_support(heavier)["c.neg1"][0] == "p3"
    (draft,) = consequence_supports(heavier)
    titles = heavier.position_by_id()
    # a position the consequence supports at all is never a wrong option
    assert titles["p2"].title not in draft.options
    tie = _linked(crash, ("support", "c.neg1", "p2", 0.5), ("support", "c.neg1", "p3", 0.5))
    assert consequence_supports(tie) == []


def test_a_position_it_argues_against_is_the_first_distractor(crash: Debate) -> None:
    linked = _linked(crash, ("support", "c.neg2", "p1", 0.5), ("attack", "c.neg2", "p4", 0.5))
    (draft,) = consequence_supports(linked)
    assert draft.preferred == 1
    assert draft.options[1] == linked.position_by_id()["p4"].title
    # supporting and attacking the same position leaves the answer open
    both = _linked(crash, ("support", "c.neg2", "p1", 0.5), ("attack", "c.neg2", "p1", 0.3))
    assert consequence_supports(both) == []


def test_positions_of_the_answers_school_are_not_offered(crash: Debate) -> None:
    schooled = replace(crash, schools=(School("s1", "Money", ("p1", "p2")),))
    linked = _linked(schooled, ("support", "c.pos1", "p1", 0.5))
    (draft,) = consequence_supports(linked)
    assert schooled.position_by_id()["p2"].title not in draft.options


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["support", "attack", "contrary"]),
            st.sampled_from(["c.pos1", "c.pos2", "c.neg1", "c.neg2"]),
            st.sampled_from(["p1", "p2", "p3", "p4"]),
            st.sampled_from([0.2, 0.5, 0.9]),
        ),
        max_size=8,
        unique_by=lambda t: (t[1], t[2]),
    ),
    st.integers(0, 50),
)
def test_every_question_is_right_whatever_the_links(
    links: list[tuple[str, str, str, float]], seed: int
) -> None:
    debate = _linked(build_crash_debate(), *links)
    for q in make_quiz(debate, n=20, seed=seed, kinds=["consequence_supports"]):
        check_question(debate, q)
