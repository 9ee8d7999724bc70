"""Evaluating a debate: rankings, Shapley contributions, flip point, ACH, and the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reasoning_debates import ev, river_debate
from typer.testing import CliRunner

from quaestio.cli.app import app
from quaestio.errors import SolverError, ValidationError
from quaestio.formats import debate_json, iccma, registry
from quaestio.model import Debate, Evidence, Position
from quaestio.reasoning import (
    ALL_SEMANTICS,
    GRADUAL,
    ach_matrix,
    debate_graph,
    evaluate,
    evaluate_all,
)
from quaestio.reasoning.batch import BatchEvaluator
from quaestio.reasoning.gradual import strengths

runner = CliRunner()


@pytest.fixture
def formats_table(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The real FORMATS table; until the plain-text format lands, the formats that exist."""
    try:
        registry.all_formats()
    except ImportError:
        monkeypatch.setattr(registry, "_CACHE", (debate_json.FORMAT, iccma.FORMAT))
    yield


@pytest.mark.parametrize("sem", GRADUAL)
def test_batched_strengths_match_the_sparse_solver(sem: str) -> None:
    graph = debate_graph(river_debate())
    q = graph.qbaf()
    sparse = strengths(q, sem, weighted_hcat=True).strengths
    dense = BatchEvaluator(graph, sem).run(np.array([graph.weights]))[0]
    assert np.allclose(sparse, dense, atol=1e-12)


@pytest.mark.parametrize("sem", [*GRADUAL, "ach"])
def test_contributions_are_exact_shapley_values(sem: str) -> None:
    debate = river_debate()
    result = evaluate(debate, sem)
    by_id = debate.position_by_id()
    for row in result.ranking:
        # efficiency: contributions add up to strength with all evidence minus with none
        position = by_id[row.id]
        bare = Debate(
            title="x",
            positions=(position.__class__(position.id, position.title, weight=position.weight),),
        )
        empty = evaluate(bare, sem).ranking[0].strength
        assert row.strength is not None and empty is not None
        assert sum(row.contributions.values()) == pytest.approx(row.strength - empty, abs=1e-9)
    assert [r.strength for r in result.ranking] == sorted(
        (r.strength for r in result.ranking), reverse=True
    )


def test_dfquad_numbers_by_hand() -> None:
    result = evaluate(river_debate(), "dfquad")
    strength = {r.id: r.strength for r in result.ranking}
    # p1: supports 0.9, 0.6 -> 1 - 0.1*0.4 = 0.96; attack 0.4; base 0.5 + 0.5*(0.96-0.4)
    assert strength["p1"] == pytest.approx(0.5 + 0.5 * 0.56)
    # p2: its only support (0.7) is rebutted by 0.5 -> 0.35; attack 0.3; 0.5 + 0.5*(0.35-0.3)
    assert strength["p2"] == pytest.approx(0.5 + 0.5 * 0.05)
    assert result.ranking[0].id == "p1" and result.deciding[0] == "p1.f1"
    contributions = result.ranking[0].contributions
    assert contributions["p1.f1"] > contributions["p1.f2"] > 0 > contributions["p1.a1"]


@pytest.mark.parametrize("sem", [*GRADUAL, "ach"])
def test_flip_point_is_the_smallest_change_that_dethrones_the_top(sem: str) -> None:
    debate = river_debate()
    result = evaluate(debate, sem)
    flip = result.flip
    assert flip is not None and result.top is not None
    assert flip.margin == pytest.approx(abs(flip.new_weight - flip.old_weight))
    moved = evaluate(debate, sem, {flip.evidence: flip.new_weight})
    assert moved.ranking[0].id == flip.new_top != result.top.id
    step = 1e-3 if flip.new_weight > flip.old_weight else -1e-3
    almost = evaluate(debate, sem, {flip.evidence: flip.new_weight - step})
    assert almost.ranking[0].id == result.top.id
    for eid in debate.evidence_by_id():  # no other single item flips it with a smaller change
        w = debate.evidence_by_id()[eid].weight
        for target in (w - flip.margin * 0.9, w + flip.margin * 0.9):
            if 0 <= target <= 1:
                assert evaluate(debate, sem, {eid: target}).ranking[0].id == result.top.id


