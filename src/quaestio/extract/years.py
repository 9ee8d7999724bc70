"""Years mentioned in running text, as a history handout writes them.

Handles "1934", "summer 1934", "1937 / 38", "1936-38", and lists of short years
after a full one ("1919, 21, 24"), which teachers use all the time.
"""

from __future__ import annotations

import re

_FULL = r"(1[5-9]\d\d|20\d\d)"
_RANGE = re.compile(_FULL + r"\s*(?:/|-|–|to)\s*(\d{2,4})\b")
_LIST = re.compile(_FULL + r"((?:\s*(?:,|and|&)\s*'?\d{2}\b(?!\s*%))+)")
_SINGLE = re.compile(r"(?<![\d/.,])" + _FULL + r"(?![\d/])")
_APOSTROPHE = re.compile(r"'(\d{2})\b")


def _expand(century_of: int, short: str) -> int:
    if len(short) == 4:
        return int(short)
    century = century_of // 100 * 100
    year = century + int(short)
    return year if year >= century_of else year + 100


def find_years(text: str, *, base: int = 1900) -> tuple[int, ...]:
    """Every year in ``text``, sorted and without duplicates."""
    years: set[int] = set()
    for m in _RANGE.finditer(text):
        start = int(m.group(1))
        end = _expand(start, m.group(2))
        if start <= end <= start + 30:
            years.add(start)
            years.add(end)
    for m in _LIST.finditer(text):
        start = int(m.group(1))
        years.add(start)
        prev = start
        for short in re.findall(r"\d{2}", m.group(2)):
            year = _expand(prev, short)
            if year > start + 30:
                break  # "1934 and '21" is not a list of years
            years.add(year)
            prev = year
    for m in _SINGLE.finditer(text):
        years.add(int(m.group(1)))
    for m in _APOSTROPHE.finditer(text):
        years.add(base + int(m.group(1)))
    return tuple(sorted(years))
