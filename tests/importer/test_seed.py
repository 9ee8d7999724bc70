"""The real handout (../shared/seeds) imports with its structure, names, years and figures."""

from __future__ import annotations

from quaestio.extract import historian_key
from quaestio.importer import summarise
from quaestio.model import Debate, Position, validate


def by_title(debate: Debate, *words: str) -> Position:
    found = [p for p in debate.positions if all(w.lower() in p.title.lower() for w in words)]
    assert len(found) == 1, [p.title for p in debate.positions]
    return found[0]


def test_seven_positions_with_their_titles(seed_debate: Debate) -> None:
    assert len(seed_debate.positions) == 7
    keys = [
        ("planned",),
        ("paranoia",),
        ("lenin",),
        ("opposition",),
        ("reactions",),
        ("leaders", "agencies"),
        ("life", "own"),
    ]
    for position, words in zip(seed_debate.positions, keys, strict=True):
        assert all(w in position.title.lower() for w in words), position.title
    assert [p.id for p in seed_debate.positions] == [f"p{i}" for i in range(1, 8)]
    assert validate(seed_debate) == []


def test_title_and_question(seed_debate: Debate) -> None:
    assert "Purges" in seed_debate.title
    assert seed_debate.question == "Why did the purges happen?"


def test_historians_split_and_keyed(seed_debate: Debate) -> None:
    lenin = by_title(seed_debate, "lenin")
    assert len(lenin.historians) == 3
    assert "conquest" in [h.key for h in lenin.historians]
    planned = by_title(seed_debate, "planned")
    assert [h.name for h in planned.historians] == ["Deutscher", "Fainsod", "Mandelstam"]
    agencies = by_title(seed_debate, "agencies")
    getty = [h for h in agencies.historians if "Getty" in h.name]
    assert getty and getty[0].name == "Arch-Getty"  # spelling kept as written
    assert getty[0].key == historian_key("Getty") == historian_key("J. Arch Getty")
    # "Shapiro" in two positions is one person
    assert "schapiro" in seed_debate.historians()
    assert len(seed_debate.historians()["schapiro"]) == 2


def test_summary_is_not_title_or_historians(seed_debate: Debate) -> None:
    for position in seed_debate.positions:
        assert position.summary
        assert "(" not in position.summary[-3:]
        assert position.title not in position.summary


def test_evidence_for_and_against(seed_debate: Debate) -> None:
    for position in seed_debate.positions[:4]:
        assert position.supporting and position.countering, position.title
    for position in seed_debate.positions[4:]:
        assert position.supporting and not position.countering, position.title
    planned = by_title(seed_debate, "planned")
    assert len(planned.supporting) >= 4  # bullets split into points
    assert all(e.id.startswith("p1.f") for e in planned.supporting)
    assert all(e.id.startswith("p1.a") for e in planned.countering)


def test_labelled_rebuttals(seed_debate: Debate) -> None:
    opposition = by_title(seed_debate, "opposition")
    labels = [e.label for e in opposition.supporting]
    assert [lab.split()[0] for lab in labels] == ["Industrial", "Political", "Internal"]
    for counter in opposition.countering:
        (target,) = counter.rebuts
        rebutted = next(e for e in opposition.supporting if e.id == target)
        assert rebutted.label == counter.label
    assert len(seed_debate.rebuttal_pairs()) == 3


def test_dash_label_in_the_seed(seed_debate: Debate, seed_path) -> None:  # type: ignore[no-untyped-def]
    """The planned-purges column opens with a "Label – text" point: read like "Label: text"."""
    first = by_title(seed_debate, "planned").supporting[0]
    assert first.label is not None and first.label.lower().startswith("show trial")
    assert first.source is not None
    line = seed_path.read_text(encoding="utf-8").splitlines()[first.source.line_start - 1]
    assert f"{first.label} –" in line and not first.text.startswith(first.label)
    # the balance sheet keeps its dashes: a consequence is never cut at one
    assert all(c.category is None or "–" not in c.category for c in seed_debate.consequences)


