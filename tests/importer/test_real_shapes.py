"""Shapes met in real notes (issue 14): front matter, stated questions, notes that are not a
debate, apparatus headings, citations, counter-openings, two-column tables, site pages.

The documents here are written for the tests; the benchmark (benchmarks/import_corpus.py)
measures the same rules on real public documents.
"""

from __future__ import annotations

import pytest

from quaestio.errors import ParseError
from quaestio.importer import import_bytes, summarise
from quaestio.importer.citations import cited_names, title_names


def _md(text: str) -> bytes:
    return text.encode("utf-8")


def test_front_matter_is_metadata_not_a_heading() -> None:
    doc = _md(
        "---\nlayout: post\ntitle: Causes of the Corn Law repeal\n---\n\n"
        "## Economic pressure\n\n- bad harvests in 1845\n\n## Political pressure\n\n- the League\n"
    )
    debate = import_bytes(doc, "n.md")
    assert debate.title == "Causes of the Corn Law repeal"
    assert debate.question == "What caused the Corn Law repeal?"
    assert [p.title for p in debate.positions] == ["Economic pressure", "Political pressure"]
    assert any(w.code == "front_matter" and w.line == 1 for w in debate.warnings)
    assert "layout" not in debate.question


def test_a_question_line_wrapped_over_two_lines_is_the_question() -> None:
    doc = _md(
        "# Notes\n\nQuestion: Why did the Chartists fail to win\nthe six points\n\n"
        "## Weak leadership\n\n- split between moral and physical force\n\n"
        "## Government strength\n\n- the army and the new police\n"
    )
    debate = import_bytes(doc, "n.md")
    assert debate.question == "Why did the Chartists fail to win the six points?"
    assert not any(w.code == "unplaced_text" and w.line == 3 for w in debate.warnings)


def test_notes_without_any_sign_of_a_debate_are_refused_with_the_reason() -> None:
    doc = _md("# Week 3\n\n## The harbour\n\n- built in 1820\n\n## The mill\n\n- opened 1835\n")
    with pytest.raises(ParseError) as info:
        import_bytes(doc, "n.md")
    assert "read as notes" in str(info.value)


def test_apparatus_and_worksheet_headings_are_not_positions() -> None:
    doc = _md(
        "# Causes of the Great Famine\n\n## Blight\n\n- phytophthora arrived in 1845\n\n"
        "## Policy\n\n- relief works were slow\n\n## Key terms\n\n- blight: a disease\n\n"
        "## Bibliography\n\n- a book, 1995\n"
    )
    debate = import_bytes(doc, "n.md")
    assert [p.title for p in debate.positions] == ["Blight", "Policy"]
    set_aside = [w.line for w in debate.warnings if w.code == "set_aside"]
    assert set_aside == [11, 15]


def test_the_level_of_the_explanations_is_found_by_its_headings() -> None:
    doc = _md(
        "# Essay\n\n## Question:\nTo what extent was the empire a burden?\n\n## Plan\n\n"
        "### Axe 1: costs\n\n1. garrisons\n\n### Axe 2: gains\n\n1. trade\n"
    )
    debate = import_bytes(doc, "n.md")
    assert debate.question == "To what extent was the empire a burden?"
    assert [p.title for p in debate.positions] == ["Axe 1: costs", "Axe 2: gains"]


def test_wrapped_bullets_are_one_point_and_however_answers_the_point_before() -> None:
    doc = _md(
        "# Why did the strike fail?\n\n## Government preparation\n\n"
        "- the government had stockpiled coal for\n  nine months before May\n"
        "- However, the miners stayed out until November\n"
    )
    debate = import_bytes(doc, "n.md")
    (position,) = debate.positions
    supporting, countering = position.supporting, position.countering
    assert len(supporting) == 1 and supporting[0].text.endswith("nine months before May")
    assert supporting[0].source is not None and supporting[0].source.line_end == 6
    assert len(countering) == 1 and countering[0].rebuts == (supporting[0].id,)


