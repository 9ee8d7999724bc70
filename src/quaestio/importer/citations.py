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
    r"(?:p{1,2}\.\s*)?(?:1[4-9]\d\d|20\d\d|\d{1,4}(?:\s*[-–]\s*\d{1,4})?[a-z]?|[xvi]{1,6})\)"
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


_ADDRESS = re.compile(r"\S*://\S*|\bwww\.\S+")


@lru_cache(maxsize=4)
def _words_of(document: str) -> frozenset[str]:
    """Every run of word characters in ``document``, found once per document.

    Web addresses are left out: "william-archibald-dunning" in a link does not
    make Namier a common word.
    """
    return frozenset(re.findall(r"\w+", _ADDRESS.sub(" ", document)))


def _common_word(word: str, document: str) -> bool:
    """A word the document also writes in lower case ("Failed", "Biography") is not a name."""
    low = word.lower()
    if low in _NOT_NAMES or low in _MONTHS:
        return True
    if not document:
        return False
    if re.fullmatch(r"\w+", low):  # the same answer as a \b...\b search, without the scan
        return low in _words_of(document)
    return re.search(r"\b" + re.escape(low) + r"\b", _ADDRESS.sub(" ", document)) is not None


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|_[^_]+_|\*[^*]+\*")
_INCLUDED = re.compile(
    r"\bhistorians?\s+(?:included|include|includes|such\s+as|like|including|were|are)\s+"
    r"(?P<rest>[^.;:]+)"
)
_FULL_NAME = re.compile(r"\b[A-Z][a-zà-ÿ'’\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zà-ÿ'’\-]+){1,2}\b")


def listed_names(text: str, document: str = "") -> list[str]:
    """Full names after "historians included" / "such as": the members a sentence lists.

    Titles of their books (in quotes or italics) and link addresses are dropped
    first, so "the “Port Royal Experiment” Willie Lee Rose" gives Rose.
    """
    plain = _LINK.sub(r"\1", text)
    found: list[str] = []
    for m in _INCLUDED.finditer(plain):
        rest = _QUOTED.sub(" ", m.group("rest"))
        for name in _FULL_NAME.findall(rest):
            last = name.split()[-1]
            if not _common_word(last, document) and last not in found:
                found.append(last)
    return found


_REFERENCE = re.compile(
    r"^\s*(?P<surname>[A-Z][\w'’-]+),\s+(?P<given>[A-Z][\w.'’ -]+?)(?:,|\.\s|\s+and\b)"
)


@lru_cache(maxsize=4)
def given_only(document: str) -> frozenset[str]:
    """Words a reference list writes only as given names ("Levi, Giovanni. On ...").

    A student citing "(Levi, Giovanni, and Ginzburg, 4)" splits one author in two;
    the reference list says Giovanni is a given name, not a historian.
    """
    surnames: set[str] = set()
    given: set[str] = set()
    for line in document.split("\n"):
        m = _REFERENCE.match(line)
        if m:
            surnames.add(m.group("surname"))
            given.update(w for w in m.group("given").split() if len(w) > 2)
    return frozenset(given - surnames)


def cited_names(text: str, document: str = "") -> list[str]:
    """Names standing where a historian stands in ``text``, in order, without repeats."""
    found: list[str] = listed_names(text, document)
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


_SAYING = re.compile(
    r"\s+(?:argued|argues|claims?|claimed|suggests?|suggested|shows?|showed|writes|wrote|"
    r"believes?|believed|sees|saw|stresses|stressed|emphasi[sz]es|emphasi[sz]ed|thinks|thought|"
    r"says|said|states|stated|notes|noted|maintains|maintained|insists|insisted|contends|"
    r"contended|blames|blamed|challenges|rejects|disputes|criticises|criticizes|agrees|"
    r"disagrees|describes|described|and\s+[A-Z]|[’']s\b|,)"
)


_GIVEN_NAME_OF = re.compile(r"\s+[A-Z][a-zà-ÿ'’\-]+")
_ARTICLE = re.compile(r"\b(?:the|a|an)\s+$", re.I)


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(' *_“"(')
    return not before or before.endswith((".", "!", "?", ":", "\n", "-", "–"))


def known_names(text: str, known: Callable[[str], bool], document: str = "") -> list[str]:
    """Capitalised words of ``text`` that the historian table knows as historians.

    A known surname that opens a sentence is a historian only when a verb of
    saying (or another name) follows it: "Short of money, the" opens with an
    ordinary word, "Taylor argued" with a historian. After an article ("the
    Namier school") the name labels a thing, not a historian's view.
    """
    found: list[str] = []
    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        if word in found or _common_word(word, document) or not known(word):
            continue
        if _sentence_start(text, m.start()) and not _SAYING.match(text, m.end()):
            continue
        if _GIVEN_NAME_OF.match(text, m.end()):
            continue  # "Thomas Hobbes": a given name here, not the surname the table knows
        if _ARTICLE.search(text[: m.start()]):
            continue  # "the Namier school", "a Taylor rule": a name used for a thing
        found.append(word)
    return found


_SCHOOL_OF = re.compile(r"^(?:the\s+)?(?P<name>[A-Z][a-zà-ÿ'’]+?)s$", re.I)


def school_name(title: str, document: str) -> list[str]:
    """ "The Turners": a school called after its founder, who is a historian of it.

    Only when the document writes the founder's name alone, always with a capital,
    at least once as a person ("Turner was", "Turner's", "Turner argued") and not
    after an article ("the Whig story" names no person).
    """
    m = _SCHOOL_OF.match(title.strip())
    if m is None:
        return []
    name = m.group("name")
    if not name[:1].isupper() or _common_word(name, document):
        return []
    plain = _ADDRESS.sub(" ", document)
    alone = (
        m
        for m in re.finditer(r"\b" + re.escape(name) + r"\b(?![-])", plain)
        if not _ARTICLE.search(plain[: m.start()])
        and (_SAYING.match(plain, m.end()) or _PERSON_AFTER.match(plain, m.end()))
    )
    return [name] if next(alone, None) is not None else []


# What follows a person's name: "Turner was", "Turner's", "Turner wrote".
_PERSON_AFTER = re.compile(r"(?:[’']s\b|\s+(?:was|is|had|has|did|wrote|taught|studied|died)\b)")