def test_extension_semantics_give_statuses_and_defeaters() -> None:
    debate = Debate(
        title="t",
        positions=(
            river_debate()
            .positions[0]
            .__class__("p1", "Unopposed", evidence=(ev("p1", "for", 1, 0.5),)),
            river_debate().positions[1],
        ),
    )
    for sem in ("grounded", "preferred", "stable"):
        result = evaluate(debate, sem)
        status = {r.id: r.status for r in result.ranking}
        assert status == {"p1": "in", "p2": "out"}, sem
        assert result.ranking[0].id == "p1" and result.flip is None
        p2 = result.ranking[1]
        # p2.a1 rebuts p2.f1 and, as a secondary attack, p2 itself; p2.a2 attacks directly
        assert set(p2.defeated_by) == {"p2.a1", "p2.a2"}
        assert p2.contributions["p2.a1"] == -1.0
        assert p2.strength is None


def test_ach_matrix_ratings_scores_and_overrides() -> None:
    debate = river_debate()
    m = ach_matrix(debate)
    assert m.rating("p1.f1", "p1") == "CC" and m.rating("p1.f2", "p1") == "C"
    assert m.rating("p2.f1", "p2") == "N"  # rebutted, so contested
    assert m.rating("p3.a1", "p3") == "II" and m.rating("p1.a1", "p1") == "I"
    assert m.rating("p1.f1", "p2") == "N"
    assert m.inconsistency["p3"] == pytest.approx(2 * 0.8)
    assert m.inconsistency["p2"] == pytest.approx(0.5 + 0.3)
    assert m.diagnosticity["p1.f1"] == pytest.approx(0.5) and m.diagnosticity["p2.f1"] == 0.0
    changed = ach_matrix(debate, {("p3.a1", "p3"): "na", ("p1.f1", "p2"): "II"})
    assert changed.inconsistency["p3"] == 0.0 and changed.inconsistency["p2"] == pytest.approx(
        0.8 + 2 * 0.9
    )
    with pytest.raises(ValidationError, match="not one of"):
        ach_matrix(debate, {("p3.a1", "p3"): "maybe"})
    with pytest.raises(ValidationError, match="no ACH cell"):
        ach_matrix(debate, {("nope", "p3"): "C"})


def test_unknown_semantics_is_an_error() -> None:
    with pytest.raises(SolverError, match="unknown semantics"):
        evaluate(river_debate(), "voting")


def test_large_debate_uses_sampled_shapley_reproducibly() -> None:
    items = tuple(ev("p1", "for" if k % 3 else "against", k, 0.3 + 0.04 * k) for k in range(1, 16))
    big = Debate(
        title="big",
        positions=(river_debate().positions[0].__class__("p1", "Many", evidence=items),),
    )
    a, b = evaluate(big, "dfquad"), evaluate(big, "dfquad")
    assert a.contributions_method == "shapley-sampled"
    assert a.ranking[0].contributions == b.ranking[0].contributions
    bare = evaluate(Debate(title="x", positions=(big.positions[0].__class__("p1", "x"),)), "dfquad")
    total = sum(a.ranking[0].contributions.values())
    assert total == pytest.approx(a.ranking[0].strength - bare.ranking[0].strength, abs=1e-9)


def test_evaluate_all_and_json_shape() -> None:
    results = evaluate_all(river_debate())
    assert set(results) == set(ALL_SEMANTICS)
    payload = results["qe"].to_dict()
    assert payload["semantics"] == "qe"
    first = payload["positions"][0]  # type: ignore[index]
    assert set(first) >= {"id", "title", "strength", "status", "contributions"}
    assert 0 <= first["strength"] <= 1 and first["status"] is None
    assert results["grounded"].to_dict()["positions"][0]["status"] in ("in", "out", "undec")  # type: ignore[index]


