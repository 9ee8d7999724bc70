"""Explanations that notes write without headings, and the section that holds the debate.

Every document here is written for these tests (topics and wording our own); the
corpus benchmark measures the same rules on real public notes.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quaestio.errors import ParseError
from quaestio.importer import import_bytes
from quaestio.importer.citations import (
    cited_names,
    given_only,
    known_names,
    listed_names,
    school_name,
)
from quaestio.importer.structure import listed_groups
from quaestio.model import Debate


def _read(text: str, name: str = "n.md") -> Debate:
    return import_bytes(text.encode("utf-8"), name)


def test_name_lines_over_bullets_are_the_explanations() -> None:
    debate = _read(
        "# Homework 2\n\n## Summarise each thinker's view of the state\n\n"
        "Thomas Hobbes\n- a strong sovereign keeps the peace\n- life without one is war\n\n"
        "John Locke\n- government rests on consent\n  - and may be resisted\n\n"
        "## Compare the two thinkers' views\n\nOne wanted order, the other liberty.\n"
    )
    assert [p.title for p in debate.positions] == ["Thomas Hobbes", "John Locke"]
    assert [len(p.evidence) for p in debate.positions] == [2, 1]
    assert any(w.code == "set_aside" and w.line == 13 for w in debate.warnings)


def test_one_name_line_alone_stays_a_paragraph() -> None:
    debate = _read(
        "# Causes of the Irish famine\n\n## Potato blight\n\nThe blight\n- arrived in 1845\n\n"
        "## Land system\n\n- tenants held tiny plots\n"
    )
    assert [p.title for p in debate.positions] == ["Potato blight", "Land system"]


def test_a_name_line_ending_in_a_colon_is_a_label_not_a_heading() -> None:
    debate = _read(
        "# Causes of the Irish famine\n\n## Potato blight\n\nFacts:\n- arrived in 1845\n\n"
        "Spread:\n- reached every county\n\n## Land system\n\n- tenants held tiny plots\n"
    )
    assert [p.title for p in debate.positions] == ["Potato blight", "Land system"]


_WORKSHEET = (
    "# Worksheet 5\n\n"
    "## Why did the king call parliament in 1640?\n\n"
    "He needed money after the Scottish war\n\n"
    "## Why did the war between king and parliament break out?\n\n"
    "1. Quarrels over religion\n2. Money and taxes\n\n"
    "Laud's reforms angered the Puritans\n- new prayer book\n\n"
    "Ship money was raised without consent\n\n"
    "### The Irish rising\n\nNews from Ireland in 1641 raised fear\n\n"
    "### Control of the army\n\nNeither side would trust the other with it\n\n"
    "## Oliver Cromwell\n\nLed the New Model Army\n\n"
    "## The Levellers\n\nWanted a wider vote\n"
)


def test_numbered_reasons_under_a_causal_question_are_the_positions() -> None:
    debate = _read(_WORKSHEET)
    assert debate.question == "Why did the war between king and parliament break out?"
    titles = [p.title for p in debate.positions]
    assert titles == [
        "Quarrels over religion",
        "Money and taxes",
        "The Irish rising",
        "Control of the army",
    ]


def test_each_paragraph_after_the_reasons_explains_one_reason_in_order() -> None:
    religion, money = _read(_WORKSHEET).positions[:2]
    assert [e.source.line_start for e in religion.evidence if e.source] == [12, 13]
    assert [e.source.line_start for e in money.evidence if e.source] == [15]


def test_notes_outside_the_causal_question_are_set_aside_with_a_warning() -> None:
    debate = _read(_WORKSHEET)
    aside = {w.line for w in debate.warnings if w.code == "set_aside"}
    assert aside >= {3, 25, 29}  # the other question and the two note headings


def test_reasons_in_a_bulleted_list_are_points_not_positions() -> None:
    debate = _read(
        "# Notes\n\n## Why did the war break out?\n\n- quarrels over religion\n- money\n\n"
        "### The Irish rising\n\nfear\n\n### Control of the army\n\ndistrust\n"
    )
    assert [p.title for p in debate.positions] == ["The Irish rising", "Control of the army"]


def test_headings_of_sources_hold_ideas_only_under_a_linked_source() -> None:
    debate = _read(
        "# Notes\n\nQuestion: Why did the Roman Republic fall?\n\n"
        "## Article one\nhttps://example.org/one\n\n### Ambitious generals\n\n- armies loyal to men\n\n"
        "## Article two\nhttps://example.org/two\n\n### Land crisis\n\n- small farmers ruined\n\n"
        "## Textbook\n\n### Julius Caesar\n\n- a dictator for life\n"
    )
    assert [p.title for p in debate.positions] == ["Ambitious generals", "Land crisis"]
    assert any(w.code == "set_aside" and w.line == 19 for w in debate.warnings)


def test_a_heading_listing_three_schools_holds_one_position_each() -> None:
    debate = _read(
        "---\ntitle: The Whig interpretation\n---\n\n"
        "## Butterfield's life\n\nHe taught at Cambridge.\n\n"
        "## The Whigs, The Revisionists, and The Marxists\n\n"
        "The Whig story was one of progress toward liberty.\n\n"
        "The **Revisionists** doubted every step of that story.\n\n"
        "**The Marxists** looked instead at class and land.\n\n"
        "### The Whig legacy today\n\nSchool books still tell it.\n"
    )
    titles = [p.title for p in debate.positions]
    assert titles == ["The Whigs", "The Revisionists", "The Marxists"]
    whigs = debate.positions[0]
    assert whigs.historians == ()  # "the Whig story": a party, not a person
    assert (
        whigs.source is not None and whigs.source.line_end == 19
    )  # with the sub-heading naming it
    assert any(w.code == "set_aside" and w.line == 5 for w in debate.warnings)


def test_listed_groups_needs_three_names() -> None:
    assert listed_groups("The Whigs, The Tories, and The Radicals") == [
        "The Whigs",
        "The Tories",
        "The Radicals",
    ]
    assert listed_groups("Friedman and Schwartz") == []
    assert listed_groups("Causes, effects and memory of the war") == []
    assert listed_groups("Causes, Effects, and Legacy") == []
    assert listed_groups("Marxists, Liberals, and Annalistes") == []  # "Liberals" is no group form
    assert listed_groups("Marxists, Whig historians, and Annalists") == []


def test_historians_a_sentence_lists_after_historians_included() -> None:
    text = (
        "Revisionist historians included the “Gentry Thesis” [Lawrence Stone](https://x.org/ls), "
        "the “County Community” Alan Everitt, and Conrad Russell."
    )
    assert listed_names(text) == ["Stone", "Everitt", "Russell"]
    assert cited_names(text)[:3] == ["Stone", "Everitt", "Russell"]


def test_a_given_name_in_the_reference_list_is_not_a_historian() -> None:
    document = (
        "Micro studies began in Italy (Levi, Giovanni, and Ginzburg, 4).\n\n"
        "## Works cited\n\nLevi, Giovanni. On microhistory. 1991.\n\n"
        "Ginzburg, Carlo. The cheese and the worms. 1976.\n"
    )
    assert "Giovanni" in given_only(document)
    assert "Levi" not in given_only(document)
    debate = _read(
        "# Interpretations of the village\n\n## Micro view\n\n" + document.split("\n\n")[0] + "\n"
        "\n## Macro view\n\n- the long run\n\n" + "\n\n".join(document.split("\n\n")[1:])
    )
    names = {h.name for p in debate.positions for h in p.historians}
    assert "Giovanni" not in names and "Levi" in names


def test_a_known_surname_opening_a_sentence_needs_a_verb_of_saying() -> None:
    def known(word: str) -> bool:
        return word in {"Short", "Taylor"}

    assert known_names("Short of money, the king called parliament.", known) == []
    assert known_names("Taylor argued the war came by timetable.", known) == ["Taylor"]
    assert known_names("The view of Taylor is disputed.", known) == ["Taylor"]
    assert known_names("The books of Taylor Branch are long.", known) == []


def test_a_name_after_an_article_labels_a_thing() -> None:
    def known(word: str) -> bool:
        return word == "Dunning"

    assert known_names("Critics of the Dunning Era wrote later.", known) == []


def test_words_in_web_addresses_are_not_lower_case_uses() -> None:
    document = "Read https://example.org/essays/stone-on-gentry first. Stone argued it."
    assert cited_names("Stone argued it.", document) == ["Stone"]


def test_a_school_called_after_its_founder_names_him() -> None:
    document = "The Namierites followed Namier. Namier counted votes."
    assert school_name("The Namierites", document) == []  # the founder is not "Namierite"
    document = "The Turners read the frontier. Turner said so; Turner again."
    assert school_name("The Turners", document) == ["Turner"]
    assert school_name("The Revisionists", "revisionist work") == []
    assert school_name("The Whigs", "The Whig story was told.") == []


def test_html_text_below_its_tag_is_named_on_its_own_line() -> None:
    page = (
        "<html><body><main>\n<h1>Causes of the Crimean War</h1>\n<h2>Russian ambition</h2>\n"
        "<p>the Straits</p>\n<h2>Religious quarrel</h2>\n<p>the holy places</p>\n"
        '</main><footer><a href="/tags/x/">\n    notes\n</a></footer></body></html>\n'
    )
    debate = import_bytes(page.encode(), "p.html")
    chrome = [w.line for w in debate.warnings if w.code == "page_chrome"]
    assert chrome == [8]  # "notes" stands on line 8, below its tag on line 7


_WORD = st.text(alphabet="abcdefghij", min_size=2, max_size=8)
_POINT = st.lists(_WORD, min_size=1, max_size=14).map(" ".join)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


@settings(max_examples=40, deadline=None)
@given(st.lists(_POINT, min_size=1, max_size=4), st.integers(min_value=10, max_value=40))
def test_wrapping_a_bullet_never_changes_the_points_read(points: list[str], width: int) -> None:
    head = "# Causes of the Jacobite rising\n\n## Clan loyalty\n\n"
    tail = "\n## French help\n\n- promised ships\n"
    flat = head + "".join(f"- {p}\n" for p in points) + tail
    wrapped = head
    for p in points:
        first, *rest = _wrap(p, width)
        wrapped += f"- {first}\n" + "".join(f"  {line}\n" for line in rest)
    wrapped += tail
    read = [[e.text for e in pos.evidence] for pos in _read(flat).positions]
    assert [[e.text for e in pos.evidence] for pos in _read(wrapped).positions] == read


def test_an_exam_form_line_is_the_question() -> None:
    debate = _read(
        "Causes of the Boer War\n======================\n\n"
        "How far was gold the main cause of the war?\n\n"
        "Gold\n----\n\n- the Rand mines\n\nImperial pride\n--------------\n\n- the new empire\n"
    )
    assert debate.question == "How far was gold the main cause of the war?"
    assert [p.title for p in debate.positions] == ["Gold", "Imperial pride"]
    assert not any(w.code == "unplaced_text" for w in debate.warnings)


def test_an_order_to_assess_a_view_is_the_question_as_written() -> None:
    debate = _read(
        "# Revision\n\nAssess the view that the navy won the war for Britain.\n\n"
        "## Sea power\n\n- the blockade\n\n## Land power\n\n- the army in France\n"
    )
    assert debate.question == "Assess the view that the navy won the war for Britain."


def test_a_citation_to_a_preface_page_in_roman_numerals() -> None:
    assert cited_names("The old view was a myth (Russell, xiv).") == ["Russell"]
    assert cited_names("Ruled as (Henry VIII) once did.") == []


def test_a_labelled_first_position_is_not_taken_for_the_title() -> None:
    debate = _read(
        "Assess the view that the slump made the extremists' fortune.\n\n"
        "Factor 1: the slump\n- six million out of work\n\n"
        "Factor 2: propaganda\n- rallies and radio\n"
    )
    assert [p.title for p in debate.positions] == ["Factor 1: the slump", "Factor 2: propaganda"]
    assert debate.question.startswith("Assess the view")


def test_a_question_line_above_a_positions_table_is_the_question() -> None:
    debate = _read(
        "# Unit 4\n\nHow far was the navy the reason for victory in 1815?\n\n"
        "| Argument | Supporting evidence | Countering evidence |\n| --- | --- | --- |\n"
        "| Sea power | the blockade | the land war decided it |\n"
        "| Allied armies | Waterloo | came late |\n"
    )
    assert debate.question == "How far was the navy the reason for victory in 1815?"
    assert [p.title for p in debate.positions] == ["Sea power", "Allied armies"]
    assert not any(w.code == "unplaced_text" for w in debate.warnings)


def test_a_causal_question_over_apparatus_headings_does_not_hold_the_debate() -> None:
    debate = _read(
        "# Worksheet 7\n\n## Why did the north win?\n\n### Context:\n\n- a long war\n\n"
        "### Brainstorming:\n\nBigger armies\n- more men\n\n"
        "## Causes of the draft riots\n\n### Conscription\n\n- the lottery\n\n"
        "### Prices\n\n- wages fell behind\n"
    )
    assert "Context" not in [p.title for p in debate.positions]
    assert debate.question != "Why did the north win?"


def test_name_lines_among_other_paragraphs_stay_notes() -> None:
    debate = _read(
        "# Causes of the Irish famine\n\n## Potato blight\n\nA fungus spread quickly.\n\n"
        "The blight\n- arrived in 1845\n\nWet summers\n- helped it spread\n\n"
        "## Land system\n\n- tenants held tiny plots\n"
    )
    assert [p.title for p in debate.positions] == ["Potato blight", "Land system"]


def test_every_run_of_front_matter_lines_is_named() -> None:
    debate = _read(
        "---\ntitle: Causes of the Boer War\nblurb: a long one\n\ntags: notes\n---\n\n"
        "## Gold\n\n- the mines\n\n## Empire\n\n- pride\n"
    )
    lines = {w.line for w in debate.warnings if w.code.startswith("front_matter")}
    assert lines == {1, 5}


def test_a_consequence_stands_on_the_label_that_opened_its_side() -> None:
    debate = _read(
        "# Effects of the railways\n\n## What were the effects?\n\nPositive:\n- cheap coal\n"
        "- fresh food\n\nNegative:\n- canals ruined\n"
    )
    starts = sorted(c.source.line_start for c in debate.consequences if c.source)
    assert starts[0] == 3  # the heading of the consequences
    assert 9 in starts  # "Negative:" opened the countering side


def test_an_essay_about_historians_that_weighs_nothing_is_notes() -> None:
    doc = (
        "---\ntitle: Roman historians and their craft\n---\n\n## Early writers\n\n"
        "Fabius wrote in Greek.\n\n## The age of Reason\n\nLater writers loved speeches.\n"
    )
    with pytest.raises(ParseError, match="no debate was found"):
        _read(doc)


def test_reasons_for_a_change_still_signal_a_debate() -> None:
    debate = _read(
        "# The reason for the repeal\n\n## Famine\n\n- Ireland starved\n\n"
        "## Peel's conversion\n\n- free trade\n"
    )
    assert [p.title for p in debate.positions] == ["Famine", "Peel's conversion"]


def test_a_question_then_an_order_is_a_worksheet_prompt() -> None:
    with pytest.raises(ParseError, match="no debate was found"):
        _read(
            "# Worksheet 3\n\n## Why did the colony fail? Give two reasons.\n\n- disease\n\n"
            "## What is a charter? Give two examples.\n\n- Virginia\n\n"
            "## What were the Corn Laws? Explain.\n\n- a tariff\n"
        )


def test_a_stance_word_inside_a_phrase_does_not_signal_a_debate() -> None:
    with pytest.raises(ParseError, match="no debate was found"):
        _read(
            "# Humanist writers\n\n## The art of criticism\n\n- texts compared\n\n## Print\n\n- books\n"
        )
    debate = _read("# Humanist writers\n\n## Criticisms of Valla\n\n- too harsh\n")
    assert debate.positions


_KIND = st.sampled_from(["heading", "paragraph", "item"])
_TEXT = st.sampled_from(
    ["Adam Eve", "1. Money", "Why did it fall?", "a long sentence here.", "Note:"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_KIND, _TEXT, st.integers(min_value=0, max_value=3)), max_size=12))
def test_promoting_labels_and_reasons_keeps_every_line_once(
    spec: list[tuple[str, str, int]],
) -> None:
    from quaestio.importer.layout import Block
    from quaestio.importer.structure import promote_labels, promote_reasons

    blocks = [
        Block(kind, text.removeprefix("1. "), n, level if kind != "heading" else level + 1)  # type: ignore[arg-type]
        for n, (kind, text, level) in enumerate(spec, 1)
    ]
    document = "\n".join(text for _, text, _ in spec)
    out = promote_reasons(promote_labels(blocks), document)
    assert sorted(b.number for b in out) == [b.number for b in blocks]
    assert [b.text for b in sorted(out, key=lambda b: b.number)] == [b.text for b in blocks]


def test_a_bare_key_historians_line_takes_the_names_on_the_bullets_below() -> None:
    debate = _read(
        "# Interpretations of the Terror\n\n## From above\n\n- Stalin's orders\n\n"
        "## From below\n\nKey historians\n- Getty\n- R. Manning\n\nLocal bosses acted alone.\n"
    )
    below = debate.positions[1]
    assert [h.name for h in below.historians] == ["Getty", "R. Manning"]
    assert [e.text for e in below.evidence] == ["Local bosses acted alone."]


def test_a_topic_line_gives_the_question_when_the_title_does_not() -> None:
    debate = _read(
        "# Notes\n\nTopic: Causes of the Boer War\n\n## Gold\n\n- the mines\n\n"
        "## Empire\n\n- pride\n"
    )
    assert debate.question == "What caused the Boer War?"
    assert not any(w.code == "unplaced_text" for w in debate.warnings)


def test_under_a_title_that_names_the_debate_a_causal_question_is_one_section() -> None:
    debate = _read(
        "# Causes of the mutiny\n\n## Pay\n\n- arrears\n\n## Why did the officers side with it?\n\n"
        "### Fear\n\n- of the men\n\n### Grievance\n\n- promotion\n\n## Religion\n\n- cartridges\n"
    )
    titles = [p.title for p in debate.positions]
    assert "Pay" in titles and "Religion" in titles
