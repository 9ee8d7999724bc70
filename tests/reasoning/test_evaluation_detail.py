"""A page that shows less computes less: ``leaders`` and ``ranking`` agree with ``full``
on everything they keep (the verdict page shows the default method's top two and the
other methods' rankings only)."""

from __future__ import annotations

import pytest
from reasoning_debates import linked_debate, random_debate, river_debate

from quaestio.model import Debate
from quaestio.reasoning import GRADUAL
from quaestio.reasoning.evaluation import evaluate_prepared, prepare

DEBATES = {
    "river": lambda: river_debate(),
    "random": lambda: random_debate(6, 20, seed=5),
    "linked": lambda: linked_debate(5, 18, seed=9),
}


@pytest.mark.parametrize("name", sorted(DEBATES))
@pytest.mark.parametrize("sem", [*GRADUAL, "ach"])
def test_leaders_and_ranking_keep_what_full_says(name: str, sem: str) -> None:
    debate: Debate = DEBATES[name]()
    prepared = prepare(debate)
    full = evaluate_prepared(prepared, sem, "full")
    leaders = evaluate_prepared(prepared, sem, "leaders")
    ranked = evaluate_prepared(prepared, sem, "ranking")
    order = [(r.id, r.strength) for r in full.ranking]
    assert [(r.id, r.strength) for r in leaders.ranking] == order
    assert [(r.id, r.strength) for r in ranked.ranking] == order
    assert leaders.deciding == full.deciding and leaders.flip == full.flip
    for mine, theirs in zip(leaders.ranking[:2], full.ranking[:2], strict=True):
        assert mine.contributions == theirs.contributions
    assert all(not r.contributions for r in leaders.ranking[2:])
    # ranked only: no explanation at all, and it says so
    assert ranked.flip is None and ranked.deciding == []
    assert ranked.contributions_method == "none"
    assert all(not r.contributions for r in ranked.ranking)
