"""Handouts on other topics and in other layouts: .docx, Markdown, HTML, outlines, text tables."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import docx
import pytest

from quaestio.importer import import_bytes, import_path
from quaestio.model import Debate, validate

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def codes(debate: Debate) -> list[str]:
    return [w.code for w in debate.warnings]


# -- .docx -----------------------------------------------------------------------------
def make_docx() -> bytes:
    """A handout on the Black Death, with bullets and a merged conclusion row."""
    document = docx.Document()
    document.add_heading("The Black Death: Causes of the Peasants' Revolt", level=0)
    table = document.add_table(rows=3, cols=3)
    for i, name in enumerate(("Argument", "For", "Against")):
        table.cell(0, i).text = name
    head = table.cell(1, 0)
    head.text = "Labour shortage"
    head.add_paragraph("Fewer workers could ask for more pay. (Dyer, Hilton)")
    support = table.cell(1, 1)
    support.text = "Wages: the Statute of Labourers capped pay in 1351."
    support.add_paragraph("Rents fell by a third in some manors", style="List Bullet")
    support.add_paragraph("about 40% of the population died", style="List Bullet 2")
    support.add_paragraph("Villeins left their lords", style="List Bullet")
    table.cell(1, 2).text = "Wages: real wages rose anyway, so the cap failed."
    merged = table.cell(2, 0).merge(table.cell(2, 2))
    merged.text = "Conclusion"
    merged.add_paragraph("The plague changed the bargain between lord and peasant.")
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_table_bullets_and_merged_row() -> None:
    debate = import_bytes(make_docx(), "revolt.docx")
    assert debate.title.startswith("The Black Death")
    assert debate.question == "What caused the Peasants' Revolt?"
    (position,) = debate.positions
    assert position.title == "Labour shortage"
    assert [h.key for h in position.historians] == ["dyer", "hilton"]
    texts = [e.text for e in position.supporting]
    assert texts[0].startswith("the Statute") and position.supporting[0].label == "Wages"
    assert texts[1].startswith("Rents fell") and "40%" in texts[1]  # nested bullet kept with parent
    assert texts[2] == "Villeins left their lords"
    assert position.supporting[0].years == (1351,)
    assert any(f.kind == "percent" and f.value == 40 for f in position.supporting[1].figures)
    (counter,) = position.countering
    assert counter.rebuts == (position.supporting[0].id,)
    assert debate.conclusion is not None and debate.conclusion.text.startswith("The plague")
    assert validate(debate) == []


def test_docx_paragraph_numbers_are_the_provenance() -> None:
    debate = import_bytes(make_docx(), "revolt.docx")
    numbers = [e.source.line_start for _, e in debate.iter_evidence() if e.source]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


# -- Markdown and HTML ----------------------------------------------------------------
def test_markdown_pipe_table() -> None:
    debate = import_path(FIXTURES / "printing.md")
    assert [p.title for p in debate.positions] == [
        "Cheap paper",
        "Merchant networks",
        "Religious demand",
    ]
    paper = debate.positions[0]
    assert [h.name for h in paper.historians] == ["Eisenstein", "Febvre", "Martin"]
    assert [e.rebuts for e in paper.countering] == [("p1.f1",), ("p1.f2",)]
    trade = debate.positions[1]
    assert trade.supporting[0].text.startswith("Venice had 150")  # <li> in a cell
    luther = debate.positions[2].supporting[0]
    assert luther.years == (1518, 1525)
    assert any(f.value == 300_000 for f in luther.figures)
    assert "no_countering" in codes(debate)
    assert debate.conclusion is not None and "profitable" in debate.conclusion.text
    assert debate.positions[2].source is not None and debate.positions[2].source.line_start == 7


def test_html_table_with_br_li_and_colspan() -> None:
    debate = import_path(FIXTURES / "railways.html")
    assert debate.question == "What caused the railway boom?"
    credit, engineering = debate.positions
    assert credit.title == "Easy credit" and [h.key for h in credit.historians] == [
        "odlyzko",
        "campbell",
    ]
    assert [e.label for e in credit.supporting] == ["Capital", "Prices"]
    assert [e.rebuts for e in credit.countering] == [("p1.f1",), ("p1.f2",), ("p1.f2",)]
    assert "dividends of 10%" in engineering.supporting[1].text
    assert debate.conclusion is not None and debate.conclusion.text.startswith("Credit")
    assert [c.polarity for c in debate.consequences] == ["positive"] * 2 + ["negative"] * 2
    assert debate.consequences[0].figures if hasattr(debate.consequences[0], "figures") else True
    assert credit.source is not None and credit.source.line_start == 12


# -- headings and bullets ---------------------------------------------------------------
def test_outline_with_for_and_against() -> None:
    debate = import_path(FIXTURES / "republic_outline.md")
    assert debate.title == debate.question == "Why did the Roman Republic fall?"
    generals, economy = debate.positions
    assert [h.name for h in generals.historians] == ["Syme", "Beard"]
    assert [h.name for h in economy.historians] == ["Brunt", "Hopkins"]
    assert len(generals.supporting) == 3 and len(generals.countering) == 1
    assert generals.supporting[1].years == (-88,)  # 88 BC, with the nested bullet merged in
    assert "army took the city" in generals.supporting[1].text
    assert economy.supporting[0].years == (-133,)
    assert debate.conclusion is not None
    assert [c.polarity for c in debate.consequences] == ["positive", "negative", "negative"]
    assert debate.warnings == ()


def test_plain_text_outline() -> None:
    text = (
        "Did the canals make the industrial revolution?\n\n"
        "Cheap transport\n\n"
        "Barges carried heavy goods cheaply (Bagwell)\n"
        "For:\n"
        "- coal prices in Manchester halved after 1761\n"
        "Against:\n"
        "- many canals froze in winter\n\n"
        "Conclusion\n\n"
        "Canals helped but did not start it.\n"
    )
    debate = import_bytes(text.encode(), "canals.txt")
    (position,) = debate.positions
    assert position.title == "Cheap transport"
    assert [h.name for h in position.historians] == ["Bagwell"]
    assert position.supporting[0].years == (1761,)
    assert len(position.countering) == 1
    assert debate.conclusion is not None and debate.conclusion.text.startswith("Canals")


# -- Word-table text in other shapes ------------------------------------------------------
def test_two_columns() -> None:
    text = (
        "Tea and the colonies\n"
        "\tCause\n\tEvidence\n"
        "\tTaxes\nLevied without a vote. (Bailyn)\n"
        "\t· the Tea Act of 1773\n· the Stamp Act of 1765\n"
        "\tSmuggling\nMerchants lost trade.\n"
        "\tHancock's ship was seized in 1768\n"
    )
    debate = import_bytes(text.encode(), "tea.txt")
    assert [p.title for p in debate.positions] == ["Taxes", "Smuggling"]
    assert [e.years for e in debate.positions[0].supporting] == [(1773,), (1765,)]
    assert all(not p.countering for p in debate.positions)


def test_four_columns_with_historians() -> None:
    text = (
        "Why did the Armada fail?\n"
        "\tExplanation\n\tHistorians\n\tSupporting\n\tCountering\n"
        "\tWeather\nStorms scattered the fleet.\n\tMattingly, Parker\n"
        "\tMany ships wrecked off Ireland in 1588\n"
        "\tThe battle at Gravelines came first\n"
        "\tTactics\nFireships broke the formation.\n\tMartin\n"
        "\tEnglish guns reloaded faster\n"
        "\t\n"
    )
    debate = import_bytes(text.encode(), "armada.txt")
    weather, tactics = debate.positions
    assert [h.key for h in weather.historians] == ["mattingly", "parker"]
    assert weather.supporting[0].years == (1588,)
    assert len(weather.countering) == 1
    assert [h.name for h in tactics.historians] == ["Martin"]
    assert not tactics.countering and "no_countering" in codes(debate)


def test_no_header_row_is_warned_and_read_by_position() -> None:
    text = (
        "Why did the Titanic sink?\n"
        "\tSpeed\nThe ship kept a high speed at night. (Lord)\n"
        "\tIt was making 22 knots\n"
        "\tOther liners also steamed fast\n"
        "\tLookouts\nNo binoculars were issued.\n"
        "\tThe key was left ashore\n"
        "\tThe night was moonless anyway\n"
    )
    debate = import_bytes(text.encode(), "titanic.txt")
    assert [p.title for p in debate.positions] == ["Speed", "Lookouts"]
    assert "no_header" in codes(debate)
    assert all(len(p.supporting) == 1 and len(p.countering) == 1 for p in debate.positions)


def test_nested_bullets_and_label_headings_in_a_text_cell() -> None:
    text = (
        "Why did the Bastille fall?\n"
        "\tArgument\n\tFor\n\tAgainst\n"
        "\tBread prices\nHunger drove the crowd.\n"
        "\tMarkets:\n• bread cost most of a day's wage\n  - in July 1789\n• grain riots spread\n"
        "\tMarkets: prices had been high before without revolt\n"
    )
    debate = import_bytes(text.encode(), "bastille.txt")
    (position,) = debate.positions
    assert [e.label for e in position.supporting] == ["Markets", "Markets"]
    assert "July 1789" in position.supporting[0].text
    assert position.supporting[0].years == (1789,)
    assert position.countering[0].rebuts == ("p1.f1", "p1.f2")


def test_ragged_last_row_is_a_warning() -> None:
    text = (
        "Why?\n\tArgument\n\tFor\n\tAgainst\n"
        "\tOne\nSummary one.\n\tpoint a\n\tpoint b\n"
        "\tTwo\nSummary two.\n\tpoint c\n"
    )
    debate = import_bytes(text.encode(), "ragged.txt")
    assert len(debate.positions) == 2
    assert "ragged_row" in codes(debate)


def test_dash_labels_and_early_years() -> None:
    """Labels written with a dash link rebuttals like "Label:" does; early years are dated."""
    debate = import_path(FIXTURES / "normans.md")
    soldiers, luck, tradition = debate.positions
    assert [e.label for e in soldiers.supporting] == ["Knights", "Archers", "Castles"]
    assert [e.label for e in soldiers.countering] == ["Knights", "Castles"]
    assert [e.rebuts for e in soldiers.countering] == [("p1.f1",), ("p1.f3",)]
    assert soldiers.supporting[0].text.startswith("mounted men")  # the label is not repeated
    assert [e.years for e in soldiers.evidence] == [(1054,), (1066,), (1066, 1087), (), (1100,)]
    assert luck.supporting[0].label == "Weather" and luck.supporting[0].years == (1066,)
    marched = luck.supporting[1]
    assert marched.years == () and [f.value for f in marched.figures] == [1066]  # a count
    aside = luck.countering[0]  # dashes around an aside inside a sentence: no label
    assert aside.label is None and aside.text.startswith("Harold – who")
    assert tradition.supporting[0].years == (-55, 1016, 1035)
    assert tradition.supporting[1].years == (1016, 1066)
    # on a balance sheet the words before a dash are the consequence, not a category
    assert [(c.category, c.text.split(" – ")[0]) for c in debate.consequences] == [
        (None, "Stone churches"),
        (None, "Harrying of the north"),
    ]
    assert validate(debate) == []


@pytest.mark.parametrize(
    "name", ["printing.md", "railways.html", "republic_outline.md", "normans.md"]
)
def test_fixture_imports_validate(name: str) -> None:
    debate = import_path(FIXTURES / name)
    assert validate(debate) == []
    assert all(p.source is not None for p in debate.positions)


def test_one_line_per_row_export() -> None:
    text = (
        "Why did the Hanseatic League decline?\n"
        "Factor\tFor\tAgainst\n"
        "Dutch competition\tAmsterdam ships carried Baltic grain by 1600\tLübeck kept its salt\n"
        "Overall political change\tNew states taxed the ports\tSome towns kept privileges\n"
        "Conclusion: trade moved west and the League could not follow.\n"
    )
    debate = import_bytes(text.encode(), "hansa.txt")
    assert [p.title for p in debate.positions] == ["Dutch competition", "Overall political change"]
    assert debate.positions[0].supporting[0].years == (1600,)
    assert len(debate.positions[1].countering) == 1
    assert debate.conclusion is not None and debate.conclusion.text.startswith("trade moved west")


def test_docx_without_header_four_columns_and_ragged_row() -> None:
    document = docx.Document()
    document.add_paragraph("Why did the Ming build the Great Wall?")
    table = document.add_table(rows=2, cols=4)
    values = [
        ["Nomad raids", "Waldron", "Raids grew after 1550.", "Trade would have cost less."],
        ["Prestige", "Lovell", "Emperors wanted a visible frontier.", ""],
    ]
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    short = document.add_table(rows=1, cols=2)
    short.cell(0, 0).text = "Unrelated"
    short.cell(0, 1).text = "Cells with text that is not a header row at all."
    out = BytesIO()
    document.save(out)
    debate = import_bytes(out.getvalue(), "wall.docx")
    raids, prestige, *rest = debate.positions
    assert [h.key for h in raids.historians] == ["waldron"]
    assert raids.supporting[0].years == (1550,) and len(raids.countering) == 1
    assert not prestige.countering
    assert "no_header" in codes(debate)
    assert rest and rest[0].title == "Unrelated"


def test_html_ragged_and_unknown_column() -> None:
    page = (
        "<h1>Why did the Aztec empire fall?</h1>\n"
        "<table>\n<tr><th>Cause</th><th>Mood</th><th>For</th><th>Against</th></tr>\n"
        "<tr><td>Disease</td><td>grim</td><td>Smallpox struck in 1520</td>"
        "<td>Cortés fought for two years</td></tr>\n"
        "<tr><td>Allies</td><td>hopeful</td></tr>\n"
        "</table>"
    )
    debate = import_bytes(page.encode(), "aztec.html")
    assert [p.title for p in debate.positions] == ["Disease", "Allies"]
    assert {"unknown_column", "ragged_row"} <= set(codes(debate))
    assert debate.positions[0].supporting[0].years == (1520,)


def test_html_outline_with_lists() -> None:
    page = (
        "<html><body>\n<h1>Why did the Library of Alexandria decline?</h1>\n"
        "<h2>Loss of royal funding</h2>\n<p>The Ptolemies stopped paying scholars. (Bagnall)</p>\n"
        "<p>For:</p>\n<ul><li>Scholars were expelled in 145 BC</li></ul>\n"
        "<p>Against:</p>\n<ul><li>Teaching went on under Rome</li></ul>\n"
        "<h2>Fire</h2>\n<p>Historians: Canfora</p>\n"
        "<p>For: Caesar's fire of 48 BC burned warehouses</p>\n"
        "<h2>Conclusion</h2>\n<p>It faded slowly rather than burning once.</p>\n"
        "</body></html>"
    )
    debate = import_bytes(page.encode(), "alexandria.html")
    funding, fire = debate.positions
    assert [h.name for h in funding.historians] == ["Bagnall"]
    assert funding.supporting[0].years == (-145,) and len(funding.countering) == 1
    assert [h.name for h in fire.historians] == ["Canfora"]
    assert fire.supporting[0].years == (-48,)
    assert debate.conclusion is not None and funding.source is not None
    assert funding.source.line_start == 3


def test_docx_outline_with_heading_styles_and_bullets() -> None:
    document = docx.Document()
    document.add_heading("Why did the Vikings leave Scandinavia?", level=1)
    document.add_heading("Land hunger", level=2)
    document.add_paragraph("Farms were too small for younger sons. (Sawyer)")
    document.add_paragraph("For:")
    document.add_paragraph("Fjord valleys held little farmland", style="List Bullet")
    document.add_paragraph("Against:")
    document.add_paragraph("Raiders often came home rich", style="List Bullet")
    document.add_paragraph("and settled back on their farms", style="List Bullet 2")
    out = BytesIO()
    document.save(out)
    debate = import_bytes(out.getvalue(), "vikings.docx")
    (position,) = debate.positions
    assert position.title == "Land hunger"
    assert [h.key for h in position.historians] == ["sawyer"]
    assert len(position.supporting) == 1
    (counter,) = position.countering
    assert "settled back" in counter.text


def test_historians_line_inside_a_table_cell() -> None:
    text = (
        "Why?\n\tArgument\n\tFor\n\tAgainst\n"
        "\tMonsoon failure\nThe rains failed twice.\nHistorians: Davis, Sen\n"
        "\tGrain prices tripled in 1876\n\tExports went on\n"
    )
    debate = import_bytes(text.encode(), "famine.txt")
    (position,) = debate.positions
    assert [h.key for h in position.historians] == ["davis", "sen"]
    assert position.summary == "The rains failed twice."


def test_outline_with_all_headings_at_one_level() -> None:
    text = (
        "## Why did the tulip bubble burst?\n\n## Speculation\n\nFor:\n- bulbs changed hands "
        "20 times a day in 1637\n\nAgainst:\n- few contracts were ever settled\n"
    )
    debate = import_bytes(text.encode(), "tulips.md")
    (position,) = debate.positions
    assert position.title == "Speculation"
    assert position.supporting[0].years == (1637,)
    assert len(position.countering) == 1
