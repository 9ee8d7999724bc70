"""Formats by what people type: one name each, the ending alone chooses, content breaks ties.

A ``.json`` may be quaestio's JSON, an AIF graph or Argdown's JSON export, and a
``.txt`` a handout or a Kialo export; the reader is then chosen by the content,
and the reason is given so that a wrong choice cannot pass unnoticed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from paths import EXAMPLE, SEED
from quaestio.cli.entry import main
from quaestio.errors import UnknownFormatError, UnsupportedOperationError
from quaestio.formats import by_name, for_path, read_path
from quaestio.formats.debate_json import dumps
from quaestio.formats.detect import choose
from quaestio.importer import import_path
from quaestio.model import Debate

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importer"))
from writers import essence  # noqa: E402


@pytest.fixture(scope="module")
def seed() -> Debate:
    return import_path(SEED)


def run(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["quaestio", *args])
    with pytest.raises(SystemExit) as stop:
        main()
    out, err = capfd.readouterr()
    return int(stop.value.code or 0), out + err


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("html", "html"),
        ("md", "md"),
        ("docx", "docx"),
        ("pdf", "pdf"),
        ("aif", "aif"),
        ("html-out", "html"),
        ("handout-md-out", "md"),
        ("markdown", "md"),
        ("MD", "md"),
        (".argdown", "argdown"),
        ("aif.json", "aif"),
    ],
)
def test_names_people_type(typed: str, name: str) -> None:
    assert by_name(typed).name == name


@pytest.mark.parametrize(
    ("file", "name"),
    [
        ("x.html", "html"),
        ("x.md", "md"),
        ("x.docx", "docx"),
        ("x.pdf", "pdf"),
        ("x.debate.md", "debate-md"),
        ("x.handout.md", "md"),
        ("x.aif.json", "aif"),
    ],
)
def test_the_ending_alone_chooses(file: str, name: str) -> None:
    assert for_path(file).name == name


def test_json_is_told_apart_by_content(seed: Debate) -> None:
    aif = by_name("aif").write(seed)  # type: ignore[misc]
    own = dumps(seed).encode()
    assert choose("graph.json", aif).format.name == "aif"
    assert "AIF" in choose("graph.json", aif).reason
    assert choose("graph.json", own).format.name == "json"
    argdown_export = json.dumps({"statements": {}, "arguments": {}, "relations": []}).encode()
    with pytest.raises(UnsupportedOperationError, match="Argdown"):
        choose("map.json", argdown_export)
    assert choose("broken.json", b'{"quaestio": ').format.name == "json"  # its reader says why


def test_txt_is_a_handout_unless_it_opens_as_kialo() -> None:
    kialo = (DATA / "rome.kialo.txt").read_bytes()
    chosen = choose("rome.txt", kialo)
    assert chosen.format.name == "kialo" and "Discussion" in chosen.reason
    assert choose("handout.txt", SEED.read_bytes()).format.name == "text"


def test_unknown_ending_sniffs_or_says_to_name_it(seed: Debate) -> None:
    docx = by_name("docx").write(seed)  # type: ignore[misc]
    assert choose("download", docx).format.name == "docx"
    with pytest.raises(UnknownFormatError, match="--from"):
        choose("notes.weird", b"just some words\n")
    assert choose("notes.weird", b"just words\n", fallback=by_name("text")).format.name == "text"


def test_word_handout_reads_back_to_the_same_debate(seed: Debate, tmp_path: Path) -> None:
    target = tmp_path / "purges.docx"
    target.write_bytes(by_name("docx").write(seed))  # type: ignore[misc]
    assert essence(read_path(target).debate) == essence(seed)


@pytest.mark.parametrize("name", ["md", "html"])
def test_page_handouts_read_back_with_their_positions_and_points(
    name: str, seed: Debate, tmp_path: Path
) -> None:
    """The md and html handouts are pages for reading: labels are joined to the text
    ("Label – text") and rebuttals become "answers" notes, so the points come back
    with their words, not with their labels and rebuttal links (see ``loses``)."""
    fmt = by_name(name)
    target = tmp_path / f"purges{fmt.suffixes[0]}"
    target.write_bytes(fmt.write(seed))  # type: ignore[misc]
    back = read_path(target).debate
    assert [(p.title, p.summary, p.historians) for p in back.positions] == [
        (p.title, p.summary, p.historians) for p in seed.positions
    ]
    for before, after in zip(seed.positions, back.positions, strict=True):
        texts = " ".join(e.text for e in after.evidence)
        assert all(e.text in texts for e in before.evidence), before.id
    assert seed.conclusion is not None and back.conclusion is not None
    assert back.conclusion.text == seed.conclusion.text
    assert [c.text for c in back.consequences] == [c.text for c in seed.consequences]


def test_import_reports_the_reader_and_reads_any_format(
    seed: Debate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    aif = tmp_path / "seed.aif.json"
    aif.write_bytes(by_name("aif").write(seed))  # type: ignore[misc]
    code, out = run(["import", str(aif), "-o", "from-aif.json"], monkeypatch, capfd)
    assert code == 0, out
    assert "as aif: its ending .aif.json" in out
    assert len(read_path(tmp_path / "from-aif.json").debate.positions) == len(seed.positions)

    plain = tmp_path / "graph.json"
    plain.write_bytes(aif.read_bytes())
    code, out = run(["import", str(plain), "-o", "from-plain.debate.md"], monkeypatch, capfd)
    assert code == 0, out
    assert "as aif: the ending .json is shared" in out

    kialo = tmp_path / "slug.txt"
    kialo.write_bytes((DATA / "rome.kialo.txt").read_bytes())
    code, out = run(["import", str(kialo)], monkeypatch, capfd)
    assert code == 0, out
    assert "as kialo" in out and (tmp_path / "slug.json").exists()

    code, out = run(
        ["import", str(plain), "--format", "aif", "-o", "named.json"], monkeypatch, capfd
    )
    assert code == 0 and "asked for with --format aif" in out

    argdown = tmp_path / "map.argdown"
    argdown.write_bytes((DATA / "weimar-map.argdown").read_bytes())
    code, out = run(["import", str(argdown), "-o", "map.json"], monkeypatch, capfd)
    assert code == 0 and "as argdown" in out
    assert "/***" not in read_path(tmp_path / "map.json").debate.title


@pytest.mark.parametrize("ending", [".html", ".md", ".docx", ".handout.html"])
def test_export_by_ending_writes_handouts(
    ending: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"debate{ending}"
    code, out = run(["export", str(EXAMPLE), "-o", str(target)], monkeypatch, capfd)
    assert code == 0, out
    back = read_path(target).debate
    assert [p.title for p in back.positions] == [
        p.title for p in read_path(EXAMPLE).debate.positions
    ]
