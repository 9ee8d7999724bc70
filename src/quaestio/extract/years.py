"""Years mentioned in running text, as a history handout writes them.

Handles "1934", "summer 1934", "1937 / 38", "1936-38", "'21", "88 BC" (as -88),
"the purges 33 – 36" (short years around an en dash, in the ``base`` century),
"in 1066", "c. 800", "the Norman conquest of 1066", "1066-1087", "(1215)" (years before 1400
need such a sign: "1104 were dead" and "1066 soldiers" are counts), and lists of short years
after a full one ("1919, 21, 24"), which teachers use all the time. A
decade ("the 1930s") is not a year and a number glued to letters ("1996b") is a
typo, not a year: both are left out so that a timeline never shows a false date.

``year_spans`` gives the character spans that were read as years, so the figure
extractor can skip them (the "21" of "1919, 21" is a year, not a count).
"""

from __future__ import annotations

import re
from functools import lru_cache

_FULL = r"(1[4-9]\d\d|20\d\d)"
# Earlier years only with a word that makes them dates ("in 1066"): "1104 were dead" is a count.
_EARLY = re.compile(
    r"(?:\b(?i:in|by|from|since|until|till|during|before|after|around|circa|year)\s+|"
    r"(?<![\w.])(?:c|ca)\.\s*)"
    r"(1[0-3]\d\d|[1-9]\d\d)(?=\s*(?:[.,;:)!?]|$|(?i:the|a|an|and|to|when|he|she|they|it|was|"
    r"were|with|by|in|on|at|as|after|before)\b|[A-Z][a-z]))",
)
# "the Norman conquest of 1066": "of" makes a date only after a word naming an event;
# "an army of 1066" or "a ransom of 1000 marks" are counts.
_EVENT_OF = re.compile(
    r"\b(?:conquest|invasion|battle|siege|sack|fall|revolt|rising|uprising|rebellion|revolution|"
    r"crusade|war|treaty|peace|truce|charter|statute|act|edict|decree|assize|ordinance|council|"
    r"synod|parliament|election|coronation|death|murder|plague|famine|fire|flood|earthquake|"
    r"eruption|raid|campaign|settlement|crisis|schism|massacre|landing|reform|reforms|summer|"
    r"winter|spring|autumn|events)\s+of\s+(1[0-3]\d\d|[1-9]\d\d)\b",
    re.I,
)
# "1066-1087", "1066–87", "1337 to 1453": a span of early years, checked in ``_early_ranges``.
_EARLY_RANGE = re.compile(r"(?<![\w/.,])(1[0-3]\d\d)\s*(?:-|–|—|to)\s*(1[0-4]\d\d|\d{2})(?![\w/%])")
# "Magna Carta (1215)"; a round "(1200)" is more likely a count.
_PARENTHESISED = re.compile(r"\((1[0-3](?!00)\d\d)\)")
# After a number, a plural word or a per cent sign makes it a count ("1066 soldiers", "300 ships");
# small words and verbs that end in "s" go on a sentence about a date ("of 1381 shows").
_GOES_ON = (
    r"is|was|has|as|its|his|this|thus|whereas|across|always|shows|proves|means|remains|seems|"
    r"suggests|begins|ends|becomes|reflects|explains|helps|makes|takes|gives|leads|lies|stands|"
    r"follows|brings|matters|changes|starts|sees|sets"
)
_COUNT_AFTER = re.compile(r"\s*(?:%|per\s*cent|(?!(?:" + _GOES_ON + r")\b)[a-z]+s\b)")
_NOT_EARLY_BEFORE = re.compile(
    r"\b(?:aged?|pages?|pp?\.?|scored?|ratio|chapters?|verses?|nos?\.?|rooms?|lines?)\s*$", re.I
)
_ERA = re.compile(
    r"(?<![\w.])(\d{1,4})\s*(BCE?|B\.C\.?|CE|AD|A\.D\.?)(?![\w])|\b(AD|A\.D\.)\s*(\d{1,4})\b"
)
_DASH = r"(?:/|-|–|—|to)"
_RANGE = re.compile(r"(?<![\w/.,])" + _FULL + r"\s*" + _DASH + r"\s*(\d{4}|\d{2})(?![\w/])")
_LIST = re.compile(
    r"(?<![\w/.])" + _FULL + r"((?:\s*(?:,|and|&)\s*['’]?\d{2}(?![\w/%]|\s*%|\s*(?:per\s*cent)))+)"
)
_COUNTED = (
    r"(?!\s+(?:people|men|women|persons|soldiers|troops|deaths|dead|victims|delegates|members|"
    r"copies|workers|prisoners|officers|households|families|miles|km|tons|tonnes)\b)"
)
_SINGLE = re.compile(r"(?<![\w/.,])" + _FULL + r"(?![\w/]|\s*%)" + _COUNTED)
# "the purges 33 – 36": two short years around a spaced or en dash, not followed by a count noun.
_SHORT_RANGE = re.compile(r"(?<![\w/.,'’])(\d{2})\s*[–—]\s*(\d{2})(?![\w/%])(?!\s+[A-Za-z]+s\b)")
_NOT_YEARS_BEFORE = re.compile(
    r"\b(?:aged?|pages?|pp?\.?|scored?|ratio|chapters?|verses?|nos?\.?|rooms?|between)\s*$", re.I
)
_APOSTROPHE = re.compile(r"(?<![\w])['’](\d{2})(?![\w'’])")
_DECADE = re.compile(r"(?<![\w])['’]?\d{2,4}0['’]?s\b")


