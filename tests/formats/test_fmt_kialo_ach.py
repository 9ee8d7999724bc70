"""Kialo outline reading (cross-checked with arguebuf's Kialo loader) and ACH matrix specifics."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import arguebuf as ab
import pytest

from quaestio.errors import ParseError
from quaestio.formats import ach_csv, by_name, kialo, read_path
from quaestio.model import Debate

DATA = Path(__file__).parent / "data"


def test_kialo_multi_thesis_outline() -> None:
    loaded = read_path(DATA / "rome.kialo.txt")
    d = loaded.debate
    assert d.title == "Why did the Western Roman Empire fall?"
    assert d.question == d.title
    assert [p.title for p in d.positions] == [
        "Decay from within",
        "Pressure from outside",
        "Transformation, not fall",
    ]
    assert d.positions[0].summary == "Civil wars and a weak currency hollowed out the state."
    decay = d.positions[0]
    # every claim keeps the claim it answers; its stance is towards that claim
    assert [(e.id, e.stance, e.parent) for e in decay.evidence] == [
        ("p1.f1", "for", None),
        ("p1.f1.a1", "against", "p1.f1"),
        ("p1.a1", "against", None),
    ]
    assert decay.evidence[1].text.endswith("for another thousand years.")
    assert decay.evidence[0].years == ()  # "third century" is not a year
    outside = d.positions[1]
    assert [(e.stance, e.parent) for e in outside.evidence] == [("for", None), ("for", "p2.f1")]
    # "1.2.2. -> See 1.1.2." : the Con about Diocletian also supports "Pressure from outside"
    assert [(r.kind, r.source, r.target) for r in d.relations] == [("support", "p1.a1", "p2")]
    assert d.warnings == ()
    assert loaded.locations["p1.a1"] == 9


def test_kialo_matches_arguebuf_loader() -> None:
    """arguebuf's own Kialo loader sees the same claims and the same Con relations."""
    text = (DATA / "rome.kialo.txt").read_text()
    graph = ab.load.kialo(io.StringIO(text))
    d = read_path(DATA / "rome.kialo.txt").debate

    def first(t: str) -> str:
        return t.split("\n")[0].strip()

    theirs = {first(a.plain_text) for a in graph.atom_nodes.values()}
    ours = (
        {d.question}
        | {p.title for p in d.positions}
        | {first(e.text) for _, e in d.iter_evidence()}
    )
    assert theirs == ours  # arguebuf also resolves "-> See" to the existing claim
    attackers = {
        first(e.source.plain_text)
        for e in graph.edges.values()
        if isinstance(e.target, ab.SchemeNode) and isinstance(e.target.scheme, ab.Attack)
    }
    texts = {e.id: first(e.text) for _, e in d.iter_evidence()}
    assert attackers == {first(e.text) for _, e in d.iter_evidence() if e.stance == "against"} | {
        texts[r.source] for r in d.relations if r.kind == "attack"
    }


def test_kialo_current_layout_with_name_line_lists_and_sources() -> None:
    text = (
        "Discussion Name:\nDid the printing press cause the Reformation?\n\n"
        "1. Thesis:\nThe press made the Reformation possible.\n\n"
        "  1.1. Pro:\n  Pamphlets spread faster than preachers could.\n\n"
        "    1.1.1. Con:\n    Most people could not read:\n"
        "    1. towns had schools\n    2. villages did not\n\n"
        "      1.1.1.1. Pro:\n      Pamphlets were read aloud [1].\n\n"
        "  1.2. Con:\n  -> See 1.1.1.\n\n"
        "Sources:\n[1] https://example.org/reading-aloud\n"
    )
    d = kialo.read(text.encode(), "press.txt").debate
    assert d.title == "Did the printing press cause the Reformation?"
    (p,) = d.positions
    assert p.title == "The press made the Reformation possible."
    assert [(e.id, e.parent) for e in p.evidence] == [
        ("p1.f1", None),
        ("p1.f1.a1", "p1.f1"),
        ("p1.f1.a1.f1", "p1.f1.a1"),
    ]
    assert p.evidence[1].text.endswith("2. villages did not")  # a list inside the claim
    assert "example.org" not in p.evidence[2].text  # the Sources footer is not a claim
    assert [(r.kind, r.source, r.target) for r in d.relations] == [("attack", "p1.f1.a1", "p1")]


