"""Read a document without a positions table: headings and bullets.

The first heading is the debate's title; each heading below it is a position,
whose first paragraphs are its summary (historians in trailing parentheses or
after "Historians:"), then "For:" / "Against:" lines (or sub-headings) switch
between supporting and countering points given as bullets or paragraphs. A
"Conclusion" heading holds the conclusion; a "Consequences" heading (or
"Positive"/"Negative" ones) holds the balance sheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from quaestio.importer.build import Builder
from quaestio.importer.cells import name_list, parse_points, parse_position, split_label
from quaestio.importer.citations import (
    cited_names,
    given_only,
    known_names,
    school_name,
    title_names,
)
from quaestio.importer.layout import Block, Layout, Line, Table
from quaestio.importer.outline_rules import (
    _CONCLUSION,
    _CONSEQUENCES,
    _DEBATE_SIGNAL,
    _HISTORIANS_LINE,
    _NOT_POSITION,
    _TITLE_NAMES,
    COUNTER_OPENING,
    _answers,
    _names_on_title,
    _polarity,
    _stance,
    _switch,
)
from quaestio.importer.sections import (
    _BARE_DATE,
    _PROMPT,
    QUESTION_HEADING,
    _explanation_level,
    _gather_stance_sections,
    _labelled_positions,
    _Section,
    _split_listed,
)
from quaestio.importer.structure import promote_labels, promote_reasons
from quaestio.importer.title import exam_question, question_for, stated_question
from quaestio.model import Conclusion, Consequence, Debate, Evidence, Position

# One historian's name on a bullet: "Getty", "J. Arch Getty", "E. H. Carr".
_NAME_ITEM = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+$")


def _lines(blocks: list[Block]) -> list[Line]:
    return [
        Line(
            b.text,
            b.number,
            "-" if b.kind == "item" else None,
            b.level if b.kind == "item" else 0,
            b.end,
        )
        for b in blocks
    ]


def _position(section: _Section, builder: Builder) -> Position:
    head: list[Block] = []
    by_stance: dict[str, list[Block]] = {"for": [], "against": []}
    stance: str | None = None
    names: tuple[str, ...] = ()
    names_line: int | None = None
    # Notes that never say "For:"/"Against:" give their explanation as points throughout.
    labelled = any(_switch(block) is not None for block in section.blocks)
    unlabelled = 0
    answers: dict[int, int] = {}  # line of a "However, ..." point -> line of the point it answers
    last_for: int | None = None
    listing = False  # just after a bare "Key historians" line: the bullets are names
    for block in section.blocks:
        switch = _switch(block)
        if switch is not None:
            stance = switch[0]
            if switch[1]:
                by_stance[stance].append(Block("paragraph", switch[1], block.number))
            continue
        if listing and block.kind == "item" and _NAME_ITEM.match(block.text.strip()):
            names += (block.text.strip(),)  # "Key historians" then one name per bullet
            continue
        listing = False
        if block.kind == "heading":  # a sub-heading labels the points under it
            block = Block("paragraph", block.text.rstrip(" :") + ":", block.number)
        bare = block.text.strip().rstrip(":").strip()
        if block.kind != "item" and _HISTORIANS_LINE.match(bare):
            listing, names_line = True, block.number
            continue
        label, rest = split_label(block.text)
        if label and _HISTORIANS_LINE.match(label):
            names, names_line = name_list(rest) or ((rest,) if rest else ()), block.number
            continue
        if (stance in (None, "for")) and block.level == 0 and COUNTER_OPENING.match(block.text):
            by_stance["against"].append(block)
            if last_for is not None:
                answers[block.number] = last_for
            continue
        if stance is None and labelled:
            if block.kind == "item":
                unlabelled += 1
                by_stance["for"].append(block)
            else:
                head.append(block)
            continue
        if stance is None:
            unlabelled += 1
        key = stance or "for"
        by_stance[key].append(block)
        if key == "for" and block.level == 0:
            last_for = block.number
    if unlabelled:
        builder.warn(
            "no_stance",
            f"{unlabelled} point(s) under '{section.heading.text[:40]}' come before any "
            "'For:'/'Against:' and were read as supporting evidence",
            section.heading.number,
        )
    parsed = parse_position(tuple(_lines([section.heading, *head])))
    position_id = builder.ids.position()
    evidence: list[Evidence] = []
    for key in ("for", "against"):
        points, orphans = parse_points(_lines(by_stance[key]))
        for ref, line in orphans:
            builder.warn(
                "orphan_reference", f"cross-reference {ref!r} has no point to go with", line
            )
        evidence += builder.evidence(position_id, key, points)  # type: ignore[arg-type]
    evidence = _answers(evidence, answers)
    m = _TITLE_NAMES.search(parsed.title)
    listed = name_list(m.group(1)) if m and not parsed.historians and not names else None
    if m and listed and _names_on_title(listed, builder):  # "Intentionalists (Bracher, Hildebrand)"
        names, names_line = listed, section.heading.number
        parsed = replace(parsed, title=parsed.title[: m.start()].strip())
    numbers = [section.heading.number] + [b.number for b in section.blocks]
    builder.check_text(parsed.summary, section.heading.number)
    if not parsed.historians and not names:
        texts = [parsed.summary, *(e.text for e in evidence)]
        cited = title_names(parsed.title, builder.document) + [
            n for t in texts for n in cited_names(t, builder.document)
        ]
        cited += [
            n
            for t in [parsed.title, *texts]
            for n in known_names(t, builder.is_historian, builder.document)
        ]
        cited = school_name(parsed.title, builder.document) + cited
        given = given_only(builder.document)
        cited = [n for n in cited if not builder.is_figure(n) and n not in given]
        names = tuple(dict.fromkeys(cited))
        names_line = section.heading.number if names else names_line
    position = Position(
        id=position_id,
        title=parsed.title,
        summary=parsed.summary,
        historians=builder.historians(
            parsed.historians + names, parsed.historians_line or names_line
        ),
        evidence=tuple(evidence),
        source=builder.source(min(numbers), max(numbers)),
    )
    return builder.finish_position(position)


def _consequences(section: _Section, builder: Builder) -> list[Consequence]:
    current = _polarity(section.heading.text)
    polarity = current[0] if current else None
    found: dict[str, list[Block]] = {"positive": [], "negative": []}
    # The line that opened each polarity ("Positive:", or the heading): its first
    # consequence stands on it too, so the label is traced to what it became.
    opened: dict[str, int] = {polarity: section.heading.number} if polarity else {}
    for block in section.blocks:
        switch = _polarity(block.text) if block.kind != "item" else None
        if switch is not None:
            polarity = switch[0]
            opened.setdefault(polarity, block.number)
            if switch[1]:
                found[polarity].append(Block("paragraph", switch[1], block.number))
            continue
        if polarity is None:
            builder.warn(
                "no_polarity",
                f"consequence {block.text[:40]!r} is neither under "
                "'Positive' nor 'Negative' and was ignored",
                block.number,
            )
            continue
        found[polarity].append(block)
    out: list[Consequence] = []
    for key in ("positive", "negative"):
        points, _ = parse_points(_lines(found[key]), dashes=False)
        made = builder.consequences(key, points)  # type: ignore[arg-type]
        if made and key in opened:
            made[0] = _starting_at(made[0], opened[key], builder)
        out += made
    if out:
        first = min(range(len(out)), key=lambda i: _start(out[i]))
        out[first] = _starting_at(out[first], section.heading.number, builder)
    return out


def _start(item: Consequence) -> int:
    return item.source.line_start or 0 if item.source else 0


def _starting_at(item: Consequence, line: int, builder: Builder) -> Consequence:
    """The consequence with its source stretched back to ``line`` (its heading or label)."""
    if item.source is None or item.source.line_start is None or item.source.line_start <= line:
        return item
    return replace(
        item, source=builder.source(line, item.source.line_end or item.source.line_start)
    )


def read_outline(
    layout: Layout,
    builder: Builder,
    document: str,
    table_consequences: Callable[[Table], list[Consequence] | None],
) -> Debate:
    written = [item for item in layout.items if isinstance(item, Block)]
    blocks = _labelled_positions(written)
    blocks = promote_reasons(promote_labels(blocks), document)
    builder.document = document
    headings = [b for b in blocks if b.kind == "heading"]
    meta_title = layout.metadata.get("title", "")
    title_block: Block | None = headings[0] if headings else (blocks[0] if blocks else None)
    if headings and headings[0] not in written and blocks[0] is not headings[0]:
        # "Factor 1: ..." made a heading is a position; the text above it names the page.
        title_block = blocks[0]
    if meta_title and (not headings or headings[0].level > 1):
        title_block = None  # the front matter names the page; every heading is a section
    title = title_block.text if title_block else meta_title
    top = title_block.level if title_block and title_block.kind == "heading" else 0
    if title_block is None and headings:
        top = min(h.level for h in headings) - 1
    elif not any(h.level > top for h in headings[1:]):
        top -= 1  # every heading at one level: the first is the title, the rest are sections
    block_texts = [(b.text, b.kind == "heading") for b in blocks]
    stated = stated_question(block_texts) or exam_question(block_texts)
    question_lines = set()
    if stated:
        question_lines = {
            b.number
            for b in blocks
            if stated.rstrip("?").strip() in b.text or b.text.strip().rstrip("?") in stated
        }
    question = (
        layout.metadata.get("question")
        or stated
        or _title_question(title, meta_title, document, _topic(blocks))
    )
    # Only headings the author wrote (or labelled "Interpretation 1:") say it is a debate;
    # name lines made sub-headings above do not.
    written_headings = [b for b in _labelled_positions(written) if b.kind == "heading"]
    signals = [
        title,
        question,
        meta_title,
        *(
            h.text
            for h in written_headings
            if title_block is None or h.number != title_block.number
        ),
    ]
    labelled = any(_stance(b.text) or _polarity(b.text) for b in blocks)
    if not labelled and not any(_DEBATE_SIGNAL.search(text) for text in signals if text):
        builder.warn(
            "not_a_debate",
            f"{len(blocks)} paragraphs and {len(headings)} headings read as notes: no question, "
            "no 'causes', 'interpretations', 'For'/'Against' or other sign of a debate",
            blocks[0].number if blocks else None,
        )
        return Debate(
            title=title or (builder.file or "untitled"),
            question=question,
            warnings=tuple(builder.warnings),
            source_file=builder.file,
        )
    sections: list[_Section] = []
    focus = _explanation_level(blocks, top, title_block)
    section_level = focus.level
    if focus.question and not (layout.metadata.get("question") or stated):
        question = focus.question  # the causal question whose sub-headings are the explanations
    prompts = sum(1 for h in headings if h is not title_block and _PROMPT.match(h.text.strip()))
    for block in blocks:
        if block is title_block:
            continue
        is_section = (
            block.kind == "heading"
            and block.level > top
            and (section_level is None or block.level <= section_level)
        )
        if is_section and not (
            sections and _stance(block.text) and sections[-1].kind == "position"
        ):
            section_level = block.level if section_level is None else section_level
            if (
                _NOT_POSITION.match(block.text.strip("*_ "))
                or QUESTION_HEADING.match(block.text)
                or block.level < section_level
                or block.number in focus.outside
                or _BARE_DATE.match(block.text.strip())
                or (prompts >= 2 and _PROMPT.match(block.text.strip()))
            ):
                kind = "aside"
            elif _CONCLUSION.match(block.text):
                kind = "conclusion"
            elif _CONSEQUENCES.search(block.text) or _polarity(block.text):
                if sections and sections[-1].kind == "consequences" and _polarity(block.text):
                    sections[-1].blocks.append(Block("paragraph", block.text, block.number))
                    continue
                kind = "consequences"
            else:
                kind = "position"
            sections.append(_Section(kind, block))
        elif sections:
            sections[-1].blocks.append(block)
        elif block.number in question_lines or (
            _TOPIC.match(block.text.strip()) and question_for(_topic([block]), document) == question
        ):
            continue  # the question the document states, or the topic it was read from
        else:
            builder.warn(
                "unplaced_text",
                f"text before the first position was not used: '{block.text[:60]}'",
                block.number,
            )
    sections = _split_listed(sections, document)
    sections = _gather_stance_sections(sections, title, title_block, builder)
    positions: list[Position] = []
    conclusion: Conclusion | None = None
    consequences: list[Consequence] = []
    for section in sections:
        if section.kind == "aside":
            last = (
                (section.blocks[-1].end or section.blocks[-1].number)
                if section.blocks
                else section.heading.number
            )
            builder.warn(
                "set_aside",
                f"section '{section.heading.text[:50]}' (lines {section.heading.number}-{last}) "
                "is not an explanation; it was kept out of the positions",
                section.heading.number,
            )
            for block in section.blocks:
                builder.warn(
                    "set_aside_part",
                    f"in the set-aside section '{section.heading.text[:30]}'",
                    block.number,
                )
            continue
        if section.kind == "position":
            positions.append(_position(section, builder))
        elif section.kind == "consequences":
            consequences += _consequences(section, builder)
        elif conclusion is None:
            lead = _CONCLUSION.sub("", section.heading.text, count=1).strip(" :.-")
            texts = ([lead] if lead else []) + [b.text for b in section.blocks]
            if texts:
                text = "\n\n".join(texts)
                builder.check_text(text, section.heading.number)
                last = (
                    (section.blocks[-1].end or section.blocks[-1].number)
                    if section.blocks
                    else section.heading.number
                )
                conclusion = Conclusion(text, builder.source(section.heading.number, last))
    for table in layout.tables:
        found = table_consequences(table)
        if found is None:
            builder.warn(
                "unplaced_table",
                "a table without a positions or consequences header was not used",
                table.line_start,
            )
        else:
            consequences += found
    return Debate(
        title=title or (builder.file or "untitled"),
        question=question,
        positions=tuple(positions),
        conclusion=conclusion,
        consequences=tuple(consequences),
        warnings=tuple(builder.warnings),
        source_file=builder.file,
    )


def _title_question(title: str, meta_title: str, document: str, topic: str = "") -> str:
    """The question the title implies; else the front-matter title's, else a "Topic:" line's."""
    question = question_for(title, document)
    if question != title.strip():
        return question
    for other_title in (meta_title, topic):
        if other_title and other_title != title:
            other = question_for(other_title, document)
            if other != other_title.strip():
                return other
    return question


_TOPIC = re.compile(r"^(?:topic|subject|theme)\s*:\s*(?P<rest>\S.*)$", re.I)


def _topic(blocks: list[Block]) -> str:
    """The text of the first "Topic: ..." line ("Topic: Causes of the Boer War")."""
    for block in blocks[:8]:
        if m := _TOPIC.match(block.text.strip()):
            return m.group("rest").strip()
    return ""