def test_years_and_figures(seed_debate: Debate) -> None:
    lenin = by_title(seed_debate, "lenin")
    not_new = next(e for e in lenin.supporting if "1919" in e.text)
    assert {1919, 1921, 1924, 1925, 1928, 1929} <= set(not_new.years)
    figures = [f for _, e in seed_debate.iter_evidence() for f in e.figures]
    assert any(f.value == 1104 and f.kind == "count" for f in figures)
    marshals = [f for f in figures if f.unit == "Marshals"]
    assert marshals and (marshals[0].value, marshals[0].of) == (3, 5)
    assert any(f.kind == "fraction" and f.of == 18 for f in figures)
    # years are not counted as figures
    assert not any(f.value in (1919, 1934, 1936) for f in figures)
    paranoia_years = {y for e in by_title(seed_debate, "paranoia").evidence for y in e.years}
    assert {1936, 1937} <= paranoia_years


def test_references_are_not_evidence(seed_debate: Debate) -> None:
    refs = [(e, r) for _, e in seed_debate.iter_evidence() for r in e.references]
    assert len(refs) == 1
    _, ref = refs[0]
    assert ref.lower().startswith("see details")
    assert not any(e.text.lower().startswith("see details") for _, e in seed_debate.iter_evidence())


def test_conclusion_and_consequences(seed_debate: Debate) -> None:
    assert seed_debate.conclusion is not None
    text = seed_debate.conclusion.text
    assert "44 000" in text and "366" in text
    assert not text.lower().startswith("conclusion")
    positives = [c for c in seed_debate.consequences if c.polarity == "positive"]
    negatives = [c for c in seed_debate.consequences if c.polarity == "negative"]
    assert (len(positives), len(negatives)) == (5, 11)
    assert positives[0].id == "c.pos1" and negatives[-1].id == "c.neg11"
    assert [c.category for c in negatives if c.category] == ["Military"]


def test_warnings(seed_debate: Debate) -> None:
    glued = [w for w in seed_debate.warnings if w.code == "glued_number"]
    assert len(glued) == 1 and "1996b" in glued[0].message
    assert glued[0].line is not None
    no_counter = [w for w in seed_debate.warnings if w.code == "no_countering"]
    assert len(no_counter) == 3
    assert any(w.code == "doubled_word" for w in seed_debate.warnings)
    spelling = [w.message for w in seed_debate.warnings if w.code == "historian_spelling"]
    assert any("Brezinski" in m for m in spelling)


def test_provenance_on_every_node(seed_debate: Debate, seed_path) -> None:  # type: ignore[no-untyped-def]
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    nodes = [*seed_debate.positions, *(e for _, e in seed_debate.iter_evidence())]
    nodes += [*seed_debate.consequences]
    for node in nodes:
        assert node.source is not None and node.source.line_start is not None
        assert node.source.file == str(seed_path)
    # the source line really holds the text of the node
    for _, item in seed_debate.iter_evidence():
        assert item.source is not None and item.source.line_start is not None
        assert item.text[:20] in lines[item.source.line_start - 1]
    for position in seed_debate.positions:
        assert position.source is not None and position.source.line_start is not None
        assert position.title in lines[position.source.line_start - 1]
    assert seed_debate.conclusion is not None and seed_debate.conclusion.source is not None


def test_summary_counts(seed_debate: Debate) -> None:
    summary = summarise(seed_debate)
    assert summary.positions == 7
    assert summary.rebuttal_pairs == 3
    assert (summary.positive, summary.negative) == (5, 11)
    assert summary.conclusion
    assert summary.historians == len(seed_debate.historians())
    lines = summary.lines("seed.txt")
    assert any("1996b" in line and line.strip().startswith("seed.txt:") for line in lines)