def test_strengths_and_weaknesses_sub_headings_set_the_stance() -> None:
    doc = _md(
        "# Interpretations of the reform act\n\n## Whig view\n\n### Strengths\n\n- it widened the vote\n\n"
        "### Weaknesses\n\n- most men still could not vote\n"
    )
    (position,) = import_bytes(doc, "n.md").positions
    assert [e.stance for e in position.evidence] == ["for", "against"]


def test_criticisms_of_the_subject_counter_it() -> None:
    doc = _md(
        "---\ntitle: Oral history\n---\n\n## What it is\n\nInterviews with witnesses.\n\n"
        "## Criticism of Oral history\n\nMemory changes over time.\n\n"
        "## Benefits of Oral history\n\nIt records voices archives miss.\n"
    )
    debate = import_bytes(doc, "n.md")
    (position,) = debate.positions
    assert position.title == "Oral history"
    assert [e.stance for e in position.evidence] == ["for", "against"]
    assert any(w.code == "set_aside" for w in debate.warnings)


def test_historians_in_running_text() -> None:
    assert cited_names("as shown (Weiss, 1982) and (Cochran, 77)") == ["Weiss", "Cochran"]
    assert cited_names("Friedman and Schwartz argued that the Fed failed") == [
        "Friedman",
        "Schwartz",
    ]
    assert cited_names("according to Conquest, the terror was planned") == ["Conquest"]
    assert cited_names("relief came from the (POUR) office, 1931") == []
    assert cited_names("(Article 321)", document="the article says") == []
    assert title_names("Friedman and Schwartz") == ["Friedman", "Schwartz"]
    assert title_names("The Espionage Act and the Sedition Act") == []


def test_figures_are_not_historians() -> None:
    doc = _md(
        "# Why was Czechoslovakia given up?\n\n## Appeasement\n\n"
        "- Chamberlain believed Hitler's promise\n- Kershaw argues Hitler wanted war\n"
    )
    (position,) = import_bytes(doc, "n.md").positions
    assert [h.name for h in position.historians] == ["Kershaw"]


def test_a_strengths_weaknesses_table_is_one_position() -> None:
    doc = _md(
        "# The 1919 constitution\n\n### Strengths vs Weaknesses of the constitution\n\n"
        "| Strengths | Weaknesses |\n|---|---|\n| fair voting | many small parties |\n"
        "| a bill of rights | emergency powers |\n"
    )
    debate = import_bytes(doc, "n.md")
    (position,) = debate.positions
    assert position.title == "the constitution"
    assert len(position.supporting) == 2 and len(position.countering) == 2


def test_a_comparison_table_is_not_a_positions_table() -> None:
    doc = _md(
        "# Revision\n\n## Parties\n\n| Bolshevik | Menshevik |\n|---|---|\n| Lenin | Martov |\n"
    )
    with pytest.raises(ParseError):
        import_bytes(doc, "n.md")


def test_a_site_page_reads_its_main_content_and_names_the_menu() -> None:
    page = (
        b"<html><head><title>Causes of the Boer War | My revision site</title></head><body>\n"
        b"<nav><a href='/'>Home</a></nav>\n<main><article>\n<h1>Causes of the Boer War</h1>\n"
        b"<h2>Gold</h2>\n<ul><li>the Rand mines</li></ul>\n<h2>Imperialism</h2>\n"
        b"<ul><li>Milner's ambitions</li></ul>\n</article></main>\n<footer>Contact me</footer>\n"
        b"</body></html>\n"
    )
    debate = import_bytes(page, "p.html")
    assert debate.question == "What caused the Boer War?"
    assert [p.title for p in debate.positions] == ["Gold", "Imperialism"]
    chrome = {w.line for w in debate.warnings if w.code == "page_chrome"}
    assert chrome == {2, 10}


def test_the_report_opens_with_one_headline_and_groups_warnings() -> None:
    doc = _md(
        "# Causes of the war\n\n## Alliances\n\n"
        + "".join(f"- treaty {n}\n" for n in range(8))
        + "\n## Reading list\n\n"
        + "".join(f"- book {n}\n" for n in range(8))
    )
    lines = summarise(import_bytes(doc, "n.md")).lines("n.md")
    assert lines[0].startswith("read 1 positions with 8 points")
    assert "sections that are not explanations 1" in lines[0]
    assert "  lines in those sections: 8 lines" in lines


