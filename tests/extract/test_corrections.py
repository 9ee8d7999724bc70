"""The importer's flagged typos put right: known misspellings of historians, stray letters
glued to figures; nothing else touched, ids and sources kept."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from quaestio.extract import corrected, corrections, find_figures, load_table
from quaestio.model import Conclusion, Debate, Evidence, Historian, Position, Source


def _debate(name: str = "Brezinski", text: str = "Of the 1996b delegates 1104 died.") -> Debate:
    point = Evidence(
        "p1.f1",
        "for",
        text,
        figures=find_figures(text),
        source=Source("h.txt", 4, 4),
        historians=(Historian(name, "brzezinski"),),
    )
    position = Position(
        "p1",
        "The terror ran on",
        f"As {name} saw it, it fed itself.",
        historians=(Historian(name, "brzezinski"), Historian("Cohen", "cohen")),
        evidence=(point,),
        source=Source("h.txt", 2, 2),
    )
    return Debate(
        "Terror",
        positions=(position,),
        conclusion=Conclusion(f"{name} was right (Getty 1996b)."),
    )


def test_a_known_misspelling_is_spelt_as_the_table_spells_it_everywhere() -> None:
    fixed = corrected(_debate())
    p = fixed.positions[0]
    assert [h.name for h in p.historians] == ["Brzezinski", "Cohen"]
    assert [h.key for h in p.historians] == ["brzezinski", "cohen"]  # the same person
    assert p.summary == "As Brzezinski saw it, it fed itself."
    assert p.evidence[0].historians[0].name == "Brzezinski"
    assert fixed.conclusion is not None and fixed.conclusion.text.startswith("Brzezinski was")
    assert p.source == Source("h.txt", 2, 2) and p.evidence[0].id == "p1.f1"


def test_a_stray_letter_on_a_figure_goes_and_the_figure_is_read() -> None:
    fixed = corrected(_debate())
    point = fixed.positions[0].evidence[0]
    assert point.text == "Of the 1996 delegates 1104 died."
    assert "1996 delegates" in {f.text for f in point.figures}
    # a citation's letter names no figure: left as written
    assert fixed.conclusion is not None and "Getty 1996b" in fixed.conclusion.text
    kinds = {(c.kind, c.written, c.corrected) for c in corrections(_debate())}
    assert ("figure", "1996b", "1996") in kinds and ("spelling", "Brezinski", "Brzezinski") in kinds


def test_nothing_to_correct_gives_the_same_debate() -> None:
    clean = _debate("Brzezinski", "Of the 1966 delegates 1104 died.")
    clean = replace(clean, conclusion=Conclusion("Brzezinski was right."))
    assert corrected(clean) is clean and corrections(clean) == []


def test_a_near_miss_is_a_different_person_and_stays() -> None:
    near = _debate("Brzezinsk")  # close to a known name, not a listed misspelling
    assert load_table().misspelt("Brzezinsk") is None
    assert corrected(near).positions[0].historians[0].name == "Brzezinsk"


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(["Brezinski", "Brzezinsky", "Shapiro", "Schapiro", "Cohen", "Nove"]),
    words=st.lists(st.sampled_from(["the", "1996b", "delegates", "42x", "in", "1937"]), max_size=8),
)
def test_correcting_is_idempotent(name: str, words: list[str]) -> None:
    once = corrected(_debate(name, " ".join(words) + "."))
    assert corrected(once) == once
    assert corrections(once) == []
    misspelt = {"Brezinski", "Brzezinsky", "Shapiro"}
    names = [h.name for h in once.positions[0].historians]
    assert not misspelt & set(names)