def test_kialo_is_recognised_by_content() -> None:
    assert kialo.looks_like_kialo((DATA / "rome.kialo.txt").read_bytes())
    assert kialo.looks_like_kialo(b"Discussion Name:\nA name\n\n1. Thesis:\nA claim\n")
    assert not kialo.looks_like_kialo(b"Causes of the war\n\tFor\tAgainst\n")
    assert not kialo.looks_like_kialo(b"Discussion Title: x\nno numbered claim\n")


def test_kialo_writes_what_it_reads() -> None:
    d = read_path(DATA / "rome.kialo.txt").debate
    again = kialo.read(kialo.write(d), "again.txt").debate
    assert again.question == d.question
    assert [p.title for p in again.positions] == [p.title for p in d.positions]
    assert [[(e.id, e.stance, e.parent, e.text) for e in p.evidence] for p in again.positions] == [
        [(e.id, e.stance, e.parent, e.text) for e in p.evidence] for p in d.positions
    ]
    assert [(r.kind, r.source, r.target) for r in again.relations] == [
        (r.kind, r.source, r.target) for r in d.relations
    ]


def test_kialo_single_thesis_is_one_position() -> None:
    text = (
        "Discussion Title: Was Rome's fall a catastrophe?\n\n"
        "1. Rome's fall was a catastrophe.\n1.1. Pro: Trade collapsed.\n1.2. Con: Law survived.\n"
    )
    d = kialo.read(text.encode(), "t.kialo.txt").debate
    assert [p.title for p in d.positions] == ["Rome's fall was a catastrophe."]
    assert [e.stance for e in d.positions[0].evidence] == ["for", "against"]


def test_kialo_links_and_escapes_become_plain_text() -> None:
    text = (
        "Discussion Title: t\n\n1. Rome fell.\n"
        "1.1. Pro: See [the chronicle](https://example.org/c) \\(written in 410\\).\n"
    )
    d = kialo.read(text.encode(), "t.kialo.txt").debate
    assert d.positions[0].evidence[0].text == "See the chronicle (written in 410)."


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("1. no title line\n", 1),
        ("Discussion Title: x\n\n1.1. Pro: orphan\n", 3),
        ("Discussion Title: x\n\n1. thesis\n1.2.1. Pro: no parent\n", 4),
        ("Discussion Title: x\n\n1. thesis\n1.1. a\n1.1. b\n", 5),
        ("Discussion Name:\nx\n\n1. Thesis:\nt\n  1.1. Pro:\n", 6),
    ],
)
def test_kialo_errors_name_the_line(text: str, line: int) -> None:
    with pytest.raises(ParseError) as info:
        kialo.read(text.encode(), "bad.kialo.txt")
    assert info.value.line == line


def test_ach_matrix_layout(example: Debate) -> None:
    data = by_name("ach-csv").write(example).decode()  # type: ignore[misc]
    rows = list(csv.reader(io.StringIO(data)))
    extra = ["Credibility", "Relevance", "Analyst"]
    assert rows[0] == [
        "ID",
        "Evidence",
        "Label",
        "Date",
        *extra,
        *(p.title for p in example.positions),
    ]
    assert rows[1][7:] == ["C", "", ""] and rows[3][7:] == ["I", "", ""]
    assert rows[4][7:] == ["", "C", ""]
    # p2.f1 carries the analyst's judgements: credibility 0.9, cells for p1 and p2
    assert rows[4][4:7] == ["0.9", "", "H1=C; H2=CC"]


def test_ach_matrix_without_judgements_has_no_analyst_columns(example: Debate) -> None:
    from fmt_lossy import strip

    plain = strip(example, frozenset({"ach_judgements"}))
    rows = list(csv.reader(io.StringIO(ach_csv.write(plain).decode())))
    assert rows[0][:5] == ["ID", "Evidence", "Label", "Date", plain.positions[0].title]