def test_bold_lines_and_interpretation_labels_open_positions() -> None:
    doc = _md(
        "# Why did the Cold War begin?\n\n**Orthodox**\n\n- Soviet expansion in 1946\n\n"
        "**Revisionist**\n\n- American economic aims\n"
    )
    assert [p.title for p in import_bytes(doc, "n.md").positions] == ["Orthodox", "Revisionist"]
    text = (
        "Why was the Reich so chaotic?\n\nInterpretation 1: Hitler planned it (Bracher)\n"
        "- a master plan\n\nInterpretation 2: rivals competed (Mommsen)\n- a polycracy\n"
    )
    positions = import_bytes(text.encode(), "n.txt").positions
    assert [h.name for p in positions for h in p.historians] == ["Bracher", "Mommsen"]


def test_plain_text_wrapped_items_and_setext_headings() -> None:
    text = (
        "The Irish famine\n================\n\nCauses of the famine\n--------------------\n\n"
        "- blight destroyed the potato crop\n  in 1845 and 1846\n- exports continued\n"
    )
    debate = import_bytes(text.encode(), "n.txt")
    assert debate.title == "The Irish famine"
    (position,) = debate.positions
    assert position.evidence[0].text.endswith("in 1845 and 1846")


def test_docx_bold_lines_typed_bullets_and_core_title() -> None:
    from io import BytesIO

    import docx

    document = docx.Document()
    document.core_properties.title = "Causes of the Wall Street Crash"
    for text in ("Speculation", "Weak banks"):
        document.add_paragraph().add_run(text).bold = True
        document.add_paragraph("• buying shares on the margin")
        document.add_paragraph("• However, most Americans owned no shares")
    buffer = BytesIO()
    document.save(buffer)
    debate = import_bytes(buffer.getvalue(), "crash.docx")
    assert debate.question == "What caused the Wall Street Crash?"
    assert [p.title for p in debate.positions] == ["Speculation", "Weak banks"]
    assert [e.stance for e in debate.positions[0].evidence] == ["for", "against"]


def test_names_in_parentheses_on_the_heading_are_its_historians() -> None:
    doc = _md(
        "# Interpretations of Nazi rule\n\n## Intentionalists (Bracher, Hildebrand)\n\n"
        "- a master plan\n\n## Structuralists (Broszat, Mommsen)\n\n- a polycracy\n\n"
        "## The war years (1939-45)\n\n- radicalisation\n"
    )
    positions = import_bytes(doc, "n.md").positions
    assert [p.title for p in positions] == [
        "Intentionalists",
        "Structuralists",
        "The war years (1939-45)",
    ]
    assert [[h.name for h in p.historians] for p in positions] == [
        ["Bracher", "Hildebrand"],
        ["Broszat", "Mommsen"],
        [],
    ]


def test_key_historians_lines_anywhere_in_the_position() -> None:
    doc = _md(
        "# Why did Weimar fall?\n\n## Doomed from the start\n\n- Versailles and Article 48\n"
        "- Key historians: Eberhard Kolb, Detlev Peukert\n\n## The Depression\n\n"
        "- six million unemployed\n"
    )
    first, second = import_bytes(doc, "n.md").positions
    assert [h.name for h in first.historians] == ["Eberhard Kolb", "Detlev Peukert"]
    assert len(first.evidence) == 1 and not second.historians


def test_tab_indented_notes_are_an_outline_not_a_word_table() -> None:
    text = (
        "Causes of the Russian Revolution\n\nThe war\n\n- defeats in 1915\n\t- millions lost\n"
        "\t- deserters\n\nFood\n\n- bread queues in Petrograd\n\t- strikes in February\n"
    )
    debate = import_bytes(text.encode(), "n.txt")
    assert [p.title for p in debate.positions] == ["The war", "Food"]
    assert len(debate.positions[0].evidence) == 1
