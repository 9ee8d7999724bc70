"""What is inside one cell: a position's title, summary and historians, or evidence points.

A position cell reads title, summary, then the historians who hold the view in
trailing parentheses "(Deutscher, Fainsod, Mandelstam)". An evidence cell is cut
into points at bullets, at "Label: text" (or "Label – text") sub-heads and at paragraph breaks;
nested bullets stay with their parent point, and "See details of ..." lines are
cross-references kept with the nearest point rather than becoming evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quaestio.importer.layout import Line

_REFERENCE = re.compile(r"^\(?\s*(?:see|cf\.?|compare)\b", re.I)
_LABEL = re.compile(r"^(?P<label>[A-Z][^:;.!?()*\d]{0,48}?)\s*:\s*(?P<rest>.*)$", re.S)
# "Show trials – the accused confessed": a spaced hyphen, en or em dash, or an unspaced en or
# em dash before a capital ("Show trials—After ...").
_DASH_LABEL = re.compile(
    r"^(?P<label>[A-Z][^:;.!?()*\d–—]{0,48}?)"
    r"(?:\s+(?P<spaced>[-–—])(?:\s+|$)|(?P<glued>[–—])(?=[A-Z]))(?P<rest>.*)$",
    re.S,
)
# Words that open a sentence, not a label ("However – and this matters – ...").
_NOT_LABELS = {"e.g", "i.e", "note", "nb", "however", "but", "yet", "and", "so", "then", "also"}
_NOT_LABELS |= {"thus", "therefore", "meanwhile", "instead", "still", "indeed", "later", "later on"}
# A dash followed by these continues a sentence about the words before it ("Kirov – who ...").
_CONTINUES = re.compile(r"^(?:who|whom|whose|which|that|and|but|or|so|as|is|was|were|had)\b")
_HISTORIANS_LABEL = re.compile(r"^(?:historians?|held by|schools?)$", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'\-.]*|[a-z]{1,3}|[A-Z]\.)$")
_TRAILING_PARENS = re.compile(r"\(([^()]*)\)\s*[.;]?\s*$")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|/|\band\b|\n)\s*")
_DATED = re.compile(r"\s*\(?\b(?:1[5-9]\d\d|20\d\d)[a-z]?\)?\s*$")  # "Conquest 1968", "(1990b)"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@dataclass
class Point:
    """One piece of evidence (or one consequence) as found in the document."""

    text: str
    line_start: int
    line_end: int
    label: str | None = None
    references: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PositionCell:
    title: str
    summary: str
    historians: tuple[str, ...]
    historians_line: int | None


def _dash_label(text: str) -> re.Match[str] | None:
    """A "Label – text" match, unless the dash only sets off words inside a sentence.

    "Kirov – a popular leader – was shot" pairs its dashes around an aside and
    goes on in lower case after the second: that is one sentence, not a label.
    """
    m = _DASH_LABEL.match(text)
    if m is None:
        return None
    rest = m.group("rest").strip()
    if _CONTINUES.match(rest):
        return None
    dash = m.group("spaced") or m.group("glued")
    aside = re.search(rf"\s{re.escape(dash)}\s+[a-z]", rest)
    return None if aside is not None else m


def split_label(text: str, *, dashes: bool = True) -> tuple[str | None, str]:
    """("Industrial Enemies", "rest") for a "Label: text" or "Label – text" line, else (None, text).

    ``dashes=False`` reads only the colon form: on a balance sheet the words
    before a dash ("Created jobs – promotion!") are the consequence itself, not
    its category.
    """
    stripped = text.strip()
    m = _LABEL.match(stripped) or (_dash_label(stripped) if dashes else None)
    if m is None:
        return None, stripped
    label = m.group("label").strip()
    words = label.split()
    if not 1 <= len(words) <= 5 or label.lower() in _NOT_LABELS:
        return None, stripped
    return label, m.group("rest").strip()


def name_list(text: str) -> tuple[str, ...] | None:
    """The names in "Deutscher, Fainsod & Mandelstam", or None if it is not a list of names."""
    parts = _NAME_SPLIT.split(text.strip())
    names = [_DATED.sub("", n).strip(" .") for n in parts if _DATED.sub("", n).strip(" .")]
    if not names:
        return None
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 4 or not words[-1][:1].isupper():
            return None
        if not all(_NAME_WORD.match(w) for w in words):
            return None
    return tuple(names)


def parse_position(lines: tuple[Line, ...]) -> PositionCell:
    texts = [line for line in lines if line.text.strip()]
    if not texts:
        return PositionCell("", "", (), None)
    historians: tuple[str, ...] = ()
    historians_line: int | None = None
    body = [line.text.strip() for line in texts]
    numbers = [line.number for line in texts]
    # Historians: the last paragraph "(A, B, C)" or a trailing "(A, B)" on the last one.
    for index in range(len(body) - 1, 0, -1):
        m = _TRAILING_PARENS.search(body[index])
        if m is None:
            continue
        names = name_list(m.group(1))
        if names is None:
            break
        historians, historians_line = names, numbers[index]
        body[index] = body[index][: m.start()].strip()
        if not body[index]:
            del body[index]
        break
    for index in range(1, len(body)):  # or a "Historians: A, B" line
        label, rest_of_line = split_label(body[index])
        if not historians and label and _HISTORIANS_LABEL.match(label):
            historians = name_list(rest_of_line) or ((rest_of_line,) if rest_of_line else ())
            historians_line = numbers[index]
            del body[index]
            break
    title, rest = body[0], body[1:]
    if len(title.split()) > 14:
        first, *more = _SENTENCE.split(title, maxsplit=1)
        title, rest = first.rstrip("."), [*more, *rest]
    return PositionCell(title, " ".join(rest).strip(), historians, historians_line)


def is_reference(text: str) -> bool:
    return bool(_REFERENCE.match(text.strip()))


def parse_points(
    lines: tuple[Line, ...] | list[Line], *, dashes: bool = True
) -> tuple[list[Point], list[tuple[str, int]]]:
    """Points of an evidence cell, and references that had no point to attach to.

    ``dashes`` as in ``split_label`` (off for consequences).
    """
    points: list[Point] = []
    pending: list[tuple[str, int]] = []
    heading: str | None = None  # a "Label:" line on its own labels the points below it
    heading_line: int | None = None  # ... and its line is the start of the first of them
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if is_reference(text):
            pending.append((text.strip("() "), line.number))
            continue
        if line.level > 0 and points:
            last = points[-1]
            last.text = f"{last.text}; {text}" if last.text else text
            last.line_end = max(line.number, line.end)
            continue
        label, rest = split_label(text, dashes=dashes)
        if label is not None and not rest:
            heading, heading_line = label, line.number
            continue
        point = Point(
            rest if label else text,
            heading_line or line.number,
            max(line.number, line.end),
            label or heading,
        )
        heading_line = None
        point.references.extend(ref for ref, _ in pending)
        pending.clear()
        points.append(point)
    if pending and points:
        points[-1].references.extend(ref for ref, _ in pending)
        pending = []
    return points, pending
