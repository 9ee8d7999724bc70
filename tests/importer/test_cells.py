"""Cell contents: labels, name lists, points and references."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quaestio.importer.cells import name_list, parse_points, parse_position, split_label
from quaestio.importer.layout import Line


def lines(*texts: str) -> tuple[Line, ...]:
    return tuple(Line(t, n) for n, t in enumerate(texts, start=1))


def test_labels() -> None:
    assert split_label("Trade Routes: ships sailed east") == ("Trade Routes", "ships sailed east")
    assert split_label("A long sentence that is not a label at all because: reasons") == (
        None,
        "A long sentence that is not a label at all because: reasons",
    )
    assert split_label("e.g: nothing") == (None, "e.g: nothing")
    assert split_label("In 1934: a year is not a label")[0] is None


def test_dash_labels() -> None:
    for dash in (" – ", " — ", " - ", "–", "—"):
        text = f"Show trials{dash}The accused confessed in public"
        assert split_label(text) == ("Show trials", "The accused confessed in public"), dash
    assert split_label("Show trials – the accused confessed") == (
        "Show trials",
        "the accused confessed",
    )
    assert split_label("Show trials –") == ("Show trials", "")  # a heading for the points below
    assert split_label("Anti-party groups - they met at night")[0] == "Anti-party groups"
    not_labels = [
        "Kirov – a popular leader – was shot",  # an aside set off by a pair of dashes
        "Stalin – who trusted nobody",  # the sentence goes on after the dash
        "However – and this matters – nobody knew",
        "Stalin-era files were opened",  # a hyphen inside a word
        "A long sentence that is much too long for a label – reasons",
        "In 1934 – a year is not a label",
        "Show trials–the unspaced dash before lower case",
    ]
    for text in not_labels:
        assert split_label(text) == (None, text), text
    assert split_label("Costs – high", dashes=False) == (None, "Costs – high")
    assert split_label("Costs: high", dashes=False) == ("Costs", "high")


def test_dash_label_headings() -> None:
    points, _ = parse_points(lines("Costs –", "tolls were high", "Speed — trains ran at 30 mph"))
    assert [(p.label, p.text) for p in points] == [
        ("Costs", "tolls were high"),
        ("Speed", "trains ran at 30 mph"),
    ]


def test_name_lists() -> None:
    assert name_list("Deutscher, Fainsod, Mandelstam") == ("Deutscher", "Fainsod", "Mandelstam")
    assert name_list("Febvre & Martin and Eisenstein") == ("Febvre", "Martin", "Eisenstein")
    assert name_list("Conquest 1968, Getty (1985)") == ("Conquest", "Getty")
    assert name_list("E. H. Carr; de Tocqueville") == ("E. H. Carr", "de Tocqueville")
    assert name_list("Law of Dec. 1st 1934") is None
    assert name_list("see the map on page four") is None


def test_position_cell() -> None:
    cell = parse_position(lines("Trade", "Merchants wanted peace.", "(Braudel, Pirenne)"))
    assert (cell.title, cell.summary, cell.historians) == (
        "Trade",
        "Merchants wanted peace.",
        ("Braudel", "Pirenne"),
    )
    assert cell.historians_line == 3
    inline = parse_position(lines("Trade", "Merchants wanted peace (Braudel)"))
    assert inline.historians == ("Braudel",) and inline.summary == "Merchants wanted peace"
    not_names = parse_position(lines("Trade", "Grain moved (by sea and river)"))
    assert not_names.historians == () and "(by sea" in not_names.summary


def test_points_references_and_label_headings() -> None:
    points, orphans = parse_points(
        lines("See the map of routes", "Ports grew fast", "Costs:", "tolls were high", "fuel too")
    )
    assert [p.text for p in points] == ["Ports grew fast", "tolls were high", "fuel too"]
    assert points[0].references == ["See the map of routes"]
    assert [p.label for p in points] == [None, "Costs", "Costs"]
    assert orphans == []
    only, orphans = parse_points(lines("(see above)"))
    assert only == [] and orphans == [("see above", 1)]


@given(st.lists(st.text(max_size=60), max_size=8))
def test_points_keep_every_non_reference_text(texts: list[str]) -> None:
    points, orphans = parse_points(lines(*texts))
    assert all(p.text or p.label for p in points)
    assert len(points) + len(orphans) <= len([t for t in texts if t.strip()])
