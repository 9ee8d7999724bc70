"""Explanations that notes write without headings, and the one section that holds the debate.

Students' notes rarely give each explanation its own heading. They write a name
on a line of its own with bullets under it ("Thomas Hobbes" then "- a strong
sovereign ..."), answer a question heading with a numbered list of reasons and one
paragraph per reason, or put the debate under one question among worksheet
answers. Each function here rewrites the blocks (or picks the headings) so that
the outline reader sees the explanations as headings, and says why by its rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quaestio.importer.layout import Block
from quaestio.importer.outline_rules import _NOT_POSITION

_LABEL_STOP = (".", ",", ";", ":", "!", "?", '"', "”")
_URLISH = re.compile(r"https?://|www\.", re.I)


def _label_like(text: str, words: int = 5) -> bool:
    """A short name on a line of its own: no sentence punctuation, a capital first."""
    text = text.strip()
    return (
        0 < len(text.split()) <= words
        and len(text) <= 60
        and text[:1].isupper()
        and not text.endswith(_LABEL_STOP)
        and not _URLISH.search(text)
    )


def promote_labels(blocks: list[Block]) -> list[Block]:
    """Short lines each followed by a list are sub-headings, when a section has two or more.

    "Thomas Hobbes" followed by bullets, then "John Locke" followed by bullets: each
    name heads the points under it. One such line alone stays a paragraph (a
    lead-in to its bullets), so a single "The blight" in a section is not an
    explanation; nor are name lines among other paragraphs or lists of the
    section (worksheet notes). A line ending in a colon is a label of points.
    """
    out = list(blocks)
    groups: list[tuple[int, list[int]]] = [(0, [])]
    mixed: set[int] = set()  # sections with a paragraph that is not such a name line
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            groups.append((block.level, []))
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            block.kind == "paragraph"
            and nxt is not None
            and nxt.kind == "item"
            and nxt.level == 0
            and _label_like(block.text)
        ):
            groups[-1][1].append(i)
        elif block.kind == "paragraph" or (block.kind == "item" and not groups[-1][1]):
            mixed.add(len(groups) - 1)
    for index, (level, indexes) in enumerate(groups):
        # Not under a heading, fewer than two, or among other paragraphs: notes, not names.
        if level == 0 or len(indexes) < 2 or index in mixed:
            continue
        for i in indexes:
            b = blocks[i]
            out[i] = Block("heading", b.text, b.number, min(level + 1, 6), b.end)
    return out


_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s")
# A question that asks for causes or weighs them: the heading of a debate.
CAUSAL_QUESTION = re.compile(
    r"^(?:why\s+(?:did|was|were|do|does|is|has|had)\b|what\s+(?:caused|pushed|led|drove|made|"
    r"were\s+the\s+(?:main\s+)?(?:causes|reasons|factors))\b|how\s+far\b|to\s+what\s+extent\b|"
    r"assess\b|how\s+important\b|how\s+significant\b).*\?$",
    re.I,
)


def promote_reasons(blocks: list[Block], document: str) -> list[Block]:
    """A question heading answered by a numbered list of short reasons: each reason is a heading.

    "## Why did the war break out?" then "1. Quarrels over religion", "2. Money":
    the reasons are the explanations. When the paragraphs that follow (each with
    its bullets) are exactly as many as the reasons, the n-th paragraph explains
    the n-th reason; otherwise they stay after the last reason.
    """
    raw = document.split("\n")
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        out.append(block)
        i += 1
        if block.kind != "heading" or not CAUSAL_QUESTION.match(block.text.strip()):
            continue
        reasons: list[Block] = []
        while i < len(blocks) and blocks[i].kind == "item" and blocks[i].level == 0:
            item = blocks[i]
            line = raw[item.number - 1] if 0 < item.number <= len(raw) else ""
            if not (_NUMBERED.match(line) and _label_like(item.text, words=8)):
                break
            reasons.append(item)
            i += 1
        if len(reasons) < 2:
            out.extend(reasons)
            continue
        body: list[Block] = []
        while i < len(blocks) and blocks[i].kind != "heading":
            body.append(blocks[i])
            i += 1
        parts: list[list[Block]] = []
        for b in body:
            if b.kind == "paragraph" or not parts:
                parts.append([])
            parts[-1].append(b)
        level = min(block.level + 1, 6)
        heads = [Block("heading", r.text, r.number, level, r.end) for r in reasons]
        if len(parts) == len(heads):
            for head, part in zip(heads, parts, strict=True):
                out.append(head)
                out.extend(part)
        else:
            out.extend(heads)
            out.extend(body)
    return out


@dataclass(frozen=True)
class Focus:
    """The heading level of the explanations, the headings at it that are not, and the question."""

    level: int | None
    outside: frozenset[int] = frozenset()  # line numbers of headings at ``level`` set aside
    question: str | None = None


def _children(headings: list[Block], parent: Block) -> list[Block]:
    """Headings one level below ``parent`` until the next heading at its level or above."""
    out: list[Block] = []
    start = headings.index(parent)
    for h in headings[start + 1 :]:
        if h.level <= parent.level:
            break
        if h.level == parent.level + 1:
            out.append(h)
    return out


def question_focus(headings: list[Block], top: int) -> Focus | None:
    """A causal question heading with two or more sub-headings holds the debate.

    Worksheet answers put one question ("Why did ...?", "What pushed ...?") among
    headings of notes; its sub-headings are the explanations, and every other
    section of the document is notes. Sub-headings of apparatus ("Context:",
    "Brainstorming:") do not count.
    """
    below = [h for h in headings if h.level > top]
    focus = [
        h
        for h in below
        if CAUSAL_QUESTION.match(h.text.strip())
        and sum(1 for c in _children(below, h) if not _NOT_POSITION.match(c.text.strip("*_ "))) >= 2
    ]
    if not focus:
        return None
    level = focus[0].level + 1
    inside = {c.number for f in focus if f.level + 1 == level for c in _children(below, f)}
    outside = frozenset(h.number for h in below if h.level == level and h.number not in inside)
    return Focus(level, outside, focus[0].text.strip())


def unlinked_outside(headings: list[Block], level: int, linked: set[int]) -> frozenset[int]:
    """Headings at ``level`` whose parent heading is not a source (no link under it)."""
    outside: set[int] = set()
    parent: Block | None = None
    for h in headings:
        if h.level < level:
            parent = h
        elif h.level == level and (parent is None or parent.number not in linked):
            outside.add(h.number)
    return frozenset(outside)


_GROUP = r"(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_LISTED = re.compile(rf"^(?P<a>{_GROUP})(?:\s*,\s*{_GROUP})*\s*,?\s+and\s+{_GROUP}$")


def listed_groups(heading: str) -> list[str]:
    """ "The Whigs, The Revisionists, and The Marxists": the schools a heading lists.

    Three or more capitalised names joined by commas and "and", each a group
    ("The ...", or "...ists", "...ians"), each read as one school; fewer is a title
    ("Friedman and Schwartz" is one view), and "Causes, Effects and Legacy" lists parts.
    """
    text = heading.strip()
    if _LISTED.match(text) is None:
        return []
    parts = [p.strip() for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", text) if p.strip()]
    schools = all(_SCHOOL.search(p) for p in parts)  # "The Whigs", "Marxists"; not "Effects"
    return parts if len(parts) >= 3 and schools else []


_SCHOOL = re.compile(r"^the\s|(?:ists|ians|ites|ans)$", re.I)


def group_start(group: str, blocks: list[Block], raw: list[str], after: int) -> int | None:
    """Index of the first block after ``after`` that names ``group`` in bold, else at all."""
    key = group.split()[-1]
    bold = re.compile(rf"\*\*(?:the\s+)?{re.escape(key)}\b", re.I)
    plain = re.compile(rf"(?<![\w-]){re.escape(key)}\b", re.I)
    for rx in (bold, plain):
        for i in range(after + 1, len(blocks)):
            n = blocks[i].number
            line = raw[n - 1] if 0 < n <= len(raw) else blocks[i].text
            if blocks[i].kind != "heading" and rx.search(line):
                return i
    return None
