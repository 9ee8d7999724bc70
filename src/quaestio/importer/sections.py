"""Which headings of an outline are explanations, which are apparatus or background.

Structure is found by meaning, not by level: the level whose headings name
explanations, labelled paragraphs ("Interpretation 1: ..."), sources whose ideas
sit one level down, "Criticisms of X" sections that belong to X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quaestio.importer.build import Builder
from quaestio.importer.layout import Block
from quaestio.importer.outline_rules import _DEBATE_SIGNAL
from quaestio.importer.structure import (
    Focus,
    group_start,
    listed_groups,
    question_focus,
    unlinked_outside,
)


@dataclass
class _Section:
    kind: str  # "position", "conclusion", "consequences"
    heading: Block
    blocks: list[Block] = field(default_factory=list)


QUESTION_HEADING = re.compile(r"^(?:essay\s+)?question(?:\s+d[’']essai)?\s*:?\s*$", re.I)


_POSITION_WORD = re.compile(
    r"\b(?:axe|axis|factors?|interpretations?|views?|perspectives?|schools?|arguments?|"
    r"explanations?|causes?|reasons?|theor(?:y|ies)|thesis|revisionis\w*|orthodox\w*|"
    r"traditionalis\w*|intentionalis\w*|functionalis\w*|structuralis\w*)\b",
    re.I,
)


def _explanation_level(blocks: list[Block], top: int, title: Block | None) -> Focus:
    """The heading level that holds the explanations, when it is not the first one below the title.

    Notes often group their explanations under headings of sources or parts ("Essay",
    "Reading 2"). A deeper level is the level of the positions when its headings name
    themselves explanations ("Axe 1", "Interpretation 2", "Factor: ...") at least twice
    and more often than the level above, or when most headings of the first level open
    with a link (they name a source read, and the headings under them its ideas).
    When most headings of the first level are worksheet prompts ("Summarize ...",
    "Why do ...?"), the names under them are the explanations. A causal question
    heading with sub-headings ("Why did the war break out?") holds the debate alone.
    Level None: the first level below the title.
    """
    headings = [b for b in blocks if b.kind == "heading" and b is not title and b.level > top]
    levels = sorted({h.level for h in headings})
    if len(levels) < 2:
        return Focus(None)
    # A title that already names the debate ("Causes of X") makes its sections the
    # explanations; only a title that does not ("Assignment 3") leaves it to one question.
    focus = None if title and _DEBATE_SIGNAL.search(title.text) else question_focus(headings, top)
    if focus is not None:
        return focus
    score = {
        lv: sum(1 for h in headings if h.level == lv and _POSITION_WORD.search(h.text))
        for lv in levels
    }
    best = max(levels, key=lambda lv: (score[lv], -lv))
    if best != levels[0] and score[best] >= 2 and score[best] > score[levels[0]]:
        return Focus(best)
    first = [h for h in headings if h.level == levels[0]]
    after = {b.number: blocks[i + 1] for i, b in enumerate(blocks[:-1]) if b.kind == "heading"}
    linked = {h.number for h in first if h.number in after and _URL.match(after[h.number].text)}
    if len(first) >= 2 and len(linked) * 2 >= len(first):
        return Focus(levels[1], unlinked_outside(headings, levels[1], linked))
    prompts = sum(1 for h in first if _PROMPT.match(h.text.strip()) or h.text.strip().endswith("?"))
    if prompts >= 2 and prompts * 2 > len(first):
        return Focus(levels[1])
    return Focus(None)


_URL = re.compile(r"^\s*<?(?:https?://|www\.)\S+>?\s*$", re.I)
_BARE_DATE = re.compile(r"^[^\w]*(?:c\.\s*)?\d{3,4}(?:\s*[-–]\s*\d{2,4})?s?[^\w]*$")
# Worksheet prompts: "Take notes on ...", "Summarize ...", "What was the headright system?",
# "What is a charter? Give two examples." (a question, then an order).
_PROMPT = re.compile(
    r"^(?:(?:take\s+notes|read|summari[sz]e|identify|describe|define|explain|discuss|compare|"
    r"comment|make|list|analy[sz]e|outline|in\s+\d)\b.*|(?:what|who|when|where|which|how|why|"
    r"is|are|was|were|did|do|does)\b[^?]*\?.*)$",
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


def _split_listed(sections: list[_Section], document: str) -> list[_Section]:
    """A heading that lists the schools ("The A, The B, and The C") holds one position each.

    Each school's position starts at the first paragraph that names it (in bold
    first), the first at the heading. The document's other sections are then
    background to that debate and are set aside.
    """
    raw = document.split("\n")
    out: list[_Section] = []
    split = False
    for section in sections:
        groups = listed_groups(section.heading.text) if section.kind == "position" else []
        starts = [-1]
        for group in groups[1:]:
            at = group_start(group, section.blocks, raw, starts[-1])
            if at is None:
                break
            starts.append(at)
        if not groups or len(starts) != len(groups):
            out.append(section)
            continue
        split = True
        ends = [*starts[1:], len(section.blocks)]
        for group, start, end in zip(groups, starts, ends, strict=True):
            if start < 0:
                heading = Block("heading", group, section.heading.number, section.heading.level)
                out.append(_Section("position", heading, section.blocks[:end]))
            else:
                first = section.blocks[start]
                heading = Block("heading", group, first.number, section.heading.level)
                out.append(_Section("position", heading, section.blocks[start:end]))
    if split:
        _move_named_parts(out)
        for section in out:
            if section.kind == "position" and not any(
                section.heading.text == g for s in sections for g in listed_groups(s.heading.text)
            ):
                section.kind = "aside"
    return out


def _move_named_parts(sections: list[_Section]) -> None:
    """A sub-heading that names another school ("The Whig legacy") goes to that school."""
    stems = [re.sub(r"s$", "", s.heading.text.split()[-1]) for s in sections]
    for index, section in enumerate(sections):
        keep: list[Block] = []
        moving: list[Block] | None = None
        for block in section.blocks:
            if block.kind == "heading":
                target = next(
                    (
                        j
                        for j, stem in enumerate(stems)
                        if j != index
                        and sections[j].kind == "position"
                        and re.search(rf"(?<![\w-]){re.escape(stem)}", block.text)
                    ),
                    None,
                )
                moving = sections[target].blocks if target is not None else None
            (keep if moving is None else moving).append(block)
        section.blocks = keep
