"""Handout writers: the table layout in Markdown, HTML and PDF, rendered to PNG and looked at.

The PNGs land in ``docs/screenshots/`` so a person can check them; the tests
check what can be measured: the table's shape, every point in the right
column, a page that is mostly white with dark table rules, and PDF text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from PIL import Image

from paths import SEED
from quaestio.formats import by_name, read_path
from quaestio.formats.handout_md_write import escape
from quaestio.model import Debate

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"


def _words(text: str) -> str:
    """The text as a reader sees it: bullet markers become list items, spacing is free."""
    text = re.sub(r"(?m)^\s*[·•▪‣◦*-]\s+", "", text)
    return " ".join(w for w in text.split() if w not in {"·", "•"})


def _table_shape(doc: lxml_html.HtmlElement, debate: Debate) -> None:
    for el in doc.iter("br", "p", "li"):  # breaks are whitespace for the comparisons below
        el.tail = "\n" + (el.tail or "")
    table = doc.xpath("//table")[0]
    heads = [th.text_content().strip().lower() for th in table.xpath(".//thead//th")]
    assert heads == ["arguments", "supporting evidence", "countering evidence"]
    rows = table.xpath("./tbody/tr")
    assert len(rows) == len(debate.positions)
    for row, p in zip(rows, debate.positions, strict=True):
        cells = row.xpath("./th|./td")
        assert len(cells) == 3
        assert p.title in cells[0].text_content()
        for h in p.historians:
            assert h.name in cells[0].text_content()
        for e in p.supporting:
            assert _words(e.text) in _words(cells[1].text_content())
        for e in p.countering:
            assert _words(e.text) in _words(cells[2].text_content())


def test_markdown_handout_renders_as_the_table(example: Debate) -> None:
    text = by_name("handout-md-out").write(example).decode()  # type: ignore[misc]
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    doc = lxml_html.fromstring(page)
    _table_shape(doc, example)
    assert doc.xpath("//h1")[0].text_content() == example.title
    balance = doc.xpath("//table")[1]
    assert len(balance.xpath(".//tbody/tr/td")) == 2


def test_markdown_escapes_table_breaking_text() -> None:
    assert escape("a | b *c* <x>\nnext") == r"a \| b \*c\* \<x\><br>next"


def test_html_handout_has_the_table_and_notes(example: Debate) -> None:
    page = by_name("html-out").write(example)  # type: ignore[misc]
    doc = lxml_html.fromstring(page)
    _table_shape(doc, example)
    answers = [a.text_content() for a in doc.xpath("//p[@class='answers']")]
    assert answers == ["↳ answers “The Depression”", "↳ answers “Backstairs intrigue”"]
    assert "@page" in page.decode() and "print" in page.decode()


def test_html_keeps_paragraphs_and_bullets() -> None:
    from quaestio.formats.handout_html_write import _paragraphs

    text = (
        "Trials were staged:\n· first in 1936\n· then in 1938 <again>\n\nAll were shown in public."
    )
    html = str(_paragraphs(text))
    assert html == (
        "<p>Trials were staged:</p>"
        "<ul><li>first in 1936</li><li>then in 1938 &lt;again&gt;</li></ul>"
        "<p>All were shown in public.</p>"
    )
    assert str(_paragraphs("one line\nand a break")) == "one line<br>and a break"
    assert str(_paragraphs("A:\n· b", "<L> – ")) == "<p>&lt;L&gt; – A:</p><ul><li>b</li></ul>"


def test_html_escapes_markup_in_text(example: Debate) -> None:
    from dataclasses import replace

    hostile = replace(example, title="<script>alert(1)</script> & co")
    page = by_name("html-out").write(hostile).decode()  # type: ignore[misc]
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def _looks_like_a_table(png: Path, min_width: int) -> None:
    img = Image.open(png).convert("L")
    assert img.width >= min_width
    hist = img.histogram()
    total = img.width * img.height
    white = sum(hist[230:]) / total
    dark = sum(hist[:120]) / total
    assert white > 0.75, f"page is not mostly white ({white:.2f})"
    assert dark > 0.01, "no text or rules drawn"
    # long horizontal table rules: rows where many pixels are grey-dark
    px = img.load()
    ruled = sum(
        1
        for y in range(img.height)
        if sum(1 for x in range(0, img.width, 4) if px[x, y] < 200) > img.width // 8
    )
    assert ruled >= 4, "no table rules found"


@pytest.fixture(params=["example", "seed"])
def handout(request: pytest.FixtureRequest, example: Debate) -> tuple[str, Debate]:
    """The small example and the imported seed: both must print as a clean table."""
    if request.param == "seed":
        return "seed", read_path(SEED).debate
    return "example", example


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_handout_renders_to_png(handout: tuple[str, Debate], tmp_path: Path) -> None:
    name, example = handout
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(by_name("pdf").write(example))  # type: ignore[misc]
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for p in example.positions:
        assert p.title.split()[0] in text
    assert "SUPPORTING EVIDENCE" in text and "COUNTERING EVIDENCE" in text
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=120,
    )
    page = next(tmp_path.glob("page*.png"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}-handout-pdf.png"
    shutil.copyfile(page, target)
    _looks_like_a_table(target, 800)


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed")
def test_html_handout_screenshot(handout: tuple[str, Debate], tmp_path: Path) -> None:
    name, example = handout
    page = tmp_path / f"{name}.handout.html"
    page.write_bytes(by_name("html-out").write(example))  # type: ignore[misc]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}-handout-html.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1280,1000",
            f"--screenshot={target}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    _looks_like_a_table(target, 1280)
