"""What each view draws, checked without a browser (fast)."""

from __future__ import annotations

import re

import pytest
from tests.web_ui.sample import big_debate, sample_debate

from quaestio.model import Debate, Position
from quaestio.web.pages import verdicts, viewdata
from quaestio.web.pages.verdicts import (
    EXPLAIN_LIMIT,
    SHOWN,
    compare,
    distribution,
    parse_weights,
)
from quaestio.web.pages.views import as_json


def test_graph_has_typed_edges_and_strength_sizes() -> None:
    d = sample_debate()
    g = viewdata.graph(d, {"p1": 0.9})
    kinds = [e["kind"] for e in g["edges"]]
    assert kinds.count("supports") == 4 and kinds.count("attacks") == 3
    assert kinds.count("rebuts") == 2
    p1 = next(n for n in g["nodes"] if n["id"] == "p1")
    assert p1["strength"] == 0.9 and p1["origin"] == "purges-sample.txt:5-8"


def test_timeline_one_item_per_point_with_its_span_lanes_in_order() -> None:
    t = viewdata.timeline(sample_debate())
    shown = [i for i in t["items"] if i["node"] == "p1.f1"]
    assert len(shown) == 1
    assert (shown[0]["year"], shown[0]["end"], shown[0]["span"]) == (1936, 1938, "1936–1938")
    assert len({i["node"] for i in t["items"]}) == len(t["items"])
    assert [g["id"] for g in t["groups"]] == ["p1", "p2", "p3"]


def test_matrix_uses_engine_ratings() -> None:
    m = viewdata.matrix(sample_debate())
    assert m["cells"]["p1.a1"]["p1"] in ("I", "II")
    assert m["cells"]["p1.a1"]["p2"] == "N"
    # p1.f1 is rebutted by p1.a1, so its support is contested (neutral)
    assert m["cells"]["p1.f1"]["p1"] == "N"


def test_matrix_marks_the_analysts_cells_and_keeps_what_they_replaced() -> None:
    from dataclasses import replace

    from quaestio.model import AchRating

    d = sample_debate()
    p1 = d.positions[0]
    rated = replace(p1.evidence[0], ach=(AchRating("p2", "CC"),), relevance=0.5)
    d = replace(d, positions=(replace(p1, evidence=(rated, *p1.evidence[1:])), *d.positions[1:]))
    m = viewdata.matrix(d, {"p1.f1": 4}, can_edit=True)
    assert m["cells"]["p1.f1"]["p2"] == "CC" and m["derived"]["p1.f1"]["p2"] == "N"
    assert m["origin"]["p1.f1"] == {"p1": "derived", "p2": "analyst", "p3": "derived"}
    assert m["versions"]["p1.f1"] == 4 and m["can_edit"] is True
    weight = next(e["weight"] for e in m["evidence"] if e["id"] == "p1.f1")
    assert weight == rated.weight * 0.5


def test_historians_merge_spellings_by_key() -> None:
    from dataclasses import replace

    from quaestio.model import Historian

    d = sample_debate()
    p2 = replace(
        d.positions[1], historians=(*d.positions[1].historians, Historian("Yezhov", "yezhov"))
    )
    d = replace(d, positions=(d.positions[0], p2, d.positions[2]))
    entry = viewdata.historian(d, "yezhov")
    assert entry is not None and entry.spellings == ["Yezhov", "Ezhov"]
    assert [p.id for p in entry.positions] == ["p2", "p3"]


def test_balance_totals_follow_weights() -> None:
    sheet = viewdata.balance(sample_debate(), {"c.neg1": 0.0})
    assert sheet["negative"] == 0.5 and round(sheet["net"], 2) == 0.1


def test_script_json_cannot_close_its_element() -> None:
    text = as_json({"t": "</script><script>alert(1)</script>"})
    assert "</script>" not in text and "<" not in text


def test_weights_from_form_are_clamped_and_filtered() -> None:
    d = sample_debate()
    got = parse_weights({"w:p1.f1": "2", "w:nope": "0.3", "w:p2.a1": "x", "other": "1"}, d)
    assert got == {"p1.f1": 1.0}


def test_live_compute_explains_handouts_and_stays_gradual_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """How fast this is lives in benchmarks/interactive.py, not in a timed test."""
    d = sample_debate()
    result = compare(d, {"p1.f1": 0.1})
    assert result.main is not None and result.main.flip is not None
    big = big_debate(10, 20)
    monkeypatch.setattr(verdicts, "EXPLAIN_LIMIT", 150)
    assert sum(len(p.evidence) for p in big.positions) > verdicts.EXPLAIN_LIMIT
    result = compare(big, {})
    assert [c.semantics for c in result.columns] == ["dfquad", "qe", "euler", "hcat", "ach"]
    assert result.main is not None and result.main.contributions_method == "none"
    assert result.main.notes and result.main.flip is None


