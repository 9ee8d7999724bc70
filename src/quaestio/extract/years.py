"""Years mentioned in running text, as a history handout writes them.

Handles "1934", "summer 1934", "1937 / 38", "1936-38", "'21", and lists of short
years after a full one ("1919, 21, 24"), which teachers use all the time. A
decade ("the 1930s") is not a year and a number glued to letters ("1996b") is a
typo, not a year: both are left out so that a timeline never shows a false date.

``year_spans`` gives the character spans that were read as years, so the figure
extractor can skip them (the "21" of "1919, 21" is a year, not a count).
"""

from __future__ import annotations

import re

_FULL = r"(1[5-9]\d\d|20\d\d)"
_DASH = r"(?:/|-|–|—|to)"
_RANGE = re.compile(r"(?<![\w/.,])" + _FULL + r"\s*" + _DASH + r"\s*(\d{4}|\d{2})(?![\w/])")
_LIST = re.compile(
    r"(?<![\w/.])" + _FULL + r"((?:\s*(?:,|and|&)\s*['’]?\d{2}(?![\w/%]|\s*%|\s*(?:per\s*cent)))+)"
)
_SINGLE = re.compile(r"(?<![\w/.,])" + _FULL + r"(?![\w/]|\s*%)")
_APOSTROPHE = re.compile(r"(?<![\w])['’](\d{2})(?![\w'’])")
_DECADE = re.compile(r"(?<![\w])['’]?\d{2,4}0['’]?s\b")


def _expand(century_of: int, short: str) -> int:
    if len(short) == 4:
        return int(short)
    century = century_of // 100 * 100
    year = century + int(short)
    return year if year >= century_of else year + 100


def year_spans(text: str, *, base: int = 1900) -> list[tuple[int, int, tuple[int, ...]]]:
    """(start, end, years) for every stretch of ``text`` read as one or more years."""
    spans: list[tuple[int, int, tuple[int, ...]]] = []
    taken: list[tuple[int, int]] = [m.span() for m in _DECADE.finditer(text)]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _RANGE.finditer(text):
        start = int(m.group(1))
        end = _expand(start, m.group(2))
        if start < end <= start + 30 and free(*m.span()):
            taken.append(m.span())
            spans.append((m.start(), m.end(), (start, end)))
    for m in _LIST.finditer(text):
        if not free(*m.span()):
            continue
        start = int(m.group(1))
        found = [start]
        prev = start
        stop = m.end()
        for short in re.finditer(r"\d{2}", m.group(2)):
            year = _expand(prev, short.group(0))
            if year > start + 30:
                stop = m.start(2) + short.start()
                break  # "1934 and '99" is not a list of years
            found.append(year)
            prev = year
        taken.append((m.start(), stop))
        spans.append((m.start(), stop, tuple(found)))
    for m in _SINGLE.finditer(text):
        if free(*m.span()):
            taken.append(m.span())
            spans.append((m.start(), m.end(), (int(m.group(1)),)))
    for m in _APOSTROPHE.finditer(text):
        if free(*m.span()):
            taken.append(m.span())
            spans.append((m.start(), m.end(), (base + int(m.group(1)),)))
    return sorted(spans)


def find_years(text: str, *, base: int = 1900) -> tuple[int, ...]:
    """Every year in ``text``, sorted and without duplicates."""
    return tuple(sorted({y for _, _, ys in year_spans(text, base=base) for y in ys}))
