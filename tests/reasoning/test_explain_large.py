"""Explanations at scale: batched sparse passes, sampled Shapley values, the vectorised flip point.

The fast paths are checked against independent computations: the sparse
fixed-point solver of ``gradual.py`` (one debate at a time, no batching) and
Shapley values summed by brute force over every subset of the evidence.
"""

from __future__ import annotations

from itertools import combinations
from math import factorial

import numpy as np
import pytest
from reasoning_debates import linked_debate, random_debate

from quaestio.model import Debate, Evidence, Position
from quaestio.reasoning import GRADUAL, debate_graph, evaluate
from quaestio.reasoning import explain as explain_module
from quaestio.reasoning.batch import BatchEvaluator
from quaestio.reasoning.gradual import QBAF, strengths
from quaestio.reasoning.whatif import AchGame, GradualGame

#: sampled Shapley values stay this close to the exact ones (largest error measured
#: on these debates: 0.015 for DF-QuAD, 0.006 for the others; see docs/reasoning.md)
SAMPLED_TOLERANCE = 0.03


def solver_top(debate: Debate, sem: str, weights: dict[str, float]) -> str:
    """The top position by the plain sparse solver (independent of the batched code)."""
    graph = debate_graph(debate.with_weights(weights))
    s = strengths(graph.qbaf(), sem, weighted_hcat=True).strengths[: graph.n_positions]
    return graph.ids[min(range(s.size), key=lambda i: (-s[i], i))]


@pytest.mark.parametrize("cycles", [False, True])
@pytest.mark.parametrize("sem", GRADUAL)
def test_batched_passes_match_the_sparse_solver(sem: str, cycles: bool) -> None:
    debate = random_debate(6, 25, seed=3, rebut=0.5, cycles=cycles)
    graph = debate_graph(debate)
    evaluator = BatchEvaluator(graph, sem)
    assert evaluator.acyclic is not cycles
    rng = np.random.default_rng(7)
    weights = rng.uniform(0, 1, (5, graph.n))
    present = rng.random((5, graph.n)) < 0.8
    batched = evaluator.run(weights, present)
    att = np.array(graph.attacks, dtype=np.int64).reshape(-1, 2)
    sup = np.array(graph.supports, dtype=np.int64).reshape(-1, 2)
    for row in range(5):
        keep = present[row]
        # an absent item is one whose edges are gone and whose weight is 0
        a = att[keep[att[:, 0]] & keep[att[:, 1]]]
        s = sup[keep[sup[:, 0]] & keep[sup[:, 1]]]
        qbaf = QBAF(weights[row] * keep, a[:, 0], a[:, 1], s[:, 0], s[:, 1])
        solved = strengths(qbaf, sem, weighted_hcat=True, tol=1e-13).strengths
        assert batched[row] == pytest.approx(solved, abs=1e-9)


@pytest.mark.parametrize("sem", GRADUAL)
@pytest.mark.parametrize("linked", [False, True])
def test_moving_one_weight_matches_a_full_solve(sem: str, linked: bool) -> None:
    """Only the moved node's descendants are evaluated; the rest must not matter."""
    debate = linked_debate(8, 30, seed=11) if linked else random_debate(8, 30, seed=11)
    graph = debate_graph(debate)
    game = GradualGame(graph, sem)
    rng = np.random.default_rng(2)
    nodes = rng.integers(graph.n_positions, graph.n, 12).astype(np.intp)
    values = rng.uniform(0, 1, 12)
    moved = game.moved(nodes, values)
    for row, (node, value) in enumerate(zip(nodes, values, strict=True)):
        changed = debate_graph(debate.with_weights({graph.ids[node]: float(value)}))
        solved = strengths(changed.qbaf(), sem, weighted_hcat=True, tol=1e-13).strengths
        solved = solved[: graph.n_positions]
        assert moved[row] == pytest.approx(solved, abs=1e-9)


