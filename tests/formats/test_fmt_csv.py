"""The evidence CSV: spreadsheet-made files and errors that point at the row."""

from __future__ import annotations

import pytest

from quaestio.errors import ParseError
from quaestio.formats import evidence_csv


def test_minimal_spreadsheet_file_without_ids() -> None:
    text = (
        "Position,Stance,Text,Historians\r\n"
        "Economic collapse,for,Six million out of work in 1932,Peukert; Borchardt\r\n"
        "Economic collapse,against,Other democracies survived,\r\n"
        "Weak constitution,for,Article 48 allowed rule by decree,\r\n"
    )
    loaded = evidence_csv.read(text.encode("utf-8-sig"), "sheet.csv")
    d = loaded.debate
    assert [p.title for p in d.positions] == ["Economic collapse", "Weak constitution"]
    assert [h.name for h in d.positions[0].historians] == ["Peukert", "Borchardt"]
    assert [e.id for e in d.positions[0].evidence] == ["p1.f1", "p1.a1"]
    assert d.positions[0].evidence[0].years == (1932,)  # no years column: found in the text
    assert loaded.locations["p1.a1"] == 3 and loaded.locations["p2"] == 4
    assert d.title == "sheet"


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("", 1, None),
        ("Position,Text\nA,b\n", 1, "stance"),
        ("Position,Stance,Text\nA,maybe,b\n", 2, "stance"),
        ("Position,Stance,Text\nA,for,b\n,for,c\n", 3, "position"),
        ("Position,Stance,Text,Weight\nA,for,b,2\n", 2, "weight"),
        ("Position,Stance,Text,Years\nA,for,b,nineteen\n", 2, "years"),
        ("Position,Stance,Text\nA,for,b,extra\n", 2, None),
        ('Position,Stance,Text\nA,for,"unclosed\n', 2, None),
        ("position_id,id,Position,Stance,Text,rebuts\np1,p1.a1,A,against,b,p1.f9\n", 2, "rebuts"),
    ],
)
def test_errors_name_row_and_column(text: str, line: int, field: str | None) -> None:
    with pytest.raises(ParseError) as info:
        evidence_csv.read(text.encode(), "bad.csv")
    assert (info.value.line, info.value.field) == (line, field)