def test_compare_explains_a_2000_point_debate() -> None:
    big = big_debate(20, 100)
    assert sum(len(p.evidence) for p in big.positions) == 2000 <= EXPLAIN_LIMIT
    # with a hundred points DF-QuAD saturates: silence p3's counter-points to make it lead
    silenced = {e.id: 0.0 for e in big.position_by_id()["p3"].countering}
    result = compare(big, silenced)
    assert [c.semantics for c in result.columns] == list(SHOWN)
    assert all(c.evaluation is not None for c in result.columns), [c.error for c in result.columns]
    main = result.main
    assert main is not None and main.contributions_method == "shapley-sampled"
    lead = main.ranking[0]
    assert lead.id == "p3" and lead.strength is not None
    # only its own points have shares; silenced ones have none; the shares add up
    assert set(lead.contributions) == {e.id for e in big.position_by_id()["p3"].evidence}
    assert all(lead.contributions[e] == 0.0 for e in silenced)
    alone = compare(Debate("x", positions=(Position("p3", "x"),)), {}).main
    assert alone is not None and alone.ranking[0].strength is not None
    total = lead.strength - alone.ranking[0].strength
    assert sum(lead.contributions.values()) == pytest.approx(total, abs=1e-9)
    assert main.flip is not None and main.flip.new_top != "p3"
    moved = compare(big, silenced | {main.flip.evidence: main.flip.new_weight})
    assert moved.main is not None and moved.main.ranking[0].id == main.flip.new_top
    grounded = next(c.evaluation for c in result.columns if c.semantics == "grounded")
    assert grounded is not None and {r.status for r in grounded.ranking} <= {"in", "out", "undec"}


def test_verdict_page_shows_contributions_and_flip_for_a_large_debate(server) -> None:  # type: ignore[no-untyped-def]
    import httpx

    did = server.add_debate(big_debate(20, 100))
    page = httpx.get(f"{server.url}/d/{did}/verdict", timeout=60)
    assert page.status_code == 200
    assert len(re.findall(r"data-contribution=", page.text)) == 5
    assert re.search(r'class="flip" data-flip-evidence="p\d+\.[fa]\d+"', page.text)
    assert 'data-semantics="preferred"' in page.text and "sampled orderings" in page.text
    big = big_debate(20, 100)
    # the browser sends every slider (2,000 fields, past Starlette's default of 1,000)
    form = {f"w:{e.id}": str(e.weight) for _, e in big.iter_evidence()}
    form |= {f"w:{e.id}": "0" for e in big.position_by_id()["p7"].countering}
    assert len(form) == 2000
    r = httpx.post(f"{server.url}/d/{did}/verdict/compute", data=form, timeout=60)
    assert r.status_code == 200
    leader = re.search(r'data-semantics="dfquad".*?<li data-node="([^"]+)"', r.text, re.S)
    assert leader is not None and leader.group(1) == "p7"
    assert "Why “Explanation 7” leads" in r.text


def test_class_distribution_counts_and_undecided_last() -> None:
    rows = distribution(sample_debate(), ["p3", "p3", None, "p1"])
    assert rows[0] == ("p3", "Pressure from below", 2)
    assert rows[-1] == ("", "no position chosen", 1)


def test_every_view_answers_for_an_empty_debate(server) -> None:  # type: ignore[no-untyped-def]
    import httpx

    from quaestio.model import Debate, Position

    for debate in (Debate(title="Empty"), Debate(title="One", positions=(Position("p1", "Only"),))):
        did = server.add_debate(debate)
        for view in ("table", "map", "matrix", "timeline", "historians", "balance", "verdict"):
            r = httpx.get(f"{server.url}/d/{did}/{view}")
            assert r.status_code == 200, (debate.title, view)
        r = httpx.post(f"{server.url}/d/{did}/verdict/compute", data={})
        assert r.status_code == 200
    assert httpx.get(f"{server.url}/d/999999/table").status_code == 404
    assert httpx.get(f"{server.url}/static/%2e%2e/pages/context.py").status_code == 404
    missing = httpx.get(f"{server.url}/static/dist/nope.js")
    assert missing.status_code == 404 and "frontend/build.sh" in missing.text