def test_ach_reads_analyst_columns_of_a_hand_made_matrix() -> None:
    text = (
        "Evidence,Relevance,Analyst,H1: decay,H2: invasion\n"
        "Coins lost their silver by 270,0.5,h2=ii,CC,\n"
        "The Rhine was crossed in 406,,H1=N;H2=CC,,C\n"
    )
    d = ach_csv.read(text.encode(), "m.ach.csv").debate
    coins, rhine = d.positions[0].evidence[0], d.positions[1].evidence[0]
    assert (coins.relevance, [(r.position, r.rating) for r in coins.ach]) == (0.5, [("p2", "II")])
    assert [(r.position, r.rating) for r in rhine.ach] == [("p1", "N"), ("p2", "CC")]
    assert rhine.relevance is None


@pytest.mark.parametrize(
    ("cell", "message"),
    [("H3=I", "hypotheses 1 to 2"), ("H1=maybe", "'maybe'"), ("I", "H<hypothesis number>")],
)
def test_ach_bad_analyst_cell_names_line_and_column(cell: str, message: str) -> None:
    text = f"Evidence,Analyst,H1,H2\nfirst,,C,\nsecond,{cell},I,\n"
    with pytest.raises(ParseError) as info:
        ach_csv.read(text.encode(), "m.ach.csv")
    assert (info.value.line, info.value.field) == (3, "Analyst")
    assert message in info.value.message


def test_ach_numeric_looking_credibility_must_be_a_number() -> None:
    with pytest.raises(ParseError) as info:
        ach_csv.read(b"Evidence,Credibility,H1\nx,0.x5,C\n", "m.ach.csv")
    assert (info.value.line, info.value.field) == (2, "Credibility")


def test_ach_reads_a_foreign_matrix_with_shared_and_unrated_rows() -> None:
    text = (
        "Evidence,Credibility,H1: decay,H2: invasion\n"
        "Coins lost their silver by 270,High,CC,N\n"
        "The Rhine was crossed in 406,High,I,C\n"
        "Weather records are thin,Low,NA,\n"
    )
    d = ach_csv.read(text.encode(), "m.ach.csv").debate
    assert [p.title for p in d.positions] == ["H1: decay", "H2: invasion"]
    # years come from the text: "by 270" and "in 406" are dates, not figures
    assert [(e.stance, e.years) for e in d.positions[0].evidence] == [
        ("for", (270,)),
        ("against", (406,)),
    ]
    # PARC ACH's worded credibility (High, Low) is not a number: skipped, with a warning
    assert [w.code for w in d.warnings] == ["ach_shared", "ach_worded_weight", "ach_unrated"]
    assert all(e.credibility is None for _, e in d.iter_evidence())


def test_ach_bad_rating_names_cell() -> None:
    with pytest.raises(ParseError) as info:
        ach_csv.read(b"Evidence,H1\nx,maybe\n", "m.ach.csv")
    assert (info.value.line, info.value.field) == (2, "H1")


def test_ach_hypothesis_named_like_a_column(example: Debate) -> None:
    from dataclasses import replace

    renamed = replace(
        example, positions=(replace(example.positions[0], title="Date"), *example.positions[1:])
    )
    back = ach_csv.read(ach_csv.write(renamed), "d.ach.csv").debate
    assert [p.title for p in back.positions] == ["Date", *(p.title for p in example.positions[1:])]
    assert [len(p.evidence) for p in back.positions] == [len(p.evidence) for p in example.positions]


def test_ach_refuses_to_write_a_rating_of_a_missing_position(example: Debate) -> None:
    from dataclasses import replace

    from quaestio.errors import ValidationError
    from quaestio.model import AchRating

    p1 = example.positions[0]
    broken = replace(p1.evidence[0], ach=(AchRating("p9", "C"),))
    debate = replace(
        example,
        positions=(replace(p1, evidence=(broken, *p1.evidence[1:])), *example.positions[1:]),
    )
    with pytest.raises(ValidationError, match="'p9'") as info:
        ach_csv.write(debate)
    assert info.value.field == "ach"
