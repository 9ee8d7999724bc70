"""The limits in ``quaestio.limits``: checked before the work, refused with file and field."""

from __future__ import annotations

import io
import zipfile

import pytest
from hostile_corpus import hostile, sample

from quaestio.errors import ParseError
from quaestio.formats import by_name
from quaestio.limits import (
    MAX_SPAN,
    MAX_ZIP_MEMBER_BYTES,
    check_span,
    check_zip,
    guard_reader,
)


def _case(reader: str, name: str) -> bytes:
    return dict(hostile(reader))[name]


def test_guard_turns_every_unforeseen_failure_into_one_parse_error() -> None:
    def deep(data: bytes, path: str | None) -> None:
        def down(n: int) -> int:
            return down(n + 1) + 1

        down(0)

    def digits(data: bytes, path: str | None) -> int:
        return int("9" * 5000)

    for reader, said in ((deep, "nested too deeply"), (digits, "more than 4300 digits")):
        with pytest.raises(ParseError) as caught:
            guard_reader("test", reader)(b"x", "f.test")
        assert said in caught.value.message and caught.value.file == "f.test"


def test_guard_checks_the_size_before_reading() -> None:
    called = []
    guarded = guard_reader("test", lambda data, path: called.append(1))
    with pytest.raises(ParseError, match="too large"):
        guarded(b"x" * (20 * 1024 * 1024 + 1), "big.test")
    assert called == []


def test_spans_are_clamped() -> None:
    assert [check_span(v) for v in (None, "", "0", "3", "x", "1000000000", "9" * 5000)] == [
        1,
        1,
        1,
        3,
        1,
        MAX_SPAN,
        MAX_SPAN,
    ]


def test_zip_bomb_is_refused_from_the_directory_naming_the_member() -> None:
    data = _case("docx", "zip-bomb")
    assert len(data) < 1_000_000  # a small file ...
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # ... that claims a huge member
        assert z.getinfo("word/document.xml").file_size > MAX_ZIP_MEMBER_BYTES
    with pytest.raises(ParseError) as caught:
        check_zip(data, "bomb.docx")
    assert caught.value.field == "word/document.xml" and caught.value.file == "bomb.docx"
    check_zip(sample("docx"), "fine.docx")


@pytest.mark.parametrize(
    ("reader", "case", "field"),
    [
        ("iccma", "huge-header", "p af"),
        ("iccma", "digits-header", "p af"),
        ("docx", "zip-bomb", "word/document.xml"),
    ],
)
def test_declared_sizes_are_refused_at_once(reader: str, case: str, field: str) -> None:
    fmt = by_name(reader)
    assert fmt.read is not None
    with pytest.raises(ParseError) as caught:
        fmt.read(_case(reader, case), f"x{fmt.suffixes[0]}")
    assert caught.value.field == field


def test_a_huge_colspan_is_read_as_a_capped_span() -> None:
    fmt = by_name("html")
    assert fmt.read is not None
    with pytest.raises(ParseError) as caught:  # no debate in it, but no MemoryError either
        fmt.read(_case("html", "colspan"), "wide.html")
    assert "no debate" in caught.value.message


def test_a_docx_with_20000_paragraphs_is_read() -> None:
    fmt = by_name("docx")
    assert fmt.read is not None
    loaded = fmt.read(_case("docx", "many-paragraphs"), "long.docx")
    assert sum(len(p.evidence) for p in loaded.debate.positions) > 10_000
