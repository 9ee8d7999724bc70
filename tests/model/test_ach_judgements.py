"""The analyst's ACH judgements in the model: validation names the node and field, removal leaves nothing dangling."""

from __future__ import annotations

from quaestio.model import AchRating, Debate, Evidence, Position, validate


def _debate(*evidence: Evidence) -> Debate:
    return Debate(
        title="T",
        positions=(
            Position("p1", "P", evidence=evidence),
            Position("p2", "Q", evidence=(Evidence("p2.f1", "for", "z"),)),
        ),
    )


def test_sound_judgements_have_no_problems_and_are_read_as_cells() -> None:
    debate = _debate(
        Evidence(
            "p1.f1",
            "for",
            "x",
            ach=(AchRating("p2", "II"), AchRating("p1", "NA")),
            credibility=0.0,
            relevance=1.0,
        )
    )
    assert validate(debate) == []
    assert debate.ach_ratings() == {("p1.f1", "p2"): "II", ("p1.f1", "p1"): "NA"}


def test_every_bad_judgement_is_reported_with_its_field() -> None:
    debate = _debate(
        Evidence(
            "p1.f1",
            "for",
            "x",
            ach=(
                AchRating("p9", "C"),
                AchRating("p2", "maybe"),  # type: ignore[arg-type]
                AchRating("p2", "I"),
            ),
            credibility=1.5,
            relevance=float("nan"),
        )
    )
    problems = {(p.code, p.node, p.field) for p in validate(debate)}
    assert problems == {
        ("dangling_ach", "p1.f1", "ach"),
        ("bad_ach_rating", "p1.f1", "ach"),
        ("duplicate_ach", "p1.f1", "ach"),
        ("weight_out_of_range", "p1.f1", "credibility"),
        ("bad_weight", "p1.f1", "relevance"),
    }
    messages = " ".join(p.message for p in validate(debate))
    assert "'p9'" in messages and "credibility 1.5 is outside [0, 1]" in messages


def test_removing_a_position_drops_ratings_and_rebuttals_that_name_it() -> None:
    debate = Debate(
        title="T",
        positions=(
            Position("p1", "P", evidence=(Evidence("p1.f1", "for", "x"),)),
            Position(
                "p2",
                "Q",
                evidence=(
                    Evidence(
                        "p2.a1",
                        "against",
                        "y",
                        rebuts=("p1.f1",),
                        ach=(AchRating("p1", "I"), AchRating("p2", "CC")),
                    ),
                ),
            ),
        ),
    )
    assert validate(debate) == []
    without = debate.without_nodes({"p1"})
    assert validate(without) == []
    (item,) = without.positions[0].evidence
    assert (item.rebuts, item.ach) == ((), (AchRating("p2", "CC"),))
    # removing one point takes only the rebuttal naming it; its position's ratings stay
    kept = debate.without_nodes({"p1.f1"}).positions[1].evidence[0]
    assert (kept.rebuts, kept.ach) == ((), (AchRating("p1", "I"), AchRating("p2", "CC")))


def test_set_rating_replaces_in_place_appends_and_clears() -> None:
    from quaestio.model.ach import set_rating, set_weights

    debate = _debate(Evidence("p1.f1", "for", "x", ach=(AchRating("p1", "C"),)))
    rated = set_rating(debate, "p1.f1", "p2", "na")
    assert rated.ach_ratings() == {("p1.f1", "p1"): "C", ("p1.f1", "p2"): "NA"}
    again = set_rating(rated, "p1.f1", "p1", "II")
    assert again.positions[0].evidence[0].ach == (AchRating("p1", "II"), AchRating("p2", "NA"))
    assert set_rating(again, "p1.f1", "p1", None).positions[0].evidence[0].ach == (
        AchRating("p2", "NA"),
    )
    weighed = set_weights(again, "p1.f1", {"relevance": 0.5})
    assert (weighed.positions[0].evidence[0].relevance, validate(weighed)) == (0.5, [])
    assert debate.positions[0].evidence[0].ach == (AchRating("p1", "C"),)  # nothing mutated
