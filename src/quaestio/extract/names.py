"""Canonical keys for historians' names.

The key folds case, diacritics, hyphenation and common transliteration variants
so that "Ezhov"/"Yezhov", "Shapiro"/"Schapiro" and "Arch-Getty"/"J. Arch Getty"
are one person, while the spelling the document used is kept for display.

Known people come from a small table shipped with the package
(``historians.toml``, documented in ``docs/historians.md``) that a user extends
with a file named by ``QUAESTIO_HISTORIANS`` or passed explicitly. A name the
table does not know is never dropped: it keys to its own folded spelling.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from quaestio.errors import ParseError

ENV_VAR = "QUAESTIO_HISTORIANS"
_INITIALS = re.compile(r"\b[A-Za-z]\.\s*")
_NEAR_MISS = 85.0  # rapidfuzz ratio from which an unknown name looks like a known one


_TRANSLIT = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"})


def fold(text: str) -> str:
    """Lower-case ASCII letters only: 'Brzeziński' -> 'brzezinski', 'Łukasz' -> 'lukasz'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLIT))
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z]", "", ascii_only.lower())


_TRANSLIT_RULES = ((re.compile(r"^ye"), "e"), (re.compile(r"(?:ii|iy|yi|ij)$"), "y"))


def transliterated(folded: str) -> str:
    """One spelling for common romanisations of Russian names: Yezhov/Ezhov, Trotskii/Trotsky."""
    for pattern, replacement in _TRANSLIT_RULES:
        folded = pattern.sub(replacement, folded)
    return folded


def _fold_name(name: str) -> str:
    return fold(_INITIALS.sub("", name.strip()))


@dataclass(frozen=True)
class KnownName:
    key: str
    name: str
    school: str = ""
    kind: str = "historian"
    variants: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()


@dataclass(frozen=True)
class NameCheck:
    """The key of a name as written, and a note when the spelling looks wrong."""

    key: str
    known: KnownName | None
    note: str | None = None


@dataclass
class HistorianTable:
    """Folded spelling -> known person, with misspellings remembered separately."""

    people: dict[str, KnownName] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict)
    _wrong: dict[str, str] = field(default_factory=dict)
    # a document repeats its words: each spelling is looked up (fuzzily) once
    _checked: dict[str, NameCheck] = field(default_factory=dict, repr=False, compare=False)

    def add(self, person: KnownName) -> None:
        self._checked.clear()
        self.people[person.key] = person
        surname = person.name.split()[-1] if person.name.split() else person.key
        for spelling in (person.key, person.name, surname, *person.variants):
            if folded := _fold_name(spelling):
                self._exact[folded] = person.key
        for spelling in person.misspellings:
            if folded := _fold_name(spelling):
                self._wrong[folded] = person.key

    def extend_from(self, path: str | Path) -> None:
        for person in _read_entries(Path(path)):
            self.add(person)

    def check(self, name: str) -> NameCheck:
        found = self._checked.get(name)
        if found is None:
            if len(self._checked) > 50_000:  # the table is shared: a long-lived server stays small
                self._checked.clear()
            found = self._checked[name] = self._check(name)
        return found

    def _check(self, name: str) -> NameCheck:
        folded = _fold_name(name)
        if not folded:
            return NameCheck(fold(name) or name.strip().casefold(), None)
        candidates = [folded, re.sub(r"^ye", "e", folded), folded.replace("sch", "sh")]
        candidates.append(transliterated(folded))
        for candidate in candidates:
            if candidate in self._exact:
                return NameCheck(self._exact[candidate], self.people[self._exact[candidate]])
        if folded in self._wrong:
            person = self.people[self._wrong[folded]]
            return NameCheck(
                person.key, person, f"{name.strip()!r} is usually spelt {person.name!r}"
            )
        from rapidfuzz import fuzz  # only for a name not found as written (start-up cost)

        best: tuple[float, str] | None = None
        for spelling, key in self._exact.items():
            score = fuzz.ratio(folded, spelling)
            if score >= _NEAR_MISS and (best is None or score > best[0]):
                best = (score, key)
        if best is not None:
            person = self.people[best[1]]
            return NameCheck(
                transliterated(folded),
                None,
                f"{name.strip()!r} is close to the known {person.name!r} but not the same; "
                "kept as a different person",
            )
        return NameCheck(transliterated(folded), None)

    def key(self, name: str) -> str:
        return self.check(name).key

    def misspelt(self, name: str) -> KnownName | None:
        """The known person when ``name`` is one of their listed misspellings ("Brezinski"),
        else None: an exact look-up, so near misses stay the different people they may be."""
        key = self._wrong.get(_fold_name(name))
        return self.people.get(key) if key is not None else None


def _entry(data: dict[str, Any], where: str) -> KnownName:
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise ParseError("every historian needs a 'name'", file=where, field="name")
    key = data.get("key") or _fold_name(data["name"].split()[-1])
    return KnownName(
        key=fold(str(key)),
        name=data["name"],
        school=str(data.get("school", "")),
        kind=str(data.get("kind", "historian")),
        variants=tuple(str(v) for v in data.get("variants", ())),
        misspellings=tuple(str(v) for v in data.get("misspellings", ())),
    )


def _read_entries(path: Path) -> list[KnownName]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ParseError(f"cannot read the historian table: {exc}", file=str(path)) from exc
    try:
        data: Any = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ParseError(f"not a valid historian table: {exc}", file=str(path)) from exc
    entries = data.get("historian", []) if isinstance(data, dict) else data
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ParseError(
            "expected a list of [[historian]] entries", file=str(path), field="historian"
        )
    return [_entry(e, str(path)) for e in entries]


def builtin_entries() -> list[KnownName]:
    text = resources.files("quaestio.extract").joinpath("historians.toml").read_text("utf-8")
    return [_entry(e, "historians.toml") for e in tomllib.loads(text)["historian"]]


@cache
def _table_for(extra: str | None) -> HistorianTable:
    table = HistorianTable()
    for person in builtin_entries():
        table.add(person)
    if extra:
        table.extend_from(extra)
    return table


def load_table(extra: str | Path | None = None) -> HistorianTable:
    """The built-in table, extended by ``extra`` or else by the file in $QUAESTIO_HISTORIANS."""
    chosen = str(extra) if extra is not None else os.environ.get(ENV_VAR) or None
    return _table_for(chosen)


def historian_key(name: str) -> str:
    """The canonical key of a historian's name as written."""
    return load_table().key(name)


def __getattr__(name: str) -> Any:
    # ``ALIASES`` (folded variant -> canonical key) is kept for callers of the first
    # version, built on first use: reading the table at import cost every command.
    if name == "ALIASES":
        return dict(_table_for(None)._exact)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
