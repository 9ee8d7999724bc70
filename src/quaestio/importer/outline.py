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
from dataclasses import dataclass, field, replace

from quaestio.importer.build import Builder
from quaestio.importer.cells import name_list, parse_points, parse_position, split_label
from quaestio.importer.citations import cited_names, known_names, title_names
from quaestio.importer.layout import Block, Layout, Line, Table
from quaestio.importer.title import question_for, stated_question
from quaestio.model import Conclusion, Consequence, Debate, Evidence, Position

_STANCE = re.compile(
    r"^(?:(?:the\s+)?(?:evidence|arguments?|points?|case)\s+)?"
    r"(?P<stance>for|against|supporting|countering|support|counter[- ]?(?:arguments?|evidence)?|"
    r"criticisms?|pros|cons|strengths?|weakness(?:es)?|limitations?|challenging|challenges|"
    r"objections?)(?:\s+evidence|\s+arguments?)?\s*(?P<colon>:?)\s*(?P<rest>.*)$",
    re.I,
)
_POLARITY = re.compile(
    r"^(?P<pol>positives?|negatives?|advantages?|disadvantages?|benefits?|costs?)"
    r"(?:\s+\w+){0,4}?\s*(?P<colon>:?)\s*(?P<rest>.*)$",
    re.I,
)
_CONSEQUENCES = re.compile(
    r"\b(?:consequences?|effects?|results?|impact|outcomes?|"
    r"positives?|negatives?)\b",
    re.I,
)
_CONCLUSION = re.compile(r"^(?:in\s+)?(?:conclusions?|summary|overall|verdict|judge?ment)\b", re.I)
_NEGATIVE = re.compile(r"^(?:negatives?|disadvantages?|costs?)", re.I)
# Headings that never head an explanation: apparatus, worksheets, study aids.
_NOT_POSITION = re.compile(
    r"^(?:(?:suggested|further|wider)\s+reading|reading\s+list|bibliography|references?|sources?|"
    r"works\s+cited|notes?|key\s+(?:terms|words|dates|vocabulary)|glossary|vocabulary|timeline|"
    r"chronology|key\s+dates|questions?|exam\s+questions?|practice\s+questions?|tasks?|activit(?:y|ies)|"
    r"lecture\s+prep\w*|homework|pdf(?:\s+version)?|intro(?:duction)?|contents|table\s+of\s+contents|"
    r"further\s+resources|resources|links|see\s+also|image\s+credits?)\b[\s:.]*$",
    re.I,
)
# Words that say a document weighs explanations against each other; notes without any of them
# (in the title, the question or a heading) are not read as a debate.
_DEBATE_SIGNAL = re.compile(
    r"\b(?:to\s+what\s+extent|how\s+far|assess|evaluate|why\s+(?:did|was|were|do|does|is)|"
    r"what\s+(?:caused|pushed|led)|causes?|caused|reasons?|explanations?|factors?|interpretations?|"
    r"views?|perspectives?|positions?|schools?\s+of\s+thought|revisionis\w*|orthodox\w*|"
    r"traditionalis\w*|intentionalis\w*|functionalis\w*|debates?|arguments?|counter-?arguments?|"
    r"strengths?|weakness(?:es)?|criticisms?|limitations?|benefits?|"
    r"supporting|challenging|axe|dans\s+quelle\s+mesure|probl[ée]matique|historians?)\b",
    re.I,
)


def _stance(text: str) -> tuple[str, str] | None:
    """("for"|"against", rest) when ``text`` switches stance ("For:", "Against: ...")."""
    m = _STANCE.match(text.strip())
    if m is None or (m.group("rest") and not m.group("colon")):
        return None
    word = m.group("stance").lower()
    stance = (
        "for"
        if word in ("for", "supporting", "support", "pros", "strength", "strengths")
        else "against"
    )
    return stance, m.group("rest").strip()


def _polarity(text: str) -> tuple[str, str] | None:
    m = _POLARITY.match(text.strip())
    if m is None or (m.group("rest") and not m.group("colon")):
        return None
    return ("negative" if _NEGATIVE.match(m.group("pol")) else "positive"), m.group("rest").strip()


# "Historians:", "Key historians:", "Held by:", "Proponents:" introduce a position's historians.
_HISTORIANS_LINE = re.compile(
    r"^(?:(?:key|main|leading)\s+)?(?:historians?|held\s+by|proponents?|supporters?|"
    r"advocates?)(?:\s+of\s+this\s+view)?$",
    re.I,
)
_TITLE_NAMES = re.compile(r"\s*\(([^()]+)\)\s*$")


def _names_on_title(names: tuple[str, ...], builder: Builder) -> bool:
    """Parentheses on a heading hold historians: no acronym ("(LON)"), and two names or a known one."""
    if any(n.isupper() or n.lower() in builder.document for n in names if len(n) > 1):
        return False
    return len(names) >= 2 or builder.is_historian(names[0])


