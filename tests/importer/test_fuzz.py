"""Whatever it is fed, the importer returns a sound debate or raises a clean ParseError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quaestio.errors import ParseError
from quaestio.importer import import_bytes
from quaestio.model import Debate, validate

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that exercise the layout rules: tab-opened cells, headers, bullets, labels, tables.
PIECES = st.sampled_from(
    [
        "\t",
        "\n",
        "\n\n",
        "\tArguments",
        "\tFor",
        "\tAgainst",
        "\tPositive",
        "\tNegative",
        "\tConclusion",
        " Caption line",
        "· ",
        "- ",
        "  * ",
        "1. ",
        "Label: ",
        "(Smith, Jones)",
        "See details of it",
        "1919, 21",
        "3/5 Marshals",
        "1996b",
        "the the",
        "For:",
        "Against:",
        "# Heading",
        "## Sub",
        "| a | b |",
        "|---|---|",
        "<br>",
        "<table><tr><td>x</td></tr>",
        "<li>",
        "Some words here.",
        "\x0b",
        "\r\n",
        "ü€",
        ":",
    ]
)
DOCUMENTS = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join)


def check(data: bytes, path: str, kind: str = "auto") -> None:
    try:
        debate = import_bytes(data, path, kind=kind)
    except ParseError as exc:
        assert exc.file == path
        assert str(exc).strip() and "\n" not in exc.message
        return
    assert isinstance(debate, Debate)
    assert [p for p in validate(debate) if p.severity == "error"] == []
    for _, item in debate.iter_evidence():
        assert item.source is not None and item.source.file == path


@FUZZ
@given(DOCUMENTS, st.sampled_from(["x.txt", "x.md", "x.html", "x.dat"]))
def test_structured_text(text: str, path: str) -> None:
    check(text.encode("utf-8"), path)


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    check(text.encode("utf-8"), "any.txt")


@FUZZ
@given(st.binary(max_size=600), st.sampled_from(["auto", "text", "docx", "markdown", "html"]))
def test_arbitrary_bytes(data: bytes, kind: str) -> None:
    check(data, "blob.bin", kind)
