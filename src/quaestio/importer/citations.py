"""Historians named in running text: citations, "X argued", "according to X".

A handout rarely gives a "Historians:" line; it cites "(Weiss, 1982)" or
"(Cochran, 77)", writes "Friedman and Schwartz argued" or "according to
Conquest". Each form is a rule with the words that make it, so every name can be
traced to the sentence it came from. Acronyms ("(POUR)") and sentence words
("This argued") are not names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_NAME = r"[A-Z][a-zà-ÿ'’\-]+(?:\s+[A-Z][a-zà-ÿ'’\-]+)?"
_CITATION = re.compile(
    rf"\((?P<names>{_NAME}(?:(?:,\s*|\s*,?\s+and\s+|\s*&\s*){_NAME})*)(?:\s+et\s+al\.?)?,?\s+"
    r"(?:p{1,2}\.\s*)?(?:1[4-9]\d\d|20\d\d|\d{1,4}(?:\s*[-–]\s*\d{1,4})?)[a-z]?\)"
)
_VERB = re.compile(
    rf"\b(?P<names>{_NAME}(?:\s+and\s+{_NAME})?)\s+(?:has\s+|have\s+)?(?:argued|argues|argue|claimed|claims|"
    r"suggested|suggests|contended|contends|believed|believes|maintained|maintains|asserted|asserts|"
    r"insisted|insists|emphasi[sz]ed|emphasi[sz]es|stressed|stresses)\b"
)
_ACCORDING = re.compile(rf"\baccording\s+to\s+(?P<names>{_NAME}(?:\s+and\s+{_NAME})?)")
_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
_NOT_NAMES = {
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "many",
    "some",
    "most",
    "historians",
    "historian",
    "critics",
    "scholars",
    "others",
    "who",
    "which",
    "also",
    "later",
    "marxists",
    "revisionists",
    "people",
    "americans",
    "germans",
    "britain",
    "france",
    "germany",
    "russia",
    "england",
    "america",
    "europe",
    "president",
    "king",
    "queen",
    "one",
    "another",
    "both",
    "all",
    "his",
    "her",
    "their",
    "there",
    "here",
    "then",
    "when",
    "article",
    "chapter",
    "page",
    "section",
    "figure",
    "table",
    "volume",
    "vol",
    "act",
    "law",
    "treaty",
    "source",
    "document",
    "doc",
    "plate",
    "appendix",
    "note",
    "line",
}


_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_TITLE_NAMES = re.compile(r"^(?P<a>[A-Z][a-zà-ÿ'’\-]+)\s+(?:and|&)\s+(?P<b>[A-Z][a-zà-ÿ'’\-]+)$")


def title_names(title: str, document: str = "") -> list[str]:
    """ "Friedman and Schwartz" as a heading: the two historians whose view it is."""
    m = _TITLE_NAMES.match(title.strip())
    if m is None:
        return []
    names = [m.group("a"), m.group("b")]
    return [] if any(_common_word(n, document) for n in names) else names


@lru_cache(maxsize=4)
def _words_of(document: str) -> frozenset[str]:
    """Every run of word characters in ``document``, found once per document."""
    return frozenset(re.findall(r"\w+", document))


def _common_word(word: str, document: str) -> bool:
    """A word the document also writes in lower case ("Failed", "Biography") is not a name."""
    low = word.lower()
    if low in _NOT_NAMES or low in _MONTHS:
        return True
    if not document:
        return False
    if re.fullmatch(r"\w+", low):  # the same answer as a \b...\b search, without the scan
        return low in _words_of(document)
    return re.search(r"\b" + re.escape(low) + r"\b", document) is not None


def cited_names(text: str, document: str = "") -> list[str]:
    """Names standing where a historian stands in ``text``, in order, without repeats."""
    found: list[str] = []
    for rx in (_CITATION, _VERB, _ACCORDING):
        for m in rx.finditer(text):
            for name in _SPLIT.split(m.group("names")):
                name = name.strip()
                last = name.split()[-1] if name.split() else ""
                if not last or last.isupper() or _common_word(last, document):
                    continue
                if name.split()[0].lower() in _NOT_NAMES:
                    name = last
                if name not in found:
                    found.append(name)
    return found


_CAPITALISED = re.compile(r"\b[A-Z][a-zà-ÿ'’\-]{2,}\b")


def known_names(text: str, known: Callable[[str], bool], document: str = "") -> list[str]:
    """Capitalised words of ``text`` that the historian table knows as historians."""
    found: list[str] = []
    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        if word not in found and not _common_word(word, document) and known(word):
            found.append(word)
    return found