# A sentence that answers the point before it: "However, ...", "But ...", "This does not explain".
COUNTER_OPENING = re.compile(
    r"^(?:however\b|but\b|yet\b|nevertheless\b|on\s+the\s+other\s+hand\b|critics\b|"
    r"this\s+(?:does\s+not|doesn[’']t|fails\s+to)\s+explain|counter[- ]?(?:argument|point)s?\b|"
    r"[A-Z][\w'’-]+\s+(?:challenges|rejects|disputes|criticises|criticizes)\b)",
    re.I,
)


def _switch(block: Block) -> tuple[str, str] | None:
    """The stance a block switches to ("For:", a "Weaknesses" sub-heading), if it does."""
    if block.kind == "item" and block.level > 0:
        return None
    switch = _stance(block.text)
    if switch is None or (block.kind == "item" and switch[1]):
        return None
    return switch


def _answers(evidence: list[Evidence], answers: dict[int, int]) -> list[Evidence]:
    """Tie each "However, ..." point to the supporting point just before it."""
    by_line = {e.source.line_start: e.id for e in evidence if e.source and e.stance == "for"}
    out: list[Evidence] = []
    for e in evidence:
        start = e.source.line_start if e.source else None
        target = by_line.get(answers.get(start or -1, -1))
        if e.stance == "against" and target is not None and not e.rebuts:
            e = replace(e, rebuts=(target,))
        out.append(e)
    return out


@dataclass
class _Section:
    kind: str  # "position", "conclusion", "consequences"
    heading: Block
    blocks: list[Block] = field(default_factory=list)


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
    for block in section.blocks:
        switch = _switch(block)
        if switch is not None:
            stance = switch[0]
            if switch[1]:
                by_stance[stance].append(Block("paragraph", switch[1], block.number))
            continue
        if block.kind == "heading":  # a sub-heading labels the points under it
            block = Block("paragraph", block.text.rstrip(" :") + ":", block.number)
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
        cited = [n for n in cited if not builder.is_figure(n)]
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
    for block in section.blocks:
        switch = _polarity(block.text) if block.kind != "item" else None
        if switch is not None:
            polarity = switch[0]
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
        out += builder.consequences(key, points)  # type: ignore[arg-type]
    return out


def read_outline(
    layout: Layout,
    builder: Builder,
    document: str,
    table_consequences: Callable[[Table], list[Consequence] | None],
) -> Debate:
    blocks = _labelled_positions([item for item in layout.items if isinstance(item, Block)])
    builder.document = document
    headings = [b for b in blocks if b.kind == "heading"]
    meta_title = layout.metadata.get("title", "")
    title_block: Block | None = headings[0] if headings else (blocks[0] if blocks else None)
    if meta_title and (not headings or headings[0].level > 1):
        title_block = None  # the front matter names the page; every heading is a section
    title = title_block.text if title_block else meta_title
    top = title_block.level if title_block and title_block.kind == "heading" else 0
    if title_block is None and headings:
        top = min(h.level for h in headings) - 1
    elif not any(h.level > top for h in headings[1:]):
        top -= 1  # every heading at one level: the first is the title, the rest are sections
    stated = stated_question([(b.text, b.kind == "heading") for b in blocks])
    question_lines = set()
    if stated:
        question_lines = {
            b.number
            for b in blocks
            if stated.rstrip("?").strip() in b.text or b.text.strip().rstrip("?") in stated
        }
    question = (
        layout.metadata.get("question") or stated or _title_question(title, meta_title, document)
    )
    signals = [title, question, meta_title, *(h.text for h in headings if h is not title_block)]
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
    section_level: int | None = _explanation_level(blocks, top, title_block)
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
        elif block.number in question_lines:
            continue  # the question the document states
        else:
            builder.warn(
                "unplaced_text",
                f"text before the first position was not used: '{block.text[:60]}'",
                block.number,
            )
    sections = _gather_stance_sections(sections, title, title_block, builder)
    positions: list[Position] = []
    conclusion: Conclusion | None = None
    consequences: list[Consequence] = []
    for section in sections:
        if section.kind == "aside":
            last = section.blocks[-1].number if section.blocks else section.heading.number
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
                last = section.blocks[-1].number if section.blocks else section.heading.number
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


QUESTION_HEADING = re.compile(r"^(?:essay\s+)?question(?:\s+d[’']essai)?\s*:?\s*$", re.I)


def _title_question(title: str, meta_title: str, document: str) -> str:
    """The question the title implies; the front-matter title when only it says one."""
    question = question_for(title, document)
    if question == title.strip() and meta_title and meta_title != title:
        other = question_for(meta_title, document)
        if other != meta_title.strip():
            return other
    return question


_POSITION_WORD = re.compile(
    r"\b(?:axe|axis|factors?|interpretations?|views?|perspectives?|schools?|arguments?|"
    r"explanations?|causes?|reasons?|theor(?:y|ies)|thesis|revisionis\w*|orthodox\w*|"
    r"traditionalis\w*|intentionalis\w*|functionalis\w*|structuralis\w*)\b",
    re.I,
)


