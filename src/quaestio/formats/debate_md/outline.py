"""The first pass over a ``*.debate.md`` file: which line belongs to which section.

Structure is settled here, line by line, so that every mistake in the layout is
reported at its own line; attribute values stay raw until ``read`` turns the
outline into a debate, where ids and cross-references can be resolved as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from quaestio.errors import ParseError
from quaestio.formats.debate_md.attrs import split_leading_attrs, split_trailing_attrs

RESERVED_SECTIONS = ("conclusion", "consequences", "warnings", "relations", "arguments", "schools")
_NO_TITLE = "the file must start with a '# Title' heading"
_LABEL = re.compile(r"^\*\*([^*\n]+?):\*\*(?: |$)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^[-*+]\s+(.*)$")
#: an indented ``- For: ...`` / ``- Against: ...`` bullet: a point answering the point above
NESTED = re.compile(r"^( +)[-*+]\s+(for|against):[ \t]*(.*)$", re.IGNORECASE)
#: a continuation line that would read as a nested bullet is written with one more leading
#: backslash (``\\- Against: x``); the reader takes one off
ESCAPED_NESTED = re.compile(r"^\\+\s*[-*+]\s+(for|against):", re.IGNORECASE)
#: what the writer escapes: that line with any number of leading backslashes
LOOKS_NESTED = re.compile(r"^\\*\s*[-*+]\s+(for|against):", re.IGNORECASE)


@dataclass
class Item:
    """A bullet point (or the conclusion): its attributes and its text lines, unescaped."""

    line: int
    attrs: dict[str, Any]
    lines: list[str]
    label: str | None = None
    level: int = 0
    stance: str | None = None
    children: list[Item] = field(default_factory=list)


@dataclass
class PositionOutline:
    line: int
    title: str
    attrs: dict[str, Any]
    historians: list[str] = field(default_factory=list)
    historian_keys: list[str] | None = None
    disputed: list[str] = field(default_factory=list)
    disputed_keys: list[str] | None = None
    summary: list[str] = field(default_factory=list)
    items: dict[str, list[Item]] = field(default_factory=lambda: {"for": [], "against": []})


class Outline:
    """The sections of one file; ``run`` fills them in or raises at the first bad line."""

    def __init__(self, text: str, path: str | None) -> None:
        self.lines = text.split("\n")
        self.path = path
        self.title: str | None = None
        self.title_attrs: dict[str, Any] = {}
        self.question = ""
        self.positions: list[PositionOutline] = []
        self.conclusion: Item | None = None
        self.consequences: dict[str, list[Item]] = {"positive": [], "negative": []}
        self.warnings: list[Item] = []
        self.claims: list[Item] = []  # the conclusion's ``### Claims``
        self.relations: list[Item] = []
        self.arguments: list[Item] = []
        self.schools: list[Item] = []
        self.tree: list[Item] = []  # the open chain of nested points, by level
        self.seen_sections: set[str] = set()
        self.section: str | None = None  # "position", "conclusion", "consequences", "warnings"
        self.sub: str | None = None
        self.current_item: Item | None = None

    def error(self, message: str, line: int, fld: str | None = None) -> ParseError:
        return ParseError(message, file=self.path, line=line, field=fld)

    def run(self) -> None:
        for number, raw in enumerate(self.lines, start=1):
            line = raw.rstrip()
            nested = NESTED.match(line) if self.tree else None
            if nested is not None:
                self._close_item()
                self._nested(len(nested.group(1)), nested.group(2), nested.group(3), number)
                continue
            if self.current_item is not None:
                indent = "  " * (self.current_item.level + 1)
                if raw.startswith(indent) or not line:
                    text = raw[len(indent) :].rstrip() if line else ""
                    self.current_item.lines.append(text[1:] if ESCAPED_NESTED.match(text) else text)
                    continue
                if raw.startswith(" ") and self.current_item.level > 0:
                    raise self.error(
                        f"indent the lines of a nested point by {len(indent)} spaces", number
                    )
            self._close_item()
            if not raw.startswith(" "):
                self.tree = []
            if not line:
                self._blank()
                continue
            heading = _HEADING.match(line)
            if heading:
                self._heading(len(heading.group(1)), heading.group(2), number)
                continue
            bullet = _BULLET.match(line)
            if bullet:
                self._bullet(bullet.group(1), number)
                continue
            self._text(line, number)
        self._close_item()
        if self.title is None:
            raise self.error(_NO_TITLE, 1, "title")

    def _close_item(self) -> None:
        if self.current_item is not None:
            while self.current_item.lines and not self.current_item.lines[-1]:
                self.current_item.lines.pop()
            self.current_item = None

    def _blank(self) -> None:
        if self.section == "position" and self.sub is None and self.positions[-1].summary:
            self.positions[-1].summary.append("")
        elif (
            self.section == "conclusion"
            and self.sub is None
            and self.conclusion is not None
            and self.conclusion.lines
        ):
            self.conclusion.lines.append("")

    def _heading(self, level: int, text: str, number: int) -> None:
        title, attrs = split_trailing_attrs(text, path=self.path, line=number)
        if level == 1:
            if self.title is not None:
                raise self.error("a second '# title' heading; a file holds one debate", number)
            self.title, self.title_attrs = title, attrs
            self.section = None
            return
        if self.title is None:
            raise self.error(_NO_TITLE, number, "title")
        if level == 2:
            self.sub = None
            name = title.strip().lower()
            if name in RESERVED_SECTIONS and "id" not in attrs:
                if name in self.seen_sections and name != "conclusion":
                    raise self.error(f"a second '## {title.strip()}' section", number)
                self.seen_sections.add(name)
                self.section = name
                if name == "conclusion":
                    if self.conclusion is not None:
                        raise self.error("a second '## Conclusion' section", number)
                    self.conclusion = Item(number, attrs, [])
                return
            self.section = "position"
            self.positions.append(PositionOutline(number, title, attrs))
            return
        if level == 3:
            name = title.strip().lower().rstrip(":")
            if self.section == "position" and name in ("for", "against"):
                self.sub = name
                return
            if self.section == "consequences" and name in ("positive", "negative"):
                self.sub = name
                return
            if self.section == "conclusion" and name == "claims":
                self.sub = name
                return
            expected = (
                "'### For' or '### Against'"
                if self.section == "position"
                else "'### Positive' or '### Negative'"
                if self.section == "consequences"
                else "'### Claims'"
                if self.section == "conclusion"
                else "no level-3 heading here"
            )
            raise self.error(f"unexpected heading {title!r}; expected {expected}", number)
        raise self.error(f"headings deeper than ### are not part of the format: {text!r}", number)

    def _bullet(self, body: str, number: int) -> None:
        if self.section == "position" and self.sub in ("for", "against"):
            target = self.positions[-1].items[self.sub]
        elif self.section == "consequences" and self.sub in ("positive", "negative"):
            target = self.consequences[self.sub]
        elif self.section == "warnings":
            target = self.warnings
        elif self.section == "conclusion" and self.sub == "claims":
            target = self.claims
        elif self.section in ("relations", "arguments", "schools"):
            target = getattr(self, self.section)
        else:
            raise self.error(
                "a bullet point outside a '### For/Against' or '### Positive/Negative' list",
                number,
            )
        rest, attrs = split_leading_attrs(body, path=self.path, line=number)
        label = None
        m = _LABEL.match(rest)
        if m:
            label, rest = m.group(1).strip(), rest[m.end() :]
        elif rest.startswith("\\"):
            rest = rest[1:]
        self.current_item = Item(number, attrs, [rest], label)
        target.append(self.current_item)
        self.tree = [self.current_item] if self.section == "position" else []

    def _nested(self, indent: int, stance: str, body: str, number: int) -> None:
        """``  - Against: ...`` under a point: a point answering the one a level up."""
        level, odd = divmod(indent, 2)
        if odd or level > len(self.tree):
            raise self.error(
                f"a nested point is indented {indent} spaces; indent 2 spaces per level, "
                f"at most {2 * len(self.tree)} here",
                number,
            )
        rest, attrs = split_leading_attrs(body, path=self.path, line=number)
        label = None
        m = _LABEL.match(rest)
        if m:
            label, rest = m.group(1).strip(), rest[m.end() :]
        elif rest.startswith("\\"):
            rest = rest[1:]
        item = Item(number, attrs, [rest], label, level, stance.lower())
        self.tree[level - 1].children.append(item)
        del self.tree[level:]
        self.tree.append(item)
        self.current_item = item

    def _text(self, line: str, number: int) -> None:
        if self.section is None and self.title is not None and not self.positions:
            if line.lower().startswith("question:"):
                self.question = line.split(":", 1)[1].strip()
                return
            raise self.error(
                "text before the first position; only 'Question: ...' goes here", number
            )
        if self.title is None:
            raise self.error(_NO_TITLE, number, "title")
        if self.section == "position":
            self._position_text(self.positions[-1], line, number)
            return
        if self.section == "conclusion" and self.sub is None:
            assert self.conclusion is not None
            self.conclusion.lines.append(_unescape(line))
            return
        raise self.error(f"text outside any section: {line[:40]!r}", number)

    def _position_text(self, draft: PositionOutline, line: str, number: int) -> None:
        if self.sub is not None:
            raise self.error("text inside a For/Against list must be a '- ' bullet point", number)
        lowered = line.lower()
        if lowered.startswith(("historians:", "disputed by:")) and not draft.summary:
            names_text, attrs = split_trailing_attrs(
                line.split(":", 1)[1].strip(), path=self.path, line=number
            )
            sep = ";" if ";" in names_text else ","
            names = [n.strip() for n in names_text.split(sep) if n.strip()]
            keys = None
            if "keys" in attrs:
                raw_keys = attrs["keys"]
                if not isinstance(raw_keys, list) or len(raw_keys) != len(names):
                    raise self.error("keys= must list one key per historian", number, "keys")
                keys = [str(k) for k in raw_keys]
            if lowered.startswith("historians:"):
                draft.historians, draft.historian_keys = names, keys
            else:
                draft.disputed, draft.disputed_keys = names, keys
            return
        draft.summary.append(_unescape(line))


def _unescape(line: str) -> str:
    return line[1:] if line.startswith("\\") else line