def brute_force_shapley(debate: Debate, sem: str, pid: str) -> dict[str, float]:
    """Sum over every subset of the evidence, each subset solved as a framework of its own.

    An item outside the coalition is absent: its edges are gone and its weight is 0
    (so a counter-point aimed at an absent point does nothing).
    """
    graph = debate_graph(debate)
    me = graph.index[pid]
    players = [j for j in graph.ancestors(me) if j >= graph.n_positions]
    k = len(players)
    att = np.array(graph.attacks, dtype=np.int64).reshape(-1, 2)
    sup = np.array(graph.supports, dtype=np.int64).reshape(-1, 2)
    weights = np.array(graph.weights)

    def value(members: frozenset[int]) -> float:
        keep = np.ones(graph.n, dtype=bool)
        keep[[j for j in players if j not in members]] = False
        a = att[keep[att[:, 0]] & keep[att[:, 1]]]
        s = sup[keep[sup[:, 0]] & keep[sup[:, 1]]]
        qbaf = QBAF(weights * keep, a[:, 0], a[:, 1], s[:, 0], s[:, 1])
        return float(strengths(qbaf, sem, weighted_hcat=True, tol=1e-13).strengths[me])

    out = dict.fromkeys(players, 0.0)
    for size in range(k):
        share = factorial(size) * factorial(k - size - 1) / factorial(k)
        for coalition in combinations(players, size):
            base = value(frozenset(coalition))
            for player in players:
                if player not in coalition:
                    out[player] += share * (value(frozenset((*coalition, player))) - base)
    return {graph.ids[j]: v for j, v in out.items()}


@pytest.mark.parametrize("sem", GRADUAL)
def test_exact_contributions_are_the_brute_force_shapley_values(sem: str) -> None:
    debate = random_debate(2, 6, seed=5, rebut=0.6)
    result = evaluate(debate, sem)
    assert result.contributions_method == "shapley-exact"
    for row in result.ranking:
        expected = brute_force_shapley(debate, sem, row.id)
        assert row.contributions == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("rebut", [0.4, 0.0])