def _explanation_level(blocks: list[Block], top: int, title: Block | None) -> int | None:
    """The heading level that holds the explanations, when it is not the first one below the title.

    Notes often group their explanations under headings of sources or parts ("Essay",
    "Reading 2"). A deeper level is the level of the positions when its headings name
    themselves explanations ("Axe 1", "Interpretation 2", "Factor: ...") at least twice
    and more often than the level above, or when most headings of the first level open
    with a link (they name a source read, and the headings under them its ideas).
    None: the first level below the title.
    """
    headings = [b for b in blocks if b.kind == "heading" and b is not title and b.level > top]
    levels = sorted({h.level for h in headings})
    if len(levels) < 2:
        return None
    score = {
        lv: sum(1 for h in headings if h.level == lv and _POSITION_WORD.search(h.text))
        for lv in levels
    }
    best = max(levels, key=lambda lv: (score[lv], -lv))
    if best != levels[0] and score[best] >= 2 and score[best] > score[levels[0]]:
        return best
    first = [h for h in headings if h.level == levels[0]]
    after = {b.number: blocks[i + 1] for i, b in enumerate(blocks[:-1]) if b.kind == "heading"}
    linked = sum(1 for h in first if h.number in after and _URL.match(after[h.number].text))
    if len(first) >= 2 and linked * 2 >= len(first):
        return levels[1]
    return None


_URL = re.compile(r"^\s*<?(?:https?://|www\.)\S+>?\s*$", re.I)
_BARE_DATE = re.compile(r"^[^\w]*(?:c\.\s*)?\d{3,4}(?:\s*[-–]\s*\d{2,4})?s?[^\w]*$")
# Worksheet prompts: "Take notes on ...", "Summarize ...", "What was the headright system?"
_PROMPT = re.compile(
    r"^(?:(?:take\s+notes|read|summari[sz]e|identify|describe|define|explain|discuss|compare|"
    r"comment|make|list|analy[sz]e|outline|in\s+\d)\b.*|(?:what|who|when|where|which|how|why|"
    r"is|are|was|were|did|do|does)\b.*\?)$",
    re.I,
)
_SUBJECT_STANCE = re.compile(
    r"^(?:the\s+)?(?P<word>criticisms?|limitations|weaknesses|problems|strengths|benefits|"
    r"advantages|merits)\s+(?:of|for|to|with|in)\s+(?:the\s+use\s+of\s+)?(?P<subject>.+?)\W*$",
    re.I,
)
_AGAINST_WORDS = ("criticism", "limitation", "weakness", "problem")


def _gather_stance_sections(
    sections: list[_Section], title: str, title_block: Block | None, builder: Builder
) -> list[_Section]:
    """ "Criticisms of X" / "Benefits of X" sections become X's countering / supporting points.

    X is a position of the document, or the document's own subject (its title): then
    the document weighs one explanation, and its other sections are background.
    """
    from rapidfuzz import fuzz

    def near(a: str, b: str) -> bool:
        return fuzz.ratio(a.lower().strip(), b.lower().strip()) >= 85

    stance_sections: list[tuple[_Section, str, str]] = []
    for section in sections:
        m = _SUBJECT_STANCE.match(section.heading.text.strip("*_ "))
        if section.kind == "position" and m:
            word = m.group("word").lower()
            side = "Against:" if word.startswith(_AGAINST_WORDS) else "For:"
            stance_sections.append((section, side, m.group("subject")))
    if not stance_sections:
        return sections
    out = [s for s in sections if all(s is not t for t, _, _ in stance_sections)]
    subject: _Section | None = None
    for section, side, about in stance_sections:
        target = next(
            (s for s in out if s.kind == "position" and near(s.heading.text, about)), None
        )
        if target is None and title and near(title, about):
            if subject is None:
                line = title_block.number if title_block else section.heading.number
                subject = _Section("position", Block("heading", title, line))
            target = subject
        if target is None:
            out.append(section)
            continue
        target.blocks.append(Block("paragraph", side, section.heading.number))
        target.blocks.extend(section.blocks)
    if subject is not None:
        for section in out:
            if section.kind == "position":
                section.kind = "aside"
        out.insert(0, subject)
    return out


# "Interpretation 1: the intentionalist view", "Factor 2 - the economy", "View B:" written as
# a paragraph: it opens a position as a heading would.
_POSITION_LABEL = re.compile(
    r"^(?:interpretation|view|factor|reason|cause|argument|explanation|theory|school|"
    r"perspective|axe|axis)\s*(?:\d{1,2}|[A-H]|[ivx]{1,4})?\s*[:.–—-]\s*\S",
    re.I,
)


def _labelled_positions(blocks: list[Block]) -> list[Block]:
    """Paragraphs labelled as explanations become headings one level below the last heading.

    Only when at least two such labels appear, so one "Reason: ..." sentence in a
    note stays a sentence.
    """
    labelled = [b for b in blocks if b.kind == "paragraph" and _POSITION_LABEL.match(b.text)]
    if len(labelled) < 2:
        return blocks
    out: list[Block] = []
    level = 0
    for block in blocks:
        if block.kind == "heading":
            level = block.level
        if block in labelled:
            block = Block("heading", block.text, block.number, min(level + 1, 6), block.end)
        out.append(block)
    return out