def _expand(century_of: int, short: str) -> int:
    if len(short) == 4:
        return int(short)
    century = century_of // 100 * 100
    year = century + int(short)
    return year if year >= century_of else year + 100


def _is_count(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts something ("1066 soldiers", "300 ships")."""
    after = text[end:]
    return bool(_COUNT_AFTER.match(after)) or not re.match(_COUNTED, after)


def _early_ranges(text: str) -> list[tuple[int, int, tuple[int, int]]]:
    """Spans of early years ("1066-1087"): plausible lengths, not pages, not counts.

    Two round hundreds ("1000-1200") are a count far more often than a date,
    unless a date word stands before them ("from 1200 to 1300" still reads as
    a count, so only "in"/"c."-style cues and "during" lift it).
    """
    out: list[tuple[int, int, tuple[int, int]]] = []
    for m in _EARLY_RANGE.finditer(text):
        start = int(m.group(1))
        end = _expand(start, m.group(2))
        before = text[max(0, m.start() - 12) : m.start()]
        round_pair = start % 100 == 0 and end % 100 == 0
        cued = re.search(r"\b(?:in|during|c\.|ca\.|circa|reigned|ruled)\s*$", before, re.I)
        if (
            0 < end - start <= 120
            and not _NOT_EARLY_BEFORE.search(before)
            and not _is_count(text, m.end())
            and (cued or not round_pair)
        ):
            out.append((m.start(), m.end(), (start, end)))
    return out


_ANY_DIGIT = re.compile(r"\d")


class _Taken:
    """Marks characters already read as part of a year (one class, not one per call)."""

    __slots__ = ("mask",)

    def __init__(self, mask: bytearray) -> None:
        self.mask = mask

    def append(self, span: tuple[int, int]) -> None:
        self.mask[span[0] : span[1]] = b"\x01" * (span[1] - span[0])


def year_spans(text: str, *, base: int = 1900) -> list[tuple[int, int, tuple[int, ...]]]:
    """(start, end, years) for every stretch of ``text`` read as one or more years."""
    spans: list[tuple[int, int, tuple[int, ...]]] = []
    # Characters already read as part of a year, as a mask: checking a span costs its
    # length, not the number of spans taken so far (a cell listing thousands of years
    # was quadratic).
    if not _ANY_DIGIT.search(text):
        return spans  # every reading of a year needs a digit
    mask = bytearray(len(text))
    taken = _Taken(mask)
    for m in _DECADE.finditer(text):
        taken.append(m.span())

    def free(a: int, b: int) -> bool:
        return 1 not in mask[a:b]

    for m in _ERA.finditer(text):
        if m.group(4):
            year = int(m.group(4))
        else:
            year = int(m.group(1)) * (-1 if m.group(2).upper().startswith("B") else 1)
        taken.append(m.span())
        spans.append((m.start(), m.end(), (year,)))

    for m in _RANGE.finditer(text):
        start = int(m.group(1))
        end = _expand(start, m.group(2))
        if start < end <= start + 30 and free(*m.span()):
            taken.append(m.span())
            spans.append((m.start(), m.end(), (start, end)))
    for a, b, pair in _early_ranges(text):
        if free(a, b):
            taken.append((a, b))
            spans.append((a, b, pair))
    for m in _LIST.finditer(text):
        if not free(*m.span()):
            continue
        start = int(m.group(1))
        found = [start]
        prev = start
        stop = m.end()
        for short in re.finditer(r"\s*(?:,|and|&)\s*['’]?(\d{2})", m.group(2)):
            year = _expand(prev, short.group(1))
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
    for m in _EARLY.finditer(text):
        if free(*m.span(1)):
            taken.append(m.span(1))
            spans.append((m.start(1), m.end(1), (int(m.group(1)),)))
    for pattern in (_EVENT_OF, _PARENTHESISED):
        for m in pattern.finditer(text):
            if free(*m.span(1)) and not _is_count(text, m.end(1)):
                taken.append(m.span(1))
                spans.append((m.start(1), m.end(1), (int(m.group(1)),)))
    for m in _SHORT_RANGE.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if (
            0 < second - first <= 10
            and free(*m.span())
            and re.match(_COUNTED, text[m.end() :])
            and not _NOT_YEARS_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        ):
            taken.append(m.span())
            spans.append((m.start(), m.end(), (base + first, base + second)))
    for m in _APOSTROPHE.finditer(text):
        if free(*m.span()):
            taken.append(m.span())
            spans.append((m.start(), m.end(), (base + int(m.group(1)),)))
    return sorted(spans)


@lru_cache(maxsize=32768)
def find_years(text: str, *, base: int = 1900) -> tuple[int, ...]:
    """Every year in ``text``, sorted and without duplicates (BC years are negative).

    Cached: the quiz, the cards and the timeline ask about the same sentences again.
    """
    return tuple(sorted({y for _, _, ys in year_spans(text, base=base) for y in ys}))
