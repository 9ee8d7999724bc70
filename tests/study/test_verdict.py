"""The default verdict: balance of evidence in plain words, beside the handout's own."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quaestio.model import Debate
from quaestio.reasoning.balance import balance
from quaestio.study import read_debate
from quaestio.study.author import author_verdict
from quaestio.study.verdict import plain_verdict

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "purges.debate.md"

ENGINE = re.compile(r"dfquad|df-quad|strength \d|[+-]0\.\d|h-categorizer|grounded|semantics", re.I)


def test_the_seed_and_the_bundled_example_agree_on_the_ranking(seed_debate: Debate) -> None:
    example = read_debate(EXAMPLE)
    assert balance(seed_debate).ranks() == balance(example).ranks()
    assert {p.id: p.standing for p in balance(seed_debate).positions} == {
        p.id: p.standing for p in balance(example).positions
    }


def test_the_seed_and_the_example_give_the_same_authors_verdict(seed_debate: Debate) -> None:
    seed, example = author_verdict(seed_debate), author_verdict(read_debate(EXAMPLE))
    assert seed.overall == example.overall
    # the handout does not give "Stalin planned" the whole of it, and rejects personal motive
    planned = next(p.id for p in seed_debate.positions if "planned" in p.title)
    paranoia = next(p.id for p in seed_debate.positions if "aranoia" in p.title)
    assert seed.overall[planned] == "qualifies"
    assert seed.overall[paranoia] == "rejects"
    for j in seed.judgements:  # traceable: the sentence is the conclusion's own
        assert seed_debate.conclusion is not None
        assert j.sentence in " ".join(seed_debate.conclusion.text.split())


def test_an_unanswered_position_is_not_yet_argued_in_words(seed_debate: Debate) -> None:
    verdict = plain_verdict(seed_debate)
    untested = [p for p in seed_debate.positions if p.supporting and not p.countering]
    assert untested
    said = " ".join(p.text for p in verdict.summary)
    assert "Not yet argued" in said
    for p in untested:
        assert p.title in said.split("Not yet argued", 1)[1]
        assert "strongest" not in said or p.title not in said.split("Not yet argued")[0]


def test_no_engine_words_and_every_sentence_cites(seed_debate: Debate, crash: Debate) -> None:
    for debate in (seed_debate, crash, read_debate(EXAMPLE)):
        verdict = plain_verdict(debate)
        ids = set(debate.node_ids())
        for point in verdict.points():
            assert not ENGINE.search(point.text), point.text
            assert point.refs and all(r.node in ids for r in point.refs)
            for cited in re.findall(r"\b(p\d+\.[fa]\d+)\b", point.text):
                assert cited in ids


def test_the_comparison_says_where_they_agree_and_why_they_differ(seed_debate: Debate) -> None:
    verdict = plain_verdict(seed_debate)
    assert verdict.comparison is not None
    text = verdict.comparison.text
    assert "agree on" in text and "differ on" in text and "because" not in text.lower()[:5]


def test_a_conclusion_reading_on_a_debate_of_another_topic(crash: Debate) -> None:
    verdict = author_verdict(crash)
    by_id = crash.position_by_id()
    for j in verdict.judgements:
        assert j.position in by_id and j.matched


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_weights_given_apart_give_the_verdict_of_the_weighted_debate(
    seed_debate: Debate, data: st.DataObject
) -> None:
    """The weight-free parts (typo fixes, the handout's verdict) are shared, never stale:
    the verdict with ``weights`` is the verdict of the debate with those weights."""
    ids = [e.id for _, e in seed_debate.iter_evidence()] + [p.id for p in seed_debate.positions]
    chosen = data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=8))
    weights = {i: data.draw(st.floats(0, 1)) for i in chosen}
    assert plain_verdict(seed_debate, weights) == plain_verdict(seed_debate.with_weights(weights))
