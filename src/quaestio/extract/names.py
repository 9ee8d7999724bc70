"""Canonical keys for historians' names.

The key folds case, diacritics, hyphenation and common transliteration variants
so that "Ezhov"/"Yezhov", "Shapiro"/"Schapiro" and "Arch-Getty"/"J. Arch Getty"
are one person, while the spelling the document used is kept for display.
"""

from __future__ import annotations

import re
import unicodedata

# Known aliases: variant key -> canonical key. Extended by the importer's
# historian table; kept small and documented in docs/historians.md.
ALIASES: dict[str, str] = {
    "yezhov": "ezhov",
    "schapiro": "schapiro",
    "shapiro": "schapiro",
    "archgetty": "getty",
    "jarchgetty": "getty",
    "getty": "getty",
    "brzezinski": "brzezinski",
    "brezinski": "brzezinski",
    "ordzhonikidze": "ordzhonikidze",
    "ordzhinikidze": "ordzhonikidze",
}

_INITIALS = re.compile(r"\b[A-Za-z]\.\s*")


def fold(text: str) -> str:
    """Lower-case ASCII letters only: 'Brzeziński' -> 'brzezinski'."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z]", "", ascii_only.lower())


def historian_key(name: str) -> str:
    """The canonical key of a historian's name as written."""
    without_initials = _INITIALS.sub("", name.strip())
    key = fold(without_initials)
    if key in ALIASES:
        return ALIASES[key]
    # transliteration: Russian "ye"/"e" at the start, "sch"/"sh"
    for variant in (re.sub(r"^ye", "e", key), key.replace("sch", "sh")):
        if variant in ALIASES:
            return ALIASES[variant]
    return key or fold(name) or name.strip().lower()