def test_cli_evaluate_json_and_table(tmp_path: Path, formats_table: None) -> None:
    path = tmp_path / "river.json"
    path.write_bytes(debate_json.FORMAT.write(river_debate()))  # type: ignore[misc]
    result = runner.invoke(app, ["evaluate", str(path), "--semantics", "dfquad", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["semantics"] == "dfquad"
    assert [p["id"] for p in payload["positions"]] == ["p1", "p2", "p3"]
    assert payload["flip"]["evidence"] and payload["deciding"] == ["p1.f1"]
    plain = runner.invoke(app, ["evaluate", str(path)])  # the default speaks plainly
    assert plain.exit_code == 0
    assert "Heavy rain" in plain.output and "dfquad" not in plain.output
    result = runner.invoke(app, ["evaluate", str(path), "--compare"])
    assert result.exit_code == 0
    assert (
        "Heavy rain" in result.output and "flip:" in result.output and "grounded" in result.output
    )
    assert runner.invoke(app, ["evaluate", "--help"]).output.count("quaestio evaluate") >= 1


def test_iccma_format_round_trip(tmp_path: Path) -> None:
    debate = river_debate()
    data = iccma.FORMAT.write(debate)  # type: ignore[misc]
    assert data.startswith(b"p af 11\n") and b"# 5 p1.f2" in data
    loaded = iccma.FORMAT.read(data, "river.i23")  # type: ignore[misc]
    back = loaded.debate
    assert [p.id for p in back.positions] == ["p1", "p2", "p3"]
    assert {e.id: e.stance for _, e in back.iter_evidence()} == {
        e.id: e.stance for _, e in debate.iter_evidence()
    }
    assert back.evidence_by_id()["p2.a1"].rebuts == ("p2.f1",)
    assert loaded.locations["p1"] == 2  # line 1 is the header
    plain = iccma.FORMAT.read(b"p af 3\n1 2\n3 2\n", None).debate  # type: ignore[misc]
    assert len(plain.positions) == 3 and len(plain.positions[1].evidence) == 2
    assert evaluate(plain, "grounded").ranking[-1].status == "out"


def test_when_nothing_is_accepted_the_accepted_attackers_decide() -> None:
    result = evaluate(river_debate(), "grounded")
    assert {r.status for r in result.ranking} == {"out"}
    assert result.deciding == ["p1.a1", "p2.a1", "p2.a2", "p3.a1"]


@st.composite
def debates(draw: st.DrawFn) -> Debate:
    """Random debates: up to four positions, a few points each, rebuttals inside a position."""
    positions = []
    for i in range(1, draw(st.integers(0, 4)) + 1):
        pid = f"p{i}"
        items: list[Evidence] = []
        for j in range(1, draw(st.integers(0, 5)) + 1):
            stance = draw(st.sampled_from(["for", "against"]))
            weight = draw(st.sampled_from([0.0, 0.2, 0.5, 0.8, 1.0]))
            fors = [e.id for e in items if e.stance == "for"]
            rebuts = (
                (draw(st.sampled_from(fors)),)
                if stance == "against" and fors and draw(st.booleans())
                else ()
            )
            items.append(ev(pid, stance, j, weight, rebuts))
        positions.append(
            Position(
                pid,
                f"position {i}",
                evidence=tuple(items),
                weight=draw(st.sampled_from([0.3, 0.5, 0.9])),
            )
        )
    return Debate(title="random", positions=tuple(positions))


@settings(max_examples=40, deadline=None)
@given(debates())
def test_every_semantics_on_random_debates(debate: Debate) -> None:
    for sem, result in evaluate_all(debate).items():
        assert sorted(r.id for r in result.ranking) == sorted(p.id for p in debate.positions)
        for row in result.ranking:
            if sem in GRADUAL or sem == "ach":
                assert row.strength is not None and -1e-12 <= row.strength <= 1 + 1e-12
                assert row.status is None
            else:
                assert row.strength is None and row.status in ("in", "out", "undec")
        if result.flip is not None:
            moved = evaluate(debate, sem, {result.flip.evidence: result.flip.new_weight})
            assert moved.ranking[0].id != result.ranking[0].id


def test_weights_outside_zero_one_are_refused_with_the_node_named() -> None:
    with pytest.raises(ValidationError, match=r"p1\.f2: weight 1\.5 is outside \[0, 1\]"):
        evaluate(river_debate(), "dfquad", {"p1.f2": 1.5})


def test_cli_what_if_weight_and_ach_matrix(tmp_path: Path, formats_table: None) -> None:
    path = tmp_path / "river.json"
    path.write_bytes(debate_json.FORMAT.write(river_debate()))  # type: ignore[misc]
    result = runner.invoke(
        app, ["evaluate", str(path), "-s", "dfquad", "--json", "-w", "p1.a1=0.95"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["positions"][0]["id"] == "p2"  # the flip point was 0.91
    result = runner.invoke(app, ["evaluate", str(path), "-s", "ach", "--ach-matrix"])
    assert result.exit_code == 0 and "ACH matrix" in result.output and "II" in result.output
    result = runner.invoke(app, ["evaluate", str(path), "-w", "p1.a1"])
    assert isinstance(result.exception, ValidationError) and "NODE=NUMBER" in str(result.exception)


@pytest.mark.parametrize("semantics", ["dfquad", "grounded"])
def test_unopposed_positions_are_named_in_a_caveat(semantics: str) -> None:
    from paths import EXAMPLE
    from quaestio.formats import read_path

    debate = read_path(EXAMPLE).debate
    unopposed = [p.title for p in debate.positions if not p.countering]
    assert unopposed  # the bundled example has explanations nobody argues against
    notes = " ".join(evaluate(debate, semantics).notes)
    assert all(title in notes for title in unopposed)
    opposed = [p.title for p in debate.positions if p.countering]
    assert not any(f"“{title}”" in notes for title in opposed)