@pytest.mark.parametrize("sem", GRADUAL)
def test_sampled_contributions_stay_close_to_the_exact_values(
    sem: str, rebut: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With rebuttals the graph is evaluated per coalition; without (every point acts
    on its position directly) orderings are evaluated by running sums."""
    for k, seed in ((15, 1), (16, 2), (17, 3)):
        debate = random_debate(2, k, seed=seed, rebut=rebut)
        sampled = evaluate(debate, sem)
        assert sampled.contributions_method == "shapley-sampled"
        assert any("sampled" in note for note in sampled.notes)
        monkeypatch.setattr(explain_module, "EXACT_LIMIT", 20)
        exact = evaluate(debate, sem)
        monkeypatch.undo()
        assert exact.contributions_method == "shapley-exact"
        bare = {p.id: p.weight for p in debate.positions}
        for got, want in zip(sampled.ranking, exact.ranking, strict=True):
            assert got.id == want.id and set(got.contributions) == set(want.contributions)
            for node, value in want.contributions.items():
                assert got.contributions[node] == pytest.approx(value, abs=SAMPLED_TOLERANCE)
            # both keep efficiency: the shares add up to strength minus the strength alone
            alone = evaluate(
                Debate("x", positions=(Position(got.id, "x", weight=bare[got.id]),)), sem
            ).ranking[0]
            assert got.strength is not None and alone.strength is not None
            total = got.strength - alone.strength
            assert sum(got.contributions.values()) == pytest.approx(total, abs=1e-9)
            assert sum(want.contributions.values()) == pytest.approx(total, abs=1e-9)


def near_tie(debate: Debate, sem: str) -> Debate:
    """The runner-up made a twin of the leader with one direct counter-point a little heavier."""
    ranking = evaluate(debate, sem).ranking
    by_id = debate.position_by_id()
    leader, runner = by_id[ranking[0].id], by_id[ranking[1].id]
    rename = {e.id: e.id.replace(f"{leader.id}.", f"{runner.id}.", 1) for e in leader.evidence}
    heavier = next(e.id for e in leader.evidence if e.stance == "against" and not e.rebuts)
    twin = tuple(
        Evidence(
            rename[e.id],
            e.stance,
            e.text,
            weight=min(1.0, e.weight + 0.02) if e.id == heavier else e.weight,
            rebuts=tuple(rename.get(t, t) for t in e.rebuts),
        )
        for e in leader.evidence
    )
    runner = Position(runner.id, runner.title, weight=leader.weight, evidence=twin)
    return Debate(
        title="near tie",
        positions=tuple(runner if p.id == runner.id else p for p in debate.positions),
    )


@pytest.mark.parametrize("linked", [False, True])
@pytest.mark.parametrize("sem", [*GRADUAL, "ach"])
def test_flip_point_on_a_large_debate_really_flips(sem: str, linked: bool) -> None:
    plain = linked_debate(12, 50, seed=21) if linked else random_debate(12, 50, seed=21)
    debate = near_tie(plain, sem)
    result = evaluate(debate, sem)
    flip, top = result.flip, result.top
    assert flip is not None and top is not None
    assert flip.margin == pytest.approx(abs(flip.new_weight - flip.old_weight))
    assert 0.0 <= flip.new_weight <= 1.0
    moved = evaluate(debate, sem, {flip.evidence: flip.new_weight})
    assert moved.ranking[0].id == flip.new_top != top.id
    step = min(1e-3, flip.margin / 2) * (1 if flip.new_weight > flip.old_weight else -1)
    almost = evaluate(debate, sem, {flip.evidence: flip.new_weight - step})
    assert almost.ranking[0].id == top.id
    if sem == "ach":
        return
    assert solver_top(debate, sem, {flip.evidence: flip.new_weight}) == flip.new_top
    # no item picked at random flips the top with a smaller change
    rng = np.random.default_rng(4)
    by_id = debate.evidence_by_id()
    for eid in rng.choice(sorted(by_id), 25, replace=False):
        w = by_id[str(eid)].weight
        for target in (w - 0.9 * flip.margin, w + 0.9 * flip.margin):
            if 0.0 <= target <= 1.0:
                assert solver_top(debate, sem, {str(eid): target}) == top.id


@pytest.mark.parametrize("sem", [*GRADUAL, "ach"])
def test_overtakes_agrees_with_the_moved_strengths(sem: str) -> None:
    """The flip search asks only "is the top overtaken?"; it must agree with the full rows."""
    debate = near_tie(linked_debate(10, 20, seed=9), sem)
    graph = debate_graph(debate)
    game = AchGame(debate, graph) if sem == "ach" else GradualGame(graph, sem)
    top = int(np.argmax(game.strengths))
    rng = np.random.default_rng(1)
    nodes = rng.integers(graph.n_positions, graph.n, 400).astype(np.intp)
    values = rng.uniform(0, 1, 400)
    full = game.moved(nodes, values)
    others = np.delete(full, top, axis=1).max(axis=1)
    expected = others > full[:, top] + 1e-12
    assert expected.any() and not expected.all()
    assert np.array_equal(game.overtakes(nodes, values, top), expected)


def test_ach_flip_follows_the_rating_its_weight_gives() -> None:
    """A counter-point is rated I below 0.8 and II from 0.8 on: the flip search must see
    the jump, so that the reported change holds when the debate is evaluated again."""
    crossings = 0
    for seed in range(12):
        debate = random_debate(4, 10, seed=seed, rebut=0.5)
        result = evaluate(debate, "ach")
        flip, top = result.flip, result.top
        if flip is None or top is None:
            continue
        crossings += (flip.old_weight < 0.8) != (flip.new_weight < 0.8)
        assert evaluate(debate, "ach", {flip.evidence: flip.new_weight}).ranking[0].id == (
            flip.new_top
        )
        step = min(1e-3, flip.margin / 2) * (1 if flip.new_weight > flip.old_weight else -1)
        almost = evaluate(debate, "ach", {flip.evidence: flip.new_weight - step})
        assert almost.ranking[0].id == top.id
    assert crossings >= 3


@pytest.mark.parametrize("sem", [*GRADUAL, "ach"])
def test_running_sums_give_the_same_values_as_graph_passes(sem: str) -> None:
    debate = random_debate(3, 20, seed=8, rebut=0.0)
    graph = debate_graph(debate)
    if sem == "ach":
        ach = AchGame(debate, graph)
        game: AchGame | GradualGame = ach
        players = ach.players[1]
    else:
        gradual = GradualGame(graph, sem)
        game, players = gradual, gradual.players(1)
    along = game.prefixes(1, players)
    assert along is not None
    k = len(players)
    orders = np.array([np.random.default_rng(i).permutation(k) for i in range(6)])
    ranks = np.argsort(orders, axis=1).T
    members = (ranks[:, :, None] < np.arange(k + 1)[None, None, :]).reshape(k, -1)
    by_graph = game.coalitions(1, players, members).reshape(6, k + 1)
    assert along(orders) == pytest.approx(by_graph, abs=1e-12)
    if sem != "ach":  # with a rebuttal the shortcut does not apply
        rebutted = random_debate(3, 20, seed=8, rebut=0.9)
        g2 = debate_graph(rebutted)
        again = GradualGame(g2, sem)
        assert again.prefixes(1, again.players(1)) is None


def with_analyst_judgements(debate: Debate, seed: int) -> Debate:
    """Set credibility on some items and rate some cells by hand, at random."""
    from quaestio.model.ach import set_rating, set_weights

    rng = np.random.default_rng(seed)
    positions = [p.id for p in debate.positions]
    for _, e in list(debate.iter_evidence()):
        roll = rng.random()
        if roll < 0.3:
            debate = set_weights(debate, e.id, {"credibility": float(rng.uniform(0, 1))})
        elif roll < 0.6:
            rating = str(rng.choice(["I", "II", "C", "N"]))
            debate = set_rating(debate, e.id, str(rng.choice(positions)), rating)
    return debate


def test_ach_moves_follow_the_analysts_credibility_and_ratings() -> None:
    """A weight moves an item's credibility only where no analyst set it, and the I/II
    rating of its own position only where no analyst rated that cell."""
    debate = with_analyst_judgements(random_debate(5, 16, seed=5, rebut=0.3), seed=2)
    graph = debate_graph(debate)
    game = AchGame(debate, graph)
    rng = np.random.default_rng(3)
    nodes = rng.integers(graph.n_positions, graph.n, 60).astype(np.intp)
    values = rng.uniform(0, 1, 60)
    moved = game.moved(nodes, values)
    for row, (node, value) in enumerate(zip(nodes, values, strict=True)):
        changed = evaluate(debate, "ach", {graph.ids[node]: float(value)})
        expected = {r.id: r.strength for r in changed.ranking}
        got = {graph.ids[i]: moved[row, i] for i in range(graph.n_positions)}
        assert got == pytest.approx(expected, abs=1e-12)


def test_ach_strengths_use_the_analysts_credibility() -> None:
    from quaestio.model.ach import set_weights
    from quaestio.reasoning.ach import ach_matrix

    debate = random_debate(4, 12, seed=6, rebut=0.0)
    against = next(e.id for _, e in debate.iter_evidence() if e.stance == "against")
    judged = set_weights(debate, against, {"credibility": 0.0})
    matrix = ach_matrix(judged)
    result = {r.id: r.strength for r in evaluate(judged, "ach").ranking}
    assert result == pytest.approx({p: 1 / (1 + matrix.inconsistency[p]) for p in result})
    before = {r.id: r.strength for r in evaluate(debate, "ach").ranking}
    assert result != pytest.approx(before)
